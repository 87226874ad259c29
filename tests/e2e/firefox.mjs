// Launches headless Firefox ESR with the extension as a temporary add-on (selenium-webdriver +
// geckodriver), reaching the fixture server for the real AWS host names (issue 6). The scenarios and the
// DOM contract are shared with Chromium (scenarios.mjs, contract.mjs).
//
// Host mapping: Firefox's `network.dns.localDomains` maps a name to 127.0.0.1 but keeps port 443, and the
// fixture server listens on a random port; so Firefox is pointed at the server's CONNECT proxy instead
// (`startFixtureServer({proxy: true})`), which tunnels only the mapped domains to the HTTPS server. URLs
// stay exactly AWS's (no port), and the browser does no DNS lookup for them.

import { access } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { Builder } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import { ROOT, requireBuiltExtension } from "./chromium.mjs";

/** The built Firefox extension (`cargo xtask dist`). */
export const DIST_FIREFOX = join(ROOT, "dist/firefox");
/** Firefox: Debian's ESR, unless `FIREFOX` names another. */
export const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
/** geckodriver: `GECKODRIVER`, else the one `cargo install geckodriver` puts in ~/.cargo/bin. */
export const GECKODRIVER = process.env.GECKODRIVER ?? join(homedir(), ".cargo/bin/geckodriver");

/**
 * Starts Firefox with a fresh (temporary) profile and installs the extension as a temporary add-on.
 * @param {{server: import("./fixture-server.mjs").FixtureServer, extension?: string|null,
 *   prefs?: Record<string, unknown>}} options `server` must have been started with `{proxy: true}`
 * @returns {Promise<{driver: import("selenium-webdriver").WebDriver, addonId: string|null, close: () => Promise<void>}>}
 */
export async function launchFirefox({ server, extension = DIST_FIREFOX, prefs = {} }) {
  if (!server.proxyPort) throw new Error("launchFirefox needs the fixture server's proxy: startFixtureServer({proxy: true})");
  try {
    await access(GECKODRIVER);
  } catch (error) {
    throw new Error(`geckodriver not found at ${GECKODRIVER}: cargo install geckodriver (or set GECKODRIVER)`, {
      cause: error,
    });
  }
  const options = new firefox.Options().setBinary(FIREFOX).addArguments("-headless").setAcceptInsecureCerts(true);
  const settings = {
    // Every https request goes through the fixture proxy, which refuses anything but the mapped domains.
    "network.proxy.type": 1,
    "network.proxy.ssl": "127.0.0.1",
    "network.proxy.ssl_port": server.proxyPort,
    "network.proxy.no_proxies_on": "",
    // Optional permissions requested by the extension are granted without a doorhanger (Mozilla's test pref).
    "extensions.webextOptionalPermissionPrompts": false,
    // No first-run pages, no update checks, no telemetry.
    "browser.shell.checkDefaultBrowser": false,
    "app.update.enabled": false,
    "datareporting.policy.dataSubmissionEnabled": false,
    "toolkit.telemetry.enabled": false,
    ...prefs,
  };
  for (const [name, value] of Object.entries(settings)) options.setPreference(name, value);
  const service = new firefox.ServiceBuilder(GECKODRIVER).setStdio("ignore");
  const driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
  let addonId = null;
  try {
    if (extension) {
      await requireBuiltExtension(extension);
      addonId = await driver.installAddon(extension, true);
    }
  } catch (error) {
    await driver.quit().catch(() => {});
    throw error;
  }
  return {
    driver,
    addonId,
    /** Quits Firefox; geckodriver removes the temporary profile. */
    close: () => driver.quit(),
  };
}
