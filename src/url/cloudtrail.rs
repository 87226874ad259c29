//! Where CloudTrail logs a console sign-in made through an account sign-in URL.
//!
//! Only as far as the sources go: the IAM user guide (console home goes to a regional sign-in
//! endpoint, `?region=R` pins it to R, a console without regions such as S3 goes to the global
//! endpoint) and the CloudTrail user guide (the root user's sign-in is always logged in us-east-1).

use crate::aws::regions::Region;
use serde::Serialize;

/// Which sign-in endpoint receives the sign-in, and so where its CloudTrail event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Endpoint {
    /// A regional sign-in endpoint; the region is known only when the URL pins it.
    Regional,
    /// The global sign-in endpoint (logged as global, in us-east-1).
    Global,
}

/// The prediction for one URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CloudTrail {
    /// Regional or global endpoint; `None` where the sources do not say.
    pub endpoint: Option<Endpoint>,
    /// The region the event is logged in, where the sources name one; `None`: AWS chooses.
    pub region: Option<Region>,
    /// The prediction in one sentence, with the root-user exception.
    pub explanation: String,
}

/// Consoles documented as having no region, whose sign-in goes to the global endpoint.
const CONSOLES_WITHOUT_REGION: [&str; 1] = ["s3"];

const ROOT_NOTE: &str = "A root user's sign-in is always logged in us-east-1.";

/// Predicts for an account sign-in URL with the given console path segment (`/console/SERVICE`)
/// and region pin.
pub fn predict(service: Option<&str>, pinned: Option<Region>) -> CloudTrail {
    if let Some(region) = pinned {
        return CloudTrail {
            endpoint: Some(Endpoint::Regional),
            region: Some(region),
            // Built by pieces: `format!` costs more than the rest of the prediction.
            explanation: [
                "The region parameter pins the sign-in to the ",
                region.code(),
                " sign-in endpoint; CloudTrail logs it in ",
                region.code(),
                ". ",
                ROOT_NOTE,
            ]
            .concat(),
        };
    }
    if service.is_some_and(|s| CONSOLES_WITHOUT_REGION.contains(&s)) {
        return CloudTrail {
            endpoint: Some(Endpoint::Global),
            region: None,
            explanation: [
                "This console does not support regions, so the sign-in goes to the global sign-in endpoint and CloudTrail logs it as global. ",
                ROOT_NOTE,
            ]
            .concat(),
        };
    }
    if service.is_none_or(|s| s == "home") {
        return CloudTrail {
            endpoint: Some(Endpoint::Regional),
            region: None,
            explanation: [
                "The console home sends the sign-in to a regional sign-in endpoint; AWS chooses the region, and CloudTrail logs it there. ",
                ROOT_NOTE,
            ]
            .concat(),
        };
    }
    CloudTrail {
        endpoint: None,
        region: None,
        explanation: [
            "AWS chooses the endpoint: a regional one for a console with regions, the global one for a console without. Add ?region= to pin it. ",
            ROOT_NOTE,
        ]
        .concat(),
    }
}
