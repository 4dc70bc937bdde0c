//! The framework: what is assessed. Twelve dimensions in two groups, each with statements
//! that a unit rates, and a descriptor per maturity level so a rater knows what "3" means
//! for that dimension.

use super::ids::FrameworkVersionId;
use super::keys::{DimensionKey, StatementKey};
use super::level::Level;
use serde::{Deserialize, Serialize};

/// The two groups of the quality programme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DimensionGroup {
    /// Förhållningssätt: the six approaches.
    Approaches,
    /// Strategiska fokusområden: the six strategic focus areas.
    FocusAreas,
}

impl DimensionGroup {
    pub const ALL: [DimensionGroup; 2] = [DimensionGroup::Approaches, DimensionGroup::FocusAreas];

    /// The key used in data files and the database.
    pub fn key(self) -> &'static str {
        match self {
            DimensionGroup::Approaches => "forhallningssatt",
            DimensionGroup::FocusAreas => "fokusomraden",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|group| group.key() == key)
    }
}

/// The name and generic descriptor of one maturity level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelInfo {
    pub level: Level,
    pub name: String,
    pub description: String,
}

/// One statement (påstående) that a unit rates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub key: StatementKey,
    pub text: String,
    /// Examples of evidence (belägg) that could show it.
    pub guidance: String,
    /// The statement of an earlier version this one replaces with a question that is not
    /// comparable (a reworded statement given a new key); `None` for a statement that is
    /// new or keeps its key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<StatementKey>,
}

/// One dimension of the framework with its statements.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dimension {
    pub key: DimensionKey,
    pub group: DimensionGroup,
    pub name: String,
    pub description: String,
    /// What each level 1–5 looks like for this dimension, lowest first.
    pub level_descriptors: Vec<String>,
    pub statements: Vec<Statement>,
}

/// A group's name and description.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupInfo {
    pub group: DimensionGroup,
    pub name: String,
    pub description: String,
}

/// One version of the framework, as a round uses it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Framework {
    pub version_id: FrameworkVersionId,
    pub name: String,
    pub version_label: String,
    pub levels: Vec<LevelInfo>,
    pub groups: Vec<GroupInfo>,
    pub dimensions: Vec<Dimension>,
}

impl Framework {
    pub fn dimension(&self, key: &DimensionKey) -> Option<&Dimension> {
        self.dimensions.iter().find(|dimension| &dimension.key == key)
    }

    /// The statement with this key and the dimension it belongs to.
    pub fn statement(&self, key: &StatementKey) -> Option<(&Dimension, &Statement)> {
        self.dimensions.iter().find_map(|dimension| {
            dimension.statements.iter().find(|statement| &statement.key == key).map(|statement| (dimension, statement))
        })
    }

    /// Finds a statement by its form key, without allocating a parsed key.
    pub fn statement_by_str(&self, key: &str) -> Option<(&Dimension, &Statement)> {
        self.dimensions.iter().find_map(|dimension| {
            dimension
                .statements
                .iter()
                .find(|statement| statement.key.as_str() == key)
                .map(|statement| (dimension, statement))
        })
    }

    pub fn dimension_by_str(&self, key: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|dimension| dimension.key.as_str() == key)
    }

    pub fn level_name(&self, level: Level) -> &str {
        self.levels.iter().find(|info| info.level == level).map_or("", |info| info.name.as_str())
    }

    /// This version with only what names its parts: the levels', dimensions' and statements'
    /// names and keys, without descriptions, descriptors or guidance. What the form's
    /// script needs to name a field in conflict or a gap, at a fraction of the size.
    pub fn names_only(&self) -> Framework {
        Framework {
            version_id: self.version_id,
            name: self.name.clone(),
            version_label: self.version_label.clone(),
            levels: self
                .levels
                .iter()
                .map(|info| LevelInfo { level: info.level, name: info.name.clone(), description: String::new() })
                .collect(),
            groups: self
                .groups
                .iter()
                .map(|info| GroupInfo { group: info.group, name: info.name.clone(), description: String::new() })
                .collect(),
            dimensions: self
                .dimensions
                .iter()
                .map(|dimension| Dimension {
                    key: dimension.key.clone(),
                    group: dimension.group,
                    name: dimension.name.clone(),
                    description: String::new(),
                    level_descriptors: Vec::new(),
                    statements: dimension
                        .statements
                        .iter()
                        .map(|statement| Statement {
                            key: statement.key.clone(),
                            text: statement.text.clone(),
                            guidance: String::new(),
                            replaces: None,
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    pub fn statement_count(&self) -> usize {
        self.dimensions.iter().map(|dimension| dimension.statements.len()).sum()
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    //! A small framework for tests: two dimensions per group, two statements each.

    use super::*;

    pub fn statement(key: &str) -> Statement {
        Statement {
            key: StatementKey::parse(key).unwrap(),
            text: format!("Påstående {key}"),
            guidance: String::new(),
            replaces: None,
        }
    }

    pub fn dimension(key: &str, group: DimensionGroup, statements: &[&str]) -> Dimension {
        Dimension {
            key: DimensionKey::parse(key).unwrap(),
            group,
            name: format!("Dimension {key}"),
            description: String::new(),
            level_descriptors: (1..=5).map(|level| format!("Nivå {level}")).collect(),
            statements: statements.iter().map(|key| statement(key)).collect(),
        }
    }

    pub fn framework() -> Framework {
        Framework {
            version_id: FrameworkVersionId(1),
            name: "Test".into(),
            version_label: "1".into(),
            levels: Level::all()
                .map(|level| LevelInfo { level, name: format!("L{}", level.get()), description: String::new() })
                .collect(),
            groups: vec![],
            dimensions: vec![
                dimension("a", DimensionGroup::Approaches, &["a_1", "a_2"]),
                dimension("b", DimensionGroup::Approaches, &["b_1", "b_2"]),
                dimension("c", DimensionGroup::FocusAreas, &["c_1", "c_2"]),
                dimension("d", DimensionGroup::FocusAreas, &["d_1", "d_2"]),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::framework;
    use super::*;

    #[test]
    fn names_only_keeps_every_key_and_name_and_drops_the_descriptions() {
        let mut full = framework();
        full.levels[0].description = "Beskrivning".into();
        full.dimensions[0].description = "Om dimensionen".into();
        full.dimensions[0].statements[0].guidance = "Exempel på belägg".into();
        let names = full.names_only();
        assert_eq!(names.version_id, full.version_id);
        assert_eq!(names.level_name(Level::parse(3).unwrap()), "L3");
        assert_eq!(names.dimensions.len(), full.dimensions.len());
        for (short, long) in names.dimensions.iter().zip(&full.dimensions) {
            assert_eq!((&short.key, short.group, &short.name), (&long.key, long.group, &long.name));
            assert!(short.description.is_empty() && short.level_descriptors.is_empty());
            let keys = |dimension: &Dimension| -> Vec<(StatementKey, String)> {
                dimension.statements.iter().map(|statement| (statement.key.clone(), statement.text.clone())).collect()
            };
            assert_eq!(keys(short), keys(long));
            assert!(short.statements.iter().all(|statement| statement.guidance.is_empty()));
        }
        assert!(names.levels.iter().all(|info| info.description.is_empty()));
    }
}
