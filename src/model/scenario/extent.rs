//! The largest and smallest of a series, for chart ranges and peaks.
//!
//! Written as comparisons rather than `fold(f64::max)`: in wasm, `f64::max` is a call to
//! `fmax` (its NaN rules differ from the `f64.max` instruction), and once the wasm is split
//! into chunks that call crosses modules for every one of a window's 43,200 minutes. NaN
//! values are skipped, as `f64::max` skips them.

/// The largest of `start` and `values`.
pub fn max_of(values: impl IntoIterator<Item = f64>, start: f64) -> f64 {
    values
        .into_iter()
        .fold(start, |most, v| if v > most { v } else { most })
}

/// The smallest of `start` and `values`.
pub fn min_of(values: impl IntoIterator<Item = f64>, start: f64) -> f64 {
    values
        .into_iter()
        .fold(start, |least, v| if v < least { v } else { least })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extremes_agree_with_the_standard_library_and_skip_nan() {
        let values = [3.5, -2.0, f64::NAN, 7.25, 0.0];
        assert_eq!(max_of(values, 0.0), 7.25);
        assert_eq!(min_of(values, 0.0), -2.0);
        assert_eq!(
            max_of(values, 0.0),
            values.iter().copied().fold(0.0, f64::max)
        );
        assert_eq!(
            min_of(values, 0.0),
            values.iter().copied().fold(0.0, f64::min)
        );
        assert_eq!(max_of([], 1.0), 1.0);
        assert_eq!(min_of([-5.0], 1.0), -5.0);
    }
}
