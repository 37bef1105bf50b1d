//! `mdbib export` on the bundled example, without the network.

use crate::common::{export_offline, seed};

/// The seed relative to the package root (the tests' working directory), so snapshots that show
/// the file name do not depend on where the repository is checked out.
fn seed_str() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    seed()
        .strip_prefix(root)
        .unwrap_or(&seed())
        .display()
        .to_string()
}

#[test]
fn seed_bibtex_snapshot() {
    let out = export_offline(&[&seed_str(), "--format", "bibtex"]);
    insta::assert_snapshot!("seed_bibtex", out);
}

#[test]
fn seed_csljson_snapshot() {
    let out = export_offline(&[&seed_str(), "--format", "csljson"]);
    insta::assert_snapshot!("seed_csljson", out);
}

#[test]
fn seed_csv_snapshot() {
    let out = export_offline(&[&seed_str(), "--format", "csv"]);
    insta::assert_snapshot!("seed_csv", out);
}

/// The acceptance figures of the foundation: 18 papers plus one dataset, 13 arXiv ids, the two
/// Springer DOIs, four code links, no mojibake, unique keys; the same entries in every format.
#[test]
fn seed_counts_agree_across_formats() {
    let csv_text = export_offline(&[&seed_str(), "--format", "csv"]);
    let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
    let header = rdr.headers().unwrap().clone();
    assert_eq!(
        header.iter().take(11).collect::<Vec<_>>(),
        [
            "citekey", "type", "title", "authors", "year", "venue", "arxiv", "doi", "url", "code",
            "section"
        ]
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let count = |name: &str| rows.iter().filter(|r| !r[col(name)].is_empty()).count();
    assert_eq!(rows.len(), 19);
    assert_eq!(
        rows.iter().filter(|r| &r[col("type")] == "dataset").count(),
        1
    );
    assert_eq!(count("arxiv"), 13);
    assert_eq!(count("doi"), 2);
    assert_eq!(count("code"), 4);
    assert_eq!(count("year"), 19);
    assert!(!csv_text.contains("â€"), "mojibake left");
    assert!(csv_text.contains("Vision–Language"));
    let mut keys: Vec<&str> = rows.iter().map(|r| &r[col("citekey")]).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), 19, "citekeys are unique");

    // The same keys in BibTeX (re-parsed with the biblatex crate) and CSL-JSON.
    let bib_text = export_offline(&[&seed_str(), "--format", "bibtex"]);
    let bib = biblatex::Bibliography::parse(&bib_text).expect("BibTeX re-parses");
    let mut bib_keys: Vec<String> = bib.keys().map(str::to_string).collect();
    bib_keys.sort_unstable();
    assert_eq!(bib_keys, keys);
    let json_text = export_offline(&[&seed_str(), "--format", "csljson"]);
    let json: serde_json::Value = serde_json::from_str(&json_text).unwrap();
    let mut json_keys: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    json_keys.sort_unstable();
    assert_eq!(json_keys, keys);
}

#[test]
fn seed_titles_sections_and_years() {
    let csv_text = export_offline(&[&seed_str(), "--format", "csv"]);
    let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    let find = |arxiv: &str| {
        let cell = format!("arXiv:{arxiv}");
        rows.iter().find(|r| r[6] == cell).expect(arxiv).clone()
    };
    let medclip = find("2210.10163");
    assert_eq!(
        &medclip[2],
        "MedCLIP: Contrastive Learning from Unpaired Medical Images and Text"
    );
    assert_eq!(&medclip[1], "conference-paper");
    assert_eq!(&medclip[5], "EMNLP");
    assert_eq!(&medclip[10], "Papers > Pre-training > 2022");
    let convirt = find("2010.00747");
    assert_eq!(
        &convirt[4], "2022",
        "the text's year wins over the heading's"
    );
    assert_eq!(&convirt[10], "Papers > Pre-training > 2020");
    let scehr = rows.iter().find(|r| r[2].starts_with("SCEHR")).unwrap();
    assert_eq!(&scehr[4], "2021", "year taken from the **2021** heading");
    let nips = find("2210.06044");
    assert_eq!(&nips[5], "NeurIPS");
}

#[test]
fn csljson_validates_against_the_official_schema() {
    let out = export_offline(&[&seed_str(), "--format", "csljson"]);
    let items: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors = crate::common::csl_schema_errors(&items);
    assert!(errors.is_empty(), "{errors:#?}");
    let types: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["type"].as_str().unwrap())
        .collect();
    assert!(
        types.contains(&"paper-conference")
            && types.contains(&"article")
            && types.contains(&"dataset")
    );
}

#[test]
fn stdin_and_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("refs.bib");
    let input = std::fs::read(seed()).unwrap();
    crate::common::mdbib(dir.path())
        .args(["export", "--no-enrich", "-", "-o"])
        .arg(&out_path)
        .write_stdin(input)
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&out_path).unwrap();
    assert_eq!(written.matches("\n@").count() + 1, 19);
    assert!(written.contains("eprint = {2210.10163}"));
}

#[test]
fn formats_lists_every_writer() {
    let dir = tempfile::tempdir().unwrap();
    let out = crate::common::mdbib(dir.path())
        .arg("formats")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for name in ["bibtex", "biblatex", "csljson", "csv", "markdown", "ris"] {
        assert!(
            text.lines().any(|l| l.starts_with(name)),
            "{name} missing from:\n{text}"
        );
    }
}

/// A preprint the list does not date is dated by its arXiv id, without the network; a
/// conference paper only by the year of its conference's first meeting after the id's month
/// (the id says when it was posted, not when the conference was).
#[test]
fn an_undated_preprint_takes_the_month_of_its_arxiv_id() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.md");
    std::fs::write(
        &list,
        "- Fast Things. [[pdf]](https://arxiv.org/pdf/1906.00283.pdf)\n\
         - Dated Things. 2021. [[pdf]](https://arxiv.org/pdf/1905.00001.pdf)\n\n\
         | Title | Venue |\n|---|---|\n\
         | [Slow Things](https://arxiv.org/pdf/2312.00109.pdf) | CVPR |\n",
    )
    .unwrap();
    let out = export_offline(&[list.to_str().unwrap(), "--format", "csljson"]);
    let items: serde_json::Value = serde_json::from_str(&out).unwrap();
    let issued = |title: &str| {
        let item = items
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["title"] == title)
            .unwrap_or_else(|| panic!("{title} in {out}"));
        item["issued"]["date-parts"][0].clone()
    };
    assert_eq!(issued("Fast Things"), serde_json::json!([2019, 6]));
    // A CVPR paper posted in December 2023 is dated by the next meeting: CVPR 2024, no month.
    assert_eq!(issued("Slow Things"), serde_json::json!([2024]));
    assert_eq!(issued("Dated Things"), serde_json::json!([2021]));
}
