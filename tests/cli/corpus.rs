//! Recall on real paper lists: every arXiv id and DOI written in each file of `../shared/corpus/`
//! must come out as an entry, and no title may be a link label, a URL or empty.
//!
//! The corpus is test data kept beside the project, not in it; without it the test says so and
//! passes.

use mdbib::{ids, merge, read};
use regex::Regex;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Words that are link labels, never titles.
const LABELS: &[&str] = &[
    "paper",
    "code",
    "pdf",
    "arxiv",
    "link",
    "project",
    "project page",
    "github",
    "demo",
    "repo",
    "website",
    "homepage",
    "dataset",
    "video",
    "slides",
    "blog",
    "null",
    "-",
];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

/// The distinct arXiv ids and DOIs (lower case) written anywhere in `text`, URLs included.
fn ids_written(text: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let url =
        Regex::new(r#"(?i)https?://[^\s<>"'\]\)]+(?:\([^\s<>"'()]*\)[^\s<>"'\]\)]*)*"#).unwrap();
    let mut arxiv = BTreeSet::new();
    let mut doi = BTreeSet::new();
    for m in url.find_iter(text) {
        if let Some(id) = ids::arxiv_from_url(m.as_str()) {
            arxiv.insert(id.id);
        }
        if let Some(d) = ids::doi_from_url(m.as_str()) {
            doi.insert(ids::doi_key(&d));
        }
    }
    for id in ids::arxiv_in_text(text) {
        arxiv.insert(id.id);
    }
    // DOIs that arXiv mints name the arXiv paper; count them as arXiv ids only.
    doi.retain(|d| ids::arxiv_from_doi(d).is_none());
    (arxiv, doi)
}

fn recall(written: &BTreeSet<String>, found: &BTreeSet<String>) -> f64 {
    if written.is_empty() {
        return 1.0;
    }
    written.intersection(found).count() as f64 / written.len() as f64
}

#[test]
fn corpus_recall_and_titles() {
    let dir = corpus_dir();
    let Ok(listing) = std::fs::read_dir(&dir) else {
        println!("skipped: no corpus at {}", dir.display());
        return;
    };
    let mut files: Vec<PathBuf> = listing
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("README.md"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    println!(
        "{:<70} {:>7} {:>13} {:>11} {:>8}",
        "file", "entries", "arXiv recall", "DOI recall", "ms"
    );
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let start = Instant::now();
        let refs = merge::dedupe(read::read(&text, path, &mut Vec::new()).unwrap());
        let elapsed = start.elapsed();
        let found_arxiv: BTreeSet<String> = refs
            .iter()
            .filter_map(|r| r.arxiv.as_ref())
            .map(|a| a.id.clone())
            .collect();
        let found_doi: BTreeSet<String> = refs
            .iter()
            .filter_map(|r| r.doi.as_deref())
            .map(ids::doi_key)
            .collect();
        let (arxiv, doi) = ids_written(&text);
        let (ra, rd) = (recall(&arxiv, &found_arxiv), recall(&doi, &found_doi));
        let name = path.file_name().unwrap().to_string_lossy();
        println!(
            "{:<70} {:>7} {:>6.3} ({:>4}) {:>5.3} ({:>3}) {:>8.1}",
            name,
            refs.len(),
            ra,
            arxiv.len(),
            rd,
            doi.len(),
            elapsed.as_secs_f64() * 1000.0
        );
        for id in arxiv.difference(&found_arxiv).take(5) {
            println!("    missed arXiv {id}");
        }
        for d in doi.difference(&found_doi).take(5) {
            println!("    missed DOI {d}");
        }
        if ra < 0.99 || rd < 0.99 {
            failures.push(format!("{name}: arXiv recall {ra:.3}, DOI recall {rd:.3}"));
        }
        for r in &refs {
            let t = r.title.trim();
            let lower = t.to_lowercase();
            if t.is_empty() || LABELS.contains(&lower.as_str()) || lower.contains("://") {
                failures.push(format!("{name}:{}: bad title {t:?}", r.origin.line));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Reading a list in pieces (cut at every allowed place), or with every table left to
/// pulldown-cmark, gives exactly what reading it whole gives: on the bundled fixtures always,
/// and on the corpus when it is there.
#[test]
fn reading_in_pieces_changes_nothing() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = ["fixtures", "fixtures/markdown", "fixtures/tricky"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).into_iter().flatten())
        .chain(std::fs::read_dir(corpus_dir()).into_iter().flatten())
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("README.md"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "fixtures missing: {files:?}");
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue; // the invalid UTF-8 fixture
        };
        let whole = read::markdown::read(&text, &file);
        let mut pieces = Vec::new();
        read::markdown::read_in_pieces(&text, &file, 1, &mut |r| pieces.push(r));
        let mut parsed = Vec::new();
        read::markdown::read_without_plain_tables(&text, &file, &mut |r| parsed.push(r));
        for other in [&pieces, &parsed] {
            assert_eq!(whole.len(), other.len(), "{}", file.display());
            for (a, b) in whole.iter().zip(other) {
                assert_eq!(a, b, "{}", file.display());
            }
        }
    }
}
