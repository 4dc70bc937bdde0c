//! A value bound to a query, held until the query knows its backend.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::Arguments;
use sqlx::error::BoxDynError;
use sqlx::postgres::PgArguments;
use sqlx::sqlite::SqliteArguments;

/// One bound value; `None` is a NULL of the value's type (PostgreSQL wants NULLs typed).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Int(Option<i64>),
    Float(Option<f64>),
    Bool(Option<bool>),
    Text(Option<String>),
    Instant(Option<DateTime<Utc>>),
    Date(Option<NaiveDate>),
}

impl Value {
    pub(super) fn add_to_sqlite(self, args: &mut SqliteArguments<'_>) -> Result<(), BoxDynError> {
        match self {
            Value::Int(value) => args.add(value),
            Value::Float(value) => args.add(value),
            Value::Bool(value) => args.add(value),
            Value::Text(value) => args.add(value),
            Value::Instant(value) => args.add(value),
            Value::Date(value) => args.add(value),
        }
    }

    pub(super) fn add_to_postgres(self, args: &mut PgArguments) -> Result<(), BoxDynError> {
        match self {
            Value::Int(value) => args.add(value),
            Value::Float(value) => args.add(value),
            Value::Bool(value) => args.add(value),
            Value::Text(value) => args.add(value),
            Value::Instant(value) => args.add(value),
            Value::Date(value) => args.add(value),
        }
    }
}

/// `From` for a type and its `Option`, by way of the variant that holds it.
macro_rules! value_from {
    ($variant:ident: $($ty:ty => $convert:expr),+ $(,)?) => {$(
        impl From<$ty> for Value {
            fn from(value: $ty) -> Value {
                let convert = $convert;
                Value::$variant(Some(convert(value)))
            }
        }
        impl From<Option<$ty>> for Value {
            fn from(value: Option<$ty>) -> Value {
                Value::$variant(value.map($convert))
            }
        }
    )+};
}

value_from!(Int:
    i64 => |value: i64| value,
    i32 => i64::from,
    u32 => i64::from,
    u16 => i64::from,
    u8 => i64::from,
);
value_from!(Float: f64 => |value: f64| value);
value_from!(Bool: bool => |value: bool| value);
value_from!(Text:
    String => |value: String| value,
    &str => |value: &str| value.to_owned(),
    &String => |value: &String| value.clone(),
);
value_from!(Instant: DateTime<Utc> => |value: DateTime<Utc>| value);
value_from!(Date: NaiveDate => |value: NaiveDate| value);

impl From<&Value> for Value {
    fn from(value: &Value) -> Value {
        value.clone()
    }
}
