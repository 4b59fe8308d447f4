/* vireo-sim: runs scenario files, recorded traces or a random workload
 * against a private simulated node through the public API, checking the
 * node's invariants after every step.  What its parts share: operations,
 * their results, the run's state and the event model. */
#ifndef VR_VSIM_H
#define VR_VSIM_H

#include <stdbool.h>
#include <stdio.h>
#include <glib.h>

#include "sim/fault.h"
#include "vireo/vireo.h"

#define VS_TAIL_LINES 12             /* trace lines shown with a violation */
#define VS_CONVERGE_OPS_PER_DOMAIN 4 /* fault-off convergence bound, per domain */
#define VS_CONVERGE_OPS_PER_NETWORK 2
#define VS_CONVERGE_OPS_PER_POOL 7    /* + one download per volume */
#define VS_VOL_MAX_BYTES (16ULL * 1024 * 1024) /* a volume's capacity in scenarios */
#define VS_CONTENT_SWEEP_STEPS 1000   /* every volume's content checked this often */
#define VS_SCENARIO_MAX_BYTES (1024 * 1024)
#define VS_SCENARIO_OPS_MAX 1000000
#define VS_STEPS_MAX 100000000ULL
#define VS_STATEDIR_NAME "state"     /* the node's state directory, in the work dir */

/* ---- operations (ops.c) ---- */

typedef enum {
    VS_OP_DEFINE,
    VS_OP_CREATE,          /* transient: virDomainCreateXML */
    VS_OP_UNDEFINE,
    VS_OP_START,
    VS_OP_DESTROY,
    VS_OP_SHUTDOWN,
    VS_OP_REBOOT,
    VS_OP_SUSPEND,
    VS_OP_RESUME,
    VS_OP_SAVE,
    VS_OP_RESTORE,
    VS_OP_MANAGEDSAVE,
    VS_OP_CRASH,           /* the guest panics (sim control) */
    VS_OP_ADVANCE,         /* virtual time passes */
    VS_OP_FAULTS,          /* the fault plan on or off */
    VS_OP_EXPECT,          /* assert a domain's state */
    VS_OP_EXPECT_FILE,     /* assert a file is present or absent */
    VS_OP_RESTART,         /* the node closed and reopened on its state dir */
    VS_OP_EXPECT_STATE_FILE, /* assert a state directory file is present or absent */
    /* networks, pools and volumes (ops_store.c) */
    VS_OP_NET_DEFINE,
    VS_OP_NET_CREATE,
    VS_OP_NET_START,
    VS_OP_NET_DESTROY,
    VS_OP_NET_UNDEFINE,
    VS_OP_NET_AUTOSTART,
    VS_OP_NET_UPDATE,      /* a DHCP host added or deleted */
    VS_OP_POOL_DEFINE,
    VS_OP_POOL_CREATE,
    VS_OP_POOL_BUILD,
    VS_OP_POOL_START,
    VS_OP_POOL_DESTROY,
    VS_OP_POOL_DELETE,
    VS_OP_POOL_UNDEFINE,
    VS_OP_POOL_REFRESH,
    VS_OP_VOL_CREATE,
    VS_OP_VOL_CLONE,
    VS_OP_VOL_DELETE,
    VS_OP_VOL_RESIZE,
    VS_OP_VOL_WIPE,
    VS_OP_VOL_UPLOAD,
    VS_OP_VOL_DOWNLOAD,    /* content compared with the model */
    VS_OP_EXPECT_NET,
    VS_OP_EXPECT_POOL,
    VS_OP_EXPECT_VOL,
    VS_OP_LAST
} vsOpKind;

typedef struct {
    vsOpKind kind;
    char *name;            /* domain, or NULL */
    char *file;            /* save/restore/expect-file: relative to the work dir */
    char *word;            /* faults on|off, expect STATE, expect-file present|absent */
    guint64 ns;            /* advance */
    unsigned long mem_kib; /* define/create */
    unsigned int vcpus;
    char *uuid;            /* or NULL: generated */
    char *on_crash;        /* or NULL: destroy */
    bool paused;           /* start/create paused */
    /* volumes: name is the pool */
    char *vol;
    char *vol2;            /* vol-clone: the new volume */
    guint64 capacity;      /* vol-create, vol-resize (bytes) */
    guint64 allocation;    /* vol-create, when has_allocation */
    bool has_allocation;
    unsigned int resize_flags; /* VIR_STORAGE_VOL_RESIZE_* */
    guint64 offset;        /* vol-upload */
    guint64 length;
    unsigned int fill;     /* vol-upload: the byte pattern */
    bool abort_upload;     /* vol-upload: send half, then abort */
    unsigned int host;     /* net-update: the DHCP host number */
    /* the expected outcome ("=> ok", "=> error CODE [MESSAGE]") */
    bool has_expect;
    bool expect_ok;
    int expect_code;
    char *expect_message;  /* or NULL: any; "$WORKDIR" stands for the work dir */
} vsOp;

typedef struct {
    bool ok;
    int code;              /* virErrorNumber when !ok */
    char *message;         /* with the work dir as "$WORKDIR" */
} vsResult;

/* Parse an operation line; NULL with *error set (caller frees). */
vsOp *vsOpParse(const char *line, char **error);
/* The operation as a line vsOpParse reads back (without outcome). */
char *vsOpFormat(const vsOp *op);
void vsOpFree(vsOp *op);
void vsResultClear(vsResult *res);

typedef struct vsRun vsRun;

/* Run op against the node; fills res. */
void vsOpExec(vsRun *run, const vsOp *op, vsResult *res);

/* " word", quoted when it needs to be (vsOpParse reads it back). */
void vsAppendWord(GString *out, const char *word);

/* res from the last public call's outcome (rc < 0: its error). */
void vsCapture(vsRun *run, int rc, vsResult *res);

/* ---- networks, pools, volumes (ops_store.c) ---- */

bool vsStoreOpKind(vsOpKind kind);
/* Arguments after the verb: words[1..n). */
int vsStoreParseArgs(vsOp *op, char **words, guint n, char **error);
void vsStoreFormat(const vsOp *op, GString *out);
void vsStoreExec(vsRun *run, const vsOp *op, vsResult *res);

/* The byte at position pos of an upload with pattern fill. */
static inline guint8 vsFillByte(unsigned int fill, guint64 pos)
{
    return (guint8)(fill * 131u + pos * 7u + (pos >> 9) + (pos >> 17));
}

/* A volume's whole content, read through a download stream; NULL with
 * res holding the error. */
GByteArray *vsVolumeRead(vsRun *run, const char *pool, const char *vol, vsResult *res);

/* ---- the model and the invariants (model.c) ---- */

typedef struct vsModel vsModel;

vsModel *vsModelNew(void);
void vsModelFree(vsModel *model);

/* Start from the node as it is (before the first step). */
int vsModelInit(vsRun *run);

/* The lifecycle callback: replay one event into the model. */
int vsModelOnEvent(virConnectPtr conn, virDomainPtr dom, int event, int detail,
                   void *opaque);

/* The reboot callback: a guest restarted in place runs again. */
int vsModelOnReboot(virConnectPtr conn, virDomainPtr dom, void *opaque);

/* After a step: check every invariant (run->violation set on the first
 * broken one). */
void vsCheckStep(vsRun *run, const vsOp *op, const vsResult *res);

/* ---- networks, pools and volumes: model and invariants (model_store.c) ---- */

typedef struct vsStoreModel vsStoreModel;

vsStoreModel *vsStoreModelNew(void);
void vsStoreModelFree(vsStoreModel *model);
int vsStoreModelInit(vsRun *run);
void vsModelOnNetworkEvent(virConnectPtr conn, virNetworkPtr net, int event, int detail,
                           void *opaque);
void vsModelOnPoolEvent(virConnectPtr conn, virStoragePoolPtr pool, int event, int detail,
                        void *opaque);
void vsStoreCheckStep(vsRun *run, const vsOp *op, const vsResult *res);
/* expect-net / expect-pool / expect-vol */
void vsStoreExpect(vsRun *run, const vsOp *op);
/* Every volume's content against the model (convergence, sweeps). */
void vsStoreCheckAllContent(vsRun *run);
/* The node restarted: volume content is not kept, every volume reads as
 * zeros now (docs/simulation.md, "The state directory"). */
void vsStoreModelRestarted(vsRun *run);

/* ---- convergence after the fault-on phase (converge.c) ---- */

/* With faults off every object must be reachable and every operation must
 * succeed, within a bound. */
void vsConverge(vsRun *run);
/* Run op as one step (consumed); false after a violation. */
bool vsStepFree(vsRun *run, vsOp *op);
bool vsStep(vsRun *run, const vsOp *op, vsResult *res);

/* ---- the node: opening, restarting (node.c) ---- */

/* Open the run's node (seed, state dir, plan consumed), watch its events
 * and trace, and observe it.  -1 after printing why. */
int vsNodeOpen(vsRun *run, vrSimFaultPlan *plan);

/* Close the node: stop watching its events, then the last reference goes
 * (the state directory's lock with it); its faults join faults_closed. */
void vsNodeClose(vsRun *run);

/* The restart operation: every object checked before and after the node
 * is closed and opened again on its state directory. */
void vsNodeRestart(vsRun *run, vsResult *res);

/* The trace sink: every line of every node the run opens. */
void vsTraceLine(const char *line, void *opaque);

/* Append plan's rules to header as "# fault-line N RULE" lines (N the
 * rule's line in its file, RULE the line as written, without a CR): the
 * trace header a replay and a restart read the plan back from. */
void vsPlanRecord(const vrSimFaultPlan *plan, GString *header);

/* Where two texts first differ: "'LINE' became 'LINE'" (caller frees). */
char *vsFirstLineDiff(const char *a, const char *b);

/* ---- the state directory on disk (statefiles.c) ---- */

typedef struct vsStateFiles vsStateFiles;

vsStateFiles *vsStateFilesNew(void);
void vsStateFilesFree(vsStateFiles *files);

/* After a step: the files equal the node's objects, nothing else lies in
 * the directory, and a failed operation changed no file. */
void vsCheckStateFiles(vsRun *run, const vsOp *op, const vsResult *res);

/* An object name as the state directory spells it in file names: '%' ->
 * %25, '/' -> %2F, a leading '.' -> %2E (caller frees). */
char *vsStateEncode(const char *name);

/* rel is the status file of a domain that crashed during this step. */
bool vsModelCrashedFile(vsRun *run, const char *rel);

/* expect-state-file PATH present|absent */
void vsExpectStateFile(vsRun *run, const vsOp *op);

/* Whether dir (the state dir in a reused work dir) may be removed for a
 * fresh node: absent, empty, or an earlier run's node (its stamp).  -1
 * after printing why (a symbolic link, a file, other files in it). */
int vsStateDirCheck(const char *dir);

/* Remove dir and everything under it (best effort). */
void vsRemoveTree(const char *dir);

/* ---- a run (main.c) ---- */

/* Hooks for vireo-sim's own tests (docs/simulation.md): each breaks one
 * thing once, at the first step from N on where it can, so that the test
 * sees the invariant that must catch it do so.  N from the environment
 * variable named; 0: off. */
typedef struct {
    guint64 lose_event;        /* VIREO_SIM_TEST_LOSE_EVENT: a step's domain
                                * lifecycle events never reach the model */
    guint64 touch_state;       /* VIREO_SIM_TEST_TOUCH_STATE: a line appended to
                                * a domain definition file on disk */
    guint64 skew_pool;         /* VIREO_SIM_TEST_SKEW_POOL: a pool's allocation
                                * read one byte high (available one low) */
    guint64 dup_id;            /* VIREO_SIM_TEST_DUP_ID: an active domain's id
                                * read as another active domain's */
    bool event_lost, state_touched, pool_skewed, id_duped;
} vsTestHooks;

struct vsRun {
    virConnectPtr conn;
    guint64 seed;
    char *workdir;
    bool own_workdir;
    vsModel *model;
    vsStoreModel *store;
    bool faults_on;            /* the plan is switched on */
    bool has_plan;
    GString *plan_header;      /* the plan's rules, "# fault-line N RULE" lines */
    char *statedir;            /* the node's state directory, or NULL (--no-statedir) */
    vsStateFiles *state_files; /* what the state directory held after the last step */
    guint restarts;            /* restart operations that reopened the node */
    guint64 trace_hash;        /* FNV-1a over every trace line of every node */
    guint64 faults_closed;     /* faults fired by nodes closed by restarts */
    int event_ids[4];          /* network, pool, lifecycle and reboot callbacks */
    GByteArray *last_read;     /* vol-download: what it read */
    guint64 steps;             /* operations run */
    guint64 invariants;        /* individual checks made */
    char *violation;           /* the first broken invariant, or NULL */
    GQueue *tail;              /* the last VS_TAIL_LINES trace lines */
    FILE *trace_out;           /* --trace, or NULL */
    GPtrArray *replay_lines;   /* --replay: the recorded trace body, or NULL */
    guint replay_next;
    guint replay_offset;       /* file lines before the body */
    char *divergence;          /* first replay mismatch, or NULL */
    bool verbose;
    vsTestHooks hooks;
    guint step_events;         /* lifecycle event lines traced by this step */
};

/* True once, at the first step from `from` on (0: the hook is off) at which
 * the caller can act: it then sets *done. */
bool vsTestHookDue(const vsRun *run, guint64 from, bool *done, bool can_act);

/* Record the first violation (later ones are dropped). */
void vsViolation(vsRun *run, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* ---- sources of operations (scenario.c, workload.c) ---- */

typedef struct {
    GPtrArray *ops;            /* vsOp * */
    int statedir;              /* replay: the run had a state directory (1), had
                                * none (0), or the trace does not say (-1) */
    vrSimFaultPlan *plan;      /* or NULL */
    bool has_seed;
    guint64 seed;
    guint body_offset;         /* replay: file lines before the first body line */
} vsScript;

void vsScriptFree(vsScript *script);

/* A scenario file: operations with expected outcomes, `seed N` and
 * `fault RULE` lines.  NULL with *error set. */
vsScript *vsScenarioLoad(const char *path, char **error);

/* A trace written by --trace: its seed, plan and operations with the
 * recorded outcomes; *lines receives the trace body to compare. */
vsScript *vsReplayLoad(const char *path, GPtrArray **lines, char **error);

typedef struct vsWorkload vsWorkload;

/* restarts: draw restart operations too (the node has a state dir). */
vsWorkload *vsWorkloadNew(guint64 seed, bool restarts);
void vsWorkloadFree(vsWorkload *w);
/* The next random operation (caller frees). */
vsOp *vsWorkloadNext(vsWorkload *w);

/* The fault plan used when none is given: every fault point the node has,
 * now and then (caller frees). */
char *vsDefaultPlanText(void);

#endif /* VR_VSIM_H */
