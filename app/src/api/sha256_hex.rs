//! What the server stores of a secret or of personal data it only needs to recognise: its
//! SHA-256 in hex (browser keys, password-link tokens, sign-in budget keys).

use sha2::{Digest, Sha256};

/// The SHA-256 of `text`, as 64 lower-case hex digits.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect()
}
