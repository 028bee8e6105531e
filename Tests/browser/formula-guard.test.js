// The survey form's CSV download (survey.js) must guard formula-like answers exactly as
// Kenshu's CSV writer does (Sources/KenshuTabular/FormulaGuard.swift), so that a file a
// participant hands over cannot run in Excel and still reads back as typed. The cases are
// FormulaGuardRoundTripTests' table plus the signed-number exceptions.
// Run: node --test Tests/browser/formula-guard.test.js
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const source = fs.readFileSync(
  path.join(__dirname, "../../Sources/KenshuSite/Theme/assets/survey.js"), "utf8");
// The two functions are declared inside survey.js's closure; take them out by name.
function extract(name) {
  const start = source.indexOf("function " + name + "(");
  assert.ok(start >= 0, name + " not found in survey.js");
  let depth = 0;
  for (let i = source.indexOf("{", start); i < source.length; i++) {
    if (source[i] === "{") depth++;
    if (source[i] === "}" && --depth === 0) return source.slice(start, i + 1);
  }
  throw new Error("unbalanced " + name);
}
const context = {};
vm.runInNewContext(
  extract("looksLikeFormula") + extract("guarded") + extract("csvCell") +
    "this.guarded = guarded; this.csvCell = csvCell;", context);

const cases = [
  ["=1+1", "'=1+1"], ["-特になし", "'-特になし"], ["@x", "'@x"], ["+a", "'+a"], ["\t=1", "'\t=1"],
  ["'=1", "''=1"], ["''-x", "'''-x"], ["'-5", "'-5"], ["'abc", "'abc"], ["'", "'"], ["-5", "-5"],
  ["abc", "abc"], ["", ""], ["-1,234.5", "-1,234.5"], ["+81", "+81"], ["+81-90", "'+81-90"],
  ["-", "'-"], ["=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"], ["\r=1", "'\r=1"],
];

test("guarded() matches FormulaGuard.guarded", () => {
  for (const [text, cell] of cases) assert.strictEqual(context.guarded(text), cell, JSON.stringify(text));
});

test("csvCell() guards before quoting", () => {
  assert.strictEqual(context.csvCell("=1,2"), "\"'=1,2\"");
  assert.strictEqual(context.csvCell(["=a", "b"]), "'=a;b");
  assert.strictEqual(context.csvCell(null), "");
});
