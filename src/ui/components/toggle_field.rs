//! A checkbox for a flag (`indexed`) or for switching an optional part of
//! the plan on and off (a reform, a handover, a cliff end).

use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// Used for the test id `toggle-<path>` and the element id.
    pub path: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    pub on_toggle: Callback<bool>,
}

#[function_component(ToggleField)]
pub fn toggle_field(p: &Props) -> Html {
    let on_toggle = p.on_toggle.clone();
    let onchange = Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        on_toggle.emit(input.checked());
    });
    let id = format!("field-{}", p.path);
    html! {
        <div class="field toggle-field">
            <input type="checkbox" id={id.clone()} data-testid={format!("toggle-{}", p.path)}
                checked={p.checked} {onchange} />
            <label for={id}>{ &p.label }</label>
        </div>
    }
}
