// Progress for long batch work: a bar on a terminal, silence otherwise (CI logs, pipes, files).
import { SingleBar, Presets } from 'cli-progress'

export interface Progress {
  start(total: number, label: string): void
  update(done: number): void
  increment(by?: number): void
  stop(): void
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { start() {}, update() {}, increment() {}, stop() {} }
  let bar: SingleBar | undefined
  return {
    start(total, label) {
      bar = new SingleBar(
        { format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`, stream, hideCursor: true },
        Presets.shades_classic,
      )
      bar.start(total, 0)
    },
    update(done) { bar?.update(done) },
    increment(by = 1) { bar?.increment(by) },
    stop() { bar?.stop() },
  }
}
