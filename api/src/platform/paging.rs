//! Paged lists: how many pages a count fills, as the app's pager and the server's first screens
//! both draw it.

/// How many pages `total` items fill (at least 1).
pub fn page_count(total: u64, page_size: u32) -> u32 {
    let size = u64::from(page_size.max(1));
    u32::try_from(total.div_ceil(size).max(1)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_list_is_one_page_and_a_partial_page_counts_as_a_page() {
        assert_eq!(page_count(0, 20), 1);
        assert_eq!(page_count(40, 20), 2);
        assert_eq!(page_count(41, 20), 3);
    }
}
