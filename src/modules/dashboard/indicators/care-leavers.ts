// Outcome 4, care leavers: in education, employment or training, and in suitable accommodation, around their
// 17th and 18th, and 19th to 21st birthdays (SSDA903 care leaver information, OC3).
import { sql } from 'kysely'
import { inAuthorities } from '../../../platform/db/authority-scope.js'
import { birthdayContactRows } from '../../care-leavers/service.js'
import { childShare, type Indicator } from '../indicator.js'

const source = 'SSDA903 return, care leaver information (OC3), from Kindred’s birthday contacts.'
const inEducationEmploymentOrTraining = ['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5']
const ages = { '17-18': [17, 18], '19-21': [19, 20, 21] } as const

export const careLeavers: Indicator[] = (Object.keys(ages) as Array<keyof typeof ages>).flatMap((band) => [
  childShare({
    id: `care-leavers-${band}-in-education-employment-training`, outcome: 'care-leavers', unit: 'percent',
    title: `Care leavers aged ${band.replace('-', ' to ')} in education, employment or training`,
    definition: `Of the care leavers whose ${ages[band].join('th, ')}th birthday contact fell in the period, the percentage in education, employment or training (903 activity codes F1, P1, F2, P2, F4, P4, F5, P5). Those the authority is not in touch with count in the total.`,
    source,
  }, (db, scope, period) => sql`
    select b.la_code, b.child_id, b.activity in (${sql.join(inEducationEmploymentOrTraining)}) as counted from (${birthdayContactRows(db)}) b
    where ${inAuthorities('b.la_code', scope)} and b.contact_date between ${period.start} and ${period.end} and b.birthday_age in (${sql.join(ages[band])})`),
  childShare({
    id: `care-leavers-${band}-suitable-accommodation`, outcome: 'care-leavers', unit: 'percent',
    title: `Care leavers aged ${band.replace('-', ' to ')} in suitable accommodation`,
    definition: `Of the care leavers whose ${ages[band].join('th, ')}th birthday contact fell in the period, the percentage in accommodation considered suitable (903 accommodation codes ending in 1). Those the authority is not in touch with count in the total.`,
    source,
  }, (db, scope, period) => sql`
    select b.la_code, b.child_id, b.accommodation like '_1' as counted from (${birthdayContactRows(db)}) b
    where ${inAuthorities('b.la_code', scope)} and b.contact_date between ${period.start} and ${period.end} and b.birthday_age in (${sql.join(ages[band])})`),
])
