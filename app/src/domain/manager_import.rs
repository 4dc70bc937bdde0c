//! Importing unit managers from a file: one line per person and unit (e-mail address, name,
//! unit id), a header line optional, `;` or `,` between fields. What each line would do — a
//! new person, a role given, a role already held — or why it is refused, decided against
//! what is stored and what the importer may do. An import with any refused line changes
//! nothing (all or nothing); see `api::people::import` for reading and applying it.

use super::ids::{NodeId, UserId};
use super::org::OrgKind;
use super::people::{Email, PersonName};
use super::raw_answers::FieldProblem;
use super::rights::{Role, RoleGrant, may_give_role};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// The largest file taken (256 KiB: some 5,000 lines of ordinary length).
pub const MAX_IMPORT_BYTES: usize = 256 * 1024;
/// The most lines (besides a header) one import takes.
pub const MAX_IMPORT_LINES: usize = 5_000;

/// A line of the file split into its fields, with its line number in the file (from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawLine {
    pub number: usize,
    pub cells: Vec<String>,
}

/// Why a whole file is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileProblem {
    /// Nothing to import.
    Empty,
    TooLarge {
        max_bytes: usize,
    },
    TooManyLines {
        max: usize,
    },
    /// The fields could not be read (e.g. a quote that never closes).
    Unreadable,
}

/// Why one line is refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineProblem {
    /// Not the three fields e-mail, name, unit id.
    WrongFieldCount {
        found: usize,
    },
    BadEmail,
    EmptyName,
    NameTooLong {
        max: usize,
        actual: usize,
    },
    NameInvalidCharacters,
    /// The unit id is not a whole number.
    BadUnitId,
    /// No organisation has that id today.
    UnknownUnit,
    /// The organisation is not a unit (enhet): unit managers are appointed on units.
    NotAUnit,
    /// The unit is outside what the importer may appoint unit managers in.
    OutsideYourOrganisation,
    /// The person exists and is deactivated.
    PersonDeactivated,
    /// The same person and unit as an earlier line.
    Duplicate {
        first_line: usize,
    },
    /// The same e-mail address with another name on an earlier line.
    OtherName {
        first_line: usize,
    },
}

/// A refused line and everything wrong with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineError {
    pub number: usize,
    /// The line's fields as in the file, shortened, to recognise it by.
    pub shown: String,
    pub problems: Vec<LineProblem>,
}

/// The most characters of a refused line shown back.
const SHOWN_MAX_CHARS: usize = 120;

fn shown(line: &RawLine) -> String {
    let text = line.cells.join("; ");
    if text.chars().count() <= SHOWN_MAX_CHARS {
        text
    } else {
        format!("{}…", text.chars().take(SHOWN_MAX_CHARS).collect::<String>())
    }
}

/// An organisation as the import needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownUnit {
    pub name: String,
    pub kind: OrgKind,
    /// From the root down to the node.
    pub path: Vec<NodeId>,
}

/// A stored person as the import needs them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownPerson {
    pub id: UserId,
    pub name: String,
    pub disabled: bool,
}

/// What is stored that the lines are checked against.
#[derive(Clone, Debug, Default)]
pub struct Known {
    /// The organisations the lines name, as of today.
    pub units: HashMap<NodeId, KnownUnit>,
    /// The stored people the lines name, by e-mail address.
    pub people: HashMap<Email, KnownPerson>,
    /// The unit-manager roles those people hold (person, unit).
    pub managers: HashSet<(UserId, NodeId)>,
}

/// Who a line is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PersonChange {
    /// A person to create (on the first line with their address).
    New,
    /// A person created by an earlier line of the same file.
    NewEarlier,
    Existing(UserId),
}

/// What an accepted line does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedLine {
    pub number: usize,
    pub email: Email,
    /// The stored name of an existing person, else the name in the file.
    pub name: String,
    pub unit: NodeId,
    pub unit_name: String,
    pub person: PersonChange,
    /// Whether the role is new (else the person already holds it).
    pub role_given: bool,
}

/// What an import would do.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPlan {
    pub file_problem: Option<FileProblem>,
    pub lines: Vec<PlannedLine>,
    pub errors: Vec<LineError>,
}

/// An import's counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportCounts {
    pub lines: usize,
    pub new_people: usize,
    pub roles_given: usize,
    pub already_held: usize,
    pub refused: usize,
}

impl ImportPlan {
    /// A file refused as a whole.
    pub fn refused(problem: FileProblem) -> Self {
        ImportPlan { file_problem: Some(problem), ..ImportPlan::default() }
    }

    /// Whether it can be applied: the file is readable, no line is refused and there is at
    /// least one line.
    pub fn applicable(&self) -> bool {
        self.file_problem.is_none() && self.errors.is_empty() && !self.lines.is_empty()
    }

    pub fn counts(&self) -> ImportCounts {
        ImportCounts {
            lines: self.lines.len() + self.errors.len(),
            new_people: self.lines.iter().filter(|line| line.person == PersonChange::New).count(),
            roles_given: self.lines.iter().filter(|line| line.role_given).count(),
            already_held: self.lines.iter().filter(|line| !line.role_given).count(),
            refused: self.errors.len(),
        }
    }

    /// The counts as the admin log keeps them.
    pub fn log_detail(&self) -> String {
        let counts = self.counts();
        format!(
            "lines={} new_people={} roles_given={} already_held={}",
            counts.lines, counts.new_people, counts.roles_given, counts.already_held
        )
    }
}

/// Reads a file's bytes as text: UTF-8 (a byte-order mark is dropped), or else Windows-1252,
/// which Swedish Excel writes for "CSV (semikolonavgränsad)".
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|byte| windows_1252(*byte)).collect(),
    }
}

fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž', '\u{FFFD}',
        '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{FFFD}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// The field separator: `;` (Swedish Excel) if the first line with text has more of them
/// than of `,`, else `,`.
pub fn delimiter(text: &str) -> u8 {
    let first = text.lines().find(|line| !line.trim().is_empty()).unwrap_or("");
    let count = |c: char| first.chars().filter(|found| *found == c).count();
    if count(';') > count(',') { b';' } else { b',' }
}

/// Words a header line's fields are made of (`E-post;Namn;Enhets-id`, `email,name,unit`).
const HEADER_WORDS: [&str; 8] = ["post", "mail", "mejl", "namn", "name", "enhet", "unit", "id"];

/// Whether a first line is a header: no address in its first field, and the fields name
/// the columns. Any other first line is a line to import (and refused if it is wrong, so
/// that nothing is left out unseen).
pub fn is_header(cells: &[String]) -> bool {
    let first = cells.first().map(|cell| cell.trim()).unwrap_or("");
    !first.contains('@')
        && cells.iter().any(|cell| {
            let cell = cell.to_lowercase();
            HEADER_WORDS.iter().any(|word| cell.contains(word))
        })
}

/// A line's fields, checked on their own.
struct Fields {
    email: Result<Email, LineProblem>,
    name: Result<PersonName, LineProblem>,
    unit: Result<NodeId, LineProblem>,
}

fn fields(line: &RawLine) -> Result<Fields, LineProblem> {
    // Empty fields at the end are what spreadsheets leave behind; they do not count.
    let mut cells: &[String] = &line.cells;
    while cells.len() > 3 && cells.last().is_some_and(|cell| cell.trim().is_empty()) {
        cells = &cells[..cells.len() - 1];
    }
    let [email, name, unit] = cells else { return Err(LineProblem::WrongFieldCount { found: cells.len() }) };
    Ok(Fields {
        email: Email::parse(email).map_err(|_| LineProblem::BadEmail),
        name: PersonName::parse(name).map_err(|problem| match problem {
            FieldProblem::TooLong { max, actual } => LineProblem::NameTooLong { max, actual },
            FieldProblem::InvalidCharacters => LineProblem::NameInvalidCharacters,
            _ => LineProblem::EmptyName,
        }),
        unit: unit.trim().parse::<i64>().ok().filter(|id| *id > 0).map(NodeId).ok_or(LineProblem::BadUnitId),
    })
}

/// The ids of the units the lines name (to look up before planning).
pub fn unit_ids(lines: &[RawLine]) -> Vec<NodeId> {
    let mut ids: Vec<NodeId> = lines.iter().filter_map(|line| fields(line).ok()?.unit.ok()).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The e-mail addresses the lines name (to look up before planning).
pub fn emails(lines: &[RawLine]) -> Vec<Email> {
    let mut emails: Vec<Email> = lines.iter().filter_map(|line| fields(line).ok()?.email.ok()).collect();
    emails.sort_unstable();
    emails.dedup();
    emails
}

/// What each line would do, or why it is refused, for someone with `grants`.
pub fn plan(lines: &[RawLine], known: &Known, grants: &[RoleGrant]) -> ImportPlan {
    if lines.is_empty() {
        return ImportPlan::refused(FileProblem::Empty);
    }
    if lines.len() > MAX_IMPORT_LINES {
        return ImportPlan::refused(FileProblem::TooManyLines { max: MAX_IMPORT_LINES });
    }
    let mut plan = ImportPlan::default();
    // The first line of each address (with its name) and of each person and unit.
    let mut names_seen: HashMap<Email, (usize, String)> = HashMap::new();
    let mut pairs_seen: HashMap<(Email, NodeId), usize> = HashMap::new();
    for line in lines {
        let fields = match fields(line) {
            Ok(fields) => fields,
            Err(problem) => {
                plan.errors.push(LineError { number: line.number, shown: shown(line), problems: vec![problem] });
                continue;
            }
        };
        let mut problems = Vec::new();
        let person = fields.email.as_ref().ok().and_then(|email| known.people.get(email));
        let unit = fields.unit.as_ref().ok().and_then(|id| known.units.get(id).map(|unit| (*id, unit)));
        for result in [fields.email.as_ref().err(), fields.name.as_ref().err(), fields.unit.as_ref().err()] {
            problems.extend(result.cloned());
        }
        if let Ok(id) = &fields.unit {
            match unit {
                None => problems.push(LineProblem::UnknownUnit),
                Some((_, unit)) if unit.kind != OrgKind::Unit => problems.push(LineProblem::NotAUnit),
                Some((_, unit)) if !may_give_role(grants, Role::UnitManager, &unit.path) => {
                    problems.push(LineProblem::OutsideYourOrganisation)
                }
                Some(_) => {}
            }
            if let Ok(email) = &fields.email {
                if let Some(first_line) = pairs_seen.get(&(email.clone(), *id)) {
                    problems.push(LineProblem::Duplicate { first_line: *first_line });
                } else {
                    pairs_seen.insert((email.clone(), *id), line.number);
                }
            }
        }
        if person.is_some_and(|person| person.disabled) {
            problems.push(LineProblem::PersonDeactivated);
        }
        let mut earlier_person = false;
        if let (Ok(email), Ok(name)) = (&fields.email, &fields.name) {
            match names_seen.get(email) {
                Some((first_line, first_name)) => {
                    earlier_person = true;
                    if first_name.to_lowercase() != name.as_str().to_lowercase() {
                        problems.push(LineProblem::OtherName { first_line: *first_line });
                    }
                }
                None => {
                    names_seen.insert(email.clone(), (line.number, name.as_str().to_owned()));
                }
            }
        }
        if !problems.is_empty() {
            plan.errors.push(LineError { number: line.number, shown: shown(line), problems });
            continue;
        }
        let (Ok(email), Ok(name), Some((unit_id, unit))) = (fields.email, fields.name, unit) else { continue };
        let (person_change, name, role_given) = match person {
            Some(person) => (
                PersonChange::Existing(person.id),
                person.name.clone(),
                !known.managers.contains(&(person.id, unit_id)),
            ),
            None if earlier_person => (PersonChange::NewEarlier, name.as_str().to_owned(), true),
            None => (PersonChange::New, name.as_str().to_owned(), true),
        };
        plan.lines.push(PlannedLine {
            number: line.number,
            email,
            name,
            unit: unit_id,
            unit_name: unit.name.clone(),
            person: person_change,
            role_given,
        });
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    const CITY: NodeId = NodeId(1);
    const JARVA: NodeId = NodeId(10);
    const UNIT_A: NodeId = NodeId(100);
    const UNIT_B: NodeId = NodeId(101);
    const SODERMALM: NodeId = NodeId(20);
    const UNIT_C: NodeId = NodeId(200);

    fn line(number: usize, cells: &[&str]) -> RawLine {
        RawLine { number, cells: cells.iter().map(|cell| (*cell).to_owned()).collect() }
    }

    fn known() -> Known {
        let unit = |name: &str, kind, path: &[NodeId]| KnownUnit { name: name.into(), kind, path: path.to_vec() };
        let existing = Email::parse("anna@stockholm.se").unwrap();
        let gone = Email::parse("gone@stockholm.se").unwrap();
        Known {
            units: HashMap::from([
                (UNIT_A, unit("Förskolan A", OrgKind::Unit, &[CITY, JARVA, UNIT_A])),
                (UNIT_B, unit("Förskolan B", OrgKind::Unit, &[CITY, JARVA, UNIT_B])),
                (UNIT_C, unit("Hemtjänst C", OrgKind::Unit, &[CITY, SODERMALM, UNIT_C])),
                (JARVA, unit("Järva", OrgKind::DistrictAdministration, &[CITY, JARVA])),
            ]),
            people: HashMap::from([
                (existing, KnownPerson { id: UserId(7), name: "Anna Berg".into(), disabled: false }),
                (gone, KnownPerson { id: UserId(8), name: "Gone".into(), disabled: true }),
            ]),
            managers: HashSet::from([(UserId(7), UNIT_A)]),
        }
    }

    fn head() -> Vec<RoleGrant> {
        vec![RoleGrant { role: Role::Head, node: JARVA }]
    }

    fn problems_of(plan: &ImportPlan, number: usize) -> Vec<LineProblem> {
        plan.errors.iter().find(|error| error.number == number).map(|error| error.problems.clone()).unwrap_or_default()
    }

    #[test]
    fn each_line_says_what_it_would_do() {
        let lines = [
            line(1, &["ny@stockholm.se", "Ny Person", "100"]),
            line(2, &["ny@stockholm.se", "Ny Person", "101"]),
            line(3, &["Anna@Stockholm.se", "Anna B", "100"]),
            line(4, &["anna@stockholm.se", "Anna B", "101"]),
        ];
        let plan = plan(&lines, &known(), &head());
        assert!(plan.errors.is_empty(), "{:?}", plan.errors);
        let what: Vec<(usize, PersonChange, bool)> =
            plan.lines.iter().map(|line| (line.number, line.person, line.role_given)).collect();
        assert_eq!(
            what,
            [
                (1, PersonChange::New, true),
                (2, PersonChange::NewEarlier, true),
                (3, PersonChange::Existing(UserId(7)), false),
                (4, PersonChange::Existing(UserId(7)), true),
            ]
        );
        assert_eq!(plan.lines[2].name, "Anna Berg", "an existing person keeps their stored name");
        assert_eq!(
            plan.counts(),
            ImportCounts { lines: 4, new_people: 1, roles_given: 3, already_held: 1, refused: 0 }
        );
        assert!(plan.applicable());
        assert_eq!(plan.log_detail(), "lines=4 new_people=1 roles_given=3 already_held=1");
    }

    #[test]
    fn every_bad_line_is_refused_with_its_number_and_why() {
        let lines = [
            line(2, &["inte-en-adress", "Namn", "100"]),
            line(3, &["a@stockholm.se", "  ", "100"]),
            line(4, &["b@stockholm.se", "Namn", "999"]),
            line(5, &["c@stockholm.se", "Namn", "10"]),
            line(6, &["d@stockholm.se", "Namn", "200"]),
            line(7, &["e@stockholm.se", "Namn", "abc"]),
            line(8, &["f@stockholm.se", "Namn"]),
            line(9, &["gone@stockholm.se", "Gone", "100"]),
            line(10, &["g@stockholm.se", "Namn", "100"]),
            line(11, &["g@stockholm.se", "Namn", "100"]),
            line(12, &["g@stockholm.se", "Annat Namn", "101"]),
        ];
        let plan = plan(&lines, &known(), &head());
        assert_eq!(problems_of(&plan, 2), [LineProblem::BadEmail]);
        assert_eq!(problems_of(&plan, 3), [LineProblem::EmptyName]);
        assert_eq!(problems_of(&plan, 4), [LineProblem::UnknownUnit]);
        assert_eq!(problems_of(&plan, 5), [LineProblem::NotAUnit]);
        assert_eq!(problems_of(&plan, 6), [LineProblem::OutsideYourOrganisation]);
        assert_eq!(problems_of(&plan, 7), [LineProblem::BadUnitId]);
        assert_eq!(problems_of(&plan, 8), [LineProblem::WrongFieldCount { found: 2 }]);
        assert_eq!(problems_of(&plan, 9), [LineProblem::PersonDeactivated]);
        assert_eq!(problems_of(&plan, 11), [LineProblem::Duplicate { first_line: 10 }]);
        assert_eq!(problems_of(&plan, 12), [LineProblem::OtherName { first_line: 10 }]);
        assert_eq!(plan.lines.len(), 1, "only line 10 passes");
        assert!(!plan.applicable(), "one bad line stops the whole import");
    }

    #[test]
    fn the_quality_department_may_appoint_anywhere_but_never_on_a_non_unit() {
        let quality = vec![RoleGrant { role: Role::QualityDepartment, node: CITY }];
        let lines = [line(1, &["x@stockholm.se", "X", "200"]), line(2, &["y@stockholm.se", "Y", "10"])];
        let plan = plan(&lines, &known(), &quality);
        assert_eq!(plan.lines.len(), 1);
        assert_eq!(problems_of(&plan, 2), [LineProblem::NotAUnit]);
    }

    #[test]
    fn hostile_fields_are_text_or_refused() {
        let long_name = "x".repeat(10_000);
        let lines = [
            line(1, &["=cmd|' /C calc'!A0", "Namn", "100"]),
            line(2, &["h@stockholm.se", "=HYPERLINK(\"http://evil\")", "100"]),
            line(3, &["i@stockholm.se", &long_name, "100"]),
            line(4, &["j@stockholm.se", "Rad\nbrytning", "100"]),
            line(5, &["k@stockholm.se", "Namn", "-100"]),
            line(6, &["l@stockholm.se", "Namn", "1e2"]),
            line(7, &["m@stockholm.se", "Namn", "99999999999999999999999"]),
            line(8, &["n@stockholm.se", "Namn", " 100 ", "", ""]),
        ];
        let plan = plan(&lines, &known(), &head());
        assert_eq!(problems_of(&plan, 1), [LineProblem::BadEmail]);
        assert_eq!(plan.lines[0].name, "=HYPERLINK(\"http://evil\")", "a formula is just a (strange) name");
        assert_eq!(problems_of(&plan, 3), [LineProblem::NameTooLong { max: 200, actual: 10_000 }]);
        let shown = &plan.errors.iter().find(|error| error.number == 3).unwrap().shown;
        assert!(shown.starts_with("i@stockholm.se; xxx") && shown.chars().count() == 121, "shortened: {shown}");
        assert_eq!(problems_of(&plan, 4), [LineProblem::NameInvalidCharacters]);
        for number in [5, 6, 7] {
            assert_eq!(problems_of(&plan, number), [LineProblem::BadUnitId], "line {number}");
        }
        assert_eq!(plan.lines[1].number, 8, "spaces around fields and empty trailing fields are fine");
    }

    #[test]
    fn an_empty_file_or_too_many_lines_is_refused_as_a_whole() {
        assert_eq!(plan(&[], &known(), &head()).file_problem, Some(FileProblem::Empty));
        let many: Vec<RawLine> =
            (1..=MAX_IMPORT_LINES + 1).map(|number| line(number, &["a@stockholm.se", "A", "100"])).collect();
        let plan = plan(&many, &known(), &head());
        assert_eq!(plan.file_problem, Some(FileProblem::TooManyLines { max: MAX_IMPORT_LINES }));
        assert!(!plan.applicable());
    }

    #[test]
    fn files_from_swedish_excel_are_read_as_they_were_written() {
        assert_eq!(decode(b"\xEF\xBB\xBFe-post;namn;enhet"), "e-post;namn;enhet", "the BOM goes");
        assert_eq!(decode("Åsa Öberg".as_bytes()), "Åsa Öberg");
        assert_eq!(decode(b"\xC5sa \xD6berg \x80"), "Åsa Öberg €", "Windows-1252");
    }

    #[test]
    fn the_separator_and_the_header_are_recognised() {
        assert_eq!(delimiter("\n\ne-post;namn;enhet\n"), b';');
        assert_eq!(delimiter("a@x.se,Anna Berg,100"), b',');
        assert_eq!(delimiter("a@x.se;Berg, Anna;100"), b';');
        let cells = |cells: &[&str]| cells.iter().map(|cell| (*cell).to_owned()).collect::<Vec<_>>();
        assert!(is_header(&cells(&["E-post", "Namn", "Enhets-id"])));
        assert!(!is_header(&cells(&["anna@x.se", "Anna", "100"])));
        assert!(is_header(&cells(&["email", "name", "unit"])));
        assert!(!is_header(&cells(&["inte en adress", "Anna", "100"])), "a bad first line is a line, refused");
        assert!(!is_header(&cells(&["=1+1", "x", "@SUM(A1)"])));
    }

    #[test]
    fn unit_ids_and_addresses_to_look_up_are_listed_once() {
        let lines = [line(1, &["A@x.se", "A", "100"]), line(2, &["a@x.se", "A", "100"]), line(3, &["b", "B", "x"])];
        assert_eq!(unit_ids(&lines), [UNIT_A]);
        assert_eq!(emails(&lines), [Email::parse("a@x.se").unwrap()]);
    }
}
