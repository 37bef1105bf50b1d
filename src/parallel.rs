//! Work split over two threads: a long file's entries are read and written independently of
//! each other, so two cores do it in about half the time.

/// Runs `now` on the first half of `items` in this thread while `later` runs on the second
/// half in another, and gives both results. Fewer than `from` items are not split: `now` gets
/// them all and `later` none, in this thread.
pub fn halves<'t, T: Sync, A, B: Send>(
    items: &'t [T],
    from: usize,
    now: impl FnOnce(&'t [T]) -> A,
    later: impl Fn(&'t [T]) -> B + Sync,
) -> (A, B) {
    if items.len() < from {
        return (now(items), later(&[]));
    }
    let (first, second) = items.split_at(items.len() / 2);
    std::thread::scope(|scope| {
        let later = &later;
        // Where no thread can be made (a process limit), the second half is done here too.
        let spawned = std::thread::Builder::new().spawn_scoped(scope, move || later(second));
        let a = now(first);
        let b = match spawned {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => later(second),
        };
        (a, b)
    })
}

/// Lists with at least this many entries are split: below it, a thread costs more than it saves.
pub const FROM: usize = 1000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_half_goes_to_its_own_function_in_order() {
        let items: Vec<usize> = (0..FROM + 1).collect();
        let (a, b) = halves(&items, FROM, <[usize]>::to_vec, <[usize]>::to_vec);
        assert_eq!(a.len(), FROM / 2);
        assert_eq!([a, b].concat(), items);
        let (a, b) = halves(&items[..3], FROM, <[usize]>::to_vec, <[usize]>::to_vec);
        assert_eq!((a, b), (vec![0, 1, 2], vec![]));
    }
}
