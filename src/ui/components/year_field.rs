//! A plan-year field: the plan holds a whole plan-year index t, the person
//! sees and types the calendar year it means (`start_year + t`), from the
//! start year to the horizon's last year. A plain function, not a
//! component: the `NumberField` it returns is the memoised component, so a
//! wrapper layer would only add code and a render.

use yew::prelude::*;

use super::number_field::{Kind, NumberField};
use crate::model::Field;

/// The `NumberField` for the plan year at `path`; slider and typed years
/// stay within the plan's `horizon`.
#[inline(never)]
pub fn year_field(
    field: Field,
    label: &'static str,
    value: f64,
    (start_year, horizon): (i32, u32),
) -> Html {
    html! {
        <NumberField {field} label={label} {value}
            min={0.0} max={f64::from(horizon.max(1) - 1)} step={1.0} kind={Kind::Whole}
            start_year={Some(start_year)} {horizon} />
    }
}
