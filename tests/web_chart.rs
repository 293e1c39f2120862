//! The chart, indicator and year-table components rendered in a real
//! headless browser, checked on the DOM against a hand-built projection
//! whose figures are known. The pure geometry they rest on is tested on
//! the host (chart/geometry.rs).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use sunset_planner::model::{Plan, Projection, Summary, YearResult};
use sunset_planner::ui::chart::{BridgeChart, ProjectionProps, SmallCharts};
use sunset_planner::ui::components::indicators::Indicators;
use sunset_planner::ui::components::year_table::YearTable;
use sunset_planner::ui::context::Ctx;
use sunset_planner::ui::format::DisplayCurrency;
use sunset_planner::ui::i18n::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const PLAN: &str = r#"{
  "format": "sunset-plan", "version": 1,
  "meta": {"name": "Test", "currency": "XLC", "start_year": 2030, "horizon_years": 4,
           "discount_rate_pct": 10},
  "macro": {"gdp_base": 1000, "population_base": 10},
  "revenues": [{"name": "Taxes", "base": 60}, {"name": "Fees", "base": 0}],
  "costs": [{"name": "Police", "base": 80}],
  "programmes": [{"name": "Child grant", "eligible_share_pct": 10, "benefit_base": 20}],
  "donors": [
    {"name": "Budget <b>support</b>", "kind": "budget_support", "base": 30},
    {"name": "Sunset facility", "kind": "gap_filling", "base": 10}],
  "criteria": [{"name": "self-sufficient", "metric": "self_sufficiency_pct", "op": ">=", "value": 100},
               {"metric": "donor_share_pct", "op": "<", "value": 0, "consecutive_years": 2}],
  "reengagement": {"trigger_pct": 90, "reserve_floor_months": 1}
}"#;

/// (local revenue, [donors], draw, gap, deposit, need) per year, from 2030.
const YEARS: [(f64, [f64; 2], f64, f64, f64, f64); 4] = [
    (60.0, [30.0, 10.0], 0.0, 0.0, 0.0, 100.0),
    (70.0, [20.0, 5.0], 3.0, 2.0, 0.0, 100.0),
    (90.0, [0.0, 0.0], 0.0, 20.0, 0.0, 110.0),
    (130.0, [0.0, 0.0], 0.0, 0.0, 10.0, 120.0),
];

fn projection() -> Projection {
    let years = YEARS
        .iter()
        .enumerate()
        .map(|(t, (l, d, draw, gap, dep, need))| {
            let g = d[0] + d[1];
            YearResult {
                year: 2030 + t as i32,
                gdp: 1000.0,
                price_index: 1.0,
                population: 10.0,
                fx: 2.0,
                local_revenue: *l,
                need: *need,
                donor_funding: g,
                programmed_donor_funding: g,
                balance: l + g - need,
                reserve: 0.0,
                deposit: *dep,
                draw: *draw,
                unfunded_gap: *gap,
                fiscal_space: 0.0,
                self_sufficiency_pct: 100.0 * l / need,
                donor_share_pct: 100.0 * g / (l + g),
                revenue_pct_gdp: l / 10.0,
                social_protection_pct_gdp: 1.0,
                donor_drop_pct: 0.0,
                revenues: vec![*l, 0.0],
                costs: vec![need - 20.0],
                programmes: vec![20.0],
                donors: d.to_vec(),
            }
        })
        .collect();
    Projection {
        years,
        summary: Summary {
            self_sufficiency_year: Some(2033),
            donor_exit_year: Some(2032),
            cumulative_gap: 22.0,
            cumulative_gap_npv: 2.0 / 1.1 + 20.0 / 1.21,
            peak_gap: 20.0,
            peak_gap_year: Some(2032),
            total_donor_funding: 65.0,
            total_donor_funding_npv: 0.0,
            max_donor_drop_pct: 15.0,
            max_donor_drop_year: Some(2031),
            criteria: vec![("self-sufficient".into(), Some(2033)), ("1".into(), None)],
            reengagement_years: vec![2032],
        },
    }
}

fn plan() -> Plan {
    sunset_planner::model::parse_plan(PLAN).expect("test plan parses")
}

/// A result view's props and the language it is shown in.
#[derive(Properties, PartialEq, Clone)]
struct Shown {
    view: ProjectionProps,
    lang: Lang,
}

/// The result view `V` in the language of its props, as the app provides it.
#[function_component(InLang)]
fn in_lang<V>(p: &Shown) -> Html
where
    V: BaseComponent<Properties = ProjectionProps>,
{
    html! {
        <ContextProvider<Ctx> context={Ctx::new(p.lang, Callback::noop())}>
            <V ..p.view.clone() />
        </ContextProvider<Ctx>>
    }
}

fn props(projection: Projection, currency: DisplayCurrency, lang: Lang) -> Shown {
    Shown {
        view: ProjectionProps {
            plan: Rc::new(plan()),
            projection: Rc::new(projection),
            currency,
            stale: false,
            projector: false,
            years: None,
        },
        lang,
    }
}

/// A fresh div of `width` pixels in the page to render into.
fn root(width: u32) -> Element {
    // Every chart starts with the default scale, as on a first visit (the
    // share-of-need test stores its choice in the page's storage).
    sunset_planner::codec::browser::storage_remove(sunset_planner::ui::prefs::KEY).unwrap();
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    div.set_attribute("style", &format!("width:{}px", width))
        .unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

/// Lets Yew render and run effects (the width measurement re-renders).
async fn settle() {
    for _ in 0..3 {
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    }
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element {}", selector))
}

fn testid(root: &Element, id: &str) -> Element {
    find(root, &format!("[data-testid=\"{}\"]", id))
}

fn text(root: &Element, id: &str) -> String {
    testid(root, id).text_content().unwrap_or_default()
}

/// The (x, y) points of an SVG path made of M/L commands.
fn points(d: &str) -> Vec<(f64, f64)> {
    d.split(['M', 'L', 'Z'])
        .filter(|s| !s.is_empty())
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

/// The top-edge y of each year's column in a band path (first 2n points).
fn tops(root: &Element, id: &str, n: usize) -> Vec<f64> {
    let pts = points(&testid(root, id).get_attribute("d").unwrap());
    assert_eq!(pts.len(), 4 * n, "{} has 4 points per year", id);
    (0..n).map(|i| pts[2 * i].1).collect()
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[wasm_bindgen_test]
async fn bridge_areas_stack_to_the_figures_and_the_need_line_is_at_the_need() {
    let r = root(1000);
    let _app = yew::Renderer::<InLang<BridgeChart>>::with_root_and_props(
        r.clone(),
        props(projection(), DisplayCurrency::Local, Lang::En),
    )
    .render();
    settle().await;
    // Drawn at the measured width, not scaled.
    let frame = find(&r, ".chart-frame").client_width();
    assert!(frame > 800);
    assert_eq!(
        find(&r, "svg").get_attribute("width"),
        Some(frame.to_string())
    );

    let need = points(&testid(&r, "need-line").get_attribute("d").unwrap());
    assert_eq!(need.len(), 8);
    // The zero line: bottom of the revenue band.
    let rev = points(
        &testid(&r, "bridge-area-revenue")
            .get_attribute("d")
            .unwrap(),
    );
    let y0 = rev[8].1;
    assert!(rev[8..].iter().all(|p| close(p.1, y0, 0.01)));
    // The need line sits on the axis tick labelled 100 (need in 2030).
    let tick100 = r.query_selector_all(".tick").unwrap();
    let mut tick_y = None;
    for i in 0..tick100.length() {
        let g: Element = tick100.item(i).unwrap().dyn_into().unwrap();
        if g.text_content().unwrap_or_default() == "100" {
            tick_y = find(&g, "line")
                .get_attribute("y1")
                .and_then(|v| v.parse::<f64>().ok());
        }
    }
    let tick_y = tick_y.expect("a tick labelled 100");
    assert!(
        close(need[0].1, tick_y, 0.06),
        "need {} vs tick {}",
        need[0].1,
        tick_y
    );

    // Heights in proportion: pixel height over need's pixel height = figure / need.
    let px_per_unit = (y0 - need[0].1) / 100.0;
    let height = |y: f64| (y0 - y) / px_per_unit;
    let rev_tops = tops(&r, "bridge-area-revenue", 4);
    let d0 = tops(&r, "bridge-area-donor-0", 4);
    let d1 = tops(&r, "bridge-area-donor-1", 4);
    let gap = tops(&r, "gap-area", 4);
    let draw = tops(&r, "draw-area", 4);
    for (i, (l, d, dr, g, _, n)) in YEARS.iter().enumerate() {
        assert!(
            close(height(rev_tops[i]), *l, 0.2),
            "revenue {} in year {}",
            height(rev_tops[i]),
            i
        );
        assert!(
            close(height(d0[i]), l + d[0], 0.2),
            "donor 0 top in year {}",
            i
        );
        assert!(
            close(height(d1[i]), l + d[0] + d[1], 0.2),
            "donor 1 top in year {}",
            i
        );
        assert!(
            close(height(draw[i]), l + d[0] + d[1] + dr, 0.2),
            "draw top in year {}",
            i
        );
        assert!(
            close(height(gap[i]), l + d[0] + d[1] + dr + g, 0.2),
            "gap top in year {}",
            i
        );
        assert!(close(height(need[2 * i].1), *n, 0.2), "need in year {}", i);
    }
    // In deficit years the stack reaches the need exactly.
    assert!(close(gap[1], need[2].1, 0.06));
    assert!(close(gap[2], need[4].1, 0.06));
    // The deposit of 2033 hangs below zero, 10 units deep.
    let dep = points(&testid(&r, "deposit-bars").get_attribute("d").unwrap());
    assert_eq!(dep.len(), 4);
    assert!(close((dep[2].1 - y0) / px_per_unit, 10.0, 0.2));
    // Nothing is cut at the top in this projection.
    assert_eq!(testid(&r, "cut-marks").child_element_count(), 0);
    // Markers are labelled with their years.
    assert!(text(&r, "marker-self-sufficiency").contains("2033"));
    assert!(text(&r, "marker-donor-exit").contains("2032"));
    // A donor name with markup is text, never an element.
    assert!(r.text_content().unwrap().contains("Budget <b>support</b>"));
    assert!(r.query_selector(".chart-legend b").unwrap().is_none());
    // Summary for screen readers.
    let svg = find(&r, "svg");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert!(find(&r, "desc").text_content().unwrap().contains("60.0"));
}

#[wasm_bindgen_test]
async fn bridge_tooltip_follows_keyboard_and_pointer() {
    let r = root(900);
    let _app = yew::Renderer::<InLang<BridgeChart>>::with_root_and_props(
        r.clone(),
        props(projection(), DisplayCurrency::Local, Lang::En),
    )
    .render();
    settle().await;
    assert!(testid(&r, "tooltip").has_attribute("hidden"));
    let frame = find(&r, ".chart-frame");
    let key = |k: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(k);
        init.set_bubbles(true);
        let e =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        frame.dispatch_event(&e).unwrap();
    };
    key("ArrowRight");
    settle().await;
    assert!(
        text(&r, "tooltip").starts_with("2030"),
        "{}",
        text(&r, "tooltip")
    );
    key("ArrowRight");
    settle().await;
    let t = text(&r, "tooltip");
    assert!(t.starts_with("2031"), "{}", t);
    assert!(
        t.contains("Unfunded gap2")
            && t.contains("Reserve draw3")
            && t.contains("Sunset facility5"),
        "{}",
        t
    );
    assert!(t.contains("70.0\u{a0}%"), "{}", t);
    key("End");
    settle().await;
    assert!(text(&r, "tooltip").starts_with("2033"));

    let hits = r.query_selector_all(".hit").unwrap();
    assert_eq!(hits.length(), 4);
    let hit: Element = hits.item(2).unwrap().dyn_into().unwrap();
    let e = web_sys::MouseEvent::new("mouseenter").unwrap();
    hit.dispatch_event(&e).unwrap();
    settle().await;
    assert!(
        text(&r, "tooltip").starts_with("2032"),
        "{}",
        text(&r, "tooltip")
    );
}

#[wasm_bindgen_test]
async fn bridge_redraws_at_the_new_width_when_the_window_resizes() {
    let r = root(1000);
    let _app = yew::Renderer::<InLang<BridgeChart>>::with_root_and_props(
        r.clone(),
        props(projection(), DisplayCurrency::Local, Lang::En),
    )
    .render();
    settle().await;
    let before: f64 = find(&r, "svg")
        .get_attribute("width")
        .unwrap()
        .parse()
        .unwrap();
    r.set_attribute("style", "width:600px").unwrap();
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("resize").unwrap())
        .unwrap();
    settle().await;
    let after: f64 = find(&r, "svg")
        .get_attribute("width")
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        before > 800.0 && after <= 600.0,
        "{} then {}",
        before,
        after
    );
    // Text keeps its pixel size: the smaller layout uses its own font size, not a scaled drawing.
    assert_eq!(
        find(&r, "svg").get_attribute("viewBox").unwrap(),
        format!("0 0 {} 360", after)
    );
}

#[wasm_bindgen_test]
async fn a_surplus_far_above_the_need_is_cut_and_marked() {
    let mut p = projection();
    p.years[3].local_revenue = 1000.0;
    let r = root(1000);
    let _app = yew::Renderer::<InLang<BridgeChart>>::with_root_and_props(
        r.clone(),
        props(p, DisplayCurrency::Local, Lang::En),
    )
    .render();
    settle().await;
    assert_eq!(testid(&r, "cut-marks").child_element_count(), 1);
    // The axis still tops out near the need (1.25 × 120 = 150), not at 1000.
    let labels = r.query_selector_all(".tick text").unwrap();
    let last = labels
        .item(labels.length() - 1)
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(last, "150");
}

#[wasm_bindgen_test]
async fn bridge_as_share_of_need_puts_the_need_at_one_hundred_percent() {
    let r = root(1000);
    let _app = yew::Renderer::<InLang<BridgeChart>>::with_root_and_props(
        r.clone(),
        props(projection(), DisplayCurrency::Local, Lang::En),
    )
    .render();
    settle().await;
    let buttons = testid(&r, "bridge-scale-toggle")
        .query_selector_all("button")
        .unwrap();
    let share: web_sys::HtmlElement = buttons.item(1).unwrap().dyn_into().unwrap();
    share.click();
    settle().await;
    assert_eq!(share.get_attribute("aria-pressed").as_deref(), Some("true"));
    let need = points(&testid(&r, "need-line").get_attribute("d").unwrap());
    assert!(
        need.iter().all(|p| close(p.1, need[0].1, 0.01)),
        "need is flat at 100 %"
    );
    let rev = points(
        &testid(&r, "bridge-area-revenue")
            .get_attribute("d")
            .unwrap(),
    );
    let y0 = rev[8].1;
    let rev_tops = tops(&r, "bridge-area-revenue", 4);
    // Self-sufficiency: 60 %, 70 %, 81.8 %, 108.3 %.
    for (i, want) in [60.0, 70.0, 900.0 / 11.0, 1300.0 / 12.0].iter().enumerate() {
        let got = 100.0 * (y0 - rev_tops[i]) / (y0 - need[0].1);
        assert!(close(got, *want, 0.2), "year {}: {} vs {}", i, got, want);
    }
    assert!(r
        .query_selector_all(".tick text")
        .unwrap()
        .item(0)
        .unwrap()
        .text_content()
        .unwrap()
        .ends_with('%'));
    // The tooltip still speaks in money.
    let frame = find(&r, ".chart-frame");
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("End");
    init.set_bubbles(true);
    frame
        .dispatch_event(
            &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
    settle().await;
    assert!(
        text(&r, "tooltip").contains("Local revenue130"),
        "{}",
        text(&r, "tooltip")
    );
}

#[wasm_bindgen_test]
async fn bridge_in_usd_halves_at_fx_two() {
    let r = root(1000);
    let _app = yew::Renderer::<InLang<BridgeChart>>::with_root_and_props(
        r.clone(),
        props(projection(), DisplayCurrency::Usd, Lang::Fr),
    )
    .render();
    settle().await;
    let mut found = false;
    let ticks = r.query_selector_all(".tick text").unwrap();
    for i in 0..ticks.length() {
        found |= ticks.item(i).unwrap().text_content().unwrap_or_default() == "60";
    }
    assert!(found, "USD axis tops out near 65 (130 / 2)");
    assert!(text(&r, "marker-self-sufficiency").contains("Autosuffisance 2033"));
}

#[wasm_bindgen_test]
async fn indicator_cards_show_the_summary() {
    let r = root(1000);
    let _app = yew::Renderer::<InLang<Indicators>>::with_root_and_props(
        r.clone(),
        props(projection(), DisplayCurrency::Local, Lang::En),
    )
    .render();
    settle().await;
    assert_eq!(text(&r, "card-self-sufficiency-year-value"), "2033");
    assert_eq!(text(&r, "card-donor-exit-year-value"), "2032");
    assert_eq!(text(&r, "card-cumulative-gap-value"), "22");
    assert_eq!(text(&r, "card-cumulative-gap-npv-value"), "18");
    assert_eq!(text(&r, "card-peak-gap-value"), "20");
    assert!(text(&r, "card-peak-gap").contains("2032"));
    assert_eq!(text(&r, "card-max-donor-drop-value"), "15.0\u{a0}%");
    assert!(text(&r, "card-max-donor-drop").contains("Cliff in 2031"));
    assert_eq!(text(&r, "card-criteria-value"), "1 / 2 met");
    let criteria = text(&r, "card-criteria");
    assert!(
        criteria.contains("self-sufficient") && criteria.contains("met in 2033"),
        "{}",
        criteria
    );
    assert!(
        criteria.contains("Criterion 2: Donor share < 0 for 2 years: not met"),
        "{}",
        criteria
    );
    assert_eq!(text(&r, "card-reengagement-value"), "2032");
}

#[wasm_bindgen_test]
async fn indicator_cards_without_years_in_usd_and_french() {
    let mut p = projection();
    p.summary.self_sufficiency_year = None;
    p.summary.donor_exit_year = None;
    p.summary.max_donor_drop_pct = 3.0;
    let r = root(800);
    let mut pr = props(p, DisplayCurrency::Usd, Lang::Fr);
    pr.view.stale = true;
    let _app = yew::Renderer::<InLang<Indicators>>::with_root_and_props(r.clone(), pr).render();
    settle().await;
    assert_eq!(
        text(&r, "card-self-sufficiency-year-value"),
        "pas dans l’horizon du plan"
    );
    assert_eq!(
        text(&r, "card-donor-exit-year-value"),
        "pas dans l’horizon du plan"
    );
    // 2 / 2 + 20 / 2 at fx 2.
    assert_eq!(text(&r, "card-cumulative-gap-value"), "11");
    assert!(!text(&r, "card-max-donor-drop").contains("Falaise"));
    assert!(r
        .text_content()
        .unwrap()
        .contains("Affichage du dernier plan valide"));
}

#[wasm_bindgen_test]
async fn odd_projections_render_without_panicking() {
    // No years, one year with NaN and zero need, sixty years.
    let mut one = projection();
    one.years.truncate(1);
    one.years[0].need = 0.0;
    one.years[0].local_revenue = f64::NAN;
    one.years[0].fx = 0.0;
    one.years[0].donors = vec![];
    let mut sixty = projection();
    let base = sixty.years[3].clone();
    sixty.years = (0..60)
        .map(|t| YearResult {
            year: 2030 + t,
            ..base.clone()
        })
        .collect();
    for (p, currency) in [
        (Projection::default(), DisplayCurrency::Local),
        (one, DisplayCurrency::Usd),
        (sixty, DisplayCurrency::Local),
    ] {
        let r = root(700);
        let _a = yew::Renderer::<InLang<BridgeChart>>::with_root_and_props(
            r.clone(),
            props(p.clone(), currency, Lang::En),
        )
        .render();
        let r2 = root(700);
        let _b = yew::Renderer::<InLang<Indicators>>::with_root_and_props(
            r2.clone(),
            props(p.clone(), currency, Lang::En),
        )
        .render();
        let r3 = root(700);
        let _c = yew::Renderer::<InLang<SmallCharts>>::with_root_and_props(
            r3.clone(),
            props(p.clone(), currency, Lang::En),
        )
        .render();
        let r4 = root(700);
        let _d = yew::Renderer::<InLang<YearTable>>::with_root_and_props(
            r4.clone(),
            props(p, currency, Lang::En),
        )
        .render();
        settle().await;
        assert!(r
            .query_selector("[data-testid=bridge-chart]")
            .unwrap()
            .is_some());
        assert!(r2
            .query_selector("[data-testid=card-criteria]")
            .unwrap()
            .is_some());
        assert!(r3
            .query_selector("[data-testid=small-charts]")
            .unwrap()
            .is_some());
        assert!(r4
            .query_selector("[data-testid=year-table]")
            .unwrap()
            .is_some());
        assert!(!r.inner_html().contains("NaN"), "no NaN reaches the SVG");
    }
}

#[wasm_bindgen_test]
async fn small_charts_draw_the_hundred_percent_line() {
    let r = root(500);
    let _app = yew::Renderer::<InLang<SmallCharts>>::with_root_and_props(
        r.clone(),
        props(projection(), DisplayCurrency::Local, Lang::En),
    )
    .render();
    settle().await;
    let ss = testid(&r, "small-self-sufficiency");
    let line = testid(&ss, "small-self-sufficiency-reference");
    let y100: f64 = line.get_attribute("y1").unwrap().parse().unwrap();
    let path = points(&find(&ss, "path.series").get_attribute("d").unwrap());
    assert_eq!(path.len(), 4);
    // 2033: 130 / 120 = 108.3 %, above the line; 2030: 60 %, below it.
    assert!(path[3].1 < y100 && path[0].1 > y100);
    let titles = ss.query_selector_all(".hit title").unwrap();
    assert_eq!(titles.length(), 4);
    assert_eq!(
        titles.item(0).unwrap().text_content().as_deref(),
        Some("2030: 60.0\u{a0}%")
    );
    assert!(testid(&r, "small-donor-share")
        .query_selector("path.series")
        .unwrap()
        .is_some());
    assert!(testid(&r, "small-revenue-gdp")
        .query_selector("path.series")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn year_table_has_a_row_per_metric_and_breakdown() {
    let r = root(1200);
    let _app = yew::Renderer::<InLang<YearTable>>::with_root_and_props(
        r.clone(),
        props(projection(), DisplayCurrency::Usd, Lang::En),
    )
    .render();
    settle().await;
    let table = testid(&r, "year-table");
    assert!(find(&table, "caption")
        .text_content()
        .unwrap()
        .contains("USD"));
    let metrics = [
        "gdp",
        "price_index",
        "population",
        "fx",
        "local_revenue",
        "revenues.Taxes",
        "revenues.Fees",
        "need",
        "costs.Police",
        "programmes.Child grant",
        "donor_funding",
        "programmed_donor_funding",
        "donors.Budget <b>support</b>",
        "donors.Sunset facility",
        "balance",
        "deposit",
        "draw",
        "unfunded_gap",
        "fiscal_space",
        "reserve",
        "self_sufficiency_pct",
        "donor_share_pct",
        "revenue_pct_gdp",
        "social_protection_pct_gdp",
        "donor_drop_pct",
    ];
    let rows = table.query_selector_all("tr[data-metric]").unwrap();
    assert_eq!(rows.length() as usize, metrics.len());
    for (i, m) in metrics.iter().enumerate() {
        let row: Element = rows.item(i as u32).unwrap().dyn_into().unwrap();
        assert_eq!(row.get_attribute("data-metric").as_deref(), Some(*m));
        assert_eq!(row.query_selector_all("td").unwrap().length(), 4, "{}", m);
        assert_eq!(
            find(&row, "th").get_attribute("scope").as_deref(),
            Some("row")
        );
    }
    let cells = |metric: &str| -> Vec<String> {
        let row = find(&table, &format!("tr[data-metric=\"{}\"]", metric));
        let tds = row.query_selector_all("td").unwrap();
        (0..tds.length())
            .map(|i| {
                tds.item(i)
                    .unwrap()
                    .text_content()
                    .unwrap()
                    .trim()
                    .to_string()
            })
            .collect()
    };
    // USD at fx 2: 60 LCU → 30; the gap of 2032 is 20 LCU → 10; fx itself is not converted.
    assert_eq!(cells("local_revenue"), ["30", "35", "45", "65"]);
    assert_eq!(cells("unfunded_gap")[2], "10");
    assert_eq!(cells("fx")[0], "2.00");
    assert_eq!(cells("self_sufficiency_pct")[0], "60.0\u{a0}%");
    let years = table.query_selector_all("thead th[scope=col]").unwrap();
    assert_eq!(years.length(), 5);
    assert_eq!(
        years.item(4).unwrap().text_content().as_deref(),
        Some("2033")
    );
}

#[wasm_bindgen_test]
async fn the_example_plan_renders_its_own_summary() {
    let plan = sunset_planner::model::parse_plan(include_str!("golden/example.plan.json"))
        .expect("example parses");
    let projection = sunset_planner::model::evaluate(&plan).expect("example evaluates");
    let n = projection.years.len();
    let (ss, exit) = (
        projection.summary.self_sufficiency_year,
        projection.summary.donor_exit_year,
    );
    let pr = Shown {
        view: ProjectionProps {
            plan: Rc::new(plan),
            projection: Rc::new(projection),
            currency: DisplayCurrency::Local,
            stale: false,
            projector: false,
            years: None,
        },
        lang: Lang::En,
    };
    let (a, b, c) = (root(1200), root(1200), root(1200));
    let _a =
        yew::Renderer::<InLang<BridgeChart>>::with_root_and_props(a.clone(), pr.clone()).render();
    let _b =
        yew::Renderer::<InLang<Indicators>>::with_root_and_props(b.clone(), pr.clone()).render();
    let _c =
        yew::Renderer::<InLang<YearTable>>::with_root_and_props(c.clone(), pr.clone()).render();
    settle().await;
    let year = |y: Option<i32>| {
        y.map(|y| y.to_string())
            .unwrap_or_else(|| "not within the plan horizon".into())
    };
    assert_eq!(text(&b, "card-self-sufficiency-year-value"), year(ss));
    assert_eq!(text(&b, "card-donor-exit-year-value"), year(exit));
    for d in 0..pr.view.plan.donors.len() {
        assert_eq!(tops(&a, &format!("bridge-area-donor-{}", d), n).len(), n);
    }
    let rows = testid(&c, "year-table")
        .query_selector_all("tr[data-metric]")
        .unwrap()
        .length() as usize;
    let p = &pr.view.plan;
    assert_eq!(
        rows,
        19 + p.revenues.len() + p.costs.len() + p.programmes.len() + p.donors.len()
    );
}

#[wasm_bindgen_test]
async fn a_kept_projection_with_more_items_than_the_plan_names_them_by_number() {
    // The plan lost a donor while the last valid projection still has three.
    let mut p = projection();
    for y in &mut p.years {
        y.donors.push(1.0);
    }
    let (a, b) = (root(900), root(900));
    let mut pr = props(p, DisplayCurrency::Local, Lang::Fr);
    pr.view.stale = true;
    let _a =
        yew::Renderer::<InLang<BridgeChart>>::with_root_and_props(a.clone(), pr.clone()).render();
    let _b = yew::Renderer::<InLang<YearTable>>::with_root_and_props(b.clone(), pr).render();
    settle().await;
    assert!(testid(&a, "bridge-area-donor-2")
        .get_attribute("d")
        .is_some());
    assert!(find(&a, ".chart-legend")
        .text_content()
        .unwrap()
        .contains("Bailleur 3"));
    assert!(b
        .query_selector("tr[data-metric=\"donors.2\"]")
        .unwrap()
        .is_some());
    assert!(a
        .text_content()
        .unwrap()
        .contains("Affichage du dernier plan valide"));
}

#[wasm_bindgen_test]
fn props_compare_by_pointer() {
    let a = props(projection(), DisplayCurrency::Local, Lang::En).view;
    let same = a.clone();
    assert!(a == same);
    // Equal figures in a new Rc are a new projection: compared by address, not content.
    let rebuilt = ProjectionProps {
        projection: Rc::new(projection()),
        ..a.clone()
    };
    assert!(a != rebuilt);
    assert!(
        a != ProjectionProps {
            stale: true,
            ..a.clone()
        }
    );
    assert!(
        a != ProjectionProps {
            currency: DisplayCurrency::Usd,
            ..a.clone()
        }
    );
}

#[wasm_bindgen_test]
async fn keyboard_focus_opens_the_first_year() {
    let r = root(900);
    let _app = yew::Renderer::<InLang<BridgeChart>>::with_root_and_props(
        r.clone(),
        props(projection(), DisplayCurrency::Local, Lang::En),
    )
    .render();
    settle().await;
    let frame: web_sys::HtmlElement = find(&r, ".chart-frame").dyn_into().unwrap();
    assert_eq!(frame.get_attribute("tabindex").as_deref(), Some("0"));
    frame.focus().unwrap();
    settle().await;
    assert!(
        text(&r, "tooltip").starts_with("2030"),
        "{}",
        text(&r, "tooltip")
    );
    frame.blur().unwrap();
    settle().await;
    assert!(testid(&r, "tooltip").has_attribute("hidden"));
}
