/* conformance/helpers.c: the step recorder, the checks cases make (errors,
 * states, lists) and the resources a case holds until it ends.  Every check
 * that fails writes one precise line into the shared result. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <fnmatch.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conform.h"
#include "netstore.h"

#define VRC_ARRAY_GROW 16
#define VRC_TEST_HOOK_ENV "VIREO_CONFORM_TEST_HOOK"

/* Test hook for the runner's own tests (conformance/test-runner.sh):
 * VIREO_CONFORM_TEST_HOOK=CASE:STEP:ACTION makes case CASE, as step STEP
 * starts, hang (until --timeout), crash (SIGSEGV) or SKIP as if its call
 * were unsupported.  Unset, it does nothing. */
static void
vrcTestHook(vrcCtx *ctx)
{
    const char *hook = getenv(VRC_TEST_HOOK_ENV);
    size_t len;
    char action[16];
    int step;

    if (!hook || !ctx->tc)
        return;
    len = strlen(ctx->tc->name);
    if (strncmp(hook, ctx->tc->name, len) != 0 || hook[len] != ':' ||
        sscanf(hook + len + 1, "%d:%15s", &step, action) != 2 || step != ctx->res->step)
        return;
    if (strcmp(action, "hang") == 0) {
        for (;;)
            pause();
    } else if (strcmp(action, "segv") == 0) {
        raise(SIGSEGV);
    } else if (strcmp(action, "skip") == 0) {
        vrcSkip(ctx, "%.*s: not supported (test hook)",
                (int)strcspn(ctx->res->call, "("), ctx->res->call);
    }
}

void
vrcStep(vrcCtx *ctx, const char *fmt, ...)
{
    va_list ap;

    ctx->res->step++;
    va_start(ap, fmt);
    vsnprintf(ctx->res->call, sizeof(ctx->res->call), fmt, ap);
    va_end(ap);
    virResetLastError();
    vrcTestHook(ctx);
}

static int
vrcSetResult(vrcCtx *ctx, int status, const char *fmt, va_list ap)
{
    /* The first verdict wins: cleanup code may not overwrite it. */
    if (ctx->res->status != VRC_NONE)
        return -1;
    ctx->res->status = status;
    ctx->res->failKind = status == VRC_FAIL ? VRC_FAILK_MISMATCH : VRC_FAILK_NONE;
    ctx->res->code = VIR_ERR_OK;
    vsnprintf(ctx->res->detail, sizeof(ctx->res->detail), fmt, ap);
    return -1;
}

int
vrcFail(vrcCtx *ctx, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vrcSetResult(ctx, VRC_FAIL, fmt, ap);
    va_end(ap);
    return -1;
}

int
vrcSkip(vrcCtx *ctx, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vrcSetResult(ctx, VRC_SKIP, fmt, ap);
    va_end(ap);
    return -1;
}

/* Name of the API function of the current step: its text up to '('. */
static void
vrcStepFunction(vrcCtx *ctx, char *out, size_t len)
{
    size_t n = strcspn(ctx->res->call, "(");

    if (n >= len)
        n = len - 1;
    memcpy(out, ctx->res->call, n);
    out[n] = '\0';
}

/* Records a FAIL of KIND; for KIND error or message, CODE is the error the
 * call reported.  Like vrcFail, the first verdict wins. */
static int
vrcFailAs(vrcCtx *ctx, int kind, int code, const char *fmt, ...)
{
    va_list ap;
    bool first = ctx->res->status == VRC_NONE;

    va_start(ap, fmt);
    vrcSetResult(ctx, VRC_FAIL, fmt, ap);
    va_end(ap);
    if (first) {
        ctx->res->failKind = kind;
        ctx->res->code = code;
    }
    return -1;
}

int
vrcCallFailed(vrcCtx *ctx)
{
    virErrorPtr err = virGetLastError();
    char fn[VRC_CALL_MAX];

    if (!err || err->code == VIR_ERR_OK)
        return vrcFailAs(ctx, VRC_FAILK_ERROR, VIR_ERR_OK,
                         "call failed without reporting an error");
    if (err->code == VIR_ERR_NO_SUPPORT) {
        vrcStepFunction(ctx, fn, sizeof(fn));
        return vrcSkip(ctx, "%s: not supported", fn);
    }
    return vrcFailAs(ctx, VRC_FAILK_ERROR, err->code, "%s: %s", vrcErrorName(err->code),
                     err->message ? err->message : "(no message)");
}

int
vrcCheckError(vrcCtx *ctx, bool failed, int code, const char *pattern)
{
    virErrorPtr err = virGetLastError();
    const char *msg;

    if (!failed)
        return vrcFailAs(ctx, VRC_FAILK_SUCCEEDED, VIR_ERR_OK,
                         "expected %s, but the call succeeded", vrcErrorName(code));
    if (!err || err->code == VIR_ERR_OK)
        return vrcFailAs(ctx, VRC_FAILK_ERROR, VIR_ERR_OK, "expected %s, but the call "
                         "failed without reporting an error", vrcErrorName(code));
    msg = err->message ? err->message : "";
    if (err->code == VIR_ERR_NO_SUPPORT && code != VIR_ERR_NO_SUPPORT)
        return vrcCallFailed(ctx);
    if (err->code != code)
        return vrcFailAs(ctx, VRC_FAILK_ERROR, err->code, "expected %s, got %s: %s",
                         vrcErrorName(code), vrcErrorName(err->code), msg);
    if (pattern && fnmatch(pattern, msg, FNM_NOESCAPE) != 0)
        return vrcFailAs(ctx, VRC_FAILK_MESSAGE, code, "%s: expected message '%s', got '%s'",
                         vrcErrorName(code), pattern, msg);
    return 0;
}

/* ---- resources ---- */

void
vrcKeepDomain(vrcCtx *ctx, virDomainPtr dom)
{
    if (ctx->ndoms == ctx->adoms) {
        ctx->adoms += VRC_ARRAY_GROW;
        ctx->doms = realloc(ctx->doms, ctx->adoms * sizeof(*ctx->doms));
        if (!ctx->doms)
            abort();
    }
    ctx->doms[ctx->ndoms++] = dom;
}

void *
vrcKeepMem(vrcCtx *ctx, void *ptr)
{
    if (ctx->nmem == ctx->amem) {
        ctx->amem += VRC_ARRAY_GROW;
        ctx->mem = realloc(ctx->mem, ctx->amem * sizeof(*ctx->mem));
        if (!ctx->mem)
            abort();
    }
    ctx->mem[ctx->nmem++] = ptr;
    return ptr;
}

void
vrcKeepConn(vrcCtx *ctx, virConnectPtr conn)
{
    if (ctx->nconns == ctx->aconns) {
        ctx->aconns += VRC_ARRAY_GROW;
        ctx->conns = realloc(ctx->conns, ctx->aconns * sizeof(*ctx->conns));
        if (!ctx->conns)
            abort();
    }
    ctx->conns[ctx->nconns++] = conn;
}

/* A second connection to the case's URI, closed after the case. */
virConnectPtr
vrcOpenExtra(vrcCtx *ctx, bool readonly)
{
    virConnectPtr conn;

    vrcStep(ctx, "%s(%s)", readonly ? "virConnectOpenReadOnly" : "virConnectOpen", ctx->uri);
    conn = readonly ? virConnectOpenReadOnly(ctx->uri) : virConnectOpen(ctx->uri);
    if (!conn) {
        vrcCallFailed(ctx);
        return NULL;
    }
    vrcKeepConn(ctx, conn);
    return conn;
}

const char *
vrcPrintf(vrcCtx *ctx, const char *fmt, ...)
{
    va_list ap;
    char *s = NULL;

    va_start(ap, fmt);
    if (vasprintf(&s, fmt, ap) < 0)
        abort();
    va_end(ap);
    return vrcKeepMem(ctx, s);
}

void
vrcReleaseAll(vrcCtx *ctx)
{
    size_t i;

    vrcEventsOff(ctx);
    vrcReleaseObjects(ctx);
    for (i = 0; i < ctx->ndoms; i++)
        virDomainFree(ctx->doms[i]);
    for (i = 0; i < ctx->nconns; i++)
        virConnectClose(ctx->conns[i]);
    for (i = 0; i < ctx->nmem; i++)
        free(ctx->mem[i]);
    free(ctx->doms);
    free(ctx->mem);
    free(ctx->conns);
    ctx->doms = NULL;
    ctx->mem = NULL;
    ctx->conns = NULL;
    ctx->ndoms = ctx->adoms = ctx->nmem = ctx->amem = ctx->nconns = ctx->aconns = 0;
}

/* ---- builders ---- */

const char *
vrcUuid(vrcCtx *ctx, unsigned int n)
{
    return vrcPrintf(ctx, VRC_UUID_FMT, n);
}

const char *
vrcXml(vrcCtx *ctx, const char *name, const char *uuid,
       unsigned long memKiB, unsigned int vcpus, const char *devices)
{
    return vrcPrintf(ctx,
                     "<domain type='test'>\n"
                     "  <name>%s</name>\n"
                     "%s%s%s"
                     "  <memory unit='KiB'>%lu</memory>\n"
                     "  <vcpu>%u</vcpu>\n"
                     "  <os><type>hvm</type></os>\n"
                     "%s%s%s"
                     "</domain>\n",
                     name,
                     uuid ? "  <uuid>" : "", uuid ? uuid : "", uuid ? "</uuid>\n" : "",
                     memKiB, vcpus,
                     devices ? "  <devices>" : "", devices ? devices : "",
                     devices ? "</devices>\n" : "");
}

const char *
vrcXmlSimple(vrcCtx *ctx, const char *name)
{
    return vrcXml(ctx, name, NULL, VRC_MEM_KIB, VRC_VCPUS, NULL);
}

virDomainPtr
vrcDefine(vrcCtx *ctx, const char *name, const char *xml)
{
    virDomainPtr dom;

    vrcStep(ctx, "virDomainDefineXML(%s)", name);
    if (!(dom = virDomainDefineXML(ctx->conn, xml ? xml : vrcXmlSimple(ctx, name)))) {
        vrcCallFailed(ctx);
        return NULL;
    }
    vrcKeepDomain(ctx, dom);
    return dom;
}

virDomainPtr
vrcCreateTransient(vrcCtx *ctx, const char *name, const char *xml)
{
    virDomainPtr dom;

    vrcStep(ctx, "virDomainCreateXML(%s)", name);
    if (!(dom = virDomainCreateXML(ctx->conn, xml ? xml : vrcXmlSimple(ctx, name), 0))) {
        vrcCallFailed(ctx);
        return NULL;
    }
    vrcKeepDomain(ctx, dom);
    return dom;
}

virDomainPtr
vrcStartPersistent(vrcCtx *ctx, const char *name)
{
    virDomainPtr dom = vrcDefine(ctx, name, NULL);

    if (!dom)
        return NULL;
    vrcStep(ctx, "virDomainCreate(%s)", name);
    if (virDomainCreate(dom) < 0) {
        vrcCallFailed(ctx);
        return NULL;
    }
    return dom;
}

virDomainPtr
vrcLookup(vrcCtx *ctx, const char *name)
{
    virDomainPtr dom;

    vrcStep(ctx, "virDomainLookupByName(%s)", name);
    if (!(dom = virDomainLookupByName(ctx->conn, name))) {
        vrcCallFailed(ctx);
        return NULL;
    }
    vrcKeepDomain(ctx, dom);
    return dom;
}

const char *
vrcSavePath(vrcCtx *ctx, const char *file)
{
    return vrcPrintf(ctx, "%s/%s", ctx->scratch, file);
}

/* Text between the first OPEN and the following CLOSE in XML. */
int
vrcXmlValue(vrcCtx *ctx, const char *xml, const char *open, const char *close,
            char *out, size_t len)
{
    const char *start = strstr(xml, open);
    const char *end;
    size_t n;

    if (!start)
        return vrcFail(ctx, "XML has no '%s'", open);
    start += strlen(open);
    if (!(end = strstr(start, close)))
        return vrcFail(ctx, "XML has no '%s' after '%s'", close, open);
    n = (size_t)(end - start);
    if (n >= len)
        n = len - 1;
    memcpy(out, start, n);
    out[n] = '\0';
    return 0;
}

/* ---- checks ---- */

int
vrcExpectState(vrcCtx *ctx, virDomainPtr dom, int state, int reason)
{
    int st = -1, rs = -1;
    const char *name = virDomainGetName(dom);

    vrcStep(ctx, "virDomainGetState(%s)", name ? name : "?");
    if (virDomainGetState(dom, &st, &rs, 0) < 0)
        return vrcCallFailed(ctx);
    if (st != state || rs != reason) {
        char want[VRC_CALL_MAX];

        snprintf(want, sizeof(want), "%s", vrcStateName(state, reason));
        return vrcFail(ctx, "expected %s, got %s", want, vrcStateName(st, rs));
    }
    return 0;
}

int
vrcExpectFlags(vrcCtx *ctx, virDomainPtr dom, int active, int persistent)
{
    int rc;

    vrcStep(ctx, "virDomainIsActive(%s)", virDomainGetName(dom));
    if ((rc = virDomainIsActive(dom)) < 0)
        return vrcCallFailed(ctx);
    if (rc != active)
        return vrcFail(ctx, "expected %d, got %d", active, rc);
    vrcStep(ctx, "virDomainIsPersistent(%s)", virDomainGetName(dom));
    if ((rc = virDomainIsPersistent(dom)) < 0)
        return vrcCallFailed(ctx);
    if (rc != persistent)
        return vrcFail(ctx, "expected %d, got %d", persistent, rc);
    return 0;
}

int
vrcExpectGone(vrcCtx *ctx, const char *name)
{
    virDomainPtr dom;
    int rc;

    vrcStep(ctx, "virDomainLookupByName(%s)", name);
    dom = virDomainLookupByName(ctx->conn, name);
    rc = vrcCheckError(ctx, dom == NULL, VIR_ERR_NO_DOMAIN, VRC_MSG_NO_DOMAIN);
    if (dom)
        virDomainFree(dom);
    return rc;
}

static int
vrcCompareNames(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorted, comma separated names of the conform-* domains listed with FLAGS. */
int
vrcListNames(vrcCtx *ctx, unsigned int flags, char *out, size_t outlen)
{
    virDomainPtr *doms = NULL;
    const char **names;
    int n, i, k = 0;
    size_t used = 0;

    vrcStep(ctx, "virConnectListAllDomains(flags=0x%x)", flags);
    if ((n = virConnectListAllDomains(ctx->conn, &doms, flags)) < 0)
        return vrcCallFailed(ctx);
    names = calloc((size_t)n + 1, sizeof(*names));
    for (i = 0; i < n; i++) {
        const char *name = virDomainGetName(doms[i]);

        if (name && strncmp(name, VRC_PREFIX, strlen(VRC_PREFIX)) == 0)
            names[k++] = name;
    }
    qsort(names, (size_t)k, sizeof(*names), vrcCompareNames);
    out[0] = '\0';
    for (i = 0; i < k; i++)
        used += (size_t)snprintf(out + used, used < outlen ? outlen - used : 0, "%s%s",
                                 i ? "," : "", names[i]);
    free(names);
    for (i = 0; i < n; i++)
        virDomainFree(doms[i]);
    free(doms);
    return k;
}

int
vrcExpectList(vrcCtx *ctx, unsigned int flags, const char *expected)
{
    char got[VRC_LIST_MAX];

    if (vrcListNames(ctx, flags, got, sizeof(got)) < 0)
        return -1;
    if (strcmp(got, expected) != 0)
        return vrcFail(ctx, "expected [%s], got [%s]", expected, got);
    return 0;
}

/* Destroys and undefines every conform-* domain on CONN.  Returns how many
 * could not be removed and names them in LEFTOVER. */
int
vrcCleanupDomains(virConnectPtr conn, char *leftover, size_t len)
{
    virDomainPtr *doms = NULL;
    int n, i, failed = 0;
    size_t used = 0;

    leftover[0] = '\0';
    if ((n = virConnectListAllDomains(conn, &doms, 0)) < 0) {
        snprintf(leftover, len, "cannot list domains");
        return 1;
    }
    for (i = 0; i < n; i++) {
        const char *name = virDomainGetName(doms[i]);
        bool gone = true;

        if (!name || strncmp(name, VRC_PREFIX, strlen(VRC_PREFIX)) != 0)
            continue;
        if (virDomainIsActive(doms[i]) == 1 && virDomainDestroy(doms[i]) < 0)
            gone = false;
        if (gone && virDomainIsPersistent(doms[i]) == 1) {
            if (virDomainHasManagedSaveImage(doms[i], 0) == 1)
                virDomainManagedSaveRemove(doms[i], 0);
            if (virDomainUndefine(doms[i]) < 0)
                gone = false;
        }
        if (!gone) {
            failed++;
            used += (size_t)snprintf(leftover + used, used < len ? len - used : 0, "%s%s",
                                     used ? ", " : "", name);
        }
    }
    for (i = 0; i < n; i++)
        virDomainFree(doms[i]);
    free(doms);
    return failed;
}
