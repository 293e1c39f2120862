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
                base: Some(base),
                taper: Some(t),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_is_offered_in_english_and_in_french() {
        let model = presets();
        let (en, fr) = (catalogue(Lang::En), catalogue(Lang::Fr));
        assert_eq!((en.len(), fr.len()), (model.len(), model.len()));
        for ((p, e), f) in model.iter().zip(&en).zip(&fr) {
            assert_eq!((e.id, f.id), (p.id, p.id));
            // English is the model's own description; French has its own.
            assert_eq!(e.description, p.description);
            assert!(!e.title.is_empty() && !f.title.is_empty(), "{}", p.id);
            assert_ne!(f.title, e.title, "{}", p.id);
            assert_ne!(f.description, e.description, "{}", p.id);
        }
        let cliff = fr
            .iter()
            .find(|s| s.id == "cliff")
            .map(|s| s.title.as_str());
        assert_eq!(cliff, Some("Arrêt brutal"));
    }

    #[test]
    fn a_taper_preset_alone_adds_budget_support_of_a_round_half_percent_of_gdp() {
        let mut plan = crate::model::default_plan();
        let n = plan.donors.len();
        // 0.5 % of 850 bn is 4.25 bn, rounded to one figure.
        assert_eq!(plan.macro_path.gdp_base, 8.5e11);
        for _ in 0..3 {
            apply(&mut plan, "halve", None, Lang::En).expect("applied");
        }
        let halve = presets().into_iter().find(|p| p.id == "halve");
        let Some(PresetItem::Taper(taper)) = halve.map(|p| p.item) else {
            panic!("halve is a taper preset");
        };
        for d in &plan.donors[n..] {
            let whole = (d.kind, d.fulfilment_pct, d.currency.is_none());
            assert_eq!(whole, (DonorKind::BudgetSupport, 100.0, true));
            assert_eq!(d.taper.as_ref(), Some(&taper));
        }
        let added: Vec<(&str, Option<f64>)> = plan.donors[n..]
            .iter()
            .map(|d| (d.name.as_str(), d.base))
            .collect();
        let title = "Halve over 4 years";
        assert_eq!(
            added,
            [
                (title, Some(4e9)),
                (&*format!("{title} 2"), Some(4e9)),
                (&*format!("{title} 3"), Some(4e9)),
            ]
        );
        // No GDP to take a share of: no envelope.
        for gdp in [0.0, f64::INFINITY] {
            plan.macro_path.gdp_base = gdp;
            apply(&mut plan, "halve", None, Lang::En).expect("applied");
            assert_eq!(plan.donors.last().and_then(|d| d.base), Some(0.0), "{gdp}");
        }
    }
}
