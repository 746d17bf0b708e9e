-- Which children's services authority a postcode district lies in (DfE three-digit code), so a placement's
-- authority and whether it is in or out of the child's own authority come from its postcode (Ofsted Annex A,
-- list 8). `kindred postcodes import` sets it from the ONS Postcode Directory: the authority most of the
-- district's live postcodes lie in. Null when not known (as for districts outside England).
alter table postcode_centroids add column la_code char(3) check (la_code ~ '^[0-9]{3}$');

-- The approximate districts shipped in 0080 and 0155. Most of ME1-5, ME7 and ME8 is Medway; the rest of ME is Kent.
update postcode_centroids set la_code = '887' where district in ('ME1', 'ME2', 'ME3', 'ME4', 'ME5', 'ME7', 'ME8');
update postcode_centroids set la_code = '886'
  where la_code is null and (district like 'ME%' or district like 'CT%' or district like 'TN%' or district like 'DA%');
update postcode_centroids set la_code = '213' where district = 'SW1A';
update postcode_centroids set la_code = '846' where district = 'BN1';
update postcode_centroids set la_code = '352' where district = 'M1';
update postcode_centroids set la_code = '330' where district = 'B1';
update postcode_centroids set la_code = '383' where district = 'LS1';
update postcode_centroids set la_code = '877' where district like 'WA%';
