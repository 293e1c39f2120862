//! Plan format 2 (MODEL.md "Notes and sources", "Scenarios", the
//! `uncertainty` block): reading, the rules, applying changes, evaluating
//! scenarios and comparing them; and version 1 files read as version 2.

use serde_json::{json, Value};
use sunset_planner::model::scenario::{self, apply, compare, diff, evaluate_all, result_json};
use sunset_planner::model::*;

const V2: &str = include_str!("../plans/example-v2.json");
const V1: &str = include_str!("../plans/example.json");

fn v2() -> Value {
    serde_json::from_str(V2).expect("JSON")
}

fn lines(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(Problem::to_string).collect()
}

/// The problems of the v2 example with `edit` applied.
fn refused(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v = v2();
    edit(&mut v);
    lines(&parse_plan(&v.to_string()).expect_err("refused"))
}

#[test]
fn the_model_md_example_reads_writes_and_reads_again() {
    let plan = parse_plan(V2).expect("valid");
    assert_eq!(plan.version, 2);
    assert_eq!(
        plan.meta.note,
        "Figures in local currency units; base year 2026 budget."
    );
    assert_eq!(plan.revenues[1].note, "Buoyancy from 2015-2024 collections");
    assert_eq!(plan.scenarios.len(), 2);
    assert_eq!(plan.scenarios[0].note, "Budget support ends in 2032");
    let u = plan.uncertainty.as_ref().expect("uncertainty");
    assert_eq!((u.seed, u.paths, u.persistence), (7, 2000, 0.5));
    assert_eq!(u.revenue_error_pct, 8.0);
    let again = parse_plan(&plan_to_value(&plan).to_string()).expect("valid");
    assert_eq!(again, plan);
}

#[test]
fn a_version_1_file_reads_as_version_2_with_the_same_figures() {
    let plan = parse_plan(V1).expect("valid");
    assert_eq!(plan.version, 2);
    assert!(plan.scenarios.is_empty() && plan.uncertainty.is_none());
    assert_eq!(plan_to_value(&plan)["version"], json!(2));
    // The same figures as the v2 example's baseline, which differs only by
    // notes, scenarios and uncertainty.
    let v2 = parse_plan(V2).expect("valid");
    assert_eq!(evaluate(&plan), evaluate(&v2));
}

#[test]
fn version_1_files_know_no_version_2_fields() {
    let mut v: Value = serde_json::from_str(V1).expect("JSON");
    v["meta"]["note"] = json!("a source");
    v["scenarios"] = json!([]);
    v["revenues"][0]["note"] = json!("x");
    let p = lines(&parse_plan(&v.to_string()).expect_err("refused"));
    assert_eq!(
        p,
        [
            "meta.note: unknown field; did you mean \"name\"?",
            "revenues[0].note: unknown field; did you mean \"name\"?",
            "scenarios: unknown field; the fields here are format, version, meta, macro, revenues, costs, programmes, donors, shocks, reserve, criteria, reengagement",
        ]
    );
}

#[test]
fn a_note_holds_500_characters() {
    let ok = "é".repeat(500);
    let mut v = v2();
    v["donors"][0]["note"] = json!(ok);
    assert!(
        parse_plan(&v.to_string()).is_ok(),
        "500 code points, 1000 bytes"
    );
    let p = refused(|v| v["donors"][0]["note"] = json!("x".repeat(501)));
    assert_eq!(
        p,
        ["donors[0].note: is 501 characters long; a note holds at most 500"]
    );
}

#[test]
fn a_scenario_is_the_baseline_with_its_changes_and_follows_the_baseline() {
    let mut plan = parse_plan(V2).expect("valid");
    let faster = scenario::scenario_plan(&plan, 0).expect("valid scenario");
    assert_eq!(
        faster.donors[0].taper,
        Some(Taper::Linear { start: 2, end: 6 })
    );
    assert!(faster.scenarios.is_empty() && faster.uncertainty.is_none());
    // Everything else is the baseline's, including what is edited later.
    plan.macro_path.gdp_base = 7.0e11;
    let faster = scenario::scenario_plan(&plan, 0).expect("valid scenario");
    assert_eq!(faster.macro_path.gdp_base, 7.0e11);
    let relapse = scenario::scenario_plan(&plan, 1).expect("valid scenario");
    assert_eq!(relapse.shocks.len(), 1);
    assert_eq!(relapse.shocks[0].at, 3);
    assert_eq!(relapse.shocks[0].cost_pct, 10.0);
}

#[test]
fn null_removes_a_node_and_a_path_through_a_missing_object_creates_it() {
    let plan = parse_plan(V2).expect("valid");
    let changes = Changes(vec![
        (
            root().revenues().at(0).reform().field().clone(),
            Value::Null,
        ),
        (root().donors().at(0).fulfilment_pct(), Value::Null),
        (root().donors().at(2).field().clone(), Value::Null),
        (
            root().revenues().at(1).reform().field().clone(),
            json!({"start": 2, "years": 4, "gain_pct_gdp_per_year": 0.3}),
        ),
        (root().costs().at(4).handover().start(), json!(1)),
        (root().costs().at(4).handover().years(), json!(3)),
        (root().costs().at(4).handover().from_pct(), json!(50)),
        (root().costs().at(4).handover().to_pct(), json!(100)),
        (
            root().macro_path().overrides().inflation_pct().year(2),
            json!(12),
        ),
    ]);
    let p = apply(&plan, &changes).expect("valid");
    assert_eq!(p.revenues[0].reform, None);
    assert_eq!(p.donors[0].fulfilment_pct, 100.0, "the default");
    assert_eq!(p.donors.len(), 2, "the facility is gone");
    assert_eq!(p.revenues[1].reform.as_ref().map(|r| r.years), Some(4));
    assert_eq!(p.costs[4].handover.as_ref().map(|h| h.from_pct), Some(50.0));
    assert_eq!(p.macro_path.overrides.inflation_pct.get(&2), Some(&12.0));
    assert_eq!(p.macro_path.overrides.real_growth_pct.get(&3), Some(&-2.0));
}

#[test]
fn items_removed_by_one_scenario_keep_the_baseline_indices() {
    let plan = parse_plan(V2).expect("valid");
    // Remove donor 0 and change donor 2: index 2 is the baseline's facility.
    let changes = Changes(vec![
        (root().donors().at(0).field().clone(), Value::Null),
        (root().donors().at(2).base(), json!(2.0e8)),
    ]);
    let p = apply(&plan, &changes).expect("valid");
    assert_eq!(p.donors.len(), 2);
    assert_eq!(p.donors[1].name, "Sunset facility");
    assert_eq!(p.donors[1].base, Some(2.0e8));
}

#[test]
fn scenario_problems_are_reported_under_the_scenario() {
    let p = refused(|v| {
        v["scenarios"][0]["changes"] = json!({
            "donors[0].taper.end": 1,
        });
    });
    assert_eq!(
        p,
        ["scenarios[0].donors[0].taper.end: must be after start (2)"]
    );
    let p = refused(|v| v["scenarios"][1]["changes"] = json!({"donors[7].base": 1}));
    assert_eq!(p, ["scenarios[1].changes.donors[7].base: no such item"]);
    let p = refused(|v| {
        v["scenarios"][1]["changes"] = json!({"donors[0].bouyancy": 1, "donors[01]": 1})
    });
    assert_eq!(
        p,
        [
            "scenarios[1].changes.donors[0].bouyancy: names no field a plan has (check the spelling and the list names)",
            "scenarios[1].changes.donors[01]: is not a path; write one as MODEL.md does, e.g. donors[0].taper.end",
        ]
    );
    let p = refused(|v| {
        v["scenarios"][0]["changes"] =
            json!({"meta.horizon_years": 20, "meta": {}, "uncertainty.seed": 3, "meta.name": "x"});
    });
    assert_eq!(
        p,
        [
            "scenarios[0].changes.meta.horizon_years: cannot be changed by a scenario (scenarios share the plan's format, start year, horizon and uncertainty, so they compare year by year)",
            "scenarios[0].changes.meta: cannot be changed by a scenario (scenarios share the plan's format, start year, horizon and uncertainty, so they compare year by year)",
            "scenarios[0].changes.meta: overlaps the change of meta.horizon_years; change a node or a field inside it, not both",
            "scenarios[0].changes.uncertainty.seed: cannot be changed by a scenario (scenarios share the plan's format, start year, horizon and uncertainty, so they compare year by year)",
            "scenarios[0].changes.meta.name: overlaps the change of meta; change a node or a field inside it, not both",
        ]
    );
    // A created reform needs all its fields.
    let p = refused(|v| v["scenarios"][0]["changes"] = json!({"revenues[1].reform.start": 2}));
    assert_eq!(
        p,
        [
            "scenarios[0].revenues[1].reform.years: is required",
            "scenarios[0].revenues[1].reform.gain_pct_gdp_per_year: is required",
        ]
    );
    // A value of the wrong shape.
    let p = refused(|v| v["scenarios"][0]["changes"] = json!({"shocks": {"at": 1}}));
    assert_eq!(
        p,
        ["scenarios[0].shocks: must be a list [ … ] (got an object)"]
    );
    // Removing a required field.
    let p = refused(|v| v["scenarios"][0]["changes"] = json!({"macro.gdp_base": null}));
    assert_eq!(p, ["scenarios[0].macro.gdp_base: is required"]);
}

#[test]
fn scenario_names_are_unique_not_empty_and_not_baseline() {
    let p = refused(|v| {
        v["scenarios"][0]["name"] = json!("baseline");
        v["scenarios"][1]["name"] = json!("baseline");
    });
    assert_eq!(
        p,
        [
            "scenarios[0].name: must not be \"Baseline\": that name is the plan itself",
            "scenarios[1].name: must not be \"Baseline\": that name is the plan itself",
            "scenarios[1].name: \"baseline\" is already used by scenarios[0]",
        ]
    );
    let p = refused(|v| v["scenarios"][1]["name"] = json!("  "));
    assert_eq!(p, ["scenarios[1].name: must not be empty"]);
    // At most 12: twelve are a valid plan, thirteen are not.
    let scenarios = |v: &mut Value, n: usize| {
        let one = v["scenarios"][0].clone();
        v["scenarios"] = Value::Array(
            (0..n)
                .map(|i| {
                    let mut s = one.clone();
                    s["name"] = json!(format!("S{i}"));
                    s
                })
                .collect(),
        );
    };
    let mut v = v2();
    scenarios(&mut v, 12);
    assert_eq!(
        parse_plan(&v.to_string()).map(|p| p.scenarios.len()),
        Ok(12)
    );
    let p = refused(|v| scenarios(v, 13));
    assert_eq!(
        p,
        ["scenarios: holds 13 scenarios; a plan holds at most 12"]
    );
}

#[test]
fn a_baseline_problem_is_not_repeated_under_every_scenario() {
    let p = refused(|v| v["macro"]["gdp_base"] = json!(-1));
    assert_eq!(p, ["macro.gdp_base: must be above 0 (got -1)"]);
}

#[test]
fn the_uncertainty_block_has_defaults_and_bounds() {
    let mut v = v2();
    v["uncertainty"] = json!({});
    let plan = parse_plan(&v.to_string()).expect("valid");
    let u = plan.uncertainty.expect("present");
    assert_eq!(
        (u.seed, u.paths, u.persistence, u.real_growth_sd_pp),
        (1, 1000, 0.5, 0.0)
    );
    assert_eq!(
        plan_to_value(&parse_plan(&v.to_string()).expect("valid"))["uncertainty"],
        json!({})
    );
    let p = refused(|v| {
        v["uncertainty"] = json!({"paths": 0, "persistence": 1.5, "revenue_error_pct": 101, "seed": 9007199254740992u64});
    });
    assert_eq!(p, ["uncertainty.seed: must be a whole number from 0 to 9007199254740991 (got 9007199254740992)"]);
    // A whole seed written as a float reads as that seed; a negative one
    // is refused.
    let mut v = v2();
    v["uncertainty"] = json!({"seed": 5.0});
    let seeded = parse_plan(&v.to_string()).expect("valid");
    assert_eq!(seeded.uncertainty.map(|u| u.seed), Some(5));
    let p = refused(|v| v["uncertainty"] = json!({"seed": -2.0}));
    assert_eq!(
        p,
        ["uncertainty.seed: must be a whole number from 0 to 9007199254740991 (got -2.0)"]
    );
    let p = refused(|v| v["uncertainty"] = json!({"seed": 1.5}));
    assert_eq!(
        p,
        ["uncertainty.seed: must be a whole number from 0 to 9007199254740991 (got 1.5)"]
    );
    let p = refused(|v| {
        v["uncertainty"] = json!({"paths": 0, "persistence": 1.5, "revenue_error_pct": 101})
    });
    assert_eq!(
        p,
        [
            "uncertainty.paths: must be between 1 and 100000 (got 0)",
            "uncertainty.revenue_error_pct: must be between 0 and 100 (got 101)",
            "uncertainty.persistence: must be between 0 and 1 (got 1.5)",
        ]
    );
}

#[test]
fn evaluating_a_plan_evaluates_its_scenarios() {
    let plan = parse_plan(V2).expect("valid");
    let e = evaluate_all(&plan).expect("evaluates");
    assert_eq!(e.baseline, evaluate(&plan).expect("evaluates"));
    assert_eq!(e.scenarios.len(), 2);
    let faster = scenario::scenario_plan(&plan, 0).expect("valid");
    assert_eq!(e.scenarios[0].1, evaluate(&faster).expect("evaluates"));
    let json = result_json(&plan, &e);
    assert_eq!(json["scenarios"][0]["name"], "Faster taper");
    assert_eq!(json["scenarios"][1]["name"], "Relapse");
    assert_eq!(
        json["scenarios"][0]["summary"],
        projection_to_json(&faster, &e.scenarios[0].1)["summary"]
    );
    // A plan without scenarios prints as before.
    let v1 = parse_plan(V1).expect("valid");
    let e1 = evaluate_all(&v1).expect("evaluates");
    assert_eq!(result_json(&v1, &e1), projection_to_json(&v1, &e1.baseline));
}

#[test]
fn a_scenario_that_overflows_is_refused_where_it_does() {
    let mut v = v2();
    v["scenarios"][0]["changes"] = json!({"macro.gdp_base": 1e307, "macro.real_growth_pct": 1000, "macro.inflation_pct": 1000});
    let plan = parse_plan(&v.to_string()).expect("valid as a plan");
    let p = lines(&evaluate_all(&plan).expect_err("overflows"));
    assert_eq!(p.len(), 1);
    assert!(
        p[0].starts_with("scenarios[0].years[1].gdp: the projection overflows in 2027"),
        "{p:?}"
    );
}

#[test]
fn the_comparison_is_b_minus_a() {
    let plan = parse_plan(V2).expect("valid");
    let e = evaluate_all(&plan).expect("evaluates");
    let (fp, fproj) = &e.scenarios[0];
    let c = compare(
        ("Baseline", &plan, &e.baseline),
        ("Faster taper", fp, fproj),
    );
    assert_eq!(c["a"], "Baseline");
    assert_eq!(c["b"], "Faster taper");
    let years = c["years"].as_array().expect("years");
    assert_eq!(years.len(), 15);
    for (t, y) in years.iter().enumerate() {
        let (a, b) = (&e.baseline.years[t], &fproj.years[t]);
        assert_eq!(y["year"], json!(2026 + t as i32));
        assert_eq!(
            y["donor_funding"].as_f64(),
            Some(b.donor_funding - a.donor_funding)
        );
        assert_eq!(
            y["unfunded_gap"].as_f64(),
            Some(b.unfunded_gap - a.unfunded_gap)
        );
        assert_eq!(
            y["donors"]["Budget support"].as_f64(),
            Some(b.donors[0] - a.donors[0])
        );
    }
    let s = &c["summary"];
    assert_eq!(
        s["cumulative_gap"].as_f64(),
        Some(fproj.summary.cumulative_gap - e.baseline.summary.cumulative_gap)
    );
    let ssy = &s["self_sufficiency_year"];
    assert_eq!(ssy["a"], json!(e.baseline.summary.self_sufficiency_year));
    assert_eq!(ssy["b"], json!(fproj.summary.self_sufficiency_year));
    match (
        e.baseline.summary.donor_exit_year,
        fproj.summary.donor_exit_year,
    ) {
        (Some(a), Some(b)) => assert_eq!(s["donor_exit_year"]["difference"], json!(b - a)),
        _ => assert_eq!(s["donor_exit_year"]["difference"], Value::Null),
    }
    assert!(s["criteria"]["self-sufficient 3 years"]
        .get("difference")
        .is_some());
    // An item one side lacks counts as 0 there.
    let without = apply(
        &plan,
        &Changes(vec![(root().donors().at(2).field().clone(), Value::Null)]),
    )
    .expect("valid");
    let pw = evaluate(&without).expect("evaluates");
    let c = compare(
        ("Baseline", &plan, &e.baseline),
        ("No facility", &without, &pw),
    );
    let y0 = &c["years"][5];
    assert_eq!(
        y0["donors"]["Sunset facility"].as_f64(),
        Some(-e.baseline.years[5].donors[2])
    );
}

#[test]
fn the_difference_of_two_plans_is_a_scenario_that_makes_one_from_the_other() {
    let plan = parse_plan(V2).expect("valid");
    let mut edited = plan.clone();
    edited.macro_path.real_growth_pct = 3.5;
    edited.donors[0].taper = Some(Taper::Exponential {
        start: 1,
        rate_pct: 20.0,
        end: None,
    });
    edited.revenues[0].reform = None;
    edited.shocks.push(Shock {
        at: 6,
        cost_pct: 5.0,
        ..Default::default()
    });
    edited.costs[0].handover.as_mut().expect("handover").years = 3;
    let changes = diff(&plan, &edited);
    let keys: Vec<String> = changes.0.iter().map(|(f, _)| f.to_string()).collect();
    assert_eq!(
        keys,
        [
            "macro.real_growth_pct",
            "revenues[0].reform",
            "costs[0].handover.years",
            "donors[0].taper",
            "shocks"
        ]
    );
    let mut expected = edited.clone();
    expected.scenarios.clear();
    expected.uncertainty = None;
    assert_eq!(apply(&plan, &changes), Ok(expected));
}

mod links {
    use super::*;
    use sunset_planner::codec::link::{
        decode_link, decode_link_view, encode_link, encode_link_with, View,
    };

    fn four_scenarios() -> Plan {
        let mut plan = parse_plan(V2).expect("valid");
        let mut more: Vec<Scenario> = serde_json::from_value::<Vec<Value>>(json!([
            {"name": "Pledge shortfall", "note": "Donors disburse 30 points less of what they pledge",
             "changes": {"donors[0].fulfilment_pct": 60, "donors[2].fulfilment_pct": 70}},
            {"name": "Commodity price fall", "note": "Trade taxes and non-tax revenue fall by a quarter for three years",
             "changes": {"shocks": [{"at": 2, "years": 3, "revenue_pct": -12}], "revenues[2].buoyancy": 0.7}}
        ]))
        .expect("JSON")
        .iter()
        .map(|v| Scenario::read(v).expect("a scenario"))
        .collect();
        plan.scenarios.append(&mut more);
        assert_eq!(validate(&plan), Ok(()));
        plan
    }

    #[test]
    fn a_v2_plan_and_its_view_travel_in_a_link() {
        let plan = four_scenarios();
        let view = View {
            scenario: Some("Relapse".into()),
            compare: vec!["Baseline".into(), "Faster taper".into()],
            presenter: true,
            lang: Some("fr".into()),
            currency: Some("USD".into()),
        };
        let link = encode_link_with(&plan, &view);
        assert!(link.starts_with("2."));
        assert_eq!(decode_link_view(&link), Ok((plan.clone(), view)));
        // Without a view, the default one.
        assert_eq!(
            decode_link_view(&encode_link(&plan)),
            Ok((plan, View::default()))
        );
    }

    #[test]
    fn v2_links_fit_their_budgets() {
        let example = parse_plan(V2).expect("valid");
        let view = View {
            scenario: Some("Faster taper".into()),
            compare: vec!["Baseline".into(), "Faster taper".into()],
            ..Default::default()
        };
        let two = format!("#plan={}", encode_link_with(&example, &view));
        let four = format!("#plan={}", encode_link_with(&four_scenarios(), &view));
        println!(
            "link size: MODEL.md example with 2 scenarios {} characters, 4 scenarios {}",
            two.len(),
            four.len()
        );
        assert!(two.len() <= 1200, "{}", two.len());
        assert!(four.len() <= 2000, "{}", four.len());
    }

    #[test]
    fn a_bad_view_costs_the_view_not_the_plan() {
        use base64::Engine as _;
        let plan = parse_plan(V2).expect("valid");
        let text = sunset_planner::codec::link::compact_text(&plan);
        // The plan, then a view whose `presenter` is text.
        let with_view = format!("{},[null,[],\"yes\"]]", &text[..text.len() - 1]);
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(with_view.as_bytes(), 10);
        let link = format!(
            "2.{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
        );
        assert_eq!(decode_link_view(&link), Ok((plan, View::default())));
    }

    #[test]
    fn a_v2_link_with_a_broken_scenario_says_where() {
        let mut plan = parse_plan(V2).expect("valid");
        plan.scenarios[1].changes.0[0].1 = json!([{"at": -1}]);
        let e = decode_link(&encode_link(&plan)).expect_err("refused");
        assert_eq!(
            e.to_string(),
            "The link's plan is not valid:\n  scenarios[1].shocks[0].at: must be a whole number of plan years (0, 1, 2 …) (got -1)"
        );
    }
}

mod editing {
    use super::*;
    use sunset_planner::model::scenario::{
        covers, free_name, reset_change, retarget_changes, scenario_plan, set_change, ListChange,
    };
    use sunset_planner::model::shock_library::{library_scenario, LibraryShock};

    fn keys(c: &Changes) -> Vec<String> {
        c.0.iter().map(|(f, v)| format!("{f}={v}")).collect()
    }

    #[test]
    fn a_change_replaces_what_it_overlaps_and_reset_drops_what_it_holds() {
        let mut c = Changes::default();
        let end = root().donors().at(0).taper().linear().end();
        set_change(&mut c, end.clone(), json!(6));
        set_change(&mut c, root().macro_path().gdp_base(), json!(1e11));
        assert!(covers(&c, &end));
        assert!(
            covers(&c, root().donors().at(0).field()),
            "a node holding a change"
        );
        assert!(!covers(&c, &root().donors().at(1).name()));
        // A change of the whole taper replaces the change inside it.
        set_change(
            &mut c,
            root().donors().at(0).taper().field().clone(),
            json!({"shape": "none"}),
        );
        assert_eq!(
            keys(&c),
            [
                "macro.gdp_base=100000000000.0",
                "donors[0].taper={\"shape\":\"none\"}"
            ]
        );
        assert!(reset_change(&mut c, root().donors().at(0).field()));
        assert_eq!(keys(&c), ["macro.gdp_base=100000000000.0"]);
        assert!(!reset_change(&mut c, &root().macro_path().inflation_pct()));
    }

    #[test]
    fn reordering_or_deleting_baseline_items_keeps_changes_on_their_items() {
        let mut plan = parse_plan(V2).expect("valid");
        plan.scenarios[1].changes = Changes(vec![
            (root().donors().at(0).base(), json!(5e8)),
            (root().donors().at(2).fulfilment_pct(), json!(50)),
            // A change in another list stays where it is.
            (root().costs().at(1).base(), json!(1e9)),
        ]);
        let donors = root().donors().field().clone();
        // The facility (2) moves to the top: changes follow their donors.
        let facility = plan.donors.remove(2);
        plan.donors.insert(0, facility);
        assert!(
            retarget_changes(&mut plan, &donors, ListChange::Move { from: 2, to: 0 }).is_empty()
        );
        assert_eq!(
            keys(&plan.scenarios[0].changes),
            ["donors[1].taper.end=6"],
            "budget support is now donor 1"
        );
        assert_eq!(
            keys(&plan.scenarios[1].changes),
            [
                "donors[1].base=500000000.0",
                "donors[0].fulfilment_pct=50",
                "costs[1].base=1000000000.0"
            ]
        );
        let s = scenario_plan(&plan, 0).expect("valid");
        assert_eq!(s.donors[1].name, "Budget support");
        assert_eq!(s.donors[1].taper, Some(Taper::Linear { start: 2, end: 6 }));
        // Budget support (now 1) is deleted: the changes into it go, and say so.
        plan.donors.remove(1);
        let dropped = retarget_changes(&mut plan, &donors, ListChange::Remove { at: 1 });
        let dropped: Vec<String> = dropped.iter().map(|(s, f)| format!("{s}: {f}")).collect();
        assert_eq!(
            dropped,
            [
                "Faster taper: donors[1].taper.end",
                "Relapse: donors[1].base"
            ]
        );
        assert_eq!(
            keys(&plan.scenarios[1].changes),
            ["donors[0].fulfilment_pct=50", "costs[1].base=1000000000.0"]
        );
        // An item inserted before shifts the changes after it.
        plan.donors.insert(
            0,
            Donor {
                name: "New".into(),
                base: Some(0.0),
                ..Default::default()
            },
        );
        retarget_changes(&mut plan, &donors, ListChange::Insert { at: 0 });
        assert_eq!(
            keys(&plan.scenarios[1].changes),
            ["donors[1].fulfilment_pct=50", "costs[1].base=1000000000.0"]
        );
        assert_eq!(validate(&plan), Ok(()));
    }

    #[test]
    fn the_exchange_rate_shock_overrides_inflation_only_inside_the_horizon() {
        let mut plan = parse_plan(V2).expect("valid");
        for (horizon, years) in [(1, vec![]), (2, vec!["1"]), (3, vec!["1", "2"])] {
            plan.meta.horizon_years = horizon;
            let s = library_scenario(&plan, LibraryShock::ExchangeRateShock);
            let overridden: Vec<String> = s
                .changes
                .0
                .iter()
                .map(|(f, _)| f.to_string())
                .filter_map(|f| {
                    f.strip_prefix("macro.overrides.inflation_pct.")
                        .map(String::from)
                })
                .collect();
            assert_eq!(overridden, years, "horizon {horizon}");
        }
    }

    #[test]
    fn a_removed_or_inserted_item_shifts_only_the_changes_after_it() {
        let mut plan = parse_plan(V2).expect("valid");
        plan.scenarios[1].changes = Changes(vec![
            (root().donors().at(0).base(), json!(5e8)),
            (root().donors().at(2).fulfilment_pct(), json!(50)),
        ]);
        let donors = root().donors().field().clone();
        plan.donors.remove(1);
        assert!(
            retarget_changes(&mut plan, &donors, ListChange::Remove { at: 1 })
                .iter()
                .all(|(s, _)| s != &plan.scenarios[1].name)
        );
        assert_eq!(
            keys(&plan.scenarios[1].changes),
            ["donors[0].base=500000000.0", "donors[1].fulfilment_pct=50"]
        );
        plan.donors.insert(1, plan.donors[0].clone());
        plan.donors[1].name = "Inserted".into();
        retarget_changes(&mut plan, &donors, ListChange::Insert { at: 1 });
        assert_eq!(
            keys(&plan.scenarios[1].changes),
            ["donors[0].base=500000000.0", "donors[2].fulfilment_pct=50"]
        );
    }

    #[test]
    fn each_library_shock_is_a_valid_scenario_that_hurts() {
        let mut plan = parse_plan(V2).expect("valid");
        let base = evaluate(&plan).expect("evaluates");
        let sum = |p: &Projection, f: fn(&YearResult) -> f64| p.years.iter().map(f).sum::<f64>();
        for shock in LibraryShock::ALL {
            let s = library_scenario(&plan, shock);
            assert_eq!(s.name, shock.name());
            assert!(!s.note.is_empty());
            plan.scenarios.push(s);
            let i = plan.scenarios.len() - 1;
            let p = scenario_plan(&plan, i).unwrap_or_else(|e| panic!("{}: {e:?}", shock.name()));
            let e = evaluate(&p).expect("evaluates");
            let (rev, need) = (|y: &YearResult| y.local_revenue, |y: &YearResult| y.need);
            match shock {
                LibraryShock::ConflictRelapse => {
                    assert!(sum(&e, rev) < sum(&base, rev) && sum(&e, need) > sum(&base, need))
                }
                LibraryShock::CommodityPriceFall => assert!(sum(&e, rev) < sum(&base, rev)),
                LibraryShock::PledgeShortfall => {
                    let support = |y: &YearResult| y.donors[0];
                    assert!(sum(&e, support) < sum(&base, support))
                }
                LibraryShock::ExchangeRateShock => {
                    assert!(e.years[14].fx > base.years[14].fx);
                    assert!(e.years[1].price_index > base.years[1].price_index);
                }
            }
        }
        assert_eq!(validate(&plan), Ok(()));
        let relapse = scenario_plan(&plan, 2).expect("valid");
        assert_eq!(
            relapse.shocks.len(),
            2,
            "the plan's own shock and the relapse"
        );
        assert_eq!((relapse.shocks[1].at, relapse.shocks[1].years), (1, 2));
        let shortfall = scenario_plan(&plan, 4).expect("valid");
        assert_eq!(shortfall.donors[0].fulfilment_pct, 60.0);
        assert_eq!(shortfall.donors[1].fulfilment_pct, 70.0);
        // A second time, a free name.
        assert_eq!(
            library_scenario(&plan, LibraryShock::ConflictRelapse).name,
            "Conflict relapse 2"
        );
        assert_eq!(free_name(&plan, "Baseline"), "Baseline 2");
    }
}

#[test]
fn a_taper_of_the_same_shape_differs_field_by_field() {
    let plan = parse_plan(V2).expect("valid");
    let mut edited = plan.clone();
    let Some(Taper::Linear { start, end }) = edited.donors[0].taper.as_mut() else {
        panic!("the example's first donor tapers linearly");
    };
    // The start is a field only some shapes have: the linear shape's own
    // fields are compared, not another's.
    *start += 1;
    *end += 1;
    let changes = diff(&plan, &edited);
    let keys: Vec<String> = changes.0.iter().map(|(f, _)| f.to_string()).collect();
    assert_eq!(keys, ["donors[0].taper.start", "donors[0].taper.end"]);
    let mut expected = edited.clone();
    expected.scenarios.clear();
    expected.uncertainty = None;
    assert_eq!(apply(&plan, &changes), Ok(expected));
}

#[test]
fn a_change_can_replace_a_whole_item_and_null_removes_only_an_item_or_a_field() {
    let plan = parse_plan(V2).expect("valid");
    let stream = json!({"name": "Carbon levy", "base": 2.0e9, "buoyancy": 1.3});
    let changes = Changes(vec![
        (root().revenues().at(0).field().clone(), stream),
        // A null at a field removes that field, not an item.
        (root().donors().at(0).taper().field().clone(), Value::Null),
    ]);
    let p = apply(&plan, &changes).expect("valid");
    assert_eq!(p.revenues.len(), plan.revenues.len());
    assert_eq!(
        (p.revenues[0].name.as_str(), p.revenues[0].base),
        ("Carbon levy", 2.0e9)
    );
    assert_eq!(p.revenues[0].buoyancy, 1.3);
    assert_eq!(p.revenues[1..], plan.revenues[1..]);
    assert_eq!(p.donors.len(), plan.donors.len());
    assert_eq!(p.donors[0].taper, None);
    assert_eq!(p.donors[0].name, plan.donors[0].name);
}

#[test]
fn a_scenario_runs_with_the_baselines_uncertainty_and_keeps_its_own_figures() {
    let plan = parse_plan(V2).expect("valid");
    assert!(plan.uncertainty.is_some(), "the example has a run");
    let changes = Changes(vec![(
        root().macro_path().real_growth_pct().clone(),
        json!(1.5),
    )]);
    let own = apply(&plan, &changes).expect("valid");
    assert_eq!(own.uncertainty, None, "apply leaves the run out");
    let run = scenario::sharing_run(own.clone(), &plan);
    assert_eq!(run.uncertainty, plan.uncertainty);
    assert_eq!(run.macro_path.real_growth_pct, 1.5);
    assert_eq!(
        Plan {
            uncertainty: None,
            ..run
        },
        own
    );
}

#[test]
fn a_change_reads_a_year_override_and_says_an_item_is_missing_under_a_list() {
    let plan = parse_plan(V2).expect("valid");
    let year3 = Field::root()
        .key("macro")
        .key("overrides")
        .key("real_growth_pct")
        .year(3);
    assert_eq!(
        scenario::value_at(&plan.write(), &year3),
        Some(&json!(-2.0))
    );
    // A key under a list names no item of it.
    let under_list = Field::root().key("donors").key("name");
    let problems = scenario::apply_unvalidated(&plan, &Changes(vec![(under_list, json!("x"))]))
        .expect_err("refused");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].rule, Rule::NoSuchItem);
    // An index into an object names no item either; a key under a number
    // has no container to go in.
    let index_in_object = Field::root().key("macro").index(0);
    let under_number = Field::root().key("meta").key("start_year").key("x");
    let problems = scenario::apply_unvalidated(
        &plan,
        &Changes(vec![(index_in_object, json!(1)), (under_number, json!(1))]),
    )
    .expect_err("refused");
    let rules: Vec<&Rule> = problems.iter().map(|p| &p.rule).collect();
    assert_eq!(rules, [&Rule::NoSuchItem, &Rule::NotAContainer]);
}

#[test]
fn an_item_only_the_second_plan_has_counts_as_0_in_the_first() {
    let plan = parse_plan(V2).expect("valid");
    let without = apply(
        &plan,
        &Changes(vec![(root().donors().at(2).field().clone(), Value::Null)]),
    )
    .expect("valid");
    let (pa, pb) = (
        evaluate(&without).expect("evaluates"),
        evaluate(&plan).expect("evaluates"),
    );
    let c = compare(("No facility", &without, &pa), ("Baseline", &plan, &pb));
    let name = plan.donors[2].name.as_str();
    assert_eq!(
        c["years"][5]["donors"][name].as_f64(),
        Some(pb.years[5].donors[2])
    );
    assert_eq!(
        c["years"][5]["donors"].as_object().map(|m| m.len()),
        Some(plan.donors.len())
    );
}

#[test]
fn a_comparison_gives_each_numeric_headline_as_b_minus_a() {
    let plan = parse_plan(V2).expect("valid");
    let lower = apply(
        &plan,
        &Changes(vec![(
            root().macro_path().real_growth_pct().clone(),
            json!(1.0),
        )]),
    )
    .expect("valid");
    let (a, b) = (
        evaluate(&plan).expect("evaluates"),
        evaluate(&lower).expect("evaluates"),
    );
    let s = scenario::compare_summaries(&a.summary, &b.summary);
    let gap = b.summary.cumulative_gap - a.summary.cumulative_gap;
    assert!(gap != 0.0, "slower growth changes the gap");
    assert_eq!(s["cumulative_gap"].as_f64(), Some(gap));
    assert_eq!(
        s["total_donor_funding"].as_f64(),
        Some(b.summary.total_donor_funding - a.summary.total_donor_funding)
    );
}

#[test]
fn step_points_that_are_not_a_list_are_asked_for_as_pairs() {
    let p = refused(|v| {
        v["donors"][0]["taper"] = json!({"shape": "steps", "points": 5});
    });
    assert_eq!(
        p,
        ["donors[0].taper.points: must be a list of [plan year, percent] pairs (got 5)"]
    );
}
