//! The DataCite REST API client, for arXiv's own DOIs (`10.48550/arXiv.ID`): the fallback when the
//! arXiv API cannot be used.

use super::http::HttpClient;
use super::offer::{Offer, ARXIV_DOI_PREFIX};
use super::service::{url_with_segments, Service, ServiceError};
use crate::model::{Date, Kind, Person};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The DataCite API used unless `--datacite-api` or `MDBIB_DATACITE_API` says otherwise.
pub const DEFAULT_API: &str = "https://api.datacite.org";

/// A client for one DataCite endpoint, looked up by arXiv id.
pub struct DataCite<'a> {
    http: &'a HttpClient,
    api: &'a str,
}

impl<'a> DataCite<'a> {
    /// A client for `api` (the base URL, without `/dois`).
    pub fn new(http: &'a HttpClient, api: &'a str) -> Self {
        DataCite { http, api }
    }

    fn record(&self, arxiv_id: &str) -> Result<Option<Attributes>, ServiceError> {
        let doi = arxiv_doi(arxiv_id);
        let url = url_with_segments(self.api, &["dois", &doi])?;
        let response = self.http.get(&url, &[])?;
        match response.status {
            200 => serde_json::from_str::<Document>(&response.body)
                .map(|d| Some(d.data.attributes))
                .map_err(|e| ServiceError::Unreadable {
                    service: Self::LABEL,
                    reason: e.to_string(),
                }),
            // DataCite's own "not found" is a JSON:API error document; any other 404 (a wrong
            // `--datacite-api`, a proxy's page) is an error, not a miss to cache.
            404 if is_error_document(&response.body) => Ok(None),
            status => Err(ServiceError::Status {
                service: Self::LABEL,
                status,
            }),
        }
    }
}

/// Whether `body` is DataCite's error document: `{"errors": [{"status": "404", ...}]}`.
fn is_error_document(body: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(body)
        .is_ok_and(|v| v.get("errors").is_some_and(serde_json::Value::is_array))
}

/// arXiv's DOI for an arXiv id.
pub fn arxiv_doi(arxiv_id: &str) -> String {
    format!("{ARXIV_DOI_PREFIX}arXiv.{arxiv_id}")
}

impl Service for DataCite<'_> {
    type Record = Attributes;
    type Error = ServiceError;
    const LABEL: &'static str = "DataCite";
    const NAMESPACE: &'static str = "datacite";

    fn fetch(&self, keys: &[String]) -> Result<HashMap<String, Attributes>, ServiceError> {
        let mut found = HashMap::new();
        for id in keys {
            if let Some(record) = self.record(id)? {
                found.insert(id.clone(), record);
            }
        }
        Ok(found)
    }

    fn is_fatal(error: &ServiceError) -> bool {
        error.is_fatal()
    }
}

/// DataCite's JSON:API document: `{"data": {"id", "type": "dois", "attributes": {...}}}`.
#[derive(Deserialize)]
struct Document {
    data: Data,
}

#[derive(Deserialize)]
struct Data {
    attributes: Attributes,
}

/// The parts of a DataCite record mdbib uses (field names as DataCite spells them).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Attributes {
    /// The DOI.
    pub doi: Option<String>,
    /// Titles; the first one without a `titleType` is the title.
    pub titles: Vec<Title>,
    /// Creators in order.
    pub creators: Vec<Creator>,
    /// The year of publication (a number or a string).
    pub publication_year: Option<serde_json::Value>,
    /// Descriptions; the one of type `Abstract` is the abstract.
    pub descriptions: Vec<Description>,
    /// Subjects (for arXiv: the categories' names).
    pub subjects: Vec<Subject>,
}

/// A DataCite title.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Title {
    /// The text.
    pub title: String,
    /// `AlternativeTitle`, `Subtitle`, ... or none for the main title.
    pub title_type: Option<String>,
}

/// A DataCite creator.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Creator {
    /// The name as displayed, usually `Family, Given`.
    pub name: Option<String>,
    /// `Personal` or `Organizational`.
    pub name_type: Option<String>,
    /// Given names.
    pub given_name: Option<String>,
    /// Family name.
    pub family_name: Option<String>,
}

/// A DataCite description.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Description {
    /// The text.
    pub description: Option<String>,
    /// `Abstract`, `Other`, ...
    pub description_type: Option<String>,
}

/// A DataCite subject.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Subject {
    /// The subject's text.
    pub subject: String,
}

fn nonempty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl Creator {
    fn person(&self) -> Option<Person> {
        if self.name_type.as_deref() == Some("Organizational") {
            return nonempty(&self.name).map(Person::literal);
        }
        match (nonempty(&self.family_name), nonempty(&self.name)) {
            (Some(family), _) => Some(Person::parse(&format!(
                "{family}, {}",
                nonempty(&self.given_name).unwrap_or_default()
            ))),
            (None, Some(name)) => Some(Person::parse(name)),
            _ => None,
        }
    }
}

impl Attributes {
    /// The record in the model's terms: a preprint with its arXiv DOI.
    pub fn offer(&self) -> Offer {
        let year = match &self.publication_year {
            Some(serde_json::Value::Number(n)) => n.as_i64(),
            Some(serde_json::Value::String(s)) => s.trim().parse().ok(),
            _ => None,
        };
        Offer {
            title: self
                .titles
                .iter()
                .find(|t| t.title_type.is_none())
                .or(self.titles.first())
                .map(|t| t.title.clone())
                .unwrap_or_default(),
            authors: self.creators.iter().filter_map(Creator::person).collect(),
            date: year.and_then(|y| i32::try_from(y).ok()).map(Date::year),
            doi: self.doi.clone(),
            kind: Some(Kind::Preprint),
            abstract_text: self
                .descriptions
                .iter()
                .find(|d| d.description_type.as_deref() == Some("Abstract"))
                .and_then(|d| d.description.clone()),
            ..Offer::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_arxiv_record() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/datacite/dois_10.48550_arxiv.2210.10163.json");
        let doc: Document = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let offer = doc.data.attributes.offer();
        assert!(offer.title.starts_with("MedCLIP"));
        assert_eq!(offer.authors[0].family, "Wang");
        assert_eq!(offer.authors[0].given, "Zifeng");
        assert_eq!(offer.date.unwrap().year, 2022);
        assert!(offer.abstract_text.is_some());
        assert_eq!(offer.kind, Some(Kind::Preprint));
    }
}
