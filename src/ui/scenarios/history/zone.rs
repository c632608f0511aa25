//! Time zones for history timestamps written without an offset: the browser's time-zone
//! database (`Intl`) answers what offset a zone had at an instant, so daylight-saving
//! changes are read as they happened (see `crate::replay::timestamps`).

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::replay::timestamps::LocalZone;

/// Offsets change at most on quarter hours (UTC), so one answer per quarter hour is exact.
const QUARTER_MS: i64 = 15 * 60_000;
const DAY_MS: i64 = 86_400_000;

/// An IANA zone (`Europe/Berlin`) as the browser knows it, with offsets cached.
pub struct BrowserZone {
    format: Option<Intl::DateTimeFormat>,
    cache: RefCell<HashMap<i64, i32>>,
}

impl BrowserZone {
    /// The zone named `name`; `UTC` (or a name the browser does not know) is UTC.
    pub fn new(name: &str) -> BrowserZone {
        let format = (name != "UTC").then(|| {
            let options = Object::new();
            for (key, value) in [
                ("timeZone", name),
                ("hourCycle", "h23"),
                ("year", "numeric"),
                ("month", "numeric"),
                ("day", "numeric"),
                ("hour", "numeric"),
                ("minute", "numeric"),
                ("second", "numeric"),
            ] {
                let _ = Reflect::set(&options, &key.into(), &value.into());
            }
            Intl::DateTimeFormat::new(&Array::of1(&"en-US".into()), &options)
        });
        BrowserZone {
            format,
            cache: RefCell::new(HashMap::new()),
        }
    }

    /// Asks the browser: the zone's clock reading at `utc_ms`, minus `utc_ms`.
    fn ask(&self, utc_ms: i64) -> i32 {
        let Some(format) = &self.format else {
            return 0;
        };
        let parts = format.format_to_parts(&Date::new(&JsValue::from_f64(utc_ms as f64)));
        let mut fields = [0i64; 6];
        for part in parts.iter() {
            let kind = Reflect::get(&part, &"type".into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let value: i64 = Reflect::get(&part, &"value".into())
                .ok()
                .and_then(|v| v.as_string())
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            let at = match kind.as_str() {
                "year" => 0,
                "month" => 1,
                "day" => 2,
                "hour" => 3,
                "minute" => 4,
                "second" => 5,
                _ => continue,
            };
            fields[at] = value;
        }
        let [y, mo, d, h, mi, s] = fields;
        let days = crate::model::plan::calendar::days_from_civil(y, mo as u32, d as u32);
        let clock = (((days * 24 + h) * 60 + mi) * 60 + s) * 1000;
        let whole_second = utc_ms - utc_ms.rem_euclid(1000);
        ((clock - whole_second) / 60_000) as i32
    }
}

impl LocalZone for BrowserZone {
    fn offset_at(&self, utc_ms: i64) -> i32 {
        let quarter = utc_ms.div_euclid(QUARTER_MS);
        if let Some(&offset) = self.cache.borrow().get(&quarter) {
            return offset;
        }
        // A day without a change (nearly all) is settled by two questions.
        let day = utc_ms.div_euclid(DAY_MS) * DAY_MS;
        let (first, last) = (self.ask(day), self.ask(day + DAY_MS - QUARTER_MS));
        let mut cache = self.cache.borrow_mut();
        if first == last {
            for q in 0..DAY_MS / QUARTER_MS {
                cache.insert(day / QUARTER_MS + q, first);
            }
            first
        } else {
            let offset = self.ask(quarter * QUARTER_MS);
            cache.insert(quarter, offset);
            offset
        }
    }
}

/// The zones to offer: UTC, this browser's own zone, then every zone the browser knows.
pub fn zone_names() -> Vec<String> {
    let mut names = vec!["UTC".to_string()];
    let own = Intl::DateTimeFormat::new(&Array::new(), &Object::new())
        .resolved_options()
        .unchecked_into::<Object>();
    if let Some(own) = Reflect::get(&own, &"timeZone".into())
        .ok()
        .and_then(|v| v.as_string())
        .filter(|z| z != "UTC")
    {
        names.push(own);
    }
    let all = Reflect::get(&js_sys::global(), &"Intl".into())
        .and_then(|intl| {
            let f = Reflect::get(&intl, &"supportedValuesOf".into())?;
            f.unchecked_into::<js_sys::Function>()
                .call1(&intl, &"timeZone".into())
        })
        .ok()
        .map(|list| Array::from(&list))
        .unwrap_or_default();
    for zone in all.iter().filter_map(|z| z.as_string()) {
        if !names.contains(&zone) {
            names.push(zone);
        }
    }
    names
}
