//! Helpers shared by the integration tests: small plans built in code, and
//! (in `arb`) the strategy for random valid plans.
#![allow(dead_code)]

pub mod arb;

use sunset_planner::model::*;

/// A plan with nothing in it: GDP 1000, population 100, no rates, no items,
/// starting in 2026 for `horizon` years. Tests add what they exercise.
pub fn bare_plan(horizon: u32) -> Plan {
    Plan {
        format: FORMAT.into(),
        version: VERSION,
        meta: Meta {
            name: String::new(),
            country: String::new(),
            currency: "LCU".into(),
            start_year: 2026,
            horizon_years: horizon,
            discount_rate_pct: 0.0,
            exit_threshold_pct: 1.0,
            ..Default::default()
        },
        macro_path: Macro {
            gdp_base: 1000.0,
            real_growth_pct: 0.0,
            inflation_pct: 0.0,
            population_base: 100.0,
            population_growth_pct: 0.0,
            fx_base: 1.0,
            foreign_inflation_pct: 0.0,
            real_depreciation_pct: 0.0,
            overrides: Overrides::default(),
        },
        revenues: vec![],
        costs: vec![],
        programmes: vec![],
        donors: vec![],
        shocks: vec![],
        reserve: Reserve::default(),
        criteria: vec![],
        reengagement: None,
        ..Default::default()
    }
}

pub fn revenue(name: &str, base: f64, buoyancy: f64) -> Revenue {
    Revenue {
        name: name.into(),
        base,
        buoyancy,
        reform: None,
        ..Default::default()
    }
}

pub fn cost(name: &str, base: f64) -> CostLine {
    CostLine {
        name: name.into(),
        base,
        indexed: true,
        real_growth_pct: 0.0,
        handover: None,
        ..Default::default()
    }
}

/// A budget-support or gap-filling donor in LCU with no taper.
pub fn pledging(name: &str, kind: DonorKind, base: f64) -> Donor {
    Donor {
        name: name.into(),
        kind,
        currency: None,
        fulfilment_pct: 100.0,
        base: Some(base),
        taper: None,
        target: None,
        initial_country_share_pct: None,
        step_pp: None,
        start: None,
        ..Default::default()
    }
}

pub fn cofinancing(name: &str, target: &str, initial: f64, step: f64, start: u32) -> Donor {
    Donor {
        name: name.into(),
        kind: DonorKind::Cofinancing,
        currency: None,
        fulfilment_pct: 100.0,
        base: None,
        taper: None,
        target: Some(target.into()),
        initial_country_share_pct: Some(initial),
        step_pp: Some(step),
        start: Some(start),
        ..Default::default()
    }
}

pub fn shock(at: u32, years: u32, revenue_pct: f64, cost_pct: f64, donor_pct: f64) -> Shock {
    Shock {
        at,
        years,
        revenue_pct,
        donor_pct,
        cost_pct,
        ..Default::default()
    }
}

/// |a - b| within 1e-12 relative: the same arithmetic in another order.
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0)
}

#[track_caller]
pub fn assert_close(actual: f64, expected: f64) {
    assert!(close(actual, expected), "expected {expected}, got {actual}");
}

#[track_caller]
pub fn assert_all_close(actual: &[f64], expected: &[f64]) {
    assert_eq!(
        actual.len(),
        expected.len(),
        "lengths of {actual:?} and {expected:?}"
    );
    for (a, e) in actual.iter().zip(expected) {
        assert!(close(*a, *e), "expected {expected:?}, got {actual:?}");
    }
}

/// Problems as their `Display` lines (`path: message`), the form users
/// read and the one that survives changes to `Problem`'s fields.
pub fn display_lines(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

/// The valid plan's projection.
#[track_caller]
pub fn project(plan: &Plan) -> Projection {
    assert_eq!(validate(plan), Ok(()), "the test plan must be valid");
    evaluate(plan).expect("the test plan evaluates")
}

/// One figure over the years.
pub fn series(p: &Projection, f: impl Fn(&YearResult) -> f64) -> Vec<f64> {
    p.years.iter().map(f).collect()
}

// Fixture files (codec tests).
use std::path::{Path, PathBuf};

/// A path under tests/fixtures.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// A plan fixture, read by the plan's reader alone (no validation), so the
/// fixture tests do not depend on the model's checks.
pub fn read_plan(path: &Path) -> Plan {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut plan = <Plan as sunset_planner::model::Node>::read(&value)
        .unwrap_or_else(|| panic!("{}: not a plan", path.display()));
    // As the parser does: an older file is read as the current version.
    plan.version = VERSION;
    plan
}

/// The MODEL.md example plan (our own copy).
pub fn example_plan() -> Plan {
    read_plan(&fixture("links/example.plan.json"))
}

/// English words of the message templates; none may survive in French.
const ENGLISH_WORDS: &[&str] = &[
    "must", "between", "got", "above", "required", "negative", "empty", "expected", "finite",
    "already", "least", "after", "newer", "release", "unknown", "number", "remove", "link", "file",
    "saved", "the", "is", "not", "valid", "plan's", "too", "large", "damaged", "browser", "page",
    "could",
];

/// A French message: there, different from the English, and free of the
/// English templates' words (names, paths and codes may stay as they are).
#[track_caller]
pub fn assert_french(en: &str, fr: &str) {
    assert!(!fr.trim().is_empty(), "no French for {en:?}");
    assert_ne!(en, fr, "not translated: {en:?}");
    let lower = fr.to_lowercase();
    for word in lower.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        assert!(
            !ENGLISH_WORDS.contains(&word),
            "English word {word:?} in French {fr:?} (from {en:?})"
        );
    }
}
