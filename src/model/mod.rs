//! The planning model of MODEL.md: plan types, validation and evaluation.
//! Pure Rust with no web dependency; the app and the CLI share it.
//!
//! Public API (the contract the UI, the codec and the CLI build on):
//! - `parse_plan(&str) -> Result<Plan, Vec<Problem>>`: JSON text to a valid plan.
//! - `validate(&Plan) -> Result<(), Vec<Problem>>`: every problem, by path.
//! - `evaluate(&Plan) -> Result<Projection, Problem>`: the projection of a
//!   valid plan; refused with the year where a figure overflows.

pub mod plan;
pub mod projection;

pub use plan::*;
pub use projection::*;

/// One thing wrong with a plan: where (`donors[1].taper.end`) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

// Placeholders so that the app, codec and CLI compile while the model is
// written; the model work replaces all three.

/// Every problem of a plan, or Ok.
pub fn validate(_plan: &Plan) -> Result<(), Vec<Problem>> {
    Ok(())
}

/// JSON text to a valid plan, or every problem found.
pub fn parse_plan(json: &str) -> Result<Plan, Vec<Problem>> {
    serde_json::from_str(json).map_err(|e| {
        vec![Problem { path: String::new(), message: e.to_string() }]
    })
}

/// The projection of a valid plan.
pub fn evaluate(_plan: &Plan) -> Result<Projection, Problem> {
    Err(Problem { path: String::new(), message: "not evaluated yet".into() })
}
