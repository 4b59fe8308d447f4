/* A simulated node: host facts (node info, NUMA cells), its domains, its
 * virtual clock and its event state.  The default node is shared by every
 * connection of the process; private and file-backed nodes belong to one
 * connection. */
#ifndef VR_SIM_NODE_H
#define VR_SIM_NODE_H

#include <glib.h>

#include "drivers/event_state.h"
#include "sim/clock.h"
#include "sim/domain_obj.h"
#include "sim/fault.h"
#include "sim/prng.h"
#include "sim/trace.h"

typedef struct vrSimNetworkList vrSimNetworkList;   /* sim/network_obj.c */
typedef struct vrSimPoolList vrSimPoolList;         /* sim/storage_obj.c */
typedef struct vrSimStateDir vrSimStateDir;         /* sim/state_dir.c */

#define VR_SIM_CELLS_MAX 64              /* NUMA cells per node */
#define VR_SIM_CELL_CPUS_MAX 128         /* cpus per cell, as libvirt's test driver */
#define VR_SIM_NODE_FILE_MAX_BYTES VR_XML_MAX_BYTES
#define VR_SIM_NODE_DOMAINS_MAX 4096     /* <domain> elements in a node file */

/* libvirt's test driver schema for per-domain extras in node files. */
#define VR_SIM_TEST_NS_URI "http://libvirt.org/schemas/domain/test/1.0"

typedef struct {
    int id;
    int socket_id;
    int core_id;
} vrSimCellCpu;

typedef struct {
    unsigned long long mem_kib;
    unsigned long long free_kib;
    int ncpus;
    vrSimCellCpu cpus[VR_SIM_CELL_CPUS_MAX];
} vrSimCell;

typedef struct {
    gint refs;
    GMutex lock;                 /* guards everything below but events */
    virNodeInfo info;
    int ncells;
    vrSimCell *cells;
    vrSimDomainList *domains;
    vrSimNetworkList *networks;
    vrSimPoolList *pools;        /* pools and their volumes */
    int next_id;                 /* the id the next started domain gets */
    vrSimClock clock;
    vrEventState *events;        /* self-locking */
    /* the deterministic core (sim/prng.h, fault.h, trace.h) */
    bool seeded;                 /* UUIDs come from uuid_prng */
    guint64 seed;
    vrSimPrng prng;              /* fault stream of seed */
    vrSimPrng uuid_prng;         /* uuid stream of seed; only UUID generation uses it */
    vrSimFaultPlan *faults;      /* or NULL */
    vrSimTrace *trace;
    bool observing;              /* locking moves no time (vrSimControlObserve) */
    vrSimStateDir *state;        /* statedir=DIR, or NULL: files follow memory */
} vrSimNode;

/* How to make a node (vrSimNodeNew). */
typedef struct {
    const char *path;            /* a node file; NULL: the default contents */
    bool seeded;                 /* seed the PRNG streams (a simulated node) */
    guint64 seed;
    vrSimFaultPlan *plan;        /* consumed, even on failure; may be NULL */
    const char *statedir;        /* absolute; NULL: no state directory */
} vrSimNodeConfig;

/* The process-wide default node (created on first use, freed with its last
 * reference).  Returns a new reference, or NULL with the error reported. */
vrSimNode *vrSimNodeOpenShared(void);

/* A fresh node with the default contents, owned by the caller. */
vrSimNode *vrSimNodeNewDefault(void);

/* A node described by a libvirt test-driver node file (absolute path):
 * <node> with <cpu>, <memory> and <domain> elements (inline or file='').
 * Errors name the file and the problem. */
vrSimNode *vrSimNodeNewFromFile(const char *path);

/* A private node for deterministic simulation: the default contents (path
 * NULL) or a node file, its PRNG streams seeded with seed (UUIDs and MACs
 * generated from then on come from it, process-wide, until the node is
 * freed) and plan (consumed, may be NULL) attached. */
vrSimNode *vrSimNodeNewSimulated(const char *path, guint64 seed, vrSimFaultPlan *plan);

/* A private node as cfg says.  With a state directory that holds a node's
 * state, the domains, networks and pools come from there (host facts from
 * path or the defaults); an empty one gets the node's contents written.
 * NULL with the error reported. */
vrSimNode *vrSimNodeNew(const vrSimNodeConfig *cfg);

/* Replace the node's fault plan (consumed; NULL removes it).  Lock held. */
void vrSimNodeSetFaults(vrSimNode *node, vrSimFaultPlan *plan);

void vrSimNodeUnref(vrSimNode *node);

/* Make the node's seeded UUID stream (if any) the process's UUID and MAC
 * source: a call that may generate one -- parsing a definition without a
 * UUID -- calls this first, so that with several seeded nodes in one
 * process each draws from its own stream.  vrSimNodeLock does it too. */
void vrSimNodeUseIds(vrSimNode *node);

/* Take the node's lock; every locked operation advances the clock one step
 * and lets simulated time pass for the guests (vrSimNodeRunGuests).
 * Unlocking brings the state directory (if any) in line with memory. */
void vrSimNodeLock(vrSimNode *node);
void vrSimNodeUnlock(vrSimNode *node);

/* Time passes for every running guest (lock held): the guest.crash fault
 * point is consulted for each, in id order, and a crash applies. */
void vrSimNodeRunGuests(vrSimNode *node);

/* The guest of dom panics (lock held; dom running): CRASHED/PANICKED with
 * its event, then the on_crash action -- destroy and coredump-destroy
 * shut it off (STOPPED/CRASHED; a transient domain is gone), restart and
 * coredump-restart run it again (RUNNING/CRASHED, RESUMED/UNPAUSED),
 * preserve (and restart-rename, as libvirt's qemu driver) leave it
 * crashed.  No dump file is written. */
void vrSimNodeCrashDomain(vrSimNode *node, vrSimDomain *dom);

/* Trace and queue a lifecycle event for dom as it is now (lock held). */
void vrSimNodeQueueLifecycle(vrSimNode *node, const vrSimDomain *dom, int event,
                             int detail);

/* The clock's current time (lock held). */
guint64 vrSimNodeNow(vrSimNode *node);

/* Allocate the next domain id (lock held). */
int vrSimNodeNextID(vrSimNode *node);

#endif /* VR_SIM_NODE_H */
