//! Helpers shared by the unit tests.

/// The pieces of a generated test text: `count` indices below `n`, drawn
/// by a linear congruential generator from `start` (the same start gives
/// the same text).
pub(crate) fn picks(start: usize, count: usize, n: usize) -> impl Iterator<Item = usize> {
    let mut x = start;
    (0..count).map(move |_| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (x >> 33) % n
    })
}
