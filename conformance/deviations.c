/* conformance/deviations.c: the deviation file (--expect-deviations) -- each
 * "## kind/NNN-name" entry and its one "expect:" line stating exactly how the
 * case fails, and whether a case's result is that failure. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <errno.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runner.h"

#define VRC_EXPECT_TAG "expect:"
#define VRC_EXPECT_USAGE \
    "want 'expect: step N error VIR_ERR_X', 'expect: step N message VIR_ERR_X', " \
    "'expect: step N succeeded' or 'expect: step N mismatch \"GLOB\"'"

static const char *const vrcFailKindNames[] = {
    [VRC_FAILK_NONE] = "none",
    [VRC_FAILK_ERROR] = "error",
    [VRC_FAILK_SUCCEEDED] = "succeeded",
    [VRC_FAILK_MESSAGE] = "message",
    [VRC_FAILK_MISMATCH] = "mismatch",
    [VRC_FAILK_CRASH] = "crash",
};
_Static_assert(VRC_COUNT(vrcFailKindNames) == VRC_FAILK_CRASH + 1,
               "a name for every vrcFailKind");

typedef struct {
    const char *path;
    int lineno;
} vrcDevWhere;

static int
vrcDevError(const vrcDevWhere *at, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "vireo-conform: %s:%d: ", at->path, at->lineno);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return -1;
}

/* Parses the text after "expect:" into D.  TEXT has no line end. */
static int
vrcDevParseExpect(const vrcDevWhere *at, const char *text, vrcDeviation *d)
{
    char kind[16], arg[VRC_LINE_MAX];
    int used = 0;
    size_t len;

    text += strspn(text, " \t");
    if (sscanf(text, "step %d %15s %n", &d->step, kind, &used) < 2 || d->step <= 0)
        return vrcDevError(at, "bad expectation '%s': %s", text, VRC_EXPECT_USAGE);
    d->text = strdup(text);
    text += used;
    if (strcmp(kind, "succeeded") == 0 && !*text) {
        d->kind = VRC_FAILK_SUCCEEDED;
    } else if ((strcmp(kind, "error") == 0 || strcmp(kind, "message") == 0) &&
               sscanf(text, "%1023s %n", arg, &used) == 1 && !text[used]) {
        d->kind = kind[0] == 'e' ? VRC_FAILK_ERROR : VRC_FAILK_MESSAGE;
        if ((d->code = vrcErrorCode(arg)) < 0)
            return vrcDevError(at, "unknown error code '%s'", arg);
    } else if (strcmp(kind, "mismatch") == 0 && text[0] == '"' &&
               (len = strlen(text)) > 2 && text[len - 1] == '"') {
        d->kind = VRC_FAILK_MISMATCH;
        d->glob = strndup(text + 1, len - 2);
    } else {
        return vrcDevError(at, "bad expectation '%s': %s", d->text, VRC_EXPECT_USAGE);
    }
    return 0;
}

/* Closes the entry being read: it must have had its "expect:" line. */
static int
vrcDevClose(const vrcDevWhere *at, vrcDeviations *dev, bool *open)
{
    if (*open && dev->items[dev->n - 1].kind == VRC_FAILK_NONE)
        return vrcDevError(at, "entry %s has no '%s' line before this one (%s)",
                           dev->items[dev->n - 1].name, VRC_EXPECT_TAG, VRC_EXPECT_USAGE);
    *open = false;
    return 0;
}

/* A "## kind/NNN-name" heading opens an entry; any other heading ends it. */
static int
vrcDevHeading(const vrcDevWhere *at, char *line, vrcDeviations *dev, bool *open)
{
    char *name = line + 3;

    if (vrcDevClose(at, dev, open) < 0)
        return -1;
    if (strncmp(line, "## ", 3) != 0)
        return 0;
    name += strspn(name, " `");
    name[strcspn(name, " `\t")] = '\0';
    if (!strchr(name, '/'))
        return 0;
    if (vrcDeviationFind(dev, name))
        return vrcDevError(at, "case %s has two entries", name);
    if (dev->n == VRC_DEVIATIONS_MAX)
        return vrcDevError(at, "more than %d entries", VRC_DEVIATIONS_MAX);
    memset(&dev->items[dev->n], 0, sizeof(dev->items[dev->n]));
    dev->items[dev->n++].name = strdup(name);
    *open = true;
    return 0;
}

static int
vrcDevLine(const vrcDevWhere *at, char *line, vrcDeviations *dev, bool *open)
{
    vrcDeviation *d;
    size_t len = strcspn(line, "\r\n");

    while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
        len--;
    line[len] = '\0';
    if (line[0] == '#')
        return vrcDevHeading(at, line, dev, open);
    if (strncmp(line, VRC_EXPECT_TAG, strlen(VRC_EXPECT_TAG)) != 0)
        return 0;
    if (!*open)
        return vrcDevError(at, "'%s' line outside a '## kind/NNN-name' entry", VRC_EXPECT_TAG);
    d = &dev->items[dev->n - 1];
    if (d->kind != VRC_FAILK_NONE)
        return vrcDevError(at, "second '%s' line for %s", VRC_EXPECT_TAG, d->name);
    return vrcDevParseExpect(at, line + strlen(VRC_EXPECT_TAG), d);
}

int
vrcDeviationsLoad(const char *path, vrcDeviations *dev)
{
    vrcDevWhere at = { .path = path };
    char line[VRC_LINE_MAX];
    bool open = false;
    FILE *fp;
    int rc = 0;

    dev->n = 0;
    if (!(fp = fopen(path, "r"))) {
        fprintf(stderr, "vireo-conform: cannot read %s: %s\n", path, strerror(errno));
        return -1;
    }
    while (rc == 0 && fgets(line, sizeof(line), fp)) {
        at.lineno++;
        rc = vrcDevLine(&at, line, dev, &open);
    }
    if (rc == 0) {
        at.lineno++;
        rc = vrcDevClose(&at, dev, &open);
    }
    fclose(fp);
    if (rc < 0)
        vrcDeviationsFree(dev);
    return rc;
}

/* Every case a deviation file names must exist, so a typo cannot hide. */
int
vrcDeviationsCheck(const vrcDeviations *dev, const vrcCase *const *all, size_t nall,
                   const char *path)
{
    size_t i, j;

    for (i = 0; i < dev->n; i++) {
        for (j = 0; j < nall; j++)
            if (strcmp(all[j]->name, dev->items[i].name) == 0)
                break;
        if (j == nall) {
            fprintf(stderr, "vireo-conform: %s lists unknown case %s\n", path,
                    dev->items[i].name);
            return -1;
        }
    }
    return 0;
}

const vrcDeviation *
vrcDeviationFind(const vrcDeviations *dev, const char *name)
{
    size_t i;

    for (i = 0; i < dev->n; i++)
        if (strcmp(dev->items[i].name, name) == 0)
            return &dev->items[i];
    return NULL;
}

static void
vrcFirstLine(const char *text, char *buf, size_t len)
{
    snprintf(buf, len, "%.*s", (int)strcspn(text, "\n"), text);
}

/* True when RES is exactly the failure D expects. */
bool
vrcDeviationMatches(const vrcDeviation *d, const vrcResult *res)
{
    char first[VRC_DETAIL_MAX];

    if (res->status != VRC_FAIL || res->step != d->step || res->failKind != d->kind)
        return false;
    switch (d->kind) {
    case VRC_FAILK_ERROR:
    case VRC_FAILK_MESSAGE:
        return res->code == d->code;
    case VRC_FAILK_MISMATCH:
        vrcFirstLine(res->detail, first, sizeof(first));
        return fnmatch(d->glob, first, FNM_NOESCAPE) == 0;
    default:
        return true;
    }
}

/* RES in the grammar of an "expect:" line ("step 7 error VIR_ERR_X"), so a
 * report shows what happened next to what the file expects. */
void
vrcDeviationDescribe(const vrcResult *res, char *buf, size_t len)
{
    char first[VRC_DETAIL_MAX];

    vrcFirstLine(res->detail, first, sizeof(first));
    if (res->status == VRC_PASS) {
        snprintf(buf, len, "passed");
    } else if (res->status == VRC_SKIP) {
        snprintf(buf, len, "skipped (%s)", first);
    } else if (res->failKind == VRC_FAILK_ERROR || res->failKind == VRC_FAILK_MESSAGE) {
        snprintf(buf, len, "step %d %s %s", res->step, vrcFailKindNames[res->failKind],
                 vrcErrorName(res->code));
    } else if (res->failKind == VRC_FAILK_MISMATCH) {
        snprintf(buf, len, "step %d mismatch \"%s\"", res->step, first);
    } else {
        snprintf(buf, len, "step %d %s (%s)", res->step,
                 vrcFailKindNames[res->failKind < VRC_FAILK_NONE ||
                                  res->failKind > VRC_FAILK_CRASH ? 0 : res->failKind],
                 first);
    }
}

void
vrcDeviationsFree(vrcDeviations *dev)
{
    size_t i;

    for (i = 0; i < dev->n; i++) {
        free(dev->items[i].name);
        free(dev->items[i].glob);
        free(dev->items[i].text);
    }
    dev->n = 0;
}
