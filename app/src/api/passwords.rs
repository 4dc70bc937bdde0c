//! Password hashing with Argon2id (through `password-auth`, RustCrypto's wrapper with
//! safe defaults). Hashing is slow on purpose, so it runs off the async threads.

use std::sync::LazyLock;

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

/// [`verify`] on a blocking thread.
pub async fn verify_blocking(password: String, stored: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || verify(&password, stored.as_deref())).await.unwrap_or(false)
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
}
