//! Year-by-year overrides of a macro rate (`macro.overrides.<series>`): an
//! editable list of (plan year → value), e.g. a recession in year 3.

use std::collections::BTreeMap;

use yew::prelude::*;

use super::number_field::{Kind, NumberField};
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::edit::Series;
use crate::ui::i18n::tr;
use crate::ui::state::Action;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub series: Series,
    pub label: AttrValue,
    pub values: BTreeMap<u32, f64>,
    pub start_year: i32,
    pub horizon: u32,
}

#[function_component(OverrideList)]
pub fn override_list(p: &Props) -> Html {
    let Ctx { lang: l, dispatch } = use_ctx();
    let series = p.series;
    let key = series.key();
    let add = {
        let on_edit = dispatch.clone();
        Callback::from(move |_| on_edit.emit(Action::AddOverride(series)))
    };
    let rows = p.values.iter().map(|(&t, &v)| {
        let field = series.at(t);
        let path = field.to_string();
        let on_move = {
            let on_edit = dispatch.clone();
            Callback::from(move |e: Event| {
                let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
                if let Ok(to) = sel.value().parse::<u32>() {
                    on_edit.emit(Action::MoveOverride { series, from: t, to });
                }
            })
        };
        let on_remove = {
            let on_edit = dispatch.clone();
            Callback::from(move |_| on_edit.emit(Action::RemoveOverride { series, year: t }))
        };
        // Years already overridden cannot be picked; a key past the horizon
        // (from a loaded plan) is listed after the horizon's years.
        let years = (0..p.horizon.min(60))
            .filter(|y| *y == t || !p.values.contains_key(y))
            .chain((t >= p.horizon.min(60)).then_some(t));
        html! {
            <div class="override-row" key={t}>
                <select aria-label={tr(l, "Plan year", "Année du plan")} onchange={on_move}
                    data-testid={format!("year-{path}")}>
                    { for years.map(|y| html! {
                        <option value={y.to_string()} selected={y == t}>
                            { format!("{} (t={y})", p.start_year as i64 + y as i64) }
                        </option>
                    }) }
                </select>
                <NumberField field={field.clone()} label={p.label.clone()} value={v}
                    min={-15.0} max={25.0} step={0.1} kind={Kind::Pct} />
                <button type="button" class="icon" onclick={on_remove}
                    aria-label={tr(l, "Remove this year's value", "Supprimer la valeur de cette année")}
                    data-testid={format!("remove-{path}")}>{ "✕" }</button>
            </div>
        }
    });
    html! {
        <div class="override-list">
            // Under the section's h2: the next level, for screen readers' outline.
            <h3>{ format!("{} — {}", p.label, tr(l, "year by year", "année par année")) }</h3>
            { for rows }
            <button type="button" class="add" onclick={add} data-testid={format!("add-override-{key}")}>
                { tr(l, "+ Add a year", "+ Ajouter une année") }
            </button>
        </div>
    }
}
