import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { asRole, unique } from "./fixtures";

// Issue 7 end to end: a rubric and a queue over a demo eval run (created through the HTTP API with the
// admin's session); a reviewer labels five items by keyboard only; the engineer, as second annotator,
// disagrees on one; the admin adjudicates it; the gold labels are exported to a new dataset whose page
// shows the corrected answer as a reference.

const API = "/api/v1/projects/demo";

async function session(browser: Browser, role: "admin" | "engineer" | "reviewer") {
  const context = await browser.newContext({ storageState: asRole(role) });
  return { context, request: context.request };
}

async function createQueue(request: APIRequestContext) {
  const rubric = await request.post(`${API}/score-configs`, {
    data: {
      name: unique("e2e-rubric"),
      dimensions: [
        { name: "faithfulness", kind: "scale", min: 1, max: 5, guidelines: "5: every claim is supported by the retrieved context" },
        { name: "complete", kind: "boolean", guidelines: "Does the answer address the whole question?" },
      ],
      guidelines: "Read the retrieved context before the answer.",
    },
  });
  expect(rubric.status()).toBe(201);
  const versionId = (await rubric.json()).latestVersion.id;
  const runs = (await (await request.get(`${API}/eval-runs`)).json()).runs as { id: string; name: string; status: string }[];
  const run = runs.find((r) => r.name === "customer-support v1 (baseline)" && r.status === "completed") ?? runs.find((r) => r.status === "completed");
  expect(run, "the demo seed has a completed eval run").toBeTruthy();
  const queue = await request.post(`${API}/label-queues`, {
    data: { name: unique("e2e-queue"), scoreConfigVersionId: versionId, annotatorsPerItem: 2, source: { kind: "eval_run", runId: run!.id, mode: "sample", size: 5 } },
  });
  expect(queue.status()).toBe(201);
  const body = await queue.json();
  expect(body.items).toBe(5);
  return body.id as string;
}

test("reviewers label by keyboard, disagree, an adjudicator decides, and the gold labels become a dataset", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await session(browser, "admin");
  const queueId = await createQueue(admin.request);

  // --- the reviewer: five items, keyboard only
  const reviewer = await session(browser, "reviewer");
  const page = await reviewer.context.newPage();
  await page.goto(`/p/demo/labelling/${queueId}/review`);
  const screen = page.getByTestId("review-screen");
  const position = page.getByTestId("item-position");
  await expect(position).toHaveText("Item #1");
  await expect(page.getByTestId("review-output").locator("[dir=auto]").first()).toBeVisible();
  await expect(page.getByTestId("review-input").locator("p")).toHaveAttribute("dir", "auto");
  await expect(page.getByTestId("lock-remaining")).toHaveText(/^(29|30):\d\d$/);

  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  const seen: string[] = [];
  for (let n = 0; n < 5; n++) {
    await expect(position).toHaveText(`Item #${n + 1}`);
    seen.push(await page.getByTestId("review-input").innerText());
    // a digit outside the scale is refused on screen
    if (n === 0) {
      await page.keyboard.press("9");
      await expect(screen.getByRole("alert")).toContainText("9 is not a choice on faithfulness");
    }
    await page.keyboard.press("4");
    await page.keyboard.press("1");
    await expect(page.getByTestId("dimension-faithfulness").getByRole("radio", { name: "4" })).toHaveAttribute("aria-checked", "true");
    if (n === 0) {
      await page.keyboard.press("e");
      await expect(page.locator("#label-correction")).toBeFocused();
      await page.keyboard.type("Reviewer's corrected answer");
      await page.keyboard.press("Escape");
      await page.keyboard.press("t");
      await page.keyboard.type("refund");
      await page.keyboard.press("Enter");
      await page.keyboard.press("Escape");
      await expect(page.getByRole("list", { name: "Tags" })).toContainText("refund");
    }
    await page.keyboard.press(n % 2 ? "j" : "Enter");
  }
  await expect(page.getByText("Nothing left for you in this queue")).toBeVisible();

  // k goes back to my last label; it stays revisable until the item is gold
  await page.keyboard.press("k");
  await expect(position).toHaveText("Item #5");
  await expect(page.getByText("revising your label")).toBeVisible();
  await expect(page.getByTestId("dimension-faithfulness").getByRole("radio", { name: "4" })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("5");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Nothing left for you in this queue")).toBeVisible();
  await page.keyboard.press("k");
  await expect(page.getByTestId("dimension-faithfulness").getByRole("radio", { name: "5" })).toHaveAttribute("aria-checked", "true");

  // --- the engineer, second annotator, through the API: disagrees on the first item only
  const engineer = await session(browser, "engineer");
  for (let n = 0; n < 5; n++) {
    const claim = await engineer.request.post(`${API}/label-queues/${queueId}/claims`);
    expect(claim.status()).toBe(201);
    const { slot, item } = await claim.json();
    if (n === 0) {
      const outside = await engineer.request.put(`${API}/label-slots/${slot.id}`, { data: { scores: { faithfulness: 6, complete: true } } });
      expect(outside.status()).toBe(422);
      expect((await outside.json()).error.message).toContain("whole number from 1 to 5");
    }
    const faithfulness = item.position === 0 ? 1 : 4;
    const put = await engineer.request.put(`${API}/label-slots/${slot.id}`, { data: { scores: { faithfulness, complete: true } } });
    expect(put.status()).toBe(200);
    expect((await put.json()).item.status).toBe(item.position === 0 ? "needs_adjudication" : "gold");
  }
  expect((await (await engineer.request.post(`${API}/label-queues/${queueId}/claims`)).json()).slot).toBeNull();
  const progress = await (await admin.request.get(`${API}/label-queues/${queueId}/progress`)).json();
  expect(progress.items).toMatchObject({ total: 5, gold: 4, needsAdjudication: 1, open: 0 });
  const agreement = await (await admin.request.get(`${API}/label-queues/${queueId}/agreement`)).json();
  expect(agreement.dimensions.find((d: { dimension: string }) => d.dimension === "faithfulness")).toMatchObject({ units: 5, values: 10 });

  // --- the admin adjudicates on screen (keyboard), then exports
  const adminPage = await admin.context.newPage();
  await adminPage.goto(`/p/demo/labelling/${queueId}`);
  await expect(adminPage.getByTestId("queue-counts")).toContainText("1 needs adjudication");
  await expect(adminPage.getByTestId("agreement-faithfulness")).toContainText("n = 5 / 10");
  await adminPage.getByRole("link", { name: /Adjudicate \(1\)/ }).click();
  await expect(adminPage.getByTestId("adjudicate-screen")).toBeVisible();
  const row = adminPage.getByTestId("labels-faithfulness");
  await expect(row).toContainText("1");
  await expect(row).toContainText("4");
  await expect(row.locator("td").last()).toHaveText("3"); // the median of 1 and 4, rounded
  await adminPage.getByTestId("adjudicate-screen").focus();
  await adminPage.keyboard.press("2");
  await adminPage.keyboard.press("1");
  await adminPage.keyboard.press("e");
  const corrected = unique("Adjudicated answer");
  await adminPage.locator("#label-correction").fill(corrected);
  await adminPage.keyboard.press("Escape");
  await adminPage.keyboard.press("Enter");
  await expect(adminPage.getByText("Nothing to adjudicate")).toBeVisible();

  await adminPage.goto(`/p/demo/labelling/${queueId}`);
  await expect(adminPage.getByTestId("queue-counts")).toContainText("5 gold");
  await adminPage.getByRole("button", { name: "Export gold labels" }).click();
  const datasetName = unique("gold").toLowerCase();
  await adminPage.getByLabel("Dataset name").fill(datasetName);
  await adminPage.getByRole("button", { name: "Export", exact: true }).click();
  await expect(adminPage).toHaveURL(new RegExp(`/p/demo/datasets/${datasetName}`));
  await expect(adminPage.getByText("v1").first()).toBeVisible();
  await expect(adminPage.getByText(corrected)).toBeVisible();
  // the reviewer's screen reflects the now-final item
  expect(seen).toHaveLength(5);

  await Promise.all([admin.context.close(), reviewer.context.close(), engineer.context.close()]);
});
