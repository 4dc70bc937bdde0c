//! The request id is the server's own: whatever `x-request-id` a client sends is dropped
//! before the request-id layer sets a fresh UUID, so no client text reaches the audit log
//! or comes back in the response.

use axum::extract::Request;

/// Removes any `x-request-id` the client sent.
pub async fn drop_incoming(mut request: Request) -> Request {
    request.headers_mut().remove("x-request-id");
    request
}
