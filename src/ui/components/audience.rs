//! Two windows for a workshop: the facilitator keeps the editor and the
//! controls on the laptop, and an audience window on the projector shows
//! the presenter view and follows every change of plan and view.
//!
//! The windows talk over a `BroadcastChannel`, which only reaches pages of
//! the same origin in the same browser: nothing leaves the machine. The
//! facilitator's window sends `workshop::audience_message` after each
//! change and answers an audience window's "hello" (sent when it opens or
//! reloads) with the latest one. An audience window (`?audience` in its
//! address) never reads or writes storage or its address: it only shows.

use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use web_sys::BroadcastChannel;
use yew::prelude::*;

use crate::ui::components::presenter::Presenter;

use crate::ui::context::Ctx;
use crate::ui::i18n::{tr, Lang};
use crate::ui::state::State;
use crate::ui::workshop::{audience_message, read_message};

/// The channel's name, the same on both sides.
const CHANNEL: &str = "sunset-planner/workshop";
/// What an audience window says when it opens.
const HELLO: &str = "hello";

/// Whether this page is an audience window.
pub fn is_audience_window() -> bool {
    gloo::utils::window()
        .location()
        .search()
        .is_ok_and(|s| s.split(['?', '&']).any(|p| p == "audience"))
}

/// The facilitator's end: the open channel and its listener.
struct Sender {
    channel: BroadcastChannel,
    _hello: EventListener,
}

/// The facilitator's link to audience windows: `open` opens one (and the
/// channel, once); after that every change of `state` is sent. Returns
/// `open` and whether the channel is open.
#[hook]
pub fn use_audience(state: &State) -> (Callback<()>, bool) {
    let sender = use_mut_ref(|| None::<Sender>);
    let latest = use_mut_ref(String::new);
    let open_now = use_state_eq(|| false);
    // The last valid plan: an audience never sees a half-typed one.
    let plan = if state.problems.is_empty() {
        state.plan.clone()
    } else {
        state.projected_plan.clone()
    };
    let key = (
        plan,
        state.plan.clone(),
        state.shown,
        state.compare.clone(),
        state.stage,
        state.lang,
        state.currency,
    );
    {
        let (sender, latest) = (sender.clone(), latest.clone());
        let state = state.clone();
        use_effect_with((key, *open_now), move |((plan, ..), on)| {
            if *on {
                *latest.borrow_mut() = audience_message(plan, &state);
                if let Some(s) = &*sender.borrow() {
                    let _ = s.channel.post_message(&JsValue::from_str(&latest.borrow()));
                }
            }
        });
    }
    let open = {
        let open_now = open_now.clone();
        Callback::from(move |()| {
            if sender.borrow().is_none() {
                if let Ok(channel) = BroadcastChannel::new(CHANNEL) {
                    let (answer, latest) = (channel.clone(), latest.clone());
                    let hello = EventListener::new(&channel, "message", move |e| {
                        let said = js_sys::Reflect::get(e, &JsValue::from_str("data"))
                            .ok()
                            .and_then(|d| d.as_string());
                        if said.as_deref() == Some(HELLO) && !latest.borrow().is_empty() {
                            let _ = answer.post_message(&JsValue::from_str(&latest.borrow()));
                        }
                    });
                    *sender.borrow_mut() = Some(Sender {
                        channel,
                        _hello: hello,
                    });
                }
            }
            open_now.set(true);
            let _ = gloo::utils::window().open_with_url_and_target_and_features(
                "?audience",
                "sunset-audience",
                "popup",
            );
        })
    };
    (open, *open_now)
}

/// The audience window's whole app: the presenter view of the latest
/// message, or a word on what it waits for.
#[function_component(AudienceApp)]
pub fn audience_app() -> Html {
    let screen = use_state(|| None::<(AttrValue, Lang)>);
    let keep = use_mut_ref(|| None::<(BroadcastChannel, EventListener)>);
    {
        let screen = screen.clone();
        use_effect_with((), move |_| {
            if let Ok(channel) = BroadcastChannel::new(CHANNEL) {
                let listener = EventListener::new(&channel, "message", move |e| {
                    let text = js_sys::Reflect::get(e, &JsValue::from_str("data"))
                        .ok()
                        .and_then(|d| d.as_string());
                    // A message that cannot be read leaves the last screen up.
                    // (The extras module draws it; the language is read here.)
                    if let Some(t) = text {
                        if let Ok(s) = read_message(&t) {
                            screen.set(Some((AttrValue::from(t), s.lang)));
                        }
                    }
                });
                let _ = channel.post_message(&JsValue::from_str(HELLO));
                *keep.borrow_mut() = Some((channel, listener));
            }
            move || {
                if let Some((channel, _)) = keep.borrow_mut().take() {
                    channel.close();
                }
            }
        });
    }
    let lang = screen.as_ref().map_or(Lang::default(), |s| s.1);
    use_effect_with(lang, |lang| {
        let _ = gloo::utils::document_element().set_attribute("lang", lang.code());
    });
    let ctx = Ctx::new(lang, Callback::noop());
    let body = match &*screen {
        Some((message, _)) => html! { <Presenter message={message.clone()} audience=true /> },
        None => html! {
            <p class="audience-waiting" data-testid="audience-waiting">
                { tr(lang, "Audience window: waiting for the facilitator’s window…",
                     "Fenêtre du public : en attente de la fenêtre de l’animateur…") }
            </p>
        },
    };
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <div class="app audience" data-testid="app-ready">{ body }</div>
        </ContextProvider<Ctx>>
    }
}
