//! A framework version as a TOML file: the format of `data/framework/default.toml`, which the
//! seeder reads, a version is downloaded as, and a draft can be made from. Writing a version
//! and reading the text back gives the same version. Reading and writing are the server's
//! (the TOML crate stays out of the browser); the problems are shown on both.

use super::framework_edit::DraftProblem;
#[cfg(feature = "ssr")]
pub use file::{parse, write};
use serde::{Deserialize, Serialize};

/// The largest file accepted (the default framework is about 40 kB).
pub const MAX_FILE_BYTES: usize = 512 * 1024;

/// Why a file could not be read as a framework version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileProblem {
    /// Nothing was sent.
    Empty,
    /// Larger than [`MAX_FILE_BYTES`].
    TooBig { max: usize },
    /// Not TOML, or not of the expected shape: where (1-based line, if the parser knows)
    /// and the parser's own words.
    Syntax { line: Option<usize>, detail: String },
    /// The framework it holds cannot be stored.
    Content(DraftProblem),
}

impl FileProblem {
    /// The problem with the parser's words cut to 200 characters, to carry in an address.
    pub fn shortened(&self) -> FileProblem {
        match self {
            FileProblem::Syntax { line, detail } => {
                FileProblem::Syntax { line: *line, detail: detail.chars().take(200).collect() }
            }
            other => other.clone(),
        }
    }
}

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

#[cfg(feature = "ssr")]
mod file {
    use super::{FileProblem, MAX_FILE_BYTES};
    use crate::domain::framework::{Dimension, DimensionGroup, Framework, GroupInfo, LevelInfo, Statement};
    use crate::domain::framework_edit::{DraftProblem, validate};
    use crate::domain::ids::FrameworkVersionId;
    use crate::domain::keys::{DimensionKey, StatementKey};
    use crate::domain::level::Level;
    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct FrameworkFile {
        key: String,
        name: String,
        version_label: String,
        levels: Vec<LevelEntry>,
        groups: Vec<GroupEntry>,
        dimensions: Vec<DimensionEntry>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct LevelEntry {
        level: u8,
        name: String,
        description: String,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct GroupEntry {
        key: String,
        name: String,
        description: String,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct DimensionEntry {
        key: String,
        group: String,
        name: String,
        description: String,
        level_descriptors: Vec<String>,
        statements: Vec<StatementEntry>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct StatementEntry {
        key: String,
        text: String,
        guidance: String,
        /// The key of the earlier statement this one replaces (not comparable with it).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        replaces: Option<String>,
    }

    /// The 1-based line of byte `offset` in `text`.
    fn line_of(text: &str, offset: usize) -> usize {
        text.as_bytes().iter().take(offset).filter(|byte| **byte == b'\n').count() + 1
    }

    /// Reads a framework file: its framework key and the framework (with version id 0), or
    /// every problem found.
    pub fn parse(text: &str) -> Result<(String, Framework), Vec<FileProblem>> {
        if text.len() > MAX_FILE_BYTES {
            return Err(vec![FileProblem::TooBig { max: MAX_FILE_BYTES }]);
        }
        if text.trim().is_empty() {
            return Err(vec![FileProblem::Empty]);
        }
        let file: FrameworkFile = toml::from_str(text).map_err(|error| {
            let line = error.span().map(|span| line_of(text, span.start));
            vec![FileProblem::Syntax { line, detail: error.message().trim().to_owned() }]
        })?;

        let mut problems = Vec::new();
        let mut content = |problem| problems.push(FileProblem::Content(problem));
        let levels: Vec<LevelInfo> = file
            .levels
            .into_iter()
            .filter_map(|entry| {
                let level = Level::parse(entry.level).ok();
                if level.is_none() {
                    content(DraftProblem::Levels);
                }
                Some(LevelInfo { level: level?, name: entry.name, description: entry.description })
            })
            .collect();
        let groups: Vec<GroupInfo> = file
            .groups
            .into_iter()
            .filter_map(|entry| {
                let group = DimensionGroup::from_key(&entry.key);
                if group.is_none() {
                    content(DraftProblem::UnknownGroup { key: entry.key.clone() });
                }
                Some(GroupInfo { group: group?, name: entry.name, description: entry.description })
            })
            .collect();
        let mut dimensions = Vec::with_capacity(file.dimensions.len());
        for entry in file.dimensions {
            let key = DimensionKey::parse(&entry.key);
            let group = DimensionGroup::from_key(&entry.group);
            if key.is_err() {
                content(DraftProblem::BadKey { key: entry.key.clone() });
            }
            if group.is_none() {
                content(DraftProblem::UnknownGroup { key: entry.group.clone() });
            }
            let mut statements = Vec::with_capacity(entry.statements.len());
            for statement in entry.statements {
                let statement_key = StatementKey::parse(&statement.key);
                if statement_key.is_err() {
                    content(DraftProblem::BadKey { key: statement.key.clone() });
                }
                let replaces = match statement.replaces {
                    Some(replaced) => match StatementKey::parse(&replaced) {
                        Ok(replaced) => Some(replaced),
                        Err(_) => {
                            content(DraftProblem::BadKey { key: replaced });
                            None
                        }
                    },
                    None => None,
                };
                if let Ok(key) = statement_key {
                    statements.push(Statement { key, text: statement.text, guidance: statement.guidance, replaces });
                }
            }
            if let (Ok(key), Some(group)) = (key, group) {
                dimensions.push(Dimension {
                    key,
                    group,
                    name: entry.name,
                    description: entry.description,
                    level_descriptors: entry.level_descriptors,
                    statements,
                });
            }
        }
        let framework = Framework {
            version_id: FrameworkVersionId(0),
            name: file.name,
            version_label: file.version_label,
            levels,
            groups,
            dimensions,
        };
        problems.extend(validate(&framework).into_iter().map(FileProblem::Content));
        if problems.is_empty() { Ok((file.key, framework)) } else { Err(problems) }
    }

    /// Writes a framework version as a file the seeder (and [`parse`]) reads.
    pub fn write(framework_key: &str, framework: &Framework) -> String {
        let file = FrameworkFile {
            key: framework_key.to_owned(),
            name: framework.name.clone(),
            version_label: framework.version_label.clone(),
            levels: framework
                .levels
                .iter()
                .map(|info| LevelEntry {
                    level: info.level.get(),
                    name: info.name.clone(),
                    description: info.description.clone(),
                })
                .collect(),
            groups: framework
                .groups
                .iter()
                .map(|info| GroupEntry {
                    key: info.group.key().to_owned(),
                    name: info.name.clone(),
                    description: info.description.clone(),
                })
                .collect(),
            dimensions: framework
                .dimensions
                .iter()
                .map(|dimension| DimensionEntry {
                    key: dimension.key.to_string(),
                    group: dimension.group.key().to_owned(),
                    name: dimension.name.clone(),
                    description: dimension.description.clone(),
                    level_descriptors: dimension.level_descriptors.clone(),
                    statements: dimension
                        .statements
                        .iter()
                        .map(|statement| StatementEntry {
                            key: statement.key.to_string(),
                            text: statement.text.clone(),
                            guidance: statement.guidance.clone(),
                            replaces: statement.replaces.as_ref().map(ToString::to_string),
                        })
                        .collect(),
                })
                .collect(),
        };
        let body =
            toml::to_string(&file).unwrap_or_else(|error| unreachable!("a framework always serialises: {error}"));
        format!("# A Mognad framework version, as the seeder and the upload read it.\n\n{body}")
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::domain::keys::StatementKey;

    const DEFAULT: &str = include_str!("../../../data/framework/default.toml");

    #[test]
    fn the_shipped_framework_reads_without_problems() {
        let (key, framework) = parse(DEFAULT).unwrap();
        assert_eq!(key, "kvalitetsprogrammet");
        assert_eq!(framework.dimensions.len(), 12);
    }

    #[test]
    fn a_written_version_reads_back_as_the_same_version_and_the_same_text() {
        let (key, framework) = parse(DEFAULT).unwrap();
        let mut framework = framework;
        framework.dimensions[0].statements[0].replaces = Some(StatementKey::parse("gammal_nyckel").unwrap());
        let text = write(&key, &framework);
        let (key_again, again) = parse(&text).unwrap();
        assert_eq!((key_again.as_str(), &again), (key.as_str(), &framework));
        assert_eq!(write(&key_again, &again), text);
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let broken = DEFAULT.replacen("[[levels]]\nlevel = 1", "[[levels]]\nlevel = = 1", 1);
        let line = broken.lines().position(|line| line == "level = = 1").unwrap() + 1;
        match parse(&broken) {
            Err(problems) => match &problems[..] {
                [FileProblem::Syntax { line: Some(found), .. }] => assert_eq!(*found, line),
                other => panic!("{other:?}"),
            },
            Ok(_) => panic!("accepted"),
        }
    }

    #[test]
    fn an_unknown_field_is_a_problem_with_its_line() {
        let broken = DEFAULT.replacen("version_label =", "versionsnamn = \"x\"\nversion_label =", 1);
        assert!(matches!(&parse(&broken).unwrap_err()[..], [FileProblem::Syntax { line: Some(_), .. }]));
    }

    #[test]
    fn a_bad_key_and_an_empty_file_are_refused() {
        let broken = DEFAULT.replacen("key = \"upplevelse\"", "key = \"Upplevelse i fokus\"", 1);
        assert!(
            parse(&broken)
                .unwrap_err()
                .contains(&FileProblem::Content(DraftProblem::BadKey { key: "Upplevelse i fokus".into() }))
        );
        assert_eq!(parse("  \n").unwrap_err(), vec![FileProblem::Empty]);
    }
}
