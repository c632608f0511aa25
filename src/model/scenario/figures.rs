//! What the scenario workspace shows, as display text: the comparison table, the incident
//! and alert timeline, Monte Carlo odds in words and the histogram of budget left.

use crate::model::plan::ids::ById;
use crate::model::plan::validate::validate;
use crate::model::plan::{Id, Plan, Scenario, Slo};
use crate::model::scenario::extent::{max_of, min_of};
use crate::model::scenario::fields::format_window_minute;
use crate::model::scenario::monte_carlo::MonteCarlo;
use crate::model::scenario::simulation::{failed_release_minutes, Simulation};
use crate::model::slo::budget::{
    format_count, format_duration, format_percent, AlertSeverity, BurnRateRule, ErrorBudget,
};
use crate::model::slo::figures::{amount_of, count_of, format_number};

/// An alert rule as people name it: "Page: 14.4× over 1 h and 5 min".
pub fn rule_label(rule: &BurnRateRule) -> String {
    let severity = match rule.severity {
        AlertSeverity::Page => "Page",
        AlertSeverity::Ticket => "Ticket",
    };
    format!(
        "{severity}: {}× over {} and {}",
        format_number(rule.threshold, 2),
        format_duration(rule.long_minutes),
        format_duration(rule.short_minutes)
    )
}

/// One scenario's column of the comparison table.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonRow {
    /// Scenario name.
    pub name: String,
    /// Target played, with "(override)" when the scenario changes it.
    pub target: String,
    /// Budget left at the end: "62.4 % (27 min left)" or "Overspent by 12 %".
    pub left_at_end: String,
    /// When the budget runs out, or "Not exhausted".
    pub exhausted: String,
    /// Pages fired.
    pub pages: usize,
    /// Tickets fired.
    pub tickets: usize,
    /// Mean time to detect the scenario's incidents.
    pub mean_time_to_detect: String,
    /// Policy actions triggered, each with when.
    pub actions: Vec<String>,
}

/// One sentence per scenario on where its budget ends: the budget chart's text
/// alternative.
pub fn budget_summary(rows: &[ComparisonRow]) -> String {
    rows.iter()
        .map(|r| {
            format!(
                "{}: {} at the end; exhausted {}.",
                r.name,
                r.left_at_end,
                r.exhausted.to_lowercase()
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// When each policy threshold was crossed ("50 % consumed (Day 14, 14:51); …"), without the
/// actions, which reports list once under the policies; "None" when none was.
pub fn thresholds_crossed(actions: &[String]) -> String {
    if actions.is_empty() {
        return "None".into();
    }
    actions
        .iter()
        .map(|a| {
            a.split_once("): ")
                .map_or(a.as_str(), |(when, _)| when)
                .to_string()
                + ")"
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The comparison row of a simulated scenario.
pub fn comparison_row(scenario: &Scenario, slo: &Slo, sim: &Simulation) -> ComparisonRow {
    let target = match scenario.target_override_percent {
        Some(t) => format!("{} % (override)", format_number(t, 5)),
        None => format!("{} %", format_number(slo.target_percent, 5)),
    };
    let left = sim.left_at_end();
    let left_at_end = if left >= 0.0 {
        format!(
            "{} ({} left)",
            format_percent(left, 1),
            format_duration(left * sim.budget.minutes())
        )
    } else {
        format!("Overspent by {}", format_percent(-left, 1))
    };
    let (pages, tickets) = sim.pages_and_tickets();
    let mean_time_to_detect = match sim.mean_time_to_detect() {
        Some(m) => format_duration(m),
        None if scenario.incidents.is_empty() => "No incidents".to_string(),
        None => "Not detected".to_string(),
    };
    let actions = sim
        .crossings
        .iter()
        .filter_map(|c| {
            c.minute.map(|m| {
                format!(
                    "{} % consumed ({}): {}",
                    format_number(c.consumed_percent, 2),
                    format_window_minute(m),
                    c.action
                )
            })
        })
        .collect();
    ComparisonRow {
        name: scenario.name.clone(),
        target,
        left_at_end,
        exhausted: sim
            .exhausted_at
            .map(format_window_minute)
            .unwrap_or_else(|| "Not exhausted".to_string()),
        pages,
        tickets,
        mean_time_to_detect,
        actions,
    }
}

/// One line of the incident and alert timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineEvent {
    /// First minute.
    pub start_minute: usize,
    /// Minute after the last (may be the window's end).
    pub end_minute: usize,
    /// "Incident", "Failed release", "Maintenance", "Page" or "Ticket".
    pub kind: &'static str,
    /// What it is: the incident's label or the alert rule.
    pub what: String,
    /// Start as "Day 5, 09:12".
    pub start: String,
    /// How long it lasts.
    pub duration: String,
    /// Extra: error ratio, time to detect, "still firing at the end".
    pub detail: String,
}

/// Incidents, failed releases, maintenance and alert firings of a scenario, in time order.
pub fn timeline(scenario: &Scenario, slo: &Slo, sim: &Simulation) -> Vec<TimelineEvent> {
    let window = sim.window_minutes;
    let event = |start: usize, minutes: usize, kind, what: String, detail: String| {
        let end = start.saturating_add(minutes).min(window);
        TimelineEvent {
            start_minute: start,
            end_minute: end,
            kind,
            what,
            start: format_window_minute(start),
            duration: format_duration((end - start.min(end)) as f64),
            detail,
        }
    };
    let mut events = Vec::new();
    for (incident, detected) in scenario.incidents.iter().zip(&sim.detection_minutes) {
        let detail = format!(
            "{} errors; {}",
            format_percent(incident.error_ratio, 2),
            match detected {
                Some(m) => format!("detected after {}", format_duration(*m as f64)),
                None => "no alert fired".to_string(),
            }
        );
        events.push(event(
            incident.start_minute as usize,
            incident.duration_minutes as usize,
            "Incident",
            incident.label.clone(),
            detail,
        ));
    }
    let restore = scenario.releases.restore_minutes.round() as usize;
    for (k, start) in failed_release_minutes(scenario, window)
        .into_iter()
        .enumerate()
    {
        events.push(event(
            start,
            restore,
            "Failed release",
            format!("Failed change {}", k + 1),
            format!(
                "{} errors until restored",
                format_percent(scenario.releases.error_ratio, 2)
            ),
        ));
    }
    for m in &scenario.maintenance {
        let counted = if slo.maintenance_counts {
            format!(
                "{} errors, counted against the budget",
                format_percent(m.error_ratio, 2)
            )
        } else {
            "excluded from the budget by the SLO".to_string()
        };
        events.push(event(
            m.start_minute as usize,
            m.duration_minutes as usize,
            "Maintenance",
            m.label.clone(),
            counted,
        ));
    }
    for alert in &sim.alerts {
        let rule = &sim.rules[alert.rule];
        let end = alert.end.unwrap_or(window);
        events.push(event(
            alert.start,
            end - alert.start,
            match rule.severity {
                AlertSeverity::Page => "Page",
                AlertSeverity::Ticket => "Ticket",
            },
            rule_label(rule),
            if alert.end.is_none() {
                "still firing at the end of the window".to_string()
            } else {
                "fired and stopped".to_string()
            },
        ));
    }
    events.sort_by_key(|e| e.start_minute);
    events
}

/// One alert rule's line of the burn-rate data table.
#[derive(Clone, Debug, PartialEq)]
pub struct BurnRow {
    /// The rule, as people name it.
    pub rule: String,
    /// Highest burn rate over the rule's long window: "240×".
    pub peak: String,
    /// Time the long-window burn rate spent at or above the threshold.
    pub above: String,
    /// How many times the rule fired.
    pub firings: usize,
}

/// For each alert rule: the peak burn rate over its long window, how long that stayed at
/// or above its threshold, and how often the rule fired (both windows over the threshold).
pub fn burn_rows(sim: &Simulation) -> Vec<BurnRow> {
    sim.rules
        .iter()
        .enumerate()
        .map(|(index, rule)| {
            let rates = sim.burn_rate(rule.long_minutes.round() as usize);
            let peak = max_of(rates.iter().copied(), 0.0);
            let above = rates
                .iter()
                .filter(|r| **r >= rule.threshold * (1.0 - 1e-9))
                .count();
            BurnRow {
                rule: rule_label(rule),
                peak: format!("{}×", format_number(peak, 1)),
                above: if above == 0 {
                    "never".to_string()
                } else {
                    format_duration(above as f64)
                },
                firings: sim.alerts.iter().filter(|a| a.rule == index).count(),
            }
        })
        .collect()
}

/// A probability in words and numbers: "Unlikely: 4.2 % of 10,000 runs (about 1 in 24)".
pub fn odds_in_words(probability: f64, runs: u32) -> String {
    let word = match probability {
        p if p <= 0.0 => "Did not happen",
        p if p < 0.01 => "Very unlikely",
        p if p < 0.10 => "Unlikely",
        p if p < 0.33 => "A real chance",
        p if p < 0.66 => "About as likely as not",
        p if p < 0.90 => "Likely",
        p if p < 1.0 => "Very likely",
        _ => "Happened every time",
    };
    let runs_text = crate::model::slo::budget::format_count(runs as f64);
    let share = format_percent(probability, 1);
    if probability > 0.0 && probability < 0.5 {
        format!(
            "{word}: {share} of {runs_text} runs (about 1 in {})",
            (1.0 / probability).round()
        )
    } else {
        format!("{word}: {share} of {runs_text} runs")
    }
}

/// What budget a scenario plays against: "Plays against 99.9 % over 30 days: a budget
/// of 43 min 12 s of full outage." and whether maintenance counts.
pub fn budget_sentence(scenario: &Scenario, slo: &Slo) -> String {
    let target = scenario
        .target_override_percent
        .unwrap_or(slo.target_percent);
    let budget = ErrorBudget::new(target, f64::from(slo.window.days()));
    format!(
        "Plays against {} % over {} days: a budget of {} of full outage.{}",
        format_number(target, 5),
        slo.window.days(),
        format_duration(budget.minutes()),
        if slo.maintenance_counts {
            " Maintenance counts against it."
        } else {
            " The SLO excludes planned maintenance."
        }
    )
}

/// The problems of the scenario `id` of `plan`, as "path: message", for its form.
pub fn scenario_problems(plan: &Plan, id: &str) -> Vec<String> {
    let Some(index) = plan.scenarios.iter().position(|s| s.id == id) else {
        return Vec::new();
    };
    let prefix = format!("scenarios[{index}]");
    validate(plan)
        .into_iter()
        .filter(|problem| problem.path.starts_with(&prefix))
        .map(|problem| format!("{}: {}", problem.path, problem.message))
        .collect()
}

/// One burn-rate series.
#[derive(Clone, Debug)]
pub struct BurnLine {
    /// "Over 1 h", for the legend.
    pub name: String,
    /// Burn rate over the window ending with each minute.
    pub rates: Vec<f64>,
}

/// A threshold line: the burn rate and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct ThresholdLine {
    /// Burn rate at which a rule fires.
    pub rate: f64,
    /// Label drawn at the line.
    pub label: String,
}

/// The burn rate over each distinct long window of the simulation's alert rules.
pub fn burn_lines(sim: &Simulation) -> Vec<BurnLine> {
    let mut windows: Vec<f64> = sim.rules.iter().map(|r| r.long_minutes).collect();
    windows.dedup();
    windows
        .into_iter()
        .map(|w| BurnLine {
            name: format!("Over {}", format_duration(w)),
            rates: sim.burn_rate(w.round() as usize),
        })
        .collect()
}

/// Each alert rule's threshold, labeled "Page at 14.4× (1 h)".
pub fn burn_thresholds(sim: &Simulation) -> Vec<ThresholdLine> {
    sim.rules
        .iter()
        .map(|r| ThresholdLine {
            rate: r.threshold,
            label: format!(
                "{} at {}× ({})",
                match r.severity {
                    AlertSeverity::Page => "Page",
                    AlertSeverity::Ticket => "Ticket",
                },
                format_number(r.threshold, 2),
                format_duration(r.long_minutes)
            ),
        })
        .collect()
}

/// Where each burn-rate line peaks: the chart's text alternative.
pub fn burn_summary(lines: &[BurnLine]) -> String {
    lines
        .iter()
        .map(|l| {
            let peak = max_of(l.rates.iter().copied(), 0.0);
            format!("{}: peaks at {}×.", l.name, format_number(peak, 1))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A scenario as the list of scenarios shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ScenarioListRow {
    /// The scenario's id.
    pub id: Id,
    /// Its name.
    pub name: String,
    /// The SLO it plays against, by name (empty if that SLO is gone).
    pub slo: String,
    /// The target played: "99.9 %", or "99.5 % (override)".
    pub target: String,
    /// What it holds: "2 incidents · 5 releases a week at 10 % failing".
    pub summary: String,
}

/// Every scenario of `plan`, in its order, as the list of scenarios shows it.
pub fn scenario_list(plan: &Plan) -> Vec<ScenarioListRow> {
    plan.scenarios
        .iter()
        .map(|s| {
            let slo = plan.slo_catalog.slos.by_id(&s.slo);
            let target = s
                .target_override_percent
                .or(slo.map(|x| x.target_percent))
                .map(|t| format!("{} %", format_number(t, 5)))
                .unwrap_or_default();
            ScenarioListRow {
                id: s.id.clone(),
                name: s.name.clone(),
                slo: slo.map(|x| x.name.clone()).unwrap_or_default(),
                target: if s.target_override_percent.is_some() {
                    format!("{target} (override)")
                } else {
                    target
                },
                summary: format!(
                    "{} · {} a week at {} failing",
                    count_of(s.incidents.len(), "incident", "incidents"),
                    amount_of(
                        &format_number(s.releases.releases_per_week, 2),
                        "release",
                        "releases"
                    ),
                    format_percent(s.releases.change_failure_rate, 2)
                ),
            }
        })
        .collect()
}

/// What a Monte Carlo run, finished or cancelled, says: the odds in words, the budget
/// left (mean, expected, percentiles), pages, and the histogram with its data table.
#[derive(Clone, Debug, PartialEq)]
pub struct MonteCarloFigures {
    /// Runs done.
    pub runs_done: u32,
    /// Runs asked for.
    pub runs_asked: u32,
    /// "About 1 in 4 (26 %)": the chance the budget runs out.
    pub odds: String,
    /// Mean budget left at the end of a run.
    pub mean_left: String,
    /// Budget left in the worst 5 %, the median and the best 5 % of runs.
    pub percentiles: String,
    /// Mean pages per window.
    pub mean_pages: String,
    /// Budget left expected from the settings alone.
    pub expected_left: String,
    /// The histogram's bins.
    pub bins: Vec<HistogramBin>,
    /// The histogram as a table: each bin's label and its runs.
    pub table: Vec<(String, String)>,
}

/// The figures of `mc` as far as it has run.
pub fn monte_carlo_figures(mc: &MonteCarlo) -> MonteCarloFigures {
    let bins = histogram(mc);
    let table = bins
        .iter()
        .enumerate()
        .map(|(i, bin)| (bin_label(bin, i == 0), format_count(bin.count as f64)))
        .collect();
    MonteCarloFigures {
        runs_done: mc.done(),
        runs_asked: mc.runs,
        odds: odds_in_words(mc.probability_of_exhaustion(), mc.done()),
        mean_left: format_percent(mc.mean_left(), 1),
        percentiles: format!(
            "{} in the worst 5 % of runs, {} in the median run, {} in the best 5 %",
            format_percent(mc.left_percentile(5.0), 1),
            format_percent(mc.left_percentile(50.0), 1),
            format_percent(mc.left_percentile(95.0), 1)
        ),
        mean_pages: format_number(mc.mean_pages(), 2),
        expected_left: format_percent(mc.expected_left(), 1),
        bins,
        table,
    }
}

/// One bar of the histogram of budget left at the end.
#[derive(Clone, Debug, PartialEq)]
pub struct HistogramBin {
    /// Lower edge, percent of budget left (the first bin also holds everything below).
    pub from_percent: f64,
    /// Upper edge, percent.
    pub to_percent: f64,
    /// Runs in the bin.
    pub count: u32,
}

/// Widths tried for histogram bins, in percentage points: the narrowest that gives at
/// most [`MAX_BINS`] bins is used.
const BIN_WIDTHS: [i32; 4] = [10, 20, 25, 50];
/// Most bars a histogram has.
const MAX_BINS: i32 = 16;

/// Budget left at the end of each run, in bins from 100 % down to the lowest run (at most
/// 200 % overspent; lower runs join the first bin), 10 to 50 percentage points wide.
pub fn histogram(mc: &MonteCarlo) -> Vec<HistogramBin> {
    let lowest = min_of(mc.left_at_end.iter().copied(), 0.0).max(-2.0);
    let lowest_percent = (lowest * 100.0).floor() as i32;
    let width = BIN_WIDTHS
        .into_iter()
        .find(|w| (100 - lowest_percent) / w < MAX_BINS)
        .unwrap_or(50);
    let first = lowest_percent.div_euclid(width);
    let top = 100 / width;
    let mut bins: Vec<HistogramBin> = (first..top)
        .map(|k| HistogramBin {
            from_percent: (k * width) as f64,
            to_percent: ((k + 1) * width) as f64,
            count: 0,
        })
        .collect();
    for left in &mc.left_at_end {
        let k = ((left * 100.0 / width as f64).floor() as i32).clamp(first, top - 1);
        bins[(k - first) as usize].count += 1;
    }
    bins
}

/// A bin's range as people read it: "20 % to 30 %", "below −10 %".
pub fn bin_label(bin: &HistogramBin, first: bool) -> String {
    if first && bin.from_percent <= -200.0 {
        format!("below {} %", bin.to_percent)
    } else {
        format!("{} % to {} %", bin.from_percent, bin.to_percent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::example::example_plan;
    use crate::model::plan::ids::ById;
    use crate::model::scenario::simulation::simulate;

    fn example(index: usize) -> (Scenario, Slo) {
        let plan = example_plan();
        let scenario = plan.scenarios[index].clone();
        let slo = plan.slo_catalog.slos.by_id(&scenario.slo).unwrap().clone();
        (scenario, slo)
    }

    #[test]
    fn rules_are_named_as_the_workbook_does() {
        let sim = {
            let (s, slo) = example(0);
            simulate(&s, &slo)
        };
        assert_eq!(rule_label(&sim.rules[0]), "Page: 14.4× over 1 h and 5 min");
        assert_eq!(rule_label(&sim.rules[2]), "Ticket: 1× over 3 d and 6 h");
    }

    #[test]
    fn the_comparison_row_reads_the_simulation() {
        let (mut scenario, slo) = example(0);
        scenario.incidents.clear();
        scenario.releases.releases_per_week = 0.0;
        scenario.baseline_error_ratio = 0.0;
        // One full outage of 21.6 minutes spends half of a 99.9 % / 30-day budget.
        scenario.incidents.push(crate::model::plan::ErrorSpan {
            label: "Outage".into(),
            start_minute: 1440,
            duration_minutes: 22,
            error_ratio: 1.0,
        });
        let sim = simulate(&scenario, &slo);
        let row = comparison_row(&scenario, &slo, &sim);
        assert_eq!(row.target, "99.9 %");
        assert_eq!(row.left_at_end, "49.1 % (21 min 12 s left)");
        assert_eq!(row.exhausted, "Not exhausted");
        // Both page rules fire, and the 3-day ticket (22 bad minutes in 3 days is above 1×).
        assert_eq!((row.pages, row.tickets), (2, 1));
        // 1000× burn: the 1 h rule needs 14.4/1000 × 60 = 0.864 min → first full minute.
        assert_eq!(row.mean_time_to_detect, "1 min");
        assert!(row.actions[0].contains("(Day 2, 00:"), "{:?}", row.actions);
    }

    #[test]
    fn the_timeline_lists_incidents_releases_and_alerts_in_order() {
        let (scenario, slo) = example(0);
        let sim = simulate(&scenario, &slo);
        let events = timeline(&scenario, &slo, &sim);
        assert!(events
            .windows(2)
            .all(|w| w[0].start_minute <= w[1].start_minute));
        let first = events.iter().find(|e| e.kind == "Incident").unwrap();
        assert_eq!(first.what, "Payment provider timeout");
        assert_eq!(first.start, "Day 5, 09:12");
        assert_eq!(first.duration, "38 min");
        // 2 failed changes: 43 releases in 30 days at 5 %.
        assert_eq!(
            events.iter().filter(|e| e.kind == "Failed release").count(),
            2
        );
        assert!(events.iter().any(|e| e.kind == "Page"));
    }

    #[test]
    fn a_calm_scenario_gets_10_point_bins() {
        let (mut scenario, slo) = example(0);
        scenario.monte_carlo.incidents_per_window = 0.0;
        scenario.releases.releases_per_week = 0.0;
        let mut mc = MonteCarlo::new(&scenario, &slo);
        mc.step(1000);
        let bins = histogram(&mc);
        // Baseline errors alone leave 80 % in every run: ten bins from 0 %, all in 80–90 %.
        assert_eq!(bins.len(), 10);
        assert_eq!(bins[8].count, 1000);
        assert_eq!(bin_label(bins.last().unwrap(), false), "90 % to 100 %");
    }

    #[test]
    fn burn_rows_read_the_peaks_and_firings() {
        let (mut scenario, slo) = example(0);
        scenario.incidents.clear();
        scenario.releases.releases_per_week = 0.0;
        scenario.baseline_error_ratio = 0.0;
        // 14.4× for one hour: 1.44 % errors against a 0.1 % budget.
        scenario.incidents.push(crate::model::plan::ErrorSpan {
            label: "Slow burn".into(),
            start_minute: 1440,
            duration_minutes: 60,
            error_ratio: 0.0144,
        });
        let rows = burn_rows(&simulate(&scenario, &slo));
        assert_eq!(rows[0].peak, "14.4×");
        assert_eq!(
            rows[0].above, "1 min",
            "the 1 h window reaches 14.4× in its last minute"
        );
        assert_eq!(rows[0].firings, 1);
        assert_eq!(rows[1].peak, "2.4×", "an hour at 14.4× is 2.4× over 6 h");
        assert_eq!(rows[1].firings, 0);
    }

    #[test]
    fn odds_read_in_words_and_numbers() {
        assert_eq!(
            odds_in_words(0.042, 10_000),
            "Unlikely: 4.2 % of 10,000 runs (about 1 in 24)"
        );
        assert_eq!(odds_in_words(0.0, 500), "Did not happen: 0 % of 500 runs");
        assert_eq!(odds_in_words(0.75, 100), "Likely: 75 % of 100 runs");
        assert_eq!(
            odds_in_words(1.0, 100),
            "Happened every time: 100 % of 100 runs"
        );
    }

    #[test]
    fn the_histogram_counts_every_run_once() {
        let (scenario, slo) = example(0);
        let mut mc = MonteCarlo::new(&scenario, &slo);
        mc.step(2000);
        let bins = histogram(&mc);
        assert_eq!(bins.iter().map(|b| b.count).sum::<u32>(), 2000);
        assert_eq!(bins.last().unwrap().to_percent, 100.0);
        assert!(bins[0].from_percent <= 0.0);
        assert!(bins.len() <= 16, "{} bins", bins.len());
        let width = bins[0].to_percent - bins[0].from_percent;
        assert!(bins.iter().all(|b| b.to_percent - b.from_percent == width));
        assert_eq!(
            bin_label(&bins[bins.len() - 1], false),
            format!("{} % to 100 %", 100.0 - width)
        );
    }

    #[test]
    fn the_list_counts_in_words_one_incident_and_one_release_singular() {
        let mut plan = example_plan();
        let rows = scenario_list(&plan);
        assert_eq!(
            rows[0].summary,
            "3 incidents · 10 releases a week at 5 % failing"
        );
        assert_eq!(
            rows[2].summary,
            "1 incident · 10 releases a week at 5 % failing"
        );
        plan.scenarios[1].releases.releases_per_week = 1.0;
        plan.scenarios[1].incidents.clear();
        assert_eq!(
            scenario_list(&plan)[1].summary,
            "0 incidents · 1 release a week at 5 % failing"
        );
        plan.scenarios[1].releases.releases_per_week = 1.5;
        assert_eq!(
            scenario_list(&plan)[1].summary,
            "0 incidents · 1.5 releases a week at 5 % failing"
        );
    }
}
