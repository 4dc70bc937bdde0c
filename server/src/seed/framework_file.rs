//! The default framework, shipped as data (`data/framework/default.toml`) and read here.

use anyhow::{Context, bail, ensure};
use app::domain::framework::{Dimension, DimensionGroup, Framework, GroupInfo, LevelInfo, Statement};
use app::domain::ids::FrameworkVersionId;
use app::domain::keys::{DimensionKey, StatementKey};
use app::domain::level::Level;
use serde::Deserialize;
use std::collections::HashSet;

/// The framework written by this project, embedded in the binary.
pub const DEFAULT_FRAMEWORK: &str = include_str!("../../../data/framework/default.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrameworkFile {
    key: String,
    name: String,
    version_label: String,
    levels: Vec<LevelEntry>,
    groups: Vec<GroupEntry>,
    dimensions: Vec<DimensionEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LevelEntry {
    level: u8,
    name: String,
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupEntry {
    key: String,
    name: String,
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DimensionEntry {
    key: String,
    group: String,
    name: String,
    description: String,
    level_descriptors: Vec<String>,
    statements: Vec<StatementEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatementEntry {
    key: String,
    text: String,
    guidance: String,
}

/// Parses and checks a framework file; returns its key and the framework.
pub fn parse(text: &str) -> anyhow::Result<(String, Framework)> {
    let file: FrameworkFile = toml::from_str(text).context("framework file is not valid TOML of the expected shape")?;

    ensure!(file.levels.len() == 5, "a framework has exactly five levels");
    let levels = file
        .levels
        .into_iter()
        .zip(Level::all())
        .map(|(entry, expected)| {
            ensure!(entry.level == expected.get(), "levels must be listed 1 to 5 in order");
            Ok(LevelInfo { level: expected, name: entry.name, description: entry.description })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;

    let groups = file
        .groups
        .into_iter()
        .map(|entry| {
            let group = DimensionGroup::from_key(&entry.key).with_context(|| format!("unknown group {}", entry.key))?;
            Ok(GroupInfo { group, name: entry.name, description: entry.description })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    ensure!(groups.len() == 2, "a framework has exactly two groups");

    let mut seen = HashSet::new();
    let mut dimensions = Vec::with_capacity(file.dimensions.len());
    for entry in file.dimensions {
        let key = DimensionKey::parse(&entry.key).with_context(|| format!("bad dimension key {}", entry.key))?;
        let group = DimensionGroup::from_key(&entry.group).with_context(|| format!("unknown group {}", entry.group))?;
        ensure!(entry.level_descriptors.len() == 5, "dimension {key} needs five level descriptors");
        ensure!(!entry.statements.is_empty(), "dimension {key} has no statements");
        ensure!(seen.insert(key.to_string()), "duplicate key {key}");
        let mut statements = Vec::with_capacity(entry.statements.len());
        for statement in entry.statements {
            let statement_key =
                StatementKey::parse(&statement.key).with_context(|| format!("bad statement key {}", statement.key))?;
            if !seen.insert(statement_key.to_string()) {
                bail!("duplicate key {statement_key}");
            }
            statements.push(Statement { key: statement_key, text: statement.text, guidance: statement.guidance });
        }
        dimensions.push(Dimension {
            key,
            group,
            name: entry.name,
            description: entry.description,
            level_descriptors: entry.level_descriptors,
            statements,
        });
    }
    ensure!(dimensions.len() == 12, "the quality programme has twelve dimensions, found {}", dimensions.len());

    Ok((
        file.key,
        Framework {
            version_id: FrameworkVersionId(0),
            name: file.name,
            version_label: file.version_label,
            levels,
            groups,
            dimensions,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_framework_has_twelve_dimensions_in_two_groups_of_six() {
        let (key, framework) = parse(DEFAULT_FRAMEWORK).unwrap();
        assert_eq!(key, "kvalitetsprogrammet");
        assert_eq!(framework.dimensions.len(), 12);
        for group in DimensionGroup::ALL {
            assert_eq!(framework.dimensions.iter().filter(|d| d.group == group).count(), 6);
        }
        assert!(framework.dimensions.iter().all(|d| (3..=5).contains(&d.statements.len())));
        assert_eq!(framework.levels[0].name, "Inte påbörjat");
    }

    #[test]
    fn a_framework_with_a_bad_key_is_refused() {
        let broken = DEFAULT_FRAMEWORK.replacen("key = \"upplevelse\"", "key = \"Upplevelse i fokus\"", 1);
        assert!(parse(&broken).is_err());
    }
}
