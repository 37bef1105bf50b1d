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
struct Previous {
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
                    arxiv: cell(row, arxiv),
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

/// The `(old, new)` pairs whose keys differ, sorted by the old key. `previous_output` is the file
/// this run is about to replace; `warnings` says when it cannot be read.
pub fn changes(
    refs: &[Reference],
    previous_output: Option<&Path>,
    warnings: &mut Vec<String>,
) -> Vec<(String, String)> {
    let previous = previous_output.filter(|p| p.exists()).and_then(|path| {
        match std::fs::read_to_string(path) {
            Ok(source) => {
                let found = read_previous(&source);
                if found.is_none() {
                    warnings.push(format!(
                        "{}: not BibTeX, CSL-JSON or CSV with citekeys, so --keymap compares with the default keys",
                        path.display()
                    ));
                }
                found
            }
            Err(e) => {
                warnings.push(format!(
                    "{}: {e}; --keymap compares with the default keys",
                    path.display()
                ));
                None
            }
        }
    });
    let mut pairs: Vec<(String, String)> = match previous {
        Some(previous) => matched(refs, &previous),
        None => {
            let mut defaults = refs.to_vec();
            // Keys read with the input stay; the others are generated again by the default pattern.
            for r in &mut defaults {
                if !r.provenance.contains(crate::model::Field::Citekey) {
                    r.citekey.clear();
                }
            }
            key::assign_with(&mut defaults, &Pattern::default());
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

/// Pairs each previous entry with this run's reference of the same arXiv id, DOI or title.
fn matched(refs: &[Reference], previous: &[Previous]) -> Vec<(String, String)> {
    let mut by_id: HashMap<String, &str> = HashMap::new();
    for r in refs {
        if let Some(a) = &r.arxiv {
            by_id.insert(format!("arxiv:{}", a.id), &r.citekey);
        }
        if let Some(d) = &r.doi {
            by_id.insert(format!("doi:{}", ids::doi_key(d)), &r.citekey);
        }
        by_id.insert(
            format!("title:{}", text::normalize_title(&r.title)),
            &r.citekey,
        );
    }
    previous
        .iter()
        .filter_map(|p| {
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
                .find_map(|c| by_id.get(&c))
                .map(|new| (p.key.clone(), new.to_string()))
        })
        .collect()
}

/// The keymap file's text: `old<TAB>new` per line.
pub fn render(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(old, new)| format!("{old}\t{new}\n"))
        .collect()
}
