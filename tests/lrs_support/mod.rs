//! A real learning record store for the `lrs_*` tests: the Ralph LRS
//! (`ralph-malph[lrs,cli]==5.1.0`, installed by scripts/test.sh in a
//! virtual environment), started on a free loopback port with its file
//! system backend, stopped and started again at will, and read back.
//!
//! `HEADSET_RALPH` names the `ralph` executable. Without it the tests
//! print that they are skipped, unless `HEADSET_REQUIRE_LRS=1` (set by
//! scripts/test.sh), when they fail.
//!
//! Ralph serves the xAPI under `/xAPI/`: the LRS address Headset is given
//! is `http://127.0.0.1:<port>/xAPI/` and it adds `statements`.
#![allow(dead_code)]

use std::fs;
use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// The user the tests create in Ralph.
pub const USER: &str = "headset-tests";
/// Its password (never expected in Headset's output).
pub const PASSWORD: &str = "correct-horse-battery-staple";

/// The `ralph` executable, or `None` (test skipped) when it is not set.
pub fn ralph_or_skip(test: &str) -> Option<PathBuf> {
    match std::env::var_os("HEADSET_RALPH").filter(|v| !v.is_empty()) {
        Some(p) => Some(PathBuf::from(p)),
        None if std::env::var("HEADSET_REQUIRE_LRS").as_deref() == Ok("1") => panic!(
            "{test}: HEADSET_REQUIRE_LRS=1 but HEADSET_RALPH is not set; scripts/test.sh installs Ralph and sets it"
        ),
        None => {
            eprintln!("{test}: skipped: set HEADSET_RALPH (scripts/test.sh does)");
            None
        }
    }
}

/// Ralph 5.1.0's file system backend writes every request with the
/// `create` operation, which refuses an existing file: the first write
/// creates `fs_lrs.jsonl` and every later one fails with HTTP 500
/// ("Statement indexation failed"). An LRS must append, so the server
/// process (only it, through `PYTHONPATH`) gets this one-line fix.
const FS_APPEND_FIX: &str = "\
# Loaded by Python at start-up (PYTHONPATH) in the test LRS only.
try:
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.lrs.fs import FSLRSBackend
    FSLRSBackend.default_operation_type = BaseOperationType.APPEND
except Exception:  # not Ralph, or a version without the bug
    pass
";

/// A running (or stopped) Ralph LRS with its own folder, user and port.
pub struct Ralph {
    bin: PathBuf,
    root: tempfile::TempDir,
    port: u16,
    child: Option<Child>,
    starts: u32,
}

impl Ralph {
    /// Creates the user and starts the server; waits until it answers.
    pub fn start(bin: &Path) -> Ralph {
        let root = tempfile::tempdir().expect("a temporary folder");
        for d in ["app", "data", "cwd", "shim"] {
            fs::create_dir_all(root.path().join(d)).unwrap();
        }
        fs::write(root.path().join("shim/sitecustomize.py"), FS_APPEND_FIX).unwrap();
        let out = Command::new(bin)
            .args(["auth", "-u", USER, "-p", PASSWORD, "-s", "all"])
            .args(["-M", "mailto:headset-tests@example.org", "-w"])
            .env("RALPH_APP_DIR", root.path().join("app"))
            // `ralph auth` loads the server settings, whose default
            // backend (Elasticsearch) is not installed.
            .env("RALPH_RUNSERVER_BACKEND", "fs")
            .current_dir(root.path().join("cwd"))
            .output()
            .expect("ralph auth runs");
        assert!(
            out.status.success(),
            "ralph auth failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut r = Ralph {
            bin: bin.to_owned(),
            root,
            port: free_port(),
            child: None,
            starts: 0,
        };
        r.spawn();
        r
    }

    fn spawn(&mut self) {
        use std::os::unix::process::CommandExt;
        self.starts += 1;
        let log =
            fs::File::create(self.root.path().join(format!("server-{}.log", self.starts))).unwrap();
        let child = Command::new(&self.bin)
            .args(["runserver", "-b", "fs", "-h", "127.0.0.1"])
            .args(["-p", &self.port.to_string()])
            .arg("--fs-default-directory-path")
            .arg(self.root.path().join("data"))
            .env("RALPH_APP_DIR", self.root.path().join("app"))
            .env("PYTHONPATH", self.root.path().join("shim"))
            .env("PYTHONDONTWRITEBYTECODE", "1")
            // The development server watches its working folder for code
            // changes: give it an empty one.
            .current_dir(self.root.path().join("cwd"))
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            // Its own process group: the server runs a reloader and a
            // worker process, and `stop` ends both.
            .process_group(0)
            .spawn()
            .expect("ralph runserver starts");
        self.child = Some(child);
        self.wait_ready();
    }

    fn wait_ready(&mut self) {
        let until = Instant::now() + Duration::from_secs(90);
        let url = format!("http://127.0.0.1:{}/__heartbeat__", self.port);
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(2)))
            .build()
            .into();
        loop {
            if agent.get(&url).call().is_ok_and(|r| r.status() == 200) {
                return;
            }
            if let Some(c) = self.child.as_mut()
                && let Ok(Some(status)) = c.try_wait()
            {
                panic!("ralph runserver exited ({status}):\n{}", self.log());
            }
            assert!(
                Instant::now() < until,
                "ralph did not answer within 90 s:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// The server's log so far.
    pub fn log(&self) -> String {
        fs::read_to_string(self.root.path().join(format!("server-{}.log", self.starts)))
            .unwrap_or_default()
    }

    /// The LRS address to give Headset.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI/", self.port)
    }

    /// Stops the server (its whole process group) and waits for it.
    pub fn stop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        let group = format!("-{}", child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let until = Instant::now() + Duration::from_secs(15);
        while Instant::now() < until {
            if let Ok(Some(_)) = child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = child.wait();
        // The port must be free again (the worker closes it last).
        let until = Instant::now() + Duration::from_secs(15);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok()
            && Instant::now() < until
        {
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Starts the stopped server again, same port, same data.
    pub fn restart(&mut self) {
        self.stop();
        self.spawn();
    }

    /// Every statement Ralph stored, read from its file: the exact count,
    /// duplicates included.
    pub fn stored(&self) -> Vec<Value> {
        let path = self.root.path().join("data/fs_lrs.jsonl");
        fs::read_to_string(path)
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).expect("Ralph stores JSON lines"))
            .collect()
    }

    /// How many statements are stored so far (cheap: counts lines).
    pub fn stored_count(&self) -> usize {
        fs::read(self.root.path().join("data/fs_lrs.jsonl"))
            .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
    }

    /// `GET /xAPI/statements?<query>` with the test user: the statements.
    pub fn get(&self, query: &str) -> Vec<Value> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into();
        let auth = headset::report::lrs::base64(format!("{USER}:{PASSWORD}").as_bytes());
        let mut resp = agent
            .get(format!("{}statements?{query}", self.url()))
            .header("X-Experience-API-Version", "1.0.3")
            .header("Authorization", format!("Basic {auth}"))
            .call()
            .expect("GET statements");
        assert_eq!(resp.status(), 200);
        let text = resp.body_mut().read_to_string().expect("an answer");
        let body: Value = serde_json::from_str(&text).expect("a JSON answer");
        body["statements"].as_array().cloned().unwrap_or_default()
    }
}

impl Drop for Ralph {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A port nothing listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// Writes `<data>/lrs.ron` (permissions 0600) with the given fields.
pub fn write_settings(data: &Path, fields: &str) {
    use std::os::unix::fs::PermissionsExt;
    let path = data.join("lrs.ron");
    let mut f = fs::File::create(&path).unwrap();
    writeln!(f, "({fields})").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
}

/// The settings of a test: the LRS, the test user, short waits.
pub fn settings_for(url: &str, password: &str, extra: &str) -> String {
    format!(
        r#"url: "{url}", user: "{USER}", password: "{password}", retries: 2, backoff_ms: 100, {extra}"#
    )
}

/// Runs `headset` with `args` on a data folder, without any LRS variable
/// from the environment.
pub fn headset(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_headset"))
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .env("NO_COLOR", "1")
        .env_remove("HEADSET_DATA_DIR")
        .env_remove("HEADSET_LRS_URL")
        .env_remove("HEADSET_LRS_USER")
        .env_remove("HEADSET_LRS_PASSWORD")
        .output()
        .expect("the binary runs")
}

/// `headset sync` on `data` with the LRS settings of `lrs.ron` only (none
/// from the environment), to be spawned and watched while it runs.
pub fn sync_command(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_headset"));
    c.args(["sync", "--data-dir"])
        .arg(data)
        .env_remove("HEADSET_LRS_URL")
        .env_remove("HEADSET_LRS_USER")
        .env_remove("HEADSET_LRS_PASSWORD");
    c
}

/// Standard output and error as text.
pub fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// One request the fake LRS received.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Received {
    /// A header's value (name in any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// How many statements the body holds (an array or one).
    pub fn statements(&self) -> usize {
        match serde_json::from_str::<Value>(&self.body) {
            Ok(Value::Array(a)) => a.len(),
            Ok(_) => 1,
            Err(_) => 0,
        }
    }
}

/// A minimal HTTP/1.1 server on a loopback port that answers every
/// request with what `answer` says, and keeps what it received: for the
/// answers a real LRS is hard to make give (a 400 with a JSON body, a 409
/// for a batch, silence).
pub struct FakeLrs {
    pub port: u16,
    pub received: std::sync::Arc<std::sync::Mutex<Vec<Received>>>,
}

/// What the fake LRS does with a request.
pub enum Answer {
    /// Status and JSON body.
    Reply(u16, String),
    /// Reads the request and never answers (a hung LRS).
    Silence,
}

impl FakeLrs {
    pub fn start(answer: impl Fn(&Received) -> Answer + Send + Sync + 'static) -> FakeLrs {
        use std::io::{BufRead, BufReader, Read};
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let received = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let log = received.clone();
        let answer = std::sync::Arc::new(answer);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let log = log.clone();
                let answer = answer.clone();
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(stream.try_clone().unwrap());
                    let mut out = stream;
                    loop {
                        let mut line = String::new();
                        if reader.read_line(&mut line).unwrap_or(0) == 0 {
                            return;
                        }
                        let mut parts = line.split_whitespace();
                        let method = parts.next().unwrap_or("").to_owned();
                        let target = parts.next().unwrap_or("").to_owned();
                        let mut headers = Vec::new();
                        loop {
                            let mut h = String::new();
                            if reader.read_line(&mut h).unwrap_or(0) == 0 {
                                return;
                            }
                            let h = h.trim_end();
                            if h.is_empty() {
                                break;
                            }
                            if let Some((k, v)) = h.split_once(':') {
                                headers.push((k.trim().to_owned(), v.trim().to_owned()));
                            }
                        }
                        let len = headers
                            .iter()
                            .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
                            .and_then(|(_, v)| v.parse().ok())
                            .unwrap_or(0usize);
                        let mut body = vec![0; len];
                        if reader.read_exact(&mut body).is_err() {
                            return;
                        }
                        let req = Received {
                            method,
                            target,
                            headers,
                            body: String::from_utf8_lossy(&body).into_owned(),
                        };
                        let a = answer(&req);
                        log.lock().unwrap().push(req);
                        match a {
                            Answer::Silence => {
                                std::thread::sleep(Duration::from_secs(600));
                                return;
                            }
                            Answer::Reply(status, body) => {
                                let head = format!(
                                    "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                                    body.len()
                                );
                                if out.write_all(head.as_bytes()).is_err()
                                    || out.write_all(body.as_bytes()).is_err()
                                {
                                    return;
                                }
                            }
                        }
                    }
                });
            }
        });
        FakeLrs { port, received }
    }

    /// The address to give Headset.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/xapi/", self.port)
    }

    /// Everything received so far.
    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}
