//! arXiv enrichment against a loopback mock of the arXiv API that serves the project's fixtures.

use crate::common::{fixture, mdbib, seed, MockApi};
use predicates::prelude::*;
use std::path::Path;
use wiremock::matchers::{method, path, query_param_contains};
use wiremock::{Mock, ResponseTemplate};

/// The 13 arXiv ids of the seed list.
const SEED_IDS: [&str; 13] = [
    "2301.04558",
    "2301.02228",
    "2210.06044",
    "2210.10163",
    "2209.15517",
    "2209.07098",
    "2111.03452",
    "2112.13906",
    "2103.16022",
    "2010.00747",
    "2206.14718",
    "2211.12737",
    "2210.04133",
];

/// A mock arXiv API on loopback.
pub(crate) struct MockArxiv(pub(crate) MockApi);

impl MockArxiv {
    pub(crate) fn start() -> Self {
        MockArxiv(MockApi::start())
    }

    pub(crate) fn api(&self) -> String {
        format!("{}/api/query", self.0.uri())
    }

    fn body(name: &str) -> String {
        std::fs::read_to_string(fixture(&format!("arxiv/{name}"))).unwrap()
    }

    /// Serves `file` for id lists, with `status`, at most `times` times (then falls through).
    pub(crate) fn id_list(&self, status: u16, file: &str, times: Option<u64>) {
        let mut mock = Mock::given(method("GET"))
            .and(path("/api/query"))
            .and(query_param_contains("id_list", "."))
            .respond_with(
                ResponseTemplate::new(status)
                    .insert_header("content-type", "application/atom+xml; charset=utf-8")
                    .set_body_string(Self::body(file)),
            );
        if let Some(n) = times {
            mock = mock.up_to_n_times(n).with_priority(1);
        }
        self.0.mount(mock);
    }

    /// Title searches: SCEHR is found, everything else gets an empty feed.
    pub(crate) fn title_search(&self) {
        let scehr = Mock::given(method("GET"))
            .and(query_param_contains("search_query", "scehr"))
            .respond_with(
                ResponseTemplate::new(200).set_body_string(Self::body("title-search-scehr.xml")),
            )
            .with_priority(1);
        let other = Mock::given(method("GET"))
            .and(query_param_contains("search_query", "ti:"))
            .respond_with(ResponseTemplate::new(200).set_body_string(Self::body("empty.xml")))
            .with_priority(2);
        self.0.mount(scehr);
        self.0.mount(other);
    }

    pub(crate) fn requests(&self) -> Vec<wiremock::Request> {
        self.0.requests()
    }

    fn id_list_requests(&self) -> Vec<String> {
        self.requests()
            .iter()
            .filter_map(|r| {
                r.url
                    .query_pairs()
                    .find(|(k, _)| k == "id_list")
                    .map(|(_, v)| v.into_owned())
            })
            .collect()
    }
}

/// Runs `mdbib export` on the seed against `api` with cache `cache`; returns (stdout, stderr).
pub fn export(api: &str, cache: &Path, format: &str, extra: &[&str]) -> (String, String) {
    let out = mdbib(cache)
        .arg("export")
        .arg(seed())
        .args([
            "--format",
            format,
            "--arxiv-delay",
            "0",
            "--arxiv-api",
            api,
            "--cache-dir",
        ])
        .arg(cache)
        .args(extra)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn seed_is_enriched_with_one_id_list_request_then_from_the_cache() {
    let mock = MockArxiv::start();
    mock.id_list(200, "seed-new.xml", None);
    mock.title_search();
    let cache = tempfile::tempdir().unwrap();

    let (first, stderr) = export(&mock.api(), cache.path(), "bibtex", &[]);
    let lists = mock.id_list_requests();
    assert_eq!(lists.len(), 1, "one id_list request: {lists:?}");
    let mut sent: Vec<&str> = lists[0].split(',').collect();
    sent.sort_unstable();
    let mut expected = SEED_IDS.to_vec();
    expected.sort_unstable();
    assert_eq!(sent, expected);
    let max_results = mock.requests()[0]
        .url
        .query_pairs()
        .find(|(k, _)| k == "max_results")
        .map(|(_, v)| v.into_owned());
    assert_eq!(max_results.as_deref(), Some("13"));
    assert!(
        stderr.contains(
            "19 entries: 13 from arXiv (0 cached), 1 matched by title, 0 from Crossref (0 cached)"
        ) && stderr.contains(", 5 not enriched"),
        "{stderr}"
    );
    // Authors, DOI and journal reference arrived; the list's venue kept the entry type.
    assert!(first.contains("@inproceedings{wang2022medclip,"), "{first}");
    assert!(
        first.contains("author = {Wang, Zifeng and Wu, Zhenbang"),
        "{first}"
    );
    assert!(first.contains("primaryclass = {"));
    assert!(first.contains("doi = {10.1038/s42256-021-00425-9}"));
    assert!(mock.requests().iter().all(|r| r
        .headers
        .get("user-agent")
        .is_some_and(|ua| ua.to_str().unwrap_or("").starts_with("mdbib/"))));

    let before = mock.requests().len();
    let (second, stderr) = export(&mock.api(), cache.path(), "bibtex", &[]);
    assert_eq!(
        mock.requests().len(),
        before,
        "the second run makes no request"
    );
    assert!(stderr.contains("13 from arXiv (13 cached)"), "{stderr}");
    assert_eq!(first, second);

    let (offline, _) = export(
        "http://127.0.0.1:9/api/query",
        cache.path(),
        "bibtex",
        &["--offline"],
    );
    assert_eq!(
        first, offline,
        "--offline gives the enriched output from the cache"
    );
}

#[test]
fn two_503_answers_then_success_still_enrich_everything() {
    let mock = MockArxiv::start();
    mock.id_list(503, "empty.xml", Some(2));
    mock.id_list(200, "seed-new.xml", None);
    let cache = tempfile::tempdir().unwrap();
    let (_, stderr) = export(&mock.api(), cache.path(), "csv", &["--no-title-search"]);
    assert!(stderr.contains("13 from arXiv"), "{stderr}");
    assert_eq!(mock.id_list_requests().len(), 3);
}

#[test]
fn old_and_new_layouts_give_the_same_references() {
    let outputs: Vec<String> = ["seed-old.xml", "seed-new.xml"]
        .iter()
        .map(|file| {
            let mock = MockArxiv::start();
            mock.id_list(200, file, None);
            let cache = tempfile::tempdir().unwrap();
            export(&mock.api(), cache.path(), "csljson", &["--no-title-search"]).0
        })
        .collect();
    assert!(outputs[0].contains("\"abstract\""));
    assert_eq!(outputs[0], outputs[1]);
}

/// A broken answer, a refused connection and an error feed each give a warning, a complete export
/// of what is known, exit 0, and within the test's timeout.
#[test]
fn failures_warn_and_still_write_the_export() {
    for (status, file) in [(200, "truncated.xml"), (400, "error-400.xml")] {
        let mock = MockArxiv::start();
        mock.id_list(status, file, None);
        let cache = tempfile::tempdir().unwrap();
        let (out, stderr) = export(&mock.api(), cache.path(), "bibtex", &["--no-title-search"]);
        assert!(stderr.contains("warning:"), "{file}: {stderr}");
        assert!(
            stderr.contains("19 entries: 0 from arXiv"),
            "{file}: {stderr}"
        );
        assert_eq!(out.matches("\n@").count() + 1, 19, "{file}");
        assert!(!stderr.contains("panicked"));
    }
    // Nothing listens on a port just released.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let cache = tempfile::tempdir().unwrap();
    let api = format!("http://127.0.0.1:{port}/api/query");
    let (out, stderr) = export(&api, cache.path(), "bibtex", &[]);
    assert!(stderr.contains("arXiv could not be reached"), "{stderr}");
    assert!(stderr.contains("19 of 19 entries not enriched"), "{stderr}");
    assert_eq!(out.matches("\n@").count() + 1, 19);
}

#[test]
fn strict_exits_3_when_entries_are_left_unenriched() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let cache = tempfile::tempdir().unwrap();
    mdbib(cache.path())
        .arg("export")
        .arg(seed())
        .args(["--strict", "--arxiv-delay", "0", "--cache-dir"])
        .arg(cache.path())
        .arg("--arxiv-api")
        .arg(format!("http://127.0.0.1:{port}/api/query"))
        .assert()
        .code(3)
        .stdout(predicate::str::contains("@inproceedings"));
}

#[test]
fn offline_never_connects() {
    let mock = MockArxiv::start();
    mock.id_list(200, "seed-new.xml", None);
    let cache = tempfile::tempdir().unwrap();
    let (_, stderr) = export(&mock.api(), cache.path(), "csv", &["--offline"]);
    assert!(mock.requests().is_empty());
    assert!(
        stderr.contains("lookups had no cached answer, and 19 of 19 entries are not enriched"),
        "{stderr}"
    );
}

/// `--strict` asks for every lookup answered, not for every entry found: an entry that arXiv
/// does not know, or a dataset (never looked up), is as complete as a run can make it. Offline,
/// a cached "not found" is an answer too.
#[test]
fn strict_passes_when_every_lookup_is_answered() {
    let mock = MockArxiv::start();
    mock.id_list(200, "seed-new.xml", None);
    mock.title_search();
    let cache = tempfile::tempdir().unwrap();
    let run = |api: &str, extra: &[&str]| {
        mdbib(cache.path())
            .arg("export")
            .arg(seed())
            .args([
                "--strict",
                "--sources",
                "arxiv",
                "--arxiv-delay",
                "0",
                "--cache-dir",
            ])
            .arg(cache.path())
            .arg("--arxiv-api")
            .arg(api)
            .args(extra)
            .output()
            .unwrap()
    };
    let out = run(&mock.api(), &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(", 5 not enriched"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let out = run("http://127.0.0.1:9/api/query", &["--offline"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("offline:"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

#[test]
fn refresh_fetches_again() {
    let mock = MockArxiv::start();
    mock.id_list(200, "seed-new.xml", None);
    let cache = tempfile::tempdir().unwrap();
    export(&mock.api(), cache.path(), "csv", &["--no-title-search"]);
    export(
        &mock.api(),
        cache.path(),
        "csv",
        &["--no-title-search", "--refresh"],
    );
    assert_eq!(mock.id_list_requests().len(), 2);
}

#[test]
fn corrupt_cache_is_rebuilt_with_a_warning() {
    let mock = MockArxiv::start();
    mock.id_list(200, "seed-new.xml", None);
    let cache = tempfile::tempdir().unwrap();
    std::fs::write(
        cache.path().join("cache.sqlite3"),
        b"this is not a database, not at all",
    )
    .unwrap();
    let (_, stderr) = export(&mock.api(), cache.path(), "csv", &["--no-title-search"]);
    assert!(
        stderr.contains("warning:") && stderr.contains("cache"),
        "{stderr}"
    );
    assert!(stderr.contains("13 from arXiv"), "{stderr}");
}

/// A table row that names only its first author (`et.al.`) keeps that mark until arXiv gives the
/// whole list, which then replaces the one name.
#[test]
fn a_list_cut_short_by_et_al_gets_the_whole_list_from_arxiv() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("daily.md");
    std::fs::write(
        &list,
        "## Medical\n\n|Publish Date|Title|Authors|PDF|Code|\n|---|---|---|---|---|\n\
         |**2022-10-18**|**MedCLIP: Contrastive Learning from Unpaired Medical Images and Text**\
         |Zifeng Wang et.al.|[2210.10163](http://arxiv.org/abs/2210.10163v1)|null|\n",
    )
    .unwrap();
    let run = |format: &str, extra: &[&str]| {
        let out = mdbib(dir.path())
            .args(["export", "-q", "--format", format, "--arxiv-delay", "0"])
            .arg(&list)
            .args(["--cache-dir"])
            .arg(dir.path().join("cache"))
            .args(extra)
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };

    let offline = run("bibtex", &["--no-enrich"]);
    assert!(
        offline.contains("author = {Wang, Zifeng and others},"),
        "{offline}"
    );
    let csv = run("csv", &["--no-enrich"]);
    assert!(csv.contains(",Zifeng Wang; et al.,"), "{csv}");
    let markdown = run("markdown", &["--no-enrich"]);
    assert!(
        markdown.contains(" — Zifeng Wang et al. — 2022"),
        "{markdown}"
    );
    let json: serde_json::Value = serde_json::from_str(&run("csljson", &["--no-enrich"])).unwrap();
    assert_eq!(
        json[0]["author"],
        serde_json::json!([{"family": "Wang", "given": "Zifeng"}])
    );

    let mock = MockArxiv::start();
    mock.id_list(200, "seed-new.xml", None);
    let enriched = run(
        "bibtex",
        &["--arxiv-api", &mock.api(), "--sources", "arxiv"],
    );
    assert!(
        enriched.contains(
            "author = {Wang, Zifeng and Wu, Zhenbang and Agarwal, Dinesh and Sun, Jimeng},"
        ),
        "{enriched}"
    );
    assert!(!enriched.contains("others"), "{enriched}");
}

/// An id that arXiv answers without (a typo in the list) is named in a warning with its line;
/// the export is still written.
#[test]
fn an_id_arxiv_does_not_know_is_named() {
    let mock = MockArxiv::start();
    mock.id_list(200, "seed-new.xml", None);
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("typo.md");
    std::fs::write(
        &list,
        "- MedCLIP. EMNLP 2022. [[paper](https://arxiv.org/abs/2210.10163)]\n\
         - A Paper With a Typo in Its Id. [[paper](https://arxiv.org/abs/2401.99999)]\n",
    )
    .unwrap();
    mdbib(dir.path())
        .args([
            "export",
            "-f",
            "csv",
            "--sources",
            "arxiv",
            "--no-title-search",
        ])
        .args(["--arxiv-delay", "0", "--arxiv-api", &mock.api()])
        .arg(&list)
        .assert()
        .success()
        .stdout(predicate::str::contains("A Paper With a Typo"))
        .stderr(predicate::str::contains(
            "typo.md:2: arXiv has no paper 2401.99999",
        ))
        .stderr(predicate::str::contains("typo.md:1:").not());
}

/// With `--out-dir`, a service that could not be reached for one input is not asked again for
/// the next: a firewall that drops packets costs one wait a run, not one a list.
#[test]
fn out_dir_asks_an_unreachable_service_once_a_run() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.md", "b.md"] {
        std::fs::copy(seed(), dir.path().join(name)).unwrap();
    }
    let cache = tempfile::tempdir().unwrap();
    let out = mdbib(cache.path())
        .arg("export")
        .arg(dir.path().join("a.md"))
        .arg(dir.path().join("b.md"))
        .args(["--arxiv-delay", "0", "--retry-backoff", "0", "--out-dir"])
        .arg(dir.path().join("out"))
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let again = "arXiv could not be reached (not asked again after failing for an earlier input)";
    assert_eq!(
        stderr.matches("arXiv could not be reached").count(),
        2,
        "{stderr}"
    );
    assert_eq!(stderr.matches(again).count(), 1, "{stderr}");
    assert!(dir.path().join("out/b.bib").exists());
}
