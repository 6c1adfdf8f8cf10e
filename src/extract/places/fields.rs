//! The place field of minutes and programmes ("Møtestad: Kvam rådhus", "Stad:",
//! "Tid og stad: …", a header that lost its colons) and, without one, the venue on
//! or under the date line of minutes.

use std::sync::LazyLock;

use regex::Regex;

use super::{is_town_word, is_venue_word};
use crate::extract::prefilter::AnyCase;
use crate::report::Passage;

/// "Møtestad: Kommunehuset, kommunestyresalen", "Stad: Kiwi-bygget": the place field
/// of minutes and programmes.
/// "Møtestad og tid: …", "Tid og stad: …": a field of both, whose date and time
/// [`field_places`] passes over.
pub(super) static PLACE_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|\n|\s)(?:(?:møte)?tid\s+og\s+(?:møte)?st(?:a|e)d|(?:møte\s?)?st(?:a|e)d\s+og\s+(?:møte)?tid|møte\s?st\s?a\s?d|møtested|møtelokale|stad|sted|lokale)\s*:\s*([^\n]{2,120})")
        .expect("valid regex")
});

/// "Utval MULTEK-utvalet Møtestad Heradshuset Dato Tid": a minutes header whose
/// table lost its colons. Only the compound label, capitalised, before a capitalised
/// value that the next field ends ("ein sentral møtestad for laget" is none).
static BARE_PLACE_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(?:Møtestad|Møtested|MØTESTAD|MØTESTED)\s+(\p{Lu}[^\n]{1,120})")
        .expect("valid regex")
});

/// Whether a field's value says the meeting was held on a screen, which has no
/// place ("Fjernmøte (digitalt møte)", "Teams").
fn is_remote(value: &str) -> bool {
    static REMOTE: LazyLock<AnyCase> = LazyLock::new(|| {
        AnyCase::new(&[
            "digital",
            "fjernmøte",
            "teams",
            "zoom",
            "skype",
            "videomøte",
            "nettmøte",
        ])
    });
    REMOTE.may_occur_in(value)
}

/// The field places of one passage: "Møtestad: Rådhuset" and the bare "Møtestad
/// Rådhuset Dato".
pub(super) fn passage_field_places(text: &str) -> Vec<&str> {
    let mut places = Vec::new();
    for caps in PLACE_FIELD.captures_iter(text) {
        if let Some(value) = caps.get(1) {
            places.extend(field_places(value.as_str()));
        }
    }
    if places.is_empty() && (text.contains("øtest") || text.contains("ØTEST")) {
        for caps in BARE_PLACE_FIELD.captures_iter(text) {
            let Some(value) = caps.get(1).map(|m| m.as_str()) else {
                continue;
            };
            if FIELD_END.is_match(value) && !value.starts_with("Møtedato") {
                places.extend(field_places(value));
            }
        }
    }
    places
}

/// The places a place field's value gives: the value up to the next field, without
/// the upper-case headings a PDF header runs into it ("FYLKESRÅDET FOR ELDRE
/// Fylkeshuset, møterom Skåla MØTEINNKALLING"), kept whole as written ("Fylkeshuset,
/// møterom Skåla"), with a town after the last comma as a place of its own
/// ("Møterom 100, Fylkeshuset, Molde").
pub(super) fn field_places(value: &str) -> Vec<&str> {
    let value = past_date_and_time(value);
    if is_remote(value) {
        return Vec::new();
    }
    let value = FIELD_END
        .find(value)
        .map_or(value, |end| &value[..end.start()]);
    // At the end a heading has two letters or more: "Observatoriegata 1 B" keeps its B.
    let is_heading = |w: &str, letters: usize| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= letters
            && !w.chars().any(|c| c.is_lowercase() || c.is_ascii_digit())
    };
    // Byte spans of the words that are not headings.
    let mut kept = value
        .split_whitespace()
        .map(|w| {
            let at = w.as_ptr() as usize - value.as_ptr() as usize;
            (at, at + w.len(), w)
        })
        .skip_while(|(_, _, w)| is_heading(w, 1))
        .collect::<Vec<_>>();
    while kept.last().is_some_and(|(_, _, w)| is_heading(w, 2)) {
        kept.pop();
    }
    let (Some(first), Some(last)) = (kept.first(), kept.last()) else {
        return Vec::new();
    };
    let value = value[first.0..last.1].trim_end_matches([',', '.']);
    if !value.starts_with(char::is_alphabetic) || kept.len() > 8 {
        return Vec::new();
    }
    // "Møterom 100, Fylkeshuset, Molde", "Campus Sogndal i Sogndal": the town last.
    let town = [",", " i ", " på "].iter().find_map(|separator| {
        value
            .rsplit_once(separator)
            .filter(|(_, town)| is_town_word(town.trim()))
    });
    match town {
        Some((venue, town)) => vec![venue.trim(), town.trim()],
        None => vec![value],
    }
}

/// The value of a field of time and place past its date and time: "Tysdag 4. mars
/// 2019 kl. 18.00, Rådhuset" gives "Rådhuset". A value that starts with no date is
/// left as it is.
fn past_date_and_time(value: &str) -> &str {
    let starts_with_date = value
        .split_whitespace()
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()) || is_weekday(w));
    if !starts_with_date {
        return value;
    }
    let context = crate::extract::dates::DateContext::default();
    let Some(date) = crate::extract::dates::find_dates(value, &context)
        .into_iter()
        .find(|d| d.start <= 12)
    else {
        return value;
    };
    let rest = &value[date.end..];
    let rest = TIME.find(rest).map_or(rest, |m| &rest[m.end()..]);
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '.'));
    ["i ", "på "]
        .iter()
        .find_map(|preposition| rest.strip_prefix(preposition))
        .unwrap_or(rest)
}

/// A weekday's name in either written standard, as a date line starts with one.
fn is_weekday(word: &str) -> bool {
    let word = word.trim_end_matches(',').to_lowercase();
    [
        "måndag", "mandag", "tysdag", "tirsdag", "onsdag", "torsdag", "fredag", "laurdag",
        "lørdag", "sundag", "søndag",
    ]
    .contains(&word.as_str())
}

/// The time after a date: "kl. 18.00", "klokka 9.30–15.00", "18:00".
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s.,:–-]*(?:(?:kl\.?|klokka)\s*)?(?:\d{1,2}[.:]\d{2}(?:\s*[–-]\s*\d{1,2}[.:]\d{2})?)?[\s.,:–-]*")
        .expect("valid regex")
});

/// Where a place field's value ends: the next field of a header run together.
static FIELD_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|\s)(?:møtedato|møtetid|dato|tid|frå\s+kl|kl\.?\s*\d|saks?nr|arkivsak|møteleiar|sekretær|til\s+stades|til\s+stede|forfall|møtande|medlemer|medlemmer|innkalling|sakliste|saksliste)(?-u:\b)|\s\d{1,2}\.\s*\p{Ll}|\s\d{1,2}\.\d{1,2}\.")
        .expect("valid regex")
});

/// The head of minutes without a place field: the venue on the date line after the
/// date and time ("12.03.2019 kl. 18.00 Bakketun grendahus, Vik") or alone on the
/// next line ("Måndag 4. mars 2019 kl. 19.00." / "Vikhallen"). Only a line that
/// names a venue by its noun.
pub(super) fn venue_under_date(passages: &[Passage]) -> Option<&str> {
    let context = crate::extract::dates::DateContext::default();
    for (index, passage) in passages.iter().enumerate().take(8) {
        let text = passage.text.as_str();
        let Some(date) = crate::extract::dates::find_dates(text, &context)
            .into_iter()
            .find(|d| d.start <= 12 && d.value.day().is_some())
        else {
            continue;
        };
        let rest = &text[date.end..];
        let rest = TIME.find(rest).map_or(rest, |m| &rest[m.end()..]);
        let line = if rest.trim().is_empty() {
            passages.get(index + 1).map_or("", |p| p.text.as_str())
        } else {
            rest
        };
        let words: Vec<&str> = line.split_whitespace().collect();
        if (1..=6).contains(&words.len()) && words.iter().any(|w| is_venue_word(w)) {
            return Some(line);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::passages_of as passages;
    use crate::extract::places::find_places;
    use crate::report::PassageKind;

    #[test]
    fn field_values_without_headings_and_with_the_town_apart() {
        assert_eq!(
            field_places("STYRET I LAGET Grendahuset, peisestova INNKALLING Møtedato: 3.3."),
            ["Grendahuset, peisestova"]
        );
        assert_eq!(
            field_places("Salen 2, Kulturhuset, Hareid"),
            ["Salen 2, Kulturhuset", "Hareid"]
        );
        assert_eq!(
            field_places("Biblioteket i Ulsteinvik"),
            ["Biblioteket", "Ulsteinvik"]
        );
        assert_eq!(
            field_places("Ulstein rådhus Saknr.: 4/22"),
            ["Ulstein rådhus"]
        );
        // An empty field runs into the next one.
        assert!(field_places("Møtedato: Tid:").is_empty());
        assert!(field_places("MØTEBOK").is_empty());
    }

    #[test]
    fn fields_of_time_and_place_bare_labels_and_screens() {
        // The date and time of a field of both are passed over.
        assert_eq!(
            field_places("Onsdag 9. april 2025 kl. 18.30, Vikane grendahus"),
            ["Vikane grendahus"]
        );
        assert_eq!(
            field_places("12.05.2021 kl. 10:00 i Bryggesalen"),
            ["Bryggesalen"]
        );
        let p = passages(&[(
            PassageKind::Paragraph,
            "Innkalling Møtestad og tid: Heradshuset, formannskapssalen, 3. mars kl. 10",
        )]);
        assert_eq!(find_places("", &p), ["Heradshuset, formannskapssalen"]);
        // A header whose table lost its colons.
        let p = passages(&[(
            PassageKind::Paragraph,
            "Nesvik kommune Utval Plan-utvalet Møtestad Nesvik rådhus Dato Tid Kl. 10:00",
        )]);
        assert_eq!(find_places("", &p), ["Nesvik rådhus"]);
        for text in [
            "Bryggja er ein sentral møtestad for bygda.",
            "Møtestaden var sett til Nesvik kyrkje, så kom snøen.",
            "Møteprotokoll Møtestad: Fjernmøte på Teams (digitalt) Dato: 3.3.2021",
        ] {
            let p = passages(&[(PassageKind::Paragraph, text)]);
            assert!(
                find_places("", &p).is_empty(),
                "{text}: {:?}",
                find_places("", &p)
            );
        }
    }

    #[test]
    fn the_venue_under_the_date_of_minutes() {
        let p = passages(&[
            (PassageKind::Paragraph, "MØTEBOK"),
            (PassageKind::Paragraph, "Tysdag 4. mars 2019 kl. 19.00."),
            (PassageKind::Paragraph, "Vikhallen"),
            (PassageKind::Paragraph, "Til stades: Kari Nes"),
        ]);
        assert_eq!(find_places("", &p), ["Vikhallen"]);
        let p = passages(&[(
            PassageKind::Paragraph,
            "12.03.2019 Peisestova ved Nes kyrkje, Hareid",
        )]);
        assert_eq!(find_places("", &p), ["Peisestova ved Nes kyrkje", "Hareid"]);
        // A line under the date that names no venue is not one.
        let p = passages(&[
            (PassageKind::Paragraph, "Tysdag 4. mars 2019 kl. 19.00."),
            (PassageKind::Paragraph, "Kari Nes og Ola Li"),
        ]);
        assert!(find_places("", &p).is_empty());
    }
}
