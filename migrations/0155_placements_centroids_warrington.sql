-- Approximate postcode district centroids for Warrington (877), the average-sized authority `kindred seed --scale la`
-- generates, so its placements have a distance from home like Kent's do. Like the rows in 0080, to about 0.01
-- degree; `kindred postcodes import` replaces them with the ONS Postcode Directory's.
insert into postcode_centroids (district, latitude, longitude) values
  ('WA1', 53.39, -2.56),
  ('WA2', 53.41, -2.58),
  ('WA3', 53.45, -2.54),
  ('WA4', 53.36, -2.57),
  ('WA5', 53.39, -2.65)
on conflict (district) do nothing;
