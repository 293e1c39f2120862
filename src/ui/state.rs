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

use crate::codec::link::View;
use crate::model::scenario::{self as sc, ListChange};
use crate::model::shock_library::{library_scenario, LibraryShock};
use crate::model::{
    root, At, DonorKind, Field, Node, Plan, Problem, Projection, Rule, Scenario, Seg,
};
use crate::ui::edit::{self, List, ListOp, Optional, Series, Shape, Value};
use crate::ui::format::DisplayCurrency;
use crate::ui::i18n::{tr, Lang};
use crate::ui::presets;
use crate::ui::spreads::{self, SpreadPreset};
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
    Uncertainty,
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
            Section::Uncertainty => "uncertainty",
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
            "uncertainty" => Section::Uncertainty,
            _ => Section::Plan,
        }
    }
}

/// How many of the plan's years the bridge chart draws: all, or only the
/// first ones, so that over a long horizon the early years are not
/// squashed flat by the growth of the later ones.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum YearsShown {
    #[default]
    All,
    First(u32),
}

impl YearsShown {
    /// The choices offered for a plan of `years` years: a zoom only when it
    /// leaves years out.
    pub fn choices(years: usize) -> Vec<YearsShown> {
        let mut out = vec![YearsShown::All];
        out.extend(
            [15, 30]
                .into_iter()
                .filter(|k| (*k as usize) < years)
                .map(YearsShown::First),
        );
        out
    }

    /// How many of `years` years are drawn (at least one when there are any).
    pub fn count(self, years: usize) -> usize {
        match self {
            YearsShown::All => years,
            YearsShown::First(k) => (k.max(1) as usize).min(years),
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
    /// How many years the bridge chart draws (a view setting, not undone).
    ShowYears(YearsShown),
    ToggleSection(Section),
    /// Open a section (e.g. to show the control a problem points to).
    OpenSection(Section),
    /// Show the baseline (`None`) or scenario `i` in the results.
    ShowScenario(Option<usize>),
    /// Compare these (baseline `None`, scenario `Some(i)`); fewer than two is no comparison.
    Compare(Vec<Option<usize>>),
    /// The presenter (workshop) view on or off.
    Presenter(bool),
    /// Add, save, rename, note, duplicate or delete a scenario. Undoable:
    /// scenarios live in the plan.
    Scenario(ScenarioOp),
    /// The shown scenario stops changing `field` (and anything inside it):
    /// the control follows the baseline again.
    ResetChange {
        field: Field,
    },
    /// Show what a share link asks for (scenario, comparison, presenter,
    /// language, currency); names the plan lacks are ignored.
    View(Box<View>),
    /// Put a preset's spreads into the plan's Monte Carlo run (starting
    /// one if the plan has none). Undoable.
    Spreads(SpreadPreset),
    /// A presenter command (a key or its button): view changes only.
    Cue(Cue),
}

/// A new mark (the baseline as kept) and the list moves since it.
type Mark = (Rc<Plan>, Vec<(Field, ListChange)>);

/// What the scenario bar does to the plan's scenarios (a scenario's name
/// and note are fields, set with `Action::Set`).
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioOp {
    /// The baseline's edits since it was last kept become a new scenario
    /// named `name` (a free name when empty), and the baseline goes back.
    SaveEdits {
        name: String,
    },
    /// The baseline keeps its edits: nothing is pending any more.
    KeepEdits,
    /// Add this scenario (made elsewhere: goal seek) and show it.
    Add(Box<Scenario>),
    /// Add a shock of the library as a new scenario and show it.
    Library(LibraryShock),
    Duplicate(usize),
    Delete(usize),
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
    /// The baseline as last kept: what `ScenarioOp::SaveEdits` goes back
    /// to, the edits since then becoming the scenario.
    pub mark: Rc<Plan>,
    /// The baseline's list changes since `mark`, so the other scenarios'
    /// changes can be pointed back at the mark's items on saving.
    pub moves: Rc<Vec<(Field, ListChange)>>,
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
    /// The bridge chart's zoom on the first years.
    pub years_shown: YearsShown,
    pub collapsed: Rc<Vec<Section>>,
    /// The scenario the results show (`None`: the baseline).
    pub shown: Option<usize>,
    /// The scenarios compared side by side (`None`: the baseline), at most four.
    pub compare: Rc<Vec<Option<usize>>>,
    /// The presenter (workshop) view.
    pub presenter: bool,
    /// The plan the controls show: the baseline, or the shown scenario's
    /// plan (as edited, even when invalid).
    pub shown_plan: Rc<Plan>,
    /// The problems the controls show, at their plan paths (a scenario's
    /// problems without their `scenarios[i]` prefix).
    pub shown_problems: Rc<Vec<Problem>>,
    /// How many changes the baseline's edits since `mark` would make.
    pub pending: usize,
    /// Scenario changes that went with a deleted item (scenario, change)
    /// at the last edit, so the app can say which.
    pub dropped: Rc<Vec<(String, Field)>>,
    mark: Rc<Plan>,
    moves: Rc<Vec<(Field, ListChange)>>,
    /// What the presenter view veils or adds (predict-then-reveal, QR).
    pub stage: Stage,
    undo: Vec<Rc<Snapshot>>,
    redo: Vec<Rc<Snapshot>>,
    /// The field of the control whose gesture is under way.
    gesture: Option<Field>,
    /// The name field edited last, where a name used twice is flagged.
    named: Option<Field>,
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
            shown_plan: plan.clone(),
            mark: plan.clone(),
            moves: Rc::default(),
            shown_problems: Rc::default(),
            pending: 0,
            dropped: Rc::default(),
            plan,
            problems: Rc::default(),
            projection: None,
            stale: false,
            currency: DisplayCurrency::default(),
            lang: Lang::default(),
            years_shown: YearsShown::All,
            // A newcomer sees the plan's big levers first; the rest is a click away.
            collapsed: Rc::new(vec![Section::Plan, Section::Shocks, Section::Reserve]),
            shown: None,
            compare: Rc::default(),
            presenter: false,
            stage: Stage::default(),
            undo: Vec::new(),
            redo: Vec::new(),
            gesture: None,
            named: None,
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
            mark: self.mark.clone(),
            moves: self.moves.clone(),
        }
    }

    fn restore(&mut self, s: &Snapshot) {
        self.plan = s.plan.clone();
        self.problems = s.problems.clone();
        self.projection = s.projection.clone();
        self.projected_plan = s.projected_plan.clone();
        self.stale = s.stale;
        self.mark = s.mark.clone();
        self.moves = s.moves.clone();
        self.dropped = Rc::default();
        // The view is not undone: what is shown is derived again.
        self.derive();
    }

    /// Validates `plan` and evaluates the plan shown (the baseline or the
    /// shown scenario's), keeping the last good projection when it fails.
    fn derive(&mut self) {
        self.fix_view();
        let problems = Rc::new(at_edited_name(
            (self.engine.validate)(&self.plan).err().unwrap_or_default(),
            self.named.as_ref(),
        ));
        let scenarios = root().scenarios().field().clone();
        let shown: Result<Rc<Plan>, Rc<Vec<Problem>>> = match self.shown {
            // A scenario's problem does not stop the baseline's results.
            None if problems.iter().all(|p| p.path.starts_with(&scenarios)) => {
                Ok(self.plan.clone())
            }
            None => Err(problems.clone()),
            Some(i) => sc::scenario_plan(&self.plan, i).map(Rc::new).map_err(|ps| {
                // The controls name their fields by plan path.
                let at = root().scenarios().at(i).field().clone();
                Rc::new(
                    ps.into_iter()
                        .map(|p| match p.path.starts_with(&at) {
                            true => Problem::new(p.path.skip(2), p.rule),
                            false => p,
                        })
                        .collect(),
                )
            }),
        };
        let outcome = shown.and_then(|plan| match (self.engine.evaluate)(&plan) {
            Ok(p) => Ok((plan, p)),
            Err(e) => Err(Rc::new(vec![e])),
        });
        self.problems = problems;
        if let (None, Err(ps)) = (self.shown, &outcome) {
            if !Rc::ptr_eq(ps, &self.problems) {
                // An evaluation error is a problem of the plan too.
                let mut all = (*self.problems).clone();
                all.extend(ps.iter().cloned());
                self.problems = Rc::new(all);
            }
        }
        match outcome {
            Ok((plan, p)) => {
                self.projection = Some(Rc::new(p));
                // The baseline is the plan itself; a scenario that changes
                // nothing shares it too.
                self.projected_plan = if Rc::ptr_eq(&plan, &self.plan) || *plan == *self.plan {
                    self.plan.clone()
                } else {
                    plan
                };
                self.shown_problems = Rc::default();
                self.stale = false;
                self.shown_plan = self.projected_plan.clone();
            }
            Err(problems) => {
                self.shown_problems = problems;
                self.stale = true;
                self.shown_plan = match self.shown {
                    None => self.plan.clone(),
                    Some(i) => self
                        .plan
                        .scenarios
                        .get(i)
                        .and_then(|s| sc::apply_unvalidated(&self.plan, &s.changes).ok())
                        .map(Rc::new)
                        .unwrap_or_else(|| self.plan.clone()),
                };
            }
        }
        // Counting them diffs two whole plans: a drag or a run of keystrokes
        // counts once, when it ends (`end_gesture`), not at every step.
        if self.gesture.is_none() {
            self.count_pending();
        }
    }

    fn count_pending(&mut self) {
        self.pending = match self.shown {
            Some(_) => 0,
            // Nothing edited since the mark (as at start-up): no changes.
            None if Rc::ptr_eq(&self.mark, &self.plan) => 0,
            None => sc::diff(&self.mark, &self.plan).0.len(),
        };
    }

    /// The gesture under way is over.
    fn end_gesture(&mut self) {
        self.gesture = None;
        self.count_pending();
    }

    /// Drops a shown or compared scenario the plan no longer has (after an
    /// undo, a load or a delete).
    fn fix_view(&mut self) {
        let n = self.plan.scenarios.len();
        if self.shown.is_some_and(|i| i >= n) {
            self.shown = None;
        }
        if self.compare.iter().any(|c| c.is_some_and(|i| i >= n)) {
            self.compare = Rc::new(
                self.compare
                    .iter()
                    .copied()
                    .filter(|c| c.is_none_or(|i| i < n))
                    .collect(),
            );
        }
    }

    /// The problem at a control's field, as the controls show it.
    pub fn shown_problem_at(&self, field: &Field) -> Option<&Problem> {
        self.shown_problems.iter().find(|p| p.path == *field)
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
        if let Some(k) = key.as_ref().filter(|k| k.last_key() == Some("name")) {
            self.named = Some(k.clone());
        }
        self.gesture = match edit {
            Edit::Live | Edit::Slide => key,
            Edit::Commit => None,
        };
        self.sliding = edit == Edit::Slide;
        self.plan = Rc::new(plan);
        self.derive();
    }
}

/// The model reports a name used twice at its second use. When the person
/// has just typed the first, the message goes to the field they typed in,
/// naming the other item: that is where they are looking.
fn at_edited_name(mut problems: Vec<Problem>, edited: Option<&Field>) -> Vec<Problem> {
    let Some(edited) = edited else {
        return problems;
    };
    for p in &mut problems {
        if let Rule::NameTaken { first, .. } = &mut p.rule {
            if first.key("name") == *edited {
                *first = p.path.parent();
                p.path = edited.clone();
            }
        }
    }
    problems
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
        // While a scenario is shown, an edit is made to its plan and then
        // becomes changes of that scenario (`scenario_edit`).
        let target = self.shown.filter(|_| edits_scenario(&action));
        let mut plan = (*self.plan).clone();
        if target.is_some() {
            plan = (*self.shown_plan).clone();
        }
        let lang = self.lang;
        // Set after the commit, so that undo brings back the old ones.
        let mut mark: Option<Mark> = None;
        // Each arm either edits `plan` (Ok) or handles the action itself.
        let (result, key, edit_kind) = match action {
            Action::Set { field, value, edit } => {
                let r = edit::set_field(&mut plan, &field, value);
                let key = match target {
                    Some(i) => field.under(root().scenarios().at(i).field()),
                    None => field,
                };
                (r, Some(key), edit)
            }
            Action::EndGesture => {
                if self.gesture.is_none() {
                    return self;
                }
                next.end_gesture();
                return Rc::new(next);
            }
            Action::List { list, op } => {
                let change = list_change(&plan, list, &op).filter(|_| target.is_none());
                let r = edit::list_op(&mut plan, list, op, lang);
                if let (Ok(()), Some(change)) = (&r, change) {
                    // The scenarios keep changing the same items.
                    let field = list.field();
                    next.dropped = Rc::new(sc::retarget_changes(&mut plan, &field, change));
                    let mut moves = (*self.moves).clone();
                    moves.push((field, change));
                    mark = Some((self.mark.clone(), moves));
                }
                (r, None, Edit::Commit)
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
                // A plan that opens shows its baseline, with no edits pending.
                mark = Some((Rc::new(plan.clone()), Vec::new()));
                next.shown = None;
                next.compare = Rc::default();
                (Ok(()), None, Edit::Commit)
            }
            Action::Spreads(preset) => {
                spreads::apply(&mut plan, preset);
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
            Action::ShowYears(y) => {
                if y == self.years_shown {
                    return self;
                }
                next.years_shown = y;
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
                next.gesture = None;
                next.derive();
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
            Action::Scenario(ScenarioOp::KeepEdits) => {
                // Not a plan edit: the mark only says what a save goes back to.
                if self.pending == 0 || self.shown.is_some() {
                    return self;
                }
                next.mark = self.plan.clone();
                next.moves = Rc::default();
                next.pending = 0;
                return Rc::new(next);
            }
            Action::Scenario(op) => match next.scenario_op(&mut plan, op) {
                Ok((key, edit, new_mark)) => {
                    mark = new_mark;
                    (Ok(()), key, edit)
                }
                Err(()) => return self,
            },
            Action::ResetChange { field } => {
                let Some(s) = self.shown.and_then(|i| plan.scenarios.get_mut(i)) else {
                    return self;
                };
                sc::reset_change(&mut s.changes, &field);
                (Ok(()), None, Edit::Commit)
            }
            Action::View(view) => {
                next.apply_view(&view);
                next.derive();
                return Rc::new(next);
            }
            Action::Cue(cue) => return workshop::apply(self, cue),
        };
        if let (Some(i), Ok(())) = (target, &result) {
            plan = self.scenario_edit(i, &plan);
        }
        if result.is_err() || plan == *self.plan {
            // Nothing to record; a Commit still ends the gesture.
            if edit_kind == Edit::Commit && self.gesture.is_some() {
                next.end_gesture();
                return Rc::new(next);
            }
            return self;
        }
        next.commit(plan, key, edit_kind);
        if let Some((m, moves)) = mark {
            next.mark = m;
            next.moves = Rc::new(moves);
            next.pending = sc::diff(&next.mark, &next.plan).0.len();
        }
        Rc::new(next)
    }

    /// The plan with scenario `i`'s changes made to say what `edited` (its
    /// plan after an edit) says: each changed node becomes a change, or
    /// updates a change around it; a node back at the baseline's value
    /// stops being a change.
    fn scenario_edit(&self, i: usize, edited: &Plan) -> Plan {
        let mut plan = (*self.plan).clone();
        let (edited_v, base_v) = (edited.write(), self.plan.write());
        let Some(s) = plan.scenarios.get_mut(i) else {
            return plan;
        };
        let null = serde_json::Value::Null;
        for (f, v) in sc::diff(&self.shown_plan, edited).0 {
            let around = s
                .changes
                .0
                .iter()
                .map(|(g, _)| g)
                .find(|g| f.starts_with(g) && **g != f);
            if let Some(g) = around.cloned() {
                let v = sc::value_at(&edited_v, &g).cloned().unwrap_or_default();
                sc::set_change(&mut s.changes, g, v);
            } else if *sc::value_at(&base_v, &f).unwrap_or(&null) == v {
                sc::reset_change(&mut s.changes, &f);
            } else {
                sc::set_change(&mut s.changes, f, v);
            }
        }
        plan
    }

    /// Carries out a scenario-bar operation on `plan` (the plan's own
    /// copy); `Err` when there is nothing to do. Gives the gesture key, the
    /// kind of edit, and the new mark when the baseline's edits were saved
    /// or kept.
    #[allow(clippy::type_complexity)]
    fn scenario_op(
        &mut self,
        plan: &mut Plan,
        op: ScenarioOp,
    ) -> Result<
        (
            Option<Field>,
            Edit,
            Option<(Rc<Plan>, Vec<(Field, ListChange)>)>,
        ),
        (),
    > {
        let n = plan.scenarios.len();
        let full = n >= crate::model::MAX_SCENARIOS;
        let scenario_name = tr(self.lang, "Scenario", "Scénario");
        let add = |plan: &mut Plan, mut s: Scenario, shown: &mut Option<usize>| {
            s.name = sc::free_name(plan, &s.name);
            plan.scenarios.push(s);
            *shown = Some(plan.scenarios.len() - 1);
        };
        match op {
            ScenarioOp::SaveEdits { .. }
            | ScenarioOp::Add(_)
            | ScenarioOp::Library(_)
            | ScenarioOp::Duplicate(_)
                if full =>
            {
                Err(())
            }
            ScenarioOp::SaveEdits { name } => {
                let name = match name.trim() {
                    "" => scenario_name,
                    n => n,
                };
                let s = sc::scenario_from_edits(&self.mark, plan, name);
                // The baseline goes back to the mark, and the other
                // scenarios' changes back onto the mark's items.
                let mut back = (*self.mark).clone();
                back.scenarios = std::mem::take(&mut plan.scenarios);
                back.uncertainty = plan.uncertainty.take();
                for (list, change) in self.moves.iter().rev() {
                    sc::retarget_changes(&mut back, list, undo_list_change(*change));
                }
                *plan = back;
                add(plan, s, &mut self.shown);
                let kept = Rc::new(plan.clone());
                Ok((None, Edit::Commit, Some((kept, Vec::new()))))
            }
            ScenarioOp::KeepEdits => Err(()),
            ScenarioOp::Add(s) => {
                add(plan, *s, &mut self.shown);
                Ok((None, Edit::Commit, None))
            }
            ScenarioOp::Library(shock) => {
                let s = library_scenario(plan, shock);
                add(plan, s, &mut self.shown);
                Ok((None, Edit::Commit, None))
            }
            ScenarioOp::Duplicate(i) => {
                let s = plan.scenarios.get(i).cloned().ok_or(())?;
                add(plan, s, &mut self.shown);
                Ok((None, Edit::Commit, None))
            }
            ScenarioOp::Delete(i) => {
                if i >= n {
                    return Err(());
                }
                plan.scenarios.remove(i);
                let after = |c: Option<usize>| match c {
                    Some(j) if j == i => None,
                    Some(j) if j > i => Some(Some(j - 1)),
                    c => Some(c),
                };
                self.shown = after(self.shown).flatten();
                self.compare = Rc::new(self.compare.iter().filter_map(|c| after(*c)).collect());
                Ok((None, Edit::Commit, None))
            }
        }
    }

    /// Shows what a link's view asks for.
    fn apply_view(&mut self, view: &View) {
        let index = |name: &str| sc::find(&self.plan, name).map(|s| s.map(|(i, _)| i));
        if let Some(shown) = view.scenario.as_deref().and_then(index) {
            self.shown = shown;
        }
        let compare: Vec<Option<usize>> = view.compare.iter().filter_map(|n| index(n)).collect();
        if compare.len() >= 2 {
            let mut kept = Vec::new();
            for c in compare {
                if !kept.contains(&c) && kept.len() < 4 {
                    kept.push(c);
                }
            }
            self.compare = Rc::new(kept);
        }
        self.presenter = view.presenter;
        if let Some(l) = view.lang.as_deref().and_then(Lang::from_code) {
            self.lang = l;
        }
        match view.currency.as_deref() {
            Some("USD") => self.currency = DisplayCurrency::Usd,
            Some("LCU") => self.currency = DisplayCurrency::Local,
            _ => {}
        }
    }

    /// The view a share link carries: what is on screen now.
    pub fn view(&self) -> View {
        let name = |c: &Option<usize>| match c {
            None => sc::BASELINE.to_string(),
            Some(i) => self
                .plan
                .scenarios
                .get(*i)
                .map(|s| s.name.clone())
                .unwrap_or_default(),
        };
        View {
            scenario: self.shown.map(|i| name(&Some(i))),
            compare: self.compare.iter().map(name).collect(),
            presenter: self.presenter,
            // Defaults are left out, so a plain view makes the plain link
            // (the one in the address).
            lang: (self.lang != Lang::default()).then(|| self.lang.code().to_string()),
            currency: (self.currency == DisplayCurrency::Usd).then(|| "USD".to_string()),
        }
    }
}

/// Whether `action` edits the plan shown, so that it edits the shown
/// scenario's changes when a scenario is shown. Fields a scenario may not
/// change (the horizon, the uncertainty block) are the baseline's.
fn edits_scenario(action: &Action) -> bool {
    match action {
        Action::Set { field, .. } => sc::changeable(field),
        Action::List { .. }
        | Action::ApplyPreset { .. }
        | Action::SetDonorKind { .. }
        | Action::SetTaperShape { .. }
        | Action::Toggle(_)
        | Action::AddStepPoint { .. }
        | Action::RemoveStepPoint { .. }
        | Action::AddOverride(_)
        | Action::RemoveOverride { .. }
        | Action::MoveOverride { .. } => true,
        _ => false,
    }
}

/// How a list operation moves the items of `list` (None: it moves none).
fn list_change(plan: &Plan, list: List, op: &ListOp) -> Option<ListChange> {
    let len = match list {
        List::Revenues => plan.revenues.len(),
        List::Costs => plan.costs.len(),
        List::Programmes => plan.programmes.len(),
        List::Donors => plan.donors.len(),
        List::Shocks => plan.shocks.len(),
        List::Criteria => plan.criteria.len(),
    };
    Some(match *op {
        ListOp::Add => ListChange::Insert { at: len },
        ListOp::Remove(at) => ListChange::Remove { at },
        ListOp::Duplicate(i) => ListChange::Insert { at: i + 1 },
        ListOp::MoveUp(i) if i > 0 => ListChange::Move { from: i, to: i - 1 },
        ListOp::MoveDown(i) => ListChange::Move { from: i, to: i + 1 },
        _ => return None,
    })
}

/// The list change that undoes `change`.
fn undo_list_change(change: ListChange) -> ListChange {
    match change {
        ListChange::Move { from, to } => ListChange::Move { from: to, to: from },
        ListChange::Insert { at } => ListChange::Remove { at },
        ListChange::Remove { at } => ListChange::Insert { at },
    }
}
