/* Fault injection for the simulated node: named fault points that driver
 * code consults at the moment a real operation could fail, and a fault plan
 * (a line-oriented file, see docs/simulation.md) whose rules decide when a
 * point fails -- always, on the Nth call, on every Nth call, with a
 * probability, after a virtual time -- with which error and virtual delay.
 * Every decision draws from the node's seeded PRNG, and every fault fired
 * is traced, so a seed and a plan reproduce a run exactly. */
#ifndef VR_SIM_FAULT_H
#define VR_SIM_FAULT_H

#include <stdbool.h>
#include <glib.h>

#include "sim/clock.h"
#include "sim/prng.h"
#include "sim/trace.h"

/* The fault points.  Adding one: a value here, its causes in fault.c's
 * table, and one vrSimFaultInject() call where the operation can fail. */
typedef enum {
    VR_SIM_FAULT_DOMAIN_START,        /* create, start (not restore) */
    VR_SIM_FAULT_DOMAIN_DESTROY,
    VR_SIM_FAULT_DOMAIN_SHUTDOWN,
    VR_SIM_FAULT_DOMAIN_SUSPEND,
    VR_SIM_FAULT_DOMAIN_RESUME,
    VR_SIM_FAULT_DOMAIN_SAVE,         /* save and managed save */
    VR_SIM_FAULT_DOMAIN_RESTORE,
    VR_SIM_FAULT_DOMAIN_DEFINE,       /* the state-directory write */
    VR_SIM_FAULT_GUEST_CRASH,         /* checked as virtual time passes */
    VR_SIM_FAULT_POOL_FULL,           /* volume create, clone, resize */
    VR_SIM_FAULT_STORAGE_UPLOAD,      /* halfway through an upload stream */
    VR_SIM_FAULT_STORAGE_DOWNLOAD,    /* halfway through a download stream */
    VR_SIM_FAULT_POOL_START,          /* pool start and create */
    VR_SIM_FAULT_POOL_BUILD,
    VR_SIM_FAULT_POOL_DEFINE,         /* the state-directory write */
    VR_SIM_FAULT_NETWORK_START,       /* network start and create: the bridge */
    VR_SIM_FAULT_NETWORK_DEFINE,      /* the state-directory write */
    VR_SIM_FAULT_POINT_LAST
} vrSimFaultPoint;

/* The state directory fault messages name when a node has none of its own
 * (no statedir= URI parameter): nothing is written there. */
#define VR_SIM_STATE_DIR "/var/lib/vireo/sim"

/* Plan limits. */
#define VR_SIM_FAULT_PLAN_MAX_BYTES (64 * 1024)
#define VR_SIM_FAULT_LINE_MAX 1024            /* bytes per plan line */
#define VR_SIM_FAULT_RULES_MAX 256
#define VR_SIM_FAULT_MESSAGE_MAX 512          /* bytes of a message= text */

/* What the failing operation is about, for messages and target= filters.
 * Any field may be NULL / 0. */
typedef struct {
    const char *dom;          /* the object's name (domain, network, pool or
                               * volume): {dom}, target=, the trace's dom= */
    const char *path;         /* file: {path} */
    long long pid;            /* process id: {pid} */
    const char *dev;          /* host device (a bridge): {dev} */
    unsigned long long bytes; /* a size: {bytes} */
} vrSimFaultCtx;

typedef struct vrSimFaultPlan vrSimFaultPlan;
typedef struct vrSimFaultRule vrSimFaultRule;

/* An empty, enabled plan. */
vrSimFaultPlan *vrSimFaultPlanNew(void);
void vrSimFaultPlanFree(vrSimFaultPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrSimFaultPlan, vrSimFaultPlanFree)

/* Add the rule on one plan line (comments and blank lines add nothing).
 * A malformed line is VIR_ERR_CONF_SYNTAX "fault plan 'ORIGIN' line N:
 * PROBLEM" and leaves the plan as it was. */
int vrSimFaultPlanAddLine(vrSimFaultPlan *plan, const char *text,
                          const char *origin, int lineno);

/* Every line of text (origin names it in errors). */
int vrSimFaultPlanAddText(vrSimFaultPlan *plan, const char *text, const char *origin);

/* A plan read from a file; NULL with the error reported (a missing or
 * unreadable file names it; a malformed line names the file and line). */
vrSimFaultPlan *vrSimFaultPlanLoad(const char *path);

/* The plan's rules, in plan order: how many, and rule i's plan line number
 * and its line as written (a CRLF line's carriage return dropped; owned by
 * the plan; NULL when i is out of range).  vireo-sim records a plan in its
 * trace header this way, so that it reads back exactly. */
guint vrSimFaultPlanRuleCount(const vrSimFaultPlan *plan);
const char *vrSimFaultPlanRuleLine(const vrSimFaultPlan *plan, guint i, int *lineno);

/* Use the node's PRNG (fault stream), clock (after=, delays) and trace
 * (one line per fault fired).  They must outlive the plan's use. */
void vrSimFaultPlanAttach(vrSimFaultPlan *plan, vrSimPrng *prng, vrSimClock *clock,
                          vrSimTrace *trace);

/* A disabled plan fires nothing and counts nothing (vireo-sim's fault-off
 * phase); plans start enabled. */
void vrSimFaultPlanSetEnabled(vrSimFaultPlan *plan, bool enabled);
bool vrSimFaultPlanIsEnabled(const vrSimFaultPlan *plan);

/* True when some rule names point: callers skip work otherwise. */
bool vrSimFaultPlanWatches(const vrSimFaultPlan *plan, vrSimFaultPoint point);

/* Consult point: every rule on it sees the call (counters advance, prob=
 * rules draw) and the first that fires, in plan order, applies: it is
 * traced and its delay advances the clock.  Returns that rule or NULL.
 * plan may be NULL (nothing fires). */
const vrSimFaultRule *vrSimFaultFire(vrSimFaultPlan *plan, vrSimFaultPoint point,
                                     const vrSimFaultCtx *ctx);

/* True for a rule marked `slow`: the delay applies, the operation succeeds. */
bool vrSimFaultRuleIsSlow(const vrSimFaultRule *rule);

/* Report rule's error (its cause's code, error domain and message, or the
 * rule's overrides) with ctx filled into the message.  Returns -1. */
int vrSimFaultReport(const vrSimFaultRule *rule, const vrSimFaultCtx *ctx);

/* The usual call site: fire point and, when an error rule fired, report
 * it and return -1; 0 when the operation goes ahead (no fault, or a slow
 * one).  Call it before changing anything, so that a failure changes
 * nothing. */
int vrSimFaultInject(vrSimFaultPlan *plan, vrSimFaultPoint point, const vrSimFaultCtx *ctx);

/* Faults fired at point (VR_SIM_FAULT_POINT_LAST: at every point). */
guint64 vrSimFaultPlanFired(const vrSimFaultPlan *plan, vrSimFaultPoint point);

/* "domain.start", ...; NULL when out of range. */
const char *vrSimFaultPointName(vrSimFaultPoint point);

/* The point named name, or -1. */
int vrSimFaultPointFromName(const char *name);

/* ---- plan line syntax, shared with vireo-sim's scenario files ---- */

/* Split a line into words: blanks separate, '#' outside quotes starts a
 * comment, "double quotes" group (with \" and \\ escapes) and may follow
 * key= ("message=\"a b\"").  NULL with *problem set (static text) on an
 * unterminated quote or a bad escape.  An empty array for a blank line. */
GPtrArray *vrSimLineSplit(const char *line, const char **problem);

#endif /* VR_SIM_FAULT_H */
