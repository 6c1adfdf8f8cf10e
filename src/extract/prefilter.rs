//! Prefilters: cheap checks that a passage may hold a pattern's words before the
//! pattern runs. Most rules find nothing in most passages, and a capturing pattern
//! costs far more per passage than one scan for a handful of fixed words.
//!
//! A prefilter may say yes where the pattern then finds nothing, never the other way
//! round: a rule behind one finds exactly what it found without it.

use aho_corasick::{AhoCorasick, MatchKind};
use regex::{Captures, Regex};

/// Words looked for in any letter case, as a case-insensitive pattern (`(?i)`) would
/// match them.
pub struct AnyCase {
    /// The words, and the letters that case-fold to an ASCII letter or to å without
    /// being one (the Kelvin sign, the long s, the Ångström sign, dotted capital I):
    /// the automaton folds ASCII only, so text with them is let through.
    gate: AhoCorasick,
    /// The words alone, leftmost first.
    words: AhoCorasick,
}

const UNFOLDED: [&str; 4] = ["\u{212A}", "\u{17F}", "\u{212B}", "\u{130}"];

impl AnyCase {
    /// Words in lowercase.
    pub fn new(words: &[&str]) -> Self {
        let variants: Vec<String> = words.iter().flat_map(|w| cased_variants(w)).collect();
        let build = |kind, patterns: &[&str]| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(kind)
                .build(patterns)
                .expect("a small static word list builds")
        };
        let words: Vec<&str> = variants.iter().map(String::as_str).collect();
        let gate: Vec<&str> = words.iter().copied().chain(UNFOLDED).collect();
        AnyCase {
            gate: build(MatchKind::Standard, &gate),
            words: build(MatchKind::LeftmostFirst, &words),
        }
    }

    /// Whether `text` may contain one of the words, in any case.
    pub fn may_occur_in(&self, text: &str) -> bool {
        self.gate.is_match(text)
    }

    /// Where the first of the words starts in `text`, if one occurs.
    pub fn find_in(&self, text: &str) -> Option<usize> {
        self.words.find(text).map(|m| m.start())
    }
}

/// The captures of `pattern` in `haystack`, searched only when `may_match` lets it.
///
/// The regex crate allocates the groups of every capturing search, whether it finds
/// anything or not, and most passages hold no match of most patterns: a plain search
/// first allocates nothing, and spares the allocator the work that, shared between
/// the cores, cost more than the search itself.
pub fn captures_where<'h>(
    pattern: &Regex,
    haystack: &'h str,
    may_match: bool,
) -> impl Iterator<Item = Captures<'h>> {
    (may_match && pattern.is_match(haystack))
        .then(|| pattern.captures_iter(haystack))
        .into_iter()
        .flatten()
}

/// The first captures of `pattern` in `haystack`, searched as [`captures_where`] does.
pub fn first_captures<'h>(pattern: &Regex, haystack: &'h str) -> Option<Captures<'h>> {
    captures_where(pattern, haystack, true).next()
}

/// A lowercase word in every mix of cases of its non-ASCII letters ("møte",
/// "mØte"): the automaton folds the case of ASCII letters itself.
fn cased_variants(word: &str) -> Vec<String> {
    let mut variants = vec![String::new()];
    for c in word.chars() {
        let upper: Vec<char> = if c.is_ascii() {
            Vec::new()
        } else {
            c.to_uppercase().filter(|u| *u != c).collect()
        };
        if upper.len() == 1 {
            variants = variants
                .into_iter()
                .flat_map(|v| [format!("{v}{c}"), format!("{v}{}", upper[0])])
                .collect();
        } else {
            for v in &mut variants {
                v.push(c);
            }
        }
    }
    variants
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_are_those_of_the_pattern_unless_the_gate_is_shut() {
        let pattern = Regex::new(r"(\d+)\.(\d+)").unwrap();
        let text = "frå 1.2 til 3.45, ikkje 6";
        let found: Vec<(String, String)> = captures_where(&pattern, text, true)
            .map(|c| (c[1].to_string(), c[2].to_string()))
            .collect();
        assert_eq!(found, [("1".into(), "2".into()), ("3".into(), "45".into())]);
        assert_eq!(captures_where(&pattern, text, false).count(), 0);
        assert_eq!(captures_where(&pattern, "ingen tal", true).count(), 0);
        assert_eq!(
            first_captures(&pattern, text).map(|c| c[0].to_string()),
            Some("1.2".into())
        );
    }

    #[test]
    fn words_are_found_in_any_case() {
        let gate = AnyCase::new(&["møte", "sjå på", "neste"]);
        for text in [
            "Eit MØTE",
            "Møtet",
            "dei skal SJÅ PÅ",
            "Sjå På",
            "NESTE gong",
        ] {
            assert!(gate.may_occur_in(text), "{text}");
        }
        for text in ["Ein samtale", "sjå etter", "Nest"] {
            assert!(!gate.may_occur_in(text), "{text}");
        }
    }

    #[test]
    fn letters_that_fold_to_ascii_are_let_through() {
        let gate = AnyCase::new(&["neste"]);
        // "neſte" with a long s matches "neste" case-insensitively.
        assert!(gate.may_occur_in("neſte"));
    }

    #[test]
    fn the_first_word_is_found_where_it_starts() {
        let gate = AnyCase::new(&["neste møte", "neste gong"]);
        assert_eq!(
            gate.find_in("Vi tok opp det. Neste gong blir i Molde"),
            Some(16)
        );
        assert_eq!(gate.find_in("Ingenting"), None);
    }
}
