//! The demo organisation, shipped as data (`data/demo/city.toml`): real names of the
//! city's administrations, companies and neighbourhoods, and patterns for invented
//! departments and units.

use anyhow::Context;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::HashMap;

/// The demo city description, embedded in the binary.
pub const DEMO_CITY: &str = include_str!("../../../data/demo/city.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CityFile {
    pub city: String,
    pub default_valid_from: NaiveDate,
    pub name_lists: HashMap<String, Vec<String>>,
    pub department_templates: Vec<DepartmentTemplate>,
    pub organisations: Vec<Organisation>,
    #[serde(default)]
    pub predecessors: Vec<Predecessor>,
}

/// Departments every organisation of a kind has (the stadsdelsförvaltningar).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentTemplate {
    pub kind: String,
    pub name: String,
    pub units: Vec<UnitPattern>,
}

/// Units to generate: `{name}` from a name list, `{place}` from the organisation's places,
/// `{n}` a running number; `count` is an inclusive range.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitPattern {
    pub pattern: String,
    pub names: Option<String>,
    pub count: [usize; 2],
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub name: String,
    pub kind: String,
    pub valid_from: Option<NaiveDate>,
    #[serde(default)]
    pub places: Vec<String>,
    #[serde(default)]
    pub predecessors: Vec<String>,
    #[serde(default)]
    pub departments: Vec<Department>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    pub name: String,
    pub units: Vec<UnitPattern>,
}

/// An organisation merged into `successor` after `valid_to`, covering `places`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Predecessor {
    pub name: String,
    pub kind: String,
    pub valid_to: NaiveDate,
    pub successor: String,
    pub places: Vec<String>,
}

pub fn parse(text: &str) -> anyhow::Result<CityFile> {
    toml::from_str(text).context("city file is not valid TOML of the expected shape")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_city_file_parses_and_names_its_merger() {
        let city = parse(DEMO_CITY).unwrap();
        assert_eq!(city.city, "Stockholms stad");
        let jarva = city.organisations.iter().find(|o| o.name == "Järva stadsdelsförvaltning").unwrap();
        assert_eq!(jarva.predecessors.len(), 2);
        assert_eq!(city.organisations.iter().filter(|o| o.kind == "stadsdelsforvaltning").count(), 11);
    }
}
