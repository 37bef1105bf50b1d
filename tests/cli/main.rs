//! Integration tests: they run the real `mdbib` executable on the project's fixtures.

mod batch;
mod common;
mod corpus;
mod enrich;
mod export;
mod failures;
mod hostile;
mod properties;
mod soak;
mod sources;
mod styles;
mod toolchain;
mod writers;
