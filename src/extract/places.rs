//! Places of a report: where this meeting, visit or event was held.
//!
//! Places come from the place field of minutes ("Møtestad: Kvam rådhus"), from the
//! meeting sentence ("på Scandic Alexandra hotell i Molde", "i bystyresalen i
//! Ålesund"), and without either from the towns the meeting or visit sentences name.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::prefilter::{AnyCase, captures_where};
use crate::report::Passage;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::PassageKind;

    use crate::extract::passages_of as passages;

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
