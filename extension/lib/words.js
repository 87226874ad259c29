// The words the UI uses for the core's kinds; the core decides which kind a URL is.

const KINDS = Object.freeze({
  account_signin: "Account sign-in page",
  general_signin: "General AWS sign-in page (no account)",
  signin_redirect: "Page of the sign-in flow (not a sign-in URL to keep)",
  federation_token: "Federation link with a one-time sign-in token",
  switch_role: "Switch-role link",
  console_page: "AWS console page",
  access_portal: "IAM Identity Center access portal",
  lookalike: "Page imitating AWS (possible phishing)",
  unrelated: "Not an AWS sign-in or console page",
});

/** The kind in words. */
export function kindInWords(kind) {
  return KINDS[kind] ?? kind;
}

/** The headline of a warning about a bookmark of a URL of this kind. */
export function bookmarkHeadline(kind, { created = false } = {}) {
  const which = created ? "The bookmark you just saved" : "The bookmark you opened";
  if (kind === "federation_token") return `${which} holds a one-time sign-in token`;
  if (kind === "lookalike") return `${which} points at a page that imitates AWS`;
  return `${which} points at a sign-in redirect`;
}

/** `text` as a sentence: the core's messages have no final full stop. */
export function sentence(text) {
  const trimmed = String(text ?? "").trim();
  return trimmed === "" || /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
