//! The Plan section: name, country, currency code, start year, horizon,
//! discount rate and donor-exit threshold.

use super::sources::note_field;
use yew::prelude::*;

use super::number_field::{Kind, NumberField};
use super::panel::panel;
use super::shared::section_props;
use super::text_field::TextField;
use crate::model::root;
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::i18n::tr;
use crate::ui::state::Section;

section_props!(Props, |p| &p.meta);

#[function_component(PlanSection)]
pub fn plan_section(p: &Props) -> Html {
    let Ctx { lang: l, dispatch } = use_ctx();
    let m = &p.plan.meta;
    panel(
        Section::Plan,
        tr(l, "Plan", "Plan"),
        p.collapsed,
        &dispatch,
        || {
            html! {
                <>
                    <TextField field={root().meta().name()} label={tr(l, "Plan name", "Nom du plan")} value={m.name.clone()} />
                    <TextField field={root().meta().country()} label={tr(l, "Country", "Pays")} value={m.country.clone()} />
                    <TextField field={root().meta().currency()} label={tr(l, "Local currency code (display only)", "Code de la monnaie locale (affichage)")}
                        value={m.currency.clone()} placeholder={"LCU"} />
                    { note_field(root().meta().note(), &m.note, l) }
                    <NumberField field={root().meta().start_year()} label={tr(l, "First year", "Première année")} value={m.start_year as f64}
                        min={2000.0} max={2060.0} step={1.0} kind={Kind::Year} />
                    <NumberField field={root().meta().horizon_years()} label={tr(l, "Horizon", "Horizon")} value={m.horizon_years as f64}
                        min={1.0} max={60.0} step={1.0} kind={Kind::Years} />
                    <NumberField field={root().meta().discount_rate_pct()} label={tr(l, "Discount rate (for present values)", "Taux d'actualisation (valeurs actuelles)")}
                        value={m.discount_rate_pct} min={0.0} max={20.0} step={0.1} kind={Kind::Pct} unit={tr(l, "%/yr", "%/an")}
                        hint={tr(l, "Used only for present values of gaps and donor funding.", "Sert seulement aux valeurs actuelles des déficits et des financements.")} />
                    <NumberField field={root().meta().exit_threshold_pct()} label={tr(l, "Donors have exited below", "Les bailleurs sont sortis sous")}
                        value={m.exit_threshold_pct} min={0.0} max={10.0} step={0.1} kind={Kind::Pct} unit={tr(l, "% of need", "% du besoin")}
                        hint={tr(l, "Donors count as gone once their funding stays at or below this share of the spending need.", "Les bailleurs sont considérés partis quand leur financement reste sous cette part du besoin de dépenses.")} />
                </>
            }
        },
    )
}
