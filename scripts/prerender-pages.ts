/**
 * After `vite build`, finishes the renderer's pages:
 * - The entry (renderer/src/boot.ts) imports the page's code dynamically, so the HTML would not
 *   name it: index.html gets a modulepreload of every script that code imports.
 * - login.html: the built index.html with the login form already rendered in it. Hosts answer
 *   the staff page with it when they know the first screen is the login (an administrator
 *   exists), so the form is on screen before the scripts have run (see
 *   electron/server/static-files.ts). No preloads there: half a megabyte of scripts arriving
 *   with the stylesheet would hold the first paint back; boot.ts asks for them after it.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'vite';
import { z } from 'zod';
import { PRERENDERED_ATTRIBUTE, PRERENDERED_LOGIN } from '../renderer/src/prerendered';

const root = join(import.meta.dirname, '..');
const outDir = join(root, 'dist', 'renderer');
const EMPTY_ROOT = '<div id="root"></div>';
const PAGE_CODE = 'src/main.tsx';

const manifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    imports: z.array(z.string()).optional(),
    css: z.array(z.string()).optional(),
  }),
);

/** The scripts and styles the page's code needs before it runs, in the manifest's terms. */
function pageCodeAssets(): { scripts: string[]; styles: string[] } {
  const manifest = manifestSchema.parse(
    JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')),
  );
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || key === 'index.html' || scripts.has(chunk.file)) return;
    scripts.add(chunk.file);
    for (const css of chunk.css ?? []) styles.add(css);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit(PAGE_CODE);
  if (scripts.size === 0) throw new Error(`the manifest has no ${PAGE_CODE}`);
  return { scripts: [...scripts], styles: [...styles] };
}

async function renderLoginForm(): Promise<string> {
  const vite = await createServer({
    root: join(root, 'renderer'),
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  try {
    const page = (await vite.ssrLoadModule('/src/login-page-html.tsx')) as {
      renderLoginPage: () => Promise<string>;
    };
    return await page.renderLoginPage();
  } finally {
    await vite.close();
  }
}

const { scripts, styles } = pageCodeAssets();
const links = [
  ...styles.map((f) => `<link rel="stylesheet" crossorigin href="./${f}">`),
  ...scripts.map((f) => `<link rel="modulepreload" crossorigin href="./${f}">`),
].join('\n    ');
const built = readFileSync(join(outDir, 'index.html'), 'utf8');
if (!built.includes(EMPTY_ROOT)) throw new Error(`index.html has no ${EMPTY_ROOT}`);
const index = built.replace('</head>', `  ${links}\n  </head>`);
const form = await renderLoginForm();
const login = built.replace(
  EMPTY_ROOT,
  `<div id="root" ${PRERENDERED_ATTRIBUTE}="${PRERENDERED_LOGIN}">${form}</div>`,
);
writeFileSync(join(outDir, 'index.html'), index);
writeFileSync(join(outDir, 'login.html'), login);
// The manifest was for this script; the hosts would serve it to anyone who asked.
rmSync(join(outDir, '.vite'), { recursive: true, force: true });
