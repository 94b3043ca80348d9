//! The interface in English, German and Dutch, with Project Fluent.
//!
//! Strings live in `assets/i18n/*.ftl`, compiled into the binary so the game
//! starts without looking for files; a test keeps the three files in step.

use bevy::prelude::*;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// An interface language.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    #[default]
    En,
    De,
    Nl,
}

impl Lang {
    /// All languages, in menu order.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::De, Lang::Nl];

    /// The code scenarios use ("en", "de", "nl").
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Nl => "nl",
        }
    }

    /// The language for a scenario code, if it is one of ours.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("../../assets/i18n/en.ftl"),
            Lang::De => include_str!("../../assets/i18n/de.ftl"),
            Lang::Nl => include_str!("../../assets/i18n/nl.ftl"),
        }
    }
}

/// The translations of every language, and the one in use.
#[derive(Resource)]
pub struct Tr {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
    /// The language the interface speaks now.
    pub lang: Lang,
}

impl Tr {
    /// Loads all three languages. The files are part of the binary, so a
    /// failure here is a build mistake the i18n test catches first.
    pub fn new(lang: Lang) -> Tr {
        let bundles = Lang::ALL
            .into_iter()
            .map(|l| {
                let id: LanguageIdentifier = l.code().parse().unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                // Unicode isolation marks show up as boxes in egui's fonts.
                bundle.set_use_isolating(false);
                let res =
                    FluentResource::try_new(l.source().to_owned()).unwrap_or_else(|(res, _)| res);
                let _ = bundle.add_resource(res);
                (l, bundle)
            })
            .collect();
        Tr { bundles, lang }
    }

    /// The string for `key` in the current language (English, then the key itself, as fallbacks).
    pub fn t(&self, key: &str) -> String {
        self.f(key, &[])
    }

    /// The string for `key` with variables.
    pub fn f(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, FluentValue::from(*v));
        }
        for lang in [self.lang, Lang::En] {
            let Some((_, bundle)) = self.bundles.iter().find(|(l, _)| *l == lang) else {
                continue;
            };
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, Some(&fargs), &mut errors)
                    .into_owned();
            }
        }
        key.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_formats_with_variables() {
        for lang in Lang::ALL {
            let tr = Tr::new(lang);
            let s = tr.f("call-speaking", &[("name", "Mr Keller")]);
            assert!(s.contains("Mr Keller"), "{lang:?}: {s}");
            assert_ne!(
                tr.t("profile-start"),
                "profile-start",
                "{lang:?} has the key"
            );
        }
        assert_eq!(Tr::new(Lang::En).t("no-such-key"), "no-such-key");
    }
}
