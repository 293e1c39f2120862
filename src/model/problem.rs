//! What can be wrong with a plan: a `Problem` is a place (`Field`) and a
//! `Rule` broken there, with its figures. The words are rendering: English
//! in `Rule::en` and French in `Rule::fr`, one exhaustive match each, so a
//! new rule without its French does not compile and nothing is ever parsed
//! back from text. The CLI prints English; the app follows its language.

use std::fmt;

use super::field::Field;
use super::lang::{number_fr, Lang, Text};
use super::plan::{DonorKind, FORMAT, MAX_NOTE_CHARS, MAX_SCENARIOS, OLDEST_VERSION, VERSION};
use super::projection::METRICS;
use super::shape::MAX_SEED;
use super::validate::{MAX_HORIZON, START_YEARS};

/// One thing wrong with a plan: where (`donors[1].taper.end`) and what.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub path: Field,
    pub rule: Rule,
}

impl Problem {
    pub fn new(path: Field, rule: Rule) -> Self {
        Problem { path, rule }
    }

    /// The message alone, in English (`Display` adds the path).
    pub fn message(&self) -> String {
        self.rule.en()
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.rule.en())
    }
}

/// `path: message` in either language.
impl Text for Problem {
    fn en(&self) -> String {
        self.to_string()
    }
    fn fr(&self) -> String {
        format!("{}: {}", self.path, self.rule.fr())
    }
}

/// Problems one to a line (`\n  path: message`), as the codec's messages
/// list them under their heading.
pub fn problem_lines(problems: &[Problem], lang: Lang) -> String {
    problems
        .iter()
        .map(|p| format!("\n  {}", p.text(lang)))
        .collect()
}

/// A JSON value as a message describes what it found.
#[derive(Clone, Debug, PartialEq)]
pub enum Got {
    Null,
    Bool(bool),
    /// As written (serde_json's rendering of the number).
    Number(String),
    Text(String),
    List,
    Object,
}

impl Got {
    pub fn of(v: &serde_json::Value) -> Got {
        use serde_json::Value;
        match v {
            Value::Null => Got::Null,
            Value::Bool(b) => Got::Bool(*b),
            Value::Number(n) => Got::Number(n.to_string()),
            Value::String(s) => Got::Text(s.clone()),
            Value::Array(_) => Got::List,
            Value::Object(_) => Got::Object,
        }
    }

    fn en(&self) -> String {
        match self {
            Got::Null => "null".into(),
            Got::Bool(b) => b.to_string(),
            Got::Number(n) => n.clone(),
            Got::Text(s) => format!("\"{s}\""),
            Got::List => "a list".into(),
            Got::Object => "an object".into(),
        }
    }

    fn fr(&self) -> String {
        match self {
            Got::Null => "null".into(),
            Got::Bool(b) => b.to_string(),
            Got::Number(n) => number_fr(n),
            Got::Text(s) => format!("\"{s}\""),
            Got::List => "une liste".into(),
            Got::Object => "un objet".into(),
        }
    }
}

/// What a place in the file must hold, for "must be … (got …)".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    Number,
    /// A plan year or a count of years.
    Whole,
    CalendarYear,
    Text,
    Bool,
    OneOf(&'static [&'static str]),
    List,
    YearMap,
    Pairs,
    Object,
    /// An object whose fields depend on its tag (a taper's `shape`).
    Tagged,
    Seed,
}

/// How serde_json classes a text it cannot read; the French message is
/// made from this and the character found, never from serde's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonTrouble {
    /// The text stops before its end.
    EndsEarly,
    /// A character where none of its kind may stand.
    Unexpected(Option<char>),
    /// Anything else (an impossible number, a nesting too deep).
    Invalid,
}

/// The figure of a projection that stopped being finite.
pub type Figure = &'static str;

/// Every rule a plan can break, with the figures its message gives.
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    // ---- the text and its envelope (parse, pass 1)
    /// `reason` is serde_json's own English wording, shown as it is in
    /// English; French speaks of `trouble`.
    NotJson {
        line: usize,
        column: usize,
        reason: String,
        trouble: JsonTrouble,
    },
    NotAPlanObject,
    FormatMissing,
    /// A file whose `format` is not ours.
    NotOurFormat {
        got: Got,
    },
    /// A plan built in code with another `format`.
    WrongFormat {
        got: String,
    },
    VersionMissing,
    WrongVersion {
        got: Got,
    },
    NewerVersion {
        version: u64,
    },
    // ---- the file's shape (parse, pass 2)
    WrongType {
        want: Want,
        got: Got,
    },
    /// A year map's key that is not a plan year in digits.
    YearKey,
    /// A step point that is not `[t, pct]`.
    NotAPair,
    Required,
    /// A tagged object without its tag.
    TagRequired {
        options: &'static [&'static str],
    },
    /// A field the place does not have; `nearest` when one is a typo away.
    UnknownField {
        nearest: Option<&'static str>,
        fields: Vec<&'static str>,
    },
    /// A value the walk passed that the typed reading still refused.
    Unreadable,
    // ---- values (validate)
    NotFinite,
    Between {
        lo: f64,
        hi: f64,
        got: f64,
    },
    AboveAtMost {
        lo: f64,
        hi: f64,
        got: f64,
    },
    Negative {
        got: f64,
    },
    NotPositive {
        got: f64,
    },
    StartYear {
        got: i32,
    },
    Horizon {
        got: u32,
    },
    Empty,
    /// A name already used by the item at `first` of the same list.
    NameTaken {
        name: String,
        first: Field,
    },
    /// A programme named like the cost line at `cost`.
    NameOfCostLine {
        name: String,
        cost: Field,
    },
    UnknownTarget {
        target: String,
    },
    UnusedByKind {
        kind: DonorKind,
        field: &'static str,
    },
    RequiredForKind {
        kind: DonorKind,
    },
    EndNotAfterStart {
        start: u32,
    },
    NotAscending {
        t: u32,
        prev: u32,
    },
    AtLeastOneYear,
    AtLeastOne,
    NotAMetric {
        metric: String,
    },
    CriterionNameEmpty,
    CriterionKeyTaken {
        key: String,
        first: Field,
    },
    /// A changes key that is not a path of the plan (`syntax`: not even
    /// written as one).
    NotAPlanPath {
        syntax: bool,
    },
    // ---- notes and scenarios (plan format 2)
    NoteTooLong {
        chars: usize,
    },
    TooManyScenarios {
        count: usize,
    },
    /// A scenario named like the baseline.
    BaselineName,
    /// A change of what scenarios may not change.
    Unchangeable,
    /// A change inside (or around) another change of the same scenario.
    Overlaps {
        other: Field,
    },
    /// A change through a list item the baseline does not have.
    NoSuchItem,
    /// A change below a value that is not an object or a list.
    NotAContainer,
    // ---- the projection (evaluate)
    Overflow {
        year: i32,
        figure: Figure,
    },
    /// A total that is not finite, with the first year whose running
    /// total is not.
    TotalsOverflow {
        year: i32,
        total: Figure,
    },
}

/// A number as a message shows it: plain for everyday sizes, in scientific
/// notation when plain digits would run to dozens of characters (1e308).
pub fn shown(x: f64) -> String {
    if x == 0.0 || (1e-4..1e15).contains(&x.abs()) {
        format!("{x}")
    } else {
        format!("{x:e}")
    }
}

fn quoted(options: &[&str]) -> String {
    options
        .iter()
        .map(|o| format!("\"{o}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Want {
    fn en(self) -> String {
        match self {
            Want::Number => "must be a number".into(),
            Want::Whole => "must be a whole number of plan years (0, 1, 2 …)".into(),
            Want::CalendarYear => "must be a calendar year such as 2026".into(),
            Want::Text => "must be text in quotes".into(),
            Want::Bool => "must be true or false".into(),
            Want::OneOf(options) => format!("must be one of {}", quoted(options)),
            Want::List => "must be a list [ … ]".into(),
            Want::YearMap => "must be an object { \"<plan year>\": value }".into(),
            Want::Pairs => "must be a list of [plan year, percent] pairs".into(),
            Want::Object => "must be an object { … }".into(),
            Want::Tagged => "must be an object { \"shape\": … }".into(),
            Want::Seed => format!("must be a whole number from 0 to {MAX_SEED}"),
        }
    }

    fn fr(self) -> String {
        match self {
            Want::Number => "doit être un nombre".into(),
            Want::Whole => "doit être un nombre entier d’années du plan (0, 1, 2 …)".into(),
            Want::CalendarYear => "doit être une année civile, par exemple 2026".into(),
            Want::Text => "doit être un texte entre guillemets".into(),
            Want::Bool => "doit valoir true ou false".into(),
            Want::OneOf(options) => format!("doit être l’une des valeurs {}", quoted(options)),
            Want::List => "doit être une liste [ … ]".into(),
            Want::YearMap => "doit être un objet { \"<année du plan>\": valeur }".into(),
            Want::Pairs => "doit être une liste de paires [année du plan, pourcentage]".into(),
            Want::Object => "doit être un objet { … }".into(),
            Want::Tagged => "doit être un objet { \"shape\": … }".into(),
            Want::Seed => format!("doit être un nombre entier de 0 à {MAX_SEED}"),
        }
    }
}

/// A projection figure in words, and what to change when it overflows.
fn overflow_words_en(figure: Figure) -> (&'static str, &'static str) {
    match figure {
        "gdp" => ("GDP", "lower the growth or inflation rates"),
        "price_index" => ("the price index", "lower the inflation rates"),
        "population" => ("population", "lower the population growth rate"),
        "fx" => (
            "the exchange rate",
            "lower the inflation or depreciation rates",
        ),
        "local_revenue" => (
            "local revenue",
            "lower the buoyancies, reform gains or growth rates",
        ),
        "need" => (
            "need",
            "lower the cost and benefit growth rates or the inflation rates",
        ),
        "donor_funding" | "programmed_donor_funding" => (
            "donor funding",
            "lower the donor amounts or the exchange-rate path",
        ),
        "reserve" | "deposit" | "draw" => {
            ("the reserve", "lower the reserve interest rate or target")
        }
        other => (other, "lower the growth or inflation rates"),
    }
}

fn overflow_words_fr(figure: Figure) -> (&'static str, &'static str) {
    match figure {
        "gdp" => ("le PIB", "réduisez les taux de croissance ou d’inflation"),
        "price_index" => ("l’indice des prix", "réduisez les taux d’inflation"),
        "population" => (
            "la population",
            "réduisez le taux de croissance démographique",
        ),
        "fx" => (
            "le taux de change",
            "réduisez les taux d’inflation ou de dépréciation",
        ),
        "local_revenue" => (
            "le total des recettes propres",
            "réduisez les élasticités, les gains des réformes ou les taux de croissance",
        ),
        "need" => (
            "le besoin",
            "réduisez la croissance des coûts et des prestations ou les taux d’inflation",
        ),
        "donor_funding" | "programmed_donor_funding" => (
            "le financement des bailleurs",
            "réduisez les montants des bailleurs ou la trajectoire du taux de change",
        ),
        "reserve" | "deposit" | "draw" => (
            "la réserve",
            "réduisez le taux d’intérêt ou la cible de la réserve",
        ),
        other => (other, "réduisez les taux de croissance ou d’inflation"),
    }
}

fn kind_fr(kind: DonorKind) -> &'static str {
    match kind {
        DonorKind::BudgetSupport => "d’appui budgétaire",
        DonorKind::Cofinancing => "de cofinancement",
        DonorKind::GapFilling => "de financement du déficit",
    }
}

impl Rule {
    /// The message in English, as the CLI prints it after the path.
    pub fn en(&self) -> String {
        match self {
            Rule::NotJson {
                line,
                column,
                reason,
                ..
            } => format!("is not valid JSON (line {line}, column {column}: {reason})"),
            Rule::NotAPlanObject => {
                "must be a JSON object { … } holding a Sunset Planner plan".into()
            }
            Rule::FormatMissing => format!(
                "is required and must be \"{FORMAT}\"; this is not a Sunset Planner plan"
            ),
            Rule::NotOurFormat { got } => format!(
                "must be \"{FORMAT}\" (got {}); this is not a Sunset Planner plan",
                got.en()
            ),
            Rule::WrongFormat { got } => format!("must be \"{FORMAT}\" (got \"{got}\")"),
            Rule::VersionMissing => {
                format!("is required and must be {OLDEST_VERSION} or {VERSION}")
            }
            Rule::WrongVersion { got } => {
                format!("must be {OLDEST_VERSION} or {VERSION} (got {})", got.en())
            }
            Rule::NewerVersion { version } => format!(
                "made by a newer release of Sunset Planner (plan format version {version}); this release reads versions {OLDEST_VERSION} and {VERSION}"
            ),
            Rule::WrongType { want, got } => format!("{} (got {})", want.en(), got.en()),
            Rule::YearKey => "must be a plan year written as a whole number (0, 1, 2 …)".into(),
            Rule::NotAPair => "must be a pair [plan year, percent], e.g. [3, 50]".into(),
            Rule::Required => "is required".into(),
            Rule::TagRequired { options } => format!("is required: one of {}", quoted(options)),
            Rule::UnknownField { nearest, fields } => match nearest {
                Some(name) => format!("unknown field; did you mean \"{name}\"?"),
                None => format!("unknown field; the fields here are {}", fields.join(", ")),
            },
            Rule::Unreadable => "is missing or of the wrong type".into(),
            Rule::NotFinite => "must be a finite number".into(),
            Rule::Between { lo, hi, got } => {
                format!("must be between {lo} and {hi} (got {})", shown(*got))
            }
            Rule::AboveAtMost { lo, hi, got } => {
                format!("must be above {lo} and at most {hi} (got {})", shown(*got))
            }
            Rule::Negative { got } => format!("must not be negative (got {})", shown(*got)),
            Rule::NotPositive { got } => format!("must be above 0 (got {})", shown(*got)),
            Rule::StartYear { got } => format!(
                "must be a calendar year between {} and {} (got {got})",
                START_YEARS.start(),
                START_YEARS.end()
            ),
            Rule::Horizon { got } => {
                format!("must be between 1 and {MAX_HORIZON} years (got {got})")
            }
            Rule::Empty => "must not be empty".into(),
            Rule::NameTaken { name, first } => format!("\"{name}\" is already used by {first}"),
            Rule::NameOfCostLine { name, cost } => format!(
                "\"{name}\" is already the name of cost line {cost}; a cost line and a programme need different names"
            ),
            Rule::UnknownTarget { target } => {
                format!("no cost line or programme is named \"{target}\"")
            }
            Rule::UnusedByKind { kind, field } => {
                format!("a {} donor does not use {field}; remove it", kind.as_str())
            }
            Rule::RequiredForKind { kind } => {
                format!("is required for a {} donor", kind.as_str())
            }
            Rule::EndNotAfterStart { start } => format!("must be after start ({start})"),
            Rule::NotAscending { t, prev } => {
                format!("plan years must be strictly ascending ({t} follows {prev})")
            }
            Rule::AtLeastOneYear => "must be at least 1 year".into(),
            Rule::AtLeastOne => "must be at least 1".into(),
            Rule::NotAMetric { metric } => format!(
                "\"{metric}\" is not a per-year figure; use one of {}",
                METRICS.join(", ")
            ),
            Rule::CriterionNameEmpty => {
                "must not be empty (leave it out to key the result by index)".into()
            }
            Rule::CriterionKeyTaken { key, first } => {
                format!("\"{key}\" already keys {first} in the result")
            }
            Rule::NotAPlanPath { syntax: true } => {
                "is not a path; write one as MODEL.md does, e.g. donors[0].taper.end".into()
            }
            Rule::NotAPlanPath { syntax: false } => {
                "names no field a plan has (check the spelling and the list names)".into()
            }
            Rule::NoteTooLong { chars } => format!(
                "is {chars} characters long; a note holds at most {MAX_NOTE_CHARS}"
            ),
            Rule::TooManyScenarios { count } => format!(
                "holds {count} scenarios; a plan holds at most {MAX_SCENARIOS}"
            ),
            Rule::BaselineName => {
                "must not be \"Baseline\": that name is the plan itself".into()
            }
            Rule::Unchangeable => "cannot be changed by a scenario (scenarios share the plan's format, start year, horizon and uncertainty, so they compare year by year)".into(),
            Rule::Overlaps { other } => format!(
                "overlaps the change of {other}; change a node or a field inside it, not both"
            ),
            Rule::NoSuchItem => "no such item".into(),
            Rule::NotAContainer => "goes inside a value that has no fields".into(),
            Rule::Overflow { year, figure } => {
                let (label, hint) = overflow_words_en(figure);
                format!("the projection overflows in {year} ({label} is not a finite number); {hint}")
            }
            Rule::TotalsOverflow { year, total } => format!(
                "the projection's totals overflow in {year} ({total} is not a finite number); lower the amounts or growth rates"
            ),
        }
    }

    /// The message in French.
    pub fn fr(&self) -> String {
        let n = |x: f64| number_fr(&shown(x));
        let nf = |x: f64| number_fr(&x.to_string());
        match self {
            Rule::NotJson {
                line,
                column,
                trouble,
                ..
            } => {
                let why = match trouble {
                    JsonTrouble::EndsEarly => "le texte s’arrête avant la fin".to_string(),
                    JsonTrouble::Unexpected(Some(c)) => format!("caractère inattendu « {c} »"),
                    JsonTrouble::Unexpected(None) => "caractère inattendu".to_string(),
                    JsonTrouble::Invalid => "valeur illisible".to_string(),
                };
                format!("n’est pas un JSON valide (ligne {line}, colonne {column} : {why})")
            }
            Rule::NotAPlanObject => {
                "doit être un objet JSON { … } contenant un plan Sunset Planner".into()
            }
            Rule::FormatMissing => format!(
                "est obligatoire et doit valoir \"{FORMAT}\" ; ce n’est pas un plan Sunset Planner"
            ),
            Rule::NotOurFormat { got } => format!(
                "doit valoir \"{FORMAT}\" (valeur : {}) ; ce n’est pas un plan Sunset Planner",
                got.fr()
            ),
            Rule::WrongFormat { got } => format!("doit valoir \"{FORMAT}\" (valeur : \"{got}\")"),
            Rule::VersionMissing => {
                format!("est obligatoire et doit valoir {OLDEST_VERSION} ou {VERSION}")
            }
            Rule::WrongVersion { got } => format!(
                "doit valoir {OLDEST_VERSION} ou {VERSION} (valeur : {})",
                got.fr()
            ),
            Rule::NewerVersion { version } => format!(
                "créé par une version plus récente de Sunset Planner (format de plan {version}) ; cette version lit les formats {OLDEST_VERSION} et {VERSION}"
            ),
            Rule::WrongType { want, got } => format!("{} (valeur : {})", want.fr(), got.fr()),
            Rule::YearKey => {
                "doit être une année du plan écrite en nombre entier (0, 1, 2 …)".into()
            }
            Rule::NotAPair => {
                "doit être une paire [année du plan, pourcentage], par exemple [3, 50]".into()
            }
            Rule::Required => "est obligatoire".into(),
            Rule::TagRequired { options } => {
                format!("est obligatoire : l’une des valeurs {}", quoted(options))
            }
            Rule::UnknownField { nearest, fields } => match nearest {
                Some(name) => format!("champ inconnu ; vouliez-vous dire « {name} » ?"),
                None => format!(
                    "champ inconnu ; les champs possibles ici sont {}",
                    fields.join(", ")
                ),
            },
            Rule::Unreadable => "est absent ou d’un type incorrect".into(),
            Rule::NotFinite => "doit être un nombre fini".into(),
            Rule::Between { lo, hi, got } => format!(
                "doit être compris entre {} et {} (valeur : {})",
                nf(*lo),
                nf(*hi),
                n(*got)
            ),
            Rule::AboveAtMost { lo, hi, got } => format!(
                "doit être supérieur à {} et au plus égal à {} (valeur : {})",
                nf(*lo),
                nf(*hi),
                n(*got)
            ),
            Rule::Negative { got } => format!("ne doit pas être négatif (valeur : {})", n(*got)),
            Rule::NotPositive { got } => {
                format!("doit être supérieur à 0 (valeur : {})", n(*got))
            }
            Rule::StartYear { got } => format!(
                "doit être une année civile comprise entre {} et {} (valeur : {got})",
                START_YEARS.start(),
                START_YEARS.end()
            ),
            Rule::Horizon { got } => {
                format!("doit être compris entre 1 et {MAX_HORIZON} ans (valeur : {got})")
            }
            Rule::Empty => "ne doit pas être vide".into(),
            Rule::NameTaken { name, first } => format!("« {name} » est déjà utilisé par {first}"),
            Rule::NameOfCostLine { name, cost } => format!(
                "« {name} » est déjà le nom du poste de dépense {cost} ; un poste de dépense et un programme doivent porter des noms différents"
            ),
            Rule::UnknownTarget { target } => {
                format!("aucun poste de dépense ni programme ne s’appelle « {target} »")
            }
            Rule::UnusedByKind { kind, field } => format!(
                "un bailleur {} n’utilise pas {field} ; supprimez ce champ",
                kind_fr(*kind)
            ),
            Rule::RequiredForKind { kind } => {
                format!("est obligatoire pour un bailleur {}", kind_fr(*kind))
            }
            Rule::EndNotAfterStart { start } => format!("doit venir après le début ({start})"),
            Rule::NotAscending { t, prev } => format!(
                "les années du plan doivent être strictement croissantes ({t} suit {prev})"
            ),
            Rule::AtLeastOneYear => "doit être d’au moins 1 an".into(),
            Rule::AtLeastOne => "doit être au moins égal à 1".into(),
            Rule::NotAMetric { metric } => format!(
                "« {metric} » n’est pas un chiffre annuel ; utilisez l’un de : {}",
                METRICS.join(", ")
            ),
            Rule::CriterionNameEmpty => {
                "ne doit pas être vide (omettez-le pour que le résultat soit repéré par son rang)"
                    .into()
            }
            Rule::CriterionKeyTaken { key, first } => {
                format!("« {key} » sert déjà de clé à {first} dans le résultat")
            }
            Rule::NotAPlanPath { syntax: true } => {
                "n’est pas un chemin ; écrivez-le comme MODEL.md, par exemple donors[0].taper.end".into()
            }
            Rule::NotAPlanPath { syntax: false } => {
                "ne désigne aucun champ d’un plan (vérifiez l’orthographe et les noms des listes)".into()
            }
            Rule::NoteTooLong { chars } => format!(
                "compte {chars} caractères ; une note en compte au plus {MAX_NOTE_CHARS}"
            ),
            Rule::TooManyScenarios { count } => format!(
                "contient {count} scénarios ; un plan en contient au plus {MAX_SCENARIOS}"
            ),
            Rule::BaselineName => {
                "ne doit pas valoir « Baseline » : ce nom désigne le plan lui-même".into()
            }
            Rule::Unchangeable => "ne peut pas être modifié par un scénario (les scénarios partagent le format, l’année de départ, l’horizon et l’incertitude du plan, pour se comparer année par année)".into(),
            Rule::Overlaps { other } => format!(
                "chevauche la modification de {other} ; modifiez un nœud ou un champ qu’il contient, pas les deux"
            ),
            Rule::NoSuchItem => "cet élément n’existe pas".into(),
            Rule::NotAContainer => "se trouve à l’intérieur d’une valeur sans champs".into(),
            Rule::Overflow { year, figure } => {
                let (label, hint) = overflow_words_fr(figure);
                format!(
                    "la projection dépasse les limites du calcul en {year} ({label} n’est plus un nombre fini) ; {hint}"
                )
            }
            Rule::TotalsOverflow { year, total } => format!(
                "les totaux de la projection dépassent les limites du calcul en {year} ({total} n’est plus un nombre fini) ; réduisez les montants ou les taux de croissance"
            ),
        }
    }
}

impl Text for Rule {
    fn en(&self) -> String {
        Rule::en(self)
    }
    fn fr(&self) -> String {
        Rule::fr(self)
    }
}
