//! Keeps the plan from being lost: the address follows the plan (replaced,
//! never pushed, a moment after the last change, so a drag leaves no
//! history), the plan is saved locally a moment after each change, another
//! tab's save is never overwritten silently, and the banners say what
//! start-up could not open or what it kept aside.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::codec::browser;
use crate::codec::storage::KEY_CURRENT;
use crate::model::Plan;
use crate::ui::components::notice::Notice;
use crate::ui::i18n::{tr, Lang, Message};
use crate::ui::state::Action;
use crate::ui::sync::{self, Boot};

/// Delay after the last change before the address is replaced.
const URL_DELAY_MS: u32 = 150;
/// Delay after the last change before the plan is saved.
const SAVE_DELAY_MS: u32 = 300;

#[derive(Properties, Clone)]
pub struct Props {
    pub boot: Rc<Boot>,
    pub plan: Rc<Plan>,
    pub lang: Lang,
    pub on_edit: Callback<Action>,
}

impl PartialEq for Props {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.boot, &o.boot)
            && Rc::ptr_eq(&self.plan, &o.plan)
            && self.lang == o.lang
            && self.on_edit == o.on_edit
    }
}

/// What the timers and the storage listener share, outside renders.
struct Keeper {
    /// The plan on screen.
    current: Rc<Plan>,
    /// The plan last written to storage (or read from it at start-up).
    saved: Rc<Plan>,
    /// The plan last written to the address.
    in_url: Rc<Plan>,
    /// True while another tab's newer plan waits for the person's choice.
    paused: bool,
    /// A change waits for its save.
    dirty: bool,
    save_timer: Option<Timeout>,
    url_timer: Option<Timeout>,
}

#[function_component(PlanKeeper)]
pub fn plan_keeper(p: &Props) -> Html {
    let l = p.lang;
    let boot = p.boot.clone();
    let link_error = use_state(|| boot.link_error.clone());
    let saved_error = use_state(|| boot.saved_error.clone());
    let storage_error = use_state(|| boot.storage_error.clone());
    let previous = use_state(|| boot.previous.clone().map(Rc::new));
    let other_tab = use_state(|| None::<Rc<Plan>>);
    let keeper = {
        let plan = p.plan.clone();
        use_mut_ref(move || Keeper {
            current: plan.clone(),
            saved: plan.clone(),
            in_url: plan,
            paused: false,
            dirty: false,
            save_timer: None,
            url_timer: None,
        })
    };

    // Every plan change: address and storage, each after its own pause.
    {
        let keeper = keeper.clone();
        let storage_error = storage_error.clone();
        use_effect_with(p.plan.clone(), move |plan: &Rc<Plan>| {
            let mut k = keeper.borrow_mut();
            k.current = plan.clone();
            if *k.in_url != **plan {
                let plan = plan.clone();
                let keeper2 = keeper.clone();
                k.url_timer = Some(Timeout::new(URL_DELAY_MS, move || {
                    let _ = browser::replace_fragment(&sync::fragment_for(&plan));
                    keeper2.borrow_mut().in_url = plan;
                }));
            }
            if !k.paused && *k.saved != **plan {
                let keeper2 = keeper.clone();
                k.dirty = true;
                k.save_timer = Some(Timeout::new(SAVE_DELAY_MS, move || {
                    save_now(&keeper2, &storage_error)
                }));
            }
        });
    }

    // Another tab saved: if its plan differs from ours, stop saving until
    // the person chooses, so neither tab overwrites the other in silence.
    {
        let keeper = keeper.clone();
        let other_tab = other_tab.clone();
        use_effect_with((), move |_| {
            let listener =
                Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
                    if e.key().as_deref() != Some(KEY_CURRENT) {
                        return;
                    }
                    let Some(theirs) = e.new_value().as_deref().and_then(sync::plan_of_record)
                    else {
                        return;
                    };
                    let mut k = keeper.borrow_mut();
                    if *k.current == theirs {
                        k.saved = Rc::new(theirs);
                        return;
                    }
                    k.paused = true;
                    k.save_timer = None;
                    other_tab.set(Some(Rc::new(theirs)));
                });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w
                    .add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "storage",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    // Closing the tab within the save delay must not lose the last change.
    {
        let (keeper, storage_error) = (keeper.clone(), storage_error.clone());
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
                let pending = {
                    let k = keeper.borrow();
                    k.dirty && !k.paused
                };
                if pending {
                    save_now(&keeper, &storage_error);
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback(
                    "pagehide",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "pagehide",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    // A link pasted into the address of this open page (no reload): it
    // opens like a link at start-up, keeping the plan it replaces.
    {
        let (keeper, link_error, previous, storage_error, on_edit) = (
            keeper.clone(),
            link_error.clone(),
            previous.clone(),
            storage_error.clone(),
            p.on_edit.clone(),
        );
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
                let current = keeper.borrow().current.clone();
                match sync::pasted_link(&current) {
                    None => {}
                    Some(Ok(plan)) => {
                        if let Err(e) = sync::keep_previous(&current) {
                            storage_error.set(Some(e));
                        }
                        previous.set(Some(current));
                        link_error.set(None);
                        on_edit.emit(Action::Load(Box::new(plan)));
                    }
                    Some(Err(msg)) => link_error.set(Some(msg)),
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback(
                    "hashchange",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "hashchange",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    let mut banners = Vec::new();
    if let Some(msg) = (*link_error).clone() {
        let link_error = link_error.clone();
        let plan = p.plan.clone();
        let keeper = keeper.clone();
        let on_dismiss = Callback::from(move |()| {
            // The address goes back to sharing what is on screen.
            let _ = browser::replace_fragment(&sync::fragment_for(&plan));
            keeper.borrow_mut().in_url = plan.clone();
            link_error.set(None);
        });
        banners.push(html! {
            <Notice key="link" testid="link-error" lang={l} message={msg.get(l).to_string()} on_dismiss={Some(on_dismiss)}
                title={tr(l, "This link could not be opened. Your plan is unchanged.",
                          "Ce lien n’a pas pu être ouvert. Votre plan n’a pas changé.")} />
        });
    }
    if let Some(theirs) = (*other_tab).clone() {
        let title = named(
            tr(
                l,
                "This plan was changed in another tab",
                "Ce plan a été modifié dans un autre onglet",
            ),
            &theirs,
        );
        let load = {
            let (keeper, other_tab, on_edit, theirs) = (
                keeper.clone(),
                other_tab.clone(),
                p.on_edit.clone(),
                theirs.clone(),
            );
            Callback::from(move |_: MouseEvent| {
                {
                    let mut k = keeper.borrow_mut();
                    k.paused = false;
                    k.dirty = false;
                    k.saved = theirs.clone();
                }
                on_edit.emit(Action::Load(Box::new((*theirs).clone())));
                other_tab.set(None);
            })
        };
        let keep = {
            let (keeper, other_tab, storage_error) =
                (keeper.clone(), other_tab.clone(), storage_error.clone());
            Callback::from(move |_: MouseEvent| {
                keeper.borrow_mut().paused = false;
                save_now(&keeper, &storage_error);
                other_tab.set(None);
            })
        };
        banners.push(html! {
            <Notice key="tab" testid="other-tab-banner" lang={l} kind="info"
                title={title}
                message={tr(l, "Your changes here are not saved until you choose.",
                            "Vos changements ici ne sont pas enregistrés tant que vous n’avez pas choisi.")}>
                <button type="button" data-testid="other-tab-load" onclick={load}>{ tr(l, "Load theirs", "Charger le leur") }</button>
                <button type="button" data-testid="other-tab-keep" onclick={keep}>{ tr(l, "Keep mine", "Garder le mien") }</button>
            </Notice>
        });
    }
    if let Some(prev) = (*previous).clone() {
        let title = named(tr(l, "Your previous plan", "Votre plan précédent"), &prev);
        let restore = {
            let (previous, on_edit) = (previous.clone(), p.on_edit.clone());
            Callback::from(move |_: MouseEvent| {
                on_edit.emit(Action::Load(Box::new((*prev).clone())));
                sync::drop_previous();
                previous.set(None);
            })
        };
        let dismiss = {
            let previous = previous.clone();
            Callback::from(move |()| {
                sync::drop_previous();
                previous.set(None);
            })
        };
        banners.push(html! {
            <Notice key="prev" testid="restore-banner" lang={l} kind="info" on_dismiss={Some(dismiss)}
                title={title}
                message={tr(l, "A link opened a different plan. Your previous plan was kept.",
                            "Un lien a ouvert un autre plan. Votre plan précédent a été conservé.")}>
                <button type="button" data-testid="restore-button" onclick={restore}>{ tr(l, "Restore", "Restaurer") }</button>
            </Notice>
        });
    }
    if let Some(msg) = (*saved_error).clone() {
        let saved_error = saved_error.clone();
        banners.push(html! {
            <Notice key="saved" testid="saved-error" lang={l} message={msg.get(l).to_string()}
                on_dismiss={Some(Callback::from(move |()| saved_error.set(None)))}
                title={tr(l, "The saved plan could not be read; it was kept aside and nothing was deleted.",
                          "Le plan enregistré n’a pas pu être lu ; il a été mis de côté et rien n’a été effacé.")} />
        });
    }
    if let Some(msg) = (*storage_error).clone() {
        let storage_error = storage_error.clone();
        banners.push(html! {
            <Notice key="storage" testid="storage-error" lang={l} message={msg.get(l).to_string()}
                on_dismiss={Some(Callback::from(move |()| storage_error.set(None)))}
                title={tr(l, "Not saved in this browser", "Non enregistré dans ce navigateur")} />
        });
    }
    html! { <div class="notices" aria-live="polite">{ for banners }</div> }
}

/// A banner title with the plan's name, so people know which plan is meant.
fn named(title: &str, plan: &Plan) -> String {
    let name = plan.meta.name.trim();
    if name.is_empty() {
        title.to_string()
    } else {
        format!("{title}: “{name}”")
    }
}

/// Saves the plan on screen now; a refusal (full storage) becomes a banner
/// and the plan stays on screen and in the address.
fn save_now(keeper: &Rc<RefCell<Keeper>>, storage_error: &UseStateHandle<Option<Message>>) {
    let plan = keeper.borrow().current.clone();
    match sync::save(&plan) {
        Ok(()) => {
            let mut k = keeper.borrow_mut();
            k.saved = plan;
            k.dirty = false;
            drop(k);
            if storage_error.is_some() {
                storage_error.set(None);
            }
        }
        Err(e) => storage_error.set(Some(e)),
    }
}
