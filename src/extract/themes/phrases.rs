//! Phrases: how a found theme is trimmed and kept, and which short lines read as
//! subheadings rather than page furniture.

/// Subheadings that are page furniture, not topics.
pub(super) const GENERIC_HEADINGS: &[&str] = &[
    "les meir om",
    "les mer om",
    "gå til",
    "relatert",
    "dette skjer vidare",
    "dette skjer videre",
    "vidare arbeid",
    "videre arbeid",
    "neste møte",
    "kontakt",
    "kontaktinformasjon",
    "les meir",
    "les mer",
    "fakta",
    "bakgrunn",
    "vedtak",
    "oppsummering",
    "konklusjon",
    "eventuelt",
    "relaterte lenker",
    "relaterte saker",
    "del",
    "til stades",
    "forfall",
    "frå administrasjonen",
    "innhald",
    "innhold",
    "program",
    "sakliste",
];

pub(super) fn clean_theme(text: &str) -> String {
    let text = text
        .trim()
        .trim_end_matches(['.', ',', ':', ';', ' '])
        .trim();
    text.trim_matches(['«', '»', '"']).trim().to_string()
}

pub(super) fn push_theme(themes: &mut Vec<String>, theme: String) {
    let words = theme.split_whitespace().count();
    if theme.chars().count() < 3 || words > 30 {
        return;
    }
    if !themes.iter().any(|t| t.eq_ignore_ascii_case(&theme)) {
        themes.push(theme);
    }
}

/// A short line that reads as a subheading: a few words, no sentence punctuation,
/// no date or year, not a page-furniture label.
pub(super) fn is_headline(line: &str) -> bool {
    let line = line.trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    let lower = line.to_lowercase();
    // Any year will do to recognise "Dag 1 – onsdag 13. november" as a date line.
    let any_year = crate::extract::dates::DateContext {
        reference: None,
        year: Some(2000),
    };
    let dated = (line.contains(|c: char| c.is_ascii_digit())
        && !crate::extract::dates::find_dates(line, &any_year).is_empty())
        || words
            .iter()
            .any(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()));
    (2..=10).contains(&words.len())
        && !line.ends_with(['.', ':', ',', ';'])
        && line.chars().next().is_some_and(char::is_uppercase)
        && !dated
        && !GENERIC_HEADINGS
            .iter()
            .any(|g| lower == *g || lower.starts_with(&format!("{g} ")))
        && ![
            "praktisk informasjon",
            "til stades",
            "forfall",
            "frå venstre",
            "fra venstre",
            "foto",
        ]
        .iter()
        .any(|g| lower.starts_with(g))
}
