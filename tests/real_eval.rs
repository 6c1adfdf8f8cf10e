//! Measures extraction on real published reports: the development set listed in
//! `tests/real/manifest.tsv`, annotated by hand in `tests/real/gold/<id>.json`.
//!
//! The texts themselves are published by others and are not in the repository; each
//! lives in `tests/real/texts/<id>.txt` once re-created (DEVELOPERS.md says how).
//! Without them this test says so and passes: it measures, it cannot check anything.
//!
//! Figures are printed for the development part and the test part separately. Rules
//! are written against the development part; the test part is only measured.
//!
//! ```text
//! cargo test --test real_eval -- --nocapture
//! REFERAT_EVAL_VERBOSE=dev cargo test --test real_eval -- --nocapture
//! ```
//!
//! `REFERAT_EVAL_VERBOSE=dev` lists every miss of the development part (`test` or
//! `all` for the others; looking at the test part's misses is for measuring only).
//!
//! How a prediction counts (the same measures are taken on reports the project has
//! never seen):
//! - a person matches by full name or a full-name variant, one to one;
//! - a gold role, theme or place is found when at least half of its words of three
//!   letters or more are in one predicted phrase (case-insensitive); a phrase with no
//!   such word must be equal;
//! - meeting and published dates must be equal (`YYYY-MM` for a month-only meeting),
//!   and an unknown date is right when nothing is predicted.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use referat::extract::extract;
use referat::report::Report;
use referat::source::{SourceFile, read};
use serde_json::Value;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Split {
    Dev,
    Test,
}

impl Split {
    fn name(self) -> &'static str {
        match self {
            Split::Dev => "development",
            Split::Test => "test",
        }
    }
}

struct Entry {
    id: String,
    split: Split,
}

/// The manifest's rows: `id  address  search words  sha256  split`, with a header.
fn manifest(root: &Path) -> Vec<Entry> {
    let text = std::fs::read_to_string(root.join("tests/real/manifest.tsv"))
        .expect("tests/real/manifest.tsv is committed");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 5, "manifest row has 5 cells: {line}");
            let split = match cells[4] {
                "dev" => Split::Dev,
                "test" => Split::Test,
                other => panic!("manifest split is dev or test, not {other:?}"),
            };
            Entry {
                id: cells[0].to_string(),
                split,
            }
        })
        .collect()
}

fn verbose(split: Split) -> bool {
    match std::env::var("REFERAT_EVAL_VERBOSE").as_deref() {
        Ok("all") => true,
        Ok("dev") => split == Split::Dev,
        Ok("test") => split == Split::Test,
        _ => false,
    }
}

fn normal(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The issue's rule: at least half of the gold phrase's words of three letters or
/// more are in the predicted phrase; phrases without such words must be equal.
fn phrase_found(gold: &str, predicted: &str) -> bool {
    let long: Vec<String> = words(gold)
        .into_iter()
        .filter(|w| w.chars().count() >= 3)
        .collect();
    if long.is_empty() {
        return words(gold) == words(predicted);
    }
    let have: BTreeSet<String> = words(predicted).into_iter().collect();
    let hits = long.iter().filter(|w| have.contains(*w)).count();
    hits * 2 >= long.len()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// A person's full-name forms: the name and the variants of two words or more.
fn full_names(name: &str, variants: &[String]) -> BTreeSet<String> {
    std::iter::once(name)
        .chain(variants.iter().map(String::as_str))
        .filter(|n| n.split_whitespace().count() >= 2 || *n == name)
        .map(normal)
        .collect()
}

#[derive(Default)]
struct Tally {
    reports: usize,
    people_gold: usize,
    people_found: usize,
    people_right: usize,
    roles_gold: usize,
    roles_right: usize,
    meeting_right: usize,
    published_right: usize,
    themes_gold: usize,
    themes_right: usize,
    themes_found: usize,
    places_gold: usize,
    places_right: usize,
    places_found: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

impl Tally {
    fn person_f1(&self) -> (f64, f64, f64) {
        let p = ratio(self.people_right, self.people_found);
        let r = ratio(self.people_right, self.people_gold);
        (p, r, 2.0 * p * r / (p + r).max(f64::EPSILON))
    }

    fn print(&self, split: Split) {
        let (p, r, f1) = self.person_f1();
        println!("{} part: {} reports", split.name(), self.reports);
        println!(
            "  people     precision {p:.3}  recall {r:.3}  F1 {f1:.3}  ({} gold, {} found)",
            self.people_gold, self.people_found
        );
        println!(
            "  roles      {:.3}  ({} of {} gold roles)",
            ratio(self.roles_right, self.roles_gold),
            self.roles_right,
            self.roles_gold
        );
        println!(
            "  dates      meeting {:.3}  published {:.3}",
            ratio(self.meeting_right, self.reports),
            ratio(self.published_right, self.reports)
        );
        println!(
            "  themes     recall {:.3}  ({} of {}; {} predicted)",
            ratio(self.themes_right, self.themes_gold),
            self.themes_right,
            self.themes_gold,
            self.themes_found
        );
        println!(
            "  places     recall {:.3}  ({} of {}; {} predicted)",
            ratio(self.places_right, self.places_gold),
            self.places_right,
            self.places_gold,
            self.places_found
        );
    }
}

/// The meeting date as the gold writes it: the day, else the month alone.
fn predicted_meeting(report: &Report) -> Option<String> {
    report
        .meeting_date()
        .map(|d| d.to_string())
        .or_else(|| report.meeting_month.clone())
}

fn score(id: &str, gold: &Value, report: &Report, show: bool, tally: &mut Tally) {
    tally.reports += 1;
    let date = |v: &Value| v.as_str().map(str::to_string);
    let meeting = predicted_meeting(report);
    if meeting == date(&gold["meeting_date"]) {
        tally.meeting_right += 1;
    } else if show {
        println!("{id}: meeting {meeting:?}, gold {}", gold["meeting_date"]);
    }
    let published = report.published.map(|d| d.to_string());
    if published == date(&gold["published"]) {
        tally.published_right += 1;
    } else if show {
        println!("{id}: published {published:?}, gold {}", gold["published"]);
    }

    let gold_people = gold["people"].as_array().cloned().unwrap_or_default();
    tally.people_gold += gold_people.len();
    tally.people_found += report.people.iter().filter(|p| !p.name.is_empty()).count();
    let mut taken = vec![false; report.people.len()];
    for person in &gold_people {
        let name = person["name"].as_str().unwrap_or_default();
        let gold_names = full_names(name, &strings(&person["variants"]));
        let roles = strings(&person["roles"]);
        let found = report.people.iter().enumerate().position(|(i, p)| {
            !taken[i] && !full_names(&p.name, &p.variants).is_disjoint(&gold_names)
        });
        tally.roles_gold += roles.len();
        let Some(found) = found else {
            if show {
                println!("{id}: missed person {name}");
            }
            continue;
        };
        taken[found] = true;
        tally.people_right += 1;
        let extracted = &report.people[found];
        for role in roles {
            if extracted.roles.iter().any(|r| phrase_found(&role, r)) {
                tally.roles_right += 1;
            } else if show {
                println!(
                    "{id}: {name}: missed role «{role}» (found {:?})",
                    extracted.roles
                );
            }
        }
    }
    if show {
        for (person, taken) in report.people.iter().zip(&taken) {
            if !taken {
                println!("{id}: extra person {} {:?}", person.name, person.roles);
            }
        }
    }

    for (field, predicted, right, total, found) in [
        (
            "theme",
            &report.themes,
            &mut tally.themes_right,
            &mut tally.themes_gold,
            &mut tally.themes_found,
        ),
        (
            "place",
            &report.places,
            &mut tally.places_right,
            &mut tally.places_gold,
            &mut tally.places_found,
        ),
    ] {
        *found += predicted.len();
        for wanted in strings(&gold[format!("{field}s")]) {
            *total += 1;
            if predicted.iter().any(|p| phrase_found(&wanted, p)) {
                *right += 1;
            } else if show {
                println!("{id}: missed {field} «{wanted}» (found {predicted:?})");
            }
        }
    }
}

fn empty_report(id: &str) -> Report {
    serde_json::from_value(serde_json::json!({
        "id": id, "path": id, "url": null, "title": "", "language": "nn",
        "meeting_dates": [], "published": null, "places": [], "participants": null,
        "people": [], "themes": [], "organisations": [], "dates_mentioned": [],
        "passages": []
    }))
    .expect("an empty report is a report")
}

fn text_path(root: &Path, id: &str) -> PathBuf {
    root.join("tests/real/texts").join(format!("{id}.txt"))
}

#[test]
fn extraction_on_real_reports() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let entries = manifest(root);
    assert!(!entries.is_empty(), "the manifest lists no reports");
    let missing = entries
        .iter()
        .filter(|e| !text_path(root, &e.id).exists())
        .count();
    if missing == entries.len() {
        println!(
            "real_eval: skipped: none of the {} texts is in tests/real/texts \
             (DEVELOPERS.md says how to re-create them)",
            entries.len()
        );
        return;
    }
    if missing > 0 {
        println!(
            "real_eval: {missing} of {} texts missing; measuring the rest",
            entries.len()
        );
    }
    let mut tallies = [Tally::default(), Tally::default()];
    for entry in &entries {
        let path = text_path(root, &entry.id);
        if !path.exists() {
            continue;
        }
        let gold_path = root.join(format!("tests/real/gold/{}.json", entry.id));
        let gold: Value = serde_json::from_str(
            &std::fs::read_to_string(&gold_path)
                .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display())),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
        let doc = read(&SourceFile {
            path,
            id: entry.id.clone(),
            stamp: None,
        })
        .unwrap_or_else(|e| panic!("{}: {e}", entry.id));
        let tally = &mut tallies[entry.split as usize];
        // A text extraction gives up on counts as a report in which nothing was found.
        let report = extract(&doc).unwrap_or_else(|e| {
            println!("{}: no report: {e}", entry.id);
            empty_report(&entry.id)
        });
        score(&entry.id, &gold, &report, verbose(entry.split), tally);
    }
    for (split, tally) in [Split::Dev, Split::Test].into_iter().zip(&tallies) {
        tally.print(split);
    }
}

#[test]
fn the_phrase_rule_counts_half_the_long_words() {
    assert!(phrase_found(
        "kommunedirektør i Ulstein kommune",
        "Kommunedirektør i Ulstein"
    ));
    assert!(!phrase_found("leiar i Sogn sogelag", "nestleiar"));
    assert!(phrase_found("Sp", "sp"));
    assert!(!phrase_found("Sp", "KrF"));
    assert!(phrase_found("Budsjett 2025", "budsjett"));
}
