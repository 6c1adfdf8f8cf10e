//! Any bytes, as a file would give them: decoding and extraction must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use referat::extract::extract;
use referat::source::decode_document;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = decode_document(data, "fuzz/input".into(), "input".into()) {
        let _ = extract(&doc);
    }
});
