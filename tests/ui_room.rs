//! The room summary's core on the host: links and plan files read back,
//! participants named, the assumptions they differ on, and who is
//! self-sufficient first, against the model's own evaluation.

use sunset_planner::codec::{file, link};
use sunset_planner::model::{evaluate, parse_plan, root, Plan, Taper};
use sunset_planner::ui::room::{
    assumptions, entry, first_self_sufficient, read_file, read_link, spread, year_figure, Entry,
};
use sunset_planner::ui::workshop::value_at;

fn example() -> Plan {
    let mut p = parse_plan(include_str!("../plans/example-v2.json")).expect("valid");
    p.scenarios.clear();
    p
}

fn variant(name: &str, growth: f64, reform: f64) -> Plan {
    variant_ending(name, growth, reform, 10)
}

fn variant_ending(name: &str, growth: f64, reform: f64, end: u32) -> Plan {
    let mut p = example();
    if let Some(Taper::Linear { end: e, .. }) = p.donors[0].taper.as_mut() {
        *e = end;
    }
    p.meta.name = name.to_string();
    p.macro_path.real_growth_pct = growth;
    if let Some(r) = p.revenues[0].reform.as_mut() {
        r.gain_pct_gdp_per_year = reform;
    }
    p
}

fn room(plans: Vec<Plan>) -> Vec<Entry> {
    let mut room = Vec::new();
    for p in plans {
        let e = entry(p, &room).expect("evaluates");
        room.push(e);
    }
    room
}

#[test]
fn links_and_files_read_back_the_plans_sent() {
    let a = variant("Amina", 5.5, 0.8);
    let url = link::link_url("https://example.org/planner/", &a);
    assert_eq!(read_link(&url).expect("link"), a);
    let b = variant("Bruno", 3.0, 0.2);
    let text = format!("{}\n{}", url, link::link_url("https://example.org/", &b));
    let plans: Vec<Plan> = read_file(&text)
        .into_iter()
        .map(|r| r.expect("read"))
        .collect();
    assert_eq!(plans, vec![a.clone(), b]);
    let json = read_file(&file::export_json(&a));
    assert_eq!(json.len(), 1);
    assert_eq!(json[0].as_ref().expect("file"), &a);
    let bad = read_link("https://example.org/#plan=2.AAAA").expect_err("corrupt");
    assert!(!bad.en.is_empty() && !bad.fr.is_empty());
}

#[test]
fn participants_are_named_once_and_evaluated_as_the_model_does() {
    let mut nameless = variant("", 4.0, 0.5);
    nameless.meta.name = "  ".into();
    let r = room(vec![
        variant("Amina", 5.5, 0.8),
        variant("Amina", 3.0, 0.2),
        nameless,
        variant("Amina", 4.0, 0.4),
    ]);
    let names: Vec<&str> = r.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Amina", "Amina (2)", "Participant 3", "Amina (3)"]);
    for e in &r {
        assert_eq!(*e.projection, evaluate(&e.plan).expect("evaluates"));
    }
}

#[test]
fn assumptions_are_the_numbers_participants_changed() {
    let r = room(vec![
        variant("A", 4.5, 0.5),
        variant_ending("B", 2.0, 0.5, 7),
        variant("C", 4.5, 1.2),
    ]);
    let growth = root().macro_path().real_growth_pct();
    let reform = root().revenues().at(0).reform().gain_pct_gdp_per_year();
    let end = root().donors().at(0).taper().linear().end();
    assert_eq!(
        assumptions(&r),
        vec![growth.clone(), reform.clone(), end.clone()]
    );
    assert_eq!(value_at(&r[1].plan, &end), Some(7.0));
    assert_eq!(value_at(&r[1].plan, &growth), Some(2.0));
    assert_eq!(value_at(&r[2].plan, &reform), Some(1.2));
    // Names differ too, but a name is no number.
    assert!(assumptions(&r[..1]).is_empty());
}

#[test]
fn only_figures_that_every_plan_has_are_compared() {
    // The first plan has a reform and one more donor than the second: a
    // figure the second lacks is no difference of assumptions.
    let first = variant("A", 4.5, 0.5);
    let mut second = variant("B", 2.0, 0.5);
    second.revenues[0].reform = None;
    second.donors.pop();
    let growth = root().macro_path().real_growth_pct();
    assert_eq!(assumptions(&room(vec![first, second])), vec![growth]);
}

#[test]
fn the_first_to_self_sufficiency_is_the_earliest_year() {
    let r = room(vec![
        variant("Slow", 2.0, 0.1),
        variant("Fast", 7.0, 1.5),
        variant("Middle", 5.0, 0.8),
    ]);
    let years: Vec<Option<i32>> = r
        .iter()
        .map(|e| e.projection.summary.self_sufficiency_year)
        .collect();
    let earliest = years.iter().flatten().min().copied();
    assert!(earliest.is_some(), "someone gets there: {years:?}");
    let first = first_self_sufficient(&r);
    assert_eq!(first, [1], "{years:?}");
    for i in first {
        assert_eq!(years[i], earliest);
    }
    // Ties share it.
    let tie = room(vec![
        variant("Slow", 2.0, 0.1),
        variant("Fast", 7.0, 1.5),
        variant("Fast too", 7.0, 1.5),
    ]);
    assert_eq!(first_self_sufficient(&tie), [1, 2]);
    let s = spread(years.iter().map(|y| year_figure(*y))).expect("spread");
    assert_eq!(s.min, f64::from(earliest.unwrap_or_default()));
}
