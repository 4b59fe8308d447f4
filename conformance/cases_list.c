/* conformance/cases_list.c: virConnectListAllDomains against a known set of
 * eight domains -- every filter flag alone and in combinations (OR within a
 * group, AND across groups), one case per row, plus counts and bad flags. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <stdio.h>
#include <string.h>

#include "conform.h"

#define L_ACTIVE VIR_CONNECT_LIST_DOMAINS_ACTIVE
#define L_INACTIVE VIR_CONNECT_LIST_DOMAINS_INACTIVE
#define L_PERSISTENT VIR_CONNECT_LIST_DOMAINS_PERSISTENT
#define L_TRANSIENT VIR_CONNECT_LIST_DOMAINS_TRANSIENT
#define L_RUNNING VIR_CONNECT_LIST_DOMAINS_RUNNING
#define L_PAUSED VIR_CONNECT_LIST_DOMAINS_PAUSED
#define L_SHUTOFF VIR_CONNECT_LIST_DOMAINS_SHUTOFF
#define L_OTHER VIR_CONNECT_LIST_DOMAINS_OTHER
#define L_MSAVE VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE
#define L_NO_MSAVE VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE
#define L_AUTO VIR_CONNECT_LIST_DOMAINS_AUTOSTART
#define L_NO_AUTO VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART
#define L_SNAP VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT
#define L_NO_SNAP VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT
#define L_CKPT VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT
#define L_NO_CKPT VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT

#define N_AUTO "conform-l-auto"
#define N_AUTORUN "conform-l-autorun"
#define N_OFF "conform-l-off"
#define N_PAUSED "conform-l-paused"
#define N_RUN "conform-l-run"
#define N_SAVED "conform-l-saved"
#define N_TPAUSED "conform-l-tpaused"
#define N_TRANS "conform-l-trans"
#define ALL N_AUTO "," N_AUTORUN "," N_OFF "," N_PAUSED "," N_RUN "," N_SAVED "," \
            N_TPAUSED "," N_TRANS

typedef struct {
    unsigned int flags;
    const char *expected;   /* sorted, comma separated */
} vrcListRow;

/* The known set: every combination of state, persistence, autostart and
 * managed save the filters distinguish. */
static int
vrcListSetup(vrcCtx *ctx)
{
    virDomainPtr d;

    VRC_NEED(d, vrcStartPersistent(ctx, N_RUN));
    VRC_NEED(d, vrcStartPersistent(ctx, N_AUTORUN));
    VRC_OK(ctx, virDomainSetAutostart(d, 1));
    VRC_NEED(d, vrcStartPersistent(ctx, N_PAUSED));
    VRC_OK(ctx, virDomainSuspend(d));
    VRC_NEED(d, vrcDefine(ctx, N_OFF, NULL));
    VRC_NEED(d, vrcDefine(ctx, N_AUTO, NULL));
    VRC_OK(ctx, virDomainSetAutostart(d, 1));
    VRC_NEED(d, vrcStartPersistent(ctx, N_SAVED));
    VRC_OK(ctx, virDomainManagedSave(d, 0));
    VRC_NEED(d, vrcCreateTransient(ctx, N_TRANS, NULL));
    VRC_NEED(d, vrcCreateTransient(ctx, N_TPAUSED, NULL));
    VRC_OK(ctx, virDomainSuspend(d));
    return 0;
}

static int
vrcListFilter(vrcCtx *ctx)
{
    const vrcListRow *row = ctx->tc->data;

    VRC_CHECK(vrcListSetup(ctx));
    VRC_LIST(ctx, row->flags, row->expected);
    return 0;
}

/* With a NULL list the call returns the count the full call would list. */
static int
vrcListCountOnly(vrcCtx *ctx)
{
    static const unsigned int flags[] = { 0, L_ACTIVE, L_INACTIVE, L_TRANSIENT, L_MSAVE };
    virDomainPtr *doms = NULL;
    size_t i;
    int n, count, k;

    VRC_CHECK(vrcListSetup(ctx));
    for (i = 0; i < VRC_COUNT(flags); i++) {
        VRC_SET(ctx, count, virConnectListAllDomains(ctx->conn, NULL, flags[i]));
        VRC_SET(ctx, n, virConnectListAllDomains(ctx->conn, &doms, flags[i]));
        for (k = 0; k < n; k++)
            virDomainFree(doms[k]);
        free(doms);
        doms = NULL;
        VRC_EXPECT(ctx, count == n, "flags 0x%x: count %d, list of %d", flags[i], count, n);
    }
    return 0;
}

/* Checks one handle of the PAUSED list: GetState must say paused.  Writes
 * the first problem into WHY (left alone when WHY already holds one). */
static void
vrcListHandleCheck(vrcCtx *ctx, virDomainPtr dom, char *why, size_t len)
{
    const char *name = virDomainGetName(dom);
    int state, reason;

    vrcStep(ctx, "virDomainGetState(%s)", name ? name : "(null)");
    if (why[0])
        return;
    if (virDomainGetState(dom, &state, &reason, 0) < 0) {
        virErrorPtr err = virGetLastError();

        snprintf(why, len, "%s listed as paused but GetState failed: %s", name,
                 err ? vrcErrorName(err->code) : "no error");
    } else if (state != VIR_DOMAIN_PAUSED) {
        snprintf(why, len, "%s listed as paused but GetState says %s", name,
                 vrcStateName(state, reason));
    }
}

/* The PAUSED filter returns exactly the two paused domains (persistent and
 * transient), and every handle it returns is usable and paused. */
static int
vrcListHandles(vrcCtx *ctx)
{
    virDomainPtr *doms = NULL;
    char why[VRC_DETAIL_MAX] = "";
    int n, k, ours = 0;

    VRC_CHECK(vrcListSetup(ctx));
    VRC_LIST(ctx, L_PAUSED, N_PAUSED "," N_TPAUSED);
    VRC_SET(ctx, n, virConnectListAllDomains(ctx->conn, &doms, L_PAUSED));
    for (k = 0; k < n; k++) {
        const char *name = virDomainGetName(doms[k]);

        vrcListHandleCheck(ctx, doms[k], why, sizeof(why));
        if (name && strncmp(name, VRC_PREFIX, strlen(VRC_PREFIX)) == 0)
            ours++;
    }
    if (!why[0] && ours != 2)
        snprintf(why, sizeof(why), "the handle list holds %d conform-* domains, expected 2",
                 ours);
    for (k = 0; k < n; k++)
        virDomainFree(doms[k]);
    free(doms);
    return why[0] ? vrcFail(ctx, "%s", why) : 0;
}

static int
vrcListBadFlag(vrcCtx *ctx)
{
    virDomainPtr *doms = NULL;

    VRC_ERR(ctx, virConnectListAllDomains(ctx->conn, &doms, 1U << 30), VIR_ERR_INVALID_ARG,
            "unsupported flags (0x40000000) in function *");
    VRC_EXPECT(ctx, doms == NULL, "the list pointer was written on failure");
    return 0;
}

static int
vrcListEmptyAfterCleanup(vrcCtx *ctx)
{
    VRC_LIST(ctx, 0, "");
    VRC_CHECK(vrcListSetup(ctx));
    VRC_LIST(ctx, 0, ALL);
    return 0;
}

#define VRC_LROW(name, fl, exp) static const vrcListRow vrcL_##name = { fl, exp }
VRC_LROW(all, 0, ALL);
VRC_LROW(active, L_ACTIVE, N_AUTORUN "," N_PAUSED "," N_RUN "," N_TPAUSED "," N_TRANS);
VRC_LROW(inactive, L_INACTIVE, N_AUTO "," N_OFF "," N_SAVED);
VRC_LROW(persistent, L_PERSISTENT,
         N_AUTO "," N_AUTORUN "," N_OFF "," N_PAUSED "," N_RUN "," N_SAVED);
VRC_LROW(transient, L_TRANSIENT, N_TPAUSED "," N_TRANS);
VRC_LROW(running, L_RUNNING, N_AUTORUN "," N_RUN "," N_TRANS);
VRC_LROW(paused, L_PAUSED, N_PAUSED "," N_TPAUSED);
VRC_LROW(shutoff, L_SHUTOFF, N_AUTO "," N_OFF "," N_SAVED);
VRC_LROW(other, L_OTHER, "");
VRC_LROW(msave, L_MSAVE, N_SAVED);
VRC_LROW(noMsave, L_NO_MSAVE,
         N_AUTO "," N_AUTORUN "," N_OFF "," N_PAUSED "," N_RUN "," N_TPAUSED "," N_TRANS);
VRC_LROW(autostart, L_AUTO, N_AUTO "," N_AUTORUN);
VRC_LROW(noAutostart, L_NO_AUTO,
         N_OFF "," N_PAUSED "," N_RUN "," N_SAVED "," N_TPAUSED "," N_TRANS);
VRC_LROW(snapshot, L_SNAP, "");
VRC_LROW(noSnapshot, L_NO_SNAP, ALL);
VRC_LROW(checkpoint, L_CKPT, "");
VRC_LROW(noCheckpoint, L_NO_CKPT, ALL);
VRC_LROW(activeInactive, L_ACTIVE | L_INACTIVE, ALL);
VRC_LROW(persistentTransient, L_PERSISTENT | L_TRANSIENT, ALL);
VRC_LROW(allStates, L_RUNNING | L_PAUSED | L_SHUTOFF | L_OTHER, ALL);
VRC_LROW(autoBoth, L_AUTO | L_NO_AUTO, ALL);
VRC_LROW(msaveBoth, L_MSAVE | L_NO_MSAVE, ALL);
VRC_LROW(snapBoth, L_SNAP | L_NO_SNAP, ALL);
VRC_LROW(activePersistent, L_ACTIVE | L_PERSISTENT, N_AUTORUN "," N_PAUSED "," N_RUN);
VRC_LROW(activeTransient, L_ACTIVE | L_TRANSIENT, N_TPAUSED "," N_TRANS);
VRC_LROW(inactiveAutostart, L_INACTIVE | L_AUTO, N_AUTO);
VRC_LROW(runningPaused, L_RUNNING | L_PAUSED,
         N_AUTORUN "," N_PAUSED "," N_RUN "," N_TPAUSED "," N_TRANS);
VRC_LROW(persistentNoAuto, L_PERSISTENT | L_NO_AUTO, N_OFF "," N_PAUSED "," N_RUN "," N_SAVED);
VRC_LROW(transientPaused, L_TRANSIENT | L_PAUSED, N_TPAUSED);
VRC_LROW(inactiveMsave, L_INACTIVE | L_MSAVE, N_SAVED);
VRC_LROW(inactiveNoMsave, L_INACTIVE | L_NO_MSAVE, N_AUTO "," N_OFF);
VRC_LROW(activeAutoRunning, L_ACTIVE | L_AUTO | L_RUNNING, N_AUTORUN);
VRC_LROW(shutoffNoAutoNoMsave, L_SHUTOFF | L_NO_AUTO | L_NO_MSAVE, N_OFF);
VRC_LROW(pausedPersistentAuto, L_PAUSED | L_PERSISTENT | L_AUTO, "");
VRC_LROW(transientMsave, L_TRANSIENT | L_MSAVE, "");
#undef VRC_LROW

#define VRC_LIST_CASE(num, name, purpose, row) \
    { "domain/" num "-list-" name, "list", purpose, vrcListFilter, 0, &vrcL_##row }

const vrcCase vrcCasesList[] = {
    VRC_LIST_CASE("700", "all", "no flags lists every domain", all),
    VRC_LIST_CASE("701", "active", "ACTIVE: running and paused domains", active),
    VRC_LIST_CASE("702", "inactive", "INACTIVE: shut-off definitions", inactive),
    VRC_LIST_CASE("703", "persistent", "PERSISTENT: defined domains", persistent),
    VRC_LIST_CASE("704", "transient", "TRANSIENT: domains without definition", transient),
    VRC_LIST_CASE("705", "running", "RUNNING: running domains only", running),
    VRC_LIST_CASE("706", "paused", "PAUSED: paused domains only", paused),
    VRC_LIST_CASE("707", "shutoff", "SHUTOFF: shut-off domains", shutoff),
    VRC_LIST_CASE("708", "other", "OTHER: none of the known set", other),
    VRC_LIST_CASE("709", "managedsave", "MANAGEDSAVE: the domain with an image", msave),
    VRC_LIST_CASE("710", "no-managedsave", "NO_MANAGEDSAVE: all others", noMsave),
    VRC_LIST_CASE("711", "autostart", "AUTOSTART: autostart domains", autostart),
    VRC_LIST_CASE("712", "no-autostart", "NO_AUTOSTART: all others, transients included",
                  noAutostart),
    VRC_LIST_CASE("713", "has-snapshot", "HAS_SNAPSHOT: none", snapshot),
    VRC_LIST_CASE("714", "no-snapshot", "NO_SNAPSHOT: every domain", noSnapshot),
    VRC_LIST_CASE("715", "has-checkpoint", "HAS_CHECKPOINT: none", checkpoint),
    VRC_LIST_CASE("716", "no-checkpoint", "NO_CHECKPOINT: every domain", noCheckpoint),
    VRC_LIST_CASE("720", "active-inactive", "ACTIVE|INACTIVE: every domain", activeInactive),
    VRC_LIST_CASE("721", "persistent-transient", "PERSISTENT|TRANSIENT: every domain",
                  persistentTransient),
    VRC_LIST_CASE("722", "all-states", "RUNNING|PAUSED|SHUTOFF|OTHER: every domain",
                  allStates),
    VRC_LIST_CASE("723", "autostart-both", "AUTOSTART|NO_AUTOSTART: every domain", autoBoth),
    VRC_LIST_CASE("724", "managedsave-both", "MANAGEDSAVE|NO_MANAGEDSAVE: every domain",
                  msaveBoth),
    VRC_LIST_CASE("725", "snapshot-both", "HAS_SNAPSHOT|NO_SNAPSHOT: every domain", snapBoth),
    VRC_LIST_CASE("726", "active-persistent", "ACTIVE and PERSISTENT", activePersistent),
    VRC_LIST_CASE("727", "active-transient", "ACTIVE and TRANSIENT", activeTransient),
    VRC_LIST_CASE("728", "inactive-autostart", "INACTIVE and AUTOSTART", inactiveAutostart),
    VRC_LIST_CASE("729", "running-paused", "RUNNING|PAUSED", runningPaused),
    VRC_LIST_CASE("730", "persistent-no-autostart", "PERSISTENT and NO_AUTOSTART",
                  persistentNoAuto),
    VRC_LIST_CASE("731", "transient-paused", "TRANSIENT and PAUSED", transientPaused),
    VRC_LIST_CASE("732", "inactive-managedsave", "INACTIVE and MANAGEDSAVE", inactiveMsave),
    VRC_LIST_CASE("733", "inactive-no-managedsave", "INACTIVE and NO_MANAGEDSAVE",
                  inactiveNoMsave),
    VRC_LIST_CASE("734", "active-autostart-running", "ACTIVE and AUTOSTART and RUNNING",
                  activeAutoRunning),
    VRC_LIST_CASE("735", "shutoff-no-autostart-no-managedsave",
                  "SHUTOFF and NO_AUTOSTART and NO_MANAGEDSAVE", shutoffNoAutoNoMsave),
    VRC_LIST_CASE("736", "paused-persistent-autostart",
                  "PAUSED and PERSISTENT and AUTOSTART: empty", pausedPersistentAuto),
    VRC_LIST_CASE("737", "transient-managedsave", "TRANSIENT and MANAGEDSAVE: empty",
                  transientMsave),
    { "domain/740-list-count-only", "list",
      "a NULL list returns the count the full call lists", vrcListCountOnly },
    { "domain/741-list-handles", "list",
      "listed handles are usable and in the promised state", vrcListHandles },
    { "domain/742-list-bad-flag", "list",
      "an unknown flag fails with VIR_ERR_INVALID_ARG, list untouched", vrcListBadFlag },
    { "domain/743-list-clean-start", "list",
      "a case starts with no conform-* domain and sees exactly what it made",
      vrcListEmptyAfterCleanup },
};
const size_t vrcCasesListCount = VRC_COUNT(vrcCasesList);
