//! After a role link: the role switch lands the tab on the console in the region it last used (a
//! role link cannot name one), so the tab is moved to the region the person chose, once, and the
//! move is said.

use crate::aws::account::Account;
use crate::aws::regions::Region;
use crate::tab::page_view::{Notice, NoticeLevel};
use crate::url::classify::classify;
use crate::url::console_links::switch_console_region;
use crate::url::verdict::Kind;
use serde::{Deserialize, Serialize};

/// A move the launcher asked for: the region chosen and the account switched to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingMove {
    /// The region code chosen.
    pub region: String,
    /// The account the role link switches to (its ID or alias).
    pub account: String,
}

/// What to do with the tab now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum MoveAnswer {
    /// The switch is under way (the role link, a sign-in page): ask again on the next page.
    Wait,
    /// The tab is somewhere else, or already in the region: forget the move.
    Drop,
    /// Open `url`, the same console page in the chosen region, and show `notice` there.
    Move {
        /// The console page in the chosen region.
        url: String,
        /// What the page it lands on says about it.
        notice: Notice,
    },
}

/// The answer for the tab's page `url`.
pub fn region_move(url: &str, pending: &PendingMove) -> MoveAnswer {
    let Some(region) = Region::find(&pending.region) else {
        return MoveAnswer::Drop;
    };
    let verdict = classify(url);
    match verdict.kind {
        Kind::SwitchRole | Kind::SigninRedirect | Kind::GeneralSignin | Kind::AccountSignin => {
            MoveAnswer::Wait
        }
        Kind::ConsolePage if verdict.partition == Some(region.partition()) => {
            // A console host that names its account (multi-session) must name the chosen one.
            let other_account = match (&verdict.account, Account::parse(&pending.account)) {
                (Some(Account::Id(seen)), Ok(Account::Id(chosen))) => *seen != chosen,
                _ => false,
            };
            if other_account || verdict.region == Some(region) {
                return MoveAnswer::Drop;
            }
            match switch_console_region(url, region.code()) {
                Ok(moved) => MoveAnswer::Move {
                    url: moved,
                    notice: Notice {
                        level: NoticeLevel::Info,
                        headline: format!("Moved to {} ({})", region.name(), region.code()),
                        detail: "Sign-in Guard moved this tab to the region you chose: a role \
                                 switch opens the console in the region it last used."
                            .to_owned(),
                        show_canonical: false,
                    },
                },
                Err(_) => MoveAnswer::Drop,
            }
        }
        _ => MoveAnswer::Drop,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pending(region: &str) -> PendingMove {
        PendingMove {
            region: region.to_owned(),
            account: "210987654321".to_owned(),
        }
    }

    #[test]
    fn the_console_after_the_switch_moves_to_the_chosen_region() {
        let answer = region_move(
            "https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1",
            &pending("eu-central-1"),
        );
        assert_eq!(
            answer,
            MoveAnswer::Move {
                url: "https://eu-central-1.console.aws.amazon.com/console/home?region=eu-central-1"
                    .to_owned(),
                notice: Notice {
                    level: NoticeLevel::Info,
                    headline: "Moved to Europe (Frankfurt) (eu-central-1)".to_owned(),
                    detail: "Sign-in Guard moved this tab to the region you chose: a role switch \
                             opens the console in the region it last used."
                        .to_owned(),
                    show_canonical: false,
                }
            }
        );
    }

    #[test]
    fn the_switch_page_waits_and_other_places_drop_the_move() {
        let move_ = pending("eu-central-1");
        assert_eq!(
            region_move(
                "https://signin.aws.amazon.com/switchrole?account=210987654321&roleName=A",
                &move_
            ),
            MoveAnswer::Wait
        );
        assert_eq!(
            region_move("https://example.com/", &move_),
            MoveAnswer::Drop
        );
        assert_eq!(
            region_move(
                "https://eu-central-1.console.aws.amazon.com/console/home?region=eu-central-1",
                &move_
            ),
            MoveAnswer::Drop,
            "already there"
        );
        assert_eq!(
            region_move(
                "https://111122223333-abcd1234.us-east-1.console.aws.amazon.com/console/home",
                &move_
            ),
            MoveAnswer::Drop,
            "another account's console"
        );
    }
}
