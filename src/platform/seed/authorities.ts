// England's 152 children's services authorities for synthetic data: DfE three-digit codes, names, ONS
// regions (each region one regional care cooperative), approximate 0-17 populations and the postcode
// districts their addresses use. Populations are rounded approximations (Kent, Birmingham, Lancashire and
// Leeds are the 2025 figures), scaled so England sums to the 2025 mid-year estimate. The Isles of Scilly
// are left out: their children's services are run with Cornwall's.

export interface Region { id: string; name: string }

export const regions: readonly Region[] = [
  { id: 'north-east', name: 'North East Regional Care Cooperative' },
  { id: 'north-west', name: 'North West Regional Care Cooperative' },
  { id: 'yorkshire-humber', name: 'Yorkshire and the Humber Regional Care Cooperative' },
  { id: 'east-midlands', name: 'East Midlands Regional Care Cooperative' },
  { id: 'west-midlands', name: 'West Midlands Regional Care Cooperative' },
  { id: 'east-of-england', name: 'East of England Regional Care Cooperative' },
  { id: 'london', name: 'London Regional Care Cooperative' },
  { id: 'south-east', name: 'South East Regional Care Cooperative' },
  { id: 'south-west', name: 'South West Regional Care Cooperative' },
]

export interface AuthorityRecord {
  code: string
  name: string
  regionId: string
  /** Children aged 0-17. */
  population: number
  /** Postcode districts: `ME1-20` is ME1 to ME20. */
  postcodeDistricts: string[]
  towns: string[]
  /** Published 2025 figures where known; otherwise the national rates apply (with local variation). */
  published?: { referrals: number; childrenLookedAfter: number }
}

const regionCodes: Record<string, string> = {
  NE: 'north-east', NW: 'north-west', YH: 'yorkshire-humber', EM: 'east-midlands', WM: 'west-midlands',
  EE: 'east-of-england', LN: 'london', SE: 'south-east', SW: 'south-west',
}

// code|name|region|population 0-17 (thousands)|postcode districts|towns (counties only; otherwise the name)
const table = `
201|City of London|LN|1|EC1-4|London
202|Camden|LN|45|NW1,NW3,NW5,NW6,WC1|London
203|Greenwich|LN|63|SE3,SE7,SE9,SE10,SE18,SE28|London
204|Hackney|LN|60|E2,E5,E8,E9,N16|London
205|Hammersmith and Fulham|LN|34|W6,W12,W14,SW6|London
206|Islington|LN|38|N1,N4,N5,N7,N19,EC1|London
207|Kensington and Chelsea|LN|27|W8,W10,W11,SW3,SW5,SW10|London
208|Lambeth|LN|54|SE11,SE24,SE27,SW2,SW4,SW8,SW9,SW16|London
209|Lewisham|LN|63|SE4,SE6,SE8,SE12,SE13,SE14,SE23,SE26|London
210|Southwark|LN|57|SE1,SE5,SE15,SE16,SE17,SE21,SE22|London
211|Tower Hamlets|LN|65|E1,E3,E14|London
212|Wandsworth|LN|60|SW11,SW12,SW15,SW17,SW18|London
213|Westminster|LN|35|W1,W2,W9,NW8,SW1|London
301|Barking and Dagenham|LN|64|IG11,RM8-10|London
302|Barnet|LN|93|N2,N3,N11,N12,N20,NW4,NW7,NW9,NW11,EN5|London
303|Bexley|LN|57|DA5-8,DA14-16|London
304|Brent|LN|76|NW2,NW10,HA0,HA9|London
305|Bromley|LN|75|BR1-7|London
306|Croydon|LN|93|CR0,CR2,CR5,CR7,CR8,SE25|London
307|Ealing|LN|82|W3,W5,W7,W13,UB1,UB2,UB5,UB6|London
308|Enfield|LN|80|EN1-3,N9,N13,N14,N18,N21|London
309|Haringey|LN|55|N4,N6,N8,N10,N15,N17,N22|London
310|Harrow|LN|60|HA1-3,HA5,HA7,HA8|London
311|Havering|LN|60|RM1-3,RM7,RM11-14|London
312|Hillingdon|LN|77|UB3,UB4,UB7-10,HA4,HA6|London
313|Hounslow|LN|68|TW3-5,TW7,TW13,TW14,W4|London
314|Kingston upon Thames|LN|40|KT1-3,KT5,KT6,KT9|London
315|Merton|LN|47|SW19,SW20,SM4,CR4|London
316|Newham|LN|87|E6,E7,E12,E13,E15,E16|London
317|Redbridge|LN|77|IG1-8|London
318|Richmond upon Thames|LN|45|TW1,TW2,TW9-12,SW13,SW14|London
319|Sutton|LN|49|SM1-3,SM5,SM6|London
320|Waltham Forest|LN|62|E4,E10,E11,E17|London
330|Birmingham|WM|292.859|B1-48|
331|Coventry|WM|76|CV1-6|
332|Dudley|WM|70|DY1-3,DY5,DY6,DY8,DY9|Dudley,Stourbridge,Halesowen
333|Sandwell|WM|80|B64-71|West Bromwich,Oldbury,Smethwick
334|Solihull|WM|48|B90-94,B36,B37|
335|Walsall|WM|71|WS1-5,WS8,WS9|
336|Wolverhampton|WM|66|WV1-4,WV6,WV10,WV11,WV14|
340|Knowsley|NW|35|L28,L32-36|Kirkby,Huyton,Prescot
341|Liverpool|NW|103|L1-27|
342|St Helens|NW|38|WA9-11|
343|Sefton|NW|55|L20-23,L30,L31,PR8,PR9|Southport,Bootle,Crosby
344|Wirral|NW|67|CH41-49,CH60-63|Birkenhead,Wallasey
350|Bolton|NW|68|BL1-7|
351|Bury|NW|43|BL8,BL9,M25,M26|
352|Manchester|NW|125|M1-23,M40|
353|Oldham|NW|62|OL1-4,OL8,OL9|
354|Rochdale|NW|53|OL10-12,OL16|Rochdale,Heywood,Middleton
355|Salford|NW|58|M5-7,M27,M28,M30,M44|
356|Stockport|NW|66|SK1-8|
357|Tameside|NW|51|OL5-7,SK14-16|Ashton-under-Lyne,Hyde,Stalybridge
358|Trafford|NW|56|M16,M32,M33,M41,WA14,WA15|Sale,Altrincham,Stretford
359|Wigan|NW|66|WN1-7|Wigan,Leigh
370|Barnsley|YH|52|S70-75|
371|Doncaster|YH|69|DN1-12|
372|Rotherham|YH|58|S60-66|
373|Sheffield|YH|114|S1-14,S17,S20,S35|
380|Bradford|YH|143|BD1-22|Bradford,Keighley
381|Calderdale|YH|46|HX1-7|Halifax,Brighouse
382|Kirklees|YH|100|HD1-9,WF12-17|Huddersfield,Dewsbury,Batley
383|Leeds|YH|176.239|LS1-29|
384|Wakefield|YH|74|WF1-11|Wakefield,Pontefract,Castleford
390|Gateshead|NE|38|NE8-11,NE16,NE21|
391|Newcastle upon Tyne|NE|58|NE1-7,NE12,NE13,NE15|
392|North Tyneside|NE|42|NE25-30|Wallsend,North Shields,Whitley Bay
393|South Tyneside|NE|30|NE31-36|South Shields,Jarrow,Hebburn
394|Sunderland|NE|55|SR1-6,DH4,DH5|
800|Bath and North East Somerset|SW|37|BA1-3,BS39|Bath,Keynsham,Midsomer Norton
801|Bristol|SW|90|BS1-16|
802|North Somerset|SW|43|BS20-24,BS48,BS49|Weston-super-Mare,Clevedon,Portishead,Nailsea
803|South Gloucestershire|SW|62|BS30-37|Yate,Kingswood,Thornbury
805|Hartlepool|NE|20|TS24-27|
806|Middlesbrough|NE|33|TS1-8|
807|Redcar and Cleveland|NE|27|TS6,TS10-14|Redcar,Guisborough,Saltburn-by-the-Sea
808|Stockton-on-Tees|NE|44|TS16-21|Stockton-on-Tees,Billingham,Thornaby
810|Kingston upon Hull|YH|59|HU1-9|Hull
811|East Riding of Yorkshire|YH|62|HU10-20,YO15,YO16,YO25,DN14|Beverley,Bridlington,Goole,Driffield
812|North East Lincolnshire|YH|35|DN31-37|Grimsby,Cleethorpes,Immingham
813|North Lincolnshire|YH|36|DN15-18,DN20|Scunthorpe,Brigg,Barton-upon-Humber
815|North Yorkshire|YH|115|YO7,YO8,YO11-14,YO17,YO21,HG1-5,DL6-11,BD23,BD24|Harrogate,Scarborough,Northallerton,Selby,Skipton,Whitby
816|York|YH|36|YO1,YO10,YO19,YO23,YO24,YO26,YO30-32|
821|Luton|EE|60|LU1-4|
822|Bedford|EE|42|MK40-45|
823|Central Bedfordshire|EE|66|LU5-7,SG15-19,MK17|Dunstable,Leighton Buzzard,Biggleswade,Flitwick
825|Buckinghamshire|SE|125|HP5-23,SL7-9,MK18|Aylesbury,High Wycombe,Amersham,Chesham,Buckingham
826|Milton Keynes|SE|68|MK1-15,MK19|
830|Derbyshire|EM|160|DE4-7,DE11,DE12,DE55,DE56,DE65,DE72-75,S18,S40-45,SK13,SK17|Chesterfield,Ilkeston,Buxton,Matlock,Swadlincote,Glossop
831|Derby|EM|60|DE1,DE3,DE21-24|
838|Dorset|SW|67|DT1-11,SP7,SP8,BH16-21|Dorchester,Weymouth,Bridport,Wimborne Minster,Sherborne
839|Bournemouth, Christchurch and Poole|SW|72|BH1-15,BH23|Bournemouth,Christchurch,Poole
840|County Durham|NE|102|DH1-3,DH6-9,DL4,DL5,DL12-17|Durham,Chester-le-Street,Consett,Peterlee,Bishop Auckland,Newton Aycliffe
841|Darlington|NE|22|DL1-3|
845|East Sussex|SE|104|BN7-9,BN20-27,TN5,TN6,TN19-22,TN31-40|Eastbourne,Hastings,Bexhill-on-Sea,Lewes,Crowborough,Newhaven
846|Brighton and Hove|SE|52|BN1-3,BN41,BN42|
850|Hampshire|SE|280|GU11-14,GU30-35,GU46,GU51,GU52,PO7-17,RG21-29,SO20-24,SO30-45,SO50-53,SP6,SP9-11|Basingstoke,Winchester,Andover,Fareham,Gosport,Havant,Eastleigh,Aldershot,Farnborough
851|Portsmouth|SE|44|PO1-6|
852|Southampton|SE|54|SO14-19|
855|Leicestershire|EM|143|LE2,LE3,LE6-19,LE65,LE67|Loughborough,Hinckley,Coalville,Melton Mowbray,Market Harborough,Wigston
856|Leicester|EM|88|LE1-5|
857|Rutland|EM|8|LE15|Oakham,Uppingham
860|Staffordshire|WM|170|ST5,ST7,ST10-21,WS6,WS7,WS11-15,DE13-15,B77-79|Stafford,Newcastle-under-Lyme,Burton upon Trent,Cannock,Tamworth,Lichfield,Leek
861|Stoke-on-Trent|WM|60|ST1-4,ST6|
865|Wiltshire|SW|105|SN8-16,SP1-5,BA12-15|Salisbury,Chippenham,Trowbridge,Devizes,Melksham,Warminster
866|Swindon|SW|53|SN1-6,SN25,SN26|
867|Bracknell Forest|SE|29|RG12,RG40,RG42,RG45,GU47|Bracknell,Crowthorne,Sandhurst
868|Windsor and Maidenhead|SE|34|SL4,SL6|Windsor,Maidenhead
869|West Berkshire|SE|36|RG7,RG14,RG17-20|Newbury,Thatcham,Hungerford
870|Reading|SE|37|RG1,RG2,RG4,RG30,RG31|
871|Slough|SE|45|SL1-3|
872|Wokingham|SE|40|RG5,RG6,RG10,RG41|Wokingham,Woodley,Earley
873|Cambridgeshire|EE|145|CB1-25,PE13-19,PE26-29|Cambridge,Huntingdon,St Neots,Wisbech,Ely,March
874|Peterborough|EE|52|PE1-8|
876|Halton|NW|28|WA7,WA8|Runcorn,Widnes
877|Warrington|NW|46|WA1-5|
878|Devon|SW|140|EX1-24,EX31-39,TQ6-13,PL19-21|Exeter,Barnstaple,Exmouth,Newton Abbot,Tiverton,Bideford
879|Plymouth|SW|53|PL1-9|
880|Torbay|SW|24|TQ1-5|Torquay,Paignton,Brixham
881|Essex|EE|325|CM0-24,CO1-16,SS0-17,RM4,RM15,IG10|Chelmsford,Colchester,Basildon,Harlow,Braintree,Clacton-on-Sea,Brentwood
882|Southend-on-Sea|EE|38|SS0-3,SS9|
883|Thurrock|EE|44|RM15-20,SS17|Grays,Tilbury,Stanford-le-Hope
884|Herefordshire|WM|36|HR1-9|Hereford,Leominster,Ross-on-Wye
885|Worcestershire|WM|120|WR1-15,DY10-14,B60,B61,B96-98|Worcester,Kidderminster,Redditch,Bromsgrove,Evesham,Malvern
886|Kent|SE|355.39|ME1-20,CT1-21,TN1-4,TN8-18,TN23-30,DA1-4,DA9-13|Maidstone,Canterbury,Ashford,Dartford,Folkestone,Margate,Tunbridge Wells,Sevenoaks,Dover,Gravesend
887|Medway|SE|65|ME1-8|Chatham,Gillingham,Rochester,Strood
888|Lancashire|NW|261.392|PR1-7,PR25,PR26,BB1-12,BB18,LA1-7,FY5-8,L39,L40,WN8|Preston,Lancaster,Burnley,Chorley,Accrington,Skelmersdale,Fleetwood,Morecambe
889|Blackburn with Darwen|NW|41|BB1-3|Blackburn,Darwen
890|Blackpool|NW|28|FY1-4|
891|Nottinghamshire|EM|170|NG4,NG9-25,S80,S81,DN22|Mansfield,Newark-on-Trent,Worksop,Beeston,Hucknall,Arnold
892|Nottingham|EM|66|NG1-8,NG11|
893|Shropshire|WM|60|SY1-15,TF9,WV15,WV16|Shrewsbury,Oswestry,Bridgnorth,Ludlow,Market Drayton
894|Telford and Wrekin|WM|42|TF1-8,TF10|Telford,Newport
895|Cheshire East|NW|80|CW1-12,SK9-12,ST7|Crewe,Macclesfield,Congleton,Wilmslow,Nantwich
896|Cheshire West and Chester|NW|70|CH1-4,CH64-66,CW6-9|Chester,Ellesmere Port,Northwich,Winsford
908|Cornwall|SW|104|TR1-20,PL10-18,PL22-35,EX23|Truro,Camborne,Penzance,St Austell,Falmouth,Newquay,Bodmin
916|Gloucestershire|SW|130|GL1-20,GL50-56|Gloucester,Cheltenham,Stroud,Cirencester,Tewkesbury
919|Hertfordshire|EE|270|AL1-10,SG1-14,WD3-7,WD17-25,EN6-11,HP1-4,CM21,CM23|St Albans,Stevenage,Watford,Hemel Hempstead,Hertford,Hitchin,Welwyn Garden City
921|Isle of Wight|SE|24|PO30-41|Newport,Ryde,Cowes,Sandown,Shanklin
925|Lincolnshire|EM|145|LN1-13,PE9-12,PE20-25,NG31-34|Lincoln,Boston,Grantham,Spalding,Skegness,Sleaford,Gainsborough
926|Norfolk|EE|170|NR1-35,PE30-38,IP20-22|Norwich,King's Lynn,Great Yarmouth,Thetford,Dereham,Cromer
929|Northumberland|NE|60|NE22-24,NE41-49,NE61-71,TD15|Ashington,Cramlington,Blyth,Morpeth,Hexham,Berwick-upon-Tweed
931|Oxfordshire|SE|145|OX1-18,OX20,OX25-29,OX33,OX39,OX44,OX49,RG9|Oxford,Banbury,Bicester,Abingdon,Witney,Didcot
933|Somerset|SW|110|TA1-24,BA4-11,BA16,BA22|Taunton,Yeovil,Bridgwater,Frome,Glastonbury,Wellington
935|Suffolk|EE|150|IP1-33|Ipswich,Bury St Edmunds,Lowestoft,Felixstowe,Haverhill,Sudbury
936|Surrey|SE|270|GU1-10,GU15-27,KT7,KT8,KT10-24,RH1-10,TW15-20,CR3,CR6|Guildford,Woking,Epsom,Reigate,Camberley,Staines-upon-Thames,Redhill
937|Warwickshire|WM|120|CV7-13,CV21-23,CV31-37,B46-50,B78,B80|Nuneaton,Rugby,Leamington Spa,Warwick,Stratford-upon-Avon,Bedworth
938|West Sussex|SE|185|BN5,BN6,BN11-18,BN43,BN44,PO18-22,RH10-20,GU28,GU29|Crawley,Worthing,Horsham,Chichester,Bognor Regis,Burgess Hill,Littlehampton
940|North Northamptonshire|EM|77|NN8-10,NN14-18,NN29|Kettering,Corby,Wellingborough,Rushden
941|West Northamptonshire|EM|92|NN1-7,NN11-13|Northampton,Daventry,Towcester,Brackley
942|Cumberland|NW|52|CA1-3,CA5-8,CA13-15,CA25-28|Carlisle,Workington,Whitehaven,Maryport
943|Westmorland and Furness|NW|41|LA8-23,CA10-12,CA16,CA17|Kendal,Barrow-in-Furness,Penrith,Ulverston,Windermere
`

const published: Record<string, { referrals: number; childrenLookedAfter: number }> = {
  886: { referrals: 24_035, childrenLookedAfter: 1_896 },
  330: { referrals: 16_324, childrenLookedAfter: 2_317 },
  888: { referrals: 7_948, childrenLookedAfter: 1_699 },
  383: { referrals: 10_304, childrenLookedAfter: 1_498 },
}

export const englandPopulation0to17 = 12_183_016

function parseDistricts(text: string): string[] {
  return text.split(',').flatMap((entry) => {
    const match = /^([A-Z]+)(\d+)(?:-(\d+))?$/.exec(entry)
    if (!match) throw new Error(`Bad postcode district ${entry}`)
    const [, area, from, to] = match
    const districts: string[] = []
    for (let n = Number(from); n <= Number(to ?? from); n++) districts.push(`${area}${n}`)
    return districts
  })
}

function parseTable(): AuthorityRecord[] {
  const rows = table.trim().split('\n').map((line) => {
    const [code, name, region, thousands, districts, towns] = line.split('|') as [string, string, string, string, string, string]
    const record: AuthorityRecord = {
      code, name, regionId: regionCodes[region]!, population: Math.round(Number(thousands) * 1000),
      postcodeDistricts: parseDistricts(districts), towns: towns ? towns.split(',') : [name],
    }
    if (published[code]) record.published = published[code]
    return record
  })
  // The published populations stay as they are; the rest are scaled so England sums to the estimate.
  const fixed = rows.filter((r) => r.published).reduce((sum, r) => sum + r.population, 0)
  const rest = rows.filter((r) => !r.published).reduce((sum, r) => sum + r.population, 0)
  const scale = (englandPopulation0to17 - fixed) / rest
  for (const row of rows) if (!row.published) row.population = Math.round(row.population * scale)
  return rows
}

export const englishAuthorities: readonly AuthorityRecord[] = parseTable()

export function authorityByCode(code: string): AuthorityRecord | undefined {
  return englishAuthorities.find((authority) => authority.code === code)
}

export function isLondon(authority: AuthorityRecord): boolean {
  return authority.regionId === 'london'
}
