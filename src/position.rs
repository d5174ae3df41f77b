//! Positions for people: the line and column of a byte offset, as error
//! messages and spans print them. A line ends at LF, CRLF or a lone CR,
//! as in [`source`](crate::source).

/// 1-based line number of the end of `before`, and the byte where that line
/// starts. A line ends at LF, CRLF or a lone CR.
pub(crate) fn line_of(before: &[u8]) -> (usize, usize) {
    let mut line = 1;
    let mut start = 0;
    for pos in memchr::memchr2_iter(b'\n', b'\r', before) {
        let crlf = before[pos] == b'\r' && before.get(pos + 1) == Some(&b'\n');
        if !crlf {
            line += 1;
            start = pos + 1;
        }
    }
    (line, start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_line_of_counts_every_line_end() {
        assert_eq!(line_of(b""), (1, 0));
        assert_eq!(line_of(b"ab"), (1, 0));
        assert_eq!(line_of(b"a\nb"), (2, 2));
        assert_eq!(line_of(b"a\r\nb"), (2, 3));
        assert_eq!(line_of(b"a\rb\r"), (3, 4));
        // The end of `before` may fall inside a CRLF.
        assert_eq!(line_of(b"a\r"), (2, 2));
    }
}
