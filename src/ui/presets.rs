//! Donor presets offered one click away in the donor editor, and the plan
//! the app opens on.
//!
//! TEMPORARY: the model branch provides `model::presets()` and
//! `model::default_plan()`; until they land on main this module stands in
//! for them (the default plan is MODEL.md's example). When they land, this
//! module becomes a thin adapter over them and the rest of the UI is
//! unchanged.

use crate::model::{Currency, Donor, DonorKind, Plan, Taper};
use crate::ui::edit::EditError;
use crate::ui::i18n::{tr, Lang};

/// What a preset puts into a plan: a whole donor, or a taper for a donor.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Donor(Donor),
    Taper(Taper),
}

/// One preset as the UI shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub id: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub source: &'static str,
    /// A taper preset reshapes a donor; a donor preset adds one.
    pub is_taper: bool,
}

/// The presets, by the model's ids (TEMPORARY stand-in for
/// `model::presets()`, same ids and numbers).
fn items() -> Vec<(&'static str, &'static str, Item)> {
    let cofinancing = |initial: f64, step: f64, start: u32| Donor {
        target: Some(String::new()),
        initial_country_share_pct: Some(initial),
        step_pp: Some(step),
        start: Some(start),
        ..blank(DonorKind::Cofinancing)
    };
    let halve = (1..=4u32).map(|k| (1 + k, 100.0 - 12.5 * f64::from(k))).collect();
    vec![
        ("gavi-5", "Gavi co-financing policy (accelerated transition phase)", Item::Donor(cofinancing(20.0, 16.0, 0))),
        ("gavi-8", "Gavi co-financing policy (accelerated transition phase)", Item::Donor(cofinancing(20.0, 10.0, 0))),
        ("global-fund", "Global Fund Sustainability, Transition and Co-financing Policy", Item::Donor(cofinancing(30.0, 10.0, 1))),
        ("halve", "Common donor practice for phased budget-support exits", Item::Taper(Taper::Steps { points: halve, end: None })),
        (
            "sunset-facility",
            "Transition facilities of multilateral donors (e.g. World Bank IDA transition support)",
            Item::Donor(Donor {
                currency: Some(Currency::Usd),
                base: Some(5.0e7),
                taper: Some(Taper::Exponential { start: 2, rate_pct: 25.0, end: Some(10) }),
                ..blank(DonorKind::GapFilling)
            }),
        ),
        ("cliff", "Abrupt donor exits (e.g. mission drawdowns)", Item::Taper(Taper::None { end: Some(5) })),
    ]
}

/// Titles and descriptions in both languages, by id.
fn texts(id: &str, l: Lang) -> (&'static str, &'static str) {
    match id {
        "gavi-5" => (
            tr(l, "Gavi-style co-financing, 5 years", "Cofinancement type Gavi, 5 ans"),
            tr(l, "The country's share of the item rises from 20 % to 100 % over 5 years.",
                "La part du pays dans le poste passe de 20 % à 100 % en 5 ans."),
        ),
        "gavi-8" => (
            tr(l, "Gavi-style co-financing, 8 years", "Cofinancement type Gavi, 8 ans"),
            tr(l, "The country's share of the item rises from 20 % to 100 % over 8 years.",
                "La part du pays dans le poste passe de 20 % à 100 % en 8 ans."),
        ),
        "global-fund" => (
            tr(l, "Global-Fund-style co-financing", "Cofinancement type Fonds mondial"),
            tr(l, "The country pays 30 % of the item and 10 points more each year from year 1.",
                "Le pays paie 30 % du poste et 10 points de plus chaque année dès l'année 1."),
        ),
        "halve" => (
            tr(l, "Halve over 4 years", "Réduire de moitié en 4 ans"),
            tr(l, "Funding falls in equal steps to half its level, then holds.",
                "Le financement baisse par paliers égaux jusqu'à la moitié, puis se maintient."),
        ),
        "sunset-facility" => (
            tr(l, "Exponential sunset facility", "Facilité de sortie dégressive"),
            tr(l, "Tops up the budget up to a cap shrinking 25 % a year from year 2, closed from year 10.",
                "Comble le déficit dans la limite d'un plafond qui baisse de 25 % par an dès l'année 2, fermé à partir de l'année 10."),
        ),
        "cliff" => (
            tr(l, "Cliff", "Arrêt brutal"),
            tr(l, "Full funding until year 5, none from then on: the risk a taper is meant to avoid.",
                "Financement complet jusqu'à l'année 5, plus rien ensuite : le risque qu'un retrait progressif doit éviter."),
        ),
        _ => (tr(l, "Preset", "Modèle"), ""),
    }
}

/// Every preset, with its texts in `lang`.
pub fn catalogue(lang: Lang) -> Vec<Shown> {
    items()
        .into_iter()
        .map(|(id, source, item)| {
            let (title, description) = texts(id, lang);
            Shown { id, title, description, source, is_taper: matches!(item, Item::Taper(_)) }
        })
        .collect()
}

fn blank(kind: DonorKind) -> Donor {
    Donor {
        name: String::new(),
        kind,
        currency: None,
        fulfilment_pct: 100.0,
        base: None,
        taper: None,
        target: None,
        initial_country_share_pct: None,
        step_pp: None,
        start: None,
    }
}

fn unique_donor_name(plan: &Plan, base: &str) -> String {
    let mut name = base.to_string();
    let mut n = 2;
    while plan.donors.iter().any(|d| d.name == name) {
        name = format!("{base} {n}");
        n += 1;
    }
    name
}

/// Applies preset `id`: a taper preset reshapes donor `donor` (or adds a
/// budget-support donor with it); a donor preset adds a donor. New donors
/// are named after the preset, and a co-financing donor points at the
/// plan's first programme (or cost line) so the plan stays valid.
pub fn apply(plan: &mut Plan, id: &str, donor: Option<usize>, lang: Lang) -> Result<(), EditError> {
    let (_, _, item) = items().into_iter().find(|(i, _, _)| *i == id).ok_or(EditError("unknown preset"))?;
    let title = texts(id, lang).0;
    match (item, donor) {
        (Item::Taper(t), Some(i)) => {
            let d = plan.donors.get_mut(i).ok_or(EditError("no such donor"))?;
            if d.kind == DonorKind::Cofinancing {
                return Err(EditError("co-financing has no taper"));
            }
            d.taper = Some(t);
        }
        (Item::Taper(t), None) => {
            let gdp = plan.macro_path.gdp_base;
            let base = if gdp.is_finite() && gdp > 0.0 {
                let x = gdp * 0.005;
                let p = 10f64.powi(x.log10().floor() as i32);
                (x / p).round() * p
            } else {
                0.0
            };
            let d = Donor {
                name: unique_donor_name(plan, title),
                base: Some(base),
                taper: Some(t),
                ..blank(DonorKind::BudgetSupport)
            };
            plan.donors.push(d);
        }
        (Item::Donor(mut d), _) => {
            d.name = unique_donor_name(plan, title);
            if d.target.as_deref() == Some("") {
                d.target = plan
                    .programmes
                    .first()
                    .map(|p| p.name.clone())
                    .or_else(|| plan.costs.first().map(|c| c.name.clone()));
            }
            plan.donors.push(d);
        }
    }
    Ok(())
}

/// MODEL.md's example plan (TEMPORARY default, see the module note).
const EXAMPLE: &str = r#"{
  "format": "sunset-plan", "version": 1,
  "meta": {"name": "Example", "country": "Example", "currency": "XLC",
           "start_year": 2026, "horizon_years": 15, "discount_rate_pct": 5},
  "macro": {"gdp_base": 6.0e11, "real_growth_pct": 4.5, "inflation_pct": 7,
            "population_base": 5.3e6, "population_growth_pct": 2.4,
            "fx_base": 150, "foreign_inflation_pct": 2, "real_depreciation_pct": 1,
            "overrides": {"real_growth_pct": {"3": -2.0}}},
  "revenues": [
    {"name": "Taxes on goods and services", "base": 3.5e10, "buoyancy": 1.1,
     "reform": {"start": 1, "years": 8, "gain_pct_gdp_per_year": 0.5}},
    {"name": "Income taxes", "base": 2.0e10, "buoyancy": 1.2},
    {"name": "Trade taxes", "base": 1.5e10, "buoyancy": 0.9},
    {"name": "Non-tax revenue", "base": 5.0e9, "buoyancy": 1.0}],
  "costs": [
    {"name": "Police and border", "base": 3.0e10, "real_growth_pct": 1,
     "handover": {"from_pct": 40, "to_pct": 100, "start": 0, "years": 6}},
    {"name": "Justice and civil registry", "base": 1.0e10,
     "handover": {"from_pct": 60, "to_pct": 100, "start": 1, "years": 4}},
    {"name": "Health", "base": 2.5e10, "real_growth_pct": 2},
    {"name": "Education", "base": 3.0e10, "real_growth_pct": 2},
    {"name": "Administration", "base": 3.5e10}],
  "programmes": [
    {"name": "Child grant", "eligible_share_pct": 16, "benefit_base": 17000,
     "admin_pct": 8, "coverage": {"from_pct": 10, "to_pct": 60, "start": 0, "years": 8}},
    {"name": "Social pension", "eligible_share_pct": 3, "benefit_base": 34000,
     "admin_pct": 5, "coverage": {"from_pct": 20, "to_pct": 100, "start": 1, "years": 10}}],
  "donors": [
    {"name": "Budget support", "kind": "budget_support", "currency": "USD", "base": 4.0e8,
     "fulfilment_pct": 90, "taper": {"shape": "linear", "start": 2, "end": 10}},
    {"name": "Child grant co-financing", "kind": "cofinancing", "target": "Child grant",
     "initial_country_share_pct": 10, "step_pp": 15, "start": 1},
    {"name": "Sunset facility", "kind": "gap_filling", "currency": "USD", "base": 1.0e8,
     "taper": {"shape": "exponential", "start": 4, "rate_pct": 25, "end": 12}}],
  "shocks": [{"at": 4, "years": 1, "revenue_pct": -15, "cost_pct": 5}],
  "reserve": {"opening": 0, "target_months": 3, "interest_pct": 2},
  "criteria": [{"name": "self-sufficient 3 years", "metric": "self_sufficiency_pct",
                "op": ">=", "value": 100, "consecutive_years": 3}],
  "reengagement": {"trigger_pct": 90, "reserve_floor_months": 1}
}"#;

/// The plan the app opens on (TEMPORARY: MODEL.md's example).
pub fn default_plan() -> Plan {
    serde_json::from_str(EXAMPLE).unwrap_or_else(|_| minimal_plan())
}

/// A tiny valid plan, should the example ever fail to parse.
fn minimal_plan() -> Plan {
    use crate::model::{Macro, Meta, Overrides, Reserve};
    Plan {
        format: crate::model::FORMAT.into(),
        version: crate::model::VERSION,
        meta: Meta {
            name: String::new(),
            country: String::new(),
            currency: "LCU".into(),
            start_year: 2026,
            horizon_years: 15,
            discount_rate_pct: 0.0,
            exit_threshold_pct: 1.0,
        },
        macro_path: Macro {
            gdp_base: 1.0e11,
            real_growth_pct: 3.0,
            inflation_pct: 5.0,
            population_base: 1.0e6,
            population_growth_pct: 2.0,
            fx_base: 1.0,
            foreign_inflation_pct: 0.0,
            real_depreciation_pct: 0.0,
            overrides: Overrides::default(),
        },
        revenues: vec![],
        costs: vec![],
        programmes: vec![],
        donors: vec![],
        shocks: vec![],
        reserve: Reserve::default(),
        criteria: vec![],
        reengagement: None,
    }
}
