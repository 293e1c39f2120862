//! The autosave keeper on the host: every rule it keeps, as events in and
//! commands out. Plans are told apart by name; records and links are made
//! with the codec, as the browser would hold them.

use std::rc::Rc;

use sunset_planner::codec::link;
use sunset_planner::codec::storage::{
    self, Move, Record, KEY_CURRENT, KEY_PREVIOUS, KEY_UNREADABLE,
};
use sunset_planner::model::Plan;
use sunset_planner::ui::i18n::Message;
use sunset_planner::ui::keeper::{
    fragment_for, Choice, Command, Event, Keeper, Notice, Slot, Timer, SAVE_DELAY_MS, URL_DELAY_MS,
};

fn plan(name: &str) -> Plan {
    let mut p = sunset_planner::model::default_plan();
    p.meta.name = name.into();
    p
}

fn rc(name: &str) -> Rc<Plan> {
    Rc::new(plan(name))
}

fn record(name: &str) -> String {
    storage::record_json(&Record {
        saved_at_ms: 1_700_000_000_000,
        tab: String::new(),
        plan: plan(name),
    })
}

fn link_to(name: &str) -> String {
    fragment_for(&plan(name))
}

/// The command that puts plan `name`'s link in the address.
fn in_address(name: &str) -> Command {
    Command::ReplaceFragment(Rc::new(plan(name)))
}

fn stored(name: &str) -> Result<Option<String>, Message> {
    Ok(Some(record(name)))
}

fn nothing() -> Result<Option<String>, Message> {
    Ok(None)
}

fn refused() -> Result<Option<String>, Message> {
    Err(Message::new("blocked", "bloqué"))
}

fn full() -> Message {
    Message::new("full", "plein")
}

/// A keeper opened on a saved plan "mine", with nothing pending.
fn keeper() -> Keeper {
    let (mut k, _) = Keeper::start(stored("mine"), nothing(), "", || plan("default"));
    let at_mount = k.plan().clone();
    assert!(k.step(Event::PlanChanged(at_mount)).is_empty());
    k
}

fn changed(k: &mut Keeper, name: &str) -> (Rc<Plan>, Vec<Command>) {
    let p = rc(name);
    let out = k.step(Event::PlanChanged(p.clone()));
    (p, out)
}

fn name_of(p: &Plan) -> &str {
    &p.meta.name
}

// ------------------------------------------------------------ start-up

#[test]
fn nothing_stored_opens_the_default_and_puts_its_link_in_the_address() {
    let (k, out) = Keeper::start(nothing(), nothing(), "", || plan("default"));
    assert_eq!(name_of(k.plan()), "default");
    assert_eq!(out, vec![in_address("default")]);
    assert_eq!(*k.notices(), Default::default());
}

#[test]
fn a_saved_plan_reopens_without_being_written_again() {
    let (k, out) = Keeper::start(stored("mine"), nothing(), "", || plan("default"));
    assert_eq!(name_of(k.plan()), "mine");
    assert_eq!(out, vec![in_address("mine")]);
}

#[test]
fn a_link_over_a_different_saved_plan_keeps_that_plan_and_offers_it_back() {
    let (mut k, out) = Keeper::start(stored("mine"), nothing(), &link_to("shared"), || {
        plan("default")
    });
    assert_eq!(name_of(k.plan()), "shared");
    assert_eq!(
        out,
        vec![
            Command::Move(vec![Move {
                from: KEY_CURRENT,
                to: KEY_PREVIOUS
            }]),
            in_address("shared"),
            Command::Show(Notice::Previous),
        ]
    );
    assert_eq!(k.notices().previous.as_deref(), Some(&plan("mine")));
    // The link's plan is saved only once the saved plan is safe aside.
    assert_eq!(
        k.step(Event::Moved(Ok(()))),
        vec![Command::Write(Slot::Current, rc("shared"))]
    );
    assert!(k
        .step(Event::Written {
            slot: Slot::Current,
            result: Ok(())
        })
        .is_empty());
    // Restore brings it back and forgets the offer.
    assert_eq!(
        k.step(Event::Chose(Choice::Restore)),
        vec![
            Command::Load(rc("mine")),
            Command::RemovePrevious,
            Command::Hide(Notice::Previous),
        ]
    );
    assert!(k.notices().previous.is_none());
    assert!(k.step(Event::Chose(Choice::Restore)).is_empty());
}

#[test]
fn a_link_equal_to_the_saved_plan_moves_and_writes_nothing() {
    let (_, out) = Keeper::start(stored("same"), nothing(), &link_to("same"), || {
        plan("default")
    });
    assert_eq!(out, vec![in_address("same")]);
}

#[test]
fn a_link_with_nothing_saved_is_saved_at_once() {
    let (k, out) = Keeper::start(nothing(), nothing(), &link_to("shared"), || plan("default"));
    assert_eq!(
        out,
        vec![
            Command::Write(Slot::Current, rc("shared")),
            in_address("shared"),
        ]
    );
    assert!(k.notices().previous.is_none());
}

#[test]
fn a_failed_move_reports_and_does_not_save_the_link() {
    let (mut k, _) = Keeper::start(stored("mine"), nothing(), &link_to("shared"), || {
        plan("default")
    });
    assert_eq!(
        k.step(Event::Moved(Err(full()))),
        vec![Command::Show(Notice::StorageError)]
    );
    assert_eq!(k.notices().storage_error, Some(full()));
}

#[test]
fn a_broken_link_is_reported_stays_in_the_address_and_touches_nothing() {
    let (mut k, out) = Keeper::start(stored("mine"), nothing(), "plan=1.eJyr", || plan("default"));
    assert_eq!(name_of(k.plan()), "mine");
    assert_eq!(out, vec![Command::Show(Notice::LinkError)]);
    assert!(k.notices().link_error.is_some());
    // Mounting does not replace the bad link…
    let at_mount = k.plan().clone();
    assert!(k.step(Event::PlanChanged(at_mount)).is_empty());
    // …dismissing the notice does, at once…
    assert_eq!(
        k.step(Event::Chose(Choice::Dismiss(Notice::LinkError))),
        vec![in_address("mine"), Command::Hide(Notice::LinkError),]
    );
    assert!(k.step(Event::Fired(Timer::Url)).is_empty());
}

#[test]
fn a_broken_link_leaves_the_address_once_the_plan_is_edited() {
    let (mut k, _) = Keeper::start(stored("mine"), nothing(), "plan=1.eJyr", || plan("default"));
    let (_, out) = changed(&mut k, "edited");
    assert!(out.contains(&Command::StartTimer(Timer::Url, URL_DELAY_MS)));
    assert_eq!(k.step(Event::Fired(Timer::Url)), vec![in_address("edited")]);
}

#[test]
fn a_broken_link_stays_while_the_plan_comes_back_unedited() {
    // The same plan as a new value (an undo back to it, say) is no edit:
    // the bad link stays in the address.
    let (mut k, _) = Keeper::start(stored("mine"), nothing(), "plan=1.eJyr", || plan("default"));
    let (_, out) = changed(&mut k, "mine");
    assert!(out.is_empty(), "{out:?}");
}

#[test]
fn unreadable_storage_is_reported_and_nothing_is_written() {
    let (k, out) = Keeper::start(refused(), nothing(), &link_to("shared"), || plan("default"));
    assert_eq!(name_of(k.plan()), "shared");
    assert_eq!(
        out,
        vec![in_address("shared"), Command::Show(Notice::StorageError),]
    );
    assert_eq!(
        k.notices().storage_error,
        Some(Message::new("blocked", "bloqué"))
    );
}

#[test]
fn a_corrupt_save_is_kept_aside_and_reported() {
    let (mut k, out) = Keeper::start(Ok(Some("{not json".into())), nothing(), "", || {
        plan("default")
    });
    assert_eq!(name_of(k.plan()), "default");
    assert_eq!(
        out,
        vec![
            Command::Move(vec![Move {
                from: KEY_CURRENT,
                to: KEY_UNREADABLE
            }]),
            in_address("default"),
            Command::Show(Notice::SavedError),
        ]
    );
    let msg = k.notices().saved_error.clone().expect("a message");
    assert!(msg.en.contains("damaged"), "{msg:?}");
    assert!(
        k.step(Event::Moved(Ok(()))).is_empty(),
        "a default is not saved"
    );
    assert_eq!(
        k.step(Event::Chose(Choice::Dismiss(Notice::SavedError))),
        vec![Command::Hide(Notice::SavedError)]
    );
}

#[test]
fn a_previous_plan_stays_on_offer_until_dismissed() {
    let (mut k, out) = Keeper::start(stored("shared"), stored("mine"), "", || plan("default"));
    assert!(out.contains(&Command::Show(Notice::Previous)));
    assert_eq!(
        k.step(Event::Chose(Choice::Dismiss(Notice::Previous))),
        vec![Command::RemovePrevious, Command::Hide(Notice::Previous)]
    );
    assert!(k
        .step(Event::Chose(Choice::Dismiss(Notice::Previous)))
        .is_empty());
}

// ------------------------------------------------------------ changes

#[test]
fn a_change_starts_both_debounces_and_each_timer_carries_it_out() {
    let mut k = keeper();
    let (b, out) = changed(&mut k, "B");
    assert_eq!(
        out,
        vec![
            Command::StartTimer(Timer::Url, URL_DELAY_MS),
            Command::StartTimer(Timer::Save, SAVE_DELAY_MS),
        ]
    );
    assert_eq!((URL_DELAY_MS, SAVE_DELAY_MS), (150, 300));
    assert!(k.dirty());
    assert_eq!(k.step(Event::Fired(Timer::Url)), vec![in_address("B")]);
    assert_eq!(
        k.step(Event::Fired(Timer::Save)),
        vec![Command::Write(Slot::Current, b)]
    );
    assert!(k
        .step(Event::Written {
            slot: Slot::Current,
            result: Ok(())
        })
        .is_empty());
    assert!(!k.dirty());
    // Nothing left to do for the same plan.
    assert!(k.step(Event::PageHidden).is_empty());
    assert!(k.step(Event::Fired(Timer::Url)).is_empty());
}

#[test]
fn every_change_of_a_drag_restarts_the_debounce() {
    let mut k = keeper();
    for step in ["B1", "B2", "B3"] {
        let (_, out) = changed(&mut k, step);
        assert_eq!(
            out,
            vec![
                Command::StartTimer(Timer::Url, URL_DELAY_MS),
                Command::StartTimer(Timer::Save, SAVE_DELAY_MS),
            ],
            "{step}"
        );
    }
    // Only the last one reaches the address.
    assert_eq!(k.step(Event::Fired(Timer::Url)), vec![in_address("B3")]);
}

#[test]
fn a_change_undone_before_the_timer_leaves_the_address_alone() {
    let mut k = keeper();
    changed(&mut k, "B");
    let (_, out) = changed(&mut k, "mine");
    assert!(!out.contains(&Command::StartTimer(Timer::Url, URL_DELAY_MS)));
    assert!(k.step(Event::Fired(Timer::Url)).is_empty());
}

#[test]
fn closing_the_page_saves_a_pending_change() {
    let mut k = keeper();
    assert!(k.step(Event::PageHidden).is_empty(), "nothing pending");
    let (b, _) = changed(&mut k, "B");
    assert_eq!(
        k.step(Event::PageHidden),
        vec![Command::Write(Slot::Current, b)]
    );
}

// ------------------------------------------------------------ storage refusals

#[test]
fn a_refused_save_is_reported_until_a_save_works() {
    let mut k = keeper();
    let (b, _) = changed(&mut k, "B");
    k.step(Event::Fired(Timer::Save));
    assert_eq!(
        k.step(Event::Written {
            slot: Slot::Current,
            result: Err(full())
        }),
        vec![Command::Show(Notice::StorageError)]
    );
    assert_eq!(k.notices().storage_error, Some(full()));
    assert!(k.dirty(), "the change still waits for a save");
    // Leaving the page tries again; this time it works and the notice goes.
    assert_eq!(
        k.step(Event::PageHidden),
        vec![Command::Write(Slot::Current, b)]
    );
    assert_eq!(
        k.step(Event::Written {
            slot: Slot::Current,
            result: Ok(())
        }),
        vec![Command::Hide(Notice::StorageError)]
    );
    assert!(!k.dirty() && k.notices().storage_error.is_none());
}

#[test]
fn a_storage_notice_can_be_dismissed_and_comes_back_on_the_next_refusal() {
    let mut k = keeper();
    changed(&mut k, "B");
    k.step(Event::Fired(Timer::Save));
    k.step(Event::Written {
        slot: Slot::Current,
        result: Err(full()),
    });
    assert_eq!(
        k.step(Event::Chose(Choice::Dismiss(Notice::StorageError))),
        vec![Command::Hide(Notice::StorageError)]
    );
    changed(&mut k, "C");
    k.step(Event::Fired(Timer::Save));
    assert_eq!(
        k.step(Event::Written {
            slot: Slot::Current,
            result: Err(full())
        }),
        vec![Command::Show(Notice::StorageError)]
    );
}

// ------------------------------------------------------------ other tabs

fn other_tab(k: &mut Keeper, name: &str) -> Vec<Command> {
    k.step(Event::StorageChanged {
        key: Some(KEY_CURRENT.into()),
        value: Some(record(name)),
    })
}

#[test]
fn another_tab_saving_a_different_plan_stops_saving_until_a_choice() {
    let mut k = keeper();
    changed(&mut k, "B");
    assert_eq!(
        other_tab(&mut k, "theirs"),
        vec![
            Command::CancelTimer(Timer::Save),
            Command::Show(Notice::OtherTab),
        ]
    );
    assert!(k.paused());
    assert_eq!(k.notices().other_tab.as_deref(), Some(&plan("theirs")));
    // Nothing this tab does writes over theirs meanwhile…
    let (_, out) = changed(&mut k, "C");
    assert_eq!(out, vec![Command::StartTimer(Timer::Url, URL_DELAY_MS)]);
    assert!(k.step(Event::Fired(Timer::Save)).is_empty());
    assert!(k.step(Event::PageHidden).is_empty());
    // …and closing the notice is not a choice.
    assert!(k
        .step(Event::Chose(Choice::Dismiss(Notice::OtherTab)))
        .is_empty());
    assert!(k.paused());
}

#[test]
fn keep_mine_saves_this_tabs_plan_and_resumes() {
    let mut k = keeper();
    let (c, _) = changed(&mut k, "C");
    other_tab(&mut k, "theirs");
    assert_eq!(
        k.step(Event::Chose(Choice::KeepMine)),
        vec![
            Command::Write(Slot::Current, c),
            Command::Hide(Notice::OtherTab),
        ]
    );
    assert!(!k.paused());
    let (_, out) = changed(&mut k, "D");
    assert!(out.contains(&Command::StartTimer(Timer::Save, SAVE_DELAY_MS)));
}

#[test]
fn load_theirs_opens_their_plan_and_does_not_save_it_back() {
    let mut k = keeper();
    changed(&mut k, "C");
    other_tab(&mut k, "theirs");
    assert_eq!(
        k.step(Event::Chose(Choice::LoadTheirs)),
        vec![Command::Load(rc("theirs")), Command::Hide(Notice::OtherTab)]
    );
    assert!(!k.paused() && !k.dirty());
    let (_, out) = changed(&mut k, "theirs");
    assert_eq!(out, vec![Command::StartTimer(Timer::Url, URL_DELAY_MS)]);
    assert!(k.step(Event::Chose(Choice::LoadTheirs)).is_empty());
}

#[test]
fn another_tab_saving_the_same_plan_is_taken_as_saved() {
    let mut k = keeper();
    changed(&mut k, "B");
    assert!(other_tab(&mut k, "B").is_empty());
    assert!(!k.paused());
    // This tab now has nothing new to save for B.
    let (_, out) = changed(&mut k, "B2");
    assert!(out.contains(&Command::StartTimer(Timer::Save, SAVE_DELAY_MS)));
    let (_, out) = changed(&mut k, "B");
    assert_eq!(out, vec![Command::StartTimer(Timer::Url, URL_DELAY_MS)]);
}

#[test]
fn other_keys_cleared_storage_and_unreadable_records_are_ignored() {
    let mut k = keeper();
    for (key, value) in [
        (Some(KEY_PREVIOUS.to_string()), Some(record("x"))),
        (None, None),
        (Some(KEY_CURRENT.to_string()), None),
        (Some(KEY_CURRENT.to_string()), Some("{not json".to_string())),
    ] {
        assert!(k.step(Event::StorageChanged { key, value }).is_empty());
    }
    assert!(!k.paused());
}

// ------------------------------------------------------------ links pasted into the open page

#[test]
fn a_link_pasted_into_the_address_opens_and_keeps_the_plan_it_replaces() {
    let mut k = keeper();
    assert_eq!(
        k.step(Event::FragmentChanged(format!("#{}", link_to("pasted")))),
        vec![
            Command::Write(Slot::Previous, rc("mine")),
            Command::Show(Notice::Previous),
            Command::Load(rc("pasted")),
        ]
    );
    assert_eq!(k.notices().previous.as_deref(), Some(&plan("mine")));
    // Keeping the old plan aside may itself be refused.
    assert_eq!(
        k.step(Event::Written {
            slot: Slot::Previous,
            result: Err(full())
        }),
        vec![Command::Show(Notice::StorageError)]
    );
}

#[test]
fn a_pasted_link_that_fails_says_why_and_a_good_one_clears_it() {
    let mut k = keeper();
    assert_eq!(
        k.step(Event::FragmentChanged("plan=1.eJyr".into())),
        vec![Command::Show(Notice::LinkError)]
    );
    let why = k.notices().link_error.clone().expect("a message");
    assert!(!why.en.is_empty() && !why.fr.is_empty() && why.en != why.fr);
    let out = k.step(Event::FragmentChanged(link_to("pasted")));
    assert!(out.contains(&Command::Hide(Notice::LinkError)), "{out:?}");
    assert!(out.contains(&Command::Load(rc("pasted"))));
}

#[test]
fn fragments_without_a_new_plan_change_nothing() {
    let mut k = keeper();
    for f in [
        String::new(),
        "tab=chart".to_string(),
        link_to("mine"),
        // Another encoding of the plan on screen is the same plan.
        format!("x=1&{}", link_to("mine")),
    ] {
        assert!(k.step(Event::FragmentChanged(f.clone())).is_empty(), "{f}");
    }
    assert_eq!(
        link::decode_link(&format!("x=1&{}", link_to("mine"))).map(|p| p.meta.name),
        Ok("mine".to_string())
    );
}

#[test]
fn theirs_as_a_scenario_keeps_mine_and_adds_their_differences() {
    let mut k = keeper();
    changed(&mut k, "mine");
    other_tab(&mut k, "theirs");
    let out = k.step(Event::Chose(Choice::TheirsAsScenario("From another tab")));
    let [Command::Load(both), Command::Hide(Notice::OtherTab)] = out.as_slice() else {
        panic!("expected a load and the notice hidden, got {out:?}");
    };
    // The baseline is mine; the new scenario is theirs.
    assert_eq!(both.meta.name, "mine");
    let s = both.scenarios.last().expect("a scenario");
    assert_eq!(s.name, "From another tab");
    let i = both.scenarios.len() - 1;
    let theirs = sunset_planner::model::scenario::scenario_plan(both, i).expect("it applies");
    assert_eq!(theirs.meta.name, "theirs");
    assert!(!k.paused());
    // Once it is on screen it is saved as any edit is.
    let out = k.step(Event::PlanChanged(both.clone()));
    assert!(out.contains(&Command::StartTimer(Timer::Save, SAVE_DELAY_MS)));
}

#[test]
fn the_slots_keep_the_storage_keys_that_earlier_versions_wrote() {
    // A plan saved by an earlier version must reopen after an update.
    assert_eq!(
        (Slot::Current.key(), Slot::Previous.key()),
        ("sunset-planner/current", "sunset-planner/previous")
    );
    assert_eq!(
        (KEY_CURRENT, KEY_PREVIOUS),
        (Slot::Current.key(), Slot::Previous.key())
    );
}

#[test]
fn dismissing_a_notice_that_is_not_shown_does_nothing() {
    // A second click on a notice's close button, say.
    let mut k = keeper();
    for n in [
        Notice::LinkError,
        Notice::Previous,
        Notice::SavedError,
        Notice::StorageError,
    ] {
        assert!(k.step(Event::Chose(Choice::Dismiss(n))).is_empty(), "{n:?}");
    }
}
