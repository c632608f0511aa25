//! Decimation for drawing: a long series (up to 129,600 minutes) is cut to at most two
//! points per pixel column, its minimum and maximum in the order they occur, so spikes
//! stay visible while the SVG stays small.

/// `(index, value)` points of `values` keeping each column's minimum and maximum; the first
/// and last points are always kept. Series short enough are returned whole.
pub fn min_max_per_column(values: &[f64], columns: usize) -> Vec<(usize, f64)> {
    let n = values.len();
    let columns = columns.max(1);
    if n <= 2 * columns {
        return values.iter().copied().enumerate().collect();
    }
    let mut out = Vec::with_capacity(2 * columns + 2);
    for c in 0..columns {
        let (from, to) = (
            c * n / columns,
            ((c + 1) * n / columns).max(c * n / columns + 1),
        );
        // Iterated over the column's slice, not indexed: this runs for every minute.
        let (mut lo, mut hi) = (from, from);
        let (mut low, mut high) = (values[from], values[from]);
        for (i, &v) in values[from..to.min(n)].iter().enumerate() {
            if v < low {
                (lo, low) = (from + i, v);
            }
            if v > high {
                (hi, high) = (from + i, v);
            }
        }
        let (a, b) = if lo <= hi { (lo, hi) } else { (hi, lo) };
        out.push((a, values[a]));
        if b != a {
            out.push((b, values[b]));
        }
    }
    if out.first().map(|p| p.0) != Some(0) {
        out.insert(0, (0, values[0]));
    }
    if out.last().map(|p| p.0) != Some(n - 1) {
        out.push((n - 1, values[n - 1]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_series_are_kept_whole() {
        let v = [1.0, 2.0, 3.0];
        assert_eq!(
            min_max_per_column(&v, 10),
            vec![(0, 1.0), (1, 2.0), (2, 3.0)]
        );
    }

    #[test]
    fn a_one_minute_spike_in_a_quarter_survives() {
        let mut v = vec![0.0; 129_600];
        v[77_777] = 50.0;
        let points = min_max_per_column(&v, 720);
        assert!(points.len() <= 2 * 720 + 2, "{}", points.len());
        assert!(points.contains(&(77_777, 50.0)), "the spike is kept");
        assert_eq!(points.first(), Some(&(0, 0.0)));
        assert_eq!(points.last(), Some(&(129_599, 0.0)));
        assert!(points.windows(2).all(|w| w[0].0 < w[1].0), "in order");
    }

    #[test]
    fn a_falling_series_keeps_its_ends_per_column() {
        let v: Vec<f64> = (0..10_000).map(|i| 100.0 - i as f64 / 100.0).collect();
        let points = min_max_per_column(&v, 100);
        assert_eq!(points.len(), 200);
        assert_eq!(points[0], (0, 100.0));
        assert_eq!(points[199], (9_999, 100.0 - 99.99));
    }
}
