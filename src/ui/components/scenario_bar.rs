//! The scenario bar: the baseline and its scenarios as tabs (show one,
//! tick two to four to compare), saving the baseline's edits as a new
//! scenario, the shown scenario's name, note, copy and removal, and the
//! shock library. Also the context that tells a control whether the shown
//! scenario changes its field (`use_changed`), so it is marked and can be
//! reset to the baseline's value.
//!
//! Not for: the comparison itself (`compare_view.rs`) or any rule about
//! scenarios (`state.rs` and `model::scenario`).

use std::rc::Rc;

use yew::prelude::*;

use super::notice::Notice;
use super::text_field::TextField;
use crate::model::scenario::covers;
use crate::model::shock_library::LibraryShock;
use crate::model::{root, Changes, Field, Plan, MAX_SCENARIOS};
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::i18n::{tr, Lang};
use crate::ui::state::{Action, ScenarioOp};

/// The shown scenario's changes (`None` on the baseline), for the controls.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ShownChanges(pub Option<Rc<Changes>>);

/// Whether the shown scenario changes `field`: `None` if not, else whether
/// a reset can take the change back (a change at or inside the field; one
/// around it, such as a whole list, is reset where it was made).
#[hook]
pub fn use_changed(field: &Field) -> Option<bool> {
    let shown = use_context::<ShownChanges>().unwrap_or_default();
    let changes = shown.0?;
    covers(&changes, field).then(|| changes.0.iter().any(|(f, _)| f.starts_with(field)))
}

/// The mark and reset button of a changed control.
pub fn changed_mark(field: &Field, resettable: bool, Ctx { lang, dispatch }: &Ctx) -> Html {
    let l = *lang;
    let reset = {
        let (field, dispatch) = (field.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::ResetChange {
                field: field.clone(),
            })
        })
    };
    html! { <>
        <span class="changed-mark" title={tr(l, "Changed in this scenario", "Modifié dans ce scénario")}
            data-testid={format!("changed-{field}")}>{ "●" }</span>
        if resettable {
            <button type="button" class="reset-change" data-testid={format!("reset-{field}")} onclick={reset}
                aria-label={tr(l, "Back to the baseline's value", "Revenir à la valeur de référence")}>{ "↺" }</button>
        }
    </> }
}

fn shock_name(s: LibraryShock, l: Lang) -> &'static str {
    match s {
        LibraryShock::ConflictRelapse => tr(l, "Conflict relapse", "Reprise du conflit"),
        LibraryShock::CommodityPriceFall => tr(
            l,
            "Commodity price fall",
            "Chute des cours des matières premières",
        ),
        LibraryShock::PledgeShortfall => tr(l, "Pledge shortfall", "Promesses non tenues"),
        LibraryShock::ExchangeRateShock => tr(l, "Exchange-rate shock", "Choc de change"),
    }
}

#[derive(Properties, Clone)]
pub struct Props {
    pub plan: Rc<Plan>,
    pub shown: Option<usize>,
    pub compare: Rc<Vec<Option<usize>>>,
    /// Changes the baseline's unsaved edits would make.
    pub pending: usize,
    /// Changes that went with a deleted item at the last edit.
    pub dropped: Rc<Vec<(String, Field)>>,
}

impl PartialEq for Props {
    /// The bar shows the plan's scenarios only: a figure dragged in the
    /// baseline is no change.
    fn eq(&self, o: &Self) -> bool {
        (Rc::ptr_eq(&self.plan, &o.plan) || self.plan.scenarios == o.plan.scenarios)
            && self.shown == o.shown
            && self.compare == o.compare
            && self.pending == o.pending
            && Rc::ptr_eq(&self.dropped, &o.dropped)
    }
}

#[function_component(ScenarioBar)]
pub fn scenario_bar(p: &Props) -> Html {
    let Ctx { lang: l, dispatch } = use_ctx();
    let send = |a: Action| {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(a.clone()))
    };
    let n = p.plan.scenarios.len();
    let full = n >= MAX_SCENARIOS;
    let tab = |i: Option<usize>, name: &str| {
        let key = i.map_or("baseline".to_string(), |i| i.to_string());
        let ticked = p.compare.contains(&i);
        let toggle = {
            let (d, set) = (dispatch.clone(), p.compare.clone());
            Callback::from(move |_: Event| {
                let mut set = (*set).clone();
                match set.iter().position(|c| *c == i) {
                    Some(at) => {
                        set.remove(at);
                    }
                    None => set.push(i),
                }
                d.emit(Action::Compare(set))
            })
        };
        html! {
            <li class={classes!("scenario-tab", (p.shown == i).then_some("shown"))}>
                <button type="button" data-testid={format!("scenario-tab-{key}")}
                    aria-pressed={(p.shown == i).to_string()} onclick={send(Action::ShowScenario(i))}>
                    { name.to_string() }
                </button>
                <input type="checkbox" data-testid={format!("compare-{key}")} checked={ticked}
                    disabled={!ticked && p.compare.len() >= 4} onchange={toggle}
                    aria-label={format!("{} {name}", tr(l, "Compare", "Comparer"))} />
            </li>
        }
    };
    let baseline = tr(l, "Baseline", "Référence");
    let edits = match p.shown {
        None => html! {
            <div class="scenario-edits">
                <button type="button" class="primary" data-testid="scenario-save" disabled={full}
                    onclick={send(Action::Scenario(ScenarioOp::SaveEdits { name: String::new() }))}>
                    { if p.pending == 0 { tr(l, "New scenario", "Nouveau scénario") } else { tr(l, "Save edits as a scenario", "Enregistrer les modifications comme scénario") } }
                </button>
                if p.pending > 0 {
                    <span data-testid="scenario-pending">{ format!("{} {}", p.pending, tr(l, "unsaved change(s) to the baseline", "modification(s) de la référence non enregistrée(s)")) }</span>
                    <button type="button" data-testid="scenario-keep"
                        onclick={send(Action::Scenario(ScenarioOp::KeepEdits))}>
                        { tr(l, "Keep in the baseline", "Garder dans la référence") }
                    </button>
                }
            </div>
        },
        Some(i) => {
            let s = &p.plan.scenarios[i];
            let at = root().scenarios().at(i);
            html! {
                <div class="scenario-edits">
                    <TextField field={at.name()} label={tr(l, "Scenario name", "Nom du scénario")}
                        value={s.name.clone()} />
                    <TextField field={at.note()} label={tr(l, "What it stands for", "Ce qu'il représente")}
                        value={s.note.clone()} />
                    <span data-testid="scenario-changes">{ format!("{} {}", s.changes.0.len(), tr(l, "change(s) from the baseline", "modification(s) par rapport à la référence")) }</span>
                    <button type="button" data-testid="scenario-duplicate" disabled={full}
                        onclick={send(Action::Scenario(ScenarioOp::Duplicate(i)))}>{ tr(l, "Duplicate", "Dupliquer") }</button>
                    <button type="button" data-testid="scenario-delete"
                        onclick={send(Action::Scenario(ScenarioOp::Delete(i)))}>{ tr(l, "Delete", "Supprimer") }</button>
                </div>
            }
        }
    };
    let dropped = (!p.dropped.is_empty()).then(|| {
        let lines: Vec<String> = p
            .dropped
            .iter()
            .map(|(s, f)| match l {
                Lang::En => format!("“{s}” no longer changes {f}"),
                Lang::Fr => format!("« {s} » ne modifie plus {f}"),
            })
            .collect();
        let message = format!(
            "{}\n{}",
            tr(l, "The deleted item took these scenario changes with it:", "L'élément supprimé a emporté ces modifications de scénarios :"),
            lines.join("\n")
        );
        html! { <Notice testid="scenario-dropped" kind="info" title={tr(l, "Scenario changes removed", "Modifications de scénario retirées")} {message} /> }
    });
    html! {
        <section class="scenario-bar" aria-label={tr(l, "Scenarios", "Scénarios")} data-testid="scenario-bar">
            <ul class="scenario-tabs">
                { tab(None, baseline) }
                { for p.plan.scenarios.iter().enumerate().map(|(i, s)| tab(Some(i), &s.name)) }
            </ul>
            { edits }
            <div class="shock-library">
                <span>{ tr(l, "Add a shock:", "Ajouter un choc :") }</span>
                { for LibraryShock::ALL.iter().enumerate().map(|(k, s)| html! {
                    <button type="button" data-testid={format!("shock-{k}")} disabled={full} title={s.note()}
                        onclick={send(Action::Scenario(ScenarioOp::Library(*s)))}>{ shock_name(*s, l) }</button>
                }) }
            </div>
            { for dropped }
        </section>
    }
}
