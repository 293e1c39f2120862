//! What nearly every component needs, through Yew's context instead of a
//! prop threaded through every layer: the interface language, the
//! dispatcher of `Action`s, and the plan's problems (wasm32 only).
//!
//! The app provides one `Ctx`. It compares as a language and a pointer
//! (the dispatcher is made once), so it changes only when the language
//! does: a slider drag notifies no consumer, and switching the language
//! redraws every component that reads it, memoised or not.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Field, Problem, Text};
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

/// The plan's problems, so each control finds its own by its field instead
/// of every section looking them up for it. Compared by value: an edit
/// that keeps the plan valid notifies no control.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Problems(pub Rc<Vec<Problem>>);

/// The model's message for `field`, in the interface language.
#[hook]
pub fn use_problem(field: &Field) -> Option<AttrValue> {
    let lang = use_lang();
    let problems = use_context::<Problems>().unwrap_or_default();
    problems
        .0
        .iter()
        .find(|p| p.path == *field)
        .map(|p| AttrValue::from(p.rule.text(lang)))
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
