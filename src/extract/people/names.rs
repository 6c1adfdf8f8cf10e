//! Names: which capitalised runs in a text are people's full names.

use std::sync::LazyLock;

use regex::{Match, Regex};
use rustc_hash::FxHashSet;

use super::affiliations::is_party;
use super::roles::is_role_word;

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
pub(super) fn is_not_name_word(word: &str) -> bool {
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

/// The runs of capitalised words in `text`, where names are looked for. Found once
/// per passage and shared by the rules for full names and for names alone.
pub(super) fn capitalised_runs(text: &str) -> Vec<Match<'_>> {
    CAPITALISED_RUN.find_iter(text).collect()
}

/// Byte ranges of full names in `text`.
pub(super) fn full_names(text: &str) -> Vec<(usize, usize)> {
    full_names_in(text, &capitalised_runs(text))
}

/// Byte ranges of full names in `text`, whose capitalised runs are `runs`.
pub(super) fn full_names_in(text: &str, runs: &[Match<'_>]) -> Vec<(usize, usize)> {
    let mut names = Vec::new();
    for run in runs {
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
            if let Some(j) = name_in_capitals(&words, i) {
                let (last_at, last) = words[j - 1];
                names.push((words[i].0, last_at + last.trim_end_matches('.').len()));
                i = j;
                continue;
            }
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

/// The end (in `words`) of a name written in capitals from `words[i]` on ("NY
/// LEIAR ER ANNE HJORTELAND", "… SIGNE LISE FRØYLAND «brenn» for …"): a given name,
/// then words in capitals that are given names or no Nynorsk word, ending in a
/// surname. Headings in capitals stop at their first common word ("DAG OG TID").
fn name_in_capitals(words: &[(usize, &str)], i: usize) -> Option<usize> {
    fn in_capitals(word: &str) -> bool {
        let word = word.trim_end_matches('.');
        word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && word.chars().all(|c| c.is_uppercase() || c == '-')
    }
    fn as_name(word: &str) -> String {
        word.split('-')
            .map(|part| {
                let mut chars = part.chars();
                chars.next().map_or_else(String::new, |first| {
                    first
                        .to_uppercase()
                        .chain(chars.flat_map(char::to_lowercase))
                        .collect()
                })
            })
            .collect::<Vec<_>>()
            .join("-")
    }
    let given =
        |word: &str| in_capitals(word) && is_given_name(&as_name(word.trim_end_matches('.')));
    if !given(words[i].1) {
        return None;
    }
    let surname = |word: &str| {
        in_capitals(word)
            && word.chars().count() >= 3
            && !super::affiliations::is_party(word)
            && !crate::analysis::stem::is_nynorsk_word(&word.trim_end_matches('.').to_lowercase())
    };
    let mut j = i + 1;
    while j < words.len()
        && j - i < 4
        && !ends_sentence(words[j - 1].1)
        && (given(words[j].1) || surname(words[j].1))
    {
        j += 1;
    }
    while j > i + 1 && given(words[j - 1].1) {
        j -= 1;
    }
    // A line all in capitals goes on after a name in it; one that does is read as
    // a heading ("FRITAK FRÅ VERV - KARI NES OLSEN SE, VIK"), not as a name.
    let heading_goes_on = !ends_sentence(words[j - 1].1)
        && words
            .get(j)
            .is_some_and(|(_, next)| in_capitals(next) && !super::affiliations::is_party(next));
    (j >= i + 2 && !heading_goes_on).then_some(j)
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
/// Nor is a surname followed by the position column ("Kari Lie Dal Medlem AP",
/// "Per Lie Dal Leiar AP"): two members of one family share it.
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
        let next = text[end..].split_whitespace().next().unwrap_or_default();
        let next_capital =
            next.starts_with(|c: char| c.is_uppercase()) && !super::roles::is_role_word(next);
        let after_surname = words.len() >= 3 && !is_given_name(before) && !is_any_initial(before);
        let rest = text[start..start + at].trim_end();
        (after_surname && next_capital).then_some((rest, last))
    };
    let cells: Vec<Option<(&str, &str)>> = names.iter().map(cell).collect();
    // "Kari Nes Medlem AP Ola Hansen Sævik Medlem KRF": where a name that ends in
    // no such word is followed by a post or a party at once, the rows hold no
    // column before those cells, and a shared last word before one is a surname.
    let post = |end: usize| {
        text[end..]
            .split_whitespace()
            .next()
            .is_some_and(|w| is_role_word(w) || is_party(w))
    };
    let posts_follow_names = names
        .iter()
        .zip(&cells)
        .any(|(&(_, end), cell)| cell.is_none() && post(end));
    let mut dropped = Vec::new();
    for (k, &(_, end)) in names.iter().enumerate() {
        let Some((rest, word)) = cells[k] else {
            continue;
        };
        let other_name = cells
            .iter()
            .flatten()
            .any(|(other, w)| *w == word && *other != rest);
        if other_name && !(posts_follow_names && post(end)) {
            dropped.push((k, rest.len()));
        }
    }
    for (k, length) in dropped {
        names[k].1 = names[k].0 + length;
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
    mark || role || (after_surname && (new_name || is_layout_word(bare) || is_plural_role(bare)))
}

/// A role in the plural heads the names after it ("… Vik Rådmenn: …", "… Vik
/// Ordførarane"): no surname is one.
fn is_plural_role(word: &str) -> bool {
    let word = word.trim_end_matches(':');
    let irregular = word
        .strip_suffix("menn")
        .is_some_and(|stem| super::roles::is_role_word(&format!("{stem}mann")));
    let indefinite = word
        .strip_suffix("arar")
        .is_some_and(|stem| super::roles::is_role_word(&format!("{stem}ar")));
    irregular || indefinite || super::roles::singular_of_plural_role(word).is_some()
}

/// Words of a report's layout that the text layer of a PDF runs into the name
/// before them: form labels ("Dato:", "Arkiv:", "Underskrifter:"), table headings
/// ("Merknader", "Kommentarar", "Permisjon"), words opening the sentence after a
/// lost full stop ("Deretter", "Dersom", "Orienterte"), and bodies named after the
/// name ("… Koordineringsgruppen:", "… Styret"). None of them is a surname.
pub(super) fn is_layout_word(word: &str) -> bool {
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
        // Attendance and case headings of minutes ("… Vik Medlemene blei innkalla",
        // "… Vik Andre: Rådmann …", "… Vik Politisk sekretær", "… Vik Saksgang").
        "Medlemer",
        "Medlemar",
        "Medlemmer",
        "Medlemene",
        "Medlemmene",
        "Andre",
        "Møtet",
        "Politisk",
        "Saksgang",
        "Sekretariat",
        "Sekretariatet",
        "Dessuten",
        // Column headings of a "Namn Stilling" table, and "Ass." of "ass. rådmann"
        // written with a capital.
        "Namn",
        "Navn",
        "Stilling",
        "Funksjon",
        "Ass",
        // Parties written out after a name in a list of who represents what.
        "Arbeidarpartiet",
        "Arbeiderpartiet",
        "Senterpartiet",
        "Miljøpartiet",
        "Framstegspartiet",
        "Fremskrittspartiet",
        "Sosialistisk",
        "Kristeleg",
        "Kristelig",
        "Høgre",
        "Høyre",
        "Raudt",
        "Rødt",
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
pub(super) fn ends_sentence(word: &str) -> bool {
    word.ends_with('.') && !is_initial(word)
}

/// A capital letter standing for a name without its full stop ("Gunhild N Hagane",
/// "Toralf G"). "I" and "Å" are words.
pub(super) fn is_bare_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase() && c != 'I' && c != 'Å')
}

pub(super) fn is_any_initial(word: &str) -> bool {
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
pub(super) fn is_name_word(word: &str) -> bool {
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
        assert_eq!(
            names(
                "leia av ordførar Siri Hauge Medlemene vart kalla inn. Andre: rådgjevar Nils Moen Politisk sekretær Eva Lund"
            ),
            ["Siri Hauge", "Nils Moen", "Eva Lund"]
        );
        assert_eq!(
            names("Rådmenn: Ola Berg og Siv Tangen Sekretariat: Åse Lie Dessuten møtte Per Ask"),
            ["Ola Berg", "Siv Tangen", "Åse Lie", "Per Ask"]
        );
        assert_eq!(
            names("Forfall: Kai Lunde Rådmenn: Ola Berg og Siv Tangen Ordførarane Per Ask"),
            ["Kai Lunde", "Ola Berg", "Siv Tangen", "Per Ask"]
        );
        assert_eq!(
            names(
                "Namn Stilling Ola Brekke rådmann Siv Lunde Ass rådmann Eva Dal Stilling konsulent"
            ),
            ["Ola Brekke", "Siv Lunde", "Eva Dal"]
        );
        assert_eq!(
            names("Per Lien Senterpartiet og Kari Dahl Miljøpartiet De Grønne stilte."),
            ["Per Lien", "Kari Dahl"]
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
    fn names_in_capitals_are_names_but_headings_are_not() {
        assert_eq!(
            names("NY LEIAR I LAGET ER GURO HAMREVOLL !! Takk til KARI SKJELDAL. OLA VIK"),
            ["GURO HAMREVOLL", "KARI SKJELDAL", "OLA VIK"]
        );
        assert_eq!(
            names("på møtet. TONE MARI BRATTELID «brenn» for leik"),
            ["TONE MARI BRATTELID"]
        );
        assert_eq!(
            names("DAG OG TID FOR MØTET. ANNE MARIE OG OLAV KOM. KARI VIL HA NYTT BYGG"),
            Vec::<&str>::new()
        );
        assert_eq!(names("Leiar: PER HOLTESTAD SV"), ["PER HOLTESTAD"]);
        assert_eq!(
            names("FRITAK FRÅ VERV - A E GRETE JOHA SE, VIK"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn a_column_run_into_several_names_is_dropped_but_a_shared_surname_kept() {
        assert_eq!(
            names("Jon Vik Nordbø SP Medlem Kari Lie Dal Nordbø AP Medlem"),
            ["Jon Vik", "Kari Lie Dal"]
        );
        assert_eq!(
            names("Siv Moe Brekke Medlem AP Tor Lid Brekke Medlem H Ola Ness Leiar KRF"),
            ["Siv Moe Brekke", "Tor Lid Brekke", "Ola Ness"]
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
        // A surname several people of a table share, followed by the cell that
        // follows the other names: the rows start with the post, no column before.
        assert_eq!(
            names("Per Vik Medlem AP Siri Lund Dal Medlem H Eva Moe Dal Leiar H Jon Li Medlem V"),
            ["Per Vik", "Siri Lund Dal", "Eva Moe Dal", "Jon Li"]
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
}
