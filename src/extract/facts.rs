//! Participants and organisations of a report.
//!
//! Participants come from a stated count; organisations from the abbreviations the
//! text defines for them. Places are in [`super::places`].

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::prefilter::{captures_where, first_captures};
use crate::report::{Organisation, Passage};

static PARTICIPANTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:om\s+lag|omlag|ca\.?|cirka|rundt|kring|nesten|over|godt\s+og\s+vel|totalt|i\s+alt)?\s*(\d{1,5})\s+(?:deltakarar|deltakere|deltagarar|deltagere|frammøtte|fremmøtte|påmelde|påmeldte|tilhøyrarar|tilhørere|personar\s+deltok|personer\s+deltok|deltok)(?-u:\b)")
        .expect("valid regex")
});

/// The number of participants, when the report states it.
pub fn find_participants(passages: &[Passage]) -> Option<u32> {
    passages
        .iter()
        .find_map(|p| first_captures(&PARTICIPANTS, &p.text))
        .and_then(|c| c[1].parse().ok())
}

/// "(HMR)", "(PSHT Ålesund)": an abbreviation in brackets. The words it stands for
/// are found by walking back from the bracket ([`words_before`]): as one pattern,
/// "up to ten words, then a bracket" can start at any word of the text, and costs
/// more than all the other rules of a report together.
static BRACKETED_ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((\p{Lu}[\p{Lu}Ø-]{1,7}(?:[ \t]+[\p{Lu}\p{L}]{2,12})?)\)").expect("valid regex")
});

/// Up to `max` words right before byte `at` of `text`, on the same line: words are
/// runs without white space or brackets, separated by spaces or tabs, and at least
/// one space or tab must come before `at`.
fn words_before(text: &str, at: usize, max: usize) -> Option<&str> {
    let is_gap = |c: char| c == ' ' || c == '\t';
    let is_word = |c: char| !c.is_whitespace() && c != '(' && c != ')';
    let head = &text[..at];
    let end = head.trim_end_matches(is_gap).len();
    if end == head.len() {
        return None;
    }
    let mut start = end;
    let mut words = 0;
    loop {
        let word_start = head[..start].trim_end_matches(is_word).len();
        if word_start == start {
            break;
        }
        start = word_start;
        words += 1;
        let gap_start = head[..start].trim_end_matches(is_gap).len();
        if words == max || gap_start == start || gap_start == 0 {
            break;
        }
        if !head[..gap_start].ends_with(is_word) {
            break;
        }
        start = gap_start;
    }
    (words > 0).then(|| &head[start..end])
}

/// Matches of `pattern` that start a word, as `\b` at its start would give: the
/// regex engine's fast automata give up on `\b` in non-ASCII text, so hot patterns
/// leave it out and are checked here, searching on from the next character.
fn word_start_captures<'t>(
    pattern: &'t Regex,
    text: &'t str,
) -> impl Iterator<Item = regex::Captures<'t>> + 't {
    let mut from = 0;
    std::iter::from_fn(move || {
        while from <= text.len() {
            // Found first, captured only when it starts a word: a capturing search
            // allocates its groups.
            let found = pattern.find_at(text, from)?;
            let starts_word = !text[..found.start()]
                .chars()
                .next_back()
                .is_some_and(is_word_char);
            if starts_word {
                from = if found.end() > found.start() {
                    found.end()
                } else {
                    next_char(text, found.start())
                };
                return pattern.captures_at(text, found.start());
            }
            from = next_char(text, found.start());
        }
        None
    })
}

/// A letter, digit or underscore: what `\b` counts as part of a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The byte offset after the character at `at` (past the end when there is none).
fn next_char(text: &str, at: usize) -> usize {
    at + text[at..].chars().next().map_or(1, char::len_utf8)
}

/// Organisations with the abbreviations the text defines ("Helseplattformen (HP)")
/// or uses for them by initials ("HMR HF" for "Helse Møre og Romsdal HF").
pub fn find_organisations(passages: &[Passage]) -> Vec<Organisation> {
    let mut organisations: Vec<Organisation> = Vec::new();
    let text: String = passages
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for caps in captures_where(&BRACKETED_ABBREVIATION, &text, true) {
        let (Some(bracket), Some(inside)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let Some(before) = words_before(&text, bracket.start(), 10) else {
            continue;
        };
        let abbreviation = inside.as_str().trim().to_string();
        let name = trim_to_initials(before.trim(), &abbreviation);
        if name.split_whitespace().count() > 10 || name.is_empty() {
            continue;
        }
        add_organisation(&mut organisations, &name, Some(abbreviation));
    }
    // Abbreviations used without definition, matched to names by their initials.
    // Both patterns must start a word (see `word_start_captures`) and end one (the
    // character after them, if any, is not a letter or digit).
    static CAPS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(\p{Lu}{2,6})(?:\s+(HF|IKS|AS))?(?:[^\p{L}\p{N}_]|$)").expect("valid regex")
    });
    static ORG_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(Helse(?:\s+og\s+\p{Lu}\p{Ll}+|\s+\p{Lu}\p{Ll}+)+(?:\s+HF)?|\p{Lu}\p{L}+\s+(?:kommune|fylkeskommune|sjukehus|sykehus))(?:[^\p{L}\p{N}_]|$)").expect("valid regex")
    });
    // "Helse Møre og Romsdal Heidi Nilsen": the name ends where a person's begins.
    let names: HashSet<String> = word_start_captures(&ORG_NAME, &text)
        .filter_map(|caps| caps.get(1))
        .map(|m| {
            let words: Vec<&str> = m.as_str().split_whitespace().collect();
            let end = (1..words.len())
                .find(|&i| super::people::is_given_name(words[i]))
                .unwrap_or(words.len());
            words[..end].join(" ")
        })
        .filter(|n| n.split_whitespace().count() >= 2)
        .collect();
    let mut names: Vec<String> = names.into_iter().collect();
    names.sort();
    for name in &names {
        add_organisation(&mut organisations, name, None);
    }
    for caps in word_start_captures(&CAPS, &text) {
        let Some(letters) = caps.get(1) else {
            continue;
        };
        let end = caps.get(2).unwrap_or(letters).end();
        let abbreviation = text[letters.start()..end].to_string();
        let letters = letters.as_str();
        for name in &names {
            let initials: String = name
                .split_whitespace()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && *w != "HF")
                .filter_map(|w| w.chars().next())
                .collect();
            if initials == letters && initials.len() >= 2 {
                add_organisation(&mut organisations, name, Some(abbreviation.clone()));
                if caps.get(2).is_some() {
                    add_organisation(&mut organisations, name, Some(letters.to_string()));
                }
            }
        }
    }
    organisations
}

/// The words before "(ABBR)" that name what it abbreviates: the longest run whose
/// capitalised initials spell it ("Helse Møre og Romsdal (HMR)"), else from the last
/// word that starts with its first letter ("Pasientsentrert helsetenesteteam i
/// Ålesund (PSHT Ålesund)").
fn trim_to_initials(before: &str, abbreviation: &str) -> String {
    let letters: String = abbreviation
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let mut words: Vec<&str> = before.split_whitespace().collect();
    // Only the clause right before the brackets.
    if let Some(cut) = words
        .iter()
        .rposition(|w| w.ends_with(['.', ',', ':', ';']))
    {
        words.drain(..=cut);
    }
    let initials = |ws: &[&str]| -> String {
        ws.iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && **w != "HF")
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect()
    };
    for start in 0..words.len() {
        let starts_capital = words[start].chars().next().is_some_and(char::is_uppercase);
        if starts_capital && initials(&words[start..]) == letters {
            return words[start..].join(" ");
        }
    }
    let first = letters.chars().next();
    match words.iter().rposition(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().next().and_then(|c| c.to_lowercase().next()) == first
    }) {
        Some(start) => words[start..].join(" "),
        None => String::new(),
    }
}

fn add_organisation(
    organisations: &mut Vec<Organisation>,
    name: &str,
    abbreviation: Option<String>,
) {
    let index = match organisations.iter().position(|o| o.name == name) {
        Some(i) => i,
        None => {
            organisations.push(Organisation {
                name: name.to_string(),
                abbreviations: Vec::new(),
            });
            organisations.len() - 1
        }
    };
    if let Some(abbreviation) = abbreviation
        && !organisations[index].abbreviations.contains(&abbreviation)
    {
        organisations[index].abbreviations.push(abbreviation);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::PassageKind;

    use crate::extract::passages_of as passages;

    #[test]
    fn words_before_a_bracket_stay_on_their_line_and_stop_at_ten() {
        let text = "Først.\nDet nye Pasientsentrert helsetenesteteam i Ålesund (PSHT)";
        let at = text.find('(').unwrap();
        assert_eq!(
            words_before(text, at, 10),
            Some("Det nye Pasientsentrert helsetenesteteam i Ålesund")
        );
        assert_eq!(words_before(text, at, 2), Some("i Ålesund"));
        let text = "(HP) og Helseplattformen (HP)";
        assert_eq!(
            words_before(text, text.rfind('(').unwrap(), 10),
            Some("og Helseplattformen")
        );
        // The bracket must follow a space.
        assert_eq!(words_before("Helseplattformen(HP)", 16, 10), None);
        assert_eq!(words_before(" (HP)", 1, 10), None);
    }

    #[test]
    fn organisation_names_start_and_end_words() {
        let p = passages(&[(
            PassageKind::Paragraph,
            "Ålesund kommune og Øygarden kommune møtte Helse Sør Øst. Xhelse Møre og Volda kommunen kom ikkje. HSØ var med.",
        )]);
        let names: Vec<String> = find_organisations(&p).into_iter().map(|o| o.name).collect();
        assert!(names.contains(&"Ålesund kommune".to_string()), "{names:?}");
        assert!(names.contains(&"Øygarden kommune".to_string()), "{names:?}");
        assert!(names.contains(&"Helse Sør Øst".to_string()), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Volda")), "{names:?}");
        let hso = find_organisations(&p)
            .into_iter()
            .find(|o| o.name == "Helse Sør Øst")
            .unwrap();
        assert_eq!(hso.abbreviations, ["HSØ"]);
    }

    #[test]
    fn places_participants_and_organisations() {
        let p = passages(&[(
            PassageKind::Paragraph,
            "Den 14. november 2023 vart det halde møte på Quality Hotell Ålesund. Det var om lag 80 deltakarar. Helse Møre og Romsdal HF og Helseplattformen (HP) var tema, og HMR HF vil ta ei avgjerd.",
        )]);
        assert_eq!(
            crate::extract::places::find_places("", &p),
            ["Quality Hotell Ålesund", "Ålesund"]
        );
        assert_eq!(find_participants(&p), Some(80));
        let orgs = find_organisations(&p);
        let hp = orgs.iter().find(|o| o.name == "Helseplattformen").unwrap();
        assert_eq!(hp.abbreviations, ["HP"]);
        let hmr = orgs
            .iter()
            .find(|o| o.name == "Helse Møre og Romsdal HF")
            .unwrap();
        assert_eq!(hmr.abbreviations, ["HMR HF", "HMR"]);
    }
}
