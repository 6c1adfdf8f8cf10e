//! Source: finds report files under the paths a user names and turns their bytes
//! into text.
//!
//! This module owns everything about files as files: which ones are reports, how they
//! are named in the index (the stable id), and which character set they were written
//! in. Old municipal pages are often ISO-8859-1 or Windows-1252, sometimes declared
//! wrongly, sometimes already mangled into UTF-8 mojibake ("Ã¸" for "ø"); all of that
//! is repaired here so that extraction only ever sees proper Unicode.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Extensions read as reports when walking a directory. A file named explicitly on
/// the command line is read whatever its extension.
const REPORT_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "txt", "text"];

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A file that may hold a report, found by [`discover`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub path: PathBuf,
    /// Stable id: the indexed root's own name, then the path below it, `/`-separated.
    pub id: String,
    /// Size and modification time when the file was found, if the file system
    /// tells them.
    pub stamp: Option<FileStamp>,
}

/// A file's size and modification time. An update run does not read files whose
/// stamp is the one recorded when they were indexed, as `make` and `git` do;
/// `referat index --checksum` reads and hashes every file instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub size: u64,
    /// Nanoseconds since the Unix epoch.
    pub modified_ns: i64,
}

impl FileStamp {
    pub fn of(meta: &fs::Metadata) -> Option<FileStamp> {
        let modified = meta.modified().ok()?;
        let since = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
        Some(FileStamp {
            size: meta.len(),
            modified_ns: i64::try_from(since.as_nanos()).ok()?,
        })
    }

    /// Whether the file was last modified long enough ago for its stamp to be
    /// trusted later: a file written again within the same clock tick keeps its
    /// modification time, so a stamp that recent is not recorded and the file is
    /// hashed next time (git's "racy clean" rule).
    pub fn settled(&self) -> bool {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
        self.modified_ns < now - 2_000_000_000
    }
}

/// What tells a file's content from another's: the first 64 bits of the BLAKE3 hash
/// of its bytes. An update run compares a file only with its own earlier version,
/// so 64 bits make a missed change a 2⁻⁶⁴ chance, at an eighth of the index space
/// of the whole hash in hex.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContentHash(pub u64);

impl ContentHash {
    pub fn of(bytes: &[u8]) -> ContentHash {
        let hash = blake3::hash(bytes);
        let mut first = [0u8; 8];
        first.copy_from_slice(&hash.as_bytes()[..8]);
        ContentHash(u64::from_le_bytes(first))
    }
}

/// How the text of a document is marked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Text,
}

/// A decoded input document, ready for extraction.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    pub path: String,
    pub format: Format,
    pub text: String,
}

/// Why a file could not be read as a report.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum SourceError {
    #[error("cannot read: {0}")]
    Unreadable(String),
    #[error("empty file")]
    Empty,
    #[error("binary file, not HTML or text")]
    Binary,
    #[error("file is {0} MB, larger than the 64 MB limit")]
    TooLarge(u64),
}

/// A path left out while walking, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: SkipReason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// Not a report file by its extension (found while walking a directory).
    NotAReport,
    /// The path or a directory below it could not be walked.
    Unwalkable(String),
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SkipReason::NotAReport => f.write_str("not a report file (.html, .htm or .txt)"),
            SkipReason::Unwalkable(why) => f.write_str(why),
        }
    }
}

/// Finds the report files under `paths`, in a stable (sorted) order.
///
/// Directories are walked recursively, following symbolic links (loops are reported,
/// not followed forever); hidden files and directories are left out.
pub fn discover(paths: &[PathBuf]) -> (Vec<SourceFile>, Vec<Skipped>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for root in paths {
        match fs::metadata(root) {
            Err(err) => skipped.push(Skipped {
                path: root.clone(),
                reason: SkipReason::Unwalkable(io_reason(&err)),
            }),
            Ok(meta) if meta.is_file() => files.push(SourceFile {
                path: root.clone(),
                id: file_id(root),
                stamp: FileStamp::of(&meta),
            }),
            Ok(_) => walk_dir(root, &mut files, &mut skipped),
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|a, b| a.path == b.path);
    (files, skipped)
}

fn walk_dir(root: &Path, files: &mut Vec<SourceFile>, skipped: &mut Vec<Skipped>) {
    let root_name = root_name(root);
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().unwrap_or(root).to_path_buf();
                let reason = if err.loop_ancestor().is_some() {
                    "symbolic link loop".to_string()
                } else if let Some(io) = err.io_error() {
                    io_reason(io)
                } else {
                    err.to_string()
                };
                skipped.push(Skipped {
                    path,
                    reason: SkipReason::Unwalkable(reason),
                });
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        if !has_report_extension(path) {
            skipped.push(Skipped {
                path: path.to_path_buf(),
                reason: SkipReason::NotAReport,
            });
            continue;
        }
        let below = path.strip_prefix(root).unwrap_or(path);
        let mut id = root_name.clone();
        for part in below.components() {
            if !id.is_empty() {
                id.push('/');
            }
            id.push_str(&part.as_os_str().to_string_lossy());
        }
        files.push(SourceFile {
            path: path.to_path_buf(),
            id,
            stamp: entry.metadata().ok().and_then(|m| FileStamp::of(&m)),
        });
    }
}

fn has_report_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| REPORT_EXTENSIONS.iter().any(|r| e.eq_ignore_ascii_case(r)))
}

/// The name a root directory contributes to ids: its own last component, so that ids
/// do not depend on where the archive is mounted or on the current directory.
fn root_name(root: &Path) -> String {
    let absolute = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    absolute
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The folders that name the ids of `paths`, each as (its name, its canonical
/// path): a directory names the ids of the files under it, a file named on its own
/// is named by its parent directory. Two different folders with one name would
/// give their reports the same ids. Paths that do not exist are left out.
pub fn id_roots(paths: &[PathBuf]) -> Vec<(String, PathBuf)> {
    paths
        .iter()
        .filter_map(|path| {
            let meta = fs::metadata(path).ok()?;
            // As `file_id` names it (a bare file name has no folder in its id).
            let folder = if meta.is_file() {
                path.parent().unwrap_or(Path::new(""))
            } else {
                path.as_path()
            };
            let here = Path::new(".");
            let canonical = fs::canonicalize(if folder.as_os_str().is_empty() {
                here
            } else {
                folder
            })
            .ok()?;
            Some((root_name(folder), canonical))
        })
        .collect()
}

/// Id of a file named on its own: its parent directory's name and its file name.
fn file_id(path: &Path) -> String {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let parent = path.parent().map(root_name).unwrap_or_default();
    if parent.is_empty() {
        file
    } else {
        format!("{parent}/{file}")
    }
}

fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}

/// Reads and decodes one file.
pub fn read(file: &SourceFile) -> Result<Document, SourceError> {
    let bytes = read_bytes(&file.path)?;
    let path = file.path.display().to_string();
    decode_document(&bytes, file.id.clone(), path)
}

/// Reads a file's raw bytes (to hash them before deciding to decode and extract).
pub fn read_raw(file: &SourceFile) -> Result<Vec<u8>, SourceError> {
    read_bytes(&file.path)
}

/// Reads a file's bytes, refusing ones too large to be a report.
fn read_bytes(path: &Path) -> Result<Vec<u8>, SourceError> {
    let handle = fs::File::open(path).map_err(|e| SourceError::Unreadable(io_reason(&e)))?;
    let len = handle.metadata().map(|m| m.len()).unwrap_or(0);
    if len > MAX_FILE_BYTES {
        return Err(SourceError::TooLarge(len / (1024 * 1024)));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    handle
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| SourceError::Unreadable(io_reason(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(SourceError::TooLarge(bytes.len() as u64 / (1024 * 1024)));
    }
    Ok(bytes)
}

/// Decodes raw bytes into a document: sniffs HTML versus text and the character set.
pub fn decode_document(bytes: &[u8], id: String, path: String) -> Result<Document, SourceError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(SourceError::Empty);
    }
    if looks_binary(bytes) {
        return Err(SourceError::Binary);
    }
    let format = if looks_like_html(bytes) {
        Format::Html
    } else {
        Format::Text
    };
    let text = decode_text(bytes, format);
    Ok(Document {
        id,
        path,
        format,
        text,
    })
}

/// An HTML page that stops before its closing tags: usually a download or copy that
/// was cut off. Its text is still worth indexing, but the user should know.
pub fn looks_truncated(doc: &Document) -> bool {
    if doc.format != Format::Html {
        return false;
    }
    let tail_start = doc.text.len().saturating_sub(512);
    let tail_start = (tail_start..doc.text.len())
        .find(|&i| doc.text.is_char_boundary(i))
        .unwrap_or(doc.text.len());
    let tail = doc.text[tail_start..].to_ascii_lowercase();
    !tail.contains("</html>") && !tail.contains("</body>")
}

/// Binary files have NUL bytes or many control characters early on; text in any
/// single-byte or UTF-8 charset has neither. UTF-16 would too, but carries a BOM.
fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 20 > head.len()
}

fn looks_like_html(bytes: &[u8]) -> bool {
    // Nearly every page starts with `<` (after a BOM and blank lines): no need to
    // decode and lowercase its head to know.
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if start.trim_ascii_start().starts_with(b"<") {
        return true;
    }
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    // Text that merely mentions a tag ("<p>") is still text: only a page's own
    // structure counts.
    trimmed.starts_with('<')
        || ["<html", "<head>", "<head ", "<body>", "<body "]
            .iter()
            .any(|tag| head.contains(tag))
}

/// Picks the character set: a BOM wins, then valid UTF-8 (real UTF-8 with non-ASCII
/// letters is never valid by accident), then the page's own declaration, then a
/// statistical guess for Norwegian text.
fn decode_text(bytes: &[u8], format: Format) -> String {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return repair_mojibake(text.into_owned());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return repair_mojibake(text.to_string());
    }
    // UTF-8 with a few damaged bytes is still UTF-8: reading it all as Latin-1
    // would garble every æ, ø and å in it.
    let lossy = String::from_utf8_lossy(bytes);
    let replaced = lossy.chars().filter(|&c| c == '\u{fffd}').count();
    let multibyte = lossy
        .chars()
        .filter(|&c| c != '\u{fffd}' && !c.is_ascii())
        .count();
    if multibyte > 0 && replaced <= multibyte {
        return repair_mojibake(lossy.into_owned());
    }
    let declared = match format {
        Format::Html => declared_charset(bytes).filter(|e| *e != UTF_8),
        Format::Text => None,
    };
    let encoding = declared.unwrap_or_else(|| {
        let mut detector = chardetng::EncodingDetector::new();
        detector.feed(bytes, true);
        detector.guess(Some(b"no"), false)
    });
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// The charset named in a `<meta charset>` or `http-equiv` tag near the top.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let needle = b"charset=";
    let at = lower.windows(needle.len()).position(|w| w == needle)?;
    let rest = &lower[at + needle.len()..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

/// Undoes the commonest damage on old pages: UTF-8 read as Windows-1252 and saved
/// again as UTF-8, which turns "ø" into "Ã¸". Only applied when such pairs occur and
/// the round trip gives valid UTF-8, so correct text is never touched.
fn repair_mojibake(text: String) -> String {
    const MARKERS: &[&str] = &["Ã¦", "Ã¸", "Ã¥", "Ã†", "Ã˜", "Ã…", "Ã©"];
    // Every marker starts with "Ã": one search settles nearly every text.
    if !text.contains('Ã') || !MARKERS.iter().any(|m| text.contains(m)) {
        return text;
    }
    let (bytes, _, unmappable) = WINDOWS_1252.encode(&text);
    if unmappable {
        return text;
    }
    match String::from_utf8(bytes.into_owned()) {
        Ok(repaired) => repaired,
        Err(_) => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> Result<Document, SourceError> {
        decode_document(bytes, "t/x".into(), "x".into())
    }

    #[test]
    fn latin1_page_declared_in_meta_decodes_norwegian_letters() {
        let (bytes, _, _) = WINDOWS_1252.encode(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body><p>kommunane i Ørsta og Volda, sjukeheimen på Åsen</p></body></html>",
        );
        let doc = decode(&bytes).unwrap();
        assert_eq!(doc.format, Format::Html);
        assert!(
            doc.text
                .contains("kommunane i Ørsta og Volda, sjukeheimen på Åsen")
        );
    }

    #[test]
    fn undeclared_latin1_text_is_detected() {
        let (bytes, _, _) =
            WINDOWS_1252.encode("Møtet i kommunestyret vart halde på rådhuset. Ordføraren leia møtet, og sjukeheimen var tema.");
        let doc = decode(&bytes).unwrap();
        assert_eq!(doc.format, Format::Text);
        assert!(doc.text.contains("Møtet"), "{}", doc.text);
        assert!(doc.text.contains("Ordføraren"));
    }

    #[test]
    fn utf8_wins_over_a_wrong_latin1_declaration() {
        let page = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Førde sjukehus</p></body></html>";
        let doc = decode(page.as_bytes()).unwrap();
        assert!(doc.text.contains("Førde sjukehus"));
    }

    #[test]
    fn utf8_with_a_few_bad_bytes_stays_utf8() {
        let mut bytes = "Partnarskapsmøte i mai: kommunane, sjukehusa og Ørsta"
            .as_bytes()
            .to_vec();
        bytes.extend_from_slice(b" \xff\xfe slutt");
        let doc = decode(&bytes).unwrap();
        assert!(
            doc.text.starts_with("Partnarskapsmøte i mai: kommunane"),
            "{}",
            doc.text
        );
    }

    #[test]
    fn mojibake_is_repaired() {
        let doc = decode("MÃ¸te i kommunestyret i Ã\u{2026}lesund".as_bytes()).unwrap();
        assert_eq!(doc.text, "Møte i kommunestyret i Ålesund");
    }

    #[test]
    fn empty_and_binary_files_are_refused() {
        assert_eq!(decode(b"  \n\t").unwrap_err(), SourceError::Empty);
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err(),
            SourceError::Binary
        );
    }

    #[test]
    fn ids_are_root_name_and_relative_path() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("arkiv");
        fs::create_dir_all(root.join("2023")).unwrap();
        fs::write(root.join("2023/mote.html"), "<p>x</p>").unwrap();
        fs::write(root.join("notat.pdf"), "x").unwrap();
        let (files, skipped) = discover(std::slice::from_ref(&root));
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].id, "arkiv/2023/mote.html");
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].reason, SkipReason::NotAReport);
    }
}
