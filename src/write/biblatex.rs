//! BibLaTeX for biber: `@online` for preprints, `@inproceedings`, `@article`, `@dataset`, with
//! `eprinttype`/`eprintclass` and ISO `date` fields. Text is escaped as for BibTeX.

use super::bibtex::{latex_keywords, paper_url};
use super::latex::{self, braced, verbatim};
use super::{WriteOptions, Writer};
use crate::model::{Kind, Reference};
use std::io;

/// The BibLaTeX writer.
pub struct BibLaTeX;

impl Writer for BibLaTeX {
    fn name(&self) -> &'static str {
        "biblatex"
    }

    fn extension(&self) -> &'static str {
        "bib"
    }

    fn description(&self) -> &'static str {
        "BibLaTeX for biber: @online for preprints, @inproceedings, @article, @dataset, ISO dates"
    }

    fn write(
        &self,
        refs: &[Reference],
        options: &WriteOptions,
        out: &mut dyn io::Write,
    ) -> io::Result<()> {
        latex::write_preamble(refs, options.abstracts, out)?;
        for (i, r) in refs.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            latex::write_entry(entry_type(r), &r.citekey, &fields(r, options), out)?;
        }
        Ok(())
    }
}

fn entry_type(r: &Reference) -> &'static str {
    match r.kind {
        Kind::Preprint => "online",
        Kind::ConferencePaper => "inproceedings",
        Kind::JournalArticle => "article",
        Kind::Dataset => "dataset",
        Kind::Book => "book",
        // A chapter of a book with editors (a collection), else of its authors' own book.
        Kind::Chapter if r.editors.is_empty() => "inbook",
        Kind::Chapter => "incollection",
        Kind::Thesis => "thesis",
        Kind::Report => "report",
        Kind::Other => "misc",
    }
}

fn fields(r: &Reference, options: &WriteOptions) -> Vec<(&'static str, String)> {
    let ascii = options.ascii;
    let escape = |text: &str| braced(&latex::escape(text, ascii));
    let mut fields: Vec<(&str, String)> = Vec::new();
    fields.push((
        "title",
        braced(&latex::title(&r.title, &r.kept_case, ascii)),
    ));
    if !r.authors.is_empty() {
        fields.push(("author", braced(&latex::names(&r.authors, r.et_al, ascii))));
    }
    if let Some(v) = &r.venue {
        match r.kind {
            Kind::ConferencePaper | Kind::Chapter => fields.push(("booktitle", escape(&v.name))),
            Kind::JournalArticle => fields.push(("journaltitle", escape(&v.name))),
            // A preprint server other than arXiv (TechRxiv, medRxiv), or who published a data set.
            Kind::Preprint | Kind::Dataset | Kind::Other
                if r.arxiv.is_none() || !crate::venue::is_preprint_server(v) =>
            {
                fields.push(("organization", escape(&v.name)));
            }
            Kind::Preprint | Kind::Dataset | Kind::Other => {}
            Kind::Book | Kind::Thesis | Kind::Report => fields.push(("note", escape(&v.name))),
        }
    }
    if !r.editors.is_empty() {
        fields.push(("editor", braced(&latex::names(&r.editors, false, ascii))));
    }
    // biblatex's thesis and report types take their kind in `type`.
    match r.kind {
        Kind::Thesis if super::bibtex::is_masters(r) => fields.push(("type", braced("mathesis"))),
        Kind::Thesis => fields.push(("type", braced("phdthesis"))),
        Kind::Report => fields.push(("type", braced("techreport"))),
        _ => {}
    }
    fields.extend(super::bibtex::published_fields(r, ascii, true));
    if let Some(date) = r.date {
        fields.push(("date", braced(&date.iso())));
    }
    if let Some(ax) = &r.arxiv {
        fields.push(("eprint", braced(&ax.id)));
        fields.push(("eprinttype", braced("arxiv")));
        if let Some(c) = &r.primary_category {
            fields.push(("eprintclass", escape(c)));
        }
    }
    if let Some(doi) = &r.doi {
        fields.push(("doi", braced(&verbatim(doi))));
    }
    if let Some(url) = paper_url(r) {
        fields.push(("url", braced(&verbatim(&url))));
    }
    if let Some(j) = &r.journal_ref {
        fields.push(("note", escape(j)));
    }
    if options.abstracts {
        if let Some(a) = &r.abstract_text {
            fields.push(("abstract", escape(a)));
        }
    }
    if !r.sections.is_empty() {
        fields.push(("keywords", latex_keywords(r, ascii)));
    }
    // Not in biblatex's data model, so biber drops it and no style prints it; other readers of the
    // file keep the link.
    if let Some(code) = &r.links.code {
        fields.push(("code", braced(&verbatim(code))));
    }
    fields
}
