//! Where the plan lives outside the page: the URL fragment and local
//! storage. `boot` runs once before the first render and decides which plan
//! opens (the codec's `storage::startup` rule); the rest are the small
//! reads and writes the `PlanKeeper` component makes as the plan changes.
//!
//! Not for: formats (the codec owns them) or anything drawn.

use crate::both;
use crate::codec::browser;
use crate::codec::link;
use crate::codec::storage::{self, Record, Source};
use crate::model::{self, Plan};
use crate::ui::i18n::Message;

/// What start-up found, for the first render and the banners.
#[derive(Debug, PartialEq)]
pub struct Boot {
    pub plan: Plan,
    pub source: Source,
    /// Why the link in the address could not be opened.
    pub link_error: Option<Message>,
    /// Why the saved plan was set aside (kept under its own key).
    pub saved_error: Option<Message>,
    /// Local storage refused (blocked, full).
    pub storage_error: Option<Message>,
    /// The local plan a link replaced, offered back.
    pub previous: Option<Plan>,
}

/// The fragment (without `#`) that carries `plan`.
pub fn fragment_for(plan: &Plan) -> String {
    format!("{}={}", link::FRAGMENT_KEY, link::encode_link(plan))
}

/// The full share address of `plan` on this page.
pub fn share_url(plan: &Plan) -> String {
    link::link_url(&browser::page_url().unwrap_or_default(), plan)
}

/// Reads the address and storage, applies the start-up moves and decides
/// the plan that opens. Never panics; every refusal becomes a message.
pub fn boot() -> Boot {
    let mut storage_error = None;
    let mut read = |key: &str| match browser::storage_get(key) {
        Ok(v) => v,
        Err(e) => {
            storage_error = Some(both!(e));
            None
        }
    };
    let saved = read(storage::KEY_CURRENT);
    let previous = read(storage::KEY_PREVIOUS);
    let fragment = browser::fragment();
    let s = storage::startup(
        saved.as_deref(),
        previous.as_deref(),
        &fragment,
        model::default_plan,
    );
    if storage_error.is_none() {
        if let Err(e) = browser::apply_moves(&s.moves) {
            storage_error = Some(both!(e));
        }
    }
    // A link that opens becomes the working plan, so a bare visit tomorrow
    // finds it; the plan it replaced is already kept under KEY_PREVIOUS.
    let saved_plan = saved
        .as_deref()
        .and_then(|t| storage::parse_record(t).ok())
        .map(|r| r.plan);
    if s.source == Source::Link && saved_plan.as_ref() != Some(&s.plan) && storage_error.is_none() {
        if let Err(e) = save(&s.plan) {
            storage_error = Some(e);
        }
    }
    // The address bar always shares what is on screen, except a link that
    // failed: it stays, so the person can see and report what they opened.
    if s.link_error.is_none() {
        let _ = browser::replace_fragment(&fragment_for(&s.plan));
    }
    Boot {
        plan: s.plan,
        source: s.source,
        link_error: s.link_error.map(|e| both!(e)),
        saved_error: s.saved_error.map(|e| both!(e)),
        storage_error,
        previous: s.previous.map(|r| r.plan),
    }
}

/// Saves `plan` as the working plan; the message says why not.
pub fn save(plan: &Plan) -> Result<(), Message> {
    let record = Record {
        saved_at_ms: js_sys::Date::now().max(0.0) as u64,
        // The shell has no tabs of its own yet.
        tab: String::new(),
        plan: plan.clone(),
    };
    browser::storage_set(storage::KEY_CURRENT, &storage::record_json(&record)).map_err(|e| both!(e))
}

/// The plan another tab just saved, from a `storage` event's new value.
pub fn plan_of_record(text: &str) -> Option<Plan> {
    storage::parse_record(text).ok().map(|r| r.plan)
}

/// Keeps `plan` as the plan offered back ("Your previous plan").
pub fn keep_previous(plan: &Plan) -> Result<(), Message> {
    let record = Record {
        saved_at_ms: js_sys::Date::now().max(0.0) as u64,
        tab: String::new(),
        plan: plan.clone(),
    };
    browser::storage_set(storage::KEY_PREVIOUS, &storage::record_json(&record))
        .map_err(|e| both!(e))
}

/// A link put in the address of the open page (pasted, or a link to this
/// page followed): `None` when the fragment carries no plan or the plan on
/// screen, else the plan or why it does not open.
pub fn pasted_link(current: &Plan) -> Option<Result<Plan, Message>> {
    let fragment = browser::fragment();
    let has_plan = fragment.split('&').any(|part| {
        part.trim_start()
            .starts_with(&format!("{}=", link::FRAGMENT_KEY))
    });
    if !has_plan || fragment == fragment_for(current) {
        return None;
    }
    match link::decode_link(&fragment) {
        Ok(plan) if plan == *current => None,
        Ok(plan) => Some(Ok(plan)),
        Err(e) => Some(Err(both!(e))),
    }
}

/// Forgets the plan offered back.
pub fn drop_previous() {
    let _ = browser::storage_remove(storage::KEY_PREVIOUS);
}
