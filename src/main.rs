//! The citizens' app, mounted into the static shell of `index.html`.

fn main() {
    deputy_homes::app::mount(deputy_homes::app::CitizenApp);
}
