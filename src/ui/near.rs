//! Whether an element is near the view: within a screen of it, above or
//! below. What waits for the reader (the workers of the goal-seek cards,
//! the editor's parts below the results on a phone) starts when it comes
//! this near, so it is ready by the time it is seen, and costs nothing at
//! load when it is far. Whether the view is a phone's width
//! (`view_at_most`) decides what waits this way.
//!
//! Not for: anything that must be drawn for the page to be whole.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};

/// Whether the view is at most `px` CSS pixels wide: where styles/app.css
/// lays the page out for a phone, what waits for the reader differs too.
pub fn view_at_most(px: f64) -> bool {
    let width = gloo::utils::window().inner_width().ok();
    width.and_then(|w| w.as_f64()).is_some_and(|w| w <= px)
}

/// Watches an element for as long as it is kept; dropping it stops.
pub struct Near {
    observer: IntersectionObserver,
    _seen: Closure<dyn Fn(js_sys::Array)>,
}

impl Drop for Near {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Tells `on` whether `el` is near the view: once at the start, then each
/// time that changes. `None` where the browser cannot tell: the caller
/// then treats the element as near.
pub fn watch(el: &Element, on: impl Fn(bool) + 'static) -> Option<Near> {
    let seen = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        on(entries.iter().any(|e| {
            e.unchecked_into::<IntersectionObserverEntry>()
                .is_intersecting()
        }));
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin("100% 0px");
    let observer =
        IntersectionObserver::new_with_options(seen.as_ref().unchecked_ref(), &init).ok()?;
    observer.observe(el);
    Some(Near {
        observer,
        _seen: seen,
    })
}
