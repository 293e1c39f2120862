//! The Macro section: GDP, growth, inflation, population and the exchange
//! rate, with year-by-year overrides of growth and inflation.

use yew::prelude::*;

use super::number_field::{Kind, NumberField};
use super::override_list::OverrideList;
use super::panel::panel;
use super::shared::section_props;
use crate::model::{root, Field};
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::edit::Series;
use crate::ui::i18n::tr;
use crate::ui::state::Section;

section_props!(Props, |p| (
    &p.macro_path,
    p.meta.start_year,
    p.meta.horizon_years,
    &p.meta.currency
));

#[function_component(MacroSection)]
pub fn macro_section(p: &Props) -> Html {
    let Ctx { lang: l, dispatch } = use_ctx();
    let m = &p.plan.macro_path;
    let at = root().macro_path();
    let cur = AttrValue::from(p.plan.meta.currency.clone());
    let field = |path: Field,
                 label: &'static str,
                 value: f64,
                 min: f64,
                 max: f64,
                 step: f64,
                 kind: Kind,
                 unit: AttrValue,
                 log: bool,
                 hint: Option<&'static str>| {
        html! {
            <NumberField field={path.clone()} label={label} {value} {min} {max} {step} {kind} {unit} {log}
                hint={hint.map(AttrValue::from)} />
        }
    };
    let pct = AttrValue::from(tr(l, "%/yr", "%/an"));
    panel(
        Section::Macro,
        tr(l, "Macro", "Macroéconomie"),
        p.collapsed,
        &dispatch,
        || {
            html! {
                <>
                    { field(at.gdp_base(), tr(l, "GDP in the first year", "PIB de la première année"), m.gdp_base, 1e8, 1e14, 0.0, Kind::Amount, cur.clone(), true, None) }
                    { field(at.real_growth_pct(), tr(l, "Real growth", "Croissance réelle"), m.real_growth_pct, -10.0, 15.0, 0.1, Kind::Pct, pct.clone(), false, None) }
                    { field(at.inflation_pct(), tr(l, "Inflation", "Inflation"), m.inflation_pct, -5.0, 50.0, 0.1, Kind::Pct, pct.clone(), false, None) }
                    { field(at.population_base(), tr(l, "Population in the first year", "Population de la première année"), m.population_base, 1e4, 2e9, 0.0, Kind::Amount, tr(l, "people", "habitants").into(), true, None) }
                    { field(at.population_growth_pct(), tr(l, "Population growth", "Croissance démographique"), m.population_growth_pct, -3.0, 6.0, 0.1, Kind::Pct, pct.clone(), false, None) }
                    { field(at.fx_base(), tr(l, "Exchange rate in the first year", "Taux de change de la première année"), m.fx_base, 0.01, 1e5, 0.0, Kind::Plain, format!("{} / USD", p.plan.meta.currency).into(), true, Some(tr(l, "Local currency units per US dollar in the first year; it then follows the inflation gap and any real depreciation.", "Unités de monnaie locale par dollar la première année ; il suit ensuite l'écart d'inflation et la dépréciation réelle."))) }
                    { field(at.foreign_inflation_pct(), tr(l, "Foreign (USD) inflation", "Inflation étrangère (USD)"), m.foreign_inflation_pct, -2.0, 15.0, 0.1, Kind::Pct, pct.clone(), false, Some(tr(l, "US-dollar inflation: with local inflation it sets how fast the exchange rate moves.", "Inflation du dollar : avec l'inflation locale, elle fixe l'évolution du taux de change."))) }
                    { field(at.real_depreciation_pct(), tr(l, "Real depreciation", "Dépréciation réelle"), m.real_depreciation_pct, -10.0, 20.0, 0.1, Kind::Pct, pct.clone(), false, Some(tr(l, "Yearly fall of the local currency beyond the inflation gap; it raises the local value of USD pledges.", "Baisse annuelle de la monnaie locale au-delà de l'écart d'inflation ; elle augmente la valeur locale des engagements en USD."))) }
                    <OverrideList series={Series::RealGrowth} label={tr(l, "Real growth", "Croissance réelle")}
                        values={m.overrides.real_growth_pct.clone()} start_year={p.plan.meta.start_year}
                        horizon={p.plan.meta.horizon_years} />
                    <OverrideList series={Series::Inflation} label={tr(l, "Inflation", "Inflation")}
                        values={m.overrides.inflation_pct.clone()} start_year={p.plan.meta.start_year}
                        horizon={p.plan.meta.horizon_years} />
                </>
            }
        },
    )
}
