//! Batch conversion: several inputs, directories, `--out-dir`, several formats, other input
//! formats, filters, `check`, completions.

use crate::common::{export_offline, fixture, mdbib, seed};
use predicates::prelude::*;
use std::path::Path;

fn csv_rows(text: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let header = rdr.headers().unwrap().clone();
    (header, rdr.records().map(|r| r.unwrap()).collect())
}

fn column<'r>(
    header: &csv::StringRecord,
    rows: &'r [csv::StringRecord],
    name: &str,
) -> Vec<&'r str> {
    let i = header.iter().position(|h| h == name).unwrap();
    rows.iter().map(|r| &r[i]).collect()
}

fn p(path: &Path) -> String {
    path.display().to_string()
}

#[test]
fn out_dir_writes_one_file_per_input_and_format() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    mdbib(dir.path())
        .args([
            "export",
            "--no-enrich",
            "-q",
            "--format",
            "bibtex,csv",
            "--out-dir",
        ])
        .arg(&out)
        .arg(seed())
        .arg(fixture("markdown/styles.md"))
        .assert()
        .success();
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "awesome-medical-vision-language.bib",
            "awesome-medical-vision-language.csv",
            "styles.bib",
            "styles.csv"
        ]
    );
    let (_, seed_rows) = csv_rows(
        &std::fs::read_to_string(out.join("awesome-medical-vision-language.csv")).unwrap(),
    );
    assert_eq!(seed_rows.len(), 19);
    let bib = std::fs::read_to_string(out.join("styles.bib")).unwrap();
    let parsed = biblatex::Bibliography::parse(&bib).unwrap();
    let (_, style_rows) = csv_rows(&std::fs::read_to_string(out.join("styles.csv")).unwrap());
    assert_eq!(parsed.len(), style_rows.len());
    assert!(style_rows.len() > 15);
}

#[test]
fn several_inputs_to_stdout_are_merged_and_deduplicated() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["a", "b/c"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        std::fs::copy(seed(), dir.path().join(sub).join("list.md")).unwrap();
    }
    std::fs::write(dir.path().join("notes.txt"), "not a list").unwrap();
    let once = export_offline(&[&p(&seed()), "--format", "csv"]);
    let twice = export_offline(&[&p(dir.path()), "--format", "csv"]);
    let (h1, r1) = csv_rows(&once);
    let (h2, r2) = csv_rows(&twice);
    assert_eq!(r1.len(), r2.len(), "the same papers twice are one set");
    assert_eq!(column(&h1, &r1, "arxiv"), column(&h2, &r2, "arxiv"));
    // Every entry stood under the same section in both copies, so its sections are unchanged,
    // and its origin is the first file in sorted order.
    assert_eq!(column(&h1, &r1, "section"), column(&h2, &r2, "section"));
    assert!(column(&h2, &r2, "file")
        .iter()
        .all(|f| f.ends_with("a/list.md")));
}

#[test]
fn several_formats_need_out_dir() {
    let dir = tempfile::tempdir().unwrap();
    mdbib(dir.path())
        .args(["export", "--no-enrich", "--format", "bibtex,csv"])
        .arg(seed())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("several formats need --out-dir"));
    let out = dir.path().join("refs.bib");
    mdbib(dir.path())
        .args(["export", "--no-enrich", "--format", "bibtex,csv", "-o"])
        .arg(&out)
        .arg(seed())
        .assert()
        .code(2);
    assert!(!out.exists());
}

#[test]
fn directory_without_markdown_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    mdbib(dir.path())
        .args(["export", "--no-enrich"])
        .arg(&empty)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no *.md files in this directory"));
}

#[test]
fn bibtex_input_converts_to_csv() {
    // A relative path (the tests run in the package root) keeps the snapshot's `file` column
    // independent of where the checkout lives.
    let out = export_offline(&["fixtures/bibtex/valid.bib", "--format", "csv"]);
    insta::assert_snapshot!("bibtex_valid_csv", out);
}

/// The CSV `columns` of the list `markdown`, read directly and read back from what mdbib writes
/// as BibTeX, BibLaTeX and CSL-JSON, which must all agree. Returns the direct CSV.
fn csv_through_every_bibliography_format(markdown: &str, columns: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.md");
    std::fs::write(&list, markdown).unwrap();
    let csv = |input: &Path| {
        let out = mdbib(dir.path())
            .args([
                "export",
                "--no-enrich",
                "-q",
                "-f",
                "csv",
                "--columns",
                columns,
            ])
            .arg(input)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let direct = csv(&list);
    for (format, file) in [
        ("bibtex", "a.bib"),
        ("biblatex", "b.bib"),
        ("csljson", "c.json"),
    ] {
        let out = dir.path().join(file);
        mdbib(dir.path())
            .args(["export", "--no-enrich", "-q", "-f", format, "-o"])
            .arg(&out)
            .arg(&list)
            .assert()
            .success();
        assert_eq!(csv(&out), direct, "{format}");
    }
    direct
}

/// A section name with a comma of its own stays one section through BibTeX, BibLaTeX and
/// CSL-JSON, whose keywords are comma-separated.
#[test]
fn sections_with_commas_survive_a_round_trip() {
    let direct = csv_through_every_bibliography_format(
        "# L\n\n## Low-Resource, Low-Level, and Domain-Specific Languages\n\n\
         - Attention Is All You Need. NeurIPS 2017. [[paper](https://arxiv.org/abs/1706.03762)]\n\n\
         ## Other\n\n- Attention Is All You Need. [[paper](https://arxiv.org/abs/1706.03762)]\n",
        "section",
    );
    assert!(
        direct.contains("\"Low-Resource, Low-Level, and Domain-Specific Languages | Other\""),
        "{direct}"
    );
}

/// A venue mdbib does not know makes an arXiv paper a work of unknown kind; the venue is
/// written (`howpublished`, `organization`, CSL `publisher`) and read back.
#[test]
fn an_unknown_venue_survives_a_round_trip() {
    let direct = csv_through_every_bibliography_format(
        "# L\n\n- Second Paper Title Here. Quantum Frog Colloquium 2022. [[pdf]](https://arxiv.org/abs/2301.00115)\n",
        "type,venue,arxiv",
    );
    assert!(
        direct.contains("other,Quantum Frog Colloquium,arXiv:2301.00115"),
        "{direct}"
    );
}

/// CSL-JSON keeps the dataset link and the list's other links under `custom`, and reads them
/// back.
#[test]
fn dataset_and_other_links_survive_csljson() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.md");
    std::fs::write(
        &list,
        "## Datasets\n\n| Name | Paper | Link |\n|---|---|---|\n| **MMR** | [Seeing Clearly](https://arxiv.org/pdf/2406.10638.pdf) | [Link](https://huggingface.co/datasets/x/mmr) |\n\n\
         ## Papers\n\n- A Paper Title Here. CVPR 2020. [[paper](https://arxiv.org/abs/2001.00001)] [[video](https://youtu.be/x)] [[blog](https://blog.example.org/a)]\n",
    )
    .unwrap();
    let columns = ["--columns", "title,dataset,links"];
    let direct = export_offline(&[&p(&list), "-f", "csv", columns[0], columns[1]]);
    let json = dir.path().join("refs.json");
    std::fs::write(&json, export_offline(&[&p(&list), "-f", "csljson"])).unwrap();
    let back = export_offline(&[&p(&json), "-f", "csv", columns[0], columns[1]]);
    assert!(
        direct.contains("https://huggingface.co/datasets/x/mmr"),
        "{direct}"
    );
    assert!(direct.contains("video: https://youtu.be/x"), "{direct}");
    assert_eq!(back, direct);
}

#[test]
fn bibtex_from_stdin_is_recognised_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let out = mdbib(dir.path())
        .args(["export", "--no-enrich", "-q", "--format", "csv"])
        .write_stdin(std::fs::read(fixture("bibtex/valid.bib")).unwrap())
        .output()
        .unwrap();
    assert!(out.status.success());
    let (h, rows) = csv_rows(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(
        column(&h, &rows, "arxiv"),
        [
            "arXiv:1706.03762",
            "arXiv:2010.11929",
            "arXiv:2103.00020",
            ""
        ]
    );
}

#[test]
fn bibtex_with_a_lone_dollar_keeps_every_entry_and_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = mdbib(dir.path())
        .args(["export", "--no-enrich", "--format", "csv"])
        .arg(fixture("bibtex/lone-dollar.bib"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("lone-dollar.bib:7: entry costly read with its `$` signs taken literally"),
        "{stderr}"
    );
    let (_, rows) = csv_rows(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(rows.len(), 3);
}

#[test]
fn csljson_input_converts_to_bibtex() {
    let dir = tempfile::tempdir().unwrap();
    let json = export_offline(&[&p(&seed()), "--format", "csljson"]);
    let path = dir.path().join("refs.json");
    std::fs::write(&path, json).unwrap();
    let bib = export_offline(&[&p(&path), "--format", "bibtex"]);
    let parsed = biblatex::Bibliography::parse(&bib).unwrap();
    assert_eq!(parsed.len(), 19);
    assert!(bib.contains("eprint = {2210.10163}"), "{bib}");
}

/// Markdown → BibTeX → CSV keeps titles, ids and sections.
#[test]
fn round_trip_markdown_bibtex_csv_keeps_titles_ids_and_sections() {
    let dir = tempfile::tempdir().unwrap();
    let direct = export_offline(&[&p(&seed()), "--format", "csv"]);
    let bib_path = dir.path().join("seed.bib");
    std::fs::write(
        &bib_path,
        export_offline(&[&p(&seed()), "--format", "bibtex"]),
    )
    .unwrap();
    let via_bib = export_offline(&[&p(&bib_path), "--format", "csv"]);
    let (h1, r1) = csv_rows(&direct);
    let (h2, r2) = csv_rows(&via_bib);
    assert_eq!(r1.len(), r2.len());
    for col in ["title", "arxiv", "doi", "section", "year", "code"] {
        assert_eq!(column(&h1, &r1, col), column(&h2, &r2, col), "column {col}");
    }
}

#[test]
fn filters_by_section_year_and_kind() {
    let seed = p(&seed());
    let count = |args: &[&str]| {
        let mut all = vec![seed.as_str(), "--format", "csv"];
        all.extend_from_slice(args);
        csv_rows(&export_offline(&all)).1.len()
    };
    assert_eq!(count(&[]), 19);
    let (h, rows) = csv_rows(&export_offline(&[
        &seed,
        "--format",
        "csv",
        "--section",
        "PRE-TRAINING",
    ]));
    assert!(!rows.is_empty() && rows.len() < 19);
    assert!(column(&h, &rows, "section")
        .iter()
        .all(|s| s.contains("Pre-training")));
    let (h, rows) = csv_rows(&export_offline(&[
        &seed, "--format", "csv", "--since", "2022", "--until", "2022",
    ]));
    assert!(!rows.is_empty() && rows.len() < 19);
    assert!(column(&h, &rows, "year").iter().all(|y| *y == "2022"));
    assert_eq!(count(&["--kind", "dataset"]), 1);
    assert_eq!(count(&["--since", "2030"]), 0);
}

/// Filters that cannot keep anything are a usage error; filters that kept nothing say so.
#[test]
fn empty_filters_are_an_error_or_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    mdbib(dir.path())
        .args([
            "export",
            "--no-enrich",
            "--since",
            "2025",
            "--until",
            "2020",
        ])
        .arg(seed())
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "--since 2025 is after --until 2020",
        ));
    mdbib(dir.path())
        .args(["export", "--no-enrich", "--section", "no such section"])
        .arg(seed())
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "warning: the filters (--section, --since, --until, --kind) left none of the 19 entries",
        ));
    mdbib(dir.path())
        .args(["export", "--no-enrich", "--section", "pre-training"])
        .arg(seed())
        .assert()
        .success()
        .stderr(predicate::str::contains("left none").not());
}

#[test]
fn unknown_kind_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    mdbib(dir.path())
        .args(["export", "--no-enrich", "--kind", "paper"])
        .arg(seed())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown kind `paper`"));
}

#[test]
fn check_lists_findings_and_strict_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("check.md");
    std::fs::copy(fixture("markdown/check.md"), &list).unwrap();
    let out = mdbib(dir.path())
        .current_dir(dir.path())
        .args(["check", "check.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("check_findings", String::from_utf8(out.stdout).unwrap());
    mdbib(dir.path())
        .current_dir(dir.path())
        .args(["check", "--strict", "check.md"])
        .assert()
        .code(3);
    mdbib(dir.path())
        .current_dir(dir.path())
        .args(["check", "-q", "--strict", "check.md"])
        .assert()
        .code(3)
        .stdout("")
        .stderr("");
}

/// `check` gives a skipped BibTeX entry's own line, in the same `file:line: problem: detail` form
/// as every other finding.
#[test]
fn check_names_the_line_of_an_unreadable_entry() {
    let dir = tempfile::tempdir().unwrap();
    let bib = dir.path().join("refs.bib");
    std::fs::write(
        &bib,
        "@misc{good, title = {Good}, doi = {10.1/x}}\n\n@misc{broken, title = {Open\n",
    )
    .unwrap();
    mdbib(dir.path())
        .current_dir(dir.path())
        .args(["check", "refs.bib"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\nrefs.bib:3: unreadable: entry broken skipped: unclosed brace\n",
        ));
}

#[test]
fn check_strict_passes_a_clean_list() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("clean.md");
    std::fs::write(
        &list,
        "# Clean\n\n- Attention Is All You Need. NeurIPS 2017. [[paper]](https://arxiv.org/abs/1706.03762)\n",
    )
    .unwrap();
    mdbib(dir.path())
        .args(["check", "--strict"])
        .arg(&list)
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn completions_for_bash_name_the_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    mdbib(dir.path())
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(predicate::str::contains("export").and(predicate::str::contains("--out-dir")));
}

/// Completions offer the values of `--format`, `--kind`, `--style` and `--sources`, not file
/// names.
#[test]
fn completions_offer_the_values_of_options() {
    let dir = tempfile::tempdir().unwrap();
    let out = mdbib(dir.path())
        .args(["completions", "zsh"])
        .output()
        .unwrap();
    let script = String::from_utf8(out.stdout).unwrap();
    for values in [
        "bibtex biblatex csljson csv markdown ris text html",
        "preprint conference-paper journal-article dataset",
        "apa ieee vancouver",
        "arxiv crossref s2 datacite",
    ] {
        assert!(script.contains(values), "{values}");
    }
}

#[test]
fn out_dir_onto_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("refs.md");
    std::fs::copy(seed(), &list).unwrap();
    // `refs.md` written as CSV would be `refs.csv`; make the input itself the target.
    let input = dir.path().join("refs.csv");
    std::fs::copy(seed(), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    mdbib(dir.path())
        .args(["export", "--no-enrich", "--format", "csv", "--out-dir"])
        .arg(dir.path())
        .arg(&input)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "refusing to overwrite an input file",
        ));
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

/// A converter must not rename what a document cites: BibTeX keys survive, and two entries for
/// the same DOI under different keys both stay (found converting a real 6,315-entry file).
#[test]
fn bibtex_input_keeps_its_keys_and_entries_sharing_a_doi() {
    let dir = tempfile::tempdir().unwrap();
    let bib = dir.path().join("refs.bib");
    std::fs::write(
        &bib,
        "@article{SmitJone99,\n  title = {A Study of Things},\n  author = {Smith, Ann and Jones, Bob},\n  journal = {J. Things},\n  year = {1999},\n  doi = {10.1000/xyz}\n}\n\n@article{smith1999study,\n  title = {A Study of Things},\n  author = {Smith, Ann},\n  year = {1999},\n  doi = {10.1000/XYZ}\n}\n\n@misc{NoKeyClash,\n  title = {Another Paper Entirely Here},\n  year = {2001}\n}\n",
    )
    .unwrap();
    let out = crate::common::export_offline(&[bib.to_str().unwrap(), "-f", "csljson"]);
    let items: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut ids: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, ["NoKeyClash", "SmitJone99", "smith1999study"]);
}

/// An output file is an ordinary file: a new one gets the permissions any new file gets here (the
/// umask decides), and a replaced one keeps its own, not the private mode of a temporary file.
#[cfg(unix)]
#[test]
fn output_files_get_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let reference = dir.path().join("created-by-std");
    std::fs::write(&reference, "").unwrap();
    let export = |out: &Path| {
        mdbib(dir.path())
            .args(["export", "--no-enrich", "-q", "-f", "csv", "-o"])
            .arg(out)
            .arg(seed())
            .assert()
            .success();
    };
    let new = dir.path().join("new.csv");
    export(&new);
    assert_eq!(mode(&new), mode(&reference));

    let kept = dir.path().join("kept.csv");
    std::fs::write(&kept, "old").unwrap();
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
    export(&kept);
    assert_eq!(mode(&kept), 0o640);
    assert!(std::fs::read_to_string(&kept)
        .unwrap()
        .starts_with("citekey,"));
}

/// A symbolic link given as the output stays a link, and the file it names gets the export.
#[cfg(unix)]
#[test]
fn output_through_a_symbolic_link_replaces_the_file_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let (file, link) = (dir.path().join("refs.csv"), dir.path().join("link.csv"));
    std::fs::write(&file, "old").unwrap();
    std::os::unix::fs::symlink(&file, &link).unwrap();
    mdbib(dir.path())
        .args(["export", "--no-enrich", "-q", "-f", "csv", "-o"])
        .arg(&link)
        .arg(seed())
        .assert()
        .success();
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .starts_with("citekey,"));
}

/// An output that is no regular file (here a named pipe; `/dev/null` is the common case) is
/// written in place: renaming a temporary file over it would replace the device or pipe.
#[cfg(unix)]
#[test]
fn output_to_a_named_pipe_is_written_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());
    let reader = {
        let pipe = pipe.clone();
        std::thread::spawn(move || std::fs::read_to_string(pipe).unwrap())
    };
    mdbib(dir.path())
        .args(["export", "--no-enrich", "-q", "-f", "csv", "-o"])
        .arg(&pipe)
        .arg(seed())
        .assert()
        .success();
    assert!(reader.join().unwrap().starts_with("citekey,"));
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata(&pipe).unwrap().file_type().is_fifo());
}

/// With `--out-dir`, an input that cannot be read is reported on one line and skipped; the inputs
/// after it are still converted, and the run exits 1.
#[test]
fn out_dir_skips_a_bad_input_and_converts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.md");
    std::fs::write(&bad, b"- A Paper\n- \xff\xfe broken\n").unwrap();
    let out = dir.path().join("out");
    mdbib(dir.path())
        .args([
            "export",
            "--no-enrich",
            "-q",
            "-f",
            "bibtex,csv",
            "--out-dir",
        ])
        .arg(&out)
        .arg(&bad)
        .arg(seed())
        .assert()
        .code(1)
        .stderr(
            predicate::str::is_match(r"^mdbib: error: \S*bad\.md:2: invalid UTF-8 at byte 12\n$")
                .unwrap(),
        );
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "awesome-medical-vision-language.bib",
            "awesome-medical-vision-language.csv"
        ]
    );
}

/// `-o -` is standard output, not a file named `-`.
#[test]
fn output_dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    mdbib(dir.path())
        .current_dir(dir.path())
        .args(["export", "--no-enrich", "-q", "-f", "csv", "-o", "-"])
        .arg(seed())
        .assert()
        .success()
        .stdout(predicate::str::starts_with("citekey,"));
    assert!(!dir.path().join("-").exists());
}

/// Books, chapters, theses and reports keep their type and their fields through BibTeX, BibLaTeX,
/// CSL-JSON and RIS, and back from CSL-JSON.
#[test]
fn books_chapters_theses_and_reports_keep_their_type_and_fields() {
    let books = fixture("bibtex/books.bib").display().to_string();
    let bibtex = export_offline(&[&books, "-f", "bibtex"]);
    for expected in [
        "@book{knuth1984,",
        "  publisher = {Addison-Wesley},\n  address = {Reading, MA},",
        "  series = {Computers and Typesetting},",
        "@incollection{boyd2014,",
        "  booktitle = {Handbook of Mixed Membership Models and Their Applications},",
        "  editor = {Airoldi, Edoardo M. and Blei, David M.},",
        "  chapter = {12},",
        "@phdthesis{debr2024,",
        "  title = {A hierarchical {Bayesian} model of sleep},",
        "  school = {University of Amsterdam},",
        "@mastersthesis{lee2020,",
        "@techreport{tr2019,",
        "  institution = {MIT},",
        "  type = {PEP},",
        "  number = {TR-2019-04},",
        // `@inbook` with a chapter title: that chapter, in the book; with a number: as it was.
        "@incollection{adey1967,\n  title = {Intrinsic organization of cerebral tissue},",
        "  booktitle = {The Neurosciences: A Study Program},",
        "@inbook{numbered2000,\n  title = {A Book of Chapters},",
        "  chapter = {3},",
        // A URL given as `howpublished = {\url{...}}` is the URL.
        "  url = {https://github.com/example/tool},",
    ] {
        assert!(bibtex.contains(expected), "{expected} missing:\n{bibtex}");
    }
    let biblatex = export_offline(&[&books, "-f", "biblatex"]);
    for expected in [
        "@thesis{debr2024,",
        "  type = {phdthesis},",
        "  type = {mathesis},",
        "@report{tr2019,",
        "@report{pep518,",
        "  type = {PEP},",
        "  location = {Reading, MA},",
    ] {
        assert!(
            biblatex.contains(expected),
            "{expected} missing:\n{biblatex}"
        );
    }
    let json = export_offline(&[&books, "-f", "csljson"]);
    let items: serde_json::Value = serde_json::from_str(&json).unwrap();
    let item = |id: &str| {
        items
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(item("boyd2014")["type"], "chapter");
    assert_eq!(
        item("boyd2014")["container-title"],
        "Handbook of Mixed Membership Models and Their Applications"
    );
    assert_eq!(item("boyd2014")["publisher"], "CRC Press");
    assert_eq!(item("boyd2014")["editor"][1]["family"], "Blei");
    assert_eq!(item("knuth1984")["publisher-place"], "Reading, MA");
    assert_eq!(item("debr2024")["genre"], "PhD thesis");
    assert_eq!(item("tr2019")["number"], "TR-2019-04");
    assert!(crate::common::csl_schema_errors(&items).is_empty());
    let ris = export_offline(&[&books, "-f", "ris"]);
    for ty in ["TY  - BOOK", "TY  - CHAP", "TY  - THES", "TY  - RPRT"] {
        assert!(ris.contains(ty), "{ty} missing");
    }
    // Back from CSL-JSON: the same BibTeX.
    let dir = tempfile::tempdir().unwrap();
    let json_file = dir.path().join("books.json");
    std::fs::write(&json_file, &json).unwrap();
    let again = export_offline(&[&p(&json_file), "-f", "bibtex"]);
    let without_file_lines = |text: &str| -> String {
        text.lines()
            .filter(|l| !l.starts_with("  keywords"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(without_file_lines(&again), without_file_lines(&bibtex));
}

/// Formats that write the same extension, or none at all, are a usage error; a file named twice
/// is read once.
#[test]
fn formats_sharing_an_extension_and_inputs_named_twice() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    for (format, message) in [
        (
            "bibtex,biblatex",
            "bibtex and biblatex both write .bib files",
        ),
        ("", "names no format"),
    ] {
        mdbib(dir.path())
            .args(["export", "--no-enrich", "-q", "-f", format, "--out-dir"])
            .arg(&out)
            .arg(seed())
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
    }
    let lists = dir.path().join("lists");
    std::fs::create_dir(&lists).unwrap();
    std::fs::copy(seed(), lists.join("a.md")).unwrap();
    mdbib(dir.path())
        .args(["export", "--no-enrich", "-q", "-f", "csv", "--out-dir"])
        .arg(&out)
        .arg(&lists)
        .arg(lists.join("a.md"))
        .assert()
        .success();
    assert!(out.join("a.csv").is_file());
    // A format named twice is one format: standard output takes it.
    let twice = mdbib(dir.path())
        .args(["export", "--no-enrich", "-q", "-f", "csv,csv"])
        .arg(seed())
        .output()
        .unwrap();
    assert!(twice.status.success());
    assert_eq!(
        String::from_utf8_lossy(&twice.stdout).lines().count(),
        20,
        "a header and 19 rows"
    );
}

/// An option for formats the run does not write is named in a warning, not silently ignored.
#[test]
fn options_for_other_formats_are_named() {
    let dir = tempfile::tempdir().unwrap();
    mdbib(dir.path())
        .args(["export", "--no-enrich", "-f", "bibtex", "--bom", "--ascii"])
        .arg(seed())
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "mdbib: warning: --bom has no effect on bibtex output (it is for csv)",
        ))
        .stderr(predicate::str::contains("--ascii has no effect").not());
}

/// `--no-abstract` takes the abstract out of RIS, and names the formats it is for when it cannot.
#[test]
fn no_abstract_applies_to_ris() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.json");
    std::fs::write(
        &input,
        r#"[{"id":"a","type":"article","title":"A Title","abstract":"The abstract text."}]"#,
    )
    .unwrap();
    let run = |format: &str, no_abstract: bool| {
        let mut cmd = mdbib(dir.path());
        cmd.args(["export", "--no-enrich", "-f", format]);
        if no_abstract {
            cmd.arg("--no-abstract");
        }
        let out = cmd.arg(&input).output().unwrap();
        assert!(out.status.success());
        let has = |bytes: &[u8]| String::from_utf8_lossy(bytes).contains("The abstract text.");
        (
            has(&out.stdout),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (kept, warning) = run("ris", false);
    assert!(kept && !warning.contains("warning"), "{warning}");
    let (kept, warning) = run("ris", true);
    assert!(!kept && !warning.contains("warning"), "{warning}");
    let (kept, warning) = run("csv", true);
    assert!(kept);
    assert!(
        warning.contains(
            "--no-abstract has no effect on csv output (it is for bibtex, biblatex, csljson, ris)"
        ),
        "{warning}"
    );
}

/// A variable set to nothing is no setting; a wrong one is named in the usage error.
#[test]
fn api_variables_empty_or_wrong() {
    let dir = tempfile::tempdir().unwrap();
    mdbib(dir.path())
        .env("MDBIB_ARXIV_API", "")
        .env("MDBIB_CROSSREF_API", " ")
        .args(["export", "--no-enrich", "-q", "-f", "csv"])
        .arg(seed())
        .assert()
        .success()
        .stderr("");
    mdbib(dir.path())
        .env("MDBIB_DATACITE_API", "ftp://x")
        .args(["export", "--no-enrich", "-q", "-f", "csv"])
        .arg(seed())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`ftp://x` is not an http or https URL (from the option or from MDBIB_DATACITE_API)",
        ));
}

#[test]
fn out_dir_that_is_a_file_is_an_output_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out");
    std::fs::write(&file, "kept").unwrap();
    mdbib(dir.path())
        .args(["export", "--no-enrich", "--format", "csv", "--out-dir"])
        .arg(&file)
        .arg(seed())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("exists and is not a directory"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "kept");
}

/// Directory expansion reads regular files only: a FIFO named `*.md` would block the run.
#[test]
fn a_fifo_in_a_directory_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let lists = dir.path().join("lists");
    std::fs::create_dir(&lists).unwrap();
    std::fs::copy(seed(), lists.join("p.md")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(lists.join("q.md"))
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        return; // no mkfifo here
    }
    mdbib(dir.path())
        .args(["export", "--no-enrich", "-q", "-f", "csv"])
        .arg(&lists)
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .success()
        .stdout(predicate::str::contains("MedCLIP"));
}

/// Under `--out-dir`, every output that two inputs would write is named, one line each, and
/// nothing is written.
#[test]
fn out_dir_names_every_clash() {
    let dir = tempfile::tempdir().unwrap();
    let mut lists = Vec::new();
    for repo in ["r1", "r2", "r3"] {
        std::fs::create_dir(dir.path().join(repo)).unwrap();
        std::fs::copy(seed(), dir.path().join(repo).join("README.md")).unwrap();
        lists.push(dir.path().join(repo).join("README.md"));
    }
    let out = dir.path().join("out");
    let run = mdbib(dir.path())
        .args(["export", "--no-enrich", "-q", "--out-dir"])
        .arg(&out)
        .args(&lists)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8(run.stderr).unwrap();
    let clashes: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("written for both"))
        .collect();
    assert_eq!(clashes.len(), 2, "{stderr}");
    assert!(clashes.iter().all(|l| l.starts_with("mdbib: error: ")));
    assert!(!out.exists());
}

/// Lists of one name in different folders of a directory given (a README per repository) each
/// get their own outputs, in the same folders under `--out-dir`.
#[test]
fn out_dir_keeps_the_folders_of_lists_found_in_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let repos = dir.path().join("repos");
    for (repo, list) in [("r1", seed()), ("r2/docs", fixture("markdown/styles.md"))] {
        std::fs::create_dir_all(repos.join(repo)).unwrap();
        std::fs::copy(list, repos.join(repo).join("README.md")).unwrap();
    }
    let out = dir.path().join("out");
    mdbib(dir.path())
        .args([
            "export",
            "--no-enrich",
            "-q",
            "-f",
            "bibtex,csv",
            "--out-dir",
        ])
        .arg(&out)
        .arg(&repos)
        .assert()
        .success();
    let rows = |path: &str| csv_rows(&std::fs::read_to_string(out.join(path)).unwrap()).1;
    assert_eq!(rows("r1/README.csv").len(), 19);
    let styles = rows("r2/docs/README.csv");
    assert!(styles.len() > 15);
    let bib = std::fs::read_to_string(out.join("r2/docs/README.bib")).unwrap();
    assert_eq!(
        biblatex::Bibliography::parse(&bib).unwrap().len(),
        styles.len()
    );
    // Run again: each output is replaced where it is.
    mdbib(dir.path())
        .args(["export", "--no-enrich", "-q", "-f", "csv", "--out-dir"])
        .arg(&out)
        .arg(&repos)
        .assert()
        .success();
    assert_eq!(rows("r1/README.csv").len(), 19);
}
