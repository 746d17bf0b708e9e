// Outcome 4, stability and wellbeing in care: placement moves, distance from home, time to an adoption match,
// the mix of placements and SDQ scores (SSDA903).
import { sql } from 'kysely'
import { inAuthorities } from '../../../platform/db/authority-scope.js'
import { adoptionMilestoneRows, careEpisodeRows, carePeriodRows, sdqRows } from '../../looked-after/service.js'
import { childRows } from '../../people/service.js'
import { distantPlacementMiles, withMilesFromHome } from '../../placements/service.js'
import { childAverage, childShare, type Indicator, type IndicatorDefinition } from '../indicator.js'
import { lookedAfterOn } from './cohorts.js'

const cla903 = 'SSDA903 return (DfE, “Children looked after in England”)'
/** Reasons for a new episode that start a placement: started, or a new placement (with or without new carers). */
const newPlacementReasons = ['S', 'P', 'B', 'T', 'U']
/** Temporary moves (holidays, hospital, respite of a week or less) are not placements. */
const temporaryPlacements = ['T0', 'T1', 'T2', 'T3', 'T4']

/** Of the children looked after at the end of the period, the share in one of these placement types. */
const placedIn = (definition: Omit<IndicatorDefinition, 'unit' | 'outcome' | 'source'>, types: readonly string[]) => childShare(
  { ...definition, outcome: 'stability', unit: 'percent', source: `${cla903}, placement type at 31 March.` },
  (db, scope, period) => sql`select c.la_code, c.child_id, c.placement_type in (${sql.join(types)}) as counted from (${lookedAfterOn(db, scope, period.end)}) c`,
)

export const stability: Indicator[] = [
  childShare({
    id: 'three-or-more-placements', outcome: 'stability', title: 'Children looked after with 3 or more placements in the year', unit: 'percent',
    definition: 'Of the children looked after at the end of the period, the percentage who had 3 or more placements during it: the placement they were in when the period began, and each placement started in it (temporary moves of a week or less, holidays and hospital stays are not placements). Short breaks are left out.',
    source: `${cla903}, placement stability.`,
  }, (db, scope, period) => sql`
    select c.la_code, c.child_id, coalesce(n.placements, 0) >= 3 as counted
    from (${lookedAfterOn(db, scope, period.end)}) c
    left join (
      select e.child_id, count(*) filter (where e.start_date >= ${period.start} and e.reason_new_episode in (${sql.join(newPlacementReasons)}))
        + max(case when e.start_date < ${period.start} then 1 else 0 end) as placements
      from (${careEpisodeRows(db)}) e
      where ${inAuthorities('e.la_code', scope)} and e.start_date <= ${period.end} and (e.end_date is null or e.end_date >= ${period.start})
        and e.placement_type not in (${sql.join(temporaryPlacements)})
      group by e.child_id
    ) n on n.child_id = c.child_id`),

  childShare({
    id: 'placed-over-20-miles', outcome: 'stability', title: 'Children looked after placed more than 20 miles from home', unit: 'percent',
    definition: `Of the children looked after at the end of the period, the percentage placed more than ${distantPlacementMiles} miles in a straight line from their home postcode (measured between postcode district centres). Children whose distance is not known count in the total but not as placed far away.`,
    source: `${cla903}, home and placement postcodes.`,
  }, (db, scope, period) => sql`
    select c.la_code, c.child_id, coalesce(c.miles > ${distantPlacementMiles}, false) as counted
    from (${withMilesFromHome(lookedAfterOn(db, scope, period.end), 'home_postcode', 'placement_postcode')}) c`),

  childAverage({
    id: 'adoption-decision-to-match', outcome: 'stability', title: 'Time from the decision a child should be adopted to a match', unit: 'months',
    definition: 'For children matched with adopters in the period, the average number of months (days ÷ 30.4375) between the agency decision maker’s decision that the child should be placed for adoption and the match.',
    source: `${cla903}, adoption module (date of decision and date of matching).`,
  }, (db, scope, period) => sql`
    select m.la_code, m.child_id, (m.milestone_date - d.milestone_date) / 30.4375 as value
    from (${adoptionMilestoneRows(db)}) m join (${adoptionMilestoneRows(db)}) d on d.period_id = m.period_id and d.milestone = 'decision'
    where ${inAuthorities('m.la_code', scope)} and m.milestone = 'matched' and m.milestone_date between ${period.start} and ${period.end}`),

  placedIn({
    id: 'placed-in-foster-care', title: 'Children looked after in foster care',
    definition: 'Of the children looked after at the end of the period, the percentage in a foster placement (903 codes U1 to U6). Short breaks are left out.',
  }, ['U1', 'U2', 'U3', 'U4', 'U5', 'U6']),
  placedIn({
    id: 'placed-in-childrens-homes', title: 'Children looked after in secure units or children’s homes',
    definition: 'Of the children looked after at the end of the period, the percentage in a secure children’s home or a children’s home (903 codes K1 and K2). Short breaks are left out.',
  }, ['K1', 'K2']),
  placedIn({
    id: 'placed-in-supported-accommodation', title: 'Children looked after in independent or supported accommodation',
    definition: 'Of the children looked after at the end of the period, the percentage in supported accommodation, registered or not, or living independently (903 codes K3, Z12, H5 and P2). Short breaks are left out.',
  }, ['K3', 'Z12', 'H5', 'P2']),

  childAverage({
    id: 'sdq-score', outcome: 'stability', title: 'Average strengths and difficulties (SDQ) score', unit: 'score',
    definition: 'For children aged 5 to 16 at the end of the period who had been looked after continuously for at least 12 months by then, the average of each child’s latest SDQ total difficulties score recorded in the period (0 to 13 is normal, 14 to 16 borderline, 17 to 40 a cause for concern).',
    source: `${cla903}, SDQ score.`,
  }, (db, scope, period) => sql`
    select c.la_code, c.child_id, (
      select s.sdq_score from (${sdqRows(db)}) s where s.child_id = c.child_id and s.recorded_on between ${period.start} and ${period.end}
      order by s.recorded_on desc limit 1
    ) as value
    from (${lookedAfterOn(db, scope, period.end)}) c
    join (${carePeriodRows(db)}) p on p.id = c.period_id and p.start_date <= (${period.end}::date - interval '1 year')::date
    join (${childRows(db)}) k on k.id = c.child_id
      and k.date_of_birth <= (${period.end}::date - interval '5 years')::date and k.date_of_birth > (${period.end}::date - interval '17 years')::date
    where exists (select 1 from (${sdqRows(db)}) s where s.child_id = c.child_id and s.recorded_on between ${period.start} and ${period.end})`),
]
