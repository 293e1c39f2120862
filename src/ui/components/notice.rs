//! A dismissible message banner for what went wrong outside the editor
//! (links, storage, files, other tabs). A multi-line message (the codec's
//! "…:\n  problem\n  problem") shows its first line, then one item a line.

use yew::prelude::*;

use crate::ui::context::use_lang;
use crate::ui::i18n::tr;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub testid: AttrValue,
    pub title: AttrValue,
    /// Shown as text, never as markup: it may quote a hostile plan.
    pub message: AttrValue,
    #[prop_or_default]
    pub on_dismiss: Option<Callback<()>>,
    /// "warn" (something was refused) or "info" (something is offered).
    #[prop_or(AttrValue::Static("warn"))]
    pub kind: AttrValue,
    /// Action buttons.
    #[prop_or_default]
    pub children: Html,
}

#[function_component(Notice)]
pub fn notice(p: &Props) -> Html {
    let l = use_lang();
    let mut lines = p.message.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or_default().to_string();
    let rest: Vec<String> = lines.map(str::to_string).collect();
    let dismiss = p.on_dismiss.clone().map(|cb| {
        html! {
            <button type="button" class="notice-close" data-testid={format!("{}-dismiss", p.testid)}
                aria-label={tr(l, "Dismiss", "Fermer")} onclick={Callback::from(move |_: MouseEvent| cb.emit(()))}>
                { "×" }
            </button>
        }
    });
    html! {
        <div class={classes!("notice", p.kind.to_string())} role={if p.kind == "warn" { "alert" } else { "status" }}
            data-testid={p.testid.clone()}>
            <div class="notice-body">
                <p class="notice-title"><strong>{ p.title.clone() }</strong></p>
                if !first.is_empty() { <p class="notice-message">{ first }</p> }
                if !rest.is_empty() {
                    <ul class="notice-list">{ for rest.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                }
                <div class="notice-actions">{ p.children.clone() }</div>
            </div>
            { for dismiss }
        </div>
    }
}
