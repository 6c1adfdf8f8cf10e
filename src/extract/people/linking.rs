//! Linking: the mentions that name a person without the whole name (a surname or
//! a given name alone) and the spellings that are one person ("Leni A. Brækhus" and
//! "Leni Aurora Brækhus").

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use memchr::memmem;
use regex::Match;

use super::Mention;
use super::names::{
    ends_sentence, is_any_initial, is_bare_initial, is_given_name, is_layout_word, is_name_word,
    is_not_name_word, split_words,
};
use crate::report::{Passage, Person};

/// Adds the people named by a given name or a surname alone (see
/// `given_names_alone` and `surnames_alone`), with their mentions; `mentions` holds
/// the full names.
pub(super) fn link_names_alone(
    passages: &[Passage],
    runs: &[Vec<Match<'_>>],
    people: &mut Vec<Person>,
    mentions: &mut Vec<Mention>,
) {
    // The full names of each passage, gathered in one pass over the mentions.
    let mut full_names: Vec<Vec<(usize, usize)>> = vec![Vec::new(); passages.len()];
    for m in mentions.iter() {
        full_names[m.passage].push((m.start, m.end));
    }
    for (index, passage) in passages.iter().enumerate() {
        let given = given_names_alone(&passage.text, &runs[index], &full_names[index])
            .into_iter()
            .map(|span| {
                (
                    span,
                    merge_given_name(people, &passage.text[span.0..span.1]),
                )
            });
        let given: Vec<_> = given.collect();
        let surnames: Vec<_> = surnames_alone(&passage.text, &runs[index])
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
fn surnames_alone(text: &str, runs: &[Match<'_>]) -> Vec<(usize, usize)> {
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
    static SAYING_WORDS: LazyLock<AhoCorasick> =
        LazyLock::new(|| AhoCorasick::new(SAYING).expect("a small static word list builds"));
    let mut found = Vec::new();
    // Most passages quote no one: no pass over their capitalised words then. One
    // scan for all the verbs, each occurrence a word of its own.
    if !SAYING_WORDS.find_overlapping_iter(text).any(|m| {
        text.as_bytes().get(m.end()) == Some(&b' ')
            && text[..m.start()].ends_with(char::is_whitespace)
    }) {
        return found;
    }
    for run in runs {
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
fn given_names_alone(
    text: &str,
    runs: &[Match<'_>],
    full: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    for run in runs {
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

fn surname(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or(name)
}

fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// Adds `name` to the person it belongs to (same first name and surname, middle
/// names compatible), or as a new person. Returns the person's index.
pub(super) fn merge_person(people: &mut Vec<Person>, name: &str) -> usize {
    // Most mentions repeat a name as first written: no spelling to weigh.
    if let Some(same) = people.iter().position(|p| p.name == name) {
        return same;
    }
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
    // Cheapest first: most names end in no initial.
    if !short.last().is_some_and(|w| is_bare_initial(w)) {
        return false;
    }
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
        && full.starts_with(short)
        && short.iter().all(|w| is_given_name(w))
}

/// Whether two names are one person's spelled apart: a hyphen for a space
/// ("Hans-Erik"), "aa" for "å", one letter mistyped or lost ("Katrin"/"Kathrin",
/// "Walseth"/"Walsetk", "Code"/"Codes"), or a surname cut off at the end of a text
/// ("Skråm" of "Skråmestø"). Short words must be equal: "Ola"/"Ole" and
/// "Nes"/"Ness" are other people; so are first names under seven letters
/// ("Marit"/"Marie").
fn spelled_apart(a: &[&str], b: &[&str]) -> bool {
    let fold = |w: &str| w.to_lowercase().replace("aa", "å");
    if folded_letters(a).eq(folded_letters(b)) {
        return true;
    }
    if a.len() != b.len() || a.len() < 2 {
        return false;
    }
    let mut differing = (0..a.len()).filter(|&k| a[k] != b[k]);
    let (Some(k), None) = (differing.next(), differing.next()) else {
        return false;
    };
    let (x, y) = (fold(a[k]), fold(b[k]));
    let shorter = x.chars().count().min(y.chars().count());
    let cut_off = k == a.len() - 1 && shorter >= 4 && (x.starts_with(&y) || y.starts_with(&x));
    let least = if k == 0 { 7 } else { 4 };
    cut_off || shorter >= least && one_edit_apart(&x, &y)
}

/// The letters of a name's words in lowercase, a space between words and for a
/// hyphen, "aa" as "å": two spellings of one name give the same letters. Read one at
/// a time, since most names compared differ in their first letter.
fn folded_letters<'a>(words: &'a [&'a str]) -> impl Iterator<Item = char> + 'a {
    let mut letters = words
        .iter()
        .enumerate()
        .flat_map(|(k, word)| (k > 0).then_some(' ').into_iter().chain(word.chars()))
        .flat_map(char::to_lowercase)
        .map(|c| if c == '-' { ' ' } else { c })
        .peekable();
    std::iter::from_fn(move || {
        let c = letters.next()?;
        Some(if c == 'a' && letters.next_if_eq(&'a').is_some() {
            'å'
        } else {
            c
        })
    })
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
    use crate::extract::people::names::{capitalised_runs, full_names};

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

    #[test]
    fn folded_letters_are_those_of_the_lowered_name() {
        let folded = |words: &[&str]| folded_letters(words).collect::<String>();
        assert_eq!(folded(&["AASE", "Nes-Lid"]), "åse nes lid");
        assert_eq!(folded(&["Haaa"]), "håa");
        assert_eq!(folded(&["Ørjan"]), "ørjan");
        assert_eq!(folded(&[]), "");
    }

    fn alone(text: &str) -> Vec<&str> {
        let full = full_names(text);
        given_names_alone(text, &capitalised_runs(text), &full)
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
        let found: Vec<&str> = surnames_alone(text, &capitalised_runs(text))
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
            assert!(
                surnames_alone(text, &capitalised_runs(text)).is_empty(),
                "{text}"
            );
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
