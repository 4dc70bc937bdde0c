//! The results page's downloads over HTTP: the workbook and the CSV files read back with a
//! spreadsheet reader and a CSV parser hold exactly the page's figures for the same filters,
//! unit rows only for units the viewer sees in full, belägg only for the quality department,
//! hostile text inert in every text column, and nothing without a session.

use crate::common;

use crate::common::http::{TestApp, form};
use crate::common::{HEAD_EMAIL, MANAGER_A_EMAIL, QUALITY_EMAIL};
use app::api::results::{OrgResults, Shown};
use app::domain::ids::NodeId;
use app::domain::raw_answers::Intent;
use axum::http::{StatusCode, header};
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

/// Text a spreadsheet would run as a formula, and markup.
const HOSTILE: [&str; 7] = [
    "=HYPERLINK(\"http://x\",\"y\")",
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "-2+3",
    "\t=1",
    "\r=1",
    "<script>alert(1)</script>",
];

/// Unit A at 3 and unit B at 4 in Järva (with hostile belägg), unit C at 2, eleven units on
/// Södermalm at 3: all submitted, the round published.
async fn published_city(app: &TestApp) {
    let fixture = &app.fixture;
    for (unit, level) in [(fixture.unit_a, 3), (fixture.unit_b, 4), (fixture.unit_c, 2)] {
        fixture.store(fixture.round, unit, &fixture.answers_at(level, HOSTILE[0]), Intent::Submit).await;
    }
    fixture.add_submitted_units(fixture.elderly_care, &[3, 3, 4, 2, 5, 3, 1, 4, 3, 2, 3]).await;
    app::db::sql::query("UPDATE round SET status = 'published' WHERE id = $1")
        .bind(fixture.round.0)
        .execute(&fixture.pool)
        .await
        .unwrap();
}

async fn page(app: &TestApp, cookie: &str, node: NodeId) -> OrgResults {
    let body = form(&[("query[round]", &app.fixture.round.to_string()), ("query[node]", &node.to_string())]);
    let reply = app.send(TestApp::post("/api/results", body, Some(cookie))).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

fn params(app: &TestApp, node: NodeId) -> String {
    format!("omgang={}&nod={node}", app.fixture.round)
}

/// The workbook of `node` as `cookie` gets it: each sheet's name and rows.
async fn workbook(app: &TestApp, cookie: &str, node: NodeId) -> Vec<(String, Vec<Vec<Data>>)> {
    let (status, headers, bytes) =
        app.send_raw(TestApp::get(&format!("/resultat/export.xlsx?{}", params(app, node)), Some(cookie))).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&bytes));
    assert_eq!(headers[header::CONTENT_TYPE], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert!(headers[header::CONTENT_DISPOSITION].to_str().unwrap().starts_with("attachment; filename=\"mognad-"));
    assert_eq!(headers[header::CACHE_CONTROL], "no-store", "a private download is never cached");
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("a workbook");
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let formulas = book.worksheet_formula(&name).unwrap();
            assert!(formulas.used_cells().all(|(_, _, formula)| formula.is_empty()), "a formula in {name}");
            let range = book.worksheet_range(&name).unwrap();
            (name, range.rows().map(<[Data]>::to_vec).collect())
        })
        .collect()
}

fn sheet<'a>(book: &'a [(String, Vec<Vec<Data>>)], name: &str) -> &'a [Vec<Data>] {
    &book.iter().find(|(sheet, _)| sheet == name).unwrap_or_else(|| panic!("no sheet {name}")).1
}

/// The column named `heading` of a table's rows (its first row the headings).
fn column(rows: &[Vec<Data>], heading: &str) -> usize {
    rows[0].iter().position(|cell| *cell == heading).unwrap_or_else(|| panic!("no column {heading}"))
}

async fn csv_file(app: &TestApp, cookie: &str, table: &str, node: NodeId, dialect: &str) -> (StatusCode, Vec<u8>) {
    let path = format!("/resultat/export/{table}.csv?{}&dialekt={dialect}", params(app, node));
    let (status, _, bytes) = app.send_raw(TestApp::get(&path, Some(cookie))).await;
    (status, bytes.to_vec())
}

fn csv_rows(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).from_reader(bytes);
    reader.records().map(|record| record.unwrap().iter().map(str::to_owned).collect()).collect()
}

fn number(cell: &Data) -> f64 {
    match cell {
        Data::Float(value) => *value,
        Data::Int(value) => *value as f64,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn the_workbook_holds_the_pages_figures_the_units_and_the_belagg_for_the_quality_department() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        published_city(&app).await;
        let quality = app.login(QUALITY_EMAIL).await;
        let shown = page(&app, &quality, fixture.sodermalm).await;
        let book = workbook(&app, &quality, fixture.sodermalm).await;
        let names: Vec<&str> = book.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            ["Om filen", "Enheter och påståenden", "Enheter och dimensioner", "Organisationer", "Förbättringsåtgärder"]
        );

        // Every figure of the page, its spread included, equals the workbook's.
        let organisations = sheet(&book, "Organisationer");
        let (key, n, mean, q1, median, q3) = (
            column(organisations, "Nyckel"),
            column(organisations, "n"),
            column(organisations, "Medel"),
            column(organisations, "Kvartil 1"),
            column(organisations, "Median"),
            column(organisations, "Kvartil 3"),
        );
        for row in &shown.figures {
            let Shown::Value(figure) = &row.figure else { panic!("the quality department sees every figure") };
            let cells = organisations
                .iter()
                .find(|cells| cells[key].to_string() == row.key && number(&cells[1]) as i64 == shown.node_id)
                .unwrap_or_else(|| panic!("no row for {}", row.key));
            assert_eq!(number(&cells[n]) as usize, figure.n);
            assert!((number(&cells[mean]) - figure.mean).abs() < 1e-12, "{}", row.key);
            let spread = figure.spread.as_ref().expect("fourteen units have a spread");
            assert!((number(&cells[q1]) - spread.q1).abs() < 1e-12);
            assert!((number(&cells[median]) - spread.median).abs() < 1e-12);
            assert!((number(&cells[q3]) - spread.q3).abs() < 1e-12);
        }

        // One row per unit and statement, with the belägg: a string cell (with Excel's quote
        // prefix), never a formula.
        let statements = sheet(&book, "Enheter och påståenden");
        let units = shown.total;
        assert_eq!(statements.len() - 1, units * fixture.statement_keys().len());
        let motivation = column(statements, "Belägg");
        assert!(statements[1..].iter().any(|cells| cells[motivation] == Data::String(HOSTILE[0].to_owned())));
        let description = sheet(&book, "Om filen");
        assert!(description.iter().any(|cells| cells.iter().any(|cell| cell.to_string().contains("KVARTIL.INK"))));
    });
}

#[test]
fn csv_in_both_dialects_reads_back_to_the_same_numbers() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        published_city(&app).await;
        let quality = app.login(QUALITY_EMAIL).await;
        let shown = page(&app, &quality, fixture.sodermalm).await;
        let Shown::Value(index) = &shown.figures[0].figure else { panic!("the index is shown") };

        let (status, excel) = csv_file(&app, &quality, "organisationer", fixture.sodermalm, "excel").await;
        assert_eq!(status, StatusCode::OK);
        assert!(excel.starts_with(b"\xEF\xBB\xBF"), "Swedish Excel needs the byte-order mark");
        let excel_rows = csv_rows(&excel[3..], b';');
        let (status, plain) = csv_file(&app, &quality, "organisationer", fixture.sodermalm, "rfc4180").await;
        assert_eq!(status, StatusCode::OK);
        assert!(!plain.starts_with(b"\xEF\xBB\xBF"));
        let plain_rows = csv_rows(&plain, b',');
        assert_eq!(excel_rows.len(), plain_rows.len());
        let mean = excel_rows[0].iter().position(|heading| heading == "Medel").unwrap();
        let swedish: f64 = excel_rows[1][mean].replace(',', ".").parse().unwrap();
        let point: f64 = plain_rows[1][mean].parse().unwrap();
        assert_eq!(swedish, index.mean, "full precision, decimal comma");
        assert_eq!(point, index.mean, "full precision, decimal point");
        assert!(!plain_rows[1][mean].contains(','));

        // Hostile unit names stay text in every table.
        for (position, hostile) in HOSTILE.iter().enumerate() {
            let unit = fixture.add_node(app::domain::org::OrgKind::Unit, hostile, fixture.elderly_care).await;
            let level = u8::try_from(position % 5 + 1).unwrap();
            fixture.store(fixture.round, unit, &fixture.answers_at(level, hostile), Intent::Submit).await;
        }
        for table in ["enheter-pastaenden", "enheter-dimensioner"] {
            let (status, file) = csv_file(&app, &quality, table, fixture.sodermalm, "rfc4180").await;
            assert_eq!(status, StatusCode::OK);
            for row in csv_rows(&file, b',') {
                for cell in row {
                    let first = cell.trim_start_matches(' ').chars().next();
                    assert!(
                        !first.is_some_and(|first| ['=', '+', '-', '@', '\t', '\r'].contains(&first)),
                        "{table}: {cell:?} would run as a formula"
                    );
                }
            }
        }
    });
}

#[test]
fn a_unit_manager_gets_their_own_units_rows_and_the_aggregates_exactly_as_the_page_withholds_them() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        published_city(&app).await;
        let manager = app.login(MANAGER_A_EMAIL).await;
        let shown = page(&app, &manager, fixture.jarva).await;
        assert!(!shown.full);
        let book = workbook(&app, &manager, fixture.jarva).await;

        let statements = sheet(&book, "Enheter och påståenden");
        let unit_id = column(statements, "Enhets-id");
        assert!(statements.len() > 1);
        assert!(
            statements[1..].iter().all(|cells| number(&cells[unit_id]) as i64 == fixture.unit_a.0),
            "no rows of another unit, ever"
        );
        assert!(!statements[0].iter().any(|cell| *cell == "Belägg"), "belägg only for the quality department");

        // Järva has two units: the page withholds its figures, and so does the file; each
        // child's index is in the file exactly when the page shows it.
        let organisations = sheet(&book, "Organisationer");
        let (key, mean) = (column(organisations, "Nyckel"), column(organisations, "Medel"));
        for row in &shown.figures {
            assert!(!matches!(row.figure, Shown::Value(_)));
        }
        for cells in &organisations[1..] {
            let id = number(&cells[1]) as i64;
            let expected = if id == shown.node_id {
                None
            } else if cells[key] == "index" {
                let child = shown.children.iter().find(|child| child.id == id).expect("a child of the page");
                child.index.value().copied()
            } else {
                continue;
            };
            let got = (cells[mean] != Data::Empty).then(|| number(&cells[mean]));
            assert_eq!(got, expected, "the file shows what the page shows: {cells:?}");
        }

        // Another unit's page is refused, as the page is.
        let (status, _) = csv_file(&app, &manager, "enheter-pastaenden", fixture.unit_b, "excel").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    });
}

#[test]
fn a_head_gets_the_units_of_their_subtree_and_nobody_gets_anything_without_a_session() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        published_city(&app).await;
        let head = app.login(HEAD_EMAIL).await;
        let (status, file) = csv_file(&app, &head, "enheter-dimensioner", fixture.city, "rfc4180").await;
        assert_eq!(status, StatusCode::OK);
        let rows = csv_rows(&file, b',');
        let unit_id = rows[0].iter().position(|heading| heading == "Enhets-id").unwrap();
        let ids: std::collections::BTreeSet<i64> = rows[1..].iter().map(|row| row[unit_id].parse().unwrap()).collect();
        assert_eq!(ids, [fixture.unit_a.0, fixture.unit_b.0].into(), "their administration's units only");

        let path = format!("/resultat/export.xlsx?{}", params(&app, fixture.city));
        let reply = app.send(TestApp::get(&path, None)).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        assert!(reply.location().unwrap().starts_with("/logga-in"));
        let reply = app.send(TestApp::get("/resultat/export/hemligt.csv?omgang=1", Some(&head))).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
    });
}
