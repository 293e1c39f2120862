//! The share bar: "Share" copies the full link of the plan on screen and
//! shows its length; the link itself sits in a read-only field (to select
//! by hand when the clipboard is blocked); "QR code" opens the QR panel.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::both;
use crate::codec::browser;
use crate::codec::link::View;
use crate::model::Plan;
use crate::ui::components::qr_panel::QrPanel;
use crate::ui::context::use_lang;
use crate::ui::i18n::{tr, Message};
use crate::ui::island::Island;
use crate::ui::sync;
use crate::ui::wire::brief_link_message;

/// Delay after the last change before the link is re-encoded.
const URL_DELAY_MS: u32 = 120;

#[derive(Properties, Clone)]
pub struct Props {
    pub plan: Rc<Plan>,
    /// What the link asks to show (scenario, comparison, language …).
    #[prop_or_default]
    pub view: Rc<View>,
}

impl PartialEq for Props {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.plan, &o.plan) && self.view == o.view
    }
}

/// What the last copy did.
#[derive(Clone, PartialEq)]
enum Copied {
    Not,
    Done,
    Failed(Message),
}

#[function_component(SharePanel)]
pub fn share_panel(p: &Props) -> Html {
    let l = use_lang();
    // Empty until the effect below makes it, a task after the panel is
    // drawn: at start-up the link (a compression) would lengthen the first
    // render, the longest task of a phone's load, for a field that a
    // phone shows only once its menu opens.
    let url = use_state(AttrValue::default);
    let copied = use_state(|| Copied::Not);
    let qr_open = use_state(|| false);
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        // The link is re-encoded a moment after the last change, not on
        // every step of a drag; "Share" always encodes the plan afresh.
        let (url, copied) = (url.clone(), copied.clone());
        let delay = if url.is_empty() { 0 } else { URL_DELAY_MS };
        use_effect_with((p.plan.clone(), p.view.clone()), move |(plan, view)| {
            // A new plan makes an earlier "copied" untrue.
            if *copied != Copied::Not {
                copied.set(Copied::Not);
            }
            let (plan, view) = (plan.clone(), view.clone());
            *timer.borrow_mut() = Some(Timeout::new(delay, move || {
                let fresh = AttrValue::from(sync::share_url(&plan, &view));
                if *url != fresh {
                    url.set(fresh);
                }
            }));
        });
    }
    let chars = url.chars().count();
    let on_share = {
        let (plan, view, url, copied) =
            (p.plan.clone(), p.view.clone(), url.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let fresh = sync::share_url(&plan, &view);
            url.set(AttrValue::from(fresh.clone()));
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(match browser::copy_text(&fresh).await {
                    Ok(()) => Copied::Done,
                    Err(e) => Copied::Failed(both!(e)),
                })
            });
        })
    };
    let on_qr = {
        let qr_open = qr_open.clone();
        Callback::from(move |_: MouseEvent| qr_open.set(!*qr_open))
    };
    let on_qr_close = {
        let qr_open = qr_open.clone();
        Callback::from(move |()| qr_open.set(false))
    };
    // The brief is the page itself, laid out by the print stylesheet.
    let on_brief = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
            input.select();
        }
    });
    let status = match &*copied {
        Copied::Not => html! {},
        Copied::Done => {
            html! { <span class="share-status ok" data-testid="share-copied">{ tr(l, "Link copied", "Lien copié") }</span> }
        }
        Copied::Failed(why) => {
            html! { <span class="share-status bad" role="alert" data-testid="share-copy-error">{ why.get(l).to_string() }</span> }
        }
    };
    html! {
        <section class="share-panel" aria-label={tr(l, "Share this plan", "Partager ce plan")}>
            <button type="button" class="primary" data-testid="share-button" onclick={on_share}
                title={tr(l, "Copy a link that opens this exact plan", "Copier un lien qui ouvre exactement ce plan")}>
                { tr(l, "Share", "Partager") }
            </button>
            <input class="share-url" type="text" readonly=true value={(*url).clone()} data-testid="share-url"
                aria-label={tr(l, "Link to this plan", "Lien vers ce plan")} onfocus={select_all} />
            <span class="share-length" data-testid="share-length">
                if chars > 0 {
                    { format!("{} {}", chars, if chars == 1 { tr(l, "character", "caractère") } else { tr(l, "characters", "caractères") }) }
                }
            </span>
            { status }
            <button type="button" data-testid="qr-button" aria-pressed={(*qr_open).to_string()} onclick={on_qr}>
                { tr(l, "QR code", "Code QR") }
            </button>
            <button type="button" data-testid="brief-button" onclick={on_brief}
                title={tr(l, "Print brief", "Imprimer")}>
                { tr(l, "Brief", "Note de synthèse") }
            </button>
            if *qr_open {
                <QrPanel url={(*url).clone()} on_close={on_qr_close} />
            }
            // Printed only (styles/print.css): the link as text, the date
            // and the link's QR code, drawn by the extras.
            <div class="print-only brief-head">
                <p class="brief-url" data-testid="brief-url">{ (*url).clone() }</p>
                <Island part="brief-link" message={AttrValue::from(brief_link_message(l, &url))} />
            </div>
        </section>
    }
}
