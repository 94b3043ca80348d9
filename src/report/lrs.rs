//! Talking to a learning record store: statements go out with
//! `PUT <url>statements?statementId=<id>` (one) or `POST <url>statements`
//! (a batch, as a JSON array), with `X-Experience-API-Version: 1.0.3` and
//! basic authentication, through ureq (a small, blocking HTTP client: this
//! runs on the command line or on a background thread of the game).
//!
//! Sending twice is harmless: statement ids are deterministic, and an LRS
//! that already has a statement answers 204 (or, for a POST, leaves it
//! out), or 409 Conflict. A POST answered with 409 is sent again statement
//! by statement with PUT, and a PUT answered with 409 counts as delivered:
//! the LRS holds a statement with that id, and statements never change.
//!
//! Transient failures (no connection, a timeout, a 5xx answer) are tried
//! again after a wait that doubles each time; a 4xx answer is not, since
//! sending the same thing again cannot help.

use std::io::Read;
use std::time::Duration;

use ureq::Agent;
use ureq::tls::{RootCerts, TlsConfig};

use super::config::{LrsConfig, PASSWORD_ENV, Secret, USER_ENV};
use super::xapi::XAPI_VERSION;

/// The longest wait between two tries.
const MAX_BACKOFF: Duration = Duration::from_secs(60);
/// How much of an error answer is kept for the message.
const ERROR_BODY_CHARS: usize = 600;

/// A statement ready to send: its id and its JSON text, exactly as queued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// The statement's id (for `?statementId=`).
    pub id: String,
    /// The statement as one line of JSON.
    pub json: String,
}

/// Why statements could not be delivered. Messages name the LRS address
/// (never the password) and what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LrsError {
    /// 401 or 403: the user or password is wrong, or lacks write rights.
    #[error(
        "wrong credentials: the LRS at {url} refused them (HTTP {status}{}); check {USER_ENV} and {PASSWORD_ENV} (or user and password in lrs.ron). The results stay in the outbox",
        body_text(body)
    )]
    Credentials {
        url: String,
        status: u16,
        body: String,
    },
    /// Another 4xx: the LRS does not accept these statements.
    #[error(
        "the LRS at {url} rejected the statements (HTTP {status}{}). They stay in the outbox",
        body_text(body)
    )]
    Rejected {
        url: String,
        status: u16,
        body: String,
    },
    /// 5xx: the LRS failed; it may work later.
    #[error(
        "the LRS at {url} failed (HTTP {status}{}); Headset tries again later",
        body_text(body)
    )]
    Server {
        url: String,
        status: u16,
        body: String,
    },
    /// No connection: refused, unknown host, network down, TLS failure.
    #[error("could not reach the LRS at {url}: {reason}; the results stay in the outbox")]
    Unreachable { url: String, reason: String },
    /// No answer in time.
    #[error(
        "the LRS at {url} did not answer within {} s; the results stay in the outbox",
        after.as_secs_f32()
    )]
    Timeout { url: String, after: Duration },
    /// An answer that is neither success nor an error (a redirect loop, 1xx).
    #[error("the LRS at {url} gave an unexpected answer (HTTP {status})")]
    Unexpected { url: String, status: u16 },
}

fn body_text(body: &str) -> String {
    if body.is_empty() {
        String::new()
    } else {
        format!(": {body}")
    }
}

impl LrsError {
    /// Worth trying again soon: the LRS was down, slow or failing.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            LrsError::Server { .. } | LrsError::Unreachable { .. } | LrsError::Timeout { .. }
        )
    }

    /// Whether the rest of a run should stop: everything but a rejection of
    /// particular statements would fail the same way for the next batch.
    pub fn stops_run(&self) -> bool {
        !matches!(self, LrsError::Rejected { .. })
    }
}

/// What one send achieved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sent {
    /// Statements the LRS now holds (new or already there).
    pub statements: usize,
    /// Of those, answered 409 (already stored) one by one.
    pub conflicts: usize,
    /// Requests made, retries included.
    pub requests: usize,
}

/// A connection to one LRS.
pub struct Lrs {
    agent: Agent,
    url: String,
    statements: String,
    auth: Option<String>,
    password: Option<Secret>,
    timeout: Duration,
    retries: u32,
    backoff: Duration,
    batch: usize,
}

impl std::fmt::Debug for Lrs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lrs")
            .field("url", &self.url)
            .field("auth", &self.auth.as_ref().map(|_| "<redacted>"))
            .field("batch", &self.batch)
            .finish_non_exhaustive()
    }
}

enum Answer {
    Stored,
    Conflict,
}

impl Lrs {
    /// A client for `cfg` (no connection is made yet).
    pub fn new(cfg: &LrsConfig) -> Lrs {
        let agent: Agent = Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(cfg.connect_timeout))
            .timeout_global(Some(cfg.timeout))
            .user_agent(concat!("headset/", env!("CARGO_PKG_VERSION")))
            // The system's certificates: schools and companies often run
            // their LRS behind their own certificate authority.
            .tls_config(
                TlsConfig::builder()
                    .root_certs(RootCerts::PlatformVerifier)
                    .build(),
            )
            .build()
            .into();
        let auth = cfg.user.as_ref().map(|u| {
            let pw = cfg.password.as_ref().map_or("", Secret::expose);
            format!("Basic {}", base64(format!("{u}:{pw}").as_bytes()))
        });
        Lrs {
            agent,
            url: cfg.url.clone(),
            statements: format!("{}statements", cfg.url),
            auth,
            password: cfg.password.clone(),
            timeout: cfg.timeout,
            retries: cfg.retries,
            backoff: cfg.backoff,
            batch: cfg.batch,
        }
    }

    /// The LRS's base address.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Statements per request.
    pub fn batch(&self) -> usize {
        self.batch
    }

    /// Sends statements (at most [`Lrs::batch`] of them): one with PUT,
    /// more as one POST; a POST answered 409 goes again one by one with
    /// PUT. Transient failures are retried with backoff.
    pub fn send(&self, statements: &[Pending]) -> Result<Sent, LrsError> {
        let mut sent = Sent::default();
        if statements.is_empty() {
            return Ok(sent);
        }
        if statements.len() > 1 && self.batch > 1 {
            let body = array(statements);
            match self.retrying(&mut sent, || self.post_once(&body))? {
                Answer::Stored => {
                    sent.statements = statements.len();
                    return Ok(sent);
                }
                // Some LRSs refuse a whole batch when one id is known:
                // find out statement by statement.
                Answer::Conflict => {}
            }
        }
        for p in statements {
            match self.retrying(&mut sent, || self.put_once(p))? {
                Answer::Stored => {}
                Answer::Conflict => sent.conflicts += 1,
            }
            sent.statements += 1;
        }
        Ok(sent)
    }

    fn retrying(
        &self,
        sent: &mut Sent,
        mut once: impl FnMut() -> Result<Answer, LrsError>,
    ) -> Result<Answer, LrsError> {
        let mut wait = self.backoff;
        let mut tries = 0;
        loop {
            sent.requests += 1;
            match once() {
                Err(e) if e.is_transient() && tries < self.retries => {
                    tries += 1;
                    std::thread::sleep(wait);
                    wait = (wait * 2).min(MAX_BACKOFF);
                }
                other => return other,
            }
        }
    }

    fn put_once(&self, p: &Pending) -> Result<Answer, LrsError> {
        let mut req = self
            .agent
            .put(&self.statements)
            .query("statementId", &p.id)
            .header("X-Experience-API-Version", XAPI_VERSION)
            .header("Content-Type", "application/json");
        if let Some(a) = &self.auth {
            req = req.header("Authorization", a);
        }
        self.answer(req.send(p.json.as_bytes()))
    }

    fn post_once(&self, body: &str) -> Result<Answer, LrsError> {
        let mut req = self
            .agent
            .post(&self.statements)
            .header("X-Experience-API-Version", XAPI_VERSION)
            .header("Content-Type", "application/json");
        if let Some(a) = &self.auth {
            req = req.header("Authorization", a);
        }
        self.answer(req.send(body.as_bytes()))
    }

    fn answer(
        &self,
        r: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<Answer, LrsError> {
        let mut resp = r.map_err(|e| self.transport_error(e))?;
        let status = resp.status().as_u16();
        // Read the answer (bounded) so the connection can be reused and an
        // error can quote it.
        let mut bytes = Vec::new();
        let _ = resp
            .body_mut()
            .as_reader()
            .take(64 * 1024)
            .read_to_end(&mut bytes);
        let body = || self.clean_body(&bytes);
        let url = self.url.clone();
        match status {
            200..=299 => Ok(Answer::Stored),
            409 => Ok(Answer::Conflict),
            401 | 403 => Err(LrsError::Credentials {
                url,
                status,
                body: body(),
            }),
            408 | 429 => Err(LrsError::Server {
                url,
                status,
                body: body(),
            }),
            400..=499 => Err(LrsError::Rejected {
                url,
                status,
                body: body(),
            }),
            500..=599 => Err(LrsError::Server {
                url,
                status,
                body: body(),
            }),
            _ => Err(LrsError::Unexpected { url, status }),
        }
    }

    /// The error answer as one line, cut to a readable length, with the
    /// password (should an LRS ever echo it) taken out.
    fn clean_body(&self, bytes: &[u8]) -> String {
        let text = String::from_utf8_lossy(bytes);
        let mut one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(pw) = &self.password
            && !pw.expose().is_empty()
        {
            one_line = one_line.replace(pw.expose(), "<redacted>");
        }
        if one_line.chars().count() > ERROR_BODY_CHARS {
            one_line = one_line.chars().take(ERROR_BODY_CHARS).collect::<String>() + " …";
        }
        one_line
    }

    fn transport_error(&self, e: ureq::Error) -> LrsError {
        let url = self.url.clone();
        match e {
            ureq::Error::Timeout(_) => LrsError::Timeout {
                url,
                after: self.timeout,
            },
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => LrsError::Timeout {
                url,
                after: self.timeout,
            },
            ureq::Error::Io(io) => LrsError::Unreachable {
                url,
                reason: match io.kind() {
                    std::io::ErrorKind::ConnectionRefused => {
                        "the connection was refused (is the LRS running, and is the address right?)"
                            .to_owned()
                    }
                    _ => io.to_string(),
                },
            },
            ureq::Error::HostNotFound => LrsError::Unreachable {
                url,
                reason: "the host name was not found (check the address and the network)"
                    .to_owned(),
            },
            other => LrsError::Unreachable {
                url,
                reason: other.to_string(),
            },
        }
    }
}

/// `[s1,s2,...]` from the statements' JSON texts.
fn array(statements: &[Pending]) -> String {
    let len = statements.iter().map(|p| p.json.len() + 1).sum::<usize>() + 1;
    let mut out = String::with_capacity(len);
    out.push('[');
    for (i, p) in statements.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&p.json);
    }
    out.push(']');
    out
}

/// Standard base64 with padding (RFC 4648), for the basic-auth header.
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(
            base64(b"Aladdin:open sesame"),
            "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
        );
    }

    #[test]
    fn the_password_is_not_in_debug_output() {
        let cfg = LrsConfig {
            url: "http://127.0.0.1:9/".into(),
            user: Some("key".into()),
            password: Some(Secret::new("hunter2")),
            batch: 50,
            connect_timeout: Duration::from_secs(1),
            timeout: Duration::from_secs(1),
            retries: 0,
            backoff: Duration::from_millis(1),
        };
        let shown = format!("{:?}", Lrs::new(&cfg));
        assert!(!shown.contains("hunter2") && !shown.contains(&base64(b"key:hunter2")));
    }

    #[test]
    fn errors_say_what_to_do() {
        let e = LrsError::Credentials {
            url: "http://x/".into(),
            status: 401,
            body: r#"{"detail":"Invalid authentication credentials"}"#.into(),
        };
        let m = e.to_string();
        assert!(m.starts_with("wrong credentials"), "{m}");
        assert!(m.contains("HEADSET_LRS_USER") && m.contains("Invalid authentication"));
        assert!(!e.is_transient() && e.stops_run());
        let r = LrsError::Rejected {
            url: "http://x/".into(),
            status: 400,
            body: "bad".into(),
        };
        assert!(!r.is_transient() && !r.stops_run());
    }
}
