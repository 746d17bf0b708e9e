// Time from `kindred start` on an empty data directory to the first page served: what a new user waits.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Command } from '../command.js'

const binary = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/kindred.js')

async function firstPage(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('Kindred did not serve a page within two minutes')
}

export const benchStartCommand: Command = {
  name: 'bench-start',
  summary: 'Time from start on an empty data directory (migrate, seed the demo) to the first page',
  usage: 'Usage: kindred bench start',
  async run() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-bench-start-'))
    const port = 30_000 + Math.floor(Math.random() * 20_000)
    const started = performance.now()
    const child = spawn(process.execPath, [binary, 'start', '--port', String(port)], {
      env: { ...process.env, KINDRED_DATA_DIR: dataDir, DATABASE_URL: '' }, stdio: 'ignore',
    })
    try {
      await firstPage(`http://127.0.0.1:${port}/sign-in`, Date.now() + 120_000)
      const seconds = (performance.now() - started) / 1000
      console.log(`Start on an empty data directory to the first page served: ${seconds.toFixed(1)} s`)
      return 0
    } finally {
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  },
}
