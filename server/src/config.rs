//! Server configuration, from the command line and the environment.

use std::net::SocketAddr;
use std::time::Duration;

/// What the server needs to run.
#[derive(Clone, Debug)]
pub struct Config {
    /// e.g. `sqlite://var/mognad.db`
    pub database_url: String,
    pub address: SocketAddr,
    /// The address users reach the service at, e.g. `https://mognad.stockholm.se`. When it
    /// is https, cookies are marked Secure and named `__Host-…`. When unset, the Host
    /// header is the origin.
    pub public_url: Option<String>,
    pub timeouts: Timeouts,
    /// The header a reverse proxy in front of the server puts the client's address in
    /// (e.g. `x-forwarded-for`); unset, the TCP peer is the client.
    pub client_address_header: Option<axum::http::HeaderName>,
}

/// How long a client may take, so slow clients cannot hold connections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeouts {
    /// To send a request's headers (and, on a kept-alive connection, the next request's).
    pub header_read: Duration,
    /// For a whole request, body included, until the response starts: 408 after it.
    pub request: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts { header_read: Duration::from_secs(10), request: Duration::from_secs(30) }
    }
}

impl Config {
    /// Session cookies are `Secure` when the service is reached over https.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.as_deref().is_some_and(|url| url.starts_with("https://"))
    }

    /// The origin state-changing requests must come from, if configured
    /// (scheme://host[:port], without a trailing slash).
    pub fn allowed_origin(&self) -> Option<String> {
        self.public_url.as_deref().map(|url| url.trim_end_matches('/').to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(public_url: Option<&str>) -> Config {
        Config {
            database_url: "sqlite::memory:".into(),
            address: "127.0.0.1:3000".parse().unwrap(),
            public_url: public_url.map(str::to_owned),
            timeouts: Timeouts::default(),
            client_address_header: None,
        }
    }

    #[test]
    fn cookies_are_secure_behind_https_only() {
        assert!(config(Some("https://mognad.example/")).secure_cookies());
        assert!(!config(Some("http://localhost:3000")).secure_cookies());
        assert!(!config(None).secure_cookies());
    }

    #[test]
    fn the_allowed_origin_has_no_trailing_slash() {
        assert_eq!(config(Some("https://mognad.example/")).allowed_origin().as_deref(), Some("https://mognad.example"));
    }
}
