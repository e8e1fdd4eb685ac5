import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArchive } from '../../src/offline/archive.ts';
import { parseCatalogue } from '../../src/runner/catalogue.ts';
import { loadCatalogue } from '../../src/runner/catalogue-source.ts';
import { catalogueOf, writeSite } from '../support/catalogue.ts';

const catalogue = await catalogueOf([{ id: 'POD001', title: 'Pods', body: '```bash\nkubectl logs <pod-name>\n```' }]);
const json = JSON.stringify(catalogue);

describe('reading a catalogue', () => {
  it('refuses what is not one, saying where it came from', () => {
    expect(() => parseCatalogue('<html>', 'https://x/commands.json')).toThrow(/^https:\/\/x\/commands.json: not JSON/);
    expect(() => parseCatalogue('[]', 'f.json')).toThrow(
      'f.json: not a command catalogue (format undefined, expected "runbook-command-catalogue")',
    );
  });
  it('asks for an update when the catalogue is of a newer version', () => {
    expect(() => parseCatalogue(JSON.stringify({ ...catalogue, version: 2 }), 'f.json')).toThrow(
      /f.json: catalogue version 2 is newer than this runner reads \(1\): update the runner/,
    );
  });
  it('names the field that is wrong, control characters included', () => {
    const hostile = structuredClone(catalogue);
    hostile.runbooks[0]!.steps[0]!.heading = { text: 'Logs\u001b]52;c;cm0gLXJmIH4=\u0007', anchor: 'logs', depth: 2 };
    expect(() => parseCatalogue(JSON.stringify(hostile), 'f.json')).toThrow(
      'f.json: refused, runbooks[0].steps[0].heading.text holds control or invisible characters, which a terminal would not show as they are',
    );
  });
});

describe('where the catalogue comes from', () => {
  let scratch: string;
  let server: Server;
  let site: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'catalogue-source-'));
    server = createServer((request, response) => {
      if (request.url === '/docs/commands.json') response.end(json);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads a built site, and ./dist by default', async () => {
    const dist = await writeSite(catalogue, path.join(scratch, 'project/dist'));
    expect((await loadCatalogue({ from: dist, env: {} })).catalogue).toEqual(catalogue);
    const loaded = await loadCatalogue({ env: {}, cwd: path.join(scratch, 'project') });
    expect(loaded.origin).toBe(path.join(dist, 'commands.json'));
  });

  it('reads the offline copy extracted (its folder or the folder it was extracted into) and as its zip', async () => {
    const extracted = path.join(scratch, 'downloads');
    await writeSite(catalogue, path.join(extracted, 'runbooks-offline-0.1.0'));
    expect((await loadCatalogue({ from: extracted, env: {} })).origin).toBe(
      path.join(extracted, 'runbooks-offline-0.1.0/commands.json'),
    );
    const zip = path.join(scratch, 'copy.zip');
    await writeFile(
      zip,
      await createArchive(
        [{ name: 'runbooks-offline-0.1.0/commands.json', data: Buffer.from(json) }],
        new Date('2026-01-01T00:00:00Z'),
      ),
    );
    const loaded = await loadCatalogue({ from: zip, env: {} });
    expect(loaded.catalogue).toEqual(catalogue);
    expect(loaded.origin).toBe(`${zip}!runbooks-offline-0.1.0/commands.json`);
  });

  it('reads a site over HTTP under its base path, from --site or $RUNBOOK_SITE', async () => {
    const loaded = await loadCatalogue({ site: `${site}/docs`, env: {} });
    expect(loaded.catalogue).toEqual(catalogue);
    expect(loaded.siteUrl).toBe(`${site}/docs/`);
    expect((await loadCatalogue({ env: { RUNBOOK_SITE: `${site}/docs/` } })).origin).toBe(`${site}/docs/commands.json`);
  });

  it('says what to do when there is none', async () => {
    await expect(loadCatalogue({ env: {}, cwd: scratch })).rejects.toThrow(
      /^no command catalogue: build the site here \(npm run build/,
    );
    await expect(loadCatalogue({ site: `${site}/elsewhere/`, env: {} })).rejects.toThrow(
      /HTTP 404: is .* a runbook site/,
    );
    await expect(loadCatalogue({ site: 'ftp://x', env: {} })).rejects.toThrow(
      '--site ftp://x: only http(s) sites are read',
    );
    await mkdir(path.join(scratch, 'empty'));
    await expect(loadCatalogue({ from: path.join(scratch, 'empty'), env: {} })).rejects.toThrow(
      /no commands.json here/,
    );
    await expect(loadCatalogue({ from: 'a', site: 'b', env: {} })).rejects.toThrow(
      '--from and --site both given: pass one',
    );
  });
});
