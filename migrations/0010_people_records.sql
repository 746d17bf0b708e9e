-- The child's record and the family network: a token that makes record creation idempotent, name
-- fields the search reads (kept by a trigger, so every writer keeps them right), a nickname table,
-- relationships stored once per pair and type, and a sequence for LA child IDs.

alter table people
  add column creation_token uuid,
  add column updated_at timestamptz not null default now(),
  add column search_names text not null default '',
  add column name_codes text[] not null default '{}';
-- A double-clicked "Save" sends the same token twice: the second insert finds the first record.
create unique index people_creation_token on people (creation_token);

-- search_names: every name, lower case, for trigram and partial matching.
-- name_codes: the Double Metaphone codes of each name, for names spelt as they sound (Jon, John).
create function people_search_fields() returns trigger language plpgsql as $$
begin
  new.search_names := lower(trim(concat_ws(' ', new.first_name, new.last_name, array_to_string(new.other_names, ' '))));
  new.name_codes := array(
    select distinct code
    from regexp_split_to_table(new.search_names, '[[:space:]''-]+') as word,
      lateral (values (dmetaphone(word)), (dmetaphone_alt(word))) as codes (code)
    where word <> '' and code <> ''
  );
  return new;
end
$$;
create trigger people_search_fields before insert or update of first_name, last_name, other_names on people
  for each row execute function people_search_fields();
update people set first_name = first_name;

create index people_search_names_trgm on people using gin (search_names gin_trgm_ops);
create index people_name_codes on people using gin (name_codes);
create index people_la_dob on people (la_code, date_of_birth);
create index people_la_child_id_upper on people (la_code, upper(la_child_id));
create index addresses_current on addresses (person_id) where moved_out is null;

create sequence people_la_child_id_seq;

-- One row per pair and type, whichever way round it was recorded.
alter table relationships add column created_at timestamptz not null default now();
create unique index relationships_pair_type on relationships
  (least(person_id, related_person_id), greatest(person_id, related_person_id), type);

-- Names and the short forms and spellings children are recorded under (Bill for William).
-- A name may stand for several formal names (Alex: Alexander, Alexandra).
create table name_variants (
  name text not null,
  formal text not null,
  primary key (name, formal)
);
create index name_variants_formal on name_variants (formal);

insert into name_variants (formal, name)
select distinct names[1], variant
from (values
  ('alexander alex alec alfie sandy xander'),
  ('alexandra alex alexa lexi lexie sandra'),
  ('alfred alf alfie fred freddie'),
  ('andrew andy drew'),
  ('anthony tony antony'),
  ('abigail abby abbie abi gail'),
  ('albert bert bertie al'),
  ('benjamin ben benny benji'),
  ('catherine katherine kathryn cath cathy kate katie katy kat kitty'),
  ('charles charlie charley chas chuck'),
  ('charlotte charlie lottie lotte'),
  ('christopher chris kit topher'),
  ('christina christine chris tina kirsty'),
  ('daniel dan danny'),
  ('danielle dani'),
  ('david dave davy'),
  ('deborah debbie debra deb'),
  ('dominic dom'),
  ('edward ed eddie eddy ted teddy ned'),
  ('eleanor ellie ella nell nellie nora'),
  ('elizabeth elisabeth liz lizzie lizzy beth betsy betty eliza elsie libby ellie bess bessie'),
  ('emily em emmy milly'),
  ('frederick fred freddie freddy'),
  ('gabriel gabe'),
  ('georgina georgia georgie gina'),
  ('henry harry hal hank'),
  ('isabel isabelle isabella izzy izzie bella'),
  ('jacob jake jakob'),
  ('james jim jimmy jamie'),
  ('jennifer jenny jen jenni'),
  ('jessica jess jessie'),
  ('john jack johnny jon'),
  ('jonathan jon jonny jonty'),
  ('joseph joe joey'),
  ('josephine jo josie'),
  ('joshua josh'),
  ('kenneth ken kenny'),
  ('lawrence laurence larry laurie'),
  ('leonard leo len lenny'),
  ('louisa louise lou'),
  ('margaret maggie meg peggy peg maisie daisy greta margot rita'),
  ('mary molly polly mae may'),
  ('matilda tilly tillie mattie'),
  ('matthew matt matty'),
  ('michael mike mick mickey mikey'),
  ('mohammed muhammad mohammad mohamed muhammed mo'),
  ('nathaniel nathan nat nate'),
  ('nicholas nick nicky nico'),
  ('nicola nicole nicky nikki'),
  ('oliver ollie olly'),
  ('olivia livvy liv ollie'),
  ('patrick pat paddy'),
  ('patricia pat patty trish tricia'),
  ('peter pete'),
  ('philip phillip phil pip'),
  ('rebecca becky becca'),
  ('richard rich richie rick ricky dick'),
  ('robert rob robbie robby bob bobby bert'),
  ('ronald ron ronnie'),
  ('samuel sam sammy'),
  ('samantha sam sammie sammy'),
  ('sarah sara sally sadie'),
  ('sebastian seb'),
  ('sophia sophie sofia'),
  ('stephen steven steve stevie'),
  ('susan sue susie suzy suzanne'),
  ('theodore theo ted teddy'),
  ('thomas tom tommy'),
  ('timothy tim timmy'),
  ('victoria vicky vicki tori'),
  ('william bill billy will willie willy liam'),
  ('zachary zac zack zak')
) as groups (line),
  lateral (select string_to_array(line, ' ') as names) as split,
  lateral unnest(names) as variant;
