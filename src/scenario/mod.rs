//! Scenarios: the data model trainers write, loading it from RON with precise
//! errors, and validating it.

pub mod diagnostic;
pub mod fast;
pub mod lexer;
pub mod library;
pub mod limits;
pub mod line;
pub mod load;
pub mod locate;
pub mod model;
pub mod mood;
pub mod synthetic;
pub mod text;
pub mod validate;

pub use diagnostic::{Code, Diagnostic, Severity};
pub use line::Line;
pub use load::{Loaded, load_bytes, load_file};
pub use model::*;
pub use mood::{Axis, Condition, Mood, MoodShift, MoodStart};
pub use validate::{validate, validate_library};
