//! MODEL.md's `uncertainty` result object, as JSON: bands by figure and
//! year, shares of paths as fractions 0 – 1 keyed by calendar year or
//! criterion key. When every path failed, every figure is `null`. Used by
//! the CLI and JSON export; not the run itself (`uncertainty`).

use serde_json::{Map, Value};

use super::plan::Plan;
use super::summary::criterion_key;
use super::uncertainty::{Percentiles, UncertaintyResult, BAND_METRICS};

/// The MODEL.md `uncertainty` object of a run of `plan`.
pub fn uncertainty_to_json(plan: &Plan, result: &UncertaintyResult) -> Value {
    let figures = result.figures.as_ref();
    let mut o = Map::new();
    o.insert("paths".into(), Value::from(result.paths));
    o.insert("failed_paths".into(), Value::from(result.failed_paths));
    let bands = BAND_METRICS
        .iter()
        .enumerate()
        .map(|(m, name)| {
            let band = figures.and_then(|f| f.bands.get(m));
            let years = result
                .years
                .iter()
                .enumerate()
                .map(|(t, &year)| band_year(year, band.and_then(|b| b.get(t))))
                .collect();
            ((*name).to_string(), Value::Array(years))
        })
        .collect();
    o.insert("bands".into(), Value::Object(bands));
    o.insert(
        "p_self_sufficient_by".into(),
        by_year(&result.years, figures.map(|f| &f.p_self_sufficient_by[..])),
    );
    o.insert(
        "p_donor_exit_by".into(),
        by_year(&result.years, figures.map(|f| &f.p_donor_exit_by[..])),
    );
    o.insert(
        "p_unfunded_gap".into(),
        number(figures.map(|f| f.p_unfunded_gap)),
    );
    o.insert(
        "cumulative_gap_mean".into(),
        number(figures.map(|f| f.cumulative_gap_mean)),
    );
    o.insert(
        "cumulative_gap_p95".into(),
        number(figures.map(|f| f.cumulative_gap_p95)),
    );
    let criteria = plan
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let key = criterion_key(c, i);
            let share = figures.and_then(|f| f.p_criteria.get(i)).map(|(_, s)| *s);
            (key, number(share))
        })
        .collect();
    o.insert("p_criteria".into(), Value::Object(criteria));
    Value::Object(o)
}

/// A figure, or null when there is none (JSON has no NaN either).
fn number(x: Option<f64>) -> Value {
    x.map_or(Value::Null, Value::from)
}

fn band_year(year: i32, p: Option<&Percentiles>) -> Value {
    let mut o = Map::new();
    o.insert("year".into(), Value::from(year));
    let names = ["p5", "p25", "p50", "p75", "p95"];
    let values = p.map(Percentiles::values);
    for (i, name) in names.iter().enumerate() {
        o.insert((*name).into(), number(values.map(|v| v[i])));
    }
    Value::Object(o)
}

/// {"<calendar year>": share} for every plan year.
fn by_year(years: &[i32], shares: Option<&[f64]>) -> Value {
    Value::Object(
        years
            .iter()
            .enumerate()
            .map(|(t, y)| {
                (
                    y.to_string(),
                    number(shares.and_then(|s| s.get(t).copied())),
                )
            })
            .collect(),
    )
}
