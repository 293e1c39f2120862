//! The bridge chart: per calendar year, how the need is met — local revenue,
//! then each donor, then reserve draws, with the unfunded gap shaded up to
//! the need line. Deposits into the reserve hang below the zero axis (money
//! set aside, not spent), so they never hide the stack above. Vertical
//! markers show the self-sufficiency and donor-exit years. A tooltip gives
//! one year's figures on hover and on keyboard focus (arrow keys).

use yew::prelude::*;

use super::geometry::{
    band_path, bars_path, nice_ticks, stack, step_line_path, tenths, BridgeSeries, Columns,
    PathText, Scale,
};
use super::{
    currency_code, donor_colour, facility_colour, first_width, has_need, item_name, next_uid,
    stale_badge, use_container_width, year_or_never, ProjectionProps, GAP_COLOUR, REVENUE_COLOUR,
};
use crate::model::{DonorKind, Plan, Projection};
use crate::ui::components::year_table::YEAR_TABLE_ID;
use crate::ui::context::use_ctx;
use crate::ui::format::{axis_labels, money_short, pct, Axis};
use crate::ui::i18n::{tr, Lang};
use crate::ui::state::{Action, YearsShown};

/// Pixel layout of the chart for one width.
struct Layout {
    width: f64,
    height: f64,
    font: f64,
    top: f64,
    bottom: f64,
    cols: Columns,
}

impl Layout {
    /// `projector`: the chart's top on the screen, when it is drawn for a
    /// projector (and that top is known yet).
    fn for_width(width: f64, n: usize, projector: Option<Option<f64>>) -> Layout {
        let width = width.max(320.0);
        // Text grows with the chart (a projector's full-width 1920 px gets
        // 24 px) and never falls below 14 px on a phone. On a projector it
        // stays legible at the back of a room (the legend, at 0.9, too), and
        // the chart fills the screen down to its legend and the controls.
        let (font, height) = match projector {
            Some(top) => {
                let screen = gloo::utils::window()
                    .inner_height()
                    .ok()
                    .and_then(|h| h.as_f64())
                    .unwrap_or(720.0);
                let font = (width / 60.0).round().clamp(20.0, 28.0);
                // Below the chart: up to three legend lines and the controls.
                let room = top.map_or(screen * 0.4, |t| screen - t - 3.8 * font - 90.0);
                (font, room.clamp(220.0, 640.0).min(width * 0.6))
            }
            None => (
                (width / 72.0).round().clamp(14.0, 24.0),
                // styles/app.css gives the first view's chart this height.
                (width * 0.5).clamp(360.0, 640.0),
            ),
        };
        // Room for a tick label such as "−1,250 bn".
        let left = (font * 5.4).round();
        let top = 2.0 * font + 16.0;
        let bottom = height - (font + 20.0);
        Layout {
            width,
            height,
            font,
            top,
            bottom,
            cols: Columns {
                left,
                right: width - 16.0,
                n,
            },
        }
    }
}

fn is_gap_filling(plan: &Plan, index: usize) -> bool {
    plan.donors
        .get(index)
        .map(|d| d.kind == DonorKind::GapFilling)
        .unwrap_or(false)
}

/// The colour of donor `index`: a facility's own calm colour (its rank
/// among the facilities), else the donor palette's.
fn area_colour(plan: &Plan, index: usize) -> &'static str {
    match is_gap_filling(plan, index) {
        true => facility_colour((0..index).filter(|i| is_gap_filling(plan, *i)).count()),
        false => donor_colour(index),
    }
}

/// The choice of years shown, for a plan of `total` years.
fn years_choice(total: usize, current: YearsShown, lang: Lang, dispatch: Callback<Action>) -> Html {
    let onchange = dispatch.reform(|e: Event| {
        let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Action::ShowYears(match sel.value().parse() {
            Ok(k) => YearsShown::First(k),
            Err(_) => YearsShown::All,
        })
    });
    let option = |c: YearsShown| {
        let (value, text) = match c {
            YearsShown::All => (
                "all".to_string(),
                format!("{} ({})", tr(lang, "All", "Toutes"), total),
            ),
            YearsShown::First(k) => (
                k.to_string(),
                match lang {
                    Lang::En => format!("First {}", k),
                    Lang::Fr => format!("{} premières", k),
                },
            ),
        };
        html! { <option value={value} selected={c == current}>{ text }</option> }
    };
    html! {
        <label class="chart-years">
            { tr(lang, "Years shown", "Années affichées") }
            <select data-testid="bridge-years" {onchange}>
                { for YearsShown::choices(total).into_iter().map(option) }
            </select>
        </label>
    }
}

fn donor_name(plan: &Plan, index: usize, lang: Lang) -> String {
    item_name(
        plan.donors.iter().map(|d| d.name.as_str()),
        index,
        tr(lang, "Donor", "Bailleur"),
    )
}

/// The text a screen reader gets instead of the picture.
fn summary_text(p: &Projection, s: &BridgeSeries, lang: Lang) -> String {
    let (first, last) = match (p.years.first(), p.years.last()) {
        (Some(a), Some(b)) => (a, b),
        _ => return String::new(),
    };
    let funding = |i: usize| {
        s.donors
            .iter()
            .map(|d| d.get(i).copied().unwrap_or(0.0))
            .sum::<f64>()
    };
    let gap_total: f64 = s.gap.iter().sum();
    match lang {
        Lang::En => format!(
            "Local revenue covers {} of the need in {} and {} in {}. Donor funding is {} in {} and {} in {}. \
             Self-sufficient from: {}. Donor exit: {}. Total unfunded gap: {}.",
            pct(first.self_sufficiency_pct, lang), first.year,
            pct(last.self_sufficiency_pct, lang), last.year,
            money_short(funding(0), lang), first.year,
            money_short(funding(s.years.len() - 1), lang), last.year,
            year_or_never(p.summary.self_sufficiency_year, lang),
            year_or_never(p.summary.donor_exit_year, lang),
            money_short(gap_total, lang),
        ),
        Lang::Fr => format!(
            "Les recettes propres couvrent {} du besoin en {} et {} en {}. Le financement des bailleurs est de {} en {} \
             et {} en {}. Autosuffisance à partir de : {}. Sortie des bailleurs : {}. Déficit non financé total : {}.",
            pct(first.self_sufficiency_pct, lang), first.year,
            pct(last.self_sufficiency_pct, lang), last.year,
            money_short(funding(0), lang), first.year,
            money_short(funding(s.years.len() - 1), lang), last.year,
            year_or_never(p.summary.self_sufficiency_year, lang),
            year_or_never(p.summary.donor_exit_year, lang),
            money_short(gap_total, lang),
        ),
    }
}

#[function_component(BridgeChart)]
pub fn bridge_chart(props: &ProjectionProps) -> Html {
    let container = use_node_ref();
    let width = use_container_width(container.clone(), first_width());
    let active = use_state_eq(|| None::<usize>);
    let uid = use_memo((), |_| next_uid("bridge"));
    let ctx = use_ctx();
    let lang = ctx.lang;
    let plan = &*props.plan;
    let proj = &*props.projection;
    // Amounts or % of need, as the person last chose (`ui::prefs`).
    let share = use_state_eq(|| crate::ui::prefs::load().share_of_need);
    // `full` feeds the summary, `amounts` (the years shown) the tooltip;
    // `s` is what is drawn.
    let full = BridgeSeries::from_projection(proj, props.currency);
    let total = full.years.len();
    let shown = props.years.unwrap_or_default();
    let amounts = full.first(shown.count(total));
    let s = if *share {
        amounts.share_of_need()
    } else {
        amounts.clone()
    };
    let n = s.years.len();
    let class = classes!("chart", "bridge-chart", props.stale.then_some("stale"));
    let unit = if *share {
        tr(
            lang,
            "each year as a share of its need",
            "chaque année en part de son besoin",
        )
        .to_string()
    } else {
        format!(
            "{} {}",
            tr(lang, "per year, in", "par an, en"),
            currency_code(plan, props.currency)
        )
    };
    let scale_button = |to_share: bool, label: &'static str| {
        let share = share.clone();
        html! {
            <button type="button" class="scale-button" aria-pressed={(*share == to_share).to_string()}
                    onclick={Callback::from(move |_: MouseEvent| {
                        share.set(to_share);
                        crate::ui::prefs::update(|p| p.share_of_need = to_share);
                    })}>{ label }</button>
        }
    };
    let heading = html! {
        <figcaption class="chart-heading">
            <span class="chart-title">{ tr(lang, "Funding bridge", "Pont de financement") }</span>
            <span class="chart-unit">{ unit }</span>
            <span class="chart-scale" role="group" data-testid="bridge-scale-toggle"
                  aria-label={tr(lang, "Vertical scale", "Échelle verticale")}>
                { scale_button(false, tr(lang, "Amounts", "Montants")) }
                { scale_button(true, tr(lang, "% of need", "% du besoin")) }
            </span>
            // Over a long horizon only: a zoom on the first years.
            if let Some(current) = props.years.filter(|_| total > 15) {
                { years_choice(total, current, lang, ctx.dispatch.clone()) }
            }
        </figcaption>
    };
    if n == 0 {
        return html! {
            <figure class={class} data-testid="bridge-chart" ref={container}>
                { heading }
                <p>{ tr(lang, "No years to show.", "Aucune année à afficher.") }</p>
            </figure>
        };
    }

    // Only a projector's chart reads its place on the screen: reading it
    // forces a layout of the whole page, at every step of a drag.
    let top = || {
        container
            .cast::<web_sys::Element>()
            .map(|e| e.get_bounding_client_rect().top())
    };
    let mut lay = Layout::for_width(width, n, props.projector.then(top));
    let (lo, hi) = s.extent();
    // Round ticks above zero; below it the axis stops just under the deepest
    // deposit instead of at the next round tick, which could waste a quarter
    // of the height on a thin band.
    let all_ticks = nice_ticks(lo, hi, if lay.width < 640.0 { 4 } else { 6 });
    let bottom = if lo < 0.0 {
        lo * 1.15
    } else {
        all_ticks.first().copied().unwrap_or(0.0)
    };
    let ticks: Vec<f64> = all_ticks.into_iter().filter(|t| *t >= bottom).collect();
    let labels = axis_labels(&ticks, if *share { Axis::Pct } else { Axis::Money }, lang);
    // Room for the longest label ("80 000 Md" over 60 years in French), at
    // about 0.6 em a character.
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    lay.cols.left = lay
        .cols
        .left
        .max((longest as f64 * lay.font * 0.6 + 10.0).round());
    let cols = lay.cols;
    let y = Scale::new(
        (bottom, ticks.last().copied().unwrap_or(1.0)),
        (lay.bottom, lay.top),
    );
    let bands = stack(&s.layers());
    let n_donors = s.donors.len();
    let hatch = format!("{}-hatch", uid);
    let gap_hatch = format!("{}-gap", uid);
    let clip = format!("{}-clip", uid);
    let title_id = format!("{}-title", uid);
    let desc_id = format!("{}-desc", uid);
    let summary_id = format!("{}-summary", uid);
    // The words describe the whole plan, also when the chart shows its first years.
    let summary = summary_text(proj, &full, lang);

    let grid = ticks.iter().zip(labels).map(|(t, label)| {
        let ty = y.map(*t);
        html! {
            <g class={classes!("tick", (*t == 0.0).then_some("zero"))}>
                <line x1={tenths(cols.left)} x2={tenths(cols.right)}
                      y1={tenths(ty)} y2={tenths(ty)} />
                <text x={tenths(cols.left - 8.0)} y={tenths(ty)}
                      text-anchor="end" dominant-baseline="middle">
                    { label }
                </text>
            </g>
        }
    });
    // A year label is four digits wide; keep a digit's gap between labels.
    let every = cols.label_every(lay.font * 3.4);
    let year_labels = s.years.iter().enumerate().filter(|(i, _)| i % every == 0).map(|(i, yr)| {
        html! {
            <text class="year-label" x={tenths(cols.center(i))} y={tenths(lay.bottom + lay.font + 8.0)}
                  text-anchor="middle">{ yr.to_string() }</text>
        }
    });

    // A gap-filling facility is dotted in its own colour (a pattern per
    // facility), never striped like the gap.
    let dots = |d: usize| format!("{}-dots-{}", uid, d);
    let donor_areas = (0..n_donors).map(|d| {
        let fill = match is_gap_filling(plan, d) {
            true => format!("url(#{})", dots(d)),
            false => donor_colour(d).to_string(),
        };
        html! {
            <path class="area" data-testid={format!("bridge-area-donor-{}", d)} d={band_path(&cols, &y, &bands[1 + d])}
                  fill={fill} />
        }
    });
    let facility_patterns = (0..n_donors).filter(|d| is_gap_filling(plan, *d)).map(|d| html! {
        <pattern id={dots(d)} class="facility-pattern" width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={area_colour(plan, d)} />
            <circle cx="4" cy="4" r="1.8" fill="#ffffff" />
        </pattern>
    });

    // Markers for the self-sufficiency and donor-exit years; the second
    // label drops a line when the two would collide.
    let first_year = s.years[0];
    let marker_x = |yr: Option<i32>| -> Option<f64> {
        let i = yr? as i64 - first_year as i64;
        (0..n as i64).contains(&i).then(|| cols.x0(i as usize))
    };
    // No marker for a plan with nothing to cover (see `has_need`).
    let ss_x = marker_x(
        proj.summary
            .self_sufficiency_year
            .filter(|_| has_need(proj)),
    );
    let exit_x = marker_x(proj.summary.donor_exit_year);
    let mut markers = Vec::new();
    let mut rows_used: Vec<f64> = Vec::new();
    for (x, yr, testid, label) in [
        (
            ss_x,
            proj.summary.self_sufficiency_year,
            "marker-self-sufficiency",
            tr(lang, "Self-sufficient", "Autosuffisance"),
        ),
        (
            exit_x,
            proj.summary.donor_exit_year,
            "marker-donor-exit",
            tr(lang, "Donor exit", "Sortie des bailleurs"),
        ),
    ] {
        let (Some(x), Some(yr)) = (x, yr) else {
            continue;
        };
        let row = if rows_used.iter().any(|o| (o - x).abs() < lay.font * 15.0) {
            1.0
        } else {
            0.0
        };
        rows_used.push(x);
        let anchor_end = x > lay.width * 0.66;
        let tx = if anchor_end { x - 6.0 } else { x + 6.0 };
        let ty = lay.font + row * (lay.font + 6.0);
        markers.push(html! {
            <g class="marker" data-testid={testid}>
                <line x1={tenths(x)} x2={tenths(x)}
                      y1={tenths(ty + 4.0)} y2={tenths(lay.bottom)} />
                <text x={tenths(tx)} y={tenths(ty)}
                      text-anchor={if anchor_end { "end" } else { "start" }}>{ format!("{} {}", label, yr) }</text>
            </g>
        });
    }

    let on_key = {
        let active = active.clone();
        Callback::from(move |e: KeyboardEvent| {
            let next = match (e.key().as_str(), *active) {
                ("ArrowRight", Some(i)) => Some((i + 1).min(n - 1)),
                ("ArrowLeft", Some(i)) => Some(i.saturating_sub(1)),
                ("ArrowRight" | "ArrowLeft" | "Home", None) | ("Home", _) => Some(0),
                ("End", _) => Some(n - 1),
                ("Escape", _) => None,
                _ => return,
            };
            e.prevent_default();
            active.set(next);
        })
    };
    let on_focus = {
        let active = active.clone();
        Callback::from(move |_: FocusEvent| {
            if active.is_none() {
                active.set(Some(0));
            }
        })
    };
    let on_leave = {
        let active = active.clone();
        Callback::from(move |_: FocusEvent| active.set(None))
    };
    let on_mouse_out = {
        let active = active.clone();
        Callback::from(move |_: MouseEvent| active.set(None))
    };
    let hits = (0..n).map(|i| {
        let active = active.clone();
        html! {
            <rect class="hit" x={tenths(cols.x0(i))} y={tenths(lay.top)}
                  width={tenths(cols.width())} height={tenths((lay.height - lay.top).max(0.0))}
                  onmouseenter={Callback::from(move |_: MouseEvent| active.set(Some(i)))} />
        }
    });
    // A column cut at the axis top gets a small arrow, so a clipped surplus
    // never passes for the real height.
    let axis_top = ticks.last().copied().unwrap_or(0.0);
    let cut_marks = bands
        .last()
        .map(|b| b.upper.clone())
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .filter(|(_, v)| *v > axis_top)
        .map(|(i, _)| {
            let (cx, half) = (cols.center(i), (cols.width() * 0.3).min(8.0));
            let base = lay.top + half + 2.0;
            let corners = [(cx - half, base), (cx + half, base), (cx, lay.top + 2.0)];
            html! {
                <path class="cut-mark" d={PathText::new(3).line(corners.into_iter()).closed()} />
            }
        });
    let current = (*active).filter(|i| *i < n);
    let highlight = current.map(|i| {
        html! {
            <rect class="active-year" x={tenths(cols.x0(i))} y={tenths(lay.top)}
                  width={tenths(cols.width())} height={tenths((lay.bottom - lay.top).max(0.0))} />
        }
    });

    html! {
        <figure class={class} data-testid="bridge-chart">
            { heading }
            { stale_badge(props.stale, lang) }
            <div class="chart-frame" ref={container} tabindex="0"
                 aria-label={tr(lang, "Funding bridge by year: use the left and right arrow keys to read each year.",
                                "Pont de financement par année : flèches gauche et droite pour lire chaque année.")}
                 onkeydown={on_key} onfocus={on_focus} onblur={on_leave} onmouseleave={on_mouse_out}>
                <svg width={format!("{:.0}", lay.width)} height={format!("{:.0}", lay.height)}
                     viewBox={format!("0 0 {:.0} {:.0}", lay.width, lay.height)}
                     role="img" aria-labelledby={title_id.clone()}
                     aria-describedby={if props.projector { desc_id.clone() } else { summary_id.clone() }}
                     style={format!("font-size:{}px", lay.font)}>
                    <title id={title_id.clone()}>
                        { format!("{}, {}–{}", tr(lang, "Funding bridge", "Pont de financement"), s.years[0], s.years[n - 1]) }
                    </title>
                    <desc id={desc_id}>{ summary.clone() }</desc>
                    <defs>
                        { for facility_patterns }
                        <pattern id={hatch.clone()} width="8" height="8" patternUnits="userSpaceOnUse"
                                 patternTransform="rotate(-45)">
                            <rect width="8" height="8" fill="#ffffff" />
                            <rect width="3" height="8" fill="#555555" />
                        </pattern>
                        // The gap: a red cross-hatch on pale red (a grid turned 45°).
                        <pattern id={gap_hatch.clone()} class="gap-pattern" width="8" height="8" patternUnits="userSpaceOnUse"
                                 patternTransform="rotate(45)">
                            <rect width="8" height="8" fill={GAP_COLOUR} fill-opacity="0.2" />
                            <path d="M0,4H8M4,0V8" stroke={GAP_COLOUR} stroke-width="2" />
                        </pattern>
                        <clipPath id={clip.clone()}>
                            <rect x={tenths(cols.left)} y={tenths(lay.top)}
                                  width={tenths(cols.right - cols.left)}
                                  height={tenths((lay.bottom - lay.top).max(0.0))} />
                        </clipPath>
                    </defs>
                    <g class="grid">{ for grid }</g>
                    <g class="areas" clip-path={format!("url(#{})", clip)}>
                        <path class="area" data-testid="bridge-area-revenue" d={band_path(&cols, &y, &bands[0])}
                              fill={REVENUE_COLOUR} />
                        { for donor_areas }
                        <path class="area" data-testid="draw-area" d={band_path(&cols, &y, &bands[n_donors + 1])}
                              fill={format!("url(#{})", hatch)} />
                        <path class="area" data-testid="gap-area" d={band_path(&cols, &y, &bands[n_donors + 2])}
                              fill={format!("url(#{})", gap_hatch)} />
                        <path class="deposit" data-testid="deposit-bars" d={bars_path(&cols, &y, 0.0, &s.deposit, 0.2)} />
                    </g>
                    <line class="axis" x1={tenths(cols.left)} x2={tenths(cols.right)}
                          y1={tenths(y.map(0.0))} y2={tenths(y.map(0.0))} />
                    <path class="need-line" data-testid="need-line" d={step_line_path(&cols, &y, &s.need)} />
                    // A list whose length changes sits in its own fragment: Yew
                    // matches the unkeyed children of an element from the end,
                    // so a marker that comes or goes would otherwise rebuild
                    // every element before it at each step of a drag.
                    <>{ for markers }</>
                    <g class="cut-marks" data-testid="cut-marks">{ for cut_marks }</g>
                    <>{ for highlight }</>
                    <g class="years">{ for year_labels }</g>
                    <g class="hits">{ for hits }</g>
                </svg>
                { tooltip(plan, proj, &amounts, current, &lay, lang) }
            </div>
            { legend(plan, n_donors, lay.font * 0.9, lang) }
            // The chart in words, for every reader, and where its figures
            // are, year by year. On a projector the chart fills the screen
            // and its <desc> carries the words.
            if !props.projector {
                <p class="chart-summary" id={summary_id} data-testid="bridge-summary">
                    { summary }
                    { " " }
                    <a href={format!("#{}", YEAR_TABLE_ID)} class="table-link">
                        { tr(lang, "Every figure, year by year, is in the table below.",
                             "Chaque chiffre, année par année, est dans le tableau ci-dessous.") }
                    </a>
                </p>
            }
        </figure>
    }
}

/// The figures of the year under the pointer or keyboard focus. Always in
/// the page (hidden when no year is chosen) so screen readers hear changes.
fn tooltip(
    plan: &Plan,
    proj: &Projection,
    s: &BridgeSeries,
    current: Option<usize>,
    lay: &Layout,
    lang: Lang,
) -> Html {
    let Some(i) = current else {
        return html! { <div class="chart-tooltip" data-testid="tooltip" role="status" aria-live="polite" hidden=true></div> };
    };
    let cols = lay.cols;
    // Beside the column, on the side with more room.
    let below = lay.width < 640.0;
    // HTML text beside the chart keeps in step with the chart's own text.
    let size = format!("font-size:{:.0}px;", lay.font * 0.9);
    let style = if below {
        size
    } else if cols.center(i) > lay.width / 2.0 {
        format!(
            "{}right:{:.0}px;top:{:.0}px",
            size,
            (lay.width - cols.x0(i) + 8.0).max(0.0),
            lay.top
        )
    } else {
        format!(
            "{}left:{:.0}px;top:{:.0}px",
            size,
            cols.x1(i) + 8.0,
            lay.top
        )
    };
    let row = |label: String, value: String, class: &'static str| {
        html! {
            <><dt class={class}>{ label }</dt><dd class={class}>{ value }</dd></>
        }
    };
    let m = |v: &[f64]| money_short(v.get(i).copied().unwrap_or(0.0), lang);
    let ss = proj
        .years
        .get(i)
        .map(|y| y.self_sufficiency_pct)
        .unwrap_or(f64::NAN);
    html! {
        <div class={classes!("chart-tooltip", below.then_some("below"))} data-testid="tooltip" role="status"
             aria-live="polite" style={style}>
            <p class="tooltip-year">{ s.years[i].to_string() }</p>
            <dl>
                { row(tr(lang, "Local revenue", "Recettes propres").into(), m(&s.revenue), "revenue") }
                { for s.donors.iter().enumerate().map(|(d, series)| row(donor_name(plan, d, lang), m(series), "donor")) }
                { row(tr(lang, "Need", "Besoin").into(), m(&s.need), "need") }
                { row(tr(lang, "Reserve draw", "Tirage sur la réserve").into(), m(&s.draw), "draw") }
                { row(tr(lang, "Deposit to reserve", "Dépôt à la réserve").into(), m(&s.deposit), "deposit") }
                { row(tr(lang, "Unfunded gap", "Déficit non financé").into(), m(&s.gap), "gap") }
                { row(tr(lang, "Self-sufficiency", "Autosuffisance").into(), pct(ss, lang), "ss") }
            </dl>
        </div>
    }
}

fn legend(plan: &Plan, n_donors: usize, font: f64, lang: Lang) -> Html {
    let item = |swatch: Html, label: String| html! { <li>{ swatch }<span>{ label }</span></li> };
    let fill = |colour: &str, dotted: bool| {
        html! {
            <span class={classes!("swatch", dotted.then_some("dotted"))} style={format!("background-color:{}", colour)}
                  aria-hidden="true"></span>
        }
    };
    html! {
        <ul class="chart-legend" style={format!("font-size:{:.0}px", font)}>
            { item(fill(REVENUE_COLOUR, false), tr(lang, "Local revenue", "Recettes propres").into()) }
            { for (0..n_donors).map(|d| {
                let gf = is_gap_filling(plan, d);
                let mut label = donor_name(plan, d, lang);
                if gf {
                    label.push_str(tr(lang, " (gap-filling)", " (comble le déficit)"));
                }
                item(fill(area_colour(plan, d), gf), label)
            }) }
            { item(html! { <span class="swatch hatch" aria-hidden="true"></span> },
                   tr(lang, "Reserve draw", "Tirage sur la réserve").into()) }
            { item(html! { <span class="swatch gap" aria-hidden="true"></span> },
                   tr(lang, "Unfunded gap", "Déficit non financé").into()) }
            { item(html! { <span class="swatch line" aria-hidden="true"></span> },
                   tr(lang, "Need", "Besoin").into()) }
            { item(html! { <span class="swatch deposit" aria-hidden="true"></span> },
                   tr(lang, "Deposit to reserve (below zero)", "Dépôt à la réserve (sous zéro)").into()) }
        </ul>
    }
}
