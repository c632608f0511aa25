//! The heat map of teams × stakeholder groups for a round: level and stage name in every
//! cell (never color alone), the level's descriptor on hover and focus, editable with mouse
//! or keyboard; with each group's count of teams per stage below.

use leptos::prelude::*;

use crate::interop::csv::assessments_csv;
use crate::model::plan::defaults::{stage_of_level, STAGE_NAMES};
use crate::model::plan::ids::ById;
use crate::model::plan::{AssessmentRound, Id, Plan, LEVEL_COUNT};
use crate::model::transition::ops::{set_level, set_note};
use crate::model::transition::progress::{level_of, rating_of, stage_counts};
use crate::ui::widgets::downloads::PlanTextDownload;
use crate::ui::widgets::text_field::{no_check, TextField};
use crate::ui::workbook::Workbook;

/// The teams and groups of the open plan and the ratings of the shown round, for the
/// heat map's parts.
#[derive(Clone, Copy)]
struct Ratings {
    plan: Memo<Option<Plan>>,
    round: Memo<Option<AssessmentRound>>,
}

impl Ratings {
    /// Each stakeholder group's id and name.
    fn groups(self) -> Vec<(Id, String)> {
        self.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.transition
                        .groups
                        .iter()
                        .map(|g| (g.id.clone(), g.name.clone()))
                        .collect()
                })
                .unwrap_or_default()
        })
    }

    /// Each team's id and name.
    fn teams(self) -> Vec<(Id, String)> {
        self.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.transition
                        .teams
                        .iter()
                        .map(|t| (t.id.clone(), t.name.clone()))
                        .collect()
                })
                .unwrap_or_default()
        })
    }

    /// What `level` means for `group`, from its ladder.
    fn descriptor(self, group: &str, level: u8) -> String {
        self.plan.with(|p| {
            p.as_ref()
                .and_then(|p| p.transition.groups.by_id(group))
                .and_then(|g| g.levels.get(level as usize).cloned())
                .unwrap_or_default()
        })
    }

    /// The level of `group` in `team` in the shown round.
    fn level(self, team: &str, group: &str) -> Option<u8> {
        self.round
            .with(|r| r.as_ref().and_then(|r| level_of(r, team, group)))
    }

    /// The shown round's id.
    fn round_id(self) -> Option<Id> {
        self.round.with(|r| r.as_ref().map(|r| r.id.clone()))
    }
}

/// The editable heat map of the shown round.
#[component]
pub fn HeatMap(round: Memo<Option<AssessmentRound>>) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let ratings = Ratings {
        plan: wb.open_plan(),
        round,
    };
    let focused = RwSignal::new(None::<(Id, Id)>);
    view! {
        <section class="card" aria-labelledby="heat-map-heading">
            <h2 id="heat-map-heading">
                {move || round.with(|r| match r {
                    Some(r) => format!("Where each group stands — {}", r.label),
                    None => "Where each group stands".to_string(),
                })}
            </h2>
            <Show when=move || round.with(Option::is_some)>
                <div class="toolbar">
                    <PlanTextDownload
                        label="Export assessments as CSV"
                        what="assessments"
                        extension="csv"
                        mime="text/csv"
                        make=assessments_csv
                    />
                </div>
            </Show>
            <Show
                when=move || round.with(|r| r.is_some())
                fallback=|| view! { <p class="empty-state">"No assessment round yet: start one above, then rate each team’s groups here or with “Run workshop”."</p> }
            >
                <HeatMapTable ratings focused />
                <div aria-live="polite"><CellDetail ratings focused /></div>
                <h3>"Teams per stage"</h3>
                <StageCounts ratings />
            </Show>
        </section>
    }
}

/// The table of teams × groups, a level picker in each cell.
#[component]
fn HeatMapTable(ratings: Ratings, focused: RwSignal<Option<(Id, Id)>>) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    view! {
        <div class="table-scroll">
            <table class="heat-map">
                <caption class="visually-hidden">"Maturity level of each stakeholder group in each team"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Team"</th>
                        {move || ratings.groups().into_iter().map(|(_, name)| view! { <th scope="col">{name}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let groups = ratings.groups();
                        ratings.teams()
                            .into_iter()
                            .map(|(team, team_name)| {
                                let cells = groups
                                    .iter()
                                    .map(|(group, group_name)| {
                                        let current = ratings.level(&team, group);
                                        let stage = current.map(stage_of_level);
                                        let class = match stage {
                                            Some(s) => format!("cell stage-{s}"),
                                            None => "cell unrated".to_string(),
                                        };
                                        let title = current.map(|l| ratings.descriptor(group, l)).unwrap_or_else(|| "Not rated".into());
                                        let (t, g, t2, g2) = (team.clone(), group.clone(), team.clone(), group.clone());
                                        view! {
                                            <td class=class>
                                                <select
                                                    aria-label=format!("{team_name} × {group_name}")
                                                    title=title
                                                    on:focus=move |_| focused.set(Some((t2.clone(), g2.clone())))
                                                    on:change=move |ev| {
                                                        if let (Ok(l), Some(r)) = (event_target_value(&ev).parse::<u8>(), ratings.round_id()) {
                                                            wb.edit_open(|p| set_level(p, &r, &t, &g, l));
                                                        }
                                                    }
                                                >
                                                    {current.is_none().then(|| view! { <option value="" selected=true>"Not rated"</option> })}
                                                    {(0..LEVEL_COUNT as u8)
                                                        .map(|l| {
                                                            view! {
                                                                <option value=l.to_string() selected=current == Some(l)>
                                                                    {format!("{l} · {}", STAGE_NAMES[stage_of_level(l)])}
                                                                </option>
                                                            }
                                                        })
                                                        .collect_view()}
                                                </select>
                                            </td>
                                        }
                                    })
                                    .collect_view();
                                view! {
                                    <tr>
                                        <th scope="row">{team_name.clone()}</th>
                                        {cells}
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}

/// The focused cell: its level in words and the evidence for it.
#[component]
fn CellDetail(ratings: Ratings, focused: RwSignal<Option<(Id, Id)>>) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let round = ratings.round;
    let focus_panel = move || {
        let (team, group) = focused.get()?;
        let round_id = ratings.round_id()?;
        let team_name = ratings.teams().into_iter().find(|(id, _)| *id == team)?.1;
        let group_name = ratings.groups().into_iter().find(|(id, _)| *id == group)?.1;
        let current = ratings.level(&team, &group);
        let note = Signal::derive({
            let (team, group) = (team.clone(), group.clone());
            move || {
                round.with(|r| {
                    r.as_ref()
                        .and_then(|r| rating_of(r, &team, &group))
                        .map(|x| x.note.clone())
                        .unwrap_or_default()
                })
            }
        });
        let describe = match current {
            Some(l) => format!(
                "{group_name} in {team_name}: level {l}, {} — {}",
                STAGE_NAMES[stage_of_level(l)],
                ratings.descriptor(&group, l)
            ),
            None => format!("{group_name} in {team_name}: not rated in this round."),
        };
        Some(view! {
            <div class="cell-detail">
                <p>{describe}</p>
                <Show when=move || current.is_some()>
                    <TextField
                        label=format!("Evidence for {group_name} in {team_name}")
                        id="cell-evidence"
                        value=note
                        check=no_check
                        commit={
                            let (round_id, team, group) = (round_id.clone(), team.clone(), group.clone());
                            Callback::new(move |v: String| wb.edit_open(|p| set_note(p, &round_id, &team, &group, v)))
                        }
                    />
                </Show>
            </div>
        })
    };

    focus_panel
}

/// How many teams each group has in each stage.
#[component]
fn StageCounts(ratings: Ratings) -> impl IntoView {
    let round = ratings.round;
    view! {
        <div class="table-scroll">
            <table class="compact stage-counts">
                <caption class="visually-hidden">"How many teams each group has in each stage"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Group"</th>
                        {STAGE_NAMES.iter().map(|s| view! { <th scope="col" class="num">{*s}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        ratings.groups()
                            .into_iter()
                            .map(|(group, name)| {
                                let counts = round.with(|r| r.as_ref().map(|r| stage_counts(r, &group)).unwrap_or_default());
                                view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        {counts.iter().map(|c| view! { <td class="num">{*c}</td> }).collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}
