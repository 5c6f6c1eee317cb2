// Colleagues call each other by short forms of their names: the directory holds "Elizabeth Carr",
// the note says "Liz will send it". A short form of a directory person's first name is accepted as
// that first name would be (alone, with no child cue pointing at it). Short forms that begin the
// full name ("Steph" of Stephanie, "Chris" of Christopher) are found by shape; the rest are listed.

const SHORT_FORMS: Record<string, readonly string[]> = {
  elizabeth: ['liz', 'lizzie', 'lizzy', 'beth', 'betty', 'libby', 'eliza', 'bess'], robert: ['rob', 'bob', 'bobby', 'robbie'],
  william: ['will', 'bill', 'billy', 'liam', 'wil'], thomas: ['tom', 'tommy'], james: ['jim', 'jimmy', 'jamie'],
  richard: ['rich', 'rick', 'ricky', 'dick'], margaret: ['maggie', 'meg', 'peggy', 'marge', 'mags'],
  catherine: ['kate', 'katie', 'cath', 'cathy', 'kat'], katherine: ['kate', 'katie', 'kath', 'kathy', 'kat'],
  kathryn: ['kate', 'katie', 'kath', 'kat'], john: ['jack', 'johnny'], jonathan: ['jon', 'jonny'], edward: ['ed', 'eddie', 'ted', 'ned'],
  susan: ['sue', 'susie', 'suzy'], suzanne: ['sue', 'suzy'], jennifer: ['jen', 'jenny', 'jenni'], amanda: ['mandy', 'manda'],
  alexandra: ['alex', 'sandra', 'sandy', 'lexi'], alexander: ['alex', 'sandy', 'xander'], henry: ['harry', 'hal'],
  stephanie: ['steph', 'stephie'], michael: ['mike', 'mick', 'micky', 'mikey'], andrew: ['andy', 'drew'], anthony: ['tony', 'ant'], matthew: ['matt', 'matty'],
  stephen: ['steve', 'stevie'], steven: ['steve', 'stevie'], david: ['dave', 'davey'], peter: ['pete'], joanne: ['jo'],
  joanna: ['jo'], josephine: ['jo', 'josie'], rebecca: ['becky', 'becca', 'bex'], victoria: ['vicky', 'vic', 'tori'],
  deborah: ['debbie', 'deb', 'debs'], patricia: ['pat', 'patty', 'trish'], patrick: ['pat', 'paddy'], samuel: ['sam', 'sammy'],
  samantha: ['sam', 'sammy'], frances: ['fran', 'frankie'], francis: ['frank', 'fran'], nicola: ['nicky', 'nic', 'nikki'],
  nicholas: ['nick', 'nicky'], louise: ['lou'], gillian: ['gill', 'gilly'], jacqueline: ['jackie', 'jacqui'],
  christine: ['chris', 'chrissie'], christopher: ['chris', 'kit'], charlotte: ['charlie', 'lottie'], charles: ['charlie', 'chas', 'chuck'],
  daniel: ['dan', 'danny'], benjamin: ['ben', 'benji'], joseph: ['joe', 'joey'], timothy: ['tim', 'timmy'],
  abigail: ['abby', 'abi', 'gail'], eleanor: ['ellie', 'nell', 'nora'], helen: ['nell'], margery: ['marge'],
  philip: ['phil'], phillip: ['phil'], gregory: ['greg'], jeffrey: ['jeff'], geoffrey: ['geoff'], kenneth: ['ken', 'kenny'],
  lawrence: ['laurie', 'larry'], raymond: ['ray'], ronald: ['ron', 'ronnie'], donald: ['don', 'donnie'], gerald: ['gerry'],
  oluwaseun: ['seun'], oluwadamilare: ['dami'], olusegun: ['segun'], mohammed: ['mo'], muhammad: ['mo'], mohammad: ['mo'],
};

/** The first name's short forms: those listed, and its first three letters or more that are given. */
export function shortFormsOf(firstName: string, isFirstName: (w: string) => boolean): string[] {
  const out = [...(SHORT_FORMS[firstName] ?? [])];
  for (let n = 3; n < firstName.length - 1; n++) {
    const prefix = firstName.slice(0, n);
    if (isFirstName(prefix)) out.push(prefix);
  }
  return out;
}
