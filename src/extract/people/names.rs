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
            let organisation_word = is_not_name_word(words[i].1);
            if organisation_word || !(is_given_name(words[i].1) || credited) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < words.len() && is_name_word(words[j].1) {
                if ends_run_together_name(&words[i..j], words[j].1) {
                    break;
                }
                j += 1;
                // "Hareide." ends the sentence, and the name with it.
                if words[j - 1].1.ends_with('.') && !is_initial(words[j - 1].1) {
                    break;
                }
            }
            // An initial cannot end a name: "Leni A." is not a whole name.
            while j > i + 1 && is_initial(words[j - 1].1) {
                j -= 1;
            }
            if j >= i + 2 {
                let (start, last) = (words[i].0, words[j - 1]);
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
                    names.push((start, end));
                }
                i = j;
            } else {
                i += 1;
            }
        }
    }
    names
}

/// Whether `next` starts something new after the name words `so_far`: a title
/// ("… Vik Rådmann Harald …") or, after a surname, another given name ("Astrid
/// Farestveit Selsvold Kari Weltzien Vik"): the text layer of a PDF table runs the
/// names of a column together without commas.
fn ends_run_together_name(so_far: &[(usize, &str)], next: &str) -> bool {
    let Some(&(_, last)) = so_far.last() else {
        return false;
    };
    let bare = next.trim_end_matches('.');
    super::roles::is_role_word(bare)
        || (so_far.len() >= 2 && is_given_name(bare) && !is_given_name(last) && !is_initial(last))
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

pub(crate) fn is_given_name(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    GIVEN_NAMES.contains(word)
        || word.split('-').all(|part| GIVEN_NAMES.contains(part)) && word.contains('-')
}

/// A word that can continue a name: a capitalised word that is not an
/// organisation word or a month, and not in capitals ("HMR").
fn is_name_word(word: &str) -> bool {
    if is_initial(word) {
        return true;
    }
    let bare = word.trim_end_matches('.');
    if is_not_name_word(bare) {
        return false;
    }
    let mut chars = bare.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let rest_lower = bare.chars().skip(1).any(char::is_lowercase);
    first_upper && rest_lower && bare.chars().count() >= 2
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

/// "A." matches "Aurora"; no middle name matches any.
fn middles_compatible(a: &[&str], b: &[&str]) -> bool {
    if a.is_empty() || b.is_empty() {
        return true;
    }
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
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
                if !people[*person].variants.contains(name) {
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
