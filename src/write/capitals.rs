//! Which parts of a title keep their capitals when a style changes the case: acronyms and
//! mixed-case words (`MedCLIP`, `CLIP`, `GPT-4`, `iOS`, `ImageNet`) and single capitals joined by a
//! hyphen (the `X` of `X-ray`). BibTeX braces them; CSL-JSON wraps them in `<span class="nocase">`.

/// Splits `title` into runs of text, each marked whether its case must be kept. Concatenating the
/// runs gives `title` back.
pub(crate) fn segments(title: &str) -> Vec<(&str, bool)> {
    // Byte ranges with their mark, in order; empty ones are skipped and neighbours of the same
    // mark joined, so callers see whole phrases.
    let mut runs: Vec<(usize, usize, bool)> = Vec::new();
    let mut push = |start: usize, end: usize, protect: bool| match runs.last_mut() {
        _ if start == end => {}
        Some(last) if last.2 == protect => last.1 = end,
        _ => runs.push((start, end, protect)),
    };
    let mut start = 0;
    for token in title.split_inclusive(' ') {
        let core_start = token
            .find(|c: char| c.is_alphanumeric())
            .unwrap_or(token.len());
        let mut core_end = token
            .rfind(|c: char| c.is_alphanumeric())
            .map(|i| i + token[i..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(core_start);
        // Keep brackets opened inside the word with it: `{SUM(A1)}`, not `{SUM(A1})`.
        while token[core_start..core_end].matches('(').count()
            > token[core_start..core_end].matches(')').count()
            && token[core_end..].starts_with(')')
        {
            core_end += 1;
        }
        let core = &token[core_start..core_end];
        let (lead, end) = (start + core_start, start + core_end);
        push(start, lead, false);
        if needs_protection(core) {
            push(lead, end, true);
        } else if single_capital_prefix(core) {
            push(lead, lead + 1, true);
            push(lead + 1, end, false);
        } else {
            push(lead, end, false);
        }
        start += token.len();
        push(end, start, false);
    }
    runs.into_iter()
        .map(|(start, end, protect)| (&title[start..end], protect))
        .collect()
}

/// A part of the word (between hyphens or slashes) with a capital after its first character: an
/// acronym or a mixed-case name. `Vision-Language` is plain title case and stays unprotected.
fn needs_protection(word: &str) -> bool {
    word.split(['-', '–', '—', '/'])
        .any(|part| part.chars().skip(1).any(char::is_uppercase))
}

/// `X-ray`, `T-cell`: one ASCII capital joined by a hyphen.
fn single_capital_prefix(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), Some('-')) if c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::segments;

    #[test]
    fn runs_cover_the_title_and_mark_acronyms() {
        let title = "MedCLIP: Chest X-ray with ImageNet on iOS";
        let runs = segments(title);
        assert_eq!(runs.iter().map(|r| r.0).collect::<String>(), title);
        assert_eq!(
            runs,
            [
                ("MedCLIP", true),
                (": Chest ", false),
                ("X", true),
                ("-ray with ", false),
                ("ImageNet", true),
                (" on ", false),
                ("iOS", true),
            ]
        );
        assert_eq!(segments("A Study"), [("A Study", false)]);
        assert_eq!(segments(""), []);
        assert_eq!(
            segments("=SUM(A1:A9) Harmful"),
            [("=", false), ("SUM(A1:A9)", true), (" Harmful", false)]
        );
    }
}
