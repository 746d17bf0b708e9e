// Where the test database template lives, for each engine.
export const templateDatabase = 'kindred_test_template'
export const pgliteTemplateFile = new URL('../../.tmp/pglite-test-template.tar', import.meta.url)

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${name}`
  return parsed.toString()
}

/** The server's maintenance database, for creating and dropping test databases. */
export function adminUrl(url: string): string {
  return withDatabaseName(url, 'postgres')
}
