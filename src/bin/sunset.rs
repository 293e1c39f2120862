//! Command-line evaluator (native only).
fn main() {}
