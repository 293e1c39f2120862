//! A collapsible editor section with a heading button. A plain function
//! rather than a component: it has no state of its own, and taking the
//! body as a closure means a collapsed section builds none of its controls.

use yew::prelude::*;

use crate::ui::state::{Action, Section};

/// The section `section` titled `title`, with `body` when open.
pub fn panel(
    section: Section,
    title: &str,
    collapsed: bool,
    on_edit: &Callback<Action>,
    body: impl FnOnce() -> Html,
) -> Html {
    // Only this line is instantiated per section; the markup below is
    // shared code (it was built inline in every section's view).
    panel_with(section, title, collapsed, on_edit, (!collapsed).then(body))
}

#[inline(never)]
fn panel_with(
    section: Section,
    title: &str,
    collapsed: bool,
    on_edit: &Callback<Action>,
    body: Option<Html>,
) -> Html {
    let on_edit = on_edit.clone();
    let onclick = Callback::from(move |_| on_edit.emit(Action::ToggleSection(section)));
    let key = section.key();
    let body_id = format!("section-body-{key}");
    html! {
        <section class={classes!("panel", collapsed.then_some("collapsed"))} data-testid={format!("section-{key}")}>
            <h2>
                <button type="button" class="panel-toggle" {onclick}
                    aria-expanded={if collapsed { "false" } else { "true" }}
                    aria-controls={body_id.clone()}
                    data-testid={format!("toggle-section-{key}")}>
                    <span class="chevron" aria-hidden="true">{ if collapsed { "▸" } else { "▾" } }</span>
                    { title.to_string() }
                </button>
            </h2>
            if let Some(body) = body {
                <div class="panel-body" id={body_id}>{ body }</div>
            }
        </section>
    }
}
