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

/* All cases sorted by name.  A duplicate name is a defect of the suite. */
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
    for (i = 1; i < nall; i++) {
        if (strcmp(all[i - 1]->name, all[i]->name) == 0) {
            fprintf(stderr, "vireo-conform: duplicate case name %s\n", all[i]->name);
            abort();
        }
    }
    *n = nall;
    return all;
}

/* --group matches the case's group or its object kind (the name up to '/');
 * --case is a glob over the full name or the part after the kind. */
bool
vrcCaseSelected(const vrcCase *tc, const vrcOptions *opts)
{
    if (opts->group) {
        size_t kind = strcspn(tc->name, "/");
        bool byKind = strlen(opts->group) == kind &&
                      strncmp(tc->name, opts->group, kind) == 0;

        if (strcmp(tc->group, opts->group) != 0 && !byKind)
            return false;
    }
    if (opts->pattern && fnmatch(opts->pattern, tc->name, 0) != 0 &&
        fnmatch(opts->pattern, tc->name + strcspn(tc->name, "/") + 1, 0) != 0)
        return false;
    return true;
}
