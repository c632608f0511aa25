//! Text whose dates never break across lines: a browser may wrap "2026-12-18" after a
//! hyphen, which in a narrow column (the report's Due, a target "level 3 by 2027-06-30")
//! reads as two numbers.

use leptos::prelude::*;

use crate::model::plan::calendar::parse_date;

/// `text` split into runs, each with whether it is a date (YYYY-MM-DD, a real one).
pub fn date_runs(text: &str) -> Vec<(&str, bool)> {
    let bytes = text.as_bytes();
    let is_date = |at: usize| text.get(at..at + 10).and_then(parse_date).is_some();
    let mut runs = Vec::new();
    let (mut start, mut at) = (0, 0);
    while at < bytes.len() {
        if is_date(at) {
            if start < at {
                runs.push((&text[start..at], false));
            }
            runs.push((&text[at..at + 10], true));
            at += 10;
            start = at;
        } else {
            at += 1;
        }
    }
    if start < bytes.len() {
        runs.push((&text[start..], false));
    }
    runs
}

/// `text` with each date in an unbreakable span (class `nowrap`).
pub fn whole_dates(text: &str) -> impl IntoView {
    date_runs(text)
        .into_iter()
        .map(|(run, date)| {
            if date {
                view! { <span class="nowrap">{run.to_string()}</span> }.into_any()
            } else {
                run.to_string().into_any()
            }
        })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::date_runs;

    #[test]
    fn dates_are_runs_of_their_own_and_the_rest_is_kept() {
        assert_eq!(date_runs("2026-12-18"), [("2026-12-18", true)]);
        assert_eq!(
            date_runs("level 3 by 2027-06-30"),
            [("level 3 by ", false), ("2027-06-30", true)]
        );
        assert_eq!(
            date_runs("2026-03-02 08:00 UTC – 2026-09-14!"),
            [
                ("2026-03-02", true),
                (" 08:00 UTC – ", false),
                ("2026-09-14", true),
                ("!", false)
            ]
        );
        assert_eq!(
            date_runs("Q3 2026 (2026-9-14)"),
            [("Q3 2026 (2026-9-14)", false)]
        );
        assert_eq!(date_runs("due 2026-13-45"), [("due 2026-13-45", false)]);
        assert_eq!(date_runs(""), []);
        assert_eq!(date_runs("€ 2026-12-1"), [("€ 2026-12-1", false)]);
    }
}
