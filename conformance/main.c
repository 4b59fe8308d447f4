/* conformance/main.c: the vireo-conform command -- options, case selection,
 * the run loop (stop at the first failure unless --keep-going), reports and
 * the exit status (0 all passed, 1 a case failed, 2 the run could not start). */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "runner.h"

#define VRC_TIMEOUT_MAX_S 3600

static void
vrcUsage(FILE *fp)
{
    fputs("usage: vireo-conform --uri URI [--group G] [--case PATTERN] [--list] [--tap]\n"
          "                     [--junit FILE] [--keep-going] [--force]\n"
          "                     [--expect-deviations FILE] [--timeout SEC] [--no-fork]\n"
          "\n"
          "  --uri URI                 connection to test (required unless --list)\n"
          "  --group G                 only cases of group G (or object kind, e.g. domain)\n"
          "  --case PATTERN            only cases whose name matches the glob PATTERN\n"
          "  --list                    list the selected cases and exit\n"
          "  --tap                     print TAP instead of the human report\n"
          "  --junit FILE              also write a JUnit XML report to FILE\n"
          "  --keep-going              run every case (default: stop at the first failure)\n"
          "  --force                   remove existing conform-* objects instead of refusing\n"
          "  --expect-deviations FILE  failures of cases listed in FILE are expected\n"
          "  --timeout SEC             per-case time limit (default 300)\n"
          "  --no-fork                 run cases in this process (for debuggers)\n", fp);
}

static int
vrcParseArgs(int argc, char **argv, vrcOptions *opts)
{
    static const struct option longopts[] = {
        { "uri", required_argument, NULL, 'u' },
        { "group", required_argument, NULL, 'g' },
        { "case", required_argument, NULL, 'c' },
        { "list", no_argument, NULL, 'l' },
        { "tap", no_argument, NULL, 't' },
        { "junit", required_argument, NULL, 'j' },
        { "keep-going", no_argument, NULL, 'k' },
        { "force", no_argument, NULL, 'f' },
        { "expect-deviations", required_argument, NULL, 'd' },
        { "timeout", required_argument, NULL, 'T' },
        { "no-fork", no_argument, NULL, 'n' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c;
    char *end;

    opts->timeoutSec = VRC_DEFAULT_TIMEOUT_S;
    while ((c = getopt_long(argc, argv, "u:g:c:ltj:kfd:T:nh", longopts, NULL)) != -1) {
        switch (c) {
        case 'u': opts->uri = optarg; break;
        case 'g': opts->group = optarg; break;
        case 'c': opts->pattern = optarg; break;
        case 'l': opts->list = true; break;
        case 't': opts->tap = true; break;
        case 'j': opts->junit = optarg; break;
        case 'k': opts->keepGoing = true; break;
        case 'f': opts->force = true; break;
        case 'd': opts->deviations = optarg; break;
        case 'n': opts->noFork = true; break;
        case 'T':
            opts->timeoutSec = (int)strtol(optarg, &end, 10);
            if (*end || opts->timeoutSec <= 0 || opts->timeoutSec > VRC_TIMEOUT_MAX_S) {
                fprintf(stderr, "vireo-conform: --timeout wants 1..%d seconds\n",
                        VRC_TIMEOUT_MAX_S);
                return -1;
            }
            break;
        case 'h': vrcUsage(stdout); exit(0);
        default: vrcUsage(stderr); return -1;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "vireo-conform: unexpected argument '%s'\n", argv[optind]);
        return -1;
    }
    if (!opts->uri && !opts->list) {
        fprintf(stderr, "vireo-conform: --uri is required\n");
        vrcUsage(stderr);
        return -1;
    }
    return 0;
}

/* Every case a deviation file names must exist, so a typo cannot hide. */
static int
vrcDeviationsCheck(const vrcDeviations *dev, const vrcCase **all, size_t nall,
                   const char *path)
{
    size_t i, j;

    for (i = 0; i < dev->n; i++) {
        for (j = 0; j < nall; j++)
            if (strcmp(all[j]->name, dev->names[i]) == 0)
                break;
        if (j == nall) {
            fprintf(stderr, "vireo-conform: %s lists unknown case %s\n", path,
                    dev->names[i]);
            return -1;
        }
    }
    return 0;
}

static int
vrcClassify(vrcOutcome *out, const vrcDeviations *dev)
{
    out->listed = vrcDeviationsHas(dev, out->tc->name);
    switch (out->res.status) {
    case VRC_PASS: out->kind = VRC_OUT_PASS; break;
    case VRC_SKIP: out->kind = VRC_OUT_SKIP; break;
    default: out->kind = out->listed ? VRC_OUT_XFAIL : VRC_OUT_FAIL; break;
    }
    return out->kind;
}

static int
vrcRunAll(const vrcOptions *opts, const vrcCase **sel, size_t nsel,
          const vrcDeviations *dev, vrcOutcome *outs, size_t *nrun)
{
    char *scratch = vrcScratchCreate();
    char dir[VRC_LINE_MAX];
    size_t i;

    if (!scratch)
        return -1;
    if (opts->tap)
        printf("TAP version 13\n# vireo-conform against %s\n", opts->uri);
    for (i = 0; i < nsel; i++) {
        snprintf(dir, sizeof(dir), "%s/%03zu", scratch, i);
        mkdir(dir, 0700);
        if (vrcRunCase(opts, sel[i], dir, &outs[i]) < 0)
            break;
        *nrun = i + 1;
        vrcClassify(&outs[i], dev);
        vrcReportCase(opts, &outs[i], i + 1);
        if (outs[i].kind == VRC_OUT_FAIL && !opts->keepGoing)
            break;
    }
    vrcScratchRemove(scratch);
    free(scratch);
    return 0;
}

int
main(int argc, char **argv)
{
    vrcOptions opts = { 0 };
    vrcDeviations dev = { .n = 0 };
    const vrcCase **all, **sel;
    vrcOutcome *outs;
    size_t nall, nsel = 0, nrun = 0, i;
    int rc;

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (vrcParseArgs(argc, argv, &opts) < 0)
        return VRC_EXIT_USAGE;
    all = vrcRegistry(&nall);
    if (opts.deviations && (vrcDeviationsLoad(opts.deviations, &dev) < 0 ||
                            vrcDeviationsCheck(&dev, all, nall, opts.deviations) < 0))
        return VRC_EXIT_USAGE;
    sel = calloc(nall, sizeof(*sel));
    outs = calloc(nall, sizeof(*outs));
    if (!sel || !outs)
        abort();
    for (i = 0; i < nall; i++)
        if (vrcCaseSelected(all[i], &opts))
            sel[nsel++] = all[i];
    if (opts.list) {
        vrcReportList(sel, nsel);
        rc = 0;
    } else if (nsel == 0) {
        fprintf(stderr, "vireo-conform: no case matches the selection\n");
        rc = VRC_EXIT_USAGE;
    } else if (vrcPreflight(&opts) < 0 || vrcRunAll(&opts, sel, nsel, &dev, outs, &nrun) < 0) {
        rc = VRC_EXIT_USAGE;
    } else {
        for (i = 0; i < nsel; i++)
            outs[i].tc = sel[i];
        rc = vrcReportSummary(&opts, outs, nsel, nrun);
        if (opts.junit && vrcReportJunit(opts.junit, outs, nsel) < 0)
            rc = VRC_EXIT_USAGE;
    }
    vrcDeviationsFree(&dev);
    free(sel);
    free(outs);
    return rc;
}
