// The project's shared material (policy papers, returns specifications and rule test cases) sits beside
// the repository as `../shared`, in a developer's checkout and in CI's clone alike.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const besideRepository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared')

export const sharedDir = process.env.KINDRED_SHARED_DIR ?? (fs.existsSync(besideRepository) ? besideRepository : '/work/shared')
export const returnsDir = path.join(sharedDir, 'returns')
