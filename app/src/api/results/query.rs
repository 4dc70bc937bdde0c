//! What a results page shows, as its address says: the round, the organisation, the type of
//! organisation compared and how the comparison is sorted. The page, its charts and their
//! downloads share one query, so a chart always shows what the table beside it shows.

use crate::domain::kind_filter::KindFilter;
use serde::{Deserialize, Serialize};

/// The column the comparison's rows are sorted by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortColumn {
    /// By name, A–Ö (the default).
    Name,
    /// By the index.
    Index,
    /// By a dimension (its key).
    Dimension(String),
}

impl SortColumn {
    /// The value in the address (`sortera=`).
    pub fn key(&self) -> &str {
        match self {
            SortColumn::Name => "namn",
            SortColumn::Index => "index",
            SortColumn::Dimension(key) => key,
        }
    }

    pub fn from_key(key: &str) -> Self {
        match key {
            "" | "namn" => SortColumn::Name,
            "index" => SortColumn::Index,
            other => SortColumn::Dimension(other.to_owned()),
        }
    }
}

/// A results page's query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResultsQuery {
    /// The round (`omgang`); none: the newest the viewer may see.
    pub round: Option<i64>,
    /// The organisation (`nod`); none: the round's top.
    pub node: Option<i64>,
    /// Only organisations of this type (`typ`); offered where the children are förvaltningar
    /// and bolag.
    pub kind: Option<KindFilter>,
    /// The comparison's order (`sortera`, `ordning=stigande|fallande`); none: by name.
    pub sort: Option<SortColumn>,
    pub descending: bool,
}

impl ResultsQuery {
    /// The query of `round` and `node` with nothing else.
    pub fn of(round: i64, node: i64) -> Self {
        ResultsQuery { round: Some(round), node: Some(node), ..Default::default() }
    }

    /// Reads the query from the address's parameters; anything unreadable is left out.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let number = |name: &str| get(name).and_then(|value| value.parse::<i64>().ok());
        ResultsQuery {
            round: number("omgang"),
            node: number("nod"),
            kind: get("typ").as_deref().and_then(KindFilter::from_key),
            sort: get("sortera").map(|key| SortColumn::from_key(&key)).filter(|sort| sort != &SortColumn::Name),
            descending: get("ordning").as_deref() == Some("fallande"),
        }
    }

    /// The parameters, in address form, without the leading `?`.
    pub fn to_params(&self) -> String {
        let mut params = Vec::new();
        if let Some(round) = self.round {
            params.push(format!("omgang={round}"));
        }
        if let Some(node) = self.node {
            params.push(format!("nod={node}"));
        }
        if let Some(kind) = self.kind {
            params.push(format!("typ={}", kind.key()));
        }
        if let Some(sort) = &self.sort {
            params.push(format!("sortera={}", encode(sort.key())));
            params.push(format!("ordning={}", if self.descending { "fallande" } else { "stigande" }));
        }
        params.join("&")
    }

    /// The results page's address.
    pub fn path(&self) -> String {
        format!("{}?{}", crate::routes::RESULTS, self.to_params())
    }

    /// The same page sorted by `column`: a column already sorted by turns round; a new
    /// one starts with the highest scores first (names A–Ö).
    pub fn sorted_by(&self, column: SortColumn) -> Self {
        let current = self.sort.clone().unwrap_or(SortColumn::Name);
        let descending = if current == column { !self.descending } else { column != SortColumn::Name };
        ResultsQuery { sort: Some(column), descending, ..self.clone() }
    }

    /// The same filter and order for another organisation.
    pub fn at(&self, node: i64) -> Self {
        ResultsQuery { node: Some(node), ..self.clone() }
    }
}

/// A sort key is a dimension key (`a-z`, digits, `_`, `-`) or a fixed word; anything else
/// is percent-encoded so it cannot break the address.
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|byte| {
            if byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_' {
                char::from(byte).to_string()
            } else {
                format!("%{byte:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_survives_its_address() {
        let query = ResultsQuery {
            round: Some(2),
            node: Some(17),
            kind: Some(KindFilter::Company),
            sort: Some(SortColumn::Dimension("ledarskap".into())),
            descending: true,
        };
        let params = query.to_params();
        assert_eq!(params, "omgang=2&nod=17&typ=bolag&sortera=ledarskap&ordning=fallande");
        let pairs: Vec<(&str, &str)> = params.split('&').filter_map(|pair| pair.split_once('=')).collect();
        let read = ResultsQuery::from_params(|name| {
            pairs.iter().find(|(key, _)| *key == name).map(|(_, value)| (*value).to_owned())
        });
        assert_eq!(read, query);
    }

    #[test]
    fn sorting_by_a_column_twice_turns_the_order_round() {
        let query = ResultsQuery::of(1, 1);
        let by_index = query.sorted_by(SortColumn::Index);
        assert!(by_index.descending, "highest first");
        assert!(!by_index.sorted_by(SortColumn::Index).descending);
        let by_name = by_index.sorted_by(SortColumn::Name);
        assert!(!by_name.descending, "A–Ö first");
        assert_eq!(ResultsQuery::from_params(|_| Some("x y".into())).sort, Some(SortColumn::Dimension("x y".into())));
        assert!(ResultsQuery::of(1, 1).sorted_by(SortColumn::Dimension("a b".into())).to_params().contains("a%20b"));
    }
}
