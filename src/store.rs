//! Where the imported texts are kept between visits: IndexedDB (through the small helper in
//! `assets/boot.js`, one record per plan), or localStorage where IndexedDB is missing or refused.
//!
//! localStorage holds one workspace file under [`STORE_KEY`], at most about 5 M characters (about
//! 550 synthetic plans); IndexedDB holds 1,000 plans and more, and a change writes only the plans
//! it touches. A localStorage store left by an earlier version is moved into IndexedDB at start-up
//! and removed only once IndexedDB has it.

use gloo_storage::{LocalStorage, Storage};
use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use plan_library::{parse_workspace, ImportedDoc};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::ImportMessage;

/// The localStorage key of the imported texts (the whole store, as one workspace file).
pub const STORE_KEY: &str = "plan-compare:imports";

/// Where the imports are kept in this browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// IndexedDB, one record per plan.
    Indexed,
    /// localStorage, the whole store as one value.
    Local,
    /// Neither can be used: the plans last for the session only.
    Unavailable,
}

/// Whether `localStorage` can be used at all (it throws in some sandboxed frames and when the
/// user blocks site data).
pub fn local_storage_usable() -> bool {
    matches!(leptos::prelude::window().local_storage(), Ok(Some(_)))
}

/// Calls `method` of the IndexedDB helper of `assets/boot.js` and waits for its promise. `Err`
/// when the helper is missing (e.g. in wasm-bindgen tests) or the call fails.
async fn call_helper(method: &str, args: &Array) -> Result<JsValue, JsValue> {
    let helper = Reflect::get(&js_sys::global(), &"planCompareStore".into())?;
    if !helper.is_object() {
        return Err(JsValue::from_str("no IndexedDB helper"));
    }
    let function: Function = Reflect::get(&helper, &method.into())?.dyn_into()?;
    let promise: Promise = function.apply(&helper, args)?.dyn_into()?;
    JsFuture::from(promise).await
}

/// Chooses where to keep the imports: IndexedDB when it opens, else localStorage when usable.
pub async fn open() -> Backend {
    if call_helper("open", &Array::new()).await.ok() == Some(JsValue::TRUE) {
        Backend::Indexed
    } else if local_storage_usable() {
        Backend::Local
    } else {
        Backend::Unavailable
    }
}

/// The records of the IndexedDB store, still as JS strings: they are read into wasm one at a
/// time, between other work.
pub struct IndexedRecords {
    keys: Array,
    docs: Array,
    plans: Array,
}

impl IndexedRecords {
    pub fn len(&self) -> u32 {
        self.docs.length()
    }

    /// Record `index`'s JSON, `None` when the record is not one of ours.
    pub fn doc(&self, index: u32) -> Option<String> {
        self.docs.get(index).as_string()
    }

    pub fn key(&self, index: u32) -> JsValue {
        self.keys.get(index)
    }

    /// Record `index`'s stamped extraction (`plan_library::stamped_extraction`), if it has one.
    pub fn plan(&self, index: u32) -> Option<Vec<u8>> {
        self.plans
            .get(index)
            .dyn_into::<Uint8Array>()
            .ok()
            .map(|bytes| bytes.to_vec())
    }
}

pub async fn read_indexed() -> Result<IndexedRecords, JsValue> {
    let both = call_helper("readAll", &Array::new()).await?;
    Ok(IndexedRecords {
        keys: Reflect::get(&both, &"keys".into())?.dyn_into()?,
        docs: Reflect::get(&both, &"docs".into())?.dyn_into()?,
        plans: Reflect::get(&both, &"plans".into())?.dyn_into()?,
    })
}

/// Moves the records under `keys` out of the store, under `label`: kept, never deleted, and no
/// longer read at start-up.
pub async fn set_aside_indexed(keys: &Array, label: &str) -> Result<(), JsValue> {
    call_helper("setAside", &Array::of2(keys, &label.into()))
        .await
        .map(|_| ())
}

/// Adds records (ids, their [`plan_library::stored_doc_json`] and their stamped extractions, as
/// `Uint8Array`s or `undefined`) after the stored ones.
pub async fn append_indexed(ids: &Array, docs: &Array, plans: &Array) -> Result<(), JsValue> {
    call_helper("append", &Array::of3(ids, docs, plans))
        .await
        .map(|_| ())
}

/// Puts stamped extractions (`Uint8Array`s) into the records of the plans `ids`.
pub async fn set_plans_indexed(ids: &Array, plans: &Array) -> Result<(), JsValue> {
    call_helper("setPlans", &Array::of2(ids, plans))
        .await
        .map(|_| ())
}

pub async fn remove_indexed(id: &str) -> Result<(), JsValue> {
    call_helper("remove", &Array::of1(&id.into()))
        .await
        .map(|_| ())
}

/// The label an unreadable store is set aside under: the store's key, marked and dated.
pub fn aside_label() -> String {
    aside_key(STORE_KEY)
}

fn aside_key(key: &str) -> String {
    format!("{key}:unreadable:{}", crate::library::now_iso())
}

/// Reads the localStorage value under `key` with `parse`: `Ok(None)` when there is none. A value
/// that cannot be read is moved aside, under `{key}:unreadable:{date}`, never deleted; that key is
/// the error, for the message that says so.
pub fn read_local_value<T, E>(
    key: &str,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<Option<T>, String> {
    // The raw string, not `LocalStorage::get`: a value that is not even JSON must be set aside
    // too, not mistaken for an empty store.
    let Ok(Some(raw)) = LocalStorage::raw().get_item(key) else {
        return Ok(None);
    };
    parse(&raw).map(Some).map_err(|_| {
        let aside = aside_key(key);
        let storage = LocalStorage::raw();
        let _ = storage.set_item(&aside, &raw);
        let _ = storage.remove_item(key);
        aside
    })
}

/// Reads the localStorage store of imports, setting aside a value that cannot be read. `None`
/// when there is none.
pub fn read_local(messages: &mut Vec<ImportMessage>) -> Option<Vec<ImportedDoc>> {
    read_local_value(STORE_KEY, parse_workspace).unwrap_or_else(|aside| {
        messages.push(ImportMessage::StoreSetAside(aside));
        None
    })
}

/// Writes the whole store to localStorage; `false` when refused (full, or blocked).
pub fn write_local(workspace_json: &str) -> bool {
    local_storage_usable()
        && LocalStorage::raw()
            .set_item(STORE_KEY, workspace_json)
            .is_ok()
}

/// Removes the localStorage store once IndexedDB holds its plans.
pub fn remove_local() {
    let _ = LocalStorage::raw().remove_item(STORE_KEY);
}
