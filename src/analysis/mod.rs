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

use std::cell::RefCell;
use std::rc::Rc;

use tantivy::tokenizer::{LowerCaser, TextAnalyzer, Token, TokenStream, Tokenizer};

use filter::RuleFilter;
pub use tokenizer::{NorwegianTokenizer, VecTokenStream};

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
///
/// The text and parts analyzers remember what they made of recent texts: a passage
/// that names someone is indexed twice, in its report's body and as a passage of
/// its own, and the second time its terms are copied rather than made again.
pub fn register(index: &tantivy::Index) {
    thread_local! {
        static TEXT_MEMORY: RefCell<Memory> = RefCell::default();
        static PARTS_MEMORY: RefCell<Memory> = RefCell::default();
    }
    let text = Remembered::new(Analyzer::Text.build(), &TEXT_MEMORY);
    let parts = Remembered::new(Analyzer::Parts.build(), &PARTS_MEMORY);
    let tokenizers = index.tokenizers();
    tokenizers.register(ANALYZER, TextAnalyzer::from(text));
    tokenizers.register(PARTS_ANALYZER, TextAnalyzer::from(parts));
    tokenizers.register(NAME_ANALYZER, Analyzer::Name.build());
}

/// The terms of the texts an analyzer saw last on one thread.
#[derive(Default)]
struct Memory {
    terms: rustc_hash::FxHashMap<Box<str>, Rc<Vec<Token>>>,
}

impl Memory {
    /// Texts kept: a report's passages and then some. The memory is emptied when
    /// full, so it stays small on any corpus.
    const CAPACITY: usize = 256;
}

/// An analyzer with a [`Memory`]. Useful only where the same text comes back soon
/// on the same thread: `Batch::put` hands a report and its passages to tantivy as
/// one group, which one indexing thread indexes in order.
#[derive(Clone)]
struct Remembered {
    inner: TextAnalyzer,
    memory: &'static std::thread::LocalKey<RefCell<Memory>>,
}

impl Remembered {
    fn new(
        inner: TextAnalyzer,
        memory: &'static std::thread::LocalKey<RefCell<Memory>>,
    ) -> Remembered {
        Remembered { inner, memory }
    }
}

impl Tokenizer for Remembered {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        if let Some(tokens) = self.memory.with(|m| m.borrow().terms.get(text).cloned()) {
            return VecTokenStream::shared(tokens);
        }
        let mut tokens = Vec::new();
        let mut stream = self.inner.token_stream(text);
        while stream.advance() {
            // The stream overwrites its token on the next advance: take, don't copy.
            tokens.push(std::mem::take(stream.token_mut()));
        }
        drop(stream);
        let tokens = Rc::new(tokens);
        self.memory.with(|m| {
            let mut m = m.borrow_mut();
            if m.terms.len() >= Memory::CAPACITY {
                m.terms.clear();
            }
            m.terms.insert(text.into(), Rc::clone(&tokens));
        });
        VecTokenStream::shared(tokens)
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
    fn remembered_terms_are_the_terms_made_afresh() {
        thread_local! {
            static MEMORY: RefCell<Memory> = RefCell::default();
        }
        let mut remembered = TextAnalyzer::from(Remembered::new(Analyzer::Text.build(), &MEMORY));
        let mut plain = Analyzer::Text.build();
        let collect = |analyzer: &mut TextAnalyzer, text: &str| {
            let mut stream = analyzer.token_stream(text);
            let mut tokens = Vec::new();
            while stream.advance() {
                let t = stream.token();
                tokens.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
            }
            tokens
        };
        let text = "Helse- og omsorgsdepartementet møtte kommunane i Ålesund.";
        let fresh = collect(&mut plain, text);
        assert_eq!(collect(&mut remembered, text), fresh);
        assert_eq!(MEMORY.with(|m| m.borrow().terms.len()), 1);
        // The second time, from memory.
        assert_eq!(collect(&mut remembered, text), fresh);
        assert_eq!(MEMORY.with(|m| m.borrow().terms.len()), 1);
        assert_eq!(
            collect(&mut remembered, "Ein annan tekst."),
            collect(&mut plain, "Ein annan tekst.")
        );
    }

    #[test]
    fn memory_stays_bounded() {
        thread_local! {
            static MEMORY: RefCell<Memory> = RefCell::default();
        }
        let mut remembered = TextAnalyzer::from(Remembered::new(Analyzer::Text.build(), &MEMORY));
        for i in 0..3 * Memory::CAPACITY {
            let text = format!("møte nummer {i}");
            let mut stream = remembered.token_stream(&text);
            while stream.advance() {}
        }
        assert!(MEMORY.with(|m| m.borrow().terms.len()) <= Memory::CAPACITY);
    }

    #[test]
    fn names_without_diacritics() {
        assert_eq!(
            terms(Analyzer::Name, "Helge Storøy"),
            terms(Analyzer::Name, "helge storoy")
        );
    }
}
