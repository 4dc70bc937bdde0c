//! The default framework, shipped as data (`data/framework/default.toml`) and read here
//! through the same reader as an uploaded version (`app::domain::framework_file`).

use anyhow::anyhow;
use app::domain::framework::Framework;

/// The framework written by this project, embedded in the binary.
pub const DEFAULT_FRAMEWORK: &str = include_str!("../../../data/framework/default.toml");

/// Parses and checks a framework file; returns its key and the framework.
pub fn parse(text: &str) -> anyhow::Result<(String, Framework)> {
    app::domain::framework_file::parse(text).map_err(|problems| {
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        anyhow!("the framework file cannot be used: {}", problems.join("; "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::domain::framework::DimensionGroup;

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
