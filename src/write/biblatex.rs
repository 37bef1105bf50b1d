//! BibLaTeX for biber: `@online` for preprints, `@inproceedings`, `@article`, `@dataset`, with
//! `eprinttype`/`eprintclass` and ISO `date` fields. Text is escaped as for BibTeX.

use super::bibtex::{keywords_onto, paper_url_parts};
use super::latex::{self, Entry};
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
            let mut entry = Entry::new(entry_type(r), &r.citekey, options.ascii);
            fields(&mut entry, r, options);
            entry.write(out)?;
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

fn fields(e: &mut Entry, r: &Reference, options: &WriteOptions) {
    e.field("title", |out, ascii| {
        latex::title_onto(out, &r.title, &r.kept_case, ascii);
    });
    if !r.authors.is_empty() {
        e.field("author", |out, ascii| {
            latex::names_onto(out, &r.authors, r.et_al, ascii);
        });
    }
    if let Some(v) = &r.venue {
        match r.kind {
            Kind::ConferencePaper | Kind::Chapter => e.text("booktitle", &v.name),
            Kind::JournalArticle => e.text("journaltitle", &v.name),
            // A preprint server other than arXiv (TechRxiv, medRxiv), or who published a data set.
            Kind::Preprint | Kind::Dataset | Kind::Other
                if r.arxiv.is_none() || !crate::venue::is_preprint_server(v) =>
            {
                e.text("organization", &v.name);
            }
            Kind::Preprint | Kind::Dataset | Kind::Other => {}
            Kind::Book | Kind::Thesis | Kind::Report => e.text("note", &v.name),
        }
    }
    if !r.editors.is_empty() {
        e.field("editor", |out, ascii| {
            latex::names_onto(out, &r.editors, false, ascii);
        });
    }
    // biblatex's thesis and report types take their kind in `type`: a genre of their own as
    // written, else the localisation key of the kind.
    match (super::bibtex::own_genre(r), r.kind) {
        (Some(genre), _) => e.text("type", genre),
        (None, Kind::Thesis) if super::bibtex::is_masters(r) => e.plain("type", "mathesis"),
        (None, Kind::Thesis) => e.plain("type", "phdthesis"),
        (None, Kind::Report) => e.plain("type", "techreport"),
        _ => {}
    }
    super::bibtex::published_fields(e, r, true);
    if let Some(date) = r.date {
        e.plain("date", &date.iso());
    }
    if let Some(ax) = &r.arxiv {
        e.plain("eprint", &ax.id);
        e.plain("eprinttype", "arxiv");
        if let Some(c) = &r.primary_category {
            e.text("eprintclass", c);
        }
    }
    if let Some(doi) = &r.doi {
        e.verbatim("doi", doi);
    }
    if let Some(url) = paper_url_parts(r) {
        e.field("url", |out, _| {
            url.iter().for_each(|part| latex::verbatim_onto(out, part))
        });
    }
    if let Some(j) = r.journal_ref_note() {
        e.text("note", j);
    }
    if options.abstracts {
        if let Some(a) = &r.abstract_text {
            e.text("abstract", a);
        }
    }
    if !r.sections.is_empty() {
        e.field("keywords", |out, ascii| keywords_onto(out, r, ascii));
    }
    // Not in biblatex's data model, so biber drops it and no style prints it; other readers of the
    // file keep the link.
    if let Some(code) = &r.links.code {
        e.verbatim("code", code);
    }
}
