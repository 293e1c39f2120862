//! The Shocks section: temporary hits to revenue, donor flows and costs.

use super::sources::note_field;
use yew::prelude::*;

use super::item_header::ItemHeader;
use super::number_field::{Kind, NumberField};
use super::panel::panel;
use super::shared::{add_button, section_props};
use super::year_field::year_field;
use crate::model::{root, Field};
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::edit::List;
use crate::ui::i18n::{tr, Lang};
use crate::ui::state::Section;

section_props!(Props, |p| (
    &p.shocks,
    p.meta.start_year,
    p.meta.horizon_years
));

#[function_component(ShocksSection)]
pub fn shocks_section(p: &Props) -> Html {
    let Ctx { lang: l, dispatch } = use_ctx();
    let plan = &p.plan;
    let (sy, h) = (plan.meta.start_year, plan.meta.horizon_years);
    let items = plan.shocks.iter().enumerate().map(|(i, s)| {
        let at = root().shocks().at(i);
        let title = match l {
            Lang::En => format!("Shock {} ({})", i + 1, sy as i64 + s.at as i64),
            Lang::Fr => format!("Choc {} ({})", i + 1, sy as i64 + s.at as i64),
        };
        let pct = |f: Field, label: &'static str, v: f64, min: f64, max: f64| html! {
            <NumberField field={f.clone()} {label} value={v} {min} {max} step={1.0} kind={Kind::Pct} />
        };
        html! {
            <div class="item" key={i} data-testid={format!("item-{at}")}>
                <ItemHeader list={List::Shocks} index={i} count={plan.shocks.len()} name={None::<AttrValue>}
                    title={title} />
                { note_field(at.note(), &s.note, l) }
                { year_field(at.at(), tr(l, "Hits in", "Survient en"), s.at as f64, (sy, h)) }
                <NumberField field={at.years()} label={tr(l, "Lasts", "Dure")} value={s.years as f64} min={1.0} max={10.0}
                    step={1.0} kind={Kind::Years} />
                { pct(at.revenue_pct(), tr(l, "Revenue change", "Variation des recettes"), s.revenue_pct, -50.0, 50.0) }
                { pct(at.donor_pct(), tr(l, "Donor flows change", "Variation des flux des bailleurs"), s.donor_pct, -100.0, 50.0) }
                { pct(at.cost_pct(), tr(l, "Costs change", "Variation des coûts"), s.cost_pct, -50.0, 50.0) }
            </div>
        }
    });
    panel(
        Section::Shocks,
        tr(l, "Shocks", "Chocs"),
        p.collapsed,
        &dispatch,
        || {
            html! {
                <>
                    <p class="hint">{ tr(l,
                        "A shock multiplies every revenue stream, donor flow and cost while it lasts; the revenue trend itself is unchanged.",
                        "Un choc multiplie chaque recette, flux de bailleur et coût pendant sa durée ; la tendance des recettes n'en est pas changée.") }</p>
                    { for items }
                    { add_button(List::Shocks, tr(l, "Add a shock", "Ajouter un choc"), &dispatch) }
                </>
            }
        },
    )
}
