//! Index: stores reports in tantivy and hands out readers and writers.
//!
//! An index directory holds generations (`gen-000001/`, …), each a complete tantivy
//! index, and a `CURRENT` file naming the live one. Updates commit into the live
//! generation (tantivy commits are atomic); a rebuild writes a new generation beside
//! it and switches `CURRENT` with an atomic rename, so readers never see half an
//! index. One writer at a time is enforced with an OS file lock, which the OS drops
//! if the process dies.

pub mod schema;

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::directory::MmapDirectory;
use tantivy::indexer::UserOperation;
use tantivy::{Index, IndexWriter, Term};

use crate::analysis;
use crate::report::Report;
use crate::source::{ContentHash, FileStamp};
pub use schema::Fields;

/// Bumped whenever the schema or the stored `Report` changes incompatibly.
pub const FORMAT_VERSION: u32 = 14;

const CURRENT: &str = "CURRENT";
const META: &str = "referat-index.json";
/// The folders whose names start the ids in a generation, with their full paths.
const ROOTS: &str = "referat-roots.json";
const LOCK: &str = "writer.lock";

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("no index at {0}: run `referat index` first (or pass --index DIR)")]
    Missing(PathBuf),
    #[error(
        "the index at {dir} was made by an incompatible version of referat (format {found}, analyzer {found_analyzer}; this version needs {FORMAT_VERSION} and {}): rebuild it with `referat index --rebuild`",
        analysis::ANALYZER_VERSION
    )]
    Incompatible {
        dir: PathBuf,
        found: u32,
        found_analyzer: u32,
    },
    #[error(
        "the index at {dir} is being written by another referat process ({holder}); try again when it has finished"
    )]
    Locked { dir: PathBuf, holder: String },
    #[error(
        "cannot index {path}: its reports would get the same ids as those of {other}, another folder named '{name}'; rename one of the two, or give this one its own index (--index DIR)"
    )]
    SameFolderName {
        path: PathBuf,
        other: PathBuf,
        name: String,
    },
    #[error("index at {dir}: {source}")]
    Io {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error("index at {dir}: {source}")]
    Tantivy {
        dir: PathBuf,
        source: tantivy::TantivyError,
    },
}

/// What an index generation records about the program that wrote it.
#[derive(Debug, Serialize, Deserialize)]
struct GenerationMeta {
    format_version: u32,
    analyzer_version: u32,
    referat_version: String,
}

/// The folders whose names start the ids of a generation, each with its full path
/// (written lossily, so that any path can be recorded).
pub type RootRecord = BTreeMap<String, String>;

/// The outcome of [`Store::check_roots`].
#[derive(Debug, Clone, Default)]
pub struct RootCheck {
    /// The folders the index records once the run is committed.
    pub roots: RootRecord,
    /// Folders indexed before from a place they are gone from, with that place:
    /// their reports are read again, so that they show where the files are now.
    pub moved: RootRecord,
    /// Why the record on disk was not used, when it could not be read.
    pub notice: Option<String>,
}

impl RootCheck {
    /// The record written before the commit: the folders the run adds, and moved
    /// folders still at their old place. A crash on either side of the commit then
    /// leaves a record that names every folder whose reports may be in the index.
    fn before_commit(&self) -> RootRecord {
        let mut record = self.roots.clone();
        record.extend(self.moved.clone());
        record
    }
}

/// What the index recorded about a file when it last read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedFile {
    pub content_hash: ContentHash,
    /// The file's size and modification time then, unless it had just been written.
    pub file_stamp: Option<FileStamp>,
}

/// An index directory on disk.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// A generation opened for reading.
pub struct OpenIndex {
    pub index: Index,
    pub fields: Fields,
    pub generation: PathBuf,
    reader: std::sync::OnceLock<tantivy::IndexReader>,
}

impl OpenIndex {
    /// A searcher over the generation as it was when first asked for. One reader
    /// serves the whole command, so its segments are opened once; and it is never
    /// reloaded, which spares starting tantivy's thread that watches for commits.
    pub fn searcher(&self) -> tantivy::Result<tantivy::Searcher> {
        if let Some(reader) = self.reader.get() {
            return Ok(reader.searcher());
        }
        let reader = self
            .index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()?;
        Ok(self.reader.get_or_init(|| reader).searcher())
    }
}

impl Store {
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn io(&self, source: std::io::Error) -> IndexError {
        IndexError::Io {
            dir: self.dir.clone(),
            source,
        }
    }

    fn tantivy(&self, source: tantivy::TantivyError) -> IndexError {
        IndexError::Tantivy {
            dir: self.dir.clone(),
            source,
        }
    }

    /// The live generation's directory, if there is one.
    fn current_generation(&self) -> Option<PathBuf> {
        let name = fs::read_to_string(self.dir.join(CURRENT)).ok()?;
        let name = name.trim();
        if name.is_empty() || name.contains(['/', '\\']) {
            return None;
        }
        let path = self.dir.join(name);
        path.is_dir().then_some(path)
    }

    /// Opens the live generation for searching.
    pub fn open(&self) -> Result<OpenIndex, IndexError> {
        let generation = self
            .current_generation()
            .ok_or_else(|| IndexError::Missing(self.dir.clone()))?;
        match self.open_generation(&generation) {
            // A rebuild switched generations while this one was being opened: the
            // pointer now names the new one.
            Err(IndexError::Tantivy { .. })
                if self.current_generation().as_ref() != Some(&generation) =>
            {
                let generation = self
                    .current_generation()
                    .ok_or_else(|| IndexError::Missing(self.dir.clone()))?;
                self.open_generation(&generation)
            }
            result => result,
        }
    }

    /// The number in a generation directory's name.
    fn generation_number(path: &Path) -> Option<u64> {
        path.file_name()?
            .to_str()?
            .strip_prefix("gen-")?
            .parse()
            .ok()
    }

    fn open_generation(&self, generation: &Path) -> Result<OpenIndex, IndexError> {
        let meta: Option<GenerationMeta> = fs::read(generation.join(META))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok());
        match meta {
            Some(m)
                if m.format_version == FORMAT_VERSION
                    && m.analyzer_version == analysis::ANALYZER_VERSION => {}
            other => {
                return Err(IndexError::Incompatible {
                    dir: self.dir.clone(),
                    found: other.as_ref().map_or(0, |m| m.format_version),
                    found_analyzer: other.as_ref().map_or(0, |m| m.analyzer_version),
                });
            }
        }
        let directory = MmapDirectory::open(generation).map_err(|e| self.tantivy(e.into()))?;
        let index = Index::open(directory).map_err(|e| self.tantivy(e))?;
        analysis::register(&index);
        let fields = Fields::new(&index.schema()).map_err(|_| IndexError::Incompatible {
            dir: self.dir.clone(),
            found: FORMAT_VERSION,
            found_analyzer: analysis::ANALYZER_VERSION,
        })?;
        Ok(OpenIndex {
            index,
            fields,
            generation: generation.to_path_buf(),
            reader: std::sync::OnceLock::new(),
        })
    }

    /// The folders whose names start the ids of the live generation (none for an
    /// index made before they were recorded). A record that cannot be read is
    /// reported and taken as empty: this run's folders are recorded anew.
    fn indexed_roots(&self) -> Result<RootRecord, String> {
        let Some(path) = self.current_generation().map(|g| g.join(ROOTS)) else {
            return Ok(RootRecord::new());
        };
        match fs::read(&path) {
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(RootRecord::new()),
            Err(err) => Err(format!("{}: {err}", path.display())),
            Ok(bytes) => {
                serde_json::from_slice(&bytes).map_err(|err| format!("{}: {err}", path.display()))
            }
        }
    }

    /// Checks that the folders of a run (each its name and full path, as
    /// [`crate::source::id_roots`] gives them) cannot give two reports one id: no two
    /// different folders may share a name, in this run or with what is indexed
    /// (unless that folder is gone: the archive was moved). Files named without a
    /// folder have ids of their own name and are not checked.
    pub fn check_roots(
        &self,
        _lock: &WriterLock,
        rebuild: bool,
        roots: &[(String, PathBuf)],
    ) -> Result<RootCheck, IndexError> {
        let mut notice = None;
        let mut recorded = if rebuild {
            RootRecord::new()
        } else {
            self.indexed_roots().unwrap_or_else(|why| {
                notice = Some(format!(
                    "the record of indexed folders could not be read ({why}); it is made anew from this run's folders"
                ));
                RootRecord::new()
            })
        };
        let mut this_run = RootRecord::new();
        for (name, path) in roots.iter().filter(|(name, _)| !name.is_empty()) {
            let place = path.to_string_lossy().into_owned();
            let other = this_run.get(name).cloned().or_else(|| {
                recorded
                    .get(name)
                    .filter(|other| Path::new(other).is_dir())
                    .cloned()
            });
            if let Some(other) = other.filter(|other| *other != place) {
                return Err(IndexError::SameFolderName {
                    path: path.clone(),
                    other: PathBuf::from(other),
                    name: name.clone(),
                });
            }
            this_run.insert(name.clone(), place);
        }
        let mut moved = RootRecord::new();
        for (name, place) in this_run {
            if let Some(before) = recorded.insert(name.clone(), place.clone())
                && before != place
            {
                moved.insert(name, before);
            }
        }
        Ok(RootCheck {
            roots: recorded,
            moved,
            notice,
        })
    }

    /// Records the folders of a run that changed no report (a folder indexed for
    /// the first time by this version, or with no reports), unless they are
    /// recorded already: an unchanged index stays as it is on disk.
    pub fn keep_roots(&self, _lock: &WriterLock, check: &RootCheck) -> Result<(), IndexError> {
        match self.current_generation() {
            Some(generation) if self.indexed_roots().as_ref() != Ok(&check.roots) => {
                self.write_roots(&generation, &check.roots)
            }
            _ => Ok(()),
        }
    }

    /// Replaces a generation's record of folders whole (written beside, then
    /// renamed), so that a crash leaves the old record or the new one.
    fn write_roots(&self, generation: &Path, record: &RootRecord) -> Result<(), IndexError> {
        let bytes =
            serde_json::to_vec_pretty(record).map_err(|e| self.io(std::io::Error::other(e)))?;
        let tmp = generation.join(format!("{ROOTS}.tmp"));
        let mut file = fs::File::create(&tmp).map_err(|e| self.io(e))?;
        file.write_all(&bytes).map_err(|e| self.io(e))?;
        file.sync_all().map_err(|e| self.io(e))?;
        fs::rename(&tmp, generation.join(ROOTS)).map_err(|e| self.io(e))
    }

    /// Takes the writer lock; it is held until the returned guard is dropped.
    pub fn lock(&self) -> Result<WriterLock, IndexError> {
        fs::create_dir_all(&self.dir).map_err(|e| self.io(e))?;
        let path = self.dir.join(LOCK);
        let mut file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(|e| self.io(e))?;
        if file.try_lock().is_err() {
            let holder = fs::read_to_string(&path).unwrap_or_default();
            let holder = holder.trim();
            return Err(IndexError::Locked {
                dir: self.dir.clone(),
                holder: if holder.is_empty() {
                    "unknown process".to_string()
                } else {
                    holder.to_string()
                },
            });
        }
        let stamp = jiff::Timestamp::now()
            .round(jiff::Unit::Second)
            .unwrap_or_else(|_| jiff::Timestamp::now());
        let _ = file.set_len(0);
        let _ = write!(file, "pid {} since {}", std::process::id(), stamp);
        let _ = file.sync_all();
        Ok(WriterLock { _file: file })
    }

    /// Starts writing. `rebuild` writes a fresh generation that replaces the live one
    /// on commit; otherwise the live generation is updated in place.
    pub fn begin(
        &self,
        _lock: &WriterLock,
        rebuild: bool,
        memory_bytes: usize,
    ) -> Result<Batch, IndexError> {
        let existing = if rebuild {
            None
        } else {
            self.current_generation()
        };
        let (index, generation, is_new) = match existing {
            Some(generation) => {
                let open = self.open_generation(&generation)?;
                (open.index, generation, false)
            }
            None => {
                let generation = self.new_generation_dir()?;
                // The stored reports are the largest part of the index: zstd at level
                // 9 over 64 KiB blocks stores them in a sixth less space than the
                // defaults. A search that shows ten hits decompresses ten blocks:
                // at 128 KiB that was a third of its instructions, at 32 KiB the
                // store grew by a quarter. Higher levels slow the rebuild.
                let settings = tantivy::IndexSettings {
                    docstore_compression: tantivy::store::Compressor::Zstd(
                        tantivy::store::ZstdCompressor {
                            compression_level: Some(9),
                        },
                    ),
                    docstore_blocksize: 64 * 1024,
                    ..tantivy::IndexSettings::default()
                };
                let index = Index::builder()
                    .schema(schema::build_schema())
                    .settings(settings)
                    .create_in_dir(&generation)
                    .map_err(|e| self.tantivy(e))?;
                analysis::register(&index);
                (index, generation, true)
            }
        };
        let fields = Fields::new(&index.schema()).map_err(|e| self.tantivy(e))?;
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 8);
        let per_thread_min = 16 * 1024 * 1024;
        let threads = threads.min((memory_bytes / per_thread_min).max(1));
        let writer = index
            .writer_with_num_threads(threads, memory_bytes.max(per_thread_min))
            .map_err(|e| self.tantivy(e))?;
        Ok(Batch {
            store: self.clone(),
            writer,
            fields,
            generation,
            is_new,
            roots: None,
        })
    }

    fn new_generation_dir(&self) -> Result<PathBuf, IndexError> {
        fs::create_dir_all(&self.dir).map_err(|e| self.io(e))?;
        let mut highest = 0u64;
        for entry in fs::read_dir(&self.dir).map_err(|e| self.io(e))?.flatten() {
            let name = entry.file_name();
            if let Some(n) = name
                .to_str()
                .and_then(|n| n.strip_prefix("gen-"))
                .and_then(|n| n.parse().ok())
            {
                highest = highest.max(n);
            }
        }
        let path = self.dir.join(format!("gen-{:06}", highest + 1));
        fs::create_dir(&path).map_err(|e| self.io(e))?;
        Ok(path)
    }

    /// What the live generation knows of every indexed file, by report id (nothing
    /// when there is no index yet).
    pub fn indexed_files(&self) -> Result<HashMap<String, IndexedFile>, IndexError> {
        let open = match self.open() {
            Ok(open) => open,
            Err(IndexError::Missing(_)) => return Ok(Default::default()),
            Err(err) => return Err(err),
        };
        // Read from the fast-field columns: a scan, not a stored-document read per report.
        let mut files = HashMap::new();
        let searcher = open.searcher().map_err(|e| self.tantivy(e))?;
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let ids = fast.str("id").map_err(|e| self.tantivy(e))?;
            let (Some(ids), Ok(hashes), Ok(sizes), Ok(times)) = (
                ids,
                fast.u64("content_hash"),
                fast.u64("file_size"),
                fast.i64("file_modified"),
            ) else {
                continue;
            };
            // The id dictionary is read once, in order: looking up every document's
            // id on its own would decode a dictionary block per report.
            let mut id_values = Vec::with_capacity(ids.num_terms());
            let mut stream = ids
                .dictionary()
                .stream()
                .map_err(|e| self.tantivy(e.into()))?;
            while stream.advance() {
                id_values.push(String::from_utf8_lossy(stream.key()).into_owned());
            }
            for doc in segment.doc_ids_alive() {
                // Only report documents carry an id and a content hash.
                let (Some(id), Some(hash)) = (
                    ids.term_ords(doc)
                        .next()
                        .and_then(|ord| id_values.get(ord as usize)),
                    hashes.first(doc),
                ) else {
                    continue;
                };
                let file_stamp = sizes
                    .first(doc)
                    .zip(times.first(doc))
                    .map(|(size, modified_ns)| FileStamp { size, modified_ns });
                files.insert(
                    id.clone(),
                    IndexedFile {
                        content_hash: ContentHash(hash),
                        file_stamp,
                    },
                );
            }
        }
        Ok(files)
    }

    /// Clears what an interrupted run left behind: generations that never became
    /// the live one, and a half-written pointer. Returns a notice for each.
    pub fn recover(&self, _lock: &WriterLock) -> Vec<String> {
        let mut notices = Vec::new();
        let current = self.current_generation();
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return notices;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            // Newer than the live one: a build that never finished. Older ones are
            // kept for readers that opened them just before a switch.
            let current_number = current
                .as_deref()
                .and_then(Self::generation_number)
                .unwrap_or(0);
            let leftover_generation = name.starts_with("gen-")
                && Some(&path) != current.as_ref()
                && Self::generation_number(&path).is_some_and(|n| n > current_number);
            let leftover_pointer = name == format!("{CURRENT}.tmp");
            if (leftover_generation || leftover_pointer)
                && fs::remove_dir_all(&path)
                    .or_else(|_| fs::remove_file(&path))
                    .is_ok()
            {
                notices.push(format!(
                    "removed {name}, left unfinished by an earlier run that was interrupted; the index is intact"
                ));
            }
        }
        notices
    }

    /// Points `CURRENT` at `generation` atomically, then removes the generations
    /// before the one it replaces.
    fn switch_to(&self, generation: &Path) -> Result<(), IndexError> {
        let previous = self.current_generation();
        let name = generation
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = self.dir.join(format!("{CURRENT}.tmp"));
        {
            let mut file = fs::File::create(&tmp).map_err(|e| self.io(e))?;
            file.write_all(format!("{name}\n").as_bytes())
                .map_err(|e| self.io(e))?;
            file.sync_all().map_err(|e| self.io(e))?;
        }
        fs::rename(&tmp, self.dir.join(CURRENT)).map_err(|e| self.io(e))?;
        if let Ok(dir) = fs::File::open(&self.dir) {
            let _ = dir.sync_all();
        }
        // The generation just replaced stays until the next switch: a search that
        // read the old pointer a moment ago may still be opening it.
        for entry in fs::read_dir(&self.dir).map_err(|e| self.io(e))?.flatten() {
            let path = entry.path();
            let is_generation = entry.file_name().to_string_lossy().starts_with("gen-");
            let keep = path == generation || previous.as_ref() == Some(&path);
            if is_generation && !keep {
                let _ = fs::remove_dir_all(&path);
            }
        }
        Ok(())
    }
}

/// Proof that this process holds the writer lock.
pub struct WriterLock {
    _file: fs::File,
}

/// An open write to one generation.
pub struct Batch {
    store: Store,
    writer: IndexWriter,
    fields: Fields,
    generation: PathBuf,
    is_new: bool,
    /// The folders to record on commit, if the caller checked them.
    roots: Option<RootCheck>,
}

impl Batch {
    /// The folders (from [`Store::check_roots`]) the index records on commit.
    pub fn record_roots(&mut self, roots: RootCheck) {
        self.roots = Some(roots);
    }

    /// Whether this batch writes a new generation (a rebuild, or the first index).
    pub fn is_new(&self) -> bool {
        self.is_new
    }

    /// Adds a report, replacing any earlier version with the same id. Safe to call
    /// from many threads at once.
    pub fn put(
        &self,
        report: &Report,
        content_hash: ContentHash,
        file_stamp: Option<FileStamp>,
    ) -> Result<(), IndexError> {
        // A new generation starts empty: there is nothing to replace, and deletes
        // cost a term lookup per segment at every flush.
        let mut operations = Vec::new();
        if !self.is_new {
            operations.extend(self.removals(&report.id).map(UserOperation::Delete));
        }
        operations.extend(
            self.fields
                .documents(report, content_hash, file_stamp)
                .into_iter()
                .map(UserOperation::Add),
        );
        // One group: the report and its passages go to one indexing thread, in
        // order, and into one segment.
        self.writer
            .run(operations)
            .map_err(|e| self.store.tantivy(e))?;
        Ok(())
    }

    /// Removes a report and its passages.
    pub fn remove(&self, id: &str) {
        for term in self.removals(id) {
            self.writer.delete_term(term);
        }
    }

    /// The terms that delete a report and its passages.
    fn removals(&self, id: &str) -> impl Iterator<Item = Term> {
        [
            Term::from_field_text(self.fields.id, id),
            Term::from_field_text(self.fields.passage_of, id),
        ]
        .into_iter()
    }

    /// Makes the batch durable and visible; a new generation becomes the live one.
    pub fn commit(self) -> Result<(), IndexError> {
        let Batch {
            store,
            mut writer,
            generation,
            is_new,
            roots,
            ..
        } = self;
        if let Some(check) = &roots {
            store.write_roots(&generation, &check.before_commit())?;
        }
        writer.commit().map_err(|e| store.tantivy(e))?;
        writer
            .wait_merging_threads()
            .map_err(|e| store.tantivy(e))?;
        if let Some(check) = roots.filter(|check| !check.moved.is_empty()) {
            store.write_roots(&generation, &check.roots)?;
        }
        if is_new {
            let meta = GenerationMeta {
                format_version: FORMAT_VERSION,
                analyzer_version: analysis::ANALYZER_VERSION,
                referat_version: env!("CARGO_PKG_VERSION").to_string(),
            };
            let bytes = serde_json::to_vec_pretty(&meta).unwrap_or_default();
            let path = generation.join(META);
            let mut file = fs::File::create(&path).map_err(|e| store.io(e))?;
            file.write_all(&bytes).map_err(|e| store.io(e))?;
            file.sync_all().map_err(|e| store.io(e))?;
            store.switch_to(&generation)?;
        }
        Ok(())
    }

    /// Abandons the batch: nothing written becomes visible.
    pub fn abandon(self) {
        let generation = self.generation.clone();
        let is_new = self.is_new;
        drop(self.writer);
        if is_new {
            let _ = fs::remove_dir_all(generation);
        }
    }
}
