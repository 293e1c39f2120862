//! One donor: its kind, the fields that kind uses, and for budget support
//! and gap-filling facilities the taper m(t) with a small preview.

use super::sources::note_field;
use std::rc::Rc;

use yew::prelude::*;

use super::item_header::ItemHeader;
use super::number_field::{Kind, NumberField};
use super::select_field::SelectField;
use super::shared::nice_ceil;
use super::sparkline::{sparkline, taper_values};
use super::toggle_field::toggle_field;
use super::year_field::year_field;
use crate::model::{root, At, Currency, Donor, DonorAt, DonorKind, Field, Plan, Taper, TaperAt};
use crate::ui::context::{use_ctx, use_problem, Ctx};
use crate::ui::edit::{List, Optional, Shape};
use crate::ui::i18n::{tr, Lang};
use crate::ui::state::Action;

#[derive(Properties, Clone)]
pub struct Props {
    pub plan: Rc<Plan>,
    pub index: usize,
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
    let at = root().donors().at(i);
    // A step list's own problem (too few points, not ascending) has no control.
    let steps_problem = use_problem(at.taper().steps().points().field());
    let Some(d) = p.plan.donors.get(i) else {
        return Html::default();
    };
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
        DonorKind::Cofinancing => cofinancing_fields(p, d, &at, l),
        _ => flow_fields(p, d, &at, l, &dispatch, steps_problem),
    };
    html! {
        <div class="item donor" data-testid={format!("item-{at}")}>
            <ItemHeader list={List::Donors} index={i} count={p.plan.donors.len()}
                name={Some(AttrValue::from(d.name.clone()))} title={d.name.clone()} />
            { note_field(at.note(), &d.note, l) }
            <SelectField field={at.kind()} label={tr(l, "Kind", "Type")} value={d.kind.as_str()}
                options={kinds} on_pick={Some(kind_pick)} />
            { body }
            <NumberField field={at.fulfilment_pct()} label={tr(l, "Share of pledges disbursed", "Part des engagements décaissée")}
                value={d.fulfilment_pct} min={0.0} max={100.0} step={1.0} kind={Kind::Pct}
                hint={tr(l, "The share of what is pledged that is actually paid out.", "La part des engagements réellement décaissée.")} />
            if d.kind == DonorKind::GapFilling {
                <p class="hint">{ tr(l,
                    "Pays only what the budget still lacks, up to its ceiling, before the reserve is drawn.",
                    "Ne paie que ce qui manque encore au budget, dans la limite de son plafond, avant de puiser dans la réserve.") }</p>
            }
        </div>
    }
}

fn cofinancing_fields(p: &Props, d: &Donor, at: &DonorAt, l: Lang) -> Html {
    let targets: Vec<(AttrValue, AttrValue)> = p
        .plan
        .programmes
        .iter()
        .map(|x| x.name.clone())
        .chain(p.plan.costs.iter().map(|x| x.name.clone()))
        .map(|n| (AttrValue::from(n.clone()), AttrValue::from(n)))
        .collect();
    html! {
        <>
            <SelectField field={at.target()} label={tr(l, "Co-finances", "Cofinance")}
                value={d.target.clone().unwrap_or_default()} options={targets} />
            <NumberField field={at.initial_country_share_pct()} label={tr(l, "Country share at first", "Part du pays au départ")}
                value={d.initial_country_share_pct.unwrap_or(0.0)} min={0.0} max={100.0} step={1.0} kind={Kind::Pct} />
            <NumberField field={at.step_pp()} label={tr(l, "Country share rises by", "La part du pays augmente de")}
                value={d.step_pp.unwrap_or(0.0)} min={0.0} max={50.0} step={0.5} kind={Kind::Pct}
                unit={tr(l, "points/yr", "points/an")} />
            { year_field(at.start(), tr(l, "Rising from", "Hausse à partir de"), d.start.unwrap_or(0) as f64,
                (p.plan.meta.start_year, p.plan.meta.horizon_years)) }
        </>
    }
}

fn flow_fields(
    p: &Props,
    d: &Donor,
    at: &DonorAt,
    l: Lang,
    dispatch: &Callback<Action>,
    steps_problem: Option<AttrValue>,
) -> Html {
    let i = p.index;
    let sy = p.plan.meta.start_year;
    let h = p.plan.meta.horizon_years;
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
    let year = |f: Field, label: &'static str, v: u32| year_field(f, label, v as f64, (sy, h));
    // The start and the cliff `end` are where every shape that has them
    // keeps them (`taper.start`, `taper.end`).
    let taper_at = at.taper();
    let (start_at, end_at) = (taper_at.linear().start(), taper_at.linear().end());
    let params = match &taper {
        Taper::None { .. } => Html::default(),
        Taper::Linear { start, end } => html! { <>
            { year(start_at.clone(), tr(l, "Taper starts after", "La baisse commence après"), *start) }
            { year(end_at.clone(), tr(l, "Reaches zero in", "Atteint zéro en"), *end) }
        </> },
        Taper::Exponential {
            start, rate_pct, ..
        } => html! { <>
            { year(start_at.clone(), tr(l, "Taper starts after", "La baisse commence après"), *start) }
            <NumberField field={taper_at.exponential().rate_pct()} label={tr(l, "Falls each year by", "Baisse chaque année de")}
                value={*rate_pct} min={0.0} max={100.0} step={1.0} kind={Kind::Pct} />
        </> },
        Taper::Logistic {
            midpoint,
            steepness,
            ..
        } => html! { <>
            <NumberField field={taper_at.logistic().midpoint()} label={tr(l, "Half-way point (year)", "Point médian (année)")}
                value={*midpoint} min={0.0} max={f64::from(h.max(1) - 1)} step={0.5} kind={Kind::Plain}
                start_year={Some(sy)} horizon={h} />
            <NumberField field={taper_at.logistic().steepness()} label={tr(l, "Steepness", "Pente")}
                value={*steepness} min={0.0} max={5.0} step={0.05} kind={Kind::Plain} />
        </> },
        Taper::Steps { points, .. } => {
            steps_fields(p, points, &taper_at, l, dispatch, steps_problem)
        }
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
            <SelectField field={at.currency()} label={tr(l, "Pledged in", "Engagé en")}
                value={d.currency.unwrap_or_default().as_str()} options={currencies} />
            <NumberField field={at.base()}
                label={if d.kind == DonorKind::GapFilling { tr(l, "Yearly ceiling", "Plafond annuel") } else { tr(l, "Yearly amount", "Montant annuel") }}
                value={d.base.unwrap_or(0.0)} min={0.0} max={base_max} kind={Kind::Amount} unit={unit} />
            <div class="taper">
                <SelectField field={taper_at.tag()} label={tr(l, "Taper", "Profil de retrait")}
                    value={shape.as_str()} options={shapes} on_pick={Some(on_shape)} />
                { sparkline(&taper_values(&taper, h), tr(l, "Share of the amount paid, year by year", "Part du montant versée, année par année"),
                    format!("taper-preview-{at}")) }
            </div>
            <div class="presets taper-presets">{ for taper_presets }</div>
            { params }
            if let Some(end) = end {
                { toggle_field(&end_at, tr(l, "Stops at once in a given year (cliff)", "S'arrête d'un coup une année donnée (falaise)"), end.is_some(), on_end) }
                if let Some(e) = end {
                    { year(end_at.clone(), tr(l, "Stops in", "S'arrête en"), e) }
                }
            }
        </>
    }
}

fn steps_fields(
    p: &Props,
    points: &[(u32, f64)],
    taper: &TaperAt,
    l: Lang,
    dispatch: &Callback<Action>,
    steps_problem: Option<AttrValue>,
) -> Html {
    let i = p.index;
    let list = taper.steps().points();
    let rows = points.iter().enumerate().map(|(j, (t, pct))| {
        let point = list.at(j);
        let (tp, vp) = (point.year(), point.pct());
        let remove = {
            let on_edit = dispatch.clone();
            Callback::from(move |_| on_edit.emit(Action::RemoveStepPoint { donor: i, point: j }))
        };
        html! {
            <div class="step-row" key={j}>
                { year_field(tp.clone(), tr(l, "From", "À partir de"), *t as f64,
                    (p.plan.meta.start_year, p.plan.meta.horizon_years)) }
                <NumberField field={vp.clone()} label={tr(l, "Share paid", "Part versée")} value={*pct}
                    min={0.0} max={100.0} step={1.0} kind={Kind::Pct} />
                <button type="button" class="icon" onclick={remove} data-testid={format!("remove-{tp}")}
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
            if let Some(msg) = steps_problem {
                <p class="error" data-testid={format!("error-{list}")} role="alert">{ msg }</p>
            }
            <button type="button" class="add" onclick={add} data-testid={format!("add-step-{}", root().donors().at(i))}>
                { tr(l, "+ Add a step", "+ Ajouter un palier") }
            </button>
        </div>
    }
}
