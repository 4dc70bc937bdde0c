//! A copy, in the browser's local storage, of what was typed into the assessment form but
//! is not yet on the server. It covers a closed tab, a crash and a lost connection: when
//! the page is opened again, the user is offered the fields the server does not have.
//!
//! The copy is keyed by user, round and unit, so a second person on the same browser is
//! never offered someone else's text. Each field keeps the fingerprint of the value it
//! replaced, so restoring it after someone else changed the field leads to a conflict,
//! never to a silent overwrite.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One field typed but not yet saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnsavedField {
    /// The value typed (`None` for a cleared rating).
    pub value: Option<String>,
    /// The fingerprint of the server's value the edit started from.
    pub base: String,
}

/// The unsaved fields of one form, by field name (`motivation:<statement>`, …).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LocalCopy {
    /// When it was last written: milliseconds since the epoch, by the browser's clock.
    pub written_at: f64,
    pub fields: BTreeMap<String, UnsavedField>,
}

/// Where the copy of one user's form for one unit and round is kept.
pub fn storage_key(user: i64, round: i64, unit: i64) -> String {
    format!("mognad:utkast:{user}:{round}:{unit}")
}

/// The copy kept under `key`, if any (and readable).
pub fn read(key: &str) -> Option<LocalCopy> {
    let text = browser::get(key)?;
    serde_json::from_str(&text).ok()
}

/// Keeps `copy` under `key`, or forgets the key when nothing is unsaved. A full or
/// disabled storage is ignored: the server copy is still being saved.
pub fn write(key: &str, copy: &LocalCopy) {
    if copy.fields.is_empty() {
        browser::remove(key);
    } else if let Ok(text) = serde_json::to_string(copy) {
        browser::set(key, &text);
    }
}

/// Forgets the copy under `key`.
pub fn remove(key: &str) {
    browser::remove(key);
}

/// The browser clock, in milliseconds since the epoch.
pub fn now() -> f64 {
    browser::now()
}

/// `written_at` as a clock time in the browser's time zone, e.g. `14:32`.
pub fn clock_time(written_at: f64) -> String {
    browser::clock_time(written_at)
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::window;
    use leptos::wasm_bindgen::JsValue;
    use leptos::web_sys::js_sys::Date;

    fn storage() -> Option<leptos::web_sys::Storage> {
        window().local_storage().ok().flatten()
    }

    pub fn get(key: &str) -> Option<String> {
        storage()?.get_item(key).ok().flatten()
    }

    pub fn set(key: &str, value: &str) {
        if let Some(storage) = storage() {
            let _ = storage.set_item(key, value);
        }
    }

    pub fn remove(key: &str) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(key);
        }
    }

    pub fn now() -> f64 {
        Date::now()
    }

    pub fn clock_time(millis: f64) -> String {
        let date = Date::new(&JsValue::from_f64(millis));
        format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
    }
}

/// On the server there is no browser storage: nothing is kept or found.
#[cfg(not(feature = "hydrate"))]
mod browser {
    pub fn get(_key: &str) -> Option<String> {
        None
    }

    pub fn set(_key: &str, _value: &str) {}

    pub fn remove(_key: &str) {}

    pub fn now() -> f64 {
        0.0
    }

    pub fn clock_time(_millis: f64) -> String {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_survives_its_text_form() {
        let mut copy = LocalCopy { written_at: 1_700_000_000_000.0, ..LocalCopy::default() };
        copy.fields.insert(
            "motivation:ledarskap_1".into(),
            UnsavedField { value: Some("Vi har </textarea> \"citat\" och 😀".into()), base: "00ff".into() },
        );
        copy.fields.insert("rating:ledarskap_1".into(), UnsavedField { value: None, base: "abcd".into() });
        let text = serde_json::to_string(&copy).unwrap();
        assert_eq!(serde_json::from_str::<LocalCopy>(&text).unwrap(), copy);
    }

    #[test]
    fn keys_differ_by_user_round_and_unit() {
        let keys = [storage_key(1, 2, 3), storage_key(9, 2, 3), storage_key(1, 9, 3), storage_key(1, 2, 9)];
        for (index, key) in keys.iter().enumerate() {
            assert!(keys[index + 1..].iter().all(|other| other != key));
        }
    }
}
