//! The trainee's preferences: name, interface language, text size, how
//! fast the customer speaks and how fast the trainee reads. Saved on this
//! computer, crash-safely.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::i18n::Lang;
use crate::sim::Options;

/// How large the whole interface is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TextSize {
    Small,
    #[default]
    Normal,
    Large,
    Larger,
}

impl TextSize {
    /// In menu order.
    pub const ALL: [TextSize; 4] = [
        TextSize::Small,
        TextSize::Normal,
        TextSize::Large,
        TextSize::Larger,
    ];

    /// egui's zoom factor: scales text, spacing and widgets together, so a
    /// larger size never cuts anything off.
    pub fn zoom(self) -> f32 {
        match self {
            TextSize::Small => 0.9,
            TextSize::Normal => 1.0,
            TextSize::Large => 1.25,
            TextSize::Larger => 1.5,
        }
    }

    /// The translation key of its name.
    pub fn key(self) -> &'static str {
        match self {
            TextSize::Small => "text-size-small",
            TextSize::Normal => "text-size-normal",
            TextSize::Large => "text-size-large",
            TextSize::Larger => "text-size-larger",
        }
    }
}

/// How fast the customer speaks, or whether time runs at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Timers {
    Slow,
    #[default]
    Normal,
    /// Lines arrive when the trainee presses Space; silence costs nothing.
    Off,
}

impl Timers {
    /// In menu order.
    pub const ALL: [Timers; 3] = [Timers::Slow, Timers::Normal, Timers::Off];

    /// The translation key of its name.
    pub fn key(self) -> &'static str {
        match self {
            Timers::Slow => "timers-slow",
            Timers::Normal => "timers-normal",
            Timers::Off => "timers-off",
        }
    }
}

/// How fast the trainee reads: silence after the customer has finished
/// costs Patience only after time to read the replies on offer at this
/// speed (with the customer speed "Off" silence costs nothing anyway).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ReadingSpeed {
    /// 200 words per minute.
    #[default]
    Normal,
    /// 120 words per minute: for trainees who read slowly, or in a second
    /// language.
    Slow,
}

impl ReadingSpeed {
    /// In menu order.
    pub const ALL: [ReadingSpeed; 2] = [ReadingSpeed::Normal, ReadingSpeed::Slow];

    /// Words per minute, as the engine's reading allowance takes it.
    pub fn wpm(self) -> u32 {
        match self {
            ReadingSpeed::Normal => crate::sim::pace::READING_WPM_NORMAL,
            ReadingSpeed::Slow => crate::sim::pace::READING_WPM_SLOW,
        }
    }

    /// The translation key of its name (which takes `$wpm`).
    pub fn key(self) -> &'static str {
        match self {
            ReadingSpeed::Normal => "reading-normal",
            ReadingSpeed::Slow => "reading-slow",
        }
    }
}

/// What the trainee chose on the profile and settings screens.
#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub name: String,
    pub lang: Lang,
    pub text_size: TextSize,
    pub timers: Timers,
    /// Missing in settings files from before the setting existed: those
    /// load with the normal speed.
    #[serde(default)]
    pub reading: ReadingSpeed,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            name: String::new(),
            lang: Lang::En,
            text_size: TextSize::Normal,
            timers: Timers::Normal,
            reading: ReadingSpeed::Normal,
        }
    }
}

impl Settings {
    /// The engine options these settings ask for.
    pub fn options(&self) -> Options {
        Options {
            pace: if self.timers == Timers::Slow {
                0.6
            } else {
                1.0
            },
            timers: self.timers != Timers::Off,
            agent_name: if self.name.trim().is_empty() {
                Options::default().agent_name
            } else {
                self.name.trim().to_owned()
            },
            reading_wpm: self.reading.wpm(),
            history: true,
        }
    }
}

/// Where settings live and what happened when they were read or written.
#[derive(Resource, Debug, Clone, Default)]
pub struct SettingsFile {
    /// `settings.ron` in the data folder.
    pub path: PathBuf,
    /// The last problem, shown on the profile and settings screens.
    pub problem: Option<String>,
}

/// Reads settings. A damaged file is not overwritten silently: it is kept
/// beside as `settings.ron.damaged` the first time settings are saved, and
/// the problem names the file, line and column.
pub fn load(path: &Path) -> (Settings, Option<String>) {
    match std::fs::read_to_string(path) {
        Ok(text) => match ron::from_str::<Settings>(&text) {
            Ok(s) => (s, None),
            Err(e) => (
                Settings::default(),
                Some(format!(
                    "{}:{}:{}: {} (defaults are used; the file is kept as {}.damaged when you save)",
                    path.display(),
                    e.span.start.line,
                    e.span.start.col,
                    e.code,
                    path.display()
                )),
            ),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Settings::default(), None),
        Err(e) => (
            Settings::default(),
            Some(format!("{}: {e}", path.display())),
        ),
    }
}

/// Writes settings crash-safely; on failure the message says where and why.
pub fn save(path: &Path, settings: &Settings) -> Result<(), String> {
    if let Ok(old) = std::fs::read_to_string(path)
        && ron::from_str::<Settings>(&old).is_err()
    {
        let keep = path.with_extension("ron.damaged");
        if !keep.exists() {
            let _ = std::fs::copy(path, &keep);
        }
    }
    let text = ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::default())
        .map_err(|e| e.to_string())?;
    crate::store::write_atomic(path, text.as_bytes())
        .map_err(|e| format!("could not save {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_survive_a_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("settings.ron");
        let s = Settings {
            name: "Sam".into(),
            lang: Lang::Nl,
            text_size: TextSize::Large,
            timers: Timers::Off,
            reading: ReadingSpeed::Slow,
        };
        save(&p, &s).unwrap();
        assert_eq!(load(&p), (s, None));
    }

    #[test]
    fn a_settings_file_from_before_the_reading_speed_loads_with_the_normal_speed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("settings.ron");
        std::fs::write(
            &p,
            "(name: \"Sam\", lang: De, text_size: Larger, timers: Off)",
        )
        .unwrap();
        let (s, problem) = load(&p);
        assert_eq!(problem, None);
        assert_eq!((s.name.as_str(), s.lang), ("Sam", Lang::De));
        assert_eq!(s.text_size, TextSize::Larger);
        assert_eq!(s.reading, ReadingSpeed::Normal);
        assert_eq!(
            s.options().reading_wpm,
            crate::sim::pace::READING_WPM_NORMAL
        );
    }

    #[test]
    fn a_damaged_file_is_reported_with_its_position_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("settings.ron");
        std::fs::write(&p, "(name: \"Sam\",\n lang: Klingon)").unwrap();
        let (s, problem) = load(&p);
        assert_eq!(s, Settings::default());
        let problem = problem.unwrap();
        assert!(problem.contains("settings.ron:2:"), "{problem}");
        save(&p, &s).unwrap();
        let kept = std::fs::read_to_string(dir.path().join("settings.ron.damaged")).unwrap();
        assert!(kept.contains("Klingon"));
    }

    #[test]
    fn timers_off_and_slow_reach_the_engine() {
        let mut s = Settings::default();
        assert!(s.options().timers);
        s.timers = Timers::Off;
        assert!(!s.options().timers);
        s.timers = Timers::Slow;
        assert!(s.options().pace < 1.0);
        s.name = " Sam ".into();
        assert_eq!(s.options().agent_name, "Sam");
    }

    #[test]
    fn the_reading_speed_reaches_the_engine() {
        let mut s = Settings::default();
        assert_eq!(
            s.options().reading_wpm,
            crate::sim::pace::READING_WPM_NORMAL
        );
        s.reading = ReadingSpeed::Slow;
        assert_eq!(s.options().reading_wpm, crate::sim::pace::READING_WPM_SLOW);
        assert_eq!(s.options().reading_wpm, 120);
    }
}
