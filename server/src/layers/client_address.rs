//! The client's address behind a reverse proxy. The accept loop puts the TCP peer's address
//! into every request (`ConnectInfo`); behind a proxy that is the proxy's, the same for
//! everyone, and the sign-in limits per address would then throttle all users together.
//! When the server is told which header its proxy sets (`--client-address-header`, e.g.
//! `x-forwarded-for`), the last address in that header — the one the proxy itself saw —
//! becomes the client's address. Without that setting the header is ignored: anyone can
//! send it.

use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderName;
use axum::middleware::Next;
use axum::response::Response;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

/// The last address in the header's last line, as the proxy appended it.
pub fn last_address<'a>(values: impl Iterator<Item = &'a str>) -> Option<IpAddr> {
    let last = values.last()?.rsplit(',').next()?.trim();
    last.parse::<IpAddr>().ok().or_else(|| last.parse::<SocketAddr>().ok().map(|address| address.ip()))
}

pub async fn from_proxy(State(header): State<Arc<HeaderName>>, mut request: Request, next: Next) -> Response {
    let values = request.headers().get_all(&*header).iter().filter_map(|value| value.to_str().ok());
    if let Some(address) = last_address(values) {
        request.extensions_mut().insert(ConnectInfo(SocketAddr::new(address, 0)));
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_the_proxy_saw_is_the_last_one() {
        let client = last_address(["203.0.113.9, 198.51.100.2"].into_iter());
        assert_eq!(client, Some(IpAddr::from([198, 51, 100, 2])));
        let lines = last_address(["10.0.0.1", "2001:db8::7"].into_iter());
        assert_eq!(lines, "2001:db8::7".parse().ok());
        assert_eq!(last_address(["192.0.2.1:5123"].into_iter()), Some(IpAddr::from([192, 0, 2, 1])));
        assert_eq!(last_address(["unknown"].into_iter()), None);
        assert_eq!(last_address(std::iter::empty()), None);
    }
}
