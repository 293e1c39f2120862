//! Browser tests of the app's controls: the `NumberField` rendered into a
//! real page, the app's keyboard shortcuts and header, and a slider drag
//! on the whole app. The reducer's own tests run on the host
//! (tests/ui_state.rs).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use sunset_planner::model::{Problem, Rule, Taper};
use sunset_planner::ui::components::number_field::{Kind, NumberField};
use sunset_planner::ui::context::{Ctx, Problems};
use sunset_planner::ui::edit::{Series, Value};
use sunset_planner::ui::i18n::Lang;
use sunset_planner::ui::state::{Action, Edit, State};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn run(s: Rc<State>, actions: impl IntoIterator<Item = Action>) -> Rc<State> {
    actions.into_iter().fold(s, |s, a| s.reduce(a))
}

// ------------------------------------------------------------ NumberField

#[derive(Properties, PartialEq)]
struct HarnessProps {
    log: Rc<RefCell<Vec<Action>>>,
    #[prop_or_default]
    kind: Kind,
    /// The plan's problems, as the app provides them.
    #[prop_or_default]
    problems: Vec<Problem>,
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
        <ContextProvider<Ctx> context={Ctx::new(Lang::En, on_edit)}>
        <ContextProvider<Problems> context={Problems(Rc::new(p.problems.clone()))}>
            <NumberField field={sunset_planner::model::root().macro_path().real_growth_pct()} label={"Real growth"} value={*value}
                min={0.0} max={50.0} step={0.1} kind={p.kind} start_year={(p.kind == Kind::Whole).then_some(2026)}
                />
        </ContextProvider<Problems>>
        </ContextProvider<Ctx>>
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

async fn mount(kind: Kind, problems: Vec<Problem>) -> (web_sys::Element, Rc<RefCell<Vec<Action>>>) {
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
            problems,
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
    let (root, log) = mount(Kind::Pct, Vec::new()).await;
    let num = input(&root, "input-macro.real_growth_pct");
    let range = input(&root, "range-macro.real_growth_pct");
    assert_eq!(num.value(), "10");
    type_into(&num, "12.5", true).await;
    let log = log.borrow();
    assert_eq!(
        log.first(),
        Some(&Action::Set {
            field: sunset_planner::model::root().macro_path().real_growth_pct(),
            value: Value::Num(12.5),
            edit: Edit::Live
        })
    );
    assert_eq!(
        log.last(),
        Some(&Action::Set {
            field: sunset_planner::model::root().macro_path().real_growth_pct(),
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
    let (root, log) = mount(Kind::Pct, Vec::new()).await;
    type_into(&input(&root, "input-macro.real_growth_pct"), "3,25", false).await;
    assert!(
        matches!(log.borrow().last(), Some(Action::Set { value: Value::Num(x), .. }) if *x == 3.25)
    );
}

#[wasm_bindgen_test]
async fn unparsable_text_shows_a_message_and_leaves_the_plan_alone() {
    let (root, log) = mount(Kind::Pct, Vec::new()).await;
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
async fn a_plan_year_is_typed_as_a_calendar_year_within_the_plan() {
    // Start year 2026, the default horizon of 60 years.
    let (root, log) = mount(Kind::Whole, Vec::new()).await;
    let num = input(&root, "input-macro.real_growth_pct");
    // A plan-year index, a year before the start or past the horizon, a
    // fraction of a year: all refused, saying which years are allowed.
    for bad in ["3", "-1", "2025", "2086", "2028.5"] {
        type_into(&num, bad, true).await;
        assert!(log.borrow().is_empty(), "{bad}");
        assert!(
            until(|| text_of(&root, "error-macro.real_growth_pct")
                .is_some_and(|t| t == "Enter a year from 2026 to 2085."))
            .await,
            "{bad}"
        );
    }
    type_into(&num, "2029", true).await;
    assert!(matches!(
        log.borrow().last(),
        Some(Action::Set {
            value: Value::Int(3),
            ..
        })
    ));
}

#[wasm_bindgen_test]
async fn dragging_the_slider_updates_the_number() {
    let (root, log) = mount(Kind::Pct, Vec::new()).await;
    let range = input(&root, "range-macro.real_growth_pct");
    type_into(&range, "30", false).await;
    assert!(
        matches!(log.borrow().last(), Some(Action::Set { value: Value::Num(x), edit: Edit::Slide, .. }) if *x == 30.0)
    );
    assert!(until(|| input(&root, "input-macro.real_growth_pct").value() == "30").await);
}

#[wasm_bindgen_test]
async fn typed_values_beyond_the_slider_stretch_it() {
    let (root, _) = mount(Kind::Pct, Vec::new()).await;
    type_into(&input(&root, "input-macro.real_growth_pct"), "80", true).await;
    let range = input(&root, "range-macro.real_growth_pct");
    assert!(until(|| range.value() == "80").await, "{}", range.value());
    assert_eq!(range.max(), "80");
}

#[wasm_bindgen_test]
async fn the_models_message_is_shown_at_its_path() {
    let at = |field| {
        Problem::new(
            field,
            Rule::Between {
                lo: -10.0,
                hi: 1000.0,
                got: 1200.0,
            },
        )
    };
    let growth = sunset_planner::model::root().macro_path().real_growth_pct();
    let other = sunset_planner::model::root().macro_path().inflation_pct();
    let (root, _) = mount(Kind::Pct, vec![at(other), at(growth)]).await;
    // Its own problem, not another field's.
    assert_eq!(
        text_of(&root, "error-macro.real_growth_pct").as_deref(),
        Some("must be between -10 and 1000 (got 1200)")
    );
    assert_eq!(
        root.query_selector_all(".error").map(|l| l.length()).ok(),
        Some(1)
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
    // Each app starts with the default display choices, as on a first visit
    // (an earlier test may have switched to French).
    sunset_planner::codec::browser::storage_remove(sunset_planner::ui::prefs::KEY)
        .expect("storage");
    yew::Renderer::<sunset_planner::ui::app::App>::with_root(root.clone()).render();
    // Every part drawn: the app's first render draws what is seen first,
    // then the rest a part per task.
    assert!(
        until(|| root
            .query_selector("[data-testid=\"app-ready\"]")
            .ok()
            .flatten()
            .is_some())
        .await,
        "rendered"
    );
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
    // The same magnitude in both languages; "Bn" reads two ways, refused.
    assert_eq!(fr("850 bn"), Some(8.5e11));
    assert_eq!(fr("1,2 T"), Some(1.2e12));
    assert_eq!(fr("1,2 Bn"), None);
    for bad in ["", "abc", "inf", "NaN", "1e999", "bn", "1..2", "12 apples"] {
        assert_eq!(en(bad), None, "{bad:?}");
    }
}

#[wasm_bindgen_test]
async fn a_half_typed_number_is_not_an_error_until_committed() {
    let (root, log) = mount(Kind::Pct, Vec::new()).await;
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
    leaves(
        &sunset_planner::model::plan_to_value(&plan),
        String::new(),
        &mut all,
    );
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
