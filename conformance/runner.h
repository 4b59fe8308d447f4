/* conformance/runner.h: what main, the runner and the reporters share --
 * options, the outcome of each case, the registry and the deviation list. */
#ifndef VRC_RUNNER_H
#define VRC_RUNNER_H

#include <stdbool.h>
#include <stdio.h>

#include "conform.h"

#define VRC_DEFAULT_TIMEOUT_S 300      /* per case */
#define VRC_DEVIATIONS_MAX 512         /* entries a deviation file may hold */
#define VRC_LINE_MAX 1024              /* line of a deviation file */
#define VRC_EXIT_FAIL 1                /* a case failed */
#define VRC_EXIT_USAGE 2               /* bad options, no connection, leftovers */

typedef struct {
    const char *uri;
    const char **groups;        /* --group, repeatable: a case matches any of them */
    size_t ngroups;
    const char **patterns;      /* --case, repeatable: a case matches any of them */
    size_t npatterns;
    const char *junit;
    const char *deviations;
    bool list;
    bool tap;
    bool keepGoing;
    bool force;
    bool noFork;
    bool noSkip;                /* a SKIP is a FAIL */
    int timeoutSec;
} vrcOptions;

typedef enum {
    VRC_OUT_NOTRUN = 0,
    VRC_OUT_PASS,
    VRC_OUT_FAIL,
    VRC_OUT_SKIP,
    VRC_OUT_XFAIL,      /* failed exactly as its deviation entry says */
} vrcOutcomeKind;

typedef struct {
    const vrcCase *tc;
    vrcResult res;
    int kind;           /* vrcOutcomeKind */
    bool listed;        /* named in the deviation file */
    bool stale;         /* listed, but passed */
    char note[VRC_DETAIL_MAX];  /* why the runner judged it so (deviation, --no-skip) */
    double seconds;
} vrcOutcome;

/* One "## kind/NNN-name" entry of a deviation file and its "expect:" line:
 * the case must FAIL at STEP with KIND (and CODE, or a first detail line
 * matching GLOB). */
typedef struct {
    char *name;
    int step;
    int kind;           /* vrcFailKind */
    int code;           /* VRC_FAILK_ERROR, VRC_FAILK_MESSAGE */
    char *glob;         /* VRC_FAILK_MISMATCH */
    char *text;         /* the expectation as written, for reports */
} vrcDeviation;

typedef struct {
    vrcDeviation items[VRC_DEVIATIONS_MAX];
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

/* deviations.c */
int vrcDeviationsLoad(const char *path, vrcDeviations *dev);
int vrcDeviationsCheck(const vrcDeviations *dev, const vrcCase *const *all, size_t nall,
                       const char *path);
const vrcDeviation *vrcDeviationFind(const vrcDeviations *dev, const char *name);
bool vrcDeviationMatches(const vrcDeviation *d, const vrcResult *res);
void vrcDeviationDescribe(const vrcResult *res, char *buf, size_t len);
void vrcDeviationsFree(vrcDeviations *dev);

/* report.c */
void vrcReportCase(const vrcOptions *opts, const vrcOutcome *out, size_t index);
int vrcReportSummary(const vrcOptions *opts, const vrcOutcome *outs, size_t n,
                     size_t nrun);
int vrcReportJunit(const char *path, const vrcOutcome *outs, size_t n);
void vrcReportList(const vrcCase *const *cases, size_t n);

#endif /* VRC_RUNNER_H */
