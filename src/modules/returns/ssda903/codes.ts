// SSDA903 code lists (903_code_lists.md), shared by every 903 rule. Lists that changed between collection years
// are kept per version and named for the first year they apply to.

const codes = (...values: string[]): ReadonlySet<string> => new Set(values)

/** Header.SEX from 2024/25 (lac2024_25 onwards): male, female, unknown. */
export const SEX = codes('M', 'F', 'U')
/** Header.SEX before 2024/25, still used by UASC.SEX in older returns. */
export const SEX_BEFORE_2025 = codes('1', '2')
/** Either coding, for comparisons across years: 1 and M are male, 2 and F female. */
export const MALE = codes('M', '1')
export const FEMALE = codes('F', '2')

export const ETHNIC = codes(
  'WBRI', 'WIRI', 'WOTH', 'WIRT', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH', 'BCRB',
  'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT',
)

/** Default UPN codes when the pupil number is unknown. */
export const UPN_UNKNOWN = codes('UN1', 'UN2', 'UN3', 'UN4', 'UN5')

export const YES_NO = codes('0', '1')

/** Episodes.RNE: reason for new episode. */
export const RNE = codes('S', 'L', 'P', 'T', 'B', 'U')
/** Episodes.LS: legal status. */
export const LEGAL_STATUS = codes('C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'L1', 'L2', 'L3', 'J1', 'J2', 'J3')
/** Short-term break legal statuses: not a period of care in most rules. */
export const SHORT_BREAK_LS = codes('V3', 'V4')
/** Episodes.CIN: category of need. */
export const CIN = codes('N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8')

/** Episodes.PLACE up to 2023/24. */
export const PLACE_BEFORE_2024 = codes(
  'A3', 'A4', 'A5', 'A6', 'H5', 'K1', 'K2', 'P1', 'P2', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1', 'T0', 'T1', 'T2', 'T3',
  'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z1',
)
/** Episodes.PLACE in 2024/25: K3 added. */
export const PLACE_2024 = new Set([...PLACE_BEFORE_2024, 'K3']) as ReadonlySet<string>
/** Episodes.PLACE from 2025/26: H5, P2 and Z1 removed; Z1 split into Z11-Z14. */
export const PLACE_2025 = codes(
  'A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'K3', 'P1', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1', 'T0', 'T1', 'T2', 'T3', 'T4',
  'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z11', 'Z12', 'Z13', 'Z14',
)
/** Temporary placements. */
export const TEMPORARY_PLACE = codes('T0', 'T1', 'T2', 'T3', 'T4')
/** Placements for adoption. */
export const ADOPTION_PLACE = codes('A3', 'A4', 'A5', 'A6')
/** Foster placements. */
export const FOSTER_PLACE = codes('U1', 'U2', 'U3', 'U4', 'U5', 'U6')
/** "Other placements" from 2025/26 (formerly Z1). */
export const OTHER_PLACE_2025 = codes('Z11', 'Z12', 'Z13', 'Z14')

/** From 2025/26, placements that have no placement provider: temporary and "other" placements. */
export const PLACE_WITHOUT_PROVIDER_2025: ReadonlySet<string> = new Set([...TEMPORARY_PLACE, ...OTHER_PLACE_2025])

/** Episodes.PLACE_PROVIDER. */
export const PLACE_PROVIDER = codes('PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5')
/** Episodes.PL_LOCATION. */
export const PL_LOCATION = codes('IN', 'OUT')

/** Episodes.REC: reason episode ceased (2019 list onwards). */
export const REC = codes(
  'X1', 'E11', 'E12', 'E2', 'E3', 'E4A', 'E4B', 'E13', 'E41', 'E45', 'E46', 'E47', 'E48', 'E5', 'E6', 'E7', 'E9',
  'E14', 'E15', 'E16', 'E17', 'E8',
)
/** REC codes meaning the child was adopted. */
export const REC_ADOPTED = codes('E11', 'E12')
/** REC code: the child died. */
export const REC_DIED = 'E2'
/** REC code: care transferred to another local authority. */
export const REC_TRANSFERRED = 'E3'
/** REC code: the episode ended and another began the same day. */
export const REC_CONTINUES = 'X1'

/** Episodes.REASON_PLACE_CHANGE (2019 list onwards). */
export const REASON_PLACE_CHANGE = codes(
  'CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD', 'LAREQ', 'PLACE', 'CUSTOD', 'OTHER',
)

/** Reviews.REVIEW_CODE: how the child took part. */
export const REVIEW_CODE = codes('PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7')

/** AD1 adoption details. */
export const NB_ADOPTR = codes('1', '2')
export const SEX_ADOPTR = codes('M1', 'F1', 'MM', 'FF', 'MF')
export const LS_ADOPTR = codes('L0', 'L11', 'L12', 'L2', 'L3', 'L4')

/** PlacedAdoption.REASON_PLACED_CEASED. */
export const REASON_PLACED_CEASED = codes('RD1', 'RD2', 'RD3', 'RD4')

/** Missing.MISSING: missing, or away without authorisation. */
export const MISSING = codes('M', 'A')

/** OC2.SDQ_REASON: reason no SDQ score. */
export const SDQ_REASON = codes('SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5')
/** OC2 yes/no items about children looked after for 12 months. */
export const OC2_ITEMS = [
  'CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE',
  'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED',
] as const

/** OC3 care leaver items and their codes. */
export const OC3_ITEMS = ['IN_TOUCH', 'ACTIV', 'ACCOM'] as const
export const IN_TOUCH = codes('YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM')
/** OC3.ACTIV from 2022: F3/P3 replaced by F4/P4 and F5/P5. */
export const ACTIV = codes('F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0')
export const ACCOM = codes(
  'B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'E1', 'E2', 'G1', 'G2', 'H1', 'H2', 'K1', 'K2', 'R1', 'R2', 'S1', 'S2', 'T1',
  'T2', 'U1', 'U2', 'V1', 'V2', 'W1', 'W2', 'X1', 'X2', 'Y1', 'Y2', 'Z1', 'Z2', '0',
)

/** AD1 adoption items. */
export const AD1_ITEMS = ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'] as const

/** PrevPerm.PREV_PERM: previous permanence option. */
export const PREV_PERM = codes('P1', 'P2', 'P3', 'P4', 'Z1')

/** SWEpisodes.SW_REASON (from 2023/24). */
export const SW_REASON = codes(
  'MANAGE', 'FCONTA', 'LEFTRL', 'ORGRST', 'TSPROC', 'ABSENC', 'CHCHAN', 'PCCHAN', 'SWDIED', 'OTHERS',
)

/** URN placeholder for a placement provider with no Ofsted URN. */
export const URN_NOT_APPLICABLE = 'XXXXXXX'

/** REC codes meaning a special guardianship order was made (E45-E48). */
export const REC_SPECIAL_GUARDIANSHIP = codes('E45', 'E46', 'E47', 'E48')

/**
 * Local authority codes as the 903 records them (PL_LA, LA_PERM): DfE's three-digit English authority numbers,
 * including those since merged away, and WAL, SCO, NIR and NUK for Wales, Scotland, Northern Ireland and outside
 * the UK.
 */
export const LA_CODES = codes(
  '201', '202', '203', '204', '205', '206', '207', '208', '209', '210', '211', '212', '213',
  '301', '302', '303', '304', '305', '306', '307', '308', '309', '310', '311', '312', '313', '314', '315', '316',
  '317', '318', '319', '320', '330', '331', '332', '333', '334', '335', '336', '340', '341', '342', '343', '344',
  '350', '351', '352', '353', '354', '355', '356', '357', '358', '359', '370', '371', '372', '373', '380', '381',
  '382', '383', '384', '390', '391', '392', '393', '394', '420',
  '800', '801', '802', '803', '805', '806', '807', '808', '810', '811', '812', '813', '815', '816', '821', '822',
  '823', '825', '826', '830', '831', '835', '836', '837', '838', '839', '840', '841', '845', '846', '850', '851',
  '852', '855', '856', '857', '860', '861', '865', '866', '867', '868', '869', '870', '871', '872', '873', '874',
  '876', '877', '878', '879', '880', '881', '882', '883', '884', '885', '886', '887', '888', '889', '890', '891',
  '892', '893', '894', '895', '896', '908', '909', '916', '919', '921', '925', '926', '928', '929', '931', '933',
  '935', '936', '937', '938', '940', '941', '942', '943',
  'WAL', 'SCO', 'NIR', 'NUK',
)
