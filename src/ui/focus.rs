//! Focus for dialogs: one opens with the focus on its first control and,
//! when it closes, gives the focus back to the control that opened it, so
//! a keyboard user goes on where they were.
//!
//! Not for: trapping Tab inside a dialog, or the dialogs' own keys.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Focuses `first` when the calling component mounts and, when it
/// unmounts, the element that had the focus before (if it is still on the
/// page: the control may have gone with what the dialog removed).
#[hook]
pub fn use_dialog_focus(first: NodeRef) {
    use_effect_with((), move |_| {
        let opener = gloo::utils::document()
            .active_element()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok());
        if let Some(el) = first.cast::<HtmlElement>() {
            let _ = el.focus();
        }
        move || {
            if let Some(o) = opener.filter(|o| o.is_connected()) {
                let _ = o.focus();
            }
        }
    });
}

/// Focuses `el` or, when it cannot take the focus because it is folded
/// away in the phone's menu (components::header), the menu button that
/// holds it, so the focus is never lost to the page.
pub fn focus_or_menu(el: &HtmlElement) {
    let _ = el.focus();
    let doc = gloo::utils::document();
    if doc.active_element().is_some_and(|a| &a == el.as_ref()) {
        return;
    }
    let menu = doc.query_selector(".menu-button").ok().flatten();
    if let Some(m) = menu.and_then(|m| m.dyn_into::<HtmlElement>().ok()) {
        let _ = m.focus();
    }
}
