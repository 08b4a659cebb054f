//! The office app (delegates and staff), mounted into the static shell of `office.html`.

fn main() {
    // The server draws no first screen of the office's pages: nothing typed to carry over.
    deputy_homes::app::mount(deputy_homes::app::OfficeApp, || {});
}
