//! One donor: its kind, the fields that kind uses, and for budget support
//! and gap-filling facilities the taper m(t) with a small preview.

use std::rc::Rc;

use yew::prelude::*;

use super::item_header::ItemHeader;
use super::number_field::{Kind, NumberField};
use super::select_field::SelectField;
use super::shared::{nice_ceil, problem};
use super::sparkline::{sparkline, taper_values};
use super::toggle_field::toggle_field;
use super::year_field::year_field;
use crate::model::{Currency, Donor, DonorKind, Plan, Problem, Taper};
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::edit::{List, Optional, Shape, Value};
use crate::ui::i18n::{tr, Lang};
use crate::ui::state::{Action, Edit};

#[derive(Properties, Clone)]
pub struct Props {
    pub plan: Rc<Plan>,
    pub index: usize,
    pub problems: Rc<Vec<Problem>>,
}

impl PartialEq for Props {
    fn eq(&self, o: &Self) -> bool {
        // Only what this donor's controls show.
        fn part(p: &Plan, i: usize) -> impl PartialEq + '_ {
            (
                p.donors.get(i),
                p.donors.len(),
                (p.meta.start_year, p.meta.horizon_years, &p.meta.currency),
                (p.macro_path.gdp_base, p.macro_path.fx_base),
                p.costs.iter().map(|c| &c.name).collect::<Vec<_>>(),
                p.programmes.iter().map(|c| &c.name).collect::<Vec<_>>(),
            )
        }
        self.index == o.index
            && (Rc::ptr_eq(&self.problems, &o.problems) || self.problems == o.problems)
            && (Rc::ptr_eq(&self.plan, &o.plan)
                || part(&self.plan, self.index) == part(&o.plan, o.index))
    }
}

pub fn kind_label(k: DonorKind, l: Lang) -> &'static str {
    match k {
        DonorKind::BudgetSupport => tr(l, "Budget support", "Appui budgétaire"),
        DonorKind::Cofinancing => tr(l, "Co-financing of a line", "Cofinancement d'un poste"),
        DonorKind::GapFilling => tr(
            l,
            "Gap-filling facility",
            "Facilité de financement du déficit",
        ),
    }
}

fn shape_label(s: Shape, l: Lang) -> &'static str {
    match s {
        Shape::None => tr(l, "Flat", "Constant"),
        Shape::Linear => tr(l, "Linear to zero", "Linéaire jusqu'à zéro"),
        Shape::Exponential => tr(l, "Exponential", "Exponentiel"),
        Shape::Steps => tr(l, "Steps", "Par paliers"),
        Shape::Logistic => tr(l, "S-curve (logistic)", "Courbe en S (logistique)"),
    }
}

#[function_component(DonorEditor)]
pub fn donor_editor(p: &Props) -> Html {
    let Ctx { lang: l, dispatch } = use_ctx();
    let i = p.index;
    let Some(d) = p.plan.donors.get(i) else {
        return Html::default();
    };
    let at = format!("donors[{i}]");
    let path = |f: &str| AttrValue::from(format!("{at}.{f}"));
    let prob = |f: &str| problem(&p.problems, l, &format!("{at}.{f}"));
    let on_edit = dispatch.clone();

    let kind_pick = {
        let on_edit = on_edit.clone();
        Callback::from(move |v: String| {
            if let Some(kind) = DonorKind::from_name(&v) {
                on_edit.emit(Action::SetDonorKind { donor: i, kind });
            }
        })
    };
    let kinds = DonorKind::ALL
        .iter()
        .map(|k| {
            (
                AttrValue::from(k.as_str()),
                AttrValue::from(kind_label(*k, l)),
            )
        })
        .collect::<Vec<_>>();

    let body = match d.kind {
        DonorKind::Cofinancing => cofinancing_fields(p, d, &at, l, &dispatch),
        _ => flow_fields(p, d, &at, l, &dispatch),
    };
    html! {
        <div class="item donor" data-testid={format!("item-{at}")}>
            <ItemHeader list={List::Donors} index={i} count={p.plan.donors.len()}
                name={Some(AttrValue::from(d.name.clone()))} title={d.name.clone()}
                problem={prob("name")} />
            <SelectField path={path("kind")} label={tr(l, "Kind", "Type")} value={d.kind.as_str()}
                options={kinds} problem={prob("kind")} on_pick={kind_pick} />
            { body }
            <NumberField path={path("fulfilment_pct")} label={tr(l, "Share of pledges disbursed", "Part des engagements décaissée")}
                value={d.fulfilment_pct} min={0.0} max={100.0} step={1.0} kind={Kind::Pct}
                hint={tr(l, "The share of what is pledged that is actually paid out.", "La part des engagements réellement décaissée.")}
                problem={prob("fulfilment_pct")} />
            if d.kind == DonorKind::GapFilling {
                <p class="hint">{ tr(l,
                    "Pays only what the budget still lacks, up to its ceiling, before the reserve is drawn.",
                    "Ne paie que ce qui manque encore au budget, dans la limite de son plafond, avant de puiser dans la réserve.") }</p>
            }
        </div>
    }
}

fn cofinancing_fields(
    p: &Props,
    d: &Donor,
    at: &str,
    l: Lang,
    dispatch: &Callback<Action>,
) -> Html {
    let i = p.index;
    let path = |f: &str| AttrValue::from(format!("{at}.{f}"));
    let prob = |f: &str| problem(&p.problems, l, &format!("{at}.{f}"));
    let targets: Vec<(AttrValue, AttrValue)> = p
        .plan
        .programmes
        .iter()
        .map(|x| x.name.clone())
        .chain(p.plan.costs.iter().map(|x| x.name.clone()))
        .map(|n| (AttrValue::from(n.clone()), AttrValue::from(n)))
        .collect();
    let on_target = {
        let on_edit = dispatch.clone();
        Callback::from(move |v: String| {
            on_edit.emit(Action::Set {
                path: format!("donors[{i}].target"),
                value: Value::Text(v),
                edit: Edit::Commit,
            })
        })
    };
    html! {
        <>
            <SelectField path={path("target")} label={tr(l, "Co-finances", "Cofinance")}
                value={d.target.clone().unwrap_or_default()} options={targets}
                problem={prob("target")} on_pick={on_target} />
            <NumberField path={path("initial_country_share_pct")} label={tr(l, "Country share at first", "Part du pays au départ")}
                value={d.initial_country_share_pct.unwrap_or(0.0)} min={0.0} max={100.0} step={1.0} kind={Kind::Pct}
                problem={prob("initial_country_share_pct")} />
            <NumberField path={path("step_pp")} label={tr(l, "Country share rises by", "La part du pays augmente de")}
                value={d.step_pp.unwrap_or(0.0)} min={0.0} max={50.0} step={0.5} kind={Kind::Pct}
                unit={tr(l, "points/yr", "points/an")}
                problem={prob("step_pp")} />
            { year_field(path("start"), tr(l, "Rising from", "Hausse à partir de"), d.start.unwrap_or(0) as f64,
                (p.plan.meta.start_year, p.plan.meta.horizon_years), prob("start")) }
        </>
    }
}

fn flow_fields(p: &Props, d: &Donor, at: &str, l: Lang, dispatch: &Callback<Action>) -> Html {
    let i = p.index;
    let sy = p.plan.meta.start_year;
    let h = p.plan.meta.horizon_years;
    let path = |f: &str| AttrValue::from(format!("{at}.{f}"));
    let prob = |f: &str| problem(&p.problems, l, &format!("{at}.{f}"));
    let usd = d.currency == Some(Currency::Usd);
    let unit = if usd {
        AttrValue::from("USD")
    } else {
        AttrValue::from(p.plan.meta.currency.clone())
    };
    // Slider up to 20 % of GDP in the donor's currency; typing may go further.
    let gdp_in = p.plan.macro_path.gdp_base
        / if usd {
            p.plan.macro_path.fx_base.max(1e-9)
        } else {
            1.0
        };
    let base_max = nice_ceil(gdp_in * 0.2);
    let on_currency = {
        let on_edit = dispatch.clone();
        Callback::from(move |v: String| {
            on_edit.emit(Action::Set {
                path: format!("donors[{i}].currency"),
                value: Value::Text(v),
                edit: Edit::Commit,
            })
        })
    };
    let currencies = vec![
        (
            AttrValue::from(Currency::Lcu.as_str()),
            AttrValue::from(format!(
                "{} ({})",
                tr(l, "Local currency", "Monnaie locale"),
                p.plan.meta.currency
            )),
        ),
        (
            AttrValue::from(Currency::Usd.as_str()),
            AttrValue::from(Currency::Usd.as_str()),
        ),
    ];
    let taper = d.taper.clone().unwrap_or_default();
    let shape = taper.kind();
    let on_shape = {
        let on_edit = dispatch.clone();
        Callback::from(move |v: String| {
            if let Some(shape) = Shape::from_name(&v) {
                on_edit.emit(Action::SetTaperShape { donor: i, shape });
            }
        })
    };
    let shapes = Shape::ALL
        .iter()
        .map(|s| {
            (
                AttrValue::from(s.as_str()),
                AttrValue::from(shape_label(*s, l)),
            )
        })
        .collect::<Vec<_>>();
    let year = |f: &str, label: &'static str, v: u32| {
        year_field(path(f), label, v as f64, (sy, h), prob(f))
    };
    let params = match &taper {
        Taper::None { .. } => Html::default(),
        Taper::Linear { start, end } => html! { <>
            { year("taper.start", tr(l, "Taper starts after", "La baisse commence après"), *start) }
            { year("taper.end", tr(l, "Reaches zero in", "Atteint zéro en"), *end) }
        </> },
        Taper::Exponential {
            start, rate_pct, ..
        } => html! { <>
            { year("taper.start", tr(l, "Taper starts after", "La baisse commence après"), *start) }
            <NumberField path={path("taper.rate_pct")} label={tr(l, "Falls each year by", "Baisse chaque année de")}
                value={*rate_pct} min={0.0} max={100.0} step={1.0} kind={Kind::Pct}
                problem={prob("taper.rate_pct")} />
        </> },
        Taper::Logistic {
            midpoint,
            steepness,
            ..
        } => html! { <>
            <NumberField path={path("taper.midpoint")} label={tr(l, "Half-way point (plan year)", "Point médian (année du plan)")}
                value={*midpoint} min={0.0} max={h as f64} step={0.5} kind={Kind::Plain}
                problem={prob("taper.midpoint")} />
            <NumberField path={path("taper.steepness")} label={tr(l, "Steepness", "Pente")}
                value={*steepness} min={0.0} max={5.0} step={0.05} kind={Kind::Plain}
                problem={prob("taper.steepness")} />
        </> },
        Taper::Steps { points, .. } => steps_fields(p, points, at, l, dispatch),
    };
    let end = match &taper {
        Taper::Linear { .. } => None,
        Taper::None { end }
        | Taper::Exponential { end, .. }
        | Taper::Steps { end, .. }
        | Taper::Logistic { end, .. } => Some(*end),
    };
    // Taper presets one click away, applied to this donor.
    let taper_presets = crate::ui::presets::catalogue(l)
        .into_iter()
        .filter(|pr| pr.is_taper)
        .map(|pr| {
            let on_edit = dispatch.clone();
            let id = pr.id;
            let onclick = Callback::from(move |_| {
                on_edit.emit(Action::ApplyPreset {
                    id: id.to_string(),
                    donor: Some(i),
                })
            });
            html! {
                <button type="button" class="preset small" {onclick} title={pr.description}
                    data-testid={format!("preset-{id}-donors[{i}]")}>{ pr.title }</button>
            }
        });
    let on_end = {
        let on_edit = dispatch.clone();
        Callback::from(move |_| on_edit.emit(Action::Toggle(Optional::TaperEnd(i))))
    };
    html! {
        <>
            <SelectField path={path("currency")} label={tr(l, "Pledged in", "Engagé en")}
                value={d.currency.unwrap_or_default().as_str()} options={currencies}
                problem={prob("currency")} on_pick={on_currency} />
            <NumberField path={path("base")}
                label={if d.kind == DonorKind::GapFilling { tr(l, "Yearly ceiling", "Plafond annuel") } else { tr(l, "Yearly amount", "Montant annuel") }}
                value={d.base.unwrap_or(0.0)} min={0.0} max={base_max} kind={Kind::Amount} unit={unit}
                problem={prob("base")} />
            <div class="taper">
                <SelectField path={path("taper.shape")} label={tr(l, "Taper", "Profil de retrait")}
                    value={shape.as_str()} options={shapes} problem={prob("taper.shape")} on_pick={on_shape} />
                { sparkline(&taper_values(&taper, h), tr(l, "Share of the amount paid, year by year", "Part du montant versée, année par année"),
                    format!("taper-preview-{at}")) }
            </div>
            <div class="presets taper-presets">{ for taper_presets }</div>
            { params }
            if let Some(end) = end {
                { toggle_field(&path("taper.end"), tr(l, "Stops at once in a given year (cliff)", "S'arrête d'un coup une année donnée (falaise)"), end.is_some(), on_end) }
                if let Some(e) = end {
                    { year("taper.end", tr(l, "Stops in", "S'arrête en"), e) }
                }
            }
        </>
    }
}

fn steps_fields(
    p: &Props,
    points: &[(u32, f64)],
    at: &str,
    l: Lang,
    dispatch: &Callback<Action>,
) -> Html {
    let i = p.index;
    let rows = points.iter().enumerate().map(|(j, (t, pct))| {
        let tp = format!("{at}.taper.points[{j}]");
        let vp = format!("{at}.taper.points[{j}].pct");
        let remove = {
            let on_edit = dispatch.clone();
            Callback::from(move |_| on_edit.emit(Action::RemoveStepPoint { donor: i, point: j }))
        };
        html! {
            <div class="step-row" key={j}>
                { year_field(AttrValue::from(tp.clone()), tr(l, "From", "À partir de"), *t as f64,
                    (p.plan.meta.start_year, p.plan.meta.horizon_years), problem(&p.problems, l, &tp)) }
                <NumberField path={AttrValue::from(vp.clone())} label={tr(l, "Share paid", "Part versée")} value={*pct}
                    min={0.0} max={100.0} step={1.0} kind={Kind::Pct}
                    problem={problem(&p.problems, l, &vp)} />
                <button type="button" class="icon" onclick={remove} data-testid={format!("remove-{at}.taper.points[{j}]")}
                    aria-label={tr(l, "Remove this step", "Supprimer ce palier")}>{ "✕" }</button>
            </div>
        }
    });
    let add = {
        let on_edit = dispatch.clone();
        Callback::from(move |_| on_edit.emit(Action::AddStepPoint { donor: i }))
    };
    html! {
        <div class="steps">
            { for rows }
            if let Some(msg) = problem(&p.problems, l, &format!("{at}.taper.points")) {
                <p class="error" data-testid={format!("error-{at}.taper.points")} role="alert">{ msg }</p>
            }
            <button type="button" class="add" onclick={add} data-testid={format!("add-step-{at}")}>
                { tr(l, "+ Add a step", "+ Ajouter un palier") }
            </button>
        </div>
    }
}
