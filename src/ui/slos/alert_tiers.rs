//! An SLO's burn-rate alert tiers, one row each: severity, long and short window, the share
//! of the budget spent when it fires, and the burn rate that makes (B = share × W / L).
//! Each number is checked against the SLO window and the tier's other window as it is
//! typed; rows are edited by position, and a row that is gone (undo, another tab) is left
//! alone.

use leptos::prelude::*;

use crate::model::plan::{AlertTier, Id, Slo};
use crate::model::slo::budget::{burn_rate_rules, default_alert_tiers, AlertSeverity, ErrorBudget};
use crate::model::slo::fields::parse_share_percent;
use crate::model::slo::figures::format_number;
use crate::model::slo::production_fields::{
    long_window_problem, new_alert_tier, parse_whole_minutes, short_window_problem, tier_problems,
};
use crate::model::slo::validation::{longest_alert_window, MAX_ALERT_TIERS};
use crate::ui::widgets::number_field::NumberField;
use crate::ui::workbook::Workbook;

/// The tier rows with "Add tier" and "Reset to the SRE Workbook tiers".
#[component]
pub fn AlertTiers(id: Id, slo: Memo<Option<Slo>>) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let key = StoredValue::new(id);
    let edit = move |change: Box<dyn FnOnce(&mut Slo)>| {
        key.with_value(|id| wb.edit_part::<Slo>(id, change))
    };
    let count = Memo::new(move |_| slo.with(|s| s.as_ref().map_or(0, |s| s.alerting.tiers.len())));
    let window_days = move || slo.with_untracked(|s| s.as_ref().map_or(30, |s| s.window.days()));
    let misfits = move || {
        slo.with(|s| {
            s.as_ref()
                .map(|s| tier_problems(&s.alerting, s.window.days()))
                .unwrap_or_default()
        })
    };
    let add = move |_| {
        let tier = new_alert_tier(window_days());
        edit(Box::new(move |s| {
            if s.alerting.tiers.len() < MAX_ALERT_TIERS {
                s.alerting.tiers.push(tier);
            }
        }));
    };
    let reset = move |_| {
        edit(Box::new(|s| {
            s.alerting.tiers = default_alert_tiers(s.window.days());
        }));
    };

    view! {
        <fieldset class="alert-tiers">
            <legend>"Burn-rate alerts"</legend>
            <p class="hint">
                "Each tier fires when its share of the budget was spent over the long window and the short window shows it is still burning. Burn rate = share × SLO window ÷ long window."
            </p>
            {move || (0..count.get()).map(|i| view! { <TierRow i slo key /> }).collect_view()}
            <ul class="field-error plain-list" aria-live="polite">
                {move || misfits().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
            </ul>
            <div class="toolbar">
                <button type="button" on:click=add disabled=move || { count.get() >= MAX_ALERT_TIERS }>
                    "Add tier"
                </button>
                <button type="button" on:click=reset>
                    "Reset to the SRE Workbook tiers"
                </button>
            </div>
        </fieldset>
    }
}

/// One tier, by its position in the list.
#[component]
fn TierRow(i: usize, slo: Memo<Option<Slo>>, key: StoredValue<Id>) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let edit = move |change: Box<dyn FnOnce(&mut Slo)>| {
        key.with_value(|id| wb.edit_part::<Slo>(id, change))
    };
    let n = i + 1;
    let tier =
        Memo::new(move |_| slo.with(|s| s.as_ref().and_then(|s| s.alerting.tiers.get(i).cloned())));
    let number = move |read: fn(&AlertTier) -> f64| {
        Signal::from(Memo::new(move |_| {
            tier.with(|t| t.as_ref().map(read).unwrap_or_default())
        }))
    };
    // Changes this tier, if the list still has it.
    let change = move |apply: Box<dyn FnOnce(&mut AlertTier)>| {
        edit(Box::new(move |s| {
            if let Some(t) = s.alerting.tiers.get_mut(i) {
                apply(t);
            }
        }))
    };
    let set = move |apply: fn(&mut AlertTier, f64)| {
        Callback::new(move |v: f64| change(Box::new(move |t| apply(t, v))))
    };
    let check_long = Callback::new(move |long: f64| {
        slo.with_untracked(|s| {
            let s = s.as_ref()?;
            let tier = s.alerting.tiers.get(i)?;
            long_window_problem(
                long as u32,
                tier.short_minutes,
                longest_alert_window(s.window.days()),
            )
        })
    });
    let check_short = Callback::new(move |short: f64| {
        tier.with_untracked(|t| short_window_problem(short as u32, t.as_ref()?.long_minutes))
    });
    let burn_rate = move || {
        slo.with(|s| {
            let s = s.as_ref()?;
            let rules = burn_rate_rules(&s.alerting.tiers, &ErrorBudget::of_slo(s));
            rules.get(i).map(|r| format_number(r.threshold, 2))
        })
    };
    let is_page = move || {
        tier.with(|t| {
            t.as_ref()
                .is_some_and(|t| t.severity == AlertSeverity::Page)
        })
    };
    let prefix = format!("alert-tier-{i}");
    let burn_id = format!("{prefix}-burn-rate");
    view! {
        <fieldset class="alert-tier">
            <legend>{format!("Tier {n}")}</legend>
            <div class="alert-tier-fields">
                <div class="field">
                    <label for=format!("{prefix}-severity")>"Severity"</label>
                    <select
                        id=format!("{prefix}-severity")
                        on:change=move |ev| {
                            let severity = match event_target_value(&ev).as_str() {
                                "ticket" => AlertSeverity::Ticket,
                                _ => AlertSeverity::Page,
                            };
                            change(Box::new(move |t| t.severity = severity));
                        }
                    >
                        <option value="page" selected=is_page>"Page"</option>
                        <option value="ticket" selected=move || !is_page()>"Ticket"</option>
                    </select>
                </div>
                <NumberField
                    label="Long window (min)"
                    id=format!("{prefix}-long")
                    value=number(|t| f64::from(t.long_minutes))
                    parse=parse_whole_minutes
                    check=check_long
                    commit=set(|t, v| t.long_minutes = v as u32)
                />
                <NumberField
                    label="Short window (min)"
                    id=format!("{prefix}-short")
                    value=number(|t| f64::from(t.short_minutes))
                    parse=parse_whole_minutes
                    check=check_short
                    commit=set(|t, v| t.short_minutes = v as u32)
                />
                <NumberField
                    label="Budget spent (%)"
                    id=format!("{prefix}-budget")
                    value=number(|t| t.budget_percent)
                    parse=parse_share_percent
                    commit=set(|t, v| t.budget_percent = v)
                />
                <div class="field burn-rate">
                    <label for=burn_id.clone()>"Burn rate"</label>
                    <output id=burn_id>{burn_rate}</output>
                </div>
                <button
                    type="button"
                    class="remove-tier"
                    aria-label=format!("Remove tier {n}")
                    on:click=move |_| {
                        edit(Box::new(move |s| {
                            if i < s.alerting.tiers.len() {
                                s.alerting.tiers.remove(i);
                            }
                        }))
                    }
                >
                    "Remove"
                </button>
            </div>
        </fieldset>
    }
}
