// A real planflow (the built binary, a fresh SQLite database, the built web
// assets) and Debian's Chromium driven by playwright-core. Nothing is mocked:
// the browser talks HTTP to the same server the README starts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = resolve(__dirname, '../../..');
export const BINARY = process.env.PLANFLOW_BIN ?? join(ROOT, 'build/core/planflow');
export const WEB_DIR = process.env.PLANFLOW_WEB_OUT ?? join(ROOT, 'build/web');
export const SEEDS_DIR = join(ROOT, 'tests/fixtures/seeds');
export const ARTIFACTS = process.env.PLANFLOW_ARTIFACTS ?? join(ROOT, 'build/web-artifacts');
export const PASSWORD = 'correct horse battery';

export interface Planflow {
  url: string;
  db: string;
  stop(): Promise<void>;
  /** `planflow user add`, the one step the README does on the command line. */
  addUser(username: string, roles: string[]): void;
}

export async function startPlanflow(): Promise<Planflow> {
  const dir = mkdtempSync(join(tmpdir(), 'planflow-e2e-'));
  const db = `sqlite://${join(dir, 'planflow.db')}`;
  const child: ChildProcess = spawn(BINARY, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web', WEB_DIR, '--no-access-log'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`planflow did not start:\n${stderr}`)), 30_000);
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const m = /planflow listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`planflow exited with ${code}:\n${stderr}`)));
  });
  return {
    url,
    db,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
    addUser(username, roles) {
      const args = ['user', 'add', '--db', db, '--username', username, '--password-stdin'];
      for (const role of roles) args.push('--role', role);
      const r = spawnSync(BINARY, args, { input: `${PASSWORD}\n`, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`user add failed: ${r.stderr}`);
    },
  };
}

/** Flags that keep Chromium from reaching for Google's services on a closed network. */
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A fresh browser profile per person, as on their own office PC; a laptop-sized window unless told. */
export async function newPerson(browser: Browser, options: { tablet?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: options.tablet ? { width: 820, height: 1180 } : { width: 1366, height: 900 },
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    acceptDownloads: true,
    hasTouch: !!options.tablet,
  });
  // PLANFLOW_E2E_JITTER_MS=700 delays every API answer by a random 50..750 ms,
  // as on a loaded machine: a step that reads the page before its own answer
  // arrived then fails at once instead of once in a hundred runs.
  const jitter = Number(process.env.PLANFLOW_E2E_JITTER_MS ?? 0);
  if (jitter > 0) {
    await context.route('**/api/v1/**', async (route) => {
      await new Promise((r) => setTimeout(r, 50 + Math.random() * jitter));
      await route.continue();
    });
  }
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/** The HTTP API for a test's set-up and for reading state to check; people act in the browser. */
export class ApiClient {
  private token = '';
  private readonly base: string;
  // The server prints its URL with a trailing '/', and every path here starts
  // with one: '//api/...' is no route (one canonical path per resource).
  constructor(base: string) {
    this.base = base.replace(/\/+$/, '');
  }

  async login(username: string, password: string): Promise<this> {
    const r = await this.call('POST', '/api/v1/auth/login', { username, password });
    this.token = (r as { token: string }).token;
    return this;
  }

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
    const init: RequestInit = { method, headers: { Accept: 'application/json', ...headers } };
    if (this.token) (init.headers as Record<string, string>).Authorization = `Bearer ${this.token}`;
    if (typeof body === 'string') {
      init.body = body;
      (init.headers as Record<string, string>)['Content-Type'] = 'text/plain; charset=utf-8';
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    }
    const res = await fetch(this.base + path, init);
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  }
}

/** A person on their own browser profile, signed in. */
export async function signedIn(browser: Browser, baseUrl: string, username: string, options: { tablet?: boolean } = {}): Promise<Page> {
  const { page } = await newPerson(browser, options);
  await signIn(page, baseUrl, username);
  return page;
}

export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('ชื่อผู้ใช้').fill(username);
  await page.getByLabel('รหัสผ่าน').fill(PASSWORD);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.getByTestId('who').waitFor();
}

let shot = 0;
/** Saves a full-page screenshot as a test artifact: screenshots/<test file>/NN-name.png, numbered in story order. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const suite = basename(expect.getState().testPath ?? 'browser', '.test.ts');
  const dir = join(ARTIFACTS, 'screenshots', suite);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${String(++shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
