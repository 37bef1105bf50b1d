//! Crossref, Semantic Scholar and DataCite against loopback mocks that serve the project's
//! fixtures (fixtures/crossref, fixtures/s2, fixtures/datacite) the way the services answer.

use crate::common::{fixture, mdbib, seed, MockApi};
use crate::enrich::MockArxiv;
use std::path::Path;
use std::time::Duration;
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, Request, ResponseTemplate};

/// One loopback server for the three services (their paths do not overlap).
struct Services(MockApi);

impl Services {
    /// Crossref, Semantic Scholar and DataCite answering from the fixtures.
    fn start() -> Self {
        let services = Services(MockApi::start());
        services.0.mount(
            Mock::given(method("GET"))
                .and(path_regex("^/works/"))
                .respond_with(crossref),
        );
        services.0.mount(
            Mock::given(method("POST"))
                .and(path("/graph/v1/paper/batch"))
                .respond_with(s2_batch),
        );
        services.0.mount(
            Mock::given(method("GET"))
                .and(path_regex("^/dois/"))
                .respond_with(datacite),
        );
        services
    }

    /// Every request to `prefix` answers `template` instead (mounted with a higher priority).
    fn fail(&self, prefix: &str, template: ResponseTemplate) {
        self.0.mount(
            Mock::given(path_regex(format!("^{prefix}")))
                .respond_with(template)
                .with_priority(1),
        );
    }

    fn requests_to(&self, prefix: &str) -> Vec<Request> {
        self.0
            .requests()
            .into_iter()
            .filter(|r| r.url.path().starts_with(prefix))
            .collect()
    }
}

/// Crossref: the fixture named after the DOI, else its plain-text 404.
fn crossref(request: &Request) -> ResponseTemplate {
    let doi = request.url.path()["/works/".len()..].replace("%2F", "/");
    let file = fixture(&format!("crossref/works_{}.json", doi.replace('/', "_")));
    match std::fs::read_to_string(file) {
        Ok(body) => ResponseTemplate::new(200)
            .insert_header("content-type", "application/json")
            .set_body_string(body),
        Err(_) => ResponseTemplate::new(404)
            .insert_header("content-type", "text/plain")
            .set_body_string(read("crossref/works_404.txt")),
    }
}

/// Semantic Scholar: an array aligned with the ids asked for, `null` for ids it does not know.
fn s2_batch(request: &Request) -> ResponseTemplate {
    let known: Vec<serde_json::Value> = serde_json::from_str(&read("s2/batch-seed.json")).unwrap();
    let asked: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    let answer: Vec<serde_json::Value> = asked["ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| {
            let id = id.as_str().unwrap().trim_start_matches("ARXIV:");
            known
                .iter()
                .find(|p| p["externalIds"]["ArXiv"] == id)
                .cloned()
                .unwrap_or(serde_json::Value::Null)
        })
        .collect();
    ResponseTemplate::new(200).set_body_json(answer)
}

/// DataCite: the fixture named after the DOI, else its JSON:API 404.
fn datacite(request: &Request) -> ResponseTemplate {
    let doi = request.url.path()["/dois/".len()..]
        .replace("%2F", "/")
        .to_lowercase();
    let file = fixture(&format!("datacite/dois_{}.json", doi.replace('/', "_")));
    match std::fs::read_to_string(file) {
        Ok(body) => ResponseTemplate::new(200).set_body_string(body),
        Err(_) => ResponseTemplate::new(404).set_body_string(read("datacite/not-found.json")),
    }
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(fixture(rel)).unwrap()
}

/// Runs `mdbib export` on the seed against the mocks; returns (stdout, stderr). `--retry-time 2`
/// keeps a failing service to about two seconds.
fn export(
    arxiv: &MockArxiv,
    services: &Services,
    cache: &Path,
    extra: &[&str],
) -> (String, String) {
    let out = mdbib(cache)
        .env("MDBIB_S2_API_KEY", "test-key")
        .env("MDBIB_MAILTO", "lists@example.org")
        .arg("export")
        .arg(seed())
        .args(["--arxiv-delay", "0", "--retry-time", "2", "--arxiv-api"])
        .arg(arxiv.api())
        .arg("--crossref-api")
        .arg(services.0.uri())
        .arg("--s2-api")
        .arg(services.0.uri())
        .arg("--datacite-api")
        .arg(services.0.uri())
        .arg("--cache-dir")
        .arg(cache)
        .args(extra)
        .timeout(Duration::from_secs(90))
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

/// The entry whose key starts with `key`, up to its closing brace.
fn entry<'a>(bibtex: &'a str, key: &str) -> &'a str {
    let start = bibtex
        .find(&format!("{{{key}"))
        .unwrap_or_else(|| panic!("no entry {key} in {bibtex}"));
    let start = bibtex[..start].rfind('@').unwrap();
    let end = bibtex[start..].find("\n}").unwrap() + start;
    &bibtex[start..end]
}

#[test]
fn published_versions_and_springer_metadata_then_everything_from_the_cache() {
    let arxiv = MockArxiv::start();
    arxiv.id_list(200, "seed-new.xml", None);
    arxiv.title_search();
    let services = Services::start();
    let cache = tempfile::tempdir().unwrap();

    let (first, stderr) = export(&arxiv, &services, cache.path(), &[]);
    insta::assert_snapshot!("seed_published_bibtex", first);

    // Preprints with a published version: the publisher's DOI, the venue, and the eprint kept.
    let lvit = entry(&first, "li2024lvit");
    assert!(lvit.starts_with("@article"), "{lvit}");
    assert!(lvit.contains("journal = {IEEE Transactions on Medical Imaging}"));
    assert!(lvit.contains("doi = {10.1109/TMI.2023.3291719}"));
    assert!(lvit.contains("eprint = {2206.14718}"));
    let medclip = entry(&first, "wang2022medclip");
    assert!(medclip.starts_with("@inproceedings"), "{medclip}");
    assert!(medclip.contains("doi = {10.18653/v1/2022.emnlp-main.256}"));
    assert!(medclip.contains("eprint = {2210.10163}"));
    assert!(medclip.contains("pages = {3876--3887}"));
    // The published version's date (Crossref), not the preprint's.
    assert!(lvit.contains("year = {2024}"), "{lvit}");
    assert!(lvit.contains("month = jan"), "{lvit}");
    // S2 reports arXiv itself as the venue of some preprints: they stay preprints.
    assert!(entry(&first, "qin2022medical").starts_with("@misc"));
    // The Springer-linked entries: authors and booktitles from Crossref.
    let eccv = entry(&first, "muller2022joint");
    assert!(eccv.contains("author = {M"), "{eccv}");
    assert!(eccv.contains("ECCV 2022}"), "{eccv}");
    let miccai = entry(&first, "liao2021multimodal");
    assert!(
        miccai.contains("Liao, Ruizhi and Moyer, Daniel"),
        "{miccai}"
    );
    assert!(miccai.contains("MICCAI 2021}"), "{miccai}");

    assert!(
        stderr.contains(
            "19 entries: 13 from arXiv (0 cached), 1 matched by title, \
             5 from Crossref (0 cached), 11 from Semantic Scholar (0 cached), \
             0 from DataCite (0 cached), 3 published versions, 3 not enriched"
        ),
        "{stderr}"
    );
    // The year S2 gives for the Nature Machine Intelligence paper and for ConVIRT (MLHC 2022)
    // differs from the list's: recorded and counted, the list's kept.
    assert!(
        stderr.contains("2 values from Crossref, Semantic Scholar or DataCite disagreed"),
        "{stderr}"
    );
    assert!(!stderr.contains("could not be reached"), "{stderr}");

    // The requests were made as the services ask.
    let batches = services.requests_to("/graph/v1/paper/batch");
    assert_eq!(batches.len(), 1, "one Semantic Scholar batch");
    assert_eq!(
        batches[0]
            .headers
            .get("x-api-key")
            .unwrap()
            .to_str()
            .unwrap(),
        "test-key"
    );
    assert!(batches[0]
        .url
        .query()
        .unwrap()
        .contains("fields=externalIds"));
    let works = services.requests_to("/works/");
    assert!(works
        .iter()
        .any(|r| r.url.path() == "/works/10.1007%2F978-3-031-19809-0_39"));
    assert!(works.iter().all(|r| r
        .url
        .query_pairs()
        .any(|(k, v)| k == "mailto" && v == "lists@example.org")));
    assert!(
        services.requests_to("/dois/").is_empty(),
        "DataCite is only asked when arXiv fails"
    );

    // The second run asks nothing and writes the same.
    let before = (arxiv.requests().len(), services.0.requests().len());
    let (second, stderr) = export(&arxiv, &services, cache.path(), &[]);
    assert_eq!(
        (arxiv.requests().len(), services.0.requests().len()),
        before,
        "the second run makes no request"
    );
    assert!(stderr.contains("5 from Crossref (5 cached)"), "{stderr}");
    assert_eq!(first, second);
}

#[test]
fn prefer_preprint_keeps_preprints_as_they_were() {
    let arxiv = MockArxiv::start();
    arxiv.id_list(200, "seed-new.xml", None);
    let services = Services::start();
    let cache = tempfile::tempdir().unwrap();
    let (out, stderr) = export(
        &arxiv,
        &services,
        cache.path(),
        &["--prefer", "preprint", "--no-title-search"],
    );
    let lvit = entry(&out, "li2022lvit");
    assert!(lvit.starts_with("@misc"), "{lvit}");
    assert!(!lvit.contains("doi ="), "{lvit}");
    assert!(stderr.contains("0 published versions"), "{stderr}");
    // DOI-only entries are no preprints: they still get their metadata.
    assert!(entry(&out, "liao2021multimodal").contains("Liao, Ruizhi"));
}

#[test]
fn datacite_stands_in_when_arxiv_keeps_refusing() {
    let arxiv = MockArxiv::start();
    arxiv.id_list(503, "empty.xml", None);
    let services = Services::start();
    let cache = tempfile::tempdir().unwrap();
    let (out, stderr) = export(
        &arxiv,
        &services,
        cache.path(),
        &["--no-title-search", "--sources", "arxiv,datacite"],
    );
    assert!(stderr.contains("arXiv could not be reached"), "{stderr}");
    assert!(stderr.contains("1 from DataCite (0 cached)"), "{stderr}");
    assert_eq!(services.requests_to("/dois/").len(), 13);
    assert!(services
        .requests_to("/dois/")
        .iter()
        .any(|r| r.url.path() == "/dois/10.48550%2FarXiv.2210.10163"));
    let medclip = entry(&out, "wang2022medclip");
    assert!(
        medclip.contains("author = {Wang, Zifeng and Wu, Zhenbang"),
        "{medclip}"
    );
    assert!(
        services.requests_to("/works/").is_empty(),
        "not a chosen source"
    );
}

/// A 404 that is not the service's own, a 429 and a timeout each give a warning and a complete
/// export, exit 0, within the test's timeout.
fn check_failures(prefix: &str, label: &str, extra: &[&str]) {
    let failures = [
        ResponseTemplate::new(404).set_body_string("<html>Not Found</html>"),
        ResponseTemplate::new(429),
        ResponseTemplate::new(200).set_delay(Duration::from_secs(5)),
    ];
    for (i, template) in failures.into_iter().enumerate() {
        let arxiv = MockArxiv::start();
        arxiv.id_list(
            if prefix == "/dois/" { 503 } else { 200 },
            "seed-new.xml",
            None,
        );
        let services = Services::start();
        services.fail(prefix, template);
        let cache = tempfile::tempdir().unwrap();
        let (out, stderr) = export(&arxiv, &services, cache.path(), extra);
        assert!(
            stderr.contains(&format!("warning: {label} ")),
            "case {i}: {stderr}"
        );
        assert!(
            stderr.contains("the export was written"),
            "case {i}: {stderr}"
        );
        assert_eq!(out.matches("\n@").count() + 1, 19, "case {i}");
        assert!(!stderr.contains("panicked"));
        let asked = services.requests_to(prefix).len();
        assert!((1..=3).contains(&asked), "case {i}: {asked} requests");
    }
}

#[test]
fn crossref_failures_warn_and_still_write_the_export() {
    check_failures("/works/", "Crossref", &["--no-title-search"]);
}

#[test]
fn s2_failures_warn_and_still_write_the_export() {
    check_failures("/graph/", "Semantic Scholar", &["--no-title-search"]);
}

#[test]
fn datacite_failures_warn_and_still_write_the_export() {
    check_failures(
        "/dois/",
        "DataCite",
        &["--no-title-search", "--sources", "arxiv,datacite"],
    );
}

#[test]
fn strict_exits_3_when_a_service_failed() {
    let arxiv = MockArxiv::start();
    arxiv.id_list(200, "seed-new.xml", None);
    let services = Services::start();
    services.fail("/works/", ResponseTemplate::new(429));
    let cache = tempfile::tempdir().unwrap();
    mdbib(cache.path())
        .arg("export")
        .arg(seed())
        .args([
            "--strict",
            "--no-title-search",
            "--sources",
            "arxiv,crossref",
        ])
        .args(["--arxiv-delay", "0", "--retry-time", "2", "--arxiv-api"])
        .arg(arxiv.api())
        .arg("--crossref-api")
        .arg(services.0.uri())
        .arg("--cache-dir")
        .arg(cache.path())
        .assert()
        .code(3);
}

#[test]
fn unknown_source_is_a_usage_error() {
    let cache = tempfile::tempdir().unwrap();
    mdbib(cache.path())
        .args(["export", "--sources", "arxiv,pubmed"])
        .arg(seed())
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "unknown source `pubmed` (known: arxiv, crossref, s2, datacite)",
        ));
}

#[test]
fn offline_asks_no_service() {
    let arxiv = MockArxiv::start();
    let services = Services::start();
    let cache = tempfile::tempdir().unwrap();
    let (_, stderr) = export(&arxiv, &services, cache.path(), &["--offline"]);
    assert!(arxiv.requests().is_empty() && services.0.requests().is_empty());
    assert!(
        stderr.contains("and 19 of 19 entries are not enriched"),
        "{stderr}"
    );
}

#[test]
fn enriched_csljson_carries_the_published_details_and_stays_valid() {
    let arxiv = MockArxiv::start();
    arxiv.id_list(200, "seed-new.xml", None);
    let services = Services::start();
    let cache = tempfile::tempdir().unwrap();
    let (out, _) = export(
        &arxiv,
        &services,
        cache.path(),
        &["--format", "csljson", "--no-title-search"],
    );
    let items: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors = crate::common::csl_schema_errors(&items);
    assert!(errors.is_empty(), "{errors:#?}");
    let nmi = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["DOI"] == "10.1038/s42256-021-00425-9")
        .unwrap();
    assert_eq!(nmi["type"], "article-journal");
    assert_eq!(nmi["container-title"], "Nature Machine Intelligence");
    assert_eq!(
        (&nmi["volume"], &nmi["issue"], &nmi["page"]),
        (&"4".into(), &"1".into(), &"32-40".into())
    );
}
