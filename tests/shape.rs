//! The plan's one definition (`model::plan`, through `model::shape`): the
//! writer keeps the file form release 0.1 wrote, every address a control or
//! a problem uses is a real field, text paths parse only where the plan has
//! a node, and edits by address reach the field they name.

use std::path::Path;

use sunset_planner::model::field::PathError;
use sunset_planner::model::*;

fn read(rel: &str) -> Plan {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"));
    parse_plan(&text).unwrap_or_else(|p| panic!("{rel}: {p:?}"))
}

/// tests/fixtures/written holds what the hand-written writer of release
/// 0.1 made of these plans; the derived writer must make the same bytes.
#[test]
fn written_plans_keep_their_form() {
    let cases = [
        ("default-plan", default_plan()),
        ("example", read("plans/example.json")),
        (
            "every-field",
            read("tests/fixtures/links/every-field.plan.json"),
        ),
        ("edge", read("tests/golden/edge.plan.json")),
        (
            "steepness0-empty-points",
            read("tests/fixtures/review/steepness0_empty_points.json"),
        ),
        (
            "whole-float-timepoint",
            read("tests/fixtures/review/whole_float_timepoint.json"),
        ),
    ];
    for (name, plan) in cases {
        let expected = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("tests/fixtures/written/{name}.json")),
        )
        .expect("fixture");
        let written = serde_json::to_string_pretty(&plan_to_value(&plan)).expect("JSON");
        assert_eq!(written, expected, "{name}");
    }
}

#[test]
fn typed_addresses_print_as_model_md_paths() {
    assert_eq!(
        root().donors().at(1).taper().linear().end().to_string(),
        "donors[1].taper.end"
    );
    assert_eq!(root().macro_path().gdp_base().to_string(), "macro.gdp_base");
    assert_eq!(
        root()
            .macro_path()
            .overrides()
            .inflation_pct()
            .year(4)
            .to_string(),
        "macro.overrides.inflation_pct.4"
    );
    assert_eq!(
        root()
            .donors()
            .at(0)
            .taper()
            .steps()
            .points()
            .at(2)
            .pct()
            .to_string(),
        "donors[0].taper.points[2].pct"
    );
    assert_eq!(
        root()
            .donors()
            .at(0)
            .taper()
            .steps()
            .points()
            .at(2)
            .year()
            .to_string(),
        "donors[0].taper.points[2]"
    );
    assert_eq!(root().costs().field().to_string(), "costs");
    assert_eq!(
        root().revenues().at(3).reform().field().to_string(),
        "revenues[3].reform"
    );
}

fn parse(text: &str) -> Result<Field, PathError> {
    Field::parse(text, Plan::shape(), VERSION)
}

#[test]
fn paths_parse_where_the_plan_has_a_node() {
    for ok in [
        "meta.name",
        "macro.gdp_base",
        "macro.overrides.real_growth_pct.3",
        "revenues[0].reform",
        "revenues[12].reform.start",
        "donors[0].taper.end",
        "donors[0].taper.shape",
        "donors[0].taper.points[1].pct",
        "donors[0].taper.points[1]",
        "shocks",
        "shocks[0]",
        "reengagement.trigger_pct",
    ] {
        let f = parse(ok).unwrap_or_else(|e| panic!("{ok}: {e:?}"));
        assert_eq!(f.to_string(), ok);
    }
    assert_eq!(
        parse("revenues[0].bouyancy"),
        Err(PathError::NoSuchField {
            at: root().revenues().at(0).field().clone()
        })
    );
    assert_eq!(
        parse("macro.overrides.real_growth_pct.01"),
        Err(PathError::NoSuchField {
            at: root()
                .macro_path()
                .overrides()
                .real_growth_pct()
                .field()
                .clone()
        })
    );
    assert_eq!(
        parse("donors.0"),
        Err(PathError::NoSuchField {
            at: root().donors().field().clone()
        })
    );
    assert_eq!(
        parse("meta.name.first"),
        Err(PathError::NoSuchField {
            at: root().meta().name()
        })
    );
    for bad in ["", "donors[01]", "donors[-1]", "donors[0", "a..b", "[0]"] {
        assert_eq!(parse(bad), Err(PathError::Syntax), "{bad:?}");
    }
}

/// Every problem the model reports about a plan's own fields is at an
/// address `Field::parse` accepts (the app opens the control there).
#[test]
fn problem_paths_are_plan_fields() {
    let mut plan = read("plans/example.json");
    plan.meta.horizon_years = 0;
    plan.macro_path.fx_base = 0.0;
    plan.macro_path.overrides.real_growth_pct.insert(3, -200.0);
    plan.revenues[1].name = plan.revenues[0].name.clone();
    plan.donors[0].target = Some("x".into());
    plan.donors[0].taper = Some(Taper::Steps {
        points: vec![(3, 50.0), (2, 120.0)],
        end: None,
    });
    plan.shocks[0].years = 0;
    plan.criteria[0].metric = "speed".into();
    let problems = validate(&plan).expect_err("refused");
    assert!(problems.len() >= 8, "{problems:?}");
    for p in problems {
        let text = p.path.to_string();
        assert_eq!(parse(&text), Ok(p.path.clone()), "{p}");
    }
}

#[test]
fn edits_by_address_reach_their_field() {
    let mut plan = read("plans/example.json");
    let at = root().donors().at(0).taper().linear().end();
    *plan
        .node_mut(at.segs())
        .and_then(|x| x.downcast_mut::<u32>())
        .expect("a plan year") = 7;
    assert_eq!(
        plan.donors[0].taper,
        Some(Taper::Linear { start: 2, end: 7 })
    );
    // The address names a field, not a shape: an exponential taper has an
    // `end` too, but no `midpoint`.
    assert!(plan
        .node_mut(root().donors().at(2).taper().linear().end().segs())
        .is_some());
    assert!(plan
        .node_mut(root().donors().at(2).taper().logistic().midpoint().segs())
        .is_none());
    // Past the end of a list, nothing.
    assert!(plan.node(root().donors().at(9).name().segs()).is_none());
    let gdp = plan
        .node(root().macro_path().gdp_base().segs())
        .and_then(|x| x.downcast_ref::<f64>());
    assert_eq!(gdp, Some(&6.0e11));
}

#[test]
fn enums_map_to_their_file_strings_once() {
    for (kind, name) in DonorKind::ALL.iter().zip(DonorKind::NAMES) {
        assert_eq!(kind.as_str(), *name);
        assert_eq!(DonorKind::from_name(name), Some(*kind));
    }
    assert_eq!(Op::from_name(">="), Some(Op::Ge));
    assert_eq!(Op::Lt.as_str(), "<");
    assert_eq!(Currency::from_name("EUR"), None);
    assert_eq!(
        Taper::NAMES,
        ["none", "linear", "exponential", "steps", "logistic"]
    );
}

/// The one problem of a text that is refused before its fields are read.
fn refusal(text: &str) -> Problem {
    let mut problems = parse_plan(text).expect_err("refused");
    assert_eq!(problems.len(), 1, "{problems:?}");
    problems.remove(0)
}

#[test]
fn text_that_is_not_json_says_what_is_wrong_and_where() {
    use sunset_planner::model::problem::JsonTrouble;
    // The character found is read at serde_json's line and column.
    match refusal("{\n  x").rule {
        Rule::NotJson {
            line: 2,
            column: 3,
            trouble: JsonTrouble::Unexpected(Some('x')),
            ..
        } => {}
        r => panic!("{r:?}"),
    }
    match refusal("{\"format\": ").rule {
        Rule::NotJson {
            trouble: JsonTrouble::EndsEarly,
            ..
        } => {}
        r => panic!("{r:?}"),
    }
}

#[test]
fn another_tools_file_is_refused_by_its_format() {
    use sunset_planner::model::problem::Got;
    let p = refusal(r#"{"format": "another-tool", "version": 2}"#);
    assert_eq!(p.path, Field::root().key("format"));
    assert_eq!(
        p.rule,
        Rule::NotOurFormat {
            got: Got::Text("another-tool".into())
        }
    );
}

#[test]
fn an_optional_field_is_reached_through_its_option() {
    let plan = default_plan();
    let base = plan
        .node(root().donors().at(0).base().segs())
        .expect("a node");
    assert_eq!(
        base.downcast_ref::<Option<f64>>(),
        Some(&plan.donors[0].base)
    );
    // Past an option that holds a value, into what it holds.
    let taper = root().donors().at(0).taper();
    assert!(plan.node(taper.field().segs()).is_some());
    let Some(Taper::Linear { start, .. }) = &plan.donors[0].taper else {
        panic!("the default plan's budget support tapers linearly")
    };
    let at = taper.linear().start();
    let node = plan.node(at.segs()).expect("the linear taper's start");
    assert_eq!(node.downcast_ref::<u32>(), Some(start));
    // A whole list is a node too.
    let list = plan.node(root().donors().field().segs()).expect("the list");
    assert_eq!(list.downcast_ref::<Vec<Donor>>(), Some(&plan.donors));
}

#[test]
fn a_year_override_and_a_step_point_are_read_and_written_by_address() {
    let mut plan = default_plan();
    plan.macro_path.overrides.real_growth_pct.insert(3, -2.0);
    plan.donors[0].taper = Some(Taper::Steps {
        points: vec![(2, 80.0), (4, 50.0)],
        end: None,
    });
    let year3 = root().macro_path().overrides().real_growth_pct().year(3);
    assert_eq!(
        plan.node(year3.segs())
            .and_then(|n| n.downcast_ref::<f64>()),
        Some(&-2.0)
    );
    let year4 = root().macro_path().overrides().real_growth_pct().year(4);
    assert!(plan.node(year4.segs()).is_none(), "no override for year 4");
    if let Some(x) = plan
        .node_mut(year3.segs())
        .and_then(|n| n.downcast_mut::<f64>())
    {
        *x = -1.0;
    }
    assert_eq!(
        plan.macro_path.overrides.real_growth_pct.get(&3),
        Some(&-1.0)
    );
    let point = root().donors().at(0).taper().steps().points().at(1);
    let year = plan
        .node(point.year().segs())
        .and_then(|n| n.downcast_ref::<u32>());
    assert_eq!(year, Some(&4));
    let pct = plan
        .node(point.pct().segs())
        .and_then(|n| n.downcast_ref::<f64>());
    assert_eq!(pct, Some(&50.0));
    if let Some(x) = plan
        .node_mut(point.pct().segs())
        .and_then(|n| n.downcast_mut::<f64>())
    {
        *x = 40.0;
    }
    if let Some(t) = plan
        .node_mut(point.year().segs())
        .and_then(|n| n.downcast_mut::<u32>())
    {
        *t = 5;
    }
    let Some(Taper::Steps { points, .. }) = &plan.donors[0].taper else {
        panic!("still steps")
    };
    assert_eq!(points[1], (5, 40.0));
}

#[test]
fn the_edit_distance_is_levenshteins() {
    use sunset_planner::model::shape::edit_distance;
    for (a, b, d) in [
        ("kitten", "sitting", 3),
        ("flaw", "lawn", 2),
        ("abc", "", 3),
        ("", "abc", 3),
        ("bouyancy", "buoyancy", 2),
        ("base", "bases", 1),
        ("ab", "ba", 2),
        ("same", "same", 0),
    ] {
        assert_eq!(edit_distance(a, b), d, "{a} → {b}");
    }
}
