//! A tantivy [`TokenFilter`] built from a per-term rule.
//!
//! Every rule of the analyzer (stemming, Bokmål folding, compound parts, name keys)
//! rewrites one term and may add more terms at the same position. Writing the
//! token-stream plumbing once keeps each rule a small, testable function.

use std::collections::VecDeque;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// One rule applied to every term.
pub trait TermRule: Clone + Send + Sync + 'static {
    /// Rewrites `term` in place and pushes any further terms for the same position
    /// onto `extra`.
    fn apply(&self, term: &mut String, extra: &mut Vec<String>);
}

/// Turns a [`TermRule`] into a tantivy token filter.
#[derive(Clone)]
pub struct RuleFilter<R>(pub R);

impl<R: TermRule> TokenFilter for RuleFilter<R> {
    type Tokenizer<T: Tokenizer> = RuleTokenizer<T, R>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> RuleTokenizer<T, R> {
        RuleTokenizer {
            inner: tokenizer,
            rule: self.0,
        }
    }
}

#[derive(Clone)]
pub struct RuleTokenizer<T, R> {
    inner: T,
    rule: R,
}

impl<T: Tokenizer, R: TermRule> Tokenizer for RuleTokenizer<T, R> {
    type TokenStream<'a> = RuleStream<T::TokenStream<'a>, R>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        RuleStream {
            inner: self.inner.token_stream(text),
            rule: self.rule.clone(),
            pending: VecDeque::new(),
            current: Token::default(),
            extra: Vec::new(),
        }
    }
}

pub struct RuleStream<S, R> {
    inner: S,
    rule: R,
    pending: VecDeque<Token>,
    current: Token,
    extra: Vec<String>,
}

impl<S: TokenStream, R: TermRule> TokenStream for RuleStream<S, R> {
    fn advance(&mut self) -> bool {
        if let Some(token) = self.pending.pop_front() {
            self.current = token;
            return true;
        }
        loop {
            if !self.inner.advance() {
                return false;
            }
            // The inner stream writes a new token on its next advance: take this one
            // rather than copy its text.
            let mut token = std::mem::take(self.inner.token_mut());
            self.extra.clear();
            self.rule.apply(&mut token.text, &mut self.extra);
            for text in self.extra.drain(..) {
                if text != token.text && !text.is_empty() {
                    self.pending.push_back(Token {
                        text,
                        ..token.clone()
                    });
                }
            }
            if token.text.is_empty() {
                match self.pending.pop_front() {
                    Some(next) => token = next,
                    None => continue,
                }
            }
            self.current = token;
            return true;
        }
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}
