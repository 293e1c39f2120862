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
//! figure is ever presented as the plan's when it is not. During a drag the
//! whole fan is labelled a preview instead: greying it for the frame or two
//! each step waits would make it flicker on a projector.

use std::cell::RefCell;
use std::fmt::Write;
use std::rc::Rc;

use yew::prelude::*;

use super::what_it_takes::{seek_tasks, what_it_takes, SeekItems};
use crate::codec::browser::download_text;
use crate::model::{
    merge_runs, plan_to_value, uncertainty_result, uncertainty_to_json, Plan, UncertaintyResult,
};
use crate::ui::chart::geometry::{center_line_path, nice_ticks, Columns, Scale};
use crate::ui::chart::{next_uid, use_container_width, REVENUE_COLOUR};
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::edit::Optional;
use crate::ui::fan::{fan_extent, fan_paths, p_self_sufficient_by, FanMetric};
use crate::ui::format::{axis_labels, money_short, pct, Axis};
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
    /// The fan alone, without goal seek (a compared scenario's).
    #[prop_or_default]
    pub compact: bool,
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
    /// Each answer's time in its worker, in milliseconds.
    pub ms: Vec<f64>,
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

/// Whether the element has come within a screen of the view (and stays
/// so once it has); always, where the browser cannot tell.
#[hook]
fn use_near(node: NodeRef) -> bool {
    let near = use_state_eq(|| false);
    {
        let near = near.setter();
        use_effect_with((), move |_| {
            let seen = node.cast::<web_sys::Element>().and_then(|el| {
                let near = near.clone();
                crate::ui::near::watch(&el, move |is| {
                    if is {
                        near.set(true);
                    }
                })
            });
            if seen.is_none() {
                near.set(true);
            }
            move || drop(seen)
        });
    }
    *near
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

    // The workers start after the first paint (effects run after it), and
    // only once they are wanted: when the run is on, or when the panel
    // comes within a screen of the view. Only the goal-seek cards need them
    // otherwise, and a phone that never scrolls that far is spared two
    // threads, their download and four answers.
    let near = use_near(container.clone());
    let started = use_mut_ref(|| false);
    let wanted = {
        let mut started = started.borrow_mut();
        *started |= near || p.plan.uncertainty.is_some() || p.compact;
        *started
    };
    {
        let (client, asked, shown, answers) = (
            client.clone(),
            asked.clone(),
            shown.setter(),
            answers.setter(),
        );
        use_effect_with(wanted, move |&wanted| {
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
                            ms: f.worker_ms,
                        })));
                    }
                }
            });
            if wanted {
                *client.borrow_mut() = Some(SimClient::start(worker_count(), 2, on_done));
            }
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
        let compact = p.compact;
        use_effect_with(
            (p.plan.clone(), p.sliding, by, items, wanted),
            move |(plan, sliding, by, items, _)| {
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
                if !*sliding && !compact {
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
            // The newest run asked for, and of the plan on screen with the
            // paths it wants: the effect that asks for a new plan's run
            // comes after this render.
            let wanted = if p.sliding { preview_paths(u) } else { u.paths };
            let is_current = run.is_some_and(|r| {
                Some(r.generation) == current_run && r.result.paths == wanted && r.plan == p.plan
            });
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
                <div class={classes!("fan", (!is_current && !p.sliding).then_some("updating"))} data-testid="fan"
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
                            _ if p.sliding => format!("{} {} {}", tr(l, "Preview while you drag:", "Aperçu pendant le glissement :"),
                                crate::ui::format::number(f64::from(wanted), 0, l),
                                tr(l, "paths; the full run follows on release.", "tirages ; la simulation complète suit au relâchement.")),
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
    if p.compact {
        return html! {
            <section ref={container} class="uncertainty-results compact" data-testid="compare-fan"
                aria-label={tr(l, "Range of outcomes", "Éventail des résultats")}>
                { fan }
            </section>
        };
    }
    html! {
        <section ref={container} class={classes!("uncertainty-results", p.stale.then_some("stale"))} data-testid="uncertainty-results"
            aria-label={tr(l, "Uncertainty and what it would take", "Incertitude et conditions de réussite")}>
            <h2>{ tr(l, "Range of outcomes", "Éventail des résultats") }</h2>
            { fan }
            { what_it_takes(&p.plan, seek_current.as_deref(), by, &items, &on_items, &dispatch, l) }
        </section>
    }
}

// The charts and cards below are written as markup text rather than with
// `html!`: they hold no controls, and text costs the first load far less
// code than a virtual-DOM tree of a few hundred SVG nodes. Every piece of
// text that a plan can carry (criterion names) goes through `esc`.

/// `s` safe inside HTML text and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The share `x` (0 – 1) as a percentage.
fn share(x: f64, l: Lang) -> String {
    pct(x * 100.0, l)
}

fn card(out: &mut String, testid: &str, label: &str, value: &str) {
    let _ = write!(
        out,
        r#"<section class="card" data-testid="{testid}"><h3 class="card-label">{}</h3><p class="card-value" data-testid="{testid}-value">{}</p></section>"#,
        esc(label),
        esc(value)
    );
}

/// The cards that read a run out.
fn cards(r: &UncertaintyResult, plan: &Plan, by: i32, l: Lang) -> Html {
    let mut out = String::from(r#"<div class="cards fan-cards">"#);
    match &r.figures {
        None => out.push_str(tr(
            l,
            "Every path of the run failed.",
            "Tous les tirages ont échoué.",
        )),
        Some(f) => {
            let code =
                crate::ui::chart::currency_code(plan, crate::ui::format::DisplayCurrency::Local);
            let money = |x: f64| format!("{} {}", money_short(x, l), code);
            card(
                &mut out,
                "p-self-sufficient",
                &format!(
                    "{} {by}",
                    tr(
                        l,
                        "Chance of self-sufficiency by",
                        "Probabilité d’autosuffisance en"
                    )
                ),
                &p_self_sufficient_by(r, by).map_or_else(|| "–".into(), |x| share(x, l)),
            );
            card(
                &mut out,
                "p-gap",
                tr(
                    l,
                    "Chance of any unfunded gap",
                    "Probabilité d’un déficit non financé",
                ),
                &share(f.p_unfunded_gap, l),
            );
            card(
                &mut out,
                "gap-mean",
                tr(l, "Expected cumulative gap", "Déficit cumulé attendu"),
                &money(f.cumulative_gap_mean),
            );
            card(
                &mut out,
                "gap-p95",
                tr(
                    l,
                    "Cumulative gap, 1 in 20 worst case",
                    "Déficit cumulé, pire cas sur 20",
                ),
                &money(f.cumulative_gap_p95),
            );
            for (i, (key, p)) in f.p_criteria.iter().enumerate() {
                card(
                    &mut out,
                    &format!("p-criterion-{i}"),
                    &format!(
                        "{} {key}",
                        tr(l, "Chance criterion met:", "Probabilité du critère :")
                    ),
                    &share(*p, l),
                );
            }
        }
    }
    out.push_str("</div>");
    Html::from_html_unchecked(out.into())
}

/// One chart's frame: title, svg with its description, y grid.
struct Frame<'a> {
    testid: &'a str,
    title: String,
    desc: String,
    ticks: Vec<(f64, String)>,
}

/// The fan of the chosen figure and the chance curves, `width` pixels
/// wide each.
fn fan_charts(r: &UncertaintyResult, metric: FanMetric, width: f64, uid: &str, l: Lang) -> Html {
    let Some(f) = &r.figures else {
        return html! {};
    };
    let band = f.band(metric.key()).unwrap_or_default();
    let years = &r.years;
    let n = band.len().min(years.len());
    let band = &band[..n];
    let font = 16.0;
    let height = 280.0;
    let (top, bottom) = (font + 8.0, height - font - 14.0);
    let cols = Columns {
        left: 72.0,
        right: width - 12.0,
        n: n.max(1),
    };
    let scale = |t: &[f64]| {
        Scale::new(
            (
                t.first().copied().unwrap_or(0.0),
                t.last().copied().unwrap_or(1.0),
            ),
            (bottom, top),
        )
    };
    let value = |v: f64| {
        if metric.is_pct() {
            pct(v, l)
        } else {
            money_short(v, l)
        }
    };
    let (lo, hi) = fan_extent(band, metric.is_pct());
    let ticks = nice_ticks(lo, hi, 5);
    let y = scale(&ticks);
    let every = cols.label_every(64.0);
    let mut out = String::from(r#"<div class="fan-charts">"#);
    // Opens a chart: figure, caption, svg, description, grid.
    let open = |out: &mut String, fr: &Frame, y: &Scale| {
        let _ = write!(
            out,
            r#"<figure class="fan-chart" data-testid="{id}"><figcaption class="chart-title">{title}</figcaption><svg width="{width:.1}" height="{height:.1}" viewBox="0 0 {width:.0} {height:.0}" role="img" aria-labelledby="{uid}-{id}" style="font-size:{font}px"><desc id="{uid}-{id}">{desc}</desc><g class="grid">"#,
            id = fr.testid,
            title = esc(&fr.title),
            desc = esc(&fr.desc)
        );
        for (t, label) in &fr.ticks {
            let _ = write!(
                out,
                r#"<g class="tick"><line x1="{x1:.1}" x2="{x2:.1}" y1="{ty:.1}" y2="{ty:.1}"></line><text x="{tx:.1}" y="{ty:.1}" text-anchor="end" dominant-baseline="middle">{label}</text></g>"#,
                x1 = cols.left,
                x2 = cols.right,
                ty = y.map(*t),
                tx = cols.left - 6.0,
                label = esc(label)
            );
        }
        out.push_str("</g>");
    };
    // Closes it: year labels (counted back from the last year, so the
    // horizon's end is labelled), then the svg and figure.
    let close = |out: &mut String, extra: &str| {
        for i in (0..n).filter(|i| (n - 1 - i) % every == 0) {
            let _ = write!(
                out,
                r#"<text class="year-label" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                cols.center(i),
                bottom + font + 6.0,
                years[i]
            );
        }
        let _ = write!(out, "</svg>{extra}</figure>");
    };

    let last = n.saturating_sub(1);
    let at_end = band.get(last);
    let fr = Frame {
        testid: "fan-chart",
        title: format!(
            "{} — {}",
            metric.label(l),
            tr(
                l,
                "median, middle half and 90 % of paths",
                "médiane, moitié centrale et 90 % des tirages"
            )
        ),
        desc: format!(
            "{}: {} {} {}, {} {} – {}.",
            metric.label(l),
            tr(l, "median in", "médiane en"),
            years.get(last).copied().unwrap_or_default(),
            at_end.map(|b| value(b.p50)).unwrap_or_default(),
            tr(l, "90 % of paths between", "90 % des tirages entre"),
            at_end.map(|b| value(b.p5)).unwrap_or_default(),
            at_end.map(|b| value(b.p95)).unwrap_or_default(),
        ),
        ticks: ticks
            .iter()
            .copied()
            .zip(axis_labels(
                &ticks,
                if metric.is_pct() {
                    Axis::Pct
                } else {
                    Axis::Money
                },
                l,
            ))
            .collect(),
    };
    open(&mut out, &fr, &y);
    let paths = fan_paths(&cols, &y, band);
    let _ = write!(
        out,
        r#"<path class="fan-outer" data-testid="fan-outer" d="{}"></path><path class="fan-inner" data-testid="fan-inner" d="{}"></path><path class="fan-median" data-testid="fan-median" d="{}"></path><g class="hits">"#,
        paths.outer, paths.inner, paths.median
    );
    // One invisible column per year whose native title reads the figures.
    for (i, b) in band.iter().enumerate() {
        let _ = write!(
            out,
            r#"<rect class="hit" x="{:.1}" y="{top:.1}" width="{:.1}" height="{:.1}"><title>{}: {} {}, p5 {}, p95 {}</title></rect>"#,
            cols.x0(i),
            cols.width(),
            (bottom - top).max(0.0),
            years[i],
            tr(l, "median", "médiane"),
            esc(&value(b.p50)),
            esc(&value(b.p5)),
            esc(&value(b.p95)),
        );
    }
    out.push_str("</g>");
    close(&mut out, "");

    // The chance curves, 0 – 100 %.
    let pticks = [0.0, 25.0, 50.0, 75.0, 100.0];
    let py = scale(&pticks);
    let pct_series = |s: &[f64]| -> Vec<f64> { s.iter().take(n).map(|x| x * 100.0).collect() };
    let self_sufficient = pct_series(&f.p_self_sufficient_by);
    let exit = pct_series(&f.p_donor_exit_by);
    let fr = Frame {
        testid: "chance-chart",
        title: tr(
            l,
            "Chance of self-sufficiency and of donor exit, by year",
            "Probabilité d’autosuffisance et de sortie des bailleurs, par année",
        )
        .to_string(),
        desc: format!(
            "{} {}: {}.",
            tr(
                l,
                "Chance of self-sufficiency by",
                "Probabilité d’autosuffisance en"
            ),
            years.get(last).copied().unwrap_or_default(),
            self_sufficient
                .last()
                .map(|x| pct(*x, l))
                .unwrap_or_default()
        ),
        ticks: pticks
            .iter()
            .copied()
            .zip(axis_labels(&pticks, Axis::Pct, l))
            .collect(),
    };
    open(&mut out, &fr, &py);
    let exit_colour = crate::ui::chart::donor_colour(0);
    let _ = write!(
        out,
        r#"<path class="series" data-testid="chance-self-sufficient" d="{}" stroke="{REVENUE_COLOUR}"></path><path class="series dashed" data-testid="chance-donor-exit" d="{}" stroke="{exit_colour}"></path>"#,
        center_line_path(&cols, &py, &self_sufficient),
        center_line_path(&cols, &py, &exit)
    );
    close(
        &mut out,
        &format!(
            r#"<p class="legend"><span class="swatch" style="background:{REVENUE_COLOUR}"></span>{}<span class="swatch dashed-swatch" style="background:{exit_colour}"></span>{}</p>"#,
            tr(l, "self-sufficient", "autosuffisant"),
            tr(l, "donors gone", "bailleurs partis")
        ),
    );
    out.push_str("</div>");
    Html::from_html_unchecked(out.into())
}
