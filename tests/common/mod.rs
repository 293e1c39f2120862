//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod arb;

use std::path::{Path, PathBuf};

use sunset_planner::model::Plan;

/// A path under tests/fixtures.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// A plan fixture, read with serde alone (no validation), so the fixture
/// tests do not depend on the model's checks.
pub fn read_plan(path: &Path) -> Plan {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The MODEL.md example plan (our own copy).
pub fn example_plan() -> Plan {
    read_plan(&fixture("links/example.plan.json"))
}
