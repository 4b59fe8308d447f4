/* vireo-sim: drive a private simulated node with a scenario file, a
 * recorded trace (--replay) or a random workload (--steps N --seed S),
 * check the invariants after every step, and end with a summary line.  The
 * seed is printed first; a violation prints the step and a command that
 * reproduces it. */
#include "vsim.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sim/control.h"
#include "sim/error_names.h"
#include "sim/save_image.h"

#define VS_DEFAULT_STEPS 1000
#define VS_EXIT_OK 0
#define VS_EXIT_FAILED 1
#define VS_EXIT_USAGE 2
#define VS_STEPS_UNSET G_MININT64
/* characters a word of the reproduce command may hold unquoted */
#define VS_SHELL_SAFE "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=+,@%-"
#define VS_FNV64_OFFSET 0xcbf29ce484222325ULL  /* the trace hash, as the node's */
#define VS_FNV64_PRIME 0x100000001b3ULL

typedef struct {
    char *seed_text;          /* --seed as given: parsed as a full 64-bit value */
    guint64 seed;
    gboolean has_seed;
    gint64 steps;             /* VS_STEPS_UNSET: not given */
    char *scenario;
    char *replay;
    char *faults;
    gboolean no_faults;
    gboolean no_statedir;
    char *trace;
    char *workdir;
    gboolean verbose;
} vsOptions;

void vsViolation(vsRun *run, const char *fmt, ...)
{
    va_list ap;

    if (run->violation)
        return;
    va_start(ap, fmt);
    run->violation = g_strdup_vprintf(fmt, ap);
    va_end(ap);
}

/* ---- the trace sink (runs with the node locked) ---- */

void vsTraceLine(const char *line, void *opaque)
{
    vsRun *run = opaque;
    const char *p;

    /* one hash over the lines of every node the run opens: with no
     * restart it equals the node's own */
    for (p = line; *p; p++)
        run->trace_hash = (run->trace_hash ^ (guchar)*p) * VS_FNV64_PRIME;
    run->trace_hash = (run->trace_hash ^ '\n') * VS_FNV64_PRIME;
    /* lifecycle events but the one of a redefinition, which changes no state */
    if (strstr(line, " event ") && strstr(line, " detail=") &&
        !strstr(line, " defined detail=1"))
        run->step_events++;
    g_queue_push_tail(run->tail, g_strdup(line));
    if (g_queue_get_length(run->tail) > VS_TAIL_LINES)
        g_free(g_queue_pop_head(run->tail));
    if (run->trace_out)
        fprintf(run->trace_out, "%s\n", line);
    if (!run->replay_lines || run->divergence)
        return;
    if (run->replay_next >= run->replay_lines->len)
        run->divergence = g_strdup_printf("trace line %u: the recorded trace ends, "
                                          "replayed '%s'",
                                          run->replay_offset + run->replay_lines->len + 1,
                                          line);
    else if (strcmp(g_ptr_array_index(run->replay_lines, run->replay_next), line) != 0)
        run->divergence = g_strdup_printf("trace line %u: recorded '%s', replayed '%s'",
                                          run->replay_offset + run->replay_next + 1,
                                          (char *)g_ptr_array_index(run->replay_lines,
                                                                    run->replay_next),
                                          line);
    run->replay_next++;
}

/* ---- one step ---- */

static char *vsResultText(const vsResult *res)
{
    if (res->ok)
        return g_strdup("ok");
    return g_strdup_printf("error %s: %s", vrSimErrorCodeName(res->code),
                           res->message ? res->message : "");
}

static void vsCheckExpectation(vsRun *run, const vsOp *op, const vsResult *res)
{
    g_autofree char *got = vsResultText(res);

    if (!op->has_expect)
        return;
    run->invariants++;
    if (op->expect_ok ? !res->ok
                      : (res->ok || res->code != op->expect_code ||
                         (op->expect_message &&
                          strcmp(op->expect_message, res->message) != 0)))
        vsViolation(run, "outcome: expected %s%s%s%s, got %s",
                    op->expect_ok ? "ok" : "error ",
                    op->expect_ok ? "" : vrSimErrorCodeName(op->expect_code),
                    op->expect_message ? ": " : "",
                    op->expect_message ? op->expect_message : "", got);
}

bool vsTestHookDue(const vsRun *run, guint64 from, bool *done, bool can_act)
{
    if (!from || *done || !can_act || run->steps < from)
        return false;
    *done = true;
    return true;
}

/* The test hook: drop this step's domain lifecycle events (delivered with
 * the model's callback away), once. */
static void vsLoseEvents(vsRun *run)
{
    if (!vsTestHookDue(run, run->hooks.lose_event, &run->hooks.event_lost,
                       run->step_events > 0))
        return;
    virConnectDomainEventDeregisterAny(run->conn, run->event_ids[2]);
    vrSimControlFlushEvents(run->conn);
    run->event_ids[2] = virConnectDomainEventRegisterAny(
        run->conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        VIR_DOMAIN_EVENT_CALLBACK(vsModelOnEvent), run, NULL);
}

/* Deliver every queued domain, network and pool event to the model's
 * callbacks now, in this thread. */
static void vsDrainEvents(vsRun *run)
{
    vsLoseEvents(run);
    vrSimControlFlushEvents(run->conn);
    vrSimControlFlushObjectEvents(run->conn);
}

/* Run op as one step: traced, executed with time moving, then observed. */
bool vsStep(vsRun *run, const vsOp *op, vsResult *res)
{
    g_autofree char *text = vsOpFormat(op);
    g_autofree char *result = NULL;

    vrSimControlObserve(run->conn, false);
    run->step_events = 0;
    vrSimControlNote(run->conn, "op", "%s", text);
    vsOpExec(run, op, res);
    if (!run->conn) {          /* a restart that could not open the node again */
        run->steps++;
        return false;
    }
    result = vsResultText(res);
    vrSimControlNote(run->conn, "result", "%s", result);
    vrSimControlObserve(run->conn, true);
    run->steps++;
    vsDrainEvents(run);
    if (run->verbose)
        printf("step %" G_GUINT64_FORMAT ": %s => %s\n", run->steps, text, result);
    /* a replay names the first trace line that differs, before what the
     * difference then breaks (a changed result line is an outcome too) */
    if (run->divergence)
        vsViolation(run, "replay: %s", run->divergence);
    vsCheckExpectation(run, op, res);
    vsCheckStep(run, op, res);
    return run->violation == NULL;
}

bool vsStepFree(vsRun *run, vsOp *op)
{
    vsResult res = { 0 };
    bool ok = vsStep(run, op, &res);

    vsResultClear(&res);
    vsOpFree(op);
    return ok;
}

/* ---- setup ---- */

/* The plan in path, read and checked exactly as a faults= URI parameter's
 * (size, NUL bytes, unreadable files, each line), or the built-in plan
 * (path NULL); its rules recorded in header.  NULL after printing why. */
static vrSimFaultPlan *vsPlanLoad(const char *path, GString *header)
{
    g_autoptr(vrSimFaultPlan) plan = NULL;
    g_autofree char *text = NULL;

    if (path) {
        plan = vrSimFaultPlanLoad(path);
    } else {
        text = vsDefaultPlanText();
        plan = vrSimFaultPlanNew();
        if (vrSimFaultPlanAddText(plan, text, "built-in plan") < 0)
            g_clear_pointer(&plan, vrSimFaultPlanFree);
    }
    if (!plan) {
        fprintf(stderr, "vireo-sim: %s\n", virGetLastErrorMessage());
        return NULL;
    }
    vsPlanRecord(plan, header);
    return g_steal_pointer(&plan);
}

static void vsWriteHeader(vsRun *run)
{
    if (!run->trace_out)
        return;
    fprintf(run->trace_out, "# vireo-sim trace 1\n# seed %" G_GUINT64_FORMAT "\n"
            "# statedir %s\n%s", run->seed, run->statedir ? "yes" : "no",
            run->plan_header->str);
}

/* A given work dir made ready for a run that starts afresh: created when
 * absent; what earlier runs left there -- the state directory, save images
 * -- removed.  Anything else in it refuses the run, and then nothing is
 * removed.  -1 after printing why. */
static int vsWorkdirPrepare(const char *workdir)
{
    g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *state = g_build_filename(workdir, VS_STATEDIR_NAME, NULL);
    g_autoptr(GError) err = NULL;
    g_autoptr(GDir) dir = NULL;
    const char *entry;
    guint i;

    if (g_mkdir_with_parents(workdir, 0700) < 0 || !(dir = g_dir_open(workdir, 0, &err))) {
        fprintf(stderr, "vireo-sim: cannot use '%s' as the work dir: %s\n", workdir,
                err ? err->message : g_strerror(errno));
        return -1;
    }
    if (vsStateDirCheck(state) < 0)
        return -1;
    while ((entry = g_dir_read_name(dir))) {
        g_autofree char *path = g_build_filename(workdir, entry, NULL);

        if (strcmp(entry, VS_STATEDIR_NAME) == 0)
            continue;
        if (!vrSimSaveImageHasMagic(path)) {
            fprintf(stderr, "vireo-sim: the work dir '%s' holds '%s', which is not a save "
                    "image: vireo-sim clears only its own files (save images and '%s/') "
                    "from a work dir\n", workdir, entry, VS_STATEDIR_NAME);
            return -1;
        }
        g_ptr_array_add(images, g_steal_pointer(&path));
    }
    vsRemoveTree(state);
    for (i = 0; i < images->len; i++) {
        const char *path = g_ptr_array_index(images, i);

        if (unlink(path) < 0) {
            fprintf(stderr, "vireo-sim: cannot remove '%s': %s\n", path, g_strerror(errno));
            return -1;
        }
    }
    return 0;
}

/* Whether the trace can be written, checked before the work dir is made
 * ready, so that refusing either changes no file.  -1 after printing why. */
static int vsTraceWritable(const char *trace)
{
    g_autofree char *dir = g_path_get_dirname(trace);
    bool exists = g_file_test(trace, G_FILE_TEST_EXISTS);

    if ((exists && !g_file_test(trace, G_FILE_TEST_IS_DIR) && access(trace, W_OK) == 0) ||
        (!exists && access(dir, W_OK | X_OK) == 0))
        return 0;
    fprintf(stderr, "vireo-sim: cannot write '%s': %s\n", trace,
            exists && g_file_test(trace, G_FILE_TEST_IS_DIR) ? g_strerror(EISDIR)
                                                             : g_strerror(errno));
    return -1;
}

/* The work dir (a given one made ready, or a new temporary one), and the
 * state dir in it unless statedir is false.  The trace may not go there:
 * the work dir holds only what the run writes and checks. */
static int vsMakeWorkdir(vsRun *run, const char *given, const char *trace, bool statedir)
{
    g_autoptr(GError) err = NULL;
    g_autofree char *trace_abs = trace ? g_canonicalize_filename(trace, NULL) : NULL;

    if (given) {
        run->workdir = g_canonicalize_filename(given, NULL);
        if (trace_abs && g_str_has_prefix(trace_abs, run->workdir) &&
            trace_abs[strlen(run->workdir)] == G_DIR_SEPARATOR) {
            fprintf(stderr, "vireo-sim: the trace '%s' may not go into the work dir '%s'\n",
                    trace, run->workdir);
            return -1;
        }
        if (vsWorkdirPrepare(run->workdir) < 0)
            return -1;
    } else if (!(run->workdir = g_dir_make_tmp("vireo-sim-XXXXXX", &err))) {
        fprintf(stderr, "vireo-sim: cannot make a work dir: %s\n", err->message);
        return -1;
    } else {
        run->own_workdir = true;
    }
    if (statedir)
        run->statedir = g_build_filename(run->workdir, VS_STATEDIR_NAME, NULL);
    return 0;
}

static void vsRemoveWorkdir(vsRun *run)
{
    g_autoptr(GDir) dir = NULL;
    const char *entry;

    if (!run->own_workdir || !(dir = g_dir_open(run->workdir, 0, NULL)))
        return;
    if (run->statedir)
        vsRemoveTree(run->statedir);
    while ((entry = g_dir_read_name(dir))) {
        g_autofree char *path = g_build_filename(run->workdir, entry, NULL);

        unlink(path);
    }
    rmdir(run->workdir);
}

static void vsRunFree(vsRun *run)
{
    if (run->conn)
        vsNodeClose(run);
    vsRemoveWorkdir(run);
    g_free(run->workdir);
    g_free(run->statedir);
    vsStateFilesFree(run->state_files);
    if (run->plan_header)
        g_string_free(run->plan_header, TRUE);
    vsModelFree(run->model);
    vsStoreModelFree(run->store);
    if (run->last_read)
        g_byte_array_unref(run->last_read);
    g_free(run->violation);
    g_free(run->divergence);
    if (run->tail)
        g_queue_free_full(run->tail, g_free);
    if (run->replay_lines)
        g_ptr_array_unref(run->replay_lines);
    if (run->trace_out)
        fclose(run->trace_out);
}

/* ---- reporting ---- */

/* word as the shell reads it back: quoted only when it has to be. */
static void vsAppendShellWord(GString *cmd, const char *word)
{
    g_autofree char *quoted = NULL;

    if (*word && strspn(word, VS_SHELL_SAFE) == strlen(word)) {
        g_string_append(cmd, word);
        return;
    }
    quoted = g_shell_quote(word);
    g_string_append(cmd, quoted);
}

/* " OPTION PATH" with path absolute, so that the command runs from any
 * directory. */
static void vsAppendPathOption(GString *cmd, const char *option, const char *path)
{
    g_autofree char *abs = g_canonicalize_filename(path, NULL);

    g_string_append_printf(cmd, " %s ", option);
    vsAppendShellWord(cmd, abs);
}

/* The command that runs this run again, from any directory: the program as
 * invoked (absolute when given as a path rather than found on $PATH) and
 * every option that shapes the run. */
static char *vsReproduce(const char *argv0, const vsOptions *opts, guint64 seed)
{
    GString *cmd = g_string_new(NULL);
    g_autofree char *prog = strchr(argv0, G_DIR_SEPARATOR)
                            ? g_canonicalize_filename(argv0, NULL) : g_strdup(argv0);

    vsAppendShellWord(cmd, prog);
    if (opts->replay) {
        vsAppendPathOption(cmd, "--replay", opts->replay);
    } else {
        g_string_append_printf(cmd, " --seed %" G_GUINT64_FORMAT, seed);
        if (opts->scenario)
            vsAppendPathOption(cmd, "--scenario", opts->scenario);
        else
            g_string_append_printf(cmd, " --steps %" G_GINT64_FORMAT, opts->steps);
        if (opts->faults)
            vsAppendPathOption(cmd, "--faults", opts->faults);
        if (opts->no_faults)
            g_string_append(cmd, " --no-faults");
        if (opts->no_statedir)
            g_string_append(cmd, " --no-statedir");
    }
    if (opts->workdir)
        vsAppendPathOption(cmd, "--workdir", opts->workdir);
    return g_string_free(cmd, FALSE);
}

static void vsReport(vsRun *run, const char *argv0, const vsOptions *opts)
{
    g_autofree char *cmd = NULL;
    GList *l;

    if (run->violation) {
        cmd = vsReproduce(argv0, opts, run->seed);
        printf("VIOLATION at step %" G_GUINT64_FORMAT " (seed %" G_GUINT64_FORMAT "): %s\n",
               run->steps, run->seed, run->violation);
        printf("last trace lines:\n");
        for (l = run->tail->head; l; l = l->next)
            printf("  %s\n", (char *)l->data);
        printf("reproduce: %s\n", cmd);
    }
    printf("summary: seed=%" G_GUINT64_FORMAT " steps=%" G_GUINT64_FORMAT " faults=%"
           G_GUINT64_FORMAT " invariants=%" G_GUINT64_FORMAT " trace=%016" G_GINT64_MODIFIER
           "x result=%s\n", run->seed, run->steps, run->faults_closed +
           (run->conn ? vrSimControlFaultsFired(run->conn, VR_SIM_FAULT_POINT_LAST) : 0),
           run->invariants, run->trace_hash,
           run->violation ? "violation" : "ok");
}

/* ---- modes ---- */

static void vsRunScript(vsRun *run, vsScript *script)
{
    guint i;

    for (i = 0; i < script->ops->len; i++) {
        vsResult res = { 0 };
        bool ok = vsStep(run, g_ptr_array_index(script->ops, i), &res);

        vsResultClear(&res);
        if (!ok)
            return;
    }
    vsStoreCheckAllContent(run);
    if (run->divergence)        /* the final checks traced what was not recorded */
        vsViolation(run, "replay: %s", run->divergence);
    if (run->replay_lines && run->replay_next < run->replay_lines->len)
        vsViolation(run, "replay: the recorded trace has %u more lines, from '%s'",
                    run->replay_lines->len - run->replay_next,
                    (char *)g_ptr_array_index(run->replay_lines, run->replay_next));
}

static void vsRunWorkload(vsRun *run, guint64 steps, bool has_plan)
{
    vsWorkload *w = vsWorkloadNew(run->seed, run->statedir != NULL);
    guint64 i;

    for (i = 0; i < steps; i++) {
        if (!vsStepFree(run, vsWorkloadNext(w)))
            break;
    }
    vsWorkloadFree(w);
    if (!run->violation && has_plan)
        vsConverge(run);
    if (!run->violation)
        vsStoreCheckAllContent(run);
}

static int vsUsageError(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

static int vsUsageError(const char *fmt, ...)
{
    g_autofree char *msg = NULL;
    va_list ap;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    fprintf(stderr, "vireo-sim: %s (see --help)\n", msg);
    return -1;
}

/* The combinations that make sense; a replay takes its seed, plan and
 * state directory from the trace, so it takes none of them. */
static int vsCheckOptions(vsOptions *opts)
{
    if (opts->seed_text) {
        if (!g_ascii_string_to_unsigned(opts->seed_text, 10, 0, G_MAXUINT64, &opts->seed,
                                        NULL))
            return vsUsageError("invalid seed '%s': expected an unsigned decimal integer "
                                "below 2^64", opts->seed_text);
        opts->has_seed = true;
    }
    if (opts->scenario && opts->replay)
        return vsUsageError("--scenario and --replay do not go together");
    if (opts->replay && (opts->seed_text || opts->steps != VS_STEPS_UNSET || opts->faults ||
                         opts->no_faults || opts->no_statedir))
        return vsUsageError("--replay takes the seed, the plan and the state directory "
                            "from the trace: no --seed, --steps, --faults, --no-faults "
                            "or --no-statedir");
    if (opts->scenario && opts->steps != VS_STEPS_UNSET)
        return vsUsageError("--steps is for a random workload, not a scenario");
    if (opts->faults && opts->no_faults)
        return vsUsageError("--faults and --no-faults do not go together");
    if (opts->steps == VS_STEPS_UNSET)
        opts->steps = VS_DEFAULT_STEPS;
    if (opts->steps < 0 || (guint64)opts->steps > VS_STEPS_MAX)
        return vsUsageError("invalid number of steps %" G_GINT64_FORMAT ": expected 0 to %llu",
                            opts->steps, (unsigned long long)VS_STEPS_MAX);
    return 0;
}

static int vsParseOptions(int argc, char **argv, vsOptions *opts)
{
    GOptionEntry entries[] = {
        { "seed", 0, 0, G_OPTION_ARG_STRING, &opts->seed_text, "the seed, 0 to "
          "18446744073709551615 (default: random, printed first)", "S" },
        { "steps", 0, 0, G_OPTION_ARG_INT64, &opts->steps, "random operations to run "
          "(default 1000)", "N" },
        { "scenario", 0, 0, G_OPTION_ARG_FILENAME, &opts->scenario, "run a scenario file",
          "FILE" },
        { "replay", 0, 0, G_OPTION_ARG_FILENAME, &opts->replay, "rerun a trace written "
          "by --trace and compare it line by line", "FILE" },
        { "faults", 0, 0, G_OPTION_ARG_FILENAME, &opts->faults, "the fault plan (default "
          "for a workload: a built-in plan)", "FILE" },
        { "no-faults", 0, 0, G_OPTION_ARG_NONE, &opts->no_faults, "run without faults",
          NULL },
        { "no-statedir", 0, 0, G_OPTION_ARG_NONE, &opts->no_statedir, "run the node "
          "without a state directory (no restarts, no file checks)", NULL },
        { "trace", 0, 0, G_OPTION_ARG_FILENAME, &opts->trace, "write the trace to FILE",
          "FILE" },
        { "workdir", 0, 0, G_OPTION_ARG_FILENAME, &opts->workdir, "where save images and "
          "the state directory go, cleared of what earlier runs left (default: a new "
          "temporary directory, removed afterwards)", "DIR" },
        { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opts->verbose, "print every step", NULL },
        { NULL },
    };
    g_autoptr(GOptionContext) ctx = g_option_context_new("- deterministic simulation "
                                                         "of a vireo node");
    g_autoptr(GError) err = NULL;

    opts->steps = VS_STEPS_UNSET;
    g_option_context_add_main_entries(ctx, entries, NULL);
    if (!g_option_context_parse(ctx, &argc, &argv, &err)) {
        fprintf(stderr, "vireo-sim: %s\n", err->message);
        return -1;
    }
    if (argc > 1)
        return vsUsageError("unexpected argument '%s'", argv[1]);
    return vsCheckOptions(opts);
}

/* What to run: the script (NULL for a workload), the plan and its header. */
static int vsPrepare(vsRun *run, const vsOptions *opts, vsScript **script,
                     vrSimFaultPlan **plan)
{
    GString *header = run->plan_header;
    g_autofree char *error = NULL;

    if (opts->replay)
        *script = vsReplayLoad(opts->replay, &run->replay_lines, &error);
    else if (opts->scenario)
        *script = vsScenarioLoad(opts->scenario, &error);
    if ((opts->replay || opts->scenario) && !*script) {
        fprintf(stderr, "vireo-sim: %s\n", error);
        return -1;
    }
    run->seed = opts->has_seed ? opts->seed
                : *script && (*script)->has_seed ? (*script)->seed
                : (guint64)g_get_real_time() ^ ((guint64)getpid() << 32);
    if (opts->replay) {
        run->seed = (*script)->seed;
        run->replay_offset = (*script)->body_offset;
    }
    if (opts->no_faults)
        return 0;
    if (opts->faults && !opts->replay)
        return (*plan = vsPlanLoad(opts->faults, header)) ? 0 : -1;
    if (*script) {
        *plan = g_steal_pointer(&(*script)->plan);
        vsPlanRecord(*plan, header);
        return 0;
    }
    return (*plan = vsPlanLoad(NULL, header)) ? 0 : -1;
}

/* Hooks for vireo-sim's own tests, from the environment. */
static int vsTestHooksRead(vsRun *run)
{
    const struct {
        const char *name;
        guint64 *step;
    } vars[] = {
        { "VIREO_SIM_TEST_LOSE_EVENT", &run->hooks.lose_event },
        { "VIREO_SIM_TEST_TOUCH_STATE", &run->hooks.touch_state },
        { "VIREO_SIM_TEST_SKEW_POOL", &run->hooks.skew_pool },
        { "VIREO_SIM_TEST_DUP_ID", &run->hooks.dup_id },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(vars); i++) {
        const char *value = g_getenv(vars[i].name);

        if (value && !g_ascii_string_to_unsigned(value, 10, 1, G_MAXUINT64, vars[i].step,
                                                 NULL)) {
            fprintf(stderr, "vireo-sim: invalid %s '%s': expected a step number >= 1\n",
                    vars[i].name, value);
            return -1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    vsOptions opts = { 0 };
    vsRun run = { 0 };
    vsScript *script = NULL;
    vrSimFaultPlan *plan = NULL;
    int ret = VS_EXIT_USAGE;
    bool has_plan, statedir;

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (vsTestHooksRead(&run) < 0)
        goto cleanup;
    run.plan_header = g_string_new(NULL);
    run.state_files = vsStateFilesNew();
    run.trace_hash = VS_FNV64_OFFSET;
    if (vsParseOptions(argc, argv, &opts) < 0 || vsPrepare(&run, &opts, &script, &plan) < 0)
        goto cleanup;
    /* a replay runs as the recorded run did (a trace that does not say is
     * from before state directories: none) */
    statedir = opts.replay ? script->statedir > 0 : !opts.no_statedir;
    printf("seed: %" G_GUINT64_FORMAT "\n", run.seed);
    has_plan = plan != NULL;
    run.tail = g_queue_new();
    run.model = vsModelNew();
    run.store = vsStoreModelNew();
    run.has_plan = run.faults_on = has_plan;
    run.verbose = opts.verbose;
    /* checks first: refusing the trace or the work dir changes no file */
    if ((opts.trace && vsTraceWritable(opts.trace) < 0) ||
        vsMakeWorkdir(&run, opts.workdir, opts.trace, statedir) < 0)
        goto cleanup;
    if (opts.trace && !(run.trace_out = fopen(opts.trace, "w"))) {
        fprintf(stderr, "vireo-sim: cannot write '%s': %s\n", opts.trace, g_strerror(errno));
        goto cleanup;
    }
    if (virEventRegisterDefaultImpl() < 0)
        goto cleanup;
    vsWriteHeader(&run);
    if (vsNodeOpen(&run, g_steal_pointer(&plan)) < 0 ||
        (vsModelInit(&run) < 0 && !run.violation))
        goto cleanup;
    if (script)
        vsRunScript(&run, script);
    else
        vsRunWorkload(&run, (guint64)opts.steps, has_plan);
    vsReport(&run, argv[0], &opts);
    ret = run.violation ? VS_EXIT_FAILED : VS_EXIT_OK;
 cleanup:
    vrSimFaultPlanFree(plan);
    vsScriptFree(script);
    vsRunFree(&run);
    g_free(opts.seed_text);
    g_free(opts.scenario);
    g_free(opts.replay);
    g_free(opts.faults);
    g_free(opts.trace);
    g_free(opts.workdir);
    return ret;
}
