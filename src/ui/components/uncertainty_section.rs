//! The Uncertainty section: switches the plan's Monte Carlo run on or off
//! and edits its `uncertainty` block (spreads, persistence, paths, seed)
//! with the ordinary typed controls, plus presets of spreads. The run
//! itself and its charts are the results' (`fan_panel`).

use yew::prelude::*;

use super::number_field::{Kind, NumberField};
use super::panel::panel;
use super::shared::section_props;
use super::toggle_field::toggle_field;
use crate::model::uncertainty::MAX_PATHS;
use crate::model::{root, At};
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::edit::Optional;
use crate::ui::i18n::tr;
use crate::ui::spreads::SpreadPreset;
use crate::ui::state::{Action, Section};

section_props!(Props, |p| &p.uncertainty);

#[function_component(UncertaintySection)]
pub fn uncertainty_section(p: &Props) -> Html {
    let Ctx { lang: l, dispatch } = use_ctx();
    let on_toggle = {
        let d = dispatch.clone();
        Callback::from(move |_| d.emit(Action::Toggle(Optional::Uncertainty)))
    };
    let u = p.plan.uncertainty.clone();
    panel(
        Section::Uncertainty,
        tr(l, "Uncertainty", "Incertitude"),
        p.collapsed,
        &dispatch,
        || {
            let at = root().uncertainty();
            let body = u.map(|u| {
                let presets = SpreadPreset::ALL.iter().map(|preset| {
                    let d = dispatch.clone();
                    let preset = *preset;
                    let onclick = Callback::from(move |_| d.emit(Action::Spreads(preset)));
                    let on = preset.matches(&u);
                    html! {
                        <button type="button" class={classes!("preset", on.then_some("selected"))} {onclick}
                            aria-pressed={if on { "true" } else { "false" }}
                            data-testid={format!("spreads-{}", preset.key())}>{ preset.title(l) }</button>
                    }
                });
                let pp = tr(l, "points", "points");
                html! {
                    <div class="sub">
                        <div class="presets" role="group" aria-label={tr(l, "Presets", "Préréglages")}>{ for presets }</div>
                        <NumberField field={at.real_growth_sd_pp()} label={tr(l, "Real growth surprise (sd)", "Surprise de croissance réelle (écart-type)")}
                            value={u.real_growth_sd_pp} min={0.0} max={6.0} step={0.1} kind={Kind::Pct} unit={pp} />
                        <NumberField field={at.inflation_sd_pp()} label={tr(l, "Inflation surprise (sd)", "Surprise d'inflation (écart-type)")}
                            value={u.inflation_sd_pp} min={0.0} max={10.0} step={0.1} kind={Kind::Pct} unit={pp} />
                        <NumberField field={at.persistence()} label={tr(l, "Share of a surprise carried into the next year", "Part d'une surprise reportée sur l'année suivante")}
                            value={u.persistence} min={0.0} max={1.0} step={0.05} kind={Kind::Plain} />
                        <NumberField field={at.revenue_error_pct()} label={tr(l, "Revenue level error (sd)", "Erreur sur le niveau des recettes (écart-type)")}
                            value={u.revenue_error_pct} min={0.0} max={30.0} step={0.5} kind={Kind::Pct} />
                        <NumberField field={at.cost_error_pct()} label={tr(l, "Cost level error (sd)", "Erreur sur le niveau des coûts (écart-type)")}
                            value={u.cost_error_pct} min={0.0} max={30.0} step={0.5} kind={Kind::Pct} />
                        <NumberField field={at.fulfilment_sd_pp()} label={tr(l, "Donor fulfilment spread (sd)", "Dispersion des décaissements (écart-type)")}
                            value={u.fulfilment_sd_pp} min={0.0} max={50.0} step={1.0} kind={Kind::Pct} unit={pp} />
                        <NumberField field={at.paths()} label={tr(l, "Paths", "Tirages")}
                            value={f64::from(u.paths)} min={100.0} max={f64::from(MAX_PATHS)} log={true} step={1.0} kind={Kind::Whole} />
                        <NumberField field={at.seed()} label={tr(l, "Seed", "Graine")}
                            value={u.seed as f64} min={0.0} max={1000.0} step={1.0} kind={Kind::Whole} />
                    </div>
                }
            });
            html! {
                <>
                    { toggle_field(at.field(), tr(l, "Monte Carlo run: show the range of outcomes", "Simulation de Monte Carlo : afficher l’éventail des résultats"),
                        p.plan.uncertainty.is_some(), on_toggle) }
                    { for body }
                </>
            }
        },
    )
}
