//! English and French. Strings stay next to the code that shows them, as
//! `tr(lang, "English", "Français")`, so a component carries its own texts
//! and no central table has to be kept in step.

/// The language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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

/// The two texts of a codec error, which has `Display` (English) and
/// `message_fr`.
#[macro_export]
macro_rules! both {
    ($e:expr) => {{
        let e = &$e;
        $crate::ui::i18n::Message::new(e.to_string(), $crate::model::Bilingual::message_fr(e))
    }};
}
