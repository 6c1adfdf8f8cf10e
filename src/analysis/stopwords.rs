//! Function words of Nynorsk and Bokmål.
//!
//! They stay in the index (phrases like "Helse- og omsorgsdepartementet" must still
//! match); only a plain query drops them, so that "møte i Molde" ranks by "møte" and
//! "Molde" instead of requiring "i".

/// Lowercase function words of both written standards.
const STOPWORDS: &[&str] = &[
    "og", "i", "på", "til", "av", "for", "med", "som", "er", "var", "det", "den", "dei", "de",
    "ein", "en", "eit", "et", "ei", "å", "at", "om", "frå", "fra", "har", "hadde", "vart", "ble",
    "blei", "vore", "vært", "vere", "være", "seg", "sin", "si", "sitt", "sine", "han", "ho", "hun",
    "vi", "me", "eg", "jeg", "du", "dykk", "dere", "ikkje", "ikke", "men", "så", "då", "da", "når",
    "kva", "hva", "kven", "hvem", "kvar", "hvor", "korleis", "hvordan", "kvifor", "hvorfor",
    "dette", "desse", "disse", "der", "her", "no", "nå", "også", "òg", "berre", "bare", "meir",
    "mer", "under", "over", "etter", "før", "ved", "mot", "mellom", "hjå", "hos", "utan", "uten",
    "kan", "skal", "vil", "må", "bli", "blir", "vert", "verte", "noko", "noe", "nokon", "noen",
    "alle", "all", "alt", "sjølv", "selv", "eller", "både", "enn", "om", "opp", "ut", "inn",
];

pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}
