//! Extraction and normalisation of arXiv ids and DOIs, from URLs and from plain text.
//!
//! Every reader and the de-duplication use these functions, so an id means the same everywhere.

use crate::model::{ArxivId, Date};
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// `arXiv:2301.04558` (or `arxiv 2301.04558v2`) written in text. Digits are ASCII (`\d` would
/// take any script's digits, which no id has, and cost four times as much to compile).
static ARXIV_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b{ARXIV_IN_TEXT_PATTERN}\b")).expect("valid regex")
});

/// [`ARXIV_IN_TEXT`]'s pattern, case-insensitive, without word bounds: `arXiv`, then the id as
/// group 1.
pub(crate) const ARXIV_IN_TEXT_PATTERN: &str = r"arxiv\s*[:/]?\s*([0-9]{4}\.[0-9]{4,5}(?:v[0-9]+)?|[a-z][a-z\-]*(?:\.[a-z]{2})?/[0-9]{7}(?:v[0-9]+)?)";

/// A DOI's start: `10.` followed by a registrant code and a slash.
static DOI_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b{DOI_START_PATTERN}")).expect("valid regex"));

/// [`DOI_START`]'s pattern: a DOI's prefix, `10.` and four to nine digits, and its slash.
pub(crate) const DOI_START_PATTERN: &str = r"10\.[0-9]{4,9}/";

/// Parses a bare arXiv id: new style (`2210.10163`, `0704.0001v2`) or old style
/// (`hep-th/9901001`, `math.GT/0309136`), with an optional version.
pub fn parse_arxiv_id(text: &str) -> Option<ArxivId> {
    let (id, version, old_style) = arxiv_id_parts(text)?;
    // An old-style id's subject class (`math.GT/0309136`) is no part of the paper's identity:
    // arXiv names it `math/0309136`.
    let id = if old_style {
        let (archive, number) = id.split_once('/').unwrap_or((id, ""));
        let archive = archive.split_once('.').map_or(archive, |(name, _)| name);
        format!("{}/{number}", archive.to_ascii_lowercase())
    } else {
        id.to_string()
    };
    Some(ArxivId { id, version })
}

/// The month an arXiv id was given in, which its first digits say (`2306.13394`: June 2023,
/// `hep-th/9901001`: January 1999): the month of the paper's first version.
pub fn arxiv_month(id: &ArxivId) -> Option<Date> {
    let digits = match id.id.split_once('/') {
        Some((_, number)) => number,
        None => &id.id,
    };
    let yy: i32 = digits.get(..2)?.parse().ok()?;
    let month: u8 = digits.get(2..4)?.parse().ok()?;
    // Old-style ids ran from 1991 to 2007, new-style ones start in 2007.
    let year = if yy >= 91 { 1900 + yy } else { 2000 + yy };
    (1..=12).contains(&month).then_some(Date {
        year,
        month: Some(month),
        day: None,
    })
}

/// Whether `text` is a bare arXiv id, as [`parse_arxiv_id`] reads one (without copying it).
pub fn is_arxiv_id(text: &str) -> bool {
    arxiv_id_parts(text).is_some()
}

/// A valid arXiv id's text without version, its version, and whether it is old style.
fn arxiv_id_parts(text: &str) -> Option<(&str, Option<u32>, bool)> {
    let text = text.trim();
    // A version is `v` and digits after the id, which always ends with a digit.
    let v = text.bytes().rposition(|b| b == b'v' || b == b'V');
    let (id, version) = match v {
        Some(at)
            if at + 1 < text.len()
                && text[at + 1..].bytes().all(|b| b.is_ascii_digit())
                && text[..at].ends_with(|c: char| c.is_ascii_digit()) =>
        {
            (&text[..at], text[at + 1..].parse().ok())
        }
        _ => (text, None),
    };
    let digits = |s: &str, range: std::ops::RangeInclusive<usize>| {
        range.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let slash = id.bytes().position(|b| b == b'/');
    match slash.map(|at| (&id[..at], &id[at + 1..])) {
        // Old style: archive name, optional subject class, `/`, seven digits; lower case.
        Some((archive, number)) => {
            let (name, class) = archive.split_once('.').unwrap_or((archive, "ab"));
            let name_ok = name.starts_with(|c: char| c.is_ascii_alphabetic())
                && name.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-');
            let class_ok = class.len() == 2 && class.bytes().all(|b| b.is_ascii_alphabetic());
            (name_ok && class_ok && digits(number, 7..=7)).then_some((id, version, true))
        }
        // New style (since April 2007, `0704.`): `YYMM.` and four digits, five since January
        // 2015 (`1501.`), with a plausible month. `0808.05394` cannot exist.
        None => {
            let dot = id.bytes().position(|b| b == b'.')?;
            let (yymm, number) = (&id[..dot], &id[dot + 1..]);
            let width = if yymm >= "1501" { 5..=5 } else { 4..=4 };
            if !digits(yymm, 4..=4) || !digits(number, width) || yymm < "0704" {
                return None;
            }
            let month: u32 = yymm[2..].parse().ok()?;
            (1..=12).contains(&month).then_some((id, version, false))
        }
    }
}

/// The host of a URL as written, without `www.`: a cheap first look, before
/// [`host_and_path`] reads it properly (lower case, user and port taken off).
pub(crate) fn rough_host(url: &str) -> &str {
    let bytes = url.as_bytes();
    let Some(colon) = bytes.iter().position(|&b| b == b':') else {
        return "";
    };
    if !bytes[colon..].starts_with(b"://") {
        return "";
    }
    let rest = &url[colon + 3..];
    let end = rest
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let host = &rest[..end];
    host.strip_prefix("www.").unwrap_or(host)
}

/// The lower-case host and the path of an absolute URL (`scheme://host:port/path?query#frag`).
pub(crate) fn host_and_path(url: &str) -> Option<(std::borrow::Cow<'_, str>, &str)> {
    let url = url.trim();
    // The scheme ends at the first `:`, which `//` must follow.
    let colon = url.bytes().position(|b| b == b':')?;
    let (scheme, rest) = (&url[..colon], url[colon + 1..].strip_prefix("//")?);
    let scheme_ok = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'));
    if !scheme_ok {
        return None;
    }
    let position = |text: &str, stops: &[u8]| {
        text.bytes()
            .position(|b| stops.contains(&b))
            .unwrap_or(text.len())
    };
    let end = position(rest, b"/?#");
    let authority = &rest[..end];
    let authority = &authority[authority
        .bytes()
        .rposition(|b| b == b'@')
        .map_or(0, |i| i + 1)..];
    let host = match authority.bytes().rposition(|b| b == b':') {
        Some(i) if authority[i + 1..].bytes().all(|b| b.is_ascii_digit()) => &authority[..i],
        _ => authority,
    };
    if host.is_empty() {
        return None;
    }
    let rest = &rest[end..];
    let path = &rest[..position(rest, b"?#")];
    let host = if host.bytes().any(|b| b.is_ascii_uppercase()) {
        host.to_ascii_lowercase().into()
    } else {
        host.into()
    };
    Some((host, path))
}

/// The arXiv id in a URL on any arXiv host (`/abs/`, `/pdf/`, `.pdf`, `/html/`, version suffixes).
pub fn arxiv_from_url(url: &str) -> Option<ArxivId> {
    parse_arxiv_id(arxiv_text_in_url(url)?)
}

/// Whether [`arxiv_from_url`] finds an id in `url` (without copying it).
pub fn is_arxiv_url(url: &str) -> bool {
    arxiv_text_in_url(url).is_some_and(is_arxiv_id)
}

/// The part of an arXiv URL's path that should be the id, on arXiv's hosts and on the sites
/// that show arXiv's papers under their ids: ar5iv, alphaXiv, Hugging Face's paper pages
/// (`huggingface.co/papers/2301.00007`) and Semantic Scholar's `/arxiv/` addresses.
fn arxiv_text_in_url(url: &str) -> Option<&str> {
    // A first look at the host as written, before it is read properly.
    arxiv_site(rough_host(url))?;
    let (host, path) = host_and_path(url)?;
    let rest = arxiv_site(&host)?
        .iter()
        .find_map(|prefix| path.strip_prefix(prefix))?;
    let rest = rest.trim_end_matches('/');
    Some(rest.strip_suffix(".pdf").unwrap_or(rest))
}

/// The sites that show arXiv papers under their ids: the host, whether its subdomains are the
/// site's too (`export.arxiv.org`, `ar5iv.labs.arxiv.org`), and the paths the id follows.
const ARXIV_SITES: [(&str, bool, &[&str]); 6] = [
    ("arxiv.org", true, &["/abs/", "/pdf/", "/html/", "/format/"]),
    ("ar5iv.org", false, &["/abs/", "/html/"]),
    ("alphaxiv.org", false, &["/abs/", "/overview/", "/pdf/"]),
    ("huggingface.co", false, &["/papers/"]),
    ("hf.co", false, &["/papers/"]),
    ("semanticscholar.org", false, &["/arxiv/"]),
];

/// The paths under which `host` (in any case, `www.` or not) shows an arXiv id, if it is one of
/// [`ARXIV_SITES`].
fn arxiv_site(host: &str) -> Option<&'static [&'static str]> {
    let host = host.as_bytes();
    let host = host
        .get(..4)
        .filter(|w| w.eq_ignore_ascii_case(b"www."))
        .map_or(host, |_| &host[4..]);
    ARXIV_SITES.iter().find_map(|&(site, subdomains, paths)| {
        let site = site.as_bytes();
        let at = host.len().checked_sub(site.len())?;
        let whole = host[at..].eq_ignore_ascii_case(site)
            && (at == 0 || subdomains && host[at - 1] == b'.');
        whole.then_some(paths)
    })
}

/// Every `arXiv:ID` written in plain text, in order.
pub fn arxiv_in_text(text: &str) -> Vec<ArxivId> {
    ARXIV_IN_TEXT
        .captures_iter(text)
        .filter_map(|c| parse_arxiv_id(c.get(1)?.as_str()))
        .collect()
}

/// The arXiv id inside arXiv's own DOIs (`10.48550/arXiv.2210.10163`).
pub fn arxiv_from_doi(doi: &str) -> Option<ArxivId> {
    let lower = doi.to_ascii_lowercase();
    let rest = lower.strip_prefix("10.48550/arxiv.")?;
    parse_arxiv_id(rest)
}

/// The journals of nature.com's older article ids, by the ids' prefix (`nature14539`,
/// `ncomms5401`, `srep16696`, `sdata2018178`).
pub(crate) const NATURE_OLD_IDS: [(&str, &str); 4] = [
    ("nature", "Nature"),
    ("ncomms", "Nature Communications"),
    ("srep", "Scientific Reports"),
    ("sdata", "Scientific Data"),
];

/// The DOI in a resolver or publisher URL: doi.org, dx.doi.org, link.springer.com/chapter|article,
/// a publisher's `/doi/` pages (`dl.acm.org/doi/abs/...`, `mitpressjournals.org/doi/pdfplus/...`),
/// and nature.com's articles with a Springer Nature id (`s41591-024-03185-2`).
pub fn doi_from_url(url: &str) -> Option<String> {
    // Every address below has "doi" or "springer" in it, or is nature.com's.
    let publisher = || {
        let host = rough_host(url);
        ["nature.com", "biorxiv.org", "medrxiv.org"]
            .iter()
            .any(|h| host.eq_ignore_ascii_case(h))
    };
    if !contains_ignore_ascii_case(url, &["doi", "springer"]) && !publisher() {
        return None;
    }
    let (host, path) = host_and_path(url)?;
    let path = percent_decode(path);
    let path = path.trim_start_matches('/');
    let candidate = match host.trim_start_matches("www.") {
        "doi.org" | "dx.doi.org" => path,
        "link.springer.com" => ["chapter/", "article/", "content/pdf/"]
            .iter()
            .find_map(|p| path.strip_prefix(p))?,
        // bioRxiv's and medRxiv's pages and PDFs, by DOI and version
        // (`content/10.1101/2023.01.01.522000v1.full.pdf`).
        "biorxiv.org" | "medrxiv.org" => {
            // Their DOIs are digits and dots (`10.1101/2023.01.01.522000`, `10.1101/652206`);
            // a version, `.full` or `.abstract` may follow.
            let number = path.strip_prefix("content/10.1101/")?;
            let end = (number.bytes())
                .position(|b| !b.is_ascii_digit() && b != b'.')
                .unwrap_or(number.len());
            return parse_doi(&format!("10.1101/{}", number[..end].trim_end_matches('.')));
        }
        // A Springer Nature article id (`s41591-024-03185-2`) is its DOI's suffix, and so are
        // older ids of Nature, Nature Communications and Scientific Reports (`nature14539`,
        // `ncomms5401`, `srep16696`); Scientific Data's old ids (`sdata2018178`) put the year
        // apart (10.1038/sdata.2018.178). Other old ids are left alone.
        "nature.com" => {
            let id = path.strip_prefix("articles/")?.trim_end_matches(".pdf");
            let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            let springer_id = id.len() > 7
                && id.starts_with('s')
                && digits(&id[1..6])
                && id.as_bytes()[6] == b'-';
            let old_id = (NATURE_OLD_IDS.iter()).any(|(prefix, _)| {
                *prefix != "sdata" && id.strip_prefix(prefix).is_some_and(digits)
            });
            let doi = match id.strip_prefix("sdata") {
                Some(n) if n.len() > 4 && digits(n) => {
                    format!("10.1038/sdata.{}.{}", &n[..4], &n[4..])
                }
                _ if springer_id || old_id => format!("10.1038/{id}"),
                _ => return None,
            };
            return parse_doi(&doi);
        }
        // Publishers' `/doi/10.x/...` pages: ACM, MIT Press, Wiley, Taylor & Francis, SAGE,
        // Science, ACS... (`/doi/abs/`, `/doi/pdf/`, `/doi/pdfplus/` and the like too).
        _ => {
            let rest = path.strip_prefix("doi/")?;
            match rest.split_once('/') {
                Some((view, doi)) if !view.starts_with("10.") => doi,
                _ => rest,
            }
        }
    };
    let candidate = candidate.strip_suffix(".pdf").unwrap_or(candidate);
    parse_doi(candidate)
}

/// The ACL Anthology id in a URL of the anthology (`aclanthology.org/2023.findings-acl.676.pdf`,
/// `aclweb.org/anthology/P/P15/P15-1033.pdf`, `www.aclweb.org/anthology/N13-1#page=784`):
/// `2023.findings-acl.676`, `P15-1033`, `N13-1`. The id's form is [`venue::of_acl_anthology`]'s
/// to check.
///
/// [`venue::of_acl_anthology`]: crate::venue::of_acl_anthology
pub fn acl_anthology_id(url: &str) -> Option<&str> {
    // Searched from their rarer second letter: most URLs have an `a` or several.
    if !contains_ignore_ascii_case(url, &["clanthology", "clweb"]) {
        return None;
    }
    let (host, path) = host_and_path(url)?;
    let host = host.trim_start_matches("www.");
    if !matches!(
        host,
        "aclanthology.org" | "aclweb.org" | "anthology.aclweb.org"
    ) {
        return None;
    }
    let last = path.trim_end_matches('/').rsplit('/').next()?;
    let id = last.strip_suffix(".pdf").unwrap_or(last);
    (!id.is_empty()).then_some(id)
}

/// A URL as a field of BibTeX or CSL-JSON gives it, without the white space of a wrapped line
/// and without control characters, which no URL holds; `None` when nothing is left or when it is
/// not [`is_safe_url`].
pub fn clean_url(url: &str) -> Option<String> {
    let url: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    (!url.is_empty() && is_safe_url(&url)).then_some(url)
}

/// Whether a link target may be written as a link: `http`, `https` or `ftp`, or no scheme at all
/// (`www.example.org`, `#anchor`, `paper.pdf`). `javascript:`, `data:`, `file:` and the like are
/// not, as an HTML or Markdown output would make them clickable.
pub fn is_safe_url(url: &str) -> bool {
    let Some((scheme, _)) = url.split_once(':') else {
        return true;
    };
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    !is_scheme
        || ["http", "https", "ftp"]
            .iter()
            .any(|s| scheme.eq_ignore_ascii_case(s))
}

/// `url` without the query parameters that track a reader or hold their session, not the work:
/// Google Scholar's `casa_token`, `utm_*`, `fbclid`, `gclid`. Borrowed when it has none.
pub fn without_tracking(url: &str) -> Cow<'_, str> {
    let Some(query_at) = memchr::memchr(b'?', url.as_bytes()) else {
        return Cow::Borrowed(url);
    };
    let tracking = |param: &str| {
        let name = param.split('=').next().unwrap_or_default();
        name.starts_with("utm_") || matches!(name, "casa_token" | "fbclid" | "gclid")
    };
    let (query, fragment) = match url[query_at + 1..].split_once('#') {
        Some((q, f)) => (q, Some(f)),
        None => (&url[query_at + 1..], None),
    };
    if !query.split('&').any(tracking) {
        return Cow::Borrowed(url);
    }
    let kept: Vec<&str> = query.split('&').filter(|p| !tracking(p)).collect();
    let mut out = url[..query_at].to_string();
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&kept.join("&"));
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    Cow::Owned(out)
}

/// The first DOI written in plain text (`doi:10.1000/xyz`, `https://doi.org/...`, or bare).
pub fn doi_in_text(text: &str) -> Option<String> {
    if !text.contains("10.") {
        return None;
    }
    let start = DOI_START.find(text)?.start();
    let rest = &text[start..];
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    parse_doi(&rest[..end])
}

/// Validates a DOI and trims what cannot belong to it: trailing punctuation and closing
/// parentheses or brackets that have no opening partner inside the DOI.
pub fn parse_doi(text: &str) -> Option<String> {
    // No DOI holds white space or a control character (`%0d%0a` decoded from a link).
    let text = text.trim();
    let text = &text[..text
        .find(|c: char| c.is_whitespace() || c.is_control())
        .unwrap_or(text.len())];
    if !DOI_START.is_match(text) || !text.starts_with("10.") {
        return None;
    }
    let mut doi = text.to_string();
    loop {
        let before = doi.len();
        while doi.ends_with(['.', ',', ';', ':', '"', '\'', '>']) {
            doi.pop();
        }
        for (open, close) in [('(', ')'), ('[', ']'), ('{', '}')] {
            if doi.ends_with(close) && doi.matches(close).count() > doi.matches(open).count() {
                doi.pop();
            }
        }
        if doi.len() == before {
            break;
        }
    }
    let suffix = doi.split_once('/')?.1;
    (!suffix.is_empty()).then_some(doi)
}

/// The form of a DOI used to compare two DOIs (DOIs are case-insensitive).
pub fn doi_key(doi: &str) -> String {
    doi.to_ascii_lowercase()
}

/// Whether any of `needles` (lower-case ASCII) occurs in `haystack`, ignoring ASCII case.
pub(crate) fn contains_ignore_ascii_case(haystack: &str, needles: &[&str]) -> bool {
    let haystack = haystack.as_bytes();
    needles.iter().any(|needle| {
        let needle = needle.as_bytes();
        let Some(&first) = needle.first() else {
            return true;
        };
        // Candidates are found many bytes at a time by their first byte, in either case.
        let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
        memchr::memchr2_iter(lower, upper, haystack).any(|at| {
            haystack
                .get(at..at + needle.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        })
    })
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Some(b) = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn tracking_parameters_are_dropped_from_urls() {
        let clean = |u: &str| super::without_tracking(u).into_owned();
        assert_eq!(
            clean("https://ieeexplore.ieee.org/document/9546623?casa_token=S642:N3U0"),
            "https://ieeexplore.ieee.org/document/9546623"
        );
        assert_eq!(
            clean("https://x.org/a?id=3&utm_source=t&utm_medium=r#sec"),
            "https://x.org/a?id=3#sec"
        );
        for kept in [
            "https://x.org/a?id=3",
            "https://x.org/a",
            "https://x.org/a?utmost=1",
        ] {
            assert!(
                matches!(super::without_tracking(kept), Cow::Borrowed(_)),
                "{kept}"
            );
        }
    }

    #[test]
    fn an_arxiv_ids_month() {
        let month = |id: &str| {
            let date = super::arxiv_month(&super::parse_arxiv_id(id).unwrap())?;
            Some((date.year, date.month?))
        };
        assert_eq!(month("2306.13394"), Some((2023, 6)));
        assert_eq!(month("0704.0001v2"), Some((2007, 4)));
        assert_eq!(month("hep-th/9901001"), Some((1999, 1)));
        assert_eq!(month("math.GT/0309136"), Some((2003, 9)));
        let no_month = crate::model::ArxivId {
            id: "2313.00001".into(),
            version: None,
        };
        assert_eq!(super::arxiv_month(&no_month), None);
    }

    use super::*;

    #[test]
    fn new_style_ids_have_the_width_of_their_month() {
        for id in ["0704.0001", "1412.6980", "1501.00001", "2401.12345"] {
            assert!(is_arxiv_id(id), "{id}");
        }
        // Five digits before 2015, four after, and nothing before April 2007.
        for id in [
            "0808.05394",
            "1412.69801",
            "1501.0001",
            "2401.1234",
            "0703.0001",
        ] {
            assert!(!is_arxiv_id(id), "{id}");
        }
    }

    /// The id grammar as a regular expression, to check the hand-written parser against.
    fn by_regex(text: &str) -> Option<String> {
        let re =
            Regex::new(r"(?i)^(\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[a-z]{2})?/\d{7})(?:v(\d+))?$")
                .unwrap();
        let caps = re.captures(text.trim())?;
        let id = caps.get(1)?.as_str();
        if !id.contains('/') && !(1..=12).contains(&id[2..4].parse::<u32>().ok()?) {
            return None;
        }
        // Four digits until 1412, five from 1501; none before 0704.
        if !id.contains('/') && (id.len() == 10) != (&id[..4] >= "1501") || &id[..4] < "0704" {
            return None;
        }
        let version = caps.get(2).and_then(|v| v.as_str().parse::<u32>().ok());
        // The subject class of an old-style id is dropped.
        let id = match id.to_ascii_lowercase().split_once('/') {
            Some((archive, number)) => format!("{}/{number}", archive.split('.').next()?),
            None => id.to_string(),
        };
        Some(format!("{id}{version:?}"))
    }

    proptest::proptest! {
        #[test]
        fn arxiv_id_parser_agrees_with_the_grammar(
            text in r" ?([0-9]{3,5}\.[0-9]{3,6}|[a-zA-Z][a-zA-Z.\-]{0,8}/[0-9]{6,8})([vV][0-9]{0,3})? ?",
        ) {
            let parsed = parse_arxiv_id(&text).map(|a| format!("{}{:?}", a.id.to_ascii_lowercase(), a.version));
            proptest::prop_assert_eq!(parsed, by_regex(&text));
        }
    }

    #[test]
    fn url_hosts_and_paths() {
        assert_eq!(
            host_and_path("HTTPS://user@ArXiv.org:443/abs/1?x#y"),
            Some(("arxiv.org".into(), "/abs/1"))
        );
        assert_eq!(
            host_and_path("https://doi.org"),
            Some(("doi.org".into(), ""))
        );
        assert_eq!(host_and_path("arxiv.org/abs/1"), None);
        assert_eq!(host_and_path("1http://x"), None);
        assert_eq!(host_and_path("https:///path"), None);
        assert_eq!(host_and_path("http:x://y/z"), None);
        assert_eq!(
            host_and_path(" http://a@b@host:/p#q?r "),
            Some(("host".into(), "/p"))
        );
        assert_eq!(
            host_and_path("http://host:8o/p"),
            Some(("host:8o".into(), "/p"))
        );
    }

    fn ax(url: &str) -> Option<String> {
        arxiv_from_url(url).map(|a| a.to_string())
    }

    #[test]
    fn arxiv_url_forms() {
        assert_eq!(
            ax("https://arxiv.org/pdf/2210.10163.pdf").as_deref(),
            Some("2210.10163")
        );
        assert_eq!(
            ax("http://arxiv.org/abs/2210.06044").as_deref(),
            Some("2210.06044")
        );
        assert_eq!(
            ax("https://arxiv.org/abs/2210.06044v3").as_deref(),
            Some("2210.06044v3")
        );
        assert_eq!(
            ax("https://arxiv.org/pdf/2210.06044v2.pdf").as_deref(),
            Some("2210.06044v2")
        );
        assert_eq!(
            ax("https://arxiv.org/pdf/2210.06044v2").as_deref(),
            Some("2210.06044v2")
        );
        assert_eq!(
            ax("Https://www.arxiv.org/abs/1409.1556/").as_deref(),
            Some("1409.1556")
        );
        assert_eq!(
            ax("http://export.arxiv.org/abs/1409.1556").as_deref(),
            Some("1409.1556")
        );
        assert_eq!(
            ax("https://arxiv.org/abs/hep-th/9901001").as_deref(),
            Some("hep-th/9901001")
        );
        assert_eq!(
            ax("https://arxiv.org/abs/physics/0004057v1").as_deref(),
            Some("physics/0004057v1")
        );
        assert_eq!(
            ax("https://arxiv.org/abs/math.GT/0309136").as_deref(),
            Some("math/0309136")
        );
        // Sites that show arXiv's papers under their ids.
        for url in [
            "https://huggingface.co/papers/2301.00007",
            "https://hf.co/papers/2301.00007",
            "https://www.alphaxiv.org/abs/2301.00007v2",
            "https://www.alphaxiv.org/overview/2301.00007",
            "https://ar5iv.org/abs/2301.00007",
            "https://ar5iv.labs.arxiv.org/html/2301.00007",
            "https://www.semanticscholar.org/arxiv/2301.00007",
        ] {
            assert_eq!(
                ax(url).map(|a| a[..10].to_string()).as_deref(),
                Some("2301.00007"),
                "{url}"
            );
        }
        assert_eq!(ax("https://huggingface.co/datasets/2301.00007"), None);
        assert_eq!(ax("https://example.org/papers/2301.00007"), None);
        assert_eq!(
            ax("https://arxiv.org/abs/2401.12345").as_deref(),
            Some("2401.12345")
        );
        assert_eq!(ax("https://notarxiv.org/abs/2210.06044"), None);
        assert_eq!(ax("https://github.com/arxiv.org/abs/2210.06044"), None);
        assert_eq!(ax("https://arxiv.org/abs/2213.06044"), None, "month 13");
        assert_eq!(ax("https://arxiv.org/list/cs.CV/recent"), None);
    }

    #[test]
    fn arxiv_in_plain_text() {
        let ids = arxiv_in_text("see arXiv:2301.04558 and arXiv 1409.1556v6, not 2301.04558");
        let ids: Vec<String> = ids.iter().map(|a| a.to_string()).collect();
        assert_eq!(ids, ["2301.04558", "1409.1556v6"]);
        assert_eq!(
            arxiv_in_text("arXiv:hep-th/9901001")[0].id,
            "hep-th/9901001"
        );
    }

    #[test]
    fn preprint_servers_dois_from_their_pages() {
        for (url, doi) in [
            (
                "https://www.biorxiv.org/content/10.1101/2023.01.01.522000v1",
                "10.1101/2023.01.01.522000",
            ),
            (
                "https://www.medrxiv.org/content/10.1101/2023.01.01.23284000v2.full.pdf",
                "10.1101/2023.01.01.23284000",
            ),
            (
                "https://www.biorxiv.org/content/10.1101/2020.03.09.983965v1.full",
                "10.1101/2020.03.09.983965",
            ),
            (
                "https://www.biorxiv.org/content/10.1101/652206",
                "10.1101/652206",
            ),
            (
                "https://www.biorxiv.org/content/10.1101/2023.04.19.537463.abstract",
                "10.1101/2023.04.19.537463",
            ),
        ] {
            assert_eq!(doi_from_url(url).as_deref(), Some(doi), "{url}");
        }
        assert_eq!(
            doi_from_url("https://www.biorxiv.org/collection/bioinformatics"),
            None
        );
    }

    #[test]
    fn doi_url_forms() {
        // A line end decoded from the link ends the DOI.
        assert_eq!(
            doi_from_url("https://doi.org/10.1000/x%0d%0aER%20%20-%20").as_deref(),
            Some("10.1000/x")
        );
        assert_eq!(
            clean_url("http://a.org/x\r\nER  - ").as_deref(),
            Some("http://a.org/xER-")
        );
        for unsafe_url in [
            "javascript:alert(1)",
            "JavaScript:x",
            "data:text/html;base64,PHA+",
            "file:///etc/passwd",
            "vbscript:x",
        ] {
            assert_eq!(clean_url(unsafe_url), None, "{unsafe_url}");
        }
        for safe in [
            "https://a.org/x:y",
            "www.a.org",
            "#papers",
            "paper.pdf",
            "HTTP://A.ORG",
            "ftp://a.org/f",
        ] {
            assert!(is_safe_url(safe), "{safe}");
        }
        assert_eq!(
            doi_from_url("https://link.springer.com/chapter/10.1007/978-3-031-19809-0_39")
                .as_deref(),
            Some("10.1007/978-3-031-19809-0_39")
        );
        assert_eq!(
            doi_from_url("https://link.springer.com/article/10.1007/s11263-022-01653-1").as_deref(),
            Some("10.1007/s11263-022-01653-1")
        );
        assert_eq!(
            doi_from_url("https://dl.acm.org/doi/10.1145/3474085.3475247").as_deref(),
            Some("10.1145/3474085.3475247")
        );
        assert_eq!(
            doi_from_url("https://dl.acm.org/doi/abs/10.1145/3474085.3475247").as_deref(),
            Some("10.1145/3474085.3475247")
        );
        assert_eq!(
            doi_from_url("https://doi.org/10.1016/S0140-6736(23)00216-7").as_deref(),
            Some("10.1016/S0140-6736(23)00216-7")
        );
        assert_eq!(
            doi_from_url("http://dx.doi.org/10.1038/s42256-021-00425-9").as_deref(),
            Some("10.1038/s42256-021-00425-9")
        );
        assert_eq!(
            doi_from_url("https://ieeexplore.ieee.org/document/9710099/"),
            None
        );
        assert_eq!(doi_from_url("https://doi.org/"), None);
    }

    #[test]
    fn doi_balanced_parentheses_in_text() {
        assert_eq!(
            doi_in_text("(see doi:10.1016/S0140-6736(23)00216-7).").as_deref(),
            Some("10.1016/S0140-6736(23)00216-7")
        );
        assert_eq!(
            doi_in_text("(10.1000/xyz123)").as_deref(),
            Some("10.1000/xyz123")
        );
        assert_eq!(doi_in_text("no doi here 10.12/x"), None);
    }

    #[test]
    fn arxiv_doi() {
        assert_eq!(
            arxiv_from_doi("10.48550/arXiv.2210.10163").unwrap().id,
            "2210.10163"
        );
        assert_eq!(arxiv_from_doi("10.1038/x"), None);
    }

    #[test]
    fn acl_anthology_ids_in_urls() {
        for (url, id) in [
            (
                "https://aclanthology.org/2023.findings-acl.676.pdf",
                Some("2023.findings-acl.676"),
            ),
            ("https://aclanthology.org/P19-1215/", Some("P19-1215")),
            (
                "http://aclweb.org/anthology/P/P15/P15-1033.pdf",
                Some("P15-1033"),
            ),
            (
                "http://www.aclweb.org/anthology/N13-1#page=784",
                Some("N13-1"),
            ),
            (
                "http://anthology.aclweb.org/D/D14/D14-1162.pdf",
                Some("D14-1162"),
            ),
            ("https://example.org/aclanthology.org/P19-1215", None),
            ("https://aclanthology.org/", None),
        ] {
            assert_eq!(acl_anthology_id(url), id, "{url}");
        }
    }

    #[test]
    fn dois_in_publishers_doi_paths_and_nature_articles() {
        for (url, doi) in [
            (
                "http://www.mitpressjournals.org/doi/pdfplus/10.1162/neco.1997.9.8.1735",
                Some("10.1162/neco.1997.9.8.1735"),
            ),
            (
                "https://onlinelibrary.wiley.com/doi/10.1111/psyp.13740",
                Some("10.1111/psyp.13740"),
            ),
            (
                "https://dl.acm.org/doi/abs/10.1145/3308558.3313699",
                Some("10.1145/3308558.3313699"),
            ),
            (
                "https://www.nature.com/articles/s41591-023-02448-8",
                Some("10.1038/s41591-023-02448-8"),
            ),
            (
                "https://www.nature.com/articles/s41591-023-02448-8.pdf",
                Some("10.1038/s41591-023-02448-8"),
            ),
            // Older nature.com ids.
            (
                "https://www.nature.com/articles/sdata2018178",
                Some("10.1038/sdata.2018.178"),
            ),
            (
                "https://www.nature.com/articles/srep16696",
                Some("10.1038/srep16696"),
            ),
            (
                "https://www.nature.com/articles/nature14539",
                Some("10.1038/nature14539"),
            ),
            ("https://www.nature.com/articles/nmeth1234", None),
            ("https://example.org/doi/about", None),
        ] {
            assert_eq!(doi_from_url(url).as_deref(), doi, "{url}");
        }
    }
}
