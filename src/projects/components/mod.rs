//! Pieces of the projects' pages: a progress bar, a closed vote's result, the adopted projects,
//! the support and rating forms, the ballot tracker check, and the term's figures.

pub mod adopted_list;
pub mod figures;
pub mod progress_bar;
pub mod rating_form;
pub mod support_form;
pub mod tracker_check;
pub mod vote_result;
