import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cacheControlFor,
  readPage,
  readStaticFile,
  resolveStaticPath,
} from '../../electron/server/static-files';
import { tempDir } from '../helpers/temp-core';

const root = resolve('/srv/loket/renderer');

describe('mapping a request path to a renderer file', () => {
  it('serves files inside the folder, and index.html for app routes', () => {
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/survey?x=1')).toBe(join(root, 'index.html'));
  });

  it.each([
    ['a parent folder', '/../secret.txt'],
    ['an encoded parent folder', '/%2e%2e/%2e%2e/etc/hosts.txt'],
    ['a backslash', '/assets\\..\\..\\x.js'],
    ['a NUL byte', '/index.html%00.png'],
    ['a drive letter', '/C:/Windows/win.ini'],
    ['an alternate data stream', '/index.html:secret'],
    ['malformed percent-encoding', '/%E0%A4%A.js'],
  ])('refuses %s', (_label, path) => {
    expect(resolveStaticPath(root, path)).toBeNull();
  });
});

describe('reading a renderer file', () => {
  it('reads regular files only: a folder or a FIFO (a device on Windows) is not found', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'app.js'), 'ok');
    mkdirSync(join(dir, 'folder.js'));
    execFileSync('mkfifo', [join(dir, 'pipe.js')]);
    expect((await readStaticFile(join(dir, 'app.js')))?.toString()).toBe('ok');
    expect(await readStaticFile(join(dir, 'folder.js'))).toBeNull();
    expect(await readStaticFile(join(dir, 'pipe.js'))).toBeNull();
    expect(await readStaticFile(join(dir, 'missing.js'))).toBeNull();
  });
});

describe('the staff page with its login form already rendered', () => {
  const built = () => {
    const dir = tempDir('loket-pages-');
    writeFileSync(join(dir, 'index.html'), 'empty page');
    writeFileSync(join(dir, 'login.html'), 'login page');
    return dir;
  };
  const page = async (dir: string, path: string, startsAtLogin?: () => Promise<boolean>) =>
    (await readPage(dir, path, resolveStaticPath(dir, path)!, startsAtLogin))?.toString();

  it('is the staff page once the host starts at the login', async () => {
    const dir = built();
    const yes = async () => true;
    expect(await page(dir, '/', yes)).toBe('login page');
    expect(await page(dir, '/index.html', yes)).toBe('login page');
    expect(await page(dir, '/?from=bookmark', yes)).toBe('login page');
  });

  it('is not the first administrator’s creation, nor a host that cannot tell', async () => {
    const dir = built();
    expect(await page(dir, '/', async () => false)).toBe('empty page');
    expect(await page(dir, '/')).toBe('empty page');
  });

  it('is never the survey or the board', async () => {
    const dir = built();
    const yes = async () => true;
    expect(await page(dir, '/survey', yes)).toBe('empty page');
    expect(await page(dir, '/board/', yes)).toBe('empty page');
  });

  it('falls back to the empty page when the build has no login page', async () => {
    const dir = tempDir('loket-pages-');
    writeFileSync(join(dir, 'index.html'), 'empty page');
    expect(await page(dir, '/', async () => true)).toBe('empty page');
  });
});

describe('how long a browser may keep a renderer file', () => {
  it('keeps the hashed build assets for good, and asks again for pages and clips', () => {
    expect(cacheControlFor('/assets/main-BjpsUfHT.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/')).toBe('no-cache');
    expect(cacheControlFor('/login.html')).toBe('no-cache');
    expect(cacheControlFor('/voice/id/1.ogg')).toBe('no-cache');
  });
});
