/* conformance/faults.h: what the fault cases share -- each opens its own
 * seeded sim node with a fault plan written into its scratch directory, and
 * checks error domains, unchanged state, scratch files and virtual time. */
#ifndef VRC_FAULTS_H
#define VRC_FAULTS_H

#include <stdint.h>

#include "conform.h"

#define VRC_FAULT_SEED 5ULL                     /* the seed of a case's node */
#define VRC_FAULT_XML_MAX 8192                  /* a domain's XML kept for comparison */
#define VRC_NS_PER_SEC 1000000000ULL
#define VRC_FAULT_SLACK_NS (100ULL * 1000000ULL) /* virtual time the calls around a delay take */
#define VRC_HOUR_NS (3600ULL * VRC_NS_PER_SEC)

/* The causes' own delays (docs/simulation.md, "Fault points"). */
#define VRC_DELAY_DESTROY_NS (15ULL * VRC_NS_PER_SEC)     /* ebusy */
#define VRC_DELAY_SHUTDOWN_NS (60ULL * VRC_NS_PER_SEC)    /* acpi-ignored */
#define VRC_DELAY_LOCK_NS (30ULL * VRC_NS_PER_SEC)        /* lock-timeout */

/* One row of a fault case: the plan its node opens with (NULL: the body
 * opens its nodes itself) and the body, run with ctx->conn on that node.
 * A row with EXPECT is a plan the node must refuse, with that message
 * tail; its body opens the node itself. */
typedef struct {
    const char *plan;
    vrcCaseFunc body;
    const char *expect;
} vrcFaultRow;

/* What must not change when an operation on a domain fails. */
typedef struct {
    int state;
    int reason;
    int id;
    int active;
    int persistent;
    int managedSave;
    char xml[VRC_FAULT_XML_MAX];
    char inactiveXml[VRC_FAULT_XML_MAX];
} vrcDomSnap;

/* Case tables (registry.c). */
extern const vrcCase vrcCasesFaults[];
extern const size_t vrcCasesFaultsCount;
extern const vrcCase vrcCasesFaultsPlan[];
extern const size_t vrcCasesFaultsPlanCount;
extern const vrcCase vrcCasesFaultsStore[];
extern const size_t vrcCasesFaultsStoreCount;

/* The case function of every row: skips unless the target is vireo's sim,
 * opens the row's node and runs its body there. */
int vrcFaultCase(vrcCtx *ctx);

/* The URI of a fresh node seeded SEED with PLAN (written to a file in the
 * scratch directory, whose path goes to *planPath when asked). */
const char *vrcFaultUri(vrcCtx *ctx, const char *plan, unsigned long long seed,
                        const char **planPath);
virConnectPtr vrcFaultConnect(vrcCtx *ctx, const char *plan, unsigned long long seed);

int vrcFaultExpectFrom(vrcCtx *ctx, int from);
int vrcFaultSnap(vrcCtx *ctx, virDomainPtr dom, vrcDomSnap *snap);
int vrcFaultExpectSame(vrcCtx *ctx, virDomainPtr dom, const vrcDomSnap *before);
int vrcFaultExpectFiles(vrcCtx *ctx, const char *dir, const char *expected);
int vrcFaultFileSum(vrcCtx *ctx, const char *path, uint64_t *sum);
int vrcFaultCpuTime(vrcCtx *ctx, virDomainPtr dom, unsigned long long *ns);
int vrcFaultExpectElapsed(vrcCtx *ctx, unsigned long long from, unsigned long long to,
                          unsigned long long minNs, const char *what);

/* The call must fail with CODE from error domain FROM, message PATTERN. */
#define VRC_FAULT(ctx, call, code, from, pattern) \
    do { VRC_ERR(ctx, call, code, pattern); \
         VRC_CHECK(vrcFaultExpectFrom((ctx), (from))); } while (0)
#define VRC_FAULT_DOM(ctx, call, code, from, pattern) \
    do { VRC_ERR_DOM(ctx, call, code, pattern); \
         VRC_CHECK(vrcFaultExpectFrom((ctx), (from))); } while (0)

#define VRC_SAME(ctx, dom, snap) VRC_CHECK(vrcFaultExpectSame((ctx), (dom), (snap)))
#define VRC_FILES(ctx, dir, expected) VRC_CHECK(vrcFaultExpectFiles((ctx), (dir), (expected)))

#define VRC_FAULT_ROW(num, name, flags, purpose, planText, fn) \
    { "faults/" num "-" name, "faults", purpose, vrcFaultCase, (flags), \
      &(const vrcFaultRow){ (planText), (fn), NULL } }
#define VRC_BAD_PLAN_ROW(num, name, purpose, planText, fn, tail) \
    { "faults/" num "-" name, "faults", purpose, vrcFaultCase, 0, \
      &(const vrcFaultRow){ (planText), (fn), (tail) } }

#endif /* VRC_FAULTS_H */
