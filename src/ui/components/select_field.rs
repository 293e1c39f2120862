//! A select for a closed set of choices (kinds, shapes, operators, metrics,
//! currencies). A pick sets the field, unless the section takes it with
//! `on_pick`, since some picks (kind, shape) are more than a set.

use yew::prelude::*;

use super::scenario_bar::{changed_mark, use_changed};
use crate::model::Field;
use crate::ui::context::{use_ctx, use_problem};
use crate::ui::edit::Value;
use crate::ui::state::{Action, Edit};

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub field: Field,
    pub label: AttrValue,
    /// The selected option's value.
    pub value: AttrValue,
    /// (value, label) pairs.
    pub options: Vec<(AttrValue, AttrValue)>,
    #[prop_or_default]
    pub on_pick: Option<Callback<String>>,
}

#[function_component(SelectField)]
pub fn select_field(p: &Props) -> Html {
    let ctx = use_ctx();
    let dispatch = ctx.dispatch.clone();
    let problem = use_problem(&p.field);
    // Marked, with a reset, when the scenario on screen changes it.
    let changed = use_changed(&p.field);
    let on_pick = p.on_pick.clone().unwrap_or_else(|| {
        let field = p.field.clone();
        Callback::from(move |v: String| {
            dispatch.emit(Action::Set {
                field: field.clone(),
                value: Value::Text(v),
                edit: Edit::Commit,
            })
        })
    });
    let onchange = Callback::from(move |e: Event| {
        let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
        on_pick.emit(sel.value());
    });
    let path = &p.field;
    let id = format!("field-{path}");
    let err_id = format!("error-{path}");
    // Keep an unknown current value visible rather than silently showing the first option.
    let known = p.options.iter().any(|(v, _)| *v == p.value);
    html! {
        <div class={classes!("field", "select-field", problem.is_some().then_some("invalid"), changed.is_some().then_some("changed"))}>
            <label for={id.clone()}>{ &p.label }</label>
            if let Some(resettable) = changed {
                { changed_mark(&p.field, resettable, &ctx) }
            }
            <select id={id} data-testid={format!("input-{path}")} {onchange}
                aria-invalid={if problem.is_some() { "true" } else { "false" }}
                aria-describedby={problem.as_ref().map(|_| err_id.clone())}>
                if !known {
                    <option value={p.value.clone()} selected=true>{ p.value.clone() }</option>
                }
                { for p.options.iter().map(|(v, l)| html! {
                    <option value={v.clone()} selected={*v == p.value}>{ l.clone() }</option>
                }) }
            </select>
            if let Some(msg) = &problem {
                <p class="error" id={err_id.clone()} data-testid={err_id} role="alert">{ msg }</p>
            }
        </div>
    }
}
