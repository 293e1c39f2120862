//! The autosave keeper as a pure state machine: what keeps a plan from
//! being lost, decided without touching the browser.
//!
//! Events come in (the plan on screen changed, a timer fired, another tab
//! saved, a storage write succeeded or failed, a link was put in the
//! address, the page is being hidden, a choice on a notice) and commands go
//! out (write or remove a stored plan, replace the address, start or cancel
//! a timer, load a plan, show or hide a notice). The rules:
//!
//! - the address follows the plan `URL_DELAY_MS` after the last change
//!   (replaced, never pushed), and the plan is saved `SAVE_DELAY_MS` after
//!   it, so once a save holds a change the address holds it too;
//! - another tab's save of a different plan is never overwritten in
//!   silence: saving stops until the person loads theirs or keeps theirs;
//! - a link that opens (at start-up or pasted into the open page) keeps
//!   the plan it replaces and offers it back; one that fails says why and
//!   changes nothing stored;
//! - a refused write (full or blocked storage) is reported, and the next
//!   good save clears the report; an unreadable saved record is reported.
//!
//! Not for: the browser itself (`sync.rs` and `components/plan_keeper.rs`
//! carry the commands out and turn browser events into `Event`s) or the
//! stored formats (`codec::storage`, `codec::link`).

use std::rc::Rc;

use crate::both;
use crate::codec::link;
use crate::codec::storage::{self, Move, Source};
use crate::model::{scenario, Plan};
use crate::ui::i18n::Message;

/// Pause after the last change before the address is replaced.
pub const URL_DELAY_MS: u32 = 150;
/// Pause after the last change before the plan is saved.
pub const SAVE_DELAY_MS: u32 = 300;

/// The keeper's two debounce timers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timer {
    Url,
    Save,
}

/// Where a plan is stored: `storage::KEY_CURRENT` (the working plan) or
/// `storage::KEY_PREVIOUS` (the plan a link replaced).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Current,
    Previous,
}

impl Slot {
    pub fn key(self) -> &'static str {
        match self {
            Slot::Current => storage::KEY_CURRENT,
            Slot::Previous => storage::KEY_PREVIOUS,
        }
    }
}

/// The notices the keeper shows, in the order they are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The link in the address could not be opened.
    LinkError,
    /// Another tab saved a different plan; waits for a choice.
    OtherTab,
    /// The plan a link replaced, offered back.
    Previous,
    /// The saved plan could not be read and was kept aside.
    SavedError,
    /// Storage refused a write or a read.
    StorageError,
}

/// What the person picked on a notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Close a notice (the other-tab notice has no close: it needs a choice).
    Dismiss(Notice),
    /// Other tab: open the plan it saved.
    LoadTheirs,
    /// Other tab: keep the plan on screen and save it over theirs.
    KeepMine,
    /// Other tab: keep the plan on screen and add theirs beside it, as a
    /// scenario named from this text (a free name is found).
    TheirsAsScenario(&'static str),
    /// Open the plan a link replaced.
    Restore,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The plan on screen is now this one (also sent once at mount).
    PlanChanged(Rc<Plan>),
    Fired(Timer),
    /// A `storage` event: another tab wrote `value` under `key` (`None`
    /// key: storage was cleared).
    StorageChanged {
        key: Option<String>,
        value: Option<String>,
    },
    /// What a `Command::Write` did.
    Written {
        slot: Slot,
        result: Result<(), Message>,
    },
    /// What the start-up `Command::Move` did.
    Moved(Result<(), Message>),
    /// The address's fragment (without `#`) changed under the open page.
    FragmentChanged(String),
    /// The page is being hidden or closed: last chance to save.
    PageHidden,
    Chose(Choice),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Start the timer, replacing a running one (a debounce).
    StartTimer(Timer, u32),
    CancelTimer(Timer),
    /// Put this plan's link (`fragment_for`) in the address, without a
    /// history entry. Failures are ignored: the plan stays on screen. The
    /// plan, not its link, so that the link (a costly compression) is made
    /// where the command is carried out, not where it is decided.
    ReplaceFragment(Rc<Plan>),
    /// Store `plan` in `slot`; answer with `Event::Written`.
    Write(Slot, Rc<Plan>),
    /// Forget the plan offered back (failures ignored).
    RemovePrevious,
    /// Make the start-up storage moves; answer with `Event::Moved`.
    Move(Vec<Move>),
    /// Open this plan in the editor (an undoable `Action::Load`).
    Load(Rc<Plan>),
    Show(Notice),
    Hide(Notice),
}

/// What the notices say; `None` when hidden.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Notices {
    pub link_error: Option<Message>,
    /// The plan another tab saved.
    pub other_tab: Option<Rc<Plan>>,
    pub previous: Option<Rc<Plan>>,
    pub saved_error: Option<Message>,
    pub storage_error: Option<Message>,
}

/// The fragment (without `#`) that carries `plan`.
pub fn fragment_for(plan: &Plan) -> String {
    format!("{}={}", link::FRAGMENT_KEY, link::encode_link(plan))
}

#[derive(Debug)]
pub struct Keeper {
    /// The plan on screen.
    current: Rc<Plan>,
    /// The plan last written to storage (or read from it at start-up).
    saved: Rc<Plan>,
    /// The plan last put in the address; `None` while the address holds
    /// a link that failed to open.
    in_url: Option<Rc<Plan>>,
    /// A change waits for its save.
    dirty: bool,
    /// The plan a `Write(Current)` is writing, until its `Written`.
    writing: Option<Rc<Plan>>,
    /// At start-up: save the link's plan once the moves are made.
    save_after_moves: bool,
    notices: Notices,
}

impl Keeper {
    /// Start-up: what storage held under `KEY_CURRENT` and `KEY_PREVIOUS`
    /// (or why it could not be read) and the address's fragment decide the
    /// plan that opens (`storage::startup`). The commands make the storage
    /// moves, save a link that opened over a different plan, and put the
    /// plan's link in the address, except a link that failed: it stays, so
    /// the person can see and report what they opened.
    pub fn start(
        current: Result<Option<String>, Message>,
        previous: Result<Option<String>, Message>,
        fragment: &str,
        default_plan: impl FnOnce() -> Plan,
    ) -> (Keeper, Vec<Command>) {
        let mut storage_error = None;
        let mut read = |r: Result<Option<String>, Message>| {
            r.unwrap_or_else(|e| {
                storage_error = Some(e);
                None
            })
        };
        let saved_text = read(current);
        let previous_text = read(previous);
        let s = storage::startup(
            saved_text.as_deref(),
            previous_text.as_deref(),
            fragment,
            default_plan,
        );
        let saved_plan = saved_text
            .as_deref()
            .and_then(|t| storage::parse_record(t).ok())
            .map(|r| r.plan);
        let plan = Rc::new(s.plan);
        // A link that opens becomes the working plan, so a bare visit
        // tomorrow finds it; the plan it replaced is moved aside first.
        let save_link = s.source == Source::Link && saved_plan.as_ref() != Some(&*plan);
        let mut commands = Vec::new();
        let mut save_after_moves = false;
        if storage_error.is_none() {
            if !s.moves.is_empty() {
                commands.push(Command::Move(s.moves));
                save_after_moves = save_link;
            } else if save_link {
                commands.push(Command::Write(Slot::Current, plan.clone()));
            }
        }
        let link_failed = s.link_error.is_some();
        if !link_failed {
            commands.push(Command::ReplaceFragment(plan.clone()));
        }
        let notices = Notices {
            link_error: s.link_error.map(|e| both!(e)),
            other_tab: None,
            previous: s.previous.map(|r| Rc::new(r.plan)),
            saved_error: s.saved_error.map(|e| both!(e)),
            storage_error,
        };
        for (shown, n) in [
            (notices.link_error.is_some(), Notice::LinkError),
            (notices.previous.is_some(), Notice::Previous),
            (notices.saved_error.is_some(), Notice::SavedError),
            (notices.storage_error.is_some(), Notice::StorageError),
        ] {
            if shown {
                commands.push(Command::Show(n));
            }
        }
        let writing = commands
            .iter()
            .any(|c| matches!(c, Command::Write(..)))
            .then(|| plan.clone());
        let keeper = Keeper {
            saved: plan.clone(),
            in_url: (!link_failed).then(|| plan.clone()),
            current: plan,
            dirty: false,
            writing,
            save_after_moves,
            notices,
        };
        (keeper, commands)
    }

    /// The plan on screen (at start-up: the plan that opens).
    pub fn plan(&self) -> &Rc<Plan> {
        &self.current
    }

    pub fn notices(&self) -> &Notices {
        &self.notices
    }

    /// True while another tab's plan waits for the person's choice.
    pub fn paused(&self) -> bool {
        self.notices.other_tab.is_some()
    }

    /// True while a change waits for its save.
    pub fn dirty(&self) -> bool {
        self.dirty
    }

    /// Takes in one event and says what to do about it.
    pub fn step(&mut self, event: Event) -> Vec<Command> {
        match event {
            Event::PlanChanged(plan) => self.plan_changed(plan),
            Event::Fired(Timer::Url) => self.url_due(),
            Event::Fired(Timer::Save) if !self.paused() => self.save_now(),
            Event::Fired(Timer::Save) => Vec::new(),
            Event::StorageChanged { key, value } => self.other_tab_saved(key, value),
            Event::Written { slot, result } => self.written(slot, result),
            Event::Moved(result) => self.moved(result),
            Event::FragmentChanged(fragment) => self.fragment_changed(&fragment),
            Event::PageHidden if self.dirty && !self.paused() => self.save_now(),
            Event::PageHidden => Vec::new(),
            Event::Chose(choice) => self.chose(choice),
        }
    }

    fn plan_changed(&mut self, plan: Rc<Plan>) -> Vec<Command> {
        let changed = !Rc::ptr_eq(&plan, &self.current) && *plan != *self.current;
        self.current = plan;
        let mut out = Vec::new();
        // A link that failed stays in the address until the plan is edited.
        let url_behind = match &self.in_url {
            Some(u) => **u != *self.current,
            None => changed,
        };
        if url_behind {
            out.push(Command::StartTimer(Timer::Url, URL_DELAY_MS));
        }
        if !self.paused() && *self.saved != *self.current {
            self.dirty = true;
            out.push(Command::StartTimer(Timer::Save, SAVE_DELAY_MS));
        }
        out
    }

    /// The address catches up with the plan on screen.
    fn url_due(&mut self) -> Vec<Command> {
        if self.in_url.as_ref().is_some_and(|u| **u == *self.current) {
            return Vec::new();
        }
        self.in_url = Some(self.current.clone());
        vec![Command::ReplaceFragment(self.current.clone())]
    }

    fn save_now(&mut self) -> Vec<Command> {
        self.writing = Some(self.current.clone());
        vec![Command::Write(Slot::Current, self.current.clone())]
    }

    /// Another tab saved: if its plan differs from ours, stop saving until
    /// the person chooses, so neither tab overwrites the other in silence.
    fn other_tab_saved(&mut self, key: Option<String>, value: Option<String>) -> Vec<Command> {
        if key.as_deref() != Some(storage::KEY_CURRENT) {
            return Vec::new();
        }
        let Some(theirs) = value
            .as_deref()
            .and_then(|t| storage::parse_record(t).ok())
            .map(|r| r.plan)
        else {
            return Vec::new();
        };
        if *self.current == theirs {
            self.saved = Rc::new(theirs);
            return Vec::new();
        }
        self.notices.other_tab = Some(Rc::new(theirs));
        vec![
            Command::CancelTimer(Timer::Save),
            Command::Show(Notice::OtherTab),
        ]
    }

    fn written(&mut self, slot: Slot, result: Result<(), Message>) -> Vec<Command> {
        let plan = match slot {
            Slot::Current => self.writing.take(),
            Slot::Previous => None,
        };
        match result {
            Ok(()) => {
                let Some(plan) = plan else {
                    return Vec::new();
                };
                self.saved = plan;
                self.dirty = false;
                // The next good save clears an earlier refusal.
                if self.notices.storage_error.take().is_some() {
                    return vec![Command::Hide(Notice::StorageError)];
                }
                Vec::new()
            }
            // The plan stays on screen and in the address; the last good
            // save is untouched.
            Err(e) => {
                self.notices.storage_error = Some(e);
                vec![Command::Show(Notice::StorageError)]
            }
        }
    }

    fn moved(&mut self, result: Result<(), Message>) -> Vec<Command> {
        let save = std::mem::take(&mut self.save_after_moves);
        match result {
            Ok(()) if save => self.save_now(),
            Ok(()) => Vec::new(),
            Err(e) => {
                self.notices.storage_error = Some(e);
                vec![Command::Show(Notice::StorageError)]
            }
        }
    }

    /// A link put in the address of the open page (pasted, or a link to
    /// this page followed): it opens like a link at start-up, and the plan
    /// it replaces is kept and offered back.
    fn fragment_changed(&mut self, fragment: &str) -> Vec<Command> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let has_plan = fragment.split('&').any(|part| {
            part.trim_start()
                .starts_with(&format!("{}=", link::FRAGMENT_KEY))
        });
        if !has_plan || fragment == fragment_for(&self.current) {
            return Vec::new();
        }
        match link::decode_link(fragment) {
            Ok(plan) if plan == *self.current => Vec::new(),
            Ok(plan) => {
                let mine = self.current.clone();
                self.notices.previous = Some(mine.clone());
                let mut out = vec![
                    Command::Write(Slot::Previous, mine),
                    Command::Show(Notice::Previous),
                ];
                if self.notices.link_error.take().is_some() {
                    out.push(Command::Hide(Notice::LinkError));
                }
                out.push(Command::Load(Rc::new(plan)));
                out
            }
            Err(e) => {
                self.notices.link_error = Some(both!(e));
                vec![Command::Show(Notice::LinkError)]
            }
        }
    }

    fn chose(&mut self, choice: Choice) -> Vec<Command> {
        let n = &mut self.notices;
        match choice {
            Choice::Dismiss(Notice::LinkError) if n.link_error.is_some() => {
                n.link_error = None;
                // The address goes back to sharing what is on screen.
                self.in_url = Some(self.current.clone());
                vec![
                    Command::ReplaceFragment(self.current.clone()),
                    Command::Hide(Notice::LinkError),
                ]
            }
            Choice::Dismiss(Notice::Previous) if n.previous.take().is_some() => {
                vec![Command::RemovePrevious, Command::Hide(Notice::Previous)]
            }
            Choice::Dismiss(Notice::SavedError) if n.saved_error.take().is_some() => {
                vec![Command::Hide(Notice::SavedError)]
            }
            Choice::Dismiss(Notice::StorageError) if n.storage_error.take().is_some() => {
                vec![Command::Hide(Notice::StorageError)]
            }
            Choice::LoadTheirs => match n.other_tab.take() {
                Some(theirs) => {
                    self.dirty = false;
                    self.saved = theirs.clone();
                    vec![Command::Load(theirs), Command::Hide(Notice::OtherTab)]
                }
                None => Vec::new(),
            },
            Choice::TheirsAsScenario(name) => match n.other_tab.take() {
                Some(theirs) => {
                    // Their scenarios are not compared: only the baseline's
                    // differences become the new scenario's changes.
                    let mut mine = (*self.current).clone();
                    let mut baseline = (*theirs).clone();
                    baseline.scenarios = mine.scenarios.clone();
                    let name = scenario::free_name(&mine, name);
                    mine.scenarios.push(scenario::scenario_from_edits(
                        &self.current,
                        &baseline,
                        &name,
                    ));
                    // Saved as any edit is, once it is on screen.
                    vec![
                        Command::Load(Rc::new(mine)),
                        Command::Hide(Notice::OtherTab),
                    ]
                }
                None => Vec::new(),
            },
            Choice::KeepMine if n.other_tab.take().is_some() => {
                let mut out = self.save_now();
                out.push(Command::Hide(Notice::OtherTab));
                out
            }
            Choice::Restore => match n.previous.take() {
                Some(prev) => vec![
                    Command::Load(prev),
                    Command::RemovePrevious,
                    Command::Hide(Notice::Previous),
                ],
                None => Vec::new(),
            },
            // Nothing shown to act on (or the other-tab notice, which
            // needs a choice rather than a close).
            Choice::Dismiss(_) | Choice::KeepMine => Vec::new(),
        }
    }
}
