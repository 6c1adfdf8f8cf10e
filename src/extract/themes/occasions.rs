//! Occasions: what a visit's programme or a church, school or cultural event held,
//! named by the activity ("opning av …", "omvising i …") or the event itself
//! ("hausttakkefest", "konsert i …").

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::prefilter::{AnyCase, captures_where};

/// The points of a visit's or a church event's programme, named by what was done:
/// "opning av den nye vegen", "bedriftsbesøk hos Multi Maritime", "omvising på
/// campus", "synfaring i brannområdet", "samrådingsmøte med sokneråda".
static ACTIVITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}\p{N}_])((?:(?:den\s+)?offisielle\s+)?(?:opning|opninga|opningen|åpning|åpningen)\s+av|(?:bedrifts|verksemds)?besøk\s+(?:hos|på|ved)|omvising|omvisning|omvisinga|synfaring|befaring|(?:\p{L}+)?synfaring|(?:samrådings|dialog|ope\s+|felles)?møte\s+med|demonstrasjon\s+av|(?:fest|familie)?gudsteneste\s+for|kyrkjelydsfest\s+for)\s+([^.;:!?\n]{3,100})")
        .expect("valid regex")
});

/// Where a programme point ends: the next point or a clause about something else.
static ACTIVITY_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),|\s(?:før|etter|der|som|då|da|medan|mens|og\s+(?:deretter|etterpå|så)|kl\.?|klokka)(?-u:\b)")
        .expect("valid regex")
});

pub(super) fn activities(text: &str) -> Vec<String> {
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

pub(super) fn events(text: &str) -> Vec<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
            activities("Dagen enda med bedriftsbesøk på Vik Verft."),
            ["bedriftsbesøk på Vik Verft"]
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
}
