//! Share links: the whole plan, deflated and base64url-encoded, in the URL fragment
//! (`#share=…`), which browsers never send to a server.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::model::plan::format::{read_plan, write_plan, MAX_FILE_BYTES};
use crate::model::plan::problem::{PlanError, Problem};
use crate::model::plan::Plan;

/// What starts the fragment of a share link.
pub const SHARE_PREFIX: &str = "#share=";

/// The longest link the workbook makes. Chromium and Firefox open far longer addresses, but
/// mail and chat tools cut links beyond a few tens of thousands of characters.
pub const MAX_LINK_CHARS: usize = 64_000;

/// Why a share link could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The link would be this many characters, over [`MAX_LINK_CHARS`].
    TooLarge(usize),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::TooLarge(chars) => write!(
                f,
                "this plan is too large for a link ({chars} characters; a link can hold {MAX_LINK_CHARS}). Export it as a file and send the file instead."
            ),
        }
    }
}

/// The fragment payload for `plan`: compact JSON, raw deflate, base64url without padding.
/// Histories are left out: their rows would not fit a link (export the file instead).
pub fn encode(plan: &Plan) -> String {
    let mut plan = plan.clone();
    plan.histories.clear();
    let json = write_plan(&plan, false);
    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9))
}

/// A share link for `plan` at the page address `page_url` (any fragment is replaced).
pub fn share_link(page_url: &str, plan: &Plan) -> Result<String, ShareError> {
    let base = page_url.split('#').next().unwrap_or(page_url);
    let link = format!("{base}{SHARE_PREFIX}{}", encode(plan));
    if link.len() > MAX_LINK_CHARS {
        Err(ShareError::TooLarge(link.len()))
    } else {
        Ok(link)
    }
}

/// The payload of a fragment that is a share link, if it is one.
pub fn payload_of(fragment: &str) -> Option<&str> {
    fragment.strip_prefix(SHARE_PREFIX)
}

/// Reads the plan in a share link's payload, with the same checks as an imported file.
pub fn decode(payload: &str) -> Result<Plan, PlanError> {
    let damaged =
        |why: String| PlanError::single(Problem::file(format!("the link is damaged: {why}")));
    let payload = payload.trim();
    if payload.is_empty() {
        return Err(damaged(
            "it holds no plan (was it cut short when copied?)".into(),
        ));
    }
    if let Some((at, c)) = payload
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        return Err(damaged(format!(
            "{c:?} at position {} is not a character share links use",
            at + 1
        )));
    }
    let packed = URL_SAFE_NO_PAD.decode(payload).map_err(|_| {
        damaged("its length is impossible for a share link (was it cut short when copied?)".into())
    })?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_FILE_BYTES)
        .map_err(|e| {
            damaged(match e.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                    format!("it unpacks to more than {} MB", MAX_FILE_BYTES / 1_048_576)
                }
                _ => {
                    "its data cannot be unpacked (was it cut short or changed when copied?)".into()
                }
            })
        })?;
    read_plan(&bytes)
}
