//! Browser tests of the app's state and controls: the reducer (every
//! `Action`, undo/redo, gestures, stale projections) and the `NumberField`
//! rendered into a real page. The reducer runs with a stand-in engine so
//! these tests pin the UI's behaviour whatever the model computes.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use sunset_planner::model::{
    plan_to_value, root, DonorKind, Field, Plan, Problem, Projection, Rule, Taper, YearResult,
};
use sunset_planner::ui::components::number_field::{Kind, NumberField};
use sunset_planner::ui::edit::{List, ListOp, Optional, Series, Shape, Value};
use sunset_planner::ui::format::DisplayCurrency;
use sunset_planner::ui::i18n::Lang;
use sunset_planner::ui::presets::catalogue;
use sunset_planner::ui::state::{Action, Edit, Engine, Section, State};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

// ------------------------------------------------------------ reducer

/// Refuses a GDP at or below 0, like the model, and nothing else.
fn fake_validate(plan: &Plan) -> Result<(), Vec<Problem>> {
    if plan.macro_path.gdp_base > 0.0 {
        Ok(())
    } else {
        Err(vec![Problem::new(
            root().macro_path().gdp_base(),
            Rule::NotPositive {
                got: plan.macro_path.gdp_base,
            },
        )])
    }
}

/// One year per horizon year carrying the plan's GDP, so a test can tell
/// which plan a projection came from; a horizon of 59 "overflows".
fn fake_evaluate(plan: &Plan) -> Result<Projection, Problem> {
    if plan.meta.horizon_years == 59 {
        return Err(Problem::new(
            Field::root().key("years").index(58).key("gdp"),
            Rule::Overflow {
                year: 2080,
                figure: "gdp",
            },
        ));
    }
    let years = (0..plan.meta.horizon_years)
        .map(|t| YearResult {
            year: plan.meta.start_year + t as i32,
            gdp: plan.macro_path.gdp_base,
            ..Default::default()
        })
        .collect();
    Ok(Projection {
        years,
        summary: Default::default(),
    })
}

/// MODEL.md's example plan: the reducer tests name its items.
fn default_plan() -> Plan {
    sunset_planner::model::parse_plan(include_str!("../plans/example.json"))
        .expect("the example plan parses")
}

fn state() -> Rc<State> {
    Rc::new(State::with_engine(
        default_plan(),
        Engine {
            validate: fake_validate,
            evaluate: fake_evaluate,
        },
    ))
}

fn set(path: &str, value: Value, edit: Edit) -> Action {
    Action::Set {
        path: path.into(),
        value,
        edit,
    }
}

fn num(path: &str, x: f64) -> Action {
    set(path, Value::Num(x), Edit::Commit)
}

fn run(s: Rc<State>, actions: impl IntoIterator<Item = Action>) -> Rc<State> {
    actions.into_iter().fold(s, |s, a| s.reduce(a))
}

fn projected_gdp(s: &State) -> f64 {
    s.projection
        .as_ref()
        .map(|p| p.years[0].gdp)
        .unwrap_or(f64::NAN)
}

#[wasm_bindgen_test]
fn opens_on_a_valid_evaluated_plan() {
    let s = state();
    assert!(s.problems.is_empty());
    assert!(!s.stale);
    assert_eq!(projected_gdp(&s), 6.0e11);
    assert!(!s.can_undo() && !s.can_redo());
}

#[wasm_bindgen_test]
fn a_set_edits_the_plan_and_reevaluates() {
    let s = run(state(), [num("macro.gdp_base", 7.0e11)]);
    assert_eq!(s.plan.macro_path.gdp_base, 7.0e11);
    assert_eq!(projected_gdp(&s), 7.0e11);
    assert!(s.can_undo());
}

#[wasm_bindgen_test]
fn every_kind_of_field_can_be_set() {
    let s = run(
        state(),
        [
            set("meta.name", Value::Text("Plan B".into()), Edit::Commit),
            set("meta.start_year", Value::Int(2030), Edit::Commit),
            set("meta.horizon_years", Value::Int(20), Edit::Commit),
            num("macro.fx_base", 200.0),
            num("macro.overrides.inflation_pct.2", 12.0),
            num("revenues[0].reform.gain_pct_gdp_per_year", 0.7),
            set("costs[2].indexed", Value::Bool(false), Edit::Commit),
            num("costs[0].handover.from_pct", 30.0),
            num("programmes[1].coverage.to_pct", 90.0),
            set(
                "donors[0].currency",
                Value::Text("LCU".into()),
                Edit::Commit,
            ),
            set("donors[0].taper.end", Value::Int(12), Edit::Commit),
            num("donors[1].step_pp", 20.0),
            num("shocks[0].cost_pct", 8.0),
            num("reserve.target_months", 4.0),
            set("criteria[0].op", Value::Text("<".into()), Edit::Commit),
            set("criteria[0].name", Value::Text(String::new()), Edit::Commit),
            num("reengagement.trigger_pct", 80.0),
        ],
    );
    let p = &s.plan;
    assert_eq!(p.meta.name, "Plan B");
    assert_eq!(p.meta.start_year, 2030);
    assert_eq!(p.meta.horizon_years, 20);
    assert_eq!(p.macro_path.fx_base, 200.0);
    assert_eq!(p.macro_path.overrides.inflation_pct.get(&2), Some(&12.0));
    assert_eq!(
        p.revenues[0]
            .reform
            .as_ref()
            .map(|r| r.gain_pct_gdp_per_year),
        Some(0.7)
    );
    assert!(!p.costs[2].indexed);
    assert_eq!(p.costs[0].handover.as_ref().map(|r| r.from_pct), Some(30.0));
    assert_eq!(
        p.programmes[1].coverage.as_ref().map(|r| r.to_pct),
        Some(90.0)
    );
    assert_eq!(p.donors[0].taper, Some(Taper::Linear { start: 2, end: 12 }));
    assert_eq!(p.donors[1].step_pp, Some(20.0));
    assert_eq!(p.shocks[0].cost_pct, 8.0);
    assert_eq!(p.reserve.target_months, 4.0);
    assert_eq!(p.criteria[0].name, None);
    assert_eq!(p.reengagement.as_ref().map(|r| r.trigger_pct), Some(80.0));
    assert_eq!(s.undo_depth(), 17);
}

#[wasm_bindgen_test]
fn an_edit_that_cannot_apply_changes_nothing() {
    let s = state();
    for a in [
        num("macro.no_such_field", 1.0),
        num("donors[9].base", 1.0),
        set("shocks[0].at", Value::Int(-1), Edit::Commit),
        set(
            "donors[0].currency",
            Value::Text("EUR".into()),
            Edit::Commit,
        ),
        num("macro.gdp_base", f64::NAN),
        num("donors[1].taper.rate_pct", 5.0),
    ] {
        let next = s.clone().reduce(a);
        assert!(Rc::ptr_eq(&s, &next));
    }
}

#[wasm_bindgen_test]
fn an_invalid_plan_keeps_the_last_projection_and_marks_it_stale() {
    let s = run(
        state(),
        [num("macro.gdp_base", 5.0e11), num("macro.gdp_base", -1.0)],
    );
    assert!(s.stale);
    assert_eq!(
        s.problem_at("macro.gdp_base")
            .map(Problem::message)
            .as_deref(),
        Some("must be above 0 (got -1)")
    );
    assert_eq!(projected_gdp(&s), 5.0e11, "last valid projection kept");
    assert_eq!(
        s.plan.macro_path.gdp_base, -1.0,
        "the invalid value stays in the editor"
    );
    let s = s.reduce(num("macro.gdp_base", 8.0e11));
    assert!(!s.stale && s.problems.is_empty());
    assert_eq!(projected_gdp(&s), 8.0e11);
}

#[wasm_bindgen_test]
fn an_evaluation_error_is_shown_like_a_problem() {
    let s = run(
        state(),
        [set("meta.horizon_years", Value::Int(59), Edit::Commit)],
    );
    assert!(s.stale);
    assert_eq!(s.problems.len(), 1);
    assert_eq!(s.problems[0].path.to_string(), "years[58].gdp");
    assert!(s.problems[0].message().contains("overflows in 2080"));
    assert_eq!(s.projection.as_ref().map(|p| p.years.len()), Some(15));
}

#[wasm_bindgen_test]
fn undo_and_redo_walk_every_edit() {
    let s0 = state();
    let s = run(
        s0.clone(),
        [
            num("macro.inflation_pct", 9.0),
            num("macro.real_growth_pct", 1.0),
        ],
    );
    assert_eq!(s.undo_depth(), 2);
    let s = s.reduce(Action::Undo);
    assert_eq!(s.plan.macro_path.real_growth_pct, 4.5);
    assert_eq!(s.plan.macro_path.inflation_pct, 9.0);
    let s = s.reduce(Action::Undo);
    assert_eq!(*s.plan, *s0.plan);
    assert!(!s.can_undo() && s.can_redo());
    let same = s.clone().reduce(Action::Undo);
    assert!(
        Rc::ptr_eq(&s, &same),
        "undo with nothing to undo does nothing"
    );
    let s = run(s, [Action::Redo, Action::Redo]);
    assert_eq!(s.plan.macro_path.real_growth_pct, 1.0);
    assert!(!s.can_redo());
}

#[wasm_bindgen_test]
fn undo_restores_the_projection_and_problems_too() {
    let s = run(state(), [num("macro.gdp_base", -5.0)]);
    assert!(s.stale);
    let s = s.reduce(Action::Undo);
    assert!(!s.stale && s.problems.is_empty());
    let s = s.reduce(Action::Redo);
    assert!(s.stale && s.problem_at("macro.gdp_base").is_some());
}

#[wasm_bindgen_test]
fn a_new_edit_clears_redo() {
    let s = run(
        state(),
        [
            num("macro.inflation_pct", 9.0),
            Action::Undo,
            num("macro.inflation_pct", 3.0),
        ],
    );
    assert!(!s.can_redo());
}

#[wasm_bindgen_test]
fn a_slider_drag_is_one_undo_step() {
    let live = |x: f64| set("macro.real_growth_pct", Value::Num(x), Edit::Live);
    let s = run(
        state(),
        [
            live(4.6),
            live(4.8),
            live(5.1),
            live(5.3),
            set("macro.real_growth_pct", Value::Num(5.3), Edit::Commit),
        ],
    );
    assert_eq!(s.plan.macro_path.real_growth_pct, 5.3);
    assert_eq!(s.undo_depth(), 1);
    let s = s.reduce(Action::Undo);
    assert_eq!(s.plan.macro_path.real_growth_pct, 4.5);
    // After the gesture ends, the next drag of the same slider is a new step.
    let s = run(
        s,
        [
            Action::Redo,
            live(6.0),
            live(6.5),
            Action::EndGesture,
            live(7.0),
        ],
    );
    assert_eq!(s.undo_depth(), 3);
}

#[wasm_bindgen_test]
fn a_drag_is_known_as_one_until_released() {
    let slide = |x: f64| set("macro.real_growth_pct", Value::Num(x), Edit::Slide);
    let s = run(state(), [slide(5.0), slide(5.5)]);
    assert!(s.sliding());
    assert_eq!(s.undo_depth(), 1);
    let s = s.reduce(set("macro.real_growth_pct", Value::Num(5.5), Edit::Commit));
    assert!(!s.sliding());
    assert_eq!(s.undo_depth(), 1);
    let s = run(
        state(),
        [set("macro.real_growth_pct", Value::Num(5.0), Edit::Live)],
    );
    assert!(!s.sliding(), "typing is not a drag");
}

#[wasm_bindgen_test]
fn edits_of_different_controls_are_separate_steps() {
    let s = run(
        state(),
        [
            set("macro.real_growth_pct", Value::Num(5.0), Edit::Live),
            set("macro.inflation_pct", Value::Num(8.0), Edit::Live),
            set("macro.real_growth_pct", Value::Num(6.0), Edit::Live),
        ],
    );
    assert_eq!(s.undo_depth(), 3);
}

#[wasm_bindgen_test]
fn list_operations_work_on_every_list() {
    for list in [
        List::Revenues,
        List::Costs,
        List::Programmes,
        List::Donors,
        List::Shocks,
        List::Criteria,
    ] {
        let len = |s: &State| match list {
            List::Revenues => s.plan.revenues.len(),
            List::Costs => s.plan.costs.len(),
            List::Programmes => s.plan.programmes.len(),
            List::Donors => s.plan.donors.len(),
            List::Shocks => s.plan.shocks.len(),
            List::Criteria => s.plan.criteria.len(),
        };
        let s0 = state();
        let n = len(&s0);
        let op = |op| Action::List { list, op };
        let s = run(s0.clone(), [op(ListOp::Add)]);
        assert_eq!(len(&s), n + 1, "{list:?} add");
        let s = run(s, [op(ListOp::Duplicate(0))]);
        assert_eq!(len(&s), n + 2, "{list:?} duplicate");
        let s = run(s, [op(ListOp::Remove(0)), op(ListOp::Remove(0))]);
        assert_eq!(len(&s), n, "{list:?} remove");
        assert_eq!(s.undo_depth(), 4);
        // Moves outside the list and removals of missing items do nothing.
        for bad in [
            ListOp::MoveUp(0),
            ListOp::MoveDown(len(&s).saturating_sub(1)),
            ListOp::Remove(99),
        ] {
            assert!(Rc::ptr_eq(&s, &s.clone().reduce(op(bad))), "{list:?}");
        }
    }
}

#[wasm_bindgen_test]
fn added_and_duplicated_items_get_unique_names() {
    let s = run(
        state(),
        [
            Action::List {
                list: List::Donors,
                op: ListOp::Add,
            },
            Action::List {
                list: List::Donors,
                op: ListOp::Add,
            },
            Action::List {
                list: List::Costs,
                op: ListOp::Duplicate(0),
            },
        ],
    );
    let names: Vec<&str> = s.plan.donors.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(&names[3..], ["New donor", "New donor 2"]);
    assert_eq!(s.plan.costs[1].name, "Police and border 2");
}

#[wasm_bindgen_test]
fn moving_an_item_swaps_it_with_its_neighbour() {
    let s = run(
        state(),
        [Action::List {
            list: List::Donors,
            op: ListOp::MoveDown(0),
        }],
    );
    assert_eq!(s.plan.donors[1].name, "Budget support");
    let s = s.reduce(Action::List {
        list: List::Donors,
        op: ListOp::MoveUp(1),
    });
    assert_eq!(s.plan.donors[0].name, "Budget support");
}

#[wasm_bindgen_test]
fn renaming_a_line_repoints_the_donor_that_cofinances_it() {
    let s = run(
        state(),
        [Action::List {
            list: List::Programmes,
            op: ListOp::Rename(0, "Child benefit".into()),
        }],
    );
    assert_eq!(s.plan.programmes[0].name, "Child benefit");
    assert_eq!(s.plan.donors[1].target.as_deref(), Some("Child benefit"));
}

#[wasm_bindgen_test]
fn every_preset_adds_a_donor_or_reshapes_one() {
    let presets = catalogue(Lang::En);
    assert!(presets.len() >= 5);
    for p in &presets {
        let s = state().reduce(Action::ApplyPreset {
            id: p.id.into(),
            donor: None,
        });
        assert_eq!(s.plan.donors.len(), 4, "{}", p.id);
        assert_eq!(s.plan.donors[3].name, p.title, "named after the preset");
        assert!(
            s.plan.donors[3].target.as_deref() != Some(""),
            "{}: a co-financing target is filled",
            p.id
        );
        assert_eq!(s.undo_depth(), 1);
        if p.is_taper {
            let s = state().reduce(Action::ApplyPreset {
                id: p.id.into(),
                donor: Some(0),
            });
            assert_eq!(s.plan.donors.len(), 3);
            assert_ne!(
                s.plan.donors[0].taper,
                state().plan.donors[0].taper,
                "{}",
                p.id
            );
            // A co-financing donor has no taper to reshape.
            let s0 = state();
            assert!(Rc::ptr_eq(
                &s0,
                &s0.clone().reduce(Action::ApplyPreset {
                    id: p.id.into(),
                    donor: Some(1)
                })
            ));
        }
    }
    let s = state();
    assert!(Rc::ptr_eq(
        &s,
        &s.clone().reduce(Action::ApplyPreset {
            id: "nope".into(),
            donor: None
        })
    ));
}

#[wasm_bindgen_test]
fn changing_donor_kind_keeps_what_fits_and_fills_what_is_required() {
    let s = state().reduce(Action::SetDonorKind {
        donor: 0,
        kind: DonorKind::Cofinancing,
    });
    let d = &s.plan.donors[0];
    assert_eq!(d.kind, DonorKind::Cofinancing);
    assert_eq!((d.base, &d.taper, d.currency), (None, &None, None));
    assert_eq!(d.target.as_deref(), Some("Child grant"));
    assert!(d.initial_country_share_pct.is_some() && d.step_pp.is_some() && d.start.is_some());
    assert_eq!(d.fulfilment_pct, 90.0, "fulfilment kept");
    let s = s.reduce(Action::SetDonorKind {
        donor: 0,
        kind: DonorKind::GapFilling,
    });
    let d = &s.plan.donors[0];
    assert!(d.base.is_some() && d.taper.is_some());
    assert_eq!((d.target.as_ref(), d.step_pp, d.start), (None, None, None));
}

#[wasm_bindgen_test]
fn changing_taper_shape_keeps_start_and_end() {
    let s = state().reduce(Action::SetTaperShape {
        donor: 2,
        shape: Shape::Linear,
    });
    assert_eq!(
        s.plan.donors[2].taper,
        Some(Taper::Linear { start: 4, end: 12 })
    );
    let s = s.reduce(Action::SetTaperShape {
        donor: 2,
        shape: Shape::Steps,
    });
    match &s.plan.donors[2].taper {
        Some(Taper::Steps { points, end }) => {
            assert_eq!(points[0].0, 4);
            assert_eq!(*end, Some(12));
        }
        other => panic!("not steps: {other:?}"),
    }
    let s = run(
        s,
        [
            Action::AddStepPoint { donor: 2 },
            Action::RemoveStepPoint { donor: 2, point: 0 },
            set("donors[2].taper.points[0]", Value::Int(7), Edit::Commit),
            num("donors[2].taper.points[0].pct", 40.0),
        ],
    );
    assert!(
        matches!(&s.plan.donors[2].taper, Some(Taper::Steps { points, .. }) if points[0] == (7, 40.0))
    );
    assert!(
        matches!(&s.plan.donors[2].taper, Some(Taper::Steps { points, .. }) if points.len() == 2)
    );
    let s = s.reduce(Action::SetTaperShape {
        donor: 2,
        shape: Shape::Logistic,
    });
    assert!(matches!(
        s.plan.donors[2].taper,
        Some(Taper::Logistic { end: Some(12), .. })
    ));
    // A cofinancing donor has no taper to shape.
    let same = s.clone().reduce(Action::SetTaperShape {
        donor: 1,
        shape: Shape::Linear,
    });
    assert!(Rc::ptr_eq(&s, &same));
}

#[wasm_bindgen_test]
fn optional_parts_toggle_on_and_off() {
    let s = run(
        state(),
        [
            Action::Toggle(Optional::Reform(1)),
            Action::Toggle(Optional::Handover(2)),
            Action::Toggle(Optional::Coverage(0)),
            Action::Toggle(Optional::TaperEnd(2)),
            Action::Toggle(Optional::Reengagement),
        ],
    );
    let p = &s.plan;
    assert!(p.revenues[1].reform.is_some());
    assert!(p.costs[2].handover.is_some());
    assert!(p.programmes[0].coverage.is_none());
    assert!(matches!(
        p.donors[2].taper,
        Some(Taper::Exponential { end: None, .. })
    ));
    assert!(p.reengagement.is_none());
    let s = s.reduce(Action::Toggle(Optional::TaperEnd(2)));
    assert!(matches!(
        s.plan.donors[2].taper,
        Some(Taper::Exponential { end: Some(_), .. })
    ));
    assert_eq!(s.undo_depth(), 6);
}

#[wasm_bindgen_test]
fn overrides_are_added_moved_set_and_removed() {
    let s = run(
        state(),
        [
            Action::AddOverride(Series::Inflation),
            Action::MoveOverride {
                series: Series::Inflation,
                from: 1,
                to: 5,
            },
            num("macro.overrides.inflation_pct.5", 20.0),
        ],
    );
    let o = &s.plan.macro_path.overrides;
    assert_eq!(o.inflation_pct.iter().collect::<Vec<_>>(), [(&5, &20.0)]);
    // A move onto a year that has a value is refused.
    let same = s.clone().reduce(Action::MoveOverride {
        series: Series::RealGrowth,
        from: 3,
        to: 3,
    });
    assert!(Rc::ptr_eq(&s, &same));
    let s = s.reduce(Action::RemoveOverride {
        series: Series::RealGrowth,
        year: 3,
    });
    assert!(s.plan.macro_path.overrides.real_growth_pct.is_empty());
}

#[wasm_bindgen_test]
fn loading_a_plan_is_undoable() {
    let mut other = default_plan();
    other.meta.name = "Loaded".into();
    other.macro_path.gdp_base = 1.0e9;
    let s = state().reduce(Action::Load(Box::new(other)));
    assert_eq!(s.plan.meta.name, "Loaded");
    assert_eq!(projected_gdp(&s), 1.0e9);
    let s = s.reduce(Action::Undo);
    assert_eq!(s.plan.meta.name, "Example");
}

#[wasm_bindgen_test]
fn view_settings_are_not_undo_steps() {
    let s = run(
        state(),
        [
            Action::SetLang(Lang::Fr),
            Action::SetCurrency(DisplayCurrency::Usd),
            Action::ToggleSection(Section::Macro),
        ],
    );
    assert_eq!(s.lang, Lang::Fr);
    assert_eq!(s.currency, DisplayCurrency::Usd);
    assert!(s.is_collapsed(Section::Macro));
    assert!(!s.can_undo());
    let s = run(
        s,
        [
            Action::ToggleSection(Section::Macro),
            Action::OpenSection(Section::Reserve),
        ],
    );
    assert!(!s.is_collapsed(Section::Macro) && !s.is_collapsed(Section::Reserve));
    assert_eq!(Section::of_path("donors[1].taper.end"), Section::Donors);
    assert_eq!(Section::of_path("criteria[0].metric"), Section::Reserve);
}

#[wasm_bindgen_test]
fn french_names_for_new_items() {
    let s = run(
        state(),
        [
            Action::SetLang(Lang::Fr),
            Action::List {
                list: List::Revenues,
                op: ListOp::Add,
            },
        ],
    );
    assert_eq!(s.plan.revenues[4].name, "Nouvelle recette");
}

// ------------------------------------------------------------ NumberField

#[derive(Properties, PartialEq)]
struct HarnessProps {
    log: Rc<RefCell<Vec<Action>>>,
    #[prop_or_default]
    kind: Kind,
    #[prop_or_default]
    problem: Option<AttrValue>,
}

/// A NumberField whose value follows what it dispatches, as in the app.
#[function_component(Harness)]
fn harness(p: &HarnessProps) -> Html {
    let value = use_state(|| 10.0);
    let on_edit = {
        let value = value.clone();
        let log = p.log.clone();
        Callback::from(move |a: Action| {
            if let Action::Set {
                value: Value::Num(x),
                ..
            } = &a
            {
                value.set(*x);
            }
            if let Action::Set {
                value: Value::Int(x),
                ..
            } = &a
            {
                value.set(*x as f64);
            }
            log.borrow_mut().push(a);
        })
    };
    html! {
        <NumberField path={"macro.real_growth_pct"} label={"Real growth"} value={*value}
            min={0.0} max={50.0} step={0.1} kind={p.kind} start_year={(p.kind == Kind::Whole).then_some(2026)}
            problem={p.problem.clone()} lang={Lang::En} {on_edit} />
    }
}

async fn tick() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}

/// Waits until `cond` holds (up to 2 s: the machine may be busy), and says whether it did.
async fn until(cond: impl Fn() -> bool) -> bool {
    for _ in 0..200 {
        if cond() {
            return true;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    cond()
}

async fn mount(
    kind: Kind,
    problem: Option<&'static str>,
) -> (web_sys::Element, Rc<RefCell<Vec<Action>>>) {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let root = doc.create_element("div").expect("div");
    doc.body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let log = Rc::new(RefCell::new(Vec::new()));
    yew::Renderer::<Harness>::with_root_and_props(
        root.clone(),
        HarnessProps {
            log: log.clone(),
            kind,
            problem: problem.map(AttrValue::from),
        },
    )
    .render();
    assert!(until(|| root.child_element_count() > 0).await, "rendered");
    (root, log)
}

fn input(root: &web_sys::Element, testid: &str) -> web_sys::HtmlInputElement {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .unwrap_or_else(|| panic!("no input {testid}"))
}

fn text_of(root: &web_sys::Element, testid: &str) -> Option<String> {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
}

/// Types `text` into `el` the way a browser reports it: `input`, then `change` if `commit`.
async fn type_into(el: &web_sys::HtmlInputElement, text: &str, commit: bool) {
    el.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict("input", &init).expect("event");
    el.dispatch_event(&ev).expect("dispatch");
    if commit {
        let ev = web_sys::Event::new_with_event_init_dict("change", &init).expect("event");
        el.dispatch_event(&ev).expect("dispatch");
    }
    tick().await;
}

#[wasm_bindgen_test]
async fn typing_a_number_dispatches_it_and_moves_the_slider() {
    let (root, log) = mount(Kind::Pct, None).await;
    let num = input(&root, "input-macro.real_growth_pct");
    let range = input(&root, "range-macro.real_growth_pct");
    assert_eq!(num.value(), "10");
    type_into(&num, "12.5", true).await;
    let log = log.borrow();
    assert_eq!(
        log.first(),
        Some(&Action::Set {
            path: "macro.real_growth_pct".into(),
            value: Value::Num(12.5),
            edit: Edit::Live
        })
    );
    assert_eq!(
        log.last(),
        Some(&Action::Set {
            path: "macro.real_growth_pct".into(),
            value: Value::Num(12.5),
            edit: Edit::Commit
        })
    );
    assert!(
        until(|| range.value() == "12.5").await,
        "range follows: {}",
        range.value()
    );
    assert!(text_of(&root, "error-macro.real_growth_pct").is_none());
}

#[wasm_bindgen_test]
async fn french_decimal_commas_are_understood() {
    let (root, log) = mount(Kind::Pct, None).await;
    type_into(&input(&root, "input-macro.real_growth_pct"), "3,25", false).await;
    assert!(
        matches!(log.borrow().last(), Some(Action::Set { value: Value::Num(x), .. }) if *x == 3.25)
    );
}

#[wasm_bindgen_test]
async fn unparsable_text_shows_a_message_and_leaves_the_plan_alone() {
    let (root, log) = mount(Kind::Pct, None).await;
    let num = input(&root, "input-macro.real_growth_pct");
    type_into(&num, "abc", true).await;
    assert!(
        log.borrow().is_empty(),
        "nothing dispatched: {:?}",
        log.borrow()
    );
    assert!(until(|| text_of(&root, "error-macro.real_growth_pct").is_some()).await);
    assert_eq!(
        text_of(&root, "error-macro.real_growth_pct").as_deref(),
        Some("Not a number.")
    );
    assert_eq!(num.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        num.get_attribute("aria-describedby").as_deref(),
        Some("error-macro.real_growth_pct")
    );
    assert_eq!(num.value(), "abc", "the text stays so it can be corrected");
    type_into(&num, "11", true).await;
    assert!(until(|| text_of(&root, "error-macro.real_growth_pct").is_none()).await);
    assert_eq!(num.get_attribute("aria-invalid").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn a_plan_year_refuses_negative_and_fractional_text() {
    let (root, log) = mount(Kind::Whole, None).await;
    let num = input(&root, "input-macro.real_growth_pct");
    type_into(&num, "-1", true).await;
    type_into(&num, "2.5", true).await;
    assert!(log.borrow().is_empty());
    assert!(
        until(|| text_of(&root, "error-macro.real_growth_pct")
            .is_some_and(|t| t.contains("whole number")))
        .await
    );
    type_into(&num, "3", true).await;
    assert!(matches!(
        log.borrow().last(),
        Some(Action::Set {
            value: Value::Int(3),
            ..
        })
    ));
    assert!(
        until(|| root.text_content().unwrap_or_default().contains("2029")).await,
        "calendar year shown"
    );
}

#[wasm_bindgen_test]
async fn dragging_the_slider_updates_the_number() {
    let (root, log) = mount(Kind::Pct, None).await;
    let range = input(&root, "range-macro.real_growth_pct");
    type_into(&range, "30", false).await;
    assert!(
        matches!(log.borrow().last(), Some(Action::Set { value: Value::Num(x), edit: Edit::Slide, .. }) if *x == 30.0)
    );
    assert!(until(|| input(&root, "input-macro.real_growth_pct").value() == "30").await);
}

#[wasm_bindgen_test]
async fn typed_values_beyond_the_slider_stretch_it() {
    let (root, _) = mount(Kind::Pct, None).await;
    type_into(&input(&root, "input-macro.real_growth_pct"), "80", true).await;
    let range = input(&root, "range-macro.real_growth_pct");
    assert!(until(|| range.value() == "80").await, "{}", range.value());
    assert_eq!(range.max(), "80");
}

#[wasm_bindgen_test]
async fn the_models_message_is_shown_at_its_path() {
    let (root, _) = mount(Kind::Pct, Some("must be at most 1000")).await;
    assert_eq!(
        text_of(&root, "error-macro.real_growth_pct").as_deref(),
        Some("must be at most 1000")
    );
    let num = input(&root, "input-macro.real_growth_pct");
    assert_eq!(num.get_attribute("aria-invalid").as_deref(), Some("true"));
}

// ------------------------------------------------------------ app shell

async fn mount_app() -> web_sys::Element {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let root = doc.create_element("div").expect("div");
    doc.body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    yew::Renderer::<sunset_planner::ui::app::App>::with_root(root.clone()).render();
    assert!(until(|| root.child_element_count() > 0).await, "rendered");
    root
}

fn key(key: &str, ctrl: bool, shift: bool) -> web_sys::KeyboardEvent {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_ctrl_key(ctrl);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event")
}

fn button(root: &web_sys::Element, testid: &str) -> web_sys::HtmlElement {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .unwrap_or_else(|| panic!("no button {testid}"))
}

#[wasm_bindgen_test]
async fn keyboard_shortcuts_undo_and_redo_plan_edits() {
    let root = mount_app().await;
    let num = input(&root, "input-macro.inflation_pct");
    let first = num.value();
    let undo = button(&root, "undo");
    assert!(undo.has_attribute("disabled"), "nothing to undo yet");
    type_into(&num, "19", true).await;
    assert!(until(|| !undo.has_attribute("disabled")).await);
    // From inside the field too: the plan's undo wins over the field's own.
    let ev = key("z", true, false);
    num.dispatch_event(&ev).expect("dispatch");
    assert!(ev.default_prevented());
    assert!(
        until(|| num.value() == first).await,
        "undone: {}",
        num.value()
    );
    root.dispatch_event(&key("Z", true, true))
        .expect("dispatch");
    assert!(
        until(|| num.value() == "19").await,
        "redone: {}",
        num.value()
    );
    root.dispatch_event(&key("z", true, false))
        .expect("dispatch");
    assert!(
        until(|| num.value() == first).await,
        "undone again: {}",
        num.value()
    );
    root.dispatch_event(&key("y", true, false))
        .expect("dispatch");
    assert!(
        until(|| num.value() == "19").await,
        "redone with Ctrl+Y: {}",
        num.value()
    );
    // A plain z is typing, not a shortcut.
    let ev = key("z", false, false);
    root.dispatch_event(&ev).expect("dispatch");
    assert!(!ev.default_prevented());
}

#[wasm_bindgen_test]
async fn header_switches_language_and_adds_from_a_preset() {
    let root = mount_app().await;
    button(&root, "lang-fr").click();
    assert!(
        until(|| root
            .text_content()
            .unwrap_or_default()
            .contains("Bailleurs"))
        .await
    );
    assert_eq!(
        button(&root, "lang-fr")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    let donors = |r: &web_sys::Element| {
        r.query_selector_all(".item.donor")
            .map(|l| l.length())
            .unwrap_or(0)
    };
    let before = donors(&root);
    button(&root, "preset-cliff").click();
    assert!(until(|| donors(&root) == before + 1).await, "preset added");
    button(&root, &format!("remove-donors[{before}]")).click();
    assert!(until(|| donors(&root) == before).await, "removed");
    button(&root, "undo").click();
    assert!(until(|| donors(&root) == before + 1).await, "undone");
}

#[wasm_bindgen_test]
fn problems_are_placed_by_item_name() {
    use sunset_planner::ui::components::problems_banner::place;
    let plan = default_plan();
    assert_eq!(
        place(&plan, "donors[1].taper.end", Lang::En),
        "Child grant co-financing › taper.end"
    );
    assert_eq!(place(&plan, "costs[0]", Lang::En), "Police and border");
    assert_eq!(place(&plan, "shocks[0].at", Lang::En), "shocks[0] › at");
    assert_eq!(place(&plan, "macro.gdp_base", Lang::En), "macro.gdp_base");
    assert_eq!(place(&plan, "", Lang::Fr), "plan");
    assert_eq!(place(&plan, "donors[x", Lang::En), "donors[x");
}

#[wasm_bindgen_test]
fn typed_numbers_are_read_as_people_write_them() {
    use sunset_planner::ui::components::number_field::parse_number;
    let en = |t| parse_number(t, Lang::En);
    let fr = |t| parse_number(t, Lang::Fr);
    assert_eq!(en("1,234.5"), Some(1234.5));
    assert_eq!(en("1,234"), Some(1234.0));
    assert_eq!(en("3,25"), Some(3.25));
    assert_eq!(en(" 35 bn"), Some(3.5e10));
    assert_eq!(en("2.4M"), Some(2.4e6));
    assert_eq!(en("1.5e9"), Some(1.5e9));
    assert_eq!(en("−2"), Some(-2.0));
    assert_eq!(fr("1 234,5"), Some(1234.5));
    assert_eq!(fr("35,0 Md"), Some(3.5e10));
    assert_eq!(fr("1,2 Bn"), Some(1.2e12));
    for bad in ["", "abc", "inf", "NaN", "1e999", "bn", "1..2", "12 apples"] {
        assert_eq!(en(bad), None, "{bad:?}");
    }
}

#[wasm_bindgen_test]
async fn a_half_typed_number_is_not_an_error_until_committed() {
    let (root, log) = mount(Kind::Pct, None).await;
    let num = input(&root, "input-macro.real_growth_pct");
    type_into(&num, "-", false).await;
    assert!(
        text_of(&root, "error-macro.real_growth_pct").is_none(),
        "no error while typing a sign"
    );
    assert_eq!(num.value(), "-");
    type_into(&num, "-3", false).await;
    assert!(
        matches!(log.borrow().last(), Some(Action::Set { value: Value::Num(x), .. }) if *x == -3.0)
    );
    type_into(&num, "-", true).await;
    assert!(
        until(|| text_of(&root, "error-macro.real_growth_pct").is_some()).await,
        "an error once committed"
    );
}

#[wasm_bindgen_test]
fn extreme_plan_years_do_not_panic() {
    let max = Value::Int(i64::from(u32::MAX));
    let mut s = run(
        state(),
        [set("donors[2].taper.start", max.clone(), Edit::Commit)],
    );
    for shape in [
        Shape::Linear,
        Shape::Steps,
        Shape::Logistic,
        Shape::None,
        Shape::Exponential,
    ] {
        s = s.reduce(Action::SetTaperShape { donor: 2, shape });
    }
    s = run(
        s,
        [
            Action::SetTaperShape {
                donor: 2,
                shape: Shape::Steps,
            },
            set("donors[2].taper.points[1]", max.clone(), Edit::Commit),
            Action::AddStepPoint { donor: 2 },
            Action::Toggle(Optional::TaperEnd(2)),
            set("costs[0].handover.start", max.clone(), Edit::Commit),
            set("costs[0].handover.years", max, Edit::Commit),
            set("meta.start_year", Value::Int(i64::MAX), Edit::Commit),
        ],
    );
    assert!(s.can_undo());
}

#[wasm_bindgen_test]
fn criteria_offer_every_metric_of_the_model() {
    use sunset_planner::ui::components::reserve_section::metrics;
    for lang in [Lang::En, Lang::Fr] {
        let offered: Vec<&str> = metrics(lang).into_iter().map(|(k, _)| k).collect();
        let mut sorted = offered.clone();
        sorted.sort_unstable();
        let mut model: Vec<&str> = sunset_planner::model::METRICS.to_vec();
        model.sort_unstable();
        assert_eq!(sorted, model);
        assert_eq!(offered[0], "self_sufficiency_pct");
    }
}

#[wasm_bindgen_test]
async fn a_growth_drag_redraws_the_headline_and_the_table_catches_up() {
    let root = mount_app().await;
    let card = || text_of(&root, "card-cumulative-gap-value").unwrap_or_default();
    assert!(
        until(|| !card().is_empty()).await,
        "the headline cards are shown"
    );
    let before = card();
    let table = || {
        root.query_selector("table")
            .ok()
            .flatten()
            .and_then(|t| t.text_content())
            .unwrap_or_default()
    };
    let table_before = table();
    let range = input(&root, "range-macro.real_growth_pct");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    for v in ["2", "0", "-4", "-8"] {
        range.set_value(v);
        range
            .dispatch_event(
                &web_sys::Event::new_with_event_init_dict("input", &init).expect("event"),
            )
            .expect("dispatch");
    }
    assert!(
        until(|| card() != before).await,
        "the cumulative gap follows the drag: {before}"
    );
    tick().await;
    assert_eq!(
        table(),
        table_before,
        "the year table waits for the release"
    );
    range
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).expect("event"))
        .expect("dispatch");
    assert!(
        until(|| table() != table_before).await,
        "and catches up on release"
    );
    button(&root, "undo").click();
    assert!(
        until(|| card() == before).await,
        "one undo restores the plan before the drag"
    );
}

#[wasm_bindgen_test]
async fn a_problem_link_opens_its_section_and_focuses_the_control() {
    let root = mount_app().await;
    let num = input(&root, "input-macro.real_growth_pct");
    type_into(&num, "-150", true).await;
    let banner = || text_of(&root, "problems-banner").unwrap_or_default();
    assert!(
        until(|| banner().contains("1 problem")).await,
        "banner: {}",
        banner()
    );
    assert!(
        until(|| text_of(&root, "error-macro.real_growth_pct").is_some()).await,
        "message at the control"
    );
    assert!(
        root.query_selector("[data-testid=results] .stale, [data-testid=results] [class*=stale]")
            .ok()
            .flatten()
            .is_some(),
        "results marked stale"
    );
    button(&root, "toggle-section-macro").click();
    assert!(
        until(|| root
            .query_selector("[data-testid=\"input-macro.real_growth_pct\"]")
            .ok()
            .flatten()
            .is_none())
        .await
    );
    let link: web_sys::HtmlElement = root
        .query_selector("[data-testid=problems-banner] a")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .expect("a link to the problem");
    link.click();
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let focused = || {
        doc.active_element()
            .and_then(|e| e.get_attribute("data-testid"))
            .unwrap_or_default()
    };
    assert!(
        until(|| focused() == "input-macro.real_growth_pct").await,
        "focused: {}",
        focused()
    );
    // Fixing the value clears the banner.
    type_into(&input(&root, "input-macro.real_growth_pct"), "3", true).await;
    assert!(until(|| text_of(&root, "problems-banner").is_none()).await);
}

/// Every leaf of `v` as (MODEL.md path, value), e.g. ("donors[0].base", 4e8).
fn leaves(v: &serde_json::Value, path: String, out: &mut Vec<(String, serde_json::Value)>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                leaves(x, p, out);
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                leaves(x, format!("{path}[{i}]"), out);
            }
        }
        other => out.push((path, other.clone())),
    }
}

#[wasm_bindgen_test]
async fn every_field_of_the_default_plan_has_a_control() {
    let root = mount_app().await;
    for key in ["plan", "shocks", "reserve"] {
        button(&root, &format!("toggle-section-{key}")).click();
    }
    assert!(
        until(|| root
            .query_selector("[data-testid=\"input-meta.name\"]")
            .ok()
            .flatten()
            .is_some())
        .await
    );
    // Parts the default plan lacks: year-by-year overrides and a step taper.
    for id in [
        "add-override-real_growth_pct",
        "add-override-inflation_pct",
        "preset-halve-donors[0]",
    ] {
        button(&root, id).click();
    }
    let plan = run(
        Rc::new(State::new(sunset_planner::model::default_plan())),
        [
            Action::AddOverride(Series::RealGrowth),
            Action::AddOverride(Series::Inflation),
            Action::ApplyPreset {
                id: "halve".into(),
                donor: Some(0),
            },
        ],
    )
    .plan
    .clone();
    assert!(!plan.macro_path.overrides.inflation_pct.is_empty());
    assert!(matches!(plan.donors[0].taper, Some(Taper::Steps { .. })));
    assert!(
        until(|| root
            .query_selector("[data-testid=\"input-donors[0].taper.points[0].pct\"]")
            .ok()
            .flatten()
            .is_some())
        .await
    );
    let mut all = Vec::new();
    leaves(&plan_to_value(&plan), String::new(), &mut all);
    let mut missing = Vec::new();
    for (path, value) in all {
        if path == "format" || path == "version" {
            continue;
        }
        // A step point is [t, pct]; its controls are `points[j]` and `points[j].pct`.
        let path = path.replace("][0]", "]").replace("][1]", "].pct");
        let id = match value {
            serde_json::Value::Bool(_) => format!("toggle-{path}"),
            _ => format!("input-{path}"),
        };
        if root
            .query_selector(&format!("[data-testid=\"{id}\"]"))
            .ok()
            .flatten()
            .is_none()
        {
            missing.push(id);
        }
        if value.is_number() && !path.ends_with("kind") {
            let range = format!("range-{path}");
            if root
                .query_selector(&format!("[data-testid=\"{range}\"]"))
                .ok()
                .flatten()
                .is_none()
            {
                missing.push(range);
            }
        }
    }
    assert!(missing.is_empty(), "no control for {missing:?}");
}

#[wasm_bindgen_test]
async fn french_shows_a_decimal_comma_in_typed_fields() {
    let root = mount_app().await;
    let num = input(&root, "input-macro.real_growth_pct");
    let english = num.value();
    assert!(english.contains('.'), "{english}");
    button(&root, "lang-fr").click();
    assert!(
        until(|| num.value() == english.replace('.', ",")).await,
        "{}",
        num.value()
    );
    type_into(&num, "3,5", true).await;
    assert!(until(|| num.value() == "3,5").await);
}
