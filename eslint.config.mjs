// eslint flat config for the extension, the web page and the end-to-end tests (`cargo xtask test`).
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    // Generated or copied code: wasm-bindgen's glue, build output, installed packages.
    ignores: ["dist/**", "node_modules/**", "target/**", "**/pkg/**", "tests/e2e/artifacts/**"],
  },
  js.configs.recommended,
  {
    files: ["extension/**/*.{js,mjs}", "www/**/*.{js,mjs}"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: { ...globals.browser, ...globals.webextensions, ...globals.serviceworker },
    },
  },
  {
    // The tests drive browsers from Node.js; code they send into a page may use browser globals.
    files: ["tests/e2e/**/*.{js,mjs}", "bench/**/*.{js,mjs}"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser, ...globals.webextensions },
    },
  },
];
