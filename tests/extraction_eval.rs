//! Measures extraction against the hand-checked gold annotations in `tests/gold/`
//! (one per corpus file): person precision, recall and F1, role accuracy, action
//! accuracy, meeting-date and published-date accuracy, and theme recall.
//!
//! Run `cargo test --test extraction_eval -- --nocapture` to see the figures;
//! `REFERAT_EVAL_VERBOSE=1` lists every miss.

use std::collections::BTreeSet;
use std::path::Path;

use referat::extract::extract;
use referat::report::Report;
use referat::source::{SourceFile, read};
use serde_json::Value;

fn verbose() -> bool {
    std::env::var_os("REFERAT_EVAL_VERBOSE").is_some()
}

fn normal(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn theme_matches(gold: &str, found: &str) -> bool {
    let (gold, found) = (normal(gold), normal(found));
    let (gold, found) = (
        gold.trim_end_matches(['.', '?']),
        found.trim_end_matches(['.', '?']),
    );
    gold == found
        || (found.len() >= 6 && gold.contains(found))
        || (gold.len() >= 6 && found.contains(gold))
}

#[derive(Default)]
struct Totals {
    files: usize,
    people_gold: usize,
    people_found: usize,
    people_right: usize,
    roles_gold: usize,
    roles_right: usize,
    actions_gold: usize,
    actions_right: usize,
    meeting_right: usize,
    published_right: usize,
    themes_gold: usize,
    themes_right: usize,
}

fn score(gold: &Value, report: &Report, totals: &mut Totals) {
    let file = gold["file"].as_str().unwrap_or_default();
    totals.files += 1;
    let date = |v: &Value| v.as_str().map(str::to_string);
    let meeting = report.meeting_date().map(|d| d.to_string());
    if meeting == date(&gold["meeting_date"]) {
        totals.meeting_right += 1;
    } else if verbose() {
        println!(
            "{file}: meeting {meeting:?}, gold {:?}",
            gold["meeting_date"]
        );
    }
    let published = report.published.map(|d| d.to_string());
    if published == date(&gold["published"]) {
        totals.published_right += 1;
    } else if verbose() {
        println!(
            "{file}: published {published:?}, gold {:?}",
            gold["published"]
        );
    }

    let gold_people = gold["people"].as_array().cloned().unwrap_or_default();
    let found: BTreeSet<String> = report.people.iter().map(|p| normal(&p.name)).collect();
    totals.people_gold += gold_people.len();
    totals.people_found += found.len();
    let gold_names: BTreeSet<String> = gold_people
        .iter()
        .map(|p| normal(p["name"].as_str().unwrap_or_default()))
        .collect();
    for name in found.difference(&gold_names) {
        if verbose() {
            println!("{file}: extra person {name}");
        }
    }
    for person in &gold_people {
        let name = normal(person["name"].as_str().unwrap_or_default());
        let Some(extracted) = report.people.iter().find(|p| normal(&p.name) == name) else {
            if verbose() {
                println!("{file}: missed person {name}");
            }
            continue;
        };
        totals.people_right += 1;
        for role in person["roles"].as_array().into_iter().flatten() {
            let role = normal(role.as_str().unwrap_or_default());
            totals.roles_gold += 1;
            if extracted.roles.iter().any(|r| normal(r) == role) {
                totals.roles_right += 1;
            } else if verbose() {
                println!(
                    "{file}: {name}: missed role «{role}» (found {:?})",
                    extracted.roles
                );
            }
        }
        for action in person["actions"].as_array().into_iter().flatten() {
            let action = action.as_str().unwrap_or_default();
            totals.actions_gold += 1;
            let found = extracted.actions.iter().any(|a| {
                serde_json::to_value(a)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .as_deref()
                    == Some(action)
            });
            if found {
                totals.actions_right += 1;
            } else if verbose() {
                println!(
                    "{file}: {name}: missed action {action} (found {:?})",
                    extracted.actions
                );
            }
        }
    }
    for theme in gold["themes"].as_array().into_iter().flatten() {
        let theme = theme.as_str().unwrap_or_default();
        totals.themes_gold += 1;
        if report.themes.iter().any(|t| theme_matches(theme, t)) {
            totals.themes_right += 1;
        } else if verbose() {
            println!("{file}: missed theme «{theme}» (found {:?})", report.themes);
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

#[test]
fn extraction_matches_the_gold_annotations() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut totals = Totals::default();
    let mut gold_files: Vec<_> = std::fs::read_dir(root.join("tests/gold"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    gold_files.sort();
    assert!(gold_files.len() >= 12, "gold annotations missing");
    for path in gold_files {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let file = root.join(gold["file"].as_str().unwrap());
        let doc = read(&SourceFile {
            path: file.clone(),
            id: "eval".into(),
            stamp: None,
        })
        .unwrap();
        let report = extract(&doc).unwrap();
        score(&gold, &report, &mut totals);
    }
    let precision = ratio(totals.people_right, totals.people_found);
    let recall = ratio(totals.people_right, totals.people_gold);
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    let roles = ratio(totals.roles_right, totals.roles_gold);
    let actions = ratio(totals.actions_right, totals.actions_gold);
    let meeting = ratio(totals.meeting_right, totals.files);
    let published = ratio(totals.published_right, totals.files);
    let themes = ratio(totals.themes_right, totals.themes_gold);
    println!(
        "extraction evaluation over {} annotated files:",
        totals.files
    );
    println!(
        "  people     precision {:.3}  recall {:.3}  F1 {:.3}  ({} gold, {} found)",
        precision, recall, f1, totals.people_gold, totals.people_found
    );
    println!(
        "  roles      accuracy {:.3}  ({} of {} gold roles, exact)",
        roles, totals.roles_right, totals.roles_gold
    );
    println!(
        "  actions    accuracy {:.3}  ({} of {})",
        actions, totals.actions_right, totals.actions_gold
    );
    println!(
        "  dates      meeting {:.3}  published {:.3}",
        meeting, published
    );
    println!(
        "  themes     recall {:.3}  ({} of {})",
        themes, totals.themes_right, totals.themes_gold
    );

    assert!(f1 >= 0.95, "person F1 {f1:.3}");
    assert!(
        meeting >= 0.97 && published >= 0.97,
        "dates {meeting:.3} {published:.3}"
    );
}
