//! Soak test: a few hundred arXiv ids against a loopback arXiv mock that fails at random (seeded,
//! so every run sees the same sequence): HTTP 503, tries that time out, bodies cut short by the
//! connection closing, feeds cut short inside a complete response, and slow answers.
//!
//! Checked: the run ends in bounded time with exit 0; every id the mock answered in full is
//! enriched; the cache then holds exactly those, so a second run against a healthy mock asks
//! only for the rest; and two processes sharing one cache both succeed.

use crate::common::mdbib;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// How many ids the generated list holds.
const IDS: usize = 300;
/// The per-try timeout given to mdbib; the mock's "hang" outlasts it.
const TIMEOUT_SECS: f64 = 0.5;

/// What the mock does with one request.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Behaviour {
    Answer,
    SlowAnswer,
    ServerError,
    Hang,
    CutConnection,
    CutFeed,
}

#[derive(Default)]
struct Log {
    /// Every id_list request, in order.
    requested: Vec<Vec<String>>,
    /// Ids sent back in a complete, well-formed feed.
    answered: BTreeSet<String>,
}

/// A loopback arXiv API. `flaky` picks a behaviour per request from a seeded generator.
struct FlakyArxiv {
    port: u16,
    log: Arc<Mutex<Log>>,
}

impl FlakyArxiv {
    fn start(seed: Option<u64>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let log = Arc::new(Mutex::new(Log::default()));
        let rng = Arc::new(Mutex::new(seed.map(fastrand::Rng::with_seed)));
        let shared = Arc::clone(&log);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (log, rng) = (Arc::clone(&shared), Arc::clone(&rng));
                thread::spawn(move || serve(stream, &log, &rng));
            }
        });
        FlakyArxiv { port, log }
    }

    fn api(&self) -> String {
        format!("http://127.0.0.1:{}/api/query", self.port)
    }

    fn requested_ids(&self) -> BTreeSet<String> {
        let log = self.log.lock().unwrap();
        log.requested.iter().flatten().cloned().collect()
    }
}

fn serve(mut stream: TcpStream, log: &Mutex<Log>, rng: &Mutex<Option<fastrand::Rng>>) {
    let mut request_line = String::new();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(n) if n > 2 => continue,
            _ => break,
        }
    }
    let target = request_line.split(' ').nth(1).unwrap_or("/");
    let url = url::Url::parse(&format!("http://mock{target}")).unwrap();
    let ids: Vec<String> = url
        .query_pairs()
        .find(|(k, _)| k == "id_list")
        .map(|(_, v)| v.split(',').map(str::to_string).collect())
        .unwrap_or_default();
    let behaviour = match rng.lock().unwrap().as_mut() {
        None => Behaviour::Answer,
        Some(rng) => match rng.u32(0..100) {
            0..50 => Behaviour::Answer,
            50..60 => Behaviour::SlowAnswer,
            60..75 => Behaviour::ServerError,
            75..82 => Behaviour::Hang,
            82..92 => Behaviour::CutConnection,
            _ => Behaviour::CutFeed,
        },
    };
    log.lock().unwrap().requested.push(ids.clone());
    let feed = feed(&ids);
    let respond = |stream: &mut TcpStream, status: &str, length: usize, body: &str| {
        let head = format!(
            "HTTP/1.1 {status}\r\ncontent-type: application/atom+xml; charset=utf-8\r\ncontent-length: {length}\r\nconnection: close\r\n\r\n"
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(body.as_bytes());
        let _ = stream.flush();
    };
    match behaviour {
        Behaviour::Answer | Behaviour::SlowAnswer => {
            if behaviour == Behaviour::SlowAnswer {
                thread::sleep(Duration::from_millis(150));
            }
            // Recorded before sending, so the client cannot see the feed before the log does.
            log.lock().unwrap().answered.extend(ids.iter().cloned());
            respond(&mut stream, "200 OK", feed.len(), &feed);
        }
        Behaviour::ServerError => respond(&mut stream, "503 Service Unavailable", 0, ""),
        Behaviour::Hang => thread::sleep(Duration::from_secs_f64(TIMEOUT_SECS * 2.0)),
        Behaviour::CutConnection => {
            let half = &feed[..feed.len() / 2];
            respond(&mut stream, "200 OK", feed.len(), half);
        }
        Behaviour::CutFeed => {
            let half = &feed[..feed.len() / 2];
            respond(&mut stream, "200 OK", half.len(), half);
        }
    }
}

/// An arXiv answer in the 2025 layout: one entry per id, with a recognisable abstract.
fn feed(ids: &[String]) -> String {
    let mut xml = String::from(
        r#"<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
"#,
    );
    xml.push_str(&format!(
        "<opensearch:totalResults>{}</opensearch:totalResults>\n",
        ids.len()
    ));
    for id in ids {
        xml.push_str(&format!(
            "<entry><id>http://arxiv.org/abs/{id}v1</id><title>Soak Paper {id}</title>\
             <summary>Abstract of {id}</summary><published>2023-01-02T00:00:00Z</published>\
             <updated>2023-01-02T00:00:00Z</updated><category term=\"cs.CV\" scheme=\"http://arxiv.org/schemas/atom\"/>\
             <arxiv:primary_category term=\"cs.CV\"/><author><name>Ada Lovelace</name></author></entry>\n"
        ));
    }
    xml.push_str("</feed>\n");
    xml
}

fn ids() -> Vec<String> {
    (0..IDS)
        .map(|i| format!("2301.{:05}", 10_000 + i))
        .collect()
}

fn write_list(dir: &Path) -> std::path::PathBuf {
    let mut md = String::from("# Soak\n\n## Papers\n\n");
    for id in ids() {
        md.push_str(&format!(
            "- Soak Paper {id}. [[paper](https://arxiv.org/abs/{id})]\n"
        ));
    }
    let path = dir.join("soak.md");
    std::fs::write(&path, md).unwrap();
    path
}

/// Runs `mdbib export` as a child process; returns (exit code, stdout, stderr).
fn export(api: &str, list: &Path, cache: &Path) -> std::process::Output {
    mdbib(cache)
        .arg("export")
        .arg(list)
        .args([
            "--format",
            "csv",
            "--arxiv-delay",
            "0",
            "--batch-size",
            "10",
        ])
        .args([
            "--max-retries",
            "4",
            "--retry-backoff",
            "0.02",
            "--no-title-search",
        ])
        .arg("--timeout")
        .arg(TIMEOUT_SECS.to_string())
        .arg("--arxiv-api")
        .arg(api)
        .arg("--cache-dir")
        .arg(cache)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap()
}

/// The ids whose row carries the mock's abstract, i.e. that were enriched.
fn enriched(out: &std::process::Output) -> BTreeSet<String> {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (arxiv, abstract_col) = (col("arxiv"), col("abstract"));
    let mut rows = 0;
    let mut done = BTreeSet::new();
    for row in reader.records() {
        let row = row.unwrap();
        rows += 1;
        let id = row[arxiv].strip_prefix("arXiv:").unwrap_or_default();
        if row[abstract_col] == format!("Abstract of {id}") {
            done.insert(id.to_string());
        }
    }
    assert_eq!(rows, IDS, "every entry is written, enriched or not");
    done
}

#[test]
fn flaky_arxiv_bounded_run_consistent_cache_and_concurrent_processes() {
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let list = write_list(dir.path());
    let cache = dir.path().join("cache");

    // 1. A flaky mock: the run ends, exit 0, and exactly the answered ids are enriched.
    let flaky = FlakyArxiv::start(Some(20261129));
    let first = enriched(&export(&flaky.api(), &list, &cache));
    let answered = flaky.log.lock().unwrap().answered.clone();
    let requests = flaky.log.lock().unwrap().requested.len();
    assert!(requests >= IDS / 10, "{requests} requests");
    assert!(
        !answered.is_empty() && answered.len() < IDS,
        "the seed makes some batches fail for good: {}",
        answered.len()
    );
    assert_eq!(first, answered, "enriched == answered in full");

    // 2. A healthy mock: only what is missing is asked for, and then everything is enriched.
    let healthy = FlakyArxiv::start(None);
    let second = enriched(&export(&healthy.api(), &list, &cache));
    let all: BTreeSet<String> = ids().into_iter().collect();
    let missing: BTreeSet<String> = all.difference(&answered).cloned().collect();
    assert_eq!(healthy.requested_ids(), missing);
    assert_eq!(second, all);

    // 3. Two processes, one fresh cache, the flaky mock again: both succeed and agree with it.
    let shared = dir.path().join("shared-cache");
    let flaky = FlakyArxiv::start(Some(7));
    let (api, list_a, cache_a) = (flaky.api(), list.clone(), shared.clone());
    let a = thread::spawn(move || export(&api, &list_a, &cache_a));
    let b = export(&flaky.api(), &list, &shared);
    let a = a.join().unwrap();
    let (done_a, done_b) = (enriched(&a), enriched(&b));
    let answered = flaky.log.lock().unwrap().answered.clone();
    assert!(done_a.is_subset(&answered) && done_b.is_subset(&answered));
    // The shared cache holds what either run got: a healthy run asks for nothing else.
    let healthy = FlakyArxiv::start(None);
    let third = enriched(&export(&healthy.api(), &list, &shared));
    assert_eq!(third, all);
    let refetched = healthy.requested_ids();
    assert!(
        refetched.is_disjoint(&answered),
        "cached answers were fetched again: {:?}",
        refetched.intersection(&answered).collect::<Vec<_>>()
    );

    assert!(
        started.elapsed() < Duration::from_secs(100),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn retry_flags_reject_nonsense() {
    let dir = tempfile::tempdir().unwrap();
    for bad in [
        ["--timeout", "-1"],
        ["--timeout", "NaN"],
        ["--retry-backoff", "1e9"],
        ["--max-retries", "-2"],
    ] {
        mdbib(dir.path())
            .args(["export", "--no-enrich"])
            .args(bad)
            .assert()
            .code(2);
    }
}
