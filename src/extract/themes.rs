//! Themes: what a report says its meeting dealt with.
//!
//! The report's own words for its topics: the items after "hovudtema"/"tema" (in
//! «guillemets» or as the list that follows), a sentence "Temaet var …", agenda
//! cases ("Sak 12/24 Budsjett 2025", read by [`super::agenda`]), subheadings, and
//! the projects a report says were presented.

use std::sync::LazyLock;

use regex::Regex;

use super::prefilter::first_captures;
use crate::report::{Passage, PassageKind};

static THEME_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:hovudtema|hovedtema|hovudtemaa|hovedtemaene|tema|temaa|temaene|tema(?:et)?\s+for|saker\s+knytt\s+til|saker\s+knyttet\s+til|dagsorden|program(?:met)?)(?-u:\b)")
        .expect("valid regex")
});
static GUILLEMETS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"«([^»]{3,200})»").expect("valid regex"));
static THEME_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)tema(?:et)?\s+(?:for\s+\S+(?:\s+\S+)?\s+)?(?:var|er|blir|vert)\s*:?\s+([^.!?\n]{8,200})")
        .expect("valid regex")
});
static AGENDA_CASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\d{1,2}[.:]\d{2}\s*[–—-]\s*\d{1,2}[.:]\d{2}\s+)?(?:sak|saksnr\.?|ps|rs|ds|os|fs)\s*\d{1,3}\s*/\s*\d{2,4}\s*[:.–—-]?\s*(.{3,160})$")
        .expect("valid regex")
});
static PRESENTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:presentert|presenterte|prosjekt)[^.]*\.\s*(?:Dette\s+er|Det\s+var|Dei\s+var|Det\s+gjaldt)\s+([^.]{5,300})")
        .expect("valid regex")
});
/// "dialogmøte om psykisk helse for barn og unge", "samla for å drøfte korleis …".
static MEETING_ABOUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:\p{L}*møte|seminar|konferanse|samling|fagdag|webinar)\s+om\s+([^.,;!?\n]{4,120})|(?-u:\b)(?:drøfte|drøfta|drøftar|drøfter|diskutere|diskuterte|diskuterer|sjå på|se på)\s+((?:korleis|kva|kven|hvordan|hva|hvem)\s+[^.;!?\n]{4,160})")
        .expect("valid regex")
});

static NUMBER_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}\p{N}_])(to|tre|fire|fem|seks|sju|syv|åtte|2|3|4|5|6|7|8)\s+(?:hovud|hoved)?tema")
        .expect("valid regex")
});

/// Subheadings that are page furniture, not topics.
const GENERIC_HEADINGS: &[&str] = &[
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

fn clean_theme(text: &str) -> String {
    let text = text
        .trim()
        .trim_end_matches(['.', ',', ':', ';', ' '])
        .trim();
    text.trim_matches(['«', '»', '"']).trim().to_string()
}

fn push_theme(themes: &mut Vec<String>, theme: String) {
    let words = theme.split_whitespace().count();
    if theme.chars().count() < 3 || words > 30 {
        return;
    }
    if !themes.iter().any(|t| t.eq_ignore_ascii_case(&theme)) {
        themes.push(theme);
    }
}

/// The first sentence of a list item, kept with a question mark.
fn first_sentence(text: &str) -> &str {
    let mut end = text.len();
    for (i, c) in text.char_indices() {
        if matches!(c, '?' | '!') {
            end = i + c.len_utf8();
            break;
        }
        if c == '.' && text[i + 1..].starts_with(' ') && !text[..i].ends_with(char::is_numeric) {
            end = i;
            break;
        }
        if c == '\n' {
            end = i;
            break;
        }
    }
    &text[..end]
}

/// "Helseplattformen (HP) var det siste hovudtemaet for samlinga" → "Helseplattformen".
fn theme_subject(sentence: &str) -> String {
    static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(.{2,120}?)\s*(?:\([^)]*\))?\s+(?:var|er)\s+(?:det\s+)?(?:første|andre|tredje|fjerde|siste|neste|eit|et|eitt)?\s*(?:hovud|hoved)?tema")
            .expect("valid regex")
    });
    match SUBJECT.captures(sentence) {
        Some(caps) => caps[1].trim().to_string(),
        None => sentence.to_string(),
    }
}

/// Themes named by the report. `names_in` tells whether a passage's first sentence
/// names a person: such list items are about who spoke, not topics.
pub fn find_themes(
    passages: &[Passage],
    names_a_person: impl Fn(usize, &str) -> bool,
) -> Vec<String> {
    let mut themes = Vec::new();
    let mut case_titles = super::agenda::case_titles(passages).into_iter().peekable();
    for (index, passage) in passages.iter().enumerate() {
        let text = &passage.text;
        let has_intro = THEME_INTRO.is_match(text);
        if has_intro {
            for caps in GUILLEMETS.captures_iter(text) {
                push_theme(&mut themes, clean_theme(&caps[1]));
            }
        }
        if let Some(caps) = first_captures(&MEETING_ABOUT, text) {
            let theme = caps
                .get(1)
                .or_else(|| caps.get(2))
                .map_or("", |m| m.as_str());
            // The topic ends where the sentence turns to time and place.
            static PLACE_OR_TIME: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r" (?:i går| i dag|på |den |med |i (?:\p{Lu}|\p{Ll}+salen|\p{Ll}+rommet|auditoriet))")
                    .expect("valid regex")
            });
            let cut = PLACE_OR_TIME
                .find_iter(theme)
                .map(|m| m.start())
                .find(|&i| i >= 8)
                .unwrap_or(theme.len());
            push_theme(&mut themes, clean_theme(&theme[..cut]));
        }
        // The first line of a block that starts with a short headline (old pages
        // set subheadings in bold inside the text).
        if let Some((first, rest)) = text.split_once('\n')
            && !rest.trim().is_empty()
            && is_headline(first)
        {
            push_theme(&mut themes, clean_theme(first));
        }
        if let Some(caps) = first_captures(&THEME_SENTENCE, text) {
            let theme = &caps[1];
            if !theme.contains('«') && !theme.trim_start().starts_with(':') {
                push_theme(&mut themes, clean_theme(theme));
            }
        }
        // "Dei tre hovudtema for samlinga var:" and the list after it.
        if has_intro && text.trim_end().ends_with(':') {
            let wanted = NUMBER_WORD
                .captures(text)
                .and_then(|c| number(&c[1]))
                .unwrap_or(usize::MAX);
            let mut taken = 0;
            let mut seen_item = false;
            for (next, item) in passages.iter().enumerate().skip(index + 1).take(16) {
                if taken >= wanted {
                    break;
                }
                if item.kind != PassageKind::ListItem {
                    if seen_item && wanted == usize::MAX {
                        break;
                    }
                    continue;
                }
                seen_item = true;
                let sentence = first_sentence(&item.text);
                if names_a_person(next, sentence) {
                    continue;
                }
                push_theme(&mut themes, clean_theme(&theme_subject(sentence)));
                taken += 1;
            }
        }
        while let Some((_, title)) = case_titles.next_if(|(at, _)| *at == index) {
            push_theme(&mut themes, clean_theme(&title));
        }
        if passage.kind == PassageKind::Heading {
            let heading = clean_theme(text);
            let lower = heading.to_lowercase();
            let generic = GENERIC_HEADINGS
                .iter()
                .any(|g| lower == *g || lower.starts_with(&format!("{g}:")));
            // A subheading heads a section: text of some length follows it (a
            // heading over a caption or a link is an image or link text).
            let heads_text = passages.get(index + 1).is_some_and(|next| {
                next.kind == PassageKind::ListItem || next.text.split_whitespace().count() >= 12
            });
            // The heading of a link box ("… Gå til X", "Les meir") is not a topic.
            let link_box = passages.iter().skip(index + 1).take(2).any(|p| {
                let lower = p.text.to_lowercase();
                ["gå til ", "les meir", "les mer", "sjå òg", "se også"]
                    .iter()
                    .any(|w| lower.starts_with(w))
            });
            let heads_text = heads_text && !link_box;
            if !generic && heads_text && is_headline(text) && !AGENDA_CASE.is_match(&heading) {
                push_theme(&mut themes, heading);
            }
        }
        if let Some(caps) = first_captures(&PRESENTED, text) {
            for project in split_projects(&caps[1]) {
                push_theme(&mut themes, clean_theme(&project));
            }
        }
    }
    themes
}

/// A short line that reads as a subheading: a few words, no sentence punctuation,
/// no date or year, not a page-furniture label.
fn is_headline(line: &str) -> bool {
    let line = line.trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    let lower = line.to_lowercase();
    // Any year will do to recognise "Dag 1 – onsdag 13. november" as a date line.
    let any_year = super::dates::DateContext {
        reference: None,
        year: Some(2000),
    };
    let dated = (line.contains(|c: char| c.is_ascii_digit())
        && !super::dates::find_dates(line, &any_year).is_empty())
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

fn number(word: &str) -> Option<usize> {
    Some(match word.to_lowercase().as_str() {
        "to" | "2" => 2,
        "tre" | "3" => 3,
        "fire" | "4" => 4,
        "fem" | "5" => 5,
        "seks" | "6" => 6,
        "sju" | "syv" | "7" => 7,
        "åtte" | "8" => 8,
        _ => return None,
    })
}

/// "A (X) og Digitalt B ved C" → the projects, split where " og " starts a name.
fn split_projects(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = text.trim();
    while let Some(at) = rest.find(" og ") {
        let right = &rest[at + 4..];
        if right.chars().next().is_some_and(char::is_uppercase) {
            parts.push(rest[..at].to_string());
            rest = right;
        } else {
            break;
        }
    }
    parts.push(rest.to_string());
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passages(texts: &[(PassageKind, &str)]) -> Vec<Passage> {
        texts
            .iter()
            .map(|(kind, text)| Passage::new(*kind, *text))
            .collect()
    }

    #[test]
    fn themes_in_guillemets_and_after_a_list_intro() {
        use PassageKind::*;
        let p = passages(&[
            (
                Paragraph,
                "Dei to hovudtema i møtet var «Helsepersonellkommisjonen sin rapport NOU 4:23» og «Korleis handtere fulle sjukehus».",
            ),
            (Paragraph, "Dei tre hovudtema for samlinga var:"),
            (
                ListItem,
                "Gir kunnskap eller pengar ny helsepolitikk? Redaktør Kari Nordal haldt føredrag.",
            ),
            (ListItem, "Seksjonsleiar Ola Dale gav eit innblikk."),
            (
                ListItem,
                "Overordna plan for sikkerheitspsykiatri. Meir tekst.",
            ),
            (
                ListItem,
                "Helseplattformen (HP) var det siste hovudtemaet for samlinga. Fire perspektiv.",
            ),
            (Heading, "Dette skjer vidare"),
            (Heading, "Felles legevakt for Ørsta og Volda"),
            (
                Paragraph,
                "Kommuneoverlegen orienterte om avtalen med nabokommunen om ei felles interkommunal legevakt i Volda.",
            ),
            (Paragraph, "Sak 12/24 Budsjett for 2025"),
        ]);
        let themes = find_themes(&p, |i, _| i == 3);
        assert_eq!(
            themes,
            [
                "Helsepersonellkommisjonen sin rapport NOU 4:23",
                "Korleis handtere fulle sjukehus",
                "Gir kunnskap eller pengar ny helsepolitikk?",
                "Overordna plan for sikkerheitspsykiatri",
                "Helseplattformen",
                "Felles legevakt for Ørsta og Volda",
                "Budsjett for 2025",
            ]
        );
    }
}
