//! German debrief texts.
//!
//! The trainee is addressed formally ("Sie"). `name` is the customer's form
//! of address as the scenario writes it, in the nominative ("Herr Keller",
//! "Frau Müller"). Most sentences put it in the nominative or after a colon;
//! where German needs the accusative or dative, [`obj`] declines it.
//!
//! Facts and escalation targets are labels from the scenario (noun phrases
//! without a fixed case), so they stand after a colon or in brackets, never
//! inside a phrase that would need an article or a case ending.

use super::join;
use crate::scenario::Marker;
use crate::score::moment::Why;

pub(super) fn words(why: &Why, name: &str) -> (String, String) {
    let obj = obj(name);
    let (r, t): (String, &str) = match why {
        Why::Interrupted { cut: Some(line) } => (
            format!("Sie haben {obj} mitten im Satz unterbrochen: „{line}“"),
            "Lassen Sie Ihr Gegenüber ausreden. Der eigentliche Grund des Anrufs kommt oft erst \
             ganz am Ende.",
        ),
        Why::Interrupted { cut: None } => (
            format!("Sie haben geantwortet, bevor {name} ausgeredet hatte."),
            "Warten Sie, bis Ihr Gegenüber fertig ist, bevor Sie antworten.",
        ),
        Why::Impatient(m) => impatient(*m, &obj),
        Why::CourteousUnderPressure { rude: true } => (
            format!("{name} war unhöflich, und Sie sind ruhig und freundlich geblieben."),
            "Weiter so: Nehmen Sie es nicht persönlich und reagieren Sie auf das Problem, nicht \
             auf den Ton.",
        ),
        Why::CourteousUnderPressure { rude: false } => (
            format!("{name} hat sich mehrfach wiederholt, und Sie haben geduldig geantwortet."),
            "Weiter so: Wer sich wiederholt, braucht vor allem die Sicherheit, dass man ihm \
             zuhört.",
        ),
        Why::Apologised => (
            "Sie haben sich für die Unannehmlichkeiten entschuldigt.".into(),
            "Eine Entschuldigung kostet nichts – auch dann nicht, wenn das Unternehmen keine \
             Schuld trifft.",
        ),
        Why::HungUpOnCustomer => (
            "Sie haben aufgelegt, obwohl die Richtlinie das hier nicht erlaubt. Ein so beendetes \
             Gespräch gilt nie als bestanden."
                .to_owned(),
            "Schließen Sie ein Gespräch mit einer Antwort ab, wenn das Anliegen geklärt oder \
             übergeben ist. Beenden Sie ein Gespräch nur selbst, wo die Richtlinie es erlaubt, \
             und erst nach einer Warnung.",
        ),
        Why::DeadAir { seconds } => (
            format!(
                "Sie haben {obj} {seconds} Sekunden lang schweigend warten lassen, nachdem Sie Zeit \
                 zum Lesen der Antworten hatten."
            ),
            "Antworten Sie, sobald Sie die Möglichkeiten gelesen haben. Wenn Sie Zeit brauchen, \
             sagen Sie es („Einen Moment bitte, ich sehe gleich nach.“).",
        ),
        Why::LeftUpset => (
            format!("Sie haben das Gespräch beendet, obwohl {name} noch verärgert war."),
            "Vergewissern Sie sich vor dem Abschluss, dass Ihr Gegenüber beruhigt ist und weiß, \
             wie es weitergeht.",
        ),
        Why::CustomerHungUp => (
            format!("{name} hat verärgert aufgelegt."),
            "Bleiben Sie ruhig, nehmen Sie den Ärger ernst und diskutieren Sie nicht: Wer sich \
             gehört fühlt, beruhigt sich wieder.",
        ),
        Why::MissedFact { fact } => (
            format!("Durch die Unterbrechung ist Ihnen entgangen: {fact}."),
            "Lassen Sie Ihr Gegenüber ausreden und fragen Sie gezielt nach, wenn etwas fehlt.",
        ),
        Why::AskedAgain { fact } => (
            format!("Sie haben nach etwas gefragt, das {name} Ihnen schon gesagt hatte: {fact}."),
            "Hören Sie beim ersten Mal genau zu und notieren Sie die Details. Wer zweimal fragt, \
             zeigt, dass er nicht zugehört hat.",
        ),
        Why::GoodQuestion { fact } => (
            format!("Durch Ihre Nachfrage haben Sie erfahren: {fact}."),
            "Gezielte Rückfragen bringen ans Licht, woran Ihr Gegenüber selbst nicht gedacht hat.",
        ),
        Why::ShowedUnderstanding { fact } => (
            format!("Ihre Antwort hat gezeigt, dass Sie verstanden haben: {fact}."),
            "Geben Sie das wichtigste Detail mit eigenen Worten wieder – so fühlt sich Ihr \
             Gegenüber verstanden.",
        ),
        Why::NoListeningShown => (
            format!(
                "Nichts, was Sie gesagt haben, hat gezeigt, dass Sie {obj} zugehört haben: Keine \
                 Antwort hat aufgegriffen oder erfragt, was Ihr Gegenüber erzählt hat."
            ),
            "Zeigen Sie, dass Sie zugehört haben: Wiederholen Sie das wichtigste Detail oder \
             stellen Sie die Frage, die das Fehlende ans Licht bringt.",
        ),
        Why::NameEarly => (
            format!("Sie haben {obj} schon früh im Gespräch mit Namen angesprochen."),
            "Wer früh mit Namen angesprochen wird, fühlt sich als Mensch wahrgenommen und nicht \
             als Nummer.",
        ),
        Why::NameLate => (
            format!(
                "Sie haben {obj} mit Namen angesprochen, aber erst spät im Gespräch: dafür gibt es \
                 die halbe Gutschrift."
            ),
            "Sprechen Sie Ihr Gegenüber schon in Ihrer ersten oder zweiten Antwort mit Namen an.",
        ),
        Why::NameNever => (
            format!("Sie haben {obj} kein einziges Mal mit Namen angesprochen."),
            "Nennen Sie den Namen früh und später noch einmal – so fühlt sich Ihr Gegenüber \
             wichtig genommen.",
        ),
        Why::NameAgain => (
            "Sie haben den Namen später im Gespräch noch einmal verwendet.".into(),
            "Wenn Sie den Namen ab und zu wiederholen, bleibt das Gespräch persönlich.",
        ),
        Why::NameOveruse => (
            "Sie haben den Namen in fast jeder Antwort verwendet; das wirkt einstudiert.".into(),
            "Nennen Sie den Namen zu Beginn, an wichtigen Stellen und zum Schluss – nicht in \
             jedem Satz.",
        ),
        Why::WrongName => (
            format!(
                "Sie haben einen falschen Namen oder eine falsche Anrede verwendet. Richtig ist: {name}."
            ),
            "Prüfen Sie den Namen auf dem Bildschirm, bevor Sie ihn aussprechen. Ein falscher \
             Name kränkt mehr als gar keiner.",
        ),
        Why::EscalationRight { target } => (
            format!(
                "Sie haben zum richtigen Zeitpunkt an die richtige Stelle weitergeleitet ({target})."
            ),
            "Leiten Sie weiter, wenn ein Anliegen über Ihre Befugnisse hinausgeht – aber erst, \
             wenn Sie die Fakten kennen.",
        ),
        Why::EscalationEarly { target, missing } => (
            format!(
                "Die Stelle war richtig ({target}), aber Sie haben weitergeleitet, bevor Sie \
                 Folgendes wussten: {}.",
                join(missing, "und")
            ),
            "Klären Sie zuerst die Fakten, damit die nächste Stelle nicht noch einmal nachfragen \
             muss.",
        ),
        Why::EscalationWrongTarget { target, right } => (
            format!(
                "Sie haben an die falsche Stelle weitergeleitet ({target}). Richtig wäre gewesen: {}.",
                join(right, "oder")
            ),
            "Machen Sie sich klar, wer was entscheidet, und prüfen Sie vor dem Weiterleiten die \
             Eskalationsregeln.",
        ),
        Why::EscalationNotNeeded { target, why } => (
            format!(
                "Sie haben weitergeleitet ({target}), obwohl Sie das Anliegen selbst hätten lösen \
                 können. {why}"
            ),
            "Leiten Sie Kundinnen und Kunden nicht weiter, nur um sie loszuwerden. Lösen Sie \
             selbst, was Sie lösen dürfen.",
        ),
        Why::EscalationMissing { right, why } => (
            format!(
                "Hier hätten Sie weiterleiten müssen ({}), haben es aber nicht getan. {why}",
                join(right, "oder")
            ),
            "Wenn etwas über Ihre Befugnisse hinausgeht, leiten Sie weiter und erklären Sie, wie \
             es danach weitergeht.",
        ),
        Why::Handover => (
            "Bei der Übergabe haben Sie erklärt, wie es weitergeht, und die Fakten weitergegeben."
                .into(),
            "Nach einer guten Übergabe muss niemand sein Anliegen noch einmal erzählen.",
        ),
        Why::NoHandover => (
            "Sie haben weitergeleitet, ohne zu sagen, wie es weitergeht, und ohne die Fakten \
             weiterzugeben."
                .into(),
            "Sagen Sie, wer übernimmt, was Sie weitergegeben haben und wie es dann weitergeht.",
        ),
        Why::OverPromise => (
            "Sie haben etwas versprochen, das nur jemand mit mehr Befugnissen gewähren darf."
                .into(),
            "Versprechen Sie nur, was Sie selbst entscheiden dürfen; alles andere leiten Sie \
             weiter.",
        ),
        Why::Authored { reason, tip } | Why::AuthoredCritical { reason, tip } => {
            return (reason.clone(), tip.clone());
        }
    };
    (r, t.to_owned())
}

/// `obj` is the form of address in the accusative or dative.
fn impatient(m: Marker, obj: &str) -> (String, &'static str) {
    match m {
        Marker::Dismissive => (
            format!("Sie haben {obj} abgewimmelt."),
            "Nehmen Sie jedes Anliegen ernst, auch wenn es Ihnen klein vorkommt.",
        ),
        Marker::Blaming => (
            format!("Sie haben {obj} die Schuld an dem Problem gegeben."),
            "Konzentrieren Sie sich auf die Lösung, nicht auf die Schuldfrage.",
        ),
        Marker::CalmDown => (
            format!("Sie haben {obj} aufgefordert, sich zu beruhigen."),
            "„Beruhigen Sie sich“ macht Menschen nur wütender. Zeigen Sie stattdessen \
             Verständnis für den Ärger.",
        ),
        Marker::Rushing => (
            format!("Sie haben {obj} zur Eile gedrängt."),
            "Nehmen Sie sich die Zeit, die das Anliegen braucht. Wer sich gehetzt fühlt, ruft \
             wieder an.",
        ),
        Marker::Arguing => (
            format!("Sie haben {obj} widersprochen, statt sich die Beschwerde in Ruhe anzuhören."),
            "Hören Sie sich die Beschwerde höflich bis zum Ende an, auch wenn Sie ihr nicht recht \
             geben können.",
        ),
        Marker::SalesPitch => (
            format!("Sie haben versucht, {obj} im falschen Moment etwas zu verkaufen."),
            "Verkaufen Sie nie etwas an Menschen, die trauern oder aufgebracht sind. Zuerst \
             kommt die Hilfe.",
        ),
        _ => (String::new(), ""),
    }
}

/// The form of address as the object of a sentence (accusative or dative).
///
/// Only "Herr" declines: "Herr Keller" becomes "Herrn Keller" in both cases
/// ("Sie haben Herrn Keller unterbrochen", "Sie haben Herrn Keller
/// widersprochen"). "Frau Müller", a bare name or anything else stays as it is.
fn obj(name: &str) -> String {
    match name.strip_prefix("Herr ") {
        Some(rest) => format!("Herrn {rest}"),
        None => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::obj;

    #[test]
    fn herr_declines_and_frau_does_not() {
        assert_eq!(obj("Herr Keller"), "Herrn Keller");
        assert_eq!(obj("Herr Dr. Keller"), "Herrn Dr. Keller");
        assert_eq!(obj("Frau Müller"), "Frau Müller");
        assert_eq!(obj("Herrmann Kurz"), "Herrmann Kurz");
        assert_eq!(obj("Herrn Keller"), "Herrn Keller");
    }
}
