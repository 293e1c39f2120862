//! The display choices that outlive a visit: the interface language, the
//! currency money is shown in and the bridge's scale (amounts or % of
//! need). Stored as a small JSON object under `KEY`, beside the saved plan;
//! not part of the plan, its file or its undo history. A stored value that
//! is missing or broken is ignored field by field: the default stands.

use serde_json::{json, Value};

use super::format::DisplayCurrency;
use super::i18n::Lang;

/// The storage key, next to `codec::storage::KEY_CURRENT`.
pub const KEY: &str = "sunset-planner/view";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prefs {
    pub lang: Lang,
    pub currency: DisplayCurrency,
    /// The bridge drawn as a share of each year's need.
    pub share_of_need: bool,
}

impl Prefs {
    pub fn to_json(self) -> String {
        json!({
            "lang": self.lang.code(),
            "currency": match self.currency {
                DisplayCurrency::Local => "local",
                DisplayCurrency::Usd => "USD",
            },
            "scale": if self.share_of_need { "share_of_need" } else { "amounts" },
        })
        .to_string()
    }

    /// The stored text read back; what cannot be read keeps its default.
    pub fn from_json(text: &str) -> Prefs {
        let v: Value = serde_json::from_str(text).unwrap_or_default();
        let field = |k: &str| v.get(k).and_then(Value::as_str);
        let d = Prefs::default();
        Prefs {
            lang: field("lang").and_then(Lang::from_code).unwrap_or(d.lang),
            currency: match field("currency") {
                Some("USD") => DisplayCurrency::Usd,
                _ => d.currency,
            },
            share_of_need: field("scale") == Some("share_of_need"),
        }
    }
}

/// The stored choices (defaults when storage is unreadable or empty).
#[cfg(target_arch = "wasm32")]
pub fn load() -> Prefs {
    crate::codec::browser::storage_get(KEY)
        .ok()
        .flatten()
        .map_or_else(Prefs::default, |t| Prefs::from_json(&t))
}

/// Stores the choices with `change` applied. A refused write only means
/// the next visit opens with the defaults, so it is not reported.
#[cfg(target_arch = "wasm32")]
pub fn update(change: impl FnOnce(&mut Prefs)) {
    let mut p = load();
    change(&mut p);
    let _ = crate::codec::browser::storage_set(KEY, &p.to_json());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_round_trip() {
        let p = Prefs {
            lang: Lang::Fr,
            currency: DisplayCurrency::Usd,
            share_of_need: true,
        };
        assert_eq!(Prefs::from_json(&p.to_json()), p);
        assert_eq!(
            Prefs::from_json(&Prefs::default().to_json()),
            Prefs::default()
        );
    }

    #[test]
    fn a_broken_value_is_ignored_field_by_field() {
        for text in ["", "{", "null", "[1]", "\"fr\"", "{\"lang\": 7, broken"] {
            assert_eq!(Prefs::from_json(text), Prefs::default(), "{text}");
        }
        let p = Prefs::from_json(r#"{"lang": "xx", "currency": "USD", "scale": 3}"#);
        assert_eq!(
            p,
            Prefs {
                currency: DisplayCurrency::Usd,
                ..Prefs::default()
            }
        );
    }
}
