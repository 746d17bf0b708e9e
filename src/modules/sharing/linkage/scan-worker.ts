// Worker thread entry: scans its share of file B and posts the candidate pairs back (buffers transferred).
import { parentPort, workerData } from 'node:worker_threads'
import { scan, type ScanInput } from './scan.js'

const port = parentPort!
const candidates = scan(workerData as ScanInput, (done) => port.postMessage({ progress: done }))
port.postMessage({ candidates }, [
  candidates.a.buffer, candidates.b.buffer, candidates.weight.buffer, candidates.mayAccept.buffer,
] as ArrayBuffer[])
