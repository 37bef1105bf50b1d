//! Formatted reference lists (CSL styles): reviewed snapshots, agreement with `pandoc --citeproc`
//! on the same CSL-JSON and style, and the HTML page as headless Chromium shows it.

use crate::enrich::{export, MockArxiv};
use crate::toolchain::have;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A mock arXiv serving the seed's metadata, and a cache for it.
fn enriched() -> (MockArxiv, tempfile::TempDir) {
    let mock = MockArxiv::start();
    mock.id_list(200, "seed-new.xml", None);
    mock.title_search();
    (mock, tempfile::tempdir().unwrap())
}

#[test]
fn seed_in_apa_ieee_and_vancouver() {
    let (mock, cache) = enriched();
    for style in ["apa", "ieee", "vancouver"] {
        let (text, _) = export(&mock.api(), cache.path(), "text", &["--style", style]);
        insta::assert_snapshot!(format!("seed_{style}"), text);
    }
}

/// A conference paper known to the year: its venue once and as spelled, and no delimiter before a part that
/// renders nothing (hayagriva writes `(2022, )` in APA and `MLHC,.` in Chicago, pandoc not).
#[test]
fn conference_papers_name_their_venue_once_without_dangling_commas() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.md");
    std::fs::write(
        &list,
        "- Contrastive Learning of Medical Visual Representations. MLHC 2022. \
         [[paper](http://arxiv.org/abs/2010.00747)]\n\
         - Multi-Granularity Cross-modal Alignment. NeurIPS 2022. \
         [[paper](https://arxiv.org/abs/2210.06044)]\n",
    )
    .unwrap();
    for (style, year) in [("apa", "(2022). "), ("chicago-author-date", "2022. ")] {
        let text = crate::common::export_offline(&[
            list.to_str().unwrap(),
            "-f",
            "text",
            "--style",
            style,
        ]);
        assert!(text.contains(year), "{style}: {text}");
        assert_eq!(text.matches("MLHC").count(), 1, "{style}: {text}");
        assert!(
            !text.contains(",.") && !text.contains(",)"),
            "{style}: {text}"
        );
        // The venue as it is spelled, though the style title-cases it (hayagriva: `Neurips`).
        assert!(
            text.contains("NeurIPS") && !text.contains("Neurips"),
            "{style}: {text}"
        );
    }
}

#[test]
fn markdown_with_a_style_is_a_formatted_list_grouped_by_section() {
    let (mock, cache) = enriched();
    let (md, _) = export(
        &mock.api(),
        cache.path(),
        "markdown",
        &["--style", "ieee", "--group-by", "section"],
    );
    assert!(md.contains("## Papers > Pre-training > 2022"), "{md}");
    assert!(
        md.contains("Z. Wang, Z. Wu, D. Agarwal, and J. Sun"),
        "{md}"
    );
    assert!(
        md.contains("](<https://arxiv.org/abs/2210.10163>)"),
        "links are kept: {md}"
    );
    let (plain, _) = export(&mock.api(), cache.path(), "markdown", &[]);
    assert!(
        plain.starts_with("# Reading list"),
        "without --style the template list: {plain}"
    );
}

#[test]
fn unknown_style_is_an_error_naming_it() {
    let cache = tempfile::tempdir().unwrap();
    crate::common::mdbib(cache.path())
        .args([
            "export",
            "--no-enrich",
            "-f",
            "text",
            "--style",
            "no-such-style",
        ])
        .arg(crate::common::seed())
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "style no-such-style: no such style",
        ));
}

/// A dependent style names its parent by URL: a bundled style of that name, or a `.csl` file of
/// that name next to it.
#[test]
fn dependent_styles_find_their_parent() {
    let dir = tempfile::tempdir().unwrap();
    let dependent = |name: &str, parent: &str| {
        let path = dir.path().join(format!("{name}.csl"));
        let xml = format!(
            r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info><title>{name}</title><id>http://example.org/styles/{name}</id>
    <link href="http://www.zotero.org/styles/{parent}" rel="independent-parent"/>
    <updated>2026-01-01T00:00:00+00:00</updated></info>
</style>
"#
        );
        std::fs::write(&path, xml).unwrap();
        path
    };
    std::fs::write(
        dir.path().join("titles-only.csl"),
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Titles only</title><id>http://example.org/styles/titles-only</id>
    <updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text variable="title" prefix="T: "/></layout></bibliography>
</style>
"#,
    )
    .unwrap();
    let text = |style: &std::ffi::OsStr| {
        let out = crate::common::mdbib(dir.path())
            .args(["export", "--no-enrich", "-q", "-f", "text", "--style"])
            .arg(style)
            .arg(crate::common::seed())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let ieee_child = dependent("ieee-child", "ieee");
    assert_eq!(text(ieee_child.as_os_str()), text("ieee".as_ref()));
    let local_child = dependent("local-child", "titles-only");
    let listed = text(local_child.as_os_str());
    assert!(listed.starts_with("T: "), "{listed}");
    // The parent is read too, so no output may replace it.
    crate::common::mdbib(dir.path())
        .args(["export", "--no-enrich", "-q", "-f", "text", "--style"])
        .arg(&local_child)
        .arg("-o")
        .arg(dir.path().join("titles-only.csl"))
        .arg(crate::common::seed())
        .assert()
        .code(1)
        .stderr(predicates::str::contains("refusing to overwrite an input"));
    let orphan = dependent("orphan", "no-such-parent");
    crate::common::mdbib(dir.path())
        .args(["export", "--no-enrich", "-f", "text", "--style"])
        .arg(&orphan)
        .arg(crate::common::seed())
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no-such-parent"));
}

/// The CSL styles as Debian's citation-style-language-styles package ships them.
fn debian_style(name: &str) -> Option<PathBuf> {
    let path = PathBuf::from(format!(
        "/usr/share/citation-style-language/styles/{name}.csl"
    ));
    if path.is_file() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} is missing, and CI must run this test (.ci/run installs citation-style-language-styles)",
        path.display()
    );
    eprintln!("skipped: {} is not installed", path.display());
    None
}

/// Paragraphs of a rendered list, whitespace collapsed.
fn entries(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|e| e.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|e| !e.is_empty())
        .collect()
}

/// (title, year, first author's family name) of every reference, from mdbib's CSV.
fn facts(csv_text: &str) -> Vec<(String, String, Option<String>)> {
    let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            let family = r[3]
                .split("; ")
                .next()
                .filter(|a| !a.is_empty())
                .and_then(|a| a.rsplit(' ').next())
                .map(str::to_string);
            (r[2].to_string(), r[4].to_string(), family)
        })
        .collect()
}

/// The index of the entry that holds `title`, compared in normalised form.
fn find(entries: &[String], title: &str) -> Option<usize> {
    let title = mdbib::text::normalize_title(title);
    entries
        .iter()
        .position(|e| mdbib::text::normalize_title(e).contains(&title))
}

/// mdbib (hayagriva) and pandoc --citeproc, given the same CSL-JSON and the same style file, agree
/// entry by entry on authors, year and title, and on the order of the entries.
#[test]
fn the_three_styles_agree_with_pandoc_citeproc() {
    if !have("pandoc") {
        return;
    }
    let (mock, cache) = enriched();
    let (json, _) = export(&mock.api(), cache.path(), "csljson", &[]);
    let (csv_text, _) = export(&mock.api(), cache.path(), "csv", &[]);
    let facts = facts(&csv_text);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("refs.json"), &json).unwrap();
    std::fs::write(dir.path().join("doc.md"), "---\nnocite: '@*'\n---\n").unwrap();
    for style in ["apa", "ieee", "vancouver"] {
        let Some(csl) = debian_style(style) else {
            return;
        };
        let (ours, _) = export(
            &mock.api(),
            cache.path(),
            "text",
            &["--style", csl.to_str().unwrap()],
        );
        let theirs = pandoc(dir.path(), &csl);
        let (ours, theirs) = (entries(&ours), entries(&theirs));
        assert_eq!(ours.len(), facts.len(), "{style}: {ours:#?}");
        assert_eq!(theirs.len(), facts.len(), "{style}: {theirs:#?}");
        let mut order = Vec::new();
        for (title, year, family) in &facts {
            let (Some(a), Some(b)) = (find(&ours, title), find(&theirs, title)) else {
                panic!("{style}: {title} missing\nours: {ours:#?}\npandoc: {theirs:#?}");
            };
            for entry in [&ours[a], &theirs[b]] {
                assert!(
                    entry.contains(year.as_str()),
                    "{style}: year {year} not in {entry}"
                );
                if let Some(family) = family {
                    assert!(
                        entry.contains(family.as_str()),
                        "{style}: {family} not in {entry}"
                    );
                }
            }
            assert_eq!(
                ours[a].contains("et al"),
                theirs[b].contains("et al"),
                "{style}: author lists shortened differently:\nours:   {}\npandoc: {}",
                ours[a],
                theirs[b]
            );
            order.push((a, b));
        }
        order.sort_unstable();
        let pandoc_order: Vec<usize> = order.iter().map(|(_, b)| *b).collect();
        let mut sorted = pandoc_order.clone();
        sorted.sort_unstable();
        assert_eq!(pandoc_order, sorted, "{style}: entries in the same order");
    }
}

fn pandoc(dir: &Path, csl: &Path) -> String {
    let out = Command::new("pandoc")
        .current_dir(dir)
        .args([
            "doc.md",
            "--citeproc",
            "--bibliography",
            "refs.json",
            "--wrap=none",
            "-t",
            "plain",
            "--csl",
        ])
        .arg(csl)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The page that `--format html --style vancouver` writes, printed by headless Chromium: the text a
/// reader sees has every title, Unicode intact, and the links are live.
#[test]
fn html_page_reads_and_clicks_in_chromium() {
    if !(have("chromium") && have("pdftotext")) {
        return;
    }
    let (mock, cache) = enriched();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("refs.html");
    let (html, _) = export(
        &mock.api(),
        cache.path(),
        "html",
        &["--style", "vancouver", "--group-by", "section"],
    );
    std::fs::write(&page, &html).unwrap();
    let pdf = dir.path().join("refs.pdf");
    let profile = dir.path().join("profile");
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(
        pdf.is_file(),
        "chromium printed nothing: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let seen = String::from_utf8(text.stdout).unwrap();
    let seen = seen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(seen.contains("References"));
    assert!(seen.contains("Papers > Pre-training > 2022"), "{seen}");
    assert!(
        seen.contains("MedCLIP: Contrastive Learning from Unpaired Medical Images and Text"),
        "{seen}"
    );
    assert!(seen.contains("Pérez-García"), "Unicode intact: {seen}");
    assert!(
        !seen.contains("&amp;") && !seen.contains("<a "),
        "no markup shows: {seen}"
    );
    let bytes = std::fs::read(&pdf).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    assert!(
        raw.contains("/URI (https://arxiv.org/abs/2210.10163)"),
        "the links are clickable in the printed page"
    );
}
