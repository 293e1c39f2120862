//! The app header: title, plan name, undo/redo, language and currency.
//!
//! On a phone the toolbars (these tools, the share bar and the workshop
//! bar) fold behind one "Menu" button: the same buttons, hidden by the
//! stylesheet while the header is `folded` (styles/app.css), so nothing is
//! drawn twice. Escape or choosing an action folds them again and gives the
//! focus back to the button.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::context::{use_ctx, Ctx};
use crate::ui::format::DisplayCurrency;
use crate::ui::i18n::{tr, Lang};
use crate::ui::state::Action;

/// The ids of what the menu button shows and hides.
pub const MENU_PARTS: &str = "header-tools share-bar workshop-bar";

/// What choosing folds the menu: its buttons and the file picker, but not
/// those whose result shows in the menu itself (the link copied, the QR
/// dialog, which gives the focus back to its button).
const ACTIONS: &str =
    ".menu-part :is(button, .file-pick):not([data-testid=share-button], [data-testid=qr-button])";

/// Where Escape belongs to something else: a dialog, a chart's tooltip,
/// a confirmation.
const OWN_ESCAPE: &str = "[aria-modal], .chart-frame, .confirm";

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub plan_name: AttrValue,
    pub plan_currency: AttrValue,
    pub can_undo: bool,
    pub can_redo: bool,
    pub currency: DisplayCurrency,
}

/// The menu's open state, and the listeners that fold it while it is open.
#[hook]
fn use_menu(button: NodeRef) -> UseStateHandle<bool> {
    let open = use_state_eq(|| false);
    {
        let open = open.clone();
        use_effect_with(*open, move |&is_open| {
            let fold = move || {
                open.set(false);
                if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            };
            let within = |e: &Event, selector: &str| {
                e.target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|el| el.closest(selector).ok().flatten())
                    .is_some()
            };
            let listeners = is_open.then(|| {
                let doc = gloo::utils::document();
                let on_key = fold.clone();
                let keys = EventListener::new(&doc, "keydown", move |e| {
                    let escape = e
                        .dyn_ref::<web_sys::KeyboardEvent>()
                        .is_some_and(|k| k.key() == "Escape");
                    if escape && !within(e, OWN_ESCAPE) {
                        on_key();
                    }
                });
                let clicks = EventListener::new(&doc, "click", move |e| {
                    if within(e, ACTIONS) {
                        fold();
                    }
                });
                (keys, clicks)
            });
            move || drop(listeners)
        });
    }
    open
}

#[function_component(Header)]
pub fn header(p: &Props) -> Html {
    let Ctx { lang: l, dispatch } = use_ctx();
    let menu_ref = use_node_ref();
    let open = use_menu(menu_ref.clone());
    let send = |a: Action| {
        let on_edit = dispatch.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(a.clone()))
    };
    let toggle = |id: &'static str,
                  text: AttrValue,
                  title: &'static str,
                  pressed: bool,
                  a: Action| {
        html! {
            <button type="button" class={classes!("seg", pressed.then_some("on"))} aria-pressed={if pressed { "true" } else { "false" }}
                title={title} data-testid={id} onclick={send(a)}>{ text }</button>
        }
    };
    let local = if p.plan_currency.is_empty() {
        AttrValue::from("LCU")
    } else {
        p.plan_currency.clone()
    };
    let on_menu = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <header class={classes!("app-header", (!*open).then_some("folded"))}>
            <div class="brand">
                <h1>{ "Sunset Planner" }</h1>
                if !p.plan_name.is_empty() {
                    <span class="plan-name" data-testid="plan-name">{ &p.plan_name }</span>
                }
            </div>
            <button type="button" class="menu-button" data-testid="menu-button" ref={menu_ref}
                aria-expanded={open.to_string()} aria-controls={MENU_PARTS} onclick={on_menu}>
                { tr(l, "Menu", "Menu") }
            </button>
            <div class="header-tools menu-part" id="header-tools">
                <div class="group" role="group" aria-label={tr(l, "History", "Historique")}>
                    <button type="button" data-testid="undo" disabled={!p.can_undo} onclick={send(Action::Undo)}
                        title={tr(l, "Undo (Ctrl+Z)", "Annuler (Ctrl+Z)")}>{ tr(l, "↶ Undo", "↶ Annuler") }</button>
                    <button type="button" data-testid="redo" disabled={!p.can_redo} onclick={send(Action::Redo)}
                        title={tr(l, "Redo (Ctrl+Shift+Z or Ctrl+Y)", "Rétablir (Ctrl+Maj+Z ou Ctrl+Y)")}>{ tr(l, "↷ Redo", "↷ Rétablir") }</button>
                </div>
                <div class="group" role="group" aria-label={tr(l, "Language", "Langue")}>
                    { toggle("lang-en", "EN".into(), "English", l == Lang::En, Action::SetLang(Lang::En)) }
                    { toggle("lang-fr", "FR".into(), "Français", l == Lang::Fr, Action::SetLang(Lang::Fr)) }
                </div>
                <div class="group" role="group" aria-label={tr(l, "Show money in", "Montants en")}>
                    { toggle("currency-lcu", local, tr(l, "Local currency", "Monnaie locale"), p.currency == DisplayCurrency::Local, Action::SetCurrency(DisplayCurrency::Local)) }
                    { toggle("currency-usd", "USD".into(), tr(l, "US dollars at the projected rate", "Dollars US au taux projeté"), p.currency == DisplayCurrency::Usd, Action::SetCurrency(DisplayCurrency::Usd)) }
                </div>
            </div>
        </header>
    }
}
