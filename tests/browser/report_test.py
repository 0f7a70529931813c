#!/usr/bin/env python3
"""The HTML report in a real browser: report_test.py SCALEPOL SOURCE_DIR WORK_DIR.

Writes the report of the EU AI Act over Epoch AI's notable models (with --confidence-ranges, so
that estimates carry ranges), opens it in Debian's headless chromium, driven by Debian's
python3-selenium through Debian's chromedriver, with no network, and checks from the DOM: one
chart point per model that has a training-compute figure and a publication date, and one range
bar per such model with a Confident, Likely or Speculative label (both counted here from the CSV,
not from the report), the labelled 1e25 FLOP line, and that typing a name in the filter leaves
exactly the matching rows. Saves WORK_DIR/report.png (docs/img/ holds a copy).

Everything it uses is a Debian 12 package: chromium, chromium-driver, python3-selenium. CHROMIUM
and CHROMEDRIVER override the paths of the browser and the driver. A missing one is a failure
that names the package to install, never a pass or a skip. Nothing is downloaded.
"""
import csv
import json
import math
import os
import re
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

CHROMIUM_PACKAGE = "chromium"
CHROMEDRIVER_PACKAGE = "chromium-driver"
SELENIUM_PACKAGE = "python3-selenium"
VIEWPORT = (1280, 1000)


def die(message):
    print(f"browser test: {message}", file=sys.stderr)
    sys.exit(1)


if len(sys.argv) != 4:
    die("usage: report_test.py SCALEPOL SOURCE_DIR WORK_DIR")
scalepol, root, work = (Path(a).resolve() for a in sys.argv[1:4])
chromium_path = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
chromedriver_path = os.environ.get("CHROMEDRIVER") or "/usr/bin/chromedriver"

# What the test needs, before anything runs.
if not (os.path.isfile(chromium_path) and os.access(chromium_path, os.X_OK)):
    die(f"no chromium at `{chromium_path}`: run scripts/setup.sh (Debian package {CHROMIUM_PACKAGE})")
if not (os.path.isfile(chromedriver_path) and os.access(chromedriver_path, os.X_OK)):
    die(f"no chromedriver at `{chromedriver_path}`: run scripts/setup.sh (Debian package {CHROMEDRIVER_PACKAGE})")
try:
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException, WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError as e:
    die(f"the Python module selenium is missing for {sys.executable} ({e}): "
        f"run scripts/setup.sh (Debian package {SELENIUM_PACKAGE})")

failures = 0


def check(ok, what):
    global failures
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures += 1


# The data: the repository's own copy, so the test reads nothing outside the repository.
data = root / "examples" / "data" / "epoch_notable_ai_models_2025-05.csv"
policy = root / "stdlib" / "regulations" / "eu_ai_act.policy"
report = work / "report.html"
if not data.is_file():
    die(f"no data file at `{data}`")

# Python's csv module (quoted fields, doubled quotes, line breaks inside quotes) reads the data, so
# the counts do not come from the engine under test.
with open(data, encoding="utf-8-sig", newline="") as f:
    rows_of_csv = list(csv.reader(f))
header = rows_of_csv[0]


def col(name):
    return header.index(name) if name in header else -1


i_model, i_compute, i_date, i_confidence = (col("Model"), col("Training compute (FLOP)"),
                                            col("Publication date"), col("Confidence"))
check(i_model >= 0 and i_compute >= 0 and i_date >= 0 and i_confidence >= 0,
      "the CSV has Model, Training compute (FLOP), Publication date and Confidence columns")
if failures:
    die("cannot count the expected points without those columns")
records = [r for r in rows_of_csv[1:] if len(r) > 1]

NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def field(r, i):
    return r[i].strip() if i < len(r) else ""


def plottable(r):
    figure = field(r, i_compute)
    if not NUMBER.fullmatch(figure):
        return False
    value = float(figure)
    return math.isfinite(value) and value > 0 and DATE.fullmatch(field(r, i_date)) is not None


plotted = [r for r in records if plottable(r)]
expected_points = len(plotted)
# --confidence-ranges makes a range of every figure labelled one of these (docs/uncertainty-confidence.md).
expected_bars = sum(1 for r in plotted if field(r, i_confidence).lower() in ("confident", "likely", "speculative"))
query = "GPT-4"
expected_matches = sum(1 for r in records if query.lower() in field(r, i_model).lower())
print(f"data: {data.relative_to(root)}: {len(records)} records, {expected_points} with compute and date "
      f"({expected_bars} of them with a confidence label), {expected_matches} named *{query}*", flush=True)

# The report. Exit 2 would mean damaged values in the data, which this file has none of.
work.mkdir(parents=True, exist_ok=True)
run = subprocess.run([str(scalepol), "run", str(policy), "--models", str(data), "--confidence-ranges",
                      "--format", "html", "-o", str(report)])
if run.returncode != 0 or not report.is_file():
    check(False, f"scalepol run writes the HTML report (exit {run.returncode})")
    sys.exit(1)
html = report.read_text(encoding="utf-8")
check(not re.search(r"<script[^>]+src=|<link[^>]+href=|@import|url\(http", html, re.IGNORECASE),
      "the page loads no script, style or font from elsewhere")
print(f"report: {len(html)} bytes", flush=True)

# A fresh, empty profile for every run.
profile = work / "chromium-profile"
shutil.rmtree(profile, ignore_errors=True)
profile.mkdir(parents=True)

# The WebDriver client talks to chromedriver on localhost; a proxy from the environment must not
# come between them, and chromium must not send anything to one.
for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
    os.environ.pop(name, None)

options = webdriver.ChromeOptions()
options.binary_location = chromium_path
for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions", "--no-default-browser-check",
            "--hide-scrollbars", f"--user-data-dir={profile}", f"--window-size={VIEWPORT[0]},{VIEWPORT[1]}",
            # No network: every host name fails to resolve and nothing goes through a proxy, so any
            # request that tries to leave the file fails (and is reported below).
            "--host-resolver-rules=MAP * ~NOTFOUND", "--no-proxy-server"):
    options.add_argument(arg)
# The browser's console (console.error and uncaught exceptions are SEVERE) and its network events.
options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
# An explicit driver path: selenium never looks for one with Selenium Manager or on the network.
service = Service(executable_path=chromedriver_path, log_path=str(work / "chromedriver.log"))

try:
    driver = webdriver.Chrome(service=service, options=options)
except WebDriverException as e:
    check(False, f"chromium starts under chromedriver ({e.msg}; see {work / 'chromedriver.log'})")
    sys.exit(1)


def js(script, *args):
    return driver.execute_script(script, *args)


def count(selector):
    return js("return document.querySelectorAll(arguments[0]).length;", selector)


def script_errors():
    return [entry.get("message", "") for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]


def is_local(url):
    return url.startswith(("file:", "data:", "blob:", "about:"))


def requests_out():
    """The URLs that left the page's file: those chromium tried to fetch (its network log) and
    those the page's resource timing lists."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    urls += js("return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
               ".map((e) => e.name);")
    return sorted({u for u in urls if not is_local(u)})


def png_size(path):
    """Width and height from a PNG's IHDR chunk."""
    with open(path, "rb") as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n":
        return (0, 0)
    return struct.unpack(">II", head[16:24])


def wait_until(condition, seconds):
    try:
        WebDriverWait(driver, seconds, poll_frequency=0.05).until(lambda d: condition())
        return True
    except TimeoutException:
        return False


try:
    # The page's viewport is exactly 1280x1000 (the window's frame would take part of
    # --window-size); the layout and the screenshot are of that size.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": VIEWPORT[0], "height": VIEWPORT[1], "deviceScaleFactor": 1, "mobile": False})
    driver.set_page_load_timeout(60)
    # Chromium's first tab shows its new-tab page, whose chrome:// loads are no concern of the
    # report: leave it for an empty page and drop what the logs hold so far.
    driver.get("about:blank")
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(report.as_uri())
    if not wait_until(lambda: count("body[data-ready=true]") == 1, 30):
        check(False, "the page is ready (body[data-ready=true]) within 30 s")
    errors = script_errors()
    check(not errors, "no script error" + (": " + "; ".join(errors) if errors else ""))
    external = requests_out()
    check(not external, "no request leaves the file" + (": " + ", ".join(external) if external else ""))

    points = count("#chart circle[data-model]")
    check(points == expected_points,
          f"the chart has one point per model with compute and date ({points}, expected {expected_points})")

    bars = count("#chart line.range")
    check(bars == expected_bars,
          f"a range bar per plotted model with a confidence label ({bars}, expected {expected_bars})")
    # GPT-4's 2.1e25 FLOP, Speculative, is 7e23 to 6.3e26: across the 1e25 line.
    gpt4 = js("const c = document.querySelector('#chart circle[data-model=\"GPT-4\"]');"
              "return c ? c.getAttribute('data-status') : null;")
    check(gpt4 == "possible", f"GPT-4's point is drawn as possible ({gpt4})")

    lines = js("return Array.from(document.querySelectorAll('#chart line.threshold'),"
               " (l) => Number(l.getAttribute('data-threshold')));")
    check(1e25 in [float(v) for v in lines if v is not None],
          f"a line at 1e25 FLOP is drawn (lines at {', '.join(f'{float(v):g}' for v in lines if v is not None)})")
    # The label's own text (its <title> child holds the quote, shown on hover).
    labels = js("return Array.from(document.querySelectorAll('#chart text.threshold-label'),"
                " (t) => t.firstChild ? t.firstChild.nodeValue : '');")
    check(any("systemic_risk" in t and "1e25 FLOP" in t for t in labels),
          f"the 1e25 line is labelled with its rule and value ({' | '.join(labels)})")

    rows = count("#rows tr.row")
    check(rows == len(records), f"the table has a row per model ({rows}, expected {len(records)})")
    # The obligations column, last, as the text table writes it: GPT-4 straddles 1e25 under
    # --confidence-ranges, so its notification is only possibly owed (`notify~`).
    heads = js("return Array.from(document.querySelectorAll('#head-row th'), (th) => th.firstChild.textContent);")
    gpt4_ob = js("const tr = document.querySelector('#rows tr.row[data-model=\"GPT-4\"]');"
                 " return tr ? tr.lastElementChild.textContent : null;")
    check(heads[-1:] == ["obligations"] and gpt4_ob == "notify~",
          f"the last column lists the obligations incurred (header {heads[-1:]}, GPT-4: {gpt4_ob})")
    # Real key presses into the filter, then the page's own (debounced) filtering.
    box = driver.find_element(By.ID, "filter")
    box.click()
    box.send_keys(query)
    wait_until(lambda: count("#rows tr.row:not([hidden])") == expected_matches, 5)
    shown = js("return Array.from(document.querySelectorAll('#rows tr.row:not([hidden])'),"
               " (tr) => tr.getAttribute('data-model'));")
    check(len(shown) == expected_matches and len(shown) < rows
          and all("gpt-4" in (n or "").lower() for n in shown),
          f'typing "{query}" leaves exactly the {expected_matches} matching rows '
          f"({len(shown)} shown: {', '.join(n or '' for n in shown)})")

    # A verdict's explanation opens on a click: the first shown row whose text holds the query.
    target = next((tr for tr in driver.find_elements(By.CSS_SELECTOR, "#rows tr.row:not([hidden])")
                   if query.lower() in (tr.get_attribute("textContent") or "").lower()), None)
    if target is not None:
        target.click()
        wait_until(lambda: count("#rows tr.detail:not([hidden]) .why") > 0, 5)
    why = count("#rows tr.detail:not([hidden]) .why")
    check(why > 0, "clicking a row shows its verdicts' explanations")

    # The screenshot: the filter cleared, the page from the top (title, legend, the chart and its lines).
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACKSPACE)
    if not wait_until(lambda: count("#rows tr.row[hidden]") == 0, 5):
        check(False, "clearing the filter shows every row again")
    js("document.querySelectorAll('#rows tr.detail').forEach((d) => { d.hidden = true; });")
    # Since 2010: the years where the lines matter, less crowded than the whole history.
    Select(driver.find_element(By.ID, "years")).select_by_value("2010")
    js("window.scrollTo(0, 0);")
    time.sleep(0.2)
    shot = work / "report.png"
    saved = driver.save_screenshot(str(shot))
    width, height = png_size(shot) if saved else (0, 0)
    check(saved and (width, height) == VIEWPORT,
          f"the screenshot is saved, {VIEWPORT[0]}x{VIEWPORT[1]} ({width}x{height}, {shot})")
    print(f"screenshot: {shot}", flush=True)

    errors = script_errors()
    check(not errors, "no script error while filtering, clicking and choosing the years"
          + (": " + "; ".join(errors) if errors else ""))
except WebDriverException as e:
    check(False, f"the browser session ran to its end ({e.msg})")
finally:
    driver.quit()

if failures:
    print(f"{failures} check{'' if failures == 1 else 's'} failed", file=sys.stderr)
    sys.exit(1)
print("all checks passed")
