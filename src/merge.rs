//! De-duplication: the same paper read twice (several sections or files) becomes one reference.

use crate::ids;
use crate::model::Reference;
use crate::text;
use std::collections::HashMap;

/// Merges references that share an arXiv id, a DOI or a normalised title, keeping the first one's
/// values, filling its gaps from the others, and keeping every section path.
pub fn dedupe(refs: Vec<Reference>) -> Vec<Reference> {
    let mut out: Vec<Reference> = Vec::with_capacity(refs.len());
    let mut index: HashMap<String, usize> = HashMap::new();
    for r in refs {
        let keys = identity_keys(&r);
        // Two entries with different arXiv ids or DOIs are different papers, whatever their titles.
        let found = keys
            .iter()
            .find_map(|k| index.get(k).copied())
            .filter(|&i| !conflicting(&out[i], &r));
        match found {
            Some(i) => {
                absorb(&mut out[i], r);
                for k in identity_keys(&out[i]) {
                    index.entry(k).or_insert(i);
                }
            }
            None => {
                for k in keys {
                    index.entry(k).or_insert(out.len());
                }
                out.push(r);
            }
        }
    }
    out
}

/// The keys under which a reference is known: arXiv id, DOI, normalised title.
fn identity_keys(r: &Reference) -> Vec<String> {
    let mut keys = Vec::new();
    if let Some(ax) = &r.arxiv {
        keys.push(format!("arxiv:{}", ax.id));
    }
    if let Some(doi) = &r.doi {
        keys.push(format!("doi:{}", ids::doi_key(doi)));
    }
    let title = text::normalize_title(&r.title);
    // Very short titles ("Survey", "CLIP") are not enough to call two entries the same.
    if title.split(' ').count() >= 4 {
        keys.push(format!("title:{title}"));
    }
    keys
}

fn conflicting(a: &Reference, b: &Reference) -> bool {
    let differ =
        |x: Option<String>, y: Option<String>| matches!((x, y), (Some(x), Some(y)) if x != y);
    differ(
        a.arxiv.as_ref().map(|x| x.id.clone()),
        b.arxiv.as_ref().map(|x| x.id.clone()),
    ) || differ(
        a.doi.as_deref().map(ids::doi_key),
        b.doi.as_deref().map(ids::doi_key),
    )
}

fn absorb(kept: &mut Reference, other: Reference) {
    for path in other.sections {
        if !kept.sections.contains(&path) {
            kept.sections.push(path);
        }
    }
    macro_rules! fill {
        ($($field:ident).+) => {
            if kept.$($field).+.is_none() {
                kept.$($field).+ = other.$($field).+;
            }
        };
    }
    fill!(arxiv);
    fill!(doi);
    fill!(venue);
    fill!(date);
    fill!(abstract_text);
    fill!(links.paper);
    fill!(links.code);
    fill!(links.project);
    fill!(links.dataset);
    if kept.authors.is_empty() {
        kept.authors = other.authors;
    }
    if kept.kind == crate::model::Kind::Other {
        kept.kind = other.kind;
    }
}
