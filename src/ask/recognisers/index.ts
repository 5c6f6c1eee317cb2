// Understanding a question: the recognisers, tried in this order; the first to return an Intent
// wins. The order is the policy: greetings before anything, references before names, places and
// workstream questions before lists, and the list and title search last. To add a kind of
// question, write a recogniser in the file of its family and put it in this table (see
// docs/ARCHITECTURE.md, "Adding a question").
import type { Intent } from '../intent.js';
import type { Question } from '../question.js';
import { directoryList, howMany, settingsByPhase } from './counts.js';
import { expertWork, experts, expertsOverview, myRequests, requestByWords, requestCount, requestHelp, requestList, waitingRequests } from './experts.js';
import { empty, greeting, help, thanks, whoAmI } from './help.js';
import { actionList, changedActions, deadline, namedPerson, notUnderstood, titleSearch } from './lists.js';
import { expertSpecialism, expertsForNeed } from './needs.js';
import { ambiguousPerson, personByJobTitle, personDetails, personIntro, unknownAsker, unknownPerson, wrongSurname } from './people.js';
import { measures } from './measures.js';
import { glossary } from './glossary.js';
import { chairedBy, clusterCode, clusterList, meetingLength, meetings, myCluster, place } from './places.js';
import type { Recogniser } from './recogniser.js';
import { actionReference, requestReference, setStatus, unknownReference } from './references.js';
import {
  ambiguousWorkstream, areaList, digest, lead, pillarOf, summary, unknownNamedWorkstream, unknownWorkstreamCode, workstreamList,
} from './workstreams.js';

export type { Recogniser } from './recogniser.js';

export const RECOGNISERS: readonly (readonly [name: string, recognise: Recogniser])[] = [
  // Said whole: greetings, help, thanks.
  ['empty', empty], ['greeting', greeting], ['help', help], ['thanks', thanks], ['whoAmI', whoAmI],
  // References are exact: they beat every name.
  ['requestReference', requestReference], ['setStatus', setStatus], ['actionReference', actionReference], ['clusterCode', clusterCode], ['unknownReference', unknownReference],
  // A meeting's length, before the measure about attending cluster meetings takes "how long … meeting".
  ['meetingLength', meetingLength],
  // Outcome measures by the words of their names, before "how are we doing" is read as the whole plan.
  ['measures', measures],
  // Experts at Hand: what it is, the experts (by specialism, by a child's need, an expert's own), asking them
  // for help, the queue, an expert's own work, every request, then one's own requests.
  ['expertsOverview', expertsOverview],
  // The partnership's words ("what does PCAN stand for"), after Experts at Hand's own overview.
  ['glossary', glossary], ['experts', experts], ['requestHelp', requestHelp], ['expertsForNeed', expertsForNeed], ['expertSpecialism', expertSpecialism],
  ['requestCount', requestCount], ['waitingRequests', waitingRequests], ['expertWork', expertWork], ['requestByWords', requestByWords], ['requestList', requestList],
  ['myRequests', myRequests], ['howMany', howMany], ['directoryList', directoryList], ['settingsByPhase', settingsByPhase], ['digest', digest],
  // Places: meetings, clusters, settings.
  ['meetings', meetings], ['myCluster', myCluster], ['clusterList', clusterList], ['chairedBy', chairedBy], ['place', place],
  // Workstreams and the plan as a whole.
  ['workstreamList', workstreamList], ['areaList', areaList], ['unknownWorkstreamCode', unknownWorkstreamCode],
  ['pillarOf', pillarOf], ['lead', lead], ['summary', summary],
  // Lists of actions and single actions by title: ambiguity and unknown names first.
  ['changedActions', changedActions], ['ambiguousWorkstream', ambiguousWorkstream], ['unknownNamedWorkstream', unknownNamedWorkstream],
  ['wrongSurname', wrongSurname], ['ambiguousPerson', ambiguousPerson], ['unknownAsker', unknownAsker],
  ['personIntro', personIntro], ['personDetails', personDetails], ['personByJobTitle', personByJobTitle], ['unknownPerson', unknownPerson],
  ['deadline', deadline], ['titleSearch', titleSearch], ['actionList', actionList], ['namedPerson', namedPerson],
];

/** The first recogniser's Intent, or "not understood". */
export function recognise(q: Question, table: typeof RECOGNISERS = RECOGNISERS): Intent {
  for (const [, r] of table) {
    const intent = r(q);
    if (intent) return intent;
  }
  return notUnderstood(q);
}
