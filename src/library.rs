//! The user's imported plans in the app: kept in the browser's storage (`crate::store`), extracted
//! with the same code as the built-in ones, and shown in every view beside them.
//!
//! What is stored is the texts (`plan_library::Workspace`) and, in IndexedDB, beside each text its
//! extraction stamped with the extraction code's version (`PLAN_EXTRACTION_VERSION`, from
//! `build.rs`): at start-up a plan is read back from it when the code is the same, and extracted
//! again otherwise (and its new extraction kept). A store that cannot be read is set aside under
//! another key and reported, never a blank app; storage that is refused or full is reported, and
//! the plans stay usable for the session.
//!
//! Extraction costs a few ms per plan in wasm, so 1,000 plans are cut into slices of about
//! 20 ms (`crate::tasks`) with a progress status between them: the page never freezes. The stored
//! imports are read back after the app is mounted with the built-in plans, and appear together
//! once all are there.
//!
//! Each text is held once: in the extracted `Plan::text` (which `plan_extract::extract_plan`
//! copies verbatim). `ImportedDoc::text` is emptied once its plan is extracted, and the store and
//! the workspace file are written from the plans' texts.

use std::sync::Arc;

use js_sys::Array;
use leptos::prelude::*;
use leptos::task::spawn_local;
use plan_library::{
    admit, merge, parse_stored_doc, parse_workspace, stored_doc_json, workspace_document,
    workspace_documents, DocWithText, ImportedDoc, KnownText, LibraryError,
};
use plan_model::Plan;
use wasm_bindgen::JsValue;

use crate::i18n::ImportMessage;
use crate::state::Data;
use crate::store::{self, Backend};
use crate::tasks::{next_task, sleep, TimeSlice};

/// The extraction code's fingerprint (see `build.rs`): a stored extraction is used only by the
/// code that made it.
const EXTRACTION_VERSION: &str = env!("PLAN_EXTRACTION_VERSION");

/// How far an extraction has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// The library in the app: the plans every view reads, and what importing last said.
#[derive(Clone, Copy)]
pub struct Library {
    pub data: RwSignal<Data>,
    /// What the latest imports and removals said, newest last.
    pub messages: RwSignal<Vec<ImportMessage>>,
    /// Whether imported plans survive a reload (storage available and accepting writes).
    pub persistent: RwSignal<bool>,
    /// The extraction under way, if any (of stored plans at start-up, or of new ones).
    pub progress: RwSignal<Option<Progress>>,
    /// Whether the stored imports are still being read and extracted.
    pub loading: RwSignal<bool>,
    /// Where the imports are kept; known once the stored ones are read.
    backend: StoredValue<Backend>,
    /// An import, a removal's write or the start-up read is under way: the next one waits, so
    /// that ids and duplicates are checked against every plan and the store is written in order.
    busy: StoredValue<bool>,
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

/// The imported documents with their texts, which the plans hold (`imports[i]` is
/// `extracted[builtin + i]`).
fn docs_with_texts(data: &Data) -> Vec<DocWithText<'_>> {
    data.imports
        .iter()
        .zip(&data.extracted[data.builtin..])
        .map(|(doc, plan)| doc.with_text(&plan.text))
        .collect()
}

/// What recognising a text again needs of every imported plan.
fn known_texts(data: &Data) -> Vec<KnownText<'_>> {
    data.imports
        .iter()
        .zip(&data.extracted[data.builtin..])
        .map(|(doc, plan)| KnownText {
            id: &doc.id,
            hash: &doc.hash,
            text: &plan.text,
        })
        .collect()
}

/// Builds the library with the built-in plans (read back from their stored form, measured as
/// `plan-compare:builtin`); the stored imports follow with [`Library::load_stored`].
pub fn provide_library() -> Library {
    let builtin = crate::perf::measured("plan-compare:builtin", crate::builtin::builtin_plans);
    let count = builtin.len();
    let library = Library {
        data: RwSignal::new(Data::new(builtin, Vec::new(), count)),
        messages: RwSignal::new(Vec::new()),
        persistent: RwSignal::new(store::local_storage_usable()),
        progress: RwSignal::new(None),
        loading: RwSignal::new(true),
        backend: StoredValue::new(Backend::Unavailable),
        busy: StoredValue::new(true),
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

    /// Waits until no other import, write or start-up read is under way, and takes the turn.
    async fn take_turn(&self) {
        while self.busy.get_value() {
            sleep(50).await;
        }
        self.busy.set_value(true);
    }

    fn end_turn(&self) {
        self.busy.set_value(false);
    }

    /// Reads the stored imports (moving an earlier version's localStorage store into IndexedDB),
    /// extracts them in slices after the first paint, adds them, then calls `on_loaded`.
    pub fn load_stored(self, on_loaded: impl FnOnce() + 'static) {
        spawn_local(async move {
            // The app is mounted; let the page paint it with the built-in plans first.
            next_task().await;
            let mut messages = Vec::new();
            let (mut docs, kept) = self.read_store(&mut messages).await;
            for message in messages {
                self.say(message);
            }
            if !docs.is_empty() {
                let (plans, extracted_now) = self
                    .plans_in_slices(&mut docs, kept, "plan-compare:load")
                    .await;
                self.data.update(|data| {
                    let mut all = (*data.extracted).clone();
                    all.extend(plans);
                    data.extracted = Arc::new(all);
                    data.imports = Arc::new(docs);
                    // Corrections of imported plans apply now that the plans are there.
                    data.rebuild();
                });
                self.keep_extractions(&extracted_now).await;
            }
            self.loading.set(false);
            self.end_turn();
            on_loaded();
        });
    }

    /// The stored documents, texts included, in the order they were added, and beside each its
    /// stamped extraction where one is kept.
    async fn read_store(
        &self,
        messages: &mut Vec<ImportMessage>,
    ) -> (Vec<ImportedDoc>, Vec<Option<Vec<u8>>>) {
        let backend = store::open().await;
        self.backend.set_value(backend);
        self.persistent.set(backend != Backend::Unavailable);
        match backend {
            Backend::Unavailable => {
                messages.push(ImportMessage::StorageRefused);
                (Vec::new(), Vec::new())
            }
            Backend::Local => (store::read_local(messages).unwrap_or_default(), Vec::new()),
            Backend::Indexed => {
                let records =
                    crate::perf::measured_async("plan-compare:store-read", store::read_indexed())
                        .await;
                let Ok(records) = records else {
                    // A store that cannot even be listed is left as it is, untouched: this session
                    // keeps its plans in memory only.
                    self.backend.set_value(Backend::Unavailable);
                    self.persistent.set(false);
                    messages.push(ImportMessage::StorageRefused);
                    return (Vec::new(), Vec::new());
                };
                let (mut docs, kept) = crate::perf::measured_async(
                    "plan-compare:store-parse",
                    self.parse_records(&records, messages),
                )
                .await;
                if let Some(earlier) = store::read_local(messages) {
                    self.move_into_indexed(&mut docs, earlier, messages).await;
                }
                (docs, kept)
            }
        }
    }

    /// Reads the IndexedDB records a slice at a time, each document with its stamped extraction;
    /// records that cannot be read are set aside.
    async fn parse_records(
        &self,
        records: &store::IndexedRecords,
        messages: &mut Vec<ImportMessage>,
    ) -> (Vec<ImportedDoc>, Vec<Option<Vec<u8>>>) {
        let mut docs = Vec::with_capacity(records.len() as usize);
        let mut kept = Vec::with_capacity(records.len() as usize);
        let unreadable = Array::new();
        let mut slice = TimeSlice::start();
        for index in 0..records.len() {
            match records.doc(index).map(|json| parse_stored_doc(&json)) {
                Some(Ok(doc)) => {
                    docs.push(doc);
                    kept.push(records.plan(index));
                }
                _ => {
                    unreadable.push(&records.key(index));
                }
            }
            slice.maybe_yield().await;
        }
        if unreadable.length() > 0 {
            let label = store::aside_label();
            if store::set_aside_indexed(&unreadable, &label).await.is_ok() {
                messages.push(ImportMessage::StoreSetAside(label));
            } else {
                // Left where they are (nothing is lost); they are skipped again next time.
                messages.push(ImportMessage::StorageFull);
            }
        }
        (docs, kept)
    }

    /// Adds the documents of an earlier version's localStorage store to IndexedDB and removes that
    /// store once IndexedDB has them. Documents already in IndexedDB (a move cut short) are not
    /// added twice.
    async fn move_into_indexed(
        &self,
        docs: &mut Vec<ImportedDoc>,
        earlier: Vec<ImportedDoc>,
        messages: &mut Vec<ImportMessage>,
    ) {
        let (fresh, _) = self.data.with_untracked(|data| {
            let known: Vec<KnownText> = docs.iter().map(ImportedDoc::known).collect();
            let mut taken: Vec<&str> = data.plans.iter().map(|p| p.id.as_str()).collect();
            taken.extend(docs.iter().map(|d| d.id.as_str()));
            merge(&known, earlier, &taken)
        });
        let records: Vec<DocWithText> = fresh.iter().map(|d| d.with_text(&d.text)).collect();
        // Not extracted yet: their extractions are kept once they are (`keep_extractions`).
        if self.append_indexed(&records, &[]).await {
            store::remove_local();
        } else {
            // The localStorage store stays as it was; this session has its plans anyway.
            self.persistent.set(false);
            messages.push(ImportMessage::StorageFull);
        }
        docs.extend(fresh);
    }

    /// Writes records to IndexedDB after the stored ones, converting them a slice at a time, each
    /// with its plan's stamped extraction where `plans` has it (`plans[i]` is `records[i]`'s).
    async fn append_indexed(&self, records: &[DocWithText<'_>], plans: &[Plan]) -> bool {
        if records.is_empty() {
            return true;
        }
        let (ids, jsons, stamped) = (Array::new(), Array::new(), Array::new());
        let mut slice = TimeSlice::start();
        for (at, record) in records.iter().enumerate() {
            ids.push(&record.id.into());
            jsons.push(&stored_doc_json(record).into());
            stamped.push(&plans.get(at).map_or(JsValue::UNDEFINED, stamped_bytes));
            slice.maybe_yield().await;
        }
        store::append_indexed(&ids, &jsons, &stamped).await.is_ok()
    }

    /// Keeps the extractions of the imported plans `extracted_now` (indices among the imports)
    /// in their records, for the next start-up. Best effort: if the write fails, the next
    /// start-up extracts them again.
    async fn keep_extractions(&self, extracted_now: &[usize]) {
        if extracted_now.is_empty() || self.backend.get_value() != Backend::Indexed {
            return;
        }
        let data = self.data.get_untracked();
        let imported = &data.extracted[data.builtin..];
        let (ids, stamped) = (Array::new(), Array::new());
        let mut slice = TimeSlice::start();
        for plan in extracted_now.iter().filter_map(|&at| imported.get(at)) {
            ids.push(&plan.id.as_str().into());
            stamped.push(&stamped_bytes(plan));
            slice.maybe_yield().await;
        }
        let _ = store::set_plans_indexed(&ids, &stamped).await;
    }

    /// The plans of `docs` a slice at a time, showing progress, measured as `measure_name`: read
    /// back from their stamped extractions (`kept[i]` is `docs[i]`'s, if any) when these are of
    /// this code, else extracted. Each document's text moves into its plan. Also returns which
    /// were extracted.
    async fn plans_in_slices(
        &self,
        docs: &mut [ImportedDoc],
        mut kept: Vec<Option<Vec<u8>>>,
        measure_name: &str,
    ) -> (Vec<Plan>, Vec<usize>) {
        let total = docs.len();
        crate::perf::mark(&format!("{measure_name}:start"));
        let mut plans = Vec::with_capacity(total);
        let mut extracted_now = Vec::new();
        let mut slice = TimeSlice::start();
        for (at, doc) in docs.iter_mut().enumerate() {
            // `plan.text` is the same text: hold it once.
            let text = std::mem::take(&mut doc.text);
            let stamped = kept.get_mut(at).and_then(Option::take);
            let read_back = match stamped {
                Some(bytes) => {
                    plan_library::read_stamped_extraction(&bytes, EXTRACTION_VERSION, text)
                }
                None => Err(text),
            };
            let mut plan = read_back.unwrap_or_else(|text| {
                extracted_now.push(at);
                plan_extract::extract_plan(&doc.file_name, &text)
            });
            // The id is the library's (unique among all plans), not the file name's.
            plan.id.clone_from(&doc.id);
            plans.push(plan);
            if slice.is_over() {
                self.progress.set(Some(Progress {
                    done: plans.len(),
                    total,
                }));
                slice.maybe_yield().await;
            }
        }
        crate::perf::measure(measure_name);
        self.progress.set(None);
        (plans, extracted_now)
    }

    /// Writes the imports added last (the `added` last ones) to storage; a refusal is reported and
    /// the plans stay for the session.
    async fn persist_added(&self, added: usize) {
        let written = match self.backend.get_value() {
            Backend::Unavailable => {
                self.persistent.set(false);
                self.say(ImportMessage::StorageRefused);
                return;
            }
            Backend::Local => store::write_local(&self.workspace_json()),
            Backend::Indexed => {
                let data = self.data.get_untracked();
                let records = docs_with_texts(&data);
                let plans = &data.extracted[data.extracted.len() - added..];
                self.append_indexed(&records[records.len() - added..], plans)
                    .await
            }
        };
        self.after_write(written);
    }

    fn after_write(&self, written: bool) {
        if written {
            self.persistent.set(true);
        } else {
            self.persistent.set(false);
            self.say(ImportMessage::StorageFull);
        }
    }

    /// Extracts documents, adds them and stores them.
    async fn add_docs(&self, mut docs: Vec<ImportedDoc>) {
        let (plans, _) = self
            .plans_in_slices(&mut docs, Vec::new(), "plan-compare:import")
            .await;
        let added = docs.len();
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
        self.persist_added(added).await;
    }

    /// The ids of every plan there is, built in and imported.
    fn taken_ids(data: &Data) -> Vec<&str> {
        data.plans.iter().map(|p| p.id.as_str()).collect()
    }

    /// Imports one text under `file_name`. Returns the new plan's id.
    pub async fn add_text(&self, file_name: &str, text: String) -> Option<String> {
        self.take_turn().await;
        let result = self.data.with_untracked(|data| {
            let taken = Self::taken_ids(data);
            admit(file_name, text, &now_iso(), &known_texts(data), &taken)
        });
        let added = match result {
            Ok(doc) => {
                let id = doc.id.clone();
                self.add_docs(vec![doc]).await;
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
        };
        self.end_turn();
        added
    }

    /// Imports the documents of a workspace file.
    pub async fn add_workspace(&self, file_name: &str, json: &str) {
        self.take_turn().await;
        match read_workspace(json).await {
            Ok(incoming) => {
                let (docs, duplicates) = self.data.with_untracked(|data| {
                    let taken = Self::taken_ids(data);
                    merge(&known_texts(data), incoming, &taken)
                });
                let added = docs.len();
                if added > 0 {
                    self.add_docs(docs).await;
                }
                self.say(ImportMessage::WorkspaceAdded(
                    file_name.to_string(),
                    added,
                    duplicates,
                ));
            }
            Err(error) => self.say(refusal(file_name, error)),
        }
        self.end_turn();
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
        let Some(name) = removed else {
            return;
        };
        let library = *self;
        let id = id.to_string();
        spawn_local(async move {
            library.take_turn().await;
            let written = match library.backend.get_value() {
                Backend::Unavailable => None,
                Backend::Local => Some(store::write_local(&library.workspace_json())),
                Backend::Indexed => Some(store::remove_indexed(&id).await.is_ok()),
            };
            match written {
                Some(written) => library.after_write(written),
                None => {
                    library.persistent.set(false);
                    library.say(ImportMessage::StorageRefused);
                }
            }
            library.say(ImportMessage::Removed(name));
            library.end_turn();
        });
    }

    /// The workspace file of every imported plan.
    pub fn workspace_json(&self) -> String {
        self.data
            .with_untracked(|d| plan_library::workspace_json_with_texts(&docs_with_texts(d)))
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

/// The documents of a workspace file, read a slice at a time (25 MB of JSON for 1,000 plans).
async fn read_workspace(json: &str) -> Result<Vec<ImportedDoc>, LibraryError> {
    // Its own task: the file was read and decoded in the one before.
    next_task().await;
    // A file refused is refused with `parse_workspace`'s words, which say where in the file.
    let whole_file_error = |error| parse_workspace(json).err().unwrap_or(error);
    let raw_docs =
        crate::perf::measured("plan-compare:workspace-list", || workspace_documents(json))
            .map_err(whole_file_error)?;
    let mut docs = Vec::with_capacity(raw_docs.len());
    let mut slice = TimeSlice::start();
    for raw in raw_docs {
        if let Some(doc) = workspace_document(raw).map_err(whole_file_error)? {
            docs.push(doc);
        }
        slice.maybe_yield().await;
    }
    Ok(docs)
}

/// A plan's extraction stamped with this code's version, as a `Uint8Array` for the store.
fn stamped_bytes(plan: &Plan) -> JsValue {
    let bytes = plan_library::stamped_extraction(plan, EXTRACTION_VERSION);
    js_sys::Uint8Array::from(bytes.as_slice()).into()
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
