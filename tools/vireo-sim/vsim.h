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
#define VS_SCENARIO_MAX_BYTES (1024 * 1024)
#define VS_SCENARIO_OPS_MAX 1000000
#define VS_STEPS_MAX 100000000ULL

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

/* ---- a run (main.c) ---- */

struct vsRun {
    virConnectPtr conn;
    guint64 seed;
    char *workdir;
    bool own_workdir;
    vsModel *model;
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
};

/* Record the first violation (later ones are dropped). */
void vsViolation(vsRun *run, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* ---- sources of operations (scenario.c, workload.c) ---- */

typedef struct {
    GPtrArray *ops;            /* vsOp * */
    vrSimFaultPlan *plan;      /* or NULL */
    GString *plan_text;        /* the plan as "# fault-line N RULE" header lines */
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

vsWorkload *vsWorkloadNew(guint64 seed);
void vsWorkloadFree(vsWorkload *w);
/* The next random operation (caller frees). */
vsOp *vsWorkloadNext(vsWorkload *w);

/* The fault plan used when none is given: every domain point now and then. */
extern const char vsDefaultPlan[];

#endif /* VR_VSIM_H */
