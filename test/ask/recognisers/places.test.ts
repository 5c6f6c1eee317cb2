import { describe, expect, it } from 'vitest';
import { clusterCode, clusterList, meetings, myCluster, place } from '../../../src/ask/recognisers/places.js';
import { people } from '../support/directory.js';
import { question, variants } from '../support/question.js';

describe('meetings', () => {
  it('a cluster\'s next meeting, by name or code', () => {
    for (const v of [...variants('When is the next Batley cluster meeting?'), 'next BS1 meeting']) {
      expect(meetings(question(v)), v).toMatchObject({ kind: 'meetings', clusters: [{ code: 'BS1' }], mine: false, next: true });
    }
  });

  it('a period, the asker\'s own, a setting\'s cluster', () => {
    expect(meetings(question('meetings this month'))).toMatchObject({ kind: 'meetings', period: { from: '2026-11-01' }, next: false });
    expect(meetings(question('when is my next cluster meeting?', people.eclarke))).toMatchObject({ kind: 'meetings', mine: true });
    expect(meetings(question('when is my next cluster meeting?', null))).toEqual({ kind: 'needPerson', about: 'meetings' });
    expect(meetings(question('when does Oakfield meet?'))).toMatchObject({ kind: 'meetings', clusters: [{ code: 'BS1' }] });
  });

  it('asks back when a name fits two clusters; names an unknown one', () => {
    const i = meetings(question('when is the next Dewsbury cluster meeting?'));
    expect(i?.kind === 'choose' && i.choices.map((c) => c.question)).toEqual(['When is the next Dewsbury North cluster meeting?', 'When is the next Dewsbury South cluster meeting?']);
    expect(meetings(question('when is the next Leeds cluster meeting'))).toEqual({ kind: 'unknown', what: 'cluster', name: 'Leeds' });
  });

  it('is not about meetings without a meeting word', () => {
    expect(meetings(question('who chairs the Batley cluster?'))).toBeUndefined();
  });
});

describe('clusters and settings', () => {
  it('the list of clusters, or those of one area', () => {
    expect(clusterList(question('which clusters are there?'))).toEqual({ kind: 'clusters' });
    expect(clusterList(question('clusters in Dewsbury'))).toEqual({ kind: 'clusters', area: 'Dewsbury and Mirfield' });
    expect(clusterList(question('who chairs the clusters?'))).toEqual({ kind: 'clusters', chairs: true });
  });

  it('a setting, a cluster and what is asked about it', () => {
    expect(place(question('Which cluster is Oakfield Primary in?'))).toMatchObject({ kind: 'setting', setting: { name: 'Oakfield Primary School' } });
    expect(place(question('who is the SENCO at Riverside?'))).toMatchObject({ kind: 'setting', setting: { name: 'Riverside Academy' } });
    expect(place(question('who chairs the Batley cluster?'))).toMatchObject({ kind: 'cluster', want: 'chair' });
    expect(place(question('which schools are in the Batley cluster?'))).toMatchObject({ kind: 'cluster', want: 'settings' });
    expect(place(question('who are the sencos in the Batley cluster?'))).toMatchObject({ kind: 'cluster', cluster: { code: 'BS1' }, want: 'sencos' });
  });

  it('names a setting it does not know, and leaves other questions alone', () => {
    expect(place(question("who is the SENCO at St Mary's?"))).toMatchObject({ kind: 'unknown', what: 'setting' });
    expect(place(question('what is overdue?'))).toBeUndefined();
  });
});

describe('clusters by code', () => {
  it('a code alone names its cluster; a code no cluster has is said', () => {
    expect(clusterCode(question('what about kr2'))).toMatchObject({ kind: 'cluster', cluster: { code: 'KR2' }, want: 'info' });
    expect(clusterCode(question('who chairs DM1'))).toMatchObject({ kind: 'cluster', cluster: { code: 'DM1' }, want: 'chair' });
    expect(clusterCode(question('cluster KR9'))).toEqual({ kind: 'unknown', what: 'cluster', name: 'KR9' });
    expect(clusterCode(question('when does kr2 meet'))).toBeUndefined();
    expect(clusterCode(question('who owns com 6'))).toBeUndefined();
  });
});

describe('my cluster, and meetings already held', () => {
  it('"my cluster" is the asker\'s, in a meeting question or on its own', () => {
    for (const text of ['has my cluster got a meeting soon', 'when does my cluster meet next', 'r we meeting soon in our cluster?', 'my clusters next meeting']) {
      expect(meetings(question(text, people.eclarke)), text).toMatchObject({ kind: 'meetings', mine: true, next: true });
    }
    for (const text of ["what's my cluster", 'which cluster am i in', 'whats our cluster', 'tell me about my cluster']) {
      expect(myCluster(question(text, people.eclarke)), text).toEqual({ kind: 'myCluster' });
    }
    expect(myCluster(question("what's my cluster", null))).toEqual({ kind: 'needPerson', about: 'meetings' });
    expect(myCluster(question('when does my cluster meet', people.eclarke))).toBeUndefined();
  });

  it('"when did … last meet", "what was on the agenda" ask for the latest meeting held', () => {
    for (const text of ['when did dewsbury north last meet', 'what was on the agenda at the dewsbury north meeting', 'last dewsbury north meeting?', 'what did they cover at the previous Dewsbury North meeting']) {
      expect(meetings(question(text)), text).toMatchObject({ kind: 'meetings', clusters: [{ code: 'DM1' }], next: false, last: true });
    }
    expect(meetings(question('when is the next dewsbury north meeting'))).toMatchObject({ next: true });
    expect(meetings(question('what was discussed at meetings last week'))).toMatchObject({ period: { from: '2026-11-09' } });
  });
});

describe('the list of clusters', () => {
  it('is asked with cluster words and areas only', () => {
    for (const text of ['which clusters do we have', 'what are the cluster communities', 'what clusters r there in dewsbury and mirfield', 'show me all clusters']) {
      expect(clusterList(question(text)), text).toMatchObject({ kind: 'clusters' });
    }
    for (const text of ['who is recruiting the ed psych capacity for clusters', 'relaunch the audit in all clusters, who owns it']) {
      expect(clusterList(question(text)), text).toBeUndefined();
    }
  });
});

