//! Keeps the plan from being lost, in the browser: turns what happens (the
//! plan changed, a timer fired, another tab saved, a link was pasted into
//! the address, the page is being closed, a button on a notice) into the
//! keeper's events, carries out its commands, and draws its notices. The
//! rules themselves are `ui/keeper.rs`, tested on the host.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::codec::browser;
use crate::model::Plan;
use crate::ui::components::notice::Notice;
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::i18n::tr;
use crate::ui::keeper::{self, Choice, Command, Event, Keeper, Timer};
use crate::ui::state::Action;
use crate::ui::sync;

#[derive(Properties, Clone)]
pub struct Props {
    /// Made by `sync::start` before the first render.
    pub keeper: Rc<RefCell<Keeper>>,
    pub plan: Rc<Plan>,
}

impl PartialEq for Props {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.keeper, &o.keeper) && Rc::ptr_eq(&self.plan, &o.plan)
    }
}

/// The keeper's running timers; dropping one cancels it.
#[derive(Default)]
struct Timers {
    url: Option<Timeout>,
    save: Option<Timeout>,
}

impl Timers {
    fn slot(&mut self, t: Timer) -> &mut Option<Timeout> {
        match t {
            Timer::Url => &mut self.url,
            Timer::Save => &mut self.save,
        }
    }
}

/// Feeds the keeper an event and carries out what it says.
#[derive(Clone)]
struct Driver {
    keeper: Rc<RefCell<Keeper>>,
    timers: Rc<RefCell<Timers>>,
    redraw: UseForceUpdateHandle,
    dispatch: Callback<Action>,
}

impl Driver {
    fn feed(&self, event: Event) {
        // A storage write answers with an event of its own, handled in turn.
        let mut queue = VecDeque::from([event]);
        let mut redraw = false;
        while let Some(event) = queue.pop_front() {
            let commands = self.keeper.borrow_mut().step(event);
            for command in commands {
                match command {
                    Command::StartTimer(t, ms) => {
                        let d = self.clone();
                        let timeout = Timeout::new(ms, move || d.feed(Event::Fired(t)));
                        *self.timers.borrow_mut().slot(t) = Some(timeout);
                    }
                    Command::CancelTimer(t) => *self.timers.borrow_mut().slot(t) = None,
                    Command::Load(plan) => {
                        self.dispatch.emit(Action::Load(Box::new((*plan).clone())))
                    }
                    Command::Show(_) | Command::Hide(_) => redraw = true,
                    other => queue.extend(sync::carry_out(&other)),
                }
            }
        }
        if redraw {
            self.redraw.force_update();
        }
    }

    /// A callback that tells the keeper the person chose `c`.
    fn on<T: 'static>(&self, c: Choice) -> Callback<T> {
        let d = self.clone();
        Callback::from(move |_: T| d.feed(Event::Chose(c)))
    }
}

#[function_component(PlanKeeper)]
pub fn plan_keeper(p: &Props) -> Html {
    let Ctx { lang: l, dispatch } = use_ctx();
    let driver = Driver {
        keeper: p.keeper.clone(),
        timers: use_mut_ref(Timers::default),
        redraw: use_force_update(),
        dispatch,
    };

    // Every plan change (and the first plan, at mount).
    {
        let d = driver.clone();
        use_effect_with(p.plan.clone(), move |plan: &Rc<Plan>| {
            d.feed(Event::PlanChanged(plan.clone()))
        });
    }

    // The browser's side of the rules: another tab's save, a link pasted
    // into the address, the page being closed within the save delay.
    // Listeners and timers go with the component.
    {
        let d = driver.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let storage = {
                let d = d.clone();
                EventListener::new(&window, "storage", move |e| {
                    if let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() {
                        d.feed(Event::StorageChanged {
                            key: e.key(),
                            value: e.new_value(),
                        });
                    }
                })
            };
            let hash = {
                let d = d.clone();
                EventListener::new(&window, "hashchange", move |_| {
                    let fragment = browser::fragment();
                    let view = sync::link_view(&fragment);
                    d.feed(Event::FragmentChanged(fragment));
                    // After the plan's Load, so its scenarios can be named.
                    if let Some(view) = view {
                        d.dispatch.emit(Action::View(Box::new(view)));
                    }
                })
            };
            let hide = {
                let d = d.clone();
                EventListener::new(&window, "pagehide", move |_| d.feed(Event::PageHidden))
            };
            move || {
                drop((storage, hash, hide));
                // The timers hold the driver, which holds them.
                *d.timers.borrow_mut() = Timers::default();
            }
        });
    }

    let notices = p.keeper.borrow().notices().clone();
    let mut banners = Vec::new();
    if let Some(msg) = notices.link_error {
        banners.push(html! {
            <Notice key="link" testid="link-error" message={msg.get(l).to_string()}
                on_dismiss={Some(driver.on(Choice::Dismiss(keeper::Notice::LinkError)))}
                title={tr(l, "This link could not be opened. Your plan is unchanged.",
                          "Ce lien n’a pas pu être ouvert. Votre plan n’a pas changé.")} />
        });
    }
    if let Some(theirs) = notices.other_tab {
        let title = named(
            tr(
                l,
                "This plan was changed in another tab",
                "Ce plan a été modifié dans un autre onglet",
            ),
            &theirs,
        );
        banners.push(html! {
            <Notice key="tab" testid="other-tab-banner" kind="info"
                title={title}
                message={tr(l, "Your changes here are not saved until you choose.",
                            "Vos changements ici ne sont pas enregistrés tant que vous n’avez pas choisi.")}>
                <button type="button" data-testid="other-tab-load" onclick={driver.on(Choice::LoadTheirs)}>{ tr(l, "Load theirs", "Charger le leur") }</button>
                <button type="button" data-testid="other-tab-keep" onclick={driver.on(Choice::KeepMine)}>{ tr(l, "Keep mine", "Garder le mien") }</button>
                <button type="button" data-testid="other-tab-scenario"
                    onclick={driver.on(Choice::TheirsAsScenario(tr(l, "From another tab", "D’un autre onglet")))}>
                    { tr(l, "Keep mine, theirs as a scenario", "Garder le mien, le leur en scénario") }</button>
            </Notice>
        });
    }
    if let Some(prev) = notices.previous {
        let title = named(tr(l, "Your previous plan", "Votre plan précédent"), &prev);
        banners.push(html! {
            <Notice key="prev" testid="restore-banner" kind="info"
                on_dismiss={Some(driver.on(Choice::Dismiss(keeper::Notice::Previous)))}
                title={title}
                message={tr(l, "A link opened a different plan. Your previous plan was kept.",
                            "Un lien a ouvert un autre plan. Votre plan précédent a été conservé.")}>
                <button type="button" data-testid="restore-button" onclick={driver.on(Choice::Restore)}>{ tr(l, "Restore", "Restaurer") }</button>
            </Notice>
        });
    }
    if let Some(msg) = notices.saved_error {
        banners.push(html! {
            <Notice key="saved" testid="saved-error" message={msg.get(l).to_string()}
                on_dismiss={Some(driver.on(Choice::Dismiss(keeper::Notice::SavedError)))}
                title={tr(l, "The saved plan could not be read; it was kept aside and nothing was deleted.",
                          "Le plan enregistré n’a pas pu être lu ; il a été mis de côté et rien n’a été effacé.")} />
        });
    }
    if let Some(msg) = notices.storage_error {
        banners.push(html! {
            <Notice key="storage" testid="storage-error" message={msg.get(l).to_string()}
                on_dismiss={Some(driver.on(Choice::Dismiss(keeper::Notice::StorageError)))}
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
