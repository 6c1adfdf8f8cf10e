//! End-to-end tests of the `referat` binary: every test runs the real program on
//! the sample corpus (or on files it writes itself) with its own index directory.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

const MAY_HTML: &str = "partnarskapsmote-mai-2023.html";
const MAY_TXT: &str = "partnarskapsmote-mai-2023.txt";
const NOVEMBER_HTML: &str = "utvida-samarbeidsmote-november-2023.html";
const NOVEMBER_TXT: &str = "utvida-samarbeidsmote-november-2023.txt";
const MAY_TITLE: &str = "Partnarskapsmøte i mai";
const NOVEMBER_TITLE: &str = "Utvida samarbeidsmøte i Helsefellesskapet Møre og Romsdal";

/// A query that matches every report in corpus/ (each names one of these places
/// or themes).
const EVERY_REPORT: &str = "helseplattformen OR Scandic OR legevakt OR legevakta OR Molde \
     OR Ålesund OR Førde OR Ørsta OR rehabilitering OR kommunestyret OR sykehus OR Volda";

/// The six words that corpus/README.md lists as occurring only in page chrome.
const CHROME_ONLY: &[&str] = &[
    "informasjonskapslar",
    "Sentralbord",
    "Besøksadresse",
    "Nettstadkart",
    "Personvernerklæring",
    "Pasientreiser",
];

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn corpus() -> PathBuf {
    manifest_dir().join("corpus")
}

fn is_report_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("html" | "txt")
    )
}

/// (report files, other files) directly in corpus/.
fn corpus_counts() -> (usize, usize) {
    let mut reports = 0;
    let mut others = 0;
    for entry in fs::read_dir(corpus()).unwrap() {
        let entry = entry.unwrap();
        if !entry.file_type().unwrap().is_file() {
            continue;
        }
        if is_report_file(&entry.path()) {
            reports += 1;
        } else {
            others += 1;
        }
    }
    (reports, others)
}

/// The binary with plain output, run from the crate root, with no index chosen
/// by the caller's environment.
fn referat() -> Command {
    let mut cmd = Command::cargo_bin("referat").unwrap();
    cmd.current_dir(manifest_dir())
        .env("NO_COLOR", "1")
        .env_remove("REFERAT_INDEX")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

/// A private index directory for one test.
struct Fixture {
    dir: TempDir,
}

impl Fixture {
    fn empty() -> Fixture {
        Fixture {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A fixture whose index holds corpus/.
    fn indexed() -> Fixture {
        let fixture = Fixture::empty();
        fixture.cmd().arg("index").arg(corpus()).assert().success();
        fixture
    }

    fn index_dir(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    /// `referat` pointed at this fixture's index through `REFERAT_INDEX`.
    fn cmd(&self) -> Command {
        let mut cmd = referat();
        cmd.env("REFERAT_INDEX", self.index_dir());
        cmd
    }

    /// `referat search --json -n 100 QUERY`, parsed; the command must succeed.
    fn search(&self, query: &str) -> Vec<Value> {
        let output = self
            .cmd()
            .args(["search", "--json", "-n", "100", query])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "search {query:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let value: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
            panic!(
                "search {query:?} printed no JSON ({e}): {}",
                String::from_utf8_lossy(&output.stdout)
            )
        });
        value
            .as_array()
            .unwrap_or_else(|| panic!("search {query:?} printed {value}, not an array"))
            .clone()
    }
}

fn str_field<'a>(hit: &'a Value, key: &str) -> &'a str {
    hit[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is not a string in {hit}"))
}

/// The file names (last path component of the id) of the hits, in rank order.
fn hit_files(hits: &[Value]) -> Vec<String> {
    hits.iter()
        .map(|hit| {
            let id = str_field(hit, "id");
            id.rsplit('/').next().unwrap_or(id).to_string()
        })
        .collect()
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Asserts that a failed command said why in exactly one line, without a panic.
fn assert_one_line_error(output: &std::process::Output, what: &str) -> String {
    let code = output.status.code();
    assert!(
        code.is_some_and(|c| c != 0 && c != 101),
        "{what}: expected an error exit status, got {code:?}"
    );
    let stderr = stderr_of(output);
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "{what}: stderr should be one line: {stderr:?}"
    );
    assert!(lines[0].starts_with("referat: "), "{what}: {stderr:?}");
    assert!(
        !lines[0].contains("internal error"),
        "{what}: reported as an internal error: {stderr:?}"
    );
    lines[0].to_string()
}

// ---------------------------------------------------------------------------
// index

#[test]
fn index_corpus_reports_what_it_indexed_and_passed_over() {
    let (reports, others) = corpus_counts();
    assert_eq!(
        others, 1,
        "corpus/ should hold README.md besides the reports"
    );
    assert!(corpus().join("README.md").is_file());
    let fixture = Fixture::empty();
    let output = fixture.cmd().args(["index", "corpus"]).output().unwrap();
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(output.stdout.is_empty());
    let summary = stderr.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with(&format!(
            "indexed {reports} reports: {reports} added, 0 updated, 0 removed, 0 unchanged, 0 failed;"
        )),
        "summary: {summary:?}"
    );
    assert!(
        summary.contains(&format!("passed over {others} file")),
        "README.md should be passed over as not a report file: {summary:?}"
    );
    assert!(summary.contains(" 0 failed"), "{summary:?}");
    assert!(!stderr.contains("referat: skipped"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn indexing_twice_updates_in_place_without_duplicates() {
    let fixture = Fixture::indexed();
    let first = hit_files(&fixture.search("helseplattformen"));
    assert!(first.contains(&NOVEMBER_HTML.to_string()), "{first:?}");

    // Once more by the same path, once by a relative path, once one file alone:
    // all name the same reports, so they replace rather than add.
    fixture.cmd().arg("index").arg(corpus()).assert().success();
    fixture.cmd().args(["index", "corpus"]).assert().success();
    fixture
        .cmd()
        .arg("index")
        .arg(corpus().join(NOVEMBER_HTML))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "indexed 0 reports: 0 added, 0 updated, 0 removed, 1 unchanged, 0 failed",
        ));

    let hits = fixture.search("helseplattformen");
    let ids: Vec<&str> = hits.iter().map(|h| str_field(h, "id")).collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "duplicate hits: {ids:?}");
    let mut again = hit_files(&hits);
    let mut first = first;
    again.sort();
    first.sort();
    assert_eq!(again, first);

    // Every report is still there exactly once.
    let (reports, _) = corpus_counts();
    let hits = fixture.search(EVERY_REPORT);
    let ids: BTreeSet<&str> = hits.iter().map(|h| str_field(h, "id")).collect();
    assert_eq!(hits.len(), reports, "{ids:?}");
    assert_eq!(ids.len(), reports, "{ids:?}");
}

/// Hits by score, and by id among equal scores: reports with the same score (the
/// .html and .txt copies of one report) may come in either order.
fn in_rank_order(mut hits: Vec<Value>) -> Vec<Value> {
    let key = |hit: &Value| {
        let score = (hit["score"].as_f64().unwrap() * 1e4).round() as i64;
        (-score, str_field(hit, "id").to_string())
    };
    hits.sort_by_key(key);
    hits
}

#[test]
fn rebuild_gives_the_same_results() {
    let fixture = Fixture::indexed();
    let queries = [
        "helseplattformen",
        "\"Scandic Alexandra\"",
        "legevakt",
        "title:partnarskapsmøte",
        EVERY_REPORT,
    ];
    let before: Vec<Vec<Value>> = queries.iter().map(|q| fixture.search(q)).collect();
    let output = fixture
        .cmd()
        .args(["index", "--rebuild", "corpus"])
        .output()
        .unwrap();
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let (reports, _) = corpus_counts();
    assert!(
        stderr.contains(&format!("indexed {reports} reports: {reports} added")),
        "{stderr}"
    );
    for (query, before) in queries.iter().zip(before) {
        let after = in_rank_order(fixture.search(query));
        let before = in_rank_order(before);
        assert!(!after.is_empty(), "{query}: no hits after --rebuild");
        assert_eq!(after.len(), before.len(), "{query}");
        for (a, b) in after.iter().zip(&before) {
            for key in ["id", "title", "meeting_date", "published", "snippet"] {
                assert_eq!(a[key], b[key], "{query}: {key} changed after --rebuild");
            }
            let (sa, sb) = (a["score"].as_f64().unwrap(), b["score"].as_f64().unwrap());
            assert!((sa - sb).abs() < 1e-4, "{query}: score {sb} became {sa}");
        }
    }
}

#[test]
fn index_flag_and_environment_variable_name_the_same_index() {
    let fixture = Fixture::empty();
    referat()
        .arg("--index")
        .arg(fixture.index_dir())
        .args(["index", "corpus"])
        .assert()
        .success();
    let hits = fixture.search("Scandic");
    assert!(hit_files(&hits).contains(&MAY_HTML.to_string()));
}

// ---------------------------------------------------------------------------
// search

#[test]
fn search_helseplattformen_json() {
    let fixture = Fixture::indexed();
    let hits = fixture.search("helseplattformen");
    assert!(!hits.is_empty());
    assert_eq!(hits[0]["meeting_date"], "2023-11-14");
    assert_eq!(hits[0]["title"], NOVEMBER_TITLE);
    assert_eq!(hits[0]["published"], "2023-11-21");

    let mut previous = f64::INFINITY;
    for hit in &hits {
        let object = hit.as_object().expect("each hit is a JSON object");
        for key in [
            "id",
            "path",
            "title",
            "meeting_date",
            "published",
            "score",
            "snippet",
            "highlights",
        ] {
            assert!(object.contains_key(key), "hit without {key}: {hit}");
        }
        let score = hit["score"].as_f64().expect("score is a number");
        assert!(
            score <= previous,
            "scores increase: {previous} then {score}"
        );
        previous = score;

        let snippet = str_field(hit, "snippet");
        let highlights = hit["highlights"]
            .as_array()
            .expect("highlights is an array");
        for range in highlights {
            let start = range["start"].as_u64().expect("start") as usize;
            let end = range["end"].as_u64().expect("end") as usize;
            let text = snippet
                .get(start..end)
                .unwrap_or_else(|| panic!("{start}..{end} is not a range of {snippet:?}"));
            // The word as searched, or (should the analyzer match inflections)
            // another form of it: never a neighbouring word or part of one.
            let word = text.to_lowercase();
            assert!(
                word.starts_with("helseplattform") && word.chars().all(char::is_alphabetic),
                "highlight {text:?} in {snippet:?}"
            );
            let before = snippet[..start].chars().next_back();
            let after = snippet[end..].chars().next();
            assert!(
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric),
                "highlight {text:?} is part of a word in {snippet:?}"
            );
        }
    }
    assert!(
        !hits[0]["highlights"].as_array().unwrap().is_empty(),
        "the best hit has no highlights: {}",
        hits[0]
    );
}

#[test]
fn search_helseplattformen_for_people() {
    let fixture = Fixture::indexed();
    let output = fixture
        .cmd()
        .args(["search", "helseplattformen"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let first = stdout.lines().next().unwrap_or_default();
    assert_eq!(first, format!("1. 2023-11-14  {NOVEMBER_TITLE}"));
    assert!(
        stdout.contains(&format!("(id corpus/{NOVEMBER_HTML})")),
        "{stdout}"
    );
}

#[test]
fn search_scandic_alexandra_finds_the_may_report_first() {
    let fixture = Fixture::indexed();
    let hits = fixture.search("Scandic Alexandra");
    assert!(!hits.is_empty());
    assert_eq!(hits[0]["meeting_date"], "2023-05-10");
    assert_eq!(hits[0]["title"], MAY_TITLE);
}

#[test]
fn words_only_in_page_chrome_find_nothing() {
    let fixture = Fixture::indexed();
    let html = fs::read_to_string(corpus().join(MAY_HTML)).unwrap();
    for word in CHROME_ONLY {
        // The page really has the word, so an empty result means it was left out.
        assert!(html.contains(word), "{MAY_HTML} no longer contains {word}");
        let hits = fixture.search(word);
        assert!(
            hits.is_empty(),
            "{word} occurs only in page chrome but found {:?}",
            hit_files(&hits)
        );
    }
    // Control: a word from the article body of the same page is found in it.
    assert!(html.contains("Helsepersonellkommisjonen"));
    let hits = fixture.search("Helsepersonellkommisjonen");
    let files = hit_files(&hits);
    assert!(files.contains(&MAY_HTML.to_string()), "{files:?}");
    assert!(files.contains(&MAY_TXT.to_string()), "{files:?}");
}

#[test]
fn photo_captions_are_searchable() {
    let fixture = Fixture::indexed();
    let html = fs::read_to_string(corpus().join(NOVEMBER_HTML)).unwrap();
    // These two words occur once in the page, inside its <figcaption>.
    for word in ["kommedirektør", "seksjonsleiar"] {
        assert_eq!(html.matches(word).count(), 1, "{word}");
        let at = html.find(word).unwrap();
        let open = html[..at]
            .rfind("<figcaption")
            .expect("caption before word");
        assert!(
            !html[open..at].contains("</figcaption>"),
            "{word} is not in a caption"
        );
        let files = hit_files(&fixture.search(word));
        assert!(
            files.contains(&NOVEMBER_HTML.to_string()),
            "{word}: {files:?}"
        );
    }
    let hits = fixture.search("Leirbekk Follesø");
    let files = hit_files(&hits);
    assert!(files.contains(&NOVEMBER_HTML.to_string()), "{files:?}");
    assert_eq!(hits[0]["meeting_date"], "2023-11-14");
}

#[test]
fn phrase_query_finds_the_may_report() {
    let fixture = Fixture::indexed();
    let files = hit_files(&fixture.search("\"fulle sjukehus\""));
    assert!(files.contains(&MAY_HTML.to_string()), "{files:?}");
    assert!(!files.contains(&NOVEMBER_HTML.to_string()), "{files:?}");
    // The same words out of order are not the phrase.
    let files = hit_files(&fixture.search("\"sjukehus fulle\""));
    assert!(!files.contains(&MAY_HTML.to_string()), "{files:?}");
}

#[test]
fn and_not_excludes_reports() {
    let fixture = Fixture::indexed();
    let all = hit_files(&fixture.search("helseplattformen OR Scandic"));
    assert!(all.contains(&MAY_HTML.to_string()), "{all:?}");
    assert!(all.contains(&NOVEMBER_HTML.to_string()), "{all:?}");

    let files = hit_files(&fixture.search("helseplattformen AND NOT Scandic"));
    assert!(!files.contains(&MAY_HTML.to_string()), "{files:?}");
    assert!(!files.contains(&MAY_TXT.to_string()), "{files:?}");
    // Not an empty answer: the reports about Helseplattformen that never mention
    // Scandic are still found.
    assert!(
        files.contains(&NOVEMBER_HTML.to_string()),
        "helseplattformen AND NOT Scandic found {files:?}"
    );
    // The same with the minus sign.
    let files = hit_files(&fixture.search("helseplattformen -Scandic"));
    assert!(files.contains(&NOVEMBER_HTML.to_string()), "{files:?}");
    assert!(!files.contains(&MAY_HTML.to_string()), "{files:?}");
}

#[test]
fn all_words_are_required_by_default() {
    let fixture = Fixture::indexed();
    // Each word is found on its own, but no report has both.
    assert!(!fixture.search("Scandic").is_empty());
    assert!(!fixture.search("Leirbekk").is_empty());
    assert!(fixture.search("Scandic Leirbekk").is_empty());
    assert!(!fixture.search("Scandic OR Leirbekk").is_empty());
}

#[test]
fn title_field_query_finds_the_may_report() {
    let fixture = Fixture::indexed();
    let hits = fixture.search("title:partnarskapsmøte");
    let files = hit_files(&hits);
    assert!(files.contains(&MAY_HTML.to_string()), "{files:?}");
    for hit in &hits {
        assert!(
            str_field(hit, "title")
                .to_lowercase()
                .contains("partnarskapsmøte"),
            "{hit}"
        );
    }
    // "Scandic" is in the May body but in no title.
    assert!(fixture.search("title:scandic").is_empty());
    let files = hit_files(&fixture.search("body:scandic"));
    assert!(files.contains(&MAY_HTML.to_string()), "{files:?}");
}

#[test]
fn malformed_queries_are_one_line_errors() {
    let fixture = Fixture::indexed();
    for query in ["title:(", "nosuchfield:x"] {
        let output = fixture.cmd().args(["search", query]).output().unwrap();
        assert_one_line_error(&output, query);
        let output = fixture
            .cmd()
            .args(["search", "--json", query])
            .output()
            .unwrap();
        assert_one_line_error(&output, query);
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn search_without_an_index_says_how_to_make_one() {
    let fixture = Fixture::empty();
    let output = fixture.cmd().args(["search", "x"]).output().unwrap();
    let line = assert_one_line_error(&output, "search with no index");
    assert!(line.contains("referat index"), "{line}");

    // An existing but empty directory is no index either.
    let empty = fixture.dir.path().join("tom");
    fs::create_dir(&empty).unwrap();
    let output = referat()
        .arg("--index")
        .arg(&empty)
        .args(["search", "x"])
        .output()
        .unwrap();
    let line = assert_one_line_error(&output, "search in an empty directory");
    assert!(line.contains("referat index"), "{line}");
}

#[test]
fn usage_errors_exit_with_status_2() {
    referat().args(["search"]).assert().code(2);
    referat().args(["no-such-command"]).assert().code(2);
}

// ---------------------------------------------------------------------------
// show

#[test]
fn show_prints_a_stored_report() {
    let fixture = Fixture::indexed();
    let id = format!("corpus/{MAY_HTML}");
    let output = fixture
        .cmd()
        .args(["show", "--json", &id])
        .output()
        .unwrap();
    assert!(output.status.success());
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["id"], id.as_str());
    assert_eq!(report["title"], MAY_TITLE);
    assert_eq!(report["meeting_dates"][0], "2023-05-10");

    fixture
        .cmd()
        .args(["show", &id])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(format!("{MAY_TITLE}\n")));

    let output = fixture.cmd().args(["show", "nosuch"]).output().unwrap();
    assert_one_line_error(&output, "show of an unknown id");
}

// ---------------------------------------------------------------------------
// extract

fn extract_json(path: &Path) -> Value {
    let output = referat()
        .args(["extract", "--json"])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "extract {}: {}",
        path.display(),
        stderr_of(&output)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn extract_seed_reports() {
    let cases = [
        (MAY_HTML, MAY_TITLE, "2023-05-16", "2023-05-10"),
        (MAY_TXT, MAY_TITLE, "2023-05-16", "2023-05-10"),
        (NOVEMBER_HTML, NOVEMBER_TITLE, "2023-11-21", "2023-11-14"),
        (NOVEMBER_TXT, NOVEMBER_TITLE, "2023-11-21", "2023-11-14"),
    ];
    for (file, title, published, meeting) in cases {
        let report = extract_json(&corpus().join(file));
        assert_eq!(report["title"], title, "{file}");
        assert_eq!(report["published"], published, "{file}");
        assert_eq!(report["meeting_dates"][0], meeting, "{file}");
        assert_eq!(report["id"], format!("corpus/{file}").as_str(), "{file}");
    }
}

#[test]
fn extract_latin1_page_spells_norwegian_letters_right() {
    let path = corpus().join("kommunestyre-orsta-latin1.html");
    let bytes = fs::read(&path).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the page should not be UTF-8"
    );
    let output = referat()
        .args(["extract", "--json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        !stdout.contains('\u{fffd}'),
        "replacement characters in output"
    );
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let text: Vec<&str> = report["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| str_field(p, "text"))
        .collect();
    let text = text.join("\n");
    assert!(text.contains("kommunane"), "{text}");
    assert!(text.contains("Ørsta"), "{text}");
}

#[test]
fn extract_reads_text_from_stdin() {
    let text = fs::read(corpus().join(MAY_TXT)).unwrap();
    let output = referat()
        .args(["extract", "--json", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["title"], MAY_TITLE);
    assert_eq!(report["published"], "2023-05-16");
    assert_eq!(report["meeting_dates"][0], "2023-05-10");
    assert_eq!(report["path"], "-");
}

#[test]
fn extract_shows_a_meeting_known_only_by_its_month() {
    let text = "Årsmøte i sogelaget\n\nÅrsmøtet vart halde i oktober 2019 på skulen, og 30 medlemer møtte fram til eit godt møte.\n";
    let json = referat()
        .args(["extract", "--json", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(json.status.success(), "{}", stderr_of(&json));
    let report: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["meeting_dates"], serde_json::json!([]));
    assert_eq!(report["meeting_month"], "2019-10");
    let plain = referat()
        .env("NO_COLOR", "1")
        .args(["extract", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&plain.stdout);
    assert!(
        shown
            .lines()
            .any(|l| l.starts_with("meeting") && l.trim_end().ends_with("2019-10")),
        "{shown}"
    );
}

// ---------------------------------------------------------------------------
// bad input

const TRUNCATED_PAGE: &str = "<!DOCTYPE html>
<html lang=\"nn\"><head><meta charset=\"utf-8\"><title>Fagdag om kvardagsrehabilitering</title></head>
<body><article><h1>Fagdag om kvardagsrehabilitering</h1>
<p>Publisert 03.10.2023</p>
<p>Tysdag 26. september 2023 samla kommunane på Sunnmøre seg til fagdag om kvardagsrehabilitering i Ålesund. Ergoterapeutane fortalde om erfaringane sine med heimebaserte tenester.</p>
<p>Deltakarane drøfta korleis kvardagsrehabilitering kan
";

const NO_ARTICLE_PAGE: &str = "<!DOCTYPE html>
<html lang=\"nn\"><head><meta charset=\"utf-8\"><title>Side ikkje funnen</title></head>
<body><nav><ul class=\"menu\"><li><a href=\"/\">Framside</a></li><li><a href=\"/om\">Om oss</a></li><li><a href=\"/kontakt\">Kontakt</a></li></ul></nav>
<h1>Side ikkje funnen</h1>
</body></html>
";

/// A file `referat` cannot read: mode 000, or, when this process can read such
/// files anyway (root), a symbolic link to nothing.
#[cfg(unix)]
fn make_unreadable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    fs::write(path, "<html><body><p>Hemmeleg møte.</p></body></html>").unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(path).is_ok() {
        fs::remove_file(path).unwrap();
        std::os::unix::fs::symlink("nowhere.html", path).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn bad_files_are_reported_and_skipped() {
    let fixture = Fixture::empty();
    let dir = fixture.dir.path().join("innboks");
    fs::create_dir(&dir).unwrap();
    fs::copy(corpus().join(MAY_HTML), dir.join(MAY_HTML)).unwrap();
    fs::copy(corpus().join(NOVEMBER_TXT), dir.join(NOVEMBER_TXT)).unwrap();
    fs::write(dir.join("tom.html"), "").unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec();
    png.extend_from_slice(&[0; 64]);
    fs::write(dir.join("bilde.html"), png).unwrap();
    fs::write(dir.join("avkorta.html"), TRUNCATED_PAGE).unwrap();
    fs::write(dir.join("ingen-artikkel.html"), NO_ARTICLE_PAGE).unwrap();
    make_unreadable(&dir.join("hemmeleg.html"));

    let output = fixture.cmd().arg("index").arg(&dir).output().unwrap();
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("internal error"), "{stderr}");

    for bad in [
        "tom.html",
        "bilde.html",
        "ingen-artikkel.html",
        "hemmeleg.html",
    ] {
        let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(bad)).collect();
        assert_eq!(lines.len(), 1, "{bad} should be named once: {stderr}");
        let prefix = format!("referat: skipped {}: ", dir.join(bad).display());
        let reason = lines[0]
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("{bad}: {:?} does not start {prefix:?}", lines[0]));
        assert!(!reason.trim().is_empty(), "{bad} skipped without a reason");
    }
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("avkorta.html"))
        .collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    let prefix = format!("referat: warning: {}: ", dir.join("avkorta.html").display());
    assert!(lines[0].starts_with(&prefix), "{:?}", lines[0]);
    for good in [MAY_HTML, NOVEMBER_TXT] {
        assert!(!stderr.contains(good), "{good} is a good file: {stderr}");
    }
    let summary = stderr.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with("indexed 3 reports: 3 added"),
        "{summary:?}"
    );
    assert!(summary.contains("4 failed"), "{summary:?}");

    // The good reports and the readable part of the truncated one are searchable.
    assert_eq!(hit_files(&fixture.search("Scandic")), vec![MAY_HTML]);
    assert_eq!(hit_files(&fixture.search("Leirbekk")), vec![NOVEMBER_TXT]);
    assert_eq!(
        hit_files(&fixture.search("kvardagsrehabilitering")),
        vec!["avkorta.html"]
    );
    // Inflected forms meet: "Deltakarane" (truncated page) and "deltakarar"
    // (November report).
    assert_eq!(
        hit_files(&fixture.search("Deltakarane")),
        vec!["avkorta.html", NOVEMBER_TXT]
    );
    // The page without an article was not indexed.
    assert!(fixture.search("funnen").is_empty());
}

// ---------------------------------------------------------------------------
// analyze and output

#[test]
fn analyze_prints_lowercase_terms() {
    let output = referat()
        .args(["analyze", "Helse- og omsorgsdepartementet e-helse HMR HF"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let terms: Vec<&str> = stdout.split_whitespace().collect();
    assert!(terms.contains(&"e-helse"), "{terms:?}");
    assert!(terms.contains(&"hmr"), "{terms:?}");
    for term in &terms {
        assert_eq!(*term, term.to_lowercase(), "{terms:?}");
    }
}

#[test]
fn output_is_plain_when_stdout_is_not_a_terminal() {
    let fixture = Fixture::indexed();
    for args in [
        &["search", "--json", "helseplattformen"][..],
        &["search", "helseplattformen"][..],
        &["show", "corpus/partnarskapsmote-mai-2023.html"][..],
    ] {
        let output = fixture
            .cmd()
            .env_remove("NO_COLOR")
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}");
        assert!(!output.stdout.is_empty(), "{args:?}");
        assert!(
            !output.stdout.contains(&0x1b),
            "{args:?}: ANSI escapes in piped output"
        );
    }
    let output = fixture
        .cmd()
        .env_remove("NO_COLOR")
        .args(["search", "--json", "helseplattformen"])
        .output()
        .unwrap();
    let hits: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(!hits.as_array().unwrap().is_empty());
}

#[test]
fn a_closed_output_pipe_is_not_an_error() {
    // `referat search … | head` : the reader may stop reading at any time.
    let fixture = Fixture::indexed();
    let id = format!("corpus/{MAY_HTML}");
    let may = corpus().join(MAY_HTML);
    let may = may.to_str().unwrap();
    let mut failed = Vec::new();
    for args in [
        &["search", "helseplattformen"][..],
        &["search", "--json", "helseplattformen"][..],
        &["show", &id][..],
        &["show", "--json", &id][..],
        &["extract", may][..],
        &["extract", "--json", may][..],
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_referat"))
            .current_dir(manifest_dir())
            .env("NO_COLOR", "1")
            .env("REFERAT_INDEX", fixture.index_dir())
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end before the program writes anything.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = stderr_of(&output);
        if output.status.code() != Some(0) || !stderr.is_empty() {
            failed.push(format!("{args:?}: {:?} {stderr:?}", output.status.code()));
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}
