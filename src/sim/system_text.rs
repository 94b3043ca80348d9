//! The few sentences the engine itself writes into a transcript, in the
//! scenario's language (so a German call reads German from start to end).

/// A built-in transcript sentence.
#[derive(Debug, Clone, Copy)]
pub enum SystemText<'a> {
    /// The customer hung up (form of address).
    CustomerHungUp(&'a str),
    /// The agent transferred the contact (target label).
    Transferred(&'a str),
    /// The agent ended the call.
    AgentHungUp,
}

/// The sentence in a language ("en", "de", "nl"; anything else falls back to
/// English), starting with a capital even when the form of address does not
/// ("meneer De Vries heeft opgehangen." would read wrong).
pub fn render(text: SystemText, language: &str) -> String {
    let sentence = words(text, language);
    let mut chars = sentence.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => sentence,
    }
}

fn words(text: SystemText, language: &str) -> String {
    match (text, language) {
        (SystemText::CustomerHungUp(n), "de") => format!("{n} hat aufgelegt."),
        (SystemText::CustomerHungUp(n), "nl") => format!("{n} heeft opgehangen."),
        (SystemText::CustomerHungUp(n), _) => format!("{n} hung up."),
        (SystemText::Transferred(t), "de") => {
            format!("Sie haben das Gespräch weitergeleitet: {t}.")
        }
        (SystemText::Transferred(t), "nl") => format!("U heeft het gesprek doorverbonden: {t}."),
        (SystemText::Transferred(t), _) => format!("You transferred the call: {t}."),
        (SystemText::AgentHungUp, "de") => "Sie haben das Gespräch beendet.".into(),
        (SystemText::AgentHungUp, "nl") => "U heeft het gesprek beëindigd.".into(),
        (SystemText::AgentHungUp, _) => "You ended the call.".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_start_with_a_capital() {
        assert_eq!(
            render(SystemText::CustomerHungUp("meneer De Vries"), "nl"),
            "Meneer De Vries heeft opgehangen."
        );
        assert_eq!(
            render(SystemText::CustomerHungUp("Herr Keller"), "de"),
            "Herr Keller hat aufgelegt."
        );
    }
}
