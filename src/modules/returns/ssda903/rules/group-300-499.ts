// SSDA903 rules in this code range. Each is a table-at-a-time check (see ../../validation/rule.ts).
import type { Rule } from '../../validation/rule.js'
import { rules as rules300 } from './group-300-369.js'
import { rules as rules370 } from './group-370-399.js'
import { rules as rules400 } from './group-400-499.js'

export const rules: Rule[] = [...rules300, ...rules370, ...rules400]
