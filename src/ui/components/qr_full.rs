//! The QR code alone on the whole window, as large as the screen allows,
//! for phones at the back of a room. Escape or Close leaves it, and the
//! focus goes back to the button that opened it.
//!
//! Not for: making the code (`codec::qr`) or the panel around it.

use yew::prelude::*;

use crate::ui::context::use_lang;
use crate::ui::focus::use_dialog_focus;
use crate::ui::i18n::tr;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// The code as the codec drew it (paths only, nothing from the plan).
    pub svg: AttrValue,
    pub on_close: Callback<()>,
}

#[function_component(QrFull)]
pub fn qr_full(p: &Props) -> Html {
    let l = use_lang();
    let close_ref = use_node_ref();
    use_dialog_focus(close_ref.clone());
    let on_key = {
        let on_close = p.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                // Leaves the full screen, not the panel under it.
                e.stop_propagation();
                on_close.emit(());
            }
        })
    };
    let label = tr(l, "QR code, full screen", "Code QR en plein écran");
    html! {
        <div class="qr-full" data-testid="qr-full" role="dialog" aria-modal="true" aria-label={label}
            onkeydown={on_key}>
            <div class="qr-code" data-testid="qr-full-svg" role="img"
                aria-label={tr(l, "QR code of the link to this plan", "Code QR du lien vers ce plan")}>
                { Html::from_html_unchecked(p.svg.clone()) }
            </div>
            <button type="button" data-testid="qr-full-close" ref={close_ref}
                onclick={p.on_close.reform(|_: MouseEvent| ())}>{ tr(l, "Close", "Fermer") }</button>
        </div>
    }
}
