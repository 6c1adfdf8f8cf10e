//! The answering commands end to end: `people`, `person`, `themes`, `timeline`,
//! `ask`, and `search` with its filters, date terms, sorting and facets. Every test
//! indexes corpus/ into its own directory and runs the real binary.
//!
//! The November 2023 and May 2023 reports are in corpus/ twice (as HTML and as
//! text), so each of them counts as two reports.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

const NOVEMBER_HTML: &str = "utvida-samarbeidsmote-november-2023.html";
const NOVEMBER_TXT: &str = "utvida-samarbeidsmote-november-2023.txt";
const MAY_HTML: &str = "partnarskapsmote-mai-2023.html";
const MAY_TXT: &str = "partnarskapsmote-mai-2023.txt";
const BOARD_MAY: &str = "styremote-helse-forde.txt";
/// Its director "orienterte kort om status for førebuinga til innføring av
/// Helseplattformen": a theme of that meeting as well.
const APRIL_2024: &str = "strategisk-samarbeidsutval-april-2024.html";
const AGENDA_NOVEMBER_2024: &str = "sakliste-fagleg-samarbeidsutval-november-2024.html";

/// The people of the November 2023 report.
const NOVEMBER_PEOPLE: &[&str] = &[
    "Anders Høe",
    "Andreas Follesø",
    "Ann Kristin Røyset",
    "Bodil Haugen Våge",
    "Helge Storøy",
    "Henrik Erdal",
    "Julia Nemeth",
    "Kjetil Leirbekk",
    "Line Lingen",
    "Magne Lerø",
    "May Helen Molvær Grimstad",
    "Thorleif Jansen",
];

/// The people of the May 2023 partnarskapsmøte report.
const MAY_PEOPLE: &[&str] = &[
    "Heidi Nilsen",
    "Leni Aurora Brækhus",
    "Petter Øgar",
    "Thilde Svela",
    "Verner Larsen",
];

/// Who spoke about (or was to present) Helseplattformen in November 2023.
const HELSEPLATTFORMEN_PEOPLE: &[&str] = &[
    "Ann Kristin Røyset",
    "Henrik Erdal",
    "Julia Nemeth",
    "Helge Storøy",
    "Thorleif Jansen",
];

const NOVEMBER_THEMES: &[&str] = &[
    "Gir kunnskap eller pengar ny helsepolitikk?",
    "Overordna plan for sikkerheitspsykiatri- perspektiv på samhandling mellom kommune og spesialisthelseteneste",
    "Helseplattformen",
    // What two speakers "fortalde om".
    "kommunen sine erfaringar med å busette og etablere eit omsorgstilbod til ein utskrivingsklar pasient, dømt til tvungen psykisk helsevern",
    "potensialet i HelsaMI",
];

/// The two hovudtema of the May 2023 partnarskapsmøte.
const MAY_MAIN_THEMES: &[&str] = &[
    "Helsepersonellkommisjonen sin rapport NOU 4:23",
    "Korleis handtere situasjonar med fulle sjukehus og stort press på helsetenestene i kommunane inn mot høgtider/ferier og bølgjer med covid/influensa",
];

/// The two projects presented at the May 2023 partnarskapsmøte.
const MAY_PROJECTS: &[&str] = &[
    "Pasientsentrert helsetenesteteam i Ålesund (PSHT Ålesund)",
    "Digitalt heimesjukehus ved Neonatal intensiv ved Ålesund sjukehus",
];

/// The cases of the May 2023 board meeting in Helse Førde.
const BOARD_MAY_THEMES: &[&str] = &[
    "Økonomi etter første tertial",
    "Akuttberedskapen ved Lærdal sjukehus",
    "Rekruttering av sjukepleiarar",
];

/// What speakers at the May 2023 meetings "orienterte om" or "presenterte".
const MAY_TOLD_ABOUT: &[&str] = &[
    "drifta ved sjukehuset",
    "rekneskapen for første tertial 2023",
    "korleis arbeidstidsordningane påverkar kor lenge sjukepleiarar blir verande",
    "utfordringsbilete sett frå høvesvis helseføretaket og kommunane si side",
];

/// A query that matches every report in corpus/.
const EVERY_REPORT: &str = "helseplattformen OR legevakt OR Molde OR sjukehus OR Førde";

/// The accepted date forms every bad-date message must name.
const DATE_FORMS: &[&str] = &["2023", "2023-11", "2023-11-14", "november 2023"];

// ---------------------------------------------------------------------------
// helpers

/// `referat` run from the crate root, with plain output and the index in `index`.
fn referat(index: &Path) -> Command {
    let mut cmd = Command::cargo_bin("referat").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env("REFERAT_INDEX", index);
    cmd
}

/// An index of corpus/ in a directory of its own.
struct Indexed {
    dir: TempDir,
}

impl Indexed {
    fn new() -> Indexed {
        let dir = TempDir::new().unwrap();
        referat(dir.path())
            .args(["index", "corpus", "-q"])
            .assert()
            .success();
        Indexed { dir }
    }

    fn cmd(&self) -> Command {
        referat(self.dir.path())
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }

    /// `referat ARGS --json`, parsed; the command must succeed.
    fn json(&self, args: &[&str]) -> Value {
        let output = self.cmd().args(args).arg("--json").output().unwrap();
        assert!(
            output.status.success(),
            "referat {args:?} --json failed ({:?}): {}",
            output.status.code(),
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
            panic!(
                "referat {args:?} --json printed no JSON ({e}): {}",
                String::from_utf8_lossy(&output.stdout)
            )
        })
    }

    /// `referat ARGS --json` where the output is an array.
    fn list(&self, args: &[&str]) -> Vec<Value> {
        let value = self.json(args);
        value
            .as_array()
            .unwrap_or_else(|| panic!("referat {args:?} --json printed {value}, not an array"))
            .clone()
    }
}

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is not a string in {value}"))
}

fn strings(value: &Value, key: &str) -> Vec<String> {
    value[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} is not an array in {value}"))
        .iter()
        .map(|v| {
            v.as_str()
                .unwrap_or_else(|| panic!("{key} holds a non-string in {value}"))
                .to_string()
        })
        .collect()
}

/// The last component of a report id or path.
fn file_of(id: &str) -> &str {
    id.rsplit('/').next().unwrap_or(id)
}

/// Each item's `key` (a string), in order.
fn column(items: &[Value], key: &str) -> Vec<String> {
    items.iter().map(|i| text(i, key).to_string()).collect()
}

/// The file names of search hits, in order.
fn hit_files(hits: &[Value]) -> Vec<String> {
    hits.iter()
        .map(|h| file_of(text(h, "id")).to_string())
        .collect()
}

fn file_set(files: &[&str]) -> BTreeSet<String> {
    files.iter().map(|f| f.to_string()).collect()
}

fn name_set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|n| n.to_string()).collect()
}

/// The date a hit is filed under: the meeting, else the publish date.
fn hit_date(hit: &Value) -> String {
    hit["meeting_date"]
        .as_str()
        .or_else(|| hit["published"].as_str())
        .unwrap_or_else(|| panic!("hit without any date: {hit}"))
        .to_string()
}

/// The one person in `people` called `name`.
fn person<'a>(people: &'a [Value], name: &str) -> &'a Value {
    let found: Vec<&Value> = people.iter().filter(|p| p["name"] == name).collect();
    assert_eq!(
        found.len(),
        1,
        "{name} should be listed once: {:?}",
        column(people, "name")
    );
    found[0]
}

/// Asserts a failed command exited with an error status and said why in one line.
fn one_line_error(output: &Output, what: &str) -> String {
    let code = output.status.code();
    assert!(
        code.is_some_and(|c| c != 0 && c != 101),
        "{what}: expected an error exit status, got {code:?}"
    );
    assert!(output.stdout.is_empty(), "{what}: printed to stdout");
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "{what}: stderr should be one line: {stderr:?}"
    );
    assert!(lines[0].starts_with("referat: "), "{what}: {stderr:?}");
    assert!(!stderr.contains("panicked"), "{what}: {stderr:?}");
    lines[0].to_string()
}

// ---------------------------------------------------------------------------
// people --about

#[test]
fn people_about_helseplattformen_names_who_spoke_about_it_with_evidence() {
    let index = Indexed::new();
    let people = index.list(&["people", "--about", "helseplattformen"]);
    let names = column(&people, "name");
    for name in HELSEPLATTFORMEN_PEOPLE {
        assert!(names.iter().any(|n| n == name), "{name} missing: {names:?}");
    }
    assert!(
        !names.iter().any(|n| n == "Magne Lerø"),
        "Magne Lerø did not speak about Helseplattformen: {names:?}"
    );
    // The November speakers rank above people from reports that only mention it.
    let top: BTreeSet<String> = names.iter().take(5).cloned().collect();
    assert_eq!(top, name_set(HELSEPLATTFORMEN_PEOPLE), "{names:?}");

    for person_answer in &people {
        let name = text(person_answer, "name");
        let absent = person_answer["absent"]
            .as_bool()
            .unwrap_or_else(|| panic!("absent is not a bool for {name}"));
        assert_eq!(
            absent,
            name == "Thorleif Jansen",
            "{name}: absent is {absent} (only Jansen was forhindra frå å møte)"
        );
        let evidence = &person_answer["evidence"];
        assert!(!text(evidence, "report").is_empty(), "{name}: {evidence}");
        assert!(!text(evidence, "title").is_empty(), "{name}: {evidence}");
        assert!(!text(evidence, "passage").is_empty(), "{name}: {evidence}");
        assert!(
            evidence["date"].is_string(),
            "{name} has no date: {evidence}"
        );
    }
    for name in HELSEPLATTFORMEN_PEOPLE {
        let answer = person(&people, name);
        let evidence = &answer["evidence"];
        assert!(
            [NOVEMBER_HTML, NOVEMBER_TXT].contains(&file_of(text(evidence, "report"))),
            "{name}: {evidence}"
        );
        assert_eq!(
            text(evidence, "title"),
            "Utvida samarbeidsmøte i Helsefellesskapet Møre og Romsdal"
        );
        assert_eq!(text(evidence, "date"), "2023-11-14", "{name}");
        let passage = text(evidence, "passage");
        let surname = name.rsplit(' ').next().unwrap();
        assert!(
            passage.contains(surname),
            "{name}: the passage should name them: {passage}"
        );
        assert!(
            passage.contains("Helseplattform"),
            "{name}: the passage should be about Helseplattformen: {passage}"
        );
    }
    assert_eq!(
        strings(person(&people, "Helge Storøy"), "roles"),
        ["direktør for e-helse og teknologi i HMR HF"]
    );
}

#[test]
fn people_about_sikkerheitspsykiatri_ranks_the_two_presenters_first() {
    let index = Indexed::new();
    let people = index.list(&["people", "--about", "sikkerheitspsykiatri"]);
    let names = column(&people, "name");
    let top: BTreeSet<String> = names.iter().take(2).cloned().collect();
    assert_eq!(
        top,
        name_set(&["Kjetil Leirbekk", "Andreas Follesø"]),
        "{names:?}"
    );
    for name in ["Line Lingen", "Anders Høe"] {
        assert!(names.iter().any(|n| n == name), "{name} missing: {names:?}");
    }
    assert!(!names.iter().any(|n| n == "Magne Lerø"), "{names:?}");
    for answer in &people {
        assert_eq!(text(&answer["evidence"], "date"), "2023-11-14", "{answer}");
    }
}

#[test]
fn people_about_with_a_theme_filter_counts_only_reports_with_that_theme() {
    let index = Indexed::new();
    // The 2024 legevakt report mentions Helseplattformen but does not have it as a
    // theme: its people drop out, the November speakers remain.
    let people = index.list(&[
        "people",
        "--about",
        "helseplattformen",
        "--theme",
        "helseplattformen",
    ]);
    let names: BTreeSet<String> = column(&people, "name").into_iter().collect();
    let mut expected = name_set(HELSEPLATTFORMEN_PEOPLE);
    // He told the April 2024 meeting about Helseplattformen.
    expected.insert("Øyvind Bakke".to_string());
    assert_eq!(names, expected);
    // A theme no report about Helseplattformen has leaves no one.
    let people = index.list(&[
        "people",
        "--about",
        "helseplattformen",
        "--theme",
        "rehabilitering",
    ]);
    assert_eq!(column(&people, "name"), Vec::<String>::new());
}

#[test]
fn people_about_respects_the_date_filter() {
    let index = Indexed::new();
    let people = index.list(&["people", "--about", "helseplattformen", "--from", "2024"]);
    let names = column(&people, "name");
    for name in HELSEPLATTFORMEN_PEOPLE {
        assert!(
            !names.iter().any(|n| n == name),
            "{name} only spoke in 2023: {names:?}"
        );
    }
    for answer in &people {
        let date = text(&answer["evidence"], "date");
        assert!(
            date >= "2024-01-01",
            "{date} is before --from 2024: {answer}"
        );
    }
}

// ---------------------------------------------------------------------------
// people

#[test]
fn people_lists_reports_roles_and_first_and_last_dates() {
    let index = Indexed::new();
    let people = index.list(&["people", "-n", "500"]);
    assert!(!people.is_empty());
    for p in &people {
        for key in ["name", "reports", "roles", "first", "last"] {
            assert!(p.get(key).is_some(), "{key} missing in {p}");
        }
    }
    let storoy = person(&people, "Helge Storøy");
    assert_eq!(text(storoy, "first"), "2023-11-14");
    assert_eq!(text(storoy, "last"), "2023-11-14");
    assert_eq!(storoy["reports"], 2, "{storoy}");
    assert_eq!(
        strings(storoy, "roles"),
        ["direktør for e-helse og teknologi i HMR HF"]
    );
    let follesoe = person(&people, "Andreas Follesø");
    assert_eq!(
        strings(follesoe, "roles"),
        [
            "seksjonsleiar sikkerheitspsykiatri ved Ålesund sjukehus",
            "seksjonsleiar i Sikkerheitspsykiatrien"
        ]
    );
    let oegar = person(&people, "Petter Øgar");
    assert_eq!(text(oegar, "first"), "2023-05-10");
    assert_eq!(text(oegar, "last"), "2023-05-10");
    // Most reports first.
    let counts: Vec<u64> = people
        .iter()
        .map(|p| p["reports"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
}

#[test]
fn people_from_2024_leaves_out_the_2023_meetings() {
    let index = Indexed::new();
    let people = index.list(&["people", "-n", "500", "--from", "2024"]);
    let names = column(&people, "name");
    assert!(
        !names.iter().any(|n| n == "Helge Storøy"),
        "Storøy was only at the 2023 meeting: {names:?}"
    );
    assert!(!names.iter().any(|n| n == "Petter Øgar"), "{names:?}");
    assert!(names.iter().any(|n| n == "Øyvind Bakke"), "{names:?}");
    for p in &people {
        assert!(text(p, "first") >= "2024-01-01", "{p}");
    }
    let until_2023 = index.list(&["people", "-n", "500", "--to", "2023"]);
    let names = column(&until_2023, "name");
    assert!(names.iter().any(|n| n == "Helge Storøy"), "{names:?}");
    assert!(!names.iter().any(|n| n == "Øyvind Bakke"), "{names:?}");
}

#[test]
fn people_filtered_by_theme_and_place() {
    let index = Indexed::new();
    let people = index.list(&["people", "-n", "500", "--theme", "helseplattformen"]);
    let names: BTreeSet<String> = column(&people, "name").into_iter().collect();
    // The November 2023 meeting and the April 2024 one had it as a theme.
    assert!(names.is_superset(&name_set(NOVEMBER_PEOPLE)), "{names:?}");
    assert!(names.contains("Øyvind Bakke"), "{names:?}");
    assert!(names.is_disjoint(&name_set(MAY_PEOPLE)), "{names:?}");

    let people = index.list(&["people", "-n", "500", "--place", "Molde"]);
    let names: BTreeSet<String> = column(&people, "name").into_iter().collect();
    assert_eq!(names, name_set(MAY_PEOPLE));
}

// ---------------------------------------------------------------------------
// person

#[test]
fn person_resolves_surnames_missing_diacritics_typos_and_full_names() {
    let index = Indexed::new();
    for (query, name, roles) in [
        (
            "Storoy",
            "Helge Storøy",
            &["direktør for e-helse og teknologi i HMR HF"][..],
        ),
        (
            "Helge Storøy",
            "Helge Storøy",
            &["direktør for e-helse og teknologi i HMR HF"][..],
        ),
        (
            "helge storoy",
            "Helge Storøy",
            &["direktør for e-helse og teknologi i HMR HF"][..],
        ),
        (
            "Folleso",
            "Andreas Follesø",
            &[
                "seksjonsleiar sikkerheitspsykiatri ved Ålesund sjukehus",
                "seksjonsleiar i Sikkerheitspsykiatrien",
            ][..],
        ),
        (
            "Follesøe",
            "Andreas Follesø",
            &[
                "seksjonsleiar sikkerheitspsykiatri ved Ålesund sjukehus",
                "seksjonsleiar i Sikkerheitspsykiatrien",
            ][..],
        ),
        (
            "Vage",
            "Bodil Haugen Våge",
            &[
                "leiar i samarbeidssekretariatet",
                "rådgjevar i Ålesund kommune",
            ][..],
        ),
    ] {
        let timeline = index.json(&["person", query]);
        assert_eq!(text(&timeline, "name"), name, "person {query}");
        let entries = timeline["entries"].as_array().unwrap();
        let files: BTreeSet<String> = entries
            .iter()
            .map(|e| file_of(text(e, "report")).to_string())
            .collect();
        assert_eq!(
            files,
            file_set(&[NOVEMBER_HTML, NOVEMBER_TXT]),
            "person {query}"
        );
        for entry in entries {
            assert_eq!(text(entry, "date"), "2023-11-14", "person {query}");
            assert_eq!(strings(entry, "roles"), roles, "person {query}");
            assert!(
                strings(entry, "actions").contains(&"spoke".to_string()),
                "person {query}: {entry}"
            );
            assert!(
                !strings(entry, "passages").is_empty(),
                "person {query}: no passages in {entry}"
            );
        }
    }
}

#[test]
fn person_timeline_respects_the_date_filter() {
    let index = Indexed::new();
    let timeline = index.json(&["person", "Storoy", "--from", "2024"]);
    assert_eq!(text(&timeline, "name"), "Helge Storøy");
    assert_eq!(
        timeline["entries"].as_array().unwrap().len(),
        0,
        "{timeline}"
    );
}

#[test]
fn person_with_a_shared_surname_is_ambiguous_and_lists_both() {
    let index = Indexed::new();
    let output = index.run(&["person", "Bakke"]);
    let line = one_line_error(&output, "person Bakke");
    for name in ["Lars Ivar Bakke", "Øyvind Bakke"] {
        assert!(line.contains(name), "{name} missing: {line}");
    }
    let output = index.run(&["person", "Bakke", "--json"]);
    one_line_error(&output, "person Bakke --json");
}

#[test]
fn person_with_no_match_names_the_closest_people() {
    let index = Indexed::new();
    let output = index.run(&["person", "Hansen"]);
    let line = one_line_error(&output, "person Hansen");
    assert!(
        line.contains("no person matches 'Hansen'"),
        "unexpected message: {line}"
    );
    assert!(
        line.contains("Thorleif Jansen"),
        "Jansen is one letter from Hansen and should be suggested: {line}"
    );
}

// ---------------------------------------------------------------------------
// themes

#[test]
fn themes_list_helseplattformen_with_its_meeting_date() {
    let index = Indexed::new();
    let themes = index.list(&["themes", "-n", "500"]);
    let theme = themes
        .iter()
        .find(|t| t["theme"] == "Helseplattformen")
        .unwrap_or_else(|| panic!("no Helseplattformen: {:?}", column(&themes, "theme")));
    assert!(
        strings(theme, "dates").contains(&"2023-11-14".to_string()),
        "{theme}"
    );
    let ids: BTreeSet<String> = strings(theme, "report_ids")
        .iter()
        .map(|id| file_of(id).to_string())
        .collect();
    assert_eq!(ids, file_set(&[NOVEMBER_HTML, NOVEMBER_TXT]));
    assert_eq!(theme["reports"], 2, "{theme}");
    // Most reports first.
    let counts: Vec<u64> = themes
        .iter()
        .map(|t| t["reports"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
}

#[test]
fn themes_from_2024_leave_out_helseplattformen() {
    let index = Indexed::new();
    let themes = index.list(&["themes", "-n", "500", "--from", "2024"]);
    let names = column(&themes, "theme");
    assert!(!names.is_empty());
    assert!(
        !names.iter().any(|t| t == "Helseplattformen"),
        "Helseplattformen was a theme in 2023 only: {names:?}"
    );
    for theme in &themes {
        for date in strings(theme, "dates") {
            assert!(date.as_str() >= "2024-01-01", "{theme}");
        }
    }
}

#[test]
fn themes_of_one_person_are_the_themes_of_their_meeting() {
    let index = Indexed::new();
    let themes = index.list(&["themes", "-n", "500", "--person", "Storøy"]);
    let names: BTreeSet<String> = column(&themes, "theme").into_iter().collect();
    assert_eq!(names, name_set(NOVEMBER_THEMES));
}

#[test]
fn may_2023_themes_are_only_the_ones_the_reports_name() {
    let index = Indexed::new();
    let expected: BTreeSet<String> = MAY_MAIN_THEMES
        .iter()
        .chain(MAY_PROJECTS)
        .chain(BOARD_MAY_THEMES)
        .chain(MAY_TOLD_ABOUT)
        .map(|t| t.to_string())
        .collect();
    let themes = index.list(&[
        "themes", "-n", "500", "--from", "2023-05", "--to", "2023-05",
    ]);
    let names: BTreeSet<String> = column(&themes, "theme").into_iter().collect();
    assert_eq!(names, expected, "themes --from 2023-05 --to 2023-05");

    let answer = index.json(&["ask", "Kva var hovudtema i mai 2023?"]);
    let answers: BTreeSet<String> = answer["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| text(a, "answer").to_string())
        .collect();
    assert_eq!(answers, expected, "ask «Kva var hovudtema i mai 2023?»");
}

// ---------------------------------------------------------------------------
// timeline

#[test]
fn timeline_lists_every_meeting_oldest_first() {
    let index = Indexed::new();
    let meetings = index.list(&["timeline"]);
    let dates = column(&meetings, "date");
    assert_eq!(
        dates,
        [
            "2019-06-13",
            "2023-05-10",
            "2023-05-10",
            "2023-05-24",
            "2023-09-04",
            "2023-11-14",
            "2023-11-14",
            "2024-02-02",
            "2024-03-12",
            "2024-04-05",
            "2024-10-23",
            "2024-11-13",
        ]
    );
    let november = meetings
        .iter()
        .find(|m| file_of(text(m, "report")) == NOVEMBER_HTML)
        .unwrap();
    assert_eq!(text(november, "kind"), "utvida samarbeidsmøte");
    assert_eq!(
        strings(november, "places"),
        ["Quality Hotell Ålesund", "Ålesund"]
    );
    assert!(strings(november, "themes").contains(&"Helseplattformen".to_string()));
    assert!(strings(november, "people").contains(&"Helge Storøy".to_string()));
}

#[test]
fn timeline_of_may_2023_is_the_two_may_meetings() {
    let index = Indexed::new();
    for (from, to) in [("2023-05", "2023-05"), ("mai 2023", "mai 2023")] {
        let meetings = index.list(&["timeline", "--from", from, "--to", to]);
        let rows: Vec<(String, String)> = meetings
            .iter()
            .map(|m| {
                (
                    text(m, "date").to_string(),
                    file_of(text(m, "report")).to_string(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("2023-05-10".to_string(), MAY_HTML.to_string()),
                ("2023-05-10".to_string(), MAY_TXT.to_string()),
                ("2023-05-24".to_string(), BOARD_MAY.to_string()),
            ],
            "timeline --from {from:?} --to {to:?}"
        );
        assert_eq!(text(&meetings[0], "kind"), "partnarskapsmøte");
        assert_eq!(
            strings(&meetings[0], "places"),
            ["Scandic Alexandra hotell", "Molde"]
        );
    }
}

#[test]
fn timeline_of_a_person_is_their_meetings() {
    let index = Indexed::new();
    let meetings = index.list(&["timeline", "--person", "Storoy"]);
    assert_eq!(column(&meetings, "date"), ["2023-11-14", "2023-11-14"]);
    let files: BTreeSet<String> = meetings
        .iter()
        .map(|m| file_of(text(m, "report")).to_string())
        .collect();
    assert_eq!(files, file_set(&[NOVEMBER_HTML, NOVEMBER_TXT]));
}

// ---------------------------------------------------------------------------
// search: filters, date terms, field syntax, sorting, facets

#[test]
fn search_filters_by_person_theme_and_place() {
    let index = Indexed::new();
    let november = file_set(&[NOVEMBER_HTML, NOVEMBER_TXT]);
    let helseplattformen = file_set(&[NOVEMBER_HTML, NOVEMBER_TXT, APRIL_2024]);
    let may = file_set(&[MAY_HTML, MAY_TXT]);
    for (args, expected) in [
        (&["--person", "Storoy"][..], &november),
        (&["--person", "Helge Storøy"][..], &november),
        (&["--theme", "helseplattformen"][..], &helseplattformen),
        (&["--place", "Molde"][..], &may),
        (&["helse", "--place", "Molde"][..], &may),
        (&["helse", "--person", "Folleso"][..], &november),
    ] {
        let mut full = vec!["search", "-n", "100"];
        full.extend_from_slice(args);
        let hits = index.list(&full);
        let files: BTreeSet<String> = hit_files(&hits).into_iter().collect();
        assert_eq!(&files, expected, "search {args:?}");
    }
    let hits = index.list(&[
        "search", "-n", "100", "--place", "Molde", "--person", "Storoy",
    ]);
    assert!(
        hits.is_empty(),
        "Storøy was not in Molde: {:?}",
        hit_files(&hits)
    );
}

#[test]
fn search_from_and_to_keep_the_reports_of_those_dates() {
    let index = Indexed::new();
    let hits = index.list(&[
        "search", "-n", "100", "--from", "2024-03", "--to", "2024-04",
    ]);
    let rows: BTreeSet<(String, String)> = hits
        .iter()
        .map(|h| (file_of(text(h, "id")).to_string(), hit_date(h)))
        .collect();
    assert_eq!(
        rows,
        [
            ("legevakt-samarbeid-time.html", "2024-03-12"),
            ("strategisk-samarbeidsutval-april-2024.html", "2024-04-05"),
        ]
        .into_iter()
        .map(|(f, d)| (f.to_string(), d.to_string()))
        .collect()
    );
    let hits = index.list(&[
        "search",
        "helseplattformen",
        "-n",
        "100",
        "--from",
        "november 2023",
        "--to",
        "2023-11-14",
    ]);
    let files: BTreeSet<String> = hit_files(&hits).into_iter().collect();
    assert_eq!(files, file_set(&[NOVEMBER_HTML, NOVEMBER_TXT]));
    let hits = index.list(&["search", "helseplattformen", "-n", "100", "--from", "2024"]);
    for hit in &hits {
        assert!(hit_date(hit).as_str() >= "2024-01-01", "{hit}");
    }
    assert!(
        !hit_files(&hits).iter().any(|f| f == NOVEMBER_HTML),
        "{:?}",
        hit_files(&hits)
    );
}

#[test]
fn search_by_the_second_day_of_a_two_day_meeting_finds_it() {
    let index = Indexed::new();
    for args in [
        &[
            "search",
            "-n",
            "100",
            "--from",
            "2024-11-14",
            "--to",
            "2024-11-14",
        ][..],
        &["search", "-n", "100", "dato:2024-11-14"][..],
    ] {
        let hits = index.list(args);
        assert_eq!(hit_files(&hits), [AGENDA_NOVEMBER_2024], "{args:?}");
    }
}

#[test]
fn search_dato_terms_filter_by_month_and_span() {
    let index = Indexed::new();
    let hits = index.list(&["search", "-n", "100", "dato:2023-11"]);
    let files: BTreeSet<String> = hit_files(&hits).into_iter().collect();
    assert_eq!(files, file_set(&[NOVEMBER_HTML, NOVEMBER_TXT]));

    let hits = index.list(&["search", "-n", "100", "dato:2023-09..2023-12"]);
    let rows: BTreeSet<(String, String)> = hits
        .iter()
        .map(|h| (file_of(text(h, "id")).to_string(), hit_date(h)))
        .collect();
    assert_eq!(
        rows,
        [
            ("samarbeidsmote-legevakt-bokmal.html", "2023-09-04"),
            (NOVEMBER_HTML, "2023-11-14"),
            (NOVEMBER_TXT, "2023-11-14"),
        ]
        .into_iter()
        .map(|(f, d)| (f.to_string(), d.to_string()))
        .collect()
    );

    // Over more than a year the filter reads the date column instead of the day
    // terms: the same reports, and the later ones too.
    let hits = index.list(&["search", "-n", "100", "dato:2023-09..2024-12"]);
    let long: BTreeSet<(String, String)> = hits
        .iter()
        .map(|h| (file_of(text(h, "id")).to_string(), hit_date(h)))
        .collect();
    assert!(long.is_superset(&rows), "{long:?}");
    assert!(long.len() > rows.len(), "{long:?}");
    for (file, date) in &long {
        assert!(
            ("2023-09-01"..="2024-12-31").contains(&date.as_str()),
            "{file} {date}"
        );
    }

    // A date term narrows words as well.
    let hits = index.list(&["search", "-n", "100", "helseplattformen dato:2024"]);
    let files: BTreeSet<String> = hit_files(&hits).into_iter().collect();
    assert!(!files.is_empty());
    assert!(!files.contains(NOVEMBER_HTML), "{files:?}");
    for hit in &hits {
        assert!(hit_date(hit).starts_with("2024-"), "{hit}");
    }
}

#[test]
fn search_field_syntax_person_tema_and_stad() {
    let index = Indexed::new();
    let november = file_set(&[NOVEMBER_HTML, NOVEMBER_TXT]);
    let helseplattformen = file_set(&[NOVEMBER_HTML, NOVEMBER_TXT, APRIL_2024]);
    for (query, expected) in [
        ("person:storoy", &november),
        ("tema:helseplattformen", &helseplattformen),
    ] {
        let hits = index.list(&["search", "-n", "100", query]);
        let files: BTreeSet<String> = hit_files(&hits).into_iter().collect();
        assert_eq!(&files, expected, "search {query}");
    }
    let hits = index.list(&["search", "-n", "100", "stad:ålesund"]);
    let files: BTreeSet<String> = hit_files(&hits).into_iter().collect();
    assert_eq!(
        files,
        file_set(&[
            NOVEMBER_HTML,
            NOVEMBER_TXT,
            "legevakt-samarbeid-time.html",
            AGENDA_NOVEMBER_2024,
        ]),
        "search stad:ålesund"
    );
    let hits = index.list(&["search", "-n", "100", "stad:molde"]);
    let files: BTreeSet<String> = hit_files(&hits).into_iter().collect();
    assert_eq!(files, file_set(&[MAY_HTML, MAY_TXT]), "search stad:molde");
}

#[test]
fn search_sort_date_puts_the_newest_reports_first() {
    let index = Indexed::new();
    let by_relevance = index.list(&["search", "-n", "100", EVERY_REPORT]);
    let by_date = index.list(&["search", "-n", "100", "--sort", "date", EVERY_REPORT]);
    let dates: Vec<String> = by_date.iter().map(hit_date).collect();
    assert_eq!(
        dates,
        [
            "2024-11-13",
            "2024-10-23",
            "2024-04-05",
            "2024-03-12",
            "2024-02-02",
            "2023-11-14",
            "2023-11-14",
            "2023-09-04",
            "2023-05-24",
            "2023-05-10",
            "2023-05-10",
            "2019-06-13",
        ]
    );
    let mut relevance_files = hit_files(&by_relevance);
    let mut date_files = hit_files(&by_date);
    relevance_files.sort();
    date_files.sort();
    assert_eq!(
        relevance_files, date_files,
        "sorting must not change the hits"
    );

    // The limit keeps the newest reports, not the best ones sorted.
    let newest = index.list(&["search", "-n", "3", "--sort", "date", EVERY_REPORT]);
    assert_eq!(
        newest.iter().map(hit_date).collect::<Vec<_>>(),
        ["2024-11-13", "2024-10-23", "2024-04-05"]
    );
    assert_eq!(
        hit_files(&newest)[0],
        AGENDA_NOVEMBER_2024,
        "{:?}",
        hit_files(&newest)
    );
}

#[test]
fn search_facets_json_counts_people_themes_places_and_years() {
    let index = Indexed::new();
    let result = index.json(&["search", "--facets", "person:storoy"]);
    let hits = result["hits"]
        .as_array()
        .unwrap_or_else(|| panic!("no hits array: {result}"));
    let files: BTreeSet<String> = hit_files(hits).into_iter().collect();
    assert_eq!(files, file_set(&[NOVEMBER_HTML, NOVEMBER_TXT]));

    let facets = &result["facets"];
    let pairs = |key: &str| -> Vec<(String, u64)> {
        facets[key]
            .as_array()
            .unwrap_or_else(|| panic!("facets.{key} missing: {facets}"))
            .iter()
            .map(|pair| {
                (
                    pair[0].as_str().unwrap().to_string(),
                    pair[1].as_u64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(pairs("years"), [("2023".to_string(), 2)]);
    let places: BTreeSet<(String, u64)> = pairs("places").into_iter().collect();
    assert_eq!(
        places,
        [
            ("Quality Hotell Ålesund".to_string(), 2),
            ("Ålesund".to_string(), 2)
        ]
        .into_iter()
        .collect()
    );
    let themes: BTreeSet<(String, u64)> = pairs("themes").into_iter().collect();
    assert_eq!(
        themes,
        NOVEMBER_THEMES.iter().map(|t| (t.to_string(), 2)).collect()
    );
    let people = pairs("people");
    assert!(!people.is_empty());
    for (name, count) in &people {
        assert!(NOVEMBER_PEOPLE.contains(&name.as_str()), "{name}");
        assert_eq!(*count, 2, "{name}");
    }

    // Years, newest first, over every report.
    let result = index.json(&["search", "--facets", "-n", "100", EVERY_REPORT]);
    let years: Vec<(String, u64)> = result["facets"]["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap().to_string(), p[1].as_u64().unwrap()))
        .collect();
    assert_eq!(
        years,
        [
            ("2024".to_string(), 5),
            ("2023".to_string(), 6),
            ("2019".to_string(), 1)
        ]
    );
}

// ---------------------------------------------------------------------------
// bad dates

#[test]
fn bad_dates_on_the_command_line_name_the_accepted_forms() {
    let index = Indexed::new();
    for args in [
        &["search", "x", "--from", "2023-13"][..],
        &["search", "x", "--from", "neste"][..],
        &["search", "x", "--to", "2023-02-30"][..],
        &["people", "--from", "neste"][..],
        &["timeline", "--to", "2023-13"][..],
        &["themes", "--from", "mai"][..],
    ] {
        let output = index.run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        let first = stderr.lines().next().unwrap_or_default();
        let bad = args[args.len() - 1];
        assert!(first.contains(&format!("'{bad}'")), "{args:?}: {stderr}");
        for form in DATE_FORMS {
            assert!(
                first.contains(form),
                "{args:?} should name {form}: {stderr}"
            );
        }
    }
}

#[test]
fn a_bad_dato_term_is_a_one_line_error() {
    let index = Indexed::new();
    for query in [
        "dato:2023-99",
        "helseplattformen dato:neste",
        "dato:2023-01..2023-13",
    ] {
        let output = index.run(&["search", query]);
        let line = one_line_error(&output, query);
        for form in DATE_FORMS {
            assert!(line.contains(form), "{query} should name {form}: {line}");
        }
    }
    let line = one_line_error(&index.run(&["search", "dato:2023-99"]), "dato:2023-99");
    assert!(line.contains("2023-99"), "{line}");
}

// ---------------------------------------------------------------------------
// ask

fn answer_names(answer: &Value) -> Vec<String> {
    answer["answers"]
        .as_array()
        .unwrap_or_else(|| panic!("no answers array: {answer}"))
        .iter()
        .map(|a| text(a, "answer").to_string())
        .collect()
}

fn assert_helseplattformen_people(answer: &Value, question: &str) {
    assert_eq!(answer["intent"], "who", "{question}: {answer}");
    assert_eq!(answer["fallback"], false, "{question}");
    assert_eq!(answer["query"], "helseplattformen", "{question}");
    let names = answer_names(answer);
    for name in HELSEPLATTFORMEN_PEOPLE {
        assert!(
            names.iter().any(|n| n == name),
            "{question}: {name} missing: {names:?}"
        );
    }
    assert!(
        !names.iter().any(|n| n == "Magne Lerø"),
        "{question}: {names:?}"
    );
    let answers = answer["answers"].as_array().unwrap();
    for item in answers {
        let evidence = &item["evidence"];
        assert!(!text(evidence, "report").is_empty(), "{question}: {item}");
        assert!(!text(evidence, "passage").is_empty(), "{question}: {item}");
    }
    let jansen = answers
        .iter()
        .find(|a| a["answer"] == "Thorleif Jansen")
        .unwrap();
    assert!(
        text(jansen, "detail").starts_with("absent"),
        "{question}: Jansen was absent: {jansen}"
    );
    let storoy = answers
        .iter()
        .find(|a| a["answer"] == "Helge Storøy")
        .unwrap();
    assert_eq!(
        text(storoy, "detail"),
        "direktør for e-helse og teknologi i HMR HF"
    );
    assert_eq!(text(&storoy["evidence"], "date"), "2023-11-14");
}

#[test]
fn ask_who_spoke_about_helseplattformen() {
    let index = Indexed::new();
    let question = "Kven snakka om Helseplattformen?";
    let answer = index.json(&["ask", question]);
    assert_eq!(answer["question"], question);
    assert_helseplattformen_people(&answer, question);
}

#[test]
fn ask_in_bokmal_gets_the_same_people() {
    let index = Indexed::new();
    let question = "Hvem snakket om Helseplattformen?";
    let answer = index.json(&["ask", question]);
    assert_helseplattformen_people(&answer, question);
    let nynorsk = index.json(&["ask", "Kven snakka om Helseplattformen?"]);
    assert_eq!(answer_names(&answer), answer_names(&nynorsk));
}

#[test]
fn ask_what_the_main_themes_of_may_2023_were() {
    let index = Indexed::new();
    let answer = index.json(&["ask", "Kva var hovudtema i mai 2023?"]);
    assert_eq!(answer["intent"], "what", "{answer}");
    assert_eq!(answer["from"], "2023-05-01");
    assert_eq!(answer["to"], "2023-05-31");
    assert_eq!(answer["fallback"], false);
    let themes = answer_names(&answer);
    for theme in MAY_MAIN_THEMES {
        assert!(
            themes.iter().any(|t| t == theme),
            "{theme} missing: {themes:?}"
        );
    }
    assert!(
        !themes.iter().any(|t| t == "Helseplattformen"),
        "Helseplattformen is a November theme: {themes:?}"
    );
    for item in answer["answers"].as_array().unwrap() {
        let date = text(&item["evidence"], "date");
        assert!(date.starts_with("2023-05-"), "{item}");
    }
    let first_theme = answer["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["answer"] == MAY_MAIN_THEMES[0])
        .unwrap();
    assert!(
        text(&first_theme["evidence"], "passage").contains("hovudtema"),
        "{first_theme}"
    );
}

#[test]
fn ask_when_the_extended_meeting_was() {
    let index = Indexed::new();
    let answer = index.json(&["ask", "Når var utvida samarbeidsmøte?"]);
    assert_eq!(answer["intent"], "when", "{answer}");
    let answers = answer["answers"].as_array().unwrap();
    assert!(!answers.is_empty(), "{answer}");
    let first = &answers[0];
    assert!(text(first, "answer").contains("2023-11-14"), "{first}");
    assert!(
        [NOVEMBER_HTML, NOVEMBER_TXT].contains(&file_of(text(&first["evidence"], "report"))),
        "{first}"
    );
    assert!(
        text(&first["evidence"], "passage").contains("14. november 2023"),
        "{first}"
    );

    let answer = index.json(&["ask", "Når var partnarskapsmøtet?"]);
    let first = &answer["answers"][0];
    assert!(text(first, "answer").contains("2023-05-10"), "{answer}");
}

#[test]
fn ask_where_the_partnership_meeting_was_held() {
    let index = Indexed::new();
    let answer = index.json(&["ask", "Kvar vart partnarskapsmøtet halde?"]);
    assert_eq!(answer["intent"], "where", "{answer}");
    let answers = answer["answers"].as_array().unwrap();
    assert!(!answers.is_empty(), "{answer}");
    let first = &answers[0];
    let place = text(first, "answer");
    assert!(place.contains("Scandic Alexandra hotell"), "{first}");
    assert!(place.contains("Molde"), "{first}");
    assert!(
        [MAY_HTML, MAY_TXT].contains(&file_of(text(&first["evidence"], "report"))),
        "{first}"
    );
    assert_eq!(text(&first["evidence"], "date"), "2023-05-10");
}

#[test]
fn ask_where_in_bokmal() {
    let index = Indexed::new();
    let answer = index.json(&["ask", "Hvor ble partnerskapsmøtet holdt?"]);
    assert_eq!(answer["intent"], "where", "{answer}");
    let answers = answer["answers"].as_array().unwrap();
    assert!(!answers.is_empty(), "{answer}");
    let place = text(&answers[0], "answer");
    assert!(
        place.contains("Scandic Alexandra hotell") && place.contains("Molde"),
        "{answer}"
    );
}

#[test]
fn ask_without_a_question_word_falls_back_to_search() {
    let index = Indexed::new();
    let answer = index.json(&["ask", "legevakt Ålesund"]);
    assert_eq!(answer["fallback"], true, "{answer}");
    assert!(answer["intent"].is_null(), "{answer}");
    let answers = answer["answers"].as_array().unwrap();
    assert!(!answers.is_empty(), "{answer}");
    let first = &answers[0];
    assert_eq!(
        file_of(text(&first["evidence"], "report")),
        "legevakt-samarbeid-time.html",
        "{first}"
    );
    assert_eq!(
        text(first, "answer"),
        "Eigarkommunane vil styrkje legevakta i Ålesund"
    );
    assert_eq!(text(&first["evidence"], "date"), "2024-03-12");
}

// ---------------------------------------------------------------------------
// text output

#[test]
fn people_text_output_is_aligned_and_plain_when_piped() {
    let index = Indexed::new();
    let people = index.list(&["people"]);
    // Piped, with no colour settings at all: the output must still be plain.
    let output = index
        .cmd()
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .arg("people")
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        !stdout.contains('\x1b'),
        "ANSI escapes in piped output: {stdout:?}"
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), people.len() + 1, "{stdout}");
    let header = lines[0];
    let offset = header
        .find("roles")
        .map(|byte| header[..byte].chars().count())
        .unwrap_or_else(|| panic!("no roles column in {header:?}"));
    for (line, p) in lines[1..].iter().zip(&people) {
        let name = text(p, "name");
        assert!(line.starts_with(name), "{line:?} should start with {name}");
        let chars: Vec<char> = line.chars().collect();
        assert!(chars.len() >= offset, "{line:?}");
        let before: String = chars[..offset].iter().collect();
        let roles: String = chars[offset..].iter().collect();
        assert!(
            before.ends_with(&format!("{}  ", text(p, "last"))),
            "{name}: the roles column should start at character {offset}: {line:?}"
        );
        let first_role = strings(p, "roles").into_iter().next().unwrap_or_default();
        let start: String = first_role.chars().take(20).collect();
        assert!(
            roles.starts_with(&start),
            "{name}: roles should start at character {offset}: {line:?}"
        );
        assert!(!roles.starts_with(' '), "{name}: {line:?}");
    }
}
