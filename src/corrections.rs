//! The user's corrections of figures in the app: kept in the browser's storage (through
//! `gloo-storage`) apart from the extraction, applied on top of it in [`Data`], so every view and
//! every download shows the corrected reading.
//!
//! The store holds the corrections file (`plan_library::corrections`). A store that cannot be read
//! is set aside under another key and reported; a refused write is reported and the correction
//! holds for the session. A bad corrections file is refused whole and changes nothing.

use std::sync::Arc;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use plan_library::corrections::{
    corrections_json, merge, parse_corrections, remove, upsert, Correction,
};
use plan_library::LibraryError;

use crate::i18n::ReviewMessage;
use crate::state::Data;
use crate::store::{local_storage_usable, read_local_value};

/// The storage key of the corrections.
const STORE_KEY: &str = "plan-compare:corrections";

/// The corrections in the app: the plans they apply to, and what correcting last said.
#[derive(Clone, Copy)]
pub struct Review {
    data: RwSignal<Data>,
    /// What the latest saves, undos and imports said, newest last.
    pub messages: RwSignal<Vec<ReviewMessage>>,
    /// Whether corrections survive a reload (storage available and accepting writes).
    pub persistent: RwSignal<bool>,
}

pub fn review() -> Review {
    expect_context::<Review>()
}

/// Reads the store, setting aside what cannot be read.
fn load_store(messages: &mut Vec<ReviewMessage>) -> Vec<Correction> {
    if !local_storage_usable() {
        // The library already says that nothing is kept.
        return Vec::new();
    }
    read_local_value(STORE_KEY, parse_corrections)
        .unwrap_or_else(|aside| {
            messages.push(ReviewMessage::StoreSetAside(aside));
            None
        })
        .unwrap_or_default()
}

/// Loads the stored corrections into `data` and provides the [`Review`] context.
pub fn provide_review(data: RwSignal<Data>) -> Review {
    let mut messages = Vec::new();
    let corrections = load_store(&mut messages);
    if !corrections.is_empty() {
        data.update(|d| {
            d.corrections = Arc::new(corrections);
            d.rebuild();
        });
    }
    let review = Review {
        data,
        messages: RwSignal::new(messages),
        persistent: RwSignal::new(local_storage_usable()),
    };
    provide_context(review);
    review
}

impl Review {
    fn say(&self, message: ReviewMessage) {
        self.messages.update(|m| {
            m.push(message);
            let excess = m.len().saturating_sub(6);
            m.drain(..excess);
        });
    }

    /// Writes the corrections to storage; a refusal is reported and they hold for the session.
    fn persist(&self) {
        let json = self.corrections_json();
        let written =
            local_storage_usable() && LocalStorage::raw().set_item(STORE_KEY, &json).is_ok();
        self.persistent.set(written);
        if !written {
            self.say(ReviewMessage::StorageFull);
        }
    }

    /// Changes the corrections, applies them again, says `message` and stores them (so that a
    /// refused write is the last thing said).
    fn change(&self, edit: impl FnOnce(&mut Vec<Correction>), message: ReviewMessage) {
        self.data.update(|data| {
            let mut corrections = (*data.corrections).clone();
            edit(&mut corrections);
            data.corrections = Arc::new(corrections);
            data.rebuild();
        });
        self.say(message);
        self.persist();
    }

    /// Saves `correction` (replacing the figure's earlier one; one that corrects nothing removes it).
    pub fn save(&self, correction: Correction) {
        let had = self.data.with_untracked(|d| {
            d.correction_of(&correction.plan, &correction.figure)
                .is_some()
        });
        let message = match (correction.is_empty(), had) {
            (true, false) => {
                self.say(ReviewMessage::NothingToSave);
                return;
            }
            (true, true) => ReviewMessage::Undone,
            (false, _) => ReviewMessage::Saved,
        };
        self.change(|list| upsert(list, correction), message);
    }

    /// Removes the correction of figure `figure` of plan `plan`.
    pub fn undo(&self, plan: &str, figure: &str) {
        self.change(
            |list| {
                remove(list, plan, figure);
            },
            ReviewMessage::Undone,
        );
    }

    /// Imports a corrections file; a bad one is refused whole and changes nothing.
    pub fn import(&self, file_name: &str, json: &str) {
        match parse_corrections(json) {
            Ok(incoming) => {
                let mut merged = self.data.with_untracked(|d| (*d.corrections).clone());
                let count = merge(&mut merged, incoming);
                self.change(
                    |list| *list = merged,
                    ReviewMessage::Imported(file_name.to_string(), count),
                );
            }
            Err(LibraryError::BadCorrections(why)) => {
                self.say(ReviewMessage::BadFile(file_name.to_string(), why));
            }
            Err(_) => self.say(ReviewMessage::Unreadable(file_name.to_string())),
        }
    }

    /// Reports a file the browser could not read.
    pub fn unreadable(&self, file_name: &str) {
        self.say(ReviewMessage::Unreadable(file_name.to_string()));
    }

    /// The corrections file of every correction, applied or not.
    pub fn corrections_json(&self) -> String {
        self.data
            .with_untracked(|d| corrections_json(&d.corrections))
    }
}
