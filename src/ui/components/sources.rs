//! Notes and sources: the note field beside each item, and the list of the
//! figures that have no source yet (every revenue stream, cost line,
//! programme and donor whose note is empty), each a link to its note.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::problems_banner::go_to;
use super::text_field::TextField;
use crate::model::{root, Field, Plan};
use crate::ui::context::use_ctx;
use crate::ui::i18n::{tr, Lang};

/// The note of an item or of the plan: where a figure comes from.
pub fn note_field(field: Field, note: &str, l: Lang) -> Html {
    html! {
        <TextField {field} label={tr(l, "Source or note", "Source ou note")} value={note.to_string()}
            placeholder={tr(l, "e.g. Budget law 2026, table 3", "p. ex. Loi de finances 2026, tableau 3")} />
    }
}

#[derive(Properties)]
pub struct Props {
    pub plan: Rc<Plan>,
}

impl PartialEq for Props {
    /// The list is all the plan gives it: a figure dragged is no change.
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.plan, &o.plan) || unsourced(&self.plan) == unsourced(&o.plan)
    }
}

/// The note fields and names of the items without a source, in plan order.
fn unsourced(plan: &Plan) -> Vec<(Field, String)> {
    let r = root();
    let mut out = Vec::new();
    let mut add = |note: &str, at: Field, name: &str| {
        if note.trim().is_empty() {
            out.push((at, name.to_string()));
        }
    };
    for (i, x) in plan.revenues.iter().enumerate() {
        add(&x.note, r.revenues().at(i).note(), &x.name);
    }
    for (i, x) in plan.costs.iter().enumerate() {
        add(&x.note, r.costs().at(i).note(), &x.name);
    }
    for (i, x) in plan.programmes.iter().enumerate() {
        add(&x.note, r.programmes().at(i).note(), &x.name);
    }
    for (i, x) in plan.donors.iter().enumerate() {
        add(&x.note, r.donors().at(i).note(), &x.name);
    }
    out
}

/// "Without a source (3): …", each name a link to its note field.
#[function_component(Unsourced)]
pub fn unsourced_list(p: &Props) -> Html {
    let ctx = use_ctx();
    let l = ctx.lang;
    let pending = use_mut_ref(|| None::<Timeout>);
    let missing = unsourced(&p.plan);
    if missing.is_empty() {
        return html! {
            <p class="sources" data-testid="unsourced">
                { tr(l, "Every revenue stream, cost line, programme and donor has a source.",
                     "Chaque recette, poste de dépense, programme et bailleur a une source.") }
            </p>
        };
    }
    let links = missing.into_iter().map(|(field, name)| {
        let onclick = go_to(&field, &ctx.dispatch, &pending);
        html! { <li><a href={format!("#field-{field}")} {onclick}>{ name }</a></li> }
    });
    html! {
        <div class="sources" data-testid="unsourced">
            <p>{ tr(l, "Without a source yet:", "Encore sans source :") }</p>
            <ul>{ for links }</ul>
        </div>
    }
}
