//! The share link as a QR code, big enough to project to a room: an
//! overlay filling most of the screen, or the reason there is no code.

use yew::prelude::*;

use super::qr_full::QrFull;
use crate::codec::qr;
use crate::model::Text;
use crate::ui::context::use_lang;
use crate::ui::focus::use_dialog_focus;
use crate::ui::i18n::tr;
use crate::ui::reach::is_local_only;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub url: AttrValue,
    pub on_close: Callback<()>,
}

#[function_component(QrPanel)]
pub fn qr_panel(p: &Props) -> Html {
    let l = use_lang();
    let code = use_memo(p.url.clone(), |url| qr::qr_svg(url));
    // Focus moves into the dialog, so Escape and Tab work at once, and
    // back to what opened it when it closes.
    let close_ref = use_node_ref();
    use_dialog_focus(close_ref.clone());
    let full = use_state_eq(|| false);
    let close = {
        let on_close = p.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let on_key = {
        let on_close = p.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_close.emit(());
            }
        })
    };
    // A page opened at this computer's loopback address gives a code no
    // phone can open: say so, and how to serve to the room.
    let local_only = use_memo((), |_| {
        gloo::utils::window()
            .location()
            .hostname()
            .is_ok_and(|h| is_local_only(&h))
    });
    let warning = (*local_only).then(|| {
        html! {
            <p class="qr-local-only" role="note" data-testid="qr-local-only">
                { tr(l, "Phones cannot open this address: it names this computer only. To share with the room, serve the app to the network with ",
                        "Les téléphones ne peuvent pas ouvrir cette adresse : elle désigne seulement cet ordinateur. Pour la partager avec la salle, servez l’application sur le réseau avec ") }
                <code>{ "make run HOST=0.0.0.0" }</code>
                { tr(l, " and open it at this computer's network address.",
                        " et ouvrez-la à l’adresse réseau de cet ordinateur.") }
            </p>
        }
    });
    let body = match &*code {
        // The SVG is the codec's own drawing (paths only, no text from
        // the plan), so it is safe to insert as markup.
        Ok(svg) => html! {
            <div class="qr-code" data-testid="qr-svg" role="img"
                aria-label={tr(l, "QR code of the link to this plan", "Code QR du lien vers ce plan")}>
                { Html::from_html_unchecked(AttrValue::from(svg.clone())) }
            </div>
        },
        Err(e) => {
            html! { <p class="qr-too-big" role="alert" data-testid="qr-too-big">{ e.text(l) }</p> }
        }
    };
    let full_view = match (&*code, *full) {
        (Ok(svg), true) => {
            let full = full.clone();
            html! { <QrFull svg={AttrValue::from(svg.clone())} on_close={Callback::from(move |()| full.set(false))} /> }
        }
        _ => html! {},
    };
    let full_button = code.is_ok().then(|| {
        let full = full.clone();
        html! {
            <button type="button" data-testid="qr-full-button" onclick={Callback::from(move |_: MouseEvent| full.set(true))}>
                { tr(l, "Full screen", "Plein écran") }
            </button>
        }
    });
    html! {
        <div class="qr-overlay" data-testid="qr-panel" role="dialog" aria-modal="true"
            aria-label={tr(l, "QR code", "Code QR")} onkeydown={on_key}>
            <div class="qr-box">
                <p class="qr-hint">{ tr(l, "Scan to open this plan", "Scannez pour ouvrir ce plan") }</p>
                { body }
                { for warning }
                <div class="qr-buttons">
                    { for full_button }
                    <button type="button" data-testid="qr-close" onclick={close} ref={close_ref}>{ tr(l, "Close", "Fermer") }</button>
                </div>
            </div>
            { full_view }
        </div>
    }
}
