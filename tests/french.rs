//! Every codec refusal and every model rule has a French message (`Text::fr`)
//! beside its English; the model's own messages are covered rule by rule in
//! tests/validation.rs and the hostile links in tests/link.rs.

mod common;

use common::assert_french;
use sunset_planner::codec::file::{self, FileError};
use sunset_planner::codec::link::{LinkError, Packed};
use sunset_planner::codec::qr::QrError;
use sunset_planner::codec::storage::{self, RecordError};
use sunset_planner::model::problem::{Got, JsonTrouble, Want};
use sunset_planner::model::{root, At, DonorKind, Field, Problem, Rule, Text};

fn problems() -> Vec<Problem> {
    vec![
        Problem::new(
            root().macro_path().gdp_base(),
            Rule::NotPositive { got: -5.0 },
        ),
        Problem::new(
            root().revenues().at(0).buoyancy(),
            Rule::Between {
                lo: 0.0,
                hi: 5.0,
                got: 7.5,
            },
        ),
    ]
}

#[test]
fn every_link_error_has_french() {
    let errors = [
        LinkError::Empty,
        LinkError::Truncated,
        LinkError::BadCharacter {
            position: 12,
            character: '%',
        },
        LinkError::Corrupt,
        LinkError::TooLarge {
            limit_bytes: 256 * 1024,
        },
        LinkError::Newer { version: 9 },
        LinkError::UnknownTag { tag: "x".into() },
        LinkError::Shape {
            path: String::new(),
            problem: Packed::Unreadable {
                reason: "oops".into(),
            },
        },
        LinkError::Shape {
            path: "meta".into(),
            problem: Packed::FieldCount { want: 7, found: 3 },
        },
        LinkError::Shape {
            path: "meta".into(),
            problem: Packed::Fields { want: 7 },
        },
        LinkError::Shape {
            path: "donors".into(),
            problem: Packed::List,
        },
        LinkError::Shape {
            path: "macro.gdp_base".into(),
            problem: Packed::Number,
        },
        LinkError::Shape {
            path: "meta.start_year".into(),
            problem: Packed::OutOfRange {
                x: 99999.0,
                min: -10000.0,
                max: 10000.0,
            },
        },
        LinkError::Shape {
            path: "meta.start_year".into(),
            problem: Packed::Whole,
        },
        LinkError::Shape {
            path: "shocks[0].at".into(),
            problem: Packed::NotYears { x: -1.5 },
        },
        LinkError::Shape {
            path: "shocks[0].at".into(),
            problem: Packed::Years,
        },
        LinkError::Shape {
            path: "meta.name".into(),
            problem: Packed::Text,
        },
        LinkError::Shape {
            path: "revenues[0].reform".into(),
            problem: Packed::Flag,
        },
        LinkError::Shape {
            path: "macro.overrides.inflation_pct[1]".into(),
            problem: Packed::YearTwice { t: 3 },
        },
        LinkError::Shape {
            path: "donors[0].kind".into(),
            problem: Packed::KindCode,
        },
        LinkError::Shape {
            path: "donors[0].currency".into(),
            problem: Packed::CurrencyCode,
        },
        LinkError::Shape {
            path: "donors[0].taper".into(),
            problem: Packed::TaperCode,
        },
        LinkError::Shape {
            path: "criteria[0].op".into(),
            problem: Packed::OpCode,
        },
        LinkError::Invalid(problems()),
    ];
    for e in &errors {
        assert_french(&e.to_string(), &e.fr());
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
        assert_french(&e.to_string(), &e.fr());
    }
    let FileError::Problems(p) = FileError::Problems(problems()) else {
        unreachable!()
    };
    assert!(FileError::Problems(p).fr().contains("(valeur : 7,5)"));
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
        assert_french(&e.to_string(), &e.fr());
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
        assert_french(&e.to_string(), &e.fr());
    }
}

#[test]
fn french_numbers_take_a_decimal_comma() {
    let p = Problem::new(
        root().revenues().at(0).buoyancy(),
        Rule::Between {
            lo: 0.0,
            hi: 5.0,
            got: 7.5,
        },
    );
    assert_eq!(p.rule.fr(), "doit être compris entre 0 et 5 (valeur : 7,5)");
    assert_eq!(p.message(), "must be between 0 and 5 (got 7.5)");
    assert_eq!(
        p.fr(),
        "revenues[0].buoyancy: doit être compris entre 0 et 5 (valeur : 7,5)"
    );
}

/// One rule of every kind. The match below names every variant, so a new
/// rule fails to compile here until it is added to the list.
fn every_rule() -> Vec<Rule> {
    let first = root().revenues().at(0).field().clone();
    let all = vec![
        Rule::NotJson {
            line: 1,
            column: 2,
            reason: "expected value".into(),
            trouble: JsonTrouble::Unexpected(Some('x')),
        },
        Rule::NotJson {
            line: 1,
            column: 2,
            reason: "EOF while parsing a value".into(),
            trouble: JsonTrouble::EndsEarly,
        },
        Rule::NotJson {
            line: 1,
            column: 2,
            reason: "number out of range".into(),
            trouble: JsonTrouble::Invalid,
        },
        Rule::NotAPlanObject,
        Rule::FormatMissing,
        Rule::NotOurFormat {
            got: Got::Text("x".into()),
        },
        Rule::WrongFormat { got: "x".into() },
        Rule::VersionMissing,
        Rule::WrongVersion {
            got: Got::Number("0".into()),
        },
        Rule::NewerVersion { version: 9 },
        Rule::WrongType {
            want: Want::Number,
            got: Got::List,
        },
        Rule::WrongType {
            want: Want::Whole,
            got: Got::Number("1.5".into()),
        },
        Rule::WrongType {
            want: Want::CalendarYear,
            got: Got::Null,
        },
        Rule::WrongType {
            want: Want::Text,
            got: Got::Bool(true),
        },
        Rule::WrongType {
            want: Want::Bool,
            got: Got::Object,
        },
        Rule::WrongType {
            want: Want::OneOf(&["a", "b"]),
            got: Got::Text("c".into()),
        },
        Rule::WrongType {
            want: Want::List,
            got: Got::Object,
        },
        Rule::WrongType {
            want: Want::YearMap,
            got: Got::List,
        },
        Rule::WrongType {
            want: Want::Pairs,
            got: Got::Object,
        },
        Rule::WrongType {
            want: Want::Object,
            got: Got::List,
        },
        Rule::WrongType {
            want: Want::Tagged,
            got: Got::List,
        },
        Rule::YearKey,
        Rule::NotAPair,
        Rule::Required,
        Rule::TagRequired {
            options: &["none", "linear"],
        },
        Rule::UnknownField {
            nearest: Some("buoyancy"),
            fields: vec![],
        },
        Rule::UnknownField {
            nearest: None,
            fields: vec!["name", "base"],
        },
        Rule::Unreadable,
        Rule::NotFinite,
        Rule::Between {
            lo: 0.0,
            hi: 100.0,
            got: 101.5,
        },
        Rule::AboveAtMost {
            lo: -100.0,
            hi: 1000.0,
            got: -100.0,
        },
        Rule::Negative { got: -1.0 },
        Rule::NotPositive { got: 0.0 },
        Rule::StartYear { got: 1800 },
        Rule::Horizon { got: 61 },
        Rule::Empty,
        Rule::NameTaken {
            name: "Tax".into(),
            first: first.clone(),
        },
        Rule::NameOfCostLine {
            name: "Health".into(),
            cost: root().costs().at(2).field().clone(),
        },
        Rule::UnknownTarget {
            target: "Nothing".into(),
        },
        Rule::UnusedByKind {
            kind: DonorKind::Cofinancing,
            field: "base",
        },
        Rule::UnusedByKind {
            kind: DonorKind::BudgetSupport,
            field: "target",
        },
        Rule::RequiredForKind {
            kind: DonorKind::GapFilling,
        },
        Rule::EndNotAfterStart { start: 2 },
        Rule::NotAscending { t: 2, prev: 3 },
        Rule::AtLeastOneYear,
        Rule::AtLeastOne,
        Rule::NotAMetric {
            metric: "speed".into(),
        },
        Rule::CriterionNameEmpty,
        Rule::CriterionKeyTaken {
            key: "x".into(),
            first,
        },
        Rule::Overflow {
            year: 2030,
            figure: "gdp",
        },
        Rule::Overflow {
            year: 2030,
            figure: "price_index",
        },
        Rule::Overflow {
            year: 2030,
            figure: "population",
        },
        Rule::Overflow {
            year: 2030,
            figure: "fx",
        },
        Rule::Overflow {
            year: 2030,
            figure: "local_revenue",
        },
        Rule::Overflow {
            year: 2030,
            figure: "need",
        },
        Rule::Overflow {
            year: 2030,
            figure: "donor_funding",
        },
        Rule::Overflow {
            year: 2030,
            figure: "reserve",
        },
        Rule::TotalsOverflow {
            year: 2031,
            total: "cumulative_gap",
        },
        Rule::NotAPlanPath { syntax: true },
        Rule::NotAPlanPath { syntax: false },
        Rule::NoteTooLong { chars: 501 },
        Rule::TooManyScenarios { count: 13 },
        Rule::BaselineName,
        Rule::Unchangeable,
        Rule::Overlaps {
            other: root().donors().at(0).taper().field().clone(),
        },
        Rule::NoSuchItem,
        Rule::NotAContainer,
        Rule::WrongType {
            want: Want::Seed,
            got: Got::Number("-1".into()),
        },
    ];
    for rule in &all {
        match rule {
            Rule::NotJson { .. }
            | Rule::NotAPlanObject
            | Rule::FormatMissing
            | Rule::NotOurFormat { .. }
            | Rule::WrongFormat { .. }
            | Rule::VersionMissing
            | Rule::WrongVersion { .. }
            | Rule::NewerVersion { .. }
            | Rule::WrongType { .. }
            | Rule::YearKey
            | Rule::NotAPair
            | Rule::Required
            | Rule::TagRequired { .. }
            | Rule::UnknownField { .. }
            | Rule::Unreadable
            | Rule::NotFinite
            | Rule::Between { .. }
            | Rule::AboveAtMost { .. }
            | Rule::Negative { .. }
            | Rule::NotPositive { .. }
            | Rule::StartYear { .. }
            | Rule::Horizon { .. }
            | Rule::Empty
            | Rule::NameTaken { .. }
            | Rule::NameOfCostLine { .. }
            | Rule::UnknownTarget { .. }
            | Rule::UnusedByKind { .. }
            | Rule::RequiredForKind { .. }
            | Rule::EndNotAfterStart { .. }
            | Rule::NotAscending { .. }
            | Rule::AtLeastOneYear
            | Rule::AtLeastOne
            | Rule::NotAMetric { .. }
            | Rule::CriterionNameEmpty
            | Rule::CriterionKeyTaken { .. }
            | Rule::Overflow { .. }
            | Rule::TotalsOverflow { .. }
            | Rule::NotAPlanPath { .. }
            | Rule::NoteTooLong { .. }
            | Rule::TooManyScenarios { .. }
            | Rule::BaselineName
            | Rule::Unchangeable
            | Rule::Overlaps { .. }
            | Rule::NoSuchItem
            | Rule::NotAContainer => {}
        }
    }
    all
}

#[test]
fn every_rule_has_french() {
    for rule in every_rule() {
        assert_french(&rule.en(), &rule.fr());
    }
    let p = Problem::new(Field::root(), Rule::Required);
    assert_eq!(p.to_string(), "plan: is required");
}

/// What was found is written the French way inside the French message:
/// a decimal comma, and the wanted kind in French.
#[test]
fn a_wrong_type_says_in_french_what_was_found() {
    let rule = Rule::WrongType {
        want: Want::Number,
        got: Got::Number("1.5".into()),
    };
    assert_eq!(rule.fr(), "doit être un nombre (valeur : 1,5)");
    assert_eq!(rule.en(), "must be a number (got 1.5)");
    let rule = Rule::WrongType {
        want: Want::Text,
        got: Got::Text("abc".into()),
    };
    assert_eq!(
        rule.fr(),
        "doit être un texte entre guillemets (valeur : \"abc\")"
    );
}

/// A rule about a kind of donor names that kind in French.
#[test]
fn a_donor_kind_is_named_in_french() {
    let rule = Rule::RequiredForKind {
        kind: DonorKind::Cofinancing,
    };
    assert_eq!(
        rule.fr(),
        "est obligatoire pour un bailleur de cofinancement"
    );
}

/// The app and the CLI reach a rule's words through `Text`, as they do an
/// error's: the same words as the rule's own.
#[test]
fn a_rule_speaks_through_text_in_both_languages() {
    use sunset_planner::model::Lang;
    let rule = Rule::RequiredForKind {
        kind: DonorKind::GapFilling,
    };
    assert_eq!(
        Text::text(&rule, Lang::Fr),
        "est obligatoire pour un bailleur de financement du déficit"
    );
    assert_eq!(
        Text::text(&rule, Lang::En),
        "is required for a gap_filling donor"
    );
}
