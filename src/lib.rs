//! `referat`: a search engine for published meeting reports in Nynorsk.
//!
//! Data flows one way, one module per step:
//!
//! ```text
//! files/dirs ─► source ─► extract ─► Report ─► index ─► query ─► render
//! ```
//!
//! [`batch`] drives the first steps for `referat index`; [`commands`] is what each
//! subcommand does, for the thin `main`.

pub mod analysis;
pub mod batch;
pub mod commands;
pub mod extract;
pub mod index;
pub mod query;
pub mod render;
pub mod report;
pub mod source;
