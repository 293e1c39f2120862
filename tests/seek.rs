//! MODEL.md "Goal seek": every answer, applied to the plan by hand here,
//! meets its goal, and the next grid step past it does not; an answer
//! "not reachable" means the best end of the range fails too. Over the
//! default plan, the MODEL.md example and the edge-case golden plan, for
//! every item each question can be asked about.

mod common;

use common::example_plan;
use sunset_planner::model::seek::last_calendar_year;
use sunset_planner::model::*;

fn golden_plan(name: &str) -> Plan {
    let path = format!(
        "{}/tests/golden/{name}.plan.json",
        env!("CARGO_MANIFEST_DIR")
    );
    parse_plan(&std::fs::read_to_string(path).expect("a golden plan")).expect("valid")
}

fn plans() -> Vec<Plan> {
    vec![default_plan(), example_plan(), golden_plan("edge")]
}

fn no_gap(plan: &Plan) -> bool {
    evaluate(plan).is_ok_and(|p| p.summary.cumulative_gap == 0.0)
}

fn self_sufficient_by(plan: &Plan, by: i32) -> bool {
    evaluate(plan).is_ok_and(|p| p.summary.self_sufficiency_year.is_some_and(|y| y <= by))
}

/// The plan with stream i's reform gain set as MODEL.md says ({1, 8} for
/// a stream without a reform).
fn with_reform(plan: &Plan, i: usize, gain: f64) -> Plan {
    let mut p = plan.clone();
    let reform = p.revenues[i].reform.get_or_insert(Reform {
        start: 1,
        years: 8,
        gain_pct_gdp_per_year: 0.0,
    });
    reform.gain_pct_gdp_per_year = gain;
    p
}

fn with_linear_end(plan: &Plan, i: usize, end: u32) -> Plan {
    let mut p = plan.clone();
    let start = match p.donors[i].taper {
        Some(Taper::Linear { start, .. } | Taper::Exponential { start, .. }) => start,
        _ => 0,
    };
    p.donors[i].taper = Some(Taper::Linear { start, end });
    p
}

fn with_coverage(plan: &Plan, i: usize, to_pct: f64) -> Plan {
    let mut p = plan.clone();
    let ramp = p.programmes[i].coverage.get_or_insert(Ramp {
        from_pct: 100.0,
        to_pct: 100.0,
        start: 0,
        years: 0,
    });
    ramp.to_pct = to_pct;
    p
}

fn with_base(plan: &Plan, i: usize, base: f64) -> Plan {
    let mut p = plan.clone();
    p.donors[i].base = Some(base);
    p
}

fn ask(plan: &Plan, q: Question, item: &str) -> SeekAnswer {
    let a = seek(plan, q, item).unwrap_or_else(|e| panic!("{item}: {e}"));
    assert_eq!(a.reachable, a.value.is_some());
    assert_eq!(a.item, item);
    a
}

#[test]
fn reform_answers_are_the_smallest_gain_that_works() {
    let mut interior = 0;
    for plan in plans() {
        let last = last_calendar_year(&plan);
        for by in [last, last - 5, plan.meta.start_year] {
            for (i, stream) in plan.revenues.iter().enumerate() {
                let a = ask(&plan, Question::Reform { by }, &stream.name);
                assert_eq!(
                    a.field,
                    format!("revenues[{i}].reform.gain_pct_gdp_per_year")
                );
                let holds =
                    |j: u32| self_sufficient_by(&with_reform(&plan, i, f64::from(j) / 1000.0), by);
                match a.value {
                    Some(v) => {
                        let j = (v * 1000.0).round() as u32;
                        assert_eq!(f64::from(j) / 1000.0, v, "on the 0.001 grid");
                        assert!(holds(j), "{}: {v} must work by {by}", stream.name);
                        if j > 0 {
                            interior += 1;
                            assert!(!holds(j - 1), "{}: {v} - 0.001 must not", stream.name);
                        }
                    }
                    None => assert!(!holds(5000), "{}: 5 % of GDP fails", stream.name),
                }
            }
        }
    }
    assert!(interior >= 3, "only {interior} answers inside the range");
}

#[test]
fn taper_answers_are_the_earliest_end_that_leaves_no_gap() {
    let mut interior = 0;
    for plan in plans() {
        let last = plan.meta.horizon_years - 1;
        for (i, donor) in plan.donors.iter().enumerate() {
            if donor.kind == DonorKind::Cofinancing {
                continue;
            }
            let a = ask(&plan, Question::Taper, &donor.name);
            assert_eq!(a.field, format!("donors[{i}].taper.end"));
            let holds = |end: u32| no_gap(&with_linear_end(&plan, i, end));
            match a.value {
                Some(v) => {
                    let end = v as u32;
                    assert_eq!(f64::from(end), v);
                    assert_eq!(a.calendar_year, Some(plan.meta.start_year + end as i32));
                    assert!(end <= last);
                    assert!(holds(end), "{}: end {end} must leave no gap", donor.name);
                    let start = match donor.taper {
                        Some(Taper::Linear { start, .. } | Taper::Exponential { start, .. }) => {
                            start
                        }
                        _ => 0,
                    };
                    if end > start + 1 {
                        interior += 1;
                        assert!(!holds(end - 1), "{}: end {} must not", donor.name, end - 1);
                    }
                }
                None => {
                    assert_eq!(a.calendar_year, None);
                    assert!(!holds(last), "{}: the latest end fails", donor.name);
                }
            }
        }
    }
    assert!(interior >= 3, "only {interior} answers inside the range");
}

#[test]
fn coverage_answers_are_the_largest_that_leaves_no_gap() {
    let mut interior = 0;
    for plan in plans() {
        for (i, programme) in plan.programmes.iter().enumerate() {
            let a = ask(&plan, Question::Coverage, &programme.name);
            assert_eq!(a.field, format!("programmes[{i}].coverage.to_pct"));
            let holds = |j: u32| no_gap(&with_coverage(&plan, i, f64::from(j) / 100.0));
            match a.value {
                Some(v) => {
                    let j = (v * 100.0).round() as u32;
                    assert_eq!(f64::from(j) / 100.0, v, "on the 0.01 grid");
                    assert!(holds(j), "{}: {v} % must leave no gap", programme.name);
                    if j < 10_000 {
                        interior += 1;
                        assert!(!holds(j + 1), "{}: {v} + 0.01 must not", programme.name);
                    }
                }
                None => assert!(!holds(0), "{}: no coverage still has a gap", programme.name),
            }
        }
    }
    assert!(interior >= 1, "no answer inside the range");
}

#[test]
fn pledge_answers_are_the_smallest_base_that_leaves_no_gap() {
    let mut interior = 0;
    for plan in plans() {
        let first_need = evaluate(&plan).expect("evaluates").years[0].need;
        for (i, donor) in plan.donors.iter().enumerate() {
            if donor.kind == DonorKind::Cofinancing {
                continue;
            }
            let a = ask(&plan, Question::Pledge, &donor.name);
            assert_eq!(a.field, format!("donors[{i}].base"));
            let current = donor.base.unwrap_or(0.0);
            let b = if current > 0.0 { current } else { first_need };
            let at = |j: u32| b * (f64::from(j) / 1000.0);
            let holds = |j: u32| no_gap(&with_base(&plan, i, at(j)));
            match a.value {
                Some(v) => {
                    let j = (v / b * 1000.0).round() as u32;
                    assert_eq!(at(j), v, "a multiple of b/1000");
                    assert!(holds(j), "{}: {v} must leave no gap", donor.name);
                    if j > 0 {
                        interior += 1;
                        assert!(!holds(j - 1), "{}: one step less must not", donor.name);
                    }
                }
                None => assert!(!holds(1_000_000), "{}: 1,000 b still has a gap", donor.name),
            }
        }
    }
    assert!(interior >= 3, "only {interior} answers inside the range");
    // A donor pledging nothing yet is sized against the first year's need.
    let mut plan = default_plan();
    plan.donors[0].base = Some(0.0);
    let first_need = evaluate(&plan).expect("evaluates").years[0].need;
    let v = ask(&plan, Question::Pledge, &plan.donors[0].name.clone())
        .value
        .expect("reachable from nothing");
    assert!(v > 0.0 && no_gap(&with_base(&plan, 0, v)));
    let j = (v / first_need * 1000.0).round();
    assert_eq!(
        first_need * (j / 1000.0),
        v,
        "a multiple of the first need / 1000"
    );
}

#[test]
fn questions_about_a_missing_or_unsuitable_item_are_refused() {
    let plan = example_plan();
    let e = seek(&plan, Question::Pledge, "Child grant co-financing").expect_err("co-financing");
    assert!(matches!(
        e,
        SeekError::WrongDonorKind {
            kind: DonorKind::Cofinancing,
            ..
        }
    ));
    assert_eq!(
        e.to_string(),
        "the pledge question: \"Child grant co-financing\" is a co-financing donor; \
         choose a budget-support or gap-filling donor"
    );
    let e = seek(&plan, Question::Taper, "Child grant co-financing").expect_err("co-financing");
    assert!(matches!(e, SeekError::WrongDonorKind { .. }));
    // A programme's name is not a donor's, nor a revenue stream's.
    let e = seek(&plan, Question::Reform { by: 2040 }, "Child grant").expect_err("not a stream");
    assert_eq!(
        e.to_string(),
        "the reform question: no revenue stream named \"Child grant\"; the plan has \
         \"Taxes on goods and services\", \"Income taxes\", \"Trade taxes\", \"Non-tax revenue\""
    );
    let mut empty = plan.clone();
    empty.programmes.clear();
    empty.donors.retain(|d| d.kind != DonorKind::Cofinancing);
    let e = seek(&empty, Question::Coverage, "Child grant").expect_err("no programmes");
    assert_eq!(
        e.to_string(),
        "the coverage question: no programme named \"Child grant\"; the plan has none"
    );
}

#[test]
fn the_answer_json_has_model_md_shape() {
    let plan = example_plan();
    let taper = seek_answer_to_json(&ask(&plan, Question::Taper, "Budget support"));
    let keys: Vec<&str> = taper
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "question",
            "item",
            "field",
            "reachable",
            "value",
            "calendar_year"
        ]
    );
    assert!(taper["value"].is_u64(), "a plan year is written whole");
    let pledge = seek_answer_to_json(&ask(&plan, Question::Pledge, "Sunset facility"));
    assert_eq!(pledge.as_object().map(|o| o.len()), Some(5));
    assert_eq!(pledge["question"], "pledge");
    assert_eq!(pledge["reachable"], true);
}

/// `with_answer` puts each reachable answer into the plan exactly as the
/// hand-written helpers above do (so applying an answer in the app gives
/// the plan that was checked), and gives nothing for "not reachable" or an
/// item the plan no longer has.
#[test]
fn with_answer_puts_the_answer_where_the_question_changed_it() {
    let mut applied = 0;
    for plan in plans() {
        let by = last_calendar_year(&plan);
        let mut asked: Vec<(SeekAnswer, Plan)> = Vec::new();
        for (i, s) in plan.revenues.iter().enumerate() {
            let a = ask(&plan, Question::Reform { by }, &s.name);
            let by_hand = a.value.map(|v| with_reform(&plan, i, v));
            asked.extend(by_hand.map(|p| (a, p)));
        }
        for (i, p) in plan.programmes.iter().enumerate() {
            let a = ask(&plan, Question::Coverage, &p.name);
            let by_hand = a.value.map(|v| with_coverage(&plan, i, v));
            asked.extend(by_hand.map(|p| (a, p)));
        }
        for (i, d) in plan.donors.iter().enumerate() {
            if d.kind == DonorKind::Cofinancing {
                continue;
            }
            let a = ask(&plan, Question::Taper, &d.name);
            let by_hand = a.value.map(|v| with_linear_end(&plan, i, v as u32));
            asked.extend(by_hand.map(|p| (a, p)));
            let a = ask(&plan, Question::Pledge, &d.name);
            let by_hand = a.value.map(|v| with_base(&plan, i, v));
            asked.extend(by_hand.map(|p| (a, p)));
        }
        for (a, by_hand) in asked {
            let got = seek::with_answer(&plan, &a).expect("a reachable answer applies");
            assert_eq!(got, by_hand, "{} about {}", a.question.name(), a.item);
            let mut gone = a.clone();
            gone.item = "no such item".into();
            assert_eq!(seek::with_answer(&plan, &gone), None);
            let mut unreachable = a;
            unreachable.value = None;
            assert_eq!(seek::with_answer(&plan, &unreachable), None);
            applied += 1;
        }
    }
    assert!(applied >= 8, "only {applied} answers applied");
}
