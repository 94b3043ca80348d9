# Headset interface strings, Dutch. Keys are shared by en.ftl, de.ftl and nl.ftl;
# a test checks that every file has every key.

app-title = Headset
app-tagline = Training voor klantenservice

## Profile screen
profile-title = Wie traint er vandaag?
profile-name = Uw naam
profile-name-hint = bijv. Sam
profile-language = Taal
profile-text-size = Tekstgrootte
profile-timers = Tempo van de klant
profile-start = Training starten
profile-start-key = Enter: starten
profile-name-missing = Vul uw naam in om te beginnen.

timers-slow = Langzaam
timers-normal = Normaal
timers-off = Uit (ik geef aan wanneer het verdergaat)
profile-reading = Leessnelheid
reading-normal = Normaal ({ $wpm } woorden per minuut)
reading-slow = Langzaam ({ $wpm } woorden per minuut)
profile-reading-hint = Zoveel tijd heeft u om de antwoorden te lezen voordat stilte punten kost bij Geduld.

## Library screen
library-title = Oefengesprekken
library-filter-archetype = Type klant
library-filter-channel = Kanaal
library-filter-language = Taal
library-filter-difficulty = Niveau
library-filter-any = Alle
library-empty = Geen scenario voldoet aan deze filters.
library-broken = Bestanden die niet geladen konden worden
library-start = Gesprek starten
library-keys = pijltjestoetsen kiezen · Enter starten · A klanttype · C kanaal · L taal · D moeilijkheid · S instellingen · Esc profiel
library-difficulty = Niveau { $level }
library-goals = Dit oefent u

archetype-Calm = Kalm
archetype-Angry = Boos
archetype-Confused = In de war
archetype-Grieving = Rouwend
channel-Phone = Telefoon
channel-Chat = Chat
channel-Email = E-mail
channel-Counter = Balie
language-en = English
language-de = Deutsch
language-nl = Nederlands

## Call screen
call-clock = Gespreksduur { $time }
call-mood = Stemming
mood-anger = Boosheid
mood-trust = Vertrouwen
mood-confusion = Verwarring
mood-distress = Verdriet
mood-level-low = laag
mood-level-mid = gemiddeld
mood-level-high = hoog
call-speaking = { $name } is aan het woord…
call-typing = { $name } typt…
call-finished = { $name } is klaar. U bent aan de beurt.
call-replies = Uw antwoord
call-replies-interrupt = Als u nu antwoordt, onderbreekt u { $name }.
call-listen = Spatie: laten doorpraten
call-transfer = T: doorverbinden
call-transfer-title = Doorverbinden met
call-transfer-cancel = Esc: annuleren
call-hang-up = H: gesprek beëindigen
call-you = U
call-system = —
call-interrupted = U heeft de klant onderbroken.
call-over-hung-up = { $name } heeft opgehangen.
call-over = Het gesprek is beëindigd.
call-continue = Enter: naar de nabespreking

## Debrief screen
debrief-title = Nabespreking: { $title }
debrief-passed = Geslaagd
debrief-failed = Niet geslaagd
debrief-overall = Totaal { $score } / 100 (geslaagd vanaf { $mark })
debrief-ending = Afloop: { $ending }
ending-resolved = opgelost
ending-escalated = overgedragen
ending-hung_up = de klant heeft opgehangen
ending-unresolved = niet opgelost
skill-patience = Geduld
skill-listening = Luisteren
skill-name = Naam gebruiken
skill-escalation = Escalatie
debrief-moments = Wat punten opleverde en kostte
debrief-no-moments = Geen beoordeelde momenten in dit gesprek.
debrief-tip = Tip: { $tip }
debrief-turn = Beurt { $turn }
debrief-show-line = In transcript tonen
debrief-transcript = Transcript
debrief-mood-chart = Stemming tijdens het gesprek
debrief-seconds = seconden
debrief-retry = R: opnieuw proberen
debrief-back = Esc: terug naar de gesprekken
debrief-failed-because = Niet geslaagd: { $reasons }
failure-critical-one = een kritieke fout (hieronder als eerste vermeld)
failure-critical-many = { $count } kritieke fouten (hieronder als eerste vermeld)
failure-ending-hung_up = de klant heeft opgehangen
failure-ending-unresolved = de vraag van de klant is niet opgelost
failure-ending-escalated = het gesprek is doorgezet naar een plek die het beleid daarvoor niet toestaat
failure-ending-resolved = het gesprek is niet goed afgerond
failure-skill-below-floor = { $skill } staat op { $score }, onder het minimum van { $floor }
failure-below-pass-mark = het totaal { $overall } ligt onder de slaaggrens van { $mark }
debrief-below-floor = ⚠ onder het minimum van { $floor }
debrief-critical-heading = Kritieke fouten: elke fout betekent 'niet geslaagd', ongeacht de punten
debrief-critical = ⚠ Kritieke fout
debrief-strength = ✔ Goed gedaan
debrief-strength-note = geen punten: { $skill } begint op 100 en kan alleen punten verliezen
debrief-missing = ℹ Niet getoond
debrief-missing-note = geen punten: { $skill } begint op 0, punten krijgt u alleen voor wat u in het gesprek laat zien

## Settings screen
settings-title = Instellingen
settings-back = Esc: terug
settings-saved = Instellingen worden op deze computer opgeslagen.
text-size-small = Klein
text-size-normal = Normaal
text-size-large = Groot
text-size-larger = Extra groot
call-hangs-up-at = hangt op bij { $limit }
call-transfer-keys = 1–9 of pijltjestoetsen Enter: doorverbinden · Esc: annuleren
debrief-keys = Pijltjestoetsen: moment kiezen · Enter: in het transcript tonen
settings-keys = Met Tab en Enter wijzigen · Esc: terug
call-you-speaking = U bent aan het woord…
debrief-changes = stemmingswisselingen, op volgorde

## History and progress
library-interrupted = Een gesprek is onderbroken: { $title }. R: verdergaan waar het stopte · X: weggooien
library-resume = R: gesprek hervatten
library-discard = X: weggooien
library-progress = P: uw voortgang en oefendiensten
progress-unsaved = { $count } resultaat/resultaten konden nog niet worden opgeslagen en blijven bewaard tot dat lukt: { $error }
progress-resume-failed = Het onderbroken gesprek kan niet worden hervat: { $error }
progress-damaged = Een beschadigd record is apart gezet: { $problem }
progress-title = Uw voortgang
progress-keys = Enter: aanbevolen gesprek voeren · F: oefendienst van 5 gesprekken starten · V: naspeelcontrole · Esc: terug
progress-next = Wat u nu het beste kunt oefenen
progress-weakest = Zwakste vaardigheid: { $skill }, gemiddeld { $mean } in uw laatste { $count } gesprekken
progress-start-recommended = Enter: dit gesprek voeren
progress-start-shift = F: oefendienst van 5 gesprekken
progress-shift-summary = Uw laatste oefendienst
progress-shift-line = { $calls } gesprekken, { $passed } geslaagd, gemiddeld { $mean } / 100
progress-shift-id = Dienstcode voor uw trainer: { $id }
progress-best = Beste resultaat per gesprek
progress-attempts = { $count } poging(en)
progress-trend = Uw vaardigheden over { $count } gesprekken
progress-empty = Nog geen gesprekken. Voer er een uit het overzicht, dan verschijnt het hier.
progress-call-number = gesprek
debrief-next-shift = N: volgend gesprek van de dienst ({ $done } van { $total } gevoerd)
debrief-best = Best haalbaar: { $score } / 100
debrief-best-working = Best haalbaar: wordt berekend …
debrief-best-path = Zo klinkt het best mogelijke gesprek
debrief-authored = De auteursmodus heeft dit gesprek veranderd (een sprong of opnieuw laden), dus het wordt niet in uw voortgang opgeslagen.

# Auteursmodus (F2)
author-title = Auteursmodus
author-keys = F2 uit · [ ] of PgUp/PgDn knooppunt kiezen · J erheen springen
author-node = Knooppunt: { $node }
author-heard = Gehoorde feiten: { $facts }
author-heard-none = nog geen
author-error = Het opgeslagen bestand bevat fouten; het gesprek gaat verder met de laatste foutloze versie:
author-jump = Naar een knooppunt springen
author-kept = Opnieuw geladen: het gesprek gaat verder bij { $node }.
author-gone = Opnieuw geladen: knooppunt { $node } bestaat niet meer, dus het gesprek begint opnieuw.
reason-first-call = U heeft nog geen gesprekken gevoerd: met dit makkelijke gesprek begint u.
reason-none = Geen gesprek oefent deze vaardigheid in het bijzonder, dus probeer het gesprek waarin u het zwakst was.
reason-escalation-required = Dit gesprek moet naar het juiste team, en pas als u genoeg weet.
reason-escalation-optional = Dit gesprek mag worden doorgegeven, maar pas na de eerste stappen.
reason-grieving = Deze klant is in de rouw en heeft een rustig tempo nodig.
reason-angry = Deze klant is boos en moet eerst stoom afblazen voordat u kunt helpen.
reason-rude = Deze klant wordt onbeleefd, en een rustig antwoord levert punten op.
reason-repeats = Deze klant is in de war en herhaalt zich, en een rustig antwoord levert punten op.
reason-late-fact = In dit gesprek zit de eigenlijke oorzaak pas in zin { $line } van de klant.
reason-asks = In dit gesprek loont het om de juiste vraag te stellen.
reason-name-pool = De naam van de klant verandert per gesprek: u moet hem elke keer goed opvangen.
reason-also-correct = De klant kan op meer dan één manier correct worden aangesproken.
progress-replay = V: controleren of uw laatste gesprek precies zo wordt nagespeeld
replay-identical = Uw laatste gesprek, opnieuw gespeeld vanuit uw invoer, geeft precies het opgeslagen resultaat.
replay-differs = Opnieuw gespeeld geeft uw laatste gesprek een ander resultaat: { $details }
replay-rescored = Uw laatste gesprek kan precies opnieuw worden gespeeld vanuit uw invoer. De opgeslagen score, { $stored } / 100, is gegeven volgens beoordelingsschema v{ $old }; deze versie beoordeelt volgens schema v{ $new } en geeft { $replayed } / 100. De regels zijn veranderd, dus een andere score is te verwachten: de gegevens zijn in orde.
replay-changed = Het scenario "{ $scenario }" is sinds uw laatste gesprek gewijzigd (toen versie { $old }, nu versie { $new }) en kan daarom niet precies worden nagespeeld.
replay-missing = Het scenario "{ $scenario }" van uw laatste gesprek staat niet in het overzicht en kan daarom niet worden nagespeeld.

# LRS delivery
lrs-waiting-one = 1 resultaat wacht nog op verzending
lrs-waiting = { $count } resultaten wachten nog op verzending
lrs-sending = Uw resultaten worden verzonden …
lrs-all-sent = Al uw resultaten zijn verzonden.
lrs-last-error = Laatste fout: { $error }
lrs-config-error = Uw resultaten kunnen niet worden verzonden: { $error }
lrs-error-credentials = De learning record store heeft de gebruikersnaam of het wachtwoord geweigerd (HTTP { $status }). Vraag uw trainer om ze te controleren; uw resultaten blijven bewaard.
lrs-error-rejected = De learning record store heeft deze resultaten geweigerd (HTTP { $status }): { $detail }
lrs-error-server = Er is een fout opgetreden bij de learning record store (HTTP { $status }). Headset probeert het later opnieuw; uw resultaten blijven bewaard.
lrs-error-unreachable = De learning record store op { $url } is niet bereikbaar. Headset probeert het later opnieuw; uw resultaten blijven bewaard.
lrs-error-timeout = De learning record store op { $url } heeft niet op tijd geantwoord. Headset probeert het later opnieuw; uw resultaten blijven bewaard.
lrs-error-outbox = Een wachtend resultaat kon niet worden gelezen of geschreven: { $detail }
