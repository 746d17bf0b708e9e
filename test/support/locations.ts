// Where the test database template lives, for each engine.
// Each run has its own names, so two runs on one server (a developer's and CI's) never drop each other's.
export const runId = process.env.KINDRED_TEST_RUN ?? String(process.pid)
export const databasePrefix = `kindred_test_${runId}_`
export const templateDatabase = `${databasePrefix}template`
export const pgliteTemplateFile = new URL(`../../.tmp/pglite-test-template-${runId}.tar`, import.meta.url)

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${name}`
  return parsed.toString()
}

/** The server's maintenance database, for creating and dropping test databases. */
export function adminUrl(url: string): string {
  return withDatabaseName(url, 'postgres')
}
