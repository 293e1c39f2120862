//! Reading a number as people type it: "1,234.5" or "1 234,5", "3.5e10",
//! and magnitudes ("35 bn", "2.4 M", "900 milliards"). A magnitude means
//! the same in both interface languages, so a figure pasted from an English
//! report is never silently multiplied by a thousand in French; a word two
//! readers would take two ways ("Bn", "billion" in French) is refused with
//! a message that says so. Pure, so it is tested on the host; the browser
//! control turns the cleaned text into a number (`components::number_field`).

use super::i18n::Lang;

/// Why typed text is not a number.
#[derive(Clone, Debug, PartialEq)]
pub enum Unreadable {
    NotANumber,
    /// A magnitude word an English and a French reader read differently.
    Ambiguous(String),
}

impl Unreadable {
    /// What to tell the person, for an ambiguous magnitude.
    pub fn ambiguous_text(&self, lang: Lang) -> Option<String> {
        let Unreadable::Ambiguous(word) = self else {
            return None;
        };
        Some(match lang {
            Lang::En => format!(
                "\"{word}\" is ambiguous: a billion (10⁹) in English, a trillion (10¹²) in French. Write \"bn\" or \"Md\" for 10⁹, \"tn\" or \"T\" for 10¹²."
            ),
            Lang::Fr => format!(
                "« {word} » est ambigu : mille milliards (10¹²) en français, un milliard (10⁹) en anglais. Écrivez « Md » ou « bn » pour 10⁹, « T » ou « tn » pour 10¹²."
            ),
        })
    }
}

/// The power of ten a magnitude word stands for, the same in both
/// languages; `Err` for a word a reader could take two ways in `lang`.
fn magnitude(word: &str, lang: Lang) -> Result<f64, Unreadable> {
    // ASCII lower case: a Kelvin sign must not pass for "k".
    let lower = word.to_ascii_lowercase();
    // French "billion" is 10¹², and "Bn" its abbreviation; English "billion"
    // and "bn" are 10⁹. In the French interface only the lower-case "bn"
    // of English reports is read, as 10⁹.
    let french_trap =
        word.starts_with('B') || lower.starts_with("billion") || lower.starts_with("trillion");
    if lang == Lang::Fr && french_trap {
        return Err(Unreadable::Ambiguous(word.to_string()));
    }
    Ok(match lower.as_str() {
        "" => 1.0,
        "k" => 1e3,
        "m" | "mn" | "million" | "millions" => 1e6,
        "bn" | "md" | "mds" | "milliard" | "milliards" | "g" | "billion" | "billions" => 1e9,
        "t" | "tn" | "trillion" | "trillions" => 1e12,
        _ => return Err(Unreadable::NotANumber),
    })
}

/// Typed text as plain decimal notation (for JavaScript's or Rust's number
/// parser) and the magnitude to multiply it by.
pub fn normalise(text: &str, lang: Lang) -> Result<(String, f64), Unreadable> {
    let s: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_'))
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    // The magnitude is the trailing run of letters; "e" stays with a number
    // ("3.5e10" ends in a digit; "1e" is then no number at all).
    let cut = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(s.len(), |(i, _)| i);
    let (number, word) = s.split_at(cut);
    if number.is_empty() {
        return Err(Unreadable::NotANumber);
    }
    let scale = magnitude(word, lang)?;
    let mut n = number.to_string();
    if n.contains(',') {
        // A comma is a decimal point in French, and in English too when it
        // cannot be grouping ("3,25"), since people type what they are used to.
        let grouping = lang == Lang::En
            && (n.contains('.')
                || n.split(',')
                    .skip(1)
                    .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit())));
        n = if grouping {
            n.replace(',', "")
        } else {
            n.replace(',', ".")
        };
    }
    // Only plain decimal notation: number parsers also take "inf" and "NaN".
    if !n
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
    {
        return Err(Unreadable::NotANumber);
    }
    Ok((n, scale))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `normalise` then Rust's parser (the browser uses JavaScript's).
    fn read(text: &str, lang: Lang) -> Result<f64, Unreadable> {
        let (n, scale) = normalise(text, lang)?;
        n.parse::<f64>()
            .map(|x| x * scale)
            .map_err(|_| Unreadable::NotANumber)
    }

    #[test]
    fn magnitudes_mean_the_same_in_both_languages() {
        for lang in [Lang::En, Lang::Fr] {
            assert_eq!(read("850 bn", lang), Ok(850e9));
            assert_eq!(read("850bn", lang), Ok(850e9));
            assert_eq!(read("900 milliards", lang), Ok(900e9));
            assert_eq!(read("910 Md", lang), Ok(910e9));
            assert_eq!(read("920 G", lang), Ok(920e9));
            assert_eq!(read("2 tn", lang), Ok(2e12));
            assert_eq!(read("3 T", lang), Ok(3e12));
            assert_eq!(read("2.4 M", lang), Ok(2.4e6));
            assert_eq!(read("950 k", lang), Ok(950e3));
            assert_eq!(read("12", lang), Ok(12.0));
        }
        assert_eq!(read("1.1 billion", Lang::En), Ok(1.1e9));
        assert_eq!(read("1 Bn", Lang::En), Ok(1e9));
        assert_eq!(read("2 trillion", Lang::En), Ok(2e12));
        assert_eq!(read("1,2 T", Lang::Fr), Ok(1.2e12));
    }

    #[test]
    fn words_two_readers_read_two_ways_are_refused_in_french() {
        for word in ["3 Bn", "3 BN", "2 billions", "2 billion", "1 trillion"] {
            let err = read(word, Lang::Fr).expect_err(word);
            let text = err.ambiguous_text(Lang::Fr).expect("says it is ambiguous");
            assert!(text.contains("ambigu") && text.contains("Md"), "{text}");
        }
        assert_eq!(Unreadable::NotANumber.ambiguous_text(Lang::Fr), None);
    }

    #[test]
    fn grouping_and_decimal_marks_follow_the_language() {
        assert_eq!(read("1,234.5", Lang::En), Ok(1234.5));
        assert_eq!(read("1,234", Lang::En), Ok(1234.0));
        assert_eq!(read("3,25", Lang::En), Ok(3.25));
        assert_eq!(read("1 234,5", Lang::Fr), Ok(1234.5));
        assert_eq!(read("1\u{202f}234,5", Lang::Fr), Ok(1234.5));
        assert_eq!(read("−4", Lang::En), Ok(-4.0));
        assert_eq!(read("3.5e10", Lang::En), Ok(3.5e10));
    }

    #[test]
    fn other_text_is_not_a_number() {
        for t in [
            "",
            "bn",
            "abc",
            "inf",
            "NaN",
            "12 kg",
            "3 \u{212a}",
            "1e",
            "4 furlongs",
        ] {
            assert_eq!(read(t, Lang::En), Err(Unreadable::NotANumber), "{t}");
        }
    }
}
