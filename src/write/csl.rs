//! Formatted reference lists: CSL styles rendered by hayagriva to plain text, Markdown or HTML.
//!
//! References go through the same CSL-JSON the `csljson` writer emits, so a CSL processor such as
//! `pandoc --citeproc` given that output and the same style renders the same list.

use super::{WriteOptions, Writer};
use crate::error::{Error, Result};
use crate::model::Reference;
use hayagriva::archive::{locales, ArchivedStyle};
use hayagriva::citationberg::{
    json::Item, FontStyle, FontVariant, FontWeight, IndependentStyle, Locale, Style,
    TextDecoration, VerticalAlign,
};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest,
    ElemChild, ElemChildren, Formatting,
};
use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

/// The style used when `--style` is not given.
pub const DEFAULT_STYLE: &str = "apa";

/// The styles named in `mdbib formats` and the README; any name of hayagriva's archive works.
pub const COMMON_STYLES: &[&str] = &[
    "apa",
    "ieee",
    "vancouver",
    "chicago-author-date",
    "mla",
    "nature",
];

/// Names that mean another bundled style. hayagriva 0.10's bundled NLM citation-sequence style,
/// its `vancouver`, prints no author names; Springer's Vancouver variant renders the same
/// elements correctly. The official NLM style still loads from its `.csl` file.
const ALIASES: &[(&str, &str)] = &[("vancouver", "springer-vancouver")];

/// The CSL locales bundled with hayagriva, loaded once.
static LOCALES: LazyLock<Vec<Locale>> = LazyLock::new(locales);

/// A loaded CSL style, ready to render.
#[derive(Debug, Clone)]
pub struct CslStyle {
    /// What the user asked for (a name or a file), for messages.
    pub name: String,
    /// The `.csl` files read: the style and its parent, which no output may replace.
    pub files: Vec<PathBuf>,
    style: Arc<IndependentStyle>,
}

impl CslStyle {
    /// Loads a style by archive name (`apa`, `ieee`, `vancouver`, ...) or from a `.csl` file.
    /// A dependent style's parent is looked up in the archive.
    pub fn load(spec: &str) -> Result<CslStyle> {
        let path = Path::new(spec);
        let mut files = Vec::new();
        let style = if spec.ends_with(".csl") || path.is_file() {
            let xml = std::fs::read_to_string(path).map_err(|source| Error::Read {
                path: path.to_path_buf(),
                source,
            })?;
            files.push(path.to_path_buf());
            Style::from_xml(&xml).map_err(|e| Error::Style {
                style: spec.to_string(),
                reason: e.to_string(),
            })?
        } else {
            let name = ALIASES
                .iter()
                .find(|(alias, _)| *alias == spec)
                .map_or(spec, |(_, target)| target);
            ArchivedStyle::by_name(name)
                .ok_or_else(|| Error::Style {
                    style: spec.to_string(),
                    reason: format!(
                        "no such style (try {}, or a .csl file)",
                        COMMON_STYLES.join(", ")
                    ),
                })?
                .get()
        };
        let independent = match style {
            Style::Independent(s) => s,
            Style::Dependent(d) => {
                // The parent is named by its URL, `http://www.zotero.org/styles/NAME`: a bundled
                // style of that name, else `NAME.csl` next to the dependent file.
                let href = d.parent_link.href.trim_end_matches('/');
                let name = href.rsplit('/').next().unwrap_or(href);
                let sibling = path.with_file_name(format!("{name}.csl"));
                let parent = match ArchivedStyle::by_name(name) {
                    Some(archived) => Some(archived.get()),
                    None if sibling.is_file() && sibling != path => {
                        files.push(sibling.clone());
                        std::fs::read_to_string(&sibling)
                            .ok()
                            .and_then(|xml| Style::from_xml(&xml).ok())
                    }
                    None => None,
                };
                match parent {
                    Some(Style::Independent(s)) => s,
                    _ => {
                        return Err(Error::Style {
                            style: spec.to_string(),
                            reason: format!(
                                "its parent style {href} is neither bundled nor next to it as {name}.csl"
                            ),
                        })
                    }
                }
            }
        };
        let mut independent = independent;
        // Only a bibliography is rendered, never citations. hayagriva 0.10 lets the disambiguation
        // meant for in-text citations shorten the bibliography's author lists ("Wang et al." for
        // two Wang 2022 papers in APA) or add year suffixes, so those citation-only steps are off.
        independent.citation.disambiguate_add_givenname = false;
        independent.citation.disambiguate_add_names = false;
        independent.citation.disambiguate_add_year_suffix = false;
        Ok(CslStyle {
            files,
            name: spec.to_string(),
            style: Arc::new(independent),
        })
    }

    /// The style as CSL XML, for handing the same style to another CSL processor.
    pub fn to_xml(&self) -> Result<String> {
        Style::Independent((*self.style).clone())
            .to_xml()
            .map_err(|e| Error::Style {
                style: self.name.clone(),
                reason: e.to_string(),
            })
    }

    /// Renders the bibliography of `refs` in the style's order; one entry per reference.
    pub fn render(&self, refs: &[Reference]) -> io::Result<Vec<Rendered>> {
        let items = refs
            .iter()
            .map(|r| {
                let mut item = super::csljson::item(r, &WriteOptions::default());
                if let Some(map) = item.as_object_mut() {
                    // Nested custom data is not a CSL variable, and no style renders it.
                    map.remove("custom");
                    // hayagriva reads CSL-JSON strings as plain text, so the nocase markup would
                    // be printed; the styles offered here keep a title's case as written anyway.
                    for key in ["title", "container-title"] {
                        if let Some(serde_json::Value::String(text)) = map.get_mut(key) {
                            *text = text
                                .replace("<span class=\"nocase\">", "")
                                .replace("</span>", "");
                        }
                    }
                    // hayagriva splits particles off a family name itself, and reads no
                    // `parse-names`: a capitalised particle goes back to its own field, which
                    // these styles print in front (`Van der Sluijs, R.`).
                    for (key, people) in [("author", &r.authors), ("editor", &r.editors)] {
                        let Some(serde_json::Value::Array(names)) = map.get_mut(key) else {
                            continue;
                        };
                        for (name, person) in names.iter_mut().zip(people) {
                            if let Some(name) = name.as_object_mut() {
                                if name.remove("parse-names").is_some() {
                                    name.insert("family".into(), person.family.clone().into());
                                    let particle = person.particle.clone().into();
                                    name.insert("non-dropping-particle".into(), particle);
                                }
                            }
                        }
                    }
                }
                serde_json::from_value::<Item>(item)
                    .map_err(|e| io::Error::other(format!("{}: not a CSL item: {e}", r.citekey)))
            })
            .collect::<io::Result<Vec<Item>>>()?;
        let mut driver = BibliographyDriver::new();
        for item in &items {
            driver.citation(CitationRequest::from_items(
                vec![CitationItem::with_entry(item)],
                &self.style,
                &LOCALES,
            ));
        }
        let rendered = driver.finish(BibliographyRequest::new(&self.style, None, &LOCALES));
        let venues: crate::HashMap<&str, &str> = refs
            .iter()
            .filter_map(|r| Some((r.citekey.as_str(), r.venue.as_ref()?.name.as_str())))
            .collect();
        Ok(rendered
            .bibliography
            .map(|b| {
                b.items
                    .into_iter()
                    .map(|item| {
                        let label = item.first_field.map(|f| {
                            let mut s = String::new();
                            let _ = f.write_buf(&mut s, BufWriteFormat::Plain);
                            s
                        });
                        let mut content = item.content;
                        if let Some(venue) = venues.get(item.key.as_str()) {
                            restore_case(&mut content, venue);
                        }
                        Rendered {
                            key: item.key,
                            label,
                            content,
                        }
                    })
                    .collect()
            })
            .unwrap_or_default())
    }
}

/// Writes the words of `venue` with a capital inside (`NeurIPS`, `CoRL`, `eLife`) back as they
/// are spelled where a style's title case changed them: hayagriva lower-cases all but the first
/// letter of a word that is not all capitals (`Neurips`). Only a rendered piece that is the venue
/// is changed, and only those words: the style's case stays on the others (`Computer Vision and
/// Image Understanding` from a venue written in lower case).
fn restore_case(children: &mut ElemChildren, venue: &str) {
    let inner_capital = |w: &str| w.chars().skip(1).any(|c| c.is_ascii_uppercase());
    if !venue.is_ascii() || !venue.split(' ').any(inner_capital) {
        return;
    }
    for child in &mut children.0 {
        let text = match child {
            ElemChild::Text(f) | ElemChild::Link { text: f, .. } => &mut f.text,
            ElemChild::Elem(e) => {
                restore_case(&mut e.children, venue);
                continue;
            }
            _ => continue,
        };
        let core = text.trim_matches(|c: char| !c.is_alphanumeric());
        if core.len() != venue.len() || !core.eq_ignore_ascii_case(venue) {
            continue;
        }
        let at = core.as_ptr() as usize - text.as_ptr() as usize;
        let restored: Vec<&str> = (core.split(' ').zip(venue.split(' ')))
            .map(|(styled, spelled)| match inner_capital(spelled) {
                true => spelled,
                false => styled,
            })
            .collect();
        text.replace_range(at..at + venue.len(), &restored.join(" "));
    }
}

/// One rendered bibliography entry.
pub struct Rendered {
    /// The citation key of the reference.
    pub key: String,
    /// The citation number or label the style puts first (`[1]`), when it aligns it apart.
    pub label: Option<String>,
    content: ElemChildren,
}

impl Rendered {
    /// The entry as plain text.
    pub fn plain(&self) -> String {
        let mut s = self.label.clone().map(|l| l + " ").unwrap_or_default();
        let _ = self.content.write_buf(&mut s, BufWriteFormat::Plain);
        drop_dangling_delimiters(crate::text::collapse_whitespace(&s).into_owned())
    }

    /// The entry as Markdown (emphasis, links; text escaped).
    pub fn markdown(&self) -> String {
        let mut s = self
            .label
            .as_deref()
            .map(|l| super::template::markdown_escape(l) + " ")
            .unwrap_or_default();
        markdown_children(&self.content, &mut s);
        drop_dangling_delimiters(crate::text::collapse_whitespace(&s).into_owned())
    }

    /// The entry as an HTML fragment (text escaped, links clickable).
    pub fn html(&self) -> String {
        let mut s = self
            .label
            .as_deref()
            .map(|l| escape_html(l) + " ")
            .unwrap_or_default();
        html_children(&self.content, &mut s);
        drop_dangling_delimiters(s.trim().to_string())
    }
}

/// hayagriva writes a group's delimiter before a part that renders nothing (typst/hayagriva#246):
/// APA's `(2022, )` for a date known to the year, Chicago's `MLHC,.` for a paper without pages.
/// Such a delimiter is dropped, as other CSL processors (pandoc's) do not write it.
fn drop_dangling_delimiters(mut text: String) -> String {
    for (dangling, end) in [(", )", ")"), (",)", ")"), (",.", ".")] {
        if text.contains(dangling) {
            text = text.replace(dangling, end);
        }
    }
    text
}

fn markdown_children(children: &ElemChildren, out: &mut String) {
    for child in &children.0 {
        match child {
            ElemChild::Text(t) => markdown_formatted(
                &t.formatting,
                &super::template::markdown_escape(&t.text),
                out,
            ),
            ElemChild::Elem(e) => markdown_children(&e.children, out),
            ElemChild::Markup(m) => out.push_str(&super::template::markdown_escape(m)),
            ElemChild::Link { text, url } => {
                let label = format!(
                    "[{}](<{}>)",
                    super::template::markdown_escape(&text.text),
                    url.replace('>', "%3E")
                );
                markdown_formatted(&text.formatting, &label, out);
            }
            ElemChild::Transparent { .. } => {}
        }
    }
}

fn markdown_formatted(f: &Formatting, text: &str, out: &mut String) {
    // Emphasis markers must hug the text, so surrounding spaces stay outside them.
    let (lead, core, trail) = split_spaces(text);
    let italic = f.font_style == FontStyle::Italic;
    let bold = f.font_weight == FontWeight::Bold;
    let marker = match (italic, bold) {
        (true, true) => "***",
        (true, false) => "*",
        (false, true) => "**",
        (false, false) => "",
    };
    let marker = if core.is_empty() { "" } else { marker };
    let _ = write!(out, "{lead}{marker}{core}{marker}{trail}");
}

fn split_spaces(text: &str) -> (&str, &str, &str) {
    let core = text.trim();
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    (lead, core, trail)
}

fn html_children(children: &ElemChildren, out: &mut String) {
    for child in &children.0 {
        match child {
            ElemChild::Text(t) => html_formatted(&t.formatting, &escape_html(&t.text), out),
            ElemChild::Elem(e) => html_children(&e.children, out),
            ElemChild::Markup(m) => out.push_str(&escape_html(m)),
            ElemChild::Link { text, url } => {
                let anchor = format!(
                    "<a href=\"{}\">{}</a>",
                    escape_html(url),
                    escape_html(&text.text)
                );
                html_formatted(&text.formatting, &anchor, out);
            }
            ElemChild::Transparent { .. } => {}
        }
    }
}

fn html_formatted(f: &Formatting, html: &str, out: &mut String) {
    let mut tags: Vec<(&str, &str)> = Vec::new();
    if f.font_style == FontStyle::Italic {
        tags.push(("<i>", "</i>"));
    }
    if f.font_weight == FontWeight::Bold {
        tags.push(("<b>", "</b>"));
    }
    if f.font_variant == FontVariant::SmallCaps {
        tags.push(("<span style=\"font-variant: small-caps\">", "</span>"));
    }
    if f.text_decoration == TextDecoration::Underline {
        tags.push(("<u>", "</u>"));
    }
    match f.vertical_align {
        VerticalAlign::Sup => tags.push(("<sup>", "</sup>")),
        VerticalAlign::Sub => tags.push(("<sub>", "</sub>")),
        _ => {}
    }
    for (open, _) in &tags {
        out.push_str(open);
    }
    out.push_str(html);
    for (_, close) in tags.iter().rev() {
        out.push_str(close);
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// How a rendered list is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    Text,
    Markdown,
    Html,
}

/// A CSL-rendered reference list in one layout.
pub struct Formatted {
    name: &'static str,
    extension: &'static str,
    description: &'static str,
    layout: Layout,
}

/// Plain text, one entry per paragraph.
pub static TEXT: Formatted = Formatted {
    name: "text",
    extension: "txt",
    description: "a formatted reference list in a CSL style (--style), plain text",
    layout: Layout::Text,
};

/// A complete HTML page.
pub static HTML: Formatted = Formatted {
    name: "html",
    extension: "html",
    description: "a formatted reference list in a CSL style (--style), as a complete HTML page",
    layout: Layout::Html,
};

/// Markdown; not registered itself: the `markdown` template writer hands over to it when a
/// style is given.
pub static MARKDOWN: Formatted = Formatted {
    name: "markdown",
    extension: "md",
    description: "a formatted reference list in a CSL style (--style), as Markdown",
    layout: Layout::Markdown,
};

/// The style to use: the one in the options, else the default.
fn style_of(options: &WriteOptions) -> io::Result<CslStyle> {
    match &options.style {
        Some(style) => Ok(style.clone()),
        None => CslStyle::load(DEFAULT_STYLE).map_err(io::Error::other),
    }
}

/// Groups rendered entries by the first section path of their reference, keeping the style's
/// order inside each group and the order of first appearance between groups.
fn grouped<'a>(refs: &[Reference], rendered: &'a [Rendered]) -> Vec<(String, Vec<&'a Rendered>)> {
    let section_of = |key: &str| {
        refs.iter()
            .find(|r| r.citekey == key)
            .map(|r| r.section_label())
            .unwrap_or_default()
    };
    let mut order: Vec<String> = Vec::new();
    for r in refs {
        let s = r.section_label();
        if !order.contains(&s) {
            order.push(s);
        }
    }
    order
        .into_iter()
        .map(|section| {
            let entries = rendered
                .iter()
                .filter(|e| section_of(&e.key) == section)
                .collect();
            (section, entries)
        })
        .filter(|(_, entries): &(String, Vec<&Rendered>)| !entries.is_empty())
        .collect()
}

impl Writer for Formatted {
    fn name(&self) -> &'static str {
        self.name
    }

    fn extension(&self) -> &'static str {
        self.extension
    }

    fn description(&self) -> &'static str {
        self.description
    }

    fn write(
        &self,
        refs: &[Reference],
        options: &WriteOptions,
        out: &mut dyn io::Write,
    ) -> io::Result<()> {
        let style = style_of(options)?;
        let rendered = style.render(refs)?;
        let groups = if options.group_by_section {
            grouped(refs, &rendered)
        } else {
            vec![(String::new(), rendered.iter().collect())]
        };
        match self.layout {
            Layout::Text => {
                for (i, (section, entries)) in groups.iter().enumerate() {
                    if i > 0 {
                        writeln!(out)?;
                    }
                    if options.group_by_section {
                        writeln!(
                            out,
                            "{}\n",
                            if section.is_empty() { "Other" } else { section }
                        )?;
                    }
                    for e in entries {
                        writeln!(out, "{}\n", e.plain())?;
                    }
                }
            }
            Layout::Markdown => {
                writeln!(out, "# References\n")?;
                for (section, entries) in &groups {
                    if options.group_by_section {
                        let title = if section.is_empty() { "Other" } else { section };
                        writeln!(out, "## {}\n", super::template::markdown_escape(title))?;
                    }
                    for e in entries {
                        writeln!(out, "- {}", e.markdown())?;
                    }
                    writeln!(out)?;
                }
            }
            Layout::Html => write_page(&style, &groups, options.group_by_section, out)?,
        }
        Ok(())
    }
}

/// A complete, self-contained HTML page.
fn write_page(
    style: &CslStyle,
    groups: &[(String, Vec<&Rendered>)],
    headings: bool,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        out,
        "<meta name=\"generator\" content=\"mdbib {}\">",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(
        out,
        "<title>References ({})</title>",
        escape_html(&style.name)
    )?;
    writeln!(
        out,
        "<style>body{{font-family:Georgia,serif;max-width:48em;margin:2em auto;padding:0 1em;line-height:1.5}}\
         li{{margin-bottom:.6em;padding-left:1.5em;text-indent:-1.5em}}ol,ul{{list-style:none;padding:0}}</style>"
    )?;
    writeln!(out, "</head>\n<body>\n<h1>References</h1>")?;
    for (section, entries) in groups {
        if headings {
            let title = if section.is_empty() { "Other" } else { section };
            writeln!(out, "<h2>{}</h2>", escape_html(title))?;
        }
        writeln!(out, "<ul class=\"references\">")?;
        for e in entries {
            writeln!(out, "<li id=\"{}\">{}</li>", escape_html(&e.key), e.html())?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</body>\n</html>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_and_unknown_styles() {
        assert!(CslStyle::load("vancouver").is_ok());
        assert!(CslStyle::load("ieee").is_ok());
        let err = CslStyle::load("no-such-style").unwrap_err().to_string();
        assert!(
            err.contains("no-such-style") && err.contains("no such style"),
            "{err}"
        );
    }

    #[test]
    fn html_and_markdown_are_escaped() {
        assert_eq!(escape_html("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
    }
}
