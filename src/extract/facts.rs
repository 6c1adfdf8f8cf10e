//! Places, participants and organisations of a report.
//!
//! Places come from the meeting sentence ("på Scandic Alexandra hotell i Molde", "i
//! bystyresalen i Ålesund"); participants from a stated count; organisations from
//! the abbreviations the text defines for them.

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::prefilter::{AnyCase, captures_where, first_captures};
use crate::report::{Organisation, Passage};

/// "på Scandic Alexandra hotell i Molde", "på Quality Hotell Ålesund", "på Ørsta rådhus".
static NAMED_VENUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:på|i|ved)\s+((?:\p{Lu}[\p{L}\-]*|hotell|hotel)(?:\s+(?:\p{Lu}[\p{L}\-]*|hotell|hotel|rådhus|sjukehus|sykehus|kulturhus|samfunnshus))*)(?:\s+(?:i|på)\s+(\p{Lu}\p{L}+))?")
        .expect("valid regex")
});
/// "i bystyresalen i Ålesund", "i auditoriet på Ålesund sjukehus", "møterom Grip".
static HALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:i|på)\s+(\p{Ll}+(?:salen|rommet|auditoriet|aulaen)|møterom\s+\p{Lu}\p{L}+)(?:\s+(?:i|på)\s+(\p{Lu}\p{L}+(?:\s+(?:rådhus|sjukehus|sykehus|kulturhus))?))?")
        .expect("valid regex")
});

const HOTEL_BRANDS: &[&str] = &[
    "Scandic",
    "Quality",
    "Thon",
    "Clarion",
    "Radisson",
    "Comfort",
    "Rica",
    "Choice",
    "Storyline",
];
const VENUE_WORDS: &[&str] = &[
    "hotell",
    "hotel",
    "Hotell",
    "Hotel",
    "rådhus",
    "sjukehus",
    "sykehus",
    "kulturhus",
    "samfunnshus",
    "konferansesenter",
];

fn push_place(places: &mut Vec<String>, place: &str) {
    let place = place.trim().trim_end_matches([',', '.']);
    if !place.is_empty() && !places.iter().any(|p| p == place) {
        places.push(place.to_string());
    }
}

fn cut_at_next_meeting(text: &str) -> &str {
    static NEXT_MEETING: LazyLock<AnyCase> = LazyLock::new(|| {
        AnyCase::new(&["neste møte", "neste samling", "neste gong", "neste gang"])
    });
    NEXT_MEETING.find_in(text).map_or(text, |i| &text[..i])
}

/// "Møtestad: Kommunehuset, kommunestyresalen", "Stad: Kiwi-bygget": the place field
/// of minutes and programmes.
static PLACE_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|\n|\s)(?:møtestad|møtested|møtelokale|stad|sted|lokale|tid\s+og\s+stad|tid\s+og\s+sted|stad\s+og\s+tid|sted\s+og\s+tid)\s*:\s*([^\n]{2,120})")
        .expect("valid regex")
});

/// Where a place field's value ends: the next field of a header run together.
static FIELD_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s(?:møtedato|møtetid|dato|tid|frå\s+kl|kl\.?\s*\d|saksnr|arkivsak|møteleiar|sekretær|til\s+stades|forfall|møtande|medlemer|medlemmer|innkalling|sakliste|saksliste)(?-u:\b)|\s\d{1,2}\.\s*\p{Ll}|\s\d{1,2}\.\d{1,2}\.")
        .expect("valid regex")
});

/// "i Florø", "på Stord", "til Sogndal og Lærdal": towns of a meeting or visit.
static TOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(i|på|til)\s+(\p{Lu}[\p{Ll}][\p{L}\-]*(?:\s+\p{Lu}[\p{Ll}][\p{L}\-]*)?(?:\s+og\s+\p{Lu}[\p{Ll}][\p{L}\-]*)?)")
        .expect("valid regex")
});

/// A sentence about this meeting taking place, or a visit.
static MEETING_OR_VISIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)møte|møtt|samling|samla|konferanse|seminar|årsmøte|halde|haldt|holdt|arrangert|besøk|vitja|vitjar|vitje|(?:kom|kjem|kommer|reiste|reiser)(?:\s+\S+){0,3}?\s+til\s|opna|opning|åpnet|åpning|samlast|samlet|gjestar|gjestet|tur\s+til")
        .expect("valid regex")
});

/// Capitalised words after "i"/"på" that are not places: institutions, times,
/// documents (months are known by `dates`).
const NOT_TOWNS: &[&str] = &[
    "Helse",
    "Noreg",
    "Norge",
    "Stortinget",
    "Regjeringa",
    "Regjeringen",
    "Sak",
    "Styret",
    "Kommunestyret",
    "Formannskapet",
    "Rådet",
    "Utvalet",
    "Bystyret",
    "Fylkestinget",
    "Fylkesutvalet",
    "Statsbudsjettet",
    "Nasjonal",
    "Nasjonalt",
    "Facebook",
    "Teams",
    "Zoom",
    "Dag",
    "Del",
];

/// The word before `at` in `text`, lowercase.
fn word_before(text: &str, at: usize) -> String {
    text[..at]
        .split_whitespace()
        .next_back()
        .unwrap_or_default()
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase()
}

/// Towns after "i", "på" or "til" in the headline and in sentences about the meeting
/// or a visit; not after a role ("ordførar i Stad"), not followed by a possessive or
/// an institution word that makes them an organisation.
fn towns(title: &str, passages: &[Passage]) -> Vec<String> {
    let mut towns = Vec::new();
    let texts = std::iter::once(title).chain(passages.iter().take(20).map(|p| p.text.as_str()));
    for text in texts {
        let text = cut_at_next_meeting(text);
        if !MEETING_OR_VISIT.is_match(text) {
            continue;
        }
        for caps in TOWN.captures_iter(text) {
            let (Some(preposition), Some(found)) = (caps.get(1), caps.get(2)) else {
                continue;
            };
            let (start, end) = (found.start(), found.end());
            let sentence_start = text[..start]
                .rfind(['.', '!', '?', '\n'])
                .map_or(0, |i| i + 1);
            if !MEETING_OR_VISIT.is_match(&text[sentence_start..end]) {
                continue;
            }
            let before = word_before(text, preposition.start());
            let after_role = before.len() > 3
                && [
                    "ar", "ør", "er", "sjef", "leiar", "leder", "medlem", "tilsett", "ansatt",
                ]
                .iter()
                .any(|e| before.ends_with(e))
                && !["møter", "samler", "holder", "kommer", "besøker"].contains(&before.as_str());
            let next = text[end..].split_whitespace().next().unwrap_or_default();
            let organisation = [
                "sitt",
                "si",
                "sine",
                "kommune",
                "kommunes",
                "fylkeskommune",
                "HF",
                "AS",
                "IKS",
                "SA",
                "sjukehus",
                "sykehus",
                "kyrkje",
                "kirke",
                "skule",
                "skole",
            ]
            .contains(&next.trim_matches(|c: char| !c.is_alphabetic()));
            let first = found.as_str().split_whitespace().next().unwrap_or_default();
            // "Partnarskapsmøte", "Helsefellesskapet": a meeting or a body, not a town.
            // "Noregs Mållag", "Møteprotokoll", "Medlemene": an association, a
            // document or a group.
            let body = found.as_str().split_whitespace().any(|word| {
                let word = word.to_lowercase();
                [
                    "møte",
                    "møtet",
                    "skapet",
                    "styret",
                    "rådet",
                    "lag",
                    "laget",
                    "utvalet",
                    "nemnda",
                    "protokoll",
                    "ene",
                    "ane",
                ]
                .iter()
                .any(|e| word.ends_with(e))
            });
            if after_role
                || organisation
                || body
                || NOT_TOWNS.contains(&first)
                || super::dates::month_number(&first.to_lowercase()).is_some()
                || super::people::is_given_name(first)
            {
                continue;
            }
            push_place(&mut towns, found.as_str());
        }
    }
    towns
}

/// The places of the meeting: the place field of minutes, named venues and halls,
/// and towns in the sentences about the meeting.
pub fn find_places(title: &str, passages: &[Passage]) -> Vec<String> {
    let mut places = Vec::new();
    for (index, passage) in passages.iter().enumerate().take(20) {
        // "Møtestad:" on a line of its own, its value on the next.
        let joined;
        let text = match passages.get(index + 1) {
            Some(next)
                if passage.text.trim_end().ends_with(':')
                    && PLACE_FIELD.is_match(&format!("{} x", passage.text)) =>
            {
                joined = format!("{} {}", passage.text.trim_end(), next.text);
                joined.as_str()
            }
            _ => passage.text.as_str(),
        };
        for caps in PLACE_FIELD.captures_iter(text) {
            let value = &caps[1];
            let value = FIELD_END
                .find(value)
                .map_or(value, |end| &value[..end.start()]);
            for part in value.split(',') {
                let part = part.trim();
                if part.chars().next().is_some_and(char::is_alphabetic)
                    && part.split_whitespace().count() <= 6
                {
                    push_place(&mut places, part);
                }
            }
        }
    }
    for venue in venues(passages) {
        push_place(&mut places, &venue);
    }
    // A field or a named venue is where the meeting was; the towns in its sentences
    // are only looked for without one.
    if !places.is_empty() {
        return places;
    }
    for town in towns(title, passages) {
        // "Ålesund" is already there as part of "Quality Hotell Ålesund".
        if !places.iter().any(|p| p.contains(town.as_str())) {
            push_place(&mut places, &town);
        }
    }
    places
}

/// Named venues and halls, from the first passages that name one.
fn venues(passages: &[Passage]) -> Vec<String> {
    // The words each pattern needs, case-sensitive as the patterns are there.
    static HALL_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::new(["salen", "rommet", "auditoriet", "aulaen", "møterom"])
            .expect("a small static word list builds")
    });
    static VENUE_NAMES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::new(VENUE_WORDS.iter().chain(HOTEL_BRANDS))
            .expect("a small static word list builds")
    });
    let mut places: Vec<String> = Vec::new();
    for passage in passages.iter().take(12) {
        // A later meeting's venue ("Neste møte blir på …") is not this meeting's.
        let text = cut_at_next_meeting(&passage.text);
        for caps in captures_where(&HALL, text, HALL_WORDS.is_match(text)) {
            push_place(&mut places, &caps[1]);
            if let Some(town) = caps.get(2) {
                push_place(&mut places, town.as_str());
            }
        }
        // A venue is only taken when one of its words is a venue word or a hotel.
        for caps in captures_where(&NAMED_VENUE, text, VENUE_NAMES.is_match(text)) {
            let venue = &caps[1];
            let words: Vec<&str> = venue.split_whitespace().collect();
            let is_venue = words.iter().any(|w| VENUE_WORDS.contains(w))
                || words.first().is_some_and(|w| HOTEL_BRANDS.contains(w));
            if !is_venue {
                continue;
            }
            push_place(&mut places, venue);
            match caps.get(2) {
                Some(town) => push_place(&mut places, town.as_str()),
                // "Quality Hotell Ålesund": the town is in the hotel's name.
                None => {
                    if let Some(last) = words.last()
                        && words.len() > 2
                        && !VENUE_WORDS.contains(last)
                    {
                        push_place(&mut places, last);
                    }
                }
            }
        }
        if !places.is_empty() {
            break;
        }
    }
    places
}

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
        assert_eq!(find_places("", &p), ["Quality Hotell Ålesund", "Ålesund"]);
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

    #[test]
    fn venue_and_town() {
        let p = passages(&[(
            PassageKind::Paragraph,
            "Den 10. mai 2023 blei møtet gjennomført på Scandic Alexandra hotell i Molde.",
        )]);
        assert_eq!(find_places("", &p), ["Scandic Alexandra hotell", "Molde"]);
        let p = passages(&[(
            PassageKind::Paragraph,
            "Utvalet møtest i bystyresalen i Ålesund.",
        )]);
        assert_eq!(find_places("", &p), ["bystyresalen", "Ålesund"]);
    }

    #[test]
    fn place_fields_and_towns_of_the_meeting() {
        let p = passages(&[(
            PassageKind::Paragraph,
            "Møteprotokoll Møtestad: Kommunehuset, kommunestyresalen Møtedato: 12.03.2016",
        )]);
        assert_eq!(find_places("", &p), ["Kommunehuset", "kommunestyresalen"]);
        let p = passages(&[(
            PassageKind::Paragraph,
            "Fredag kjem statsråden til Sogndal og Lærdal. Ordførar i Luster Ola Dale møter òg.",
        )]);
        assert_eq!(find_places("", &p), ["Sogndal og Lærdal"]);
        // Home places, roles and organisations are not the meeting's places.
        let p = passages(&[(
            PassageKind::Paragraph,
            "Møtet samla ordførar i Stad, Kari Nes, og dei tilsette i Helse Førde. Ho bur i Vik.",
        )]);
        assert!(find_places("", &p).is_empty(), "{:?}", find_places("", &p));
        let p = passages(&[(
            PassageKind::Paragraph,
            "Årsmøtet i Østfold Mållag vart halde i Sarpsborg. Medlemene i Noregs Mållag møtte.",
        )]);
        assert_eq!(find_places("", &p), ["Sarpsborg"]);
        let p = passages(&[
            (PassageKind::Paragraph, "Møtestad:"),
            (PassageKind::Paragraph, "Kyrkjelydshuset"),
        ]);
        assert_eq!(find_places("", &p), ["Kyrkjelydshuset"]);
        // The headline may be the only place a town is named.
        let p = passages(&[(PassageKind::Paragraph, "Programmet er klart.")]);
        assert_eq!(find_places("Statsråden på besøk i Florø", &p), ["Florø"]);
    }
}
