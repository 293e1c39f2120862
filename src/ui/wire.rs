//! What the app and its extras say to each other. The extras (the
//! uncertainty results and goal seek, the presenter view, the comparison and
//! the room summary) are a second wasm module that loads after the first
//! paint, so they cost the first load nothing. The app marks where each
//! extra goes with a host element that carries a message (what to show);
//! the extras draw there and send back requests (what to change), which the
//! app's reducer carries out like any other action.
//!
//! Messages are text, both ways. The presenter, the comparison and the room
//! read the audience window's message (`workshop::audience_message`); the
//! uncertainty results and the files panel read `results_message`. Requests are
//! `request_text` / `read_request`. No web API: tested on the host.

use std::rc::Rc;

use serde_json::{json, Value};

use crate::model::{plan_to_value, Node, Plan, Scenario};
use crate::ui::edit::Optional;
use crate::ui::format::DisplayCurrency;
use crate::ui::i18n::Lang;
use crate::ui::state::{Action, ScenarioOp};
use crate::ui::workshop::Cue;

/// The message of the uncertainty results and of the files panel: the
/// uncertainty results get the plan on screen (valid) with `shown` `None`;
/// the files panel gets the whole plan and the scenario on screen. Also
/// whether a slider is being dragged (a quick preview run) and whether the
/// results are kept from an earlier plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    pub plan: Rc<Plan>,
    pub shown: Option<usize>,
    pub sliding: bool,
    pub stale: bool,
    pub lang: Lang,
    pub currency: DisplayCurrency,
}

fn currency_code(c: DisplayCurrency) -> &'static str {
    match c {
        DisplayCurrency::Local => "LCU",
        DisplayCurrency::Usd => "USD",
    }
}

/// The message for `Results` (the plan as its file's JSON: no compression,
/// as it is sent at every step of a drag).
pub fn results_message(r: &Results) -> String {
    json!({
        "plan": plan_to_value(&r.plan),
        "shown": r.shown,
        "sliding": r.sliding,
        "stale": r.stale,
        "lang": r.lang.code(),
        "currency": currency_code(r.currency),
    })
    .to_string()
}

/// Reads `results_message`; `None` for anything else.
pub fn read_results(text: &str) -> Option<Results> {
    let v: Value = serde_json::from_str(text).ok()?;
    Some(Results {
        // From the app itself: read as it is, problems and all.
        plan: Rc::new(Plan::read(&v["plan"])?),
        shown: v["shown"].as_u64().map(|i| i as usize),
        sliding: v["sliding"].as_bool()?,
        stale: v["stale"].as_bool()?,
        lang: Lang::from_code(v["lang"].as_str()?)?,
        currency: match v["currency"].as_str()? {
            "USD" => DisplayCurrency::Usd,
            _ => DisplayCurrency::Local,
        },
    })
}

/// The message of the printed brief's header (the date and the QR code):
/// the language and the share link, "en https://…". A link has no space.
pub fn brief_link_message(lang: Lang, url: &str) -> String {
    format!("{} {}", lang.code(), url)
}

/// Reads `brief_link_message`: the language and the link.
pub fn read_brief_link(text: &str) -> Option<(Lang, String)> {
    let (code, url) = text.split_once(' ')?;
    Some((Lang::from_code(code)?, url.to_string()))
}

fn cue_name(c: Cue) -> String {
    match c {
        Cue::Prev => "prev".into(),
        Cue::Next => "next".into(),
        Cue::Jump(k) => format!("jump {k}"),
        Cue::Compare => "compare".into(),
        Cue::Predict => "predict".into(),
        Cue::Reveal => "reveal".into(),
        Cue::Qr => "qr".into(),
        Cue::Leave => "leave".into(),
    }
}

fn cue_of(name: &str) -> Option<Cue> {
    Some(match name {
        "prev" => Cue::Prev,
        "next" => Cue::Next,
        "compare" => Cue::Compare,
        "predict" => Cue::Predict,
        "reveal" => Cue::Reveal,
        "qr" => Cue::Qr,
        "leave" => Cue::Leave,
        _ => Cue::Jump(name.strip_prefix("jump ")?.parse().ok()?),
    })
}

/// The text of a request from the extras: the actions they may ask for (a
/// presenter command, a plan to load, a scenario to add, the Monte Carlo
/// run switched on). `None` for any
/// other action, which the extras never send.
pub fn request_text(a: &Action) -> Option<String> {
    let v = match a {
        Action::Cue(c) => json!({ "cue": cue_name(*c) }),
        // The results' "show the range of outcomes".
        Action::Toggle(Optional::Uncertainty) => json!({ "toggle": "uncertainty" }),
        Action::Load(plan) => json!({ "load": plan_to_value(plan) }),
        Action::Scenario(ScenarioOp::Add(s)) => json!({ "add_scenario": s.write() }),
        _ => return None,
    };
    Some(v.to_string())
}

/// The action a request asks for; `None` when the text is no request.
pub fn read_request(text: &str) -> Option<Action> {
    let v: Value = serde_json::from_str(text).ok()?;
    if v.get("toggle").and_then(Value::as_str) == Some("uncertainty") {
        return Some(Action::Toggle(Optional::Uncertainty));
    }
    if let Some(c) = v.get("cue") {
        return cue_of(c.as_str()?).map(Action::Cue);
    }
    if let Some(p) = v.get("load") {
        // Read as it is: a file was read and checked before it was sent.
        return Plan::read(p).map(|p| Action::Load(Box::new(p)));
    }
    let s = Scenario::read(v.get("add_scenario")?)?;
    Some(Action::Scenario(ScenarioOp::Add(Box::new(s))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_plan;

    #[test]
    fn results_read_back_as_sent() {
        let mut plan = default_plan();
        // A value the validator refuses still travels as it is.
        plan.macro_path.real_growth_pct = -99.0;
        let r = Results {
            plan: Rc::new(plan),
            shown: Some(1),
            sliding: true,
            stale: true,
            lang: Lang::Fr,
            currency: DisplayCurrency::Usd,
        };
        assert_eq!(read_results(&results_message(&r)), Some(r));
        assert_eq!(read_results("{}"), None);
        assert_eq!(read_results("not json"), None);
    }

    #[test]
    fn the_brief_link_reads_back_as_sent() {
        let url = "https://example.org/#p=abc";
        let text = brief_link_message(Lang::Fr, url);
        assert_eq!(read_brief_link(&text), Some((Lang::Fr, url.to_string())));
        assert_eq!(read_brief_link(url), None);
        assert_eq!(read_brief_link("xx https://example.org/"), None);
    }

    #[test]
    fn every_request_reads_back_as_its_action() {
        let plan = default_plan();
        let scenario = crate::model::shock_library::library_scenario(
            &plan,
            crate::model::shock_library::LibraryShock::ALL[0],
        );
        let mut actions = vec![
            Action::Toggle(Optional::Uncertainty),
            Action::Load(Box::new(plan.clone())),
            Action::Scenario(ScenarioOp::Add(Box::new(scenario))),
        ];
        for c in [
            Cue::Prev,
            Cue::Next,
            Cue::Jump(3),
            Cue::Compare,
            Cue::Predict,
            Cue::Reveal,
            Cue::Qr,
            Cue::Leave,
        ] {
            actions.push(Action::Cue(c));
        }
        for a in actions {
            let text = request_text(&a).expect("a request");
            assert_eq!(read_request(&text), Some(a));
        }
        // Not a request: every other action, and text that is none.
        assert_eq!(request_text(&Action::Undo), None);
        assert_eq!(read_request(r#"{"cue":"dance"}"#), None);
        assert_eq!(read_request("[]"), None);
    }
}
