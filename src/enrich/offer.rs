//! What Crossref, Semantic Scholar and DataCite offer for one reference, and how it is merged.
//!
//! The policy, in order:
//! 1. the titles must agree ([`text::title_similarity`] ≥ [`super::TITLE_MATCH`]); otherwise
//!    nothing is merged and the offered title is recorded as a disagreement;
//! 2. empty fields are filled (authors, abstract, volume, issue, pages, publisher, date);
//! 3. the venue claim is reconciled: a service naming the list's venue confirms it (an
//!    [`Agreement`]); Crossref's exact container title then replaces the list's short name. A
//!    different venue is recorded as a disagreement and the list's is kept;
//! 4. with `prefer published`, a preprint (or an entry without a venue) that a service reports
//!    as published in a conference or journal takes that venue, kind and publisher DOI; its arXiv
//!    id stays, so writers keep the eprint fields.

use super::TITLE_MATCH;
use crate::model::{Agreement, Date, Disagreement, Field, Kind, Person, Reference, Source, Venue};
use crate::{ids, text, venue};

/// The DOI prefix arXiv registers its own DOIs under (at DataCite): not a published version.
pub const ARXIV_DOI_PREFIX: &str = "10.48550/";

/// What a service says about one work, in the model's terms.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Offer {
    /// The title.
    pub title: String,
    /// Authors in order.
    pub authors: Vec<Person>,
    /// Publication date, as far as known.
    pub date: Option<Date>,
    /// The DOI.
    pub doi: Option<String>,
    /// The venue's name as the service writes it.
    pub venue: Option<String>,
    /// Other names of the same venue (abbreviations), used only to recognise agreement.
    pub venue_aliases: Vec<String>,
    /// Whether `venue` is the exact title of the proceedings or journal (Crossref's container
    /// title), good enough to replace a list's abbreviation.
    pub exact_venue: bool,
    /// The kind of work, when the service says.
    pub kind: Option<Kind>,
    /// The abstract.
    pub abstract_text: Option<String>,
    /// Volume.
    pub volume: Option<String>,
    /// Issue.
    pub issue: Option<String>,
    /// Pages.
    pub pages: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
}

/// What merging one offer did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Outcome {
    /// The titles agreed and the offer was merged.
    pub merged: bool,
    /// The reference now describes a published version it did not describe before.
    pub published: bool,
    /// Values of the service that were not used because the list says otherwise.
    pub disagreements: usize,
}

impl Offer {
    /// Whether the offer describes a work published in a conference or journal.
    fn is_published(&self) -> bool {
        self.kind.is_some_and(Kind::is_published)
            && self.venue.as_deref().is_some_and(|v| !is_preprint_venue(v))
    }

    /// The DOI, unless it is arXiv's own.
    fn publisher_doi(&self) -> Option<&String> {
        self.doi
            .as_ref()
            .filter(|d| !ids::doi_key(d).starts_with(ARXIV_DOI_PREFIX))
    }
}

/// Whether a venue name is a preprint server (`arXiv`, `arXiv.org`, `medRxiv`).
pub fn is_preprint_venue(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    lower.starts_with("arxiv")
        || venue::recognise(name).is_some_and(|v| venue::is_preprint_server(&v))
}

/// Whether `offered` (or one of its `aliases`) names the list's venue: the same normalised name,
/// or the list's name as whole words inside the offered one (`ECCV` in `Computer Vision – ECCV
/// 2022`).
pub fn venues_agree(list: &Venue, offered: &str, aliases: &[String]) -> bool {
    let normal = |s: &str| {
        venue::recognise(s)
            .map_or_else(|| s.to_string(), |v| v.name)
            .to_lowercase()
    };
    let words = |s: &str| format!(" {} ", text::normalize_title(s));
    let short: Vec<String> = [normal(&list.written), list.written.to_lowercase()]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect();
    std::iter::once(offered)
        .chain(aliases.iter().map(String::as_str))
        .any(|name| {
            let (normalised, acronym) = (normal(name), acronym(name));
            short.iter().any(|s| {
                normalised == *s
                    || words(name).contains(&words(s))
                    || words(&normalised).contains(&words(s))
                    || (s.len() >= 3 && !s.contains(' ') && acronym.contains(s.as_str()))
            })
        })
}

/// The initials of the capitalised words: `Conference on Empirical Methods in Natural Language
/// Processing` → `cemnlp`, which contains the list's `emnlp`.
fn acronym(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Puts a source's `offered` authors in place of the reference's when it has none, or only the
/// first few (`et al.`) and the source names more, starting with the same person. A list that
/// starts with someone else is kept and the offer recorded as a disagreement. The offered names
/// are made only when they may be taken.
pub fn merge_authors(
    r: &mut Reference,
    offered: impl ExactSizeIterator<Item = Person>,
    source: Source,
    score: Option<f64>,
) {
    let takes = if r.et_al {
        offered.len() > r.authors.len()
    } else {
        r.authors.is_empty() && offered.len() > 0
    };
    if !takes {
        return;
    }
    let offered: Vec<Person> = offered.collect();
    // The list's first family name must be among the words of the source's first author (names
    // may come in either order).
    let same_first = match (r.authors.first(), offered.first()) {
        (Some(listed), Some(given)) => {
            let family = text::normalize_title(&listed.full_family());
            let words = format!(" {} ", text::normalize_title(&given.display()));
            family.is_empty() || words.contains(&format!(" {family} "))
        }
        _ => true,
    };
    if same_first {
        r.authors = offered;
        r.et_al = false;
        r.mark(Field::Authors, source, score);
    } else {
        let names = |people: &[Person]| {
            let names: Vec<String> = people.iter().map(Person::display).collect();
            names.join(", ")
        };
        r.disagreements.push(Disagreement {
            field: "authors",
            kept: format!("{} et al.", names(&r.authors)),
            kept_from: r.source_of(Field::Authors),
            offered: names(&offered),
            offered_from: source,
        });
    }
}

/// Merges `offer` from `source` into `r`, following the module's policy.
pub fn merge(r: &mut Reference, offer: &Offer, source: Source, prefer_published: bool) -> Outcome {
    let mut outcome = Outcome::default();
    let offered_title = text::clean(&offer.title).into_owned();
    if text::title_similarity(&offered_title, &r.title) < TITLE_MATCH {
        r.disagreements.push(Disagreement {
            field: "title",
            kept: r.title.clone(),
            kept_from: r.source_of(Field::Title),
            offered: offered_title,
            offered_from: source,
        });
        outcome.disagreements = 1;
        return outcome;
    }
    outcome.merged = true;
    let before = r.disagreements.len();
    merge_authors(r, offer.authors.iter().cloned(), source, None);
    merge_date(r, offer.date, source, None);
    for (field, slot, value) in [
        (Field::Abstract, &mut r.abstract_text, &offer.abstract_text),
        (Field::Volume, &mut r.volume, &offer.volume),
        (Field::Issue, &mut r.issue, &offer.issue),
        (Field::Pages, &mut r.pages, &offer.pages),
        (Field::Publisher, &mut r.publisher, &offer.publisher),
    ] {
        if super::fill(slot, value.as_ref()) {
            r.provenance.insert(field, source, None);
        }
    }
    let list_claims_venue = r
        .venue
        .as_ref()
        .is_some_and(|v| !venue::is_preprint_server(v))
        && !matches!(r.kind, Kind::Preprint);
    if list_claims_venue {
        reconcile_venue(r, offer, source);
        if let Some(doi) = offer.publisher_doi() {
            merge_doi(r, doi, source, None);
        }
    } else if prefer_published && offer.is_published() {
        take_published(r, offer, source);
        outcome.published = r.arxiv.is_some();
    } else if let Some(doi) = offer.doi.as_ref().filter(|_| offer.kind == Some(r.kind)) {
        // A record of the same kind (a preprint's own DOI, a dataset's DOI).
        merge_doi(r, doi, source, None);
    }
    outcome.disagreements = r.disagreements[before..]
        .iter()
        .filter(|d| d.offered_from == source)
        .count();
    outcome
}

/// The list names a venue: the service confirms it or is recorded as disagreeing.
fn reconcile_venue(r: &mut Reference, offer: &Offer, source: Source) {
    let Some(list) = r.venue.clone() else { return };
    if let Some(name) = &offer.venue {
        if venues_agree(&list, name, &offer.venue_aliases) {
            r.agreements.push(Agreement {
                field: "venue",
                value: name.clone(),
                source,
            });
            if offer.exact_venue && list.name != *name {
                if let Some(v) = r.venue.as_mut() {
                    v.name = name.clone();
                }
                r.mark(Field::Venue, source, None);
            }
        } else if !is_preprint_venue(name) {
            r.disagreements.push(Disagreement {
                field: "venue",
                kept: list.name.clone(),
                kept_from: r.source_of(Field::Venue),
                offered: name.clone(),
                offered_from: source,
            });
        }
    }
    match offer.kind {
        Some(kind) if kind == r.kind => r.agreements.push(Agreement {
            field: "kind",
            value: kind.name().to_string(),
            source,
        }),
        // A venue mdbib does not know left the kind open (`PLOS One 2012`, `PRB 2006`): the
        // record of this very work says it (`@article`, not `@misc` with its volume unprinted).
        Some(kind @ (Kind::ConferencePaper | Kind::JournalArticle)) if r.kind == Kind::Other => {
            r.kind = kind;
            r.mark(Field::Kind, source, None);
        }
        Some(kind @ (Kind::ConferencePaper | Kind::JournalArticle)) => {
            r.disagreements.push(Disagreement {
                field: "kind",
                kept: r.kind.name().to_string(),
                kept_from: r.source_of(Field::Kind),
                offered: kind.name().to_string(),
                offered_from: source,
            })
        }
        _ => {}
    }
}

/// arXiv's journal reference names the published version (`Nature Machine Intelligence 4,
/// 32-40 (2022)`, `EMNLP 2022`, `Phys. Rev. B 71, 184511 (2005)`): an entry that names no venue,
/// and that no service turned into its published version, takes the venue, kind and year when
/// the reference starts with a conference or journal whose kind mdbib knows (a journal
/// abbreviated word by word too). The preprint's month goes with its year.
pub fn take_journal_ref(r: &mut Reference) {
    if r.venue.is_some() || !matches!(r.kind, Kind::Preprint | Kind::Other) {
        return;
    }
    let Some(j) = r.journal_ref.as_deref() else {
        return;
    };
    let name_end = j
        .find(|c: char| c.is_ascii_digit() || matches!(c, '(' | ',' | ';' | ':'))
        .unwrap_or(j.len());
    let name = j[..name_end].trim();
    let Some((v, kind)) = venue::recognise(name)
        .and_then(|v| Some((venue::kind_of(&v)?, v)))
        .filter(|(kind, _)| kind.is_published())
        .map(|(kind, v)| (v, kind))
    else {
        return;
    };
    let year = j
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .rfind(|y| (1990..=2100).contains(y));
    r.venue = Some(v);
    r.kind = kind;
    r.mark(Field::Venue, Source::Arxiv, None);
    r.mark(Field::Kind, Source::Arxiv, None);
    if let Some(year) = year {
        r.date = Some(Date::year(year));
        r.mark(Field::Date, Source::Arxiv, None);
    }
}

/// A preprint becomes the published version the service reports; the list's preprint venue is
/// recorded, not lost.
fn take_published(r: &mut Reference, offer: &Offer, source: Source) {
    let (Some(name), Some(kind)) = (&offer.venue, offer.kind) else {
        return;
    };
    if let Some(old) = &r.venue {
        r.disagreements.push(Disagreement {
            field: "venue",
            kept: name.clone(),
            kept_from: source,
            offered: old.written.clone(),
            offered_from: r.source_of(Field::Venue),
        });
    }
    r.venue = Some(Venue {
        written: name.clone(),
        name: name.clone(),
    });
    r.mark(Field::Venue, source, None);
    r.kind = kind;
    r.mark(Field::Kind, source, None);
    // The published version's date, not the preprint's (a date of the same year is kept, it may
    // be more precise).
    match (r.date, offer.date) {
        (Some(old), Some(date)) if old.year == date.year => {}
        (old, Some(date)) => {
            if let Some(old) = old {
                r.disagreements.push(Disagreement {
                    field: "year",
                    kept: date.year.to_string(),
                    kept_from: source,
                    offered: old.year.to_string(),
                    offered_from: r.source_of(Field::Date),
                });
            }
            r.date = Some(date);
            r.mark(Field::Date, source, None);
        }
        _ => {}
    }
    if let Some(doi) = offer.publisher_doi() {
        merge_doi(r, doi, source, None);
    }
}

/// Fills an empty DOI, or records a different one beside the kept one. A publisher DOI replaces
/// arXiv's own DOI.
pub fn merge_doi(r: &mut Reference, doi: &str, source: Source, score: Option<f64>) {
    let Some(parsed) = ids::parse_doi(doi) else {
        return;
    };
    match &r.doi {
        Some(kept) if ids::doi_key(kept) == ids::doi_key(&parsed) => {}
        Some(kept)
            if !ids::doi_key(kept).starts_with(ARXIV_DOI_PREFIX)
                || ids::doi_key(&parsed).starts_with(ARXIV_DOI_PREFIX) =>
        {
            r.disagreements.push(Disagreement {
                field: "doi",
                kept: kept.clone(),
                kept_from: r.source_of(Field::Doi),
                offered: parsed,
                offered_from: source,
            })
        }
        _ => {
            r.doi = Some(parsed);
            r.mark(Field::Doi, source, score);
        }
    }
}

/// The list's year is kept; a date of the same year fills in month and day; a date fills an
/// empty one; a different year is recorded. For a preprint that Semantic Scholar turned into its
/// published version, the kept date is the preprint's, so Crossref's date of the published
/// version replaces it.
pub fn merge_date(r: &mut Reference, offered: Option<Date>, source: Source, score: Option<f64>) {
    let replaceable =
        source == Source::Crossref && r.source_of(Field::Kind) == Source::SemanticScholar;
    match (r.date, offered) {
        (Some(kept), Some(d)) if replaceable && kept != d => {
            if kept.year != d.year {
                r.disagreements.push(Disagreement {
                    field: "year",
                    kept: d.year.to_string(),
                    kept_from: source,
                    offered: kept.year.to_string(),
                    offered_from: r.source_of(Field::Date),
                });
            }
            r.date = Some(d);
            r.mark(Field::Date, source, score);
        }
        (None, Some(d)) => {
            r.date = Some(d);
            r.mark(Field::Date, source, score);
        }
        (Some(kept), Some(d))
            if kept.year == d.year && kept.month.is_none() && d.month.is_some() =>
        {
            r.date = Some(d);
            r.mark(Field::Date, source, score);
        }
        (Some(kept), Some(d)) if kept.year != d.year => r.disagreements.push(Disagreement {
            field: "year",
            kept: kept.year.to_string(),
            kept_from: r.source_of(Field::Date),
            offered: d.year.to_string(),
            offered_from: source,
        }),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArxivId, Origin};

    #[test]
    fn a_list_cut_short_takes_the_whole_list_only_when_the_first_author_agrees() {
        let people = |names: &[&str]| names.iter().map(|n| Person::parse(n)).collect::<Vec<_>>();
        let short = || {
            let mut r = reference("MedCLIP", None);
            r.authors = people(&["Zifeng Wang"]);
            r.et_al = true;
            r
        };
        let offer = |r: &mut Reference, names: &[&str], source| {
            merge_authors(r, people(names).into_iter(), source, None)
        };
        let mut r = short();
        offer(&mut r, &["Zifeng Wang", "Jimeng Sun"], Source::Arxiv);
        assert_eq!((r.authors.len(), r.et_al), (2, false));
        assert_eq!(r.source_of(Field::Authors), Source::Arxiv);
        // Family name first is the same person.
        let mut r = short();
        offer(&mut r, &["Wang Zifeng", "Sun Jimeng"], Source::Crossref);
        assert_eq!(r.authors[1].family, "Jimeng");
        // Someone else first: the list stays, and the offer is recorded.
        let mut r = short();
        offer(&mut r, &["Ada Lovelace", "Jimeng Sun"], Source::Arxiv);
        assert_eq!((r.authors.len(), r.et_al), (1, true));
        assert_eq!(r.disagreements[0].field, "authors");
        assert_eq!(r.disagreements[0].offered, "Ada Lovelace, Jimeng Sun");
        // A whole list is never replaced; an empty one is filled.
        let mut r = reference("MedCLIP", None);
        r.authors = people(&["Zifeng Wang"]);
        offer(&mut r, &["Zifeng Wang", "Jimeng Sun"], Source::Arxiv);
        assert_eq!(r.authors.len(), 1);
        r.authors.clear();
        offer(&mut r, &["Ada Lovelace"], Source::Arxiv);
        assert_eq!(r.authors[0].family, "Lovelace");
    }

    fn reference(title: &str, venue_written: Option<&str>) -> Reference {
        let mut r = Reference::new(
            title.to_string(),
            Origin {
                file: std::path::Path::new("list.md").into(),
                line: 1,
            },
        );
        if let Some(w) = venue_written {
            let v = venue::recognise(w).unwrap();
            r.kind = venue::kind_of(&v).unwrap_or(Kind::Other);
            r.venue = Some(v);
        }
        r.arxiv = Some(ArxivId {
            id: "2210.10163".into(),
            version: None,
        });
        r.date = Some(Date::year(2022));
        r
    }

    fn emnlp() -> Offer {
        Offer {
            title: "MedCLIP: Contrastive Learning from Unpaired Medical Images and Text".into(),
            doi: Some("10.18653/v1/2022.emnlp-main.256".into()),
            venue: Some("Conference on Empirical Methods in Natural Language Processing".into()),
            venue_aliases: vec!["EMNLP".into()],
            kind: Some(Kind::ConferencePaper),
            date: Some(Date::year(2022)),
            ..Offer::default()
        }
    }

    #[test]
    fn agreeing_venue_is_confirmed_and_the_doi_filled() {
        let mut r = reference(
            "MedCLIP: Contrastive Learning from Unpaired Medical Images and Text",
            Some("EMNLP"),
        );
        let out = merge(&mut r, &emnlp(), Source::SemanticScholar, true);
        assert_eq!(out.disagreements, 0);
        assert_eq!(r.venue.as_ref().unwrap().name, "EMNLP");
        assert_eq!(r.doi.as_deref(), Some("10.18653/v1/2022.emnlp-main.256"));
        assert!(r.agreements.iter().any(|a| a.field == "venue"));
        assert!(r.agreements.iter().any(|a| a.field == "kind"));
    }

    #[test]
    fn a_journal_reference_names_the_published_version() {
        let take = |journal_ref: &str| {
            let mut r = reference("A Paper", None);
            r.kind = Kind::Preprint;
            r.date = Some(Date {
                month: Some(10),
                ..Date::year(2004)
            });
            r.journal_ref = Some(journal_ref.into());
            take_journal_ref(&mut r);
            (r.kind, r.venue.map(|v| v.name), r.date.map(|d| d.iso()))
        };
        let journal = Kind::JournalArticle;
        assert_eq!(
            take("Nature Machine Intelligence 4, 32-40 (2022)"),
            (
                journal,
                Some("Nature Machine Intelligence".into()),
                Some("2022".into())
            )
        );
        assert_eq!(
            take("Phys. Rev. B 71, 184511 (2005)"),
            (journal, Some("Phys. Rev. B".into()), Some("2005".into()))
        );
        assert_eq!(take("EMNLP 2022").0, Kind::ConferencePaper);
        // What names no venue of a known kind leaves the preprint as it was.
        assert_eq!(
            take("Proc. of the 12th Workshop, pp. 1-9"),
            (Kind::Preprint, None, Some("2004-10".into()))
        );
        // A venue the list named stays.
        let mut r = reference("A Paper", Some("CVPR"));
        r.journal_ref = Some("EMNLP 2022".into());
        take_journal_ref(&mut r);
        assert_eq!(r.venue.unwrap().name, "CVPR");
    }

    #[test]
    fn a_venue_of_unknown_kind_takes_the_records_kind() {
        let title = "Methylphenidate Attenuates Behavior in Mice";
        let mut r = reference(title, Some("PLOS One"));
        assert_eq!(r.kind, Kind::Other);
        let offer = Offer {
            title: title.into(),
            venue: Some("PLoS ONE".into()),
            kind: Some(Kind::JournalArticle),
            volume: Some("7".into()),
            ..Offer::default()
        };
        merge(&mut r, &offer, Source::Crossref, false);
        assert_eq!(r.kind, Kind::JournalArticle);
        assert_eq!(r.source_of(Field::Kind), Source::Crossref);
        // A kind the list gave stays, and the other is recorded.
        let mut r = reference(title, Some("EMNLP"));
        merge(&mut r, &offer, Source::Crossref, false);
        assert_eq!(r.kind, Kind::ConferencePaper);
        assert!(r.disagreements.iter().any(|d| d.field == "kind"));
    }

    #[test]
    fn a_different_venue_is_kept_from_the_list_and_recorded() {
        let mut r = reference(
            "MedCLIP: Contrastive Learning from Unpaired Medical Images and Text",
            Some("MICCAI"),
        );
        let out = merge(&mut r, &emnlp(), Source::SemanticScholar, true);
        assert_eq!(out.disagreements, 1);
        assert_eq!(r.venue.as_ref().unwrap().name, "MICCAI");
        assert_eq!(r.disagreements[0].field, "venue");
    }

    #[test]
    fn a_preprint_becomes_the_published_version_only_when_preferred() {
        let title = "MedCLIP: Contrastive Learning from Unpaired Medical Images and Text";
        let mut r = reference(title, Some("arxiv"));
        let out = merge(&mut r, &emnlp(), Source::SemanticScholar, true);
        assert!(out.published);
        assert_eq!(r.kind, Kind::ConferencePaper);
        assert!(r.arxiv.is_some(), "the eprint stays");
        assert_eq!(
            r.disagreements[0].offered, "arxiv",
            "the list's claim is kept"
        );

        let mut r = reference(title, Some("arxiv"));
        let out = merge(&mut r, &emnlp(), Source::SemanticScholar, false);
        assert!(!out.published);
        assert_eq!(r.kind, Kind::Preprint);
        assert_eq!(r.doi, None);
    }

    #[test]
    fn different_titles_merge_nothing() {
        let mut r = reference("A different paper about chest X-rays", Some("arxiv"));
        let out = merge(&mut r, &emnlp(), Source::SemanticScholar, true);
        assert!(!out.merged);
        assert_eq!(out.disagreements, 1);
        assert_eq!(r.kind, Kind::Preprint);
        assert_eq!(r.doi, None);
    }

    #[test]
    fn a_publisher_doi_replaces_arxivs_own() {
        let mut r = reference("x", None);
        r.doi = Some("10.48550/arXiv.2210.10163".into());
        merge_doi(
            &mut r,
            "10.18653/v1/2022.emnlp-main.256",
            Source::Crossref,
            None,
        );
        assert_eq!(r.doi.as_deref(), Some("10.18653/v1/2022.emnlp-main.256"));
        merge_doi(&mut r, "10.1234/other", Source::Crossref, None);
        assert_eq!(r.disagreements.len(), 1);
    }

    #[test]
    fn venue_agreement() {
        let eccv = venue::recognise("ECCV").unwrap();
        assert!(venues_agree(&eccv, "Computer Vision – ECCV 2022", &[]));
        assert!(!venues_agree(&eccv, "Medical Image Computing", &[]));
        let nips = venue::recognise("NIPS").unwrap();
        assert!(venues_agree(
            &nips,
            "Neural Information Processing Systems",
            &["NeurIPS".into()]
        ));
        let emnlp = venue::recognise("EMNLP").unwrap();
        assert!(venues_agree(
            &emnlp,
            "Proceedings of the 2022 Conference on Empirical Methods in Natural Language Processing",
            &[]
        ));
        let mlhc = venue::recognise("MLHC").unwrap();
        assert!(venues_agree(&mlhc, "Machine Learning in Health Care", &[]));
        assert!(!venues_agree(
            &mlhc,
            "Medical Imaging with Deep Learning",
            &[]
        ));
        assert!(is_preprint_venue("arXiv.org"));
        assert!(!is_preprint_venue("Nature Machine Intelligence"));
    }
}
