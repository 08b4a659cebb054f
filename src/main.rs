//! Mounts the app into the static shell of `index.html`.

use deputy_homes::app::App;
use wasm_bindgen::JsCast;

fn main() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .expect("index.html has an element with id app");
    // The shell shown while the wasm loaded is replaced by the live app.
    root.set_inner_html("");
    leptos::mount::mount_to(root, App).forget();
}
