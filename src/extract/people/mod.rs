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

mod actions;
mod affiliations;
mod groups;
mod labels;
mod linking;
mod lists;
mod names;
mod roles;

use regex::Match;

use crate::report::{Passage, PassageKind, Person};
use actions::assign_actions;
use affiliations::{
    credit_organisation, employer_after, organisation_after, organisation_apposition,
    organisation_before, party_after,
};
use groups::{body_over_list, plural_role_over_list};
use labels::{LabelScope, label_role_in, list_label};
use linking::{link_names_alone, link_surnames, merge_person};
pub(crate) use names::is_given_name;
use names::{capitalised_runs, full_names, full_names_in, name_as_written};
pub(crate) use roles::is_role_word;
use roles::{
    add_roles, role_after, role_as_predicate, role_before, role_in_brackets, shared_roles,
};

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

/// Finds the people of a report, the headline's included: "Samferdselsminister Jon
/// Georg Dale besøker Florø" may be the only place a person is named in full.
pub fn find_people_in_report(title: &str, passages: &[Passage]) -> Vec<Person> {
    if full_names(title).is_empty() {
        return find_people(passages);
    }
    // The headline is read as the passage before the body; a person's passages then
    // count from the body again.
    let mut with_title = Vec::with_capacity(passages.len() + 1);
    with_title.push(Passage::new(PassageKind::Heading, title));
    with_title.extend_from_slice(passages);
    let mut people = find_people(&with_title);
    for person in &mut people {
        person.passages.retain(|&p| p > 0);
        for passage in &mut person.passages {
            *passage -= 1;
        }
    }
    people
}

/// Finds the people of a report's body.
pub fn find_people(passages: &[Passage]) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();

    let runs: Vec<Vec<Match<'_>>> = passages.iter().map(|p| capitalised_runs(&p.text)).collect();
    for (index, passage) in passages.iter().enumerate() {
        for (start, end) in full_names_in(&passage.text, &runs[index]) {
            let name = name_as_written(&passage.text[start..end]);
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
    // Given names and surnames alone, once every full name is known.
    link_names_alone(passages, &runs, &mut people, &mut mentions);
    link_surnames(passages, &mut people, &mut mentions);
    mentions.sort_by_key(|m| (m.passage, m.start));
    let listed = roles_in_lists(passages, &mentions);
    let label_scope = LabelScope::new(passages);
    // The label without a colon over the list the last full name stood in.
    let mut open_label: Option<(usize, String)> = None;

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
        let listed = listed[i].as_ref();
        if let Some(cells) = listed {
            roles.extend(cells.iter().cloned());
        } else if mention.full {
            let before = &text[previous_end..mention.start];
            // "A, rolle og B": a role right after the previous name is that name's.
            let apposition = previous_end > 0
                && before.trim_start().starts_with(',')
                && before.trim_end().ends_with(" og");
            if !apposition {
                roles.extend(role_before(before));
            }
            roles.extend(organisation_before(before));
            roles.extend(role_after(&text[mention.end..next_start], next.is_some()));
            roles.extend(role_in_brackets(&text[mention.end..next_start]));
            roles.extend(party_after(&text[mention.end..next_start]));
            // The whole "i Stad kommune" completes a single title below; otherwise
            // the organisation is a role of its own.
            if roles.is_empty() {
                roles.extend(organisation_after(&text[mention.end..next_start]));
            }
            roles.extend(organisation_apposition(&text[mention.end..next_start]));
            roles.extend(credit_organisation(before, &text[mention.end..next_start]));
            roles.extend(plural_role_over_list(text, &mentions, i));
            roles.extend(body_over_list(text, &mentions, i));
        }
        // "seier kommunalsjef Ragnhild Tødenes i Stad kommune.": the employer after the
        // name completes the title before it.
        if mention.full
            && listed.is_none()
            && roles.len() == 1
            && let Some(employer) = employer_after(&text[mention.end..next_start])
        {
            roles[0] = format!("{} {employer}", roles[0]);
        }
        roles.extend(role_as_predicate(&text[mention.end..next_start]));
        // "Delegater: A B C", "Medlemer:" over a list: the label is each one's role.
        if mention.full {
            let open = open_label
                .as_ref()
                .filter(|(passage, _)| *passage == mention.passage)
                .map(|(_, label)| label.as_str());
            let label = label_role_in(&label_scope, mention.passage, previous_end, mention.start);
            let without_colon = label
                .is_none()
                .then(|| list_label(&text[previous_end..mention.start], open))
                .flatten();
            open_label = without_colon.clone().map(|l| (mention.passage, l));
            roles.extend(label.or(without_colon));
        }
        // "Leiar og nestleiar i X Line Lingen og Anders Høe": split the shared roles.
        if listed.is_none()
            && let Some((first, second)) = shared_roles(text, &mentions, i)
        {
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

/// The roles each mention has in a list read name first (see `lists`), indexed like
/// `mentions`.
fn roles_in_lists(passages: &[Passage], mentions: &[Mention]) -> Vec<Option<Vec<String>>> {
    let mut listed = vec![None; mentions.len()];
    let mut i = 0;
    while i < mentions.len() {
        let passage = mentions[i].passage;
        let end = mentions[i..]
            .iter()
            .position(|m| m.passage != passage)
            .map_or(mentions.len(), |n| i + n);
        let full: Vec<usize> = (i..end).filter(|&k| mentions[k].full).collect();
        let spans: Vec<(usize, usize)> = full
            .iter()
            .map(|&k| (mentions[k].start, mentions[k].end))
            .collect();
        let roles = lists::roles_after_names(&passages[passage].text, &spans);
        for (k, roles) in full.into_iter().zip(roles) {
            listed[k] = roles;
        }
        i = end;
    }
    listed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Action;

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
    fn names_run_together_by_a_table_are_split() {
        let found = people(&[
            "Frå adm. møtte: Astrid Farestveit Selsvold Kari Weltzien Vik Rådmann Harald Inge Anderssen Kommunelege Arne Aksnes",
        ]);
        let names: Vec<&str> = found.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Astrid Farestveit Selsvold",
                "Kari Weltzien Vik",
                "Harald Inge Anderssen",
                "Arne Aksnes"
            ]
        );
        // Two given names in a row are one person's.
        let found =
            people(&["Møtet vart leia av May Helen Molvær Grimstad og Ann Kristin Røyset."]);
        let names: Vec<&str> = found.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["May Helen Molvær Grimstad", "Ann Kristin Røyset"]);
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
