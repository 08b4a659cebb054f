//! Rebuilds the server when a migration is added: `sqlx::migrate!` embeds the folder's files at
//! compile time but does not itself tell Cargo to watch the folder for new ones.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
