//! The writers on the tricky fixture: LaTeX specials, Unicode, acronyms, formula-like titles; and
//! the flags that shape them (`--ascii`, `--columns`, `--bom`, `--template`, `--citekey`, `--keymap`).

use crate::common::{export_offline, fixture, mdbib, seed};
use predicates::prelude::*;

fn tricky() -> String {
    fixture("tricky/latex-specials.md")
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap()
        .display()
        .to_string()
}

#[test]
fn tricky_bibtex_snapshots() {
    insta::assert_snapshot!("tricky_bibtex", export_offline(&[&tricky()]));
    insta::assert_snapshot!(
        "tricky_bibtex_ascii",
        export_offline(&[&tricky(), "--ascii"])
    );
    insta::assert_snapshot!(
        "tricky_biblatex",
        export_offline(&[&tricky(), "-f", "biblatex"])
    );
}

#[test]
fn tricky_csljson_validates_and_marks_nocase() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("schema/csl-data.json")).unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let out = export_offline(&[&tricky(), "-f", "csljson"]);
    let items: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&items)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    insta::assert_snapshot!("tricky_csljson", out);
}

#[test]
fn csv_cells_cannot_start_a_formula() {
    let out = export_offline(&[&tricky(), "-f", "csv"]);
    let mut rdr = csv::Reader::from_reader(out.as_bytes());
    let mut titles = Vec::new();
    for row in rdr.records() {
        let row = row.unwrap();
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "unsafe cell {cell:?}"
            );
        }
        titles.push(row[2].to_string());
    }
    for title in [
        "'=SUM(A1:A9) Considered Harmful",
        "'+1 for Robust Training",
        "'@home: Benchmarks at Home",
    ] {
        assert!(
            titles.iter().any(|t| t == title),
            "{title} missing: {titles:?}"
        );
    }
    let raw = export_offline(&[&tricky(), "-f", "csv", "--no-formula-guard"]);
    assert!(
        raw.contains("\n=SUM(A1:A9) Considered Harmful,")
            || raw.contains(",=SUM(A1:A9) Considered Harmful,")
    );
}

#[test]
fn csv_columns_choose_and_order() {
    let out = export_offline(&[
        &seed().display().to_string(),
        "-f",
        "csv",
        "--columns",
        "title,year,citekey",
    ]);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("title,year,citekey"));
    assert_eq!(
        lines.find(|l| l.starts_with("MedCLIP")),
        Some("MedCLIP: Contrastive Learning from Unpaired Medical Images and Text,2022,medclip2022contrastive")
    );
    let dir = tempfile::tempdir().unwrap();
    mdbib(dir.path())
        .args([
            "export",
            "--no-enrich",
            "-f",
            "csv",
            "--columns",
            "title,colour",
        ])
        .arg(seed())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "unknown CSV column `colour` (known: citekey, type, title, authors, year,",
        ));
}

#[test]
fn csv_bom_for_excel() {
    let cache = tempfile::tempdir().unwrap();
    let out = mdbib(cache.path())
        .args(["export", "--no-enrich", "-f", "csv", "--bom"])
        .arg(seed())
        .output()
        .unwrap();
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBFcitekey,type,title"));
    let plain = export_offline(&[&seed().display().to_string(), "-f", "csv"]);
    assert!(plain.starts_with("citekey,"));
}

#[test]
fn markdown_template_groups_by_section() {
    let out = export_offline(&[&tricky(), "-f", "markdown"]);
    insta::assert_snapshot!("tricky_markdown", out);
}

/// RIS: TY first and ER last in every record, `XX  - ` tags only, CR LF line ends.
#[test]
fn ris_template_is_valid_ris() {
    let out = export_offline(&[&tricky(), "-f", "ris"]);
    assert!(out.ends_with("ER  - \r\n"));
    assert!(!out.replace("\r\n", "").contains('\n'), "bare LF");
    let lines: Vec<&str> = out.split_terminator("\r\n").collect();
    let tag = regex::Regex::new(r"^[A-Z][A-Z0-9]  - ").unwrap();
    assert!(lines.iter().all(|l| tag.is_match(l)), "{lines:#?}");
    let starts = lines.iter().filter(|l| l.starts_with("TY  - ")).count();
    let ends = lines.iter().filter(|l| **l == "ER  - ").count();
    assert_eq!((starts, ends), (11, 11));
    for (i, l) in lines.iter().enumerate() {
        if l.starts_with("TY  - ") {
            assert!(
                i == 0 || lines[i - 1] == "ER  - ",
                "TY not first at line {i}"
            );
        }
    }
    insta::assert_snapshot!("tricky_ris", out.replace("\r\n", "\n"));
}

#[test]
fn user_template_renders_and_errors_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("keys.j2");
    std::fs::write(
        &good,
        "{% for r in references %}{{ r.citekey }}|{{ r.year }}|{{ r.authors | length }}\n{% endfor %}",
    )
    .unwrap();
    let out = mdbib(dir.path())
        .args(["export", "--no-enrich", "--template"])
        .arg(&good)
        .arg(seed())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 19);
    assert!(text.contains("medclip2022contrastive|2022|0\n"), "{text}");

    let bad = dir.path().join("bad.j2");
    std::fs::write(
        &bad,
        "ok\n{% for r in references %}\n{{ r.title }\n{% endfor %}\n",
    )
    .unwrap();
    mdbib(dir.path())
        .args(["export", "--no-enrich", "--template"])
        .arg(&bad)
        .arg(seed())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bad.j2:3: syntax error"));

    let failing = dir.path().join("failing.j2");
    std::fs::write(&failing, "first\n\n{{ references | nosuchfilter }}\n").unwrap();
    mdbib(dir.path())
        .args(["export", "--no-enrich", "--template"])
        .arg(&failing)
        .arg(seed())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("failing.j2:3: "))
        // The template's error, not one of standard output (`-: ...failing.j2:3:`).
        .stderr(predicate::str::starts_with(format!(
            "mdbib: error: {}:3: ",
            failing.display()
        )));

    mdbib(dir.path())
        .args(["export", "--no-enrich", "-f", "csv", "--template"])
        .arg(&good)
        .arg(seed())
        .assert()
        .code(2);
}

#[test]
fn citekey_pattern_and_bad_pattern() {
    let out = export_offline(&[
        &seed().display().to_string(),
        "--citekey",
        "{auth}{year}{shorttitle}",
    ]);
    assert!(out.contains("@inproceedings{medclip2022contrastivelearningunpaired,"));
    let dir = tempfile::tempdir().unwrap();
    mdbib(dir.path())
        .args(["export", "--no-enrich", "--citekey", "{author}{year}"])
        .arg(seed())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "citekey pattern `{author}{year}`: unknown field `{author}`",
        ));
}

/// Re-running onto an existing output with a new pattern maps the keys the document cites (those in
/// the file being replaced) to the new ones.
#[test]
fn keymap_maps_the_replaced_outputs_keys() {
    let dir = tempfile::tempdir().unwrap();
    let bib = dir.path().join("refs.bib");
    let map = dir.path().join("keys.tsv");
    // A first run wrote keys in another pattern.
    mdbib(dir.path())
        .args(["export", "--no-enrich", "-q", "--citekey", "{Auth}:{year}"])
        .arg(seed())
        .arg("-o")
        .arg(&bib)
        .assert()
        .success();
    mdbib(dir.path())
        .args(["export", "--no-enrich", "-q"])
        .arg(seed())
        .arg("-o")
        .arg(&bib)
        .arg("--keymap")
        .arg(&map)
        .assert()
        .success();
    let pairs = std::fs::read_to_string(&map).unwrap();
    assert!(
        pairs.contains("Medclip:2022\tmedclip2022contrastive\n"),
        "{pairs}"
    );
    assert_eq!(pairs.lines().count(), 19, "{pairs}");
    assert!(pairs.lines().all(|l| l.split('\t').count() == 2));
    // Run again unchanged: no key changed, so the map is empty.
    mdbib(dir.path())
        .args(["export", "--no-enrich", "-q"])
        .arg(seed())
        .arg("-o")
        .arg(&bib)
        .arg("--keymap")
        .arg(&map)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&map).unwrap(), "");

    // CSL-JSON as the previous output works the same way.
    let json = dir.path().join("refs.json");
    for pattern in [
        "{arxiv}{year}{veryshorttitle}",
        "{auth}{year}{veryshorttitle}",
    ] {
        mdbib(dir.path())
            .args([
                "export",
                "--no-enrich",
                "-q",
                "-f",
                "csljson",
                "--citekey",
                pattern,
            ])
            .arg(seed())
            .arg("-o")
            .arg(&json)
            .arg("--keymap")
            .arg(&map)
            .assert()
            .success();
    }
    let pairs = std::fs::read_to_string(&map).unwrap();
    assert!(
        pairs.contains("2210.101632022medclip\tmedclip2022contrastive\n"),
        "{pairs}"
    );

    // So does CSV (here with a byte order mark and the title column only after the key).
    let table = dir.path().join("refs.csv");
    for pattern in ["{Auth}{year}", "{auth}{year}{veryshorttitle}"] {
        mdbib(dir.path())
            .args([
                "export",
                "--no-enrich",
                "-q",
                "-f",
                "csv",
                "--bom",
                "--columns",
                "citekey,title",
            ])
            .args(["--citekey", pattern, "--keymap"])
            .arg(&map)
            .arg(seed())
            .arg("-o")
            .arg(&table)
            .assert()
            .success();
    }
    let pairs = std::fs::read_to_string(&map).unwrap();
    assert!(
        pairs.contains("Medclip2022\tmedclip2022contrastive\n"),
        "{pairs}"
    );

    // A previous output mdbib cannot read: a warning, then the default keys as the old ones.
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "just some notes\n").unwrap();
    mdbib(dir.path())
        .args([
            "export",
            "--no-enrich",
            "-f",
            "csv",
            "--citekey",
            "{year}{veryshorttitle}",
            "--keymap",
        ])
        .arg(&map)
        .arg(seed())
        .arg("-o")
        .arg(&notes)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "notes.txt: not BibTeX, CSL-JSON or CSV with citekeys, so its keys are not kept",
        ));
    let pairs = std::fs::read_to_string(&map).unwrap();
    assert!(
        pairs.contains("medclip2022contrastive\t2022medclip\n"),
        "{pairs}"
    );

    // Without a previous output, the map goes from the default keys to the pattern's.
    mdbib(dir.path())
        .args([
            "export",
            "--no-enrich",
            "-q",
            "--citekey",
            "{year}{veryshorttitle}",
            "--keymap",
        ])
        .arg(&map)
        .arg(seed())
        .assert()
        .success();
    let pairs = std::fs::read_to_string(&map).unwrap();
    assert!(
        pairs.contains("medclip2022contrastive\t2022medclip\n"),
        "{pairs}"
    );
}

/// A list that grows never moves a key the previous output gave: the new paper that clashes takes
/// the next free suffix, and a document citing the old keys still cites the same papers.
#[test]
fn keys_of_the_replaced_output_stay_with_their_papers() {
    let dir = tempfile::tempdir().unwrap();
    let (list, bib) = (dir.path().join("list.md"), dir.path().join("refs.bib"));
    let first = "- Masked Autoencoders for Speech. 2022. [[paper](https://arxiv.org/abs/2205.14204)]\n\
                 - Masked Autoencoders for Images. 2022. [[paper](https://arxiv.org/abs/2209.07098)]\n";
    let added =
        "- Masked Autoencoders for Video. 2022. [[paper](https://arxiv.org/abs/2201.00001)]\n";
    let keys = |bib: &std::path::Path| -> Vec<(String, String)> {
        let text = std::fs::read_to_string(bib).unwrap();
        let mut pairs: Vec<(String, String)> = text
            .split("\n@")
            .filter_map(|e| {
                let key = e.split_once('{')?.1.split_once(',')?.0.to_string();
                let id = e.split_once("eprint = {")?.1.split_once('}')?.0.to_string();
                Some((id, key))
            })
            .collect();
        pairs.sort();
        pairs
    };
    let export = || {
        mdbib(dir.path())
            .args(["export", "--no-enrich", "-q", "-o"])
            .arg(&bib)
            .arg(&list)
            .assert()
            .success();
    };
    std::fs::write(&list, first).unwrap();
    export();
    let before = keys(&bib);
    assert_eq!(before.len(), 2);
    std::fs::write(&list, format!("{added}{first}")).unwrap();
    export();
    let after = keys(&bib);
    assert_eq!(after.len(), 3);
    for pair in &before {
        assert!(after.contains(pair), "{pair:?} moved: {after:?}");
    }
    // Standard output has no earlier keys: the new paper, first by id, takes `a`.
    let fresh = mdbib(dir.path())
        .args(["export", "--no-enrich", "-q"])
        .arg(&list)
        .output()
        .unwrap();
    let fresh = String::from_utf8(fresh.stdout).unwrap();
    let video = fresh.find("2201.00001").unwrap();
    assert!(
        fresh[..video].contains("masked2022autoencodersa,"),
        "{fresh}"
    );
}

/// Papers that share a title keep their keys run after run, and the keymap stays empty: in CSV
/// (matched by arXiv id) and in BibTeX (two items without ids, matched by title one to one).
#[test]
fn papers_sharing_a_title_keep_their_keys_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("twins.md");
    std::fs::write(
        &list,
        "# L\n\n## A\n\n|Publish Date|Title|Authors|PDF|Code|\n|---|---|---|---|---|\n\
         |**2025-12-03**|**A Novel Approach to Tomato Harvesting**|Shahid Ansari et.al.|[2512.03684](http://arxiv.org/abs/2512.03684)|null|\n\
         |**2024-12-21**|**A Novel Approach to Tomato Harvesting**|Shahid Ansari et.al.|[2412.16755](http://arxiv.org/abs/2412.16755)|null|\n\n\
         ## B\n\n* [**Blog, 2024.11**] SymptomCheck Bench. [blog](https://medask.tech/blogs/b/)\n\n\
         ## C\n\n* [**Blog, 2024.11**] SymptomCheck Bench. [blog](https://medask.tech/blogs/b/)\n",
    )
    .unwrap();
    let map = dir.path().join("keys.tsv");
    for format in ["csv", "bibtex"] {
        let out = dir.path().join(format!("refs.{format}"));
        let mut runs = Vec::new();
        for _ in 0..3 {
            mdbib(dir.path())
                .args(["export", "--no-enrich", "-q", "-f", format])
                .arg(&list)
                .arg("-o")
                .arg(&out)
                .arg("--keymap")
                .arg(&map)
                .assert()
                .success();
            runs.push(std::fs::read_to_string(&out).unwrap());
            if runs.len() > 1 {
                assert_eq!(std::fs::read_to_string(&map).unwrap(), "", "{format}");
            }
        }
        assert!(runs.iter().all(|r| *r == runs[0]), "{format}: {runs:#?}");
    }
}

/// A CSV whose columns name nothing to match its rows by (no title, arXiv id or DOI) keeps the
/// keys run after run, with a warning: its keys are not reserved as keys of papers that left.
#[test]
fn csv_columns_without_identity_keep_keys_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("keys.tsv");
    for columns in ["citekey,year,url", "citekey,arxiv"] {
        let out = dir.path().join("refs.csv");
        let _ = std::fs::remove_file(&out);
        let mut runs = Vec::new();
        for run in 0..3 {
            let assert = mdbib(dir.path())
                .args(["export", "--no-enrich", "-f", "csv", "--columns", columns])
                .arg(seed())
                .arg("-o")
                .arg(&out)
                .arg("--keymap")
                .arg(&map)
                .assert()
                .success();
            let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
            if run > 0 {
                assert!(
                    stderr.contains("no arXiv id, DOI or title to match them by"),
                    "{columns}: {stderr}"
                );
                assert_eq!(std::fs::read_to_string(&map).unwrap(), "", "{columns}");
            }
            runs.push(std::fs::read_to_string(&out).unwrap());
        }
        assert!(runs.iter().all(|r| *r == runs[0]), "{columns}: {runs:#?}");
    }
}

/// A line end hidden in a link or a CSL-JSON field never starts a record of its own in RIS.
#[test]
fn ris_records_cannot_be_injected() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("inject.md");
    std::fs::write(
        &list,
        "- Injection paper about things. CVPR 2022 [paper](https://doi.org/10.1000/x%0d%0aER%20%20-%20%0d%0aTY%20%20-%20JOUR%0d%0aTI%20%20-%20Injected)\n",
    )
    .unwrap();
    let json = dir.path().join("inject.json");
    std::fs::write(
        &json,
        r#"[{"id":"a","type":"article","title":"T","URL":"http://x\r\nER  - \r\nTY  - DATA","author":[{"family":"F\r\nER  - ","given":"G"}]}]"#,
    )
    .unwrap();
    for input in [&list, &json] {
        let out = mdbib(dir.path())
            .args(["export", "--no-enrich", "-q", "-f", "ris"])
            .arg(input)
            .output()
            .unwrap();
        let ris = String::from_utf8(out.stdout).unwrap();
        let records = ris
            .split("\r\n")
            .filter(|l| l.starts_with("TY  - "))
            .count();
        assert_eq!(records, 1, "{ris}");
        assert!(
            !ris.contains("TY  - JOUR") && !ris.contains("TY  - DATA"),
            "{ris}"
        );
    }
}

/// A `javascript:` or `data:` link is never written as a link, and a link target cannot open a
/// second link in the Markdown output.
#[test]
fn hostile_links_are_not_written_as_links() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("links.md");
    std::fs::write(
        &list,
        "- XSS paper about things. CVPR 2022 [paper](javascript:alert(document.cookie)) [code](data:text/html;base64,PHA+)\n\
         - A harmless looking paper. CVPR 2022 [paper](<https://a.example/x) [click me](javascript:alert(1)) [y](z>)\n",
    )
    .unwrap();
    for format in ["html", "markdown", "csv", "bibtex", "csljson"] {
        let out = mdbib(dir.path())
            .args(["export", "--no-enrich", "-q", "-f", format])
            .arg(&list)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("paper about things"), "{format}: {text}");
        assert!(!text.contains("href=\"javascript:"), "{format}: {text}");
        assert!(
            !text.contains("javascript:alert(document"),
            "{format}: {text}"
        );
        assert!(!text.contains("data:text/html"), "{format}: {text}");
    }
    let markdown = export_offline(&[list.to_str().unwrap(), "-f", "markdown"]);
    let harmless = markdown.lines().find(|l| l.contains("harmless")).unwrap();
    assert_eq!(harmless.matches("](").count(), 1, "{harmless}");
}

/// A long BibTeX file is read, and its CSL-JSON written, by two threads (see
/// `mdbib::parallel`): the result is what its parts give when each is converted on its own,
/// item for item and warning for warning, in the file's order.
#[test]
fn a_long_file_split_over_two_threads_gives_what_its_parts_give() {
    let entry = |n: usize| {
        // Every seventh entry has a lone `$`, which is warned about.
        let price = if n.is_multiple_of(7) { " for $5" } else { "" };
        format!(
            "@article{{k{n},\n  title = {{Study Number {n} of Things{price}}},\n  \
             author = {{Family{n}, Given}},\n  journal = {{Journal {n}}},\n  year = {{2000}}\n}}\n\n"
        )
    };
    let count = 2 * mdbib::parallel::FROM + 10;
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, range: std::ops::Range<usize>| {
        let path = dir.path().join(name);
        std::fs::write(&path, range.map(entry).collect::<String>()).unwrap();
        path
    };
    let whole = write("whole.bib", 0..count);
    let step = mdbib::parallel::FROM - 1;
    let parts: Vec<_> = (0..count)
        .step_by(step)
        .map(|start| write(&format!("{start}.bib"), start..count.min(start + step)))
        .collect();
    let run = |file: &std::path::Path| {
        let cache = tempfile::tempdir().unwrap();
        let out = crate::common::mdbib(cache.path())
            .args(["export", "--no-enrich", "-f", "csljson"])
            .arg(file)
            .output()
            .unwrap();
        assert!(out.status.success());
        let stderr = String::from_utf8(out.stderr).unwrap();
        // Warnings name the file: keep what follows its name.
        let warnings: Vec<String> = stderr
            .lines()
            .filter_map(|l| l.split_once(".bib:").map(|(_, w)| w.to_string()))
            .collect();
        (String::from_utf8(out.stdout).unwrap(), warnings)
    };
    let (json, warnings) = run(&whole);
    let mut items = Vec::new();
    let mut part_warnings = Vec::new();
    for (n, part) in parts.iter().enumerate() {
        let (text, warned) = run(part);
        let body = text
            .strip_prefix('[')
            .unwrap()
            .strip_suffix("\n]\n")
            .unwrap();
        items.push(body.to_string());
        // Lines count from each part's start.
        part_warnings.extend(warned.into_iter().map(|w| {
            let (line, rest) = w.split_once(':').unwrap();
            let line: usize = line.parse().unwrap();
            format!("{}:{rest}", line + n * step * 7)
        }));
    }
    assert_eq!(json, format!("[{}\n]\n", items.join(",")));
    assert_eq!(warnings.len(), count.div_ceil(7));
    assert_eq!(warnings, part_warnings);
}

/// A `@misc` with a journal and a publisher keeps both in CSL-JSON: the journal as the
/// container, the publisher as such.
#[test]
fn a_misc_entry_keeps_its_journal_and_its_publisher_in_csljson() {
    let dir = tempfile::tempdir().unwrap();
    let bib = dir.path().join("misc.bib");
    std::fs::write(
        &bib,
        "@misc{SpenEtal03,\n  Author = {K M Spencer},\n  Journal = {The Journal of Neuroscience},\n  \
         Publisher = {Society for Neuroscience},\n  Title = {Abnormal neural synchrony},\n  \
         Year = {2003}}\n\n@misc{Data,\n  Title = {A Corpus},\n  Howpublished = {Zenodo},\n  \
         Year = {2020}}\n",
    )
    .unwrap();
    let out = export_offline(&[bib.to_str().unwrap(), "-f", "csljson"]);
    let items: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(items[0]["container-title"], "The Journal of Neuroscience");
    assert_eq!(items[0]["publisher"], "Society for Neuroscience");
    // Without a publisher, where a work is published is its publisher.
    assert_eq!(items[1]["publisher"], "Zenodo");
    assert!(items[1].get("container-title").is_none());
}

/// BibTeX's `number` is a book's number in its series and an article's issue; CSL-JSON says
/// which, a container in lower case keeps it, and TeX's single quotes close.
#[test]
fn numbers_containers_and_quotes_from_bibtex_in_csljson() {
    let dir = tempfile::tempdir().unwrap();
    let bib = dir.path().join("n.bib");
    std::fs::write(
        &bib,
        "@book{B,\n  title = {Graphs},\n  series = {Lecture Notes},\n  number = {12},\n  \
         year = {2001}}\n\n@article{A,\n  title = {Is it `safe'?},\n  journal = {npj Digital Medicine},\n  \
         number = {3},\n  year = {2020}}\n",
    )
    .unwrap();
    let out = export_offline(&[bib.to_str().unwrap(), "-f", "csljson"]);
    let items: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let item = |id: &str| items.iter().find(|i| i["id"] == id).unwrap().clone();
    assert_eq!(item("B")["collection-number"], "12");
    assert!(item("B").get("issue").is_none());
    assert_eq!(item("A")["issue"], "3");
    assert_eq!(item("A")["title"], "Is it ‘safe’?");
    assert_eq!(
        item("A")["container-title"],
        "<span class=\"nocase\">npj</span> Digital Medicine"
    );
    // Read back, the same.
    let json = dir.path().join("n.json");
    std::fs::write(&json, &out).unwrap();
    assert_eq!(
        export_offline(&[json.to_str().unwrap(), "-f", "csljson"]),
        out
    );
}

/// A capitalised particle stays in the family name in CSL-JSON (Chicago would print `Gool, Luc
/// Van`), with `parse-names` off; a lower-case one is a particle.
#[test]
fn capitalised_particles_stay_in_the_family_name_in_csljson() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("l.md");
    std::fs::write(
        &list,
        "- Unsupervised Learning of Things. Wouter Van Gansbeke, Luc Van Gool, Vincent van der Linde. ECCV 2020. [paper](https://arxiv.org/abs/2005.12320)\n",
    )
    .unwrap();
    let out = export_offline(&[list.to_str().unwrap(), "-f", "csljson"]);
    let items: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        crate::common::csl_schema_errors(&items),
        Vec::<String>::new()
    );
    let authors = &items[0]["author"];
    assert_eq!(authors[1]["family"], "Van Gool");
    assert_eq!(authors[1]["parse-names"], false);
    assert!(authors[1].get("non-dropping-particle").is_none());
    assert_eq!(authors[2]["family"], "Linde");
    assert_eq!(authors[2]["non-dropping-particle"], "van der");
    // mdbib's own styles print the name whole, family first.
    let text = export_offline(&[list.to_str().unwrap(), "-f", "text", "--style", "apa"]);
    assert!(text.contains("Van Gansbeke, W., Van Gool, L."), "{text}");
}

/// plain.bst prints a `@misc` by its `howpublished` and `url`: a dataset known by its arXiv
/// paper says `arXiv:ID` there, and an entry linked only to its repository has that as its URL.
#[test]
fn datasets_and_repositories_say_where_they_are() {
    let md = "## Datasets\n\n| Name | Paper |\n|---|---|\n\
              | ShareGPT4Video | [arXiv](https://arxiv.org/pdf/2406.04325v1) |\n\n\
              ## Models\n\n- [**VITA-QinYu: A Speech Model**](https://github.com/VITA-MLLM/VITA-QinYu)\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("list.md");
    std::fs::write(&path, md).unwrap();
    let bib = crate::common::export_offline(&["-q", path.to_str().unwrap()]);
    let entry = |name: &str| bib.split("\n\n").find(|e| e.contains(name)).unwrap();
    let dataset = entry("ShareGPT4Video");
    assert!(
        dataset.contains("howpublished = {arXiv:2406.04325}"),
        "{dataset}"
    );
    let model = entry("VITA-QinYu");
    assert!(
        model.contains("url = {https://github.com/VITA-MLLM/VITA-QinYu}"),
        "{model}"
    );
}

/// Writes `text` into `dir` as `name` and exports it with `args`.
fn export_text(dir: &std::path::Path, name: &str, text: &str, args: &[&str]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let path = path.display().to_string();
    export_offline(&[&[path.as_str()], args].concat())
}

/// A CSL-JSON file read and written again, and its BibTeX read back, say the same: protected
/// words stay on their words, whole family names stay whole, Greek letters stay themselves,
/// and a poster's page keeps its hyphen.
#[test]
fn csljson_and_bibtex_round_trips_keep_names_capitals_and_letters() {
    let dir = tempfile::tempdir().unwrap();
    let source = r#"[{"id": "a", "type": "article-journal", "container-title": "J",
  "title": "Medical <span class=\"nocase\">A</span>rtificial Intelligence — <span class=\"nocase\">A</span> Review of ι, Δ and μ",
  "author": [{"family": "De Lange", "given": "Matthias", "parse-names": false},
             {"family": "van de Pol", "given": "J", "parse-names": false}],
  "page": "PS-2B.16", "issued": {"date-parts": [[2020]]}}]"#;
    let once = export_text(dir.path(), "in.json", source, &["-f", "csljson"]);
    for expected in [
        r#"Medical <span class=\"nocase\">Artificial</span> Intelligence — <span class=\"nocase\">A</span> "#,
        "of ι, ",
        "Δ</span> and μ",
        r#""family": "De Lange",
        "parse-names": false"#,
        r#""family": "van de Pol",
        "parse-names": false"#,
        r#""page": "PS-2B.16""#,
    ] {
        assert!(once.contains(expected), "{expected} missing:\n{once}");
    }
    assert_eq!(
        export_text(dir.path(), "again.json", &once, &["-f", "csljson"]),
        once
    );
    let bibtex = export_text(dir.path(), "in2.json", source, &["-f", "bibtex"]);
    assert!(bibtex.contains("{van de Pol}, J"), "{bibtex}");
    assert!(bibtex.contains("pages = {PS-2B.16}"), "{bibtex}");
    assert!(
        bibtex.contains("Medical {Artificial} Intelligence"),
        "{bibtex}"
    );
    assert_eq!(
        export_text(dir.path(), "back.bib", &bibtex, &["-f", "csljson"]),
        once
    );
}

/// An arXiv preprint's primary category is read back from BibTeX's `primaryclass`, BibLaTeX's
/// `eprintclass` and CSL-JSON's `custom`, and written again.
#[test]
fn primary_categories_are_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let bib = "@misc{a, title={A}, eprint={2101.00001}, archiveprefix={arXiv}, primaryclass={cs.CV}, year={2021}}\n\
               @online{b, title={B}, eprint={2101.00002}, eprinttype={arxiv}, eprintclass={cs.LG}, year={2021}}\n";
    let json = export_text(dir.path(), "in.bib", bib, &["-f", "csljson"]);
    let items: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(items[0]["custom"]["primary-category"], "cs.CV");
    assert_eq!(items[1]["custom"]["primary-category"], "cs.LG");
    let bibtex = export_text(dir.path(), "back.json", &json, &["-f", "bibtex"]);
    assert!(
        bibtex.contains("howpublished = {arXiv:2101.00002 [cs.LG]}"),
        "{bibtex}"
    );
}

/// A paper with an arXiv id whose list names a venue of no known kind (a work of unknown kind)
/// keeps venue, kind and id when read back from BibTeX or CSL-JSON; a CSL-JSON preprint that
/// names where else it appeared keeps it.
#[test]
fn a_paper_with_a_venue_of_no_known_kind_keeps_it_through_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let list = "- Text-to-SQL in the Wild: A Dataset, NLP4Prog 2021. [[paper]](https://arxiv.org/abs/2106.05006)\n";
    let columns = ["-f", "csv", "--columns", "type,venue,arxiv"];
    let direct = export_text(dir.path(), "list.md", list, &columns);
    assert!(
        direct.contains("other,NLP4Prog,arXiv:2106.05006"),
        "{direct}"
    );
    for (format, name) in [("bibtex", "out.bib"), ("csljson", "out.json")] {
        let written = export_text(dir.path(), "list.md", list, &["-f", format]);
        let back = export_text(dir.path(), name, &written, &columns);
        assert_eq!(back, direct, "through {format}");
    }
    let json = r#"[{"id": "a", "type": "article", "title": "T", "publisher": "arXiv",
                    "number": "arXiv:2106.05006", "container-title": "NLP4Prog"}]"#;
    let again = export_text(dir.path(), "in.json", json, &["-f", "csljson"]);
    assert!(
        again.contains(r#""container-title": "NLP4Prog""#),
        "{again}"
    );
    assert!(again.contains(r#""number": "arXiv:2106.05006""#), "{again}");
}
