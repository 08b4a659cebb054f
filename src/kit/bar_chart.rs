//! A table of counts with a bar drawn beside each number: inline SVG, no chart library. The
//! numbers are text in the table, so a screen reader reads them; the bars are decoration.

use deputy_homes_api::platform::figures::bar_percent;
use leptos::prelude::*;

/// One row: its label and its count.
pub type Bar = (String, u64);

/// A captioned table whose rows are label, count and bar.
#[component]
pub fn BarChart(
    /// The table's caption (the chart's title).
    caption: String,
    /// The heading of the count column.
    count_heading: String,
    /// The heading of the label column.
    label_heading: String,
    /// The rows, in the order to show.
    bars: Vec<Bar>,
    /// The count that fills a bar (100 for percentages); the largest count when absent.
    #[prop(default = None)]
    full: Option<u64>,
) -> impl IntoView {
    let max = full.unwrap_or_else(|| bars.iter().map(|(_, n)| *n).max().unwrap_or(0));
    view! {
        <table class="chart">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{label_heading}</th>
                    <th scope="col">{count_heading}</th>
                </tr>
            </thead>
            <tbody>
                {bars
                    .into_iter()
                    .map(|(label, count)| {
                        let width = format!("{:.1}", bar_percent(count, max));
                        view! {
                            <tr>
                                <th scope="row">{label}</th>
                                <td>
                                    <div class="chart__cell">
                                        <span class="chart__count">{count}</span>
                                        <svg
                                            class="chart__bar"
                                            viewBox="0 0 100 10"
                                            preserveAspectRatio="none"
                                            aria-hidden="true"
                                            focusable="false"
                                        >
                                            <rect x="0" y="0" width=width height="10" />
                                        </svg>
                                    </div>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
