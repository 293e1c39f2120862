//! Two to four scenarios side by side: the delta cards of each against the
//! first ticked, their bridges (the same chart the results show), their
//! need and local-revenue lines on one chart, a delta year table over a
//! chosen window, and the assumptions that differ, in words.
//!
//! Not for: any figure of its own. Projections come from
//! `model::scenario::evaluate_all`, deltas from `model::scenario::compare`,
//! words from `ui::compare_words`.

use std::rc::Rc;

use yew::prelude::*;

use super::fan_panel::FanPanel;

use crate::model::scenario::{compare_summaries, evaluate_all, sharing_run, BASELINE};
use crate::model::{Plan, Projection, Text};
use crate::ui::chart::geometry::{center_line_path, money, Columns, Scale};
use crate::ui::chart::{donor_colour, BridgeChart};
use crate::ui::compare_words::{deltas, differences};
use crate::ui::context::use_lang;
use crate::ui::format::{money_short, DisplayCurrency};
use crate::ui::i18n::tr;

#[derive(Properties, Clone)]
pub struct Props {
    pub plan: Rc<Plan>,
    pub compare: Rc<Vec<Option<usize>>>,
    pub currency: DisplayCurrency,
}

impl PartialEq for Props {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.plan, &o.plan) && self.compare == o.compare && self.currency == o.currency
    }
}

type Side = (String, Rc<Plan>, Rc<Projection>);

#[function_component(CompareView)]
pub fn compare_view(p: &Props) -> Html {
    let l = use_lang();
    let sides = use_memo((p.plan.clone(), p.compare.clone()), |(plan, set)| {
        let all = evaluate_all(plan)?;
        let base = (BASELINE.to_string(), plan.clone(), Rc::new(all.baseline));
        let mut scenarios: Vec<Option<(Rc<Plan>, Rc<Projection>)>> = all
            .scenarios
            .into_iter()
            // Run, if at all, with the plan's settings (for its fan).
            .map(|(sp, pr)| Some((Rc::new(sharing_run(sp, plan)), Rc::new(pr))))
            .collect();
        let sides: Vec<Side> = set
            .iter()
            .filter_map(|c| match c {
                None => Some(base.clone()),
                Some(i) => {
                    let (sp, pr) = scenarios.get_mut(*i)?.clone()?;
                    Some((plan.scenarios[*i].name.clone(), sp, pr))
                }
            })
            .collect();
        Ok::<_, Vec<crate::model::Problem>>(sides)
    });
    let window = use_state(|| None::<(i32, i32)>);
    let sides = match &*sides {
        Ok(s) if s.len() >= 2 => s,
        Ok(_) => return html! {},
        Err(problems) => {
            let first = problems.first().map(|x| x.text(l)).unwrap_or_default();
            return html! {
                <section class="compare" data-testid="compare">
                    <p class="placeholder" data-testid="compare-invalid">
                        { tr(l, "Fix the plan's problems to compare its scenarios: ", "Corrigez les problèmes du plan pour comparer ses scénarios : ") }{ first }
                    </p>
                </section>
            };
        }
    };
    let (a_name, a_plan, a) = &sides[0];
    let c = p.currency;
    let years: Vec<i32> = a.years.iter().map(|y| y.year).collect();
    let (first, last) = (
        years.first().copied().unwrap_or(0),
        years.last().copied().unwrap_or(0),
    );
    let (from, to) = window.unwrap_or((first, last));
    let comparisons: Vec<_> = sides[1..]
        .iter()
        .map(|(_, _, b)| compare_summaries(&a.summary, &b.summary))
        .collect();
    let on_year = |end: bool| {
        let window = window.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(y) = input.value().parse::<i32>() {
                let (f, t) = window.unwrap_or((first, last));
                window.set(Some(if end { (f, y.max(f)) } else { (y.min(t), t) }));
            }
        })
    };
    let year_select = |end: bool, value: i32, label: &'static str| {
        html! {
            <label>{ label }
                <select data-testid={if end { "compare-to" } else { "compare-from" }} onchange={on_year(end)}>
                    { for years.iter().map(|y| html! { <option value={y.to_string()} selected={*y == value}>{ y }</option> }) }
                </select>
            </label>
        }
    };
    let delta_rows = (from..=to).filter_map(|year| {
        let t = years.iter().position(|y| *y == year)?;
        let ya = a.years.get(t)?;
        let cells = sides[1..]
            .iter()
            .filter_map(|(_, _, b)| b.years.get(t))
            .flat_map(|yb| {
                [
                    yb.local_revenue - ya.local_revenue,
                    yb.need - ya.need,
                    yb.donor_funding - ya.donor_funding,
                    yb.unfunded_gap - ya.unfunded_gap,
                ]
                .map(|d| html! { <td>{ money_short(d, l) }</td> })
            });
        Some(html! { <tr><th scope="row">{ year }</th>{ for cells }</tr> })
    });
    let heads = ["Δ revenue", "Δ need", "Δ donors", "Δ gap"];
    let heads_fr = [
        "Δ recettes",
        "Δ besoin",
        "Δ bailleurs",
        "Δ besoin non financé",
    ];
    html! {
        <section class="compare" data-testid="compare">
            <h2>{ tr(l, "Comparison with ", "Comparaison avec ") }{ a_name.clone() }</h2>
            { for sides[1..].iter().zip(&comparisons).enumerate().map(|(k, ((name, bp, _), cmp))| html! {
                <div class="compare-against" data-testid={format!("compare-b-{}", k + 1)}>
                    <h3>{ name.clone() }</h3>
                    <ul class="delta-cards">
                        { for deltas(cmp, l).into_iter().map(|d| html! {
                            <li class={classes!("delta-card", d.better.map(|b| if b { "better" } else { "worse" }))}
                                data-testid={format!("delta-{}-{}", k + 1, d.key)}>{ d.text }</li>
                        }) }
                    </ul>
                    <h4>{ tr(l, "Assumptions that differ", "Hypothèses qui diffèrent") }</h4>
                    <ul data-testid={format!("differences-{}", k + 1)}>
                        { for differences(a_plan, bp, l).into_iter().map(|s| html! { <li>{ s }</li> }) }
                    </ul>
                </div>
            }) }
            { overlay(sides, c, l) }
            <div class="compare-bridges">
                { for sides.iter().map(|(name, sp, pr)| html! {
                    <div><h3>{ name.clone() }</h3>
                        <BridgeChart plan={sp.clone()} projection={pr.clone()} currency={c} />
                        // Each scenario's own range of outcomes, when the plan has a Monte Carlo run.
                        if sp.uncertainty.is_some() {
                            <FanPanel plan={sp.clone()} sliding={false} compact=true />
                        }
                    </div>
                }) }
            </div>
            <div class="compare-table">
                { year_select(false, from, tr(l, "From", "De")) }
                { year_select(true, to, tr(l, "to", "à")) }
                <table data-testid="compare-table">
                    <thead>
                        <tr><td></td>{ for sides[1..].iter().map(|(n, ..)| html! { <th colspan="4" scope="colgroup">{ format!("{n} − {a_name}") }</th> }) }</tr>
                        <tr><th scope="col">{ tr(l, "Year", "Année") }</th>
                            { for sides[1..].iter().flat_map(|_| (0..4).map(|i| html! { <th scope="col">{ tr(l, heads[i], heads_fr[i]) }</th> })) }</tr>
                    </thead>
                    <tbody>{ for delta_rows }</tbody>
                </table>
            </div>
        </section>
    }
}

/// Need (solid) and local revenue (dashed) of every side on one chart.
fn overlay(sides: &[Side], c: DisplayCurrency, l: crate::ui::i18n::Lang) -> Html {
    let (w, h, left, top, bottom) = (640.0, 240.0, 8.0, 10.0, 230.0);
    let series = |pr: &Projection, need: bool| -> Vec<f64> {
        pr.years
            .iter()
            .map(|y| money(c, y, if need { y.need } else { y.local_revenue }))
            .collect()
    };
    let max = sides
        .iter()
        .flat_map(|(_, _, pr)| series(pr, true).into_iter().chain(series(pr, false)))
        .fold(0.0_f64, f64::max);
    let top_value = max.max(1.0);
    let n = sides.first().map_or(0, |(_, _, pr)| pr.years.len());
    let cols = Columns {
        left,
        right: w - 8.0,
        n,
    };
    let y = Scale::new((0.0, top_value), (bottom, top));
    html! {
        <figure class="compare-overlay" data-testid="compare-overlay">
            <figcaption>{ tr(l, "Need (solid) and local revenue (dashed)", "Besoin (trait plein) et recettes locales (tirets)") }</figcaption>
            <svg viewBox={format!("0 0 {w} {h}")} role="img"
                aria-label={tr(l, "Need and local revenue of each compared scenario", "Besoin et recettes locales de chaque scénario comparé")}>
                { for sides.iter().enumerate().map(|(i, (name, _, pr))| {
                    let colour = donor_colour(i);
                    html! { <g data-name={name.clone()}>
                        <path d={center_line_path(&cols, &y, &series(pr, true))} stroke={colour} fill="none" stroke-width="2" />
                        <path d={center_line_path(&cols, &y, &series(pr, false))} stroke={colour} fill="none" stroke-width="2" stroke-dasharray="5 4" />
                    </g> }
                }) }
            </svg>
            <ul class="legend">
                { for sides.iter().enumerate().map(|(i, (name, ..))| html! {
                    <li><span class="swatch" style={format!("background:{}", donor_colour(i))}></span>{ name.clone() }</li>
                }) }
            </ul>
        </figure>
    }
}
