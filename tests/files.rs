//! Plan files and autosave records: exact round trips of the MODEL.md
//! example and of generated plans.

mod common;

use common::arb::arb_plan;
use common::example_plan;
use proptest::prelude::*;
use sunset_planner::codec::file::{export_json, import_text};
use sunset_planner::codec::storage::{parse_record, record_json, Record};

#[test]
fn example_file_round_trips() {
    let plan = example_plan();
    assert_eq!(import_text(&export_json(&plan)), Ok(plan));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn any_plan_survives_a_file(plan in arb_plan()) {
        prop_assert_eq!(import_text(&export_json(&plan)), Ok(plan));
    }

    #[test]
    fn any_plan_survives_a_record(plan in arb_plan(), tab in "[a-z]{0,8}", at in 0u64..(1 << 53)) {
        let record = Record { saved_at_ms: at, tab, plan };
        prop_assert_eq!(parse_record(&record_json(&record)), Ok(record));
    }

    #[test]
    fn any_text_is_refused_or_read_without_panic(s in "\\PC{0,200}") {
        let _ = import_text(&s);
        let _ = parse_record(&s);
    }
}
