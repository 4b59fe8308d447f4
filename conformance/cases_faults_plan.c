/* conformance/cases_faults_plan.c: the faults group's plan cases -- each
 * trigger form (always, nth, every, prob, after with virtual time, limit,
 * target, slow and delay), overrides of code, domain and message, rule
 * order, determinism by seed, and malformed plans refused naming the line. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "faults.h"

#define VRC_DETERMINISM_CALLS 24        /* suspend attempts compared across nodes */
#define VRC_DETERMINISM_SEED 42ULL
#define VRC_SLOW_DEFINE_NS (10ULL * VRC_NS_PER_SEC)   /* the plan's delay=10s */
#define VRC_SHORT_DELAY_NS (5ULL * VRC_NS_PER_SEC)    /* the plan's delay=5s */
#define VRC_SIM_PID_BASE 4000           /* the sim's guest pid: 4000 + domain id */
#define VRC_MSG_LOCK_TIMEOUT "Timed out during operation: cannot acquire state change " \
    "lock (held by monitor=remoteDispatchDomainMemoryStats)"
#define VRC_MSG_SYNTAX "configuration file syntax error: fault plan '%s' %s"

/* One suspend of a running domain: FAIL says whether the plan fires (the
 * domain stays as it was) or not (it pauses, and is resumed). */
static int
vrcSuspendOnce(vrcCtx *ctx, virDomainPtr dom, bool fail)
{
    vrcDomSnap snap;

    if (fail) {
        VRC_CHECK(vrcFaultSnap(ctx, dom, &snap));
        VRC_FAULT(ctx, virDomainSuspend(dom), VIR_ERR_OPERATION_TIMEOUT, VIR_FROM_QEMU,
                  VRC_MSG_LOCK_TIMEOUT);
        VRC_SAME(ctx, dom, &snap);
        return 0;
    }
    VRC_OK(ctx, virDomainSuspend(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER);
    VRC_OK(ctx, virDomainResume(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNPAUSED);
    return 0;
}

/* Suspends DOM once per character of PATTERN ('x': the plan fires, '.':
 * it does not). */
static int
vrcSuspendSeq(vrcCtx *ctx, virDomainPtr dom, const char *pattern)
{
    size_t i;

    for (i = 0; pattern[i]; i++)
        VRC_CHECK(vrcSuspendOnce(ctx, dom, pattern[i] == 'x'));
    return 0;
}

static int
vrcSuspendPattern(vrcCtx *ctx, const char *pattern)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-f1", NULL));
    return vrcSuspendSeq(ctx, dom, pattern);
}

static int vrcTriggerAlways(vrcCtx *ctx) { return vrcSuspendPattern(ctx, "xxx"); }
static int vrcTriggerNth(vrcCtx *ctx) { return vrcSuspendPattern(ctx, "..x.."); }
static int vrcTriggerEvery(vrcCtx *ctx) { return vrcSuspendPattern(ctx, ".x.x.x"); }
static int vrcTriggerProbOne(vrcCtx *ctx) { return vrcSuspendPattern(ctx, "xxxx"); }
static int vrcTriggerLimit(vrcCtx *ctx) { return vrcSuspendPattern(ctx, "xx..."); }

/* after=1h: virtual time gets there through a slow resume that takes 2 h,
 * measured by the cpu time of a second running domain. */
static int
vrcTriggerAfter(vrcCtx *ctx, const char *pattern)
{
    unsigned long long t0, t1;
    virDomainPtr dom, clock;

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-f1", NULL));
    VRC_NEED(clock, vrcCreateTransient(ctx, "conform-clock", NULL));
    VRC_CHECK(vrcSuspendSeq(ctx, dom, ".."));
    VRC_CHECK(vrcFaultCpuTime(ctx, clock, &t0));
    VRC_OK(ctx, virDomainSuspend(dom));
    VRC_OK(ctx, virDomainResume(dom));
    VRC_CHECK(vrcFaultCpuTime(ctx, clock, &t1));
    VRC_CHECK(vrcFaultExpectElapsed(ctx, t0, t1, 2 * VRC_HOUR_NS,
                                    "the slow resume (2 h)"));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNPAUSED);
    return vrcSuspendSeq(ctx, dom, pattern);
}

/* after alone: every call once virtual time reaches T. */
static int vrcTriggerAfterAlone(vrcCtx *ctx) { return vrcTriggerAfter(ctx, "xxx"); }
/* after with nth=2: the calls before T are not counted. */
static int vrcTriggerAfterNth(vrcCtx *ctx) { return vrcTriggerAfter(ctx, ".x.."); }

static int
vrcTriggerTarget(vrcCtx *ctx)
{
    virDomainPtr d1, d2;
    vrcDomSnap snap;
    int i;

    VRC_NEED(d1, vrcDefine(ctx, "conform-f1", NULL));
    VRC_NEED(d2, vrcDefine(ctx, "conform-f2", NULL));
    VRC_CHECK(vrcFaultSnap(ctx, d2, &snap));
    for (i = 0; i < 2; i++) {
        VRC_FAULT(ctx, virDomainCreate(d2), VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU,
                  "internal error: process exited while connecting to monitor: *");
        VRC_SAME(ctx, d2, &snap);
        VRC_OK(ctx, virDomainCreate(d1));
        VRC_STATE(ctx, d1, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
        VRC_OK(ctx, virDomainDestroy(d1));
    }
    VRC_LIST(ctx, VIR_CONNECT_LIST_DOMAINS_ACTIVE, "");
    return 0;
}

/* slow delay=10s: the call succeeds and takes 10 virtual seconds. */
static int
vrcTriggerSlow(vrcCtx *ctx)
{
    unsigned long long t0, t1;
    virDomainPtr d1, d2, d3;

    VRC_NEED(d1, vrcCreateTransient(ctx, "conform-f1", NULL));
    VRC_CHECK(vrcFaultCpuTime(ctx, d1, &t0));
    VRC_NEED(d2, vrcDefine(ctx, "conform-f2", NULL));
    VRC_CHECK(vrcFaultCpuTime(ctx, d1, &t1));
    VRC_CHECK(vrcFaultExpectElapsed(ctx, t0, t1, VRC_SLOW_DEFINE_NS, "the slow define"));
    VRC_CHECK(vrcExpectFlags(ctx, d2, 0, 1));
    VRC_CHECK(vrcFaultCpuTime(ctx, d1, &t0));
    VRC_NEED(d3, vrcDefine(ctx, "conform-f3", NULL));
    VRC_CHECK(vrcFaultCpuTime(ctx, d1, &t1));
    VRC_CHECK(vrcFaultExpectElapsed(ctx, t0, t1, 0, "a define the rule does not target"));
    return 0;
}

/* delay=5s on a failing rule replaces the cause's 30 s. */
static int
vrcTriggerDelay(vrcCtx *ctx)
{
    unsigned long long t0, t1;
    virDomainPtr dom;

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-f1", NULL));
    VRC_CHECK(vrcFaultCpuTime(ctx, dom, &t0));
    VRC_FAULT(ctx, virDomainSuspend(dom), VIR_ERR_OPERATION_TIMEOUT, VIR_FROM_QEMU,
              VRC_MSG_LOCK_TIMEOUT);
    VRC_CHECK(vrcFaultCpuTime(ctx, dom, &t1));
    VRC_CHECK(vrcFaultExpectElapsed(ctx, t0, t1, VRC_SHORT_DELAY_NS, "the failed suspend"));
    VRC_CHECK(vrcFaultCpuTime(ctx, dom, &t0));
    VRC_FAULT(ctx, virDomainSuspend(dom), VIR_ERR_OPERATION_TIMEOUT, VIR_FROM_QEMU,
              VRC_MSG_LOCK_TIMEOUT);
    VRC_CHECK(vrcFaultCpuTime(ctx, dom, &t1));
    VRC_CHECK(vrcFaultExpectElapsed(ctx, t0, t1, VRC_DELAY_LOCK_NS,
                                    "the cause's own delay"));
    return 0;
}

static int
vrcOverride(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-f1", NULL));
    VRC_FAULT(ctx, virDomainSuspend(dom), VIR_ERR_OPERATION_FAILED, VIR_FROM_RPC,
              "operation failed: monitor of conform-f1 is gone");
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    VRC_FAULT(ctx, virDomainResume(dom), VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
              "internal error: domain 'conform-f1' not paused");
    VRC_OK(ctx, virDomainSuspend(dom));
    return 0;
}

static int
vrcPlaceholders(vrcCtx *ctx)
{
    const char *path = vrcSavePath(ctx, "conform-f1.save");
    virDomainPtr dom;
    int id;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-f1"));
    id = (int)virDomainGetID(dom);
    VRC_FAULT(ctx, virDomainDestroy(dom), VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
              vrcPrintf(ctx, "cannot kill %d of conform-f1", VRC_SIM_PID_BASE + id));
    VRC_FAULT(ctx, virDomainSave(dom, path), VIR_ERR_OPERATION_FAILED, VIR_FROM_TEST,
              vrcPrintf(ctx, "operation failed: cannot write %s", path));
    VRC_FILES(ctx, ctx->scratch, "");
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    VRC_OK(ctx, virDomainSave(dom, path));
    VRC_OK(ctx, virDomainRestore(ctx->conn, path));
    VRC_OK(ctx, virDomainDestroy(dom));
    return 0;
}

/* Both rules see call 2; the first in plan order applies, and the second,
 * having counted it, does not fire later. */
static int
vrcFirstRuleWins(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-f1", NULL));
    VRC_CHECK(vrcSuspendOnce(ctx, dom, false));
    VRC_FAULT(ctx, virDomainSuspend(dom), VIR_ERR_OPERATION_FAILED, VIR_FROM_QEMU,
              "operation failed: first");
    VRC_CHECK(vrcSuspendOnce(ctx, dom, false));
    VRC_CHECK(vrcSuspendOnce(ctx, dom, false));
    return 0;
}

/* A call that is invalid anyway reports its own error and is not counted. */
static int
vrcRealErrorsFirst(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcDefine(ctx, "conform-f1", NULL));
    VRC_FAULT(ctx, virDomainSuspend(dom), VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
              "internal error: domain 'conform-f1' not running");
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_FAULT(ctx, virDomainCreate(dom), VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
              "internal error: Domain 'conform-f1' is already running");
    VRC_CHECK(vrcSuspendOnce(ctx, dom, true));
    VRC_CHECK(vrcSuspendOnce(ctx, dom, false));
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_FAULT(ctx, virDomainCreate(dom), VIR_ERR_SYSTEM_ERROR, VIR_FROM_QEMU,
              "Cannot check QEMU binary *");
    VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_DESTROYED);
    return 0;
}

/* The outcomes of CALLS suspends on a fresh node seeded SEED with PLAN, as
 * a string of 'x' (fired) and '.'. */
static int
vrcProbOutcomes(vrcCtx *ctx, unsigned long long seed, const char *plan, char *out)
{
    virConnectPtr orig = ctx->conn;
    virDomainPtr dom;
    int i, rc = -1;

    if (!(ctx->conn = vrcFaultConnect(ctx, plan, seed)))
        goto done;
    if (!(dom = vrcCreateTransient(ctx, "conform-f1", NULL)))
        goto done;
    for (i = 0; i < VRC_DETERMINISM_CALLS; i++) {
        vrcStep(ctx, "virDomainSuspend(conform-f1) #%d on seed %llu", i + 1, seed);
        if (virDomainSuspend(dom) < 0) {
            if (vrcCheckError(ctx, true, VIR_ERR_OPERATION_TIMEOUT, VRC_MSG_LOCK_TIMEOUT) < 0)
                goto done;
            out[i] = 'x';
            continue;
        }
        out[i] = '.';
        vrcStep(ctx, "virDomainResume(conform-f1)");
        if (virDomainResume(dom) < 0) {
            vrcCallFailed(ctx);
            goto done;
        }
    }
    out[i] = '\0';
    rc = 0;
 done:
    ctx->conn = orig;
    return rc;
}

static int
vrcDeterminism(vrcCtx *ctx)
{
    const char *plan = "domain.suspend prob=0.5\n";
    char a[VRC_DETERMINISM_CALLS + 1], b[VRC_DETERMINISM_CALLS + 1];
    char c[VRC_DETERMINISM_CALLS + 1];

    VRC_CHECK(vrcProbOutcomes(ctx, VRC_DETERMINISM_SEED, plan, a));
    VRC_CHECK(vrcProbOutcomes(ctx, VRC_DETERMINISM_SEED, plan, b));
    VRC_CHECK(vrcProbOutcomes(ctx, VRC_DETERMINISM_SEED + 1, plan, c));
    VRC_EXPECT(ctx, strcmp(a, b) == 0, "seed %llu: faults fired as [%s], then as [%s]",
               VRC_DETERMINISM_SEED, a, b);
    VRC_EXPECT(ctx, strchr(a, 'x') && strchr(a, '.'),
               "prob=0.5: expected some calls to fail and some to work, got [%s]", a);
    VRC_EXPECT(ctx, strcmp(a, c) != 0, "seeds %llu and %llu fired the same faults [%s]",
               VRC_DETERMINISM_SEED, VRC_DETERMINISM_SEED + 1, a);
    return 0;
}

/* A node with a plan is private: the case's own connection sees nothing. */
static int
vrcSeededPrivate(vrcCtx *ctx)
{
    virConnectPtr orig = ctx->conn;
    virConnectPtr conn;
    virDomainPtr dom, mine;

    VRC_NEED(conn, vrcFaultConnect(ctx, "domain.start nth=1\n", VRC_FAULT_SEED));
    vrcStep(ctx, "virDomainDefineXML(conform-f1) on the faulty node");
    if (!(dom = virDomainDefineXML(conn, vrcXmlSimple(ctx, "conform-f1"))))
        return vrcCallFailed(ctx);
    vrcKeepDomain(ctx, dom);
    VRC_LIST(ctx, 0, "");
    VRC_NEED(mine, vrcDefine(ctx, "conform-f1", NULL));
    VRC_OK(ctx, virDomainCreate(mine));
    ctx->conn = conn;
    VRC_FAULT(ctx, virDomainCreate(dom), VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU, NULL);
    ctx->conn = orig;
    return 0;
}

/* ---- malformed plans ---- */

static int
vrcBadPlan(vrcCtx *ctx)
{
    const vrcFaultRow *row = ctx->tc->data;
    const char *path = NULL;
    const char *uri = vrcFaultUri(ctx, row->plan, VRC_FAULT_SEED, &path);
    virConnectPtr conn;

    if (!uri)
        return -1;
    vrcStep(ctx, "virConnectOpen(%s)", uri);
    if ((conn = virConnectOpen(uri)))
        vrcKeepConn(ctx, conn);
    VRC_CHECK(vrcCheckError(ctx, conn == NULL, VIR_ERR_CONF_SYNTAX,
                            vrcPrintf(ctx, VRC_MSG_SYNTAX, path, row->expect)));
    VRC_CHECK(vrcFaultExpectFrom(ctx, VIR_FROM_TEST));
    unlink(path);
    return 0;
}

static int
vrcMissingPlan(vrcCtx *ctx)
{
    const char *path = vrcSavePath(ctx, "conform-absent.plan");
    const char *uri = vrcPrintf(ctx, "%.*s?faults=%s", (int)strcspn(ctx->uri, "?"),
                                ctx->uri, path);
    virConnectPtr conn;

    vrcStep(ctx, "virConnectOpen(%s)", uri);
    if ((conn = virConnectOpen(uri)))
        vrcKeepConn(ctx, conn);
    VRC_CHECK(vrcCheckError(ctx, conn == NULL, VIR_ERR_SYSTEM_ERROR,
                            vrcPrintf(ctx, "Failed to open file '%s': No such file or "
                                      "directory", path)));
    return 0;
}

static int
vrcBadSeed(vrcCtx *ctx)
{
    const char *uri = vrcPrintf(ctx, "%.*s?seed=abc", (int)strcspn(ctx->uri, "?"), ctx->uri);
    virConnectPtr conn;

    vrcStep(ctx, "virConnectOpen(%s)", uri);
    if ((conn = virConnectOpen(uri)))
        vrcKeepConn(ctx, conn);
    VRC_CHECK(vrcCheckError(ctx, conn == NULL, VIR_ERR_INVALID_ARG,
                            "*invalid value 'abc' for URI parameter 'seed'*"));
    return 0;
}

#define VRC_BAD(num, name, purpose, plan, tail) \
    VRC_BAD_PLAN_ROW(num, "plan-" name, purpose, plan, vrcBadPlan, tail)

const vrcCase vrcCasesFaultsPlan[] = {
    VRC_FAULT_ROW("100", "trigger-always", 0, "always: every suspend fails, the domain runs on",
                  "domain.suspend always\n", vrcTriggerAlways),
    VRC_FAULT_ROW("101", "trigger-nth", 0, "nth=3: only the third suspend fails",
                  "domain.suspend nth=3\n", vrcTriggerNth),
    VRC_FAULT_ROW("102", "trigger-every", 0, "every=2: the 2nd, 4th and 6th suspends fail",
                  "domain.suspend every=2\n", vrcTriggerEvery),
    VRC_FAULT_ROW("103", "trigger-prob-one", 0, "prob=1: every suspend fails",
                  "domain.suspend prob=1\n", vrcTriggerProbOne),
    VRC_FAULT_ROW("104", "trigger-limit", 0, "always limit=2: two suspends fail, then none",
                  "domain.suspend always limit=2\n", vrcTriggerLimit),
    VRC_FAULT_ROW("105", "trigger-after", 0,
                  "after=1h alone: suspends work until a slow 2 h resume moves virtual time "
                  "past 1 h, then every one fails",
                  "domain.suspend after=1h\ndomain.resume nth=3 slow delay=2h\n",
                  vrcTriggerAfterAlone),
    VRC_FAULT_ROW("106", "trigger-after-nth", 0,
                  "after=1h nth=2: calls before 1 h are not counted; the 2nd one after fails",
                  "domain.suspend after=1h nth=2\ndomain.resume nth=3 slow delay=2h\n",
                  vrcTriggerAfterNth),
    VRC_FAULT_ROW("107", "trigger-target", 0,
                  "target=NAME: only that domain's starts fail; the other starts every time",
                  "domain.start always target=conform-f2\n", vrcTriggerTarget),
    VRC_FAULT_ROW("108", "trigger-slow", 0,
                  "slow delay=10s: the define succeeds and takes 10 virtual seconds; an "
                  "untargeted define takes none",
                  "domain.define always slow delay=10s target=conform-f2\n", vrcTriggerSlow),
    VRC_FAULT_ROW("109", "trigger-delay", 0,
                  "delay=5s on a failing rule: 5 virtual seconds instead of the cause's 30 s",
                  "domain.suspend nth=1 delay=5s\ndomain.suspend nth=2\n", vrcTriggerDelay),
    VRC_FAULT_ROW("120", "override-code-from-message", 0,
                  "code=, from= and message= with {dom} replace the cause's error",
                  "domain.suspend nth=1 code=VIR_ERR_OPERATION_FAILED from=VIR_FROM_RPC "
                  "message=\"monitor of {dom} is gone\"\n"
                  "domain.resume always\n", vrcOverride),
    VRC_FAULT_ROW("121", "override-placeholders", 0,
                  "{pid} and {path} in messages; a code given by number; no errno appended",
                  "domain.destroy nth=1 message=\"cannot kill {pid} of {dom}\"\n"
                  "domain.save nth=1 code=9 message=\"cannot write {path}\"\n",
                  vrcPlaceholders),
    VRC_FAULT_ROW("122", "first-rule-wins", 0,
                  "two rules fire on one call: the first in plan order applies, both count it",
                  "domain.suspend nth=2 code=VIR_ERR_OPERATION_FAILED message=first\n"
                  "domain.suspend nth=2 message=second\n", vrcFirstRuleWins),
    VRC_FAULT_ROW("123", "real-errors-first", 0,
                  "an invalid call reports its own error and the plan does not count it",
                  "domain.suspend nth=1\ndomain.start nth=2 cause=no-emulator\n",
                  vrcRealErrorsFirst),
    VRC_FAULT_ROW("130", "determinism", 0,
                  "prob=0.5: the same seed fires the same faults on a fresh node; another "
                  "seed differs", NULL, vrcDeterminism),
    VRC_FAULT_ROW("131", "seeded-node-private", 0,
                  "a node opened with a plan is private: other connections do not see it",
                  NULL, vrcSeededPrivate),
    VRC_BAD("150", "unknown-word", "an unknown word: CONF_SYNTAX naming the file and line 3",
            "# a plan with a typo\n\ndomain.start sometimes\n",
            "line 3: unknown word 'sometimes' (expected always, slow or KEY=VALUE)"),
    VRC_BAD("151", "unknown-point", "an unknown fault point, the known ones listed",
            "domain.start nth=1\ndomain.explode always\n",
            "line 2: unknown fault point 'domain.explode' (known: domain.start, *)"),
    VRC_BAD("152", "unknown-cause", "an unknown cause, the point's causes listed",
            "domain.start always cause=oops\n",
            "line 1: unknown cause 'oops' for domain.start (known: oom, no-emulator)"),
    VRC_BAD("153", "bad-prob", "prob outside (0, 1]", "domain.save prob=1.5\n",
            "line 1: invalid value '1.5' for 'prob': expected a number greater than 0 "
            "and at most 1"),
    VRC_BAD("154", "no-trigger", "a rule without a trigger", "\ndomain.destroy limit=2\n",
            "line 2: domain.destroy has no trigger: give always, nth=N, every=N, prob=P "
            "or after=T"),
    VRC_BAD("155", "two-triggers", "two triggers on one rule", "domain.suspend always nth=2\n",
            "line 1: more than one trigger at 'nth=2' (give one of always, nth=N, every=N, "
            "prob=P)"),
    VRC_BAD("156", "bad-duration", "a duration without a unit", "domain.shutdown after=10\n",
            "line 1: invalid duration '10' for 'after': expected an integer with a unit "
            "(ns, us, ms, s, m, h)"),
    VRC_BAD("157", "unterminated-quote", "an unterminated quoted message",
            "domain.resume always message=\"oops\n", "line 1: unterminated quoted string"),
    VRC_BAD("158", "crash-with-code", "guest.crash takes no error keys",
            "guest.crash always code=VIR_ERR_INTERNAL_ERROR\n",
            "line 1: guest.crash injects a crash, not an error: slow, code, from, message "
            "and delay do not apply"),
    VRC_BAD("159", "unknown-code", "an unknown error code", "domain.start always code=VIR_ERR_BOGUS\n",
            "line 1: unknown error code 'VIR_ERR_BOGUS' (expected VIR_ERR_... or its number)"),
    VRC_BAD("160", "nth-zero", "nth=0", "domain.start nth=0\n",
            "line 1: invalid value '0' for 'nth': expected an integer >= 1"),
    VRC_BAD("161", "slow-with-message", "a slow rule with a message",
            "domain.save always slow message=x\n",
            "line 1: a slow rule reports no error: code, from and message do not apply"),
    VRC_BAD("162", "key-twice", "a key given twice", "domain.start nth=1 nth=2\n",
            "line 1: 'nth' given twice"),
    VRC_BAD("163", "unknown-key", "an unknown key", "domain.start always when=now\n",
            "line 1: unknown key 'when' (known: nth, every, prob, after, limit, target, cause, "
            "code, from, message, delay)"),
    VRC_FAULT_ROW("170", "plan-missing-file", 0,
                  "a plan file that does not exist: SYSTEM_ERROR naming it", NULL,
                  vrcMissingPlan),
    VRC_FAULT_ROW("171", "bad-seed", 0, "a seed that is not a number refuses the connection",
                  NULL, vrcBadSeed),
};
const size_t vrcCasesFaultsPlanCount = VRC_COUNT(vrcCasesFaultsPlan);
