//! Sixteen bytes at a time: the lane-wise byte tests under the line search,
//! the white space fold, the trailing-marker search and the searches for
//! inline bullets and episode delimiters.
//!
//! A test is written once, on [`Bytes16`], and reads as the byte class it
//! checks. On x86 and x86-64 with SSE2 (every x86-64 has it) a `Bytes16` is
//! a vector register, through the `safe_arch` crate's safe wrappers, and a
//! [`Bytes16::mask`] is one `pmovmskb`: the bits of the bytes that passed,
//! whose lowest set bit (`trailing_zeros`) is the first such byte. Elsewhere
//! it is a plain array, tested a lane at a time with the same answers; the
//! tests below check the two against each other on every byte value. Build
//! with `RUSTFLAGS="--cfg tesi_portable"` to run everything on the plain
//! arrays.

#[cfg(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2",
    not(tesi_portable)
))]
mod imp {
    use safe_arch::{
        add_i8_m128i, bitand_m128i, bitandnot_m128i, bitor_m128i, cmp_eq_mask_i8_m128i,
        cmp_lt_mask_i8_m128i, load_unaligned_m128i, m128i, move_mask_i8_m128i, set_splat_i8_m128i,
    };

    /// Sixteen lanes, each a byte of input or, after a test, all ones
    /// (passed) or all zeros.
    #[derive(Clone, Copy)]
    pub(crate) struct Bytes16(m128i);

    impl Bytes16 {
        #[inline(always)]
        pub(crate) fn load(chunk: &[u8; 16]) -> Self {
            Bytes16(load_unaligned_m128i(chunk))
        }

        #[inline(always)]
        pub(crate) fn splat(b: u8) -> Self {
            Bytes16(set_splat_i8_m128i(b as i8))
        }

        #[inline(always)]
        pub(crate) fn eq(self, b: u8) -> Self {
            Bytes16(cmp_eq_mask_i8_m128i(self.0, Self::splat(b).0))
        }

        #[inline(always)]
        pub(crate) fn add(self, b: u8) -> Self {
            Bytes16(add_i8_m128i(self.0, Self::splat(b).0))
        }

        #[inline(always)]
        pub(crate) fn lt(self, b: i8) -> Self {
            Bytes16(cmp_lt_mask_i8_m128i(self.0, set_splat_i8_m128i(b)))
        }

        #[inline(always)]
        pub(crate) fn or(self, other: Self) -> Self {
            Bytes16(bitor_m128i(self.0, other.0))
        }

        #[inline(always)]
        pub(crate) fn and(self, other: Self) -> Self {
            Bytes16(bitand_m128i(self.0, other.0))
        }

        #[inline(always)]
        pub(crate) fn and_not(self, other: Self) -> Self {
            // `bitandnot_m128i(a, b)` is `!a & b`.
            Bytes16(bitandnot_m128i(other.0, self.0))
        }

        #[inline(always)]
        pub(crate) fn mask(self) -> u32 {
            move_mask_i8_m128i(self.0) as u32 & 0xFFFF
        }
    }
}

#[cfg(not(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2",
    not(tesi_portable)
)))]
mod imp {
    pub(crate) use super::portable::Bytes16;
}

/// The lane-at-a-time `Bytes16`: the one in use where there is no SSE2,
/// and the reference the vector one is tested against.
#[cfg_attr(
    all(
        any(target_arch = "x86", target_arch = "x86_64"),
        target_feature = "sse2",
        not(tesi_portable)
    ),
    allow(dead_code)
)]
mod portable {
    /// Sixteen lanes, each a byte of input or, after a test, 0xFF
    /// (passed) or 0.
    #[derive(Clone, Copy)]
    pub(crate) struct Bytes16([u8; 16]);

    impl Bytes16 {
        #[inline(always)]
        fn map(self, f: impl Fn(u8) -> bool) -> Self {
            Bytes16(self.0.map(|b| if f(b) { 0xFF } else { 0 }))
        }

        #[inline(always)]
        fn zip(self, other: Self, f: impl Fn(u8, u8) -> u8) -> Self {
            let mut out = [0; 16];
            for ((o, &a), &b) in out.iter_mut().zip(&self.0).zip(&other.0) {
                *o = f(a, b);
            }
            Bytes16(out)
        }

        #[inline(always)]
        pub(crate) fn load(chunk: &[u8; 16]) -> Self {
            Bytes16(*chunk)
        }

        #[inline(always)]
        pub(crate) fn splat(b: u8) -> Self {
            Bytes16([b; 16])
        }

        #[inline(always)]
        pub(crate) fn eq(self, b: u8) -> Self {
            self.map(|x| x == b)
        }

        #[inline(always)]
        pub(crate) fn add(self, b: u8) -> Self {
            Bytes16(self.0.map(|x| x.wrapping_add(b)))
        }

        #[inline(always)]
        pub(crate) fn lt(self, b: i8) -> Self {
            self.map(|x| (x as i8) < b)
        }

        #[inline(always)]
        pub(crate) fn or(self, other: Self) -> Self {
            self.zip(other, |a, b| a | b)
        }

        #[inline(always)]
        pub(crate) fn and(self, other: Self) -> Self {
            self.zip(other, |a, b| a & b)
        }

        #[inline(always)]
        pub(crate) fn and_not(self, other: Self) -> Self {
            self.zip(other, |a, b| a & !b)
        }

        #[inline(always)]
        pub(crate) fn mask(self) -> u32 {
            self.0
                .iter()
                .enumerate()
                .fold(0, |m, (i, &b)| m | (u32::from(b >> 7) << i))
        }
    }
}

/// Sixteen bytes of input, or the result of a lane-wise test on them:
/// each lane all ones (the byte passed) or all zeros.
///
/// The comparison `lt` reads lanes as signed bytes, as the vector
/// instruction does: 0x00..=0x7F are 0..=127, 0x80..=0xFF are -128..=-1;
/// `add` wraps.
/// `mask` has bit `i` set when lane `i` passed.
pub(crate) use imp::Bytes16;

/// Lanes of a [`Bytes16`].
pub(crate) const LANES: usize = 16;

/// The offsets of the bytes of `bytes` that may open a symbol: every byte
/// but ASCII letters, digits and spaces, the lead byte of the Latin-1
/// letters (C3) and continuation bytes other than those of `×` and `÷`.
/// The search for a closing marker (`grammar::boilerplate::tail`) decodes
/// only the characters at these offsets.
///
/// Worth its place here: over the `run.sh` corpus, one process, same run,
/// a parse took 302-327 ms with it and 332-366 ms with a plain
/// `char_indices` walk of the same window (10-13% of a parse).
pub(crate) fn symbol_candidates(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    positions(bytes, symbols16)
}

/// The lanes of sixteen bytes that cannot open a symbol: an ASCII
/// letter, digit or space, a Latin-1 letter's lead byte (C3), or a
/// continuation byte other than those of `×` and `÷` (C3 97, C3 B7). The
/// lanes left, lead bytes of every other character beyond ASCII among
/// them, are symbols to look at (the character is then decoded).
///
/// Each range is one addition and one signed comparison: letters (case
/// folded, 61..=7A) move to 80..=99, digits (30..=39) to 80..=89, below
/// every other lane; continuation bytes (80..=BF) are below C0 already;
/// 97 and B7 are the two bytes that fold to B7.
#[inline(always)]
fn plain16(a: Bytes16) -> Bytes16 {
    let folded = a.or(Bytes16::splat(0x20));
    let letter = folded.add(0x1F).lt(-102);
    let digit = a.add(0x50).lt(-118);
    let continuation = a.lt(-64).and_not(folded.eq(0xB7));
    letter
        .or(digit)
        .or(continuation)
        .or(a.eq(b' '))
        .or(a.eq(0xC3))
}

/// The lanes [`plain16`] leaves: the bytes to look at.
#[inline(always)]
fn symbols16(a: Bytes16) -> Bytes16 {
    Bytes16::splat(0xFF).and_not(plain16(a))
}

/// The offsets of the bytes of `bytes` whose lanes `test` passes, in
/// order: sixteen bytes tested at a time, the last block overlapping the
/// one before it (a text shorter than a block is tested in a copy padded
/// with zeros, whose lanes are ignored).
pub(crate) fn positions<F: Fn(Bytes16) -> Bytes16>(bytes: &[u8], test: F) -> Positions<'_, F> {
    Positions {
        bytes,
        test,
        next: 0,
        base: 0,
        mask: 0,
    }
}

/// The iterator of [`positions`].
pub(crate) struct Positions<'a, F> {
    bytes: &'a [u8],
    test: F,
    /// Where the next block to test starts.
    next: usize,
    /// Where the block `mask` holds starts, and its lanes not yet given.
    base: usize,
    mask: u32,
}

impl<F: Fn(Bytes16) -> Bytes16> Iterator for Positions<'_, F> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            let n = self.bytes.len();
            if self.next >= n {
                return None;
            }
            let (from, marked) = match self.bytes.len().checked_sub(LANES) {
                Some(last) => {
                    let from = self.next.min(last);
                    let chunk = self.bytes.get(from..).and_then(<[u8]>::first_chunk)?;
                    (from, (self.test)(Bytes16::load(chunk)).mask())
                }
                None => {
                    let mut block = [0; LANES];
                    block[..n].copy_from_slice(self.bytes);
                    (
                        0,
                        (self.test)(Bytes16::load(&block)).mask() & ((1 << n) - 1),
                    )
                }
            };
            // Lanes before `next` in an overlapping block were given.
            self.mask = marked & (u32::MAX << (self.next - from));
            self.base = from;
            self.next = from + LANES;
        }
        let at = self.base + self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        Some(at)
    }
}

/// The masks of the four quarters of a 64-byte block, as one word (bit
/// `16 * k + i` for lane `i` of quarter `k`).
#[inline(always)]
pub(crate) fn mask64(quarters: [Bytes16; 4]) -> u64 {
    quarters
        .iter()
        .enumerate()
        .fold(0, |m, (k, q)| m | u64::from(q.mask()) << (16 * k))
}

/// The four sixteen-byte quarters of a 64-byte block.
#[inline(always)]
pub(crate) fn quarters(block: &[u8; 64]) -> [Bytes16; 4] {
    let (chunks, _) = block.as_chunks::<16>();
    [0, 1, 2, 3].map(|k| Bytes16::load(&chunks[k]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every test of the vector lanes answers as the lane-at-a-time
    /// reference does, for every byte value in every lane, against every
    /// operand.
    #[test]
    fn vector_agrees_with_portable() {
        use portable::Bytes16 as P;
        for base in (0..=255u8).step_by(16) {
            let chunk: [u8; 16] = std::array::from_fn(|i| base.wrapping_add(i as u8));
            let (v, p) = (Bytes16::load(&chunk), P::load(&chunk));
            for b in 0..=255u8 {
                assert_eq!(v.eq(b).mask(), p.eq(b).mask(), "eq {b:#x}");
                assert_eq!(v.add(b).lt(0).mask(), p.add(b).lt(0).mask(), "add {b:#x}");
                assert_eq!(v.lt(b as i8).mask(), p.lt(b as i8).mask(), "lt {b:#x}");
                let (ve, pe) = (v.eq(b), p.eq(b));
                let (vg, pg) = (v.lt(b as i8), p.lt(b as i8));
                assert_eq!(ve.or(vg).mask(), pe.or(pg).mask());
                assert_eq!(ve.and(vg).mask(), pe.and(pg).mask());
                assert_eq!(vg.and_not(ve).mask(), pg.and_not(pe).mask());
            }
        }
    }

    /// Every offset a byte test passes, in order, for texts of every
    /// length around the block size and marks at every offset.
    #[test]
    fn ok_positions_as_a_byte_loop() {
        for len in 0..70 {
            for step in [1, 2, 5, 15, 16, 17, 40] {
                for first in 0..step.min(len + 1) {
                    let mut bytes = vec![b'a'; len];
                    for b in bytes.iter_mut().skip(first).step_by(step) {
                        *b = b':';
                    }
                    let found: Vec<usize> = positions(&bytes, |a| a.eq(b':')).collect();
                    let expected: Vec<usize> = (0..len).filter(|&i| bytes[i] == b':').collect();
                    assert_eq!(found, expected, "{len} {step} {first}");
                }
            }
        }
        // Zeros of the padding of a short text are not reported.
        assert_eq!(positions(b"a\0b", |a| a.eq(0)).collect::<Vec<_>>(), [1]);
    }

    #[test]
    fn ok_mask64_marks_each_byte() {
        let eq_mask64 = |block: &[u8; 64], b| mask64(quarters(block).map(|q| q.eq(b)));
        let mut block = [b'a'; 64];
        for i in [0, 15, 16, 33, 63] {
            block[i] = b'\n';
        }
        assert_eq!(
            eq_mask64(&block, b'\n'),
            (1 << 0) | (1 << 15) | (1 << 16) | (1 << 33) | (1 << 63)
        );
        assert_eq!(eq_mask64(&[b'\n'; 64], b'\n'), u64::MAX);
        assert_eq!(eq_mask64(&[0x8A; 64], b'\n'), 0);
    }

    /// Whether [`symbols16`] marks byte `b`, by its definition: not an
    /// ASCII letter, digit or space, not C3, and not a continuation byte
    /// other than 97 and B7.
    fn is_symbol_byte(b: u8) -> bool {
        !(b.is_ascii_alphanumeric()
            || b == b' '
            || b == 0xC3
            || (b & 0xC0 == 0x80 && b != 0x97 && b != 0xB7))
    }

    #[test]
    fn ok_symbols_as_a_byte_loop() {
        let mut text = Vec::new();
        for b in 0..=255u8 {
            // Every byte at every offset of a block, in texts shorter and
            // longer than one, from every start.
            for pad in [0, 1, 5, 14, 15, 16, 17, 31, 32, 40, 100] {
                for after in [0, 3, 20] {
                    text.clear();
                    text.extend(std::iter::repeat_n(b'a', pad));
                    text.push(b);
                    text.extend(b"Zz 09\xC3\xA0".iter().cycle().take(after));
                    for from in 0..=text.len() {
                        let found: Vec<usize> = symbol_candidates(&text[from..]).collect();
                        let expected: Vec<usize> = (0..text.len() - from)
                            .filter(|&i| is_symbol_byte(text[from + i]))
                            .collect();
                        assert_eq!(found, expected, "{b} {pad} {after} {from}");
                    }
                }
            }
        }
    }
}
