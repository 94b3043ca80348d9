//! The best possible call, worded for the debrief: what a trainee could have
//! said, in this call's language and with this customer's name.

use std::sync::Arc;

use super::{Settings, explore};
use crate::score::{self, Skills};
use crate::sim::script;
use crate::sim::{Compiled, Options, Session, Speaker};

/// The explorer's best path, played with the trainee's call settings.
#[derive(Debug, Clone, PartialEq)]
pub struct BestCall {
    pub overall: u8,
    pub skills: Skills,
    /// The inputs, as for `headset simulate --choices`.
    pub choices: String,
    /// What the agent says (and does) on that path, in order.
    pub said: Vec<String>,
}

/// Explores the scenario and plays its best path with the same seed and
/// agent name as the trainee's call, so the words match what they saw.
pub fn best_call(c: &Arc<Compiled>, seed: u64, agent_name: &str) -> Option<BestCall> {
    let settings = Settings {
        // The debrief needs no pass share: few guessing playouts.
        samples: 1_000,
        strategies: false,
        ..Settings::default()
    };
    let best = explore(c, &settings).best?;
    let opts = Options {
        agent_name: agent_name.to_owned(),
        ..Options::default()
    };
    let mut session = Session::new(Arc::clone(c), seed, opts);
    script::run(&mut session, &best.steps).ok()?;
    let report = score::score(&session);
    let said = session
        .transcript
        .iter()
        .filter(|e| matches!(e.speaker, Speaker::Agent | Speaker::System))
        .map(|e| e.text.clone())
        .collect();
    Some(BestCall {
        overall: report.overall,
        skills: report.skills,
        choices: best.choices,
        said,
    })
}
