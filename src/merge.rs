//! De-duplication: the same paper read twice (several sections or files) becomes one reference.

use crate::ids;
use crate::model::{Kind, Origin, Reference};
use crate::text;
use crate::HashMap;

/// Merges references that share an arXiv id, a DOI or a normalised title, keeping the first one's
/// values, filling its gaps from the others, and keeping every section path.
pub fn dedupe(refs: Vec<Reference>) -> Vec<Reference> {
    dedupe_tracked(refs).0
}

/// [`dedupe`], also telling where each duplicate was read and the index of the kept reference
/// it was merged into.
pub fn dedupe_tracked(refs: Vec<Reference>) -> (Vec<Reference>, Vec<(Origin, usize)>) {
    let mut merger = Merger::default();
    for r in refs {
        merger.push(r);
    }
    merger.finish()
}

/// [`dedupe`] one reference at a time, so a reader can hand over each reference as it reads it
/// and duplicates never pile up in memory.
#[derive(Debug, Default)]
pub struct Merger {
    out: Vec<Reference>,
    index: HashMap<Identity, usize>,
    duplicates: Vec<(Origin, usize)>,
    doubtful: Vec<Doubtful>,
    /// Entries merged into an earlier one after both were kept (see [`Merger::push`]).
    gone: Vec<bool>,
}

/// Two entries merged because they share an arXiv id or DOI, although their titles name
/// different works: usually a wrong link in the list, worth a warning.
#[derive(Debug, Clone)]
pub struct Doubtful {
    /// Where the entry merged away was read.
    pub origin: Origin,
    /// Its title.
    pub title: String,
    /// The kept reference's title and origin.
    pub kept_title: String,
    /// Where the kept reference was read.
    pub kept_origin: Origin,
}

impl Doubtful {
    /// The warning line: `file:line: ...`.
    pub fn message(&self) -> String {
        format!(
            "{}:{}: \"{}\" has the identifier of \"{}\" ({}:{}); they are merged as one paper",
            self.origin.file.display(),
            self.origin.line,
            self.title,
            self.kept_title,
            self.kept_origin.file.display(),
            self.kept_origin.line
        )
    }
}

impl Merger {
    /// Adds one reference: merged into an earlier one it duplicates, else kept.
    pub fn push(&mut self, r: Reference) {
        let keys = identity_keys(&r);
        // Two entries with different arXiv ids or DOIs are different papers, whatever their titles.
        let found = keys
            .iter()
            .find_map(|k| Some((k, self.index.get(k).copied()?)))
            .filter(|&(k, i)| {
                let kept = &self.out[i];
                // One title by people who share no name is two works (or a list's slip).
                let by_title = matches!(
                    k,
                    Identity::Title(_) | Identity::TitleAt(..) | Identity::PaperFile(_)
                );
                !(conflicting(kept, &r) || (by_title && different_people(kept, &r)))
            })
            .map(|(_, i)| i);
        match found {
            Some(i) => {
                let i = self.merge_into(i, r);
                // This copy may tie the entry to another that earlier copies made (`EXGRA-MED`
                // with an arXiv id joins `Exgra-med` by its title and `LOGRA-MED`, the paper's
                // earlier name, by the id): one work, whichever copy came first.
                let mut i = i;
                for k in &keys {
                    let Some(j) = self.index.get(k).copied().filter(|&j| j != i) else {
                        continue;
                    };
                    let (kept, other) = (&self.out[i], &self.out[j]);
                    let by_title = !matches!(k, Identity::Arxiv(_) | Identity::Doi(_));
                    if self.gone[j]
                        || conflicting(kept, other)
                        || by_title && different_people(kept, other)
                    {
                        continue;
                    }
                    let (keep, drop) = (i.min(j), i.max(j));
                    let origin = self.out[drop].origin.clone();
                    let taken = std::mem::replace(
                        &mut self.out[drop],
                        Reference::new(String::new(), origin),
                    );
                    self.gone[drop] = true;
                    for at in self
                        .index
                        .values_mut()
                        .chain(self.duplicates.iter_mut().map(|(_, d)| d))
                    {
                        if *at == drop {
                            *at = keep;
                        }
                    }
                    i = self.merge_into(keep, taken);
                }
            }
            None => {
                for k in keys {
                    self.index.entry(k).or_insert(self.out.len());
                }
                self.out.push(r);
                self.gone.push(false);
            }
        }
    }

    /// Merges `r` into the entry at `i`, and returns `i`.
    fn merge_into(&mut self, i: usize, r: Reference) -> usize {
        let kept = &self.out[i];
        let doubtful = !similar_titles(&kept.title, &r.title);
        // Copies of one work: the longest title and the longest list of names among them are
        // the entry's, whichever came first, so that keys do not depend on the order of the
        // lists or of their lines. Two titles of different works for one identifier: the copy
        // that ranks higher is the entry, and the other is merged into it. Either way the entry
        // stays where it was first seen.
        let swap = doubtful && rank(&r) > rank(kept);
        let title = (!doubtful && title_rank(&r) > title_rank(kept))
            .then(|| (r.title.clone(), r.kept_case.clone()));
        let names = (!doubtful && authors_rank(&r) > authors_rank(kept))
            .then(|| (r.authors.clone(), r.et_al));
        if doubtful {
            let (kept, other) = if swap { (&r, kept) } else { (kept, &r) };
            self.doubtful.push(Doubtful {
                origin: other.origin.clone(),
                title: other.title.clone(),
                kept_title: kept.title.clone(),
                kept_origin: kept.origin.clone(),
            });
        }
        let r = if swap {
            let mut r = r;
            std::mem::swap(&mut r.origin, &mut self.out[i].origin);
            std::mem::swap(&mut r.sections, &mut self.out[i].sections);
            std::mem::replace(&mut self.out[i], r)
        } else {
            r
        };
        self.duplicates.push((r.origin.clone(), i));
        absorb(&mut self.out[i], r);
        let kept = &mut self.out[i];
        if let Some((title, kept_case)) = title {
            (kept.title, kept.kept_case) = (title, kept_case);
        }
        if let Some((authors, et_al)) = names {
            (kept.authors, kept.et_al) = (authors, et_al);
        }
        for k in identity_keys(&self.out[i]) {
            self.index.entry(k).or_insert(i);
        }
        i
    }

    /// The merges of entries whose titles name different works.
    pub fn doubtful(&self) -> &[Doubtful] {
        &self.doubtful
    }

    /// The kept references in first-seen order, and where each duplicate was read with the index
    /// of the reference it was merged into.
    pub fn finish(self) -> (Vec<Reference>, Vec<(Origin, usize)>) {
        if !self.gone.contains(&true) {
            return (self.out, self.duplicates);
        }
        // Entries merged into an earlier one leave; the others move up.
        let mut moved = Vec::with_capacity(self.gone.len());
        let mut left = 0;
        for &gone in &self.gone {
            moved.push(left);
            left += usize::from(!gone);
        }
        let gone = &self.gone;
        let out = (self.out.into_iter().enumerate())
            .filter(|(i, _)| !gone[*i])
            .map(|(_, r)| r)
            .collect();
        let duplicates = (self.duplicates.into_iter())
            .map(|(origin, i)| (origin, moved[i]))
            .collect();
        (out, duplicates)
    }
}

/// Whether two titles may name the same work: two thirds of the words of the shorter that are
/// no article, conjunction or preposition are in the longer (`UniPAD` and `UniPAD: A Universal
/// Pre-training Paradigm` are; `UniPAD: A Universal Pre-training Paradigm for Autonomous Driving`
/// and `PonderV2: ... with A Universal Pre-training Paradigm` are not), or the shorter is too
/// short to tell (`IT3DEgo`, `RULSTM`: a short name beside a title).
pub(crate) fn similar_titles(a: &str, b: &str) -> bool {
    const SMALL: [&str; 12] = [
        "a", "an", "the", "of", "for", "and", "in", "on", "to", "with", "by", "from",
    ];
    let (a, b) = (text::normalize_title(a), text::normalize_title(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let long_words: Vec<&str> = long.split(' ').collect();
    let words: Vec<&str> = (short.split(' '))
        .filter(|w| !w.is_empty() && !SMALL.contains(w))
        .collect();
    let shared = words.iter().filter(|w| long_words.contains(w)).count();
    words.len() < 3 || 3 * shared >= 2 * words.len()
}

/// What a reference is known by.
#[derive(Debug, PartialEq, Eq, Hash)]
enum Identity {
    Arxiv(String),
    /// As [`ids::doi_key`] gives it.
    Doi(String),
    /// Normalised, of four words or more.
    Title(String),
    /// A shorter normalised title, and the paper's or dataset's link in lower case.
    TitleAt(String, String),
    /// The paper's link when it is a PDF file or a publisher's page of one paper, without
    /// scheme and `www.`, in lower case: one such address is one paper, however the list names
    /// it (`[TBN](…/Kazakos_EPIC-Fusion_….pdf)`, `[GSM](openaccess.thecvf.com/…/html/…)`).
    PaperFile(String),
}

/// The identities of a reference: arXiv id, DOI, normalised title.
fn identity_keys(r: &Reference) -> Vec<Identity> {
    let mut keys = Vec::with_capacity(3);
    if let Some(ax) = &r.arxiv {
        keys.push(Identity::Arxiv(ax.id.clone()));
    }
    if let Some(doi) = &r.doi {
        keys.push(Identity::Doi(ids::doi_key(doi)));
    }
    let title = text::normalize_title(&r.title);
    // Very short titles ("Survey", "CLIP") are not enough to call two entries the same.
    if title.bytes().filter(|&b| b == b' ').nth(2).is_some() {
        keys.push(Identity::Title(title));
    } else if let Some(url) = [
        &r.links.paper,
        &r.links.dataset,
        &r.links.project,
        &r.links.code,
    ]
    .into_iter()
    .find_map(Option::as_ref)
    {
        // ... unless they also point at the same place.
        let url = url.trim_end_matches('/').to_lowercase();
        keys.push(Identity::TitleAt(title, url));
    }
    // An entry without an arXiv id or DOI (those say more) is known by its paper's file too.
    let no_id = r.arxiv.is_none() && r.doi.is_none();
    if let Some(page) = r
        .links
        .paper
        .as_deref()
        .filter(|_| no_id)
        .and_then(paper_page)
    {
        keys.push(Identity::PaperFile(page));
    }
    keys
}

/// A link to a PDF file, or to a publisher's page of one paper, as [`Identity::PaperFile`]
/// holds it; `None` for any other link (arXiv's, most of them, after a look at the host).
fn paper_page(url: &str) -> Option<String> {
    let url = url.split('#').next().unwrap_or_default();
    let bare = (url.strip_prefix("https://")).or_else(|| url.strip_prefix("http://"))?;
    let bare = bare.strip_prefix("www.").unwrap_or(bare);
    let (host, path) = bare.split_once('/')?;
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    // The hosts whose paths name one paper (OpenReview's by its `id` query).
    let page = match host {
        "aclanthology.org"
        | "openaccess.thecvf.com"
        | "papers.nips.cc"
        | "proceedings.mlr.press"
        | "proceedings.neurips.cc"
        | "link.springer.com" => true,
        "ieeexplore.ieee.org" => path.starts_with("document/") || path.starts_with("abstract/"),
        "dl.acm.org" => path.starts_with("doi/"),
        "sciencedirect.com" => path.starts_with("science/article/"),
        "openreview.net" => {
            return (!query.is_empty()).then(|| format!("{host}/{path}?{query}").to_lowercase());
        }
        _ => false,
    };
    let pdf = path.len() > 4
        && path.is_char_boundary(path.len() - 4)
        && path[path.len() - 4..].eq_ignore_ascii_case(".pdf");
    (page || pdf).then(|| format!("{host}/{}", path.trim_end_matches('/')).to_ascii_lowercase())
}

/// Whether two works both name their authors and no family name is in both lists.
fn different_people(a: &Reference, b: &Reference) -> bool {
    let family = |p: &crate::model::Person| {
        let name = if p.family.is_empty() {
            &p.literal
        } else {
            &p.family
        };
        text::lowercase(name).into_owned()
    };
    let theirs: Vec<String> = b.authors.iter().map(family).collect();
    !a.authors.is_empty()
        && !b.authors.is_empty()
        && !a.authors.iter().any(|p| theirs.contains(&family(p)))
}

fn conflicting(a: &Reference, b: &Reference) -> bool {
    // Two entries that each came with their own key (BibTeX, CSL-JSON) are both cited by those
    // keys, so neither may disappear into the other.
    if !a.citekey.is_empty() && !b.citekey.is_empty() && a.citekey != b.citekey {
        return true;
    }
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

/// How a copy ranks among copies of one identifier whose titles name different works: a
/// paper's (with its authors or venue) over a bare name (`FAIR Self-Supervision Benchmark`, a
/// repository's), a venue other than a preprint server's over none, more authors, a longer
/// title, and at last the title's text, so that any two copies are ordered.
fn rank(r: &Reference) -> impl Ord + '_ {
    let published = r
        .venue
        .as_ref()
        .is_some_and(|v| !crate::venue::is_preprint_server(v));
    (
        !r.authors.is_empty() || r.venue.is_some(),
        published,
        r.authors.len(),
        r.title.len(),
        &r.title,
    )
}

/// How a copy's title ranks among those of copies of one work: the longer (`LLaVA-Med: Training
/// a Large...` over `Training a Large...`), then the one with more capitals (`Learning
/// Hierarchical Features` over `Learning hierarchical features`), then the text.
fn title_rank(r: &Reference) -> impl Ord + '_ {
    let capitals = r.title.chars().filter(|c| c.is_uppercase()).count();
    (r.title.len(), capitals, &r.title)
}

/// How a copy's names rank among those of copies of one work: more names, fuller given names
/// (`Gedas Bertasius` over `G Bertasius`), a list not cut short by `et al.`, then the names.
fn authors_rank(r: &Reference) -> impl Ord + '_ {
    let given: usize = r.authors.iter().map(|p| p.given.chars().count()).sum();
    let names: Vec<(&str, &str)> = (r.authors.iter())
        .map(|p| (p.family.as_str(), p.given.as_str()))
        .collect();
    (r.authors.len(), given, !r.et_al, names)
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
    // A one-word title (a name from a news line or a table: `CARES`) gives way to a whole one of
    // three words or more (not to another name: `MBXP` stays, `Multilingual HumanEval` or not).
    if !kept.title.contains(' ') && other.title.split_whitespace().nth(2).is_some() {
        kept.title = other.title;
        kept.kept_case = other.kept_case;
    }
    // The kind goes with the venue: a preprint whose venue another copy names is that venue's.
    // A preprint server (`arXiv 2023`) gives way to a conference or journal, whichever copy
    // came first.
    let server =
        |v: &Option<crate::model::Venue>| v.as_ref().is_some_and(crate::venue::is_preprint_server);
    let takes_venue = other.venue.is_some()
        && (kept.venue.is_none() || server(&kept.venue) && !server(&other.venue));
    if takes_venue {
        kept.venue = None;
    }
    let other_date = other.date;
    // Two dates for two copies of a work not published elsewhere (`2024` and `2025` for two
    // preprint lines): the one its arXiv id agrees with, then the more precise, then the later,
    // whichever came first. A published work's year is its venue's, which no id tells.
    if let (Some(mine), Some(theirs)) = (kept.date, other_date) {
        let unpublished = !kept.kind.is_published() && !other.kind.is_published();
        if mine != theirs && !takes_venue && unpublished {
            let posted = kept.arxiv.as_ref().or(other.arxiv.as_ref());
            let posted = posted.and_then(ids::arxiv_month).map(|d| d.year);
            let rank = |d: crate::model::Date| {
                (
                    Some(d.year) == posted,
                    d.month.is_some(),
                    d.day.is_some(),
                    d,
                )
            };
            if rank(theirs) > rank(mine) {
                kept.date = Some(theirs);
            }
        }
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
    // A whole author list beats none, and beats one cut short by `et al.`.
    if kept.authors.is_empty() || (kept.et_al && other.authors.len() > kept.authors.len()) {
        kept.authors = other.authors;
        kept.et_al = other.et_al;
    }
    let published = other.kind.is_published();
    // A work of unknown kind takes the other's, unless it names a venue of its own that the
    // other does not publish (a paper with an unknown venue is no benchmark-table dataset).
    let unknown = kept.kind == Kind::Other && (kept.venue.is_none() || published);
    // A dataset a conference or journal published is cited as that paper (as a table row that
    // names the venue is).
    let publishes = takes_venue && published && matches!(kept.kind, Kind::Preprint | Kind::Dataset);
    if unknown || publishes {
        kept.kind = other.kind;
    } else if takes_venue && kept.kind == Kind::Preprint {
        // A copy that is no paper (a benchmark table's dataset row) still tells where the paper
        // appeared (`NeurIPS 2023`), and so its kind.
        let venue = kept.venue.as_ref();
        if let Some(kind) = venue.and_then(crate::venue::kind_of) {
            kept.kind = kind;
        }
    }
    // The copy that names the venue dates the paper: a preprint's month and day are not the
    // venue's (`[2023-06]` beside `| NeurIPS 2023 |`).
    if takes_venue && kept.kind.is_published() {
        let venue = kept.venue.as_ref();
        kept.date = other_date.or(kept.date.map(|d| crate::venue::year_of_paper(venue, d)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArxivId, Date, Person};

    fn entry(title: &str, arxiv: Option<&str>, doi: Option<&str>, section: &str) -> Reference {
        let mut r = Reference::new(
            title.into(),
            Origin {
                file: std::path::Path::new("a.md").into(),
                line: 1,
            },
        );
        r.arxiv = arxiv.map(|id| ArxivId {
            id: id.into(),
            version: None,
        });
        r.doi = doi.map(String::from);
        r.sections = vec![[section.to_string()].into()];
        r
    }

    #[test]
    fn an_identifier_shared_by_unrelated_titles_is_reported() {
        let mut merger = Merger::default();
        let copies = [
            entry(
                "UniPAD: A Universal Pre-training Paradigm for Autonomous Driving",
                Some("2310.08370"),
                None,
                "A",
            ),
            entry("UniPAD", Some("2310.08370"), None, "B"),
            entry(
                "UniPAD: a universal pre-training paradigm for driving",
                Some("2310.08370"),
                None,
                "C",
            ),
            entry(
                "Knowledge Distillation for Action Anticipation",
                Some("2310.08370"),
                None,
                "D",
            ),
            // Another paper that shares most of the first one's words.
            entry(
                "PonderV2: Pave the Way for 3D Foundation Model with A Universal Pre-training Paradigm",
                Some("2310.08370"),
                None,
                "E",
            ),
        ];
        for r in copies.clone() {
            merger.push(r);
        }
        // Each copy whose title names another work is reported once, against the copy that
        // gives the entry its title then.
        let pairs: Vec<(&str, &str)> = (merger.doubtful().iter())
            .map(|d| (&d.title[..8], &d.kept_title[..8]))
            .collect();
        assert_eq!(pairs, [("Knowledg", "UniPAD: "), ("UniPAD: ", "PonderV2")]);
        let message = merger.doubtful()[0].message();
        assert!(message.starts_with("a.md:1: \"Knowledge"), "{message}");
        let (out, _) = merger.finish();
        assert_eq!(out.len(), 1);
        // Of copies that say no more than their titles, the longer title wins, in any order.
        assert!(out[0].title.starts_with("PonderV2"), "{}", out[0].title);
        let mut reversed = Merger::default();
        for r in copies.into_iter().rev() {
            reversed.push(r);
        }
        assert_eq!(reversed.finish().0[0].title, out[0].title);
    }

    #[test]
    fn a_papers_title_wins_over_a_bare_name_with_its_identifier() {
        let mut merger = Merger::default();
        let bare = entry(
            "FAIR Self-Supervision Benchmark",
            Some("1905.01235"),
            None,
            "A",
        );
        let mut paper = entry(
            "Scaling and Benchmarking Self-Supervised Visual Representation Learning",
            Some("1905.01235"),
            None,
            "B",
        );
        paper.authors = vec![Person::parse("Priya Goyal")];
        merger.push(bare);
        merger.push(paper);
        let message = merger.doubtful()[0].message();
        assert!(
            message.contains("\"FAIR Self-Supervision Benchmark\" has the identifier of \"Scaling"),
            "{message}"
        );
        let (out, _) = merger.finish();
        assert_eq!(
            out[0].title,
            "Scaling and Benchmarking Self-Supervised Visual Representation Learning"
        );
        assert_eq!(out[0].authors.len(), 1);
    }

    #[test]
    fn a_work_of_unknown_kind_with_a_venue_is_no_dataset_by_merging() {
        let mut paper = entry(
            "VerilogEval: Evaluating LLMs",
            Some("2309.07544"),
            None,
            "A",
        );
        paper.kind = Kind::Other;
        paper.venue = crate::venue::recognise("Some Conference");
        let mut row = entry(
            "VerilogEval: Evaluating LLMs",
            Some("2309.07544"),
            None,
            "B",
        );
        row.kind = Kind::Dataset;
        let (out, _) = dedupe_tracked(vec![paper.clone(), row.clone()]);
        assert_eq!(out[0].kind, Kind::Other);
        // Without a venue of its own it takes the other's kind.
        paper.venue = None;
        let (out, _) = dedupe_tracked(vec![paper, row]);
        assert_eq!(out[0].kind, Kind::Dataset);
    }

    #[test]
    fn same_paper_in_several_sections_is_one_entry_with_every_section() {
        let refs = vec![
            entry("Attention Is All You Need", Some("1706.03762"), None, "A"),
            entry("Attention is all you need!", None, Some("10.1/X"), "B"),
            entry("Other", None, Some("10.1/x"), "C"),
            entry(
                "Something else entirely here",
                Some("1706.03762"),
                None,
                "D",
            ),
        ];
        let (out, dups) = dedupe_tracked(refs);
        assert_eq!(out.len(), 1, "{out:#?}");
        assert_eq!(out[0].sections.len(), 4);
        assert_eq!(out[0].doi.as_deref(), Some("10.1/X"));
        assert_eq!(dups.len(), 3);
    }

    #[test]
    fn a_preprint_takes_the_kind_of_the_venue_another_copy_names() {
        let venue = |name: &str| crate::model::Venue {
            written: name.into(),
            name: name.into(),
        };
        let preprint = || {
            let mut r = entry("MMed-RAG", Some("2410.13085"), None, "News");
            r.kind = Kind::Preprint;
            r
        };
        let mut published = entry("MMed-RAG", Some("2410.13085"), None, "Papers");
        (published.kind, published.venue) = (Kind::ConferencePaper, Some(venue("ICLR")));
        let (out, _) = dedupe_tracked(vec![preprint(), published]);
        assert_eq!(
            (out[0].kind, out[0].venue.clone()),
            (Kind::ConferencePaper, Some(venue("ICLR")))
        );
        // A dataset row of the same paper gives its venue, not its kind.
        let mut row = entry("HumanEval", Some("2410.13085"), None, "Benchmarks");
        (row.kind, row.venue) = (Kind::Dataset, Some(venue("arXiv")));
        let (out, _) = dedupe_tracked(vec![preprint(), row]);
        assert_eq!(out[0].kind, Kind::Preprint);
        // ... and when that venue is a conference's, the kind that goes with it.
        let mut row = entry("DotPrompts", Some("2410.13085"), None, "Benchmarks");
        (row.kind, row.venue) = (Kind::Dataset, Some(venue("NeurIPS 2023")));
        let (out, _) = dedupe_tracked(vec![preprint(), row]);
        assert_eq!(out[0].kind, Kind::ConferencePaper);
        // A dataset row first, then the paper that a conference published: that paper.
        let mut row = entry("Derm1M", Some("2410.13085"), None, "Datasets");
        row.kind = Kind::Dataset;
        let mut published = entry("Derm1M: A Dataset", Some("2410.13085"), None, "Papers");
        (published.kind, published.venue) = (Kind::ConferencePaper, Some(venue("ICCV")));
        let (out, _) = dedupe_tracked(vec![row, published]);
        assert_eq!(out[0].kind, Kind::ConferencePaper); // A preprint server's copy gives way to the journal's, in either order.
        let mut on_arxiv = entry("Towards Generalist AI", Some("2307.14334"), None, "A");
        (on_arxiv.kind, on_arxiv.venue) = (Kind::Preprint, Some(venue("arXiv")));
        on_arxiv.date = Some(Date::year(2023));
        let mut journal = entry("Towards Generalist AI", Some("2307.14334"), None, "B");
        (journal.kind, journal.venue) = (Kind::JournalArticle, Some(venue("NEJM AI")));
        journal.date = Some(Date::year(2024));
        for copies in [
            vec![on_arxiv.clone(), journal.clone()],
            vec![journal.clone(), on_arxiv.clone()],
        ] {
            let (out, _) = dedupe_tracked(copies);
            let r = &out[0];
            assert_eq!(
                (r.kind, r.venue.clone(), r.date.map(|d| d.year)),
                (Kind::JournalArticle, Some(venue("NEJM AI")), Some(2024))
            );
        }
        // Two preprint servers: the first copy's stays.
        let mut biorxiv = journal.clone();
        (biorxiv.kind, biorxiv.venue) = (Kind::Preprint, Some(venue("bioRxiv")));
        let (out, _) = dedupe_tracked(vec![on_arxiv, biorxiv]);
        assert_eq!(out[0].venue, Some(venue("arXiv")));
    }

    #[test]
    fn copies_give_the_longest_title_and_names_in_any_order() {
        let person = |given: &str, family: &str| Person {
            given: given.into(),
            family: family.into(),
            ..Person::default()
        };
        let mut short = entry(
            "Training a Large Assistant in One Day",
            Some("2306.00890"),
            None,
            "A",
        );
        short.authors = vec![person("C", "Li"), person("C", "Wong")];
        let mut named = entry(
            "LLaVA-Med: Training a Large Assistant in One Day",
            None,
            None,
            "B",
        );
        named.arxiv = short.arxiv.clone();
        named.authors = vec![person("Chunyuan", "Li")];
        named.et_al = true;
        let mut full = entry(
            "Training a large assistant in one day",
            Some("2306.00890"),
            None,
            "C",
        );
        full.authors = vec![person("Chunyuan", "Li"), person("Cliff", "Wong")];
        let copies = [short, named, full];
        for order in [[0, 1, 2], [2, 1, 0], [1, 0, 2], [1, 2, 0]] {
            let (out, _) = dedupe_tracked(order.iter().map(|&i| copies[i].clone()).collect());
            assert_eq!(out.len(), 1);
            assert_eq!(
                out[0].title,
                "LLaVA-Med: Training a Large Assistant in One Day"
            );
            let names: Vec<&str> = out[0].authors.iter().map(|p| p.given.as_str()).collect();
            assert_eq!((names, out[0].et_al), (vec!["Chunyuan", "Cliff"], false));
            // The entry stays where it was first seen.
            assert_eq!(out[0].sections[0], copies[order[0]].sections[0]);
        }
    }

    #[test]
    fn a_copy_that_ties_two_entries_joins_them_in_any_order() {
        // The published title by its id and by its title, the earlier name by the id only.
        let mut named = entry(
            "EXGRA-MED: Extended Context Graph Alignment",
            Some("2410.02615"),
            None,
            "A",
        );
        named.date = Some(Date::year(2025));
        let by_title = entry(
            "Exgra-med: Extended context graph alignment",
            None,
            None,
            "B",
        );
        let earlier = entry(
            "LOGRA-MED: Long Context Multi-Graph Alignment",
            Some("2410.02615"),
            None,
            "C",
        );
        let copies = [named, by_title, earlier];
        for order in [[0, 1, 2], [1, 2, 0], [2, 1, 0], [1, 0, 2]] {
            let (out, dups) = dedupe_tracked(order.iter().map(|&i| copies[i].clone()).collect());
            assert_eq!(out.len(), 1, "{order:?}: {out:#?}");
            assert_eq!(dups.len(), 2);
            assert!(dups.iter().all(|(_, i)| *i == 0));
            assert_eq!(out[0].sections.len(), 3);
            assert_eq!(out[0].sections[0], copies[order[0]].sections[0]);
        }
        // Entries after a joined one keep their place in the output.
        let other = entry(
            "Another Paper About Something Else",
            Some("2101.00001"),
            None,
            "D",
        );
        let list = vec![
            copies[1].clone(),
            copies[2].clone(),
            other,
            copies[0].clone(),
        ];
        let (out, dups) = dedupe_tracked(list);
        assert_eq!(out.len(), 2);
        assert_eq!(out[1].title, "Another Paper About Something Else");
        assert!(dups.iter().all(|(_, i)| *i == 0));
    }

    #[test]
    fn two_preprint_dates_give_the_one_the_id_agrees_with() {
        let mut a = entry("Training Medical Models", Some("2501.01377"), None, "A");
        a.date = Some(Date::year(2024));
        let mut b = a.clone();
        b.date = Some(Date::year(2025));
        for pair in [vec![a.clone(), b.clone()], vec![b.clone(), a.clone()]] {
            let (out, _) = dedupe_tracked(pair);
            assert_eq!(out[0].date, Some(Date::year(2025)));
        }
    }

    #[test]
    fn a_preprint_date_gives_way_to_the_venue_copys() {
        use crate::model::{Date, Venue};
        let venue = Some(Venue {
            written: "NeurIPS 2023".into(),
            name: "NeurIPS".into(),
        });
        let mut preprint = entry("Monitors", Some("2306.10763"), None, "Repository");
        (preprint.kind, preprint.date) = (Kind::Preprint, Date::parse_iso("2023-06"));
        let mut row = entry("Monitors", Some("2306.10763"), None, "Benchmarks");
        (row.kind, row.venue) = (Kind::ConferencePaper, venue.clone());
        // Without a date of its own, the venue's copy leaves the preprint's year.
        let (out, _) = dedupe_tracked(vec![preprint.clone(), row.clone()]);
        assert_eq!(out[0].date, Some(Date::year(2023)));
        // With one, its date.
        row.date = Some(Date::year(2024));
        let (out, _) = dedupe_tracked(vec![preprint.clone(), row]);
        assert_eq!(out[0].date, Some(Date::year(2024)));
        // A preprint stays dated as it was by a copy that names no venue.
        let (out, _) = dedupe_tracked(vec![preprint.clone(), preprint]);
        assert_eq!(out[0].date, Date::parse_iso("2023-06"));
    }

    #[test]
    fn one_pdf_is_one_paper() {
        let pdf = |title: &str, url: &str| {
            let mut r = entry(title, None, None, "A");
            r.links.paper = Some(url.into());
            r
        };
        let (out, dups) =
            dedupe_tracked(vec![
            pdf(
                "EPIC-Fusion: Audio-Visual Temporal Binding for Egocentric Action Recognition",
                "http://openaccess.thecvf.com/content_ICCV_2019/papers/Kazakos_EPIC-Fusion.pdf",
            ),
            pdf(
                "TBN",
                "https://openaccess.thecvf.com/content_ICCV_2019/papers/Kazakos_EPIC-Fusion.PDF",
            ),
            // The same page that is no PDF (a dataset's home) says nothing.
            pdf("Dataset One", "https://x.org/data"),
            pdf("Dataset Two", "https://x.org/data"),
            // A publisher's page of one paper is one paper; OpenReview's by its id.
            pdf("EgoCom: A Multi-person Dataset", "https://ieeexplore.ieee.org/document/9200754"),
            pdf("EgoCom", "https://ieeexplore.ieee.org/document/9200754/"),
            pdf("Paper Alpha", "https://openreview.net/forum?id=abc"),
            pdf("Paper Beta", "https://openreview.net/forum?id=xyz"),
        ]);
        assert_eq!(out.len(), 6, "{out:?}");
        assert_eq!(dups.len(), 2);
        assert!(out[0].title.starts_with("EPIC-Fusion"));
    }

    #[test]
    fn a_name_gives_way_to_a_whole_title() {
        let (out, _) = dedupe_tracked(vec![
            entry("CARES", Some("2406.06007"), None, "News"),
            entry(
                "CARES: A Comprehensive Benchmark",
                Some("2406.06007"),
                None,
                "Papers",
            ),
        ]);
        assert_eq!(out[0].title, "CARES: A Comprehensive Benchmark");
        let (out, _) = dedupe_tracked(vec![
            entry("Attention Is All You Need", Some("1706.03762"), None, "A"),
            entry("Transformer", Some("1706.03762"), None, "B"),
        ]);
        assert_eq!(out[0].title, "Attention Is All You Need");
    }

    #[test]
    fn one_title_by_different_people_is_two_works() {
        let by = |names: &[&str], section: &str| {
            let mut r = entry(
                "Egocentric Activity Recognition on a Map",
                None,
                None,
                section,
            );
            r.authors = names
                .iter()
                .map(|n| crate::model::Person::parse(n))
                .collect();
            r
        };
        let out = dedupe(vec![
            by(&["Chang Chen", "Jiaming Zhang"], "A"),
            by(&["Miao Liu", "Lingni Ma"], "B"),
        ]);
        assert_eq!(out.len(), 2);
        // One shared name (written otherwise), or no names on one side: one work.
        let out = dedupe(vec![
            by(&["Chang Chen", "Jiaming Zhang"], "A"),
            by(&["C. Chen"], "B"),
        ]);
        assert_eq!(out.len(), 1);
        let out = dedupe(vec![by(&["Chang Chen"], "A"), by(&[], "B")]);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn a_short_title_is_one_work_at_one_address() {
        let at = |code: &str, section: &str| {
            let mut r = entry("SymptomCheck Bench", None, None, section);
            r.links.code = Some(code.to_string());
            r
        };
        let out = dedupe(vec![
            at("https://github.com/a/bench", "A"),
            at("https://github.com/a/bench", "B"),
        ]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].sections.len(), 2);
        let out = dedupe(vec![
            at("https://github.com/a/bench", "A"),
            at("https://github.com/b/bench", "B"),
        ]);
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn a_whole_author_list_replaces_one_cut_short_by_et_al() {
        let people = |names: &[&str]| {
            names
                .iter()
                .map(|n| crate::model::Person::parse(n))
                .collect()
        };
        let mut short = entry("MedCLIP", Some("2210.10163"), None, "A");
        short.authors = people(&["Zifeng Wang"]);
        short.et_al = true;
        let mut whole = entry("MedCLIP", Some("2210.10163"), None, "B");
        whole.authors = people(&["Zifeng Wang", "Zhenbang Wu", "Jimeng Sun"]);
        let out = dedupe(vec![short.clone(), whole.clone()]);
        assert_eq!((out[0].authors.len(), out[0].et_al), (3, false));
        // The other way round the whole list stays.
        let out = dedupe(vec![whole, short]);
        assert_eq!((out[0].authors.len(), out[0].et_al), (3, false));
    }

    #[test]
    fn same_title_with_different_arxiv_ids_stays_apart() {
        let refs = vec![
            entry(
                "A Novel Approach to Tomato Harvesting",
                Some("2412.16755"),
                None,
                "A",
            ),
            entry(
                "A Novel Approach to Tomato Harvesting",
                Some("2512.03684"),
                None,
                "B",
            ),
        ];
        assert_eq!(dedupe(refs).len(), 2);
    }
}
