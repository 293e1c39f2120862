//! The reducer on the host: every `Action`, undo and redo, gestures, stale
//! projections. It runs with a stand-in validate/evaluate, so these tests
//! pin the interface's behaviour whatever the model computes.

use std::rc::Rc;

use sunset_planner::model::{
    root, At, DonorKind, Field, Node, Plan, Problem, Projection, Rule, Taper, YearResult, VERSION,
};
use sunset_planner::ui::edit::{List, ListOp, Optional, Series, Shape, Value};
use sunset_planner::ui::format::DisplayCurrency;
use sunset_planner::ui::i18n::Lang;
use sunset_planner::ui::presets::catalogue;
use sunset_planner::ui::state::{Action, Edit, Engine, Section, State, YearsShown};

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

/// Every list a plan has.
const LISTS: [List; 6] = [
    List::Revenues,
    List::Costs,
    List::Programmes,
    List::Donors,
    List::Shocks,
    List::Criteria,
];

/// MODEL.md's example plan: the reducer tests name its items.
fn default_plan() -> Plan {
    sunset_planner::model::parse_plan(include_str!("../plans/example.json"))
        .expect("the example plan parses")
}

fn state() -> Rc<State> {
    state_of(default_plan())
}

/// `plan` under the fake engine.
fn state_of(plan: Plan) -> Rc<State> {
    Rc::new(State::with_engine(
        plan,
        Engine {
            validate: fake_validate,
            evaluate: fake_evaluate,
        },
    ))
}

/// A field by its MODEL.md path; a path the plan does not have fails the test.
fn field(path: &str) -> Field {
    Field::parse(path, Plan::shape(), VERSION).expect("a field of the plan")
}

fn set(path: &str, value: Value, edit: Edit) -> Action {
    Action::Set {
        field: field(path),
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

#[test]
fn opens_on_a_valid_evaluated_plan() {
    let s = state();
    assert!(s.problems.is_empty());
    assert!(!s.stale);
    assert_eq!(projected_gdp(&s), 6.0e11);
    assert!(!s.can_undo() && !s.can_redo());
}

#[test]
fn a_set_edits_the_plan_and_reevaluates() {
    let s = run(state(), [num("macro.gdp_base", 7.0e11)]);
    assert_eq!(s.plan.macro_path.gdp_base, 7.0e11);
    assert_eq!(projected_gdp(&s), 7.0e11);
    assert!(s.can_undo());
}

#[test]
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

#[test]
fn an_edit_that_cannot_apply_changes_nothing() {
    let s = state();
    // A field the plan does not have cannot even be named.
    assert!(Field::parse("macro.no_such_field", Plan::shape(), VERSION).is_err());
    for a in [
        // A whole object is no control's field.
        Action::Set {
            field: root().macro_path().field().clone(),
            value: Value::Num(1.0),
            edit: Edit::Commit,
        },
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

#[test]
fn an_invalid_plan_keeps_the_last_projection_and_marks_it_stale() {
    let s = run(
        state(),
        [num("macro.gdp_base", 5.0e11), num("macro.gdp_base", -1.0)],
    );
    assert!(s.stale);
    assert_eq!(
        s.problem_at(&field("macro.gdp_base"))
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

#[test]
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

#[test]
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

#[test]
fn undo_restores_the_projection_and_problems_too() {
    let s = run(state(), [num("macro.gdp_base", -5.0)]);
    assert!(s.stale);
    let s = s.reduce(Action::Undo);
    assert!(!s.stale && s.problems.is_empty());
    let s = s.reduce(Action::Redo);
    assert!(s.stale && s.problem_at(&field("macro.gdp_base")).is_some());
}

#[test]
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

#[test]
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

#[test]
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

#[test]
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

#[test]
fn list_operations_work_on_every_list() {
    for list in LISTS {
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

#[test]
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

#[test]
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

#[test]
fn a_rename_repoints_the_donor_that_cofinances_the_line_unless_the_name_is_taken() {
    // (the programme's new name, the co-financing donor's target after)
    for (name, target) in [
        ("Child benefit", "Child benefit"),
        // A cost line has this name: two lines would answer to it.
        ("Police and border", "Child grant"),
    ] {
        let s = run(
            state(),
            [Action::List {
                list: List::Programmes,
                op: ListOp::Rename(0, name.into()),
            }],
        );
        assert_eq!(s.plan.programmes[0].name, name);
        assert_eq!(s.plan.donors[1].target.as_deref(), Some(target));
    }
}

#[test]
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

#[test]
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

#[test]
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

#[test]
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

#[test]
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

#[test]
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

#[test]
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
}

#[test]
fn a_problem_opens_the_section_that_holds_its_control() {
    // The key names the section on the page (its panel's id and test id,
    // and the address a problem's link goes to).
    for (path, section, key) in [
        ("meta.name", Section::Plan, "plan"),
        ("macro.overrides.inflation_pct.2", Section::Macro, "macro"),
        (
            "revenues[0].reform.gain_pct_gdp_per_year",
            Section::Revenue,
            "revenue",
        ),
        ("costs[0].handover.from_pct", Section::Spending, "spending"),
        ("programmes[1].coverage.to_pct", Section::Social, "social"),
        ("donors[1].taper.end", Section::Donors, "donors"),
        ("shocks[0].cost_pct", Section::Shocks, "shocks"),
        ("reserve.target_months", Section::Reserve, "reserve"),
        ("criteria[0].metric", Section::Reserve, "reserve"),
        ("reengagement.trigger_pct", Section::Reserve, "reserve"),
        ("uncertainty.seed", Section::Uncertainty, "uncertainty"),
    ] {
        let s = Section::of(&field(path));
        assert_eq!((s, s.key()), (section, key), "{path}");
    }
}

#[test]
fn the_bridge_zoom_is_a_view_setting() {
    let s = state().reduce(Action::ShowYears(YearsShown::First(15)));
    assert_eq!(s.years_shown, YearsShown::First(15));
    assert!(!s.can_undo());
    // A plan edit keeps the zoom, and undoing the edit does not undo it.
    let s = run(
        s,
        [
            set("macro.gdp_base", Value::Num(2.0e9), Edit::Commit),
            Action::Undo,
        ],
    );
    assert_eq!(s.years_shown, YearsShown::First(15));
    let s = s.reduce(Action::ShowYears(YearsShown::All));
    assert_eq!(s.years_shown, YearsShown::All);
}

#[test]
fn the_zoom_offers_only_choices_that_leave_years_out() {
    use YearsShown::{All, First};
    assert_eq!(YearsShown::choices(60), vec![All, First(15), First(30)]);
    assert_eq!(YearsShown::choices(20), vec![All, First(15)]);
    assert_eq!(YearsShown::choices(15), vec![All]);
    assert_eq!(First(15).count(60), 15);
    // A zoom wider than the plan shows the whole plan.
    assert_eq!(First(30).count(20), 20);
    assert_eq!(All.count(60), 60);
    assert_eq!(First(0).count(60), 1);
    assert_eq!(First(15).count(0), 0);
}

#[test]
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

#[test]
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

#[test]
fn the_view_shows_and_compares_only_scenarios_that_exist() {
    let mut plan = default_plan();
    plan.scenarios = vec![
        sunset_planner::model::scenario::scenario_from_edits(&plan, &plan, "A"),
        sunset_planner::model::scenario::scenario_from_edits(&plan, &plan, "B"),
    ];
    let s = state_of(plan);
    let same = s.clone().reduce(Action::ShowScenario(Some(2)));
    assert!(Rc::ptr_eq(&s, &same), "no scenario 2");
    let s = run(
        s,
        [
            Action::ShowScenario(Some(1)),
            Action::Compare(vec![None, Some(1), Some(1), Some(7), Some(0)]),
            Action::Presenter(true),
        ],
    );
    assert_eq!(s.shown, Some(1));
    assert_eq!(*s.compare, vec![None, Some(1), Some(0)]);
    assert!(s.presenter);
    assert!(!s.can_undo(), "the view is not part of the plan's history");
}

#[test]
fn the_history_keeps_the_last_200_steps() {
    let mut s = run(
        state(),
        (0..=200).map(|i| num("macro.inflation_pct", f64::from(i))),
    );
    let mut undone = 0;
    while s.can_undo() {
        s = s.reduce(Action::Undo);
        undone += 1;
    }
    // The 201st step pushed out the first: the oldest plan left is the
    // one after it.
    assert_eq!((undone, s.plan.macro_path.inflation_pct), (200, 0.0));
}

#[test]
fn a_comparison_holds_at_most_four_plans() {
    let mut plan = default_plan();
    plan.scenarios = (0..4)
        .map(|i| {
            sunset_planner::model::scenario::scenario_from_edits(&plan, &plan, &format!("S{i}"))
        })
        .collect();
    let s = state_of(plan);
    // Scenario 4 is not there (0 to 3 are).
    let s = s.reduce(Action::Compare(vec![
        Some(4),
        None,
        Some(0),
        Some(1),
        Some(2),
        Some(3),
    ]));
    assert_eq!(*s.compare, [None, Some(0), Some(1), Some(2)]);
}

// ---- scenarios -------------------------------------------------------------

use serde_json::json;
use sunset_planner::codec::link::View;
use sunset_planner::model::shock_library::LibraryShock;
use sunset_planner::ui::state::ScenarioOp;

fn save(name: &str) -> Action {
    Action::Scenario(ScenarioOp::SaveEdits { name: name.into() })
}

fn changes(s: &State, i: usize) -> Vec<(String, serde_json::Value)> {
    s.plan.scenarios[i]
        .changes
        .0
        .iter()
        .map(|(f, v)| (f.to_string(), v.clone()))
        .collect()
}

#[test]
fn an_undo_drops_from_the_view_only_the_scenarios_it_took_away() {
    let s = run(
        state(),
        [
            num("donors[0].fulfilment_pct", 80.0),
            save("A"),
            Action::ShowScenario(None),
            num("donors[0].fulfilment_pct", 70.0),
            save("B"),
            Action::ShowScenario(None),
            num("donors[0].fulfilment_pct", 60.0),
            save("C"),
            Action::Compare(vec![Some(0), Some(2)]),
            Action::Undo,
        ],
    );
    assert_eq!(s.plan.scenarios.len(), 2);
    assert_eq!((s.shown, &*s.compare), (None, &vec![Some(0)]));
    // The comparison of the baseline with the scenario undone.
    let s = run(
        s,
        [
            Action::Redo,
            Action::Compare(vec![None, Some(2)]),
            Action::Undo,
        ],
    );
    assert_eq!(*s.compare, [None]);
}

#[test]
fn saving_edits_makes_them_a_scenario_and_the_baseline_goes_back() {
    let s = run(state(), [num("donors[0].fulfilment_pct", 80.0)]);
    assert_eq!(s.pending, 1);
    let s = run(s, [save("Low pledges")]);
    assert_eq!(s.plan.donors[0].fulfilment_pct, 90.0, "baseline back");
    assert_eq!(s.plan.scenarios[0].name, "Low pledges");
    assert_eq!(
        changes(&s, 0),
        [("donors[0].fulfilment_pct".into(), json!(80.0))]
    );
    assert_eq!(s.shown, Some(0));
    assert_eq!(s.shown_plan.donors[0].fulfilment_pct, 80.0);
    assert_eq!(s.pending, 0);
    // One undo step: the edits are back in the baseline, still pending.
    let s = run(s, [Action::Undo]);
    assert!(s.plan.scenarios.is_empty());
    assert_eq!(s.plan.donors[0].fulfilment_pct, 80.0);
    assert_eq!((s.shown, s.pending), (None, 1));
    // Kept edits stay in the baseline: a save then makes an empty scenario.
    let s = run(s, [Action::Scenario(ScenarioOp::KeepEdits), save("")]);
    assert_eq!(s.plan.donors[0].fulfilment_pct, 80.0);
    assert_eq!(s.plan.scenarios[0].name, "Scenario");
    assert!(changes(&s, 0).is_empty());
}

#[test]
fn keeping_edits_with_none_pending_changes_nothing() {
    let s = state();
    let same = s.clone().reduce(Action::Scenario(ScenarioOp::KeepEdits));
    assert!(Rc::ptr_eq(&s, &same));
    // Nor while a scenario is on screen: its edits are the scenario's.
    let s = run(state(), [save("Boom"), num("macro.gdp_base", 7.0e11)]);
    let same = s.clone().reduce(Action::Scenario(ScenarioOp::KeepEdits));
    assert!(Rc::ptr_eq(&s, &same));
}

#[test]
fn an_edit_while_a_scenario_is_shown_changes_that_scenario_only() {
    let s = run(state(), [save("Boom"), num("macro.gdp_base", 7.0e11)]);
    assert_eq!(s.plan.macro_path.gdp_base, 6.0e11, "baseline untouched");
    assert_eq!(changes(&s, 0), [("macro.gdp_base".into(), json!(7.0e11))]);
    assert_eq!(s.shown_plan.macro_path.gdp_base, 7.0e11);
    assert_eq!(projected_gdp(&s), 7.0e11, "results show the scenario");
    let base = run(s.clone(), [Action::ShowScenario(None)]);
    assert_eq!(projected_gdp(&base), 6.0e11);
    assert_eq!(base.shown_plan.macro_path.gdp_base, 6.0e11);
    // Undo takes the change back; the scenario stays on screen.
    let undone = run(s.clone(), [Action::Undo]);
    assert!(changes(&undone, 0).is_empty());
    assert_eq!((undone.shown, projected_gdp(&undone)), (Some(0), 6.0e11));
    // Back at the baseline's value, the change goes.
    let s = run(s, [num("macro.gdp_base", 6.0e11)]);
    assert!(changes(&s, 0).is_empty());
    // What a scenario may not change stays the baseline's.
    let s = run(s, [set("meta.horizon_years", Value::Int(20), Edit::Commit)]);
    assert_eq!(s.plan.meta.horizon_years, 20);
    assert!(changes(&s, 0).is_empty());
}

#[test]
fn a_bad_value_in_a_scenario_is_shown_at_its_control() {
    let s = run(
        state(),
        [save("Bad"), num("donors[0].fulfilment_pct", 150.0)],
    );
    assert_eq!(
        changes(&s, 0),
        [("donors[0].fulfilment_pct".into(), json!(150.0))]
    );
    assert_eq!(
        s.shown_plan.donors[0].fulfilment_pct, 150.0,
        "shows what was typed"
    );
    assert!(s.stale);
    assert!(
        s.shown_problem_at(&field("donors[0].fulfilment_pct"))
            .is_some(),
        "{:?}",
        s.shown_problems
    );
    // The baseline's results are not held up by it.
    let s = run(s, [Action::ShowScenario(None)]);
    assert!(!s.stale && s.shown_problems.is_empty());
}

#[test]
fn a_change_resets_to_the_baseline_value() {
    let s = run(
        state(),
        [
            save("A"),
            num("donors[0].base", 5.0e8),
            num("macro.real_growth_pct", 6.0),
        ],
    );
    assert_eq!(changes(&s, 0).len(), 2);
    let s = run(
        s,
        [Action::ResetChange {
            field: field("donors[0].base"),
        }],
    );
    assert_eq!(
        changes(&s, 0),
        [("macro.real_growth_pct".into(), json!(6.0))]
    );
    assert_eq!(s.shown_plan.donors[0].base, Some(4.0e8));
    let s = run(s, [Action::Undo]);
    assert_eq!(changes(&s, 0).len(), 2, "a reset is undoable");
    // Nothing to reset on the baseline.
    let base = run(s, [Action::ShowScenario(None)]);
    let same = base.clone().reduce(Action::ResetChange {
        field: field("macro.real_growth_pct"),
    });
    assert!(Rc::ptr_eq(&base, &same));
}

#[test]
fn reordering_baseline_items_keeps_scenarios_on_the_same_items() {
    let s = run(
        state(),
        [
            save("Bigger facility"),
            num("donors[2].base", 3.0e8),
            Action::ShowScenario(None),
            Action::List {
                list: List::Donors,
                op: ListOp::MoveUp(2),
            },
        ],
    );
    assert_eq!(s.plan.donors[1].name, "Sunset facility");
    assert_eq!(changes(&s, 0), [("donors[1].base".into(), json!(3.0e8))]);
    assert!(s.dropped.is_empty());
    // Deleting the item takes its changes with it, and says which.
    let s = run(
        s,
        [Action::List {
            list: List::Donors,
            op: ListOp::Remove(1),
        }],
    );
    assert!(changes(&s, 0).is_empty());
    assert_eq!(
        *s.dropped,
        [("Bigger facility".to_string(), field("donors[1].base"))]
    );
    let s = run(s, [Action::Undo]);
    assert_eq!(changes(&s, 0), [("donors[1].base".into(), json!(3.0e8))]);
    assert!(s.dropped.is_empty());
}

#[test]
fn saving_after_a_reorder_puts_other_scenarios_back_on_the_marks_items() {
    let s = run(
        state(),
        [
            save("Facility"),
            num("donors[2].base", 3.0e8),
            Action::ShowScenario(None),
            Action::List {
                list: List::Donors,
                op: ListOp::MoveUp(2),
            },
            num("donors[0].fulfilment_pct", 70.0),
            save("Reordered"),
        ],
    );
    // The baseline is the mark again, in its own order.
    assert_eq!(s.plan.donors[2].name, "Sunset facility");
    assert_eq!(s.plan.donors[0].fulfilment_pct, 90.0);
    assert_eq!(changes(&s, 0), [("donors[2].base".into(), json!(3.0e8))]);
    // The new scenario holds the reorder and the edit.
    let shown = &s.shown_plan;
    assert_eq!(s.shown, Some(1));
    assert_eq!(shown.donors[1].name, "Sunset facility");
    assert_eq!(shown.donors[0].fulfilment_pct, 70.0);
}

#[test]
fn a_list_edit_inside_a_whole_list_change_updates_that_change() {
    let s = run(
        state(),
        [Action::Scenario(ScenarioOp::Library(
            LibraryShock::ConflictRelapse,
        ))],
    );
    assert_eq!(s.plan.scenarios[0].name, "Conflict relapse");
    assert!(s.plan.scenarios[0].note.contains("20 %"));
    assert_eq!(s.shown, Some(0));
    assert_eq!(s.shown_plan.shocks.len(), 2);
    let s = run(s, [num("shocks[1].years", 3.0)]);
    let c = changes(&s, 0);
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].0, "shocks");
    assert_eq!(c[0].1[1]["years"], json!(3));
    assert_eq!(s.shown_plan.shocks[1].years, 3);
    // Adding an item to the shown scenario changes its list, not the baseline's.
    let s = run(
        s,
        [Action::List {
            list: List::Shocks,
            op: ListOp::Add,
        }],
    );
    assert_eq!((s.plan.shocks.len(), s.shown_plan.shocks.len()), (1, 3));
}

#[test]
fn scenarios_are_renamed_noted_duplicated_and_deleted() {
    let s = run(
        state(),
        [
            save("A"),
            set("scenarios[0].name", Value::Text("Ta".into()), Edit::Live),
            set(
                "scenarios[0].name",
                Value::Text("Taper".into()),
                Edit::Commit,
            ),
            set(
                "scenarios[0].note",
                Value::Text("Donors' proposal".into()),
                Edit::Commit,
            ),
        ],
    );
    assert_eq!(s.plan.scenarios[0].name, "Taper");
    assert_eq!(s.plan.scenarios[0].note, "Donors' proposal");
    let before = run(s.clone(), [Action::Undo, Action::Undo]);
    assert_eq!(
        before.plan.scenarios[0].name, "A",
        "a rename is one undo step"
    );
    let s = run(
        s,
        [
            num("macro.real_growth_pct", 6.0),
            Action::Scenario(ScenarioOp::Duplicate(0)),
        ],
    );
    assert_eq!(s.plan.scenarios[1].name, "Taper 2");
    assert_eq!(changes(&s, 1), changes(&s, 0));
    assert_eq!(s.shown, Some(1));
    let s = run(
        s,
        [
            Action::Compare(vec![None, Some(0), Some(1)]),
            Action::Scenario(ScenarioOp::Delete(0)),
        ],
    );
    assert_eq!(s.plan.scenarios.len(), 1);
    assert_eq!(s.shown, Some(0), "the shown scenario moved up");
    assert_eq!(*s.compare, [None, Some(0)]);
    let s = run(s, [Action::Scenario(ScenarioOp::Delete(0))]);
    assert_eq!((s.shown, s.compare.len()), (None, 1));
    let s = run(s, [Action::Undo]);
    assert_eq!(s.plan.scenarios.len(), 1);
    // Nothing to delete.
    let same = s.clone().reduce(Action::Scenario(ScenarioOp::Delete(5)));
    assert!(Rc::ptr_eq(&s, &same));
}

#[test]
fn a_plan_holds_at_most_twelve_scenarios() {
    let s = run(state(), (0..14).map(|_| save("")));
    assert_eq!(s.plan.scenarios.len(), 12);
    assert_eq!(s.plan.scenarios[11].name, "Scenario 12");
}

#[test]
fn a_links_view_is_shown_and_the_view_is_written_back() {
    let s = run(
        state(),
        [save("Fast"), save("Slow"), Action::ShowScenario(None)],
    );
    let view = View {
        scenario: Some("Slow".into()),
        compare: vec!["baseline".into(), "Fast".into(), "Nope".into()],
        presenter: true,
        lang: Some("fr".into()),
        currency: Some("USD".into()),
    };
    let s = run(s, [Action::View(Box::new(view))]);
    assert_eq!(s.shown, Some(1));
    assert_eq!(*s.compare, [None, Some(0)]);
    assert!(s.presenter);
    assert_eq!((s.lang, s.currency), (Lang::Fr, DisplayCurrency::Usd));
    let back = s.view();
    assert_eq!(back.scenario.as_deref(), Some("Slow"));
    assert_eq!(back.compare, ["Baseline", "Fast"]);
    assert_eq!(back.lang.as_deref(), Some("fr"));
    assert_eq!(back.currency.as_deref(), Some("USD"));
    // The plain view is the default one: the share link is the address's.
    assert_eq!(state().view(), View::default());
    // A view naming nothing the plan has leaves the view as it was.
    let s2 = run(
        s.clone(),
        [Action::View(Box::new(View {
            scenario: Some("Gone".into()),
            ..Default::default()
        }))],
    );
    assert_eq!(s2.shown, Some(1));
}

#[test]
fn a_links_view_compares_at_most_four_plans_once_each_in_its_currency() {
    let s = run(
        state(),
        [
            save("A"),
            save("B"),
            save("C"),
            save("D"),
            Action::ShowScenario(None),
        ],
    );
    let view = |compare: &[&str], currency: &str| {
        Action::View(Box::new(View {
            compare: compare.iter().map(|n| n.to_string()).collect(),
            currency: Some(currency.into()),
            ..Default::default()
        }))
    };
    let s = run(s, [view(&["Baseline", "A", "A", "B", "C", "D"], "USD")]);
    assert_eq!(
        (&*s.compare, s.currency),
        (&vec![None, Some(0), Some(1), Some(2)], DisplayCurrency::Usd)
    );
    let s = run(s, [view(&["B", "A"], "LCU")]);
    assert_eq!(
        (&*s.compare, s.currency),
        (&vec![Some(1), Some(0)], DisplayCurrency::Local)
    );
}

#[test]
fn deleting_a_scenario_renumbers_only_those_after_it() {
    let s = run(
        state(),
        [
            save("A"),
            save("B"),
            save("C"),
            Action::Compare(vec![Some(0), Some(2)]),
            Action::Scenario(ScenarioOp::Delete(1)),
        ],
    );
    assert_eq!(*s.compare, [Some(0), Some(1)]);
}

#[test]
fn a_baseline_list_change_keeps_each_scenario_on_its_items() {
    let list = |op| Action::List {
        list: List::Donors,
        op,
    };
    let s = run(
        state(),
        [
            num("donors[0].fulfilment_pct", 80.0),
            num("donors[1].fulfilment_pct", 70.0),
            save("S"),
            Action::ShowScenario(None),
            list(ListOp::Duplicate(0)),
        ],
    );
    // The copy comes after donor 0, so donor 1 is now donor 2.
    assert_eq!(
        changes(&s, 0),
        [
            ("donors[0].fulfilment_pct".into(), json!(80.0)),
            ("donors[2].fulfilment_pct".into(), json!(70.0)),
        ]
    );
    let s = run(s, [list(ListOp::MoveDown(0))]);
    assert_eq!(
        changes(&s, 0),
        [
            ("donors[1].fulfilment_pct".into(), json!(80.0)),
            ("donors[2].fulfilment_pct".into(), json!(70.0)),
        ]
    );
}

#[test]
fn a_loaded_plan_opens_on_its_baseline_with_nothing_pending() {
    let s = run(
        state(),
        [
            save("A"),
            Action::ShowScenario(Some(0)),
            num("macro.gdp_base", 7.0e11),
        ],
    );
    let mut other = default_plan();
    other.macro_path.gdp_base = 5.0e11;
    other.scenarios = s.plan.scenarios.clone();
    let s = run(
        s,
        [
            Action::ShowScenario(None),
            num("macro.real_growth_pct", 9.0),
            Action::Load(Box::new(other)),
        ],
    );
    assert_eq!((s.shown, s.pending), (None, 0));
    assert_eq!(projected_gdp(&s), 5.0e11);
    // Undo brings back the edits still pending.
    let s = run(s, [Action::Undo]);
    assert_eq!(s.pending, 1);
}

#[test]
fn new_items_change_no_figure() {
    // A placeholder amount is a trap: eleven placeholder donors once closed
    // an 81 bn gap. Each new item is valid and leaves every figure as it was.
    let plan = sunset_planner::model::default_plan();
    let before = sunset_planner::model::evaluate(&plan).expect("evaluates");
    for list in LISTS {
        let mut p = plan.clone();
        for _ in 0..3 {
            sunset_planner::ui::edit::list_op(&mut p, list, ListOp::Add, Lang::En).expect("added");
        }
        let after = sunset_planner::model::evaluate(&p).expect("a new item is valid");
        for (a, b) in before.years.iter().zip(&after.years) {
            for (i, m) in sunset_planner::model::METRICS.iter().enumerate() {
                assert_eq!(
                    a.metric_at(i),
                    b.metric_at(i),
                    "{list:?}: {m} in {}",
                    a.year
                );
            }
        }
    }
}

#[test]
fn a_donor_switched_to_a_pledging_kind_pledges_nothing() {
    let s = run(
        state(),
        [Action::SetDonorKind {
            donor: 1,
            kind: DonorKind::BudgetSupport,
        }],
    );
    assert_eq!(s.plan.donors[1].base, Some(0.0));
}

#[test]
fn removing_an_item_names_its_cofinancers() {
    use sunset_planner::ui::edit::{cofinance_links, cofinancers};
    let plan = sunset_planner::model::default_plan();
    let health = plan
        .costs
        .iter()
        .position(|c| c.name == "Health")
        .expect("Health");
    assert_eq!(
        cofinancers(&plan, List::Costs, health),
        vec!["Health co-financing".to_string()]
    );
    assert!(cofinancers(&plan, List::Costs, 0).is_empty());
    assert!(cofinancers(&plan, List::Donors, 1).is_empty());
    assert!(cofinancers(&plan, List::Costs, 99).is_empty());
    assert_eq!(
        cofinance_links(&plan),
        vec![("Health co-financing", "Health")]
    );
}

#[test]
fn pending_changes_are_counted_when_a_gesture_ends() {
    let live = |x: f64| set("macro.real_growth_pct", Value::Num(x), Edit::Live);
    let s = run(state(), [live(5.0), live(5.5)]);
    assert_eq!(s.pending, 0, "not counted at every step of a drag");
    assert_eq!(run(s.clone(), [Action::EndGesture]).pending, 1);
    assert_eq!(
        run(
            s,
            [set("macro.real_growth_pct", Value::Num(5.5), Edit::Commit)]
        )
        .pending,
        1
    );
}

#[test]
fn a_name_used_twice_is_flagged_where_it_was_typed() {
    // The real validator: the rule is the model's.
    let s = Rc::new(State::new(default_plan()));
    let other = s.plan.donors[1].name.clone();
    let typed_first = s.clone().reduce(set(
        "donors[0].name",
        Value::Text(other.clone()),
        Edit::Commit,
    ));
    let p = typed_first
        .problems
        .iter()
        .find(|p| matches!(p.rule, Rule::NameTaken { .. }))
        .expect("a name used twice");
    assert_eq!(p.path, field("donors[0].name"));
    assert_eq!(
        p.rule,
        Rule::NameTaken {
            name: other.clone(),
            first: field("donors[1]")
        }
    );
    // Typed in the second item, it stays where the model puts it.
    let first = s.plan.donors[0].name.clone();
    let typed_second = s.reduce(set("donors[1].name", Value::Text(first), Edit::Commit));
    assert!(typed_second
        .problems
        .iter()
        .any(|p| p.path == field("donors[1].name") && matches!(p.rule, Rule::NameTaken { .. })));
}

/// `path` of the example plan set to `value` by the edit functions alone.
fn edited(path: &str, value: Value) -> Result<Plan, sunset_planner::ui::edit::EditError> {
    let mut p = default_plan();
    sunset_planner::ui::edit::toggle(&mut p, Optional::Uncertainty).expect("a run switched on");
    sunset_planner::ui::edit::set_field(&mut p, &field(path), value).map(|()| p)
}

#[test]
fn a_value_is_converted_to_its_fields_type_or_refused() {
    use Value::{Bool, Int, Num};
    let at = |x: Result<Plan, _>, read: fn(&Plan) -> f64| x.ok().map(|p| read(&p));
    let seed = |p: &Plan| p.uncertainty.as_ref().map_or(f64::NAN, |u| u.seed as f64);
    let shock = |p: &Plan| f64::from(p.shocks[0].at);
    let fx = |p: &Plan| p.macro_path.fx_base;
    // (the field, the value, how to read it back, what it reads)
    type Case = (&'static str, Value, fn(&Plan) -> f64, Option<f64>);
    let cases: [Case; 13] = [
        // A whole number is a number too.
        ("macro.fx_base", Int(7), fx, Some(7.0)),
        ("macro.fx_base", Bool(true), fx, None),
        // A plan year: whole and not negative, as a whole or a decimal number.
        ("shocks[0].at", Num(3.0), shock, Some(3.0)),
        ("shocks[0].at", Num(2.5), shock, None),
        ("shocks[0].at", Num(-1.0), shock, None),
        ("shocks[0].at", Num(5e9), shock, None),
        ("shocks[0].at", Int(4), shock, Some(4.0)),
        // A run's seed, the same.
        ("uncertainty.seed", Num(7.0), seed, Some(7.0)),
        ("uncertainty.seed", Num(7.5), seed, None),
        ("uncertainty.seed", Num(-7.0), seed, None),
        ("uncertainty.seed", Num(1e30), seed, None),
        ("uncertainty.seed", Int(9), seed, Some(9.0)),
        ("uncertainty.seed", Int(-9), seed, None),
    ];
    for (path, value, read, want) in cases {
        assert_eq!(
            at(edited(path, value.clone()), read),
            want,
            "{path} = {value:?}"
        );
    }
    // On and off, both ways.
    for on in [false, true] {
        let p = edited("costs[2].indexed", Bool(on)).expect("a flag");
        assert_eq!(p.costs[2].indexed, on);
    }
    assert!(edited("costs[2].indexed", Num(1.0)).is_err());
}

#[test]
fn a_donors_first_taper_edit_gives_it_a_taper() {
    let mut p = default_plan();
    p.donors[2].taper = None;
    sunset_planner::ui::edit::set_field(&mut p, &field("donors[2].taper.end"), Value::Int(6))
        .expect("a taper made for the edit");
    assert_eq!(p.donors[2].taper, Some(Taper::None { end: Some(6) }));
}

#[test]
fn each_list_has_its_file_key_and_its_noun() {
    let lists = [
        (List::Revenues, "revenues", "revenue"),
        (List::Costs, "costs", "cost"),
        (List::Programmes, "programmes", "programme"),
        (List::Donors, "donors", "donor"),
        (List::Shocks, "shocks", "shock"),
        (List::Criteria, "criteria", "criterion"),
    ];
    for (list, key, noun) in lists {
        assert_eq!((list.key(), list.noun()), (key, noun));
        assert_eq!(list.field().to_string(), key);
    }
}

#[test]
fn a_new_programme_pays_a_tenth_of_gdp_per_head_to_two_figures() {
    // (GDP, population, the new programme's benefit)
    for (gdp, people, benefit) in [
        (6.0e11, 5.3e6, 11_000.0), // 11,320.75
        (1234.0, 1.0, 120.0),      // 123.4
        (3.0, 100.0, 0.003),       // 0.003
        (0.0, 5.3e6, 0.0),
    ] {
        let mut p = default_plan();
        (p.macro_path.gdp_base, p.macro_path.population_base) = (gdp, people);
        sunset_planner::ui::edit::list_op(&mut p, List::Programmes, ListOp::Add, Lang::En)
            .expect("added");
        let got = p.programmes.last().map(|x| x.benefit_base);
        assert!(
            got.is_some_and(|g| (g - benefit).abs() <= 1e-12 * benefit),
            "{gdp}/{people}: {got:?}"
        );
    }
}

#[test]
fn each_new_item_is_neutral_and_starts_where_it_reads_naturally() {
    use sunset_planner::model::{Op, Programme, Shock};
    let mut p = default_plan();
    for list in LISTS {
        sunset_planner::ui::edit::list_op(&mut p, list, ListOp::Add, Lang::En).expect("added");
    }
    let r = p.revenues.last().expect("a revenue");
    assert_eq!(
        (r.name.as_str(), r.base, r.buoyancy, r.reform.is_none()),
        ("New revenue", 0.0, 1.0, true)
    );
    let c = p.costs.last().expect("a cost line");
    assert_eq!(
        (
            c.name.as_str(),
            c.base,
            c.indexed,
            c.real_growth_pct,
            c.handover.is_none()
        ),
        ("New cost line", 0.0, true, 0.0, true)
    );
    let g = p.programmes.last().expect("a programme");
    assert_eq!(
        g,
        &Programme {
            name: "New programme".into(),
            eligible_share_pct: 0.0,
            benefit_base: 11_000.0,
            indexed: true,
            real_benefit_growth_pct: 0.0,
            admin_pct: 5.0,
            coverage: None,
            note: String::new(),
        }
    );
    let d = p.donors.last().expect("a donor");
    assert_eq!(
        (
            d.name.as_str(),
            d.kind,
            d.currency,
            d.fulfilment_pct,
            d.base
        ),
        (
            "New donor",
            DonorKind::BudgetSupport,
            None,
            100.0,
            Some(0.0)
        )
    );
    // Half the example's 15 years.
    assert_eq!(d.taper, Some(Taper::Linear { start: 0, end: 7 }));
    assert!(d.target.is_none() && d.initial_country_share_pct.is_none());
    assert!(d.step_pp.is_none() && d.start.is_none());
    assert_eq!(
        p.shocks.last(),
        Some(&Shock {
            at: 1,
            years: 1,
            revenue_pct: 0.0,
            donor_pct: 0.0,
            cost_pct: 0.0,
            note: String::new(),
        })
    );
    let k = p.criteria.last().expect("a criterion");
    assert_eq!(
        (
            k.name.as_deref(),
            k.metric.as_str(),
            k.op,
            k.value,
            k.consecutive_years
        ),
        (None, "self_sufficiency_pct", Op::Ge, 100.0, 1)
    );
    // A one-year plan's shock falls in its only year.
    let mut one = default_plan();
    one.meta.horizon_years = 1;
    sunset_planner::ui::edit::list_op(&mut one, List::Shocks, ListOp::Add, Lang::En)
        .expect("added");
    assert_eq!(one.shocks.last().map(|s| s.at), Some(0));
}

#[test]
fn a_duplicate_follows_its_original_and_moves_stay_in_the_list() {
    let mut p = default_plan();
    for list in [
        List::Revenues,
        List::Costs,
        List::Programmes,
        List::Donors,
        List::Criteria,
    ] {
        sunset_planner::ui::edit::list_op(&mut p, list, ListOp::Duplicate(0), Lang::En)
            .expect("duplicated");
    }
    let second = [
        &p.revenues[1].name,
        &p.costs[1].name,
        &p.programmes[1].name,
        &p.donors[1].name,
    ];
    assert_eq!(
        second,
        [
            "Taxes on goods and services 2",
            "Police and border 2",
            "Child grant 2",
            "Budget support 2"
        ]
    );
    assert_eq!(
        p.criteria[1].name.as_deref(),
        Some("self-sufficient 3 years 2")
    );
    // Past either end: refused, the plan as it was.
    let n = p.donors.len();
    for bad in [
        ListOp::Remove(n),
        ListOp::MoveUp(n),
        ListOp::MoveDown(n - 1),
    ] {
        let before = p.clone();
        assert!(
            sunset_planner::ui::edit::list_op(&mut p, List::Donors, bad.clone(), Lang::En).is_err(),
            "{bad:?}"
        );
        assert_eq!(p, before, "{bad:?}");
    }
}

/// Donor 2 of the example (gap-filling) with `taper`, reshaped to `shape`.
fn reshaped(taper: Taper, shape: Shape) -> Option<Taper> {
    let mut p = default_plan();
    p.donors[2].taper = Some(taper);
    sunset_planner::ui::edit::set_taper_shape(&mut p, 2, shape).expect("reshaped");
    p.donors[2].taper.clone()
}

#[test]
fn a_new_taper_shape_starts_where_the_old_one_did_and_fills_the_rest() {
    use Taper::{Exponential, Linear, Logistic, Steps};
    let logistic = |midpoint| Logistic {
        midpoint,
        steepness: 1.0,
        end: None,
    };
    let exponential = |start, end| Exponential {
        start,
        rate_pct: 25.0,
        end,
    };
    // The example's 15 years: half is 7, a third 5.
    let cases = [
        // A logistic's midpoint is where it starts; before the plan, year 0.
        (logistic(4.6), Shape::Linear, Linear { start: 4, end: 11 }),
        (logistic(-2.0), Shape::Linear, Linear { start: 0, end: 7 }),
        (
            Steps {
                points: vec![(3, 100.0), (6, 50.0)],
                end: Some(9),
            },
            Shape::Linear,
            Linear { start: 3, end: 9 },
        ),
        // A linear taper must end after it starts.
        (
            exponential(4, Some(4)),
            Shape::Linear,
            Linear { start: 4, end: 11 },
        ),
        (
            exponential(4, Some(5)),
            Shape::Linear,
            Linear { start: 4, end: 5 },
        ),
        (
            exponential(4, Some(12)),
            Shape::Steps,
            Steps {
                points: vec![(4, 100.0), (9, 50.0)],
                end: Some(12),
            },
        ),
        (
            exponential(4, None),
            Shape::Logistic,
            Logistic {
                midpoint: 9.0,
                steepness: 1.0,
                end: None,
            },
        ),
        (
            Linear { start: 2, end: 10 },
            Shape::Exponential,
            Exponential {
                start: 2,
                rate_pct: 20.0,
                end: Some(10),
            },
        ),
    ];
    for (old, shape, new) in cases {
        assert_eq!(
            reshaped(old.clone(), shape),
            Some(new),
            "{old:?} to {shape:?}"
        );
    }
}

#[test]
fn step_points_are_added_halving_and_removed_only_where_they_are() {
    let mut p = default_plan();
    p.donors[2].taper = Some(Taper::Steps {
        points: vec![(3, 100.0), (6, 45.0)],
        end: None,
    });
    sunset_planner::ui::edit::add_step_point(&mut p, 2).expect("added");
    let points = |p: &Plan| match &p.donors[2].taper {
        Some(Taper::Steps { points, .. }) => points.clone(),
        _ => Vec::new(),
    };
    // Half of 45, to a whole percent, the year after.
    assert_eq!(points(&p), [(3, 100.0), (6, 45.0), (7, 23.0)]);
    assert!(sunset_planner::ui::edit::remove_step_point(&mut p, 2, 3).is_err());
    assert_eq!(points(&p).len(), 3);
    sunset_planner::ui::edit::remove_step_point(&mut p, 2, 2).expect("removed");
    assert_eq!(points(&p), [(3, 100.0), (6, 45.0)]);
}

#[test]
fn a_ramp_switched_on_runs_half_the_plan() {
    let mut p = default_plan();
    sunset_planner::ui::edit::toggle(&mut p, Optional::Handover(2)).expect("on");
    let r = p.costs[2].handover.as_ref().expect("a handover");
    assert_eq!(
        (r.from_pct, r.to_pct, r.start, r.years),
        (50.0, 100.0, 0, 7)
    );
}

#[test]
fn an_override_moves_only_onto_a_free_year() {
    let mut p = default_plan();
    let o = |p: &Plan| {
        p.macro_path
            .overrides
            .real_growth_pct
            .clone()
            .into_iter()
            .collect::<Vec<_>>()
    };
    sunset_planner::ui::edit::add_override(&mut p, Series::RealGrowth).expect("added");
    // The example overrides year 3; the new one takes year 1 at the base rate.
    assert_eq!(o(&p), [(1, 4.5), (3, -2.0)]);
    for (from, to) in [(1, 3), (2, 2), (1, 1)] {
        assert!(
            sunset_planner::ui::edit::move_override(&mut p, Series::RealGrowth, from, to).is_err()
        );
        assert_eq!(o(&p), [(1, 4.5), (3, -2.0)], "{from} to {to}");
    }
    sunset_planner::ui::edit::move_override(&mut p, Series::RealGrowth, 1, 2).expect("moved");
    assert_eq!(o(&p), [(2, 4.5), (3, -2.0)]);
    assert_eq!(Series::RealGrowth.key(), "real_growth_pct");
    assert_eq!(Series::Inflation.key(), "inflation_pct");
    assert_eq!(
        Series::RealGrowth.at(3).to_string(),
        "macro.overrides.real_growth_pct.3"
    );
    assert_eq!(
        Series::Inflation.at(0).to_string(),
        "macro.overrides.inflation_pct.0"
    );
}

#[test]
fn the_cofinancers_of_a_line_are_the_donors_that_target_it() {
    let p = default_plan();
    let of = |list, i| sunset_planner::ui::edit::cofinancers(&p, list, i);
    assert_eq!(of(List::Programmes, 0), ["Child grant co-financing"]);
    assert!(of(List::Costs, 0).is_empty());
    // Only cost lines and programmes are co-financed.
    assert!(of(List::Donors, 1).is_empty());
}
