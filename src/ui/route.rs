//! The workspaces as hash addresses (`#/slos`), so every workspace is deep-linkable and works
//! on any static host, under any sub-path, without server rewrites.

/// A workspace of the workbook.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
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
    pub const ALL: [Route; 5] = [
        Route::Plans,
        Route::Transition,
        Route::Slos,
        Route::Scenarios,
        Route::Report,
    ];

    /// The workspace named by a location hash; unknown or empty hashes give `None`.
    pub fn from_hash(hash: &str) -> Option<Route> {
        match hash.trim_start_matches('#').trim_start_matches('/') {
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
            Route::Plans => "Plans",
            Route::Transition => "Transition",
            Route::Slos => "SLOs",
            Route::Scenarios => "Scenarios",
            Route::Report => "Report",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn hashes_round_trip() {
        for route in Route::ALL {
            assert_eq!(Route::from_hash(route.hash()), Some(route));
        }
        assert_eq!(Route::from_hash(""), None);
        assert_eq!(Route::from_hash("#/nowhere"), None);
    }
}
