//! The user's imported plans in the app: kept in the browser's storage (through `gloo-storage`),
//! extracted with the same code as the built-in ones, and shown in every view beside them.
//!
//! What is stored is the texts (`plan_library::Workspace`), never the extraction. A store that
//! cannot be read is set aside under another key and reported, never a blank app; storage that is
//! refused or full is reported, and the plans stay usable for the session.

use std::sync::Arc;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use plan_library::{admit, merge, parse_workspace, ImportedDoc, LibraryError};
use plan_model::Plan;

use crate::i18n::ImportMessage;
use crate::state::Data;

/// The storage key of the imported texts.
const STORE_KEY: &str = "plan-compare:imports";

/// The library in the app: the plans every view reads, and what importing last said.
#[derive(Clone, Copy)]
pub struct Library {
    pub data: RwSignal<Data>,
    /// What the latest imports and removals said, newest last.
    pub messages: RwSignal<Vec<ImportMessage>>,
    /// Whether imported plans survive a reload (storage available and accepting writes).
    pub persistent: RwSignal<bool>,
}

pub fn library() -> Library {
    expect_context::<Library>()
}

/// `YYYY-MM-DDTHH:MM:SSZ`, now.
pub fn now_iso() -> String {
    let iso = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default();
    // Milliseconds say nothing a reader needs.
    match iso.split_once('.') {
        Some((seconds, _)) => format!("{seconds}Z"),
        None => iso,
    }
}

/// Whether `localStorage` can be used at all (it throws in some sandboxed frames and when the
/// user blocks site data).
fn storage_usable() -> bool {
    matches!(window().local_storage(), Ok(Some(_)))
}

/// Extracts the imported documents.
fn extract_all(docs: &[ImportedDoc]) -> Vec<Plan> {
    docs.iter()
        .map(|doc| {
            let mut plan = plan_extract::extract_plan(&doc.file_name, &doc.text);
            // The id is the library's (unique among all plans), not the file name's.
            plan.id.clone_from(&doc.id);
            plan
        })
        .collect()
}

/// Reads the store, setting aside what cannot be read.
fn load_store(messages: &mut Vec<ImportMessage>) -> Vec<ImportedDoc> {
    if !storage_usable() {
        messages.push(ImportMessage::StorageRefused);
        return Vec::new();
    }
    // The raw string, not `LocalStorage::get`: a value that is not even JSON must be set aside
    // too, not mistaken for an empty store.
    let Ok(Some(raw)) = LocalStorage::raw().get_item(STORE_KEY) else {
        return Vec::new();
    };
    match parse_workspace(&raw) {
        Ok(docs) => docs,
        Err(_) => {
            let aside = format!("{STORE_KEY}:unreadable:{}", now_iso());
            let storage = LocalStorage::raw();
            let _ = storage.set_item(&aside, &raw);
            let _ = storage.remove_item(STORE_KEY);
            messages.push(ImportMessage::StoreSetAside(aside));
            Vec::new()
        }
    }
}

/// Builds the library: the built-in plans (extracted now, measured as `plan-compare:extract`) and
/// the stored imports.
pub fn provide_library() -> Library {
    let builtin = crate::app::measured("plan-compare:extract", plan_extract::extract_seeds);
    let mut messages = Vec::new();
    let imports = load_store(&mut messages);
    let count = builtin.len();
    let mut plans = builtin;
    plans.extend(extract_all(&imports));
    let library = Library {
        data: RwSignal::new(Data::new(plans, imports, count)),
        messages: RwSignal::new(messages),
        persistent: RwSignal::new(storage_usable()),
    };
    provide_context(library.data);
    provide_context(library);
    library
}

impl Library {
    fn say(&self, message: ImportMessage) {
        self.messages.update(|m| {
            m.push(message);
            // The panel shows the latest ones (a batch of files says something of each); older
            // ones are history nobody reads.
            let excess = m.len().saturating_sub(12);
            m.drain(..excess);
        });
    }

    /// Writes the imported texts to storage, in the workspace file's form; a refusal is reported
    /// and the plans stay for the session.
    fn persist(&self) {
        if !storage_usable() {
            self.persistent.set(false);
            self.say(ImportMessage::StorageRefused);
            return;
        }
        match LocalStorage::raw().set_item(STORE_KEY, &self.workspace_json()) {
            Ok(()) => self.persistent.set(true),
            Err(_) => {
                self.persistent.set(false);
                self.say(ImportMessage::StorageFull);
            }
        }
    }

    /// Adds extracted documents and stores the new set.
    fn add_docs(&self, docs: Vec<ImportedDoc>) {
        let plans = crate::app::measured("plan-compare:import", || extract_all(&docs));
        self.data.update(|data| {
            let mut all = (*data.extracted).clone();
            all.extend(plans);
            let mut stored = (*data.imports).clone();
            stored.extend(docs);
            data.extracted = Arc::new(all);
            data.imports = Arc::new(stored);
            // Corrections of a plan imported again (same id) apply to it again.
            data.rebuild();
        });
        self.persist();
    }

    /// The ids of every plan there is, built in and imported.
    fn taken_ids(data: &Data) -> Vec<&str> {
        data.plans.iter().map(|p| p.id.as_str()).collect()
    }

    /// Imports one text under `file_name`. Returns the new plan's id.
    pub fn add_text(&self, file_name: &str, text: String) -> Option<String> {
        let result = self.data.with_untracked(|data| {
            let taken = Self::taken_ids(data);
            admit(file_name, text, &now_iso(), &data.imports, &taken)
        });
        match result {
            Ok(doc) => {
                let id = doc.id.clone();
                self.add_docs(vec![doc]);
                let unstructured = self.data.with_untracked(|d| {
                    d.plans
                        .last()
                        .is_some_and(|p| p.outline.is_empty() && p.figures.is_empty())
                });
                if unstructured {
                    self.say(ImportMessage::NoStructure(file_name.to_string()));
                }
                self.say(ImportMessage::Added(file_name.to_string(), id.clone()));
                Some(id)
            }
            Err(error) => {
                self.say(refusal(file_name, error));
                None
            }
        }
    }

    /// Imports the documents of a workspace file.
    pub fn add_workspace(&self, file_name: &str, json: &str) {
        let incoming = match parse_workspace(json) {
            Ok(docs) => docs,
            Err(error) => {
                self.say(refusal(file_name, error));
                return;
            }
        };
        let (docs, duplicates) = self.data.with_untracked(|data| {
            let taken = Self::taken_ids(data);
            merge(&data.imports, incoming, &taken)
        });
        let added = docs.len();
        if added > 0 {
            self.add_docs(docs);
        }
        self.say(ImportMessage::WorkspaceAdded(
            file_name.to_string(),
            added,
            duplicates,
        ));
    }

    /// Removes imported plan `id` everywhere, and from storage.
    pub fn remove(&self, id: &str) {
        let mut removed = None;
        self.data.update(|data| {
            let Some(at) = data.imports.iter().position(|d| d.id == id) else {
                return;
            };
            let mut stored = (*data.imports).clone();
            removed = Some(stored.remove(at).file_name);
            let mut all = (*data.extracted).clone();
            all.remove(data.builtin + at);
            data.extracted = Arc::new(all);
            data.imports = Arc::new(stored);
            // Its corrections are kept (reported as unapplied): importing it again brings them back.
            data.rebuild();
        });
        if let Some(name) = removed {
            self.persist();
            self.say(ImportMessage::Removed(name));
        }
    }

    /// The workspace file of every imported plan.
    pub fn workspace_json(&self) -> String {
        self.data
            .with_untracked(|d| plan_library::workspace_json(&d.imports))
    }

    /// Reports a file that cannot be imported.
    pub fn refuse(&self, message: ImportMessage) {
        self.say(message);
    }

    /// Reports that a file is being read and extracted.
    pub fn working(&self, file_name: &str, bytes: usize) {
        self.say(ImportMessage::Working(file_name.to_string(), bytes));
    }
}

fn refusal(file_name: &str, error: LibraryError) -> ImportMessage {
    let name = file_name.to_string();
    match error {
        LibraryError::Empty => ImportMessage::Empty(name),
        LibraryError::TooLarge(bytes) => ImportMessage::TooLarge(name, bytes),
        LibraryError::Duplicate(id) => ImportMessage::Duplicate(name, id),
        // A corrections file is read by `crate::corrections`, never here; said the same way.
        LibraryError::BadWorkspace(detail) | LibraryError::BadCorrections(detail) => {
            ImportMessage::BadWorkspace(name, detail)
        }
    }
}
