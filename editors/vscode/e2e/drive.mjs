// Drives a running code-server (VS Code in the browser) with headless Chromium, the way a
// person would use the Portalis extension: open a Python file, hover a function, translate it
// with the code action, show the file's translation, check a file, translate the workspace,
// then point the extension at a remote backend that is down and watch the status bar report
// it. Every step leaves a screenshot.
//
//   node drive.mjs <code-server URL> <workspace folder> <artifacts folder> \
//     <user settings.json> <a backend URL where nothing listens>
//
// Writes <artifacts>/results.json: {steps: {name: {ok, detail, ...}}}. Exits 0 once every
// step has been tried (the test asserts on the results and on the files on disk), 1 when the
// browser could not be driven at all.
import { chromium } from 'playwright-core';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [url, workspace, artifacts, userSettings, deadBackend] = process.argv.slice(2);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// Generous: the first hover starts the server and compiles the translation with rustc, on a
// busy two-core machine.
const STEP_TIMEOUT_MS = Number(process.env.PORTALIS_E2E_STEP_TIMEOUT_MS ?? 180_000);
const results = { url, workspace, steps: {} };

function save() {
  writeFileSync(join(artifacts, 'results.json'), JSON.stringify(results, null, 2));
}

async function poll(what, probe, timeoutMs = STEP_TIMEOUT_MS, intervalMs = 500) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) {
      return last;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function step(page, index, name, run) {
  const started = Date.now();
  const shot = join(artifacts, `${String(index).padStart(2, '0')}-${name}.png`);
  try {
    const detail = await run();
    results.steps[name] = { ok: true, seconds: (Date.now() - started) / 1000, ...detail };
  } catch (error) {
    results.steps[name] = {
      ok: false,
      seconds: (Date.now() - started) / 1000,
      error: String(error),
    };
  }
  await page.screenshot({ path: shot }).catch(() => undefined);
  results.steps[name].screenshot = shot;
  save();
}

async function runCommand(page, title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/**
 * Opens a file at the top of the workspace from the explorer; the tab shows it. Then a click
 * in the text moves focus to the editor, as a person's would before running an editor
 * command: with focus left in the explorer, editor-scoped context keys may not be set yet.
 */
async function openFile(page, name) {
  await page.keyboard.press('Escape');
  await page
    .locator('.explorer-folders-view .monaco-list-row', { hasText: name })
    .first()
    .click({ timeout: 60_000 });
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 60_000 });
  await page
    .locator('.editor-group-container.active .monaco-editor .view-lines')
    .first()
    .click({ position: { x: 2, y: 2 }, timeout: 30_000 });
  await page.locator('.monaco-editor.focused').first().waitFor({ timeout: 30_000 });
}

function statusBarText(page) {
  return page
    .locator('.statusbar-item', { hasText: 'Portalis' })
    .first()
    .innerText()
    .catch(() => '');
}

async function hoverText(page) {
  const hover = page.locator('.monaco-hover:visible').first();
  return (await hover.count()) ? hover.innerText().catch(() => '') : '';
}

/** Sets a string setting in the Settings editor, as a person would. */
async function setSetting(page, key, value) {
  await runCommand(page, 'Preferences: Open User Settings');
  const search = page.locator('.settings-editor .settings-header .monaco-editor textarea').first();
  await search.waitFor({ state: 'attached' });
  await page.keyboard.type(key);
  const input = page
    .locator(`.settings-editor .setting-item-contents:has-text("${key.split('.').pop()}") input`)
    .first();
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill(value);
  await page.keyboard.press('Tab');
  await poll(`${key} written to settings.json`, async () =>
    readFileSync(userSettings, 'utf8').includes(value),
  );
}

/** Hover `name` on its `def` line until the hover shows `needle`; the hover's text. */
async function hoverUntil(page, name, needle) {
  const target = page
    .locator('.view-line', { hasText: `def ${name}` })
    .locator('span', { hasText: new RegExp(`^${name}$`) })
    .first();
  let tries = 0;
  return poll(`a hover on ${name} showing ${needle}`, async () => {
    if (tries++ % 20 === 0) {
      // (re)hover: move away first so that VS Code asks again
      await page.mouse.move(5, 5);
      await target.hover();
    }
    const shown = await hoverText(page);
    return shown.includes(needle) ? shown : '';
  });
}

async function main() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    page.setDefaultTimeout(60_000);
    await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: STEP_TIMEOUT_MS });

    await step(page, 1, 'open-python-file', async () => {
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
      await openFile(page, 'shapes.py');
      await page.locator('.view-line', { hasText: 'def area' }).waitFor();
      const status = await poll('the status bar item', async () => {
        const text = await statusBarText(page);
        return text.includes('Portalis:') ? text : '';
      });
      return { statusBar: status };
    });

    await step(page, 2, 'hover', async () => ({
      hover: await hoverUntil(page, 'area', 'pub fn area'),
    }));

    await step(page, 3, 'code-action', async () => {
      await page.mouse.move(5, 5);
      await page
        .locator('.view-line', { hasText: 'def area' })
        .locator('span', { hasText: /^area$/ })
        .first()
        .click();
      await runCommand(page, 'Portalis: Translate to Rust');
      const rust = join(workspace, 'shapes.rs');
      await poll('shapes.rs on disk', async () => existsSync(rust));
      await openFile(page, 'shapes.rs');
      await page.locator('.view-line', { hasText: 'pub fn area' }).first().waitFor();
      return { file: rust };
    });

    await step(page, 4, 'show-translation', async () => {
      await openFile(page, 'shapes.py');
      await runCommand(page, 'Portalis: Show Translation');
      // the whole module's translation (the .rs file next to it has only `area` so far)
      await page.locator('.view-line', { hasText: 'pub fn perimeter' }).first().waitFor();
      const breadcrumbs = page.locator('.breadcrumbs-control:visible').first();
      return {
        tab: await page.locator('.tab.active').innerText(),
        path: await breadcrumbs.innerText().catch(() => ''),
      };
    });

    await step(page, 5, 'check-file', async () => {
      await openFile(page, 'inventory.py');
      await runCommand(page, 'Portalis: Check File');
      const toasts = page.locator('.notifications-toasts');
      const message = await poll('the check result', async () => {
        const text = await toasts.innerText().catch(() => '');
        return text.includes('inventory.py') ? text : '';
      });
      return { notification: message };
    });

    await step(page, 6, 'translate-workspace', async () => {
      await runCommand(page, 'Portalis: Translate Workspace');
      const manifest = join(workspace, 'target', 'portalis', 'Cargo.toml');
      await poll('the crate on disk', async () => existsSync(manifest));
      const toasts = page.locator('.notifications-toasts');
      const message = await poll('the summary notification', async () => {
        const text = await toasts.innerText().catch(() => '');
        return /translated \d+ modules?/.test(text) ? text : '';
      });
      return { crate: manifest, notification: message };
    });

    await step(page, 7, 'backend-down', async () => {
      await setSetting(page, 'portalis.backend', deadBackend);
      const host = new URL(deadBackend).host;
      await poll('the status bar naming the remote backend', async () =>
        (await statusBarText(page)).includes(host),
      );
      await openFile(page, 'shapes.py');
      const hover = await hoverUntil(page, 'perimeter', 'fn perimeter');
      const statusBar = await poll('the status bar reporting the fallback', async () => {
        const text = await statusBarText(page);
        return text.includes('down') ? text : '';
      });
      await page.locator('.statusbar-item', { hasText: 'Portalis' }).first().hover();
      const tooltip = await poll('the status bar tooltip', async () => {
        const shown = page.locator('.workbench-hover:visible, .monaco-hover:visible').first();
        const text = (await shown.count()) ? await shown.innerText().catch(() => '') : '';
        return text.includes('unavailable') ? text : '';
      });
      return { statusBar, tooltip, hover };
    });
  } finally {
    await browser.close();
  }
}

try {
  await main();
} catch (error) {
  results.error = String(error && error.stack ? error.stack : error);
  save();
  process.exitCode = 1;
}
