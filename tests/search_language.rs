//! The analyzer end to end: Bokmål spellings, inflected forms, compound parts and
//! names without diacritics find the Nynorsk reports of the corpus.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

const MAY: &str = "corpus/partnarskapsmote-mai-2023.html";
const NOVEMBER: &str = "corpus/utvida-samarbeidsmote-november-2023.html";

fn referat(index: &Path) -> Command {
    let mut cmd = Command::cargo_bin("referat").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("REFERAT_INDEX", index);
    cmd
}

fn indexed() -> TempDir {
    let dir = TempDir::new().unwrap();
    referat(dir.path())
        .args(["index", "corpus", "-q"])
        .assert()
        .success();
    dir
}

/// Ids of the hits for `query`, best first.
fn hits(index: &Path, query: &str) -> Vec<String> {
    let output = referat(index)
        .args(["search", query, "--json", "-n", "50"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{query}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let hits: Value = serde_json::from_slice(&output.stdout).unwrap();
    hits.as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn bokmal_and_inflected_queries_find_the_nynorsk_seed_reports() {
    let index = indexed();
    for (query, report, nynorsk) in [
        ("sykehus", MAY, "sjukehus"),
        ("kommunene", MAY, "kommunane"),
        ("tjenester", NOVEMBER, "helsetenester / tenester"),
        ("hjemmesykehus", MAY, "heimesjukehus"),
        ("helseforetaket", NOVEMBER, "helseføretaket"),
        ("utfordringene", MAY, "utfordringar"),
        ("ledere", MAY, "leiarar"),
    ] {
        let found = hits(index.path(), query);
        assert!(
            found.iter().any(|id| id == report),
            "{query} should find {report} ({nynorsk}): {found:?}"
        );
    }
}

#[test]
fn compound_parts_find_compounds_and_rank_below_whole_words() {
    let index = indexed();
    // "sikkerheitspsykiatri" and "Sikkerheitspsykiatrien" only occur in November.
    let found = hits(index.path(), "psykiatri");
    assert_eq!(
        found.first().map(String::as_str),
        Some(NOVEMBER),
        "{found:?}"
    );
    let found = hits(index.path(), "helsepersonell");
    assert!(
        found.iter().any(|id| id == MAY),
        "Helsepersonellkommisjonen: {found:?}"
    );
    // The May report names "Helse- og omsorgsdepartementet": both departments match.
    for query in ["omsorgsdepartementet", "helsedepartementet"] {
        let found = hits(index.path(), query);
        assert_eq!(
            found.first().map(String::as_str),
            Some(MAY),
            "{query}: {found:?}"
        );
    }
}

#[test]
fn names_match_without_diacritics() {
    let index = indexed();
    for query in ["Storoy", "Storoey", "Folleso", "Royset"] {
        let found = hits(index.path(), query);
        assert_eq!(
            found.first().map(String::as_str),
            Some(NOVEMBER),
            "{query}: {found:?}"
        );
    }
    // The photographer is named in the May report (as HTML and as text).
    let found = hits(index.path(), "Braekhus");
    assert!(
        found.len() == 2
            && found
                .iter()
                .all(|id| id.starts_with("corpus/partnarskapsmote-mai-2023")),
        "{found:?}"
    );
}

#[test]
fn function_words_do_not_narrow_a_plain_query() {
    let index = indexed();
    // "i" and "på" are dropped; "Molde" and "hotell" decide.
    assert_eq!(
        hits(index.path(), "hotell i Molde")
            .first()
            .map(String::as_str),
        Some(MAY)
    );
    // In a phrase they still count.
    assert!(hits(index.path(), "\"fulle sjukehus og stort press\"").contains(&MAY.to_string()));
}

#[test]
fn analyze_lines_prints_one_line_per_input_line() {
    let output = Command::cargo_bin("referat")
        .unwrap()
        .args(["analyze", "--lines"])
        .write_stdin("sjukehusa sykehusene\n\nKommunane\nHelse- og omsorgsdepartementet\n")
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "sjukehus sjukehus",
            "",
            "kommun",
            "hels helsedepartement og omsorgsdepartement"
        ]
    );
}

#[test]
fn analyze_shows_compound_parts_and_name_keys() {
    let run = |args: &[&str]| {
        let output = Command::cargo_bin("referat")
            .unwrap()
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap().trim().to_string()
    };
    assert_eq!(
        run(&["analyze", "--analyzer", "parts", "sikkerheitspsykiatri"]),
        "sikkerheit psykiatri"
    );
    assert_eq!(
        run(&["analyze", "--analyzer", "name", "Helge Storøy"]),
        "helge storoy"
    );
}

#[test]
fn a_phrase_does_not_run_from_one_passage_into_the_next() {
    let reports = TempDir::new().unwrap();
    std::fs::write(
        reports.path().join("mote.txt"),
        "Møte i samarbeidsutvalet\n\nUtvalet drøfta kva som skal skje med legevakta i Volda.\n\nFelles innkjøp var neste sak på møtet, og det vart semje om ein plan.\n",
    )
    .unwrap();
    let index = TempDir::new().unwrap();
    referat(index.path())
        .arg("index")
        .arg(reports.path())
        .arg("-q")
        .assert()
        .success();
    // "Volda." ends one paragraph and "Felles" begins the next.
    assert!(hits(index.path(), "\"volda felles\"").is_empty());
    assert_eq!(hits(index.path(), "\"felles innkjøp\"").len(), 1);
    assert_eq!(hits(index.path(), "volda felles").len(), 1);
}
