/* conformance/report.c: how results are shown -- one human line per case or
 * TAP, a summary per group, a JUnit file. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runner.h"

#define VRC_GROUPS_MAX 64

typedef struct {
    const char *name;
    size_t pass, fail, skip, xfail, stale;
    double seconds;
} vrcGroupStats;

/* ---- one line per case ---- */

/* The runner's note (a deviation that did not match, --no-skip), then the
 * case's own reason. */
static void
vrcFormatReason(const vrcOutcome *out, char *buf, size_t len)
{
    const char *sep = out->note[0] && out->res.status != VRC_PASS ? "; " : "";
    const char *note = out->note;

    if (out->res.step > 0 && out->res.status == VRC_FAIL)
        snprintf(buf, len, "%s%sstep %d: %s: %s", note, sep, out->res.step, out->res.call,
                 out->res.detail);
    else if (out->res.status == VRC_PASS)
        snprintf(buf, len, "%s", note);
    else
        snprintf(buf, len, "%s%s%s", note, sep, out->res.detail);
}

/* REASON with every line after the first turned into a TAP comment, so a
 * multi-line detail (an XML dump) cannot break the TAP stream. */
static void
vrcTapLines(const char *reason, char *buf, size_t len)
{
    size_t used = 0;

    for (; *reason && used + 3 < len; reason++) {
        buf[used++] = *reason;
        if (*reason == '\n' && reason[1]) {
            buf[used++] = '#';
            buf[used++] = ' ';
        }
    }
    while (used > 0 && buf[used - 1] == '\n')
        used--;
    buf[used] = '\0';
}

static void
vrcReportTap(const vrcOutcome *out, size_t index, const char *text)
{
    const char *name = out->tc->name;
    char reason[VRC_DETAIL_MAX * 4];

    vrcTapLines(text, reason, sizeof(reason));

    switch (out->kind) {
    case VRC_OUT_PASS:
        printf("ok %zu - %s\n", index, name);
        break;
    case VRC_OUT_SKIP:
        printf("ok %zu - %s # SKIP %s\n", index, name, reason);
        break;
    case VRC_OUT_XFAIL:
        printf("not ok %zu - %s # TODO documented deviation: %s\n", index, name, reason);
        break;
    default:
        printf("not ok %zu - %s\n# %s\n", index, name, reason);
        break;
    }
}

void
vrcReportCase(const vrcOptions *opts, const vrcOutcome *out, size_t index)
{
    char reason[VRC_DETAIL_MAX * 2 + VRC_CALL_MAX + 32];
    const char *name = out->tc->name;

    vrcFormatReason(out, reason, sizeof(reason));
    if (opts->tap) {
        vrcReportTap(out, index, reason);
    } else {
        switch (out->kind) {
        case VRC_OUT_PASS:
            printf("PASS %s\n", name);
            break;
        case VRC_OUT_SKIP:
            printf("SKIP %s (%s)\n", name, reason);
            break;
        case VRC_OUT_XFAIL:
            printf("XFAIL %s (documented deviation; %s)\n", name, reason);
            break;
        default:
            printf("FAIL %s (%s)\n", name, reason);
            break;
        }
    }
    fflush(stdout);
}

/* ---- summary ---- */

static vrcGroupStats *
vrcGroupFind(vrcGroupStats *groups, size_t *ngroups, const char *name)
{
    size_t i;

    for (i = 0; i < *ngroups; i++)
        if (strcmp(groups[i].name, name) == 0)
            return &groups[i];
    if (*ngroups == VRC_GROUPS_MAX)
        return &groups[VRC_GROUPS_MAX - 1];
    groups[*ngroups].name = name;
    return &groups[(*ngroups)++];
}

static void
vrcGroupAdd(vrcGroupStats *g, const vrcOutcome *out)
{
    switch (out->kind) {
    case VRC_OUT_PASS: g->pass++; break;
    case VRC_OUT_FAIL: g->fail++; g->stale += out->stale; break;
    case VRC_OUT_SKIP: g->skip++; break;
    case VRC_OUT_XFAIL: g->xfail++; break;
    default: break;
    }
    g->seconds += out->seconds;
}

int
vrcReportSummary(const vrcOptions *opts, const vrcOutcome *outs, size_t n, size_t nrun)
{
    vrcGroupStats groups[VRC_GROUPS_MAX] = { { 0 } };
    vrcGroupStats total = { .name = "total" };
    const char *pfx = opts->tap ? "# " : "";
    size_t ngroups = 0, i;

    for (i = 0; i < n; i++) {
        if (outs[i].kind == VRC_OUT_NOTRUN)
            continue;
        vrcGroupAdd(vrcGroupFind(groups, &ngroups, outs[i].tc->group), &outs[i]);
        vrcGroupAdd(&total, &outs[i]);
    }
    if (opts->tap)
        printf("1..%zu\n", nrun);
    printf("%s\n%ssummary by group:\n", pfx, pfx);
    for (i = 0; i < ngroups; i++)
        printf("%s  %-12s %3zu passed, %zu failed, %zu skipped, %zu deviations (%.2f s)\n",
               pfx, groups[i].name, groups[i].pass, groups[i].fail, groups[i].skip,
               groups[i].xfail, groups[i].seconds);
    if (nrun < n)
        printf("%sstopped at the first failure: %zu of %zu cases not run "
               "(use --keep-going to run all)\n", pfx, n - nrun, n);
    if (total.stale)
        printf("%s%zu cases listed as deviations passed: remove their entries from %s\n",
               pfx, total.stale, opts->deviations ? opts->deviations : "the deviation file");
    printf("%s%s: %zu cases against %s: %zu passed, %zu failed, %zu skipped, "
           "%zu documented deviations\n", pfx, total.fail ? "FAIL" : "PASS", nrun,
           opts->uri, total.pass, total.fail, total.skip, total.xfail);
    fflush(stdout);
    return total.fail || nrun < n ? VRC_EXIT_FAIL : 0;
}

/* ---- JUnit ---- */

static void
vrcXmlEscape(FILE *fp, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", fp); break;
        case '>': fputs("&gt;", fp); break;
        case '&': fputs("&amp;", fp); break;
        case '"': fputs("&quot;", fp); break;
        case '\'': fputs("&apos;", fp); break;
        default:
            if ((unsigned char)*s < 0x20 && *s != '\n' && *s != '\t')
                fputc('?', fp);
            else
                fputc(*s, fp);
        }
    }
}

static void
vrcJunitCase(FILE *fp, const vrcOutcome *out)
{
    char reason[VRC_DETAIL_MAX * 2 + VRC_CALL_MAX + 32];

    vrcFormatReason(out, reason, sizeof(reason));
    fprintf(fp, "    <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\"",
            out->tc->group, out->tc->name, out->seconds);
    if (out->kind == VRC_OUT_PASS) {
        fputs("/>\n", fp);
        return;
    }
    fputs(">\n", fp);
    if (out->kind == VRC_OUT_FAIL) {
        fputs("      <failure message=\"", fp);
        vrcXmlEscape(fp, reason);
        fputs("\"/>\n", fp);
    } else if (out->kind == VRC_OUT_SKIP) {
        fputs("      <skipped message=\"", fp);
        vrcXmlEscape(fp, reason);
        fputs("\"/>\n", fp);
    } else {
        fputs("      <system-out>documented deviation: ", fp);
        vrcXmlEscape(fp, reason);
        fputs("</system-out>\n", fp);
    }
    fputs("    </testcase>\n", fp);
}

int
vrcReportJunit(const char *path, const vrcOutcome *outs, size_t n)
{
    vrcGroupStats groups[VRC_GROUPS_MAX] = { { 0 } };
    size_t ngroups = 0, g, i;
    FILE *fp = fopen(path, "w");

    if (!fp) {
        fprintf(stderr, "vireo-conform: cannot write %s: %s\n", path, strerror(errno));
        return -1;
    }
    for (i = 0; i < n; i++)
        if (outs[i].kind != VRC_OUT_NOTRUN)
            vrcGroupAdd(vrcGroupFind(groups, &ngroups, outs[i].tc->group), &outs[i]);
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"vireo-conform\">\n",
          fp);
    for (g = 0; g < ngroups; g++) {
        const vrcGroupStats *gs = &groups[g];

        fprintf(fp, "  <testsuite name=\"%s\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
                "skipped=\"%zu\" time=\"%.3f\">\n", gs->name,
                gs->pass + gs->fail + gs->skip + gs->xfail, gs->fail, gs->skip, gs->seconds);
        for (i = 0; i < n; i++)
            if (outs[i].kind != VRC_OUT_NOTRUN && strcmp(outs[i].tc->group, gs->name) == 0)
                vrcJunitCase(fp, &outs[i]);
        fputs("  </testsuite>\n", fp);
    }
    fputs("</testsuites>\n", fp);
    if (fclose(fp) != 0) {
        fprintf(stderr, "vireo-conform: cannot write %s\n", path);
        return -1;
    }
    return 0;
}

void
vrcReportList(const vrcCase *const *cases, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        printf("%-48s %-12s %s%s\n", cases[i]->name, cases[i]->group, cases[i]->purpose,
               cases[i]->flags & VRC_CASE_VIREO_ONLY ? " [vireo-only]" : "");
}
