// Older names for shared code groups, kept while other rule files still import them; new code imports ../codes.js.
export {
  REC_ADOPTED as ADOPTED,
  REC_SPECIAL_GUARDIANSHIP as SPECIAL_GUARDIANSHIP,
  ADOPTION_PLACE as ADOPTION_PLACEMENTS,
  FOSTER_PLACE as FOSTER_PLACEMENTS,
  TEMPORARY_PLACE as TEMPORARY_PLACEMENTS,
  SHORT_BREAK_LS as RESPITE,
  UPN_UNKNOWN,
} from '../codes.js'
