// The HTML report in a real browser: node report_test.mjs SCALEPOL SOURCE_DIR WORK_DIR CHROMIUM.
//
// Writes the report of the EU AI Act over Epoch AI's notable models (with --confidence-ranges, so
// that estimates carry ranges), opens it in headless chromium with no network, and checks from the
// DOM: one chart point per model that has a training-compute figure and a publication date, and
// one range bar per such model with a Confident, Likely or Speculative label (both counted here
// from the CSV, not from the report), the labelled 1e25 FLOP line, and that typing a name in the
// filter leaves exactly the matching rows. Saves WORK_DIR/report.png (docs/img/ holds a copy).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [scalepol, root, work, chromiumPath] = process.argv.slice(2).map((a, i) => (i < 3 ? path.resolve(a) : a));
const require = createRequire(path.join(work, "package.json"));
const { chromium } = require("playwright-core");

let failures = 0;
function check(ok, what) {
  console.log((ok ? "ok   " : "FAIL ") + what);
  if (!ok) failures++;
}

// The data: the shared copy beside the repository when there is one, else the repository's own.
const shared = path.join(root, "..", "shared", "data", "epoch_notable_ai_models_2025-05.csv");
const data = existsSync(shared) ? shared : path.join(root, "examples", "data", "epoch_notable_ai_models_2025-05.csv");
const policy = path.join(root, "stdlib", "regulations", "eu_ai_act.policy");
const report = path.join(work, "report.html");

// A CSV reader of its own (quoted fields, doubled quotes, line breaks inside quotes), so the count
// does not come from the engine under test.
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field); rows.push(row); row = []; field = "";
    } else field += c;
  }
  if (field !== "" || row.length) { row.push(field); rows.push(row); }
  return rows;
}
const csv = parseCsv(readFileSync(data, "utf8").replace(/^\uFEFF/, ""));
const header = csv[0];
const col = (name) => header.indexOf(name);
const [iModel, iCompute, iDate, iConfidence] =
  [col("Model"), col("Training compute (FLOP)"), col("Publication date"), col("Confidence")];
check(iModel >= 0 && iCompute >= 0 && iDate >= 0 && iConfidence >= 0,
  "the CSV has Model, Training compute (FLOP), Publication date and Confidence columns");
const records = csv.slice(1).filter((r) => r.length > 1);
const plottable = records.filter((r) => {
  const c = Number(r[iCompute].trim());
  return r[iCompute].trim() !== "" && Number.isFinite(c) && c > 0 && /^\d{4}-\d{2}-\d{2}$/.test(r[iDate].trim());
});
const expectedPoints = plottable.length;
// --confidence-ranges makes a range of every figure labelled one of these (docs/uncertainty-confidence.md).
const expectedBars = plottable.filter((r) => /^(confident|likely|speculative)$/i.test(r[iConfidence].trim())).length;
const query = "GPT-4";
const expectedMatches = records.filter((r) => r[iModel].toLowerCase().includes(query.toLowerCase())).length;
console.log(`data: ${path.relative(root, data)}: ${records.length} records, ${expectedPoints} with compute and date ` +
  `(${expectedBars} of them with a confidence label), ${expectedMatches} named *${query}*`);

// The report. Exit 2 would mean damaged values in the data, which this file has none of.
execFileSync(scalepol, ["run", policy, "--models", data, "--confidence-ranges", "--format", "html", "-o", report],
  { stdio: "inherit" });
const html = readFileSync(report, "utf8");
check(!/<script[^>]+src=|<link[^>]+href=|@import|url\(http/i.test(html), "the page loads no script, style or font from elsewhere");
console.log(`report: ${html.length} bytes`);

const profile = path.join(work, "chromium-profile");
rmSync(profile, { recursive: true, force: true });
mkdirSync(profile, { recursive: true });
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"],
  viewport: { width: 1280, height: 1000 },
});
try {
  // Nothing but the file itself may be fetched.
  const external = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    external.push(url);
    return route.abort();
  });
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(pathToFileURL(report).href);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30000 });
  check(errors.length === 0, "no script error" + (errors.length ? ": " + errors.join("; ") : ""));
  check(external.length === 0, "no request leaves the file" + (external.length ? ": " + external.join(", ") : ""));

  const points = await page.locator("#chart circle[data-model]").count();
  check(points === expectedPoints, `the chart has one point per model with compute and date (${points}, expected ${expectedPoints})`);

  const bars = await page.locator("#chart line.range").count();
  check(bars === expectedBars, `a range bar per plotted model with a confidence label (${bars}, expected ${expectedBars})`);
  // GPT-4's 2.1e25 FLOP, Speculative, is 7e23 to 6.3e26: across the 1e25 line.
  const gpt4 = await page.getAttribute('#chart circle[data-model="GPT-4"]', "data-status");
  check(gpt4 === "possible", `GPT-4's point is drawn as possible (${gpt4})`);

  const lines = await page.$$eval("#chart line.threshold", (ls) => ls.map((l) => Number(l.getAttribute("data-threshold"))));
  check(lines.includes(1e25), `a line at 1e25 FLOP is drawn (lines at ${lines.join(", ")})`);
  // The label's own text (its <title> child holds the quote, shown on hover).
  const labels = await page.$$eval("#chart text.threshold-label", (ts) => ts.map((t) => t.firstChild.nodeValue));
  check(labels.some((t) => t.includes("systemic_risk") && t.includes("1e25 FLOP")),
    `the 1e25 line is labelled with its rule and value (${labels.join(" | ")})`);

  const rows = await page.locator("#rows tr.row").count();
  check(rows === records.length, `the table has a row per model (${rows}, expected ${records.length})`);
  await page.fill("#filter", query);
  await page.waitForFunction((n) => document.querySelectorAll("#rows tr.row:not([hidden])").length === n,
    expectedMatches, { timeout: 5000 }).catch(() => {});
  const shown = await page.$$eval("#rows tr.row:not([hidden])", (trs) => trs.map((tr) => tr.getAttribute("data-model")));
  check(shown.length === expectedMatches && shown.length < rows && shown.every((n) => n.toLowerCase().includes("gpt-4")),
    `typing "${query}" leaves exactly the ${expectedMatches} matching rows (${shown.length} shown: ${shown.join(", ")})`);

  // A verdict's explanation opens on a click.
  await page.locator("#rows tr.row:not([hidden])", { hasText: "GPT-4" }).first().click();
  const why = await page.locator("#rows tr.detail:not([hidden]) .why").count();
  check(why > 0, "clicking a row shows its verdicts' explanations");

  // The screenshot: the filter cleared, the page from the top (chart, legend, lines, table head).
  await page.fill("#filter", "");
  await page.locator("#rows tr.detail").evaluateAll((ds) => ds.forEach((d) => { d.hidden = true; }));
  // Since 2010: the years where the lines matter, less crowded than the whole history.
  await page.selectOption("#years", "2010");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(work, "report.png"), fullPage: false });
  console.log(`screenshot: ${path.join(work, "report.png")}`);
} finally {
  await context.close();
}
if (failures) {
  console.error(`${failures} check${failures === 1 ? "" : "s"} failed`);
  process.exit(1);
}
console.log("all checks passed");
