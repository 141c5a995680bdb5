// SPDX-License-Identifier: GPL-2.0-only
/*
 * Process attribute trackers (lttng track/untrack -k): per session, one
 * set of ids for each of pid, vpid, uid, vuid, gid and vgid.  A tracker
 * with no set records everything; with a set, only tasks whose id is in
 * it.  Probes read the sets under RCU (they run with preemption off);
 * updates replace a set and free the old one after a grace period.
 */
#include <linux/slab.h>
#include <wrapper/mem.h>
#include <linux/sort.h>
#include <linux/bsearch.h>
#include <linux/cred.h>
#include <linux/uidgid.h>
#include <linux/sched.h>
#include <linux/rcupdate.h>
#include "tracer.h"

struct lttng_id_set {
	struct rcu_head rcu;
	unsigned int nr;
	s32 ids[];
};

static int cmp_id(const void *a, const void *b)
{
	s32 x = *(const s32 *)a, y = *(const s32 *)b;

	return x < y ? -1 : x > y;
}

static s32 current_id(enum lttng_abi_tracker_type type)
{
	switch (type) {
	case LTTNG_TRACKER_PID:
		return task_tgid_nr(current);
	case LTTNG_TRACKER_VPID:
		return task_tgid_vnr(current);
	case LTTNG_TRACKER_UID:
		return from_kuid_munged(&init_user_ns, current_uid());
	case LTTNG_TRACKER_VUID:
		return from_kuid_munged(current_user_ns(), current_uid());
	case LTTNG_TRACKER_GID:
		return from_kgid_munged(&init_user_ns, current_gid());
	case LTTNG_TRACKER_VGID:
		return from_kgid_munged(current_user_ns(), current_gid());
	default:
		break;
	}
	return -1;
}

/* Slow path of lttng_event_on(): some tracker of the session has a set. */
bool lttng_session_tracks_current(struct lttng_session *session)
{
	unsigned int t;

	for (t = 0; t < LTTNG_TRACKER_NR; t++) {
		struct lttng_id_set *set;
		s32 id;

		set = rcu_dereference_sched(session->trackers[t]);
		if (!set)
			continue;
		id = current_id(t);
		if (!bsearch(&id, set->ids, set->nr, sizeof(s32), cmp_id))
			return false;
	}
	return true;
}
EXPORT_SYMBOL_GPL(lttng_session_tracks_current);

static struct lttng_id_set *set_alloc(unsigned int nr)
{
	struct lttng_id_set *set;

	set = kmalloc(struct_size(set, ids, nr), GFP_KERNEL);
	if (set)
		set->nr = nr;
	return set;
}

static void set_replace(struct lttng_session *session, unsigned int t,
			struct lttng_id_set *set)
{
	struct lttng_id_set *old;

	old = rcu_dereference_protected(session->trackers[t],
					lockdep_is_held(&lttng_lock));
	rcu_assign_pointer(session->trackers[t], set);
	if (set)
		session->trackers_restricted |= 1U << t;
	else
		session->trackers_restricted &= ~(1U << t);
	if (old)
		kfree_rcu(old, rcu);
}

/*
 * Track (@add) or untrack @id for tracker @type; id -1 means everyone:
 * tracking everyone drops the set, untracking everyone empties it.
 */
int lttng_session_track(struct lttng_session *session, u32 type, s32 id,
			bool add)
{
	struct lttng_id_set *old, *set;
	unsigned int i, j;
	int ret = 0;

	if (type >= LTTNG_TRACKER_NR || id < -1)
		return -EINVAL;
	mutex_lock(&lttng_lock);
	old = rcu_dereference_protected(session->trackers[type],
					lockdep_is_held(&lttng_lock));
	if (id == -1) {
		set = add ? NULL : set_alloc(0);
		if (!add && !set) {
			ret = -ENOMEM;
			goto out;
		}
		set_replace(session, type, set);
		goto out;
	}
	if (add) {
		unsigned int nr = old ? old->nr : 0;

		if (!old)
			goto out_add;	/* everyone is tracked already */
		if (bsearch(&id, old->ids, nr, sizeof(s32), cmp_id)) {
			ret = -EEXIST;
			goto out;
		}
out_add:
		if (!old) {
			/* Tracking one id when all were tracked: just that id. */
			set = set_alloc(1);
			if (!set) {
				ret = -ENOMEM;
				goto out;
			}
			set->ids[0] = id;
		} else {
			set = set_alloc(nr + 1);
			if (!set) {
				ret = -ENOMEM;
				goto out;
			}
			memcpy(set->ids, old->ids, nr * sizeof(s32));
			set->ids[nr] = id;
			sort(set->ids, nr + 1, sizeof(s32), cmp_id, NULL);
		}
	} else {
		if (!old || !bsearch(&id, old->ids, old->nr, sizeof(s32),
				     cmp_id)) {
			ret = -ENOENT;
			goto out;
		}
		set = set_alloc(old->nr - 1);
		if (!set) {
			ret = -ENOMEM;
			goto out;
		}
		for (i = 0, j = 0; i < old->nr; i++)
			if (old->ids[i] != id)
				set->ids[j++] = old->ids[i];
	}
	set_replace(session, type, set);
out:
	mutex_unlock(&lttng_lock);
	return ret;
}

void lttng_session_trackers_free(struct lttng_session *session)
{
	unsigned int t;

	for (t = 0; t < LTTNG_TRACKER_NR; t++)
		kfree(rcu_dereference_protected(session->trackers[t], 1));
}
