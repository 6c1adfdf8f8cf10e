//! Analysis: how report text becomes index terms, at index and at query time.
//!
//! The same analyzers run on reports and on queries, so a Bokmål query, an inflected
//! form and a name typed without diacritics all meet the text's own terms:
//!
//! * [`ANALYZER`] (titles, bodies, passages): [`tokenizer`] → lowercase →
//!   Bokmål→Nynorsk [`fold`] → Nynorsk [`stem`].
//! * [`PARTS_ANALYZER`]: as above, but only compounds, each replaced by the stems
//!   of its parts ([`compound`]), for a field ranked below whole words.
//! * [`NAME_ANALYZER`] (names): lowercase → ASCII [`names`] key.
//!
//! The index records [`ANALYZER_VERSION`]; an index built with other rules is
//! rebuilt rather than searched with mismatched terms.

pub mod compound;
pub mod filter;
pub mod fold;
pub mod names;
pub mod stem;
pub mod stopwords;
pub mod tokenizer;

use tantivy::tokenizer::{LowerCaser, TextAnalyzer, TokenStream};

use filter::RuleFilter;
pub use tokenizer::NorwegianTokenizer;

/// Analyzer of report text.
pub const ANALYZER: &str = "norwegian";
/// Analyzer of compound parts.
pub const PARTS_ANALYZER: &str = "norwegian_parts";
/// Analyzer of person names.
pub const NAME_ANALYZER: &str = "name";

/// Bumped whenever the terms produced for some text change.
pub const ANALYZER_VERSION: u32 = 4;

/// Which analyzer to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Analyzer {
    #[default]
    Text,
    Parts,
    Name,
}

impl Analyzer {
    pub fn build(self) -> TextAnalyzer {
        let base = TextAnalyzer::builder(NorwegianTokenizer).filter(LowerCaser);
        match self {
            Analyzer::Text => base
                .filter(RuleFilter(fold::BokmalFolder))
                .filter(RuleFilter(stem::NynorskStemmer))
                .build(),
            Analyzer::Parts => base
                .filter(RuleFilter(fold::BokmalFolder))
                .filter(RuleFilter(compound::CompoundParts))
                .build(),
            Analyzer::Name => base.filter(RuleFilter(names::NameKey)).build(),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Analyzer::Text => ANALYZER,
            Analyzer::Parts => PARTS_ANALYZER,
            Analyzer::Name => NAME_ANALYZER,
        }
    }
}

/// Runs `compute` once per distinct word on each thread: report text repeats its
/// words (Zipf), so the rules run on a small fraction of the tokens. The cache is
/// emptied when it grows past a bound, so memory stays flat on any corpus.
pub(crate) fn memoized<V: Clone>(
    cache: &'static std::thread::LocalKey<std::cell::RefCell<rustc_hash::FxHashMap<String, V>>>,
    word: &str,
    compute: impl FnOnce() -> V,
) -> V {
    const MAX_ENTRIES: usize = 200_000;
    if let Some(hit) = cache.with(|c| c.borrow().get(word).cloned()) {
        return hit;
    }
    let value = compute();
    cache.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= MAX_ENTRIES {
            c.clear();
        }
        c.insert(word.to_string(), value.clone());
    });
    value
}

/// Registers the analyzers on an index (needed on every open, they are not stored).
pub fn register(index: &tantivy::Index) {
    for analyzer in [Analyzer::Text, Analyzer::Parts, Analyzer::Name] {
        index
            .tokenizers()
            .register(analyzer.name(), analyzer.build());
    }
}

/// The analyzers queries are read with. A compound in a query is not split: its
/// whole word is looked up in the parts field too, where it matches longer
/// compounds that contain it ("plattform" finds "helseplattforma"). Splitting it
/// would make a phrase of its parts, which costs a positions scan over every
/// passage with a common part ("helse") and adds nothing the word itself misses.
pub fn query_tokenizers() -> tantivy::tokenizer::TokenizerManager {
    let manager = tantivy::tokenizer::TokenizerManager::default();
    manager.register(ANALYZER, Analyzer::Text.build());
    manager.register(PARTS_ANALYZER, Analyzer::Text.build());
    manager.register(NAME_ANALYZER, Analyzer::Name.build());
    manager
}

/// The index terms `analyzer` makes of `text`, in order.
pub fn terms(analyzer: Analyzer, text: &str) -> Vec<String> {
    let mut analyzer = analyzer.build();
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while stream.advance() {
        terms.push(stream.token().text.clone());
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Vec<String> {
        terms(Analyzer::Text, s)
    }

    #[test]
    fn bokmal_and_nynorsk_forms_meet() {
        for (bokmal, nynorsk) in [
            ("sykehus", "sjukehusa"),
            ("kommunene", "kommunane"),
            ("tjenester", "tenestene"),
            ("hjemmesykehus", "heimesjukehus"),
            ("lederne", "leiarane"),
            ("helseforetaket", "helseføretaket"),
        ] {
            assert_eq!(text(bokmal), text(nynorsk), "{bokmal} / {nynorsk}");
        }
    }

    #[test]
    fn compound_parts_are_findable() {
        // Queries read the parts field with the text analyzer.
        let parts = terms(Analyzer::Parts, "Sikkerheitspsykiatrien");
        assert!(parts.contains(&text("psykiatri")[0]), "{parts:?}");
        let parts = terms(Analyzer::Parts, "Helsepersonellkommisjonen");
        assert!(parts.contains(&text("helsepersonell")[0]), "{parts:?}");
        for part in ["helse", "personell", "kommisjon"] {
            assert!(parts.contains(&text(part)[0]), "{part} in {parts:?}");
        }
        // Heads and first parts alike, in Bokmål too.
        let parts = terms(Analyzer::Parts, "heimesjukehuset");
        assert!(parts.contains(&text("sykehus")[0]), "{parts:?}");
        assert!(parts.contains(&text("heim")[0]), "{parts:?}");
    }

    #[test]
    fn words_that_are_not_compounds_have_no_parts() {
        // The text field holds them; the parts field would only double their postings.
        assert_eq!(
            terms(Analyzer::Parts, "møtet leiar sa"),
            Vec::<String>::new()
        );
        assert_eq!(
            terms(Analyzer::Parts, "møtet om sikkerheitspsykiatri").len(),
            2
        );
    }

    #[test]
    fn elided_compounds_keep_both_halves_findable() {
        let terms = text("Helse- og omsorgsdepartementet");
        assert!(terms.contains(&text("helse")[0]));
        assert!(terms.contains(&text("omsorgsdepartementet")[0]));
    }

    #[test]
    fn names_without_diacritics() {
        assert_eq!(
            terms(Analyzer::Name, "Helge Storøy"),
            terms(Analyzer::Name, "helge storoy")
        );
    }
}
