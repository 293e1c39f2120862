//! "Skip to results": the page's first focusable control, hidden until it
//! has the focus, so a keyboard user reaches the results without tabbing
//! through the whole editor.
//!
//! A button, not a link: the address's fragment holds the plan.

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::ui::context::use_lang;
use crate::ui::i18n::tr;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// The results area (focusable by script: `tabindex="-1"`).
    pub target: NodeRef,
}

#[function_component(SkipLink)]
pub fn skip_link(p: &Props) -> Html {
    let l = use_lang();
    let onclick = {
        let target = p.target.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = target.cast::<HtmlElement>() {
                let _ = el.focus();
            }
        })
    };
    html! {
        <button type="button" class="skip-link" data-testid="skip-link" {onclick}>
            { tr(l, "Skip to results", "Aller aux résultats") }
        </button>
    }
}
