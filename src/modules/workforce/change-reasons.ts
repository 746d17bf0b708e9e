// Why a child's worker changed: the SSDA903 SWEpisodes reasons (SW_REASON), asked when a manager allocates.
export interface ChangeReason { code: string; label: string }

/** The first worker for a referral (first contact or re-referral): recorded without asking. */
export const firstContact = 'FCONTA'

/** The reasons a manager chooses from when a child already has a worker. */
export const changeReasons: readonly ChangeReason[] = [
  { code: 'TSPROC', label: 'The child moved to another team as part of the usual process' },
  { code: 'MANAGE', label: 'Managing caseloads' },
  { code: 'LEFTRL', label: 'The previous social worker left their role' },
  { code: 'ABSENC', label: 'Covering an absence, or returning from one' },
  { code: 'ORGRST', label: 'An organisational restructure' },
  { code: 'CHCHAN', label: 'The child asked for a change of social worker' },
  { code: 'PCCHAN', label: 'A parent or carer asked for a change of social worker' },
  { code: 'SWDIED', label: 'The previous social worker died' },
  { code: 'OTHERS', label: 'Another reason' },
]
