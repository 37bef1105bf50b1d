//! Which parts of a title keep their capitals when a style changes the case: acronyms and
//! mixed-case words (`MedCLIP`, `CLIP`, `GPT-4`, `iOS`, `ImageNet`) and single capitals joined by a
//! hyphen (the `X` of `X-ray`), names (`Gaussian`, `Python`), and in a title written in sentence
//! case every capitalised word after the first (`... and the Weisfeiler-Leman test`). BibTeX
//! braces them; CSL-JSON wraps them in `<span class="nocase">`.

use smallvec::SmallVec;

/// Splits `title` into runs of text, each marked whether its case must be kept. Concatenating the
/// runs gives `title` back.
pub(crate) fn segments(title: &str) -> Vec<(&str, bool)> {
    let names = names_to_keep(title);
    match title {
        "" => Vec::new(),
        _ if names.is_empty() && plain_case(title) && !has_proper_noun(title) => {
            vec![(title, false)]
        }
        _ => runs(title, &names),
    }
}

/// Where the names of the title's clauses written in sentence case start: the capitalised words
/// after a clause's first (`Thermal odometry using Gaussian splatting`, `Observing the Milky
/// Way`). The writer chose those capitals, and a style that lower-cases titles must keep them.
/// Clauses end at `:`, `?`, `!`, a dash and a parenthesis, and are judged one by one, as a title
/// in title case may have a subtitle in sentence case. A clause is in sentence case when at least two of its
/// words after the first are in lower case (not counting the short words title case leaves in
/// lower case, nor `k-Means`), at least half as many as are capitalised (`Weisfeiler-Leman`,
/// `Milky`, not an acronym). The first word of a clause after `?`, `!` or a dash is kept too;
/// after a colon, BibTeX styles keep it anyway.
fn names_in_sentence_case(title: &str) -> SmallVec<[usize; 4]> {
    let mut names = SmallVec::new();
    let Some((_, rest)) = title.split_once(' ') else {
        return names;
    };
    // Most titles: no capital after the first word, nothing to keep; or, in title case, fewer
    // than two words in lower case in the whole title, so in any clause.
    if rest.is_ascii() && !rest.bytes().any(|b| b.is_ascii_uppercase()) {
        return names;
    }
    let lower_words = match rest.is_ascii() {
        true => two_lower_words_ascii(rest),
        false => rest
            .split(' ')
            .filter(|w| is_lower(core_of(w)))
            .nth(1)
            .is_some(),
    };
    if !lower_words {
        return names;
    }
    // Each clause's capitalised words (their offsets), and its lower-case and capitalised words'
    // counts, which the whole title's add up.
    struct Clause {
        names: SmallVec<[usize; 8]>,
        lower: usize,
        capitalised: usize,
    }
    let new_clause = || Clause {
        names: SmallVec::new(),
        lower: 0,
        capitalised: 0,
    };
    let mut clauses: SmallVec<[Clause; 4]> = SmallVec::new();
    let mut clause = new_clause();
    let mut first = true; // the next word starts a clause
    let mut keep_first = false; // ... and is kept when capitalised
    let mut at = 0;
    for word in title.split(' ') {
        let core = core_of(word);
        let offset = at + (core.as_ptr() as usize - word.as_ptr() as usize);
        at += word.len() + 1;
        // `(extended version)`, `[part 1]`: a clause of its own.
        if word.starts_with(['(', '[']) && !first {
            clauses.push(std::mem::replace(&mut clause, new_clause()));
            (first, keep_first) = (true, false);
        }
        let initial = core.chars().next();
        let capital = initial.is_some_and(char::is_uppercase);
        if first {
            if capital && keep_first {
                clause.names.push(offset);
            }
        } else if initial.is_some_and(char::is_lowercase) {
            clause.lower += usize::from(is_lower(core));
        } else if capital && !needs_protection(core) {
            clause.capitalised += 1;
            clause.names.push(offset);
        }
        let subtitle = opens_subtitle(word);
        if subtitle || word.ends_with([':', ')', ']']) {
            clauses.push(std::mem::replace(&mut clause, new_clause()));
            first = true;
            keep_first = subtitle;
        } else if !core.is_empty() {
            first = false;
        }
    }
    clauses.push(clause);
    // A clause of two words or fewer to judge by (`Hund-projected Kanamori model:`, `What's on
    // second?`, `Gemini 3.1 Pro:`) is judged with the whole title, unless both are capitalised
    // (`Geometric Deep Learning:`).
    let sentence = |lower: usize, capitalised: usize| lower >= 2 && 2 * lower >= capitalised;
    let whole = sentence(
        clauses.iter().map(|c| c.lower).sum(),
        clauses.iter().map(|c| c.capitalised).sum(),
    );
    for c in &clauses {
        let judged = match (c.lower, c.capitalised) {
            (0, 2) => false,
            (lower, capitalised) if lower + capitalised <= 2 => whole,
            (lower, capitalised) => sentence(lower, capitalised),
        };
        if judged {
            names.extend(c.names.iter().copied());
        }
    }
    names
}

/// Where the words start that keep their case as written: [`names_in_sentence_case`] and
/// [`subtitle_starts`].
fn names_to_keep(title: &str) -> SmallVec<[usize; 4]> {
    let mut names = names_in_sentence_case(title);
    for start in subtitle_starts(title) {
        if !names.contains(&start) {
            names.push(start);
        }
    }
    names
}

/// Where a capitalised word starts a clause after `?`, `!` or a dash (`Is a Single Vector Enough?
/// Exploring ...`, `Hands, Objects, Action! Egocentric ...`, `SmolLM2: When Smol Goes Big --
/// Data-Centric ...`). BibTeX styles keep the capital after a colon, but lower-case this one,
/// whether the title is in title or sentence case.
fn subtitle_starts(title: &str) -> SmallVec<[usize; 4]> {
    let mut starts = SmallVec::new();
    // `?` or `!`, or a space before a dash (`-`, or the first byte of `–` and `—`): a cheap
    // test most titles fail (a hyphen inside a word passes it).
    let bytes = title.as_bytes();
    let dash =
        || memchr::memchr_iter(b' ', bytes).any(|i| matches!(bytes.get(i + 1), Some(b'-' | 0xE2)));
    if memchr::memchr2(b'?', b'!', bytes).is_none() && !dash() {
        return starts;
    }
    let mut at = 0;
    let mut after_end = false;
    for word in title.split(' ') {
        let offset = at;
        at += word.len() + 1;
        if after_end && word.starts_with(char::is_uppercase) {
            starts.push(offset);
        }
        after_end = opens_subtitle(word);
    }
    starts
}

/// Whether a word ends a clause whose next word BibTeX styles would lower-case: a dash alone, or
/// a word ending in `?` or `!` (after a colon they keep the capital themselves).
fn opens_subtitle(word: &str) -> bool {
    matches!(word, "-" | "--" | "–" | "—") || word.ends_with(['?', '!'])
}

/// [`segments`], with every occurrence of `kept` protected too: the parts of the title whose case
/// the source fixed (`A hierarchical {Bayesian} model` in BibTeX keeps `Bayesian`).
pub(crate) fn segments_keeping<'t>(title: &'t str, kept: &[String]) -> Vec<(&'t str, bool)> {
    let runs = segments(title);
    let kept: Vec<&String> = kept
        .iter()
        .filter(|k| k.chars().any(char::is_uppercase))
        .collect();
    if kept.is_empty() {
        return runs;
    }
    let mut protect = vec![false; title.len()];
    let mut at = 0;
    for (run, p) in &runs {
        protect[at..at + run.len()].fill(*p);
        at += run.len();
    }
    // A kept piece that the title has as a word of its own (`{A} Systematic Review`) is that
    // word, not the start of another (`Artificial`); one it has only inside words (`{G}od`) is
    // protected there.
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    for k in kept {
        let found: SmallVec<[(usize, bool); 4]> = (title.match_indices(k.as_str()))
            .map(|(i, f)| {
                let whole = !alnum(title[..i].chars().next_back())
                    && !alnum(title[i + f.len()..].chars().next());
                (i, whole)
            })
            .collect();
        let any_whole = found.iter().any(|&(_, whole)| whole);
        for &(i, whole) in &found {
            if whole || !any_whole {
                protect[i..i + k.len()].fill(true);
            }
        }
    }
    let mut out: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    for (i, _) in title.char_indices().skip(1) {
        if protect[i] != protect[start] {
            out.push((&title[start..i], protect[start]));
            start = i;
        }
    }
    if start < title.len() {
        out.push((&title[start..], protect[start]));
    }
    out
}

/// A word in lower case that title case would capitalise (`model`, not `of`, `k-Means`).
fn is_lower(core: &str) -> bool {
    core.starts_with(char::is_lowercase)
        && !core.chars().any(char::is_uppercase)
        && !lower_in_title_case(core)
}

/// Whether ASCII `text` has two words for which [`is_lower`] holds, found byte by byte: most
/// titles in title case are told by this scan alone.
fn two_lower_words_ascii(text: &str) -> bool {
    (text.as_bytes().split(|&b| b == b' '))
        .filter_map(|w| {
            // A word whose first letter or digit is no small letter is ruled out before its end
            // is looked for.
            let start = w.iter().position(u8::is_ascii_alphanumeric)?;
            if !w[start].is_ascii_lowercase() {
                return None;
            }
            let end = w.iter().rposition(u8::is_ascii_alphanumeric)?;
            Some(&w[start..=end])
        })
        .filter(|w| {
            !w.iter().any(u8::is_ascii_uppercase)
                && std::str::from_utf8(w).is_ok_and(|w| !lower_in_title_case(w))
        })
        .nth(1)
        .is_some()
}

/// A word without the punctuation around it.
fn core_of(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Articles, conjunctions and prepositions, which title case leaves in lower case. Writers of
/// title case often leave `is`, `are`, `be` and `using` in lower case as well.
fn lower_in_title_case(word: &str) -> bool {
    matches!(
        word,
        "a" | "about"
            | "across"
            | "after"
            | "against"
            | "among"
            | "an"
            | "and"
            | "are"
            | "as"
            | "al"
            | "at"
            | "be"
            | "before"
            | "between"
            | "but"
            | "by"
            | "et"
            | "for"
            | "from"
            | "in"
            | "into"
            | "is"
            | "nor"
            | "of"
            | "on"
            | "onto"
            | "or"
            | "over"
            | "per"
            | "than"
            | "the"
            | "through"
            | "to"
            | "under"
            | "upon"
            | "using"
            | "versus"
            | "via"
            | "vs"
            | "with"
            | "within"
            | "without"
    )
}

/// [`segments`], word by word; the words starting at `names` are kept as written.
fn runs<'t>(title: &'t str, names: &[usize]) -> Vec<(&'t str, bool)> {
    // Byte ranges with their mark, in order; empty ones are skipped and neighbours of the same
    // mark joined, so callers see whole phrases.
    let mut runs: Vec<(usize, usize, bool)> = Vec::new();
    let mut push = |start: usize, end: usize, protect: bool| match runs.last_mut() {
        _ if start == end => {}
        Some(last) if last.2 == protect => last.1 = end,
        _ => runs.push((start, end, protect)),
    };
    let ascii = title.is_ascii();
    let mut start = 0;
    while start < title.len() {
        // A token: a word and the punctuation around it, up to and with the space after it.
        let rest = &title.as_bytes()[start..];
        let token_len = rest
            .iter()
            .position(|&b| b == b' ')
            .map_or(rest.len(), |i| i + 1);
        let token = &title[start..start + token_len];
        // The word between the punctuation around it: found byte by byte in ASCII.
        let (core_start, mut core_end) = if ascii {
            let bytes = token.as_bytes();
            let core_start = bytes
                .iter()
                .position(u8::is_ascii_alphanumeric)
                .unwrap_or(bytes.len());
            let core_end = bytes
                .iter()
                .rposition(u8::is_ascii_alphanumeric)
                .map_or(core_start, |i| i + 1);
            (core_start, core_end)
        } else {
            let core = core_of(token);
            let core_start = core.as_ptr() as usize - token.as_ptr() as usize;
            (core_start, core_start + core.len())
        };
        // Keep brackets opened inside the word with it: `{SUM(A1)}`, not `{SUM(A1})`.
        let core = &token.as_bytes()[core_start..core_end];
        if core.contains(&b'(') {
            let count = |b: u8| core.iter().filter(|&&c| c == b).count();
            let mut unclosed = count(b'(').saturating_sub(count(b')'));
            while unclosed > 0 && token[core_end..].starts_with(')') {
                core_end += 1;
                unclosed -= 1;
            }
        }
        let core = &token[core_start..core_end];
        let (lead, end) = (start + core_start, start + core_end);
        push(start, lead, false);
        // Most words are told at a glance: one with no capital, digit, `-` or `/` after its first
        // letter needs no protection, and is a name only if that letter is a capital.
        let bytes = core.as_bytes();
        let simple = ascii
            && !bytes
                .iter()
                .skip(1)
                .any(|&b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-' || b == b'/');
        let capital = !simple || bytes.first().is_some_and(u8::is_ascii_uppercase);
        // Every proper noun starts with a capital, and so does the word (or its first part).
        let proper = || {
            bytes.first().is_some_and(u8::is_ascii_uppercase)
                && match core.bytes().any(|b| b == b'-' || b == b'/') {
                    true => core.split(['-', '/']).any(is_proper_noun),
                    false => is_proper_noun(core),
                }
        };
        let named = || names.contains(&lead);
        // A capital alone (`GTA V`, `M dwarfs`, the `C` of `C++`), but the article `A`.
        let alone = bytes.len() == 1 && bytes[0].is_ascii_uppercase() && bytes[0] != b'A';
        if capital && ((!simple && needs_protection(core)) || proper() || named() || alone) {
            push(lead, end, true);
        } else if capital && single_capital_prefix(core) {
            push(lead, lead + 1, true);
            push(lead + 1, end, false);
        } else {
            push(lead, end, false);
        }
        start += token_len;
        push(end, start, false);
    }
    runs.into_iter()
        .map(|(start, end, protect)| (&title[start..end], protect))
        .collect()
}

/// Whether an ASCII title has no capital to protect: every capital starts a word (its first
/// letter or digit, or the first after `-` or `/`) and none stands alone before a hyphen. Most
/// titles are such and need no closer look.
fn plain_case(title: &str) -> bool {
    let b = title.as_bytes();
    let mut alphanumeric_before = false; // in this space-separated word
    let mut capital_part = false; // the part (between spaces, `-` and `/`) starts with a capital
    let mut capital_word = false; // a part of this word did
    let mut letter_part = false; // the part starts with a small letter
    let mut prev = b' ';
    for (i, &c) in b.iter().enumerate() {
        let next = b.get(i + 1).copied();
        if c == b' ' || c == b'-' || c == b'/' {
            alphanumeric_before &= c != b' ';
            capital_word &= c != b' ';
            capital_part = false;
            letter_part = false;
        } else if c.is_ascii_uppercase() {
            let starts_part = !alphanumeric_before || prev == b'-' || prev == b'/';
            if !starts_part || next == Some(b'-') {
                return false;
            }
            // A capital alone (`GTA V`, `C++`, `Insight-V`), but the article `A`.
            let alone = !next.is_some_and(|n| n.is_ascii_alphanumeric());
            if alone && (c != b'A' || alphanumeric_before) {
                return false;
            }
            capital_part = true;
            capital_word = true;
        } else if c.is_ascii_digit()
            && (capital_part || letter_part || capital_word && matches!(prev, b'-' | b'/'))
        {
            return false; // `V2`, `T5-based`, `Sentinel-2`, `wav2vec`
        } else if c.is_ascii_lowercase() && (!alphanumeric_before || matches!(prev, b'-' | b'/')) {
            letter_part = true;
        } else if !c.is_ascii() {
            return false;
        }
        alphanumeric_before |= c.is_ascii_alphanumeric();
        prev = c;
    }
    true
}

/// Whether a word's capitals must be kept from a style's lower-casing (see [`has_inner_capital`]).
/// `Vision-Language` is plain title case and stays unprotected.
fn needs_protection(word: &str) -> bool {
    if !word.is_ascii() {
        return has_inner_capital(word);
    }
    // The same part by part: a capital that is not the first character of its part, or a
    // digit in a part that starts with a capital; and a number or a single capital after a
    // capitalised part, which makes a name (`Phi-4-Mini`, `Sentinel-2`, `Insight-V`).
    let mut capitalised_before = false;
    let mut number_before = false;
    for (i, part) in word.split(['-', '/']).enumerate() {
        let b = part.as_bytes();
        let starts_capital = b.first().is_some_and(u8::is_ascii_uppercase);
        // A digit after a letter makes a name in either case: `T5`, `wav2vec`, `x86`.
        let starts_letter = b.first().is_some_and(u8::is_ascii_alphabetic);
        let inner = |c: &u8| c.is_ascii_uppercase() || starts_letter && c.is_ascii_digit();
        if b.iter().skip(1).any(inner) {
            return true;
        }
        let number = b.first().is_some_and(u8::is_ascii_digit);
        let single_capital = b.len() == 1 && starts_capital;
        // ... and a single capital after a number: `3-D`, `2-D`.
        if i > 0
            && (capitalised_before && (number || single_capital) || number_before && single_capital)
        {
            return true;
        }
        capitalised_before |= starts_capital;
        number_before = number;
    }
    false
}

/// [`needs_protection`] for any text: a part with a capital after its first character (an
/// acronym or a mixed-case name), or a capital and a digit (a model's name: `T5`, `V2`), or a
/// number or a single capital after a capitalised part (`Sentinel-2`, `Insight-V`).
fn has_inner_capital(word: &str) -> bool {
    let mut capitalised_before = false;
    let mut number_before = false;
    word.split(['-', '–', '—', '/'])
        .enumerate()
        .any(|(i, part)| {
            let mut chars = part.chars();
            let first = chars.next();
            let starts_capital = first.is_some_and(char::is_uppercase);
            let single = chars.clone().next().is_none();
            let starts_letter = first.is_some_and(char::is_alphabetic);
            let inner = chars.any(|c| c.is_uppercase() || starts_letter && c.is_ascii_digit());
            let number = first.is_some_and(|c| c.is_ascii_digit());
            let single_capital = single && starts_capital;
            let after_name = i > 0
                && (capitalised_before && (number || single_capital)
                    || number_before && single_capital);
            capitalised_before |= starts_capital;
            number_before = number;
            inner || after_name
        })
}

/// Whether an ASCII title has a word of [`PROPER_NOUNS`], found byte by byte: only words that
/// start with a capital and are no longer than the longest name are looked up.
fn has_proper_noun(title: &str) -> bool {
    let b = title.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'\'') {
            i += 1;
        }
        if b[start].is_ascii_uppercase() && i - start <= 14 && is_proper_noun(&title[start..i]) {
            return true;
        }
    }
    false
}

/// Whether a word is a name that keeps its capital in any case (`Gaussian`, `Chinese`,
/// `Python`, `Alzheimer's`), though written like any capitalised word.
fn is_proper_noun(word: &str) -> bool {
    static NAMES: std::sync::LazyLock<crate::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| PROPER_NOUNS.iter().copied().collect());
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) || word.len() > 16 {
        return false;
    }
    // `Alzheimer's` and `Gaussians` are the names `Alzheimer` and `Gaussian`.
    let is_name = |w: &str| known_length(w) && NAMES.contains(w);
    match word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
        Some(possessor) => is_name(possessor),
        None => is_name(word) || word.strip_suffix('s').is_some_and(is_name),
    }
}

/// Whether a name of [`PROPER_NOUNS`] has `word`'s initial and length: most capitalised words are
/// ruled out here without a look-up.
fn known_length(word: &str) -> bool {
    // Which lengths the names of each initial have, bit `n` for `n` bytes.
    const LENGTHS: [u32; 26] = {
        let mut table = [0; 26];
        let mut i = 0;
        while i < PROPER_NOUNS.len() {
            let name = PROPER_NOUNS[i].as_bytes();
            table[(name[0] - b'A') as usize] |= 1 << name.len();
            i += 1;
        }
        table
    };
    let Some(initial) = word.as_bytes().first().and_then(|b| b.checked_sub(b'A')) else {
        return false;
    };
    let initial = usize::from(initial);
    initial < 26 && word.len() < 32 && LENGTHS[initial] & (1 << word.len()) != 0
}

/// Capitalised words of titles that name people, peoples, languages, places or products, and
/// units named after people; sorted, to be read and kept free of repeats.
const PROPER_NOUNS: &[&str] = &[
    "Africa",
    "African",
    "Alzheimer",
    "Amazon",
    "America",
    "American",
    "Amharic",
    "Android",
    "Antarctic",
    "Arabic",
    "Arctic",
    "Asia",
    "Asian",
    "Atari",
    "Atlantic",
    "Australia",
    "Australian",
    "Banach",
    "Bayer",
    "Bayes",
    "Bayesian",
    "Beijing",
    "Bellman",
    "Bengali",
    "Bernoulli",
    "Bethe",
    "Boltzmann",
    "Boolean",
    "Bose",
    "Brazil",
    "Brazilian",
    "Bregman",
    "Brownian",
    "Bézier",
    "Canada",
    "Canadian",
    "Cantonese",
    "Carlo",
    "Cauchy",
    "Chebyshev",
    "China",
    "Chinese",
    "Cholesky",
    "Claude",
    "Copilot",
    "Cramér",
    "Crohn",
    "Czech",
    "Dirac",
    "Dirichlet",
    "Doppler",
    "Dutch",
    "Earth",
    "Einstein",
    "English",
    "Euclidean",
    "Euler",
    "Europe",
    "European",
    "Excel",
    "Facebook",
    "Fermi",
    "Finnish",
    "Fisher",
    "Fock",
    "Fokker",
    "Fortran",
    "Fourier",
    "France",
    "French",
    "GHz",
    "Gabor",
    "Gauss",
    "Gaussian",
    "Gemini",
    "German",
    "Germany",
    "Gibbs",
    "Google",
    "Greek",
    "Gromov",
    "Gumbel",
    "Hadamard",
    "Hamilton",
    "Hamiltonian",
    "Hartree",
    "Haskell",
    "Hausdorff",
    "Hawkes",
    "Hebbian",
    "Hebrew",
    "Heisenberg",
    "Hermite",
    "Hessian",
    "Hilbert",
    "Hindi",
    "Hodgkin",
    "Hopfield",
    "Hough",
    "Hubbard",
    "Huntington",
    "Hz",
    "India",
    "Indian",
    "Indonesian",
    "Instagram",
    "Ising",
    "Italian",
    "Italy",
    "Jacobi",
    "Jacobian",
    "Japan",
    "Japanese",
    "Java",
    "Josephson",
    "Jupiter",
    "Kalman",
    "Kinect",
    "Kohn",
    "Kolmogorov",
    "Kondo",
    "Koopman",
    "Korea",
    "Korean",
    "Kotlin",
    "Kronecker",
    "Krylov",
    "Kullback",
    "Lagrange",
    "Lagrangian",
    "Landauer",
    "Langevin",
    "Laplace",
    "Laplacian",
    "Latin",
    "Legendre",
    "Leibler",
    "Levenshtein",
    "Linux",
    "Lipschitz",
    "Llama",
    "London",
    "Lorentz",
    "Luttinger",
    "Lyapunov",
    "Mahalanobis",
    "Majorana",
    "Mamba",
    "Mandarin",
    "Manhattan",
    "Marathi",
    "Markov",
    "Markovian",
    "Mars",
    "Maxwell",
    "Microsoft",
    "Minecraft",
    "Monte",
    "Mott",
    "Nash",
    "Navier",
    "Nesterov",
    "Newton",
    "Newtonian",
    "Noether",
    "Nyquist",
    "Pareto",
    "Paris",
    "Parkinson",
    "Peierls",
    "Persian",
    "Planck",
    "Poisson",
    "Portuguese",
    "Procrustes",
    "Python",
    "Rashba",
    "Reddit",
    "Riemann",
    "Riemannian",
    "Russian",
    "Rust",
    "Scala",
    "Schrödinger",
    "Shannon",
    "Shapley",
    "Siamese",
    "Sinkhorn",
    "Solidity",
    "Spain",
    "Spanish",
    "Stackelberg",
    "Stanford",
    "Stein",
    "Stokes",
    "Swahili",
    "Swedish",
    "Tamil",
    "Telugu",
    "Thai",
    "Toeplitz",
    "Tokyo",
    "Triton",
    "Turing",
    "Turkish",
    "Twitter",
    "Ukrainian",
    "Urdu",
    "Verilog",
    "Vietnamese",
    "Voronoi",
    "Wasserstein",
    "Webb",
    "Weyl",
    "Wiener",
    "Wigner",
    "Wikidata",
    "Wikipedia",
    "Yoruba",
    "Zeeman",
    "Zika",
];

/// `X-ray`, `T-cell`: one ASCII capital joined by a hyphen; `O(log n)`: one before a bracket.
fn single_capital_prefix(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), Some('-' | '('))
        if c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::{segments, segments_keeping};

    #[test]
    fn a_capital_after_a_number_or_before_a_bracket_is_kept() {
        assert_eq!(
            segments("Scene 3-D Reconstruction with O(log n) Space"),
            [
                ("Scene ", false),
                ("3-D", true),
                (" Reconstruction with ", false),
                ("O", true),
                ("(log n) Space", false),
            ]
        );
        // A word after a number, and a capital after a bracket, are not.
        assert_eq!(
            segments("3-Way Fusion (A Study)"),
            [("3-Way Fusion (A Study)", false)]
        );
    }

    #[test]
    fn proper_nouns_keep_their_capital() {
        assert_eq!(
            segments(
                "Towards Chinese Models for Gaussian Splatting in Python: Alzheimer's at 40 Hz"
            ),
            [
                ("Towards ", false),
                ("Chinese", true),
                (" Models for ", false),
                ("Gaussian", true),
                (" Splatting in ", false),
                ("Python", true),
                (": ", false),
                ("Alzheimer's", true),
                (" at 40 ", false),
                ("Hz", true),
            ]
        );
        // Names of models, places and people seen in titles of the corpus.
        assert_eq!(
            segments("Skeleton Mamba on Raw Bayer Images via Hough Transform in Crohn's"),
            [
                ("Skeleton ", false),
                ("Mamba", true),
                (" on Raw ", false),
                ("Bayer", true),
                (" Images via ", false),
                ("Hough", true),
                (" Transform in ", false),
                ("Crohn's", true),
            ]
        );
        // Only as names: lower case, or inside another word, they are plain words.
        assert_eq!(
            segments("A gaussian Pythonic"),
            [("A gaussian Pythonic", false)]
        );
        assert!(
            super::PROPER_NOUNS.windows(2).all(|w| w[0] < w[1]),
            "sorted"
        );
        // The table of lengths lets every name through, with `'s` too, but no other length.
        for name in super::PROPER_NOUNS {
            assert!(super::is_proper_noun(name), "{name}");
            assert!(super::is_proper_noun(&format!("{name}'s")), "{name}'s");
            assert!(!super::is_proper_noun(&format!("{name}x")), "{name}x");
        }
    }

    #[test]
    fn capitalised_words_of_a_sentence_case_title_are_names() {
        assert_eq!(
            segments("Graphs: Networks and the Weisfeiler-Leman test in light of the Milky Way"),
            [
                ("Graphs: Networks and the ", false),
                ("Weisfeiler-Leman", true),
                (" test in light of the ", false),
                ("Milky", true),
                (" ", false),
                ("Way", true),
            ]
        );
        // Title case, short words in lower case or not, keeps no capitalised word, and neither
        // does a title-case title with a sentence-case subtitle.
        for title in [
            "Learning Transferable Visual Models From Natural Language Supervision",
            "Learning to See by Moving through the Scene with a Camera",
            "Deep Residual learning for Image Recognition",
            "Predict then Propagate: Graph Neural Networks meet Personalized Pagerank",
            "Generating Notifications for Missing Actions: Don't forget to turn the lights off!",
        ] {
            assert_eq!(segments(title), [(title, false)], "{title}");
        }
        // A clause too short to judge goes with the whole title; a parenthesis is a clause.
        let kept = |title: &str| -> Vec<String> {
            segments(title)
                .into_iter()
                .filter(|r| r.1)
                .map(|r| r.0.to_string())
                .collect()
        };
        assert_eq!(
            kept("Hund-projected Kanamori model: an effective description of the metals near the Mott insulating regime"),
            ["Kanamori", "Mott"]
        );
        assert_eq!(kept("Who's on first? What's on second?"), ["What's"]);
        assert_eq!(
            kept("Tracking Object Positions in Reinforcement Learning: A Metric for Keypoint Detection (extended version)"),
            Vec::<String>::new()
        );
        // `k-Means` is no word in lower case.
        assert_eq!(
            segments("Improved k-Means and t-SNE Embeddings for Image Clustering"),
            [
                ("Improved k-Means and ", false),
                ("t-SNE", true),
                (" Embeddings for Image Clustering", false)
            ]
        );
        // A sentence-case clause after a title-case one, and the first word of a clause after
        // a question.
        assert_eq!(
            segments("Geometric Deep Learning: Going beyond Euclidean data"),
            [
                ("Geometric Deep Learning: Going beyond ", false),
                ("Euclidean", true),
                (" data", false),
            ]
        );
        assert_eq!(
            segments("Just copy and paste? Comparing code from two sites"),
            [
                ("Just copy and paste? ", false),
                ("Comparing", true),
                (" code from two sites", false),
            ]
        );
        // A sentence-case title without capitals after its first word is one plain run.
        let plain = "Thermal odometry and dense mapping using learned odometry";
        assert_eq!(segments(plain), [(plain, false)]);
    }

    #[test]
    fn kept_parts_are_protected_with_the_acronyms() {
        let kept = ["Bayesian".to_string(), "G".to_string(), "lower".to_string()];
        assert_eq!(
            segments_keeping("A Hierarchical Bayesian Model of God and CLIP", &kept),
            [
                ("A Hierarchical ", false),
                ("Bayesian", true),
                (" Model of ", false),
                ("G", true),
                ("od and ", false),
                ("CLIP", true),
            ]
        );
        assert_eq!(segments_keeping("Plain", &[]), segments("Plain"));
        // A kept word the title has on its own protects that word only.
        assert_eq!(
            segments_keeping("Medical Artificial Intelligence — A Review", &["A".into()]),
            [
                ("Medical Artificial Intelligence — ", false),
                ("A", true),
                (" Review", false),
            ]
        );
    }

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
        // A capital with digits is a name (`T5`, `V2`), not a capitalised word.
        assert_eq!(
            segments("LLaMA-Adapter V2 with a T5-based Model in 3 Steps"),
            [
                ("LLaMA-Adapter", true),
                (" ", false),
                ("V2", true),
                (" with a ", false),
                ("T5-based", true),
                (" Model in 3 Steps", false),
            ]
        );
        assert_eq!(segments(""), []);
        // A name with a number or a letter after a hyphen, a capital alone (not the article),
        // a name in the plural.
        let kept = |title: &str| -> Vec<String> {
            segments(title)
                .into_iter()
                .filter(|(_, keep)| *keep)
                .map(|(t, _)| t.to_string())
                .collect()
        };
        assert_eq!(kept("Phi-4-Mini Technical Report"), ["Phi-4-Mini"]);
        // The first word after `?`, `!` or a dash, which BibTeX styles would lower-case.
        assert_eq!(
            kept("Is a Single Vector Enough? Exploring Node Polysemy for Network Embedding"),
            ["Exploring"]
        );
        assert_eq!(kept("Free Your Mouse! Command Models"), ["Command"]);
        assert_eq!(
            kept("When Smol Goes Big – Data-Centric Training"),
            ["Data-Centric"]
        );
        assert_eq!(
            kept("Self-Supervised Learning: A Survey? no. yes!"),
            Vec::<String>::new()
        );
        // A digit after a small letter makes a name too, which a title-casing style would
        // capitalise (`Wav2vec`); a number alone or one starting a word is no name.
        assert_eq!(
            kept("wav2vec: learning x86 and n2c2 in 3 steps for 1990s data"),
            ["wav2vec", "x86", "n2c2"]
        );
        assert_eq!(kept("Réseaux pix2pix à l'échelle"), ["pix2pix"]);
        assert_eq!(kept("Monitoring with Sentinel-2 imagery"), ["Sentinel-2"]);
        assert_eq!(kept("Insight-V: Long-Chain Reasoning"), ["Insight-V"]);
        assert_eq!(kept("Playing GTA V as a Benchmark"), ["GTA", "V"]);
        assert_eq!(kept("Verified C Code and C++ Code"), ["C", "C"]);
        assert_eq!(kept("A Study of A Thing"), Vec::<String>::new());
        assert_eq!(kept("Mixtures of Gaussians"), ["Gaussians"]);
        assert_eq!(kept("Vision-Language Pre-training of X-ray Images"), ["X"]);
        assert_eq!(
            segments("=SUM(A1:A9) Harmful"),
            [("=", false), ("SUM(A1:A9)", true), (" Harmful", false)]
        );
    }

    proptest::proptest! {
        #[test]
        fn the_shortcut_for_plain_titles_changes_nothing(
            title in proptest::prop_oneof![
                "[A-Za-z0-9 ()/&_.:,-]{1,40}",
                "([(&_.:,]?[A-Z]?[a-z0-9]{0,5}[)&_.:,]?[ /-]?){1,8}",
            ],
        ) {
            let names = super::names_to_keep(&title);
            proptest::prop_assert_eq!(super::segments(&title), super::runs(&title, &names));
        }

        #[test]
        fn lower_words_are_found_byte_by_byte_as_by_the_general_rule(
            text in "([a-zA-Z().,:-]{1,8} ?){0,8}",
        ) {
            let general = text.split(' ').filter(|w| super::is_lower(super::core_of(w))).nth(1);
            proptest::prop_assert_eq!(super::two_lower_words_ascii(&text), general.is_some());
        }

        #[test]
        fn ascii_words_are_judged_as_by_the_general_rule(word in "[A-Za-z0-9/()-]{0,12}") {
            proptest::prop_assert_eq!(
                super::needs_protection(&word),
                super::has_inner_capital(&word)
            );
        }
    }
}
