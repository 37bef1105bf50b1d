//! The BibTeX/BibLaTeX reader, on mdbib's own parser ([`parse`], [`latex`], [`names`]).
//!
//! One broken entry costs that entry only: it is named with its line and reading resumes at the
//! next entry. An entry with a lone `$` (`can cost $6.5M`) is read with it taken literally.

pub(crate) mod latex;
mod names;
mod parse;

use crate::ids;
use crate::model::{ArxivId, Date, Kind, Origin, Person, Reference, Source, Venue};
use crate::venue;
use crate::HashMap;
use parse::{Bib, Entry, Field};
use std::cell::Cell;
use std::path::Path;

/// Reads a BibTeX or BibLaTeX file. Entries that cannot be read are skipped with a warning
/// naming their line.
pub fn read(text: &str, file: &Path, warnings: &mut Vec<super::Warning>) -> Vec<Reference> {
    let mut refs = Vec::new();
    read_each(text, file, warnings, &mut |r| refs.push(r));
    refs
}

/// [`read`], handing each reference to `sink` as soon as it is made.
pub fn read_each(
    text: &str,
    file: &Path,
    warnings: &mut Vec<super::Warning>,
    sink: &mut dyn FnMut(Reference),
) {
    let mut bib = parse::parse(text);
    let first_warning = warnings.len();
    for s in &bib.skipped {
        warnings.push(super::Warning {
            line: s.line,
            message: match s.key {
                Some(key) => format!("entry {key} skipped: {}", s.problem),
                None if s.kind.eq_ignore_ascii_case("string")
                    || s.kind.eq_ignore_ascii_case("preamble") =>
                {
                    format!("@{} skipped: {}", s.kind.to_lowercase(), s.problem)
                }
                None => format!("@{} entry skipped: {}", s.kind, s.problem),
            },
        });
    }
    inherit(&mut bib);
    let shared: std::sync::Arc<Path> = file.into();
    let bib = &bib;
    // An entry's reference, and whether its `$` signs were all paired.
    let convert = |entry: &Entry<'_>| {
        let fields = Fields {
            bib,
            entry,
            balanced: Cell::new(true),
        };
        let origin = Origin {
            file: shared.clone(),
            line: entry.line,
        };
        (reference(&fields, origin), fields.balanced.get())
    };
    let mut hand_on = |entry: &Entry<'_>, (reference, balanced): (Reference, bool)| {
        sink(reference);
        if !balanced {
            warnings.push(super::Warning {
                line: entry.line,
                message: format!(
                    "entry {} read with its `$` signs taken literally",
                    entry.key
                ),
            });
        }
    };
    // Entries are read on their own: in a long file, a second thread reads the second half
    // while this one reads the first and hands it on.
    let ((), second) = crate::parallel::halves(
        &bib.entries,
        crate::parallel::FROM,
        |first| first.iter().for_each(|e| hand_on(e, convert(e))),
        |second| second.iter().map(|e| (e, convert(e))).collect::<Vec<_>>(),
    );
    for (entry, done) in second {
        hand_on(entry, done);
    }
    // Skipped entries and entries read with a literal `$`, in the file's order.
    warnings[first_warning..].sort_by_key(|w| w.line);
}

/// Fills fields an entry lacks from the entries its `crossref` and `xdata` name (BibTeX puts
/// those after the entries that use them). A book or proceedings gives its title as the
/// `booktitle` of its parts, a periodical as the journal of its articles; `title` and `note` are
/// never inherited, `booktitle` only by parts.
fn inherit(bib: &mut Bib) {
    const LINKS: [Field; 2] = [Field::Crossref, Field::Xdata];
    if !bib.entries.iter().any(|e| LINKS.iter().any(|&f| e.has(f))) {
        return;
    }
    let mut index: HashMap<&str, usize> = HashMap::default();
    for (n, e) in bib.entries.iter().enumerate() {
        index.entry(e.key).or_insert(n);
    }
    let text = |bib: &Bib, e: &Entry, f: Field| {
        let fields = Fields {
            bib,
            entry: e,
            balanced: Cell::new(true),
        };
        fields.get(f).unwrap_or_default()
    };
    for n in 0..bib.entries.len() {
        let mut parents: Vec<usize> = Vec::new();
        let mut todo = vec![n];
        // A chain of cross-references, each entry visited once.
        while let Some(at) = todo.pop() {
            for link in LINKS {
                for key in text(bib, &bib.entries[at], link).split(',') {
                    if let Some(&p) = index.get(key.trim()) {
                        if p != n && !parents.contains(&p) && parents.len() < 16 {
                            parents.push(p);
                            todo.push(p);
                        }
                    }
                }
            }
        }
        for p in parents {
            let parent = bib.entries[p].clone();
            let entry = &mut bib.entries[n];
            let is_part = is_any(entry.kind, PARTS);
            for &f in Field::ALL {
                if !entry.has(f)
                    && !matches!(f, Field::Title | Field::Note)
                    && (f != Field::BookTitle || is_part)
                {
                    entry.inherit(f, &parent, f);
                }
            }
            if is_part && is_any(parent.kind, COLLECTIONS) && !entry.has(Field::BookTitle) {
                entry.inherit(Field::BookTitle, &parent, Field::Title);
            }
            let is_journal = |e: &Entry| e.has(Field::Journal) || e.has(Field::JournalTitle);
            if is_any(parent.kind, &["periodical"]) && !is_journal(entry) {
                entry.inherit(Field::JournalTitle, &parent, Field::Title);
            }
        }
    }
}

/// Entry types that are part of a book or proceedings ...
const PARTS: &[&str] = &[
    "inbook",
    "incollection",
    "inproceedings",
    "conference",
    "bookinbook",
    "suppbook",
    "suppcollection",
    "inreference",
];
/// ... and the types whose title is then their `booktitle`.
const COLLECTIONS: &[&str] = &["book", "collection", "proceedings", "reference"];

fn is_any(kind: &str, kinds: &[&str]) -> bool {
    kinds.iter().any(|k| k.eq_ignore_ascii_case(kind))
}

/// The fields of one entry as text, noting a lone `$` in any of them.
struct Fields<'a, 't> {
    bib: &'a Bib<'t>,
    entry: &'a Entry<'t>,
    balanced: Cell<bool>,
}

impl Fields<'_, '_> {
    /// `field` as Unicode text, `None` when absent or empty.
    fn get(&self, field: Field) -> Option<String> {
        let pieces = self.bib.get(self.entry, field)?;
        if let [piece] = pieces {
            if latex::is_plain(piece) {
                return (!piece.is_empty()).then(|| piece.to_string());
            }
        }
        let mut text = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
        for piece in pieces {
            if !latex::to_unicode(piece, field.is_verbatim(), &mut text) {
                self.balanced.set(false);
            }
        }
        let text = crate::text::clean_owned(text);
        (!text.is_empty()).then_some(text)
    }

    /// The keywords, split at the commas outside braces (`{A, B} > C, D` is two), each as
    /// Unicode.
    fn keywords(&self) -> Vec<String> {
        let raw: String = self
            .bib
            .get(self.entry, Field::Keywords)
            .unwrap_or_default()
            .concat();
        let mut parts = Vec::new();
        let (mut depth, mut start) = (0usize, 0);
        for (i, b) in raw.bytes().enumerate() {
            match b {
                b'{' => depth += 1,
                b'}' => depth = depth.saturating_sub(1),
                b',' if depth == 0 => {
                    parts.push(&raw[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        parts.push(&raw[start..]);
        parts
            .into_iter()
            .filter_map(|part| {
                let mut text = String::new();
                latex::to_unicode(part, false, &mut text);
                let text = crate::text::clean_owned(text);
                (!text.is_empty()).then_some(text)
            })
            .collect()
    }

    /// The title's brace groups (`{Bayesian}`, `{\={O}ura}`), whose case the entry fixed, as
    /// Unicode; a group inside a word is that word (`{G}od` is `God`), so that it is not taken
    /// for the word `G` or the start of every other word.
    fn kept_case(&self) -> Vec<String> {
        let mut kept = Vec::new();
        for piece in self.bib.get(self.entry, Field::Title).unwrap_or_default() {
            let b = piece.as_bytes();
            let (mut depth, mut start, mut i) = (0usize, 0, 0);
            while i < b.len() {
                match b[i] {
                    b'\\' => i += 1,
                    b'{' => {
                        if depth == 0 {
                            start = i + 1;
                        }
                        depth += 1;
                    }
                    b'}' if depth == 1 => {
                        depth = 0;
                        let mut from = start - 1;
                        while from > 0 && b[from - 1].is_ascii_alphanumeric() {
                            from -= 1;
                        }
                        // `\texttt{Davos}`: a command's argument, not part of a word.
                        if from > 0 && b[from - 1] == b'\\' {
                            from = start - 1;
                        }
                        let mut to = i + 1;
                        while to < b.len() && b[to].is_ascii_alphanumeric() {
                            to += 1;
                        }
                        let inner = if from + 1 < start || to > i + 1 {
                            &piece[from..to]
                        } else {
                            &piece[start..i]
                        };
                        let mut text = String::new();
                        latex::to_unicode(inner, false, &mut text);
                        let text = crate::text::clean_owned(text);
                        if !text.is_empty() {
                            kept.push(text);
                        }
                    }
                    b'}' => depth = depth.saturating_sub(1),
                    _ => {}
                }
                i += 1;
            }
        }
        kept
    }

    /// The people of a name-list `field`, and whether it ended in `and others`.
    fn people(&self, field: Field) -> (Vec<Person>, bool) {
        let mut out = Vec::new();
        let Some(pieces) = self.bib.get(self.entry, field) else {
            return (out, false);
        };
        let joined;
        let raw = match pieces {
            [one] => *one,
            _ => {
                joined = pieces.concat();
                &joined
            }
        };
        let listed = names::people(raw, &mut out);
        if !listed.balanced {
            self.balanced.set(false);
        }
        (out, listed.others)
    }
}

/// Converts one parsed entry into a reference.
fn reference(e: &Fields, origin: Origin) -> Reference {
    let mut r = Reference::new(e.get(Field::Title).unwrap_or_default(), origin);
    r.kept_case = e.kept_case();
    // The key a document cites stays the entry's key.
    r.citekey = e.entry.key.to_string();
    r.mark(crate::model::Field::Citekey, Source::List, None);
    (r.authors, r.et_al) = e.people(Field::Author);
    r.date = e
        .get(Field::Date)
        .and_then(|d| Date::parse_iso(d.trim()))
        .or_else(|| {
            let year: i32 = e.get(Field::Year)?.trim().get(..4)?.parse().ok()?;
            let month = e.get(Field::Month).and_then(|m| month_number(&m));
            Some(Date {
                year,
                month,
                day: None,
            })
        });
    // The URL, else one given as `howpublished = {\url{...}}`, as older styles had it.
    let url = e
        .get(Field::Url)
        .or_else(|| {
            let how = e.get(Field::HowPublished)?;
            let start = how.find("http")?;
            let end = how[start..]
                .find(|c: char| c.is_whitespace() || c == '}')
                .map_or(how.len(), |n| start + n);
            Some(how[start..end].to_string())
        })
        .and_then(|u| crate::ids::clean_url(&u));
    let numbers = [Field::Volume, Field::Number, Field::Pages].map(|f| e.get(f));
    (r.arxiv, r.doi) = identifiers(e, url.as_deref(), &numbers);
    // A part of a book or proceedings is in its `booktitle`, whatever stray `journal` it has
    // (`journal = {IEEE Xplore}` beside the conference's name).
    let mut fields = [
        Field::JournalTitle,
        Field::Journal,
        Field::BookTitle,
        Field::EventTitle,
    ];
    if is_any(e.entry.kind, PARTS) {
        fields[..3].rotate_right(1);
    }
    let venue_text = fields.iter().find_map(|&f| e.get(f)).or_else(|| {
        // Where a `@misc` appeared, as mdbib's writers put an unknown venue: `howpublished`
        // (not a URL), or biblatex's `organization`.
        let misc = ["misc", "online", "dataset"]
            .iter()
            .any(|t| e.entry.kind.eq_ignore_ascii_case(t));
        // `arXiv:2204.07756 [cs.CV]` says again what `eprint` says.
        let how = e.get(Field::HowPublished).filter(|h| {
            let h = h.trim_start();
            !h.contains("://") && !h.starts_with("\\url") && !h.starts_with("arXiv:")
        });
        misc.then(|| how.or_else(|| e.get(Field::Organization)))
            .flatten()
    });
    r.venue = venue_text.map(|v| venue::recognise_or_as_written(&v));
    let venue_is_arxiv = r.venue.as_ref().is_some_and(venue::is_preprint_server)
        || r.venue
            .as_ref()
            .is_some_and(|v| v.written.to_lowercase().contains("arxiv"));
    let kind = e.entry.kind;
    let is = |name: &str| kind.eq_ignore_ascii_case(name);
    r.kind = if is("article") {
        if venue_is_arxiv {
            Kind::Preprint
        } else {
            Kind::JournalArticle
        }
    } else if is("inproceedings") || is("conference") || is("proceedings") {
        Kind::ConferencePaper
    } else if is("dataset") {
        Kind::Dataset
    } else if is("book") || is("mvbook") || is("collection") || is("booklet") {
        Kind::Book
    } else if is("incollection") || is("inbook") || is("bookinbook") {
        Kind::Chapter
    } else if is("phdthesis") || is("mastersthesis") || is("thesis") {
        Kind::Thesis
    } else if is("techreport") || is("report") {
        Kind::Report
    } else if r.arxiv.is_some() && r.venue.is_none() || venue_is_arxiv {
        // `@misc`, `@online`, `@unpublished` on arXiv or another preprint server
        // (`organization = {bioRxiv}`, as mdbib writes preprints for BibLaTeX).
        Kind::Preprint
    } else {
        Kind::Other
    };
    r.abstract_text = e.get(Field::Abstract);
    // Not an identifier written in their place (now the DOI or arXiv id).
    let [volume, number, pages] = numbers.map(|v| v.filter(|v| misplaced_id(v).is_none()));
    (r.volume, r.issue, r.pages) = (volume, number, pages);
    // A thesis's school and a report's institution are who published it.
    r.publisher = [
        Field::Publisher,
        Field::School,
        Field::Institution,
        Field::Organization,
    ]
    .iter()
    .find_map(|&f| e.get(f))
    .filter(|p| r.venue.as_ref().is_none_or(|v| v.written != *p));
    (r.editors, _) = e.people(Field::Editor);
    r.place = e.get(Field::Location).or_else(|| e.get(Field::Address));
    r.series = e.get(Field::Series);
    r.edition = e.get(Field::Edition);
    r.chapter = e.get(Field::Chapter);
    // `@inbook{title = {The Book}, chapter = {A Chapter Title}}`: the chapter is the work, found
    // in the book; a chapter number (`3`, `IV`) stays a number.
    if is("inbook") && r.venue.is_none() {
        if let Some(chapter) = r.chapter.take_if(|c| c.split_whitespace().count() >= 2) {
            let book = std::mem::replace(&mut r.title, chapter);
            r.kept_case.clear();
            r.venue = Some(Venue {
                written: book.clone(),
                name: book,
            });
        }
    }
    // The `type` field, or the entry type, in words (biblatex's `mathesis` is a master's thesis).
    let type_field = e.get(Field::Type);
    let genre = type_field.as_deref().unwrap_or(kind);
    let named = |names: &[&str]| names.iter().any(|n| genre.eq_ignore_ascii_case(n));
    r.genre = if named(&["phdthesis"]) {
        Some("PhD thesis".into())
    } else if named(&["mastersthesis", "mathesis"]) {
        Some("Master's thesis".into())
    } else if named(&["techreport"]) {
        Some("Technical report".into())
    } else {
        type_field
    };
    r.links.paper = url;
    r.links.code = e.get(Field::Code);
    r.primary_category = e.get(Field::PrimaryClass).filter(|_| r.arxiv.is_some());
    super::take_keywords_and_mark(&mut r, e.keywords());
    use crate::model::Field as F;
    for (f, value) in [
        (F::Volume, &r.volume),
        (F::Issue, &r.issue),
        (F::Pages, &r.pages),
        (F::Publisher, &r.publisher),
    ] {
        if value.is_some() {
            r.provenance.insert(f, Source::List, None);
        }
    }
    r
}

/// An entry's arXiv id and DOI: the DOI field; the arXiv id from `eprint` (when its archive is
/// arXiv or not named), the URL, an arXiv DOI, or arXiv text in the venue or note.
/// The entry's arXiv id and DOI; `numbers` are its volume, number and pages, which may hold
/// either (see [`misplaced_id`]).
fn identifiers(
    e: &Fields,
    url: Option<&str>,
    numbers: &[Option<String>; 3],
) -> (Option<ArxivId>, Option<String>) {
    let misplaced: Vec<Misplaced> = numbers
        .iter()
        .flatten()
        .filter_map(|v| misplaced_id(v))
        .collect();
    let doi = e
        .get(Field::Doi)
        .and_then(|d| ids::parse_doi(&d).or_else(|| ids::doi_from_url(&d)))
        .or_else(|| {
            misplaced.iter().find_map(|m| match m {
                Misplaced::Doi(doi) => Some(doi.clone()),
                Misplaced::Arxiv(_) => None,
            })
        });
    let archive = [Field::ArchivePrefix, Field::EprintType].map(|f| e.get(f));
    let is_arxiv_eprint = archive
        .iter()
        .flatten()
        .any(|v| v.eq_ignore_ascii_case("arxiv"));
    let no_archive = archive.iter().all(Option::is_none);
    let arxiv = e
        .get(Field::Eprint)
        .as_deref()
        .and_then(|id| ids::parse_arxiv_id(id.trim_start_matches("arXiv:")))
        .filter(|_| is_arxiv_eprint || no_archive)
        .or_else(|| url.and_then(ids::arxiv_from_url))
        .or_else(|| doi.as_deref().and_then(ids::arxiv_from_doi))
        .or_else(|| {
            misplaced.into_iter().find_map(|m| match m {
                Misplaced::Arxiv(id) => Some(id),
                Misplaced::Doi(_) => None,
            })
        })
        .or_else(|| {
            [
                Field::Journal,
                Field::JournalTitle,
                Field::Note,
                Field::HowPublished,
            ]
            .iter()
            .filter_map(|&f| e.get(f))
            .find_map(|v| ids::arxiv_in_text(&v).into_iter().next())
        });
    (arxiv, doi)
}

/// A DOI or arXiv id written where a volume, number or pages belong.
enum Misplaced {
    Doi(String),
    Arxiv(ArxivId),
}

/// The identifier a volume, number or pages field holds instead of its own value, as reference
/// managers export papers published online first or preprints filed as articles:
/// `volume = {doi.org/10.1101/750919}`, `pages = {doi:10.1038/nn.4374}`, `volume = {1506.04967}`
/// with `journal = {arXiv}`. Only a field with no other digits than the identifier's.
fn misplaced_id(value: &str) -> Option<Misplaced> {
    let value = value.trim();
    // Both hold a period; most volumes and pages (`12`, `101--110`) do not.
    if !value.contains('.') {
        return None;
    }
    if let Some(doi) = ids::doi_in_text(value) {
        let rest = value.replacen(&doi, "", 1);
        return (!rest.bytes().any(|b| b.is_ascii_digit())).then_some(Misplaced::Doi(doi));
    }
    // A new-style arXiv id and nothing else (`1506.04967`, `2306.04723v2`).
    let new_style = value.len() >= 9
        && value.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && value.as_bytes()[4] == b'.';
    new_style
        .then(|| ids::parse_arxiv_id(value))
        .flatten()
        .map(Misplaced::Arxiv)
}

/// Each entry's key, arXiv id, DOI and title, without the rest of a reference: what a later run
/// needs to keep the keys of a BibTeX file it replaces.
pub fn identities(text: &str) -> Vec<(String, Option<ArxivId>, Option<String>, String)> {
    let mut bib = parse::parse(text);
    inherit(&mut bib);
    bib.entries
        .iter()
        .map(|entry| {
            let e = Fields {
                bib: &bib,
                entry,
                balanced: Cell::new(true),
            };
            let numbers = [Field::Volume, Field::Number, Field::Pages].map(|f| e.get(f));
            let (arxiv, doi) = identifiers(&e, e.get(Field::Url).as_deref(), &numbers);
            let title = e.get(Field::Title).unwrap_or_default();
            (entry.key.to_string(), arxiv, doi, title)
        })
        .collect()
}

fn month_number(m: &str) -> Option<u8> {
    if let Ok(n) = m.trim().parse::<u8>() {
        return (1..=12).contains(&n).then_some(n);
    }
    // `jan # "~1"`: the month's name, then its day.
    super::month_named(m).or_else(|| super::month_named(m.split_whitespace().next()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(text: &str) -> (Vec<Reference>, Vec<String>) {
        let mut warnings = Vec::new();
        let refs = read(text, Path::new("refs.bib"), &mut warnings);
        let path = Path::new("refs.bib");
        (refs, warnings.iter().map(|w| w.located(path)).collect())
    }

    #[test]
    fn warnings_come_in_the_files_order() {
        let (_, warnings) = read_str(
            "@article{a, title = {Costs $5}}\n@article{b, title = {B}\n\n@article{c, title = {C}}",
        );
        let lines: Vec<&str> = warnings
            .iter()
            .map(|w| &w[..w.find(": ").unwrap()])
            .collect();
        assert_eq!(lines, ["refs.bib:1", "refs.bib:2"], "{warnings:?}");
    }

    #[test]
    fn a_preprint_on_a_server_other_than_arxiv_reads_back_as_one() {
        let (refs, _) = read_str(
            "@online{a, title = {A}, organization = {bioRxiv}, doi = {10.1101/750919}}\n\
             @misc{b, title = {B}, howpublished = {PsyArXiv}}\n@misc{c, title = {C}, howpublished = {Zenodo}}",
        );
        let kinds: Vec<Kind> = refs.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [Kind::Preprint, Kind::Preprint, Kind::Other]);
    }

    #[test]
    fn a_part_is_in_its_booktitle_whatever_journal_it_has() {
        let (refs, _) = read_str(
            "@inproceedings{a, title = {A}, booktitle = {{IEEE} Conference on Integrated {STEM} Education}, journal = {IEEE Xplore}}\n\
             @article{b, title = {B}, journal = {Nature}, booktitle = {Stray}}",
        );
        let venues: Vec<&str> = refs
            .iter()
            .map(|r| r.venue.as_ref().map_or("", |v| v.name.as_str()))
            .collect();
        assert_eq!(
            venues,
            ["IEEE Conference on Integrated STEM Education", "Nature"]
        );
    }

    #[test]
    fn a_month_joined_with_its_day_is_read() {
        let (refs, _) = read_str("@article{a, title = {A}, year = 2020, month = jan # \"~1\"}");
        assert_eq!(refs[0].date.and_then(|d| d.month), Some(1));
    }

    #[test]
    fn identifiers_written_as_volume_or_pages_are_the_doi_or_arxiv_id() {
        let (refs, _) = read_str(
            "@article{a, title = {A}, journal = {bioRxiv}, volume = {doi.org/10.1101/750919}}\n\
             @article{b, title = {B}, journal = {PsyArXiv}, pages = {Advance online publication. doi:10.1038/nn.4374}}\n\
             @article{c, title = {C}, journal = {arXiv}, volume = {1506.04967}}\n\
             @article{d, title = {D}, journal = {J}, volume = {12}, number = {3}, pages = {10.5--20}}",
        );
        assert_eq!(refs[0].doi.as_deref(), Some("10.1101/750919"));
        assert_eq!(refs[0].volume, None);
        assert_eq!(refs[1].doi.as_deref(), Some("10.1038/nn.4374"));
        assert_eq!(refs[1].pages, None);
        assert_eq!(
            refs[2].arxiv.as_ref().map(|a| a.id.as_str()),
            Some("1506.04967")
        );
        assert_eq!(
            (refs[2].volume.as_deref(), refs[2].kind),
            (None, Kind::Preprint)
        );
        // Volumes and pages that are what they say stay.
        let d = &refs[3];
        assert_eq!(
            (d.volume.as_deref(), d.issue.as_deref()),
            (Some("12"), Some("3"))
        );
        assert_eq!(
            (d.pages.as_deref(), d.doi.as_deref()),
            (Some("10.5–20"), None)
        );
    }

    #[test]
    fn braced_title_words_keep_their_case() {
        let (refs, _) = read_str(
            "@article{a, title = {A hierarchical {Bayesian} model of {G}od, {\\'E}cole and {\\em x} \\texttt{Davos}}}",
        );
        assert_eq!(
            refs[0].title,
            "A hierarchical Bayesian model of God, École and x Davos"
        );
        assert_eq!(
            refs[0].kept_case,
            ["Bayesian", "God", "École", "x", "Davos"]
        );
    }

    #[test]
    fn and_others_marks_the_list_as_cut_short() {
        let (refs, _) = read_str(
            "@article{a, title = {T}, author = {Vaswani, Ashish and others}}\n\
             @article{b, title = {U}, author = {Vaswani, Ashish and Shazeer, Noam}}",
        );
        assert_eq!((refs[0].authors.len(), refs[0].et_al), (1, true));
        assert_eq!((refs[1].authors.len(), refs[1].et_al), (2, false));
    }

    #[test]
    fn arxiv_ids_from_eprint_url_and_doi() {
        let (refs, warnings) = read_str(include_str!("../../fixtures/bibtex/valid.bib"));
        assert!(warnings.is_empty(), "{warnings:?}");
        let ids: Vec<Option<&str>> = refs
            .iter()
            .map(|r| r.arxiv.as_ref().map(|a| a.id.as_str()))
            .collect();
        assert_eq!(
            ids,
            [
                Some("1706.03762"),
                Some("2010.11929"),
                Some("2103.00020"),
                None
            ]
        );
        assert_eq!(refs[0].kind, Kind::Preprint);
        assert_eq!(refs[0].authors[0].family, "Vaswani");
        assert_eq!(refs[0].authors[0].given, "Ashish");
        assert_eq!(refs[0].year(), Some(2017));
        assert_eq!(refs[1].kind, Kind::ConferencePaper);
        assert_eq!(refs[1].venue.as_ref().unwrap().name, "ICLR");
        assert_eq!(refs[3].kind, Kind::JournalArticle);
        assert_eq!(refs[3].doi.as_deref(), Some("10.1038/nature14539"));
        assert_eq!(
            refs[3].date,
            Some(Date {
                year: 2015,
                month: Some(5),
                day: None
            })
        );
        assert_eq!(refs[3].origin.line, 26);
        assert_eq!(
            refs[2]
                .sections
                .iter()
                .map(|p| p.to_vec())
                .collect::<Vec<_>>(),
            vec![
                vec!["Papers".to_string(), "Pre-training".to_string()],
                vec!["Models".to_string()]
            ]
        );
    }

    #[test]
    fn lone_dollar_costs_no_other_entry() {
        let (refs, warnings) = read_str(include_str!("../../fixtures/bibtex/lone-dollar.bib"));
        let titles: Vec<&str> = refs.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "First Paper",
                "Training Costs of Large Models",
                "Third Paper"
            ]
        );
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].starts_with("refs.bib:7: entry costly"),
            "{warnings:?}"
        );
        assert!(refs[1].abstract_text.as_deref().unwrap().contains("$6.5M"));
    }

    #[test]
    fn crossref_fills_what_the_part_lacks() {
        let (refs, warnings) = read_str(
            "@inproceedings{part, title={Part}, crossref={whole}, pages={1--2}}\n\
             @proceedings{whole, title={The Proceedings}, year=2020, publisher={ACM}, note={N}}\n",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(refs[0].title, "Part");
        assert_eq!(refs[0].venue.as_ref().unwrap().written, "The Proceedings");
        assert_eq!(refs[0].year(), Some(2020));
        assert_eq!(refs[0].publisher.as_deref(), Some("ACM"));
        assert_eq!(refs[0].pages.as_deref(), Some("1–2"));
        assert_eq!(refs[1].venue, None);
    }

    #[test]
    fn every_broken_entry_is_named_and_the_rest_kept() {
        let (refs, warnings) = read_str(
            "@article{a, title={One}}\n@article{b, title={Two}\n@article{c, title={Three}}\n\
             @article{d, title={Four}, abstract={costs $5}}\n",
        );
        let titles: Vec<&str> = refs.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["One", "Three", "Four"]);
        assert_eq!(
            warnings,
            [
                "refs.bib:2: entry b skipped: entry not closed",
                "refs.bib:4: entry d read with its `$` signs taken literally"
            ]
        );
    }

    #[test]
    fn broken_entry_is_named_and_skipped() {
        let (refs, warnings) = read_str(
            "@article{good, title={Good}, year=2020}\n\n@article{bad, title={Unclosed, year=2021\n",
        );
        assert_eq!(refs.len(), 1);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].starts_with("refs.bib:3: entry bad skipped"),
            "{warnings:?}"
        );
    }

    #[test]
    fn deeply_nested_and_many_braces_are_read() {
        let nested = format!("{}x{}", "{".repeat(20_000), "}".repeat(20_000));
        let repeated = format!("{{{}}}", "{{x}}".repeat(20_000));
        for (key, title, read_as) in [
            ("nested", nested, "x".to_string()),
            ("repeated", repeated, "x".repeat(20_000)),
        ] {
            let text = format!(
                "@misc{{before, title={{Before}}}}\n@misc{{{key}, title={{{title}}}}}\n@misc{{after, title={{After}}}}\n"
            );
            let (refs, warnings) = read_str(&text);
            let titles: Vec<&str> = refs.iter().map(|r| r.title.as_str()).collect();
            assert_eq!(titles, ["Before", read_as.as_str(), "After"]);
            assert!(warnings.is_empty(), "{warnings:?}");
        }
    }

    #[test]
    fn string_that_refers_to_itself_is_unknown_not_expanded() {
        for strings in ["@string{a = a}", "@string{a = b}\n@string{b = a}"] {
            let (refs, warnings) = read_str(&format!("{strings}\n@misc{{k, title = a}}\n"));
            assert!(refs.is_empty());
            assert!(
                warnings
                    .last()
                    .is_some_and(|w| w.contains("entry k skipped: unknown @string `a`")),
                "{warnings:?}"
            );
            // The `@string` itself is named as one, not as an entry without a key.
            assert!(
                warnings[0].starts_with("refs.bib:1: @string skipped: unknown @string"),
                "{warnings:?}"
            );
        }
    }

    #[test]
    fn strings_chain_and_reach_every_entry() {
        // s0 is defined directly, each further string uses the one before it.
        let chain: String = (1..40)
            .map(|i| format!("@string{{s{i} = s{} # \"x\"}}\n", i - 1))
            .collect();
        let text = format!("@string{{s0 = \"T\"}}\n{chain}@misc{{k, title = s39}}\n");
        let (refs, warnings) = read_str(&text);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(refs[0].title, format!("T{}", "x".repeat(39)));
        // A lone `$` in one entry changes nothing for the strings of the others.
        let text = "@string{j = \"Journal\"}\n@string{jj = j # \" Two\"}\n\
                    @misc{a, title = jj}\n@misc{b, title = j # { costs $5}}\n";
        let (refs, warnings) = read_str(text);
        let titles: Vec<&str> = refs.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["Journal Two", "Journal costs $5"]);
        assert_eq!(
            warnings,
            ["refs.bib:4: entry b read with its `$` signs taken literally"]
        );
    }
}
