//! The `aws-userInfo` cookie on any value: never a panic, and what it keeps is consistent (an
//! account ID or partition only with the ARN they come from).
#![no_main]

use libfuzzer_sys::fuzz_target;
use signin_guard::tab::user_info::parse_user_info;

fuzz_target!(|value: &str| {
    let Some(info) = parse_user_info(value) else {
        return;
    };
    if info.account_id.is_some() || info.partition.is_some() {
        assert!(info.arn.is_some(), "{value:?}: {info:?}");
    }
    if let (Some(arn), Some(partition)) = (&info.arn, info.partition) {
        let prefix = format!("arn:{}:", partition.id());
        assert!(arn.starts_with(&prefix), "{arn:?} is not of {partition:?}");
    }
    serde_json::to_string(&info).expect("serialises");
});
