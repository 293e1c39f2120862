//! Share links: a whole plan in the URL fragment, `#plan=1.<data>`.
//!
//! For: turning a plan into a short link payload and any pasted link (full
//! URL, fragment or bare payload) back into a valid plan, with an error a
//! user can act on when it cannot be opened. The format is specified field
//! by field in `docs/link-format.md`; links made by any release must open in
//! every later one, so each link format version keeps its own decoder here
//! and old versions are migrated, never dropped.
//!
//! Not for: plan files (`codec::file`), storage (`codec::storage`) or
//! anything touching the browser (`codec::browser`).

use std::cell::RefCell;
use std::fmt;

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;
use miniz_oxide::inflate::TINFLStatus;

use crate::model::lang::number_fr;
use crate::model::shape::record;
use crate::model::{self, problem_lines, Lang, Plan, Problem, Text};

/// The newest link format this release writes and reads.
pub const LINK_VERSION: u32 = 2;

/// The fragment key: a link's fragment is `plan=<version>.<data>`.
pub const FRAGMENT_KEY: &str = "plan";

/// The largest plan text a link may unpack to. Real plans are a few KiB;
/// anything bigger is refused before it is fully unpacked.
pub const MAX_INFLATED_BYTES: usize = 256 * 1024;

/// The largest link accepted at all, in characters (a link unpacking to the
/// limit above would still be far shorter).
pub const MAX_LINK_CHARS: usize = 512 * 1024;

/// Why a link could not be opened. `Display` is the message to show.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    /// Nothing where the plan should be.
    Empty,
    /// The link stops early (cut off when copied).
    Truncated,
    /// A character that never appears in a plan link, at a 1-based
    /// character position in the text given to `decode_link`.
    BadCharacter { position: usize, character: char },
    /// The packed data does not unpack, or its checksum does not match.
    Corrupt,
    /// The link unpacks to more than `MAX_INFLATED_BYTES` (or is longer
    /// than `MAX_LINK_CHARS`): refused, never fully unpacked.
    TooLarge { limit_bytes: usize },
    /// Made by a newer release: link format `version` > `LINK_VERSION`.
    Newer { version: u64 },
    /// Not a plan link: no `<version>.` tag, or a tag no release ever made.
    UnknownTag { tag: String },
    /// The packed plan has the wrong shape at `path` (a place in the
    /// positional encoding, named like the plan's field).
    Shape { path: String, problem: Packed },
    /// The plan unpacked but is not a valid plan.
    Invalid(Vec<Problem>),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Empty => write!(
                f,
                "The link holds no plan: a plan link ends in \"#{FRAGMENT_KEY}=1.\" followed by the plan's data, and that part is missing."
            ),
            LinkError::Truncated => write!(
                f,
                "The link is incomplete: it was probably cut off when it was copied. Copy the whole link and try again."
            ),
            LinkError::BadCharacter { position, character } => write!(
                f,
                "The link contains {character:?} at character {position}, which never appears in a plan link; it was probably changed when it was copied."
            ),
            LinkError::Corrupt => write!(
                f,
                "The link is damaged: its data does not unpack to the plan it was made from. Ask for the link again."
            ),
            LinkError::TooLarge { limit_bytes } => write!(
                f,
                "The link unpacks to more than {} KiB, far more than any plan; it was not opened.",
                limit_bytes / 1024
            ),
            LinkError::Newer { version } => write!(
                f,
                "This link was made by a newer release of Sunset Planner (link format {version}; this release reads formats up to {LINK_VERSION}). Open it with the newer release."
            ),
            LinkError::UnknownTag { tag } => write!(
                f,
                "This is not a Sunset Planner plan link: it starts with {tag:?} where a format version such as \"1.\" should be."
            ),
            LinkError::Shape { path, problem } => {
                let message = problem.en();
                if path.is_empty() {
                    write!(f, "The link's plan is malformed: {message}.")
                } else {
                    write!(f, "The link's plan is malformed at {path}: {message}.")
                }
            }
            LinkError::Invalid(problems) => {
                write!(f, "The link's plan is not valid:{}", problem_lines(problems, Lang::En))
            }
        }
    }
}

impl Text for LinkError {
    fn en(&self) -> String {
        self.to_string()
    }

    /// The message in French, as `Display` gives it in English.
    fn fr(&self) -> String {
        match self {
            LinkError::Empty => format!(
                "Le lien ne contient aucun plan : un lien de plan se termine par « #{FRAGMENT_KEY}=1. » suivi des données du plan, et cette partie manque."
            ),
            LinkError::Truncated => "Le lien est incomplet : il a sans doute été coupé lors de la copie. Copiez le lien en entier et réessayez.".into(),
            LinkError::BadCharacter { position, character } => format!(
                "Le lien contient {character:?} au caractère {position}, qui n’apparaît jamais dans un lien de plan ; il a sans doute été modifié lors de la copie."
            ),
            LinkError::Corrupt => "Le lien est endommagé : ses données ne redonnent pas le plan d’origine. Demandez à nouveau le lien.".into(),
            LinkError::TooLarge { limit_bytes } => format!(
                "Le lien se décompresse en plus de {} Kio, bien plus que tout plan ; il n’a pas été ouvert.",
                limit_bytes / 1024
            ),
            LinkError::Newer { version } => format!(
                "Ce lien a été créé par une version plus récente de Sunset Planner (format de lien {version} ; cette version lit les formats jusqu’à {LINK_VERSION}). Ouvrez-le avec la version plus récente."
            ),
            LinkError::UnknownTag { tag } => format!(
                "Ce n’est pas un lien de plan Sunset Planner : il commence par {tag:?} là où un numéro de format tel que « 1. » est attendu."
            ),
            LinkError::Shape { path, problem } => {
                let message = problem.fr();
                if path.is_empty() {
                    format!("Le plan du lien est mal formé : {message}.")
                } else {
                    format!("Le plan du lien est mal formé en {path} : {message}.")
                }
            }
            LinkError::Invalid(problems) => {
                format!("Le plan du lien n’est pas valide :{}", problem_lines(problems, Lang::Fr))
            }
        }
    }
}

/// What is wrong in a packed plan, at a `LinkError::Shape`'s path.
#[derive(Clone, Debug, PartialEq)]
pub enum Packed {
    /// Not a list of `want` fields.
    Fields {
        want: usize,
    },
    FieldCount {
        want: usize,
        found: usize,
    },
    List,
    Number,
    Whole,
    OutOfRange {
        x: f64,
        min: f64,
        max: f64,
    },
    Years,
    NotYears {
        x: f64,
    },
    Text,
    Flag,
    YearTwice {
        t: u32,
    },
    /// Not JSON at all; `reason` is the parser's own English wording.
    Unreadable {
        reason: String,
    },
    KindCode,
    CurrencyCode,
    TaperCode,
    OpCode,
}

impl Text for Packed {
    fn en(&self) -> String {
        match self {
            Packed::Fields { want } => format!("expected a list of {want} fields"),
            Packed::FieldCount { want, found } => format!("expected {want} fields, found {found}"),
            Packed::List => "expected a list".into(),
            Packed::Number => "expected a number".into(),
            Packed::Whole => "expected a whole number".into(),
            Packed::OutOfRange { x, min, max } => format!("{x} is out of range ({min} to {max})"),
            Packed::Years => "expected a whole number of years".into(),
            Packed::NotYears { x } => format!("expected a whole number of years, 0 or more, not {x}"),
            Packed::Text => "expected text".into(),
            Packed::Flag => "expected 0 or 1".into(),
            Packed::YearTwice { t } => format!("year {t} is given twice"),
            Packed::Unreadable { reason } => format!("the packed plan is not readable ({reason})"),
            Packed::KindCode => "expected a donor kind code (\"b\", \"c\" or \"g\")".into(),
            Packed::CurrencyCode => "expected a currency code (\"L\" or \"U\")".into(),
            Packed::TaperCode => "expected a taper starting with its shape code (\"n\", \"l\", \"e\", \"s\" or \"g\")".into(),
            Packed::OpCode => "expected \">=\", \">\", \"<=\" or \"<\"".into(),
        }
    }

    fn fr(&self) -> String {
        let n = |x: &f64| number_fr(&x.to_string());
        match self {
            Packed::Fields { want } => format!("une liste de {want} champs est attendue"),
            Packed::FieldCount { want, found } => format!("{want} champs attendus, {found} trouvés"),
            Packed::List => "une liste est attendue".into(),
            Packed::Number => "un nombre est attendu".into(),
            Packed::Whole => "un nombre entier est attendu".into(),
            Packed::OutOfRange { x, min, max } => {
                format!("{} est hors limites ({} à {})", n(x), n(min), n(max))
            }
            Packed::Years => "un nombre entier d’années est attendu".into(),
            Packed::NotYears { x } => format!(
                "un nombre entier d’années positif ou nul est attendu, pas {}",
                n(x)
            ),
            Packed::Text => "un texte est attendu".into(),
            Packed::Flag => "0 ou 1 est attendu".into(),
            Packed::YearTwice { t } => format!("l’année {t} est donnée deux fois"),
            Packed::Unreadable { .. } => "les données du plan sont illisibles".into(),
            Packed::KindCode => {
                "un code de type de bailleur est attendu (\"b\", \"c\" ou \"g\")".into()
            }
            Packed::CurrencyCode => "un code de monnaie est attendu (\"L\" ou \"U\")".into(),
            Packed::TaperCode => "un profil de retrait commençant par son code de forme est attendu (\"n\", \"l\", \"e\", \"s\" ou \"g\")".into(),
            Packed::OpCode => "\">=\", \">\", \"<=\" ou \"<\" est attendu".into(),
        }
    }
}

impl std::error::Error for LinkError {}

impl LinkError {
    /// A stable short name of the error's kind, for tests and fixtures:
    /// `empty`, `truncated`, `bad_character`, `corrupt`, `too_large`,
    /// `newer`, `unknown_tag`, `shape` or `invalid`.
    pub fn kind(&self) -> &'static str {
        match self {
            LinkError::Empty => "empty",
            LinkError::Truncated => "truncated",
            LinkError::BadCharacter { .. } => "bad_character",
            LinkError::Corrupt => "corrupt",
            LinkError::TooLarge { .. } => "too_large",
            LinkError::Newer { .. } => "newer",
            LinkError::UnknownTag { .. } => "unknown_tag",
            LinkError::Shape { .. } => "shape",
            LinkError::Invalid(_) => "invalid",
        }
    }
}

/// base64url decoding that tolerates what a cut-off link leaves (stray
/// low bits in the last character), so truncation is reported as such.
const LENIENT_BASE64: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// The fragment payload of `plan`: `2.<data>`, with the default view. The
/// full fragment is `#plan=` followed by it; see `link_url`.
pub fn encode_link(plan: &Plan) -> String {
    encode_link_with(plan, &View::default())
}

thread_local! {
    /// The last link made, with its plan and view: the app asks for the
    /// same link twice a moment apart (for the address and for the share
    /// panel, at start-up and after each edit), and the compression below
    /// is the costliest step of either.
    static LAST: RefCell<Option<(Plan, View, String)>> = const { RefCell::new(None) };
}

/// The fragment payload of `plan` shown as `view` says (link format 2).
pub fn encode_link_with(plan: &Plan, view: &View) -> String {
    let same = |(p, v, _): &&(Plan, View, String)| p == plan && v == view;
    if let Some(link) = LAST.with(|l| l.borrow().as_ref().filter(same).map(|x| x.2.clone())) {
        return link;
    }
    let text = v2::compact_text(plan, view);
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), 10);
    let link = format!("{LINK_VERSION}.{}", URL_SAFE_NO_PAD.encode(packed));
    LAST.with(|l| *l.borrow_mut() = Some((plan.clone(), view.clone(), link.clone())));
    link
}

/// A full share URL: `base` (any fragment it has is dropped) + `#plan=` +
/// the payload.
pub fn link_url(base: &str, plan: &Plan) -> String {
    link_url_with(base, plan, &View::default())
}

/// As `link_url`, with the view the link asks for.
pub fn link_url_with(base: &str, plan: &Plan, view: &View) -> String {
    let base = base.split('#').next().unwrap_or(base);
    format!("{base}#{FRAGMENT_KEY}={}", encode_link_with(plan, view))
}

/// The plan in a link: a full URL, a fragment (`#plan=2.…`, `plan=2.…`) or a
/// bare payload (`2.…`). Whitespace (line breaks from e-mail) is ignored.
/// The plan comes back only if it is valid (`model::validate`).
pub fn decode_link(input: &str) -> Result<Plan, LinkError> {
    decode_link_view(input).map(|(plan, _)| plan)
}

/// The plan in a link and the view it asks for (a format-1 link, or a view
/// that cannot be read, gives the default view: the plan still opens).
pub fn decode_link_view(input: &str) -> Result<(Plan, View), LinkError> {
    let (plan, view) = decode_unvalidated(input)?;
    model::validate(&plan).map_err(LinkError::Invalid)?;
    Ok((plan, view))
}

/// As `decode_link`, without the validation step (for tools and tests).
pub fn decode_link_unvalidated(input: &str) -> Result<Plan, LinkError> {
    decode_unvalidated(input).map(|(plan, _)| plan)
}

fn decode_unvalidated(input: &str) -> Result<(Plan, View), LinkError> {
    if input.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLarge {
            limit_bytes: MAX_INFLATED_BYTES,
        });
    }
    if !input.contains('#') && input.contains("://") {
        // An address without a fragment: the page, not a plan.
        return Err(LinkError::Empty);
    }
    let (offset, payload) = payload_of(input);
    let (tag, data) = match payload.split_once('.') {
        Some(parts) => parts,
        None if payload.trim().is_empty() => return Err(LinkError::Empty),
        None => {
            return Err(LinkError::UnknownTag {
                tag: first_chars(payload, 12),
            })
        }
    };
    let version = version_of(tag)?;
    let data_offset = offset + tag.chars().count() + 1;
    let bytes = unbase64(data, data_offset)?;
    match version {
        1 => v1::decode(&unpack(&bytes)?).map(|plan| (plan, View::default())),
        2 => v2::decode(&unpack(&bytes)?),
        _ => Err(LinkError::Newer { version }),
    }
}

/// The payload part of `input` and its character offset in `input`.
fn payload_of(input: &str) -> (usize, &str) {
    let (mut offset, mut rest) = match input.find('#') {
        Some(i) => (input[..i].chars().count() + 1, &input[i + 1..]),
        None => (0, input),
    };
    // The fragment may hold other `key=value` parts; take ours.
    let key = format!("{FRAGMENT_KEY}=");
    let mut at = 0;
    for part in rest.split('&') {
        let trimmed = part.trim_start();
        if let Some(value) = trimmed.strip_prefix(key.as_str()) {
            let skipped = part.len() - trimmed.len() + key.len();
            offset += rest[..at + skipped].chars().count();
            rest = value;
            return (offset, rest);
        }
        at += part.len() + 1;
    }
    (offset, rest)
}

fn first_chars(s: &str, n: usize) -> String {
    s.trim().chars().take(n).collect()
}

fn version_of(tag: &str) -> Result<u64, LinkError> {
    let tag = tag.trim();
    let unknown = || LinkError::UnknownTag {
        tag: first_chars(tag, 12),
    };
    if tag.is_empty() || tag.len() > 9 || !tag.bytes().all(|b| b.is_ascii_digit()) {
        return Err(unknown());
    }
    match tag.parse::<u64>() {
        Ok(0) | Err(_) => Err(unknown()),
        Ok(v) if v > u64::from(LINK_VERSION) => Err(LinkError::Newer { version: v }),
        Ok(v) => Ok(v),
    }
}

/// base64url (no padding) to bytes, skipping whitespace; a bad character is
/// reported by its position in the original input.
fn unbase64(data: &str, offset: usize) -> Result<Vec<u8>, LinkError> {
    let mut clean = String::with_capacity(data.len());
    for (i, c) in data.chars().enumerate() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            clean.push(c);
        } else if c == '=' {
            // Padding at the very end is tolerated (some tools add it).
            let rest = data.chars().skip(i);
            if rest.clone().all(|r| r == '=' || r.is_whitespace()) {
                break;
            }
            return Err(LinkError::BadCharacter {
                position: offset + i + 1,
                character: c,
            });
        } else {
            return Err(LinkError::BadCharacter {
                position: offset + i + 1,
                character: c,
            });
        }
    }
    if clean.is_empty() {
        return Err(LinkError::Empty);
    }
    // A length of 1 mod 4 cannot come from any byte string: cut off.
    if clean.len() % 4 == 1 {
        return Err(LinkError::Truncated);
    }
    LENIENT_BASE64
        .decode(clean.as_bytes())
        .map_err(|_| LinkError::Corrupt)
}

/// zlib data (deflate + Adler-32) to bytes, never more than the cap.
fn unpack(bytes: &[u8]) -> Result<Vec<u8>, LinkError> {
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(bytes, MAX_INFLATED_BYTES).map_err(
        |e| match e.status {
            TINFLStatus::HasMoreOutput => LinkError::TooLarge {
                limit_bytes: MAX_INFLATED_BYTES,
            },
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                LinkError::Truncated
            }
            _ => LinkError::Corrupt,
        },
    )
}

record! {
    /// What a link asks the app to show, beside the plan (link format 2).
    pub struct View at ViewAt {
        /// The scenario on screen (None: the baseline).
        pub scenario: Option<String> = opt(None),
        /// The scenarios compared, by name ("Baseline" for the plan).
        pub compare: Vec<String> = opt(Vec::new()),
        /// The presenter (workshop) view.
        pub presenter: bool = opt(false),
        /// The interface language, "en" or "fr".
        pub lang: Option<String> = opt(None),
        /// The display currency, "LCU" or "USD".
        pub currency: Option<String> = opt(None),
    }
}

/// Link format 2: `[plan, view]`, each written positionally from the
/// plan's one definition (docs/link-format.md): an object is the array of
/// its fields in their declared order, a field the file leaves out is
/// `null`, trailing `null`s are dropped (so a field added at the end of an
/// object later leaves older links readable), a taper is `[shape, fields…]`;
/// numbers take their shortest exact form. Scenario changes keep their
/// file form. Decoding turns the arrays back into the file form and reads
/// it as a plan file is read, so problems are named by their plan paths.
mod v2 {
    use serde_json::{Map, Value};

    use super::{LinkError, Packed, View};
    use crate::model::shape::{FieldInfo, Node, Shape};
    use crate::model::{Plan, FORMAT, VERSION};

    /// The plan's own fields less `format` and `version`, which a link of
    /// this format implies.
    pub(super) fn plan_fields() -> &'static [FieldInfo] {
        match Plan::shape() {
            Shape::Object(fields) => &fields[2..],
            _ => &[],
        }
    }

    pub(super) fn compact_text(plan: &Plan, view: &View) -> String {
        let mut packed = vec![positional(&plan.write(), &Shape::Object(plan_fields()))];
        let view = positional(&view.write(), View::shape());
        if view != Value::Array(Vec::new()) {
            packed.push(view);
        }
        let mut out = String::new();
        super::write_compact(&Value::Array(packed), &mut out);
        out
    }

    /// The positional form of a file-form value of `shape`.
    fn positional(v: &Value, shape: &Shape) -> Value {
        match (v, shape) {
            (Value::Object(o), Shape::Object(fields)) => {
                let mut items: Vec<Value> = fields
                    .iter()
                    .map(|f| {
                        o.get(f.name)
                            .map_or(Value::Null, |x| positional(x, (f.shape)()))
                    })
                    .collect();
                trim(&mut items);
                Value::Array(items)
            }
            (Value::Object(o), Shape::Tagged(t)) => {
                let tag = o.get(t.tag).cloned().unwrap_or(Value::Null);
                let fields = t
                    .variants
                    .iter()
                    .find(|var| tag.as_str() == Some(var.name))
                    .map_or(&[][..], |var| var.fields);
                let mut items = vec![tag];
                items.extend(fields.iter().map(|f| {
                    o.get(f.name)
                        .map_or(Value::Null, |x| positional(x, (f.shape)()))
                }));
                trim(&mut items);
                Value::Array(items)
            }
            (Value::Array(a), Shape::List(item)) => {
                let item = item();
                Value::Array(a.iter().map(|x| positional(x, item)).collect())
            }
            _ => v.clone(),
        }
    }

    fn trim(items: &mut Vec<Value>) {
        while items.last() == Some(&Value::Null) {
            items.pop();
        }
    }

    /// The file form of a positional value of `shape`, at `path` (for
    /// messages). What is not positional is left for the plan's walk.
    fn file_form(v: &Value, shape: &Shape, path: &str) -> Result<Value, LinkError> {
        let join = |name: &str| {
            if path.is_empty() {
                name.to_string()
            } else {
                format!("{path}.{name}")
            }
        };
        match (v, shape) {
            (Value::Array(items), Shape::Object(fields)) => {
                if items.len() > fields.len() {
                    return Err(shape_error(path, fields.len(), items.len()));
                }
                let mut o = Map::new();
                for (f, x) in fields.iter().zip(items) {
                    if !x.is_null() {
                        o.insert(f.name.into(), file_form(x, (f.shape)(), &join(f.name))?);
                    }
                }
                Ok(Value::Object(o))
            }
            (Value::Array(items), Shape::Tagged(t)) => {
                let Some((tag, rest)) = items.split_first() else {
                    return Ok(Value::Object(Map::new()));
                };
                let mut o = Map::new();
                o.insert(t.tag.into(), tag.clone());
                if let Some(var) = t.variants.iter().find(|var| tag.as_str() == Some(var.name)) {
                    if rest.len() > var.fields.len() {
                        return Err(shape_error(path, var.fields.len() + 1, items.len()));
                    }
                    for (f, x) in var.fields.iter().zip(rest) {
                        if !x.is_null() {
                            o.insert(f.name.into(), file_form(x, (f.shape)(), &join(f.name))?);
                        }
                    }
                }
                Ok(Value::Object(o))
            }
            (Value::Array(items), Shape::List(item)) => {
                let item = item();
                items
                    .iter()
                    .enumerate()
                    .map(|(i, x)| file_form(x, item, &format!("{path}[{i}]")))
                    .collect::<Result<Vec<_>, _>>()
                    .map(Value::Array)
            }
            _ => Ok(v.clone()),
        }
    }

    fn shape_error(path: &str, want: usize, found: usize) -> LinkError {
        LinkError::Shape {
            path: path.to_string(),
            problem: Packed::FieldCount { want, found },
        }
    }

    /// The plan (read as a plan file, unvalidated) and view of a format-2 text.
    pub(super) fn decode(bytes: &[u8]) -> Result<(Plan, View), LinkError> {
        let value: Value = serde_json::from_slice(bytes).map_err(|e| {
            if e.is_eof() {
                LinkError::Truncated
            } else {
                LinkError::Shape {
                    path: String::new(),
                    problem: Packed::Unreadable {
                        reason: e.to_string(),
                    },
                }
            }
        })?;
        let (plan, view) = match value.as_array().map(Vec::as_slice) {
            Some([plan]) => (plan, None),
            Some([plan, view]) => (plan, Some(view)),
            _ => {
                return Err(LinkError::Shape {
                    path: String::new(),
                    problem: Packed::Fields { want: 2 },
                })
            }
        };
        let mut file = file_form(plan, &Shape::Object(plan_fields()), "")?;
        if let Value::Object(o) = &mut file {
            o.insert("format".into(), FORMAT.into());
            o.insert("version".into(), VERSION.into());
        }
        let plan = read_unvalidated(&file)?;
        // A view that cannot be read costs the view, never the plan.
        let view = view
            .and_then(|v| file_form(v, View::shape(), "").ok())
            .and_then(|v| {
                let mut problems = Vec::new();
                crate::model::shape::walk(
                    &v,
                    View::shape(),
                    &crate::model::Field::root(),
                    VERSION,
                    &mut problems,
                );
                problems.is_empty().then(|| View::read(&v)).flatten()
            })
            .unwrap_or_default();
        Ok((plan, view))
    }

    /// The walk and the read of a plan file, without `validate` (which
    /// `decode_link` runs).
    pub(super) fn read_unvalidated(file: &Value) -> Result<Plan, LinkError> {
        let mut problems = Vec::new();
        crate::model::shape::walk(
            file,
            Plan::shape(),
            &crate::model::Field::root(),
            VERSION,
            &mut problems,
        );
        if !problems.is_empty() {
            return Err(LinkError::Invalid(problems));
        }
        Plan::read(file).ok_or(LinkError::Shape {
            path: String::new(),
            problem: Packed::Fields { want: 2 },
        })
    }
}

/// JSON text with every number in its shortest exact form (`3.5e10`).
fn write_compact(v: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    match v {
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => out.push_str(&i.to_string()),
            (None, Some(x)) => out.push_str(&v1::shortest(x)),
            _ => out.push_str(&n.to_string()),
        },
        Value::Array(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_compact(x, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, x)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                write_compact(x, out);
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// Link format 1: the plan as a positional JSON array (docs/link-format.md).
mod v1 {
    use super::{LinkError, Packed};
    use crate::model::shape::{FieldInfo, Shape};
    use crate::model::*;
    use serde_json::{Map, Value};
    use std::collections::BTreeMap;

    // ---- encoding -------------------------------------------------------

    /// A compact value: what each plan field becomes.
    enum C {
        Null,
        Num(f64),
        Int(i64),
        Text(String),
        List(Vec<C>),
    }

    fn num(x: f64) -> C {
        C::Num(x)
    }
    fn int(x: impl Into<i64>) -> C {
        C::Int(x.into())
    }
    fn text(s: &str) -> C {
        C::Text(s.to_string())
    }
    fn flag(b: bool) -> C {
        C::Int(i64::from(b))
    }
    fn opt<T>(v: &Option<T>, f: impl Fn(&T) -> C) -> C {
        v.as_ref().map_or(C::Null, f)
    }
    fn list<T>(items: &[T], f: impl Fn(&T) -> C) -> C {
        C::List(items.iter().map(f).collect())
    }
    fn years(map: &BTreeMap<PlanYear, f64>) -> C {
        C::List(
            map.iter()
                .map(|(t, v)| C::List(vec![int(*t), num(*v)]))
                .collect(),
        )
    }

    /// The canonical compact text of `plan` (before packing).
    pub(super) fn compact_text(plan: &Plan) -> String {
        let mut out = String::new();
        write(&plan_c(plan), &mut out);
        out
    }

    fn plan_c(p: &Plan) -> C {
        C::List(vec![
            meta_c(&p.meta),
            macro_c(&p.macro_path),
            list(&p.revenues, revenue_c),
            list(&p.costs, cost_c),
            list(&p.programmes, programme_c),
            list(&p.donors, donor_c),
            list(&p.shocks, shock_c),
            C::List(vec![
                num(p.reserve.opening),
                num(p.reserve.target_months),
                num(p.reserve.interest_pct),
            ]),
            list(&p.criteria, criterion_c),
            opt(&p.reengagement, |r| {
                C::List(vec![num(r.trigger_pct), num(r.reserve_floor_months)])
            }),
        ])
    }

    fn meta_c(m: &Meta) -> C {
        C::List(vec![
            text(&m.name),
            text(&m.country),
            text(&m.currency),
            int(m.start_year),
            int(m.horizon_years),
            num(m.discount_rate_pct),
            num(m.exit_threshold_pct),
        ])
    }

    fn macro_c(m: &Macro) -> C {
        C::List(vec![
            num(m.gdp_base),
            num(m.real_growth_pct),
            num(m.inflation_pct),
            num(m.population_base),
            num(m.population_growth_pct),
            num(m.fx_base),
            num(m.foreign_inflation_pct),
            num(m.real_depreciation_pct),
            years(&m.overrides.real_growth_pct),
            years(&m.overrides.inflation_pct),
        ])
    }

    fn revenue_c(r: &Revenue) -> C {
        C::List(vec![
            text(&r.name),
            num(r.base),
            num(r.buoyancy),
            opt(&r.reform, |f| {
                C::List(vec![
                    int(f.start),
                    int(f.years),
                    num(f.gain_pct_gdp_per_year),
                ])
            }),
        ])
    }

    fn ramp_c(r: &Ramp) -> C {
        C::List(vec![
            num(r.from_pct),
            num(r.to_pct),
            int(r.start),
            int(r.years),
        ])
    }

    fn cost_c(c: &CostLine) -> C {
        C::List(vec![
            text(&c.name),
            num(c.base),
            flag(c.indexed),
            num(c.real_growth_pct),
            opt(&c.handover, ramp_c),
        ])
    }

    fn programme_c(p: &Programme) -> C {
        C::List(vec![
            text(&p.name),
            num(p.eligible_share_pct),
            num(p.benefit_base),
            flag(p.indexed),
            num(p.real_benefit_growth_pct),
            num(p.admin_pct),
            opt(&p.coverage, ramp_c),
        ])
    }

    fn kind_code(k: DonorKind) -> &'static str {
        match k {
            DonorKind::BudgetSupport => "b",
            DonorKind::Cofinancing => "c",
            DonorKind::GapFilling => "g",
        }
    }

    fn currency_code(c: &Currency) -> C {
        text(match c {
            Currency::Lcu => "L",
            Currency::Usd => "U",
        })
    }

    fn taper_c(t: &Taper) -> C {
        let end = |e: &Option<PlanYear>| opt(e, |y| int(*y));
        C::List(match t {
            Taper::None { end: e } => vec![text("n"), end(e)],
            Taper::Linear { start, end } => vec![text("l"), int(*start), int(*end)],
            Taper::Exponential {
                start,
                rate_pct,
                end: e,
            } => vec![text("e"), int(*start), num(*rate_pct), end(e)],
            Taper::Steps { points, end: e } => {
                vec![
                    text("s"),
                    list(points, |(t, p)| C::List(vec![int(*t), num(*p)])),
                    end(e),
                ]
            }
            Taper::Logistic {
                midpoint,
                steepness,
                end: e,
            } => {
                vec![text("g"), num(*midpoint), num(*steepness), end(e)]
            }
        })
    }

    fn donor_c(d: &Donor) -> C {
        C::List(vec![
            text(&d.name),
            text(kind_code(d.kind)),
            opt(&d.currency, currency_code),
            num(d.fulfilment_pct),
            opt(&d.base, |b| num(*b)),
            opt(&d.taper, taper_c),
            opt(&d.target, |t| text(t)),
            opt(&d.initial_country_share_pct, |x| num(*x)),
            opt(&d.step_pp, |x| num(*x)),
            opt(&d.start, |y| int(*y)),
        ])
    }

    fn shock_c(s: &Shock) -> C {
        C::List(vec![
            int(s.at),
            int(s.years),
            num(s.revenue_pct),
            num(s.donor_pct),
            num(s.cost_pct),
        ])
    }

    fn criterion_c(c: &Criterion) -> C {
        C::List(vec![
            opt(&c.name, |n| text(n)),
            text(&c.metric),
            text(c.op.as_str()),
            num(c.value),
            int(c.consecutive_years),
        ])
    }

    fn write(c: &C, out: &mut String) {
        match c {
            C::Null => out.push_str("null"),
            C::Num(x) => out.push_str(&shortest(*x)),
            C::Int(i) => out.push_str(&i.to_string()),
            C::Text(s) => write_text(s, out),
            C::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write(item, out);
                }
                out.push(']');
            }
        }
    }

    /// The shortest JSON number that reads back as exactly `x`: `3.5e10`,
    /// `0.5`, `100`. Non-finite numbers (never in a valid plan) are `null`.
    pub(super) fn shortest(x: f64) -> String {
        if !x.is_finite() {
            return "null".to_string();
        }
        let plain = format!("{x}");
        let sci = format!("{x:e}");
        if sci.len() < plain.len() {
            sci
        } else {
            plain
        }
    }

    fn write_text(s: &str, out: &mut String) {
        out.push('"');
        for ch in s.chars() {
            match ch {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
    }

    // ---- decoding -------------------------------------------------------
    //
    // Read through the plan's one definition: an object is the array of its
    // format-1 fields in declared order, every one present (`null` for an
    // absent optional one); `macro.overrides` is written as its two year
    // maps, inline. What format 1 writes its own way is the table below.
    // The plan file form this builds is then read as a file is read.

    /// Format 1's one-letter codes for the enums it does not write by name.
    const DONOR_KINDS: &[(&str, &str)] = &[
        ("b", "budget_support"),
        ("c", "cofinancing"),
        ("g", "gap_filling"),
    ];
    const CURRENCIES: &[(&str, &str)] = &[("L", "LCU"), ("U", "USD")];
    const TAPER_SHAPES: &[(&str, &str)] = &[
        ("n", "none"),
        ("l", "linear"),
        ("e", "exponential"),
        ("s", "steps"),
        ("g", "logistic"),
    ];

    fn shape(path: &str, problem: Packed) -> LinkError {
        LinkError::Shape {
            path: path.to_string(),
            problem,
        }
    }

    fn join(path: &str, field: &str) -> String {
        if path.is_empty() {
            field.to_string()
        } else {
            format!("{path}.{field}")
        }
    }

    fn fields<'a>(v: &'a Value, path: &str, n: usize) -> Result<&'a [Value], LinkError> {
        match v {
            Value::Array(items) if items.len() == n => Ok(items),
            Value::Array(items) => Err(shape(
                path,
                Packed::FieldCount {
                    want: n,
                    found: items.len(),
                },
            )),
            _ => Err(shape(path, Packed::Fields { want: n })),
        }
    }

    fn items<'a>(v: &'a Value, path: &str) -> Result<&'a [Value], LinkError> {
        match v {
            Value::Array(items) => Ok(items),
            _ => Err(shape(path, Packed::List)),
        }
    }

    fn get_num(v: &Value, path: &str) -> Result<f64, LinkError> {
        match v.as_f64() {
            Some(x) if x.is_finite() => Ok(x),
            _ => Err(shape(path, Packed::Number)),
        }
    }

    /// A plan year (or a count of years): a whole number, 0 or more.
    fn get_year(v: &Value, path: &str) -> Result<PlanYear, LinkError> {
        match v.as_f64() {
            Some(x) if x.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&x) => Ok(x as u32),
            Some(x) => Err(shape(path, Packed::NotYears { x })),
            None => Err(shape(path, Packed::Years)),
        }
    }

    fn code(
        v: &Value,
        path: &str,
        table: &[(&str, &'static str)],
        bad: Packed,
    ) -> Result<Value, LinkError> {
        v.as_str()
            .and_then(|c| table.iter().find(|(k, _)| *k == c))
            .map(|(_, name)| Value::from(*name))
            .ok_or_else(|| shape(path, bad))
    }

    /// The fields format 1 writes for an object, each with the object it
    /// belongs to in the file (`Some("overrides")` for the inlined maps).
    fn slots(fields: &'static [FieldInfo]) -> Vec<(Option<&'static str>, &'static FieldInfo)> {
        let mut out = Vec::new();
        for f in fields.iter().filter(|f| f.since <= 1) {
            match (f.name, (f.shape)()) {
                ("overrides", Shape::Object(inner)) => {
                    out.extend(inner.iter().map(|g| (Some(f.name), g)));
                }
                _ => out.push((None, f)),
            }
        }
        out
    }

    fn object(v: &Value, declared: &'static [FieldInfo], path: &str) -> Result<Value, LinkError> {
        let slots = slots(declared);
        let items = fields(v, path, slots.len())?;
        let mut o = Map::new();
        for ((parent, f), x) in slots.into_iter().zip(items) {
            if x.is_null() {
                continue;
            }
            let at = join(
                path,
                &parent.map_or(f.name.to_string(), |p| format!("{p}.{}", f.name)),
            );
            let x = value(x, (f.shape)(), &at)?;
            match parent {
                Some(p) => {
                    if let Value::Object(inner) =
                        o.entry(p).or_insert_with(|| Value::Object(Map::new()))
                    {
                        inner.insert(f.name.into(), x);
                    }
                }
                None => {
                    o.insert(f.name.into(), x);
                }
            }
        }
        Ok(Value::Object(o))
    }

    /// The plan-file value of the format-1 value `v` of `shape`.
    fn value(v: &Value, shape_: &Shape, path: &str) -> Result<Value, LinkError> {
        Ok(match shape_ {
            Shape::Number => get_num(v, path)?.into(),
            Shape::Whole => get_year(v, path)?.into(),
            Shape::CalendarYear => match v.as_f64() {
                Some(x)
                    if x.fract() == 0.0
                        && (f64::from(i32::MIN)..=f64::from(i32::MAX)).contains(&x) =>
                {
                    (x as i32).into()
                }
                Some(x) if x.fract() == 0.0 => {
                    let (min, max) = (f64::from(i32::MIN), f64::from(i32::MAX));
                    return Err(shape(path, Packed::OutOfRange { x, min, max }));
                }
                _ => return Err(shape(path, Packed::Whole)),
            },
            Shape::Text => v.as_str().ok_or_else(|| shape(path, Packed::Text))?.into(),
            Shape::Bool => match v.as_u64() {
                Some(0) => false.into(),
                Some(1) => true.into(),
                _ => return Err(shape(path, Packed::Flag)),
            },
            Shape::OneOf(names) if *names == DonorKind::NAMES => {
                code(v, path, DONOR_KINDS, Packed::KindCode)?
            }
            Shape::OneOf(names) if *names == Currency::NAMES => {
                code(v, path, CURRENCIES, Packed::CurrencyCode)?
            }
            // Comparison operators are written as they are.
            Shape::OneOf(names) => match v.as_str() {
                Some(s) if names.contains(&s) => s.into(),
                _ => return Err(shape(path, Packed::OpCode)),
            },
            Shape::Object(declared) => object(v, declared, path)?,
            Shape::List(item) => items(v, path)?
                .iter()
                .enumerate()
                .map(|(i, x)| value(x, item(), &format!("{path}[{i}]")))
                .collect::<Result<Vec<_>, _>>()?
                .into(),
            Shape::YearMap => {
                let mut map = Map::new();
                for (i, pair) in items(v, path)?.iter().enumerate() {
                    let p = format!("{path}[{i}]");
                    let f = fields(pair, &p, 2)?;
                    let t = get_year(&f[0], &p)?;
                    if map
                        .insert(t.to_string(), get_num(&f[1], &p)?.into())
                        .is_some()
                    {
                        return Err(shape(&p, Packed::YearTwice { t }));
                    }
                }
                Value::Object(map)
            }
            Shape::Pair => {
                let f = fields(v, path, 2)?;
                Value::Array(vec![
                    get_year(&f[0], path)?.into(),
                    get_num(&f[1], path)?.into(),
                ])
            }
            Shape::Tagged(t) => {
                let first = v.as_array().and_then(|a| a.first()).unwrap_or(&Value::Null);
                let name = code(first, path, TAPER_SHAPES, Packed::TaperCode)?;
                let var = t
                    .variants
                    .iter()
                    .find(|var| name.as_str() == Some(var.name));
                let var_fields: Vec<&FieldInfo> = var.map_or(Vec::new(), |var| {
                    var.fields.iter().filter(|f| f.since <= 1).collect()
                });
                let f = fields(v, path, 1 + var_fields.len())?;
                let mut o = Map::new();
                o.insert(t.tag.into(), name);
                for (g, x) in var_fields.into_iter().zip(&f[1..]) {
                    if !x.is_null() {
                        o.insert(g.name.into(), value(x, (g.shape)(), &join(path, g.name))?);
                    }
                }
                Value::Object(o)
            }
            // Not in format 1.
            Shape::Seed | Shape::Changes(_) => v.clone(),
        })
    }

    /// The plan in the unpacked text of a format-1 link, unvalidated.
    pub(super) fn decode(bytes: &[u8]) -> Result<Plan, LinkError> {
        let parsed: Value = serde_json::from_slice(bytes).map_err(|e| {
            if e.is_eof() {
                LinkError::Truncated
            } else {
                shape(
                    "",
                    Packed::Unreadable {
                        reason: e.to_string(),
                    },
                )
            }
        })?;
        let mut file = object(&parsed, super::v2::plan_fields(), "")?;
        if let Value::Object(o) = &mut file {
            o.insert("format".into(), FORMAT.into());
            o.insert("version".into(), VERSION.into());
        }
        super::v2::read_unvalidated(&file)
    }
}

/// The unpacked compact text of a plan (link format 1), for tests and for
/// the format documentation.
pub fn compact_text(plan: &Plan) -> String {
    v2::compact_text(plan, &View::default())
}

/// The compact text of link format 1, which this release still reads.
pub fn compact_text_v1(plan: &Plan) -> String {
    v1::compact_text(plan)
}

/// The plan and view in unpacked link-format-2 text, unvalidated (for fuzzing).
#[doc(hidden)]
pub fn decode_compact_text_v2(text: &[u8]) -> Result<(Plan, View), LinkError> {
    if text.len() > MAX_INFLATED_BYTES {
        return Err(LinkError::TooLarge {
            limit_bytes: MAX_INFLATED_BYTES,
        });
    }
    v2::decode(text)
}

/// The plan in unpacked link-format-1 text, unvalidated: the inner step of
/// `decode_link`, public so fuzzing can reach it past the checksum.
#[doc(hidden)]
pub fn decode_compact_text(text: &[u8]) -> Result<Plan, LinkError> {
    if text.len() > MAX_INFLATED_BYTES {
        return Err(LinkError::TooLarge {
            limit_bytes: MAX_INFLATED_BYTES,
        });
    }
    v1::decode(text)
}

/// The shortest JSON number reading back as exactly `x` (`3.5e10`, `0.5`).
pub fn shortest_number(x: f64) -> String {
    v1::shortest(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortest_numbers() {
        assert_eq!(shortest_number(3.5e10), "3.5e10");
        assert_eq!(shortest_number(0.5), "0.5");
        assert_eq!(shortest_number(100.0), "100");
        assert_eq!(shortest_number(1e-7), "1e-7");
        assert_eq!(shortest_number(-2.0), "-2");
        assert_eq!(shortest_number(f64::NAN), "null");
    }

    #[test]
    fn tags() {
        assert_eq!(version_of("1"), Ok(1));
        assert_eq!(version_of("2"), Ok(2));
        assert_eq!(version_of("3"), Err(LinkError::Newer { version: 3 }));
        assert!(matches!(version_of("0"), Err(LinkError::UnknownTag { .. })));
        assert!(matches!(
            version_of("v1"),
            Err(LinkError::UnknownTag { .. })
        ));
        assert!(matches!(
            version_of("99999999999"),
            Err(LinkError::UnknownTag { .. })
        ));
    }

    #[test]
    fn payload_forms() {
        assert_eq!(payload_of("https://x.org/a?b=c#plan=1.AB"), (25, "1.AB"));
        assert_eq!(payload_of("#plan=1.AB"), (6, "1.AB"));
        assert_eq!(payload_of("plan=1.AB"), (5, "1.AB"));
        assert_eq!(payload_of("1.AB"), (0, "1.AB"));
        assert_eq!(payload_of("#tab=x&plan=1.AB"), (12, "1.AB"));
    }
}
