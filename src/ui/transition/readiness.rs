//! Foundations readiness in one sentence with its numbers, and the share it requires.

use leptos::prelude::*;

use crate::model::plan::AssessmentRound;
use crate::model::slo::fields::parse_ratio_percent;
use crate::model::transition::progress::{readiness, readiness_sentence};
use crate::ui::widgets::number_field::NumberField;
use crate::ui::workbook::Workbook;

/// Whether the foundations for SRE are in place in the shown round.
#[component]
pub fn ReadinessSection(round: Memo<Option<AssessmentRound>>) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let result = move || {
        plan.with(|p| round.with(|r| Some(readiness(&p.as_ref()?.transition, r.as_ref()?))))
    };
    let share = Signal::derive(move || {
        plan.with(|p| {
            p.as_ref()
                .map(|p| p.transition.readiness_share_percent)
                .unwrap_or(80.0)
        })
    });
    view! {
        <section class="card readiness" aria-labelledby="readiness-heading">
            <h2 id="readiness-heading">"Foundations readiness"</h2>
            {move || match result() {
                Some(r) => {
                    let class = if r.in_place() { "readiness-sentence ready" } else { "readiness-sentence not-ready" };
                    view! { <p class=class data-figure="readiness">{readiness_sentence(&r)}</p> }.into_any()
                }
                None => view! { <p class="empty-state">"Start an assessment round (at the top of the page) to see readiness."</p> }.into_any(),
            }}
            <NumberField
                label="Share of teams required (%)"
                id="readiness-share"
                value=share
                parse=parse_ratio_percent
                commit=Callback::new(move |v| wb.edit_open(|p| p.transition.readiness_share_percent = v))
                hint="Every group must be at Collective ownership or above in at least this share of teams."
            />
        </section>
    }
}
