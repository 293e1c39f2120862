//! The French text of every message the model writes (validation, parsing,
//! evaluation). The model builds its messages in English (the CLI, the
//! tests and the result JSON use them); `message_fr` reads such a message
//! back by its template and writes it again in French. Plain data and
//! `match`, no UI dependency. A message with no known template comes back
//! unchanged, so the tests over every rule guard the table.

use super::Problem;

/// An error whose message reads in English (`Display`) and in French; the
/// codec's errors share it so the UI asks every one the same way.
pub trait Bilingual: std::fmt::Display {
    /// The message in French.
    fn message_fr(&self) -> String;

    /// The message in English or, when `french`, in French.
    fn text(&self, french: bool) -> String {
        if french {
            self.message_fr()
        } else {
            self.to_string()
        }
    }
}

/// Problems one to a line (`\n  path: message`), in English or French, as
/// the codec's messages list them under their heading.
pub fn problem_lines(problems: &[Problem], french: bool) -> String {
    problems
        .iter()
        .map(|p| {
            format!(
                "\n  {}",
                if french {
                    p.to_string_fr()
                } else {
                    p.to_string()
                }
            )
        })
        .collect()
}

/// The French text of a model message (a `Problem::message`).
pub fn message_fr(en: &str) -> String {
    translate(en).unwrap_or_else(|| en.to_string())
}

/// A number as French writes it: a decimal comma ("7,5"). Anything that is
/// not a plain number (a quoted value, "null", a list) is left as it is.
pub fn number_fr(s: &str) -> String {
    if s.parse::<f64>().is_ok() {
        s.replace('.', ",")
    } else {
        s.to_string()
    }
}

/// A value as the parser describes it ("a list", "null", "7.5", "\"x\"").
fn value_fr(s: &str) -> String {
    match s {
        "a list" => "une liste".into(),
        "an object" => "un objet".into(),
        _ => number_fr(s),
    }
}

/// Splits `s` on the literal `parts` (prefix, separators, suffix) and
/// returns what lies between them, or None when `s` does not fit.
fn fit<'a>(s: &'a str, parts: &[&str]) -> Option<Vec<&'a str>> {
    let (first, rest) = parts.split_first()?;
    let (last, middle) = rest.split_last()?;
    let mut s = s.strip_prefix(first)?.strip_suffix(last)?;
    let mut out = Vec::new();
    for sep in middle {
        let i = s.find(sep)?;
        out.push(&s[..i]);
        s = &s[i + sep.len()..];
    }
    out.push(s);
    Some(out)
}

/// The French of one "(got …)" tail, or of a message with such a tail.
fn with_got(en: &str) -> Option<String> {
    let (head, got) = en.strip_suffix(')')?.rsplit_once(" (got ")?;
    let head = translate(head)?;
    Some(format!("{head} (valeur : {})", value_fr(got)))
}

fn translate(en: &str) -> Option<String> {
    let n = number_fr;
    let fixed = match en {
        "must be a finite number" => Some("doit être un nombre fini"),
        "must not be empty" => Some("ne doit pas être vide"),
        "must be at least 1 year" => Some("doit être d’au moins 1 an"),
        "must be at least 1" => Some("doit être au moins égal à 1"),
        "must not be empty (leave it out to key the result by index)" => {
            Some("ne doit pas être vide (omettez-le pour que le résultat soit repéré par son rang)")
        }
        "must be a JSON object { … } holding a Sunset Planner plan" => {
            Some("doit être un objet JSON { … } contenant un plan Sunset Planner")
        }
        "must be an object { … }" => Some("doit être un objet { … }"),
        "is missing or of the wrong type" => Some("est absent ou d’un type incorrect"),
        "must be a whole number of plan years (0, 1, 2 …)" => {
            Some("doit être un nombre entier d’années du plan (0, 1, 2 …)")
        }
        "must be a whole number, 0 or more" => Some("doit être un nombre entier positif ou nul"),
        "must be a plan year written as a whole number (0, 1, 2 …)" => {
            Some("doit être une année du plan écrite en nombre entier (0, 1, 2 …)")
        }
        "must be a pair [plan year, percent], e.g. [3, 50]" => {
            Some("doit être une paire [année du plan, pourcentage], par exemple [3, 50]")
        }
        "is required" => Some("est obligatoire"),
        "must be a number" => Some("doit être un nombre"),
        "must be a calendar year such as 2026" => {
            Some("doit être une année civile, par exemple 2026")
        }
        "must be text in quotes" => Some("doit être un texte entre guillemets"),
        "must be true or false" => Some("doit valoir true ou false"),
        "must be a list [ … ]" => Some("doit être une liste [ … ]"),
        "must be an object { \"<plan year>\": value }" => {
            Some("doit être un objet { \"<année du plan>\": valeur }")
        }
        "must be a list of [plan year, percent] pairs" => {
            Some("doit être une liste de paires [année du plan, pourcentage]")
        }
        "must be an object { \"shape\": … }" => Some("doit être un objet { \"shape\": … }"),
        _ => None,
    };
    if let Some(fr) = fixed {
        return Some(fr.to_string());
    }
    // Templates with numbers or names; the more specific first.
    if let Some(c) = fit(en, &["must be between ", " and ", " years (got ", ")"]) {
        return Some(format!(
            "doit être compris entre {} et {} ans (valeur : {})",
            c[0], c[1], c[2]
        ));
    }
    if let Some(c) = fit(
        en,
        &["must be a calendar year between ", " and ", " (got ", ")"],
    ) {
        return Some(format!(
            "doit être une année civile comprise entre {} et {} (valeur : {})",
            c[0], c[1], c[2]
        ));
    }
    if let Some(c) = fit(en, &["must be between ", " and ", " (got ", ")"]) {
        return Some(format!(
            "doit être compris entre {} et {} (valeur : {})",
            n(c[0]),
            n(c[1]),
            n(c[2])
        ));
    }
    if let Some(c) = fit(en, &["must be above ", " and at most ", " (got ", ")"]) {
        return Some(format!(
            "doit être supérieur à {} et au plus égal à {} (valeur : {})",
            n(c[0]),
            n(c[1]),
            n(c[2])
        ));
    }
    if let Some(c) = fit(en, &["must not be negative (got ", ")"]) {
        return Some(format!("ne doit pas être négatif (valeur : {})", n(c[0])));
    }
    if let Some(c) = fit(en, &["must be above 0 (got ", ")"]) {
        return Some(format!("doit être supérieur à 0 (valeur : {})", n(c[0])));
    }
    if let Some(c) = fit(
        en,
        &[
            "made by a newer release of Sunset Planner (plan format version ",
            "); this release reads version ",
            "",
        ],
    ) {
        return Some(format!(
            "créé par une version plus récente de Sunset Planner (format de plan {}) ; cette version lit le format {}",
            c[0], c[1]
        ));
    }
    if let Some(c) = fit(en, &["is not valid JSON (line ", ", column ", ": ", ")"]) {
        return Some(format!(
            "n’est pas un JSON valide (ligne {}, colonne {} : {})",
            c[0],
            c[1],
            json_reason_fr(c[2])
        ));
    }
    if let Some(c) = fit(
        en,
        &[
            "is required and must be ",
            "; this is not a Sunset Planner plan",
        ],
    ) {
        return Some(format!(
            "est obligatoire et doit valoir {} ; ce n’est pas un plan Sunset Planner",
            c[0]
        ));
    }
    if let Some(c) = fit(
        en,
        &["must be ", " (got ", "); this is not a Sunset Planner plan"],
    ) {
        return Some(format!(
            "doit valoir {} (valeur : {}) ; ce n’est pas un plan Sunset Planner",
            c[0],
            value_fr(c[1])
        ));
    }
    if let Some(c) = fit(en, &["is required and must be ", ""]) {
        return Some(format!("est obligatoire et doit valoir {}", c[0]));
    }
    if let Some(c) = fit(en, &["is required: one of ", ""]) {
        return Some(format!("est obligatoire : l’une des valeurs {}", c[0]));
    }
    if let Some(c) = fit(en, &["must be one of ", " (got ", ")"]) {
        return Some(format!(
            "doit être l’une des valeurs {} (valeur : {})",
            c[0],
            value_fr(c[1])
        ));
    }
    if let Some(c) = fit(en, &["a ", " donor does not use ", "; remove it"]) {
        return Some(format!(
            "un bailleur {} n’utilise pas {} ; supprimez ce champ",
            donor_kind_fr(c[0]),
            c[1]
        ));
    }
    if let Some(c) = fit(en, &["is required for a ", " donor"]) {
        return Some(format!(
            "est obligatoire pour un bailleur {}",
            donor_kind_fr(c[0])
        ));
    }
    if let Some(c) = fit(en, &["no cost line or programme is named \"", "\""]) {
        return Some(format!(
            "aucun poste de dépense ni programme ne s’appelle « {} »",
            c[0]
        ));
    }
    if let Some(c) = fit(
        en,
        &[
            "\"",
            "\" is already the name of cost line ",
            "; a cost line and a programme need different names",
        ],
    ) {
        return Some(format!(
            "« {} » est déjà le nom du poste de dépense {} ; un poste de dépense et un programme doivent porter des noms différents",
            c[0], c[1]
        ));
    }
    if let Some(c) = fit(en, &["\"", "\" is already used by ", ""]) {
        return Some(format!("« {} » est déjà utilisé par {}", c[0], c[1]));
    }
    if let Some(c) = fit(en, &["\"", "\" already keys ", " in the result"]) {
        return Some(format!(
            "« {} » sert déjà de clé à {} dans le résultat",
            c[0], c[1]
        ));
    }
    if let Some(c) = fit(en, &["\"", "\" is not a per-year figure; use one of ", ""]) {
        return Some(format!(
            "« {} » n’est pas un chiffre annuel ; utilisez l’un de : {}",
            c[0], c[1]
        ));
    }
    if let Some(c) = fit(en, &["must be after start (", ")"]) {
        return Some(format!("doit venir après le début ({})", c[0]));
    }
    if let Some(c) = fit(
        en,
        &["plan years must be strictly ascending (", " follows ", ")"],
    ) {
        return Some(format!(
            "les années du plan doivent être strictement croissantes ({} suit {})",
            c[0], c[1]
        ));
    }
    if let Some(c) = fit(en, &["must be ", " (got ", ")"]) {
        // format and version: a literal value, shown as it is.
        if !c[0].contains(' ') {
            return Some(format!(
                "doit valoir {} (valeur : {})",
                c[0],
                value_fr(c[1])
            ));
        }
    }
    if let Some(c) = fit(en, &["unknown field; did you mean \"", "\"?"]) {
        return Some(format!("champ inconnu ; vouliez-vous dire « {} » ?", c[0]));
    }
    if let Some(c) = fit(en, &["unknown field; the fields here are ", ""]) {
        return Some(format!(
            "champ inconnu ; les champs possibles ici sont {}",
            c[0]
        ));
    }
    if let Some(c) = fit(en, &["unknown field ", ", expected one of ", ""]) {
        return Some(format!(
            "champ inconnu {} ; champs attendus : {}",
            c[0], c[1]
        ));
    }
    if let Some(c) = fit(en, &["unknown field ", ""]) {
        return Some(format!("champ inconnu {}", c[0]));
    }
    if let Some(c) = fit(en, &["the key ", " ", ""]) {
        if let Some(rest) = translate(c[1]) {
            return Some(format!("la clé {} {}", c[0], rest));
        }
    }
    if let Some(c) = fit(
        en,
        &[
            "the projection overflows in ",
            " (",
            " is not a finite number); ",
            "",
        ],
    ) {
        return Some(format!(
            "la projection dépasse les limites du calcul en {} ({} n’est plus un nombre fini) ; {}",
            c[0],
            overflow_label_fr(c[1]),
            overflow_hint_fr(c[2])
        ));
    }
    if let Some(c) = fit(
        en,
        &[
            "the projection's totals overflow in ",
            " (",
            " is not a finite number); lower the amounts or growth rates",
        ],
    ) {
        return Some(format!(
            "les totaux de la projection dépassent les limites du calcul en {} ({} n’est plus un nombre fini) ; réduisez les montants ou les taux de croissance",
            c[0], c[1]
        ));
    }
    with_got(en)
}

/// A donor kind's file name, as the French interface calls the kind.
fn donor_kind_fr(kind: &str) -> String {
    match kind {
        "budget_support" => "d’appui budgétaire".to_string(),
        "cofinancing" => "de cofinancement".to_string(),
        "gap_filling" => "de financement du déficit".to_string(),
        other => format!("de type {other}"),
    }
}

fn overflow_label_fr(en: &str) -> String {
    match en {
        "GDP" => "le PIB",
        "the price index" => "l’indice des prix",
        "population" => "la population",
        "the exchange rate" => "le taux de change",
        "local revenue" => "le total des recettes propres",
        "need" => "le besoin",
        "donor funding" => "le financement des bailleurs",
        "the reserve" => "la réserve",
        other => return other.to_string(),
    }
    .to_string()
}

fn overflow_hint_fr(en: &str) -> String {
    match en {
        "lower the growth or inflation rates" => "réduisez les taux de croissance ou d’inflation",
        "lower the inflation rates" => "réduisez les taux d’inflation",
        "lower the population growth rate" => "réduisez le taux de croissance démographique",
        "lower the inflation or depreciation rates" => {
            "réduisez les taux d’inflation ou de dépréciation"
        }
        "lower the buoyancies, reform gains or growth rates" => {
            "réduisez les élasticités, les gains des réformes ou les taux de croissance"
        }
        "lower the cost and benefit growth rates or the inflation rates" => {
            "réduisez la croissance des coûts et des prestations ou les taux d’inflation"
        }
        "lower the donor amounts or the exchange-rate path" => {
            "réduisez les montants des bailleurs ou la trajectoire du taux de change"
        }
        "lower the reserve interest rate or target" => {
            "réduisez le taux d’intérêt ou la cible de la réserve"
        }
        other => return other.to_string(),
    }
    .to_string()
}

/// serde_json's reasons for refusing a text, in French where we know them.
fn json_reason_fr(en: &str) -> String {
    let known = [
        (
            "EOF while parsing a value",
            "le texte s’arrête avant une valeur",
        ),
        (
            "EOF while parsing an object",
            "le texte s’arrête au milieu d’un objet",
        ),
        (
            "EOF while parsing a list",
            "le texte s’arrête au milieu d’une liste",
        ),
        (
            "EOF while parsing a string",
            "le texte s’arrête au milieu d’un texte entre guillemets",
        ),
        ("expected value", "valeur attendue"),
        ("expected ident", "mot attendu (true, false ou null)"),
        ("expected `,` or `}`", "« , » ou « } » attendu"),
        ("expected `,` or `]`", "« , » ou « ] » attendu"),
        ("expected `:`", "« : » attendu"),
        (
            "key must be a string",
            "une clé doit être un texte entre guillemets",
        ),
        ("trailing characters", "caractères en trop après la fin"),
        ("trailing comma", "virgule en trop"),
        ("invalid number", "nombre non valide"),
        ("number out of range", "nombre hors limites"),
        ("invalid escape", "séquence d’échappement non valide"),
        (
            "invalid unicode code point",
            "point de code Unicode non valide",
        ),
        (
            "control character (\\u0000-\\u001F) found while parsing a string",
            "caractère de contrôle dans un texte",
        ),
        ("recursion limit exceeded", "imbrication trop profonde"),
        (
            "lone leading surrogate in hex escape",
            "séquence Unicode incomplète",
        ),
    ];
    known
        .iter()
        .find(|(e, _)| *e == en)
        .map_or_else(|| en.to_string(), |(_, f)| f.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_take_a_decimal_comma() {
        assert_eq!(
            message_fr("must be between 0 and 5 (got 7.5)"),
            "doit être compris entre 0 et 5 (valeur : 7,5)"
        );
        assert_eq!(number_fr("-2.5e-7"), "-2,5e-7");
        assert_eq!(number_fr("\"a.b\""), "\"a.b\"");
    }

    /// One message of each template the model writes, including those the
    /// rule-by-rule tests do not reach (parser shapes, every overflow).
    #[test]
    fn every_template_is_known() {
        let samples = [
            "must be a finite number".to_string(),
            "must be above -100 and at most 1000 (got 1e308)".into(),
            "must be between 0 and 100 (got 101.5)".into(),
            "must not be negative (got -1)".into(),
            "must be above 0 (got 0)".into(),
            "must not be empty".into(),
            "\"Aid\" is already used by donors[0]".into(),
            "must be \"sunset-plan\" (got \"x\")".into(),
            super::super::validate::newer_version_message(7),
            "must be 1 (got 0)".into(),
            "must be a calendar year between 1900 and 2200 (got 1800)".into(),
            "must be between 1 and 60 years (got 0)".into(),
            "a cofinancing donor does not use base; remove it".into(),
            "is required for a gap_filling donor".into(),
            "no cost line or programme is named \"X\"".into(),
            "\"X\" is already the name of cost line costs[0]; a cost line and a programme need different names".into(),
            "must be after start (3)".into(),
            "plan years must be strictly ascending (2 follows 3)".into(),
            "must be at least 1 year".into(),
            "\"year\" is not a per-year figure; use one of gdp, need".into(),
            "must be at least 1".into(),
            "must not be empty (leave it out to key the result by index)".into(),
            "\"a\" already keys criteria[0] in the result".into(),
            "is not valid JSON (line 1, column 2: expected value)".into(),
            "must be a JSON object { … } holding a Sunset Planner plan".into(),
            "must be \"sunset-plan\" (got 3); this is not a Sunset Planner plan".into(),
            "is required and must be \"sunset-plan\"; this is not a Sunset Planner plan".into(),
            "is required and must be 1".into(),
            "must be an object { … }".into(),
            "is missing or of the wrong type".into(),
            "must be a whole number of plan years (0, 1, 2 …)".into(),
            "must be a whole number, 0 or more".into(),
            "unknown field \"x\", expected one of \"a\", \"b\"".into(),
            "must be a number (got null)".into(),
            "must be a whole number of plan years (0, 1, 2 …) (got 1.5)".into(),
            "must be a calendar year such as 2026 (got \"2026\")".into(),
            "must be text in quotes (got 3)".into(),
            "must be true or false (got 1)".into(),
            "must be one of \"LCU\", \"USD\" (got \"EUR\")".into(),
            "must be a list [ … ] (got an object)".into(),
            "must be a plan year written as a whole number (0, 1, 2 …)".into(),
            "the key \"01\" must be a plan year written as a whole number (0, 1, 2 …)".into(),
            "must be an object { \"<plan year>\": value } (got a list)".into(),
            "must be a pair [plan year, percent], e.g. [3, 50]".into(),
            "must be a list of [plan year, percent] pairs (got 3)".into(),
            "must be an object { \"shape\": … } (got 3)".into(),
            "is required: one of \"none\", \"linear\"".into(),
            "is required".into(),
            "unknown field; did you mean \"start\"?".into(),
            "unknown field; the fields here are a, b".into(),
            "the projection's totals overflow in 2031 (cumulative_gap_npv is not a finite number); lower the amounts or growth rates".into(),
        ];
        let overflows = [
            "gdp",
            "price_index",
            "population",
            "fx",
            "local_revenue",
            "need",
            "donor_funding",
            "reserve",
        ]
        .map(super::super::evaluate::overflow_message_for_tests);
        for en in samples.iter().chain(overflows.iter()) {
            let fr = translate(en).unwrap_or_else(|| panic!("no French for {en:?}"));
            for word in [
                "must",
                "got",
                "between",
                "above",
                "required",
                "lower",
                "overflow",
                "finite number",
            ] {
                assert!(!fr.contains(word), "{word:?} left in {fr:?} (from {en:?})");
            }
        }
    }

    #[test]
    fn unknown_messages_come_back_unchanged() {
        assert_eq!(message_fr("something new"), "something new");
    }

    #[test]
    fn got_tails_of_the_parser() {
        assert_eq!(
            message_fr("must be a number (got a list)"),
            "doit être un nombre (valeur : une liste)"
        );
        assert_eq!(
            message_fr("must be a whole number of plan years (0, 1, 2 …) (got -2)"),
            "doit être un nombre entier d’années du plan (0, 1, 2 …) (valeur : -2)"
        );
    }
}
