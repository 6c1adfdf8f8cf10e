//! Compound parts: "sikkerheitspsykiatri" is also "sikkerheit" + "psykiatri", so a
//! search for "psykiatri" finds it.
//!
//! Words are split against a lexicon of Nynorsk lemmas (`data/nn_lexicon.txt`),
//! with the linking letters Norwegian uses between parts (`-s-`, `-e-`). The last
//! part may be inflected ("…kommisjonen"). The split with the fewest parts wins,
//! and a word is only split when every part is a known word, so ordinary words are
//! not cut into look-alike pieces. Parts are indexed in their own field, ranked
//! below whole-word matches.

use rustc_hash::FxHashMap as HashMap;

use super::filter::TermRule;
use super::stem::stem;

/// Shortest part a compound is split into.
const MIN_PART: usize = 3;
/// Shortest part a word that is itself in the lexicon is split into.
const MIN_KNOWN_PART: usize = 4;

/// The lexicon, shared with the stemmer.
static LEMMAS: &phf::Set<&str> = &super::stem::LEXICON;

// The stems of the lexicon's lemmas (of at least [`MIN_PART`] letters), generated
// from the lexicon by the stemmer and kept in step with both by a test
// (`lexicon_stems_file_is_current`): `LEXICON_STEMS`, compiled by the build script.
include!(concat!(env!("OUT_DIR"), "/lexicon_stems.rs"));

/// Whether `part`, of `letters` letters, is a lemma that may stand before the head.
fn is_part(part: &str, letters: usize, min: usize) -> bool {
    letters >= min && LEMMAS.contains(part)
}

/// Whether `head`, of `letters` letters, is a lemma or an inflection of one.
fn is_head(head: &str, letters: usize, min: usize) -> bool {
    letters >= min && (LEMMAS.contains(head) || LEXICON_STEMS.contains(stem(head).as_str()))
}

/// Whether `word` (in any inflection) is a word of the lexicon.
pub fn is_known(word: &str) -> bool {
    is_head(word, word.chars().count(), MIN_PART)
}

/// Whether `word` is Nynorsk as written: a lemma, an inflection of one, or a
/// compound of such words.
pub fn is_nynorsk(word: &str) -> bool {
    super::stem::is_nynorsk_word(word)
        || split(word).is_some_and(|parts| {
            parts
                .last()
                .is_some_and(|h| super::stem::is_nynorsk_word(h))
        })
}

/// The parts of a compound (lemma forms as written, the head as written), or `None`
/// when the word is not a compound of known words.
pub fn split(word: &str) -> Option<Vec<String>> {
    thread_local! {
        static SPLITS: std::cell::RefCell<HashMap<String, Option<Vec<String>>>> =
            Default::default();
    }
    super::memoized(&SPLITS, word, || split_uncached(word))
}

fn split_uncached(word: &str) -> Option<Vec<String>> {
    // Parts are slices of the word between character boundaries: every candidate
    // part is looked up, and copying each one out was most of the cost.
    let bounds: Vec<usize> = word
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(word.len()))
        .collect();
    let n = bounds.len() - 1;
    let slice = |from: usize, to: usize| &word[bounds[from]..bounds[to]];
    if n < 2 * MIN_PART || word.chars().any(|c| !c.is_alphabetic()) {
        return None;
    }
    // A word of the lexicon is split only into longer parts: "sikkerheitspsykiatri"
    // is two words, "ordførar" is not "ord" + "førar".
    let min = if is_head(word, n, MIN_PART) {
        MIN_KNOWN_PART
    } else {
        MIN_PART
    };
    // best[i]: fewest parts covering chars[..i], with where the last part started.
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for end in min..n {
        for start in 0..=end - min {
            let Some((count, _)) = best[start] else {
                continue;
            };
            if !is_part(slice(start, end), end - start, min) {
                continue;
            }
            let linked = end < n && matches!(slice(end, end + 1), "s" | "e");
            for at in [Some(end), linked.then_some(end + 1)].into_iter().flatten() {
                if at < n && best[at].is_none_or(|(c, _)| count + 1 < c) {
                    best[at] = Some((count + 1, start));
                }
            }
        }
    }
    let mut result: Option<(usize, usize)> = None;
    for (start, reached) in best.iter().enumerate().take(n - min + 1).skip(min) {
        if let Some((count, _)) = *reached
            && is_head(slice(start, n), n - start, min)
            && result.is_none_or(|(c, s)| count + 1 < c || (count + 1 == c && start < s))
        {
            result = Some((count + 1, start));
        }
    }
    let (_, head_start) = result?;
    let mut parts = vec![slice(head_start, n).to_string()];
    let mut at = head_start;
    while at > 0 {
        let (_, start) = best[at]?;
        let mut part = slice(start, at).to_string();
        if !LEMMAS.contains(part.as_str()) {
            part.pop(); // the linking letter
        }
        parts.push(part);
        at = start;
    }
    parts.reverse();
    Some(parts)
}

/// Emits the stems of a compound's parts, and nothing for a word that is not a
/// compound: the whole word is already in the text field, and indexing it twice
/// would double the postings of every plain word for no match the text field
/// misses.
#[derive(Clone, Copy, Default)]
pub struct CompoundParts;

impl TermRule for CompoundParts {
    fn apply(&self, term: &mut String, extra: &mut Vec<String>) {
        let Some(parts) = split(term) else {
            term.clear();
            return;
        };
        // Parts that are compounds themselves are given with their own parts too,
        // so a query split more finely ("helse" + "personell") still matches.
        let mut stems: Vec<String> = Vec::new();
        for part in &parts {
            stems.push(stem(part));
            if let Some(sub) = split(part) {
                stems.extend(sub.iter().map(|p| stem(p)));
            }
        }
        stems.dedup();
        let mut stems = stems.into_iter();
        if let Some(first) = stems.next() {
            *term = first;
        }
        extra.extend(stems);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stems file, as the current stemmer makes it of the current lexicon.
    fn lexicon_stems() -> String {
        let mut stems: Vec<String> = LEMMAS
            .iter()
            .filter(|l| l.chars().count() >= MIN_PART)
            .map(|l| super::super::stem::stem_uncached(l))
            .collect();
        stems.sort();
        stems.dedup();
        format!(
            "# Stems of the lemmas in nn_lexicon.txt, one per line, made by referat's stemmer.\n# Generated: REFERAT_BLESS=1 cargo test lexicon_stems_file_is_current\n{}\n",
            stems.join("\n")
        )
    }

    #[test]
    fn lexicon_stems_file_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/nn_lexicon_stems.txt");
        let expected = lexicon_stems();
        if std::env::var_os("REFERAT_BLESS").is_some() {
            std::fs::write(path, &expected).expect("write the stems file");
        }
        let actual = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            actual == expected,
            "data/nn_lexicon_stems.txt does not match the lexicon and the stemmer: run `REFERAT_BLESS=1 cargo test lexicon_stems_file_is_current` and commit the file"
        );
    }

    fn parts(word: &str) -> Option<Vec<String>> {
        split(word)
    }

    #[test]
    fn splits_compounds_of_known_words() {
        assert_eq!(
            parts("sikkerheitspsykiatri").unwrap(),
            ["sikkerheit", "psykiatri"]
        );
        assert_eq!(
            parts("helsepersonellkommisjonen").unwrap(),
            ["helsepersonell", "kommisjonen"]
        );
        assert_eq!(parts("heimesjukehus").unwrap(), ["heim", "sjukehus"]);
        assert_eq!(parts("helseføretaket").unwrap(), ["helse", "føretaket"]);
    }

    #[test]
    fn leaves_ordinary_words_whole() {
        for word in [
            "psykiatri",
            "kommunane",
            "utfordringar",
            "samhandling",
            "ordføraren",
        ] {
            assert_eq!(parts(word), None, "{word}");
        }
    }
}
