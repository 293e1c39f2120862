//! The Revenue section: each local revenue stream, its buoyancy and an
//! optional revenue-administration reform.

use super::sources::note_field;
use yew::prelude::*;

use super::item_header::ItemHeader;
use super::number_field::{Kind, NumberField};
use super::panel::panel;
use super::shared::{add_button, nice_ceil, section_props};
use super::toggle_field::toggle_field;
use super::year_field::year_field;
use crate::model::{root, At};
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::edit::{List, Optional};
use crate::ui::i18n::tr;
use crate::ui::state::{Action, Section};

section_props!(Props, |p| (
    &p.revenues,
    (p.meta.start_year, p.meta.horizon_years, &p.meta.currency),
    p.macro_path.gdp_base
));

#[function_component(RevenueSection)]
pub fn revenue_section(p: &Props) -> Html {
    let Ctx { lang: l, dispatch } = use_ctx();
    let plan = &p.plan;
    let (sy, h) = (plan.meta.start_year, plan.meta.horizon_years);
    let cur = AttrValue::from(plan.meta.currency.clone());
    let base_max = nice_ceil(plan.macro_path.gdp_base * 0.15);
    let items = plan.revenues.iter().enumerate().map(|(i, r)| {
        let at = root().revenues().at(i);
        let on_reform = {
            let on_edit = dispatch.clone();
            Callback::from(move |_| on_edit.emit(Action::Toggle(Optional::Reform(i))))
        };
        html! {
            <div class="item" key={i} data-testid={format!("item-{at}")}>
                <ItemHeader list={List::Revenues} index={i} count={plan.revenues.len()}
                    name={Some(AttrValue::from(r.name.clone()))} title={r.name.clone()} />
                { note_field(at.note(), &r.note, l) }
                <NumberField field={at.base()} label={tr(l, "Yield in the first year", "Rendement la première année")}
                    value={r.base} min={0.0} max={base_max} kind={Kind::Amount} unit={cur.clone()} />
                <NumberField field={at.buoyancy()} label={tr(l, "Buoyancy (growth vs. GDP)", "Élasticité (croissance / PIB)")}
                    value={r.buoyancy} min={0.0} max={3.0} step={0.05} kind={Kind::Plain} unit={"×"}
                    hint={tr(l, "How fast the stream grows against nominal GDP: 1 keeps its share of GDP, above 1 gains share.", "Croissance de la recette par rapport au PIB nominal : 1 garde sa part du PIB, au-dessus de 1 elle en gagne.")} />
                { toggle_field(at.reform().field(), tr(l, "Revenue-administration reform", "Réforme de l'administration fiscale"), r.reform.is_some(), on_reform) }
                if let Some(f) = &r.reform {
                    <div class="sub">
                        { year_field(at.reform().start(), tr(l, "First gain in", "Premier gain en"), f.start as f64, (sy, h)) }
                        <NumberField field={at.reform().years()} label={tr(l, "Years of gains", "Années de gains")}
                            value={f.years as f64} min={0.0} max={h.max(1) as f64} step={1.0} kind={Kind::Years} />
                        <NumberField field={at.reform().gain_pct_gdp_per_year()} label={tr(l, "Gain each year", "Gain chaque année")}
                            value={f.gain_pct_gdp_per_year} min={0.0} max={2.0} step={0.05} kind={Kind::Pct}
                            unit={tr(l, "% of GDP", "% du PIB")} />
                    </div>
                }
            </div>
        }
    });
    panel(
        Section::Revenue,
        tr(l, "Revenue", "Recettes"),
        p.collapsed,
        &dispatch,
        || {
            html! {
                <>
                    { for items }
                    { add_button(List::Revenues, tr(l, "Add a revenue stream", "Ajouter une recette"), &dispatch) }
                </>
            }
        },
    )
}
