# Headset interface strings, German. Keys are shared by en.ftl, de.ftl and nl.ftl;
# a test checks that every file has every key.

app-title = Headset
app-tagline = Training für den Kundenservice

## Profile screen
profile-title = Wer trainiert heute?
profile-name = Ihr Name
profile-name-hint = z. B. Sam
profile-language = Sprache
profile-text-size = Schriftgröße
profile-timers = Kundentempo
profile-start = Training starten
profile-start-key = Enter: starten
profile-name-missing = Bitte geben Sie Ihren Namen ein, um zu beginnen.

timers-slow = Langsam
timers-normal = Normal
timers-off = Aus (ich sage, wann es weitergeht)
profile-reading = Lesetempo
reading-normal = Normal ({ $wpm } Wörter pro Minute)
reading-slow = Langsam ({ $wpm } Wörter pro Minute)
profile-reading-hint = So lange haben Sie Zeit, die Antworten zu lesen, bevor Schweigen Punkte bei Geduld kostet.

## Library screen
library-title = Übungsgespräche
library-filter-archetype = Kundentyp
library-filter-channel = Kanal
library-filter-language = Sprache
library-filter-difficulty = Schwierigkeit
library-filter-any = Alle
library-empty = Kein Szenario passt zu diesen Filtern.
library-broken = Dateien, die nicht geladen werden konnten
library-start = Gespräch starten
library-keys = Pfeiltasten auswählen · Enter starten · A Kundentyp · C Kanal · L Sprache · D Schwierigkeit · S Einstellungen · Esc Profil
library-difficulty = Schwierigkeit { $level }
library-goals = Das üben Sie

archetype-Calm = Ruhig
archetype-Angry = Verärgert
archetype-Confused = Verwirrt
archetype-Grieving = Trauernd
channel-Phone = Telefon
channel-Chat = Chat
channel-Email = E-Mail
channel-Counter = Schalter
language-en = English
language-de = Deutsch
language-nl = Nederlands

## Call screen
call-clock = Gesprächsdauer { $time }
call-mood = Stimmung
mood-anger = Ärger
mood-trust = Vertrauen
mood-confusion = Verwirrung
mood-distress = Kummer
mood-level-low = niedrig
mood-level-mid = mittel
mood-level-high = hoch
call-speaking = { $name } spricht …
call-typing = { $name } schreibt …
call-finished = { $name } ist fertig. Sie sind dran.
call-replies = Ihre Antwort
call-replies-interrupt = { $name } ist noch nicht fertig. Eine Antwort jetzt wäre eine Unterbrechung.
call-listen = Leertaste: weiterreden lassen
call-transfer = T: weiterleiten
call-transfer-title = Weiterleiten an
call-transfer-cancel = Esc: abbrechen
call-hang-up = H: Gespräch beenden
call-you = Sie
call-system = —
call-interrupted = Sie haben Ihr Gegenüber unterbrochen.
call-over-hung-up = { $name } hat aufgelegt.
call-over = Das Gespräch ist beendet.
call-continue = Enter: zur Nachbesprechung

## Debrief screen
debrief-title = Nachbesprechung: { $title }
debrief-passed = Bestanden
debrief-failed = Nicht bestanden
debrief-overall = Gesamt { $score } / 100 (bestanden ab { $mark })
debrief-ending = Ausgang: { $ending }
ending-resolved = gelöst
ending-escalated = übergeben
ending-hung_up = Ihr Gegenüber hat aufgelegt
ending-unresolved = ungelöst
skill-patience = Geduld
skill-listening = Zuhören
skill-name = Persönliche Anrede
skill-escalation = Eskalation
debrief-moments = Was Punkte gebracht und gekostet hat
debrief-no-moments = Keine bewerteten Momente in diesem Gespräch.
debrief-tip = Tipp: { $tip }
debrief-turn = Schritt { $turn }
debrief-show-line = Im Gesprächsverlauf zeigen
debrief-transcript = Gesprächsverlauf
debrief-mood-chart = Stimmungsverlauf im Gespräch
debrief-seconds = Sekunden
debrief-retry = R: noch einmal versuchen
debrief-back = Esc: zurück zu den Gesprächen
debrief-failed-because = Nicht bestanden: { $reasons }
failure-critical-one = ein kritischer Fehler (unten als Erstes aufgeführt)
failure-critical-many = { $count } kritische Fehler (unten als Erstes aufgeführt)
failure-ending-hung_up = Ihr Gegenüber hat aufgelegt
failure-ending-unresolved = das Anliegen blieb ungelöst
failure-ending-escalated = das Gespräch ging an eine Stelle, die die Richtlinie dafür nicht vorsieht
failure-ending-resolved = das Gespräch wurde nicht ordentlich beendet
failure-skill-below-floor = { $skill } steht bei { $score }, unter dem Mindestwert von { $floor }
failure-below-pass-mark = der Gesamtwert { $overall } liegt unter der Bestehensgrenze von { $mark }
debrief-below-floor = ⚠ unter dem Mindestwert von { $floor }
debrief-critical-heading = Kritische Fehler: Jeder einzelne bedeutet „nicht bestanden“, unabhängig von den Punkten
debrief-critical = ⚠ Kritischer Fehler
debrief-strength = ✔ Gut gemacht
debrief-strength-note = keine Punkte: { $skill } beginnt bei 100 und kann nur Punkte verlieren
debrief-missing = ℹ Nicht gezeigt
debrief-missing-note = keine Punkte: { $skill } beginnt bei 0, Punkte gibt es nur für das, was Sie im Gespräch zeigen

## Settings screen
settings-title = Einstellungen
settings-back = Esc: zurück
settings-saved = Die Einstellungen werden auf diesem Computer gespeichert.
text-size-small = Klein
text-size-normal = Normal
text-size-large = Groß
text-size-larger = Sehr groß
call-hangs-up-at = legt bei { $limit } auf
call-transfer-keys = 1–9 oder Pfeiltasten Enter: weiterleiten · Esc: abbrechen
debrief-keys = Pfeiltasten: Moment wählen · Enter: im Gesprächsverlauf zeigen
settings-keys = Mit Tab und Enter ändern · Esc: zurück
call-you-speaking = Sie sprechen …
debrief-changes = Stimmungswechsel der Reihe nach

## History and progress
library-interrupted = Ein Gespräch wurde unterbrochen: { $title }. R: dort weitermachen · X: verwerfen
library-resume = R: Gespräch fortsetzen
library-discard = X: verwerfen
library-progress = P: Ihr Fortschritt und Übungsschichten
progress-unsaved = { $count } Ergebnis(se) konnten noch nicht gespeichert werden und bleiben erhalten, bis es gelingt: { $error }
progress-resume-failed = Das unterbrochene Gespräch lässt sich nicht fortsetzen: { $error }
progress-damaged = Ein beschädigter Eintrag wurde beiseitegelegt: { $problem }
progress-title = Ihr Fortschritt
progress-keys = Enter: empfohlenes Gespräch führen · F: Übungsschicht mit 5 Gesprächen starten · V: Nachspiel-Prüfung · Esc: zurück
progress-next = Was Sie als Nächstes üben sollten
progress-weakest = Schwächste Fähigkeit: { $skill }, im Schnitt { $mean } in Ihren letzten { $count } Gesprächen
progress-start-recommended = Enter: dieses Gespräch führen
progress-start-shift = F: Übungsschicht mit 5 Gesprächen
progress-shift-summary = Ihre letzte Übungsschicht
progress-shift-line = { $calls } Gespräche, { $passed } bestanden, im Schnitt { $mean } / 100
progress-shift-id = Schichtcode für Ihre Trainerin oder Ihren Trainer: { $id }
progress-best = Bestes Ergebnis je Gespräch
progress-attempts = { $count } Versuch(e)
progress-trend = Ihre Fähigkeiten über { $count } Gespräche
progress-empty = Noch keine Gespräche. Führen Sie eines aus der Übersicht, dann erscheint es hier.
progress-call-number = Gespräch
debrief-next-shift = N: nächstes Gespräch der Schicht ({ $done } von { $total } geführt)
debrief-best = Bestmöglich: { $score } / 100
debrief-best-working = Bestmöglich: wird berechnet …
debrief-best-path = So klingt das bestmögliche Gespräch
debrief-authored = Der Autorenmodus hat dieses Gespräch verändert (Sprung oder Neuladen), daher wird es nicht in Ihrem Fortschritt gespeichert.

# Autorenmodus (F2)
author-title = Autorenmodus
author-keys = F2 aus · [ ] oder Bild auf/Bild ab Knoten wählen · J dorthin springen
author-node = Knoten: { $node }
author-heard = Gehörte Fakten: { $facts }
author-heard-none = noch keine
author-error = Die gespeicherte Datei hat Fehler; das Gespräch läuft mit der letzten fehlerfreien Fassung weiter:
author-jump = Zu einem Knoten springen
author-kept = Neu geladen: Das Gespräch geht bei { $node } weiter.
author-gone = Neu geladen: Knoten { $node } gibt es nicht mehr, daher beginnt das Gespräch von vorn.
reason-first-call = Sie haben noch kein Gespräch geführt: Mit diesem leichten fangen Sie an.
reason-none = Kein Gespräch übt diese Fähigkeit besonders, also versuchen Sie das, in dem Sie am schwächsten waren.
reason-escalation-required = Dieses Gespräch muss an das richtige Team gehen, und zwar erst, wenn Sie genug wissen.
reason-escalation-optional = Dieses Gespräch darf weitergeleitet werden, aber erst nach den ersten Schritten.
reason-grieving = Diese Person trauert und braucht ein ruhiges Tempo.
reason-angry = Diese Person ist verärgert und muss erst Dampf ablassen, bevor ihr geholfen werden kann.
reason-rude = Diese Person wird unhöflich, und eine ruhige Antwort bringt Punkte.
reason-repeats = Diese Person ist verwirrt und wiederholt sich, und eine ruhige Antwort bringt Punkte.
reason-late-fact = In diesem Gespräch steckt der eigentliche Grund erst in Satz { $line } der Kundschaft.
reason-asks = In diesem Gespräch zahlt sich die richtige Rückfrage aus.
reason-name-pool = Der Name der Kundschaft wechselt von Gespräch zu Gespräch: Sie müssen ihn jedes Mal genau hören.
reason-also-correct = Die Kundschaft lässt sich auf mehr als eine Weise richtig ansprechen.
progress-replay = V: prüfen, ob Ihr letztes Gespräch genau so nachgespielt wird
replay-identical = Ihr letztes Gespräch, aus Ihren Eingaben nachgespielt, ergibt genau das gespeicherte Ergebnis.
replay-differs = Nachgespielt ergibt Ihr letztes Gespräch ein anderes Ergebnis: { $details }
replay-rescored = Ihr letztes Gespräch lässt sich aus Ihren Eingaben genau nachspielen. Die gespeicherte Bewertung, { $stored } / 100, stammt aus Bewertungsschema v{ $old }; diese Version bewertet nach Schema v{ $new } und ergibt { $replayed } / 100. Die Regeln haben sich geändert, daher ist eine andere Punktzahl zu erwarten: der Datensatz ist in Ordnung.
replay-changed = Das Szenario „{ $scenario }“ wurde seit Ihrem letzten Gespräch geändert (damals Version { $old }, jetzt Version { $new }) und lässt sich daher nicht genau nachspielen.
replay-missing = Das Szenario „{ $scenario }“ Ihres letzten Gesprächs ist nicht in der Übersicht und lässt sich daher nicht nachspielen.

# LRS delivery
lrs-waiting-one = 1 Ergebnis wartet noch auf den Versand
lrs-waiting = { $count } Ergebnisse warten noch auf den Versand
lrs-sending = Ihre Ergebnisse werden gesendet …
lrs-all-sent = Alle Ihre Ergebnisse wurden gesendet.
lrs-last-error = Letzter Fehler: { $error }
lrs-config-error = Ihre Ergebnisse können nicht gesendet werden: { $error }
lrs-error-credentials = Der Learning Record Store hat den Benutzernamen oder das Passwort abgelehnt (HTTP { $status }). Bitten Sie Ihre Trainerin oder Ihren Trainer, beides zu prüfen; Ihre Ergebnisse bleiben erhalten.
lrs-error-rejected = Der Learning Record Store hat diese Ergebnisse abgelehnt (HTTP { $status }): { $detail }
lrs-error-server = Beim Learning Record Store ist ein Fehler aufgetreten (HTTP { $status }). Headset versucht es später erneut; Ihre Ergebnisse bleiben erhalten.
lrs-error-unreachable = Der Learning Record Store unter { $url } ist nicht erreichbar. Headset versucht es später erneut; Ihre Ergebnisse bleiben erhalten.
lrs-error-timeout = Der Learning Record Store unter { $url } hat nicht rechtzeitig geantwortet. Headset versucht es später erneut; Ihre Ergebnisse bleiben erhalten.
lrs-error-outbox = Ein wartendes Ergebnis konnte nicht gelesen oder geschrieben werden: { $detail }
