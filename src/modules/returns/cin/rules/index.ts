// Every CIN census rule version Kindred implements, grouped by the XML module each checks.
import type { Rule } from '../../validation/rule.js'
import { assessmentRules } from './assessments.js'
import { childCharacteristicRules } from './child-characteristics.js'
import { childIdentifierRules } from './child-identifiers.js'
import { childProtectionPlanRules } from './child-protection-plans.js'
import { cinDetailRules } from './cin-details.js'
import { cinPlanRules } from './cin-plans.js'
import { headerRules } from './header.js'
import { section47Rules } from './section47.js'

export const cinRules: Rule[] = [
  ...headerRules,
  ...childIdentifierRules,
  ...childCharacteristicRules,
  ...cinDetailRules,
  ...assessmentRules,
  ...cinPlanRules,
  ...section47Rules,
  ...childProtectionPlanRules,
]
