//! The planning model of MODEL.md: plan types, validation and evaluation.
//! Pure Rust with no web dependency; the app and the CLI share it. One
//! module per MODEL.md section, named like the section.
//!
//! Public API (the contract the UI, the codec and the CLI build on):
//! - `parse_plan(&str) -> Result<Plan, Vec<Problem>>`: JSON text to a valid plan;
//!   `Plan::write`/`plan_to_value` the other way (the shape is in `plan.rs`, once).
//! - `validate(&Plan) -> Result<(), Vec<Problem>>`: every problem, by path.
//! - `evaluate(&Plan) -> Result<Projection, Problem>`: the projection of a
//!   valid plan; refused with the year where a figure overflows.
//! - `projection_to_json(&Plan, &Projection) -> serde_json::Value`: the
//!   MODEL.md result shape.
//! - `METRICS`, `YearResult::metric`: the per-year figures by name.
//! - `default_plan()`, `presets()`: what the app starts from and offers.

pub mod conventions;
pub mod default_plan;
pub mod donors;
pub mod evaluate;
pub mod field;
pub mod indicators;
pub mod lang;
pub mod macro_path;
pub mod need;
pub mod parse;
pub mod plan;
pub mod presets;
pub mod problem;
pub mod projection;
pub mod random;
pub mod reserve;
pub mod result;
pub mod revenue;
pub mod scenario;
pub mod seek;
pub mod shape;
pub mod shock_library;
pub mod shocks;
pub mod summary;
pub mod uncertainty;
pub mod uncertainty_json;
pub mod validate;

pub use default_plan::default_plan;
pub use evaluate::evaluate;
pub use evaluate::{evaluate_with, Evaluator, PathInputs};
pub use field::{At, Field, PathError, Seg};
pub use lang::{Lang, Text};
pub use parse::{parse_plan, plan_from_value, plan_to_value};
pub use plan::*;
pub use presets::{presets, Preset, PresetItem};
pub use problem::{problem_lines, Problem, Rule};
pub use projection::*;
pub use result::projection_to_json;
pub use seek::{seek, seek_answer_to_json, Question, SeekAnswer, SeekError};
pub use shape::Node;
pub use uncertainty::{
    merge_runs, simulate, simulate_paths, uncertainty_result, PartialRun, Percentiles, RunFigures,
    UncertaintyResult, BAND_METRICS,
};
pub use uncertainty_json::uncertainty_to_json;
pub use validate::validate;
