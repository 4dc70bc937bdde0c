//! A round's results as tables to download (server only), under the results page's rules:
//! unit rows only for the units the viewer sees in full (a head their subtree, a unit
//! manager their own unit, the quality department all), belägg only for the quality
//! department, and the organisations' figures exactly as the page shows them (withheld where
//! the page withholds them).

use super::table::{Cell, Column, Table};
use super::which::ResultTable;
use super::xlsx::About;
use crate::api::context::Caller;
use crate::api::error::AppError;
use crate::api::results::load::load_org_results;
use crate::api::results::query::ResultsQuery;
use crate::api::results::{FigureRow, OrgResults, Shown};
use crate::db::{self, clock};
use crate::domain::actions::ActionValues;
use crate::domain::answers::Answers;
use crate::domain::framework::{DimensionGroup, Framework};
use crate::domain::ids::NodeId;
use crate::domain::level::{Level, Rating};
use crate::domain::org::OrgKind;
use crate::domain::results::{ResultsAccess, RoundResults};
use crate::domain::rights::{Permission, may_anywhere};
use crate::domain::scoring::UnitScores;
use crate::i18n::{Locale, td_string};
use crate::state::AppState;
use crate::state::results_cache::ComputedRound;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// A unit whose rows the viewer may have, with where it sat in the round.
#[derive(Clone, Debug)]
struct UnitRow {
    id: NodeId,
    name: String,
    administration: String,
    department: String,
}

/// Everything the tables are drawn from, loaded once.
pub struct Prepared {
    pub results: OrgResults,
    computed: Arc<ComputedRound>,
    units: Arc<Vec<UnitRow>>,
    ratings: Arc<HashMap<NodeId, Answers>>,
    /// The belägg, for the quality department only.
    motivations: Option<Arc<HashMap<NodeId, HashMap<String, String>>>>,
    actions: Vec<(NodeId, String, ActionValues)>,
    by: String,
}

/// Loads what the tables of the results page `asked` need, as `caller` may see it.
pub async fn prepare(state: &AppState, caller: &Caller, asked: &ResultsQuery) -> Result<Prepared, AppError> {
    let query = ResultsQuery { sort: None, descending: false, ..asked.clone() };
    let results = load_org_results(&state.pool, &state.results_cache, state.privacy, caller, &query).await?;
    let round = db::rounds::get(&state.pool, results.round.id).await?.ok_or(AppError::NotFound)?;
    let computed = state.results_cache.get(&state.pool, &round).await?;
    let node = NodeId(results.node_id);
    let units = units_seen_in_full(&computed.results, caller, node, &results);
    let seen: HashSet<NodeId> = units.iter().map(|unit| unit.id).collect();
    let ratings = db::results::submitted_ratings(&state.pool, round.id).await?;
    let ratings: HashMap<NodeId, Answers> = ratings.into_iter().filter(|(unit, _)| seen.contains(unit)).collect();
    let motivations = if may_anywhere(&caller.grants, Permission::ReadHistory) {
        let all = db::answers::submitted_motivations(&state.pool, round.id).await?;
        Some(Arc::new(all.into_iter().filter(|(unit, _)| ratings.contains_key(unit)).collect()))
    } else {
        None
    };
    let submitted: Vec<NodeId> = units.iter().map(|unit| unit.id).filter(|unit| ratings.contains_key(unit)).collect();
    let actions = db::actions::of_units_in_round(&state.pool, round.id, &submitted)
        .await?
        .into_iter()
        .map(|action| (action.unit, action.dimension, action.values))
        .collect();
    Ok(Prepared {
        results,
        computed,
        units: Arc::new(units),
        ratings: Arc::new(ratings),
        motivations,
        actions,
        by: caller.display_name.clone(),
    })
}

/// The name of a download of these tables, without its ending: plain ASCII, e.g.
/// `mognad-resultat-omgang-3-nod-17`.
pub fn file_stem(prepared: &Prepared) -> String {
    format!("mognad-resultat-omgang-{}-nod-{}", prepared.results.round.id, prepared.results.node_id)
}

/// The units below the page's organisation (of the page's type, if it is limited to one)
/// that the viewer sees in full, by administration, department and name.
fn units_seen_in_full(results: &RoundResults, caller: &Caller, node: NodeId, page: &OrgResults) -> Vec<UnitRow> {
    let kept_children: Option<Vec<NodeId>> = page.query.kind.map(|kind| {
        results
            .children(node)
            .iter()
            .copied()
            .filter(|child| results.node(*child).is_some_and(|n| kind.matches(n.kind)))
            .collect()
    });
    let mut units: Vec<UnitRow> = results
        .units_below(node)
        .filter(|unit| {
            kept_children.as_ref().is_none_or(|children| {
                results.path(*unit).is_some_and(|path| path.iter().any(|step| children.contains(step)))
            })
        })
        .filter(|unit| results.access(&caller.grants, *unit) == Some(ResultsAccess::Everything))
        .filter_map(|unit| {
            let tree_node = results.node(unit)?;
            let name_of =
                |id: Option<NodeId>| id.and_then(|id| results.node(id)).map(|n| n.name.clone()).unwrap_or_default();
            let parent = tree_node.parent.and_then(|parent| results.node(parent));
            let department =
                parent.filter(|parent| parent.kind == OrgKind::Department).map(|parent| parent.name.clone());
            Some(UnitRow {
                id: unit,
                name: tree_node.name.clone(),
                administration: name_of(results.administration_of(unit)),
                department: department.unwrap_or_default(),
            })
        })
        .collect();
    units.sort_by(|a, b| {
        (&a.administration, &a.department, &a.name, a.id).cmp(&(&b.administration, &b.department, &b.name, b.id))
    });
    units
}

/// The tables asked for, in their order.
pub fn tables(prepared: &Prepared, wanted: &[ResultTable]) -> Vec<Table> {
    wanted
        .iter()
        .map(|table| match table {
            ResultTable::Statements => statements(prepared),
            ResultTable::Dimensions => dimensions(prepared),
            ResultTable::Organisations => organisations(prepared),
            ResultTable::Actions => actions(prepared),
        })
        .collect()
}

fn column(name: String, definition: String, width: f64) -> Column {
    Column::new(name, definition, width)
}

fn unit_columns() -> Vec<Column> {
    vec![
        column(
            td_string!(Locale::sv, export.col_administration).to_string(),
            td_string!(Locale::sv, export.col_administration_def).to_string(),
            32.0,
        ),
        column(
            td_string!(Locale::sv, export.col_department).to_string(),
            td_string!(Locale::sv, export.col_department_def).to_string(),
            28.0,
        ),
        column(
            td_string!(Locale::sv, export.col_unit).to_string(),
            td_string!(Locale::sv, export.col_unit_def).to_string(),
            32.0,
        ),
        column(
            td_string!(Locale::sv, export.col_unit_id).to_string(),
            td_string!(Locale::sv, export.col_unit_id_def).to_string(),
            10.0,
        ),
    ]
}

fn unit_cells(unit: &UnitRow) -> Vec<Cell> {
    vec![
        Cell::text(&unit.administration),
        Cell::text(&unit.department),
        Cell::text(&unit.name),
        Cell::Integer(unit.id.0),
    ]
}

fn statements(prepared: &Prepared) -> Table {
    let mut columns = unit_columns();
    columns.extend([
        column(
            td_string!(Locale::sv, export.col_dimension).to_string(),
            td_string!(Locale::sv, export.col_dimension_def).to_string(),
            30.0,
        ),
        column(
            td_string!(Locale::sv, export.col_dimension_key).to_string(),
            td_string!(Locale::sv, export.col_dimension_key_def).to_string(),
            18.0,
        ),
        column(
            td_string!(Locale::sv, export.col_statement).to_string(),
            td_string!(Locale::sv, export.col_statement_def).to_string(),
            50.0,
        ),
        column(
            td_string!(Locale::sv, export.col_statement_key).to_string(),
            td_string!(Locale::sv, export.col_statement_key_def).to_string(),
            22.0,
        ),
        column(
            td_string!(Locale::sv, export.col_level).to_string(),
            td_string!(Locale::sv, export.col_level_def).to_string(),
            6.0,
        ),
        column(
            td_string!(Locale::sv, export.col_not_applicable).to_string(),
            td_string!(Locale::sv, export.col_not_applicable_def).to_string(),
            10.0,
        ),
    ]);
    if prepared.motivations.is_some() {
        columns.push(column(
            td_string!(Locale::sv, export.col_motivation).to_string(),
            td_string!(Locale::sv, export.col_motivation_def).to_string(),
            60.0,
        ));
    }
    let yes = td_string!(Locale::sv, export.yes).to_string();
    let framework = Arc::clone(&prepared.computed);
    let ratings = Arc::clone(&prepared.ratings);
    let motivations = prepared.motivations.clone();
    let units: Vec<UnitRow> = prepared.units.iter().filter(|unit| ratings.contains_key(&unit.id)).cloned().collect();
    let rows = units.into_iter().flat_map(move |unit| {
        let framework = Arc::clone(&framework);
        let ratings = Arc::clone(&ratings);
        let motivations = motivations.clone();
        let yes = yes.clone();
        let statements: Vec<(String, String, String, String)> = framework
            .framework
            .dimensions
            .iter()
            .flat_map(|dimension| {
                dimension.statements.iter().map(move |statement| {
                    (
                        dimension.name.clone(),
                        dimension.key.to_string(),
                        statement.text.clone(),
                        statement.key.to_string(),
                    )
                })
            })
            .collect();
        statements.into_iter().map(move |(dimension, dimension_key, text, statement_key)| {
            let answers = ratings.get(&unit.id);
            let rating = answers.and_then(|answers| {
                answers.ratings.iter().find(|(key, _)| key.as_str() == statement_key).map(|(_, rating)| *rating)
            });
            let mut cells = unit_cells(&unit);
            cells.extend([
                Cell::Text(dimension),
                Cell::Text(dimension_key),
                Cell::Text(text),
                Cell::Text(statement_key.clone()),
            ]);
            match rating {
                Some(Rating::Level(level)) => cells.extend([Cell::Integer(i64::from(level.get())), Cell::Empty]),
                Some(Rating::NotApplicable) => cells.extend([Cell::Empty, Cell::text(&yes)]),
                None => cells.extend([Cell::Empty, Cell::Empty]),
            }
            if let Some(motivations) = &motivations {
                let text = motivations.get(&unit.id).and_then(|texts| texts.get(&statement_key)).cloned();
                cells.push(text.map_or(Cell::Empty, Cell::Text));
            }
            cells
        })
    });
    Table { name: td_string!(Locale::sv, export.table_statements).to_string(), columns, rows: Box::new(rows) }
}

/// The figures of a unit or an organisation, in the page's order: key, name and group.
fn figure_keys(framework: &Framework) -> Vec<(String, String, Option<DimensionGroup>)> {
    crate::api::results::figures::figure_keys(framework)
}

fn dimensions(prepared: &Prepared) -> Table {
    let mut columns = unit_columns();
    columns.extend([
        column(
            td_string!(Locale::sv, export.col_measure).to_string(),
            td_string!(Locale::sv, export.col_measure_def).to_string(),
            30.0,
        ),
        column(
            td_string!(Locale::sv, export.col_key).to_string(),
            td_string!(Locale::sv, export.col_key_def).to_string(),
            18.0,
        ),
        column(
            td_string!(Locale::sv, export.col_score).to_string(),
            td_string!(Locale::sv, export.col_score_def).to_string(),
            8.0,
        ),
        column(
            td_string!(Locale::sv, export.col_level).to_string(),
            td_string!(Locale::sv, export.col_score_level_def).to_string(),
            6.0,
        ),
    ]);
    let computed = Arc::clone(&prepared.computed);
    let keys = figure_keys(&computed.framework);
    let units: Vec<UnitRow> =
        prepared.units.iter().filter(|unit| computed.results.unit_scores(unit.id).is_some()).cloned().collect();
    let rows = units.into_iter().flat_map(move |unit| {
        let scores = computed.results.unit_scores(unit.id).cloned();
        keys.clone().into_iter().map(move |(key, name, _)| {
            let score = scores.as_ref().and_then(|scores| score_of(scores, &key));
            let mut cells = unit_cells(&unit);
            cells.extend([
                Cell::Text(name),
                Cell::Text(key),
                Cell::number(score),
                score.map_or(Cell::Empty, |score| Cell::Integer(i64::from(Level::from_score(score).get()))),
            ]);
            cells
        })
    });
    Table { name: td_string!(Locale::sv, export.table_dimensions).to_string(), columns, rows: Box::new(rows) }
}

/// A unit's score for a figure key: the index, a group's sub-index or a dimension's score.
fn score_of(scores: &UnitScores, key: &str) -> Option<f64> {
    match key {
        crate::domain::aggregate::INDEX_KEY => scores.index,
        _ => match DimensionGroup::from_key(key) {
            Some(DimensionGroup::Approaches) => scores.approaches_index,
            Some(DimensionGroup::FocusAreas) => scores.focus_areas_index,
            None => scores.dimensions.iter().find(|dimension| dimension.key.as_str() == key).and_then(|d| d.score),
        },
    }
}

fn organisations(prepared: &Prepared) -> Table {
    let results = &prepared.results;
    let mut columns = vec![
        column(
            td_string!(Locale::sv, export.col_organisation).to_string(),
            td_string!(Locale::sv, export.col_organisation_def).to_string(),
            34.0,
        ),
        column(
            td_string!(Locale::sv, export.col_organisation_id).to_string(),
            td_string!(Locale::sv, export.col_organisation_id_def).to_string(),
            10.0,
        ),
        column(
            td_string!(Locale::sv, export.col_measure).to_string(),
            td_string!(Locale::sv, export.col_measure_def).to_string(),
            30.0,
        ),
        column(
            td_string!(Locale::sv, export.col_key).to_string(),
            td_string!(Locale::sv, export.col_key_def).to_string(),
            18.0,
        ),
        column(
            td_string!(Locale::sv, export.col_n).to_string(),
            td_string!(Locale::sv, export.col_n_def).to_string(),
            6.0,
        ),
        column(
            td_string!(Locale::sv, export.col_mean).to_string(),
            td_string!(Locale::sv, export.col_mean_def).to_string(),
            8.0,
        ),
    ];
    let spread_def = td_string!(Locale::sv, export.col_spread_def).to_string();
    for name in [
        td_string!(Locale::sv, export.col_min).to_string(),
        td_string!(Locale::sv, export.col_q1).to_string(),
        td_string!(Locale::sv, export.col_median).to_string(),
        td_string!(Locale::sv, export.col_q3).to_string(),
        td_string!(Locale::sv, export.col_max).to_string(),
    ] {
        columns.push(column(name, spread_def.clone(), 8.0));
    }
    for level in 1..=5 {
        columns.push(column(
            td_string!(Locale::sv, export.col_share, level = level.to_string()).to_string(),
            td_string!(Locale::sv, export.col_share_def).to_string(),
            10.0,
        ));
    }
    columns.push(column(
        td_string!(Locale::sv, export.col_note).to_string(),
        td_string!(Locale::sv, export.col_note_def).to_string(),
        26.0,
    ));

    // The page's own figures, then its children's means as the page shows them.
    let mut rows: Vec<Vec<Cell>> =
        results.figures.iter().map(|row| figure_row(&results.node_name, results.node_id, row)).collect();
    let keys = figure_keys(&prepared.computed.framework);
    for child in &results.children {
        for (key, name, _) in &keys {
            let mean = match key.as_str() {
                crate::domain::aggregate::INDEX_KEY => Some(&child.index),
                _ => prepared
                    .computed
                    .framework
                    .dimensions
                    .iter()
                    .position(|dimension| dimension.key.as_str() == key)
                    .and_then(|at| child.dimensions.get(at)),
            };
            // The comparison shows the index and the dimensions; the sub-indices are not on it.
            let Some(mean) = mean else { continue };
            let mut cells =
                vec![Cell::text(&child.name), Cell::Integer(child.id), Cell::text(name), Cell::text(key), Cell::Empty];
            cells.push(Cell::number(mean.value().copied()));
            cells.extend(std::iter::repeat_n(Cell::Empty, 10));
            cells.push(note_of(mean));
            rows.push(cells);
        }
    }
    Table {
        name: td_string!(Locale::sv, export.table_organisations).to_string(),
        columns,
        rows: Box::new(rows.into_iter()),
    }
}

/// One of the page's figure rows.
fn figure_row(organisation: &str, id: i64, row: &FigureRow) -> Vec<Cell> {
    let mut cells = vec![Cell::text(organisation), Cell::Integer(id), Cell::text(&row.name), Cell::text(&row.key)];
    match &row.figure {
        Shown::Value(figure) => {
            cells.extend([Cell::count(figure.n), Cell::Number(figure.mean)]);
            match &figure.spread {
                Some(spread) => {
                    cells.extend([spread.min, spread.q1, spread.median, spread.q3, spread.max].map(Cell::Number));
                    cells.extend(spread.level_shares().map(Cell::Number));
                    cells.push(Cell::Empty);
                }
                None => {
                    cells.extend(std::iter::repeat_n(Cell::Empty, 10));
                    cells.push(Cell::text(td_string!(Locale::sv, export.note_too_few_spread).to_string()));
                }
            }
        }
        other => {
            cells.extend(std::iter::repeat_n(Cell::Empty, 12));
            cells.push(note_of(other));
        }
    }
    cells
}

/// An action's status in words.
fn status_text(status: crate::domain::actions::ActionStatus) -> String {
    use crate::domain::actions::ActionStatus;
    match status {
        ActionStatus::Planned => td_string!(Locale::sv, actions.status_planned),
        ActionStatus::InProgress => td_string!(Locale::sv, actions.status_in_progress),
        ActionStatus::Done => td_string!(Locale::sv, actions.status_done),
        ActionStatus::Dropped => td_string!(Locale::sv, actions.status_dropped),
    }
    .to_string()
}

fn note_of<T>(shown: &Shown<T>) -> Cell {
    match shown {
        Shown::Value(_) => Cell::Empty,
        Shown::TooFew => Cell::text(td_string!(Locale::sv, export.note_too_few).to_string()),
        Shown::Missing => Cell::text(td_string!(Locale::sv, export.note_missing).to_string()),
    }
}

fn actions(prepared: &Prepared) -> Table {
    let mut columns = unit_columns();
    columns.extend([
        column(
            td_string!(Locale::sv, export.col_dimension).to_string(),
            td_string!(Locale::sv, export.col_dimension_def).to_string(),
            30.0,
        ),
        column(
            td_string!(Locale::sv, export.col_action).to_string(),
            td_string!(Locale::sv, export.col_action_def).to_string(),
            40.0,
        ),
        column(
            td_string!(Locale::sv, export.col_description).to_string(),
            td_string!(Locale::sv, export.col_description_def).to_string(),
            50.0,
        ),
        column(
            td_string!(Locale::sv, export.col_owner).to_string(),
            td_string!(Locale::sv, export.col_owner_def).to_string(),
            20.0,
        ),
        column(
            td_string!(Locale::sv, export.col_due).to_string(),
            td_string!(Locale::sv, export.col_due_def).to_string(),
            12.0,
        ),
        column(
            td_string!(Locale::sv, export.col_status).to_string(),
            td_string!(Locale::sv, export.col_status_def).to_string(),
            12.0,
        ),
    ]);
    let framework = &prepared.computed.framework;
    let rows: Vec<Vec<Cell>> = prepared
        .actions
        .iter()
        .filter_map(|(unit, dimension, values)| {
            let unit = prepared.units.iter().find(|row| row.id == *unit)?;
            let dimension = framework.dimension_by_str(dimension).map_or_else(|| dimension.clone(), |d| d.name.clone());
            let mut cells = unit_cells(unit);
            cells.extend([
                Cell::Text(dimension),
                Cell::text(&values.title),
                Cell::text(&values.description),
                Cell::text(&values.owner),
                chrono::NaiveDate::parse_from_str(&values.due_on, "%Y-%m-%d").map_or(Cell::Empty, Cell::Date),
                Cell::Text(status_text(values.status)),
            ]);
            Some(cells)
        })
        .collect();
    Table { name: td_string!(Locale::sv, export.table_actions).to_string(), columns, rows: Box::new(rows.into_iter()) }
}

/// The workbook's description: the round, the organisation and filter, when and by whom,
/// the rules and how quartiles are computed.
pub fn about(prepared: &Prepared, privacy: crate::domain::privacy::PrivacyRules) -> About {
    let results = &prepared.results;
    let filter = match results.query.kind {
        None => td_string!(Locale::sv, export.about_filter_all).to_string(),
        Some(kind) => {
            use crate::domain::kind_filter::KindFilter;
            match kind {
                KindFilter::District => td_string!(Locale::sv, results.kind_district),
                KindFilter::Specialist => td_string!(Locale::sv, results.kind_specialist),
                KindFilter::Company => td_string!(Locale::sv, results.kind_company),
            }
            .to_string()
        }
    };
    let rules = td_string!(
        Locale::sv,
        export.about_rules_text,
        mean = privacy.min_units_for_mean.to_string(),
        spread = privacy.min_units_for_spread.to_string()
    )
    .to_string();
    About {
        title: td_string!(Locale::sv, export.about_title).to_string(),
        facts: vec![
            (td_string!(Locale::sv, export.about_round).to_string(), results.round.name.clone()),
            (td_string!(Locale::sv, export.about_organisation).to_string(), results.node_name.clone()),
            (td_string!(Locale::sv, export.about_filter).to_string(), filter),
            (td_string!(Locale::sv, export.about_created).to_string(), clock::local_minute(clock::now())),
            (td_string!(Locale::sv, export.about_by).to_string(), prepared.by.clone()),
            (td_string!(Locale::sv, export.about_rules).to_string(), rules),
            (
                td_string!(Locale::sv, export.about_quartiles).to_string(),
                td_string!(Locale::sv, export.about_quartiles_text).to_string(),
            ),
        ],
        column_headings: [
            td_string!(Locale::sv, export.about_columns).to_string(),
            td_string!(Locale::sv, export.about_column).to_string(),
            td_string!(Locale::sv, export.about_meaning).to_string(),
        ],
    }
}
