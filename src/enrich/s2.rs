//! The Semantic Scholar Graph API client: `POST /graph/v1/paper/batch`, many ids per request.

use super::http::HttpClient;
use super::offer::Offer;
use super::service::{url_with_segments, Service, ServiceError};
use crate::model::{Date, Kind};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The Semantic Scholar API used unless `--s2-api` or `MDBIB_S2_API` says otherwise.
pub const DEFAULT_API: &str = "https://api.semanticscholar.org";

/// The most ids the batch endpoint takes in one request.
pub const MAX_BATCH: usize = 500;

/// The fields asked for.
const FIELDS: &str = "externalIds,venue,publicationVenue,year,title,publicationTypes";

/// A client for one Semantic Scholar endpoint.
pub struct SemanticScholar<'a> {
    http: &'a HttpClient,
    api: &'a str,
    api_key: Option<&'a str>,
}

impl<'a> SemanticScholar<'a> {
    /// A client for `api` (the base URL, without `/graph/v1`), sending `api_key` as `x-api-key`.
    pub fn new(http: &'a HttpClient, api: &'a str, api_key: Option<&'a str>) -> Self {
        SemanticScholar { http, api, api_key }
    }
}

/// The key Semantic Scholar knows an arXiv paper by.
pub fn arxiv_key(id: &str) -> String {
    format!("ARXIV:{id}")
}

impl Service for SemanticScholar<'_> {
    type Record = Paper;
    type Error = ServiceError;
    const LABEL: &'static str = "Semantic Scholar";
    const NAMESPACE: &'static str = "s2";

    /// The answer is an array aligned with the ids, `null` where an id is unknown.
    fn fetch(&self, keys: &[String]) -> Result<HashMap<String, Paper>, ServiceError> {
        let unreadable = |reason: String| ServiceError::Unreadable {
            service: Self::LABEL,
            reason,
        };
        let mut url = reqwest::Url::parse(&url_with_segments(
            self.api,
            &["graph", "v1", "paper", "batch"],
        )?)
        .map_err(|e| unreadable(e.to_string()))?;
        url.query_pairs_mut().append_pair("fields", FIELDS);
        let body = serde_json::json!({ "ids": keys }).to_string();
        let headers: Vec<(&str, &str)> =
            self.api_key.map(|k| ("x-api-key", k)).into_iter().collect();
        let response = self.http.post_json(url.as_str(), &body, &headers)?;
        if response.status != 200 {
            return Err(ServiceError::Status {
                service: Self::LABEL,
                status: response.status,
            });
        }
        let papers: Vec<Option<Paper>> =
            serde_json::from_str(&response.body).map_err(|e| unreadable(e.to_string()))?;
        if papers.len() != keys.len() {
            return Err(unreadable(format!(
                "{} answers for {} ids",
                papers.len(),
                keys.len()
            )));
        }
        Ok(keys
            .iter()
            .zip(papers)
            .filter_map(|(key, paper)| Some((key.clone(), paper?)))
            .filter(|(key, paper)| paper.is_about(key))
            .collect())
    }

    fn is_fatal(error: &ServiceError) -> bool {
        error.is_fatal()
    }
}

/// The parts of a Semantic Scholar paper record mdbib asks for (field names as S2 spells them).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Paper {
    /// Semantic Scholar's own id.
    pub paper_id: Option<String>,
    /// Identifiers in other systems: `DOI`, `ArXiv`, `DBLP`, `CorpusId` (a number), ...
    pub external_ids: Option<HashMap<String, serde_json::Value>>,
    /// The title.
    pub title: Option<String>,
    /// The venue as a free string ("Conference on Empirical Methods in Natural Language
    /// Processing"); empty when unknown.
    pub venue: Option<String>,
    /// The normalised venue, when S2 knows it.
    pub publication_venue: Option<PublicationVenue>,
    /// The year of publication.
    pub year: Option<i32>,
    /// `JournalArticle`, `Conference`, `Review`, ...
    pub publication_types: Option<Vec<String>>,
}

/// Semantic Scholar's normalised venue.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PublicationVenue {
    /// Its name.
    pub name: Option<String>,
    /// `conference` or `journal`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Abbreviations and other spellings.
    pub alternate_names: Option<Vec<String>>,
}

impl Paper {
    /// An identifier from `externalIds` as text.
    fn external(&self, name: &str) -> Option<String> {
        match self.external_ids.as_ref()?.get(name)? {
            serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            _ => None,
        }
    }

    /// A record answering `ARXIV:id` must not name another arXiv id (a misaligned answer).
    fn is_about(&self, key: &str) -> bool {
        match (key.strip_prefix("ARXIV:"), self.external("ArXiv")) {
            (Some(asked), Some(has)) => asked == has,
            _ => true,
        }
    }

    /// The record in the model's terms.
    pub fn offer(&self) -> Offer {
        let pv = self.publication_venue.clone().unwrap_or_default();
        let venue = pv
            .name
            .clone()
            .or_else(|| self.venue.clone())
            .map(crate::text::clean_owned)
            .filter(|v| !v.is_empty());
        let types = self.publication_types.clone().unwrap_or_default();
        let kind = match pv.kind.as_deref() {
            Some("conference") => Some(Kind::ConferencePaper),
            Some("journal") => Some(Kind::JournalArticle),
            _ if types.iter().any(|t| t == "Conference") => Some(Kind::ConferencePaper),
            _ if types.iter().any(|t| t == "JournalArticle") => Some(Kind::JournalArticle),
            _ => None,
        };
        let mut venue_aliases = pv.alternate_names.unwrap_or_default();
        venue_aliases.extend(self.venue.clone().filter(|v| !v.is_empty()));
        Offer {
            title: self.title.clone().unwrap_or_default(),
            date: self.year.map(Date::year),
            doi: self.external("DOI"),
            venue,
            venue_aliases,
            kind,
            ..Offer::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch() -> Vec<Option<Paper>> {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/s2/batch-seed.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn reads_the_seed_batch() {
        let papers = batch();
        assert_eq!(papers.len(), 13);
        let medclip = papers
            .iter()
            .flatten()
            .find(|p| p.external("ArXiv").as_deref() == Some("2210.10163"))
            .unwrap();
        let offer = medclip.offer();
        assert_eq!(
            offer.doi.as_deref(),
            Some("10.18653/v1/2022.emnlp-main.256")
        );
        assert_eq!(offer.kind, Some(Kind::ConferencePaper));
        assert!(offer.venue_aliases.iter().any(|a| a == "EMNLP"));
        assert!(papers.iter().any(Option::is_none), "unknown ids are null");
    }

    #[test]
    fn a_record_for_another_arxiv_id_is_refused() {
        let p = Paper {
            external_ids: Some(HashMap::from([("ArXiv".to_string(), "2301.00001".into())])),
            ..Paper::default()
        };
        assert!(!p.is_about("ARXIV:2210.10163"));
        assert!(p.is_about("ARXIV:2301.00001"));
    }
}
