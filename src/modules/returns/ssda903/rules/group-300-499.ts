// SSDA903 rules in this code range. Each is a table-at-a-time check (see ../../validation/rule.ts).
import type { Rule } from '../../validation/rule.js'

export const rules: Rule[] = []
