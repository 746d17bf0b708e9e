// SSDA903 rules 500 and above, the internal checks (INT*), the social worker rules (SW*), EPI and NoE.
// Each is a table-at-a-time check (see ../../validation/rule.ts).
import type { Rule } from '../../validation/rule.js'
import { rules as rules500 } from './group-500-549.js'
import { rules as rules551 } from './group-551-599.js'
import { rules as rules600 } from './group-600-699.js'

export const rules: Rule[] = [...rules500, ...rules551, ...rules600]
