//! "What it would take": the four goal-seek questions (`model::seek`)
//! about items the user picks, answered in the workers for the plan on
//! screen, each with one click to apply the answer to the plan (undoable)
//! or keep it as a scenario. The questions are put by `seek_tasks`; the
//! answers come from `fan_panel`, which owns the workers.

use std::rc::Rc;

use yew::prelude::*;

use super::fan_panel::Answers;
use crate::model::scenario::scenario_from_edits;
use crate::model::seek::with_answer;
use crate::model::{Currency, DonorKind, Plan};
use crate::ui::format::{money_short, trimmed};
use crate::ui::i18n::{tr, Lang};
use crate::ui::sim_worker::{Answer, SeekQuestion, Task};
use crate::ui::state::{Action, ScenarioOp};

/// The item each question is asked about (by name); None: the first the
/// plan has that the question applies to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SeekItems(pub [Option<String>; 4]);

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Reform,
    Taper,
    Coverage,
    Pledge,
}

const KINDS: [Kind; 4] = [Kind::Reform, Kind::Taper, Kind::Coverage, Kind::Pledge];

impl Kind {
    fn key(self) -> &'static str {
        match self {
            Kind::Reform => "reform",
            Kind::Taper => "taper",
            Kind::Coverage => "coverage",
            Kind::Pledge => "pledge",
        }
    }

    fn question(self, by: i32) -> SeekQuestion {
        match self {
            Kind::Reform => SeekQuestion::Reform { by },
            Kind::Taper => SeekQuestion::Taper,
            Kind::Coverage => SeekQuestion::Coverage,
            Kind::Pledge => SeekQuestion::Pledge,
        }
    }

    fn of(q: SeekQuestion) -> Kind {
        match q {
            SeekQuestion::Reform { .. } => Kind::Reform,
            SeekQuestion::Taper => Kind::Taper,
            SeekQuestion::Coverage => Kind::Coverage,
            SeekQuestion::Pledge => Kind::Pledge,
        }
    }

    /// The items of `plan` the question can be asked about.
    fn items(self, plan: &Plan) -> Vec<String> {
        match self {
            Kind::Reform => plan.revenues.iter().map(|r| r.name.clone()).collect(),
            Kind::Coverage => plan.programmes.iter().map(|p| p.name.clone()).collect(),
            Kind::Taper | Kind::Pledge => plan
                .donors
                .iter()
                .filter(|d| d.kind != DonorKind::Cofinancing)
                .map(|d| d.name.clone())
                .collect(),
        }
    }

    fn title(self, l: Lang) -> &'static str {
        match self {
            Kind::Reform => tr(l, "Reform needed", "Réforme nécessaire"),
            Kind::Taper => tr(
                l,
                "Fastest safe taper",
                "Retrait le plus rapide sans déficit",
            ),
            Kind::Coverage => tr(l, "Affordable coverage", "Couverture finançable"),
            Kind::Pledge => tr(l, "Pledge needed", "Engagement nécessaire"),
        }
    }
}

/// The goal-seek tasks for `plan` (self-sufficiency by `by`) and the items
/// they are about, each question's pick kept when the plan still has it.
pub fn seek_tasks(plan: &Plan, by: i32, picked: &SeekItems) -> (Vec<Task>, SeekItems) {
    let mut resolved = SeekItems::default();
    let mut tasks = Vec::new();
    for (k, kind) in KINDS.iter().enumerate() {
        let items = kind.items(plan);
        let item = picked.0[k]
            .clone()
            .filter(|p| items.contains(p))
            .or_else(|| items.first().cloned());
        if let Some(item) = &item {
            tasks.push(Task::Seek {
                question: kind.question(by),
                item: item.clone(),
            });
        }
        resolved.0[k] = item;
    }
    (tasks, resolved)
}

struct View<'a> {
    plan: &'a Plan,
    by: i32,
    on_items: &'a Callback<SeekItems>,
}

/// The answer in words.
fn sentence(plan: &Plan, a: &Answer, by: i32, l: Lang) -> String {
    let item = &a.item;
    match (Kind::of(a.question), a.value) {
        (Kind::Reform, Some(v)) => match l {
            Lang::En => format!("A reform of {item} gaining {}\u{a0}% of GDP a year makes the plan self-sufficient by {by}.", trimmed(v, 3, l)),
            Lang::Fr => format!("Une réforme de « {item} » gagnant {}\u{a0}% du PIB par an rend le plan autosuffisant en {by}.", trimmed(v, 3, l)),
        },
        (Kind::Reform, None) => match l {
            Lang::En => format!("Even 5 % of GDP a year more from {item} does not make the plan self-sufficient by {by}."),
            Lang::Fr => format!("Même 5 % du PIB par an de plus sur « {item} » ne rendent pas le plan autosuffisant en {by}."),
        },
        (Kind::Taper, Some(_)) => {
            let year = a.calendar_year.map(|y| y.to_string()).unwrap_or_default();
            match l {
                Lang::En => format!("{item} can taper out linearly by {year} with no unfunded gap."),
                Lang::Fr => format!("« {item} » peut se retirer linéairement d’ici {year} sans déficit non financé."),
            }
        }
        (Kind::Taper, None) => match l {
            Lang::En => format!("No linear taper of {item} within the plan avoids an unfunded gap."),
            Lang::Fr => format!("Aucun retrait linéaire de « {item} » dans l’horizon du plan n’évite un déficit."),
        },
        (Kind::Coverage, Some(v)) => match l {
            Lang::En => format!("{item} can reach {}\u{a0}% coverage with no unfunded gap.", trimmed(v, 2, l)),
            Lang::Fr => format!("« {item} » peut atteindre {}\u{a0}% de couverture sans déficit non financé.", trimmed(v, 2, l)),
        },
        (Kind::Coverage, None) => match l {
            Lang::En => format!("Even with no coverage of {item}, the plan has an unfunded gap."),
            Lang::Fr => format!("Même sans couverture de « {item} », le plan garde un déficit."),
        },
        (Kind::Pledge, Some(v)) => {
            let usd = plan
                .donors
                .iter()
                .find(|d| d.name == *item)
                .is_some_and(|d| d.currency == Some(Currency::Usd));
            let code = if usd {
                "USD".to_string()
            } else {
                crate::ui::chart::currency_code(plan, crate::ui::format::DisplayCurrency::Local)
            };
            let money = format!("{} {code}", money_short(v, l));
            match l {
                Lang::En => format!("{item} closes every gap with a first-year pledge of {money}."),
                Lang::Fr => format!("« {item} » comble tout déficit avec un engagement de {money} la première année."),
            }
        }
        (Kind::Pledge, None) => match l {
            Lang::En => format!("No pledge from {item} up to 1,000 times the current one closes every gap."),
            Lang::Fr => format!("Aucun engagement de « {item} » jusqu’à 1 000 fois l’actuel ne comble tout déficit."),
        },
    }
}

/// The four cards for `plan`: `answers` once the workers have them (for
/// this plan), `items` the user's picks, reported through `on_items`. A
/// plain function: it is part of the results panel's view.
pub fn what_it_takes(
    plan: &Rc<Plan>,
    answers: Option<&Answers>,
    by: i32,
    items: &SeekItems,
    on_items: &Callback<SeekItems>,
    dispatch: &Callback<Action>,
    l: Lang,
) -> Html {
    let p = View { plan, by, on_items };
    let (_, resolved) = seek_tasks(plan, by, items);
    let answers = answers.filter(|a| *a.plan == **plan);
    let cards = KINDS.iter().enumerate().map(|(k, kind)| {
        let key = kind.key();
        let items = kind.items(p.plan);
        let Some(item) = resolved.0[k].clone() else {
            let none = match kind {
                Kind::Reform => tr(l, "The plan has no revenue stream.", "Le plan n’a pas de recette."),
                Kind::Coverage => tr(l, "The plan has no programme.", "Le plan n’a pas de programme."),
                _ => tr(l, "The plan has no budget-support or gap-filling donor.", "Le plan n’a pas de bailleur d’appui budgétaire ou de comblement."),
            };
            return html! {
                <section class="card seek-card" data-testid={format!("seek-{key}")}>
                    <h3 class="card-label">{ kind.title(l) }</h3>
                    <p class="card-note">{ none }</p>
                </section>
            };
        };
        let answer = answers.and_then(|a| {
            a.list
                .iter()
                .flatten()
                .find(|x| Kind::of(x.question) == *kind && x.item == item)
        });
        let on_pick = {
            let (on_items, picked) = (p.on_items.clone(), resolved.clone());
            Callback::from(move |e: Event| {
                let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
                let mut picked = picked.clone();
                picked.0[k] = Some(sel.value());
                on_items.emit(picked.clone());
            })
        };
        let edited = answer.and_then(|a| with_answer(p.plan, &a.to_model()));
        let (on_apply, on_save) = match &edited {
            Some(edited) => {
                let (d1, d2) = (dispatch.clone(), dispatch.clone());
                let apply = edited.clone();
                let scenario = scenario_from_edits(p.plan, edited, &format!("{}: {item}", kind.title(l)));
                (
                    Callback::from(move |_| d1.emit(Action::Load(Box::new(apply.clone())))),
                    Callback::from(move |_| d2.emit(Action::Scenario(ScenarioOp::Add(Box::new(scenario.clone()))))),
                )
            }
            None => (Callback::noop(), Callback::noop()),
        };
        let text = match answer {
            Some(a) => sentence(p.plan, a, p.by, l),
            None if answers.is_some() => tr(l, "This question cannot be answered for this plan.", "Cette question n’a pas de réponse pour ce plan.").to_string(),
            None => tr(l, "Working it out…", "Calcul en cours…").to_string(),
        };
        html! {
            <section class="card seek-card" data-testid={format!("seek-{key}")}
                data-value={answer.and_then(|a| a.value).map(|v| v.to_string())}>
                <h3 class="card-label">{ kind.title(l) }</h3>
                <label class="view-select">{ tr(l, "About", "Pour") }
                    <select data-testid={format!("seek-{key}-item")} onchange={on_pick}>
                        { for items.iter().map(|n| html! {
                            <option value={n.clone()} selected={*n == item}>{ n.clone() }</option>
                        }) }
                    </select>
                </label>
                <p class="seek-answer" data-testid={format!("seek-{key}-answer")} aria-live="polite">{ text }</p>
                <div class="seek-actions">
                    <button type="button" data-testid={format!("seek-{key}-apply")} disabled={edited.is_none()}
                        onclick={on_apply}>{ tr(l, "Apply to the plan", "Appliquer au plan") }</button>
                    <button type="button" data-testid={format!("seek-{key}-save")} disabled={edited.is_none()}
                        onclick={on_save}>{ tr(l, "Save as scenario", "Enregistrer comme scénario") }</button>
                </div>
            </section>
        }
    });
    html! {
        <div class="what-it-takes" data-testid="what-it-takes"
            data-generation={answers.map(|a| a.generation.to_string())}
            data-ms={answers.map(|a| a.ms.iter().map(|m| format!("{m:.2}")).collect::<Vec<_>>().join(","))}>
            <h3>{ tr(l, "What it would take", "Ce qu’il faudrait") }</h3>
            <div class="cards">{ for cards }</div>
        </div>
    }
}
