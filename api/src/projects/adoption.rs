//! The adoption rule of the delegates' vote (票决): a candidate is adopted when chosen by more
//! than half of the eligible delegates, in order of votes, up to the number to adopt. A tie at
//! the cut-off and a failed quorum are stated, never settled by guessing.

use serde::{Deserialize, Serialize};

/// What the vote decided for one candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CandidateOutcome {
    /// Chosen by more than half of the eligible delegates and within the number to adopt.
    Adopted,
    /// Chosen by more than half, but tied with others at the cut-off for fewer places than
    /// the tied candidates: the vote does not decide between them.
    TiedAtCutOff,
    /// More than half chose it, but as many or more candidates with more votes filled the
    /// places.
    OutOfPlaces,
    /// Not chosen by more than half of the eligible delegates.
    NoMajority,
}

/// The whole decision of a vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adoption {
    /// Whether more than half of the eligible delegates cast a ballot. Without it no candidate
    /// can have a majority of the eligible delegates either, and nothing is adopted.
    pub quorum_met: bool,
    /// Each candidate's outcome, in the order given.
    pub outcomes: Vec<CandidateOutcome>,
    /// Places the vote left open because of a tie at the cut-off.
    pub places_tied: u32,
}

/// Whether `votes` is more than half of `eligible` (exactly half is not).
pub fn is_majority(votes: u32, eligible: u32) -> bool {
    u64::from(votes) * 2 > u64::from(eligible)
}

/// Decides a vote: `votes` holds each candidate's votes, `to_adopt` the number of projects to
/// adopt, `cast` the ballots cast and `eligible` the delegates who could vote.
pub fn decide(votes: &[u32], to_adopt: u32, cast: u32, eligible: u32) -> Adoption {
    let quorum_met = is_majority(cast, eligible);
    let mut majority: Vec<u32> = votes
        .iter()
        .copied()
        .filter(|v| quorum_met && is_majority(*v, eligible))
        .collect();
    majority.sort_unstable_by(|a, b| b.cmp(a));
    let places = usize::try_from(to_adopt).unwrap_or(usize::MAX);
    // The votes of the last place, and whether the candidates with that many fit in the places.
    let (cut, tie) = match majority.get(places.saturating_sub(1)) {
        // No place at all: every majority is out of places.
        _ if places == 0 => (Some(u32::MAX), None),
        Some(&last) => {
            let above = majority.iter().filter(|v| **v > last).count();
            let at = majority.iter().filter(|v| **v == last).count();
            (Some(last), (above + at > places).then_some(places - above))
        }
        None => (None, None),
    };
    let outcomes = votes
        .iter()
        .map(|&v| {
            if !quorum_met || !is_majority(v, eligible) {
                CandidateOutcome::NoMajority
            } else {
                match cut {
                    None => CandidateOutcome::Adopted,
                    Some(last) if v > last => CandidateOutcome::Adopted,
                    Some(last) if v == last && tie.is_some() => CandidateOutcome::TiedAtCutOff,
                    Some(last) if v == last => CandidateOutcome::Adopted,
                    Some(_) => CandidateOutcome::OutOfPlaces,
                }
            }
        })
        .collect();
    Adoption {
        quorum_met,
        outcomes,
        places_tied: tie.map_or(0, |t| u32::try_from(t).unwrap_or(u32::MAX)),
    }
}

#[cfg(test)]
mod tests {
    use super::CandidateOutcome::*;
    use super::*;

    #[test]
    fn the_most_voted_candidates_with_a_majority_are_adopted_up_to_the_places() {
        let d = decide(&[8, 9, 6, 3, 7], 3, 10, 10);
        assert!(d.quorum_met);
        assert_eq!(
            d.outcomes,
            [Adopted, Adopted, OutOfPlaces, NoMajority, Adopted]
        );
        assert_eq!(d.places_tied, 0);
    }

    #[test]
    fn exactly_half_of_the_eligible_is_no_majority() {
        assert!(!is_majority(5, 10));
        assert!(is_majority(6, 10));
        assert!(is_majority(4, 7));
        assert!(!is_majority(3, 7));
        let d = decide(&[5, 6], 2, 10, 10);
        assert_eq!(d.outcomes, [NoMajority, Adopted]);
    }

    #[test]
    fn fewer_majorities_than_places_adopt_only_those() {
        let d = decide(&[2, 9, 1], 2, 10, 10);
        assert_eq!(d.outcomes, [NoMajority, Adopted, NoMajority]);
    }

    #[test]
    fn a_tie_at_the_cut_off_is_stated_not_settled() {
        // Two places: 9 is in; 7 and 7 tie for the one place left.
        let d = decide(&[7, 9, 7, 6], 2, 10, 10);
        assert_eq!(
            d.outcomes,
            [TiedAtCutOff, Adopted, TiedAtCutOff, OutOfPlaces]
        );
        assert_eq!(d.places_tied, 1);
        // Three tie for two places: none is adopted, two places are open.
        let d = decide(&[8, 8, 8], 2, 10, 10);
        assert_eq!(d.outcomes, [TiedAtCutOff; 3]);
        assert_eq!(d.places_tied, 2);
    }

    #[test]
    fn a_tie_that_fits_in_the_places_adopts_all_of_it() {
        let d = decide(&[7, 7, 9], 3, 10, 10);
        assert_eq!(d.outcomes, [Adopted, Adopted, Adopted]);
        assert_eq!(d.places_tied, 0);
        let d = decide(&[7, 7, 9, 6], 3, 10, 10);
        assert_eq!(d.outcomes, [Adopted, Adopted, Adopted, OutOfPlaces]);
    }

    #[test]
    fn a_failed_quorum_adopts_nothing_and_says_so() {
        // Five of ten is not more than half.
        let d = decide(&[5, 5, 0], 1, 5, 10);
        assert!(!d.quorum_met);
        assert_eq!(d.outcomes, [NoMajority; 3]);
        let d = decide(&[6, 0], 1, 6, 10);
        assert!(d.quorum_met);
        assert_eq!(d.outcomes, [Adopted, NoMajority]);
    }

    #[test]
    fn no_place_to_fill_adopts_nothing() {
        assert_eq!(decide(&[9], 0, 10, 10).outcomes, [OutOfPlaces]);
    }

    #[test]
    fn no_eligible_delegates_decide_nothing() {
        let d = decide(&[0, 0], 1, 0, 0);
        assert!(!d.quorum_met);
        assert_eq!(d.outcomes, [NoMajority; 2]);
    }
}
