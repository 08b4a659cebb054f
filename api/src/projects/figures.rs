//! The term's figures of livelihood projects, as the seed article gives them: projects decided
//! by the delegates' vote, the share completed, the share completed by their deadline, and the
//! delegates' year-end satisfaction, for each congress and for all together.

use super::satisfaction::Satisfaction;
use super::CITY;
use crate::meetings::activity::{parse_date, shanghai_ms};
use crate::District;
use serde::{Deserialize, Serialize};

/// One congress's figures (or all congresses' together); shares are left to the reader, so
/// every figure is an exact count.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CongressFigures {
    /// `city`, a district code, or `all` for the sum.
    pub congress: String,
    /// Projects adopted by closed votes.
    pub decided: u32,
    /// Of them, at 100% in their last progress update.
    pub completed: u32,
    /// Of the completed, those that reached 100% by the end of their deadline's day.
    pub completed_on_time: u32,
    /// Projects with a closed year-end evaluation that someone evaluated.
    pub evaluated: u32,
    /// Of them, judged 满意 by the published rule.
    pub satisfied: u32,
    /// Of them, judged 基本满意.
    pub basically_satisfied: u32,
}

/// Answer of `GET /api/project-figures`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectFigures {
    /// Every congress together.
    pub total: CongressFigures,
    /// The congresses that decided a project: the city first, then the districts in their order.
    pub by_congress: Vec<CongressFigures>,
}

/// What the figures need to know of one adopted project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectFacts {
    /// Its cycle's congress.
    pub congress: String,
    /// `YYYY-MM-DD`.
    pub deadline: String,
    /// When it reached 100% for good (the first update of the last run at 100%), if it has.
    pub completed_at_ms: Option<i64>,
    /// The delegates' evaluation by the published rule, once closed.
    pub evaluation: Option<Satisfaction>,
}

/// Where a congress stands in the list: the city, then the districts in their order.
fn rank(congress: &str) -> usize {
    if congress == CITY {
        return 0;
    }
    District::ALL
        .iter()
        .position(|d| d.code() == congress)
        .map_or(usize::MAX, |i| i + 1)
}

fn add(figures: &mut CongressFigures, project: &ProjectFacts) {
    figures.decided += 1;
    if let Some(at) = project.completed_at_ms {
        figures.completed += 1;
        let end = parse_date(&project.deadline).map(|day| shanghai_ms(day + 1, 0));
        if end.is_some_and(|end| at < end) {
            figures.completed_on_time += 1;
        }
    }
    if let Some(result) = project.evaluation {
        figures.evaluated += 1;
        match result {
            Satisfaction::Satisfied => figures.satisfied += 1,
            Satisfaction::BasicallySatisfied => figures.basically_satisfied += 1,
            Satisfaction::Dissatisfied => {}
        }
    }
}

/// The figures of the adopted projects, by congress and together.
pub fn tally(projects: &[ProjectFacts]) -> ProjectFigures {
    let mut total = CongressFigures {
        congress: "all".to_owned(),
        ..CongressFigures::default()
    };
    let mut by_congress: Vec<CongressFigures> = Vec::new();
    for project in projects {
        add(&mut total, project);
        let at = match by_congress
            .iter()
            .position(|f| f.congress == project.congress)
        {
            Some(at) => at,
            None => {
                by_congress.push(CongressFigures {
                    congress: project.congress.clone(),
                    ..CongressFigures::default()
                });
                by_congress.len() - 1
            }
        };
        add(&mut by_congress[at], project);
    }
    by_congress.sort_by_key(|f| rank(&f.congress));
    ProjectFigures { total, by_congress }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(
        congress: &str,
        completed_at_ms: Option<i64>,
        e: Option<Satisfaction>,
    ) -> ProjectFacts {
        ProjectFacts {
            congress: congress.to_owned(),
            deadline: "2026-06-30".to_owned(),
            completed_at_ms,
            evaluation: e,
        }
    }

    #[test]
    fn a_project_done_on_its_deadline_day_is_on_time_and_one_a_day_late_is_not() {
        let end = shanghai_ms(parse_date("2026-06-30").unwrap() + 1, 0);
        let figures = tally(&[
            project("saihan", Some(end - 1), Some(Satisfaction::Satisfied)),
            project("city", Some(end), Some(Satisfaction::BasicallySatisfied)),
            project("saihan", None, Some(Satisfaction::Dissatisfied)),
            project("city", None, None),
        ]);
        let t = &figures.total;
        assert_eq!(
            (t.decided, t.completed, t.completed_on_time),
            (4, 2, 1),
            "{t:?}"
        );
        assert_eq!((t.evaluated, t.satisfied, t.basically_satisfied), (3, 1, 1));
        let order: Vec<&str> = figures
            .by_congress
            .iter()
            .map(|f| f.congress.as_str())
            .collect();
        assert_eq!(order, ["city", "saihan"]);
        assert_eq!(figures.by_congress[1].completed_on_time, 1);
        assert_eq!(figures.by_congress[0].completed_on_time, 0);
    }

    #[test]
    fn no_projects_give_zeros_and_no_congress() {
        let figures = tally(&[]);
        assert_eq!(figures.total.decided, 0);
        assert!(figures.by_congress.is_empty());
    }
}
