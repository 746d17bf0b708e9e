// The current navigation item is the one whose area the page is in most closely: on a page under two items'
// hrefs (/returns/annex-a under /returns), only the longer one is current.
import { describe, expect, it } from 'vitest'
import { addNavigationItem, navigationFor } from './navigation.js'

addNavigationItem({ href: '/returns', text: 'Returns', roles: ['performance_analyst'] })
addNavigationItem({ href: '/returns/annex-a', text: 'Annex A', roles: ['performance_analyst'] })
addNavigationItem({ href: '/team', text: 'Team', roles: ['team_manager', 'performance_analyst'] })
addNavigationItem({ href: '/team/data-quality', text: 'Data quality', roles: ['team_manager'] })

const current = (role: 'performance_analyst' | 'team_manager', path: string) =>
  navigationFor(role, path).filter((item) => item.active).map((item) => item.text)

describe('the current navigation item', () => {
  it('is the longest href the page is under', () => {
    expect(current('performance_analyst', '/returns/annex-a')).toEqual(['Annex A'])
    expect(current('performance_analyst', '/returns/annex-a/download')).toEqual(['Annex A'])
    expect(current('team_manager', '/team/data-quality')).toEqual(['Data quality'])
  })

  it('is the parent area on its own pages, and nothing elsewhere', () => {
    expect(current('performance_analyst', '/returns')).toEqual(['Returns'])
    expect(current('performance_analyst', '/returns/2026/cin')).toEqual(['Returns'])
    expect(current('team_manager', '/team')).toEqual(['Team'])
    expect(current('team_manager', '/teams')).toEqual([])
  })

  it('counts only the items the role can see', () => {
    expect(current('performance_analyst', '/team/data-quality')).toEqual(['Team'])
  })
})
