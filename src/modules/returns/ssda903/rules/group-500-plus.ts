// SSDA903 rules 500 and above, the internal checks (INT*), the social worker rules (SW*), EPI and NoE.
// Each is a table-at-a-time check (see ../../validation/rule.ts).
import type { Rule } from '../../validation/rule.js'
import { rules as rules500 } from './group-500-549.js'
import { rules as rules551 } from './group-551-599.js'
import { rules as rules600 } from './group-600-699.js'
import { rules as rules700 } from './group-700-799.js'
import { rules as internalRules } from './group-int.js'
import { rules as socialWorkerRules } from './group-sw.js'

export const rules: Rule[] = [...rules500, ...rules551, ...rules600, ...rules700, ...internalRules, ...socialWorkerRules]
