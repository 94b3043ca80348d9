# Headset interface strings, English. Keys are shared by en.ftl, de.ftl and nl.ftl;
# a test checks that every file has every key.

app-title = Headset
app-tagline = Customer-service training

## Profile screen
profile-title = Who is training today?
profile-name = Your name
profile-name-hint = e.g. Sam
profile-language = Language
profile-text-size = Text size
profile-timers = Customer speed
profile-start = Start training
profile-start-key = Enter: start
profile-name-missing = Please enter your name to start.

timers-slow = Slow
timers-normal = Normal
timers-off = Off (I say when to continue)
profile-reading = Reading speed
reading-normal = Normal ({ $wpm } words per minute)
reading-slow = Slow ({ $wpm } words per minute)
profile-reading-hint = Time to read the replies before silence costs Patience.

## Library screen
library-title = Calls to practise
library-filter-archetype = Customer
library-filter-channel = Channel
library-filter-language = Language
library-filter-difficulty = Difficulty
library-filter-any = Any
library-empty = No scenario matches these filters.
library-broken = Files that could not be loaded
library-start = Start call
library-keys = Up/Down choose · Enter start · A customer · C channel · L language · D difficulty · S settings · Esc profile
library-difficulty = Difficulty { $level }
library-goals = What you practise

archetype-Calm = Calm
archetype-Angry = Angry
archetype-Confused = Confused
archetype-Grieving = Grieving
channel-Phone = Phone
channel-Chat = Chat
channel-Email = E-mail
channel-Counter = Counter
language-en = English
language-de = Deutsch
language-nl = Nederlands

## Call screen
call-clock = Call time { $time }
call-mood = Mood
mood-anger = Anger
mood-trust = Trust
mood-confusion = Confusion
mood-distress = Distress
mood-level-low = low
mood-level-mid = medium
mood-level-high = high
call-speaking = { $name } is speaking…
call-typing = { $name } is typing…
call-finished = { $name } has finished. Your turn.
call-replies = Your reply
call-replies-interrupt = Answering now interrupts { $name }.
call-listen = Space: let them continue
call-transfer = T: transfer
call-transfer-title = Transfer to
call-transfer-cancel = Esc: cancel
call-hang-up = H: end the call
call-you = You
call-system = —
call-interrupted = You interrupted.
call-over-hung-up = { $name } hung up.
call-over = The call has ended.
call-continue = Enter: see your debrief

## Debrief screen
debrief-title = Debrief: { $title }
debrief-passed = Passed
debrief-failed = Not passed
debrief-overall = Overall { $score } / 100 (pass mark { $mark })
debrief-ending = Ending: { $ending }
ending-resolved = resolved
ending-escalated = handed over
ending-hung_up = the customer hung up
ending-unresolved = unresolved
skill-patience = Patience
skill-listening = Listening
skill-name = Name
skill-escalation = Escalation
debrief-moments = What won and lost points
debrief-no-moments = No moments in this call.
debrief-tip = Tip: { $tip }
debrief-turn = Turn { $turn }
debrief-show-line = Show in transcript
debrief-transcript = Transcript
debrief-mood-chart = Mood over the call
debrief-seconds = seconds
debrief-retry = R: try again
debrief-back = Esc: back to the calls
debrief-failed-because = Not passed: { $reasons }
failure-critical-one = a critical error (listed first below)
failure-critical-many = { $count } critical errors (listed first below)
failure-ending-hung_up = the customer hung up
failure-ending-unresolved = the customer's matter was left unresolved
failure-ending-escalated = the call was handed over where the policy does not allow it
failure-ending-resolved = the call was not properly ended
failure-skill-below-floor = { $skill } { $score } is below the floor of { $floor }
failure-below-pass-mark = overall { $overall } is below the pass mark of { $mark }
debrief-below-floor = ⚠ below the floor of { $floor }
debrief-critical-heading = Critical errors: each one fails the call, whatever the points
debrief-critical = ⚠ Critical error
debrief-strength = ✔ Done well
debrief-strength-note = no points: { $skill } starts at 100 and can only lose points
debrief-missing = ℹ Not shown
debrief-missing-note = no points: { $skill } starts at 0, and only what you show in the call earns points

## Settings screen
settings-title = Settings
settings-back = Esc: back
settings-saved = Settings are saved on this computer.
text-size-small = Small
text-size-normal = Normal
text-size-large = Large
text-size-larger = Larger
call-hangs-up-at = hangs up at { $limit }
call-transfer-keys = 1–9 or Up/Down Enter: transfer · Esc: cancel
debrief-keys = Up/Down choose a moment · Enter shows it in the transcript
settings-keys = Tab and Enter change a setting · Esc: back
call-you-speaking = You are speaking…
debrief-changes = mood changes, in order

## History and progress
library-interrupted = A call was interrupted: { $title }. R: resume where it stopped · X: discard it
library-resume = R: resume the call
library-discard = X: discard it
library-progress = P: your progress and practice shifts
progress-unsaved = { $count } result(s) could not be saved yet and are kept until they can be: { $error }
progress-resume-failed = The interrupted call could not be resumed: { $error }
progress-damaged = A damaged record was set aside: { $problem }
progress-title = Your progress
progress-keys = Enter: play the recommended call · F: start a practice shift of 5 calls · V: replay check · Esc: back
progress-next = What to practise next
progress-weakest = Weakest skill: { $skill }, { $mean } on average over your last { $count } calls
progress-start-recommended = Enter: play this call
progress-start-shift = F: practice shift of 5 calls
progress-shift-summary = Your last practice shift
progress-shift-line = { $calls } calls, { $passed } passed, { $mean } / 100 on average
progress-shift-id = Shift code for your trainer: { $id }
progress-best = Best result per call
progress-attempts = { $count } attempt(s)
progress-trend = Your skills over { $count } calls
progress-empty = No calls yet. Play one from the library and it appears here.
progress-call-number = call
debrief-next-shift = N: next call of the shift ({ $done } of { $total } done)
debrief-best = Best possible: { $score } / 100
debrief-best-working = Best possible: working it out…
debrief-best-path = What the best possible call sounds like
debrief-authored = Author mode changed this call (a jump or a reload), so it is not stored in your history.

# Author mode (F2)
author-title = Author mode
author-keys = F2 off · [ ] or PgUp/PgDn choose a node · J jump to it
author-node = Node: { $node }
author-heard = Facts heard: { $facts }
author-heard-none = none yet
author-error = The saved file has errors; the call goes on with the last good version:
author-jump = Jump to a node
author-kept = Reloaded: the call goes on at { $node }.
author-gone = Reloaded: node { $node } is gone, so the call went back to the start.
reason-first-call = You have no calls yet: this is an easy one to start with.
reason-none = No call in the library trains it in particular, so try the one you have done least well.
reason-escalation-required = This call must be handed to the right team, and only once you know enough.
reason-escalation-optional = This call may be handed over, but only after the basic steps.
reason-grieving = This customer is grieving and needs you to slow down.
reason-angry = This customer is angry and vents before they can be helped.
reason-rude = This customer gets rude, and a calm answer earns points.
reason-repeats = This customer is confused and repeats themselves, and a calm answer earns points.
reason-late-fact = This call hides its cause in sentence { $line } of what the customer says.
reason-asks = This call rewards asking the right question.
reason-name-pool = The customer's name changes from call to call, so you must catch it each time.
reason-also-correct = The customer can be addressed correctly in more than one way.
progress-replay = V: check that your last call replays exactly
replay-identical = Your last call, played again from its inputs, gives exactly the stored result.
replay-differs = Played again, your last call gives a different result: { $details }
replay-rescored = Your last call plays again exactly from its inputs. Its stored score, { $stored } / 100, was given by rubric v{ $old }; this version scores with rubric v{ $new } and gives { $replayed } / 100. The rules changed, so a different score is expected: the record is fine.
replay-changed = The scenario "{ $scenario }" has changed since your last call (version { $old } then, version { $new } now), so it cannot be replayed exactly.
replay-missing = The scenario "{ $scenario }" of your last call is not in the library, so it cannot be replayed.

# LRS delivery
lrs-waiting-one = 1 result waiting to be sent
lrs-waiting = { $count } results waiting to be sent
lrs-sending = Sending your results…
lrs-all-sent = All your results have been sent.
lrs-last-error = Last error: { $error }
lrs-config-error = Your results cannot be sent: { $error }
lrs-error-credentials = The learning record store refused the user name or password (HTTP { $status }). Ask your trainer to check them; your results are kept.
lrs-error-rejected = The learning record store refused these results (HTTP { $status }): { $detail }
lrs-error-server = The learning record store had a problem (HTTP { $status }). Headset tries again later; your results are kept.
lrs-error-unreachable = The learning record store at { $url } cannot be reached. Headset tries again later; your results are kept.
lrs-error-timeout = The learning record store at { $url } did not answer in time. Headset tries again later; your results are kept.
lrs-error-outbox = A waiting result could not be read or written: { $detail }
