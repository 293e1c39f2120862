//! What the editor sections share: their props (the plan, whether the
//! section is collapsed) and small helpers. Not a component. The language,
//! the dispatcher and each control's problem come from the context
//! (`ui/context.rs`).
//!
//! Each section compares only the part of the plan it shows, so dragging a
//! donor slider re-renders the donor section and not the macro section.

/// Rounds a slider bound up to 1, 2 or 5 times a power of ten.
pub fn nice_ceil(x: f64) -> f64 {
    if !x.is_finite() || x <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powi(x.log10().floor() as i32);
    let m = x / p;
    let n = if m <= 1.0 {
        1.0
    } else if m <= 2.0 {
        2.0
    } else if m <= 5.0 {
        5.0
    } else {
        10.0
    };
    n * p
}

/// Declares a section's props: `$part` picks what of the plan it shows.
macro_rules! section_props {
    ($name:ident, |$p:ident| $part:expr) => {
        #[derive(yew::Properties, Clone)]
        pub struct $name {
            pub plan: std::rc::Rc<crate::model::Plan>,
            pub collapsed: bool,
        }
        impl PartialEq for $name {
            fn eq(&self, o: &Self) -> bool {
                fn part($p: &crate::model::Plan) -> impl PartialEq + '_ {
                    $part
                }
                self.collapsed == o.collapsed
                    && (std::rc::Rc::ptr_eq(&self.plan, &o.plan)
                        || part(&self.plan) == part(&o.plan))
            }
        }
    };
}
pub(crate) use section_props;

/// The "+ Add …" button under a list.
pub fn add_button(
    list: crate::ui::edit::List,
    label: &str,
    on_edit: &yew::Callback<crate::ui::state::Action>,
) -> yew::Html {
    use crate::ui::{edit::ListOp, state::Action};
    let on_edit = on_edit.clone();
    let onclick = yew::Callback::from(move |_| {
        on_edit.emit(Action::List {
            list,
            op: ListOp::Add,
        })
    });
    yew::html! {
        <button type="button" class="add" {onclick} data-testid={format!("add-{}", list.noun())}>
            { format!("+ {label}") }
        </button>
    }
}
