//! CSV: one row per reference, RFC 4180 quoting, UTF-8, safe to open in a spreadsheet.

use super::{WriteOptions, Writer};
use crate::error::Error;
use crate::model::Reference;
use std::io;

/// The CSV writer.
pub struct Csv;

/// Every column, in the default order. The first eleven are a stable contract.
pub const DEFAULT_COLUMNS: &[&str] = &[
    "citekey",
    "type",
    "title",
    "authors",
    "year",
    "venue",
    "arxiv",
    "doi",
    "url",
    "code",
    "section",
    "month",
    "abstract",
    "primary_category",
    "journal_ref",
    "project",
    "file",
    "line",
];

impl Writer for Csv {
    fn name(&self) -> &'static str {
        "csv"
    }

    fn extension(&self) -> &'static str {
        "csv"
    }

    fn description(&self) -> &'static str {
        "CSV for spreadsheets: one row per reference, formula-like cells neutralised"
    }

    fn write(
        &self,
        refs: &[Reference],
        options: &WriteOptions,
        out: &mut dyn io::Write,
    ) -> io::Result<()> {
        if options.csv_bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        w.write_record(&options.csv_columns)?;
        for r in refs {
            let row = options.csv_columns.iter().map(|c| {
                let cell = cell(r, c);
                if options.csv_formula_guard {
                    guard(cell)
                } else {
                    cell
                }
            });
            w.write_record(row)?;
        }
        w.flush()
    }
}

/// Reads `--columns`: names from [`DEFAULT_COLUMNS`], comma-separated, in the order wanted.
pub fn parse_columns(list: &str) -> Result<Vec<&'static str>, Error> {
    list.split(',')
        .map(str::trim)
        .map(|name| {
            DEFAULT_COLUMNS
                .iter()
                .copied()
                .find(|c| *c == name)
                .ok_or_else(|| Error::UnknownColumn {
                    name: name.to_string(),
                    known: DEFAULT_COLUMNS.join(", "),
                })
        })
        .collect()
}

/// The value of `column` for `r`.
fn cell(r: &Reference, column: &str) -> String {
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    match column {
        "citekey" => r.citekey.clone(),
        "type" => r.kind.name().to_string(),
        "title" => r.title.clone(),
        "authors" => r
            .authors
            .iter()
            .map(|p| p.display())
            .collect::<Vec<_>>()
            .join("; "),
        "year" => r.year().map(|y| y.to_string()).unwrap_or_default(),
        "month" => r
            .date
            .and_then(|d| d.month)
            .map(|m| m.to_string())
            .unwrap_or_default(),
        "venue" => r.venue.as_ref().map(|v| v.name.clone()).unwrap_or_default(),
        "arxiv" => r.arxiv.as_ref().map(|a| a.id.clone()).unwrap_or_default(),
        "doi" => opt(&r.doi),
        "url" => super::bibtex::paper_url(r).unwrap_or_default(),
        "code" => opt(&r.links.code),
        "project" => opt(&r.links.project),
        "section" => r
            .sections
            .iter()
            .map(|p| p.join(" > "))
            .collect::<Vec<_>>()
            .join(" | "),
        "abstract" => opt(&r.abstract_text),
        "primary_category" => opt(&r.primary_category),
        "journal_ref" => opt(&r.journal_ref),
        "file" => r.origin.file.display().to_string(),
        "line" => r.origin.line.to_string(),
        _ => String::new(),
    }
}

/// Spreadsheets run cells that start with `=`, `+`, `-`, `@`, tab or carriage return as formulas;
/// a leading apostrophe makes them text (the OWASP recommendation).
fn guard(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_checked_and_ordered() {
        assert_eq!(parse_columns("title, year").unwrap(), ["title", "year"]);
        let err = parse_columns("title,pages").unwrap_err().to_string();
        assert!(
            err.contains("`pages`") && err.contains("citekey, type, title"),
            "{err}"
        );
    }

    #[test]
    fn embedded_newlines_and_quotes_are_quoted() {
        let mut r = Reference::new(
            "Say \"hi\",\nthen go".into(),
            crate::model::Origin {
                file: "t.md".into(),
                line: 1,
            },
        );
        r.abstract_text = Some("line one\r\nline two".into());
        let options = WriteOptions {
            csv_columns: vec!["title", "abstract"],
            ..WriteOptions::default()
        };
        let mut out = Vec::new();
        Csv.write(&[r], &options, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out.clone()).unwrap(),
            "title,abstract\r\n\"Say \"\"hi\"\",\nthen go\",\"line one\r\nline two\"\r\n"
        );
        let mut rdr = ::csv::Reader::from_reader(out.as_slice());
        let row = rdr.records().next().unwrap().unwrap();
        assert_eq!(&row[0], "Say \"hi\",\nthen go");
        assert_eq!(&row[1], "line one\r\nline two");
    }

    #[test]
    fn guard_neutralises_formula_starts_only() {
        for cell in ["=SUM(A1)", "+1", "-1", "@home", "\tx", "\rx"] {
            assert_eq!(guard(cell.to_string()), format!("'{cell}"));
        }
        assert_eq!(guard("a=b".to_string()), "a=b");
    }
}
