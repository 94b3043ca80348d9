//! Dates for the history table and the CSV export, from Unix seconds,
//! without a date crate: the only calendar arithmetic needed is turning a
//! day count into a year, month and day (Howard Hinnant's `civil_from_days`,
//! exact for the proleptic Gregorian calendar).

/// The (year, month 1–12, day 1–31) of a day count since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097; // day of the 400-year era, 0..=146096
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // 0..=399
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // 0..=365, from 1 March
    let mp = (5 * doy + 2) / 153; // month from March, 0..=11
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month as u32, day as u32)
}

fn parts(unix_secs: u64) -> (i64, u32, u32, u64, u64, u64) {
    let days = (unix_secs / 86_400) as i64;
    let rest = unix_secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    (y, m, d, rest / 3600, rest / 60 % 60, rest % 60)
}

/// ISO 8601 in UTC, to the second: `2000-02-29T00:00:00Z`.
pub fn iso8601(unix_secs: u64) -> String {
    let (y, mo, d, h, mi, s) = parts(unix_secs);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// A short UTC date and time for tables: `2000-02-29 00:00`.
pub fn short_utc(unix_secs: u64) -> String {
    let (y, mo, d, h, mi, _) = parts(unix_secs);
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso8601(951_868_799), "2000-02-29T23:59:59Z");
        assert_eq!(iso8601(951_868_800), "2000-03-01T00:00:00Z");
        assert_eq!(iso8601(1_234_567_890), "2009-02-13T23:31:30Z");
        assert_eq!(iso8601(4_107_542_400), "2100-03-01T00:00:00Z"); // 2100 is no leap year
        assert_eq!(short_utc(1_700_000_000), "2023-11-14 22:13");
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn every_day_follows_the_previous_one() {
        // Walk 1970..2200 day by day and check the calendar rules directly.
        let leap = |y: i64| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let mut prev = civil_from_days(0);
        assert_eq!(prev, (1970, 1, 1));
        for day in 1..84_000 {
            let (y, m, d) = civil_from_days(day);
            let (py, pm, pd) = prev;
            let month_len = match pm {
                2 if leap(py) => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            let expected = if pd < month_len {
                (py, pm, pd + 1)
            } else if pm < 12 {
                (py, pm + 1, 1)
            } else {
                (py + 1, 1, 1)
            };
            assert_eq!((y, m, d), expected, "day {day}");
            prev = (y, m, d);
        }
    }
}
