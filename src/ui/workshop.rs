//! Workshop mode's pure core: what a key means in the presenter view, what
//! it does to the `State`, the plan and projection of the scenario on
//! screen, the few figures a room reads, and the message that keeps an
//! audience window in step with the facilitator's.
//!
//! Not for drawing (components/presenter.rs, components/audience.rs) nor for
//! the room summary (room.rs). No web API: tested on the host.

use std::rc::Rc;

use serde_json::{json, Value};

use crate::codec::link::{self, LinkError, View};
use crate::model::{scenario, Plan, Problem, Projection};
use crate::ui::chart::geometry::money;
use crate::ui::format::DisplayCurrency;
use crate::ui::i18n::Lang;
use crate::ui::state::{Action, State};

/// What the presenter view holds back or adds: results veiled until the
/// room has guessed, the QR code of the plan on screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stage {
    pub veiled: bool,
    pub qr: bool,
}

/// A presenter command, from a key or its button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    Prev,
    Next,
    /// Position `k` on the bar: 0 is the baseline, 1 the first scenario.
    Jump(usize),
    /// Compare the scenario on screen with the baseline, or stop comparing.
    Compare,
    /// Veil the results so the room commits to a guess (again: unveil).
    Predict,
    /// Unveil the results.
    Reveal,
    /// Show or hide the QR code of what is on screen.
    Qr,
    /// Close the QR code if it is open, else leave the presenter view.
    Leave,
}

/// The presenter command a key means ("ArrowLeft", "3", "c", " ", …).
pub fn cue_for_key(key: &str) -> Option<Cue> {
    Some(match key {
        "ArrowLeft" => Cue::Prev,
        "ArrowRight" => Cue::Next,
        "c" | "C" => Cue::Compare,
        "p" | "P" => Cue::Predict,
        " " | "Spacebar" => Cue::Reveal,
        "q" | "Q" => Cue::Qr,
        "Escape" => Cue::Leave,
        _ => {
            let d = key.parse::<usize>().ok().filter(|d| (1..=9).contains(d))?;
            Cue::Jump(d - 1)
        }
    })
}

/// Whether two or more plans are being compared.
pub fn comparing(s: &State) -> bool {
    s.compare.len() >= 2
}

/// The state after the presenter command `cue`: view actions only, so
/// nothing here is undoable and the plan never changes.
pub fn apply(s: Rc<State>, cue: Cue) -> Rc<State> {
    let n = s.plan.scenarios.len();
    let pos = s.shown.map_or(0, |i| i + 1);
    // Moving keeps a comparison with the baseline on the new scenario
    // (on the baseline itself there is nothing left to compare).
    let go = |s: Rc<State>, to: usize| -> Rc<State> {
        if to > n {
            return s;
        }
        let shown = to.checked_sub(1);
        let follow = comparing(&s);
        let s = s.reduce(Action::ShowScenario(shown));
        match shown {
            Some(_) if follow => s.reduce(Action::Compare(vec![None, shown])),
            None if follow => s.reduce(Action::Compare(Vec::new())),
            _ => s,
        }
    };
    let stage = |s: Rc<State>, stage: Stage| -> Rc<State> {
        if s.stage == stage {
            return s;
        }
        let mut next = (*s).clone();
        next.stage = stage;
        Rc::new(next)
    };
    let st = s.stage;
    match cue {
        Cue::Prev if pos > 0 => go(s, pos - 1),
        Cue::Next => go(s, pos + 1),
        Cue::Jump(k) => go(s, k),
        Cue::Compare if comparing(&s) => s.reduce(Action::Compare(Vec::new())),
        Cue::Compare if n > 0 => {
            let other = Some(s.shown.unwrap_or(0));
            s.reduce(Action::ShowScenario(other))
                .reduce(Action::Compare(vec![None, other]))
        }
        Cue::Predict => stage(
            s,
            Stage {
                veiled: !st.veiled,
                ..st
            },
        ),
        Cue::Reveal => stage(
            s,
            Stage {
                veiled: false,
                ..st
            },
        ),
        Cue::Qr => stage(s, Stage { qr: !st.qr, ..st }),
        Cue::Leave if st.qr => stage(s, Stage { qr: false, ..st }),
        Cue::Leave => stage(s.reduce(Action::Presenter(false)), Stage::default()),
        Cue::Prev | Cue::Compare => s,
    }
}

/// The plan of scenario `shown` (`None`: the baseline) and its projection,
/// or every problem that stops it from being evaluated.
pub fn shown_projection(
    plan: &Plan,
    shown: Option<usize>,
) -> Result<(Rc<Plan>, Rc<Projection>), Vec<Problem>> {
    let p = match shown {
        Some(i) => scenario::scenario_plan(plan, i)?,
        None => plan.clone(),
    };
    crate::model::validate(&p)?;
    let projection = crate::model::evaluate(&p).map_err(|e| vec![e])?;
    Ok((Rc::new(p), Rc::new(projection)))
}

/// The name the bar gives position `shown`.
pub fn shown_name(plan: &Plan, shown: Option<usize>) -> Option<&str> {
    match shown {
        None => Some(scenario::BASELINE),
        Some(i) => plan.scenarios.get(i).map(|s| s.name.as_str()),
    }
}

/// The figures a room reads first, money in the display currency.
#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    pub self_sufficiency_year: Option<i32>,
    pub donor_exit_year: Option<i32>,
    /// Sum of every year's unfunded gap.
    pub cumulative_gap: f64,
    /// Local revenue over need in the last year, in %.
    pub final_self_sufficiency_pct: f64,
}

impl Headline {
    pub fn of(p: &Projection, currency: DisplayCurrency) -> Headline {
        Headline {
            self_sufficiency_year: p.summary.self_sufficiency_year,
            donor_exit_year: p.summary.donor_exit_year,
            cumulative_gap: p
                .years
                .iter()
                .map(|y| money(currency, y, y.unfunded_gap))
                .sum(),
            final_self_sufficiency_pct: p.years.last().map_or(0.0, |y| y.self_sufficiency_pct),
        }
    }
}

/// What the facilitator's window tells the audience window: the link
/// payload of `plan` (the last valid one) with the view (link format 2),
/// and the stage.
pub fn audience_message(plan: &Plan, s: &State) -> String {
    // Names come from the plan being edited, whose scenarios the view indexes.
    let names = |i: &Option<usize>| shown_name(&s.plan, *i).map(str::to_string);
    let view = View {
        scenario: s.shown.and_then(|i| names(&Some(i))),
        compare: s.compare.iter().filter_map(names).collect(),
        presenter: true,
        lang: Some(s.lang.code().to_string()),
        currency: Some(
            match s.currency {
                DisplayCurrency::Local => "LCU",
                DisplayCurrency::Usd => "USD",
            }
            .to_string(),
        ),
    };
    json!({
        "link": link::encode_link_with(plan, &view),
        "veiled": s.stage.veiled,
        "qr": s.stage.qr,
    })
    .to_string()
}

/// What an audience window shows, read back from `audience_message`.
#[derive(Clone, Debug, PartialEq)]
pub struct Screen {
    pub plan: Rc<Plan>,
    pub shown: Option<usize>,
    pub compare: Rc<Vec<Option<usize>>>,
    pub lang: Lang,
    pub currency: DisplayCurrency,
    pub stage: Stage,
}

/// Why a message could not be shown.
#[derive(Debug, PartialEq)]
pub enum MessageError {
    NotAMessage,
    Link(LinkError),
}

/// Reads a facilitator's message; names that match no scenario show the
/// baseline (a message is only ever made by `audience_message`).
pub fn read_message(text: &str) -> Result<Screen, MessageError> {
    let v: Value = serde_json::from_str(text).map_err(|_| MessageError::NotAMessage)?;
    let payload = v["link"].as_str().ok_or(MessageError::NotAMessage)?;
    let (plan, view) = link::decode_link_view(payload).map_err(MessageError::Link)?;
    let index = |name: &str| -> Option<Option<usize>> {
        if scenario::is_baseline_name(name) {
            return Some(None);
        }
        plan.scenarios.iter().position(|s| s.name == name).map(Some)
    };
    let flag = |k: &str| v[k].as_bool().unwrap_or(false);
    Ok(Screen {
        shown: view.scenario.as_deref().and_then(index).flatten(),
        compare: Rc::new(view.compare.iter().filter_map(|n| index(n)).collect()),
        lang: view
            .lang
            .as_deref()
            .and_then(Lang::from_code)
            .unwrap_or_default(),
        currency: match view.currency.as_deref() {
            Some("USD") => DisplayCurrency::Usd,
            _ => DisplayCurrency::Local,
        },
        stage: Stage {
            veiled: flag("veiled"),
            qr: flag("qr"),
        },
        plan: Rc::new(plan),
    })
}

/// The number at `field` in `plan` now (a pinned control's value), if the
/// field holds one.
pub fn value_at(plan: &Plan, field: &crate::model::Field) -> Option<f64> {
    use crate::model::Node;
    let node = plan.node(field.segs())?;
    node.downcast_ref::<f64>()
        .copied()
        .or_else(|| node.downcast_ref::<u32>().map(|x| f64::from(*x)))
        .or_else(|| node.downcast_ref::<i32>().map(|x| f64::from(*x)))
        .or_else(|| node.downcast_ref::<Option<f64>>().copied().flatten())
        .or_else(|| {
            node.downcast_ref::<Option<u32>>()
                .and_then(|x| x.map(f64::from))
        })
}
