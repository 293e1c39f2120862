//! The banner shown while the plan has problems: how many, that the charts
//! show the last valid plan, and a link to each control concerned.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::{Field, Plan, Problem, Text};
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::i18n::Lang;
use crate::ui::labels::place;
use crate::ui::state::{Action, Section};

#[derive(Properties, Clone)]
pub struct Props {
    /// For item names in the list; only looked at while there are problems.
    pub plan: Rc<Plan>,
    pub problems: Rc<Vec<Problem>>,
}

impl PartialEq for Props {
    fn eq(&self, o: &Self) -> bool {
        self.problems == o.problems && (self.problems.is_empty() || Rc::ptr_eq(&self.plan, &o.plan))
    }
}

/// A link's click that opens the section of `field` and then focuses its
/// control; a later click replaces a pending one (`pending`).
pub(crate) fn go_to(
    field: &Field,
    dispatch: &Callback<Action>,
    pending: &Rc<RefCell<Option<Timeout>>>,
) -> Callback<MouseEvent> {
    let (dispatch, pending) = (dispatch.clone(), pending.clone());
    let (path, section) = (field.to_string(), Section::of(field));
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        dispatch.emit(Action::OpenSection(section));
        // Once the section has opened.
        let path = path.clone();
        *pending.borrow_mut() = Some(Timeout::new(0, move || focus(&path)));
    })
}

/// Focuses the control for `path`, or the nearest one above it
/// (`donors[1].taper` → `donors[1].name`).
fn focus(path: &str) {
    let doc = gloo::utils::document();
    let mut p = path;
    loop {
        let el = doc
            .get_element_by_id(&format!("field-{p}"))
            .or_else(|| doc.get_element_by_id(&format!("field-{p}.name")));
        if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
            return;
        }
        match p.rfind(['.', '[']) {
            Some(i) => p = &p[..i],
            None => return,
        }
    }
}

#[function_component(ProblemsBanner)]
pub fn problems_banner(p: &Props) -> Html {
    let Ctx { lang: l, dispatch } = use_ctx();
    let pending = use_mut_ref(|| None::<Timeout>);
    let n = p.problems.len();
    if n == 0 {
        return Html::default();
    }
    let head = match (l, n) {
        (Lang::En, 1) => {
            "This plan has 1 problem; the charts show the last valid plan.".to_string()
        }
        (Lang::En, n) => {
            format!("This plan has {n} problems; the charts show the last valid plan.")
        }
        (Lang::Fr, 1) => {
            "Ce plan a 1 problème ; les graphiques montrent le dernier plan valide.".to_string()
        }
        (Lang::Fr, n) => {
            format!("Ce plan a {n} problèmes ; les graphiques montrent le dernier plan valide.")
        }
    };
    let items = p.problems.iter().map(|pr| {
        let where_ = place(&p.plan, &pr.path, l);
        let onclick = go_to(&pr.path, &dispatch, &pending);

        html! {
            <li><a href={format!("#field-{}", pr.path)} {onclick}><code>{ where_ }</code></a>{ format!(" — {}", pr.rule.text(l)) }</li>
        }
    });
    html! {
        <div class="problems-banner" role="alert" data-testid="problems-banner">
            <p><strong>{ head }</strong></p>
            <ul>{ for items }</ul>
        </div>
    }
}
