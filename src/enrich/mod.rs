//! Enrichment: filling references from metadata services (arXiv), through a persistent cache.
//!
//! The merge policy: arXiv fills what the list does not say (authors, abstract, dates,
//! categories, DOI, journal reference); the list's venue decides the kind and booktitle. Where the
//! two disagree the list's value is kept and arXiv's is recorded in [`Reference::disagreements`];
//! the one exception is a title that differs only in case and punctuation, where arXiv's exact
//! spelling is taken and the list's is recorded.

pub mod arxiv;
pub mod atom;
pub mod cache;
pub mod http;

use crate::error::Result;
use crate::model::{ArxivId, Date, Disagreement, Kind, Person, Reference, Source};
use crate::text;
use arxiv::{Arxiv, ArxivError};
use atom::AtomEntry;
use cache::{Cache, Cached};
use http::{HttpClient, HttpConfig};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::Duration;

/// How long an answer stays fresh in the cache.
const HIT_TTL: Duration = Duration::from_secs(90 * 24 * 3600);
/// How long "arXiv does not know this" stays fresh: shorter, a paper may appear.
const MISS_TTL: Duration = Duration::from_secs(7 * 24 * 3600);
/// The least title similarity at which a title search result is accepted.
pub const TITLE_MATCH: f64 = 0.9;
/// Cache namespaces.
const BY_ID: &str = "arxiv";
const BY_TITLE: &str = "arxiv-title";

/// The arXiv API endpoint used unless `--arxiv-api` or `MDBIB_ARXIV_API` says otherwise.
pub const DEFAULT_ARXIV_API: &str = "https://export.arxiv.org/api/query";

/// How to enrich.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Enrich at all (`--no-enrich` turns it off).
    pub enabled: bool,
    /// Never open a connection; use the cache alone.
    pub offline: bool,
    /// Ignore cached answers and fetch again.
    pub refresh: bool,
    /// Search arXiv by title for entries without an id.
    pub title_search: bool,
    /// The arXiv API query URL.
    pub arxiv_api: String,
    /// The least time between two requests to arXiv.
    pub arxiv_delay: Duration,
    /// Ids per request.
    pub batch_size: usize,
    /// How long one try of a request may take (`--timeout`).
    pub timeout: Duration,
    /// How often a failed request is tried again (`--max-retries`).
    pub max_retries: u32,
    /// The wait before the first retry, doubled for each further one (`--retry-backoff`).
    pub retry_backoff: Duration,
    /// The cache directory; `None` uses `$XDG_CACHE_HOME/mdbib` or `~/.cache/mdbib`.
    pub cache_dir: Option<PathBuf>,
    /// Show a progress bar on stderr.
    pub progress: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            enabled: true,
            offline: false,
            refresh: false,
            title_search: true,
            arxiv_api: DEFAULT_ARXIV_API.to_string(),
            arxiv_delay: Duration::from_secs(3),
            batch_size: 100,
            timeout: Duration::from_secs(30),
            max_retries: 3,
            retry_backoff: Duration::from_secs(1),
            cache_dir: None,
            progress: false,
        }
    }
}

/// What enrichment did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Stats {
    /// References filled from arXiv by id.
    pub by_id: usize,
    /// Of those, how many came from the cache.
    pub cached: usize,
    /// References matched by a title search.
    pub by_title: usize,
    /// References that got nothing.
    pub not_enriched: usize,
    /// HTTP requests sent.
    pub requests: u64,
}

/// The User-Agent sent with every request, as arXiv asks: name, version, homepage.
pub fn user_agent() -> String {
    format!(
        "mdbib/{} (+{})",
        env!("CARGO_PKG_VERSION"),
        env!("CARGO_PKG_HOMEPAGE")
    )
}

/// The cache directory: the setting, else `$XDG_CACHE_HOME/mdbib`, else `~/.cache/mdbib`.
pub fn cache_dir(settings: &Settings) -> Option<PathBuf> {
    let non_empty = |v: std::ffi::OsString| (!v.is_empty()).then(|| PathBuf::from(v));
    settings.cache_dir.clone().or_else(|| {
        std::env::var_os("XDG_CACHE_HOME")
            .and_then(non_empty)
            .or_else(|| {
                std::env::var_os("HOME")
                    .and_then(non_empty)
                    .map(|h| h.join(".cache"))
            })
            .map(|d| d.join("mdbib"))
    })
}

/// Enriches `refs` in place. Network trouble never fails the run: it becomes `warnings`, and the
/// entries concerned are counted as not enriched. Only an unusable cache *and* no fallback would
/// be an error, and an in-memory cache is always the fallback.
pub fn enrich(
    refs: &mut [Reference],
    settings: &Settings,
    stats: &mut Stats,
    warnings: &mut Vec<String>,
) -> Result<()> {
    if !settings.enabled {
        stats.not_enriched = refs.len();
        return Ok(());
    }
    let cache = open_cache(settings, warnings)?;
    let http = if settings.offline {
        None
    } else {
        let mut config = HttpConfig::new(user_agent());
        config.min_interval = settings.arxiv_delay;
        config.read_timeout = settings.timeout;
        config.max_tries = settings.max_retries.saturating_add(1);
        config.base_backoff = settings.retry_backoff;
        Some(HttpClient::new(config).map_err(|e| crate::Error::Http(e.to_string()))?)
    };
    let mut run = Run {
        settings,
        cache: &cache,
        arxiv: http.as_ref().map(|h| Arxiv::new(h, &settings.arxiv_api)),
        problems: Vec::new(),
        stopped: false,
        progress: progress_bar(settings),
        warnings,
    };

    let by_id = run.lookup_ids(refs);
    let mut matched = vec![false; refs.len()];
    for (i, r) in refs.iter_mut().enumerate() {
        let Some(ax) = &r.arxiv else { continue };
        if let Some((entry, cached)) = by_id.get(&ax.id) {
            merge(r, entry, Source::Arxiv, None);
            matched[i] = true;
            stats.by_id += 1;
            stats.cached += usize::from(*cached);
        }
    }
    if settings.title_search {
        for (i, r) in refs.iter_mut().enumerate() {
            if r.arxiv.is_some() || r.kind == Kind::Dataset || matched[i] {
                continue;
            }
            run.progress.inc_length(1);
            let found = run.search_title(&r.title);
            run.progress.inc(1);
            if let Some((entry, score)) = found {
                r.arxiv = Some(ArxivId {
                    id: entry.id.clone(),
                    version: None,
                });
                merge(r, &entry, Source::ArxivTitle, Some(score));
                if r.kind == Kind::Other {
                    r.kind = Kind::Preprint;
                }
                matched[i] = true;
                stats.by_title += 1;
            }
        }
    }
    run.progress.finish_and_clear();
    stats.not_enriched = matched.iter().filter(|m| !**m).count();
    stats.requests = http.as_ref().map_or(0, HttpClient::requests_made);
    if let Some(first) = run.problems.first() {
        let what = if run.stopped {
            "arXiv could not be reached"
        } else {
            "arXiv gave unusable answers"
        };
        let more = match run.problems.len() {
            1 => String::new(),
            n => format!(", and {} more problems", n - 1),
        };
        run.warnings.push(format!(
            "{what} ({first}{more}): {} of {} entries not enriched; the export was written from what is known",
            stats.not_enriched,
            refs.len()
        ));
    } else if settings.offline && stats.not_enriched > 0 {
        run.warnings.push(format!(
            "offline: {} of {} entries have no cached metadata",
            stats.not_enriched,
            refs.len()
        ));
    }
    Ok(())
}

/// The persistent cache, or an in-memory one (with a warning) when the directory is unusable.
fn open_cache(settings: &Settings, warnings: &mut Vec<String>) -> Result<Cache> {
    let opened = match cache_dir(settings) {
        Some(dir) => Cache::open(&dir)
            .map(|(cache, warning)| {
                warnings.extend(warning);
                cache
            })
            .map_err(|e| e.to_string()),
        None => Err("no cache directory: $XDG_CACHE_HOME and $HOME are unset".to_string()),
    };
    match opened {
        Ok(cache) => Ok(cache),
        Err(e) => {
            warnings.push(format!("{e}; using a cache in memory for this run"));
            Cache::in_memory().map_err(|e| crate::Error::Cache(e.to_string()))
        }
    }
}

fn progress_bar(settings: &Settings) -> indicatif::ProgressBar {
    if !settings.progress {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(0);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} arXiv {pos}/{len} {msg}")
    {
        bar.set_style(style);
    }
    bar
}

/// The state of one enrichment run.
struct Run<'a> {
    settings: &'a Settings,
    cache: &'a Cache,
    /// `None` when offline, so no connection can be opened.
    arxiv: Option<Arxiv<'a>>,
    /// What went wrong with arXiv, in order.
    problems: Vec<String>,
    /// Set once arXiv is unreachable or keeps failing; no further requests are made.
    stopped: bool,
    progress: indicatif::ProgressBar,
    warnings: &'a mut Vec<String>,
}

impl Run<'_> {
    /// A cached value, unless `--refresh`. Cache read errors count as absent, with a warning.
    fn cached(&mut self, source: &str, key: &str) -> Option<Cached> {
        if self.settings.refresh {
            return None;
        }
        match self.cache.get(source, key, HIT_TTL, MISS_TTL) {
            Ok(found) => found,
            Err(e) => {
                self.warnings.push(format!("cache: {e}"));
                None
            }
        }
    }

    fn store(&mut self, source: &str, items: &[(String, Option<String>)]) {
        if let Err(e) = self.cache.put_many(source, items) {
            self.warnings.push(format!("cache: {e}"));
        }
    }

    /// The arXiv client, unless offline or arXiv has already failed in this run.
    fn client(&self) -> Option<&Arxiv<'_>> {
        self.arxiv.as_ref().filter(|_| !self.stopped)
    }

    fn fail(&mut self, e: ArxivError) {
        self.stopped |= e.is_fatal();
        self.problems.push(e.to_string());
    }

    /// Looks every distinct arXiv id up, in the cache first, then in batches. Returns the entries
    /// found and whether each came from the cache.
    fn lookup_ids(&mut self, refs: &[Reference]) -> HashMap<String, (AtomEntry, bool)> {
        let mut found = HashMap::new();
        let mut wanted: Vec<String> = Vec::new();
        let mut seen = HashSet::new();
        for r in refs {
            let Some(ax) = &r.arxiv else { continue };
            // Validated again here: ids from other readers must not break a batch.
            if crate::ids::parse_arxiv_id(&ax.id).is_none() || !seen.insert(ax.id.clone()) {
                continue;
            }
            match self.cached(BY_ID, &ax.id) {
                Some(Cached::Hit(json)) => match serde_json::from_str::<AtomEntry>(&json) {
                    Ok(entry) => {
                        found.insert(ax.id.clone(), (entry, true));
                    }
                    Err(_) => wanted.push(ax.id.clone()),
                },
                Some(Cached::Miss) => {}
                None => wanted.push(ax.id.clone()),
            }
        }
        self.progress.set_length(wanted.len() as u64);
        for batch in wanted.chunks(self.settings.batch_size.max(1)) {
            let Some(arxiv) = self.client() else { break };
            match arxiv.fetch(batch) {
                Ok(entries) => {
                    let items: Vec<(String, Option<String>)> = batch
                        .iter()
                        .map(|id| {
                            (
                                id.clone(),
                                entries.get(id).and_then(|e| serde_json::to_string(e).ok()),
                            )
                        })
                        .collect();
                    self.store(BY_ID, &items);
                    for (id, entry) in entries {
                        found.insert(id, (entry, false));
                    }
                }
                Err(e) => self.fail(e),
            }
            self.progress.inc(batch.len() as u64);
        }
        found
    }

    /// Searches arXiv for `title`; accepts the best result when the titles agree closely.
    fn search_title(&mut self, title: &str) -> Option<(AtomEntry, f64)> {
        let key = text::normalize_title(title);
        if key.split(' ').count() < 3 {
            return None; // too short to match safely
        }
        let candidates = match self.cached(BY_TITLE, &key) {
            Some(Cached::Hit(json)) => serde_json::from_str::<AtomEntry>(&json)
                .ok()
                .into_iter()
                .collect(),
            Some(Cached::Miss) => return None,
            None => {
                let arxiv = self.client()?;
                match arxiv.search_title(title) {
                    Ok(candidates) => candidates,
                    Err(e) => {
                        self.fail(e);
                        return None;
                    }
                }
            }
        };
        let best = candidates
            .into_iter()
            .map(|e| {
                let score = text::title_similarity(title, &e.title);
                (e, score)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .filter(|(_, score)| *score >= TITLE_MATCH);
        let value = best
            .as_ref()
            .and_then(|(e, _)| serde_json::to_string(e).ok());
        self.store(BY_TITLE, &[(key, value)]);
        best
    }
}

/// Merges one arXiv answer into a reference, following the policy in the module documentation.
pub fn merge(r: &mut Reference, e: &AtomEntry, source: Source, score: Option<f64>) {
    let offered = text::clean(&e.title);
    if !offered.is_empty() && offered != r.title {
        let close = text::title_similarity(&offered, &r.title) >= TITLE_MATCH;
        let (kept, kept_from, other, other_from) = if close {
            let list_title = std::mem::replace(&mut r.title, offered);
            r.mark("title", source, score);
            (r.title.clone(), source, list_title, Source::List)
        } else {
            (r.title.clone(), r.source_of("title"), offered, source)
        };
        r.disagreements.push(Disagreement {
            field: "title",
            kept,
            kept_from,
            offered: other,
            offered_from: other_from,
        });
    }
    if r.authors.is_empty() && !e.authors.is_empty() {
        r.authors = e
            .authors
            .iter()
            .map(|a| Person::parse(&text::clean(&a.name)))
            .collect();
        r.mark("authors", source, score);
    }
    let published = e.published.as_deref().and_then(Date::parse_iso);
    match (r.date, published) {
        (None, Some(d)) => {
            r.date = Some(d);
            r.mark("date", source, score);
        }
        (Some(list), Some(d)) if list.year == d.year && list.month.is_none() => {
            r.date = Some(d);
            r.mark("date", source, score);
        }
        (Some(list), Some(d)) if list.year != d.year => r.disagreements.push(Disagreement {
            field: "year",
            kept: list.year.to_string(),
            kept_from: r.source_of("date"),
            offered: d.year.to_string(),
            offered_from: source,
        }),
        _ => {}
    }
    if fill(&mut r.abstract_text, Some(&e.summary)) {
        r.mark("abstract", source, score);
    }
    if fill(&mut r.journal_ref, e.journal_ref.as_ref()) {
        r.mark("journal_ref", source, score);
    }
    if fill(&mut r.primary_category, e.primary_category.as_ref()) {
        r.mark("primary_category", source, score);
    }
    match (&r.doi, &e.doi) {
        (None, Some(doi)) => {
            r.doi = crate::ids::parse_doi(doi);
            r.mark("doi", source, score);
        }
        (Some(list), Some(doi)) if crate::ids::doi_key(list) != crate::ids::doi_key(doi) => {
            r.disagreements.push(Disagreement {
                field: "doi",
                kept: list.clone(),
                kept_from: r.source_of("doi"),
                offered: doi.clone(),
                offered_from: source,
            })
        }
        _ => {}
    }
    if r.categories.is_empty() && !e.categories.is_empty() {
        r.categories = e.categories.clone();
        r.mark("categories", source, score);
    }
}

/// Sets an empty `slot` to the cleaned `value`; tells whether it did.
fn fill(slot: &mut Option<String>, value: Option<&String>) -> bool {
    if slot.is_some() {
        return false;
    }
    *slot = value.map(|v| text::clean(v)).filter(|v| !v.is_empty());
    slot.is_some()
}
