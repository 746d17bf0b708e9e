// `kindred audit verify`: walk the hash-chained audit log and report any changed or deleted row.
import { verifyAuditLog } from '../../platform/audit/audit.js'
import { UsageError, type Command } from '../command.js'
import { withDatabase } from '../database.js'
import { createProgress } from '../progress.js'

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Check the audit log has not been changed (audit verify)',
  usage: 'Usage: kindred audit verify\n\nExits 0 when every row is intact, 1 when a row was changed or deleted.',
  async run(args) {
    if (args[0] !== 'verify') throw new UsageError('say what to do: `kindred audit verify`')
    return withDatabase(async ({ db }) => {
      const progress = createProgress()
      progress.start(0, 'Checking audit log')
      const { checked, problems } = await verifyAuditLog(db, (n) => progress.update(n))
      progress.stop()
      if (problems.length === 0) {
        console.log(`The audit log is intact: ${checked} rows checked.`)
        return 0
      }
      console.log(`The audit log has been tampered with: ${problems.length} problems in ${checked} rows.`)
      for (const p of problems) console.log(`  authority ${p.laCode}, row ${p.id ?? '(end of chain)'}: ${p.problem}`)
      return 1
    })
  },
}
