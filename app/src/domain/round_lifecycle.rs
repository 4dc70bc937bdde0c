//! A round's life and the rules of running it: which moves a round can make from which
//! status (draft → open → closed → published, and back where it makes sense), what each
//! needs (a reason, a new closing date), what may be edited in which status, and which
//! names, texts and dates are valid.
//!
//! Pure: dates are any ordered type the caller parses (the server uses `chrono::NaiveDate`),
//! so the browser build needs no date library; what only the database knows (whether a
//! framework version is published, whether an organisation exists) comes in as [`Facts`].

use super::admin_action::AdminAction;
use super::ids::{FrameworkVersionId, NodeId};
use super::limits::{ROUND_INTRO_MAX_CHARS, ROUND_NAME_MAX_CHARS, char_count, normalise_text};
use super::raw_answers::FieldProblem;
use super::reason::checked_reason;
use super::round::RoundStatus;
use serde::{Deserialize, Serialize};

/// A step in a round's life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Move {
    /// Draft → open: the covered units see the round ("ej påbörjad") and can answer; the
    /// framework version is frozen.
    Open,
    /// Open → closed: drafts are kept, nothing more can be saved.
    Close,
    /// Closed → published: the results become visible to heads and units.
    Publish,
    /// Closed → open again, to extend the deadline: needs a reason and a new closing date.
    Reopen,
    /// Published → closed: the results are withdrawn; needs a reason.
    Withdraw,
}

impl Move {
    pub const ALL: [Move; 5] = [Move::Open, Move::Close, Move::Publish, Move::Reopen, Move::Withdraw];

    /// The status the round must be in.
    pub fn from(self) -> RoundStatus {
        match self {
            Move::Open => RoundStatus::Draft,
            Move::Close => RoundStatus::Open,
            Move::Publish | Move::Reopen => RoundStatus::Closed,
            Move::Withdraw => RoundStatus::Published,
        }
    }

    /// The status the round is in afterwards.
    pub fn to(self) -> RoundStatus {
        match self {
            Move::Open | Move::Reopen => RoundStatus::Open,
            Move::Close | Move::Withdraw => RoundStatus::Closed,
            Move::Publish => RoundStatus::Published,
        }
    }

    /// The move in addresses (`/admin/omgangar/5/oppna`).
    pub fn key(self) -> &'static str {
        match self {
            Move::Open => "oppna",
            Move::Close => "stang",
            Move::Publish => "publicera",
            Move::Reopen => "oppna-igen",
            Move::Withdraw => "aterkalla",
        }
    }

    pub fn from_key(key: &str) -> Option<Move> {
        Move::ALL.into_iter().find(|step| step.key() == key)
    }

    /// Whether the move goes back in the round's life, and so must be justified.
    pub fn needs_reason(self) -> bool {
        matches!(self, Move::Reopen | Move::Withdraw)
    }

    /// Whether the move sets a new closing date (opening a closed round extends its deadline).
    pub fn needs_new_closing_date(self) -> bool {
        self == Move::Reopen
    }

    /// How the admin log names it.
    pub fn logged_as(self) -> AdminAction {
        match self {
            Move::Open => AdminAction::RoundOpened,
            Move::Close => AdminAction::RoundClosed,
            Move::Publish => AdminAction::RoundPublished,
            Move::Reopen => AdminAction::RoundReopened,
            Move::Withdraw => AdminAction::RoundWithdrawn,
        }
    }
}

/// The moves a round in `status` can make.
pub fn moves_from(status: RoundStatus) -> Vec<Move> {
    Move::ALL.into_iter().filter(|step| step.from() == status).collect()
}

/// Whether a round's name, framework version, part of the tree, dates and introduction may
/// be changed: only while it is a draft (once open, units answer against them).
pub fn details_editable(status: RoundStatus) -> bool {
    status == RoundStatus::Draft
}

/// Whether the closing date may be changed on its own: while the round is open.
pub fn closing_date_changeable(status: RoundStatus) -> bool {
    status == RoundStatus::Open
}

/// The fields of the round forms; their keys are the forms' field names (and the query
/// keys the pages read them back from).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RoundField {
    Name,
    FrameworkVersion,
    /// The organisation whose subtree the round covers.
    Root,
    OpensOn,
    ClosesOn,
    Intro,
    Reason,
    /// The round's status, when a step is not possible in it.
    Status,
}

impl RoundField {
    pub const ALL: [RoundField; 8] = [
        RoundField::Name,
        RoundField::FrameworkVersion,
        RoundField::Root,
        RoundField::OpensOn,
        RoundField::ClosesOn,
        RoundField::Intro,
        RoundField::Reason,
        RoundField::Status,
    ];

    pub fn key(self) -> &'static str {
        match self {
            RoundField::Name => "namn",
            RoundField::FrameworkVersion => "ramverk",
            RoundField::Root => "nod",
            RoundField::OpensOn => "oppnar",
            RoundField::ClosesOn => "stanger",
            RoundField::Intro => "intro",
            RoundField::Reason => "orsak",
            RoundField::Status => "status",
        }
    }

    pub fn from_key(key: &str) -> Option<RoundField> {
        RoundField::ALL.into_iter().find(|field| field.key() == key)
    }
}

/// What is wrong with one field of a round form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundFieldError {
    pub field: RoundField,
    pub problem: FieldProblem,
}

impl RoundFieldError {
    fn new(field: RoundField, problem: FieldProblem) -> Self {
        RoundFieldError { field, problem }
    }
}

/// A round's details as typed into the form, every field as text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawRound {
    pub name: String,
    pub framework_version: String,
    pub root: String,
    pub opens_on: String,
    pub closes_on: String,
    pub intro: String,
}

/// A round's details, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundDetails<D> {
    pub name: String,
    pub framework_version: FrameworkVersionId,
    pub root: NodeId,
    pub opens_on: D,
    pub closes_on: D,
    /// Plain text with its line breaks; `None` if there is none.
    pub intro: Option<String>,
}

/// What the server knows that the form does not.
#[derive(Clone, Copy, Debug)]
pub struct Facts<D> {
    pub today: D,
    /// Whether the framework version typed is published (frozen); `None` if there is no
    /// such version.
    pub version_published: Option<bool>,
    /// Whether the organisation typed exists today.
    pub root_exists: bool,
}

/// An id as typed, if it is one.
pub fn parse_id(raw: &str) -> Option<i64> {
    raw.trim().parse().ok().filter(|id: &i64| *id > 0)
}

/// A round's name: one line, trimmed, required, at most [`ROUND_NAME_MAX_CHARS`].
fn checked_name(raw: &str) -> Result<String, FieldProblem> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    match char_count(&name) {
        0 => Err(FieldProblem::Missing),
        actual if actual > ROUND_NAME_MAX_CHARS => Err(FieldProblem::TooLong { max: ROUND_NAME_MAX_CHARS, actual }),
        _ => Ok(name),
    }
}

/// The introduction: plain text with its line breaks, optional, at most
/// [`ROUND_INTRO_MAX_CHARS`].
fn checked_intro(raw: &str) -> Result<Option<String>, FieldProblem> {
    match normalise_text(raw) {
        None => Ok(None),
        Some(text) if char_count(&text) > ROUND_INTRO_MAX_CHARS => {
            Err(FieldProblem::TooLong { max: ROUND_INTRO_MAX_CHARS, actual: char_count(&text) })
        }
        Some(text) => Ok(Some(text)),
    }
}

/// A required date.
fn checked_date<D>(raw: &str, parse_date: &impl Fn(&str) -> Option<D>) -> Result<D, FieldProblem> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldProblem::Missing);
    }
    parse_date(raw).ok_or(FieldProblem::InvalidDate)
}

/// Checks a new round, or a draft's changed details: a name, a published framework version,
/// an organisation that exists, an opening date and a closing date on or after it and not
/// in the past, and an introduction within its limit. Every problem is reported, each with
/// its field.
pub fn check_details<D: Ord + Copy>(
    raw: &RawRound,
    facts: Facts<D>,
    parse_date: impl Fn(&str) -> Option<D>,
) -> Result<RoundDetails<D>, Vec<RoundFieldError>> {
    fn note<T>(problems: &mut Vec<RoundFieldError>, field: RoundField, result: Result<T, FieldProblem>) -> Option<T> {
        result.map_err(|problem| problems.push(RoundFieldError::new(field, problem))).ok()
    }
    let mut problems = Vec::new();

    let name = note(&mut problems, RoundField::Name, checked_name(&raw.name));
    let version = note(
        &mut problems,
        RoundField::FrameworkVersion,
        match (parse_id(&raw.framework_version), facts.version_published) {
            _ if raw.framework_version.trim().is_empty() => Err(FieldProblem::Missing),
            (Some(id), Some(true)) => Ok(FrameworkVersionId(id)),
            (Some(_), Some(false)) => Err(FieldProblem::NotAvailable),
            _ => Err(FieldProblem::InvalidChoice),
        },
    );
    let root = note(
        &mut problems,
        RoundField::Root,
        match parse_id(&raw.root) {
            _ if raw.root.trim().is_empty() => Err(FieldProblem::Missing),
            Some(id) if facts.root_exists => Ok(NodeId(id)),
            _ => Err(FieldProblem::InvalidChoice),
        },
    );
    let opens_on = note(&mut problems, RoundField::OpensOn, checked_date(&raw.opens_on, &parse_date));
    let closes_on = note(
        &mut problems,
        RoundField::ClosesOn,
        checked_date(&raw.closes_on, &parse_date).and_then(|closes_on| {
            if opens_on.is_some_and(|opens_on| closes_on < opens_on) {
                Err(FieldProblem::EndsBeforeStart)
            } else if closes_on < facts.today {
                Err(FieldProblem::InThePast)
            } else {
                Ok(closes_on)
            }
        }),
    );
    let intro = note(&mut problems, RoundField::Intro, checked_intro(&raw.intro));

    match (name, version, root, opens_on, closes_on, intro) {
        (Some(name), Some(framework_version), Some(root), Some(opens_on), Some(closes_on), Some(intro))
            if problems.is_empty() =>
        {
            Ok(RoundDetails { name, framework_version, root, opens_on, closes_on, intro })
        }
        _ => Err(problems),
    }
}

/// A round's dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period<D> {
    pub opens_on: D,
    pub closes_on: D,
}

/// A new closing date for a round that is open (or opened again): not in the past (said
/// first, as it matters most) and not before the opening date.
fn checked_new_closing_date<D: Ord + Copy>(
    raw: &str,
    period: Period<D>,
    today: D,
    parse_date: &impl Fn(&str) -> Option<D>,
) -> Result<D, FieldProblem> {
    let closes_on = checked_date(raw, parse_date)?;
    if closes_on < today {
        Err(FieldProblem::InThePast)
    } else if closes_on < period.opens_on {
        Err(FieldProblem::EndsBeforeStart)
    } else {
        Ok(closes_on)
    }
}

/// Checks a change of an open round's closing date.
pub fn check_closing_date_change<D: Ord + Copy>(
    status: RoundStatus,
    period: Period<D>,
    raw_closes_on: &str,
    today: D,
    parse_date: impl Fn(&str) -> Option<D>,
) -> Result<D, Vec<RoundFieldError>> {
    if !closing_date_changeable(status) {
        return Err(vec![RoundFieldError::new(RoundField::Status, FieldProblem::NotAvailable)]);
    }
    checked_new_closing_date(raw_closes_on, period, today, &parse_date)
        .map_err(|problem| vec![RoundFieldError::new(RoundField::ClosesOn, problem)])
}

/// A move as it will be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MovePlan<D> {
    pub step: Move,
    /// The reason given, for moves that need one.
    pub reason: Option<String>,
    /// The new closing date, for moves that set one.
    pub closes_on: Option<D>,
}

/// Why a round in `status` with `period` cannot take `step` today, whatever is typed: the
/// step does not start from its status; or, to open, the opening date has not come or the
/// closing date has passed. Empty if nothing stands in the way.
pub fn blockers<D: Ord + Copy>(status: RoundStatus, period: Period<D>, step: Move, today: D) -> Vec<RoundFieldError> {
    if step.from() != status {
        return vec![RoundFieldError::new(RoundField::Status, FieldProblem::NotAvailable)];
    }
    let mut problems = Vec::new();
    if step == Move::Open {
        if period.opens_on > today {
            problems.push(RoundFieldError::new(RoundField::OpensOn, FieldProblem::InTheFuture));
        }
        if period.closes_on < today {
            problems.push(RoundFieldError::new(RoundField::ClosesOn, FieldProblem::InThePast));
        }
    }
    problems
}

/// Checks a move of a round in `status` with `period`: the move must start from that
/// status; opening needs the opening date to have come and the closing date not to have
/// passed; opening again needs a new closing date (not in the past) and a reason;
/// withdrawing results needs a reason. `raw_reason` and `raw_closes_on` are ignored where
/// the move takes none.
pub fn check_move<D: Ord + Copy>(
    status: RoundStatus,
    period: Period<D>,
    step: Move,
    raw_reason: &str,
    raw_closes_on: &str,
    today: D,
    parse_date: impl Fn(&str) -> Option<D>,
) -> Result<MovePlan<D>, Vec<RoundFieldError>> {
    let mut problems = blockers(status, period, step, today);
    if step.from() != status {
        return Err(problems);
    }
    let closes_on = if step.needs_new_closing_date() {
        checked_new_closing_date(raw_closes_on, period, today, &parse_date)
            .map_err(|problem| problems.push(RoundFieldError::new(RoundField::ClosesOn, problem)))
            .ok()
    } else {
        None
    };
    let reason = if step.needs_reason() {
        checked_reason(raw_reason)
            .map_err(|problem| problems.push(RoundFieldError::new(RoundField::Reason, problem)))
            .ok()
    } else {
        None
    };
    if problems.is_empty() { Ok(MovePlan { step, reason, closes_on }) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dates as (year, month, day): ordered like dates, parsed from `YYYY-MM-DD`.
    type Day = (i32, u32, u32);

    fn parse(text: &str) -> Option<Day> {
        let mut parts = text.split('-');
        let day = (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
        (parts.next().is_none() && (1..=12).contains(&day.1) && (1..=31).contains(&day.2)).then_some(day)
    }

    const TODAY: Day = (2026, 12, 1);

    fn facts() -> Facts<Day> {
        Facts { today: TODAY, version_published: Some(true), root_exists: true }
    }

    fn raw() -> RawRound {
        RawRound {
            name: "  Självskattning   2027 ".into(),
            framework_version: "1".into(),
            root: "10".into(),
            opens_on: "2027-02-01".into(),
            closes_on: "2027-04-30".into(),
            intro: "Välkomna!\r\n\r\nFyll i senast sista april.  ".into(),
        }
    }

    fn fields(problems: &[RoundFieldError]) -> Vec<(RoundField, FieldProblem)> {
        problems.iter().map(|error| (error.field, error.problem.clone())).collect()
    }

    #[test]
    fn a_round_moves_forward_from_draft_to_published_and_back_only_from_closed_and_published() {
        assert_eq!(moves_from(RoundStatus::Draft), [Move::Open]);
        assert_eq!(moves_from(RoundStatus::Open), [Move::Close]);
        assert_eq!(moves_from(RoundStatus::Closed), [Move::Publish, Move::Reopen]);
        assert_eq!(moves_from(RoundStatus::Published), [Move::Withdraw]);
        for step in Move::ALL {
            assert_ne!(step.from(), step.to(), "{step:?}");
            assert_eq!(Move::from_key(step.key()), Some(step));
        }
        assert!(!moves_from(RoundStatus::Open).contains(&Move::Publish), "an open round is not published");
    }

    #[test]
    fn only_the_moves_back_need_a_reason_and_only_opening_again_a_new_closing_date() {
        let needing: Vec<Move> = Move::ALL.into_iter().filter(|step| step.needs_reason()).collect();
        assert_eq!(needing, [Move::Reopen, Move::Withdraw]);
        let dated: Vec<Move> = Move::ALL.into_iter().filter(|step| step.needs_new_closing_date()).collect();
        assert_eq!(dated, [Move::Reopen]);
    }

    #[test]
    fn every_move_is_logged_as_its_own_action() {
        let mut actions: Vec<&str> = Move::ALL.iter().map(|step| step.logged_as().key()).collect();
        actions.sort_unstable();
        actions.dedup();
        assert_eq!(actions.len(), Move::ALL.len());
    }

    #[test]
    fn details_are_edited_only_in_a_draft_and_the_closing_date_only_while_open() {
        for status in RoundStatus::ALL {
            assert_eq!(details_editable(status), status == RoundStatus::Draft, "{status:?}");
            assert_eq!(closing_date_changeable(status), status == RoundStatus::Open, "{status:?}");
        }
    }

    #[test]
    fn valid_details_are_trimmed_and_keep_the_introductions_line_breaks() {
        let details = check_details(&raw(), facts(), parse).unwrap();
        assert_eq!(details.name, "Självskattning 2027");
        assert_eq!(details.framework_version, FrameworkVersionId(1));
        assert_eq!(details.root, NodeId(10));
        assert_eq!((details.opens_on, details.closes_on), ((2027, 2, 1), (2027, 4, 30)));
        assert_eq!(details.intro.as_deref(), Some("Välkomna!\n\nFyll i senast sista april."));
        let without = RawRound { intro: " \n ".into(), ..raw() };
        assert_eq!(check_details(&without, facts(), parse).unwrap().intro, None, "the introduction is optional");
    }

    #[test]
    fn every_missing_field_is_named() {
        let problems = check_details(&RawRound::default(), facts(), parse).unwrap_err();
        assert_eq!(
            fields(&problems),
            [
                (RoundField::Name, FieldProblem::Missing),
                (RoundField::FrameworkVersion, FieldProblem::Missing),
                (RoundField::Root, FieldProblem::Missing),
                (RoundField::OpensOn, FieldProblem::Missing),
                (RoundField::ClosesOn, FieldProblem::Missing),
            ]
        );
    }

    #[test]
    fn a_round_may_only_use_a_published_framework_version() {
        let draft_version = Facts { version_published: Some(false), ..facts() };
        let problems = check_details(&raw(), draft_version, parse).unwrap_err();
        assert_eq!(fields(&problems), [(RoundField::FrameworkVersion, FieldProblem::NotAvailable)]);
        let unknown = Facts { version_published: None, ..facts() };
        let problems = check_details(&raw(), unknown, parse).unwrap_err();
        assert_eq!(fields(&problems), [(RoundField::FrameworkVersion, FieldProblem::InvalidChoice)]);
        let nonsense = RawRound { framework_version: "x".into(), root: "-3".into(), ..raw() };
        let problems = check_details(&nonsense, facts(), parse).unwrap_err();
        assert_eq!(
            fields(&problems),
            [
                (RoundField::FrameworkVersion, FieldProblem::InvalidChoice),
                (RoundField::Root, FieldProblem::InvalidChoice)
            ]
        );
    }

    #[test]
    fn the_covered_organisation_must_exist() {
        let gone = Facts { root_exists: false, ..facts() };
        assert_eq!(
            fields(&check_details(&raw(), gone, parse).unwrap_err()),
            [(RoundField::Root, FieldProblem::InvalidChoice)]
        );
    }

    #[test]
    fn a_round_closes_on_or_after_it_opens_and_not_in_the_past() {
        let backwards = RawRound { closes_on: "2027-01-31".into(), ..raw() };
        assert_eq!(
            fields(&check_details(&backwards, facts(), parse).unwrap_err()),
            [(RoundField::ClosesOn, FieldProblem::EndsBeforeStart)]
        );
        let same_day = RawRound { opens_on: "2026-12-01".into(), closes_on: "2026-12-01".into(), ..raw() };
        assert!(check_details(&same_day, facts(), parse).is_ok(), "one day is a period");
        let past = RawRound { opens_on: "2026-10-01".into(), closes_on: "2026-11-30".into(), ..raw() };
        assert_eq!(
            fields(&check_details(&past, facts(), parse).unwrap_err()),
            [(RoundField::ClosesOn, FieldProblem::InThePast)]
        );
        let garbled = RawRound { opens_on: "1 feb".into(), closes_on: "2027-13-01".into(), ..raw() };
        assert_eq!(
            fields(&check_details(&garbled, facts(), parse).unwrap_err()),
            [(RoundField::OpensOn, FieldProblem::InvalidDate), (RoundField::ClosesOn, FieldProblem::InvalidDate)]
        );
    }

    #[test]
    fn names_and_introductions_have_limits() {
        let long = RawRound {
            name: "å".repeat(ROUND_NAME_MAX_CHARS + 1),
            intro: "ä".repeat(ROUND_INTRO_MAX_CHARS + 1),
            ..raw()
        };
        assert_eq!(
            fields(&check_details(&long, facts(), parse).unwrap_err()),
            [
                (
                    RoundField::Name,
                    FieldProblem::TooLong { max: ROUND_NAME_MAX_CHARS, actual: ROUND_NAME_MAX_CHARS + 1 }
                ),
                (
                    RoundField::Intro,
                    FieldProblem::TooLong { max: ROUND_INTRO_MAX_CHARS, actual: ROUND_INTRO_MAX_CHARS + 1 }
                ),
            ]
        );
        let at_the_limit =
            RawRound { name: "å".repeat(ROUND_NAME_MAX_CHARS), intro: "ä".repeat(ROUND_INTRO_MAX_CHARS), ..raw() };
        assert!(check_details(&at_the_limit, facts(), parse).is_ok());
    }

    const PERIOD: Period<Day> = Period { opens_on: (2026, 11, 1), closes_on: (2026, 12, 11) };

    #[test]
    fn an_open_rounds_closing_date_moves_but_not_into_the_past_or_before_the_opening() {
        let change = |status, raw: &str| check_closing_date_change(status, PERIOD, raw, TODAY, parse);
        assert_eq!(change(RoundStatus::Open, "2026-12-18"), Ok((2026, 12, 18)));
        assert_eq!(change(RoundStatus::Open, "2026-12-01"), Ok(TODAY), "today is not the past");
        assert_eq!(
            change(RoundStatus::Open, "2026-11-30").map_err(|p| fields(&p)),
            Err(vec![(RoundField::ClosesOn, FieldProblem::InThePast)])
        );
        let early = Period { opens_on: (2026, 12, 5), ..PERIOD };
        assert_eq!(
            check_closing_date_change(RoundStatus::Open, early, "2026-12-03", TODAY, parse).map_err(|p| fields(&p)),
            Err(vec![(RoundField::ClosesOn, FieldProblem::EndsBeforeStart)])
        );
        for status in [RoundStatus::Draft, RoundStatus::Closed, RoundStatus::Published] {
            assert_eq!(
                change(status, "2026-12-18").map_err(|p| fields(&p)),
                Err(vec![(RoundField::Status, FieldProblem::NotAvailable)]),
                "{status:?}"
            );
        }
    }

    #[test]
    fn a_move_must_start_from_the_rounds_status() {
        let publish_open = check_move(RoundStatus::Open, PERIOD, Move::Publish, "", "", TODAY, parse);
        assert_eq!(publish_open.map_err(|p| fields(&p)), Err(vec![(RoundField::Status, FieldProblem::NotAvailable)]));
        let open_again = check_move(RoundStatus::Open, PERIOD, Move::Open, "", "", TODAY, parse);
        assert!(open_again.is_err(), "an open round is not opened twice");
        let close = check_move(RoundStatus::Open, PERIOD, Move::Close, "ignored", "ignored", TODAY, parse);
        assert_eq!(close, Ok(MovePlan { step: Move::Close, reason: None, closes_on: None }));
        let publish = check_move(RoundStatus::Closed, PERIOD, Move::Publish, "", "", TODAY, parse);
        assert!(publish.is_ok());
    }

    #[test]
    fn a_draft_opens_once_its_opening_date_has_come_and_before_its_closing_date_has_passed() {
        let open =
            |period| check_move(RoundStatus::Draft, period, Move::Open, "", "", TODAY, parse).map_err(|p| fields(&p));
        assert!(open(PERIOD).is_ok());
        assert!(open(Period { opens_on: TODAY, closes_on: TODAY }).is_ok());
        assert_eq!(
            open(Period { opens_on: (2026, 12, 2), closes_on: (2026, 12, 20) }),
            Err(vec![(RoundField::OpensOn, FieldProblem::InTheFuture)])
        );
        assert_eq!(
            open(Period { opens_on: (2026, 10, 1), closes_on: (2026, 11, 30) }),
            Err(vec![(RoundField::ClosesOn, FieldProblem::InThePast)])
        );
    }

    #[test]
    fn opening_a_closed_round_again_needs_a_reason_and_a_new_closing_date() {
        let reopen = |reason: &str, closes: &str| {
            check_move(RoundStatus::Closed, PERIOD, Move::Reopen, reason, closes, TODAY, parse).map_err(|p| fields(&p))
        };
        assert_eq!(
            reopen(" Fler enheter behöver tid ", "2026-12-18"),
            Ok(MovePlan {
                step: Move::Reopen,
                reason: Some("Fler enheter behöver tid".into()),
                closes_on: Some((2026, 12, 18))
            })
        );
        assert_eq!(
            reopen("", ""),
            Err(vec![(RoundField::ClosesOn, FieldProblem::Missing), (RoundField::Reason, FieldProblem::Missing)])
        );
        assert_eq!(reopen("Skäl", "2026-11-20"), Err(vec![(RoundField::ClosesOn, FieldProblem::InThePast)]));
    }

    #[test]
    fn withdrawing_published_results_needs_a_reason() {
        let withdraw =
            |reason: &str| check_move(RoundStatus::Published, PERIOD, Move::Withdraw, reason, "", TODAY, parse);
        assert_eq!(withdraw("  ").map_err(|p| fields(&p)), Err(vec![(RoundField::Reason, FieldProblem::Missing)]));
        assert_eq!(withdraw("Fel i underlaget").unwrap().reason.as_deref(), Some("Fel i underlaget"));
    }

    #[test]
    fn field_keys_round_trip_and_ids_must_be_positive_numbers() {
        for field in RoundField::ALL {
            assert_eq!(RoundField::from_key(field.key()), Some(field));
        }
        assert_eq!(parse_id(" 12 "), Some(12));
        assert_eq!(parse_id("0"), None);
        assert_eq!(parse_id("1e3"), None);
    }
}
