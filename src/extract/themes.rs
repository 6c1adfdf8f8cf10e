//! Themes: what a report says its meeting dealt with.
//!
//! The report's own words for its topics: the items after "hovudtema"/"tema" (in
//! «guillemets» or as the list that follows), a sentence "Temaet var …", agenda
//! cases ("Sak 12/24 Budsjett 2025", read by [`super::agenda`]), subheadings, and
//! the projects a report says were presented.

use std::sync::LazyLock;

use regex::Regex;

use super::prefilter::{AnyCase, captures_where, first_captures};
use crate::report::{Passage, PassageKind};

static THEME_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:hovudtema|hovedtema|hovudtemaa|hovedtemaene|tema|temaa|temaene|tema(?:et)?\s+for|saker\s+knytt\s+til|saker\s+knyttet\s+til|dagsorden|program(?:met)?)(?-u:\b)")
        .expect("valid regex")
});
static GUILLEMETS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"«([^»]{3,200})»").expect("valid regex"));
static THEME_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)tema(?:et)?\s+(?:for\s+\S+(?:\s+\S+)?\s+)?(?:var|er|blir|vert)\s*:?\s+([^.!?\n]{8,200})")
        .expect("valid regex")
});
static AGENDA_CASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\d{1,2}[.:]\d{2}\s*[–—-]\s*\d{1,2}[.:]\d{2}\s+)?(?:sak|saksnr\.?|ps|rs|ds|os|fs)\s*\d{1,3}\s*/\s*\d{2,4}\s*[:.–—-]?\s*(.{3,160})$")
        .expect("valid regex")
});
static PRESENTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:presentert|presenterte|prosjekt)[^.]*\.\s*(?:Dette\s+er|Det\s+var|Dei\s+var|Det\s+gjaldt)\s+([^.]{5,300})")
        .expect("valid regex")
});
/// "dialogmøte om psykisk helse for barn og unge", "samla for å drøfte korleis …".
static MEETING_ABOUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:\p{L}*møte|seminar|konferanse|samling|fagdag|webinar)\s+om\s+([^.,;!?\n]{4,120})|(?-u:\b)(?:drøfte|drøfta|drøftar|drøfter|diskutere|diskuterte|diskuterer|sjå på|se på)\s+((?:korleis|kva|kven|hvordan|hva|hvem)\s+[^.;!?\n]{4,160})")
        .expect("valid regex")
});

static NUMBER_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}\p{N}_])(to|tre|fire|fem|seks|sju|syv|åtte|2|3|4|5|6|7|8)\s+(?:hovud|hoved)?tema")
        .expect("valid regex")
});

/// "orienterte om X", "innlegg om X", "drøfta X", "handsama X", "vedtok X", "tok X
/// til vitande": the object of a verb of presenting, discussing or deciding. The
/// verbs that take "om" only count with it; the others take their object directly.
static TOPIC_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:orienterte|orienterer|orienterar|orientere|orientera|orientering|orienteringar|informerte|informere|informera|informerer|informasjon|fortalde|fortalte|fortel|forteller|snakka|snakket|foredrag|føredrag|foredraget|føredraget|innlegg|innlegget|innleiing|innleiinga|innledning|presentasjon|presentasjonen|diskusjon|ordskifte|debatt|samtale|drøfting|kåseri|vedtak)(?:\s+\S+){0,4}?\s+om|(?:diskusjon|diskusjonar|debatt|ordskifte|samtale|samtalar|spørsmål)\s+(?:knytt|knytta|knyttet)\s+til|drøfta|drøftar|drøftet|drøfter|diskuterte|diskuterer|handsama|handsamar|behandla|behandlar|behandlet|behandler|vedtok|vedtek|vedtar|godkjende|godkjente|presenterte|presenterer|presenterte|la\s+fram|legg\s+fram|la\s+frem|legger\s+frem|gjekk\s+gjennom|gikk\s+gjennom|las\s+opp|les\s+opp|leste\s+opp|gjennomgang\s+av|oppsummerte|evaluerte|sette\s+fokus\s+på|sett\s+fokus\s+på|sette\s+søkelyset\s+på|tok\s+opp|tek\s+opp|tar\s+opp)(?-u:\b)\s*:?\s+")
        .expect("valid regex")
});

/// "tok X til vitande", "tok X til orientering".
static TAKEN_NOTE_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:tok|tek|tar)\s+([^.;!?\n]{3,160}?)\s+til\s+(?:vitande|etterretning|orientering)")
        .expect("valid regex")
});

/// Where a verb's object ends: a clause that turns to something else.
static OBJECT_END: LazyLock<Regex> = LazyLock::new(|| {
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

/// The points of a visit's or a church event's programme, named by what was done:
/// "opning av den nye vegen", "bedriftsbesøk hos Multi Maritime", "omvising på
/// campus", "synfaring i brannområdet", "samrådingsmøte med sokneråda".
static ACTIVITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}\p{N}_])((?:(?:den\s+)?offisielle\s+)?(?:opning|opninga|opningen|åpning|åpningen)\s+av|(?:bedrifts|verksemds)?besøk\s+(?:hos|på|ved)|omvising|omvisning|omvisinga|synfaring|befaring|(?:\p{L}+)?synfaring|(?:samrådings|dialog|ope\s+|felles)?møte\s+med|demonstrasjon\s+av|(?:fest|familie)?gudsteneste\s+for|kyrkjelydsfest\s+for)(?-u:\b)\s+([^.;:!?\n]{3,100})")
        .expect("valid regex")
});

/// Where a programme point ends: the next point or a clause about something else.
static ACTIVITY_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),|\s(?:før|etter|der|som|då|da|medan|mens|og\s+(?:deretter|etterpå|så)|kl\.?|klokka)(?-u:\b)")
        .expect("valid regex")
});

fn activities(text: &str) -> Vec<String> {
    static WORDS: LazyLock<AnyCase> = LazyLock::new(|| {
        AnyCase::new(&[
            "opning",
            "åpning",
            "besøk",
            "omvis",
            "synfaring",
            "befaring",
            "møte",
            "demonstrasjon",
            "gudsteneste",
            "kyrkjelydsfest",
        ])
    });
    if !WORDS.may_occur_in(text) {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut from = 0;
    // Searched again from where each point ends: one sentence may name several.
    while let Some(caps) = ACTIVITY.captures_at(text, from) {
        let (Some(head), Some(object)) = (caps.get(1), caps.get(2)) else {
            break;
        };
        let end = ACTIVITY_END
            .find(object.as_str())
            .map_or(object.len(), |m| m.start());
        let phrase = text[head.start()..object.start() + end].trim();
        if object.as_str()[..end].trim().chars().count() >= 3 {
            found.push(phrase.to_string());
        }
        from = object.start() + end.max(1);
    }
    found
}

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

fn handled_subjects(text: &str) -> Vec<String> {
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

/// What a church, school or cultural event held: "jubileumsgudsteneste",
/// "hausttakkefest", "festmiddag", "konsert i Fitjar kyrkje", "minikurs i
/// hallingspringar". The head noun ends the word; a short complement with "for",
/// "i", "med" or "om" stays with it.
static EVENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}\p{N}_\-])((?:\d+-)?(\p{L}*?)(?:gudsteneste|gudstjeneste|fest|middag|konsert|stemne|stemnet|festival|festivalen|markering|premiere|jubileum|songkveld|salmekveld|temakveld|kurs|utstilling|turnering|avslutning|show|presentasjon))(?-u:\b)(\s+(?:for|i|med|om|på)\s+[^.,;:!?()\n]{3,60})?")
        .expect("valid regex")
});

/// Where an event's complement ends: a verb, a date or another clause.
static EVENT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s\d|\s(?:og|som|der|då|da|vart|blei|ble|var|er|med\s+\p{Lu}|den\s+\d|kl\.?|klokka|søndag|laurdag|lørdag|fredag|torsdag|onsdag|tysdag|tirsdag|måndag|mandag)(?-u:\b)")
        .expect("valid regex")
});

fn events(text: &str) -> Vec<String> {
    static HEADS: LazyLock<AnyCase> = LazyLock::new(|| {
        AnyCase::new(&[
            "gudsteneste",
            "gudstjeneste",
            "fest",
            "middag",
            "konsert",
            "stemne",
            "festival",
            "markering",
            "premiere",
            "jubileum",
            "kveld",
            "kurs",
            "utstilling",
            "turnering",
            "avslutning",
            "show",
            "presentasjon",
        ])
    });
    captures_where(&EVENT, text, HEADS.may_occur_in(text))
        .filter_map(|caps| {
            let noun = caps.get(1)?.as_str();
            // A bare common word is too vague ("kurs", "show"): only compounds and
            // the events that stand alone ("konsert", "festival", "jubileum").
            let lower = noun.to_lowercase();
            let standalone = [
                "konsert",
                "festival",
                "festivalen",
                "jubileum",
                "premiere",
                "utstilling",
                "markering",
                "gudsteneste",
                "gudstjeneste",
                "songkveld",
                "salmekveld",
                "temakveld",
            ];
            // "minikurs", "festmiddag"; not "konkurs" or "representasjon", not the
            // time of day ("ettermiddag"), not a verb or a town ending in "-fest"
            // ("treffest", "Hammerfest").
            let prefix = caps.get(2).map_or("", |p| p.as_str()).to_lowercase();
            let time_of_day = lower.ends_with("middag")
                && ["etter", "føre", "for", "fore"].contains(&prefix.as_str());
            let verb_or_town = lower.ends_with("fest")
                && (noun.starts_with(char::is_uppercase) || prefix.ends_with("tref"));
            // "100-årsjubileum": the years before the hyphen make it a compound too.
            let compound =
                (prefix.chars().count() >= 4 || prefix == "års") && !time_of_day && !verb_or_town;
            if !(compound || standalone.contains(&lower.as_str())) {
                return None;
            }
            let complement = caps.get(3).map_or("", |c| {
                let c = c.as_str();
                EVENT_END.find(c).map_or(c, |end| &c[..end.start()])
            });
            Some(format!("{noun}{}", complement.trim_end()))
        })
        .collect()
}

/// The topics verbs of presenting, discussing or deciding have as their objects.
fn verb_objects(text: &str) -> Vec<String> {
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
    if PRONOUN_OBJECTS.contains(&first.as_str()) && words.len() <= 2
        || words.len() > 20
        || !object.chars().next().is_some_and(char::is_alphabetic)
    {
        return None;
    }
    Some(object.to_string())
}

/// An intro whose list below names topics: "Hovudpunkta i orienteringa er:",
/// "Følgjande saker vart handsama:", "Vedlegg:".
static LIST_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)hovudpunkt|hovedpunkt|hovudområde|hovedområde|(?-u:\b)saker|(?-u:\b)sakene|(?-u:\b)vedlegg|orienter|stikkord|(?-u:\b)punkt|handsama|behandla|behandlet|drøfta|diskutert|vedtok")
        .expect("valid regex")
});

/// A heading over the points of an agenda: "Sakliste", "Saker til orientering",
/// "Interpellasjonar".
static AGENDA_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:sakliste|saksliste|saker|dagsorden|vedtakssaker|orienteringssaker|referatsaker|drøftingssaker|interpellasjonar|interpellasjoner|spørsmål|saker\s+til\s+(?:handsaming|behandling|orientering|drøfting))\s*:?$")
        .expect("valid regex")
});

/// "Kari Nes vart valt til ny ordførar", "vart attvald som leiar": an election, named
/// as the meeting's point "val av ordførar".
static ELECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:valt|vald|valde|attvald|attvalt|attvalde|gjenvalgt|gjenvald|valgt|valgte)\s+(?:til|som)\s+(?:ny\s+|nye\s+)?([\p{L}\-]+)")
        .expect("valid regex")
});

/// "På sakslista stod mellom anna A og B", "Denne dagen stod A og B på
/// programmet": what a report says stood on the agenda.
static ON_AGENDA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:på\s+(?:sakslista|saklista|sakslisten|programmet|dagsordenen|dagsorden|agendaen|kartet)\s+(?:stod|står|var|er|sto|hadde\s+dei)\s+(?:det\s+)?(?:mellom\s+anna\s+|blant\s+annet\s+|m\.a\.\s+|bl\.a\.\s+)?((?:\d\.\s|[^.;!?\n]){3,200})|(?:stod|står|sto)\s+(?:det\s+)?(?:mellom\s+anna\s+|blant\s+annet\s+)?([^.;!?\n]{3,160}?)\s+på\s+(?:sakslista|saklista|sakslisten|programmet|dagsordenen|agendaen))")
        .expect("valid regex")
});

/// "det er fire hovudområde: A, B, C og D", "hovudsaka var X": topics named inline.
static INLINE_TOPICS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:hovudområde|hovedområde|hovudpunkt|hovedpunkt|stikkord|hovudsak|hovedsak|hovudsaka|hovedsaken|fokusområde|satsingsområde)(?:a|ane|ene|er|en)?(?:\s+[^\s:.!?]+){0,4}?\s*(?::|\s+var|\s+er|\s+blir|\s+vert)\s+([^.!?\n:]{3,200})")
        .expect("valid regex")
});

/// Splits "A, B, C og D" into its topics when each is short; else the whole.
fn split_topics(list: &str) -> Vec<String> {
    let items: Vec<&str> = list
        .split(", ")
        .flat_map(|part| {
            part.rsplitn(2, " og ")
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
        })
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    if items.len() >= 2
        && items
            .iter()
            .all(|item| item.split_whitespace().count() <= 6)
    {
        items.into_iter().map(str::to_string).collect()
    } else {
        vec![list.trim().to_string()]
    }
}

/// A line that can be an item of a list without bullets: a few words, no sentence.
fn is_list_line(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=14).contains(&words)
        && !text.trim_end().ends_with(['.', ':'])
        && text.chars().next().is_some_and(char::is_alphabetic)
}

/// Subheadings that are page furniture, not topics.
const GENERIC_HEADINGS: &[&str] = &[
    "les meir om",
    "les mer om",
    "gå til",
    "relatert",
    "dette skjer vidare",
    "dette skjer videre",
    "vidare arbeid",
    "videre arbeid",
    "neste møte",
    "kontakt",
    "kontaktinformasjon",
    "les meir",
    "les mer",
    "fakta",
    "bakgrunn",
    "vedtak",
    "oppsummering",
    "konklusjon",
    "eventuelt",
    "relaterte lenker",
    "relaterte saker",
    "del",
    "til stades",
    "forfall",
    "frå administrasjonen",
    "innhald",
    "innhold",
    "program",
    "sakliste",
];

fn clean_theme(text: &str) -> String {
    let text = text
        .trim()
        .trim_end_matches(['.', ',', ':', ';', ' '])
        .trim();
    text.trim_matches(['«', '»', '"']).trim().to_string()
}

fn push_theme(themes: &mut Vec<String>, theme: String) {
    let words = theme.split_whitespace().count();
    if theme.chars().count() < 3 || words > 30 {
        return;
    }
    if !themes.iter().any(|t| t.eq_ignore_ascii_case(&theme)) {
        themes.push(theme);
    }
}

/// The first sentence of a list item, kept with a question mark.
fn first_sentence(text: &str) -> &str {
    let mut end = text.len();
    for (i, c) in text.char_indices() {
        if matches!(c, '?' | '!') {
            end = i + c.len_utf8();
            break;
        }
        if c == '.' && text[i + 1..].starts_with(' ') && !text[..i].ends_with(char::is_numeric) {
            end = i;
            break;
        }
        if c == '\n' {
            end = i;
            break;
        }
    }
    &text[..end]
}

/// "Helseplattformen (HP) var det siste hovudtemaet for samlinga" → "Helseplattformen".
fn theme_subject(sentence: &str) -> String {
    static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(.{2,120}?)\s*(?:\([^)]*\))?\s+(?:var|er)\s+(?:det\s+)?(?:første|andre|tredje|fjerde|siste|neste|eit|et|eitt)?\s*(?:hovud|hoved)?tema")
            .expect("valid regex")
    });
    match SUBJECT.captures(sentence) {
        Some(caps) => caps[1].trim().to_string(),
        None => sentence.to_string(),
    }
}

/// Themes named by the report. `names_in` tells whether a passage's first sentence
/// names a person: such list items are about who spoke, not topics.
pub fn find_themes(
    passages: &[Passage],
    names_a_person: impl Fn(usize, &str) -> bool,
) -> Vec<String> {
    let mut themes = Vec::new();
    let mut case_titles = super::agenda::case_titles(passages).into_iter().peekable();
    let mut items = super::agenda::numbered_items(passages)
        .into_iter()
        .peekable();
    for (index, passage) in passages.iter().enumerate() {
        let text = &passage.text;
        let has_intro = THEME_INTRO.is_match(text);
        if has_intro {
            for caps in GUILLEMETS.captures_iter(text) {
                push_theme(&mut themes, clean_theme(&caps[1]));
            }
        }
        if let Some(caps) = first_captures(&MEETING_ABOUT, text) {
            let theme = caps
                .get(1)
                .or_else(|| caps.get(2))
                .map_or("", |m| m.as_str());
            // The topic ends where the sentence turns to time and place.
            static PLACE_OR_TIME: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r" (?:i går| i dag|på |den |med |i (?:\p{Lu}|\p{Ll}+salen|\p{Ll}+rommet|auditoriet))")
                    .expect("valid regex")
            });
            let cut = PLACE_OR_TIME
                .find_iter(theme)
                .map(|m| m.start())
                .find(|&i| i >= 8)
                .unwrap_or(theme.len());
            push_theme(&mut themes, clean_theme(&theme[..cut]));
        }
        // The first line of a block that starts with a short headline (old pages
        // set subheadings in bold inside the text).
        if let Some((first, rest)) = text.split_once('\n')
            && !rest.trim().is_empty()
            && is_headline(first)
        {
            push_theme(&mut themes, clean_theme(first));
        }
        if let Some(caps) = first_captures(&THEME_SENTENCE, text) {
            let theme = &caps[1];
            if !theme.contains('«') && !theme.trim_start().starts_with(':') {
                push_theme(&mut themes, clean_theme(theme));
            }
        }
        // "Dei tre hovudtema for samlinga var:" and the list after it.
        let list_intro = (text.trim_end().ends_with(':')
            && (has_intro || LIST_INTRO.is_match(text)))
            || AGENDA_HEADING.is_match(text.trim());
        if list_intro {
            let wanted = NUMBER_WORD
                .captures(text)
                .and_then(|c| number(&c[1]))
                .unwrap_or(usize::MAX);
            let mut taken = 0;
            let mut seen_item = false;
            for (next, item) in passages.iter().enumerate().skip(index + 1).take(16) {
                if taken >= wanted {
                    break;
                }
                // Short lines without bullets make a list as well, when they come
                // right after the intro.
                let short_line = item.kind == PassageKind::Paragraph
                    && next == index + 1 + taken
                    && is_list_line(&item.text);
                // Numbered cases are read with their numbers by the agenda rules.
                if AGENDA_CASE.is_match(item.text.trim()) {
                    continue;
                }
                if item.kind != PassageKind::ListItem && !short_line {
                    if seen_item && wanted == usize::MAX {
                        break;
                    }
                    continue;
                }
                seen_item = true;
                let sentence = first_sentence(&item.text);
                if names_a_person(next, sentence) {
                    continue;
                }
                push_theme(&mut themes, clean_theme(&theme_subject(sentence)));
                taken += 1;
            }
        }
        while let Some((_, title)) = case_titles.next_if(|(at, _)| *at == index) {
            push_theme(&mut themes, clean_theme(&title));
        }
        while let Some((_, title)) = items.next_if(|(at, _)| *at == index) {
            if let Some(point) = agenda_point(&title, |words| names_a_person(index, words)) {
                push_theme(&mut themes, clean_theme(&point));
            }
        }
        if passage.kind == PassageKind::Heading {
            let heading = clean_theme(text);
            let lower = heading.to_lowercase();
            let generic = GENERIC_HEADINGS
                .iter()
                .any(|g| lower == *g || lower.starts_with(&format!("{g}:")));
            // A subheading heads a section: text of some length follows it (a
            // heading over a caption or a link is an image or link text).
            let heads_text = passages.get(index + 1).is_some_and(|next| {
                next.kind == PassageKind::ListItem || next.text.split_whitespace().count() >= 12
            });
            // The heading of a link box ("… Gå til X", "Les meir") is not a topic.
            let link_box = passages.iter().skip(index + 1).take(2).any(|p| {
                let lower = p.text.to_lowercase();
                ["gå til ", "les meir", "les mer", "sjå òg", "se også"]
                    .iter()
                    .any(|w| lower.starts_with(w))
            });
            let heads_text = heads_text && !link_box;
            if !generic && heads_text && is_headline(text) && !AGENDA_CASE.is_match(&heading) {
                push_theme(&mut themes, heading);
            }
        }
        static ELECTED: LazyLock<AnyCase> =
            LazyLock::new(|| AnyCase::new(&["vald", "valt", "valgt", "valde", "valgte"]));
        for caps in captures_where(&ELECTION, text, ELECTED.may_occur_in(text)) {
            let office = caps[1].to_lowercase();
            if crate::extract::people::is_role_word(&office) {
                push_theme(&mut themes, format!("val av {office}"));
            }
        }
        static AGENDA_WORDS: LazyLock<AnyCase> = LazyLock::new(|| {
            AnyCase::new(&[
                "saklist",
                "sakslist",
                "programmet",
                "dagsorden",
                "agendaen",
                "kartet",
            ])
        });
        for caps in captures_where(&ON_AGENDA, text, AGENDA_WORDS.may_occur_in(text)) {
            let Some(list) = caps.get(1).or_else(|| caps.get(2)) else {
                continue;
            };
            let list = OBJECT_END
                .find(list.as_str())
                .map_or(list.as_str(), |end| &list.as_str()[..end.start()]);
            for topic in split_topics(list) {
                push_theme(&mut themes, clean_theme(&topic));
            }
        }
        // Searched again from where each list ends: "Stikkord er samarbeid, og det er
        // fire hovudområde: …" names two.
        let mut from = 0;
        while let Some(caps) = INLINE_TOPICS.captures_at(text, from) {
            let Some(found) = caps.get(1) else { break };
            let list = found.as_str();
            let list = OBJECT_END
                .find(list)
                .map_or(list, |end| &list[..end.start()]);
            for topic in split_topics(list) {
                push_theme(&mut themes, clean_theme(&topic));
            }
            from = found.start() + list.len().max(1);
        }
        let handled = handled_subjects(text)
            .into_iter()
            .filter(|subject| !names_a_person(index, subject));
        for object in verb_objects(text)
            .into_iter()
            .chain(activities(text))
            .chain(events(text))
            .chain(handled)
        {
            push_theme(&mut themes, clean_theme(&object));
        }
        if let Some(caps) = first_captures(&PRESENTED, text) {
            for project in split_projects(&caps[1]) {
                push_theme(&mut themes, clean_theme(&project));
            }
        }
    }
    for paper in super::business::standing_business(passages.iter().map(|p| p.text.as_str())) {
        push_theme(&mut themes, paper);
    }
    themes
}

/// The agenda point a numbered item names, without the person it names: "Val av
/// møteleiar Kari Nes" → "Val av møteleiar". An item that is a list of people ("Kari
/// Nes, leiar") or a talk by someone ("Perspektivet ved Kari Nes") is no point.
fn agenda_point(title: &str, names_a_person: impl Fn(&str) -> bool) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    // Where the first name mentioned ends, and where it starts.
    let Some(end) = (1..=words.len()).find(|&k| names_a_person(&words[..k].join(" "))) else {
        return Some(title.to_string());
    };
    let start = (0..end)
        .rev()
        .find(|&j| names_a_person(&words[j..end].join(" ")))
        .unwrap_or(0);
    let before = &words[..start];
    let talk = before.iter().any(|w| {
        let w = w.to_lowercase();
        w == "ved"
            || ["present", "orienter", "innlei", "foredrag"]
                .iter()
                .any(|v| w.starts_with(v))
    });
    (!before.is_empty() && !talk).then(|| before.join(" "))
}

/// Adds the subjects a headline gives: "Styremøte om legevakta" → "legevakta",
/// "Offisiell opning av Region Nordhordland Helsehus", "Kommunestyret vedtok
/// budsjettet", "100-årsjubileum for Marvik kapell".
pub fn add_headline_themes(headline: &str, themes: &mut Vec<String>) {
    let about = MEETING_ABOUT
        .captures(headline)
        .and_then(|caps| caps.get(1).or_else(|| caps.get(2)))
        .map(|m| m.as_str().to_string());
    for theme in about
        .into_iter()
        .chain(verb_objects(headline))
        .chain(activities(headline))
        .chain(events(headline))
    {
        push_theme(themes, clean_theme(&theme));
    }
}

/// A short line that reads as a subheading: a few words, no sentence punctuation,
/// no date or year, not a page-furniture label.
fn is_headline(line: &str) -> bool {
    let line = line.trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    let lower = line.to_lowercase();
    // Any year will do to recognise "Dag 1 – onsdag 13. november" as a date line.
    let any_year = super::dates::DateContext {
        reference: None,
        year: Some(2000),
    };
    let dated = (line.contains(|c: char| c.is_ascii_digit())
        && !super::dates::find_dates(line, &any_year).is_empty())
        || words
            .iter()
            .any(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()));
    (2..=10).contains(&words.len())
        && !line.ends_with(['.', ':', ',', ';'])
        && line.chars().next().is_some_and(char::is_uppercase)
        && !dated
        && !GENERIC_HEADINGS
            .iter()
            .any(|g| lower == *g || lower.starts_with(&format!("{g} ")))
        && ![
            "praktisk informasjon",
            "til stades",
            "forfall",
            "frå venstre",
            "fra venstre",
            "foto",
        ]
        .iter()
        .any(|g| lower.starts_with(g))
}

fn number(word: &str) -> Option<usize> {
    Some(match word.to_lowercase().as_str() {
        "to" | "2" => 2,
        "tre" | "3" => 3,
        "fire" | "4" => 4,
        "fem" | "5" => 5,
        "seks" | "6" => 6,
        "sju" | "syv" | "7" => 7,
        "åtte" | "8" => 8,
        _ => return None,
    })
}

/// "A (X) og Digitalt B ved C" → the projects, split where " og " starts a name.
fn split_projects(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = text.trim();
    while let Some(at) = rest.find(" og ") {
        let right = &rest[at + 4..];
        if right.chars().next().is_some_and(char::is_uppercase) {
            parts.push(rest[..at].to_string());
            rest = right;
        } else {
            break;
        }
    }
    parts.push(rest.to_string());
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use PassageKind::*;

    use crate::extract::passages_of as passages;

    #[test]
    fn the_points_under_an_agenda_heading() {
        let p = passages(&[
            (Heading, "Sakliste"),
            (ListItem, "Godkjenning av innkalling"),
            (ListItem, "Reglement for kontrollutvalet"),
            (Heading, "Interpellasjonar"),
            (ListItem, "Tilbod om omsorgsplass i nord eller sør"),
            (Paragraph, "Møtet vart sendt direkte."),
            (ListItem, "Les meir om kommunestyret"),
        ]);
        assert_eq!(
            find_themes(&p, |_, _| false),
            [
                "Godkjenning av innkalling",
                "Reglement for kontrollutvalet",
                "Tilbod om omsorgsplass i nord eller sør"
            ]
        );
    }

    #[test]
    fn the_points_of_a_visit_programme() {
        assert_eq!(
            activities(
                "Dagen startar med opning av den nye brua over fjorden, før turen går vidare til bedriftsbesøk hos Fjord Fisk i Førde."
            ),
            [
                "opning av den nye brua over fjorden",
                "bedriftsbesøk hos Fjord Fisk i Førde"
            ]
        );
        assert_eq!(
            activities(
                "Biskopen hadde møte med kommuneleiinga som har flotte tankar, og eit samrådingsmøte med alle sokneråda."
            ),
            [
                "møte med kommuneleiinga",
                "samrådingsmøte med alle sokneråda"
            ]
        );
        assert_eq!(
            activities("Etterpå var det omvising i det nye bygget."),
            ["omvising i det nye bygget"]
        );
        // A meeting in a body, or a visit to a town, is no programme point.
        assert!(activities("Møtet i kommunestyret tok to timar.").is_empty());
        assert!(activities("Han var på besøk i Florø i går.").is_empty());
    }

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
    fn an_election_is_a_point_of_the_meeting() {
        let themes = |text: &str| find_themes(&passages(&[(Paragraph, text)]), |_, _| false);
        assert_eq!(
            themes("Kari Nes vart valt til ny ordførar. Ola Berg vart vald som varaordførar."),
            ["val av ordførar", "val av varaordførar"]
        );
        assert!(themes("Han vart valt til å leie arbeidet.").is_empty());
    }

    #[test]
    fn the_subject_a_headline_gives() {
        let mut themes = Vec::new();
        add_headline_themes("Styremøte om legevakta", &mut themes);
        add_headline_themes("Offisiell opning av Vik helsehus", &mut themes);
        add_headline_themes("100-årsjubileum for Vik kapell", &mut themes);
        add_headline_themes("Kari Nes er ny leiar", &mut themes);
        assert_eq!(
            themes,
            [
                "legevakta",
                "opning av Vik helsehus",
                "100-årsjubileum for Vik kapell"
            ]
        );
    }

    #[test]
    fn what_an_event_held() {
        assert_eq!(
            events(
                "Etter jubileumsgudstenesta var det hausttakkefest og festmiddag. Kvelden enda med konsert i Vik kyrkje søndag."
            ),
            ["hausttakkefest", "festmiddag", "konsert i Vik kyrkje"]
        );
        assert_eq!(
            events("Ho heldt minikurs i hallingspringar."),
            ["minikurs i hallingspringar"]
        );
        // Common words alone, and words that only end like an event, are not events.
        assert!(events("Han tok eit kurs. Eit show av ein kamp.").is_empty());
        assert!(events("Representasjon er viktig. Firmaet gjekk konkurs.").is_empty());
        assert!(events("I ettermiddag treffest dei i Hammerfest.").is_empty());
    }

    #[test]
    fn what_stood_on_the_agenda() {
        let themes = |text: &str| find_themes(&passages(&[(Paragraph, text)]), |_, _| false);
        assert_eq!(
            themes(
                "Denne dagen stod mellom anna samfunnsplanen og folkevaldopplæring på programmet."
            ),
            ["samfunnsplanen", "folkevaldopplæring"]
        );
        assert_eq!(
            themes(
                "På sakslista stod mellom anna framtidig barnehagebehov i kommunen og 2. tertialrapport 2020."
            ),
            [
                "framtidig barnehagebehov i kommunen",
                "2. tertialrapport 2020"
            ]
        );
        assert!(themes("Han stod på scena i to timar.").is_empty());
    }

    #[test]
    fn an_agenda_point_without_the_person_it_names() {
        let names = |words: &str| words.contains("Kari Nes");
        assert_eq!(
            agenda_point("Val av møteleiar Kari Nes", names).as_deref(),
            Some("Val av møteleiar")
        );
        assert_eq!(
            agenda_point("Budsjett 2025", names).as_deref(),
            Some("Budsjett 2025")
        );
        assert_eq!(agenda_point("Kari Nes, leiar", names), None);
        assert_eq!(agenda_point("Perspektivet ved Kari Nes", names), None);
    }

    #[test]
    fn themes_in_guillemets_and_after_a_list_intro() {
        let p = passages(&[
            (
                Paragraph,
                "Dei to hovudtema i møtet var «Helsepersonellkommisjonen sin rapport NOU 4:23» og «Korleis handtere fulle sjukehus».",
            ),
            (Paragraph, "Dei tre hovudtema for samlinga var:"),
            (
                ListItem,
                "Gir kunnskap eller pengar ny helsepolitikk? Redaktør Kari Nordal haldt føredrag.",
            ),
            (ListItem, "Seksjonsleiar Ola Dale gav eit innblikk."),
            (
                ListItem,
                "Overordna plan for sikkerheitspsykiatri. Meir tekst.",
            ),
            (
                ListItem,
                "Helseplattformen (HP) var det siste hovudtemaet for samlinga. Fire perspektiv.",
            ),
            (Heading, "Dette skjer vidare"),
            (Heading, "Felles legevakt for Ørsta og Volda"),
            (
                Paragraph,
                "Kommuneoverlegen orienterte om avtalen med nabokommunen om ei felles interkommunal legevakt i Volda.",
            ),
            (Paragraph, "Sak 12/24 Budsjett for 2025"),
        ]);
        let themes = find_themes(&p, |i, _| i == 3);
        assert_eq!(
            themes,
            [
                "Helsepersonellkommisjonen sin rapport NOU 4:23",
                "Korleis handtere fulle sjukehus",
                "Gir kunnskap eller pengar ny helsepolitikk?",
                "Overordna plan for sikkerheitspsykiatri",
                "Helseplattformen",
                "Felles legevakt for Ørsta og Volda",
                "avtalen med nabokommunen om ei felles interkommunal legevakt i Volda",
                "Budsjett for 2025",
            ]
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

    #[test]
    fn lists_after_an_intro_and_topics_named_inline() {
        let found = find_themes(
            &passages(&[
                (Paragraph, "Hovudpunkta i orienteringa er:"),
                (ListItem, "Livet i studentbygda"),
                (ListItem, "Samarbeid med andre institusjonar"),
                (Paragraph, "Vedlegg:"),
                (Paragraph, "Søknad frå Vitensenteret"),
                (Paragraph, "Rapport om kommunepsykologar"),
                (
                    Paragraph,
                    "Stikkord er samarbeid, og det er fire hovudområde: Pasientforløp, bemanning, beredskap og digitalisering.",
                ),
            ]),
            |_, _| false,
        );
        assert_eq!(
            found,
            [
                "Livet i studentbygda",
                "Samarbeid med andre institusjonar",
                "Søknad frå Vitensenteret",
                "Rapport om kommunepsykologar",
                "samarbeid",
                "Pasientforløp",
                "bemanning",
                "beredskap",
                "digitalisering",
            ]
        );
    }
}
