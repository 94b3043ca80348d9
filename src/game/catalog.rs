//! The library's rows and filters, without Bevy: which scenarios a trainee
//! sees, in which order.

use crate::scenario::{Archetype, Channel, Scenario};

/// What the library shows about one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub language: String,
    pub channel: Channel,
    pub archetype: Archetype,
    pub difficulty: u8,
    pub goals: Vec<String>,
    /// The file, for trainers.
    pub file: String,
}

impl Item {
    /// The row for a loaded scenario.
    pub fn from_scenario(s: &Scenario, file: String) -> Item {
        Item {
            id: s.id.clone(),
            title: s.title.clone(),
            summary: s.summary.clone(),
            language: s.language.clone(),
            channel: s.channel,
            archetype: s.archetype,
            difficulty: s.difficulty,
            goals: s.goals.clone(),
            file,
        }
    }
}

/// The library's filters; `None` means any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub archetype: Option<Archetype>,
    pub channel: Option<Channel>,
    pub language: Option<String>,
    pub difficulty: Option<u8>,
}

/// Every scenario language, in menu order.
pub const LANGUAGES: [&str; 3] = ["en", "de", "nl"];
/// Every difficulty.
pub const DIFFICULTIES: [u8; 3] = [1, 2, 3];

/// The next value of a filter: any, then each option, then any again.
pub fn cycle<T: Clone + PartialEq>(current: &Option<T>, options: &[T]) -> Option<T> {
    match current {
        None => options.first().cloned(),
        Some(c) => {
            let i = options.iter().position(|o| o == c);
            i.and_then(|i| options.get(i + 1)).cloned()
        }
    }
}

impl Filters {
    /// Whether an item passes every filter.
    pub fn accepts(&self, item: &Item) -> bool {
        self.archetype.is_none_or(|a| a == item.archetype)
            && self.channel.is_none_or(|c| c == item.channel)
            && self.language.as_ref().is_none_or(|l| *l == item.language)
            && self.difficulty.is_none_or(|d| d == item.difficulty)
    }
}

/// Indices of the items to show: those the filters accept, the trainee's
/// language first, then easier first, then by title.
pub fn visible(items: &[Item], filters: &Filters, lang: &str) -> Vec<usize> {
    let mut out: Vec<usize> = (0..items.len())
        .filter(|&i| filters.accepts(&items[i]))
        .collect();
    out.sort_by(|&a, &b| {
        let (x, y) = (&items[a], &items[b]);
        (x.language != lang, x.difficulty, &x.title).cmp(&(
            y.language != lang,
            y.difficulty,
            &y.title,
        ))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(title: &str, lang: &str, archetype: Archetype, difficulty: u8) -> Item {
        Item {
            id: title.to_lowercase(),
            title: title.into(),
            summary: String::new(),
            language: lang.into(),
            channel: Channel::Phone,
            archetype,
            difficulty,
            goals: vec![],
            file: format!("{title}.ron"),
        }
    }

    #[test]
    fn the_trainees_language_comes_first_then_easy_before_hard() {
        let items = vec![
            item("Zebra", "en", Archetype::Calm, 1),
            item("Anruf", "de", Archetype::Calm, 1),
            item("Hard", "de", Archetype::Angry, 3),
            item("Easy", "de", Archetype::Angry, 1),
        ];
        let order: Vec<&str> = visible(&items, &Filters::default(), "de")
            .into_iter()
            .map(|i| items[i].title.as_str())
            .collect();
        assert_eq!(order, ["Anruf", "Easy", "Hard", "Zebra"]);
        let angry = Filters {
            archetype: Some(Archetype::Angry),
            difficulty: Some(3),
            ..Filters::default()
        };
        assert_eq!(visible(&items, &angry, "de"), [2]);
    }

    #[test]
    fn cycling_a_filter_visits_every_option_and_returns_to_any() {
        let mut f = None;
        let mut seen = vec![];
        for _ in 0..5 {
            f = cycle(&f, &Archetype::ALL);
            seen.push(f);
        }
        assert_eq!(seen[0], Some(Archetype::Calm));
        assert_eq!(seen[3], Some(Archetype::Grieving));
        assert_eq!(seen[4], None);
    }
}
