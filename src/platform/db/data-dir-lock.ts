// PGlite does not lock its directory, and a second process writing to it silently loses writes.
// Kindred takes an exclusive lock file beside the database before opening it, and refuses clearly
// while another live process holds it. A lock left by a process that has died is taken over.
import fs from 'node:fs'
import path from 'node:path'

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string, readonly holder: { pid: number; command: string }) {
    super(
      `The data directory ${dataDir} is in use by another Kindred process (pid ${holder.pid}: ${holder.command}). ` +
      'Stop that process first, or point this command at the running server\'s database with DATABASE_URL.',
    )
  }
}

export interface DataDirLock {
  release(): void
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function lockDataDir(dataDir: string, command = process.argv.slice(2).join(' ') || 'kindred'): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, 'kindred.lock')
  const body = JSON.stringify({ pid: process.pid, command })
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, body, { flag: 'wx' })
      let released = false
      const release = () => {
        if (released) return
        released = true
        try { fs.unlinkSync(file) } catch { /* already gone */ }
        process.off('exit', release)
      }
      process.on('exit', release)
      return { release }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      let holder: { pid: number; command: string }
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number; command: string }
      } catch {
        holder = { pid: 0, command: 'unknown' }
      }
      if (holder.pid === process.pid) throw new DataDirLockedError(dataDir, holder)
      if (holder.pid > 0 && isAlive(holder.pid)) throw new DataDirLockedError(dataDir, holder)
      fs.rmSync(file, { force: true })
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}`)
}
