//! A Prometheus HTTP API `query_range` response (a JSON matrix) as a [`Table`]: one column
//! per series, named by its labels, one row per timestamp. The user then maps the columns
//! as for a CSV: good and total series, or one series as an error ratio.

use std::collections::{BTreeSet, HashSet};

use serde_json::Value;

use super::csv_reader::Table;
use super::limits::{MAX_CELLS, MAX_ROWS, MAX_SERIES};

/// Whether `text` looks like a JSON document rather than CSV.
pub fn looks_like_json(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
}

/// A series' name from its labels: `http_requests_total{code="500"}`.
fn series_name(metric: &serde_json::Map<String, Value>) -> String {
    let name = metric.get("__name__").and_then(Value::as_str).unwrap_or("");
    let labels: Vec<String> = metric
        .iter()
        .filter(|(k, _)| k.as_str() != "__name__")
        .map(|(k, v)| format!("{k}=\"{}\"", v.as_str().unwrap_or("")))
        .collect();
    if labels.is_empty() {
        if name.is_empty() {
            "{}".into()
        } else {
            name.to_string()
        }
    } else {
        format!("{name}{{{}}}", labels.join(","))
    }
}

/// Reads a `query_range` response. Rows are numbered from 2 in time order (as if the
/// header were line 1), so problems name a sample's place in the series.
pub fn read_query_range(text: &str) -> Result<Table, String> {
    let doc: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| format!("not valid JSON at line {}, column {}", e.line(), e.column()))?;
    if let Some(status) = doc.get("status").and_then(Value::as_str) {
        if status != "success" {
            let error = doc
                .get("error")
                .and_then(Value::as_str)
                .unwrap_or("no error given");
            return Err(format!("the query failed (status \"{status}\"): {error}"));
        }
    }
    let data = doc
        .get("data")
        .ok_or("not a Prometheus query_range response: no \"data\"")?;
    match data.get("resultType").and_then(Value::as_str) {
        Some("matrix") => {}
        Some(other) => {
            return Err(format!(
                "data.resultType is \"{other}\"; a range query's \"matrix\" is needed (use /api/v1/query_range)"
            ))
        }
        None => return Err("not a Prometheus query_range response: no data.resultType".into()),
    }
    let result = data
        .get("result")
        .and_then(Value::as_array)
        .ok_or("data.result is not a list")?;
    if result.is_empty() {
        return Err("data.result is empty: the query returned no series".into());
    }
    if result.len() > MAX_SERIES {
        return Err(format!(
            "data.result has {} series; at most {MAX_SERIES} can be imported (an SLI is one or two series: aggregate the query with sum(...))",
            result.len()
        ));
    }
    // First the series and their samples, checked; then, with the number of distinct times
    // known, the table is sized within the limits before it is allocated.
    let mut header = vec!["timestamp".to_string()];
    let mut names: HashSet<String> = HashSet::new();
    let mut samples: Vec<Vec<(i64, &str)>> = Vec::with_capacity(result.len());
    for (i, series) in result.iter().enumerate() {
        let metric = series
            .get("metric")
            .and_then(Value::as_object)
            .ok_or_else(|| format!("data.result[{i}].metric is not an object"))?;
        let values = series
            .get("values")
            .and_then(Value::as_array)
            .ok_or_else(|| format!("data.result[{i}].values is not a list"))?;
        let mut name = series_name(metric);
        if !names.insert(name.clone()) {
            name = format!("{name} ({})", i + 1);
            names.insert(name.clone());
        }
        header.push(name);
        let mut pairs = Vec::with_capacity(values.len());
        for (j, pair) in values.iter().enumerate() {
            let (Some(at), Some(value)) = (
                pair.get(0).and_then(Value::as_f64),
                pair.get(1).and_then(Value::as_str),
            ) else {
                return Err(format!(
                    "data.result[{i}].values[{j}] is not a [unix time, \"value\"] pair"
                ));
            };
            // Milliseconds keep fractional seconds and sort numerically.
            pairs.push(((at * 1000.0).round() as i64, value));
        }
        samples.push(pairs);
    }
    let times: BTreeSet<i64> = samples.iter().flatten().map(|(at, _)| *at).collect();
    if times.len() > MAX_ROWS {
        return Err(format!(
            "the series have {} distinct timestamps; at most {MAX_ROWS} rows can be imported (query a shorter range or a coarser step)",
            times.len()
        ));
    }
    if times.len().saturating_mul(header.len()) > MAX_CELLS {
        return Err(format!(
            "{} series at {} distinct timestamps make {} cells; at most {MAX_CELLS} can be imported (aggregate the series, or query a shorter range or a coarser step)",
            result.len(),
            times.len(),
            times.len().saturating_mul(header.len())
        ));
    }
    let times: Vec<i64> = times.into_iter().collect();
    let mut cells: Vec<Vec<String>> = vec![vec![String::new(); result.len()]; times.len()];
    for (i, pairs) in samples.iter().enumerate() {
        for (at, value) in pairs {
            if let Ok(row) = times.binary_search(at) {
                // A series without a sample at a time leaves its cell empty (not a number).
                cells[row][i] = value.to_string();
            }
        }
    }
    let rows = times
        .iter()
        .zip(cells)
        .enumerate()
        .map(|(n, (millis, values))| {
            let mut row = vec![format!("{}", *millis as f64 / 1000.0)];
            row.extend(values);
            (n + 2, row)
        })
        .collect();
    Ok(Table { header, rows })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::replay::csv_reader::{read_history, ColumnMapping, Measure, RowProblem};

    const RESPONSE: &str = r#"{"status":"success","data":{"resultType":"matrix","result":[
        {"metric":{"__name__":"requests","code":"2xx"},"values":[[1788220800,"990"],[1788220860,"1000"],[1788220920,"NaN"]]},
        {"metric":{"__name__":"requests"},"values":[[1788220800,"1000"],[1788220860,"1000"],[1788220920,"1000"]]}
    ]}}"#;

    #[test]
    fn a_matrix_becomes_a_table_of_series() {
        assert!(looks_like_json(RESPONSE));
        let table = read_query_range(RESPONSE).unwrap();
        assert_eq!(
            table.header,
            vec!["timestamp", "requests{code=\"2xx\"}", "requests"]
        );
        assert_eq!(
            table.rows[0],
            (
                2,
                vec!["1788220800".to_string(), "990".into(), "1000".into()]
            )
        );
        let mapping = ColumnMapping {
            timestamp: 0,
            measure: Measure::Counts {
                good: Some(1),
                bad: None,
                total: 2,
            },
        };
        let history = read_history(&table, &mapping, &0);
        assert_eq!(history.samples.len(), 2);
        assert_eq!(history.samples[0].good, 990.0);
        // Prometheus writes "NaN" for an undefined value: reported, not imported.
        assert_eq!(
            history.problems[0].problem,
            RowProblem::NotANumber("requests{code=\"2xx\"}".into())
        );
        assert_eq!(history.problems[0].lines, vec![4]);
    }

    #[test]
    fn other_responses_say_what_is_wrong() {
        assert_eq!(
            read_query_range(
                r#"{"status":"error","errorType":"bad_data","error":"parse error at char 5"}"#
            )
            .unwrap_err(),
            "the query failed (status \"error\"): parse error at char 5"
        );
        assert_eq!(
            read_query_range(r#"{"status":"success","data":{"resultType":"vector","result":[]}}"#).unwrap_err(),
            "data.resultType is \"vector\"; a range query's \"matrix\" is needed (use /api/v1/query_range)"
        );
        assert_eq!(
            read_query_range(r#"{"status":"success","data":{"resultType":"matrix","result":[]}}"#)
                .unwrap_err(),
            "data.result is empty: the query returned no series"
        );
        assert_eq!(
            read_query_range(r#"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,2]]}]}}"#).unwrap_err(),
            "data.result[0].values[0] is not a [unix time, \"value\"] pair"
        );
        assert!(read_query_range("{")
            .unwrap_err()
            .starts_with("not valid JSON at line 1"));
    }

    /// A response of `series` series with `times` samples each, at distinct times when
    /// `spread`, else all at the same times.
    fn response(series: usize, times: usize, spread: bool) -> String {
        let result: Vec<String> = (0..series)
            .map(|i| {
                let values: Vec<String> = (0..times)
                    .map(|t| {
                        let at = if spread { i * times + t } else { t };
                        format!("[{},\"1\"]", 1_788_220_800 + at * 60)
                    })
                    .collect();
                format!(
                    "{{\"metric\":{{\"pod\":\"p{i}\"}},\"values\":[{}]}}",
                    values.join(",")
                )
            })
            .collect();
        format!(
            "{{\"status\":\"success\",\"data\":{{\"resultType\":\"matrix\",\"result\":[{}]}}}}",
            result.join(",")
        )
    }

    #[test]
    fn responses_larger_than_a_history_can_be_are_refused_before_the_table_is_made() {
        assert_eq!(
            read_query_range(&response(20_000, 1, true)).unwrap_err(),
            "data.result has 20000 series; at most 100 can be imported (an SLI is one or two series: aggregate the query with sum(...))"
        );
        assert_eq!(
            read_query_range(&response(100, 800, true)).unwrap_err(),
            "100 series at 80000 distinct timestamps make 8080000 cells; at most 8000000 can be imported (aggregate the series, or query a shorter range or a coarser step)"
        );
        let table = read_query_range(&response(100, 800, false)).unwrap();
        assert_eq!((table.header.len(), table.rows.len()), (101, 800));
        assert_eq!(table.header[100], "{pod=\"p99\"}");
    }
}
