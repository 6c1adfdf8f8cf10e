//! Batch indexing: discovers files, extracts them in parallel and feeds one index
//! writer, recording what happened to every file.
//!
//! Incremental by default: a file whose bytes hash the same as the indexed copy is
//! not read again, a changed file replaces its report, and reports whose files are
//! gone from an indexed directory are removed. A run that changes nothing writes
//! nothing. A bad file never stops a batch: it is reported with its reason and
//! skipped, and everything else is committed (with `strict`, any failure abandons
//! the whole batch instead). Extraction runs on all cores (rayon) and each report
//! goes into the writer as soon as it is extracted, so extraction and indexing
//! overlap.

use std::collections::{HashMap, HashSet};
use std::io::IsTerminal;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Mutex;

use rayon::prelude::*;

use crate::extract;
use crate::index::{IndexError, IndexedFile, Store};
use crate::source::{self, ContentHash, FileStamp, SkipReason, Skipped, SourceFile};

/// How to run a batch.
#[derive(Debug, Clone)]
pub struct Options {
    /// Build a fresh generation and switch to it, instead of updating in place.
    pub rebuild: bool,
    /// Memory the index writer may use, in bytes.
    pub memory_bytes: usize,
    /// Any failed file fails the run and nothing is changed.
    pub strict: bool,
    /// Draw a progress bar on stderr (only when it is a terminal).
    pub progress: bool,
    /// Log the decision for every file on stderr.
    pub verbose: bool,
    /// Read and hash every file, even those whose size and modification time are
    /// those recorded in the index.
    pub checksum: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            rebuild: false,
            memory_bytes: 256 * 1024 * 1024,
            strict: false,
            progress: false,
            verbose: false,
            checksum: false,
        }
    }
}

/// A file that could not be indexed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub path: PathBuf,
    pub reason: String,
}

/// What a batch did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Reports new to the index.
    pub added: usize,
    /// Reports whose files changed.
    pub updated: usize,
    /// Reports whose files are gone.
    pub removed: usize,
    /// Reports whose files did not change (not read again).
    pub unchanged: usize,
    /// Report files that failed (unreadable, binary, empty, no article text …).
    pub failed: Vec<Failure>,
    /// Files passed over while walking (not report files).
    pub passed_over: Vec<PathBuf>,
    /// Files indexed with a caveat (an HTML page that ends early).
    pub warnings: Vec<Failure>,
    /// Recovery notices (an interrupted earlier run was cleaned up).
    pub notices: Vec<String>,
    /// With `strict`: failures made the run change nothing.
    pub abandoned: bool,
}

impl Outcome {
    pub fn has_failures(&self) -> bool {
        !self.failed.is_empty()
    }

    /// Reports written (added or updated).
    pub fn indexed(&self) -> usize {
        self.added + self.updated
    }

    pub fn changed(&self) -> bool {
        self.added + self.updated + self.removed > 0
    }
}

enum Decision {
    Unchanged,
    Written {
        added: bool,
        warning: Option<Failure>,
    },
}

/// Indexes `paths` into `store`.
pub fn run(store: &Store, paths: &[PathBuf], options: &Options) -> Result<Outcome, IndexError> {
    let lock = store.lock()?;
    let mut outcome = Outcome {
        notices: store.recover(&lock),
        ..Outcome::default()
    };
    // Before anything is read: two folders with one name would mix their reports.
    let folders = store.check_roots(&lock, options.rebuild, &source::id_roots(paths))?;
    outcome.notices.extend(folders.notice.clone());
    let moved = |file: &SourceFile| {
        folders.moved.keys().any(|name| {
            file.id
                .strip_prefix(name.as_str())
                .is_some_and(|rest| rest.starts_with('/'))
        })
    };
    let (files, skipped) = source::discover(paths);
    for Skipped { path, reason } in skipped {
        match reason {
            SkipReason::NotAReport => outcome.passed_over.push(path),
            SkipReason::Unwalkable(reason) => outcome.failed.push(Failure { path, reason }),
        }
    }

    let existing = if options.rebuild {
        HashMap::new()
    } else {
        store.indexed_files()?
    };
    // Strict runs extract everything before touching the index, so that a failure
    // leaves it exactly as it was, byte for byte.
    let prepared: Option<Vec<Prepared>> = if options.strict {
        let results: Vec<Result<Prepared, Failure>> = files
            .par_iter()
            .map(|file| prepare(file, &existing, options.checksum, moved(file)))
            .collect();
        let mut ready = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Ok(p) => ready.push(p),
                Err(failure) => outcome.failed.push(failure),
            }
        }
        if outcome.has_failures() {
            outcome.failed.sort_by(|a, b| a.path.cmp(&b.path));
            outcome.abandoned = true;
            return Ok(outcome);
        }
        Some(ready)
    } else {
        None
    };
    let mut batch = store.begin(&lock, options.rebuild, options.memory_bytes)?;
    batch.record_roots(folders.clone());
    let progress = progress_bar(options, files.len());
    let log = Mutex::new(());
    let verbose = |line: String| {
        if options.verbose {
            let _guard = log.lock();
            progress.suspend(|| eprintln!("{line}"));
        }
    };

    let results: Vec<(usize, Result<Decision, Failure>)> = files
        .par_iter()
        .enumerate()
        .map(|(index, file)| {
            let result = match &prepared {
                Some(ready) => write_prepared(&batch, file, &ready[index]),
                None => prepare(file, &existing, options.checksum, moved(file))
                    .and_then(|p| write_prepared(&batch, file, &p)),
            };
            match &result {
                Ok(Decision::Unchanged) => verbose(format!("unchanged {}", file.path.display())),
                Ok(Decision::Written { added: true, .. }) => {
                    verbose(format!("added     {}", file.path.display()))
                }
                Ok(Decision::Written { added: false, .. }) => {
                    verbose(format!("updated   {}", file.path.display()))
                }
                Err(failure) => verbose(format!(
                    "failed    {}: {}",
                    file.path.display(),
                    failure.reason
                )),
            }
            progress.inc(1);
            (index, result)
        })
        .collect();
    progress.finish_and_clear();

    for (_, result) in results {
        match result {
            Ok(Decision::Unchanged) => outcome.unchanged += 1,
            Ok(Decision::Written { added, warning }) => {
                if added {
                    outcome.added += 1;
                } else {
                    outcome.updated += 1;
                }
                outcome.warnings.extend(warning);
            }
            Err(failure) => outcome.failed.push(failure),
        }
    }

    // Reports whose files are gone from a directory that was indexed again.
    let seen: HashSet<&str> = files.iter().map(|f| f.id.as_str()).collect();
    let roots: Vec<String> = paths
        .iter()
        .filter(|p| p.is_dir())
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .filter_map(|p| p.file_name().map(|n| format!("{}/", n.to_string_lossy())))
        .collect();
    // A file that is still there but failed keeps its earlier report: nothing
    // already indexed is lost to a bad read.
    for id in existing.keys() {
        let under_root = roots.iter().any(|r| id.starts_with(r.as_str()));
        if under_root && !seen.contains(id.as_str()) {
            batch.remove(id);
            verbose(format!("removed   {id}"));
            outcome.removed += 1;
        }
    }

    outcome.failed.sort_by(|a, b| a.path.cmp(&b.path));
    if outcome.changed() || batch.is_new() {
        batch.commit()?;
    } else {
        // Nothing changed: leave the index exactly as it is on disk, but for the
        // record of folders if it lacks one of this run's.
        batch.abandon();
        store.keep_roots(&lock, &folders)?;
    }
    Ok(outcome)
}

fn progress_bar(options: &Options, files: usize) -> indicatif::ProgressBar {
    if !options.progress || !std::io::stderr().is_terminal() || files < 50 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    let style =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files  {per_sec}  ETA {eta}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

/// A file read, hashed and (unless unchanged) extracted, not yet written.
enum Prepared {
    Unchanged,
    Report {
        report: Box<crate::report::Report>,
        content_hash: ContentHash,
        file_stamp: Option<FileStamp>,
        added: bool,
        warning: Option<Failure>,
    },
}

/// Decides one file: a file with the size and modification time recorded in the
/// index is not read; a file with the recorded content hash is not extracted; the
/// rest are extracted. A file of a `moved` folder is extracted again whatever it
/// holds, since its report names where it was.
fn prepare(
    file: &SourceFile,
    existing: &HashMap<String, IndexedFile>,
    checksum: bool,
    moved: bool,
) -> Result<Prepared, Failure> {
    let fail = |reason: String| Failure {
        path: file.path.clone(),
        reason,
    };
    let previous = existing.get(&file.id);
    let same = |check: &dyn Fn(&IndexedFile) -> bool| !moved && previous.is_some_and(check);
    if !checksum && file.stamp.is_some() && same(&|p| p.file_stamp == file.stamp) {
        return Ok(Prepared::Unchanged);
    }
    let bytes = source::read_raw(file).map_err(|e| fail(e.to_string()))?;
    let content_hash = ContentHash::of(&bytes);
    if same(&|p| p.content_hash == content_hash) {
        return Ok(Prepared::Unchanged);
    }
    let doc = source::decode_document(&bytes, file.id.clone(), file.path.display().to_string())
        .map_err(|e| fail(e.to_string()))?;
    let extracted = catch_unwind(AssertUnwindSafe(|| extract::extract(&doc)))
        .map_err(|_| fail("internal error while extracting (please report this file)".into()))?;
    let report = extracted.map_err(|e| fail(e.to_string()))?;
    let warning = source::looks_truncated(&doc).then(|| {
        fail("the page ends without </html> (truncated?); indexed the text it has".into())
    });
    Ok(Prepared::Report {
        report: Box::new(report),
        content_hash,
        file_stamp: file.stamp.filter(|s| s.settled()),
        added: previous.is_none(),
        warning,
    })
}

/// Writes a prepared file's report.
fn write_prepared(
    batch: &crate::index::Batch,
    file: &SourceFile,
    prepared: &Prepared,
) -> Result<Decision, Failure> {
    match prepared {
        Prepared::Unchanged => Ok(Decision::Unchanged),
        Prepared::Report {
            report,
            content_hash,
            file_stamp,
            added,
            warning,
        } => {
            batch
                .put(report, *content_hash, *file_stamp)
                .map_err(|e| Failure {
                    path: file.path.clone(),
                    reason: e.to_string(),
                })?;
            Ok(Decision::Written {
                added: *added,
                warning: warning.clone(),
            })
        }
    }
}
