//! The uncertainty results beside the bridge: the fan chart of a chosen
//! figure (p5–p95 and p25–p75 bands and the median), the chance of being
//! self-sufficient and of donors having left by each year, the cards that
//! read the run out, the export of the run as MODEL.md's JSON, and the
//! "what it would take" goal-seek cards (`what_it_takes`).
//!
//! The work is done in Web Workers (`sim_client`), started after the first
//! paint. While a slider is dragged the fan follows with a 1,000-path
//! preview; on release the plan's full run replaces it. Every request has
//! a generation number; a result is drawn only for the newest one, and a
//! fan from an earlier plan stays greyed ("updating") until then, so no
//! figure is ever presented as the plan's when it is not.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::what_it_takes::{seek_tasks, what_it_takes, SeekItems};
use crate::codec::browser::download_text;
use crate::model::{
    merge_runs, plan_to_value, uncertainty_result, uncertainty_to_json, Plan, UncertaintyResult,
};
use crate::ui::chart::geometry::{
    center_line_path, money_tick, nice_ticks, pct_tick, Columns, Scale,
};
use crate::ui::chart::{next_uid, use_container_width, REVENUE_COLOUR};
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::edit::Optional;
use crate::ui::fan::{fan_extent, fan_paths, p_self_sufficient_by, FanMetric};
use crate::ui::format::{money_short, pct};
use crate::ui::i18n::{tr, Lang};
use crate::ui::pool::split_paths;
use crate::ui::sim_client::{worker_count, Finished, SimClient};
use crate::ui::sim_worker::{Answer, Outcome, Task};
use crate::ui::spreads::preview_paths;
use crate::ui::state::Action;

/// The lanes of work: the Monte Carlo run first (it is what a drag shows).
const RUN: usize = 0;
const SEEK: usize = 1;

#[derive(Properties, Clone, PartialEq)]
pub struct Props {
    /// The plan on screen (valid: the results' plan).
    pub plan: Rc<Plan>,
    /// A slider is being dragged: preview runs, no goal seek.
    pub sliding: bool,
    #[prop_or_default]
    pub stale: bool,
}

/// A finished run and what it was of.
pub struct FanRun {
    pub generation: u64,
    pub plan: Rc<Plan>,
    pub result: UncertaintyResult,
    /// Milliseconds from the request to the merged result.
    pub ms: f64,
}

/// The goal-seek answers and the plan they answer.
pub struct Answers {
    pub generation: u64,
    pub plan: Rc<Plan>,
    pub list: Vec<Result<Answer, String>>,
}

/// What was last asked of the workers, per lane.
#[derive(Default)]
struct Asked {
    run: Option<(u64, Rc<Plan>, u32, f64)>,
    seek: Option<(u64, Rc<Plan>, SeekItems)>,
    next: u64,
}

fn now() -> f64 {
    gloo::utils::window()
        .performance()
        .map_or_else(js_sys::Date::now, |p| p.now())
}

fn plan_json(plan: &Plan) -> String {
    serde_json::to_string(&plan_to_value(plan)).unwrap_or_default()
}

/// The run's pieces merged and reduced, or why not (for the console).
fn reduce(plan: &Plan, outcomes: Vec<Outcome>) -> Result<UncertaintyResult, String> {
    let mut runs = Vec::with_capacity(outcomes.len());
    for o in outcomes {
        match o {
            Outcome::Piece(p) => runs.push(p.into_run()),
            Outcome::Failed(e) => return Err(e),
            Outcome::Answer(_) => return Err("an answer where paths were expected".into()),
        }
    }
    let run = merge_runs(runs).map_err(|e| e.to_string())?;
    Ok(uncertainty_result(plan, &run))
}

#[function_component(FanPanel)]
pub fn fan_panel(p: &Props) -> Html {
    let Ctx { lang: l, dispatch } = use_ctx();
    let client = use_mut_ref(|| None::<SimClient>);
    let asked = use_mut_ref(Asked::default);
    let shown = use_state(|| None::<Rc<FanRun>>);
    let answers = use_state(|| None::<Rc<Answers>>);
    let metric = use_state(|| FanMetric::UnfundedGap);
    let target = use_state(|| None::<i32>);
    let items = use_state(SeekItems::default);
    let download = use_mut_ref(|| None::<gloo::file::ObjectUrl>);
    let container = use_node_ref();
    // Two charts side by side on a wide screen, one above the other on a
    // narrow one.
    let full = use_container_width(container.clone(), 1280.0);
    let width = if full >= 44.0 * 16.0 {
        (full - 32.0) / 2.0
    } else {
        full
    }
    .max(260.0);
    let uid = use_memo((), |_| next_uid("fan"));

    // The workers start after the first paint (effects run after it).
    {
        let (client, asked, shown, answers) = (
            client.clone(),
            asked.clone(),
            shown.setter(),
            answers.setter(),
        );
        use_effect_with((), move |_| {
            let on_done = Callback::from(move |f: Finished| {
                let a: &RefCell<Asked> = &asked;
                match f.lane {
                    RUN => {
                        let Some((generation, plan, _, t0)) = a.borrow().run.clone() else {
                            return;
                        };
                        if generation != f.generation {
                            return;
                        }
                        match reduce(&plan, f.outcomes) {
                            Ok(result) => shown.set(Some(Rc::new(FanRun {
                                generation,
                                plan,
                                result,
                                ms: now() - t0,
                            }))),
                            Err(e) => gloo::console::error!(format!("Monte Carlo run: {e}")),
                        }
                    }
                    _ => {
                        let Some((generation, plan, _)) = a.borrow().seek.clone() else {
                            return;
                        };
                        if generation != f.generation {
                            return;
                        }
                        let list = f
                            .outcomes
                            .into_iter()
                            .map(|o| match o {
                                Outcome::Answer(a) => Ok(a),
                                Outcome::Failed(e) => Err(e),
                                Outcome::Piece(_) => {
                                    Err("paths where an answer was expected".into())
                                }
                            })
                            .collect();
                        answers.set(Some(Rc::new(Answers {
                            generation,
                            plan,
                            list,
                        })));
                    }
                }
            });
            *client.borrow_mut() = Some(SimClient::start(worker_count(), 2, on_done));
            move || drop(client.borrow_mut().take())
        });
    }

    let last_year = crate::model::seek::last_calendar_year(&p.plan);
    let first_year = p.plan.meta.start_year;
    let by = target.unwrap_or(last_year).clamp(first_year, last_year);

    // Ask for the plan on screen: a preview while dragging, else the full
    // run and the goal-seek answers. Nothing is asked twice.
    {
        let (client, asked) = (client.clone(), asked.clone());
        let items = (*items).clone();
        use_effect_with(
            (p.plan.clone(), p.sliding, by, items),
            move |(plan, sliding, by, items)| {
                let client = client.borrow();
                let Some(client) = client.as_ref() else {
                    return;
                };
                let mut a = asked.borrow_mut();
                let mut json = None::<String>;
                if let Some(u) = &plan.uncertainty {
                    let paths = if *sliding { preview_paths(u) } else { u.paths };
                    let same = a
                        .run
                        .as_ref()
                        .is_some_and(|(_, p, n, _)| *n == paths && **p == **plan);
                    if !same {
                        a.next += 1;
                        let generation = a.next;
                        a.run = Some((generation, plan.clone(), paths, now()));
                        let tasks = split_paths(paths, client.workers())
                            .into_iter()
                            .map(|r| Task::Paths {
                                first: r.start,
                                end: r.end,
                            })
                            .collect();
                        let text = json.get_or_insert_with(|| plan_json(plan)).clone();
                        client.submit(RUN, generation, text, tasks);
                    }
                }
                if !*sliding {
                    let tasks = seek_tasks(plan, *by, items);
                    let same = a
                        .seek
                        .as_ref()
                        .is_some_and(|(_, p, i)| *i == tasks.1 && **p == **plan);
                    if !same {
                        a.next += 1;
                        let generation = a.next;
                        a.seek = Some((generation, plan.clone(), tasks.1));
                        let text = json.unwrap_or_else(|| plan_json(plan));
                        client.submit(SEEK, generation, text, tasks.0);
                    }
                }
            },
        );
    }

    let current_run = asked.borrow().run.as_ref().map(|r| r.0);
    let current_seek = asked.borrow().seek.as_ref().map(|s| s.0);
    let on_metric = {
        let metric = metric.clone();
        Callback::from(move |e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(m) = FanMetric::from_key(&sel.value()) {
                metric.set(m);
            }
        })
    };
    let on_target = {
        let target = target.clone();
        Callback::from(move |e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            target.set(sel.value().parse().ok());
        })
    };
    let years: Vec<i32> = (first_year..=last_year).collect();
    let target_select = html! {
        <label class="view-select">{ tr(l, "Target year", "Année cible") }
            <select data-testid="fan-target-year" onchange={on_target}>
                { for years.iter().map(|y| html! {
                    <option value={y.to_string()} selected={*y == by}>{ y.to_string() }</option>
                }) }
            </select>
        </label>
    };

    let fan = match &p.plan.uncertainty {
        None => {
            let on = {
                let dispatch = dispatch.clone();
                Callback::from(move |_| dispatch.emit(Action::Toggle(Optional::Uncertainty)))
            };
            html! {
                <div class="fan-off" data-testid="fan-off">
                    <p>{ tr(l, "How sure is this path? A Monte Carlo run draws thousands of plans with forecast errors and shows the range of outcomes.",
                        "Ce chemin est-il sûr ? Une simulation de Monte Carlo tire des milliers de plans avec des erreurs de prévision et montre l’éventail des résultats.") }</p>
                    <button type="button" onclick={on} data-testid="fan-switch-on">
                        { tr(l, "Show the range of outcomes", "Afficher l’éventail des résultats") }</button>
                </div>
            }
        }
        Some(u) => {
            let run = shown.as_ref();
            let is_current = run.is_some_and(|r| Some(r.generation) == current_run);
            let on_export = {
                let (run, download) = (run.cloned(), download.clone());
                Callback::from(move |_| {
                    let Some(run) = &run else { return };
                    let json = uncertainty_to_json(&run.plan, &run.result);
                    let text = serde_json::to_string_pretty(&json).unwrap_or_default() + "\n";
                    let name = crate::codec::file::file_name(&run.plan)
                        .replace(".json", "-uncertainty.json");
                    match download_text(&text, &name, "application/json") {
                        Ok(url) => *download.borrow_mut() = Some(url),
                        Err(e) => gloo::console::error!(format!("export: {e:?}")),
                    }
                })
            };
            let metric_select = html! {
                <label class="view-select">{ tr(l, "Show", "Afficher") }
                    <select data-testid="fan-metric" onchange={on_metric}>
                        { for FanMetric::ALL.iter().map(|m| html! {
                            <option value={m.key()} selected={*m == *metric}>{ m.label(l) }</option>
                        }) }
                    </select>
                </label>
            };
            html! {
                <div class={classes!("fan", (!is_current).then_some("updating"))} data-testid="fan"
                    data-current={if is_current { "true" } else { "false" }}
                    data-paths={run.map(|r| r.result.paths.to_string())}
                    data-generation={run.map(|r| r.generation.to_string())}
                    data-ms={run.map(|r| format!("{:.1}", r.ms))}
                    aria-busy={if is_current { "false" } else { "true" }}>
                    <div class="fan-controls">
                        { metric_select }
                        { target_select.clone() }
                        <button type="button" data-testid="export-uncertainty" onclick={on_export}
                            disabled={!is_current}>{ tr(l, "Export uncertainty JSON", "Exporter l’incertitude (JSON)") }</button>
                    </div>
                    <p class="fan-status" role="status">{
                        match run {
                            Some(r) if is_current => format!("{} {} {} {}", tr(l, "Monte Carlo run:", "Simulation de Monte Carlo :"),
                                crate::ui::format::number(f64::from(r.result.paths), 0, l), tr(l, "paths, seed", "tirages, graine"), u.seed),
                            _ => tr(l, "Updating the range of outcomes…", "Mise à jour de l’éventail des résultats…").to_string(),
                        }
                    }</p>
                    if let Some(r) = run {
                        { fan_charts(&r.result, *metric, width, &uid, l) }
                        { cards(&r.result, &r.plan, by, l) }
                    }
                </div>
            }
        }
    };
    let seek_current = answers
        .as_ref()
        .filter(|a| Some(a.generation) == current_seek)
        .cloned();
    let on_items = {
        let items = items.clone();
        Callback::from(move |i: SeekItems| items.set(i))
    };
    html! {
        <section ref={container} class={classes!("uncertainty-results", p.stale.then_some("stale"))} data-testid="uncertainty-results"
            aria-label={tr(l, "Uncertainty and what it would take", "Incertitude et conditions de réussite")}>
            <h2>{ tr(l, "Range of outcomes", "Éventail des résultats") }</h2>
            { fan }
            { what_it_takes(&p.plan, seek_current.as_deref(), by, &items, &on_items, &dispatch, l) }
        </section>
    }
}

struct FanView {
    metric: FanMetric,
}

/// The share `x` (0 – 1) as a percentage.
fn share(x: f64, l: Lang) -> String {
    pct(x * 100.0, l)
}

fn card(testid: String, label: String, value: String) -> Html {
    html! {
        <section class="card" data-testid={testid.clone()}>
            <h3 class="card-label">{ label }</h3>
            <p class="card-value" data-testid={format!("{testid}-value")}>{ value }</p>
        </section>
    }
}

/// The cards that read a run out.
fn cards(r: &UncertaintyResult, plan: &Plan, by: i32, l: Lang) -> Html {
    let Some(f) = &r.figures else {
        return html! { <p class="card-note">{ tr(l, "Every path of the run failed.", "Tous les tirages ont échoué.") }</p> };
    };
    let code = crate::ui::chart::currency_code(plan, crate::ui::format::DisplayCurrency::Local);
    let money = |x: f64| format!("{} {}", money_short(x, l), code);
    let mut list = vec![
        card(
            "p-self-sufficient".into(),
            format!(
                "{} {by}",
                tr(
                    l,
                    "Chance of self-sufficiency by",
                    "Probabilité d’autosuffisance en"
                )
            ),
            p_self_sufficient_by(r, by).map_or_else(|| "–".into(), |x| share(x, l)),
        ),
        card(
            "p-gap".into(),
            tr(
                l,
                "Chance of any unfunded gap",
                "Probabilité d’un déficit non financé",
            )
            .into(),
            share(f.p_unfunded_gap, l),
        ),
        card(
            "gap-mean".into(),
            tr(l, "Expected cumulative gap", "Déficit cumulé attendu").into(),
            money(f.cumulative_gap_mean),
        ),
        card(
            "gap-p95".into(),
            tr(
                l,
                "Cumulative gap, 1 in 20 worst case",
                "Déficit cumulé, pire cas sur 20",
            )
            .into(),
            money(f.cumulative_gap_p95),
        ),
    ];
    list.extend(f.p_criteria.iter().enumerate().map(|(i, (key, p))| {
        card(
            format!("p-criterion-{i}"),
            format!(
                "{} {key}",
                tr(l, "Chance criterion met:", "Probabilité du critère :")
            ),
            share(*p, l),
        )
    }));
    html! { <div class="cards fan-cards">{ for list }</div> }
}

/// The fan of the chosen figure and the chance curves, `width` pixels
/// wide each. A plain function rather than a component: the panel is
/// already redrawn only when its run or choices change, and each component
/// costs the first load its own copy of Yew's machinery.
fn fan_charts(r: &UncertaintyResult, metric: FanMetric, width: f64, uid: &str, l: Lang) -> Html {
    let Some(f) = &r.figures else {
        return html! {};
    };
    let p = FanView { metric };
    let band = f.band(p.metric.key()).unwrap_or_default();
    let years = &r.years;
    let n = band.len().min(years.len());
    let fmt = |v: f64| format!("{:.1}", v);
    let font = 16.0;
    let height = 280.0;
    let (top, bottom) = (font + 8.0, height - font - 14.0);
    let cols = Columns {
        left: 72.0,
        right: width - 12.0,
        n: n.max(1),
    };
    let (lo, hi) = fan_extent(&band[..n], p.metric.is_pct());
    let ticks = nice_ticks(lo, hi, 5);
    let scale = |t: &[f64]| {
        Scale::new(
            (
                t.first().copied().unwrap_or(0.0),
                t.last().copied().unwrap_or(1.0),
            ),
            (bottom, top),
        )
    };
    let y = scale(&ticks);
    let paths = fan_paths(&cols, &y, &band[..n]);
    let tick_label = |v: f64| {
        if p.metric.is_pct() {
            pct_tick(v, l)
        } else {
            money_tick(v, l)
        }
    };
    let every = cols.label_every(64.0);
    let year_labels = |base: f64| {
        html! { <>{ for (0..n).filter(|i| (n - 1 - i) % every == 0).map(|i| html! {
            <text class="year-label" x={fmt(cols.center(i))} y={fmt(base + font + 6.0)}
                  text-anchor="middle">{ years[i].to_string() }</text>
        }) }</> }
    };
    let value = |v: f64| {
        if p.metric.is_pct() {
            pct(v, l)
        } else {
            money_short(v, l)
        }
    };
    // The chance curves, 0 – 100 %.
    let pticks = vec![0.0, 25.0, 50.0, 75.0, 100.0];
    let py = scale(&pticks);
    let pct_series = |s: &[f64]| -> Vec<f64> { s.iter().take(n).map(|x| x * 100.0).collect() };
    let self_sufficient = pct_series(&f.p_self_sufficient_by);
    let exit = pct_series(&f.p_donor_exit_by);
    let median = band
        .get(n.saturating_sub(1))
        .map(|b| value(b.p50))
        .unwrap_or_default();
    let summary = format!(
        "{}: {} {} {}, {} {} – {}.",
        p.metric.label(l),
        tr(l, "median in", "médiane en"),
        years.get(n.saturating_sub(1)).copied().unwrap_or_default(),
        median,
        tr(l, "90 % of paths between", "90 % des tirages entre"),
        band.get(n.saturating_sub(1))
            .map(|b| value(b.p5))
            .unwrap_or_default(),
        band.get(n.saturating_sub(1))
            .map(|b| value(b.p95))
            .unwrap_or_default(),
    );
    html! {
        <div class="fan-charts">
            <figure class="fan-chart" data-testid="fan-chart">
                <figcaption class="chart-title">{ format!("{} — {}", p.metric.label(l),
                    tr(l, "median, middle half and 90 % of paths", "médiane, moitié centrale et 90 % des tirages")) }</figcaption>
                <svg width={fmt(width)} height={fmt(height)} viewBox={format!("0 0 {:.0} {:.0}", width, height)}
                     role="img" aria-labelledby={format!("{}-desc", uid)} style={format!("font-size:{}px", font)}>
                    <desc id={format!("{}-desc", uid)}>{ summary }</desc>
                    <g class="grid">
                        { for ticks.iter().map(|t| html! {
                            <g class="tick">
                                <line x1={fmt(cols.left)} x2={fmt(cols.right)} y1={fmt(y.map(*t))} y2={fmt(y.map(*t))} />
                                <text x={fmt(cols.left - 6.0)} y={fmt(y.map(*t))} text-anchor="end"
                                      dominant-baseline="middle">{ tick_label(*t) }</text>
                            </g>
                        }) }
                    </g>
                    <path class="fan-outer" data-testid="fan-outer" d={paths.outer} />
                    <path class="fan-inner" data-testid="fan-inner" d={paths.inner} />
                    <path class="fan-median" data-testid="fan-median" d={paths.median} />
                    <g class="hits">
                        { for (0..n).map(|i| html! {
                            <rect class="hit" x={fmt(cols.x0(i))} y={fmt(top)} width={fmt(cols.width())}
                                  height={fmt((bottom - top).max(0.0))}>
                                <title>{ format!("{}: {} {}, p5 {}, p95 {}", years[i], tr(l, "median", "médiane"),
                                    value(band[i].p50), value(band[i].p5), value(band[i].p95)) }</title>
                            </rect>
                        }) }
                    </g>
                    { year_labels(bottom) }
                </svg>
            </figure>
            <figure class="fan-chart" data-testid="chance-chart">
                <figcaption class="chart-title">{ tr(l, "Chance of self-sufficiency and of donor exit, by year",
                    "Probabilité d’autosuffisance et de sortie des bailleurs, par année") }</figcaption>
                <svg width={fmt(width)} height={fmt(height)} viewBox={format!("0 0 {:.0} {:.0}", width, height)}
                     role="img" aria-labelledby={format!("{}-pdesc", uid)} style={format!("font-size:{}px", font)}>
                    <desc id={format!("{}-pdesc", uid)}>{ format!("{} {}: {}.", tr(l, "Chance of self-sufficiency by", "Probabilité d’autosuffisance en"),
                        years.get(n.saturating_sub(1)).copied().unwrap_or_default(),
                        self_sufficient.last().map(|x| pct(*x, l)).unwrap_or_default()) }</desc>
                    <g class="grid">
                        { for pticks.iter().map(|t| html! {
                            <g class="tick">
                                <line x1={fmt(cols.left)} x2={fmt(cols.right)} y1={fmt(py.map(*t))} y2={fmt(py.map(*t))} />
                                <text x={fmt(cols.left - 6.0)} y={fmt(py.map(*t))} text-anchor="end"
                                      dominant-baseline="middle">{ pct_tick(*t, l) }</text>
                            </g>
                        }) }
                    </g>
                    <path class="series" data-testid="chance-self-sufficient" d={center_line_path(&cols, &py, &self_sufficient)} stroke={REVENUE_COLOUR} />
                    <path class="series dashed" data-testid="chance-donor-exit" d={center_line_path(&cols, &py, &exit)} stroke={crate::ui::chart::donor_colour(0)} />
                    { year_labels(bottom) }
                </svg>
                <p class="legend">
                    <span class="swatch" style={format!("background:{REVENUE_COLOUR}")}></span>{ tr(l, "self-sufficient", "autosuffisant") }
                    <span class="swatch" style={format!("background:{}", crate::ui::chart::donor_colour(0))}></span>{ tr(l, "donors gone", "bailleurs partis") }
                </p>
            </figure>
        </div>
    }
}
