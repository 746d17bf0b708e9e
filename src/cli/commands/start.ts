// `kindred start` (what `npm start` runs): migrate, seed the demo authority on first start, serve.
import { parseArgs } from 'node:util'
import { loadConfig } from '../../platform/config.js'
import { buildApp } from '../../platform/http/app.js'
import { demoPassword, demoSignIns, ensureDemoAuthority } from '../../platform/seed/demo-authority.js'
import { seedDemoCasework } from '../../platform/seed/demo-casework.js'
import { roles } from '../../platform/auth/roles.js'
import type { Command } from '../command.js'
import { openForCommand } from '../database.js'

export const startCommand: Command = {
  name: 'start',
  summary: 'Run Kindred: migrate, seed the demo authority on first start, and serve the pages',
  usage: 'Usage: kindred start [--port N] [--host ADDRESS]\n\nEnvironment: PORT, HOST, KINDRED_DATA_DIR, DATABASE_URL',
  async run(args) {
    const { values } = parseArgs({ args, options: { port: { type: 'string' }, host: { type: 'string' } } })
    const config = loadConfig()
    if (values.port) config.port = Number(values.port)
    if (values.host) config.host = values.host
    // Plain HTTP on this machine only: a real deployment sits behind TLS and keeps Secure cookies.
    if (['127.0.0.1', 'localhost', '::1'].includes(config.host) && process.env.KINDRED_INSECURE_COOKIES === undefined) {
      config.secureCookies = false
    }
    const database = await openForCommand(config)
    if (await ensureDemoAuthority(database.db)) await seedDemoCasework(database)
    const app = await buildApp({ database, config, logger: process.env.KINDRED_LOG === 'true' })
    const address = await app.listen({ port: config.port, host: config.host })
    const stop = async () => { await app.close(); await database.close(); process.exit(0) }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    const signIns = demoSignIns()
    const width = Math.max(...signIns.map((s) => roles[s.role].length))
    console.log([
      `Kindred is running at ${address.replace('127.0.0.1', 'localhost')}`,
      `Database: ${database.engine === 'pglite' ? `embedded (${config.dataDir})` : 'PostgreSQL server (DATABASE_URL)'}`,
      '',
      `Demo sign-ins (password for all: ${demoPassword}):`,
      ...signIns.map((s) => `  ${roles[s.role].padEnd(width)}  ${s.email}`),
      '',
      'Press Ctrl+C to stop.',
    ].join('\n'))
    await new Promise(() => {})
    return 0
  },
}
