// Closing a CIN episode (or stepping down) is refused while the child has an open child protection plan.
// TO WIRE: the child-protection module has no service yet. When it exports its check for an open plan,
// call it here; until then this answers "no open plan", so closures are not yet blocked by one.
import type { Executor } from '../../platform/audit/audit.js'

export async function childProtectionPlanIsOpen(_executor: Executor, _laCode: string, _childId: string): Promise<boolean> {
  return false
}
