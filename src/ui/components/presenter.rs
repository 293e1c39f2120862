//! The presenter view, for a projector: the scenario on screen, its
//! headline cards and one chart, in type a room can read; or the
//! comparison with the baseline; or a veil while the room guesses. The
//! facilitator's copy adds the controls (each also a key) and the few
//! number controls pinned for live use; an audience window shows the view
//! alone.
//!
//! Not for editing: the editor panel stays in the normal view. The keys'
//! meanings and their effect on the state are in `ui::workshop`.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::codec::{browser, link};
use crate::model::{Plan, Problem, Text};
use crate::ui::chart::{currency_code, year_or_never, BridgeChart};
use crate::ui::components::indicators::Indicators;
use crate::ui::components::number_field;
use crate::ui::components::qr_panel::QrPanel;
use crate::ui::context::{use_dispatch, use_lang};
use crate::ui::format::{money_short, pct, DisplayCurrency};
use crate::ui::i18n::{tr, Lang};
use crate::ui::island::Island;
use crate::ui::state::Action;
use crate::ui::workshop::{cue_for_key, shown_name, shown_projection, Cue, Headline, Stage};

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// The plan whose baseline and scenarios are shown (the last valid one).
    pub plan: Rc<Plan>,
    pub shown: Option<usize>,
    pub compare: Rc<Vec<Option<usize>>>,
    pub stage: Stage,
    pub currency: DisplayCurrency,
    /// An audience window: the view alone, no controls.
    #[prop_or_default]
    pub audience: bool,
}

/// Number controls pinned for the presenter view: each kept as the props
/// it was drawn with (its value and problem are read afresh from the plan).
#[derive(Clone, Default, PartialEq)]
pub struct Pins(pub Rc<Vec<number_field::Props>>);

impl Reducible for Pins {
    /// Pins a control, or unpins it if it is pinned already.
    type Action = number_field::Props;
    fn reduce(self: Rc<Self>, p: number_field::Props) -> Rc<Self> {
        let mut list = (*self.0).clone();
        match list.iter().position(|x| x.field == p.field) {
            Some(i) => {
                list.remove(i);
            }
            None => list.push(p),
        }
        Rc::new(Pins(Rc::new(list)))
    }
}

/// What a number control needs to offer its pin: the list and the toggle.
#[derive(Clone, PartialEq)]
pub struct PinBoard {
    pub pins: Pins,
    pub toggle: Callback<number_field::Props>,
}

/// Sends the presenter keys to `dispatch` as `Action::Cue`s while
/// `enabled`, except to a form field (a pinned slider keeps its arrows),
/// the QR dialog (it handles Escape itself), a chart (its arrows move
/// between years) or with a modifier held (browser shortcuts).
#[hook]
pub fn use_presenter_keys(enabled: bool, dispatch: Callback<Action>) {
    use_effect_with(enabled, move |on| {
        let listener = on.then(|| {
            EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if e.ctrl_key() || e.meta_key() || e.alt_key() {
                        return;
                    }
                    let skip = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|el| {
                            el.closest("input, textarea, select, .qr-overlay, .chart-frame")
                                .ok()
                                .flatten()
                                .is_some()
                        });
                    if skip {
                        return;
                    }
                    if let Some(cue) = cue_for_key(&e.key()) {
                        e.prevent_default();
                        dispatch.emit(Action::Cue(cue));
                    }
                },
            )
        });
        move || drop(listener)
    });
}

/// The presenter controls: one button per command, named for a screen
/// reader and with its key shown.
#[derive(Properties, PartialEq, Clone)]
pub struct ControlsProps {
    pub plan: Rc<Plan>,
    pub shown: Option<usize>,
    pub comparing: bool,
    pub stage: Stage,
}

#[function_component(PresenterControls)]
pub fn presenter_controls(p: &ControlsProps) -> Html {
    let l = use_lang();
    let dispatch = use_dispatch();
    let button =
        |cue: Cue, text: String, name: String, key: &'static str, pressed: Option<bool>| {
            let dispatch = dispatch.clone();
            html! {
                <button type="button" class="cue" aria-label={name} aria-keyshortcuts={key}
                    aria-pressed={pressed.map(|b| b.to_string())}
                    data-testid={format!("cue-{}", key.to_ascii_lowercase())}
                    onclick={Callback::from(move |_: MouseEvent| dispatch.emit(Action::Cue(cue)))}>
                    { text }
                </button>
            }
        };
    let positions = (0..=p.plan.scenarios.len()).take(9).map(|k| {
        let name = shown_name(&p.plan, k.checked_sub(1)).unwrap_or_default();
        let here = p.shown.map_or(0, |i| i + 1) == k;
        let dispatch = dispatch.clone();
        html! {
            <button type="button" class="cue position" aria-label={format!("{}: {}", k + 1, name)}
                aria-keyshortcuts={(k + 1).to_string()} aria-current={here.then_some("true")}
                data-testid={format!("cue-position-{}", k + 1)}
                onclick={Callback::from(move |_: MouseEvent| dispatch.emit(Action::Cue(Cue::Jump(k))))}>
                { k + 1 }
            </button>
        }
    });
    html! {
        <nav class="presenter-controls" aria-label={tr(l, "Presenter controls", "Commandes de présentation")}>
            { button(Cue::Prev, "◀".into(), tr(l, "Previous scenario", "Scénario précédent").into(), "ArrowLeft", None) }
            { for positions }
            { button(Cue::Next, "▶".into(), tr(l, "Next scenario", "Scénario suivant").into(), "ArrowRight", None) }
            { button(Cue::Compare, tr(l, "Compare (C)", "Comparer (C)").into(),
                     tr(l, "Compare with the baseline", "Comparer au scénario de base").into(), "C", Some(p.comparing)) }
            { button(Cue::Predict, tr(l, "Predict (P)", "Prédire (P)").into(),
                     tr(l, "Predict, then reveal", "Prédire, puis révéler").into(), "P", Some(p.stage.veiled)) }
            { button(Cue::Reveal, tr(l, "Reveal (Space)", "Révéler (Espace)").into(),
                     tr(l, "Reveal the results", "Révéler les résultats").into(), "Space", None) }
            { button(Cue::Qr, tr(l, "QR (Q)", "QR (Q)").into(),
                     tr(l, "QR code of what is on screen", "Code QR de ce qui est à l’écran").into(), "Q", Some(p.stage.qr)) }
            { button(Cue::Leave, tr(l, "Leave (Esc)", "Quitter (Échap)").into(),
                     tr(l, "Leave the presenter view", "Quitter la présentation").into(), "Escape", None) }
        </nav>
    }
}

/// The link of what is on screen: the plan, showing this scenario.
fn screen_link(plan: &Plan, shown: Option<usize>, lang: Lang) -> String {
    let view = link::View {
        scenario: shown
            .and_then(|i| shown_name(plan, Some(i)))
            .map(str::to_string),
        lang: Some(lang.code().to_string()),
        ..Default::default()
    };
    // An audience window's address carries `?audience`: the link opens the app.
    let page = browser::page_url().unwrap_or_default();
    let base = page.split('?').next().unwrap_or(&page);
    format!("{base}#plan={}", link::encode_link_with(plan, &view))
}

fn problems_text(problems: &[Problem], lang: Lang) -> Html {
    html! {
        <ul class="presenter-problems" role="alert">
            { for problems.iter().take(3).map(|p| html! { <li>{ format!("{}: {}", p.path, p.rule.text(lang)) }</li> }) }
        </ul>
    }
}

/// The compared plans side by side: the figures a room reads, per plan.
fn comparison(plan: &Plan, compare: &[Option<usize>], currency: DisplayCurrency, l: Lang) -> Html {
    let columns: Vec<(String, Result<Headline, Vec<Problem>>)> = compare
        .iter()
        .map(|s| {
            (
                shown_name(plan, *s).unwrap_or_default().to_string(),
                shown_projection(plan, *s).map(|(_, pr)| Headline::of(&pr, currency)),
            )
        })
        .collect();
    let row = |label: &'static str, testid: &'static str, f: &dyn Fn(&Headline) -> String| {
        html! {
            <tr data-testid={testid}>
                <th scope="row">{ label }</th>
                { for columns.iter().map(|(_, h)| html! {
                    <td>{ h.as_ref().map_or_else(|_| "—".to_string(), f) }</td>
                }) }
            </tr>
        }
    };
    html! {
        <table class="presenter-compare" data-testid="presenter-compare">
            <thead><tr>
                <td></td>
                { for columns.iter().map(|(name, _)| html! { <th scope="col">{ name.clone() }</th> }) }
            </tr></thead>
            <tbody>
                { row(tr(l, "Self-sufficient from", "Autosuffisant à partir de"), "compare-self-sufficiency",
                      &|h| year_or_never(h.self_sufficiency_year, l)) }
                { row(tr(l, "Donor exit", "Sortie des bailleurs"), "compare-donor-exit",
                      &|h| year_or_never(h.donor_exit_year, l)) }
                { row(tr(l, "Cumulative unfunded gap", "Déficit non financé cumulé"), "compare-gap",
                      &|h| money_short(h.cumulative_gap, l)) }
                { row(tr(l, "Self-sufficiency, last year", "Autosuffisance, dernière année"), "compare-final",
                      &|h| pct(h.final_self_sufficiency_pct, l)) }
            </tbody>
        </table>
    }
}

/// The presenter view's screen: the scenario on screen, its cards and
/// chart (or the comparison, or the veil) and the QR code when asked. It is
/// drawn by the extras module (`ui::wire`) into the host that `Presenter`
/// puts on the page.
#[function_component(PresenterScreen)]
pub fn presenter_screen(p: &Props) -> Html {
    let l = use_lang();
    let dispatch = use_dispatch();
    let result = use_memo((p.plan.clone(), p.shown), |(plan, shown)| {
        shown_projection(plan, *shown)
    });
    let name = shown_name(&p.plan, p.shown).unwrap_or_default();
    let note = p
        .shown
        .and_then(|i| p.plan.scenarios.get(i))
        .map(|s| s.note.clone())
        .filter(|n| !n.is_empty());
    let comparing = p.compare.len() >= 2;
    let body = if p.stage.veiled {
        html! {
            <div class="presenter-veil" data-testid="presenter-veil" role="status">
                <p class="veil-ask">{ tr(l, "What do you expect? Make your prediction.",
                                         "À quoi vous attendez-vous ? Faites votre pronostic.") }</p>
                <p>{ tr(l, "The results appear on Space.", "Les résultats s’affichent avec Espace.") }</p>
            </div>
        }
    } else if comparing {
        comparison(&p.plan, &p.compare, p.currency, l)
    } else {
        match &*result {
            Ok((plan, pr)) => html! { <>
                <Indicators plan={plan.clone()} projection={pr.clone()} currency={p.currency} projector=true />
                <BridgeChart plan={plan.clone()} projection={pr.clone()} currency={p.currency} projector=true />
            </> },
            Err(problems) => problems_text(problems, l),
        }
    };
    let qr = p.stage.qr.then(|| {
        let url = AttrValue::from(screen_link(&p.plan, p.shown, l));
        let on_close = if p.audience {
            Callback::noop()
        } else {
            dispatch.reform(|()| Action::Cue(Cue::Qr))
        };
        html! { <QrPanel {url} {on_close} /> }
    });
    html! { <>
        // Not a <header>: the view sits in a region, and a page has one banner.
        <div class="presenter-top">
            <h1 data-testid="presenter-scenario">{ name }</h1>
            if let Some(n) = note { <p class="presenter-note">{ n }</p> }
            <p class="presenter-unit">{ currency_code(&p.plan, p.currency) }</p>
        </div>
        <div class="presenter-results" data-testid="presenter-results">{ body }</div>
        { for qr }
    </> }
}

/// What the presenter view's host carries: the audience window's message.
#[derive(Properties, PartialEq, Clone)]
pub struct FrameProps {
    /// `workshop::audience_message` of what is on screen.
    pub message: AttrValue,
    /// An audience window: the view alone, no controls.
    #[prop_or_default]
    pub audience: bool,
    /// The facilitator's window: its controls and pinned number controls.
    #[prop_or_default]
    pub controls: Option<Html>,
    #[prop_or_default]
    pub pins: Option<Html>,
}

/// The presenter view, full screen: the screen (drawn by the extras
/// module), the pinned controls beside it and the command bar below.
#[function_component(Presenter)]
pub fn presenter(p: &FrameProps) -> Html {
    let l = use_lang();
    let dispatch = use_dispatch();
    use_presenter_keys(!p.audience, dispatch);
    let part = if p.audience { "audience" } else { "presenter" };
    html! {
        <div class="presenter" data-testid="presenter" role="region"
            aria-label={tr(l, "Presenter view", "Vue de présentation")}>
            <div class="presenter-body">
                <Island {part} message={p.message.clone()} class="presenter-main" />
                if let Some(pins) = &p.pins {
                    <aside class="presenter-pins" data-testid="presenter-pins"
                        aria-label={tr(l, "Pinned controls", "Commandes épinglées")}>
                        { pins.clone() }
                    </aside>
                }
            </div>
            { p.controls.clone() }
        </div>
    }
}
