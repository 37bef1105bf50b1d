//! Bad input: one-line errors naming the file, non-zero exits, no panics, no lost files.

use crate::common::{fixture, mdbib, seed};
use predicates::prelude::*;

#[test]
fn missing_input_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    mdbib(dir.path())
        .args(["export", "--no-enrich", "no/such/list.md"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no/such/list.md"))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn invalid_utf8_names_file_line_and_byte() {
    let dir = tempfile::tempdir().unwrap();
    mdbib(dir.path())
        .args(["export", "--no-enrich"])
        .arg(fixture("markdown/invalid-utf8.md"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "invalid-utf8.md:4: invalid UTF-8 at byte 40",
        ));
}

#[test]
fn unknown_format_lists_the_known_ones() {
    let dir = tempfile::tempdir().unwrap();
    mdbib(dir.path())
        .args(["export", "--no-enrich", "--format", "docx"])
        .arg(seed())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "unknown format `docx` (known: bibtex, biblatex, csljson, csv, markdown, ris)",
        ));
}

#[test]
fn output_onto_an_input_is_refused_and_the_input_kept() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.md");
    std::fs::copy(seed(), &list).unwrap();
    let before = std::fs::read(&list).unwrap();
    mdbib(dir.path())
        .args(["export", "--no-enrich"])
        .arg(&list)
        .arg("-o")
        .arg(&list)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "refusing to overwrite an input file",
        ));
    assert_eq!(std::fs::read(&list).unwrap(), before);
}

#[test]
fn failed_run_leaves_previous_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("refs.bib");
    std::fs::write(&out, "previous").unwrap();
    mdbib(dir.path())
        .args(["export", "--no-enrich", "missing.md", "-o"])
        .arg(&out)
        .assert()
        .failure();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous");
}

#[test]
fn usage_error_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    mdbib(dir.path())
        .args(["export", "--no-such-flag"])
        .assert()
        .code(2);
}
