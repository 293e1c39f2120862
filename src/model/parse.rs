//! Reading a plan file (MODEL.md "The file" and "Bad input"): JSON text to
//! a valid `Plan`, or every problem found. Four passes, each only when the
//! one before found nothing that makes the next meaningless:
//! 1. the text is JSON, an object, with `format` "sunset-plan" and a
//!    `version` this release reads;
//! 2. the walk of the JSON against the plan's shape (`shape::walk`),
//!    reporting every unknown field, missing required field and value of
//!    the wrong type at once;
//! 3. the typed plan read from the walked value (`Node::read`);
//! 4. `validate`, the rules on values.

use serde_json::Value;

use super::field::Field;
use super::plan::{Plan, FORMAT, OLDEST_VERSION, VERSION};
use super::problem::{Got, JsonTrouble, Problem, Rule};
use super::shape::{walk, Node};
use super::validate::validate;

/// JSON text to a valid plan, or every problem found.
pub fn parse_plan(json: &str) -> Result<Plan, Vec<Problem>> {
    // from_slice, like every JSON read in the app (links, records): one
    // copy of serde_json's parser in the wasm. Same result for any &str.
    let value: Value = serde_json::from_slice(json.as_bytes())
        .map_err(|e| vec![Problem::new(Field::root(), not_json(&e, json))])?;
    plan_from_value(&value)
}

/// A plan file's JSON value to a valid plan (passes 2 to 4 after pass 1).
pub fn plan_from_value(value: &Value) -> Result<Plan, Vec<Problem>> {
    let version = check_format_and_version(value)?;
    let mut problems = Vec::new();
    walk(value, Plan::shape(), &Field::root(), version, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut plan =
        Plan::read(value).ok_or_else(|| vec![Problem::new(Field::root(), Rule::Unreadable)])?;
    // An older file is read as the current version (MODEL.md "Bad input").
    plan.version = VERSION;
    validate(&plan)?;
    Ok(plan)
}

/// A plan as its MODEL.md JSON value: the one place a `Plan` is written
/// (the file export pretty-prints this value, the autosave record embeds it).
pub fn plan_to_value(plan: &Plan) -> Value {
    plan.write()
}

fn not_json(e: &serde_json::Error, text: &str) -> Rule {
    // serde_json appends " at line L column C"; we already say where.
    let full = e.to_string();
    let reason = match full.find(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    };
    let trouble = match e.classify() {
        serde_json::error::Category::Eof => JsonTrouble::EndsEarly,
        serde_json::error::Category::Syntax => {
            JsonTrouble::Unexpected(char_at(text, e.line(), e.column()))
        }
        _ => JsonTrouble::Invalid,
    };
    Rule::NotJson {
        line: e.line(),
        column: e.column(),
        reason,
        trouble,
    }
}

/// The character at a 1-based line and column, as serde_json counts them.
fn char_at(text: &str, line: usize, column: usize) -> Option<char> {
    let row = text.split('\n').nth(line.checked_sub(1)?)?;
    row.chars().nth(column.checked_sub(1)?)
}

/// Pass 1: an object, of our format, of a version this release reads.
/// Returns the file's version.
fn check_format_and_version(value: &Value) -> Result<u32, Vec<Problem>> {
    let refuse =
        |key: &'static str, rule: Rule| Err(vec![Problem::new(Field::root().key(key), rule)]);
    let Some(object) = value.as_object() else {
        return Err(vec![Problem::new(Field::root(), Rule::NotAPlanObject)]);
    };
    match object.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return refuse(
                "format",
                Rule::NotOurFormat {
                    got: Got::of(other),
                },
            )
        }
        None => return refuse("format", Rule::FormatMissing),
    }
    match object.get("version") {
        Some(v) => match v.as_u64() {
            Some(n) if (u64::from(OLDEST_VERSION)..=u64::from(VERSION)).contains(&n) => {
                Ok(n as u32)
            }
            Some(n) if n > u64::from(VERSION) => {
                refuse("version", Rule::NewerVersion { version: n })
            }
            _ => refuse("version", Rule::WrongVersion { got: Got::of(v) }),
        },
        None => refuse("version", Rule::VersionMissing),
    }
}
