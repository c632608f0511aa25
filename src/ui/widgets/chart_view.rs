//! A chart you can point at: the SVG the chart module drew, with a crosshair over it that
//! follows the pointer or the arrow keys and says the exact values there (also to screen
//! readers), and for charts over time, zoom by dragging a range or with buttons. The
//! figures come from `charts::crosshair`; this only binds pointer and keys to them.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::crosshair::{drag_range, key_action, zoom_range, KeyAction, Reading};
use crate::charts::palette::PALETTE;
use crate::charts::PointableChart;
use crate::model::slo::figures::format_number;
use crate::ui::shared::Shared;

/// A chart's zoom: the days shown (`None`: all) and the whole range.
#[derive(Clone, Copy)]
pub struct Zoom {
    /// The x range shown, or `None` for the whole.
    pub window: RwSignal<Option<(f64, f64)>>,
    /// The whole x range.
    pub full: Signal<(f64, f64)>,
}

/// The chart of `chart` (`width` × `height` viewBox pixels) with its crosshair; `what`
/// names it; `zoom` adds zooming.
#[component]
pub fn ChartView(
    /// The chart and its crosshair data.
    #[prop(into)]
    chart: Signal<Shared<PointableChart>>,
    /// The chart's SVG size.
    size: (u32, u32),
    /// What the chart shows, for its label.
    what: &'static str,
    /// Zooming, for charts over time.
    #[prop(optional)]
    zoom: Option<Zoom>,
) -> impl IntoView {
    let width = f64::from(size.0);
    let index = RwSignal::new(None::<usize>);
    let drag = RwSignal::new(None::<(f64, f64)>);
    let frame_ref = NodeRef::<leptos::html::Div>::new();
    // A new chart (zoomed, or the data changed) keeps the crosshair only where it still is.
    Effect::new(move |_| {
        let len = chart.with(|c| c.crosshair.len());
        if index.get_untracked().is_some_and(|i| i >= len) {
            index.set(None);
        }
    });
    let reading = Memo::new(move |_| {
        let i = index.get()?;
        chart.with(|c| c.crosshair.read(i))
    });
    let to_px = move |client_x: i32| -> Option<f64> {
        let el = frame_ref.get_untracked()?;
        let rect = el.get_bounding_client_rect();
        (rect.width() > 0.0).then(|| (f64::from(client_x) - rect.left()) * width / rect.width())
    };
    let point_at = move |px: f64| {
        let i = chart.with_untracked(|c| c.crosshair.index_at_px(px));
        index.set(i);
    };
    let on_move = move |e: ev::PointerEvent| {
        let Some(px) = to_px(e.client_x()) else {
            return;
        };
        if let Some((start, _)) = drag.get_untracked() {
            drag.set(Some((start, px)));
        }
        point_at(px);
    };
    let on_down = move |e: ev::PointerEvent| {
        if zoom.is_none() || e.button() != 0 {
            return;
        }
        if let Some(px) = to_px(e.client_x()) {
            drag.set(Some((px, px)));
            if let Some(target) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = target.set_pointer_capture(e.pointer_id());
            }
        }
    };
    let on_up = move |_: ev::PointerEvent| {
        let Some((from, to)) = drag.get_untracked() else {
            return;
        };
        drag.set(None);
        if let (Some(zoom), Some(range)) = (
            zoom,
            chart.with_untracked(|c| drag_range(&c.crosshair.frame, from, to)),
        ) {
            zoom.window.set(Some(range));
        }
    };
    let zoom_by = move |factor: f64| {
        let Some(zoom) = zoom else { return };
        let full = zoom.full.get_untracked();
        let current = zoom.window.get_untracked();
        let (a, b) = current.unwrap_or(full);
        let center = reading
            .get_untracked()
            .map(|r| chart.with_untracked(|c| c.crosshair.xs[r.index]))
            .unwrap_or((a + b) / 2.0);
        zoom.window.set(zoom_range(current, full, center, factor));
    };
    let on_key = move |e: ev::KeyboardEvent| {
        let (len, step) = chart.with_untracked(|c| (c.crosshair.len(), c.crosshair.step()));
        match key_action(&e.key(), index.get_untracked(), len, step, zoom.is_some()) {
            KeyAction::Ignore => return,
            KeyAction::Point(i) => index.set(i),
            KeyAction::ZoomBy(factor) => zoom_by(factor),
            KeyAction::ResetZoom => {
                if let Some(z) = zoom {
                    z.window.set(None);
                }
            }
        }
        e.prevent_default();
    };
    let keys = if zoom.is_some() {
        "Point at the chart, or focus it and use the arrow keys (Home, End, Page Up and Page Down jump), to read the values; drag across it or press + and − to zoom, 0 to reset."
    } else {
        "Point at the chart, or focus it and use the arrow keys, to read the values."
    };
    let readout = move || reading.with(|r| r.as_ref().map(|r| r.text.clone()).unwrap_or_default());
    let zoom_tools = zoom.map(|zoom| view! { <ZoomTools zoom zoom_by=Callback::new(zoom_by) /> });
    view! {
        <div class="chart-view">
            <div
                class="chart-frame"
                node_ref=frame_ref
                tabindex="0"
                role="group"
                aria-label=format!("{what}: {keys}")
                on:pointermove=on_move
                on:pointerdown=on_down
                on:pointerup=on_up
                on:pointerleave=move |_| {
                    if drag.get_untracked().is_none() {
                        index.set(None);
                    }
                }
                on:keydown=on_key
            >
                <div class="chart-svg" inner_html=move || chart.with(|c| c.svg.clone())></div>
                <CrosshairOverlay chart reading drag size />
            </div>
            <p class="crosshair-readout" aria-live="polite" data-figure="crosshair">{readout}</p>
            {zoom_tools}
        </div>
    }
}

/// Zoom in, out and reset, with the range shown.
#[component]
fn ZoomTools(zoom: Zoom, zoom_by: Callback<f64>) -> impl IntoView {
    let z = zoom;
    let status = move || {
        let full = z.full.get();
        match z.window.get() {
            None => format!("Showing all {} days.", format_number(full.1 - full.0, 1)),
            Some((a, b)) => format!(
                "Showing day {} to {} of {}.",
                format_number(a, 2),
                format_number(b, 2),
                format_number(full.1 - full.0, 1)
            ),
        }
    };
    view! {
        <div class="toolbar zoom-tools">
            <button type="button" on:click=move |_| zoom_by.run(0.5)>"Zoom in"</button>
            <button type="button" on:click=move |_| zoom_by.run(2.0) disabled=move || z.window.get().is_none()>"Zoom out"</button>
            <button type="button" on:click=move |_| z.window.set(None) disabled=move || z.window.get().is_none()>"Reset zoom"</button>
            <span class="hint">{status}</span>
        </div>
    }
}

/// The crosshair's line and dots at the reading, and the band being dragged to zoom.
#[component]
fn CrosshairOverlay(
    chart: Signal<Shared<PointableChart>>,
    reading: Memo<Option<Reading>>,
    drag: RwSignal<Option<(f64, f64)>>,
    size: (u32, u32),
) -> impl IntoView {
    let overlay = move || {
        let r = reading.get();
        let (top, bottom) = chart.with(|c| c.crosshair.frame.y_px);
        let line = r.as_ref().map(|r| {
            view! { <line class="crosshair-line" x1=r.x_px x2=r.x_px y1=top y2=bottom /> }
        });
        let dots = r.map(|r| {
            r.dots
                .into_iter()
                .map(|(series, y)| {
                    let color = PALETTE[series % PALETTE.len()];
                    let fill = format!("rgb({},{},{})", color.0, color.1, color.2);
                    view! { <circle class="crosshair-dot" cx=r.x_px cy=y r="5" fill=fill /> }
                })
                .collect_view()
        });
        let band = drag.get().filter(|(a, b)| (a - b).abs() >= 1.0).map(|(a, b)| {
        view! {
            <rect class="zoom-band" x=a.min(b) y=top width=(a - b).abs() height=(bottom - top).max(0.0) />
        }
    });
        (band, line, dots)
    };
    view! {
        <svg class="crosshair" viewBox=format!("0 0 {} {}", size.0, size.1) aria-hidden="true">
            {overlay}
        </svg>
    }
}
