-- The front door's referrals are the CIN episodes that child in need plans and Family Help steps point to.
alter table cin_plans add foreign key (referral_id) references referrals (id);
alter table family_help_episodes
  add foreign key (stepped_down_from_referral_id) references referrals (id),
  add foreign key (stepped_up_to_referral_id) references referrals (id);
