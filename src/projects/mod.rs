//! Livelihood projects decided by the delegates' vote (民生实事项目代表票决制), in the browser.
//! `office/` holds the office app's screens: staff run a cycle, delegates vote, inspect and
//! evaluate.

pub mod office;
