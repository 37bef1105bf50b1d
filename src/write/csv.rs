//! CSV: one row per reference, RFC 4180 quoting, UTF-8, safe to open in a spreadsheet.

use super::{WriteOptions, Writer};
use crate::error::Error;
use crate::model::Reference;
use std::borrow::Cow;
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
    "volume",
    "issue",
    "pages",
    "publisher",
    "dataset",
    "links",
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
        w.write_record(&options.csv_columns).map_err(io_error)?;
        let cells: Vec<Cell> = options.csv_columns.iter().map(|c| cell_of(c)).collect();
        for r in refs {
            for cell in &cells {
                let cell = cell(r);
                let cell = if options.csv_formula_guard {
                    guard(cell)
                } else {
                    cell
                };
                w.write_field(cell.as_bytes()).map_err(io_error)?;
            }
            w.write_record(None::<&[u8]>).map_err(io_error)?;
        }
        w.flush()
    }
}

/// The I/O error inside a csv error, so its kind (a closed pipe) survives; csv's own conversion
/// makes every error `ErrorKind::Other`.
fn io_error(err: csv::Error) -> io::Error {
    match err.kind() {
        csv::ErrorKind::Io(inner) => io::Error::new(inner.kind(), err),
        _ => io::Error::other(err),
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

/// How a column's cell is made from a reference.
type Cell = for<'r> fn(&'r Reference) -> Cow<'r, str>;

/// The cell maker of `column`, looked up once per column rather than once per cell.
fn cell_of(column: &str) -> Cell {
    fn opt(o: &Option<String>) -> Cow<'_, str> {
        Cow::Borrowed(o.as_deref().unwrap_or_default())
    }
    match column {
        "citekey" => |r| Cow::Borrowed(&r.citekey),
        "type" => |r| Cow::Borrowed(r.kind.name()),
        "title" => |r| Cow::Borrowed(&r.title),
        "authors" => |r| {
            let mut names: Vec<String> = r.authors.iter().map(|p| p.display()).collect();
            if r.et_al {
                names.push("et al.".to_string());
            }
            Cow::Owned(names.join("; "))
        },
        "year" => |r| Cow::Owned(r.year().map(|y| y.to_string()).unwrap_or_default()),
        "month" => |r| {
            Cow::Owned(
                r.date
                    .and_then(|d| d.month)
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
            )
        },
        "venue" => |r| Cow::Borrowed(r.venue.as_ref().map_or("", |v| v.name.as_str())),
        // `arXiv:1803.07710`: a bare new-style id is a number to a spreadsheet (1803.0771).
        "arxiv" => |r| {
            Cow::Owned(
                r.arxiv
                    .as_ref()
                    .map_or(String::new(), |a| ["arXiv:", &a.id].concat()),
            )
        },
        "doi" => |r| opt(&r.doi),
        "url" => |r| Cow::Owned(super::bibtex::paper_url(r).unwrap_or_default()),
        "code" => |r| opt(&r.links.code),
        "project" => |r| opt(&r.links.project),
        "dataset" => |r| opt(&r.links.dataset),
        // Links of no other column, as the list labels them: `blog: https://... | model: ...`.
        "links" => |r| {
            let mut cell = String::new();
            for (label, url) in &r.links.other {
                if !cell.is_empty() {
                    cell.push_str(" | ");
                }
                if !label.is_empty() {
                    cell.push_str(label);
                    cell.push_str(": ");
                }
                cell.push_str(url);
            }
            Cow::Owned(cell)
        },
        "section" => |r| Cow::Owned(r.sections_joined(" | ")),
        "abstract" => |r| opt(&r.abstract_text),
        "primary_category" => |r| opt(&r.primary_category),
        "journal_ref" => |r| opt(&r.journal_ref),
        "volume" => |r| opt(&r.volume),
        "issue" => |r| opt(&r.issue),
        "pages" => |r| opt(&r.pages),
        "publisher" => |r| opt(&r.publisher),
        "file" => |r| r.origin.file.to_string_lossy(),
        "line" => |r| Cow::Owned(r.origin.line.to_string()),
        _ => |_| Cow::Borrowed(""),
    }
}

/// Spreadsheets run cells that start with `=`, `+`, `-`, `@`, tab or carriage return as formulas;
/// a leading apostrophe makes them text (the OWASP recommendation).
/// A lone `-` (standard input in the `file` column) is no formula and stays as it is.
fn guard(cell: Cow<'_, str>) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell != "-" {
        Cow::Owned(format!("'{cell}"))
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
        let err = parse_columns("title,colour").unwrap_err().to_string();
        assert!(
            err.contains("`colour`") && err.contains("citekey, type, title"),
            "{err}"
        );
    }

    #[test]
    fn embedded_newlines_and_quotes_are_quoted() {
        let mut r = Reference::new(
            "Say \"hi\",\nthen go".into(),
            crate::model::Origin {
                file: std::path::Path::new("t.md").into(),
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
            assert_eq!(guard(Cow::Borrowed(cell)), format!("'{cell}"));
        }
        assert_eq!(guard(Cow::Borrowed("a=b")), "a=b");
    }
}
