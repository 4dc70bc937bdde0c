//! Published framework versions, loaded once and shared (server only).
//!
//! Every form, save, history and results computation needs its round's framework: six
//! dimensions, their statements, levels and descriptors, which take several queries to read
//! and many small allocations to build. A published version never changes — the database
//! refuses every write to it (`framework_version_frozen_*` triggers) — so it is read once
//! and shared (`Arc`) by every request after. A draft is read afresh each time. Every
//! server instance keeps its own copy; nothing needs telling, since nothing in it changes.

use crate::db::error::{DbError, DbResult};
use crate::db::{self, Pool};
use crate::domain::framework::Framework;
use crate::domain::ids::FrameworkVersionId;
use crate::state::lock::lock;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Published versions read so far; cheap to clone (shared).
#[derive(Clone, Debug, Default)]
pub struct FrameworkCache {
    published: Arc<Mutex<HashMap<FrameworkVersionId, Arc<Framework>>>>,
}

impl FrameworkCache {
    /// The framework version a round uses: it must exist (the schema's foreign key says so).
    pub async fn of_round(&self, pool: &Pool, id: FrameworkVersionId) -> DbResult<Arc<Framework>> {
        if let Some(known) = self.known(id) {
            return Ok(known);
        }
        let mut conn = pool.acquire().await?;
        // Frozen before it is read, so what is read is what it stays.
        let frozen = db::framework::is_frozen(&mut conn, id).await? == Some(true);
        let framework = db::framework::load_in(&mut conn, id)
            .await?
            .ok_or(DbError::Inconsistent("a round's framework version is missing"))?;
        let framework = Arc::new(framework);
        if frozen {
            lock(&self.published).insert(id, Arc::clone(&framework));
        }
        Ok(framework)
    }

    fn known(&self, id: FrameworkVersionId) -> Option<Arc<Framework>> {
        lock(&self.published).get(&id).map(Arc::clone)
    }
}
