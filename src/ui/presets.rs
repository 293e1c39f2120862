//! Donor presets offered one click away in the donor editor, and the plan
//! the app opens on.
//!
//! TEMPORARY: the model branch provides `model::presets()` and
//! `model::default_plan()`; until they land on main this module stands in
//! for them (the default plan is MODEL.md's example). When they land, this
//! module becomes a thin adapter over them and the rest of the UI is
//! unchanged.

use crate::model::{Currency, Donor, DonorKind, Plan, Taper};
use crate::ui::i18n::{tr, Lang};

/// One preset as the UI shows it.
pub struct Preset {
    pub id: &'static str,
    pub label: (&'static str, &'static str),
    pub description: (&'static str, &'static str),
    pub source: &'static str,
}

pub const PRESETS: [Preset; 5] = [
    Preset {
        id: "gavi",
        label: ("Gavi-style co-financing", "Cofinancement type Gavi"),
        description: (
            "The country pays a rising share of a programme: 10 % at first, 15 points more each year.",
            "Le pays paie une part croissante d'un programme : 10 % au départ, 15 points de plus par an.",
        ),
        source: "Gavi co-financing policy (transition phase)",
    },
    Preset {
        id: "global_fund",
        label: ("Global-Fund-style co-financing", "Cofinancement type Fonds mondial"),
        description: (
            "A larger initial country share (30 %) rising 10 points a year.",
            "Une part initiale du pays plus élevée (30 %) qui augmente de 10 points par an.",
        ),
        source: "Global Fund sustainability, transition and co-financing policy",
    },
    Preset {
        id: "halve",
        label: ("Halve over 5 years", "Diminuer de moitié en 5 ans"),
        description: (
            "Budget support falls by 10 % of its base each year until it is half.",
            "L'appui budgétaire baisse de 10 % de sa base par an jusqu'à la moitié.",
        ),
        source: "",
    },
    Preset {
        id: "sunset_facility",
        label: ("Exponential sunset facility", "Facilité de sortie dégressive"),
        description: (
            "Tops up the budget gap; its ceiling falls 25 % a year from year 4 and closes at year 12.",
            "Comble le déficit ; son plafond baisse de 25 % par an dès l'année 4 et ferme à l'année 12.",
        ),
        source: "",
    },
    Preset {
        id: "cliff",
        label: ("Cliff", "Arrêt brutal"),
        description: (
            "Full budget support that stops at once at year 5.",
            "Appui budgétaire complet qui s'arrête d'un coup à l'année 5.",
        ),
        source: "",
    },
];

fn blank(name: String, kind: DonorKind) -> Donor {
    Donor {
        name,
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

/// A donor built from preset `id`, scaled to `plan` and named uniquely.
pub fn preset_donor(id: &str, plan: &Plan, lang: Lang) -> Option<Donor> {
    let p = PRESETS.iter().find(|p| p.id == id)?;
    let mut name = tr(lang, p.label.0, p.label.1).to_string();
    let mut n = 2;
    while plan.donors.iter().any(|d| d.name == name) {
        name = format!("{} {n}", tr(lang, p.label.0, p.label.1));
        n += 1;
    }
    // A round 0.5 % of GDP, in USD at the base rate: a typical budget-support envelope.
    let usd_base = {
        let x = plan.macro_path.gdp_base * 0.005 / plan.macro_path.fx_base.max(1e-9);
        if x.is_finite() && x > 0.0 {
            let p = 10f64.powi(x.log10().floor() as i32);
            (x / p).round() * p
        } else {
            1.0e6
        }
    };
    let target = plan
        .programmes
        .first()
        .map(|p| p.name.clone())
        .or_else(|| plan.costs.first().map(|c| c.name.clone()))
        .unwrap_or_default();
    let d = match id {
        "gavi" | "global_fund" => {
            let (share, step) = if id == "gavi" { (10.0, 15.0) } else { (30.0, 10.0) };
            Donor {
                target: Some(target),
                initial_country_share_pct: Some(share),
                step_pp: Some(step),
                start: Some(1),
                ..blank(name, DonorKind::Cofinancing)
            }
        }
        "halve" => Donor {
            currency: Some(Currency::Usd),
            base: Some(usd_base),
            taper: Some(Taper::Steps {
                points: (1..=5).map(|t| (t, 100.0 - 10.0 * t as f64)).collect(),
                end: None,
            }),
            ..blank(name, DonorKind::BudgetSupport)
        },
        "sunset_facility" => Donor {
            currency: Some(Currency::Usd),
            base: Some(usd_base),
            taper: Some(Taper::Exponential { start: 4, rate_pct: 25.0, end: Some(12) }),
            ..blank(name, DonorKind::GapFilling)
        },
        "cliff" => Donor {
            currency: Some(Currency::Usd),
            base: Some(usd_base),
            taper: Some(Taper::None { end: Some(5) }),
            ..blank(name, DonorKind::BudgetSupport)
        },
        _ => return None,
    };
    Some(d)
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
