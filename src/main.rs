//! The citizens' app, mounted into `index.html`: its static shell, or the first screen the
//! server drew.

fn main() {
    deputy_homes::app::mount(
        deputy_homes::app::CitizenApp,
        deputy_homes::homes::pages::homes_filters::keep_typed_filter,
    );
}
