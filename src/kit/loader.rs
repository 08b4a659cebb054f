//! Waits for a resource loaded from the server and draws it, the same way on every page.

use crate::i18n::tr;
use crate::kit::http::ClientError;
use crate::kit::load_error::LoadError;
use leptos::prelude::*;

/// "Loading" while the resource loads (the last view stays while it loads again), the children's
/// view of the value once it is there, and the reason with a retry button when it failed.
#[component]
pub fn Loader<T, V, F>(
    /// What the server is asked for.
    resource: LocalResource<Result<T, ClientError>>,
    /// Shown instead of the retry alert when the server says the thing asked for does not exist.
    #[prop(optional, into)]
    not_found: Option<ViewFn>,
    /// Draws the loaded value.
    children: F,
) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let retry = Callback::new(move |()| resource.refetch());
    let draw = StoredValue::new(children);
    let not_found = StoredValue::new(not_found);
    view! {
        <Transition fallback=move || {
            view! {
                <p class="loading" role="status">
                    {tr(|c| c.loading)}
                </p>
            }
        }>
            {move || Suspend::new(async move {
                match resource.await {
                    Ok(value) => draw.with_value(|draw| draw(value).into_any()),
                    Err(error) => {
                        match not_found.get_value() {
                            Some(view) if error.is_not_found() => view.run(),
                            _ => view! { <LoadError error on_retry=retry /> }.into_any(),
                        }
                    }
                }
            })}
        </Transition>
    }
}
