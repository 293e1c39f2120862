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
use crate::ui::format::{money_short, trimmed};
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
            (Some(a), None, _) => format!("{what}{} {} ({a})", colon(l), tr(l, "never", "jamais")),
            (None, Some(b), _) => format!(
                "{what} {b} ({})",
                tr(l, "instead of never", "au lieu de jamais")
            ),
            (None, None, _) | (Some(_), Some(_), None) => format!(
                "{what}{} {}",
                colon(l),
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

/// A colon as each language sets it: French puts a (no-break) space before.
fn colon(l: Lang) -> &'static str {
    tr(l, ":", "\u{a0}:")
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
            let mut keys: Vec<&String> = n
                .keys()
                .chain(o.keys().filter(|k| !n.contains_key(*k)))
                .collect();
            // A year map's years in calendar order, added and removed alike
            // (its keys are plan years, which text order puts 10 before 3).
            keys.sort_by_key(|k| k.parse::<u32>().ok());
            let null = Value::Null;
            let parts: Vec<String> = keys
                .into_iter()
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
    // An entry of a year map (`macro.overrides.real_growth_pct.3`) is the
    // map's figure in that calendar year.
    let (at, key, in_year) = match (key.parse::<i64>(), at.last_key()) {
        (Ok(t), Some(figure)) => (parent(at), figure, Some(i64::from(start) + t)),
        _ => (at.clone(), key, None),
    };
    let at = &at;
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
                let short = |x: f64| trimmed(x, 2, l);
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
            Value::Array(items) => match items.len() {
                1 => tr(l, "1 item", "1 élément").to_string(),
                n => format!("{n} {}", tr(l, "items", "éléments")),
            },
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
    let mut what = field_words(key, l).map(str::to_string).unwrap_or_else(|| {
        match (rest.is_root(), key.is_empty()) {
            (true, _) => key.to_string(),
            (false, true) => rest.to_string(),
            (false, false) => format!("{rest}.{key}"),
        }
    });
    if let Some(year) = in_year {
        what = format!("{what} {} {year}", tr(l, "in", "en"));
    }
    let subject = match item {
        Some(name) if what.is_empty() => name,
        Some(name) => format!("{name} › {what}"),
        None => what,
    };
    let said = match (old, new) {
        (Value::Null, Value::Object(_)) => tr(l, "added", "ajouté").to_string(),
        (Value::Object(_), Value::Null) => tr(l, "removed", "retiré").to_string(),
        (Value::Object(_), Value::Object(_)) => tr(l, "changed", "modifié").to_string(),
        _ => {
            // French elides "de" before "aucun" (and before no other value).
            let instead = match old {
                Value::Null => tr(l, "instead of ", "au lieu d’"),
                _ => tr(l, "instead of ", "au lieu de "),
            };
            format!("{} {instead}{}", value(new), value(old))
        }
    };
    format!("{subject}{} {said}", colon(l))
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
            fr[0],
            "Budget support › part des promesses versée\u{a0}: 80\u{a0}% au lieu de 90\u{a0}%"
        );
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

    /// The example plan with `edit` made to its JSON.
    fn edited(edit: impl Fn(&mut Value)) -> Plan {
        let mut v = example().write();
        edit(&mut v);
        parse_plan(&v.to_string()).expect("an edited example plan")
    }

    #[test]
    fn each_kind_of_change_reads_in_words_in_both_languages() {
        use serde_json::json;
        let a = example();
        // (the change, its sentence in English, in French)
        type Case<'a> = (&'a dyn Fn(&mut Value), &'a str, &'a str);
        let cases: [Case; 18] = [
            (
                &|v| v["revenues"][0]["base"] = json!(4e10),
                "Taxes on goods and services › base amount: 40.0 bn instead of 35.0 bn",
                "Taxes on goods and services › montant de base\u{a0}: 40,0 Md au lieu de 35,0 Md",
            ),
            (
                &|v| v["macro"]["gdp_base"] = json!(7.25e11),
                "GDP: 725 bn instead of 600 bn",
                "PIB\u{a0}: 725 Md au lieu de 600 Md",
            ),
            (
                &|v| v["macro"]["real_growth_pct"] = json!(5.25),
                "real growth: 5.25\u{a0}% instead of 4.5\u{a0}%",
                "croissance réelle\u{a0}: 5,25\u{a0}% au lieu de 4,5\u{a0}%",
            ),
            (
                &|v| v["macro"]["inflation_pct"] = json!(6),
                "inflation: 6\u{a0}% instead of 7\u{a0}%",
                "inflation\u{a0}: 6\u{a0}% au lieu de 7\u{a0}%",
            ),
            (
                &|v| v["macro"]["real_depreciation_pct"] = json!(0),
                "real depreciation: 0\u{a0}% instead of 1\u{a0}%",
                "dépréciation réelle\u{a0}: 0\u{a0}% au lieu de 1\u{a0}%",
            ),
            (
                &|v| v["revenues"][0]["buoyancy"] = json!(1.25),
                "Taxes on goods and services › buoyancy: 1.25 instead of 1.1",
                "Taxes on goods and services › élasticité\u{a0}: 1,25 au lieu de 1,1",
            ),
            (
                &|v| v["revenues"][0]["reform"]["gain_pct_gdp_per_year"] = json!(0.75),
                "Taxes on goods and services › reform gain a year (% of GDP): 0.75 instead of 0.5",
                "Taxes on goods and services › gain de la réforme par an (% du PIB)\u{a0}: 0,75 au lieu de 0,5",
            ),
            // A field without words keeps its path; big numbers read as money.
            (
                &|v| v["macro"]["population_base"] = json!(5.5e6),
                "macro.population_base: 5.50 M instead of 5.30 M",
                "macro.population_base\u{a0}: 5,50 M au lieu de 5,30 M",
            ),
            // Plan years read as calendar years.
            (
                &|v| v["costs"][0]["handover"]["start"] = json!(2),
                "Police and border › handover.start: 2028 instead of 2026",
                "Police and border › handover.start\u{a0}: 2028 au lieu de 2026",
            ),
            (
                &|v| v["shocks"][0]["at"] = json!(6),
                "shocks[0] › at: 2032 instead of 2030",
                "shocks[0] › at\u{a0}: 2032 au lieu de 2030",
            ),
            (
                &|v| v["donors"][0]["taper"] = json!({"shape": "none"}),
                "Budget support › taper: changed",
                "Budget support › taper\u{a0}: modifié",
            ),
            (
                &|v| v["meta"]["name"] = json!("Plan B"),
                "meta.name: “Plan B” instead of “Example”",
                "meta.name\u{a0}: “Plan B” au lieu de “Example”",
            ),
            (
                &|v| {
                    v["revenues"][0].as_object_mut().map(|o| o.remove("reform"));
                },
                "Taxes on goods and services › reform: removed",
                "Taxes on goods and services › reform\u{a0}: retiré",
            ),
            (
                &|v| v["revenues"][1]["reform"] = json!({"start": 2, "years": 4, "gain_pct_gdp_per_year": 0.25}),
                "Income taxes › reform: added",
                "Income taxes › reform\u{a0}: ajouté",
            ),
            (
                &|v| v["criteria"] = json!([]),
                "criteria: none instead of 1 item",
                "criteria\u{a0}: aucun au lieu de 1 élément",
            ),
            (
                &|v| {
                    let mut c = v["criteria"][0].clone();
                    c["name"] = json!("Reserve kept");
                    if let Some(l) = v["criteria"].as_array_mut() {
                        l.push(c);
                    }
                },
                "criteria: 2 items instead of 1 item",
                "criteria\u{a0}: 2 éléments au lieu de 1 élément",
            ),
            // A year map changes year by year: a changed year, an added
            // one, and one taken away.
            (
                &|v| v["macro"]["overrides"]["real_growth_pct"] = json!({"3": -3.0, "5": 1.0}),
                "real growth in 2029: −3\u{a0}% instead of −2\u{a0}%; real growth in 2031: 1\u{a0}% instead of none",
                "croissance réelle en 2029\u{a0}: −3\u{a0}% au lieu de −2\u{a0}%; croissance réelle en 2031\u{a0}: 1\u{a0}% au lieu d’aucun",
            ),
            (
                &|v| v["macro"]["overrides"]["real_growth_pct"] = json!({"10": 1.0}),
                "real growth in 2029: none instead of −2\u{a0}%; real growth in 2036: 1\u{a0}% instead of none",
                "croissance réelle en 2029\u{a0}: aucun au lieu de −2\u{a0}%; croissance réelle en 2036\u{a0}: 1\u{a0}% au lieu d’aucun",
            ),
        ];
        for (edit, en, fr) in cases {
            let b = edited(edit);
            let got = (differences(&a, &b, Lang::En), differences(&a, &b, Lang::Fr));
            assert_eq!(got, (vec![en.to_string()], vec![fr.to_string()]));
        }
    }

    /// A comparison summary (MODEL.md layout) with these two years and
    /// money differences.
    fn summary(
        ss: (Option<i64>, Option<i64>),
        exit: (Option<i64>, Option<i64>),
        gap: f64,
        donors: f64,
    ) -> Value {
        let pair = |(a, b): (Option<i64>, Option<i64>)| serde_json::json!({"a": a, "b": b, "difference": a.zip(b).map(|(a, b)| b - a)});
        serde_json::json!({
            "self_sufficiency_year": pair(ss),
            "donor_exit_year": pair(exit),
            "cumulative_gap": gap,
            "total_donor_funding": donors,
        })
    }

    #[test]
    fn every_kind_of_delta_reads_and_judges_as_it_should() {
        // (summary, language, the four texts, the four judgements)
        let cases = [
            (
                summary(
                    (Some(2030), Some(2031)),
                    (Some(2030), Some(2027)),
                    2.5e9,
                    -4e6,
                ),
                Lang::En,
                [
                    "self-sufficient 1 year later",
                    "donors gone 3 years earlier",
                    "+2.50 bn unfunded gap",
                    "−4.00 M donor funding",
                ],
                [Some(false), Some(true), Some(false), None],
            ),
            (
                summary(
                    (Some(2031), Some(2029)),
                    (Some(2030), Some(2031)),
                    -7e5,
                    0.0,
                ),
                Lang::En,
                [
                    "self-sufficient 2 years earlier",
                    "donors gone 1 year later",
                    "−700 k unfunded gap",
                    "0 donor funding",
                ],
                [Some(true), Some(false), Some(true), None],
            ),
            (
                summary((Some(2031), Some(2032)), (Some(2030), Some(2026)), 0.0, 3e6),
                Lang::Fr,
                [
                    "autosuffisant 1 an plus tard",
                    "bailleurs partis 4 ans plus tôt",
                    "0 de besoin non financé",
                    "+3,00 M de financement des bailleurs",
                ],
                [Some(false), Some(true), None, None],
            ),
            (
                summary((Some(2031), None), (None, Some(2035)), 0.0, 0.0),
                Lang::En,
                [
                    "self-sufficient: never (2031)",
                    "donors gone 2035 (instead of never)",
                    "0 unfunded gap",
                    "0 donor funding",
                ],
                [Some(false), Some(true), None, None],
            ),
            (
                summary((None, Some(2033)), (Some(2030), None), 0.0, 0.0),
                Lang::Fr,
                [
                    "autosuffisant 2033 (au lieu de jamais)",
                    "bailleurs partis\u{a0}: jamais (2030)",
                    "0 de besoin non financé",
                    "0 de financement des bailleurs",
                ],
                [Some(true), Some(false), None, None],
            ),
            (
                summary((None, None), (Some(2030), Some(2030)), 0.0, 0.0),
                Lang::En,
                [
                    "self-sufficient: never, on both",
                    "donors gone the same year",
                    "0 unfunded gap",
                    "0 donor funding",
                ],
                [None, None, None, None],
            ),
        ];
        for (s, l, texts, better) in cases {
            let d = deltas(&s, l);
            let keys: Vec<_> = d.iter().map(|x| x.key).collect();
            assert_eq!(
                keys,
                [
                    "self_sufficiency_year",
                    "donor_exit_year",
                    "cumulative_gap",
                    "total_donor_funding"
                ]
            );
            let got: Vec<_> = d.iter().map(|x| x.text.as_str()).collect();
            assert_eq!(got, texts, "{s}");
            let judged: Vec<_> = d.iter().map(|x| x.better).collect();
            assert_eq!(judged, better, "{s}");
        }
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
