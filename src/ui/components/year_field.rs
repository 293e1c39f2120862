//! A plan-year field: a whole plan-year index t with the calendar year it
//! means (`start_year + t`) written beside it.

use yew::prelude::*;

use super::number_field::{Kind, NumberField};

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub path: AttrValue,
    pub label: AttrValue,
    pub value: f64,
    pub start_year: i32,
    /// The plan's horizon: the slider's end (typed values may go past it).
    pub horizon: u32,
    #[prop_or_default]
    pub problem: Option<AttrValue>,
}

#[function_component(YearField)]
pub fn year_field(p: &Props) -> Html {
    html! {
        <NumberField path={p.path.clone()} label={p.label.clone()} value={p.value}
            min={0.0} max={p.horizon.max(1) as f64} step={1.0} kind={Kind::Whole}
            start_year={Some(p.start_year)} problem={p.problem.clone()} />
    }
}
