// Outcome 4, care leavers: in education, employment or training, and in suitable accommodation, around their
// 17th and 18th, and 19th to 21st birthdays (SSDA903 care leaver information, OC3).
import { sql, type Kysely } from 'kysely'
import { inAuthorities } from '../../../platform/db/authority-scope.js'
import type { DB } from '../../../platform/db/schema.js'
import { birthdayContactRows } from '../../care-leavers/service.js'
import { childRows } from '../../people/service.js'
import { childShare, type Indicator, type Scope } from '../indicator.js'
import type { Period } from '../period.js'

const source = 'SSDA903 return, care leaver information (OC3), from Kindred’s birthday contacts.'
const inEducationEmploymentOrTraining = ['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5']
const ages = { '17-18': [17, 18], '19-21': [19, 20, 21] } as const

/**
 * The contact about each care leaver's birthday in the band that fell in the period, as the 903's care leaver module
 * counts them: by the birthday, not the day of the contact (which may be weeks before or after it).
 */
const birthdaysIn = (db: Kysely<DB>, scope: Scope, period: Period, band: readonly number[]) => sql`
  select b.la_code, b.child_id, b.activity, b.accommodation from (${birthdayContactRows(db)}) b join (${childRows(db)}) k on k.id = b.child_id
  where ${inAuthorities('b.la_code', scope)} and b.birthday_age in (${sql.join(band)})
    and (k.date_of_birth + make_interval(years => b.birthday_age))::date between ${period.start} and ${period.end}`

export const careLeavers: Indicator[] = (Object.keys(ages) as Array<keyof typeof ages>).flatMap((band) => [
  childShare({
    id: `care-leavers-${band}-in-education-employment-training`, outcome: 'care-leavers', unit: 'percent',
    title: `Care leavers aged ${band.replace('-', ' to ')} in education, employment or training`,
    definition: `Of the care leavers whose ${ages[band].join('th, ')}th birthday fell in the period, the percentage in education, employment or training at the contact about that birthday (903 activity codes F1, P1, F2, P2, F4, P4, F5, P5). Those the authority is not in touch with count in the total.`,
    source,
  }, (db, scope, period) => sql`
    select b.la_code, b.child_id, b.activity in (${sql.join(inEducationEmploymentOrTraining)}) as counted from (${birthdaysIn(db, scope, period, ages[band])}) b`),
  childShare({
    id: `care-leavers-${band}-suitable-accommodation`, outcome: 'care-leavers', unit: 'percent',
    title: `Care leavers aged ${band.replace('-', ' to ')} in suitable accommodation`,
    definition: `Of the care leavers whose ${ages[band].join('th, ')}th birthday fell in the period, the percentage in accommodation considered suitable at the contact about that birthday (903 accommodation codes ending in 1). Those the authority is not in touch with count in the total.`,
    source,
  }, (db, scope, period) => sql`
    select b.la_code, b.child_id, b.accommodation like '_1' as counted from (${birthdaysIn(db, scope, period, ages[band])}) b`),
])
