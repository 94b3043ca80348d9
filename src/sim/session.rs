//! A call in progress: the deterministic conversation engine.
//!
//! Time only moves when the caller says so (`advance`), so tests, the game
//! and the explorer drive the same engine with their own clocks. Same
//! scenario, seed, options and inputs give the identical call, always.

use std::sync::Arc;

use super::compiled::{Compiled, Dest};
use super::pace;
use super::record::{ActionKind, ActionRecord, EndCause, EndRecord, Entry, Event, Speaker};
use super::rng::Rng;
use super::system_text::{SystemText, render};
use crate::scenario::text::{Vars, fill};
use crate::scenario::{Archetype, EndingKind, Marker, Mood, MoodShift, Persona};

/// How a call is played.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Speaking speed: 1.0 normal, 0.5 half as fast (more time to listen).
    pub pace: f32,
    /// With timers off, lines arrive only when the agent listens (`listen`),
    /// and silence never annoys the customer: for accessibility.
    pub timers: bool,
    /// The agent's name, for `{agent}`.
    pub agent_name: String,
    /// How fast the trainee reads, in words per minute: dead air counts
    /// only after time to read the replies on offer (`pace::READING_WPM_*`).
    pub reading_wpm: u32,
    /// Keep the call's history: the transcript with its text and the event
    /// log. The explorer turns it off for speed: it reads only the state of
    /// the call and the action records the rubric scores. The customer's
    /// text variants are still drawn, so the call plays out the same.
    pub history: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            pace: 1.0,
            timers: true,
            agent_name: "Alex".into(),
            reading_wpm: pace::READING_WPM_NORMAL,
            history: true,
        }
    }
}

/// An input the engine refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("the call is already over")]
    Ended,
    #[error("reply {} is not available at turn {turn} in node \"{node}\"", choice + 1)]
    NotOffered {
        /// 0-based index in the node (file order).
        choice: usize,
        /// The turn the reply would have been.
        turn: u32,
        node: String,
        /// 0-based indices that are available.
        available: Vec<usize>,
    },
    #[error("\"{target}\" is not a target of this scenario")]
    UnknownTarget {
        target: String,
        available: Vec<String>,
    },
}

#[derive(Debug, Clone)]
struct Scheduled {
    start: u64,
    end: u64,
    text: String,
    reveals: u64,
    entry: Option<usize>,
}

/// A call in progress.
#[derive(Debug, Clone)]
pub struct Session {
    c: Arc<Compiled>,
    opts: Arc<Options>,
    rng: Rng,
    // Shared: every clone of a call (the explorer makes millions) has the same customer.
    persona: Arc<Persona>,
    now: u64,
    node: usize,
    turn: u32,
    mood: Mood,
    heard: u64,
    lines: Vec<Scheduled>,
    next_line: usize,
    finished_at: Option<u64>,
    /// When the trainee has had time to read every reply offered so far in
    /// this turn: the silence clock starts no earlier.
    read_by: u64,
    /// Dead-air steps since the agent's last action.
    dead_air: u32,
    order: Vec<usize>,
    reply_text: Vec<String>,
    offered: Vec<usize>,
    /// Everything that happened, in order.
    pub events: Vec<Event>,
    /// What was said.
    pub transcript: Vec<Entry>,
    /// The agent's actions, for the rubric.
    pub records: Vec<ActionRecord>,
    end: Option<EndRecord>,
}

impl Session {
    /// Starts a call. The seed picks the customer's identity from the name
    /// pool, text variants and the order of the replies.
    pub fn new(c: Arc<Compiled>, seed: u64, opts: Options) -> Session {
        let mut rng = Rng::new(seed);
        let s = &c.scenario;
        let pool = s.customer.name_pool.len();
        let pick = if pool == 0 { 0 } else { rng.below(pool + 1) };
        let persona = Arc::new(if pick == 0 {
            s.customer.persona()
        } else {
            s.customer.name_pool[pick - 1].clone()
        });
        let mood = c.mood;
        let start = c.start;
        let mut session = Session {
            c,
            opts: Arc::new(opts),
            rng,
            persona,
            now: 0,
            node: start,
            turn: 0,
            mood,
            heard: 0,
            lines: Vec::new(),
            next_line: 0,
            finished_at: None,
            read_by: 0,
            dead_air: 0,
            order: Vec::new(),
            reply_text: Vec::new(),
            offered: Vec::new(),
            events: Vec::new(),
            transcript: Vec::new(),
            records: Vec::new(),
            end: None,
        };
        session.enter(start, 0);
        session
    }

    /// The compiled scenario.
    pub fn compiled(&self) -> &Arc<Compiled> {
        &self.c
    }

    /// The options the call runs with.
    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// The customer's identity in this run.
    pub fn persona(&self) -> &Persona {
        &self.persona
    }

    /// Milliseconds since the call began.
    pub fn now(&self) -> u64 {
        self.now
    }

    /// The current mood.
    pub fn mood(&self) -> Mood {
        self.mood
    }

    /// Facts heard so far, as bits (see `Compiled::fact_ids`).
    pub fn heard(&self) -> u64 {
        self.heard
    }

    /// The current node's index.
    pub fn node(&self) -> usize {
        self.node
    }

    /// The current node's id.
    pub fn node_id(&self) -> &str {
        &self.c.node_ids[self.node]
    }

    /// Actions taken so far.
    pub fn turn(&self) -> u32 {
        self.turn
    }

    /// How the call ended, once it has.
    pub fn end(&self) -> Option<&EndRecord> {
        self.end.as_ref()
    }

    /// Whether the call is over.
    pub fn is_over(&self) -> bool {
        self.end.is_some()
    }

    /// Dead-air steps since the agent's last action.
    pub fn dead_air(&self) -> u32 {
        self.dead_air
    }

    /// When the silence clock of this turn starts (timers on, once the
    /// customer has finished): the later of the customer's last word and
    /// the end of the reading allowance for the replies on offer.
    pub fn silence_from(&self) -> Option<u64> {
        self.finished_at.map(|f| f.max(self.read_by))
    }

    /// The replies the agent can choose now: 0-based file indices in display order.
    pub fn offered(&self) -> &[usize] {
        &self.offered
    }

    /// What reply `i` of the current node says in this run.
    pub fn reply_text(&self, i: usize) -> &str {
        self.reply_text.get(i).map_or("", String::as_str)
    }

    /// Whether the customer has finished speaking in this turn.
    pub fn customer_finished(&self) -> bool {
        self.next_line >= self.lines.len()
    }

    /// When the customer will have finished this turn (timers on), if still speaking.
    pub fn finishes_at(&self) -> Option<u64> {
        if self.customer_finished() {
            None
        } else {
            self.lines.last().map(|l| l.end)
        }
    }

    /// Author mode: moves the call to node `node` now (the customer starts
    /// its lines), keeping the mood and the facts heard. The trainer uses
    /// it to try a turn without playing up to it; such a call is not scored
    /// as a real one (the game does not store it).
    pub fn jump(&mut self, node: usize) {
        if self.end.is_some() || node >= self.c.nodes.len() {
            return;
        }
        self.enter(node, 0);
    }

    /// Author mode: the same call on a changed scenario (a file saved while
    /// playing). The customer, mood, facts heard (those the new file still
    /// has) and the clock carry over; the call goes on at the node with the
    /// same id, or at the start if that node is gone. The transcript is
    /// kept; the action records are dropped, since they point into the old
    /// file (the rubric cannot judge a call played across two versions).
    /// Returns whether the node was kept.
    pub fn rebase(&mut self, c: Arc<Compiled>) -> bool {
        if self.end.is_some() {
            return false;
        }
        let node_id = self.node_id().to_owned();
        let heard: Vec<String> = self
            .c
            .fact_names(self.heard)
            .into_iter()
            .map(str::to_owned)
            .collect();
        let kept = c.node_ids.iter().position(|n| *n == node_id);
        let node = kept.unwrap_or(c.start);
        self.heard = heard
            .iter()
            .filter_map(|f| c.fact_ids.iter().position(|x| x == f))
            .fold(0, |bits, i| bits | (1 << i));
        self.c = c;
        self.records.clear();
        self.enter(node, 0);
        kept.is_some()
    }

    /// Drops the transcript, events and action records so far and keeps
    /// the state of the call. The explorer clones sessions at every state
    /// and never shows their history; without it every clone would copy
    /// the whole call so far.
    pub fn forget_history(&mut self) {
        self.events.clear();
        self.records.clear();
        self.transcript.clear();
        // A line still being said is entered again when it is next delivered.
        for line in &mut self.lines[self.next_line..] {
            line.entry = None;
        }
    }

    /// Lines of this turn not yet heard to the end.
    pub fn pending_lines(&self) -> usize {
        self.lines.len() - self.next_line
    }

    fn vars(&self) -> Vars<'_> {
        Vars {
            name: &self.persona.address_as,
            full_name: &self.persona.name,
            agent: &self.opts.agent_name,
        }
    }

    /// Logs an event when the call keeps its history; otherwise the event
    /// is not even built (some carry names the explorer never reads).
    fn log(&mut self, event: impl FnOnce(&Self) -> Event) {
        if self.opts.history {
            let e = event(self);
            self.events.push(e);
        }
    }

    /// Draws which wording is said: 0 for `say`, k for variant k. It is
    /// drawn whether or not the call keeps text, so that the random stream
    /// (which also orders the replies) is the same either way.
    fn pick(&mut self, variants: &[String]) -> usize {
        match variants.len() {
            0 => 0,
            n => self.rng.below(n + 1),
        }
    }

    fn pick_text(&mut self, say: &str, variants: &[String]) -> String {
        let k = self.pick(variants);
        if !self.opts.history {
            return String::new();
        }
        fill(wording(say, variants, k), &self.vars())
    }

    fn enter(&mut self, node: usize, delay_ms: u64) {
        self.node = node;
        let c = Arc::clone(&self.c);
        let s = &c.scenario;
        let n = &c.node_defs[node];
        let cn = &c.nodes[node];
        let mut t = self.now
            + if self.opts.timers {
                delay_ms + pace::TURN_START_MS
            } else {
                0
            };
        self.lines.clear();
        for (i, line) in n.customer.iter().enumerate() {
            let k = self.pick(&line.variants);
            let raw = wording(&line.say, &line.variants, k);
            // The line lasts as long as its words, filled in, take to say.
            let (text, words) = if self.opts.history {
                let text = fill(raw, &self.vars());
                let words = pace::word_count(&text);
                (text, words)
            } else {
                // Without history only the length is needed, and it is
                // known without filling in unless the wording has placeholders.
                let words = cn.lines[i].words[k]
                    .unwrap_or_else(|| pace::word_count(&fill(raw, &self.vars())));
                (String::new(), words)
            };
            let gap = if i == 0 { 0 } else { pace::LINE_GAP_MS };
            let (start, end) = if pace::channel_factor(s.channel).is_none() {
                (self.now, self.now) // e-mail: everything arrives at once
            } else {
                let start = t + gap + cn.lines[i].pause_ms;
                (
                    start,
                    start + pace::line_ms(words, s.archetype, s.channel, self.opts.pace),
                )
            };
            t = end;
            // With timers off a line has no time of its own: it arrives when the agent listens.
            let (start, end) = if self.opts.timers || pace::channel_factor(s.channel).is_none() {
                (start, end)
            } else {
                (u64::MAX, u64::MAX)
            };
            self.lines.push(Scheduled {
                start,
                end,
                text,
                reveals: cn.lines[i].reveals,
                entry: None,
            });
        }
        self.next_line = 0;
        self.finished_at = if self.lines.is_empty() {
            Some(self.now)
        } else {
            None
        };
        self.dead_air = 0;
        self.read_by = self.now;
        self.reply_text.clear();
        for r in &n.replies {
            let text = self.pick_text(&r.say, &r.variants);
            if self.opts.history {
                self.reply_text.push(text);
            }
        }
        self.order = (0..n.replies.len()).collect();
        let mut order = std::mem::take(&mut self.order);
        self.rng.shuffle(&mut order);
        self.order = order;
        self.offered.clear();
        if self.opts.timers || pace::channel_factor(s.channel).is_none() {
            self.deliver(self.now);
        }
        self.refresh_offered(true);
    }

    fn refresh_offered(&mut self, always: bool) {
        self.refresh_offered_at(always, self.now);
    }

    /// Refreshes the replies on offer; new ones appeared at `at`, and their
    /// reading allowance starts then, however far the clock is moved in one step.
    fn refresh_offered_at(&mut self, always: bool, at: u64) {
        let cn = &self.c.nodes[self.node];
        let (mood, heard) = (self.mood, self.heard);
        let available = |i: &usize| {
            let r = &cn.replies[*i];
            heard & r.needs == r.needs && r.when.as_ref().is_none_or(|w| w.holds(&mood, heard))
        };
        let unchanged = !always
            && self
                .order
                .iter()
                .filter(|i| available(i))
                .eq(self.offered.iter());
        if unchanged {
            return;
        }
        let offered: Vec<usize> = self.order.iter().copied().filter(available).collect();
        // New replies on screen need reading before silence counts.
        let new_words: usize = offered
            .iter()
            .filter(|i| always || !self.offered.contains(i))
            .map(|&i| cn.replies[i].words)
            .sum();
        if new_words > 0 {
            let read_by = at + pace::reading_ms(new_words, self.opts.reading_wpm);
            self.read_by = self.read_by.max(read_by);
        }
        self.offered = offered;
        self.log(|s| Event::RepliesOffered {
            replies: s.offered.clone(),
            t_ms: s.now,
        });
    }

    /// Delivers customer lines up to `target` ms.
    fn deliver(&mut self, target: u64) {
        // When the last new fact was heard: the replies it brings on screen
        // appear then.
        let mut learned = None;
        while self.next_line < self.lines.len() {
            let i = self.next_line;
            // Without history a line needs no transcript entry.
            if self.opts.history && self.lines[i].entry.is_none() && self.lines[i].start <= target {
                let (start, end) = (self.lines[i].start, self.lines[i].end);
                let entry =
                    self.push_entry(Speaker::Customer, self.lines[i].text.clone(), start, false);
                self.lines[i].entry = Some(entry);
                self.events.push(Event::LineStarted {
                    entry,
                    t_ms: start,
                    ends_ms: end,
                });
            }
            if self.lines[i].end > target {
                break;
            }
            let l = &self.lines[i];
            let (end, reveals, entry) = (l.end, l.reveals, l.entry.unwrap_or(0));
            self.log(|_| Event::LineFinished { entry, t_ms: end });
            let new = reveals & !self.heard;
            self.heard |= reveals;
            if self.opts.history {
                for f in self.c.fact_names(new) {
                    self.events.push(Event::FactRevealed {
                        fact: f.to_owned(),
                        t_ms: end,
                    });
                }
            }
            if new != 0 {
                learned = Some(end);
            }
            self.next_line += 1;
            if self.next_line == self.lines.len() {
                self.finished_at = Some(end);
            }
        }
        if let Some(at) = learned {
            self.refresh_offered_at(false, at);
        }
    }

    /// Adds a transcript entry and returns its index; without history there
    /// is no transcript, and every index is 0.
    fn push_entry(&mut self, speaker: Speaker, text: String, t_ms: u64, cut: bool) -> usize {
        if !self.opts.history {
            return 0;
        }
        self.transcript.push(Entry {
            speaker,
            text,
            t_ms,
            turn: self.turn,
            cut,
        });
        self.transcript.len() - 1
    }

    /// Lets `ms` milliseconds pass: lines arrive, silence may annoy the customer.
    pub fn advance(&mut self, ms: u64) {
        if self.end.is_some() {
            return;
        }
        let target = self.now.saturating_add(ms);
        if self.opts.timers {
            self.deliver(target);
            if pace::has_dead_air(self.c.scenario.channel) {
                while let Some(from) = self.silence_from() {
                    let at = from + pace::DEAD_AIR_MS * u64::from(self.dead_air + 1);
                    if at > target {
                        break;
                    }
                    self.dead_air += 1;
                    self.now = at;
                    let anger = if self.c.scenario.archetype == Archetype::Angry {
                        8
                    } else {
                        5
                    };
                    self.mood.apply(&MoodShift {
                        anger,
                        ..MoodShift::default()
                    });
                    self.log(|_| Event::DeadAir {
                        t_ms: at,
                        silent_ms: at - from,
                    });
                    self.log(|s| Event::MoodChanged {
                        mood: s.mood,
                        t_ms: at,
                    });
                    if self.hang_up_if_furious() {
                        return;
                    }
                    self.refresh_offered(false);
                }
            }
        }
        self.now = target;
        self.refresh_offered(false);
    }

    /// Hears the next line now. With timers off this is how lines arrive;
    /// with timers on it waits until the current line has been said.
    pub fn listen(&mut self) {
        if self.end.is_some() || self.customer_finished() {
            return;
        }
        if self.opts.timers {
            let end = self.lines[self.next_line].end;
            self.advance(end.saturating_sub(self.now));
        } else {
            let i = self.next_line;
            self.lines[i].start = self.now;
            self.lines[i].end = self.now;
            self.deliver(self.now);
        }
    }

    /// Lets the customer finish the turn.
    pub fn wait_until_finished(&mut self) {
        while !self.customer_finished() && self.end.is_none() {
            self.listen();
        }
    }

    /// Cuts the customer off if they are still speaking: returns
    /// (interrupted, the cut line's full text, facts missed).
    fn cut_off(&mut self) -> (bool, Option<String>, u64) {
        if self.customer_finished() {
            return (false, None, 0);
        }
        let mut missed = 0;
        for l in &self.lines[self.next_line..] {
            missed |= l.reveals;
        }
        missed &= !self.heard;
        let mut cut_line = None;
        let current = &self.lines[self.next_line];
        if let Some(entry) = current.entry {
            let words: Vec<&str> = current.text.split_whitespace().collect();
            let span = current.end.saturating_sub(current.start).max(1);
            let said =
                (words.len() as u64 * self.now.saturating_sub(current.start) / span) as usize;
            let partial = words[..said.min(words.len())].join(" ");
            cut_line = Some(current.text.clone());
            let e = &mut self.transcript[entry];
            e.text = if partial.is_empty() {
                "—".into()
            } else {
                format!("{partial} —")
            };
            e.cut = true;
        }
        self.log(|s| Event::Interrupted {
            t_ms: s.now,
            missed_facts: s
                .c
                .fact_names(missed)
                .into_iter()
                .map(str::to_owned)
                .collect(),
        });
        self.lines.truncate(self.next_line);
        self.finished_at = Some(self.now);
        (true, cut_line, missed)
    }

    fn hang_up_if_furious(&mut self) -> bool {
        if self.mood.anger < i32::from(self.c.scenario.customer.hangs_up_at) {
            return false;
        }
        self.log(|s| Event::CustomerHungUp { t_ms: s.now });
        let c = Arc::clone(&self.c);
        if let Some(e) = c.hang_up {
            let ending = &c.ending_defs[e];
            let text = self.pick_text(&ending.say, &ending.variants);
            self.push_entry(Speaker::Customer, text, self.now, false);
        }
        if self.opts.history {
            let text = render(
                SystemText::CustomerHungUp(&self.persona.address_as),
                &c.scenario.language,
            );
            self.push_entry(Speaker::System, text, self.now, false);
        }
        let id = c
            .hang_up
            .map_or("customer_hung_up", |e| c.ending_ids[e].as_str());
        self.finish(id.to_owned(), EndingKind::HungUp, EndCause::CustomerHangUp);
        true
    }

    fn finish(&mut self, ending: String, kind: EndingKind, cause: EndCause) {
        self.log(|s| Event::EndingReached {
            ending: ending.clone(),
            kind,
            t_ms: s.now,
        });
        self.offered.clear();
        self.end = Some(EndRecord {
            ending,
            kind,
            cause,
            mood: self.mood,
            heard: self.heard,
            t_ms: self.now,
            turns: self.turn,
            dead_air: self.dead_air,
        });
    }

    fn record(
        &mut self,
        kind: ActionKind,
        cut: (bool, Option<String>, u64),
        heard: u64,
        entry: usize,
    ) {
        self.records.push(ActionRecord {
            turn: self.turn,
            t_ms: self.now,
            node: self.node,
            kind,
            interrupted: cut.0,
            cut_line: cut.1,
            missed: cut.2,
            heard,
            mood: self.mood,
            entry,
            dead_air: self.dead_air,
        });
        // The silence so far is scored with this action.
        self.dead_air = 0;
    }

    /// The agent says reply `i` (0-based, file order). Said while the customer
    /// is still speaking, it interrupts them.
    pub fn reply(&mut self, i: usize) -> Result<(), InputError> {
        if self.end.is_some() {
            return Err(InputError::Ended);
        }
        if !self.offered.contains(&i) {
            let mut available = self.offered.clone();
            available.sort_unstable();
            return Err(InputError::NotOffered {
                choice: i,
                turn: self.turn + 1,
                node: self.node_id().to_owned(),
                available,
            });
        }
        let c = Arc::clone(&self.c);
        let cn = &c.nodes[self.node];
        let reply = &cn.replies[i];
        let heard = self.heard;
        let cut = self.cut_off();
        self.turn += 1;
        let text = self.reply_text(i).to_owned();
        let speaking = pace::agent_ms(reply.words, c.scenario.channel, self.opts.pace);
        let entry = self.push_entry(Speaker::Agent, text, self.now, false);
        self.mood.apply(&reply.shift);
        let node_def = &c.node_defs[self.node];
        if cut.0 {
            self.mood.apply(&cn.interrupted);
            if let Some(say) = node_def.interrupted.as_ref().and_then(|r| r.say.as_ref()) {
                let text = if self.opts.history {
                    fill(say, &self.vars())
                } else {
                    String::new()
                };
                self.push_entry(Speaker::Customer, text, self.now, false);
            }
        } else if !reply.marks.iter().any(|m| is_impatient(*m)) {
            self.mood.apply(&courtesy_drift(c.scenario.archetype));
        }
        self.log(|s| Event::MoodChanged {
            mood: s.mood,
            t_ms: s.now,
        });
        self.record(ActionKind::Reply(i), cut, heard, entry);
        if let Some(t) = reply.escalate {
            self.log(|s| Event::Escalated {
                target: c.target_ids[t].clone(),
                t_ms: s.now,
            });
        }
        if self.hang_up_if_furious() {
            return Ok(());
        }
        let dest = reply
            .branches
            .iter()
            .find(|(cond, _)| cond.holds(&self.mood, self.heard))
            .map_or(reply.next, |(_, d)| *d);
        match dest {
            Dest::Node(n) => self.enter(n, speaking),
            Dest::Ending(e) => {
                let ending = &c.ending_defs[e];
                let text = self.pick_text(&ending.say, &ending.variants);
                self.push_entry(Speaker::Customer, text, self.now, false);
                self.finish(c.ending_ids[e].clone(), ending.kind, EndCause::Reply);
            }
        }
        Ok(())
    }

    /// The agent transfers the contact to a declared target (the target
    /// picker), outside the authored replies. The call ends.
    pub fn transfer(&mut self, target: &str) -> Result<(), InputError> {
        if self.end.is_some() {
            return Err(InputError::Ended);
        }
        let c = Arc::clone(&self.c);
        let Some(t) = c.target_index(target) else {
            return Err(InputError::UnknownTarget {
                target: target.to_owned(),
                available: c.target_ids.clone(),
            });
        };
        let heard = self.heard;
        let cut = self.cut_off();
        self.turn += 1;
        let label = c
            .scenario
            .targets
            .get(target)
            .map_or(target, String::as_str);
        // Without history (the explorer) nobody reads the line.
        let text = if self.opts.history {
            render(SystemText::Transferred(label), &c.scenario.language)
        } else {
            String::new()
        };
        let entry = self.push_entry(Speaker::System, text, self.now, false);
        if cut.0 {
            self.mood.apply(&c.nodes[self.node].interrupted);
        }
        self.record(ActionKind::Transfer(t), cut, heard, entry);
        self.log(|s| Event::Escalated {
            target: target.to_owned(),
            t_ms: s.now,
        });
        self.finish("transfer".into(), EndingKind::Escalated, EndCause::Transfer);
        Ok(())
    }

    /// The agent ends the call.
    pub fn hang_up(&mut self) -> Result<(), InputError> {
        if self.end.is_some() {
            return Err(InputError::Ended);
        }
        let heard = self.heard;
        let cut = self.cut_off();
        self.turn += 1;
        let text = if self.opts.history {
            render(SystemText::AgentHungUp, &self.c.scenario.language)
        } else {
            String::new()
        };
        let entry = self.push_entry(Speaker::System, text, self.now, false);
        self.record(ActionKind::HangUp, cut, heard, entry);
        let c = Arc::clone(&self.c);
        match c.nodes[self.node].agent_may_end {
            // The scenario allows ending the call here: its ending, with
            // the customer's closing line.
            Some(e) => {
                let ending = &c.ending_defs[e];
                let text = self.pick_text(&ending.say, &ending.variants);
                self.push_entry(Speaker::Customer, text, self.now, false);
                self.finish(c.ending_ids[e].clone(), ending.kind, EndCause::AgentEnded);
            }
            None => self.finish(
                "agent_hung_up".into(),
                EndingKind::Unresolved,
                EndCause::AgentHangUp,
            ),
        }
        Ok(())
    }
}

/// Wording `k` of a text: 0 is `say`, k is variant k.
fn wording<'t>(say: &'t str, variants: &'t [String], k: usize) -> &'t str {
    if k == 0 { say } else { &variants[k - 1] }
}

/// Markers that show impatience (no courtesy drift, and patience penalties).
pub fn is_impatient(m: Marker) -> bool {
    matches!(
        m,
        Marker::Dismissive
            | Marker::Blaming
            | Marker::CalmDown
            | Marker::Rushing
            | Marker::Arguing
            | Marker::SalesPitch
    )
}

/// How a courteous reply that lets the customer finish eases the archetype's
/// main feeling (documented in docs/scoring.md).
pub fn courtesy_drift(archetype: Archetype) -> MoodShift {
    let mut shift = MoodShift::default();
    match archetype {
        Archetype::Calm | Archetype::Angry => shift.anger = -3,
        Archetype::Confused => shift.confusion = -3,
        Archetype::Grieving => shift.distress = -3,
    }
    shift
}
