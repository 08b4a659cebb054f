//! The published year-end rule for the delegates' evaluation of a project (Zhenhai's): 满意 if
//! more than half of the evaluators are satisfied; else 基本满意 if the satisfied and the
//! basically satisfied together are more than half; else 不满意.

use serde::{Deserialize, Serialize};

/// A project's evaluation, or one evaluator's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = ProjectSatisfaction))]
#[serde(rename_all = "snake_case")]
pub enum Satisfaction {
    /// 满意.
    Satisfied,
    /// 基本满意.
    BasicallySatisfied,
    /// 不满意.
    Dissatisfied,
}

/// The result of an evaluation by the rule, or `None` when nobody evaluated.
pub fn evaluate(satisfied: u32, basically: u32, dissatisfied: u32) -> Option<Satisfaction> {
    let evaluators = u64::from(satisfied) + u64::from(basically) + u64::from(dissatisfied);
    if evaluators == 0 {
        None
    } else if u64::from(satisfied) * 2 > evaluators {
        Some(Satisfaction::Satisfied)
    } else if (u64::from(satisfied) + u64::from(basically)) * 2 > evaluators {
        Some(Satisfaction::BasicallySatisfied)
    } else {
        Some(Satisfaction::Dissatisfied)
    }
}

#[cfg(test)]
mod tests {
    use super::Satisfaction::*;
    use super::*;

    #[test]
    fn more_than_half_satisfied_is_satisfied() {
        assert_eq!(evaluate(6, 0, 4), Some(Satisfied));
        assert_eq!(evaluate(1, 0, 0), Some(Satisfied));
    }

    #[test]
    fn exactly_half_satisfied_is_not_satisfied() {
        assert_eq!(evaluate(5, 0, 5), Some(Dissatisfied));
        assert_eq!(evaluate(5, 1, 4), Some(BasicallySatisfied));
    }

    #[test]
    fn satisfied_and_basically_together_over_half_is_basically_satisfied() {
        assert_eq!(evaluate(2, 4, 3), Some(BasicallySatisfied));
        assert_eq!(evaluate(0, 3, 2), Some(BasicallySatisfied));
    }

    #[test]
    fn exactly_half_together_is_dissatisfied() {
        assert_eq!(evaluate(2, 3, 5), Some(Dissatisfied));
        assert_eq!(evaluate(0, 1, 1), Some(Dissatisfied));
        assert_eq!(evaluate(0, 0, 3), Some(Dissatisfied));
    }

    #[test]
    fn nobody_evaluating_gives_no_result() {
        assert_eq!(evaluate(0, 0, 0), None);
    }
}
