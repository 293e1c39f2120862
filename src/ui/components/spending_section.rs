//! The Spending & handover section: the cost lines the local budget must
//! finance, each with an optional staged handover from the mission.

use super::sources::note_field;
use yew::prelude::*;

use super::item_header::ItemHeader;
use super::number_field::{Kind, NumberField};
use super::panel::panel;
use super::shared::{add_button, nice_ceil, section_props};
use super::sparkline::{ramp_values, sparkline};
use super::toggle_field::toggle_field;
use super::year_field::year_field;
use crate::model::{root, At};
use crate::model::{Ramp, RampAt};
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::edit::{cofinance_links, cofinancers, List, Optional};
use crate::ui::i18n::{tr, Lang};
use crate::ui::state::{Action, Section};

section_props!(Props, |p| (
    &p.costs,
    (p.meta.start_year, p.meta.horizon_years, &p.meta.currency),
    p.macro_path.gdp_base,
    // An item's co-financers, for the question before removing it.
    cofinance_links(p)
));

/// The four fields of a ramp and its preview, shared with coverage.
pub fn ramp_fields(
    at: &RampAt,
    r: &Ramp,
    (start_year, horizon): (i32, u32),
    labels: (&'static str, &'static str),
    lang: Lang,
) -> Html {
    let l = lang;
    html! {
        <div class="sub ramp">
            { sparkline(&ramp_values(r, horizon), labels.1, format!("ramp-preview-{at}")) }
            <NumberField field={at.from_pct()} label={labels.0} value={r.from_pct} min={0.0} max={100.0} step={1.0}
                kind={Kind::Pct} />
            <NumberField field={at.to_pct()} label={tr(l, "Rising to", "Jusqu'à")} value={r.to_pct} min={0.0} max={100.0} step={1.0}
                kind={Kind::Pct} />
            { year_field(at.start(), tr(l, "Starting in", "À partir de"), r.start as f64, (start_year, horizon)) }
            <NumberField field={at.years()} label={tr(l, "Over", "Sur")} value={r.years as f64} min={0.0}
                max={horizon.max(1) as f64} step={1.0} kind={Kind::Years} />
        </div>
    }
}

#[function_component(SpendingSection)]
pub fn spending_section(p: &Props) -> Html {
    let Ctx { lang: l, dispatch } = use_ctx();
    let plan = &p.plan;
    let ctx = (plan.meta.start_year, plan.meta.horizon_years);
    let cur = AttrValue::from(plan.meta.currency.clone());
    let base_max = nice_ceil(plan.macro_path.gdp_base * 0.1);
    let items = plan.costs.iter().enumerate().map(|(i, c)| {
        let at = root().costs().at(i);
        let toggle = |a: Action| {
            let on_edit = dispatch.clone();
            Callback::from(move |_| on_edit.emit(a.clone()))
        };
        let on_indexed = {
            let on_edit = dispatch.clone();
            let field = at.indexed();
            Callback::from(move |b: bool| on_edit.emit(Action::Set {
                field: field.clone(), value: crate::ui::edit::Value::Bool(b), edit: crate::ui::state::Edit::Commit,
            }))
        };
        html! {
            <div class="item" key={i} data-testid={format!("item-{at}")}>
                <ItemHeader list={List::Costs} index={i} count={plan.costs.len()}
                    name={Some(AttrValue::from(c.name.clone()))} title={c.name.clone()}
                    cofinancers={cofinancers(plan, List::Costs, i).into_iter().map(AttrValue::from).collect::<Vec<_>>()} />
                { note_field(at.note(), &c.note, l) }
                <NumberField field={at.base()} label={tr(l, "Cost in the first year", "Coût la première année")}
                    value={c.base} min={0.0} max={base_max} kind={Kind::Amount} unit={cur.clone()} />
                <NumberField field={at.real_growth_pct()} label={tr(l, "Real growth", "Croissance réelle")}
                    value={c.real_growth_pct} min={-5.0} max={10.0} step={0.1} kind={Kind::Pct} unit={tr(l, "%/yr", "%/an")} />
                { toggle_field(&at.indexed(), tr(l, "Rises with prices", "Indexé sur les prix"), c.indexed, on_indexed) }
                { toggle_field(at.handover().field(), tr(l, "Handed over from the mission in stages", "Transféré par étapes depuis la mission"), c.handover.is_some(), toggle(Action::Toggle(Optional::Handover(i)))) }
                if let Some(r) = &c.handover {
                    { ramp_fields(&at.handover(), r, ctx,
                        (tr(l, "On budget at first", "Au budget au départ"), tr(l, "Share on the local budget, year by year", "Part au budget local, année par année")), l) }
                }
            </div>
        }
    });
    panel(
        Section::Spending,
        tr(l, "Spending & handover", "Dépenses et transfert"),
        p.collapsed,
        &dispatch,
        || {
            html! {
                <>
                    { for items }
                    { add_button(List::Costs, tr(l, "Add a cost line", "Ajouter un poste de dépense"), &dispatch) }
                </>
            }
        },
    )
}
