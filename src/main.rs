//! The citizens' app, mounted into `index.html`: its static shell, or the first screen the
//! server drew, keeping what was typed or chosen in that screen's filters.

fn main() {
    deputy_homes::app::mount(deputy_homes::app::CitizenApp, || {
        deputy_homes::homes::pages::homes_filters::keep_typed_filter();
        deputy_homes::meetings::pages::activities::keep_chosen_filter();
        deputy_homes::opinions::pages::board::keep_chosen_category();
    });
}
