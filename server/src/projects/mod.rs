//! Livelihood projects decided by the delegates' vote (民生实事项目代表票决制): cycles per congress
//! and year, the collection of citizens' proposals, the candidate list, and the secret ballot
//! with its published result (`routes`); the SQL (`store`). The rules (phases, adoption,
//! satisfaction) are in `deputy_homes_api::projects`.

pub mod routes;
pub mod store;
