//! The term's figures, as the seed article gives them: projects decided, the share completed,
//! the share completed on time, and the delegates' satisfaction, together and by congress,
//! drawn as the statistics page draws its charts.

use crate::i18n::{tr, use_i18n, Catalog, Lang};
use crate::kit::bar_chart::BarChart;
use crate::kit::loader::Loader;
use crate::projects::client;
use crate::projects::rules::{congress_name, share, share_percent};
use deputy_homes_api::projects::figures::{CongressFigures, ProjectFigures};
use leptos::prelude::*;

/// The figures, loaded.
#[component]
pub fn Figures() -> impl IntoView {
    let figures = LocalResource::new(client::figures);
    view! {
        <section aria-labelledby="project-figures-heading">
            <h2 id="project-figures-heading">{tr(|c| c.projects_figures_heading)}</h2>
            <Loader resource=figures let:f>
                <FiguresView figures=f />
            </Loader>
        </section>
    }
}

/// The satisfied and basically satisfied together.
fn content(f: &CongressFigures) -> u32 {
    f.satisfied + f.basically_satisfied
}

/// One chart's rows: each congress's name and its figure (those `keep` keeps).
fn rows(
    figures: &ProjectFigures,
    lang: Lang,
    t: &Catalog,
    keep: fn(&CongressFigures) -> bool,
    value: fn(&CongressFigures) -> u64,
) -> Vec<(String, u64)> {
    figures
        .by_congress
        .iter()
        .filter(|f| keep(f))
        .map(|f| (congress_name(&f.congress, lang, t), value(f)))
        .collect()
}

#[component]
fn FiguresView(figures: ProjectFigures) -> impl IntoView {
    let i18n = use_i18n();
    if figures.total.decided == 0 {
        return view! { <p>{tr(|c| c.projects_no_figures)}</p> }.into_any();
    }
    let total = figures.total.clone();
    let figure = |label: fn(&Catalog) -> &'static str, value: String| {
        view! {
            <div>
                <dt>{tr(label)}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    let figures = StoredValue::new(figures);
    let chart = move |caption: fn(&Catalog) -> &'static str,
                      heading: fn(&Catalog) -> &'static str,
                      full: Option<u64>,
                      keep: fn(&CongressFigures) -> bool,
                      value: fn(&CongressFigures) -> u64| {
        move || {
            let t = i18n.t();
            let bars = figures.with_value(|f| rows(f, i18n.lang(), t, keep, value));
            view! {
                <BarChart
                    caption=caption(t).to_owned()
                    label_heading=t.projects_congress.to_owned()
                    count_heading=heading(t).to_owned()
                    bars
                    full
                />
            }
        }
    };
    view! {
        <dl class="summary__figures project-figures">
            {figure(|c| c.projects_decided, total.decided.to_string())}
            {figure(|c| c.projects_completed_share, share(total.completed, total.decided))}
            {figure(|c| c.projects_on_time_share, share(total.completed_on_time, total.decided))}
            {figure(|c| c.projects_satisfied_share, share(content(&total), total.evaluated))}
        </dl>
        {chart(
            |c| c.projects_decided_by_congress,
            |c| c.projects_count,
            None,
            |_| true,
            |f| u64::from(f.decided),
        )}
        {chart(
            |c| c.projects_completed_by_congress,
            |c| c.projects_percent,
            Some(100),
            |_| true,
            |f| share_percent(f.completed, f.decided),
        )}
        {chart(
            |c| c.projects_on_time_by_congress,
            |c| c.projects_percent,
            Some(100),
            |_| true,
            |f| share_percent(f.completed_on_time, f.decided),
        )}
        {chart(
            |c| c.projects_satisfied_by_congress,
            |c| c.projects_percent,
            Some(100),
            |f| f.evaluated > 0,
            |f| share_percent(content(f), f.evaluated),
        )}
    }
    .into_any()
}
