//! What the interface calls things that the model names by key or path:
//! where a problem is, by item name (`donors[1].taper.end` → "Child grant
//! co-financing › taper.end"), and the metrics an exit criterion can test.
//! Pure, so the host tests them; not for messages (the model writes those).

use crate::model::{Field, Plan, Seg};
use crate::ui::i18n::{tr, Lang};

/// Where a problem is, for people: `donors[1].taper.end` → "Child grant
/// co-financing › taper.end".
pub fn place(plan: &Plan, path: &Field, l: Lang) -> String {
    let (list, i) = match path.segs() {
        [] => return tr(l, "plan", "plan").to_string(),
        [Seg::Key(list), Seg::Index(i), ..] => (*list, *i),
        _ => return path.to_string(),
    };
    let name = match list {
        "revenues" => plan.revenues.get(i).map(|x| x.name.clone()),
        "costs" => plan.costs.get(i).map(|x| x.name.clone()),
        "programmes" => plan.programmes.get(i).map(|x| x.name.clone()),
        "donors" => plan.donors.get(i).map(|x| x.name.clone()),
        "criteria" => plan.criteria.get(i).and_then(|x| x.name.clone()),
        "scenarios" => plan.scenarios.get(i).map(|x| x.name.clone()),
        _ => None,
    }
    .filter(|n| !n.trim().is_empty())
    .unwrap_or_else(|| format!("{list}[{i}]"));
    let rest = path.skip(2);
    if rest.is_root() {
        name
    } else {
        format!("{name} › {rest}")
    }
}

/// Every per-year result a criterion can test (the model's `METRICS`),
/// with its label; the ones a criterion is most often about come first.
pub fn metrics(l: Lang) -> Vec<(&'static str, &'static str)> {
    let mut known = vec![
        (
            "self_sufficiency_pct",
            tr(l, "Self-sufficiency (%)", "Autosuffisance (%)"),
        ),
        (
            "donor_share_pct",
            tr(
                l,
                "Donor share of funding (%)",
                "Part des bailleurs dans le financement (%)",
            ),
        ),
        (
            "revenue_pct_gdp",
            tr(l, "Revenue (% of GDP)", "Recettes (% du PIB)"),
        ),
        (
            "social_protection_pct_gdp",
            tr(
                l,
                "Social protection (% of GDP)",
                "Protection sociale (% du PIB)",
            ),
        ),
        (
            "donor_drop_pct",
            tr(
                l,
                "Drop in donor funding (% of need)",
                "Baisse du financement des bailleurs (% du besoin)",
            ),
        ),
        ("unfunded_gap", tr(l, "Unfunded gap", "Déficit non financé")),
        ("balance", tr(l, "Balance", "Solde")),
        ("reserve", tr(l, "Reserve", "Réserve")),
        ("fiscal_space", tr(l, "Fiscal space", "Marge budgétaire")),
        ("local_revenue", tr(l, "Local revenue", "Recettes locales")),
        ("need", tr(l, "Spending need", "Besoin de dépenses")),
        (
            "donor_funding",
            tr(l, "Donor funding", "Financement des bailleurs"),
        ),
        (
            "programmed_donor_funding",
            tr(
                l,
                "Programmed donor funding",
                "Financement programmé des bailleurs",
            ),
        ),
        (
            "deposit",
            tr(l, "Deposit to the reserve", "Versement à la réserve"),
        ),
        (
            "draw",
            tr(l, "Draw on the reserve", "Prélèvement sur la réserve"),
        ),
        ("gdp", tr(l, "GDP", "PIB")),
        ("price_index", tr(l, "Price index", "Indice des prix")),
        ("population", tr(l, "Population", "Population")),
        ("fx", tr(l, "Exchange rate", "Taux de change")),
    ];
    // A figure the model adds later is still offered, by its name.
    for m in crate::model::METRICS {
        if !known.iter().any(|(k, _)| k == m) {
            known.push((m, m));
        }
    }
    known.retain(|(k, _)| crate::model::METRICS.contains(k));
    known
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(path: &str) -> Field {
        Field::parse(
            path,
            <Plan as crate::model::Node>::shape(),
            crate::model::VERSION,
        )
        .expect("a field of the plan")
    }

    #[test]
    fn problems_are_placed_by_item_name() {
        let plan = crate::model::parse_plan(include_str!("../../plans/example.json"))
            .expect("the example plan parses");
        let mut plan = plan;
        plan.scenarios = vec![crate::model::scenario::scenario_from_edits(
            &plan, &plan, "Boom",
        )];
        for (path, shown) in [
            (
                "donors[1].taper.end",
                "Child grant co-financing › taper.end",
            ),
            ("costs[0]", "Police and border"),
            // Every list with named items.
            ("revenues[1].base", "Income taxes › base"),
            ("programmes[1]", "Social pension"),
            ("criteria[0].value", "self-sufficient 3 years › value"),
            ("scenarios[0].name", "Boom › name"),
            ("shocks[0].at", "shocks[0] › at"),
            ("macro.gdp_base", "macro.gdp_base"),
        ] {
            assert_eq!(place(&plan, &at(path), Lang::En), shown);
        }
        assert_eq!(place(&plan, &Field::root(), Lang::Fr), "plan");
        // A result's address (a year that overflows) is shown as MODEL.md writes it.
        let year = Field::root().key("years").index(3).key("gdp");
        assert_eq!(place(&plan, &year, Lang::En), "years[3] › gdp");
    }

    #[test]
    fn criteria_offer_every_metric_of_the_model() {
        for lang in [Lang::En, Lang::Fr] {
            let offered: Vec<&str> = metrics(lang).into_iter().map(|(k, _)| k).collect();
            let mut sorted = offered.clone();
            sorted.sort_unstable();
            let mut model: Vec<&str> = crate::model::METRICS.to_vec();
            model.sort_unstable();
            assert_eq!(sorted, model);
            assert_eq!(offered[0], "self_sufficiency_pct");
        }
    }
}
