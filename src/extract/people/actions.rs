//! Actions: what each person did at the meeting, from the words around their name.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::Regex;

use super::Mention;
use crate::report::{Action, Passage, Person};

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

/// A passage in lowercase, made once for all its mentions: every mention looks back
/// over its whole passage, and lowering it anew for each name of a long list was
/// quadratic. `None` where lowering changes a letter's length, so that offsets would
/// not carry over.
fn lowered(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let same_offsets = lower.len() == text.len()
        && text
            .chars()
            .zip(lower.chars())
            .all(|(a, b)| a.len_utf8() == b.len_utf8());
    same_offsets.then_some(lower)
}

/// Records what each person did, from the words next to their mentions.
pub(super) fn assign_actions(passages: &[Passage], people: &mut [Person], mentions: &[Mention]) {
    // Only passages with a mention are lowered, each once.
    let mut lowered_texts: Vec<Option<Option<String>>> = vec![None; passages.len()];
    let mut labels: Vec<Option<String>> = vec![None; passages.len()];
    for (i, mention) in mentions.iter().enumerate() {
        let text = &passages[mention.passage].text;
        let lowered_text = lowered_texts[mention.passage]
            .get_or_insert_with(|| lowered(text))
            .as_deref();
        let lower = |from: usize, to: usize| -> Cow<'_, str> {
            match lowered_text {
                Some(lower) => Cow::Borrowed(&lower[from..to]),
                None => Cow::Owned(text[from..to].to_lowercase()),
            }
        };
        let lower_before = lower(0, mention.start);
        // Attendance blocks: the last label before the name says who was absent,
        // even when the label heads the list in the passage before.
        let previous = labels[mention.passage]
            .get_or_insert_with(|| attendance_label(passages, mention.passage).unwrap_or_default())
            .as_str();
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
