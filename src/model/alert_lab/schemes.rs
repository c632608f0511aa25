//! The alerting schemes teams run, each as the rules its tool would generate for an SLO
//! window: windows, burn-rate factors, `for:`, the comparison and any rounding, with the
//! tool's own source cited at each number. Read from the tools' sources in December 2026:
//! - Sloth at 0e395d81 (slok/sloth),
//! - Pyrra at 1ba95afb (pyrra-dev/pyrra),
//! - slo-generator at 967f1242 (google/slo-generator),
//! - Grafana SLO's and Datadog's burn-rate documentation (no public generator).

use crate::model::plan::{AlertSeverity, AlertTier};
use crate::model::slo::budget::{burn_rate_rules, ErrorBudget, MINUTES_PER_DAY};
use crate::model::slo::validation::MAX_WINDOW_DAYS;

/// An alerting scheme to compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// The SLO's own tiers (the SRE Workbook's by default), as the workbook exports them.
    PlanTiers,
    /// Sloth's default multi-window, multi-burn-rate alerts.
    Sloth,
    /// Pyrra's four burn-rate alerts.
    Pyrra,
    /// Grafana SLO's fast- and slow-burn notifications.
    Grafana,
    /// Datadog's recommended burn-rate monitors.
    Datadog,
    /// slo-generator's sample error-budget policy.
    SloGenerator,
}

impl Scheme {
    /// Every scheme, the plan's own first.
    pub const ALL: [Scheme; 6] = [
        Scheme::PlanTiers,
        Scheme::Sloth,
        Scheme::Pyrra,
        Scheme::Grafana,
        Scheme::Datadog,
        Scheme::SloGenerator,
    ];

    /// The scheme's name as the lab shows it.
    pub fn name(self) -> &'static str {
        match self {
            Scheme::PlanTiers => "This SLO's tiers",
            Scheme::Sloth => "Sloth",
            Scheme::Pyrra => "Pyrra",
            Scheme::Grafana => "Grafana SLO",
            Scheme::Datadog => "Datadog",
            Scheme::SloGenerator => "slo-generator",
        }
    }
}

/// How a rule compares a burn rate with its factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparison {
    /// Strictly greater (`>`), as Prometheus rules are written by Sloth, Pyrra and the
    /// workbook, and as slo-generator decides.
    Above,
    /// Greater or equal (`≥`), as Grafana's and Datadog's documentation word it.
    AtLeast,
}

/// One alert rule of a scheme.
#[derive(Clone, Debug, PartialEq)]
pub struct LabRule {
    /// Page or ticket (see each scheme for how its severities map).
    pub severity: AlertSeverity,
    /// Long window, minutes.
    pub long_minutes: usize,
    /// Short window, minutes; `None` for a single-window rule.
    pub short_minutes: Option<usize>,
    /// The burn rate both windows must exceed (or reach).
    pub factor: f64,
    /// Minutes the condition must hold before the alert fires (Prometheus `for:`).
    pub for_minutes: usize,
    /// `>` or `≥`.
    pub comparison: Comparison,
    /// Whether the burn rate is rounded to one decimal before comparing, after the SLI is
    /// rounded to six (slo-generator).
    pub rounded: bool,
    /// The rule in words: "page: 14.4× over 1 h and 5 min".
    pub label: String,
}

/// A scheme's rules for one SLO, with where they come from.
#[derive(Clone, Debug, PartialEq)]
pub struct SchemeRules {
    /// The scheme.
    pub scheme: Scheme,
    /// Its rules.
    pub rules: Vec<LabRule>,
    /// Where the numbers come from, and what the lab had to decide.
    pub source: &'static str,
}

const HOUR: usize = 60;
const DAY: usize = 1440;

/// An SLO window of `days` in minutes, the days held to the ones a plan may have (1 to
/// [`MAX_WINDOW_DAYS`]), so the product stays small on 32-bit wasm too.
pub fn window_minutes(days: u32) -> usize {
    days.clamp(1, MAX_WINDOW_DAYS) as usize * DAY
}

/// "1 h", "5 min", "3 d", "1 d 1 h 43 min": a window as the lab writes it.
pub fn window_words(minutes: usize) -> String {
    let (d, h, m) = (minutes / DAY, minutes % DAY / HOUR, minutes % HOUR);
    let parts: Vec<String> = [(d, "d"), (h, "h"), (m, "min")]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n} {unit}"))
        .collect();
    if parts.is_empty() {
        "0 min".into()
    } else {
        parts.join(" ")
    }
}

/// A factor as written: 14.4, 13.44, 0.933.
fn factor_words(factor: f64) -> String {
    let text = format!("{factor:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[allow(clippy::too_many_arguments)]
fn rule(
    severity: AlertSeverity,
    long_minutes: usize,
    short_minutes: Option<usize>,
    factor: f64,
    for_minutes: usize,
    comparison: Comparison,
    rounded: bool,
) -> LabRule {
    let severity_word = match severity {
        AlertSeverity::Page => "page",
        AlertSeverity::Ticket => "ticket",
    };
    let sign = match comparison {
        Comparison::Above => ">",
        Comparison::AtLeast => "≥",
    };
    let windows = match short_minutes {
        Some(short) => format!("{} and {}", window_words(long_minutes), window_words(short)),
        None => window_words(long_minutes),
    };
    let pending = if for_minutes > 0 {
        format!(" for {}", window_words(for_minutes))
    } else {
        String::new()
    };
    LabRule {
        severity,
        long_minutes,
        short_minutes,
        factor,
        for_minutes,
        comparison,
        rounded,
        label: format!(
            "{severity_word}: {sign} {}× over {windows}{pending}",
            factor_words(factor)
        ),
    }
}

/// A duration of `window_minutes / divisor` rounded to the minute as Go does it in Pyrra
/// (`(sloWindow / N).Round(time.Minute)`): integer nanoseconds divided (truncating), then
/// rounded half away from zero.
fn pyrra_duration(window_minutes: usize, divisor: u64) -> usize {
    const MINUTE_NS: u64 = 60_000_000_000;
    let ns = window_minutes as u64 * MINUTE_NS / divisor;
    ((ns + MINUTE_NS / 2) / MINUTE_NS) as usize
}

/// The rules `scheme` would alert with on an SLO of `window_days` with the plan's `tiers`.
pub fn scheme_rules(scheme: Scheme, window_days: u32, tiers: &[AlertTier]) -> SchemeRules {
    use AlertSeverity::{Page, Ticket};
    use Comparison::{Above, AtLeast};
    let window = window_minutes(window_days);
    let window_hours = window as f64 / HOUR as f64;
    match scheme {
        // The workbook's own export: threshold = share × window ÷ long window, `>`, no
        // `for:` (model/slo/budget.rs, burn_rate_rules; interop/prometheus.rs).
        Scheme::PlanTiers => {
            let budget = ErrorBudget::new(99.9, f64::from(window_days.max(1)));
            SchemeRules {
                scheme,
                rules: burn_rate_rules(tiers, &budget)
                    .iter()
                    .map(|r| {
                        rule(
                            r.severity,
                            r.long_minutes.round() as usize,
                            Some(r.short_minutes.round() as usize),
                            r.threshold,
                            0,
                            Above,
                            false,
                        )
                    })
                    .collect(),
                source: "The SLO's alert tiers as the workbook's Prometheus export writes them: both windows above share × window ÷ long window, no for:.",
            }
        }
        // internal/alert/windows/google-30d.yaml L7–25 (google-28d.yaml the same shares):
        // page 2 % over 1 h with 5 m and 5 % over 6 h with 30 m; ticket 10 % over 1 d with
        // 2 h and 10 % over 3 d with 6 h. internal/alert/window.go L116–125: factor =
        // share × period hours ÷ long-window hours. The page and ticket alerts each OR their
        // two pairs, strict `>`, no `for:` (internal/plugin/slo/core/alert_rules_v1/
        // plugin.go L44–62, L116–135).
        Scheme::Sloth => {
            let pair = |severity, share: f64, long: usize, short: usize| {
                let factor = share * window_hours / 100.0 / (long as f64 / HOUR as f64);
                rule(severity, long, Some(short), factor, 0, Above, false)
            };
            SchemeRules {
                scheme,
                rules: vec![
                    pair(Page, 2.0, HOUR, 5),
                    pair(Page, 5.0, 6 * HOUR, 30),
                    pair(Ticket, 10.0, DAY, 2 * HOUR),
                    pair(Ticket, 10.0, 3 * DAY, 6 * HOUR),
                ],
                source: "Sloth's google-30d/28d windows (internal/alert/windows, window.go L116–125, alert_rules_v1/plugin.go L116–135): factor = budget share × period ÷ long window; both windows strictly above; no for:. Sloth ships 28- and 30-day windows only; other windows use the same formula, as a custom windows file would.",
            }
        }
        // slo/rules.go L1441–1472: windows and `for:` are the SLO window divided and rounded
        // to the minute; factors 14, 7, 2, 1; severities critical, critical, warning,
        // warning (L1428–1431); each tier its own alert, `short > f·(1−target) and long >
        // f·(1−target)` (L141), `for:` per tier (L151).
        Scheme::Pyrra => {
            let tier = |severity, factor: f64, long: u64, short: u64, pending: u64| {
                rule(
                    severity,
                    pyrra_duration(window, long),
                    Some(pyrra_duration(window, short)),
                    factor,
                    pyrra_duration(window, pending),
                    Above,
                    false,
                )
            };
            SchemeRules {
                scheme,
                rules: vec![
                    tier(Page, 14.0, 672, 8064, 20160),
                    tier(Page, 7.0, 112, 1344, 2688),
                    tier(Ticket, 2.0, 28, 336, 672),
                    tier(Ticket, 1.0, 7, 112, 224),
                ],
                source: "Pyrra's Windows() (slo/rules.go L1441–1472): windows and for: are the SLO window ÷ 672, 112, 28, 7 (short ÷ 8064, 1344, 336, 112) rounded to the minute; factors 14, 7, 2, 1; critical pages, warning tickets; both windows strictly above (L141).",
            }
        }
        // grafana.com/docs/grafana-cloud/alerting-and-irm/slo/set-up/
        // configure-burn-rate-notifications/: fast burn "at least 14.4× over 5 minutes and
        // the last hour" or 6× over 30 m and 6 h; slow burn 3× over 2 h and 24 h or 1× over
        // 6 h and 72 h. Fixed windows; critical (fast) and warning (slow).
        Scheme::Grafana => SchemeRules {
            scheme,
            rules: vec![
                rule(Page, HOUR, Some(5), 14.4, 0, AtLeast, false),
                rule(Page, 6 * HOUR, Some(30), 6.0, 0, AtLeast, false),
                rule(Ticket, DAY, Some(2 * HOUR), 3.0, 0, AtLeast, false),
                rule(Ticket, 3 * DAY, Some(6 * HOUR), 1.0, 0, AtLeast, false),
            ],
            source: "Grafana SLO's burn-rate notifications (grafana.com docs, configure-burn-rate-notifications): fixed windows whatever the SLO window; the documentation says \"at least\" (≥), though a generated rule seen in Grafana Mimir's tests writes >.",
        },
        // docs.datadoghq.com/service_management/service_level_objectives/burn_rate/:
        // long window 1–48 h, short = long ÷ 12, ALERT when both ≥ the threshold; the
        // recommended thresholds consume 10/20/40 % (7 d), 2/5/10 % (30 d) or 1/3/5 % (90 d)
        // of the budget over 1 h, 6 h and 24 h.
        Scheme::Datadog => {
            let shares = match window_days {
                0..=14 => [10.0, 20.0, 40.0],
                15..=60 => [2.0, 5.0, 10.0],
                _ => [1.0, 3.0, 5.0],
            };
            let tier = |severity, share: f64, long: usize| {
                let factor = window_hours * share / 100.0 / (long as f64 / HOUR as f64);
                rule(severity, long, Some(long / 12), factor, 0, AtLeast, false)
            };
            SchemeRules {
                scheme,
                rules: vec![
                    tier(Page, shares[0], HOUR),
                    tier(Page, shares[1], 6 * HOUR),
                    tier(Ticket, shares[2], DAY),
                ],
                source: "Datadog's recommended burn-rate monitors (docs, burn_rate): 7 d 16.8/5.6/2.8, 30 d 14.4/6/3, 90 d 21.6/10.8/4.5 over 1 h, 6 h and 24 h, short window 1/12, both ≥; other windows take the nearest of these budget shares. Datadog monitors carry no severity: the lab pages on the 1 h and 6 h monitors and tickets on the 24 h one.",
            }
        }
        // samples/config.yaml L57–83: 1 h at 9, 12 h at 3, 7 d at 1.5, 28 d at 1;
        // slo_generator/report.py L148: burn rate rounded to one decimal, L151: alert when
        // strictly greater; L253/255: the SLI rounded to six decimals first.
        Scheme::SloGenerator => SchemeRules {
            scheme,
            rules: vec![
                rule(Page, HOUR, None, 9.0, 0, Above, true),
                rule(Page, 12 * HOUR, None, 3.0, 0, Above, true),
                rule(Ticket, 7 * DAY, None, 1.5, 0, Above, true),
                rule(Ticket, 28 * DAY, None, 1.0, 0, Above, true),
            ],
            source: "slo-generator's sample policy (samples/config.yaml L57–83, report.py L148–151): single windows 1 h 9×, 12 h 3×, 7 d 1.5×, 28 d 1×; SLI rounded to 6 decimals, burn rate to 1, alert when strictly greater. The sample's alert: flags are overwritten by the code; the lab pages on the steps it marks alert: true (1 h, 12 h) and tickets on the others.",
        },
    }
}

/// The scheme's rules as alert tiers the SLO can keep ("Use these tiers"): the same
/// windows and the budget share each factor stands for (factor × long window ÷ SLO
/// window). A single-window rule keeps its window as both; `for:` and `≥` are not kept
/// (the workbook's rules compare with `>` and fire at once), which the lab says.
pub fn as_tiers(rules: &SchemeRules, window_days: u32) -> Vec<AlertTier> {
    let window = f64::from(window_days.max(1)) * MINUTES_PER_DAY;
    rules
        .rules
        .iter()
        .map(|r| AlertTier {
            severity: r.severity,
            long_minutes: r.long_minutes as u32,
            short_minutes: r.short_minutes.unwrap_or(r.long_minutes) as u32,
            budget_percent: (r.factor * r.long_minutes as f64 / window * 100.0 * 1e6).round() / 1e6,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::slo::budget::default_alert_tiers;

    fn summary(scheme: Scheme, days: u32) -> Vec<(usize, Option<usize>, String, usize)> {
        scheme_rules(scheme, days, &default_alert_tiers(days))
            .rules
            .iter()
            .map(|r| {
                (
                    r.long_minutes,
                    r.short_minutes,
                    factor_words(r.factor),
                    r.for_minutes,
                )
            })
            .collect()
    }

    #[test]
    fn sloth_factors_are_the_share_of_the_period_over_the_long_window() {
        // Sloth's own test fixtures: out-base.yaml.tpl L179–210 (30 d) and
        // out-base-28d.yaml.tpl (13.44, 5.6, 2.8, 0.933).
        let f = |days| -> Vec<String> {
            summary(Scheme::Sloth, days)
                .into_iter()
                .map(|r| r.2)
                .collect()
        };
        assert_eq!(f(30), ["14.4", "6", "3", "1"]);
        assert_eq!(f(28), ["13.44", "5.6", "2.8", "0.933"]);
        assert_eq!(
            summary(Scheme::Sloth, 30)
                .iter()
                .map(|r| (r.0, r.1))
                .collect::<Vec<_>>(),
            [
                (60, Some(5)),
                (360, Some(30)),
                (1440, Some(120)),
                (4320, Some(360))
            ]
        );
    }

    #[test]
    fn pyrra_scales_windows_and_for_with_the_slo_window() {
        // At 28 d, Pyrra's documented windows: 5m/1h for 2m, 30m/6h for 15m, 2h/1d for 1h,
        // 6h/4d for 3h.
        assert_eq!(
            summary(Scheme::Pyrra, 28),
            [
                (60, Some(5), "14".into(), 2),
                (360, Some(30), "7".into(), 15),
                (1440, Some(120), "2".into(), 60),
                (5760, Some(360), "1".into(), 180),
            ]
        );
        // At 30 d, Go's rounding to the minute: 1h4m17.1s → 1h4m, 6h25m42.9s → 6h26m,
        // 25h42m51.4s → 25h43m, 102h51m25.7s → 102h51m; short 5m21.4s → 5m, 32m8.6s → 32m,
        // 2h8m34.3s → 2h9m, 6h25m42.9s → 6h26m; for 2m8.6s → 2m, 16m4.3s → 16m,
        // 1h4m17.1s → 1h4m, 3h12m51.4s → 3h13m.
        assert_eq!(
            summary(Scheme::Pyrra, 30),
            [
                (64, Some(5), "14".into(), 2),
                (386, Some(32), "7".into(), 16),
                (1543, Some(129), "2".into(), 64),
                (6171, Some(386), "1".into(), 193),
            ]
        );
    }

    #[test]
    fn datadog_recommends_thresholds_by_window_length() {
        let f = |days| -> Vec<String> {
            summary(Scheme::Datadog, days)
                .into_iter()
                .map(|r| r.2)
                .collect()
        };
        assert_eq!(f(7), ["16.8", "5.6", "2.8"]);
        assert_eq!(f(30), ["14.4", "6", "3"]);
        assert_eq!(f(90), ["21.6", "10.8", "4.5"]);
        assert_eq!(
            summary(Scheme::Datadog, 30)
                .iter()
                .map(|r| (r.0, r.1))
                .collect::<Vec<_>>(),
            [(60, Some(5)), (360, Some(30)), (1440, Some(120))]
        );
    }

    #[test]
    fn grafana_and_slo_generator_do_not_scale_with_the_window() {
        for days in [7, 28, 30, 90] {
            assert_eq!(
                summary(Scheme::Grafana, days),
                [
                    (60, Some(5), "14.4".into(), 0),
                    (360, Some(30), "6".into(), 0),
                    (1440, Some(120), "3".into(), 0),
                    (4320, Some(360), "1".into(), 0),
                ]
            );
            assert_eq!(
                summary(Scheme::SloGenerator, days),
                [
                    (60, None, "9".into(), 0),
                    (720, None, "3".into(), 0),
                    (10080, None, "1.5".into(), 0),
                    (40320, None, "1".into(), 0),
                ]
            );
        }
    }

    #[test]
    fn the_plans_tiers_are_the_sre_workbooks_by_default() {
        let rules = scheme_rules(Scheme::PlanTiers, 30, &default_alert_tiers(30));
        let labels: Vec<&str> = rules.rules.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "page: > 14.4× over 1 h and 5 min",
                "page: > 6× over 6 h and 30 min",
                "ticket: > 1× over 3 d and 6 h"
            ]
        );
        let pyrra = scheme_rules(Scheme::Pyrra, 28, &[]);
        assert_eq!(
            pyrra.rules[0].label,
            "page: > 14× over 1 h and 5 min for 2 min"
        );
    }

    #[test]
    fn tiers_kept_from_a_scheme_give_back_its_factors() {
        for scheme in Scheme::ALL {
            for days in [7, 28, 30, 90] {
                let rules = scheme_rules(scheme, days, &default_alert_tiers(days));
                let tiers = as_tiers(&rules, days);
                let budget = ErrorBudget::new(99.9, f64::from(days));
                let back = burn_rate_rules(&tiers, &budget);
                for (r, b) in rules.rules.iter().zip(&back) {
                    assert!(
                        (r.factor - b.threshold).abs() < 1e-6 * r.factor.max(1.0),
                        "{scheme:?} {days}"
                    );
                    assert_eq!(r.severity, b.severity);
                }
            }
        }
        // Sloth's 30-day page tier is the SRE Workbook's: 2 % of the budget in 1 h.
        let sloth = as_tiers(&scheme_rules(Scheme::Sloth, 30, &[]), 30);
        assert_eq!(sloth[0].budget_percent, 2.0);
    }

    #[test]
    fn windows_are_written_in_days_hours_and_minutes() {
        assert_eq!(window_words(5), "5 min");
        assert_eq!(window_words(60), "1 h");
        assert_eq!(window_words(1543), "1 d 1 h 43 min");
        assert_eq!(window_words(4320), "3 d");
    }
}
