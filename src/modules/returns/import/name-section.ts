// On the page of a child imported from a return, while the placeholder name stands: says the name is not known and
// why, with the way to enter it for those who can change the child's details.
import { caseworkRoles } from '../../../platform/auth/roles.js'
import { addChildPageSection } from '../../../platform/casework/child-page-sections.js'
import { importedWithoutName } from '../../people/service.js'

export function registerImportedNameSection(): void {
  addChildPageSection({
    id: 'name-not-known', order: 5, template: 'modules/returns/views/import/name-section.njk',
    load: async (db, childId, user) => {
      const imported = await importedWithoutName(db, user.laCode, childId)
      return imported && { from: imported.from, canChange: caseworkRoles.includes(user.role) }
    },
  })
}
