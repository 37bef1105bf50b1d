//! Readers: input files → references. Markdown lists, BibTeX/BibLaTeX and CSL-JSON, recognised by
//! extension or, for standard input and other names, by content.

pub mod authors;
pub mod bibtex;
pub mod csljson;
pub mod limit;
pub mod markdown;

use crate::error::{Error, Result};
use crate::model::{Field, Reference};
use std::path::Path;

/// The section paths that BibTeX `keywords` and CSL-JSON `keyword` carry as `A > B, C > D`
/// (what mdbib's writers write), and the marks of the fields an exported list supplies.
/// Takes the section paths that mdbib's writers put in keywords, `A > B` each, and marks the
/// fields as the list's.
fn take_keywords_and_mark(r: &mut Reference, paths: impl IntoIterator<Item = String>) {
    let sections: Vec<crate::model::SectionPath> = paths
        .into_iter()
        .map(|path| path.split(" > ").map(|s| s.trim().to_string()).collect())
        .collect();
    if !sections.is_empty() {
        r.sections = sections;
    }
    for f in [
        Field::Title,
        Field::Authors,
        Field::Date,
        Field::Venue,
        Field::Arxiv,
        Field::Doi,
        Field::Abstract,
        Field::Links,
    ] {
        r.mark(f, crate::model::Source::List, None);
    }
}

/// The formats mdbib reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A Markdown paper list.
    Markdown,
    /// BibTeX or BibLaTeX.
    Bibtex,
    /// CSL-JSON.
    CslJson,
}

/// Whether `text` opens with a BibTeX entry, `@type{` or `@type(` (spaces allowed before the
/// brace), and not with a line such as `@someone curated this list`.
fn is_bibtex_entry_start(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('@') else {
        return false;
    };
    let name = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    name > 0 && rest[name..].trim_start().starts_with(['{', '('])
}

/// The format of `path`: by extension (`.bib`, `.json`, `.md`), else by how `text` starts
/// (`@type{` for BibTeX, `[{`, `[]` or `{"` for CSL-JSON, space aside), else Markdown.
pub fn detect(path: &Path, text: &str) -> Format {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("bib" | "bibtex" | "biblatex") => Format::Bibtex,
        Some("json" | "csl" | "csljson") => Format::CslJson,
        Some("md" | "markdown") => Format::Markdown,
        _ => {
            // BibTeX files often open with `%` comment lines.
            let mut rest = text.trim_start();
            while rest.starts_with('%') {
                rest = rest.split_once('\n').map_or("", |(_, r)| r).trim_start();
            }
            // A JSON array of objects or an object; not a list opening with a link or badge
            // (`[![CI](...)](...)`).
            let next = rest.get(1..).unwrap_or_default().trim_start();
            if is_bibtex_entry_start(rest) {
                Format::Bibtex
            } else if rest.starts_with('[') && next.starts_with(['{', ']'])
                || rest.starts_with('{') && next.starts_with(['"', '}'])
            {
                Format::CslJson
            } else {
                Format::Markdown
            }
        }
    }
}

/// Decodes `bytes` read from `path` as UTF-8 (a leading BOM is dropped), or says where it is not.
pub fn decode(bytes: Vec<u8>, path: &Path) -> Result<String> {
    // The offset of an invalid byte counts a byte order mark, which is in the file too.
    let (bytes, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest.to_vec(), 3),
        None => (bytes, 0),
    };
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to() + bom;
        let line = e.as_bytes()[..offset - bom]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        // Windows' "Unicode" text is UTF-16, which its byte order mark tells.
        let utf16 = matches!(e.as_bytes(), [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..]);
        Error::InvalidUtf8 {
            path: path.to_path_buf(),
            line,
            offset,
            hint: if utf16 {
                " (UTF-16 text, by its byte order mark: save it as UTF-8)"
            } else {
                ""
            },
        }
    })
}

/// A problem with one entry of an input, which was skipped or read with a caveat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based line where the entry starts.
    pub line: usize,
    /// What happened (`entry costly skipped: unclosed brace`).
    pub message: String,
}

impl Warning {
    /// The warning as the user sees it: `file:line: message`.
    pub fn located(&self, path: &Path) -> String {
        format!("{}:{}: {}", path.display(), self.line, self.message)
    }
}

/// Reads one input's text into references, in the format [`detect`] finds. Problems with single
/// entries go to `warnings`; only an unreadable file is an error.
pub fn read(text: &str, path: &Path, warnings: &mut Vec<Warning>) -> Result<Vec<Reference>> {
    let mut refs = Vec::new();
    read_each(text, path, warnings, &mut |r| refs.push(r))?;
    Ok(refs)
}

/// [`read`], handing each reference to `sink` as soon as it is read.
pub fn read_each(
    text: &str,
    path: &Path,
    warnings: &mut Vec<Warning>,
    sink: &mut dyn FnMut(Reference),
) -> Result<()> {
    match detect(path, text) {
        Format::Markdown => markdown::read_each(text, path, sink),
        Format::Bibtex => bibtex::read_each(text, path, warnings, sink),
        Format::CslJson => csljson::read(text, path, warnings)?
            .into_iter()
            .for_each(sink),
    }
    Ok(())
}

/// The month a name or its abbreviation names (`July`, `jul`, `Sept.`), 1 to 12.
pub(crate) fn month_named(word: &str) -> Option<u8> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    // Compared byte by byte, in ASCII: a month's name has no other letters.
    let word = word.trim().trim_end_matches('.').as_bytes();
    if word.len() < 3 {
        return None;
    }
    let i = NAMES.iter().position(|n| {
        n.len() >= word.len() && n.as_bytes()[..word.len()].eq_ignore_ascii_case(word)
    })?;
    u8::try_from(i + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_placed_by_its_byte_in_the_file() {
        let at = |bytes: &[u8]| match decode(bytes.to_vec(), Path::new("a.md")) {
            Err(Error::InvalidUtf8 { line, offset, .. }) => (line, offset),
            other => panic!("{other:?}"),
        };
        assert_eq!(at(b"ab\ncd\xFF"), (2, 5));
        // A byte order mark is three bytes of the file.
        assert_eq!(at(b"\xEF\xBB\xBFab\ncd\xFF"), (2, 8));
        // UTF-16 is named as such.
        let utf16 = decode(b"\xFF\xFE#\x00 \x00".to_vec(), Path::new("a.md")).unwrap_err();
        assert!(utf16
            .to_string()
            .ends_with("byte 0 (UTF-16 text, by its byte order mark: save it as UTF-8)"));
        let latin1 = decode(b"caf\xE9".to_vec(), Path::new("a.md")).unwrap_err();
        assert_eq!(latin1.to_string(), "a.md:1: invalid UTF-8 at byte 3");
        assert_eq!(
            decode(b"\xEF\xBB\xBFab".to_vec(), Path::new("a.md")).unwrap(),
            "ab"
        );
    }

    #[test]
    fn format_by_extension_then_content() {
        assert_eq!(detect(Path::new("a.bib"), "# x"), Format::Bibtex);
        assert_eq!(detect(Path::new("a.JSON"), ""), Format::CslJson);
        assert_eq!(detect(Path::new("a.md"), "@misc{"), Format::Markdown);
        assert_eq!(detect(Path::new("-"), "\n @misc{a,}"), Format::Bibtex);
        assert_eq!(detect(Path::new("-"), "@Article ( a,"), Format::Bibtex);
        // A list's first line naming someone is Markdown.
        let curated = "@someone curated this list\n- A Paper. [[pdf]](u)";
        assert_eq!(detect(Path::new("-"), curated), Format::Markdown);
        assert_eq!(detect(Path::new("-"), "@ {"), Format::Markdown);
        assert_eq!(
            detect(Path::new("-"), "% comment\n@misc{a,}"),
            Format::Bibtex
        );
        assert_eq!(detect(Path::new("refs"), "[{}]"), Format::CslJson);
        assert_eq!(detect(Path::new("-"), "- [a](b)"), Format::Markdown);
        assert_eq!(
            detect(Path::new("-"), "[\n  {\"id\": 1}\n]"),
            Format::CslJson
        );
        assert_eq!(detect(Path::new("-"), " [ ]"), Format::CslJson);
        assert_eq!(detect(Path::new("-"), "{\"items\": []}"), Format::CslJson);
        // A list that opens with a badge or a link is Markdown.
        assert_eq!(
            detect(
                Path::new("-"),
                "[![CI](https://x.org/b.svg)](https://x.org)\n# List"
            ),
            Format::Markdown
        );
        assert_eq!(
            detect(Path::new("-"), "[Paper](https://x.org)"),
            Format::Markdown
        );
    }
}
