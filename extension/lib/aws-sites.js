// @ts-check
// The AWS sign-in, console and access-portal sites, as the webNavigation filters take them. The manifest
// names the same sites as match patterns (`*://*.DOMAIN/*` in host_permissions and the content script's
// matches); xtask's tests check that the two lists agree.

/** The registrable AWS domains the extension works on; each with all its subdomains. */
export const AWS_DOMAINS = Object.freeze([
  "signin.aws.amazon.com",
  "console.aws.amazon.com",
  "signin.amazonaws.cn",
  "console.amazonaws.cn",
  "signin.amazonaws-us-gov.com",
  "console.amazonaws-us-gov.com",
  "signin.aws",
  "awsapps.com",
  // IAM Identity Center access portals: ssoins-….portal.REGION.app.aws, ssoins-….REGION.portal.amazonaws.com,
  // and the China partition's forms.
  "portal.amazonaws.com",
  "app.aws",
  "awsapps.cn",
  "portal.amazonaws.com.cn",
  "app.amazonwebservices.com.cn",
]);

/** `webNavigation` event filters matching exactly those sites (the domain itself or a subdomain). */
export const AWS_URL_FILTERS = Object.freeze(
  AWS_DOMAINS.flatMap((domain) => [
    { schemes: ["https", "http"], hostEquals: domain },
    { schemes: ["https", "http"], hostSuffix: `.${domain}` },
  ]),
);
