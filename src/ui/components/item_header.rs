//! The head of one item in a list (a revenue stream, a donor …): its name
//! and the buttons to move, duplicate and remove it.

use yew::prelude::*;

use super::text_field::TextField;
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::edit::{List, ListOp};
use crate::ui::i18n::tr;
use crate::ui::state::Action;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub list: List,
    pub index: usize,
    pub count: usize,
    /// The item's name; `None` for items without one (shocks), shown as `title`.
    pub name: Option<AttrValue>,
    pub title: AttrValue,
}

#[function_component(ItemHeader)]
pub fn item_header(p: &Props) -> Html {
    let Ctx { lang: l, dispatch } = use_ctx();
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
    html! {
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
                { button(ListOp::Remove(i), "remove", "✕", format!("{} {what}", tr(l, "Remove:", "Supprimer :")), false) }
            </div>
        </div>
    }
}
