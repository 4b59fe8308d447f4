/* conformance/registry.c: every case of the suite in one ordered list, and
 * the --group / --case selection.  A new case file adds its table here. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runner.h"
#include "netstore.h"
#include "faults.h"

typedef struct {
    const vrcCase *cases;
    const size_t *count;
} vrcTable;

static const vrcTable vrcTables[] = {
    { vrcCasesLifecycle, &vrcCasesLifecycleCount },
    { vrcCasesLookup, &vrcCasesLookupCount },
    { vrcCasesStates, &vrcCasesStatesCount },
    { vrcCasesXml, &vrcCasesXmlCount },
    { vrcCasesSave, &vrcCasesSaveCount },
    { vrcCasesEvents, &vrcCasesEventsCount },
    { vrcCasesSetters, &vrcCasesSettersCount },
    { vrcCasesList, &vrcCasesListCount },
    { vrcCasesConcurrency, &vrcCasesConcurrencyCount },
    { vrcCasesMisuse, &vrcCasesMisuseCount },
    { vrcCasesNetwork, &vrcCasesNetworkCount },
    { vrcCasesNetworkOps, &vrcCasesNetworkOpsCount },
    { vrcCasesPool, &vrcCasesPoolCount },
    { vrcCasesVolume, &vrcCasesVolumeCount },
    { vrcCasesStream, &vrcCasesStreamCount },
    { vrcCasesFaults, &vrcCasesFaultsCount }, { vrcCasesFaultsPlan, &vrcCasesFaultsPlanCount },
    { vrcCasesFaultsStore, &vrcCasesFaultsStoreCount },
};

static int
vrcCaseCompare(const void *a, const void *b)
{
    const vrcCase *x = *(const vrcCase *const *)a;
    const vrcCase *y = *(const vrcCase *const *)b;

    return strcmp(x->name, y->name);
}

/* The number of a case: its name up to the second '-' ("storage/900"). */
static size_t
vrcCaseNumberLen(const char *name)
{
    size_t kind = strcspn(name, "/");

    return kind + (name[kind] ? 1 + strcspn(name + kind + 1, "-") : 0);
}

/* Self-check of the suite, on sorted ALL: every name is "kind/NNN-words",
 * and no two cases share a number (so a name or a number names one case). */
static int
vrcRegistryCheck(const vrcCase **all, size_t nall)
{
    size_t i, len;
    int bad = 0;

    for (i = 0; i < nall; i++) {
        len = vrcCaseNumberLen(all[i]->name);
        if (!all[i]->name[len] || len < 5 || !strchr(all[i]->name, '/')) {
            fprintf(stderr, "vireo-conform: case name %s is not kind/NNN-name\n",
                    all[i]->name);
            bad = -1;
        }
        if (i > 0 && len == vrcCaseNumberLen(all[i - 1]->name) &&
            strncmp(all[i - 1]->name, all[i]->name, len) == 0) {
            fprintf(stderr, "vireo-conform: cases %s and %s share the number %.*s\n",
                    all[i - 1]->name, all[i]->name, (int)len, all[i]->name);
            bad = -1;
        }
    }
    return bad;
}

/* All cases sorted by name.  A name that is not unique, or a number used
 * twice, is a defect of the suite: the runner stops before doing anything. */
const vrcCase **
vrcRegistry(size_t *n)
{
    static const vrcCase **all;
    static size_t nall;
    size_t t, i, k = 0;

    if (all) {
        *n = nall;
        return all;
    }
    for (t = 0; t < VRC_COUNT(vrcTables); t++)
        nall += *vrcTables[t].count;
    if (!(all = calloc(nall, sizeof(*all))))
        abort();
    for (t = 0; t < VRC_COUNT(vrcTables); t++)
        for (i = 0; i < *vrcTables[t].count; i++)
            all[k++] = &vrcTables[t].cases[i];
    qsort(all, nall, sizeof(*all), vrcCaseCompare);
    if (vrcRegistryCheck(all, nall) < 0)
        abort();
    *n = nall;
    return all;
}

/* --group matches the case's group or its object kind (the name up to '/');
 * --case is a glob over the full name or the part after the kind.  Each may
 * be given several times: a case is selected when it matches one of the
 * groups (if any) and one of the patterns (if any). */
bool
vrcCaseSelected(const vrcCase *tc, const vrcOptions *opts)
{
    size_t kind = strcspn(tc->name, "/"), i;
    bool hit = opts->ngroups == 0;

    for (i = 0; i < opts->ngroups && !hit; i++)
        hit = strcmp(tc->group, opts->groups[i]) == 0 ||
              (strlen(opts->groups[i]) == kind &&
               strncmp(tc->name, opts->groups[i], kind) == 0);
    if (!hit)
        return false;
    hit = opts->npatterns == 0;
    for (i = 0; i < opts->npatterns && !hit; i++)
        hit = fnmatch(opts->patterns[i], tc->name, 0) == 0 ||
              fnmatch(opts->patterns[i], tc->name + kind + 1, 0) == 0;
    return hit;
}
