// SSDA903 rules with codes 100-299 and 1000-1016. Each is a table-at-a-time check (see ../../validation/rule.ts).
import type { Rule } from '../../validation/rule.js'
import { rules as rules100 } from './group-100-199.js'
import { rules as rules200 } from './group-200-299.js'
import { rules as rules1000 } from './group-1000-1016.js'

export const rules: Rule[] = [...rules100, ...rules200, ...rules1000]
