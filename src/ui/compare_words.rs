//! What a comparison of two scenarios says in words: the headline deltas
//! ("self-sufficient 2 years later", "+1.2 bn unfunded gap") read from
//! `model::scenario::compare`, and the assumptions that differ ("Budget
//! support: taper ends 2032 instead of 2036") read from the two plans.
//! Pure, so the host tests it; the comparison view draws it.
//!
//! Not for: the figures themselves (the model computes them) or layout.

use serde_json::Value;

use crate::model::scenario::{diff, value_at};
use crate::model::{Field, Node, Plan, Seg};
use crate::ui::format::{money_short, number};
use crate::ui::i18n::{tr, Lang};
use crate::ui::labels::place;

/// One headline delta of B against A.
#[derive(Clone, Debug, PartialEq)]
pub struct Delta {
    /// The summary key it reads (`self_sufficiency_year`), for test ids.
    pub key: &'static str,
    pub text: String,
    /// Whether B is better than A on this figure (None: no better or worse).
    pub better: Option<bool>,
}

/// The headline deltas of a comparison's `summary` (MODEL.md layout: B − A,
/// and `{a, b, difference}` for year-valued figures).
pub fn deltas(s: &Value, l: Lang) -> Vec<Delta> {
    let mut out = Vec::new();
    let years = [
        (
            "self_sufficiency_year",
            tr(l, "self-sufficient", "autosuffisant"),
            false,
        ),
        (
            "donor_exit_year",
            tr(l, "donors gone", "bailleurs partis"),
            false,
        ),
    ];
    for (key, what, later_is_better) in years {
        let pair = &s[key];
        let (a, b) = (pair["a"].as_i64(), pair["b"].as_i64());
        let text = match (a, b, pair["difference"].as_i64()) {
            (_, _, Some(0)) => format!("{what} {}", tr(l, "the same year", "la même année")),
            (_, _, Some(d)) => {
                let n = d.unsigned_abs();
                let unit = match (n == 1, l) {
                    (true, Lang::En) => "year",
                    (false, Lang::En) => "years",
                    (true, Lang::Fr) => "an",
                    (false, Lang::Fr) => "ans",
                };
                let dir = if d > 0 {
                    tr(l, "later", "plus tard")
                } else {
                    tr(l, "earlier", "plus tôt")
                };
                format!("{what} {n} {unit} {dir}")
            }
            (Some(a), None, _) => format!("{what}: {} ({a})", tr(l, "never", "jamais")),
            (None, Some(b), _) => format!(
                "{what} {b} ({})",
                tr(l, "instead of never", "au lieu de jamais")
            ),
            (None, None, _) | (Some(_), Some(_), None) => format!(
                "{what}: {}",
                tr(l, "never, on both", "jamais, des deux côtés")
            ),
        };
        let better = match (a, b) {
            (Some(a), Some(b)) if a != b => Some((b < a) != later_is_better),
            (Some(_), None) => Some(later_is_better),
            (None, Some(_)) => Some(!later_is_better),
            _ => None,
        };
        out.push(Delta { key, text, better });
    }
    let money = [
        (
            "cumulative_gap",
            tr(l, "unfunded gap", "de besoin non financé"),
            true,
        ),
        (
            "total_donor_funding",
            tr(l, "donor funding", "de financement des bailleurs"),
            false,
        ),
    ];
    for (key, what, less_is_better) in money {
        let d = s[key].as_f64().unwrap_or(0.0);
        let sign = if d > 0.0 { "+" } else { "" };
        out.push(Delta {
            key,
            text: format!("{sign}{} {what}", money_short(d, l)),
            better: (d != 0.0 && less_is_better).then_some(d < 0.0),
        });
    }
    out
}

/// The assumptions of `b` that differ from `a`, one sentence each.
pub fn differences(a: &Plan, b: &Plan, l: Lang) -> Vec<String> {
    let va = a.write();
    diff(a, b)
        .0
        .iter()
        .map(|(f, new)| {
            let old = value_at(&va, f).unwrap_or(&Value::Null);
            sentence(b, f, old, new, l)
        })
        .collect()
}

/// Words for the fields scenarios change most; others keep their path.
fn field_words(key: &str, l: Lang) -> Option<&'static str> {
    Some(match key {
        "fulfilment_pct" => tr(l, "share of pledge paid", "part des promesses versée"),
        "base" => tr(l, "base amount", "montant de base"),
        "gdp_base" => tr(l, "GDP", "PIB"),
        "real_growth_pct" => tr(l, "real growth", "croissance réelle"),
        "inflation_pct" => tr(l, "inflation", "inflation"),
        "real_depreciation_pct" => tr(l, "real depreciation", "dépréciation réelle"),
        "buoyancy" => tr(l, "buoyancy", "élasticité"),
        "gain_pct_gdp_per_year" => tr(
            l,
            "reform gain a year (% of GDP)",
            "gain de la réforme par an (% du PIB)",
        ),
        _ => return None,
    })
}

/// One sentence for a changed node; an object whose fields changed (a
/// taper of the same shape) gets one sentence per field.
fn sentence(plan: &Plan, f: &Field, old: &Value, new: &Value, l: Lang) -> String {
    if let (Value::Object(o), Value::Object(n)) = (old, new) {
        if o.get("shape") == n.get("shape") {
            let keys = n.keys().chain(o.keys().filter(|k| !n.contains_key(*k)));
            let null = Value::Null;
            let parts: Vec<String> = keys
                .filter(|k| o.get(*k) != n.get(*k))
                .map(|k| {
                    say(
                        plan,
                        f,
                        k,
                        o.get(k).unwrap_or(&null),
                        n.get(k).unwrap_or(&null),
                        l,
                    )
                })
                .collect();
            return parts.join("; ");
        }
    }
    match f.segs().split_last() {
        Some((Seg::Key(k), _)) => say(plan, &parent(f), k, old, new, l),
        _ => say(plan, f, "", old, new, l),
    }
}

/// `f` without its last step.
fn parent(f: &Field) -> Field {
    f.segs()[..f.segs().len().saturating_sub(1)]
        .iter()
        .fold(Field::root(), |p, seg| match seg {
            Seg::Key(k) => p.key(k),
            Seg::Index(i) => p.index(*i),
            Seg::Year(t) => p.year(*t),
            Seg::Other(k) => p.other(k),
        })
}

/// "`at` › `key`: new instead of old", in words where the app has them.
fn say(plan: &Plan, at: &Field, key: &str, old: &Value, new: &Value, l: Lang) -> String {
    let start = plan.meta.start_year;
    // Plan years read as calendar years.
    let is_year = matches!(key, "start" | "end" | "at");
    let value = |v: &Value| -> String {
        match v {
            Value::Null => tr(l, "none", "aucun").to_string(),
            Value::Number(n) if is_year => n
                .as_i64()
                .map(|t| (i64::from(start) + t).to_string())
                .unwrap_or_default(),
            Value::Number(n) => {
                let x = n.as_f64().unwrap_or(0.0);
                let short = |x: f64| {
                    let s = number(x, 2, l);
                    let s = s.trim_end_matches('0');
                    s.trim_end_matches(['.', ',']).to_string()
                };
                if key.ends_with("_pct") || key.ends_with("_pp") {
                    format!("{}\u{a0}%", short(x))
                } else if x.abs() >= 1e4 {
                    money_short(x, l)
                } else {
                    short(x)
                }
            }
            Value::Bool(true) => tr(l, "yes", "oui").to_string(),
            Value::Bool(false) => tr(l, "no", "non").to_string(),
            Value::String(s) => format!("“{s}”"),
            Value::Array(items) => format!("{} {}", items.len(), tr(l, "items", "éléments")),
            Value::Object(_) => tr(l, "set", "défini").to_string(),
        }
    };
    let item = match at.segs() {
        [] => None,
        [Seg::Key(list), Seg::Index(i), ..] => {
            Some(place(plan, &Field::root().key(list).index(*i), l))
        }
        _ => None,
    };
    let is_taper = at.last_key() == Some("taper");
    // The taper's end, the example people give, reads as a sentence.
    if let (true, "end", Some(name), Some(_)) = (is_taper, key, &item, new.as_i64()) {
        return match l {
            Lang::En => format!("{name} taper ends {} instead of {}", value(new), value(old)),
            Lang::Fr => format!(
                "Le retrait de {name} se termine en {} au lieu de {}",
                value(new),
                value(old)
            ),
        };
    }
    let rest = match at.segs() {
        [Seg::Key(_), Seg::Index(_), ..] => at.skip(2),
        _ => at.clone(),
    };
    let what = field_words(key, l).map(str::to_string).unwrap_or_else(|| {
        match (rest.is_root(), key.is_empty()) {
            (true, _) => key.to_string(),
            (false, true) => rest.to_string(),
            (false, false) => format!("{rest}.{key}"),
        }
    });
    let subject = match item {
        Some(name) if what.is_empty() => name,
        Some(name) => format!("{name} › {what}"),
        None => what,
    };
    match (old, new) {
        (Value::Null, Value::Object(_)) => format!("{subject}: {}", tr(l, "added", "ajouté")),
        (Value::Object(_), Value::Null) => format!("{subject}: {}", tr(l, "removed", "retiré")),
        (Value::Object(_), Value::Object(_)) => {
            format!("{subject}: {}", tr(l, "changed", "modifié"))
        }
        _ => format!(
            "{subject}: {} {} {}",
            value(new),
            tr(l, "instead of", "au lieu de"),
            value(old)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::{compare, BASELINE};
    use crate::model::{evaluate, parse_plan};

    fn example() -> Plan {
        parse_plan(include_str!("../../plans/example.json")).expect("example plan")
    }

    #[test]
    fn a_taper_that_ends_sooner_reads_as_a_sentence() {
        let a = example();
        let mut b = a.clone();
        if let Some(crate::model::Taper::Linear { end, .. }) = &mut b.donors[0].taper {
            *end = 6;
        }
        b.donors[0].fulfilment_pct = 80.0;
        let start = a.meta.start_year;
        let en = differences(&a, &b, Lang::En);
        assert_eq!(
            en,
            [
                "Budget support › share of pledge paid: 80\u{a0}% instead of 90\u{a0}%".to_string(),
                format!(
                    "Budget support taper ends {} instead of {}",
                    start + 6,
                    start + 10
                ),
            ]
        );
        let fr = differences(&a, &b, Lang::Fr);
        assert_eq!(
            fr[1],
            format!(
                "Le retrait de Budget support se termine en {} au lieu de {}",
                start + 6,
                start + 10
            )
        );
        assert!(differences(&a, &a, Lang::En).is_empty());
    }

    #[test]
    fn deltas_read_the_comparison() {
        let a = example();
        let mut b = a.clone();
        if let Some(crate::model::Taper::Linear { end, .. }) = &mut b.donors[0].taper {
            *end = 4;
        }
        let (pa, pb) = (evaluate(&a).expect("a"), evaluate(&b).expect("b"));
        let c = compare((BASELINE, &a, &pa), ("Fast", &b, &pb));
        let d = deltas(&c["summary"], Lang::En);
        let gap = pb.summary.cumulative_gap - pa.summary.cumulative_gap;
        let gap_card = d
            .iter()
            .find(|x| x.key == "cumulative_gap")
            .expect("gap card");
        let sign = if gap > 0.0 { "+" } else { "" };
        assert_eq!(
            gap_card.text,
            format!("{sign}{} unfunded gap", money_short(gap, Lang::En))
        );
        let ss = d
            .iter()
            .find(|x| x.key == "self_sufficiency_year")
            .expect("year card");
        match (
            pa.summary.self_sufficiency_year,
            pb.summary.self_sufficiency_year,
        ) {
            (Some(x), Some(y)) if y > x => assert!(ss.text.ends_with("later"), "{}", ss.text),
            (Some(x), Some(y)) if y == x => assert!(ss.text.ends_with("same year"), "{}", ss.text),
            _ => {}
        }
        let same = compare((BASELINE, &a, &pa), ("Same", &a, &pa));
        let d = deltas(&same["summary"], Lang::Fr);
        assert!(
            d[0].text.ends_with("la même année") || d[0].text.contains("jamais"),
            "{}",
            d[0].text
        );
        assert_eq!(d[2].better, None);
    }
}
