//! Integration tests: they run the real `mdbib` executable on the project's fixtures.

mod batch;
mod common;
mod corpus;
mod enrich;
mod export;
mod failures;
mod styles;
mod toolchain;
mod writers;
