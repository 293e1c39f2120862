//! A checkbox for a flag (`indexed`) or for switching an optional part of
//! the plan on and off (a reform, a handover, a cliff end). A plain
//! function, not a component: it holds no state and its section already
//! redraws only when its part of the plan changes.

use yew::prelude::*;

use crate::model::Field;

/// The checkbox for `path` (its test id is `toggle-<path>`).
#[inline(never)]
pub fn toggle_field(path: &Field, label: &str, checked: bool, on_toggle: Callback<bool>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        on_toggle.emit(input.checked());
    });
    let id = format!("field-{path}");
    html! {
        <div class="field toggle-field">
            <input type="checkbox" id={id.clone()} data-testid={format!("toggle-{path}")}
                {checked} {onchange} />
            <label for={id}>{ label.to_string() }</label>
        </div>
    }
}
