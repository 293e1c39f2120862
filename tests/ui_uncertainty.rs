//! The reducer's Monte Carlo and goal-seek actions on the host: switching
//! a plan's run on and off, spread presets, editing the run's fields by
//! typed address (the seed is a u64), and keeping a goal-seek answer as a
//! scenario; each one undo step.

use std::rc::Rc;

use sunset_planner::model::scenario::{scenario_from_edits, scenario_plan};
use sunset_planner::model::seek::{last_calendar_year, with_answer};
use sunset_planner::model::{root, seek, Question};
use sunset_planner::ui::edit::{Optional, Value};
use sunset_planner::ui::spreads::{SpreadPreset, DEFAULT_PATHS};
use sunset_planner::ui::state::{Action, Edit, ScenarioOp, Section, State};

fn run(s: Rc<State>, actions: impl IntoIterator<Item = Action>) -> Rc<State> {
    actions.into_iter().fold(s, State::reduce)
}

#[test]
fn the_run_is_switched_on_with_imf_typical_spreads_and_off_again() {
    let s = Rc::new(State::default());
    assert!(s.plan.uncertainty.is_none());
    let on = run(s.clone(), [Action::Toggle(Optional::Uncertainty)]);
    let u = on.plan.uncertainty.clone().expect("a run");
    assert_eq!(u.paths, DEFAULT_PATHS);
    assert!(SpreadPreset::ImfTypical.matches(&u));
    assert!(on.problems.is_empty());
    assert_eq!(on.undo_depth(), 1);
    let off = run(on.clone(), [Action::Toggle(Optional::Uncertainty)]);
    assert!(off.plan.uncertainty.is_none());
    let back = run(off, [Action::Undo]);
    assert_eq!(back.plan.uncertainty, on.plan.uncertainty);
}

#[test]
fn a_preset_replaces_the_spreads_and_is_one_undo_step() {
    let s = run(
        Rc::new(State::default()),
        [
            Action::Toggle(Optional::Uncertainty),
            Action::Set {
                field: root().uncertainty().seed(),
                value: Value::Int(77),
                edit: Edit::Commit,
            },
            Action::Spreads(SpreadPreset::Fragile),
        ],
    );
    let u = s.plan.uncertainty.clone().expect("a run");
    assert!(SpreadPreset::Fragile.matches(&u));
    assert_eq!(u.seed, 77, "the preset keeps the seed");
    assert_eq!(s.undo_depth(), 3);
    let undone = run(s.clone(), [Action::Undo]);
    assert!(SpreadPreset::ImfTypical.matches(&undone.plan.uncertainty.clone().expect("a run")));
    // The same preset again changes nothing: no new undo step.
    let again = run(s.clone(), [Action::Spreads(SpreadPreset::Fragile)]);
    assert!(Rc::ptr_eq(&again, &s));
}

#[test]
fn the_runs_fields_are_set_by_typed_address_and_checked_by_the_model() {
    let s = run(
        Rc::new(State::default()),
        [
            Action::Toggle(Optional::Uncertainty),
            Action::Set {
                field: root().uncertainty().paths(),
                value: Value::Num(2500.0),
                edit: Edit::Commit,
            },
            Action::Set {
                field: root().uncertainty().revenue_error_pct(),
                value: Value::Num(12.5),
                edit: Edit::Commit,
            },
        ],
    );
    let u = s.plan.uncertainty.clone().expect("a run");
    assert_eq!((u.paths, u.revenue_error_pct), (2500, 12.5));
    // Out of range: applied, then refused by the model at its field.
    let bad = run(
        s.clone(),
        [Action::Set {
            field: root().uncertainty().paths(),
            value: Value::Int(0),
            edit: Edit::Commit,
        }],
    );
    assert!(bad.stale);
    assert!(bad.problem_at(&root().uncertainty().paths()).is_some());
    // A negative seed is no u64: nothing changes.
    let neg = run(
        s.clone(),
        [Action::Set {
            field: root().uncertainty().seed(),
            value: Value::Int(-1),
            edit: Edit::Commit,
        }],
    );
    assert!(Rc::ptr_eq(&neg, &s));
    assert_eq!(
        Section::of(&root().uncertainty().seed()),
        Section::Uncertainty
    );
}

#[test]
fn a_goal_seek_answer_is_applied_or_kept_as_a_scenario() {
    let s = Rc::new(State::default());
    let plan = (*s.plan).clone();
    let by = last_calendar_year(&plan);
    let stream = plan.revenues[1].name.clone();
    let answer = seek(&plan, Question::Reform { by }, &stream).expect("a valid question");
    let edited = with_answer(&plan, &answer).expect("reachable");

    // Applied: the plan becomes the edited one, one undo step.
    let applied = run(s.clone(), [Action::Load(Box::new(edited.clone()))]);
    assert_eq!(*applied.plan, edited);
    assert_eq!(run(applied, [Action::Undo]).plan, s.plan);

    // Kept as a scenario, twice: the second gets the next free name, and
    // each scenario's plan is the edited plan.
    let scenario = scenario_from_edits(&plan, &edited, "Reform needed");
    let saved = run(
        s.clone(),
        [
            Action::Scenario(ScenarioOp::Add(Box::new(scenario.clone()))),
            Action::Scenario(ScenarioOp::Add(Box::new(scenario))),
        ],
    );
    let names: Vec<&str> = saved
        .plan
        .scenarios
        .iter()
        .map(|x| x.name.as_str())
        .collect();
    assert_eq!(names, ["Reform needed", "Reform needed 2"]);
    assert!(saved.problems.is_empty());
    for i in 0..2 {
        let mut p = scenario_plan(&saved.plan, i).expect("applies");
        p.scenarios.clear();
        assert_eq!(p, edited);
    }
    assert_eq!(saved.undo_depth(), 2);
    assert_eq!(
        saved.plan.revenues, plan.revenues,
        "the baseline is untouched"
    );
}
