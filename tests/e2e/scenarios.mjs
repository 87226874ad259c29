// One list of scenarios, two browsers: the fixture pages that the local TLS server serves for real AWS
// host names, and what the extension must say about each. The Chromium tests (`chromium.test.mjs`) and the
// Firefox tests (`firefox.test.mjs`) read this file; neither keeps its own copy of a URL or an expectation.
//
// Expected values are the core's (`signin-guard check --json URL` prints the same verdict).

import { AWS_URL_FILTERS } from "../../extension/lib/aws-sites.js";

/**
 * Domains whose hosts (the domain and its subdomains) the browser sends to the fixture server (Chromium
 * `--host-resolver-rules`, Firefox's proxy): every AWS site of the generated catalogue (`cargo xtask regions`
 * writes the worker's filters from it), the cookie domain of the console, and the lookalikes' domains.
 */
export const MAPPED_DOMAINS = Object.freeze([
  ...AWS_URL_FILTERS.flatMap((filter) => (filter.hostEquals ? [filter.hostEquals] : [])),
  "evil.example",
  "aws-amazon.com",
  "xn--amazn-uce.com",
]);

/** The account the fixtures sign in to: its alias is in the sign-in URL, its id in the console's cookie. */
export const ACCOUNT = Object.freeze({ alias: "myalias", id: "123456789012", user: "jane" });

/** The canonical sign-in URL of that account: the URL to bookmark. */
export const CANONICAL = "https://myalias.signin.aws.amazon.com/console";

/** The sign-in page for people who type their account in themselves (the `aws` partition's). */
export const GENERAL_SIGNIN = "https://console.aws.amazon.com/";

// The console's own OAuth client (an AWS-owned account id, never the user's) and the console home it returns to.
const CONSOLE_CLIENT = "arn:aws:iam::015428540659:user/homepage";
const RETURN_TO = "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true";
const CODE_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

/**
 * Where `signin.aws.amazon.com/signin?…` sends the browser, as AWS does: the regional OAuth endpoint, with the
 * same client and return address.
 * @param {URL} from the request's URL
 */
export function regionalOauthUrl(from) {
  const to = new URL("https://us-east-1.signin.aws.amazon.com/oauth");
  to.searchParams.set("response_type", "code");
  to.searchParams.set("client_id", from.searchParams.get("client_id") ?? CONSOLE_CLIENT);
  to.searchParams.set("redirect_uri", from.searchParams.get("redirect_uri") ?? RETURN_TO);
  to.searchParams.set("code_challenge", CODE_CHALLENGE);
  to.searchParams.set("code_challenge_method", "SHA-256");
  return to.href;
}

const capturedRedirect = (() => {
  const url = new URL("https://signin.aws.amazon.com/signin");
  url.searchParams.set("redirect_uri", RETURN_TO);
  url.searchParams.set("client_id", CONSOLE_CLIENT);
  url.searchParams.set("forceMobileApp", "0");
  return url.href;
})();

/** The `aws-userInfo` cookie the console sets (URL-encoded JSON, readable by scripts, for `.amazon.com`). */
export const USER_INFO = Object.freeze({
  alias: ACCOUNT.alias,
  arn: `arn:aws:iam::${ACCOUNT.id}:user/${ACCOUNT.user}`,
  username: ACCOUNT.user,
  keybase: "",
  issuer: "https://signin.aws.amazon.com/signin",
  signinType: "PUBLIC",
});

/**
 * The scenarios: each page a person may open, and what the extension shows there.
 * - `url`: what the browser opens; `lands`: where it ends up after the server's redirects (if elsewhere);
 * - `kind`, `account`, `canonical`, `warnings` (codes): the core's verdict of `url`;
 * - `notice`: the in-page notice's level (`info`, `warning`, `danger`); `undefined`: not asserted;
 * - `fix`: what "Fix this bookmark" makes of a bookmark of `url` once the account is known.
 */
export const PAGES = Object.freeze({
  accountSignin: {
    title: "account sign-in page (alias in the URL)",
    url: CANONICAL,
    kind: "account_signin",
    account: ACCOUNT.alias,
    canonical: CANONICAL,
    warnings: [],
    notice: "info",
  },
  accessPortalAppAws: {
    title: "IAM Identity Center access portal on app.aws",
    url: "https://ssoins-7223fd24797c3af2.portal.us-east-1.app.aws/start",
    kind: "access_portal",
    account: null,
    canonical: null,
    warnings: [],
  },
  accountSigninChina: {
    title: "account sign-in page in the China partition",
    url: "https://myalias.signin.amazonaws.cn/console",
    kind: "account_signin",
    account: ACCOUNT.alias,
    canonical: "https://myalias.signin.amazonaws.cn/console",
    warnings: [],
    notice: "info",
  },
  capturedRedirect: {
    title: "bookmark of signin.aws.amazon.com/signin?redirect_uri=… (redirects to a regional /oauth page)",
    url: capturedRedirect,
    lands: regionalOauthUrl(new URL(capturedRedirect)),
    kind: "signin_redirect",
    account: null,
    canonical: null,
    warnings: ["captured_redirect"],
    notice: "warning",
    fix: CANONICAL,
  },
  regionalOauth: {
    title: "regional /oauth?… page of the sign-in flow",
    url: regionalOauthUrl(new URL(capturedRedirect)),
    kind: "signin_redirect",
    account: null,
    canonical: null,
    warnings: ["captured_redirect"],
    notice: "warning",
    fix: CANONICAL,
  },
  console: {
    title: "console home in us-east-1 (sets the aws-userInfo cookie)",
    url: "https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1",
    kind: "console_page",
    account: null, // the URL does not name it; the cookie does
    accountFromCookie: ACCOUNT.alias,
    canonical: CANONICAL, // known from the cookie
    warnings: [],
    notice: undefined, // not asserted: whether the console gets a notice is the extension's choice
    region: "us-east-1",
  },
  regionalSigninEusc: {
    title: "regional sign-in page of the AWS European Sovereign Cloud (aws-eusc)",
    url: "https://eusc-de-east-1.signin.amazonaws-eusc.eu/oauth?response_type=code&client_id=arn%3Aaws-eusc%3Asignin%3A%3A%3Aconsole%2Fcanvas",
    kind: "signin_redirect",
    account: null,
    canonical: null,
    warnings: ["captured_redirect"],
    notice: "warning", // the same bookmark notice as on the aws partition's regional sign-in page: no phishing warning
  },
  accountSigninEusc: {
    title: "account sign-in page of the AWS European Sovereign Cloud (aws-eusc)",
    url: "https://myalias.signin.amazonaws-eusc.eu/console",
    kind: "account_signin",
    account: ACCOUNT.alias,
    canonical: "https://myalias.signin.amazonaws-eusc.eu/console",
    warnings: [],
    notice: "info",
  },
  lookalikeEusc: {
    title: "lookalike of the European Sovereign Cloud's sign-in domain (suffix trick)",
    url: "https://signin.amazonaws-eusc.eu.evil.example/console",
    kind: "lookalike",
    account: null,
    canonical: null,
    warnings: ["lookalike"],
    notice: "danger",
  },
  lookalike: {
    title: "lookalike host (AWS host name inside evil.example)",
    url: "https://myalias.signin.aws.amazon.com.evil.example/console",
    kind: "lookalike",
    account: null,
    canonical: null,
    warnings: ["lookalike"],
    notice: "danger",
  },
  lookalikeHyphen: {
    title: "lookalike registrable domain (aws-amazon.com)",
    url: "https://signin.aws-amazon.com/console",
    kind: "lookalike",
    account: null,
    canonical: null,
    warnings: ["lookalike"],
    notice: "danger",
  },
  // An address only the WHATWG parser reads (a punycode label): the wake package, which carries no parser, leaves
  // its events to the extension package (src/url/deferral.rs), so this page tests that path end to end.
  lookalikePunycode: {
    title: "lookalike host with a punycode label (signin.aws.xn--amazn-uce.com)",
    url: "https://signin.aws.xn--amazn-uce.com/console",
    kind: "lookalike",
    account: null,
    canonical: null,
    warnings: ["lookalike"],
    notice: "danger",
  },
});

/** A federation sign-in link with a one-time token, and the console page it lands on. */
export const FEDERATION = Object.freeze({
  token: "SIGNINTOKENSECRET0123456789",
  url: "https://signin.aws.amazon.com/federation?Action=login&Issuer=example.org&Destination=https%3A%2F%2Fconsole.aws.amazon.com%2F&SigninToken=SIGNINTOKENSECRET0123456789",
  lands: "https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1",
});

/** The pages of a partition other than `aws` that must read as AWS pages with lookalike protection on, too. */
export const PROTECTED_AWS_PAGES = Object.freeze(["regionalSigninEusc", "accountSigninEusc"]);

/** The region picker: what is typed, and where the chosen region's sign-in link goes. */
export const REGION_PICK = Object.freeze({
  from: "accountSignin",
  query: "ohio",
  code: "us-east-2",
  opens: `${CANONICAL}?region=us-east-2`,
});

/** Switching the console tab of `PAGES.console` to another region rewrites its URL to this. */
export const REGION_SWITCH = Object.freeze({
  from: "console",
  code: "us-east-2",
  becomes: "https://us-east-2.console.aws.amazon.com/console/home?region=us-east-2",
});

/**
 * The omnibox keyword `aws`, once the account is known: `text` typed after it opens `opens`; typing
 * `partial` suggests `suggests`.
 */
export const OMNIBOX = Object.freeze({
  keyword: "aws",
  text: `${ACCOUNT.alias} eu-west-1`,
  opens: `${CANONICAL}?region=eu-west-1`,
  partial: ACCOUNT.alias.slice(0, 3),
  suggests: ACCOUNT.alias,
});

/** The context-menu item on links ("Copy canonical AWS sign-in URL"): its id, shared with the extension. */
export const MENU_COPY_CANONICAL = "copy-canonical";

/** Links on the fixture console page, and what "Copy canonical AWS sign-in URL" copies for each. */
export const LINKS = Object.freeze([
  { id: "link-deep", url: "https://myalias.signin.aws.amazon.com/console/s3?region=eu-west-1", canonical: CANONICAL },
  { id: "link-china", url: "https://myalias.signin.amazonaws.cn/console", canonical: "https://myalias.signin.amazonaws.cn/console" },
  { id: "link-redirect", url: capturedRedirect, canonical: null },
]);

/**
 * What the fixture server answers, keyed by host (a `*.` prefix matches any labels) and path (a prefix that
 * ends at `/` or `?`; `*` matches any). The first match wins. `page` names a template of the server;
 * `redirect` computes a 302's Location.
 */
export const ROUTES = Object.freeze([
  { host: "signin.aws.amazon.com", path: "/signin", redirect: (url) => regionalOauthUrl(url) },
  // A federation sign-in link: AWS signs the browser in and sends it to the console.
  { host: "signin.aws.amazon.com", path: "/federation", redirect: () => FEDERATION.lands },
  { host: "signin.aws.amazon.com", path: "/console", page: "general-signin" },
  { host: "console.aws.amazon.com", path: "/", exact: true, page: "general-signin" },
  { host: "*.signin.aws.amazon.com", path: "/oauth", page: "oauth-signin" },
  { host: "*.signin.aws.amazon.com", path: "/console", page: "account-signin" },
  { host: "*.signin.amazonaws.cn", path: "/console", page: "account-signin" },
  { host: "*.signin.amazonaws-us-gov.com", path: "/console", page: "account-signin" },
  { host: "*.signin.amazonaws-eusc.eu", path: "/oauth", page: "oauth-signin" },
  { host: "*.signin.amazonaws-eusc.eu", path: "/console", page: "account-signin" },
  { host: "*.console.aws.amazon.com", path: "/console/home", page: "console", cookieDomain: ".amazon.com" },
  { host: "*.app.aws", path: "/start", page: "access-portal" },
  { host: "*.awsapps.com", path: "/start", page: "access-portal" },
  // A role switch that lands, as a real one does, in the region the console last used (LAUNCHER.lastRegionConsole).
  { host: "signin.aws.amazon.com", path: "/switchrole", redirect: () => LAUNCHER.lastRegionConsole },
  { host: "*.evil.example", path: "*", page: "phishing" },
  { host: "*.aws-amazon.com", path: "*", page: "phishing" },
]);

/**
 * The popup's Accounts section with the team of docs/examples/team-config.json: what is typed and the link
 * Enter opens, by each sign-in method. A role switch lands in `lastRegionConsole`; the extension then moves
 * the tab to the region chosen (`movedTo`).
 */
export const LAUNCHER = Object.freeze({
  portal: {
    query: "prod read frankfurt",
    opens:
      "https://acme.awsapps.com/start/#/console?account_id=111122223333&role_name=ReadOnlyAccess" +
      "&destination=https%3A%2F%2Feu-central-1.console.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Deu-central-1",
  },
  role: {
    query: "data lake",
    opens:
      "https://signin.aws.amazon.com/switchrole?account=210987654321&roleName=analytics/DataEngineer" +
      "&displayName=Data%20lake%20%2F%20Data%20engineer",
    movedTo: "https://eu-central-1.console.aws.amazon.com/console/home?region=eu-central-1",
  },
  iamUser: { query: "sandbox", opens: "https://777788889999.signin.aws.amazon.com/console?region=us-east-1" },
  lastRegionConsole: "https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1",
});

/**
 * Captured sign-in pages of the example team's accounts (the account-host shape the doctor's fixtures call
 * "redirect-account-alias") and what the doctor proposes for each: the team link of an account reached
 * through the portal (its first role, its default region) or by role, and the sign-in URL of one whose IAM
 * users sign in.
 */
export const TEAM_DOCTOR = Object.freeze({
  portal: {
    url: "https://acme-prod.signin.aws.amazon.com/signin?redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com%2F",
    after:
      "https://acme.awsapps.com/start/#/console?account_id=111122223333&role_name=ReadOnlyAccess" +
      "&destination=https%3A%2F%2Feu-west-1.console.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Deu-west-1",
  },
  role: {
    url: "https://acme-data.signin.aws.amazon.com/oauth?redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com%2F",
    after: LAUNCHER.role.opens,
  },
  iamUser: {
    url: "https://777788889999.signin.aws.amazon.com/signin?redirect_uri=https%3A%2F%2Fconsole.aws.amazon.com%2F",
    after: "https://777788889999.signin.aws.amazon.com/console",
  },
});

/** Every host name the scenarios use, for the test certificate's names. */
export function fixtureHosts() {
  const urls = [
    ...Object.values(PAGES).flatMap((page) => [page.url, page.lands ?? page.url]),
    REGION_PICK.opens,
    REGION_SWITCH.becomes,
    OMNIBOX.opens,
    GENERAL_SIGNIN,
    ...LINKS.map((link) => link.url),
    LAUNCHER.portal.opens,
    LAUNCHER.role.movedTo,
    LAUNCHER.lastRegionConsole,
  ];
  const hosts = new Set(urls.map((url) => new URL(url).hostname));
  return [...hosts].sort();
}
