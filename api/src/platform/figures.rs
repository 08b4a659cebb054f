//! How figures are written on the pages (the statistics, the projects' results), the same in the
//! app and in the first screens the server draws: shares as whole percentages, days with one
//! decimal, a dash for nothing to show, and a bar's length beside a count.

/// A share (0 to 1) as a whole percentage, or a dash when there is nothing to divide.
pub fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "—".to_owned(), |s| format!("{:.0}%", s * 100.0))
}

/// A number of days with one decimal, or a dash when there is none.
pub fn days(days: Option<f64>) -> String {
    days.map_or_else(|| "—".to_owned(), |d| format!("{d:.1}"))
}

/// A bar's width in percent of the largest count.
pub fn bar_percent(count: u64, max: u64) -> f64 {
    if max == 0 {
        0.0
    } else {
        (count as f64 / max as f64 * 100.0).clamp(0.0, 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_whole_percentages_and_nothing_is_a_dash() {
        assert_eq!(percent(Some(0.756)), "76%");
        assert_eq!(percent(None), "—");
        assert_eq!(days(Some(3.25)), "3.2");
        assert_eq!(days(None), "—");
    }

    #[test]
    fn the_largest_count_fills_the_bar_and_nothing_is_empty() {
        assert_eq!(bar_percent(5, 10), 50.0);
        assert_eq!(bar_percent(10, 10), 100.0);
        assert_eq!(bar_percent(0, 0), 0.0);
    }
}
