//! A light stemmer for Nynorsk (that also knows the Bokmål endings).
//!
//! Suffixes are stripped only inside R1, the region after the first consonant that
//! follows a vowel (at least three letters in), so short words keep their shape and
//! "leiar" stays "leiar" while "kommunar" becomes "kommun". The rules, and the
//! judgement calls, are:
//!
//! * Nouns: definite and plural endings go: `-en -et -a -ar -er -ane -ene -erne -e`
//!   (sjukehus/sjukehuset/sjukehusa, kommune/kommunen/kommunar/kommunane,
//!   teneste/tenesta/tenester/tenestene). Agent nouns in `-ar` lose the plural and
//!   the agent ending alike (deltakar/deltakarar/deltakarane → "deltak"), because
//!   telling the agent `-ar` from the plural `-ar` needs a dictionary.
//! * `sak`/`saka`: "saka" is the definite form of "sak", so they are one stem.
//! * Adjectives: `-e -are -ast -aste -ere` (viktig/viktigare/viktigaste); the
//!   Bokmål superlative `-este` is left, as it would cut "teneste" to "ten".
//!   The neuter `-t` is kept: stripping it would also cut "kort", "rapport" and
//!   "konflikt", which are not inflected forms.
//! * Verbs: `-ar -a -er -ande -ende -ast -de -te -dde -dd` (snakkar/snakka/snakkande,
//!   høyrer/høyrde, leier/leidde/leidd).
//! * `-ste` is read as a noun ending (teneste/tenesta), not as the past tense of a
//!   verb in `-se` ("reiste" keeps its t).
//! * `møte`/`møtte`: past tenses in a doubled consonant keep it ("møtte" → "møtt",
//!   like the participle "møtt"), so the verb's past does not fall together with the
//!   noun "møte" (the meeting), the commonest noun in meeting reports.
//! * `-heit`, `-skap`, `-ing` and `-leg` belong to the stem; only the endings after
//!   them go (mogelegheit/mogelegheita/mogelegheitene; fag and fagleg stay apart).
//! * Words with digits or hyphens, and words of three letters or fewer, are left
//!   alone.
//!
//! Two word lists make the rules exact where suffixes alone cannot be: a lexicon of
//! Nynorsk lemmas (`data/nn_lexicon.txt`: a lemma is its own stem, and an ending is
//! stripped first where that leaves a lemma) and a table of irregular forms
//! (`data/nn_irregular.tsv`: gjekk → gå, bøker → bok, større → stor). Words neither
//! list knows fall back to the R1 rules above.

use rustc_hash::FxHashMap as HashMap;

use super::filter::TermRule;

/// Endings removed by the R1 rules, longest first.
const SUFFIXES: &[&str] = &[
    "ande", "ende", "aste", "erne", "ane", "ene", "are", "ere", "ast", "dde", "ar", "er", "en",
    "et", "de", "te", "dd", "a", "e",
];

/// Endings removed when what remains is a word of the lexicon, longest first. The
/// lexicon makes the participle and neuter `-t`/`-d` safe to remove: "stort" → "stor"
/// and "høyrt" → "høyre", while "rapport" and "kort" keep their t.
const GUIDED_SUFFIXES: &[&str] = &[
    "ande", "ende", "aste", "erne", "ane", "ene", "are", "ere", "ast", "dde", "ste", "ar", "er",
    "en", "et", "es", "de", "te", "dd", "tt", "a", "e", "t", "d",
];

// The lexicon (`LEXICON`) and the irregular forms (`IRREGULAR_FORMS`), compiled
// into perfect-hash tables by the build script.
include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));
include!(concat!(env!("OUT_DIR"), "/irregular_forms.rs"));

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'æ'
            | 'ø'
            | 'å'
            | 'é'
            | 'è'
            | 'ê'
            | 'ó'
            | 'ò'
            | 'ô'
            | 'â'
            | 'ü'
            | 'ö'
            | 'ä'
    )
}

/// Start of R1, in chars.
fn r1(chars: &[char]) -> usize {
    let mut start = chars.len();
    for i in 1..chars.len() {
        if !is_vowel(chars[i]) && is_vowel(chars[i - 1]) {
            start = i + 1;
            break;
        }
    }
    start.max(3)
}

/// The stem of a lemma: itself, less a final unstressed -e ("kommune" → "kommun")
/// or the participle ending of an adjective ("gjeldande" → "gjeld", as the verb).
fn lemma_stem(lemma: &str) -> String {
    for ending in ["ande", "e"] {
        match lemma.strip_suffix(ending) {
            Some(base) if base.chars().count() >= 3 => return base.to_string(),
            _ => {}
        }
    }
    lemma.to_string()
}

/// Whether `word` is a lemma of the Nynorsk lexicon.
pub fn is_lemma(word: &str) -> bool {
    LEXICON.contains(word)
}

/// Whether `word` is a lemma of the lexicon, or a Nynorsk inflection of one.
pub fn is_nynorsk_word(word: &str) -> bool {
    const NYNORSK_ENDINGS: &[&str] = &[
        "arane", "arar", "ane", "ar", "ene", "er", "en", "et", "a", "e", "ast", "ande", "te", "de",
    ];
    LEXICON.contains(word)
        || IRREGULAR_FORMS.contains_key(word)
        || NYNORSK_ENDINGS.iter().any(|ending| {
            word.strip_suffix(ending).is_some_and(|rest| {
                rest.chars().count() >= 3
                    && (LEXICON.contains(rest) || LEXICON.contains(format!("{rest}e").as_str()))
            })
        })
}

thread_local! {
    static STEMS: std::cell::RefCell<HashMap<String, String>> = Default::default();
}

/// The stem of a lowercase word.
pub fn stem(word: &str) -> String {
    super::memoized(&STEMS, word, || stem_uncached(word))
}

pub(crate) fn stem_uncached(word: &str) -> String {
    if let Some(lemma) = IRREGULAR_FORMS.get(word) {
        return lemma_stem(lemma.trim_end_matches("_adj"));
    }
    let chars: Vec<char> = word.chars().collect();
    if chars.len() <= 3 || chars.iter().any(|c| c.is_ascii_digit() || *c == '-') {
        return word.to_string();
    }
    if LEXICON.contains(word) {
        return lemma_stem(word);
    }
    if let Some(stem) = guided(word) {
        return stem;
    }
    r1_stem(&chars)
}

/// Strips the longest ending that leaves a word of the lexicon (or one less its -e).
fn guided(word: &str) -> Option<String> {
    for suffix in GUIDED_SUFFIXES {
        let Some(rest) = word.strip_suffix(suffix) else {
            continue;
        };
        if rest.chars().count() < 3 {
            continue;
        }
        // "møtte" is the verb's past, not the noun "møte" with a -te.
        if matches!(*suffix, "te" | "t") && rest.ends_with('t') {
            continue;
        }
        // Bokmål doubles a final m before an ending ("sykdommen"): Nynorsk does not.
        let single = rest.strip_suffix("mm").map(|r| format!("{r}m"));
        for rest in std::iter::once(rest.to_string()).chain(single) {
            if LEXICON.contains(rest.as_str()) {
                return Some(lemma_stem(&rest));
            }
            if LEXICON.contains(format!("{rest}e").as_str()) {
                return Some(rest);
            }
        }
    }
    None
}

/// The rule-only stem, for words the lexicon does not know.
fn r1_stem(chars: &[char]) -> String {
    let r1 = r1(chars);
    let mut end = chars.len();
    for suffix in SUFFIXES {
        let n = suffix.chars().count();
        if end >= n + r1 && chars[end - n..end].iter().copied().eq(suffix.chars()) {
            // "møtte": keep the doubled consonant of a past tense.
            if (*suffix == "te" || *suffix == "de") && end >= 3 && chars[end - 3] == chars[end - 2]
            {
                end -= 1;
            } else if *suffix == "te" && chars[end - 3] == 's' {
                // "-ste" is far more often a noun (teneste, liste) than a past tense.
                end -= 1;
            } else {
                end -= n;
            }
            break;
        }
    }
    // Agent and plural "-ar"/"-er" left after a definite ending (deltakarane).
    if end < chars.len() && end >= 2 + r1 {
        let tail = &chars[end - 2..end];
        if tail == ['a', 'r'] || tail == ['e', 'r'] {
            end -= 2;
        }
    }
    chars[..end].iter().collect()
}

/// The stemmer as a token filter rule.
#[derive(Clone, Copy, Default)]
pub struct NynorskStemmer;

impl TermRule for NynorskStemmer {
    fn apply(&self, term: &mut String, _extra: &mut Vec<String>) {
        let stemmed = stem(term);
        if stemmed != *term {
            *term = stemmed;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(words: &[&str]) {
        let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
        assert!(
            stems.windows(2).all(|w| w[0] == w[1]),
            "{words:?} → {stems:?}"
        );
    }

    fn differ(a: &str, b: &str) {
        assert_ne!(stem(a), stem(b), "{a} and {b} must stay apart");
    }

    #[test]
    fn noun_inflection() {
        same(&["sjukehus", "sjukehuset", "sjukehusa"]);
        same(&["kommune", "kommunen", "kommunar", "kommunane"]);
        same(&["teneste", "tenesta", "tenester", "tenestene"]);
        same(&["utfordring", "utfordringa", "utfordringar", "utfordringane"]);
        same(&["leiar", "leiaren", "leiarar", "leiarane"]);
        same(&["deltakar", "deltakaren", "deltakarar", "deltakarane"]);
        same(&[
            "mogelegheit",
            "mogelegheita",
            "mogelegheiter",
            "mogelegheitene",
        ]);
        same(&["sak", "saka", "saker", "sakene"]);
    }

    #[test]
    fn bokmal_endings_reach_the_same_stem() {
        same(&["kommunane", "kommunene"]);
        same(&["tenestene", "tenestene"]);
        same(&["pasientane", "pasientene", "pasientar", "pasienter"]);
    }

    #[test]
    fn adjectives_and_verbs() {
        same(&["viktig", "viktige", "viktigare", "viktigast", "viktigaste"]);
        same(&["stor", "store"]);
        same(&["snakke", "snakkar", "snakka", "snakkande"]);
        same(&["høyre", "høyrer", "høyrde"]);
        same(&["leidde", "leidd"]);
        same(&["kjøpe", "kjøper", "kjøpte"]);
    }

    #[test]
    fn judgement_calls() {
        differ("møte", "møtte");
        same(&["møtte", "møtt"]);
        differ("fag", "fagleg");
        differ("lege", "legge");
        differ("leiar", "leier");
        same(&["fagleg", "faglege"]);
    }

    #[test]
    fn short_words_numbers_and_names_of_things_are_kept() {
        assert_eq!(stem("hus"), "hus");
        assert_eq!(stem("27.04.24"), "27.04.24");
        assert_eq!(stem("rapport"), "rapport");
        assert_eq!(stem("kort"), "kort");
    }
}
