//! Files to download: tables as CSV (two dialects) and XLSX, under the same rights as the
//! pages they come from.

#[cfg(feature = "ssr")]
pub mod csv;
pub mod dialect;
#[cfg(feature = "ssr")]
pub mod results_tables;
#[cfg(feature = "ssr")]
pub mod table;
pub mod which;
#[cfg(feature = "ssr")]
pub mod xlsx;
