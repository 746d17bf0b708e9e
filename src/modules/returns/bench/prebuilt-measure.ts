// Builds measure-validation.ts and what it imports into one plain JavaScript file, so the measuring process runs on
// bare Node: its peak memory is then the validation's own, not the TypeScript loader's (tsx compiles in a thread of
// the process it loads into). esbuild is the compiler tsx itself runs on.
import { build } from 'esbuild'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'measure-validation.ts')

/** Writes the bundle into `dir` and returns its path. */
export async function prebuiltMeasureScript(dir: string): Promise<string> {
  const outfile = path.join(dir, 'measure-validation.mjs')
  await build({
    entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning',
    plugins: [{
      // Modules find files beside their source (the rule catalogues in spec/rules): keep each module's own URL.
      name: 'own-import-meta-url',
      setup(builder) {
        builder.onLoad({ filter: /\.ts$/ }, async ({ path: file }) => ({
          loader: 'ts',
          contents: (await readFile(file, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file).href)),
        }))
      },
    }],
  })
  return outfile
}
