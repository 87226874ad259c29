//! Turns byte offsets into line and column numbers in one forward pass over the file.

use super::error::Position;

/// Counts lines up to offsets asked for in increasing order, so a whole file costs one pass.
/// Asking for an earlier offset restarts from the top (correct, only slower).
pub(crate) struct LineCounter<'a> {
    bytes: &'a [u8],
    /// Offset up to which lines are counted.
    counted_to: usize,
    /// Line number (from 1) at `counted_to`.
    line: usize,
    /// Offset where that line starts.
    line_start: usize,
}

impl<'a> LineCounter<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> LineCounter<'a> {
        LineCounter {
            bytes,
            counted_to: 0,
            line: 1,
            line_start: 0,
        }
    }

    /// The line and column of `offset`.
    pub(crate) fn position(&mut self, offset: usize) -> Position {
        let offset = offset.min(self.bytes.len());
        if offset < self.counted_to {
            *self = LineCounter::new(self.bytes);
        }
        for i in memchr::memchr_iter(b'\n', &self.bytes[self.counted_to..offset]) {
            self.line += 1;
            self.line_start = self.counted_to + i + 1;
        }
        self.counted_to = offset;
        Position {
            line: self.line,
            column: offset - self.line_start + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_from_one() {
        let mut lines = LineCounter::new(b"ab\r\ncd\nef");
        assert_eq!(lines.position(0), Position { line: 1, column: 1 });
        assert_eq!(lines.position(5), Position { line: 2, column: 2 });
        assert_eq!(lines.position(8), Position { line: 3, column: 2 });
        assert_eq!(lines.position(1), Position { line: 1, column: 2 });
    }
}
