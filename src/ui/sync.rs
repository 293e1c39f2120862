//! The keeper's browser side (wasm32 only): reads what start-up needs,
//! carries out the keeper's storage and address commands, and hands their
//! outcome back as the keeper's events. It decides nothing: every rule is
//! in `keeper.rs`, tested on the host. Timers, notices and plan loads are
//! carried out by `components/plan_keeper.rs`.
//!
//! Not for: formats (the codec owns them) or anything drawn.

use gloo::timers::callback::Timeout;

use crate::both;
use crate::codec::browser;
use crate::codec::link;
use crate::codec::storage::{self, Record};
use crate::model::{self, Plan};
use crate::ui::i18n::Message;
use crate::ui::keeper::{fragment_for, Command, Event, Keeper, Slot};

/// The full share address of `plan` on this page, shown as `view` says.
pub fn share_url(plan: &Plan, view: &link::View) -> String {
    link::link_url_with(&browser::page_url().unwrap_or_default(), plan, view)
}

/// The view a link in the address asks for, if it opens and asks for one
/// (the address the app writes itself carries none).
pub fn link_view(fragment: &str) -> Option<link::View> {
    link::decode_link_view(fragment)
        .ok()
        .map(|(_, view)| view)
        .filter(|view| *view != link::View::default())
}

/// The plan and view of the link the page was opened with, read before
/// `start` puts the plan's own link in the address; the view applies when
/// that plan is the one that opens.
pub fn start_link() -> Option<(Plan, link::View)> {
    link::decode_link_view(&browser::fragment())
        .ok()
        .filter(|(_, view)| *view != link::View::default())
}

/// Start-up, once before the first render: reads storage and the address,
/// lets the keeper decide which plan opens, and carries out its storage
/// and address commands, so nothing is overwritten by a default first.
pub fn start() -> Keeper {
    let read = |slot: Slot| browser::storage_get(slot.key()).map_err(|e| both!(e));
    let (mut keeper, mut commands) = Keeper::start(
        read(Slot::Current),
        read(Slot::Previous),
        &browser::fragment(),
        model::default_plan,
    );
    // Only storage and address commands come at start-up; the notices are
    // drawn from the keeper at the first render. The plan's link is made
    // and put in the address in a task of its own, after that render (the
    // page's longest task on a phone): nothing waits for it.
    while !commands.is_empty() {
        let (address, now): (Vec<_>, Vec<_>) = commands
            .into_iter()
            .partition(|c| matches!(c, Command::ReplaceFragment(_)));
        if !address.is_empty() {
            // Two tasks, each a few milliseconds on a phone: one makes the
            // link (the codec keeps it), the next puts it in the address.
            Timeout::new(0, move || {
                for c in &address {
                    if let Command::ReplaceFragment(plan) = c {
                        link::encode_link(plan);
                    }
                }
                Timeout::new(0, move || address.iter().for_each(|c| drop(carry_out(c)))).forget();
            })
            .forget();
        }
        let events: Vec<Event> = now.iter().filter_map(carry_out).collect();
        commands = events.into_iter().flat_map(|e| keeper.step(e)).collect();
    }
    keeper
}

/// Carries out a storage or address command and says what it did, as the
/// event the keeper waits for (if it waits for one). Other commands are
/// not this module's and do nothing here.
pub fn carry_out(command: &Command) -> Option<Event> {
    match command {
        Command::ReplaceFragment(plan) => {
            // A refusal leaves the old address; the plan stays on screen.
            let _ = browser::replace_fragment(&fragment_for(plan));
            None
        }
        Command::Write(slot, plan) => Some(Event::Written {
            slot: *slot,
            result: write(*slot, plan),
        }),
        Command::RemovePrevious => {
            let _ = browser::storage_remove(Slot::Previous.key());
            None
        }
        Command::Move(moves) => Some(Event::Moved(
            browser::apply_moves(moves).map_err(|e| both!(e)),
        )),
        Command::StartTimer(..)
        | Command::CancelTimer(_)
        | Command::Load(_)
        | Command::Show(_)
        | Command::Hide(_) => None,
    }
}

/// Stores `plan` under `slot`'s key as a record stamped now.
fn write(slot: Slot, plan: &Plan) -> Result<(), Message> {
    let record = Record {
        saved_at_ms: js_sys::Date::now().max(0.0) as u64,
        // The shell has no tabs of its own yet.
        tab: String::new(),
        plan: plan.clone(),
    };
    browser::storage_set(slot.key(), &storage::record_json(&record)).map_err(|e| both!(e))
}
