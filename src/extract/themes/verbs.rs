//! Verbs: the topics a report names as what was presented, discussed, handled or
//! decided, either as the object of an active verb ("orienterte om X", "drøfta X",
//! "tok X til vitande") or as the subject of the passive that minutes use ("X vart
//! godkjend").

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::prefilter::{AnyCase, captures_where};

/// "orienterte om X", "innlegg om X", "drøfta X", "handsama X", "vedtok X", "tok X
/// til vitande", "gjorde greie for X": the object of a verb of presenting,
/// discussing or deciding. The verbs that take "om" only count with it; the others
/// take their object directly. "Drøfte" and "diskutere" count as infinitives too:
/// what a visit came to discuss is its topic.
static TOPIC_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:orienterte|orienterer|orienterar|orientere|orientera|orientering|orienteringar|informerte|informere|informera|informerer|informasjon|fortalde|fortalte|fortel|forteller|snakka|snakket|foredrag|føredrag|foredraget|føredraget|innlegg|innlegget|innleiing|innleiinga|innledning|presentasjon|presentasjonen|diskusjon|ordskifte|debatt|samtale|drøfting|kåseri|vedtak)(?:\s+\S+){0,4}?\s+om|(?:diskusjon|diskusjonar|debatt|ordskifte|samtale|samtalar|spørsmål)\s+(?:knytt|knytta|knyttet)\s+til|drøfta|drøftar|drøftet|drøfter|drøfte|diskuterte|diskuterer|diskutere|redegjorde\s+for|redegjer\s+for|redegjør\s+for|gjorde\s+greie\s+for|gjer\s+greie\s+for|gjorde\s+rede\s+for|handsama|handsamar|behandla|behandlar|behandlet|behandler|vedtok|vedtek|vedtar|godkjende|godkjente|presenterte|presenterer|presenterte|la\s+fram|legg\s+fram|la\s+frem|legger\s+frem|gjekk\s+gjennom|gikk\s+gjennom|las\s+opp|les\s+opp|leste\s+opp|gjennomgang\s+av|oppsummerte|evaluerte|(?:sette|setje|setja|set|sett|satte)\s+(?:\S+\s+)?(?:fokus|søkelys|søkelyset|lys)\s+på|tok\s+opp|tek\s+opp|tar\s+opp)\s*:?\s+")
        .expect("valid regex")
});

/// "tok X til vitande", "tok X til orientering".
static TAKEN_NOTE_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:tok|tek|tar)\s+([^.;!?\n]{3,160}?)\s+til\s+(?:vitande|etterretning|orientering)")
        .expect("valid regex")
});

/// Where a verb's object ends: a clause that turns to something else.
pub(super) static OBJECT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),\s+(?:og|men|som|der|då|da|medan|mens|før|etter|sa|seier|sier|meinte|mente|fordi|slik|at|den|dei|det|dette)(?-u:\b)|\s+(?:i\s+møtet|på\s+møtet|under\s+møtet|i\s+dag|i\s+går|no\s+i|nå\s+i|for\s+(?:styret|rådet|utvalet|utvalget|kommunestyret|møtet|forsamlinga|deltakarane|deltakerne))(?-u:\b)|\s+[–—]\s")
        .expect("valid regex")
});

/// Objects that stand for something said before ("drøfta dette"), not a topic.
const PRONOUN_OBJECTS: &[&str] = &[
    "det", "dette", "den", "denne", "dei", "de", "desse", "disse", "saka", "saken", "saker", "oss",
    "seg", "meg", "han", "ho", "henne", "ein", "en", "eit", "et", "at", "også", "òg", "og", "med",
    "for", "til", "frå", "fra", "kva", "hva", "noko", "noe", "alt",
];

/// Lead-ins that say "among other things" before the object.
const AMONG_OTHERS: &[&str] = &[
    "mellom anna ",
    "mellom anna: ",
    "blant anna ",
    "m.a. ",
    "bl.a. ",
    "m.a ",
    "bl.a ",
    "også ",
    "òg ",
    "mellom anna om ",
    "blant anna om ",
];

/// "Årsmelding og rekneskap vart lagt fram", "Innkallinga vart godkjend utan
/// merknader": what a meeting approved, heard or handled, as the subject of the
/// passive minutes of associations use.
static HANDLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:^|[.!?:]\s+|\n)\s*(\p{Lu}[^.!?:;\n]{2,80}?)|(?-u:\b)(?:då|når|etter\s+at|før|medan|mens)\s+(\p{Ll}[^.!?:;,\n]{2,60}?))\s+(?:vart|vert|blei|ble|blir|er)\s+(?:og\s+|òg\s+|også\s+)?(?:samrøystes\s*|einstemt\s+|einstemmig\s+|enstemmig\s+|enstemt\s+)?(?:godkjend|godkjent|godkjende|godkjente|vedteke|vedteken|vedtatt|vedtatt|lagt\s+fram|lagd\s+fram|gjennomgått|opplese|lese\s+opp|lesen\s+opp|lest\s+opp|handsama|behandla|behandlet|drøfta|drøftet|presentert)(?-u:\b)")
        .expect("valid regex")
});

/// Subjects that only point back to something named before.
const POINTING_SUBJECTS: &[&str] = &[
    "den",
    "det",
    "dette",
    "denne",
    "dei",
    "de",
    "desse",
    "disse",
    "ho",
    "han",
    "båe",
    "begge",
    "alle",
    "alt",
    "forslaget",
    "framlegget",
    "vedtaket",
    "saka",
    "saken",
    "tilrådinga",
    "tilrådingen",
];

pub(super) fn handled_subjects(text: &str) -> Vec<String> {
    static WORDS: LazyLock<AnyCase> = LazyLock::new(|| {
        AnyCase::new(&[
            "godkjen",
            "vedte",
            "vedtatt",
            "fram",
            "gjennomgått",
            "opplese",
            "opp",
            "handsama",
            "behandl",
            "drøft",
            "presentert",
        ])
    });
    captures_where(&HANDLED, text, WORDS.may_occur_in(text))
        .filter_map(|caps| {
            let subject = caps.get(1).or_else(|| caps.get(2))?.as_str().trim();
            // "Leiaren ønskte velkommen då årsrapporten vart lagt fram": the subject
            // is the subordinate clause's.
            let subject = [" då ", " når ", " etter at ", " før ", " medan ", " mens "]
                .iter()
                .filter_map(|w| subject.rfind(w).map(|at| at + w.len()))
                .max()
                .map_or(subject, |at| &subject[at..]);
            let words: Vec<&str> = subject.split_whitespace().collect();
            let first = words.first()?.to_lowercase();
            let last = words.last()?.to_lowercase();
            // "… gjekk gjennom årsmeldinga, den vart godkjend": the clause points back.
            let pointing = (POINTING_SUBJECTS.contains(&first.as_str()) && words.len() <= 2)
                || (subject.contains(',') && POINTING_SUBJECTS.contains(&last.as_str()));
            // "Rådmannen si tilråding": whose proposal, not a topic.
            let proposal = subject.to_lowercase().contains("tilråding")
                || subject.to_lowercase().contains("framlegg til vedtak");
            (!pointing && !proposal && words.len() <= 8).then(|| subject.to_string())
        })
        .collect()
}

/// The topics verbs of presenting, discussing or deciding have as their objects.
pub(super) fn verb_objects(text: &str) -> Vec<String> {
    static TAKEN_NOTE: LazyLock<AnyCase> =
        LazyLock::new(|| AnyCase::new(&["vitande", "etterretning", "orientering"]));
    let taken_note = captures_where(&TAKEN_NOTE_OF, text, TAKEN_NOTE.may_occur_in(text))
        .filter_map(|caps| Some((caps.get(0)?.start(), caps.get(1)?.as_str())));
    verb_and_object(text)
        .chain(taken_note)
        .filter(|&(verb, _)| !after_auxiliary(text, verb) && !in_statement_of_purpose(text, verb))
        .filter_map(|(_, object)| topic_of(object))
        .collect()
}

/// Where each verb of [`TOPIC_VERB`] starts, with the rest of its clause: up to 200
/// characters before the next full stop, semicolon, mark or line end, at least three.
///
/// The pattern finds the verb alone and the clause is cut here: a pattern that took
/// the clause as well ran a case-folded repetition of 200 letters after every verb,
/// the dearest search of all the rules.
fn verb_and_object(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        while from < text.len() {
            let verb = TOPIC_VERB.find_at(text, from)?;
            let rest = &text[verb.end()..];
            let clause_len = rest
                .char_indices()
                .take(200)
                .find(|&(_, c)| matches!(c, '.' | ';' | '!' | '?' | '\n'))
                .map_or_else(
                    || rest.chars().take(200).map(char::len_utf8).sum(),
                    |(i, _)| i,
                );
            let object = &rest[..clause_len];
            if object.chars().count() >= 3 {
                from = verb.end() + clause_len;
                return Some((verb.start(), object));
            }
            from = verb.end();
        }
        None
    })
}

/// "Føremålet med møtet er å … informere om utfordringar": what a forum is for, not
/// what this meeting dealt with.
fn in_statement_of_purpose(text: &str, at: usize) -> bool {
    let sentence_start = text[..at].rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    let sentence = text[sentence_start..at].to_lowercase();
    ["formål", "føremål", "målet med", "hensikten", "hensikta"]
        .iter()
        .any(|w| sentence.contains(w))
}

/// "blir behandla lokalt", "vart vedteke": a participle after an auxiliary says what
/// happens to its subject; what follows is no object.
fn after_auxiliary(text: &str, at: usize) -> bool {
    let before = text[..at]
        .split_whitespace()
        .next_back()
        .unwrap_or_default()
        .to_lowercase();
    matches!(
        before.as_str(),
        "blir"
            | "vert"
            | "vart"
            | "blei"
            | "ble"
            | "bli"
            | "verte"
            | "er"
            | "var"
            | "vere"
            | "være"
    )
}

/// The object phrase cut to its topic, or `None` when it is no topic.
fn topic_of(object: &str) -> Option<String> {
    let mut object = object.trim();
    for lead in AMONG_OTHERS {
        if let Some(rest) = object.strip_prefix(lead) {
            object = rest.trim_start();
        }
    }
    if let Some(end) = OBJECT_END.find(object) {
        object = &object[..end.start()];
    }
    let words: Vec<&str> = object.split_whitespace().collect();
    let first = words.first()?.to_lowercase();
    // "Her ser du informasjon om eit møte i kommunestyret": the meeting itself, the
    // page's own introduction, and not what it dealt with.
    let the_meeting = matches!(
        words
            .get(..2)
            .map(|w| w.join(" ").to_lowercase())
            .as_deref(),
        Some("eit møte" | "et møte" | "møtet i" | "møtet den")
    );
    if PRONOUN_OBJECTS.contains(&first.as_str()) && words.len() <= 2
        || the_meeting
        || words.len() > 20
        || !object.chars().next().is_some_and(char::is_alphabetic)
    {
        return None;
    }
    Some(object.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::passages_of as passages;
    use crate::extract::themes::find_themes;
    use crate::report::PassageKind::*;

    #[test]
    fn what_the_minutes_say_was_approved_or_handled() {
        assert_eq!(
            handled_subjects(
                "Årsmelding og rekneskap vart lagt fram utan merknader. Innkallinga vart samrøystes godkjend."
            ),
            ["Årsmelding og rekneskap", "Innkallinga"]
        );
        assert_eq!(
            handled_subjects("Budsjett, arbeidsprogram og kontingent vart godkjent."),
            ["Budsjett, arbeidsprogram og kontingent"]
        );
        // A pointer back, or a proposal, is no topic.
        assert!(
            handled_subjects(
                "Båe vart samrøystes godkjent. Rådmannen si tilråding vart samrøystes vedteken."
            )
            .is_empty()
        );
        assert!(handled_subjects("Dette er godkjent av styret.").is_empty());
        assert_eq!(
            handled_subjects("Leiaren ønskte velkommen då årsrapporten vart lagt fram i dag."),
            ["årsrapporten"]
        );
        let themes = find_themes(
            &passages(&[(
                Paragraph,
                "Leiaren gjekk gjennom årsmeldinga, den vart godkjend.",
            )]),
            |_, _| false,
        );
        assert_eq!(themes, ["årsmeldinga"]);
    }

    #[test]
    fn a_discussion_tied_to_a_topic() {
        let themes = |text: &str| find_themes(&passages(&[(Paragraph, text)]), |_, _| false);
        assert_eq!(
            themes(
                "Under møtet vart det mellom anna diskusjon knytt til eigedomsregelverk og regionreform."
            ),
            ["eigedomsregelverk og regionreform"]
        );
    }

    #[test]
    fn a_statement_of_purpose_names_no_theme() {
        let themes = |text: &str| find_themes(&passages(&[(Paragraph, text)]), |_, _| false);
        assert!(
            themes("Føremålet med møtet er å informere om utfordringar i kommunane.").is_empty()
        );
        assert_eq!(
            themes("Ordføraren ville informere om situasjonen rundt korona."),
            ["situasjonen rundt korona"]
        );
    }

    #[test]
    fn objects_of_verbs_of_presenting_discussing_and_deciding() {
        let themes = |text: &str| find_themes(&passages(&[(Paragraph, text)]), |_, _| false);
        assert_eq!(
            themes("Rektor orienterte om status for opptaket, og styret tok det til vitande."),
            ["status for opptaket"]
        );
        assert_eq!(
            themes("Rådet drøfta mellom anna samarbeid om kommunepsykologar i møtet."),
            ["samarbeid om kommunepsykologar"]
        );
        assert_eq!(
            themes("Styret tok årsmeldinga for 2018 til vitande."),
            ["årsmeldinga for 2018"]
        );
        assert_eq!(
            themes("Hun hadde et innlegg om rekruttering av fastleger."),
            ["rekruttering av fastleger"]
        );
        // An object that only points back is no topic.
        assert!(themes("Utvalet drøfta dette.").is_empty());
        // Nor is the meeting itself, which a page's introduction gives.
        assert!(themes("Her finn du informasjon om eit møte i Formannskapet.").is_empty());
        assert!(themes("Her får du meir informasjon om møtet i Ungdomsrådet.").is_empty());
        assert_eq!(
            themes("Ho orienterte om møtet med fylkeskommunen om vegen."),
            ["møtet med fylkeskommunen om vegen"]
        );
    }

    #[test]
    fn what_was_accounted_for_or_came_to_be_discussed() {
        let themes = |text: &str| find_themes(&passages(&[(Paragraph, text)]), |_, _| false);
        assert_eq!(
            themes("Rådgjevaren redegjorde for tilskotsordningane til lag og foreiningar."),
            ["tilskotsordningane til lag og foreiningar"]
        );
        assert_eq!(
            themes("Kommunalsjefen gjorde greie for sine tankar om skulestrukturen."),
            ["sine tankar om skulestrukturen"]
        );
        assert_eq!(
            themes("Ordførarane kom for å diskutere eit felles reiselivsselskap."),
            ["eit felles reiselivsselskap"]
        );
        assert_eq!(
            themes("Styret vil drøfte vegen vidare for hamna."),
            ["vegen vidare for hamna"]
        );
    }

    #[test]
    fn a_topic_brought_into_focus() {
        let themes = |text: &str| find_themes(&passages(&[(Paragraph, text)]), |_, _| false);
        assert_eq!(
            themes("Til slutt vart det sett fokus på trafikktryggleik ved skulen."),
            ["trafikktryggleik ved skulen"]
        );
        assert_eq!(
            themes("Me vil setja lys på situasjonen for dei eldre i bygda."),
            ["situasjonen for dei eldre i bygda"]
        );
        assert_eq!(
            themes("Laget sette igjen søkelyset på vedlikehald av stiane."),
            ["vedlikehald av stiane"]
        );
        // Light on a stage is no topic without "på" after it.
        assert!(themes("Dei sette lys i vindauga.").is_empty());
    }

    #[test]
    fn a_verbs_object_runs_to_the_clause_end_and_no_further() {
        let objects = |text: &str| -> Vec<(usize, String)> {
            verb_and_object(text)
                .map(|(at, object)| (at, object.to_string()))
                .collect()
        };
        assert_eq!(
            objects("Styret drøfta budsjettet; dei handsama òg planen for skulen! Slutt"),
            [
                (7, "budsjettet".to_string()),
                (31, "òg planen for skulen".to_string())
            ]
        );
        // An object of fewer than three letters is none; the next verb still counts.
        assert_eq!(
            objects("Dei drøfta ab. Så vedtok dei planen"),
            [(20, "dei planen".to_string())]
        );
        // A verb inside another verb's object is part of that object.
        assert_eq!(
            objects("Rådet drøfta korleis ein handsamar søknader\nNeste"),
            [(7, "korleis ein handsamar søknader".to_string())]
        );
        // At most 200 letters, counted as letters and not bytes.
        let long = "ø".repeat(250);
        let found = objects(&format!("Dei drøfta {long}"));
        assert_eq!(found[0].1.chars().count(), 200);
    }
}
