//! Files to download (server only): tables as CSV for Swedish Excel.

pub mod csv;
