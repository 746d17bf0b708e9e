// Every `kindred` sub-command, in the order `kindred help` lists them.
import type { Command } from '../command.js'
import { startCommand } from './start.js'
import { migrateCommand } from './migrate.js'
import { auditCommand } from './audit.js'
import { linkCommand } from '../../modules/sharing/linkage/cli-link.js'
import { benchCommand } from './bench.js'
import { bankHolidaysCommand } from './bank-holidays.js'
import { seedCommand } from './seed.js'
import { postcodesCommand } from '../../modules/placements/cli-postcodes.js'
import { annexACommand } from '../../modules/returns/annex-a/cli.js'
import { dfePayloadCommand } from '../../modules/returns/dfe-api/cli.js'
import { validateCommand } from '../../modules/returns/cli-validate.js'
import { returnsCommand } from '../../modules/returns/cli-returns.js'
import { importCommand } from '../../modules/returns/import/cli-import.js'

export const commands: Command[] = [startCommand, migrateCommand, auditCommand, bankHolidaysCommand, postcodesCommand, seedCommand, returnsCommand, validateCommand, importCommand, annexACommand, dfePayloadCommand, linkCommand, benchCommand]
