//! The autosave record and the start-up restore rule, as pure functions.
//!
//! For: the text stored under each local-storage key (a versioned envelope
//! around a MODEL.md plan), reading it back with clear errors for corrupt or
//! foreign data, and deciding on start-up which plan opens given the saved
//! record and a link in the URL. The rule: a link always opens; a saved
//! plan that differs from it is kept under `KEY_PREVIOUS` and offered back
//! ("Your previous plan"), never overwritten; an unreadable record is kept
//! under `KEY_UNREADABLE`, never overwritten in silence.
//!
//! Not for: touching local storage itself (`codec::browser` does that; the
//! app applies `Startup::moves` before its first autosave).

use std::fmt;

use serde_json::{json, Value};

use crate::codec::link::{self, LinkError};
use crate::model::{self, problem_lines, Lang, Plan, Problem, Text};

/// The `app` value of every record.
pub const APP: &str = "sunset-planner";
/// The record version this release writes and reads.
pub const RECORD_VERSION: u64 = 1;
/// The plan being worked on, saved as it changes.
pub const KEY_CURRENT: &str = "sunset-planner/current";
/// The plan a link replaced, offered back until the user restores or
/// dismisses it.
pub const KEY_PREVIOUS: &str = "sunset-planner/previous";
/// A record this release could not read (damaged, or written by a newer
/// release), kept aside rather than overwritten.
pub const KEY_UNREADABLE: &str = "sunset-planner/unreadable";
/// The largest record read.
pub const MAX_RECORD_BYTES: usize = 2 * 1024 * 1024;

/// One saved plan with what the app needs to resume it.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// When it was saved, milliseconds since 1970 (JavaScript `Date.now()`).
    pub saved_at_ms: u64,
    /// The tab that was open (the UI's own name for it).
    pub tab: String,
    pub plan: Plan,
}

/// Why a stored record could not be read. `Display` is the message to show.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordError {
    TooLarge {
        bytes: usize,
    },
    /// Not JSON at all (damaged, or written by something else).
    NotJson,
    /// JSON, but not a Sunset Planner record.
    Foreign,
    /// Written by a newer release (record version greater than ours).
    Newer {
        record: u64,
    },
    /// A Sunset Planner record with a missing or wrong field.
    Malformed {
        field: &'static str,
    },
    /// The plan inside is not valid (e.g. the rules changed).
    Plan(Vec<Problem>),
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::TooLarge { bytes } => {
                write!(f, "The saved plan is too large to read ({} KiB).", bytes.div_ceil(1024))
            }
            RecordError::NotJson => write!(f, "The saved plan is damaged and cannot be read."),
            RecordError::Foreign => write!(f, "The saved data does not come from Sunset Planner."),
            RecordError::Newer { record } => write!(
                f,
                "The saved plan was written by a newer release of Sunset Planner (record version {record}; this release reads {RECORD_VERSION})."
            ),
            RecordError::Malformed { field } => {
                write!(f, "The saved plan is damaged: its \"{field}\" is missing or wrong.")
            }
            RecordError::Plan(problems) => {
                write!(f, "The saved plan is not valid:{}", problem_lines(problems, Lang::En))
            }
        }
    }
}

impl Text for RecordError {
    fn en(&self) -> String {
        self.to_string()
    }

    /// The message in French, as `Display` gives it in English.
    fn fr(&self) -> String {
        match self {
            RecordError::TooLarge { bytes } => {
                format!("Le plan enregistré est trop volumineux pour être lu ({} Kio).", bytes.div_ceil(1024))
            }
            RecordError::NotJson => "Le plan enregistré est endommagé et ne peut pas être lu.".into(),
            RecordError::Foreign => "Les données enregistrées ne proviennent pas de Sunset Planner.".into(),
            RecordError::Newer { record } => format!(
                "Le plan enregistré a été écrit par une version plus récente de Sunset Planner (version d’enregistrement {record} ; cette version lit la {RECORD_VERSION})."
            ),
            RecordError::Malformed { field } => {
                format!("Le plan enregistré est endommagé : son champ « {field} » est absent ou incorrect.")
            }
            RecordError::Plan(problems) => {
                format!("Le plan enregistré n’est pas valide :{}", problem_lines(problems, Lang::Fr))
            }
        }
    }
}

impl std::error::Error for RecordError {}

/// The stored text of a record:
/// `{"app":"sunset-planner","record":1,"saved_at_ms":…,"tab":"…","plan":{…}}`
/// with the plan in the MODEL.md file format.
pub fn record_json(record: &Record) -> String {
    let plan = model::plan_to_value(&record.plan);
    json!({
        "app": APP,
        "record": RECORD_VERSION,
        "saved_at_ms": record.saved_at_ms,
        "tab": record.tab,
        "plan": plan,
    })
    .to_string()
}

/// A record from its stored text; never panics.
pub fn parse_record(text: &str) -> Result<Record, RecordError> {
    if text.len() > MAX_RECORD_BYTES {
        return Err(RecordError::TooLarge { bytes: text.len() });
    }
    // from_slice: the one JSON reader the app uses (see model::parse_plan).
    let value: Value = serde_json::from_slice(text.as_bytes()).map_err(|_| RecordError::NotJson)?;
    let Value::Object(fields) = value else {
        return Err(RecordError::Foreign);
    };
    if fields.get("app").and_then(Value::as_str) != Some(APP) {
        return Err(RecordError::Foreign);
    }
    match fields.get("record").and_then(Value::as_u64) {
        Some(RECORD_VERSION) => {}
        Some(v) if v > RECORD_VERSION => return Err(RecordError::Newer { record: v }),
        _ => return Err(RecordError::Malformed { field: "record" }),
    }
    let saved_at_ms =
        fields
            .get("saved_at_ms")
            .and_then(Value::as_u64)
            .ok_or(RecordError::Malformed {
                field: "saved_at_ms",
            })?;
    let tab = match fields.get("tab") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err(RecordError::Malformed { field: "tab" }),
    };
    let plan = match fields.get("plan") {
        Some(p @ Value::Object(_)) => {
            model::parse_plan(&p.to_string()).map_err(RecordError::Plan)?
        }
        _ => return Err(RecordError::Malformed { field: "plan" }),
    };
    Ok(Record {
        saved_at_ms,
        tab,
        plan,
    })
}

/// Where the plan that opens came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Link,
    Saved,
    Default,
}

/// Copy the stored text under `from` to `to` (overwriting `to`), before
/// the first autosave writes `KEY_CURRENT`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Move {
    pub from: &'static str,
    pub to: &'static str,
}

/// What the app does on start-up.
#[derive(Clone, Debug, PartialEq)]
pub struct Startup {
    /// The plan to open.
    pub plan: Plan,
    pub source: Source,
    /// The tab to show, when the saved record said (and it opens).
    pub tab: Option<String>,
    /// A plan to offer back ("Your previous plan"), after the moves.
    pub previous: Option<Record>,
    /// Storage copies to make, in order, before the first autosave.
    pub moves: Vec<Move>,
    /// Why the link did not open, if a link was given and failed.
    pub link_error: Option<LinkError>,
    /// Why the saved record was set aside, if it was.
    pub saved_error: Option<RecordError>,
}

/// The start-up decision, from what is stored under `KEY_CURRENT` and
/// `KEY_PREVIOUS` and the URL fragment (without or with `#`; empty or
/// without `plan=` means no link):
///
/// - a link that opens always opens. A saved plan that differs from it is
///   moved to `KEY_PREVIOUS` and offered back; one equal to it keeps its tab.
/// - a link that fails is reported and changes nothing stored; the saved
///   plan (or the default) opens.
/// - an unreadable saved record is moved to `KEY_UNREADABLE` and reported.
/// - a readable `KEY_PREVIOUS` record is offered back until dismissed.
///
/// `default_plan` is called only when neither a link nor a saved plan opens.
pub fn startup(
    saved: Option<&str>,
    previous: Option<&str>,
    fragment: &str,
    default_plan: impl FnOnce() -> Plan,
) -> Startup {
    let saved = saved.filter(|s| !s.trim().is_empty()).map(parse_record);
    let link = fragment_link(fragment).map(link::decode_link);
    let mut moves = Vec::new();
    let mut previous = previous.and_then(|p| parse_record(p).ok());
    let (saved_record, saved_error) = match saved {
        Some(Ok(r)) => (Some(r), None),
        Some(Err(e)) => {
            moves.push(Move {
                from: KEY_CURRENT,
                to: KEY_UNREADABLE,
            });
            (None, Some(e))
        }
        None => (None, None),
    };
    let (link_plan, link_error) = match link {
        Some(Ok(plan)) => (Some(plan), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    let (plan, source, tab) = match (link_plan, saved_record) {
        (Some(plan), Some(saved)) if saved.plan == plan => (plan, Source::Link, Some(saved.tab)),
        (Some(plan), Some(saved)) => {
            moves.push(Move {
                from: KEY_CURRENT,
                to: KEY_PREVIOUS,
            });
            previous = Some(saved);
            (plan, Source::Link, None)
        }
        (Some(plan), None) => (plan, Source::Link, None),
        (None, Some(saved)) => (saved.plan, Source::Saved, Some(saved.tab)),
        (None, None) => (default_plan(), Source::Default, None),
    };
    // Nothing to offer back if it is the plan that opens.
    let previous = previous.filter(|p| p.plan != plan);
    Startup {
        plan,
        source,
        tab,
        previous,
        moves,
        link_error,
        saved_error,
    }
}

/// The link part of a URL fragment, if it carries a plan.
fn fragment_link(fragment: &str) -> Option<&str> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    let has_plan = f.split('&').any(|part| {
        part.trim_start()
            .starts_with(&format!("{}=", link::FRAGMENT_KEY))
    });
    has_plan.then_some(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(name: &str) -> Plan {
        let text = format!(
            r#"{{"format":"sunset-plan","version":1,"meta":{{"name":"{name}","start_year":2026,"horizon_years":5}},
               "macro":{{"gdp_base":1e11,"population_base":1e6}}}}"#
        );
        model::parse_plan(&text).expect("test plan")
    }

    fn stored(name: &str, tab: &str) -> String {
        record_json(&Record {
            saved_at_ms: 1_700_000_000_000,
            tab: tab.into(),
            plan: plan(name),
        })
    }

    fn fragment(name: &str) -> String {
        format!("#plan={}", link::encode_link(&plan(name)))
    }

    #[test]
    fn record_round_trips() {
        let r = Record {
            saved_at_ms: 42,
            tab: "chart".into(),
            plan: plan("A <b>"),
        };
        let text = record_json(&r);
        assert!(text.starts_with(r#"{"app":"sunset-planner","#), "{text}");
        assert_eq!(parse_record(&text), Ok(r));
    }

    #[test]
    fn bad_records_are_named() {
        assert_eq!(parse_record("{not json"), Err(RecordError::NotJson));
        assert_eq!(parse_record("[1,2]"), Err(RecordError::Foreign));
        assert_eq!(
            parse_record(r#"{"app":"other","record":1}"#),
            Err(RecordError::Foreign)
        );
        assert_eq!(
            parse_record(r#"{"app":"sunset-planner","record":9}"#),
            Err(RecordError::Newer { record: 9 })
        );
        assert_eq!(
            parse_record(r#"{"app":"sunset-planner","record":"1"}"#),
            Err(RecordError::Malformed { field: "record" })
        );
        assert_eq!(
            parse_record(r#"{"app":"sunset-planner","record":1,"saved_at_ms":-5,"plan":{}}"#),
            Err(RecordError::Malformed {
                field: "saved_at_ms"
            })
        );
        assert_eq!(
            parse_record(r#"{"app":"sunset-planner","record":1,"saved_at_ms":5,"plan":[]}"#),
            Err(RecordError::Malformed { field: "plan" })
        );
        let e = parse_record(
            r#"{"app":"sunset-planner","record":1,"saved_at_ms":5,"plan":{"format":1}}"#,
        );
        assert!(matches!(e, Err(RecordError::Plan(_))), "{e:?}");
        assert!(parse_record(&" ".repeat(MAX_RECORD_BYTES + 1)).is_err());
    }

    #[test]
    fn nothing_stored_no_link_opens_the_default() {
        let s = startup(None, None, "", || plan("default"));
        assert_eq!(
            (s.source, s.plan.meta.name.as_str()),
            (Source::Default, "default")
        );
        assert!(s.moves.is_empty() && s.previous.is_none());
    }

    #[test]
    fn saved_plan_reopens_with_its_tab() {
        let s = startup(Some(&stored("mine", "donors")), None, "#", || {
            plan("default")
        });
        assert_eq!(s.source, Source::Saved);
        assert_eq!(s.plan, plan("mine"));
        assert_eq!(s.tab.as_deref(), Some("donors"));
        assert!(s.moves.is_empty());
    }

    #[test]
    fn a_link_opens_and_a_different_saved_plan_is_kept_and_offered() {
        let s = startup(
            Some(&stored("mine", "donors")),
            None,
            &fragment("shared"),
            || plan("default"),
        );
        assert_eq!(s.source, Source::Link);
        assert_eq!(s.plan, plan("shared"));
        assert_eq!(
            s.moves,
            vec![Move {
                from: KEY_CURRENT,
                to: KEY_PREVIOUS
            }]
        );
        assert_eq!(s.previous.map(|r| r.plan), Some(plan("mine")));
    }

    #[test]
    fn a_link_equal_to_the_saved_plan_moves_nothing() {
        let s = startup(
            Some(&stored("same", "chart")),
            None,
            &fragment("same"),
            || plan("default"),
        );
        assert_eq!(s.source, Source::Link);
        assert!(s.moves.is_empty() && s.previous.is_none());
        assert_eq!(s.tab.as_deref(), Some("chart"));
    }

    #[test]
    fn a_broken_link_is_reported_and_touches_nothing() {
        let s = startup(Some(&stored("mine", "t")), None, "#plan=1.eJyr", || {
            plan("default")
        });
        assert_eq!(s.source, Source::Saved);
        assert_eq!(s.plan, plan("mine"));
        assert!(s.moves.is_empty());
        assert_eq!(s.link_error.map(|e| e.kind()), Some("truncated"));
    }

    #[test]
    fn an_unreadable_save_is_kept_aside_and_reported() {
        let newer = r#"{"app":"sunset-planner","record":2,"plan":{}}"#;
        let s = startup(Some(newer), None, "", || plan("default"));
        assert_eq!(s.source, Source::Default);
        assert_eq!(
            s.moves,
            vec![Move {
                from: KEY_CURRENT,
                to: KEY_UNREADABLE
            }]
        );
        assert_eq!(s.saved_error, Some(RecordError::Newer { record: 2 }));
        let s = startup(Some("garbage"), None, &fragment("shared"), || {
            plan("default")
        });
        assert_eq!(s.source, Source::Link);
        assert_eq!(
            s.moves,
            vec![Move {
                from: KEY_CURRENT,
                to: KEY_UNREADABLE
            }]
        );
    }

    #[test]
    fn a_previous_plan_stays_on_offer_until_dismissed() {
        let s = startup(
            Some(&stored("shared", "t")),
            Some(&stored("mine", "t")),
            "",
            || plan("default"),
        );
        assert_eq!(s.source, Source::Saved);
        assert_eq!(s.previous.map(|r| r.plan), Some(plan("mine")));
        // ...but not when it is the plan that opens.
        let s = startup(
            Some(&stored("mine", "t")),
            Some(&stored("mine", "t")),
            "",
            || plan("default"),
        );
        assert!(s.previous.is_none());
    }

    #[test]
    fn other_fragments_are_not_links() {
        let s = startup(Some(&stored("mine", "t")), None, "#tab=chart", || {
            plan("default")
        });
        assert_eq!(s.source, Source::Saved);
        assert!(s.link_error.is_none());
    }
}
