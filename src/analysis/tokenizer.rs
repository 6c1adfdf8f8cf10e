//! Splits Norwegian report text into word tokens.
//!
//! Words are runs of letters and digits (æ, ø, å and every other Unicode letter
//! included). A hyphen between letters joins a word ("e-helse", "Helse-Midt"): the
//! whole word is a token and so is each part, at the same position, so both
//! "e-helse" and "helse" find it while phrases keep their shape. A slash between
//! letters splits ("covid/influensa"), between digits it joins ("12/24"), as do
//! dots and colons inside numbers ("27.04.24", "4:23").

use std::rc::Rc;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Tokenizer for Norwegian report text. See the module docs for the rules.
#[derive(Clone, Default)]
pub struct NorwegianTokenizer;

/// A token stream over precomputed tokens, which may be shared with a memory of
/// recent texts (see `analysis::register`).
pub struct VecTokenStream {
    tokens: Rc<Vec<Token>>,
    /// One past the current token: 0 before the first `advance`.
    next: usize,
    before_first: Token,
}

impl VecTokenStream {
    pub fn new(tokens: Vec<Token>) -> Self {
        VecTokenStream::shared(Rc::new(tokens))
    }

    pub fn shared(tokens: Rc<Vec<Token>>) -> Self {
        VecTokenStream {
            tokens,
            next: 0,
            before_first: Token::default(),
        }
    }
}

impl TokenStream for VecTokenStream {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        match self.next.checked_sub(1) {
            Some(at) => &self.tokens[at],
            None => &self.before_first,
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        match self.next.checked_sub(1) {
            // Copies shared tokens only if a filter rewrites one.
            Some(at) => &mut Rc::make_mut(&mut self.tokens)[at],
            None => &mut self.before_first,
        }
    }
}

impl Tokenizer for NorwegianTokenizer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        VecTokenStream::new(tokenize(text))
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Joiners keep a token going when a word character follows them.
fn joins(prev: char, joiner: char, next: char) -> bool {
    match joiner {
        '-' | '\u{2011}' => is_word_char(prev) && is_word_char(next),
        '.' | ':' | '/' | ',' => prev.is_ascii_digit() && next.is_ascii_digit(),
        '\'' | '’' => prev.is_alphabetic() && next.is_alphabetic(),
        _ => false,
    }
}

/// The tokens of `text`, with byte offsets and positions. One pass over the
/// characters, looking one ahead: every passage of every report comes through here.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut position = 0usize;
    let mut chars = text.char_indices().peekable();
    while let Some((start, first)) = chars.next() {
        if !is_word_char(first) {
            continue;
        }
        let mut hyphen_parts: Vec<(usize, usize)> = Vec::new();
        let mut part_start = start;
        let mut previous = first;
        let mut end = start + first.len_utf8();
        while let Some(&(at, c)) = chars.peek() {
            if !is_word_char(c) {
                let after = text[at + c.len_utf8()..].chars().next();
                if !after.is_some_and(|after| joins(previous, c, after)) {
                    break;
                }
                if matches!(c, '-' | '\u{2011}') {
                    hyphen_parts.push((part_start, at));
                    part_start = at + c.len_utf8();
                }
            }
            chars.next();
            previous = c;
            end = at + c.len_utf8();
        }
        tokens.push(word_token(text, start, end, position));
        if !hyphen_parts.is_empty() {
            hyphen_parts.push((part_start, end));
            for (from, to) in hyphen_parts {
                tokens.push(word_token(text, from, to, position));
            }
        }
        position += 1;
    }
    complete_elided_compounds(text, &mut tokens);
    tokens
}

/// The token of the word at bytes `from..to` of `text`.
fn word_token(text: &str, from: usize, to: usize, position: usize) -> Token {
    Token {
        offset_from: from,
        offset_to: to,
        position,
        text: text[from..to].to_string(),
        position_length: 1,
    }
}

/// "Helse- og omsorgsdepartementet" means "helsedepartementet og
/// omsorgsdepartementet": the first word gets the shared head as an extra term at
/// its own position, so both departments are findable.
fn complete_elided_compounds(text: &str, tokens: &mut Vec<Token>) {
    let mut extra = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let Some(conjunction) = tokens[i + 1..]
            .iter()
            .find(|t| t.position == token.position + 1)
        else {
            continue;
        };
        if token.offset_to > conjunction.offset_from
            || text[token.offset_to..conjunction.offset_from].trim() != "-"
            || !matches!(
                conjunction.text.to_lowercase().as_str(),
                "og" | "eller" | "and" | "samt"
            )
        {
            continue;
        }
        let Some(compound) = tokens[i + 1..]
            .iter()
            .find(|t| t.position == conjunction.position + 1)
        else {
            continue;
        };
        let Some(parts) = super::compound::split(&compound.text.to_lowercase()) else {
            continue;
        };
        if let Some(head) = parts.last() {
            extra.push(Token {
                text: format!("{}{}", token.text, head),
                ..token.clone()
            });
        }
    }
    for token in extra {
        let at = tokens
            .iter()
            .position(|t| t.position > token.position)
            .unwrap_or(tokens.len());
        tokens.insert(at, token);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tokenize` as first written, over a vector of all characters.
    fn tokenize_by_index(text: &str) -> Vec<Token> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut tokens = Vec::new();
        let mut position = 0usize;
        let mut i = 0;
        while i < chars.len() {
            if !is_word_char(chars[i].1) {
                i += 1;
                continue;
            }
            let start = i;
            let mut hyphen_parts: Vec<(usize, usize)> = Vec::new();
            let mut part_start = i;
            i += 1;
            loop {
                if i < chars.len() && is_word_char(chars[i].1) {
                    i += 1;
                    continue;
                }
                if i + 1 < chars.len() && joins(chars[i - 1].1, chars[i].1, chars[i + 1].1) {
                    if matches!(chars[i].1, '-' | '\u{2011}') {
                        hyphen_parts.push((part_start, i));
                        part_start = i + 1;
                    }
                    i += 1;
                    continue;
                }
                break;
            }
            let byte = |k: usize| chars.get(k).map(|c| c.0).unwrap_or(text.len());
            tokens.push(word_token(text, byte(start), byte(i), position));
            if !hyphen_parts.is_empty() {
                hyphen_parts.push((part_start, i));
                for (from, to) in hyphen_parts {
                    tokens.push(word_token(text, byte(from), byte(to), position));
                }
            }
            position += 1;
        }
        complete_elided_compounds(text, &mut tokens);
        tokens
    }

    #[test]
    fn one_pass_tokens_match_indexed_tokens() {
        let pieces = [
            "e-helse",
            "Helse-",
            " og ",
            "omsorgsdepartementet",
            "12/24",
            "27.04.24",
            "4:23",
            "covid/influensa",
            "o'l",
            "’",
            "-",
            ".",
            ",",
            "3,5",
            "Møre",
            "\u{2011}",
            "æ",
            " ",
            "\n",
            "Å",
            "2",
            "a-",
            "-b",
            ":",
            "'",
        ];
        let mut texts = vec![String::new()];
        for _ in 0..3 {
            texts = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            for text in &texts {
                assert_eq!(tokenize(text), tokenize_by_index(text), "{text:?}");
            }
        }
    }

    fn texts(text: &str) -> Vec<(usize, String)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.position, t.text))
            .collect()
    }

    fn words(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn keeps_norwegian_letters() {
        assert_eq!(
            words("Møre og Romsdal, Ålesund, Sámi"),
            ["Møre", "og", "Romsdal", "Ålesund", "Sámi"]
        );
    }

    #[test]
    fn hyphenated_words_are_whole_and_parts_at_one_position() {
        assert_eq!(
            texts("assisterande e-helse og"),
            [
                (0, "assisterande".into()),
                (1, "e-helse".into()),
                (1, "e".into()),
                (1, "helse".into()),
                (2, "og".into())
            ]
        );
    }

    #[test]
    fn slashes_split_words_but_join_numbers() {
        assert_eq!(
            words("covid/influensa sak 12/24"),
            ["covid", "influensa", "sak", "12/24"]
        );
    }

    #[test]
    fn numbers_and_dates_stay_whole() {
        assert_eq!(
            words("NOU 4:23 den 27.04.24, 80 deltakarar."),
            ["NOU", "4:23", "den", "27.04.24", "80", "deltakarar"]
        );
    }

    #[test]
    fn elided_compounds_get_their_head() {
        assert_eq!(
            texts("Helse- og omsorgsdepartementet"),
            [
                (0, "Helse".into()),
                (0, "Helsedepartementet".into()),
                (1, "og".into()),
                (2, "omsorgsdepartementet".into())
            ]
        );
    }

    #[test]
    fn trailing_hyphen_and_punctuation_are_dropped() {
        assert_eq!(words("Helse, og omsorg."), ["Helse", "og", "omsorg"]);
        assert_eq!(
            words("«Ein innbyggar- ein journal»"),
            ["Ein", "innbyggar", "ein", "journal"]
        );
    }

    #[test]
    fn offsets_point_at_the_text() {
        let text = "Storøy minna";
        for token in tokenize(text) {
            assert_eq!(&text[token.offset_from..token.offset_to], token.text);
        }
    }
}
