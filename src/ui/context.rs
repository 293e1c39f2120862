//! What nearly every component needs, through Yew's context instead of a
//! prop threaded through every layer: the interface language and the
//! dispatcher of `Action`s (wasm32 only).
//!
//! The app provides one `Ctx`. It compares as a language and a pointer
//! (the dispatcher is made once), so it changes only when the language
//! does: a slider drag notifies no consumer, and switching the language
//! redraws every component that reads it, memoised or not.

use yew::prelude::*;

use crate::ui::i18n::Lang;
use crate::ui::state::Action;

#[derive(Clone, Debug, PartialEq)]
pub struct Ctx {
    pub lang: Lang,
    /// Sends an `Action` to the app's reducer.
    pub dispatch: Callback<Action>,
}

impl Ctx {
    pub fn new(lang: Lang, dispatch: Callback<Action>) -> Ctx {
        Ctx { lang, dispatch }
    }
}

/// The app's context. Outside a provider (a component mounted alone):
/// English, and a dispatcher that drops every action.
#[hook]
pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().unwrap_or_else(|| Ctx::new(Lang::default(), Callback::noop()))
}

/// The interface language.
#[hook]
pub fn use_lang() -> Lang {
    use_ctx().lang
}

/// The dispatcher of `Action`s (the same callback for the app's life).
#[hook]
pub fn use_dispatch() -> Callback<Action> {
    use_ctx().dispatch
}
