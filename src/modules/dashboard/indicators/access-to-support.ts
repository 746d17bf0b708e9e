// Outcome 1, access to support: children in need and repeat referrals (CIN census).
import { sql } from 'kysely'
import { inAuthorities } from '../../../platform/db/authority-scope.js'
import { referralRows } from '../../front-door/service.js'
import { childRate, childShare, type Indicator } from '../indicator.js'

const cinCensus = 'Children in need census (DfE, “Characteristics of children in need”), from Kindred’s referrals'

export const accessToSupport: Indicator[] = [
  childRate({
    id: 'children-in-need-rate', outcome: 'access', title: 'Children in need',
    definition: 'Children in need (open CIN episodes) at the end of the period, per 10,000 children aged 0 to 17 in the authority. An episode closed on the last day has ended.',
    source: `${cinCensus}, table B1; population: the authority’s ONS mid-year estimate of children aged 0 to 17.`,
  }, (db, scope, period) => sql`
    select r.la_code, r.child_id from (${referralRows(db)}) r
    where ${inAuthorities('r.la_code', scope)} and r.referral_date <= ${period.end} and (r.closure_date is null or r.closure_date > ${period.end})`),

  childShare({
    id: 'repeat-referrals', outcome: 'access', title: 'Repeat referrals within 12 months', unit: 'percent',
    definition: 'Of the referrals made in the period, the percentage made within 12 months of a previous referral for the same child.',
    source: `${cinCensus}, table C1.`,
  }, (db, scope, period) => sql`
    -- One pass over the referrals: each one's latest earlier referral for the child, by a window.
    select w.la_code, w.child_id, coalesce(w.previous >= (w.referral_date - interval '12 months')::date, false) as counted
    from (
      select r.la_code, r.child_id, r.referral_date, max(r.referral_date) over (
        partition by r.child_id order by r.referral_date range between unbounded preceding and '1 day'::interval preceding) as previous
      from (${referralRows(db)}) r where ${inAuthorities('r.la_code', scope)}
    ) w
    where w.referral_date between ${period.start} and ${period.end}`),
]
