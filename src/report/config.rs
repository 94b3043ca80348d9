//! Where results go: the learning record store's address and credentials,
//! and how statements are shaped, from `<data>/lrs.ron` and the
//! environment (`HEADSET_LRS_URL`, `HEADSET_LRS_USER`,
//! `HEADSET_LRS_PASSWORD`, which override the file).
//!
//! The file holds a password, so it is refused, with the `chmod` that fixes
//! it, when other users may read it. The password is kept in a [`Secret`],
//! whose `Debug` prints `<redacted>`, and no error message contains it.
//! docs/lrs.md describes the file.

use std::collections::BTreeMap;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use super::xapi::{DEFAULT_HOME_PAGE, DEFAULT_IRI_BASE, XapiSettings};

/// The settings file in the data folder.
pub const LRS_FILE: &str = "lrs.ron";
/// Overrides `url`.
pub const URL_ENV: &str = "HEADSET_LRS_URL";
/// Overrides `user`.
pub const USER_ENV: &str = "HEADSET_LRS_USER";
/// Overrides `password`.
pub const PASSWORD_ENV: &str = "HEADSET_LRS_PASSWORD";

/// What a valid LRS address looks like, for error messages.
pub const URL_EXAMPLE: &str = "https://lrs.example.com/xapi/";

/// A password: never printed, not even by `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a password.
    pub fn new(s: impl Into<String>) -> Secret {
        Secret(s.into())
    }

    /// The password itself, for the `Authorization` header only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// How to reach the LRS and how hard to try.
#[derive(Clone, Debug)]
pub struct LrsConfig {
    /// The LRS's base address, ending with `/`; statements go to
    /// `<url>statements`.
    pub url: String,
    /// Basic-auth user (the LRS's "key").
    pub user: Option<String>,
    /// Basic-auth password (the LRS's "secret").
    pub password: Option<Secret>,
    /// Statements per request: more than one are sent as one POST of an
    /// array; 1 sends each with its own PUT.
    pub batch: usize,
    /// Giving up on connecting.
    pub connect_timeout: Duration,
    /// Giving up on a whole request.
    pub timeout: Duration,
    /// Further tries after a transient failure (no answer, timeout, 5xx).
    pub retries: u32,
    /// The wait before the first retry; it doubles for each further one.
    pub backoff: Duration,
}

/// Everything `lrs.ron` and the environment say.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// How statements are built (also for `headset export --xapi`).
    pub xapi: XapiSettings,
    /// Where they are sent; `None` when no LRS address is set.
    pub lrs: Option<LrsConfig>,
    /// The settings file, if there is one.
    pub file: Option<PathBuf>,
}

/// Why the settings cannot be used. No variant holds the password.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// Other users may read the file that holds the password.
    #[error(
        "{} can be read by other users (permissions {mode:04o}) and holds the LRS password, so Headset does not use it; run `chmod 600 {}`",
        path.display(),
        path.display()
    )]
    Unprotected { path: PathBuf, mode: u32 },
    /// The file exists but cannot be read.
    #[error("could not read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The file is not valid RON or has an unknown field.
    #[error("{}:{line}:{col}: {message} (docs/lrs.md lists the fields)", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    /// The address cannot be an LRS address.
    #[error(
        "{from}: \"{value}\" is not a valid LRS address: {reason}; a valid one looks like {URL_EXAMPLE} (Headset adds `statements`)"
    )]
    BadUrl {
        /// Where it came from: the file or the environment variable.
        from: String,
        value: String,
        reason: String,
    },
    /// Another setting is out of range.
    #[error("{from}: {message}")]
    BadSetting { from: String, message: String },
}

/// The file as written by a trainer. Every field is optional; the
/// defaults are those of `Default`.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct LrsFile {
    url: String,
    user: String,
    password: String,
    iri_base: String,
    home_page: String,
    mbox: BTreeMap<String, String>,
    per_reply: bool,
    batch: usize,
    connect_timeout_ms: u64,
    timeout_ms: u64,
    retries: u32,
    backoff_ms: u64,
}

impl Default for LrsFile {
    fn default() -> Self {
        LrsFile {
            url: String::new(),
            user: String::new(),
            password: String::new(),
            iri_base: String::new(),
            home_page: String::new(),
            mbox: BTreeMap::new(),
            per_reply: false,
            batch: 50,
            connect_timeout_ms: 5_000,
            timeout_ms: 30_000,
            retries: 3,
            backoff_ms: 1_000,
        }
    }
}

/// Reads `<data_dir>/lrs.ron` and the environment.
pub fn load(data_dir: &Path) -> Result<Settings, ConfigError> {
    load_with(data_dir, |k| std::env::var(k).ok())
}

/// [`load`] with the environment given as a function (for tests).
pub fn load_with(
    data_dir: &Path,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Settings, ConfigError> {
    let path = data_dir.join(LRS_FILE);
    let (file, present) = match read_file(&path)? {
        Some(f) => (f, true),
        None => (LrsFile::default(), false),
    };
    let from_file = path.display().to_string();
    let env = |k: &str| env(k).filter(|v| !v.trim().is_empty());
    let bad = |message: String| ConfigError::BadSetting {
        from: from_file.clone(),
        message,
    };

    let mut iri_base = if file.iri_base.trim().is_empty() {
        DEFAULT_IRI_BASE.to_owned()
    } else {
        check_url(&file.iri_base, &format!("{from_file} (iri_base)"))?
    };
    if !iri_base.ends_with('/') {
        iri_base.push('/');
    }
    let home_page = if file.home_page.trim().is_empty() {
        DEFAULT_HOME_PAGE.to_owned()
    } else {
        check_url(&file.home_page, &format!("{from_file} (home_page)"))?
    };
    let xapi = XapiSettings {
        iri_base,
        home_page,
        mbox: file.mbox.clone(),
        per_reply: file.per_reply,
    };

    let (url, url_from) = match env(URL_ENV) {
        Some(u) => (u, URL_ENV.to_owned()),
        None => (file.url.clone(), from_file.clone()),
    };
    let lrs = if url.trim().is_empty() {
        None
    } else {
        let mut url = check_url(&url, &url_from)?;
        if !url.ends_with('/') {
            url.push('/');
        }
        let user = env(USER_ENV).or_else(|| Some(file.user.clone()).filter(|u| !u.is_empty()));
        let password = env(PASSWORD_ENV)
            .or_else(|| Some(file.password.clone()).filter(|p| !p.is_empty()))
            .map(Secret);
        let batch = file.batch;
        if batch == 0 || batch > 1000 {
            return Err(bad(format!("batch is {batch}; use 1 to 1000")));
        }
        let ms = |v: u64, name: &str| match v {
            0 => Err(bad(format!("{name} must be more than 0"))),
            v => Ok(Duration::from_millis(v)),
        };
        Some(LrsConfig {
            url,
            user,
            password,
            batch,
            connect_timeout: ms(file.connect_timeout_ms, "connect_timeout_ms")?,
            timeout: ms(file.timeout_ms, "timeout_ms")?,
            retries: file.retries.min(10),
            backoff: Duration::from_millis(file.backoff_ms),
        })
    };
    Ok(Settings {
        xapi,
        lrs,
        file: present.then_some(path),
    })
}

/// Reads and parses the file; `None` if it does not exist.
fn read_file(path: &Path) -> Result<Option<LrsFile>, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(ConfigError::Read {
                path: path.to_owned(),
                source,
            });
        }
    };
    check_permissions(path)?;
    ron::from_str::<LrsFile>(&text)
        .map(Some)
        .map_err(|e| ConfigError::Parse {
            path: path.to_owned(),
            line: e.span.start.line,
            col: e.span.start.col,
            // The message names the field or token, never a value, so the
            // password cannot leak through it.
            message: e.code.to_string(),
        })
}

#[cfg(unix)]
fn check_permissions(path: &Path) -> Result<(), ConfigError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)
        .map_err(|source| ConfigError::Read {
            path: path.to_owned(),
            source,
        })?
        .permissions()
        .mode()
        & 0o7777;
    if mode & 0o077 != 0 {
        return Err(ConfigError::Unprotected {
            path: path.to_owned(),
            mode,
        });
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_permissions(_path: &Path) -> Result<(), ConfigError> {
    // Windows keeps a user's profile folder private by default.
    Ok(())
}

/// Checks an http(s) address and returns it trimmed. `from` names where
/// it came from for the message.
pub fn check_url(value: &str, from: &str) -> Result<String, ConfigError> {
    let v = value.trim();
    let shown = without_userinfo(v);
    let fail = |reason: &str| ConfigError::BadUrl {
        from: from.to_owned(),
        value: shown.clone(),
        reason: reason.to_owned(),
    };
    let lower = v.to_ascii_lowercase();
    let rest = if let Some(r) = lower.strip_prefix("https://") {
        r
    } else if let Some(r) = lower.strip_prefix("http://") {
        r
    } else {
        return Err(fail("it must start with https:// or http://"));
    };
    if v.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(fail("it contains spaces or control characters"));
    }
    let authority = rest.split('/').next().unwrap_or("");
    if authority.contains('@') {
        return Err(fail(
            "it contains a user name or password; set them as user and password (or HEADSET_LRS_USER and HEADSET_LRS_PASSWORD) instead",
        ));
    }
    let host = authority
        .rsplit_once(':')
        .filter(|(_, port)| !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()))
        .map_or(authority, |(h, _)| h);
    if host.is_empty() || host == "[]" {
        return Err(fail("it names no host"));
    }
    if rest.contains('?') || rest.contains('#') {
        return Err(fail(
            "it has a query or fragment (`?` or `#`); give only the base address",
        ));
    }
    match ureq::http::Uri::try_from(v) {
        Ok(u) if u.host().is_some() => Ok(v.to_owned()),
        Ok(_) => Err(fail("it names no host")),
        Err(e) => Err(fail(&e.to_string())),
    }
}

/// The address with any `user:password@` replaced by `…@`, for messages.
fn without_userinfo(v: &str) -> String {
    let (scheme, rest) = v.split_once("://").unwrap_or(("", v));
    let end = rest.find('/').unwrap_or(rest.len());
    match rest[..end].rfind('@') {
        Some(at) if !scheme.is_empty() => format!("{scheme}://…{}", &rest[at..]),
        Some(at) => format!("…{}", &rest[at..]),
        None => v.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, text: &str, mode: u32) {
        let p = dir.join(LRS_FILE);
        std::fs::write(&p, text).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
        }
        let _ = mode;
    }

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn no_file_and_no_environment_is_no_lrs() {
        let dir = tempfile::tempdir().unwrap();
        let s = load_with(dir.path(), no_env).unwrap();
        assert!(s.lrs.is_none());
        assert_eq!(s.xapi, XapiSettings::default());
    }

    #[test]
    fn the_file_is_read_and_the_environment_overrides_it() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            r#"(url: "https://lrs.example.com/xapi", user: "key", password: "hunter2",
               iri_base: "https://acme.example/training", mbox: {"Anna": "anna@acme.example"},
               per_reply: true, batch: 10, timeout_ms: 2000)"#,
            0o600,
        );
        let s = load_with(dir.path(), no_env).unwrap();
        let lrs = s.lrs.clone().unwrap();
        assert_eq!(lrs.url, "https://lrs.example.com/xapi/");
        assert_eq!(lrs.user.as_deref(), Some("key"));
        assert_eq!(lrs.password.as_ref().unwrap().expose(), "hunter2");
        assert_eq!(lrs.batch, 10);
        assert_eq!(lrs.timeout, Duration::from_secs(2));
        assert_eq!(lrs.connect_timeout, Duration::from_secs(5));
        assert_eq!(s.xapi.iri_base, "https://acme.example/training/");
        assert!(s.xapi.per_reply);
        let env = |k: &str| match k {
            URL_ENV => Some("http://127.0.0.1:9/".to_owned()),
            PASSWORD_ENV => Some("other".to_owned()),
            _ => None,
        };
        let lrs = load_with(dir.path(), env).unwrap().lrs.unwrap();
        assert_eq!(lrs.url, "http://127.0.0.1:9/");
        assert_eq!(lrs.user.as_deref(), Some("key"));
        assert_eq!(lrs.password.unwrap().expose(), "other");
    }

    #[test]
    fn the_password_never_shows_in_debug_output() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            r#"(url: "https://lrs.example.com/", user: "key", password: "hunter2")"#,
            0o600,
        );
        let s = load_with(dir.path(), no_env).unwrap();
        let shown = format!("{s:?} {:?}", s.lrs);
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("<redacted>"));
    }

    #[cfg(unix)]
    #[test]
    fn a_file_others_can_read_is_refused_with_the_fix() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            r#"(url: "https://lrs.example.com/", password: "hunter2")"#,
            0o644,
        );
        let e = load_with(dir.path(), no_env).unwrap_err().to_string();
        assert!(e.contains("lrs.ron"), "{e}");
        assert!(e.contains("chmod 600"), "{e}");
        assert!(e.contains("0644"), "{e}");
        assert!(!e.contains("hunter2"));
    }

    #[test]
    fn a_typo_names_the_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "(\n  url: \"https://lrs.example.com/\",\n  pasword: \"hunter2\",\n)",
            0o600,
        );
        let e = load_with(dir.path(), no_env).unwrap_err().to_string();
        assert!(e.contains("lrs.ron:3:"), "{e}");
        assert!(e.contains("pasword"), "{e}");
        assert!(!e.contains("hunter2"), "{e}");
    }

    #[test]
    fn malformed_addresses_say_what_a_valid_one_looks_like() {
        for (bad, why) in [
            ("lrs.example.com/xapi", "must start with https://"),
            ("ftp://lrs.example.com/", "must start with https://"),
            ("https://", "names no host"),
            ("https:///xapi", "names no host"),
            (
                "https://key:secret@lrs.example.com/",
                "user name or password",
            ),
            ("https://lrs example.com/", "spaces"),
            ("https://lrs.example.com/xapi?x=1", "query"),
            ("http://[::1/", ""),
        ] {
            let e = check_url(bad, URL_ENV).unwrap_err().to_string();
            assert!(e.contains(why), "{bad}: {e}");
            assert!(e.contains(URL_EXAMPLE), "{bad}: {e}");
            assert!(e.contains(URL_ENV), "{bad}: {e}");
            assert!(!e.contains("secret"), "{bad}: the password shows in {e}");
        }
        for good in [
            "https://lrs.example.com/xapi/",
            "http://127.0.0.1:8100/xAPI",
            "HTTPS://LRS.example.com",
            "http://[::1]:8080/",
        ] {
            assert!(check_url(good, URL_ENV).is_ok(), "{good}");
        }
    }

    #[test]
    fn out_of_range_settings_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            r#"(url: "https://lrs.example.com/", batch: 0)"#,
            0o600,
        );
        let e = load_with(dir.path(), no_env).unwrap_err().to_string();
        assert!(e.contains("batch is 0"), "{e}");
    }
}
