//! When each alerting scheme fires, on one timeline: a lane of incidents, then a lane per
//! scheme with its pages (filled) and tickets (outlined), each bar titled with what and
//! when. Drawn by the lane chart of `timeline_chart`.

use super::crosshair::Crosshair;
use super::palette::{PALETTE, THRESHOLD};
use super::timeline_chart::{lanes_frame, lanes_height, lanes_svg, Lane, LaneBar};
use super::PointableChart;
use crate::model::alert_lab::lab::AlertLab;
use crate::model::alert_lab::outcomes::Stretch;
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

/// The chart's height for `lab`, pixels (for its view box).
pub fn alert_lab_height(lab: &AlertLab) -> u32 {
    lanes_height(lab.outcomes.len() + 1).ceil() as u32
}

/// What a crosshair value on a lane says: each lane's value is its middle (lanes from the
/// bottom), moved a tenth up for a page and a tenth down for a ticket.
fn lane_text(value: f64) -> String {
    let part = value.fract();
    if part > 0.55 {
        "page".into()
    } else if part < 0.45 {
        "ticket".into()
    } else {
        "burning faster than 1×".into()
    }
}

/// The lab's chart with its crosshair: at each pixel column of the plot, which lanes hold
/// an incident, a page or a ticket in the minutes that column covers.
pub fn alert_lab_chart(lab: &AlertLab, id: &str, axis: &str, width: u32) -> PointableChart {
    let lanes = lab.outcomes.len() + 1;
    let frame = lanes_frame(width, lanes, lab.minutes);
    let columns = ((frame.x_px.1 - frame.x_px.0).max(1.0) as usize).min(lab.minutes.max(1));
    let span = |c: usize| {
        (
            c * lab.minutes / columns,
            ((c + 1) * lab.minutes / columns).max(c * lab.minutes / columns + 1),
        )
    };
    let overlaps = |stretches: &[Stretch], (a, b): (usize, usize)| {
        stretches.iter().any(|s| s.start < b && s.end > a)
    };
    let middle = |lane: usize| (lanes - 1 - lane) as f64 + 0.5;
    let incidents: Vec<Stretch> = lab
        .outcomes
        .first()
        .map(|o| o.incidents.iter().map(|i| i.incident).collect())
        .unwrap_or_default();
    let mut series = vec![(
        "Incidents".to_string(),
        (0..columns)
            .map(|c| {
                if overlaps(&incidents, span(c)) {
                    middle(0)
                } else {
                    f64::NAN
                }
            })
            .collect::<Vec<f64>>(),
    )];
    for (k, o) in lab.outcomes.iter().enumerate() {
        let values = (0..columns)
            .map(|c| {
                if overlaps(&o.pages, span(c)) {
                    middle(k + 1) + 0.1
                } else if overlaps(&o.tickets, span(c)) {
                    middle(k + 1) - 0.1
                } else {
                    f64::NAN
                }
            })
            .collect();
        series.push((o.rules.scheme.name().to_string(), values));
    }
    PointableChart {
        svg: alert_lab_svg(lab, id, axis, width),
        crosshair: Crosshair {
            frame,
            xs: (0..columns).map(|c| span(c).0 as f64).collect(),
            names: Vec::new(),
            series,
            x_text: |x| format_window_minute(x as usize),
            y_text: lane_text,
        },
    }
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
        // The crosshair at the outage (day 4, 00:00) reads every lane that fires there: a
        // pixel column of 10 days over 614 px covers 23 minutes, from 23:55.
        let chart = alert_lab_chart(&lab, "alert-lab-chart", "Day of the history", 760);
        let at = chart
            .crosshair
            .index_at_px(chart.crosshair.frame.x_to_px(3.0 * 1440.0 + 1.0))
            .unwrap();
        let reading = chart.crosshair.read(at).unwrap();
        assert!(
            reading.text.starts_with("Day 3, 23:55: "),
            "{}",
            reading.text
        );
        assert!(
            reading
                .text
                .contains("Incidents burning faster than 1×; This SLO's tiers page; Sloth page"),
            "{}",
            reading.text
        );
        // Dots sit in their lanes: the incident's on the first lane's middle row (8 + 15 px).
        assert_eq!(reading.dots[0], (0, 23.0));
        assert_eq!(alert_lab_height(&lab), 252);
    }
}
