//! The year table: every per-year figure and breakdown of the projection,
//! one row per metric and one column per calendar year (a 60-year plan
//! scrolls sideways while the metric names and years stay in view). Rows are
//! grouped as MODEL.md reads: macro, revenue, need, donors, balance and
//! reserve, indicators. Each row carries `data-metric` with its MODEL.md
//! field name (`revenues.<name>` for a breakdown).

use yew::prelude::*;

use crate::model::{Plan, Projection, YearResult};
use crate::ui::chart::geometry::money;
use crate::ui::chart::{currency_code, item_name, stale_badge, ProjectionProps};
use crate::ui::context::use_lang;
use crate::ui::format::{money_short, pct, plain, DisplayCurrency};
use crate::ui::i18n::{tr, Lang};

/// The table's id: the bridge chart's summary links to it.
pub const YEAR_TABLE_ID: &str = "year-table";

/// How a row's figures are written.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// LCU, shown in the display currency.
    Money,
    Pct,
    /// A plain number with this many decimals (price index, exchange rate).
    Plain(usize),
    /// A count in short form (population).
    Count,
}

struct Row {
    metric: String,
    label: String,
    kind: Kind,
    /// A breakdown line under its total.
    sub: bool,
    values: Vec<f64>,
    /// The item's note (its source), shown on its header.
    note: String,
}

fn cell(kind: Kind, v: f64, yr: &YearResult, currency: DisplayCurrency, lang: Lang) -> String {
    match kind {
        Kind::Money => money_short(currency.convert(v, yr.fx), lang),
        Kind::Pct => pct(v, lang),
        Kind::Plain(d) => plain(v, d, lang),
        Kind::Count => money_short(v, lang),
    }
}

/// The reader's name of a per-year field of MODEL.md (e.g. for a criterion's
/// metric); `None` for a name the model does not have.
pub fn metric_label(metric: &str, lang: Lang) -> Option<&'static str> {
    let (en, fr) = match metric {
        "gdp" => ("GDP", "PIB"),
        "price_index" => ("Price index", "Indice des prix"),
        "population" => ("Population", "Population"),
        "fx" => (
            "Exchange rate (LCU per USD)",
            "Taux de change (UML par USD)",
        ),
        "local_revenue" => ("Local revenue", "Recettes propres"),
        "need" => ("Need", "Besoin"),
        "donor_funding" => ("Donor funding", "Financement des bailleurs"),
        "programmed_donor_funding" => ("Programmed donor funding", "Financement programmé"),
        "balance" => ("Balance", "Solde"),
        "deposit" => ("Deposit to reserve", "Dépôt à la réserve"),
        "draw" => ("Reserve draw", "Tirage sur la réserve"),
        "unfunded_gap" => ("Unfunded gap", "Déficit non financé"),
        "fiscal_space" => ("Fiscal space", "Marge budgétaire"),
        "reserve" => ("Reserve at year end", "Réserve en fin d’année"),
        "self_sufficiency_pct" => ("Self-sufficiency", "Autosuffisance"),
        "donor_share_pct" => ("Donor share", "Part des bailleurs"),
        "revenue_pct_gdp" => ("Revenue, % of GDP", "Recettes, % du PIB"),
        "social_protection_pct_gdp" => (
            "Social protection, % of GDP",
            "Protection sociale, % du PIB",
        ),
        "donor_drop_pct" => ("Donor drop, % of need", "Baisse des bailleurs, % du besoin"),
        _ => return None,
    };
    Some(tr(lang, en, fr))
}

fn field(
    p: &Projection,
    metric: &'static str,
    lang: Lang,
    kind: Kind,
    f: fn(&YearResult) -> f64,
) -> Row {
    let label = metric_label(metric, lang).unwrap_or(metric).to_string();
    Row {
        metric: metric.into(),
        label,
        kind,
        sub: false,
        values: p.years.iter().map(f).collect(),
        note: String::new(),
    }
}

/// One row per item of a breakdown (`revenues`, `costs`, …), named from the
/// plan; as many rows as the projection has items.
fn breakdown(
    p: &Projection,
    key: &str,
    names: &[&str],
    notes: &[&str],
    fallback: &str,
    pick: fn(&YearResult) -> &Vec<f64>,
) -> Vec<Row> {
    let n = p.years.iter().map(|y| pick(y).len()).max().unwrap_or(0);
    (0..n)
        .map(|i| {
            let name = item_name(names.iter().copied(), i, fallback);
            Row {
                // The plan's name, or the item's index when the plan has no
                // such item (a kept projection), so the key never depends on
                // the language.
                metric: match names.get(i) {
                    Some(plan_name) => format!("{}.{}", key, plan_name),
                    None => format!("{}.{}", key, i),
                },
                label: name,
                kind: Kind::Money,
                sub: true,
                values: p
                    .years
                    .iter()
                    .map(|y| pick(y).get(i).copied().unwrap_or(f64::NAN))
                    .collect(),
                note: notes.get(i).map_or_else(String::new, |n| n.to_string()),
            }
        })
        .collect()
}

fn groups(plan: &Plan, p: &Projection, lang: Lang) -> Vec<(&'static str, Vec<Row>)> {
    let t = |en, fr| tr(lang, en, fr);
    let revenues: Vec<&str> = plan.revenues.iter().map(|r| r.name.as_str()).collect();
    let costs: Vec<&str> = plan.costs.iter().map(|r| r.name.as_str()).collect();
    let programmes: Vec<&str> = plan.programmes.iter().map(|r| r.name.as_str()).collect();
    let donors: Vec<&str> = plan.donors.iter().map(|r| r.name.as_str()).collect();
    let revenue_notes: Vec<&str> = plan.revenues.iter().map(|r| r.note.as_str()).collect();
    let cost_notes: Vec<&str> = plan.costs.iter().map(|r| r.note.as_str()).collect();
    let programme_notes: Vec<&str> = plan.programmes.iter().map(|r| r.note.as_str()).collect();
    let donor_notes: Vec<&str> = plan.donors.iter().map(|r| r.note.as_str()).collect();
    let with = |mut head: Vec<Row>, rest: Vec<Row>| {
        head.extend(rest);
        head
    };
    vec![
        (
            t("Macro path", "Cadre macroéconomique"),
            vec![
                field(p, "gdp", lang, Kind::Money, |y| y.gdp),
                field(p, "price_index", lang, Kind::Plain(3), |y| y.price_index),
                field(p, "population", lang, Kind::Count, |y| y.population),
                field(p, "fx", lang, Kind::Plain(2), |y| y.fx),
            ],
        ),
        (
            t("Revenue by stream", "Recettes par source"),
            with(
                vec![field(p, "local_revenue", lang, Kind::Money, |y| {
                    y.local_revenue
                })],
                breakdown(
                    p,
                    "revenues",
                    &revenues,
                    &revenue_notes,
                    t("Revenue", "Recette"),
                    |y| &y.revenues,
                ),
            ),
        ),
        (
            t(
                "Need by cost line and programme",
                "Besoin par poste et programme",
            ),
            with(
                with(
                    vec![field(p, "need", lang, Kind::Money, |y| y.need)],
                    breakdown(
                        p,
                        "costs",
                        &costs,
                        &cost_notes,
                        t("Cost line", "Poste de coût"),
                        |y| &y.costs,
                    ),
                ),
                breakdown(
                    p,
                    "programmes",
                    &programmes,
                    &programme_notes,
                    t("Programme", "Programme"),
                    |y| &y.programmes,
                ),
            ),
        ),
        (
            t(
                "Donors, each and together",
                "Bailleurs, un à un et ensemble",
            ),
            with(
                vec![
                    field(p, "donor_funding", lang, Kind::Money, |y| y.donor_funding),
                    field(p, "programmed_donor_funding", lang, Kind::Money, |y| {
                        y.programmed_donor_funding
                    }),
                ],
                breakdown(
                    p,
                    "donors",
                    &donors,
                    &donor_notes,
                    t("Donor", "Bailleur"),
                    |y| &y.donors,
                ),
            ),
        ),
        (
            t("Balance and reserve", "Solde et réserve"),
            vec![
                field(p, "balance", lang, Kind::Money, |y| y.balance),
                field(p, "deposit", lang, Kind::Money, |y| y.deposit),
                field(p, "draw", lang, Kind::Money, |y| y.draw),
                field(p, "unfunded_gap", lang, Kind::Money, |y| y.unfunded_gap),
                field(p, "fiscal_space", lang, Kind::Money, |y| y.fiscal_space),
                field(p, "reserve", lang, Kind::Money, |y| y.reserve),
            ],
        ),
        (
            t("Indicators", "Indicateurs"),
            vec![
                field(p, "self_sufficiency_pct", lang, Kind::Pct, |y| {
                    y.self_sufficiency_pct
                }),
                field(p, "donor_share_pct", lang, Kind::Pct, |y| y.donor_share_pct),
                field(p, "revenue_pct_gdp", lang, Kind::Pct, |y| y.revenue_pct_gdp),
                field(p, "social_protection_pct_gdp", lang, Kind::Pct, |y| {
                    y.social_protection_pct_gdp
                }),
                field(p, "donor_drop_pct", lang, Kind::Pct, |y| y.donor_drop_pct),
            ],
        ),
    ]
}

#[function_component(YearTable)]
pub fn year_table(props: &ProjectionProps) -> Html {
    let lang = use_lang();
    let plan = &*props.plan;
    let p = &*props.projection;
    let n = p.years.len();
    let caption = format!(
        "{} — {} {}",
        tr(lang, "Year by year", "Année par année"),
        tr(lang, "money in", "montants en"),
        currency_code(plan, props.currency)
    );
    let body = groups(plan, p, lang).into_iter().map(|(name, rows)| {
        html! {
            <tbody>
                // The group name in the first column alone, so it stays in
                // view (sticky) when the years scroll sideways.
                <tr class="group">
                    <th scope="rowgroup">{ name }</th>
                    if n > 0 { <td colspan={n.to_string()}></td> }
                </tr>
                { for rows.into_iter().map(|row| html! {
                    <tr class={classes!(row.sub.then_some("sub"))} data-metric={row.metric.clone()}>
                        // The full name, and the item's source, on hover.
                        <th scope="row" class={classes!((!row.note.is_empty()).then_some("noted"))}
                            title={match row.note.is_empty() {
                                true => row.label.clone(),
                                false => format!("{} — {}", row.label, row.note),
                            }}>{ row.label.clone() }</th>
                        { for p.years.iter().zip(&row.values).map(|(yr, v)| {
                            let shown = if row.kind == Kind::Money { money(props.currency, yr, *v) } else { *v };
                            html! {
                                <td class={classes!((shown < 0.0).then_some("negative"))}>
                                    { cell(row.kind, *v, yr, props.currency, lang) }
                                </td>
                            }
                        }) }
                    </tr>
                }) }
            </tbody>
        }
    });
    html! {
        <section class={classes!("year-table-section", props.stale.then_some("stale"))}>
            { stale_badge(props.stale, lang) }
            <div class="year-table-wrap" id={YEAR_TABLE_ID} tabindex="0" role="region" aria-label={caption.clone()}>
                <table class="year-table" data-testid="year-table">
                    <caption>{ caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ tr(lang, "Figure", "Grandeur") }</th>
                            { for p.years.iter().map(|y| html! { <th scope="col">{ y.year.to_string() }</th> }) }
                        </tr>
                    </thead>
                    { for body }
                </table>
            </div>
        </section>
    }
}
