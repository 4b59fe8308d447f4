/* conformance/runner.c: runs one case in a forked child (so a crash or a hang
 * is that case's FAIL), cleans up conform-* objects after it, and checks the
 * node before the run.  The child opens its own connection. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "runner.h"
#include "netstore.h"

#ifndef VIREO_CONFORM_VIREO
# define VIREO_CONFORM_VIREO 0
#endif

#define VRC_SCRATCH_TEMPLATE "/tmp/vireo-conform-XXXXXX"
#define VRC_NFTW_FDS 16

static void
vrcQuietErrors(void *opaque, virErrorPtr err)
{
    /* Errors are read with virGetLastError; nothing is printed. */
}

static void
vrcConnectFailed(const char *uri)
{
    virErrorPtr err = virGetLastError();

    fprintf(stderr, "vireo-conform: cannot connect to %s: %s: %s\n", uri,
            err ? vrcErrorName(err->code) : "no error",
            err && err->message ? err->message : "(no message)");
}

/* Removes every conform-* domain, network and pool on CONN; returns how
 * many could not be removed, named in LEFTOVER. */
static int
vrcCleanupAll(virConnectPtr conn, char *leftover, size_t len)
{
    int failed = vrcCleanupDomains(conn, leftover, len);

    return failed + vrcCleanupNetStorage(conn, leftover, len);
}

/* Refuses to run over conform-* objects left by someone else, unless
 * --force, in which case they are removed first. */
int
vrcPreflight(const vrcOptions *opts)
{
    virConnectPtr conn;
    char found[VRC_LIST_MAX] = "";
    char leftover[VRC_LIST_MAX];
    vrcResult res = { 0 };
    vrcCtx ctx = { .res = &res };
    int n, rc = 0;

    virSetErrorFunc(NULL, vrcQuietErrors);
    if (!(conn = virConnectOpen(opts->uri))) {
        vrcConnectFailed(opts->uri);
        return -1;
    }
    ctx.conn = conn;
    if ((n = vrcListNames(&ctx, 0, found, sizeof(found))) >= 0)
        n += vrcFindNetStorage(conn, found, sizeof(found));
    if (n < 0) {
        fprintf(stderr, "vireo-conform: cannot list domains on %s: %s\n", opts->uri,
                res.detail);
        rc = -1;
    } else if (n > 0 && !opts->force) {
        fprintf(stderr, "vireo-conform: refusing to start: %s objects exist on %s: %s\n"
                "vireo-conform: remove them, or pass --force to have them removed\n",
                VRC_PREFIX "*", opts->uri, found);
        rc = -1;
    } else if (n > 0 && vrcCleanupAll(conn, leftover, sizeof(leftover)) > 0) {
        fprintf(stderr, "vireo-conform: --force: cannot remove %s\n", leftover);
        rc = -1;
    }
    virConnectClose(conn);
    return rc;
}

/* The body of a case, in the child (or inline with --no-fork). */
static void
vrcCaseBody(const vrcOptions *opts, const vrcCase *tc, const char *scratch,
            vrcResult *res)
{
    static bool eventImpl;
    vrcCtx ctx = { .uri = opts->uri, .tc = tc, .scratch = scratch, .res = res };
    char leftover[VRC_LIST_MAX];
    int rc;

    virSetErrorFunc(NULL, vrcQuietErrors);
    if ((tc->flags & VRC_CASE_VIREO_ONLY) && !VIREO_CONFORM_VIREO) {
        vrcSkip(&ctx, "vireo-only case: the call would use a freed handle on this library");
        return;
    }
    if ((tc->flags & VRC_CASE_EVENTS) && !eventImpl) {
        vrcStep(&ctx, "virEventRegisterDefaultImpl()");
        if (virEventRegisterDefaultImpl() < 0) {
            vrcCallFailed(&ctx);
            return;
        }
        eventImpl = true;
    }
    vrcStep(&ctx, "virConnectOpen(%s)", opts->uri);
    if (!(ctx.conn = virConnectOpen(opts->uri))) {
        vrcCallFailed(&ctx);
        return;
    }
    rc = tc->func(&ctx);
    if (rc == 0 && res->status == VRC_NONE)
        res->status = VRC_PASS;
    else if (res->status == VRC_NONE)
        vrcFail(&ctx, "case failed without giving a reason");
    vrcReleaseAll(&ctx);
    if (vrcCleanupAll(ctx.conn, leftover, sizeof(leftover)) > 0 &&
        res->status == VRC_PASS) {
        res->status = VRC_NONE;
        vrcFail(&ctx, "cleanup could not remove %s", leftover);
    }
    virConnectClose(ctx.conn);
}

static void
vrcCleanupAfterCrash(const vrcOptions *opts)
{
    virConnectPtr conn;
    char leftover[VRC_LIST_MAX];

    if (!(conn = virConnectOpen(opts->uri)))
        return;
    if (vrcCleanupAll(conn, leftover, sizeof(leftover)) > 0)
        fprintf(stderr, "vireo-conform: cleanup after a crash left %s\n", leftover);
    virConnectClose(conn);
}

/* Turns a child's wait status into the verdict when the child did not
 * give a clean one. */
static bool
vrcJudgeExit(const vrcOptions *opts, int wstatus, vrcResult *res)
{
    char why[VRC_DETAIL_MAX];

    if (WIFSIGNALED(wstatus) && WTERMSIG(wstatus) == SIGALRM)
        snprintf(why, sizeof(why), "timed out after %d s", opts->timeoutSec);
    else if (WIFSIGNALED(wstatus))
        snprintf(why, sizeof(why), "crashed: signal %d (%s)", WTERMSIG(wstatus),
                 strsignal(WTERMSIG(wstatus)));
    else if (WEXITSTATUS(wstatus) != 0)
        snprintf(why, sizeof(why), "case process exited with status %d "
                 "(verdict was %s%s%.1900s)", WEXITSTATUS(wstatus),
                 res->status == VRC_PASS ? "PASS" : res->status == VRC_SKIP ? "SKIP" :
                 res->status == VRC_FAIL ? "FAIL" : "none",
                 res->detail[0] ? ": " : "", res->detail);
    else if (res->status == VRC_NONE)
        snprintf(why, sizeof(why), "case process ended without a verdict");
    else
        return false;
    res->status = VRC_FAIL;
    res->failKind = VRC_FAILK_CRASH;
    res->code = VIR_ERR_OK;
    snprintf(res->detail, sizeof(res->detail), "%s", why);
    return true;
}

static double
vrcNow(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
vrcRunCase(const vrcOptions *opts, const vrcCase *tc, const char *scratch,
           vrcOutcome *out)
{
    vrcResult *res;
    double start = vrcNow();
    int wstatus = 0;
    pid_t pid;

    res = mmap(NULL, sizeof(*res), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
               -1, 0);
    if (res == MAP_FAILED) {
        perror("vireo-conform: mmap");
        return -1;
    }
    memset(res, 0, sizeof(*res));
    if (opts->noFork) {
        vrcCaseBody(opts, tc, scratch, res);
    } else {
        fflush(stdout);
        fflush(stderr);
        if ((pid = fork()) < 0) {
            perror("vireo-conform: fork");
            munmap(res, sizeof(*res));
            return -1;
        }
        if (pid == 0) {
            alarm((unsigned int)opts->timeoutSec);
            vrcCaseBody(opts, tc, scratch, res);
            exit(0);
        }
        while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
            ;
        if (vrcJudgeExit(opts, wstatus, res))
            vrcCleanupAfterCrash(opts);
    }
    out->tc = tc;
    out->res = *res;
    out->seconds = vrcNow() - start;
    munmap(res, sizeof(*res));
    return 0;
}

char *
vrcScratchCreate(void)
{
    char *dir = strdup(VRC_SCRATCH_TEMPLATE);

    if (!dir || !mkdtemp(dir)) {
        perror("vireo-conform: mkdtemp");
        free(dir);
        return NULL;
    }
    return dir;
}

static int
vrcRemoveEntry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    remove(path);
    return 0;
}

void
vrcScratchRemove(const char *dir)
{
    nftw(dir, vrcRemoveEntry, VRC_NFTW_FDS, FTW_DEPTH | FTW_PHYS);
}
