//! A persistent cache of web API answers in an embedded SQLite database.
//!
//! Each answer is stored under a `(source, key)` pair, such as `("arxiv", "2101.00001")`, as a
//! value chosen by the caller (JSON text, say) or as a recorded miss, together with the time it
//! was stored. Several processes may share one cache directory: the database runs in WAL mode
//! with a busy timeout, and writes are short transactions.
//!
//! A cache file that cannot be used (not a database, corrupt, or of another schema version) is
//! moved aside and replaced by an empty cache, with a warning for the user.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rusqlite::{
    params, Connection, ErrorCode, OpenFlags, OptionalExtension, Transaction, TransactionBehavior,
};

/// The name of the database file inside the cache directory.
const FILE_NAME: &str = "cache.sqlite3";

/// Where an unusable database file is moved to, inside the cache directory.
const ASIDE_NAME: &str = "cache.sqlite3.old";

/// The file whose lock lets one process at a time replace an unusable cache.
const LOCK_NAME: &str = "cache.sqlite3.lock";

/// The schema version, kept in `PRAGMA user_version`.
const SCHEMA_VERSION: i64 = 1;

/// How long to wait for a lock held by another connection.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The path shown in errors of an in-memory cache.
const MEMORY: &str = ":memory:";

const SCHEMA: &str = "CREATE TABLE entries (
    source TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT,
    fetched_at INTEGER NOT NULL,
    PRIMARY KEY (source, key)
) WITHOUT ROWID";

/// A cached answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Cached {
    /// The source had an answer: the stored value.
    Hit(String),
    /// The source was asked and had no answer.
    Miss,
}

/// Why the cache could not be used.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    /// The cache directory could not be created.
    #[error("cannot create the cache directory {}: {message}", path.display())]
    Directory {
        /// The directory.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// An unusable cache file could not be moved aside or deleted.
    #[error("cannot replace the unusable cache {}: {message}", path.display())]
    Replace {
        /// The database file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// SQLite reported an error.
    #[error("cache {}: {message}", path.display())]
    Sqlite {
        /// The database file (`:memory:` for an in-memory cache).
        path: PathBuf,
        /// SQLite's message.
        message: String,
    },
}

/// A persistent (or in-memory) cache of answers keyed by `(source, key)`.
///
/// It is `Send + Sync`; calls on one `Cache` are serialized.
#[derive(Debug)]
pub struct Cache {
    conn: Mutex<Connection>,
    path: PathBuf,
    /// Opened for reading only: answers are looked up, new ones are not stored.
    read_only: bool,
}

/// Why a database file could not be opened.
enum OpenError {
    /// The file is unusable and should be replaced: the reason.
    Unusable(String),
    /// Another error (permissions, locks, full disk...): the file must be left alone.
    Other(rusqlite::Error),
}

impl From<rusqlite::Error> for OpenError {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                OpenError::Unusable(error.to_string())
            }
            _ => OpenError::Other(error),
        }
    }
}

/// What the schema check found.
enum Schema {
    /// The current schema.
    Current,
    /// A new database with no tables yet.
    Empty,
    /// Anything else: the reason.
    Unusable(String),
}

impl Cache {
    /// Opens or creates `dir/cache.sqlite3` (creating `dir`), WAL mode, busy timeout 10 s,
    /// schema created if missing.
    ///
    /// If the file is unusable (not a database, corrupt, failing `PRAGMA quick_check`, of an
    /// unknown schema or schema version), it is moved aside to `dir/cache.sqlite3.old` (or
    /// deleted if it cannot be moved) and an empty cache is created; the second item is then
    /// `Some` warning naming the path and the reason.
    pub fn open(dir: &Path) -> Result<(Cache, Option<String>), CacheError> {
        fs::create_dir_all(dir).map_err(|e| CacheError::Directory {
            path: dir.to_path_buf(),
            message: e.to_string(),
        })?;
        let path = dir.join(FILE_NAME);
        let reason = match open_file(&path) {
            // A file without write permission opens for reading only.
            Ok(conn) if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) => {
                let warning = format!(
                    "the cache {} cannot be written (permission denied); reading it without \
                     storing new answers",
                    path.display()
                );
                let mut cache = Cache::new(conn, path);
                cache.read_only = true;
                return Ok((cache, Some(warning)));
            }
            Ok(conn) => return Ok((Cache::new(conn, path), None)),
            Err(OpenError::Other(e)) => {
                // A filled cache that cannot be written (mounted read-only in CI) is still read.
                let Ok(conn) = open_read_only(&path) else {
                    return Err(sqlite_error(&path, &e));
                };
                let warning = format!(
                    "the cache {} cannot be written ({e}); reading it without storing new answers",
                    path.display()
                );
                let mut cache = Cache::new(conn, path);
                cache.read_only = true;
                return Ok((cache, Some(warning)));
            }
            Err(OpenError::Unusable(reason)) => reason,
        };
        // Several processes may find the file unusable at once: one at a time replaces it, and
        // the others then open the new one instead of moving it aside in turn.
        let lock = fs::File::create(dir.join(LOCK_NAME)).and_then(|f| f.lock().map(|()| f));
        if lock.is_ok() {
            if let Ok(conn) = open_file(&path) {
                if !conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true) {
                    return Ok((Cache::new(conn, path), None));
                }
            }
        }
        let fate = replace_file(&path)?;
        match open_file(&path) {
            Ok(conn) => {
                let warning = format!(
                    "the cache {} could not be used ({reason}); {fate} and started an empty cache",
                    path.display()
                );
                Ok((Cache::new(conn, path), Some(warning)))
            }
            Err(OpenError::Other(e)) => Err(sqlite_error(&path, &e)),
            Err(OpenError::Unusable(again)) => Err(CacheError::Sqlite {
                path,
                message: again,
            }),
        }
    }

    /// An in-memory cache, empty and gone when dropped (for `--no-cache` style uses and tests).
    pub fn in_memory() -> Result<Cache, CacheError> {
        let path = PathBuf::from(MEMORY);
        let conn = Connection::open_in_memory().map_err(|e| sqlite_error(&path, &e))?;
        conn.execute_batch(SCHEMA)
            .and_then(|()| conn.pragma_update(None, "user_version", SCHEMA_VERSION))
            .map_err(|e| sqlite_error(&path, &e))?;
        Ok(Cache::new(conn, path))
    }

    fn new(conn: Connection, path: PathBuf) -> Cache {
        Cache {
            conn: Mutex::new(conn),
            path,
            read_only: false,
        }
    }

    /// The database file, or `None` for an in-memory cache.
    pub fn path(&self) -> Option<&Path> {
        (self.path != Path::new(MEMORY)).then_some(self.path.as_path())
    }

    /// Looks up `(source, key)`. Hits older than `hit_ttl` and misses older than `miss_ttl`
    /// count as absent (`None`); a zero TTL makes every such answer absent.
    pub fn get(
        &self,
        source: &str,
        key: &str,
        hit_ttl: Duration,
        miss_ttl: Duration,
    ) -> Result<Option<Cached>, CacheError> {
        let conn = self.lock();
        let row = conn
            .prepare_cached("SELECT value, fetched_at FROM entries WHERE source = ?1 AND key = ?2")
            .and_then(|mut statement| {
                statement
                    .query_row(params![source, key], |row| {
                        Ok((row.get::<_, Option<String>>(0)?, row.get::<_, i64>(1)?))
                    })
                    .optional()
            })
            .map_err(|e| sqlite_error(&self.path, &e))?;
        let Some((value, fetched_at)) = row else {
            return Ok(None);
        };
        let age = Duration::from_secs(now().saturating_sub(fetched_at).max(0).unsigned_abs());
        Ok(match value {
            Some(value) if age < hit_ttl => Some(Cached::Hit(value)),
            None if age < miss_ttl => Some(Cached::Miss),
            _ => None,
        })
    }

    /// Stores many answers of `source` in one transaction (a value of `None` records a miss),
    /// replacing existing rows and recording the time stored.
    pub fn put_many(
        &self,
        source: &str,
        items: &[(String, Option<String>)],
    ) -> Result<(), CacheError> {
        if items.is_empty() || self.read_only {
            return Ok(());
        }
        let conn = self.lock();
        let fetched_at = now();
        let write = || -> rusqlite::Result<()> {
            let transaction = Transaction::new_unchecked(&conn, TransactionBehavior::Immediate)?;
            {
                let mut statement = transaction.prepare_cached(
                    "INSERT OR REPLACE INTO entries (source, key, value, fetched_at) \
                     VALUES (?1, ?2, ?3, ?4)",
                )?;
                for (key, value) in items {
                    statement.execute(params![source, key, value, fetched_at])?;
                }
            }
            transaction.commit()
        };
        write().map_err(|e| sqlite_error(&self.path, &e))
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Opens the database file, sets it up and checks it, retrying for up to [`BUSY_TIMEOUT`] while
/// another connection holds a lock (switching to WAL mode gets `SQLITE_BUSY` at once, without
/// the busy handler, while another connection sets up the same new file).
fn open_file(path: &Path) -> Result<Connection, OpenError> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match try_open_file(path) {
            Err(OpenError::Other(e)) if is_busy(&e) && Instant::now() < deadline => {
                thread::sleep(Duration::from_millis(fastrand::u64(5..50)));
            }
            result => return result,
        }
    }
}

fn is_busy(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

/// Opens the database file, sets it up and checks it.
fn try_open_file(path: &Path) -> Result<Connection, OpenError> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Reading the journal mode is the first access to the file: a file that is not a
    // database fails here.
    let mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    if mode.eq_ignore_ascii_case("wal") {
        conn.pragma_update(None, "synchronous", "NORMAL")?;
    }
    let problems = {
        let mut statement = conn.prepare("PRAGMA quick_check")?;
        let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
        rows.collect::<rusqlite::Result<Vec<String>>>()?
    };
    if problems.len() != 1 || problems[0] != "ok" {
        let first = problems.first().map(String::as_str).unwrap_or("no answer");
        return Err(OpenError::Unusable(format!("quick check failed: {first}")));
    }
    if let Schema::Current = schema(&conn)? {
        return Ok(conn);
    }
    // Check again in a write transaction, so that another process setting up the same new file
    // is not mistaken for a bad schema, and create the schema if it is still missing.
    let transaction = Transaction::new_unchecked(&conn, TransactionBehavior::Immediate)?;
    match schema(&transaction)? {
        Schema::Current => {}
        Schema::Unusable(reason) => return Err(OpenError::Unusable(reason)),
        Schema::Empty => {
            transaction.execute_batch(SCHEMA)?;
            transaction.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        }
    }
    transaction.commit()?;
    Ok(conn)
}

/// Opens an existing database file for reading only. `immutable` tells SQLite that nothing
/// changes the file, so it needs no lock or WAL files beside it, which a read-only directory
/// could not hold.
fn open_read_only(path: &Path) -> Result<Connection, String> {
    let mut uri = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            _ => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(uri, flags).map_err(|e| e.to_string())?;
    match schema(&conn).map_err(|e| e.to_string())? {
        Schema::Current => Ok(conn),
        Schema::Empty => Err("an empty database".into()),
        Schema::Unusable(reason) => Err(reason),
    }
}

/// Checks the schema version and the table.
fn schema(conn: &Connection) -> rusqlite::Result<Schema> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let tables: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'",
        [],
        |row| row.get(0),
    )?;
    if version == 0 && tables == 0 {
        return Ok(Schema::Empty);
    }
    if version != SCHEMA_VERSION {
        return Ok(Schema::Unusable(format!(
            "schema version {version}, expected {SCHEMA_VERSION}"
        )));
    }
    match conn.prepare("SELECT source, key, value, fetched_at FROM entries LIMIT 0") {
        Ok(_) => Ok(Schema::Current),
        Err(e) if is_busy(&e) => Err(e),
        Err(e) => Ok(Schema::Unusable(format!("unexpected schema: {e}"))),
    }
}

/// Moves the unusable database file aside (or deletes it) along with its WAL files; tells
/// what was done.
fn replace_file(path: &Path) -> Result<String, CacheError> {
    let aside = path.with_file_name(ASIDE_NAME);
    let fate = match fs::remove_file(&aside)
        .or_else(ignore_not_found)
        .and_then(|()| fs::rename(path, &aside))
    {
        Ok(()) => format!("moved it to {}", aside.display()),
        Err(_) => {
            fs::remove_file(path)
                .or_else(ignore_not_found)
                .map_err(|e| CacheError::Replace {
                    path: path.to_path_buf(),
                    message: e.to_string(),
                })?;
            "deleted it".to_owned()
        }
    };
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        fs::remove_file(PathBuf::from(side))
            .or_else(ignore_not_found)
            .map_err(|e| CacheError::Replace {
                path: path.to_path_buf(),
                message: e.to_string(),
            })?;
    }
    Ok(fate)
}

fn ignore_not_found(error: io::Error) -> io::Result<()> {
    if error.kind() == io::ErrorKind::NotFound {
        Ok(())
    } else {
        Err(error)
    }
}

fn sqlite_error(path: &Path, error: &rusqlite::Error) -> CacheError {
    CacheError::Sqlite {
        path: path.to_path_buf(),
        message: error.to_string(),
    }
}

/// The current time in Unix seconds (0 before 1970).
fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Barrier};

    const DAY: Duration = Duration::from_secs(86_400);

    fn items(pairs: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.map(str::to_string)))
            .collect()
    }

    fn count(cache: &Cache) -> i64 {
        cache
            .lock()
            .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn cache_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Cache>();
    }

    fn roundtrip(cache: &Cache) {
        cache
            .put_many(
                "arxiv",
                &items(&[
                    ("2101.00001", Some(r#"{"title":"A"}"#)),
                    ("9999.99999", None),
                ]),
            )
            .unwrap();
        assert_eq!(
            cache.get("arxiv", "2101.00001", DAY, DAY).unwrap(),
            Some(Cached::Hit(r#"{"title":"A"}"#.to_string()))
        );
        assert_eq!(
            cache.get("arxiv", "9999.99999", DAY, DAY).unwrap(),
            Some(Cached::Miss)
        );
        assert_eq!(cache.get("arxiv", "other", DAY, DAY).unwrap(), None);
        assert_eq!(cache.get("crossref", "2101.00001", DAY, DAY).unwrap(), None);
    }

    #[test]
    fn roundtrip_in_memory() {
        let cache = Cache::in_memory().unwrap();
        assert_eq!(cache.path(), None);
        roundtrip(&cache);
    }

    #[test]
    fn roundtrip_on_disk_and_persists() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a").join("b");
        let (cache, warning) = Cache::open(&sub).unwrap();
        assert_eq!(warning, None);
        assert_eq!(cache.path(), Some(sub.join(FILE_NAME).as_path()));
        roundtrip(&cache);
        drop(cache);
        let (cache, warning) = Cache::open(&sub).unwrap();
        assert_eq!(warning, None);
        assert_eq!(
            cache.get("arxiv", "9999.99999", DAY, DAY).unwrap(),
            Some(Cached::Miss)
        );
        let mode: String = cache
            .lock()
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }

    /// A cache that cannot be written is read as it is, and storing into it changes nothing.
    #[test]
    fn read_only_cache_answers_and_stores_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("odd?name#%");
        let (cache, _) = Cache::open(&sub).unwrap();
        roundtrip(&cache);
        drop(cache);
        let path = sub.join(FILE_NAME);
        let mut cache = Cache::new(open_read_only(&path).unwrap(), path.clone());
        cache.read_only = true;
        let miss = cache.get("arxiv", "9999.99999", DAY, DAY).unwrap();
        assert_eq!(miss, Some(Cached::Miss));
        cache
            .put_many("arxiv", &items(&[("new", Some("v"))]))
            .unwrap();
        assert_eq!(cache.get("arxiv", "new", DAY, DAY).unwrap(), None);
        drop(cache);
        // An empty database is no cache to read.
        let empty = dir.path().join("empty.sqlite3");
        Connection::open(&empty)
            .unwrap()
            .execute_batch("VACUUM")
            .unwrap();
        assert!(open_read_only(&empty).is_err());
    }

    #[test]
    fn ttl_expiry() {
        let cache = Cache::in_memory().unwrap();
        cache
            .put_many("s", &items(&[("hit", Some("v")), ("miss", None)]))
            .unwrap();
        assert_eq!(cache.get("s", "hit", Duration::ZERO, DAY).unwrap(), None);
        assert_eq!(cache.get("s", "miss", DAY, Duration::ZERO).unwrap(), None);
        assert_eq!(
            cache.get("s", "hit", DAY, Duration::ZERO).unwrap(),
            Some(Cached::Hit("v".into()))
        );
        assert_eq!(
            cache.get("s", "miss", Duration::ZERO, DAY).unwrap(),
            Some(Cached::Miss)
        );
        // An answer stored 100 s ago.
        cache
            .lock()
            .execute("UPDATE entries SET fetched_at = fetched_at - 100", [])
            .unwrap();
        let secs = Duration::from_secs;
        assert_eq!(cache.get("s", "hit", secs(50), DAY).unwrap(), None);
        assert_eq!(
            cache.get("s", "hit", secs(200), DAY).unwrap(),
            Some(Cached::Hit("v".into()))
        );
        assert_eq!(cache.get("s", "miss", DAY, secs(50)).unwrap(), None);
        assert_eq!(
            cache.get("s", "miss", DAY, Duration::MAX).unwrap(),
            Some(Cached::Miss)
        );
    }

    #[test]
    fn put_many_replaces() {
        let cache = Cache::in_memory().unwrap();
        cache.put_many("s", &items(&[("k", Some("old"))])).unwrap();
        cache.put_many("s", &items(&[("k", Some("new"))])).unwrap();
        assert_eq!(
            cache.get("s", "k", DAY, DAY).unwrap(),
            Some(Cached::Hit("new".into()))
        );
        cache.put_many("s", &items(&[("k", None)])).unwrap();
        assert_eq!(cache.get("s", "k", DAY, DAY).unwrap(), Some(Cached::Miss));
        cache.put_many("s", &items(&[("k", Some("back"))])).unwrap();
        assert_eq!(
            cache.get("s", "k", DAY, DAY).unwrap(),
            Some(Cached::Hit("back".into()))
        );
        cache.put_many("s", &[]).unwrap();
        assert_eq!(count(&cache), 1);
    }

    #[test]
    fn garbage_file_is_replaced_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FILE_NAME);
        let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 7 + 13) as u8).collect();
        fs::write(&file, &garbage).unwrap();
        let (cache, warning) = Cache::open(dir.path()).unwrap();
        let warning = warning.unwrap();
        assert!(warning.contains(&file.display().to_string()), "{warning}");
        assert!(warning.contains(ASIDE_NAME), "{warning}");
        assert_eq!(fs::read(dir.path().join(ASIDE_NAME)).unwrap(), garbage);
        roundtrip(&cache);
        drop(cache);
        let (_, warning) = Cache::open(dir.path()).unwrap();
        assert_eq!(warning, None);
    }

    #[test]
    fn short_garbage_file_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(FILE_NAME), "not a database\n").unwrap();
        let (cache, warning) = Cache::open(dir.path()).unwrap();
        assert!(warning.is_some());
        roundtrip(&cache);
    }

    #[test]
    fn empty_file_is_a_new_cache() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(FILE_NAME), "").unwrap();
        let (cache, warning) = Cache::open(dir.path()).unwrap();
        assert_eq!(warning, None);
        roundtrip(&cache);
    }

    #[test]
    fn damaged_pages_are_detected() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FILE_NAME);
        {
            let (cache, _) = Cache::open(dir.path()).unwrap();
            let rows: Vec<(String, Option<String>)> = (0..2000)
                .map(|i| (format!("key{i:05}"), Some("x".repeat(200))))
                .collect();
            cache.put_many("s", &rows).unwrap();
        }
        let mut bytes = fs::read(&file).unwrap();
        assert!(bytes.len() > 100_000, "{}", bytes.len());
        for (i, b) in bytes.iter_mut().enumerate().skip(4096) {
            *b = (i % 251) as u8;
        }
        fs::write(&file, &bytes).unwrap();
        let (cache, warning) = Cache::open(dir.path()).unwrap();
        assert!(warning.is_some());
        assert_eq!(count(&cache), 0);
        roundtrip(&cache);
    }

    #[test]
    fn other_schema_version_is_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        {
            let (cache, _) = Cache::open(dir.path()).unwrap();
            cache.put_many("s", &items(&[("k", Some("v"))])).unwrap();
            cache
                .lock()
                .pragma_update(None, "user_version", 99)
                .unwrap();
        }
        let (cache, warning) = Cache::open(dir.path()).unwrap();
        let warning = warning.unwrap();
        assert!(warning.contains("schema version 99"), "{warning}");
        assert_eq!(cache.get("s", "k", DAY, DAY).unwrap(), None);
        roundtrip(&cache);
    }

    #[test]
    fn foreign_schema_is_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        {
            let conn = Connection::open(dir.path().join(FILE_NAME)).unwrap();
            conn.execute_batch("CREATE TABLE entries (a INTEGER); PRAGMA user_version = 1;")
                .unwrap();
        }
        let (cache, warning) = Cache::open(dir.path()).unwrap();
        assert!(warning.unwrap().contains("unexpected schema"));
        roundtrip(&cache);

        let dir = tempfile::tempdir().unwrap();
        {
            let conn = Connection::open(dir.path().join(FILE_NAME)).unwrap();
            conn.execute_batch("CREATE TABLE other (a INTEGER);")
                .unwrap();
        }
        let (cache, warning) = Cache::open(dir.path()).unwrap();
        assert!(warning.unwrap().contains("schema version 0"));
        roundtrip(&cache);
    }

    #[test]
    fn directory_that_is_a_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("blocker");
        fs::write(&blocker, "x").unwrap();
        let err = Cache::open(&blocker.join("cache")).unwrap_err();
        assert!(matches!(err, CacheError::Directory { .. }), "{err:?}");
        assert!(err.to_string().contains("blocker"), "{err}");
    }

    #[test]
    fn concurrent_writers_on_one_directory() {
        let dir = tempfile::tempdir().unwrap();
        let barrier = Arc::new(Barrier::new(2));
        let handles: Vec<_> = (0..2)
            .map(|t| {
                let dir = dir.path().to_path_buf();
                let barrier = Arc::clone(&barrier);
                thread::spawn(move || {
                    barrier.wait();
                    let (cache, warning) = Cache::open(&dir).unwrap();
                    assert_eq!(warning, None, "thread {t}");
                    for i in 0..200 {
                        let value = (i % 3 != 0).then(|| format!("{{\"t\":{t},\"i\":{i}}}"));
                        cache
                            .put_many("s", &[(format!("t{t}-{i}"), value)])
                            .unwrap();
                        if i % 10 == 0 {
                            cache.get("s", &format!("t{t}-{i}"), DAY, DAY).unwrap();
                        }
                    }
                })
            })
            .collect();
        for handle in handles {
            handle.join().unwrap();
        }
        let (cache, warning) = Cache::open(dir.path()).unwrap();
        assert_eq!(warning, None);
        assert_eq!(count(&cache), 400);
        for t in 0..2 {
            for i in 0..200 {
                let expected = if i % 3 == 0 {
                    Cached::Miss
                } else {
                    Cached::Hit(format!("{{\"t\":{t},\"i\":{i}}}"))
                };
                assert_eq!(
                    cache.get("s", &format!("t{t}-{i}"), DAY, DAY).unwrap(),
                    Some(expected)
                );
            }
        }
    }

    /// Several processes finding one damaged cache at once: one moves it aside, the others use
    /// the new cache, and the damaged file is what ends up aside.
    #[test]
    fn a_damaged_cache_opened_at_once_is_replaced_once() {
        let dir = tempfile::tempdir().unwrap();
        let garbage: Vec<u8> = (0..100_000u32).map(|i| (i * 7 + 13) as u8).collect();
        fs::write(dir.path().join(FILE_NAME), &garbage).unwrap();
        let barrier = Arc::new(Barrier::new(4));
        let handles: Vec<_> = (0..4)
            .map(|t| {
                let dir = dir.path().to_path_buf();
                let barrier = Arc::clone(&barrier);
                thread::spawn(move || {
                    barrier.wait();
                    let (cache, warning) = Cache::open(&dir).unwrap();
                    cache
                        .put_many("s", &[(format!("t{t}"), Some("v".into()))])
                        .unwrap();
                    warning.is_some()
                })
            })
            .collect();
        let warned = handles
            .into_iter()
            .map(|h| h.join().unwrap())
            .filter(|w| *w)
            .count();
        assert_eq!(warned, 1, "one replacement, one warning");
        assert_eq!(fs::read(dir.path().join(ASIDE_NAME)).unwrap(), garbage);
        let (cache, warning) = Cache::open(dir.path()).unwrap();
        assert_eq!(warning, None);
        assert_eq!(count(&cache), 4, "every thread's answer kept");
    }

    #[test]
    fn error_names_the_path() {
        let err = sqlite_error(
            Path::new("/x/cache.sqlite3"),
            &rusqlite::Error::InvalidQuery,
        );
        assert!(
            err.to_string().starts_with("cache /x/cache.sqlite3: "),
            "{err}"
        );
    }
}
