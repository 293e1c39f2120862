//! Thin browser glue for the codec (wasm32 only): the URL fragment, local
//! storage, the clipboard, downloads and reading a picked or dropped file.
//! Every call returns a `BrowserError` instead of panicking or throwing
//! (the window and document come from gloo, which throws only outside a
//! page). Files, object URLs and reads are gloo's owned handles.
//!
//! Not for: deciding anything (formats and rules live in `link`, `file` and
//! `storage`, which are pure and tested on the host) or UI components.

use std::fmt;

use gloo::file::callbacks::FileReader;
use gloo::file::ObjectUrl;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DomException, File, HtmlAnchorElement, HtmlDocument, HtmlTextAreaElement, Storage};

use crate::codec::storage::Move;
use crate::model::Text;

/// What went wrong in the browser. `Display` is the message to show.
#[derive(Clone, Debug, PartialEq)]
pub enum BrowserError {
    /// No window or document (not running in a page).
    NoPage,
    /// Local storage is switched off or blocked (private mode, settings).
    StorageUnavailable,
    /// Local storage is full; `key` was not saved.
    QuotaExceeded { key: String },
    /// The clipboard refused and the fallback failed.
    ClipboardBlocked,
    /// The file is bigger than the caller's limit.
    FileTooLarge { bytes: f64, limit: usize },
    /// The file could not be read.
    FileUnreadable(String),
    /// Any other refusal, with the browser's own words.
    Refused(String),
}

impl fmt::Display for BrowserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BrowserError::NoPage => write!(f, "This needs a browser page."),
            BrowserError::StorageUnavailable => write!(
                f,
                "This browser does not let the page save (local storage is blocked or off), so the plan is not kept between visits. Export the plan to keep it."
            ),
            BrowserError::QuotaExceeded { .. } => write!(
                f,
                "The browser's storage for this page is full, so the latest changes were not saved. Export the plan to keep it."
            ),
            BrowserError::ClipboardBlocked => {
                write!(f, "The browser did not allow copying. Select the link and copy it by hand.")
            }
            BrowserError::FileTooLarge { bytes, limit } => write!(
                f,
                "The file is too large for a plan ({:.0} KiB; at most {} KiB).",
                (bytes / 1024.0).ceil(),
                limit / 1024
            ),
            BrowserError::FileUnreadable(why) => write!(f, "The file could not be read ({why})."),
            BrowserError::Refused(why) => write!(f, "The browser refused: {why}."),
        }
    }
}

impl Text for BrowserError {
    fn en(&self) -> String {
        self.to_string()
    }

    /// The message in French, as `Display` gives it in English. The
    /// browser's own words (`FileUnreadable`, `Refused`) stay as it gave them.
    fn fr(&self) -> String {
        match self {
            BrowserError::NoPage => "Cette action nécessite une page de navigateur.".into(),
            BrowserError::StorageUnavailable => "Ce navigateur ne permet pas à la page d’enregistrer (stockage local bloqué ou désactivé) : le plan n’est pas conservé d’une visite à l’autre. Exportez le plan pour le garder.".into(),
            BrowserError::QuotaExceeded { .. } => "L’espace de stockage du navigateur pour cette page est plein : les dernières modifications n’ont pas été enregistrées. Exportez le plan pour le garder.".into(),
            BrowserError::ClipboardBlocked => {
                "Le navigateur n’a pas autorisé la copie. Sélectionnez le lien et copiez-le à la main.".into()
            }
            BrowserError::FileTooLarge { bytes, limit } => format!(
                "Le fichier est trop volumineux pour un plan ({:.0} Kio ; au plus {} Kio).",
                (bytes / 1024.0).ceil(),
                limit / 1024
            ),
            BrowserError::FileUnreadable(why) => format!("Le fichier n’a pas pu être lu ({why})."),
            BrowserError::Refused(why) => format!("Le navigateur a refusé : {why}."),
        }
    }
}

impl std::error::Error for BrowserError {}

fn js_text(e: &JsValue) -> String {
    if let Some(d) = e.dyn_ref::<DomException>() {
        return format!("{}: {}", d.name(), d.message());
    }
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

fn body() -> Result<web_sys::HtmlElement, BrowserError> {
    gloo::utils::document().body().ok_or(BrowserError::NoPage)
}

// ---- URL -----------------------------------------------------------------

/// The URL fragment without its `#` (empty when there is none).
pub fn fragment() -> String {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// The page's address without its fragment: the base for `link::link_url`.
pub fn page_url() -> Result<String, BrowserError> {
    let href = gloo::utils::window()
        .location()
        .href()
        .map_err(|e| BrowserError::Refused(js_text(&e)))?;
    Ok(href.split('#').next().unwrap_or(&href).to_string())
}

/// Replaces the fragment (`fragment` without `#`; empty removes it) with
/// `history.replaceState`: no history entry is added, so calling this on
/// every change (even while dragging) leaves Back working.
pub fn replace_fragment(fragment: &str) -> Result<(), BrowserError> {
    let w = gloo::utils::window();
    let location = w.location();
    let url = if fragment.is_empty() {
        let path = location.pathname().unwrap_or_default();
        let search = location.search().unwrap_or_default();
        format!("{path}{search}")
    } else {
        format!("#{fragment}")
    };
    let history = w
        .history()
        .map_err(|e| BrowserError::Refused(js_text(&e)))?;
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .map_err(|e| BrowserError::Refused(js_text(&e)))
}

// ---- local storage -------------------------------------------------------

fn local_storage() -> Result<Storage, BrowserError> {
    match gloo::utils::window().local_storage() {
        Ok(Some(s)) => Ok(s),
        _ => Err(BrowserError::StorageUnavailable),
    }
}

/// The text stored under `key`, if any.
pub fn storage_get(key: &str) -> Result<Option<String>, BrowserError> {
    local_storage()?
        .get_item(key)
        .map_err(|_| BrowserError::StorageUnavailable)
}

/// Stores `value` under `key`; a full storage is `QuotaExceeded`.
pub fn storage_set(key: &str, value: &str) -> Result<(), BrowserError> {
    local_storage()?.set_item(key, value).map_err(|e| {
        let quota = e
            .dyn_ref::<DomException>()
            .map(|d| {
                d.name() == "QuotaExceededError"
                    || d.name() == "NS_ERROR_DOM_QUOTA_REACHED"
                    || d.code() == 22
            })
            .unwrap_or(false);
        if quota {
            BrowserError::QuotaExceeded {
                key: key.to_string(),
            }
        } else {
            BrowserError::StorageUnavailable
        }
    })
}

/// Removes `key` (nothing happens when it is absent).
pub fn storage_remove(key: &str) -> Result<(), BrowserError> {
    local_storage()?
        .remove_item(key)
        .map_err(|_| BrowserError::StorageUnavailable)
}

/// Applies the start-up moves of `storage::startup`, in order, before the
/// first autosave. A move whose source is empty does nothing.
pub fn apply_moves(moves: &[Move]) -> Result<(), BrowserError> {
    for m in moves {
        if let Some(text) = storage_get(m.from)? {
            storage_set(m.to, &text)?;
        }
    }
    Ok(())
}

// ---- clipboard -----------------------------------------------------------

/// Copies `text` to the clipboard. Uses `navigator.clipboard` where the
/// page may, else (or when it refuses) a hidden text area and the copy
/// command.
pub async fn copy_text(text: &str) -> Result<(), BrowserError> {
    let navigator = gloo::utils::window().navigator();
    let has_api = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !has_api {
        return copy_by_command(text);
    }
    match JsFuture::from(navigator.clipboard().write_text(text)).await {
        Ok(_) => Ok(()),
        Err(_) => copy_by_command(text),
    }
}

/// The old way: select a hidden text area and run the copy command.
fn copy_by_command(text: &str) -> Result<(), BrowserError> {
    let doc = gloo::utils::document();
    let body = body()?;
    let area: HtmlTextAreaElement = doc
        .create_element("textarea")
        .map_err(|e| BrowserError::Refused(js_text(&e)))?
        .dyn_into()
        .map_err(|_| BrowserError::ClipboardBlocked)?;
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute(
        "style",
        "position:fixed;top:0;left:0;width:1px;height:1px;opacity:0",
    );
    body.append_child(&area)
        .map_err(|e| BrowserError::Refused(js_text(&e)))?;
    area.select();
    let copied = doc
        .dyn_ref::<HtmlDocument>()
        .map(|d| d.exec_command("copy").unwrap_or(false))
        .unwrap_or(false);
    area.remove();
    if copied {
        Ok(())
    } else {
        Err(BrowserError::ClipboardBlocked)
    }
}

// ---- downloads -----------------------------------------------------------

/// Offers `bytes` as a download named `file_name` of type `mime`. The
/// returned URL frees the bytes when dropped: keep it until the download
/// has started (the files panel keeps the last one until the next).
pub fn download_bytes(
    bytes: &[u8],
    file_name: &str,
    mime: &str,
) -> Result<ObjectUrl, BrowserError> {
    let url = ObjectUrl::from(gloo::file::Blob::new_with_options(bytes, Some(mime)));
    let doc = gloo::utils::document();
    let body = body()?;
    let a: HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|e| BrowserError::Refused(js_text(&e)))?
        .dyn_into()
        .map_err(|_| BrowserError::NoPage)?;
    a.set_href(&url);
    a.set_download(file_name);
    let _ = a.set_attribute("style", "display:none");
    body.append_child(&a)
        .map_err(|e| BrowserError::Refused(js_text(&e)))?;
    a.click();
    a.remove();
    Ok(url)
}

/// Offers `text` (UTF-8) as a download named `file_name` of type `mime`;
/// keep the returned URL as for `download_bytes`.
pub fn download_text(text: &str, file_name: &str, mime: &str) -> Result<ObjectUrl, BrowserError> {
    download_bytes(text.as_bytes(), file_name, mime)
}

// ---- reading files -------------------------------------------------------

/// The first file of a file input (after the user picked one).
pub fn picked_file(input: &web_sys::HtmlInputElement) -> Option<File> {
    input.files().and_then(|list| list.get(0))
}

/// The first file of a drop.
pub fn dropped_file(event: &web_sys::DragEvent) -> Option<File> {
    event
        .data_transfer()
        .and_then(|d| d.files())
        .and_then(|list| list.get(0))
}

/// Reads `file` as UTF-8 text, then calls `done`; a file bigger than
/// `max_bytes` is refused before it is read (pass `file::MAX_FILE_BYTES`).
/// Dropping the returned reader cancels the read: keep it until `done`.
pub fn read_file_text(
    file: File,
    max_bytes: usize,
    done: impl FnOnce(Result<String, BrowserError>) + 'static,
) -> Option<FileReader> {
    let file = gloo::file::File::from(file);
    let size = file.size();
    if size > max_bytes as u64 {
        done(Err(BrowserError::FileTooLarge {
            bytes: size as f64,
            limit: max_bytes,
        }));
        return None;
    }
    Some(gloo::file::callbacks::read_as_text(&file, move |r| {
        done(r.map_err(|e| BrowserError::FileUnreadable(e.to_string())))
    }))
}
