//! The room summary's pure core: the plans participants send back (share
//! links pasted in any number, or plan files) read and evaluated, the
//! assumptions on which they differ, each result's minimum, median and
//! maximum, and who reaches self-sufficiency first.
//!
//! Not for drawing (components/room_summary.rs) and never for sending
//! anything anywhere: every plan is read and evaluated on this machine.

use std::rc::Rc;

use crate::both;
use crate::codec::{file, link};
use serde_json::Value;

use crate::model::{Field, Node, Plan, Projection, VERSION};
use crate::ui::i18n::Message;
use crate::ui::workshop::value_at;

/// Assumption columns shown at most; more would not fit a projector.
pub const MAX_ASSUMPTIONS: usize = 6;

/// One participant's plan and its projection.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub name: String,
    pub plan: Rc<Plan>,
    pub projection: Rc<Projection>,
}

/// The links in pasted text: each starts with `http://`, `https://`,
/// `#plan=` or `plan=`; a piece that starts with none of them is the rest
/// of the link before it, cut by a line break in an e-mail.
pub fn split_links(text: &str) -> Vec<String> {
    let starts = |s: &str| {
        ["http://", "https://", "#plan=", "plan="]
            .iter()
            .any(|p| s.starts_with(p))
    };
    let mut out: Vec<String> = Vec::new();
    for piece in text.split_whitespace() {
        match out.last_mut() {
            Some(last) if !starts(piece) => last.push_str(piece),
            _ => out.push(piece.to_string()),
        }
    }
    out
}

/// A plan from a link, or why it cannot be read.
pub fn read_link(text: &str) -> Result<Plan, Message> {
    link::decode_link(text).map_err(|e| both!(e))
}

/// The plans in a dropped file: a plan file (JSON), or text holding links.
pub fn read_file(text: &str) -> Vec<Result<Plan, Message>> {
    if text.trim_start().starts_with('{') {
        return vec![file::import_text(text).map_err(|e| both!(e))];
    }
    split_links(text).iter().map(|l| read_link(l)).collect()
}

/// A participant's entry: `plan` (its baseline) evaluated, named after
/// the plan, or "Participant n" when it has no name; a name already in
/// `room` gets a number.
pub fn entry(plan: Plan, room: &[Entry]) -> Result<Entry, Message> {
    let projection = crate::model::evaluate(&plan).map_err(|p| both!(p))?;
    // The same word in English and French.
    let base = match plan.meta.name.trim() {
        "" => format!("Participant {}", room.len() + 1),
        name => name.to_string(),
    };
    let mut name = base.clone();
    let mut k = 2;
    while room.iter().any(|e| e.name == name) {
        name = format!("{base} ({k})");
        k += 1;
    }
    Ok(Entry {
        name,
        plan: Rc::new(plan),
        projection: Rc::new(projection),
    })
}

/// The numeric fields on which the participants' plans differ (from the
/// first one), in plan order, at most `MAX_ASSUMPTIONS`. Scenarios and
/// Monte Carlo spreads are not the plan's assumptions.
pub fn assumptions(room: &[Entry]) -> Vec<Field> {
    let Some(first) = room.first() else {
        return Vec::new();
    };
    let written = |p: &Plan| {
        let mut p = p.clone();
        p.scenarios.clear();
        p.uncertainty = None;
        p.write()
    };
    let a = written(&first.plan);
    let mut differ = Vec::new();
    for e in &room[1..] {
        number_diffs(&a, &written(&e.plan), "", &mut differ);
    }
    // In plan order: every number of the first plan, kept if it differs.
    let mut all = Vec::new();
    number_diffs(&a, &Value::Null, "", &mut all);
    let mut fields: Vec<Field> = Vec::new();
    for text in all.iter().filter(|p| differ.contains(p)) {
        if let Ok(f) = Field::parse(text, Plan::shape(), VERSION) {
            if !fields.contains(&f) && value_at(&first.plan, &f).is_some() {
                fields.push(f);
            }
        }
    }
    fields.truncate(MAX_ASSUMPTIONS);
    fields
}

/// The paths (MODEL.md's text form) of the numbers of `a` that differ in
/// `b`, as their files write them; against `Null`, every number of `a`.
/// Lists of other lengths are skipped.
fn number_diffs(a: &Value, b: &Value, at: &str, out: &mut Vec<String>) {
    let every = b.is_null();
    match (a, b) {
        (Value::Object(x), _) if every || b.is_object() => {
            for (k, va) in x {
                let path = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                match b.get(k) {
                    Some(vb) => number_diffs(va, vb, &path, out),
                    None if every => number_diffs(va, b, &path, out),
                    None => {}
                }
            }
        }
        (Value::Array(x), _) if every || b.as_array().is_some_and(|y| y.len() == x.len()) => {
            for (i, va) in x.iter().enumerate() {
                number_diffs(
                    va,
                    b.get(i).unwrap_or(&Value::Null),
                    &format!("{at}[{i}]"),
                    out,
                );
            }
        }
        (Value::Number(x), _)
            if (every || b.as_f64() != x.as_f64()) && !out.iter().any(|p| p == at) =>
        {
            out.push(at.to_string());
        }
        _ => {}
    }
}

/// The smallest, middle and largest of some figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    pub min: f64,
    /// The middle value; of an even count, the lower of the two middle ones
    /// (so a median year is a year some participant reached).
    pub median: f64,
    pub max: f64,
}

/// The spread of `values`, ignoring NaN; None when nothing is left.
pub fn spread(values: impl IntoIterator<Item = f64>) -> Option<Spread> {
    let mut v: Vec<f64> = values.into_iter().filter(|x| !x.is_nan()).collect();
    v.sort_by(f64::total_cmp);
    Some(Spread {
        min: *v.first()?,
        median: v[(v.len() - 1) / 2],
        max: *v.last()?,
    })
}

/// A year as a figure for `spread`: never is later than any year.
pub fn year_figure(year: Option<i32>) -> f64 {
    year.map_or(f64::INFINITY, f64::from)
}

/// The participants who reach self-sufficiency first (ties share it).
pub fn first_self_sufficient(room: &[Entry]) -> Vec<usize> {
    let first = room
        .iter()
        .filter_map(|e| e.projection.summary.self_sufficiency_year)
        .min();
    match first {
        None => Vec::new(),
        Some(y) => (0..room.len())
            .filter(|&i| room[i].projection.summary.self_sufficiency_year == Some(y))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_cut_by_line_breaks_are_joined() {
        let t = "https://x/#plan=2.AB\nCD  #plan=2.EF\n\nplan=2.GH https://y/#plan=2.IJ";
        assert_eq!(
            split_links(t),
            vec![
                "https://x/#plan=2.ABCD",
                "#plan=2.EF",
                "plan=2.GH",
                "https://y/#plan=2.IJ"
            ]
        );
        assert!(split_links("  \n ").is_empty());
    }

    #[test]
    fn spreads_take_the_lower_middle_and_skip_nan() {
        let s = spread([4.0, 1.0, f64::NAN, 3.0, 2.0]).unwrap();
        assert_eq!((s.min, s.median, s.max), (1.0, 2.0, 4.0));
        let s = spread([2030.0, f64::INFINITY, 2028.0]).unwrap();
        assert_eq!((s.min, s.median, s.max), (2028.0, 2030.0, f64::INFINITY));
        assert_eq!(spread([f64::NAN]), None);
    }
}
