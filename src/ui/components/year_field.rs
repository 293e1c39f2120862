//! A plan-year field: a whole plan-year index t with the calendar year it
//! means (`start_year + t`) written beside it. A plain function, not a
//! component: the `NumberField` it returns is the memoised component, so a
//! wrapper layer would only add code and a render.

use yew::prelude::*;

use super::number_field::{Kind, NumberField};
use crate::model::Field;

/// The `NumberField` for the plan year at `path`; its slider ends at the
/// plan's `horizon` (typed values may go past it).
#[inline(never)]
pub fn year_field(
    field: Field,
    label: &'static str,
    value: f64,
    (start_year, horizon): (i32, u32),
) -> Html {
    html! {
        <NumberField {field} label={label} {value}
            min={0.0} max={horizon.max(1) as f64} step={1.0} kind={Kind::Whole}
            start_year={Some(start_year)} />
    }
}
