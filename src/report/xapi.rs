//! xAPI 1.0.3 statements for a stored attempt, in the order cmi5 uses for
//! a session: `initialized`, (optionally one `responded` per action of the
//! trainee), `completed`, `passed` or `failed`, `terminated`.
//!
//! The types are our own serde structs (the xAPI crates on crates.io are
//! GPL or unmaintained), with only the fields Headset sends. Maps are
//! `BTreeMap`s and fields are in a fixed order, so the same attempt always
//! gives byte-identical JSON: an LRS that receives a statement twice sees
//! the same id *and* the same content, and keeps one.
//!
//! Everything is derived from the stored attempt and the settings, never
//! from the clock or a random number:
//! - `context.registration` is a UUID v5 of the attempt (one per attempt);
//! - each statement's `id` is a UUID v5 of the attempt and the statement's
//!   part (`initialized`, `reply-3`, ...), so sending twice is harmless;
//! - timestamps are the call's start plus the call time of the event.
//!
//! Every statement names the rubric that scored the attempt (the context
//! extension `rubric`): an LRS report must not average scores of two
//! rubrics without knowing it. The result says why a call did not pass
//! (`failed-because`) and which critical errors it had (`critical-errors`)
//! for attempts scored by rubric v2 or later; rubric-1 records kept
//! neither, so those two are left out rather than sent empty.
//!
//! docs/lrs.md has the full mapping table. This follows cmi5's statement
//! pattern but is not a cmi5 launch (there is no LMS): no cmi5 category
//! activity is claimed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::progress::date::civil_from_days;
use crate::progress::{AttemptDetail, AttemptSummary, Input};
use crate::sim::record::Speaker;

/// The namespace of every UUID Headset derives: `Uuid::new_v5(NAMESPACE_URL,
/// "urn:headset:xapi")`, written out so that it can never change.
pub const NAMESPACE: Uuid = Uuid::from_u128(0x7561_a623_66a8_5258_881e_799a_7572_639f);

/// The xAPI version Headset speaks (the `X-Experience-API-Version` header).
pub const XAPI_VERSION: &str = "1.0.3";

/// The default base of every IRI Headset makes (activities and extension
/// keys): a placeholder under the reserved `.example` domain. Set `iri_base`
/// in `lrs.ron` to an address of your organisation.
pub const DEFAULT_IRI_BASE: &str = "https://headset.example/xapi/";

/// The default `homePage` of a trainee's account.
pub const DEFAULT_HOME_PAGE: &str = "https://headset.example";

/// The ADL verbs used, by the statement part they name.
pub mod verbs {
    /// The call started.
    pub const INITIALIZED: &str = "http://adlnet.gov/expapi/verbs/initialized";
    /// One action of the trainee (per-reply statements).
    pub const RESPONDED: &str = "http://adlnet.gov/expapi/verbs/responded";
    /// The call reached an ending.
    pub const COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
    /// The overall score reached the pass mark.
    pub const PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
    /// The overall score stayed below the pass mark.
    pub const FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";
    /// The session is over.
    pub const TERMINATED: &str = "http://adlnet.gov/expapi/verbs/terminated";
}

/// The activity type of a scenario.
pub const SIMULATION_TYPE: &str = "http://adlnet.gov/expapi/activities/simulation";

/// How statements are built: the parts of `lrs.ron` that shape them (see
/// `report::config`). `Default` gives the documented defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XapiSettings {
    /// Base of every IRI, ending with `/`: scenarios are
    /// `<base>scenarios/<id>`, shifts `<base>shifts/<id>`, extension keys
    /// `<base>extensions/<name>`.
    pub iri_base: String,
    /// `actor.account.homePage`: the system the trainee's name belongs to.
    pub home_page: String,
    /// Profiles identified by e-mail instead of an account: profile name to
    /// address (`mailto:` is added when missing).
    pub mbox: BTreeMap<String, String>,
    /// Also send one `responded` statement per action of the trainee with
    /// the moments it produced.
    pub per_reply: bool,
}

impl Default for XapiSettings {
    fn default() -> Self {
        XapiSettings {
            iri_base: DEFAULT_IRI_BASE.to_owned(),
            home_page: DEFAULT_HOME_PAGE.to_owned(),
            mbox: BTreeMap::new(),
            per_reply: false,
        }
    }
}

impl XapiSettings {
    /// `<base>extensions/<name>`.
    pub fn extension(&self, name: &str) -> String {
        format!("{}extensions/{name}", self.iri_base)
    }

    /// The activity IRI of a scenario id.
    pub fn scenario_iri(&self, scenario: &str) -> String {
        format!("{}scenarios/{}", self.iri_base, iri_segment(scenario))
    }

    /// The activity IRI of a practice shift.
    pub fn shift_iri(&self, shift: &str) -> String {
        format!("{}shifts/{}", self.iri_base, iri_segment(shift))
    }
}

/// One xAPI statement as Headset sends it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Deterministic UUID ([`statement_id`]).
    pub id: String,
    pub actor: Agent,
    pub verb: Verb,
    pub object: Activity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<StatementResult>,
    pub context: Context,
    /// When it happened, ISO 8601 UTC with milliseconds.
    pub timestamp: String,
}

/// The trainee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agent {
    #[serde(rename = "objectType")]
    pub object_type: String,
    /// The profile name as typed.
    pub name: String,
    /// `mailto:` address, where configured for this profile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mbox: Option<String>,
    /// Otherwise the profile name on the configured home page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<Account>,
}

/// An account on a system.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    #[serde(rename = "homePage")]
    pub home_page: String,
    pub name: String,
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verb {
    pub id: String,
    pub display: BTreeMap<String, String>,
}

/// A scenario or a practice shift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    #[serde(rename = "objectType")]
    pub object_type: String,
    pub id: String,
    pub definition: ActivityDefinition,
}

/// An activity's name (and type).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityDefinition {
    pub name: BTreeMap<String, String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// How the call went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementResult {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<Score>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion: Option<bool>,
    /// What the trainee said (per-reply statements).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    /// ISO 8601 duration, to 0.01 s ([`iso_duration`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extensions: BTreeMap<String, Value>,
}

/// The overall score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// overall / 100.
    pub scaled: f64,
    pub raw: u32,
    pub min: u32,
    pub max: u32,
}

/// Where it happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Context {
    /// One UUID per attempt ([`registration`]).
    pub registration: String,
    /// The scenario's language.
    pub language: String,
    pub platform: String,
    #[serde(
        rename = "contextActivities",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub context_activities: Option<ContextActivities>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extensions: BTreeMap<String, Value>,
}

/// The practice shift a call belonged to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContextActivities {
    pub grouping: Vec<Activity>,
}

/// The registration of an attempt: UUID v5 under [`NAMESPACE`] of
/// `"<attempt id>/<profile name>"`. The profile is part of it because two
/// trainees starting the same practice shift call in the same millisecond
/// would otherwise share an id.
pub fn registration(attempt_id: &str, profile: &str) -> Uuid {
    Uuid::new_v5(&NAMESPACE, format!("{attempt_id}/{profile}").as_bytes())
}

/// The id of one statement of an attempt: UUID v5 under [`NAMESPACE`] of
/// `"<attempt id>/<profile name>/<part>"`, where part is `initialized`,
/// `reply-N`, `completed`, `passed`, `failed` or `terminated`.
pub fn statement_id(attempt_id: &str, profile: &str, part: &str) -> Uuid {
    Uuid::new_v5(
        &NAMESPACE,
        format!("{attempt_id}/{profile}/{part}").as_bytes(),
    )
}

/// An ISO 8601 duration to 0.01 s (what xAPI compares), cut down, not
/// rounded: `83_456` ms is `PT1M23.45S`, `3_600_000` is `PT1H`, 0 is `PT0S`.
pub fn iso_duration(ms: u64) -> String {
    let cs = ms / 10;
    let (h, m) = (cs / 360_000, cs / 6_000 % 60);
    let (s, frac) = (cs / 100 % 60, cs % 100);
    let mut out = String::from("PT");
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if m > 0 {
        out.push_str(&format!("{m}M"));
    }
    if s > 0 || frac > 0 || (h == 0 && m == 0) {
        out.push_str(&s.to_string());
        if frac > 0 {
            let f = format!("{frac:02}");
            out.push('.');
            out.push_str(f.trim_end_matches('0'));
        }
        out.push('S');
    }
    out
}

/// ISO 8601 in UTC with milliseconds: `2023-11-14T22:13:20.000Z`.
pub fn iso_timestamp(unix_ms: u64) -> String {
    let secs = unix_ms / 1000;
    let (y, mo, d) = civil_from_days((secs / 86_400) as i64);
    let rest = secs % 86_400;
    format!(
        "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60,
        unix_ms % 1000
    )
}

/// The start of the call in ms: the attempt id starts with it in hex
/// (`progress::attempt::attempt_id`); if the id is not of that form, the
/// stored start in seconds.
pub fn started_ms(a: &AttemptSummary) -> u64 {
    a.id.split('-')
        .next()
        .and_then(|h| u64::from_str_radix(h, 16).ok())
        .filter(|ms| ms / 1000 == a.started_at)
        .unwrap_or(a.started_at.saturating_mul(1000))
}

/// Keeps an id usable as one IRI path segment: unreserved characters stay,
/// every other byte is percent-encoded.
fn iri_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn lang_map(lang: &str, text: &str) -> BTreeMap<String, String> {
    BTreeMap::from([(lang.to_owned(), text.to_owned())])
}

fn verb(id: &str) -> Verb {
    let name = id.rsplit('/').next().unwrap_or(id);
    Verb {
        id: id.to_owned(),
        display: lang_map("en-US", name),
    }
}

/// The trainee as an xAPI agent: `mbox` if one is configured for the
/// profile, else an account on the home page.
pub fn actor(profile: &str, settings: &XapiSettings) -> Agent {
    match settings.mbox.get(profile) {
        Some(addr) => Agent {
            object_type: "Agent".into(),
            name: profile.to_owned(),
            mbox: Some(if addr.starts_with("mailto:") {
                addr.clone()
            } else {
                format!("mailto:{addr}")
            }),
            account: None,
        },
        None => Agent {
            object_type: "Agent".into(),
            name: profile.to_owned(),
            mbox: None,
            account: Some(Account {
                home_page: settings.home_page.clone(),
                name: profile.to_owned(),
            }),
        },
    }
}

/// The statements of one attempt, in order. `detail` (transcript and
/// moments) is needed only for the per-reply statements; without it they
/// are left out.
pub fn statements(
    a: &AttemptSummary,
    detail: Option<&AttemptDetail>,
    settings: &XapiSettings,
) -> Vec<Statement> {
    let start = started_ms(a);
    let end = start.saturating_add(a.duration_ms);
    let ext = |name: &str| settings.extension(name);
    let object = Activity {
        object_type: "Activity".into(),
        id: settings.scenario_iri(&a.scenario),
        definition: ActivityDefinition {
            name: lang_map(&a.language, &a.scenario),
            kind: Some(SIMULATION_TYPE.into()),
        },
    };
    let context = Context {
        registration: registration(&a.id, &a.profile).hyphenated().to_string(),
        language: a.language.clone(),
        platform: "Headset".into(),
        context_activities: a.shift.as_ref().map(|s| ContextActivities {
            grouping: vec![Activity {
                object_type: "Activity".into(),
                id: settings.shift_iri(s),
                definition: ActivityDefinition {
                    name: lang_map("en", &format!("Practice shift {s}")),
                    kind: None,
                },
            }],
        }),
        extensions: BTreeMap::from([
            (ext("attempt"), json!(a.id)),
            // A string: seeds use all 64 bits, more than a JSON number
            // keeps exactly in JavaScript-based LRSs.
            (ext("seed"), json!(a.seed.to_string())),
            // Scores of different rubrics do not compare.
            (ext("rubric"), json!(a.rubric)),
        ]),
    };
    let actor = actor(&a.profile, settings);
    let make = |part: &str, verb_id: &str, result: Option<StatementResult>, at: u64| Statement {
        id: statement_id(&a.id, &a.profile, part)
            .hyphenated()
            .to_string(),
        actor: actor.clone(),
        verb: verb(verb_id),
        object: object.clone(),
        result,
        context: context.clone(),
        timestamp: iso_timestamp(at),
    };
    let duration = iso_duration(a.duration_ms);
    let mut extensions = BTreeMap::from([
        (ext("patience"), json!(a.skills.patience)),
        (ext("listening"), json!(a.skills.listening)),
        (ext("name"), json!(a.skills.name)),
        (ext("escalation"), json!(a.skills.escalation)),
        (ext("ending"), json!(a.ending)),
        (ext("ending-kind"), json!(a.ending_kind.key())),
        (ext("pass-mark"), json!(a.pass_mark)),
        (ext("scenario-version"), json!(a.scenario_version)),
        (ext("content-hash"), json!(a.content_hash)),
    ]);
    // Rubric 1 kept neither: leaving them out says "not known", where an
    // empty list would say "none".
    if a.rubric >= 2 {
        extensions.insert(ext("failed-because"), json!(a.failures));
        extensions.insert(ext("critical-errors"), json!(a.critical_errors));
    }
    let outcome = StatementResult {
        score: Some(Score {
            scaled: f64::from(a.overall) / 100.0,
            raw: u32::from(a.overall),
            min: 0,
            max: 100,
        }),
        success: Some(a.passed),
        completion: Some(true),
        response: None,
        duration: Some(duration.clone()),
        extensions,
    };
    let mut out = vec![make("initialized", verbs::INITIALIZED, None, start)];
    if settings.per_reply
        && let Some(d) = detail
    {
        out.extend(reply_statements(a, d, settings, start, &make));
    }
    out.push(make(
        "completed",
        verbs::COMPLETED,
        Some(outcome.clone()),
        end,
    ));
    let (part, verb_id) = if a.passed {
        ("passed", verbs::PASSED)
    } else {
        ("failed", verbs::FAILED)
    };
    out.push(make(part, verb_id, Some(outcome), end));
    out.push(make(
        "terminated",
        verbs::TERMINATED,
        Some(StatementResult {
            score: None,
            success: None,
            completion: None,
            response: None,
            duration: Some(duration),
            extensions: BTreeMap::new(),
        }),
        end,
    ));
    out
}

/// Builds one statement of an attempt: part (for the id), verb, result,
/// time in ms since 1970.
type MakeStatement<'a> = dyn Fn(&str, &str, Option<StatementResult>, u64) -> Statement + 'a;

/// One `responded` statement per action that counts as a turn (a reply, a
/// transfer, hanging up; not listening), with what the trainee said and the
/// moments scored for that turn.
fn reply_statements(
    a: &AttemptSummary,
    d: &AttemptDetail,
    settings: &XapiSettings,
    start: u64,
    make: &MakeStatement<'_>,
) -> Vec<Statement> {
    let mut out = Vec::new();
    let mut turn = 0u32;
    for rec in &a.inputs {
        let (kind, response) = match &rec.input {
            Input::Listen => continue,
            Input::Reply { .. } => ("reply", None),
            Input::Transfer { target } => ("transfer", Some(format!("(transfer to {target})"))),
            Input::HangUp => ("hang_up", Some("(hung up)".to_owned())),
        };
        turn += 1;
        let said = d
            .transcript
            .iter()
            .find(|e| e.speaker == Speaker::Agent && e.turn == turn)
            .map(|e| e.text.clone());
        let moments: Vec<Value> = d
            .moments
            .iter()
            .filter(|m| m.turn == turn)
            .map(|m| {
                json!({
                    "skill": m.skill.key(),
                    "points": m.points,
                    "critical": m.critical,
                    "rule": m.rule,
                    "reason": m.reason,
                })
            })
            .collect();
        let result = StatementResult {
            score: None,
            success: None,
            completion: None,
            response: said.or(response),
            duration: None,
            extensions: BTreeMap::from([
                (settings.extension("turn"), json!(turn)),
                (settings.extension("input"), json!(kind)),
                (settings.extension("moments"), Value::Array(moments)),
            ]),
        };
        out.push(make(
            &format!("reply-{turn}"),
            verbs::RESPONDED,
            Some(result),
            start.saturating_add(rec.t_ms),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_namespace_is_the_documented_derivation() {
        assert_eq!(
            NAMESPACE,
            Uuid::new_v5(&Uuid::NAMESPACE_URL, b"urn:headset:xapi")
        );
    }

    #[test]
    fn durations_are_iso_8601_to_a_hundredth_of_a_second() {
        assert_eq!(iso_duration(83_400), "PT1M23.4S");
        assert_eq!(iso_duration(83_456), "PT1M23.45S");
        assert_eq!(iso_duration(0), "PT0S");
        assert_eq!(iso_duration(9), "PT0S");
        assert_eq!(iso_duration(60_000), "PT1M");
        assert_eq!(iso_duration(3_600_000), "PT1H");
        assert_eq!(iso_duration(3_723_050), "PT1H2M3.05S");
        assert_eq!(iso_duration(500), "PT0.5S");
    }

    #[test]
    fn timestamps_have_milliseconds() {
        assert_eq!(iso_timestamp(1_700_000_000_000), "2023-11-14T22:13:20.000Z");
        assert_eq!(iso_timestamp(1_700_000_083_456), "2023-11-14T22:14:43.456Z");
    }

    #[test]
    fn ids_are_deterministic_and_distinct() {
        let a = statement_id("18bcfe56800-0000000000000001", "Anna", "initialized");
        assert_eq!(
            a,
            statement_id("18bcfe56800-0000000000000001", "Anna", "initialized")
        );
        assert_ne!(
            a,
            statement_id("18bcfe56800-0000000000000001", "Anna", "completed")
        );
        assert_ne!(
            a,
            statement_id("18bcfe56800-0000000000000001", "Ben", "initialized")
        );
        assert_eq!(a.get_version_num(), 5);
    }

    #[test]
    fn odd_ids_are_percent_encoded_in_iris() {
        let s = XapiSettings::default();
        assert_eq!(
            s.scenario_iri("double charge/é"),
            "https://headset.example/xapi/scenarios/double%20charge%2F%C3%A9"
        );
    }
}
