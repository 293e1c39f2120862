//! An inline question before removing something: "Remove" or "Keep".
//! It takes the focus (on "Keep", the safe answer) and gives it back to
//! the control that asked when kept; Escape keeps.

use yew::prelude::*;

use crate::ui::context::use_lang;
use crate::ui::focus::use_dialog_focus;
use crate::ui::i18n::tr;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub question: AttrValue,
    /// The address of what would go, for the test ids (`confirm-remove-…`).
    pub at: AttrValue,
    pub on_remove: Callback<MouseEvent>,
    pub on_keep: Callback<()>,
}

#[function_component(Confirm)]
pub fn confirm(p: &Props) -> Html {
    let l = use_lang();
    let keep_ref = use_node_ref();
    use_dialog_focus(keep_ref.clone());
    let on_key = {
        let on_keep = p.on_keep.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.stop_propagation();
                on_keep.emit(());
            }
        })
    };
    let keep = p.on_keep.reform(|_: MouseEvent| ());
    html! {
        <div class="confirm" role="alertdialog" aria-label={p.question.clone()}
            data-testid={format!("confirm-remove-{}", p.at)} onkeydown={on_key}>
            <p>{ p.question.clone() }</p>
            <button type="button" onclick={p.on_remove.clone()}>{ tr(l, "Remove", "Supprimer") }</button>
            <button type="button" onclick={keep} ref={keep_ref} data-testid={format!("keep-{}", p.at)}>
                { tr(l, "Keep", "Garder") }
            </button>
        </div>
    }
}
