/* conformance/runner.h: what main, the runner and the reporters share --
 * options, the outcome of each case, the registry and the deviation list. */
#ifndef VRC_RUNNER_H
#define VRC_RUNNER_H

#include <stdbool.h>
#include <stdio.h>

#include "conform.h"

#define VRC_DEFAULT_TIMEOUT_S 300      /* per case */
#define VRC_DEVIATIONS_MAX 512         /* cases a deviation file may list */
#define VRC_LINE_MAX 1024              /* line of a deviation file */
#define VRC_EXIT_FAIL 1                /* a case failed */
#define VRC_EXIT_USAGE 2               /* bad options, no connection, leftovers */

typedef struct {
    const char *uri;
    const char *group;
    const char *pattern;
    const char *junit;
    const char *deviations;
    bool list;
    bool tap;
    bool keepGoing;
    bool force;
    bool noFork;
    int timeoutSec;
} vrcOptions;

typedef enum {
    VRC_OUT_NOTRUN = 0,
    VRC_OUT_PASS,
    VRC_OUT_FAIL,
    VRC_OUT_SKIP,
    VRC_OUT_XFAIL,      /* failed, and listed as a documented deviation */
} vrcOutcomeKind;

typedef struct {
    const vrcCase *tc;
    vrcResult res;
    int kind;           /* vrcOutcomeKind */
    bool listed;        /* named in the deviation file */
    double seconds;
} vrcOutcome;

typedef struct {
    char *names[VRC_DEVIATIONS_MAX];
    size_t n;
} vrcDeviations;

/* registry.c */
const vrcCase **vrcRegistry(size_t *n);
bool vrcCaseSelected(const vrcCase *tc, const vrcOptions *opts);

/* runner.c */
int vrcPreflight(const vrcOptions *opts);
int vrcRunCase(const vrcOptions *opts, const vrcCase *tc, const char *scratch,
               vrcOutcome *out);
char *vrcScratchCreate(void);
void vrcScratchRemove(const char *dir);

/* report.c */
int vrcDeviationsLoad(const char *path, vrcDeviations *dev);
bool vrcDeviationsHas(const vrcDeviations *dev, const char *name);
void vrcDeviationsFree(vrcDeviations *dev);
void vrcReportCase(const vrcOptions *opts, const vrcOutcome *out, size_t index);
int vrcReportSummary(const vrcOptions *opts, const vrcOutcome *outs, size_t n,
                     size_t nrun);
int vrcReportJunit(const char *path, const vrcOutcome *outs, size_t n);
void vrcReportList(const vrcCase *const *cases, size_t n);

#endif /* VRC_RUNNER_H */
