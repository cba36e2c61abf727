"""The dashboard as a person uses it, in headless Chromium: each view loads, a changed learning
rate changes the chart and the labels, a run written while the page watches it redraws.

Usage: check_dashboard.py ADDRESS RUNS_DIR SCREENSHOT_DIR [TOKEN_ADDRESS] (run by
scripts/check-dashboard); TOKEN_ADDRESS is a second dashboard's address with its ?token=.
Prints one line per check and ends with "dashboard: N passed, M failed"; exits 1 on a failure.
"""

import os
import sys
import time

from selenium.common.exceptions import StaleElementReferenceException
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

address, runs_dir, shots = sys.argv[1], sys.argv[2], sys.argv[3]
guarded = sys.argv[4] if len(sys.argv) > 4 else None
base = address.split("?")[0].rstrip("/")
passed, failed = 0, 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok    {name}")
    else:
        failed += 1
        print(f"FAIL  {name} {detail}")


def wait_for(driver, what, predicate, timeout=60):
    try:
        # The page redraws as frames arrive: an element found a moment ago may be gone; ask again.
        return WebDriverWait(driver, timeout, poll_frequency=0.2,
                             ignored_exceptions=[StaleElementReferenceException]).until(lambda d: predicate(d))
    except Exception as error:  # a timeout is a failed check, with what was awaited
        check(f"waiting for {what}", False, f"({type(error).__name__})")
        return None


def shot(driver, name):
    path = os.path.join(shots, f"{name}.png")
    driver.save_screenshot(path)
    print(f"      screenshot {path}")


def verdict_labels(driver):
    # Read in one script call: the rows are rebuilt at every frame of a playing run.
    return driver.execute_script(
        "return [...document.querySelectorAll('#verdicts tbody tr')].map(r => r.children[1].textContent)")


def chart_svg(driver, element_id):
    return driver.execute_script(f"const s = document.querySelector('#{element_id} svg'); return s ? s.outerHTML : '';")


options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1500,1300", "--disable-gpu"]:
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
try:
    # The first visit carries the token (when there is one) and gets it back as a cookie.
    driver.get(address)

    # ---- Playground: x², the demo's three learning rates and its own labels.
    labels = wait_for(driver, "the x² verdicts", lambda d: (lambda v: v if len(v) == 3 and "running…" not in v else None)(verdict_labels(d)))
    check("x²: three runs labelled as the demo labels them", labels == ["too small", "just right", "exploded at epoch 30"], labels)
    svg = chart_svg(driver, "loss-chart")
    check("x²: the loss chart is the server's SVG, on a log axis", "lr=0.1 (just right)" in svg and "1e" in svg)
    shot(driver, "playground-x2")

    # Change a learning rate: 0.1 becomes 1, where x flips sign every step and the loss stays put.
    field = driver.find_element(By.ID, "lrs")
    field.clear()
    field.send_keys("0.001, 1, 1.1")
    driver.find_element(By.ID, "run").click()
    labels = wait_for(driver, "the new verdicts", lambda d: (lambda v: v if len(v) == 3 and v[1] != "just right" and "running…" not in v else None)(verdict_labels(d)))
    check("x²: lr 1 is labelled too large", labels is not None and labels[1] == "too large", labels)
    svg = chart_svg(driver, "loss-chart")
    check("x²: the chart shows lr=1 and no longer lr=0.1", "lr=1 (too large)" in svg and "lr=0.1 (" not in svg)

    # A slider moves its learning rate and reruns everything.
    driver.execute_script(
        "const s = document.getElementById('lr-slider-1'); s.value = '-1'; s.dispatchEvent(new Event('input'));")
    labels = wait_for(driver, "the slider's run", lambda d: (lambda v: v if len(v) == 3 and v[1] == "just right" else None)(verdict_labels(d)))
    check("x²: the slider set lr 0.1 and the verdict followed", labels is not None and "0.1" in driver.find_element(By.ID, "lrs").get_attribute("value"))

    # Hover values come from the page script over the server's SVG.
    chart = driver.find_element(By.CSS_SELECTOR, "#loss-chart svg")
    webdriver.ActionChains(driver).move_to_element(chart).perform()
    tooltip = driver.find_element(By.ID, "tooltip")
    check("hover shows values", tooltip.is_displayed() and "→" in tooltip.text, tooltip.text)

    # ---- Playground: Rosenbrock, paths over the contour lines, and the range test.
    Select(driver.find_element(By.ID, "problem")).select_by_value("rosenbrock")
    wait_for(driver, "the Rosenbrock paths", lambda d: d.execute_script(
        "return document.body.dataset.playground === 'done' && !!document.querySelector('#landscape-chart svg .contour')"))
    landscape = chart_svg(driver, "landscape-chart")
    check("Rosenbrock: contour lines and one path per learning rate", landscape.count('class="contour"') > 5 and landscape.count('class="points"') == 3)
    labels = verdict_labels(driver)
    check("Rosenbrock: each verdict is what rerunning the run did", labels == ["too slow", "too slow", "healthy"], labels)
    driver.find_element(By.ID, "find").click()
    items = wait_for(driver, "the range test's suggestions", lambda d: d.find_elements(By.CSS_SELECTOR, "#suggestions li.suggestion") or None)
    check("find my learning rate: suggestions marked on the curve", bool(items) and "valley" in chart_svg(driver, "find-chart"))
    shot(driver, "playground-rosenbrock")

    # ---- Playground: a bundled data set and a small network, trained live.
    Select(driver.find_element(By.ID, "problem")).select_by_value("moons")
    labels = wait_for(driver, "the moons runs", lambda d: (lambda v: v if len(v) == 3 and all(l and l != "running…" for l in v) and d.execute_script("return document.body.dataset.playground") == "done" else None)(verdict_labels(d)), timeout=120)
    check("moons: three trained runs with the diagnosis' verdicts", labels is not None and all(l and l != "running…" for l in labels), labels)
    shot(driver, "playground-moons")

    # ---- Runs: the runs under --logdir, overlaid, with diagnosis and rescues, and live.
    driver.find_element(By.ID, "tab-runs").click()
    rows = wait_for(driver, "the first run's summary", lambda d: d.find_elements(By.CSS_SELECTOR, "#run-summaries tbody tr") or None)
    check("runs: the first run is shown with a verdict", bool(rows) and rows[0].find_elements(By.TAG_NAME, "td")[0].text == "iris")
    for box in driver.find_elements(By.CSS_SELECTOR, ".run-choice"):
        if not box.is_selected():
            box.click()
    rows = wait_for(driver, "two runs overlaid", lambda d: (lambda r: r if len(r) == 2 else None)(d.find_elements(By.CSS_SELECTOR, "#run-summaries tbody tr")))
    loss = chart_svg(driver, "run-loss-chart")
    check("runs: both runs on one loss chart", "iris" in loss and "wine-lr30" in loss)
    wine = [r.text for r in rows[1].find_elements(By.TAG_NAME, "td")] if rows else []
    check("runs: the lr-30 run shows its guard rescue", len(wine) == 5 and wine[4] != "none", wine)
    check("runs: learning-rate and validation charts", bool(chart_svg(driver, "run-lr-chart")) and bool(chart_svg(driver, "run-validation-chart")))
    shot(driver, "runs")

    # A run written while the page watches: a CSV log that grows.
    os.makedirs(os.path.join(runs_dir, "live"), exist_ok=True)
    live = os.path.join(runs_dir, "live", "metrics.csv")
    with open(live, "w") as log:
        log.write("step,loss,lr\n" + "".join(f"{s},{2.0 / (1 + s)},0.01\n" for s in range(20)))
    driver.refresh()
    driver.find_element(By.ID, "tab-runs").click()
    box = wait_for(driver, "the live run in the list", lambda d: [b for b in d.find_elements(By.CSS_SELECTOR, ".run-choice") if b.get_attribute("value") == "live"] or None)
    if box:
        for other in driver.find_elements(By.CSS_SELECTOR, ".run-choice"):
            if other.is_selected():
                other.click()
        box[0].click()
        wait_for(driver, "the live stream", lambda d: d.find_element(By.ID, "live").is_displayed())
        first = wait_for(driver, "the live run's 20 steps", lambda d: (lambda t: t if t == "20" else None)(
            d.find_element(By.CSS_SELECTOR, "#run-summaries tbody tr td:nth-child(2)").text))
        with open(live, "a") as log:
            log.write("".join(f"{s},{2.0 / (1 + s)},0.01\n" for s in range(20, 60)))
        grown = wait_for(driver, "the live run to redraw with 60 steps", lambda d: (lambda t: t if t == "60" else None)(
            d.find_element(By.CSS_SELECTOR, "#run-summaries tbody tr td:nth-child(2)").text), timeout=20)
        check("runs: a run being written redraws live (server-sent events)", first == "20" and grown == "60")

    # ---- Studies: history, lr against value on log axes, intermediate values with pruned grey.
    driver.find_element(By.ID, "tab-studies").click()
    wait_for(driver, "the study's charts", lambda d: d.execute_script("return !!document.querySelector('#study-intermediate-chart svg')"))
    history, rates, inter = (chart_svg(driver, i) for i in ["study-history-chart", "study-lr-chart", "study-intermediate-chart"])
    check("studies: optimisation history", "Optimisation history" in history and "best so far" in history)
    check("studies: lr against value on a log axis", "learning rate (log)" in rates)
    check("studies: pruned trials greyed out", "#b0b0b0" in inter and "pruned (grey)" in inter)
    check("studies: the best trial named", driver.find_element(By.ID, "study-best").text.startswith("Best: trial"))
    shot(driver, "studies")

    # ---- Schedules: a spec in each dialect draws its curve; a bad one says what to change.
    driver.find_element(By.ID, "tab-schedules").click()
    wait_for(driver, "the schedule chart", lambda d: "OneCycleLR" in chart_svg(d, "schedule-chart"))
    spec = driver.find_element(By.ID, "spec")
    spec.clear()
    spec.send_keys('{"name":"warmup_cosine_decay_schedule","init_value":0,"peak_value":0.001,"warmup_steps":100,"decay_steps":1000}')
    driver.find_element(By.ID, "draw").click()
    summary = wait_for(driver, "the optax curve", lambda d: (lambda t: t if t.startswith("warmup_cosine_decay_schedule") else None)(d.find_element(By.ID, "schedule-summary").text))
    check("schedules: an optax spec draws its curve", summary is not None and "warmup_cosine_decay_schedule" in chart_svg(driver, "schedule-chart"))
    shot(driver, "schedules")
    spec.clear()
    spec.send_keys('{"name":"StepLR","lr":0.1,"step_sise":30}')
    driver.find_element(By.ID, "draw").click()
    error = wait_for(driver, "the spec's error", lambda d: d.find_element(By.ID, "schedule-error").text or None)
    check("schedules: a misspelt parameter is named, with the closest one", error is not None and "step_size" in error, error)

    # ---- A dashboard with a token: refused without it; with the printed address the cookie
    # carries it to every request, the playground's event stream included.
    if guarded:
        origin = guarded.split("?")[0]
        driver.get(origin)
        check("token: the page is refused without the token", "needs its token" in driver.page_source)
        driver.get(guarded)
        labels = wait_for(driver, "the guarded playground", lambda d: (lambda v: v if len(v) == 3 and "running…" not in v else None)(verdict_labels(d)))
        check("token: after the printed address, the page and its event stream work", labels == ["too small", "just right", "exploded at epoch 30"], labels)
        check("token: the address bar no longer shows the token", "token=" not in driver.current_url)
finally:
    driver.quit()

print(f"dashboard: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
