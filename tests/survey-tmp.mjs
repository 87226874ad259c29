import * as espree from "espree";
import fs from "node:fs";
const files = process.argv.slice(2);
for (const f of files) {
  const src = fs.readFileSync(f, "utf8");
  const ast = espree.parse(src, { ecmaVersion: "latest", sourceType: "module", loc: true });
  const walk = (n, parent) => {
    if (!n || typeof n.type !== "string") return;
    if (n.type === "Literal" && typeof n.value === "string") console.log(`${f}:${n.loc.start.line}\tL\t${JSON.stringify(n.value)}`);
    if (n.type === "TemplateElement") console.log(`${f}:${n.loc.start.line}\tT\t${JSON.stringify(n.value.raw)}`);
    for (const k of Object.keys(n)) { if (k === "parent") continue; const v = n[k]; if (Array.isArray(v)) v.forEach((c) => walk(c, n)); else if (v && typeof v === "object") walk(v, n); }
  };
  walk(ast);
}
