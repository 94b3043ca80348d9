//! English debrief texts.

use super::join;
use crate::scenario::Marker;
use crate::score::moment::Why;

pub(super) fn words(why: &Why, name: &str) -> (String, String) {
    let (r, t): (String, &str) = match why {
        Why::Interrupted { cut: Some(line) } => (
            format!("You interrupted {name} while they were saying: \"{line}\""),
            "Let the customer finish. The real cause often comes at the end of what they say.",
        ),
        Why::Interrupted { cut: None } => (
            format!("You spoke before {name} had said what they wanted to say."),
            "Wait until the customer has finished before you answer.",
        ),
        Why::Impatient(m) => impatient(*m, name),
        Why::CourteousUnderPressure { rude: true } => (
            format!("{name} was rude, and you stayed calm and courteous."),
            "Keep doing this: do not take it personally, answer the problem, not the tone.",
        ),
        Why::CourteousUnderPressure { rude: false } => (
            format!("{name} repeated themselves, and you answered patiently."),
            "Keep doing this: repetition is a sign the customer needs reassurance.",
        ),
        Why::Apologised => (
            "You apologised for the trouble.".into(),
            "An apology costs nothing, even when the company is not at fault.",
        ),
        Why::LeftUpset => (
            format!("You ended the conversation while {name} was still upset."),
            "Before closing, check that the customer is reassured and knows what happens next.",
        ),
        Why::HungUpOnCustomer => (
            format!(
                "You hung up on {name} where the policy does not allow it. A call ended this way is never passed."
            ),
            "Close a call with a reply once the customer's matter is settled or handed over; end a call yourself only where the policy allows it, after a warning.",
        ),
        Why::DeadAir { seconds } => (
            format!(
                "You left {name} waiting in silence for {seconds} seconds after you had had time to read the replies."
            ),
            "Answer as soon as you have read the options; if you need time, say so (\"One moment, I'm checking that for you\").",
        ),
        Why::CustomerHungUp => (
            format!("{name} hung up in anger."),
            "Stay calm, acknowledge the feeling, and do not argue: anger that is heard cools down.",
        ),
        Why::MissedFact { fact } => (
            format!("By interrupting, you missed: {fact}."),
            "Let the customer finish; ask a clarifying question if something is missing.",
        ),
        Why::AskedAgain { fact } => (
            format!("You asked again for something {name} had already told you: {fact}."),
            "Listen and note the details the first time; asking twice tells the customer you were not listening.",
        ),
        Why::GoodQuestion { fact } => (
            format!("Your question brought out: {fact}."),
            "Clarifying questions uncover what the customer did not think to say.",
        ),
        Why::ShowedUnderstanding { fact } => (
            format!("Your reply showed you had understood: {fact}."),
            "Repeat the key detail back so the customer knows they were heard.",
        ),
        Why::NoListeningShown => (
            format!(
                "Nothing you said showed that you had listened to {name}: no reply used or asked for what the customer told you."
            ),
            "Show that you heard: repeat the key detail back, or ask the question that brings out what is missing.",
        ),
        Why::NameEarly => (
            format!("You used the customer's name, {name}, early in the conversation."),
            "Saying the name early makes the customer feel like a person, not a number.",
        ),
        Why::NameLate => (
            format!(
                "You used the name {name}, but only late in the conversation: half the credit."
            ),
            "Use the customer's name in your first or second reply.",
        ),
        Why::NameNever => (
            format!("You never used the customer's name ({name})."),
            "Use the name early and once more later; it makes the customer feel important.",
        ),
        Why::NameAgain => (
            "You used the customer's name again later on.".into(),
            "Repeating the name now and then keeps the conversation personal.",
        ),
        Why::NameOveruse => (
            "You used the customer's name in nearly every reply; it sounds scripted.".into(),
            "Use the name at the start, at key moments and at the end, not in every sentence.",
        ),
        Why::WrongName => (
            format!("You used a wrong name or form of address; the customer is {name}."),
            "Check the name on the screen before you say it; a wrong name hurts more than none.",
        ),
        Why::EscalationRight { target } => (
            format!("You handed over to the right place ({target}) at the right time."),
            "Escalate when the problem is beyond your authority, once you know the facts.",
        ),
        Why::EscalationEarly { target, missing } => (
            format!(
                "{target} was right, but you handed over before you knew: {}.",
                join(missing, "and")
            ),
            "Gather the facts first so the next person does not have to ask again.",
        ),
        Why::EscalationWrongTarget { target, right } => (
            format!(
                "You handed over to {target}; the right place was {}.",
                join(right, "or")
            ),
            "Know who decides what: check the escalation policy before you transfer.",
        ),
        Why::EscalationNotNeeded { target, why } => (
            format!("You handed over to {target}, but this was yours to solve. {why}"),
            "Do not pass the customer on to get rid of them; solve what you are allowed to solve.",
        ),
        Why::EscalationMissing { right, why } => (
            format!(
                "This needed {}, but you never handed over. {why}",
                join(right, "or")
            ),
            "When something is beyond your authority, escalate and explain what happens next.",
        ),
        Why::Handover => (
            "Your handover told the customer what happens next and passed the facts on.".into(),
            "A good handover means the customer never has to repeat themselves.",
        ),
        Why::NoHandover => (
            "You transferred without saying what happens next or passing the facts on.".into(),
            "Tell the customer who takes over, what you passed on, and what happens next.",
        ),
        Why::OverPromise => (
            "You promised something only someone with more authority may grant.".into(),
            "Promise only what you can decide yourself; for the rest, escalate.",
        ),
        Why::Authored { reason, tip } | Why::AuthoredCritical { reason, tip } => {
            return (reason.clone(), tip.clone());
        }
    };
    (r, t.to_owned())
}

fn impatient(m: Marker, name: &str) -> (String, &'static str) {
    match m {
        Marker::Dismissive => (
            format!("You brushed {name} off."),
            "Take every concern seriously, even when it seems small to you.",
        ),
        Marker::Blaming => (
            format!("You blamed {name} for the problem."),
            "Focus on the solution, not on whose fault it is.",
        ),
        Marker::CalmDown => (
            format!("You told {name} to calm down."),
            "\"Calm down\" makes people angrier; acknowledge the feeling instead.",
        ),
        Marker::Rushing => (
            format!("You rushed {name}."),
            "Give the customer the time they need; a rushed customer calls back.",
        ),
        Marker::Arguing => (
            format!("You argued with {name}'s complaint instead of hearing it out."),
            "Hear the complaint out politely, even when you cannot concede it.",
        ),
        Marker::SalesPitch => (
            format!("You tried to sell something to {name} at the wrong moment."),
            "Never sell to a customer who is grieving or upset; help first.",
        ),
        _ => (String::new(), ""),
    }
}
