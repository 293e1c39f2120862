//! Plan files: export a plan as the MODEL.md JSON file (pretty, the file the
//! command-line evaluator reads) and import one, refusing oversized or
//! non-text files and listing every problem of an invalid plan.
//!
//! Not for: share links (`codec::link`), the autosave record
//! (`codec::storage`) or triggering the download itself (`codec::browser`).

use std::fmt;

use crate::model::{self, problem_lines, Lang, Plan, Problem, Text};

/// The largest plan file imported. A plan with hundreds of items is well
/// under 1 MiB; a bigger file is refused before it is read.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// The MIME type of an exported plan.
pub const MIME_TYPE: &str = "application/json";

/// Why a file could not be imported. `Display` is the message to show.
#[derive(Clone, Debug, PartialEq)]
pub enum FileError {
    /// The file is empty (or only white space).
    Empty,
    /// Bigger than `MAX_FILE_BYTES`.
    TooLarge { bytes: usize },
    /// Not UTF-8 text; `at` is the 0-based offset of the first bad byte.
    NotText { at: usize },
    /// Read as JSON but not a valid plan: every problem, by path.
    Problems(Vec<Problem>),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Empty => write!(f, "The file is empty: a plan file is a JSON document exported from Sunset Planner."),
            FileError::TooLarge { bytes } => write!(
                f,
                "The file is too large for a plan ({} KiB; a plan file is at most {} KiB). Choose the .json file exported from Sunset Planner.",
                bytes.div_ceil(1024),
                MAX_FILE_BYTES / 1024
            ),
            FileError::NotText { at } => write!(
                f,
                "The file is not a text file (byte {} is not UTF-8 text). Choose the .json file exported from Sunset Planner.",
                at + 1
            ),
            FileError::Problems(problems) => {
                let n = problems.len();
                write!(f, "The file is not a valid plan ({n} problem{}):{}", plural(n), problem_lines(problems, Lang::En))
            }
        }
    }
}

impl Text for FileError {
    fn en(&self) -> String {
        self.to_string()
    }

    /// The message in French, as `Display` gives it in English.
    fn fr(&self) -> String {
        match self {
            FileError::Empty => "Le fichier est vide : un fichier de plan est un document JSON exporté depuis Sunset Planner.".into(),
            FileError::TooLarge { bytes } => format!(
                "Le fichier est trop volumineux pour un plan ({} Kio ; un fichier de plan fait au plus {} Kio). Choisissez le fichier .json exporté depuis Sunset Planner.",
                bytes.div_ceil(1024),
                MAX_FILE_BYTES / 1024
            ),
            FileError::NotText { at } => format!(
                "Le fichier n’est pas un fichier texte (l’octet {} n’est pas du texte UTF-8). Choisissez le fichier .json exporté depuis Sunset Planner.",
                at + 1
            ),
            FileError::Problems(problems) => {
                let n = problems.len();
                format!("Le fichier n’est pas un plan valide ({n} problème{}) :{}", plural(n), problem_lines(problems, Lang::Fr))
            }
        }
    }
}

impl std::error::Error for FileError {}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The plan as a pretty-printed MODEL.md JSON file, ending in a newline.
pub fn export_json(plan: &Plan) -> String {
    match serde_json::to_string_pretty(&model::plan_to_value(plan)) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // A plan has only strings, numbers and maps with whole-number keys,
        // which always serialise; this arm is never taken.
        Err(e) => format!("{{\"error\": {:?}}}\n", e.to_string()),
    }
}

/// A file name for the exported plan: `sunset-plan-<name>.json`, the name
/// reduced to lower-case ASCII letters, digits and dashes.
pub fn file_name(plan: &Plan) -> String {
    file_name_with(&plan.meta.name, slug_lowercase)
}

/// The file-name rule with `lower` for the lower case (tests compare
/// `slug_lowercase` with Unicode's full table).
fn file_name_with<I: Iterator<Item = char>>(name: &str, lower: impl Fn(char) -> I) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(lower) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "sunset-plan.json".to_string()
    } else {
        format!("sunset-plan-{slug}.json")
    }
}

/// `char::to_lowercase` as far as `file_name` can tell: it keeps ASCII
/// letters and digits and turns anything else into a dash, and the only
/// non-ASCII characters whose lower case holds an ASCII letter are "İ"
/// ("i" and a combining dot) and the Kelvin sign ("k"). Leaves Unicode's
/// case tables (about 12 KB) out of the wasm.
fn slug_lowercase(c: char) -> impl Iterator<Item = char> {
    let (chars, n) = match c {
        '\u{130}' => (['i', '\u{307}'], 2),
        '\u{212a}' => (['k', 'k'], 1),
        c => ([c.to_ascii_lowercase(), c], 1),
    };
    chars.into_iter().take(n)
}

/// A plan from the bytes of a file (picked or dropped): size cap, UTF-8
/// (a byte-order mark is skipped), then `model::parse_plan`.
pub fn import_bytes(bytes: &[u8]) -> Result<Plan, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| FileError::NotText {
        at: e.valid_up_to(),
    })?;
    import_text(text)
}

/// A plan from the text of a file: size cap, then `model::parse_plan`.
pub fn import_text(text: &str) -> Result<Plan, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    model::parse_plan(text).map_err(FileError::Problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let text = r#"{"format":"sunset-plan","version":1,
            "meta":{"name":"Gap & Grants: 2026 <draft>","start_year":2026,"horizon_years":3},
            "macro":{"gdp_base":1e11,"population_base":1e6}}"#;
        model::parse_plan(text).expect("test plan")
    }

    #[test]
    fn export_then_import_is_exact() {
        let p = plan();
        let text = export_json(&p);
        assert!(text.ends_with("}\n"));
        assert_eq!(import_text(&text), Ok(p.clone()));
        assert_eq!(import_bytes(format!("\u{feff}{text}").as_bytes()), Ok(p));
    }

    #[test]
    fn names_files_after_the_plan() {
        assert_eq!(file_name(&plan()), "sunset-plan-gap-grants-2026-draft.json");
        let mut p = plan();
        p.meta.name = "<<>>".into();
        assert_eq!(file_name(&p), "sunset-plan.json");
    }

    #[test]
    fn names_files_as_unicode_lower_case_would() {
        // The slug rule against the full Unicode lower case, for every character.
        let mut p = plan();
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            for name in [
                format!("{c}"),
                format!("a{c}B{c}"),
                format!("{}{c}x", "y".repeat(38)),
            ] {
                p.meta.name = name;
                assert_eq!(
                    file_name(&p),
                    file_name_with(&p.meta.name, char::to_lowercase),
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn refuses_bad_files_clearly() {
        assert_eq!(import_text("  \n"), Err(FileError::Empty));
        let big = vec![b' '; MAX_FILE_BYTES + 1];
        assert_eq!(
            import_bytes(&big),
            Err(FileError::TooLarge {
                bytes: MAX_FILE_BYTES + 1
            })
        );
        assert_eq!(import_bytes(b"{\"a\xff"), Err(FileError::NotText { at: 3 }));
        let e = import_text("{\"format\": 3}").expect_err("not a plan");
        assert!(matches!(e, FileError::Problems(ref p) if !p.is_empty()));
        assert!(
            e.to_string().starts_with("The file is not a valid plan"),
            "{e}"
        );
    }
}
