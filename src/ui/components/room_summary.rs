//! The room summary: the facilitator pastes the links participants send
//! back, or drops their plan files, and sees their key assumptions and
//! results side by side (minimum, median, maximum, then one row each),
//! their need and local-revenue lines overlaid, and who reaches
//! self-sufficiency first. Everything is read and evaluated here; nothing
//! is uploaded. The rules are in `ui::room`.

use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use yew::prelude::*;

use crate::codec::{browser, file};
use crate::model::Plan;
use crate::ui::chart::geometry::{nice_ticks, Columns, Scale};
use crate::ui::chart::year_or_never;
use crate::ui::context::use_lang;
use crate::ui::format::{axis_labels, money_short, number, pct, Axis, DisplayCurrency};
use crate::ui::i18n::{tr, Lang, Message};
use crate::ui::labels;
use crate::ui::room::{
    assumptions, entry, first_self_sufficient, read_file, read_link, split_links, spread,
    year_figure, Entry, Spread,
};
use crate::ui::workshop::{value_at, Headline};

/// The participants so far and what could not be read. The app keeps it,
/// so the room stays while the summary is closed or the presenter is on.
#[derive(Clone, Default, PartialEq)]
pub struct Room {
    entries: Rc<Vec<Entry>>,
    /// Where (a link's number, a file's name) and why.
    errors: Rc<Vec<(String, Message)>>,
}

pub enum Add {
    /// Plans read from one source, each with where it came from.
    Plans(Vec<(String, Result<Plan, Message>)>),
    Clear,
}

impl Reducible for Room {
    type Action = Add;
    fn reduce(self: Rc<Self>, a: Add) -> Rc<Self> {
        let Add::Plans(plans) = a else {
            return Rc::default();
        };
        let mut entries = (*self.entries).clone();
        let mut errors = (*self.errors).clone();
        for (at, plan) in plans {
            match plan.and_then(|p| entry(p, &entries)) {
                Ok(e) => entries.push(e),
                Err(m) => errors.push((at, m)),
            }
        }
        Rc::new(Room {
            entries: Rc::new(entries),
            errors: Rc::new(errors),
        })
    }
}

/// A figure of a plan, in a cell: amounts short, others with two decimals.
fn figure(x: f64, l: Lang) -> String {
    if x.abs() >= 1e5 {
        money_short(x, l)
    } else {
        number(x, if x.fract() == 0.0 { 0 } else { 2 }, l)
    }
}

/// A year figure (`room::year_figure`) back in words.
fn year_text(y: f64, l: Lang) -> String {
    year_or_never(y.is_finite().then_some(y as i32), l)
}

/// The overlaid need (black) and local revenue (green) lines, one pair per
/// participant, on one scale of calendar years and money.
fn overlay(room: &[Entry], l: Lang) -> Html {
    let years = room
        .iter()
        .flat_map(|e| e.projection.years.iter().map(|y| y.year));
    let (Some(y0), Some(y1)) = (years.clone().min(), years.max()) else {
        return html! {};
    };
    let hi = room
        .iter()
        .flat_map(|e| e.projection.years.iter())
        .map(|y| y.need.max(y.local_revenue))
        .filter(|x| x.is_finite())
        .fold(0.0, f64::max);
    let ticks = nice_ticks(0.0, hi, 4);
    let (w, h) = (960.0, 360.0);
    let cols = Columns {
        left: 90.0,
        right: w - 12.0,
        n: (y1 - y0 + 1) as usize,
    };
    let y = Scale::new(
        (0.0, ticks.last().copied().unwrap_or(1.0)),
        (h - 30.0, 10.0),
    );
    let line = |e: &Entry, f: fn(&crate::model::YearResult) -> f64| {
        let pts: Vec<String> = e
            .projection
            .years
            .iter()
            .map(|r| {
                format!(
                    "{:.1},{:.1}",
                    cols.center((r.year - y0) as usize),
                    y.map(f(r))
                )
            })
            .collect();
        format!("M{}", pts.join("L"))
    };
    html! {
        <figure class="room-chart" data-testid="room-chart">
            <figcaption>{ tr(l, "Need (black) and local revenue (green) of each participant",
                             "Besoin (noir) et recettes propres (vert) de chaque participant") }</figcaption>
            <svg viewBox={format!("0 0 {w} {h}")} role="img"
                aria-label={tr(l, "Need and local revenue lines, overlaid", "Lignes de besoin et de recettes, superposées")}>
                { for ticks.iter().zip(axis_labels(&ticks, Axis::Money, l)).map(|(t, label)| html! {
                    <text x="82" y={format!("{:.1}", y.map(*t))} text-anchor="end" dominant-baseline="middle">{ label }</text>
                }) }
                <text x={format!("{:.1}", cols.center(0))} y={format!("{:.0}", h - 6.0)} text-anchor="middle">{ y0 }</text>
                <text x={format!("{:.1}", cols.center(cols.n - 1))} y={format!("{:.0}", h - 6.0)} text-anchor="middle">{ y1 }</text>
                { for room.iter().map(|e| html! { <>
                    <path class="room-need" d={line(e, |r| r.need)} />
                    <path class="room-revenue" d={line(e, |r| r.local_revenue)} />
                </> }) }
            </svg>
        </figure>
    }
}

fn table(room: &[Entry], l: Lang) -> Html {
    let fields = assumptions(room);
    let heads: Vec<Headline> = room
        .iter()
        .map(|e| Headline::of(&e.projection, DisplayCurrency::Local))
        .collect();
    // Each column: its figure per participant and how a figure reads.
    type Col<'a> = (String, Vec<f64>, &'a dyn Fn(f64) -> String);
    let year = |y: f64| year_text(y, l);
    let plain = |x: f64| figure(x, l);
    let share = |x: f64| pct(x, l);
    let mut cols: Vec<Col> = fields
        .iter()
        .map(|f| {
            let values = room
                .iter()
                .map(|e| value_at(&e.plan, f).unwrap_or(f64::NAN))
                .collect();
            (
                labels::place(&room[0].plan, f, l),
                values,
                &plain as &dyn Fn(f64) -> String,
            )
        })
        .collect();
    cols.push((
        tr(l, "Self-sufficient from", "Autosuffisant à partir de").into(),
        heads
            .iter()
            .map(|h| year_figure(h.self_sufficiency_year))
            .collect(),
        &year,
    ));
    cols.push((
        tr(l, "Donor exit", "Sortie des bailleurs").into(),
        heads
            .iter()
            .map(|h| year_figure(h.donor_exit_year))
            .collect(),
        &year,
    ));
    cols.push((
        tr(l, "Cumulative unfunded gap", "Déficit non financé cumulé").into(),
        heads.iter().map(|h| h.cumulative_gap).collect(),
        &plain,
    ));
    cols.push((
        tr(
            l,
            "Self-sufficiency, last year",
            "Autosuffisance, dernière année",
        )
        .into(),
        heads.iter().map(|h| h.final_self_sufficiency_pct).collect(),
        &share,
    ));
    let stat = |label: &'static str, id: &'static str, pick: fn(&Spread) -> f64| {
        html! {
            <tr class="room-stat" data-testid={id}>
                <th scope="row">{ label }</th>
                { for cols.iter().map(|(_, v, show)| html! {
                    <td>{ spread(v.iter().copied()).map(|s| show(pick(&s))).unwrap_or_default() }</td>
                }) }
            </tr>
        }
    };
    html! {
        <div class="room-table-wrap">
            <table class="room-table" data-testid="room-table">
                <thead><tr>
                    <th scope="col">{ tr(l, "Participant", "Participant") }</th>
                    { for cols.iter().map(|(name, ..)| html! { <th scope="col">{ name.clone() }</th> }) }
                </tr></thead>
                <tbody>
                    { stat(tr(l, "Minimum", "Minimum"), "room-min", |s| s.min) }
                    { stat(tr(l, "Median", "Médiane"), "room-median", |s| s.median) }
                    { stat(tr(l, "Maximum", "Maximum"), "room-max", |s| s.max) }
                    { for room.iter().enumerate().map(|(i, e)| html! {
                        <tr data-testid="room-row">
                            <th scope="row">{ e.name.clone() }</th>
                            { for cols.iter().map(|(_, v, show)| html! { <td>{ show(v[i]) }</td> }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub room: UseReducerHandle<Room>,
}

#[function_component(RoomSummary)]
pub fn room_summary(p: &Props) -> Html {
    let l = use_lang();
    let room = p.room.clone();
    let text = use_node_ref();
    let readers = use_mut_ref(Vec::<FileReader>::new);
    let on_add = {
        let (room, text) = (room.clone(), text.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(area) = text.cast::<web_sys::HtmlTextAreaElement>() else {
                return;
            };
            let plans = split_links(&area.value())
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("{} {}", tr(l, "Link", "Lien"), i + 1), read_link(s)))
                .collect();
            room.dispatch(Add::Plans(plans));
            area.set_value("");
        })
    };
    let on_clear = {
        let room = room.clone();
        Callback::from(move |_: MouseEvent| room.dispatch(Add::Clear))
    };
    let on_over = Callback::from(|e: DragEvent| e.prevent_default());
    let on_drop = {
        let room = room.clone();
        Callback::from(move |e: DragEvent| {
            // Here a file joins the room; it does not replace the plan.
            e.prevent_default();
            e.stop_propagation();
            let Some(list) = e.data_transfer().and_then(|d| d.files()) else {
                return;
            };
            let mut readers = readers.borrow_mut();
            readers.clear();
            for f in (0..list.length()).filter_map(|i| list.get(i)) {
                let (room, name) = (room.clone(), f.name());
                let reader = browser::read_file_text(f, file::MAX_FILE_BYTES, move |r| {
                    let plans = match r {
                        Ok(t) => read_file(&t)
                            .into_iter()
                            .map(|p| (name.clone(), p))
                            .collect(),
                        Err(e) => vec![(name, Err(crate::both!(e)))],
                    };
                    room.dispatch(Add::Plans(plans));
                });
                readers.extend(reader);
            }
        })
    };
    let entries = &room.entries;
    let first = first_self_sufficient(entries);
    let winner = if entries.is_empty() {
        html! {}
    } else if first.is_empty() {
        html! { <p class="room-first" data-testid="room-first">
            { tr(l, "No one reaches self-sufficiency within their plan.", "Personne n’atteint l’autosuffisance dans son plan.") }
        </p> }
    } else {
        let names: Vec<&str> = first.iter().map(|&i| entries[i].name.as_str()).collect();
        let year = year_or_never(
            entries[first[0]].projection.summary.self_sufficiency_year,
            l,
        );
        html! { <p class="room-first" data-testid="room-first">
            { format!("{} {} ({})", tr(l, "First to self-sufficiency:", "Premier à l’autosuffisance :"), names.join(", "), year) }
        </p> }
    };
    html! {
        <section class="room-summary" data-testid="room-summary" aria-label={tr(l, "Room summary", "Synthèse de la salle")}
            ondragover={on_over} ondrop={on_drop}>
            <h2>{ tr(l, "Room summary", "Synthèse de la salle") }</h2>
            <p class="hint">{ tr(l, "Paste the links participants send back, or drop their plan files here. Nothing is uploaded.",
                                 "Collez les liens renvoyés par les participants, ou déposez ici leurs fichiers de plan. Rien n’est envoyé.") }</p>
            <textarea ref={text} rows="3" data-testid="room-links"
                aria-label={tr(l, "Participants’ links", "Liens des participants")} />
            <div class="room-actions">
                <button type="button" data-testid="room-add" onclick={on_add}>{ tr(l, "Add links", "Ajouter les liens") }</button>
                <button type="button" data-testid="room-clear" onclick={on_clear}>{ tr(l, "Clear", "Effacer") }</button>
                <span data-testid="room-count">{ format!("{} {}", entries.len(), tr(l, "participants", "participants")) }</span>
            </div>
            if !room.errors.is_empty() {
                <ul class="room-errors" role="alert" data-testid="room-errors">
                    { for room.errors.iter().map(|(at, m)| html! { <li>{ format!("{at}: {}", m.get(l)) }</li> }) }
                </ul>
            }
            if !entries.is_empty() {
                { winner }
                { table(entries, l) }
                { overlay(entries, l) }
            }
        </section>
    }
}
