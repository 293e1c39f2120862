//! The Reserve & exit section: the reserve fund, the exit criteria the
//! plan is judged by, and when donors should re-engage.

use super::sources::note_field;
use yew::prelude::*;

use super::item_header::ItemHeader;
use super::number_field::{Kind, NumberField};
use super::panel::panel;
use super::select_field::SelectField;
use super::shared::{add_button, nice_ceil, section_props};
use super::text_field::TextField;
use super::toggle_field::toggle_field;
use crate::model::{root, At, Op};
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::edit::{List, Optional};
use crate::ui::i18n::tr;
use crate::ui::labels::metrics;
use crate::ui::state::{Action, Section};

section_props!(Props, |p| (
    &p.reserve,
    &p.criteria,
    &p.reengagement,
    p.meta.horizon_years,
    &p.meta.currency,
    p.macro_path.gdp_base
));

#[function_component(ReserveSection)]
pub fn reserve_section(p: &Props) -> Html {
    let Ctx { lang: l, dispatch } = use_ctx();
    let plan = &p.plan;
    let h = plan.meta.horizon_years;
    let metric_options: Vec<(AttrValue, AttrValue)> = metrics(l)
        .into_iter()
        .map(|(k, v)| (AttrValue::from(k), AttrValue::from(v)))
        .collect();
    let ops: Vec<(AttrValue, AttrValue)> = [Op::Lt, Op::Le, Op::Ge, Op::Gt]
        .map(Op::as_str)
        .into_iter()
        .map(|o| {
            (
                AttrValue::from(o),
                AttrValue::from(o.replace(">=", "≥").replace("<=", "≤")),
            )
        })
        .collect();
    let criteria = plan.criteria.iter().enumerate().map(|(i, c)| {
        let at = root().criteria().at(i);
        let title = format!("{} {}", tr(l, "Criterion", "Critère"), i + 1);
        html! {
            <div class="item" key={i} data-testid={format!("item-{at}")}>
                <ItemHeader list={List::Criteria} index={i} count={plan.criteria.len()} name={None::<AttrValue>}
                    title={title} />
                <TextField field={at.name()} label={tr(l, "Name (optional)", "Nom (facultatif)")}
                    value={c.name.clone().unwrap_or_default()} />
                { note_field(at.note(), &c.note, l) }
                <div class="criterion-row">
                    <SelectField field={at.metric()} label={tr(l, "When", "Quand")} value={c.metric.clone()}
                        options={metric_options.clone()} />
                    <SelectField field={at.op()} label={tr(l, "is", "est")} value={c.op.as_str()}
                        options={ops.clone()} />
                </div>
                <NumberField field={at.value()} label={tr(l, "Threshold", "Seuil")} value={c.value}
                    min={0.0} max={200.0} step={1.0} kind={Kind::Plain} />
                <NumberField field={at.consecutive_years()} label={tr(l, "For consecutive years", "Pendant des années consécutives")}
                    value={c.consecutive_years as f64} min={1.0} max={h.max(1) as f64} step={1.0} kind={Kind::Years} />
            </div>
        }
    });
    let r = &plan.reserve;
    let cur = AttrValue::from(plan.meta.currency.clone());
    let on_reengage = {
        let on_edit = dispatch.clone();
        Callback::from(move |_| on_edit.emit(Action::Toggle(Optional::Reengagement)))
    };
    panel(
        Section::Reserve,
        tr(l, "Reserve & exit", "Réserve et sortie"),
        p.collapsed,
        &dispatch,
        || {
            html! {
                <>
                    <h3>{ tr(l, "Reserve fund", "Fonds de réserve") }</h3>
                    <NumberField field={root().reserve().opening()} label={tr(l, "Opening balance", "Solde d'ouverture")} value={r.opening}
                        min={0.0} max={nice_ceil(plan.macro_path.gdp_base * 0.05)} kind={Kind::Amount} unit={cur} />
                    <NumberField field={root().reserve().target_months()} label={tr(l, "Target (months of need)", "Cible (mois de besoin)")} value={r.target_months}
                        min={0.0} max={24.0} step={0.5} kind={Kind::Plain} unit={tr(l, "months", "mois")} />
                    <NumberField field={root().reserve().interest_pct()} label={tr(l, "Interest earned", "Intérêts perçus")} value={r.interest_pct}
                        min={-5.0} max={15.0} step={0.1} kind={Kind::Pct} unit={tr(l, "%/yr", "%/an")} />
                    <h3>{ tr(l, "Exit criteria", "Critères de sortie") }</h3>
                    { for criteria }
                    { add_button(List::Criteria, tr(l, "Add a criterion", "Ajouter un critère"), &dispatch) }
                    <h3>{ tr(l, "Donor re-engagement", "Retour des bailleurs") }</h3>
                    { toggle_field(root().reengagement().field(), tr(l, "Flag years when donors should re-engage", "Signaler les années où les bailleurs devraient revenir"), plan.reengagement.is_some(), on_reengage) }
                    if let Some(g) = &plan.reengagement {
                        <div class="sub">
                            <NumberField field={root().reengagement().trigger_pct()} label={tr(l, "If self-sufficiency falls below", "Si l'autosuffisance passe sous")}
                                value={g.trigger_pct} min={0.0} max={100.0} step={1.0} kind={Kind::Pct} />
                            <NumberField field={root().reengagement().reserve_floor_months()} label={tr(l, "or the reserve below", "ou la réserve sous")}
                                value={g.reserve_floor_months} min={0.0} max={12.0} step={0.5} kind={Kind::Plain} unit={tr(l, "months of need", "mois de besoin")} />
                        </div>
                    }
                </>
            }
        },
    )
}
