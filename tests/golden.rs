//! Golden tests: full projections of a few plans (the MODEL.md example, the
//! default plan, an edge-case plan with shocks, overrides, steps, logistic
//! and cliffs) compared with the stored MODEL.md result JSON. These tests
//! only compare: `make golden` (examples/regenerate-golden.rs) rewrites the
//! stored results, by hand, and its diff is read before committing.

use std::path::PathBuf;

use serde_json::Value;
use sunset_planner::model::{default_plan, evaluate, parse_plan, projection_to_json};

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden")
}

fn check(name: &str) {
    let dir = golden_dir();
    let plan_text =
        std::fs::read_to_string(dir.join(format!("{name}.plan.json"))).expect("plan file");
    let plan = parse_plan(&plan_text).unwrap_or_else(|p| panic!("{name} is refused: {p:?}"));
    let projection = evaluate(&plan).unwrap_or_else(|p| panic!("{name} does not evaluate: {p}"));
    let actual = projection_to_json(&plan, &projection);
    let path = dir.join(format!("{name}.projection.json"));
    let stored: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("golden projection"))
            .expect("golden projection is JSON");
    if stored != actual {
        let (s, a) = (stored["years"].as_array(), actual["years"].as_array());
        let first_diff = s
            .zip(a)
            .and_then(|(s, a)| s.iter().zip(a).position(|(x, y)| x != y));
        panic!(
            "{name}: projection differs from {} (first differing year index: {first_diff:?}); \
                run `make golden` if the change is intended and read its diff",
            path.display()
        );
    }
}

#[test]
fn example_plan() {
    check("example");
}

#[test]
fn default_plan_matches_its_golden_and_the_embedded_plan() {
    let text = std::fs::read_to_string(golden_dir().join("default.plan.json")).expect("plan file");
    assert_eq!(parse_plan(&text), Ok(default_plan()));
    check("default");
}

#[test]
fn edge_case_plan() {
    check("edge");
}

#[test]
fn result_shape_follows_model_md() {
    let plan = default_plan();
    let json = projection_to_json(&plan, &evaluate(&plan).expect("evaluates"));
    let year = &json["years"][0];
    let keys: Vec<&str> = year
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = vec!["year"];
    expected.extend(sunset_planner::model::METRICS);
    expected.extend(["revenues", "costs", "programmes", "donors"]);
    assert_eq!(keys, expected);
    assert_eq!(year["donors"]["Sunset facility"], Value::from(0.0));
    let summary = json["summary"].as_object().expect("summary");
    let keys: Vec<&str> = summary.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "self_sufficiency_year",
            "donor_exit_year",
            "cumulative_gap",
            "cumulative_gap_npv",
            "peak_gap",
            "peak_gap_year",
            "total_donor_funding",
            "total_donor_funding_npv",
            "max_donor_drop_pct",
            "max_donor_drop_year",
            "criteria",
            "reengagement_years"
        ]
    );
    assert_eq!(summary["peak_gap_year"], Value::Null);
    assert_eq!(
        summary["criteria"]["Self-sufficient 3 years"],
        Value::from(2039)
    );
}
