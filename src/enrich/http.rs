//! A small, polite, retrying HTTP client on top of `reqwest::blocking`.
//!
//! * Transient failures (HTTP 429, any 5xx, timeouts, broken or truncated bodies, connections
//!   dropped mid-exchange) are retried with exponential backoff and random jitter, honouring
//!   `Retry-After`, within both a try count and a total time budget per call.
//! * Connect failures (connection refused, DNS failure, connect timeout, TLS handshake failure)
//!   fail fast with [`HttpError::Unreachable`] so that an offline run does not wait.
//! * Every other status (200, 400, 404, ...) is handed back to the caller as a [`Response`].
//! * Requests made by one client are spaced by at least [`HttpConfig::min_interval`], retries
//!   included.
//! * Redirects are followed only to the same host (and never from `https` to `http`).
//!
//! `reqwest::blocking` starts its own runtime: never create or use an [`HttpClient`] from inside
//! an async (tokio) context.

use std::error::Error as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::blocking::{Client, Request, RequestBuilder};
use reqwest::header::{HeaderMap, CONTENT_TYPE, RETRY_AFTER};
use reqwest::redirect::Policy;
use reqwest::Url;

/// The longest backoff between two tries, before jitter (a `Retry-After` may ask for more).
const MAX_BACKOFF: Duration = Duration::from_secs(60);

/// The most redirects followed for one request.
const MAX_REDIRECTS: usize = 5;

/// Settings of an [`HttpClient`].
#[derive(Debug, Clone)]
pub struct HttpConfig {
    /// The `User-Agent` header sent with every request.
    pub user_agent: String,
    /// How long to wait for a connection to be established (default 10 s).
    pub connect_timeout: Duration,
    /// How long one try may take, from connecting until the body is read (default 30 s).
    pub read_timeout: Duration,
    /// The most tries of one call, the first one included (default 4; 0 counts as 1).
    pub max_tries: u32,
    /// The bound on all tries and waits of one call (default 120 s).
    pub max_total: Duration,
    /// The wait before the first retry (default 1 s); it doubles on each further retry, up to
    /// 60 s, and a random jitter of ±25 % is applied.
    pub base_backoff: Duration,
    /// The least time between the starts of two consecutive requests made by the client,
    /// retries included (default 0; arXiv asks for 3 s).
    pub min_interval: Duration,
}

impl HttpConfig {
    /// A configuration with the given `User-Agent` and the default settings.
    pub fn new(user_agent: impl Into<String>) -> Self {
        HttpConfig {
            user_agent: user_agent.into(),
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            max_tries: 4,
            max_total: Duration::from_secs(120),
            base_backoff: Duration::from_secs(1),
            min_interval: Duration::ZERO,
        }
    }
}

/// A response whose status the caller has to interpret (anything but 429 and 5xx).
#[derive(Debug, Clone)]
pub struct Response {
    /// The HTTP status code.
    pub status: u16,
    /// The body, decoded as text (charset from `Content-Type`, UTF-8 by default, lossy).
    pub body: String,
}

/// Why a call of an [`HttpClient`] failed.
#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    /// The server could not be connected to (connection refused, DNS failure, connect timeout,
    /// TLS handshake failure); not retried.
    #[error("cannot reach {url}: {reason}")]
    Unreachable {
        /// The URL requested.
        url: String,
        /// What went wrong.
        reason: String,
    },
    /// Every try failed with a transient error, or the time budget ran out.
    #[error("gave up on {url} after {tries} {}: {last}", if *.tries == 1 { "try" } else { "tries" })]
    GaveUp {
        /// The URL requested.
        url: String,
        /// How many tries were made.
        tries: u32,
        /// The last failure, such as `HTTP 503` or `timed out`.
        last: String,
    },
    /// The request could not be built (malformed URL, invalid header name or value).
    #[error("invalid request for {url}: {reason}")]
    InvalidRequest {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The HTTP client could not be built.
    #[error("cannot build the HTTP client: {reason}")]
    Client {
        /// What went wrong.
        reason: String,
    },
}

/// A blocking HTTP client that retries transient failures and paces its requests.
///
/// It is `Send + Sync`; concurrent callers are serialized by the pacing.
#[derive(Debug)]
pub struct HttpClient {
    client: Client,
    config: HttpConfig,
    last_start: Mutex<Option<Instant>>,
    requests: AtomicU64,
}

/// The outcome of one try.
enum Attempt {
    /// A final answer for the caller.
    Done(Response),
    /// The server could not be connected to.
    Unreachable(String),
    /// The request cannot be sent (such as an unsupported URL scheme).
    Invalid(String),
    /// A failure worth retrying.
    Transient {
        last: String,
        retry_after: Option<Duration>,
    },
    /// A failure that would come again: a body over [`MAX_BODY`].
    Final(String),
}

/// The largest response body read, in bytes: 64 MiB, where arXiv's answer for 100 ids is about
/// 1 MiB. A larger one is refused, not read into memory.
pub const MAX_BODY: u64 = 64 << 20;

impl HttpClient {
    /// Builds a client with the given settings.
    pub fn new(config: HttpConfig) -> Result<Self, HttpError> {
        let client = Client::builder()
            .user_agent(config.user_agent.clone())
            .connect_timeout(config.connect_timeout)
            .timeout(config.read_timeout)
            .redirect(Policy::custom(|attempt| {
                let previous = attempt.previous();
                if previous.len() > MAX_REDIRECTS {
                    return attempt.stop();
                }
                let allowed = match (previous.first(), previous.last()) {
                    (Some(first), Some(last)) => redirect_allowed(first, last, attempt.url()),
                    _ => false,
                };
                if allowed {
                    attempt.follow()
                } else {
                    attempt.stop()
                }
            }))
            .build()
            .map_err(|e| HttpError::Client {
                reason: describe(&e),
            })?;
        Ok(HttpClient {
            client,
            config,
            last_start: Mutex::new(None),
            requests: AtomicU64::new(0),
        })
    }

    /// The settings the client was built with.
    pub fn config(&self) -> &HttpConfig {
        &self.config
    }

    /// Sends a GET request to `url` with the `query` pairs appended, percent-encoded.
    pub fn get(&self, url: &str, query: &[(&str, &str)]) -> Result<Response, HttpError> {
        let mut builder = self.client.get(url);
        if !query.is_empty() {
            builder = builder.query(query);
        }
        self.send(url, builder)
    }

    /// Sends a POST request with the `form` pairs as an
    /// `application/x-www-form-urlencoded` body.
    pub fn post_form(&self, url: &str, form: &[(&str, &str)]) -> Result<Response, HttpError> {
        self.send(url, self.client.post(url).form(form))
    }

    /// Sends a POST request with `json_body` as an `application/json` body (unless `headers`
    /// name another `Content-Type`) and the extra `headers`.
    pub fn post_json(
        &self,
        url: &str,
        json_body: &str,
        headers: &[(&str, &str)],
    ) -> Result<Response, HttpError> {
        let mut builder = self.client.post(url).body(json_body.to_owned());
        if !headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case(CONTENT_TYPE.as_str()))
        {
            builder = builder.header(CONTENT_TYPE, "application/json");
        }
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        self.send(url, builder)
    }

    /// How many HTTP requests the client has sent, retries included (tries that could not
    /// connect are not counted).
    pub fn requests_made(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }

    /// Sends the request, retrying transient failures.
    fn send(&self, url: &str, builder: RequestBuilder) -> Result<Response, HttpError> {
        let request = builder.build().map_err(|e| HttpError::InvalidRequest {
            url: url.to_owned(),
            reason: describe(&e),
        })?;
        let full_url = request.url().to_string();
        let started = Instant::now();
        let max_tries = self.config.max_tries.max(1);
        let mut tries = 0;
        let mut last = String::from("time budget exhausted before the first try");
        loop {
            let Some(mut attempt) = request.try_clone() else {
                return Err(HttpError::InvalidRequest {
                    url: full_url,
                    reason: "the request body cannot be repeated".to_owned(),
                });
            };
            self.pace();
            let remaining = self.config.max_total.saturating_sub(started.elapsed());
            if remaining.is_zero() {
                return Err(HttpError::GaveUp {
                    url: full_url,
                    tries,
                    last,
                });
            }
            *attempt.timeout_mut() = Some(self.config.read_timeout.min(remaining));
            tries += 1;
            let retry_after = match self.attempt(attempt) {
                Attempt::Done(response) => return Ok(response),
                Attempt::Unreachable(reason) => {
                    return Err(HttpError::Unreachable {
                        url: full_url,
                        reason,
                    })
                }
                Attempt::Invalid(reason) => {
                    return Err(HttpError::InvalidRequest {
                        url: full_url,
                        reason,
                    })
                }
                Attempt::Final(what) => {
                    return Err(HttpError::GaveUp {
                        url: full_url,
                        tries,
                        last: what,
                    })
                }
                Attempt::Transient {
                    last: what,
                    retry_after,
                } => {
                    last = what;
                    retry_after
                }
            };
            if tries >= max_tries {
                return Err(HttpError::GaveUp {
                    url: full_url,
                    tries,
                    last,
                });
            }
            let wait = self.backoff(tries).max(retry_after.unwrap_or_default());
            if started.elapsed().saturating_add(wait) >= self.config.max_total {
                last.push_str(&format!(
                    " (waiting {:.1} s more would exceed the {:.0} s time budget)",
                    wait.as_secs_f64(),
                    self.config.max_total.as_secs_f64()
                ));
                return Err(HttpError::GaveUp {
                    url: full_url,
                    tries,
                    last,
                });
            }
            thread::sleep(wait);
        }
    }

    /// Makes one try.
    fn attempt(&self, request: Request) -> Attempt {
        let response = match self.client.execute(request) {
            Ok(response) => response,
            Err(e) if e.is_connect() => return Attempt::Unreachable(describe(&e)),
            Err(e) if e.is_builder() => return Attempt::Invalid(describe(&e)),
            Err(e) => {
                self.requests.fetch_add(1, Ordering::Relaxed);
                let last = if e.is_timeout() {
                    "timed out".to_owned()
                } else {
                    describe(&e)
                };
                return Attempt::Transient {
                    last,
                    retry_after: None,
                };
            }
        };
        self.requests.fetch_add(1, Ordering::Relaxed);
        let status = response.status().as_u16();
        if status == 429 || (500..=599).contains(&status) {
            return Attempt::Transient {
                last: format!("HTTP {status}"),
                retry_after: retry_after(response.headers(), SystemTime::now()),
            };
        }
        let mut body = Vec::new();
        match std::io::Read::read_to_end(
            &mut std::io::Read::take(response, MAX_BODY + 1),
            &mut body,
        ) {
            Ok(_) if body.len() as u64 > MAX_BODY => {
                Attempt::Final(format!("the answer is over {} MiB", MAX_BODY >> 20))
            }
            Ok(_) => Attempt::Done(Response {
                status,
                body: String::from_utf8_lossy(&body).into_owned(),
            }),
            Err(e) => {
                let timed_out = e.kind() == std::io::ErrorKind::TimedOut
                    || e.get_ref()
                        .and_then(|inner| inner.downcast_ref::<reqwest::Error>())
                        .is_some_and(reqwest::Error::is_timeout);
                Attempt::Transient {
                    last: if timed_out {
                        "timed out while reading the body".to_owned()
                    } else {
                        format!("broken body: {e}")
                    },
                    retry_after: None,
                }
            }
        }
    }

    /// Waits until `min_interval` has passed since the start of the previous request, then
    /// records the start of a new one.
    fn pace(&self) {
        let mut last = self
            .last_start
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(previous) = *last {
            let wait = self.config.min_interval.saturating_sub(previous.elapsed());
            if !wait.is_zero() {
                thread::sleep(wait);
            }
        }
        *last = Some(Instant::now());
    }

    /// The jittered wait after the `tries`-th failed try.
    fn backoff(&self, tries: u32) -> Duration {
        let doublings = tries.saturating_sub(1).min(20);
        let wait = self
            .config
            .base_backoff
            .saturating_mul(1 << doublings)
            .min(MAX_BACKOFF);
        wait.mul_f64(0.75 + 0.5 * fastrand::f64())
    }
}

/// Whether a redirect from `last` (in a chain started at `first`) to `next` may be followed:
/// same host and port as the original URL, and no downgrade from `https`.
fn redirect_allowed(first: &Url, last: &Url, next: &Url) -> bool {
    let same_host = first.host_str() == next.host_str() && first.port() == next.port();
    let downgrade = last.scheme() == "https" && next.scheme() != "https";
    same_host && !downgrade
}

/// A reqwest error as one line: its chain of causes, without the URL.
fn describe(error: &reqwest::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        // hyper's generic wrapper, such as "client error (Connect)", says nothing more.
        let wrapper = text.starts_with("client error (") && cause.source().is_some();
        if !wrapper && parts.last() != Some(&text) {
            parts.push(text);
        }
        source = cause.source();
    }
    if parts.is_empty() {
        let mut text = error.to_string();
        if let Some(url) = error.url() {
            text = text.replace(&format!(" for url ({url})"), "");
        }
        parts.push(text);
    }
    parts.join(": ")
}

/// The wait asked for by a `Retry-After` header, in seconds or as an HTTP date.
fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = parse_http_date(value)?;
    let now = now.duration_since(UNIX_EPOCH).ok()?.as_secs();
    Some(Duration::from_secs(at.saturating_sub(now)))
}

/// Parses an IMF-fixdate such as `Sun, 06 Nov 1994 08:49:37 GMT` into Unix seconds.
fn parse_http_date(text: &str) -> Option<u64> {
    let mut fields = text.split_whitespace();
    let _weekday = fields.next()?.strip_suffix(',')?;
    let day: u64 = fields.next()?.parse().ok()?;
    let month = match fields.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year: u64 = fields.next()?.parse().ok()?;
    let mut clock = fields.next()?.split(':');
    let hour: u64 = clock.next()?.parse().ok()?;
    let minute: u64 = clock.next()?.parse().ok()?;
    let second: u64 = clock.next()?.parse().ok()?;
    if fields.next()? != "GMT"
        || fields.next().is_some()
        || clock.next().is_some()
        || !(1970..=9999).contains(&year)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    // Days from 1970-01-01 to the date (Howard Hinnant's days_from_civil).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y / 400;
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = (era * 146_097 + doe).checked_sub(719_468)?;
    Some(days * 86_400 + hour * 3_600 + minute * 60 + second)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpListener;
    use tokio::runtime::Runtime;
    use wiremock::matchers::{body_string, header, method, path, query_param};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    const UA: &str = "mdbib-test/0.1 (mailto:test@example.org)";

    /// A fast configuration for tests.
    fn config() -> HttpConfig {
        HttpConfig {
            connect_timeout: Duration::from_secs(2),
            read_timeout: Duration::from_secs(2),
            max_tries: 4,
            max_total: Duration::from_secs(20),
            base_backoff: Duration::ZERO,
            min_interval: Duration::ZERO,
            ..HttpConfig::new(UA)
        }
    }

    fn client(config: HttpConfig) -> HttpClient {
        HttpClient::new(config).unwrap()
    }

    /// A runtime and a mock server running on it; the runtime must outlive the server.
    fn server() -> (Runtime, MockServer) {
        let rt = Runtime::new().unwrap();
        let server = rt.block_on(MockServer::start());
        (rt, server)
    }

    fn mount(rt: &Runtime, server: &MockServer, mock: Mock) {
        rt.block_on(mock.mount(server));
    }

    fn received(rt: &Runtime, server: &MockServer) -> usize {
        rt.block_on(server.received_requests())
            .map(|r| r.len())
            .unwrap_or(0)
    }

    #[test]
    fn defaults() {
        let c = HttpConfig::new("ua");
        assert_eq!(c.user_agent, "ua");
        assert_eq!(c.connect_timeout, Duration::from_secs(10));
        assert_eq!(c.read_timeout, Duration::from_secs(30));
        assert_eq!(c.max_tries, 4);
        assert_eq!(c.max_total, Duration::from_secs(120));
        assert_eq!(c.base_backoff, Duration::from_secs(1));
        assert_eq!(c.min_interval, Duration::ZERO);
    }

    #[test]
    fn client_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<HttpClient>();
    }

    #[test]
    fn retries_503_then_succeeds() {
        let (rt, server) = server();
        mount(
            &rt,
            &server,
            Mock::given(method("GET"))
                .respond_with(ResponseTemplate::new(503))
                .up_to_n_times(2)
                .with_priority(1),
        );
        mount(
            &rt,
            &server,
            Mock::given(method("GET"))
                .respond_with(ResponseTemplate::new(200).set_body_string("ok"))
                .with_priority(2),
        );
        let c = client(config());
        let r = c.get(&format!("{}/x", server.uri()), &[]).unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.body, "ok");
        assert_eq!(c.requests_made(), 3);
        assert_eq!(received(&rt, &server), 3);
    }

    #[test]
    fn honours_retry_after_seconds() {
        let (rt, server) = server();
        mount(
            &rt,
            &server,
            Mock::given(method("GET"))
                .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "1"))
                .up_to_n_times(1)
                .with_priority(1),
        );
        mount(
            &rt,
            &server,
            Mock::given(method("GET"))
                .respond_with(ResponseTemplate::new(200).set_body_string("fine"))
                .with_priority(2),
        );
        let c = client(config());
        let started = Instant::now();
        let r = c.get(&server.uri(), &[]).unwrap();
        let elapsed = started.elapsed();
        assert_eq!(r.body, "fine");
        assert_eq!(c.requests_made(), 2);
        assert!(elapsed >= Duration::from_millis(950), "{elapsed:?}");
        assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
    }

    #[test]
    fn retry_after_beyond_budget_gives_up_at_once() {
        let (rt, server) = server();
        mount(
            &rt,
            &server,
            Mock::given(method("GET"))
                .respond_with(ResponseTemplate::new(503).insert_header("Retry-After", "3600")),
        );
        let c = client(config());
        let started = Instant::now();
        let err = c.get(&server.uri(), &[]).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(5));
        match err {
            HttpError::GaveUp { tries, last, .. } => {
                assert_eq!(tries, 1);
                assert!(last.starts_with("HTTP 503"), "{last}");
                assert!(last.contains("budget"), "{last}");
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn permanent_500_gives_up_after_max_tries() {
        let (rt, server) = server();
        mount(
            &rt,
            &server,
            Mock::given(method("GET")).respond_with(ResponseTemplate::new(500)),
        );
        let c = client(HttpConfig {
            max_tries: 3,
            ..config()
        });
        let err = c.get(&server.uri(), &[]).unwrap_err();
        match &err {
            HttpError::GaveUp { url, tries, last } => {
                assert_eq!(*tries, 3);
                assert_eq!(last, "HTTP 500");
                assert!(url.starts_with("http://127.0.0.1:"), "{url}");
            }
            other => panic!("unexpected {other:?}"),
        }
        assert!(err.to_string().contains("after 3 tries: HTTP 500"), "{err}");
        assert_eq!(c.requests_made(), 3);
        assert_eq!(received(&rt, &server), 3);
    }

    #[test]
    fn slow_server_times_out_and_gives_up() {
        let (rt, server) = server();
        mount(
            &rt,
            &server,
            Mock::given(method("GET")).respond_with(
                ResponseTemplate::new(200)
                    .set_body_string("late")
                    .set_delay(Duration::from_secs(3)),
            ),
        );
        let c = client(HttpConfig {
            read_timeout: Duration::from_millis(300),
            max_tries: 2,
            ..config()
        });
        let started = Instant::now();
        let err = c.get(&server.uri(), &[]).unwrap_err();
        let elapsed = started.elapsed();
        assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
        match err {
            HttpError::GaveUp { tries, last, .. } => {
                assert_eq!(tries, 2);
                assert_eq!(last, "timed out");
            }
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(c.requests_made(), 2);
    }

    #[test]
    fn max_total_bounds_the_whole_call() {
        let (rt, server) = server();
        mount(
            &rt,
            &server,
            Mock::given(method("GET"))
                .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(3))),
        );
        let c = client(HttpConfig {
            read_timeout: Duration::from_secs(2),
            max_tries: 10,
            max_total: Duration::from_millis(700),
            ..config()
        });
        let started = Instant::now();
        let err = c.get(&server.uri(), &[]).unwrap_err();
        let elapsed = started.elapsed();
        assert!(matches!(err, HttpError::GaveUp { .. }), "{err:?}");
        assert!(elapsed < Duration::from_millis(1500), "{elapsed:?}");
    }

    #[test]
    fn connection_refused_is_unreachable_at_once() {
        let port = {
            let listener = TcpListener::bind("127.0.0.1:0").unwrap();
            listener.local_addr().unwrap().port()
        };
        let c = client(HttpConfig {
            base_backoff: Duration::from_secs(5),
            ..config()
        });
        let started = Instant::now();
        let err = c
            .get(&format!("http://127.0.0.1:{port}/api"), &[("q", "x")])
            .unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(2));
        match &err {
            HttpError::Unreachable { url, reason } => {
                assert_eq!(url, &format!("http://127.0.0.1:{port}/api?q=x"));
                assert!(reason.to_lowercase().contains("refused"), "{reason}");
            }
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(c.requests_made(), 0);
    }

    #[test]
    fn invalid_url_is_reported() {
        let c = client(config());
        let err = c.get("not a url", &[]).unwrap_err();
        assert!(matches!(err, HttpError::InvalidRequest { .. }), "{err:?}");
        let err = c.get("ftp://127.0.0.1:1/x", &[]).unwrap_err();
        assert!(matches!(err, HttpError::InvalidRequest { .. }), "{err:?}");
        let err = c
            .post_json("http://127.0.0.1:1/", "{}", &[("bad header", "x")])
            .unwrap_err();
        assert!(matches!(err, HttpError::InvalidRequest { .. }), "{err:?}");
        assert_eq!(c.requests_made(), 0);
    }

    #[test]
    fn not_found_and_bad_request_are_returned() {
        let (rt, server) = server();
        mount(
            &rt,
            &server,
            Mock::given(path("/missing"))
                .respond_with(ResponseTemplate::new(404).set_body_string("Resource not found.")),
        );
        mount(
            &rt,
            &server,
            Mock::given(path("/bad")).respond_with(
                ResponseTemplate::new(400).set_body_string("<feed><entry>error</entry></feed>"),
            ),
        );
        let c = client(config());
        let r = c.get(&format!("{}/missing", server.uri()), &[]).unwrap();
        assert_eq!(r.status, 404);
        assert_eq!(r.body, "Resource not found.");
        let r = c.get(&format!("{}/bad", server.uri()), &[]).unwrap();
        assert_eq!(r.status, 400);
        assert!(r.body.contains("error"));
        assert_eq!(c.requests_made(), 2);
    }

    #[test]
    fn query_is_encoded_and_user_agent_sent() {
        let (rt, server) = server();
        let title = "Attention Is \"All\" You Need & more? 100%";
        mount(
            &rt,
            &server,
            Mock::given(method("GET"))
                .and(path("/api/query"))
                .and(query_param("id_list", "2101.00001,2101.00002"))
                .and(query_param("search_query", format!("ti:\"{title}\"")))
                .and(header("user-agent", UA))
                .respond_with(ResponseTemplate::new(200).set_body_string("matched")),
        );
        let c = client(config());
        let r = c
            .get(
                &format!("{}/api/query", server.uri()),
                &[
                    ("id_list", "2101.00001,2101.00002"),
                    ("search_query", &format!("ti:\"{title}\"")),
                ],
            )
            .unwrap();
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body, "matched");
    }

    #[test]
    fn post_form_and_json() {
        let (rt, server) = server();
        mount(
            &rt,
            &server,
            Mock::given(method("POST"))
                .and(path("/form"))
                .and(header("content-type", "application/x-www-form-urlencoded"))
                .and(body_string("id_list=a%2Cb&q=x+y"))
                .respond_with(ResponseTemplate::new(200).set_body_string("form")),
        );
        mount(
            &rt,
            &server,
            Mock::given(method("POST"))
                .and(path("/json"))
                .and(header("content-type", "application/json"))
                .and(header("x-api-key", "k"))
                .and(body_string(r#"{"a":1}"#))
                .respond_with(ResponseTemplate::new(201).set_body_string("json")),
        );
        let c = client(config());
        let r = c
            .post_form(
                &format!("{}/form", server.uri()),
                &[("id_list", "a,b"), ("q", "x y")],
            )
            .unwrap();
        assert_eq!((r.status, r.body.as_str()), (200, "form"));
        let r = c
            .post_json(
                &format!("{}/json", server.uri()),
                r#"{"a":1}"#,
                &[("x-api-key", "k")],
            )
            .unwrap();
        assert_eq!((r.status, r.body.as_str()), (201, "json"));
    }

    #[test]
    fn post_is_retried_with_its_body() {
        let (rt, server) = server();
        mount(
            &rt,
            &server,
            Mock::given(method("POST"))
                .respond_with(ResponseTemplate::new(502))
                .up_to_n_times(1)
                .with_priority(1),
        );
        mount(
            &rt,
            &server,
            Mock::given(method("POST"))
                .and(body_string("q=1"))
                .respond_with(ResponseTemplate::new(200).set_body_string("again"))
                .with_priority(2),
        );
        let c = client(config());
        let r = c.post_form(&server.uri(), &[("q", "1")]).unwrap();
        assert_eq!(r.body, "again");
        assert_eq!(c.requests_made(), 2);
    }

    #[test]
    fn min_interval_spaces_requests() {
        let (rt, server) = server();
        mount(
            &rt,
            &server,
            Mock::given(method("GET")).respond_with(ResponseTemplate::new(200)),
        );
        let c = client(HttpConfig {
            min_interval: Duration::from_millis(400),
            ..config()
        });
        let started = Instant::now();
        c.get(&server.uri(), &[]).unwrap();
        c.get(&server.uri(), &[]).unwrap();
        let elapsed = started.elapsed();
        assert!(elapsed >= Duration::from_millis(400), "{elapsed:?}");
        assert_eq!(c.requests_made(), 2);
    }

    #[test]
    fn min_interval_applies_to_retries() {
        let (rt, server) = server();
        mount(
            &rt,
            &server,
            Mock::given(method("GET"))
                .respond_with(ResponseTemplate::new(503))
                .up_to_n_times(1)
                .with_priority(1),
        );
        mount(
            &rt,
            &server,
            Mock::given(method("GET"))
                .respond_with(ResponseTemplate::new(200))
                .with_priority(2),
        );
        let c = client(HttpConfig {
            min_interval: Duration::from_millis(400),
            ..config()
        });
        let started = Instant::now();
        c.get(&server.uri(), &[]).unwrap();
        assert!(started.elapsed() >= Duration::from_millis(400));
        assert_eq!(c.requests_made(), 2);
    }

    /// A raw HTTP server on loopback answering each of `answers` to one connection, then
    /// stopping; each answer is written, then the server waits `linger` before closing.
    fn raw_server(
        answers: Vec<&'static str>,
        linger: Duration,
    ) -> (String, thread::JoinHandle<()>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/", listener.local_addr().unwrap());
        let handle = thread::spawn(move || {
            for answer in answers {
                let Ok((mut stream, _)) = listener.accept() else {
                    return;
                };
                let mut request = Vec::new();
                let mut buf = [0u8; 1024];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => request.extend_from_slice(&buf[..n]),
                    }
                }
                let _ = stream.write_all(answer.as_bytes());
                let _ = stream.flush();
                thread::sleep(linger);
            }
        });
        (url, handle)
    }

    #[test]
    fn truncated_body_is_retried() {
        let (url, handle) = raw_server(
            vec![
                "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\nshort",
                "HTTP/1.1 200 OK\r\nContent-Length: 8\r\nConnection: close\r\n\r\ncomplete",
            ],
            Duration::ZERO,
        );
        let c = client(config());
        let r = c.get(&url, &[]).unwrap();
        assert_eq!(r.body, "complete");
        assert_eq!(c.requests_made(), 2);
        handle.join().unwrap();
    }

    #[test]
    fn a_body_over_the_limit_is_refused_without_retry() {
        let (rt, server) = server();
        let huge = "A".repeat(MAX_BODY as usize + 1);
        mount(
            &rt,
            &server,
            Mock::given(path("/big"))
                .respond_with(ResponseTemplate::new(200).set_body_string(huge)),
        );
        let c = client(config());
        match c.get(&format!("{}/big", server.uri()), &[]).unwrap_err() {
            HttpError::GaveUp { tries, last, .. } => {
                assert_eq!(tries, 1);
                assert!(last.contains("over 64 MiB"), "{last}");
            }
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(c.requests_made(), 1);
    }

    #[test]
    fn stalled_body_times_out() {
        let (url, handle) = raw_server(
            vec!["HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial"],
            Duration::from_secs(2),
        );
        let c = client(HttpConfig {
            read_timeout: Duration::from_millis(400),
            max_tries: 1,
            ..config()
        });
        let started = Instant::now();
        let err = c.get(&url, &[]).unwrap_err();
        let elapsed = started.elapsed();
        assert!(elapsed < Duration::from_millis(1500), "{elapsed:?}");
        match err {
            HttpError::GaveUp { tries, last, .. } => {
                assert_eq!(tries, 1);
                assert!(last.contains("timed out"), "{last}");
            }
            other => panic!("unexpected {other:?}"),
        }
        handle.join().unwrap();
    }

    #[test]
    fn redirects_only_within_the_same_host() {
        let (rt2, other) = server();
        let (rt, server) = server();
        mount(
            &rt,
            &server,
            Mock::given(path("/old")).respond_with(
                ResponseTemplate::new(301)
                    .insert_header("Location", format!("{}/new", server.uri()).as_str()),
            ),
        );
        mount(
            &rt,
            &server,
            Mock::given(path("/new"))
                .respond_with(ResponseTemplate::new(200).set_body_string("new")),
        );
        mount(
            &rt,
            &server,
            Mock::given(path("/away")).respond_with(
                ResponseTemplate::new(302)
                    .insert_header("Location", format!("{}/elsewhere", other.uri()).as_str()),
            ),
        );
        let c = client(config());
        let r = c.get(&format!("{}/old", server.uri()), &[]).unwrap();
        assert_eq!((r.status, r.body.as_str()), (200, "new"));
        let r = c.get(&format!("{}/away", server.uri()), &[]).unwrap();
        assert_eq!(r.status, 302);
        assert_eq!(received(&rt2, &other), 0);
    }

    #[test]
    fn redirect_rules() {
        let u = |s: &str| Url::parse(s).unwrap();
        assert!(redirect_allowed(
            &u("http://export.arxiv.org/a"),
            &u("http://export.arxiv.org/a"),
            &u("https://export.arxiv.org/b")
        ));
        assert!(!redirect_allowed(
            &u("https://export.arxiv.org/a"),
            &u("https://export.arxiv.org/a"),
            &u("http://export.arxiv.org/b")
        ));
        assert!(!redirect_allowed(
            &u("https://api.crossref.org/a"),
            &u("https://api.crossref.org/a"),
            &u("https://evil.example/b")
        ));
        assert!(!redirect_allowed(
            &u("http://127.0.0.1:1000/a"),
            &u("http://127.0.0.1:1000/a"),
            &u("http://127.0.0.1:2000/b")
        ));
    }

    #[test]
    fn retry_after_forms() {
        let now = UNIX_EPOCH + Duration::from_secs(784_111_770); // Sun, 06 Nov 1994 08:49:30 GMT
        let mut headers = HeaderMap::new();
        assert_eq!(retry_after(&headers, now), None);
        headers.insert(RETRY_AFTER, " 7 ".parse().unwrap());
        assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(7)));
        headers.insert(
            RETRY_AFTER,
            "Sun, 06 Nov 1994 08:49:37 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(7)));
        headers.insert(
            RETRY_AFTER,
            "Sun, 06 Nov 1994 08:00:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&headers, now), Some(Duration::ZERO));
        headers.insert(RETRY_AFTER, "soon".parse().unwrap());
        assert_eq!(retry_after(&headers, now), None);
        assert_eq!(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(
            parse_http_date("Tue, 29 Feb 2028 12:00:00 GMT"),
            Some(1_835_438_400)
        );
        assert_eq!(parse_http_date("Tue, 29 Foo 2028 12:00:00 GMT"), None);
        assert_eq!(parse_http_date("Tue, 29 Feb 2028 12:00:00 CET"), None);
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let c = client(HttpConfig {
            base_backoff: Duration::from_secs(1),
            ..config()
        });
        let first = c.backoff(1);
        assert!(first >= Duration::from_millis(750) && first <= Duration::from_millis(1250));
        let third = c.backoff(3);
        assert!(third >= Duration::from_secs(3) && third <= Duration::from_secs(5));
        assert!(c.backoff(40) <= MAX_BACKOFF.mul_f64(1.25));
    }
}
