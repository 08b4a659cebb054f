//! The office screens' rules without views: choosing on a ballot (at most the number to adopt),
//! what a delegate's ballot paper allows, the next phase of a cycle, a budget typed in yuan, and
//! finding a delegate by name.

use deputy_homes_api::projects::{BallotPaper, CyclePhase};

/// Why a choice could not be added to a ballot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Full {
    /// Most candidates a ballot may choose.
    pub max: u32,
}

/// The ballot's choices after tapping `id`: a chosen candidate is unchosen; another is chosen
/// unless `max` are chosen already.
pub fn toggle_choice(chosen: &[String], id: &str, max: u32) -> Result<Vec<String>, Full> {
    if chosen.iter().any(|c| c == id) {
        return Ok(chosen.iter().filter(|c| *c != id).cloned().collect());
    }
    if chosen.len() >= usize::try_from(max).unwrap_or(usize::MAX) {
        return Err(Full { max });
    }
    let mut next = chosen.to_vec();
    next.push(id.to_owned());
    Ok(next)
}

/// What a delegate may do with a ballot paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BallotState {
    /// The vote is open and this delegate has not voted.
    Open,
    /// This delegate has voted.
    Voted,
    /// Not a delegate of the cycle's congress when the vote opened.
    NotEligible,
    /// The vote is not open: the cycle is in this phase.
    NotOpen(CyclePhase),
}

/// What the paper allows, the vote's phase first: outside the window nothing else matters.
pub fn ballot_state(paper: &BallotPaper) -> BallotState {
    if paper.voted {
        BallotState::Voted
    } else if paper.cycle.phase != CyclePhase::Voting {
        BallotState::NotOpen(paper.cycle.phase)
    } else if !paper.eligible {
        BallotState::NotEligible
    } else {
        BallotState::Open
    }
}

/// The phase a cycle may enter next, if any.
pub fn next_phase(phase: CyclePhase) -> Option<CyclePhase> {
    CyclePhase::ALL
        .into_iter()
        .find(|next| phase.can_become(*next))
}

/// A budget typed in yuan: digits, with spaces or commas between groups allowed.
pub fn parse_yuan(text: &str) -> Option<i64> {
    let digits: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' '))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Whether a delegate's name holds what was typed, ignoring spaces and case; with nothing typed,
/// every name does.
pub fn name_matches(name: &str, typed: &str) -> bool {
    let squeeze = |text: &str| -> String {
        text.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    squeeze(name).contains(&squeeze(typed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use deputy_homes_api::projects::Cycle;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_ballot_takes_at_most_the_number_to_adopt_and_a_tap_unchooses() {
        let one = toggle_choice(&[], "a", 2).unwrap();
        let two = toggle_choice(&one, "b", 2).unwrap();
        assert_eq!(two, ids(&["a", "b"]));
        assert_eq!(toggle_choice(&two, "c", 2), Err(Full { max: 2 }));
        assert_eq!(toggle_choice(&two, "a", 2).unwrap(), ids(&["b"]));
        assert_eq!(toggle_choice(&[], "a", 0), Err(Full { max: 0 }));
    }

    fn paper(phase: CyclePhase, eligible: bool, voted: bool) -> BallotPaper {
        BallotPaper {
            cycle: Cycle {
                id: "c".into(),
                congress: "city".into(),
                year: 2026,
                phase,
                to_adopt: 2,
                eligible: 3,
                title: None,
                collection_closed_at_ms: None,
            },
            eligible,
            voted,
            candidates: Vec::new(),
            max_choices: 2,
        }
    }

    #[test]
    fn a_paper_says_voted_then_the_phase_then_eligibility() {
        use CyclePhase::*;
        assert_eq!(ballot_state(&paper(Voting, true, false)), BallotState::Open);
        assert_eq!(ballot_state(&paper(Voting, true, true)), BallotState::Voted);
        assert_eq!(ballot_state(&paper(Closed, true, true)), BallotState::Voted);
        assert_eq!(
            ballot_state(&paper(Shortlisting, false, false)),
            BallotState::NotOpen(Shortlisting)
        );
        assert_eq!(
            ballot_state(&paper(Voting, false, false)),
            BallotState::NotEligible
        );
    }

    #[test]
    fn phases_go_forward_one_at_a_time_and_end_closed() {
        assert_eq!(
            next_phase(CyclePhase::Preparing),
            Some(CyclePhase::Collecting)
        );
        assert_eq!(next_phase(CyclePhase::Voting), Some(CyclePhase::Closed));
        assert_eq!(next_phase(CyclePhase::Closed), None);
    }

    #[test]
    fn a_delegate_is_found_by_part_of_the_name_whatever_the_spaces_and_case() {
        assert!(name_matches("张 丽", "张丽"));
        assert!(name_matches("张丽", "丽"));
        assert!(name_matches("Zhang Li", "zhang li"));
        assert!(name_matches("王强", ""));
        assert!(!name_matches("王强", "张"));
    }

    #[test]
    fn budgets_are_whole_yuan_with_optional_separators() {
        assert_eq!(parse_yuan("5,000,000"), Some(5_000_000));
        assert_eq!(parse_yuan(" 1200 "), Some(1200));
        assert_eq!(parse_yuan("12.5"), None);
        assert_eq!(parse_yuan(""), None);
        assert_eq!(parse_yuan("-3"), None);
    }
}
