// Names for synthetic test data, most common first: popular names for children born in England since 2008,
// and surnames common across England's communities. Synthetic data only: no real person is described.

export const BOYS_NAMES = `
Oliver Jack Harry George Noah Charlie Jacob Alfie Freddie Oscar Leo Logan Archie Theo Thomas James Joshua Henry
William Max Lucas Ethan Arthur Mason Isaac Harrison Teddy Finley Daniel Riley Edward Joseph Alexander Adam Reggie
Samuel Jaxon Sebastian Elijah Harley Toby Arlo Dylan Jude Benjamin Rory Tommy Jake Louie Carter Jenson Hugo Bobby
Frankie Ollie Zachary David Albie Lewis Luca Ronnie Jackson Matthew Alex Harvey Reuben Jayden Caleb Hunter Theodore
Nathan Blake Luke Elliot Hudson Liam Kai Stanley Gabriel Mohammed Muhammad Ryan Callum Tyler Ellis Michael Ben
Aaron Connor Kyle Owen Ashton Bradley Kieran Liam Aiden Cameron Charles Christopher Dominic Eli Felix Finn Frederick
Jamie Jasper Jesse Kian Leon Lucas Marcus Nathaniel Nicholas Patrick Peter Robert Rowan Sam Seth Sonny Tristan
Tobias Vincent Zak Ibrahim Yusuf Omar Ali Hamza Ayaan Aryan Arjun Rohan Zain Bilal Kacper Jakub Szymon Filip Mateo
Ezra Ezekiel Grayson Hugh Ivan Jonah Kayden Lenny Milo Myles Niall Ralph Rhys Ruben Spencer Troy Wilfred Xavier
Alfred Ted Jimmy Billy Eddie Danny Joe Jon Will Tom Ollie Freddy Johnny Harry Bertie Ernie Otis Rocco Ezra Louis
`

export const GIRLS_NAMES = `
Olivia Amelia Isla Ava Mia Ivy Lily Isabella Rosie Sophia Grace Freya Willow Florence Emily Ella Poppy Evie Elsie
Charlotte Evelyn Sienna Sofia Daisy Phoebe Sophie Alice Harper Matilda Ruby Emilia Maya Millie Isabelle Esme Ruby
Jessica Chloe Erin Holly Lucy Scarlett Megan Imogen Eva Layla Lola Maisie Bella Hallie Violet Thea Aria Ellie Luna
Mila Margot Harriet Eliza Zara Nancy Robyn Arabella Beatrice Hannah Georgia Lilly Lydia Amber Niamh Eleanor Katie
Abigail Anna Amy Bethany Caitlin Courtney Danielle Elizabeth Emma Faith Gemma Hollie Jasmine Jade Kayla Keira Lauren
Leah Libby Madison Molly Natasha Paige Rebecca Samantha Sarah Shannon Tia Victoria Zoe Summer Autumn Aurora Ayla
Aisha Fatima Maryam Zainab Amira Hafsa Inaya Anaya Aaliyah Priya Simran Zuzanna Julia Zofia Maja Lena Nadia Olga
Iris Clara Edith Elodie Elena Frankie Gracie Heidi Ada Nell Orla Pippa Rose Sadie Sara Skye Stella Tilly Winnie
Hope Joy Kate Liz Lizzie Beth Betty Libby Maggie Meg Molly Polly Katie Josie Jenny Becky Vicky Nicola Louisa Lucia
Mary Margaret Catherine Josephine Jennifer Rebecca Patricia Susan Deborah Dorothy Alexandra Georgina Charlie Alex
`

export const SURNAMES = `
Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright Walker White
Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Clark
Lee King Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell
Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis
Adams Singh Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen
Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Graham
Pearson Ahmed Fletcher Walsh Kaur Gibson Howard Andrews Stewart Elliott Reynolds Saunders Payne Fox Ford Pearce Day
Brooks West Lawrence Cole Atkinson Bradley Spencer Gill Dawson Ball Burton O'Brien Watts Rose Booth Perry Ryan
Grant Wells Armstrong Francis Rees Hayes Hart Hudson Newman Barrett Webster Hunter Gregory Carr Lowe Page Marsh
Riley Dunn Woods Parsons Berry Stone Reid Holland Hawkins Harding Porter Robertson Newton Oliver Reed Kennedy
Williamson Bird Gardner Shah Dean Lane Cooke Bates Henderson Parry Burgess Bishop Walton Burns Nicholson Shepherd
Ross Cross Long Freeman Warren Nicholls Hamilton Byrne Sutton McDonald Yates Hodgson Robson Curtis Hopkins O'Connor
Harper Coleman Watkins Moss McCarthy Chambers Griffin Sharp Hardy Wheeler Potter Osborne Johnston Gordon Doyle
Wallace George Jordan Hutchinson Rowe Burke May Pritchard Gilbert Willis Higgins Read Miles Stevenson Stephenson
Hammond Arnold Buckley Walters Hewitt Barber Nelson Slater Austin Sullivan Whitehead Mann Frost Lambert Stephens
Blake Akhtar Lynch Goodwin Barton Woodward Thomson Cunningham Quinn Barnett Baxter Bibi Clayton Nash Greenwood
Jennings Holt Kemp Poole Gallagher Bond Stokes Tucker Davidson Fowler Heath Norman Middleton Lees Banks Kowalski
Nowak Wisniewski Wojcik Kaminski Lewandowski Mahmood Iqbal Rahman Islam Uddin Miah Hossain Mistry Joshi Sharma
Nguyen Chen Wang Li Zhang Okafor Adeyemi Mensah Osei Boateng Asante Campbell-Brown Mohamed Abdi Hassan Yilmaz
Popescu Rossi Silva Santos Ferreira Costa Oliveira Rodrigues Murray-Smith Fitzgerald MacDonald McKenzie Sinclair
`

/**
 * The long tail of rarer surnames: English surnames are very often place names (Ashworth, Bradley, Whitfield),
 * so a stem and an ending make plausible ones. Real surnames number in the tens of thousands; without a tail,
 * synthetic children would share names far more often than real ones.
 */
const STEMS = `Ash Black Brad Brook Cald Cran Fair Green Hal Hart Hay Hol Kings Lang Mar Mid New North Ox Ped Ral Red
Rock Ros Shel South Stan Ston Thorn Wad Wake Whit Wood Wy Brom Chat Dun Ever Gar Hather Kirk Lind Moor Pen Sher`
const ENDINGS = 'ley ton worth field ford wood by ham well more combe den hurst stone bridge brook dale gate'

export const RARER_SURNAMES = nameList(STEMS).flatMap((stem) => nameList(ENDINGS).map((ending) => stem + ending))

export function nameList(text: string): string[] {
  return [...new Set(text.trim().split(/\s+/))]
}
