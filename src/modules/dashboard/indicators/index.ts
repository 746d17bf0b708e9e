// Every indicator the dashboard shows, in the order of the National Framework's outcomes and enablers.
import type { Indicator, Outcome } from '../indicator.js'
import { accessToSupport } from './access-to-support.js'
import { assessmentFactors } from './assessment-factors.js'
import { careLeavers } from './care-leavers.js'
import { familyNetwork } from './family-network.js'
import { familyStability } from './family-stability.js'
import { safety } from './safety.js'
import { stability } from './stability.js'
import { workforce } from './workforce.js'

export const indicators: readonly Indicator[] = [...accessToSupport, ...familyStability, ...safety, ...assessmentFactors, ...familyNetwork, ...stability, ...careLeavers, ...workforce]

export const outcomes: ReadonlyArray<{ id: Outcome; title: string }> = [
  { id: 'access', title: 'Outcome 1: children, young people and families stay together and get the help they need' },
  { id: 'safety', title: 'Outcome 2: children and young people are safe in and outside of their homes' },
  { id: 'family-network', title: 'Outcome 3: children and young people are supported by their family network' },
  { id: 'stability', title: 'Outcome 4: children in care have stable, loving homes' },
  { id: 'care-leavers', title: 'Outcome 4: care leavers have stable, loving homes and opportunities' },
  { id: 'workforce', title: 'Enabler: the workforce is equipped and effective' },
]

export const indicatorById = (id: string): Indicator | undefined => indicators.find((i) => i.id === id)
