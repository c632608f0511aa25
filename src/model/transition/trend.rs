//! Each stakeholder group's trend as plain data: its average level per round, its target
//! and where the current pace reaches it, with one sentence per group. The Transition
//! page's chart and the report draw it; the sentences are their text alternative.

use crate::model::plan::calendar::parse_date;
use crate::model::plan::Plan;
use crate::model::transition::progress::{group_trend, project, projection_text, Projection};

/// One group's line on the trend chart.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendLine {
    /// Group name, for the legend.
    pub name: String,
    /// (day, average level) per round, oldest first.
    pub points: Vec<(i64, f64)>,
    /// The round label of each point.
    pub labels: Vec<String>,
    /// Target (day, level), if set.
    pub target: Option<(i64, f64)>,
    /// Where the current pace reaches the target level (day, level), if it does.
    pub projection: Option<(i64, f64)>,
}

/// The chart's lines and one sentence per group, derived from the plan.
pub fn trend_figures(plan: &Plan) -> (Vec<TrendLine>, Vec<String>) {
    let t = &plan.transition;
    let mut lines = Vec::new();
    let mut sentences = Vec::new();
    for g in &t.groups {
        let trend = group_trend(t, &g.id);
        let projection = project(&trend, g.target.as_ref());
        let target = g
            .target
            .as_ref()
            .and_then(|x| Some((parse_date(&x.date)?, x.level as f64)));
        let averages: Vec<String> = trend.iter().map(|p| format!("{:.1}", p.average)).collect();
        sentences.push(format!(
            "{}: {}{}; {}.",
            g.name,
            if averages.is_empty() {
                "no ratings".to_string()
            } else {
                format!("average {}", averages.join(" → "))
            },
            g.target
                .as_ref()
                .map(|x| format!(", target level {} by {}", x.level, x.date))
                .unwrap_or_default(),
            projection_text(&projection, g.target.as_ref())
        ));
        lines.push(TrendLine {
            name: g.name.clone(),
            points: trend.iter().map(|p| (p.day, p.average)).collect(),
            labels: trend.iter().map(|p| p.label.clone()).collect(),
            target,
            projection: match projection {
                Projection::ReachedOn { day, .. } => {
                    g.target.as_ref().map(|x| (day, x.level as f64))
                }
                _ => None,
            },
        });
    }
    (lines, sentences)
}
