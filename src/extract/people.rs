//! People: who is named in a report, in which roles, and what they did.
//!
//! A name is a run of capitalised words that starts with a known given name
//! (`data/given_names.txt`, a few thousand Norwegian given names) and has at least a
//! surname after it ("Leni A. Brækhus", "May Helen Molvær Grimstad"). Anything
//! else capitalised (organisations, places, hotels, image texts) is not a person
//! unless a photo credit names it. Roles are read from the shapes reports use:
//!
//! * before the name: "kommunedirektør i Ulstein kommune Verner Larsen",
//!   "Direktør for e-helse og teknologi i HMR HF, Helge Storøy";
//! * after it: "Henrik Erdal, assisterande e-helse og teknologidirektør";
//! * in brackets: "Magnhild Sandvik (Sp)", "Name (klinikksjef)";
//! * as a label: "Leiar: Astrid Hjelmeland";
//! * shared by a pair: "Leiar og nestleiar i fagleg utval … Line Lingen og Anders
//!   Høe" (Lingen is leiar, Høe nestleiar);
//! * as a predicate: "… og var programleiar for dagen".
//!
//! Surnames used alone later ("Røyset kom med nyttige tips") are linked to the full
//! name, and spellings of one person are merged ("Leni A. Brækhus" and "Leni Aurora
//! Brækhus").

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use memchr::memmem;
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};

use super::prefilter::first_captures;
use crate::report::{Action, Passage, Person};

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

/// Endings of words that name a role ("kommunedirektør", "seksjonsleiar").
const ROLE_ENDINGS: &[&str] = &[
    "leiar",
    "leder",
    "direktør",
    "dir.",
    "sjef",
    "rådgjevar",
    "rådgiver",
    "konsulent",
    "lege",
    "ordførar",
    "ordfører",
    "rådmann",
    "sekretær",
    "medlem",
    "redaktør",
    "spesialist",
    "debattant",
    "professor",
    "forskar",
    "forsker",
    "sjukepleiar",
    "sykepleier",
    "sjukepleier",
    "koordinator",
    "representant",
    "fylkesmann",
    "statsforvaltar",
    "statsforvalter",
    "minister",
    "statsråd",
    "ombod",
    "ombud",
    "kontakt",
    "ansvarleg",
    "ansvarlig",
    "tillitsvald",
    "tillitsvalgt",
    "psykolog",
    "jurist",
    "økonom",
    "advokat",
    "journalist",
    "referent",
    "terapeut",
    "moderator",
    "ordstyrar",
    "ordstyrer",
    "vald",
    "valgt",
    "fylkeslege",
    "rektor",
    "prest",
    "politikar",
    "politiker",
    "stipendiat",
    "student",
    "assistent",
    "inspektør",
    "planleggar",
    "planlegger",
    "ingeniør",
    "arkitekt",
    "tenkar",
    "forfattar",
    "forfatter",
    "kommunikasjonssjef",
    "dekan",
    "kapellan",
    "formann",
    "generalsekretær",
    "styreleiar",
    "styreleder",
    "revisor",
    "controller",
    "kvalitetsrådgjevar",
    "pedagog",
    "jordmor",
    "helsesjukepleiar",
    "helsesykepleier",
    "fysioterapeut",
    "ergoterapeut",
    "vernepleiar",
    "vernepleier",
    "legevaktsjef",
    "overlege",
    "kommunalsjef",
    "tilsett",
    "ansatt",
    "seniorrådgjevar",
    "medarbeidar",
    "medarbeider",
    "styrar",
    "styrer",
    "lærar",
    "lærer",
    "handsamar",
    "behandlar",
    "behandler",
    "byråd",
    "bibliotekar",
    "konservator",
    "kontrollør",
];

/// Words that can open a role before its head word ("tidlegare ekspedisjonssjef").
const ROLE_MODIFIERS: &[&str] = &[
    "tidlegare",
    "tidligere",
    "assisterande",
    "assisterende",
    "ass.",
    "konstituert",
    "kst.",
    "fungerande",
    "fungerende",
    "administrerande",
    "administrerende",
    "adm.",
    "dagleg",
    "daglig",
    "nyvald",
    "nyvalgt",
    "avtroppande",
    "avtroppende",
    "påtroppande",
    "påtroppende",
    "fagleg",
    "faglig",
    "viseadministrerande",
    "viseadministrerende",
    "visedirektør",
    "vise",
    "fast",
    "tilsettvald",
    "ansattvalgt",
    "ekstern",
    "regional",
];

/// Where a role phrase cannot reach across.
const ROLE_BOUNDARIES: &[char] = &[
    '.', '!', '?', ';', '(', ')', '«', '»', '"', '\n', '–', '—', '/',
];

fn is_role_word(word: &str) -> bool {
    let word = lowercase(word.trim_matches(|c: char| matches!(c, ',' | ':' | ';')));
    if word.chars().count() < 3 {
        return false;
    }
    // Plurals ("moderatorar", "leiarar") describe groups, not one person's role.
    let singular = !(word.ends_with("arar") || word.ends_with("erne") || word.ends_with("ane"));
    singular && has_role_ending(&word)
}

/// Whether a lowercase word ends in one of `ROLE_ENDINGS`. Asked of most words near
/// a name: the endings are looked up by their last two bytes, not tried one by one.
fn has_role_ending(word: &str) -> bool {
    static BY_LAST_BYTES: LazyLock<FxHashMap<[u8; 2], Vec<&'static str>>> = LazyLock::new(|| {
        let mut endings: FxHashMap<[u8; 2], Vec<&'static str>> = FxHashMap::default();
        for ending in ROLE_ENDINGS {
            endings
                .entry(last_two_bytes(ending))
                .or_default()
                .push(ending);
        }
        endings
    });
    word.len() >= 2
        && BY_LAST_BYTES
            .get(&last_two_bytes(word))
            .is_some_and(|endings| endings.iter().any(|e| word.ends_with(e)))
}

fn last_two_bytes(word: &str) -> [u8; 2] {
    let bytes = word.as_bytes();
    [bytes[bytes.len() - 2], bytes[bytes.len() - 1]]
}

/// `word` in lower case, borrowed when it already is, as most words in running text
/// are.
fn lowercase(word: &str) -> Cow<'_, str> {
    let unchanged = word.chars().all(|c| {
        if c.is_ascii() {
            !c.is_ascii_uppercase()
        } else {
            let mut lower = c.to_lowercase();
            lower.next() == Some(c) && lower.next().is_none()
        }
    });
    if unchanged {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

fn is_role_modifier(word: &str) -> bool {
    ROLE_MODIFIERS.contains(&lowercase(word).trim_matches(',')) || word.eq_ignore_ascii_case("ass.")
}

fn opens_role(word: &str) -> bool {
    is_role_word(word) || is_role_modifier(word)
}

/// One place in the text where a person is named.
#[derive(Debug, Clone)]
struct Mention {
    passage: usize,
    start: usize,
    end: usize,
    /// Index into the people found so far.
    person: usize,
    full: bool,
}

/// Finds the people of a report.
pub fn find_people(passages: &[Passage]) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();

    for (index, passage) in passages.iter().enumerate() {
        for (start, end) in full_names(&passage.text) {
            let name = passage.text[start..end].to_string();
            let person = merge_person(&mut people, &name);
            people[person].passages.push(index);
            mentions.push(Mention {
                passage: index,
                start,
                end,
                person,
                full: true,
            });
        }
    }
    link_surnames(passages, &mut people, &mut mentions);
    mentions.sort_by_key(|m| (m.passage, m.start));

    for i in 0..mentions.len() {
        let mention = &mentions[i];
        let text = &passages[mention.passage].text;
        let previous_end = mentions[..i]
            .iter()
            .rev()
            .find(|m| m.passage == mention.passage)
            .map_or(0, |m| m.end);
        let next = mentions[i + 1..]
            .iter()
            .find(|m| m.passage == mention.passage);
        let next_start = next.map_or(text.len(), |m| m.start);
        let mut roles = Vec::new();
        if mention.full {
            let before = &text[previous_end..mention.start];
            // "A, rolle og B": a role right after the previous name is that name's.
            let apposition = previous_end > 0
                && before.trim_start().starts_with(',')
                && before.trim_end().ends_with(" og");
            if !apposition {
                roles.extend(role_before(before));
            }
            roles.extend(role_after(&text[mention.end..next_start], next.is_some()));
            roles.extend(role_in_brackets(&text[mention.end..next_start]));
        }
        // "seier kommunalsjef Ragnhild Tødenes i Stad kommune.": the employer after the
        // name completes the title before it.
        if mention.full
            && roles.len() == 1
            && let Some(employer) = employer_after(&text[mention.end..next_start])
        {
            roles[0] = format!("{} {employer}", roles[0]);
        }
        roles.extend(role_as_predicate(&text[mention.end..next_start]));
        // "Leiar og nestleiar i X Line Lingen og Anders Høe": split the shared roles.
        if let Some((first, second)) = shared_roles(text, &mentions, i) {
            let person = mentions[i].person;
            let other = mentions[i + 1].person;
            add_roles(&mut people[person], vec![first]);
            add_roles(&mut people[other], vec![second]);
            continue;
        }
        let person = mention.person;
        add_roles(&mut people[person], roles);
    }

    for person in &mut people {
        person.passages.sort_unstable();
        person.passages.dedup();
    }
    assign_actions(passages, &mut people, &mentions);
    people
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
fn full_names(text: &str) -> Vec<(usize, usize)> {
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

fn split_words(run: &str) -> Vec<(usize, &str)> {
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

fn is_initial(word: &str) -> bool {
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
fn merge_person(people: &mut Vec<Person>, name: &str) -> usize {
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
fn link_surnames(passages: &[Passage], people: &mut [Person], mentions: &mut Vec<Mention>) {
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

/// Abbreviations whose dot does not end a sentence ("adm. dir.", "ass. fylkeslege").
const ABBREVIATIONS: &[&str] = &[
    "adm", "dir", "ass", "kst", "jf", "bl.a", "avd", "fung", "stk", "t.d", "m.a", "nr",
];

/// Where the clause ending `segment` starts: after the last boundary that is not the
/// dot of an abbreviation.
fn clause_start(segment: &str) -> usize {
    let mut end = segment.len();
    while let Some(i) = segment[..end].rfind(ROLE_BOUNDARIES) {
        let is_abbreviation = segment[i..].starts_with('.') && {
            let word_start = segment[..i].rfind(char::is_whitespace).map_or(0, |w| w + 1);
            ABBREVIATIONS.contains(&segment[word_start..i].to_lowercase().as_str())
        };
        if !is_abbreviation {
            return i + segment[i..].chars().next().map_or(1, char::len_utf8);
        }
        end = i;
    }
    0
}

/// The role phrase that ends right before a name.
fn role_before(segment: &str) -> Vec<String> {
    // Only the clause next to the name counts.
    let clause_start = clause_start(segment);
    let mut clause = segment[clause_start..].trim_end();
    // "Møteleiar var Halvard Strand": the role stands before a copula.
    for copula in [" var", " er", " vart", " blei", " ble", " blir", " vert"] {
        if let Some(head) = clause.strip_suffix(copula) {
            clause = head.trim_end();
            break;
        }
    }
    let labelled = clause.ends_with(':');
    clause = clause.trim_end_matches([',', ':']).trim_end();
    if clause.is_empty() {
        return Vec::new();
    }
    // A label ("Leiar:") may follow a bullet or a number.
    let clause = clause.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c == '.' || c.is_whitespace() || c == '•' || c == '-'
    });
    let words = split_words(clause);
    let Some(open) = words.iter().position(|(_, w)| opens_role(w)) else {
        return Vec::new();
    };
    // Too long to be a title: more likely a sentence that mentions a role word.
    if words.len() - open > 16
        || (labelled && open > 0 && !is_role_modifier(words[open - 1].1)) && open > 2
    {
        return Vec::new();
    }
    split_roles(&clause[words[open].0..])
}

/// The role phrase after ", " following a name, up to the end of the clause.
fn role_after(segment: &str, name_follows: bool) -> Vec<String> {
    let Some(rest) = segment.strip_prefix(',') else {
        return Vec::new();
    };
    let end = role_after_end(rest);
    let mut phrase = rest[..end].trim();
    // The roles of a chain belong to the name after them ("leiar, A, nestleiar, B").
    let only_separators = rest[end..].trim_matches([',', ' ']).is_empty();
    if name_follows && only_separators {
        // "A, rolle og B": the role before "og" is A's; a bare "rolle, B" is B's.
        let trimmed = phrase.trim_end_matches([',', ' ']);
        match trimmed.strip_suffix(" og") {
            Some(before) if !before.trim().is_empty() => phrase = before,
            _ => return Vec::new(),
        }
    }
    let words = split_words(phrase);
    if words.is_empty() || !words.iter().take(3).any(|(_, w)| opens_role(w)) {
        return Vec::new();
    }
    // A verb right after the name is what the person did, not a role.
    if words.len() > 14 {
        return Vec::new();
    }
    split_roles(phrase)
}

/// Where a role after a name ends: at the end of the sentence or clause, but not at
/// the dot of an abbreviation or the brackets of one ("legevakta (ÅIL), Ålesund"), and
/// at a comma followed by what the person did ("…, viste til at …").
fn role_after_end(rest: &str) -> usize {
    let mut i = 0;
    while i < rest.len() {
        let c = rest[i..].chars().next().unwrap_or(' ');
        match c {
            '(' => {
                let inner_end = rest[i..].find(')').map(|e| i + e);
                let is_abbreviation = inner_end.is_some_and(|e| {
                    let inner = &rest[i + 1..e];
                    (2..=8).contains(&inner.chars().count())
                        && inner.chars().all(|c| c.is_uppercase() || c == ' ')
                });
                match inner_end {
                    Some(e) if is_abbreviation => i = e,
                    _ => return i,
                }
            }
            '.' => {
                let word_start = rest[..i].rfind(char::is_whitespace).map_or(0, |w| w + 1);
                if !ABBREVIATIONS.contains(&rest[word_start..i].to_lowercase().as_str()) {
                    return i;
                }
            }
            ';' | '\n' | ')' | '!' | '?' => return i,
            ',' => {
                let next = rest[i + 1..].split_whitespace().next().unwrap_or_default();
                let continues =
                    opens_role(next) || next.chars().next().is_some_and(char::is_uppercase);
                if !continues {
                    return i;
                }
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    rest.len()
}

/// " i Stad kommune." right after a name, ending the clause.
fn employer_after(segment: &str) -> Option<String> {
    static EMPLOYER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s+((?:i|ved|på|frå|fra|hjå|hos)\s+\p{Lu}[\p{L}\-]*(?:\s+(?:\p{Lu}[\p{L}\-]*|kommune|fylkeskommune|sjukehus|sykehus|og|HF))*)\s*(?:[.,;!?]|$)")
            .expect("valid regex")
    });
    first_captures(&EMPLOYER, segment).map(|c| c[1].to_string())
}

/// "Name (role)".
fn role_in_brackets(segment: &str) -> Vec<String> {
    let Some(rest) = segment.trim_start().strip_prefix('(') else {
        return Vec::new();
    };
    let Some(end) = rest.find(')') else {
        return Vec::new();
    };
    let inner = rest[..end].trim();
    if inner.is_empty()
        || inner.split_whitespace().count() > 10
        || inner.chars().any(|c| c.is_ascii_digit())
    {
        return Vec::new();
    }
    split_roles(inner)
}

/// "… og var programleiar for dagen" right after the person.
fn role_as_predicate(segment: &str) -> Vec<String> {
    static PREDICATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[\s,])(?:og\s+)?(?:var|er|vart|blei|ble|blir|vert)\s+(?:også\s+|òg\s+)?([^.,;!?\n]+)")
            .expect("valid regex")
    });
    let sentence_end = segment.find(['.', '!', '?', '\n']).unwrap_or(segment.len());
    let Some(caps) = first_captures(&PREDICATE, &segment[..sentence_end]) else {
        return Vec::new();
    };
    let phrase = caps[1].trim();
    let first = phrase.split_whitespace().next().unwrap_or_default();
    if is_role_word(first) && phrase.split_whitespace().count() <= 8 {
        vec![lowercase_role(phrase)]
    } else {
        Vec::new()
    }
}

/// Splits "A og B" into two roles when both halves are roles in their own right.
fn split_roles(phrase: &str) -> Vec<String> {
    let phrase = phrase.trim().trim_end_matches([',', ':', ' ']);
    let mut roles = Vec::new();
    let mut rest = phrase;
    while let Some((at, len)) = find_role_split(rest) {
        roles.push(lowercase_role(rest[..at].trim()));
        rest = rest[at + len..].trim();
    }
    if !rest.is_empty() {
        roles.push(lowercase_role(rest));
    }
    roles
}

/// Where " og " or ", " separates two roles: the left side has a role word and the
/// right side opens one. Gives the position and the separator's length.
fn find_role_split(phrase: &str) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for separator in [" og ", ", "] {
        let mut from = 0;
        while let Some(i) = phrase[from..].find(separator) {
            let at = from + i;
            let left_has_role = split_words(&phrase[..at])
                .iter()
                .any(|(_, w)| is_role_word(w));
            let right_opens = phrase[at + separator.len()..]
                .split_whitespace()
                .next()
                .is_some_and(opens_role);
            if left_has_role && right_opens {
                if best.is_none_or(|(b, _)| at < b) {
                    best = Some((at, separator.len()));
                }
                break;
            }
            from = at + separator.len();
        }
    }
    best
}

/// Roles are written in lower case unless they are names or abbreviations ("Sp").
fn lowercase_role(role: &str) -> String {
    let role = role.trim().trim_end_matches([',', '.', ':', ' ']);
    let first = role.split_whitespace().next().unwrap_or_default();
    if opens_role(first) {
        let mut chars = role.chars();
        match chars.next() {
            Some(c) => c.to_lowercase().chain(chars).collect(),
            None => String::new(),
        }
    } else {
        role.to_string()
    }
}

/// "Leiar og nestleiar i X Line Lingen og Anders Høe": two roles for two names.
fn shared_roles(text: &str, mentions: &[Mention], i: usize) -> Option<(String, String)> {
    let first = &mentions[i];
    let second = mentions.get(i + 1)?;
    if second.passage != first.passage || !first.full || !second.full {
        return None;
    }
    if text[first.end..second.start].trim() != "og" {
        return None;
    }
    let previous_end = mentions[..i]
        .iter()
        .rev()
        .find(|m| m.passage == first.passage)
        .map_or(0, |m| m.end);
    let roles = role_before(&text[previous_end..first.start]);
    let [a, b] = roles.as_slice() else {
        return None;
    };
    // The complement after the second role ("i fagleg utval …") belongs to both.
    let a_head = a.split_whitespace().count() == 1;
    let complement = b.split_once(' ').map(|(_, c)| c.to_string());
    let a = match (a_head, complement) {
        (true, Some(c)) => format!("{a} {c}"),
        _ => a.clone(),
    };
    Some((a, b.clone()))
}

fn add_roles(person: &mut Person, roles: Vec<String>) {
    for role in roles {
        if !role.is_empty() && !person.roles.iter().any(|r| r.eq_ignore_ascii_case(&role)) {
            person.roles.push(role);
        }
    }
}

/// Words that say what a person did, by action.
const SPOKE: &[&str] = &[
    "innleia",
    "innleidde",
    "heldt",
    "haldt",
    "holdt",
    "fortalde",
    "fortalte",
    "orienterte",
    "presenterte",
    "la fram",
    "snakka",
    "snakket",
    "sa ",
    "sa,",
    "meinte",
    "mente",
    "peika",
    "pekte",
    "meiner",
    "seier",
    "fortel ",
    "presenterer",
    "minna",
    "minnet",
    "gav ei",
    "gav eit",
    "ga en",
    "ga et",
    "deltok med",
    "kom med",
    "tok ansvar for presentasjonen",
    "understreka",
    "understreket",
    "viste til",
    "svara",
    "svarte",
    "spurde",
    "spurte",
    "fremma",
    "fremmet",
    "innlegg",
    "føredrag",
    "foredrag",
    "innleiing",
    "presentasjon",
    "ønskte velkomen",
    "ønsket velkommen",
    "oppsummerte",
    "forklarte",
    "åtvara",
    "advarte",
    "støtta",
    "støttet",
    "gjekk gjennom",
    "gikk gjennom",
    "tok opp",
    "delte",
    "streka under",
    "kommenterte",
    "uttalte",
    "trekte fram",
    "trakk fram",
    "la vekt på",
    "åpnet",
    "opna",
    "takka",
    "takket",
    "rapporterte",
    "informerte",
    "skildra",
    "beskreiv",
    "beskrev",
];
const LED: &[&str] = &[
    "leia møtet",
    "leidde møtet",
    "ledet møtet",
    "opna møtet",
    "åpnet møtet",
    "møteleiar",
    "møteleder",
    "programleiar",
    "programleder",
    "ønskte velkomen",
    "ønsket velkommen",
    "leia samlinga",
    "leia dagen",
    "leia utvalet",
    "leiar av møtet",
    "heva møtet",
    "hevet møtet",
    "leiar:",
    "leder:",
];
const MODERATED: &[&str] = &[
    "moderator",
    "ordstyrar",
    "ordstyrer",
    "leia debatten",
    "ledet debatten",
    "leia ordskiftet",
    "styrte debatten",
    "leia panelet",
    "ledet panelet",
    "leia samtalen",
    "ledet samtalen",
];
const ABSENT: &[&str] = &[
    "forhindra",
    "forhindret",
    "forfall",
    "fråverande",
    "fraværende",
    "ikkje til stades",
    "ikke til stede",
    "kunne ikkje møte",
    "kunne ikke møte",
    "sjukmeld",
    "sykmeld",
];

/// The action lists a text has a word from, one bit per list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ActionWords(u8);

impl ActionWords {
    const SPOKE: u8 = 1;
    const LED: u8 = 2;
    const MODERATED: u8 = 4;
    const ABSENT: u8 = 8;

    /// Looks for the words of all four lists in one pass: a mention asks about its
    /// window and its predicate, and a `contains` per word was most of the time spent
    /// on people.
    fn in_text(text: &str) -> ActionWords {
        static WORDS: LazyLock<(AhoCorasick, Vec<u8>)> = LazyLock::new(|| {
            // One pattern per word; a word in two lists carries both bits.
            let mut words: Vec<(&str, u8)> = Vec::new();
            for (list, bit) in [
                (SPOKE, ActionWords::SPOKE),
                (LED, ActionWords::LED),
                (MODERATED, ActionWords::MODERATED),
                (ABSENT, ActionWords::ABSENT),
            ] {
                for &word in list {
                    match words.iter_mut().find(|(w, _)| *w == word) {
                        Some((_, bits)) => *bits |= bit,
                        None => words.push((word, bit)),
                    }
                }
            }
            // Built once, so the automaton can be the fastest to search.
            let automaton = AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .build(words.iter().map(|(w, _)| w))
                .expect("valid action words");
            (automaton, words.into_iter().map(|(_, bits)| bits).collect())
        });
        let (automaton, bits) = &*WORDS;
        let mut found = 0;
        for hit in automaton.find_overlapping_iter(text) {
            found |= bits[hit.pattern().as_usize()];
        }
        ActionWords(found)
    }

    fn any(self) -> bool {
        self.0 != 0
    }

    fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

/// The label line ("Forfall:") heading a list of short name lines that the passage
/// at `index` belongs to.
fn attendance_label(passages: &[Passage], index: usize) -> Option<String> {
    let short =
        |p: &Passage| p.text.split_whitespace().count() <= 10 && !p.text.trim_end().ends_with('.');
    if !short(&passages[index]) {
        return None;
    }
    for back in (index.saturating_sub(20)..index).rev() {
        let text = passages[back].text.trim_end();
        if text.ends_with(':') {
            return Some(text.to_lowercase());
        }
        if !short(&passages[back]) {
            return None;
        }
    }
    None
}

/// Records what each person did, from the words next to their mentions.
fn assign_actions(passages: &[Passage], people: &mut [Person], mentions: &[Mention]) {
    for (i, mention) in mentions.iter().enumerate() {
        let text = &passages[mention.passage].text;
        let lower = |from: usize, to: usize| text[from..to].to_lowercase();
        let lower_before = lower(0, mention.start);
        // Attendance blocks: the last label before the name says who was absent,
        // even when the label heads the list in the passage before.
        let previous = attendance_label(passages, mention.passage).unwrap_or_default();
        // Every label ends in a colon: without one, most text has no label to look for.
        let may_have_label = !previous.is_empty() || lower_before.contains(':');
        let last_label = |labels: &[&str]| {
            debug_assert!(labels.iter().all(|l| l.ends_with(':')));
            if !may_have_label {
                return None;
            }
            labels
                .iter()
                .filter_map(|l| {
                    // Where the label is in "{previous}\n{lower_before}".
                    lower_before
                        .rfind(l)
                        .map(|at| previous.len() + 1 + at)
                        .or_else(|| previous.rfind(l))
                })
                .max()
        };
        let absent_label =
            last_label(&["forfall:", "fråverande:", "fraværende:", "meldt forfall:"]);
        let present_label = last_label(&[
            "til stades:",
            "til stede:",
            "møtte:",
            "frå administrasjonen:",
            "fra administrasjonen:",
            "dessutan møtte:",
            "i tillegg møtte:",
        ]);
        let in_absent_block = absent_label.is_some_and(|a| present_label.is_none_or(|p| p < a));
        let line_start = lower_before.rfind('\n').map_or(0, |p| p + 1);
        let line_before = &lower_before[line_start..];
        let sentence_start = lower_before
            .rfind(['.', '!', '?', '\n'])
            .map_or(0, |p| p + 1);
        let clause_before = &lower_before[sentence_start..];
        let next_start = mentions[i + 1..]
            .iter()
            .find(|m| m.passage == mention.passage)
            .map_or(text.len(), |m| m.start);
        let mut window = lower(mention.end, next_start);
        // "A og B innleia …": the shared predicate follows the last name.
        if window.trim() == "og" || window.trim() == "," {
            let next_next = mentions[i + 1..]
                .iter()
                .filter(|m| m.passage == mention.passage)
                .nth(1)
                .map_or(text.len(), |m| m.start);
            if let Some(next) = mentions[i + 1..]
                .iter()
                .find(|m| m.passage == mention.passage)
            {
                window = lower(next.end, next_next);
            }
        }
        // "A, rolle, og B, rolle, gav ei orientering": a pair shares the predicate.
        if window.find(['.', '!', '?', '\n']).is_none()
            && !ActionWords::in_text(&window).any()
            && window.contains(" og ")
        {
            let mut following = mentions[i + 1..]
                .iter()
                .filter(|m| m.passage == mention.passage);
            if let Some(next) = following.next() {
                let after = following.next().map_or(text.len(), |m| m.start);
                window = lower(next.end, after);
            }
        }
        let sentence_end = window.find(['.', '!', '?', '\n']).unwrap_or(window.len());
        let predicate = &window[..sentence_end];
        let said = ActionWords::in_text(predicate);
        // "…, seier fagdirektør Ragnhild Sunde": a quote attributed before the name.
        static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?:seier|sa|sier|meiner|mener|fortel|forteller|understrekar|understreker|legg til|legger til|forklarer|opplyser|peikar på|peker på)\s+(?:[^\s,.]+\s+){0,8}$")
                .expect("valid regex")
        });
        let quoted = QUOTED.is_match(clause_before);
        // Verb before the subject ("Deretter orienterte kommunalsjef Randi Myklebust"),
        // within the clause since the previous name.
        let previous_end = mentions[..i]
            .iter()
            .rev()
            .find(|m| m.passage == mention.passage)
            .map_or(0, |m| m.end)
            .max(sentence_start);
        let own_clause = lower_before.get(previous_end..).unwrap_or_default();
        const INVERTING: &[&str] = &[
            "deretter",
            "etterpå",
            "så",
            "til slutt",
            "vidare",
            "videre",
            "først",
            "seinare",
            "senere",
            "då",
            "da",
            "i tillegg",
            "elles",
            "her",
            "no",
            "nå",
            "samstundes",
        ];
        let clause_text = own_clause.trim_start_matches([' ', ',']);
        let inverted = INVERTING.iter().any(|a| {
            clause_text
                .strip_prefix(a)
                .is_some_and(|rest| rest.starts_with(' '))
        });
        let verb_first = inverted
            && !own_clause.contains(" at ")
            && SPOKE
                .iter()
                .any(|w| own_clause.contains(&format!(" {}", w.trim())));
        static LED_BY: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?:vart|ble|blei|er|blir)\s+(?:leia|leidd|ledet|leda|styrt)\s+av\s+(?:[^\s,.]+\s+){0,6}$")
                .expect("valid regex")
        });
        let led_by = LED_BY.is_match(own_clause);
        let led_by_debate = led_by
            && ["debatt", "ordskift", "panel", "samtale", "diskusjon"]
                .iter()
                .any(|w| own_clause.contains(w));
        let presented =
            clause_before.trim_end().ends_with(" v/") || clause_before.trim_end().ends_with(" ved");
        let person = &mut people[mention.person];
        let mut add = |action: Action| {
            if !person.actions.contains(&action) {
                person.actions.push(action);
            }
        };
        if line_before.trim_end().ends_with("foto:") || clause_before.trim_end().ends_with("foto:")
        {
            add(Action::Photographed);
            continue;
        }
        if in_absent_block || said.has(ActionWords::ABSENT) {
            add(Action::Absent);
            continue;
        }
        if said.has(ActionWords::MODERATED) {
            add(Action::Moderated);
        }
        if led_by_debate {
            add(Action::Moderated);
        }
        if said.has(ActionWords::LED)
            || line_before.trim_start().starts_with("leiar:")
            || (led_by && !led_by_debate)
        {
            add(Action::Led);
        }
        let in_list = passages[mention.passage].kind == crate::report::PassageKind::ListItem;
        if said.has(ActionWords::SPOKE) || quoted || verb_first || (presented && in_list) {
            add(Action::Spoke);
        }
    }
    for person in people.iter_mut() {
        let roles = person.roles.join(" ").to_lowercase();
        let leads = ["møteleiar", "møteleder", "programleiar", "programleder"];
        if leads.iter().any(|r| roles.contains(r)) && !person.actions.contains(&Action::Led) {
            person.actions.push(Action::Led);
        }
        if person.actions.is_empty() {
            person.actions.push(Action::Mentioned);
        }
        person.actions.sort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::PassageKind;

    fn people(texts: &[&str]) -> Vec<Person> {
        let passages: Vec<Passage> = texts
            .iter()
            .map(|t| Passage::new(PassageKind::Paragraph, *t))
            .collect();
        find_people(&passages)
    }

    fn person<'a>(people: &'a [Person], name: &str) -> &'a Person {
        people.iter().find(|p| p.name == name).unwrap_or_else(|| {
            panic!(
                "{name} not in {:?}",
                people.iter().map(|p| &p.name).collect::<Vec<_>>()
            )
        })
    }

    #[test]
    fn role_words_are_known_by_their_ending_in_any_case() {
        for word in [
            "Kommunedirektør,",
            "LEIAR:",
            "seksjonsleiar",
            "Fagdir.",
            "ordførar;",
        ] {
            assert!(is_role_word(word), "{word}");
        }
        for word in ["leiarar", "Leiarane", "møte", "le", "Ølen"] {
            assert!(!is_role_word(word), "{word}");
        }
        assert!(is_role_modifier("Tidlegare"));
        assert!(is_role_modifier("konstituert,"));
        assert!(!is_role_modifier("Kari"));
        assert_eq!(lowercase("leiar"), Cow::Borrowed("leiar"));
        assert_eq!(lowercase("ØRSTA"), "ørsta");
        assert_eq!(lowercase("ǅemal"), "ǆemal");
    }

    #[test]
    fn names_need_a_given_name_and_a_surname() {
        let found = people(&[
            "Møtet på Scandic Alexandra hotell i Molde vart leia av Kari Nordal frå Helse Møre og Romsdal. Menn som sitter ved et bord.",
        ]);
        let names: Vec<&str> = found.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Kari Nordal"]);
    }

    #[test]
    fn role_before_the_name_with_and_without_comma() {
        let found = people(&[
            "Tidlegare ekspedisjonssjef i Helse- og omsorgsdepartementet og spesialist i samfunnsmedisin, Petter Øgar, heldt eit innlegg.",
            "Elles orienterte kommunedirektør i Ulstein kommune Verner Larsen om økonomien.",
        ]);
        assert_eq!(
            person(&found, "Petter Øgar").roles,
            [
                "tidlegare ekspedisjonssjef i Helse- og omsorgsdepartementet",
                "spesialist i samfunnsmedisin"
            ]
        );
        assert_eq!(
            person(&found, "Verner Larsen").roles,
            ["kommunedirektør i Ulstein kommune"]
        );
    }

    #[test]
    fn role_after_the_name_and_in_brackets() {
        let found = people(&[
            "Henrik Erdal, assisterande e-helse og teknologidirektør og fagleg leiar for Helseplattformen i HMR HF. Magnhild Sandvik (Sp) meinte noko anna.",
        ]);
        assert_eq!(
            person(&found, "Henrik Erdal").roles,
            [
                "assisterande e-helse og teknologidirektør",
                "fagleg leiar for Helseplattformen i HMR HF"
            ]
        );
        assert_eq!(person(&found, "Magnhild Sandvik").roles, ["Sp"]);
    }

    #[test]
    fn roles_shared_by_a_pair() {
        let found = people(&[
            "Leiar og nestleiar i fagleg utval for psykisk helse og rus Line Lingen og Anders Høe innleia sekvensen og var moderatorar.",
        ]);
        assert_eq!(
            person(&found, "Line Lingen").roles,
            ["leiar i fagleg utval for psykisk helse og rus"]
        );
        assert_eq!(
            person(&found, "Anders Høe").roles,
            ["nestleiar i fagleg utval for psykisk helse og rus"]
        );
        assert!(
            person(&found, "Anders Høe")
                .actions
                .contains(&Action::Moderated)
        );
    }

    #[test]
    fn chains_of_roles_and_names() {
        let found = people(&[
            "Utvalet består av leiar, Astrid Hjelmeland, nestleiar, Frode Kvalsund og sekretær, Lene Sætre Hareide.",
        ]);
        assert_eq!(person(&found, "Astrid Hjelmeland").roles, ["leiar"]);
        assert_eq!(person(&found, "Frode Kvalsund").roles, ["nestleiar"]);
        assert_eq!(person(&found, "Lene Sætre Hareide").roles, ["sekretær"]);
    }

    #[test]
    fn surnames_and_spellings_are_merged() {
        let found = people(&[
            "Petter Øgar - Foto: Leni A. Brækhus",
            "Innlegg. Foto: Leni Aurora Brækhus / Dagens Medisin",
            "Ann Kristin Røyset fortalde om innføringa. Røyset kom med nyttige tips.",
        ]);
        let leni = person(&found, "Leni Aurora Brækhus");
        assert_eq!(leni.variants, ["Leni A. Brækhus"]);
        assert_eq!(leni.actions, [Action::Photographed]);
        let royset = person(&found, "Ann Kristin Røyset");
        assert_eq!(royset.variants, ["Røyset"]);
        assert_eq!(royset.passages, [2]);
        assert_eq!(found.len(), 3);
    }

    #[test]
    fn absence_and_predicates() {
        let found = people(&[
            "Fastlegeperspektivet skulle presenterast av teamleiar og ansvarleg for løysinga for fastlegar i Helseplattformen, Thorleif Jansen. Jansen var dessverre forhindra frå å møte.",
            "Nestleiar i Partnarskapsmøte og kommunikasjonsdirektør i Helse Møre og Romsdal HF, May Helen Molvær Grimstad, ønskte velkomen til samlinga og var programleiar for dagen.",
        ]);
        let jansen = person(&found, "Thorleif Jansen");
        assert_eq!(jansen.actions, [Action::Absent]);
        assert_eq!(
            jansen.roles,
            [
                "teamleiar",
                "ansvarleg for løysinga for fastlegar i Helseplattformen"
            ]
        );
        let grimstad = person(&found, "May Helen Molvær Grimstad");
        assert_eq!(
            grimstad.roles,
            [
                "nestleiar i Partnarskapsmøte",
                "kommunikasjonsdirektør i Helse Møre og Romsdal HF",
                "programleiar for dagen"
            ]
        );
        assert_eq!(grimstad.actions, [Action::Spoke, Action::Led]);
    }

    #[test]
    fn labels_and_attendance_blocks() {
        let found = people(&[
            "Til stades:\nLeiar: Elin Sæther Rørvik (kommunedirektør i Kristiansund kommune)\nForfall:\nArne Inge Tangen (kommunedirektør i Surnadal kommune)",
        ]);
        let elin = person(&found, "Elin Sæther Rørvik");
        assert_eq!(
            elin.roles,
            ["leiar", "kommunedirektør i Kristiansund kommune"]
        );
        assert_eq!(person(&found, "Arne Inge Tangen").actions, [Action::Absent]);
    }
}
