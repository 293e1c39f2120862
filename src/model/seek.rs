//! MODEL.md "Goal seek (v2)": four questions, each changing one input of a
//! plan, all else fixed, and answered by bisection on the question's grid
//! (the condition is taken to be monotone in the input):
//! - reform needed: the smallest reform gain that makes a stream's plan
//!   self-sufficient by a calendar year;
//! - fastest safe taper: the earliest end of a donor's linear taper with no
//!   unfunded gap;
//! - affordable coverage: the largest coverage a programme can reach with
//!   no unfunded gap;
//! - pledge needed: the smallest base of a donor with no unfunded gap.
//!
//! Every answer is a grid point at which the plan with it was evaluated and
//! met the condition. Not scenarios: the caller passes the plan (baseline
//! or a scenario's) to ask about.

use serde_json::{Map, Value};

use super::evaluate::{Evaluator, PathInputs};
use super::plan::{DonorKind, Plan, Ramp, Reform, Taper};
use super::projection::Projection;
use super::Problem;

/// A goal-seek question. `Reform` asks for self-sufficiency by `by`, a
/// calendar year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    Reform { by: i32 },
    Taper,
    Coverage,
    Pledge,
}

impl Question {
    /// The question's name in results and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Question::Reform { .. } => "reform",
            Question::Taper => "taper",
            Question::Coverage => "coverage",
            Question::Pledge => "pledge",
        }
    }
}

/// The reform question's default target: the plan's last calendar year
/// (self-sufficient within the projection).
pub fn last_calendar_year(plan: &Plan) -> i32 {
    let last = plan.meta.horizon_years.saturating_sub(1);
    plan.meta
        .start_year
        .saturating_add(i32::try_from(last).unwrap_or(i32::MAX))
}

/// The answer: which input was changed and to what, or "not reachable".
#[derive(Clone, Debug, PartialEq)]
pub struct SeekAnswer {
    pub question: Question,
    /// The item's name.
    pub item: String,
    /// The input changed, as a problem path (`donors[0].taper.end`).
    pub field: String,
    /// Whether some point of the question's range meets the condition.
    pub reachable: bool,
    /// The answer, when reachable.
    pub value: Option<f64>,
    /// The taper answer's end as a calendar year (taper question only).
    pub calendar_year: Option<i32>,
}

/// The lists an item is looked up in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemList {
    Revenues,
    Programmes,
    Donors,
}

impl ItemList {
    fn singular(self) -> &'static str {
        match self {
            ItemList::Revenues => "revenue stream",
            ItemList::Programmes => "programme",
            ItemList::Donors => "donor",
        }
    }
}

/// Why a question cannot be asked of this plan.
#[derive(Clone, Debug, PartialEq)]
pub enum SeekError {
    /// No item of that name in the list the question is about.
    NoSuchItem {
        question: &'static str,
        list: ItemList,
        name: String,
        /// The names the list does have, in plan order.
        available: Vec<String>,
    },
    /// A donor of a kind the question does not apply to (the taper and
    /// pledge questions need budget support or a gap-filling donor).
    WrongDonorKind {
        question: &'static str,
        name: String,
        kind: DonorKind,
    },
    /// The plan as given does not evaluate.
    Refused(Problem),
}

impl std::fmt::Display for SeekError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SeekError::NoSuchItem {
                question,
                list,
                name,
                available,
            } => {
                write!(
                    f,
                    "the {question} question: no {} named \"{name}\"",
                    list.singular()
                )?;
                if available.is_empty() {
                    write!(f, "; the plan has none")
                } else {
                    let names: Vec<String> = available.iter().map(|n| format!("\"{n}\"")).collect();
                    write!(f, "; the plan has {}", names.join(", "))
                }
            }
            SeekError::WrongDonorKind {
                question,
                name,
                kind,
            } => write!(
                f,
                "the {question} question: \"{name}\" is a {} donor; choose a budget-support or gap-filling donor",
                kind_label(*kind)
            ),
            SeekError::Refused(p) => write!(f, "the plan does not evaluate: {p}"),
        }
    }
}

impl std::error::Error for SeekError {}

fn kind_label(kind: DonorKind) -> &'static str {
    match kind {
        DonorKind::BudgetSupport => "budget-support",
        DonorKind::Cofinancing => "co-financing",
        DonorKind::GapFilling => "gap-filling",
    }
}

/// The reform grid: 0.001 points of GDP, 0 – 5.
const REFORM_STEPS: u32 = 5_000;
/// The coverage grid: 0.01 %, 0 – 100.
const COVERAGE_STEPS: u32 = 10_000;
/// The pledge grid: b/1000, 0 – 1,000 b.
const PLEDGE_STEPS: u32 = 1_000_000;
/// A stream without a reform is asked about this one.
const DEFAULT_REFORM: (u32, u32) = (1, 8);

/// Answers `question` about the item named `item` of `plan`.
pub fn seek(plan: &Plan, question: Question, item: &str) -> Result<SeekAnswer, SeekError> {
    let mut scratch = Projection::default();
    Evaluator::new(plan)
        .and_then(|e| e.run(&PathInputs::NONE, &mut scratch))
        .map_err(SeekError::Refused)?;
    let first_need = scratch.years.first().map_or(0.0, |y| y.need);
    let mut trial = Trial {
        plan: plan.clone(),
        projection: scratch,
    };
    match question {
        Question::Reform { by } => {
            let i = find(
                question,
                ItemList::Revenues,
                item,
                plan.revenues.iter().map(|r| &r.name),
            )?;
            let field = format!("revenues[{i}].reform.gain_pct_gdp_per_year");
            let found = smallest(0, REFORM_STEPS, |j| {
                trial.plan.revenues[i].reform = Some(reform_with(
                    plan.revenues[i].reform.as_ref(),
                    thousandths(j),
                ));
                trial.holds(|p| p.summary.self_sufficiency_year.is_some_and(|y| y <= by))
            });
            Ok(answer(question, item, field, found.map(thousandths), None))
        }
        Question::Taper => {
            let i = pledging_donor(plan, question, item)?;
            let field = format!("donors[{i}].taper.end");
            let start = taper_start(plan.donors[i].taper.as_ref());
            let last = plan.meta.horizon_years.saturating_sub(1);
            let found = match start.checked_add(1) {
                Some(first) => smallest(first, last, |end| {
                    trial.plan.donors[i].taper =
                        Some(linear_to(plan.donors[i].taper.as_ref(), end));
                    trial.holds(no_gap)
                }),
                None => None,
            };
            let year = found.map(|end| {
                plan.meta
                    .start_year
                    .saturating_add(i32::try_from(end).unwrap_or(i32::MAX))
            });
            Ok(answer(question, item, field, found.map(f64::from), year))
        }
        Question::Coverage => {
            let i = find(
                question,
                ItemList::Programmes,
                item,
                plan.programmes.iter().map(|p| &p.name),
            )?;
            let field = format!("programmes[{i}].coverage.to_pct");
            let found = largest(0, COVERAGE_STEPS, |j| {
                trial.plan.programmes[i].coverage = Some(coverage_to(
                    plan.programmes[i].coverage.as_ref(),
                    hundredths(j),
                ));
                trial.holds(no_gap)
            });
            Ok(answer(question, item, field, found.map(hundredths), None))
        }
        Question::Pledge => {
            let i = pledging_donor(plan, question, item)?;
            let field = format!("donors[{i}].base");
            let current = plan.donors[i].base.unwrap_or(0.0);
            let b = if current > 0.0 { current } else { first_need };
            let found = smallest(0, PLEDGE_STEPS, |j| {
                trial.plan.donors[i].base = Some(b * thousandths(j));
                trial.holds(no_gap)
            });
            Ok(answer(
                question,
                item,
                field,
                found.map(|j| b * thousandths(j)),
                None,
            ))
        }
    }
}

/// `plan` with `answer` put in: the input the question changed, set as the
/// question set it while seeking (a stream's reform made {1, 8} when it had
/// none, a taper made linear from its start, a missing coverage asked as
/// {100 %, 0, 0}). None when the answer is "not reachable" or its item is
/// no longer in the plan. Lets a caller apply an answer or save it as a
/// scenario.
pub fn with_answer(plan: &Plan, answer: &SeekAnswer) -> Option<Plan> {
    let value = answer.value?;
    fn named<'a>(mut names: impl Iterator<Item = &'a String>, item: &str) -> Option<usize> {
        names.position(|n| n == item)
    }
    let mut p = plan.clone();
    match answer.question {
        Question::Reform { .. } => {
            let stream = p
                .revenues
                .get_mut(named(plan.revenues.iter().map(|r| &r.name), &answer.item)?)?;
            stream.reform = Some(reform_with(stream.reform.as_ref(), value));
        }
        Question::Taper => {
            let donor = p
                .donors
                .get_mut(named(plan.donors.iter().map(|d| &d.name), &answer.item)?)?;
            // A plan year: the answer is whole (a grid point).
            donor.taper = Some(linear_to(donor.taper.as_ref(), value as u32));
        }
        Question::Coverage => {
            let programme = p.programmes.get_mut(named(
                plan.programmes.iter().map(|x| &x.name),
                &answer.item,
            )?)?;
            programme.coverage = Some(coverage_to(programme.coverage.as_ref(), value));
        }
        Question::Pledge => {
            let donor = p
                .donors
                .get_mut(named(plan.donors.iter().map(|d| &d.name), &answer.item)?)?;
            donor.base = Some(value);
        }
    }
    Some(p)
}

/// A stream's reform with gain `gain`, kept on its own start and years
/// ({1, 8} for a stream without one).
fn reform_with(reform: Option<&Reform>, gain: f64) -> Reform {
    let (start, years) = reform.map_or(DEFAULT_REFORM, |r| (r.start, r.years));
    Reform {
        start,
        years,
        gain_pct_gdp_per_year: gain,
    }
}

/// A donor's taper made linear from its start to `end`.
fn linear_to(taper: Option<&Taper>, end: u32) -> Taper {
    Taper::Linear {
        start: taper_start(taper),
        end,
    }
}

/// A programme's coverage ramp ending at `to_pct` ({100 %, 0, 0} for a
/// programme without one).
fn coverage_to(coverage: Option<&Ramp>, to_pct: f64) -> Ramp {
    let base = coverage.cloned().unwrap_or(Ramp {
        from_pct: 100.0,
        to_pct: 100.0,
        start: 0,
        years: 0,
    });
    Ramp { to_pct, ..base }
}

/// The plan being changed, and a projection buffer reused between trials.
struct Trial {
    plan: Plan,
    projection: Projection,
}

impl Trial {
    /// Whether the trial plan evaluates and meets `goal`; a plan that
    /// overflows does not.
    fn holds(&mut self, goal: impl Fn(&Projection) -> bool) -> bool {
        Evaluator::new(&self.plan)
            .and_then(|e| e.run(&PathInputs::NONE, &mut self.projection))
            .is_ok()
            && goal(&self.projection)
    }
}

fn no_gap(p: &Projection) -> bool {
    p.summary.cumulative_gap == 0.0
}

/// j/1000: the nearest double to the decimal, so 1000/1000 is exactly 1.
fn thousandths(j: u32) -> f64 {
    f64::from(j) / 1000.0
}

fn hundredths(j: u32) -> f64 {
    f64::from(j) / 100.0
}

fn answer(
    question: Question,
    item: &str,
    field: String,
    value: Option<f64>,
    calendar_year: Option<i32>,
) -> SeekAnswer {
    SeekAnswer {
        question,
        item: item.to_string(),
        field,
        reachable: value.is_some(),
        value,
        calendar_year,
    }
}

/// The index of the item called `name`.
fn find<'a>(
    question: Question,
    list: ItemList,
    name: &str,
    names: impl Iterator<Item = &'a String> + Clone,
) -> Result<usize, SeekError> {
    names
        .clone()
        .position(|n| n == name)
        .ok_or_else(|| SeekError::NoSuchItem {
            question: question.name(),
            list,
            name: name.to_string(),
            available: names.cloned().collect(),
        })
}

/// The index of a budget-support or gap-filling donor called `name`.
fn pledging_donor(plan: &Plan, question: Question, name: &str) -> Result<usize, SeekError> {
    let i = find(
        question,
        ItemList::Donors,
        name,
        plan.donors.iter().map(|d| &d.name),
    )?;
    match plan.donors[i].kind {
        DonorKind::BudgetSupport | DonorKind::GapFilling => Ok(i),
        kind => Err(SeekError::WrongDonorKind {
            question: question.name(),
            name: name.to_string(),
            kind,
        }),
    }
}

/// Where a taper made linear starts: its own `start`, or 0 for a shape
/// without one.
fn taper_start(taper: Option<&Taper>) -> u32 {
    match taper {
        Some(Taper::Linear { start, .. } | Taper::Exponential { start, .. }) => *start,
        _ => 0,
    }
}

/// The smallest grid point in lo..=hi meeting a condition that, once met,
/// stays met; None when even `hi` does not.
fn smallest(lo: u32, hi: u32, mut holds: impl FnMut(u32) -> bool) -> Option<u32> {
    if lo > hi || !holds(hi) {
        return None;
    }
    if holds(lo) {
        return Some(lo);
    }
    let (mut fails, mut meets) = (lo, hi);
    while meets - fails > 1 {
        let mid = fails + (meets - fails) / 2;
        if holds(mid) {
            meets = mid;
        } else {
            fails = mid;
        }
    }
    Some(meets)
}

/// The largest grid point in lo..=hi meeting a condition that, once
/// broken, stays broken; None when even `lo` does not.
fn largest(lo: u32, hi: u32, mut holds: impl FnMut(u32) -> bool) -> Option<u32> {
    if lo > hi || !holds(lo) {
        return None;
    }
    if holds(hi) {
        return Some(hi);
    }
    let (mut meets, mut fails) = (lo, hi);
    while fails - meets > 1 {
        let mid = meets + (fails - meets) / 2;
        if holds(mid) {
            meets = mid;
        } else {
            fails = mid;
        }
    }
    Some(meets)
}

/// MODEL.md's answer shape: `{"question", "item", "field", "reachable",
/// "value"}`, plus `"calendar_year"` for a taper answer. A taper's end is
/// a whole plan year and is written as one.
pub fn seek_answer_to_json(a: &SeekAnswer) -> Value {
    let mut o = Map::new();
    o.insert("question".into(), Value::from(a.question.name()));
    o.insert("item".into(), Value::from(a.item.as_str()));
    o.insert("field".into(), Value::from(a.field.as_str()));
    o.insert("reachable".into(), Value::from(a.reachable));
    let value = match (a.question, a.value) {
        (_, None) => Value::Null,
        (Question::Taper, Some(v)) => Value::from(v as u32),
        (_, Some(v)) => Value::from(v),
    };
    o.insert("value".into(), value);
    if a.question == Question::Taper {
        o.insert(
            "calendar_year".into(),
            a.calendar_year.map_or(Value::Null, Value::from),
        );
    }
    Value::Object(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bisection_finds_the_edge_of_a_monotone_condition() {
        for edge in [0u32, 1, 2, 17, 999, 1000] {
            let mut calls = 0;
            let found = smallest(0, 1000, |j| {
                calls += 1;
                j >= edge
            });
            assert_eq!(found, Some(edge));
            assert!(calls <= 12, "{calls} evaluations for edge {edge}");
            assert_eq!(largest(0, 1000, |j| j <= edge), Some(edge));
        }
        assert_eq!(smallest(0, 1000, |_| false), None);
        assert_eq!(largest(0, 1000, |_| false), None);
        assert_eq!(smallest(5, 4, |_| true), None);
        assert_eq!(largest(5, 4, |_| true), None);
        // One grid point: it is the answer when it holds.
        assert_eq!(smallest(4, 4, |_| true), Some(4));
        assert_eq!(largest(4, 4, |_| true), Some(4));
        assert_eq!(smallest(4, 4, |_| false), None);
        assert_eq!(largest(4, 4, |_| false), None);
    }
}
