// Spreading the scan of file B over worker threads. The columns and index live in SharedArrayBuffers, so each
// worker reads them in place; only the name lists are copied.
import { Worker } from 'node:worker_threads'
import { scan, type Candidates, type ScanInput } from './scan.js'

/** Scans B in `threads` slices at once; falls back to this thread for one. */
export async function parallelScan(input: ScanInput, threads: number, onProgress?: (done: number) => void): Promise<Candidates> {
  if (threads <= 1) return scan(input, onProgress)
  const size = input.to - input.from
  const done = new Array<number>(threads).fill(0)
  const slices = Array.from({ length: threads }, (_, t) => ({
    ...input,
    from: input.from + Math.floor((size * t) / threads),
    to: input.from + Math.floor((size * (t + 1)) / threads),
  }))
  const results = await Promise.all(slices.map((slice, t) => runWorker(slice, (progress) => {
    done[t] = progress
    onProgress?.(done.reduce((sum, value) => sum + value, 0))
  })))
  return mergeCandidates(results)
}

function runWorker(slice: ScanInput, onProgress: (done: number) => void): Promise<Candidates> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(slice)
    worker.on('message', (message: { progress?: number; candidates?: Candidates }) => {
      if (message.candidates) resolve(message.candidates)
      else if (message.progress !== undefined) onProgress(message.progress)
    })
    worker.on('error', reject)
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`linkage worker stopped with exit code ${code}`))
    })
  })
}

/**
 * Kindred runs its TypeScript through tsx, which worker threads do not inherit: a worker started from source
 * registers tsx first, then imports the worker module.
 */
function startWorker(workerData: ScanInput): Worker {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './scan-worker.ts' : './scan-worker.js', import.meta.url)
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData })
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'))
  const code = `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}) })`
  return new Worker(code, { eval: true, workerData })
}

function mergeCandidates(parts: Candidates[]): Candidates {
  const count = parts.reduce((sum, part) => sum + part.count, 0)
  const merged: Candidates = {
    count,
    a: new Int32Array(count),
    b: new Int32Array(count),
    weight: new Float64Array(count),
    mayAccept: new Uint8Array(count),
    compared: parts.reduce((sum, part) => sum + part.compared, 0),
  }
  let at = 0
  for (const part of parts) {
    merged.a.set(part.a, at)
    merged.b.set(part.b, at)
    merged.weight.set(part.weight, at)
    merged.mayAccept.set(part.mayAccept, at)
    at += part.count
  }
  return merged
}
