//! The user's own plans: what is kept of an imported document, how it is recognised when it comes
//! again, and the workspace file that carries a set of them to another machine.
//!
//! The text is what is kept, and beside it the plan's extraction stamped with the version of the
//! extraction code that made it ([`stamped_extraction`]): the app reads a plan back instead of
//! extracting it again only when its code is that version, so better extraction still reaches old
//! imports. No web dependency: the app reads and writes these records through the browser's
//! storage.
//!
//! [`corrections`]: a user's corrections of figures, kept apart from the extraction and applied on
//! top of it, and the corrections file.

pub mod corrections;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// An imported plan's extraction as kept beside its text: `version` (the extraction code's
/// fingerprint), a line break, and the plan's stored form (`plan_model::stored`, without the text).
pub fn stamped_extraction(plan: &plan_model::Plan, version: &str) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(version.len() + 1);
    bytes.extend(version.as_bytes());
    bytes.push(b'\n');
    bytes.extend(plan_model::stored::to_bytes(plan));
    bytes
}

/// The plan kept by [`stamped_extraction`] with `version`, given its text back. `Err` hands the
/// text back when `bytes` were stamped by another version or cannot be read: it is then extracted
/// again.
pub fn read_stamped_extraction(
    bytes: &[u8],
    version: &str,
    text: String,
) -> Result<plan_model::Plan, String> {
    let stored = bytes
        .strip_prefix(version.as_bytes())
        .and_then(|rest| rest.strip_prefix(b"\n"));
    match stored {
        Some(stored) => plan_model::stored::from_bytes(stored, text).map_err(|(_, text)| text),
        None => Err(text),
    }
}

/// The workspace file's schema name.
pub const WORKSPACE_SCHEMA: &str = "plan-compare-workspace/1";
/// The largest text accepted for one plan, in bytes. Government plans are 5–100 KB; a text this
/// large is not a plan (and would not fit the browser's storage).
pub const MAX_TEXT_BYTES: usize = 4 * 1024 * 1024;

/// One imported document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedDoc {
    /// The plan's id, unique among all plans (built-in and imported).
    pub id: String,
    /// The file name it came from, or the name the user gave a pasted text.
    pub file_name: String,
    /// When it was added, `YYYY-MM-DDTHH:MM:SSZ`.
    pub added: String,
    /// [`content_hash`] of `text`: the same text imported twice is one plan.
    pub hash: String,
    /// The text as imported (decoded to UTF-8, nothing else changed).
    pub text: String,
}

impl ImportedDoc {
    /// What [`admit`] and [`merge`] need to know of this document to recognise its text.
    pub fn known(&self) -> KnownText<'_> {
        KnownText {
            id: &self.id,
            hash: &self.hash,
            text: &self.text,
        }
    }

    /// This record with its text given apart (see [`DocWithText`]).
    pub fn with_text<'a>(&'a self, text: &'a str) -> DocWithText<'a> {
        DocWithText {
            id: &self.id,
            file_name: &self.file_name,
            added: &self.added,
            hash: &self.hash,
            text,
        }
    }
}

/// A document already in the library, as far as recognising the same text again goes. The text is
/// borrowed from wherever it is held: the app keeps it once, in the extracted plan, and empties
/// [`ImportedDoc::text`].
#[derive(Debug, Clone, Copy)]
pub struct KnownText<'a> {
    pub id: &'a str,
    pub hash: &'a str,
    pub text: &'a str,
}

/// An [`ImportedDoc`] whose text is held elsewhere, written exactly as the record itself is (same
/// fields, same order): the store and the workspace file are written without copying any text.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct DocWithText<'a> {
    pub id: &'a str,
    pub file_name: &'a str,
    pub added: &'a str,
    pub hash: &'a str,
    pub text: &'a str,
}

/// A set of imported documents as one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workspace {
    pub schema: String,
    pub documents: Vec<ImportedDoc>,
}

/// Why a text or a workspace file cannot be taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LibraryError {
    /// The text is empty or only white space.
    Empty,
    /// The text is larger than [`MAX_TEXT_BYTES`]; the size in bytes.
    TooLarge(usize),
    /// The same text is already there, as the plan with this id.
    Duplicate(String),
    /// The workspace file is not JSON of the expected schema; what was wrong.
    BadWorkspace(String),
    /// The corrections file is not JSON of the expected schema, or an entry is wrong; what was wrong.
    BadCorrections(String),
}

/// FNV-1a (64-bit) of the text, as 16 hex digits. Not cryptographic: it only needs to tell texts
/// apart, and costs a few lines instead of a hashing crate.
pub fn content_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.as_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// An id for a plan from `file_name` that is not in `taken`: the name without its extension, made
/// safe for URLs (letters, digits, CJK, `-` and `_`), with `-2`, `-3` … added when needed.
pub fn unique_id(file_name: &str, taken: &[&str]) -> String {
    let stem = plan_model::plan_id(file_name.trim());
    let mut base: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(60)
        .collect();
    if base.trim_matches('_').is_empty() {
        base = "imported".to_string();
    }
    if !taken.contains(&base.as_str()) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(&id.as_str()))
        .unwrap_or(base)
}

/// Checks a new text against the library and returns the record to add. `taken` are the ids of
/// every plan there is; `existing` the imported documents.
pub fn admit(
    file_name: &str,
    text: String,
    added: &str,
    existing: &[KnownText<'_>],
    taken: &[&str],
) -> Result<ImportedDoc, LibraryError> {
    if text.trim().is_empty() {
        return Err(LibraryError::Empty);
    }
    if text.len() > MAX_TEXT_BYTES {
        return Err(LibraryError::TooLarge(text.len()));
    }
    let hash = content_hash(&text);
    if let Some(same) = existing.iter().find(|d| d.hash == hash && d.text == text) {
        return Err(LibraryError::Duplicate(same.id.to_string()));
    }
    let name = if file_name.trim().is_empty() {
        "pasted.txt"
    } else {
        file_name.trim()
    };
    Ok(ImportedDoc {
        id: unique_id(name, taken),
        file_name: name.to_string(),
        added: added.to_string(),
        hash,
        text,
    })
}

/// The workspace file of `documents` (also what the browser's localStorage store holds).
pub fn workspace_json(documents: &[ImportedDoc]) -> String {
    workspace_json_of(documents)
}

/// The workspace file of documents whose texts are held apart (the same bytes as
/// [`workspace_json`] of the whole records).
pub fn workspace_json_with_texts(documents: &[DocWithText<'_>]) -> String {
    workspace_json_of(documents)
}

fn workspace_json_of<T: Serialize>(documents: &[T]) -> String {
    /// [`Workspace`] borrowing its documents: writing the texts needs no copy of them.
    #[derive(Serialize)]
    struct Borrowed<'a, T> {
        schema: &'a str,
        documents: &'a [T],
    }
    let workspace = Borrowed {
        schema: WORKSPACE_SCHEMA,
        documents,
    };
    serde_json::to_string_pretty(&workspace).unwrap_or_default()
}

/// One document as one record of the browser's IndexedDB store: the workspace file's form of it,
/// compact (the store keeps one record per plan, so that adding or removing one writes only that
/// one).
pub fn stored_doc_json(doc: &DocWithText<'_>) -> String {
    serde_json::to_string(doc).unwrap_or_default()
}

/// Reads one record written by [`stored_doc_json`], checked as [`parse_workspace`] checks each of
/// its documents: the hash is computed again, and an empty or oversized text is refused.
pub fn parse_stored_doc(json: &str) -> Result<ImportedDoc, LibraryError> {
    let doc: ImportedDoc =
        serde_json::from_str(json).map_err(|e| LibraryError::BadWorkspace(e.to_string()))?;
    if doc.text.trim().is_empty() {
        return Err(LibraryError::Empty);
    }
    if doc.text.len() > MAX_TEXT_BYTES {
        return Err(LibraryError::TooLarge(doc.text.len()));
    }
    Ok(ImportedDoc {
        hash: content_hash(&doc.text),
        ..doc
    })
}

/// Reads one of our JSON files (a workspace or corrections file), which an editor may have saved
/// with a byte-order mark.
fn from_json_file<'a, T: Deserialize<'a>>(json: &'a str) -> serde_json::Result<T> {
    serde_json::from_str(json.trim_start_matches('\u{feff}'))
}

/// `Err` saying what is wrong when a file names the schema `found` where `expected` is needed.
fn check_schema(found: &str, expected: &str) -> Result<(), String> {
    if found == expected {
        Ok(())
    } else {
        Err(format!("schema {found:?}, expected {expected:?}"))
    }
}

/// Reads a workspace file (or the store, which has the same form). Hashes are computed again, not
/// trusted; documents with an empty text are dropped.
pub fn parse_workspace(json: &str) -> Result<Vec<ImportedDoc>, LibraryError> {
    let workspace: Workspace =
        from_json_file(json).map_err(|e| LibraryError::BadWorkspace(e.to_string()))?;
    check_schema(&workspace.schema, WORKSPACE_SCHEMA).map_err(LibraryError::BadWorkspace)?;
    Ok(workspace
        .documents
        .into_iter()
        .filter(|d| !d.text.trim().is_empty() && d.text.len() <= MAX_TEXT_BYTES)
        .map(|d| ImportedDoc {
            hash: content_hash(&d.text),
            ..d
        })
        .collect())
}

/// A workspace file read only as far as its list of documents, each still raw JSON, to be read
/// with [`workspace_document`]: the app reads 1,000 documents (25 MB) a few at a time between other
/// work instead of in one go. Together they accept what [`parse_workspace`] accepts and give the
/// same documents; for the message of a file they refuse, ask [`parse_workspace`] (its error says
/// where in the whole file).
pub fn workspace_documents(json: &str) -> Result<Vec<&RawValue>, LibraryError> {
    #[derive(Deserialize)]
    struct Lazy<'a> {
        schema: String,
        #[serde(borrow)]
        documents: Vec<&'a RawValue>,
    }
    let workspace: Lazy =
        from_json_file(json).map_err(|e| LibraryError::BadWorkspace(e.to_string()))?;
    check_schema(&workspace.schema, WORKSPACE_SCHEMA).map_err(LibraryError::BadWorkspace)?;
    Ok(workspace.documents)
}

/// One document of [`workspace_documents`], checked as [`parse_workspace`] checks it: `None` for a
/// document it drops (an empty or oversized text).
pub fn workspace_document(raw: &RawValue) -> Result<Option<ImportedDoc>, LibraryError> {
    let doc: ImportedDoc =
        serde_json::from_str(raw.get()).map_err(|e| LibraryError::BadWorkspace(e.to_string()))?;
    if doc.text.trim().is_empty() || doc.text.len() > MAX_TEXT_BYTES {
        return Ok(None);
    }
    Ok(Some(ImportedDoc {
        hash: content_hash(&doc.text),
        ..doc
    }))
}

/// Merges `incoming` documents into `existing`: texts already there are skipped, ids are made
/// unique against `taken` (every plan id) and each other. Returns what was added and how many were
/// duplicates.
pub fn merge(
    existing: &[KnownText<'_>],
    incoming: Vec<ImportedDoc>,
    taken: &[&str],
) -> (Vec<ImportedDoc>, usize) {
    let mut added: Vec<ImportedDoc> = Vec::new();
    let mut duplicates = 0;
    for doc in incoming {
        let same = |d: &KnownText<'_>| d.hash == doc.hash && d.text == doc.text;
        if existing.iter().any(same) || added.iter().any(|d| same(&d.known())) {
            duplicates += 1;
            continue;
        }
        let mut ids: Vec<&str> = taken.to_vec();
        ids.extend(added.iter().map(|d| d.id.as_str()));
        let id = if ids.contains(&doc.id.as_str()) || doc.id.is_empty() {
            unique_id(&doc.file_name, &ids)
        } else {
            doc.id.clone()
        };
        added.push(ImportedDoc { id, ..doc });
    }
    (added, duplicates)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, text: &str) -> ImportedDoc {
        ImportedDoc {
            id: id.into(),
            file_name: format!("{id}.txt"),
            added: "2026-11-25T00:00:00Z".into(),
            hash: content_hash(text),
            text: text.into(),
        }
    }

    #[test]
    fn hash_tells_texts_apart_and_is_stable() {
        assert_eq!(content_hash(""), "cbf29ce484222325");
        assert_ne!(content_hash("武汉"), content_hash("天津"));
        assert_eq!(content_hash("武汉"), content_hash("武汉"));
    }

    #[test]
    fn ids_are_unique_and_safe() {
        assert_eq!(unique_id("南山区实施方案.txt", &[]), "南山区实施方案");
        assert_eq!(unique_id("plan.txt", &["plan"]), "plan-2");
        assert_eq!(unique_id("plan.txt", &["plan", "plan-2"]), "plan-3");
        assert_eq!(unique_id("a b&c.htm", &[]), "a_b_c");
        assert_eq!(unique_id("###.txt", &[]), "imported");
    }

    #[test]
    fn admit_refuses_empty_huge_and_duplicate_texts() {
        let existing_docs = [doc("a", "一、目标")];
        let existing: Vec<KnownText> = existing_docs.iter().map(ImportedDoc::known).collect();
        let taken = ["a", "000_x"];
        assert_eq!(
            admit("x.txt", " \n".into(), "t", &existing, &taken),
            Err(LibraryError::Empty)
        );
        let huge = "字".repeat(MAX_TEXT_BYTES / 3 + 1);
        assert!(matches!(
            admit("x.txt", huge, "t", &existing, &taken),
            Err(LibraryError::TooLarge(_))
        ));
        assert_eq!(
            admit("again.txt", "一、目标".into(), "t", &existing, &taken),
            Err(LibraryError::Duplicate("a".into()))
        );
        let ok = admit("a.txt", "二、任务".into(), "t", &existing, &taken).unwrap();
        assert_eq!(ok.id, "a-2");
        assert_eq!(ok.hash, content_hash("二、任务"));
        assert_eq!(
            admit("", "三".into(), "t", &existing, &taken)
                .unwrap()
                .file_name,
            "pasted.txt"
        );
    }

    #[test]
    fn workspace_round_trips_and_merges_without_duplicates() {
        let docs = vec![doc("a", "一"), doc("b", "二")];
        let json = workspace_json(&docs);
        assert_eq!(parse_workspace(&json).unwrap(), docs);
        let (added, duplicates) =
            merge(&[docs[0].known()], parse_workspace(&json).unwrap(), &["a"]);
        assert_eq!(duplicates, 1);
        assert_eq!(added.len(), 1);
        assert_eq!(added[0].id, "b");
        // An id taken by another plan is renamed, not overwritten.
        let (added, _) = merge(&[], vec![doc("a", "三")], &["a"]);
        assert_eq!(added[0].id, "a-2");
    }

    #[test]
    fn a_text_held_apart_is_written_as_the_record_itself() {
        let docs = vec![doc("a", "一、目标\n\"引号\""), doc("b", "二")];
        // The app keeps each text in its plan and empties the record's.
        let emptied: Vec<ImportedDoc> = docs
            .iter()
            .map(|d| ImportedDoc {
                text: String::new(),
                ..d.clone()
            })
            .collect();
        let with_texts: Vec<DocWithText> = emptied
            .iter()
            .zip(&docs)
            .map(|(record, full)| record.with_text(&full.text))
            .collect();
        assert_eq!(
            workspace_json_with_texts(&with_texts),
            workspace_json(&docs)
        );
        for (held_apart, full) in with_texts.iter().zip(&docs) {
            assert_eq!(
                &parse_stored_doc(&stored_doc_json(held_apart)).unwrap(),
                full
            );
        }
    }

    #[test]
    fn a_stored_record_is_checked_like_a_workspace_document() {
        let mut forged = doc("a", "一");
        forged.hash = "forged".into();
        let json = stored_doc_json(&forged.with_text(&forged.text));
        assert_eq!(parse_stored_doc(&json).unwrap().hash, content_hash("一"));
        let blank = doc("b", " \n");
        assert_eq!(
            parse_stored_doc(&stored_doc_json(&blank.with_text(&blank.text))),
            Err(LibraryError::Empty)
        );
        assert!(matches!(
            parse_stored_doc(r#"{"id":"a"}"#),
            Err(LibraryError::BadWorkspace(_))
        ));
        assert!(matches!(
            parse_stored_doc("not json"),
            Err(LibraryError::BadWorkspace(_))
        ));
    }

    #[test]
    fn documents_read_one_at_a_time_are_the_workspace_parse() {
        let mut docs = vec![doc("a", "一、目标"), doc("b", "  \n"), doc("c", "二")];
        docs[2].hash = "forged".into();
        let json = format!("\u{feff}{}", workspace_json(&docs));
        let one_at_a_time: Vec<ImportedDoc> = workspace_documents(&json)
            .unwrap()
            .into_iter()
            .filter_map(|raw| workspace_document(raw).unwrap())
            .collect();
        assert_eq!(one_at_a_time, parse_workspace(&json).unwrap());
        assert_eq!(one_at_a_time.len(), 2);
        assert!(workspace_documents(r#"{"schema":"other","documents":[]}"#).is_err());
        assert!(workspace_documents("not json").is_err());
        let missing_text = r#"{"schema":"plan-compare-workspace/1","documents":[{"id":"a"}]}"#;
        let raw = workspace_documents(missing_text).unwrap();
        assert!(workspace_document(raw[0]).is_err());
        assert!(parse_workspace(missing_text).is_err());
    }

    #[test]
    fn bad_workspaces_are_refused_with_a_reason() {
        assert!(matches!(
            parse_workspace("not json"),
            Err(LibraryError::BadWorkspace(_))
        ));
        assert!(matches!(
            parse_workspace(r#"{"schema":"other","documents":[]}"#),
            Err(LibraryError::BadWorkspace(_))
        ));
        // Hashes in the file are not trusted.
        let mut d = doc("a", "一");
        d.hash = "forged".into();
        let json = workspace_json(&[d]);
        assert_eq!(parse_workspace(&json).unwrap()[0].hash, content_hash("一"));
    }
}

#[cfg(test)]
mod stamped_tests {
    use super::*;

    #[test]
    fn a_stamped_extraction_reads_back_only_with_its_version() {
        let seed = &plan_extract::seeds::SEEDS[0];
        let plan = plan_extract::extract_plan(seed.source, seed.text);
        let stamped = stamped_extraction(&plan, "v1");
        let text = seed.text.to_string();
        assert!(read_stamped_extraction(&stamped, "v1", text.clone()).unwrap() == plan);
        // Another version's extraction is not used; the text comes back to be extracted again.
        assert_eq!(
            read_stamped_extraction(&stamped, "v2", text.clone()),
            Err(text.clone())
        );
        assert_eq!(
            read_stamped_extraction(&stamped, "v", text.clone()),
            Err(text.clone())
        );
        // Damaged bytes are refused, not read as a plan.
        let cut = &stamped[..stamped.len() / 2];
        assert_eq!(
            read_stamped_extraction(cut, "v1", text.clone()),
            Err(text.clone())
        );
        assert_eq!(read_stamped_extraction(b"", "v1", text.clone()), Err(text));
    }
}
