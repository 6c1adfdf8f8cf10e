//! Names: which capitalised runs are people, and which spellings are one person.

use std::sync::LazyLock;

use memchr::memmem;
use regex::Regex;
use rustc_hash::FxHashSet;

use super::Mention;
use crate::report::{Passage, Person};

// Given names (`GIVEN_NAMES`, from `data/given_names.txt`), compiled by the build
// script.
include!(concat!(env!("OUT_DIR"), "/given_names.rs"));

/// A run of capitalised words (and initials) separated by single spaces.
static CAPITALISED_RUN: LazyLock<Regex> = LazyLock::new(|| {
    let word = r"(?:\p{Lu}[\p{Ll}\p{Lu}'’]*(?:-\p{Lu}\p{Ll}+)*\.?)";
    Regex::new(&format!(r"{word}(?:[ \t]+{word})*")).expect("valid regex")
});

/// Capitalised words that end a name: they belong to what follows it.
const NOT_NAME_WORDS: &[&str] = &[
    "To",
    "Av",
    "Om",
    "Ved",
    "For",
    "Som",
    "Ein",
    "Eit",
    "Ei",
    "Tre",
    "Fire",
    "Fem",
    "Dag",
    "Foto",
    "Kommune",
    "Kommunane",
    "Helse",
    "Sjukehus",
    "Sykehus",
    "HF",
    "AS",
    "IKS",
    "SA",
    "Universitet",
    "Høgskule",
    "Januar",
    "Februar",
    "Mars",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Desember",
    "Måndag",
    "Tysdag",
    "Onsdag",
    "Torsdag",
    "Fredag",
    "Laurdag",
    "Sundag",
    "Mandag",
    "Tirsdag",
    "Lørdag",
    "Søndag",
    "Han",
    "Ho",
    "Hun",
    "Dei",
    "De",
    "Det",
    "Den",
    "Og",
    "I",
    "På",
    "Frå",
    "Fra",
    "Til",
    "Med",
    "Sak",
];

/// Whether `word` is one of `NOT_NAME_WORDS`: asked of every capitalised word in a
/// run of two or more.
fn is_not_name_word(word: &str) -> bool {
    static WORDS: LazyLock<FxHashSet<&'static str>> =
        LazyLock::new(|| NOT_NAME_WORDS.iter().copied().collect());
    WORDS.contains(word)
}

/// Words after a name that make it the name of a place or institution ("Olav Duun
/// vidaregåande skule", "Ivar Aasen-tunet", "Quality Hotel Edvard Grieg").
fn names_an_institution(capitalised_before: &[&str], after: &str) -> bool {
    const INSTITUTION_WORDS: &[&str] = &[
        "vidaregåande",
        "videregående",
        "skule",
        "skole",
        "gymnas",
        "senter",
        "senteret",
        "minnehall",
        "plass",
        "gate",
        "gata",
        "veg",
        "vegen",
        "vei",
        "veien",
        "museum",
        "stadion",
        "hall",
        "hallen",
        "kyrkje",
        "kirke",
        "stiftelse",
        "fond",
        "hotell",
        "hotel",
    ];
    if after.starts_with('-') {
        return true;
    }
    let next = after
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let hotel_before = capitalised_before.iter().any(|w| {
        matches!(
            *w,
            "Hotel" | "Hotell" | "Scandic" | "Quality" | "Thon" | "Clarion"
        )
    });
    hotel_before || INSTITUTION_WORDS.contains(&next.as_str())
}

/// A photo credit to an agency or archive, not a photographer ("NTB Scanpix",
/// "Adobe Stock").
fn is_agency(words: &[&str]) -> bool {
    const AGENCY_WORDS: &[&str] = &[
        "Stock",
        "Museum",
        "Scanpix",
        "Media",
        "Foto",
        "Arkiv",
        "Bilder",
        "Images",
        "Photo",
        "Kommune",
        "Fylkeskommune",
        "Biletarkiv",
        "Bildearkiv",
        "Pressefoto",
        "Illustrasjon",
    ];
    words.iter().any(|w| {
        w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    }) || words.last().is_some_and(|w| AGENCY_WORDS.contains(w))
}

/// Byte ranges of full names in `text`.
pub(super) fn full_names(text: &str) -> Vec<(usize, usize)> {
    let mut names = Vec::new();
    for run in CAPITALISED_RUN.find_iter(text) {
        // A name has two words at least; most runs are one word opening a sentence.
        if !run.as_str().contains([' ', '\t']) {
            continue;
        }
        let words: Vec<(usize, &str)> = split_words(run.as_str())
            .into_iter()
            .map(|(at, w)| (run.start() + at, w))
            .collect();
        let mut i = 0;
        while i < words.len() {
            let credited = text[..words[i].0].trim_end().ends_with("Foto:");
            let organisation_word =
                is_not_name_word(words[i].1) && !given_name_not_date(text, &words, i);
            if organisation_word || !(is_given_name(words[i].1) || credited) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            // "Hareide." ends the sentence, and the name with it: so does "Åshild.".
            while j < words.len() && is_name_word(words[j].1) && !ends_sentence(words[j - 1].1) {
                let then = words.get(j + 1).map(|(_, w)| *w);
                if ends_run_together_name(&words[i..j], words[j].1, then) {
                    break;
                }
                j += 1;
            }
            // An initial cannot end a name: "Leni A." is not a whole name. A bare
            // letter after given names only can: "Jon Steinar M", "Toralf G".
            while j > i + 1
                && (is_initial(words[j - 1].1)
                    || is_bare_initial(words[j - 1].1)
                        && !words[i..j - 1]
                            .iter()
                            .all(|(_, w)| is_given_name(w) || is_any_initial(w)))
            {
                j -= 1;
            }
            // "Grethe Nes Oslo kommune": the last word is the place of the body after.
            if j >= i + 3 && names_a_body(&text[words[j - 1].0 + words[j - 1].1.len()..]) {
                j -= 1;
            }
            if j >= i + 2 {
                let (start, last) = (words[i].0, words[j - 1]);
                let start = start - hyphen_part_before(text, start, words[i].1);
                let end = last.0 + last.1.trim_end_matches('.').len();
                let end = if is_initial(last.1) {
                    last.0 + last.1.len()
                } else {
                    end
                };
                let name_words: Vec<&str> = words[i..j].iter().map(|(_, w)| *w).collect();
                let after = &text[end..];
                let before: Vec<&str> = words[..i].iter().map(|(_, w)| *w).collect();
                let institution = names_an_institution(&before, after);
                let agency = credited && !is_given_name(words[i].1) && is_agency(&name_words);
                if !institution && !agency {
                    names.push((start, end + generation_after(after)));
                }
                i = j;
            } else {
                i += 1;
            }
        }
    }
    drop_column_values(text, &mut names);
    names
}

/// The length of the first part of a double given name the line broke after its
/// hyphen ("Anne-\nGrete", "Anne- Grete") before the name at `start`, or 0.
fn hyphen_part_before(text: &str, start: usize, given: &str) -> usize {
    let before = text[..start].trim_end();
    let Some(part_end) = before.strip_suffix('-') else {
        return 0;
    };
    if before.len() == start {
        return 0;
    }
    let part_start = part_end
        .rfind(|c: char| !c.is_alphabetic())
        .map_or(0, |at| {
            at + part_end[at..].chars().next().map_or(1, char::len_utf8)
        });
    let part = &part_end[part_start..];
    if is_given_name(part) && is_given_name(&format!("{part}-{given}")) {
        start - part_start
    } else {
        0
    }
}

/// A name as a person is called: a double given name the line broke after its hyphen
/// is joined again ("Anne- Grete Lid" is "Anne-Grete Lid").
pub(super) fn name_as_written(raw: &str) -> String {
    let mut name = String::with_capacity(raw.len());
    let mut after_hyphen = false;
    for c in raw.chars() {
        if after_hyphen && c.is_whitespace() {
            continue;
        }
        after_hyphen = c == '-';
        name.push(c);
    }
    name
}

/// The length of "jr." or "sr." right after a name: it is part of it ("Alf Olsen
/// jr.").
fn generation_after(after: &str) -> usize {
    [" jr.", " sr.", " d.y.", " d.e."]
        .iter()
        .find(|suffix| after.starts_with(**suffix))
        .map_or(0, |suffix| suffix.len())
}

/// Drops the word a table's next column ran into several names: "Jon Vik Radøy SP
/// Medlem Kari Lie Dal Radøy AP Medlem" has "Radøy" after two surnames, each time
/// before another cell. A surname two people share ("Kari Nes Berg og Ola Lid
/// Berg") is not followed by a cell, and one person named twice is one name.
fn drop_column_values(text: &str, names: &mut [(usize, usize)]) {
    if names.len() < 2 {
        return;
    }
    // Each name that could end in a cell, as (name before the cell, cell): after a
    // surname, before a capitalised word.
    let cell = |&(start, end): &(usize, usize)| -> Option<(&str, &str)> {
        let words = split_words(&text[start..end]);
        let [.., (_, before), (at, last)] = words[..] else {
            return None;
        };
        let next_capital = text[end..]
            .trim_start()
            .starts_with(|c: char| c.is_uppercase());
        let after_surname = words.len() >= 3 && !is_given_name(before) && !is_any_initial(before);
        let rest = text[start..start + at].trim_end();
        (after_surname && next_capital).then_some((rest, last))
    };
    let cells: Vec<Option<(&str, &str)>> = names.iter().map(cell).collect();
    for (k, name) in names.iter_mut().enumerate() {
        let Some((rest, word)) = cells[k] else {
            continue;
        };
        let other_name = cells
            .iter()
            .flatten()
            .any(|(other, w)| *w == word && *other != rest);
        if other_name {
            name.1 = name.0 + rest.len();
        }
    }
}

/// Adds the people named by a given name or a surname alone (see
/// `given_names_alone` and `surnames_alone`), with their mentions; `mentions` holds
/// the full names.
pub(super) fn link_names_alone(
    passages: &[Passage],
    people: &mut Vec<Person>,
    mentions: &mut Vec<Mention>,
) {
    for (index, passage) in passages.iter().enumerate() {
        let full: Vec<(usize, usize)> = mentions
            .iter()
            .filter(|m| m.passage == index)
            .map(|m| (m.start, m.end))
            .collect();
        let given = given_names_alone(&passage.text, &full)
            .into_iter()
            .map(|span| {
                (
                    span,
                    merge_given_name(people, &passage.text[span.0..span.1]),
                )
            });
        let given: Vec<_> = given.collect();
        let surnames: Vec<_> = surnames_alone(&passage.text)
            .into_iter()
            .map(|span| (span, new_surname(people, &passage.text[span.0..span.1])))
            .collect();
        for ((start, end), person) in given.into_iter().chain(surnames) {
            let Some(person) = person else { continue };
            people[person].passages.push(index);
            let full = false;
            mentions.push(Mention {
                passage: index,
                start,
                end,
                person,
                full,
            });
        }
    }
}

/// Byte ranges of surnames standing alone for a person no full name gives, after a
/// verb of saying that closes a quote ("…, sa Sande.", "– seier Myrseth."): news
/// reports name a speaker so once the quote is over.
fn surnames_alone(text: &str) -> Vec<(usize, usize)> {
    const SAYING: &[&str] = &[
        "sa",
        "seier",
        "sier",
        "fortel",
        "fortalde",
        "forteller",
        "fortalte",
        "meiner",
        "mener",
        "understrekar",
        "understreker",
        "legg til",
    ];
    let mut found = Vec::new();
    // Most passages quote no one: no pass over their capitalised words then.
    if !SAYING.iter().any(|verb| {
        memmem::find_iter(text.as_bytes(), verb.as_bytes()).any(|at| {
            text.as_bytes().get(at + verb.len()) == Some(&b' ')
                && text[..at].ends_with(char::is_whitespace)
        })
    }) {
        return found;
    }
    for run in CAPITALISED_RUN.find_iter(text) {
        let word = run.as_str().trim_end_matches('.');
        let start = run.start();
        if word.contains([' ', '\t'])
            || !is_name_word(word)
            || is_given_name(word)
            || is_layout_word(word)
            || word.chars().count() < 3
        {
            continue;
        }
        let after = &text[start + word.len()..];
        let ends_phrase = after.is_empty() || after.starts_with([',', '.', ';', ':', '!', '?']);
        let before = text[..start].trim_end();
        let said = ends_phrase
            && SAYING.iter().any(|verb| {
                before.strip_suffix(verb).is_some_and(|rest| {
                    let rest = rest.trim_end();
                    rest.ends_with([',', '–', '-', '»', '"'])
                })
            });
        if said {
            found.push((start, start + word.len()));
        }
    }
    found
}

/// A new person of surname `surname` alone, unless someone has that surname (the
/// surname is then theirs, see `link_surnames`) or it is their first name.
fn new_surname(people: &mut Vec<Person>, surname_alone: &str) -> Option<usize> {
    let known = people
        .iter()
        .any(|p| surname(&p.name) == surname_alone || first_name(&p.name) == surname_alone);
    if known {
        return None;
    }
    people.push(Person {
        name: surname_alone.to_string(),
        variants: Vec::new(),
        roles: Vec::new(),
        actions: Vec::new(),
        passages: Vec::new(),
    });
    Some(people.len() - 1)
}

/// Byte ranges of given names standing alone in a list with other names ("Kåre og
/// Marianne", "Tilstades: Liv K, Kjell, Ola og Åshild") or as a label's value
/// ("Referent: Berta."): minutes of small boards name their members by first name. `full` are the full names of `text`. A given
/// name that is also a word ("Liv", "Dag", "Stein") or alone beside other words is
/// not taken.
fn given_names_alone(text: &str, full: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    for run in CAPITALISED_RUN.find_iter(text) {
        // One word between sentence ends: "Torunn. Valt" is two sentences.
        let mut previous_ended = true;
        let run_words = split_words(run.as_str());
        for (k, &(at, word)) in run_words.iter().enumerate() {
            let ends = ends_sentence(word);
            let next_starts = k + 1 == run_words.len() || ends;
            if previous_ended && next_starts {
                let start = run.start() + at;
                words.push((start, start + word.trim_end_matches('.').len()));
            }
            previous_ended = ends;
        }
    }
    let alone: Vec<(usize, usize)> = words
        .into_iter()
        .filter(|&(start, end)| {
            let word = &text[start..end];
            is_given_name(word)
                && !is_not_name_word(word)
                && word.chars().count() >= 3
                && !crate::analysis::stem::is_nynorsk_word(&word.to_lowercase())
        })
        .collect();
    if alone.is_empty() {
        return alone;
    }
    let mut spans: Vec<(usize, usize, bool)> = full
        .iter()
        .map(|&(s, e)| (s, e, false))
        .chain(alone.iter().map(|&(s, e)| (s, e, true)))
        .collect();
    spans.sort_unstable();
    // "og" joins two names; a comma only a name that ends an item in turn ("Frode
    // Lid, Oddleiv avklarer" is a clause).
    let ends_item = |end: usize| {
        let line_ends = text[end..]
            .trim_start_matches([' ', '\t'])
            .starts_with(['\n', '\r']);
        let after = text[end..].trim_start();
        line_ends
            || after.is_empty()
            || after.starts_with([',', '.', ';', ':', ')'])
            || after.starts_with("og ")
    };
    // "Referent: Berta": a label's one value.
    let labelled = |(start, end, _): (usize, usize, bool)| {
        let before = text[..start].trim_end();
        before
            .strip_suffix(':')
            .is_some_and(|label| label.trim_end().ends_with(char::is_alphabetic))
            && ends_item(end)
    };
    let joined = |a: (usize, usize, bool), b: (usize, usize, bool)| {
        a.1 <= b.0
            && match text[a.1..b.0].trim() {
                "og" | "&" | ", og" => true,
                "," => ends_item(b.1) && ends_item(a.1),
                _ => false,
            }
    };
    (0..spans.len())
        .filter(|&k| spans[k].2)
        .filter(|&k| {
            labelled(spans[k])
                || (k > 0 && joined(spans[k - 1], spans[k]))
                || spans.get(k + 1).is_some_and(|&next| joined(spans[k], next))
        })
        .map(|k| (spans[k].0, spans[k].1))
        .collect()
}

/// The one person whose first name `given` is, or a new person of that name; `None`
/// when two people have it.
fn merge_given_name(people: &mut Vec<Person>, given: &str) -> Option<usize> {
    let mut same = people
        .iter()
        .enumerate()
        .filter(|(_, p)| first_name(&p.name) == given);
    match (same.next(), same.next()) {
        (Some((index, _)), None) => Some(index),
        (None, _) => {
            people.push(Person {
                name: given.to_string(),
                variants: Vec::new(),
                roles: Vec::new(),
                actions: Vec::new(),
                passages: Vec::new(),
            });
            Some(people.len() - 1)
        }
        _ => None,
    }
}

/// Whether `next` starts something new after the name words `so_far`: a title
/// ("… Vik Rådmann Harald …") or, after a surname, another given name ("Astrid
/// Farestveit Selsvold Kari Weltzien Vik"): the text layer of a PDF table runs the
/// names of a column together without commas.
///
/// A given name after a surname starts a new name only when a surname follows it
/// (`then`): "Ingrid Lode Anda." and "Kari Lode Reidar 2 år" are one person each.
/// After a surname, a heading or form label of the layout ("… Vik Merknader",
/// "Saksbehandlar: Kari Vik Dato:") ends the name as well.
fn ends_run_together_name(so_far: &[(usize, &str)], next: &str, then: Option<&str>) -> bool {
    let Some(&(_, last)) = so_far.last() else {
        return false;
    };
    let bare = next.trim_end_matches('.');
    let after_surname = so_far.len() >= 2 && !is_given_name(last) && !is_any_initial(last);
    // A capital letter after a surname is a mark or a party ("Vik X", "Vik H").
    let mark = is_bare_initial(next)
        && so_far
            .iter()
            .any(|(_, w)| !is_given_name(w) && !is_any_initial(w));
    let new_name = is_given_name(bare)
        && !next.ends_with('.')
        && then.is_some_and(|w| is_name_word(w) && !is_any_initial(w));
    // "Ragnvald" is a given name, though "-vald" ends roles too.
    let role = super::roles::is_role_word(bare) && !is_given_name(bare);
    mark || role || (after_surname && (new_name || is_layout_word(bare)))
}

/// Words of a report's layout that the text layer of a PDF runs into the name
/// before them: form labels ("Dato:", "Arkiv:", "Underskrifter:"), table headings
/// ("Merknader", "Kommentarar", "Permisjon"), words opening the sentence after a
/// lost full stop ("Deretter", "Dersom", "Orienterte"), and bodies named after the
/// name ("… Koordineringsgruppen:", "… Styret"). None of them is a surname.
fn is_layout_word(word: &str) -> bool {
    const LAYOUT_WORDS: &[&str] = &[
        "Dato",
        "Møtedato",
        "Tid",
        "Arkiv",
        "Arkivkode",
        "Arkivsak",
        "Arkivsaksnr",
        "Journalpost",
        "JournalpostID",
        "Objekt",
        "Saksnr",
        "Saknr",
        "Sakliste",
        "Saksliste",
        "Saksframlegg",
        "Saksfremlegg",
        "Vedlegg",
        "Kopi",
        "Tema",
        "Underskrift",
        "Underskrifter",
        "Underskrifta",
        "Forfall",
        "Fråfall",
        "Frafall",
        "Permisjon",
        "Merknad",
        "Adresse",
        "Postadresse",
        "Side",
        "Sign",
        "Signatur",
        "Ref",
        "Referat",
        "Protokoll",
        "Innkalling",
        "Saksutgreiing",
        "Saksopplysningar",
        "Bakgrunn",
        "Vurdering",
        "Konklusjon",
        "Forslag",
        "Framlegg",
        "Tilråding",
        "Uttale",
        "Melding",
        "Meldingar",
        "Referatsaker",
        "Eventuelt",
        "Diverse",
        "Ymse",
        "Open",
        "Ope",
        "Lukka",
        "Unnateke",
        "Klokka",
        "Start",
        "Slutt",
        "Møtestart",
        "Møteslutt",
        "Røysting",
        "Votering",
        "Vedteke",
        "Vedtatt",
        "Avgjerd",
        "Fråverande",
        "Fravær",
        "Dagsorden",
        "Møtestad",
        "Møtested",
        "Emne",
        "Tittel",
        "Program",
        "Agenda",
        "Innhald",
        "Innhold",
        "Etter",
        "Etterpå",
        "Vidare",
        "Videre",
        "Også",
        "Men",
        "Når",
        "Då",
        "Så",
        "Vi",
        "Me",
        "Eg",
        "Jeg",
        "Alle",
        "Dette",
        "Denne",
        "Desse",
        "Disse",
        "Her",
        "Der",
        "Elles",
        "Ellers",
        "Samtidig",
        "Merknader",
        "Merknadar",
        "Kommentar",
        "Kommentarar",
        "Kommentarer",
        "Handsaming",
        "Behandling",
        "Godkjenning",
        "Godkjent",
        "Vedtak",
        "Innstilling",
        "Orientering",
        "Orienterte",
        "Orienterer",
        "Publisert",
        "Oppdatert",
        "Endra",
        "Endret",
        "Prosjekt",
        "Parti",
        "Tlf",
        "Telefon",
        "Mobil",
        "Epost",
        "E-post",
        "Tilstades",
        "Tilstede",
        "Møtte",
        "Varamedl",
        "Varamedlem",
        "Varamedlemer",
        "Varamedlemmer",
        "Deretter",
        "Dersom",
        "Derfor",
        "Difor",
        "Samrøystes",
        "Enstemmig",
        "Utval",
        "Utvalg",
    ];
    static WORDS: LazyLock<FxHashSet<&'static str>> =
        LazyLock::new(|| LAYOUT_WORDS.iter().copied().collect());
    WORDS.contains(word) || is_body_word(word) || is_inflected_common_word(word)
}

/// A body's name, not a surname: "Styringsgruppa", "Soknerådet", "Eldreråd".
fn is_body_word(word: &str) -> bool {
    const BODY_ENDINGS: &[&str] = &[
        "gruppa",
        "gruppen",
        "gruppe",
        "styret",
        "nemnda",
        "nemnd",
        "råd",
        "rådet",
        "utvalet",
        "utvalget",
        "sekretariatet",
    ];
    BODY_ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Endings of verbs and nouns a lost full stop runs into a name, which no surname
/// has: "Orienterte", "Presenterer", "Informasjon", "Konstituering", "Publisert".
fn is_inflected_common_word(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "erte", "erer", "isert", "sjon", "sjonar", "sjonen", "ering", "eringa", "ingar", "ingane",
    ];
    ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Whether the text after a name goes on with the body a place names ("… Oslo
/// kommune", "… Akershus fylkeskommune"): the word before it is then the place.
fn names_a_body(after: &str) -> bool {
    let next = after.split_whitespace().next().unwrap_or_default();
    let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    matches!(
        next,
        "kommune" | "kommunes" | "fylkeskommune" | "fylke" | "herad" | "sokn" | "prosti"
    )
}

/// Whether words[i], a given name that is also a month or a common word ("Mai",
/// "Dag", "August"), starts a name here: a name word follows, and no day number
/// stands before it ("1. Mai").
fn given_name_not_date(text: &str, words: &[(usize, &str)], i: usize) -> bool {
    let (at, word) = words[i];
    let date = text[..at]
        .trim_end()
        .trim_end_matches('.')
        .ends_with(|c: char| c.is_ascii_digit());
    is_given_name(word)
        && !date
        && words
            .get(i + 1)
            .is_some_and(|(_, next)| is_name_word(next) && !is_any_initial(next))
}

pub(super) fn split_words(run: &str) -> Vec<(usize, &str)> {
    // Room for a clause's words at once, rather than growing four times.
    let mut words = Vec::with_capacity(16);
    let mut start = None;
    for (i, c) in run.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                words.push((s, &run[s..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        words.push((s, &run[s..]));
    }
    words
}

pub(super) fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// A word with the full stop of a sentence: not an initial's.
fn ends_sentence(word: &str) -> bool {
    word.ends_with('.') && !is_initial(word)
}

/// A capital letter standing for a name without its full stop ("Gunhild N Hagane",
/// "Toralf G"). "I" and "Å" are words.
fn is_bare_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase() && c != 'I' && c != 'Å')
}

fn is_any_initial(word: &str) -> bool {
    is_initial(word) || is_bare_initial(word)
}

pub(crate) fn is_given_name(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    GIVEN_NAMES.contains(word)
        || word.split('-').all(|part| GIVEN_NAMES.contains(part)) && word.contains('-')
}

/// A word that can continue a name: a capitalised word that is not an
/// organisation word or a month, and not in capitals ("HMR").
///
/// A capital after small letters makes an abbreviation ("KrF", "SamAk"), not a name;
/// after a hyphen or apostrophe it starts a part of the name ("Strøm-Erichsen").
fn is_name_word(word: &str) -> bool {
    if is_any_initial(word) {
        return true;
    }
    let bare = word.trim_end_matches('.');
    if is_not_name_word(bare) {
        return false;
    }
    let mut chars = bare.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let rest_lower = bare.chars().skip(1).any(char::is_lowercase);
    let mut previous = ' ';
    let camel = bare.chars().skip(1).any(|c| {
        let inner_capital = c.is_uppercase() && previous.is_lowercase();
        previous = c;
        inner_capital
    });
    first_upper && rest_lower && !camel && bare.chars().count() >= 2 && !is_body_word(bare)
}

fn surname(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or(name)
}

fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// Adds `name` to the person it belongs to (same first name and surname, middle
/// names compatible), or as a new person. Returns the person's index.
pub(super) fn merge_person(people: &mut Vec<Person>, name: &str) -> usize {
    let words: Vec<&str> = name.split_whitespace().collect();
    for (index, person) in people.iter_mut().enumerate() {
        let known: Vec<&str> = person.name.split_whitespace().collect();
        let full = initials_for_surname(&known, &words) || given_names_of(&known, &words);
        let spelled_apart = spelled_apart(&known, &words);
        if full
            || spelled_apart
            || initials_for_surname(&words, &known)
            || given_names_of(&words, &known)
        {
            let other = if full {
                std::mem::replace(&mut person.name, name.to_string())
            } else {
                name.to_string()
            };
            if other != person.name && !person.variants.contains(&other) {
                person.variants.push(other);
            }
            return index;
        }
        if first_name(&person.name) != words[0] || surname(&person.name) != surname(name) {
            continue;
        }
        if !middles_compatible(&known[1..known.len() - 1], &words[1..words.len() - 1]) {
            continue;
        }
        if person.name != name {
            // The fuller spelling becomes the name; the other is a variant.
            let fuller = name.len() > person.name.len() && !name.contains(". ");
            let other = if fuller {
                std::mem::replace(&mut person.name, name.to_string())
            } else {
                name.to_string()
            };
            if !person.variants.contains(&other) {
                person.variants.push(other);
            }
        }
        return index;
    }
    people.push(Person {
        name: name.to_string(),
        variants: Vec::new(),
        roles: Vec::new(),
        actions: Vec::new(),
        passages: Vec::new(),
    });
    people.len() - 1
}

/// Whether `short` is `full` with its surname (and any middle name) given as
/// capital letters after the given names: "Liv K" of "Liv Kvam", "Paal F" of "Paal
/// J. Fostad", "Hege E" of "Hege Eide Vik", "Laila K B" of "Laila Berg".
fn initials_for_surname(short: &[&str], full: &[&str]) -> bool {
    let given = short.iter().take_while(|w| is_given_name(w)).count();
    let letters = &short[given..];
    let (Some(first), Some(last)) = (letters.first(), letters.last()) else {
        return false;
    };
    if given == 0 || !letters.iter().all(|w| is_bare_initial(w)) || full.len() <= given {
        return false;
    }
    let starts = |word: &str, letter: &str| word.starts_with(letter);
    full[..given] == short[..given]
        && !is_any_initial(full[full.len() - 1])
        && (starts(full[given], first) || starts(full[full.len() - 1], last))
}

/// Whether `short` is the given names alone of `full` ("Karl Inge" of "Karl Inge
/// Lid"): two given names at least, so that one first name does not take a person.
fn given_names_of(short: &[&str], full: &[&str]) -> bool {
    short.len() >= 2
        && full.len() > short.len()
        && short.iter().all(|w| is_given_name(w))
        && full.starts_with(short)
}

/// Whether two names are one person's spelled apart: a hyphen for a space
/// ("Hans-Erik"), "aa" for "å", one letter mistyped or lost ("Katrin"/"Kathrin",
/// "Walseth"/"Walsetk", "Code"/"Codes"), or a surname cut off at the end of a text
/// ("Skråm" of "Skråmestø"). Short words must be equal: "Ola"/"Ole" and
/// "Nes"/"Ness" are other people; so are first names under seven letters
/// ("Marit"/"Marie").
fn spelled_apart(a: &[&str], b: &[&str]) -> bool {
    let fold = |w: &str| w.to_lowercase().replace("aa", "å");
    let joined = |words: &[&str]| fold(&words.join(" ").replace('-', " "));
    if joined(a) == joined(b) {
        return true;
    }
    if a.len() != b.len() || a.len() < 2 {
        return false;
    }
    let differing: Vec<usize> = (0..a.len()).filter(|&k| a[k] != b[k]).collect();
    let [k] = differing[..] else {
        return false;
    };
    let (x, y) = (fold(a[k]), fold(b[k]));
    let shorter = x.chars().count().min(y.chars().count());
    let cut_off = k == a.len() - 1 && shorter >= 4 && (x.starts_with(&y) || y.starts_with(&x));
    let least = if k == 0 { 7 } else { 4 };
    cut_off || shorter >= least && one_edit_apart(&x, &y)
}

/// Whether one letter changed, added or dropped turns `a` into `b`.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        short.get(prefix + 1..) == long.get(prefix + 1..)
    } else {
        short.get(prefix..) == long.get(prefix + 1..)
    }
}

/// "A." matches "Aurora"; no middle name matches any; a middle initial one spelling
/// lacks is allowed ("Linn Sofie S. Nes" and "Linn Sofie Nes").
fn middles_compatible(a: &[&str], b: &[&str]) -> bool {
    if a.is_empty() || b.is_empty() {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < long.len() {
        let named: Vec<&str> = long
            .iter()
            .copied()
            .filter(|w| !is_any_initial(w))
            .collect();
        return named == short;
    }
    a.iter().zip(b).all(|(x, y)| {
        let (x, y) = (x.trim_end_matches('.'), y.trim_end_matches('.'));
        x == y || x.starts_with(y) || y.starts_with(x)
    })
}

/// Links surnames used alone ("Røyset kom med …") to the one person who has that
/// surname; ambiguous surnames are left alone.
pub(super) fn link_surnames(
    passages: &[Passage],
    people: &mut [Person],
    mentions: &mut Vec<Mention>,
) {
    let surnames: Vec<(usize, String)> = people
        .iter()
        .enumerate()
        .map(|(i, p)| (i, surname(&p.name).to_string()))
        .collect();
    for (person, name) in &surnames {
        if surnames.iter().filter(|(_, s)| s == name).count() > 1 {
            continue;
        }
        // One searcher per surname for all the passages.
        let finder = memmem::Finder::new(name);
        for (index, passage) in passages.iter().enumerate() {
            for (start, end) in whole_word_matches(&passage.text, &finder) {
                let inside_full = mentions
                    .iter()
                    .any(|m| m.passage == index && m.start <= start && end <= m.end);
                if inside_full {
                    continue;
                }
                mentions.push(Mention {
                    passage: index,
                    start,
                    end,
                    person: *person,
                    full: false,
                });
                people[*person].passages.push(index);
                if people[*person].name != *name && !people[*person].variants.contains(name) {
                    people[*person].variants.push(name.clone());
                }
            }
        }
    }
}

/// Where `word` occurs in `text` as a whole word.
fn whole_word_matches(text: &str, word: &memmem::Finder<'_>) -> Vec<(usize, usize)> {
    let len = word.needle().len();
    word.find_iter(text.as_bytes())
        .filter(|at| {
            let before = text[..*at].chars().next_back();
            let after = text[at + len..].chars().next();
            let next_word = text[at + len..]
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .trim_matches(|c: char| !c.is_alphanumeric());
            let place = matches!(
                next_word,
                "kommune"
                    | "fylkeskommune"
                    | "sjukehus"
                    | "sykehus"
                    | "kyrkje"
                    | "kirke"
                    | "skule"
                    | "skole"
                    | "hamn"
                    | "havn"
                    | "stasjon"
                    | "sokn"
                    | "prestegjeld"
            );
            !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric)
                && !place
        })
        .map(|at| (at, at + len))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        full_names(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn layout_words_after_a_surname_end_the_name() {
        assert_eq!(
            names("Saksbehandlar: Kari Lunde Vik Dato: 12.03.2019 Arkiv: 033"),
            ["Kari Lunde Vik"]
        );
        assert_eq!(
            names("sekretær Ola Brekke Underskrifter: Per Lid Merknader / vara"),
            ["Ola Brekke", "Per Lid"]
        );
        assert_eq!(
            names("Forfall: Nils Haug Varamedl.: Siri Dal Forfall: Geir Rød Orienterte om saka"),
            ["Nils Haug", "Siri Dal", "Geir Rød"]
        );
        assert_eq!(
            names("Gruppa: Anne Sæle Styringsgruppa: Tor Eide"),
            ["Anne Sæle", "Tor Eide"]
        );
        assert_eq!(
            names("Tor Eide Presenterte planen. Siv Lid Informasjon om Eva Rød Etterpå"),
            ["Tor Eide", "Siv Lid", "Eva Rød"]
        );
        // A body is no surname, even right after a given name.
        assert_eq!(names("Mat: Ingrid Eldreråd FOK"), Vec::<&str>::new());
        // A surname that is a common word stays: only layout words end a name.
        assert_eq!(
            names("Ingrid Sagen Berg sa at Hans Bakken Haugen var på plass."),
            ["Ingrid Sagen Berg", "Hans Bakken Haugen"]
        );
    }

    #[test]
    fn a_place_before_kommune_is_not_part_of_the_name() {
        assert_eq!(
            names(
                "Sekretariatet: Eva Brun Bergen kommune: rådgjevar Knut Moe Vestland fylkeskommune"
            ),
            ["Eva Brun", "Knut Moe"]
        );
        assert_eq!(
            names("Eva Brun Lie sa at Eva Brun frå Bergen kommune"),
            ["Eva Brun Lie", "Eva Brun"]
        );
    }

    #[test]
    fn a_given_name_with_a_full_stop_is_alone() {
        assert_eq!(
            names("Til stades: Ola og Åshild. Forfall: Per Lid."),
            ["Per Lid"]
        );
        assert_eq!(
            names("Kåre og Marianne. Samrøystes valt."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn a_given_name_after_a_surname_starts_a_name_only_before_a_surname() {
        assert_eq!(
            names("Kari Lode Vik Ola Berg møtte. Guida av Ingrid Dymbe Anda. Deretter"),
            ["Kari Lode Vik", "Ola Berg", "Ingrid Dymbe Anda"]
        );
        assert_eq!(
            names("Sigrid Berge Torstein (2 år)"),
            ["Sigrid Berge Torstein"]
        );
    }

    #[test]
    fn capital_letters_without_a_full_stop_are_initials() {
        assert_eq!(
            names("Til stades: Gunhild N Hagane, Arne J Hauge og Alice H. W"),
            ["Gunhild N Hagane", "Arne J Hauge", "Alice H. W"]
        );
        assert_eq!(
            names("Forfall: Jon Steinar M og Toralf G"),
            ["Jon Steinar M", "Toralf G"]
        );
        // After a surname a capital letter is a tick or a party.
        assert_eq!(
            names("Jon Lende X Tor Arne Laland X Geir Mo H Bjørgulv Hauger FRP Kari Nes A"),
            [
                "Jon Lende",
                "Tor Arne Laland",
                "Geir Mo",
                "Bjørgulv Hauger",
                "Kari Nes"
            ]
        );
        assert_eq!(names("Kari I dag"), Vec::<&str>::new());
    }

    #[test]
    fn abbreviations_in_mixed_case_are_not_surnames() {
        assert_eq!(names("Ellen Johansen KrF Dersom du"), ["Ellen Johansen"]);
        assert_eq!(
            names("Anne-Grete Strøm-Erichsen"),
            ["Anne-Grete Strøm-Erichsen"]
        );
    }

    #[test]
    fn given_names_that_are_also_a_month_or_a_word() {
        assert_eq!(
            names("pianist Dag Inge Sæle og Mai Britt Lund bistår"),
            ["Dag Inge Sæle", "Mai Britt Lund"]
        );
        assert_eq!(names("1. Mai Kari Nes"), ["Kari Nes"]);
        assert_eq!(
            names("August Lunde og Dag Fjeld"),
            ["August Lunde", "Dag Fjeld"]
        );
        assert_eq!(names("Den 3. August Nilsen"), Vec::<&str>::new());
        assert_eq!(names("Dag Ein: Mai Kommune"), Vec::<&str>::new());
    }

    #[test]
    fn old_and_new_given_names() {
        assert_eq!(
            names("Sylfest Aase, Eilov Nes, Lodve Hauge, Ruthild Berg, Wivi Lie og Falk Ola Rud"),
            [
                "Sylfest Aase",
                "Eilov Nes",
                "Lodve Hauge",
                "Ruthild Berg",
                "Wivi Lie",
                "Falk Ola Rud"
            ]
        );
    }

    #[test]
    fn a_column_run_into_several_names_is_dropped() {
        assert_eq!(
            names(
                "Namn Kommune Parti Per Vik Dale Hol SP Medlem Siri Lund Hol AP Leiar Eva Moe Ask H"
            ),
            ["Per Vik Dale", "Siri Lund", "Eva Moe Ask"]
        );
        // A surname two people share is not a column, nor one person named twice.
        assert_eq!(
            names("Kari Nes Berg og Ola Lid Berg. Kari Nes Berg Ola Lid Berg"),
            [
                "Kari Nes Berg",
                "Ola Lid Berg",
                "Kari Nes Berg",
                "Ola Lid Berg"
            ]
        );
        assert_eq!(
            names("Ordførar Anne Sæle Holm Kari Vik. Anne Sæle Holm Orienterte"),
            ["Anne Sæle Holm", "Kari Vik", "Anne Sæle Holm"]
        );
    }

    #[test]
    fn a_double_given_name_broken_at_its_hyphen() {
        let text = "Helse- og omsorgsminister Anne-\nGrete Lid og Siv- Marit Berg";
        assert_eq!(names(text), ["Anne-\nGrete Lid", "Siv- Marit Berg"]);
        assert_eq!(name_as_written("Anne-\nGrete Lid"), "Anne-Grete Lid");
        assert_eq!(name_as_written("Ola Strøm-Erichsen"), "Ola Strøm-Erichsen");
        // Not a given name before the hyphen, or no break after it.
        assert_eq!(
            names("Helse- Grete Lid, Anne-Grete Nes"),
            ["Grete Lid", "Anne-Grete Nes"]
        );
    }

    #[test]
    fn a_generation_belongs_to_the_name() {
        assert_eq!(
            names("rådmann Per Olsen jr. og Per Olsen sr."),
            ["Per Olsen jr.", "Per Olsen sr."]
        );
        assert_eq!(names("Per Olsen jrs"), ["Per Olsen"]);
    }

    #[test]
    fn a_given_name_ending_like_a_role_is_a_name() {
        assert_eq!(
            names("Lars Ragnvald Bø og Ola Torvald Lid"),
            ["Lars Ragnvald Bø", "Ola Torvald Lid"]
        );
    }

    #[test]
    fn spellings_of_one_person_are_merged() {
        let mut people = Vec::new();
        let hans = merge_person(&mut people, "Hans-Ivar Lid");
        assert_eq!(merge_person(&mut people, "Hans Ivar Lid"), hans);
        let olav = merge_person(&mut people, "Olav Løkkegård");
        assert_eq!(merge_person(&mut people, "Olav Løkkegaard"), olav);
        let siv = merge_person(&mut people, "Siv Kathrin Ulla");
        assert_eq!(merge_person(&mut people, "Siv Katrin Ulla"), siv);
        let jarle = merge_person(&mut people, "Jarle Walseth");
        assert_eq!(merge_person(&mut people, "Jarle Walsetk"), jarle);
        assert_eq!(merge_person(&mut people, "Jarle Wals"), jarle);
        let ingeborg = merge_person(&mut people, "Ingebjørg Winjum");
        assert_eq!(merge_person(&mut people, "Ingebjørn Winjum"), ingeborg);
        let linn = merge_person(&mut people, "Linn Sofie Eik");
        assert_eq!(merge_person(&mut people, "Linn Sofie S. Eik"), linn);
        let karl = merge_person(&mut people, "Karl Inge");
        assert_eq!(merge_person(&mut people, "Karl Inge Lygre"), karl);
        assert_eq!(people[karl].name, "Karl Inge Lygre");
        assert_eq!(people.len(), 7);
        // Other people: short first names, short surnames, two letters apart.
        for other in [
            "Ola Nes",
            "Ole Nes",
            "Ola Ness",
            "Marit Lunde",
            "Marie Lunde",
            "Jarle Walsvik",
            "Linn Sofie Ann Eik",
        ] {
            let before = people.len();
            merge_person(&mut people, other);
            assert_eq!(people.len(), before + 1, "{other}");
        }
    }

    fn alone(text: &str) -> Vec<&str> {
        let full = full_names(text);
        given_names_alone(text, &full)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn given_names_alone_in_a_list_of_names() {
        assert_eq!(
            alone("Revisorar: Sigve og Torunn. Valt: Sigve, Torunn"),
            ["Sigve", "Torunn", "Sigve", "Torunn"]
        );
        assert_eq!(
            alone("Til stades: Liv K, Eirik, Paal F og Åshild. Forfall: Ola Lid"),
            ["Eirik", "Åshild"]
        );
        assert_eq!(
            alone("vi var hos Lillian og Bjarne i Skjæret"),
            ["Lillian", "Bjarne"]
        );
        assert_eq!(
            alone("kasserar: Ola Lid, styremedlem: Torunn\nReferent: Sigve."),
            ["Torunn", "Sigve"]
        );
        assert_eq!(
            alone("Møte kl. 10: Torunn kjem. Tema: Sigve har ordet"),
            Vec::<&str>::new()
        );
        // A clause after a comma, a name beside other words, words that are names.
        assert_eq!(
            alone("film frå Frode Lid, Oddleiv avklarer dette."),
            Vec::<&str>::new()
        );
        assert_eq!(alone("Torunn ordnar mat. Sigve kjem."), Vec::<&str>::new());
        assert_eq!(alone("Liv og Dag, Stein og Sol"), Vec::<&str>::new());
        assert_eq!(alone("Felleskjøpet, Tine og Nortura"), Vec::<&str>::new());
    }

    #[test]
    fn a_given_name_alone_is_the_person_with_that_first_name() {
        let mut people = Vec::new();
        let kari = merge_person(&mut people, "Kari Nes");
        merge_person(&mut people, "Ola Lid");
        merge_person(&mut people, "Ola Vik");
        assert_eq!(merge_given_name(&mut people, "Kari"), Some(kari));
        assert_eq!(merge_given_name(&mut people, "Ola"), None);
        assert_eq!(merge_given_name(&mut people, "Sigve"), Some(3));
        assert_eq!(people[3].name, "Sigve");
    }

    #[test]
    fn a_surname_alone_after_a_quote() {
        let text = "– Vi må byggja vidare, sa Lotsberg. – Det er viktig, seier Hovden, og fleire.";
        let found: Vec<&str> = surnames_alone(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(found, ["Lotsberg", "Hovden"]);
        // Not a name, not a quote's end, a given name, a place in a clause.
        for text in [
            "Han sa Nei.",
            "Dei sa Lotsberg skulle koma.",
            "– Ja, sa Kari.",
            "Ho sa frå i Bergen.",
        ] {
            assert!(surnames_alone(text).is_empty(), "{text}");
        }
        let mut people = Vec::new();
        merge_person(&mut people, "Eva Lotsberg");
        assert_eq!(new_surname(&mut people, "Lotsberg"), None);
        assert_eq!(new_surname(&mut people, "Hovden"), Some(1));
    }

    #[test]
    fn initials_for_a_surname_are_the_same_person() {
        let mut people = Vec::new();
        let liv = merge_person(&mut people, "Liv K");
        assert_eq!(merge_person(&mut people, "Liv Kvam"), liv);
        let paal = merge_person(&mut people, "Paal J. Fostad");
        assert_eq!(merge_person(&mut people, "Paal F"), paal);
        let laila = merge_person(&mut people, "Laila Berg");
        assert_eq!(merge_person(&mut people, "Laila K B"), laila);
        assert_eq!(people[liv].name, "Liv Kvam");
        assert_eq!(people[liv].variants, ["Liv K"]);
        // Another letter is another person.
        assert_ne!(merge_person(&mut people, "Liv B"), liv);
        assert_eq!(people.len(), 4);
    }
}
