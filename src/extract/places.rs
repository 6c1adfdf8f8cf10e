//! Places of a report: where this meeting, visit or event was held.
//!
//! Places come from the place field of minutes ("Møtestad: Kvam rådhus"), from the
//! meeting sentence ("på Scandic Alexandra hotell i Molde", "i bystyresalen i
//! Ålesund"), and without either from the towns the meeting or visit sentences name.

use std::sync::LazyLock;

use regex::Regex;

use aho_corasick::AhoCorasick;

use super::prefilter::{AnyCase, captures_where};
use crate::report::Passage;

mod fields;

use fields::{PLACE_FIELD, field_places, passage_field_places, venue_under_date};

/// "på Scandic Alexandra hotell i Molde", "på Quality Hotell Ålesund", "på Ørsta rådhus",
/// "i Henjahaugane barnehage", "på Hafslo barne- og ungdomsskule", "i SKL sitt
/// kurssenter i Matre", "hos Multi Maritime i Førde": a name, a venue noun after it
/// (after a possessive, or the last of two joined by "og"), and the town. A visit
/// verb takes the venue as its object, without a preposition ("vitja i dag Nes
/// sjukeheim", "skal besøke Fjellsenteret").
static NAMED_VENUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(på|i|ved|hos|På|I|Ved|Hos|(?:vitje|vitja|vitjar|besøke|besøkte|besøker|besøkjer)(?:\s+i\s+dag|\s+i\s+går)?)\s+((?:\p{Lu}[\p{L}\-]*|hotell|hotel)(?:\s+(?:\p{Lu}[\p{L}\-]*|hotell|hotel))*(?:(?:\s+(?:sitt|si|sine))?\s+(?:\p{Ll}+\s?-\s+og\s+)?\p{Ll}*(?:hus|huset|hallen|kyrkje|kirke|kapell|skule|skole|barnehage|bibliotek|senter|senteret|sjukeheim|sykehjem|m[øo]terom|hotell|hotel|museum|kloster|kafe|kafé|restaurant))?)(?:\s+(?:i|på|ved)\s+(\p{Lu}\p{L}+))?")
        .expect("valid regex")
});
/// "i bystyresalen i Ålesund", "i auditoriet på Ålesund sjukehus", "møterom Grip";
/// in a sentence about the meeting or event also "på rådhuset", "i idrettshallen",
/// "i kapellet" (see [`GATED_HALLS`]).
static HALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:i|på|I|På)\s+(\p{Ll}+(?:salen|rommet|auditoriet|aulaen|hallen|huset)|kapellet|kyrkja|møterom\s+\p{Lu}\p{L}+)(?:\s+(?:i|på)\s+(\p{Lu}\p{L}+(?:\s+(?:rådhus|sjukehus|sykehus|kulturhus))?))?")
        .expect("valid regex")
});
/// Halls taken only in a sentence about the meeting or event: "huset" and "kyrkja"
/// are often only mentioned ("i Helsehuset er det fleire tenester").
const GATED_HALLS: &[&str] = &["hallen", "huset", "kapellet", "kyrkja"];

/// Sentences about an event that is not a meeting: the venue of a service, a concert,
/// a celebration or an opening.
static EVENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)gudsteneste|gudstjeneste|konsert|fest|jubileum|avslutning|middag|feira|feirar|frammøtte|fremmøtte|stemne|markering|visitas|program|omvis")
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

/// The endings of nouns that name a building or room where people gather, alone
/// ("kyrkje") or as the last part of a compound ("Ørskoghallen", "Kyrkjelydshuset",
/// "Matstova", "Fylkeshuset"). "heim", "stua" and "gard" are left out: they end as
/// many farm and town names ("Fjellheim", "Bekkestua").
const VENUE_ENDINGS: &[&str] = &[
    "hallen",
    "hall",
    "huset",
    "hus",
    "heimen",
    "sjukeheim",
    "sykehjem",
    "stova",
    "senteret",
    "senter",
    "salen",
    "rommet",
    "møterom",
    "moterom",
    "kyrkje",
    "kyrkja",
    "kirke",
    "kirka",
    "kapell",
    "kapellet",
    "skule",
    "skulen",
    "skole",
    "skolen",
    "barnehage",
    "barnehagen",
    "bibliotek",
    "biblioteket",
    "hotell",
    "hotel",
    "hotellet",
    "auditoriet",
    "aulaen",
    "kafe",
    "kafeen",
    "kafé",
    "kaféen",
    "restaurant",
    "restauranten",
    "museum",
    "museet",
    "kloster",
    "klosteret",
    "fabrikken",
];

/// Whether a word names a venue by its ending ("Leikangerhallen", "ungdomsskule").
fn is_venue_word(word: &str) -> bool {
    let word = word
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    VENUE_ENDINGS.iter().any(|e| word.ends_with(e))
}

/// A sentence about this meeting, a visit or an event.
fn is_about_event(sentence: &str) -> bool {
    MEETING_OR_VISIT.is_match(sentence) || EVENT.is_match(sentence)
}

/// The sentence of `text` around `start..end`. A full stop after a number ("7. april",
/// "kl. 19.00") or before a small letter does not end one.
fn sentence_of(text: &str, start: usize, end: usize) -> &str {
    let ends_at = |i: usize, c: char| {
        c == '\n'
            || (matches!(c, '.' | '!' | '?')
                && !text[..i].ends_with(|b: char| b.is_ascii_digit())
                && !text[i + 1..].trim_start().starts_with(char::is_lowercase))
    };
    let from = text[..start]
        .char_indices()
        .rev()
        .find(|&(i, c)| ends_at(i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = text[end..]
        .char_indices()
        .find(|&(i, c)| ends_at(end + i, c))
        .map_or(text.len(), |(i, _)| end + i);
    &text[from..to]
}

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

/// One capitalised word that names no venue: a town ("Molde", "Stjørdal").
fn is_town_word(word: &str) -> bool {
    !word.contains(char::is_whitespace)
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
        && word.chars().count() >= 3
        && !is_venue_word(word)
}

/// "i Florø", "på Stord", "til Sogndal og Lærdal": towns of a meeting or visit.
static TOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(i|på|til)\s+(\p{Lu}[\p{Ll}][\p{L}\-]*(?:\s+\p{Lu}[\p{Ll}][\p{L}\-]*)?(?:\s+og\s+\p{Lu}[\p{Ll}][\p{L}\-]*)?)")
        .expect("valid regex")
});

/// A sentence about this meeting taking place, or a visit.
static MEETING_OR_VISIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)møte|møtt|samling|samla|konferanse|seminar|årsmøte|halde|haldt|holdt|arrangert|besøk|vitja|vitjar|vitje|(?:kom|kjem|kommer|reiste|reiser)(?:\s+\S+){0,3}?\s+til\s|opna|opning|åpnet|åpning|samlast|samlet|gjestar|gjestet|visitas|tur(?:en)?(?:\s+\S+){0,2}?\s+til\s")
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

/// A word before "i"/"på"/"ved" that makes what follows an employer or a home place,
/// not a place of the meeting: "ordførar i Stad", "rektor ved Eid skule", "tilsett på
/// sjukehuset". Verbs that end the same way ("møter", "kommer") are not roles.
fn is_role_word(before: &str) -> bool {
    before.chars().count() > 3
        && [
            "ar", "ør", "er", "or", "sjef", "leiar", "leder", "medlem", "tilsett", "ansatt",
            "prest", "elev",
        ]
        .iter()
        .any(|e| before.ends_with(e))
        && ![
            "møter", "samler", "holder", "kommer", "besøker", "lokaler", "gjester", "helsar",
        ]
        .contains(&before)
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
            let after_role = is_role_word(&before);
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
            // "på Hell ved Trondheim": the town the place lies by.
            if let Some(by) = TOWN_BY.captures(&text[end..]).and_then(|c| c.get(1))
                && !NOT_TOWNS.contains(&by.as_str())
            {
                push_place(&mut towns, by.as_str());
            }
        }
    }
    if let Some(town) = title_town(title) {
        push_place(&mut towns, town);
    }
    towns
}

/// " ved Trondheim": a town right after another.
static TOWN_BY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+ved\s+(\p{Lu}\p{Ll}+)(?:[^\p{L}]|$)").expect("valid regex"));

/// "Styremøte 21.10.2021, Ålesund": a headline about a meeting that ends with its town.
fn title_town(title: &str) -> Option<&str> {
    let (head, last) = title.trim_end_matches('.').rsplit_once(',')?;
    let last = last.trim();
    (is_town_word(last)
        && MEETING_OR_VISIT.is_match(head)
        && !NOT_TOWNS.contains(&last)
        && super::dates::month_number(&last.to_lowercase()).is_none())
    .then_some(last)
}

/// A report about a visit: a minister's or a bishop's day goes to several places, and
/// the towns it names are places beside the venues of its programme.
fn is_visit(title: &str, passages: &[Passage]) -> bool {
    static VISIT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)besøk|vitja|vitjar|vitje|visitas").expect("valid regex"));
    std::iter::once(title)
        .chain(passages.iter().take(3).map(|p| p.text.as_str()))
        .any(|text| VISIT.is_match(text))
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
        for place in passage_field_places(text) {
            push_place(&mut places, place);
        }
    }
    if places.is_empty()
        && let Some(line) = venue_under_date(passages)
    {
        for place in field_places(line) {
            push_place(&mut places, place);
        }
    }
    let visit = is_visit(title, passages);
    for venue in venues(title, passages, visit) {
        push_place(&mut places, &venue);
    }
    for hotel in hotels(passages) {
        if !places.iter().any(|p| p.contains(hotel)) {
            push_place(&mut places, hotel);
        }
    }
    for place in event_places(passages) {
        // "Vik" is already there as part of "Vik kyrkje".
        if !places.iter().any(|p| p.contains(place.as_str())) {
            push_place(&mut places, &place);
        }
    }
    // A field or a named venue is where the meeting was; the towns in its sentences
    // are only looked for without one, or in a visit.
    if !places.is_empty() && !visit {
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

/// "Thon hotell Nesvik", "Scandic Fjord", "Solstad Hotell": a hotel by its chain or
/// its noun.
static HOTEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:(?:Scandic|Quality|Thon|Clarion|Radisson|Comfort|Rica|Choice|Storyline)(?:\s+(?:\p{Lu}[\p{L}\-]+|hotell|hotel)){1,2}|\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+)?\s+(?:Hotell|Hotel|hotell|hotel)(?-u:\b)(?:\s+\p{Lu}\p{Ll}+(?-u:\b))?)")
        .expect("valid regex")
});

/// Hotels named anywhere in a report's first passages, with or without a preposition
/// ("Thon hotell Nesvik fekk vere vertskap", "funne vegen til Solstad Hotell"): a
/// meeting report names a hotel for the meeting or the stay it held, and an annual
/// report may name one for each meeting. Not after a role ("direktør ved …"), and not a
/// later meeting's.
fn hotels(passages: &[Passage]) -> Vec<&str> {
    static WORDS: LazyLock<AnyCase> = LazyLock::new(|| {
        let brands: Vec<String> = HOTEL_BRANDS.iter().map(|b| b.to_lowercase()).collect();
        let words: Vec<&str> = std::iter::once("hotel")
            .chain(brands.iter().map(String::as_str))
            .collect();
        AnyCase::new(&words)
    });
    let mut hotels = Vec::new();
    for passage in passages.iter().take(20) {
        let text = cut_at_next_meeting(&passage.text);
        if !WORDS.may_occur_in(text) {
            continue;
        }
        for found in HOTEL.find_iter(text) {
            // "direktør ved Thon Hotel Nes": the role may stand before a preposition.
            let mut before = text[..found.start()]
                .split_whitespace()
                .rev()
                .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase());
            let after_role = match before.next() {
                Some(word) if ["ved", "i", "på", "for", "hos"].contains(&word.as_str()) => {
                    before.next().is_some_and(|w| is_role_word(&w))
                }
                Some(word) => is_role_word(&word),
                None => false,
            };
            if !after_role && !hotels.contains(&found.as_str()) {
                hotels.push(found.as_str());
            }
        }
    }
    hotels
}

/// "jubileumsmiddag på Kjølvikstølen", "Festmiddagen var på Havly", "gudstenesta på
/// Selja": the named place right after a service, a dinner, a party or a concert,
/// which a church or village event is held at beside its church.
static EVENT_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:\p{L}*(?:middag|middagen|gudsteneste|gudstenesta|gudstjeneste|gudstjenesten|fest|festen|konsert|konserten))(?:\s+(?:var|vart|blei|blir|er))?\s+(?:på|i)\s+(\p{Lu}\p{Ll}+)(?:[^\p{L}]|$)")
        .expect("valid regex")
});

/// The places named right after an event of the report's first passages (see
/// [`EVENT_AT`]); not a month, an institution or a person's name, and not a later
/// meeting's.
fn event_places(passages: &[Passage]) -> Vec<String> {
    static WORDS: LazyLock<AnyCase> =
        LazyLock::new(|| AnyCase::new(&["middag", "gudstenest", "gudstjenest", "fest", "konsert"]));
    let mut places = Vec::new();
    for passage in passages.iter().take(20) {
        let text = cut_at_next_meeting(&passage.text);
        for caps in captures_where(&EVENT_AT, text, WORDS.may_occur_in(text)) {
            let Some(place) = caps.get(1).map(|m| m.as_str()) else {
                continue;
            };
            if NOT_TOWNS.contains(&place)
                || super::dates::month_number(&place.to_lowercase()).is_some()
                || super::people::is_given_name(place)
            {
                continue;
            }
            push_place(&mut places, place);
        }
    }
    places
}

/// Named venues and halls, from the headline and the first passages that name one.
/// A hotel, a town hall or a culture house is a venue wherever it is named; a school,
/// a church, a hall or a house only in a sentence about the meeting, visit or event,
/// and not after a role ("rektor ved Eid skule"); "hos" only in a visit. In a visit
/// every sentence is about it, and every passage may name a stop.
fn venues(title: &str, passages: &[Passage], visit: bool) -> Vec<String> {
    // The words each pattern needs: most passages name no venue, and the patterns'
    // captures are dear.
    static HALL_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::new([
            "salen",
            "rommet",
            "auditoriet",
            "aulaen",
            "møterom",
            "hallen",
            "huset",
            "kapellet",
            "kyrkja",
        ])
        .expect("a small static word list builds")
    });
    static VENUE_NAMES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(
                VENUE_WORDS
                    .iter()
                    .chain(HOTEL_BRANDS)
                    .chain(VENUE_ENDINGS)
                    .chain(&["hos ", "lokal"]),
            )
            .expect("a small static word list builds")
    });
    let mut places: Vec<String> = Vec::new();
    let texts = std::iter::once(title).chain(passages.iter().take(20).map(|p| p.text.as_str()));
    for text in texts {
        // A later meeting's venue ("Neste møte blir på …") is not this meeting's.
        let text = cut_at_next_meeting(text);
        for caps in captures_where(&HALL, text, HALL_WORDS.is_match(text)) {
            let Some(hall) = caps.get(1) else { continue };
            let gated = GATED_HALLS.iter().any(|e| hall.as_str().ends_with(e));
            if gated && !visit && !is_about_event(sentence_of(text, hall.start(), hall.end())) {
                continue;
            }
            push_place(&mut places, hall.as_str());
            if let Some(town) = caps.get(2) {
                push_place(&mut places, town.as_str());
            }
        }
        for caps in captures_where(&NAMED_VENUE, text, VENUE_NAMES.is_match(text)) {
            let (Some(preposition), Some(found)) = (caps.get(1), caps.get(2)) else {
                continue;
            };
            // A venue noun cut from a longer word ("Kvam kyrkjelydsfest") is none.
            if text[found.end()..].starts_with(char::is_alphabetic) {
                continue;
            }
            let venue = found.as_str();
            let words: Vec<&str> = venue.split_whitespace().collect();
            let sentence = sentence_of(text, found.start(), found.end());
            let before = word_before(text, preposition.start());
            let strong = words.iter().any(|w| VENUE_WORDS.contains(w))
                || words.first().is_some_and(|w| HOTEL_BRANDS.contains(w));
            // "Samarbeidsutvalet (SU) ved Hylestad skule", "FAU ved skulen": the body
            // of a school, not where it met.
            // "I Nes rådhus møtte dei …": a sentence may start with the preposition.
            let preposition_word = preposition.as_str().to_lowercase();
            let of_body = preposition_word == "ved"
                && (text[..preposition.start()].trim_end().ends_with(')')
                    || ["utvalet", "utvalg", "rådet", "styret", "laget", "fau"]
                        .iter()
                        .any(|e| before.ends_with(e)));
            let taken = match preposition_word.as_str() {
                _ if of_body => false,
                "hos" => sentence.to_lowercase().contains("besøk"),
                _ if strong => true,
                _ => {
                    (words.iter().any(|w| is_venue_word(w)) || before.starts_with("lokal"))
                        && (visit || is_about_event(sentence))
                        && !is_role_word(&before)
                }
            };
            if !taken {
                continue;
            }
            push_place(&mut places, venue);
            match caps.get(3) {
                Some(town) => push_place(&mut places, town.as_str()),
                // "Quality Hotell Ålesund": the town is in the hotel's name.
                None => {
                    if let Some(last) = words.last()
                        && words.len() > 2
                        && strong
                        && !VENUE_WORDS.contains(last)
                    {
                        push_place(&mut places, last);
                    } else if let Some(town) = town_after_address(&text[found.end()..]) {
                        push_place(&mut places, town);
                    }
                }
            }
        }
        // A visit's programme has a venue at each stop.
        if !places.is_empty() && !visit {
            break;
        }
    }
    places
}

/// "…, Sandplassen 1, Nordfjordeid.", "…, Molde": the town that ends the sentence
/// after a venue, past a street address.
fn town_after_address(rest: &str) -> Option<&str> {
    static ADDRESS_TOWN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"^,\s+(?:\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*)?\s+\d+\s?\p{L}?,\s+)?(\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?)\s*(?:[.!?\n"»]|$)"#)
            .expect("valid regex")
    });
    ADDRESS_TOWN
        .captures(rest)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
        .filter(|t| is_town_word(t))
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
        // The value is kept as written, one place.
        assert_eq!(find_places("", &p), ["Kommunehuset, kommunestyresalen"]);
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

    #[test]
    fn the_venue_a_visit_verb_takes_as_its_object() {
        let p = passages(&[(
            PassageKind::Paragraph,
            "Fylkesmannen vitja i dag Nordvik sjukeheim, og ho tok seg god tid.",
        )]);
        assert_eq!(find_places("", &p), ["Nordvik sjukeheim"]);
        let p = passages(&[(
            PassageKind::Paragraph,
            "Statsråden skal mellom anna besøke Kystsenteret, der han møter leiinga.",
        )]);
        assert_eq!(find_places("", &p), ["Kystsenteret"]);
        // A firm or a region visited names no building.
        let p = passages(&[(
            PassageKind::Paragraph,
            "Ministeren besøker Fjordlaks og Vestlandet denne veka.",
        )]);
        assert!(find_places("", &p).is_empty(), "{:?}", find_places("", &p));
    }

    #[test]
    fn named_venues_of_schools_churches_and_halls_in_event_sentences() {
        let p = passages(&[(
            PassageKind::Paragraph,
            "Laget heldt årsmøte i Bakketun barnehage tysdag 4. mars.",
        )]);
        assert_eq!(find_places("", &p), ["Bakketun barnehage"]);
        let p = passages(&[(
            PassageKind::Paragraph,
            "Sundag var det festgudsteneste i Vik kyrkje, og etterpå middag i Bryggestova i Vik.",
        )]);
        assert_eq!(find_places("", &p), ["Vik kyrkje", "Bryggestova", "Vik"]);
        let p = passages(&[(
            PassageKind::Paragraph,
            "Styret hadde møte på Ulvik barne- og ungdomsskule.",
        )]);
        assert_eq!(find_places("", &p), ["Ulvik barne- og ungdomsskule"]);
        let p = passages(&[(
            PassageKind::Paragraph,
            "Årsmøtet vart halde i Kraftlaget sitt møterom i Eidsvåg.",
        )]);
        assert_eq!(find_places("", &p), ["Kraftlaget sitt møterom", "Eidsvåg"]);
        // Not about the meeting, after a role, the body of a school, a longer word.
        for text in [
            "Borna går på Bakketun barnehage.",
            "Møtet samla rektor ved Nes skule, Kari Li.",
            "Møte i elevrådet ved Nes skule.",
            "Det var møte om Nes kyrkjelydsarbeid.",
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
    fn a_venue_at_the_start_of_a_sentence_and_cafes_and_museums() {
        for (text, want) in [
            (
                "Dei kom over fjellet. I Vikøy rådhus møtte dei ordføraren.",
                "Vikøy rådhus",
            ),
            ("På Bryggekafeen var det ope møte om vegen.", "Bryggekafeen"),
            ("Årsmøtet vart halde på Nesvik museum.", "Nesvik museum"),
            (
                "Ved Lia kloster var det gudsteneste for 300 frammøtte.",
                "Lia kloster",
            ),
        ] {
            let p = passages(&[(PassageKind::Paragraph, text)]);
            assert_eq!(find_places("", &p), [want], "{text}");
        }
        // A town at the start of a sentence is no venue; a café only mentioned is none.
        for text in [
            "I Vikøy er det mange hytter.",
            "På Bryggekafeen sel dei vaflar.",
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
    fn hotels_named_without_a_preposition() {
        let p = passages(&[(
            PassageKind::Paragraph,
            "Som vanleg var det Thon hotell Nesvik som tok imot laget denne helga.",
        )]);
        assert_eq!(find_places("", &p), ["Thon hotell Nesvik"]);
        let p = passages(&[
            (
                PassageKind::Paragraph,
                "Medlemene i Vik fann vegen til Lia Hotell der årsmøtet var.",
            ),
            (
                PassageKind::Paragraph,
                "Nes lokallag hadde sitt møte på Fjellro Hotel 3. mars.",
            ),
        ]);
        assert_eq!(find_places("", &p), ["Fjellro Hotel", "Lia Hotell"]);
        // A role at a hotel, and a later meeting's hotel, are not this meeting's.
        for text in [
            "Laget takka Kari Nes, dagleg leiar for Lia Hotell, for maten.",
            "Neste møte blir på Scandic Nesvik.",
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
    fn halls_by_their_ending_and_visits_at_a_firm() {
        let p = passages(&[(
            PassageKind::Paragraph,
            "Om lag 200 frammøtte fylte idrettshallen under opninga.",
        )]);
        assert!(find_places("", &p).is_empty());
        let p = passages(&[(
            PassageKind::Paragraph,
            "Dei 200 frammøtte i idrettshallen fekk høyre korpset.",
        )]);
        assert_eq!(find_places("", &p), ["idrettshallen"]);
        // "huset" is often only mentioned.
        let p = passages(&[(PassageKind::Paragraph, "I helsehuset er det tre legar.")]);
        assert!(find_places("", &p).is_empty());
        let p = passages(&[(
            PassageKind::Paragraph,
            "Ministeren held fram med bedriftsbesøk hos Fjordline Verft i Stryn.",
        )]);
        assert_eq!(find_places("", &p), ["Fjordline Verft", "Stryn"]);
        let p = passages(&[(
            PassageKind::Paragraph,
            "Han har kontor hos Fjordline Verft.",
        )]);
        assert!(find_places("", &p).is_empty());
    }

    #[test]
    fn the_town_after_a_venue_and_its_address() {
        let p = passages(&[(
            PassageKind::Paragraph,
            "Møtet blir halde på Fjordtun Hotell, Strandvegen 12, Stryn. Alle er velkomne.",
        )]);
        assert_eq!(find_places("", &p), ["Fjordtun Hotell", "Stryn"]);
        assert_eq!(town_after_address(", Volda."), Some("Volda"));
        assert_eq!(town_after_address(", Volda og Ørsta."), None);
        assert_eq!(town_after_address(", Fylkeshuset."), None);
    }

    #[test]
    fn sentences_do_not_end_at_dates() {
        let text = "Møtet var 3. februar 2009 i Matstova. Så kom kaffi.";
        let at = text.find("Matstova").unwrap();
        assert_eq!(
            sentence_of(text, at, at + 8),
            "Møtet var 3. februar 2009 i Matstova"
        );
    }

    #[test]
    fn a_visit_keeps_its_towns_beside_its_venues() {
        let p = passages(&[
            (
                PassageKind::Paragraph,
                "Måndag kjem fiskeriministeren til Måløy. Dagen startar med bedriftsbesøk hos Kystlaks i Måløy.",
            ),
            (
                PassageKind::Paragraph,
                "Deretter går turen vidare til Nordfjordeid.",
            ),
            (
                PassageKind::Paragraph,
                "Han helsar på dei tilsette i Rådhuset i Eid.",
            ),
        ]);
        assert_eq!(
            find_places("", &p),
            ["Kystlaks", "Måløy", "Rådhuset", "Eid", "Nordfjordeid"]
        );
        // A meeting with a venue does not add the towns of its sentences.
        let p = passages(&[(
            PassageKind::Paragraph,
            "Årsmøtet vart halde på Fjordtun Hotell. Neste år kjem laget til Stryn.",
        )]);
        assert_eq!(find_places("", &p), ["Fjordtun Hotell"]);
    }

    #[test]
    fn towns_by_another_and_at_the_end_of_a_headline() {
        let p = passages(&[(
            PassageKind::Paragraph,
            "Landsmøtet vart halde på Lysaker ved Oslo i juni.",
        )]);
        assert_eq!(find_places("", &p), ["Lysaker", "Oslo"]);
        let p = passages(&[(PassageKind::Paragraph, "Rektor orienterte styret.")]);
        assert_eq!(find_places("Styremøte 3.3.2022, Volda", &p), ["Volda"]);
        assert_eq!(title_town("Nytt frå skulen, Volda"), None);
        assert_eq!(title_town("Styremøte 3. mars, Kari Nes og Ola Li"), None);
    }

    #[test]
    fn the_place_right_after_an_event() {
        let passages = |texts: &[&str]| -> Vec<Passage> {
            texts
                .iter()
                .map(|t| Passage::new(PassageKind::Paragraph, *t))
                .collect()
        };
        assert_eq!(
            event_places(&passages(&[
                "Etter gudstenesta blir det kyrkjekaffi og festmiddag på Nordtunet.",
                "Jubileumskonserten var i Storstova, og Kari Nes song.",
            ])),
            ["Nordtunet", "Storstova"]
        );
        // A month, a person or a later meeting is no place of this event.
        assert!(
            event_places(&passages(&[
                "Festen i Mai var fin. Middag i Kari sitt hus. Neste møte: fest på Vangen."
            ]))
            .is_empty()
        );
        // Beside the church the named venue gives.
        assert_eq!(
            find_places(
                "",
                &passages(&[
                    "Jubileumsgudstenesta vart halden i kapellet. Så var det jubileumsmiddag på Nordtunet."
                ])
            ),
            ["kapellet", "Nordtunet"]
        );
    }
}
