//! The model's donor presets as the editor offers them: in both languages,
//! and applied to a plan so that it stays valid (unique names, a
//! co-financing target filled in). The presets themselves, their numbers
//! and sources, are the model's (`model::presets()`).

use crate::model::{presets, Donor, DonorKind, Plan, PresetItem};
use crate::ui::edit::EditError;
use crate::ui::i18n::{tr, Lang};

/// One preset as the UI shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub id: &'static str,
    pub title: String,
    pub description: String,
    pub source: &'static str,
    /// A taper preset reshapes a donor; a donor preset adds one.
    pub is_taper: bool,
}

/// Titles in both languages and French descriptions, by id (in English
/// the description is the model's own).
fn texts(id: &str, l: Lang) -> Option<(&'static str, &'static str)> {
    Some(match id {
        "gavi-5" => (
            tr(l, "Gavi-style co-financing, 5 years", "Cofinancement type Gavi, 5 ans"),
            "La part du pays dans le poste passe de 20 % à 100 % en 5 ans.",
        ),
        "gavi-8" => (
            tr(l, "Gavi-style co-financing, 8 years", "Cofinancement type Gavi, 8 ans"),
            "La part du pays dans le poste passe de 20 % à 100 % en 8 ans.",
        ),
        "global-fund" => (
            tr(l, "Global-Fund-style co-financing", "Cofinancement type Fonds mondial"),
            "Le pays paie 30 % du poste et 10 points de plus chaque année dès l'année 1.",
        ),
        "halve" => (
            tr(l, "Halve over 4 years", "Réduire de moitié en 4 ans"),
            "Le financement baisse par paliers égaux jusqu'à la moitié, puis se maintient.",
        ),
        "sunset-facility" => (
            tr(l, "Exponential sunset facility", "Facilité de sortie dégressive"),
            "Comble le déficit dans la limite d'un plafond qui baisse de 25 % par an dès l'année 2, fermé à partir de l'année 10.",
        ),
        "cliff" => (
            tr(l, "Cliff", "Arrêt brutal"),
            "Financement complet jusqu'à l'année 5, plus rien ensuite : le risque qu'un retrait progressif doit éviter.",
        ),
        _ => return None,
    })
}

/// Every preset, with its texts in `lang`. English uses the model's own
/// description; a preset without a translation here keeps the model's
/// words in French too.
pub fn catalogue(lang: Lang) -> Vec<Shown> {
    presets()
        .into_iter()
        .map(|p| {
            let (title, description) = match texts(p.id, lang) {
                Some((t, fr)) if lang == Lang::Fr => (t.to_string(), fr.to_string()),
                Some((t, _)) => (t.to_string(), p.description.clone()),
                None => (p.title.to_string(), p.description.clone()),
            };
            Shown {
                id: p.id,
                title,
                description,
                source: p.source,
                is_taper: matches!(p.item, PresetItem::Taper(_)),
            }
        })
        .collect()
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
    let preset = presets()
        .into_iter()
        .find(|p| p.id == id)
        .ok_or(EditError("unknown preset"))?;
    let title = texts(id, lang).map_or(preset.title, |t| t.0);
    match (preset.item, donor) {
        (PresetItem::Taper(t), Some(i)) => {
            let d = plan.donors.get_mut(i).ok_or(EditError("no such donor"))?;
            if d.kind == DonorKind::Cofinancing {
                return Err(EditError("co-financing has no taper"));
            }
            d.taper = Some(t);
        }
        (PresetItem::Taper(t), None) => {
            // A round 0.5 % of GDP: a typical budget-support envelope.
            let gdp = plan.macro_path.gdp_base;
            let base = if gdp.is_finite() && gdp > 0.0 {
                let x = gdp * 0.005;
                let p = 10f64.powi(x.log10().floor() as i32);
                (x / p).round() * p
            } else {
                0.0
            };
            plan.donors.push(Donor {
                name: unique_donor_name(plan, title),
                kind: DonorKind::BudgetSupport,
                currency: None,
                fulfilment_pct: 100.0,
                base: Some(base),
                taper: Some(t),
                target: None,
                initial_country_share_pct: None,
                step_pp: None,
                start: None,
                ..Default::default()
            });
        }
        (PresetItem::Donor(mut d), _) => {
            d.name = unique_donor_name(plan, title);
            if d.target.as_deref().is_some_and(str::is_empty) {
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
