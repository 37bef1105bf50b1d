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
use biblatex::ChunksExt;
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

/// Reads the keys of a previous output; `None` when it is not BibTeX, CSL-JSON or mdbib's CSV.
fn read_previous(source: &str) -> Option<Vec<Previous>> {
    let source = source.trim_start_matches('\u{feff}');
    if source.trim_start().starts_with('[') {
        return read_csljson(source);
    }
    read_csv(source).or_else(|| read_bibtex(source).filter(|entries| !entries.is_empty()))
}

fn read_bibtex(source: &str) -> Option<Vec<Previous>> {
    let bib = biblatex::Bibliography::parse(source).ok()?;
    Some(
        bib.iter()
            .map(|entry| {
                let field = |name: &str| entry.get(name).map(|c| c.format_verbatim());
                Previous {
                    key: entry.key.clone(),
                    arxiv: field("eprint")
                        .and_then(|a| ids::parse_arxiv_id(&a))
                        .map(|a| a.id),
                    doi: field("doi"),
                    title: field("title"),
                }
            })
            .collect(),
    )
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
                        .and_then(|a| ids::parse_arxiv_id(&a))
                        .map(|a| a.id),
                    doi: cell(row, doi),
                    // The formula guard may have put an apostrophe in front.
                    title: cell(row, title).map(|t| t.trim_start_matches('\'').to_string()),
                })
            })
            .collect(),
    )
}

fn read_csljson(source: &str) -> Option<Vec<Previous>> {
    let items: Vec<serde_json::Value> = serde_json::from_str(source).ok()?;
    let text = |item: &serde_json::Value, name: &str| item[name].as_str().map(str::to_string);
    Some(
        items
            .iter()
            .filter_map(|item| {
                Some(Previous {
                    key: text(item, "id")?,
                    arxiv: text(&item["custom"], "arxiv")
                        .or_else(|| text(item, "number"))
                        .and_then(|a| ids::parse_arxiv_id(&a))
                        .map(|a| a.id),
                    doi: text(item, "DOI"),
                    title: text(item, "title").map(|t| strip_nocase(&t)),
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

/// The entries of the output file this run is about to replace, when it exists; `None`, with a
/// warning when it exists, when it cannot be read or holds no keys.
pub fn read_output(path: &Path, warnings: &mut Vec<String>) -> Option<Vec<Previous>> {
    if !path.is_file() {
        return None;
    }
    match std::fs::read_to_string(path) {
        Ok(source) => {
            let found = read_previous(&source);
            if found.is_none() {
                warnings.push(format!(
                    "{}: not BibTeX, CSL-JSON or CSV with citekeys, so its keys are not kept",
                    path.display()
                ));
            }
            found
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
            let found = Index::new(refs);
            previous
                .iter()
                .filter_map(|p| Some((p.key.clone(), refs[found.get(p)?].citekey.clone())))
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
            key::assign_with(&mut defaults, &Pattern::default(), &[]);
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
/// for [`key::assign_with`] to keep.
pub fn previous_keys(refs: &[Reference], previous: &[Previous]) -> Vec<Option<String>> {
    let found = Index::new(refs);
    let mut keys = vec![None; refs.len()];
    for p in previous {
        if let Some(i) = found.get(p) {
            keys[i].get_or_insert_with(|| p.key.clone());
        }
    }
    keys
}

/// This run's references by arXiv id, DOI and normalised title.
struct Index(HashMap<String, usize>);

impl Index {
    fn new(refs: &[Reference]) -> Index {
        let mut by_id = HashMap::new();
        for (i, r) in refs.iter().enumerate() {
            if let Some(a) = &r.arxiv {
                by_id.insert(format!("arxiv:{}", a.id), i);
            }
            if let Some(d) = &r.doi {
                by_id.insert(format!("doi:{}", ids::doi_key(d)), i);
            }
            by_id.insert(format!("title:{}", text::normalize_title(&r.title)), i);
        }
        Index(by_id)
    }

    /// The reference with the previous entry's arXiv id, else its DOI, else its title.
    fn get(&self, p: &Previous) -> Option<usize> {
        let candidates = [
            p.arxiv.as_ref().map(|a| format!("arxiv:{a}")),
            p.doi.as_ref().map(|d| format!("doi:{}", ids::doi_key(d))),
            p.title
                .as_ref()
                .map(|t| format!("title:{}", text::normalize_title(t))),
        ];
        candidates
            .into_iter()
            .flatten()
            .find_map(|c| self.0.get(&c).copied())
    }
}

/// The keymap file's text: `old<TAB>new` per line.
pub fn render(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(old, new)| format!("{old}\t{new}\n"))
        .collect()
}
