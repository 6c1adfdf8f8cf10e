//! Links the `referat` binary as a position-dependent executable on Linux.
//!
//! A position-independent executable has tens of thousands of pointers in its
//! tables (regex, HTML and tantivy data) that the dynamic loader must relocate at
//! every start, about a millisecond before `main` runs. `referat` is started once
//! per query, so that millisecond is a tenth of a search. Only the binaries are
//! linked this way; libraries, tests and build tools keep the defaults.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
