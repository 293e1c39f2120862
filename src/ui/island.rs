//! The app's end of the extras (see `wire`): the host element an extra is
//! drawn into, the loading of the extras module once the reader may see
//! one, and the requests the extras send back.
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
use web_sys::Element;
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

/// Whether the reader can see `el` where it is: not in a folded menu
/// (styles/app.css hides those with `visibility`).
fn shown(el: &Element) -> bool {
    gloo::utils::window()
        .get_computed_style(el)
        .ok()
        .flatten()
        .and_then(|s| s.get_property_value("visibility").ok())
        .is_none_or(|v| v != "hidden")
}

/// Loads the extras at the reader's first touch, key or print, whatever
/// it touches: on a phone every host may start far below the view or in
/// the folded menu, and a tap on Menu or a scroll comes before the reader
/// reaches one. (Each listener fires once; `forget` leaves its small
/// closure for the page's lifetime, since dropping it inside its own call
/// is not allowed.)
fn load_at_first_input() {
    thread_local!(static LISTENING: Cell<bool> = const { Cell::new(false) });
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    let window = gloo::utils::window();
    for name in ["pointerdown", "keydown", "beforeprint"] {
        EventListener::once(&window, name, |_| load_extras()).forget();
    }
}

/// Where the extra `part` is drawn. The extras module loads (once) when a
/// host the reader can see comes within a screen of the view, or at the
/// reader's first input: a phone, whose hosts are all far below or
/// folded at load, neither downloads nor starts the extras for a reader
/// who only looks at the bridge. A wide screen shows the files panel at
/// the top, so it loads them at once, as before.
#[function_component(Island)]
pub fn island(p: &Props) -> Html {
    let host = use_node_ref();
    {
        let host = host.clone();
        use_effect_with((), move |_| {
            hosts_changed();
            load_at_first_input();
            let near = match ASKED.with(Cell::get) {
                true => None,
                false => host.cast::<Element>().and_then(|el| {
                    let seen = el.clone();
                    let near = super::near::watch(&el, move |near| {
                        if near && shown(&seen) {
                            load_extras();
                        }
                    });
                    // Where the browser cannot tell what is near: at once.
                    if near.is_none() {
                        load_extras();
                    }
                    near
                }),
            };
            move || {
                drop(near);
                hosts_changed();
            }
        });
    }
    html! {
        <div class={classes!("island", p.class.clone())} data-island={p.part}
            data-message={p.message.clone()} ref={host}></div>
    }
}

/// Whether the extras have been asked to load (and stays so): until then
/// the hosts' messages, which nothing else reads, need not be written.
#[hook]
pub fn use_extras_asked() -> bool {
    let asked = use_state_eq(|| ASKED.with(Cell::get));
    {
        let set = asked.setter();
        use_effect_with(*asked, move |&asked| {
            let listener = (!asked).then(|| {
                EventListener::once(&gloo::utils::window(), LOAD_EVENT, move |_| set.set(true))
            });
            move || drop(listener)
        });
    }
    *asked
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
