// Every CIN census rule version Kindred implements.
import type { Rule } from '../../validation/rule.js'

export const cinRules: Rule[] = []
