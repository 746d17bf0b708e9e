-- A social worker's ethnicity, as the children's social work workforce census collects it: the DfE's ethnicity
-- codes (REFU refused, NOBT not yet obtained). Null on records made before it was asked: not known.
alter table staff add column ethnicity text check (ethnicity in (
  'WBRI', 'WIRI', 'WIRT', 'WROM', 'WOTH', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH', 'BCRB', 'BAFR', 'BOTH',
  'CHNE', 'OOTH', 'REFU', 'NOBT'));
