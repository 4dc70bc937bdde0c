//! The HTTP layers around every request.

pub mod client_address;
pub mod document_end;
pub mod no_store;
pub mod request_id;
pub mod same_origin;
pub mod security_headers;
pub mod server_fn_errors;
pub mod sign_in_first;
