//! Every address of the app, and every outcome notice carried in an address, built and read
//! in one place: pages link with these, server functions redirect with them, and the
//! server's layers read them.

use crate::domain::ids::{FrameworkVersionId, NodeId, ReminderId, RoundId, UserId};
use crate::domain::org_change::RawChange;
use crate::domain::round_lifecycle::Move;

/// The start page.
pub const HOME: &str = "/";
/// The sign-in page.
pub const SIGN_IN: &str = "/logga-in";
/// The accessibility statement (public, linked from every page's footer).
pub const ACCESSIBILITY: &str = "/tillganglighet";
/// Results and comparisons.
pub const RESULTS: &str = "/resultat";
/// The charts of a results page (`/resultat/diagram/{chart}.{svg|png}`).
pub const RESULT_CHARTS: &str = "/resultat/diagram";
/// Board presentations (`?omgang=&nod=`).
pub const PRESENTATION: &str = "/resultat/presentation";
/// Downloads of a results page's tables (`.xlsx`, `/{table}.csv`).
pub const RESULT_EXPORTS: &str = "/resultat/export";
/// The address plain forms post the assessment to (its server function).
pub const SAVE_ASSESSMENT: &str = "/api/save_assessment";

/// The administration's start page.
pub const ADMIN: &str = "/admin";
/// Rounds: the list, and a new one.
pub const ADMIN_ROUNDS: &str = "/admin/omgangar";
pub const ADMIN_NEW_ROUND: &str = "/admin/omgangar/ny";
/// Framework versions: the list, uploading a file, comparing two (`?a=&b=`).
pub const ADMIN_FRAMEWORKS: &str = "/admin/ramverk";
pub const ADMIN_FRAMEWORK_UPLOAD: &str = "/admin/ramverk/ladda-upp";
pub const ADMIN_FRAMEWORK_COMPARE: &str = "/admin/ramverk/jamfor";
/// The route of a version's TOML file, as the server's router lists it.
pub const FRAMEWORK_TOML_ROUTE: &str = "/admin/ramverk/{version}/ramverk.toml";
/// People and their roles.
pub const ADMIN_PEOPLE: &str = "/admin/personer";
/// The organisation tree: browsing and searching it (`?q=`).
pub const ADMIN_ORGANISATION: &str = "/admin/organisation";
/// The log of administrative changes.
pub const ADMIN_LOG: &str = "/admin/logg";
/// A new person (`?enhet=` to appoint them unit manager of a unit).
pub const ADMIN_NEW_PERSON: &str = "/admin/personer/ny";
/// Importing unit managers from a file.
pub const ADMIN_IMPORT: &str = "/admin/personer/import";
/// The address plain forms post an import file to (multipart, not a server function).
pub const IMPORT_UPLOAD: &str = "/api/people_import_upload";
/// Changing the organisation with an effective date (`?node=` starts with that organisation).
pub const ADMIN_ORG_CHANGE: &str = "/admin/organisation/andring";
/// Importing the organisation from the HR register.
pub const ADMIN_ORG_IMPORT: &str = "/admin/organisation/import";
/// The address plain forms post an HR register file to (multipart, not a server function).
pub const ORG_IMPORT_UPLOAD: &str = "/api/org_import_upload";
/// The page to choose a password on, reached through a one-time link.
pub const SET_PASSWORD: &str = "/losenord";
/// Its route as the router lists it (a public page).
pub const SET_PASSWORD_ROUTE: &str = "/losenord/{token}";

/// A round in the administration.
pub fn admin_round_path(round: RoundId) -> String {
    format!("{ADMIN_ROUNDS}/{round}")
}

/// The confirmation of a step in a round's life, e.g. `/admin/omgangar/5/oppna`.
pub fn admin_round_move_path(round: RoundId, step: Move) -> String {
    format!("{ADMIN_ROUNDS}/{round}/{}", step.key())
}

/// A framework version's page.
pub fn framework_path(version: FrameworkVersionId) -> String {
    format!("{ADMIN_FRAMEWORKS}/{version}")
}

/// A draft's general texts (name, label, levels, groups) to edit.
pub fn framework_general_path(version: FrameworkVersionId) -> String {
    format!("{ADMIN_FRAMEWORKS}/{version}/allmant")
}

/// One dimension of a draft to edit.
pub fn framework_dimension_path(version: FrameworkVersionId, dimension: &str) -> String {
    format!("{ADMIN_FRAMEWORKS}/{version}/dimension/{}", urlencode(dimension))
}

/// A version as the TOML file the seeder reads (a download).
pub fn framework_toml_path(version: FrameworkVersionId) -> String {
    format!("{ADMIN_FRAMEWORKS}/{version}/ramverk.toml")
}

/// Two versions side by side: what changed from `a` to `b`.
pub fn framework_compare_path(a: FrameworkVersionId, b: FrameworkVersionId) -> String {
    format!("{ADMIN_FRAMEWORK_COMPARE}?a={a}&b={b}")
}

/// The admin log as a CSV file for Swedish Excel (with the page's filters as its query).
pub const ADMIN_LOG_CSV: &str = "/admin/logg.csv";

/// The admin log filtered to one round.
pub fn admin_log_of_round(round: RoundId) -> String {
    format!("{ADMIN_LOG}?omgang={round}")
}

/// A person in the administration.
pub fn admin_person_path(person: UserId) -> String {
    format!("{ADMIN_PEOPLE}/{person}")
}

/// The board presentation of an organisation in a round (a stable link).
pub fn presentation_path(round: RoundId, node: NodeId) -> String {
    format!("{PRESENTATION}?omgang={round}&nod={node}")
}

/// Where the presenter prepares it.
pub fn presentation_edit_path(round: RoundId, node: NodeId) -> String {
    format!("{PRESENTATION}/forbered?omgang={round}&nod={node}")
}

/// The page confirming that a person is to be deactivated (`active` false) or reactivated.
pub fn person_activation_path(person: UserId, active: bool) -> String {
    format!("{}/{}", admin_person_path(person), if active { "aktivera" } else { "inaktivera" })
}

/// A new person to appoint unit manager of `unit`.
pub fn new_unit_manager_path(unit: NodeId) -> String {
    format!("{ADMIN_NEW_PERSON}?enhet={unit}")
}

/// An import kept for review (or its outcome).
pub fn import_review_path(token: &str) -> String {
    format!("{ADMIN_IMPORT}/{}", urlencode(token))
}

/// An organisation's page in the tree: its history, what is under it, who can see it.
pub fn org_node_path(node: NodeId) -> String {
    format!("{ADMIN_ORGANISATION}/{node}")
}

/// The change page started with `node` (as the organisation to change).
pub fn org_change_path(node: NodeId) -> String {
    format!("{ADMIN_ORG_CHANGE}?node={node}")
}

/// The change page with every field of `change` filled in, asking for its review.
pub fn org_change_review_path(change: &RawChange) -> String {
    let fields = [
        ("kind", &change.kind),
        ("node", &change.node),
        ("nodes", &change.nodes),
        ("parent", &change.parent),
        ("successor", &change.successor),
        ("name", &change.name),
        ("names", &change.names),
        ("org_kind", &change.org_kind),
        ("effective", &change.effective),
        ("reason", &change.reason),
    ];
    let query: Vec<String> = fields
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| format!("{key}={}", urlencode(value)))
        .collect();
    format!("{ADMIN_ORG_CHANGE}?{}&review=1", query.join("&"))
}

/// An HR import kept for review (or its outcome).
pub fn org_import_review_path(token: &str) -> String {
    format!("{ADMIN_ORG_IMPORT}/{}", urlencode(token))
}

/// Who can see an organisation: everyone whose role covers it.
pub fn node_access_path(node: NodeId) -> String {
    format!("/admin/organisation/{node}/behorigheter")
}

/// The page a one-time link to choose a password leads to.
pub fn set_password_path(token: &str) -> String {
    format!("{SET_PASSWORD}/{}", urlencode(token))
}

/// A round's progress page.
pub fn round_path(round: RoundId) -> String {
    format!("/omgangar/{round}")
}

/// The units of a round's progress page as a CSV file (with the page's filter as query).
pub fn units_csv_path(round: RoundId) -> String {
    format!("/omgangar/{round}/enheter.csv")
}

/// The same list as an XLSX workbook.
pub fn units_xlsx_path(round: RoundId) -> String {
    format!("/omgangar/{round}/enheter.xlsx")
}

/// Writing a reminder to the managers of a round's units that have not submitted.
pub fn reminder_path(round: RoundId) -> String {
    format!("/omgangar/{round}/paminnelse")
}

/// Reviewing a reminder before it is sent (the text and filter in the query).
pub fn reminder_review_path(round: RoundId) -> String {
    format!("{}/granska", reminder_path(round))
}

/// A sent reminder: how far its sending has come, and to whom.
pub fn reminder_status_path(round: RoundId, reminder: ReminderId) -> String {
    format!("/omgangar/{round}/paminnelser/{reminder}")
}

/// A unit's assessment page in a round.
pub fn assessment_path(round: RoundId, unit: NodeId) -> String {
    format!("/omgangar/{round}/enheter/{unit}")
}

/// The change history of a unit's assessment in a round.
pub fn history_path(round: RoundId, unit: NodeId) -> String {
    format!("{}/historik", assessment_path(round, unit))
}

/// The improvement actions of a unit's assessment in a round.
pub fn actions_path(round: RoundId, unit: NodeId) -> String {
    format!("{}/atgarder", assessment_path(round, unit))
}

/// The element id of an improvement action on its page.
pub fn action_anchor(id: i64) -> String {
    format!("atgard-{id}")
}

/// The element id of a dimension's heading in the assessment form.
pub fn dimension_anchor(key: &str) -> String {
    format!("dimension-{key}")
}

/// The element id of a statement's fieldset in the assessment form.
pub fn statement_anchor(key: &str) -> String {
    format!("pastaende-{key}")
}

/// A page's address from its path and its query (as the router gives them: without `?`).
pub fn address(path: &str, query: &str) -> String {
    let query = query.trim_start_matches('?');
    if query.is_empty() { path.to_owned() } else { format!("{path}?{query}") }
}

/// The sign-in page, leading back to `next` (a path with its query) afterwards.
pub fn sign_in_path(next: &str) -> String {
    format!("{SIGN_IN}?next={}", urlencode(next))
}

/// `path` with `notice` in its query, before any `#fragment`.
pub fn with_notice(path: &str, notice: &Notice) -> String {
    let (path, fragment) = path.split_once('#').map_or((path, None), |(path, fragment)| (path, Some(fragment)));
    let separator = if path.contains('?') { '&' } else { '?' };
    let fragment = fragment.map(|fragment| format!("#{fragment}")).unwrap_or_default();
    format!("{path}{separator}{}{fragment}", notice.to_query())
}

/// `next` if it is a local path (`/…`, not `//host` or `/\host`), else the start page:
/// where to send someone after signing in, never another site.
pub fn local_path_or_home(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && !path.chars().any(|c| c.is_control()) =>
        {
            path.to_owned()
        }
        _ => HOME.to_owned(),
    }
}

/// Percent-encodes a path (with its query) for use as a query value; `/` stays readable.
pub fn urlencode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// What happened, told to the page a plain (script-free) form post is sent back to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The form was saved (`sparad=1`).
    Saved,
    /// The assessment was submitted (`inskickad=1`).
    Submitted,
    /// Submission was asked for but something is missing (`ofullstandig=1`).
    Incomplete,
    /// The assessment was reopened (`oppnad=1`).
    Reopened,
    /// An improvement action was removed (`borttagen=1`).
    Removed,
    /// Fields conflicted with someone else's; the editor's side is kept under this token
    /// (`konflikt=`).
    Conflict(String),
    /// A post sent after the session expired is kept under this token until sign-in
    /// (`utkast=`).
    KeptDraft(String),
    /// It failed: the error's code (`fel=`), and how many seconds to wait before trying
    /// again, if that is why (`vanta=`).
    Failed { code: String, wait_seconds: Option<u64> },
    /// An administrative change was made; the code says which (`klart=`, e.g. `roll-given`).
    Done(String),
    /// A plain form post was refused; what was typed and why are kept under this token
    /// (`avvisad=`), to show the form again as it was.
    Refused(String),
}

impl Notice {
    /// Every key a notice uses in a query: a page's own parameters are everything else.
    pub const KEYS: [&'static str; 11] = [
        "sparad",
        "inskickad",
        "ofullstandig",
        "oppnad",
        "borttagen",
        "konflikt",
        "utkast",
        "fel",
        "vanta",
        "klart",
        "avvisad",
    ];

    /// The notice as query parameters, without `?`.
    pub fn to_query(&self) -> String {
        match self {
            Notice::Saved => "sparad=1".to_owned(),
            Notice::Submitted => "inskickad=1".to_owned(),
            Notice::Incomplete => "ofullstandig=1".to_owned(),
            Notice::Reopened => "oppnad=1".to_owned(),
            Notice::Removed => "borttagen=1".to_owned(),
            Notice::Conflict(token) => format!("konflikt={}", urlencode(token)),
            Notice::KeptDraft(token) => format!("utkast={}", urlencode(token)),
            Notice::Failed { code, wait_seconds: None } => format!("fel={}", urlencode(code)),
            Notice::Failed { code, wait_seconds: Some(seconds) } => format!("fel={}&vanta={seconds}", urlencode(code)),
            Notice::Done(what) => format!("klart={}", urlencode(what)),
            Notice::Refused(token) => format!("avvisad={}", urlencode(token)),
        }
    }

    /// The notices in a query, read through `get` (a parameter's value by name).
    pub fn all_in(get: impl Fn(&str) -> Option<String>) -> Notices {
        let flag = |key: &str, notice: Notice| get(key).map(|_| notice);
        let notices = [
            flag("sparad", Notice::Saved),
            flag("inskickad", Notice::Submitted),
            flag("ofullstandig", Notice::Incomplete),
            flag("oppnad", Notice::Reopened),
            flag("borttagen", Notice::Removed),
            get("konflikt").filter(|token| !token.is_empty()).map(Notice::Conflict),
            get("utkast").filter(|token| !token.is_empty()).map(Notice::KeptDraft),
            get("fel").map(|code| Notice::Failed {
                code,
                wait_seconds: get("vanta").and_then(|seconds| seconds.parse().ok()),
            }),
            get("klart").filter(|what| !what.is_empty()).map(Notice::Done),
            get("avvisad").filter(|token| !token.is_empty()).map(Notice::Refused),
        ];
        Notices(notices.into_iter().flatten().collect())
    }
}

/// The notices of one address.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notices(pub Vec<Notice>);

impl Notices {
    pub fn has(&self, notice: &Notice) -> bool {
        self.0.contains(notice)
    }

    /// The token of kept conflicting fields.
    pub fn conflict(&self) -> Option<&str> {
        self.0.iter().find_map(|notice| match notice {
            Notice::Conflict(token) => Some(token.as_str()),
            _ => None,
        })
    }

    /// The token of a post kept until sign-in.
    pub fn kept_draft(&self) -> Option<&str> {
        self.0.iter().find_map(|notice| match notice {
            Notice::KeptDraft(token) => Some(token.as_str()),
            _ => None,
        })
    }

    /// Which administrative change was made.
    pub fn done(&self) -> Option<&str> {
        self.0.iter().find_map(|notice| match notice {
            Notice::Done(what) => Some(what.as_str()),
            _ => None,
        })
    }

    /// The token of a refused plain form post.
    pub fn refused(&self) -> Option<&str> {
        self.0.iter().find_map(|notice| match notice {
            Notice::Refused(token) => Some(token.as_str()),
            _ => None,
        })
    }

    /// The code of an error, and the seconds to wait if given.
    pub fn failure(&self) -> Option<(&str, Option<u64>)> {
        self.0.iter().find_map(|notice| match notice {
            Notice::Failed { code, wait_seconds } => Some((code.as_str(), *wait_seconds)),
            _ => None,
        })
    }
}

/// The path and query of an address without its notices (and without a `#fragment`), e.g.
/// the page a failed plain form post goes back to.
pub fn without_notices(path_and_query: &str) -> String {
    let path_and_query = path_and_query.split('#').next().unwrap_or(path_and_query);
    let (base, query) = path_and_query.split_once('?').unwrap_or((path_and_query, ""));
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| !pair.is_empty() && !Notice::KEYS.contains(&pair.split('=').next().unwrap_or("")))
        .collect();
    if kept.is_empty() { base.to_owned() } else { format!("{base}?{}", kept.join("&")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_paths_are_kept() {
        assert_eq!(local_path_or_home(Some("/omgangar/2?status=draft")), "/omgangar/2?status=draft");
        assert_eq!(local_path_or_home(Some("/resultat?omgang=1&nod=625")), "/resultat?omgang=1&nod=625");
    }

    #[test]
    fn other_sites_and_odd_paths_go_home() {
        for bad in ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", "/a\nb"] {
            assert_eq!(local_path_or_home(Some(bad)), "/", "{bad:?}");
        }
        assert_eq!(local_path_or_home(None), "/");
    }

    #[test]
    fn the_addresses_of_a_units_pages() {
        let (round, unit) = (RoundId(2), NodeId(5));
        assert_eq!(round_path(round), "/omgangar/2");
        assert_eq!(assessment_path(round, unit), "/omgangar/2/enheter/5");
        assert_eq!(history_path(round, unit), "/omgangar/2/enheter/5/historik");
        assert_eq!(actions_path(round, unit), "/omgangar/2/enheter/5/atgarder");
        assert_eq!(person_activation_path(UserId(7), false), "/admin/personer/7/inaktivera");
        assert_eq!(node_access_path(unit), "/admin/organisation/5/behorigheter");
        assert_eq!(org_node_path(unit), "/admin/organisation/5");
        assert_eq!(set_password_path("abc"), "/losenord/abc");
        assert_eq!(units_csv_path(round), "/omgangar/2/enheter.csv");
        assert_eq!(reminder_review_path(round), "/omgangar/2/paminnelse/granska");
        assert_eq!(reminder_status_path(round, ReminderId(7)), "/omgangar/2/paminnelser/7");
        assert_eq!(sign_in_path("/resultat?omgang=1&nod=625"), "/logga-in?next=/resultat%3Fomgang%3D1%26nod%3D625");
    }

    #[test]
    fn the_addresses_of_the_round_administration() {
        assert_eq!(admin_round_path(RoundId(7)), "/admin/omgangar/7");
        assert_eq!(admin_round_move_path(RoundId(7), Move::Reopen), "/admin/omgangar/7/oppna-igen");
        assert_eq!(admin_log_of_round(RoundId(7)), "/admin/logg?omgang=7");
    }

    #[test]
    fn every_notice_survives_its_address() {
        let notices = [
            Notice::Saved,
            Notice::Submitted,
            Notice::Incomplete,
            Notice::Reopened,
            Notice::Removed,
            Notice::Conflict("abc123".into()),
            Notice::KeptDraft("def456".into()),
            Notice::Failed { code: "last".into(), wait_seconds: None },
            Notice::Failed { code: "for-manga-forsok".into(), wait_seconds: Some(120) },
            Notice::Done("roll-given".into()),
            Notice::Refused("ghi789".into()),
        ];
        for notice in notices {
            let address = with_notice("/omgangar/2/enheter/5?x=1#atgard-3", &notice);
            assert!(address.ends_with("#atgard-3"), "{address}");
            let query = address.split_once('?').unwrap().1.split('#').next().unwrap().to_owned();
            let pairs: Vec<(String, String)> = query
                .split('&')
                .filter_map(|pair| pair.split_once('='))
                .map(|(key, value)| (key.to_owned(), value.to_owned()))
                .collect();
            let read = Notice::all_in(|name| pairs.iter().find(|(key, _)| key == name).map(|(_, value)| value.clone()));
            assert_eq!(read, Notices(vec![notice.clone()]), "{address}");
            assert_eq!(without_notices(&address), "/omgangar/2/enheter/5?x=1", "{notice:?}");
        }
    }

    #[test]
    fn a_path_without_notices_keeps_its_own_parameters() {
        assert_eq!(without_notices("/omgangar/2/enheter/5?fel=konflikt&x=1#saknas"), "/omgangar/2/enheter/5?x=1");
        assert_eq!(without_notices("/logga-in?next=%2F&fel=x&vanta=3"), "/logga-in?next=%2F");
        assert_eq!(with_notice("/a", &Notice::Saved), "/a?sparad=1");
    }
}
