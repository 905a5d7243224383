//! [`Nullable`]: the three states of a nullable field in a request body.
//!
//! Django REST framework (which serves the Mindz API) treats a field that is
//! missing from a request body and a field sent as `null` differently: a
//! missing field is left as it is (in a `PATCH`) or gets its default, while
//! `null` clears it. An `Option` cannot say both, so every nullable field of
//! a request body is a `Nullable<T>`:
//!
//! | state | sent as | builder call |
//! |---|---|---|
//! | [`Nullable::Absent`] (the default) | nothing: the field is left out | none |
//! | [`Nullable::Null`] | `null`: the server clears the field | `.clear_launch_date()` |
//! | [`Nullable::Value`] | the value | `.launch_date(date)` |
//!
//! ```
//! use mindz_sdk::{types, Nullable};
//!
//! let clear: types::PatchedCourse = types::PatchedCourse::builder()
//!     .clear_launch_date()
//!     .try_into()
//!     .unwrap();
//! assert_eq!(serde_json::to_string(&clear).unwrap(), r#"{"launch_date":null}"#);
//! assert_eq!(clear.launch_date, Nullable::Null);
//!
//! let nothing = types::PatchedCourse::default();
//! assert_eq!(serde_json::to_string(&nothing).unwrap(), "{}");
//! ```
//!
//! Response models keep `Option<T>`: `null` and a missing field both decode
//! as `None`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A nullable request field: left out, sent as `null`, or sent with a value.
///
/// Generated request bodies mark these fields
/// `#[serde(default, skip_serializing_if = "Nullable::is_absent")]`, so
/// [`Nullable::Absent`] is never written and a missing field decodes as
/// `Absent`. On its own (outside such a field) `Absent` serializes as `null`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Nullable<T> {
    /// Not sent: the server keeps (or defaults) the field.
    #[default]
    Absent,
    /// Sent as `null`: the server clears the field.
    Null,
    /// Sent with this value.
    Value(T),
}

impl<T> Nullable<T> {
    /// Whether the field is left out of the request.
    pub fn is_absent(&self) -> bool {
        matches!(self, Nullable::Absent)
    }

    /// Whether the field is sent as `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Nullable::Null)
    }

    /// The value, if there is one.
    pub fn value(&self) -> Option<&T> {
        match self {
            Nullable::Value(v) => Some(v),
            Nullable::Absent | Nullable::Null => None,
        }
    }

    /// The value, if there is one (both `Absent` and `Null` give `None`).
    pub fn into_value(self) -> Option<T> {
        match self {
            Nullable::Value(v) => Some(v),
            Nullable::Absent | Nullable::Null => None,
        }
    }

    /// A `Nullable` of a reference to the value.
    pub fn as_ref(&self) -> Nullable<&T> {
        match self {
            Nullable::Absent => Nullable::Absent,
            Nullable::Null => Nullable::Null,
            Nullable::Value(v) => Nullable::Value(v),
        }
    }

    /// Applies `f` to the value, keeping `Absent` and `Null` as they are.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Nullable<U> {
        match self {
            Nullable::Absent => Nullable::Absent,
            Nullable::Null => Nullable::Null,
            Nullable::Value(v) => Nullable::Value(f(v)),
        }
    }
}

/// A value: `.launch_date(date)` on a builder sets [`Nullable::Value`].
impl<T> From<T> for Nullable<T> {
    fn from(value: T) -> Self {
        Nullable::Value(value)
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Value(v) => v.serialize(serializer),
            Nullable::Absent | Nullable::Null => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Option::<T>::deserialize(deserializer)? {
            Some(v) => Nullable::Value(v),
            None => Nullable::Null,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Nullable;

    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq, Default)]
    struct Body {
        #[serde(default, skip_serializing_if = "Nullable::is_absent")]
        date: Nullable<String>,
    }

    #[test]
    fn three_states_round_trip() {
        for (body, json) in [
            (Body::default(), "{}"),
            (
                Body {
                    date: Nullable::Null,
                },
                r#"{"date":null}"#,
            ),
            (
                Body {
                    date: "2026-01-01".to_owned().into(),
                },
                r#"{"date":"2026-01-01"}"#,
            ),
        ] {
            assert_eq!(serde_json::to_string(&body).unwrap(), json);
            assert_eq!(serde_json::from_str::<Body>(json).unwrap(), body);
        }
    }

    #[test]
    fn accessors() {
        let v: Nullable<i64> = 3.into();
        assert_eq!(v.value(), Some(&3));
        assert_eq!(v.map(|x| x * 2), Nullable::Value(6));
        assert!(Nullable::<i64>::Null.is_null());
        assert!(Nullable::<i64>::default().is_absent());
        assert_eq!(Nullable::<i64>::Null.into_value(), None);
    }
}
