//! The languages of the interface and of every message, from the model up.
//! A message is a typed value; its words come from one exhaustive match
//! per language (`Text`), so a message without its French fails to compile.

/// The language of the interface and of its messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// The BCP 47 code, for `<html lang>` and `Intl`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.get(..2)? {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }
}

/// A message with its words in every language: `en` and `fr` are each one
/// exhaustive match over the message's kinds.
pub trait Text {
    fn en(&self) -> String;
    fn fr(&self) -> String;

    /// The message in `lang`.
    fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en(),
            Lang::Fr => self.fr(),
        }
    }
}

/// A number as French writes it: a decimal comma ("7,5").
pub fn number_fr(s: &str) -> String {
    s.replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_is_read_from_its_code_or_a_regional_one() {
        for l in [Lang::En, Lang::Fr] {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code("e"), None);
    }
}
