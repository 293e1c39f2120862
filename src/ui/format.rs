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
/// Every scale word means one thing to English and French readers alike:
/// French has no such word for 10¹² ("Bn", "billion" are 10⁹ to an English
/// reader), so French writes a trillion in Md: 1.08e12 → "1 080 Md".
pub fn money_short(x: f64, lang: Lang) -> String {
    let a = x.abs();
    let (scale, unit) = if a >= 1e12 && lang == Lang::En {
        (1e12, " tn")
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
    if v.abs() >= 1000.0 {
        // French thousands of Md: whole Md, still three significant figures.
        let p = 10f64.powi(v.abs().log10().floor() as i32 - 2);
        return format!("{}{}", number((v / p).round() * p, 0, lang), unit);
    }
    let decimals = if scale == 1.0 || v.abs() >= 100.0 {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_uses_short_scales() {
        assert_eq!(money_short(3.5e10, Lang::En), "35.0 bn");
        assert_eq!(money_short(2.4e6, Lang::En), "2.40 M");
        assert_eq!(money_short(950.0, Lang::En), "950");
        assert_eq!(money_short(-1.25e3, Lang::En), "−1.25 k");
        assert_eq!(money_short(3.5e10, Lang::Fr), "35,0 Md");
    }

    #[test]
    fn no_scale_word_reads_two_ways() {
        // "Bn" is 10¹² to a French reader and 10⁹ to an English one.
        assert_eq!(money_short(1.0837e12, Lang::Fr), "1\u{202f}080 Md");
        assert_eq!(money_short(-2.5e13, Lang::Fr), "−25\u{202f}000 Md");
        assert_eq!(money_short(1.0837e12, Lang::En), "1.08 tn");
        assert_eq!(money_short(999e9, Lang::Fr), "999 Md");
        for x in [1e12, 3.3e14, 7e17] {
            assert!(!money_short(x, Lang::Fr).contains("Bn"));
        }
    }

    #[test]
    fn numbers_group_by_language() {
        assert_eq!(number(1234567.891, 2, Lang::En), "1,234,567.89");
        assert_eq!(
            number(1234567.891, 1, Lang::Fr),
            "1\u{202f}234\u{202f}567,9"
        );
        assert_eq!(number(f64::NAN, 1, Lang::En), "–");
        assert_eq!(pct(12.345, Lang::En), "12.3\u{a0}%");
    }

    #[test]
    fn usd_divides_by_the_year_rate() {
        assert_eq!(DisplayCurrency::Usd.convert(300.0, 150.0), 2.0);
        assert_eq!(DisplayCurrency::Local.convert(300.0, 150.0), 300.0);
        assert!(DisplayCurrency::Usd.convert(300.0, 0.0).is_nan());
    }
}
