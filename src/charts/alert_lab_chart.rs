//! When each alerting scheme fires, on one timeline: a lane of incidents, then a lane per
//! scheme with its pages (filled) and tickets (outlined), each bar titled with what and
//! when. Drawn by the lane chart of `timeline_chart`.

use super::palette::{PALETTE, THRESHOLD};
use super::timeline_chart::{lanes_svg, Lane, LaneBar};
use crate::model::alert_lab::lab::AlertLab;
use crate::model::alert_lab::schemes::window_words;
use crate::model::scenario::fields::format_window_minute;

/// The lab's lanes and bars: incidents first, then each scheme in the table's order.
pub fn alert_lab_lanes(lab: &AlertLab) -> (Vec<Lane>, Vec<LaneBar>) {
    let mut lanes = vec![Lane {
        name: "Incidents".into(),
        color: PALETTE[0],
    }];
    let mut bars = Vec::new();
    if let Some(first) = lab.outcomes.first() {
        bars.extend(first.incidents.iter().map(|i| LaneBar {
            lane: 0,
            start: i.incident.start,
            end: i.incident.end,
            hollow: false,
            tooltip: format!(
                "Incident: {} for {}",
                format_window_minute(i.incident.start),
                window_words(i.incident.minutes())
            ),
        }));
    }
    for (k, outcome) in lab.outcomes.iter().enumerate() {
        let name = outcome.rules.scheme.name();
        lanes.push(Lane {
            name: name.into(),
            color: THRESHOLD,
        });
        for (stretches, hollow, what) in [
            (&outcome.pages, false, "page"),
            (&outcome.tickets, true, "ticket"),
        ] {
            bars.extend(stretches.iter().map(|s| LaneBar {
                lane: k + 1,
                start: s.start,
                end: s.end,
                hollow,
                tooltip: format!(
                    "{name}: {what} from {} for {}",
                    format_window_minute(s.start),
                    window_words(s.minutes())
                ),
            }));
        }
    }
    (lanes, bars)
}

/// The lab's chart as an accessible SVG document with the id `id`, `width` pixels wide;
/// `axis` names the time axis ("Day of the window", "Day of the history").
pub fn alert_lab_svg(lab: &AlertLab, id: &str, axis: &str, width: u32) -> String {
    let (lanes, bars) = alert_lab_lanes(lab);
    let description = lab
        .outcomes
        .iter()
        .map(|o| o.sentence())
        .collect::<Vec<_>>()
        .join(" ");
    lanes_svg(
        &lanes,
        &bars,
        lab.minutes,
        ("When each alerting scheme fires", &description),
        (id, axis),
        width,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::alert_lab::evaluate::Minutes;
    use crate::model::alert_lab::lab::run_lab;
    use crate::model::alert_lab::outcomes::LabSlo;
    use crate::model::slo::budget::default_alert_tiers;

    #[test]
    fn a_lane_per_scheme_under_the_incidents() {
        // 10 days at 100 events a minute, a 30-minute full outage on day 3.
        let n = 10 * 1440;
        let mut good = vec![100.0; n];
        for g in &mut good[3 * 1440..3 * 1440 + 30] {
            *g = 0.0;
        }
        let minutes = Minutes {
            good,
            total: vec![100.0; n],
        };
        let tiers = default_alert_tiers(30);
        let slo = LabSlo {
            target_percent: 99.9,
            window_days: 30,
            tiers: &tiers,
        };
        let lab = run_lab(&minutes, slo, true);
        let svg = alert_lab_svg(&lab, "alert-lab-chart", "Day of the history", 760);
        assert!(svg.starts_with("<svg role=\"img\""));
        for name in [
            "Incidents",
            "This SLO&#39;s tiers",
            "Sloth",
            "Pyrra",
            "Grafana SLO",
            "Datadog",
            "slo-generator",
        ] {
            assert!(svg.contains(&format!(">{name}</text>")), "{name}");
        }
        assert!(
            svg.contains("<title>Incident: Day 4, 00:00 for 30 min</title>"),
            "{svg}"
        );
        assert!(svg.contains("<title>Sloth: page from Day 4, 00:00 for"));
        assert!(svg.contains(">Day of the history</text>"));
    }
}
