// Settings from the environment, read once. Nothing else reads process.env.
import path from 'node:path'

export interface Config {
  /** Directory holding the embedded database and its lock (PGlite engine only). */
  dataDir: string
  /** When set, Kindred uses this PostgreSQL server instead of the embedded database. */
  databaseUrl: string | undefined
  host: string
  port: number
  /** Cookies are marked Secure unless explicitly running over plain HTTP on this machine. */
  secureCookies: boolean
  /** Minutes of inactivity after which a session ends. */
  idleTimeoutMinutes: number
  /** Minutes before the idle time-out at which the page warns. */
  idleWarningMinutes: number
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    dataDir: path.resolve(env.KINDRED_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    secureCookies: env.KINDRED_INSECURE_COOKIES !== 'true',
    idleTimeoutMinutes: Number(env.KINDRED_IDLE_TIMEOUT_MINUTES ?? 30),
    idleWarningMinutes: Number(env.KINDRED_IDLE_WARNING_MINUTES ?? 5),
  }
}
