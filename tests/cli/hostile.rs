//! Hostile inputs: oversized files, deep nesting, XML bombs and lists that point at local
//! addresses. mdbib refuses or survives each one, and never talks to anything but its APIs.

use crate::common::{fixture, mdbib};
use predicates::prelude::*;
use std::net::TcpListener;
use std::process::Output;
use std::time::Duration;

/// Runs `mdbib export --no-enrich` on `markdown` written to a file; returns the output.
fn export_text(markdown: &str) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("hostile.md");
    std::fs::write(&list, markdown).unwrap();
    mdbib(dir.path())
        .args(["export", "--no-enrich", "--quiet"])
        .arg(&list)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap()
}

/// The process ended by itself (not by a signal such as SIGSEGV from a stack overflow, nor by the
/// timeout), without a panic, and read the file.
fn assert_survived(out: &Output) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "status {:?}: {stderr}",
        out.status
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("overflow"), "{stderr}");
}

#[test]
fn file_over_the_size_limit_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("huge-list.md");
    // A sparse file: its size says 256 MiB + 1 without taking the disk space.
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(mdbib::read::limit::MAX_INPUT_BYTES + 1)
        .unwrap();
    mdbib(dir.path())
        .args(["export", "--no-enrich"])
        .arg(&big)
        .timeout(Duration::from_secs(30))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "huge-list.md: input larger than 268435456 bytes",
        ))
        .stderr(predicate::str::is_match("^mdbib: error: [^\n]*\n$").unwrap());
    // `check` refuses it the same way, even when asked for the exit code alone.
    mdbib(dir.path())
        .args(["check", "-q", "--strict"])
        .arg(&big)
        .timeout(Duration::from_secs(30))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "huge-list.md: input larger than 268435456 bytes",
        ));
}

#[test]
fn deeply_nested_block_quotes_do_not_overflow_the_stack() {
    let md = format!(
        "{}[Deep Quote Title](https://arxiv.org/abs/2210.10163)\n",
        "> ".repeat(100_000)
    );
    assert_survived(&export_text(&md));
}

#[test]
fn deeply_nested_lists_do_not_overflow_the_stack() {
    let one_line = format!("{}Deep List Title. EMNLP 2022.\n", "- ".repeat(100_000));
    let out = export_text(&one_line);
    assert_survived(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Deep List Title"));

    // Indented nesting, one level per line, as deep as a 30 MB file allows.
    let mut indented = String::new();
    for level in 0..5_000 {
        indented.push_str(&" ".repeat(level * 2));
        indented.push_str("- Paper at depth ");
        indented.push_str(&level.to_string());
        indented.push('\n');
    }
    assert_survived(&export_text(&indented));
}

#[test]
fn deeply_nested_inline_markup_does_not_overflow_the_stack() {
    let md = format!(
        "- {}{}{}\n- {}Title{}\n- {}x\n",
        "*".repeat(50_000),
        "Emphasis",
        "*".repeat(50_000),
        "[".repeat(50_000),
        "](https://example.org)".repeat(50_000),
        "<b>".repeat(50_000),
    );
    assert_survived(&export_text(&md));
}

/// 100,000 nested parentheses in a malformed link end up in the title; every writer handles them
/// (the BibTeX writer's capital protection once counted them again for each `)`).
#[test]
fn deeply_nested_parentheses_in_a_title_are_written() {
    let n = 100_000;
    let md = format!(
        "- Title [paper]({}x{}) CVPR 2022\n",
        "(".repeat(n),
        ")".repeat(n)
    );
    let out = export_text(&md);
    assert_survived(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("x{}", ")".repeat(n))));
}

#[test]
fn billion_laughs_is_neither_expanded_nor_slow() {
    let mut dtd = String::from("<!ENTITY lol0 \"lol\">\n");
    for i in 1..10 {
        dtd.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">\n",
            format!("&lol{};", i - 1).repeat(10)
        ));
    }
    let xml = format!(
        r#"<?xml version="1.0"?>
<!DOCTYPE feed [
{dtd}]>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry>
    <id>http://arxiv.org/abs/2210.10163v1</id>
    <title>&lol9;</title>
    <summary>&lol9;&lol9;</summary>
  </entry>
</feed>"#
    );
    // Expanded, this would be 10^9 "lol"s (3 GB); not expanded, it stays as written.
    let feed = mdbib::enrich::atom::parse_feed(&xml).unwrap();
    assert_eq!(feed.entries[0].title, "&lol9;");
    assert_eq!(feed.entries[0].summary, "&lol9;&lol9;");
}

#[test]
fn external_entities_are_never_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "TOP-SECRET").unwrap();
    let xml = format!(
        r#"<?xml version="1.0"?>
<!DOCTYPE feed [
  <!ENTITY xxe SYSTEM "file://{}">
  <!ENTITY % remote SYSTEM "file://{}">
  %remote;
]>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry>
    <id>http://arxiv.org/abs/2210.10163v1</id>
    <title>&xxe;</title>
    <summary>s</summary>
    <link title="doi" href="&xxe;"/>
  </entry>
</feed>"#,
        secret.display(),
        secret.display()
    );
    let feed = mdbib::enrich::atom::parse_feed(&xml).unwrap();
    let debug = format!("{feed:?}");
    assert!(!debug.contains("TOP-SECRET"), "{debug}");
    assert_eq!(feed.entries[0].title, "&xxe;");
}

#[test]
fn an_undeclared_entity_bomb_in_the_body_is_not_expanded() {
    // No DTD at all, an entity reference repeated a million times: read as text, linearly.
    let xml = format!(
        r#"<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2210.10163v1</id><title>{}</title><summary>s</summary></entry></feed>"#,
        "&lol;".repeat(1_000_000)
    );
    let feed = mdbib::enrich::atom::parse_feed(&xml).unwrap();
    assert_eq!(feed.entries[0].title.len(), "&lol;".len() * 1_000_000);
}

#[test]
fn links_to_local_and_private_addresses_cause_no_request() {
    // A listener standing for a local service that a list points at.
    let local = TcpListener::bind("127.0.0.1:0").unwrap();
    local.set_nonblocking(true).unwrap();
    let port = local.local_addr().unwrap().port();
    let md = format!(
        "# Local links\n\n## Papers\n\n\
         - MedCLIP: Contrastive Learning from Unpaired Medical Images and Text. EMNLP 2022. [[paper](http://127.0.0.1:{port}/abs/2210.10163)] [[code](http://localhost:{port}/code)]\n\
         - A Paper Served From Loopback. [[pdf](http://127.0.0.1:{port}/paper.pdf)]\n\
         - A Paper On The Disk. [[pdf](file:///etc/passwd)] [[project](http://[::1]:{port}/)]\n\
         - A Paper Inside The Network. [[paper](http://10.0.0.1/x.pdf)] [[code](http://192.168.1.1/)] [[data](http://169.254.169.254/latest/meta-data/)]\n\
         - Paper: http://127.0.0.1:{port}/bare-url\n\
         - RadGraph: Extracting Clinical Entities and Relations from Radiology Reports. [[paper](https://arxiv.org/abs/2106.14463)]\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("local-links.md");
    std::fs::write(&list, md).unwrap();

    // The configured arXiv API: a different loopback server, which is allowed to be asked.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let api = rt.block_on(wiremock::MockServer::start());
    let feed = std::fs::read_to_string(fixture("arxiv/seed-new.xml")).unwrap();
    rt.block_on(
        wiremock::Mock::given(wiremock::matchers::method("GET"))
            .respond_with(wiremock::ResponseTemplate::new(200).set_body_string(feed))
            .mount(&api),
    );

    for format in ["bibtex", "csljson", "csv"] {
        mdbib(dir.path())
            .arg("export")
            .arg(&list)
            .args(["--format", format, "--arxiv-delay", "0", "--cache-dir"])
            .arg(dir.path().join(format!("cache-{format}")))
            .arg("--arxiv-api")
            .arg(format!("{}/api/query", api.uri()))
            .timeout(Duration::from_secs(60))
            .assert()
            .success()
            .stdout(predicate::str::contains(format!("127.0.0.1:{port}")));
    }
    let asked = rt.block_on(api.received_requests()).unwrap_or_default();
    assert!(!asked.is_empty(), "the configured API was asked");
    match local.accept() {
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        Err(e) => panic!("listener failed: {e}"),
        Ok((_, from)) => panic!("mdbib connected to a URL from the list (from {from})"),
    }
}
