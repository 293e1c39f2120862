//! The one way the app writes numbers for people: money with k / M / bn,
//! percentages, years. Exports (CSV, JSON) never use this: they carry raw
//! numbers.

use super::i18n::Lang;

/// `1234.5` → "1,234.5" (en) or "1 234,5" (fr), with `decimals` places.
pub fn number(x: f64, decimals: usize, lang: Lang) -> String {
    if !x.is_finite() {
        return "–".to_string();
    }
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let (group, point) = match lang {
        Lang::En => (',', '.'),
        Lang::Fr => ('\u{202f}', ','),
    };
    let mut out = String::new();
    if x < 0.0 && s.chars().any(|c| c != '0' && c != '.') {
        out.push('−');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(point);
        out.push_str(f);
    }
    out
}

/// Money in short form: 3.5e10 → "35.0 bn", 2.4e6 → "2.40 M", 950 → "950".
/// Three significant figures, enough to read a chart and defend a number.
pub fn money_short(x: f64, lang: Lang) -> String {
    let a = x.abs();
    let (scale, unit) = if a >= 1e12 {
        (
            1e12,
            match lang {
                Lang::En => " tn",
                Lang::Fr => " Bn",
            },
        )
    } else if a >= 1e9 {
        (
            1e9,
            match lang {
                Lang::En => " bn",
                Lang::Fr => " Md",
            },
        )
    } else if a >= 1e6 {
        (1e6, " M")
    } else if a >= 1e3 {
        (1e3, " k")
    } else {
        (1.0, "")
    };
    let v = x / scale;
    let decimals = if scale == 1.0 {
        0
    } else if v.abs() >= 100.0 {
        0
    } else if v.abs() >= 10.0 {
        1
    } else {
        2
    };
    format!("{}{}", number(v, decimals, lang), unit)
}

/// A percentage: 12.345 → "12.3 %".
pub fn pct(x: f64, lang: Lang) -> String {
    format!("{}\u{a0}%", number(x, 1, lang))
}

/// Which currency money is shown in. Plans are in local currency units;
/// USD figures divide by that year's projected exchange rate fx_t.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DisplayCurrency {
    #[default]
    Local,
    Usd,
}

impl DisplayCurrency {
    /// `lcu` (local currency) shown in this currency, at exchange rate `fx`
    /// (LCU per USD).
    pub fn convert(self, lcu: f64, fx: f64) -> f64 {
        match self {
            DisplayCurrency::Local => lcu,
            DisplayCurrency::Usd if fx > 0.0 => lcu / fx,
            DisplayCurrency::Usd => f64::NAN,
        }
    }
}
