//! MODEL.md "Bad input": one test per rule, each asserting the path (and
//! the gist of the message) of the problem reported, starting from the
//! MODEL.md example plan with one thing broken.

mod common;

use serde_json::{json, Value};
use sunset_planner::model::*;

const EXAMPLE: &str = include_str!("../plans/example.json");

fn example() -> Value {
    serde_json::from_str(EXAMPLE).expect("the example is JSON")
}

/// The problems of the example with `edit` applied; the plan must be refused.
fn problems(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut v = example();
    edit(&mut v);
    match parse_plan(&v.to_string()) {
        Ok(_) => panic!("the broken plan was accepted"),
        Err(problems) => {
            for p in &problems {
                common::assert_french(&p.message(), &p.rule.fr());
            }
            problems
        }
    }
}

/// Sets the value at a JSON pointer such as `/donors/0/base`.
fn set(pointer: &str, value: Value) -> impl FnOnce(&mut Value) + '_ {
    move |v| {
        let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
        let parent = if parent.is_empty() {
            &mut *v
        } else {
            v.pointer_mut(parent).expect("the parent exists")
        };
        match parent {
            Value::Object(o) => {
                o.insert(key.to_string(), value);
            }
            Value::Array(a) => a[key.parse::<usize>().expect("an index")] = value,
            _ => panic!("{pointer} is not in an object or list"),
        }
    }
}

fn remove(pointer: &str) -> impl FnOnce(&mut Value) + '_ {
    move |v| {
        let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
        let parent = if parent.is_empty() {
            &mut *v
        } else {
            v.pointer_mut(parent).expect("the parent exists")
        };
        parent.as_object_mut().expect("an object").remove(key);
    }
}

#[track_caller]
fn assert_problem(problems: &[Problem], path: &str, message_part: &str) {
    for p in problems {
        common::assert_french(&p.message(), &p.rule.fr());
    }
    assert!(
        problems
            .iter()
            .any(|p| p.path.to_string() == path && p.message().contains(message_part)),
        "no problem at {path} containing {message_part:?} in {problems:#?}"
    );
}

#[test]
fn the_example_is_valid() {
    let plan = parse_plan(EXAMPLE).expect("the MODEL.md example is valid");
    assert_eq!(plan.donors.len(), 3);
}

#[test]
fn non_finite_numbers_are_refused() {
    let mut plan = parse_plan(EXAMPLE).expect("valid");
    plan.macro_path.gdp_base = f64::NAN;
    plan.revenues[0].buoyancy = f64::INFINITY;
    let p = validate(&plan).unwrap_err();
    assert_problem(&p, "macro.gdp_base", "finite");
    assert_problem(&p, "revenues[0].buoyancy", "finite");
}

#[test]
fn numbers_too_large_for_json_are_refused() {
    // JSON cannot say infinity; a number too large for f64 is refused as not valid JSON.
    let text = EXAMPLE.replace("\"gdp_base\": 6.0e11", "\"gdp_base\": 1e999");
    let p = parse_plan(&text).unwrap_err();
    assert_problem(&p, "plan", "not valid JSON");
}

#[test]
fn negative_money_is_refused() {
    for (pointer, path) in [
        ("/revenues/0/base", "revenues[0].base"),
        ("/costs/1/base", "costs[1].base"),
        ("/programmes/0/benefit_base", "programmes[0].benefit_base"),
        ("/donors/0/base", "donors[0].base"),
        ("/reserve/opening", "reserve.opening"),
        ("/reserve/target_months", "reserve.target_months"),
        (
            "/reengagement/reserve_floor_months",
            "reengagement.reserve_floor_months",
        ),
    ] {
        assert_problem(
            &problems(set(pointer, json!(-1))),
            path,
            "must not be negative (got -1)",
        );
    }
}

#[test]
fn shares_outside_0_to_100_are_refused() {
    for (pointer, path, bad) in [
        (
            "/costs/0/handover/from_pct",
            "costs[0].handover.from_pct",
            120.0,
        ),
        ("/costs/0/handover/to_pct", "costs[0].handover.to_pct", -1.0),
        (
            "/programmes/0/coverage/from_pct",
            "programmes[0].coverage.from_pct",
            101.0,
        ),
        (
            "/programmes/1/coverage/to_pct",
            "programmes[1].coverage.to_pct",
            100.5,
        ),
        (
            "/programmes/0/eligible_share_pct",
            "programmes[0].eligible_share_pct",
            101.0,
        ),
        ("/programmes/0/admin_pct", "programmes[0].admin_pct", -3.0),
        (
            "/donors/0/fulfilment_pct",
            "donors[0].fulfilment_pct",
            150.0,
        ),
        (
            "/donors/1/initial_country_share_pct",
            "donors[1].initial_country_share_pct",
            120.0,
        ),
        ("/donors/1/step_pp", "donors[1].step_pp", -5.0),
        (
            "/donors/2/taper/rate_pct",
            "donors[2].taper.rate_pct",
            120.0,
        ),
        (
            "/reengagement/trigger_pct",
            "reengagement.trigger_pct",
            150.0,
        ),
    ] {
        let got = Value::from(bad);
        assert_problem(
            &problems(set(pointer, got)),
            path,
            &format!("must be between 0 and 100 (got {bad})"),
        );
    }
    let p = problems(set(
        "/donors/0/taper",
        json!({"shape": "steps", "points": [[1, 50], [2, 130]]}),
    ));
    assert_problem(
        &p,
        "donors[0].taper.points[1].pct",
        "between 0 and 100 (got 130)",
    );
}

#[test]
fn rates_at_or_below_minus_100_or_above_1000_are_refused() {
    for (pointer, path, bad) in [
        ("/macro/real_growth_pct", "macro.real_growth_pct", -100.0),
        ("/macro/inflation_pct", "macro.inflation_pct", 1001.0),
        (
            "/macro/population_growth_pct",
            "macro.population_growth_pct",
            -120.0,
        ),
        (
            "/macro/foreign_inflation_pct",
            "macro.foreign_inflation_pct",
            2000.0,
        ),
        (
            "/macro/real_depreciation_pct",
            "macro.real_depreciation_pct",
            -100.0,
        ),
        (
            "/macro/overrides/real_growth_pct/3",
            "macro.overrides.real_growth_pct.3",
            -100.0,
        ),
        (
            "/costs/0/real_growth_pct",
            "costs[0].real_growth_pct",
            1500.0,
        ),
        ("/reserve/interest_pct", "reserve.interest_pct", -100.0),
        ("/meta/discount_rate_pct", "meta.discount_rate_pct", -101.0),
        ("/shocks/0/revenue_pct", "shocks[0].revenue_pct", -100.0),
        ("/shocks/0/cost_pct", "shocks[0].cost_pct", 1000.5),
    ] {
        let p = problems(set(pointer, Value::from(bad)));
        assert_problem(
            &p,
            path,
            &format!("must be above -100 and at most 1000 (got {bad})"),
        );
    }
    // The bounds themselves: 1000 is allowed, -99.9 is allowed.
    let mut v = example();
    set("/macro/inflation_pct", json!(1000))(&mut v);
    set("/shocks/0/donor_pct", json!(-99.9))(&mut v);
    assert!(parse_plan(&v.to_string()).is_ok());
}

#[test]
fn buoyancy_outside_0_to_5_is_refused() {
    let p = problems(set("/revenues/0/buoyancy", json!(7)));
    assert!(
        p.iter()
            .any(|p| p.to_string() == "revenues[0].buoyancy: must be between 0 and 5 (got 7)"),
        "{p:?}"
    );
    assert_problem(
        &problems(set("/revenues/2/buoyancy", json!(-0.5))),
        "revenues[2].buoyancy",
        "(got -0.5)",
    );
}

#[test]
fn bases_that_must_be_above_0() {
    assert_problem(
        &problems(set("/macro/gdp_base", json!(0))),
        "macro.gdp_base",
        "must be above 0",
    );
    assert_problem(
        &problems(set("/macro/fx_base", json!(-150))),
        "macro.fx_base",
        "must be above 0 (got -150)",
    );
    assert_problem(
        &problems(set("/macro/population_base", json!(0))),
        "macro.population_base",
        "must be above 0",
    );
}

#[test]
fn horizon_outside_1_to_60_is_refused() {
    assert_problem(
        &problems(set("/meta/horizon_years", json!(0))),
        "meta.horizon_years",
        "between 1 and 60",
    );
    assert_problem(
        &problems(set("/meta/horizon_years", json!(61))),
        "meta.horizon_years",
        "(got 61)",
    );
}

#[test]
fn time_points_negative_or_not_whole_are_refused() {
    let whole = "must be a whole number of plan years (0, 1, 2 …)";
    assert_problem(
        &problems(set("/shocks/0/at", json!(-1))),
        "shocks[0].at",
        whole,
    );
    assert_problem(
        &problems(set("/revenues/0/reform/start", json!(1.5))),
        "revenues[0].reform.start",
        whole,
    );
    assert_problem(
        &problems(set("/donors/0/taper/end", json!(9.5))),
        "donors[0].taper.end",
        whole,
    );
    assert_problem(
        &problems(set("/donors/1/start", json!(-2))),
        "donors[1].start",
        whole,
    );
    assert_problem(
        &problems(set("/costs/0/handover/start", json!("2"))),
        "costs[0].handover.start",
        whole,
    );
    let p = problems(set(
        "/donors/0/taper",
        json!({"shape": "steps", "points": [[0.5, 50]]}),
    ));
    // The point's plan year is `points[0]`, its percentage `points[0].pct`
    // (as validate and the editor name them).
    assert_problem(&p, "donors[0].taper.points[0]", "(got 0.5)");
    let p = problems(set(
        "/donors/0/taper",
        json!({"shape": "steps", "points": [[1, "half"]]}),
    ));
    assert_problem(&p, "donors[0].taper.points[0].pct", "must be a number");
    let p = problems(set("/macro/overrides/inflation_pct", json!({"-1": 3})));
    assert_problem(
        &p,
        "macro.overrides.inflation_pct.-1",
        "plan year written as a whole number",
    );
    assert_problem(
        &problems(set("/shocks/0/years", json!(1.5))),
        "shocks[0].years",
        "whole number",
    );
}

#[test]
fn whole_valued_decimals_are_whole() {
    // MODEL.md: a time point is "a non-negative integer"; 1.0 is the integer 1.
    // The reviewer's plan: a shock "at": 1.0, "years": 2.0.
    let mut v = example();
    v["shocks"][0] = json!({"at": 1.0, "years": 2.0, "revenue_pct": -10});
    v["meta"]["horizon_years"] = json!(15.0);
    v["revenues"][0]["reform"]["start"] = json!(1.0);
    v["donors"][0]["taper"] = json!({"shape": "linear", "start": 2.0, "end": 10.0});
    v["donors"][2]["taper"] =
        json!({"shape": "steps", "points": [[1.0, 80], [3, 50.0]], "end": 12.0});
    v["criteria"][0]["consecutive_years"] = json!(3.0);
    let plan = parse_plan(&v.to_string()).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!((plan.shocks[0].at, plan.shocks[0].years), (1, 2));
    assert_eq!(plan.meta.horizon_years, 15);
    assert_eq!(
        plan.donors[2].taper,
        Some(Taper::Steps {
            points: vec![(1, 80.0), (3, 50.0)],
            end: Some(12)
        })
    );
    // Written back as integers.
    let text = plan_to_value(&plan).to_string();
    assert!(text.contains(r#""shocks":[{"at":1,"years":2,"#), "{text}");
    assert!(
        text.contains(r#""points":[[1,80.0],[3,50.0]],"end":12"#),
        "{text}"
    );
    // Fractional or negative decimals stay refused, with the value.
    let whole = "must be a whole number of plan years (0, 1, 2 …) (got 2.5)";
    assert!(problems(set("/shocks/0/years", json!(2.5)))
        .iter()
        .any(|p| p.to_string() == format!("shocks[0].years: {whole}")));
    assert_problem(
        &problems(set("/shocks/0/at", json!(-1.0))),
        "shocks[0].at",
        "(got -1.0)",
    );
    assert_problem(
        &problems(set("/meta/horizon_years", json!(4.5))),
        "meta.horizon_years",
        "(got 4.5)",
    );
}

#[test]
fn override_keys_not_written_as_plan_years_name_the_key() {
    // "01" (a leading zero: 1 or a typo for 10?) and "x" are refused at the
    // real key, with a message, not serde's.
    for key in ["01", "x", "-1", "1.0", ""] {
        let p = problems(set("/macro/overrides/real_growth_pct", json!({ key: 50 })));
        let expected = format!(
            "macro.overrides.real_growth_pct.{key}: must be a plan year written as a whole number (0, 1, 2 …)"
        );
        assert!(p.iter().any(|p| p.to_string() == expected), "{key}: {p:?}");
    }
    assert!(parse_plan(
        &{
            let mut v = example();
            v["macro"]["overrides"]["real_growth_pct"] = json!({"0": 1, "10": 2});
            v
        }
        .to_string()
    )
    .is_ok());
}

#[test]
fn end_not_after_start_is_refused() {
    let p = problems(set(
        "/donors/0/taper",
        json!({"shape": "linear", "start": 2, "end": 2}),
    ));
    assert!(
        p.iter()
            .any(|p| p.to_string() == "donors[0].taper.end: must be after start (2)"),
        "{p:?}"
    );
    let p = problems(set("/donors/2/taper/end", json!(3)));
    assert_problem(&p, "donors[2].taper.end", "must be after start (4)");
}

#[test]
fn steps_not_strictly_ascending_are_refused() {
    // Only the point out of order, which names the year before it.
    for (points, message) in [
        (
            json!([[1, 80], [3, 50], [3, 20]]),
            "strictly ascending (3 follows 3)",
        ),
        (
            json!([[1, 80], [4, 50], [3, 20]]),
            "strictly ascending (3 follows 4)",
        ),
    ] {
        let p = problems(set(
            "/donors/0/taper",
            json!({"shape": "steps", "points": points}),
        ));
        assert_problem(&p, "donors[0].taper.points[2]", message);
        assert_eq!(p.len(), 1, "{p:?}");
    }
}

#[test]
fn empty_steps_and_flat_logistic_are_valid() {
    // MODEL.md: steps are "1 before the first" point, so no points is m ≡ 1;
    // logistic steepness 0 is (1 + 1)/(1 + 1) = 1. A midpoint is a real number.
    for taper in [
        json!({"shape": "steps", "points": []}),
        json!({"shape": "logistic", "midpoint": 1, "steepness": 0}),
        json!({"shape": "logistic", "midpoint": -3.5, "steepness": 40}),
    ] {
        let mut v = example();
        v["donors"][0]["taper"] = taper.clone();
        assert!(parse_plan(&v.to_string()).is_ok(), "{taper}");
    }
    let p = problems(set(
        "/donors/0/taper",
        json!({"shape": "logistic", "midpoint": 1, "steepness": -0.5}),
    ));
    assert_problem(
        &p,
        "donors[0].taper.steepness",
        "must not be negative (got -0.5)",
    );
}

#[test]
fn unknown_cofinancing_target_is_refused() {
    let p = problems(set("/donors/1/target", json!("Vaccines")));
    assert_problem(
        &p,
        "donors[1].target",
        "no cost line or programme is named \"Vaccines\"",
    );
}

#[test]
fn a_name_used_twice_is_reported_at_its_second_use() {
    let p = problems(set("/revenues/3/name", json!("Income taxes")));
    assert_problem(&p, "revenues[3].name", "already used by revenues[1]");
    assert!(!p.iter().any(|p| p.path.to_string() == "revenues[1].name"));
    assert_problem(
        &problems(set("/costs/4/name", json!("Health"))),
        "costs[4].name",
        "already used by costs[2]",
    );
    assert_problem(
        &problems(set("/donors/2/name", json!("Budget support"))),
        "donors[2].name",
        "donors[0]",
    );
    assert_problem(
        &problems(set("/programmes/1/name", json!("Child grant"))),
        "programmes[1].name",
        "programmes[0]",
    );
}

#[test]
fn a_name_used_by_a_cost_line_and_a_programme_is_refused() {
    let p = problems(set("/programmes/1/name", json!("Health")));
    assert_problem(
        &p,
        "programmes[1].name",
        "already the name of cost line costs[2]",
    );
}

#[test]
fn fields_the_donor_kind_does_not_use_are_refused() {
    // cofinancing with base, currency, taper
    let p = problems(|v| {
        let d = &mut v["donors"][1];
        d["base"] = json!(1.0e8);
        d["currency"] = json!("USD");
        d["taper"] = json!({"shape": "none"});
    });
    for field in ["base", "currency", "taper"] {
        assert_problem(
            &p,
            &format!("donors[1].{field}"),
            "a cofinancing donor does not use",
        );
    }
    // budget_support and gap_filling with the co-financing fields
    let p = problems(|v| {
        v["donors"][0]["target"] = json!("Health");
        v["donors"][0]["initial_country_share_pct"] = json!(10);
        v["donors"][2]["step_pp"] = json!(10);
        v["donors"][2]["start"] = json!(1);
    });
    assert_problem(
        &p,
        "donors[0].target",
        "a budget_support donor does not use target",
    );
    assert_problem(&p, "donors[0].initial_country_share_pct", "does not use");
    assert_problem(
        &p,
        "donors[2].step_pp",
        "a gap_filling donor does not use step_pp",
    );
    assert_problem(&p, "donors[2].start", "does not use");
}

#[test]
fn fields_the_donor_kind_requires_are_required() {
    assert_problem(
        &problems(remove("/donors/0/base")),
        "donors[0].base",
        "is required for a budget_support donor",
    );
    assert_problem(
        &problems(remove("/donors/2/base")),
        "donors[2].base",
        "gap_filling",
    );
    for field in ["target", "initial_country_share_pct", "step_pp", "start"] {
        let pointer = format!("/donors/1/{field}");
        assert_problem(
            &problems(remove(&pointer)),
            &format!("donors[1].{field}"),
            "is required for a cofinancing donor",
        );
    }
}

#[test]
fn unknown_fields_are_refused_not_defaulted() {
    let p = problems(|v| {
        let stream = v["revenues"][0].as_object_mut().unwrap();
        let b = stream.remove("buoyancy").unwrap();
        stream.insert("bouyancy".into(), b);
    });
    assert_problem(
        &p,
        "revenues[0].bouyancy",
        "unknown field; did you mean \"buoyancy\"?",
    );
    let p = problems(set(
        "/donors/0/taper",
        json!({"shape": "linear", "strat": 2, "end": 10}),
    ));
    assert_problem(&p, "donors[0].taper.strat", "unknown field");
    assert_problem(&p, "donors[0].taper.start", "is required");
    assert_problem(
        &problems(set("/colour", json!("red"))),
        "colour",
        "unknown field",
    );
    // A field of another taper shape is unknown here.
    assert_problem(
        &problems(set("/donors/2/taper/points", json!([[1, 50]]))),
        "donors[2].taper.points",
        "unknown field",
    );
}

#[test]
fn donor_currency_must_be_lcu_or_usd() {
    let p = problems(set("/donors/0/currency", json!("EUR")));
    assert_problem(
        &p,
        "donors[0].currency",
        "must be one of \"LCU\", \"USD\" (got \"EUR\")",
    );
    // meta.currency is only a display code
    let mut v = example();
    set("/meta/currency", json!("EUR"))(&mut v);
    assert!(parse_plan(&v.to_string()).is_ok());
}

#[test]
fn format_must_be_sunset_plan() {
    let p = problems(set("/format", json!("other-plan")));
    assert_eq!(p.len(), 1);
    assert_problem(&p, "format", "must be \"sunset-plan\"");
    assert_problem(&problems(remove("/format")), "format", "is required");
}

#[test]
fn version_must_be_1_or_2_and_newer_versions_say_so() {
    let p = problems(set("/version", json!(3)));
    let lines: Vec<String> = p.iter().map(Problem::to_string).collect();
    assert_eq!(
        lines,
        ["version: made by a newer release of Sunset Planner (plan format version 3); this release reads versions 1 and 2"]
    );
    assert_problem(
        &problems(set("/version", json!(0))),
        "version",
        "must be 1 or 2 (got 0)",
    );
    assert_problem(
        &problems(set("/version", json!("1"))),
        "version",
        "must be 1 or 2",
    );
    assert_problem(&problems(remove("/version")), "version", "is required");
}

#[test]
fn not_json_or_not_an_object_is_refused() {
    assert_problem(
        &parse_plan("{ \"format\": ").unwrap_err(),
        "plan",
        "not valid JSON (line 1",
    );
    assert_problem(
        &parse_plan("[1, 2]").unwrap_err(),
        "plan",
        "must be a JSON object",
    );
}

#[test]
fn required_fields_are_required() {
    for (pointer, path) in [
        ("/meta/start_year", "meta.start_year"),
        ("/meta/horizon_years", "meta.horizon_years"),
        ("/macro/gdp_base", "macro.gdp_base"),
        ("/macro/population_base", "macro.population_base"),
        ("/revenues/1/name", "revenues[1].name"),
        ("/revenues/1/base", "revenues[1].base"),
        ("/revenues/0/reform/years", "revenues[0].reform.years"),
        ("/costs/0/handover/from_pct", "costs[0].handover.from_pct"),
        (
            "/programmes/0/eligible_share_pct",
            "programmes[0].eligible_share_pct",
        ),
        ("/programmes/0/benefit_base", "programmes[0].benefit_base"),
        (
            "/programmes/1/coverage/years",
            "programmes[1].coverage.years",
        ),
        ("/donors/0/kind", "donors[0].kind"),
        ("/donors/2/taper/rate_pct", "donors[2].taper.rate_pct"),
        ("/donors/2/taper/shape", "donors[2].taper.shape"),
        ("/shocks/0/at", "shocks[0].at"),
        ("/criteria/0/metric", "criteria[0].metric"),
        ("/criteria/0/op", "criteria[0].op"),
        ("/criteria/0/value", "criteria[0].value"),
        ("/reengagement/trigger_pct", "reengagement.trigger_pct"),
    ] {
        assert_problem(&problems(remove(pointer)), path, "required");
    }
}

#[test]
fn criteria_rules() {
    let p = problems(set("/criteria/0/metric", json!("year")));
    assert_problem(
        &p,
        "criteria[0].metric",
        "\"year\" is not a per-year figure",
    );
    assert_problem(
        &problems(set("/criteria/0/consecutive_years", json!(0))),
        "criteria[0].consecutive_years",
        "at least 1",
    );
    assert_problem(
        &problems(set("/criteria/0/op", json!("=="))),
        "criteria[0].op",
        "must be one of",
    );
    let p = problems(|v| {
        let c = v["criteria"][0].clone();
        v["criteria"].as_array_mut().unwrap().push(c);
    });
    assert_problem(&p, "criteria[1].name", "already keys criteria[0]");
}

#[test]
fn shock_years_at_least_1() {
    assert_problem(
        &problems(set("/shocks/0/years", json!(0))),
        "shocks[0].years",
        "at least 1 year",
    );
}

#[test]
fn empty_names_are_refused() {
    assert_problem(
        &problems(set("/costs/0/name", json!(" "))),
        "costs[0].name",
        "must not be empty",
    );
}

#[test]
fn every_problem_is_reported_together() {
    // Structural problems, all at once.
    let p = problems(|v| {
        v["revenues"][0]["bouyancy"] = json!(1.1);
        v["donors"][0]["taper"]["strat"] = json!(1);
        v["shocks"][0]["at"] = json!(-1);
        v["costs"][0].as_object_mut().unwrap().remove("base");
        v["meta"]["horizon_years"] = json!("fifteen");
    });
    assert_problem(&p, "revenues[0].bouyancy", "unknown field");
    assert_problem(&p, "donors[0].taper.strat", "unknown field");
    assert_problem(&p, "shocks[0].at", "whole number of plan years");
    assert_problem(&p, "costs[0].base", "is required");
    assert_problem(&p, "meta.horizon_years", "whole number");
    assert_eq!(p.len(), 5, "{p:#?}");
    // Rule problems, all at once.
    let p = problems(|v| {
        v["meta"]["horizon_years"] = json!(0);
        v["macro"]["gdp_base"] = json!(-1);
        v["revenues"][1]["buoyancy"] = json!(7);
        v["donors"][0]["taper"]["end"] = json!(1);
        v["donors"][1]["target"] = json!("Nothing");
        v["programmes"][1]["name"] = json!("Health");
    });
    for path in [
        "meta.horizon_years",
        "macro.gdp_base",
        "revenues[1].buoyancy",
        "donors[0].taper.end",
        "donors[1].target",
        "programmes[1].name",
    ] {
        assert!(
            p.iter().any(|p| p.path.to_string() == path),
            "{path} missing from {p:#?}"
        );
    }
    assert_eq!(p.len(), 6, "{p:#?}");
}

/// The example with one edit is refused with exactly these lines.
#[track_caller]
fn assert_refused_with(edit: impl FnOnce(&mut Value), expected: &[&str]) {
    assert_eq!(common::display_lines(&problems(edit)), expected);
}

/// The example with these edits is accepted.
#[track_caller]
fn assert_accepted(edits: &[(&str, Value)]) {
    let mut v = example();
    for (pointer, value) in edits {
        set(pointer, value.clone())(&mut v);
    }
    if let Err(p) = parse_plan(&v.to_string()) {
        panic!("{edits:?} refused: {:?}", common::display_lines(&p));
    }
}

#[test]
fn start_year_outside_1900_to_2200_is_refused() {
    assert_refused_with(
        set("/meta/start_year", json!(1899)),
        &["meta.start_year: must be a calendar year between 1900 and 2200 (got 1899)"],
    );
    assert_refused_with(
        set("/meta/start_year", json!(2201)),
        &["meta.start_year: must be a calendar year between 1900 and 2200 (got 2201)"],
    );
    assert_accepted(&[("/meta/start_year", json!(1900))]);
    assert_accepted(&[("/meta/start_year", json!(2200))]);
}

#[test]
fn exit_threshold_outside_0_to_100_is_refused() {
    assert_refused_with(
        set("/meta/exit_threshold_pct", json!(-0.5)),
        &["meta.exit_threshold_pct: must be between 0 and 100 (got -0.5)"],
    );
    assert_refused_with(
        set("/meta/exit_threshold_pct", json!(100.5)),
        &["meta.exit_threshold_pct: must be between 0 and 100 (got 100.5)"],
    );
    assert_accepted(&[("/meta/exit_threshold_pct", json!(0))]);
    assert_accepted(&[("/meta/exit_threshold_pct", json!(100))]);
}

#[test]
fn reform_gain_outside_0_to_100_is_refused() {
    let gain = "/revenues/0/reform/gain_pct_gdp_per_year";
    assert_refused_with(
        set(gain, json!(-0.1)),
        &["revenues[0].reform.gain_pct_gdp_per_year: must be between 0 and 100 (got -0.1)"],
    );
    assert_refused_with(
        set(gain, json!(101)),
        &["revenues[0].reform.gain_pct_gdp_per_year: must be between 0 and 100 (got 101)"],
    );
    assert_accepted(&[(gain, json!(0))]);
    assert_accepted(&[(gain, json!(100))]);
}

#[test]
fn real_benefit_growth_at_or_below_minus_100_or_above_1000_is_refused() {
    let growth = "/programmes/1/real_benefit_growth_pct";
    assert_refused_with(
        set(growth, json!(-100)),
        &["programmes[1].real_benefit_growth_pct: must be above -100 and at most 1000 (got -100)"],
    );
    assert_refused_with(
        set(growth, json!(1000.5)),
        &["programmes[1].real_benefit_growth_pct: must be above -100 and at most 1000 (got 1000.5)"],
    );
    assert_accepted(&[(growth, json!(-99.5))]);
    assert_accepted(&[(growth, json!(1000))]);
}

#[test]
fn shock_donor_pct_at_or_below_minus_100_or_above_1000_is_refused() {
    assert_refused_with(
        set("/shocks/0/donor_pct", json!(-100)),
        &["shocks[0].donor_pct: must be above -100 and at most 1000 (got -100)"],
    );
    assert_refused_with(
        set("/shocks/0/donor_pct", json!(1001)),
        &["shocks[0].donor_pct: must be above -100 and at most 1000 (got 1001)"],
    );
    assert_accepted(&[("/shocks/0/donor_pct", json!(1000))]);
}

#[test]
fn a_blank_criterion_name_is_refused() {
    for blank in ["", "   "] {
        assert_refused_with(
            set("/criteria/0/name", json!(blank)),
            &["criteria[0].name: must not be empty (leave it out to key the result by index)"],
        );
    }
    // Left out, the criterion is keyed by its index instead.
    let mut v = example();
    remove("/criteria/0/name")(&mut v);
    let plan = parse_plan(&v.to_string()).expect("an unnamed criterion is valid");
    assert_eq!(plan.criteria[0].name, None);
}

#[test]
fn a_zero_base_is_shown_as_0() {
    // Values are shown plainly in everyday sizes; 0 is one of them.
    assert_refused_with(
        set("/macro/gdp_base", json!(0)),
        &["macro.gdp_base: must be above 0 (got 0)"],
    );
    assert_refused_with(
        set("/macro/fx_base", json!(-1e-7)),
        &["macro.fx_base: must be above 0 (got -1e-7)"],
    );
}

#[test]
fn validate_checks_format_and_version_of_plans_built_in_code() {
    // parse_plan stops a file at these before validate runs; a plan built
    // in code (an editor, a scenario) meets them in validate.
    let plan = || parse_plan(EXAMPLE).expect("valid");
    let lines = |p: Plan| validate(&p).map_err(|e| common::display_lines(&e));
    let mut other = plan();
    other.format = "other-plan".into();
    assert_eq!(
        lines(other),
        Err(vec![
            "format: must be \"sunset-plan\" (got \"other-plan\")".to_string()
        ])
    );
    let mut newer = plan();
    newer.version = VERSION + 1;
    assert_eq!(
        lines(newer),
        Err(vec![format!(
            "version: made by a newer release of Sunset Planner (plan format version {}); \
             this release reads versions {OLDEST_VERSION} and {VERSION}",
            VERSION + 1
        )])
    );
    let mut older = plan();
    older.version = OLDEST_VERSION - 1;
    assert_eq!(
        lines(older),
        Err(vec![format!(
            "version: must be {OLDEST_VERSION} or {VERSION} (got {})",
            OLDEST_VERSION - 1
        )])
    );
    // Every version from the oldest to this one is read.
    for version in OLDEST_VERSION..=VERSION {
        let mut p = plan();
        p.version = version;
        assert_eq!(lines(p), Ok(()), "version {version}");
    }
    assert_eq!(lines(plan()), Ok(()));
}
