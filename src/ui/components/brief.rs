//! The printed brief's own parts, drawn by the extras module into hosts
//! that only print (styles/print.css): the date and the link's QR code for
//! the header, and the assumptions with every note typed in. The rest of
//! the brief is the page itself (headline cards, bridge, fan, comparison)
//! with the controls hidden by the print stylesheet.

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::codec::qr;
use crate::model::{Plan, Taper};
use crate::ui::context::use_lang;
use crate::ui::format::{money_short, number, pct};
use crate::ui::i18n::{tr, Lang};

/// Today's date as the reader's language writes it in full.
fn today(lang: Lang) -> String {
    let options = js_sys::Object::new();
    for (k, v) in [("year", "numeric"), ("month", "long"), ("day", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    js_sys::Date::new_0()
        .to_locale_date_string(lang.code(), &options)
        .into()
}

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    /// The share link of the plan on screen.
    pub url: AttrValue,
}

/// The brief's header: the date it is printed and the link's QR code.
/// Both are drawn only when the page is about to print, straight into
/// their nodes: the link changes at every edit, and a QR code's mask
/// search and a locale's long date are each a frame's worth of work that
/// would otherwise be redone, mostly while a simulation wants the CPU.
/// `beforeprint` comes before the print layout for Ctrl+P, the Brief
/// button (inside `window.print()`, before a Yew render could run) and a
/// PDF; writing the nodes in the listener itself is what makes the last
/// two print the link on screen.
#[function_component(BriefLink)]
pub fn brief_link(p: &LinkProps) -> Html {
    let l = use_lang();
    let date = use_node_ref();
    let code = use_node_ref();
    // What the next print shows, read by the listener.
    let wanted = use_mut_ref(|| (l, p.url.clone()));
    *wanted.borrow_mut() = (l, p.url.clone());
    {
        let (date, code, wanted) = (date.clone(), code.clone(), wanted.clone());
        use_effect_with((), move |_| {
            // The link last drawn as a QR code: printing again the same
            // link redraws only the date (a page left open overnight
            // prints the day it is printed).
            let mut drawn = None::<AttrValue>;
            let listener = EventListener::new(&gloo::utils::window(), "beforeprint", move |_| {
                let (l, url) = wanted.borrow().clone();
                if let Some(el) = date.cast::<web_sys::Element>() {
                    el.set_text_content(Some(&format!(
                        "{} {}",
                        tr(l, "Printed on", "Imprimé le"),
                        today(l)
                    )));
                }
                if drawn.as_ref() != Some(&url) {
                    if let Some(el) = code.cast::<web_sys::Element>() {
                        // The codec's own drawing: paths only, no text
                        // from the plan.
                        el.set_inner_html(&qr::qr_svg(&url).unwrap_or_default());
                        drawn = Some(url);
                    }
                }
            });
            move || drop(listener)
        });
    }
    html! {
        <div class="brief-link">
            <p class="brief-date" data-testid="brief-date" ref={date}></p>
            <div class="brief-qr" role="img" ref={code}
                aria-label={tr(l, "QR code of the link to this plan", "Code QR du lien vers ce plan")}></div>
        </div>
    }
}

#[derive(Properties)]
pub struct NotesProps {
    pub plan: Rc<Plan>,
}

impl PartialEq for NotesProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.plan, &o.plan) || self.plan == o.plan
    }
}

/// One assumption: its name, its figures in a few words, and its note.
struct Line {
    name: String,
    figures: String,
    note: String,
}

fn line(name: &str, figures: String, note: &str) -> Line {
    Line {
        name: name.to_string(),
        figures,
        note: note.trim().to_string(),
    }
}

/// The assumptions as the brief lists them, group by group; empty groups
/// are left out.
fn groups(plan: &Plan, l: Lang) -> Vec<(&'static str, Vec<Line>)> {
    let m = &plan.macro_path;
    let p = |x: f64| pct(x, l);
    let money = |x: f64| money_short(x, l);
    let end = plan.meta.start_year + plan.meta.horizon_years as i32 - 1;
    let economy = vec![line(
        &plan.meta.country,
        format!(
            "{} {}–{} · {} {} · {} {} · {} {} · {} {}",
            tr(l, "years", "années"),
            plan.meta.start_year,
            end,
            tr(l, "real growth", "croissance réelle"),
            p(m.real_growth_pct),
            tr(l, "inflation", "inflation"),
            p(m.inflation_pct),
            tr(l, "GDP", "PIB"),
            money(m.gdp_base),
            tr(l, "population growth", "croissance démographique"),
            p(m.population_growth_pct),
        ),
        "",
    )];
    let revenues = plan.revenues.iter().map(|r| {
        let figures = format!(
            "{} · {} {}",
            money(r.base),
            tr(l, "buoyancy", "élasticité"),
            number(r.buoyancy, 2, l)
        );
        line(&r.name, figures, &r.note)
    });
    let costs = plan.costs.iter().map(|c| {
        let growth = format!(
            "{} {}",
            tr(l, "real growth", "croissance réelle"),
            p(c.real_growth_pct)
        );
        line(&c.name, format!("{} · {}", money(c.base), growth), &c.note)
    });
    let programmes = plan.programmes.iter().map(|g| {
        let figures = format!(
            "{} {} · {} {}",
            tr(l, "eligible", "éligibles"),
            p(g.eligible_share_pct),
            tr(l, "benefit", "prestation"),
            money(g.benefit_base)
        );
        line(&g.name, figures, &g.note)
    });
    let donors = plan.donors.iter().map(|d| {
        let taper = match &d.taper {
            Some(Taper::Linear { start, end }) => format!(
                " · {} {}–{}",
                tr(l, "taper", "retrait"),
                plan.meta.start_year + *start as i32,
                plan.meta.start_year + *end as i32
            ),
            _ => String::new(),
        };
        let amount = match (d.base, d.initial_country_share_pct) {
            (Some(b), _) => money(b),
            (None, Some(s)) => format!("{} {}", tr(l, "country share", "part du pays"), p(s)),
            (None, None) => String::new(),
        };
        line(&d.name, format!("{amount}{taper}"), &d.note)
    });
    let shocks = plan.shocks.iter().map(|s| {
        let year = plan.meta.start_year + s.at as i32;
        let name = format!("{} {}", tr(l, "Shock in", "Choc en"), year);
        let figures = format!(
            "{} {} · {} {} · {} {}",
            tr(l, "revenue", "recettes"),
            p(s.revenue_pct),
            tr(l, "donors", "bailleurs"),
            p(s.donor_pct),
            tr(l, "costs", "coûts"),
            p(s.cost_pct)
        );
        line(&name, figures, &s.note)
    });
    let criteria = plan.criteria.iter().map(|c| {
        let name = c
            .name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| c.metric.clone());
        line(
            &name,
            format!("{} {} {}", c.metric, c.op.as_str(), number(c.value, 1, l)),
            &c.note,
        )
    });
    let scenarios = plan
        .scenarios
        .iter()
        .map(|s| line(&s.name, String::new(), &s.note));
    let mut out = vec![
        (tr(l, "Economy", "Économie"), economy),
        (
            tr(l, "Local revenue", "Recettes propres"),
            revenues.collect(),
        ),
        (tr(l, "Costs", "Dépenses"), costs.collect()),
        (
            tr(l, "Social programmes", "Programmes sociaux"),
            programmes.collect(),
        ),
        (tr(l, "Donors", "Bailleurs"), donors.collect()),
        (tr(l, "Shocks", "Chocs"), shocks.collect()),
        (
            tr(l, "Exit criteria", "Critères de sortie"),
            criteria.collect(),
        ),
        (tr(l, "Scenarios", "Scénarios"), scenarios.collect()),
    ];
    out.retain(|(_, lines)| !lines.is_empty());
    out
}

/// The assumptions, each with its figures and note, and the plan's note.
#[function_component(BriefNotes)]
pub fn brief_notes(p: &NotesProps) -> Html {
    let l = use_lang();
    let plan_note = p.plan.meta.note.trim();
    let body = groups(&p.plan, l).into_iter().map(|(title, lines)| {
        html! {
            <section class="brief-group">
                <h3>{ title }</h3>
                <ul>
                    { for lines.into_iter().map(|x| html! {
                        <li>
                            <span class="brief-name">{ x.name }</span>
                            if !x.figures.is_empty() { <>{ " " }<span class="brief-figures">{ x.figures }</span></> }
                            if !x.note.is_empty() { <span class="brief-note">{ x.note }</span> }
                        </li>
                    }) }
                </ul>
            </section>
        }
    });
    html! {
        <section class="brief-notes" data-testid="brief-notes">
            <h2>{ tr(l, "Assumptions and sources", "Hypothèses et sources") }</h2>
            if !plan_note.is_empty() { <p class="brief-note">{ plan_note }</p> }
            <div class="brief-groups">{ for body }</div>
        </section>
    }
}
