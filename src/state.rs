//! The app's shared state: the plans (built-in and imported, shared and never cloned per render)
//! and the view state, kept in sync with the URL hash in both directions.

use std::cell::RefCell;
use std::sync::{Arc, Weak};

use crate::i18n::Lang;
use crate::view_state::{Known, Notice, View, ViewState};
use leptos::prelude::*;
use plan_analysis::search::SearchIndex;
use plan_analysis::similarity::SimilarityIndex;
use plan_library::corrections::{apply_corrections, rehome, Correction, Unapplied};
use plan_model::vocab::{DEPARTMENTS, INSTRUMENTS, METRICS, SECTORS};
use plan_model::Plan;

/// The plans: the built-in ones first, then the user's imports (see `crate::library`), with the
/// user's corrections of figures applied (see `crate::corrections`).
#[derive(Clone)]
pub struct Data {
    /// What every view shows and every download holds: `extracted` with `corrections` applied.
    pub plans: Arc<Vec<Plan>>,
    /// The plans as extracted, before any correction: corrections are kept apart and applied on
    /// top, so undoing one gives the extraction back.
    pub extracted: Arc<Vec<Plan>>,
    /// The imported documents, in the order of `plans[builtin..]`.
    pub imports: Arc<Vec<plan_library::ImportedDoc>>,
    /// How many plans are built in.
    pub builtin: usize,
    /// The user's corrections of figures.
    pub corrections: Arc<Vec<Correction>>,
    /// The corrections that could not be applied, and why.
    pub unapplied: Arc<Vec<Unapplied>>,
}

impl Data {
    /// The extracted plans, no correction applied yet.
    pub fn new(
        extracted: Vec<Plan>,
        imports: Vec<plan_library::ImportedDoc>,
        builtin: usize,
    ) -> Data {
        let extracted = Arc::new(extracted);
        Data {
            plans: Arc::clone(&extracted),
            extracted,
            imports: Arc::new(imports),
            builtin,
            corrections: Arc::new(Vec::new()),
            unapplied: Arc::new(Vec::new()),
        }
    }

    /// Applies the corrections to the extraction again, after either changed. Corrections whose
    /// figure moved (ids shifted) are pointed at its current id.
    pub fn rebuild(&mut self) {
        if self.corrections.is_empty() {
            // No copy of the plans when nothing is corrected.
            self.plans = Arc::clone(&self.extracted);
            self.unapplied = Arc::new(Vec::new());
            return;
        }
        let mut corrections = (*self.corrections).clone();
        if rehome(&self.extracted, &mut corrections) > 0 {
            self.corrections = Arc::new(corrections);
        }
        let mut plans = (*self.extracted).clone();
        let unapplied = apply_corrections(&mut plans, &self.corrections);
        self.plans = Arc::new(plans);
        self.unapplied = Arc::new(unapplied);
    }

    /// The user's correction of figure `figure` of plan `plan`, if any.
    pub fn correction_of(&self, plan: &str, figure: &str) -> Option<&Correction> {
        self.corrections
            .iter()
            .find(|c| c.plan == plan && c.figure == figure)
    }

    /// The import record of plan `index`, if the user imported it.
    pub fn import_of(&self, index: usize) -> Option<&plan_library::ImportedDoc> {
        index
            .checked_sub(self.builtin)
            .and_then(|i| self.imports.get(i))
    }

    pub fn plan_index(&self, id: &str) -> Option<usize> {
        self.plans.iter().position(|p| p.id == id)
    }

    /// Indices of the plans a state selects (all when it selects none).
    pub fn selected(&self, state: &ViewState) -> Vec<usize> {
        plan_analysis::selection::selected(&self.plans, &state.plans)
    }

    /// The similarity index of these plans: built on first use and kept until the plans change
    /// (adding or removing a plan makes a new `plans`), so views that ask for it share one, and
    /// a visit that never asks never pays for it.
    pub fn similarity_index(&self) -> Arc<SimilarityIndex> {
        thread_local! {
            static CACHE: PlanSetCache<SimilarityIndex> = const { RefCell::new(None) };
        }
        CACHE.with(|cache| cached_for(cache, &self.plans, SimilarityIndex::new))
    }

    /// Explore's search index of these plans, cached as [`Data::similarity_index`] is: built once
    /// per plan set, never per keystroke.
    pub fn search_index(&self) -> Arc<SearchIndex> {
        thread_local! {
            static CACHE: PlanSetCache<SearchIndex> = const { RefCell::new(None) };
        }
        CACHE.with(|cache| cached_for(cache, &self.plans, SearchIndex::new))
    }
}

/// An index and the plans it was built from (held weakly: the cache keeps no old plans alive).
type PlanSetCache<T> = RefCell<Option<(Weak<Vec<Plan>>, Arc<T>)>>;

/// The index in `cache` if it was built from `plans`, else a new one, built and kept.
fn cached_for<T>(
    cache: &PlanSetCache<T>,
    plans: &Arc<Vec<Plan>>,
    build: impl FnOnce(&[Plan]) -> T,
) -> Arc<T> {
    let mut cache = cache.borrow_mut();
    if let Some((built_from, index)) = cache.as_ref() {
        if Weak::ptr_eq(built_from, &Arc::downgrade(plans)) {
            return index.clone();
        }
    }
    let index = Arc::new(build(plans));
    *cache = Some((Arc::downgrade(plans), index.clone()));
    index
}

/// The view state signal and what the URL could not say.
#[derive(Clone, Copy)]
pub struct AppState {
    pub state: RwSignal<ViewState>,
    pub notices: RwSignal<Vec<Notice>>,
    pub lang: Memo<Lang>,
    pub view: Memo<View>,
    pub embed: Memo<bool>,
}

impl AppState {
    /// Reads the URL again: after a link, back or forward, and once the stored imports are there
    /// (a URL naming an imported plan is only understood then).
    pub fn follow_url(&self, library: RwSignal<Data>) {
        let (next, found) = library.with_untracked(read_url);
        if next != self.state.get_untracked() {
            self.state.set(next);
        }
        self.notices.set(found);
    }

    /// Shows `next` and records it in the URL: a new history entry, or (`replace`) the current
    /// one, for changes made keystroke by keystroke.
    pub fn go(&self, next: ViewState, replace: bool) {
        write_url(&next, replace);
        // Notices describe the URL the user opened; they go once the user acts (and only then
        // touch the DOM, not on every keystroke).
        if self.notices.with_untracked(|n| !n.is_empty()) {
            self.notices.set(Vec::new());
        }
        self.state.set(next);
    }

    /// Applies `change` to the current state and goes there.
    pub fn update(&self, replace: bool, change: impl FnOnce(&mut ViewState)) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        self.go(next, replace);
    }

    /// A link to the current state changed by `change`, tracked: a reactive `href` follows the state.
    pub fn linked(&self, change: impl FnOnce(&mut ViewState)) -> String {
        self.state.with(|s| {
            let mut next = s.clone();
            change(&mut next);
            next.to_hash()
        })
    }
}

pub fn read_url(data: &Data) -> (ViewState, Vec<Notice>) {
    let location = window().location();
    let query = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let ids: Vec<&str> = data.plans.iter().map(|p| p.id.as_str()).collect();
    let sectors: Vec<&str> = SECTORS.iter().map(|s| s.key).collect();
    let instruments: Vec<&str> = INSTRUMENTS.iter().map(|i| i.key).collect();
    let departments: Vec<&str> = DEPARTMENTS.iter().map(|d| d.key).collect();
    let metrics: Vec<&str> = METRICS.iter().map(|m| m.key).collect();
    let known = Known {
        plans: &ids,
        sectors: &sectors,
        instruments: &instruments,
        departments: &departments,
        metrics: &metrics,
    };
    ViewState::from_url(&query, &hash, &known)
}

fn write_url(state: &ViewState, replace: bool) {
    let Ok(history) = window().history() else {
        return;
    };
    let hash = state.to_hash();
    // Keep the path and query as they are (the app may live under a sub-path or in a file).
    let result = if replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash))
    };
    if result.is_err() {
        // Some sandboxed frames refuse the history API; the hash still works.
        let _ = window().location().set_hash(&hash);
    }
}

/// Creates the state from the URL and follows the URL when it changes (links, back, forward).
pub fn provide_app_state(library: RwSignal<Data>) -> AppState {
    let (initial, notices) = library.with_untracked(read_url);
    let state = RwSignal::new(initial);
    let notices = RwSignal::new(notices);
    let lang = Memo::new(move |_| state.with(|s| s.lang));
    let view = Memo::new(move |_| state.with(|s| s.view));
    let embed = Memo::new(move |_| state.with(|s| s.embed));
    let app = AppState {
        state,
        notices,
        lang,
        view,
        embed,
    };
    // Copy: the same closure serves both events.
    let follow = move || app.follow_url(library);
    window_event_listener(leptos::ev::hashchange, move |_| follow());
    window_event_listener(leptos::ev::popstate, move |_| follow());
    provide_context(app);
    app
}

pub fn app_state() -> AppState {
    expect_context::<AppState>()
}

/// The plans, tracked: a view that reads them is drawn again when the user adds or removes one.
pub fn data() -> Data {
    expect_context::<RwSignal<Data>>().get()
}

/// A parameter of the query string (not the hash), e.g. Pym's `childId`.
pub fn query_param(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    crate::url_state::parse_params(&search)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}
