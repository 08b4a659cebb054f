//! The citizens' settings: the interface language and elders' mode (长辈版), both kept on this
//! device.

use crate::i18n::tr;
use crate::kit::elders::EldersSwitch;
use crate::kit::language_switch::LanguageSwitch;
use crate::kit::page_title::use_page_title;
use leptos::prelude::*;

/// The settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    use_page_title(|c| c.settings_heading);
    view! {
        <h1>{tr(|c| c.settings_heading)}</h1>
        <section class="setting" aria-labelledby="settings-language">
            <h2 id="settings-language">{tr(|c| c.settings_language)}</h2>
            <LanguageSwitch />
        </section>
        <section class="setting" aria-labelledby="settings-elders">
            <h2 id="settings-elders">{tr(|c| c.elders_mode)}</h2>
            <p class="hint">{tr(|c| c.elders_mode_hint)}</p>
            <EldersSwitch />
        </section>
    }
}
