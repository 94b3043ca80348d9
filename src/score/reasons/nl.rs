//! Dutch debrief texts.
//!
//! The trainee is addressed formally ("u"). `name` is the customer's form of
//! address as the scenario writes it ("meneer De Vries", "mevrouw Jansen"),
//! lowercase inside a sentence; where it opens a sentence, [`cap`] gives it a
//! capital ("Meneer De Vries was onbeleefd").
//!
//! Facts and escalation targets are labels from the scenario, so they stand
//! after a colon or in brackets, where no article is needed.

use super::join;
use crate::scenario::Marker;
use crate::score::moment::Why;

pub(super) fn words(why: &Why, name: &str) -> (String, String) {
    let cap = cap(name);
    let (r, t): (String, &str) = match why {
        Why::Interrupted { cut: Some(line) } => (
            format!("U heeft {name} midden in een zin onderbroken: “{line}”"),
            "Laat de klant uitpraten. De echte oorzaak komt vaak pas aan het eind.",
        ),
        Why::Interrupted { cut: None } => (
            format!("U begon te praten voordat {name} was uitgepraat."),
            "Wacht tot de klant helemaal klaar is voordat u antwoordt.",
        ),
        Why::Impatient(m) => impatient(*m, name),
        Why::CourteousUnderPressure { rude: true } => (
            format!("{cap} was onbeleefd, maar u bleef kalm en vriendelijk."),
            "Ga zo door: trek het u niet persoonlijk aan en reageer op het probleem, niet op de \
             toon.",
        ),
        Why::CourteousUnderPressure { rude: false } => (
            format!("{cap} bleef in herhaling vallen, en u bleef geduldig antwoorden."),
            "Ga zo door: wie zichzelf herhaalt, heeft behoefte aan geruststelling.",
        ),
        Why::Apologised => (
            "U heeft uw excuses aangeboden voor het ongemak.".into(),
            "Excuses aanbieden kost niets, ook niet als het bedrijf geen schuld heeft.",
        ),
        Why::HungUpOnCustomer => (
            format!(
                "U heeft opgehangen bij {name} terwijl het beleid dat hier niet toestaat. Een \
                 gesprek dat zo eindigt, telt nooit als geslaagd."
            ),
            "Sluit een gesprek af met een antwoord zodra de vraag is opgelost of doorgegeven. \
             Beëindig een gesprek alleen zelf waar het beleid dat toestaat, en pas na een \
             waarschuwing.",
        ),
        Why::DeadAir { seconds } => (
            format!(
                "U liet {name} {seconds} seconden in stilte wachten, terwijl u al tijd had gehad om \
                 de antwoorden te lezen."
            ),
            "Antwoord zodra u de mogelijkheden heeft gelezen. Heeft u tijd nodig, zeg dat dan \
             (\"Een ogenblik, ik kijk het even voor u na.\").",
        ),
        Why::LeftUpset => (
            format!("U heeft het gesprek beëindigd terwijl {name} nog van streek was."),
            "Ga voor het afsluiten na of de klant gerustgesteld is en weet wat er nu gaat \
             gebeuren.",
        ),
        Why::CustomerHungUp => (
            format!("{cap} heeft boos opgehangen."),
            "Blijf kalm, erken het gevoel en ga niet in discussie: boosheid die gehoord wordt, \
             zakt vanzelf.",
        ),
        Why::MissedFact { fact } => (
            format!("Doordat u de klant onderbrak, heeft u dit gemist: {fact}."),
            "Laat de klant uitpraten en stel een verduidelijkende vraag als er iets ontbreekt.",
        ),
        Why::AskedAgain { fact } => (
            format!("U vroeg opnieuw naar iets wat {name} u al had verteld: {fact}."),
            "Luister goed en noteer de details meteen. Als u iets twee keer vraagt, merkt de \
             klant dat u niet luisterde.",
        ),
        Why::GoodQuestion { fact } => (
            format!("Uw vraag bracht aan het licht: {fact}."),
            "Door goed door te vragen ontdekt u waar de klant zelf niet aan had gedacht.",
        ),
        Why::ShowedUnderstanding { fact } => (
            format!("Uw antwoord liet zien dat u het goed had begrepen: {fact}."),
            "Herhaal het belangrijkste detail in uw eigen woorden, zodat de klant zich gehoord \
             voelt.",
        ),
        Why::NoListeningShown => (
            format!(
                "Niets van wat u zei liet zien dat u naar {name} had geluisterd: geen enkel \
                 antwoord gebruikte of vroeg naar wat de klant vertelde."
            ),
            "Laat zien dat u luisterde: herhaal het belangrijkste detail, of stel de vraag die \
             boven water brengt wat nog ontbreekt.",
        ),
        Why::NameEarly => (
            format!("U heeft de klant al vroeg in het gesprek bij naam aangesproken: {name}."),
            "Wie vroeg bij naam wordt aangesproken, voelt zich een mens en geen nummer.",
        ),
        Why::NameLate => (
            format!(
                "U heeft {name} bij naam aangesproken, maar pas laat in het gesprek: daarvoor krijgt \
                 u de helft van de punten."
            ),
            "Spreek de klant al in uw eerste of tweede antwoord bij naam aan.",
        ),
        Why::NameNever => (
            format!("U heeft de klant geen enkele keer bij naam aangesproken ({name})."),
            "Noem de naam vroeg in het gesprek en later nog een keer; zo voelt de klant zich \
             belangrijk.",
        ),
        Why::NameAgain => (
            "U heeft de naam van de klant later in het gesprek nog eens gebruikt.".into(),
            "Door de naam af en toe te herhalen, blijft het gesprek persoonlijk.",
        ),
        Why::NameOveruse => (
            "U gebruikte de naam van de klant in bijna elk antwoord; dat klinkt ingestudeerd."
                .into(),
            "Gebruik de naam aan het begin, op belangrijke momenten en aan het eind, niet in elke \
             zin.",
        ),
        Why::WrongName => (
            format!("U gebruikte een verkeerde naam of aanspreekvorm. De juiste is: {name}."),
            "Controleer de naam op het scherm voordat u hem uitspreekt. Een verkeerde naam kwetst \
             meer dan helemaal geen naam.",
        ),
        Why::EscalationRight { target } => (
            format!("U heeft op het juiste moment doorverbonden naar het juiste adres ({target})."),
            "Escaleer als het probleem buiten uw bevoegdheid valt, en pas als u de feiten kent.",
        ),
        Why::EscalationEarly { target, missing } => (
            format!(
                "U koos het juiste adres ({target}), maar u verbond door voordat u dit wist: {}.",
                join(missing, "en")
            ),
            "Verzamel eerst de feiten, zodat uw collega er niet opnieuw naar hoeft te vragen.",
        ),
        Why::EscalationWrongTarget { target, right } => (
            format!(
                "U heeft doorverbonden naar het verkeerde adres ({target}). Het juiste adres was: \
                 {}.",
                join(right, "of")
            ),
            "Weet wie waarover beslist: bekijk het escalatiebeleid voordat u doorverbindt.",
        ),
        Why::EscalationNotNeeded { target, why } => (
            format!(
                "U heeft doorverbonden ({target}), terwijl u dit zelf had kunnen oplossen. {why}"
            ),
            "Verbind een klant niet door alleen om het gesprek af te schuiven. Los zelf op wat u mag oplossen.",
        ),
        Why::EscalationMissing { right, why } => (
            format!(
                "Hier had u moeten doorverbinden ({}), maar dat heeft u niet gedaan. {why}",
                join(right, "of")
            ),
            "Valt iets buiten uw bevoegdheid, escaleer dan en leg uit wat er daarna gebeurt.",
        ),
        Why::Handover => (
            "Bij de overdracht vertelde u de klant wat er nu gebeurt en gaf u de feiten door."
                .into(),
            "Na een goede overdracht hoeft de klant niets opnieuw te vertellen.",
        ),
        Why::NoHandover => (
            "U verbond door zonder te zeggen wat er nu gebeurt en zonder de feiten door te geven."
                .into(),
            "Vertel de klant wie het overneemt, wat u heeft doorgegeven en wat er daarna gebeurt.",
        ),
        Why::OverPromise => (
            "U beloofde iets wat alleen iemand met meer bevoegdheid mag toezeggen.".into(),
            "Beloof alleen wat u zelf mag beslissen; escaleer de rest.",
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
            format!("U heeft {name} afgescheept."),
            "Neem elke vraag of klacht serieus, ook als die u klein lijkt.",
        ),
        Marker::Blaming => (
            format!("U gaf {name} de schuld van het probleem."),
            "Richt u op de oplossing, niet op de schuldvraag.",
        ),
        Marker::CalmDown => (
            format!("U heeft {name} gevraagd om te kalmeren."),
            "‘Rustig maar’ maakt mensen alleen maar bozer. Erken liever het gevoel.",
        ),
        Marker::Rushing => (
            format!("U heeft {name} opgejaagd."),
            "Geef de klant de tijd die nodig is. Een opgejaagde klant belt terug.",
        ),
        Marker::Arguing => (
            format!(
                "U ging in discussie over de klacht van {name} in plaats van die rustig aan te horen."
            ),
            "Hoor de klacht beleefd aan, ook als u er niet in mee kunt gaan.",
        ),
        Marker::SalesPitch => (
            format!("U probeerde {name} op het verkeerde moment iets te verkopen."),
            "Verkoop nooit iets aan een klant die rouwt of overstuur is. Eerst helpen.",
        ),
        _ => (String::new(), ""),
    }
}

/// The form of address at the start of a sentence: "meneer De Vries" becomes
/// "Meneer De Vries". A leading "ij" becomes "IJ", as Dutch spelling wants.
fn cap(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("ij") {
        return format!("IJ{rest}");
    }
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::cap;

    #[test]
    fn capitalises_the_first_letter_only() {
        assert_eq!(cap("meneer De Vries"), "Meneer De Vries");
        assert_eq!(cap("mevrouw Jansen"), "Mevrouw Jansen");
        assert_eq!(cap("Mevrouw Jansen"), "Mevrouw Jansen");
        assert_eq!(cap("ijsbrand Bakker"), "IJsbrand Bakker");
        assert_eq!(cap(""), "");
    }
}
