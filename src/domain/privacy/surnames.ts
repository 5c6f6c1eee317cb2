// Common surnames in Kirklees and the UK, used only to spot "first name + surname" pairs whose
// first name is not on our list ("Tiago Silva") or is ambiguous ("Grace Patel", "Will Smith").
// Surnames that are everyday words or places (Hill, Wood, Green, Hall, King, Brook) are left out.
export const COMMON_SURNAMES: readonly string[] = [
  // British, including West Yorkshire
  'Ackroyd', 'Allen', 'Anderson', 'Armitage', 'Barraclough', 'Beaumont', 'Bennett', 'Booth', 'Boothroyd',
  'Bottomley', 'Campbell', 'Clark', 'Clarke', 'Cooper', 'Crowther', 'Davies', 'Dyson', 'Edwards', 'Evans',
  'Firth', 'Gledhill', 'Haigh', 'Harris', 'Hinchliffe', 'Hirst', 'Holroyd', 'Hughes', 'Jackson', 'Jessop',
  'Johnson', 'Jones', 'Kaye', 'Kelly', 'Lewis', 'Littlewood', 'Lockwood', 'Mellor', 'Mitchell', 'Morris',
  'Murphy', "O'Brien", 'Oldroyd', 'Parker', 'Phillips', 'Pickles', 'Priestley', 'Roberts', 'Robinson',
  'Schofield', 'Shaw', 'Smith', 'Stewart', 'Sutcliffe', 'Sykes', 'Taylor', 'Thompson', 'Turner', 'Walker',
  'Walsh', 'Watson', 'Whiteley', 'Williams', 'Wilson', 'Wright',
  // South Asian heritage
  'Ahmad', 'Ahmed', 'Akhtar', 'Ali', 'Aziz', 'Begum', 'Bibi', 'Chaudhry', 'Choudhury', 'Hassan', 'Hussain',
  'Hussein', 'Iqbal', 'Karim', 'Kaur', 'Khan', 'Kumar', 'Mahmood', 'Malik', 'Miah', 'Mirza', 'Mohammed',
  'Nawaz', 'Patel', 'Qureshi', 'Rahman', 'Rashid', 'Shah', 'Sharma', 'Sheikh', 'Siddiqui', 'Singh',
  'Uddin', 'Ullah',
  // Eastern European
  'Ionescu', 'Kaminski', 'Kamiński', 'Kowalczyk', 'Kowalska', 'Kowalski', 'Lewandowska', 'Lewandowski',
  'Nowak', 'Popa', 'Popescu', 'Wisniewski', 'Wiśniewski', 'Wojcik', 'Wójcik', 'Zielinski', 'Zieliński',
  // Portuguese, Spanish and Italian
  'Costa', 'Ferreira', 'Oliveira', 'Pereira', 'Rodrigues', 'Santos', 'Silva',
  // African
  'Adebayo', 'Adeyemi', 'Asante', 'Bah', 'Banda', 'Boateng', 'Diallo', 'Dube', 'Jalloh', 'Kamara', 'Mensah',
  'Mohamud', 'Moyo', 'Mwangi', 'Ndlovu', 'Okafor', 'Okonkwo', 'Osei', 'Otieno', 'Owusu', 'Phiri', 'Sesay',
  'Warsame',
  // East and South-East Asian
  'Chen', 'Liu', 'Nguyen', 'Tran', 'Wang', 'Zhang',
];
