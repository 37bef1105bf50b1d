//! BibTeX: `@misc` with eprint fields for preprints, `@inproceedings`, `@article`, escaped LaTeX.

use super::latex::{self, Entry};
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
            let mut entry = Entry::new(entry_type(r), &r.citekey, options.ascii);
            fields(&mut entry, r, options);
            entry.write(out)?;
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

/// A thesis's or report's genre when it is not the one its entry type names (`PEP`, `Technical
/// memo`, `Habilitation thesis`), for the `type` field, which styles print in its place.
pub(crate) fn own_genre(r: &Reference) -> Option<&str> {
    const NAMED: [&str; 3] = ["Technical report", "PhD thesis", "Master's thesis"];
    let genre = r.genre.as_deref().filter(|g| !g.trim().is_empty())?;
    (matches!(r.kind, Kind::Thesis | Kind::Report)
        && !NAMED.iter().any(|n| n.eq_ignore_ascii_case(genre)))
    .then_some(genre)
}

/// Whether a thesis is a master's thesis (else a doctoral one), by its genre.
pub(crate) fn is_masters(r: &Reference) -> bool {
    r.genre
        .as_deref()
        .is_some_and(|g| g.to_lowercase().contains("master"))
}

fn fields(e: &mut Entry, r: &Reference, options: &WriteOptions) {
    e.field("title", |out, ascii| {
        latex::title_onto(out, &r.title, &r.kept_case, ascii);
    });
    if !r.authors.is_empty() {
        // Names always in ASCII: styles cut them by bytes for labels and initials (`alpha.bst`
        // makes `Kr\xC3` of `Krähenbühl`), which pdflatex stops on.
        e.field("author", |out, _| {
            latex::names_onto(out, &r.authors, r.et_al, true);
        });
    } else if r.editors.is_empty() {
        // Without a name, standard styles sort and label by `key` (and warn when it is missing):
        // the title's short name, or its first words.
        let key = short_title(&r.title);
        e.text("key", if key.is_empty() { &r.citekey } else { &key });
    }
    if let Some(v) = &r.venue {
        match r.kind {
            Kind::ConferencePaper | Kind::Chapter => e.text("booktitle", &v.name),
            Kind::JournalArticle => e.text("journal", &v.name),
            // A preprint server other than arXiv (TechRxiv, medRxiv) or an unknown venue; arXiv
            // itself is in `eprint`.
            Kind::Preprint | Kind::Dataset | Kind::Other
                if r.arxiv.is_none() || !crate::venue::is_preprint_server(v) =>
            {
                e.text("howpublished", &v.name);
            }
            Kind::Preprint | Kind::Dataset | Kind::Other => {}
            Kind::Book | Kind::Thesis | Kind::Report => e.text("note", &v.name),
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
            e.text("howpublished", &cited);
        }
    }
    if !r.editors.is_empty() {
        e.field("editor", |out, _| {
            latex::names_onto(out, &r.editors, false, true);
        });
    }
    if let Some(date) = r.date {
        e.plain("year", itoa::Buffer::new().format(date.year));
        if let Some(m) = date.month {
            e.bare("month", latex::MONTHS[(m as usize).clamp(1, 12) - 1]);
        }
    }
    if let Some(genre) = own_genre(r) {
        e.text("type", genre);
    }
    published_fields(e, r, false);
    if let Some(ax) = &r.arxiv {
        e.plain("eprint", &ax.id);
        e.plain("archiveprefix", "arXiv");
        if let Some(c) = &r.primary_category {
            e.text("primaryclass", c);
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
    // Styles ignore fields they do not know, so the code link travels without printing.
    if let Some(code) = &r.links.code {
        e.verbatim("code", code);
    }
}

/// Pages as LaTeX writes them: a range with an en dash (`32-40` → `32--40`, `e12-e19`, `xi-xv`).
/// A hyphen inside one page's name (`PS-2B.16`, a poster's) is no range.
fn page_range(pages: &str) -> String {
    let page = |s: &str| {
        !s.is_empty()
            && s.bytes().all(|b| b.is_ascii_alphanumeric())
            && (s.bytes().any(|b| b.is_ascii_digit())
                || s.bytes().all(|b| b"ivxlcdmIVXLCDM".contains(&b)))
    };
    let parts: Vec<&str> = pages.split(['-', '–']).filter(|s| !s.is_empty()).collect();
    match parts[..] {
        [first, last] if page(first.trim()) && page(last.trim()) => {
            format!("{}--{}", first.trim(), last.trim())
        }
        _ => pages.to_string(),
    }
}

/// Published-version details: `volume`, `number`, `pages` (ranges with `--`), `chapter`,
/// `edition`, `series`, the publisher (a thesis's `school` in BibTeX, a thesis's or report's
/// `institution`) and its place (`address`, BibLaTeX's `location`), for both LaTeX writers.
pub(crate) fn published_fields(e: &mut Entry, r: &Reference, biblatex: bool) {
    let publisher = match r.kind {
        Kind::Thesis if !biblatex => "school",
        Kind::Thesis | Kind::Report => "institution",
        _ => "publisher",
    };
    let pages = r.pages.as_deref().map(page_range);
    let fields = [
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
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            e.text(name, value);
        }
    }
}

/// The section paths, `A > B` each, separated by commas: CSL-JSON's `keyword`.
pub(crate) fn keywords(r: &Reference) -> String {
    r.sections_joined(", ")
}

/// The `keywords` field of both LaTeX writers, onto `out`: the section paths, escaped, separated
/// by commas; a path with a comma of its own in braces, which biblatex's keyword lists and
/// mdbib's reader keep as one (`{Low-Resource, Low-Level Languages}`).
pub(crate) fn keywords_onto(out: &mut String, r: &Reference, ascii: bool) {
    for (i, path) in r.sections.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let brace = path.iter().any(|s| s.contains(','));
        if brace {
            out.push('{');
        }
        // The path's own `>` is no text to set, and stays as it is.
        for (j, name) in path.iter().enumerate() {
            if j > 0 {
                out.push_str(" > ");
            }
            latex::escape_onto(out, name, ascii);
        }
        if brace {
            out.push('}');
        }
    }
}

/// A title's short name (`MIMIC-CXR: A Database...` → `MIMIC-CXR`), else its first three words.
///
/// In ASCII letters, digits and plain punctuation, and without a function word at its end
/// (`A Survey`, not `A Survey of`): `alpha.bst` makes labels of its first bytes, and `plainnat`
/// prints it where the authors would be.
fn short_title(title: &str) -> String {
    let piece = match title.split_once(':') {
        Some((name, _)) if (1..=4).contains(&name.split_whitespace().count()) => name,
        _ => {
            let end = title.split_whitespace().nth(3).map_or(title.len(), |w| {
                w.as_ptr() as usize - title.as_ptr() as usize
            });
            &title[..end]
        }
    };
    // TeX math (`Flows in $\mathbb{R}^4$`) says nothing a sort key can use.
    let mut text = String::with_capacity(piece.len());
    for (i, part) in piece.split('$').enumerate() {
        if i % 2 == 0 || !piece.contains('$') {
            text.push_str(part);
        }
    }
    let ascii = deunicode::deunicode(&text);
    let plain: String = ascii
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '.' | '\'' | ',' | '&'))
        .collect();
    // It starts with a letter or digit.
    let plain = plain.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
    let mut words: Vec<&str> = plain.split_whitespace().collect();
    while words.len() > 1 && {
        let last = words[words.len() - 1].trim_end_matches([',', '.']);
        crate::key::STOPWORDS.contains(&last.to_ascii_lowercase().as_str())
    } {
        words.pop();
    }
    words
        .join(" ")
        .trim_end_matches([',', ';', ':', '.', '-'])
        .to_string()
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
        // Else the paper's or dataset's page, or the project's; a repository, or else the first
        // other link (a blog post, a video), only for an entry with nothing else to find it by
        // (`[**VITA-QinYu**](https://github.com/...)`, `**CodeParrot** [[blog](...)]`).
        None => r
            .links
            .paper
            .as_deref()
            .or(r.links.dataset.as_deref())
            .or(r.links.project.as_deref())
            .or_else(|| {
                let first_other = r.links.other.first().map(|(_, url)| url.as_str());
                r.links
                    .code
                    .as_deref()
                    .or(first_other)
                    .filter(|_| r.doi.is_none())
            })
            .map(|url| ["", url]),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_key_to_sort_and_label_by_is_plain_ascii_words() {
        for (title, key) in [
            ("MedCLIP: Contrastive Learning", "MedCLIP"),
            ("V*: Guided Visual Search as a Core Mechanism", "V"),
            (
                "\u{b5}BERT: Mutation Testing using Pre-Trained Language Models",
                "uBERT",
            ),
            ("A Survey of Large Language Models", "A Survey"),
            ("Old Papers (by discussion)", "Old Papers"),
            ("Fool Your (Vision) and Language Model", "Fool Your Vision"),
            (
                "Kr\u{e4}henb\u{fc}hl's Method, Revisited",
                "Krahenbuhl's Method, Revisited",
            ),
            ("\u{2217}", ""),
            ("Profit & Loss", "Profit & Loss"),
            ("Flows in $\\mathbb{R}^4$", "Flows"),
            ("@home", "home"),
        ] {
            assert_eq!(super::short_title(title), key, "{title}");
        }
    }

    #[test]
    fn page_ranges_take_an_en_dash_and_page_names_keep_their_hyphens() {
        for (pages, written) in [
            ("32-40", "32--40"),
            ("32--40", "32--40"),
            ("32 – 40", "32--40"),
            ("e12-e19", "e12--e19"),
            ("xi-xv", "xi--xv"),
            ("PS-2B.16", "PS-2B.16"),
            ("A-B", "A-B"),
            ("101", "101"),
        ] {
            assert_eq!(super::page_range(pages), written, "{pages}");
        }
    }
}
