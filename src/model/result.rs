//! MODEL.md "The evaluator's result, as JSON": the projection with item
//! names put back (breakdowns as objects from item name to number) and the
//! summary, in the spec's field order. Used by the CLI and JSON export.

use serde_json::{Map, Value};

use super::plan::Plan;
use super::projection::{Projection, Summary, YearResult, METRICS};

/// The MODEL.md result shape of a plan's projection.
pub fn projection_to_json(plan: &Plan, projection: &Projection) -> Value {
    let years = projection
        .years
        .iter()
        .map(|y| year_to_json(plan, y))
        .collect();
    let mut out = Map::new();
    out.insert("years".into(), Value::Array(years));
    out.insert("summary".into(), summary_to_json(&projection.summary));
    Value::Object(out)
}

fn number(x: f64) -> Value {
    // Non-finite numbers cannot occur in an Ok projection; JSON would make them null.
    Value::from(x)
}

fn year_or_null(y: Option<i32>) -> Value {
    y.map_or(Value::Null, Value::from)
}

/// Item name → figure, names from the plan list the figures are aligned with.
fn breakdown<'a>(names: impl Iterator<Item = &'a str>, values: &[f64]) -> Value {
    Value::Object(
        names
            .zip(values)
            .map(|(n, v)| (n.to_string(), number(*v)))
            .collect(),
    )
}

fn year_to_json(plan: &Plan, y: &YearResult) -> Value {
    let mut o = Map::new();
    o.insert("year".into(), Value::from(y.year));
    for (i, name) in METRICS.iter().enumerate() {
        o.insert((*name).into(), y.metric_at(i).map_or(Value::Null, number));
    }
    o.insert(
        "revenues".into(),
        breakdown(plan.revenues.iter().map(|r| r.name.as_str()), &y.revenues),
    );
    o.insert(
        "costs".into(),
        breakdown(plan.costs.iter().map(|c| c.name.as_str()), &y.costs),
    );
    o.insert(
        "programmes".into(),
        breakdown(
            plan.programmes.iter().map(|p| p.name.as_str()),
            &y.programmes,
        ),
    );
    o.insert(
        "donors".into(),
        breakdown(plan.donors.iter().map(|d| d.name.as_str()), &y.donors),
    );
    Value::Object(o)
}

pub fn summary_to_json(s: &Summary) -> Value {
    let mut o = Map::new();
    o.insert(
        "self_sufficiency_year".into(),
        year_or_null(s.self_sufficiency_year),
    );
    o.insert("donor_exit_year".into(), year_or_null(s.donor_exit_year));
    o.insert("cumulative_gap".into(), number(s.cumulative_gap));
    o.insert("cumulative_gap_npv".into(), number(s.cumulative_gap_npv));
    o.insert("peak_gap".into(), number(s.peak_gap));
    o.insert("peak_gap_year".into(), year_or_null(s.peak_gap_year));
    o.insert("total_donor_funding".into(), number(s.total_donor_funding));
    o.insert(
        "total_donor_funding_npv".into(),
        number(s.total_donor_funding_npv),
    );
    o.insert("max_donor_drop_pct".into(), number(s.max_donor_drop_pct));
    o.insert(
        "max_donor_drop_year".into(),
        year_or_null(s.max_donor_drop_year),
    );
    let criteria = s
        .criteria
        .iter()
        .map(|(k, y)| (k.clone(), year_or_null(*y)))
        .collect();
    o.insert("criteria".into(), Value::Object(criteria));
    o.insert(
        "reengagement_years".into(),
        Value::from(s.reengagement_years.clone()),
    );
    Value::Object(o)
}
