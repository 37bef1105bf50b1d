//! Author lists as people write them in paper lists: `A. B and C. D`, `X et.al.`,
//! BibTeX's `Family, Given and ...`, APA's `Li, Y., & Rehg, J. M.`, MLA's `Hinton, Geoffrey, et al.`.

use crate::model::Person;
use regex::Regex;
use std::sync::LazyLock;

/// Initials only: `J.`, `J. M.`, `JM`, `J.-M.`.
static INITIALS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[A-Z]\.?(?:-[A-Z]\.?)?\s*){1,4}$").expect("valid regex"));

/// Whether `word` is initials only, as [`INITIALS`] reads them: `J.`, `JM`, `T.-Y.`.
pub(crate) fn is_initials(word: &str) -> bool {
    INITIALS.is_match(word)
}

/// `et al.`, `et.al.`, `et al`, `and others`.
static ET_AL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[,\s]*\b(?:et\.?\s*al\b\.?|and others\b\.?)").expect("valid regex")
});

/// Separators between names: `,`, `;`, ` and `, `&`.
static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:;|,|\band\b|&)\s*").expect("valid regex"));

/// An author list as a paper list gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Authors {
    /// The names given, in order.
    pub people: Vec<Person>,
    /// The list ended in `et al.` or `and others`: more authors exist.
    pub et_al: bool,
}

/// Parses `text` as an author list, or `None` when it does not look like one.
///
/// A list looks like authors when every name is one to five words that start with a capital
/// letter (particles and initials allowed) and nothing is a sentence, a URL or a `Label:` line.
pub fn parse(text: &str) -> Option<Authors> {
    // Affiliation numbers glued to names (`Xiulong Yang<sup>1,2</sup>, Yinlin Fu<sup>1</sup>`)
    // make no name: looked for only when the text as written is none.
    parse_marked(text).or_else(|| parse_marked(&without_affiliation_numbers(text)?))
}

/// [`parse`], with the marks of equal contribution and affiliation (`*`, `†`) dropped.
fn parse_marked(text: &str) -> Option<Authors> {
    // Equal-contribution and affiliation marks after names: `Xueting Yan*, Ishan Misra†`.
    const MARKS: [char; 5] = ['*', '†', '‡', '§', '¶'];
    let unmarked;
    // `*`, or the first byte of `†`, `‡` (E2) or `§`, `¶` (C2): a cheap test before the search.
    let may_have_marks = memchr::memchr3(b'*', 0xC2, 0xE2, text.as_bytes()).is_some();
    let text = if may_have_marks && text.contains(MARKS) {
        unmarked = text.replace(MARKS, "");
        &unmarked
    } else {
        text
    };
    // A nickname glued to the family name (`Jieqi (Jay)Kang`) is a word of its own.
    let spaced;
    let glued = |w: &[u8]| w[0] == b')' && w[1].is_ascii_alphabetic();
    let text = if memchr::memchr(b')', text.as_bytes()).is_some()
        && text.as_bytes().windows(2).any(glued)
    {
        spaced = text.replace(')', ") ");
        &spaced
    } else {
        text
    };
    // An affiliation glued to a name (`Adam Roberts(Google)`, `Felix Hill(University of
    // Cambridge)`) is no part of it; a nickname is written with a space before it.
    let unaffiliated;
    let text = if memchr::memchr(b'(', text.as_bytes()).is_some() {
        unaffiliated = without_glued_parentheses(text);
        &unaffiliated
    } else {
        text
    };
    // A colon at the very end labels nothing (`Y. Taigman et al. [[pdf]](url):`).
    let text = text.trim().trim_end_matches([',', ';', ':']).trim();
    // A final period ends the list, unless it belongs to an initial (`Rehg, J. M.`).
    let text = match text.strip_suffix('.') {
        Some(rest) if rest.rsplit([' ', '.']).next().is_none_or(|w| w.len() != 1) => rest,
        _ => text,
    };
    let text = text
        .strip_prefix("Authors:")
        .or_else(|| text.strip_prefix("Author:"))
        .unwrap_or(text)
        .trim();
    // A `:` (a URL, a `Label:`) is never part of a name.
    if text.is_empty() || memchr::memchr(b':', text.as_bytes()).is_some() || text.len() > 2000 {
        return None;
    }
    let (text, et_al) = split_et_al(text);
    let mut parts = split_names(text);
    // Affiliations among the names (`Simon Jenni, Universität Bern, Paolo Favaro`) are no
    // authors, nor are names that start with an acronym next to them (`UC Berkeley`);
    // organisations alone are (`Stanford University`).
    if parts.len() > 1
        && parts.iter().any(|p| is_affiliation(p))
        && !parts.iter().all(|p| is_affiliation(p))
    {
        // `UC Berkeley`, not `Kaiming HE`.
        let acronym = |p: &str| {
            let first = p.split(' ').next().unwrap_or_default();
            first.len() > 1 && first.bytes().all(|b| b.is_ascii_uppercase())
        };
        parts.retain(|p| !is_affiliation(p) && !acronym(p));
    }
    // Every name must look like one; in a list of four or more, one may be irregular (`Xu sun`,
    // `Bryan (Ning) Xia`), as lists are typed by hand.
    let irregular = parts.iter().filter(|p| !is_name_part(p)).count();
    let tolerated = parts.len() >= 4
        && irregular == 1
        && parts.iter().all(|p| is_name_part(p) || is_loose_name(p));
    if parts.is_empty() || (irregular > 0 && !tolerated) {
        return None;
    }
    // `Family, Initials` pairs (APA).
    let paired = parts.len().is_multiple_of(2)
        && parts
            .iter()
            .skip(1)
            .step_by(2)
            .all(|p| INITIALS.is_match(p));
    // MLA: the first name inverted, the others not (`Soran, Bilge, Ali Farhadi, and Linda
    // Shapiro`, `Spriggs, Ekaterina H., Fernando De La Torre`, `Hinton, Geoffrey, et al.`).
    let given = |p: &str| match p.split_once(' ') {
        None => true,
        Some((_, initials)) => INITIALS.is_match(initials),
    };
    let mla = !paired
        && text.contains(',')
        && match &parts[..] {
            [family, first, rest @ ..] => {
                !family.contains(' ')
                    && given(first)
                    && (et_al || !rest.is_empty())
                    && rest.iter().all(|p| p.contains(' '))
            }
            _ => false,
        };
    // BibTeX `Family, Given and Family, Given`: commas only inside names.
    let bibtex = memchr::memmem::find(text.as_bytes(), b" and ").is_some()
        && text
            .split(" and ")
            .all(|n| n.matches(',').count() == 1 && !n.trim().starts_with(','));
    // PubMed (Vancouver): `Ma J, He Y, Lin T-Y`, family names then initials, every name of two
    // or more so (`Rashmi R et al.` alone may be a given name and an initial).
    let initials_last = |p: &&str| match p.rsplit_once(' ') {
        Some((family, initials)) => {
            is_initials(initials)
                && initials.bytes().filter(u8::is_ascii_uppercase).count() <= 3
                && family.split(' ').all(|w| w.chars().any(char::is_lowercase))
        }
        None => false,
    };
    let pubmed = !bibtex && !paired && parts.len() >= 2 && parts.iter().all(initials_last);
    let people = if bibtex {
        text.split(" and ")
            .map(|n| Person::parse(n.trim()))
            .collect()
    } else if pubmed {
        parts
            .iter()
            .map(|p| {
                let (family, initials) = p.rsplit_once(' ').unwrap_or((p, ""));
                Person::parse(&format!("{family}, {initials}"))
            })
            .collect()
    } else if paired {
        parts
            .chunks(2)
            .map(|c| Person::parse(&format!("{}, {}", c[0], c[1])))
            .collect()
    } else if mla {
        std::iter::once(Person::parse(&format!("{}, {}", parts[0], parts[1])))
            .chain(parts[2..].iter().map(|p| Person::parse(p)))
            .collect()
    } else {
        if !et_al && parts.len() == 1 && !parts[0].contains(' ') {
            return None; // one word is a name only with `et al.`
        }
        parts.iter().map(|p| Person::parse(p)).collect()
    };
    Some(Authors { people, et_al })
}

/// The names of a table's authors column: [`parse`]'s, else names of any shape the column's
/// heading vouches for: one to eight words of letters in any case (`L. D. M. S. Sai Teja`,
/// `unhong Zhao`, a list typed without separators, `Liqiang Zhang Ye Tian`, as one name).
pub fn parse_column(text: &str) -> Option<Authors> {
    parse(text).or_else(|| {
        let text = text.trim().trim_end_matches([',', ';', ':', '.']).trim();
        let (text, et_al) = split_et_al(text);
        let parts = split_names(text);
        let name = |p: &&str| {
            (1..=8).contains(&p.split_whitespace().count())
                && p.split_whitespace()
                    .all(|w| w.chars().all(is_name_char) && w.chars().any(char::is_alphabetic))
        };
        (!parts.is_empty() && parts.iter().all(name)).then(|| Authors {
            people: parts.iter().map(|p| Person::parse(p)).collect(),
            et_al,
        })
    })
}

/// `text` without the affiliation numbers glued to the end of names (`Yang1,2, Shih1` → `Yang,
/// Shih`); `None` when there are none. A name never ends in a digit; a number after a space
/// (`Louis 14`) is left.
fn without_affiliation_numbers(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let glued = |i: usize| i > 0 && bytes[i - 1].is_ascii_alphabetic();
    let first = (0..bytes.len()).find(|&i| bytes[i].is_ascii_digit() && glued(i))?;
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut changed = false;
    let mut at = first;
    while at < bytes.len() {
        if bytes[at].is_ascii_digit() && glued(at) {
            // A run of numbers and the commas between them (`1,2`), then the end of the name.
            let mut end = at;
            while end < bytes.len()
                && (bytes[end].is_ascii_digit()
                    || bytes[end] == b',' && bytes.get(end + 1).is_some_and(u8::is_ascii_digit))
            {
                end += 1;
            }
            if end == bytes.len() || matches!(bytes[end], b',' | b';' | b' ' | b')') {
                out.push_str(&text[copied..at]);
                copied = end;
                changed = true;
            }
            at = end;
        } else {
            at += 1;
        }
    }
    out.push_str(&text[copied..]);
    changed.then_some(out)
}

/// `text` without the parentheses glued to the end of a word (`Roberts(Google)` → `Roberts`);
/// those after a space stay (`Bryan (Ning) Xia`).
fn without_glued_parentheses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let glued = rest[..open].ends_with(char::is_alphabetic);
        match rest[open..].find(')') {
            Some(close) if glued => {
                out.push_str(&rest[..open]);
                rest = &rest[open + close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `text` without a last `et al.` (or `and others`), and whether it had one.
fn split_et_al(text: &str) -> (&str, bool) {
    let start = if text.is_ascii() {
        find_et_al(text)
    } else {
        ET_AL.find(text).map(|m| m.start())
    };
    match start {
        Some(start) => (&text[..start], true),
        None => (text, false),
    }
}

/// Whether a name is an institution's (`Dartmouth College`, `Universität Bern`): it has a word
/// that names one.
fn is_affiliation(name: &str) -> bool {
    const WORDS: [&str; 9] = [
        "Academy",
        "College",
        "Department",
        "Hospital",
        "Institut",
        "Institute",
        "Laboratories",
        "Laboratory",
        "School",
    ];
    // Every word above starts with a capital and is at least 6 letters long.
    name.len() >= 6
        && name.bytes().any(|b| b.is_ascii_uppercase())
        && name.split(' ').any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.starts_with("Universit") || WORDS.contains(&w)
        })
}

/// The names of a list, split at [`SEPARATOR`] and trimmed. The separators are found by hand,
/// which is several times faster; only an `and` next to a non-ASCII character, where a Unicode
/// word boundary decides, goes to the regex.
fn split_names(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let word = |i: usize| bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_';
    let mut pieces = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        let len = match bytes[i] {
            b';' | b',' | b'&' => 1,
            b'a' if bytes[i..].starts_with(b"and") => {
                let (before, after) = (i.checked_sub(1), i + 3);
                let near = |j: Option<usize>| j.filter(|&j| j < bytes.len());
                if [before, Some(after)]
                    .into_iter()
                    .any(|j| near(j).is_some_and(|j| !bytes[j].is_ascii()))
                {
                    return SEPARATOR
                        .split(text)
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .collect();
                }
                let bounded = |j: Option<usize>| near(j).is_none_or(|j| !word(j));
                if bounded(before) && bounded(Some(after)) {
                    3
                } else {
                    0
                }
            }
            _ => 0,
        };
        if len == 0 {
            i += 1;
            continue;
        }
        push_name(&mut pieces, &text[start..i]);
        i += len;
        start = i;
    }
    push_name(&mut pieces, &text[start..]);
    pieces
}

fn push_name<'t>(names: &mut Vec<&'t str>, piece: &'t str) {
    let piece = piece.trim();
    if !piece.is_empty() {
        names.push(piece);
    }
}

/// Where [`ET_AL`] matches in ASCII text, found by hand: the first `et al` (`et.al`, `etal`,
/// `et. al.`) or `and others` that starts a word and ends one, with the commas and white space
/// before it.
fn find_et_al(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let word = |i: usize| {
        bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    };
    // White space as the regex's `\s` has it in ASCII.
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
    let at = |i: usize, lower: &[u8]| {
        bytes
            .get(i..i + lower.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(lower))
    };
    let core = (0..bytes.len()).find(|&p| {
        // Only `e` or `a` in either case starts a match: one test rules out most bytes.
        if !matches!(bytes[p] | 0x20, b'e' | b'a') || p > 0 && word(p - 1) {
            return false;
        }
        if at(p, b"and others") {
            return !word(p + 10);
        }
        if !at(p, b"et") {
            return false;
        }
        let mut i = p + 2;
        if bytes.get(i) == Some(&b'.') {
            i += 1;
        }
        while bytes.get(i).is_some_and(|&b| space(b)) {
            i += 1;
        }
        at(i, b"al") && !word(i + 2)
    })?;
    let before = bytes[..core]
        .iter()
        .rev()
        .take_while(|&&b| b == b',' || space(b));
    Some(core - before.count())
}

/// Splits a venue's name off the end of an author list (`..., and Martial Hebert, Computer
/// Vision and Pattern Recognition Workshops`): the last comma-separated parts when each names a
/// kind of venue ([`names_a_venue`]) and the parts before them are an author list. Text that is
/// only such parts is all venue when it starts the way a venue's name does (`ACM Computing
/// Surveys`, `Journal of ...`, not `Ann Lee Computer Vision Letters`). A sentence's period may
/// end the names too (`..., Alessandro Giusti. Robotics and Automation Letters`), not an
/// initial's (`Luca M. Gambardella`).
pub fn split_trailing_venue(text: &str) -> (&str, Option<&str>) {
    let bytes = text.as_bytes();
    let period = memchr::memrchr_iter(b'.', bytes).find(|&i| bytes.get(i + 1) == Some(&b' '));
    let after_period = period.filter(|&p| {
        let last_word = text[..p].rsplit(' ').next().unwrap_or_default();
        let venue = &text[p + 2..];
        last_word.chars().count() > 1 && !venue.contains(',') && names_a_venue(venue)
    });
    if let Some(p) = after_period {
        let names = text[..p].trim_end();
        if parse(names).is_some() {
            return (names, Some(text[p + 2..].trim()));
        }
    }
    let mut start = text.len();
    loop {
        let comma = text[..start].rfind(',');
        if !names_a_venue(&text[comma.map_or(0, |c| c + 1)..start]) {
            break;
        }
        match comma {
            Some(comma) => start = comma,
            None if starts_a_venue(text) => return ("", Some(text.trim())),
            None => return (text, None),
        }
    }
    let names = text[..start].trim_end();
    if start == text.len() || parse(names).is_none() {
        return opening_venue(text).unwrap_or((text, None));
    }
    (names, Some(text[start + 1..].trim()))
}

/// Names, then a venue whose name has commas of its own and opens as only a venue does
/// (`Dimiccoli, M., & Thomaz, E., Proceedings of the ACM on Interactive, Mobile, Wearable and
/// Ubiquitous Technologies`): split at the comma before that opening.
fn opening_venue(text: &str) -> Option<(&str, Option<&str>)> {
    memchr::memchr_iter(b',', text.as_bytes()).find_map(|comma| {
        let venue = text[comma + 1..].trim();
        let names = text[..comma].trim_end();
        (opens_a_venue(venue) && parse(names).is_some()).then_some((names, Some(venue)))
    })
}

/// Whether `text` opens as only a venue's name does: `Proceedings of`, `Journal of`,
/// `Transactions on`, `Advances in`, `Synthesis Lectures on`.
pub fn opens_a_venue(text: &str) -> bool {
    const OPENINGS: [&str; 5] = [
        "Proceedings of ",
        "Journal of ",
        "Transactions on ",
        "Advances in ",
        "Synthesis Lectures on ",
    ];
    OPENINGS.iter().any(|o| text.starts_with(o))
}

/// Whether `text` starts with a word that starts a venue's name: a kind of venue (`Journal of`),
/// `The`, `International`, `Annual`, or an acronym (`ACM`, `IEEE`).
fn starts_a_venue(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or_default();
    VENUE_KINDS.contains(&first)
        || matches!(first, "The" | "International" | "Annual")
        || crate::text::is_acronym(first)
}

/// Words that name a kind of venue, which no person's name has.
const VENUE_KINDS: [&str; 10] = [
    "Conference",
    "Journal",
    "Letters",
    "Magazine",
    "Proceedings",
    "Surveys",
    "Symposium",
    "Transactions",
    "Workshop",
    "Workshops",
];

/// Whether `part` has a word that names a kind of venue (`Journal`, `Workshops`), which no
/// person's name has, and is no author list cut short (`BigScience Workshop et al.`).
fn names_a_venue(part: &str) -> bool {
    part.split(' ').any(|w| VENUE_KINDS.contains(&w)) && find_et_al(part).is_none()
}

fn is_name_part(part: &str) -> bool {
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(|c| c.is_uppercase())
            || matches!(
                w,
                "van" | "von" | "der" | "den" | "de" | "del" | "da" | "di" | "du" | "le" | "la"
            )
    };
    // Most names are ASCII letters: those pass at once, by bytes.
    let ascii_letters = |w: &str| {
        w.bytes()
            .all(|b| b.is_ascii_alphabetic() || matches!(b, b'.' | b'-' | b'\''))
    };
    let letters = |w: &str| ascii_letters(w) || w.chars().all(is_name_char);
    // One to five words, each capitalised (or a particle) and made of letters.
    let mut count = 0;
    for word in part.split_whitespace() {
        count += 1;
        if count > 5 || !capitalised(word) || !letters(word) {
            return false;
        }
    }
    count > 0
}

/// A character of a name: a letter, an accent typed on its own (`He ́naff`, `Mascaro´`), a
/// hyphen of any kind (soft `Yuan-­Fang` too), a period or an apostrophe.
fn is_name_char(c: char) -> bool {
    c.is_alphabetic()
        || matches!(
            c,
            '.' | '-' | '\'' | '’' | '\u{ad}' | '\u{2010}' | '\u{2011}' | '´' | '`' | '\u{300}'
                ..='\u{36f}'
        )
}

/// A name as typed carelessly: one to four words of name characters in any case, a nickname in
/// parentheses allowed (`Pinaki nath`, `Bryan (Ning) Xia`).
fn is_loose_name(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            let w = w.trim_start_matches('(').trim_end_matches(')');
            !w.is_empty() && w.chars().all(is_name_char) && w.chars().any(char::is_alphabetic)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn affiliation_numbers_glued_to_names_are_dropped() {
        let a = parse("Xiulong Yang1,2, Sheng-Min Shih1, Yinlin Fu, Shihao Ji3").unwrap();
        let families: Vec<&str> = a.people.iter().map(|p| p.family.as_str()).collect();
        assert_eq!(families, ["Yang", "Shih", "Fu", "Ji"]);
        assert_eq!(without_affiliation_numbers("Ann Lee, Bo Li"), None);
        // A number that is no affiliation mark stays: after a space, or inside a word.
        assert_eq!(without_affiliation_numbers("Louis 14, GPT4o"), None);
        assert_eq!(
            without_affiliation_numbers("Ann Lee1; Bo Li12").as_deref(),
            Some("Ann Lee; Bo Li")
        );
    }

    #[test]
    fn pubmed_names_put_the_family_first() {
        let a = parse("Ma J, He Y, Lin T-Y, van Dijk AB").unwrap();
        let families: Vec<&str> = a.people.iter().map(|p| p.family.as_str()).collect();
        assert_eq!(families, ["Ma", "He", "Lin", "Dijk"]);
        assert_eq!(
            (a.people[0].given.as_str(), a.people[3].particle.as_str()),
            ("J", "van")
        );
        // A given name and an initial, alone or beside other names, stay as written.
        let a = parse("Rashmi R et al.").unwrap();
        assert_eq!(a.people[0].family, "R");
        let a = parse("Kaiming HE, Xiangyu Zhang").unwrap();
        assert_eq!(a.people[0].family, "HE");
    }

    #[test]
    fn a_column_of_names_takes_names_of_any_shape() {
        let families = |a: Authors| a.people.into_iter().map(|p| p.family).collect::<Vec<_>>();
        for (text, family) in [
            ("L. D. M. S. Sai Teja et.al.", "Teja"),
            ("unhong Zhao et.al.", "Zhao"),
            ("Liqiang Zhang Ye Tian Dongyan Wei et.al.", "Wei"),
        ] {
            assert_eq!(parse(text), None, "{text}");
            let column = parse_column(text).unwrap();
            assert!(column.et_al, "{text}");
            assert_eq!(families(column), [family], "{text}");
        }
        // What is no name stays none: a sentence, a URL, digits.
        for text in [
            "see https://example.org",
            "Nine words are far too many for any one name here",
            "2024",
        ] {
            assert_eq!(parse_column(text), None, "{text}");
        }
    }

    #[test]
    fn a_venue_after_the_names_is_split_off() {
        let text = "Spriggs, Ekaterina H., Fernando De La Torre, and Martial Hebert, Computer \
            Vision and Pattern Recognition Workshops";
        let (names, venue) = split_trailing_venue(text);
        assert_eq!(
            venue,
            Some("Computer Vision and Pattern Recognition Workshops")
        );
        let families: Vec<String> = parse(names)
            .unwrap()
            .people
            .iter()
            .map(|p| p.family.clone())
            .collect();
        assert_eq!(families, ["Spriggs", "Torre", "Hebert"]);
        assert_eq!(
            split_trailing_venue("ACM Computing Surveys"),
            ("", Some("ACM Computing Surveys"))
        );
        // Words of a field are no venue; a name with a venue's word and `et al.` is a name; and
        // nothing is split off what is no author list.
        for text in [
            "Ann Lee, Bo Li, Neural Computation",
            "BigScience Workshop et al.",
            "Ann Lee, BigScience Workshop et al.",
            "A survey of Computer Vision methods",
            "Ann Lee Computer Vision Letters",
            "As seen in the Journal, and elsewhere",
        ] {
            assert_eq!(split_trailing_venue(text), (text, None), "{text}");
        }
    }

    #[test]
    fn a_colon_at_the_end_labels_nothing() {
        let authors = parse("Y. Taigman et al. :").unwrap();
        assert_eq!(authors.people[0].family, "Taigman");
        assert!(authors.et_al);
        // One inside is a label or a URL.
        assert!(parse("Code: Ann Lee").is_none());
    }

    #[test]
    fn one_irregular_name_in_a_long_list_is_tolerated() {
        let names = |text: &str| {
            parse(text).map(|a| {
                a.people
                    .iter()
                    .map(|p| p.family.clone())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            names("Wei Li, Jingjing Xu, Yancheng He, Xu sun").map(|f| f.len()),
            Some(4)
        );
        assert_eq!(
            names("Pingjie Tang, Meng Jiang, Bryan (Ning) Xia, Jed Pitera").map(|f| f.len()),
            Some(4)
        );
        assert!(names("Esteve Valls Mascaro´, Hyemin Ahn, Dongheui Lee").is_some());
        // A nickname glued to the family name.
        assert_eq!(
            names("Tom Lee, Steve Tjoa, Jieqi (Jay)Kang, Evan Ettinger"),
            Some(vec![
                "Lee".into(),
                "Tjoa".into(),
                "Kang".into(),
                "Ettinger".into()
            ])
        );
        // Two irregular names, or one in a short list, are no list of names.
        assert_eq!(
            names("Wei Li, Jingjing Xu, learning to see, and more things"),
            None
        );
        assert_eq!(names("Wei Li, seeing things"), None);
    }

    fn split_by_regex(text: &str) -> Vec<&str> {
        SEPARATOR
            .split(text)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    }

    #[test]
    fn names_split_by_hand_as_by_the_regex() {
        for text in [
            "A and B",
            "Alexander Band, Sandy and_x andy; Q & R",
            "and A and",
            "A,and B",
            "Éand A and É",
            "x and\u{301} y",
            "Ångström and Bob",
            "",
        ] {
            assert_eq!(split_names(text), split_by_regex(text), "{text:?}");
        }
    }

    #[test]
    fn et_al_found_by_hand_as_by_the_regex() {
        for text in [
            "A. Smith, B. Jones, et al.",
            "Xiaoyu Shi et.al.",
            "X etal",
            "Betal and Q",
            "Y et alia",
            "Z, and others",
            "Z and othersome",
            "W ET AL",
            "V et\t\x0B al",
            "_et al",
            "",
        ] {
            assert_eq!(
                find_et_al(text),
                ET_AL.find(text).map(|m| m.start()),
                "{text:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn et_al_found_by_hand_as_by_the_regex_on_any_ascii_text(
            text in "([eEtTaAlLnNdDoOrRsS .,\t\x0B_x1]|et|al|et al|and others|and){0,16}"
        ) {
            prop_assert_eq!(find_et_al(&text), ET_AL.find(&text).map(|m| m.start()));
        }

        #[test]
        fn names_split_by_hand_as_by_the_regex_on_any_text(
            text in "([aAnNdD _,;&\t]|and|é|\u{301}|x){0,24}"
        ) {
            prop_assert_eq!(split_names(&text), split_by_regex(&text));
        }
    }

    #[test]
    fn affiliations_among_names_are_dropped() {
        assert_eq!(
            names("Simon Jenni, Universität Bern, Paolo Favaro"),
            ["Jenni|Simon", "Favaro|Paolo"]
        );
        assert_eq!(
            names("Bruno Korbar, Dartmouth College, Du Tran and Lorenzo Torresani"),
            ["Korbar|Bruno", "Tran|Du", "Torresani|Lorenzo"]
        );
        assert_eq!(
            names("Dinesh Jayaraman, UC Berkeley; Ruohan Gao, University of Texas at Austin"),
            ["Jayaraman|Dinesh", "Gao|Ruohan"]
        );
        // Capitals in a person's name are no acronym, and a name is no affiliation for starting
        // like one.
        assert_eq!(
            names("Kaiming HE, Ross GIRSHICK, Tsinghua University"),
            ["HE|Kaiming", "GIRSHICK|Ross"]
        );
        assert_eq!(
            names("Jane Collegeman, Ann Institutson, Stanford University"),
            ["Collegeman|Jane", "Institutson|Ann"]
        );
        // Organisations alone are the authors.
        assert_eq!(names("Stanford University").len(), 1);
    }

    fn names(text: &str) -> Vec<String> {
        parse(text)
            .unwrap_or_else(|| panic!("not authors: {text}"))
            .people
            .iter()
            .map(|p| format!("{}|{}", p.family, p.given))
            .collect()
    }

    #[test]
    fn given_family_lists() {
        assert_eq!(
            names("Weixiong Lin, Ziheng Zhao, Ya Zhang."),
            ["Lin|Weixiong", "Zhao|Ziheng", "Zhang|Ya"]
        );
        assert_eq!(
            names("M. S. Ryoo and L. Matthies"),
            ["Ryoo|M. S.", "Matthies|L."]
        );
    }

    #[test]
    fn et_al_forms() {
        assert_eq!(names("Shahid Ansari et.al."), ["Ansari|Shahid"]);
        assert_eq!(names("G. Hinton et al."), ["Hinton|G."]);
        assert_eq!(names("Hinton, Geoffrey, et al."), ["Hinton|Geoffrey"]);
        let et_al = |text| parse(text).map(|a| a.et_al);
        assert_eq!(et_al("Shahid Ansari et.al."), Some(true));
        assert_eq!(et_al("Peter Battaglia and others"), Some(true));
        assert_eq!(et_al("Shahid Ansari, Ya Zhang"), Some(false));
    }

    #[test]
    fn mla_inverts_the_first_name_only() {
        assert_eq!(
            names("Soran, Bilge, Ali Farhadi, and Linda Shapiro"),
            ["Soran|Bilge", "Farhadi|Ali", "Shapiro|Linda"]
        );
        assert_eq!(
            names("Li, Yin, and James M. Rehg"),
            ["Li|Yin", "Rehg|James M."]
        );
        assert_eq!(
            names("Spriggs, Ekaterina H., Fernando De La Torre, and Martial Hebert")[0],
            "Spriggs|Ekaterina H."
        );
        assert_eq!(
            names("Li, Cheng, Kris M. Kitani"),
            ["Li|Cheng", "Kitani|Kris M."]
        );
        // Names in the usual order, and lists of family names only, are no MLA.
        assert_eq!(
            names("Ali Farhadi, Linda Shapiro, Bilge Soran"),
            ["Farhadi|Ali", "Shapiro|Linda", "Soran|Bilge"]
        );
        assert_eq!(names("Smith, Jones, Brown"), ["Smith|", "Jones|", "Brown|"]);
    }

    #[test]
    fn bibtex_and_apa() {
        assert_eq!(
            names("Battaglia, Peter W and Pascanu, Razvan and others"),
            ["Battaglia|Peter W", "Pascanu|Razvan"]
        );
        assert_eq!(
            names("Li, Y., Ye, Z., & Rehg, J. M."),
            ["Li|Y.", "Ye|Z.", "Rehg|J. M."]
        );
    }

    #[test]
    fn sentences_and_labels_are_not_authors() {
        assert!(parse("Modality: Chest CT.").is_none());
        assert!(parse("This paper introduces a model for images").is_none());
        assert!(parse("Survey").is_none());
        assert!(parse("https://example.org").is_none());
    }
}
