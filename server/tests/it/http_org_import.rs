//! Importing the organisation from the HR register through the real router: hostile lines
//! (formulas, 10,000-character names, cycles, unknown parents, duplicates) are refused each
//! with its line and why, shown as text, and nothing is applied; a file over the limit is
//! refused before it is read; an XLSX workbook is read like CSV; applying is all at once, once.

use crate::common;
use crate::common::http::TestApp;
use crate::common::{MANAGER_A_EMAIL, QUALITY_EMAIL};
use crate::org_support::{apply, at, by_external, count, history, import, review, upload, upload_request};
use app::domain::org_import::MAX_IMPORT_BYTES;
use axum::http::StatusCode;

#[test]
fn hostile_lines_are_refused_with_their_numbers_and_reasons_and_nothing_is_applied() {
    common::run(async {
        let app = TestApp::new().await;
        let quality = app.login(QUALITY_EMAIL).await;
        let before = history(&app).await;
        let long = "x".repeat(10_000);
        let file = format!(
            "id;namn;överordnad;typ;giltig från\n\
             B1;=HYPERLINK(\"http://evil.example\",\"<b>klicka</b>\");;bolag;2023-01-01\n\
             B2;{long};;bolag;2023-01-01\n\
             A1;Avdelning ett;A2;avdelning;2023-01-01\n\
             A2;Avdelning två;A1;avdelning;2023-01-01\n\
             E1;Enhet utan förälder;FINNS-INTE;enhet;2023-01-01\n\
             B1;Dubblett;;bolag;2023-01-01\n\
             B3;@SUM(A1:A9);;nämnd;2023-02-30\n"
        );
        let token = upload(&app, &quality, "hr.csv", file.as_bytes(), "2023-01-01").await;
        let dry_run = review(&app, &quality, &token).await;
        let errors = dry_run["Review"]["diff"]["errors"].as_array().unwrap();
        let lines: Vec<u64> = errors.iter().map(|error| error["number"].as_u64().unwrap()).collect();
        assert_eq!(lines, [3, 4, 5, 6, 7, 8]);
        let problems = |line: u64| {
            errors.iter().find(|error| error["number"] == line).map(|error| error["problems"].to_string()).unwrap()
        };
        assert!(problems(3).contains("NameTooLong") && problems(3).contains("10000"));
        assert!(problems(4).contains("Cycle") && problems(5).contains("Cycle"));
        assert!(problems(6).contains("UnknownParent"));
        assert!(problems(7).contains("Duplicate") && problems(7).contains("\"first_line\":2"));
        assert!(problems(8).contains("UnknownKind") && problems(8).contains("InvalidDate"));
        // The formula is only a name.
        let rows = dry_run["Review"]["diff"]["rows"].as_array().unwrap();
        assert_eq!(rows[0]["name"], "=HYPERLINK(\"http://evil.example\",\"<b>klicka</b>\")");

        // The page shows it all as text.
        let page = app.send(TestApp::get(&format!("/admin/organisation/import/{token}"), Some(&quality))).await;
        assert_eq!(page.status, StatusCode::OK);
        let text = page.body.split("<main").nth(1).unwrap_or_default();
        assert!(text.contains("rader med fel") && text.contains("<dt>Fel</dt><dd>6</dd>"), "{text}");
        assert!(page.body.contains("&lt;b&gt;klicka&lt;/b&gt;") && !page.body.contains("<b>klicka"));
        assert!(page.body.contains("De överordnade organisationerna leder tillbaka till raden själv"));
        assert!(page.body.contains("Samma id som rad 2"));
        assert!(!page.body.contains("Genomför importen"));

        let refused = apply(&app, &quality, &token).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        assert_eq!(history(&app).await, before, "nothing applied");
    })
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    common::run(async {
        let app = TestApp::new().await;
        let quality = app.login(QUALITY_EMAIL).await;
        let kept = count(&app, "pending_save").await;
        let line = "X1;Bolaget;;bolag;2023-01-01\n";
        let big = line.repeat(20 * 1024 * 1024 / line.len() + 1);
        assert!(big.len() > 20 * 1024 * 1024 && big.len() > MAX_IMPORT_BYTES);
        let reply = app.send(upload_request("hr.csv", big.as_bytes(), "2023-01-01", Some(&quality))).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        let location = reply.location().unwrap().to_owned();
        assert!(location.starts_with("/admin/organisation/import?avvisad="), "{location}");
        let page = app.send(TestApp::get(&location, Some(&quality))).await;
        assert!(page.body.contains("Filen är för stor: högst 5 MB."), "{}", page.body);
        assert_eq!(count(&app, "pending_save").await, kept + 1, "only why it was refused is kept");
        assert_eq!(count(&app, "org_node").await, 8);

        // Just over the limit without a declared length: read only up to the limit.
        let over = "x".repeat(MAX_IMPORT_BYTES + 10);
        let mut request = upload_request("hr.csv", over.as_bytes(), "2023-01-01", Some(&quality));
        request.headers_mut().remove(axum::http::header::CONTENT_LENGTH);
        let reply = app.send(request).await;
        let location = reply.location().unwrap_or_default().to_owned();
        assert!(location.starts_with("/admin/organisation/import?avvisad="), "{location}");
    })
}

#[test]
fn an_xlsx_workbook_is_read_like_csv_and_applied_once_with_its_managers() {
    common::run(async {
        let app = TestApp::new().await;
        let f = &app.fixture;
        let quality = app.login(QUALITY_EMAIL).await;
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        let rows = [
            ["Id", "Namn", "Överordnad", "Typ", "Giltig från", "Enhetschef"],
            ["100", "Bolaget AB", "", "bolag", "2021-01-01", ""],
            ["110", "Avdelning Syd", "100", "avdelning", "2021-01-01", ""],
            ["111", "Enhet Ett", "110", "enhet", "2021-01-01", MANAGER_A_EMAIL],
            ["112", "Enhet Två", "110", "enhet", "2021-01-01", "ingen.alls@test.example"],
        ];
        for (row, cells) in rows.iter().enumerate() {
            for (column, text) in cells.iter().enumerate() {
                let (row, column) = (row as u32, column as u16);
                match text.parse::<f64>() {
                    // Ids as numbers, as a register's export has them.
                    Ok(number) if column == 0 => sheet.write_number(row, column, number).map(|_| ()),
                    _ => sheet.write_string(row, column, *text).map(|_| ()),
                }
                .unwrap();
            }
        }
        let bytes = workbook.save_to_buffer().unwrap();
        let token = upload(&app, &quality, "hr.xlsx", &bytes, "2021-01-01").await;
        let dry_run = review(&app, &quality, &token).await;
        assert_eq!(dry_run["Review"]["diff"]["errors"], serde_json::json!([]), "{dry_run}");
        assert_eq!(dry_run["Review"]["counts"]["new"], 4);
        assert_eq!(dry_run["Review"]["without_account"], serde_json::json!(["ingen.alls@test.example"]));
        assert_eq!(count(&app, "org_node").await, 8, "a dry run changes nothing");

        let applied = apply(&app, &quality, &token).await;
        assert!(applied.status.is_success() || applied.status.is_redirection(), "{}", applied.body);
        let unit = by_external(&app, "111").await;
        assert_eq!(at(&app, unit, "2021-01-01").await.map(|(name, _)| name), Some("Enhet Ett".to_owned()));
        assert_eq!(at(&app, unit, "2020-12-31").await, None);
        let manages: i64 = app::db::sql::query_scalar(
            "SELECT count(*) FROM role_assignment WHERE user_id = $1 AND node_id = $2 AND role = 'unit_manager'",
        )
        .bind(f.manager_a.0)
        .bind(unit.0)
        .fetch_one(&f.pool)
        .await
        .unwrap();
        assert_eq!(manages, 1);
        let detail: String = app::db::sql::query_scalar("SELECT detail FROM admin_event WHERE action = 'org_imported'")
            .fetch_one(&f.pool)
            .await
            .unwrap();
        assert!(detail.starts_with("lines=4 new=4 renamed=0 moved=0 closed=0 unchanged=0 managers=2"), "{detail}");
        assert!(detail.ends_with("managers_given=1"), "{detail}");

        // The outcome is shown; it cannot be applied twice.
        let outcome = applied.location().unwrap().to_owned();
        let page = app.send(TestApp::get(&outcome, Some(&quality))).await;
        assert!(page.body.contains("Importen är genomförd"), "{}", page.body);
        assert_eq!(apply(&app, &quality, &token).await.status, StatusCode::NOT_FOUND);

        // The same file next year: every line matched by its id, nothing to change.
        let again = "100;Bolaget AB;;bolag;2021-01-01\n110;Avdelning Syd;100;avdelning;2021-01-01\n\
                     111;Enhet Ett;110;enhet;2021-01-01\n112;Enhet Två;110;enhet;2021-01-01\n";
        let dry_run = import(&app, &quality, again, "2022-01-01").await;
        assert_eq!(dry_run["Review"]["counts"]["unchanged"], 4);
        assert_eq!(count(&app, "org_node").await, 12);
    })
}
