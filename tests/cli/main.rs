//! Integration tests: they run the real `mdbib` executable on the project's fixtures.

mod batch;
mod common;
mod corpus;
mod export;
mod failures;
