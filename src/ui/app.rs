//! The app shell: one `State` (use_reducer), the header, the editor panel
//! and the results area, and the keyboard shortcuts for undo and redo.
//!
//! Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y always act on the plan, also while a text
//! field has focus: every keystroke in a field is already a plan edit (one
//! undo step per field gesture), so the browser's own text undo would only
//! fight the plan's history.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::chart::{BridgeChart, SmallCharts};
use super::components::audience::use_audience;
use super::components::donors_section::DonorsSection;
use super::components::header::Header;
use super::components::indicators::Indicators;
use super::components::macro_section::MacroSection;
use super::components::number_field::{self, NumberField};
use super::components::plan_keeper::PlanKeeper;
use super::components::plan_section::PlanSection;
use super::components::presenter::{
    use_presenter_keys, PinBoard, Pins, Presenter, PresenterControls,
};
use super::components::problems_banner::ProblemsBanner;
use super::components::reserve_section::ReserveSection;
use super::components::revenue_section::RevenueSection;
use super::components::scenario_bar::{ScenarioBar, ShownChanges};
use super::components::share_panel::SharePanel;
use super::components::shocks_section::ShocksSection;
use super::components::skip_link::SkipLink;
use super::components::social_section::SocialSection;
use super::components::sources::Unsourced;
use super::components::spending_section::SpendingSection;
use super::components::uncertainty_section::UncertaintySection;
use super::components::year_table::YearTable;
use super::context::{Ctx, Problems};
use super::focus::focus_or_menu;
use super::i18n::tr;
use super::island::{use_extras_requests, use_task_after, Island};
use super::state::{Action, Section, State};
use super::wire::{results_message, Results};
use super::workshop::{audience_message, comparing, value_at};
use crate::model::scenario::sharing_run;
use crate::model::{Lang, Plan, Projection};

/// The undo/redo shortcut a key press means, if any.
fn shortcut(e: &web_sys::KeyboardEvent) -> Option<Action> {
    if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
        return None;
    }
    // ASCII lower case: no other key value lowers to "z" or "y".
    match e.key().to_ascii_lowercase().as_str() {
        "z" if e.shift_key() => Some(Action::Redo),
        "z" => Some(Action::Undo),
        "y" => Some(Action::Redo),
        _ => None,
    }
}

fn set_page_lang(lang: Lang) {
    let _ = gloo::utils::document_element().set_attribute("lang", lang.code());
}

/// How many parts of the page the first render leaves for later (see
/// `use_drawn`). Each is numbered where it is drawn (`later(n)`): the
/// editor's sections in their order, with the small charts (3) and the
/// year table (7) among them, so a desktop's two columns fill together.
const LATER_PARTS: usize = 12;

/// The order of the later parts in one column (styles/app.css, up to
/// 900 px wide), where the results come first: the page's own order.
const ONE_COLUMN: [usize; LATER_PARTS] = [3, 7, 1, 2, 4, 5, 6, 8, 9, 10, 11, 12];

/// Which of the later parts are drawn so far.
#[derive(Clone, Copy, PartialEq)]
struct Drawn {
    count: usize,
    one_column: bool,
    /// The rest waits until the reader scrolls near it (one column only).
    waiting: bool,
}

impl Drawn {
    fn has(self, part: usize) -> bool {
        match self.one_column {
            true => ONE_COLUMN[..self.count].contains(&part),
            false => part <= self.count,
        }
    }

    /// Nothing more is drawn unless the reader asks: a person (or a test)
    /// can start.
    fn settled(self) -> bool {
        self.count == LATER_PARTS || self.waiting
    }
}

/// The later parts drawn so far, and a callback that draws the rest at
/// once. The first render draws what a visitor sees first (the header, the
/// bridge and its cards); the rest joins one part per task, so that no
/// single task holds the page (at a phone's speed, one render of
/// everything held it over a second).
///
/// In one column the editor is below the results, screens away on a
/// phone: there a part is drawn only while the page's end (`end`) is
/// within a screen of the view, so a phone draws what its reader scrolls
/// to, not a whole editor it may never open. A key press or printing draws
/// everything at once, so that Tab and a printout find the whole page.
#[hook]
fn use_drawn(end: NodeRef) -> (Drawn, Callback<()>) {
    let one_column = *use_memo((), |_| super::near::view_at_most(900.0));
    // How many are drawn, and whether the rest waits for the reader.
    let progress = use_state_eq(|| (0, false));
    let eager = use_state_eq(|| !one_column);
    let all = {
        let eager = eager.setter();
        use_callback((), move |(), _| eager.set(true))
    };
    {
        let all = all.clone();
        use_effect_with(*eager, move |&eager| {
            let on = |name| {
                let all = all.clone();
                let window = gloo::utils::window();
                (!eager).then(|| EventListener::new(&window, name, move |_| all.emit(())))
            };
            let listeners = (on("keydown"), on("beforeprint"));
            move || drop(listeners)
        });
    }
    // All at once in one column (below), or one part per task on a wide
    // screen; where the browser cannot tell what is near, one per task too.
    let at_once = *eager && one_column;
    let set = progress.setter();
    use_effect_with((progress.0, *eager), move |&(n, eager)| {
        let near = (n < LATER_PARTS && !eager)
            .then(|| end.cast::<web_sys::Element>())
            .flatten()
            .and_then(|el| {
                let set = set.clone();
                super::near::watch(&el, move |near| match near {
                    true => set.set((n + 1, false)),
                    false => set.set((n, true)),
                })
            });
        let next = (n < LATER_PARTS && !at_once && near.is_none())
            .then(|| Timeout::new(0, move || set.set((n + 1, false))));
        move || drop((near, next))
    });
    let drawn = Drawn {
        count: if at_once { LATER_PARTS } else { progress.0 },
        one_column,
        waiting: progress.1 && !at_once,
    };
    (drawn, all)
}

#[function_component(App)]
pub fn app() -> Html {
    // Which plan opens (link, saved or default) is decided once, before
    // the first render, so nothing is overwritten by a default first.
    let linked = use_memo((), |_| super::sync::start_link());
    let keeper = use_memo((), |_| RefCell::new(super::sync::start()));
    let state = {
        let keeper = keeper.clone();
        use_reducer(move || {
            let plan = (**keeper.borrow().plan()).clone();
            let view = linked
                .as_ref()
                .clone()
                .filter(|(p, _)| *p == plan)
                .map(|(_, v)| v);
            let mut state = State::new(plan);
            // The display choices of the last visit (language, currency);
            // a link's view, below, has the last word.
            let prefs = super::prefs::load();
            (state.lang, state.currency) = (prefs.lang, prefs.currency);
            let state = Rc::new(state);
            // A link's view: its scenario, comparison, language, currency.
            let state = match view {
                Some(v) => {
                    let s = state.reduce(Action::View(Box::new(v)));
                    Rc::try_unwrap(s).unwrap_or_else(|s| (*s).clone())
                }
                None => Rc::try_unwrap(state).unwrap_or_else(|s| (*s).clone()),
            };
            // The page's language from the first frame on (the effect below
            // follows later changes): the style sheets size what the
            // extras will draw by it.
            set_page_lang(state.lang);
            state
        })
    };
    let settled = use_mut_ref(|| None::<(Rc<Plan>, Rc<Projection>, bool)>);
    let dispatcher = state.dispatcher();
    let end = use_node_ref();
    let (drawn, draw_all) = use_drawn(end.clone());
    // One callback for the app's lifetime, so props stay equal between
    // renders. A link to a field opens its section: the whole editor is
    // drawn first, so that the field is there to take the focus.
    let on_edit = use_callback(draw_all, move |a: Action, all| {
        if matches!(a, Action::OpenSection(_)) {
            all.emit(());
        }
        dispatcher.dispatch(a)
    });

    {
        let on_edit = on_edit.clone();
        use_effect_with((), move |_| {
            // Not passive: a shortcut prevents the browser's own undo.
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if let Some(a) = shortcut(e) {
                        e.prevent_default();
                        on_edit.emit(a);
                    }
                },
            );
            move || drop(listener)
        });
    }
    // Workshop mode: pinned controls, the audience window and its keys.
    let pins = use_reducer(Pins::default);
    let toggle_pin = {
        let d = pins.dispatcher();
        use_callback((), move |p, _| d.dispatch(p))
    };
    let board = PinBoard {
        pins: (*pins).clone(),
        toggle: toggle_pin,
    };
    let (open_audience, audience_on) = use_audience(&state);
    // (The room summary's links live in the extras, so closing keeps them.)
    let room_open = use_state_eq(|| false);
    use_extras_requests(on_edit.clone());
    use_presenter_keys(audience_on && !state.presenter, on_edit.clone());
    use_effect_with(state.lang, |&lang| set_page_lang(lang));
    use_effect_with((state.lang, state.currency), |&(lang, currency)| {
        super::prefs::update(|p| (p.lang, p.currency) = (lang, currency));
    });

    let later = |part: usize| drawn.has(part);
    let l = state.lang;
    // The controls show the shown scenario's plan (the baseline's when none).
    let plan = &state.shown_plan;
    // The results show the last valid plan and its projection, marked stale
    // while the plan being edited has problems.
    // The year table is the biggest view: during a slider drag it keeps the
    // projection from before the drag and catches up on release, so the
    // charts can follow the slider within the frame budget.
    if !state.sliding() {
        *settled.borrow_mut() = state
            .projection
            .clone()
            .map(|pr| (state.projected_plan.clone(), pr, state.stale));
    }
    let table = settled.borrow().clone();
    // What the extras draw (ui::wire): the uncertainty results follow the
    // plan on screen; the presenter view and the comparison read the
    // audience window's message of the last valid plan.
    //
    // A message holds a whole plan as JSON. During a drag the files panel
    // has nothing new to offer until the release, nor have the results
    // unless a Monte Carlo preview follows the drag, so their messages keep
    // the plan from before the drag: the drag's frames stay short.
    let before_drag = use_mut_ref(|| None::<(Rc<Plan>, Rc<Plan>)>);
    // A scenario on screen is run with the plan's settings.
    let on_screen = || match state.projected_plan.uncertainty == state.plan.uncertainty {
        true => state.projected_plan.clone(),
        false => Rc::new(sharing_run((*state.projected_plan).clone(), &state.plan)),
    };
    let previewing = state.sliding() && state.plan.uncertainty.is_some();
    let (fan_plan, files_plan) = {
        let mut kept = before_drag.borrow_mut();
        if !state.sliding() || kept.is_none() {
            *kept = Some((on_screen(), state.plan.clone()));
        }
        let (fan, files) = kept.clone().unwrap_or_default();
        match previewing {
            true => (on_screen(), files),
            false => (fan, files),
        }
    };
    let message_of = |plan, shown, sliding| Results {
        plan,
        shown,
        sliding,
        stale: state.stale,
        lang: l,
        currency: state.currency,
    };
    // Written after the first render, each in a task of its own (empty
    // until then): that render is the longest task of a phone's load, a
    // message holds a whole plan as JSON, and the extras load after it
    // anyway.
    let files_written = use_task_after(true);
    let fan_written = use_task_after(files_written);
    let message = |(r, written): &(Results, bool)| match written {
        true => AttrValue::from(results_message(r)),
        false => AttrValue::default(),
    };
    let fan_message = use_memo(
        (message_of(fan_plan, None, previewing), fan_written),
        message,
    );
    // Open, save and export: the whole plan and the scenario on screen.
    let files_message = use_memo(
        (message_of(files_plan, state.shown, false), files_written),
        message,
    );
    let screen_message = || {
        let plan = if state.problems.is_empty() {
            &state.plan
        } else {
            &state.projected_plan
        };
        AttrValue::from(audience_message(plan, &state))
    };
    let controls = html! {
        <PresenterControls plan={state.plan.clone()} shown={state.shown}
            comparing={comparing(&state)} stage={state.stage} />
    };
    let results = match &state.projection {
        Some(projection) => {
            let (p, pr, c, s) = (
                state.projected_plan.clone(),
                projection.clone(),
                state.currency,
                state.stale,
            );
            html! { <>
                // The bridge first: it is what a room looks at; the cards read it out.
                <BridgeChart plan={p.clone()} projection={pr.clone()} currency={c} stale={s} years={Some(state.years_shown)} />
                <Indicators plan={p.clone()} projection={pr.clone()} currency={c} stale={s} />
                // How sure, and what it would take: drawn by the extras once
                // they load, below the cards so that they do not push the
                // cards away from the bridge.
                <Island part="fan" message={(*fan_message).clone()} />
                if later(3) {
                    <SmallCharts plan={p} projection={pr} currency={c} stale={s} />
                }
                if let Some((tp, tpr, ts)) = table.filter(|_| later(7)) {
                    <YearTable plan={tp} projection={tpr} currency={c} stale={ts} />
                }
            </> }
        }
        None => html! {
            <div class="placeholder" data-testid="results-placeholder">
                { tr(l, "No valid plan yet: fix the problems above to see the projection.",
                    "Pas encore de plan valide : corrigez les problèmes ci-dessus pour voir la projection.") }
            </div>
        },
    };
    let shown_changes = ShownChanges(
        state
            .shown
            .and_then(|i| state.plan.scenarios.get(i))
            .map(|s| Rc::new(s.changes.clone())),
    );
    let view = Rc::new(state.view());
    let section = |s: Section| state.is_collapsed(s);
    // The language and the dispatcher reach every component through the
    // context; it changes only when the language does.
    let ctx = Ctx::new(l, on_edit.clone());
    let pinned = (!pins.0.is_empty()).then(|| {
        pins.0
            .iter()
            .filter_map(|pin| {
                let value = value_at(plan, &pin.field)?;
                let p = number_field::Props {
                    value,
                    ..pin.clone()
                };
                Some(html! { <NumberField ..p /> })
            })
            .collect::<Html>()
    });
    let present = on_edit.reform(|_: MouseEvent| Action::Presenter(true));
    // Leaving the presenter view gives the focus back to "Present" (a new
    // button: the old one left the page with the rest of the editor).
    let present_ref = use_node_ref();
    {
        let (present_ref, was_on) = (present_ref.clone(), use_mut_ref(|| false));
        use_effect_with(state.presenter, move |&on| {
            let left = std::mem::replace(&mut *was_on.borrow_mut(), on) && !on;
            if let Some(b) = present_ref.cast::<web_sys::HtmlElement>().filter(|_| left) {
                focus_or_menu(&b);
            }
        });
    }
    let workshop = html! {
        <section class="workshop-bar menu-part" id="workshop-bar" aria-label={tr(l, "Workshop", "Atelier")}>
            <button type="button" data-testid="present-button" onclick={present} ref={present_ref}>
                { tr(l, "Present", "Présenter") }
            </button>
            <button type="button" data-testid="audience-button" aria-pressed={audience_on.to_string()}
                onclick={open_audience.reform(|_: MouseEvent| ())}>
                { tr(l, "Open audience window", "Ouvrir la fenêtre du public") }
            </button>
            <button type="button" data-testid="room-button" aria-pressed={room_open.to_string()}
                onclick={let r = room_open.clone(); Callback::from(move |_: MouseEvent| r.set(!*r))}>
                { tr(l, "Room summary", "Synthèse de la salle") }
            </button>
            if audience_on { { controls.clone() } }
        </section>
    };
    let results_ref = use_node_ref();
    html! {
        <ContextProvider<Ctx> context={ctx}>
        <ContextProvider<PinBoard> context={board}>
        // Ready for a person (and a test) once every part is drawn, or the
        // rest waits for the reader to scroll near it.
        <div class="app" data-testid={drawn.settled().then_some("app-ready")}
            data-waiting={drawn.waiting.then_some("")}>
            <PlanKeeper keeper={keeper.clone()} plan={state.plan.clone()} />
            if state.presenter {
                <ContextProvider<Problems> context={Problems(state.shown_problems.clone())}>
                <Presenter message={screen_message()} controls={Some(controls.clone())} pins={pinned} />
                </ContextProvider<Problems>>
            } else {
            <SkipLink target={results_ref.clone()} />
            <Header plan_name={state.plan.meta.name.clone()} plan_currency={state.plan.meta.currency.clone()}
                can_undo={state.can_undo()} can_redo={state.can_redo()}
                currency={state.currency} />
            <div class="share-bar menu-part" id="share-bar">
                <SharePanel plan={state.plan.clone()} view={view} />
                <Island part="files" message={(*files_message).clone()} class="files-host" />
            </div>
            { workshop }
            if *room_open {
                <Island part="room" message={AttrValue::from(l.code())} />
            }
            <ProblemsBanner plan={state.plan.clone()} problems={state.problems.clone()} />
            // A scenario's name and note are fields of the whole plan.
            <ContextProvider<Problems> context={Problems(state.problems.clone())}>
            <ScenarioBar plan={state.plan.clone()} shown={state.shown} compare={state.compare.clone()}
                pending={state.pending} dropped={state.dropped.clone()} />
            </ContextProvider<Problems>>
            <div class="workspace">
                // The editor shows the shown scenario's plan: its problems and its changes.
                <ContextProvider<Problems> context={Problems(state.shown_problems.clone())}>
                <ContextProvider<ShownChanges> context={shown_changes}>
                <aside class="editor" aria-label={tr(l, "Plan editor", "Éditeur du plan")}>
                    if later(1) { <MacroSection plan={plan.clone()} collapsed={section(Section::Macro)} /> }
                    if later(2) { <RevenueSection plan={plan.clone()} collapsed={section(Section::Revenue)} /> }
                    if later(4) { <SpendingSection plan={plan.clone()} collapsed={section(Section::Spending)} /> }
                    if later(5) { <SocialSection plan={plan.clone()} collapsed={section(Section::Social)} /> }
                    if later(6) { <DonorsSection plan={plan.clone()} collapsed={section(Section::Donors)} /> }
                    if later(8) { <ShocksSection plan={plan.clone()} collapsed={section(Section::Shocks)} /> }
                    if later(9) { <ReserveSection plan={plan.clone()} collapsed={section(Section::Reserve)} /> }
                    if later(10) { <PlanSection plan={plan.clone()} collapsed={section(Section::Plan)} /> }
                    if later(11) { <UncertaintySection plan={plan.clone()} collapsed={section(Section::Uncertainty)} /> }
                    if later(12) { <Unsourced plan={state.plan.clone()} /> }
                </aside>
                </ContextProvider<ShownChanges>>
                </ContextProvider<Problems>>
                <main class="results" data-testid="results" ref={results_ref} tabindex="-1" aria-label={tr(l, "Results", "Résultats")}>
                    // For a screen reader's list of headings: the cards below
                    // are h3, and on a phone nothing above them may be drawn yet.
                    <h2 class="visually-hidden">{ tr(l, "Results", "Résultats") }</h2>
                    if state.compare.len() >= 2 {
                        <Island part="compare" message={screen_message()} />
                    }
                    { results }
                    // The printed brief's assumptions and notes (styles/print.css).
                    <Island part="brief" message={(*files_message).clone()} class="print-only" />
                </main>
            </div>
            // The page's end: in one column, what is drawn next waits until
            // this comes near the view (`use_drawn`).
            <div ref={end}></div>
            }
        </div>
        </ContextProvider<PinBoard>>
        </ContextProvider<Ctx>>
    }
}
