//! Workshop mode's pure core on the host: keys to presenter commands, what
//! each command does to the state (view only, never the plan or undo), the
//! scenario on screen and its figures, and the audience window's message.

use std::rc::Rc;

use sunset_planner::model::{parse_plan, scenario, Plan};
use sunset_planner::ui::format::DisplayCurrency;
use sunset_planner::ui::i18n::Lang;
use sunset_planner::ui::state::{Action, State};
use sunset_planner::ui::workshop::{
    audience_message, cue_for_key, read_message, shown_projection, Cue, Headline, Stage,
};

fn example() -> Plan {
    parse_plan(include_str!("../plans/example-v2.json")).expect("example-v2 is valid")
}

fn start() -> Rc<State> {
    Rc::new(State::new(example())).reduce(Action::Presenter(true))
}

fn cue(s: Rc<State>, c: Cue) -> Rc<State> {
    s.reduce(Action::Cue(c))
}

#[test]
fn keys_name_their_commands() {
    assert_eq!(cue_for_key("ArrowLeft"), Some(Cue::Prev));
    assert_eq!(cue_for_key("ArrowRight"), Some(Cue::Next));
    assert_eq!(cue_for_key("1"), Some(Cue::Jump(0)));
    assert_eq!(cue_for_key("9"), Some(Cue::Jump(8)));
    assert_eq!(cue_for_key("0"), None);
    assert_eq!(cue_for_key("10"), None);
    assert_eq!(cue_for_key("C"), Some(Cue::Compare));
    assert_eq!(cue_for_key("p"), Some(Cue::Predict));
    assert_eq!(cue_for_key(" "), Some(Cue::Reveal));
    assert_eq!(cue_for_key("q"), Some(Cue::Qr));
    assert_eq!(cue_for_key("Escape"), Some(Cue::Leave));
    assert_eq!(cue_for_key("x"), None);
    assert_eq!(cue_for_key("Enter"), None);
}

#[test]
fn arrows_and_digits_walk_the_baseline_then_each_scenario() {
    let s = start();
    assert_eq!(s.shown, None);
    let s = cue(s, Cue::Prev);
    assert_eq!(s.shown, None, "nothing before the baseline");
    let s = cue(s, Cue::Next);
    assert_eq!(s.shown, Some(0));
    let s = cue(s, Cue::Next);
    assert_eq!(s.shown, Some(1));
    let last = cue(s.clone(), Cue::Next);
    assert!(Rc::ptr_eq(&last, &s), "nothing after the last scenario");
    let s = cue(s, Cue::Prev);
    assert_eq!(s.shown, Some(0));
    let s = cue(s, Cue::Jump(2));
    assert_eq!(s.shown, Some(1));
    let s = cue(s, Cue::Jump(0));
    assert_eq!(s.shown, None);
    let same = cue(s.clone(), Cue::Jump(5));
    assert!(
        Rc::ptr_eq(&same, &s),
        "a digit past the last scenario does nothing"
    );
}

#[test]
fn compare_pairs_the_scenario_with_the_baseline_and_follows_the_arrows() {
    let s = cue(start(), Cue::Compare);
    // From the baseline, C compares the first scenario with it.
    assert_eq!(s.shown, Some(0));
    assert_eq!(*s.compare, vec![None, Some(0)]);
    let s = cue(s, Cue::Next);
    assert_eq!(*s.compare, vec![None, Some(1)]);
    let s = cue(s, Cue::Jump(0));
    assert!(s.compare.is_empty(), "nothing to compare the baseline with");
    assert_eq!(s.shown, None);
    let s = cue(cue(s, Cue::Jump(2)), Cue::Compare);
    assert_eq!(*s.compare, vec![None, Some(1)]);
    let s = cue(s, Cue::Compare);
    assert!(s.compare.is_empty());
    assert_eq!(s.shown, Some(1));
    let s = cue(s, Cue::Prev);
    assert!(s.compare.is_empty(), "moving does not start a comparison");

    let mut lone = example();
    lone.scenarios.clear();
    let s = Rc::new(State::new(lone));
    let same = cue(s.clone(), Cue::Compare);
    assert!(
        Rc::ptr_eq(&same, &s),
        "nothing to compare without scenarios"
    );
}

#[test]
fn predict_veils_until_space_and_escape_closes_the_qr_code_before_leaving() {
    let s = cue(start(), Cue::Predict);
    assert_eq!(
        s.stage,
        Stage {
            veiled: true,
            qr: false
        }
    );
    let s = cue(s, Cue::Next);
    assert!(s.stage.veiled, "the veil stays while moving on");
    let s = cue(s, Cue::Reveal);
    assert!(!s.stage.veiled);
    let again = cue(s.clone(), Cue::Reveal);
    assert!(Rc::ptr_eq(&again, &s));
    let s = cue(cue(s, Cue::Predict), Cue::Qr);
    assert_eq!(
        s.stage,
        Stage {
            veiled: true,
            qr: true
        }
    );
    let s = cue(s, Cue::Leave);
    assert!(
        s.presenter && !s.stage.qr,
        "Escape first closes the QR code"
    );
    let s = cue(s, Cue::Leave);
    assert!(!s.presenter);
    assert_eq!(s.stage, Stage::default(), "leaving resets the stage");
}

#[test]
fn commands_never_touch_the_plan_or_its_undo_history() {
    let s = start();
    let mut t = s.clone();
    for c in [
        Cue::Next,
        Cue::Compare,
        Cue::Predict,
        Cue::Qr,
        Cue::Jump(2),
        Cue::Leave,
    ] {
        t = cue(t, c);
        assert!(Rc::ptr_eq(&t.plan, &s.plan));
        assert!(!t.can_undo());
    }
}

#[test]
fn the_scenario_on_screen_is_evaluated_as_the_model_evaluates_it() {
    let plan = example();
    let all = scenario::evaluate_all(&plan).expect("evaluates");
    let (p, pr) = shown_projection(&plan, None).expect("baseline");
    assert_eq!(*pr, all.baseline);
    assert_eq!(*p, plan);
    for i in 0..plan.scenarios.len() {
        let (p, pr) = shown_projection(&plan, Some(i)).expect("scenario");
        assert_eq!((&*p, &*pr), (&all.scenarios[i].0, &all.scenarios[i].1));
    }
    // The faster taper changes the figures a room reads.
    let a = Headline::of(&all.baseline, DisplayCurrency::Local);
    let b = Headline::of(&all.scenarios[0].1, DisplayCurrency::Local);
    assert_ne!(a, b);
    let gap: f64 = all.baseline.years.iter().map(|y| y.unfunded_gap).sum();
    assert_eq!(a.cumulative_gap, gap);
    assert_eq!(
        a.self_sufficiency_year,
        all.baseline.summary.self_sufficiency_year
    );

    let mut broken = plan.clone();
    broken.scenarios[1].changes.0[0].0 = sunset_planner::model::root().donors().at(9).base();
    assert!(shown_projection(&broken, Some(1)).is_err());
}

#[test]
fn the_audience_message_carries_plan_view_and_stage() {
    let s = cue(cue(start(), Cue::Compare), Cue::Predict)
        .reduce(Action::SetLang(Lang::Fr))
        .reduce(Action::SetCurrency(DisplayCurrency::Usd));
    let text = audience_message(&s.plan, &s);
    let screen = read_message(&text).expect("reads back");
    assert_eq!(*screen.plan, *s.plan);
    assert_eq!(screen.shown, Some(0));
    assert_eq!(*screen.compare, vec![None, Some(0)]);
    assert_eq!(screen.lang, Lang::Fr);
    assert_eq!(screen.currency, DisplayCurrency::Usd);
    assert_eq!(
        screen.stage,
        Stage {
            veiled: true,
            qr: false
        }
    );

    assert!(read_message("hello").is_err());
    assert!(read_message(r#"{"link": "2.AAAA"}"#).is_err());
}

#[test]
fn a_pinned_control_reads_its_value_from_the_plan() {
    use sunset_planner::model::root;
    use sunset_planner::ui::workshop::value_at;
    let plan = example();
    assert_eq!(
        value_at(&plan, &root().macro_path().real_growth_pct()),
        Some(4.5)
    );
    assert_eq!(value_at(&plan, &root().donors().at(0).base()), Some(4.0e8));
    assert_eq!(value_at(&plan, &root().meta().start_year()), Some(2026.0));
    assert_eq!(value_at(&plan, &root().donors().at(7).base()), None);
    assert_eq!(value_at(&plan, &root().meta().name()), None);
}
