//! A collapsible editor section with a heading button.

use yew::prelude::*;

use crate::ui::state::{Action, Section};

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub section: Section,
    pub title: AttrValue,
    pub collapsed: bool,
    pub on_edit: Callback<Action>,
    #[prop_or_default]
    pub children: Html,
}

#[function_component(Panel)]
pub fn panel(p: &Props) -> Html {
    let section = p.section;
    let on_edit = p.on_edit.clone();
    let onclick = Callback::from(move |_| on_edit.emit(Action::ToggleSection(section)));
    let key = section.key();
    let body_id = format!("section-body-{key}");
    html! {
        <section class={classes!("panel", p.collapsed.then_some("collapsed"))} data-testid={format!("section-{key}")}>
            <h2>
                <button type="button" class="panel-toggle" {onclick}
                    aria-expanded={if p.collapsed { "false" } else { "true" }}
                    aria-controls={body_id.clone()}
                    data-testid={format!("toggle-section-{key}")}>
                    <span class="chevron" aria-hidden="true">{ if p.collapsed { "▸" } else { "▾" } }</span>
                    { &p.title }
                </button>
            </h2>
            if !p.collapsed {
                <div class="panel-body" id={body_id}>{ p.children.clone() }</div>
            }
        </section>
    }
}
