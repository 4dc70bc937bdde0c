//! The HTTP layers around every request.

pub mod same_origin;
pub mod security_headers;
pub mod server_fn_errors;
