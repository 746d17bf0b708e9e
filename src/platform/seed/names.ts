// Names for synthetic people, most common first in each list (common names commoner), grouped by the
// heritage a family's ethnicity suggests and, for British names, by generation: a child born in 2015 is
// more often Olivia or Noah, her mother Gemma or Laura, her grandmother Susan or Julie. Synthetic only.
import { byPopularity, type Random, type Weighted } from './random.js'

const list = (text: string): string[] => text.trim().split(/\s+/).map((name) => name.replace(/_/g, ' '))

export type Heritage = 'british' | 'irish' | 'traveller' | 'eastern_european' | 'caribbean' | 'african' | 'south_asian_muslim' | 'indian' | 'chinese' | 'middle_eastern'
export type Generation = 'child' | 'parent' | 'grandparent'

interface NamePool { female: Record<Generation, string[]>; male: Record<Generation, string[]>; surnames: string[] }

const britishChildGirls = list(`Olivia Amelia Isla Ava Mia Ivy Lily Isabella Rosie Sophia Grace Freya Willow Florence Emily Ella Poppy
  Evie Elsie Charlotte Evelyn Sienna Sofia Daisy Phoebe Sophie Alice Harper Matilda Ruby Emilia Maya Millie Isabelle Esme Jessica
  Chloe Erin Holly Lucy Scarlett Megan Imogen Eva Layla Lola Maisie Bella Hallie Violet Thea Aria Ellie Luna Mila Harriet Eliza Nancy
  Robyn Hannah Georgia Lilly Lydia Amber Eleanor Katie Abigail Anna Amy Bethany Caitlin Courtney Jasmine Jade Kayla Keira Lauren Leah
  Libby Madison Molly Paige Summer Aurora Gracie Heidi Ada Orla Pippa Sadie Skye Stella Tilly Darcie Lexi Maddison Tegan Kacey`)
const britishChildBoys = list(`Oliver Jack Harry George Noah Charlie Jacob Alfie Freddie Oscar Leo Logan Archie Theo Thomas James
  Joshua Henry William Max Lucas Ethan Arthur Mason Isaac Harrison Teddy Finley Daniel Riley Edward Joseph Alexander Adam Reggie
  Samuel Jaxon Sebastian Elijah Harley Toby Arlo Dylan Jude Benjamin Rory Tommy Jake Louie Carter Jenson Hugo Bobby Frankie Ollie
  Zachary David Albie Lewis Luca Ronnie Jackson Matthew Alex Harvey Reuben Jayden Caleb Hunter Nathan Blake Luke Elliot Liam Kai
  Stanley Tyler Callum Ryan Kyle Owen Bradley Kieran Aiden Connor Cameron Mackenzie Brandon Corey Alfred Bertie Ernie Otis Louis`)
const britishParentWomen = list(`Sarah Laura Emma Gemma Rebecca Amy Claire Lisa Kelly Nicola Hayley Stacey Danielle Jessica Charlotte
  Hannah Samantha Natalie Victoria Leanne Rachel Jodie Zoe Kirsty Lauren Jade Sophie Louise Stephanie Michelle Katie Jennifer Donna
  Joanne Kerry Amanda Helen Emily Chloe Carly Sian Lucy Abbie Shannon Chelsea Kayleigh Toni Tracey Dawn Kimberley Vicky Lindsey`)
const britishParentMen = list(`Daniel James Christopher David Michael Matthew Andrew Thomas Mark Paul Lee Craig Ryan Adam Richard
  Robert Jamie Liam Scott Ashley Stephen Carl Darren Dean Gary Wayne Jason Steven Kevin Anthony Jonathan Joseph Shaun Luke Nathan
  Ben Samuel Aaron Kyle Jordan Martin Simon Neil Ian Stuart Jack Ricky Tony Kieran Dale Joshua`)
const britishGrandWomen = list(`Susan Julie Karen Linda Tracey Jacqueline Elaine Carol Deborah Patricia Sandra Christine Margaret
  Janet Lorraine Denise Gillian Angela Beverley Diane Alison Wendy Pauline Jean Barbara Maureen Brenda Sharon Lesley Kathleen`)
const britishGrandMen = list(`David Paul Stephen Peter John Michael Ian Gary Kevin Andrew Mark Robert Alan Anthony Keith Brian Colin
  Graham Philip Martin Trevor Nigel Terry Barry Christopher Richard Derek Raymond Roger Malcolm`)
const britishSurnames = list(`Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright
  Walker White Edwards Hughes Green Hall Lewis Harris Clarke Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King
  Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter
  Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Marshall Anderson Simpson Ellis Adams Wilkinson Foster Chapman Powell
  Webb Rogers Gray Mason Hunt Campbell Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens
  Jenkins Murray Dixon Harvey Graham Pearson Fletcher Walsh Gibson Howard Andrews Stewart Elliott Reynolds Saunders Payne Fox Ford
  Pearce Day Brooks West Lawrence Cole Atkinson Bradley Spencer Gill Dawson Ball Burton Watts Rose Booth Perry Ryan Grant Wells
  Armstrong Francis Rees Hayes Hart Hudson Newman Barrett Webster Hunter Gregory Carr Lowe Page Marsh Riley Dunn Woods Parsons Berry
  Stone Reid Holland Hawkins Harding Porter Robertson Newton Oliver Reed Kennedy Williamson Bird Gardner Dean Lane Cooke Bates
  Henderson Parry Burgess Bishop Walton Burns Nicholson Shepherd Ross Cross Long Freeman Warren Nicholls Hamilton Sutton Yates
  Hodgson Robson Curtis Hopkins Harper Coleman Watkins Moss Chambers Griffin Sharp Hardy Wheeler Potter Osborne Johnston Gordon
  Wallace George Jordan Hutchinson Rowe Burke May Pritchard Gilbert Willis Higgins Read Miles Stevenson Hammond Arnold Buckley Walters
  Hewitt Barber Nelson Slater Austin Whitehead Mann Frost Lambert Blake Lynch Goodwin Barton Woodward Cunningham Quinn Barnett Baxter
  Clayton Nash Greenwood Jennings Holt Kemp Poole Bond Stokes Tucker Fowler Heath Norman Middleton Lees Banks Ashworth Whitfield
  Hargreaves Sutcliffe Pickering Broadbent Crowther Entwistle Haworth Ackroyd Thornton Birch Brierley Cartwright Dobson Fairclough
  Greenhalgh Hollingworth Kershaw Lomax Metcalfe Ormerod Pilling Rawlinson Schofield Tattersall Whittaker Wilde Blackburn Pendleton`)

const irishSurnames = list(`Murphy Kelly O'Brien Ryan O'Sullivan Walsh Byrne O'Connor McCarthy Doyle Gallagher Kennedy Lynch Quinn
  Sweeney Brennan Flanagan Fitzgerald Doherty Connolly Kavanagh Maguire McLaughlin Duffy Keane Gilmartin Hegarty Nolan Regan Mullan`)
const irishGirls = list(`Aoife Niamh Ciara Siobhan Orla Saoirse Roisin Grainne Sinead Caoimhe Erin Ava Emily Grace Sophie`)
const irishBoys = list(`Sean Conor Cian Oisin Padraig Eoin Darragh Liam Jack James Ciaran Declan Fionn Ronan Callum`)

const travellerSurnames = list(`Smith Lee Price Boswell Lovell Doherty McDonagh Ward Connors Joyce McGinley Loveridge Cooper Stanley
  Buckley Purcell Maughan Delaney Collins Burton`)
const travellerGirls = list(`Mary Bridget Margaret Kathleen Shannon Tiffany Chantelle Kiera Alice Ellie Lily Violet Caroline Nora`)
const travellerBoys = list(`John Patrick Michael James Tommy Jimmy Johnny Billy Joseph Martin Levi Noah Moses Henry Bartley`)

const easternSurnames = list(`Nowak Kowalski Wisniewski Wojcik Kowalczyk Kaminski Lewandowski Zielinski Szymanski Wozniak Dabrowski
  Popescu Ionescu Popa Dumitru Stan Stoica Gheorghe Kazlauskas Petrauskas Jankauskas Horvath Novak Kovacs Balogh Ivanov Petrov
  Ozols Berzins Dimitrov`)
const easternGirls = list(`Zuzanna Julia Zofia Maja Lena Hanna Alicja Natalia Oliwia Amelia Wiktoria Ioana Maria Elena Andreea
  Alexandra Gabriela Emilija Lukne Viktorija Anna Eva Katarina Daria`)
const easternBoys = list(`Jakub Kacper Szymon Filip Antoni Jan Aleksander Franciszek Mikolaj Wojciech Andrei David Luca Matei
  Stefan Alexandru Lukas Matas Dominik Marek Tomas Adrian Mateusz Patryk`)
const easternParentWomen = list(`Agnieszka Katarzyna Magdalena Joanna Monika Anna Ewa Marta Elena Mihaela Cristina Ramona Jurgita Inga Daiva`)
const easternParentMen = list(`Piotr Tomasz Pawel Marcin Krzysztof Michal Lukasz Adrian Ionut Florin Marius Catalin Darius Tomas Andrius`)

const caribbeanSurnames = list(`Campbell Brown Williams Clarke Francis Thomas Johnson Grant Reid Morgan Robinson Henry Lewis Samuels
  Bailey Gordon Edwards Spencer Forbes McKenzie Richards Walker Miller Stewart Davis Bennett Gayle Powell Charles Facey`)
const caribbeanGirls = list(`Shania Tianna Jada Amari Nia Kayla Chantelle Keisha Aaliyah Imani Tiana Jasmine Destiny Sasha Kiara Zaria`)
const caribbeanBoys = list(`Tyrese Jayden Kai Malachi Isaiah Josiah Marcus Andre Jermaine Tyrone Reuben Elijah Kyrie Jaheim Ezra`)
const caribbeanParentWomen = list(`Marcia Sharon Donna Paulette Natalie Michelle Simone Charmaine Tanya Annette Claudette Yvonne`)
const caribbeanParentMen = list(`Delroy Winston Leroy Marcus Carl Andre Jermaine Trevor Clive Wayne Dwayne Errol`)

const africanSurnames = list(`Okafor Adeyemi Mensah Osei Boateng Asante Okonkwo Adebayo Olawale Eze Nwosu Abdi Mohamed Hassan Ali
  Warsame Omar Yusuf Owusu Appiah Addo Adeleke Ogunleye Ibrahim Bello Kamara Conteh Sesay Mwangi Otieno Ndlovu Moyo Kabba Diallo`)
const africanGirls = list(`Grace Blessing Favour Precious Esther Deborah Abena Ama Amina Hodan Fatima Ifeoma Chioma Zainab Hawa Faith
  Jessica Victoria Adaeze Ayomide Ruth Sumaya Naima Ayan Mariam Tamara`)
const africanBoys = list(`Daniel David Emmanuel Samuel Joshua Michael Tobi Kwame Kofi Chidi Ayo Femi Abdi Mohamed Ahmed Isaac
  Joseph Elijah Caleb Ethan Jayden Nathaniel Kelvin Abdirahman Said Ibrahim`)
const africanParentWomen = list(`Folake Ngozi Abimbola Funmilayo Adwoa Akosua Comfort Patience Fadumo Halima Khadra Amina Mercy Joy Esther`)
const africanParentMen = list(`Olusegun Chinedu Emeka Kwabena Kwaku Yaw Babajide Abdullahi Mohamed Abdi Hassan Samuel Emmanuel Godwin`)

const southAsianMuslimSurnames = list(`Khan Hussain Ahmed Ali Akhtar Iqbal Mahmood Rahman Islam Uddin Miah Hossain Choudhury Shah Butt
  Malik Aziz Rashid Raza Javed Chaudhry Mirza Anwar Hanif Saleem Rehman Sultana Begum Bibi Haque Ullah Ahmad Siddique Mughal Sheikh`)
const southAsianMuslimGirls = list(`Aisha Fatima Maryam Zainab Amira Hafsa Inaya Anaya Aaliyah Khadijah Safa Eshal Zara Hania Ayesha
  Mariam Noor Sumaiya Tasnim Nusrat Mehreen Iqra Alina Hana`)
const southAsianMuslimBoys = list(`Muhammad Mohammed Mohammad Ibrahim Yusuf Omar Ali Hamza Ayaan Zain Bilal Adam Musa Haris Rayyan
  Zayan Imran Abdullah Idris Hasan Usman Arham Ehsan Ismail Saif`)
const southAsianMuslimParentWomen = list(`Nasreen Shazia Rubina Nazia Samina Shabana Farzana Rukhsana Sadia Salma Nadia Tahira Shamima Rehana`)
const southAsianMuslimParentMen = list(`Mohammed Imran Tariq Asif Kamran Zahid Shahid Nadeem Abdul Faisal Sajid Amjad Shafiq Jamal`)

const indianSurnames = list(`Patel Singh Kaur Sharma Mistry Joshi Gill Sandhu Sidhu Dhillon Kumar Parmar Chauhan Solanki Lad Shah
  Mehta Gupta Desai Bhatt Virdi Bains Johal Thind Atwal Rai Pillai Nair Reddy Iyer`)
const indianGirls = list(`Priya Anjali Simran Kiran Navleen Isha Diya Anaya Saanvi Riya Jasleen Harleen Aanya Meera Tara Nisha Pooja`)
const indianBoys = list(`Arjun Rohan Aarav Krish Dev Jay Harjot Gurveer Aryan Vihaan Ishaan Sahil Rahul Jaskaran Kabir Neil Veer`)
const indianParentWomen = list(`Harpreet Gurpreet Rajinder Manjit Sunita Anita Nisha Rupinder Parminder Jaspreet Sonia Kavita Neeta`)
const indianParentMen = list(`Rajesh Sanjay Harjinder Gurdeep Sukhwinder Amit Vijay Ravi Manoj Jasbir Kuldip Sandeep Nikhil`)

const chineseSurnames = list(`Chen Wang Li Zhang Liu Wong Lee Cheung Lam Ng Chan Lin Huang Yang Wu Zhou Ho Tang Leung Yip`)
const chineseGirls = list(`Emily Grace Chloe Mei Xin Yan Jessica Amy Ling Hui Ying Sophie Zoe Lily`)
const chineseBoys = list(`Ethan Ryan Kevin Jason Wei Hao Yu Daniel Jun Ming Lucas Max Oscar Tian`)

const middleEasternSurnames = list(`Ahmadi Hussaini Rahimi Karimi Mohammadi Yilmaz Kaya Demir Haddad Hamid Ibrahim Saleh Mahmoud
  Abbas Aziz Othman Qasim Rasul Jaff Barzani Nouri Habibi Sultani Amiri Hosseini`)
const middleEasternGirls = list(`Maryam Fatima Zahra Noor Layla Sara Amira Hiba Yasmin Rania Dilan Shirin Parisa Nadia Lana Elif Zeynep`)
const middleEasternBoys = list(`Ali Omar Yusuf Mustafa Ahmad Amir Hassan Zain Mohammed Karim Rami Ahmed Hamid Aras Emre Dilan Farid`)

const pool = (surnames: string[], girls: string[], boys: string[], women = girls, men = boys, oldWomen = women, oldMen = men): NamePool => ({
  surnames,
  female: { child: girls, parent: women, grandparent: oldWomen },
  male: { child: boys, parent: men, grandparent: oldMen },
})

const pools: Record<Heritage, NamePool> = {
  british: pool(britishSurnames, britishChildGirls, britishChildBoys, britishParentWomen, britishParentMen, britishGrandWomen, britishGrandMen),
  irish: pool([...irishSurnames, ...britishSurnames.slice(0, 30)], [...irishGirls, ...britishChildGirls.slice(0, 20)], [...irishBoys, ...britishChildBoys.slice(0, 20)],
    [...irishGirls, ...britishParentWomen.slice(0, 15)], [...irishBoys, ...britishParentMen.slice(0, 15)], britishGrandWomen, britishGrandMen),
  traveller: pool(travellerSurnames, travellerGirls, travellerBoys),
  eastern_european: pool(easternSurnames, easternGirls, easternBoys, easternParentWomen, easternParentMen),
  caribbean: pool(caribbeanSurnames, [...caribbeanGirls, ...britishChildGirls.slice(0, 20)], [...caribbeanBoys, ...britishChildBoys.slice(0, 20)],
    caribbeanParentWomen, caribbeanParentMen),
  african: pool(africanSurnames, africanGirls, africanBoys, africanParentWomen, africanParentMen),
  south_asian_muslim: pool(southAsianMuslimSurnames.filter((s) => s !== 'Begum' && s !== 'Bibi' && s !== 'Sultana'), southAsianMuslimGirls, southAsianMuslimBoys,
    southAsianMuslimParentWomen, southAsianMuslimParentMen),
  indian: pool(indianSurnames.filter((s) => s !== 'Kaur'), indianGirls, indianBoys, indianParentWomen, indianParentMen),
  chinese: pool(chineseSurnames, chineseGirls, chineseBoys),
  middle_eastern: pool(middleEasternSurnames, middleEasternGirls, middleEasternBoys),
}

/** Women's surnames some communities use in place of the family name: Begum, Bibi, Kaur. */
const womensSurnames: Partial<Record<Heritage, { chance: number; names: string[] }>> = {
  south_asian_muslim: { chance: 0.35, names: ['Begum', 'Bibi', 'Sultana'] },
  indian: { chance: 0.3, names: ['Kaur'] },
}

type PoolPickers = { surnames: Weighted<string>; female: Record<Generation, Weighted<string>>; male: Record<Generation, Weighted<string>> }

const pickers = new Map<Heritage, PoolPickers>()
function pickersFor(heritage: Heritage): PoolPickers {
  let found = pickers.get(heritage)
  if (!found) {
    const names = pools[heritage]
    const generations = (byGeneration: Record<Generation, string[]>) => ({
      child: byPopularity(byGeneration.child), parent: byPopularity(byGeneration.parent), grandparent: byPopularity(byGeneration.grandparent),
    })
    found = { surnames: byPopularity(names.surnames, 0.8), female: generations(names.female), male: generations(names.male) }
    pickers.set(heritage, found)
  }
  return found
}

export function surname(random: Random, heritage: Heritage): string {
  return pickersFor(heritage).surnames.pick(random)
}

export function firstName(random: Random, heritage: Heritage, sex: 'F' | 'M', generation: Generation): string {
  const picker = pickersFor(heritage)
  return (sex === 'F' ? picker.female : picker.male)[generation].pick(random)
}

/** A woman's surname where her community often records a personal one instead of the family's. */
export function womansSurname(random: Random, heritage: Heritage, familySurname: string): string {
  const custom = womensSurnames[heritage]
  return custom && random.chance(custom.chance) ? random.pick(custom.names) : familySurname
}
