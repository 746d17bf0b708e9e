// The code lists a child's record uses, with the words users see. Codes are the DfE's, so the
// CIN census and SSDA903 returns read them without translation.

export interface Code { code: string; label: string }

/** DfE ethnicity codes (CIN census and SSDA903). */
export const ethnicities: readonly Code[] = [
  { code: 'WBRI', label: 'White – English, Welsh, Scottish, Northern Irish or British' },
  { code: 'WIRI', label: 'White – Irish' },
  { code: 'WIRT', label: 'White – Traveller of Irish heritage' },
  { code: 'WROM', label: 'White – Gypsy or Roma' },
  { code: 'WOTH', label: 'White – any other White background' },
  { code: 'MWBC', label: 'Mixed – White and Black Caribbean' },
  { code: 'MWBA', label: 'Mixed – White and Black African' },
  { code: 'MWAS', label: 'Mixed – White and Asian' },
  { code: 'MOTH', label: 'Mixed – any other mixed background' },
  { code: 'AIND', label: 'Asian or Asian British – Indian' },
  { code: 'APKN', label: 'Asian or Asian British – Pakistani' },
  { code: 'ABAN', label: 'Asian or Asian British – Bangladeshi' },
  { code: 'AOTH', label: 'Asian or Asian British – any other Asian background' },
  { code: 'BCRB', label: 'Black or Black British – Caribbean' },
  { code: 'BAFR', label: 'Black or Black British – African' },
  { code: 'BOTH', label: 'Black or Black British – any other Black background' },
  { code: 'CHNE', label: 'Chinese' },
  { code: 'OOTH', label: 'Any other ethnic group' },
  { code: 'REFU', label: 'Refused' },
  { code: 'NOBT', label: 'Information not yet obtained' },
]

/** CIN census disability codes. NONE excludes the others. */
export const disabilities: readonly Code[] = [
  { code: 'MOB', label: 'Mobility' },
  { code: 'HAND', label: 'Hand function' },
  { code: 'PC', label: 'Personal care' },
  { code: 'INC', label: 'Incontinence' },
  { code: 'COMM', label: 'Communication' },
  { code: 'LD', label: 'Learning' },
  { code: 'HEAR', label: 'Hearing' },
  { code: 'VIS', label: 'Vision' },
  { code: 'BEH', label: 'Behaviour' },
  { code: 'CON', label: 'Consciousness' },
  { code: 'AUT', label: 'Autism or Asperger syndrome' },
  { code: 'DDA', label: 'Other disability (Equality Act 2010)' },
]
export const noDisability = 'NONE'

/** Why a child has no UPN (CIN census UN1-UN7). */
export const upnUnknownReasons: readonly Code[] = [
  { code: 'UN1', label: 'UN1 – under 6 and not yet attending school' },
  { code: 'UN2', label: 'UN2 – never attended a school in England since UPNs began' },
  { code: 'UN3', label: 'UN3 – educated at home' },
  { code: 'UN4', label: 'UN4 – newly looked after, UPN not yet obtained' },
  { code: 'UN5', label: 'UN5 – the sources of UPNs disagree' },
  { code: 'UN6', label: 'UN6 – unaccompanied asylum-seeking child or newly arrived from overseas' },
  { code: 'UN7', label: 'UN7 – referral with no further action before a UPN was obtained' },
]

export const sexes: readonly Code[] = [
  { code: 'F', label: 'Female' },
  { code: 'M', label: 'Male' },
  { code: 'U', label: 'Not known' },
]

export function labelFor(list: readonly Code[], code: string | null | undefined): string {
  if (!code) return ''
  return list.find((c) => c.code === code)?.label ?? code
}
