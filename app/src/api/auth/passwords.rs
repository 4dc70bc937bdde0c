//! Password hashing with Argon2id (through `password-auth`, RustCrypto's wrapper with
//! safe defaults). Hashing is slow on purpose, so it runs off the async threads, and only
//! a few at a time: each takes 19 MiB, and a flood of sign-ins must not take the memory.

use std::sync::LazyLock;
use tokio::sync::Semaphore;

/// A hash to verify against when the account does not exist, so that a wrong e-mail
/// address takes as long as a wrong password and does not reveal which accounts exist.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| password_auth::generate_hash("no such account"));

/// Hashes a new password.
pub fn hash(password: &str) -> String {
    password_auth::generate_hash(password)
}

/// Whether `password` matches `stored`. Without a stored hash it still does the work of
/// one check and answers no.
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    match stored {
        Some(hash) => password_auth::verify_password(password, hash).is_ok(),
        None => {
            let _ = password_auth::verify_password(password, &DUMMY_HASH);
            false
        }
    }
}

/// Runs `work` on a blocking thread once one of `permits` is free; `None` if it could not
/// run (the permits are closed, or the work panicked).
pub async fn bounded<T: Send + 'static>(permits: &Semaphore, work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let _permit = permits.acquire().await.ok()?;
    tokio::task::spawn_blocking(work).await.ok()
}

/// [`verify`] on a blocking thread, at most as many at once as `permits` allows.
pub async fn verify_blocking(permits: &Semaphore, password: String, stored: Option<String>) -> bool {
    bounded(permits, move || verify(&password, stored.as_deref())).await.unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let stored = hash("rätt lösenord");
        assert!(verify("rätt lösenord", Some(&stored)));
        assert!(!verify("fel lösenord", Some(&stored)));
        assert!(!verify("rätt lösenord", None));
        assert!(!verify("x", Some("not a hash")));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn no_more_hashes_run_at_once_than_there_are_permits() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicUsize, Ordering};

        let permits = Arc::new(Semaphore::new(2));
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..12 {
            let (permits, running, most) = (permits.clone(), running.clone(), most.clone());
            tasks.spawn(async move {
                bounded(&permits, move || {
                    let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    running.fetch_sub(1, Ordering::SeqCst);
                })
                .await
            });
        }
        while let Some(done) = tasks.join_next().await {
            assert_eq!(done.expect("task"), Some(()));
        }
        assert_eq!(most.load(Ordering::SeqCst), 2);
        assert!(crate::state::parallel_hashes() >= 2);
    }
}
