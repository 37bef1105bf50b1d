//! `--keymap FILE`: which citation keys changed, as `old<TAB>new` lines, so a document that cites the
//! old keys can be updated (`sed`, a search and replace).
//!
//! "Old" is what the document cites: the keys in the output file this run replaces, when it exists
//! and is BibTeX, BibLaTeX, CSL-JSON or CSV with a `citekey` column. Its entries are matched to this run's by arXiv id, DOI, or
//! title. Without such a file (standard output, a first run) the old keys are the default-pattern
//! keys, so the map translates default keys into `--citekey` ones.

use crate::key::{self, Pattern};
use crate::model::Reference;
use crate::{ids, text};
use std::collections::HashMap;
use std::path::Path;

/// An entry of a previous output: its key and what identifies it.
#[derive(Debug, Default)]
pub struct Previous {
    key: String,
    arxiv: Option<String>,
    doi: Option<String>,
    title: Option<String>,
}

impl Previous {
    /// Whether the entry names something its paper can be found by.
    fn identifiable(&self) -> bool {
        self.arxiv.is_some()
            || self.doi.is_some()
            || self.title.as_deref().is_some_and(|t| !t.trim().is_empty())
    }
}

/// Reads the keys of a previous output; `None` when it is not BibTeX, CSL-JSON or mdbib's CSV.
/// Only keys, identifiers and titles are read, so replacing a large file costs little.
fn read_previous(source: &str) -> Option<Vec<Previous>> {
    let source = source.trim_start_matches('\u{feff}');
    if source.trim_start().starts_with('[') {
        return read_csljson(source);
    }
    if let Some(rows) = read_csv(source) {
        return Some(rows);
    }
    let entries: Vec<Previous> = crate::read::bibtex::identities(source)
        .into_iter()
        .map(|(key, arxiv, doi, title)| Previous {
            key,
            arxiv: arxiv.map(|a| a.id),
            doi,
            title: Some(title),
        })
        .collect();
    (!entries.is_empty()).then_some(entries)
}

/// The fields of a CSL-JSON item a previous output's keys are matched by.
#[derive(serde::Deserialize)]
struct CslItem {
    id: Option<String>,
    title: Option<String>,
    #[serde(rename = "DOI")]
    doi: Option<String>,
    number: Option<String>,
    custom: Option<CslCustom>,
}

#[derive(serde::Deserialize)]
struct CslCustom {
    arxiv: Option<String>,
}

fn read_csljson(source: &str) -> Option<Vec<Previous>> {
    let items: Vec<CslItem> = serde_json::from_str(source).ok()?;
    Some(
        items
            .into_iter()
            .filter_map(|item| {
                let arxiv = item.custom.and_then(|c| c.arxiv).or(item.number);
                Some(Previous {
                    key: item.id?,
                    arxiv: arxiv.and_then(|a| ids::parse_arxiv_id(&a)).map(|a| a.id),
                    doi: item.doi,
                    title: item.title.map(|t| strip_nocase(&t)),
                })
            })
            .collect(),
    )
}

fn strip_nocase(title: &str) -> String {
    title
        .replace("<span class=\"nocase\">", "")
        .replace("</span>", "")
}

fn read_csv(source: &str) -> Option<Vec<Previous>> {
    let mut rdr = csv::Reader::from_reader(source.as_bytes());
    let header = rdr.headers().ok()?.clone();
    let column = |name: &str| header.iter().position(|h| h == name);
    let key = column("citekey")?;
    let (arxiv, doi, title) = (column("arxiv"), column("doi"), column("title"));
    let cell = |row: &csv::StringRecord, i: Option<usize>| {
        i.and_then(|i| row.get(i))
            .filter(|c| !c.is_empty())
            .map(str::to_string)
    };
    let rows: Vec<csv::StringRecord> = rdr.records().collect::<Result<_, _>>().ok()?;
    Some(
        rows.iter()
            .filter_map(|row| {
                Some(Previous {
                    key: cell(row, Some(key))?,
                    // `arXiv:2210.10163`, or a bare id as older versions wrote it.
                    arxiv: cell(row, arxiv)
                        .and_then(|a| ids::parse_arxiv_id(a.trim_start_matches("arXiv:")))
                        .map(|a| a.id),
                    doi: cell(row, doi),
                    // The formula guard may have put an apostrophe in front.
                    title: cell(row, title).map(|t| t.trim_start_matches('\'').to_string()),
                })
            })
            .collect(),
    )
}

/// The entries of the output file this run is about to replace, when it exists; `None`, with a
/// warning when it exists, when it cannot be read or holds no keys.
pub fn read_output(path: &Path, warnings: &mut Vec<String>) -> Option<Vec<Previous>> {
    let size = std::fs::metadata(path).ok().filter(|m| m.is_file())?.len();
    // Read like an input, under the same limit: a mistyped `-o` onto a huge file costs no memory.
    if size > crate::read::limit::MAX_INPUT_BYTES {
        warnings.push(format!(
            "{}: larger than {} bytes, so its keys are not kept",
            path.display(),
            crate::read::limit::MAX_INPUT_BYTES
        ));
        return None;
    }
    match std::fs::read_to_string(path) {
        Ok(source) => {
            let Some(mut found) = read_previous(&source) else {
                warnings.push(format!(
                    "{}: not BibTeX, CSL-JSON or CSV with citekeys, so its keys are not kept",
                    path.display()
                ));
                return None;
            };
            // An entry with no arXiv id, DOI or title (a CSV written with `--columns citekey,url`)
            // cannot be told apart from a paper that left the list. Reserving its key would move
            // its paper to the next suffix, and back again on the run after: it is left out, so
            // its paper takes the key the pattern gives it.
            let all = found.len();
            found.retain(Previous::identifiable);
            if found.len() < all {
                warnings.push(format!(
                    "{}: {} of its {all} entries have no arXiv id, DOI or title to match them by, \
                     so their keys are made again (keep a title column for stable keys)",
                    path.display(),
                    all - found.len(),
                ));
            }
            Some(found)
        }
        Err(e) => {
            warnings.push(format!("{}: {e}; its keys are not kept", path.display()));
            None
        }
    }
}

/// The `(old, new)` pairs whose keys differ, sorted by the old key. `previous` holds the entries
/// of the output this run replaces ([`read_output`]); without it the old keys are the
/// default-pattern keys.
pub fn changes(refs: &[Reference], previous: Option<&[Previous]>) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = match previous {
        Some(previous) => {
            let mut found = Index::new(refs);
            previous
                .iter()
                .filter_map(|p| Some((p.key.clone(), refs[found.take(p)?].citekey.clone())))
                .collect()
        }
        None => {
            let mut defaults = refs.to_vec();
            // Keys read with the input stay; the others are generated again by the default pattern.
            for r in &mut defaults {
                if !r.provenance.contains(crate::model::Field::Citekey) {
                    r.citekey.clear();
                }
            }
            key::assign_with(
                &mut defaults,
                &Pattern::default(),
                &key::Previous::default(),
            );
            defaults
                .into_iter()
                .zip(refs)
                .map(|(old, new)| (old.citekey, new.citekey.clone()))
                .collect()
        }
    };
    pairs.retain(|(old, new)| old != new);
    pairs.sort();
    pairs.dedup();
    pairs
}

/// For each reference, the key its paper had in `previous` (matched by arXiv id, DOI or title),
/// and every key there, for [`key::assign_with`].
pub fn previous_keys(refs: &[Reference], previous: &[Previous]) -> key::Previous {
    let mut found = Index::new(refs);
    let mut keys = vec![None; refs.len()];
    for p in previous {
        if let Some(i) = found.take(p) {
            keys[i].get_or_insert_with(|| p.key.clone());
        }
    }
    key::Previous {
        keys,
        retired: previous.iter().map(|p| p.key.clone()).collect(),
    }
}

/// This run's references by arXiv id and DOI, and by normalised title, which is built only when
/// an entry's identifiers find nothing (a list of arXiv papers never needs it). Each reference
/// is found by title once: two previous entries with one title go to two references.
struct Index<'r> {
    refs: &'r [Reference],
    arxiv: HashMap<&'r str, usize>,
    doi: HashMap<String, usize>,
    /// The references with each title, the one to be found next last.
    title: Option<HashMap<String, Vec<usize>>>,
}

impl<'r> Index<'r> {
    fn new(refs: &'r [Reference]) -> Index<'r> {
        let mut arxiv = HashMap::new();
        let mut doi = HashMap::new();
        for (i, r) in refs.iter().enumerate() {
            if let Some(a) = &r.arxiv {
                arxiv.entry(a.id.as_str()).or_insert(i);
            }
            if let Some(d) = &r.doi {
                doi.entry(ids::doi_key(d)).or_insert(i);
            }
        }
        Index {
            refs,
            arxiv,
            doi,
            title: None,
        }
    }

    /// The reference with the previous entry's arXiv id, else its DOI, else the first with its
    /// title that no entry took by title before.
    fn take(&mut self, p: &Previous) -> Option<usize> {
        if let Some(&i) = p.arxiv.as_deref().and_then(|a| self.arxiv.get(a)) {
            return Some(i);
        }
        if let Some(&i) = p
            .doi
            .as_deref()
            .and_then(|d| self.doi.get(&ids::doi_key(d)))
        {
            return Some(i);
        }
        let refs = self.refs;
        let titles = self.title.get_or_insert_with(|| {
            let mut titles: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, r) in refs.iter().enumerate().rev() {
                titles
                    .entry(text::normalize_title(&r.title))
                    .or_default()
                    .push(i);
            }
            titles
        });
        titles
            .get_mut(&text::normalize_title(p.title.as_deref()?))?
            .pop()
    }
}

/// The keymap file's text: `old<TAB>new` per line.
pub fn render(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(old, new)| format!("{old}\t{new}\n"))
        .collect()
}
