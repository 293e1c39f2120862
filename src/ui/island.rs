//! The app's end of the extras (see `wire`): the host element an extra is
//! drawn into, the loading of the extras module once a host is on the page
//! (on a phone, once the reader may see one), and the requests the extras
//! send back.
//!
//! The host is an empty element the app's own rendering never fills; the
//! extras module finds hosts by their `data-island` attribute, reads their
//! `data-message` and draws into them. Loading is asked of boot.js (an
//! event), which adds the module's script: the page's Content Security
//! Policy allows only files of its own origin.

use std::cell::Cell;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::ui::state::Action;
use crate::ui::wire::read_request;

/// The event that asks boot.js to load the extras module.
pub const LOAD_EVENT: &str = "sunset-extras";
/// The event (on `document`, text in `detail`) that carries a request.
pub const REQUEST_EVENT: &str = "sunset-request";

/// The attribute of `<body>` that changes whenever a host is added or
/// removed, so the extras need not watch every change of the page.
pub const HOSTS_ATTR: &str = "data-islands";

thread_local! {
    static ASKED: Cell<bool> = const { Cell::new(false) };
    static HOSTS_CHANGED: Cell<u32> = const { Cell::new(0) };
}

fn hosts_changed() {
    let n = HOSTS_CHANGED.with(|c| c.replace(c.get().wrapping_add(1)));
    let _ = gloo::utils::body().set_attribute(HOSTS_ATTR, &n.to_string());
}

fn load_extras() {
    if ASKED.with(|a| a.replace(true)) {
        return;
    }
    if let Ok(e) = web_sys::Event::new(LOAD_EVENT) {
        let _ = gloo::utils::window().dispatch_event(&e);
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Which extra: "fan", "presenter", "audience", "compare" or "room".
    pub part: &'static str,
    /// What it shows (`wire`).
    pub message: AttrValue,
    #[prop_or_default]
    pub class: Classes,
}

/// The parts a phone does not show at load: the range of outcomes is
/// screens below the bridge, the files panel is folded in the menu (up to
/// 40rem wide, styles/app.css) and the brief's parts only print.
const OUT_OF_SIGHT: [&str; 4] = ["fan", "files", "brief", "brief-link"];

/// Loads the extras at the reader's first touch, key, scroll or print:
/// on a phone a scroll or a tap on Menu comes before the reader reaches
/// anything they draw. (Each listener fires once; `forget` leaves its
/// small closure for the page's lifetime, since dropping it inside its
/// own call is not allowed.)
fn load_at_first_input() {
    thread_local!(static LISTENING: Cell<bool> = const { Cell::new(false) });
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let window = gloo::utils::window();
    for name in ["pointerdown", "keydown", "scroll", "beforeprint"] {
        EventListener::once(&window, name, |_| load_extras()).forget();
    }
}

/// Where the extra `part` is drawn. The extras module loads (once) when a
/// host is drawn, except on a phone whose hosts are all out of sight at
/// load (`OUT_OF_SIGHT`): there it waits for the reader's first input, so
/// a reader who only looks at the bridge neither downloads nor starts it.
#[function_component(Island)]
pub fn island(p: &Props) -> Html {
    let part = p.part;
    use_effect_with((), move |_| {
        // Up to 40rem the toolbars are folded in the menu (styles/app.css).
        match super::near::view_at_most(640.0) && OUT_OF_SIGHT.contains(&part) {
            true => load_at_first_input(),
            false => load_extras(),
        }
        hosts_changed();
        hosts_changed
    });
    html! {
        <div class={classes!("island", p.class.clone())} data-island={p.part}
            data-message={p.message.clone()}></div>
    }
}

/// Whether a task has run since `when` first held (and stays so): work
/// that waits for a task of its own, out of a long one. The app writes the
/// hosts' messages this way after its first render, and each extra drawn
/// at start-up draws this way once its message is written.
#[hook]
pub fn use_task_after(when: bool) -> bool {
    let done = use_state_eq(|| false);
    let (waiting, set) = (!*done, done.setter());
    use_effect_with(when, move |&when| {
        let wait = (waiting && when).then(|| Timeout::new(0, move || set.set(true)));
        move || drop(wait)
    });
    *done
}

/// Carries out the extras' requests with `dispatch`, for the app's lifetime.
#[hook]
pub fn use_extras_requests(dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::document(), REQUEST_EVENT, move |e| {
            let text = e
                .dyn_ref::<web_sys::CustomEvent>()
                .and_then(|e| e.detail().as_string());
            match text.as_deref().and_then(read_request) {
                Some(a) => dispatch.emit(a),
                None => gloo::console::error!("extras: a request the app cannot read"),
            }
        });
        move || drop(listener)
    });
}

/// Sends `text` (`wire::request_text`) to the app: used by the extras.
pub fn send_request(text: &str) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(text));
    if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict(REQUEST_EVENT, &init) {
        let _ = gloo::utils::document().dispatch_event(&e);
    }
}
