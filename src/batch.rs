//! Batch indexing: discovers files, extracts them in parallel and feeds one index
//! writer, recording what happened to every file.
//!
//! A bad file never stops a batch: it is reported with its reason and skipped, and
//! everything else is committed. Extraction runs on all cores (rayon) and each
//! report goes into the writer as soon as it is extracted, so extraction and
//! indexing overlap.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use rayon::prelude::*;

use crate::extract;
use crate::index::{IndexError, Store};
use crate::source::{self, SkipReason, Skipped, SourceFile};

/// How to run a batch.
#[derive(Debug, Clone)]
pub struct Options {
    /// Build a fresh generation and switch to it, instead of updating in place.
    pub rebuild: bool,
    /// Memory the index writer may use, in bytes.
    pub memory_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            rebuild: false,
            memory_bytes: 256 * 1024 * 1024,
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
    /// Reports written to the index.
    pub indexed: usize,
    /// Report files that failed (unreadable, binary, empty, no article text …).
    pub failed: Vec<Failure>,
    /// Files passed over while walking (not report files).
    pub passed_over: Vec<PathBuf>,
    /// Files indexed with a caveat (an HTML page that ends early).
    pub warnings: Vec<Failure>,
}

impl Outcome {
    pub fn has_failures(&self) -> bool {
        !self.failed.is_empty()
    }
}

/// Indexes `paths` into `store`.
pub fn run(store: &Store, paths: &[PathBuf], options: &Options) -> Result<Outcome, IndexError> {
    let lock = store.lock()?;
    let (files, skipped) = source::discover(paths);
    let mut outcome = Outcome::default();
    for Skipped { path, reason } in skipped {
        match reason {
            SkipReason::NotAReport => outcome.passed_over.push(path),
            SkipReason::Unwalkable(reason) => outcome.failed.push(Failure { path, reason }),
        }
    }

    let batch = store.begin(&lock, options.rebuild, options.memory_bytes)?;
    let results: Vec<Result<Option<Failure>, Failure>> = files
        .par_iter()
        .map(|file| {
            let extracted = read_and_extract(file)?;
            batch
                .put(&extracted.report, &extracted.content_hash)
                .map_err(|e| Failure {
                    path: file.path.clone(),
                    reason: e.to_string(),
                })?;
            Ok(extracted.warning)
        })
        .collect();
    for result in results {
        match result {
            Ok(warning) => {
                outcome.indexed += 1;
                outcome.warnings.extend(warning);
            }
            Err(failure) => outcome.failed.push(failure),
        }
    }
    batch.commit()?;
    outcome.failed.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(outcome)
}

/// Reads, decodes and extracts one file; a panic inside the HTML parser or the
/// extraction rules becomes this file's failure instead of ending the batch.
fn read_and_extract(file: &SourceFile) -> Result<Extracted, Failure> {
    let fail = |reason: String| Failure {
        path: file.path.clone(),
        reason,
    };
    let doc = source::read(file).map_err(|e| fail(e.to_string()))?;
    let content_hash = blake3::hash(doc.text.as_bytes()).to_hex().to_string();
    let extracted = catch_unwind(AssertUnwindSafe(|| extract::extract(&doc)))
        .map_err(|_| fail("internal error while extracting (please report this file)".into()))?;
    let report = extracted.map_err(|e| fail(e.to_string()))?;
    let warning = source::looks_truncated(&doc).then(|| {
        fail("the page ends without </html> (truncated?); indexed the text it has".into())
    });
    Ok(Extracted {
        report,
        content_hash,
        warning,
    })
}

struct Extracted {
    report: crate::report::Report,
    content_hash: String,
    warning: Option<Failure>,
}
