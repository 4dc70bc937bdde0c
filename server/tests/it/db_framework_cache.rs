//! Published framework versions are read once and shared; a draft is read afresh, so an
//! edit to it shows at once.

use crate::common;
use crate::common::Fixture;
use app::db;
use app::domain::ids::FrameworkVersionId;
use app::state::framework_cache::FrameworkCache;
use std::sync::Arc;

#[test]
fn a_published_version_is_read_once_and_a_draft_every_time() {
    common::run(async {
        let fixture = Fixture::new().await;
        // A draft beside the round's (published) version.
        let mut draft = fixture.framework.clone();
        draft.version_label = "2027 (utkast)".into();
        let mut conn = fixture.pool.acquire().await.unwrap();
        let version = db::framework::insert(&mut conn, "stockholm", &draft).await.unwrap();
        draft.version_id = version;
        let cache = FrameworkCache::default();

        // A draft: each read sees the latest text.
        assert_eq!(db::framework::is_frozen(&mut conn, version).await.unwrap(), Some(false));
        let first = cache.of_round(&fixture.pool, version).await.unwrap();
        assert_eq!(*first, draft);
        let mut edited = draft.clone();
        edited.dimensions[0].name = "Omskriven dimension".into();
        db::framework::replace_content(&mut conn, version, &edited).await.unwrap();
        let again = cache.of_round(&fixture.pool, version).await.unwrap();
        assert_eq!(again.dimensions[0].name, "Omskriven dimension");
        assert!(!Arc::ptr_eq(&first, &again));

        // Published: read once, the same shared value after.
        db::framework::freeze(&mut conn, version).await.unwrap();
        let published = cache.of_round(&fixture.pool, version).await.unwrap();
        assert_eq!(*published, edited);
        assert!(Arc::ptr_eq(&published, &cache.of_round(&fixture.pool, version).await.unwrap()));

        // A version that does not exist is an error, not a framework.
        assert!(cache.of_round(&fixture.pool, FrameworkVersionId(9_999)).await.is_err());
    })
}
