//! The page frame and the routes.

use crate::components::language_switch::LanguageSwitch;
use crate::geolocation::Located;
use crate::i18n::{tr, I18n};
use crate::pages::{account::AccountPage, sign_in::SignInPage, staff_accounts::StaffAccountsPage};
use crate::pages::{
    activities::ActivitiesPage, book::BookPage, my_bookings::MyBookingsPage, outbox::OutboxPage,
    reception::ReceptionPage,
};
use crate::pages::{
    audit::AuditPage, board::BoardPage, staff_opinion::StaffOpinionPage,
    staff_queue::StaffQueuePage, stats::StatsPage,
};
use crate::pages::{
    home_detail::HomeDetailPage, homes_list::HomesListPage, map::MapPage, not_found::NotFoundPage,
};
use crate::pages::{
    opinion_new::OpinionNewPage,
    opinion_status::{OpinionLookupPage, OpinionTokenPage},
};
use crate::session::AuthState;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

/// The whole app: header, the routed page, footer.
#[component]
pub fn App() -> impl IntoView {
    I18n::provide();
    let auth = AuthState::provide();
    // The position for "near me" outlives the list page, so coming back keeps the sort.
    provide_context(RwSignal::new(Located::Idle));
    view! {
        <Router>
            <a class="skip-link" href="#main">{tr(|c| c.skip_to_content)}</a>
            <header class="site-header">
                <div class="site-header__bar">
                    <a class="brand" href="/">{tr(|c| c.app_title)}</a>
                    <LanguageSwitch />
                </div>
                <nav class="site-nav" aria-label=tr(|c| c.nav_label)>
                    <A href="/" exact=true>{tr(|c| c.nav_homes)}</A>
                    <A href="/activities">{tr(|c| c.nav_activities)}</A>
                    <A href="/bookings">{tr(|c| c.nav_my_bookings)}</A>
                    <A href="/opinions">{tr(|c| c.nav_opinions)}</A>
                    <A href="/board">{tr(|c| c.nav_board)}</A>
                    <A href="/map">{tr(|c| c.nav_map)}</A>
                    {move || if auth.session.get().is_some() {
                        view! { <A href="/account">{tr(|c| c.nav_account)}</A> }.into_any()
                    } else {
                        view! { <A href="/sign-in">{tr(|c| c.nav_sign_in)}</A> }.into_any()
                    }}
                </nav>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomesListPage />
                    <Route path=path!("/homes/:id") view=HomeDetailPage />
                    <Route path=path!("/map") view=MapPage />
                    <Route path=path!("/sign-in") view=SignInPage />
                    <Route path=path!("/account") view=AccountPage />
                    <Route path=path!("/activities") view=ActivitiesPage />
                    <Route path=path!("/activities/:id/book") view=BookPage />
                    <Route path=path!("/bookings") view=MyBookingsPage />
                    <Route path=path!("/manage/activities/:id") view=ReceptionPage />
                    <Route path=path!("/staff/accounts") view=StaffAccountsPage />
                    <Route path=path!("/staff/outbox") view=OutboxPage />
                    <Route path=path!("/opinions") view=OpinionLookupPage />
                    <Route path=path!("/opinions/new") view=OpinionNewPage />
                    <Route path=path!("/opinions/t/:token") view=OpinionTokenPage />
                    <Route path=path!("/staff/opinions") view=StaffQueuePage />
                    <Route path=path!("/staff/opinions/:tracking") view=StaffOpinionPage />
                    <Route path=path!("/staff/audit") view=AuditPage />
                    <Route path=path!("/board") view=BoardPage />
                    <Route path=path!("/stats") view=StatsPage />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>{tr(|c| c.footer)}</p>
            </footer>
        </Router>
    }
}

/// Sets the browser tab's title for the page being shown.
pub fn set_page_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}
