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
    fputs("usage: vireo-conform --uri URI [--group G]... [--case PATTERN]... [--list]\n"
          "                     [--tap] [--junit FILE] [--keep-going] [--force]\n"
          "                     [--expect-deviations FILE] [--no-skip] [--timeout SEC]\n"
          "                     [--no-fork]\n"
          "\n"
          "  --uri URI                 connection to test (required unless --list)\n"
          "  --group G                 only cases of group G (or object kind, e.g. domain);\n"
          "                            repeat it for several\n"
          "  --case PATTERN            only cases whose name matches the glob PATTERN;\n"
          "                            repeat it for several\n"
          "  --list                    list the selected cases and exit\n"
          "  --tap                     print TAP instead of the human report\n"
          "  --junit FILE              also write a JUnit XML report to FILE\n"
          "  --keep-going              run every case (default: stop at the first failure)\n"
          "  --force                   remove existing conform-* objects instead of refusing\n"
          "  --expect-deviations FILE  cases listed in FILE must fail exactly as it says\n"
          "  --no-skip                 a skipped case (unsupported call) is a failure\n"
          "  --timeout SEC             per-case time limit (default 300)\n"
          "  --no-fork                 run cases in this process (for debuggers)\n", fp);
}

static int
vrcParseTimeout(const char *arg, vrcOptions *opts)
{
    char *end;
    long v = strtol(arg, &end, 10);

    if (!*arg || *end || v <= 0 || v > VRC_TIMEOUT_MAX_S) {
        fprintf(stderr, "vireo-conform: --timeout wants 1..%d seconds, not '%s'\n",
                VRC_TIMEOUT_MAX_S, arg);
        return -1;
    }
    opts->timeoutSec = (int)v;
    return 0;
}

static int
vrcParseOption(int c, vrcOptions *opts)
{
    switch (c) {
    case 'u': opts->uri = optarg; break;
    case 'g': opts->groups[opts->ngroups++] = optarg; break;
    case 'c': opts->patterns[opts->npatterns++] = optarg; break;
    case 'l': opts->list = true; break;
    case 't': opts->tap = true; break;
    case 'j': opts->junit = optarg; break;
    case 'k': opts->keepGoing = true; break;
    case 'f': opts->force = true; break;
    case 'd': opts->deviations = optarg; break;
    case 'n': opts->noFork = true; break;
    case 'S': opts->noSkip = true; break;
    case 'T': return vrcParseTimeout(optarg, opts);
    case 'h': vrcUsage(stdout); exit(0);
    default: vrcUsage(stderr); return -1;
    }
    return 0;
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
        { "no-skip", no_argument, NULL, 'S' },
        { "timeout", required_argument, NULL, 'T' },
        { "no-fork", no_argument, NULL, 'n' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c;

    opts->timeoutSec = VRC_DEFAULT_TIMEOUT_S;
    /* Each option takes one argv slot at least: argc bounds both lists. */
    opts->groups = calloc((size_t)argc, sizeof(*opts->groups));
    opts->patterns = calloc((size_t)argc, sizeof(*opts->patterns));
    if (!opts->groups || !opts->patterns)
        abort();
    while ((c = getopt_long(argc, argv, "u:g:c:ltj:kfd:ST:nh", longopts, NULL)) != -1)
        if (vrcParseOption(c, opts) < 0)
            return -1;
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

/* Judges a listed case: it must fail exactly as its entry says. */
static void
vrcClassifyListed(vrcOutcome *out, const vrcDeviation *d)
{
    char got[VRC_DETAIL_MAX];

    out->listed = true;
    if (vrcDeviationMatches(d, &out->res)) {
        out->kind = VRC_OUT_XFAIL;
        return;
    }
    vrcDeviationDescribe(&out->res, got, sizeof(got));
    out->kind = VRC_OUT_FAIL;
    out->stale = out->res.status == VRC_PASS;
    if (out->stale)
        snprintf(out->note, sizeof(out->note), "listed as a deviation (expect: %s) but "
                 "passed: the deviation file is out of date, remove the entry", d->text);
    else
        snprintf(out->note, sizeof(out->note), "not the documented deviation: "
                 "expected %.900s, got %.1000s", d->text, got);
}

static int
vrcClassify(const vrcOptions *opts, vrcOutcome *out, const vrcDeviations *dev)
{
    const vrcDeviation *d = vrcDeviationFind(dev, out->tc->name);

    out->note[0] = '\0';
    if (d) {
        vrcClassifyListed(out, d);
        return out->kind;
    }
    switch (out->res.status) {
    case VRC_PASS: out->kind = VRC_OUT_PASS; break;
    case VRC_SKIP:
        out->kind = opts->noSkip ? VRC_OUT_FAIL : VRC_OUT_SKIP;
        if (opts->noSkip)
            snprintf(out->note, sizeof(out->note), "skipped, and --no-skip forbids it");
        break;
    default: out->kind = VRC_OUT_FAIL; break;
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
        vrcClassify(opts, &outs[i], dev);
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
    static vrcDeviations dev;
    const vrcCase **all, **sel = NULL;
    vrcOutcome *outs = NULL;
    size_t nall, nsel = 0, nrun = 0, i;
    int rc = VRC_EXIT_USAGE;

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (vrcParseArgs(argc, argv, &opts) < 0)
        goto cleanup;
    all = vrcRegistry(&nall);
    if (opts.deviations && (vrcDeviationsLoad(opts.deviations, &dev) < 0 ||
                            vrcDeviationsCheck(&dev, all, nall, opts.deviations) < 0))
        goto cleanup;
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
        /* A report that cannot be written fails the run, but never hides
         * that cases failed. */
        if (opts.junit && vrcReportJunit(opts.junit, outs, nsel) < 0 && rc == 0)
            rc = VRC_EXIT_USAGE;
    }
 cleanup:
    vrcDeviationsFree(&dev);
    free(sel);
    free(outs);
    free(opts.groups);
    free(opts.patterns);
    return rc;
}
