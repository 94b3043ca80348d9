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
library-progress-later = Voortgang en oefendiensten komen in een latere versie.

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
