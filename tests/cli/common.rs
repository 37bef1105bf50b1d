//! Helpers shared by the integration tests.

use assert_cmd::Command;
use std::path::PathBuf;

/// The project's fixture directory.
pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

/// The bundled example list.
pub fn seed() -> PathBuf {
    fixture("awesome-medical-vision-language.md")
}

/// `mdbib` with a private cache directory and no way to reach the real services: unless a test
/// passes `--arxiv-api`, `--crossref-api`, `--s2-api` or `--datacite-api`, requests go to a
/// closed loopback port.
pub fn mdbib(cache: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("mdbib").expect("binary built");
    cmd.env("MDBIB_ARXIV_API", "http://127.0.0.1:9/api/query")
        .env("MDBIB_CROSSREF_API", "http://127.0.0.1:9")
        .env("MDBIB_S2_API", "http://127.0.0.1:9")
        .env("MDBIB_DATACITE_API", "http://127.0.0.1:9")
        .env_remove("MDBIB_S2_API_KEY")
        .env_remove("MDBIB_MAILTO")
        .env("XDG_CACHE_HOME", cache)
        .env("HOME", cache);
    cmd
}

/// Runs `mdbib export ARGS...` without enrichment and returns stdout.
pub fn export_offline(args: &[&str]) -> String {
    let cache = tempfile::tempdir().expect("tempdir");
    let out = mdbib(cache.path())
        .arg("export")
        .arg("--no-enrich")
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// What the official CSL-JSON schema finds wrong with `items` (nothing when valid).
pub fn csl_schema_errors(items: &serde_json::Value) -> Vec<String> {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("schema/csl-data.json")).unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    validator
        .iter_errors(items)
        .map(|e| e.to_string())
        .collect()
}

/// A mock HTTP service on loopback, with the runtime that drives it. The tests run the blocking
/// `mdbib` binary while the runtime serves in its own threads.
pub struct MockApi {
    pub rt: tokio::runtime::Runtime,
    pub server: wiremock::MockServer,
}

impl MockApi {
    pub fn start() -> Self {
        let rt = tokio::runtime::Runtime::new().unwrap();
        let server = rt.block_on(wiremock::MockServer::start());
        MockApi { rt, server }
    }

    pub fn uri(&self) -> String {
        self.server.uri()
    }

    pub fn mount(&self, mock: wiremock::Mock) {
        self.rt.block_on(mock.mount(&self.server));
    }

    pub fn requests(&self) -> Vec<wiremock::Request> {
        self.rt
            .block_on(self.server.received_requests())
            .unwrap_or_default()
    }
}
