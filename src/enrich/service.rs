//! The seam every metadata service sits behind: a key goes in, a record (or nothing) comes out.
//!
//! [`super::enrich`] runs one loop for all of them (cache, then fetch in batches, then store the
//! answers and the misses), so a service only says how to ask and how to read the answer.

use super::http::HttpError;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;

/// A metadata service looked up by key (an arXiv id, a DOI).
pub trait Service {
    /// What the service says about one key, in the form kept in the cache.
    type Record: Serialize + DeserializeOwned;
    /// Why a request gave no usable answer.
    type Error: fmt::Display;
    /// The service's name in messages ("Crossref").
    const LABEL: &'static str;
    /// The cache namespace of its answers.
    const NAMESPACE: &'static str;

    /// Looks up `keys` in one request (or one per key for services without batches). Keys the
    /// service does not know are absent from the map and are cached as misses.
    fn fetch(&self, keys: &[String]) -> Result<HashMap<String, Self::Record>, Self::Error>;

    /// Whether the service should not be asked again in this run after `error`.
    fn is_fatal(error: &Self::Error) -> bool;
}

/// Why a request to Crossref, Semantic Scholar or DataCite gave no usable answer.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The network or the server failed (after retries where retrying makes sense).
    #[error(transparent)]
    Http(#[from] HttpError),
    /// The service answered with an unexpected HTTP status.
    #[error("{service} answered HTTP {status}")]
    Status {
        /// The service's name.
        service: &'static str,
        /// The status code.
        status: u16,
    },
    /// The service answered, but not in a form mdbib can read.
    #[error("{service} gave an unreadable answer: {reason}")]
    Unreadable {
        /// The service's name.
        service: &'static str,
        /// What is wrong with it.
        reason: String,
    },
}

impl ServiceError {
    /// Network failures and refusals (an unexpected status other than 400) stop further requests
    /// to the service; a single unreadable answer or a rejected request does not.
    pub fn is_fatal(&self) -> bool {
        match self {
            ServiceError::Http(_) => true,
            ServiceError::Status { status, .. } => *status != 400,
            ServiceError::Unreadable { .. } => false,
        }
    }
}

/// What went wrong with one service during a run.
#[derive(Debug, Default)]
pub struct Health {
    /// The problems, in order.
    pub problems: Vec<String>,
    /// Set once the service is unreachable or keeps failing; it is not asked again.
    pub stopped: bool,
    /// Keys that were wanted and got no answer: the service failed, or offline, none was cached.
    pub unanswered: usize,
}

impl Health {
    /// Records a failed request.
    pub fn fail(&mut self, problem: String, fatal: bool) {
        self.stopped |= fatal;
        self.problems.push(problem);
    }

    /// The first problem and how many more there were: `HTTP 503, and 2 more problems`.
    pub fn describe(&self) -> Option<String> {
        let first = self.problems.first()?;
        Some(match self.problems.len() {
            1 => first.clone(),
            n => format!("{first}, and {} more problems", n - 1),
        })
    }

    /// `could not be reached` or `gave unusable answers`, for the warning.
    pub fn verdict(&self) -> &'static str {
        if self.stopped {
            "could not be reached"
        } else {
            "gave unusable answers"
        }
    }
}

/// `base` with `segments` appended as path segments, each percent-encoded as one segment (so the
/// `/` inside a DOI stays part of it).
pub fn url_with_segments(base: &str, segments: &[&str]) -> Result<String, ServiceError> {
    let invalid = |reason: String| {
        ServiceError::Http(HttpError::InvalidRequest {
            url: base.to_string(),
            reason,
        })
    };
    let mut url = reqwest::Url::parse(base).map_err(|e| invalid(e.to_string()))?;
    url.path_segments_mut()
        .map_err(|()| invalid("the URL cannot have a path".to_string()))?
        .pop_if_empty()
        .extend(segments);
    Ok(url.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_doi_is_one_encoded_segment() {
        let url = url_with_segments(
            "https://api.crossref.org/",
            &["works", "10.1016/S0140-6736(23)00216-7"],
        )
        .unwrap();
        assert_eq!(
            url,
            "https://api.crossref.org/works/10.1016%2FS0140-6736(23)00216-7"
        );
        let mirror =
            url_with_segments("http://127.0.0.1:8080/mirror", &["dois", "10.1/x"]).unwrap();
        assert_eq!(mirror, "http://127.0.0.1:8080/mirror/dois/10.1%2Fx");
    }

    #[test]
    fn a_bad_base_is_an_error_not_a_panic() {
        assert!(url_with_segments("not a url", &["works"]).is_err());
        assert!(url_with_segments("mailto:x@example.org", &["works"]).is_err());
    }

    #[test]
    fn health_describes_its_problems() {
        let mut h = Health::default();
        assert_eq!(h.describe(), None);
        h.fail("HTTP 400".into(), false);
        h.fail("timed out".into(), true);
        assert_eq!(h.describe().unwrap(), "HTTP 400, and 1 more problems");
        assert_eq!(h.verdict(), "could not be reached");
    }
}
