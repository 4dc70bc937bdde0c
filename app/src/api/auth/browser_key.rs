//! The browser key (server only): a long-lived random key in a cookie, set when someone
//! signs in on a browser that has none. The server stores only its SHA-256, with who last
//! signed in on that browser (`db::known_browsers`). A form post that arrives after the
//! session expired is kept only for a browser known this way, and saved only when the same
//! person signs in on it again.

use crate::api::context::request_cookie;
use leptos::prelude::*;

/// The cookie's name over plain http (development, tests).
pub const COOKIE_NAME: &str = "mognad_browser";
/// The cookie's name over https: the `__Host-` prefix makes the browser refuse it unless it
/// is Secure, for the whole site and set by this host alone.
pub const SECURE_COOKIE_NAME: &str = "__Host-mognad_browser";
/// How long the browser keeps its key: a year.
const MAX_AGE_SECONDS: u32 = 365 * 24 * 60 * 60;

/// The cookie's name: `__Host-` prefixed when the service is on https.
pub fn cookie_name(secure: bool) -> &'static str {
    if secure { SECURE_COOKIE_NAME } else { COOKIE_NAME }
}

/// A browser's key: 32 lower-case hex digits of randomness.
#[derive(Clone, PartialEq, Eq)]
pub struct BrowserKey(String);

impl std::fmt::Debug for BrowserKey {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("BrowserKey(…)")
    }
}

impl BrowserKey {
    /// A new random key.
    pub fn generate() -> Self {
        BrowserKey(uuid::Uuid::new_v4().simple().to_string())
    }

    /// The key if `text` has its shape; anything else a browser sends is no key.
    pub fn parse(text: &str) -> Option<Self> {
        let well_formed = text.len() == 32 && text.bytes().all(|byte| matches!(byte, b'0'..=b'9' | b'a'..=b'f'));
        well_formed.then(|| BrowserKey(text.to_owned()))
    }

    /// The key this request's browser sent, if any.
    pub fn of_request(secure: bool) -> Option<Self> {
        request_cookie(cookie_name(secure)).as_deref().and_then(Self::parse)
    }

    /// What is stored of the key: its SHA-256 in hex.
    pub fn hash(&self) -> String {
        crate::api::sha256_hex::sha256_hex(&self.0)
    }

    /// The `Set-Cookie` value that gives the browser this key.
    pub fn cookie(&self, secure: bool) -> String {
        let name = cookie_name(secure);
        let secure = if secure { "; Secure" } else { "" };
        format!("{name}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={MAX_AGE_SECONDS}{secure}", self.0)
    }

    /// Gives the browser this key with the response being made.
    pub fn send(&self, secure: bool) {
        use http::header::{HeaderValue, SET_COOKIE};
        if let (Some(response), Ok(value)) =
            (use_context::<leptos_axum::ResponseOptions>(), HeaderValue::from_str(&self.cookie(secure)))
        {
            response.append_header(SET_COOKIE, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_key_of_the_right_shape_is_a_key() {
        let key = BrowserKey::generate();
        assert_eq!(BrowserKey::parse(&key.0), Some(key.clone()));
        assert_eq!(BrowserKey::parse("not-a-key"), None);
        assert_eq!(BrowserKey::parse(&"A".repeat(32)), None);
        assert_eq!(BrowserKey::parse(&"a".repeat(4096)), None);
        assert_ne!(BrowserKey::generate(), key, "keys are random");
    }

    #[test]
    fn only_the_hash_is_stored_and_it_is_stable() {
        let key = BrowserKey::parse(&"0".repeat(32)).unwrap();
        assert_eq!(key.hash().len(), 64);
        assert_eq!(key.hash(), key.hash());
        assert!(!key.hash().contains(&key.0));
    }

    #[test]
    fn over_https_the_cookie_is_host_only_and_secure() {
        let key = BrowserKey::generate();
        let cookie = key.cookie(true);
        assert!(cookie.starts_with("__Host-mognad_browser="), "{cookie}");
        assert!(cookie.contains("; Secure") && cookie.contains("Path=/") && !cookie.contains("Domain"));
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
        assert!(!key.cookie(false).contains("Secure"));
    }
}
