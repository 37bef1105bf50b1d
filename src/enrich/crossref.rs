//! The Crossref REST API client: one `GET /works/{DOI}` per DOI, in the polite pool.

use super::http::HttpClient;
use super::offer::Offer;
use super::service::{url_with_segments, Service, ServiceError};
use crate::model::{Date, Kind, Person};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The Crossref API used unless `--crossref-api` or `MDBIB_CROSSREF_API` says otherwise.
pub const DEFAULT_API: &str = "https://api.crossref.org";

/// A client for one Crossref endpoint.
pub struct Crossref<'a> {
    http: &'a HttpClient,
    api: &'a str,
    mailto: Option<&'a str>,
}

impl<'a> Crossref<'a> {
    /// A client for `api` (the base URL, without `/works`); `mailto` puts requests in Crossref's
    /// polite pool.
    pub fn new(http: &'a HttpClient, api: &'a str, mailto: Option<&'a str>) -> Self {
        Crossref { http, api, mailto }
    }

    /// Looks up one DOI; `None` when Crossref does not know it (its plain-text 404).
    pub fn work(&self, doi: &str) -> Result<Option<Work>, ServiceError> {
        let url = url_with_segments(self.api, &["works", doi])?;
        let query: Vec<(&str, &str)> = self.mailto.map(|m| ("mailto", m)).into_iter().collect();
        let response = self.http.get(&url, &query)?;
        match response.status {
            200 => serde_json::from_str::<Envelope>(&response.body)
                .map(|e| Some(e.message))
                .map_err(|e| ServiceError::Unreadable {
                    service: Self::LABEL,
                    reason: e.to_string(),
                }),
            // Crossref's own "not found" is plain text; any other 404 (a wrong `--crossref-api`,
            // a proxy's page) is an error, not a miss to cache.
            404 if response.body.trim() == NOT_FOUND => Ok(None),
            status => Err(ServiceError::Status {
                service: Self::LABEL,
                status,
            }),
        }
    }
}

/// The body of Crossref's 404 for an unknown DOI.
const NOT_FOUND: &str = "Resource not found.";

impl Service for Crossref<'_> {
    type Record = Work;
    type Error = ServiceError;
    const LABEL: &'static str = "Crossref";
    const NAMESPACE: &'static str = "crossref";

    fn fetch(&self, keys: &[String]) -> Result<HashMap<String, Work>, ServiceError> {
        let mut found = HashMap::new();
        for doi in keys {
            if let Some(work) = self.work(doi)? {
                found.insert(doi.clone(), work);
            }
        }
        Ok(found)
    }

    fn is_fatal(error: &ServiceError) -> bool {
        error.is_fatal()
    }
}

#[derive(Deserialize)]
struct Envelope {
    message: Work,
}

/// The parts of a Crossref work record mdbib uses (field names as Crossref spells them).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", default)]
pub struct Work {
    /// The DOI.
    #[serde(rename = "DOI")]
    pub doi: Option<String>,
    /// Crossref's type (`proceedings-article`, `journal-article`, ...).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Titles; the first is the title.
    pub title: Vec<String>,
    /// Authors in order.
    pub author: Vec<Author>,
    /// The journal or proceedings title, and for book series the series too.
    pub container_title: Vec<String>,
    /// Volume.
    pub volume: Option<String>,
    /// Issue.
    pub issue: Option<String>,
    /// Pages.
    pub page: Option<String>,
    /// The article's number, which online-only journals give instead of pages
    /// (`Scientific Reports`: `16696`).
    pub article_number: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// The date of publication; its parts may be missing or null.
    pub issued: Option<DateParts>,
    /// The abstract (JATS XML), when deposited.
    #[serde(rename = "abstract")]
    pub abstract_text: Option<String>,
}

/// One Crossref contributor: a person (`given`, `family`) or an organisation (`name`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Author {
    /// Given names.
    pub given: Option<String>,
    /// Family name.
    pub family: Option<String>,
    /// An organisation's name.
    pub name: Option<String>,
}

/// Crossref's `{"date-parts": [[2022, 10, 23]]}`; any part may be absent or `null`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", default)]
pub struct DateParts {
    /// The parts; only the first list is used.
    pub date_parts: Vec<Vec<Option<serde_json::Value>>>,
}

impl DateParts {
    /// The date, when at least the year is known.
    pub fn date(&self) -> Option<Date> {
        let parts = self.date_parts.first()?;
        crate::read::csljson::date_parts(parts.iter().map(Option::as_ref))
    }
}

/// Crossref's type as an entry kind; `None` for types without one (book chapters, reports).
pub fn kind(crossref_type: &str) -> Option<Kind> {
    match crossref_type {
        "proceedings-article" => Some(Kind::ConferencePaper),
        "journal-article" => Some(Kind::JournalArticle),
        "posted-content" => Some(Kind::Preprint),
        "dataset" => Some(Kind::Dataset),
        _ => None,
    }
}

impl Work {
    /// The record in the model's terms. For book series (`Lecture Notes in Computer Science`
    /// beside `Computer Vision – ECCV 2022`) the volume's own title is the venue.
    pub fn offer(&self) -> Offer {
        let clean = |s: &Option<String>| {
            s.as_deref()
                .map(|s| crate::text::clean(s).into_owned())
                .filter(|s| !s.is_empty())
        };
        let containers: Vec<String> = self
            .container_title
            .iter()
            .map(|c| crate::text::clean(c).into_owned())
            .filter(|c| !c.is_empty())
            .collect();
        let venue = containers
            .iter()
            .find(|c| !is_series(c))
            .or(containers.first())
            .cloned();
        Offer {
            title: self.title.first().cloned().unwrap_or_default(),
            authors: self.author.iter().filter_map(Author::person).collect(),
            date: self.issued.as_ref().and_then(DateParts::date),
            doi: self.doi.clone(),
            venue_aliases: containers,
            venue,
            exact_venue: true,
            kind: self.kind.as_deref().and_then(kind),
            abstract_text: self.abstract_text.as_deref().map(strip_markup),
            volume: clean(&self.volume),
            issue: clean(&self.issue),
            pages: clean(&self.page).or_else(|| clean(&self.article_number)),
            publisher: clean(&self.publisher),
        }
    }
}

impl Author {
    fn person(&self) -> Option<Person> {
        let clean = |s: &Option<String>| {
            s.as_deref()
                .map(|s| crate::text::clean(s).into_owned())
                .filter(|s| !s.is_empty())
        };
        match (clean(&self.given), clean(&self.family), clean(&self.name)) {
            (given, Some(family), _) => Some(Person::parse(&format!(
                "{family}, {}",
                given.unwrap_or_default()
            ))),
            (_, None, Some(name)) => Some(Person::literal(&name)),
            (Some(given), None, None) => Some(Person::parse(&given)),
            _ => None,
        }
    }
}

/// Book series that Crossref lists beside a proceedings volume's own title.
fn is_series(title: &str) -> bool {
    let lower = title.to_lowercase();
    [
        "lecture notes in",
        "communications in computer",
        "advances in intelligent systems",
    ]
    .iter()
    .any(|s| lower.starts_with(s))
}

/// Crossref abstracts are JATS XML (`<jats:p>...</jats:p>`): the text without the tags, and
/// without a heading that only says `Abstract` (a structured abstract's `Background`,
/// `Methods`... stay).
fn strip_markup(jats: &str) -> String {
    let heading = jats.find("<jats:title>").and_then(|start| {
        let inner = start + "<jats:title>".len();
        let end = inner + jats[inner..].find("</jats:title>")?;
        jats[inner..end]
            .trim()
            .eq_ignore_ascii_case("abstract")
            .then_some(start..end + "</jats:title>".len())
    });
    let jats = match heading {
        Some(range) => [&jats[..range.start], &jats[range.end..]].concat(),
        None => jats.to_string(),
    };
    let mut out = String::with_capacity(jats.len());
    let mut in_tag = false;
    for c in jats.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    crate::text::clean_owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(name: &str) -> Option<String> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/crossref")
            .join(name);
        std::fs::read_to_string(path).ok()
    }

    #[test]
    fn reads_a_springer_proceedings_chapter() {
        let body = shared("works_10.1007_978-3-031-19809-0_39.json").unwrap();
        let work = serde_json::from_str::<Envelope>(&body).unwrap().message;
        let offer = work.offer();
        assert_eq!(offer.kind, Some(Kind::ConferencePaper));
        assert_eq!(offer.venue.as_deref(), Some("Computer Vision – ECCV 2022"));
        assert_eq!(offer.authors[0].family, "Müller");
        assert_eq!(offer.date.unwrap().year, 2022);
        assert!(offer.pages.is_some() && offer.publisher.is_some());
    }

    #[test]
    fn an_article_number_stands_for_pages() {
        let work: Work = serde_json::from_str(
            r#"{"DOI": "10.1038/srep16696", "type": "journal-article", "title": ["T"],
                "container-title": ["Scientific Reports"], "volume": "5",
                "article-number": "16696"}"#,
        )
        .unwrap();
        assert_eq!(work.offer().pages.as_deref(), Some("16696"));
        let work: Work =
            serde_json::from_str(r#"{"page": "32-40", "article-number": "7", "title": ["T"]}"#)
                .unwrap();
        assert_eq!(work.offer().pages.as_deref(), Some("32-40"));
    }

    #[test]
    fn a_record_may_lack_its_year() {
        let parts: DateParts = serde_json::from_str(r#"{"date-parts": [[null]]}"#).unwrap();
        assert_eq!(parts.date(), None);
        let parts: DateParts = serde_json::from_str(r#"{"date-parts": [[2015, 11]]}"#).unwrap();
        assert_eq!(parts.date().unwrap().iso(), "2015-11");
    }

    #[test]
    fn organisations_stay_whole_and_particles_split() {
        let org = Author {
            name: Some("The MIMIC Consortium".into()),
            ..Author::default()
        };
        assert_eq!(org.person().unwrap().literal, "The MIMIC Consortium");
        let p = Author {
            given: Some("Laurens".into()),
            family: Some("van der Maaten".into()),
            name: None,
        };
        let p = p.person().unwrap();
        assert_eq!(
            (p.particle.as_str(), p.family.as_str()),
            ("van der", "Maaten")
        );
    }

    #[test]
    fn jats_abstracts_lose_their_tags() {
        assert_eq!(
            strip_markup("<jats:title>Abstract</jats:title><jats:p>We  study x.</jats:p>"),
            "We study x."
        );
        assert_eq!(
            strip_markup(
                "<jats:sec><jats:title>Background</jats:title><jats:p>Why.</jats:p></jats:sec>"
            ),
            "Background Why."
        );
    }
}
