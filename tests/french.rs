//! Every codec refusal has a French message (`message_fr`) beside its
//! English `Display`; the model's own messages are covered rule by rule in
//! tests/validation.rs and the hostile links in tests/link.rs.

mod common;

use common::assert_french;
use sunset_planner::codec::file::{self, FileError};
use sunset_planner::codec::link::LinkError;
use sunset_planner::codec::qr::QrError;
use sunset_planner::codec::storage::{self, RecordError};
use sunset_planner::model::{Bilingual, Problem};

fn problems() -> Vec<Problem> {
    vec![
        Problem::new("macro.gdp_base", "must be above 0 (got -5)"),
        Problem::new("revenues[0].buoyancy", "must be between 0 and 5 (got 7.5)"),
    ]
}

#[test]
fn every_link_error_has_french() {
    let errors = [
        LinkError::Empty,
        LinkError::Truncated,
        LinkError::BadCharacter { position: 12, character: '%' },
        LinkError::Corrupt,
        LinkError::TooLarge { limit_bytes: 256 * 1024 },
        LinkError::Newer { version: 9 },
        LinkError::UnknownTag { tag: "x".into() },
        LinkError::Shape { path: String::new(), message: "the packed plan is not readable (oops)".into() },
        LinkError::Shape { path: "meta".into(), message: "expected 7 fields, found 3".into() },
        LinkError::Shape { path: "meta".into(), message: "expected a list of 7 fields".into() },
        LinkError::Shape { path: "donors".into(), message: "expected a list".into() },
        LinkError::Shape { path: "macro.gdp_base".into(), message: "expected a number".into() },
        LinkError::Shape { path: "meta.start_year".into(), message: "99999 is out of range (-10000 to 10000)".into() },
        LinkError::Shape { path: "meta.start_year".into(), message: "expected a whole number".into() },
        LinkError::Shape { path: "shocks[0].at".into(), message: "expected a whole number of years, 0 or more, not -1.5".into() },
        LinkError::Shape { path: "shocks[0].at".into(), message: "expected a whole number of years".into() },
        LinkError::Shape { path: "meta.name".into(), message: "expected text".into() },
        LinkError::Shape { path: "revenues[0].reform".into(), message: "expected 0 or 1".into() },
        LinkError::Shape { path: "macro.overrides.inflation_pct[1]".into(), message: "year 3 is given twice".into() },
        LinkError::Shape { path: "donors[0].kind".into(), message: "expected a donor kind code (\"b\", \"c\" or \"g\")".into() },
        LinkError::Shape { path: "donors[0].currency".into(), message: "expected a currency code (\"L\" or \"U\")".into() },
        LinkError::Shape {
            path: "donors[0].taper".into(),
            message: "expected a taper starting with its shape code (\"n\", \"l\", \"e\", \"s\" or \"g\")".into(),
        },
        LinkError::Shape { path: "criteria[0].op".into(), message: "expected \">=\", \">\", \"<=\" or \"<\"".into() },
        LinkError::Invalid(problems()),
    ];
    for e in &errors {
        assert_french(&e.to_string(), &e.message_fr());
    }
}

#[test]
fn every_file_error_has_french() {
    let errors = [
        FileError::Empty,
        FileError::TooLarge { bytes: 3_000_000 },
        FileError::NotText { at: 4 },
        FileError::Problems(problems()),
        file::import_bytes(b"{ \"format\": ").unwrap_err(),
        file::import_bytes(b"[1, 2]").unwrap_err(),
        file::import_bytes(b"  ").unwrap_err(),
        file::import_bytes(&[0xff, 0xfe]).unwrap_err(),
    ];
    for e in &errors {
        assert_french(&e.to_string(), &e.message_fr());
    }
    let FileError::Problems(p) = FileError::Problems(problems()) else {
        unreachable!()
    };
    assert!(FileError::Problems(p)
        .message_fr()
        .contains("(valeur : 7,5)"));
}

#[test]
fn every_record_error_has_french() {
    let errors = [
        RecordError::TooLarge { bytes: 9_000_000 },
        RecordError::NotJson,
        RecordError::Foreign,
        RecordError::Newer { record: 7 },
        RecordError::Malformed { field: "plan" },
        RecordError::Plan(problems()),
        storage::parse_record("not json").unwrap_err(),
        storage::parse_record("{\"x\": 1}").unwrap_err(),
    ];
    for e in &errors {
        assert_french(&e.to_string(), &e.message_fr());
    }
}

#[test]
fn every_qr_error_has_french() {
    for e in [
        QrError::TooBig {
            chars: 4000,
            max: 2953,
        },
        QrError::Failed("4000".into()),
    ] {
        assert_french(&e.to_string(), &e.message_fr());
    }
}

#[test]
fn french_numbers_take_a_decimal_comma() {
    let p = Problem::new("revenues[0].buoyancy", "must be between 0 and 5 (got 7.5)");
    assert_eq!(
        p.message_fr(),
        "doit être compris entre 0 et 5 (valeur : 7,5)"
    );
    assert_eq!(p.text(false), p.message);
    assert_eq!(
        p.to_string_fr(),
        "revenues[0].buoyancy: doit être compris entre 0 et 5 (valeur : 7,5)"
    );
}
