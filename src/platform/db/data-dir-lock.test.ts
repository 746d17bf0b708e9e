// The embedded database's directory is locked while open: a second process must refuse, not lose writes.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js'

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-lock-'))

describe('data directory lock', () => {
  it('refuses a second holder with a message naming the holder', () => {
    const dir = tempDir()
    const first = lockDataDir(dir, 'kindred start')
    expect(() => lockDataDir(dir, 'kindred seed')).toThrow(DataDirLockedError)
    expect(() => lockDataDir(dir, 'kindred seed')).toThrow(/in use by another Kindred process \(pid \d+: kindred start\)/)
    first.release()
    lockDataDir(dir, 'kindred seed').release()
  })

  it('takes over a lock left by a process that has died', () => {
    const dir = tempDir()
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
    fs.writeFileSync(path.join(dir, 'kindred.lock'), JSON.stringify({ pid: Number(dead), command: 'crashed' }))
    const lock = lockDataDir(dir)
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'kindred.lock'), 'utf8')).pid).toBe(process.pid)
    lock.release()
    expect(fs.existsSync(path.join(dir, 'kindred.lock'))).toBe(false)
  })

  it('makes a kindred command in another process refuse clearly while the directory is held', () => {
    const dir = tempDir()
    const lock = lockDataDir(dir, 'kindred start')
    try {
      const result = spawnSync(process.execPath, ['bin/kindred.js', 'migrate'], {
        env: { ...process.env, KINDRED_DATA_DIR: dir, DATABASE_URL: '' }, encoding: 'utf8',
      })
      expect(result.status).toBe(1)
      expect(result.stderr).toContain('is in use by another Kindred process')
    } finally {
      lock.release()
    }
  })
})
