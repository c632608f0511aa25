//! The workspaces as hash addresses (`#/slos`), so every workspace is deep-linkable and works
//! on any static host, under any sub-path, without server rewrites.

/// A workspace of the workbook.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// Where the plan stands, on one screen.
    Overview,
    /// The plan library and the open plan's details.
    Plans,
    /// Transition from misalignment to ownership using SRE.
    Transition,
    /// Services, journeys and SLOs.
    Slos,
    /// Error-budget scenarios.
    Scenarios,
    /// The whole plan laid out to read and print.
    Report,
}

impl Route {
    /// Every workspace, in navigation order.
    pub const ALL: [Route; 6] = [
        Route::Overview,
        Route::Plans,
        Route::Transition,
        Route::Slos,
        Route::Scenarios,
        Route::Report,
    ];

    /// The workspace named by a location hash (`#/slos`, or `#/slos/<item>` for an item or
    /// section in it); unknown or empty hashes give `None`.
    pub fn from_hash(hash: &str) -> Option<Route> {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split('/').next().unwrap_or_default() {
            "overview" => Some(Route::Overview),
            "plans" => Some(Route::Plans),
            "transition" => Some(Route::Transition),
            "slos" => Some(Route::Slos),
            "scenarios" => Some(Route::Scenarios),
            "report" => Some(Route::Report),
            _ => None,
        }
    }

    /// The hash address of the workspace.
    pub fn hash(self) -> &'static str {
        match self {
            Route::Overview => "#/overview",
            Route::Plans => "#/plans",
            Route::Transition => "#/transition",
            Route::Slos => "#/slos",
            Route::Scenarios => "#/scenarios",
            Route::Report => "#/report",
        }
    }

    /// The navigation link's name.
    pub fn label(self) -> &'static str {
        match self {
            Route::Overview => "Overview",
            Route::Plans => "Plans",
            Route::Transition => "Transition",
            Route::Slos => "SLOs",
            Route::Scenarios => "Scenarios",
            Route::Report => "Report",
        }
    }
}

/// The item or section a hash names inside its workspace: `slo-1` of `#/slos/slo-1`.
pub fn hash_item(hash: &str) -> Option<&str> {
    let path = hash.trim_start_matches('#').trim_start_matches('/');
    path.split_once('/')
        .map(|(_, item)| item)
        .filter(|item| !item.is_empty())
}

/// The address of an item or section inside a workspace: `#/slos/slo-1`.
pub fn item_hash(route: Route, item: &str) -> String {
    format!("{}/{item}", route.hash())
}

#[cfg(test)]
mod tests {
    use super::{hash_item, item_hash, Route};

    #[test]
    fn hashes_round_trip() {
        for route in Route::ALL {
            assert_eq!(Route::from_hash(route.hash()), Some(route));
        }
        assert_eq!(Route::from_hash(""), None);
        assert_eq!(Route::from_hash("#/nowhere"), None);
    }

    #[test]
    fn items_ride_behind_their_workspace() {
        assert_eq!(item_hash(Route::Slos, "slo-1"), "#/slos/slo-1");
        assert_eq!(Route::from_hash("#/slos/slo-1"), Some(Route::Slos));
        assert_eq!(hash_item("#/slos/slo-1"), Some("slo-1"));
        assert_eq!(hash_item("#/transition/coaching"), Some("coaching"));
        assert_eq!(hash_item("#/slos"), None);
        assert_eq!(hash_item("#/slos/"), None);
    }
}
