//! Analysis: how report text becomes index terms, at index and at query time.
//!
//! One analyzer is registered for every text field under [`ANALYZER`]; the index
//! records [`ANALYZER_VERSION`] so that an index built with other rules is rebuilt
//! rather than searched with mismatched terms.

pub mod tokenizer;

use tantivy::tokenizer::{LowerCaser, TextAnalyzer, TokenStream};

pub use tokenizer::NorwegianTokenizer;

/// Name the analyzer is registered under in the index's tokenizer manager.
pub const ANALYZER: &str = "norwegian";

/// Bumped whenever the terms produced for some text change.
pub const ANALYZER_VERSION: u32 = 1;

/// The analyzer for report text (titles, bodies, passages).
pub fn text_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(NorwegianTokenizer)
        .filter(LowerCaser)
        .build()
}

/// Registers the analyzers on an index (needed on every open, they are not stored).
pub fn register(index: &tantivy::Index) {
    index.tokenizers().register(ANALYZER, text_analyzer());
}

/// The index terms for `text`, in order (what `referat analyze` prints).
pub fn terms(text: &str) -> Vec<String> {
    let mut analyzer = text_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while stream.advance() {
        terms.push(stream.token().text.clone());
    }
    terms
}
