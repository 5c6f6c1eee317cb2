import type { Intent } from '../intent.js';
import type { Question } from '../question.js';

/**
 * One kind of question: returns its Intent, or undefined to let the next recogniser try.
 * Pure and synchronous: everything it needs is in the Question (the directory index included).
 */
export type Recogniser = (q: Question) => Intent | undefined;
