//! SVG charts of a projection, drawn by our own components: the bridge from
//! donor money to local revenue (`BridgeChart`) and three small percentage
//! charts (`SmallCharts`). Geometry is pure (geometry.rs); this module holds
//! what the chart components share: their props, the colour palette and a
//! hook that measures the width a chart has, so it draws in real pixels and
//! its text keeps a readable size.

pub mod geometry;

mod bridge;
mod small;

pub use bridge::BridgeChart;
pub use small::SmallCharts;

use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
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
    pub lang: Lang,
    #[prop_or_default]
    pub stale: bool,
}

/// By pointer: a new plan or projection is always a new `Rc`, so comparing
/// addresses is exact and costs nothing, whatever the plan's size.
impl PartialEq for ProjectionProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.plan, &other.plan)
            && Rc::ptr_eq(&self.projection, &other.projection)
            && self.currency == other.currency
            && self.lang == other.lang
            && self.stale == other.stale
    }
}

/// Okabe–Ito colours, distinguishable with the common colour-vision
/// deficiencies. Local revenue is green; donors take the rest in turn.
pub const REVENUE_COLOUR: &str = "#009E73";
pub const GAP_COLOUR: &str = "#D55E00";
const DONOR_COLOURS: [&str; 5] = ["#0072B2", "#E69F00", "#56B4E9", "#CC79A7", "#F0E442"];

/// The colour of the donor at `index` in plan order.
pub fn donor_colour(index: usize) -> &'static str {
    DONOR_COLOURS[index % DONOR_COLOURS.len()]
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
            let listener = Closure::<dyn Fn()>::new(measure);
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ =
                    w.add_event_listener_with_callback("resize", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "resize",
                        listener.as_ref().unchecked_ref(),
                    );
                }
                drop(listener);
            }
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

/// The name of the plan item at `index` in `names`, or a numbered stand-in
/// when the projection has more items than the plan (a kept projection).
pub fn item_name<'a>(names: impl Iterator<Item = &'a str>, index: usize, fallback: &str) -> String {
    names
        .into_iter()
        .nth(index)
        .map(str::to_string)
        .unwrap_or_else(|| format!("{} {}", fallback, index + 1))
}

/// The code money is shown in: the plan's own display code, or USD.
pub fn currency_code(plan: &Plan, currency: DisplayCurrency) -> String {
    match currency {
        DisplayCurrency::Local if plan.meta.currency.is_empty() => "LCU".to_string(),
        DisplayCurrency::Local => plan.meta.currency.clone(),
        DisplayCurrency::Usd => "USD".to_string(),
    }
}

/// A year from the summary, or what to say when there is none.
pub fn year_or_never(year: Option<i32>, lang: Lang) -> String {
    match year {
        Some(y) => y.to_string(),
        None => tr(
            lang,
            "not within the plan horizon",
            "pas dans l’horizon du plan",
        )
        .to_string(),
    }
}
