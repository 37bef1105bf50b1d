//! Integration tests: they run the real `mdbib` executable on the project's fixtures.

mod common;
mod enrich;
mod export;
mod failures;
mod hostile;
mod properties;
mod soak;
mod toolchain;
mod writers;
