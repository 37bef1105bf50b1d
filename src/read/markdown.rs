//! The Markdown reader: pulldown-cmark events → references.
//!
//! Headings and bold-only paragraphs (`**2023**`) form the section path; list items and table rows
//! become entries. Each entry's inline content is kept as a sequence of text and links, from which
//! the title, venue, year, identifiers and classified links are taken.

use crate::ids;
use crate::model::{Date, Field, Kind, Origin, Reference, SectionPath, Source, Venue};
use crate::read::authors;
use crate::text;
use crate::venue;
use pulldown_cmark::{
    BrokenLink, CowStr, Event, HeadingLevel, Options, Parser, RefDefs, Tag, TagEnd,
};
use regex::Regex;
use smallvec::SmallVec;
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

mod tables;

/// A piece of an entry's inline content.
#[derive(Debug, Clone)]
enum Piece<'a> {
    Text(Cow<'a, str>),
    Link {
        label: Cow<'a, str>,
        url: Cow<'a, str>,
        /// Set when already known, else [`classify_link`] decides.
        role: Option<LinkRole>,
    },
    /// A line or paragraph break inside one entry (`<br>`, a trailing `\\`, a nested line).
    Break,
}

impl Piece<'_> {
    /// A link's role: as set, else as [`classify_link`] decides; `None` for text and breaks.
    fn role(&self) -> Option<LinkRole> {
        match self {
            Piece::Link { label, url, role } => {
                Some(role.unwrap_or_else(|| classify_link(label, url)))
            }
            _ => None,
        }
    }
}

/// What a link is for, decided by its label first and its URL second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LinkRole {
    Paper,
    Code,
    Project,
    Dataset,
    /// A labelled link that is neither (video, slides, blog...).
    Other,
    /// The label is not a link label but text (usually the title).
    Title,
}

/// The role a lower-case link label names (`paper`, `code`, `project page`...), if it is one.
fn label_role(lower: &str) -> Option<LinkRole> {
    if lower.len() > LONGEST_LABEL {
        return None;
    }
    let role = match lower {
        "paper" | "pdf" | "arxiv" | "abs" | "abstract" | "link" | "url" | "publication"
        | "html" | "doi" | "openreview" | "article" | "preprint" | "acl anthology" | "springer"
        | "ieee" | "full paper" | "paper link" | "pdf link" | "book" | "chapter" | "thesis"
        | "report" | "tech report" | "论文" => LinkRole::Paper,
        "code" | "github" | "repo" | "repository" | "official code" | "source code" | "pytorch"
        | "tensorflow" | "jax" | "official" | "implementation" | "gitlab" | "unofficial code"
        | "代码" => LinkRole::Code,
        "project" | "project page" | "homepage" | "home page" | "website" | "page" | "webpage"
        | "site" | "demo" | "web" | "platform" | "主页" | "项目主页" => LinkRole::Project,
        "dataset" | "data" | "datasets" | "benchmark" | "database" | "数据集" => {
            LinkRole::Dataset
        }
        "video" | "slides" | "slide" | "blog" | "blogpost" | "blog post" | "poster" | "supp"
        | "supplementary" | "bibtex" | "bib" | "talk" | "youtube" | "model" | "models"
        | "weights" | "huggingface" | "hf" | "colab" | "notes" | "summary" | "review"
        | "reviews" | "zhihu" | "media" | "news" | "tweet" | "twitter" | "leaderboard"
        | "citation" | "cite" | "eval tool" | "evaluation" | "tool" | "tools" | "docs"
        | "documentation" | "checkpoint" | "checkpoints" | "api" | "playground" | "解读" => {
            LinkRole::Other
        }
        _ => return None,
    };
    Some(role)
}

/// No label that [`label_role`] knows is longer than this, in bytes.
const LONGEST_LABEL: usize = 15;

fn classify_link(label: &str, url: &str) -> LinkRole {
    // Brackets and emphasis around a label, and emoji before it (`✒️ Citation`).
    let label = label.trim().trim_matches(|c: char| {
        matches!(c, '[' | ']' | '(' | ')' | ':' | '*' | ' ')
            || !(c.is_ascii() || c.is_alphanumeric())
    });
    let label = text::lowercase(label);
    if let Some(role) = label_role(&label) {
        return role;
    }
    // `[part 1]`, `[Part II]`: one of several links to the same work's pieces.
    if (label.strip_prefix("part "))
        .is_some_and(|n| (1..=4).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        return LinkRole::Other;
    }
    // Labels that are only an identifier ("2604.24707", "arXiv:2301.04558") name the paper.
    if ids::is_arxiv_id(&label) || label.starts_with("arxiv") || label.starts_with("10.") {
        return LinkRole::Paper;
    }
    // A label that is or holds an address (`official : https://github.com/...`,
    // `paperswithcode.com/sota/mmlu`) names no title.
    let address = || {
        label.contains("://")
            || !label.contains(' ')
                && label
                    .find('.')
                    .is_some_and(|dot| label[dot..].contains('/'))
    };
    if label.is_empty() || looks_like_url(&label) || address() {
        return role_by_url(url);
    }
    match compound_label_role(&label) {
        // `project+code` to a repository is the code.
        Some(_) if label.contains("code") && role_by_url(url) == LinkRole::Code => LinkRole::Code,
        role => role.unwrap_or(LinkRole::Title),
    }
}

/// The role of a label made of label words (`code-demo`, `project website`, `unofficial-code`,
/// `code-torch`): its first word's. A word that is no label word (`Code Llama`) makes it a title.
fn compound_label_role(lower: &str) -> Option<LinkRole> {
    const QUALIFIERS: [&str; 9] = [
        "caffe",
        "keras",
        "mxnet",
        "paddle",
        "tf",
        "torch",
        "unofficial",
        "coming",
        "soon",
    ];
    if lower.len() > 2 * LONGEST_LABEL {
        return None;
    }
    let words = lower
        .split([' ', '-', '_', '/', '+'])
        .filter(|w| !w.is_empty());
    let mut role = None;
    for (i, word) in words.enumerate() {
        match label_role(word) {
            _ if i >= 3 => return None,
            Some(r) => {
                role.get_or_insert(r);
            }
            None if QUALIFIERS.contains(&word) => {}
            None => return None,
        }
    }
    role
}

fn role_by_url(url: &str) -> LinkRole {
    if ids::is_arxiv_url(url) || ids::doi_from_url(url).is_some() {
        return LinkRole::Paper;
    }
    let (host, path) = ids::host_and_path(url).unwrap_or_default();
    // A PDF kept in a repository (`github.com/org/repo/blob/main/paper.pdf`) is the paper.
    let pdf = path
        .split(['?', '#'])
        .next()
        .is_some_and(|p| p.to_ascii_lowercase().ends_with(".pdf"));
    if (host == "github.com" || host == "gitlab.com") && !pdf {
        LinkRole::Code
    } else if pdf {
        LinkRole::Paper
    } else {
        LinkRole::Other
    }
}

fn looks_like_url(text: &str) -> bool {
    let text = text.trim().as_bytes();
    ["http://", "https://", "www."].iter().any(|prefix| {
        text.get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
    })
}

/// Whether a text is a link label word, for telling a title from a lone link label.
fn is_label_word(text: &str) -> bool {
    let word = text.trim().trim_matches(|c: char| !c.is_alphanumeric());
    if word.is_ascii() && word.len() > LONGEST_LABEL {
        return false; // lower-casing ASCII keeps the length
    }
    // Lower-casing never shrinks a text to a quarter of its length.
    word.len() <= 4 * LONGEST_LABEL && label_role(&word.to_lowercase()).is_some()
}

/// A link target as written, repaired: `((url))`, `<url>`, a URL wrapped in another link.
/// Returns the target and any further URLs found inside it.
fn repair_url(dest: &str) -> (Cow<'_, str>, Vec<String>) {
    let trimmed = without_unopened_parens(
        dest.trim()
            .trim_start_matches(['(', '<', '['])
            .trim_end_matches(['>', ']']),
    );
    // Only a target with a second URL inside it needs the search below.
    if !trimmed
        .as_bytes()
        .windows(4)
        .skip(1)
        .any(|w| w.eq_ignore_ascii_case(b"http"))
    {
        return (Cow::Borrowed(trimmed), Vec::new());
    }
    // URLs glued by an escaped line break (`a.pdf%5Cnhttp://...`, from a `\n` pasted into
    // the list) are several.
    let unglued = GLUED_URLS.replace_all(trimmed, " $1");
    let inner: Vec<String> = BARE_URL
        .captures_iter(&unglued)
        .filter_map(|c| c.get(2))
        .map(|m| url_end(m.as_str()).to_string())
        .collect();
    match inner.split_first() {
        Some((first, rest)) if !trimmed.starts_with(first.as_str()) || !rest.is_empty() => {
            (Cow::Owned(first.clone()), rest.to_vec())
        }
        _ => (Cow::Borrowed(trimmed), Vec::new()),
    }
}

/// A URL found in text without what follows it there: the punctuation after it, and closing
/// parentheses it does not open itself. `https://doi.org/10.1016/S2589-7500(23)00021-3` is
/// whole, as GitHub links it, and `(see https://x.org/a_(b)).` ends at `a_(b)`.
fn url_end(found: &str) -> &str {
    let mut url = found;
    loop {
        let before = url.len();
        url = without_unopened_parens(url.trim_end_matches(['.', ',', ';']));
        if url.len() == before {
            return url;
        }
    }
}

/// `url` without the closing parentheses at its end that no `(` in it opens.
fn without_unopened_parens(url: &str) -> &str {
    let mut url = url;
    while url.ends_with(')') && url.matches(')').count() > url.matches('(').count() {
        url = &url[..url.len() - 1];
    }
    url
}

/// An escaped line break (`%5Cn`, `%0A`, `\n`, with or without the carriage return before it)
/// between two URLs, for [`repair_url`].
static GLUED_URLS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:%5Cr|%0D|\\r)?(?:%5Cn|%0A|\\n)(https?://)").expect("valid regex")
});

/// A bare URL in text, with the label written before it (`Paper: https://...`); for the labels
/// of Chinese lists (`论文：https://...`), see [`chinese_label`].
static BARE_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b([A-Za-z][A-Za-z ]{0,20}?)\s*:\s*)?\b(https?://[^\s<>\]]+)")
        .expect("valid regex")
});

/// Where the link label of a Chinese list ends `text`, before its colon (`论文：`, `代码:`), as
/// [`BARE_URL`] finds the English ones: the longest run of two to four Chinese characters at
/// the end that [`label_role`] knows (论文, 代码, 主页, 项目主页, 数据集, 解读).
fn chinese_label(text: &str) -> Option<Range<usize>> {
    // Every such label is Chinese: its text has a byte above ASCII.
    if text.is_ascii() {
        return None;
    }
    let rest = text.trim_end().strip_suffix(['：', ':'])?.trim_end();
    let starts: SmallVec<[usize; 4]> = rest
        .char_indices()
        .rev()
        .take(4)
        .map(|(at, _)| at)
        .collect();
    starts.iter().rev().find_map(|&at| {
        let word = &rest[at..];
        let chinese = word.chars().count() >= 2 && !word.bytes().any(|b| b.is_ascii());
        (chinese && label_role(word).is_some()).then_some(at..rest.len())
    })
}

/// A trailing `Venue Year` or `Year` at the end of an entry's text.
static TRAILING_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:19|20)[0-9]{2})\s*[\])]?\s*[.,;]?\s*$").expect("valid regex")
});

/// A link Markdown did not take for one, its target broken by a space
/// (`[[code]](https: //github.com/a/b)`): its label, for [`is_label_word`].
static BROKEN_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[\[?\s*([^\[\]]+?)\s*\]\]?\([^()]*\)").expect("valid regex"));

/// A section name that is a year, alone or after a label (`2023`, `Survey: 2024`).
static YEAR_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:([^:0-9]+):\s*)?((?:19|20)[0-9]{2})\s*$").expect("valid regex")
});

/// Whether `text` is a year alone or after a label ([`YEAR_ONLY`]); text that does not end with
/// four digits, as most does not, is not looked at by the pattern.
fn is_year_only(text: &str) -> bool {
    let end = text.trim_end().as_bytes();
    end.len() >= 4
        && end[end.len() - 4..].iter().all(u8::is_ascii_digit)
        && year_only(text).is_some()
}

/// The year of a text that is a year alone or after a label of 40 characters at most
/// ([`YEAR_ONLY`]).
fn year_only(text: &str) -> Option<&str> {
    let caps = YEAR_ONLY.captures(text)?;
    let label = caps.get(1).map_or(0, |m| m.as_str().chars().count());
    (label <= 40).then(|| caps.get(2).map(|m| m.as_str()))?
}

/// A `<details>` block that opens with a summary (`<details>` `<summary>Survey: 2024</summary>`,
/// `<summary><b>Detection</b></summary>`): the summary, tags and all, and what follows it.
static SUMMARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)^\s*<details[^>]*>\s*<summary[^>]*>(.*?)</summary>(.*)$")
        .expect("valid regex")
});

/// Whether a `<details>` summary names a topic (`Segmentation`, `Vision-Language Models`), the
/// section of the papers folded under it: a few words, not a sentence, and none of the words
/// that name the folding itself (`more`, `Click to expand`, `Table of Contents`) or what is
/// folded besides papers (`Digest`, `Abstract`, `BibTeX`, `English version`).
fn names_a_topic(summary: &str) -> bool {
    const NOT_TOPICS: [&str; 22] = [
        "abstract", "all", "bibtex", "citation", "cite", "click", "collapse", "contents",
        "details", "digest", "expand", "fold", "full", "hide", "more", "open", "see", "show",
        "toc", "toggle", "version", "view",
    ];
    let words = summary.split_whitespace().count();
    (1..=8).contains(&words)
        && summary.len() <= 80
        && summary.chars().any(char::is_alphabetic)
        && !summary.ends_with(['.', '!', '?', ':', ')'])
        && !summary.contains("://")
        && !summary
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| NOT_TOPICS.iter().any(|n| w.eq_ignore_ascii_case(n)))
}

/// A date inside a venue tag: `2023`, `2023.5`, `2024-06`, `2023/04/27`.
static DATE_IN_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:19|20)[0-9]{2})(?:[./-]([0-9]{1,2}))?(?:[./-]([0-9]{1,2}))?\b")
        .expect("valid regex")
});

/// A bracketed group at the start of a text: `[ICCV 2023]`, `(CVPR 2023)`, `[MGCA]`, and in the
/// lenticular brackets of Chinese lists, `【CVPR 2023】`.
static LEADING_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[\[(【]([^\[\]()【】]+)[\])】]\s*").expect("valid regex"));

/// A year in parentheses inside a text: `Title (2015), G. Hinton et al.`.
static YEAR_IN_PARENS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s\((?:19|20)[0-9]{2}\)").expect("valid regex"));

// Most entries have no venue tag, trailing year or year in parentheses: the regexes below run
// only on text that passes a cheap test every match passes too.

/// Where the name before the first `et al` in `text` starts, when a title of three words or more
/// stands before it: `Voyager: An Open-Ended Embodied Agent Guanzhi Wang et al. Arxiv` (a
/// title, then its authors in italics, which the text no longer shows). The name is two
/// capitalised words, the last one perhaps glued to an affiliation (`Felix Hill(University of
/// Cambridge) et al.`).
fn names_before_et_al(text: &str) -> Option<usize> {
    static ET_AL: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(" et al"));
    let at = ET_AL.find(text.as_bytes())?;
    if text[at + 6..].starts_with(char::is_alphanumeric) {
        return None;
    }
    let mut name = text[..at].trim_end();
    // `Hill(University of Cambridge)`: the affiliation glued to the name.
    if let Some(open) = name.strip_suffix(')').and_then(|n| n.rfind('(')) {
        if name[..open].ends_with(char::is_alphabetic) {
            name = &name[..open];
        }
    }
    let is_name_word = |w: &str| {
        w.chars().nth(1).is_some()
            && w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\''))
            && !w.chars().all(char::is_uppercase)
    };
    let family = name.rfind(' ')?;
    let given = name[..family].rfind(' ')?;
    let title = name[..given].trim_end();
    let words_are_names =
        is_name_word(&name[family + 1..]) && is_name_word(&name[given + 1..family]);
    let ends_word = title.ends_with(|c: char| c.is_alphanumeric() || matches!(c, '?' | ')' | '"'));
    (words_are_names && ends_word && title.split_whitespace().nth(2).is_some()).then_some(given + 1)
}

/// Whether `title` is a field of a description, `Label: value`: a label that names one (`Code`,
/// `Approach`, `简介` (summary), `地址` (address)), or one or two words before a value of one or
/// two words in lower case (`Beyond static: distogram`), which no title is.
fn is_field_line(title: &str) -> bool {
    const LABELS: [&str; 24] = [
        "address",
        "approach",
        "category",
        "code",
        "contact",
        "demo",
        "description",
        "docs",
        "homepage",
        "intro",
        "introduction",
        "license",
        "link",
        "links",
        "note",
        "notes",
        "status",
        "summary",
        "website",
        "简介",
        "地址",
        "介绍",
        "链接",
        "说明",
    ];
    let named = |label: &str| LABELS.iter().any(|l| label.eq_ignore_ascii_case(l));
    // A label whose colon went with the end of the title (`地址：https://...`).
    let ascii = memchr::memchr(b':', title.as_bytes()).map(|at| (at, 1));
    let full = (!title.is_ascii())
        .then(|| title.find('：').map(|at| (at, '：'.len_utf8())))
        .flatten();
    let colon = match (ascii, full) {
        (Some(a), Some(f)) => Some(a.min(f)),
        (a, f) => a.or(f),
    };
    let Some((label, value)) = colon.map(|(at, len)| (&title[..at], &title[at + len..])) else {
        return named(title.trim());
    };
    let (label, value) = (label.trim(), value.trim());
    let one_or_two_words = |t: &str| {
        let mut words = t.split_whitespace();
        words.next().is_some() && words.nth(1).is_none()
    };
    let short_value = value.starts_with(|c: char| c.is_lowercase())
        && one_or_two_words(label)
        && one_or_two_words(value);
    named(label) || short_value
}

/// A year, and a venue joined to it by a hyphen, before the title and a dash: `2015-CVPR - Title`
/// (the venue when mdbib knows it; `2014-Survey - Title` has none), `2014 - Title`. The venue,
/// the year, and the text after the dash.
fn year_venue_prefix(text: &str) -> Option<(Option<Venue>, Date, &str)> {
    let text = text.trim_start();
    let bytes = text.as_bytes();
    if bytes.len() < 8 || !bytes[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let year: i32 = text[..4]
        .parse()
        .ok()
        .filter(|y| (1900..2100).contains(y))?;
    let (head, after) = text.split_once(" - ").or_else(|| text.split_once(" – "))?;
    // A title starts with a capital (not `2026 - present, Ph.D. ...`, `2024 - 2026, M.S.`).
    if !after
        .trim_start()
        .starts_with(|c: char| c.is_uppercase() || c == '"')
    {
        return None;
    }
    let venue = match &head[4..] {
        "" => None,
        tail => {
            let name = tail.strip_prefix('-')?;
            if name.is_empty()
                || name.len() > 20
                || !name.bytes().all(|b| b.is_ascii_alphanumeric())
            {
                return None;
            }
            venue::known(name)
        }
    };
    (!after.trim().is_empty()).then_some((venue, Date::year(year), after))
}

/// [`LEADING_TAG`]'s match, on text that starts with a bracket, when what the brackets hold
/// is 60 characters at most.
fn leading_tag(text: &str) -> Option<regex::Captures<'_>> {
    text.trim_start()
        .starts_with(['[', '(', '【'])
        .then(|| LEADING_TAG.captures(text))?
        .filter(|caps| {
            caps.get(1)
                .is_some_and(|m| m.as_str().chars().count() <= 60)
        })
}

/// [`TRAILING_YEAR`]'s match, on text whose last character but closing punctuation is a digit.
fn trailing_year(text: &str) -> Option<regex::Captures<'_>> {
    text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ']' | ')'))
        .ends_with(char::is_numeric)
        .then(|| TRAILING_YEAR.captures(text))?
}

/// [`YEAR_IN_PARENS`]'s match, on text with `(1` or `(2` in it.
fn year_in_parens(text: &str) -> Option<regex::Match<'_>> {
    text.as_bytes()
        .windows(2)
        .any(|w| w == b"(1" || w == b"(2")
        .then(|| YEAR_IN_PARENS.find(text))?
}

/// A name in parentheses after the title: `Title. (CLIP)`; [`trailing_short_name`] takes
/// those of 30 characters at most.
static TRAILING_SHORT_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\.\s*\(([^()0-9]+)\)\s*$").expect("valid regex"));

/// Where a short name in parentheses after the title starts, its period included.
///
/// The patterns here bound the length of such a part in code, not with a repetition such as
/// `{1,30}`: a bounded repetition of a large class (everything but parentheses and digits, in
/// UTF-8) made the pattern alone cost a millisecond to compile, more than reading a short list.
fn trailing_short_name(title: &str) -> Option<usize> {
    let caps = TRAILING_SHORT_NAME.captures(title)?;
    (caps.get(1)?.as_str().chars().count() <= 30).then(|| caps.get(0).map(|m| m.start()))?
}

/// Emoji and pictographs (`🔥`, `⭐️`), which decorate entries but belong to no field.
static EMOJI: LazyLock<Regex> = LazyLock::new(|| {
    // ©, ® and ™ are pictographic to Unicode but belong to names (`Kinect™`).
    Regex::new(r"[[\p{Extended_Pictographic}\u{FE0F}\u{200D}]--[©®™]]").expect("valid regex")
});

/// Removes GitHub emoji shortcodes (`:fire:`, `:star2:`, `:+1:`), as emoji are removed: one of
/// A reference written names first ([`parse_title_segment`]): IEEE's names, a quoted title and
/// `in` the venue, or APA's names, the year in parentheses, the title's sentence and the venue.
fn names_first(text: &str) -> Option<Parts> {
    let names = |before: &str| {
        let before = before.trim().trim_end_matches([',', '.']).trim();
        authors::parse(before).filter(|a| a.et_al || a.people.iter().all(|p| !p.given.is_empty()))
    };
    let mut parts = Parts::default();
    let people;
    // Most titles have neither a quote nor `). `: found byte-wise first (`“` starts with E2).
    let bytes = text.as_bytes();
    let quote = memchr::memchr2_iter(b'"', 0xE2, bytes)
        .find(|&at| bytes[at] == b'"' || bytes[at..].starts_with("“".as_bytes()));
    let tail = if let Some(open) = quote.filter(|&at| at > 0) {
        // IEEE: the title's comma inside the quotes (`"Title,"`).
        let quoted = &text[open + text[open..].chars().next()?.len_utf8()..];
        let close = quoted.find(['"', '”'])?;
        // The names end with a comma (not a quotation's colon: `Yann LeCun: "..."`), or in
        // MLA's style with a period (`He, Kaiming, et al. "Title." Venue (2016)`).
        let before = text[..open].trim_end();
        people = match before.strip_suffix(',') {
            Some(names_before) => names(names_before)?,
            // `Noushin Azami, Rain Lawson, and Martin Burtscher. "Title."` names everyone given
            // name first.
            None => {
                let names_before = before.strip_suffix('.')?;
                mla_names(names_before).or_else(|| names(names_before))?
            }
        };
        parts.title = quoted[..close]
            .trim()
            .trim_end_matches([',', '.'])
            .to_string();
        &quoted[close + quoted[close..].chars().next()?.len_utf8()..]
    } else {
        // APA: `Names (2017). Title. Venue`.
        memchr::memchr_iter(b')', bytes).find(|&at| bytes[at + 1..].starts_with(b". "))?;
        let m = year_in_parens(text)?;
        let after = text[m.end()..].strip_prefix(". ")?;
        people = names(&text[..m.start()])?;
        let year = text[m.start()..m.end()]
            .trim_matches([' ', '(', ')'])
            .parse()
            .ok()?;
        parts.add(None, Some(Date::year(year)));
        let (title, venue) = after.split_once(". ").unwrap_or((after, ""));
        parts.title = title.trim().trim_end_matches('.').to_string();
        venue
    };
    let tail = tail.trim_start_matches([',', '.', ' ']);
    let tail = tail
        .strip_prefix("in ")
        .or_else(|| tail.strip_prefix("In "))
        .unwrap_or(tail);
    // `in *Proc. NeurIPS*, 2017, pp. 5998–6008`: the pages are no part of the venue.
    let tail = match tail.find(", pp.").or_else(|| tail.find(", p. ")) {
        Some(at) => &tail[..at],
        None => tail,
    };
    // The venue is read as after a title without names (`NeurIPS.` alone is one).
    parts.read_tail(tail);
    // MLA's journal, volume and year before the pages: `Nature 521.7553 (2015): 436-444`.
    if parts.date.is_none() {
        if let Some(m) = year_in_parens(tail).filter(|m| tail[m.end()..].starts_with(':')) {
            let year = m.as_str().trim_matches([' ', '(', ')']).parse().ok();
            let journal = tail[..m.start()]
                .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ' ' | ','));
            let venue = (journal.split_whitespace().count() >= 1)
                .then(|| venue::recognise_or_as_written(journal.trim()));
            parts.add(venue, year.map(Date::year));
        }
    }
    parts.authors = Some(people);
    (parts.title.split_whitespace().nth(1).is_some()).then_some(parts)
}

/// Names as MLA writes them, the first family name first: `LeCun, Yann, Yoshua Bengio, and
/// Geoffrey Hinton`, `He, Kaiming, et al`, `Simonyan, Karen, and Andrew Zisserman`.
fn mla_names(text: &str) -> Option<authors::Authors> {
    let text = text.trim();
    let (text, et_al) = match text
        .strip_suffix("et al")
        .or_else(|| text.strip_suffix("et al."))
    {
        Some(names) => (names.trim_end().trim_end_matches(',').trim_end(), true),
        None => (text, false),
    };
    let (family, rest) = text.split_once(", ")?;
    let (given, others) = match rest.split_once(", ") {
        Some((given, others)) => (given, others),
        None => match rest.split_once(" and ") {
            Some((given, other)) => (given, other),
            None => (rest, ""),
        },
    };
    let capitalised = |name: &str, most: usize| {
        let words: SmallVec<[&str; 4]> = name.split_whitespace().collect();
        (1..=most).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase))
    };
    // MLA's first name is one family name (`LeCun`, `Warde-Farley`), not a whole name.
    if !capitalised(family, 1) || !capitalised(given, 3) {
        return None;
    }
    let mut people = vec![crate::model::Person::parse(&format!("{given} {family}"))];
    let others = others.trim().trim_start_matches("and ").trim();
    for name in others.split(", ").flat_map(|n| n.split(" and ")) {
        let name = name.trim().trim_start_matches("and ").trim();
        if name.is_empty() {
            continue;
        }
        if !capitalised(name, 4) || name.split_whitespace().count() < 2 {
            return None;
        }
        people.push(crate::model::Person::parse(name));
    }
    Some(authors::Authors { people, et_al })
}

/// Gives `entry` the names (two or more, or cut by `et al.`) or the date that `line` is made
/// of, when it has none; whether `line` was such a line.
fn add_names_or_date(entry: &mut Reference, line: &Inline<'_>) -> bool {
    let text = line.plain();
    let text = text.trim().trim_matches(['*', '_', '`', ' ']);
    let date_only = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'/' | b'.'));
    if date_only {
        let Some(date) = parse_date(text) else {
            return false;
        };
        if entry.date.is_none() {
            entry.date = Some(date);
            entry.mark(Field::Date, Source::List, None);
        }
        return true;
    }
    match authors::parse(text).filter(|a| a.people.len() >= 2 || a.et_al) {
        Some(names) if entry.authors.is_empty() => {
            entry.authors = names.people;
            entry.et_al = names.et_al;
            entry.mark(Field::Authors, Source::List, None);
            true
        }
        _ => false,
    }
}

/// Whether a line is nothing but names, two or more (or cut by `et al.`): a paper's authors.
fn names_only(inline: &Inline<'_>) -> bool {
    let text = inline.plain();
    let text = text.trim().trim_matches(['*', '_', ' ']);
    authors::parse(text).is_some_and(|a| a.people.len() >= 2 || a.et_al)
}

/// Whether a paragraph links to a paper: a link labelled as one (`[paper]`, `[arXiv]`), or a
/// title linked to an arXiv page, a DOI or a PDF.
fn has_paper_link(inline: &Inline<'_>) -> bool {
    inline
        .pieces
        .iter()
        .any(|piece| match (piece, piece.role()) {
            (_, Some(LinkRole::Paper)) => true,
            (Piece::Link { url, .. }, Some(LinkRole::Title)) => role_by_url(url) == LinkRole::Paper,
            _ => false,
        })
}

/// The inline without the number or bullet it opens with (`[7]`, `**[7]**`, `1.`, `•`): a
/// numbered reference or a heading that counts papers.
fn without_number(mut inline: Inline<'_>) -> Inline<'_> {
    let Some(Piece::Text(first)) = inline.pieces.first() else {
        return inline;
    };
    let first = first.clone();
    let trimmed = first.trim_start();
    let rest = trimmed.strip_prefix('•').or_else(|| {
        let (open, digits) = match trimmed.strip_prefix('[') {
            Some(after) => (true, after),
            None => (false, trimmed),
        };
        let n = digits.bytes().take_while(u8::is_ascii_digit).count();
        let close: &[char] = if open { &[']'] } else { &['.', ')'] };
        (1..=3)
            .contains(&n)
            .then(|| digits[n..].strip_prefix(close))
            .flatten()
    });
    let Some(rest) = rest.filter(|r| r.is_empty() || r.starts_with(char::is_whitespace)) else {
        return inline;
    };
    let number = trimmed[..trimmed.len() - rest.len()].to_string();
    let at = first.len() - rest.len();
    inline.pieces[0] = Piece::Text(part(&first, at..first.len()));
    if inline.bolds.first().is_some_and(|b| b.trim() == number) {
        inline.bolds.remove(0);
    }
    inline
}

/// Whether a paragraph links to the work itself: its paper, code, project page or dataset.
fn has_work_link(inline: &Inline<'_>) -> bool {
    has_paper_link(inline)
        || (inline.pieces.iter()).any(|p| {
            matches!(
                p.role(),
                Some(LinkRole::Code | LinkRole::Project | LinkRole::Dataset)
            )
        })
}

/// Whether a line opens with a title: a link whose label reads as one, or bold text.
fn opens_with_title(inline: &Inline<'_>) -> bool {
    let first = inline.pieces.iter().find(|p| match p {
        Piece::Text(t) => !t.trim_matches(|c: char| !c.is_alphanumeric()).is_empty(),
        _ => true,
    });
    match first {
        Some(p @ Piece::Link { label, .. }) => {
            p.role() == Some(LinkRole::Title) && label.split_whitespace().nth(1).is_some()
        }
        Some(Piece::Text(t)) => {
            inline.bolds.first().is_some_and(|b| {
                let b = b.trim();
                b.split_whitespace().nth(1).is_some()
                    && t.trim_start_matches(|c: char| !c.is_alphanumeric())
                        .starts_with(b)
            }) || titles_an_address(inline)
        }
        _ => false,
    }
}

/// Whether a line is a title and the address after it, nothing else (`Elucidating the Design
/// Space of Diffusion-Based Generative Models: https://arxiv.org/abs/2206.00364`).
fn titles_an_address(inline: &Inline<'_>) -> bool {
    match &inline.pieces[..] {
        [Piece::Text(t), Piece::Link { label, .. }, rest @ ..] => {
            label.is_empty()
                && t.split_whitespace().nth(1).is_some()
                && rest
                    .iter()
                    .all(|p| matches!(p, Piece::Text(t) if t.trim_matches(DEBRIS).is_empty()))
        }
        _ => false,
    }
}

/// What surrounds titles, names and links in a line without being any of them.
const DEBRIS: &[char] = &[
    '.', ',', ';', ':', ' ', '[', ']', '(', ')', '|', '*', '_', '-',
];

/// Whether a line is a title and nothing else but links to the work: `**Title**`,
/// `[Title](url) [[code](url)]`.
fn is_title_line(line: &Inline<'_>) -> bool {
    let is_debris = |t: &str| t.trim_matches(DEBRIS).is_empty();
    if !opens_with_title(line) {
        return false;
    }
    match line
        .pieces
        .iter()
        .find(|p| !matches!(p, Piece::Text(t) if is_debris(t)))
    {
        Some(Piece::Link { .. }) => line
            .pieces
            .iter()
            .skip_while(|p| matches!(p, Piece::Text(_)))
            .skip(1)
            .all(|p| match p {
                Piece::Text(t) => is_debris(t),
                p => p.role() != Some(LinkRole::Title),
            }),
        _ => {
            let text: String = line
                .pieces
                .iter()
                .filter_map(|p| match p {
                    Piece::Text(t) => Some(&**t),
                    _ => None,
                })
                .collect();
            line.bolds
                .first()
                .is_some_and(|b| text.trim_matches(DEBRIS) == b.trim().trim_matches(DEBRIS))
        }
    }
}

/// A paragraph of fields, every line a label and its value (`**Authors:** Ann Lee, Bo Li`,
/// `**Year:** 2020`, `**Paper:** [arxiv.org/abs/...](...)`), as the lines that say who, when
/// and where: the names, year and venue without their labels, and of other fields only their
/// links. `None` when a line is no field.
fn fields<'a>(p: &Inline<'a>) -> Option<Inline<'a>> {
    const SAYS: [&str; 12] = [
        "author",
        "authors",
        "author(s)",
        "by",
        "published by",
        "year",
        "date",
        "venue",
        "conference",
        "journal",
        "published in",
        "published",
    ];
    let (pieces, _) = p.with_line_ends();
    let mut out = Inline::default();
    let mut says = false;
    for line in pieces.split(|piece| matches!(piece, Piece::Break)) {
        let Some(Piece::Text(first)) = line.first() else {
            return None;
        };
        let (label, value) = first.split_once([':', '：'])?;
        let label = text::lowercase(label.trim().trim_matches(['*', '_']).trim());
        if label.is_empty() || label.split_whitespace().count() > 3 {
            return None;
        }
        // `**Paper:** [Title](url)`: the paragraph has a title of its own.
        if line.iter().any(|p| p.role() == Some(LinkRole::Title)) {
            return None;
        }
        out.line_break();
        // `**Paper (arXiv):** [2603.11106](https://arxiv.org/abs/2603.11106)`.
        says |= line[1..].iter().any(|p| p.role() == Some(LinkRole::Paper));
        if SAYS.contains(&label.as_ref()) {
            says = true;
            let value = value.trim_start_matches(['*', '_', ' ']);
            out.pieces.push(Piece::Text(Cow::Owned(value.to_string())));
            out.pieces.extend(line[1..].iter().cloned());
        } else {
            let links = line[1..].iter().filter(|p| matches!(p, Piece::Link { .. }));
            out.pieces.extend(links.cloned());
        }
    }
    // Some line says who, when or where, or links to the paper (not only `注2：...`).
    says.then_some(out)
}

/// Whether a paragraph has no title of its own: no title link, and its text is nothing but
/// names, a venue or a year (`*Ann Lee, Bo Li*. CVPR 2023.`), or nothing at all. One name alone
/// (`François Chollet`) counts only where a title was just read (`one_name`), as two capitalised
/// words read as a name (`Campus Recruitment`).
fn untitled(inline: &Inline<'_>, one_name: bool) -> bool {
    let mut text = String::new();
    for p in &inline.pieces {
        match p {
            Piece::Link { .. } if p.role() == Some(LinkRole::Title) => return false,
            Piece::Link { .. } => text.push(' '),
            Piece::Text(t) => text.push_str(t),
            Piece::Break => text.push_str(". "),
        }
    }
    let text = without_emoji(&text);
    let text = text::clean(&text);
    // Link labels written as text before a colon (`pdf: https://...`, `论文：`) are no title
    // either; other label words may be one's (`... Visual Models`).
    let label = |w: &str| w.ends_with([':', '：']) && is_label_word(w);
    let text = match text.split(' ').any(label) {
        true => (text.split(' '))
            .filter(|w| !label(w))
            .collect::<Vec<_>>()
            .join(" "),
        false => text.into_owned(),
    };
    let text = text.trim_matches(DEBRIS);
    if text.is_empty() || is_year_only(text) || is_venue_only(strip_qualifier(text).0) {
        return true;
    }
    // Names, then perhaps a venue and year: `Ann Lee, Bo Li. CVPR 2023`, `Ann Lee et al., 2023`.
    let names = text.split(". ").next().unwrap_or(text);
    let names = without_year(names).trim_matches(DEBRIS);
    authors::parse(names).is_some_and(|a| {
        a.people.len() >= 2 || a.et_al || one_name && names.split_whitespace().count() <= 3
    })
}

/// Whether an entry read from a paragraph is a reference, not a sentence about a paper: its
/// title has two words or more and opens with a capital or a digit, reads as no prose, and the
/// paragraph either opens with it (bold, or a linked title) and says little else, or gives its
/// names, venue or date and does not open as a request, an announcement or a description of
/// the code (`Please cite ...`, `Our paper ...`, `Official implementation of the paper ...`).
fn reads_as_reference(entry: &Reference, inline: &Inline<'_>) -> bool {
    const OPENERS: [&str; 20] = [
        "please",
        "if",
        "we",
        "our",
        "this",
        "these",
        "see",
        "check",
        "thanks",
        "thank",
        "note",
        "you",
        "feel",
        "welcome",
        "star",
        "here",
        "official",
        "implementation",
        "currently",
        "code",
    ];
    let title = entry.title.as_str();
    let first = title.split_whitespace().next().unwrap_or_default();
    let opener = OPENERS.contains(&text::lowercase(first.trim_end_matches([',', ':'])).as_ref());
    let structured = !entry.authors.is_empty() || entry.venue.is_some() || entry.date.is_some();
    // A bold name that opens a description (`**Swin Transformer** (the name ...) is initially
    // described in [arxiv](...), which ...`) is no reference: after the title, only a few words.
    let says_little = || {
        let words = |t: &str| t.split_whitespace().count();
        words(&inline.plain()) <= words(title) + 12
    };
    // A name alone is a title when it names an identifier (`DDPM: https://arxiv.org/abs/...`);
    // enrichment gives the whole title.
    let named_id = || titles_an_address(inline) && (entry.arxiv.is_some() || entry.doi.is_some());
    // A title that opens the paragraph may ask a question (`What Can We Learn from ...?`).
    (title.split_whitespace().nth(1).is_some() || named_id())
        && title.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !is_description(title)
        && (opens_with_title(inline) && (structured || says_little())
            || structured && !opener && !is_prose(title))
}

/// Whether the HTML `tag` opens with `name` (`<a`, `</a`, `<li`), in any case, and not with a
/// longer name (`<abbr`).
fn is_tag(tag: &[u8], name: &[u8]) -> bool {
    tag.len() > name.len()
        && tag[..name.len()].eq_ignore_ascii_case(name)
        && !tag[name.len()].is_ascii_alphanumeric()
}

/// The `href` of an HTML tag (`<a href="https://..." target="_blank">`), its `&amp;` decoded.
fn href(tag: &str) -> Option<String> {
    let at = tag.to_ascii_lowercase().find("href")?;
    let rest = tag[at + 4..].trim_start().strip_prefix('=')?.trim_start();
    let url = match rest.chars().next()? {
        quote @ ('"' | '\'') => rest[1..].split(quote).next()?,
        _ => rest.split([' ', '>', '\t', '\n']).next()?,
    };
    let url = url.trim();
    (!url.is_empty()).then(|| url.replace("&amp;", "&"))
}

/// `text` without emoji and their shortcodes (`🔥`, `:fire:`), borrowed when it has none.
fn without_emoji(text: &str) -> Cow<'_, str> {
    let text = if text.is_ascii() {
        Cow::Borrowed(text)
    } else {
        EMOJI.replace_all(text, "")
    };
    match strip_shortcodes(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(stripped) => Cow::Owned(stripped),
    }
}

/// A section's name without the emoji that decorate it (`🔥 News`, `:fire: Diffusion 🚀`), as
/// titles are; a name of emoji alone stays as it is.
fn undecorated(name: String) -> String {
    if name.is_ascii() && !name.contains(':') {
        return name;
    }
    let plain = without_emoji(&name);
    let plain = text::collapse_whitespace(plain.trim());
    if plain.is_empty() || plain.len() == name.len() {
        return name;
    }
    plain.into_owned()
}

/// An identifier written out in an entry's text (`arXiv:2301.00008`, `(arXiv 2301.00018)`,
/// `doi:10.1038/...`, `DOI: 10.1038/...`), with the punctuation after it: the identifier is
/// read from the whole text, and is no part of the title or venue.
static WRITTEN_ID: LazyLock<Regex> = LazyLock::new(|| {
    let (arxiv, doi) = (ids::ARXIV_IN_TEXT_PATTERN, ids::DOI_START_PATTERN);
    Regex::new(&format!(
        r"(?i)[(\[]?\b(?:{arxiv}|doi\s*:\s*{doi}[^\s\])]+(?:\([^\s()]*\)[^\s\])]*)*)[)\]]?[.,;]?"
    ))
    .expect("valid regex")
});

/// `text` without the identifiers written out in it ([`WRITTEN_ID`]), unless they are all of it.
fn strip_written_ids(text: &str) -> Cow<'_, str> {
    // Every match has the `x` of arXiv, or a colon after `doi`: a cheap look first.
    let bytes = text.as_bytes();
    let arxiv = || {
        memchr::memchr2_iter(b'x', b'X', bytes).any(|at| {
            at >= 2
                && bytes[at - 2..].len() >= 5
                && bytes[at - 2..at + 3].eq_ignore_ascii_case(b"arxiv")
        })
    };
    let doi = || {
        memchr::memchr_iter(b':', bytes).any(|at| {
            let before = bytes[..at].trim_ascii_end();
            before.len() >= 3 && before[before.len() - 3..].eq_ignore_ascii_case(b"doi")
        })
    };
    if !(arxiv() || doi()) || !WRITTEN_ID.is_match(text) {
        return Cow::Borrowed(text);
    }
    let stripped = WRITTEN_ID.replace_all(text, "");
    if !stripped.chars().any(char::is_alphanumeric) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text::collapse_whitespace(stripped.trim()).into_owned())
}

/// [`EMOJI_NAMES`] between colons, at the start of the text or after anything but a letter, digit
/// or colon (or right after another shortcode: `:fire::fire:`), so `std::map::find`, `12:30:45`
/// and Sphinx's `:ref:` stay.
fn strip_shortcodes(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let mut out: Option<String> = None;
    let (mut copied, mut i) = (0, 0);
    while let Some(open) = memchr::memchr(b':', &b[i..]).map(|p| i + p) {
        let close = b[open + 1..]
            .iter()
            .take(24)
            .position(|&c| c == b':')
            .map(|p| open + 1 + p);
        let bounded = open == copied && out.is_some()
            || open
                .checked_sub(1)
                .is_none_or(|p| !b[p].is_ascii_alphanumeric() && b[p] != b':');
        let shortcode = close
            .filter(|&close| bounded && EMOJI_NAMES.binary_search(&&text[open + 1..close]).is_ok());
        match shortcode {
            Some(close) => {
                let out = out.get_or_insert_with(String::new);
                out.push_str(&text[copied..open]);
                copied = close + 1;
                i = close + 1;
            }
            None => i = open + 1,
        }
    }
    match out {
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(text),
    }
}

/// GitHub emoji names that paper lists use, sorted.
const EMOJI_NAMES: &[&str] = &[
    "+1",
    "-1",
    "100",
    "1st_place_medal",
    "2nd_place_medal",
    "3rd_place_medal",
    "alarm_clock",
    "alien",
    "arrow_down",
    "arrow_forward",
    "arrow_right",
    "arrow_up",
    "art",
    "bangbang",
    "bar_chart",
    "beers",
    "bell",
    "bomb",
    "book",
    "bookmark",
    "books",
    "boom",
    "bouquet",
    "brain",
    "bug",
    "bulb",
    "calendar",
    "camera",
    "chart_with_upwards_trend",
    "checkered_flag",
    "clap",
    "clipboard",
    "construction",
    "cool",
    "crown",
    "crystal_ball",
    "dart",
    "dizzy",
    "dna",
    "eyes",
    "fire",
    "first_place_medal",
    "floppy_disk",
    "gear",
    "gem",
    "gift",
    "globe_with_meridians",
    "hammer",
    "hammer_and_wrench",
    "handshake",
    "heart",
    "heart_eyes",
    "heavy_check_mark",
    "heavy_plus_sign",
    "hot_pepper",
    "hourglass",
    "hugs",
    "hundred",
    "information_source",
    "jigsaw",
    "key",
    "label",
    "laughing",
    "link",
    "lock",
    "loudspeaker",
    "mag",
    "mag_right",
    "mailbox",
    "mega",
    "memo",
    "microscope",
    "milky_way",
    "moneybag",
    "mortar_board",
    "muscle",
    "new",
    "newspaper",
    "notebook",
    "ok",
    "ok_hand",
    "open_book",
    "package",
    "page_facing_up",
    "paperclip",
    "partying_face",
    "pencil",
    "pencil2",
    "pill",
    "point_down",
    "point_right",
    "point_up",
    "pray",
    "pushpin",
    "question",
    "raised_hands",
    "recycle",
    "red_circle",
    "robot",
    "rocket",
    "rotating_light",
    "scroll",
    "seedling",
    "shield",
    "smile",
    "smiley",
    "sparkle",
    "sparkles",
    "speech_balloon",
    "star",
    "star2",
    "stars",
    "stethoscope",
    "sunglasses",
    "tada",
    "telescope",
    "test_tube",
    "thinking",
    "thought_balloon",
    "thumbsup",
    "trophy",
    "unlock",
    "warning",
    "wave",
    "white_check_mark",
    "woman_technologist",
    "wrench",
    "x",
    "zap",
];

/// An HTML tag or comment delimiter, blanked out before an HTML block is read as Markdown.
static HTML_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<[A-Za-z/][^<>]*>").expect("valid regex"));

/// Inline content of one list item or table cell while it is being read. Its text borrows from
/// the list wherever the parser hands out a slice of it.
#[derive(Debug, Default, Clone)]
struct Inline<'a> {
    pieces: Vec<Piece<'a>>,
    /// The label of the link being read, and its URL.
    link: Option<(Cow<'a, str>, Cow<'a, str>)>,
    /// Further URLs found inside the link target being read.
    extra_urls: Vec<String>,
    /// The texts of the first bold spans (`**ICCV 2023**`, `**ShortName**`, `**Title**`).
    bolds: Vec<Cow<'a, str>>,
    bold_open: bool,
    /// Set for table cells other than the title's, whose bold spans nothing reads.
    ignore_bolds: bool,
}

/// Whether `text` has `http` in it; its `h`s are found many bytes at a time.
fn has_http(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'h', bytes).any(|at| bytes[at..].starts_with(b"http"))
}

/// Text from the parser, borrowed when it is a slice of the list.
fn borrowed(t: CowStr<'_>) -> Cow<'_, str> {
    match t {
        CowStr::Borrowed(t) => Cow::Borrowed(t),
        t => Cow::Owned(t.to_string()),
    }
}

/// Appends `t` to `text`; an empty `text` takes `t` as it is, without a copy.
fn append<'t>(text: &mut Cow<'t, str>, t: Cow<'t, str>) {
    if text.is_empty() {
        *text = t;
    } else {
        text.to_mut().push_str(&t);
    }
}

/// A part of `text`, borrowed from the list when `text` is.
fn part<'a>(text: &Cow<'a, str>, range: Range<usize>) -> Cow<'a, str> {
    match text {
        Cow::Borrowed(t) => Cow::Borrowed(&t[range]),
        Cow::Owned(t) => Cow::Owned(t[range].to_string()),
    }
}

impl<'a> Inline<'a> {
    /// This inline with its content dropped and its room kept.
    fn emptied(mut self) -> Self {
        self.pieces.clear();
        self.link = None;
        self.extra_urls.clear();
        self.bolds.clear();
        self.bold_open = false;
        self.ignore_bolds = false;
        self
    }

    #[inline]
    fn text(&mut self, t: CowStr<'a>) {
        let t = borrowed(t);
        if self.bold_open {
            if let Some(b) = self.bolds.last_mut() {
                append(b, t.clone());
            }
        }
        if let Some((label, _)) = &mut self.link {
            append(label, t);
            return;
        }
        self.push_text(t);
    }

    /// Turns bare URLs in text into links, labelled by the word before them (`Paper: https://...`).
    /// Done once the text is complete, since the parser may split a URL over several events.
    fn settle(&mut self) {
        if !self
            .pieces
            .iter()
            .any(|p| matches!(p, Piece::Text(t) if has_http(t)))
        {
            return;
        }
        let mut pieces = Vec::with_capacity(self.pieces.len());
        for piece in std::mem::take(&mut self.pieces) {
            let Piece::Text(t) = piece else {
                pieces.push(piece);
                continue;
            };
            let mut last = 0;
            for caps in BARE_URL.captures_iter(&t) {
                let (Some(whole), Some(url)) = (caps.get(0), caps.get(2)) else {
                    continue;
                };
                // A word that is no link label (`Homeoage:`) only says "a link follows"; after
                // other text, it ends that text (`GLIDE: ... Text-Guided Diffusion Models:
                // https://arxiv.org/...`).
                let mut label = caps
                    .get(1)
                    .filter(|l| is_label_word(l.as_str()))
                    .map_or(Cow::Borrowed(""), |l| part(&t, l.range()));
                let mut before = last..whole.start();
                if let Some(words) = caps.get(1).filter(|_| label.is_empty()) {
                    if !t[last..words.start()].trim().is_empty() {
                        before.end = words.end();
                    }
                }
                if let Some(word) = chinese_label(&t[before.clone()]) {
                    label = part(&t, before.start + word.start..before.start + word.end);
                    before.end = before.start + word.start;
                }
                if !before.is_empty() {
                    pieces.push(Piece::Text(part(&t, before)));
                }
                let end = url.start() + url_end(url.as_str()).len();
                pieces.push(Piece::Link {
                    label,
                    url: part(&t, url.start()..end),
                    role: None,
                });
                // The punctuation after a URL goes with it, a parenthesis it closes stays.
                last = end + t[end..].len() - t[end..].trim_start_matches(['.', ',', ';']).len();
            }
            if last < t.len() {
                pieces.push(Piece::Text(part(&t, last..t.len())));
            }
        }
        self.pieces = pieces;
    }

    fn push_text(&mut self, t: Cow<'a, str>) {
        if t.is_empty() {
            return;
        }
        if let Some(Piece::Text(prev)) = self.pieces.last_mut() {
            append(prev, t);
        } else {
            self.pieces.push(Piece::Text(t));
        }
    }

    fn line_break(&mut self) {
        if let Some((label, _)) = &mut self.link {
            label.to_mut().push(' ');
        } else if !matches!(self.pieces.last(), None | Some(Piece::Break)) {
            self.pieces.push(Piece::Break);
        }
    }

    /// The end of a paragraph's line: a `\n` in its text, which [`Inline::lines`] splits at and
    /// which reads as a space everywhere else (text is cleaned before it is read).
    fn soft_break(&mut self) {
        match &mut self.link {
            Some((label, _)) => label.to_mut().push(' '),
            None => self.push_text(Cow::Borrowed("\n")),
        }
    }

    /// Whether the text so far ends with a backslash, kramdown's line break (`Title \\` /
    /// `Ann Lee, Bo Li`), which CommonMark reads as a backslash: it becomes a break.
    fn kramdown_break(&mut self) -> bool {
        let ended = self.strip_kramdown_break();
        if ended {
            self.line_break();
        }
        ended
    }

    /// Drops a backslash that ends the text so far (see [`Inline::kramdown_break`]).
    fn strip_kramdown_break(&mut self) -> bool {
        if self.link.is_some() {
            return false;
        }
        let Some(Piece::Text(t)) = self.pieces.last_mut() else {
            return false;
        };
        let Some(kept) = t.trim_end().strip_suffix('\\').map(str::len) else {
            return false;
        };
        match t {
            Cow::Borrowed(b) => *t = Cow::Borrowed(&b[..kept]),
            Cow::Owned(o) => o.truncate(kept),
        }
        if t.trim().is_empty() {
            self.pieces.pop();
        }
        true
    }

    /// A space between words, in the label of the link being read if there is one (a label
    /// that goes on on the next line: `[Benchmarks and` / `Additional Results](url)`).
    fn space(&mut self) {
        match &mut self.link {
            Some((label, _)) => label.to_mut().push(' '),
            None => self.push_text(Cow::Borrowed(" ")),
        }
    }

    /// The paragraph with its lines joined by spaces, as one entry's text.
    fn joined(&self) -> Inline<'a> {
        let mut joined = self.clone();
        for piece in &mut joined.pieces {
            if let Piece::Text(t) = piece {
                if t.contains('\n') {
                    *t = Cow::Owned(t.replace('\n', " "));
                }
            }
        }
        joined
    }

    /// The pieces with each line end (see [`Inline::soft_break`]) a break of its own, and where
    /// those breaks are.
    fn with_line_ends(&self) -> (Vec<Piece<'a>>, Vec<usize>) {
        let mut pieces = Vec::with_capacity(self.pieces.len());
        let mut ends = Vec::new();
        for piece in &self.pieces {
            let Piece::Text(t) = piece.clone() else {
                pieces.push(piece.clone());
                continue;
            };
            let mut start = 0;
            for at in memchr::memchr_iter(b'\n', t.as_bytes()).chain([t.len()]) {
                if start > 0 {
                    ends.push(pieces.len());
                    pieces.push(Piece::Break);
                }
                if start < at {
                    pieces.push(Piece::Text(part(&t, start..at)));
                }
                start = at + 1;
            }
        }
        (pieces, ends)
    }

    /// An inline of `pieces`, with this one's bold spans.
    fn with_pieces(&self, pieces: &[Piece<'a>]) -> Inline<'a> {
        Inline {
            pieces: pieces.to_vec(),
            bolds: self.bolds.clone(),
            ..Inline::default()
        }
    }

    /// The first line (up to the first break of any kind) and the rest, each an inline of its
    /// own.
    fn split_first_line(&self) -> (Inline<'a>, Inline<'a>) {
        let (pieces, _) = self.with_line_ends();
        let end = (pieces.iter())
            .position(|p| matches!(p, Piece::Break))
            .unwrap_or(pieces.len());
        let rest = pieces.get(end + 1..).unwrap_or_default();
        (self.with_pieces(&pieces[..end]), self.with_pieces(rest))
    }

    /// The paragraph's lines, each as an inline of its own.
    fn lines(&self) -> Vec<Inline<'a>> {
        let (pieces, ends) = self.with_line_ends();
        let mut start = 0;
        let mut lines = Vec::with_capacity(ends.len() + 1);
        for end in ends.into_iter().chain([pieces.len()]) {
            lines.push(self.with_pieces(&pieces[start..end]));
            start = end + 1;
        }
        lines
    }

    fn start_bold(&mut self) {
        // The title is among the first few bold spans; later ones are emphasis in notes.
        if self.bolds.len() < 4 && !self.ignore_bolds {
            self.bolds.push(Cow::Borrowed(""));
            self.bold_open = true;
        }
    }

    fn end_bold(&mut self) {
        self.bold_open = false;
    }

    fn start_link(&mut self, dest: CowStr<'a>) {
        let (url, extra) = match borrowed(dest) {
            Cow::Borrowed(dest) => repair_url(dest),
            Cow::Owned(dest) => {
                let (url, extra) = repair_url(&dest);
                (Cow::Owned(url.into_owned()), extra)
            }
        };
        self.link = Some((Cow::Borrowed(""), url));
        self.extra_urls = extra;
    }

    fn end_link(&mut self) {
        match self.link.take() {
            Some((label, url)) if ids::is_safe_url(&url) => self.pieces.push(Piece::Link {
                label,
                url,
                role: None,
            }),
            // `javascript:`, `data:`, `file:`: no link a reference may carry. A title stays as
            // text; a link label (`paper`, `code`) goes with its link.
            Some((label, _)) if classify_link(&label, "") == LinkRole::Title => {
                self.push_text(label)
            }
            _ => {}
        }
        for url in std::mem::take(&mut self.extra_urls) {
            self.pieces.push(Piece::Link {
                label: Cow::Borrowed(""),
                url: Cow::Owned(url),
                role: None,
            });
        }
    }

    /// Appends another item's content after a break (a nested line that belongs to this entry).
    fn append(&mut self, other: Inline<'a>) {
        self.line_break();
        self.pieces.extend(other.pieces);
    }

    /// News (`We release a new paper on X: "[Title](url)"!`): keeps the paper the line
    /// announces, its longest link whose label reads as a title of three words or more, else its
    /// first title link to a paper (`We released [F2LLM](arXiv)`), with the line's paper and code
    /// links. `false` when there is no such link (`We create this repository`): no entry.
    fn keep_news_title(&mut self) -> bool {
        let title_link = |p: &Piece<'_>| p.role() == Some(LinkRole::Title);
        let words = |p: &Piece<'_>| match p {
            Piece::Link { label, .. } => label
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count(),
            _ => 0,
        };
        let to_paper = |p: &Piece<'_>| match p {
            Piece::Link { url, .. } => ids::is_arxiv_url(url) || ids::doi_from_url(url).is_some(),
            _ => false,
        };
        let title = self
            .pieces
            .iter()
            .filter(|p| title_link(p) && words(p) >= 3)
            .max_by_key(|p| words(p))
            .or_else(|| self.pieces.iter().find(|p| title_link(p) && to_paper(p)))
            .cloned();
        let Some(title) = title else {
            self.pieces.clear();
            return false;
        };
        let others: Vec<Piece<'a>> = self
            .pieces
            .drain(..)
            .filter(|p| matches!(p, Piece::Link { .. }) && !title_link(p))
            .collect();
        self.pieces.push(title);
        self.pieces.extend(others);
        true
    }

    /// Whether the text could be a title: words, or a link whose label reads as one, not only a
    /// link word (`[arXiv](...)`), an identifier or a dash.
    fn names_a_title(&self) -> bool {
        self.pieces.iter().any(|p| match p {
            Piece::Text(t) => {
                let t = t.trim().trim_matches(['-', '–', '—', '*', '/']).trim();
                t.chars().filter(|c| c.is_alphanumeric()).nth(2).is_some()
                    && !(t.starts_with(|c: char| c.is_ascii_digit()) && ids::is_arxiv_id(t))
                    && !is_label_word(t)
            }
            Piece::Link { .. } => p.role() == Some(LinkRole::Title),
            Piece::Break => false,
        })
    }

    /// Whether the cell starts with a title of two words or more in quotes.
    fn starts_with_quoted_title(&self) -> bool {
        let Some(Piece::Text(t)) = self.pieces.first() else {
            return false;
        };
        t.trim_start()
            .strip_prefix(['"', '“'])
            .and_then(|q| q.find(['"', '”']).map(|end| &q[..end]))
            .is_some_and(|title| title.split_whitespace().nth(1).is_some())
    }

    /// Whether any link points somewhere other than an anchor in the same page.
    fn has_links(&self) -> bool {
        self.pieces
            .iter()
            .any(|p| matches!(p, Piece::Link { url, .. } if !url.starts_with('#')))
    }

    /// All text, with link labels, as one cleaned string (for headings and table cells).
    /// A heading's name: its text, without the links to places on the page that follow it
    /// (`### Survey ([back to top](#contents))`); a heading that is only such a link keeps it.
    fn heading_name(&self) -> String {
        let to_page = |p: &Piece<'_>| matches!(p, Piece::Link { url, .. } if url.starts_with('#'));
        let named = self.pieces.iter().any(|p| match p {
            Piece::Text(t) => t.chars().any(char::is_alphanumeric),
            _ => false,
        });
        if !named || !self.pieces.iter().any(to_page) {
            return self.plain().into_owned();
        }
        let name = pieces_text(self.pieces.iter().filter(|p| !to_page(p)));
        text::clean(&strip_link_debris(&name)).into_owned()
    }

    fn plain(&self) -> Cow<'_, str> {
        if let [Piece::Text(t)] = &self.pieces[..] {
            return text::clean(t);
        }
        Cow::Owned(text::clean_owned(pieces_text(self.pieces.iter())))
    }
}

/// The text of `pieces` as read: text, links' labels, and a space for a break.
fn pieces_text<'p, 'a: 'p>(pieces: impl Iterator<Item = &'p Piece<'a>>) -> String {
    let mut s = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) => s.push_str(t),
            Piece::Link { label, .. } => s.push_str(label),
            Piece::Break => s.push(' '),
        }
    }
    s
}

/// One list item being read.
#[derive(Debug)]
struct Item<'a> {
    inline: Inline<'a>,
    line: usize,
    /// Set when a nested list starts under an item with no links: the item may be a heading.
    is_heading: bool,
    /// Entries produced by items nested under this one.
    children: usize,
}

/// A table being read; each body row becomes an entry as soon as it ends.
#[derive(Debug, Default)]
struct Table<'a> {
    /// Known once the header row has ended.
    columns: Option<Columns>,
    in_head: bool,
    cell: Option<Inline<'a>>,
    row: Vec<Inline<'a>>,
    /// Emptied cells of earlier rows, whose room the next cells reuse.
    spare: Vec<Inline<'a>>,
    row_line: usize,
}

/// The conference or journal and year a document's title starts with (`CVPR 2024 Papers with
/// Code`, `ECCV2024-Papers-with-Code`), when mdbib knows the venue.
fn venue_of_title(title: &str) -> Option<(Venue, i32)> {
    let mut words = title.split(|c: char| c.is_whitespace() || c == '-' || c == '_');
    let first = words.next()?;
    let (name, rest) = match first.find(|c: char| c.is_ascii_digit()) {
        Some(at) if at > 0 => (&first[..at], &first[at..]),
        _ => (first, words.next()?),
    };
    let rest = rest.trim_start_matches('\'');
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = rest[digits..].chars().next();
    if digits != 4 || after.is_some_and(char::is_alphanumeric) {
        return None;
    }
    let year: i32 = rest[..4].parse().ok()?;
    let venue = venue::known(name.trim_end_matches('\''))?;
    let published = matches!(
        venue::kind_of(&venue),
        Some(Kind::ConferencePaper | Kind::JournalArticle)
    );
    (published && (1950..=2100).contains(&year)).then_some((venue, year))
}

/// The section path: headings by level, then list items used as headings, then a bold-only line.
#[derive(Debug, Default)]
struct Sections {
    headings: Vec<(HeadingLevel, String)>,
    items: Vec<(usize, String)>,
    bold: Option<String>,
    /// The first level-1 heading is the document's title, not a section.
    seen_title: bool,
    /// The venue and year a document's title starts with (`# CVPR 2024 Papers with Code`),
    /// which its entries that name none were published at.
    title_venue: Option<(Venue, i32)>,
    /// `bold` came from a `<details>` summary, and ends with its `</details>`.
    bold_from_summary: bool,
    /// The path as last built, shared by the entries under it until a section changes.
    built: Option<SectionPath>,
    /// Under a news heading (`## News`, `## 🔥 Updates`): lines announce papers in prose
    /// (`We release a new paper on ...: "[Title](url)"`), of which only the title link counts.
    news: bool,
    /// Under a heading about the list itself (`## Awesome list criteria`, `## Contributing`,
    /// `## License`): its lines are rules and thanks, no papers.
    about_list: bool,
}

impl Sections {
    fn heading(&mut self, level: HeadingLevel, name: String) {
        let name = undecorated(name);
        self.built = None;
        self.bold = None;
        let lower = name.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .collect();
        let is_news = matches!(
            words[..],
            ["news"]
                | ["latest", "news"]
                | ["updates"]
                | ["latest", "updates"]
                | ["what's", "new"]
                | ["changelog"]
                | ["change", "log"]
                | ["announcements"]
        );
        let about_list = words.contains(&"criteria")
            || matches!(
                words[..],
                ["contributing", ..]
                    | ["contribution" | "contributions" | "contributors" | "license" | "licence"]
                    | ["how", "to", "contribute", ..]
                    | ["contact" | "contacts", ..]
            );
        // `## Contents`: the sections after it are no part of it.
        let contents = matches!(
            words[..],
            ["contents"] | ["table", "of", "contents"] | ["toc"]
        );
        if level == HeadingLevel::H1 && !self.seen_title && self.headings.is_empty() {
            self.seen_title = true;
            self.title_venue = venue_of_title(&name);
            self.news = false;
            self.about_list = false;
            return;
        }
        self.headings.retain(|(l, _)| *l < level);
        // Only a news section of its own: `### Updates` under `## Papers` lists papers.
        self.news = is_news && self.headings.is_empty();
        self.about_list = about_list;
        self.headings
            .push((level, if contents { String::new() } else { name }));
    }

    /// A list item used as a heading, `depth` lists deep.
    fn push_item(&mut self, depth: usize, name: String) {
        self.built = None;
        self.items.push((depth, undecorated(name)));
    }

    /// Leaves the list items used as headings from `depth` down.
    fn leave_items(&mut self, depth: usize) {
        if self.items.last().is_some_and(|(d, _)| *d >= depth) {
            self.built = None;
            self.items.retain(|(d, _)| *d < depth);
        }
    }

    fn set_bold(&mut self, bold: Option<String>) {
        self.bold_from_summary = false;
        if self.bold != bold {
            self.built = None;
            self.bold = bold;
        }
    }

    /// Drops the last heading, which named a paper, not a section.
    fn drop_heading(&mut self) {
        self.built = None;
        self.headings.pop();
    }

    fn path(&mut self) -> SectionPath {
        let build = || {
            self.headings
                .iter()
                .map(|(_, n)| n)
                .chain(self.items.iter().map(|(_, n)| n))
                .chain(&self.bold)
                .filter(|n| !n.is_empty())
                .cloned()
                .collect()
        };
        self.built.get_or_insert_with(build).clone()
    }
}

/// A bold-only paragraph that may be a paper's title (`**Title**` followed by `- Paper: url`
/// bullets) rather than a section name; decided by what follows.
#[derive(Debug)]
struct Pending<'a> {
    inline: Inline<'a>,
    line: usize,
    /// Link-only items that followed it.
    linked: bool,
    /// It is a bold-only line, which names the section until it turns out to be a paper.
    bold: bool,
    /// It is the last heading, which names no section when it turns out to be a paper.
    heading: bool,
}

/// A heading that may be the title of the paper the paragraphs after it describe.
#[derive(Debug)]
struct HeadingPaper<'a> {
    inline: Inline<'a>,
    line: usize,
    /// Paragraphs of names or a venue that came before the paper's links.
    bylines: Vec<Inline<'a>>,
    /// Paragraphs of prose passed over (an abstract).
    skipped: usize,
}

impl<'a> HeadingPaper<'a> {
    /// The heading with its bylines, as one entry's lines.
    fn into_inline(self) -> Inline<'a> {
        let mut inline = self.inline;
        for byline in self.bylines {
            inline.append(byline);
        }
        inline
    }
}

/// Reads a Markdown paper list. `file` is only used for the entries' origin.
pub fn read(source: &str, file: &Path) -> Vec<Reference> {
    let mut refs = Vec::new();
    read_each(source, file, &mut |r| refs.push(r));
    refs
}

/// [`read`], handing each reference to `sink` as soon as it is read.
pub fn read_each(source: &str, file: &Path, sink: &mut dyn FnMut(Reference)) {
    let min_piece = if source.len() > PIECES_ABOVE {
        PIECE_BYTES
    } else {
        usize::MAX
    };
    read_in_pieces(source, file, min_piece, sink);
}

/// Texts up to this size (most lists are well under 2 MB) are read in one piece.
const PIECES_ABOVE: usize = 4 << 20;

/// pulldown-cmark builds a tree of a whole text before its first event, several times the text's
/// size; a long text is therefore read in pieces of at least this size, at the cost of a first
/// pass when links may be defined in another piece (see [`Reader::run`]).
const PIECE_BYTES: usize = 1 << 20;

/// [`read_each`] with pieces of at least `min_piece` bytes; the result does not depend on it
/// (tested with `min_piece` 1, which cuts at every place where a cut is allowed).
#[doc(hidden)]
pub fn read_in_pieces(
    source: &str,
    file: &Path,
    min_piece: usize,
    sink: &mut dyn FnMut(Reference),
) {
    Reader::new(source, file, sink).run(min_piece, true);
}

/// [`read`] with every table parsed by pulldown-cmark, for tests that the plain tables read by
/// hand ([`tables`]) give the same references.
#[doc(hidden)]
pub fn read_without_plain_tables(source: &str, file: &Path, sink: &mut dyn FnMut(Reference)) {
    Reader::new(source, file, sink).run(usize::MAX, false);
}

/// The end of the YAML front matter that opens `source` (`---`, lines of YAML, then `---` or
/// `...`), which GitHub does not show: CommonMark would read its closing line as a heading's
/// underline and its lines as that heading.
fn front_matter_end(source: &str) -> Option<usize> {
    let mut lines = source.split_inclusive('\n');
    let mut end = lines.next().filter(|l| l.trim_end() == "---")?.len();
    let mut first = true;
    for line in lines {
        end += line.len();
        let line = line.trim_end();
        // The first line is a YAML key (`title: ...`), not a heading or a list after a rule.
        let key = |l: &str| {
            l.split_once(':').is_some_and(|(k, _)| {
                !k.is_empty()
                    && k.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
            })
        };
        if first && !key(line) {
            return None;
        }
        if !first && (line == "---" || line == "...") {
            return Some(end);
        }
        first = false;
    }
    None
}

/// Places where a text may be cut into pieces that parse like the whole: before an ATX heading
/// (`## Name`) at the start of a line that follows a blank line, once the piece since the last
/// cut is at least `min_piece` bytes long. Such a heading ends every list, quote, table and
/// paragraph; only a fenced code block or an HTML block (a comment, `<pre>`...) left open runs
/// on through it, which [`closes_cleanly`] checks on the parsed piece.
fn cuts(source: &str, min_piece: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut last = 0;
    let mut offset = 0;
    let mut prev_blank = true;
    for line in source.split_inclusive('\n') {
        let at = offset;
        offset += line.len();
        let heading = line.starts_with('#') && {
            let hashes = line.bytes().take_while(|&b| b == b'#').count();
            hashes <= 6 && line[hashes..].starts_with([' ', '\t', '\r', '\n'])
        };
        if heading && prev_blank && at > last && at - last >= min_piece {
            out.push(at);
            last = at;
        }
        prev_blank = line.trim().is_empty();
    }
    out
}

/// Whether a piece ends with every block closed. Every block that the heading after a cut would
/// end stops at the blank line before it; a top-level code or HTML block (a fence, a comment,
/// `<pre>`) that reaches the piece's very end was left open and would run on into the next.
fn closes_cleanly(events: &[PieceEvent<'_>], len: usize) -> bool {
    let mut depth = 0usize;
    let mut code_or_html = false;
    for (event, range) in events {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    code_or_html = matches!(tag, Tag::CodeBlock(_) | Tag::HtmlBlock);
                }
                depth += 1;
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 && code_or_html && range.end >= len {
                    return false;
                }
            }
            _ => {}
        }
    }
    true
}

/// A line that may define a link label (`[label]: url`), for links in another piece.
static MAY_DEFINE_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^[ >]{0,3}\[[^\]\n]+\]:").expect("valid regex"));

/// A link target found by a broken-link callback: URL and title.
type Resolved<'s> = Option<(CowStr<'s>, CowStr<'s>)>;

/// An event of a piece, with its byte range in the piece.
type PieceEvent<'s> = (Event<'s>, Range<usize>);

/// What [`for_each_piece`] hands on for a piece: its events, or a plain table (one of `tables`)
/// to be read by hand, with the callback that resolves links by reference in its other rows.
enum PieceText<'p, 's> {
    Events(&'p mut dyn Iterator<Item = PieceEvent<'s>>),
    Table(&'s str, &'p mut dyn FnMut(BrokenLink<'s>) -> Resolved<'s>),
}

/// Parses `source` piece by piece, each piece ending at the first of `cuts` (or the end) where
/// it closes cleanly, and hands each piece's start, link definitions and events to `each`. A
/// plain table (one of `tables`, each starting and ending at a cut) that starts a piece is
/// handed on as it is. A text without cuts is one piece, streamed; a piece is otherwise parsed whole
/// before its events are handed on, since only its end shows whether it closes cleanly.
fn for_each_piece<'s>(
    source: &'s str,
    cuts: &[usize],
    tables: &[Range<usize>],
    resolve: &mut dyn FnMut(BrokenLink<'s>) -> Resolved<'s>,
    each: &mut dyn FnMut(usize, &RefDefs<'_>, PieceText<'_, 's>),
) {
    if cuts.is_empty() && tables.is_empty() {
        let mut parser = Parser::new_with_broken_link_callback(source, OPTIONS, Some(resolve))
            .into_offset_iter();
        each(0, &RefDefs::default(), PieceText::Events(&mut parser));
        return;
    }
    let mut next_cut = 0;
    let mut next_table = 0;
    let mut start = 0;
    while start < source.len() {
        while tables.get(next_table).is_some_and(|t| t.start < start) {
            next_table += 1;
        }
        if let Some(table) = tables.get(next_table).filter(|t| t.start == start) {
            let end = table.end;
            let table = PieceText::Table(&source[table.clone()], &mut *resolve);
            each(start, &RefDefs::default(), table);
            start = end;
            continue;
        }
        while cuts.get(next_cut).is_some_and(|&c| c <= start) {
            next_cut += 1;
        }
        loop {
            let end = cuts.get(next_cut).copied().unwrap_or(source.len());
            let piece = &source[start..end];
            let mut parser =
                Parser::new_with_broken_link_callback(piece, OPTIONS, Some(&mut *resolve))
                    .into_offset_iter();
            let events: Vec<PieceEvent<'s>> = parser.by_ref().collect();
            if end == source.len() || closes_cleanly(&events, piece.len()) {
                each(
                    start,
                    parser.reference_definitions(),
                    PieceText::Events(&mut events.into_iter()),
                );
                start = end;
                break;
            }
            // A block left open would run on into the next piece: the two are one piece.
            next_cut += 1;
        }
    }
}

fn label_key(label: &str) -> String {
    text::collapse_whitespace(&label.to_lowercase()).into_owned()
}

/// The pulldown-cmark options the reader parses with (for benchmarks that time pulldown-cmark's
/// own loop doing the same parsing).
pub const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_MATH);

struct Reader<'a> {
    source: &'a str,
    /// Where finished references go.
    out: &'a mut dyn FnMut(Reference),
    /// The file every origin names, shared.
    file: std::sync::Arc<Path>,
    line_starts: Vec<usize>,
    sections: Sections,
    items: Vec<Item<'a>>,
    table: Option<Table<'a>>,
    heading: Option<Inline<'a>>,
    /// Where the heading being read starts.
    heading_line: usize,
    /// The last heading, while only paragraphs have followed it: it may be the title of the
    /// paper they describe (`### Title` / `Ann Lee, Bo Li. CVPR 2023.` / `[[paper](url)]`).
    heading_paper: Option<HeadingPaper<'a>>,
    /// A top-level item's entry, held back for its names or date on the items after it.
    held: Option<Reference>,
    /// The last block was a paragraph that gave a paper: items without links after it are
    /// notes on that paper (`- Automatic tool selection from over 200 tools`), no papers.
    after_paper: bool,
    /// A top-level paragraph: its inline content, whether all its text was bold, its line.
    paragraph: Option<(Inline<'a>, bool, usize)>,
    pending: Option<Pending<'a>>,
    strong_depth: usize,
    image_depth: usize,
    /// Links opened by `<a href>` and not closed yet.
    html_links: usize,
    code_depth: usize,
    /// A `<details>` group whose summary names one paper and its year
    /// (`<summary>MedCLIP: Contrastive Learning... (2022)</summary>`): the normalised title and
    /// the year, for that paper when its own line gives no year.
    summary_paper: Option<(String, i32)>,
}

impl<'a> Reader<'a> {
    fn new(source: &'a str, file: &'a Path, out: &'a mut dyn FnMut(Reference)) -> Self {
        let bytes = source.as_bytes();
        // A line ends at `\n`, `\r\n` or, as CommonMark has it, a `\r` alone (old Mac files).
        let line_starts = if memchr::memchr(b'\r', bytes).is_none() {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1))
                .collect()
        } else {
            let lone_cr_or_lf = |&i: &usize| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n');
            std::iter::once(0)
                .chain(
                    memchr::memchr2_iter(b'\r', b'\n', bytes)
                        .filter(lone_cr_or_lf)
                        .map(|i| i + 1),
                )
                .collect()
        };
        Reader {
            source,
            file: file.into(),
            line_starts,
            sections: Sections::default(),
            items: Vec::new(),
            table: None,
            heading: None,
            heading_line: 0,
            heading_paper: None,
            after_paper: false,
            held: None,
            paragraph: None,
            pending: None,
            strong_depth: 0,
            image_depth: 0,
            html_links: 0,
            code_depth: 0,
            summary_paper: None,
            out,
        }
    }

    /// Hands a finished entry on (after the one held back, if any).
    fn emit(&mut self, entry: Reference) {
        self.release_held();
        if let Some(entry) = self.finished(entry) {
            (self.out)(entry);
        }
    }

    /// Keeps a top-level item's entry back until the next block: the items after it may be its
    /// names or date (`- Maxout Networks [[arXiv]](...)` / `- *Ian J. Goodfellow, ...*` /
    /// `` - `2013-02-18` ``).
    fn hold(&mut self, entry: Reference) {
        self.release_held();
        self.held = self.finished(entry);
    }

    /// Hands on the entry held back.
    fn release_held(&mut self) {
        if let Some(held) = self.held.take() {
            (self.out)(held);
        }
    }

    /// A finished entry as the sections around it make it: none under a heading about the list,
    /// and with the year its `<details>` summary gave when it has none.
    fn finished(&self, mut entry: Reference) -> Option<Reference> {
        if self.sections.about_list {
            return None;
        }
        if let Some((venue, year)) = &self.sections.title_venue {
            if entry.venue.is_none() && matches!(entry.kind, Kind::Preprint | Kind::Other) {
                entry.kind = venue::kind_of(venue).unwrap_or(entry.kind);
                entry.venue = Some(venue.clone());
                // The conference's year, not the preprint's date (posted in December for CVPR).
                entry.date = Some(Date::year(*year));
            }
        }
        if let Some((title, year)) = &self.summary_paper {
            if entry.date.is_none() && text::normalize_title(&entry.title) == *title {
                entry.date = Some(Date::year(*year));
            }
        }
        Some(entry)
    }

    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset)
    }

    /// Whether inline content goes to a top-level paragraph.
    fn in_paragraph(&self) -> bool {
        self.paragraph.is_some()
            && self.heading.is_none()
            && self.table.is_none()
            && self.items.is_empty()
    }

    /// Where inline content currently goes.
    fn sink(&mut self) -> Option<&mut Inline<'a>> {
        if let Some(h) = self.heading.as_mut() {
            return Some(h);
        }
        if let Some(t) = self.table.as_mut() {
            return t.cell.as_mut();
        }
        if let Some(item) = self.items.last_mut() {
            return Some(&mut item.inline);
        }
        self.paragraph.as_mut().map(|(p, _, _)| p)
    }

    fn run(mut self, min_piece: usize, plain_tables: bool) {
        let source = self.source;
        let tables = if plain_tables {
            tables::find(source)
        } else {
            Vec::new()
        };
        let mut cuts = cuts(source, min_piece);
        // A Jekyll or GitHub Pages list's front matter is a piece of its own, not read.
        let front_matter = front_matter_end(source).unwrap_or(0);
        if front_matter > 0 && front_matter < source.len() {
            cuts.retain(|&c| c > front_matter);
            cuts.insert(0, front_matter);
        }
        if !tables.is_empty() {
            cuts.extend(tables.iter().flat_map(|t| [t.start, t.end]));
            cuts.retain(|&c| c > 0 && c < source.len());
            cuts.sort_unstable();
            cuts.dedup();
        }
        // A link in one piece may use a definition in another: a first pass collects them. Only
        // pulldown-cmark knows which lines define links, so the pass is a parse of every piece.
        let mut definitions: HashMap<String, (String, String)> = HashMap::new();
        if !cuts.is_empty() && MAY_DEFINE_LINK.is_match(source) {
            for_each_piece(source, &cuts, &tables, &mut |_| None, &mut |_, defs, _| {
                for (label, def) in defs.iter() {
                    // The first definition of a label is the one that counts.
                    definitions.entry(label_key(label)).or_insert_with(|| {
                        let title = def.title.as_deref().unwrap_or_default();
                        (def.dest.to_string(), title.to_string())
                    });
                }
            });
        }
        let mut resolve = |link: BrokenLink<'_>| {
            definitions
                .get(&label_key(&link.reference))
                .map(|(url, title)| (CowStr::from(url.clone()), CowStr::from(title.clone())))
        };
        for_each_piece(
            source,
            &cuts,
            &tables,
            &mut resolve,
            &mut |start, _, piece| {
                if start < front_matter {
                    return;
                }
                let events = match piece {
                    PieceText::Events(events) => events,
                    PieceText::Table(table, resolve) => {
                        self.plain_table(start, table, resolve);
                        return;
                    }
                };
                for (mut event, range) in events {
                    // A label defined in an earlier piece too keeps that first definition.
                    if let Event::Start(Tag::Link { dest_url, id, .. }) = &mut event {
                        let first = (!id.is_empty()).then(|| definitions.get(&label_key(id)));
                        if let Some(Some((url, _))) = first {
                            *dest_url = CowStr::from(url.clone());
                        }
                    }
                    self.event(event, start + range.start..start + range.end);
                }
            },
        );
        self.flush_pending();
    }

    fn event(&mut self, event: Event<'a>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range.start),
            Event::End(tag) => self.end(tag, range),
            Event::Text(t) | Event::Code(t) => self.text(t),
            // TeX math (`$_2$`, `$a*b$`) as written, its `_` and `*` not read as emphasis.
            Event::InlineMath(_) | Event::DisplayMath(_) => {
                let source: &'a str = self.source;
                let math = source.get(range).unwrap_or_default();
                match crate::write::latex::plain_math(math) {
                    Some(c) => self.text(CowStr::from(c.to_string())),
                    None => self.text(CowStr::Borrowed(math)),
                }
            }
            // kramdown's line break (`\\` at a line's end), a backslash to CommonMark.
            Event::SoftBreak if self.sink().is_some_and(Inline::kramdown_break) => {}
            // A paragraph's lines are kept apart: one may hold a paper a line.
            Event::SoftBreak if self.in_paragraph() => {
                if let Some(sink) = self.sink() {
                    sink.soft_break();
                }
            }
            Event::SoftBreak => {
                if let Some(sink) = self.sink() {
                    sink.space();
                }
            }
            Event::HardBreak => {
                if let Some(sink) = self.sink() {
                    sink.line_break();
                }
            }
            Event::InlineHtml(html) => self.inline_html(html),
            _ => {}
        }
    }

    /// A tag in a line's text: `<br>` breaks the line, and `<a href="url">label</a>` is a link
    /// as `[label](url)` is; other tags are left out.
    fn inline_html(&mut self, html: CowStr<'a>) {
        let tag = html.trim_start().as_bytes();
        let is = |name: &[u8]| is_tag(tag, name);
        if is(b"<br") {
            if let Some(sink) = self.sink() {
                sink.line_break();
            }
        } else if is(b"<a") && self.image_depth == 0 {
            let Some(url) = href(&html) else {
                return;
            };
            if let Some(sink) = self.sink().filter(|sink| sink.link.is_none()) {
                sink.start_link(CowStr::from(url));
                self.html_links += 1;
            }
        } else if is(b"</a") && self.html_links > 0 {
            self.html_links -= 1;
            if let Some(sink) = self.sink() {
                sink.end_link();
            }
        }
    }

    #[inline]
    fn text(&mut self, t: CowStr<'a>) {
        if self.image_depth > 0 || self.code_depth > 0 {
            return;
        }
        if let Some((_, all_bold, _)) = self.paragraph.as_mut() {
            if self.strong_depth == 0 && !t.trim().is_empty() && self.items.is_empty() {
                *all_bold = false;
            }
        }
        if let Some(sink) = self.sink() {
            sink.text(t);
        }
    }

    fn start(&mut self, tag: Tag<'a>, offset: usize) {
        match tag {
            Tag::Heading { .. } => {
                self.flush_pending();
                self.after_paper = false;
                self.heading = Some(Inline::default());
                self.heading_line = self.line_of(offset);
                self.heading_paper = None;
            }
            Tag::Paragraph if self.items.is_empty() && self.table.is_none() => {
                self.after_paper = false;
                let line = self.line_of(offset);
                self.paragraph = Some((Inline::default(), true, line));
            }
            Tag::CodeBlock(_) => self.code_depth += 1,
            Tag::Strong => {
                self.strong_depth += 1;
                if let Some(sink) = self.sink() {
                    sink.start_bold();
                }
            }
            Tag::Image { .. } => self.image_depth += 1,
            Tag::Link { dest_url, .. } if self.image_depth == 0 => {
                if let Some(sink) = self.sink() {
                    sink.start_link(dest_url);
                }
            }
            Tag::List(_) => {
                // A heading followed by the paper's names, whose links come as items
                // (`### Title` / `**Authors:** Ann Lee, Bo Li` / `- **arXiv:** https://...`).
                if let Some(heading) = self.heading_paper.take() {
                    if !heading.bylines.is_empty() && self.items.is_empty() {
                        self.flush_pending();
                        let line = heading.line;
                        self.pending = Some(Pending {
                            inline: heading.into_inline(),
                            line,
                            linked: false,
                            bold: false,
                            heading: true,
                        });
                    }
                }
                // A nested list under an item without links: that item names a section.
                if let Some(parent) = self.items.last_mut() {
                    parent.inline.settle();
                    if !parent.is_heading && !parent.inline.has_links() {
                        let name = parent.inline.plain().into_owned();
                        // `[[pdf]](Title text)` is a broken link, not a heading; nor is a
                        // sentence of four words or more (`Self-supervised Fitting of Meshes.`,
                        // a paper whose authors follow on a nested line).
                        let sentence = name.trim_end().ends_with('.')
                            && name.split_whitespace().nth(3).is_some();
                        if !name.is_empty()
                            && !name.contains("](")
                            && !sentence
                            && trailing_year(&name).is_none_or(|_| name.len() < 60)
                        {
                            parent.is_heading = true;
                            let depth = self.items.len();
                            self.sections.push_item(depth, name);
                        }
                    }
                }
            }
            Tag::Item => {
                let line = self.line_of(offset);
                self.items.push(Item {
                    inline: Inline::default(),
                    line,
                    is_heading: false,
                    children: 0,
                });
            }
            Tag::Table(_) => {
                self.flush_pending();
                self.heading_paper = None;
                self.table = Some(Table::default());
            }
            Tag::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.in_head = true;
                }
            }
            Tag::TableRow => {
                let line = self.line_of(offset);
                if let Some(t) = self.table.as_mut() {
                    t.row_line = line;
                }
            }
            Tag::TableCell => {
                if let Some(t) = self.table.as_mut() {
                    let column = t.row.len();
                    let mut cell = t.spare.pop().unwrap_or_default();
                    cell.ignore_bolds = t
                        .columns
                        .as_ref()
                        .is_some_and(|c| !c.titles.contains(&column));
                    t.cell = Some(cell);
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        match tag {
            TagEnd::Heading(level) => {
                if let Some(mut h) = self.heading.take() {
                    let name = h.heading_name();
                    // A title has three words or more; a year, or a heading about the list,
                    // names no paper.
                    // A heading of names (`### Baiyu Chen<sup>1,2</sup>, Zechen Li<sup>1</sup>,
                    // ...`) names the authors of a paper, not the paper.
                    let may_be_title = name.split_whitespace().nth(2).is_some()
                        && !is_year_only(&name)
                        && authors::parse(&name).is_none_or(|a| a.people.len() < 2);
                    self.sections.heading(level, name);
                    if may_be_title && !self.sections.about_list && !self.sections.news {
                        h.settle();
                        self.heading_paper = Some(HeadingPaper {
                            inline: without_number(h),
                            line: self.heading_line,
                            bylines: Vec::new(),
                            skipped: 0,
                        });
                    }
                }
            }
            TagEnd::Paragraph => match self.paragraph.take() {
                Some((p, all_bold, line)) => self.finish_paragraph(p, all_bold, line),
                None => {
                    if let Some(sink) = self.sink() {
                        sink.line_break();
                    }
                }
            },
            TagEnd::CodeBlock => self.code_depth = self.code_depth.saturating_sub(1),
            TagEnd::HtmlBlock => self.html_block(range),
            TagEnd::Strong => {
                self.strong_depth = self.strong_depth.saturating_sub(1);
                if let Some(sink) = self.sink() {
                    sink.end_bold();
                }
            }
            TagEnd::Image => self.image_depth = self.image_depth.saturating_sub(1),
            TagEnd::Link if self.image_depth == 0 => {
                if let Some(sink) = self.sink() {
                    sink.end_link();
                }
            }
            TagEnd::Item => {
                let depth = self.items.len();
                self.sections.leave_items(depth);
                if let Some(item) = self.items.pop() {
                    self.finish_item(item);
                }
            }
            TagEnd::TableHead => {
                let path = self.sections.path();
                if let Some(t) = self.table.as_mut() {
                    t.in_head = false;
                    let header: Vec<String> =
                        t.row.drain(..).map(|c| c.plain().to_lowercase()).collect();
                    t.columns = Some(Columns::new(&header, path));
                }
            }
            TagEnd::TableCell => {
                if let Some(t) = self.table.as_mut() {
                    if let Some(mut cell) = t.cell.take() {
                        cell.settle();
                        t.row.push(cell);
                    }
                }
            }
            TagEnd::TableRow => {
                if let Some(mut t) = self.table.take() {
                    if !t.in_head {
                        let line = t.row_line;
                        self.finish_row(&mut t, line);
                    }
                    self.table = Some(t);
                }
            }
            TagEnd::Table => self.table = None,
            _ => {}
        }
    }

    fn origin(&self, line: usize) -> Origin {
        Origin {
            file: self.file.clone(),
            line,
        }
    }

    /// A top-level paragraph: a bold-only one names a section (or a paper, if link bullets
    /// follow); one that is mostly a titled link to a paper (`> [Title](arxiv url)`) is a paper,
    /// and so are those of lists written a paragraph, a line or a heading a paper
    /// ([`Reader::paragraph_papers`]).
    fn finish_paragraph(&mut self, mut p: Inline<'a>, all_bold: bool, line: usize) {
        p.strip_kramdown_break();
        p.settle();
        // Paragraphs of links to the work, names or a venue after a bold line are its fields
        // (`**Title**` / `论文：https://...` / `代码：https://...`), as link bullets are; not a
        // link to anything else (`**Campus Recruitment**: https://...`).
        if let Some(pending) = self.pending.as_mut() {
            let work_link = has_work_link(&p);
            if !all_bold && untitled(&p, false) && (work_link || !p.has_links()) {
                pending.linked |= work_link;
                pending.inline.append(p.joined());
                return;
            }
        }
        self.flush_pending();
        let name = p.plain();
        if all_bold && !name.is_empty() && name.len() <= 200 {
            if name.len() <= 80 {
                self.sections.set_bold(Some(name.into_owned()));
            }
            self.pending = Some(Pending {
                inline: p.joined(),
                line,
                linked: false,
                bold: true,
                heading: false,
            });
            return;
        }
        // A tag before the title (`[Nature Reviews Bioengineering🔥]`) is no prose around it;
        // looked for only in a paragraph with a paper link, which most are not.
        let text_len = std::cell::OnceCell::new();
        let text_len = || {
            *text_len.get_or_init(|| {
                let tag = leading_tag(&name)
                    .and_then(|c| c.get(0))
                    .map_or(0, |t| t.len());
                name.len() - tag
            })
        };
        let titled_paper_link = p.pieces.iter().any(|piece| match piece {
            Piece::Link { label, url, .. } => {
                classify_link(label, url) == LinkRole::Title
                    && (ids::is_arxiv_url(url) || ids::doi_from_url(url).is_some())
                    && label.split_whitespace().count() >= 3
                    && label.len() * 10 >= text_len() * 6
            }
            _ => false,
        });
        if titled_paper_link {
            self.heading_paper = None;
            let path = self.sections.path();
            if let Some(entry) = build_entry(&p.joined(), path, self.origin(line), false) {
                self.emit(entry);
                self.after_paper = true;
            }
            return;
        }
        self.paragraph_papers(p, line);
    }

    /// Papers written as paragraphs: a paragraph a paper (`**Title**` / `Ann Lee, Bo Li. CVPR
    /// 2023. [[paper](url)]`), a line a paper (`[Title](arXiv URL). Ann Lee. CVPR 2023.`), or a
    /// heading a paper, whose paragraphs give its names, venue and links. A paragraph counts
    /// only with a link to a paper, and only when it reads as a reference rather than as prose
    /// about one (`Our survey is on [arXiv](url)`, `Please cite [our paper](url)`).
    fn paragraph_papers(&mut self, p: Inline<'a>, line: usize) {
        if self.sections.news {
            return;
        }
        let linked = has_paper_link(&p);
        let mut heading_title = None;
        if let Some(mut heading) = self.heading_paper.take() {
            let heading_linked = has_paper_link(&heading.inline);
            let fields = fields(&p);
            let untitled = fields.is_some() || untitled(&p, true);
            let values = fields.as_ref().unwrap_or(&p);
            if untitled && !linked && !heading_linked {
                // Names or a venue before the links (`Ann Lee, Bo Li` / `CVPR 2023`).
                if heading.bylines.len() < 3 {
                    heading.bylines.push(values.joined());
                    self.heading_paper = Some(heading);
                }
                return;
            }
            if untitled || heading_linked {
                let line = heading.line;
                let mut whole = heading.into_inline();
                if untitled {
                    whole.append(values.joined());
                }
                self.sections.drop_heading();
                let path = self.sections.path();
                if let Some(entry) = build_entry(&whole, path, self.origin(line), false) {
                    self.emit(entry);
                    self.after_paper = true;
                }
                if untitled {
                    return;
                }
            } else if !linked {
                // A paragraph of prose about the paper (its abstract) before its links.
                if heading.skipped < 2 {
                    heading.skipped += 1;
                    self.heading_paper = Some(heading);
                }
                return;
            } else {
                heading_title = Some(text::normalize_title(&heading.inline.plain()));
            }
        }
        if !linked {
            // A title line and its names (`**Title**` / `Ann Lee, Bo Li`), whose links follow
            // as items (`- pdf: https://...`): a paper if they do, as a bold line is.
            let (first, rest) = p.split_first_line();
            if is_title_line(&first) && untitled(&rest, true) {
                self.pending = Some(Pending {
                    inline: p.joined(),
                    line,
                    linked: false,
                    bold: false,
                    heading: false,
                });
            }
            return;
        }
        // Several lines that each open with a paper: one entry a line, and a line without a
        // title of its own (names, a venue, links) goes with the line above it.
        let lines = p.lines();
        if lines.len() > 1 {
            let path = self.sections.path();
            let mut papers: Vec<(Inline<'a>, usize)> = Vec::new();
            for (i, l) in lines.iter().cloned().map(without_number).enumerate() {
                let opens = opens_with_title(&l) && has_paper_link(&l);
                match papers.last_mut() {
                    Some((paper, _)) if !opens => paper.append(l),
                    _ if opens => papers.push((l, line + i)),
                    _ => {}
                }
            }
            if papers.len() > 1 {
                for (paper, at) in papers {
                    let entry = build_entry(&paper, path.clone(), self.origin(at), false);
                    if let Some(entry) = entry.filter(|e| reads_as_reference(e, &paper)) {
                        self.emit(entry);
                        self.after_paper = true;
                    }
                }
                return;
            }
        }
        // A title line of its own (`**Title**` / `Ann Lee, Bo Li. CVPR 2023.`) ends the title;
        // otherwise the lines are one text, broken where it was too long.
        let p = without_number(match lines.first() {
            Some(first) if lines.len() > 1 && is_title_line(&without_number(first.clone())) => {
                p.with_pieces(&p.with_line_ends().0)
            }
            _ => p.joined(),
        });
        let entry = build_entry(&p, self.sections.path(), self.origin(line), false);
        let Some(mut entry) = entry.filter(|e| reads_as_reference(e, &p)) else {
            return;
        };
        // The heading above, when it is the same title, named the paper, not a section.
        if heading_title.is_some_and(|h| h == text::normalize_title(&entry.title)) {
            self.sections.drop_heading();
            let path = self.sections.path();
            entry.sections = if path.is_empty() {
                Vec::new()
            } else {
                vec![path]
            };
        }
        self.emit(entry);
        self.after_paper = true;
    }

    /// Turns the pending bold paragraph into a paper when link bullets followed it.
    fn flush_pending(&mut self) {
        self.release_held();
        let Some(pending) = self.pending.take() else {
            return;
        };
        // A year line (`**2023**`) stays a section whatever follows it.
        if !pending.linked || is_year_only(&pending.inline.plain()) {
            return;
        }
        if pending.bold {
            self.sections.set_bold(None);
        }
        if pending.heading {
            self.sections.drop_heading();
        }
        let path = self.sections.path();
        if let Some(entry) = build_entry(&pending.inline, path, self.origin(pending.line), false) {
            self.emit(entry);
        }
    }

    /// An HTML block (`<details><summary>...`) may hold Markdown: its tags are blanked out (offsets
    /// kept, so lines stay right) and the rest is read like the document. Comments are skipped.
    fn html_block(&mut self, range: Range<usize>) {
        let Some(block) = self.source.get(range.clone()) else {
            return;
        };
        if !self.items.is_empty() || self.table.is_some() || block.trim_start().starts_with("<!--")
        {
            return;
        }
        // The group a summary named ends with its block.
        if block.contains("</details>") {
            self.summary_paper = None;
            if self.sections.bold_from_summary {
                self.sections.set_bold(None);
            }
        }
        let summary = SUMMARY.captures(block);
        let summary = summary.as_ref().and_then(|c| Some((c.get(1)?, c.get(2)?)));
        // A summary is a short label; a long one is no section nor title.
        if let Some((name, only)) = summary.filter(|(name, _)| name.as_str().len() <= 300) {
            let name = HTML_TAG.replace_all(name.as_str(), " ");
            let name = text::clean(name.trim());
            // A folded group of papers whose summary is a year or a topic: a section, as
            // `**2024**` is, up to the group's `</details>`.
            if only.as_str().trim().is_empty() && (is_year_only(&name) || names_a_topic(&name)) {
                self.flush_pending();
                self.sections.set_bold(Some(name.into_owned()));
                self.sections.bold_from_summary = true;
                return;
            }
            if let Some(m) = year_in_parens(&name).filter(|m| m.end() == name.len()) {
                let year = name[m.start()..].trim_matches([' ', '(', ')']).parse().ok();
                self.summary_paper = year.map(|y| (text::normalize_title(&name[..m.start()]), y));
            }
        }
        if !["](", "http", "<li", "<h", "<H"]
            .iter()
            .any(|p| block.contains(p))
        {
            return;
        }
        // Tags are blanked (the text keeps its length, so lines keep their numbers), but for an
        // HTML list's items, which become Markdown's (`<li>` → `-   `), and links (`<a href>`),
        // which the reader takes as Markdown's.
        let blanked = HTML_TAG.replace_all(block, |m: &regex::Captures<'_>| {
            let tag = m[0].as_bytes();
            let is = |name: &[u8]| is_tag(tag, name);
            if is(b"<a") || is(b"</a") {
                return m[0].to_string();
            }
            let blank = m[0].bytes().map(|b| if b == b'\n' { '\n' } else { ' ' });
            // A heading (`<h3>Detection</h3>`) at a line's start is Markdown's, `### `: of
            // its level, or as deep as the tag's length allows (`<h4>` is `### `). A centred
            // one (`<h2 align="center">`) is a banner: the list's name, a call for stars.
            let start = m.get(0).map_or(0, |t| t.start());
            let line_start = block[..start].rfind('\n').map_or(0, |i| i + 1);
            let level = match tag {
                [b'<', b'h' | b'H', digit @ b'1'..=b'6', ..]
                    if block[line_start..start].trim().is_empty() =>
                {
                    usize::from(digit - b'0').min(tag.len() - 1)
                }
                _ => 0,
            };
            let banner = || m[0].to_ascii_lowercase().contains("align");
            if level > 0 && !tag.get(3).is_some_and(u8::is_ascii_alphanumeric) && !banner() {
                "#".repeat(level).chars().chain(blank.skip(level)).collect()
            } else if is(b"<li") {
                std::iter::once('-').chain(blank.skip(1)).collect()
            } else {
                blank.collect()
            }
        });
        if blanked.trim().is_empty() {
            return;
        }
        self.flush_pending();
        let events: Vec<(Event<'_>, Range<usize>)> = Parser::new_ext(&blanked, OPTIONS)
            .into_offset_iter()
            .collect();
        for (event, r) in events {
            // Text that only looked like an HTML block again is not read a second time.
            if matches!(
                event,
                Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock)
            ) {
                continue;
            }
            self.event(
                event.into_static(),
                range.start + r.start..range.start + r.end,
            );
        }
    }

    fn finish_item(&mut self, mut item: Item<'a>) {
        item.inline.strip_kramdown_break();
        item.inline.settle();
        // An item with nested papers names their section; one whose nested items only carried
        // links (`- Paper: https://...`) is a paper itself.
        let has_links = item.inline.has_links();
        if item.is_heading && (item.children > 0 || !has_links) {
            return;
        }
        // Links to headings, with nothing but section numbers (`3.1`) between them.
        let all_anchors = item.inline.pieces.iter().all(|p| match p {
            Piece::Link { label, url, .. } => is_heading_link(label, url),
            Piece::Text(t) => t.trim().bytes().all(|b| b.is_ascii_digit() || b == b'.'),
            Piece::Break => true,
        });
        if all_anchors {
            return; // a table of contents line
        }
        if self.sections.news && !item.inline.keep_news_title() {
            return;
        }
        if self.after_paper && self.items.is_empty() && !has_links {
            return;
        }
        // A nested line without links under a paper (authors, venue, notes) belongs to it.
        if let Some(parent) = self.items.last_mut() {
            if !parent.is_heading && !has_links {
                parent.inline.append(item.inline);
                return;
            }
        }
        // A paper whose first nested line is its authors (`- Title` / `  - Ann Lee, Bo Li` /
        // `  - [Paper](...)`): the item above, taken for a section, is the paper's title.
        if !has_links {
            if let Some(parent) = self.items.last_mut() {
                if parent.is_heading && parent.children == 0 && names_only(&item.inline) {
                    let title = parent.inline.plain();
                    if title.split_whitespace().nth(2).is_some() {
                        parent.is_heading = false;
                        parent.inline.append(item.inline);
                        let depth = self.items.len();
                        self.sections.leave_items(depth);
                        return;
                    }
                }
            }
        }
        // A top-level item without a title of its own (`- CVPR 2020 Oral`, `- 论文：https://...`)
        // under a bold line is one of that line's fields.
        if let Some(pending) = self.pending.as_mut().filter(|_| self.items.is_empty()) {
            if untitled(&item.inline, false) {
                pending.linked |= has_links;
                pending.inline.append(item.inline);
                return;
            }
        }
        // A top-level item of names or a date after a paper's item is that paper's.
        if let Some(held) = self
            .held
            .as_mut()
            .filter(|_| self.items.is_empty() && !has_links)
        {
            if add_names_or_date(held, &item.inline) {
                return;
            }
        }
        let path = self.sections.path();
        match build_entry(&item.inline, path, self.origin(item.line), false) {
            Some(entry) => match self.items.last_mut() {
                Some(parent) => {
                    parent.children += 1;
                    self.emit(entry);
                }
                None => {
                    self.pending = None; // the bold line above was a section after all
                    self.hold(entry);
                }
            },
            None => {
                // An item with links but no title text (`- Paper: https://...` under a paper)
                // gives its links to the entry above it.
                if item.inline.pieces.is_empty() {
                    return;
                }
                if let Some(parent) = self.items.last_mut() {
                    parent.inline.append(item.inline);
                } else if let Some(pending) = self.pending.as_mut() {
                    pending.linked |= has_links;
                    pending.inline.append(item.inline);
                }
            }
        }
    }

    /// One body row of a table: an entry, with what the other columns say.
    /// A plain table at `start`, read by hand; a row that is not plain is parsed by
    /// pulldown-cmark, resolving links by reference through `resolve`.
    fn plain_table(
        &mut self,
        start: usize,
        source: &'a str,
        resolve: &mut dyn FnMut(BrokenLink<'a>) -> Resolved<'a>,
    ) {
        self.flush_pending();
        let layout = tables::Layout::of(source);
        let mut t = Table::default();
        let mut cells = Cells {
            row: &mut t.row,
            spare: &mut t.spare,
            titles: None,
        };
        tables::plain_row(layout.header, start, layout.width, &mut cells);
        let header: Vec<String> = t.row.drain(..).map(|c| c.plain().to_lowercase()).collect();
        t.columns = Some(Columns::new(&header, self.sections.path()));
        for (range, text) in layout.rows(source) {
            let at = start + range.start;
            let mut cells = Cells {
                row: &mut t.row,
                spare: &mut t.spare,
                titles: t.columns.as_ref().map(|c| &c.titles[..]),
            };
            if tables::plain_row(text, at, layout.width, &mut cells) {
                let line = self.line_of(at);
                self.finish_row(&mut t, line);
                continue;
            }
            t.spare.extend(t.row.drain(..).map(Inline::emptied));
            self.table = Some(t);
            for (event, r) in tables::parse_row(source, &layout, range, resolve) {
                self.event(event, start + r.start..start + r.end);
            }
            t = self.table.take().unwrap_or_default();
        }
    }

    /// Makes an entry of the table row just read; the next row reuses the room of its cells.
    fn finish_row(&mut self, t: &mut Table<'a>, line: usize) {
        let sections = &mut self.sections;
        let columns = t
            .columns
            .get_or_insert_with(|| Columns::new(&[], sections.path()));
        self.table_row(columns, line, &mut t.row);
        t.spare.extend(t.row.drain(..).map(Inline::emptied));
    }

    fn table_row(&mut self, columns: &Columns, line: usize, row: &mut [Inline<'a>]) {
        let quoted = columns
            .quoted
            .filter(|&c| row.get(c).is_some_and(Inline::starts_with_quoted_title));
        let title = quoted.unwrap_or_else(|| match columns.titles[..] {
            [only] => only,
            _ => columns
                .titles
                .iter()
                .copied()
                .find(|&c| row.get(c).is_some_and(Inline::names_a_title))
                .unwrap_or(columns.titles[0]),
        });
        // A row of results (`| R-CNN | 58.5 | - | 73.9 (07+12) | CVPR'14 |`) without a link names
        // a method in a comparison, not a work.
        if is_results_row(row, title) {
            return;
        }
        let Some(title_cell) = row.get_mut(title) else {
            return;
        };
        // The title cell is moved out unless a column read below is the same cell.
        let read_later = [columns.year, columns.venue, columns.author];
        let mut inline = if read_later.contains(&Some(title)) {
            title_cell.clone()
        } else {
            std::mem::take(title_cell)
        };
        for (i, cell) in row.iter().enumerate() {
            if i == title {
                continue;
            }
            for p in &cell.pieces {
                if let Piece::Link { label, url, .. } = p {
                    // Only the title cell's link labels are title text.
                    let (label, role) = if Some(i) == columns.code {
                        (Cow::Borrowed("code"), LinkRole::Code)
                    } else {
                        match classify_link(label, url) {
                            LinkRole::Title => (Cow::Borrowed(""), role_by_url(url)),
                            role => (label.clone(), role),
                        }
                    };
                    inline.pieces.push(Piece::Link {
                        label,
                        url: url.clone(),
                        role: Some(role),
                    });
                }
            }
        }
        let Some(mut entry) = build_entry(&inline, columns.path.clone(), self.origin(line), true)
        else {
            return;
        };
        if let Some(date) = columns
            .year
            .and_then(|c| row.get(c))
            .and_then(|c| parse_date(&c.plain()))
        {
            entry.date = Some(date);
        }
        let mut venue_dated = false;
        // `LREC 2018`, `NeurIPS 2021`: the venue, and its year, which wins over a date column's
        // other year (`| 2022-10 | ICLR 2023 |`: posted in 2022, published in 2023).
        if let Some(cell) = columns.venue.and_then(|c| row.get(c)).map(Inline::plain) {
            let (venue, date) = parse_tag(&cell).unwrap_or((None, None));
            if let Some(v) = venue.or_else(|| venue::recognise(&cell)) {
                entry.kind = venue::kind_of_cited(&v).unwrap_or(match entry.kind {
                    Kind::Preprint => Kind::Other,
                    kind => kind,
                });
                entry.venue = Some(v);
            }
            if date.is_some() {
                entry.date = date;
                venue_dated = true;
            }
        }
        if let Some(authors) = columns
            .author
            .and_then(|c| row.get(c))
            .and_then(|c| authors::parse_column(&c.plain()))
        {
            entry.authors = authors.people;
            entry.et_al = authors.et_al;
            entry.mark(Field::Authors, Source::List, None);
        }
        if columns.is_dataset {
            // A dataset a conference or journal published (`| LREC 2018 | NL2Bash | "NL2Bash:
            // A Corpus..." |`) is cited as the paper that did, and so is one whose row gives the
            // quoted title of its arXiv paper (`| arXiv | HumanEval+ | "Is Your Code Generated
            // by ChatGPT Really Correct?..." [[paper](arXiv)] |`): the row names that paper.
            entry.kind = match entry.venue.as_ref().and_then(venue::kind_of_cited) {
                Some(kind @ (Kind::ConferencePaper | Kind::JournalArticle)) => kind,
                // A venue of no known kind beside it (`NLP4Prog`) makes it a work of unknown
                // kind, as elsewhere.
                _ if quoted.is_some() && entry.arxiv.is_some() => match &entry.venue {
                    Some(v) if !venue::is_preprint_server(v) => Kind::Other,
                    _ => Kind::Preprint,
                },
                _ => Kind::Dataset,
            };
            // The dataset's page: a link labelled as one (`[Link](...)`, `[Homepage](...)`),
            // else the title's link when it is no paper (`[MIMIC-CXR](physionet.org/...)`).
            let links = &mut entry.links;
            let page = links
                .other
                .iter()
                .position(|(label, _)| is_page_label(label));
            let paper_is_page = |u: &str| role_by_url(u) != LinkRole::Paper;
            match page {
                _ if links.dataset.is_some() => {}
                Some(i) => links.dataset = Some(links.other.remove(i).1),
                None if links.paper.as_deref().is_some_and(paper_is_page) => {
                    links.dataset = links.paper.take();
                }
                None => {}
            }
        }
        // A date column dates the preprint (`| CVPR | 2024-09-26 |`): a conference or journal
        // paper keeps only its year, when its venue cell gives none.
        if entry.kind.is_published() && !venue_dated {
            entry.date = (entry.date).map(|d| venue::year_of_paper(entry.venue.as_ref(), d));
        }
        self.emit(entry);
    }
}

/// Whether a table row (its title in column `title`) is a results table's: no link, and half of
/// its other cells or more numbers (`58.5`, `78.2 (07+12)`, `91.3%`; a year is none) or blanks
/// (`-`), one number at least and two such cells.
fn is_results_row(row: &[Inline<'_>], title: usize) -> bool {
    let linked = row
        .iter()
        .any(|c| c.pieces.iter().any(|p| matches!(p, Piece::Link { .. })));
    if linked || row.len() < 3 {
        return false;
    }
    let (mut numbers, mut blanks) = (0, 0);
    for (_, cell) in row.iter().enumerate().filter(|(i, _)| *i != title) {
        let text = cell.plain();
        let text = text.trim();
        if matches!(text, "-" | "–" | "—" | "") {
            blanks += 1;
        } else if text.starts_with(|c: char| c.is_ascii_digit())
            && text.chars().filter(char::is_ascii_digit).count() * 2 >= text.chars().count()
            && !is_year_only(text)
        {
            numbers += 1;
        }
    }
    numbers >= 1 && numbers + blanks >= 2 && (numbers + blanks) * 2 >= row.len() - 1
}

/// The cells of a plain table's row, read by hand straight into inline content, as the events
/// of pulldown-cmark would be read into it.
struct Cells<'r, 'a> {
    row: &'r mut Vec<Inline<'a>>,
    /// Emptied cells whose room new cells reuse.
    spare: &'r mut Vec<Inline<'a>>,
    /// The columns that may hold the title, whose bold spans are read; `None` in the header.
    titles: Option<&'r [usize]>,
}

impl<'a> Cells<'_, 'a> {
    /// Reads into the cell being read (there is one: a row starts with a cell).
    fn cell(&mut self, read: impl FnOnce(&mut Inline<'a>)) {
        if let Some(cell) = self.row.last_mut() {
            read(cell);
        }
    }
}

impl<'a> tables::Sink<'a> for Cells<'_, 'a> {
    fn start_cell(&mut self, _: Range<usize>) {
        let mut cell = self.spare.pop().unwrap_or_default();
        let column = self.row.len();
        cell.ignore_bolds = self.titles.is_some_and(|t| !t.contains(&column));
        self.row.push(cell);
    }
    fn end_cell(&mut self, _: Range<usize>) {
        self.cell(Inline::settle);
    }
    fn start_bold(&mut self, _: Range<usize>) {
        self.cell(Inline::start_bold);
    }
    fn end_bold(&mut self, _: Range<usize>) {
        self.cell(Inline::end_bold);
    }
    fn start_link(&mut self, url: &'a str, _: Range<usize>) {
        self.cell(|c| c.start_link(CowStr::Borrowed(url)));
    }
    fn end_link(&mut self, _: Range<usize>) {
        self.cell(Inline::end_link);
    }
    fn text(&mut self, text: &'a str, _: Range<usize>) {
        self.cell(|c| c.text(CowStr::Borrowed(text)));
    }
}

/// Which column of a table holds what, by the header's names, and the table's section path.
#[derive(Debug)]
struct Columns {
    /// The columns that may hold the title, best first.
    titles: SmallVec<[usize; 4]>,
    /// A source column that gives the title when its cell starts with one in quotes.
    quoted: Option<usize>,
    year: Option<usize>,
    venue: Option<usize>,
    code: Option<usize>,
    author: Option<usize>,
    path: SectionPath,
    is_dataset: bool,
}

impl Columns {
    fn new(header: &[String], path: SectionPath) -> Columns {
        let col = |names: &[&str]| {
            header
                .iter()
                .position(|h| names.iter().any(|n| h.contains(n)))
        };
        // A column named for the title first, then one naming the thing the paper is about
        // (`| Date | Venue | Benchmark |`: the benchmark, not the date).
        // A row whose cell there is only a link word or an id (`[arXiv](...)`, `-`) takes its
        // title from the next (`| Name | Paper |` with `| MMBench | [arXiv](...) |`).
        let sources = col(&["source", "reference", "citation"]);
        let mut titles: SmallVec<[usize; 4]> = [
            &["title"][..],
            &["paper"],
            &["dataset", "benchmark", "name", "model", "method"],
        ]
        .iter()
        .filter_map(|names| col(names))
        .chain(sources)
        .collect();
        if titles.is_empty() {
            titles.push(0);
        }
        // `| Benchmark | Source |` with `| APPS | "Measuring Coding Challenge Competence" [[paper]] |`:
        // the paper's quoted title says more than the benchmark's name.
        let quoted = sources.filter(|_| col(&["title", "paper"]).is_none());
        let is_dataset = header
            .get(titles[0])
            .is_some_and(|h| h.contains("dataset") || h.contains("benchmark"))
            || path.iter().any(|s| s.to_lowercase().contains("dataset"));
        Columns {
            titles,
            quoted,
            year: col(&["year", "date", "published"]),
            venue: col(&["venue", "conference", "journal", "publication", "pub."]),
            code: col(&["code", "github", "repo"]),
            author: col(&["author"]),
            path,
            is_dataset,
        }
    }
}

/// A date written as `2019`, `2023-04`, `2023-04-27`, `2023.10` or `2023/04/27`.
fn parse_date(cell: &str) -> Option<Date> {
    // Digits and dashes only; `Date::parse_iso` reads no more than ten of them.
    let mut kept = [0u8; 10];
    let mut len = 0;
    // Bytes will do: the bytes of other characters are neither digits nor separators.
    for c in cell.bytes() {
        let c = if c == b'/' || c == b'.' { b'-' } else { c };
        if c.is_ascii_digit() || c == b'-' {
            let Some(slot) = kept.get_mut(len) else {
                break;
            };
            *slot = c;
            len += 1;
        }
    }
    let date = Date::parse_iso(std::str::from_utf8(&kept[..len]).ok()?)?;
    (1900..=2100).contains(&date.year).then_some(date)
}

/// A date written with its month as a whole: `2022-09`, `2023.10`, `2023/04/27`.
fn written_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    let separator = |b: &u8| matches!(b, b'-' | b'.' | b'/');
    let shaped = (6..=10).contains(&bytes.len())
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && separator(&bytes[4])
        && bytes[5..]
            .iter()
            .all(|b| b.is_ascii_digit() || separator(b));
    shaped.then(|| parse_date(text)).flatten()
}

/// A venue tag such as `ICCV 2023`, `Arxiv, 2023.5`, `AAAI, 2024/2023.10`, `2024-06`, `ECCV`:
/// the venue (known names only when no date is given) and the first date.
fn parse_tag(tag: &str) -> Option<(Option<Venue>, Option<Date>)> {
    let tag = tag.trim().trim_matches('*').trim();
    // `ACL23 (Findings)`: the year before a qualifier in parentheses.
    let tag = match tag.strip_suffix(')').and_then(|t| t.rsplit_once(" (")) {
        Some((head, group)) => match unglue_venue_year(head) {
            Cow::Owned(head) => Cow::Owned(format!("{head} ({group})")),
            Cow::Borrowed(_) => Cow::Borrowed(tag),
        },
        None => unglue_venue_year(tag),
    };
    let tag = &*tag;
    let date_match = DATE_IN_TAG.find(tag);
    let date = date_match.and_then(|m| parse_date(m.as_str()));
    let venue_text = match date_match {
        Some(m) => &tag[..m.start()],
        None => tag,
    };
    let venue_text = venue_text
        .trim()
        .trim_end_matches([',', '-', '/', ' ', '\'']);
    // `TSE, July 2025`: the month belongs to the date.
    let mut date = date;
    let venue_text = match venue_text.rsplit_once([' ', ',']) {
        Some((rest, last)) if date.is_some() => match super::month_named(last) {
            Some(month) => {
                if let Some(d) = date.as_mut().filter(|d| d.month.is_none()) {
                    d.month = Some(month);
                }
                rest.trim_end_matches([',', ' '])
            }
            None => venue_text,
        },
        _ => venue_text,
    };
    // `ACL 2024 Findings`, `CVPR 2023 Workshop`: a qualifier after the year is part of the venue
    // (`Spotlight`, `Oral` are not: they say how it was presented).
    let after = date_match.map_or("", |m| {
        tag[m.end()..].trim_matches([' ', ',', '-', '(', ')'])
    });
    let qualified;
    let venue_text = match after.to_ascii_lowercase().as_str() {
        "findings" | "workshop" | "workshops" | "ws" => {
            qualified = format!("{venue_text} {after}");
            qualified.as_str()
        }
        _ => venue_text,
    };
    let venue = venue::recognise(venue_text);
    let venue = if date.is_some() {
        venue
    } else {
        venue.filter(|v| venue::kind_of(v).is_some())
    };
    (venue.is_some() || date.is_some()).then_some((venue, date))
}

/// What one entry's text says, beside its links.
#[derive(Debug, Default)]
struct Parts {
    title: String,
    venue: Option<Venue>,
    date: Option<Date>,
    authors: Option<authors::Authors>,
    /// The kind of work a note beside the date gives (`(Book, 2016)`).
    kind: Option<Kind>,
    /// The date is the venue's own (`Nature Medicine, 2023.4`), not one beside it.
    venue_dated: bool,
    /// The venue is a short name after the names, without a year (`*Hao Liu et al. ACL.*`):
    /// the one a link into its proceedings names (`aclanthology.org/N19-1419`: NAACL) is surer.
    venue_loose: bool,
}

/// A note of the kind of work beside the year (`Title (Book, Jan 2017), Michael Nielsen`).
static KIND_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s\((Book),\s*(?:([A-Z][a-z]{2,8})\.?\s+)?((?:19|20)[0-9]{2})\)")
        .expect("valid regex")
});

/// `text` with a kind note ([`KIND_NOTE`]) written as the year alone (`Title (2017), ...`), the
/// kind it names: a book (theses and reports want a school or an institution, which such a
/// line does not give), and the month it names (`Jan`).
fn kind_note(text: &str) -> (Cow<'_, str>, Option<Kind>, Option<u8>) {
    let bytes = text.as_bytes();
    if !memchr::memchr_iter(b'(', bytes).any(|i| bytes[i..].starts_with(b"(Book,")) {
        return (Cow::Borrowed(text), None, None);
    }
    let Some(caps) = KIND_NOTE.captures(text) else {
        return (Cow::Borrowed(text), None, None);
    };
    let (Some(whole), Some(year)) = (caps.get(0), caps.get(3)) else {
        return (Cow::Borrowed(text), None, None);
    };
    let month = caps.get(2).and_then(|m| super::month_named(m.as_str()));
    let noted = format!(
        "{} ({}){}",
        &text[..whole.start()],
        year.as_str(),
        &text[whole.end()..]
    );
    (Cow::Owned(noted), Some(Kind::Book), month)
}

impl Parts {
    /// Whether the title is all its line gave and ends with a word no title ends with (`for`,
    /// `of`, `the`...), so the next line goes on with it.
    fn is_cut(&self) -> bool {
        const GOES_ON: [&str; 19] = [
            "a", "an", "and", "at", "between", "for", "from", "in", "into", "of", "on", "or",
            "the", "through", "to", "toward", "towards", "via", "with",
        ];
        let last = self.title.rsplit(' ').next().unwrap_or_default();
        self.venue.is_none()
            && self.date.is_none()
            && self.authors.is_none()
            && self.title.contains(' ')
            && GOES_ON.contains(&last.to_ascii_lowercase().as_str())
    }

    /// Takes a venue and date found in the text: the first venue wins, and so does the first
    /// date, except that the year of a venue that publishes (a conference or journal, not a
    /// preprint server) replaces an earlier bare date: in `[2024-12] [ICLR 2025]` the paper is
    /// ICLR's of 2025, not of 2024.
    fn add(&mut self, venue: Option<Venue>, date: Option<Date>) {
        match venue {
            Some(v) if self.venue.is_none() => {
                // A published venue's own date is the paper's; a date beside it
                // (`[2023-02] [ICSE 2023]`) is the preprint's, which [`build_entry`] cuts to its
                // year.
                if venue::publishes(&v) && date.is_some() {
                    self.date = date;
                    self.venue_dated = true;
                }
                self.venue = Some(v);
            }
            _ => {}
        }
        self.date = self.date.or(date);
    }

    /// Takes venue, date and authors from text around the title (`(2015), G. Hinton et al.`,
    /// ` - Authors, ECCV 2024.`, `*Authors.* NeurIPS 2018`).
    fn read_tail(&mut self, tail: &str) {
        // Nothing after the title (a table's title cell): nothing to read.
        if tail.trim().is_empty() {
            return;
        }
        // A label of 40 characters at most.
        let tail = BROKEN_LINK.replace_all(tail, |c: &regex::Captures<'_>| {
            if c[1].chars().count() <= 40 && is_label_word(&c[1]) {
                String::new()
            } else {
                c[0].to_string()
            }
        });
        let stripped = strip_link_debris(&tail);
        let mut rest: &str = &stripped;
        while let Some(caps) = leading_tag(rest) {
            let (Some(whole), Some(inner)) = (caps.get(0), caps.get(1)) else {
                break;
            };
            if let Some((venue, date)) = parse_tag(inner.as_str()) {
                self.add(venue, date);
            }
            rest = &rest[whole.end()..];
        }
        let rest = rest
            .trim()
            .trim_start_matches(['-', '–', '—', ',', '.', ':', ';', '|', ' '])
            .trim_end_matches(['|', ' '])
            .trim();
        // `| Robin Rombach, Andreas Blattmann | CVPR 2022 |`: pipes part names and venue as
        // commas do.
        let piped;
        let rest = if rest.contains(" | ") {
            piped = rest.replace(" | ", ", ");
            piped.as_str()
        } else {
            rest
        };
        // `by Ashish Vaswani, Noam Shazeer (NeurIPS 2017)`: the names after `by`.
        let rest = match rest
            .strip_prefix("by ")
            .or_else(|| rest.strip_prefix("By "))
        {
            Some(names) if names.starts_with(char::is_uppercase) => names,
            _ => rest,
        };
        // `"Title", 2022-09, ACM Computing Surveys`: a date of its own before the venue. What
        // follows it is a venue, never authors.
        let (first, after) = rest.split_once(',').unwrap_or((rest, ""));
        let dated = written_date(first.trim());
        let rest = match dated {
            Some(date) => {
                self.add(None, Some(date));
                after.trim()
            }
            None => rest,
        };
        // `Ann Lee, Bo Li. 2020.2`: names, then a date written out.
        let dated_names = rest.rsplit_once([' ', ',']).and_then(|(names, last)| {
            let date = written_date(last.trim_end_matches('.'))?;
            authors::parse(names).map(|_| (names, date))
        });
        let rest = match dated_names {
            Some((names, date)) => {
                self.add(None, Some(date));
                names
            }
            None => rest,
        };
        let (before, venue, year) = split_venue_year(rest, true);
        // A year after a venue mdbib does not know (`Journal of computer-aided molecular design
        // 2016.`) still dates the entry.
        let year = year.or_else(|| {
            trailing_year(rest)
                .and_then(|c| c.get(1)?.as_str().parse().ok())
                .filter(|_| venue.is_none())
        });
        let found_venue = venue.is_some();
        if venue.is_some() || year.is_some() {
            self.add(venue, year.map(Date::year));
        }
        // `2019-09, Comput. Secur. 2021`: a year after a date of its own is the publication's.
        if let (Some(date), Some(year)) = (dated, year) {
            if date.year != year {
                self.date = Some(Date::year(year));
            }
        }
        if self.authors.is_none() {
            let names = before
                .trim()
                .trim_matches(['-', '–', ',', ' ', '(', ')'])
                .trim();
            // `..., Martial Hebert, Computer Vision and Pattern Recognition Workshops, WCVPR 2009`:
            // a venue's name after the names, which is the venue when none is known.
            let (names, named_venue) = match authors::split_trailing_venue(names) {
                (before, Some(venue)) if is_venue_name(without_year(venue)) => {
                    (before, Some(without_year(venue)))
                }
                _ => (names, None),
            };
            // A venue that opens as one (`Proceedings of the ACM on Interactive, Mobile`) and
            // runs on to the one found at the end (`Wearable and Ubiquitous Technologies`) is
            // one name with commas in it.
            let whole = named_venue
                .filter(|n| authors::opens_a_venue(n))
                .and_then(|n| {
                    let v = self.venue.as_ref()?;
                    let start = rest.find(n)?;
                    let end = start + rest[start..].find(v.written.as_str())? + v.written.len();
                    Some(&rest[start..end])
                });
            if let Some(written) = whole.or(named_venue.filter(|_| self.venue.is_none())) {
                self.venue = Some(venue::recognise_or_as_written(written));
            }
            if dated.is_none() {
                self.authors = authors::parse(names);
            }
            // `*Hao Liu et al. CVPR*`: a venue mdbib knows after the names, without its year.
            if self.venue.is_none() && self.authors.as_ref().is_some_and(|a| a.et_al) {
                let last = names
                    .rsplit_once(". ")
                    .map(|(_, v)| v.trim_end_matches('.'));
                if let Some(v) = last.and_then(venue::known) {
                    self.venue = Some(v);
                    self.venue_loose = true;
                }
            }
            // `Names, Expert Systems with Applications 2024.`: a venue mdbib does not know
            // after the names.
            if self.authors.is_none() && self.venue.is_none() && year.is_some() && dated.is_none() {
                if let Some((names, venue)) = names_then_venue(names) {
                    self.authors = Some(names);
                    self.venue = Some(venue);
                }
            }
        }
        // A known venue alone (`**Title.** TACL.`).
        if self.venue.is_none() && self.authors.is_none() && !found_venue {
            let alone = rest.trim_end_matches(['.', ' ', ',']);
            if !alone.contains(',') && alone.split_whitespace().count() <= 3 {
                self.venue = venue::recognise(alone).filter(|v| venue::kind_of(v).is_some());
            }
        }
    }
}

/// `Names, Venue Year` with a venue mdbib does not know: at least two names (or one and
/// `et al.`) before the last comma, then a name of up to eight words without digits or periods
/// that starts with a capital (`Expert Systems with Applications`, `Robotics: Science and
/// Systems`).
fn names_then_venue(text: &str) -> Option<(authors::Authors, Venue)> {
    let (names, venue) = without_year(text).rsplit_once(',')?;
    let venue = venue.trim();
    let plausible = is_venue_name(venue);
    let people = authors::parse(names).filter(|a| plausible && (a.people.len() >= 2 || a.et_al))?;
    let venue = Venue {
        written: venue.to_string(),
        name: venue.to_string(),
    };
    Some((people, venue))
}

/// `text` without a year at its end, nor the punctuation before it (`Expert Systems with
/// Applications 2024.`).
fn without_year(text: &str) -> &str {
    let text = match trailing_year(text).and_then(|c| c.get(0)) {
        Some(year) => &text[..year.start()],
        None => text,
    };
    text.trim_end_matches([',', '.', ' '])
}

/// Whether `text` may be the name of a venue written out: one to eight words, the first
/// capitalised, without digits or periods (`Expert Systems with Applications`, `Robotics: Science
/// and Systems`), not a sentence.
fn is_venue_name(text: &str) -> bool {
    // Longer only when it opens as a venue's name (`Proceedings of the ACM on Interactive,
    // Mobile, Wearable and Ubiquitous Technologies`).
    let most = if authors::opens_a_venue(text) { 14 } else { 8 };
    (1..=most).contains(&text.split_whitespace().count())
        && text.starts_with(char::is_uppercase)
        && !text.bytes().any(|b| b.is_ascii_digit() || b == b'.')
}

/// A line of a list that is prose, not a title: see [`build_entry`].
fn is_prose(text: &str) -> bool {
    text.ends_with('?')
        || text.contains(": \"")
        || text.contains(": “")
        || text.starts_with('+')
        || is_long_sentence(text) && !text.contains("et al")
}

/// A sentence of twelve words or more in sentence case: fewer than a quarter of the words after
/// the first start with a capital.
fn is_long_sentence(text: &str) -> bool {
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let words = text.split_whitespace().count();
    words >= 12 && text.split_whitespace().skip(1).filter(capital).count() * 4 < words
}

/// Prose that describes a thing rather than names a paper: more than one sentence, or a long
/// sentence in sentence case (`A dataset of bimanual object manipulation tasks. OAKINK2
/// introduces...`), unlike a title (`Learning Transferable Visual Models From Natural Language
/// Supervision`, or `A simple framework for contrastive learning of visual representations`).
fn is_description(text: &str) -> bool {
    let words: SmallVec<[&str; 24]> = text.split_whitespace().collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let sentences = words
        .windows(2)
        .skip(3)
        .any(|w| w[0].ends_with('.') && w[0].len() > 3 && capital(w[1]));
    sentences || is_long_sentence(text)
}

/// A short description of a named thing (`[ADL](url) - 20 subjects performing daily
/// activities`, `[JPL](url) - Interaction with a robot`): three words or more that start with a
/// count (`2k videos ...`), or are in sentence case, more words after the first in lower case
/// than capitalised and at least two, unlike a subtitle (`- Pre-training of Deep Bidirectional
/// Transformers`) or names.
fn is_short_description(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let (mut n, mut lower, mut capital) = (1, 0, 0);
    for w in words {
        n += 1;
        if w.starts_with(char::is_lowercase) {
            lower += 1;
        } else if w.starts_with(char::is_uppercase) {
            capital += 1;
        }
    }
    let digits = first.bytes().take_while(u8::is_ascii_digit).count();
    let count = digits > 0
        && matches!(
            first[digits..].trim_end_matches([',', '.']),
            "" | "k" | "K" | "M" | "+"
        );
    n >= 3 && (count || (lower >= 2 && lower > capital))
}

/// The text before and after the first occurrence of `piece`.
fn around<'t>(text: &'t str, piece: &str) -> Option<(&'t str, &'t str)> {
    // Usually the text starts with it; a full search prepares its needle first.
    if let Some(after) = text.strip_prefix(piece) {
        return Some(("", after));
    }
    let at = text.find(piece)?;
    Some((&text[..at], &text[at + piece.len()..]))
}

/// Whether text after a title starts the way a title's end does: nothing, or a separator.
fn ends_title(after: &str) -> bool {
    let after = after.trim_start();
    after.is_empty()
        || after.starts_with(['.', ',', '(', '[', '-', '–', '—', '|', ';', '*'])
        || after.starts_with("by ")
}

/// Reads the segment that carries the title: venue tags before it, short-name prefixes, a bold
/// or linked or quoted title, and what follows it.
/// `title_paper`: the title's own link points at a paper (arXiv, a DOI), so the text after it is
/// more likely its title than a description of a named thing.
fn parse_title_segment(
    text: &str,
    title_link: Option<&str>,
    title_paper: bool,
    bolds: &[Cow<'_, str>],
) -> Parts {
    let mut parts = Parts::default();
    let mut rest = text;
    // The names in the tags passed over, which a bold name after them repeats, is no bold
    // name before a colon (`[**GPTQ**] GPTQ: Accurate Post-Training Quantization ...`).
    let mut tagged: SmallVec<[&str; 2]> = SmallVec::new();
    // Venue and tags before the title: `[ICCV 2023] Title`, `(CVPR 2023) [tag] Title`, `[MGCA] Title`.
    while let Some(caps) = leading_tag(rest) {
        let (Some(whole), Some(inner)) = (caps.get(0), caps.get(1)) else {
            break;
        };
        let after = &rest[whole.end()..];
        if after.trim().is_empty() {
            break;
        }
        match parse_tag(inner.as_str()) {
            Some((venue, date)) => parts.add(venue, date),
            // `[**SPICE**]: "SPICEPilot: ..."`: a name before a quoted title, which is the title.
            None if after.trim_start().starts_with(':')
                && after.trim_start_matches([':', ' ']).starts_with(['"', '“']) =>
            {
                rest = after.trim_start_matches([':', ' ']);
                continue;
            }
            // `[IndustReal] - A dataset of ...`: the bracket is the name, a description follows.
            None if after.trim_start().starts_with(['-', '–', ':']) => {
                parts.title = inner.as_str().trim().to_string();
                parts.read_tail(after);
                return parts;
            }
            None if inner.as_str().split_whitespace().count() <= 4 => {
                tagged.push(
                    inner
                        .as_str()
                        .trim_matches(|c: char| c == '*' || c.is_whitespace()),
                );
            }
            // `[Racket, OCaml, Lua, R, Julia] Title`: a list of short tags.
            None if inner
                .as_str()
                .split(',')
                .all(|t| (1..=3).contains(&t.split_whitespace().count())) => {}
            None => break,
        }
        rest = after;
    }
    // `2015-CVPR - Title`, `2014 - Title`: the year and venue before the title.
    if let Some((venue, date, after)) = year_venue_prefix(rest) {
        parts.add(venue, Some(date));
        rest = after;
    }
    // The bold span the remaining text starts with (not one inside a venue tag).
    let bold = bolds
        .iter()
        .map(|b| {
            fn trim(t: &str) -> &str {
                t.trim_matches(|c: char| c.is_whitespace() || c == '*')
            }
            match text::clean(b) {
                Cow::Borrowed(b) => Cow::Borrowed(trim(b)),
                Cow::Owned(b) => Cow::Owned(text::trim_owned(b, trim)),
            }
        })
        .find(|b| !b.is_empty() && rest.trim_start().starts_with(&**b) && !tagged.contains(&&**b));
    // A short name in bold before a colon is not part of the title: `**MedPaLM 2**: Title`.
    if let Some(b) = bold.as_deref().filter(|b| !b.is_empty()) {
        if let Some(after) = rest.trim_start().strip_prefix(b) {
            // The bold's own stars were trimmed from it: `**PaLM 2 \***`.
            let after = after.trim_start_matches(|c: char| c.is_whitespace() || c == '*');
            // `**CodeT5** (encoder-decoder): Title`: a remark may stand between name and colon.
            let after = match after.strip_prefix('(').and_then(|a| a.split_once(')')) {
                Some((_, rest)) if rest.trim_start().starts_with(':') => rest.trim_start(),
                _ => after,
            };
            if let Some(title) = after.strip_prefix(':') {
                if b.split_whitespace().nth(4).is_none()
                    && title.split_whitespace().nth(1).is_some()
                {
                    rest = title.trim_start();
                }
            } else if !b.contains(' ')
                && after.starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“'))
                && after.split_whitespace().nth(3).is_some()
            {
                // `**NYUTron** Health system-scale language models are ...`: a one-word name
                // in bold, then a title of four words or more, is the same without the colon;
                // so is one before a quoted title (`**CortexBench** "Where are we ...?"`).
                rest = after;
            }
        }
    }
    // A reference as a bibliography writes it, names first: IEEE's `A. Vaswani, N. Shazeer,
    // "Attention is all you need," in Proc. NeurIPS, 2017` and APA's `Vaswani, A., Shazeer, N.
    // (2017). Attention is all you need. In NeurIPS.`
    if let Some(parts) = names_first(rest.trim()) {
        return parts;
    }
    // Date and venue tags after the title: `CodeQwen1.5 [2024-04]`, `"Title" [2023-08] [ICLR 2024]`.
    let mut rest = rest.trim();
    // `Title(@IST Austria etc)`: where the authors work, after the title.
    if let Some(open) = rest.strip_suffix(')').and_then(|r| r.rfind("(@")) {
        rest = rest[..open].trim_end();
    }
    let mut tags: SmallVec<[(Option<Venue>, Option<Date>); 2]> = SmallVec::new();
    while let Some(open) = rest.strip_suffix(']').and_then(|r| r.rfind('[')) {
        let before = rest[..open].trim_end();
        let inner = &rest[open + 1..rest.len() - 1];
        // What is left once every tag is gone: a quoted title, or not.
        let mut bare = before;
        while let Some(open) = bare.strip_suffix(']').and_then(|r| r.rfind('[')) {
            bare = bare[..open].trim_end();
        }
        let quoted = bare.starts_with(['"', '“']) && bare.ends_with(['"', '”']);
        match parse_tag(inner) {
            Some(tag) if !before.is_empty() => tags.push(tag),
            // After a quoted title a tag is no part of it: `"Title" [2023-04] [ACM TCHI]`.
            None if quoted => {
                let named = inner.chars().filter(|c| c.is_alphabetic()).nth(1).is_some();
                tags.push((venue::recognise(inner).filter(|_| named), None));
            }
            // After a title that ends its sentence, a few words in brackets are the list's tags
            // (`Title. [seg. oth.]`), no part of it.
            None if bare.ends_with('.')
                && bare.split_whitespace().nth(2).is_some()
                && (1..=3).contains(&inner.split_whitespace().count()) =>
            {
                tags.push((None, None));
            }
            _ => break,
        }
        rest = before;
    }
    // In the order written, which decides between two dates.
    for (venue, date) in tags.into_iter().rev() {
        parts.add(venue, date);
    }
    // A title that is all in quotes, quotes inside it too: `""It's Weird That it Knows": Usability"`.
    if let Some(inner) = rest
        .strip_prefix(['"', '“'])
        .and_then(|r| r.strip_suffix(['"', '”']))
        .filter(|inner| !inner.trim().is_empty())
    {
        // The quotes inside come in pairs, the first opening one (`"Correct"`, not the end of one
        // quoted title and the start of another: `"A" [2024-05] "B"`).
        let first_opens = inner
            .char_indices()
            .find(|(_, c)| matches!(c, '"' | '“' | '”'))
            .is_none_or(|(i, c)| {
                let before = inner[..i].chars().next_back();
                let after = inner[i + c.len_utf8()..].chars().next();
                before.is_none_or(|b| b.is_whitespace() || "([-–".contains(b))
                    && after.is_some_and(|a| !a.is_whitespace())
            });
        if first_opens && inner.matches(['"', '“', '”']).count() % 2 == 0 {
            parts.title = inner.trim().to_string();
            return parts;
        }
    }
    // A short name before a quoted title: `BookCorpus: "Aligning Books and Movies: ..."`; not
    // a person's before their words (`Jitendra Malik: "Supervision is the opium ..."`).
    let colon = memchr::memchr(b':', rest.as_bytes());
    if let Some((name, quoted)) = colon.map(|at| (&rest[..at], &rest[at + 1..])) {
        let quoted = quoted.strip_prefix(' ').unwrap_or_default();
        if quoted.starts_with(['"', '“'])
            && !name.is_empty()
            && name.split_whitespace().nth(3).is_none()
            && !name.contains(['"', '“'])
            && name.chars().any(char::is_alphabetic)
            && (!name.contains(' ') || authors::parse(name).is_none())
        {
            rest = quoted;
        }
    }
    // A title in quotes: `"Title" [2024-06]`; not a quoted phrase that opens it
    // (`"Nothing Abnormal": Disambiguating Medical Reports`).
    if let Some(q) = rest.strip_prefix(['"', '“']) {
        if let Some(end) = q.find(['"', '”']) {
            // `”` is three bytes: what follows starts after the whole character.
            let after = &q[end..]
                .split_at(q[end..].chars().next().map_or(0, char::len_utf8))
                .1;
            // `"Smart Quotes" and Their Uses`: the sentence goes on after the quote, which
            // opens the title; `"Title" by Names`, `"Title" in Venue` end it.
            let next_word = after.split_whitespace().next().unwrap_or_default();
            // (`"Title" arXiv, 2023`: a venue in lower case ends it too.)
            let goes_on = next_word.starts_with(|c: char| c.is_lowercase())
                && !matches!(next_word, "by" | "in" | "at" | "from" | "et")
                && venue::known(next_word.trim_end_matches([',', '.'])).is_none();
            let opens_title = after.trim_start().starts_with([':', '?', '!']) || goes_on;
            if q[..end].split_whitespace().nth(1).is_some() && !opens_title {
                parts.title = q[..end].to_string();
                parts.read_tail(after);
                return parts;
            }
        }
    }
    // A linked or bold title, then the rest: ` - Authors, Venue Year`, `(2015), Authors`.
    for candidate in [title_link, bold.as_deref()].into_iter().flatten() {
        let candidate = text::clean(candidate);
        let candidate = candidate.trim_matches(|c: char| c == '*' || c.is_whitespace());
        if candidate.split_whitespace().nth(1).is_none() {
            // `[GSM](url) - Swathikiran Sudhakaran, Oswald Lanz, CVPR 2020.`: a one-word name
            // is the title when authors and a venue or year follow it.
            let after = rest
                .trim_start()
                .strip_prefix(candidate)
                .map(str::trim_start);
            if let Some(tail) = after.filter(|a| a.starts_with(['-', '–'])) {
                let mut read = Parts::default();
                read.read_tail(tail);
                // `[TACO](url) - A large-scale dataset of real-world bimanual tool-object
                // interactions. TACO enables...`: a description of the named thing follows.
                let described = tail.trim_start_matches(['-', '–', ' ']);
                if is_description(described) || !title_paper && is_short_description(described) {
                    read.authors = None;
                    read.title = candidate.to_string();
                    return read;
                }
                if read.authors.is_some() && (read.venue.is_some() || read.date.is_some()) {
                    read.title = candidate.to_string();
                    read.venue = read.venue.or(parts.venue.take());
                    read.date = read.date.or(parts.date.take());
                    return read;
                }
            }
            // `**CodeParrot**, 2022-02, [[data](...)]`: a one-word name, then a date of its own
            // and nothing more (no title in a link after it, `**News**, 2024-01, [Title](...)`).
            if let Some(tail) = after
                .and_then(|a| a.strip_prefix(','))
                .filter(|_| !is_label_word(candidate))
            {
                let (first, more) = tail.split_once(',').unwrap_or((tail, ""));
                if written_date(first.trim()).is_some() && more.trim().is_empty() {
                    parts.title = candidate.to_string();
                    parts.read_tail(tail);
                    return parts;
                }
            }
            continue;
        }
        if let Some((before, after)) = around(rest, candidate) {
            let before = before.trim();
            let venue_follows = || {
                let (rest, venue, year) = split_venue_year(after.trim(), true);
                rest.trim().is_empty() && (venue.is_some() || year.is_some())
            };
            // A bold title that ends its sentence (`**Title.** Any Venue 2016.`) ends there.
            // So does one that asks (`**How Much Knowledge Can You Pack ...?** *Authors.*`).
            let closed = bold
                .as_deref()
                .is_some_and(|b| b.ends_with(['.', '?', '!']))
                && candidate.ends_with(['.', '?', '!'])
                && candidate.split_whitespace().nth(2).is_some();
            // `[Title](url) Uber`: a linked title, then the name of who wrote it, one or two
            // capitalised words.
            let tagged = || {
                let mut words = after.split_whitespace();
                let named = |w: &str| {
                    w.starts_with(char::is_uppercase)
                        && w.chars().all(|c| c.is_alphanumeric() || c == '-')
                };
                title_link.is_some_and(|l| l.trim() == candidate)
                    && candidate.split_whitespace().nth(2).is_some()
                    && words.next().is_some_and(named)
                    && words.next().is_none_or(named)
                    && words.next().is_none()
            };
            if (before.is_empty() || before.ends_with(':'))
                && (ends_title(after) || closed || venue_follows() || tagged())
            {
                parts.title = candidate.to_string();
                parts.read_tail(after);
                return parts;
            }
            // `Suh et al., *[Title](doi)*, IEEE ISCAS, 2020.`: names, then the linked title, as
            // a bibliography writes them.
            let names = before.strip_suffix([',', '.']).and_then(authors::parse);
            if let Some(names) = names.filter(|_| candidate.split_whitespace().nth(2).is_some()) {
                parts.title = candidate.to_string();
                parts.authors = Some(names);
                parts.read_tail(after);
                return parts;
            }
        }
    }
    // `Title (2015), G. Hinton et al.`: a year in parentheses followed by authors ends the title.
    if let Some(m) = year_in_parens(rest) {
        let after = rest[m.end()..].trim_start_matches([',', ' ']);
        if after.is_empty() || authors::parse(after).is_some() {
            parts.title = rest[..m.start()].to_string();
            parts.read_tail(&rest[m.start()..]);
            return parts;
        }
    }
    // `Title | Ross Girshick, Jeff Donahue | **[CVPR' 14]** | [pdf](...)`: cells of a table
    // written as a list item, the title first, then its names.
    let cells = memchr::memchr(b'|', rest.as_bytes()).and_then(|_| rest.split_once(" | "));
    if let Some((title, after)) = cells {
        let after = after.trim_end_matches(['|', ' ']);
        let (names, more) = after.split_once(" | ").unwrap_or((after, ""));
        if let Some(names) = authors::parse(names).filter(|_| !title.trim().is_empty()) {
            parts.title = title.trim().to_string();
            parts.authors = Some(names);
            parts.read_tail(more);
            return parts;
        }
    }
    // `Title Guanzhi Wang et al. Arxiv`: the first author's name before `et al.` starts what
    // follows the title, with no period before it.
    if let Some(start) = names_before_et_al(rest) {
        parts.title = rest[..start].trim_end().to_string();
        parts.read_tail(&rest[start..]);
        return parts;
    }
    // A link that did not parse (`[[pdf]](Title text)`) leaves brackets; they end the title.
    let rest = match rest.find("[[") {
        Some(at) if rest[..at].split_whitespace().nth(1).is_some() => rest[..at].trim(),
        _ => rest,
    };
    // ... and a link without its target or definition (`[Alpha Glass]`) leaves them around it.
    let rest = match rest.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        Some(inner) if !inner.contains(['[', ']']) && !inner.trim().is_empty() => inner.trim(),
        _ => rest,
    };
    let (title, venue, year) = split_venue_year(rest, false);
    // The title's text ends a sentence: a period, or a venue or year after it.
    let mut ended = venue.is_some() || year.is_some() || title.trim_end().ends_with('.');
    // A short name, or a speaker's affiliation, as a sentence of its own (`Yann LeCun. (NYU &
    // FAIR)`) goes, and ends the sentence before it.
    let short_name = (title.trim_end().ends_with(')'))
        .then(|| trailing_short_name(&title))
        .flatten();
    parts.title = match short_name {
        Some(start) => {
            ended = true;
            title[..start].to_string()
        }
        None => title,
    };
    parts.add(venue, year.map(Date::year));
    // `Title. Ian Goodfellow, Yoshua Bengio. 2016`: the names after the title's last sentence.
    if let Some((end, names)) = trailing_names(&parts.title, ended) {
        parts.title.truncate(end);
        parts.authors = Some(names);
        // `Title (2014, C. Dong et al.`: the year of a parenthesis left open.
        let t = parts.title.trim_end();
        let open = (t.len().checked_sub(5))
            .filter(|&at| t.get(at..).is_some_and(|rest| rest.starts_with('(')));
        let year = open.and_then(|at| t[at + 1..].parse().ok().map(|y: i32| (at, y)));
        if let Some((at, year)) = year.filter(|(_, y)| (1900..2100).contains(y)) {
            parts.title.truncate(t[..at].trim_end().len());
            parts.add(None, Some(Date::year(year)));
        }
    }
    parts
}

/// Words that start or make up short sentences of titles (`Graph Neural Networks. A Survey`,
/// `Part Two`), never a person's name. Sorted, for a binary search.
const TITLE_WORDS: &[&str] = &[
    "A",
    "Abstract",
    "An",
    "And",
    "Appendix",
    "Approach",
    "Case",
    "Chapter",
    "Data",
    "Deep",
    "Edition",
    "Extended",
    "For",
    "In",
    "Introduction",
    "Language",
    "Learning",
    "Lecture",
    "Model",
    "Models",
    "Network",
    "Networks",
    "Neural",
    "Notes",
    "Of",
    "On",
    "Overview",
    "Part",
    "Preprint",
    "Report",
    "Review",
    "Revisited",
    "Study",
    "Supplementary",
    "Survey",
    "Systems",
    "Technical",
    "The",
    "Theory",
    "Toward",
    "Towards",
    "Tutorial",
    "Version",
    "Vision",
    "Volume",
];

/// The names that end a plain title after its last sentence break, and where the title ends:
/// `Deep Learning. Ian Goodfellow, Yoshua Bengio` or `Visual Learning. Tinghui Zhou`. Taken only
/// when they are unlikely to be the title's own last sentence: every word name-shaped (no title
/// word, no `-tion` or `-ive`), and several people each with a given name, a list ending in
/// `et al.`, or one person of two or three words in a sentence that `ended` (a period, a venue
/// or year after it) and is no venue.
fn trailing_names(title: &str, ended: bool) -> Option<(usize, authors::Authors)> {
    const ABBREVIATIONS: &[&str] = &[
        "al", "cf", "dr", "e.g", "etc", "fig", "i.e", "inc", "jr", "mr", "mrs", "ms", "no", "st",
        "vol", "vs",
    ];
    let text = title.trim_end().trim_end_matches('.');
    // The last sentence break: not the period of an initial or an abbreviation
    // (`C. Lawrence Zitnick`, `Fine-Tuning vs. Parameter-Efficient`).
    let sentence = text.rmatch_indices(". ").map(|(at, _)| at).find(|&at| {
        let word = text[..at].rsplit([' ', '(']).next().unwrap_or_default();
        word.chars().count() > 1
            && ABBREVIATIONS
                .binary_search(&word.to_ascii_lowercase().as_str())
                .is_err()
    });
    // A question's end before a speaker and affiliation (`... like humans? Yann LeCun @EPFL`).
    let question = text
        .rmatch_indices("? ")
        .map(|(at, _)| at)
        .find(|&at| speaker(&text[at + 2..]).is_some());
    match (sentence, question) {
        (_, Some(q)) if sentence.is_none_or(|s| q > s) => {
            return names_after(text, q + 1, q + 2, ended, false);
        }
        (Some(at), _) => return names_after(text, at, at + 2, ended, false),
        _ => {}
    }
    // `Title, G. Hinton and R. Salakhutdinov`, `Title, Goodfellow et al.`: after a comma, only
    // names no title ends with: each with initials for a given name, or a list cut by `et al.`.
    let comma = text.rfind(", ")?;
    names_after(text, comma, comma + 2, ended, true)
}

/// The names before a speaker's affiliation (`Demis Hassabis (DeepMind)`, `Yann LeCun @EPFL`),
/// or `None` when there is none.
fn speaker(text: &str) -> Option<&str> {
    match text.rsplit_once(" (") {
        Some((names, affiliation)) if affiliation.ends_with(')') && !names.contains('(') => {
            Some(names)
        }
        _ => text.split_once(" @").map(|(names, _)| names),
    }
}

/// [`trailing_names`] for a title that ends at `head_end` and names from `tail_start` (after
/// `. `, `? ` or `, `); `strict` after a comma.
fn names_after(
    text: &str,
    head_end: usize,
    tail_start: usize,
    ended: bool,
    strict: bool,
) -> Option<(usize, authors::Authors)> {
    let (head, tail) = (text[..head_end].trim_end(), text[tail_start..].trim());
    // Two words at least.
    head.split_whitespace().nth(1)?;
    // A speaker's affiliation after the name ends the name's sentence.
    let (tail, ended) = match speaker(tail) {
        Some(names) => (names, true),
        None => (tail, ended),
    };
    let names = authors::parse(tail)?;
    // Words shaped like English nouns and adjectives (`Prediction`, `Methods`, `Contrastive`,
    // `Abilities`) are no names.
    const WORD_ENDINGS: [&str; 12] = [
        "ics", "ies", "ism", "ity", "ive", "ment", "ness", "ods", "ogy", "sion", "tion", "ures",
    ];
    let name_shaped = |w: &str| {
        // `J.`, and initials as PubMed and APA write them: `J`, `JM`, `T.-Y.`.
        let initial = w.len() == 2 && w.ends_with('.') || authors::is_initials(w);
        let lower = w.to_lowercase();
        initial
            || crate::model::is_suffix(w)
            || w.chars().any(char::is_lowercase)
                && !w.chars().any(|c| c.is_ascii_digit())
                && TITLE_WORDS.binary_search(&w).is_err()
                && !WORD_ENDINGS
                    .iter()
                    .any(|e| lower.len() > e.len() + 2 && lower.ends_with(e))
    };
    let words_named = tail
        .split([' ', ',', ';', '&'])
        .filter(|w| !w.is_empty() && !matches!(*w, "and" | "et" | "al" | "al."))
        .all(name_shaped);
    let several = names.people.len() >= 2 && names.people.iter().all(|p| !p.given.is_empty());
    // One name only as a sentence of its own: `Visual Learning. Tinghui Zhou.`, not
    // `Attention Is All You Need. Transformers Explained`.
    let one = names.people.len() == 1
        && ended
        && (2..=3).contains(&tail.split_whitespace().count())
        && venue::known(tail).is_none();
    let initials = |given: &str| {
        !given.is_empty()
            && given
                .split([' ', '-'])
                .all(|w| w.len() == 2 && w.ends_with('.') && w.starts_with(char::is_uppercase))
    };
    let accepted = match strict {
        false => several || names.et_al || one,
        true => names.et_al || names.people.iter().all(|p| initials(&p.given)),
    };
    (words_named && accepted).then_some((head.len(), names))
}

/// Turns an entry's content into a reference: title, venue, date, authors, ids, classified links.
/// Returns `None` when nothing is left for a title. `in_table` when it is a table's title cell,
/// to which the row's other cells add.
fn build_entry(
    inline: &Inline,
    sections: SectionPath,
    origin: Origin,
    in_table: bool,
) -> Option<Reference> {
    // Most entries have a few links and one line: no vector here allocates for them.
    let mut links: SmallVec<[(LinkRole, &str, &str); 6]> = SmallVec::new();
    // The URL of the first link whose label is title text (the title's own), and those of the
    // title links that are the paper only for want of another (their URL says nothing).
    let mut own_link: Option<&str> = None;
    let mut defaulted: SmallVec<[&str; 2]> = SmallVec::new();
    // All text with title links' labels, for identifiers written out.
    let mut all_parts: SmallVec<[&str; 6]> = SmallVec::new();
    // The labels of the links that are title text.
    let mut title_labels: SmallVec<[(&str, bool); 2]> = SmallVec::new();
    // Whether only separators stood between the title links (`[A](u), [B](v)`), and whether
    // other text has come since the last one.
    let (mut separated, mut gap) = (true, false);
    let is_title = |t: &str| {
        // Text that starts with a separator (`- by X`, not `-1 Is Not a Label`) followed a link
        // that was no title.
        let mut chars = t.chars();
        let separator = matches!(chars.next(), Some('-' | '–' | '—'))
            && chars.next().is_none_or(char::is_whitespace);
        t.chars().filter(|c| c.is_alphanumeric()).nth(1).is_some()
            && !separator
            && !is_label_word(t)
            && !looks_like_url(t)
    };
    // The entry's lines, read one at a time: the first with a title gives it, later ones the
    // venue, date and authors around it.
    let mut parts: Option<Parts> = None;
    let mut read_line = |text: &str, title_link: Option<&str>, title_paper: bool| {
        let text = without_emoji(text);
        let cleaned = text::clean(&text);
        let cleaned = strip_link_debris(&cleaned);
        let cleaned = strip_written_ids(&cleaned);
        // A title cut by a line break after a word no title ends with (`Learning for\` /
        // `Image Recognition. CVPR 2016.`) goes on on the next line.
        let joined;
        let (cleaned, first) = match parts.as_ref() {
            Some(found) if found.is_cut() => {
                joined = format!("{} {cleaned}", found.title);
                (joined.as_str(), true)
            }
            _ => (&*cleaned, parts.is_none()),
        };
        if first {
            let (cleaned, kind, month) = kind_note(cleaned);
            let mut candidate =
                parse_title_segment(&cleaned, title_link, title_paper, &inline.bolds);
            candidate.kind = kind;
            if let Some(date) = candidate.date.as_mut().filter(|d| d.month.is_none()) {
                date.month = month;
            }
            // No title starts with a colon (`[[paper]](url): Title`).
            let title = text::trim_owned(std::mem::take(&mut candidate.title), |t| {
                t.trim_start_matches([':', '：', ' '])
                    .trim()
                    .trim_end_matches(['.', ',', ';', ':', '：', '-', '–', '|'])
                    .trim()
            });
            if is_title(&title) {
                parts = Some(Parts { title, ..candidate });
            }
        } else if let Some(found) = parts.as_mut() {
            found.read_tail(cleaned);
        }
    };
    // A line's text with its title links' labels (borrowed when it is one piece), and its first
    // title link's label.
    let (mut text, mut title_link): (Cow<'_, str>, Option<&str>) = (Cow::Borrowed(""), None);
    let mut title_paper = false;
    let mut after_link = false; // a link that is no title text came since the line's text
    for p in &inline.pieces {
        match p {
            // `Title [[pdf]](...) [[repo]](...): various benchmark tasks for evaluating ...`: a
            // description after the links, which is no part of the title.
            Piece::Text(t)
                if after_link
                    && !text.trim().is_empty()
                    && t.trim_start().strip_prefix(':').is_some_and(|d| {
                        let d = d.trim();
                        is_description(d) || is_short_description(d)
                    }) => {}
            Piece::Text(t) => {
                // Between two title links, only separators keep them a list of names.
                if !title_labels.is_empty()
                    && !t.chars().all(|c| matches!(c, ',' | ';' | '、' | ' '))
                {
                    gap = true;
                }
                append(&mut text, Cow::Borrowed(t));
                all_parts.push(t);
            }
            Piece::Break => {
                read_line(&text, title_link, title_paper);
                (text, title_link, title_paper) = (Cow::Borrowed(""), None, false);
                after_link = false;
            }
            Piece::Link { label, url, role } => {
                let role = role.unwrap_or_else(|| classify_link(label, url));
                // A link named for a venue after the title's text (`TMLR 2022. [[Paper](...)]
                // [[TMLR](openreview...)]`) is a link to the venue's page, no title text.
                let role = match role {
                    LinkRole::Title
                        if text.chars().any(char::is_alphanumeric)
                            && venue::known(label.trim_matches(['[', ']', ' '])).is_some() =>
                    {
                        LinkRole::Other
                    }
                    role => role,
                };
                if role == LinkRole::Title {
                    let by_url = role_by_url(url);
                    if std::mem::take(&mut gap) {
                        separated = false;
                    }
                    title_labels.push((label, by_url == LinkRole::Paper));
                    append(&mut text, Cow::Borrowed(label));
                    all_parts.push(label);
                    if title_link.is_none() {
                        title_link = Some(label);
                        title_paper = by_url == LinkRole::Paper;
                    }
                    own_link.get_or_insert(url);
                    // A title link is the paper when it points at a paper, else a project page.
                    let role = match by_url {
                        LinkRole::Other => {
                            defaulted.push(url);
                            LinkRole::Paper
                        }
                        role => role,
                    };
                    links.push((role, label, url));
                } else {
                    after_link = true;
                    links.push((role, label, url));
                }
            }
        }
    }
    read_line(&text, title_link, title_paper);
    let all_text = std::cell::OnceCell::new();
    let all_text = || all_text.get_or_init(|| all_parts.concat());
    // `**Arithmetic Reasoning**: [GSM8K](arXiv), [SVAMP](ACL Anthology), [ASDiv](...)`: the
    // names of several works, each linked to its paper, one after the other: a list of them, none
    // of which the line describes. (Names linked to their homepages are a paper's authors.)
    // (A label in brackets, `[[Paper-CVPR14]](...)`, is a link word, no name.)
    let short = |(label, _): &(&str, bool)| {
        label.split_whitespace().nth(4).is_none() && !label.starts_with('[')
    };
    if title_labels.iter().filter(|(_, paper)| *paper).count() >= 2
        && title_labels.iter().all(short)
        && separated
    {
        return None;
    }
    let mut parts = parts?;
    // A line that is only a venue (`[ECCV 2024](other list)`, `ICLR 2024. [[paper]](...)`) is
    // a link to another list or a conference page, no paper...
    let debris: &[char] = &['.', ',', ' ', '[', ']', '(', ')', '|'];
    let venue_only =
        is_venue_only(&parts.title) && is_venue_only(all_text().trim_end_matches(debris));
    // An item that is only a link, to no paper, named in a few words (`[GoPro](https://gopro.com)`,
    // `[World Health Organization](https://www.who.int/...)`) or an awesome list of its own, or a
    // name of a few words and its site's home page (`Distill [[web]](http://distill.pub/)`), is a
    // product, an organisation, a blog or a list, no work; not under a heading of datasets, which are
    // named so (`[MIMIC-CXR](https://physionet.org/...)`).
    if let (false, [(_, label, url)]) = (in_table, &links[..]) {
        let words = parts.title.split_whitespace().count();
        let awesome = parts
            .title
            .get(..7)
            .is_some_and(|w| w.eq_ignore_ascii_case("awesome"));
        let only_the_link = all_text().trim_matches(debris).trim_matches('*') == label.trim();
        // `OpenAI [[web]](https://www.openai.com/)`: a name and its site's home page.
        let home_page = || {
            is_page_label(label.trim_matches(['[', ']']))
                && ids::host_and_path(url).is_some_and(|(_, path)| path.len() <= 1)
        };
        let named_link =
            own_link == Some(*url) && only_the_link && role_by_url(url) != LinkRole::Paper;
        if (named_link || home_page())
            && (words <= 3 || awesome)
            && parts.authors.is_none()
            && parts.venue.is_none()
            && parts.date.is_none()
            && ids::arxiv_from_url(url).is_none()
            && ids::doi_from_url(url).is_none()
            && !sections.iter().any(|s| {
                let s = s.to_lowercase();
                s.contains("dataset") || s.contains("benchmark")
            })
        {
            return None;
        }
    }
    // A line with no link, names, venue, date or identifier that reads as prose is no paper:
    // a question, a quotation, a figure (`**2015** : +200 citations`) or a long sentence
    // (`Papers that are important, but failed to be included...`). A bare title stays one.
    if links.is_empty()
        && parts.authors.is_none()
        && parts.venue.is_none()
        && parts.date.is_none()
        && ids::arxiv_in_text(all_text()).is_empty()
        && ids::doi_in_text(all_text()).is_none()
        && is_prose(&parts.title)
    {
        return None;
    }
    // A field of something described around it (`**Approach:** DL`, `Code: N/A`, `地址：https://...`,
    // `简介：...`), with no paper's identifier, names, venue or date, is no work.
    let paper_id = || {
        links.iter().any(|(_, _, url)| {
            ids::arxiv_from_url(url).is_some() || ids::doi_from_url(url).is_some()
        })
    };
    if parts.authors.is_none()
        && parts.venue.is_none()
        && parts.date.is_none()
        && is_field_line(&parts.title)
        && !paper_id()
        && ids::arxiv_in_text(all_text()).is_empty()
    {
        return None;
    }

    let mut entry = Reference::new(parts.title, origin);
    // A title link that is a paper only for want of another (a project page) gives way to a link
    // labelled as the paper (`[Nymeria](project page) ... [[paper]](url)`): it is taken last,
    // and is the project page when the paper is known.
    let labelled = links.iter().filter(|(_, _, url)| !defaulted.contains(url));
    let fallback = links.iter().filter(|(_, _, url)| defaulted.contains(url));
    for &(role, label, url) in labelled.chain(fallback) {
        // A link to nowhere (`[Coming soon]()`) is none.
        if url.trim().is_empty() {
            continue;
        }
        // A reader's session token (`?casa_token=...`) is no part of the address.
        let url = ids::without_tracking(url);
        // A space in an address (`<https://example.org/my paper.pdf>`) is `%20` in every writer.
        let url = match url.contains(' ') {
            true => Cow::Owned(url.replace(' ', "%20")),
            false => url,
        };
        let url = &*url;
        let role = match role {
            // The title's own link, when it is a page (not a file of the list's own,
            // `./images/bib.txt`); other title links are other links.
            LinkRole::Paper if defaulted.contains(&url) && entry.links.paper.is_some() => {
                match own_link == Some(url) && url.contains("://") {
                    true => LinkRole::Project,
                    false => LinkRole::Other,
                }
            }
            role => role,
        };
        let slot = match role {
            LinkRole::Paper => &mut entry.links.paper,
            LinkRole::Code => &mut entry.links.code,
            LinkRole::Project => &mut entry.links.project,
            LinkRole::Dataset => &mut entry.links.dataset,
            LinkRole::Other | LinkRole::Title => {
                push_other_link(&mut entry.links.other, label, url);
                continue;
            }
        };
        if slot.is_none() {
            *slot = Some(url.to_string());
        } else {
            push_other_link(&mut entry.links.other, label, url);
        }
    }
    // A link given twice (as `[paper]` and in the title) is kept once.
    let mut other = std::mem::take(&mut entry.links.other);
    let l = &entry.links;
    other.retain(|(_, url)| {
        ![&l.paper, &l.code, &l.project, &l.dataset]
            .iter()
            .any(|p| p.as_deref() == Some(url.as_str()))
    });
    entry.links.other = other;
    // Identifiers: the paper link first, then any other link, then the text.
    let paper = entry.links.paper.as_deref();
    let others = links
        .iter()
        .map(|(_, _, u)| *u)
        .filter(|u| Some(*u) != paper);
    let urls = || paper.into_iter().chain(others.clone());
    let arxiv = urls()
        .find_map(ids::arxiv_from_url)
        .or_else(|| ids::arxiv_in_text(all_text()).into_iter().next());
    let doi = urls()
        .find_map(ids::doi_from_url)
        .or_else(|| ids::doi_in_text(all_text()));
    (entry.arxiv, entry.doi) = (arxiv, doi);
    let venue_of_url = ((parts.venue.is_none() || parts.venue_loose) && parts.kind.is_none())
        .then(|| urls().find_map(venue::of_url))
        .flatten();
    if entry.arxiv.is_none() {
        entry.arxiv = entry.doi.as_deref().and_then(ids::arxiv_from_doi);
    }
    // A title that links to a heading of the same page (`* [New Papers](#new-papers) : Less than
    // 6 months`), with no names, venue or link elsewhere, is a line of a table of contents, no
    // paper either...
    // ... or to another page of the list's own (`README_zh.md`, `./README.md#evaluation`).
    let anchor = |url: &str| {
        let url = url.trim();
        let page = url.split('#').next().unwrap_or_default();
        url.starts_with('#')
            || !url.contains("://")
                && !url.starts_with("www.")
                && (page.len() > 3 && page[page.len() - 3..].eq_ignore_ascii_case(".md")
                    || page.is_empty()
                    || url.contains(".md#")
                    || url.contains(".MD#"))
    };
    let contents = own_link.is_some_and(anchor)
        && parts.authors.is_none()
        && parts.venue.is_none()
        && links.iter().all(|&(_, _, url)| anchor(url));
    // ... unless an identifier says which paper it is: enrichment gives the rest.
    if (venue_only || contents) && entry.arxiv.is_none() && entry.doi.is_none() {
        return None;
    }
    if entry.links.paper.is_none() {
        entry.links.paper = links
            .iter()
            .find(|(r, _, u)| {
                *r == LinkRole::Title && (ids::is_arxiv_url(u) || ids::doi_from_url(u).is_some())
            })
            .map(|(_, _, u)| u.to_string());
    }

    // The date: from the text, else the year of the nearest year heading.
    entry.date = parts.date.or_else(|| {
        // A year that parses has ASCII digits; most section names have none.
        let may_be_year = |s: &&String| s.bytes().any(|b| b.is_ascii_digit());
        sections.iter().rev().filter(may_be_year).find_map(|s| {
            year_only(s)
                .and_then(|year| year.parse().ok())
                .map(Date::year)
        })
    });
    // A link into proceedings or a journal says where, and often when, the paper appeared
    // (`aclanthology.org/P19-1215` is ACL 2019): the published year wins over a preprint's.
    if let Some((v, year)) = venue_of_url {
        parts.venue = Some(v);
        if let Some(year) = year.filter(|&y| entry.date.is_none_or(|d| d.year != y)) {
            entry.date = Some(Date::year(year));
        }
    }
    // A venue mdbib does not know (`BIBM 2023`) still says the paper appeared there: the entry is
    // no preprint, whose writers have no place for a venue, but a work of unknown kind.
    entry.kind = match (parts.kind, parts.venue.as_ref()) {
        (Some(kind), _) => kind,
        (None, Some(v)) => venue::kind_of_cited(v).unwrap_or(Kind::Other),
        (None, None) if entry.arxiv.is_some() => Kind::Preprint,
        (None, None) => Kind::Other,
    };
    // A conference or journal paper's month and day are its venue's, which a date beside the
    // venue does not tell: that dates the preprint (`[2023-02] [ICSE 2023]`; ICSE met in May).
    if entry.kind.is_published() && !parts.venue_dated {
        entry.date = (entry.date).map(|d| venue::year_of_paper(parts.venue.as_ref(), d));
    }
    entry.venue = parts.venue;
    if let Some(authors) = parts.authors {
        entry.authors = authors.people;
        entry.et_al = authors.et_al;
        entry.mark(Field::Authors, Source::List, None);
    }
    for field in [
        Field::Venue,
        Field::Date,
        Field::Arxiv,
        Field::Doi,
        Field::Links,
    ] {
        entry.mark(field, Source::List, None);
    }
    if !sections.is_empty() {
        entry.sections = vec![sections];
    }
    Some(entry)
}

/// Whether a title is only a venue known to mdbib, with its year or not (`ECCV 2024`, `ICLR`):
/// a link to another list or a conference page, no paper.
fn is_venue_only(title: &str) -> bool {
    if title.len() > 60 || title.bytes().filter(|&b| b == b' ').count() > 4 {
        return false;
    }
    let name = match title.trim_end().rsplit_once(' ') {
        Some((name, year)) if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => title,
    };
    venue::known(name).is_some()
}

/// Keeps a link of no particular role, labelled as the list labels it (`[blog]` → `blog`; a URL as
/// label → none). Anchors in the same page and relative paths lead nowhere outside the list.
fn push_other_link(other: &mut Vec<(String, String)>, label: &str, url: &str) {
    let absolute = url.contains("://") || url.starts_with("www.");
    if !absolute || other.iter().any(|(_, u)| u == url) {
        return;
    }
    let label = text::clean(label);
    let label = label.trim_matches(|c: char| matches!(c, '[' | ']' | '(' | ')' | ':' | ' '));
    let label = if looks_like_url(label) { "" } else { label };
    other.push((label.to_string(), url.to_string()));
}

/// Whether a link points at a heading of a list, as tables of contents do: `#papers`, or the
/// section its label names in a GitHub repository's README
/// (`[Survey](https://github.com/owner/list#survey-)`, `.../blob/main/README.md#survey`).
fn is_heading_link(label: &str, url: &str) -> bool {
    if url.starts_with('#') {
        return true;
    }
    let Some((page, fragment)) = url.split_once('#') else {
        return false;
    };
    let Some(path) = ["https://github.com/", "http://github.com/"]
        .iter()
        .find_map(|p| page.strip_prefix(p))
    else {
        return false;
    };
    let segments: SmallVec<[&str; 6]> = path.trim_end_matches('/').split('/').collect();
    let readme = segments.len() == 2
        || segments.get(2) == Some(&"blob") && path.to_ascii_lowercase().ends_with(".md");
    // GitHub's anchor for a heading: lower case, spaces as `-`, other punctuation dropped.
    let slug: String = label
        .trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect();
    readme && !slug.is_empty() && fragment.to_lowercase().contains(&slug)
}

/// A link label that names a page and nothing more: `Link`, `Homepage`, `Website`, `Download`.
fn is_page_label(label: &str) -> bool {
    let label = label.trim().to_ascii_lowercase();
    matches!(
        label.as_str(),
        "" | "link"
            | "homepage"
            | "home"
            | "website"
            | "web"
            | "page"
            | "site"
            | "download"
            | "data"
            | "dataset"
            | "url"
    )
}

/// Removes the brackets and separators that link labels leave behind: `[]`, `()`, `[ ] [ ]`, `|`.
fn strip_link_debris(text: &str) -> Cow<'_, str> {
    const DEBRIS: [&str; 6] = ["[]", "()", "[ ]", "( )", "||", "| |"];
    // What a link leaves between a sentence's period and the comma after it (`Ann Lee, Bo Li.
    // [[abs](url)], 2020`): the comma goes with it.
    const SEPARATED: [(&str, &str); 2] = [(". ,", "."), (", ,", ",")];
    if memchr::memchr3(b'[', b'(', b'|', text.as_bytes()).is_none() {
        return text::collapse_whitespace(trim_debris_end(text));
    }
    let mut s = text.to_string();
    // Removing one kind may leave another (`[ [] ]`): passes run until one changes nothing.
    let mut changed = true;
    while changed {
        changed = false;
        for debris in DEBRIS {
            if s.contains(debris) {
                s = s.replace(debris, "");
                changed = true;
            }
        }
    }
    for (debris, kept) in SEPARATED {
        if s.contains(debris) {
            s = s.replace(debris, kept);
        }
    }
    Cow::Owned(text::collapse_whitespace(trim_debris_end(&s)).into_owned())
}

/// Trims what a link at the end leaves behind: separators, and the sentence's own period after
/// the link (`Title. ICML 2019. [[pdf]](url).` leaves `ICML 2019. .`).
fn trim_debris_end(text: &str) -> &str {
    let mut text = text.trim_end_matches(['|', ' ', '/']);
    while let Some(rest) = text.strip_suffix(['.', ',', ';']) {
        let rest = rest.trim_end_matches(' ');
        if rest.len() == text.len() - 1 || !rest.ends_with(['.', ',', ';', '|', '/']) {
            break;
        }
        text = rest.trim_end_matches(['|', ' ', '/']);
    }
    text
}

/// Splits `Title. Venue Year.` into its parts. The venue is accepted only when it looks like one;
/// `whole_may_be_venue` allows text that is only `Venue Year` (a line after the title).
fn split_venue_year(text: &str, whole_may_be_venue: bool) -> (String, Option<Venue>, Option<i32>) {
    let text = &*unglue_venue_year(text);
    // The words after the year go only with a venue before it: `The COVID-19 2020 Poster` is a
    // title.
    let (stripped, part) = strip_qualifier(text);
    if stripped.len() < text.len() {
        if let (rest, Some(v), year) = split_venue_year_at_end(stripped, whole_may_be_venue) {
            let v = match part {
                Some(part) => venue::recognise(&format!("{} {part}", v.written)).unwrap_or(v),
                None => v,
            };
            return (rest, Some(v), year);
        }
    }
    split_venue_year_at_end(text, whole_may_be_venue)
}

/// Where the venue before a year starts: after the last sentence boundary of `text`, `. `, `(`,
/// `[`, `, ` or a dash; the boundary's start and end.
fn last_boundary(text: &str) -> Option<(usize, usize)> {
    [". ", "(", "[", ", ", " - ", "—", "–", "*"]
        .iter()
        .filter_map(|b| text.rfind(b).map(|i| (i, i + b.len())))
        .max_by_key(|(i, _)| *i)
}

/// A venue without the words that say a paper was accepted there: `Accepted by CVPR`, `accepted
/// to ICLR`, `Accepted at NeurIPS`.
fn accepted_by(venue: &str) -> &str {
    let Some((first, rest)) = venue.split_once(' ') else {
        return venue;
    };
    let (second, rest) = rest.split_once(' ').unwrap_or((rest, ""));
    let accepted = first.eq_ignore_ascii_case("accepted")
        && ["by", "to", "at", "in", "for"]
            .iter()
            .any(|w| second.eq_ignore_ascii_case(w));
    if accepted && !rest.trim().is_empty() {
        rest.trim()
    } else {
        venue
    }
}

/// `CVPR2023`, `CoRL2017` or `NeurIPS'2022` at the end of `text` written with a space, as `CVPR
/// 2023`, when the letters are a venue mdbib knows; a known conference's year in two digits
/// (`ACL23`, `CVPR'19`, `EMNLP 18`, `ICML-20`) in four. Two digits up to 49 are 20xx, others 19xx
/// (`NIPS'99`). A journal's two digits stay: `Nature 18` may be a volume.
fn unglue_venue_year(text: &str) -> Cow<'_, str> {
    let end = text
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ')' | ']'))
        .len();
    let start = text[..end].rfind([' ', '(', '[', ',']).map_or(0, |i| i + 1);
    let word = &text[start..end];
    // The year's digits, and the letters before them.
    let digits = word.len() - word.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let year = &word[word.len() - digits..];
    let mut letters = word[..word.len() - digits].trim_end_matches(['\'', '’', '-']);
    let mut at = start + letters.len();
    let year = match digits {
        4 if year.starts_with("19") || year.starts_with("20") => Cow::Borrowed(year),
        2 => {
            if letters.is_empty() && start > 0 {
                // `EMNLP 18`, `EMNLP '18`, `CVPR' 14`: the venue is the word before.
                let before = text[..start].trim_end_matches(' ');
                let word_start = before.rfind([' ', '(', '[', ',']).map_or(0, |i| i + 1);
                letters = before[word_start..].trim_end_matches(['\'', '’']);
                at = word_start + letters.len();
            }
            if !venue::is_conference(letters) {
                return Cow::Borrowed(text);
            }
            let century = if year < "50" { "20" } else { "19" };
            Cow::Owned(format!("{century}{year}"))
        }
        _ => return Cow::Borrowed(text),
    };
    if !letters.ends_with(|c: char| c.is_ascii_alphabetic()) || venue::known(letters).is_none() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(format!("{} {}{}", &text[..at], year, &text[end..]))
}

/// Splits off what follows a year and is no part of a title (`ICCV 2019 Oral`,
/// `NAACL 2019 Best Long Paper`, `ICML 2020 Workshop`), and returns the part of a venue it names
/// (`Workshop`, `Findings`), if any. How a paper was presented (oral, spotlight, an award) is
/// dropped.
fn strip_qualifier(text: &str) -> (&str, Option<&str>) {
    const PRESENTED: [&str; 12] = [
        "award",
        "best long paper",
        "best paper",
        "best paper award",
        "best short paper",
        "best student paper",
        "highlight",
        "honorable mention",
        "oral",
        "outstanding paper",
        "poster",
        "spotlight",
    ];
    let end = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ',' | ';' | '*' | ')' | ']')
    });
    let Some(last_digit) = end.rfind(|c: char| c.is_ascii_digit()) else {
        return (text, None);
    };
    let (before, after) = end.split_at(last_digit + 1);
    let year_ends_before = before.len() >= 4
        && before.as_bytes()[before.len() - 4..]
            .iter()
            .all(u8::is_ascii_digit)
        && before[..before.len() - 4].ends_with(|c: char| !c.is_alphanumeric())
        && matches!(&before[before.len() - 4..before.len() - 2], "19" | "20");
    let qualifier = after.trim_start_matches([' ', ',', '-', '(']).trim();
    if !year_ends_before || qualifier.is_empty() {
        return (text, None);
    }
    let lower = qualifier.to_ascii_lowercase();
    // A track of the conference (`NeurIPS 2025 DB Highlight`, `D&B`): its proceedings are the
    // conference's.
    let presented = [
        "datasets and benchmarks track",
        "datasets and benchmarks",
        "d&b",
        "db",
    ]
    .iter()
    .find_map(|track| lower.strip_prefix(track))
    .filter(|rest| rest.is_empty() || rest.starts_with(' '))
    .map_or(lower.as_str(), str::trim_start);
    if presented.is_empty() || PRESENTED.contains(&presented) {
        (before, None)
    } else if matches!(lower.as_str(), "findings" | "workshop" | "workshops")
        // `ICML 2023 Workshop on Efficient Systems`: a named workshop.
        || (lower.starts_with("workshop on ") && qualifier.split_whitespace().count() <= 8)
    {
        (before, Some(qualifier))
    } else {
        (text, None)
    }
}

fn split_venue_year_at_end(
    text: &str,
    whole_may_be_venue: bool,
) -> (String, Option<Venue>, Option<i32>) {
    let Some(caps) = trailing_year(text) else {
        return (text.to_string(), None, None);
    };
    let (Some(whole), Some(year_match)) = (caps.get(0), caps.get(1)) else {
        return (text.to_string(), None, None);
    };
    let year: i32 = year_match.as_str().parse().unwrap_or_default();
    let before = &text[..whole.start()];
    let venue_at = |start: usize| {
        before[start..]
            .trim()
            .trim_end_matches([',', '-', '\''])
            .trim()
    };
    let mut boundary = last_boundary(before);
    // ... but a journal's name abbreviated word by word runs back over the periods of its words
    // (`Comput. Secur. 2021`, `Title. IEEE Trans. Pattern Anal. Mach. Intell. 2020`).
    if let Some(start) = venue::abbreviated_start(before) {
        let reaches_further = boundary.is_none_or(|(_, venue_start)| start < venue_start);
        if reaches_further && venue::recognise(venue_at(start)).is_some() {
            let title = before[..start].trim_end_matches([' ', '(', '[', ',', ';', '.']);
            boundary = Some((title.len(), start));
        }
    }
    let (title_end, venue_start) = boundary.unwrap_or((0, 0));
    let venue_text = venue_at(venue_start);
    // `"Title", arXiv, Dec 2023`, `TMLR. 28 May 2022`: a month (and its day) before the year
    // dates the work; a venue may stand before it.
    if venue_start > 0 && venue::is_date_words(venue_text) {
        let earlier = before[..venue_start].trim_end();
        return split_venue_year_at_end(&format!("{earlier} {year}"), whole_may_be_venue);
    }
    // `..., Chi-Wing Fu, and Jiaya Jia ICCV 2021`, `Vladimir G. Kim,3DV 2020`: a known venue
    // right after the last names; the names stay with the text before it.
    // `Abhinav Gupta IROS 2018` too: a known venue after words that are no venue.
    let after_names = || {
        let words: SmallVec<[&str; 4]> = venue_text.split_whitespace().collect();
        words.len() >= 3
            && venue::known(venue_text).is_none()
            && venue::known(words[0]).is_none()
            && words[..words.len() - 1].iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-'))
                    && !matches!(
                        *w,
                        "IEEE" | "ACM" | "International" | "Journal" | "Transactions"
                    )
            })
    };
    if venue_text.contains([',', ';'])
        || venue_text
            .split_whitespace()
            .any(|w| w == "and" || w == "&")
        || after_names()
    {
        let end = before.trim_end().len();
        let start = before[..end].rfind([' ', ',']).map_or(0, |i| i + 1);
        if let Some(v) = venue::known(&before[start..end]).filter(|_| start > 0) {
            let rest = before[..start].trim_end().trim_end_matches(',');
            return (rest.to_string(), Some(v), Some(year));
        }
    }
    if venue_text.is_empty() {
        // `Title. ICCV, 2023`, `Title. Nature Medicine (2023)`: a venue before the comma or
        // parenthesis, when mdbib knows it or its words say it is one (not `Ian Goodfellow,
        // Yoshua Bengio, 2016`).
        let title = &before[..title_end];
        // After a title read already (`[Title](url), ICCV, 2023`), the whole text may be one.
        let whole = (whole_may_be_venue && !title.trim().is_empty()).then_some((0, 0));
        if let Some((end, start)) = last_boundary(title).or(whole) {
            let named = accepted_by(title[start..].trim());
            let v = venue::recognise(named).filter(|v| {
                venue::known(&v.written).is_some()
                    || venue::kind_of(v).is_some() && authors::parse(named).is_none()
            });
            if let Some(v) = v {
                return (title[..end].to_string(), Some(v), Some(year));
            }
        }
        // A bare year: `Title (2015)` or `Title. 2015`.
        return (title.to_string(), None, Some(year));
    }
    if boundary.is_none() && !whole_may_be_venue && !before.trim().is_empty() {
        // `Title 2020`: nothing that could be a venue stands between title and year.
        return (before.trim_end().to_string(), None, Some(year));
    }
    match venue::recognise(accepted_by(venue_text)) {
        Some(v) if venue_start > 0 || whole_may_be_venue => {
            (before[..title_end].to_string(), Some(v), Some(year))
        }
        // `MIMIC-III, a freely accessible critical care database 2016`: words that are no venue
        // before the year are the title's, as they are without a comma.
        _ if !whole_may_be_venue && !before.trim().is_empty() => {
            (before.trim_end().to_string(), None, Some(year))
        }
        _ => (text.to_string(), None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A date known to the month.
    fn year_month(year: i32, month: u8) -> Date {
        Date {
            month: Some(month),
            ..Date::year(year)
        }
    }

    #[test]
    fn cuts_come_before_headings_after_blank_lines() {
        let md = "# T\n\n- [A](u)\n\n## One\n- [B](v)\n## Two\n\n### Three\n#tag\n\n####### x\n";
        let at = |h: &str| md.find(h).unwrap();
        assert_eq!(cuts(md, 1), [at("## One"), at("### Three")]);
        // Pieces are at least `min_piece` long.
        assert_eq!(cuts(md, 20), [at("### Three")]);
        assert!(cuts(md, 1 << 20).is_empty());
    }

    fn read_by_pieces(md: &str) -> Vec<Reference> {
        let mut refs = Vec::new();
        read_in_pieces(md, Path::new("t.md"), 1, &mut |r| refs.push(r));
        refs
    }

    #[test]
    fn pieces_never_end_inside_code_or_comments() {
        for md in [
            "a\n\n```sh\n\n# comment\n- [Paper Title In Code](https://arxiv.org/abs/2301.00001)\n```\n",
            "a\n\n> ~~~\n>\n# x\n",
            "a\n\n<!--\n\n# hidden\n- [Paper Title In Comment](https://arxiv.org/abs/2301.00001)\n-->\n",
            "a\n\n<pre>\n\n# code\n</pre>\n",
            // An HTML block ends at a blank line, so the fence after it is real and runs on.
            "<details>\n<!--\n\n```\n-->\n\n## Papers\n- [Hidden Paper Title](https://arxiv.org/abs/2301.00001)\n",
        ] {
            assert_eq!(read_by_pieces(md), read(md, Path::new("t.md")), "{md:?}");
        }
        assert!(
            read_by_pieces("a\n\n```\n\n# x\n- [P Q R](https://arxiv.org/abs/2301.00001)\n")
                .is_empty()
        );
        let open = "<!--\n\n# x\n- [Paper Title](https://arxiv.org/abs/2301.00001)\n";
        assert!(read_by_pieces(open).is_empty());
        // A fence that closes lets the next piece be read.
        let md =
            "a\n\n```\n# x\n```\n\n# y\n\n- [Paper After Code](https://arxiv.org/abs/2301.00001)\n";
        assert_eq!(read_by_pieces(md).len(), 1);
    }

    #[test]
    fn a_label_defined_twice_keeps_its_first_definition_across_pieces() {
        let md = "# T\n\n[tr]: https://arxiv.org/abs/1706.03762\n\n## B\n\n[TR]: https://arxiv.org/abs/2103.00020\n- [Attention Is All You Need][tr]\n";
        let refs = read_by_pieces(md);
        assert_eq!(refs, read(md, Path::new("t.md")));
        assert_eq!(
            refs[0].arxiv.as_ref().map(|a| a.id.as_str()),
            Some("1706.03762")
        );
    }

    #[test]
    fn reference_links_resolve_across_pieces() {
        let md = "# T\n\n## A\n\n- [Attention Is All You Need][tr] 2017\n\n## B\n\n[TR]: https://arxiv.org/abs/1706.03762\n";
        assert_eq!(cuts(md, 1).len(), 2);
        let mut refs = Vec::new();
        read_in_pieces(md, Path::new("t.md"), 1, &mut |r| refs.push(r));
        assert_eq!(refs, read(md, Path::new("t.md")));
        assert_eq!(
            refs[0].arxiv.as_ref().map(|a| a.id.as_str()),
            Some("1706.03762")
        );
        // The first definition of a label wins, as when the text is read whole.
        let md = format!("{md}\n## C\n\n[tr]: https://arxiv.org/abs/2103.00020\n");
        let mut refs = Vec::new();
        read_in_pieces(&md, Path::new("t.md"), 1, &mut |r| refs.push(r));
        assert_eq!(refs, read(&md, Path::new("t.md")));
        assert_eq!(
            refs[0].arxiv.as_ref().map(|a| a.id.as_str()),
            Some("1706.03762")
        );
    }

    /// The section paths of `r`, as vectors.
    fn paths(r: &Reference) -> Vec<Vec<String>> {
        r.sections.iter().map(|p| p.to_vec()).collect()
    }

    fn one(md: &str) -> Reference {
        let refs = read(md, Path::new("t.md"));
        assert_eq!(refs.len(), 1, "{refs:#?}");
        refs.into_iter().next().unwrap()
    }

    #[test]
    fn sections_about_the_list_give_no_entries_and_contents_no_section() {
        let md = "# Awesome Papers\n\n## Awesome list criteria\n\n\
            4. Please refer to *New Papers* for the papers published before 2012.\n\
            - **< 6 months** : *New Papers* (by discussion)\n\n\
            ## Contents\n\n- [Vision](#vision)\n\n### Vision\n\n\
            - **Deep Residual Learning** (2016), K. He et al. [[pdf]](https://arxiv.org/pdf/1512.03385)\n\n\
            ## Contributing\n\n- Fork the Repository and Open a Pull Request. [[guide]](https://example.org/c)\n";
        let r = one(md);
        assert_eq!(r.title, "Deep Residual Learning");
        assert_eq!(paths(&r), [["Vision"]]);
    }

    #[test]
    fn a_link_label_that_goes_on_on_the_next_line_keeps_its_space() {
        for md in [
            "- [Learning Transferable Visual Models From\n  Natural Language Supervision](https://arxiv.org/abs/2103.00020)\n",
            "[Learning Transferable Visual Models From\nNatural Language Supervision](https://arxiv.org/abs/2103.00020)\n",
        ] {
            let r = one(md);
            assert_eq!(
                r.title,
                "Learning Transferable Visual Models From Natural Language Supervision"
            );
        }
    }

    #[test]
    fn a_paragraph_of_a_tag_and_a_titled_paper_link_is_a_paper() {
        let r = one("It's based on our survey paper:\n\n> [Nature Reviews Bioengineering🔥]\n> [Application of Large Language Models in Medicine](https://www.nature.com/articles/s44222-025-00279-5)\n");
        assert_eq!(r.title, "Application of Large Language Models in Medicine");
        assert_eq!(r.doi.as_deref(), Some("10.1038/s44222-025-00279-5"));
        assert_eq!(r.kind, Kind::JournalArticle);
    }

    #[test]
    fn seed_style_item() {
        let r = one("### Pre-training\n\n**2022**\n\n- MedCLIP: Contrastive Learning from Unpaired Medical Images and Text. EMNLP 2022. [[paper](https://arxiv.org/pdf/2210.10163.pdf)][[code](https://github.com/RyanWangZf/MedCLIP)]\n");
        assert_eq!(
            r.title,
            "MedCLIP: Contrastive Learning from Unpaired Medical Images and Text"
        );
        assert_eq!(r.venue.as_ref().unwrap().name, "EMNLP");
        assert_eq!(r.year(), Some(2022));
        assert_eq!(r.kind, Kind::ConferencePaper);
        assert_eq!(r.arxiv.as_ref().unwrap().id, "2210.10163");
        assert_eq!(
            r.links.code.as_deref(),
            Some("https://github.com/RyanWangZf/MedCLIP")
        );
        assert_eq!(paths(&r), [["Pre-training", "2022"]]);
        assert_eq!(r.origin.line, 5);
    }

    #[test]
    fn year_from_bold_heading_when_text_has_none() {
        let r = one(
            "**2021**\n\n- SCEHR: Supervised Contrastive Learning for Clinical Risk Prediction\n",
        );
        assert_eq!(r.year(), Some(2021));
        assert_eq!(r.kind, Kind::Other);
        assert!(r.venue.is_none());
    }

    #[test]
    fn table_of_contents_is_skipped() {
        let refs = read(
            "## Contents\n* [Datasets](#datasets)\n* [Papers](#papers)\n",
            Path::new("t.md"),
        );
        assert!(refs.is_empty(), "{refs:#?}");
        // Numbered, and with the README's full address.
        let refs = read(
            "## Contents\n1. [Models](#1-models)\n\n   1.1 [Encoders](#11-encoders)\n\n- [Survey](https://github.com/owner/list#survey-)\n- [Data](https://github.com/owner/list/blob/main/README.md#data)\n",
            Path::new("t.md"),
        );
        assert!(refs.is_empty(), "{refs:#?}");
        // A repository's own section as a paper's code link is no table of contents.
        let r = one("- [MAE: Masked Autoencoders Are Scalable Vision Learners](https://github.com/facebookresearch/mae#fine-tuning)");
        assert_eq!(
            r.title,
            "MAE: Masked Autoencoders Are Scalable Vision Learners"
        );
    }

    #[test]
    fn venues_with_several_words() {
        let r = one("- Generalized radiograph representation learning. Nature Machine Intelligence 2022. [[paper](https://arxiv.org/abs/2111.03452)]\n");
        assert_eq!(r.kind, Kind::JournalArticle);
        assert_eq!(r.title, "Generalized radiograph representation learning");
        let r = one(
            "- Adapting Models. NIPS workshop 2022. [[paper](http://arxiv.org/abs/2210.04133)]\n",
        );
        assert_eq!(r.venue.unwrap().name, "NeurIPS Workshops");
        assert_eq!(r.kind, Kind::ConferencePaper);
    }

    #[test]
    fn a_published_venues_year_wins_over_an_earlier_bare_date() {
        let r = one("- \"The Rise and Down of Babel Tower\" [2024-12] [ICLR 2025] [[paper](https://arxiv.org/abs/2412.00001)]\n");
        assert_eq!(
            (r.venue.unwrap().name, r.date.unwrap()),
            ("ICLR".to_string(), Date::year(2025))
        );
        // So does a venue mdbib does not know (`AST@ICSE 2022`), after a date of its own too.
        let r = one("- \"Unit Test Case Generation\" [2020-09] [AST@ICSE 2022] [[paper](https://arxiv.org/abs/2009.05617)]\n");
        assert_eq!(r.date.unwrap(), Date::year(2022));
        let r = one("- \"pix2code: Generating Code\", 2017-05, EICS 2018, [[paper](https://arxiv.org/abs/1705.07962)]\n");
        assert_eq!(r.date.unwrap(), Date::year(2018));
        // A site's name is no venue that publishes.
        let r = one("- \"Some Paper Title Here\" [2023-05] [GitHub 2024] [[paper](https://example.com/x)]\n");
        assert_eq!(r.date.unwrap(), year_month(2023, 5));
        // A preprint server's year does not: the first date stays.
        let r = one("- \"Some Title Here\" [2024-12] [arXiv 2025]\n");
        assert_eq!(r.date.unwrap(), year_month(2024, 12));
        // Nor does a venue that came second.
        let r = one("- \"Some Title Here\" [ICML 2023] [NeurIPS 2024]\n");
        assert_eq!(
            (r.venue.unwrap().name, r.date.unwrap()),
            ("ICML".to_string(), Date::year(2023))
        );
    }

    #[test]
    fn a_qualifier_after_the_year_stays_with_the_venue() {
        for (tag, venue, year) in [
            ("[ACL 2024 Findings]", "ACL Findings", 2024),
            ("[EMNLP 2023 findings]", "EMNLP Findings", 2023),
            ("[CVPR 2023 Workshop]", "CVPR Workshops", 2023),
            ("[ICLR 2024 Spotlight]", "ICLR", 2024),
            ("[LREC-COLING 2024]", "LREC-COLING", 2024),
        ] {
            let r = one(&format!("- \"Some Paper Title\" {tag}\n"));
            assert_eq!(
                (r.venue.unwrap().name.as_str(), r.date.unwrap().year),
                (venue, year),
                "{tag}"
            );
        }
    }

    #[test]
    fn a_known_venue_after_the_last_author_is_not_part_of_the_names() {
        let r = one("- Guided Point Contrastive Learning\n  [[pdf]](https://arxiv.org/pdf/2110.08188)\n  - Li Jiang, Shu Liu, Chi-Wing Fu, and Jiaya Jia *ICCV 2021*\n");
        assert_eq!(r.venue.as_ref().unwrap().name, "ICCV");
        assert_eq!(family_names(&r), ["Jiang", "Liu", "Fu", "Jia"]);
        let r =
            one("- Orientation Estimation\n  [[pdf]](https://example.org/o.pdf)\n  - Omid Poursaeed, and Vladimir G. Kim,*3DV 2020*\n");
        assert_eq!(r.venue.as_ref().unwrap().name, "3DV");
        assert_eq!(family_names(&r), ["Poursaeed", "Kim"]);
        // A venue name of several words with `and` in it stays whole.
        let r = one("- Some Paper Title. Conference on Vision and Learning 2021.\n");
        assert_eq!(r.venue.unwrap().name, "Conference on Vision and Learning");
    }

    #[test]
    fn a_venue_written_out_after_the_names_is_no_author() {
        let r = one("- [Temporal segmentation](https://ieeexplore.ieee.org/document/5204354) - Spriggs, Ekaterina H., Fernando De La Torre, and Martial Hebert, Computer Vision and Pattern Recognition Workshops, WCVPR 2009.\n");
        assert_eq!(family_names(&r), ["Spriggs", "Torre", "Hebert"]);
        // The venue mdbib does not know is the venue.
        let r = one("- Long-Range Perception\n  [[pdf]](https://example.org/p.pdf)\n  - Mirko Nava, Luca M. Gambardella, Alessandro Giusti, *Robotics and Automation Letters*\n");
        assert_eq!(family_names(&r), ["Nava", "Gambardella", "Giusti"]);
        assert_eq!(r.venue.unwrap().name, "Robotics and Automation Letters");
        // After a sentence's period, not an initial's.
        let r = one("- Long-Range Perception\n  [[pdf]](https://example.org/p.pdf)\n  - Mirko Nava, Luca M. Gambardella, Alessandro Giusti. *Robotics and Automation Letters*\n");
        assert_eq!(family_names(&r), ["Nava", "Gambardella", "Giusti"]);
        assert_eq!(r.venue.unwrap().name, "Robotics and Automation Letters");
        // Names with such a word (`BigScience Workshop et al.`) stay names, and words of a
        // field (`Neural Computation`) name no venue.
        let r = one("- **Deep Things Are Near** (2016), BigScience Workshop et al. [[pdf]](https://arxiv.org/abs/2301.00095)\n");
        assert_eq!(family_names(&r), ["Workshop"]);
        assert!(r.venue.is_none());
        let r = one("- Deep Things Are Far (2016), Ann Lee, Bo Li, Neural Computation [[pdf]](https://arxiv.org/abs/2301.00095)\n");
        assert_eq!(r.title, "Deep Things Are Far");
        let r = one("1. **Molecular Graph Convolutions.** Journal of computer-aided molecular design 2016. [paper](https://arxiv.org/pdf/1603.00856.pdf)\n");
        assert_eq!(
            r.venue.unwrap().name,
            "Journal of computer-aided molecular design"
        );
        assert_eq!(r.date.unwrap().year, 2016);
        // A sentence after a title is no venue, whatever its words.
        let r = one("- [Some Title](https://example.org/t) - A study of Deep Learning for Computer Vision in the wild, with many results.\n");
        assert!(r.venue.is_none());
    }

    #[test]
    fn a_named_thing_with_a_short_description_is_titled_by_its_name() {
        for (line, title) in [
            ("- [EgoGesture](https://x.org/g) - 2k videos from 50 subjects performing 83 gestures.", "EgoGesture"),
            ("- [JPL](https://x.org/j) - Interaction with a robot.", "JPL"),
            ("- [ADL](https://x.org/a) - 20 subjects performing daily activities in their native environments.", "ADL"),
            // A subtitle in title case stays.
            ("- [BERT](https://x.org/b) - Pre-training of Deep Bidirectional Transformers", "BERT - Pre-training of Deep Bidirectional Transformers"),
            ("- [HandNet](https://x.org/h) - 3D Hand Pose Estimation in the Wild", "HandNet - 3D Hand Pose Estimation in the Wild"),
        ] {
            assert_eq!(one(&format!("{line}\n")).title, title, "{line}");
        }
    }

    #[test]
    fn a_description_after_the_links_is_no_title() {
        let r = one("- FAIR Self-Supervision Benchmark [[pdf]](https://arxiv.org/abs/1905.01235) [[repo]](https://github.com/f/b): various benchmark (and legacy) tasks for evaluating quality of visual representations.\n");
        assert_eq!(r.title, "FAIR Self-Supervision Benchmark");
        // A title after a link is the title.
        let r = one("- [[paper]](https://arxiv.org/abs/1905.01235): Scaling and Benchmarking Self-Supervised Visual Representation Learning\n");
        assert_eq!(
            r.title,
            "Scaling and Benchmarking Self-Supervised Visual Representation Learning"
        );
    }

    #[test]
    fn a_venue_with_commas_after_apa_names() {
        let r = one("- [Mitigating Bystander Privacy Concerns](http://x.org/j2.pdf) - Dimiccoli, M., Marín, J., & Thomaz, E., Proceedings of the ACM on Interactive, Mobile, Wearable and Ubiquitous Technologies 2018.\n");
        assert_eq!(family_names(&r), ["Dimiccoli", "Marín", "Thomaz"]);
        assert_eq!((r.kind, r.year()), (Kind::JournalArticle, Some(2018)));
        assert_eq!(
            r.venue.unwrap().name,
            "Proceedings of the ACM on Interactive, Mobile, Wearable and Ubiquitous Technologies"
        );
    }

    #[test]
    fn a_bold_name_before_a_title_without_a_colon() {
        let r = one("* [**Nature, 2023**] **NYUTron** Health system-scale language models are all-purpose prediction engines [paper](https://www.nature.com/articles/s41586-023-06160-y)\n");
        assert_eq!(
            r.title,
            "Health system-scale language models are all-purpose prediction engines"
        );
        // A bold title is the title; a short name before a short rest stays whole.
        let r = one("* **Attention Is All You Need** [paper](https://arxiv.org/abs/1706.03762)\n");
        assert_eq!(r.title, "Attention Is All You Need");
        let r = one("* **GPT-4** Technical Report [paper](https://arxiv.org/abs/2303.08774)\n");
        assert_eq!(r.title, "GPT-4 Technical Report");
    }

    #[test]
    fn links_to_the_parts_of_a_work_are_no_title_text() {
        let r = one("- Unsupervised Visual Learning Tutorial. *CVPR 2018* [[part 1]](https://www.youtube.com/watch?v=a) [[part 2]](https://www.youtube.com/watch?v=b)\n");
        assert_eq!(r.title, "Unsupervised Visual Learning Tutorial");
        assert_eq!(r.links.other.len(), 2);
    }

    #[test]
    fn a_link_labelled_book_is_no_text_of_the_entry() {
        let r = one("1. **Graph Networks.** KDD 2020. [book](https://x.org/d)\n");
        assert_eq!(r.year(), Some(2020));
        assert_eq!(r.venue.unwrap().name, "KDD");
        assert_eq!(r.links.paper.as_deref(), Some("https://x.org/d"));
        let r = one("1. **Introduction to Graph Neural Networks.** Synthesis Lectures on Artificial Intelligence and Machine Learning, Morgan & Claypool Publishers, 2020. [book](https://x.org/e)\n");
        assert_eq!(r.year(), Some(2020));
    }

    #[test]
    fn a_date_of_its_own_after_a_quoted_title() {
        let r = one("- \"A Survey of Recent Advances in Malware Detection\", 2022-09, ACM Computing Surveys, [[paper](https://dl.acm.org/doi/abs/10.1145/3638240)]\n");
        assert_eq!(r.title, "A Survey of Recent Advances in Malware Detection");
        // The date beside the journal is the preprint's: the paper keeps its year.
        assert_eq!(r.date, Some(Date::year(2022)));
        assert_eq!(r.venue.unwrap().name, "ACM Computing Surveys");
        let r = one("- \"Sketch2code: Generating a website from a paper mockup\", 2019-05, [[paper](https://arxiv.org/abs/1905.13750)]\n");
        assert_eq!(r.date, Some(year_month(2019, 5)));
        let r = one("3. **CodeParrot**, 2022-02, [[data](https://huggingface.co/datasets/codeparrot/github-code)]\n");
        assert_eq!(r.title, "CodeParrot");
        assert_eq!(r.date, Some(year_month(2022, 2)));
        // Not a word that labels a link, nor a name before a linked title.
        let r = one("- **Paper**, 2022-02, [[paper](https://arxiv.org/abs/2202.00001)]\n");
        assert!(r.arxiv.is_some());
        let r = one("- **StarCoder**, 2023-05, [StarCoder: may the source be with you!](https://arxiv.org/abs/2305.06161)\n");
        assert!(
            r.title.contains("may the source be with you"),
            "{}",
            r.title
        );
        assert!(r.authors.is_empty());
        // What follows the date is a venue or nothing, never authors; a year there is the
        // publication's.
        let r = one(
            "- \"Some Paper Title Here\", 2023-10, IEEE Access, [[paper](https://example.com/x)]\n",
        );
        assert!(r.authors.is_empty());
        let r = one("- \"I-MAD: Interpretable Malware Detector\", 2019-09, Comput. Secur. 2021, [[paper](https://arxiv.org/abs/1909.06865)]\n");
        assert!(r.authors.is_empty());
        assert_eq!(r.date.unwrap().year, 2021);
        // A number that is no date stays out.
        assert_eq!(written_date("2022-09x"), None);
        assert_eq!(written_date("20220"), None);
    }

    #[test]
    fn words_after_the_year_say_how_or_where_it_was_presented() {
        for (tail, venue, year) in [
            ("*ICCV 2019 Oral*", "ICCV", 2019),
            ("*NAACL 2019 Best Long Paper*", "NAACL", 2019),
            ("*ICML 2020 Workshop*", "ICML Workshops", 2020),
            ("NeurIPS 2025 Spotlight,", "NeurIPS", 2025),
            ("NeurIPS 2025 DB Highlight,", "NeurIPS", 2025),
            (
                "NeurIPS 2024 Datasets and Benchmarks Track",
                "NeurIPS",
                2024,
            ),
            ("ACL 2024 Findings.", "ACL Findings", 2024),
            (
                "ICML 2023 Workshop on Efficient Systems.",
                "ICML Workshop on Efficient Systems",
                2023,
            ),
        ] {
            let md = format!("- Some Paper About Things.\n  [[pdf]](https://arxiv.org/abs/1912.01991)\n  - Xueting Yan*, Ishan Misra†, Abhinav Gupta. {tail}\n");
            let r = one(&md);
            assert_eq!(
                r.venue.as_ref().map(|v| v.name.as_str()),
                Some(venue),
                "{tail}"
            );
            assert_eq!(r.year(), Some(year), "{tail}");
            assert_eq!(family_names(&r), ["Yan", "Misra", "Gupta"], "{tail}");
        }
        // Words after a year that belong to the title stay.
        let r = one("- The COVID-19 2020 Poster. [[pdf]](https://e.org/a.pdf)");
        assert_eq!(r.title, "The COVID-19 2020 Poster");
        let r = one("- Learning to Play in 2048 Dimensions. [[pdf]](https://e.org/a.pdf)");
        assert_eq!(r.title, "Learning to Play in 2048 Dimensions");
        assert_eq!(
            strip_qualifier("Solution for Challenge 2024 Oral"),
            ("Solution for Challenge 2024", None)
        );
        assert_eq!(
            strip_qualifier("Task 2014 Overview"),
            ("Task 2014 Overview", None)
        );
        assert_eq!(strip_qualifier("Top 12020 Oral"), ("Top 12020 Oral", None));
    }

    #[test]
    fn a_bold_name_ending_in_a_star_before_a_quoted_title() {
        let r = one("- **PaLM 2 \\*** (PaLM 2): \"PaLM 2 Technical Report\" [2023-05] [[paper](https://arxiv.org/abs/2305.10403)]");
        assert_eq!(r.title, "PaLM 2 Technical Report");
        assert_eq!(r.year(), Some(2023));
    }

    #[test]
    fn a_quoted_phrase_that_opens_a_title_is_part_of_it() {
        let r = one("- \"Nothing Abnormal\": Disambiguating Medical Reports via Contrastive Knowledge Infusion. AAAI 2023. [[paper](https://arxiv.org/abs/2305.08300)]");
        assert_eq!(
            r.title,
            "\"Nothing Abnormal\": Disambiguating Medical Reports via Contrastive Knowledge Infusion"
        );
        let r = one("- \"Evaluating Large Language Models Trained on Code\" [2021-07] [[paper](https://arxiv.org/abs/2107.03374)]");
        assert_eq!(r.title, "Evaluating Large Language Models Trained on Code");
        // Curly quotes are several bytes long.
        let r = one("- “Curly Quoted Title”: Rest [[paper](https://arxiv.org/abs/2401.00008)]");
        assert_eq!(r.title, "“Curly Quoted Title”: Rest");
        let r = one("- “Curly Quoted Title” 2024 [[paper](https://arxiv.org/abs/2401.00008)]");
        assert_eq!(r.title, "Curly Quoted Title");
    }

    #[test]
    fn labels_made_of_label_words_are_links_not_title() {
        let r = one("- UniverSeg: Universal Medical Image Segmentation [[project website]](https://universeg.csail.mit.edu) [[code-torch]](https://github.com/a/b) [[paper]](https://arxiv.org/abs/2304.06131)");
        assert_eq!(r.title, "UniverSeg: Universal Medical Image Segmentation");
        assert_eq!(
            r.links.project.as_deref(),
            Some("https://universeg.csail.mit.edu")
        );
        assert_eq!(r.links.code.as_deref(), Some("https://github.com/a/b"));
        assert_eq!(compound_label_role("unofficial-code"), Some(LinkRole::Code));
        assert_eq!(compound_label_role("code llama"), None);
    }

    #[test]
    fn a_month_dates_a_work_and_names_no_venue() {
        let r = one("- \"Language-conditioned Learning for Robotic Manipulation: A Survey\", *arXiv, Dec 2023*, [[Paper](https://arxiv.org/abs/2312.10807)]");
        assert_eq!(r.venue.as_ref().map(|v| v.name.as_str()), Some("arXiv"));
        assert_eq!((r.kind, r.year()), (Kind::Preprint, Some(2023)));
        let r = one("- \"Some Work on Robots\", *CoRL, Sept 2022*, [[Paper](https://arxiv.org/abs/2209.00001)]");
        assert_eq!(r.venue.as_ref().map(|v| v.name.as_str()), Some("CoRL"));
        assert_eq!(r.year(), Some(2022));
        // A blog's month is no venue either.
        let r = one("- \"ChatGPT for Robotics\", *Blog, Feb 2023*, [[Paper](https://arxiv.org/abs/2306.17582)]");
        assert_eq!((r.venue.as_ref(), r.year()), (None, Some(2023)));
        // A table's venue column may hold a month and year alone.
        let md = "| Title | Pub. & Date |\n|---|---|\n| [A Paper About Video](https://arxiv.org/abs/2111.10337) | Nov, 2021 |\n| [Frozen in Time](https://arxiv.org/abs/2104.00650) | ICCV, 2021 |\n";
        let refs = read(md, Path::new("t.md"));
        assert_eq!(
            (refs[0].venue.as_ref(), refs[0].kind),
            (None, Kind::Preprint)
        );
        assert_eq!(
            refs[1].venue.as_ref().map(|v| v.name.as_str()),
            Some("ICCV")
        );
        assert_eq!(
            (refs[1].kind, refs[1].year()),
            (Kind::ConferencePaper, Some(2021))
        );
    }

    #[test]
    fn names_then_a_date_written_out_in_a_paragraph_of_the_item() {
        let md = "1. **Transformers as Soft Reasoners over Language.**\n\n    *Peter Clark, Oyvind Tafjord, Kyle Richardson*. [[abs](https://arxiv.org/abs/2002.05867)], 2020.2\n";
        let r = one(md);
        assert_eq!(r.title, "Transformers as Soft Reasoners over Language");
        let names: Vec<String> = r.authors.iter().map(|p| p.display()).collect();
        assert_eq!(names, ["Peter Clark", "Oyvind Tafjord", "Kyle Richardson"]);
        assert_eq!(r.date.map(|d| (d.year, d.month)), Some((2020, Some(2))));
    }

    #[test]
    fn names_before_a_linked_title_are_its_authors() {
        let r = one("- Suh et al., *[A 1280×960 Dynamic Vision Sensor with a 4.95-μm Pixel Pitch and Motion Artifact Minimization](https://doi.org/10.1109/ISCAS45731.2020.9180436)*, IEEE Int. Symp. Circuits and Systems (ISCAS), 2020.");
        assert_eq!(
            r.title,
            "A 1280×960 Dynamic Vision Sensor with a 4.95-μm Pixel Pitch and Motion Artifact Minimization"
        );
        assert_eq!((r.authors[0].family.as_str(), r.et_al), ("Suh", true));
        assert_eq!(r.year(), Some(2020));
        // A label before a linked title names no one.
        let r = one("- Study Resource: [The Twelve-Factor App methodology](https://12factor.net/) provides free, concise principles.");
        assert!(r.authors.is_empty());
        // Two links labelled in brackets are link words, not a list of works' names.
        let r = one("- R-CNN, UC Berkeley [[Paper-CVPR14]](http://www.cv-foundation.org/a.pdf) [[Paper-arXiv14]](http://arxiv.org/pdf/1311.2524)");
        assert!(r.title.starts_with("R-CNN"));
    }

    #[test]
    fn a_short_name_before_a_quoted_title_is_no_part_of_it() {
        let r = one("1. <u>BookCorpus</u>: **\"Aligning Books and Movies: Towards Story-like Visual Explanations by Watching Movies and Reading Books\"**. *Yukun Zhu et al.*  ICCV 2015. [[Paper](https://arxiv.org/abs/1506.06724v1)]");
        assert!(
            r.title.starts_with("Aligning Books and Movies"),
            "{}",
            r.title
        );
        assert_eq!(r.venue.as_ref().map(|v| v.name.as_str()), Some("ICCV"));
        // A person's words stay a quotation, which is no work.
        let refs = read(
            "- Jitendra Malik: \"Supervision is the opium of the AI researcher\"\n",
            Path::new("t.md"),
        );
        assert!(refs.is_empty());
    }

    #[test]
    fn a_link_named_for_a_venue_after_the_title_is_no_title_text() {
        let md = "**Teaching Models to Express Their Uncertainty in Words** \\\n*Stephanie Lin, Jacob Hilton, Owain Evans* \\\nTMLR 2022. [[Paper](https://arxiv.org/abs/2205.14334)] [[TMLR](https://openreview.net/forum?id=8s8K2UZGTZ)]\n";
        let r = one(md);
        assert_eq!(
            r.title,
            "Teaching Models to Express Their Uncertainty in Words"
        );
        assert_eq!((r.kind, r.year()), (Kind::JournalArticle, Some(2022)));
        // Before the title, such a link is its venue tag (`[[CVPR](...)] Title`).
        let r = one("- [[CVPR](http://cvpr2017.thecvf.com/)] SyncSpecCNN: Synchronized Spectral CNN for 3D Shape Segmentation. [[torch](https://github.com/ericyi/SyncSpecCNN)]");
        assert_eq!(r.venue.as_ref().map(|v| v.name.as_str()), Some("CVPR"));
    }

    #[test]
    fn a_venue_after_the_names_without_its_year() {
        let r = one("- [2022/10] Instruction-Following Agents with Multimodal Transformer *Hao Liu et al. CVPR* [[paper](https://arxiv.org/abs/2210.13431)]");
        assert_eq!(r.venue.as_ref().map(|v| v.name.as_str()), Some("CVPR"));
        assert_eq!(r.kind, Kind::ConferencePaper);
        // A link into the proceedings names the venue more surely.
        let r = one("- [2019/04] **A Structural Probe for Finding Syntax in Word Representations.** *John Hewitt et al. ACL.*[[paper](https://aclanthology.org/N19-1419/)]");
        assert_eq!(r.venue.as_ref().map(|v| v.name.as_str()), Some("NAACL"));
    }

    #[test]
    fn a_quoted_title_then_a_venue_in_lower_case() {
        let r = one("* **CortexBench** \"Where are we in the search for an Artificial Visual Cortex for Embodied Intelligence?\" *arXiv, Mar 2023*. [[Paper](https://arxiv.org/abs/2303.18240)]");
        assert_eq!(
            r.title,
            "Where are we in the search for an Artificial Visual Cortex for Embodied Intelligence?"
        );
        assert_eq!(r.venue.as_ref().map(|v| v.name.as_str()), Some("arXiv"));
    }

    #[test]
    fn who_wrote_it_after_a_linked_title_is_no_part_of_it() {
        let r = one("1. [Monitoring Data Quality at Scale with Statistical Modeling](https://eng.uber.com/monitoring-data-quality-at-scale/) `Uber`");
        assert_eq!(
            r.title,
            "Monitoring Data Quality at Scale with Statistical Modeling"
        );
        let r = one("1. [Deep Neural Networks for YouTube Recommendations](https://research.google/pubs/pub45530/) `YouTube`");
        assert_eq!(r.title, "Deep Neural Networks for YouTube Recommendations");
        // A short linked name followed by words is not cut.
        let r = one("- [BERT](https://arxiv.org/abs/1810.04805) Pre-training of Deep Bidirectional Transformers");
        assert!(
            r.title.ends_with("Bidirectional Transformers"),
            "{}",
            r.title
        );
    }

    #[test]
    fn an_item_written_as_cells_gives_title_names_and_venue() {
        let r = one("- **[R-CNN]** Rich feature hierarchies for accurate object detection and semantic segmentation | Ross Girshick, Jeff Donahue, Trevor Darrell, Jitendra Malik | **[CVPR' 14]** |[`[pdf]`](https://arxiv.org/pdf/1311.2524.pdf)");
        assert_eq!(
            r.title,
            "Rich feature hierarchies for accurate object detection and semantic segmentation"
        );
        assert_eq!(r.authors.len(), 4);
        assert_eq!(r.venue.as_ref().map(|v| v.name.as_str()), Some("CVPR"));
        assert_eq!(r.year(), Some(2014));
        let r = one("- **[Fast R-CNN]** Fast R-CNN | Ross Girshick | **[ICCV' 15]** |[`[pdf]`](https://arxiv.org/pdf/1504.08083.pdf)");
        assert_eq!((r.title.as_str(), r.authors.len()), ("Fast R-CNN", 1));
    }

    #[test]
    fn fields_of_a_description_are_no_works() {
        let md = "- **Paper:** [Highly accurate protein structure prediction with AlphaFold](https://www.nature.com/articles/s41586-021-03819-2) (Nature, 2021)\n- **Approach:** DL\n- **Beyond static:** distogram\n- **Code:** N/A\n\n* ChatGLM：\n  * 地址：https://github.com/THUDM/ChatGLM-6B\n  * 简介：中文领域效果最好的开源底座模型之一\n";
        let refs = read(md, Path::new("t.md"));
        let titles: Vec<&str> = refs.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Highly accurate protein structure prediction with AlphaFold",
                "ChatGLM"
            ]
        );
        // A title with a subtitle after its colon stays one, linked or not.
        let r = one("- CLIP: Contrastive Pretraining. 2021.");
        assert_eq!(r.title, "CLIP: Contrastive Pretraining");
        assert!(
            is_field_line("Approach: DL")
                && !is_field_line("SCEHR: Supervised Contrastive Learning")
        );
    }

    #[test]
    fn links_back_up_the_page_name_no_section() {
        let md = "## 📖Survey ([©️back👆🏻](#paperlist))\n\n- Efficient Large Language Models: A Survey. [[pdf]](https://arxiv.org/abs/2312.03863)\n\n## [Segmentation](#segmentation)\n\n- SAM: Segment Anything. [[pdf]](https://arxiv.org/abs/2304.02643)\n";
        let refs = read(md, Path::new("t.md"));
        assert_eq!(paths(&refs[0]), [["Survey"]]);
        // A heading that is only a link to its own place keeps its name.
        assert_eq!(paths(&refs[1]), [["Segmentation"]]);
    }

    #[test]
    fn rows_of_results_and_lines_of_named_links_are_no_works() {
        let md = "| Detector | VOC07 (mAP) | VOC12 (mAP) | COCO | Published In |\n|---|---|---|---|---|\n| R-CNN | 58.5 | - | - | CVPR'14 |\n| MR-CNN | 78.2 (07+12) | 73.9 (07+12) | - | ICCV'15 |\n";
        assert!(read(md, Path::new("t.md")).is_empty());
        // A dataset table without links still lists its datasets.
        let md =
            "| Dataset | Year | Images |\n|---|---|---|\n| Pascal VOC | 2007 | 9963 images |\n";
        assert_eq!(read(md, Path::new("t.md")).len(), 1);
        // The names of several works, one link each: none of them is the line's.
        let md = "- **Symbolic Reasoning**: [Last Letter Concatenation](https://arxiv.org/abs/2201.11903), [Coin Flip](https://arxiv.org/abs/2201.11903), Reverse List\n- Chain of Thought Prompting Elicits Reasoning in Large Language Models. [[pdf]](https://arxiv.org/abs/2201.11903)\n";
        let refs = read(md, Path::new("t.md"));
        assert_eq!(refs.len(), 1);
        assert!(refs[0].title.starts_with("Chain of Thought"));
    }

    #[test]
    fn a_name_in_a_tag_before_the_title_stays_in_it() {
        let md = "| Date | Title | Paper |\n|---|---|---|\n|2022.10|🔥[**GPTQ**] GPTQ: ACCURATE POST-TRAINING QUANTIZATION FOR GENERATIVE PRE-TRAINED TRANSFORMERS(@IST Austria etc) |[[pdf]](https://arxiv.org/pdf/2210.17323.pdf)|\n";
        let refs = read(md, Path::new("t.md"));
        assert_eq!(
            refs[0].title,
            "GPTQ: ACCURATE POST-TRAINING QUANTIZATION FOR GENERATIVE PRE-TRAINED TRANSFORMERS"
        );
    }

    #[test]
    fn names_in_italics_after_a_title_end_it() {
        // The italics are gone from the text: the first author before `et al.` ends the title.
        let r = one("- [2023/05] Voyager: An open-ended embodied agent with large language models *Guanzhi Wang et al. Arxiv.* [[paper](https://arxiv.org/pdf/2305.16291.pdf)]");
        assert_eq!(
            r.title,
            "Voyager: An open-ended embodied agent with large language models"
        );
        assert_eq!((r.authors[0].family.as_str(), r.et_al), ("Wang", true));
        // An affiliation glued to the name is no part of it, and a bold title that asks ends.
        let r = one("- **How Much Knowledge Can You Pack Into the Parameters of a Language Model?** *Adam Roberts(Google) et al. arXiv.* [[paper](https://arxiv.org/abs/2002.08910)]");
        assert_eq!(
            r.title,
            "How Much Knowledge Can You Pack Into the Parameters of a Language Model?"
        );
        assert_eq!(r.authors[0].display(), "Adam Roberts");
        let r = one("- **Grounded Language Learning Fast and Slow.** *Felix Hill(University of Cambridge) et al. arXiv.* [[paper](https://arxiv.org/abs/2009.01719)]");
        assert_eq!(r.authors[0].display(), "Felix Hill");
        // A title that names people keeps them when no `et al.` follows.
        let r =
            one("- Learning From Ann Lee and Bo Li. [[paper](https://arxiv.org/abs/2009.01720)]");
        assert_eq!(r.title, "Learning From Ann Lee and Bo Li");
    }

    #[test]
    fn tags_in_brackets_after_a_title_that_ended_are_dropped() {
        let r = one("- [[CVPR](http://cvpr2017.thecvf.com/)] SyncSpecCNN: Synchronized Spectral CNN for 3D Shape Segmentation. [[torch](https://github.com/ericyi/SyncSpecCNN)] [__`seg.`__ __`oth.`__] :star:");
        assert_eq!(
            r.title,
            "SyncSpecCNN: Synchronized Spectral CNN for 3D Shape Segmentation"
        );
        assert_eq!(
            r.links.code.as_deref(),
            Some("https://github.com/ericyi/SyncSpecCNN")
        );
        // Brackets inside a title that has not ended stay.
        let r = one("- Learning with [MASK] Tokens [[paper](https://arxiv.org/abs/2009.01721)]");
        assert_eq!(r.title, "Learning with [MASK] Tokens");
    }

    #[test]
    fn a_year_and_venue_before_the_title_and_a_dash() {
        let r = one("[-] 2015-CVPR - Training Deep Neural Networks on Noisy Labels with Bootstrapping. [[Paper]](https://arxiv.org/abs/1412.6596)");
        assert_eq!(
            r.title,
            "Training Deep Neural Networks on Noisy Labels with Bootstrapping"
        );
        assert_eq!(r.venue.as_ref().map(|v| v.name.as_str()), Some("CVPR"));
        assert_eq!(r.year(), Some(2015));
        // A word after the year that is no venue is dropped with it.
        let r = one("- 2014-Survey - Classification in the Presence of Label Noise: a Survey. [[Paper]](https://example.org/survey.pdf)");
        assert_eq!(
            r.title,
            "Classification in the Presence of Label Noise: a Survey"
        );
        assert_eq!((r.venue.as_ref(), r.year()), (None, Some(2014)));
        // A title that starts with a number keeps it.
        let r = one("- 2048 Ways to Train a Network. [[Paper]](https://arxiv.org/abs/1412.6597)");
        assert_eq!(r.title, "2048 Ways to Train a Network");
        // A range of years is no prefix.
        let r = one("- 2024 - 2026, Research on Things in Great Depth. [[Paper]](https://arxiv.org/abs/1412.6598)");
        assert_eq!(r.title, "2024 - 2026, Research on Things in Great Depth");
    }

    #[test]
    fn the_patterns_bounded_in_code_keep_their_bounds() {
        let label = |n: usize| "a".repeat(n);
        assert_eq!(year_only(&format!("{}: 2024", label(40))), Some("2024"));
        assert_eq!(year_only(&format!("{}: 2024", label(41))), None);
        assert_eq!(year_only("  2024 "), Some("2024"));
        assert_eq!(year_only("Survey 2: 2024"), None);
        let tag = |n: usize| leading_tag(&format!("[{}] Title", label(n))).is_some();
        assert!(tag(60) && !tag(61));
        let name = |n: usize| trailing_short_name(&format!("A Title. ({})", label(n)));
        assert_eq!((name(30), name(31)), (Some(7), None));
        assert_eq!(trailing_short_name("A Title. (CLIP 2)"), None);
    }

    #[test]
    fn a_folded_group_named_by_a_topic_is_a_section_to_its_end() {
        let group = |summary: &str| {
            format!("## Papers\n\n<details>\n<summary>{summary}</summary>\n\n- SAM: Segment Anything. ICCV 2023. [[paper](https://arxiv.org/abs/2304.02643)]\n\n</details>\n\n- DETR: End-to-End Object Detection with Transformers. ECCV 2020. [[paper](https://arxiv.org/abs/2005.12872)]\n")
        };
        for (summary, section) in [
            ("Segmentation", "Segmentation"),
            ("<b>Vision-Language Models</b>", "Vision-Language Models"),
            ("<h3>Segmentation</h3>", "Segmentation"),
        ] {
            let refs = read(&group(summary), Path::new("t.md"));
            assert_eq!(paths(&refs[0]), [["Papers", section]], "{summary}");
            // The group ends with its `</details>`.
            assert_eq!(paths(&refs[1]), [["Papers"]], "{summary}");
        }
        // The folding itself, or what is folded besides papers, names no section.
        for summary in [
            " more ",
            "Click to expand",
            "Table of Contents",
            "Abstract",
            "CLIP (2021)",
        ] {
            let refs = read(&group(summary), Path::new("t.md"));
            assert_eq!(paths(&refs[0]), [["Papers"]], "{summary}");
        }
    }

    #[test]
    fn a_folded_group_named_by_a_year_is_a_section() {
        let md = "## Survey\n\n<details>\n<summary>Survey: 2024</summary>\n\n- Medical Vision Language Pretraining: A Survey. [[paper]](https://arxiv.org/abs/2312.06224)\n</details>\n";
        let r = one(md);
        assert_eq!(r.year(), Some(2024));
        assert_eq!(paths(&r), [["Survey", "Survey: 2024"]]);
        // A summary that is no year names no section.
        let r = one(&md.replace("Survey: 2024", "Digest"));
        assert_eq!(
            (r.year(), paths(&r)),
            (None, vec![vec!["Survey".to_string()]])
        );
        // The group ends with its `</details>`.
        let refs = read(
            &format!("{md}\n- New Paper About Things. [[pdf]](https://arxiv.org/abs/2405.00003)\n"),
            Path::new("t.md"),
        );
        assert_eq!(refs[1].year(), None);
        assert_eq!(paths(&refs[1]), [["Survey"]]);
    }

    #[test]
    fn a_summary_naming_one_paper_gives_its_year() {
        let group = |summary: &str| {
            format!("## CLIP\n<details>\n<summary>{summary}</summary>\n\n- MedCLIP: Contrastive Learning from Unpaired Medical Images and Text in a Title Longer Than Eighty Bytes. [[paper]](https://arxiv.org/abs/2210.10163)\n  - Zifeng Wang, Jimeng Sun.\n</details>\n\n- Another Paper Without a Year. [[pdf]](https://arxiv.org/abs/2405.00003)\n")
        };
        let refs = read(
            &group("MedCLIP: Contrastive Learning from Unpaired Medical Images and Text in a Title Longer Than Eighty Bytes (2022)"),
            Path::new("t.md"),
        );
        assert_eq!(refs[0].year(), Some(2022));
        assert_eq!(paths(&refs[0]), [["CLIP"]]);
        // Only that paper, and only within its group.
        assert_eq!(refs[1].year(), None);
        let refs = read(&group("Other Work (2022)"), Path::new("t.md"));
        assert_eq!(refs[0].year(), None);
        // The paper's line may follow its summary in the same HTML block.
        let title = "Developing Generalist Foundation Models from a Multimodal Dataset for 3D Computed Tomography";
        let md = format!("<details>\n<summary>{title} (2024)</summary>\n- {title}. (CT-CLIP) [[paper]](https://arxiv.org/abs/2403.17834)\n</details>\n");
        assert_eq!(one(&md).year(), Some(2024));
    }

    #[test]
    fn a_one_word_linked_name_before_authors_and_venue_is_the_title() {
        let r = one("- [GSM](https://openaccess.thecvf.com/GSM.html) - Swathikiran Sudhakaran, Sergio Escalera, Oswald Lanz, CVPR 2020. [[code]](https://github.com/swathikirans/GSM)");
        assert_eq!(r.title, "GSM");
        assert_eq!(family_names(&r), ["Sudhakaran", "Escalera", "Lanz"]);
        assert_eq!(r.year(), Some(2020));
        // Without a venue or year, words after a dash are not taken for names.
        let r = one("- [Ego4D](https://ego4d-data.org/)- Episodic Memory, Hand-Object Interactions, AV Diarization, Social, Forecasting");
        assert!(r.authors.is_empty(), "{:?}", r.authors);
    }

    #[test]
    fn papers_written_a_paragraph_each() {
        let md = "## Papers\n\n\
                  **BioViL: Making the Most of Text Semantics**\n\
                  Benedikt Boecking, Naoto Usuyama. ECCV 2022. [paper](https://arxiv.org/abs/2204.09817)\n\n\
                  [Flamingo: a Visual Language Model](https://arxiv.org/abs/2204.14198). Jean-Baptiste Alayrac et al.\n\
                  NeurIPS 2022.\n\n\
                  [CLIP: Learning Transferable Models](https://arxiv.org/abs/2103.00020). Alec Radford. ICML 2021.\n\
                  [ALIGN: Scaling Up Visual Representation](https://arxiv.org/abs/2102.05918). Chao Jia. ICML 2021.\n";
        let refs = read(md, Path::new("t.md"));
        type Summary<'r> = (&'r str, usize, Option<&'r str>, Option<i32>, usize);
        let got: Vec<Summary> = refs
            .iter()
            .map(|r| {
                let venue = r.venue.as_ref().map(|v| v.name.as_str());
                let line = r.origin.line;
                (
                    r.title.as_str(),
                    r.authors.len(),
                    venue,
                    r.date.map(|d| d.year),
                    line,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "BioViL: Making the Most of Text Semantics",
                    2,
                    Some("ECCV"),
                    Some(2022),
                    3
                ),
                (
                    "Flamingo: a Visual Language Model",
                    1,
                    Some("NeurIPS"),
                    Some(2022),
                    6
                ),
                (
                    "CLIP: Learning Transferable Models",
                    1,
                    Some("ICML"),
                    Some(2021),
                    9
                ),
                (
                    "ALIGN: Scaling Up Visual Representation",
                    1,
                    Some("ICML"),
                    Some(2021),
                    10
                ),
            ]
        );
        assert!(refs[1].et_al);
        assert_eq!(paths(&refs[0]), [["Papers"]]);
    }

    #[test]
    fn papers_written_a_heading_each() {
        let md = "## Pre-training\n\n\
                  ### MedCLIP: Contrastive Learning from Unpaired Medical Images\n\
                  *Zifeng Wang, Zhenbang Wu, Jimeng Sun*. EMNLP 2022.\n\n\
                  We decouple images and texts for contrastive learning.\n\n\
                  [[paper](https://arxiv.org/abs/2210.10163)] [[code](https://github.com/RyanWangZf/MedCLIP)]\n\n\
                  ### Learning Transferable Visual Models\n\n\
                  **Learning Transferable Visual Models**. Alec Radford, Jong Wook Kim. ICML 2021. [pdf](https://arxiv.org/pdf/2103.00020.pdf)\n\n\
                  ### Surveys on Everything Else\n\n\
                  - [A Survey of Large Language Models](https://arxiv.org/abs/2303.18223). Wayne Xin Zhao et al. 2023.\n";
        let refs = read(md, Path::new("t.md"));
        assert_eq!(refs.len(), 3, "{refs:#?}");
        let medclip = &refs[0];
        assert_eq!(
            medclip.title,
            "MedCLIP: Contrastive Learning from Unpaired Medical Images"
        );
        assert_eq!(medclip.authors.len(), 3);
        assert_eq!(
            medclip.venue.as_ref().map(|v| v.name.as_str()),
            Some("EMNLP")
        );
        assert_eq!(medclip.arxiv.as_ref().unwrap().id, "2210.10163");
        assert_eq!(
            medclip.links.code.as_deref(),
            Some("https://github.com/RyanWangZf/MedCLIP")
        );
        assert_eq!(medclip.origin.line, 3);
        // The headings that named papers are no sections; the others are.
        assert_eq!(paths(medclip), [["Pre-training"]]);
        assert_eq!(refs[1].title, "Learning Transferable Visual Models");
        assert_eq!(refs[1].authors.len(), 2);
        assert_eq!(paths(&refs[1]), [["Pre-training"]]);
        assert_eq!(
            paths(&refs[2]),
            [["Pre-training", "Surveys on Everything Else"]]
        );
    }

    #[test]
    fn numbered_references_and_numbered_headings() {
        let md = "## References\n\
                  [1] [LLaMA: Open and Efficient Foundation Language Models](https://arxiv.org/abs/2302.13971v1). Hugo Touvron, Thibaut Lavril.\n\
                  [2] [LoRA: Low-Rank Adaptation of Large Language Models](https://arxiv.org/abs/2106.09685). Edward J. Hu, Yelong Shen\n\n\
                  ## Driving\n\n\
                  ### 1. DrivingGaussian: Composite Gaussian Splatting\n\n\
                  **Authors**: Xiaoyu Zhou, Zhiwei Lin\n\n\
                  [📄 Paper](https://arxiv.org/abs/2312.07920)\n\n\
                  ##### • EventHands: Real-Time Neural 3D Hand Reconstruction\n\
                  _Viktor Rudnev, Vladislav Golyanik_\n\n\
                  [[PDF](https://arxiv.org/pdf/2012.06475.pdf)]\n";
        let refs = read(md, Path::new("t.md"));
        let got: Vec<(&str, usize)> = refs
            .iter()
            .map(|r| (r.title.as_str(), r.authors.len()))
            .collect();
        assert_eq!(
            got,
            [
                ("LLaMA: Open and Efficient Foundation Language Models", 2),
                ("LoRA: Low-Rank Adaptation of Large Language Models", 2),
                ("DrivingGaussian: Composite Gaussian Splatting", 2),
                ("EventHands: Real-Time Neural 3D Hand Reconstruction", 2),
            ]
        );
        assert_eq!(paths(&refs[2]), [["Driving"]]);
    }

    #[test]
    fn a_bold_title_with_fields_in_paragraphs_or_items_chinese_labels_too() {
        let md = "# 目标检测\n\n\
                  **Scale-Equalizing Pyramid Convolution for Object Detection**\n\n\
                  论文：https://arxiv.org/abs/2005.03101\n\n\
                  代码：https://github.com/jshilong/SEPC\n\n\
                  **3DSSD: Point-based 3D Single Stage Object Detector**\n\n\
                  - CVPR 2020 Oral\n\n\
                  - 论文：https://arxiv.org/abs/2002.10187\n\n\
                  - 代码：https://github.com/tomztyang/3DSSD\n";
        let refs = read(md, Path::new("t.md"));
        let got: Vec<(&str, Option<&str>, Option<&str>)> = refs
            .iter()
            .map(|r| {
                let arxiv = r.arxiv.as_ref().map(|a| a.id.as_str());
                (r.title.as_str(), arxiv, r.links.code.as_deref())
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Scale-Equalizing Pyramid Convolution for Object Detection",
                    Some("2005.03101"),
                    Some("https://github.com/jshilong/SEPC")
                ),
                (
                    "3DSSD: Point-based 3D Single Stage Object Detector",
                    Some("2002.10187"),
                    Some("https://github.com/tomztyang/3DSSD")
                ),
            ]
        );
        assert_eq!(
            refs[1].venue.as_ref().map(|v| v.name.as_str()),
            Some("CVPR")
        );
    }

    #[test]
    fn a_title_line_with_its_names_takes_the_link_items_after_it() {
        let md = "### WRN\n\
                  **Wide Residual Networks**    \n\
                  Sergey Zagoruyko, Nikos Komodakis\n\
                  - pdf: [https://arxiv.org/abs/1605.07146](https://arxiv.org/abs/1605.07146)\n\
                  - code: [official : https://github.com/szagoruyko/wrn](https://github.com/szagoruyko/wrn)\n\n\
                  ### Xception\n\
                  **Xception: Deep Learning with Depthwise Separable Convolutions**   \n\
                  François Chollet\n\
                  - pdf: [https://arxiv.org/abs/1610.02357](https://arxiv.org/abs/1610.02357)\n\n\
                  ## Jobs\n\n\
                  **We are on the lookout for top talents to join our team!**\n\n\
                  **Campus Recruitment**: https://jobs.example.com/guide.html\n";
        let refs = read(md, Path::new("t.md"));
        let got: Vec<(&str, usize, Option<&str>)> = refs
            .iter()
            .map(|r| (r.title.as_str(), r.authors.len(), r.links.code.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Wide Residual Networks",
                    2,
                    Some("https://github.com/szagoruyko/wrn")
                ),
                (
                    "Xception: Deep Learning with Depthwise Separable Convolutions",
                    1,
                    None
                ),
            ]
        );
        assert_eq!(refs[1].arxiv.as_ref().unwrap().id, "1610.02357");
    }

    #[test]
    fn items_without_links_after_a_paper_paragraph_are_its_notes() {
        let md = "#### 16th of October 2023\n\n\
                  [OpenAgents: An Open Platform for Language Agents in the Wild](https://arxiv.org/abs/2310.10634)\n\n\
                  - OpenAgents-platform: Data agent, Plugin/Tools and Web agent\n\
                  - Automatic tool selection from over 200 tools\n\n\
                  #### Other papers\n\n\
                  - Deep Residual Learning for Image Recognition. CVPR 2016.\n";
        let refs = read(md, Path::new("t.md"));
        let titles: Vec<&str> = refs.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "OpenAgents: An Open Platform for Language Agents in the Wild",
                "Deep Residual Learning for Image Recognition"
            ]
        );
    }

    #[test]
    fn a_heading_with_fields_of_who_when_and_where() {
        let md = "## Benchmarks\n\n\
                  ### MMLU: Massive Multitask Language Understanding\n\n\
                  **Published by:** Dan Hendrycks, Collin Burns, et al. (UC Berkeley), 2020\n\
                  **Paper:** [arxiv.org/abs/2009.03300](https://arxiv.org/abs/2009.03300)\n\
                  **Leaderboard:** [paperswithcode.com/sota/mmlu](https://paperswithcode.com/sota/mmlu)\n\n\
                  ### 1. Denoising Diffusion Probabilistic Models (DDPM)\n\
                  **Authors:** Jonathan Ho, Ajay Jain, Pieter Abbeel  \n\
                  **Year:** 2020  \n\
                  **Conference:** NeurIPS 2020\n\n\
                  **Key Contribution:** The paper that made diffusion models practical.\n\n\
                  - **arXiv:** https://arxiv.org/abs/2006.11239\n\
                  - **GitHub:** https://github.com/hojonathanho/diffusion\n\n\
                  **Why Read:** This is the foundational paper.\n\n\
                  ### JEPA-Style World Models\n\n\
                  **Paper:** [LeWorldModel: Stable End-to-End JEPA from Pixels](https://arxiv.org/abs/2603.19312v1)  \n\
                  **Authors:** Lucas Maes, Quentin Le Lidec\n";
        let refs = read(md, Path::new("t.md"));
        type Summary<'r> = (&'r str, usize, Option<i32>, Vec<Vec<String>>);
        let got: Vec<Summary> = refs
            .iter()
            .map(|r| {
                (
                    r.title.as_str(),
                    r.authors.len(),
                    r.date.map(|d| d.year),
                    paths(r),
                )
            })
            .collect();
        let benchmarks = || vec![vec!["Benchmarks".to_string()]];
        assert_eq!(
            got,
            [
                (
                    "MMLU: Massive Multitask Language Understanding",
                    2,
                    Some(2020),
                    benchmarks()
                ),
                (
                    "Denoising Diffusion Probabilistic Models (DDPM)",
                    3,
                    Some(2020),
                    benchmarks()
                ),
                (
                    "LeWorldModel: Stable End-to-End JEPA from Pixels",
                    2,
                    None,
                    vec![vec![
                        "Benchmarks".to_string(),
                        "JEPA-Style World Models".to_string()
                    ]]
                ),
            ]
        );
        assert_eq!(
            refs[1].links.code.as_deref(),
            Some("https://github.com/hojonathanho/diffusion")
        );
    }

    #[test]
    fn a_bold_name_or_a_sentence_before_a_paper_link_is_no_reference() {
        let md = "# Swin\n\n\
                  **Swin Transformer** (the name `Swin` stands for **S**hifted **win**dow) is initially described in [arxiv](https://arxiv.org/abs/2103.14030), which capably serves as a general-purpose backbone for computer vision.\n\n\
                  Official implementation of the paper [HEAT: Holistic Edge Attention Transformer for Structured Reconstruction](https://arxiv.org/abs/2111.15143) (**CVPR 2022**).\n";
        assert!(read(md, Path::new("t.md")).is_empty());
    }

    #[test]
    fn items_of_names_or_a_date_after_a_papers_item_are_its() {
        let md = "##### [Maxout Networks]\n\
                  - Maxout Networks [[arXiv]](https://arxiv.org/abs/1302.4389)\n\
                  - *Ian J. Goodfellow, David Warde-Farley, Mehdi Mirza*\n\
                  - `2013-02-18`\n\n\
                  ##### Next\n\
                  - Deep Residual Learning for Image Recognition [[pdf]](https://arxiv.org/pdf/1512.03385.pdf)\n\
                  - Densely Connected Convolutional Networks\n";
        let refs = read(md, Path::new("t.md"));
        let got: Vec<(&str, usize, Option<Date>)> = refs
            .iter()
            .map(|r| (r.title.as_str(), r.authors.len(), r.date))
            .collect();
        assert_eq!(
            got,
            [
                ("Maxout Networks", 3, Date::parse_iso("2013-02-18")),
                ("Deep Residual Learning for Image Recognition", 0, None),
                ("Densely Connected Convolutional Networks", 0, None),
            ]
        );
    }

    #[test]
    fn kramdowns_line_break_ends_a_title() {
        let md = "[What Can We Learn from State Space Models for Machine Learning on Graphs?](https://arxiv.org/pdf/2406.05815) \\\\\n\
                  Yinan Huang\\*, <u><strong>Siqi Miao*</strong></u>, Pan Li. **Preprint 2024**\\\\\n";
        let r = one(md);
        assert_eq!(
            r.title,
            "What Can We Learn from State Space Models for Machine Learning on Graphs?"
        );
        assert_eq!(r.authors.len(), 3);
    }

    #[test]
    fn a_field_that_links_to_the_paper_and_a_heading_of_names() {
        let md = "# RC-NF: Robot-Conditioned Normalizing Flow for Anomaly Detection\n\n\
                  **Project page:** [https://example.github.io/RC-NF/](https://example.github.io/RC-NF/)  \n\
                  **Paper (arXiv):** [2603.11106](https://arxiv.org/abs/2603.11106)\n\n\
                  ### [Baiyu Chen](https://baiyuchen.com/)<sup>1,2</sup>, [Zechen Li](https://x.org/)<sup>1</sup>, and [Flora Salim](https://y.org/)<sup>1,2</sup>\n\n\
                  <sup>1</sup> School of Computer Science and Engineering, UNSW Sydney, Australia\n\n\
                  [![Paper](https://img.shields.io/badge/arXiv-2605.22715-b31b1b.svg)](https://arxiv.org/abs/2605.22715)\n";
        let refs = read(md, Path::new("t.md"));
        let titles: Vec<&str> = refs.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(
            titles,
            ["RC-NF: Robot-Conditioned Normalizing Flow for Anomaly Detection"]
        );
        assert_eq!(refs[0].arxiv.as_ref().unwrap().id, "2603.11106");
    }

    #[test]
    fn a_title_then_its_address_and_the_words_before_a_bare_address() {
        let md = "## survey\n\
                  Elucidating the Design Space of Diffusion-Based Generative Models: https://arxiv.org/abs/2206.00364\n\
                  - Explores all of these components in some detail\n\n\
                  ## More\n\n\
                  - GLIDE: Towards Photorealistic Image Generation with Text-Guided Diffusion Models: https://arxiv.org/abs/2112.10741\n";
        let refs = read(md, Path::new("t.md"));
        let titles: Vec<&str> = refs.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Elucidating the Design Space of Diffusion-Based Generative Models",
                "GLIDE: Towards Photorealistic Image Generation with Text-Guided Diffusion Models"
            ]
        );
    }

    #[test]
    fn prose_paragraphs_that_link_to_papers_are_no_papers() {
        let md = "# Awesome Medical VLM\n\n\
                  This repository collects papers. Our survey is on [arXiv](https://arxiv.org/abs/2401.00001).\n\n\
                  If you find this list useful, please cite [A Survey of Medical VLMs](https://arxiv.org/abs/2401.00001) (TPAMI 2024).\n\n\
                  Please cite our paper [paper](https://arxiv.org/abs/2401.00001): Zhang et al., CVPR 2024.\n\n\
                  We thank [Jane Doe](https://janedoe.github.io). See also [this paper](https://arxiv.org/pdf/2301.00001.pdf).\n\n\
                  Check out our new paper at [arXiv](https://arxiv.org/abs/2402.00002), which studies scaling laws for medical imaging models.\n\n\
                  **Note**: the PDF is [here](https://example.org/paper.pdf).\n\n\
                  ## News\n\n\
                  [2024-05] Our paper [MedX: Better Models](https://arxiv.org/abs/2405.00001) was accepted by CVPR 2024!\n\n\
                  ## Pre-training Methods for Medical Images\n\n\
                  Pre-training methods learn from image-text pairs without labels; see the [survey](https://arxiv.org/abs/2401.00001).\n\n\
                  - MedCLIP: Contrastive Learning. EMNLP 2022. [[paper](https://arxiv.org/pdf/2210.10163.pdf)]\n";
        let refs = read(md, Path::new("t.md"));
        let titles: Vec<&str> = refs.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["MedCLIP: Contrastive Learning"]);
        assert_eq!(
            paths(&refs[0]),
            [["Pre-training Methods for Medical Images"]]
        );
    }

    #[test]
    fn prose_lines_without_links_are_no_papers() {
        let md = "- How should medical LLMs be built?\n\
                  - Jitendra Malik: \"Supervision is the opium of the AI researcher\"\n\
                  - **2015** :  +200 citations\n\
                  - Papers that are important, but failed to be included in the list, will be listed in the next section.\n\
                  - SCEHR: Supervised Contrastive Learning for Clinical Risk Prediction using Electronic Health Records\n\
                  - Theano: A Python framework for fast computation of mathematical expressions, R. Al-Rfou et al.\n\
                  - Do ImageNet Classifiers Generalize to ImageNet? ICML 2019.\n";
        let titles: Vec<String> = read(md, Path::new("t.md"))
            .into_iter()
            .map(|r| r.title)
            .collect();
        assert_eq!(titles.len(), 3, "{titles:?}");
        assert!(
            titles[0].starts_with("SCEHR") && titles[1].starts_with("Theano"),
            "{titles:?}"
        );
        assert!(titles[2].starts_with("Do ImageNet"), "{titles:?}");
    }

    #[test]
    fn names_then_a_venue_mdbib_does_not_know() {
        let r = one("- [ActionMixer: T](https://x.org/a) - Jianhua Yang, Ke Wang, Lijun Zhao, Expert Systems with Applications 2024.");
        assert_eq!(family_names(&r), ["Yang", "Wang", "Zhao"]);
        assert_eq!(
            r.venue.as_ref().map(|v| v.name.as_str()),
            Some("Expert Systems with Applications")
        );
        assert_eq!(r.year(), Some(2024));
        // A link whose target a space broke is no part of the venue.
        let r = one("- [T Sets](https://x.org/a.pdf) - Mengmeng Xu, Yanghao Li, CVPR 2023. [[code]](https: //github.com/a/b)");
        assert_eq!(family_names(&r), ["Xu", "Li"]);
        assert_eq!((r.kind, r.year()), (Kind::ConferencePaper, Some(2023)));
        // Names run into the venue: neither is taken.
        let r = one("- [Visual RL](https://x.org/b) - Ashvin Nair, Vitchyr Pong, Sergey Levine.NeurIPS 2018");
        assert!(r.authors.is_empty() && r.venue.is_none(), "{r:?}");
    }

    #[test]
    fn a_venue_columns_year_wins_over_a_date_columns_other_year() {
        let md = "| Date | Venue | Title |\n|---|---|---|\n\
                  | 2022-10 | ICLR 2023 | \"Multi-lingual Evaluation of Code Generation Models\" |\n\
                  | 2023-05 | NeurIPS 2023 | \"Same Year Paper Title\" |\n";
        let refs = read(md, Path::new("t.md"));
        assert_eq!(refs[0].date, Some(Date::year(2023)));
        // The same year: the venue's, without the preprint's month.
        assert_eq!(refs[1].date, Some(Date::year(2023)));
    }

    #[test]
    fn a_one_word_linked_name_before_a_description_is_the_title() {
        let r = one("- [TACO](https://taco2024.github.io/) - A large-scale dataset of real-world bimanual tool-object interactions. TACO enables benchmarks in action recognition. CVPR 2024. [[paper]](https://arxiv.org/abs/2401.08399)");
        assert_eq!(r.title, "TACO");
        assert_eq!(r.year(), Some(2024));
        assert!(r.authors.is_empty(), "{:?}", r.authors);
        let r = one("- [EgoPet](https://x.org/) - It offers over 84 hours of egocentric video footage from animals like dogs, cats, eagles, and turtles");
        assert_eq!(r.title, "EgoPet");
        // A title after the name, in title case or one short sentence, stays.
        for title in [
            "Learning Transferable Visual Models From Natural Language Supervision",
            "A simple framework for contrastive learning of visual representations",
        ] {
            let r = one(&format!(
                "- [CLIP](https://arxiv.org/abs/2103.00020) - {title}"
            ));
            assert_eq!(r.title, format!("CLIP - {title}"));
        }
    }

    #[test]
    fn a_title_sentence_with_its_authors_nested_is_a_paper_not_a_section() {
        let r = one("- Self-supervised Fitting of Articulated Meshes to Point Clouds.\n  - Chun-Liang Li, Tomas Simon, Jason Saragih, Yaser Sheikh. *CVPR 2019*\n");
        assert_eq!(
            r.title,
            "Self-supervised Fitting of Articulated Meshes to Point Clouds"
        );
        assert_eq!(family_names(&r), ["Li", "Simon", "Saragih", "Sheikh"]);
        assert_eq!(r.year(), Some(2019));
        // A section name with papers under it stays a section.
        let refs = read(
            "- Pre-training\n  - MedCLIP: Contrastive Learning. EMNLP 2022. [[paper](https://arxiv.org/abs/2210.10163)]\n",
            Path::new("t.md"),
        );
        assert_eq!(paths(&refs[0]), [["Pre-training"]]);
    }

    #[test]
    fn titles_that_took_in_a_name_tag_or_an_unknown_venue() {
        let r = one("- [**SPICE**]: \"SPICEPilot: Navigating SPICE Code Generation\" [2024-10] [[paper](https://arxiv.org/abs/2410.20553)]");
        assert_eq!(r.title, "SPICEPilot: Navigating SPICE Code Generation");
        assert_eq!(r.year(), Some(2024));
        let r = one("1. **Molecular Graph Convolutions: Moving Beyond Fingerprints.** Journal of computer-aided molecular design 2016. [paper](https://arxiv.org/pdf/1603.00856.pdf)");
        assert_eq!(
            r.title,
            "Molecular Graph Convolutions: Moving Beyond Fingerprints"
        );
        assert_eq!(r.year(), Some(2016));
        let r = one("1. **Cross-Sentence N-ary Relation Extraction with Graph LSTMs.** TACL. [paper](https://arxiv.org/pdf/1708.03743.pdf)");
        assert_eq!(r.venue.map(|v| v.written), Some("TACL".to_string()));
        let r = one("* **PMC-Patients**: 167k open patient summaries. 2023. [paper](https://arxiv.org/abs/2202.13876) [database](https://huggingface.co/datasets/x)");
        assert_eq!(r.year(), Some(2023));
        assert!(!r.title.contains("database"), "{}", r.title);
    }

    #[test]
    fn a_month_in_a_venue_tag_goes_to_the_date() {
        let (venue, date) = parse_tag("TSE, July 2025").unwrap();
        assert_eq!(venue.unwrap().written, "TSE");
        assert_eq!(date.map(|d| (d.year, d.month)), Some((2025, Some(7))));
        let (venue, _) = parse_tag("EASE, June 2025").unwrap();
        assert_eq!(venue.unwrap().written, "EASE");
        // A word that only starts like a month is no month.
        let (venue, _) = parse_tag("Marvel 2025").unwrap();
        assert_eq!(venue.map(|v| v.written), Some("Marvel".to_string()));
    }

    #[test]
    fn tags_after_a_title_and_quotes_inside_it() {
        let url = "[[paper](https://arxiv.org/abs/2405.04324)]";
        for (md, title, year) in [
            ("- **CodeQwen1.5** [2024-04]", "CodeQwen1.5", Some(2024)),
            ("- \"APEX-SWE\" [2026-01]", "APEX-SWE", Some(2026)),
            ("- \"When \"Correct\" Is Not Safe: Patches\" [2025-10]", "When \"Correct\" Is Not Safe: Patches", Some(2025)),
            ("- \"\"It's Weird\": Usability with Copilot\" [2023-04] [ACM TCHI]", "\"It's Weird\": Usability with Copilot", Some(2023)),
            ("- [Racket, OCaml, Lua, R, Julia] \"Knowledge Transfer to Low-Resource Languages\" [2023-08]", "Knowledge Transfer to Low-Resource Languages", Some(2023)),
            // Two quoted titles are not one title with quotes inside.
            ("- \"Granite Code Models\" [2024-05] \"Scaling Granite Code Models\" [2024-07]", "Granite Code Models", Some(2024)),
            // A bracket that is neither a date nor a venue stays in a plain title.
            ("- Deep Residual Learning [Extended Abstract]", "Deep Residual Learning [Extended Abstract]", None),
        ] {
            let r = one(&format!("{md} {url}"));
            assert_eq!(r.title, title, "{md}");
            assert_eq!(r.year(), year, "{md}");
        }
    }

    #[test]
    fn a_known_venue_after_names_and_words_that_mean_no_venue() {
        let r = one("- Learning to Push by Grasping.\n  [[pdf]](https://arxiv.org/abs/1705.06011)\n  - Dhiraj Gandhi, Lerrel Pinto, Abhinav Gupta IROS 2018\n");
        assert_eq!(r.venue.as_ref().map(|v| v.name.as_str()), Some("IROS"));
        assert_eq!(family_names(&r), ["Gandhi", "Pinto", "Gupta"]);
        for (tail, kind) in [
            ("UnderReview 2023", Kind::Preprint),
            ("Findings of EMNLP 2020", Kind::ConferencePaper),
            ("IEEE/ACM TASLP 2021", Kind::JournalArticle),
            ("BIBM 2023", Kind::ConferencePaper),
            ("Quantum Frog Colloquium 2023", Kind::Other),
        ] {
            let r = one(&format!(
                "- A Paper About Things. {tail}. [[pdf]](https://arxiv.org/abs/2001.11128)"
            ));
            assert_eq!(r.kind, kind, "{tail}");
        }
    }

    #[test]
    fn other_links_are_kept_once_with_their_label() {
        let r = one("- [A Paper About Things](https://arxiv.org/abs/2311.18259) [[paper]](https://arxiv.org/abs/2311.18259) [[blog]](https://blog.example.com/a) [https://x.org/v](https://x.org/v) [[toc]](#section) [[bib]](./bib.txt) [video](https://youtube.com/v)");
        assert_eq!(
            r.links.other,
            [
                ("blog".to_string(), "https://blog.example.com/a".to_string()),
                (String::new(), "https://x.org/v".to_string()),
                ("video".to_string(), "https://youtube.com/v".to_string()),
            ]
        );
    }

    #[test]
    fn a_pdf_in_a_repository_is_the_paper() {
        let r = one("| Title | Code |\n|---|---|\n| [**Qwen2.5-Omni Technical Report**](https://github.com/QwenLM/Qwen2.5-Omni/blob/main/assets/Qwen2.5_Omni.pdf) | [Github](https://github.com/QwenLM/Qwen2.5-Omni) |\n");
        assert_eq!(
            r.links.paper.as_deref(),
            Some("https://github.com/QwenLM/Qwen2.5-Omni/blob/main/assets/Qwen2.5_Omni.pdf")
        );
        assert_eq!(
            r.links.code.as_deref(),
            Some("https://github.com/QwenLM/Qwen2.5-Omni")
        );
    }

    #[test]
    fn names_after_a_plain_title_are_its_authors() {
        let cases = [
            ("- Deep Learning. Ian Goodfellow, Yoshua Bengio. [[pdf]](https://e.org/a.pdf)", "Deep Learning", &["Goodfellow", "Bengio"][..]),
            ("- Attention Is All You Need. Ashish Vaswani et al. NeurIPS 2017.", "Attention Is All You Need", &["Vaswani"]),
            ("- Visual Learning beyond Direct Supervision. Tinghui Zhou. [[pdf]](https://e.org/b.pdf).", "Visual Learning beyond Direct Supervision", &["Zhou"]),
            ("- Shuffle and Learn. C. Lawrence Zitnick. ECCV 2016", "Shuffle and Learn", &["Zitnick"]),
            ("- Search-based Structured Prediction. Hal Daumé III, John Langford. ICML 2009.", "Search-based Structured Prediction", &["Daumé", "Langford"]),
            // A last sentence that is the title's own, or a journal, stays in the title.
            ("- Graph Neural Networks. A Survey. [[pdf]](https://e.org/c.pdf)", "Graph Neural Networks. A Survey", &[]),
            ("- Neural Networks Revisited. Neural Computation. [[pdf]](https://e.org/d.pdf)", "Neural Networks Revisited. Neural Computation", &[]),
            ("- Fine-Tuning vs. Parameter-Efficient Approaches", "Fine-Tuning vs. Parameter-Efficient Approaches", &[]),
            ("- Vision and Language. Vision, Language, Action", "Vision and Language. Vision, Language, Action", &[]),
            ("- Some Title. Part Two", "Some Title. Part Two", &[]),
            ("- Attention Is All You Need. Transformers Explained", "Attention Is All You Need. Transformers Explained", &[]),
            ("- Learning. Video Prediction and Image Synthesis", "Learning. Video Prediction and Image Synthesis", &[]),
            ("- Self-Supervision. Contrastive Methods, Generative Methods.", "Self-Supervision. Contrastive Methods, Generative Methods", &[]),
            ("- Language Models. Emergent Abilities.", "Language Models. Emergent Abilities", &[]),
            // After a comma, names with initials or cut by `et al.`; other words stay.
            ("- Reducing the dimensionality of data, G. Hinton and R. Salakhutdinov. [[pdf]](https://e.org/e.pdf)", "Reducing the dimensionality of data", &["Hinton", "Salakhutdinov"]),
            ("- Deep learning (Book, 2016), Goodfellow et al. [[html]](http://www.deeplearningbook.org/)", "Deep learning", &["Goodfellow"]),
            ("- Image Super-Resolution (2014, C. Dong et al. [[pdf]](https://e.org/f.pdf)", "Image Super-Resolution", &["Dong"]),
            ("- Vision, Language and Action, Robots and Humans", "Vision, Language and Action, Robots and Humans", &[]),
            ("- Learning to See, Hear and Speak, Alan Turing and Ada Lovelace", "Learning to See, Hear and Speak, Alan Turing and Ada Lovelace", &[]),
        ];
        for (md, title, families) in cases {
            let r = one(md);
            assert_eq!(r.title, title, "{md}");
            assert_eq!(family_names(&r), families, "{md}");
        }
    }

    #[test]
    fn a_line_that_is_only_a_venue_is_no_paper() {
        let refs = read(
            "> - [ECCV 2024](https://github.com/amusi/ECCV2024-Papers-with-Code)\n> - [CVPR 2023](CVPR2022-Papers-with-Code.md)\n\n- ICLR 2024. [[paper](https://openreview.net/forum?id=abc)]\n- [Nature Medicine](https://www.nature.com/articles/s41591-023-02448-8). A Survey of Large language models in medicine.\n- CVPR 2024 [[paper]](https://arxiv.org/abs/2403.00001)\n",
            Path::new("t.md"),
        );
        // A venue followed by more text is kept, and so is one with an arXiv id.
        assert_eq!(refs.len(), 2, "{refs:#?}");
        assert!(refs[0]
            .links
            .paper
            .as_deref()
            .unwrap()
            .contains("nature.com"));
        assert_eq!(
            refs[1].arxiv.as_ref().map(|a| a.id.as_str()),
            Some("2403.00001")
        );
    }

    #[test]
    fn abbreviated_journal_names_are_venues() {
        for (text, rest, venue) in [
            (
                "2021-09, Comput. Secur. 2021,",
                "2021-09",
                Some("Comput. Secur."),
            ),
            (
                "Title. Proc. Natl. Acad. Sci. 2020.",
                "Title",
                Some("Proc. Natl. Acad. Sci."),
            ),
            (
                "Title. J.Chem.Inf.Model. 2005",
                "Title",
                Some("J.Chem.Inf.Model."),
            ),
            (
                "Title, Neural Comput. 2020",
                "Title",
                Some("Neural Comput."),
            ),
            // One abbreviated word after a sentence is a title's last word.
            (
                "Title. A Generative Model. 2019",
                "Title. A Generative Model",
                None,
            ),
            ("A Generative Model. 2019", "A Generative Model", None),
            ("Learning to Program. 2019", "Learning to Program", None),
            // Unabbreviated words and acronyms inside the name, brackets and dashes around it.
            (
                "Title. IEEE Trans. Pattern Anal. Mach. Intell. 2020",
                "Title",
                Some("IEEE Trans. Pattern Anal. Mach. Intell."),
            ),
            (
                "Title, Proc. ACM Program. Lang. 2020",
                "Title",
                Some("Proc. ACM Program. Lang."),
            ),
            (
                "Generative Model. Comput. Secur. 2021",
                "Generative Model",
                Some("Comput. Secur."),
            ),
            (
                "Title: a Model. Int. J. Robot. Res. 2021",
                "Title: a Model",
                Some("Int. J. Robot. Res."),
            ),
            (
                "Title of the Paper (Comput. Secur. 2021)",
                "Title of the Paper",
                Some("Comput. Secur."),
            ),
            (
                "Attention Is All You Need – NeurIPS 2017",
                "Attention Is All You Need",
                Some("NeurIPS"),
            ),
            ("Deep Nets, Stat. 2021", "Deep Nets, Stat", None),
        ] {
            let (found, v, year) = split_venue_year(text, true);
            assert_eq!(found.trim_end(), rest, "{text}");
            assert_eq!(v.map(|v| v.written).as_deref(), venue, "{text}");
            assert!(year.is_some(), "{text}");
        }
    }

    #[test]
    fn a_venue_glued_to_its_year_and_names_before_a_venue() {
        let r = one("- Visual Planning with Skip Connections.\n  [[pdf]](http://arxiv.org/pdf/1710.05268)\n  - Frederik Ebert, Chelsea Finn, Sergey Levine. *CoRL2017*");
        assert_eq!(r.venue.as_ref().map(|v| v.name.as_str()), Some("CoRL"));
        assert_eq!((r.year(), r.authors.len()), (Some(2017), 3));
        let r = one(
            "- [CVPR2023] Another Paper Title Here. [[pdf]](https://arxiv.org/pdf/2303.00002.pdf)",
        );
        assert_eq!(r.venue.as_ref().map(|v| v.name.as_str()), Some("CVPR"));
        assert_eq!(
            (r.year(), r.title.as_str()),
            (Some(2023), "Another Paper Title Here")
        );
        // A conference's year in two digits.
        for (text, title) in [
            ("- **N-ary relation extraction.** EMNLP 18. [paper](https://arxiv.org/abs/1808.09101)", "N-ary relation extraction"),
            ("- **Title One.** EMNLP '18.", "Title One"),
            ("- **Title Two.** (ICML-20)", "Title Two"),
            ("- \"Title Three\" [2022-12] [ACL23 (Findings)]", "Title Three"),
            ("- **Title Four.** NIPS'99.", "Title Four"),
        ] {
            let r = one(text);
            assert_eq!(r.title, title, "{text}");
            assert!(r.venue.is_some() && r.kind == Kind::ConferencePaper, "{text}");
        }
        assert_eq!(one("- **Title.** EMNLP 18.").year(), Some(2018));
        assert_eq!(one("- **Title.** NIPS'99.").year(), Some(1999));
        assert_eq!(
            one("- \"Title\" [2022-12] [ACL23 (Findings)]").year(),
            Some(2023)
        );
        // A journal's two digits may be its volume; digits after no venue are the title's.
        assert_eq!(one("- **Title.** Nature 18.").year(), None);
        assert_eq!(
            one("- **Top 10 Tips for Writing 24**").title,
            "Top 10 Tips for Writing 24"
        );
        // An ACL Anthology link gives venue and year, the published year over a preprint's.
        let r = one(
            "- [2022-12] Title Five. [[paper](https://aclanthology.org/2023.findings-acl.676.pdf)]",
        );
        assert_eq!(
            r.venue.as_ref().map(|v| v.name.as_str()),
            Some("ACL Findings")
        );
        assert_eq!((r.kind, r.year()), (Kind::ConferencePaper, Some(2023)));
        // So do proceedings' addresses, with the year where they tell it.
        let r = one("- Title Seven (2020). [[pdf]](https://proceedings.mlr.press/v139/a21a.html)");
        assert_eq!(r.venue.as_ref().map(|v| v.name.as_str()), Some("ICML"));
        assert_eq!((r.kind, r.year()), (Kind::ConferencePaper, Some(2021)));
        let r = one("- Title Eight (2014). [[pdf]](http://papers.nips.cc/paper/5347-title.pdf)");
        assert_eq!((r.kind, r.year()), (Kind::ConferencePaper, Some(2014)));
        // The list's own venue wins.
        let r = one("- Title Six. NAACL 2019. [[paper](https://aclanthology.org/P19-1215/)]");
        assert_eq!(r.venue.as_ref().map(|v| v.name.as_str()), Some("NAACL"));
        // A journal abbreviated word by word, with a series letter (`Phys. Rev. B`).
        for (text, title, venue) in [
            (
                "- Quantum Limit. Phys. Rev. B 2012.",
                "Quantum Limit",
                "Phys. Rev. B",
            ),
            (
                "- Another Title. J. Phys. A 2009.",
                "Another Title",
                "J. Phys. A",
            ),
            (
                "- Oligomer mutants. Sci. Rep. 2015.",
                "Oligomer mutants",
                "Sci. Rep.",
            ),
        ] {
            let r = one(text);
            assert_eq!(
                (r.title.as_str(), r.kind),
                (title, Kind::JournalArticle),
                "{text}"
            );
            assert_eq!(r.venue.map(|v| v.written).as_deref(), Some(venue), "{text}");
            assert!(r.authors.is_empty(), "{text}");
        }
        assert_eq!(one("- Title of Part B 2012.").title, "Title of Part B");
        // Letters that name no venue keep their digits: `COVID2019` is a word of the title.
        let r = one("- Detecting COVID2019. [[pdf]](https://arxiv.org/pdf/2303.00003.pdf)");
        assert_eq!(
            (r.title.as_str(), r.venue.as_ref()),
            ("Detecting COVID2019", None)
        );
        // Names separated by semicolons, then the venue.
        let r = one("- BYOL for Audio: Self-Supervised Learning.\n [[pdf]](https://arxiv.org/pdf/2103.06695.pdf)\n  - Daisuke Niizumi; Daiki Takeuchi; Yasunori Ohishi *IJCNN 2021*");
        assert_eq!(r.venue.as_ref().map(|v| v.name.as_str()), Some("IJCNN"));
        assert_eq!(family_names(&r), ["Niizumi", "Takeuchi", "Ohishi"]);
    }

    #[test]
    fn a_link_without_target_leaves_no_brackets_in_the_title() {
        assert_eq!(one("- [Alpha Glass]").title, "Alpha Glass");
        assert_eq!(one("- [Alpha] Glass [Beta]").title, "Glass [Beta]");
    }

    #[test]
    fn a_table_of_contents_is_no_paper() {
        let refs = read(
            "* [New Papers](#new-papers) : Less than 6 months\n* [Old Papers](#old-papers) : Before 2012\n* [Appendix: More than Top 100](#appendix) : More papers not in the list\n* [Attention Is All You Need](#attention) arXiv:1706.03762\n* [Deep Residual Learning](https://arxiv.org/abs/1512.03385) [notes](#resnet)\n",
            Path::new("t.md"),
        );
        // A line with an identifier is kept, and so is a paper with a link to a heading as well.
        let ids: Vec<_> = refs.iter().filter_map(|r| r.arxiv.as_ref()).collect();
        assert_eq!(ids.len(), 2, "{refs:#?}");
        assert_eq!(
            (ids[0].id.as_str(), ids[1].id.as_str()),
            ("1706.03762", "1512.03385")
        );
        assert_eq!(refs.len(), 2, "{refs:#?}");
        // So is a title linked to a heading with names, a venue or another link.
        let r = one("- [Attention Is All You Need](#attention), Vaswani et al., NeurIPS 2017 [[pdf]](https://papers.nips.cc/paper/7181-attention.pdf)");
        assert_eq!(r.venue.as_ref().map(|v| v.name.as_str()), Some("NeurIPS"));
    }

    #[test]
    fn a_year_ends_a_title_with_a_comma_as_one_without() {
        for md in [
            "* **MIMIC-III**: MIMIC-III, a freely accessible critical care database 2016. [paper](https://www.nature.com/articles/sdata201635)",
            "* **MIMIC-III**: MIMIC-III a freely accessible critical care database 2016. [paper](https://www.nature.com/articles/sdata201635)",
        ] {
            let r = one(md);
            assert!(r.title.ends_with("critical care database"), "{md}: {}", r.title);
            assert_eq!(r.year(), Some(2016), "{md}");
        }
    }

    #[test]
    fn a_period_after_the_last_link_leaves_the_venue_readable() {
        let r =
            one("- Neighbourhood Discovery. ICML 2019. [[pdf]](https://arxiv.org/pdf/1904.11567).");
        assert_eq!(r.title, "Neighbourhood Discovery");
        assert_eq!(r.venue.as_ref().map(|v| v.name.as_str()), Some("ICML"));
        let r = one("- **MME-Survey: A Survey on Evaluation**  \narXiv 2025, [Paper](https://arxiv.org/pdf/2411.15296.pdf), [Project](https://github.com/a/b)");
        assert_eq!(r.year(), Some(2025));
        assert_eq!(r.title, "MME-Survey: A Survey on Evaluation");
        for (text, trimmed) in [
            ("ICML 2019. .", "ICML 2019."),
            ("arXiv 2025, , ,", "arXiv 2025,"),
            ("Title . | /", "Title ."),
            ("Title.", "Title."),
        ] {
            assert_eq!(trim_debris_end(text), trimmed);
        }
    }

    #[test]
    fn news_lines_give_only_the_paper_they_announce() {
        let refs = read(
            "## 🔥 News\n\
             - **[2024-10]** :fire:We release a new paper on RAG: \"[MMed-RAG: Versatile Multimodal RAG System](https://arxiv.org/abs/2410.13085)\".\n\
             - **[2024-09]** [CARES](https://arxiv.org/abs/2406.06007) was accepted at NeurIPS'24!\n\
             - We create this repository to maintain a paper list.\n\
             ## Papers\n\
             - We Study Things in Depth. ICML 2024. [[paper](https://arxiv.org/abs/2401.00001)]\n",
            Path::new("t.md"),
        );
        let titles: Vec<&str> = refs.iter().map(|r| r.title.as_str()).collect();
        // `CARES` is all the second line names; merged with a whole entry, the whole title wins.
        assert_eq!(
            titles,
            [
                "MMed-RAG: Versatile Multimodal RAG System",
                "CARES",
                "We Study Things in Depth"
            ]
        );
    }

    #[test]
    fn a_title_cut_after_a_word_no_title_ends_with_goes_on() {
        let r = one("- Deep Residual Learning for\\\n  Image Recognition. CVPR 2016.\n");
        assert_eq!(r.title, "Deep Residual Learning for Image Recognition");
        assert!(r.authors.is_empty());
        assert_eq!(r.venue.unwrap().name, "CVPR");
        let r = one("- A Title About Things\\\n  Kaiming He, Xiangyu Zhang. CVPR 2016.\n");
        assert_eq!(
            (r.title.as_str(), r.authors.len()),
            ("A Title About Things", 2)
        );
        let r = one("- Kinect™ and Emoji 🔥 Titles. ICML 2020.\n");
        assert_eq!(r.title, "Kinect™ and Emoji Titles");
    }

    #[test]
    fn tex_math_is_read_as_written() {
        let r = one("- EuFe $_2$(As$_{1-x}$P$_x$)$_2$ and $a*b$ films. ICML 2020.\n");
        assert_eq!(r.title, "EuFe $_2$(As$_{1-x}$P$_x$)$_2$ and $a*b$ films");
        let r = one("- Costs $5 and $10 here. ICML 2020.\n");
        assert_eq!(r.title, "Costs $5 and $10 here");
    }

    #[test]
    fn emoji_shortcodes_are_removed() {
        assert_eq!(strip_shortcodes(":fire::fire:We release"), "We release");
        assert_eq!(strip_shortcodes("a :+1: b :star2:"), "a  b ");
        assert!(
            EMOJI_NAMES.windows(2).all(|w| w[0] < w[1]),
            "sorted for binary_search"
        );
        for kept in [
            "12:30:45",
            "Title: a:b:c",
            "x :Name: y",
            "ratio 1:2:3",
            "no colon",
            "Fast C++ std::map::find lookups",
            "IPv6 fe80::abc:def",
            "Sphinx :ref: roles and :math:",
            "a:fire: b",
        ] {
            assert!(matches!(strip_shortcodes(kept), Cow::Borrowed(_)), "{kept}");
        }
    }

    #[test]
    fn table_title_column_is_never_a_date() {
        let r = one("| Date | Venue | Benchmark | Source |\n|---|---|---|---|\n\
                     | 2018-02 | LREC 2018 | NL2Bash | \"NL2Bash: A Corpus\" [[paper](https://arxiv.org/abs/1802.08979)] |\n");
        // The source's quoted title says more than the benchmark's name.
        assert_eq!(
            (r.title.as_str(), r.kind),
            ("NL2Bash: A Corpus", Kind::ConferencePaper)
        );
        assert_eq!(r.venue.unwrap().name, "LREC");
        assert_eq!(r.date.unwrap().year, 2018);
        assert_eq!(r.arxiv.unwrap().id, "1802.08979");
        // The quoted title of an arXiv paper under arXiv: that preprint.
        let r = one("| Date | Venue | Benchmark | Source |\n|---|---|---|---|\n\
                     | 2023-05 | arXiv | HumanEval+ | \"Is Your Code Generated by ChatGPT Really Correct?\" [[paper](https://arxiv.org/abs/2305.01210)] |\n");
        assert_eq!(r.kind, Kind::Preprint);
        // Without quotes, the name column gives the title, and the row a dataset.
        let r = one("| Benchmark | Source |\n|---|---|\n| APPS | Hendrycks et al. [[paper](https://arxiv.org/abs/2105.09938)] |\n");
        assert_eq!((r.title.as_str(), r.kind), ("APPS", Kind::Dataset));
        // A paper column's title wins over a name column.
        let r = one("| Name | Paper |\n|---|---|\n| **COYO** | [COYO-700M: Image-Text Pair Dataset](https://github.com/kakaobrain/coyo-dataset/) |\n");
        assert_eq!(r.title, "COYO-700M: Image-Text Pair Dataset");
        // A paper cell with only a link word, an id or a dash gives way to the name.
        let refs = read(
            "| Name | Paper | Venue |\n|---|---|---|\n\
             | **MMBench** | [arXiv](https://arxiv.org/abs/2307.06281) | ECCV 2024 |\n\
             | MME | 2306.13394 | arXiv |\n| POPE | - | EMNLP 2023 |\n",
            Path::new("t.md"),
        );
        let titles: Vec<&str> = refs.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["MMBench", "MME", "POPE"]);
        assert_eq!(refs[0].arxiv.as_ref().unwrap().id, "2307.06281");
    }

    #[test]
    fn title_sentence_with_year_is_not_a_venue() {
        let r = one("- A study of the 2020 pandemic. arxiv 2021.\n");
        assert_eq!(r.title, "A study of the 2020 pandemic");
        assert_eq!(r.year(), Some(2021));
    }

    #[test]
    fn raw_url_sub_bullets_join_their_paper() {
        let refs = read(
            "- **Some Paper Title**\n  - Paper: https://arxiv.org/abs/2312.00001\n  - Code: https://github.com/a/b\n",
            Path::new("t.md"),
        );
        assert_eq!(refs.len(), 1, "{refs:#?}");
        assert_eq!(refs[0].arxiv.as_ref().unwrap().id, "2312.00001");
        assert_eq!(
            refs[0].links.code.as_deref(),
            Some("https://github.com/a/b")
        );
    }

    #[test]
    fn a_plain_table_reads_as_pulldown_cmark_reads_it_with_a_row_that_is_not_plain() {
        let md = "## 2024\n\n|Publish Date|Title|Authors|PDF|Code|\n|---|---|---|---|---|\n\
            |**2024-01-02**|**Plain Title Here**|Ann Lee et.al.|[2401.00001](http://arxiv.org/abs/2401.00001)|null|\n\
            |**2024-01-03**|**A $^2$ Model & More**|Bo Li et.al.|[2401.00002](http://arxiv.org/abs/2401.00002)|**[link](https://github.com/a/b_c)**|\n\
            |**2024-01-04**|**Third Title Here**|Cy Ho, Di Wu|[2401.00003](http://arxiv.org/abs/2401.00003)|**[link](https://github.com/c/d)**|\n";
        let by_hand = read(md, Path::new("t.md"));
        let mut parsed = Vec::new();
        read_without_plain_tables(md, Path::new("t.md"), &mut |r| parsed.push(r));
        assert_eq!(by_hand, parsed);
        let lines: Vec<usize> = by_hand.iter().map(|r| r.origin.line).collect();
        assert_eq!(lines, [5, 6, 7]);
        assert_eq!(
            by_hand[1].links.code.as_deref(),
            Some("https://github.com/a/b_c")
        );
        assert_eq!(by_hand[2].title, "Third Title Here");
        assert_eq!(by_hand[2].authors.len(), 2);
    }

    #[test]
    fn dataset_table_rows() {
        let r = one("## Datasets\n\n| Dataset | Year | Modality |\n|---|---|---|\n| [MIMIC-CXR-JPG](https://physionet.org/content/mimic-cxr-jpg/2.0.0/) | 2019 | Chest X-ray |\n");
        assert_eq!(r.kind, Kind::Dataset);
        assert_eq!(r.title, "MIMIC-CXR-JPG");
        assert_eq!(r.year(), Some(2019));
        assert_eq!(
            r.links.dataset.as_deref(),
            Some("https://physionet.org/content/mimic-cxr-jpg/2.0.0/")
        );
    }

    #[test]
    fn a_link_labelled_paper_wins_over_the_title_link_which_is_the_project_page() {
        let r = one("- [Nymeria](https://www.projectaria.com/datasets/nymeria/) - Daily activities. ECCV 2024. [[paper]](https://www.ecva.net/papers/3541_paper.php)\n");
        assert_eq!(
            r.links.paper.as_deref(),
            Some("https://www.ecva.net/papers/3541_paper.php")
        );
        assert_eq!(
            r.links.project.as_deref(),
            Some("https://www.projectaria.com/datasets/nymeria/")
        );
        assert!(r.links.other.is_empty(), "{:?}", r.links.other);
        // A second title link is no page of the paper; a file of the list is no link at all.
        let r = one("- [SimCLR](https://arxiv.org/abs/2002.05709) [[part 2]](https://youtu.be/x) [Citation](./images/bib.txt)\n");
        assert_eq!(r.links.project, None);
        let part2 = ("part 2".to_string(), "https://youtu.be/x".to_string());
        assert_eq!(r.links.other, [part2]);
        // `project+code` to a repository is the code, and leaves the project to the title.
        let r = one("- [Deep Stereo](https://proj.github.io/dsm/) [[paper]](https://arxiv.org/abs/1506.06825) [[project+code]](https://github.com/a/dsm)\n");
        assert_eq!(r.links.code.as_deref(), Some("https://github.com/a/dsm"));
        assert_eq!(
            r.links.project.as_deref(),
            Some("https://proj.github.io/dsm/")
        );
    }

    #[test]
    fn a_dataset_row_keeps_its_paper_and_takes_its_page_as_the_dataset() {
        let r = one("## Datasets\n\n| Name | Paper | Link | Notes |\n|---|---|---|---|\n| **MMR** | [Seeing Clearly, Answering Incorrectly](https://arxiv.org/pdf/2406.10638.pdf) | [Link](https://huggingface.co/datasets/x/mmr) | A benchmark |\n");
        assert_eq!(r.kind, Kind::Dataset);
        assert_eq!(
            r.links.paper.as_deref(),
            Some("https://arxiv.org/pdf/2406.10638.pdf")
        );
        assert_eq!(
            r.links.dataset.as_deref(),
            Some("https://huggingface.co/datasets/x/mmr")
        );
        // A paper on arXiv with no page stays the paper.
        let r = one("## Datasets\n\n| Name | Paper |\n|---|---|\n| **MBPP** | [Program Synthesis](https://arxiv.org/abs/2108.07732) |\n");
        assert_eq!(r.links.dataset, None);
        assert_eq!(r.arxiv.as_ref().map(|a| a.id.as_str()), Some("2108.07732"));
    }

    fn styles() -> Vec<Reference> {
        read(
            include_str!("../../fixtures/markdown/styles.md"),
            Path::new("styles.md"),
        )
    }

    fn by_arxiv<'r>(refs: &'r [Reference], id: &str) -> &'r Reference {
        refs.iter()
            .find(|r| r.arxiv.as_ref().is_some_and(|a| a.id == id))
            .unwrap_or_else(|| panic!("no entry for {id}"))
    }

    fn family_names(r: &Reference) -> Vec<&str> {
        r.authors.iter().map(|p| p.family.as_str()).collect()
    }

    #[test]
    fn styles_fixture_has_no_toc_code_or_comment_entries() {
        let refs = styles();
        assert_eq!(
            refs.len(),
            24,
            "{:#?}",
            refs.iter().map(|r| &r.title).collect::<Vec<_>>()
        );
        for r in &refs {
            assert!(!is_label_word(&r.title), "label as title: {}", r.title);
            assert!(!r.title.contains("://"), "URL as title: {}", r.title);
            assert!(!r.title.contains("Contents") && !r.title.contains("Our Own Survey"));
        }
        assert!(refs
            .iter()
            .all(|r| r.arxiv.as_ref().is_none_or(|a| a.id != "2001.00001")));
    }

    #[test]
    fn venue_before_the_title_and_short_name_prefixes() {
        let refs = styles();
        let r = by_arxiv(&refs, "2304.02643");
        assert_eq!(r.title, "Segment Anything");
        assert_eq!(r.venue.as_ref().unwrap().name, "ICCV");
        assert_eq!(r.year(), Some(2023));
        let r = by_arxiv(&refs, "2210.06044");
        assert!(r.title.starts_with("Multi-Granularity"), "{}", r.title);
        let r = by_arxiv(&refs, "2305.17100");
        assert!(
            r.title.starts_with("A Generalist Vision-Language"),
            "{}",
            r.title
        );
        assert_eq!(r.date, Some(year_month(2023, 5)));
        let r = by_arxiv(&refs, "2305.09617");
        assert!(r.title.starts_with("Towards Expert-Level"), "{}", r.title);
        let r = by_arxiv(&refs, "2109.00859");
        assert!(
            r.title.starts_with("CodeT5: Identifier-aware"),
            "{}",
            r.title
        );
        // `[2021-09] [EMNLP 2021]`: the conference's year, not the preprint's month.
        assert_eq!(r.date, Some(Date::year(2021)));
    }

    #[test]
    fn authors_in_every_convention() {
        let refs = styles();
        assert_eq!(
            family_names(by_arxiv(&refs, "1609.02907")),
            ["Kipf", "Welling"]
        );
        assert_eq!(
            family_names(by_arxiv(&refs, "1806.01261")),
            ["Battaglia", "Hamrick"]
        );
        assert_eq!(family_names(by_arxiv(&refs, "1512.03385")), ["He"]);
        assert_eq!(family_names(by_arxiv(&refs, "2110.07058")), ["Grauman"]);
        assert_eq!(
            family_names(by_arxiv(&refs, "1810.04805")),
            ["Devlin", "Chang", "Lee"]
        );
        let cvpr = refs
            .iter()
            .find(|r| r.title == "Delving into Egocentric Actions")
            .unwrap();
        assert_eq!(family_names(cvpr), ["Li", "Ye", "Rehg"]);
        assert_eq!(cvpr.authors[2].given, "J. M.");
        assert_eq!(cvpr.year(), Some(2015));
    }

    #[test]
    fn entries_over_several_lines() {
        let refs = styles();
        let r = by_arxiv(&refs, "1706.03762");
        assert_eq!(r.title, "Attention Is All You Need");
        assert_eq!(r.venue.as_ref().unwrap().name, "NeurIPS");
        assert_eq!(r.authors.len(), 3);
        let r = by_arxiv(&refs, "1505.05192");
        assert_eq!(r.venue.as_ref().unwrap().name, "ICCV");
        assert_eq!(
            r.links.code.as_deref(),
            Some("https://github.com/cdoersch/deepcontext")
        );
        assert_eq!(family_names(r), ["Doersch", "Gupta", "Efros"]);
    }

    #[test]
    fn bold_line_with_raw_url_bullets_is_one_paper() {
        let refs = styles();
        let r = by_arxiv(&refs, "2006.11239");
        assert_eq!(r.title, "Denoising Diffusion Probabilistic Models");
        assert_eq!(paths(r), [["Bold line and raw URLs"]]);
        assert_eq!(
            r.links.project.as_deref(),
            Some("https://hojonathanho.github.io/diffusion/")
        );
    }

    #[test]
    fn details_blocks_tables_and_reference_links() {
        let refs = styles();
        let r = by_arxiv(&refs, "2103.00020");
        assert_eq!(
            r.title,
            "Learning Transferable Visual Models From Natural Language Supervision"
        );
        assert_eq!(r.authors.len(), 3);
        let llava: Vec<&Reference> = refs
            .iter()
            .filter(|r| r.title == "Visual Instruction Tuning")
            .collect();
        assert_eq!(llava.len(), 2, "one in a list, one in a table");
        // The table's date column dates the preprint of a NeurIPS paper: its year stays.
        assert_eq!(
            llava[1].date,
            Some(Date {
                year: 2023,
                month: None,
                day: None
            })
        );
        assert_eq!(
            llava[1].links.code.as_deref(),
            Some("https://github.com/haotian-liu/LLaVA")
        );
        let r = by_arxiv(&refs, "2604.24707");
        assert_eq!(r.title, "An Example Daily Paper on Matching");
        assert_eq!(family_names(r), ["Author"]);
        let r = by_arxiv(&refs, "1710.10903");
        assert_eq!(r.title, "Graph Attention Networks");
        assert_eq!(r.year(), Some(2018));
        let r = by_arxiv(&refs, "2405.16473");
        assert!(r.title.starts_with("M3CoT: A Novel"), "{}", r.title);
        assert_eq!(r.venue.as_ref().unwrap().name, "ACL");
    }

    #[test]
    fn urls_keep_the_parentheses_they_open() {
        // A bare DOI of Elsevier's (a PII with its year in parentheses), as GitHub links it.
        let bare = "- A review. Lancet 2023. https://doi.org/10.1016/S2589-7500(23)00021-3.\n";
        assert_eq!(
            one(bare).doi.as_deref(),
            Some("10.1016/S2589-7500(23)00021-3")
        );
        // Two such papers stay two.
        let two = format!(
            "{bare}- Another. Lancet 2023. https://doi.org/10.1016/S2589-7500(23)00083-3\n"
        );
        let dois: Vec<_> = read(&two, Path::new("t.md"))
            .into_iter()
            .map(|r| r.doi)
            .collect();
        assert_eq!(dois[1].as_deref(), Some("10.1016/S2589-7500(23)00083-3"));
        // A parenthesis the URL does not open is the text's.
        let r = one("- A Paper Title (see https://example.org/paper.pdf).\n");
        assert_eq!(
            r.links.paper.as_deref(),
            Some("https://example.org/paper.pdf")
        );
        // A space in an address is written `%20`.
        let r = one("- A Study Of Things. 2023. [paper](<https://example.org/my paper.pdf>)\n");
        assert_eq!(
            r.links.paper.as_deref(),
            Some("https://example.org/my%20paper.pdf")
        );
        // A link's target ending in a parenthesis it opens keeps it.
        let r = one("- Some Wiki Paper (2019). [paper](https://en.wikipedia.org/wiki/T_(m))\n");
        assert_eq!(
            r.links.paper.as_deref(),
            Some("https://en.wikipedia.org/wiki/T_(m)")
        );
    }

    #[test]
    fn venue_and_year_after_a_comma_or_in_parentheses() {
        let link = " [[paper](https://arxiv.org/abs/2304.02643)]\n";
        for (text, title, venue) in [
            ("Segment Anything. ICCV, 2023.", "Segment Anything", "ICCV"),
            (
                "Segment Anything. Arxiv, 2023.",
                "Segment Anything",
                "arXiv",
            ),
            (
                "DINOv2: Robust Features, TMLR, 2024.",
                "DINOv2: Robust Features",
                "Transactions on Machine Learning Research",
            ),
            (
                "Segment Anything. Nature Medicine (2023).",
                "Segment Anything",
                "Nature Medicine",
            ),
            (
                "Segment Anything (Accepted by CVPR 2023)",
                "Segment Anything",
                "CVPR",
            ),
            ("【CVPR 2023】Segment Anything", "Segment Anything", "CVPR"),
        ] {
            let r = one(&format!("- {text}{link}"));
            assert_eq!(r.title, title, "{text}");
            assert_eq!(
                r.venue.as_ref().map(|v| v.name.as_str()),
                Some(venue),
                "{text}"
            );
            assert_eq!(
                r.year(),
                Some(2023 + i32::from(text.contains("2024"))),
                "{text}"
            );
        }
        let r = one("- [Segment Anything](https://arxiv.org/abs/2304.02643), ICCV, 2023.\n");
        assert_eq!(r.venue.map(|v| v.name).as_deref(), Some("ICCV"));
        // Names before the year are authors, not a venue.
        let r = one("- [A Paper On Things](https://arxiv.org/abs/2307.06527) - Haoran Wang, Haibin Ling,  2023.\n");
        assert_eq!((r.venue, r.authors.len()), (None, 2));
    }

    #[test]
    fn identifiers_written_out_are_no_part_of_the_title() {
        let r = one("- Text Id Paper Eight On Things. arXiv:2301.00008. 2023.\n");
        assert_eq!(
            (r.title.as_str(), r.year()),
            ("Text Id Paper Eight On Things", Some(2023))
        );
        assert_eq!(r.arxiv.unwrap().id, "2301.00008");
        let r = one("- Text Id Paper On Things (arXiv 2301.00018). 2023.\n");
        assert_eq!(r.title, "Text Id Paper On Things");
        let r = one("- Doi Text Paper On Things. Nature 2020. doi:10.1038/s41586-020-2649-3\n");
        assert_eq!(r.title, "Doi Text Paper On Things");
        assert_eq!(r.venue.map(|v| v.name).as_deref(), Some("Nature"));
        assert_eq!(r.doi.as_deref(), Some("10.1038/s41586-020-2649-3"));
        // A venue named arXiv stays; an identifier that is the whole text stays the title.
        let r = one("- A Paper On Things. arXiv 2023. [[pdf]](https://example.org/a.pdf)\n");
        assert_eq!(r.venue.map(|v| v.name).as_deref(), Some("arXiv"));
        assert_eq!(one("- arXiv:2301.00008\n").title, "arXiv:2301.00008");
    }

    #[test]
    fn a_quote_that_opens_a_title_and_pages_of_the_list_own() {
        let r = one("- “Smart Quotes” and Their Uses. ICLR 2021. [[pdf]](https://arxiv.org/abs/2101.00001)\n");
        assert_eq!(r.title, "“Smart Quotes” and Their Uses");
        let r = one("- \"Attention Is All You Need\" by Ashish Vaswani. [[pdf]](https://arxiv.org/abs/1706.03762)\n");
        assert_eq!(r.title, "Attention Is All You Need");
        // Links to the list's other pages are no papers.
        let md = "# L\n\n- [Papers (Chinese Version)](README_zh.md)\n- [Evaluation](./README.md#evaluation)\n\n\
            ## A\n\n- A Paper On Things. [[pdf]](https://arxiv.org/abs/2101.00001)\n";
        assert_eq!(one(md).title, "A Paper On Things");
    }

    #[test]
    fn pubmed_and_apa_names_after_a_plain_title() {
        let r = one("- Segment Anything in Medical Images. Ma J, He Y, Li F. Nat Commun 2024. [[paper](https://arxiv.org/abs/2304.12306)]\n");
        assert_eq!(r.title, "Segment Anything in Medical Images");
        assert_eq!((r.authors.len(), r.authors[0].family.as_str()), (3, "Ma"));
        let r = one("- In the Eye of Transformer. Li, Y., Ye, Z., & Rehg, J. M. BMVC 2022. [[paper](https://arxiv.org/abs/2304.12307)]\n");
        assert_eq!(
            (r.title.as_str(), r.authors.len()),
            ("In the Eye of Transformer", 3)
        );
    }

    #[test]
    fn html_links_and_list_items() {
        let r = one("- Attention Is All You Need. NeurIPS 2017. <a href=\"https://arxiv.org/abs/1706.03762\">[paper]</a> <a href='https://github.com/x/y'>[code]</a>\n");
        assert_eq!(r.title, "Attention Is All You Need");
        assert_eq!(r.arxiv.map(|a| a.id).as_deref(), Some("1706.03762"));
        assert_eq!(r.links.code.as_deref(), Some("https://github.com/x/y"));
        let md = "# L\n\n## Papers\n\n<ul>\n<li>Learning Transferable Visual Models. ICML 2021. <a href=\"https://arxiv.org/abs/2103.00020\">[paper]</a></li>\n\
            <li><a href=\"https://arxiv.org/abs/2102.05918?a=1&amp;b=2\">Scaling Up Visual Representation Learning</a>, ICML 2021</li>\n</ul>\n";
        let refs = read(md, Path::new("t.md"));
        let got: Vec<(&str, usize, Option<&str>)> = (refs.iter())
            .map(|r| (r.title.as_str(), r.origin.line, r.links.paper.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Learning Transferable Visual Models",
                    6,
                    Some("https://arxiv.org/abs/2103.00020")
                ),
                (
                    "Scaling Up Visual Representation Learning",
                    7,
                    Some("https://arxiv.org/abs/2102.05918?a=1&b=2")
                ),
            ]
        );
    }

    #[test]
    fn html_headings_are_sections_but_banners() {
        let md = "<h2 align=\"center\">Awesome Things</h2>\n\n## Vision\n\n<h3 id=\"det\">Detection &amp; Parsing</h3>\n\n\
            - Mask R-CNN. ICCV 2017. [[paper](https://arxiv.org/abs/1703.06870)]\n";
        let r = one(md);
        assert_eq!(paths(&r), [["Vision", "Detection & Parsing"]]);
        assert_eq!(r.origin.line, 7);
    }

    #[test]
    fn a_paper_whose_first_nested_line_is_its_authors() {
        for md in [
            "## C\n\n- Language Models are Few-Shot Learners\n  - Tom B. Brown, Benjamin Mann, Nick Ryder\n  - [Paper](https://arxiv.org/abs/2005.14165)\n",
            "## C\n\n- **Language Models are Few-Shot Learners**\n  - *Tom B. Brown, Benjamin Mann, Nick Ryder*\n  - [Paper](https://arxiv.org/abs/2005.14165)\n",
        ] {
            let r = one(md);
            assert_eq!(r.title, "Language Models are Few-Shot Learners", "{md}");
            assert_eq!((r.authors.len(), paths(&r)), (3, vec![vec!["C".to_string()]]));
            assert_eq!(r.arxiv.map(|a| a.id).as_deref(), Some("2005.14165"));
        }
        // A group of papers stays a section.
        let md = "## C\n\n- Few-Shot Learners and Friends\n  - A Paper. Ann Lee, Bo Li. [[pdf]](https://arxiv.org/abs/2005.14165)\n";
        assert_eq!(paths(&one(md)), [["C", "Few-Shot Learners and Friends"]]);
    }

    #[test]
    fn references_written_names_first() {
        let r = one("1. A. Vaswani, N. Shazeer, N. Parmar, \"Attention is all you need,\" in *Proc. NeurIPS*, 2017, pp. 5998–6008.\n");
        assert_eq!(
            (r.title.as_str(), r.authors.len(), r.year()),
            ("Attention is all you need", 3, Some(2017))
        );
        assert_eq!(r.venue.map(|v| v.name).as_deref(), Some("NeurIPS"));
        let r =
            one("- [3] T. Brown et al., “Language models are few-shot learners,” NeurIPS 2020.\n");
        assert_eq!(
            (r.title.as_str(), r.et_al),
            ("Language models are few-shot learners", true)
        );
        let r = one("- Vaswani, A., Shazeer, N. (2017). Attention is all you need. In NeurIPS. https://arxiv.org/abs/1706.03762\n");
        assert_eq!(
            (r.title.as_str(), r.authors.len(), r.year()),
            ("Attention is all you need", 2, Some(2017))
        );
        assert_eq!(r.venue.map(|v| v.name).as_deref(), Some("NeurIPS"));
        // MLA, as a list item and as a numbered paragraph.
        let r = one("- He, Kaiming, et al. \"**Deep residual learning for image recognition**.\" arXiv preprint arXiv:1512.03385 (2015). [[pdf]](https://arxiv.org/pdf/1512.03385.pdf) **(ResNet)** :star::star:\n");
        assert_eq!(
            (r.title.as_str(), r.authors[0].family.as_str(), r.et_al),
            ("Deep residual learning for image recognition", "He", true)
        );
        let r = one("## Survey\n\n**[1]** LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton. \"**Deep learning**.\" Nature 521.7553 (2015): 436-444. [[pdf]](http://www.cs.toronto.edu/~hinton/absps/NatureDeepReview.pdf) **(Three Giants' Survey)**\n");
        let names: Vec<&str> = r.authors.iter().map(|p| p.family.as_str()).collect();
        assert_eq!(
            (r.title.as_str(), names, r.year()),
            (
                "Deep learning",
                vec!["LeCun", "Bengio", "Hinton"],
                Some(2015)
            )
        );
        assert_eq!(r.venue.map(|v| v.name).as_deref(), Some("Nature"));
        // Every name given name first, before a period.
        let r = one("* Noushin Azami, Rain Lawson, and Martin Burtscher. \"LICO: An Effective, High-Speed, Lossless Compressor for Images.\" Proceedings of the 2024 Data Compression Conference. [[pdf]](https://cs.txstate.edu/~burtscher/papers/dcc24a.pdf)\n");
        let names: Vec<&str> = r.authors.iter().map(|p| p.family.as_str()).collect();
        assert_eq!(names, ["Azami", "Lawson", "Burtscher"]);
        // A quotation is no reference.
        let md = "## Why\n\n- Yann LeCun: \"self-supervised learning is the cake\"\n";
        assert!(read(md, Path::new("t.md"))
            .iter()
            .all(|r| r.authors.is_empty()));
    }

    #[test]
    fn sections_lose_their_emoji() {
        let md = "## 🔥 Practical Guide\n\n### :fire: Diffusion 🚀\n\n- A Paper On Things. [[pdf]](https://arxiv.org/abs/2101.00001)\n";
        assert_eq!(paths(&one(md)), [["Practical Guide", "Diffusion"]]);
        let md = "## 🚀\n\n- A Paper On Things. [[pdf]](https://arxiv.org/abs/2101.00001)\n";
        assert_eq!(paths(&one(md)), [["🚀"]]);
    }

    #[test]
    fn names_after_by_or_between_pipes() {
        let r = one("- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) by Ashish Vaswani, Noam Shazeer (NeurIPS 2017)\n");
        assert_eq!((r.authors.len(), r.year()), (2, Some(2017)));
        let r = one("- [High-Resolution Image Synthesis](https://arxiv.org/abs/2112.10752) | Robin Rombach, Andreas Blattmann | CVPR 2022 | [Code](https://github.com/a/b)\n");
        assert_eq!(r.authors.len(), 2);
        assert_eq!(r.venue.map(|v| v.name).as_deref(), Some("CVPR"));
    }

    #[test]
    fn lines_end_at_a_carriage_return_too() {
        let entry = "- A Paper On Things. [[pdf]](https://arxiv.org/abs/1706.03762)";
        for end in ["\n", "\r\n", "\r"] {
            let md = ["# L", "", "## A", "", entry, ""].join(end);
            assert_eq!(one(&md).origin.line, 5, "{end:?}");
        }
    }

    #[test]
    fn front_matter_is_not_read() {
        let md = "---\ntitle: Awesome Things\n- Fake Paper. CVPR 2023. [[paper](https://arxiv.org/abs/2301.09999)]\n---\n\n\
            ### Vision\n\n- Attention Is All You Need. NeurIPS 2017. [[paper](https://arxiv.org/abs/1706.03762)]\n";
        let r = one(md);
        assert_eq!(
            (paths(&r), r.origin.line),
            (vec![vec!["Vision".to_string()]], 8)
        );
        let mut pieces = Vec::new();
        read_in_pieces(md, Path::new("t.md"), 1, &mut |r| pieces.push(r));
        assert_eq!(pieces, [r]);
        // A rule over a heading at the top is no front matter.
        let md =
            "---\n# L\n\n- A Paper On Things. [[pdf]](https://arxiv.org/abs/1706.03762)\n---\n";
        assert_eq!(one(md).title, "A Paper On Things");
        // Rules further down are rules: the papers between them are read.
        let md =
            "# L\n\n---\n- A Paper On Things. [[pdf]](https://arxiv.org/abs/1706.03762)\n---\n";
        assert_eq!(one(md).title, "A Paper On Things");
    }

    #[test]
    fn malformed_double_parenthesis_link_still_gives_the_id() {
        let r = one("- BiomedGPT: A Model. [paper]((https://arxiv.org/abs/2305.17100))\n");
        assert_eq!(r.arxiv.unwrap().id, "2305.17100");
    }

    #[test]
    fn video_item_is_other_and_list_item_heading_names_section() {
        let refs = styles();
        let video = refs
            .iter()
            .find(|r| r.title == "Deep Learning Lecture Series")
            .unwrap();
        assert_eq!(video.kind, Kind::Other);
        let nature = refs.iter().find(|r| r.title == "Deep Learning").unwrap();
        assert_eq!(nature.doi.as_deref(), Some("10.1038/nature14539"));
        assert_eq!(
            nature.sections[0].last().map(String::as_str),
            Some("1.1 Paper lists (a list item used as a heading)")
        );
    }

    #[test]
    fn bracketed_name_before_a_description_is_the_title() {
        let r = one("- [IndustReal] - A dataset of 84 videos of toy assembly. WACV 2024. [[paper]](https://arxiv.org/abs/2310.17323)\n");
        assert_eq!(r.title, "IndustReal");
        assert_eq!(r.venue.as_ref().unwrap().name, "WACV");
        assert_eq!(r.year(), Some(2024));
    }

    #[test]
    fn url_as_link_label_is_never_a_title() {
        let refs = read(
            "- [https://example.org/paper](https://example.org/paper) - Yuhan Shen, Ehsan Elhamifar, CVPR 2024.\n- Homeoage: https://example.org/project\n",
            Path::new("t.md"),
        );
        assert!(refs.is_empty(), "{refs:#?}");
    }

    #[test]
    fn an_item_that_is_only_a_link_to_no_paper_is_no_work() {
        let titles = |md: &str| -> Vec<String> {
            read(md, Path::new("t.md"))
                .into_iter()
                .map(|r| r.title)
                .collect()
        };
        // Products, organisations, other lists: none.
        assert!(titles("## Devices\n\n- [GoPro](https://gopro.com/it/it/)\n- [Apple Vision Pro](https://www.apple.com/apple-vision-pro/)\n* **[World Health Organization](https://www.who.int/publications/who-guidelines)**\n- [Awesome Education LLM](https://github.com/a/Awesome-Education-LLM)\n").is_empty());
        // A paper by its link, a longer title, anything besides the link, a dataset: kept.
        // A name and its site's home page: a blog, no work; a course of many words stays.
        assert_eq!(
            titles("## Blogs\n\n- OpenAI [[web]](https://www.openai.com/)\n- Andrej Karpathy Blog [[web]](http://karpathy.github.io/)\n- CS231n, Convolutional Neural Networks for Visual Recognition [[web]](http://cs231n.stanford.edu/)\n- Distill Post [[web]](http://distill.pub/2016/augmented-rnns/)\n"),
            ["CS231n, Convolutional Neural Networks for Visual Recognition", "Distill Post"]
        );
        let kept = titles("- [CLIP](https://arxiv.org/abs/2103.00020)\n- [The Human Phenotype Ontology Today](https://hpo.jax.org/app/)\n- [GoPro](https://gopro.com/) 2021\n- [Pupil](https://pupil-labs.com/) - an eye tracker\n\n## Datasets\n\n- [MIMIC-CXR](https://physionet.org/content/mimic-cxr/)\n");
        assert_eq!(
            kept,
            [
                "CLIP",
                "The Human Phenotype Ontology Today",
                "GoPro",
                // The description after the name is dropped.
                "Pupil",
                "MIMIC-CXR"
            ]
        );
    }

    #[test]
    fn a_title_that_names_a_conference_gives_it_to_entries_without_one() {
        let md = "# CVPR 2024 \u{8bba}\u{6587}(Papers with Code)\n\n# 3DGS\n\n**Scaffold-GS: Structured 3D Gaussians for View-Adaptive Rendering**\n\n- Paper: https://arxiv.org/abs/2312.00109\n\n**Other Things Entirely**\n\n- Paper: https://arxiv.org/abs/2309.00001\n- ECCV 2022\n";
        let refs = read(md, Path::new("t.md"));
        let got: Vec<_> = refs
            .iter()
            .map(|r| (r.kind, r.venue.as_ref().map(|v| v.name.as_str()), r.year()))
            .collect();
        assert_eq!(
            got,
            [
                (Kind::ConferencePaper, Some("CVPR"), Some(2024)),
                (Kind::ConferencePaper, Some("ECCV"), Some(2022)),
            ]
        );
        for (title, venue) in [
            ("ECCV2024-Papers-with-Code", Some(("ECCV", 2024))),
            ("NeurIPS'2023 papers", Some(("NeurIPS", 2023))),
            ("CVPR 20245", None),
            ("Awesome CVPR 2024", None),
            ("arXiv 2024 daily", None),
            ("Papers", None),
        ] {
            let got = venue_of_title(title);
            let got = got.as_ref().map(|(v, y)| (v.name.as_str(), *y));
            assert_eq!(got, venue, "{title}");
        }
    }

    #[test]
    fn a_speakers_affiliation_after_the_name() {
        let r = one("- The power of Self-Learning Systems. Demis Hassabis (DeepMind).\n  [[link]](https://youtu.be/wxis9FrCHbw)\n");
        assert_eq!(r.title, "The power of Self-Learning Systems");
        assert_eq!(family_names(&r), ["Hassabis"]);
        let r = one("- Deep Things in Vision. Alyosha Efros @UC Berkeley.\n  [[video]](https://www.youtube.com/watch?v=PX11C5Vfo9U)\n");
        assert_eq!(r.title, "Deep Things in Vision");
        assert_eq!(family_names(&r), ["Efros"]);
        // A title's own parenthesis stays.
        let r = one(
            "- Learning Things. Foundation Models (FM).\n  [[pdf]](https://example.org/p.pdf)\n",
        );
        assert!(r.authors.is_empty(), "{:?}", r.authors);
        // With no period after the affiliation, after a question, and as a sentence of its own.
        for (line, title) in [
            (
                "- Making Computers Study Harder. Alyosha Efros (UCB) \n",
                "Making Computers Study Harder",
            ),
            (
                "- Could machines learn like humans? Yann LeCun @EPFL.\n",
                "Could machines learn like humans?",
            ),
            (
                "- Graph Embeddings, & Self-Supervised Learning. Yann LeCun. (NYU & FAIR)\n",
                "Graph Embeddings, & Self-Supervised Learning",
            ),
        ] {
            let r = one(line);
            assert_eq!(r.title, title, "{line}");
            assert_eq!(r.authors.len(), 1, "{line}");
        }
        // A question's answer is no speaker.
        let r =
            one("- Is Attention All You Need? Yes We Can.\n  [[pdf]](https://example.org/p.pdf)\n");
        assert!(r.authors.is_empty(), "{:?}", r.authors);
    }

    #[test]
    fn a_note_of_the_kind_beside_the_year() {
        let r = one("- Neural Network and Deep Learning (Book, Jan 2017), Michael Nielsen. [[html]](http://neuralnetworksanddeeplearning.com/index.html)\n");
        assert_eq!(r.title, "Neural Network and Deep Learning");
        assert_eq!((r.kind, r.year()), (Kind::Book, Some(2017)));
        assert_eq!(r.date.and_then(|d| d.month), Some(1));
        assert_eq!(family_names(&r), ["Nielsen"]);
        let r = one("- Deep learning (Book, 2016), Goodfellow et al. [[html]](http://www.deeplearningbook.org/)\n");
        assert_eq!(
            (r.title.as_str(), r.kind, r.year()),
            ("Deep learning", Kind::Book, Some(2016))
        );
        // A title with such words in parentheses is no note.
        let r =
            one("- Reading (Book Reviews) at Scale, Ann Lee. [[pdf]](https://example.org/t.pdf)\n");
        assert_eq!(r.kind, Kind::Other);
    }

    #[test]
    fn labels_that_are_no_title_and_links_to_nowhere() {
        let r = one("- **MME: A Comprehensive Evaluation Benchmark for Multimodal Large Language Models**  \nNeurIPS 2025 DB Highlight, [Paper](https://arxiv.org/pdf/2306.13394.pdf), [Dataset](https://huggingface.co/datasets/lmms-lab/MME), [Eval Tool](https://github.com/a/b/blob/Evaluation/tools/eval_tool.zip), [\u{2712}\u{fe0f} Citation](./images/bib_mme.txt), [Leaderboard](https://huggingface.co/spaces/a/b), [Code]()\n");
        assert_eq!(
            r.title,
            "MME: A Comprehensive Evaluation Benchmark for Multimodal Large Language Models"
        );
        assert_eq!(r.venue.map(|v| v.name).as_deref(), Some("NeurIPS"));
        assert_eq!(r.date.map(|d| d.year), Some(2025));
        assert_eq!(r.links.code, None);
        let labels: Vec<&str> = r.links.other.iter().map(|(l, _)| l.as_str()).collect();
        assert!(
            labels.contains(&"Leaderboard") && labels.contains(&"Eval Tool"),
            "{labels:?}"
        );
    }

    #[test]
    fn urls_glued_by_an_escaped_line_break_are_several() {
        let r = one("- Fast and accurate deep network learning by exponential linear units (ELUS) (2015), D. Clevert et al. [[pdf]](https://arxiv.org/pdf/1511.07289.pdf%5Cnhttp://arxiv.org/abs/1511.07289%5Cnhttp://arxiv.org/abs/1511.07289)\n");
        assert_eq!(
            r.links.paper.as_deref(),
            Some("https://arxiv.org/pdf/1511.07289.pdf")
        );
        assert_eq!(r.arxiv.as_ref().map(|a| a.id.as_str()), Some("1511.07289"));
        let all = format!("{:?}", r.links);
        assert!(!all.contains("%5C"), "{all}");
        // Escapes that glue no URL stay.
        let (url, extra) = repair_url("https://example.org/a%0Ab");
        assert_eq!(
            (url.as_ref(), extra.len()),
            ("https://example.org/a%0Ab", 0)
        );
        let (url, extra) = repair_url("https://example.org/a.pdf\\r\\nhttps://example.org/b");
        assert_eq!(url, "https://example.org/a.pdf");
        assert_eq!(extra, ["https://example.org/b"]);
    }

    #[test]
    fn short_name_after_a_bold_venue_tag_is_dropped() {
        let r = one("* [**Arxiv, 2023.6**] **MedPaLM 2**: Towards expert-level medical question answering with large language models. [paper](https://arxiv.org/abs/2305.09617)\n");
        assert_eq!(
            r.title,
            "Towards expert-level medical question answering with large language models"
        );
        assert_eq!(r.date, Some(year_month(2023, 6)));
    }

    #[test]
    fn bare_year_after_the_title() {
        let r = one("* **MMLU**: Measuring massive multitask language understanding 2020. [paper](https://arxiv.org/abs/2009.03300)\n");
        assert_eq!(
            r.title,
            "Measuring massive multitask language understanding"
        );
        assert_eq!(r.year(), Some(2020));
    }

    #[test]
    fn year_in_parentheses_then_authors_without_bold() {
        let r = one("- Mind's eye: A recurrent visual representation for image caption generation (2015), X. Chen and C. Zitnick [[pdf]](https://example.org/p.pdf)\n");
        assert_eq!(
            r.title,
            "Mind's eye: A recurrent visual representation for image caption generation"
        );
        assert_eq!(r.year(), Some(2015));
        assert_eq!(r.authors.len(), 2);
    }

    #[test]
    fn bold_year_line_before_link_only_items_stays_a_section() {
        let refs = read(
            "**2023**\n\n- [paper](https://arxiv.org/abs/2301.00001)\n",
            Path::new("t.md"),
        );
        assert!(refs.iter().all(|r| r.title != "2023"), "{refs:#?}");
    }
}
