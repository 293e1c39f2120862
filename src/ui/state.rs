//! The app's one `State` and the `Action`s that change it (`State::reduce`).
//!
//! Every user intent is an `Action`. A plan edit is applied to a copy of the
//! plan, validated, and, when valid, evaluated; an invalid plan keeps the
//! last valid projection and marks it stale. Plan edits are undoable; view
//! settings (language, currency, collapsed sections) are not, because undo
//! is about the plan. No web APIs here: the reducer builds and is tested on
//! the host, and Yew's `Reducible` (wasm32 only) just calls it.
//!
//! Gestures: a slider drag or a run of keystrokes in one field sends many
//! `Edit::Live` edits with the field's path as key, then one `Edit::Commit`
//! (the `change` event). All edits of one gesture make one undo step.

use std::rc::Rc;

use crate::model::{DonorKind, Field, Plan, Problem, Projection, Seg};
use crate::ui::edit::{self, List, ListOp, Optional, Series, Shape, Value};
use crate::ui::format::DisplayCurrency;
use crate::ui::i18n::Lang;
use crate::ui::presets;
use crate::ui::workshop::{self, Cue, Stage};

/// Undo keeps this many steps; older ones are dropped.
const UNDO_LIMIT: usize = 200;

/// The editor's collapsible sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Plan,
    Macro,
    Revenue,
    Spending,
    Social,
    Donors,
    Shocks,
    Reserve,
}

impl Section {
    pub fn key(self) -> &'static str {
        match self {
            Section::Plan => "plan",
            Section::Macro => "macro",
            Section::Revenue => "revenue",
            Section::Spending => "spending",
            Section::Social => "social",
            Section::Donors => "donors",
            Section::Shocks => "shocks",
            Section::Reserve => "reserve",
        }
    }

    /// The section holding the control for a field (a problem's path), so a
    /// link to a problem can open it.
    pub fn of(field: &Field) -> Section {
        let head = match field.segs().first() {
            Some(Seg::Key(k)) => *k,
            _ => "",
        };
        match head {
            "macro" => Section::Macro,
            "revenues" => Section::Revenue,
            "costs" => Section::Spending,
            "programmes" => Section::Social,
            "donors" => Section::Donors,
            "shocks" => Section::Shocks,
            "reserve" | "criteria" | "reengagement" => Section::Reserve,
            _ => Section::Plan,
        }
    }
}

/// Whether an edit is part of an ongoing gesture or ends it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    /// An `input` event while typing: more may follow for the same field.
    Live,
    /// An `input` event from a slider being dragged: like `Live`, and tells
    /// the results that a drag is under way (see `State::sliding`).
    Slide,
    /// A `change` event, a click or a pick: the gesture is over.
    Commit,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Set a field (`root().donors().at(0).base()`, `donors[0].base`).
    Set {
        field: Field,
        value: Value,
        edit: Edit,
    },
    /// End the current gesture without changing anything.
    EndGesture,
    /// Add, remove, rename, duplicate or move an item of a list.
    List {
        list: List,
        op: ListOp,
    },
    /// Apply a preset: a donor preset adds a donor; a taper preset reshapes
    /// donor `donor`, or adds a budget-support donor when `None`.
    ApplyPreset {
        id: String,
        donor: Option<usize>,
    },
    SetDonorKind {
        donor: usize,
        kind: DonorKind,
    },
    SetTaperShape {
        donor: usize,
        shape: Shape,
    },
    /// Switch an optional sub-object (reform, handover …) on or off.
    Toggle(Optional),
    AddStepPoint {
        donor: usize,
    },
    RemoveStepPoint {
        donor: usize,
        point: usize,
    },
    AddOverride(Series),
    RemoveOverride {
        series: Series,
        year: u32,
    },
    MoveOverride {
        series: Series,
        from: u32,
        to: u32,
    },
    /// Replace the whole plan (share links, files). Undoable.
    Load(Box<Plan>),
    Undo,
    Redo,
    SetCurrency(DisplayCurrency),
    SetLang(Lang),
    ToggleSection(Section),
    /// Open a section (e.g. to show the control a problem points to).
    OpenSection(Section),
    /// Show the baseline (`None`) or scenario `i` in the results.
    ShowScenario(Option<usize>),
    /// Compare these (baseline `None`, scenario `Some(i)`); fewer than two is no comparison.
    Compare(Vec<Option<usize>>),
    /// The presenter (workshop) view on or off.
    Presenter(bool),
    /// A presenter command (a key or its button): view changes only.
    Cue(Cue),
}

/// What validation and evaluation are run with; tests swap in their own.
#[derive(Clone, Copy)]
pub struct Engine {
    pub validate: fn(&Plan) -> Result<(), Vec<Problem>>,
    pub evaluate: fn(&Plan) -> Result<Projection, Problem>,
}

impl Default for Engine {
    fn default() -> Self {
        Engine {
            validate: crate::model::validate,
            evaluate: crate::model::evaluate,
        }
    }
}

/// A plan and what was derived from it: one undo step.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub plan: Rc<Plan>,
    pub problems: Rc<Vec<Problem>>,
    pub projection: Option<Rc<Projection>>,
    pub projected_plan: Rc<Plan>,
    pub stale: bool,
}

#[derive(Clone)]
pub struct State {
    /// The plan being edited; may be invalid.
    pub plan: Rc<Plan>,
    /// Every problem of `plan` (empty when valid), including an evaluation error.
    pub problems: Rc<Vec<Problem>>,
    /// The projection of the last valid plan, if there ever was one.
    pub projection: Option<Rc<Projection>>,
    /// The plan `projection` is of (the last valid one), so results can
    /// name its items even while `plan` has items added or removed.
    pub projected_plan: Rc<Plan>,
    /// True when `projection` is not the projection of `plan`.
    pub stale: bool,
    pub currency: DisplayCurrency,
    pub lang: Lang,
    pub collapsed: Rc<Vec<Section>>,
    /// The scenario the results show (`None`: the baseline).
    pub shown: Option<usize>,
    /// The scenarios compared side by side (`None`: the baseline), at most four.
    pub compare: Rc<Vec<Option<usize>>>,
    /// The presenter (workshop) view.
    pub presenter: bool,
    /// What the presenter view veils or adds (predict-then-reveal, QR).
    pub stage: Stage,
    undo: Vec<Rc<Snapshot>>,
    redo: Vec<Rc<Snapshot>>,
    /// The field of the control whose gesture is under way.
    gesture: Option<Field>,
    /// Whether that gesture is a slider drag.
    sliding: bool,
    engine: Engine,
}

impl Default for State {
    fn default() -> Self {
        State::new(crate::model::default_plan())
    }
}

impl State {
    pub fn new(plan: Plan) -> State {
        State::with_engine(plan, Engine::default())
    }

    pub fn with_engine(plan: Plan, engine: Engine) -> State {
        let plan = Rc::new(plan);
        let mut s = State {
            projected_plan: plan.clone(),
            plan,
            problems: Rc::default(),
            projection: None,
            stale: false,
            currency: DisplayCurrency::default(),
            lang: Lang::default(),
            // A newcomer sees the plan's big levers first; the rest is a click away.
            collapsed: Rc::new(vec![Section::Plan, Section::Shocks, Section::Reserve]),
            shown: None,
            compare: Rc::default(),
            presenter: false,
            stage: Stage::default(),
            undo: Vec::new(),
            redo: Vec::new(),
            gesture: None,
            sliding: false,
            engine,
        };
        s.derive();
        s
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }
    /// True while a slider is being dragged: heavy views (the year table)
    /// may wait for the release instead of redrawing at every step.
    pub fn sliding(&self) -> bool {
        self.sliding && self.gesture.is_some()
    }
    pub fn is_collapsed(&self, s: Section) -> bool {
        self.collapsed.contains(&s)
    }

    /// The problem at a control's field, if any.
    pub fn problem_at(&self, field: &Field) -> Option<&Problem> {
        self.problems.iter().find(|p| p.path == *field)
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            plan: self.plan.clone(),
            problems: self.problems.clone(),
            projection: self.projection.clone(),
            projected_plan: self.projected_plan.clone(),
            stale: self.stale,
        }
    }

    fn restore(&mut self, s: &Snapshot) {
        self.plan = s.plan.clone();
        self.problems = s.problems.clone();
        self.projection = s.projection.clone();
        self.projected_plan = s.projected_plan.clone();
        self.stale = s.stale;
    }

    /// Validates and evaluates `plan`, keeping the last good projection when it fails.
    fn derive(&mut self) {
        let outcome = (self.engine.validate)(&self.plan)
            .and_then(|()| (self.engine.evaluate)(&self.plan).map_err(|p| vec![p]));
        match outcome {
            Ok(p) => {
                self.projection = Some(Rc::new(p));
                self.projected_plan = self.plan.clone();
                self.problems = Rc::default();
                self.stale = false;
            }
            Err(problems) => {
                self.problems = Rc::new(problems);
                self.stale = true;
            }
        }
    }

    /// Installs `plan` as the new plan: one undo step unless it continues
    /// the gesture `key`.
    fn commit(&mut self, plan: Plan, key: Option<Field>, edit: Edit) {
        let continues = matches!((&self.gesture, &key), (Some(g), Some(k)) if g == k);
        if !continues {
            self.undo.push(Rc::new(self.snapshot()));
            if self.undo.len() > UNDO_LIMIT {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.gesture = match edit {
            Edit::Live | Edit::Slide => key,
            Edit::Commit => None,
        };
        self.sliding = edit == Edit::Slide;
        self.plan = Rc::new(plan);
        self.derive();
    }
}

/// What `use_reducer` calls: the reducer itself is `State::reduce`.
#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        State::reduce(self, action)
    }
}

impl State {
    /// The state after `action`. The same `Rc` when nothing changed, so
    /// Yew skips the re-render (and tests can tell with `Rc::ptr_eq`).
    pub fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let mut plan = (*self.plan).clone();
        let lang = self.lang;
        // Each arm either edits `plan` (Ok) or handles the action itself.
        let (result, key, edit_kind) = match action {
            Action::Set { field, value, edit } => {
                let r = edit::set_field(&mut plan, &field, value);
                (r, Some(field), edit)
            }
            Action::EndGesture => {
                if self.gesture.is_none() {
                    return self;
                }
                next.gesture = None;
                return Rc::new(next);
            }
            Action::List { list, op } => {
                (edit::list_op(&mut plan, list, op, lang), None, Edit::Commit)
            }
            Action::ApplyPreset { id, donor } => (
                presets::apply(&mut plan, &id, donor, lang),
                None,
                Edit::Commit,
            ),
            Action::SetDonorKind { donor, kind } => (
                edit::set_donor_kind(&mut plan, donor, kind),
                None,
                Edit::Commit,
            ),
            Action::SetTaperShape { donor, shape } => (
                edit::set_taper_shape(&mut plan, donor, shape),
                None,
                Edit::Commit,
            ),
            Action::Toggle(what) => (edit::toggle(&mut plan, what), None, Edit::Commit),
            Action::AddStepPoint { donor } => {
                (edit::add_step_point(&mut plan, donor), None, Edit::Commit)
            }
            Action::RemoveStepPoint { donor, point } => (
                edit::remove_step_point(&mut plan, donor, point),
                None,
                Edit::Commit,
            ),
            Action::AddOverride(s) => (edit::add_override(&mut plan, s), None, Edit::Commit),
            Action::RemoveOverride { series, year } => (
                edit::remove_override(&mut plan, series, year),
                None,
                Edit::Commit,
            ),
            Action::MoveOverride { series, from, to } => (
                edit::move_override(&mut plan, series, from, to),
                None,
                Edit::Commit,
            ),
            Action::Load(p) => {
                plan = *p;
                (Ok(()), None, Edit::Commit)
            }
            Action::Undo => {
                let Some(prev) = next.undo.pop() else {
                    return self;
                };
                next.redo.push(Rc::new(self.snapshot()));
                next.restore(&prev);
                next.gesture = None;
                return Rc::new(next);
            }
            Action::Redo => {
                let Some(later) = next.redo.pop() else {
                    return self;
                };
                next.undo.push(Rc::new(self.snapshot()));
                next.restore(&later);
                next.gesture = None;
                return Rc::new(next);
            }
            Action::SetCurrency(c) => {
                next.currency = c;
                return Rc::new(next);
            }
            Action::SetLang(l) => {
                next.lang = l;
                return Rc::new(next);
            }
            Action::ToggleSection(s) => {
                let mut c = (*self.collapsed).clone();
                match c.iter().position(|x| *x == s) {
                    Some(i) => {
                        c.remove(i);
                    }
                    None => c.push(s),
                }
                next.collapsed = Rc::new(c);
                return Rc::new(next);
            }
            Action::OpenSection(s) => {
                if !self.is_collapsed(s) {
                    return self;
                }
                next.collapsed =
                    Rc::new(self.collapsed.iter().copied().filter(|x| *x != s).collect());
                return Rc::new(next);
            }
            Action::ShowScenario(i) => {
                if i == self.shown || i.is_some_and(|i| i >= self.plan.scenarios.len()) {
                    return self;
                }
                next.shown = i;
                return Rc::new(next);
            }
            Action::Compare(set) => {
                let n = self.plan.scenarios.len();
                let mut kept: Vec<Option<usize>> = Vec::with_capacity(4);
                for s in set {
                    if s.is_none_or(|i| i < n) && !kept.contains(&s) && kept.len() < 4 {
                        kept.push(s);
                    }
                }
                if kept == *self.compare {
                    return self;
                }
                next.compare = Rc::new(kept);
                return Rc::new(next);
            }
            Action::Presenter(on) => {
                if on == self.presenter {
                    return self;
                }
                next.presenter = on;
                return Rc::new(next);
            }
            Action::Cue(cue) => return workshop::apply(self, cue),
        };
        if result.is_err() || plan == *self.plan {
            // Nothing to record; a Commit still ends the gesture.
            if edit_kind == Edit::Commit && self.gesture.is_some() {
                next.gesture = None;
                return Rc::new(next);
            }
            return self;
        }
        next.commit(plan, key, edit_kind);
        Rc::new(next)
    }
}
