//! English and French. Strings stay next to the code that shows them, as
//! `tr(lang, "English", "Français")`, so a component carries its own texts
//! and no central table has to be kept in step.

pub use crate::model::{Lang, Text};

/// Picks the text for `lang`.
pub fn tr(lang: Lang, en: &'static str, fr: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// A message kept in both languages, for texts made once and shown later
/// (a link or storage refusal at start-up, an import error): the notice
/// follows the language switch. The codec gives both texts (`Display` and
/// `message_fr`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub en: String,
    pub fr: String,
}

impl Message {
    pub fn new(en: impl Into<String>, fr: impl Into<String>) -> Self {
        Message {
            en: en.into(),
            fr: fr.into(),
        }
    }

    /// A text with no translation (the browser's own words).
    pub fn same(text: impl Into<String>) -> Self {
        let text = text.into();
        Message {
            en: text.clone(),
            fr: text,
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }
}

/// The two texts of a typed message (`Text`: a codec error, a problem).
#[macro_export]
macro_rules! both {
    ($e:expr) => {{
        let e = &$e;
        $crate::ui::i18n::Message::new($crate::model::Text::en(e), $crate::model::Text::fr(e))
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_gives_the_text_of_the_language_asked_for() {
        let m = Message::new("Link copied", "Lien copié");
        assert_eq!(
            (m.get(Lang::En), m.get(Lang::Fr)),
            ("Link copied", "Lien copié")
        );
        assert_eq!(Message::same("QR").get(Lang::Fr), "QR");
    }
}
