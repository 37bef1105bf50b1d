//! The arXiv API client: id lists in batches, title searches, answers parsed from Atom.

use super::atom::{self, AtomEntry, AtomError};
use super::http::{HttpClient, HttpError};
use super::service::Service;
use std::collections::HashMap;

/// Why a request to arXiv gave no usable answer.
#[derive(Debug, thiserror::Error)]
pub enum ArxivError {
    /// The network or the server failed (after retries where retrying makes sense).
    #[error(transparent)]
    Http(#[from] HttpError),
    /// arXiv answered, but not with a feed mdbib can read, or with its error feed.
    #[error(transparent)]
    Feed(#[from] AtomError),
    /// arXiv answered with an unexpected HTTP status and no error feed.
    #[error("arXiv answered HTTP {status}")]
    Status {
        /// The status code.
        status: u16,
    },
}

impl ArxivError {
    /// Whether arXiv should not be asked again in this run (it is unreachable or keeps failing).
    pub fn is_fatal(&self) -> bool {
        matches!(self, ArxivError::Http(_))
    }
}

/// A client for one arXiv API endpoint.
pub struct Arxiv<'a> {
    http: &'a HttpClient,
    api: &'a str,
}

impl<'a> Arxiv<'a> {
    /// A client that sends its requests to `api` (the `/api/query` URL) through `http`.
    pub fn new(http: &'a HttpClient, api: &'a str) -> Self {
        Arxiv { http, api }
    }

    /// Looks up `ids` (bare ids, validated by the caller) in one request. Ids that arXiv does not
    /// return are absent from the map: arXiv drops unknown ids silently.
    pub fn fetch_ids(&self, ids: &[String]) -> Result<HashMap<String, AtomEntry>, ArxivError> {
        let list = ids.join(",");
        let max = ids.len().to_string();
        let response = self.http.get(
            self.api,
            &[("id_list", &list), ("start", "0"), ("max_results", &max)],
        )?;
        let feed = parse(response.status, &response.body)?;
        Ok(feed
            .into_iter()
            .filter(|e| ids.contains(&e.id))
            .map(|e| (e.id.clone(), e))
            .collect())
    }

    /// Searches titles; returns arXiv's best candidates (at most five).
    pub fn search_title(&self, title: &str) -> Result<Vec<AtomEntry>, ArxivError> {
        // arXiv's query parser treats punctuation as syntax, so the phrase is words only.
        let words = crate::text::normalize_title(title);
        let query = format!("ti:\"{words}\"");
        let response = self.http.get(
            self.api,
            &[
                ("search_query", &query),
                ("start", "0"),
                ("max_results", "5"),
            ],
        )?;
        parse(response.status, &response.body)
    }
}

impl Service for Arxiv<'_> {
    type Record = AtomEntry;
    type Error = ArxivError;
    const LABEL: &'static str = "arXiv";
    const NAMESPACE: &'static str = "arxiv";

    fn fetch(&self, keys: &[String]) -> Result<HashMap<String, AtomEntry>, ArxivError> {
        self.fetch_ids(keys)
    }

    fn is_fatal(error: &ArxivError) -> bool {
        error.is_fatal()
    }
}

/// A 200 carries a feed; a 400 carries arXiv's error feed; anything else is an error.
fn parse(status: u16, body: &str) -> Result<Vec<AtomEntry>, ArxivError> {
    match status {
        200 => Ok(atom::parse_feed(body)?.entries),
        400 => match atom::parse_feed(body) {
            Err(e) => Err(e.into()),
            Ok(_) => Err(ArxivError::Status { status }),
        },
        _ => Err(ArxivError::Status { status }),
    }
}
