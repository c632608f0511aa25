//! Colors shared by the charts: series colors that keep contrast on light and dark
//! backgrounds (each series also gets its own marker or dash, so color is never the only
//! signal), and the grid.

use plotters::style::RGBColor;

/// Series colors in legend order.
pub const PALETTE: [RGBColor; 6] = [
    RGBColor(0x2b, 0x6c, 0xb0),
    RGBColor(0xc0, 0x56, 0x21),
    RGBColor(0x2f, 0x85, 0x5a),
    RGBColor(0x9b, 0x3b, 0x9b),
    RGBColor(0x8a, 0x6d, 0x00),
    RGBColor(0x4a, 0x5a, 0x6a),
];

/// Grid lines and borders: mid grey, readable on both schemes.
pub const GRID: RGBColor = RGBColor(0xa0, 0xa8, 0xb0);

/// Threshold lines (policy, alert thresholds): a red that reads on both schemes.
pub const THRESHOLD: RGBColor = RGBColor(0xc5, 0x30, 0x30);

/// The same color as CSS, for hand-written SVG.
pub fn css(color: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", color.0, color.1, color.2)
}
