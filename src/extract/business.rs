//! Standing business: the papers every association, board and council goes through
//! once a year (the annual report, the accounts, the budget, the work plan, the
//! membership fee, the statutes) and, at an annual meeting, the election.
//!
//! Reports of such meetings name these papers in passing ("Leiaren gjekk gjennom
//! årsmeldinga", "Heller ikkje rekneskapen fekk merknad", "Rekneskapen for året 2011
//! fortel om god økonomi") rather than with a verb the other theme rules know, and a
//! report of an annual meeting that names one of them names it because the meeting
//! dealt with it. Elsewhere (a health trust's budget, a council's accounts, a mayoral
//! election) they are as often only mentioned, so the papers are taken only from
//! reports of an annual meeting.

use std::sync::LazyLock;

use regex::Regex;

use super::prefilter::{AnyCase, captures_where};

/// A paper of standing business as a whole word in one of its inflected forms, with
/// what it is of when that follows: "årsmeldinga for 2021", "Rekneskapen for året
/// 2011", "Medlemspengar 2016", "årsmeldinga frå nemnda".
static PAPER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}\p{N}_])((?:årsmelding|årsberetning|årsrapport)(?:a|en|ar|ane|er|ene)?|(?:rekneskap|reknskap|regnskap)(?:en|et)?|budsjett(?:et)?|arbeidsplan(?:en)?|arbeidsprogram(?:met)?|(?:medlems)?kontingent(?:en|satsen)?|medlemspeng(?:ar|ane|er|ene)|vedtekt(?:er|ene)|valet|valget)(?-u:\b)(\s+(?:for|frå|fra|per)(?:\s+året)?\s+(?:\d{4}(?:/\d{2,4})?(?-u:\b)|\p{Ll}{3,})|\s+\d{4}(?:/\d{2,4})?(?-u:\b))?")
        .expect("valid regex")
});

/// Words after "for" or "frå" that point elsewhere than to what the paper is of.
const NOT_OWNERS: &[&str] = &[
    "dei", "det", "den", "denne", "desse", "seg", "oss", "meg", "han", "henne", "alle", "neste",
    "ein", "eit", "en", "et", "første", "fyrste", "andre", "tredje", "siste",
];

/// Words that make a report one of an annual meeting, whose business these papers are.
static ANNUAL_MEETING: LazyLock<AnyCase> =
    LazyLock::new(|| AnyCase::new(&["årsmøte", "generalforsamling", "landsmøte", "årsmøtet"]));

/// The words of [`PAPER`], so that passages without one cost one scan.
static PAPER_WORDS: LazyLock<AnyCase> = LazyLock::new(|| {
    AnyCase::new(&[
        "årsmelding",
        "årsberetning",
        "årsrapport",
        "rekneskap",
        "reknskap",
        "regnskap",
        "budsjett",
        "arbeidsplan",
        "arbeidsprogram",
        "kontingent",
        "medlemspeng",
        "vedtekt",
        "valet",
        "valget",
    ])
});

/// The papers of standing business `texts` name when they are of an annual meeting,
/// each once: a later mention of a paper already found is kept only when it says
/// what else it is of ("årsmeldinga frå nemnda" after "årsmeldinga").
pub fn standing_business<'t>(texts: impl Iterator<Item = &'t str> + Clone) -> Vec<String> {
    if !texts.clone().any(|t| ANNUAL_MEETING.may_occur_in(t)) {
        return Vec::new();
    }
    let mut found: Vec<(String, Option<String>, String)> = Vec::new();
    for text in texts {
        for caps in captures_where(&PAPER, text, PAPER_WORDS.may_occur_in(text)) {
            let Some(word) = caps.get(1) else { continue };
            let lower = word.as_str().to_lowercase();
            let owner = caps.get(2).map(|c| c.as_str().trim()).filter(|c| {
                let last = c.split_whitespace().next_back().unwrap_or_default();
                !NOT_OWNERS.contains(&last.to_lowercase().as_str())
            });
            let stem = stem_of(&lower);
            // "Medlemspengar 2016" and "medlemspengar frå 2016" are one paper.
            let owner_key = owner
                .and_then(|o| o.split_whitespace().next_back())
                .map(str::to_lowercase);
            let known = found
                .iter()
                .any(|(s, o, _)| *s == stem && (owner_key.is_none() || *o == owner_key));
            if known {
                continue;
            }
            let phrase = match owner {
                Some(owner) => format!("{} {owner}", word.as_str()),
                None => word.as_str().to_string(),
            };
            found.push((stem, owner_key, phrase));
        }
    }
    found.into_iter().map(|(_, _, phrase)| phrase).collect()
}

/// The paper a word form names: "årsmeldinga" and "Årsmelding" are one paper, and
/// so are "rekneskapen" and its short spelling "reknskapen".
fn stem_of(lower: &str) -> String {
    if lower.starts_with("reknskap") {
        return "rekneskap".to_string();
    }
    const STEMS: &[&str] = &[
        "årsmelding",
        "årsberetning",
        "årsrapport",
        "rekneskap",
        "regnskap",
        "budsjett",
        "arbeidsplan",
        "arbeidsprogram",
        "medlemskontingent",
        "kontingent",
        "medlemspeng",
        "vedtekt",
        "val",
    ];
    STEMS
        .iter()
        .find(|s| lower.starts_with(*s))
        .map_or_else(|| lower.to_string(), |s| (*s).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn business(texts: &[&str]) -> Vec<String> {
        standing_business(texts.iter().copied())
    }

    #[test]
    fn papers_named_in_passing_are_business() {
        assert_eq!(
            business(&[
                "Årsmøtet vart halde i grendahuset.",
                "Styreleiaren gjekk gjennom årsmeldinga for 2023, og heller ikkje rekneskapen hadde feil.",
                "Budsjettet vart lagt fram av kassaren. Arbeidsplanen låg ved.",
            ]),
            [
                "årsmeldinga for 2023",
                "rekneskapen",
                "Budsjettet",
                "Arbeidsplanen"
            ]
        );
    }

    #[test]
    fn what_a_paper_is_of_stays_with_it() {
        assert_eq!(
            business(&[
                "Regnskapet for året 2019 viste overskot på årsmøtet.",
                "Medlemspengar 2025 blir som før. Kassaren las årsmeldinga frå turnemnda.",
            ]),
            [
                "Regnskapet for året 2019",
                "Medlemspengar 2025",
                "årsmeldinga frå turnemnda"
            ]
        );
        // "for dei" says who the paper is for, not what it is of.
        assert_eq!(
            business(&["Til årsmøtet skreiv han årsmeldinga for dei andre."]),
            ["årsmeldinga"]
        );
    }

    #[test]
    fn a_paper_is_taken_once_unless_another_of_its_kind_follows() {
        assert_eq!(
            business(&[
                "Årsmøte. Årsmelding for lagsdrifta og årsmelding for bladet.",
                "Årsmeldinga vart godkjend. Reknskapen og rekneskapen er ein.",
                "Medlemspengar 2026 og medlemspengar frå 2026 likeså.",
            ]),
            [
                "Årsmelding for lagsdrifta",
                "årsmelding for bladet",
                "Reknskapen",
                "Medlemspengar 2026"
            ]
        );
    }

    #[test]
    fn compounds_are_other_words() {
        assert!(business(&["Årsmøtet: budsjettvedtaket og rekneskapsåret står fast."]).is_empty());
    }

    #[test]
    fn papers_are_business_only_at_an_annual_meeting() {
        assert!(business(&["Etter valet fekk bygda ny ordførar."]).is_empty());
        assert!(business(&["Styret drøfta budsjettet for 2025 og rekneskapen."]).is_empty());
        assert_eq!(
            business(&["Årsmøtet samla 30 medlemer.", "Valet gjekk greitt."]),
            ["Valet"]
        );
        // An ordinal after "for" is a period, not what the paper is of.
        assert_eq!(
            business(&["Generalforsamlinga såg rekneskapen for første halvår."]),
            ["rekneskapen"]
        );
    }
}
