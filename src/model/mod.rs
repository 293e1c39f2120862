//! The planning model of MODEL.md: plan types, validation and evaluation.
//! Pure Rust with no web dependency; the app and the CLI share it. One
//! module per MODEL.md section, named like the section.
//!
//! Public API (the contract the UI, the codec and the CLI build on):
//! - `parse_plan(&str) -> Result<Plan, Vec<Problem>>`: JSON text to a valid plan.
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
pub mod french;
pub mod indicators;
pub mod macro_path;
pub mod need;
pub mod parse;
pub mod plan;
pub mod presets;
pub mod projection;
pub mod random;
pub mod reserve;
pub mod result;
pub mod revenue;
pub mod seek;
pub mod shocks;
pub mod summary;
pub mod uncertainty;
pub mod uncertainty_json;
pub mod validate;

pub use default_plan::default_plan;
pub use evaluate::evaluate;
pub use evaluate::{evaluate_with, Evaluator, PathInputs};
pub use french::{problem_lines, Bilingual};
pub use parse::{parse_plan, plan_from_walked, plan_to_value};
pub use plan::*;
pub use presets::{presets, Preset, PresetItem};
pub use projection::*;
pub use result::projection_to_json;
pub use seek::{seek, seek_answer_to_json, Question, SeekAnswer, SeekError};
pub use uncertainty::{
    merge_runs, simulate, simulate_paths, uncertainty_result, PartialRun, Percentiles, RunFigures,
    Uncertainty, UncertaintyResult, BAND_METRICS,
};
pub use uncertainty_json::uncertainty_to_json;
pub use validate::validate;

/// One thing wrong with a plan: where (`donors[1].taper.end`) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl Problem {
    /// The message in French (`french::message_fr`).
    pub fn message_fr(&self) -> String {
        french::message_fr(&self.message)
    }

    /// The message in English or, when `french`, in French.
    pub fn text(&self, french: bool) -> String {
        if french {
            self.message_fr()
        } else {
            self.message.clone()
        }
    }

    /// `path: message` in French, as `Display` writes it in English.
    pub fn to_string_fr(&self) -> String {
        format!("{}: {}", self.path, self.message_fr())
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}
