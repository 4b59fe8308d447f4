/* conformance/conform.h: the case model of vireo-conform -- case table entries,
 * the per-case context with its step recorder, and the helpers and macros the
 * case files use.  Only libvirt's public API is used, so the suite builds
 * against vireo and against Debian's libvirt-dev alike. */
#ifndef VRC_CONFORM_H
#define VRC_CONFORM_H

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define VRC_PREFIX "conform-"          /* every object the suite creates */
#define VRC_MEM_KIB 1048576UL          /* default domain memory */
#define VRC_VCPUS 2U                   /* default domain vcpus */
#define VRC_CALL_MAX 512               /* step text kept for a report */
#define VRC_DETAIL_MAX 2048            /* failure detail kept for a report */
#define VRC_NAME_MAX 128               /* domain name kept by the event collector */
#define VRC_EVENTS_MAX 8192            /* events one case may collect */
#define VRC_EVENT_TICK_MS 20           /* event loop wake-up period */
#define VRC_EVENT_WAIT_TICKS 500       /* ticks to wait for expected events (10 s) */
#define VRC_EVENT_SETTLE_TICKS 5       /* ticks to watch for unexpected extra events */
#define VRC_LIST_MAX 4096              /* bytes of a rendered name list */
#define VRC_UUID_FMT "c0f0c0f0-0000-4000-8000-%012x"

typedef enum {
    VRC_NONE = 0,   /* still running (or crashed before it reported) */
    VRC_PASS,
    VRC_FAIL,
    VRC_SKIP,
} vrcStatus;

typedef enum {
    VRC_CASE_EVENTS = 1 << 0,       /* needs the default event loop before connecting */
    VRC_CASE_VIREO_ONLY = 1 << 1,   /* unsafe against libvirt; runs only against vireo */
} vrcCaseFlags;

typedef struct vrcCtx vrcCtx;
typedef struct vrcEvents vrcEvents;
typedef int (*vrcCaseFunc)(vrcCtx *ctx);

typedef struct {
    const char *name;       /* stable: "domain/060-persistent-lifecycle" */
    const char *group;      /* "lifecycle", "states", ... */
    const char *purpose;    /* one line */
    vrcCaseFunc func;
    unsigned int flags;     /* vrcCaseFlags */
    const void *data;       /* the row of a table-driven case */
} vrcCase;

/* What kind of failure a FAIL verdict is: a deviation file names it
 * (docs/conformance.md, "Deviations from libvirt"). */
typedef enum {
    VRC_FAILK_NONE = 0,
    VRC_FAILK_ERROR,        /* the step's call failed with `code` (not the one expected) */
    VRC_FAILK_SUCCEEDED,    /* the step's call succeeded where an error was expected */
    VRC_FAILK_MESSAGE,      /* the expected `code`, another message */
    VRC_FAILK_MISMATCH,     /* a result after the step differs from the expected one */
    VRC_FAILK_CRASH,        /* the case process crashed, hung or exited badly */
} vrcFailKind;

/* Written by the case process as it goes; lives in memory shared with the
 * runner so the last step is known even when the case crashes. */
typedef struct {
    int status;                     /* vrcStatus */
    int failKind;                   /* vrcFailKind, for VRC_FAIL */
    int code;                       /* virErrorNumber, for VRC_FAILK_ERROR and _MESSAGE */
    int step;
    char call[VRC_CALL_MAX];
    char detail[VRC_DETAIL_MAX];
} vrcResult;

struct vrcCtx {
    const char *uri;
    virConnectPtr conn;
    const vrcCase *tc;
    const char *scratch;            /* private directory for save images */
    vrcResult *res;
    virDomainPtr *doms;             /* handles released after the case */
    size_t ndoms, adoms;
    void **mem;                     /* strings released after the case */
    size_t nmem, amem;
    virConnectPtr *conns;           /* extra connections closed after the case */
    size_t nconns, aconns;
    vrcEvents *events;
    void *objs;                     /* networks, pools, volumes, streams (netstore.c) */
    size_t nobjs, aobjs;
};

typedef struct {
    int event;      /* virDomainEventType */
    int detail;     /* its detail enum */
} vrcEv;

/* Public functions a library may lack: meson sets VRC_HAVE_x to 0 when the
 * vireo headers do not declare x; cases needing it then SKIP, naming it. */
#ifndef VRC_HAVE_virDomainGetMaxVcpus
# define VRC_HAVE_virDomainGetMaxVcpus 1
#endif
#ifndef VRC_HAVE_virDomainGetVcpus
# define VRC_HAVE_virDomainGetVcpus 1
#endif
#ifndef VRC_HAVE_virDomainPinVcpu
# define VRC_HAVE_virDomainPinVcpu 1
#endif
#ifndef VRC_HAVE_virDomainCoreDump
# define VRC_HAVE_virDomainCoreDump 1
#endif
#ifndef VRC_HAVE_virDomainSendKey
# define VRC_HAVE_virDomainSendKey 1
#endif
#ifndef VRC_HAVE_virConnectDomainEventRegister
# define VRC_HAVE_virConnectDomainEventRegister 1
#endif
#define VRC_NOT_IN_API(ctx, fn) \
    vrcSkip((ctx), "%s: not supported (not in this library's API)", (fn))

/* Case tables, one per case file. */
extern const vrcCase vrcCasesLifecycle[];
extern const size_t vrcCasesLifecycleCount;
extern const vrcCase vrcCasesLookup[];
extern const size_t vrcCasesLookupCount;
extern const vrcCase vrcCasesStates[];
extern const size_t vrcCasesStatesCount;
extern const vrcCase vrcCasesXml[];
extern const size_t vrcCasesXmlCount;
extern const vrcCase vrcCasesSave[];
extern const size_t vrcCasesSaveCount;
extern const vrcCase vrcCasesEvents[];
extern const size_t vrcCasesEventsCount;
extern const vrcCase vrcCasesSetters[];
extern const size_t vrcCasesSettersCount;
extern const vrcCase vrcCasesList[];
extern const size_t vrcCasesListCount;
extern const vrcCase vrcCasesConcurrency[];
extern const size_t vrcCasesConcurrencyCount;
extern const vrcCase vrcCasesMisuse[];
extern const size_t vrcCasesMisuseCount;

/* ---- step recorder (helpers.c) ---- */
void vrcStep(vrcCtx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int vrcCallFailed(vrcCtx *ctx);
int vrcFail(vrcCtx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int vrcSkip(vrcCtx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int vrcCheckError(vrcCtx *ctx, bool failed, int code, const char *pattern);
const char *vrcErrorName(int code);
int vrcErrorCode(const char *name);
const char *vrcStateName(int state, int reason);
const char *vrcEventName(int event, int detail);

/* ---- resources released after the case ---- */
void vrcKeepDomain(vrcCtx *ctx, virDomainPtr dom);
void *vrcKeepMem(vrcCtx *ctx, void *ptr);
void vrcKeepConn(vrcCtx *ctx, virConnectPtr conn);
virConnectPtr vrcOpenExtra(vrcCtx *ctx, bool readonly);
const char *vrcPrintf(vrcCtx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void vrcReleaseAll(vrcCtx *ctx);

/* ---- domain builders and checks ---- */
const char *vrcUuid(vrcCtx *ctx, unsigned int n);
const char *vrcXml(vrcCtx *ctx, const char *name, const char *uuid,
                   unsigned long memKiB, unsigned int vcpus, const char *devices);
const char *vrcXmlSimple(vrcCtx *ctx, const char *name);
virDomainPtr vrcDefine(vrcCtx *ctx, const char *name, const char *xml);
virDomainPtr vrcCreateTransient(vrcCtx *ctx, const char *name, const char *xml);
virDomainPtr vrcStartPersistent(vrcCtx *ctx, const char *name);
virDomainPtr vrcLookup(vrcCtx *ctx, const char *name);
int vrcExpectState(vrcCtx *ctx, virDomainPtr dom, int state, int reason);
int vrcExpectGone(vrcCtx *ctx, const char *name);
int vrcExpectFlags(vrcCtx *ctx, virDomainPtr dom, int active, int persistent);
int vrcListNames(vrcCtx *ctx, unsigned int flags, char *out, size_t outlen);
int vrcExpectList(vrcCtx *ctx, unsigned int flags, const char *expected);
int vrcCleanupDomains(virConnectPtr conn, char *leftover, size_t len);
const char *vrcSavePath(vrcCtx *ctx, const char *file);
int vrcXmlValue(vrcCtx *ctx, const char *xml, const char *open, const char *close,
                char *out, size_t len);

/* ---- events (events.c) ---- */
int vrcEventsOn(vrcCtx *ctx, virDomainPtr dom);
int vrcEventsExpect(vrcCtx *ctx, const char *name, const vrcEv *seq, size_t n);
void vrcEventsOff(vrcCtx *ctx);
int vrcEventTick(void);

/* ---- macros: each records a step and leaves the case on failure ---- */
#define VRC_OK(ctx, call) \
    do { vrcStep((ctx), "%s", #call); \
         if ((call) < 0) return vrcCallFailed(ctx); } while (0)

#define VRC_SET(ctx, var, call) \
    do { vrcStep((ctx), "%s", #call); \
         if (((var) = (call)) < 0) return vrcCallFailed(ctx); } while (0)

#define VRC_DOM(ctx, var, call) \
    do { vrcStep((ctx), "%s", #call); \
         if (!((var) = (call))) return vrcCallFailed(ctx); \
         vrcKeepDomain((ctx), (var)); } while (0)

/* A pointer result the case releases itself (not tracked). */
#define VRC_GET(ctx, var, call) \
    do { vrcStep((ctx), "%s", #call); \
         if (!((var) = (call))) return vrcCallFailed(ctx); } while (0)

#define VRC_STR(ctx, var, call) \
    do { vrcStep((ctx), "%s", #call); \
         if (!((var) = (call))) return vrcCallFailed(ctx); \
         vrcKeepMem((ctx), (var)); } while (0)

/* The call must fail with CODE; PATTERN (fnmatch, may be NULL) must match
 * the message. */
#define VRC_ERR(ctx, call, code, pattern) \
    do { vrcStep((ctx), "%s", #call); \
         int vrc_rc_ = (int)(call); \
         if (vrcCheckError((ctx), vrc_rc_ < 0, (code), (pattern)) < 0) return -1; \
    } while (0)

#define VRC_ERR_DOM(ctx, call, code, pattern) \
    do { vrcStep((ctx), "%s", #call); \
         virDomainPtr vrc_d_ = (call); \
         int vrc_r_ = vrcCheckError((ctx), vrc_d_ == NULL, (code), (pattern)); \
         if (vrc_d_) virDomainFree(vrc_d_); \
         if (vrc_r_ < 0) return -1; \
    } while (0)

#define VRC_ERR_STR(ctx, call, code, pattern) \
    do { vrcStep((ctx), "%s", #call); \
         char *vrc_s_ = (call); \
         int vrc_r_ = vrcCheckError((ctx), vrc_s_ == NULL, (code), (pattern)); \
         free(vrc_s_); \
         if (vrc_r_ < 0) return -1; \
    } while (0)

#define VRC_EXPECT(ctx, cond, ...) \
    do { if (!(cond)) return vrcFail((ctx), __VA_ARGS__); } while (0)

#define VRC_EXPECT_INT(ctx, what, actual, expected) \
    do { long long vrc_a_ = (long long)(actual), vrc_e_ = (long long)(expected); \
         if (vrc_a_ != vrc_e_) \
             return vrcFail((ctx), "%s: expected %lld, got %lld", (what), vrc_e_, vrc_a_); \
    } while (0)

#define VRC_EXPECT_STR(ctx, what, actual, expected) \
    do { const char *vrc_a_ = (actual), *vrc_e_ = (expected); \
         if (!vrc_a_ || strcmp(vrc_a_, vrc_e_) != 0) \
             return vrcFail((ctx), "%s: expected '%s', got '%s'", (what), vrc_e_, \
                            vrc_a_ ? vrc_a_ : "(null)"); \
    } while (0)

/* The call's result must equal EXPECTED; a negative result (an int call) or
 * zero (an unsigned long call) is a failed call. */
#define VRC_EXPECT_RET(ctx, call, expected) \
    do { vrcStep((ctx), "%s", #call); \
         long long vrc_v_ = (long long)(call), vrc_e_ = (long long)(expected); \
         if (vrc_v_ < 0) return vrcCallFailed(ctx); \
         if (vrc_v_ != vrc_e_) \
             return vrcFail((ctx), "expected %lld, got %lld", vrc_e_, vrc_v_); \
    } while (0)

#define VRC_EXPECT_ULONG(ctx, call, expected) \
    do { vrcStep((ctx), "%s", #call); \
         unsigned long vrc_v_ = (call), vrc_e_ = (expected); \
         if (vrc_v_ == 0) return vrcCallFailed(ctx); \
         if (vrc_v_ != vrc_e_) \
             return vrcFail((ctx), "expected %lu, got %lu", vrc_e_, vrc_v_); \
    } while (0)

#define VRC_CHECK(expr) do { if ((expr) < 0) return -1; } while (0)
#define VRC_NEED(var, expr) do { if (!((var) = (expr))) return -1; } while (0)

#define VRC_STATE(ctx, dom, state, reason) VRC_CHECK(vrcExpectState((ctx), (dom), (state), (reason)))
#define VRC_GONE(ctx, name) VRC_CHECK(vrcExpectGone((ctx), (name)))
#define VRC_LIST(ctx, flags, expected) VRC_CHECK(vrcExpectList((ctx), (flags), (expected)))

#define VRC_EVENTS(ctx, name, ...) \
    do { const vrcEv vrc_seq_[] = { __VA_ARGS__ }; \
         VRC_CHECK(vrcEventsExpect((ctx), (name), vrc_seq_, \
                                   sizeof(vrc_seq_) / sizeof(vrc_seq_[0]))); \
    } while (0)
#define VRC_NO_EVENTS(ctx, name) VRC_CHECK(vrcEventsExpect((ctx), (name), NULL, 0))

#define VRC_COUNT(tbl) (sizeof(tbl) / sizeof((tbl)[0]))

/* Messages the test driver and vireo's sim report for a domain that is gone
 * or never existed; real drivers add a detail, hence the pattern. */
#define VRC_MSG_NO_DOMAIN "Domain not found*"

#endif /* VRC_CONFORM_H */
