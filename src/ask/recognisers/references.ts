// Questions that name a reference: an Experts at Hand request ("EAH-R-0002"), then an action
// ("COM-06", "com 6"), then something shaped like a reference that the plan does not have ("XYZ99").
import type { Intent } from '../intent.js';
import type { Question } from '../question.js';

export function requestReference(q: Question): Intent | undefined {
  return q.refs.requests.length ? { kind: 'request', refs: q.refs.requests } : undefined;
}

export function actionReference(q: Question): Intent | undefined {
  return q.refs.actions.length ? { kind: 'action', refs: q.refs.actions.slice(0, 5), aspects: q.aspects } : undefined;
}

export function unknownReference(q: Question): Intent | undefined {
  const glued = q.refs.glued[0];
  return glued ? { kind: 'unknown', what: 'action', name: glued } : undefined;
}
