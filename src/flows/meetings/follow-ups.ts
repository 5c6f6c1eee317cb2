// A meeting's follow-ups on its card: the chair sets an owner and a due date, the owner (or the
// chair) marks one done, a workstream lead or an admin makes one a plan action, and the owner or
// the chair asks Experts at Hand for one (the request form is src/flows/experts; it asks here
// first, and tells here the request's reference). Who may is decided in src/domain/clusters.
import { planActionForm } from '../../cards/meetings/follow-ups.js';
import { canAddAction } from '../../domain/actions/index.js';
import {
  actionWorkstreams, canAskExpertsFor, canMakePlanAction, canMarkFollowUpDone, canSetFollowUps, checkFollowUpSetting, DEFAULT_DUE_DAYS, isOpenFollowUp,
  meetingTitle, type FollowUpView, type MeetingView,
} from '../../domain/clusters/index.js';
import { addDays } from '../../domain/time/dates.js';
import { formatLongDate } from '../../domain/time/format.js';
import { londonDate } from '../../domain/time/london.js';
import { attention, idOf, str, type CardData, type CardReply, type GroupViewer } from '../group-turn.js';
import type { MeetingViews } from './deps.js';

const GONE = "I can't find that follow-up any more: the notes may have changed. Here is the meeting as it is now.";

/** What the Experts at Hand form is told about a follow-up it was opened for. */
export type FollowUpForRequest = { ok: true; text: string } | { ok: false; message: string };

export class FollowUpFlows {
  constructor(private readonly v: MeetingViews) {}

  private withFollowUp(viewer: GroupViewer, data: CardData, run: (m: MeetingView, f: FollowUpView) => Promise<CardReply>): Promise<CardReply> {
    return this.v.withMeeting(viewer, data, async (meeting) => {
      const f = meeting.followUps.find((x) => x.id === idOf(data, 'followUpId'));
      return f ? run(meeting, f) : this.v.refuse(viewer, meeting, GONE);
    });
  }

  /** meeting.followup.set: an owner from the directory and a due date, for one open follow-up. */
  set(viewer: GroupViewer, data: CardData): Promise<CardReply> {
    return this.v.withMeeting(viewer, data, async (meeting) => {
      const allowed = canSetFollowUps(viewer.person, meeting.cluster);
      if (!allowed.ok) return this.v.refuse(viewer, meeting, allowed.message);
      const draft = { followUpId: str(data.followUpId), ownerId: str(data.ownerId), dueDate: str(data.dueDate) };
      const open = meeting.followUps.filter(isOpenFollowUp);
      const checked = checkFollowUpSetting(data, open.map((f) => f.id), londonDate(this.v.now()));
      if (!checked.ok) return this.v.refuse(viewer, meeting, checked.message, draft);
      const owner = await this.v.deps.people.byId(checked.value.ownerId);
      if (!owner?.active) return this.v.refuse(viewer, meeting, 'Choose the owner from the list of people.', draft);
      if (!(await this.v.deps.followUps.setOwnerAndDue(checked.value.followUpId, owner.id, checked.value.dueDate))) {
        return this.v.refuse(viewer, meeting, 'That follow-up was closed a moment ago, so nothing was changed.');
      }
      const f = open.find((x) => x.id === checked.value.followUpId)!;
      return this.fresh(viewer, meeting, `Follow-up ${f.position}: ${owner.name} owns it, due ${formatLongDate(checked.value.dueDate)}. I'll remind them when it is due.`);
    });
  }

  /** meeting.followup.done */
  done(viewer: GroupViewer, data: CardData): Promise<CardReply> {
    return this.withFollowUp(viewer, data, async (meeting, f) => {
      const allowed = canMarkFollowUpDone(viewer.person, meeting.cluster, f);
      if (!allowed.ok) return this.v.refuse(viewer, meeting, allowed.message);
      if (!(await this.v.deps.followUps.markDone(f.id, this.v.now()))) return this.v.refuse(viewer, meeting, 'That follow-up was closed a moment ago.');
      return this.fresh(viewer, meeting, `Follow-up ${f.position} is done. Thank you.`);
    });
  }

  /** meeting.followup.plan: the small form to choose the workstream. */
  planForm(viewer: GroupViewer, data: CardData): Promise<CardReply> {
    return this.withFollowUp(viewer, data, async (meeting, f) => {
      const workstreams = await this.v.deps.followUps.workstreams();
      const allowed = canMakePlanAction(viewer.person, workstreams, f);
      if (!allowed.ok) return this.v.refuse(viewer, meeting, allowed.message);
      return { card: planActionForm(meeting, f, actionWorkstreams(viewer.person, workstreams), { dueDate: this.dueOf(f) }) };
    });
  }

  /** meeting.followup.plan.save: the action (title, owner and date from the follow-up), and the follow-up marked with its reference. */
  planSave(viewer: GroupViewer, data: CardData): Promise<CardReply> {
    return this.withFollowUp(viewer, data, async (meeting, f) => {
      const workstreams = await this.v.deps.followUps.workstreams();
      const allowed = canMakePlanAction(viewer.person, workstreams, f);
      if (!allowed.ok) return this.v.refuse(viewer, meeting, allowed.message);
      const mine = actionWorkstreams(viewer.person, workstreams);
      const workstream = workstreams.find((w) => w.id === idOf(data, 'workstreamId'));
      if (!workstream || !canAddAction(viewer.person, workstream)) {
        return { card: planActionForm(meeting, f, mine, { dueDate: this.dueOf(f), notice: attention('Choose a workstream you lead.'), workstreamId: str(data.workstreamId) }) };
      }
      const now = this.v.now();
      const day = formatLongDate(londonDate(meeting.startsAt));
      const made = await this.v.deps.followUps.makePlanAction({
        followUpId: f.id, workstreamId: workstream.id, title: f.text, ownerId: f.owner?.id ?? null, dueDate: this.dueOf(f),
        source: `${meetingTitle(meeting)}, ${day}`, note: `Added from a follow-up of the ${meetingTitle(meeting)} on ${day}.`, actorId: viewer.person!.id, now,
      });
      if (made === 'changed') return this.v.refuse(viewer, meeting, 'That follow-up was closed or made a plan action a moment ago.');
      return this.fresh(viewer, meeting, `Follow-up ${f.position} is now plan action ${made.ref} in ${workstream.code}. Ask "${made.ref}" to see it.`);
    });
  }

  /** Asked by the Experts at Hand form: may this viewer ask for this follow-up, and with what words. */
  async forRequest(viewer: GroupViewer, meetingId: number, followUpId: number): Promise<FollowUpForRequest> {
    const meeting = await this.v.deps.clusters.meeting(meetingId);
    const f = meeting?.followUps.find((x) => x.id === followUpId);
    if (!meeting || !f) return { ok: false, message: "I can't find that follow-up any more." };
    const allowed = canAskExpertsFor(viewer.person, meeting.cluster, f);
    return allowed.ok ? { ok: true, text: f.text } : allowed;
  }

  /** The request made for a follow-up, noted on it. */
  async requestOpened(followUpId: number, requestRef: string): Promise<void> {
    await this.v.deps.followUps.recordRequest(followUpId, requestRef);
  }

  private dueOf(f: FollowUpView) {
    return f.dueDate ?? addDays(londonDate(this.v.now()), DEFAULT_DUE_DAYS);
  }

  private async fresh(viewer: GroupViewer, meeting: MeetingView, notice: string): Promise<CardReply> {
    const fresh = (await this.v.deps.clusters.meeting(meeting.id, viewer.person?.id))!;
    return this.v.changed(viewer, fresh, notice);
  }
}
