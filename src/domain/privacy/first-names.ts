// Common first names of children and families in Kirklees and across the UK, from many
// backgrounds. Not exhaustive (no list can be): context cues in detect-names.ts catch the rest.
// Names that are also everyday English words, months or places live in AMBIGUOUS_FIRST_NAMES and
// only count as names with a cue ("a pupil called Summer", "Grace (Year 2)", "Will Smith").

export const FIRST_NAMES: readonly string[] = [
  // English, Scottish, Welsh and Irish
  'Aaron', 'Abigail', 'Ada', 'Adam', 'Aidan', 'Albert', 'Alex', 'Alexander', 'Alfie', 'Alfred', 'Alice',
  'Amelia', 'Amy', 'Andrew', 'Anna', 'Anne', 'Aoife', 'Archie', 'Arthur', 'Ava', 'Bailey', 'Beatrice',
  'Ben', 'Benjamin', 'Bethany', 'Billy', 'Bobby', 'Bonnie', 'Brandon', 'Caitlin', 'Callum', 'Cameron',
  'Charles', 'Charlie', 'Charlotte', 'Chloe', 'Christopher', 'Cian', 'Ciara', 'Ciaran', 'Claire', 'Connor',
  'Craig', 'Dafydd', 'Daniel', 'Darcie', 'Darcy', 'Darren', 'David', 'Declan', 'Dylan', 'Edith', 'Edward',
  'Eleanor', 'Eliza', 'Elizabeth', 'Ella', 'Ellie', 'Elliot', 'Ellis', 'Elsie', 'Emily', 'Emma', 'Eoin',
  'Erin', 'Esme', 'Ethan', 'Evan', 'Evelyn', 'Evie', 'Ezra', 'Felix', 'Finley', 'Finn', 'Freddie', 'Freya',
  'Gabriel', 'Gary', 'Gemma', 'George', 'Gethin', 'Hallie', 'Hannah', 'Harper', 'Harriet', 'Harrison',
  'Harry', 'Harvey', 'Helen', 'Henry', 'Hugo', 'Imogen', 'Isaac', 'Isabella', 'Isabelle', 'Isla',
  'Jack', 'Jacob', 'Jake', 'James', 'Jamie', 'Jane', 'Jasper', 'Jaxon', 'Jayden', 'Jenson', 'Jessica',
  'Joanne', 'Joe', 'John', 'Joseph', 'Josh', 'Joshua', 'Jude', 'Julie', 'Karen', 'Kate', 'Katherine',
  'Katie', 'Kayleigh', 'Kelly', 'Kian', 'Kieran', 'Kyle', 'Laura', 'Lauren', 'Leah', 'Leo', 'Lewis', 'Liam',
  'Lisa', 'Logan', 'Lottie', 'Louis', 'Lucas', 'Lucy', 'Luke', 'Lydia', 'Mabel', 'Maisie', 'Margaret',
  'Mary', 'Mason', 'Matilda', 'Matthew', 'Megan', 'Mia', 'Michael', 'Michelle', 'Millie', 'Molly', 'Nancy',
  'Natalie', 'Nathan', 'Nathaniel', 'Niamh', 'Nicola', 'Oisin', 'Oliver', 'Olivia', 'Ollie', 'Oscar',
  'Owen', 'Paige', 'Patrick', 'Paul', 'Peter', 'Phoebe', 'Rachel', 'Rebecca', 'Reggie', 'Reuben', 'Rhys',
  'Richard', 'Riley', 'Robert', 'Ronnie', 'Rory', 'Rosie', 'Ryan', 'Sam', 'Samantha', 'Samuel', 'Sarah',
  'Saoirse', 'Scarlett', 'Sean', 'Sebastian', 'Siobhan', 'Simon', 'Sophie', 'Stanley', 'Stephen', 'Sue',
  'Susan', 'Teddy', 'Theo', 'Thomas', 'Toby', 'Tom', 'Tommy', 'Tracey', 'Tyler', 'Victoria', 'William',
  'Zachary', 'Zoe',
  // Caribbean and Black British
  'Aaliyah', 'Andre', 'Isaiah', 'Jermaine', 'Jerome', 'Josiah', 'Kayden', 'Keisha', 'Malachi', 'Marcus',
  'Marley', 'Shanice', 'Tianna', 'Tyrone',
  // South Asian (Pakistani, Indian, Bangladeshi heritage)
  'Aarav', 'Abdul', 'Abdullah', 'Adil', 'Adnan', 'Ahmad', 'Ahmed', 'Aisha', 'Aleena', 'Ali', 'Alisha',
  'Alishba', 'Aliyah', 'Amaan', 'Amina', 'Aminah', 'Amira', 'Amrit', 'Ananya', 'Anaya', 'Anjali', 'Arham', 'Arif',
  'Arjun', 'Arslan', 'Aryan', 'Asha', 'Asif', 'Ayaan', 'Ayan', 'Ayesha', 'Bilal', 'Daniyal', 'Danyal',
  'Diya', 'Eesa', 'Eshal', 'Faisal', 'Farah', 'Fatima', 'Gurpreet', 'Hafsa', 'Hamza', 'Haniya', 'Haris',
  'Harpreet', 'Hasan', 'Hassan', 'Hussain', 'Ibrahim', 'Idris', 'Ilyas', 'Imran', 'Inaya', 'Iqra', 'Irfan',
  'Ishaan', 'Ismail', 'Jaspreet', 'Junaid', 'Kamran', 'Kavya', 'Khadija', 'Kiran', 'Krish', 'Manpreet', 'Maryam',
  'Meera', 'Mehreen', 'Mikail', 'Mohammad', 'Mohammed', 'Muhammad', 'Muhammed', 'Musa', 'Nadeem', 'Nadia',
  'Nasreen', 'Naveed', 'Navdeep', 'Neha', 'Noor', 'Pooja', 'Priya', 'Rabia', 'Rahim', 'Rayyan', 'Rehan',
  'Riya', 'Rohan', 'Saanvi', 'Sadia', 'Saira', 'Samina', 'Sameer', 'Sana', 'Saqib', 'Shayan', 'Shazia',
  'Shreya', 'Simran', 'Sufyan', 'Sumaya', 'Talha', 'Tariq', 'Umar', 'Usman', 'Vihaan', 'Waqas', 'Zain',
  'Zainab', 'Zakariya', 'Zara', 'Zayn', 'Zohaib', 'Zoya', 'Zubair',
  // Polish, Romanian, Czech, Slovak, Ukrainian, Lithuanian and other Eastern European
  'Agnieszka', 'Aleksander', 'Aleksandra', 'Alicja', 'Alina', 'Andreea', 'Andrei', 'Antoni', 'Bartosz',
  'Bianca', 'Bogdan', 'Daria', 'Dawid', 'Denisa', 'Dmytro', 'Dominik', 'Dominika', 'Elena', 'Filip',
  'Gabriela', 'Igor', 'Ioana', 'Ionut', 'Irina', 'Ivan', 'Jakub', 'Jana', 'Joanna', 'Julia', 'Kacper',
  'Karolina', 'Katarzyna', 'Kinga', 'Krzysztof', 'Lena', 'Lukas', 'Lukasz', 'Łukasz', 'Magdalena',
  'Maja', 'Maksymilian', 'Malgorzata', 'Małgorzata', 'Maria', 'Marius', 'Martyna', 'Mateusz', 'Matej',
  'Michal', 'Michał', 'Mihai', 'Natalia', 'Nikola', 'Oksana', 'Olena', 'Oliwer', 'Oliwia', 'Oskar',
  'Patrycja', 'Pawel', 'Paweł', 'Petra', 'Piotr', 'Szymon', 'Tereza', 'Tomas', 'Tomasz', 'Veronika',
  'Weronika', 'Wiktor', 'Wiktoria', 'Zofia', 'Zuzanna',
  // Romanian, written without their marks here (lookups fold "Ștefan" to "Stefan")
  'Alexandru', 'Catalin', 'Cosmin', 'Florin', 'Ionela', 'Iulia', 'Madalina', 'Mircea', 'Nicoleta',
  'Raluca', 'Razvan', 'Sorin', 'Stefan', 'Vasile',
  // Irish, likewise ("Aoibhín", "Síofra")
  'Aoibheann', 'Aoibhin', 'Caoimhin', 'Cillian', 'Darragh', 'Fiadh', 'Grainne', 'Meabh', 'Orla',
  'Padraig', 'Roisin', 'Ruairi', 'Sadhbh', 'Siofra',
  // West, East and Southern African
  'Abebe', 'Abena', 'Abdi', 'Abdirahman', 'Adaeze', 'Adwoa', 'Akua', 'Ama', 'Amani', 'Amara', 'Aminata',
  'Ayodele', 'Babajide', 'Bukola', 'Chiamaka', 'Chidi', 'Chinedu', 'Chioma', 'Chipo', 'Damilola', 'Dawit', 'Emeka',
  'Femi', 'Folake', 'Funmilayo', 'Hodan', 'Ifeanyi', 'Imani', 'Jabari', 'Kemi', 'Kofi', 'Kojo', 'Kwabena',
  'Kwame', 'Mamadou', 'Mariama', 'Moussa', 'Ngozi', 'Nia', 'Nkechi', 'Nyasha', 'Obinna', 'Olumide',
  'Oluwaseun', 'Ousmane', 'Rutendo', 'Sagal', 'Segun', 'Sipho', 'Tafadzwa', 'Tatenda', 'Temitope',
  'Tendai', 'Thabo', 'Thandiwe', 'Tobi', 'Tunde', 'Yaw', 'Yetunde', 'Yonas', 'Zuri',
  // South African (Zulu, Xhosa, Sotho, Tswana)
  'Andile', 'Ayanda', 'Bongani', 'Busisiwe', 'Kagiso', 'Karabo', 'Lerato', 'Lungile', 'Lwazi', 'Mpho',
  'Naledi', 'Nokuthula', 'Nomvula', 'Palesa', 'Refilwe', 'Sibusiso', 'Siyabonga', 'Themba', 'Thulani',
  'Tumelo', 'Zanele', 'Zinhle',
  // Arabic, Kurdish, Turkish and Middle Eastern
  'Ameer', 'Amir', 'Aya', 'Ayse', 'Ayşe', 'Dalia', 'Dilan', 'Elif', 'Emre', 'Faris', 'Hadi', 'Hala',
  'Hamid', 'Hanan', 'Hiba', 'Huda', 'Jamal', 'Karim', 'Kareem', 'Khaled', 'Khalid', 'Laith', 'Layla',
  'Leila', 'Lina', 'Mahmoud', 'Majid', 'Malak', 'Mariam', 'Mehmet', 'Mohamed', 'Mustafa', 'Nabil', 'Nour',
  'Omar', 'Rami', 'Rania', 'Rawan', 'Reem', 'Salma', 'Sami', 'Sara', 'Shirin', 'Walid', 'Yahya', 'Yasmin',
  'Yasmine', 'Youssef', 'Yusuf', 'Zeynep', 'Ziad',
  // East and South-East Asian
  'Anh', 'Linh', 'Mei', 'Minh', 'Wei',
  // More names common in schools now
  'Aria', 'Aurora', 'Eva', 'Harley', 'Isabel', 'Jessie', 'Kai', 'Layton', 'Luna', 'Maya', 'Mila', 'Nina',
  'Noah', 'Rayan', 'Sienna', 'Sofia', 'Sophia', 'Thea', 'Tia',
];

/** Names that are also ordinary words, months or places: names only with a cue. */
export const AMBIGUOUS_FIRST_NAMES: readonly string[] = [
  // Everyday words
  'Angel', 'Art', 'Bill', 'Blessing', 'Carol', 'Chase', 'Charity', 'Christian', 'Dawn', 'Dean', 'Destiny',
  'Dev', 'Don', 'Drew', 'Ed', 'Eve', 'Faith', 'Favour', 'Frank', 'Gift', 'Glen', 'Grace', 'Grant', 'Guy',
  'Harmony', 'Hope', 'Hunter', 'Joy', 'Mark', 'Max', 'Melody', 'Mercy', 'Miles', 'Noel', 'Pat', 'Patience',
  'Penny', 'Precious', 'Ray', 'Rich', 'Rob', 'Sunny', 'Trinity', 'Will',
  // Colours, flowers, trees and seasons (also common class names: "Willow class")
  'Amber', 'Ash', 'Autumn', 'Crystal', 'Daisy', 'Hazel', 'Heather', 'Holly', 'Iris', 'Ivy', 'Jade', 'Lily',
  'Olive', 'Pearl', 'Poppy', 'River', 'Robin', 'Rose', 'Rowan', 'Ruby', 'Sky', 'Skye', 'Summer', 'Violet',
  'Willow',
  // Months
  'April', 'August', 'Jan', 'June', 'May',
  // Places (countries, cities, and Kirklees districts such as Bradley and Shelley)
  'Bradley', 'Chelsea', 'Dale', 'Eden', 'Florence', 'Georgia', 'India', 'Jordan', 'Shelley',
  'Clayton', 'Lincoln', 'Preston', 'Chester', 'Kenya', 'Lourdes',
];
