//! BibTeX: `@misc` with eprint fields for preprints, `@inproceedings`, `@article`, escaped LaTeX.

use super::latex::{self, braced, verbatim};
use super::{WriteOptions, Writer};
use crate::model::{Kind, Reference};
use std::io;

/// The BibTeX writer.
pub struct BibTeX;

impl Writer for BibTeX {
    fn name(&self) -> &'static str {
        "bibtex"
    }

    fn extension(&self) -> &'static str {
        "bib"
    }

    fn description(&self) -> &'static str {
        "BibTeX for bibtex and biber: @misc/eprint for preprints, @inproceedings, @article"
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
        Kind::ConferencePaper => "inproceedings",
        Kind::JournalArticle => "article",
        Kind::Book => "book",
        // BibTeX's `@inbook` is a numbered chapter of a book named by `title`.
        Kind::Chapter if r.venue.is_none() => "inbook",
        Kind::Chapter => "incollection",
        Kind::Thesis if is_masters(r) => "mastersthesis",
        Kind::Thesis => "phdthesis",
        Kind::Report => "techreport",
        Kind::Preprint | Kind::Dataset | Kind::Other => "misc",
    }
}

/// Whether a thesis is a master's thesis (else a doctoral one), by its genre.
pub(crate) fn is_masters(r: &Reference) -> bool {
    r.genre
        .as_deref()
        .is_some_and(|g| g.to_lowercase().contains("master"))
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
    } else if r.editors.is_empty() {
        // Without a name, standard styles sort and label by `key` (and warn when it is missing):
        // the title's short name, or its first words.
        fields.push(("key", escape(&short_title(&r.title))));
    }
    if let Some(v) = &r.venue {
        match r.kind {
            Kind::ConferencePaper | Kind::Chapter => fields.push(("booktitle", escape(&v.name))),
            Kind::JournalArticle => fields.push(("journal", escape(&v.name))),
            // A preprint server other than arXiv (TechRxiv, medRxiv) or an unknown venue; arXiv
            // itself is in `eprint`.
            Kind::Preprint | Kind::Dataset | Kind::Other
                if r.arxiv.is_none() || !crate::venue::is_preprint_server(v) =>
            {
                fields.push(("howpublished", escape(&v.name)));
            }
            Kind::Preprint | Kind::Dataset | Kind::Other => {}
            Kind::Book | Kind::Thesis | Kind::Report => fields.push(("note", escape(&v.name))),
        }
    }
    // Standard styles (plain, alpha, IEEEtran) print no `eprint`: an arXiv preprint (or a
    // dataset or other work known by its arXiv paper) says where it is in `howpublished`, as
    // arXiv asks to cite it (`arXiv:2204.07756 [cs.CV]`).
    if let (Kind::Preprint | Kind::Dataset | Kind::Other, Some(ax)) = (r.kind, &r.arxiv) {
        if r.venue
            .as_ref()
            .is_none_or(crate::venue::is_preprint_server)
        {
            let class = r
                .primary_category
                .as_deref()
                .map(|c| [" [", c, "]"].concat());
            let cited = ["arXiv:", &ax.id, class.as_deref().unwrap_or_default()].concat();
            fields.push(("howpublished", escape(&cited)));
        }
    }
    if !r.editors.is_empty() {
        fields.push(("editor", braced(&latex::names(&r.editors, false, ascii))));
    }
    if let Some(date) = r.date {
        fields.push(("year", braced(&date.year.to_string())));
        if let Some(m) = date.month {
            fields.push((
                "month",
                latex::MONTHS[(m as usize).clamp(1, 12) - 1].to_string(),
            ));
        }
    }
    fields.extend(published_fields(r, ascii, false));
    if let Some(ax) = &r.arxiv {
        fields.push(("eprint", braced(&ax.id)));
        fields.push(("archiveprefix", braced("arXiv")));
        if let Some(c) = &r.primary_category {
            fields.push(("primaryclass", escape(c)));
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
    // Styles ignore fields they do not know, so the code link travels without printing.
    if let Some(code) = &r.links.code {
        fields.push(("code", braced(&verbatim(code))));
    }
    fields
}

/// Published-version details: `volume`, `number`, `pages` (ranges with `--`), `chapter`,
/// `edition`, `series`, the publisher (a thesis's `school` in BibTeX, a thesis's or report's
/// `institution`) and its place (`address`, BibLaTeX's `location`), for both LaTeX writers.
pub(crate) fn published_fields(
    r: &Reference,
    ascii: bool,
    biblatex: bool,
) -> Vec<(&'static str, String)> {
    let publisher = match r.kind {
        Kind::Thesis if !biblatex => "school",
        Kind::Thesis | Kind::Report => "institution",
        _ => "publisher",
    };
    let pages = r.pages.as_ref().map(|p| {
        // A page range takes an en dash in LaTeX: `32-40` → `32--40`.
        let parts: Vec<&str> = p.split(['-', '–']).filter(|s| !s.is_empty()).collect();
        if parts.len() == 2 {
            parts.join("--")
        } else {
            p.clone()
        }
    });
    [
        ("volume", r.volume.as_ref()),
        ("number", r.issue.as_ref()),
        ("pages", pages.as_ref()),
        ("chapter", r.chapter.as_ref()),
        ("edition", r.edition.as_ref()),
        ("series", r.series.as_ref()),
        (publisher, r.publisher.as_ref()),
        (
            if biblatex { "location" } else { "address" },
            r.place.as_ref(),
        ),
    ]
    .into_iter()
    .filter_map(|(name, value)| Some((name, braced(&latex::escape(value?, ascii)))))
    .collect()
}

/// The section paths, `A > B` each, separated by commas: CSL-JSON's `keyword`.
pub(crate) fn keywords(r: &Reference) -> String {
    r.sections_joined(", ")
}

/// The `keywords` field of both LaTeX writers: the section paths, escaped, separated by commas;
/// a path with a comma of its own in braces, which biblatex's keyword lists and mdbib's reader
/// keep as one (`{Low-Resource, Low-Level Languages}`).
pub(crate) fn latex_keywords(r: &Reference, ascii: bool) -> String {
    let mut out = String::new();
    for (i, path) in r.sections.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        // The path's own `>` is no text to set, and stays as it is.
        let escaped = path
            .iter()
            .map(|s| latex::escape(s, ascii))
            .collect::<Vec<_>>()
            .join(" > ");
        if path.iter().any(|s| s.contains(',')) {
            out.push_str(&braced(&escaped));
        } else {
            out.push_str(&escaped);
        }
    }
    braced(&out)
}

/// A title's short name (`MIMIC-CXR: A Database...` → `MIMIC-CXR`), else its first three words.
fn short_title(title: &str) -> String {
    match title.split_once(':') {
        Some((name, _)) if (1..=4).contains(&name.split_whitespace().count()) => {
            name.trim().to_string()
        }
        _ => title
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
            .trim_end_matches([',', ';', ':', '.'])
            .to_string(),
    }
}

/// The canonical paper URL: arXiv's abstract page when the id is known, else the list's best
/// link.
pub(crate) fn paper_url(r: &Reference) -> Option<String> {
    paper_url_parts(r).map(|parts| parts.concat())
}

/// [`paper_url`] in two parts to be written one after the other (`https://arxiv.org/abs/` and
/// the id), for a writer that copies it without making it first.
pub(crate) fn paper_url_parts(r: &Reference) -> Option<[&str; 2]> {
    match &r.arxiv {
        Some(ax) => Some(["https://arxiv.org/abs/", &ax.id]),
        // Else the paper's or dataset's page, or the project's; a repository only for an entry
        // with nothing else to find it by (`[**VITA-QinYu**](https://github.com/...)`).
        None => r
            .links
            .paper
            .as_deref()
            .or(r.links.dataset.as_deref())
            .or(r.links.project.as_deref())
            .or(r.links.code.as_deref().filter(|_| r.doi.is_none()))
            .map(|url| ["", url]),
    }
}
