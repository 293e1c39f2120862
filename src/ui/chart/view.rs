//! What the chart components (and the cards and year table) share: their
//! props, a page-unique id for SVG references, a hook that measures the
//! width a chart has, so it draws in real pixels and its text keeps a
//! readable size, and the badge on a kept projection. wasm32 only.

use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use gloo::events::EventListener;
use yew::prelude::*;

use crate::model::{Plan, Projection};
use crate::ui::format::DisplayCurrency;
use crate::ui::i18n::{tr, Lang};

/// What every chart, card and table of a projection is given. `stale` marks
/// a projection kept from the last valid plan while the current plan has an
/// error.
#[derive(Properties, Clone, Debug)]
pub struct ProjectionProps {
    pub plan: Rc<Plan>,
    pub projection: Rc<Projection>,
    pub currency: DisplayCurrency,
    #[prop_or_default]
    pub stale: bool,
    /// Drawn for a projector (the presenter view): larger text, and a
    /// height that leaves room on the screen for the headline cards.
    #[prop_or_default]
    pub projector: bool,
}

/// By pointer: a new plan or projection is always a new `Rc`, so comparing
/// addresses is exact and costs nothing, whatever the plan's size.
impl PartialEq for ProjectionProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.plan, &other.plan)
            && Rc::ptr_eq(&self.projection, &other.projection)
            && self.currency == other.currency
            && self.stale == other.stale
            && self.projector == other.projector
    }
}

/// A page-unique prefix for SVG ids (patterns, title, desc), so two charts
/// on one page never share a `url(#…)`.
pub(crate) fn next_uid(kind: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{}-{}", kind, NEXT.fetch_add(1, Ordering::Relaxed))
}

/// The width in pixels of the element behind `node`, kept up to date when
/// the window resizes and after every render (a panel that opens or closes
/// re-renders the page without resizing the window). `fallback` until the
/// element is measured. `use_state_eq` makes an unchanged width a no-op.
#[hook]
pub fn use_container_width(node: NodeRef, fallback: f64) -> f64 {
    let width = use_state_eq(|| fallback);
    {
        let (width, node) = (width.clone(), node.clone());
        use_effect(move || {
            if let Some(w) = node
                .cast::<web_sys::Element>()
                .map(|el| el.client_width() as f64)
            {
                if w > 0.0 {
                    width.set(w);
                }
            }
        });
    }
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let node = node.clone();
            let measure = move || {
                if let Some(el) = node.cast::<web_sys::Element>() {
                    let w = el.client_width() as f64;
                    if w > 0.0 {
                        width.set(w);
                    }
                }
            };
            measure();
            let listener = EventListener::new(&gloo::utils::window(), "resize", move |_| measure());
            move || drop(listener)
        });
    }
    *width
}

/// The mark shown on a projection kept from the last valid plan.
pub fn stale_badge(stale: bool, lang: Lang) -> Html {
    if !stale {
        return html! {};
    }
    html! {
        <p class="stale-badge" role="status">
            { tr(lang, "Showing last valid plan", "Affichage du dernier plan valide") }
        </p>
    }
}
