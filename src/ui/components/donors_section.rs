//! The Donors section: each donor's editor, and presets one click away.

use yew::prelude::*;

use super::donor_editor::DonorEditor;
use super::panel::panel;
use super::shared::{add_button, section_props};
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::edit::List;
use crate::ui::i18n::tr;
use crate::ui::presets::catalogue;
use crate::ui::state::{Action, Section};

section_props!(Props, |p| (
    &p.donors,
    (p.meta.start_year, p.meta.horizon_years, &p.meta.currency),
    (p.macro_path.gdp_base, p.macro_path.fx_base),
    p.costs.iter().map(|c| &c.name).collect::<Vec<_>>(),
    p.programmes.iter().map(|c| &c.name).collect::<Vec<_>>()
));

#[function_component(DonorsSection)]
pub fn donors_section(p: &Props) -> Html {
    let Ctx { lang: l, dispatch } = use_ctx();
    let presets = catalogue(l).into_iter().map(|pr| {
        let on_edit = dispatch.clone();
        let id = pr.id;
        let onclick = Callback::from(move |_| on_edit.emit(Action::ApplyPreset { id: id.to_string(), donor: None }));
        let title = format!("{} ({})", pr.description, pr.source);
        html! {
            <button type="button" class="preset" {onclick} {title} data-testid={format!("preset-{id}")}>
                { pr.title }
            </button>
        }
    });
    panel(
        Section::Donors,
        tr(l, "Donors", "Bailleurs"),
        p.collapsed,
        &dispatch,
        || {
            html! {
                <>
                    <div class="presets" role="group" aria-label={tr(l, "Add a donor from a preset", "Ajouter un bailleur type")}>
                        <span class="presets-label">{ tr(l, "Add a typical donor:", "Ajouter un bailleur type :") }</span>
                        { for presets }
                    </div>
                    { for (0..p.plan.donors.len()).map(|i| html! {
                        <DonorEditor key={i} plan={p.plan.clone()} index={i} />
                    }) }
                    { add_button(List::Donors, tr(l, "Add a donor", "Ajouter un bailleur"), &dispatch) }
                </>
            }
        },
    )
}
