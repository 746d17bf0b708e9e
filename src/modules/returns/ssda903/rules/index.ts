// Every SSDA903 rule version Kindred implements; a collection year's ruleset picks from these (see ruleset.ts).
import type { Rule } from '../../validation/rule.js'
import { rules as group100 } from './group-100-299.js'
import { rules as group300 } from './group-300-499.js'
import { rules as group500 } from './group-500-plus.js'

export const ssda903Rules: Rule[] = [...group100, ...group300, ...group500]
