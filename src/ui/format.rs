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

/// `number` without the zeros that end its decimals: 100.00 → "100",
/// 57.50 → "57.5" (a figure as exact as it is, not padded to a width).
pub fn trimmed(x: f64, decimals: usize, lang: Lang) -> String {
    let s = number(x, decimals, lang);
    match decimals {
        0 => s,
        _ => s
            .trim_end_matches('0')
            .trim_end_matches(['.', ','])
            .to_string(),
    }
}

/// Money in short form: 3.5e10 → "35.0 bn", 2.4e6 → "2.40 M", 950 → "950".
/// Three significant figures, enough to read a chart and defend a number.
/// Every scale word means one thing to English and French readers alike:
/// French has no such word for 10¹² ("Bn", "billion" are 10⁹ to an English
/// reader), so French writes a trillion in Md: 1.08e12 → "1 080 Md".
/// From 10¹⁵ on (a plan may grow that far) no scale word is short, so the
/// figure is a power of ten: 2.5e20 → "2.5e20".
pub fn money_short(x: f64, lang: Lang) -> String {
    match x.abs() >= 1e15 {
        true => exponent(x, lang),
        false => money_words(x, lang),
    }
}

/// `money_short` in scale words at any size (the axes choose their own
/// notation for the whole axis).
fn money_words(x: f64, lang: Lang) -> String {
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

/// What an axis measures, for `axis_labels`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    Money,
    Pct,
}

/// The longest tick label written in words, in characters (a percentage's
/// " %" aside): "80 000 Md", which a French plan of 60 years reaches, reads
/// better than an exponent. Charts make their margin as wide as their
/// longest label.
pub const AXIS_CHARS: usize = 9;

/// The labels of an axis's ticks, in one notation for the whole axis so it
/// reads as one scale: money with the scale words of `money_short` ("2.5
/// bn", "7,500 tn"), percentages whole when round ("40 %"), without the
/// zeros a round tick does not need. When any label would be longer than
/// `AXIS_CHARS` (growth of 1000 % a year over 60 years reaches 10¹²⁰),
/// every tick is written with an exponent instead: "2.5e20", "1.2e67 %".
pub fn axis_labels(ticks: &[f64], axis: Axis, lang: Lang) -> Vec<String> {
    let words: Vec<String> = ticks.iter().map(|t| axis_words(*t, axis, lang)).collect();
    let long = words
        .iter()
        .any(|w| w.trim_end_matches("\u{a0}%").chars().count() > AXIS_CHARS);
    if !long {
        return words;
    }
    ticks
        .iter()
        .map(|t| match axis {
            Axis::Money => exponent(*t, lang),
            Axis::Pct => format!("{}\u{a0}%", exponent(*t, lang)),
        })
        .collect()
}

/// One tick in words: `money_short` or `pct` without trailing zeros.
fn axis_words(v: f64, axis: Axis, lang: Lang) -> String {
    let s = match axis {
        Axis::Money => money_words(v, lang),
        Axis::Pct if (v - v.round()).abs() < 1e-9 => {
            return format!("{}\u{a0}%", number(v, 0, lang))
        }
        Axis::Pct => return pct(v, lang),
    };
    let point = match lang {
        Lang::En => '.',
        Lang::Fr => ',',
    };
    let (num, unit) = s.split_at(s.find(' ').unwrap_or(s.len()));
    if !num.contains(point) {
        return s;
    }
    format!(
        "{}{}",
        num.trim_end_matches('0').trim_end_matches(point),
        unit
    )
}

/// `v` as mantissa and power of ten, to three significant figures:
/// 2.5e20 → "2.5e20" ("2,5e20" in French), 0 → "0".
fn exponent(v: f64, lang: Lang) -> String {
    if v == 0.0 || !v.is_finite() {
        return number(v, 0, lang);
    }
    let s = format!("{:.2e}", v.abs());
    let (m, e) = s.split_once('e').unwrap_or((s.as_str(), "0"));
    let m = m.trim_end_matches('0').trim_end_matches('.');
    let m = match lang {
        Lang::En => m.to_string(),
        Lang::Fr => m.replace('.', ","),
    };
    format!("{}{}e{}", if v < 0.0 { "−" } else { "" }, m, e)
}

/// A plain figure (a price index, an exchange rate) with `decimals`
/// places; from a million on, where inflation over decades can take it,
/// a power of ten: 3.7e21 → "3.7e21".
pub fn plain(x: f64, decimals: usize, lang: Lang) -> String {
    match x.abs() >= 1e6 {
        true => exponent(x, lang),
        false => number(x, decimals, lang),
    }
}

/// A percentage: 12.345 → "12.3 %"; from a million per cent on (a ratio
/// to a need that has all but vanished), a power of ten: "1.4e7 %".
pub fn pct(x: f64, lang: Lang) -> String {
    format!("{}\u{a0}%", plain(x, 1, lang))
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
    fn trimmed_drops_the_zeros_that_end_the_decimals_only() {
        assert_eq!(trimmed(100.0, 2, Lang::En), "100");
        assert_eq!(trimmed(57.5, 2, Lang::En), "57.5");
        assert_eq!(trimmed(57.5, 2, Lang::Fr), "57,5");
        assert_eq!(trimmed(1200.0, 0, Lang::En), "1,200");
        assert_eq!(trimmed(1200.0, 1, Lang::Fr), "1\u{202f}200");
        assert_eq!(trimmed(0.0981, 3, Lang::En), "0.098");
        assert_eq!(trimmed(-0.004, 2, Lang::En), "0");
    }

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
        // Past 10¹⁵ (1 000 tn) no scale word stays short.
        assert_eq!(money_short(9.99e14, Lang::En), "999 tn");
        assert_eq!(money_short(2.5e20, Lang::En), "2.5e20");
        assert_eq!(money_short(-3.25e18, Lang::Fr), "−3,25e18");
        assert_eq!(plain(1.234_56, 3, Lang::En), "1.235");
        assert_eq!(plain(999_999.0, 2, Lang::Fr), "999\u{202f}999,00");
        assert_eq!(plain(3.74e21, 3, Lang::En), "3.74e21");
        assert_eq!(pct(12.345, Lang::En), "12.3\u{a0}%");
        assert_eq!(pct(1.39e7, Lang::Fr), "1,39e7\u{a0}%");
        assert_eq!(money_short(-2.5e13, Lang::Fr), "−25\u{202f}000 Md");
        assert_eq!(money_short(1.0837e12, Lang::En), "1.08 tn");
        assert_eq!(money_short(999e9, Lang::Fr), "999 Md");
        // Three significant figures in hundreds of thousands of Md too.
        assert_eq!(money_short(1.23456e14, Lang::Fr), "123\u{202f}000 Md");
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
        // A negative figure that rounds to zero is zero, with no minus sign.
        assert_eq!(number(-0.04, 1, Lang::En), "0.0");
        assert_eq!(number(-0.06, 1, Lang::Fr), "−0,1");
    }

    #[test]
    fn axis_ticks_drop_the_zeros_a_round_tick_does_not_need() {
        let en = |t: &[f64]| axis_labels(t, Axis::Money, Lang::En);
        assert_eq!(
            en(&[-2.0e6, 0.0, 100.0, 1200.0, 2.5e9, 5.0e12]),
            ["−2 M", "0", "100", "1.2 k", "2.5 bn", "5 tn"]
        );
        assert_eq!(axis_labels(&[1.5e9], Axis::Money, Lang::Fr), ["1,5 Md"]);
        assert_eq!(
            axis_labels(&[0.0, 12.5, 50.0], Axis::Pct, Lang::En),
            ["0\u{a0}%", "12.5\u{a0}%", "50\u{a0}%"]
        );
    }

    #[test]
    fn huge_axes_switch_to_exponents_all_together() {
        // Up to five digits before the scale word the words stay.
        let en = |t: &[f64]| axis_labels(t, Axis::Money, Lang::En);
        assert_eq!(en(&[0.0, 5.0e16]), ["0", "50,000 tn"]);
        assert_eq!(
            en(&[0.0, 5.0e16, 1.0e17]),
            ["0", "5e16", "1e17"],
            "one long label turns the whole axis"
        );
        assert_eq!(en(&[-1.25e137, 2.5e137]), ["−1.25e137", "2.5e137"]);
        // French writes a trillion in Md, so it turns sooner.
        assert_eq!(
            axis_labels(&[0.0, 8.0e13], Axis::Money, Lang::Fr),
            ["0", "80\u{202f}000 Md"]
        );
        assert_eq!(
            axis_labels(&[0.0, 2.5e14], Axis::Money, Lang::Fr),
            ["0", "2,5e14"]
        );
        assert_eq!(
            axis_labels(&[0.0, 2.0e66], Axis::Pct, Lang::En),
            ["0\u{a0}%", "2e66\u{a0}%"]
        );
        // Whatever the magnitude, a positive tick fits the margin.
        for k in 0..300 {
            let top = 2.5 * 10f64.powi(k);
            for lang in [Lang::En, Lang::Fr] {
                for axis in [Axis::Money, Axis::Pct] {
                    for label in axis_labels(&[0.0, top / 2.0, top * 0.75, top], axis, lang) {
                        let n = label.trim_end_matches("\u{a0}%").chars().count();
                        assert!(n <= AXIS_CHARS, "{label} ({n} characters)");
                    }
                }
            }
        }
    }

    #[test]
    fn usd_divides_by_the_year_rate() {
        assert_eq!(DisplayCurrency::Usd.convert(300.0, 150.0), 2.0);
        assert_eq!(DisplayCurrency::Local.convert(300.0, 150.0), 300.0);
        assert!(DisplayCurrency::Usd.convert(300.0, 0.0).is_nan());
    }
}
