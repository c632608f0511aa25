//! Makes a plotters SVG fit the page: a role, a title and a description for screen
//! readers, text and axes in the page's text color (light and dark schemes), and a
//! scalable size.

/// Escapes text for SVG/HTML content and attributes.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Adds `role="img"`, a `<title>` and a `<desc>` to an SVG document, lets it scale to its
/// container, and draws black (plotters' default for text and axes) in `currentColor`.
pub fn make_accessible(svg: &str, id: &str, title: &str, description: &str) -> String {
    let Some(open_end) = svg
        .find("<svg")
        .and_then(|start| svg[start..].find('>').map(|end| start + end))
    else {
        return svg.to_string();
    };
    let (head, rest) = svg.split_at(open_end);
    let head = head.replacen("<svg", &format!("<svg role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" preserveAspectRatio=\"xMidYMid meet\""), 1);
    let head = strip_attribute(&strip_attribute(&head, "width"), "height");
    let body = rest[1..]
        .replace("#000000", "currentColor")
        .replace("#000", "currentColor");
    format!(
        "{head} width=\"100%\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>{body}",
        escape(title),
        escape(description)
    )
}

fn strip_attribute(tag: &str, name: &str) -> String {
    let pattern = format!(" {name}=\"");
    match tag.find(&pattern) {
        Some(at) => {
            let value_start = at + pattern.len();
            match tag[value_start..].find('"') {
                Some(end) => format!("{}{}", &tag[..at], &tag[value_start + end + 1..]),
                None => tag.to_string(),
            }
        }
        None => tag.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_title_and_description_and_scales() {
        let svg = "<svg width=\"600\" height=\"300\" viewBox=\"0 0 600 300\" xmlns=\"http://www.w3.org/2000/svg\">\n<text fill=\"#000000\">a</text></svg>";
        let out = make_accessible(svg, "trend", "Trend <x>", "Developers rose & fell");
        assert!(
            out.starts_with("<svg role=\"img\" aria-labelledby=\"trend-title trend-desc\""),
            "{out}"
        );
        assert!(!out.contains("width=\"600\"") && out.contains("viewBox=\"0 0 600 300\""));
        assert!(out.contains("<title id=\"trend-title\">Trend &lt;x&gt;</title><desc id=\"trend-desc\">Developers rose &amp; fell</desc>"));
        assert!(out.contains("fill=\"currentColor\""));
    }
}
