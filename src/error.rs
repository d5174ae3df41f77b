//! The one error type of the crate.

use std::fmt;

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not valid UTF-8. `len` is the length of the invalid
    /// sequence, or `None` when the input ends inside a character.
    InvalidUtf8 {
        /// Bytes in the invalid sequence, when known.
        len: Option<usize>,
    },
    /// The input is larger than [`Options::max_input_bytes`](crate::Options::max_input_bytes).
    InputTooLarge {
        /// The size of the input in bytes.
        size: usize,
        /// The configured limit in bytes.
        limit: usize,
    },
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::InvalidUtf8 { len: Some(n) } => {
                write!(
                    f,
                    "invalid UTF-8: a sequence of {n} byte(s) is not a character"
                )
            }
            ErrorKind::InvalidUtf8 { len: None } => {
                f.write_str("invalid UTF-8: the input ends inside a character")
            }
            ErrorKind::InputTooLarge { size, limit } => {
                write!(
                    f,
                    "input of {size} bytes is larger than the limit of {limit} bytes"
                )
            }
        }
    }
}

/// An input tesi cannot parse, with the position where the problem lies.
///
/// `offset` is a byte offset into the input; `line` and `column` are
/// 1-based, the column counted in characters. The message names the
/// position where there is one to name: invalid UTF-8 at byte 17 (line 3,
/// column 9); an input too large is refused whole, by its size.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind}{}", self.position())]
pub struct Error {
    kind: ErrorKind,
    offset: usize,
    line: usize,
    column: usize,
}

impl Error {
    /// An error of `kind` at byte `offset` of `input`; line and column are
    /// computed from the valid text before `offset`.
    pub(crate) fn at(kind: ErrorKind, input: &[u8], offset: usize) -> Error {
        let before = input.get(..offset).unwrap_or(input);
        let (line, line_start) = crate::position::line_of(before);
        // The prefix before an invalid sequence is valid UTF-8, so counting
        // characters is counting the bytes that do not continue one.
        let column = before[line_start..]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count()
            + 1;
        Error {
            kind,
            offset,
            line,
            column,
        }
    }

    /// Where the problem lies, as the message says it: nothing for an
    /// input refused by its size.
    fn position(&self) -> String {
        match self.kind {
            ErrorKind::InputTooLarge { .. } => String::new(),
            _ => format!(
                " at byte {} (line {}, column {})",
                self.offset, self.line, self.column
            ),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Byte offset of the problem in the input.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// 1-based line of the problem.
    pub fn line(&self) -> usize {
        self.line
    }

    /// 1-based column of the problem, in characters.
    pub fn column(&self) -> usize {
        self.column
    }
}
