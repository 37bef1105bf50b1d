//! BibTeX: `@misc` with eprint fields for preprints, `@inproceedings`, `@article`, escaped LaTeX.

use super::{WriteOptions, Writer};
use crate::model::{Kind, Person, Reference};
use std::io;

/// The BibTeX writer.
pub struct BibTeX;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

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
        for (i, r) in refs.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            write_entry(r, options, out)?;
        }
        Ok(())
    }
}

fn entry_type(kind: Kind) -> &'static str {
    match kind {
        Kind::ConferencePaper => "inproceedings",
        Kind::JournalArticle => "article",
        Kind::Preprint | Kind::Dataset | Kind::Other => "misc",
    }
}

fn write_entry(r: &Reference, options: &WriteOptions, out: &mut dyn io::Write) -> io::Result<()> {
    let mut fields: Vec<(&str, String)> = Vec::new();
    fields.push(("title", format!("{{{}}}", title(&r.title))));
    if !r.authors.is_empty() {
        let names: Vec<String> = r.authors.iter().map(author).collect();
        fields.push(("author", format!("{{{}}}", names.join(" and "))));
    }
    let venue = r.venue.as_ref().map(|v| escape(&v.name));
    match r.kind {
        Kind::ConferencePaper => {
            if let Some(v) = &venue {
                fields.push(("booktitle", format!("{{{v}}}")));
            }
        }
        Kind::JournalArticle => {
            if let Some(v) = &venue {
                fields.push(("journal", format!("{{{v}}}")));
            }
        }
        Kind::Preprint | Kind::Dataset | Kind::Other => {
            // A preprint server other than arXiv (TechRxiv, medRxiv) or an unknown venue.
            if let (Some(v), None) = (&venue, &r.arxiv) {
                fields.push(("howpublished", format!("{{{v}}}")));
            }
        }
    }
    if let Some(date) = r.date {
        fields.push(("year", format!("{{{}}}", date.year)));
        if let Some(m) = date.month {
            fields.push(("month", MONTHS[(m as usize).clamp(1, 12) - 1].to_string()));
        }
    }
    if let Some(ax) = &r.arxiv {
        fields.push(("eprint", format!("{{{}}}", ax.id)));
        fields.push(("archiveprefix", "{arXiv}".to_string()));
        if let Some(c) = &r.primary_category {
            fields.push(("primaryclass", format!("{{{}}}", escape(c))));
        }
    }
    if let Some(doi) = &r.doi {
        fields.push(("doi", format!("{{{}}}", verbatim(doi))));
    }
    if let Some(url) = paper_url(r) {
        fields.push(("url", format!("{{{}}}", verbatim(&url))));
    }
    if let Some(j) = &r.journal_ref {
        fields.push(("note", format!("{{{}}}", escape(j))));
    }
    if options.abstracts {
        if let Some(a) = &r.abstract_text {
            fields.push(("abstract", format!("{{{}}}", escape(a))));
        }
    }
    if !r.sections.is_empty() {
        let sections: Vec<String> = r.sections.iter().map(|p| escape(&p.join(" > "))).collect();
        fields.push(("keywords", format!("{{{}}}", sections.join(", "))));
    }
    // Styles ignore fields they do not know, so the code link travels without printing.
    if let Some(code) = &r.links.code {
        fields.push(("code", format!("{{{}}}", verbatim(code))));
    }
    writeln!(out, "@{}{{{},", entry_type(r.kind), r.citekey)?;
    for (name, value) in fields {
        writeln!(out, "  {name} = {value},")?;
    }
    writeln!(out, "}}")
}

/// The canonical paper URL: arXiv's abstract page when the id is known, else the list's paper link.
pub(crate) fn paper_url(r: &Reference) -> Option<String> {
    match &r.arxiv {
        Some(ax) => Some(format!("https://arxiv.org/abs/{}", ax.id)),
        None => r.links.paper.clone().or_else(|| r.links.dataset.clone()),
    }
}

/// `Family, Given` with the particle in front of the family name; organisations in braces.
fn author(p: &Person) -> String {
    if !p.literal.is_empty() {
        return format!("{{{}}}", escape(&p.literal));
    }
    let family = escape(&p.full_family());
    if p.given.is_empty() {
        family
    } else {
        format!("{family}, {}", escape(&p.given))
    }
}

/// Escapes the characters LaTeX treats specially.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            _ => out.push(c),
        }
    }
    out
}

/// URL and DOI fields are read verbatim; only characters that would break the braces (a brace, a
/// backslash before the closing brace) or open math mode in a parser that does not know the field
/// is verbatim (`$` in `code`) are percent-encoded.
fn verbatim(text: &str) -> String {
    text.replace('{', "%7B")
        .replace('}', "%7D")
        .replace(' ', "%20")
        .replace('\\', "%5C")
        .replace('$', "%24")
}

/// Escapes a title and protects words whose capitals a style must not lower-case:
/// acronyms and mixed case (`{MedCLIP}`, `{CLIP}`, `{GPT-4}`, `{iOS}`) and capital-letter
/// prefixes (`{X}-ray`).
pub(crate) fn title(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, token) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let core_start = token
            .find(|c: char| c.is_alphanumeric())
            .unwrap_or(token.len());
        let core_end = token
            .rfind(|c: char| c.is_alphanumeric())
            .map(|i| i + token[i..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(core_start);
        let (lead, core, trail) = (
            &token[..core_start],
            &token[core_start..core_end],
            &token[core_end..],
        );
        out.push_str(&escape(lead));
        if needs_protection(core) {
            out.push('{');
            out.push_str(&escape(core));
            out.push('}');
        } else if let Some(rest) = single_capital_prefix(core) {
            out.push('{');
            out.push_str(&core[..1]);
            out.push('}');
            out.push_str(&escape(rest));
        } else {
            out.push_str(&escape(core));
        }
        out.push_str(&escape(trail));
    }
    out
}

/// A part of the word (between hyphens or slashes) with a capital after its first character: an
/// acronym or a mixed-case name. `Vision-Language` is plain title case and stays unprotected.
fn needs_protection(word: &str) -> bool {
    word.split(['-', '–', '—', '/'])
        .any(|part| part.chars().skip(1).any(char::is_uppercase))
}

/// `X-ray`, `T-cell`: one capital letter joined by a hyphen; returns the rest (`-ray`).
fn single_capital_prefix(word: &str) -> Option<&str> {
    let mut chars = word.chars();
    let first = chars.next()?;
    (first.is_ascii_uppercase() && chars.next() == Some('-')).then(|| &word[1..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protects_acronyms_and_mixed_case() {
        assert_eq!(
            title("MedCLIP: Contrastive Learning"),
            "{MedCLIP}: Contrastive Learning"
        );
        assert_eq!(
            title("Does CLIP help GPT-4 on iOS?"),
            "Does {CLIP} help {GPT-4} on {iOS}?"
        );
        assert_eq!(
            title("Chest X-ray Generation with ImageNet"),
            "Chest {X}-ray Generation with {ImageNet}"
        );
        assert_eq!(title("A Study"), "A Study");
    }

    #[test]
    fn escapes_latex_specials() {
        assert_eq!(escape("50% & $5 #1 a_b {x} ~ ^ \\"), "50\\% \\& \\$5 \\#1 a\\_b \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}");
        assert_eq!(title("R&D_v2"), "{R\\&D\\_v2}");
    }

    #[test]
    fn particles_go_before_the_family_name() {
        assert_eq!(
            author(&Person::parse("Laurens van der Maaten")),
            "van der Maaten, Laurens"
        );
        assert_eq!(author(&Person::literal("R&D Team")), "{R\\&D Team}");
    }
}
