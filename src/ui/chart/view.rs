//! What the chart components (and the cards and year table) share: their
//! props, a page-unique id for SVG references, a hook that measures the
//! width a chart has, so it draws in real pixels and its text keeps a
//! readable size, and the badge on a kept projection. wasm32 only.

use std::cell::Cell;
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
    #[prop_or_default]
    pub stale: bool,
    /// Drawn for a projector (the presenter view): larger text, and a
    /// height that leaves room on the screen for the headline cards.
    #[prop_or_default]
    pub projector: bool,
    /// The bridge chart's zoom on the first years, offered when given.
    #[prop_or_default]
    pub years: Option<crate::ui::state::YearsShown>,
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
            && self.years == other.years
    }
}

/// A page-unique prefix for SVG ids (patterns, title, desc), so two charts
/// on one page never share a `url(#…)`.
pub(crate) fn next_uid(kind: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{}-{}", kind, NEXT.fetch_add(1, Ordering::Relaxed))
}

thread_local! {
    static FIRST_WIDTH: Cell<Option<f64>> = const { Cell::new(None) };
}

/// The width of the first view's bridge chart (scripts/first-view.mjs),
/// measured as the app replaces it: the app's first frame draws its bridge
/// at that width, where a guess would move everything below the chart in
/// the next frame (a layout shift).
pub fn set_first_width(px: i32) {
    FIRST_WIDTH.with(|w| w.set((px > 0).then_some(f64::from(px))));
}

/// The bridge chart's width before it is measured: the first view's, or
/// a desktop's.
pub fn first_width() -> f64 {
    FIRST_WIDTH.with(Cell::get).unwrap_or(960.0)
}

/// The width in pixels of the element behind `node`, followed by a
/// ResizeObserver: it reports a window resize or a panel that opens or
/// closes, after layout, so no render forces a layout of its own (reading
/// `clientWidth` after every render did, and cost a drag most of its frame).
/// `fallback` until the element is measured. `use_state_eq` makes an
/// unchanged width a no-op.
#[hook]
pub fn use_container_width(node: NodeRef, fallback: f64) -> f64 {
    let width = use_state_eq(|| fallback);
    let watch = use_mut_ref(|| None::<Watch>);
    {
        let width = width.clone();
        // Cheap at every render: only an element that was replaced (a chart
        // that changed its layout) is observed anew.
        use_effect(move || {
            let el = node.cast::<web_sys::Element>();
            let mut watch = watch.borrow_mut();
            if watch.as_ref().map(|w| &w.el) != el.as_ref() {
                *watch = el.and_then(|el| Watch::new(el, width));
            }
        });
    }
    *width
}

/// One element under a ResizeObserver; dropping it stops the observer.
struct Watch {
    el: web_sys::Element,
    observer: web_sys::ResizeObserver,
    _on_resize: Closure<dyn Fn()>,
}

impl Watch {
    fn new(el: web_sys::Element, width: UseStateHandle<f64>) -> Option<Self> {
        let target = el.clone();
        // Called after layout: reading the width here costs no extra layout.
        let on_resize = Closure::<dyn Fn()>::new(move || {
            let w = target.client_width() as f64;
            if w > 0.0 {
                width.set(w);
            }
        });
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
        // The first report comes at once, with the element's current size.
        observer.observe(&el);
        Some(Watch {
            el,
            observer,
            _on_resize: on_resize,
        })
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
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
