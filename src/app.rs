//! The page frame and the routes.

use crate::accounts::components::password_change::PasswordChangeRequired;
use crate::accounts::pages::{
    account::AccountPage, sign_in::SignInPage, staff_accounts::StaffAccountsPage,
};
use crate::accounts::session::AuthState;
use crate::citizens::session::CitizenState;
use crate::homes::pages::{home_detail::HomeDetailPage, homes_list::HomesListPage, map::MapPage};
use crate::i18n::{tr, I18n};
use crate::kit::elders::Elders;
use crate::kit::geolocation::Located;
use crate::kit::language_switch::{LanguageStatus, LanguageSwitch};
use crate::kit::not_found::NotFoundPage;
use crate::kit::review_notice::ReviewNotice;
use crate::kit::settings::SettingsPage;
use crate::meetings::pages::{
    activities::ActivitiesPage, book::BookPage, my_bookings::MyBookingsPage,
    reception::ReceptionPage,
};
use crate::opinions::pages::{
    audit::AuditPage, board::BoardPage, holidays::HolidaysPage, staff_opinion::StaffOpinionPage,
    staff_queue::StaffQueuePage, stats::StatsPage, units::UnitsPage,
};
use crate::opinions::pages::{
    opinion_new::{OpinionNewPage, WalkInPage},
    opinion_status::{OpinionLookupPage, OpinionNumberPage, OpinionTokenPage},
};
use crate::outbox::pages::outbox::OutboxPage;
use crate::projects::office::{
    delegate_cycle::DelegateCyclePage, staff_cycle::StaffCyclePage, staff_cycles::StaffCyclesPage,
};
use crate::projects::pages::{
    cycle::ProjectCyclePage, index::ProjectsPage, project::ProjectPage,
    proposal::ProjectProposalPage, propose::ProposeProjectPage,
};
use deputy_homes_api::platform::apps::{is_office_path, Page};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;

/// Which of the two apps is running (see `deputy_homes_api::platform::apps`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Citizens: homes, activities, bookings, opinions, the board and statistics.
    Citizen,
    /// Delegates and staff: sign-in, account, schedules, reception, moderation.
    Office,
}

/// The citizens' app.
#[component]
pub fn CitizenApp() -> impl IntoView {
    view! {
        <Frame side=Side::Citizen>
            <Routes fallback=|| view! { <OtherAppOrNotFound side=Side::Citizen /> }>
                <Route path=path!("/") view=HomesListPage />
                <Route path=path!("/homes/:id") view=HomeDetailPage />
                <Route path=path!("/map") view=MapPage />
                <Route path=path!("/activities") view=ActivitiesPage />
                <Route path=path!("/activities/:id/book") view=BookPage />
                <Route path=path!("/bookings") view=MyBookingsPage />
                <Route path=path!("/opinions") view=OpinionLookupPage />
                <Route path=path!("/opinions/new") view=OpinionNewPage />
                <Route path=path!("/opinions/t/:token") view=OpinionTokenPage />
                <Route path=path!("/opinions/n/:tracking") view=OpinionNumberPage />
                <Route path=path!("/board") view=BoardPage />
                <Route path=path!("/stats") view=StatsPage />
                <Route path=path!("/settings") view=SettingsPage />
                <Route path=path!("/projects") view=ProjectsPage />
                <Route path=path!("/project-cycles/:id") view=ProjectCyclePage />
                <Route path=path!("/project-cycles/:id/propose") view=ProposeProjectPage />
                <Route path=path!("/project-proposals/:tracking") view=ProjectProposalPage />
                <Route path=path!("/projects/:id") view=ProjectPage />
            </Routes>
        </Frame>
    }
}

/// The office app, for delegates and staff.
#[component]
pub fn OfficeApp() -> impl IntoView {
    view! {
        <Frame side=Side::Office>
            <Routes fallback=|| view! { <OtherAppOrNotFound side=Side::Office /> }>
                <Route path=path!("/sign-in") view=SignInPage />
                <Route path=path!("/account") view=AccountPage />
                <Route path=path!("/manage/activities/:id") view=ReceptionPage />
                <Route path=path!("/staff/accounts") view=StaffAccountsPage />
                <Route path=path!("/staff/outbox") view=OutboxPage />
                <Route path=path!("/staff/opinions") view=StaffQueuePage />
                <Route path=path!("/staff/opinions/:tracking") view=StaffOpinionPage />
                <Route path=path!("/staff/audit") view=AuditPage />
                <Route path=path!("/staff/walk-in") view=WalkInPage />
                <Route path=path!("/staff/holidays") view=HolidaysPage />
                <Route path=path!("/staff/units") view=UnitsPage />
                <Route path=path!("/staff/projects") view=StaffCyclesPage />
                <Route path=path!("/staff/projects/:id") view=StaffCyclePage />
                <Route path=path!("/manage/projects/:id") view=DelegateCyclePage />
            </Routes>
        </Frame>
    }
}

/// A path this app does not have: if the other app has it, load that app (a full page load);
/// otherwise say the page does not exist.
#[component]
fn OtherAppOrNotFound(side: Side) -> impl IntoView {
    let location = use_location();
    let path = location.pathname.get_untracked();
    let other = match side {
        Side::Citizen => is_office_path(&path),
        Side::Office => !is_office_path(&path),
    };
    if other {
        let target = format!(
            "{path}{}{}",
            location.search.get_untracked(),
            location.hash.get_untracked()
        );
        if let Some(w) = web_sys::window() {
            let _ = w.location().assign(&target);
        }
        view! {
            <p class="loading" role="status">
                {tr(|c| c.loading)}
            </p>
        }
        .into_any()
    } else {
        view! { <NotFoundPage /> }.into_any()
    }
}

/// Header, the routed page, footer; the same in both apps. In the office, a session whose
/// password staff reset sees only the form to choose a new one, whatever the page.
#[component]
fn Frame(side: Side, children: ChildrenFn) -> impl IntoView {
    I18n::provide();
    Elders::provide();
    let auth = AuthState::provide();
    // A citizen's verified phone, asked of the server only when a page needs it.
    CitizenState::provide();
    if side == Side::Citizen {
        // The position for "near me" outlives the list page, so coming back keeps the sort.
        provide_context(RwSignal::new(Located::Idle));
    }
    let must_change_password = move || {
        side == Side::Office
            && auth
                .session
                .with(|s| s.as_ref().is_some_and(|s| s.must_change_password))
    };
    view! {
        <Router>
            <a class="skip-link" href="#main">
                {tr(|c| c.skip_to_content)}
            </a>
            <header class="site-header">
                <div class="site-header__bar">
                    <a class="brand" href=Page::Homes.path()>
                        {tr(|c| c.app_title)}
                    </a>
                    <LanguageSwitch />
                </div>
                <LanguageStatus />
                <nav class="site-nav" aria-label=tr(|c| c.nav_label)>
                    <A href=Page::Homes.path() exact=true>
                        {tr(|c| c.nav_homes)}
                    </A>
                    <A href=Page::Activities.path()>{tr(|c| c.nav_activities)}</A>
                    <A href=Page::MyBookings.path()>{tr(|c| c.nav_my_bookings)}</A>
                    <A href=Page::Opinions.path()>{tr(|c| c.nav_opinions)}</A>
                    <A href=Page::Board.path()>{tr(|c| c.nav_board)}</A>
                    <A href=Page::Projects.path()>{tr(|c| c.nav_projects)}</A>
                    {move || {
                        if auth.session.get().is_some() {
                            view! { <A href=Page::Account.path()>{tr(|c| c.nav_account)}</A> }
                                .into_any()
                        } else {
                            view! { <A href=Page::SignIn.path()>{tr(|c| c.nav_sign_in)}</A> }
                                .into_any()
                        }
                    }}
                </nav>
            </header>
            <main id="main" tabindex="-1">
                <ReviewNotice />
                <Show when=move || !must_change_password() fallback=PasswordChangeRequired>
                    {children()}
                </Show>
            </main>
            <footer class="site-footer">
                {(side == Side::Citizen)
                    .then(|| {
                        view! {
                            <p>
                                <a href=Page::Settings.path()>{tr(|c| c.nav_settings)}</a>
                            </p>
                        }
                    })} <p>{tr(|c| c.footer)}</p>
            </footer>
        </Router>
    }
}

/// Mounts an app into the page's element `#app`, replacing what the server put there: the static
/// shell, or the first screen it drew (`server/src/platform/first_screen.rs`), which the app draws
/// again from the answer the page carries. `carry_over` runs just before, to keep what was typed
/// into that screen; the focus stays where it was. Once the app is live, `<html>` has `data-live`.
///
/// A drawn screen that works without the app (its links, its filter forms) says so in the page's
/// head (`<meta name="app-start" content="on-first-use">`): the app then waits until it is first
/// needed, so the page's load is not held up by drawing it again. `src/forms.js` asks for it (the
/// event `deputy-homes:start`, and `data-start` on `<html>` if asked before this code ran) when a
/// button that only the app can work is pressed, a text field or a field of a form only the app
/// sends is entered, and presses the button again once the app is live; what was typed, chosen
/// or ticked in the drawn fields it puts into the app's (the events `deputy-homes:taking-over`
/// and `deputy-homes:taken-over`).
pub fn mount<V: IntoView + 'static>(app: fn() -> V, carry_over: fn()) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("the page has a document");
    let on_first_use = document
        .query_selector(r#"meta[name="app-start"][content="on-first-use"]"#)
        .ok()
        .flatten()
        .is_some();
    let asked = document
        .document_element()
        .is_some_and(|html| html.has_attribute("data-start"));
    if !on_first_use || asked || !device_looks_default() {
        start(document, app, carry_over);
        return;
    }
    let target = document.clone();
    let on_start = Closure::once_into_js(move || start(document, app, carry_over));
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
        "deputy-homes:start",
        on_start.unchecked_ref(),
        &options,
    );
}

/// Whether this device's stored choices (language, elders' mode) are the default look the server
/// drew; a phone that chose before the server was told (no cookie yet) is drawn in Chinese at the
/// standard size, and only the app shows it as chosen.
fn device_looks_default() -> bool {
    let stored = |key| {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|s| s.get_item(key).ok().flatten())
    };
    deputy_homes_api::platform::first_answers::looks_default(
        stored(crate::i18n::STORAGE_KEY).as_deref(),
        stored(crate::kit::elders::STORAGE_KEY).as_deref(),
    )
}

/// Replaces what `#app` holds with the live app (see [`mount`]).
fn start<V: IntoView + 'static>(document: web_sys::Document, app: fn() -> V, carry_over: fn()) {
    use wasm_bindgen::JsCast;
    let root = document
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .expect("the page has an element with id app");
    // A stored choice of English or Mongolian is loaded first, so no page flashes in Chinese;
    // meanwhile the shell stays. Then the shell is replaced by the live app.
    wasm_bindgen_futures::spawn_local(async move {
        crate::i18n::prepare().await;
        carry_over();
        let focused = document
            .active_element()
            .map(|e| e.id())
            .filter(|id| !id.is_empty());
        // `src/forms.js` keeps what was typed, chosen or ticked in the drawn fields and puts it
        // into the app's fields of the same id.
        let tell = |name: &str| {
            if let Ok(event) = web_sys::Event::new(name) {
                let _ = document.dispatch_event(&event);
            }
        };
        tell("deputy-homes:taking-over");
        root.set_inner_html("");
        leptos::mount::mount_to(root, app).forget();
        tell("deputy-homes:taken-over");
        // Once the first view has settled, before it is painted.
        request_animation_frame(move || {
            if let Some(id) = focused {
                crate::kit::dom::focus(&id);
            }
            if let Some(html) = document.document_element() {
                let _ = html.set_attribute("data-live", "");
            }
        });
    });
}
