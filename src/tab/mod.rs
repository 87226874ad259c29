//! What the extension shows and keeps for a browser tab: the page's view (badge, notice), the tab's
//! sign-in flow, the accounts this browser knows, the `aws-userInfo` cookie, the team's context on a
//! page, the address-bar keyword, the launcher's search over accounts, roles and regions, and the
//! region move after a role link.
//!
//! May import: `aws`, `url`, `team`.

pub(crate) mod json_text;
pub mod known_accounts;
pub mod launcher;
pub mod navigation_flow;
pub mod offered_accounts;
pub mod omnibox;
pub mod page_view;
pub(crate) mod read_stored;
pub mod region_move;
mod stored_team;
pub(crate) mod stored_value;
pub mod team_context;
pub mod team_omnibox;
pub mod user_info;
