//! What the form's island starts from: its props, made on the server from the assessment
//! and the page's address. They hold no descriptions of the framework and none of the
//! unit's texts (the server renders those into the form): only names, fingerprints, the
//! chosen ratings and what the page opens with, so the page and the script stay small.

use crate::api::assessment::AssessmentView;
use crate::api::error::AppError;
use crate::domain::changes::AnswerField;
use crate::domain::completeness::Gap;
use crate::domain::fingerprint::fingerprint;
use crate::domain::framework::Framework;
use crate::domain::ids::{NodeId, RoundId};
use crate::domain::merge::FieldConflict;
use crate::routes::{Notice, Notices, address};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

/// What the page's address says about how the form opens (read on the server).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormOpening {
    /// This page, with its query: where to come back to after signing in again.
    pub address: String,
    /// A script-free submission was refused (`?ofullstandig=1`): show the gaps.
    pub asked_for_gaps: bool,
    /// A script-free save succeeded (`?sparad=1`).
    pub saved_without_script: bool,
    /// A script-free save failed with this error (`?fel=`).
    pub returned_error: Option<AppError>,
}

impl FormOpening {
    pub fn from_notices(notices: &Notices, path: &str, query: &str) -> Self {
        FormOpening {
            address: address(path, query),
            asked_for_gaps: notices.has(&Notice::Incomplete),
            saved_without_script: notices.has(&Notice::Saved),
            returned_error: notices.failure().and_then(|(code, _)| AppError::from_code(code)),
        }
    }
}

/// The form island's props.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormStart {
    /// The round's framework, names only (`Framework::names_only`).
    pub framework: Arc<Framework>,
    pub round: RoundId,
    pub unit: NodeId,
    /// Who is looking: keys the copy of unsaved text kept in this browser.
    pub viewer_id: i64,
    /// The version the form is based on.
    pub version: i64,
    /// The fingerprint of each field that has a value, by field name; every other field
    /// starts empty.
    pub filled: HashMap<String, String>,
    /// The rating chosen for each rated statement (form value by statement key).
    pub ratings: HashMap<String, String>,
    pub conflicts: Vec<FieldConflict>,
    /// The gaps to list at once (a script-free submission was refused); else empty.
    pub gaps: Vec<Gap>,
    pub opening: FormOpening,
}

impl FormStart {
    pub fn new(view: &AssessmentView, opening: FormOpening) -> Self {
        let answers = view.answers.clone().unwrap_or_default();
        let empty = fingerprint(None);
        let filled = AnswerField::all_of(&view.framework)
            .map(|field| (field.to_string(), fingerprint(field.value_in(&answers).as_deref())))
            .filter(|(_, print)| *print != empty)
            .collect();
        let ratings = answers.ratings.iter().map(|(key, rating)| (key.to_string(), rating.form_value())).collect();
        FormStart {
            framework: Arc::new(view.framework.names_only()),
            round: view.round.id,
            unit: view.unit_id,
            viewer_id: view.viewer_id,
            version: view.version,
            filled,
            ratings,
            conflicts: view.conflicts.clone(),
            gaps: if opening.asked_for_gaps { view.gaps.clone() } else { Vec::new() },
            opening,
        }
    }
}
