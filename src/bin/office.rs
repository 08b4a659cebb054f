//! The office app (delegates and staff), mounted into the static shell of `office.html`.

fn main() {
    deputy_homes::app::mount(deputy_homes::app::OfficeApp);
}
