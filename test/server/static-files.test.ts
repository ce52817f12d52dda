import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStaticFile, resolveStaticPath } from '../../electron/server/static-files';
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
