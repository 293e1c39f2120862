//! The head of one item in a list (a revenue stream, a donor …): its name
//! and the buttons to move, duplicate and remove it. Removing an item a
//! donor co-finances first says so and asks (inline, not a browser dialog).

use yew::prelude::*;

use super::confirm::Confirm;
use super::text_field::TextField;
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::edit::{List, ListOp};
use crate::ui::i18n::{tr, Lang};
use crate::ui::state::Action;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub list: List,
    pub index: usize,
    pub count: usize,
    /// The item's name; `None` for items without one (shocks), shown as `title`.
    pub name: Option<AttrValue>,
    pub title: AttrValue,
    /// The donors that co-finance this item (`edit::cofinancers`).
    #[prop_or_default]
    pub cofinancers: Vec<AttrValue>,
}

/// "Remove X? Donor Y co-finances it." in `l`.
fn removal_question(what: &str, donors: &[AttrValue], l: Lang) -> String {
    let names = donors
        .iter()
        .map(|d| d.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    match (l, donors.len() > 1) {
        (Lang::En, false) => format!("Remove {what}? Donor {names} co-finances it."),
        (Lang::En, true) => format!("Remove {what}? Donors {names} co-finance it."),
        (Lang::Fr, false) => format!("Supprimer {what} ? Le bailleur {names} le cofinance."),
        (Lang::Fr, true) => format!("Supprimer {what} ? Les bailleurs {names} le cofinancent."),
    }
}

#[function_component(ItemHeader)]
pub fn item_header(p: &Props) -> Html {
    let Ctx { lang: l, dispatch } = use_ctx();
    let asking = use_state_eq(|| false);
    let at = p.list.field().index(p.index);
    let button = |op: ListOp, id: &str, text: &'static str, label: String, disabled: bool| {
        let on_edit = dispatch.clone();
        let list = p.list;
        let onclick = Callback::from(move |_| {
            on_edit.emit(Action::List {
                list,
                op: op.clone(),
            })
        });
        html! {
            <button type="button" class="icon" {onclick} {disabled} title={label.clone()}
                aria-label={label} data-testid={format!("{id}-{at}")}>{ text }</button>
        }
    };
    let i = p.index;
    let what = p.name.clone().unwrap_or_else(|| p.title.clone());
    let remove = |confirmed: bool| {
        let (on_edit, asking, list) = (dispatch.clone(), asking.clone(), p.list);
        let ask = !confirmed && !p.cofinancers.is_empty();
        Callback::from(move |_: MouseEvent| {
            asking.set(ask);
            if !ask {
                on_edit.emit(Action::List {
                    list,
                    op: ListOp::Remove(i),
                });
            }
        })
    };
    let keep = {
        let asking = asking.clone();
        Callback::from(move |()| asking.set(false))
    };
    let remove_label = format!("{} {what}", tr(l, "Remove:", "Supprimer :"));
    let question = removal_question(&what, &p.cofinancers, l);
    html! { <>
        <div class="item-header">
            if let (Some(name), Some(field)) = (&p.name, p.list.name_at(p.index)) {
                <TextField {field} label={AttrValue::from(tr(l, "Name", "Nom"))}
                    value={name.clone()} compact=true />
            } else {
                <h3 class="item-title">{ &p.title }</h3>
            }
            <div class="item-buttons">
                { button(ListOp::MoveUp(i), "up", "↑", format!("{} {what}", tr(l, "Move up:", "Monter :")), i == 0) }
                { button(ListOp::MoveDown(i), "down", "↓", format!("{} {what}", tr(l, "Move down:", "Descendre :")), i + 1 >= p.count) }
                { button(ListOp::Duplicate(i), "duplicate", "⊞", format!("{} {what}", tr(l, "Duplicate:", "Dupliquer :")), false) }
                <button type="button" class="icon" onclick={remove(false)} title={remove_label.clone()}
                    aria-label={remove_label} data-testid={format!("remove-{at}")}>{ "✕" }</button>
            </div>
        </div>
        if *asking {
            <Confirm question={question} at={at.to_string()} on_remove={remove(true)} on_keep={keep} />
        }
    </> }
}
