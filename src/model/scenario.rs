//! MODEL.md "Scenarios": a scenario is the baseline with its `changes`
//! applied, so it follows later edits of everything it does not change;
//! and the comparison of two projections, B − A.
//!
//! Changes are applied to the baseline's file form (its JSON value), the
//! way MODEL.md defines them: a path names a node the plan has or may have
//! (checked against the plan's definition when the file is read), its
//! value replaces the node, `null` removes it, a path through an object
//! the baseline lacks creates it, and the result is read and validated as a
//! plan file would be. Problems are reported under the scenario.
//!
//! Not here: what the app does when the baseline's lists change (it keeps
//! changes pointed at the same items, `retarget_changes`).

use serde_json::{Map, Value};

use super::field::{At, Field, Seg};
use super::plan::{root, Changes, Plan, Scenario, VERSION};
use super::problem::{Problem, Rule};
use super::projection::{Projection, Summary, YearResult, METRICS};
use super::result::summary_to_json;
use super::shape::{walk, Node};
use super::validate::validate;

/// The name that means the plan itself wherever a scenario is named.
pub const BASELINE: &str = "Baseline";

/// Whether `name` is taken by the baseline (in any case).
pub fn is_baseline_name(name: &str) -> bool {
    name.trim().eq_ignore_ascii_case(BASELINE)
}

/// Whether a scenario may change the node at `field` (MODEL.md: not the
/// format, version, scenarios, uncertainty, meta as a whole, start year or
/// horizon, so that scenarios compare year by year).
pub fn changeable(field: &Field) -> bool {
    let fixed = [
        root().format(),
        root().version(),
        root().scenarios().field().clone(),
        root().uncertainty().field().clone(),
        root().meta().field().clone(),
        root().meta().start_year(),
        root().meta().horizon_years(),
    ];
    !field.is_root()
        && !fixed.iter().any(|f| f == field)
        && !field.starts_with(root().scenarios().field())
        && !field.starts_with(root().uncertainty().field())
}

/// The problems of a scenario's changes themselves (what may be changed,
/// overlaps), under `scenarios[i].changes`.
pub fn change_problems(i: usize, changes: &Changes) -> Vec<Problem> {
    let at = root().scenarios().at(i).changes();
    let mut out = Vec::new();
    for (n, (field, _)) in changes.0.iter().enumerate() {
        let here = at.other(&field.to_string());
        if !changeable(field) {
            out.push(Problem::new(here.clone(), Rule::Unchangeable));
        }
        let overlap = changes.0[..n]
            .iter()
            .find(|(other, _)| field.starts_with(other) || other.starts_with(field));
        if let Some((other, _)) = overlap {
            out.push(Problem::new(
                here,
                Rule::Overlaps {
                    other: other.clone(),
                },
            ));
        }
    }
    out
}

/// The plan of scenario `i` of `plan`: every problem under `scenarios[i]`.
pub fn scenario_plan(plan: &Plan, i: usize) -> Result<Plan, Vec<Problem>> {
    let Some(s) = plan.scenarios.get(i) else {
        return Err(vec![Problem::new(
            root().scenarios().at(i).field().clone(),
            Rule::NoSuchItem,
        )]);
    };
    let prefix = root().scenarios().at(i).field().clone();
    let problems = change_problems(i, &s.changes);
    if !problems.is_empty() {
        return Err(problems);
    }
    let changes_at = root().scenarios().at(i).changes();
    apply(plan, &s.changes).map_err(|problems| {
        problems
            .into_iter()
            .map(|p| match p.rule {
                // Where a change cannot go is said at its key.
                Rule::NoSuchItem | Rule::NotAContainer => {
                    Problem::new(changes_at.other(&p.path.to_string()), p.rule)
                }
                _ => Problem::new(p.path.under(&prefix), p.rule),
            })
            .collect()
    })
}

/// The baseline with `changes` applied, read and validated as a plan file.
/// Problems of the resulting plan are at their plan paths; a change that
/// cannot be applied is reported at the change's own path (`NoSuchItem`,
/// `NotAContainer`).
pub fn apply(baseline: &Plan, changes: &Changes) -> Result<Plan, Vec<Problem>> {
    let plan = apply_unvalidated(baseline, changes)?;
    validate(&plan)?;
    Ok(plan)
}

/// A scenario's plan as its Monte Carlo run sees it: with the baseline's
/// `uncertainty` settings, which a scenario shares (MODEL.md) and which
/// `apply` leaves out of the scenario's own plan.
pub fn sharing_run(mut scenario: Plan, baseline: &Plan) -> Plan {
    scenario.uncertainty = baseline.uncertainty.clone();
    scenario
}

/// As `apply`, without the last step (`validate`): the plan an editor
/// shows while a change holds a value out of bounds, so the control shows
/// what was typed beside the model's message.
pub fn apply_unvalidated(baseline: &Plan, changes: &Changes) -> Result<Plan, Vec<Problem>> {
    let mut base = baseline.clone();
    base.scenarios.clear();
    base.uncertainty = None;
    let mut value = base.write();
    let mut problems = Vec::new();
    // Items removed last, highest index first, so that every change
    // addresses the baseline's own lists.
    let mut removals: Vec<&Field> = Vec::new();
    for (field, new) in &changes.0 {
        let removes_item = new.is_null() && matches!(field.segs().last(), Some(Seg::Index(_)));
        if removes_item {
            removals.push(field);
            continue;
        }
        if let Err(rule) = put(&mut value, field.segs(), new.clone()) {
            problems.push(Problem::new(field.clone(), rule));
        }
    }
    removals.sort_by(|a, b| b.cmp(a));
    for field in removals {
        if let Err(rule) = put(&mut value, field.segs(), Value::Null) {
            problems.push(Problem::new(field.clone(), rule));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    walk(
        &value,
        Plan::shape(),
        &Field::root(),
        VERSION,
        &mut problems,
    );
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut plan =
        Plan::read(&value).ok_or_else(|| vec![Problem::new(Field::root(), Rule::Unreadable)])?;
    plan.version = VERSION;
    Ok(plan)
}

/// The node at `field` in a plan's file form (`plan.write()`), if present.
pub fn value_at<'a>(value: &'a Value, field: &Field) -> Option<&'a Value> {
    field
        .segs()
        .iter()
        .try_fold(value, |v, seg| match (v, seg) {
            (Value::Array(items), Seg::Index(i)) => items.get(*i),
            (Value::Object(map), Seg::Key(k)) => map.get(*k),
            (Value::Object(map), Seg::Year(t)) => map.get(&t.to_string()),
            _ => None,
        })
}

/// Puts `new` at `path` under `v` (`null` removes the node).
fn put(v: &mut Value, path: &[Seg], new: Value) -> Result<(), Rule> {
    let Some((seg, rest)) = path.split_first() else {
        *v = new;
        return Ok(());
    };
    match (v, seg) {
        (Value::Array(items), Seg::Index(i)) => {
            if *i >= items.len() {
                return Err(Rule::NoSuchItem);
            }
            if rest.is_empty() && new.is_null() {
                items.remove(*i);
                return Ok(());
            }
            put(&mut items[*i], rest, new)
        }
        (Value::Object(map), Seg::Key(_) | Seg::Year(_)) => {
            let key = match seg {
                Seg::Key(k) => (*k).to_string(),
                Seg::Year(t) => t.to_string(),
                _ => unreachable!("matched above"),
            };
            if rest.is_empty() {
                if new.is_null() {
                    map.remove(&key);
                } else {
                    map.insert(key, new);
                }
                return Ok(());
            }
            if new.is_null() && !map.contains_key(&key) {
                // Removing something inside an absent node: nothing to do.
                return Ok(());
            }
            let child = map.entry(key).or_insert(Value::Null);
            if child.is_null() {
                // A path through an object the baseline lacks creates it; a
                // list it lacks has no items to address.
                match rest.first() {
                    Some(Seg::Index(_)) => return Err(Rule::NoSuchItem),
                    _ => *child = Value::Object(Map::new()),
                }
            }
            put(child, rest, new)
        }
        (Value::Array(_), _) => Err(Rule::NoSuchItem),
        (Value::Object(_), Seg::Index(_)) => Err(Rule::NoSuchItem),
        _ => Err(Rule::NotAContainer),
    }
}

/// The changes that turn `baseline` into `variant`: one per field (or
/// whole list, when the lists differ in length) where they differ. Used to
/// save the current edits as a scenario.
pub fn diff(baseline: &Plan, variant: &Plan) -> Changes {
    let mut a = baseline.clone();
    let mut b = variant.clone();
    for p in [&mut a, &mut b] {
        p.scenarios.clear();
        p.uncertainty = None;
    }
    let mut out = Vec::new();
    diff_values(
        &a.write(),
        &b.write(),
        Field::root(),
        Plan::shape(),
        &mut out,
    );
    Changes(out)
}

fn diff_values(
    a: &Value,
    b: &Value,
    at: Field,
    shape: &'static super::shape::Shape,
    out: &mut Vec<(Field, Value)>,
) {
    use super::shape::Shape;
    if a == b {
        return;
    }
    // A taper of the same shape differs field by field, so a scenario that
    // moves its end still follows the baseline's start.
    let same_variant = match (a, b, shape) {
        (Value::Object(ma), Value::Object(mb), Shape::Tagged(t))
            if ma.get(t.tag) == mb.get(t.tag) =>
        {
            let tag = ma.get(t.tag).and_then(Value::as_str);
            t.variants
                .iter()
                .find(|v| Some(v.name) == tag)
                .map(|v| v.fields)
        }
        _ => None,
    };
    match (a, b, shape) {
        (Value::Object(ma), Value::Object(mb), Shape::Object(fields)) => {
            diff_fields(ma, mb, fields, &at, out)
        }
        (Value::Object(ma), Value::Object(mb), Shape::Tagged(_)) if same_variant.is_some() => {
            diff_fields(ma, mb, same_variant.unwrap_or_default(), &at, out)
        }
        (Value::Array(la), Value::Array(lb), Shape::List(item)) if la.len() == lb.len() => {
            for (i, (x, y)) in la.iter().zip(lb).enumerate() {
                diff_values(x, y, at.index(i), item(), out);
            }
        }
        // Year maps, tapers of another shape, lists of another length and
        // leaves: the whole node.
        _ => out.push((at, b.clone())),
    }
}

fn diff_fields(
    ma: &Map<String, Value>,
    mb: &Map<String, Value>,
    fields: &[super::shape::FieldInfo],
    at: &Field,
    out: &mut Vec<(Field, Value)>,
) {
    for f in fields.iter() {
        let (x, y) = (ma.get(f.name), mb.get(f.name));
        match (x, y) {
            (Some(x), Some(y)) => diff_values(x, y, at.key(f.name), (f.shape)(), out),
            (None, None) => {}
            (_, y) => out.push((at.key(f.name), y.cloned().unwrap_or(Value::Null))),
        }
    }
}

/// The comparison B − A of two projections (MODEL.md "Scenarios"): per
/// year, `year` and B − A of every figure, breakdowns by item name (an item
/// one side lacks counts as 0 there); in `summary`, B − A of every numeric
/// headline and `{a, b, difference}` for each year-valued one.
pub fn compare(
    (a_name, a_plan, a): (&str, &Plan, &Projection),
    (b_name, b_plan, b): (&str, &Plan, &Projection),
) -> Value {
    let years = a
        .years
        .iter()
        .zip(&b.years)
        .map(|(ya, yb)| year_delta(a_plan, ya, b_plan, yb))
        .collect();
    let mut out = Map::new();
    out.insert("a".into(), a_name.into());
    out.insert("b".into(), b_name.into());
    out.insert("years".into(), Value::Array(years));
    out.insert("summary".into(), compare_summaries(&a.summary, &b.summary));
    Value::Object(out)
}

/// A list of both years: its key, then each side's item names and figures.
type ListPair<'a> = (&'a str, Vec<&'a str>, &'a [f64], Vec<&'a str>, &'a [f64]);

fn year_delta(a_plan: &Plan, a: &YearResult, b_plan: &Plan, b: &YearResult) -> Value {
    let mut o = Map::new();
    o.insert("year".into(), a.year.into());
    for (i, name) in METRICS.iter().enumerate() {
        let d = match (a.metric_at(i), b.metric_at(i)) {
            (Some(x), Some(y)) => Value::from(y - x),
            _ => Value::Null,
        };
        o.insert((*name).into(), d);
    }
    let lists: [ListPair; 4] = [
        (
            "revenues",
            names(&a_plan.revenues, |r| &r.name),
            &a.revenues,
            names(&b_plan.revenues, |r| &r.name),
            &b.revenues,
        ),
        (
            "costs",
            names(&a_plan.costs, |c| &c.name),
            &a.costs,
            names(&b_plan.costs, |c| &c.name),
            &b.costs,
        ),
        (
            "programmes",
            names(&a_plan.programmes, |p| &p.name),
            &a.programmes,
            names(&b_plan.programmes, |p| &p.name),
            &b.programmes,
        ),
        (
            "donors",
            names(&a_plan.donors, |d| &d.name),
            &a.donors,
            names(&b_plan.donors, |d| &d.name),
            &b.donors,
        ),
    ];
    for (key, an, av, bn, bv) in lists {
        let value_of = |names: &[&str], values: &[f64], n: &str| {
            names
                .iter()
                .position(|x| *x == n)
                .and_then(|i| values.get(i).copied())
                .unwrap_or(0.0)
        };
        let mut m = Map::new();
        for n in an.iter().chain(bn.iter().filter(|n| !an.contains(n))) {
            m.insert(
                (*n).into(),
                Value::from(value_of(&bn, bv, n) - value_of(&an, av, n)),
            );
        }
        o.insert(key.into(), Value::Object(m));
    }
    Value::Object(o)
}

fn names<T>(items: &[T], name: impl Fn(&T) -> &String) -> Vec<&str> {
    items.iter().map(|x| name(x).as_str()).collect()
}

/// The `summary` of `compare`: B − A of every numeric headline; `{a, b,
/// difference}` for year-valued ones (the difference null when either is);
/// lists of years side by side. (The app reads only this part, so the
/// per-year breakdowns stay out of its download.)
pub fn compare_summaries(a: &Summary, b: &Summary) -> Value {
    let (ja, jb) = (summary_to_json(a), summary_to_json(b));
    let (Value::Object(ma), Value::Object(mb)) = (&ja, &jb) else {
        return Value::Null;
    };
    let mut out = Map::new();
    for (key, x) in ma {
        let y = mb.get(key).unwrap_or(&Value::Null);
        let d = if is_year_valued(key) {
            year_pair(x, y)
        } else if key == "criteria" {
            let (Value::Object(ca), Value::Object(cb)) = (x, y) else {
                continue;
            };
            Value::Object(
                ca.iter()
                    .map(|(k, v)| (k.clone(), year_pair(v, cb.get(k).unwrap_or(&Value::Null))))
                    .collect(),
            )
        } else if let (Some(x), Some(y)) = (x.as_f64(), y.as_f64()) {
            Value::from(y - x)
        } else {
            let mut pair = Map::new();
            pair.insert("a".into(), x.clone());
            pair.insert("b".into(), y.clone());
            Value::Object(pair)
        };
        out.insert(key.clone(), d);
    }
    Value::Object(out)
}

fn is_year_valued(key: &str) -> bool {
    key.ends_with("_year")
}

fn year_pair(a: &Value, b: &Value) -> Value {
    let mut o = Map::new();
    o.insert("a".into(), a.clone());
    o.insert("b".into(), b.clone());
    let d = match (a.as_i64(), b.as_i64()) {
        (Some(x), Some(y)) => Value::from(y - x),
        _ => Value::Null,
    };
    o.insert("difference".into(), d);
    Value::Object(o)
}

/// The problems of a plan's scenarios: their names and changes, and (when
/// the baseline itself is valid, so that no problem is reported twice)
/// each scenario's plan.
pub fn scenario_problems(plan: &Plan, baseline_valid: bool) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, s) in plan.scenarios.iter().enumerate() {
        let at = root().scenarios().at(i);
        if s.name.trim().is_empty() {
            out.push(Problem::new(at.name(), Rule::Empty));
        } else if is_baseline_name(&s.name) {
            out.push(Problem::new(at.name(), Rule::BaselineName));
        }
        if let Some(first) = plan.scenarios[..i].iter().position(|o| o.name == s.name) {
            out.push(Problem::new(
                at.name(),
                Rule::NameTaken {
                    name: s.name.clone(),
                    first: root().scenarios().at(first).field().clone(),
                },
            ));
        }
        if baseline_valid {
            if let Err(p) = scenario_plan(plan, i) {
                out.extend(p);
            }
        } else {
            out.extend(change_problems(i, &s.changes));
        }
    }
    out
}

/// A scenario by name ("Baseline", in any case, is the plan itself).
pub fn find<'a>(plan: &'a Plan, name: &str) -> Option<Option<(usize, &'a Scenario)>> {
    if is_baseline_name(name) {
        return Some(None);
    }
    plan.scenarios
        .iter()
        .enumerate()
        .find(|(_, s)| s.name == name)
        .map(Some)
}

/// A valid plan's projection and each scenario's plan and projection.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluated {
    pub baseline: Projection,
    /// In the plan's order.
    pub scenarios: Vec<(Plan, Projection)>,
}

/// Evaluates a valid plan and every scenario of it; a scenario whose
/// projection overflows is refused under its name's place
/// (`scenarios[1].years[3].gdp`).
pub fn evaluate_all(plan: &Plan) -> Result<Evaluated, Vec<Problem>> {
    let baseline = super::evaluate(plan).map_err(|p| vec![p])?;
    let mut scenarios = Vec::with_capacity(plan.scenarios.len());
    let mut problems = Vec::new();
    for i in 0..plan.scenarios.len() {
        let prefix = root().scenarios().at(i).field().clone();
        match scenario_plan(plan, i) {
            Ok(p) => match super::evaluate(&p) {
                Ok(projection) => scenarios.push((p, projection)),
                Err(e) => problems.push(Problem::new(e.path.under(&prefix), e.rule)),
            },
            Err(p) => problems.extend(p),
        }
    }
    if problems.is_empty() {
        Ok(Evaluated {
            baseline,
            scenarios,
        })
    } else {
        Err(problems)
    }
}

/// The MODEL.md result of a plan and its scenarios: the baseline's
/// `years` and `summary`, and `scenarios` (one `{name, years, summary}`
/// each) when the plan has any.
pub fn result_json(plan: &Plan, evaluated: &Evaluated) -> Value {
    let mut out = super::projection_to_json(plan, &evaluated.baseline);
    if !evaluated.scenarios.is_empty() {
        let list = plan
            .scenarios
            .iter()
            .zip(&evaluated.scenarios)
            .map(|(s, (p, projection))| named_result(&s.name, p, projection))
            .collect();
        if let Value::Object(m) = &mut out {
            m.insert("scenarios".into(), Value::Array(list));
        }
    }
    out
}

/// `{name, years, summary}` of one scenario.
pub fn named_result(name: &str, plan: &Plan, projection: &Projection) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), name.into());
    if let Value::Object(r) = super::projection_to_json(plan, projection) {
        m.extend(r);
    }
    Value::Object(m)
}

// ---- editing scenarios ---------------------------------------------------

/// Whether a change of `changes` covers `field`: a change at the field, at
/// a node holding it, or inside it.
pub fn covers(changes: &Changes, field: &Field) -> bool {
    changes
        .0
        .iter()
        .any(|(f, _)| field.starts_with(f) || f.starts_with(field))
}

/// Sets the change at `field` to `value`, replacing any change at, inside
/// or around it: the scenario then says exactly this of that node.
pub fn set_change(changes: &mut Changes, field: Field, value: Value) {
    changes
        .0
        .retain(|(f, _)| !(f.starts_with(&field) || field.starts_with(f)));
    changes.0.push((field, value));
}

/// Drops every change at or inside `field` (the node then follows the
/// baseline again). A change around it, which also sets it, stays: the
/// caller resets that node instead.
pub fn reset_change(changes: &mut Changes, field: &Field) -> bool {
    let before = changes.0.len();
    changes.0.retain(|(f, _)| !f.starts_with(field));
    changes.0.len() != before
}

/// How a baseline list changed, for keeping scenario changes pointed at
/// the same items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListChange {
    /// Item `from` now stands at `to` (the items between shift by one).
    Move { from: usize, to: usize },
    /// Item `at` is gone.
    Remove { at: usize },
    /// A new item stands at `at` (the items from there shift down).
    Insert { at: usize },
}

/// Keeps every scenario's changes pointed at the same items of the list at
/// `list` (e.g. `donors`) after `change`; changes into a removed item go.
/// Returns the dropped changes, by scenario name, so the app can say which.
pub fn retarget_changes(plan: &mut Plan, list: &Field, change: ListChange) -> Vec<(String, Field)> {
    let depth = list.segs().len();
    let mut dropped = Vec::new();
    for s in &mut plan.scenarios {
        let mut kept = Vec::with_capacity(s.changes.0.len());
        for (mut f, v) in std::mem::take(&mut s.changes.0) {
            let inside = f.starts_with(list) && f.segs().len() > depth;
            if inside {
                if let Some(i) = f.index_at_mut(depth) {
                    match change {
                        ListChange::Remove { at } if *i == at => {
                            dropped.push((s.name.clone(), f));
                            continue;
                        }
                        ListChange::Remove { at } if *i > at => *i -= 1,
                        ListChange::Insert { at } if *i >= at => *i += 1,
                        ListChange::Move { from, to } => *i = moved(*i, from, to),
                        _ => {}
                    }
                }
            }
            kept.push((f, v));
        }
        s.changes.0 = kept;
    }
    dropped
}

/// Where item `i` stands after item `from` moved to `to`.
fn moved(i: usize, from: usize, to: usize) -> usize {
    if i == from {
        to
    } else if from < to && i > from && i <= to {
        i - 1
    } else if to < from && i >= to && i < from {
        i + 1
    } else {
        i
    }
}

/// A new scenario holding the differences between the baseline and the
/// plan edited from it.
pub fn scenario_from_edits(baseline: &Plan, edited: &Plan, name: &str) -> Scenario {
    Scenario {
        name: name.to_string(),
        note: String::new(),
        changes: diff(baseline, edited),
    }
}

/// A name for a new scenario not yet taken: `base`, then `base 2`, `base 3` …
pub fn free_name(plan: &Plan, base: &str) -> String {
    let taken = |n: &str| is_baseline_name(n) || plan.scenarios.iter().any(|s| s.name == n);
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|k| format!("{base} {k}"))
        .find(|n| !taken(n))
        .unwrap_or_else(|| base.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_moved_in_a_list_takes_the_others_along_as_vec_does() {
        for len in 1..6 {
            for from in 0..len {
                for to in 0..len {
                    let mut list: Vec<usize> = (0..len).collect();
                    let item = list.remove(from);
                    list.insert(to, item);
                    for i in 0..len {
                        let now = list.iter().position(|&x| x == i);
                        assert_eq!(Some(moved(i, from, to)), now, "{i} in {len}, {from} → {to}");
                    }
                }
            }
        }
    }
}
