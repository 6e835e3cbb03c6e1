// Drives the try-it page and /docs in headless Chromium (Debian's chromium, through playwright-core).
//   node tests/browser/try_it.mjs BASE_URL ARTICLE_FILE SCREENSHOT_DIR
// Prints one JSON object with what the page showed; pytest asserts on it.
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const [baseUrl, articleFile, shotDir] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-extensions", "--no-first-run"],
});
const result = { consoleErrors: [], outsideRequests: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.on("console", (m) => { if (m.type() === "error") result.consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => result.consoleErrors.push(String(e)));
  page.on("request", (r) => { if (!r.url().startsWith(baseUrl)) result.outsideRequests.push(r.url()); });

  await page.goto(baseUrl + "/");
  await page.waitForFunction(() => document.querySelectorAll("#map path.country").length > 100);
  result.countries = await page.locator("#map path.country").count();
  result.samples = await page.locator("#sample option").count();
  await page.getByLabel("Article text", { exact: true }).fill(readFileSync(articleFile, "utf8"));
  await page.getByRole("button", { name: "Enrich" }).click();
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Done"));
  result.published = await page.locator("#published").textContent();
  result.bylines = await page.locator("#bylines").textContent();
  result.topic = await page.locator("#topic").textContent();
  result.markers = await page.locator("#map .marker").evaluateAll((ns) => ns.map((n) => n.getAttribute("aria-label")));
  result.highlightedPlaces = await page.locator("#highlighted mark.place").allTextContents();
  result.highlightedDate = await page.locator("#highlighted mark.date").allTextContents();
  result.highlightedBylines = await page.locator("#highlighted mark.byline").allTextContents();

  // Near places overlap at this zoom (Ramadi and Baghdad are 100 km apart): the marker's own click
  // handler is fired directly, and a real click goes to Ramadi's highlight in the text.
  await page.locator("#map .marker[aria-label^='Ramadi']").dispatchEvent("click");
  result.ramadiDetails = await page.locator("#place-details").textContent();
  await page.locator("#map .marker[aria-label^='Geneva']").click();
  result.genevaDetails = await page.locator("#place-details").textContent();
  await page.locator("#highlighted mark.place", { hasText: "Ramadi" }).first().click();
  result.ramadiFromText = await page.locator("#place-details").textContent();
  // Keyboard: focus the Jerusalem marker and press Enter.
  await page.locator("#map .marker[aria-label^='Jerusalem']").focus();
  await page.keyboard.press("Enter");
  result.jerusalemDetails = await page.locator("#place-details").textContent();
  await page.screenshot({ path: `${shotDir}/try-it.png`, fullPage: true });

  await page.goto(baseUrl + "/docs");
  await page.waitForSelector(".swagger-ui .info .title", { timeout: 20000 });
  result.docsTitle = await page.locator(".swagger-ui .info .title").textContent();
  result.docsOperations = await page.locator(".opblock-summary-path").allTextContents();
  await page.screenshot({ path: `${shotDir}/docs.png` });
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
