//! Robustness of indexing, end to end: incremental runs, a generation swap while
//! readers search, processes killed with SIGKILL in the middle of a run, two
//! writers at once, a directory of hostile input files, and an index written by an
//! incompatible version. Every test runs the real binary on files it makes itself,
//! each with its own index directory.
//!
//! Tests marked `#[ignore = "known gap: …"]` assert the behaviour the program
//! should have and currently does not; run them with `cargo test --test robustness
//! -- --ignored`.

#![cfg(unix)]

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::Read;
use std::ops::RangeInclusive;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use serde_json::Value;
use tempfile::TempDir;

const MAY_HTML: &str = "partnarskapsmote-mai-2023.html";
const MAY_TXT: &str = "partnarskapsmote-mai-2023.txt";
const NOVEMBER_TXT: &str = "utvida-samarbeidsmote-november-2023.txt";
const FORDE_TXT: &str = "styremote-helse-forde.txt";

/// A query that matches every report in corpus/.
const EVERY_REPORT: &str = "helseplattformen OR Scandic OR legevakt OR legevakta OR Molde \
     OR Ålesund OR Førde OR Ørsta OR rehabilitering OR kommunestyret OR sykehus OR Volda";

/// The queries whose results stand for "what the index holds" in the tests that
/// compare an index before and after a run: a narrow one, a broad one, and one that
/// matches everything.
const QUERIES: &[&str] = &["Scandic", "legevakta", EVERY_REPORT];

const INTERRUPTED_NOTICE: &str =
    "left unfinished by an earlier run that was interrupted; the index is intact";

// ---------------------------------------------------------------------------
// running the program

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn corpus() -> PathBuf {
    manifest_dir().join("corpus")
}

fn os(s: impl AsRef<OsStr>) -> OsString {
    s.as_ref().to_os_string()
}

/// The binary with plain output, run from the crate root, on `index`.
fn referat(index: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_referat"));
    cmd.current_dir(manifest_dir())
        .env("NO_COLOR", "1")
        .env("REFERAT_INDEX", index)
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null());
    cmd
}

/// What a finished command printed.
struct Run {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

impl Run {
    fn code(&self) -> Option<i32> {
        self.status.code()
    }

    /// The summary line of an `index` run.
    fn summary(&self) -> &str {
        self.stderr
            .lines()
            .rev()
            .find(|l| l.starts_with("indexed "))
            .unwrap_or_else(|| panic!("no summary line in {:?}", self.stderr))
    }

    /// Asserts that the summary line of an `index` run starts with `expected`.
    fn assert_summary(&self, expected: &str) {
        assert!(self.summary().starts_with(expected), "{}", self.stderr);
    }

    fn assert_no_panic(&self, what: &str) {
        assert!(
            !self.stderr.contains("panicked") && !self.stderr.contains("internal error"),
            "{what}: {}",
            self.stderr
        );
        assert_ne!(self.code(), Some(101), "{what}: {}", self.stderr);
        assert!(
            self.status.signal().is_none(),
            "{what}: died of signal {:?}: {}",
            self.status.signal(),
            self.stderr
        );
    }
}

fn run<I, S>(index: &Path, args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let output = referat(index).args(args).output().unwrap();
    Run {
        status: output.status,
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// `referat index PATHS…`, which must exit with `code`.
fn index_expecting(index: &Path, args: &[OsString], code: i32) -> Run {
    let mut all = vec![os("index")];
    all.extend(args.iter().cloned());
    let out = run(index, &all);
    out.assert_no_panic(&format!("index {args:?}"));
    assert_eq!(out.code(), Some(code), "index {args:?}: {}", out.stderr);
    out
}

/// A process started in the background. Dropping it kills it, so a failed
/// assertion never leaves a process behind.
struct Background {
    child: Child,
    status: Option<ExitStatus>,
}

impl Background {
    fn spawn(cmd: &mut Command) -> Background {
        let child = cmd
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        Background {
            child,
            status: None,
        }
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    fn running(&mut self) -> bool {
        if self.status.is_none() {
            self.status = self.child.try_wait().unwrap();
        }
        self.status.is_none()
    }

    /// Waits for the process to end by itself; kills it and fails after `limit`.
    fn wait(&mut self, limit: Duration, what: &str) -> ExitStatus {
        let start = Instant::now();
        while self.running() {
            if start.elapsed() > limit {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!("{what}: still running after {limit:?}");
            }
            thread::sleep(Duration::from_millis(5));
        }
        self.status.unwrap()
    }

    /// SIGKILL (a no-op if it has already exited), then reaps it.
    fn kill(&mut self) -> ExitStatus {
        if self.status.is_none() {
            self.child.kill().unwrap();
            self.status = Some(self.child.wait().unwrap());
        }
        self.status.unwrap()
    }

    /// Sends a signal by name (STOP, CONT) with kill(1).
    fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .unwrap();
        assert!(status.success(), "kill -{name} {}", self.pid());
    }

    /// What it wrote on stderr; only once it has ended.
    fn stderr(&mut self) -> String {
        assert!(self.status.is_some());
        let mut text = String::new();
        if let Some(mut pipe) = self.child.stderr.take() {
            pipe.read_to_string(&mut text).unwrap();
        }
        text
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        if self.status.is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Polls `done` every millisecond until it holds (true) or `limit` passes (false).
fn poll_until(limit: Duration, mut done: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if done() {
            return true;
        }
        thread::sleep(Duration::from_millis(1));
    }
    done()
}

// ---------------------------------------------------------------------------
// searching

/// Report ids per query.
type Results = BTreeMap<&'static str, BTreeSet<String>>;

/// The ids of every hit for `query`, or why the search failed.
fn try_search(index: &Path, query: &str) -> Result<BTreeSet<String>, String> {
    let out = run(index, ["search", "--json", "-n", "1000", query]);
    if out.code() != Some(0) {
        return Err(format!("exit {:?}: {}", out.status, out.stderr.trim_end()));
    }
    let value: Value = serde_json::from_str(&out.stdout)
        .map_err(|e| format!("printed no JSON ({e}): {}", out.stdout))?;
    let hits = value
        .as_array()
        .ok_or_else(|| format!("printed {value}, not an array"))?;
    hits.iter()
        .map(|hit| {
            hit["id"]
                .as_str()
                .map(str::to_string)
                .ok_or_else(|| format!("hit without an id: {hit}"))
        })
        .collect()
}

fn search(index: &Path, query: &str) -> BTreeSet<String> {
    try_search(index, query).unwrap_or_else(|e| panic!("search {query:?} failed: {e}"))
}

fn try_results(index: &Path) -> Result<Results, String> {
    QUERIES
        .iter()
        .map(|q| try_search(index, q).map(|ids| (*q, ids)))
        .collect()
}

fn results(index: &Path) -> Results {
    try_results(index).unwrap_or_else(|e| panic!("search failed: {e}"))
}

fn union(a: &Results, b: &Results) -> Results {
    QUERIES
        .iter()
        .map(|q| (*q, a[q].union(&b[q]).cloned().collect()))
        .collect()
}

fn ids(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

// ---------------------------------------------------------------------------
// index directories

/// Names of the generation directories in `index`.
/// The live generation and any newer ones (builds that never finished). The one a
/// rebuild replaced is kept on purpose until the next switch, for searches that
/// were opening it, and is not listed.
fn generations(index: &Path) -> BTreeSet<String> {
    let Ok(entries) = fs::read_dir(index) else {
        return BTreeSet::new();
    };
    let live = current(index).unwrap_or_default();
    entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("gen-") && n.as_str() >= live.as_str())
        .collect()
}

/// The generation `CURRENT` names.
fn current(index: &Path) -> Option<String> {
    let name = fs::read_to_string(index.join("CURRENT")).ok()?;
    Some(name.trim().to_string())
}

/// Every file and directory under the `gen-*` directories, with its size and
/// modification time.
fn generation_listing(index: &Path) -> BTreeMap<PathBuf, (u64, SystemTime)> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<PathBuf, (u64, SystemTime)>) {
        for entry in fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            let meta = fs::symlink_metadata(&path).unwrap();
            let key = path.strip_prefix(root).unwrap().to_path_buf();
            out.insert(key, (meta.len(), meta.modified().unwrap()));
            if meta.is_dir() {
                walk(&path, root, out);
            }
        }
    }
    let mut out = BTreeMap::new();
    for generation in generations(index) {
        let path = index.join(&generation);
        let meta = fs::metadata(&path).unwrap();
        out.insert(
            PathBuf::from(&generation),
            (meta.len(), meta.modified().unwrap()),
        );
        walk(&path, index, &mut out);
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// An index of corpus/ in `dir/index`; returns the index directory.
fn corpus_index(dir: &Path) -> PathBuf {
    let index = dir.join("index");
    index_expecting(&index, &[os(corpus())], 0);
    index
}

// ---------------------------------------------------------------------------
// generated corpora

/// The HTML pages of corpus/, by file name.
fn corpus_pages() -> Vec<(String, Vec<u8>)> {
    let mut pages: Vec<(String, Vec<u8>)> = fs::read_dir(corpus())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".html"))
        .map(|n| {
            let bytes = fs::read(corpus().join(&n)).unwrap();
            (n, bytes)
        })
        .collect();
    pages.sort();
    pages
}

fn copy_name(page: &str, copy: usize) -> String {
    let stem = page.strip_suffix(".html").unwrap();
    format!("{stem}-k{copy:03}.html")
}

/// A copy of a page with a small change: a line under the title naming the copy,
/// and a comment at the end (the ISO-8859-1 page has no `<h1>`, so only the
/// comment changes it).
fn vary(page: &[u8], copy: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(page.len() + 64);
    let marker = b"</h1>";
    match page.windows(marker.len()).position(|w| w == marker) {
        Some(at) => {
            let at = at + marker.len();
            out.extend_from_slice(&page[..at]);
            out.extend_from_slice(format!("\n<p>Arkivkopi nummer {copy}.</p>").as_bytes());
            out.extend_from_slice(&page[at..]);
        }
        None => out.extend_from_slice(page),
    }
    out.extend_from_slice(format!("\n<!-- arkivkopi {copy} -->\n").as_bytes());
    out
}

/// Writes `copies` varied copies of every HTML page in corpus/ into `dir`.
fn generate_corpus(dir: &Path, copies: RangeInclusive<usize>) -> usize {
    fs::create_dir_all(dir).unwrap();
    let mut n = 0;
    for (name, bytes) in corpus_pages() {
        for copy in copies.clone() {
            fs::write(dir.join(copy_name(&name, copy)), vary(&bytes, copy)).unwrap();
            n += 1;
        }
    }
    n
}

/// What the queries find in an index of a generated corpus in a directory named
/// `root`, given what they find in an index of corpus/: the copies of the pages
/// they find there.
fn expected_copies(corpus_results: &Results, root: &str, copies: RangeInclusive<usize>) -> Results {
    QUERIES
        .iter()
        .map(|q| {
            let found = corpus_results[q]
                .iter()
                .filter_map(|id| id.strip_prefix("corpus/"))
                .filter(|name| name.ends_with(".html"))
                .flat_map(|name| {
                    copies
                        .clone()
                        .map(move |c| format!("{root}/{}", copy_name(name, c)))
                })
                .collect();
            (*q, found)
        })
        .collect()
}

// ---------------------------------------------------------------------------
// 1. incremental indexing

#[test]
fn incremental_runs_add_update_and_remove_and_a_no_op_run_writes_nothing() {
    let tmp = TempDir::new().unwrap();
    let index = tmp.path().join("index");
    let arkiv = tmp.path().join("arkiv");
    fs::create_dir(&arkiv).unwrap();
    for name in [MAY_HTML, NOVEMBER_TXT] {
        fs::copy(corpus().join(name), arkiv.join(name)).unwrap();
    }
    let out = index_expecting(&index, &[os(&arkiv)], 0);
    out.assert_summary("indexed 2 reports: 2 added, 0 updated, 0 removed, 0 unchanged, 0 failed");

    // A new file.
    fs::copy(corpus().join(FORDE_TXT), arkiv.join(FORDE_TXT)).unwrap();
    let out = index_expecting(&index, &[os(&arkiv)], 0);
    out.assert_summary("indexed 1 report: 1 added, 0 updated, 0 removed, 2 unchanged, 0 failed");
    assert_eq!(search(&index, "Fjordtunet"), BTreeSet::new());
    let may_id = format!("arkiv/{MAY_HTML}");
    assert_eq!(search(&index, "Scandic"), ids(&[&may_id]));

    // A changed file: the new text replaces the old.
    let page = fs::read_to_string(arkiv.join(MAY_HTML)).unwrap();
    assert_eq!(page.matches("Scandic").count(), 1);
    fs::write(arkiv.join(MAY_HTML), page.replace("Scandic", "Fjordtunet")).unwrap();
    let out = index_expecting(&index, &[os(&arkiv)], 0);
    out.assert_summary("indexed 1 report: 0 added, 1 updated, 0 removed, 2 unchanged, 0 failed");
    assert_eq!(search(&index, "Fjordtunet"), ids(&[&may_id]));
    assert_eq!(search(&index, "Scandic"), BTreeSet::new());
    // Its other text is still there.
    assert!(search(&index, "Molde").contains(&may_id));

    // A deleted file.
    let november_id = format!("arkiv/{NOVEMBER_TXT}");
    assert!(search(&index, "Leirbekk").contains(&november_id));
    fs::remove_file(arkiv.join(NOVEMBER_TXT)).unwrap();
    let out = index_expecting(&index, &[os(&arkiv)], 0);
    out.assert_summary("indexed 0 reports: 0 added, 0 updated, 1 removed, 2 unchanged, 0 failed");
    assert_eq!(search(&index, "Leirbekk"), BTreeSet::new());

    // Runs that change nothing write nothing: not after an unchanged run, and not
    // when a file was rewritten with the same bytes (a new modification time).
    let listing = generation_listing(&index);
    let found = results(&index);
    assert!(!listing.is_empty());
    thread::sleep(Duration::from_millis(20));
    for round in ["unchanged", "same bytes rewritten"] {
        if round == "same bytes rewritten" {
            let bytes = fs::read(arkiv.join(FORDE_TXT)).unwrap();
            fs::write(arkiv.join(FORDE_TXT), bytes).unwrap();
        }
        let out = index_expecting(&index, &[os(&arkiv)], 0);
        assert!(
            out.summary().starts_with(
                "indexed 0 reports: 0 added, 0 updated, 0 removed, 2 unchanged, 0 failed"
            ),
            "{round}: {}",
            out.stderr
        );
        assert_eq!(
            generation_listing(&index),
            listing,
            "{round}: files changed"
        );
        assert_eq!(results(&index), found, "{round}");
    }
}

/// Sets a file's modification time, as an archive copied with its times would have.
fn set_modified(path: &Path, time: SystemTime) {
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

#[test]
fn files_with_their_indexed_size_and_time_are_not_read_again_unless_checksum_is_asked() {
    let tmp = TempDir::new().unwrap();
    let index = tmp.path().join("index");
    let arkiv = tmp.path().join("arkiv");
    fs::create_dir(&arkiv).unwrap();
    let yesterday = SystemTime::now() - Duration::from_secs(86_400);
    for name in [MAY_HTML, FORDE_TXT] {
        fs::copy(corpus().join(name), arkiv.join(name)).unwrap();
        set_modified(&arkiv.join(name), yesterday);
    }
    let out = index_expecting(&index, &[os(&arkiv)], 0);
    out.assert_summary("indexed 2 reports: 2 added");
    let may_id = format!("arkiv/{MAY_HTML}");
    assert_eq!(search(&index, "Scandic"), ids(&[&may_id]));

    // The same size and modification time: the file is taken as unchanged unread.
    let page = fs::read_to_string(arkiv.join(MAY_HTML)).unwrap();
    fs::write(arkiv.join(MAY_HTML), page.replace("Scandic", "Scandix")).unwrap();
    set_modified(&arkiv.join(MAY_HTML), yesterday);
    let out = index_expecting(&index, &[os(&arkiv)], 0);
    out.assert_summary("indexed 0 reports: 0 added, 0 updated, 0 removed, 2 unchanged");
    assert_eq!(search(&index, "Scandix"), BTreeSet::new());

    // --checksum reads every file and finds the change.
    let out = index_expecting(&index, &[os(&arkiv), os("--checksum")], 0);
    out.assert_summary("indexed 1 report: 0 added, 1 updated, 0 removed, 1 unchanged");
    assert_eq!(search(&index, "Scandix"), ids(&[&may_id]));
    assert_eq!(search(&index, "Scandic"), BTreeSet::new());

    // A new modification time with the same bytes is read, hashed and left alone.
    set_modified(&arkiv.join(FORDE_TXT), SystemTime::now());
    let out = index_expecting(&index, &[os(&arkiv)], 0);
    out.assert_summary("indexed 0 reports: 0 added, 0 updated, 0 removed, 2 unchanged");

    // A file written just now keeps no stamp (the clock may not have ticked since
    // the last write), so a same-size rewrite in the same second is still seen.
    // "Just now" is a minute ahead here, so that a slow machine, taking seconds to
    // start the run, still indexes the file within the two seconds that count.
    fs::write(arkiv.join(MAY_HTML), page.replace("Scandic", "Scandiy")).unwrap();
    set_modified(
        &arkiv.join(MAY_HTML),
        SystemTime::now() + Duration::from_secs(60),
    );
    index_expecting(&index, &[os(&arkiv)], 0);
    let modified = fs::metadata(arkiv.join(MAY_HTML))
        .unwrap()
        .modified()
        .unwrap();
    fs::write(arkiv.join(MAY_HTML), page.replace("Scandic", "Scandiz")).unwrap();
    set_modified(&arkiv.join(MAY_HTML), modified);
    index_expecting(&index, &[os(&arkiv)], 0);
    assert_eq!(search(&index, "Scandiz"), ids(&[&may_id]));
}

// ---------------------------------------------------------------------------
// 2. readers during a rebuild

#[test]
fn searches_during_a_rebuild_see_the_old_index_and_afterwards_the_new_one() {
    let tmp = TempDir::new().unwrap();
    let index = corpus_index(tmp.path());
    let old = results(&index);
    let old_generation = current(&index).unwrap();
    let big = tmp.path().join("stor");
    let copies = 1..=45;
    let files = generate_corpus(&big, copies.clone());
    assert!(files >= 400);
    let new = expected_copies(&old, "stor", copies);
    assert_ne!(old, new);

    let mut rebuild =
        Background::spawn(referat(&index).args([os("index"), os("--rebuild"), os(&big)]));
    // A search started right after the rebuild: the old index, whole.
    assert_eq!(
        try_results(&index).expect("search right after the rebuild started"),
        old
    );
    // Searches while the rebuild is frozen at several points (SIGSTOP, so that no
    // search overlaps the moment the rebuild switches generations): always one
    // whole index, old until the switch and new after it.
    let started = poll_until(Duration::from_secs(30), || {
        generations(&index).len() > 1 || !rebuild.running()
    });
    assert!(started, "the rebuild made no new generation");
    let mut seen = vec!["old"];
    for pause in [0, 300, 1000, 2000] {
        thread::sleep(Duration::from_millis(pause));
        if !rebuild.running() {
            break;
        }
        rebuild.signal("STOP");
        let during = try_results(&index);
        rebuild.signal("CONT");
        let during = during.unwrap_or_else(|e| panic!("search during the rebuild: {e}"));
        let state = if during == old {
            "old"
        } else if during == new {
            "new"
        } else {
            panic!("a search during the rebuild saw a mix: {during:#?}")
        };
        seen.push(state);
    }
    let status = rebuild.wait(Duration::from_secs(300), "rebuild");
    let stderr = rebuild.stderr();
    assert!(status.success(), "{status:?}: {stderr}");
    assert!(
        stderr.lines().any(|l| l.starts_with(&format!(
            "indexed {files} reports: {files} added, 0 updated, 0 removed, 0 unchanged, 0 failed"
        ))),
        "{stderr}"
    );
    let mut sorted = seen.clone();
    sorted.sort_by_key(|s| *s == "new");
    assert_eq!(seen, sorted, "a search saw the old index after the new one");

    assert_eq!(results(&index), new);
    let live = current(&index).unwrap();
    assert_ne!(live, old_generation);
    assert_eq!(generations(&index), ids(&[&live]));
}

#[test]
fn searches_overlapping_the_generation_switch_never_fail() {
    let tmp = TempDir::new().unwrap();
    let index = corpus_index(tmp.path());
    let from_corpus = results(&index);
    let small = tmp.path().join("liten");
    generate_corpus(&small, 1..=2);
    let from_small = expected_copies(&from_corpus, "liten", 1..=2);

    let stop = Arc::new(AtomicBool::new(false));
    let readers: Vec<_> = (0..2)
        .map(|_| {
            let stop = Arc::clone(&stop);
            let index = index.clone();
            let (a, b) = (
                from_corpus["Scandic"].clone(),
                from_small["Scandic"].clone(),
            );
            thread::spawn(move || {
                let mut problems = Vec::new();
                let mut searches = 0;
                while !stop.load(Ordering::Relaxed) {
                    searches += 1;
                    match try_search(&index, "Scandic") {
                        Ok(found) if found == a || found == b => {}
                        Ok(found) => problems.push(format!("mixed results: {found:?}")),
                        Err(e) => problems.push(e),
                    }
                }
                (searches, problems)
            })
        })
        .collect();

    let mut notices = Vec::new();
    for round in 0..6 {
        let dir = if round % 2 == 0 {
            small.clone()
        } else {
            corpus()
        };
        let out = index_expecting(&index, &[os("--rebuild"), os(&dir)], 0);
        notices.extend(
            out.stderr
                .lines()
                .filter(|l| l.contains(INTERRUPTED_NOTICE))
                .map(str::to_string),
        );
    }
    stop.store(true, Ordering::Relaxed);
    let mut problems = Vec::new();
    for reader in readers {
        let (searches, found) = reader.join().unwrap();
        assert!(searches > 0);
        problems.extend(found);
    }
    let leftovers: Vec<String> = generations(&index)
        .into_iter()
        .filter(|g| Some(g) != current(&index).as_ref())
        .collect();
    assert!(
        problems.is_empty() && notices.is_empty() && leftovers.is_empty(),
        "searches that failed or saw a mix: {problems:#?}\n\
         notices of interrupted runs after runs that were not interrupted: {notices:#?}\n\
         generations left behind: {leftovers:?}"
    );
}

// ---------------------------------------------------------------------------
// 3. SIGKILL in the middle of a run

#[derive(Debug, Clone, Copy)]
enum KillAt {
    /// This long after the start.
    After(Duration),
    /// As soon as the run has made its result durable: a rebuild has written its new
    /// generation's `referat-index.json` (just before switching `CURRENT`), an update
    /// has replaced the live generation's tantivy `meta.json`.
    Committing,
    /// As soon as a rebuild has pointed `CURRENT` at its new generation (while it
    /// removes the old one).
    Switched,
}

/// Kills `index [--rebuild] DIR` at several points. After each kill a search must
/// work and see either exactly the index from before the run or exactly the index
/// a complete run makes, and the next run must succeed on its own, saying so when
/// it cleans up a generation the killed run left behind.
fn killed_runs_leave_a_whole_index(rebuild: bool) {
    let tmp = TempDir::new().unwrap();
    let base = corpus_index(&tmp.path().join("base"));
    let before = results(&base);
    let base_generation = current(&base).unwrap();
    let mode = if rebuild { "index --rebuild" } else { "index" };
    let command = |dir: &Path| -> Vec<OsString> {
        let mut args = vec![os("index")];
        if rebuild {
            args.push(os("--rebuild"));
        }
        args.push(os(dir));
        args
    };
    let complete_with = |root: &str, copies: RangeInclusive<usize>| {
        let new = expected_copies(&before, root, copies);
        if rebuild { new } else { union(&before, &new) }
    };

    // About 400 files, for kills early in a long run …
    let big = tmp.path().join("stor");
    let big_copies = 1..=45;
    assert!(generate_corpus(&big, big_copies.clone()) >= 400);
    let complete_big = complete_with("stor", big_copies);
    // … and a small corpus for kills late in a run and while it commits.
    let small = tmp.path().join("liten");
    let small_copies = 1..=4;
    generate_corpus(&small, small_copies.clone());
    let complete_small = complete_with("liten", small_copies);
    // One more report, indexed by the run after a kill on the big corpus.
    let etter = tmp.path().join("etter");
    fs::create_dir(&etter).unwrap();
    fs::copy(corpus().join(FORDE_TXT), etter.join(FORDE_TXT)).unwrap();
    let etter_results: Results = QUERIES
        .iter()
        .map(|q| {
            let found = if before[q].contains(&format!("corpus/{FORDE_TXT}")) {
                ids(&[&format!("etter/{FORDE_TXT}")])
            } else {
                BTreeSet::new()
            };
            (*q, found)
        })
        .collect();

    // An uninterrupted run on the small corpus, for its results and its duration.
    let reference = tmp.path().join("reference");
    copy_dir(&base, &reference);
    let start = Instant::now();
    let out = run(&reference, command(&small));
    let duration = start.elapsed();
    assert_eq!(
        out.code(),
        Some(0),
        "{mode} (uninterrupted): {}",
        out.stderr
    );
    assert_eq!(
        results(&reference),
        complete_small,
        "{mode} (uninterrupted)"
    );

    let mut plan: Vec<(&Path, &Results, KillAt)> = Vec::new();
    for ms in [5, 20, 60, 150, 400] {
        plan.push((
            &big,
            &complete_big,
            KillAt::After(Duration::from_millis(ms)),
        ));
    }
    for fraction in [0.6, 0.9] {
        plan.push((
            &small,
            &complete_small,
            KillAt::After(duration.mul_f64(fraction)),
        ));
    }
    plan.push((&small, &complete_small, KillAt::Committing));
    if rebuild {
        plan.push((&small, &complete_small, KillAt::Switched));
    }

    let mut outcomes = Vec::new();
    for (round, (dir, complete, at)) in plan.into_iter().enumerate() {
        let index = tmp.path().join(format!("kill-{round}"));
        copy_dir(&base, &index);
        let live_meta = index.join(&base_generation).join("meta.json");
        let meta_before = fs::metadata(&live_meta).unwrap().modified().unwrap();
        let what = format!("{mode} {} killed at {at:?}", dir.display());

        let mut child = Background::spawn(referat(&index).args(command(dir)));
        match at {
            KillAt::After(delay) => thread::sleep(delay),
            KillAt::Committing | KillAt::Switched => {
                let reached_point = || match at {
                    KillAt::Switched => current(&index).is_some_and(|g| g != base_generation),
                    _ if rebuild => generations(&index).iter().any(|g| {
                        *g != base_generation && index.join(g).join("referat-index.json").exists()
                    }),
                    _ => fs::metadata(&live_meta)
                        .and_then(|m| m.modified())
                        .is_ok_and(|t| t != meta_before),
                };
                let reached = poll_until(Duration::from_secs(120), || {
                    reached_point() || !child.running()
                });
                assert!(reached, "{what}: the run neither got there nor ended");
            }
        }
        let status = child.kill();
        let killed = status.signal() == Some(9);
        let stderr = child.stderr();
        if !killed {
            assert!(
                status.success(),
                "{what}: ended by itself with {status:?}: {stderr}"
            );
        }

        // A search works and sees one whole index.
        let after = try_results(&index).unwrap_or_else(|e| panic!("{what}: search failed: {e}"));
        let state = if after == before {
            "before"
        } else if &after == complete {
            "complete"
        } else {
            panic!(
                "{what}: the index is neither the one before the run nor a complete one: \
                 {after:#?}\nbefore: {before:#?}"
            )
        };
        if !killed {
            assert_eq!(state, "complete", "{what}: the run ended by itself");
        }
        outcomes.push(format!("{at:?} on {}: {state}", dir.display()));

        // The next run succeeds on its own and cleans up after the killed one.
        let live = current(&index).unwrap_or_else(|| panic!("{what}: no CURRENT"));
        let leftovers: Vec<String> = generations(&index)
            .into_iter()
            .filter(|g| *g != live)
            .collect();
        // After a kill in the commit, the same run again; otherwise one more report.
        let (next_args, expected) = if matches!(at, KillAt::After(_)) {
            (vec![os("index"), os(&etter)], union(&after, &etter_results))
        } else {
            (command(dir), complete.clone())
        };
        let next = run(&index, &next_args);
        next.assert_no_panic(&what);
        assert_eq!(
            next.code(),
            Some(0),
            "{what}: the next run failed: {}",
            next.stderr
        );
        for generation in &leftovers {
            let notice = format!("referat: removed {generation}, {INTERRUPTED_NOTICE}");
            assert!(
                next.stderr.lines().any(|l| l == notice),
                "{what}: {generation} was left behind, but the next run did not say it removed it: {}",
                next.stderr
            );
        }
        if leftovers.is_empty() {
            assert!(
                !next.stderr.contains("referat: removed gen-"),
                "{what}: no generation was left behind, yet: {}",
                next.stderr
            );
        }
        let live = current(&index).unwrap();
        assert_eq!(
            generations(&index),
            ids(&[&live]),
            "{what}: after the next run"
        );
        assert_eq!(results(&index), expected, "{what}: after the next run");
    }
    eprintln!("{mode}: {outcomes:#?}");
}

#[test]
fn sigkill_during_a_rebuild_leaves_the_old_or_the_new_index() {
    killed_runs_leave_a_whole_index(true);
}

#[test]
fn sigkill_during_an_update_leaves_the_old_or_the_updated_index() {
    killed_runs_leave_a_whole_index(false);
}

// ---------------------------------------------------------------------------
// 4. two writers

#[test]
fn a_second_writer_fails_fast_while_a_rebuild_runs_and_the_rebuild_completes() {
    let tmp = TempDir::new().unwrap();
    let index = corpus_index(tmp.path());
    let old = results(&index);
    let dir = tmp.path().join("stor");
    let copies = 1..=17;
    let files = generate_corpus(&dir, copies.clone());
    let new = expected_copies(&old, "stor", copies);

    let mut first =
        Background::spawn(referat(&index).args([os("index"), os("--rebuild"), os(&dir)]));
    let holder = format!("pid {}", first.pid());
    let locked = poll_until(Duration::from_secs(30), || {
        fs::read_to_string(index.join("writer.lock")).is_ok_and(|s| s.starts_with(&holder))
    });
    assert!(
        locked,
        "writer.lock never named the first writer ({holder})"
    );

    for args in [
        vec![os("index"), os(corpus())],
        vec![os("index"), os("--rebuild"), os(corpus())],
    ] {
        let start = Instant::now();
        let second = run(&index, &args);
        let took = start.elapsed();
        second.assert_no_panic("second writer");
        assert!(
            first.running(),
            "the first writer ended before the test was done"
        );
        assert_eq!(second.code(), Some(1), "{args:?}: {}", second.stderr);
        assert!(took < Duration::from_secs(3), "{args:?}: took {took:?}");
        let lines: Vec<&str> = second.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{args:?}: {:?}", second.stderr);
        assert!(lines[0].starts_with("referat: "), "{:?}", lines[0]);
        assert!(
            lines[0].contains("another referat process"),
            "{:?}",
            lines[0]
        );
        assert!(
            lines[0].contains(&holder),
            "{:?} should name {holder}",
            lines[0]
        );
    }
    // Readers are not writers: a search still works meanwhile.
    assert_eq!(
        try_search(&index, "Scandic").expect("search"),
        old["Scandic"]
    );

    let status = first.wait(Duration::from_secs(300), "first writer");
    let stderr = first.stderr();
    assert!(status.success(), "{status:?}: {stderr}");
    assert!(
        stderr.contains(&format!("indexed {files} reports: {files} added,")),
        "{stderr}"
    );
    assert_eq!(results(&index), new);
}

// ---------------------------------------------------------------------------
// 5. bad input

const TRUNCATED_PAGE: &str = "<!DOCTYPE html>
<html lang=\"nn\"><head><meta charset=\"utf-8\"><title>Fagdag om kvardagsrehabilitering</title></head>
<body><article><h1>Fagdag om kvardagsrehabilitering</h1>
<p>Publisert 03.10.2023</p>
<p>Tysdag 26. september 2023 samla kommunane på Sunnmøre seg til fagdag om kvardagsrehabilitering i Ålesund. Ergoterapeutane fortalde om erfaringane sine med heimebaserte tenester.</p>
<p>Deltakarane drøfta korleis kvardagsrehabilitering kan
";

const NOT_FOUND_PAGE: &str = "<!DOCTYPE html>
<html lang=\"nn\"><head><meta charset=\"utf-8\"><title>Side ikkje funnen</title></head>
<body><nav><ul class=\"menu\"><li><a href=\"/\">Framside</a></li><li><a href=\"/om\">Om oss</a></li><li><a href=\"/kontakt\">Kontakt</a></li></ul></nav>
<h1>Side ikkje funnen</h1>
</body></html>
";

/// An ISO-8859-1 page, as text; encode it before writing.
const LATIN1_PAGE: &str = "<html><head><meta charset=iso-8859-1><title>Kommunestyremøte i Ørsta</title></head>
<body><article><h1>Kommunestyremøte i Ørsta</h1>
<p>Publisert 17.06.2019</p>
<p>Torsdag 13. juni 2019 møttest kommunestyret i Ørsta på rådhuset. Ordføraren leia møtet, og kommunane Ørsta og Volda drøfta samarbeid om barnevernet og sjukeheimen på Åsen.</p>
<p>Rådmannen orienterte om økonomien i kommunane.</p>
</article></body></html>
";

fn latin1(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("ISO-8859-1 text"))
        .collect()
}

/// A page with article text inside `depth` nested `<div>`s.
fn nested_page(depth: usize) -> String {
    let mut page = String::from(
        "<!DOCTYPE html><html lang=\"nn\"><head><meta charset=\"utf-8\"><title>Møte om vegar</title></head>\
         <body><article><h1>Møte om vegar</h1><p>Publisert 03.10.2023</p>",
    );
    page.push_str(&"<div>".repeat(depth));
    page.push_str(
        "<p>Kommunestyret i Volda drøfta Kvivsvegen og ferjesambandet med samferdselssjefen.</p>",
    );
    page.push_str(&"</div>".repeat(depth));
    page.push_str("</article></body></html>\n");
    page
}

/// A copy of the May report as a 50 MB page: the article with a large photo
/// inlined as a data URI.
fn fifty_megabyte_page() -> Vec<u8> {
    let page = fs::read_to_string(corpus().join(MAY_HTML)).unwrap();
    let at = page.find("</h1>").unwrap() + "</h1>".len();
    let chunk = "iVBORw0KGgoAAAANSUhEUgAAAoAAAAHgCAYAAAA10dzkAAAAGXRFWHRTb2Z0d2FyZQBBZG9iZSBJbWFnZVJlYWR5ccllPAAA";
    let mut out = String::with_capacity(51 * 1024 * 1024);
    out.push_str(&page[..at]);
    out.push_str("\n<img alt=\"Deltakarane på møtet\" src=\"data:image/png;base64,");
    while out.len() < 50 * 1024 * 1024 {
        out.push_str(chunk);
    }
    out.push_str("\">\n");
    out.push_str(&page[at..]);
    out.into_bytes()
}

/// A file `referat` cannot read: mode 000, or, when this process can read such
/// files anyway (root), a symbolic link to nothing.
fn make_unreadable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    fs::write(path, "<html><body><p>Hemmeleg møte.</p></body></html>").unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(path).is_ok() {
        fs::remove_file(path).unwrap();
        std::os::unix::fs::symlink("nowhere.html", path).unwrap();
    }
}

fn skipped_lines<'a>(stderr: &'a str, path: &Path) -> Vec<&'a str> {
    let prefix = format!("referat: skipped {}: ", path.display());
    stderr.lines().filter(|l| l.starts_with(&prefix)).collect()
}

#[test]
fn a_directory_of_bad_files_indexes_the_good_ones_and_names_each_bad_one() {
    let tmp = TempDir::new().unwrap();
    let index = tmp.path().join("index");
    let dir = tmp.path().join("inn");
    fs::create_dir(&dir).unwrap();
    let id = |name: &str| format!("inn/{name}");

    // Good files.
    fs::copy(corpus().join(MAY_HTML), dir.join(MAY_HTML)).unwrap();
    fs::copy(corpus().join(NOVEMBER_TXT), dir.join(NOVEMBER_TXT)).unwrap();
    fs::write(dir.join("avkorta.html"), TRUNCATED_PAGE).unwrap();
    fs::write(dir.join("djup.html"), nested_page(3000)).unwrap();
    fs::write(dir.join("stor.html"), fifty_megabyte_page()).unwrap();
    let mut text = fs::read(corpus().join(MAY_TXT)).unwrap();
    let at = text.windows(7).position(|w| w == b"Scandic").unwrap();
    text.splice(at..at, b"\xff\xfe\xc3 ".iter().copied());
    assert!(std::str::from_utf8(&text).is_err());
    fs::write(dir.join("ugyldig-utf8.txt"), text).unwrap();
    fs::write(dir.join("latin1.html"), latin1(LATIN1_PAGE)).unwrap();
    // Bad files.
    fs::write(dir.join("tom.html"), "").unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec();
    png.extend_from_slice(&[0; 64]);
    fs::write(dir.join("bilde.html"), png).unwrap();
    make_unreadable(&dir.join("hemmeleg.html"));
    fs::create_dir(dir.join("under")).unwrap();
    std::os::unix::fs::symlink("..", dir.join("under/opp")).unwrap();
    fs::write(dir.join("ikkje-funnen.html"), NOT_FOUND_PAGE).unwrap();

    let out = run(&index, [os("index"), os(&dir)]);
    out.assert_no_panic("index of bad files");
    assert_eq!(out.code(), Some(3), "{}", out.stderr);

    // The 50 MB page may be indexed or refused, with a reason.
    let big_refused = !skipped_lines(&out.stderr, &dir.join("stor.html")).is_empty();
    let mut bad = vec![
        "tom.html",
        "bilde.html",
        "hemmeleg.html",
        "under/opp",
        "ikkje-funnen.html",
    ];
    let mut good = vec![
        MAY_HTML,
        NOVEMBER_TXT,
        "avkorta.html",
        "djup.html",
        "ugyldig-utf8.txt",
        "latin1.html",
    ];
    if big_refused {
        bad.push("stor.html");
    } else {
        good.push("stor.html");
    }
    for name in &bad {
        let lines = skipped_lines(&out.stderr, &dir.join(name));
        assert_eq!(
            lines.len(),
            1,
            "{name} should be named once: {}",
            out.stderr
        );
        let prefix = format!("referat: skipped {}: ", dir.join(name).display());
        let reason = lines[0].strip_prefix(&prefix).unwrap();
        assert!(!reason.trim().is_empty(), "{name} skipped without a reason");
    }
    assert_eq!(
        out.stderr
            .lines()
            .filter(|l| l.starts_with("referat: skipped "))
            .count(),
        bad.len(),
        "{}",
        out.stderr
    );
    for name in &good {
        assert!(
            skipped_lines(&out.stderr, &dir.join(name)).is_empty(),
            "{name} is a good file: {}",
            out.stderr
        );
    }
    let (g, b) = (good.len(), bad.len());
    out.assert_summary(&format!(
        "indexed {g} reports: {g} added, 0 updated, 0 removed, 0 unchanged, {b} failed"
    ));

    // Each good file is searchable.
    let scandic = search(&index, "Scandic");
    for name in [MAY_HTML, "ugyldig-utf8.txt"] {
        assert!(scandic.contains(&id(name)), "{name}: {scandic:?}");
    }
    assert_eq!(
        scandic.contains(&id("stor.html")),
        !big_refused,
        "{scandic:?}"
    );
    assert!(search(&index, "Leirbekk").contains(&id(NOVEMBER_TXT)));
    assert_eq!(
        search(&index, "kvardagsrehabilitering"),
        ids(&[&id("avkorta.html")])
    );
    assert_eq!(search(&index, "Kvivsvegen"), ids(&[&id("djup.html")]));
    assert!(search(&index, "kommunane").contains(&id("latin1.html")));
    assert_eq!(search(&index, "Ørsta"), ids(&[&id("latin1.html")]));
    assert_eq!(search(&index, "Åsen"), ids(&[&id("latin1.html")]));
    for query in ["funnen", "Framside", EVERY_REPORT] {
        let found = search(&index, query);
        assert!(
            !found.contains(&id("ikkje-funnen.html")),
            "{query}: {found:?}"
        );
    }

    // --strict on the same directory: fails, names every bad file, changes nothing.
    let listing = generation_listing(&index);
    let queries = ["Scandic", "Kvivsvegen", "kommunane", EVERY_REPORT];
    let found: Vec<_> = queries.iter().map(|q| search(&index, q)).collect();
    thread::sleep(Duration::from_millis(20));
    let strict = run(&index, [os("index"), os("--strict"), os(&dir)]);
    strict.assert_no_panic("index --strict");
    assert_eq!(strict.code(), Some(1), "{}", strict.stderr);
    for name in &bad {
        assert_eq!(
            skipped_lines(&strict.stderr, &dir.join(name)).len(),
            1,
            "{name}: {}",
            strict.stderr
        );
    }
    assert!(
        strict.stderr.contains("nothing was changed"),
        "{}",
        strict.stderr
    );
    assert_eq!(
        generation_listing(&index),
        listing,
        "--strict changed files"
    );
    let after: Vec<_> = queries.iter().map(|q| search(&index, q)).collect();
    assert_eq!(after, found, "--strict changed search results");
}

/// An indexed directory, then a new file, a changed file and an empty file.
fn strict_fixture(tmp: &Path) -> (PathBuf, PathBuf) {
    let index = tmp.join("index");
    let dir = tmp.join("arkiv");
    fs::create_dir(&dir).unwrap();
    for name in [MAY_HTML, NOVEMBER_TXT] {
        fs::copy(corpus().join(name), dir.join(name)).unwrap();
    }
    index_expecting(&index, &[os(&dir)], 0);
    (index, dir)
}

fn make_pending_changes(dir: &Path) {
    let page = fs::read_to_string(dir.join(MAY_HTML)).unwrap();
    fs::write(dir.join(MAY_HTML), page.replace("Scandic", "Fjordtunet")).unwrap();
    fs::copy(corpus().join(FORDE_TXT), dir.join(FORDE_TXT)).unwrap();
    fs::write(dir.join("tom.html"), "").unwrap();
}

#[test]
fn strict_run_with_a_bad_file_applies_none_of_the_other_changes() {
    let tmp = TempDir::new().unwrap();
    let (index, dir) = strict_fixture(tmp.path());
    let before = results(&index);
    make_pending_changes(&dir);

    let strict = run(&index, [os("index"), os("--strict"), os(&dir)]);
    strict.assert_no_panic("index --strict");
    assert_eq!(strict.code(), Some(1), "{}", strict.stderr);
    assert_eq!(
        skipped_lines(&strict.stderr, &dir.join("tom.html")).len(),
        1
    );
    assert!(
        strict.stderr.contains("nothing was changed"),
        "{}",
        strict.stderr
    );
    assert_eq!(results(&index), before);
    assert_eq!(search(&index, "Fjordtunet"), BTreeSet::new());

    // Without the bad file the same changes go in.
    fs::remove_file(dir.join("tom.html")).unwrap();
    let out = index_expecting(&index, &[os("--strict"), os(&dir)], 0);
    out.assert_summary("indexed 2 reports: 1 added, 1 updated, 0 removed, 1 unchanged, 0 failed");
    assert_eq!(
        search(&index, "Fjordtunet"),
        ids(&[&format!("arkiv/{MAY_HTML}")])
    );
}

#[test]
fn strict_run_with_a_bad_file_leaves_the_generation_untouched_on_disk() {
    let tmp = TempDir::new().unwrap();
    let (index, dir) = strict_fixture(tmp.path());
    let listing = generation_listing(&index);
    make_pending_changes(&dir);
    thread::sleep(Duration::from_millis(20));
    let strict = run(&index, [os("index"), os("--strict"), os(&dir)]);
    assert_eq!(strict.code(), Some(1), "{}", strict.stderr);
    let after = generation_listing(&index);
    let changed: Vec<_> = after
        .iter()
        .filter(|(path, meta)| listing.get(*path) != Some(meta))
        .map(|(path, _)| path)
        .chain(listing.keys().filter(|path| !after.contains_key(*path)))
        .collect();
    assert!(
        changed.is_empty(),
        "--strict left changed files behind: {changed:#?}"
    );
}

#[test]
#[ignore = "known gap: parsing time grows with the square of the nesting depth (html5ever's \
            scope checks walk the stack of open elements); a 1.1 MB page of 100000 nested \
            <div>s takes about 9 minutes in a debug build (5000: 1.6 s, 10000: 6 s, 20000: 25 s)"]
fn a_page_of_100000_nested_divs_is_indexed_in_reasonable_time() {
    let tmp = TempDir::new().unwrap();
    let index = tmp.path().join("index");
    let dir = tmp.path().join("inn");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("djup.html"), nested_page(100_000)).unwrap();
    let start = Instant::now();
    let mut child = Background::spawn(referat(&index).args([os("index"), os(&dir)]));
    let finished = poll_until(Duration::from_secs(60), || !child.running());
    let took = start.elapsed();
    let status = child.kill();
    assert!(
        finished,
        "indexing a 1.1 MB page was still running after {took:?}"
    );
    let stderr = child.stderr();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(matches!(status.code(), Some(0 | 3)), "{status:?}: {stderr}");
    if status.code() == Some(0) {
        assert_eq!(search(&index, "Kvivsvegen"), ids(&["inn/djup.html"]));
    }
}

#[test]
fn utf8_text_with_a_few_invalid_bytes_keeps_its_norwegian_letters() {
    let tmp = TempDir::new().unwrap();
    let index = tmp.path().join("index");
    let dir = tmp.path().join("inn");
    fs::create_dir(&dir).unwrap();
    let mut text = fs::read(corpus().join(MAY_TXT)).unwrap();
    let at = text.windows(7).position(|w| w == b"Scandic").unwrap();
    text.splice(at..at, b"\xff\xfe ".iter().copied());
    fs::write(dir.join("ugyldig-utf8.txt"), text).unwrap();
    index_expecting(&index, &[os(&dir)], 0);
    let id = ids(&["inn/ugyldig-utf8.txt"]);
    assert_eq!(search(&index, "Scandic"), id);
    assert_eq!(search(&index, "Partnarskapsmøte"), id);
    assert_eq!(search(&index, "helseføretaket"), id);
}

#[test]
#[ignore = "slow: 4 to 6 minutes and about 2 GB of memory in a debug build"]
fn a_page_of_50_megabytes_of_article_text_is_indexed_or_refused() {
    let tmp = TempDir::new().unwrap();
    let index = tmp.path().join("index");
    let dir = tmp.path().join("inn");
    fs::create_dir(&dir).unwrap();
    let paragraph = "<p>Kommunestyret i Volda drøfta budsjettet for sjukeheimen og legevakta. \
                     Ordføraren leia møtet, og rådmannen orienterte om økonomien.</p>\n";
    let mut page = String::from(
        "<!DOCTYPE html><html lang=\"nn\"><head><meta charset=\"utf-8\"><title>Langt møte</title></head>\
         <body><article><h1>Langt møte i kommunestyret</h1><p>Publisert 03.10.2023</p>\n",
    );
    while page.len() < 50 * 1024 * 1024 {
        page.push_str(paragraph);
    }
    page.push_str("</article></body></html>\n");
    fs::write(dir.join("lang.html"), page).unwrap();
    let out = run(&index, [os("index"), os(&dir)]);
    out.assert_no_panic("index of a 50 MB page");
    match out.code() {
        Some(0) => assert_eq!(search(&index, "sjukeheimen"), ids(&["inn/lang.html"])),
        Some(3) => assert_eq!(skipped_lines(&out.stderr, &dir.join("lang.html")).len(), 1),
        other => panic!("exit {other:?}: {}", out.stderr),
    }
}

// ---------------------------------------------------------------------------
// 6. an index written by another version

#[test]
fn an_index_of_another_format_version_asks_for_a_rebuild() {
    let tmp = TempDir::new().unwrap();
    let index = tmp.path().join("index");
    let dir = tmp.path().join("arkiv");
    fs::create_dir(&dir).unwrap();
    fs::copy(corpus().join(MAY_TXT), dir.join(MAY_TXT)).unwrap();
    index_expecting(&index, &[os(&dir)], 0);
    let generation = index.join(current(&index).unwrap());
    let meta_path = generation.join("referat-index.json");
    let original: Value = serde_json::from_slice(&fs::read(&meta_path).unwrap()).unwrap();
    assert!(
        original["format_version"].as_u64().is_some_and(|v| v > 0),
        "{original}"
    );

    let assert_asks_for_rebuild = |what: &str| {
        for args in [vec!["search", "x"], vec!["search", "Scandic"]] {
            let out = run(&index, &args);
            out.assert_no_panic(what);
            assert_eq!(out.code(), Some(1), "{what}: {args:?}: {}", out.stderr);
            let lines: Vec<&str> = out.stderr.lines().collect();
            assert_eq!(lines.len(), 1, "{what}: {:?}", out.stderr);
            assert!(lines[0].starts_with("referat: "), "{what}: {:?}", lines[0]);
            assert!(
                lines[0].contains("index --rebuild"),
                "{what}: {:?}",
                lines[0]
            );
            assert!(out.stdout.is_empty(), "{what}: {}", out.stdout);
        }
        // A plain update cannot write into it either, and says the same.
        let out = run(&index, [os("index"), os(&dir)]);
        out.assert_no_panic(what);
        assert_eq!(out.code(), Some(1), "{what}: index: {}", out.stderr);
        assert!(
            out.stderr.contains("index --rebuild"),
            "{what}: index: {}",
            out.stderr
        );
    };

    let mut meta = original.clone();
    meta["format_version"] = Value::from(0);
    fs::write(&meta_path, serde_json::to_vec_pretty(&meta).unwrap()).unwrap();
    assert_asks_for_rebuild("format_version 0");

    let mut meta = original.clone();
    meta["analyzer_version"] = Value::from(original["analyzer_version"].as_u64().unwrap() + 1);
    fs::write(&meta_path, serde_json::to_vec_pretty(&meta).unwrap()).unwrap();
    assert_asks_for_rebuild("a newer analyzer_version");

    fs::write(&meta_path, "{ not json").unwrap();
    assert_asks_for_rebuild("an unreadable referat-index.json");

    let out = index_expecting(&index, &[os("--rebuild"), os(&dir)], 0);
    out.assert_summary("indexed 1 report: 1 added");
    assert_eq!(
        search(&index, "Scandic"),
        ids(&[&format!("arkiv/{MAY_TXT}")])
    );
    let live = current(&index).unwrap();
    assert_eq!(generations(&index), ids(&[&live]));
    let rebuilt: Value =
        serde_json::from_slice(&fs::read(index.join(&live).join("referat-index.json")).unwrap())
            .unwrap();
    assert_eq!(rebuilt["format_version"], original["format_version"]);
}

/// A short text report in which `people` (given name, surname) lead the council.
fn council_report(people: &[(&str, &str)]) -> String {
    let mut text = String::from(
        "Møte i eldrerådet i Volda\n\nPublisert 16.05.2023\n\nEldrerådet hadde møte i Volda 10. mai 2023.",
    );
    for (given, surname) in people {
        text.push_str(&format!(
            " Leiar i eldrerådet {given} {surname} orienterte om tenestene for eldre i kommunen."
        ));
    }
    text.push('\n');
    text
}

#[test]
fn a_person_whose_only_report_was_replaced_is_no_longer_found() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, index) = (tmp.path().join("arkiv"), tmp.path().join("index"));
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("a.txt"),
        council_report(&[("Solveig", "Stalheim")]),
    )
    .unwrap();
    fs::write(dir.join("b.txt"), council_report(&[("Per", "Olsen")])).unwrap();
    // One indexing thread: both reports in one segment, which outlives the
    // replaced report.
    index_expecting(&index, &[os("--memory"), os("20"), os(&dir)], 0);
    let found = run(&index, ["person", "Stalheim"]);
    assert_eq!(found.code(), Some(0), "{}", found.stderr);
    assert!(
        found.stdout.contains("Solveig Stalheim"),
        "{}",
        found.stdout
    );

    // The update replaces the report; the old name stays in the index's term
    // dictionaries until segments merge, but no report names it any more.
    fs::write(dir.join("a.txt"), council_report(&[("Kari", "Nes")])).unwrap();
    index_expecting(&index, &[os(&dir)], 0);
    let gone = run(&index, ["person", "Stalheim"]);
    gone.assert_no_panic("person Stalheim");
    assert_eq!(gone.code(), Some(1), "{}", gone.stdout);
    assert!(
        gone.stderr.contains("no person matches 'Stalheim'") && !gone.stderr.contains("Solveig"),
        "{}",
        gone.stderr
    );
    let other = run(&index, ["person", "Nes"]);
    assert!(other.stdout.contains("Kari Nes"), "{}", other.stderr);
}

#[test]
fn a_surname_shared_by_many_gives_a_short_one_line_error() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, index) = (tmp.path().join("arkiv"), tmp.path().join("index"));
    fs::create_dir_all(&dir).unwrap();
    let given = [
        "Anne", "Arne", "Berit", "Bjørn", "Eirik", "Geir", "Hilde", "Ingrid", "Jon", "Kari",
        "Lars", "Liv", "Marit", "Ola", "Per", "Randi", "Sigrid", "Terje", "Tone", "Vidar",
    ];
    for (i, name) in given.iter().enumerate() {
        fs::write(
            dir.join(format!("r{i:02}.txt")),
            council_report(&[(name, "Lid")]),
        )
        .unwrap();
    }
    index_expecting(&index, &[os(&dir)], 0);
    let out = run(&index, ["person", "Lid"]);
    out.assert_no_panic("person Lid");
    assert_eq!(out.code(), Some(1));
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", out.stderr);
    assert!(
        lines[0].contains("20 people match 'Lid'")
            && lines[0].contains("Anne Lid, Arne Lid")
            && lines[0].contains("and 8 more; give more of the name"),
        "{}",
        lines[0]
    );
}

/// The day of the `i`-th of a series of monthly meetings from January 2000, as a
/// report writes it ("10. januar 2000", "10. februar 2000", …).
fn monthly_meeting_date(i: usize) -> String {
    const MONTHS: [&str; 12] = [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ];
    format!("10. {} {}", MONTHS[i % 12], 2000 + i / 12)
}

/// A council meeting on `date` ("10. mai 2013") where `name` leads `council`.
fn chaired_meeting(date: &str, council: &str, name: &str) -> String {
    format!(
        "Møte i {council} i Volda\n\nRådet hadde møte i Volda {date}. Leiar i {council} {name} orienterte om tenestene i kommunen.\n"
    )
}

/// A council meeting on `date` where `leader` and `deputy` both speak.
fn council_meeting_of_two(date: &str, leader: &str, deputy: &str) -> String {
    let mut text = chaired_meeting(date, "eldrerådet", leader);
    text.insert_str(
        text.len() - 1,
        &format!(" Nestleiar i eldrerådet {deputy} orienterte om økonomien i kommunen."),
    );
    text
}

#[test]
fn a_short_people_list_breaks_ties_by_the_newest_meeting_and_counts_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, index) = (tmp.path().join("arkiv"), tmp.path().join("index"));
    fs::create_dir_all(&dir).unwrap();
    // Nordhøy and Lid are in two meetings each, Lid most recently; Bakke, in the
    // newest meeting only, shares a report with Lid.
    let meetings = [
        ("a.txt", "10. mai 2013", "Kari Nordhøy", None),
        ("b.txt", "12. juni 2014", "Kari Nordhøy", Some("Per Lid")),
        ("c.txt", "14. august 2015", "Ola Bakke", Some("Per Lid")),
    ];
    for (file, date, leader, deputy) in meetings {
        let text = match deputy {
            Some(deputy) => council_meeting_of_two(date, leader, deputy),
            None => chaired_meeting(date, "eldrerådet", leader),
        };
        fs::write(dir.join(file), text).unwrap();
    }
    index_expecting(&index, &[os(&dir)], 0);
    let list = |n: &str| -> Vec<(String, u64, String)> {
        let out = run(&index, ["--json", "people", "-n", n]);
        assert_eq!(out.code(), Some(0), "{}", out.stderr);
        let people: Value = serde_json::from_str(&out.stdout).unwrap();
        people
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let name = p["name"].as_str().unwrap().to_string();
                let first = p["first"].as_str().unwrap().to_string();
                (name, p["reports"].as_u64().unwrap(), first)
            })
            .collect()
    };
    let lid = ("Per Lid".to_string(), 2, "2014-06-12".to_string());
    let nordhoy = ("Kari Nordhøy".to_string(), 2, "2013-05-10".to_string());
    let bakke = ("Ola Bakke".to_string(), 1, "2015-08-14".to_string());
    assert_eq!(list("1"), std::slice::from_ref(&lid));
    assert_eq!(list("2"), [lid.clone(), nordhoy.clone()]);
    assert_eq!(list("3"), [lid, nordhoy, bakke]);
}

#[test]
fn people_across_many_reports_shows_the_newest_spelling_and_roles_newest_first() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, index) = (tmp.path().join("arkiv"), tmp.path().join("index"));
    fs::create_dir_all(&dir).unwrap();
    // Enough reports that they are read in several runs on several cores: the
    // answer must not depend on which run met a name or role first.
    let count = 300;
    for i in 0..count {
        let date = monthly_meeting_date(i);
        // The newest report spells the name with ø, the older ones without.
        let name = if i + 1 == count {
            "Kari Nordhøy"
        } else {
            "Kari Nordhoy"
        };
        // She chairs the control committee in the oldest and the newest meeting.
        let council = match count - i {
            1 => "kontrollutvalet",
            2 => "ungdomsrådet",
            _ if i == 0 => "kontrollutvalet",
            _ => "eldrerådet",
        };
        fs::write(
            dir.join(format!("r{i:03}.txt")),
            chaired_meeting(&date, council, name),
        )
        .unwrap();
    }
    index_expecting(&index, &[os(&dir)], 0);
    let out = run(&index, ["--json", "people"]);
    assert_eq!(out.code(), Some(0), "{}", out.stderr);
    let people: Value = serde_json::from_str(&out.stdout).unwrap();
    let people = people.as_array().unwrap();
    assert_eq!(people.len(), 1, "{people:?}");
    let kari = &people[0];
    assert_eq!(kari["name"], "Kari Nordhøy");
    assert_eq!(kari["reports"], count);
    assert_eq!(kari["first"], "2000-01-10");
    assert_eq!(kari["last"], "2024-12-10");
    // Ordered by the newest meeting each role was held in.
    assert_eq!(
        kari["roles"],
        serde_json::json!([
            "leiar i kontrollutvalet",
            "leiar i ungdomsrådet",
            "leiar i eldrerådet"
        ])
    );
    assert_eq!(kari["actions"], serde_json::json!(["spoke"]));
}

#[test]
fn themes_across_many_reports_are_named_as_first_written_and_list_reports_oldest_first() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, index) = (tmp.path().join("arkiv"), tmp.path().join("index"));
    fs::create_dir_all(&dir).unwrap();
    // Enough reports to be read in several runs on several cores. File names run
    // against the dates, so the order of the files is not the order of meetings.
    let count = 200;
    for i in 0..count {
        let date = monthly_meeting_date(i);
        // The oldest and the newest report write the theme with its abbreviation.
        let theme = match i {
            0 => "Helseplattformen (HP)",
            1 => "Helseplattforma",
            _ if i + 1 == count => "Helseplattformen (HP)",
            _ => "helseplattformen",
        };
        fs::write(
            dir.join(format!("r{:03}.txt", count - i)),
            format!(
                "Møte i eldrerådet i Volda\n\nRådet hadde møte i Volda {date}. Temaet for møtet var {theme}.\n"
            ),
        )
        .unwrap();
    }
    index_expecting(&index, &[os(&dir)], 0);
    let out = run(&index, ["--json", "themes"]);
    assert_eq!(out.code(), Some(0), "{}", out.stderr);
    let themes: Value = serde_json::from_str(&out.stdout).unwrap();
    let themes = themes.as_array().unwrap();
    assert_eq!(themes.len(), 1, "{themes:?}");
    let theme = &themes[0];
    assert_eq!(theme["theme"], "Helseplattformen (HP)");
    assert_eq!(
        theme["variants"],
        serde_json::json!(["Helseplattforma", "helseplattformen"])
    );
    assert_eq!(theme["reports"], count);
    let ids: Vec<&str> = theme["report_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| id.as_str().unwrap())
        .collect();
    let oldest_first: Vec<String> = (0..count)
        .map(|i| format!("arkiv/r{:03}.txt", count - i))
        .collect();
    assert_eq!(ids, oldest_first);
    let dates = theme["dates"].as_array().unwrap();
    assert_eq!(dates.len(), count);
    assert_eq!(dates[0], "2000-01-10");
    assert_eq!(dates[count - 1], "2016-08-10");
}

/// `helse/2023` (Stalheim's meeting) and `kommune/2023` (Olsen's) under `base`:
/// both would give their report the id `2023/mai.txt`.
fn two_folders_named_2023(base: &Path) -> (PathBuf, PathBuf) {
    let (helse, kommune) = (base.join("helse/2023"), base.join("kommune/2023"));
    for (dir, person) in [
        (&helse, ("Solveig", "Stalheim")),
        (&kommune, ("Per", "Olsen")),
    ] {
        fs::create_dir_all(dir).unwrap();
        fs::write(dir.join("mai.txt"), council_report(&[person])).unwrap();
    }
    (helse, kommune)
}

#[test]
fn two_folders_with_one_name_are_refused_before_anything_is_indexed() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let (helse, kommune) = two_folders_named_2023(tmp.path());
    let refused = |out: &Run, path: &Path, other: &Path| {
        let lines: Vec<&str> = out.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{}", out.stderr);
        let (path, other) = (
            fs::canonicalize(path).unwrap(),
            fs::canonicalize(other).unwrap(),
        );
        assert!(
            lines[0].contains(&format!("cannot index {}", path.display()))
                && lines[0].contains(&format!("{}, another folder named '2023'", other.display())),
            "{}",
            out.stderr
        );
    };

    // Both in one run: both reports would be `2023/mai.txt`.
    let out = index_expecting(&index, &[os(&helse), os(&kommune)], 1);
    refused(&out, &kommune, &helse);
    assert_eq!(run(&index, ["search", "eldrerådet"]).code(), Some(1));

    // One after the other: the second would replace the first's report.
    index_expecting(&index, &[os(&helse)], 0);
    let out = index_expecting(&index, &[os(&kommune)], 1);
    refused(&out, &kommune, &helse);
    let person = run(&index, ["person", "Stalheim"]);
    assert_eq!(person.code(), Some(0), "{}", person.stderr);
    assert_eq!(run(&index, ["person", "Olsen"]).code(), Some(1));

    // A rebuild replaces what was indexed, so it may take the other folder.
    index_expecting(&index, &[os("--rebuild"), os(&kommune)], 0);
    assert_eq!(run(&index, ["person", "Olsen"]).code(), Some(0));
    assert_eq!(run(&index, ["person", "Stalheim"]).code(), Some(1));
}

#[test]
fn a_moved_archive_keeps_its_ids_and_its_reports_show_where_the_files_are_now() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let (before, after) = (tmp.path().join("gamal/arkiv"), tmp.path().join("ny/arkiv"));
    fs::create_dir_all(&before).unwrap();
    fs::create_dir_all(after.parent().unwrap()).unwrap();
    fs::write(
        before.join("mai.txt"),
        council_report(&[("Solveig", "Stalheim")]),
    )
    .unwrap();
    index_expecting(&index, &[os(&before)], 0);
    fs::rename(&before, &after).unwrap();
    let out = index_expecting(&index, &[os(&after)], 0);
    assert!(
        out.summary()
            .contains("0 added, 1 updated, 0 removed, 0 unchanged"),
        "{}",
        out.summary()
    );
    let shown = run(&index, ["--json", "show", "arkiv/mai.txt"]);
    assert_eq!(shown.code(), Some(0), "{}", shown.stderr);
    let report: Value = serde_json::from_str(&shown.stdout).unwrap();
    assert_eq!(
        report["path"].as_str().unwrap(),
        after.join("mai.txt").display().to_string()
    );
    // From then on the new place is the one recorded: nothing is read again.
    let again = index_expecting(&index, &[os(&after)], 0);
    assert!(
        again
            .summary()
            .contains("0 added, 0 updated, 0 removed, 1 unchanged"),
        "{}",
        again.summary()
    );
}

/// Where the current generation of `index` records the folders it indexed.
fn record_of_folders(index: &Path) -> PathBuf {
    let current = fs::read_to_string(index.join("CURRENT")).unwrap();
    index.join(current.trim()).join("referat-roots.json")
}

#[test]
fn an_index_without_a_record_of_folders_gets_one_even_when_nothing_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let (helse, kommune) = two_folders_named_2023(tmp.path());
    index_expecting(&index, &[os(&helse)], 0);
    // As an index written before folders were recorded.
    let record = record_of_folders(&index);
    fs::remove_file(&record).unwrap();
    let out = index_expecting(&index, &[os(&helse)], 0);
    assert!(out.summary().contains("1 unchanged"), "{}", out.summary());
    assert!(
        record.exists(),
        "a run that changed nothing recorded no folders"
    );
    let out = index_expecting(&index, &[os(&kommune)], 1);
    assert!(
        out.stderr.contains("another folder named '2023'"),
        "{}",
        out.stderr
    );
    assert_eq!(run(&index, ["person", "Stalheim"]).code(), Some(0));
}

#[test]
fn files_named_without_a_folder_are_never_refused_for_their_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let (one, two) = (
        tmp.path().join("ein/rapportar"),
        tmp.path().join("to/rapportar"),
    );
    for (dir, file, person) in [
        (&one, "mai.txt", ("Solveig", "Stalheim")),
        (&two, "juni.txt", ("Per", "Olsen")),
    ] {
        fs::create_dir_all(dir).unwrap();
        fs::write(dir.join(file), council_report(&[person])).unwrap();
        // Named from inside its folder: the id is the file name alone.
        let out = referat(&index)
            .current_dir(dir)
            .args(["index", file])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(run(&index, ["person", "Stalheim"]).code(), Some(0));
    assert_eq!(run(&index, ["person", "Olsen"]).code(), Some(0));
}

#[test]
fn a_damaged_record_of_folders_is_reported_and_made_anew() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let (helse, kommune) = two_folders_named_2023(tmp.path());
    index_expecting(&index, &[os(&helse)], 0);
    let record = record_of_folders(&index);
    fs::write(&record, "{\"2023\": ").unwrap();
    let out = index_expecting(&index, &[os(&helse)], 0);
    let notice: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains("record of indexed folders"))
        .collect();
    assert_eq!(notice.len(), 1, "{}", out.stderr);
    assert!(notice[0].contains("made anew"), "{}", out.stderr);
    let made: Value = serde_json::from_slice(&fs::read(&record).unwrap()).unwrap();
    assert!(made.get("2023").is_some(), "{made}");
    index_expecting(&index, &[os(&kommune)], 1);
}
