//! The Social protection section: each programme's eligible share, benefit,
//! administration cost and coverage ramp.

use super::sources::note_field;
use yew::prelude::*;

use super::item_header::ItemHeader;
use super::number_field::{Kind, NumberField};
use super::panel::panel;
use super::shared::{add_button, nice_ceil, section_props};
use super::spending_section::ramp_fields;
use super::toggle_field::toggle_field;
use crate::model::{root, At};
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::edit::{cofinance_links, cofinancers, List, Optional, Value};
use crate::ui::i18n::tr;
use crate::ui::state::{Action, Edit, Section};

section_props!(Props, |p| (
    &p.programmes,
    (p.meta.start_year, p.meta.horizon_years, &p.meta.currency),
    (p.macro_path.gdp_base, p.macro_path.population_base),
    // An item's co-financers, for the question before removing it.
    cofinance_links(p)
));

#[function_component(SocialSection)]
pub fn social_section(p: &Props) -> Html {
    let Ctx { lang: l, dispatch } = use_ctx();
    let plan = &p.plan;
    let ctx = (plan.meta.start_year, plan.meta.horizon_years);
    let per_person = format!(
        "{} {}",
        plan.meta.currency,
        tr(l, "per person a year", "par personne et par an")
    );
    // Up to GDP per head: a benefit above it would be unusual.
    let benefit_max =
        nice_ceil(plan.macro_path.gdp_base / plan.macro_path.population_base.max(1.0));
    let items = plan.programmes.iter().enumerate().map(|(i, g)| {
        let at = root().programmes().at(i);
        let on_indexed = {
            let on_edit = dispatch.clone();
            let field = at.indexed();
            Callback::from(move |b: bool| on_edit.emit(Action::Set { field: field.clone(), value: Value::Bool(b), edit: Edit::Commit }))
        };
        let on_coverage = {
            let on_edit = dispatch.clone();
            Callback::from(move |_| on_edit.emit(Action::Toggle(Optional::Coverage(i))))
        };
        html! {
            <div class="item" key={i} data-testid={format!("item-{at}")}>
                <ItemHeader list={List::Programmes} index={i} count={plan.programmes.len()}
                    name={Some(AttrValue::from(g.name.clone()))} title={g.name.clone()}
                    cofinancers={cofinancers(plan, List::Programmes, i).into_iter().map(AttrValue::from).collect::<Vec<_>>()} />
                { note_field(at.note(), &g.note, l) }
                <NumberField field={at.eligible_share_pct()} label={tr(l, "Eligible share of the population", "Part de la population éligible")}
                    value={g.eligible_share_pct} min={0.0} max={100.0} step={0.5} kind={Kind::Pct} />
                <NumberField field={at.benefit_base()} label={tr(l, "Benefit in the first year", "Prestation la première année")}
                    value={g.benefit_base} min={0.0} max={benefit_max} kind={Kind::Amount} unit={per_person.clone()} />
                <NumberField field={at.real_benefit_growth_pct()} label={tr(l, "Real benefit growth", "Croissance réelle de la prestation")}
                    value={g.real_benefit_growth_pct} min={-5.0} max={10.0} step={0.1} kind={Kind::Pct} unit={tr(l, "%/yr", "%/an")} />
                <NumberField field={at.admin_pct()} label={tr(l, "Administration cost", "Coût administratif")}
                    value={g.admin_pct} min={0.0} max={30.0} step={0.5} kind={Kind::Pct} unit={tr(l, "% of benefits", "% des prestations")} />
                { toggle_field(&at.indexed(), tr(l, "Benefit rises with prices", "Prestation indexée sur les prix"), g.indexed, on_indexed) }
                { toggle_field(at.coverage().field(), tr(l, "Coverage scales up over time", "La couverture s'étend dans le temps"), g.coverage.is_some(), on_coverage) }
                if let Some(r) = &g.coverage {
                    { ramp_fields(&at.coverage(), r, ctx,
                        (tr(l, "Coverage at first", "Couverture au départ"), tr(l, "Share of eligible people reached, year by year", "Part des éligibles couverts, année par année")), l) }
                }
            </div>
        }
    });
    panel(
        Section::Social,
        tr(l, "Social protection", "Protection sociale"),
        p.collapsed,
        &dispatch,
        || {
            html! {
                <>
                    { for items }
                    { add_button(List::Programmes, tr(l, "Add a programme", "Ajouter un programme"), &dispatch) }
                </>
            }
        },
    )
}
