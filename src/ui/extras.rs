//! The extras module's side (see `wire`): it finds the hosts the app puts
//! on the page, draws each extra into its host (a Yew portal), follows the
//! hosts' messages as they change, and sends the extras' actions back to
//! the app as requests. It keeps no plan of its own: every figure it shows
//! comes from the message of its host.

use gloo::console;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::ui::components::brief::{BriefLink, BriefNotes};
use crate::ui::components::compare_view::CompareView;
use crate::ui::components::fan_panel::FanPanel;
use crate::ui::components::files_panel::FilesPanel;
use crate::ui::components::presenter::PresenterScreen;
use crate::ui::components::room_summary::{Room, RoomSummary};
use crate::ui::context::Ctx;
use crate::ui::i18n::Lang;
use crate::ui::island::{send_request, use_task_after, HOSTS_ATTR};
use crate::ui::state::Action;
use crate::ui::wire::{read_brief_link, read_results, request_text};
use crate::ui::workshop::read_message;

/// Starts the extras: a root of their own, outside the app's tree.
pub fn start() {
    let doc = gloo::utils::document();
    let Ok(root) = doc.create_element("div") else {
        return;
    };
    let _ = root.set_attribute("class", "extras-root");
    let _ = gloo::utils::body().append_child(&root);
    yew::Renderer::<Extras>::with_root(root).render();
}

/// A host on the page: where an extra goes and what it shows.
#[derive(Clone, PartialEq)]
struct Host {
    el: Element,
    part: String,
    message: String,
}

fn hosts() -> Vec<Host> {
    let Ok(list) = gloo::utils::document().query_selector_all("[data-island]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .map(|el| Host {
            part: el.get_attribute("data-island").unwrap_or_default(),
            message: el.get_attribute("data-message").unwrap_or_default(),
            el,
        })
        .collect()
}

#[function_component(Extras)]
fn extras() -> Html {
    let found = use_state_eq(hosts);
    // The room summary keeps its links while its host is gone (the
    // presenter view on): they live here, for the page's lifetime.
    let room = use_reducer(Room::default);
    {
        let found = found.setter();
        use_effect_with((), move |_| {
            // The app marks every host added or removed on `<body>`
            // (`island::HOSTS_ATTR`), and a host's message is its own
            // attribute: only those changes are observed, not the charts
            // redrawn at each step of a drag.
            let on_change = Closure::<dyn Fn()>::new(move || found.set(hosts()));
            let observer = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()).ok();
            if let Some(o) = &observer {
                let init = web_sys::MutationObserverInit::new();
                init.set_subtree(true);
                init.set_attributes(true);
                let names = js_sys::Array::of3(
                    &"data-island".into(),
                    &"data-message".into(),
                    &HOSTS_ATTR.into(),
                );
                init.set_attribute_filter(&names);
                let _ = o.observe_with_options(&gloo::utils::body(), &init);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(on_change);
            }
        });
    }
    // The parts on the page when the extras start each draw in a task of
    // their own (`Part`); those added later draw at once.
    let starting = use_mut_ref(|| true);
    let later = *starting.borrow();
    use_effect_with((), move |_| *starting.borrow_mut() = false);
    found
        .iter()
        .map(|h| html! {
            <Part key={h.part.clone()} host={h.el.clone()} part={h.part.clone()} message={h.message.clone()}
                room={room.clone()} {later} />
        })
        .collect()
}

#[derive(Properties, PartialEq)]
struct PartProps {
    host: Element,
    part: String,
    message: String,
    room: UseReducerHandle<Room>,
    /// Draw in a later task than the one that mounts it.
    later: bool,
}

/// Sends an action of an extra to the app.
fn request(a: Action) {
    match request_text(&a) {
        Some(t) => send_request(&t),
        None => console::error!("extras: an action the app is not asked for"),
    }
}

#[function_component(Part)]
fn part(p: &PartProps) -> Html {
    // At start-up, drawing every part in the task that starts the extras
    // held a phone's page for a few hundred milliseconds: each part waits
    // for a task of its own instead.
    // A message the app has not written yet (empty) is waited for first:
    // the app writes its messages together, and they would all be drawn
    // in the task that brings them.
    let after = use_task_after(p.later && !p.message.is_empty());
    let ready = !p.later || after;
    let drawn = use_memo(
        (p.part.clone(), p.message.clone(), ready),
        |(part, message, ready)| ready.then(|| draw(part, message)).flatten(),
    );
    let Some((lang, body)) = (*drawn).clone() else {
        return html! {};
    };
    let body = match body {
        Drawn::Room => html! { <RoomSummary room={p.room.clone()} /> },
        Drawn::Html(h) => h,
    };
    let ctx = Ctx::new(lang, Callback::from(request));
    create_portal(
        html! { <ContextProvider<Ctx> context={ctx}>{ body }</ContextProvider<Ctx>> },
        p.host.clone(),
    )
}

#[derive(Clone, PartialEq)]
enum Drawn {
    Html(Html),
    /// The room summary, which holds state of its own.
    Room,
}

/// The language and view of part `part` showing `message`; `None` (and a
/// console error) for a message it cannot read, which the app never sends.
/// `None` for an empty message: the app writes some a task after their
/// host (src/ui/app.rs).
fn draw(part: &str, message: &str) -> Option<(Lang, Drawn)> {
    if message.is_empty() {
        return None;
    }
    let out = match part {
        "fan" => read_results(message).map(|r| {
            let body = html! { <FanPanel plan={r.plan} sliding={r.sliding} stale={r.stale} /> };
            (r.lang, Drawn::Html(body))
        }),
        "files" => read_results(message).map(|r| {
            let body = html! {
                <FilesPanel plan={r.plan} shown={r.shown} stale={r.stale} currency={r.currency} />
            };
            (r.lang, Drawn::Html(body))
        }),
        "presenter" | "audience" | "compare" => read_message(message).ok().map(|s| {
            let body = match part {
                "compare" => html! {
                    <CompareView plan={s.plan} compare={s.compare} currency={s.currency} />
                },
                _ => html! {
                    <PresenterScreen plan={s.plan} shown={s.shown} compare={s.compare}
                        stage={s.stage} currency={s.currency} audience={part == "audience"} />
                },
            };
            (s.lang, Drawn::Html(body))
        }),
        "room" => Lang::from_code(message).map(|l| (l, Drawn::Room)),
        // The printed brief's parts (components::brief).
        "brief-link" => read_brief_link(message).map(|(lang, url)| {
            (
                lang,
                Drawn::Html(html! { <BriefLink url={AttrValue::from(url)} /> }),
            )
        }),
        "brief" => read_results(message)
            .map(|r| (r.lang, Drawn::Html(html! { <BriefNotes plan={r.plan} /> }))),
        _ => None,
    };
    if out.is_none() {
        console::error!(format!("extras: cannot draw {part}"));
    }
    out
}
