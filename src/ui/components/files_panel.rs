//! Files: the plan as JSON (the file the command-line evaluator reads), in
//! by file picker or by dropping a file anywhere on the page; the year
//! table as CSV; the bridge chart as SVG and PNG. A file that is not a
//! valid plan lists every problem and leaves the plan on screen as it was.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::file::callbacks::FileReader;
use gloo::file::ObjectUrl;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::both;
use crate::codec::{browser, csv, file};
use crate::model::Plan;
use crate::ui::chart_export;
use crate::ui::components::notice::Notice;
use crate::ui::context::{use_ctx, Ctx};
use crate::ui::format::DisplayCurrency;
use crate::ui::i18n::{tr, Message};
use crate::ui::state::Action;
use crate::ui::workshop::shown_projection;

#[derive(Properties, Clone, PartialEq)]
pub struct Props {
    pub plan: Rc<Plan>,
    /// The scenario on screen (`None`: the baseline): the CSV is its year
    /// table, made when asked for (evaluating the plan for the buttons
    /// alone held a phone's start-up).
    pub shown: Option<usize>,
    /// The plan has problems: no year table or chart to export.
    pub stale: bool,
    /// The currency money is shown in; the CSV follows it.
    #[prop_or_default]
    pub currency: DisplayCurrency,
}

const NEEDS_VALID: (&str, &str) = (
    "Fix the plan’s problems first",
    "Corrigez d’abord les problèmes du plan",
);

/// `sunset-plan-<name>` without `.json`, for the other exports.
fn stem(plan: &Plan) -> String {
    let name = file::file_name(plan);
    name.strip_suffix(".json").unwrap_or(&name).to_string()
}

/// Reads a picked or dropped file and loads it, or reports why not. The
/// read runs as long as `reading` holds it (a new file replaces it).
fn import(
    f: web_sys::File,
    on_edit: Callback<Action>,
    error: UseStateHandle<Option<Message>>,
    reading: &RefCell<Option<FileReader>>,
) {
    let reader = browser::read_file_text(f, file::MAX_FILE_BYTES, move |r| {
        match r
            .map_err(|e| both!(e))
            .and_then(|text| file::import_text(&text).map_err(|e| both!(e)))
        {
            Ok(plan) => {
                error.set(None);
                on_edit.emit(Action::Load(Box::new(plan)));
            }
            Err(msg) => error.set(Some(msg)),
        }
    });
    *reading.borrow_mut() = reader;
}

/// Shows an export's outcome, and keeps its download's URL alive until the
/// next export (dropping it frees the file's bytes).
fn report(
    r: Result<ObjectUrl, Message>,
    error: &UseStateHandle<Option<Message>>,
    download: &RefCell<Option<ObjectUrl>>,
) {
    match r {
        Ok(url) => {
            *download.borrow_mut() = Some(url);
            if error.is_some() {
                error.set(None)
            }
        }
        Err(e) => error.set(Some(e)),
    }
}

#[function_component(FilesPanel)]
pub fn files_panel(p: &Props) -> Html {
    let Ctx { lang: l, dispatch } = use_ctx();
    let import_error = use_state(|| None::<Message>);
    let export_error = use_state(|| None::<Message>);
    let dragging = use_state(|| false);

    let reading = use_mut_ref(|| None::<FileReader>);
    let download = use_mut_ref(|| None::<ObjectUrl>);

    // Drop a plan file anywhere on the page. These listeners prevent the
    // browser's default (opening the file), so they are not passive.
    {
        let (on_edit, import_error, dragging, reading) = (
            dispatch.clone(),
            import_error.clone(),
            dragging.clone(),
            reading.clone(),
        );
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let active = EventListenerOptions::enable_prevent_default;
            let over = {
                let dragging = dragging.clone();
                EventListener::new_with_options(&window, "dragover", active(), move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::DragEvent>() else {
                        return;
                    };
                    let has_files = e
                        .data_transfer()
                        .map(|d| d.types().includes(&"Files".into(), 0))
                        .unwrap_or(false);
                    if has_files {
                        // Without this the browser opens the file instead.
                        e.prevent_default();
                        if !*dragging {
                            dragging.set(true);
                        }
                    }
                })
            };
            let leave = {
                let dragging = dragging.clone();
                EventListener::new(&window, "dragleave", move |e| {
                    // Only when leaving the window, not between elements.
                    let left = e
                        .dyn_ref::<web_sys::DragEvent>()
                        .is_some_and(|e| e.related_target().is_none());
                    if left {
                        dragging.set(false);
                    }
                })
            };
            let drop = EventListener::new_with_options(&window, "drop", active(), move |e| {
                dragging.set(false);
                let Some(e) = e.dyn_ref::<web_sys::DragEvent>() else {
                    return;
                };
                if let Some(f) = browser::dropped_file(e) {
                    e.prevent_default();
                    import(f, on_edit.clone(), import_error.clone(), &reading);
                }
            });
            move || std::mem::drop((over, leave, drop))
        });
    }

    let on_json = {
        let (plan, err, download) = (p.plan.clone(), export_error.clone(), download.clone());
        Callback::from(move |_: MouseEvent| {
            let r = browser::download_text(
                &file::export_json(&plan),
                &file::file_name(&plan),
                file::MIME_TYPE,
            );
            report(r.map_err(|e| both!(e)), &err, &download);
        })
    };
    let on_csv = {
        let (plan, shown, err, download) = (
            p.plan.clone(),
            p.shown,
            export_error.clone(),
            download.clone(),
        );
        let usd = p.currency == DisplayCurrency::Usd;
        Callback::from(move |_: MouseEvent| {
            let r = match shown_projection(&plan, shown) {
                Ok((_, projection)) => browser::download_text(
                    &csv::year_table_csv_in(&plan, &projection, usd),
                    &format!("{}-years.csv", stem(&plan)),
                    "text/csv",
                )
                .map_err(|e| both!(e)),
                Err(_) => Err(Message::new(NEEDS_VALID.0, NEEDS_VALID.1)),
            };
            report(r, &err, &download);
        })
    };
    let on_svg = {
        let (plan, err, download) = (p.plan.clone(), export_error.clone(), download.clone());
        Callback::from(move |_: MouseEvent| {
            let r = chart_export::chart_svg()
                .map_err(Message::same)
                .and_then(|(svg, _, _)| {
                    browser::download_text(
                        &svg,
                        &format!("{}-bridge.svg", stem(&plan)),
                        "image/svg+xml",
                    )
                    .map_err(|e| both!(e))
                });
            report(r, &err, &download);
        })
    };
    let on_png = {
        let (plan, err, download) = (p.plan.clone(), export_error.clone(), download.clone());
        Callback::from(move |_: MouseEvent| {
            let (name, err, download) = (
                format!("{}-bridge.png", stem(&plan)),
                err.clone(),
                download.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let r = chart_export::chart_png()
                    .await
                    .map_err(Message::same)
                    .and_then(|bytes| {
                        browser::download_bytes(&bytes, &name, "image/png").map_err(|e| both!(e))
                    });
                report(r, &err, &download);
            });
        })
    };
    let on_pick = {
        let (on_edit, import_error, reading) =
            (dispatch.clone(), import_error.clone(), reading.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            if let Some(f) = browser::picked_file(&input) {
                import(f, on_edit.clone(), import_error.clone(), &reading);
            }
            // Picking the same file again must fire `change` again.
            input.set_value("");
        })
    };
    let needs_valid = tr(l, NEEDS_VALID.0, NEEDS_VALID.1);
    let import_notice = (*import_error).clone().map(|msg| {
        let h = import_error.clone();
        html! {
            <Notice testid="import-error" message={msg.get(l).to_string()} on_dismiss={Some(Callback::from(move |()| h.set(None)))}
                title={tr(l, "This file could not be opened. Your plan is unchanged.",
                          "Ce fichier n’a pas pu être ouvert. Votre plan n’a pas changé.")} />
        }
    });
    let export_notice = (*export_error).clone().map(|msg| {
        let h = export_error.clone();
        html! {
            <Notice testid="export-error" message={msg.get(l).to_string()} on_dismiss={Some(Callback::from(move |()| h.set(None)))}
                title={tr(l, "The export did not work.", "L’export n’a pas fonctionné.")} />
        }
    });
    html! {
        <>
            <section class="files-panel" aria-label={tr(l, "Files", "Fichiers")}>
                <button type="button" data-testid="export-json" onclick={on_json}
                    title={tr(l, "Save the plan as a file (JSON)", "Enregistrer le plan dans un fichier (JSON)")}>
                    { tr(l, "Save plan", "Enregistrer le plan") }
                </button>
                <label class="file-pick button" title={tr(l, "Open a plan file (JSON), or drop one on the page",
                                                          "Ouvrir un fichier de plan (JSON), ou le déposer sur la page")}>
                    { tr(l, "Open plan…", "Ouvrir un plan…") }
                    <input type="file" accept=".json,application/json" data-testid="import-json" onchange={on_pick} />
                </label>
                <span class="files-sep" aria-hidden="true"></span>
                <button type="button" data-testid="export-csv" onclick={on_csv} disabled={p.stale}
                    title={if p.stale { needs_valid } else { tr(l, "The year table as CSV", "Le tableau annuel en CSV") }}>
                    { "CSV" }
                </button>
                <button type="button" data-testid="export-svg" onclick={on_svg} disabled={p.stale}
                    title={tr(l, "The funding bridge chart as SVG", "Le graphique du pont de financement en SVG")}>
                    { "SVG" }
                </button>
                <button type="button" data-testid="export-png" onclick={on_png} disabled={p.stale}
                    title={tr(l, "The funding bridge chart as PNG", "Le graphique du pont de financement en PNG")}>
                    { "PNG" }
                </button>
            </section>
            // Floating, so a drop far down the page still shows its outcome.
            <div class="file-notices" aria-live="polite">
                { for import_notice }
                { for export_notice }
            </div>
            if *dragging {
                <div class="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
                    <p>{ tr(l, "Drop a plan file to open it", "Déposez un fichier de plan pour l’ouvrir") }</p>
                </div>
            }
        </>
    }
}
