//! Bokmål → Nynorsk folding, so that a Bokmål query finds Nynorsk text.
//!
//! Three layers, tried in order on a lowercase word:
//!
//! 1. The curated table (`data/nb_nn_variants.tsv`, lemma level): sykehus →
//!    sjukehus, leder → leiar, ikke → ikkje. Inflected forms are looked up by their
//!    base ("sykehusene" → "sykehus" → "sjukehus"); the stemmer then strips endings
//!    on both sides alike.
//! 2. Systematic correspondences that hold across the vocabulary: `-het` → `-heit`
//!    (sikkerhet), `-lig` → `-leg` (vanlig), `-else` → `-ing` (forståelse), and at the
//!    start of a word `hv-` → `kv-` (hvit), `syk-` → `sjuk-`, `tjen-` → `ten-`.
//! 3. Compounds: a word whose head or first part folds is folded part by part
//!    (hjemmesykehus → heimesjukehus, helseforetaket → helseføretaket).
//!
//! Words of the Nynorsk lexicon are never folded, so correct Nynorsk text is left
//! as it is.

use rustc_hash::FxHashMap as HashMap;

use super::filter::TermRule;

// Bokmål → Nynorsk spellings (`BOKMAL_TO_NYNORSK`, from `data/nb_nn_variants.tsv`),
// compiled by the build script.
include!(concat!(env!("OUT_DIR"), "/bokmal_to_nynorsk.rs"));

/// Endings tried when looking an inflected word up by its base, longest first.
const INFLECTIONS: &[&str] = &[
    "ene", "erne", "ane", "ere", "est", "ne", "en", "et", "er", "te", "de", "es", "a", "e", "t",
    "s", "n", "r",
];

/// The Nynorsk form of a table word or of an inflected form of one.
fn from_table(word: &str) -> Option<String> {
    if let Some(nn) = BOKMAL_TO_NYNORSK.get(word) {
        return Some((*nn).to_string());
    }
    for ending in INFLECTIONS {
        let Some(base) = word.strip_suffix(ending) else {
            continue;
        };
        if base.chars().count() < 3 {
            continue;
        }
        // Bokmål doubles a final m before an ending ("hjemmet", "sykdommen").
        let single = base.strip_suffix("mm").map(|b| format!("{b}m"));
        for base in std::iter::once(base.to_string()).chain(single) {
            if let Some(nn) = BOKMAL_TO_NYNORSK.get(base.as_str()) {
                return Some((*nn).to_string());
            }
        }
    }
    None
}

/// Spelling rules that hold for whole families of words.
fn systematic(word: &str) -> Option<String> {
    let mut out = word.to_string();
    for (bokmal, nynorsk) in [("syk", "sjuk"), ("tjen", "ten"), ("hv", "kv")] {
        if let Some(rest) = out.strip_prefix(bokmal) {
            out = format!("{nynorsk}{rest}");
            break;
        }
    }
    for (bokmal, nynorsk) in [
        ("hetene", "heitene"),
        ("heten", "heita"),
        ("heter", "heiter"),
        ("het", "heit"),
        ("elsene", "ingane"),
        ("elsen", "inga"),
        ("elser", "ingar"),
        ("else", "ing"),
        ("ligste", "legaste"),
        ("ligst", "legast"),
        ("ligere", "legare"),
        ("lige", "lege"),
        ("ligt", "leg"),
        ("lig", "leg"),
    ] {
        if let Some(base) = out.strip_suffix(bokmal)
            && base.chars().count() >= 3
        {
            // The part before the ending may be a table word ("mulighet" → "mogeleg…").
            let base = from_table(base).unwrap_or_else(|| base.to_string());
            out = format!("{base}{nynorsk}");
            break;
        }
    }
    (out != word).then_some(out)
}

/// Agent nouns and present tenses: Bokmål "-er" where Nynorsk has "-ar"
/// (ordfører → ordførar, behandler → behandlar), when the lexicon knows the
/// Nynorsk word.
fn agent_ending(word: &str) -> Option<String> {
    for (bokmal, nynorsk) in [
        ("erne", "arane"),
        ("eren", "aren"),
        ("ere", "arar"),
        ("er", "ar"),
    ] {
        if let Some(base) = word.strip_suffix(bokmal)
            && base.chars().count() >= 3
            && super::stem::is_lemma(&format!("{base}ar"))
        {
            return Some(format!("{base}{nynorsk}"));
        }
    }
    None
}

/// Folds one word without looking for compound parts.
fn fold_simple(word: &str) -> Option<String> {
    from_table(word)
        .or_else(|| agent_ending(word))
        .or_else(|| systematic(word))
}

thread_local! {
    static FOLDED: std::cell::RefCell<HashMap<String, Option<String>>> = Default::default();
}

/// The Nynorsk spelling of a Bokmål word, or `None` when it has none to offer.
pub fn fold(word: &str) -> Option<String> {
    super::memoized(&FOLDED, word, || fold_uncached(word))
}

fn fold_uncached(word: &str) -> Option<String> {
    // Nynorsk words are never folded, even where a Bokmål word hides inside them
    // ("tenestene" ends like Bokmål "stene").
    // Hyphenated words are folded part by part (each part is its own term).
    if word.chars().any(|c| c.is_ascii_digit() || c == '-') || super::compound::is_nynorsk(word) {
        return None;
    }
    if let Some(folded) = fold_simple(word) {
        return Some(folded);
    }
    fold_compound(word)
}

/// Folds a compound part by part: a foldable head after a known or foldable first
/// part ("hjemme|sykehus"), else a foldable first part before a Nynorsk head. The
/// longest head wins.
fn fold_compound(word: &str) -> Option<String> {
    let bounds: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
    if bounds.len() < 7 {
        return None;
    }
    let first_part = |first: &str| -> Option<String> {
        let bare = first.strip_suffix(['s', 'e']).unwrap_or(first);
        if let Some(folded) = BOKMAL_TO_NYNORSK.get(first) {
            return Some((*folded).to_string());
        }
        if let Some(folded) = BOKMAL_TO_NYNORSK.get(bare) {
            return Some(format!("{folded}{}", &first[bare.len()..]));
        }
        None
    };
    for &at in &bounds[3..bounds.len() - 3] {
        let (first, head) = word.split_at(at);
        if head.chars().count() < 4 {
            continue;
        }
        let Some(head) = fold_simple(head) else {
            continue;
        };
        let bare = first.strip_suffix(['s', 'e']).unwrap_or(first);
        if let Some(first) = first_part(first) {
            return Some(format!("{first}{head}"));
        }
        if super::compound::is_known(first) || super::compound::is_known(bare) {
            return Some(format!("{first}{head}"));
        }
    }
    for &at in bounds[3..bounds.len() - 3].iter().rev() {
        let (first, head) = word.split_at(at);
        if let Some(first) = first_part(first)
            && super::compound::is_nynorsk(head)
        {
            return Some(format!("{first}{head}"));
        }
    }
    None
}

/// Folding as a token filter rule.
#[derive(Clone, Copy, Default)]
pub struct BokmalFolder;

impl TermRule for BokmalFolder {
    fn apply(&self, term: &mut String, _extra: &mut Vec<String>) {
        if let Some(folded) = fold(term) {
            *term = folded;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folds(bokmal: &str, nynorsk: &str) {
        assert_eq!(fold(bokmal).as_deref(), Some(nynorsk), "{bokmal}");
    }

    #[test]
    fn table_words_and_their_inflections() {
        folds("sykehus", "sjukehus");
        folds("ikke", "ikkje");
        folds("hvem", "kven");
        folds("leder", "leiar");
        folds("foretak", "føretak");
        folds("sykehusene", "sjukehus");
    }

    #[test]
    fn systematic_rules() {
        folds("sikkerhet", "sikkerheit");
        folds("vanlig", "vanleg");
        folds("hvit", "kvit");
        folds("tjenestene", "teneste");
        folds("forståelse", "forståing");
    }

    #[test]
    fn compounds_fold_part_by_part() {
        folds("hjemmesykehus", "heimesjukehus");
        folds("helseforetaket", "helseføretak");
    }

    #[test]
    fn nynorsk_is_left_alone() {
        for word in [
            "sjukehus",
            "kommunane",
            "ikkje",
            "tenestene",
            "helseføretaket",
            "psykiatri",
            "utfordringar",
            "leiar",
            "møte",
        ] {
            assert_eq!(fold(word), None, "{word}");
        }
    }
}
