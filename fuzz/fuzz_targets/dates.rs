//! Any text, with and without a date context: date finding must never panic and
//! every date it returns must be a real calendar date inside the text's own words.
#![no_main]

use libfuzzer_sys::fuzz_target;
use referat::extract::dates::{DateContext, find_dates};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let contexts = [
        DateContext::default(),
        DateContext {
            reference: jiff::civil::Date::new(2023, 11, 21).ok(),
            year: Some(2023),
        },
    ];
    for ctx in &contexts {
        for found in find_dates(text, ctx) {
            assert!(found.start <= found.end && found.end <= text.len());
        }
    }
});
