//! Enrichment: filling references from metadata services (arXiv, Semantic Scholar, Crossref,
//! DataCite), through a persistent cache.
//!
//! The order: arXiv by id, DataCite for the arXiv ids arXiv did not answer, arXiv title searches,
//! Semantic Scholar for the published versions of arXiv papers, Crossref for every DOI (the
//! published DOIs just found included). Every service goes through the same lookup loop
//! ([`service::Service`]): cache first, then batched requests, answers and misses stored.
//!
//! The arXiv merge policy: arXiv fills what the list does not say (authors, abstract, dates,
//! categories, DOI, journal reference); the list's venue decides the kind and booktitle. Where the
//! two disagree the list's value is kept and arXiv's is recorded in [`Reference::disagreements`];
//! the one exception is a title that differs only in case and punctuation, where arXiv's exact
//! spelling is taken and the list's is recorded. The other services follow [`offer::merge`].

pub mod arxiv;
pub mod atom;
pub mod cache;
pub mod crossref;
pub mod datacite;
pub mod http;
pub mod offer;
pub mod s2;
pub mod service;

use crate::error::Result;
use crate::model::{ArxivId, Disagreement, Field, Kind, Person, Reference, Source};
use crate::text;
use arxiv::Arxiv;
use atom::AtomEntry;
use cache::{Cache, Cached};
use crossref::Crossref;
use datacite::DataCite;
use http::{HttpClient, HttpConfig};
use s2::SemanticScholar;
use service::{Health, Service};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::Duration;

/// How long an answer stays fresh in the cache.
const HIT_TTL: Duration = Duration::from_secs(90 * 24 * 3600);
/// How long "the service does not know this" stays fresh: shorter, a paper may appear.
const MISS_TTL: Duration = Duration::from_secs(7 * 24 * 3600);
/// The least title similarity at which a title search result, or any record found by id, is
/// accepted.
pub const TITLE_MATCH: f64 = 0.9;
/// Cache namespace of arXiv title searches.
const BY_TITLE: &str = "arxiv-title";
/// The least time between two Semantic Scholar requests (its limit without a key is about one
/// request per second).
const S2_INTERVAL: Duration = Duration::from_secs(1);

/// The arXiv API endpoint used unless `--arxiv-api` or `MDBIB_ARXIV_API` says otherwise.
pub const DEFAULT_ARXIV_API: &str = "https://export.arxiv.org/api/query";

/// Which services to ask (`--sources`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sources {
    /// The arXiv API (ids and title searches).
    pub arxiv: bool,
    /// Crossref, for entries with a DOI.
    pub crossref: bool,
    /// Semantic Scholar, for the published versions of arXiv preprints.
    pub s2: bool,
    /// DataCite, for arXiv ids the arXiv API did not answer.
    pub datacite: bool,
}

impl Sources {
    /// The names `--sources` takes, in order.
    pub const NAMES: [&'static str; 4] = ["arxiv", "crossref", "s2", "datacite"];

    /// Every source.
    pub const ALL: Sources = Sources {
        arxiv: true,
        crossref: true,
        s2: true,
        datacite: true,
    };

    /// Reads a comma-separated list such as `arxiv,crossref`.
    pub fn parse(list: &str) -> std::result::Result<Sources, String> {
        let mut sources = Sources {
            arxiv: false,
            crossref: false,
            s2: false,
            datacite: false,
        };
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let slot = match name.to_ascii_lowercase().as_str() {
                "arxiv" => &mut sources.arxiv,
                "crossref" => &mut sources.crossref,
                "s2" | "semanticscholar" => &mut sources.s2,
                "datacite" => &mut sources.datacite,
                _ => {
                    return Err(format!(
                        "unknown source `{name}` (known: {})",
                        Self::NAMES.join(", ")
                    ))
                }
            };
            *slot = true;
        }
        Ok(sources)
    }
}

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
    /// The services to ask.
    pub sources: Sources,
    /// Turn preprints into their published versions when a service knows one.
    pub prefer_published: bool,
    /// The arXiv API query URL.
    pub arxiv_api: String,
    /// The least time between two requests to arXiv.
    pub arxiv_delay: Duration,
    /// Ids per request.
    pub batch_size: usize,
    /// The Crossref API base URL.
    pub crossref_api: String,
    /// The Semantic Scholar API base URL.
    pub s2_api: String,
    /// The DataCite API base URL.
    pub datacite_api: String,
    /// The contact address for Crossref's polite pool.
    pub mailto: Option<String>,
    /// A Semantic Scholar API key.
    pub s2_api_key: Option<String>,
    /// The bound on all tries and waits of one request.
    pub retry_time: Duration,
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
            sources: Sources::ALL,
            prefer_published: true,
            arxiv_api: DEFAULT_ARXIV_API.to_string(),
            arxiv_delay: Duration::from_secs(3),
            batch_size: 100,
            crossref_api: crossref::DEFAULT_API.to_string(),
            s2_api: s2::DEFAULT_API.to_string(),
            datacite_api: datacite::DEFAULT_API.to_string(),
            mailto: None,
            s2_api_key: None,
            retry_time: Duration::from_secs(120),
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
    /// References that Crossref's record was merged into.
    pub crossref: usize,
    /// Of those, how many came from the cache.
    pub crossref_cached: usize,
    /// References that Semantic Scholar's record was merged into.
    pub s2: usize,
    /// Of those, how many came from the cache.
    pub s2_cached: usize,
    /// References filled from DataCite (arXiv ids the arXiv API did not answer).
    pub datacite: usize,
    /// Of those, how many came from the cache.
    pub datacite_cached: usize,
    /// arXiv preprints written as their published version.
    pub published: usize,
    /// Values of Crossref, Semantic Scholar or DataCite not used because the list (or the
    /// titles) disagree; each is kept in the reference's provenance.
    pub disagreements: usize,
    /// Lookups left without an answer: the service failed, or offline, the cache had none (a
    /// cached "not found" is an answer).
    pub unanswered: usize,
    /// References that got nothing.
    pub not_enriched: usize,
    /// HTTP requests sent.
    pub requests: u64,
    /// The services (arXiv, DataCite, Semantic Scholar, Crossref) that could not be reached:
    /// with `--out-dir`, the inputs after the one that found out do not ask them again.
    pub stopped: [bool; 4],
}

/// The User-Agent sent with every request, as arXiv asks: name, version, homepage.
pub fn user_agent() -> String {
    format!(
        "mdbib/{} (+{})",
        env!("CARGO_PKG_VERSION"),
        env!("CARGO_PKG_HOMEPAGE")
    )
}

/// The cache directory: the setting, else `$XDG_CACHE_HOME/mdbib`, else `~/.cache/mdbib`. A
/// relative `$XDG_CACHE_HOME` is ignored, as the XDG Base Directory specification says.
pub fn cache_dir(settings: &Settings) -> Option<PathBuf> {
    let non_empty = |v: std::ffi::OsString| (!v.is_empty()).then(|| PathBuf::from(v));
    settings.cache_dir.clone().or_else(|| {
        std::env::var_os("XDG_CACHE_HOME")
            .and_then(non_empty)
            .filter(|d| d.is_absolute())
            .or_else(|| {
                std::env::var_os("HOME")
                    .and_then(non_empty)
                    .map(|h| h.join(".cache"))
            })
            .map(|d| d.join("mdbib"))
    })
}

/// One HTTP client per service, so that each keeps its own pacing; none when offline.
struct Clients {
    arxiv: HttpClient,
    s2: HttpClient,
    other: HttpClient,
}

impl Clients {
    fn new(settings: &Settings) -> Result<Option<Clients>> {
        if settings.offline {
            return Ok(None);
        }
        let build = |interval: Duration, agent: String| {
            let mut config = HttpConfig::new(agent);
            config.min_interval = interval;
            config.max_total = settings.retry_time;
            config.read_timeout = settings.timeout;
            config.max_tries = settings.max_retries.saturating_add(1);
            config.base_backoff = settings.retry_backoff;
            HttpClient::new(config).map_err(|e| crate::Error::Http(e.to_string()))
        };
        // Crossref asks polite clients to name a contact in the User-Agent too.
        let polite = match &settings.mailto {
            Some(m) => format!("{} (mailto:{m})", user_agent()),
            None => user_agent(),
        };
        Ok(Some(Clients {
            arxiv: build(settings.arxiv_delay, user_agent())?,
            s2: build(S2_INTERVAL, user_agent())?,
            other: build(Duration::ZERO, polite)?,
        }))
    }

    fn requests(&self) -> u64 {
        self.arxiv.requests_made() + self.s2.requests_made() + self.other.requests_made()
    }
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
        stats.not_enriched += refs.len();
        return Ok(());
    }
    let cache = open_cache(settings, warnings)?;
    let clients = Clients::new(settings)?;
    let on = settings.sources;
    let arxiv = clients
        .as_ref()
        .filter(|_| on.arxiv)
        .map(|c| Arxiv::new(&c.arxiv, &settings.arxiv_api));
    let datacite = clients
        .as_ref()
        .map(|c| DataCite::new(&c.other, &settings.datacite_api));
    let s2 = clients
        .as_ref()
        .map(|c| SemanticScholar::new(&c.s2, &settings.s2_api, settings.s2_api_key.as_deref()));
    let crossref = clients
        .as_ref()
        .map(|c| Crossref::new(&c.other, &settings.crossref_api, settings.mailto.as_deref()));
    let mut run = Run {
        settings,
        cache: &cache,
        progress: progress_bar(settings),
        warnings,
    };
    let mut health: [Health; 4] = Default::default();
    for (h, &stopped) in health.iter_mut().zip(&stats.stopped) {
        if stopped {
            h.fail(
                "not asked again after failing for an earlier input".into(),
                true,
            );
        }
    }
    let [arxiv_health, datacite_health, s2_health, crossref_health] = &mut health;
    let mut matched = vec![false; refs.len()];

    // arXiv by id; DataCite for what arXiv did not answer.
    let arxiv_ids = distinct(refs.iter().filter_map(|r| {
        let ax = r.arxiv.as_ref()?;
        // Validated again here: ids from other readers must not break a batch.
        crate::ids::parse_arxiv_id(&ax.id).map(|_| ax.id.clone())
    }));
    let (by_id, left) = if on.arxiv {
        run.lookup(arxiv.as_ref(), arxiv_health, arxiv_ids, settings.batch_size)
    } else {
        (HashMap::new(), arxiv_ids)
    };
    let unanswered: std::collections::HashSet<&String> = left.iter().collect();
    for (i, r) in refs.iter_mut().enumerate() {
        let Some(ax) = &r.arxiv else { continue };
        if let Some((entry, cached)) = by_id.get(&ax.id) {
            merge(r, entry, Source::Arxiv, None);
            matched[i] = true;
            stats.by_id += 1;
            stats.cached += usize::from(*cached);
        } else if on.arxiv && !unanswered.contains(&ax.id) {
            // arXiv answered, without this paper: a typo in the list, most likely.
            run.warnings.push(format!(
                "{}:{}: arXiv has no paper {}",
                r.origin.file.display(),
                r.origin.line,
                ax.id
            ));
        }
    }
    if on.datacite && !left.is_empty() {
        let (found, _) = run.lookup(datacite.as_ref(), datacite_health, left, 1);
        let key = |r: &Reference| r.arxiv.as_ref().map(|a| a.id.clone());
        let counts = run.apply(
            refs,
            &mut matched,
            &found,
            key,
            datacite::Attributes::offer,
            Source::DataCite,
            stats,
        );
        (stats.datacite, stats.datacite_cached) = counts;
    }

    if on.arxiv && settings.title_search {
        run.progress.set_message("arXiv title search");
        for (i, r) in refs.iter_mut().enumerate() {
            if r.arxiv.is_some() || r.kind == Kind::Dataset || matched[i] {
                continue;
            }
            run.progress.inc_length(1);
            let found = run.search_title(arxiv.as_ref(), arxiv_health, &r.title);
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

    // Semantic Scholar for the published versions of arXiv papers.
    if on.s2 {
        let key = |r: &Reference| r.arxiv.as_ref().map(|a| s2::arxiv_key(&a.id));
        let keys = distinct(refs.iter().filter_map(key));
        let (found, _) = run.lookup(s2.as_ref(), s2_health, keys, s2::MAX_BATCH);
        let counts = run.apply(
            refs,
            &mut matched,
            &found,
            key,
            s2::Paper::offer,
            Source::SemanticScholar,
            stats,
        );
        (stats.s2, stats.s2_cached) = counts;
    }

    // Crossref for every DOI, the published DOIs just found included (arXiv's own are at DataCite).
    if on.crossref {
        let key = |r: &Reference| {
            r.doi
                .as_deref()
                .map(crate::ids::doi_key)
                .filter(|d| !d.starts_with(offer::ARXIV_DOI_PREFIX))
        };
        let keys = distinct(refs.iter().filter_map(key));
        let (found, _) = run.lookup(crossref.as_ref(), crossref_health, keys, 1);
        let counts = run.apply(
            refs,
            &mut matched,
            &found,
            key,
            crossref::Work::offer,
            Source::Crossref,
            stats,
        );
        (stats.crossref, stats.crossref_cached) = counts;
    }

    run.progress.finish_and_clear();
    refs.iter_mut().for_each(offer::take_journal_ref);
    let not_enriched = matched.iter().filter(|m| !**m).count();
    stats.not_enriched += not_enriched;
    stats.requests += clients.as_ref().map_or(0, Clients::requests);
    for (stopped, h) in stats.stopped.iter_mut().zip(&health) {
        *stopped |= h.stopped;
    }
    let [arxiv_health, datacite_health, s2_health, crossref_health] = &health;
    stats.unanswered += arxiv_health.unanswered;
    if let Some(problems) = arxiv_health.describe() {
        run.warnings.push(format!(
            "arXiv {} ({problems}): {} of {} entries not enriched; the export was written from what is known",
            arxiv_health.verdict(),
            not_enriched,
            refs.len()
        ));
    }
    for (label, h) in [
        (DataCite::LABEL, datacite_health),
        (SemanticScholar::LABEL, s2_health),
        (Crossref::LABEL, crossref_health),
    ] {
        stats.unanswered += h.unanswered;
        if let Some(problems) = h.describe() {
            run.warnings.push(format!(
                "{label} {} ({problems}): {} {} left unanswered; the export was written from what is known",
                h.verdict(),
                h.unanswered,
                if h.unanswered == 1 { "lookup" } else { "lookups" },
            ));
        }
    }
    if stats.disagreements > 0 {
        run.warnings.push(format!(
            "{} {} from Crossref, Semantic Scholar or DataCite disagreed with the list and {} not used (kept in provenance)",
            stats.disagreements,
            if stats.disagreements == 1 { "value" } else { "values" },
            if stats.disagreements == 1 { "was" } else { "were" },
        ));
    }
    if settings.offline && stats.unanswered > 0 {
        run.warnings.push(format!(
            "offline: {} {} had no cached answer, and {} of {} entries are not enriched; the export was written from what is known",
            stats.unanswered,
            if stats.unanswered == 1 { "lookup" } else { "lookups" },
            not_enriched,
            refs.len()
        ));
    }
    Ok(())
}

/// The items in first-seen order, without repeats.
fn distinct(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = HashSet::new();
    items.filter(|i| seen.insert(i.clone())).collect()
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
    if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} {msg} {pos}/{len}") {
        bar.set_style(style);
    }
    bar
}

/// A record of a service for each key, and whether it came from the cache.
type Found<R> = HashMap<String, (R, bool)>;

/// The state of one enrichment run.
struct Run<'a> {
    settings: &'a Settings,
    cache: &'a Cache,
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

    /// The one lookup loop of every service: each key from the cache if it is there (answers and
    /// misses alike), the rest from `service` in batches of `batch`, whose answers and misses are
    /// stored. `service` is `None` offline. Returns the records found, and the keys that got no
    /// answer at all (neither cached nor fetched).
    fn lookup<S: Service>(
        &mut self,
        service: Option<&S>,
        health: &mut Health,
        keys: Vec<String>,
        batch: usize,
    ) -> (Found<S::Record>, Vec<String>) {
        let mut found = HashMap::new();
        let mut wanted = Vec::new();
        for key in keys {
            match self.cached(S::NAMESPACE, &key) {
                Some(Cached::Hit(json)) => match serde_json::from_str(&json) {
                    Ok(record) => {
                        found.insert(key, (record, true));
                    }
                    Err(_) => wanted.push(key),
                },
                Some(Cached::Miss) => {}
                None => wanted.push(key),
            }
        }
        self.progress.set_message(S::LABEL);
        self.progress.inc_length(wanted.len() as u64);
        let mut unanswered = Vec::new();
        for chunk in wanted.chunks(batch.max(1)) {
            let Some(service) = service.filter(|_| !health.stopped) else {
                unanswered.extend_from_slice(chunk);
                continue;
            };
            match service.fetch(chunk) {
                Ok(mut records) => {
                    let items: Vec<(String, Option<String>)> = chunk
                        .iter()
                        .map(|key| {
                            let value =
                                records.get(key).and_then(|r| serde_json::to_string(r).ok());
                            (key.clone(), value)
                        })
                        .collect();
                    self.store(S::NAMESPACE, &items);
                    for key in chunk {
                        if let Some(record) = records.remove(key) {
                            found.insert(key.clone(), (record, false));
                        }
                    }
                }
                Err(e) => {
                    health.fail(e.to_string(), S::is_fatal(&e));
                    unanswered.extend_from_slice(chunk);
                }
            }
            self.progress.inc(chunk.len() as u64);
        }
        health.unanswered += unanswered.len();
        (found, unanswered)
    }

    /// Merges each reference's record (found under `key`) with [`offer::merge`]; returns how
    /// many references got one and how many of those came from the cache.
    #[allow(clippy::too_many_arguments)]
    fn apply<R>(
        &mut self,
        refs: &mut [Reference],
        matched: &mut [bool],
        found: &Found<R>,
        key: impl Fn(&Reference) -> Option<String>,
        to_offer: impl Fn(&R) -> offer::Offer,
        source: Source,
        stats: &mut Stats,
    ) -> (usize, usize) {
        let (mut merged, mut cached) = (0, 0);
        for (i, r) in refs.iter_mut().enumerate() {
            let Some((record, from_cache)) = key(r).and_then(|k| found.get(&k)) else {
                continue;
            };
            let outcome =
                offer::merge(r, &to_offer(record), source, self.settings.prefer_published);
            stats.disagreements += outcome.disagreements;
            stats.published += usize::from(outcome.published);
            if outcome.merged {
                matched[i] = true;
                merged += 1;
                cached += usize::from(*from_cache);
            }
        }
        (merged, cached)
    }

    /// Searches arXiv for `title`; accepts the best result when the titles agree closely.
    fn search_title(
        &mut self,
        arxiv: Option<&Arxiv<'_>>,
        health: &mut Health,
        title: &str,
    ) -> Option<(AtomEntry, f64)> {
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
                let Some(arxiv) = arxiv.filter(|_| !health.stopped) else {
                    health.unanswered += 1;
                    return None;
                };
                match arxiv.search_title(title) {
                    Ok(candidates) => candidates,
                    Err(e) => {
                        health.fail(e.to_string(), e.is_fatal());
                        health.unanswered += 1;
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
    let detex = crate::read::bibtex::latex::detex;
    let offered = text::clean(&detex(&e.title)).into_owned();
    if !offered.is_empty() && offered != r.title {
        let close = text::title_similarity(&offered, &r.title) >= TITLE_MATCH;
        let (kept, kept_from, other, other_from) = if close {
            let list_title = std::mem::replace(&mut r.title, offered);
            r.mark(Field::Title, source, score);
            (r.title.clone(), source, list_title, Source::List)
        } else {
            (r.title.clone(), r.source_of(Field::Title), offered, source)
        };
        r.disagreements.push(Disagreement {
            field: "title",
            kept,
            kept_from,
            offered: other,
            offered_from: other_from,
        });
    }
    let offered = e.authors.iter();
    let offered = offered.map(|a| Person::parse(&text::clean(&detex(&a.name))));
    offer::merge_authors(r, offered, source, score);
    let published = e
        .published
        .as_deref()
        .and_then(crate::model::Date::parse_iso);
    // arXiv dates the preprint: a conference or journal paper takes no month or day from it,
    // and a year (that of its conference's next meeting) only where the list gave none.
    let published = match published {
        Some(d) if r.kind.is_published() => {
            Some(crate::venue::year_of_paper(r.venue.as_ref(), d)).filter(|_| r.date.is_none())
        }
        d => d,
    };
    offer::merge_date(r, published, source, score);
    if fill(&mut r.abstract_text, Some(&detex(&e.summary).into_owned())) {
        r.mark(Field::Abstract, source, score);
    }
    if fill(&mut r.journal_ref, e.journal_ref.as_ref()) {
        r.mark(Field::JournalRef, source, score);
    }
    if fill(&mut r.primary_category, e.primary_category.as_ref()) {
        r.mark(Field::PrimaryCategory, source, score);
    }
    if let Some(doi) = &e.doi {
        offer::merge_doi(r, doi, source, score);
    }
    if r.categories.is_empty() && !e.categories.is_empty() {
        r.categories = e.categories.clone();
        r.mark(Field::Categories, source, score);
    }
}

/// Sets an empty `slot` to the cleaned `value`; tells whether it did.
fn fill(slot: &mut Option<String>, value: Option<&String>) -> bool {
    if slot.is_some() {
        return false;
    }
    *slot = value
        .map(|v| text::clean(v).into_owned())
        .filter(|v| !v.is_empty());
    slot.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latex_in_arxivs_text_becomes_unicode() {
        let e = AtomEntry {
            id: "1601.00001".into(),
            title: "Landauer-B\\\"uttiker Transport".into(),
            summary: "We apply Landauer-B\\\"uttiker theory to $I$-$V$ curves.".into(),
            authors: vec![atom::AtomAuthor {
                name: "Erwin Schr\\\"{o}dinger".into(),
                affiliations: vec![],
            }],
            ..AtomEntry::default()
        };
        let origin = crate::model::Origin {
            file: std::path::Path::new("l.md").into(),
            line: 1,
        };
        let mut r = Reference::new("Landauer-Büttiker transport".into(), origin);
        merge(&mut r, &e, Source::Arxiv, None);
        assert_eq!(r.title, "Landauer-Büttiker Transport");
        assert_eq!(
            r.abstract_text.as_deref(),
            Some("We apply Landauer-Büttiker theory to $I$-$V$ curves.")
        );
        assert_eq!(r.authors[0].family, "Schrödinger");
    }

    #[test]
    fn sources_parse_names_and_refuse_unknown_ones() {
        let s = Sources::parse("crossref, S2").unwrap();
        assert!(s.crossref && s.s2 && !s.arxiv && !s.datacite);
        assert_eq!(
            Sources::parse(&Sources::NAMES.join(",")).unwrap(),
            Sources::ALL
        );
        let err = Sources::parse("arxiv,pubmed").unwrap_err();
        assert!(
            err.contains("`pubmed`") && err.contains("datacite"),
            "{err}"
        );
    }
}
