//! The values records carry: a [`Span`] into the input, a [`Time`] of
//! day and a [`Date`], each with its string form.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A byte range into the original input, with the line of its start.
///
/// `start` and `end` are byte offsets (`end` exclusive) into the input as it
/// was given to the parser, before any normalisation, both on UTF-8
/// character boundaries. `line` is the 1-based line of `start`; a line ends
/// at LF, CRLF or a lone CR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line number of `start`.
    pub line: usize,
}

impl Span {
    /// A span from `start` to `end` starting on `line`.
    pub const fn new(start: usize, end: usize, line: usize) -> Self {
        Span { start, end, line }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span that covers both `self` and `other`; its line is
    /// the line of whichever starts first.
    pub fn cover(self, other: Span) -> Span {
        let (first, _) = if other.start < self.start {
            (other, self)
        } else {
            (self, other)
        };
        Span {
            start: first.start,
            end: self.end.max(other.end),
            line: first.line,
        }
    }

    /// The piece of `source` this span covers, or `None` when the span does
    /// not fit `source` (a span from another document).
    pub fn slice<'s>(&self, source: &'s str) -> Option<&'s str> {
        source.get(self.start..self.end)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}@{}", self.start, self.end, self.line)
    }
}

/// A time of day, serialised as `"HH:MM"` (24-hour).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Time {
    /// 0 to 23.
    pub hour: u8,
    /// 0 to 59.
    pub minute: u8,
}

impl Time {
    /// A time, or `None` when out of range.
    pub const fn new(hour: u8, minute: u8) -> Option<Time> {
        if hour < 24 && minute < 60 {
            Some(Time { hour, minute })
        } else {
            None
        }
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

impl Serialize for Time {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Cow::<'de, str>::deserialize(d)?;
        let parsed = s
            .split_once(':')
            .and_then(|(h, m)| Time::new(h.parse().ok()?, m.parse().ok()?));
        parsed.ok_or_else(|| serde::de::Error::custom(format!("expected HH:MM, but found `{s}`")))
    }
}

/// A calendar date, serialised as `"YYYY-MM-DD"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// The year, as written (four digits).
    pub year: u16,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31.
    pub day: u8,
}

impl Date {
    /// A date, or `None` when month or day is out of range.
    pub const fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if month >= 1 && month <= 12 && day >= 1 && day <= 31 {
            Some(Date { year, month, day })
        } else {
            None
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Cow::<'de, str>::deserialize(d)?;
        let mut parts = s.splitn(3, '-');
        let parsed = (|| {
            let y = parts.next()?.parse().ok()?;
            let m = parts.next()?.parse().ok()?;
            let day = parts.next()?.parse().ok()?;
            Date::new(y, m, day)
        })();
        parsed.ok_or_else(|| {
            serde::de::Error::custom(format!("expected YYYY-MM-DD, but found `{s}`"))
        })
    }
}
