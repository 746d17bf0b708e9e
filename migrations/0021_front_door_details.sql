-- The front door, second step: the family and household as the referrer described them, the CIN census
-- ReferralNFA flag on a referral, and the DfE referral source codes enforced by the database as well
-- as by the forms.
alter table contacts add column household text;
alter table contacts add constraint contacts_referral_source check (referral_source in
  ('1A', '1B', '1C', '1D', '2A', '2B', '3A', '3B', '3C', '3D', '3E', '3F', '4', '5A', '5B', '5C', '5D', '6', '7', '8', '9', '10'));

alter table referrals add column referral_nfa boolean not null default false;
alter table referrals add constraint referrals_referral_source check (referral_source in
  ('1A', '1B', '1C', '1D', '2A', '2B', '3A', '3B', '3C', '3D', '3E', '3F', '4', '5A', '5B', '5C', '5D', '6', '7', '8', '9', '10'));
