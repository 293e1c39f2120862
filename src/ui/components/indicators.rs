//! The headline cards: the few results a room should read first
//! (self-sufficiency year, donor exit, the unfunded gap, the steepest donor
//! drop, exit criteria and re-engagement warnings), from the projection's
//! `Summary`. Money follows the display currency: in USD, sums are taken
//! year by year at each year's exchange rate, not at one rate.

use yew::prelude::*;

use crate::model::{Criterion, Op, Plan, Projection};
use crate::ui::chart::geometry::money;
use crate::ui::chart::{currency_code, has_need, stale_badge, year_or_never, ProjectionProps};
use crate::ui::components::year_table::metric_label;
use crate::ui::context::use_lang;
use crate::ui::format::{money_short, number, pct, DisplayCurrency};
use crate::ui::i18n::{tr, Lang};

/// A fall in programmed donor money above this share of one year's need is
/// flagged as a cliff.
pub const CLIFF_PCT: f64 = 5.0;

/// Cumulative unfunded gap and its NPV in the display currency.
fn gap_totals(plan: &Plan, p: &Projection, currency: DisplayCurrency) -> (f64, f64) {
    if currency == DisplayCurrency::Local {
        return (p.summary.cumulative_gap, p.summary.cumulative_gap_npv);
    }
    let r = plan.meta.discount_rate_pct / 100.0;
    p.years
        .iter()
        .enumerate()
        .fold((0.0, 0.0), |(sum, npv), (t, y)| {
            let g = money(currency, y, y.unfunded_gap);
            let d = (1.0 + r).powi(t as i32);
            (
                sum + g,
                npv + if d.is_finite() && d > 0.0 { g / d } else { 0.0 },
            )
        })
}

/// A criterion in words: "Self-sufficiency ≥ 100 for 3 years".
fn criterion_text(c: &Criterion, lang: Lang) -> String {
    let op = match c.op {
        Op::Ge => "≥",
        Op::Gt => ">",
        Op::Le => "≤",
        Op::Lt => "<",
    };
    let metric = metric_label(&c.metric, lang).unwrap_or(&c.metric);
    let mut s = format!(
        "{} {} {}",
        metric,
        op,
        number(c.value, 2, lang)
            .trim_end_matches('0')
            .trim_end_matches(['.', ','])
    );
    if c.consecutive_years > 1 {
        s.push_str(&format!(
            " {} {} {}",
            tr(lang, "for", "pendant"),
            c.consecutive_years,
            tr(lang, "years", "ans")
        ));
    }
    s
}

/// `level`: the label's heading element, one below the view's last heading.
fn card_at(
    level: &'static str,
    testid: &'static str,
    label: &'static str,
    value: String,
    note: Html,
    warn: bool,
) -> Html {
    html! {
        <section class={classes!("card", warn.then_some("warn"))} data-testid={testid}>
            <@{level} class="card-label">{ label }</@>
            <p class="card-value" data-testid={format!("{}-value", testid)}>{ value }</p>
            { note }
        </section>
    }
}

fn note(text: String) -> Html {
    html! { <p class="card-note">{ text }</p> }
}

#[function_component(Indicators)]
pub fn indicators(props: &ProjectionProps) -> Html {
    let lang = use_lang();
    let plan = &*props.plan;
    let p = &*props.projection;
    let s = &p.summary;
    let code = currency_code(plan, props.currency);
    let (gap, gap_npv) = gap_totals(plan, p, props.currency);
    let year_of = |yr: Option<i32>| yr.and_then(|y| p.years.iter().find(|r| r.year == y));

    let peak = match (s.peak_gap_year, year_of(s.peak_gap_year)) {
        (Some(y), Some(r)) => (
            money_short(money(props.currency, r, r.unfunded_gap), lang),
            note(format!("{} {}", tr(lang, "in", "en"), y)),
        ),
        _ => (
            money_short(0.0, lang),
            note(
                tr(
                    lang,
                    "No unfunded gap in any year",
                    "Aucun déficit non financé",
                )
                .to_string(),
            ),
        ),
    };

    let cliff = s.max_donor_drop_pct > CLIFF_PCT;
    let drop_note = match s.max_donor_drop_year {
        Some(y) if cliff => html! {
            <p class="card-note warning" role="note">
                { format!("⚠ {} {}{} {}", tr(lang, "Cliff in", "Falaise en"), y, tr(lang, ":", "\u{a0}:"),
                          tr(lang, "donors programme more than 5 % of the need less than the year before",
                                   "les bailleurs programment plus de 5 % du besoin de moins que l’année précédente")) }
            </p>
        },
        Some(y) => note(format!(
            "{} {}, {}",
            tr(lang, "in", "en"),
            y,
            tr(
                lang,
                "share of that year’s need",
                "part du besoin de l’année"
            )
        )),
        None => note(
            tr(
                lang,
                "Programmed donor money never falls",
                "Les fonds programmés ne baissent jamais",
            )
            .to_string(),
        ),
    };

    let met = s.criteria.iter().filter(|(_, y)| y.is_some()).count();
    let criteria_value = if s.criteria.is_empty() {
        tr(lang, "none set", "aucun").to_string()
    } else {
        format!(
            "{} / {} {}",
            met,
            s.criteria.len(),
            tr(lang, "met", "atteints")
        )
    };
    // French sets a (non-breaking) space before a colon.
    let colon = tr(lang, ": ", "\u{a0}: ");
    let criteria_list = html! { <>
        <ul class="criteria">
            { for s.criteria.iter().enumerate().map(|(i, (key, yr))| {
                let what = plan.criteria.get(i).map(|c| criterion_text(c, lang));
                let label = match (plan.criteria.get(i).and_then(|c| c.name.as_ref()), what) {
                    (Some(_), Some(w)) => format!("{} ({})", key, w),
                    (None, Some(w)) => format!("{} {}{}{}", tr(lang, "Criterion", "Critère"), i + 1, colon, w),
                    (_, None) => key.clone(),
                };
                let status = match yr {
                    Some(y) => format!("{} {}", tr(lang, "met in", "atteint en"), y),
                    None => tr(lang, "not met", "non atteint").to_string(),
                };
                html! {
                    <li class={if yr.is_some() { "met" } else { "not-met" }}>
                        <span class="criterion-name">{ label }</span>{ colon }<strong>{ status }</strong>
                    </li>
                }
            }) }
        </ul>
        // Criteria met are no all-clear while some year has no funding.
        if gap > 0.0 && !s.criteria.is_empty() && met == s.criteria.len() {
            <p class="card-note warning" role="note" data-testid="criteria-gap-warning">
                { format!("⚠ {}", tr(lang, "Every criterion is met, yet the plan leaves an unfunded gap.",
                                     "Tous les critères sont atteints, mais le plan laisse un déficit non financé.")) }
            </p>
        }
    </> };

    let reeng_value = if plan.reengagement.is_none() {
        tr(lang, "not set", "non défini").to_string()
    } else if s.reengagement_years.is_empty() {
        tr(lang, "none", "aucune").to_string()
    } else {
        s.reengagement_years
            .iter()
            .map(|y| y.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let reeng_note = if s.reengagement_years.is_empty() {
        note(
            tr(
                lang,
                "Years after donor exit that would call donors back",
                "Années après la sortie qui rappelleraient les bailleurs",
            )
            .to_string(),
        )
    } else {
        html! {
            <p class="card-note warning" role="note">
                { format!("⚠ {}", tr(lang, "Self-sufficiency or the reserve falls below its floor after donor exit",
                                     "L’autosuffisance ou la réserve passe sous son seuil après la sortie des bailleurs")) }
            </p>
        }
    };

    // On the page the cards come after the editor's h2 sections; in the
    // presenter view, straight under its h1.
    let level = if props.projector { "h2" } else { "h3" };
    let card = |testid, label, value, note, warn| card_at(level, testid, label, value, note, warn);
    html! {
        <section class={classes!("indicators", props.stale.then_some("stale"))} data-testid="indicators"
                 aria-label={tr(lang, "Headline results", "Résultats principaux")}>
            { stale_badge(props.stale, lang) }
            if has_need(p) {
                { card("card-self-sufficiency-year", tr(lang, "Self-sufficient from", "Autosuffisant à partir de"),
                       year_or_never(s.self_sufficiency_year, lang),
                       note(tr(lang, "Local revenue covers the whole need from this year on",
                                     "Les recettes propres couvrent tout le besoin dès cette année").to_string()),
                       s.self_sufficiency_year.is_none()) }
            } else {
                // Revenue always covers a need of 0: that is no finding.
                { card("card-self-sufficiency-year", tr(lang, "Self-sufficient from", "Autosuffisant à partir de"),
                       tr(lang, "no need to cover", "aucun besoin à couvrir").to_string(),
                       note(tr(lang, "The plan has no cost line or programme with a cost yet.",
                                     "Le plan n’a encore aucun poste de dépense ni programme qui coûte.").to_string()),
                       true) }
            }
            { card("card-donor-exit-year", tr(lang, "Donor exit", "Sortie des bailleurs"),
                   year_or_never(s.donor_exit_year, lang),
                   note(format!("{} {} {}", tr(lang, "Donor money at most", "Fonds des bailleurs au plus"),
                                pct(plan.meta.exit_threshold_pct, lang),
                                tr(lang, "of need from then on", "du besoin ensuite"))), false) }
            { card("card-cumulative-gap", tr(lang, "Cumulative unfunded gap", "Déficit non financé cumulé"),
                   money_short(gap, lang), note(code.clone()), gap > 0.0) }
            { card("card-cumulative-gap-npv", tr(lang, "Unfunded gap, present value", "Déficit non financé, valeur actuelle"),
                   money_short(gap_npv, lang),
                   note(format!("{}, {} {}", code, tr(lang, "discounted at", "actualisé à"), pct(plan.meta.discount_rate_pct, lang))),
                   gap_npv > 0.0) }
            { card("card-peak-gap", tr(lang, "Peak unfunded gap", "Déficit non financé maximal"), peak.0, peak.1,
                   s.peak_gap_year.is_some()) }
            { card("card-max-donor-drop", tr(lang, "Largest donor drop", "Plus forte baisse des bailleurs"),
                   pct(s.max_donor_drop_pct, lang), drop_note, cliff) }
            { card("card-criteria", tr(lang, "Exit criteria", "Critères de sortie"), criteria_value, criteria_list,
                   met < s.criteria.len() || gap > 0.0) }
            { card("card-reengagement", tr(lang, "Re-engagement warnings", "Alertes de réengagement"), reeng_value, reeng_note,
                   !s.reengagement_years.is_empty()) }
        </section>
    }
}
