//! A text input for names and codes. Typing edits the plan as a gesture,
//! so a rename is one undo step.

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
    pub value: AttrValue,
    #[prop_or_default]
    pub placeholder: AttrValue,
    /// Hide the label visually (list-item names have their own heading).
    #[prop_or_default]
    pub compact: bool,
}

#[function_component(TextField)]
pub fn text_field(p: &Props) -> Html {
    let ctx = use_ctx();
    let dispatch = ctx.dispatch.clone();
    let problem = use_problem(&p.field);
    // Marked, with a reset, when the scenario on screen changes it.
    let changed = use_changed(&p.field);
    let send = |edit: Edit| {
        let on_edit = dispatch.clone();
        let field = p.field.clone();
        move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_edit.emit(Action::Set {
                field: field.clone(),
                value: Value::Text(input.value()),
                edit,
            });
        }
    };
    let live = send(Edit::Live);
    let commit = send(Edit::Commit);
    let path = &p.field;
    let id = format!("field-{path}");
    let err_id = format!("error-{path}");
    html! {
        <div class={classes!("field", "text-field", p.compact.then_some("compact"), problem.is_some().then_some("invalid"), changed.is_some().then_some("changed"))}>
            <label for={id.clone()} class={classes!(p.compact.then_some("visually-hidden"))}>{ &p.label }</label>
            if let Some(resettable) = changed {
                { changed_mark(&p.field, resettable, &ctx) }
            }
            <input type="text" id={id} data-testid={format!("input-{path}")}
                value={p.value.clone()} placeholder={p.placeholder.clone()}
                aria-invalid={if problem.is_some() { "true" } else { "false" }}
                aria-describedby={problem.as_ref().map(|_| err_id.clone())}
                oninput={Callback::from(move |e: InputEvent| live(e.into()))}
                onchange={Callback::from(commit)} />
            if let Some(msg) = &problem {
                <p class="error" id={err_id.clone()} data-testid={err_id} role="alert">{ msg }</p>
            }
        </div>
    }
}
