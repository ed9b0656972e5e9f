import fs from 'node:fs/promises';
import { build } from 'esbuild';
import { REPORT_CSS } from '../report/styles.ts';
import { APP_CSS } from '../web/app-css.ts';

// The web app is bundled from src/web/app.ts by esbuild when the server first serves it (tens of
// milliseconds), so a fresh clone needs no build step beyond npm ci. The result is kept in memory.

export interface WebAssets {
  html: string;
  js: string;
  css: string;
}

const WEB_DIR = new URL('../web/', import.meta.url);

let assets: Promise<WebAssets> | null = null;

export function webAssets(): Promise<WebAssets> {
  assets ??= (async () => {
    const [html, result] = await Promise.all([
      fs.readFile(new URL('index.html', WEB_DIR), 'utf8'),
      build({
        entryPoints: [new URL('app.ts', WEB_DIR).pathname],
        bundle: true,
        write: false,
        format: 'esm',
        target: 'es2020',
        minify: true,
        legalComments: 'none',
        logLevel: 'silent',
      }),
    ]);
    return { html, js: result.outputFiles[0].text, css: REPORT_CSS + APP_CSS };
  })();
  assets.catch(() => { assets = null; });
  return assets;
}
