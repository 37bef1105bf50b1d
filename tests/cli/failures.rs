//! Bad input: one-line errors naming the file, non-zero exits, no panics, no lost files.

use crate::common::{fixture, mdbib, seed};
use predicates::prelude::*;
use std::io::Read;
use std::process::Stdio;

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
            "unknown format `docx` (known: bibtex, biblatex, csljson, csv, markdown, ris, text, html)",
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

/// `--keymap`, `--template` and `--style` name files too: none of them may destroy an input, a
/// template or the output, and a keymap that cannot be written leaves the old output alone.
#[test]
fn no_file_the_run_reads_is_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.md");
    std::fs::copy(seed(), &list).unwrap();
    let listed = std::fs::read(&list).unwrap();
    let template = dir.path().join("t.j2");
    std::fs::write(&template, "{{ references | length }}").unwrap();
    let out = dir.path().join("refs.bib");
    std::fs::write(&out, "previous").unwrap();
    let missing_dir = dir.path().join("no-such-dir").join("keys.tsv");
    let runs: [(&[&std::ffi::OsStr], &str); 4] = [
        (
            &[list.as_ref(), "--keymap".as_ref(), list.as_ref()],
            "refusing to overwrite an input",
        ),
        (
            &[
                list.as_ref(),
                "-o".as_ref(),
                out.as_ref(),
                "--keymap".as_ref(),
                out.as_ref(),
            ],
            "also the output",
        ),
        (
            &[
                list.as_ref(),
                "-o".as_ref(),
                out.as_ref(),
                "--keymap".as_ref(),
                missing_dir.as_ref(),
            ],
            "no such directory",
        ),
        (
            &[
                list.as_ref(),
                "--template".as_ref(),
                template.as_ref(),
                "-o".as_ref(),
                template.as_ref(),
            ],
            "refusing to overwrite an input",
        ),
    ];
    for (args, message) in runs {
        mdbib(dir.path())
            .args(["export", "--no-enrich", "-q"])
            .args(args)
            .assert()
            .failure()
            .stderr(predicates::str::contains(message));
    }
    assert_eq!(std::fs::read(&list).unwrap(), listed);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous");
    assert_eq!(
        std::fs::read_to_string(&template).unwrap(),
        "{{ references | length }}"
    );
}

#[test]
fn usage_error_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    mdbib(dir.path())
        .args(["export", "--no-such-flag"])
        .assert()
        .code(2);
}

/// `mdbib ... | head`: a reader that stops early is no error, in every format and in `check`.
#[test]
fn a_closed_pipe_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("big.md");
    let lines: String = (0..5_000)
        .map(|i| format!("- Paper number {i} without any identifier. ICML 2020.\n"))
        .collect();
    std::fs::write(&list, lines).unwrap();
    let runs: [&[&str]; 6] = [
        &["export", "--no-enrich", "-f", "bibtex"],
        &["export", "--no-enrich", "-f", "csljson"],
        &["export", "--no-enrich", "-f", "csv"],
        &["export", "--no-enrich", "-f", "ris"],
        &["export", "--no-enrich", "-f", "markdown"],
        &["check"],
    ];
    for args in runs {
        let out = closing_stdout_early(
            std::process::Command::new(assert_cmd::cargo::cargo_bin("mdbib"))
                .env("XDG_CACHE_HOME", dir.path())
                .args(args)
                .arg(&list),
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("error"), "{args:?}: {stderr}");
    }
}

/// Runs `command`, reads 16 bytes of its standard output and closes it, long before the
/// output's end, as `| head` does; then waits for it.
fn closing_stdout_early(command: &mut std::process::Command) -> std::process::Output {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    child.wait_with_output().unwrap()
}

/// An error from the operating system is told once, not once more as its own cause.
#[test]
fn an_os_error_is_told_once() {
    let dir = tempfile::tempdir().unwrap();
    mdbib(dir.path())
        .args(["export", "--no-enrich", "no/such/list.md"])
        .assert()
        .code(1)
        .stderr(predicate::function(|e: &str| {
            e.lines().count() == 1 && e.matches("os error 2").count() == 1
        }));
}

/// A full disk under `completions` is a one-line error, not a panic.
#[test]
fn completions_report_a_failed_write() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // no /dev/full here
    };
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("mdbib"))
        .args(["completions", "bash"])
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("mdbib: error: ") && stderr.lines().count() == 1,
        "{stderr}"
    );
}

/// `check` on several files: one that cannot be read is named, the others are still checked,
/// and the exit code is 1.
#[test]
fn check_goes_on_past_an_unreadable_file() {
    let dir = tempfile::tempdir().unwrap();
    let lists = dir.path().join("lists");
    std::fs::create_dir(&lists).unwrap();
    std::fs::write(
        lists.join("a.md"),
        b"- Bad \xff title [x](https://arxiv.org/abs/2101.00001)\n",
    )
    .unwrap();
    std::fs::write(
        lists.join("b.md"),
        "- A Paper Without Any Identifier At All\n",
    )
    .unwrap();
    mdbib(dir.path())
        .arg("check")
        .arg(&lists)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("mdbib: error: "))
        .stderr(predicate::str::contains("a.md:1: invalid UTF-8"))
        .stdout(predicate::str::contains("b.md:1: no identifier"));
}

/// A usage error is one line, like every other error, and exits 2.
#[test]
fn a_usage_error_is_one_line() {
    let dir = tempfile::tempdir().unwrap();
    for (args, start) in [
        (
            &["export", "--foo"][..],
            "mdbib: error: unexpected argument '--foo' found",
        ),
        (
            &["completions"][..],
            "mdbib: error: the following required arguments were not provided: <SHELL>",
        ),
        (
            &["export", "--arxiv-delay", "NaN", "x.md"][..],
            "mdbib: error: invalid value 'NaN' for '--arxiv-delay <SECONDS>'",
        ),
        (
            &["export", "--retry-time", "1e9", "x.md"][..],
            "mdbib: error: invalid value '1e9' for '--retry-time <SECONDS>'",
        ),
    ] {
        mdbib(dir.path())
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::starts_with(start))
            .stderr(predicate::function(|e: &str| e.lines().count() == 1));
    }
}

/// No input named while standard input is a terminal is a usage error, not a silent wait for a
/// list to be typed. `script` gives the command a terminal.
#[test]
fn no_input_at_a_terminal_is_a_usage_error() {
    if !crate::toolchain::have("script") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("mdbib");
    let out = std::process::Command::new("script")
        .args([
            "-qec",
            &format!("{} export --no-enrich", bin.display()),
            "/dev/null",
        ])
        .env("XDG_CACHE_HOME", dir.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("mdbib: error: no input"), "{text}");
    assert_eq!(out.status.code(), Some(2), "{text}");
}

/// A service address that is no http(s) URL and a timeout of 0 are usage errors (exit 2), not
/// warnings after which the run would still succeed unenriched.
#[test]
fn bad_service_addresses_and_a_zero_timeout_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        ["--arxiv-api", "not a url"],
        ["--crossref-api", "file:///etc/passwd"],
        ["--s2-api", "ftp://example.org/x"],
        ["--timeout", "0"],
    ] {
        mdbib(dir.path())
            .arg("export")
            .args(args)
            .arg(seed())
            .assert()
            .code(2)
            .stderr(predicate::str::contains(args[0]));
    }
}

/// A `--keymap` that is a directory stops the run before the output is written.
#[test]
fn a_keymap_that_is_a_directory_stops_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("refs.bib");
    mdbib(dir.path())
        .args(["export", "--no-enrich", "-q", "--keymap"])
        .arg(dir.path())
        .arg("-o")
        .arg(&out)
        .arg(seed())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a directory"));
    assert!(!out.exists());
}

/// Ctrl-C while the output is being written: exit 130, the previous output as it was, and no
/// temporary file left beside it.
#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_the_old_output_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("big.md");
    let mut text =
        String::from("# Big\n\n## Papers\n\n|Date|Title|Authors|PDF|\n|---|---|---|---|\n");
    for i in 0..150_000 {
        text.push_str(&format!(
            "|2023-01-01|Paper Number {i} on Vision and Language|Ada Lovelace et.al.|[2301.{:05}](http://arxiv.org/abs/2301.{:05})|\n",
            i % 100_000,
            i % 100_000
        ));
    }
    std::fs::write(&list, text).unwrap();
    let out = dir.path().join("refs.bib");
    std::fs::write(&out, "old").unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("mdbib"))
        .args(["export", "--no-enrich", "-q", "-o"])
        .arg(&out)
        .arg(&list)
        .spawn()
        .unwrap();
    let temporary = || {
        std::fs::read_dir(dir.path())
            .unwrap()
            .any(|e| e.unwrap().file_name().to_string_lossy().starts_with(".tmp"))
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while !temporary()
        && child.try_wait().unwrap().is_none()
        && std::time::Instant::now() < deadline
    {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    if child.try_wait().unwrap().is_some() {
        return; // finished before it could be interrupted
    }
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
    assert!(!temporary(), "a temporary file was left");
}

/// A relative `$XDG_CACHE_HOME` is ignored (the XDG specification says so): the cache goes under
/// `$HOME/.cache`, not into whatever directory the run starts in.
#[test]
fn a_relative_xdg_cache_home_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let (work, home) = (dir.path().join("work"), dir.path().join("home"));
    std::fs::create_dir_all(&work).unwrap();
    std::fs::create_dir_all(&home).unwrap();
    mdbib(&home)
        .current_dir(&work)
        .env("XDG_CACHE_HOME", "relcache")
        .args(["export", "-q", "-f", "csv"])
        .arg(seed())
        .assert()
        .success();
    assert!(!work.join("relcache").exists());
    assert!(home.join(".cache/mdbib").is_dir());
}

/// `-o` and `--keymap` naming one new file, spelled two ways, are refused before anything is
/// written: the key map would replace the export.
#[test]
fn keymap_and_output_as_one_new_file_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    for (output, keymap) in [("new.bib", "new.bib"), ("sub/../new.bib", "./new.bib")] {
        mdbib(dir.path())
            .current_dir(dir.path())
            .args(["export", "--no-enrich", "-o", output, "--keymap", keymap])
            .arg(seed())
            .assert()
            .code(2)
            .stderr(predicate::str::contains("also the output"));
        assert!(!dir.path().join("new.bib").exists());
    }
}

/// A key map that cannot be written stops the run before the output is replaced: the old keys,
/// which only the previous output holds, stay for the next run.
#[cfg(unix)]
#[test]
fn an_unwritable_keymap_leaves_the_previous_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("refs.bib");
    mdbib(dir.path())
        .args(["export", "--no-enrich", "-q", "-o"])
        .arg(&out)
        .arg(seed())
        .assert()
        .success();
    let before = std::fs::read_to_string(&out).unwrap();
    mdbib(dir.path())
        .args([
            "export",
            "--no-enrich",
            "-q",
            "--citekey",
            "{auth}{year}{title}",
            "-o",
        ])
        .arg(&out)
        .args(["--keymap", "/dev/full"])
        .arg(seed())
        .assert()
        .code(1);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), before);
}

/// `-` is standard input even where a directory is named `-`, and `--out-dir -` is refused.
#[test]
fn a_dash_is_always_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let dash = dir.path().join("-");
    std::fs::create_dir(&dash).unwrap();
    std::fs::copy(seed(), dash.join("old.md")).unwrap();
    mdbib(dir.path())
        .current_dir(dir.path())
        .args(["export", "--no-enrich", "-q", "-f", "csv", "-"])
        .write_stdin(
            "- A Different Paper. ICML 2021. [[paper](https://arxiv.org/abs/2101.00001)]\n",
        )
        .assert()
        .success()
        .stdout(predicate::str::contains("A Different Paper"))
        .stdout(predicate::str::contains("MedCLIP").not());
    mdbib(dir.path())
        .current_dir(dir.path())
        .args(["export", "--no-enrich", "-f", "csv", "--out-dir", "-"])
        .arg(seed())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--out-dir -"));
}

/// A reader that stops early (`| head -1`) loses the rest of standard output, not the run: the
/// key map is written, and `--strict` still exits 3 for lookups that got no answer.
#[test]
fn a_closed_pipe_still_ends_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("big.md");
    let lines: String = (0..5_000)
        .map(|i| {
            format!("- Paper number {i}. ICML 2020. [[paper](https://arxiv.org/abs/2001.{i:05})]\n")
        })
        .collect();
    std::fs::write(&list, lines).unwrap();
    let keymap = dir.path().join("keys.tsv");
    let out = closing_stdout_early(
        std::process::Command::new(assert_cmd::cargo::cargo_bin("mdbib"))
            .env("XDG_CACHE_HOME", dir.path())
            .env("MDBIB_ARXIV_API", "http://127.0.0.1:9/api/query")
            .args(["export", "-q", "--strict", "--sources", "arxiv"])
            .args(["--no-title-search", "--citekey", "{auth}{year}{title}"])
            .arg("--keymap")
            .arg(&keymap)
            .arg(&list),
    );
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read_to_string(&keymap).unwrap().lines().count() > 1_000);
}

/// A directory without lists among the inputs is named, and the other inputs are still checked
/// (`check`) or written (`--out-dir`); merged, every bad input is named, one line each.
#[test]
fn a_bad_input_among_others_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    mdbib(dir.path())
        .arg("check")
        .arg(fixture("markdown/check.md"))
        .arg(&empty)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("check.md:6: duplicate"))
        .stderr(predicate::str::contains("empty: no *.md files"));
    let out = dir.path().join("out");
    mdbib(dir.path())
        .args(["export", "--no-enrich", "-q", "-f", "csv", "--out-dir"])
        .arg(&out)
        .arg(&empty)
        .arg(seed())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("empty: no *.md files"));
    assert!(out.join("awesome-medical-vision-language.csv").is_file());
    mdbib(dir.path())
        .args(["export", "--no-enrich", "-q"])
        .arg(&empty)
        .arg(dir.path().join("missing.md"))
        .arg(seed())
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::function(|e: &str| {
            let lines: Vec<&str> = e.lines().collect();
            lines.len() == 2
                && lines[0].contains("empty: no *.md files")
                && lines[1].contains("missing.md")
        }));
}

/// A standard error that cannot be written loses the messages, not the run: no panic (101).
#[cfg(unix)]
#[test]
fn a_full_standard_error_is_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("refs.bib");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("mdbib"))
        .env("XDG_CACHE_HOME", dir.path())
        .args(["export", "--no-enrich", "-o"])
        .arg(&out)
        .arg(seed())
        .stderr(full)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    assert!(out.is_file());
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("mdbib"))
        .args(["export", "--no-enrich", "no/such/list.md"])
        .stderr(full)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
}

/// An error stays one line when the file's name holds a line break: the break is written `\n`.
#[test]
fn a_line_break_in_a_file_name_leaves_the_error_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let name = dir.path().join("nl\nname.md");
    std::fs::copy(fixture("markdown/invalid-utf8.md"), &name).unwrap();
    let cache = tempfile::tempdir().unwrap();
    let out = mdbib(cache.path())
        .args(["export", "--no-enrich", "-q"])
        .arg(&name)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("nl\\nname.md:4: invalid UTF-8"), "{stderr}");
}
