//! Locking the caches' mutexes. A cache holds values worked out from the database; a thread
//! that panicked while holding the lock cannot have left a wrong value in it (each value is
//! inserted whole), so the other requests go on with it rather than fail.

use std::sync::{Mutex, MutexGuard};

/// The guard of `mutex`, also if a thread panicked while holding it.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
