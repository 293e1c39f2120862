//! Three small line charts of percentages per year: self-sufficiency (with
//! its 100 % line), donor share, and revenue as a share of GDP. Each measures
//! its own width, so they sit side by side on a wide screen and stack on a
//! narrow one without shrinking their text.

use yew::prelude::*;

use super::geometry::{center_line_path, finite, nice_ticks, tenths, Columns, Scale};
use super::{next_uid, stale_badge, use_container_width, ProjectionProps};
use crate::model::{Projection, YearResult};
use crate::ui::context::use_lang;
use crate::ui::format::{axis_labels, pct, Axis};
use crate::ui::i18n::tr;

#[derive(Properties, Clone, Debug)]
struct SmallProps {
    title: AttrValue,
    testid: AttrValue,
    years: Vec<i32>,
    values: Vec<f64>,
    /// A reference line (e.g. 100 % self-sufficiency), always in view.
    reference: Option<f64>,
    colour: &'static str,
}

impl PartialEq for SmallProps {
    fn eq(&self, o: &Self) -> bool {
        self.title == o.title
            && self.testid == o.testid
            && self.years == o.years
            && self.reference == o.reference
            // Bitwise, so a NaN year still compares equal to itself.
            && self.values.len() == o.values.len()
            && self.values.iter().zip(&o.values).all(|(a, b)| a.to_bits() == b.to_bits())
    }
}

#[function_component(SmallChart)]
fn small_chart(props: &SmallProps) -> Html {
    let container = use_node_ref();
    let width = use_container_width(container.clone(), 320.0).max(220.0);
    let uid = use_memo((), |_| next_uid("small"));
    let lang = use_lang();
    let n = props.values.len().min(props.years.len());
    let font = 16.0;
    let height = 240.0;
    let (top, bottom) = (font + 8.0, height - font - 14.0);
    let hi = props
        .values
        .iter()
        .fold(props.reference.unwrap_or(0.0), |a, v| a.max(finite(*v)));
    let lo = props.values.iter().fold(0.0f64, |a, v| a.min(finite(*v)));
    let ticks = nice_ticks(lo, hi, 4);
    let labels = axis_labels(&ticks, Axis::Pct, lang);
    // Room for the longest label ("1.2e67 %" when revenue outgrows a need
    // many times over), at about 0.6 em a character.
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let cols = Columns {
        left: (longest as f64 * font * 0.6 + 10.0).max(64.0),
        right: width - 12.0,
        n: n.max(1),
    };
    let y = Scale::new(
        (
            ticks.first().copied().unwrap_or(0.0),
            ticks.last().copied().unwrap_or(1.0),
        ),
        (bottom, top),
    );
    let fmt = tenths;
    let summary = match (
        props.values.first(),
        props.values.last(),
        props.years.first(),
        props.years.last(),
    ) {
        (Some(a), Some(b), Some(ya), Some(yb)) => {
            let in_ = tr(lang, "in", "en");
            format!(
                "{}{}{} {} {}, {} {} {}.",
                props.title,
                tr(lang, ": ", "\u{a0}: "),
                pct(*a, lang),
                in_,
                ya,
                pct(*b, lang),
                in_,
                yb
            )
        }
        _ => props.title.to_string(),
    };
    // Counted back from the last year, so the horizon's end is always
    // labelled and labels never crowd.
    let every = cols.label_every(64.0);
    html! {
        <figure class="small-chart" data-testid={props.testid.clone()} ref={container}>
            <figcaption class="chart-title">{ props.title.clone() }</figcaption>
            <svg width={fmt(width)} height={fmt(height)} viewBox={format!("0 0 {:.0} {:.0}", width, height)}
                 role="img" aria-labelledby={format!("{}-desc", uid)} style={format!("font-size:{}px", font)}>
                <desc id={format!("{}-desc", uid)}>{ summary }</desc>
                <g class="grid">
                    { for ticks.iter().zip(labels).map(|(t, label)| html! {
                        <g class="tick">
                            <line x1={fmt(cols.left)} x2={fmt(cols.right)} y1={fmt(y.map(*t))} y2={fmt(y.map(*t))} />
                            <text x={fmt(cols.left - 6.0)} y={fmt(y.map(*t))} text-anchor="end"
                                  dominant-baseline="middle">{ label }</text>
                        </g>
                    }) }
                </g>
                { for props.reference.map(|r| html! {
                    <line class="reference" data-testid={format!("{}-reference", props.testid)}
                          x1={fmt(cols.left)} x2={fmt(cols.right)} y1={fmt(y.map(r))} y2={fmt(y.map(r))} />
                }) }
                <path class="series" d={center_line_path(&cols, &y, &props.values[..n])} stroke={props.colour} />
                // One invisible column per year whose native title reads the
                // value on hover, without a tooltip of our own.
                <g class="hits">
                    { for (0..n).map(|i| html! {
                        <rect class="hit" x={fmt(cols.x0(i))} y={fmt(top)} width={fmt(cols.width())}
                              height={fmt((bottom - top).max(0.0))}>
                            <title>{ format!("{}: {}", props.years[i], pct(props.values[i], lang)) }</title>
                        </rect>
                    }) }
                </g>
                { for (0..n).filter(|i| (n - 1 - i) % every == 0).map(|i| html! {
                    <text class="year-label" x={fmt(cols.center(i))} y={fmt(bottom + font + 6.0)}
                          text-anchor="middle">{ props.years[i].to_string() }</text>
                }) }
            </svg>
        </figure>
    }
}

fn series(p: &Projection, f: fn(&YearResult) -> f64) -> Vec<f64> {
    p.years.iter().map(f).collect()
}

/// Self-sufficiency %, donor share % and revenue % of GDP, per year.
#[function_component(SmallCharts)]
pub fn small_charts(props: &ProjectionProps) -> Html {
    let lang = use_lang();
    let p = &*props.projection;
    let years: Vec<i32> = p.years.iter().map(|y| y.year).collect();
    html! {
        <section class={classes!("small-charts", props.stale.then_some("stale"))} data-testid="small-charts">
            { stale_badge(props.stale, lang) }
            <SmallChart title={tr(lang, "Self-sufficiency (local revenue / need)", "Autosuffisance (recettes propres / besoin)")}
                        testid="small-self-sufficiency" years={years.clone()}
                        values={series(p, |y| y.self_sufficiency_pct)} reference={Some(100.0)}
                        colour={super::REVENUE_COLOUR} />
            <SmallChart title={tr(lang, "Donor share of funding", "Part des bailleurs dans le financement")}
                        testid="small-donor-share" years={years.clone()}
                        values={series(p, |y| y.donor_share_pct)} reference={None}
                        colour={super::donor_colour(0)} />
            <SmallChart title={tr(lang, "Local revenue, % of GDP", "Recettes propres, % du PIB")}
                        testid="small-revenue-gdp" years={years}
                        values={series(p, |y| y.revenue_pct_gdp)} reference={None}
                        colour="#000000" />
        </section>
    }
}
