//! The real clients: pdflatex + bibtex (plain.bst), pdflatex + biblatex + biber, pandoc and
//! `pandoc --citeproc` read what mdbib writes. Locally a missing tool skips a test with a message;
//! with `CI` set it fails the test.

use crate::common::{export_offline, fixture, seed};
use mdbib::model::{Date, Kind, Origin, Person, Reference};
use std::path::Path;
use std::process::Command;

/// Whether `tool` runs. Without it: a printed skip locally, a failure in CI.
pub fn have(tool: &str) -> bool {
    // Most tools answer --version; poppler's answer -v.
    let found = ["--version", "-v"].iter().any(|flag| {
        Command::new(tool)
            .arg(flag)
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{tool} is missing, and CI must run this test (.ci/run installs it)"
        );
        eprintln!("skipped: {tool} is not installed");
    }
    found
}

/// Runs `program args...` in `dir`; panics with its output when it fails.
fn run(dir: &Path, program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{program} {args:?} failed:\n{text}");
    text
}

/// pdflatex has no glyphs for CJK without a CJK package; a thesis with CJK titles loads one (or uses
/// xelatex). The test documents map each such character to a placeholder instead.
fn cjk_declarations(bib: &str) -> String {
    let mut chars: Vec<char> = bib.chars().filter(|&c| c as u32 >= 0x2E80).collect();
    chars.sort_unstable();
    chars.dedup();
    chars
        .iter()
        .map(|c| format!("\\DeclareUnicodeCharacter{{{:04X}}}{{?}}\n", *c as u32))
        .collect()
}

/// Compiles `bib` with pdflatex + bibtex (plain.bst); returns the `.bbl`.
fn compile_bibtex(bib: &str) -> String {
    compile_bibtex_with(bib, "plain")
}

/// Compiles `bib` with pdflatex + bibtex and the style `style`; returns the `.bbl`.
fn compile_bibtex_with(bib: &str, style: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("refs.bib"), bib).unwrap();
    let doc = format!(
        "\\documentclass{{article}}\n{}\\begin{{document}}\n\\nocite{{*}}\n\\bibliographystyle{{{style}}}\n\\bibliography{{refs}}\n\\end{{document}}\n",
        cjk_declarations(bib)
    );
    std::fs::write(dir.path().join("doc.tex"), doc).unwrap();
    let latex = ["-interaction=nonstopmode", "-halt-on-error", "doc"];
    run(dir.path(), "pdflatex", &latex);
    run(dir.path(), "bibtex", &["doc"]);
    run(dir.path(), "pdflatex", &latex);
    let blg = std::fs::read_to_string(dir.path().join("doc.blg")).unwrap();
    assert!(!blg.contains("error message"), "bibtex errors:\n{blg}");
    // Entries without authors carry a `key` to sort and label by.
    assert!(
        !blg.contains("need author or key"),
        "bibtex warnings:\n{blg}"
    );
    let log = std::fs::read_to_string(dir.path().join("doc.log")).unwrap();
    assert!(!log.contains("\n!"), "LaTeX errors:\n{log}");
    std::fs::read_to_string(dir.path().join("doc.bbl")).unwrap()
}

/// Compiles `bib` with pdflatex + biblatex + biber; returns the `.bbl`.
fn compile_biber(bib: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("refs.bib"), bib).unwrap();
    let doc = format!(
        "\\documentclass{{article}}\n\\usepackage[backend=biber]{{biblatex}}\n\\addbibresource{{refs.bib}}\n{}\\begin{{document}}\n\\nocite{{*}}\n\\printbibliography\n\\end{{document}}\n",
        cjk_declarations(bib)
    );
    std::fs::write(dir.path().join("doc.tex"), doc).unwrap();
    let latex = ["-interaction=nonstopmode", "-halt-on-error", "doc"];
    run(dir.path(), "pdflatex", &latex);
    run(dir.path(), "biber", &["doc"]);
    run(dir.path(), "pdflatex", &latex);
    let blg = std::fs::read_to_string(dir.path().join("doc.blg")).unwrap();
    assert!(
        !blg.contains("ERROR") && !blg.contains("WARN"),
        "biber complained:\n{blg}"
    );
    let log = std::fs::read_to_string(dir.path().join("doc.log")).unwrap();
    assert!(!log.contains("\n!"), "LaTeX errors:\n{log}");
    std::fs::read_to_string(dir.path().join("doc.bbl")).unwrap()
}

fn tricky() -> String {
    fixture("tricky/latex-specials.md").display().to_string()
}

const PROTECTED: [&str; 6] = [
    "{MedCLIP}",
    "{CLIP}",
    "{GPT-4}",
    "{X}-ray",
    "{ImageNet}",
    "{iOS}",
];

#[test]
fn bibtex_compiles_with_plain_bst_and_keeps_capitals() {
    if !(have("pdflatex") && have("bibtex")) {
        return;
    }
    for ascii in [false, true] {
        let mut args = vec![tricky(), seed().display().to_string()];
        if ascii {
            args.push("--ascii".into());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let bbl = compile_bibtex(&export_offline(&args));
        // plain.bst lower-cases titles: the unprotected words change, the protected ones do not.
        assert!(
            bbl.contains("{MedCLIP} meets {CLIP}"),
            "ascii={ascii}:\n{bbl}"
        );
        for word in PROTECTED {
            assert!(bbl.contains(word), "{word} lost (ascii={ascii}):\n{bbl}");
        }
        assert!(bbl.contains("{LViT}: Language meets vision transformer"));
        assert!(bbl.contains("Profit \\& loss: 50\\% of \\$5"));
        // plain.bst prints no eprint: an arXiv preprint's number is in `howpublished`.
        assert!(bbl.contains("arXiv:2301.04558"), "{bbl}");
        // AMS math compiles without amssymb, through the file's own @preamble.
        assert!(
            bbl.contains("Flows in {$\\mathbb{R}^4$} below \\textless{}1"),
            "{bbl}"
        );
        let entries = titles_by_key(&args[..2]).len();
        assert_eq!(
            bbl.matches("\\bibitem").count(),
            entries,
            "every entry printed"
        );
    }
}

#[test]
fn biblatex_compiles_with_biber_and_keeps_capitals() {
    if !(have("pdflatex") && have("biber")) {
        return;
    }
    for format in ["bibtex", "biblatex"] {
        for ascii in [false, true] {
            let mut args = vec![
                tricky(),
                seed().display().to_string(),
                "-f".into(),
                format.into(),
            ];
            if ascii {
                args.push("--ascii".into());
            }
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let bbl = compile_biber(&export_offline(&args));
            for word in PROTECTED {
                assert!(
                    bbl.contains(word),
                    "{word} lost ({format}, ascii={ascii}):\n{bbl}"
                );
            }
            let entries = titles_by_key(&args[..2]).len();
            assert_eq!(bbl.matches("\\entry{").count(), entries, "every entry read");
            if format == "biblatex" {
                assert!(bbl.contains("\\field{eprinttype}{arxiv}"));
                assert!(bbl.contains("\\entry{mimiccxr2019co}{dataset}"));
                assert!(bbl.contains("{online}"), "preprints as @online");
            }
        }
    }
}

/// Books, chapters, theses and reports compile with bibtex (plain.bst) and with biber, and print
/// as what they are.
#[test]
fn books_chapters_theses_and_reports_compile() {
    if !(have("pdflatex") && have("bibtex") && have("biber")) {
        return;
    }
    let books = fixture("bibtex/books.bib").display().to_string();
    let bbl = compile_bibtex(&export_offline(&[&books, "-f", "bibtex"]));
    for printed in [
        "PhD thesis, University of Amsterdam, 2024",
        "Master's thesis, KAIST, 2020",
        "Technical Report TR-2019-04, MIT, 2019",
        // A report's own genre is printed in place of "Technical Report".
        "PEP 518, Python Software Foundation, 2016",
        "Addison-Wesley, Reading, MA",
        "editors, {\\em Handbook of",
        "chapter~12, pages 225--254",
        "{Bayesian}",
        "In {\\em The Neurosciences: A Study Program}",
        "chapter~3",
    ] {
        assert!(bbl.contains(printed), "{printed} missing:\n{bbl}");
    }
    let bbl = compile_biber(&export_offline(&[&books, "-f", "biblatex"]));
    for entry in [
        "{knuth1984}{book}",
        "{boyd2014}{incollection}",
        "{debr2024}{thesis}",
        "{tr2019}{report}",
    ] {
        assert!(bbl.contains(entry), "{entry} missing:\n{bbl}");
    }
}

/// Titles as a reader shows them, for comparison: no nocase spans, one space, lower case, NFC.
fn comparable(title: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    title
        .replace("<span class=\"nocase\">", "")
        .replace("</span>", "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .nfc()
        .collect()
}

/// Our titles by key, from the CSV writer.
fn titles_by_key(inputs: &[&str]) -> Vec<(String, String)> {
    let mut args = inputs.to_vec();
    args.extend(["-f", "csv", "--no-formula-guard"]);
    let csv_text = export_offline(&args);
    let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
    rdr.records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[2].to_string())
        })
        .collect()
}

#[test]
fn pandoc_reads_the_bibtex_titles_back() {
    if !have("pandoc") {
        return;
    }
    let (tricky, seed) = (tricky(), seed().display().to_string());
    let expected = titles_by_key(&[&tricky, &seed]);
    for format in ["bibtex", "biblatex"] {
        for ascii in [false, true] {
            let mut args = vec![tricky.as_str(), seed.as_str(), "-f", format];
            if ascii {
                args.push("--ascii");
            }
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join("refs.bib"), export_offline(&args)).unwrap();
            let json = run(
                dir.path(),
                "pandoc",
                &["-f", format, "-t", "csljson", "refs.bib"],
            );
            let items: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
            assert_eq!(items.len(), expected.len());
            for (key, title) in &expected {
                let item = items
                    .iter()
                    .find(|i| i["id"] == key.as_str())
                    .unwrap_or_else(|| panic!("{key} missing ({format}, ascii={ascii})"));
                let read = comparable(item["title"].as_str().unwrap());
                if title.contains("\\mathbb") {
                    // pandoc keeps AMS math as TeX source, without the dollars.
                    assert!(
                        read.contains("\\mathbb{r}^4") && read.contains("<1 hz | sorted by >"),
                        "{key} ({format}, ascii={ascii}): {read}"
                    );
                    continue;
                }
                if title.contains("$κ$") {
                    // pandoc keeps math, and Greek written as a math command, as TeX source.
                    assert!(
                        read.contains("\\alpha") && read.contains("{\\kappa}-ga_2o_3"),
                        "{key} ({format}, ascii={ascii}): {read}"
                    );
                    continue;
                }
                assert_eq!(read, comparable(title), "{key} ({format}, ascii={ascii})");
            }
        }
    }
}

#[test]
fn pandoc_citeproc_renders_every_csljson_entry() {
    if !have("pandoc") {
        return;
    }
    let (tricky, seed) = (tricky(), seed().display().to_string());
    let dir = tempfile::tempdir().unwrap();
    let json = export_offline(&[&tricky, &seed, "-f", "csljson"]);
    std::fs::write(dir.path().join("refs.json"), json).unwrap();
    std::fs::write(dir.path().join("doc.md"), "---\nnocite: '@*'\n---\n").unwrap();
    let out = run(
        dir.path(),
        "pandoc",
        &[
            "--citeproc",
            "--bibliography",
            "refs.json",
            "-t",
            "plain",
            "--wrap=none",
            "doc.md",
        ],
    );
    assert!(!out.contains("[WARNING]"), "{out}");
    // The default style (Chicago) title-cases titles and curls quotes; compare without case.
    let quotes = ['‘', '’', '“', '”'];
    let rendered = comparable(&out).replace(quotes, "'");
    for (key, title) in titles_by_key(&[&tricky, &seed]) {
        let title = comparable(&title).replace(quotes, "'");
        assert!(rendered.contains(&title), "{key}: `{title}` not in:\n{out}");
    }
}

/// References with authors as enrichment fills them: particles, accents, an organisation, many names.
fn authored() -> Vec<Reference> {
    let origin = || Origin {
        file: std::path::Path::new("authors.md").into(),
        line: 1,
    };
    let mut a = Reference::new("Visualizing Data using t-SNE".into(), origin());
    a.kind = Kind::JournalArticle;
    a.authors = vec![
        Person::parse("Laurens van der Maaten"),
        Person::parse("Geoffrey Hinton"),
    ];
    a.date = Some(Date::parse_iso("2008-11-01").unwrap());
    a.venue = mdbib::venue::recognise("JMLR");
    a.citekey = "vandermaaten2008visualizing".into();
    let mut b = Reference::new(
        "Étude des réseaux: à la Façon de Łukasiewicz".into(),
        origin(),
    );
    b.kind = Kind::Preprint;
    b.authors = vec![
        Person::parse("José Núñez"),
        Person::parse("Charles de Gaulle"),
        Person::literal("The MedCLIP Consortium & Friends"),
        Person::parse("Søren Kierkegaard"),
        Person::parse("Zoë Ångström"),
    ];
    b.date = Some(Date::parse_iso("2023-02-14").unwrap());
    b.arxiv = mdbib::ids::parse_arxiv_id("2302.00003");
    b.primary_category = Some("cs.CV".into());
    b.abstract_text = Some("We study 100% of the $\\alpha$ cases & more_things.".into());
    b.citekey = "nunez2023etude".into();
    vec![a, b]
}

fn write(format: &str, refs: &[Reference], ascii: bool) -> String {
    let options = mdbib::write::WriteOptions {
        ascii,
        ..Default::default()
    };
    let mut out = Vec::new();
    mdbib::write::find(format)
        .unwrap()
        .write(refs, &options, &mut out)
        .unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn authors_with_particles_accents_and_organisations_compile() {
    let refs = authored();
    let ris = write("ris", &refs, false);
    assert!(
        ris.contains("AU  - van der Maaten, Laurens\r\nAU  - Hinton, Geoffrey\r\nPY  - 2008\r\nDA  - 2008/11/01/\r\n"),
        "{ris}"
    );
    assert!(
        ris.contains("AU  - The MedCLIP Consortium & Friends\r\n"),
        "{ris}"
    );
    assert!(ris.contains("AB  - We study 100% of the $\\alpha$ cases & more_things.\r\n"));
    let markdown = write("markdown", &refs, false);
    assert!(markdown.contains(
        "(https://arxiv.org/abs/2302.00003) — José Núñez, Charles de Gaulle, The MedCLIP Consortium & Friends, Søren Kierkegaard, Zoë Ångström — 2023\n"
    ), "{markdown}");
    for ascii in [false, true] {
        let bib = write("bibtex", &refs, ascii);
        assert!(!bib.contains("others"), "no invented `and others`");
        assert!(bib.contains("author = {van der Maaten, Laurens and Hinton, Geoffrey}"));
        assert!(bib.contains("month = nov"));
        if have("pdflatex") && have("bibtex") {
            let bbl = compile_bibtex(&bib);
            // plain.bst: `First von Last`, all five names, the organisation whole.
            assert!(
                bbl.contains("Laurens van~der Maaten and Geoffrey Hinton"),
                "{bbl}"
            );
            assert!(
                bbl.contains("{The MedCLIP Consortium \\& Friends}"),
                "{bbl}"
            );
            assert!(bbl.contains("Charles de~Gaulle"), "{bbl}");
            assert!(!bbl.contains("et~al"), "{bbl}");
            // alpha.bst builds labels from the first bytes of names: they are ASCII, with or
            // without `--ascii`, so no label ends inside a character.
            let mut accented = refs[1].clone();
            accented.authors = vec![Person::parse("Zoë Ångström"), Person::parse("Ömer Özkan")];
            let bbl = compile_bibtex_with(&write("bibtex", &[accented], ascii), "alpha");
            assert!(bbl.contains("\\bibitem[{\\AA}{\\\"O}23]"), "{bbl}");
        }
        let bib = write("biblatex", &refs, ascii);
        assert!(bib.contains("date = {2023-02-14}"));
        assert!(bib.contains("eprintclass = {cs.CV}"));
        if have("pdflatex") && have("biber") {
            let bbl = compile_biber(&bib);
            assert!(bbl.contains("\\name{author}{5}"), "{bbl}");
            assert!(bbl.contains("family={Maaten}"), "{bbl}");
            assert!(bbl.contains("prefix={van\\bibnamedelima der}"), "{bbl}");
        }
    }
}

/// The seed with arXiv's authors, abstracts and categories (from the loopback mock) compiles with
/// both toolchains, and the authors reach the bibliography.
#[test]
fn enriched_seed_compiles_with_bibtex_and_biber() {
    if !(have("pdflatex") && have("bibtex") && have("biber")) {
        return;
    }
    let mock = crate::enrich::MockArxiv::start();
    mock.id_list(200, "seed-new.xml", None);
    mock.title_search();
    let cache = tempfile::tempdir().unwrap();
    let (bib, _) = crate::enrich::export(&mock.api(), cache.path(), "bibtex", &[]);
    assert!(bib.contains("author = {Wang, Zifeng and"), "{bib}");
    let bbl = compile_bibtex(&bib);
    assert!(bbl.contains("Zifeng Wang"), "{bbl}");
    assert!(bbl.contains("{MedCLIP}"), "{bbl}");
    assert_eq!(bbl.matches("\\bibitem").count(), 19);
    let (biblatex, _) = crate::enrich::export(&mock.api(), cache.path(), "biblatex", &[]);
    let bbl = compile_biber(&biblatex);
    assert!(
        bbl.contains("family={Wang}") && bbl.contains("given={Zifeng}"),
        "{bbl}"
    );
    assert_eq!(bbl.matches("\\entry{").count(), 19);
}
