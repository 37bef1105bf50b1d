//! Text clean-up shared by the readers: mojibake repair, whitespace, title comparison.

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// The characters Windows-1252 puts at bytes 0x80..=0x9F (undefined bytes map to C1 controls).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The Windows-1252 byte that decodes to `c`, if any.
fn cp1252_byte(c: char) -> Option<u8> {
    let code = c as u32;
    if code < 0x80 || (0xA0..=0xFF).contains(&code) {
        return Some(code as u8);
    }
    CP1252_HIGH
        .iter()
        .position(|&h| h == c)
        .map(|i| 0x80 + i as u8)
}

/// Repairs UTF-8 text that was once decoded as Windows-1252 (`Visionâ€“Language` → `Vision–Language`,
/// `WÃ¼bben` → `Wübben`).
///
/// Only character sequences whose Windows-1252 bytes form a valid multi-byte UTF-8 sequence are
/// replaced, so genuine Latin-1 text such as `café` or `Ångström` is left alone.
pub fn fix_mojibake(text: &str) -> Cow<'_, str> {
    // Mojibake always starts with one of the lead bytes of a multi-byte sequence, 0xC2..=0xF4.
    if text.is_ascii() || !text.chars().any(|c| ('\u{C2}'..='\u{F4}').contains(&c)) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some((decoded, used)) = decode_sequence(&chars[i..]) {
            out.push(decoded);
            i += used;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    Cow::Owned(out)
}

/// Decodes one UTF-8 sequence spelled as Windows-1252 characters at the start of `chars`.
fn decode_sequence(chars: &[char]) -> Option<(char, usize)> {
    let lead = cp1252_byte(*chars.first()?)?;
    let len = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut bytes = vec![lead];
    for &c in chars.get(1..len)? {
        let b = cp1252_byte(c)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        bytes.push(b);
    }
    let decoded = std::str::from_utf8(&bytes).ok()?.chars().next()?;
    Some((decoded, len))
}

/// Collapses runs of whitespace to one space and trims the ends; borrowed when nothing changes.
pub fn collapse_whitespace(text: &str) -> Cow<'_, str> {
    if is_collapsed(text) {
        return Cow::Borrowed(text); // most fields: no copy, no scan word by word
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// Whether `text` is ASCII with no whitespace but single spaces between words, so that
/// [`collapse_whitespace`] and [`clean`] would hand it back unchanged.
fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return true;
    };
    // Printable ASCII, no space at either end, no two spaces in a row. The checks run over
    // every byte without an early exit, which lets the compiler check many bytes at once.
    let printable = bytes
        .iter()
        .fold(true, |ok, &c| ok & (c.wrapping_sub(b' ') < 0x5F));
    let double_space = bytes
        .iter()
        .zip(&bytes[1..])
        .fold(false, |found, (&a, &b)| found | ((a == b' ') & (b == b' ')));
    printable && !double_space && first != b' ' && last != b' '
}

/// Mojibake repair plus whitespace collapsing: what every field read from a list goes through.
/// Borrowed when nothing changes.
pub fn clean(text: &str) -> Cow<'_, str> {
    // Printable ASCII with single spaces (most fields) has nothing to repair, strip or collapse.
    if is_collapsed(text) {
        return Cow::Borrowed(text);
    }
    let fixed = match fix_mojibake(text) {
        Cow::Borrowed(text) => strip_invisible(text),
        Cow::Owned(fixed) => Cow::Owned(strip_invisible(&fixed).into_owned()),
    };
    let fixed = match attach_loose_marks(&fixed) {
        Some(attached) => Cow::Owned(attached),
        None => fixed,
    };
    match fixed {
        Cow::Borrowed(text) => collapse_whitespace(text),
        Cow::Owned(fixed) => Cow::Owned(collapse_whitespace(&fixed).into_owned()),
    }
}

/// An accent typed on its own after a space (`He ́naff`, U+0301 after the space): the space goes
/// and the accent joins the letter before it (`Hénaff`); and a letter followed by its accent
/// (`i` and U+0301) is composed into one character (`í`, NFC), which writers that spell
/// letters in ASCII know. `None` when there is nothing to do.
fn attach_loose_marks(text: &str) -> Option<String> {
    let is_mark = |c: char| ('\u{300}'..='\u{36f}').contains(&c);
    // Every such mark's UTF-8 starts with 0xCC or 0xCD.
    memchr::memchr2(0xCC, 0xCD, text.as_bytes())?;
    let chars: Vec<char> = text.chars().collect();
    let loose = |i: usize| {
        chars[i] == ' '
            && i > 0
            && chars[i - 1].is_alphabetic()
            && chars.get(i + 1).copied().is_some_and(is_mark)
    };
    if !(0..chars.len()).any(loose) {
        return (!unicode_normalization::is_nfc(text)).then(|| text.nfc().collect());
    }
    let kept = (0..chars.len()).filter(|&i| !loose(i)).map(|i| chars[i]);
    Some(kept.collect::<String>().nfc().collect())
}

/// Whether `c` is a character that prints nothing a reader wants: a control character other
/// than white space (ESC, BEL, DEL: terminal escapes), a C1 control, a soft hyphen, a zero-width space or
/// joiner, a byte order mark, the object replacement character (`U+FFFC`).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\0'..='\u{8}' | '\u{b}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{ad}' | '\u{200b}'
            | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{fffc}'
    )
}

/// Removes [`is_invisible`] characters, except that a C1 control that is a Windows-1252 byte
/// (`U+0093`, a `“` read as Latin-1) becomes that character. Borrowed when there is none.
fn strip_invisible(text: &str) -> Cow<'_, str> {
    // Every invisible character's UTF-8 starts with one of these bytes, or is a control byte.
    // Without an early exit, so that the test runs many bytes at a time.
    let control = text.as_bytes().iter().fold(false, |found, &b| {
        found
            | ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != 0x0c) & (b != b'\r'))
            | (b == 0x7f)
    });
    if (memchr::memchr3(0xC2, 0xE2, 0xEF, text.as_bytes()).is_none() && !control)
        || !text.chars().any(is_invisible)
    {
        return Cow::Borrowed(text);
    }
    let as_cp1252 = |c: char| {
        let high = (c as u32)
            .checked_sub(0x80)
            .and_then(|i| CP1252_HIGH.get(i as usize))?;
        (!is_invisible(*high)).then_some(*high)
    };
    // A hyphen, a soft hyphen and a Unicode hyphen (`Semi-\u{ad}\u{2010}Supervised`, from a PDF's
    // line break) are one hyphen.
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let kept = match c {
            '\u{80}'..='\u{9f}' => as_cp1252(c),
            c if is_invisible(c) => None,
            '\u{2010}' | '\u{2011}' if out.ends_with('-') => None,
            c => Some(c),
        };
        out.extend(kept);
    }
    Cow::Owned(out)
}

/// [`clean`] for text already owned, handed back as it is when there is nothing to clean (ASCII,
/// single spaces, none at the ends), as text converted from LaTeX nearly always is.
pub fn clean_owned(text: String) -> String {
    match clean(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(cleaned) => cleaned,
    }
}

/// `text` cut down to the part of it that `trim` keeps (a slice of its argument), without a copy.
pub fn trim_owned(mut text: String, trim: impl FnOnce(&str) -> &str) -> String {
    let kept = trim(&text);
    let Some(start) = (kept.as_ptr() as usize).checked_sub(text.as_ptr() as usize) else {
        return kept.to_string();
    };
    let end = start + kept.len();
    if end > text.len() {
        return kept.to_string();
    }
    text.truncate(end);
    text.drain(..start);
    text
}

/// Appends `n` in decimal with at least `width` digits, zeros in front, as `format!("{n:0width$}")`
/// does (its sign counted in the width), without going through the formatting machinery, which
/// cost a CSV row's numbers more than the rest of their cells.
pub fn push_number(out: &mut String, n: impl itoa::Integer, width: usize) {
    let mut buffer = itoa::Buffer::new();
    let written = buffer.format(n);
    let digits = written.strip_prefix('-').unwrap_or(written);
    if digits.len() < written.len() {
        out.push('-');
    }
    let sign = written.len() - digits.len();
    for _ in (digits.len() + sign)..width {
        out.push('0');
    }
    out.push_str(digits);
}

/// Whether `word` is written as an acronym: two or more capitals, with digits, `@` or `-`
/// (`IEEE`, `DATE`, `AST@ICSE`, `ICSE-NIER`).
pub fn is_acronym(word: &str) -> bool {
    word.bytes().filter(u8::is_ascii_uppercase).count() >= 2
        && word
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'@' | b'-'))
}

/// `text` in lower case, borrowed when it already is (ASCII without capitals, as most link
/// labels and venue names are).
pub fn lowercase(text: &str) -> Cow<'_, str> {
    if text
        .bytes()
        .any(|b| !b.is_ascii() || b.is_ascii_uppercase())
    {
        Cow::Owned(text.to_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

/// A title reduced for comparison: NFKD, ASCII-folded letters and digits, lower case, single spaces.
pub fn normalize_title(title: &str) -> String {
    // ASCII titles (most of them) need no Unicode folding.
    let folded;
    let ascii = if title.is_ascii() {
        title
    } else {
        let decomposed: String = title.nfkd().filter(|c| !is_combining(*c)).collect();
        folded = deunicode::deunicode(&decomposed);
        &folded
    };
    // Words of letters and digits, lower-cased, joined by single spaces: each byte mapped to its
    // lower-case form if it is a letter or digit, else a space; then runs of spaces made one, and
    // the spaces at either end dropped.
    const FOLD: [u8; 256] = {
        let mut table = [b' '; 256];
        let mut c = 0;
        while c < 256 {
            let b = c as u8;
            if b.is_ascii_alphanumeric() {
                table[c] = b.to_ascii_lowercase();
            }
            c += 1;
        }
        table
    };
    let mut out: Vec<u8> = ascii.bytes().map(|b| FOLD[usize::from(b)]).collect();
    out.dedup_by(|b, a| *a == b' ' && *b == b' ');
    if out.last() == Some(&b' ') {
        out.pop();
    }
    if out.first() == Some(&b' ') {
        out.remove(0);
    }
    String::from_utf8(out).unwrap_or_default()
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// How similar two titles are, from 0 to 1: the Sørensen–Dice coefficient of the character bigrams
/// of their normalised forms (robust to punctuation, case and small edits).
pub fn title_similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (normalize_title(a), normalize_title(b));
    if a == b {
        return 1.0;
    }
    let bigrams = |s: &str| -> Vec<(char, char)> {
        let chars: Vec<char> = s.chars().filter(|c| *c != ' ').collect();
        let mut v: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        v.sort_unstable();
        v
    };
    let (x, y) = (bigrams(&a), bigrams(&b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    2.0 * common as f64 / (x.len() + y.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_format_writes_them() {
        for n in [-12345, -100, -5, 0, 7, 42, 999, 2024, 123456] {
            for width in [0, 1, 2, 4, 6] {
                let mut out = String::from("x");
                push_number(&mut out, n, width);
                assert_eq!(out, format!("x{n:0width$}"), "{n} in {width}");
            }
        }
        let mut out = String::new();
        push_number(&mut out, 3u8, 2);
        assert_eq!(out, "03");
    }
    use proptest::prelude::*;

    #[test]
    fn invisible_characters_go_and_windows_quotes_come_back() {
        assert_eq!(clean("a\u{fffc} laplacian"), "a laplacian");
        // Terminal escapes (ESC, BEL, DEL) go; tabs and line ends are white space.
        assert_eq!(
            clean("Evil \x1b[2J\x1b]0;x\x07title\x7f\tand\r\nmore"),
            "Evil [2J]0;xtitle and more"
        );
        assert_eq!(clean("zero\u{200b}width"), "zerowidth");
        assert_eq!(clean("\u{93}Quoted\u{94} \u{96} text"), "“Quoted” – text");
        // A C1 control Windows-1252 leaves undefined is only removed.
        assert_eq!(clean("a\u{81}b"), "ab");
        assert!(matches!(clean("plain text"), Cow::Borrowed(_)));
        // A hyphen broken across a line in a PDF: one hyphen.
        assert_eq!(clean("Semi-\u{ad}\u{2010}Supervised"), "Semi-Supervised");
        assert_eq!(clean("Semi\u{2010}Supervised"), "Semi\u{2010}Supervised");
    }

    #[test]
    fn an_accent_typed_after_a_space_joins_its_letter() {
        assert_eq!(
            clean("Olivier J. He \u{301}naff, Ali"),
            "Olivier J. Hénaff, Ali"
        );
        // A mark on a letter joins it; one that starts a word stays as it is.
        assert_eq!(clean("Ha\u{308}nsel Mari\u{301}n"), "Hänsel Marín");
        assert_eq!(clean("1 \u{301}x"), "1 \u{301}x");
    }

    #[test]
    fn collapsed_text_is_recognised() {
        for (text, collapsed) in [
            ("", true),
            ("a b c", true),
            ("a", true),
            (" a", false),
            ("a ", false),
            ("a  b", false),
            ("a\tb", false),
            ("caf\u{e9}", false),
            ("a\u{1}b", false),
        ] {
            assert_eq!(is_collapsed(text), collapsed, "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn text_called_collapsed_is_left_as_it_is(text in "[ a\t\n\u{1}\u{7f}\u{e9}~!]{0,12}") {
            if is_collapsed(&text) {
                let words: Vec<&str> = text.split_whitespace().collect();
                prop_assert_eq!(words.join(" "), text);
            }
        }
    }

    proptest! {
        #[test]
        fn normalised_titles_are_the_lower_cased_words_of_letters_and_digits(
            text in "[ aZ9\t.:\u{e9}-]{0,16}"
        ) {
            let words: Vec<String> = text
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_ascii_lowercase)
                .collect();
            let expected = words.join(" ");
            // `é` folds to `e`, a letter of its own word's; only compare the ASCII texts.
            if text.is_ascii() {
                prop_assert_eq!(normalize_title(&text), expected);
            } else {
                prop_assert_eq!(normalize_title(&text), normalize_title(&text.replace('\u{e9}', "e")));
            }
        }
    }

    #[test]
    fn trim_owned_keeps_what_trim_keeps() {
        fn trim(t: &str) -> &str {
            t.trim().trim_end_matches('.')
        }
        assert_eq!(trim_owned("  A title. ".into(), trim), "A title");
        assert_eq!(trim_owned("whole".into(), trim), "whole");
        assert_eq!(trim_owned(" . ".into(), trim), "");
        // A `trim` that answers with other text is copied, not cut.
        assert_eq!(trim_owned("abc".into(), |_| "elsewhere"), "elsewhere");
    }

    #[test]
    fn repairs_windows_1252_mojibake() {
        assert_eq!(fix_mojibake("Visionâ€“Language"), "Vision–Language");
        assert_eq!(fix_mojibake("Dirk WÃ¼bben"), "Dirk Wübben");
        assert_eq!(fix_mojibake("â€œquotedâ€\u{9d}"), "“quoted”");
    }

    #[test]
    fn leaves_genuine_latin1_alone() {
        assert_eq!(fix_mojibake("café Ångström naïve"), "café Ångström naïve");
        assert_eq!(fix_mojibake("Vision–Language 日本"), "Vision–Language 日本");
        assert_eq!(fix_mojibake("Â"), "Â");
    }

    #[test]
    fn similarity_ignores_case_and_punctuation() {
        assert_eq!(
            title_similarity("MedCLIP: Contrastive", "medclip contrastive"),
            1.0
        );
        assert!(title_similarity("Does CLIP benefit VQA?", "Does CLIP benefit VQA") > 0.99);
        assert!(title_similarity("Attention is all you need", "Graph attention networks") < 0.6);
    }
}
