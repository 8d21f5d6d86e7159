//! "Add a plan": paste a text, choose or drop files, see and remove what was added, carry it to
//! another machine as a workspace file. The work is `crate::library`'s and `crate::import_file`'s;
//! this only wires the controls to them.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::i18n::{ImportMessage, Lang, Msg, Tr};
use crate::import_file::{read_file, FileContent};
use crate::library::{library, Library};
use crate::state::app_state;
use crate::view_state::View;

/// Texts above this size get a "working" message first: it is painted while the text is read and
/// extracted.
const LARGE_TEXT: usize = 64 * 1024;

/// Imports a text (extraction runs in slices, so the page paints the messages meanwhile).
async fn import_text(library: Library, name: String, text: String) {
    if text.len() >= LARGE_TEXT {
        library.working(&name, text.len());
    }
    library.add_text(&name, text).await;
}

/// Reads the files a user chose or dropped, one after another.
fn import_files(library: Library, files: Vec<web_sys::File>) {
    spawn_local(async move {
        for file in files {
            let name = file.name();
            let bytes = match gloo_file::futures::read_as_bytes(&gloo_file::Blob::from(file)).await
            {
                Ok(bytes) => bytes,
                Err(_) => {
                    library.refuse(ImportMessage::Unreadable(name));
                    continue;
                }
            };
            let content =
                crate::perf::measured_async("plan-compare:read-file", read_file(&name, &bytes))
                    .await;
            drop(bytes);
            match content {
                Ok(FileContent::Plan(text)) => import_text(library, name, text).await,
                Ok(FileContent::Workspace(json)) => library.add_workspace(&name, &json).await,
                Err(message) => library.refuse(message),
            }
        }
    });
}

/// How far the extraction of imported plans has come, as a status a screen reader announces and a
/// bar; nothing when no extraction is under way.
#[component]
pub fn ExtractionProgress(lang: Lang) -> impl IntoView {
    let library = library();
    move || {
        library.progress.get().map(|progress| {
            let message = ImportMessage::Extracting(progress.done, progress.total);
            view! {
                <div class="pc-progress" data-testid="import-progress">
                    <p class="pc-small" role="status" aria-live="polite">{message.tr(lang)}</p>
                    <progress max=progress.total value=progress.done aria-hidden="true"></progress>
                </div>
            }
        })
    }
}

/// The files of a list, taken out of it (an input's list is live and empties with the input).
fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

fn input_files(ev: &leptos::ev::Event) -> Option<Vec<web_sys::File>> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let files = files_of(&input.files()?);
    // Choosing the same file again must fire `change` again.
    input.set_value("");
    Some(files)
}

#[component]
pub fn ImportPanel(lang: Lang, on_close: impl Fn() + 'static) -> impl IntoView {
    let library = library();
    let app = app_state();
    let paste = RwSignal::new(String::new());
    let paste_name = RwSignal::new(String::new());
    let dragging = RwSignal::new(false);
    let add_paste = move |_| {
        let text = paste.get_untracked();
        let name = paste_name.get_untracked();
        let name = if name.trim().is_empty() {
            Msg::PastedName.text(lang).to_string()
        } else {
            name
        };
        paste.set(String::new());
        paste_name.set(String::new());
        spawn_local(import_text(library, name, text));
    };
    let export = move |_| {
        crate::download::save_text(
            "plan-compare-workspace.json",
            "application/json;charset=utf-8",
            &library.workspace_json(),
        );
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            import_files(library, files_of(&files));
        }
    };
    let messages = move || {
        library
            .messages
            .get()
            .into_iter()
            .map(|m| {
                let class = if m.is_problem() {
                    "pc-notice pc-notice--problem"
                } else {
                    "pc-notice"
                };
                view! { <li class=class data-testid="import-message">{m.tr(lang)}</li> }
            })
            .collect_view()
    };
    let imported = move || {
        let data = library.data.get();
        if data.imports.is_empty() {
            return view! { <p class="pc-muted" data-testid="no-imports">{Msg::NoImports.text(lang)}</p> }.into_any();
        }
        let rows = data
            .imports
            .iter()
            .map(|doc| {
                let (id, remove_id) = (doc.id.clone(), doc.id.clone());
                let read = move || {
                    app.linked(|s| {
                        s.view = View::Reader;
                        s.doc = Some(id.clone());
                        s.focus = None;
                    })
                };
                view! {
                    <li class="pc-import-row" data-testid="imported" data-plan-id=doc.id.clone()>
                        <span lang="zh-CN">{doc.file_name.clone()}</span>
                        " · " <span class="pc-small pc-muted">{Msg::AddedOn.text(lang)} " " {super::widgets::added_text(&doc.added)}</span>
                        " · " <a href=read>{Msg::OpenReader.text(lang)}</a>
                        " "
                        <button type="button" class="pc-button pc-button--small" on:click=move |_| library.remove(&remove_id) data-testid="remove-import">
                            {Msg::Remove.text(lang)}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="pc-import-list" data-testid="imported-list">{rows}</ul> }.into_any()
    };
    view! {
        <section class="pc-import" aria-labelledby="pc-import-h" data-testid="import-panel">
            <div class="pc-import__head">
                <h2 id="pc-import-h">{Msg::AddPlanHeading.text(lang)}</h2>
                <button type="button" class="pc-button" on:click=move |_| on_close() data-testid="import-close">{Msg::Close.text(lang)}</button>
            </div>
            <p class="pc-small">{Msg::AddPlanHelp.text(lang)}</p>
            {move || (!library.persistent.get()).then(|| view! { <p class="pc-warning" role="note" data-testid="not-kept">{Msg::NotKept.text(lang)}</p> })}
            <div class="pc-import__grid">
                <div class="pc-import__paste">
                    <label for="pc-paste">{Msg::PasteLabel.text(lang)}</label>
                    <textarea id="pc-paste" class="pc-paste" rows="6" lang="zh-CN" prop:value=paste
                        on:input=move |ev| paste.set(event_target_value(&ev)) data-testid="paste-text"></textarea>
                    <label for="pc-paste-name">{Msg::PasteNameLabel.text(lang)}</label>
                    <input id="pc-paste-name" type="text" class="pc-text-input" prop:value=paste_name
                        on:input=move |ev| paste_name.set(event_target_value(&ev)) data-testid="paste-name"/>
                    <button type="button" class="pc-button" on:click=add_paste
                        prop:disabled=move || paste.with(|p| p.trim().is_empty()) data-testid="paste-add">{Msg::PasteAdd.text(lang)}</button>
                </div>
                <div
                    class="pc-dropzone"
                    class:pc-dropzone--active=move || dragging.get()
                    on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                    on:dragleave=move |_| dragging.set(false)
                    on:drop=on_drop
                    data-testid="dropzone"
                >
                    <label for="pc-files" class="pc-button">{Msg::ChooseFiles.text(lang)}</label>
                    <input id="pc-files" class="pc-file-input" type="file" multiple
                        accept=".txt,.text,.htm,.html,.docx,.json,.pdf,text/plain,text/html"
                        on:change=move |ev| { if let Some(files) = input_files(&ev) { import_files(library, files) } }
                        data-testid="file-input"/>
                    <p class="pc-small pc-muted">{Msg::DropHere.text(lang)}</p>
                </div>
            </div>
            <ExtractionProgress lang/>
            <ul class="pc-import-messages" role="status" aria-live="polite" data-testid="import-messages">{messages}</ul>
            <h3>{Msg::ImportedHeading.text(lang)}</h3>
            {imported}
            <p class="pc-small">{Msg::WorkspaceHelp.text(lang)}</p>
            <p class="pc-import__workspace">
                <button type="button" class="pc-button" on:click=export data-testid="export-workspace">{Msg::ExportWorkspace.text(lang)}</button>
                " "
                <label for="pc-workspace" class="pc-button">{Msg::ImportWorkspace.text(lang)}</label>
                <input id="pc-workspace" class="pc-file-input" type="file" accept=".json,application/json"
                    on:change=move |ev| { if let Some(files) = input_files(&ev) { import_files(library, files) } }
                    data-testid="workspace-input"/>
            </p>
        </section>
    }
}
