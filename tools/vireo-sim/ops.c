/* vireo-sim operations: the one-line syntax scenarios, replays and traces
 * share ("start web1 => error VIR_ERR_OPERATION_INVALID"), and running each
 * operation against the node through the public API. */
#include "vsim.h"

#include <string.h>
#include <unistd.h>

#include "sim/control.h"
#include "sim/error_names.h"

#define VS_MEM_DEFAULT_KIB 1024
#define VS_MEM_MAX_KIB (1024UL * 1024 * 1024)
#define VS_VCPUS_MAX 32
#define VS_WORKDIR_TOKEN "$WORKDIR"

typedef enum {
    VS_ARGS_NAME,           /* NAME */
    VS_ARGS_DEF,            /* NAME [mem= vcpus= uuid= on_crash=] [paused] */
    VS_ARGS_START,          /* NAME [paused] */
    VS_ARGS_NAME_FILE,      /* NAME FILE */
    VS_ARGS_FILE,           /* FILE */
    VS_ARGS_DURATION,       /* DURATION */
    VS_ARGS_ONOFF,          /* on|off */
    VS_ARGS_NAME_WORD,      /* NAME STATE */
    VS_ARGS_FILE_WORD,      /* FILE present|absent */
    VS_ARGS_NONE,           /* nothing */
    VS_ARGS_PATH_WORD,      /* PATH present|absent (a path in the state dir) */
    VS_ARGS_STORE,          /* networks, pools, volumes: ops_store.c */
} vsArgs;

typedef struct {
    const char *verb;
    vsArgs args;
} vsOpInfo;

static const vsOpInfo vsOps[] = {
    [VS_OP_DEFINE] = { "define", VS_ARGS_DEF },
    [VS_OP_CREATE] = { "create", VS_ARGS_DEF },
    [VS_OP_UNDEFINE] = { "undefine", VS_ARGS_NAME },
    [VS_OP_START] = { "start", VS_ARGS_START },
    [VS_OP_DESTROY] = { "destroy", VS_ARGS_NAME },
    [VS_OP_SHUTDOWN] = { "shutdown", VS_ARGS_NAME },
    [VS_OP_REBOOT] = { "reboot", VS_ARGS_NAME },
    [VS_OP_SUSPEND] = { "suspend", VS_ARGS_NAME },
    [VS_OP_RESUME] = { "resume", VS_ARGS_NAME },
    [VS_OP_SAVE] = { "save", VS_ARGS_NAME_FILE },
    [VS_OP_RESTORE] = { "restore", VS_ARGS_FILE },
    [VS_OP_MANAGEDSAVE] = { "managedsave", VS_ARGS_NAME },
    [VS_OP_CRASH] = { "crash", VS_ARGS_NAME },
    [VS_OP_ADVANCE] = { "advance", VS_ARGS_DURATION },
    [VS_OP_FAULTS] = { "faults", VS_ARGS_ONOFF },
    [VS_OP_EXPECT] = { "expect", VS_ARGS_NAME_WORD },
    [VS_OP_EXPECT_FILE] = { "expect-file", VS_ARGS_FILE_WORD },
    [VS_OP_RESTART] = { "restart", VS_ARGS_NONE },
    [VS_OP_EXPECT_STATE_FILE] = { "expect-state-file", VS_ARGS_PATH_WORD },
    [VS_OP_NET_DEFINE] = { "net-define", VS_ARGS_STORE },
    [VS_OP_NET_CREATE] = { "net-create", VS_ARGS_STORE },
    [VS_OP_NET_START] = { "net-start", VS_ARGS_STORE },
    [VS_OP_NET_DESTROY] = { "net-destroy", VS_ARGS_STORE },
    [VS_OP_NET_UNDEFINE] = { "net-undefine", VS_ARGS_STORE },
    [VS_OP_NET_AUTOSTART] = { "net-autostart", VS_ARGS_STORE },
    [VS_OP_NET_UPDATE] = { "net-update", VS_ARGS_STORE },
    [VS_OP_POOL_DEFINE] = { "pool-define", VS_ARGS_STORE },
    [VS_OP_POOL_CREATE] = { "pool-create", VS_ARGS_STORE },
    [VS_OP_POOL_BUILD] = { "pool-build", VS_ARGS_STORE },
    [VS_OP_POOL_START] = { "pool-start", VS_ARGS_STORE },
    [VS_OP_POOL_DESTROY] = { "pool-destroy", VS_ARGS_STORE },
    [VS_OP_POOL_DELETE] = { "pool-delete", VS_ARGS_STORE },
    [VS_OP_POOL_UNDEFINE] = { "pool-undefine", VS_ARGS_STORE },
    [VS_OP_POOL_REFRESH] = { "pool-refresh", VS_ARGS_STORE },
    [VS_OP_VOL_CREATE] = { "vol-create", VS_ARGS_STORE },
    [VS_OP_VOL_CLONE] = { "vol-clone", VS_ARGS_STORE },
    [VS_OP_VOL_DELETE] = { "vol-delete", VS_ARGS_STORE },
    [VS_OP_VOL_RESIZE] = { "vol-resize", VS_ARGS_STORE },
    [VS_OP_VOL_WIPE] = { "vol-wipe", VS_ARGS_STORE },
    [VS_OP_VOL_UPLOAD] = { "vol-upload", VS_ARGS_STORE },
    [VS_OP_VOL_DOWNLOAD] = { "vol-download", VS_ARGS_STORE },
    [VS_OP_EXPECT_NET] = { "expect-net", VS_ARGS_STORE },
    [VS_OP_EXPECT_POOL] = { "expect-pool", VS_ARGS_STORE },
    [VS_OP_EXPECT_VOL] = { "expect-vol", VS_ARGS_STORE },
};
_Static_assert(G_N_ELEMENTS(vsOps) == VS_OP_LAST, "every operation has a verb");

/* States `expect` knows; "absent" means no such domain. */
static const char *const vsStateWords[] = {
    "running", "paused", "shutoff", "crashed", "absent",
};

void vsOpFree(vsOp *op)
{
    if (!op)
        return;
    g_free(op->name);
    g_free(op->file);
    g_free(op->word);
    g_free(op->uuid);
    g_free(op->on_crash);
    g_free(op->expect_message);
    g_free(op->vol);
    g_free(op->vol2);
    g_free(op);
}

void vsResultClear(vsResult *res)
{
    g_clear_pointer(&res->message, g_free);
    res->ok = false;
    res->code = 0;
}

/* ---- parsing ---- */

static bool vsIsFileName(const char *file)
{
    return *file && !strchr(file, '/') && strcmp(file, ".") != 0 && strcmp(file, "..") != 0;
}

static int vsParseDefKey(vsOp *op, const char *word, char **error)
{
    const char *eq = strchr(word, '=');
    guint64 num;

    if (strcmp(word, "paused") == 0 && op->kind == VS_OP_CREATE) {
        op->paused = true;
    } else if (eq && g_str_has_prefix(word, "mem=")) {
        if (!g_ascii_string_to_unsigned(eq + 1, 10, 1, VS_MEM_MAX_KIB, &num, NULL))
            goto bad;
        op->mem_kib = (unsigned long)num;
    } else if (eq && g_str_has_prefix(word, "vcpus=")) {
        if (!g_ascii_string_to_unsigned(eq + 1, 10, 1, VS_VCPUS_MAX, &num, NULL))
            goto bad;
        op->vcpus = (unsigned int)num;
    } else if (eq && g_str_has_prefix(word, "uuid=") && !op->uuid) {
        op->uuid = g_strdup(eq + 1);
    } else if (eq && g_str_has_prefix(word, "on_crash=") && !op->on_crash) {
        op->on_crash = g_strdup(eq + 1);
    } else {
        goto bad;
    }
    return 0;
 bad:
    *error = g_strdup_printf("invalid argument '%s' for %s (mem=KIB vcpus=N uuid=UUID "
                             "on_crash=ACTION%s)", word, vsOps[op->kind].verb,
                             op->kind == VS_OP_CREATE ? " paused" : "");
    return -1;
}

static bool vsWordIn(const char *word, const char *const *list, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (strcmp(word, list[i]) == 0)
            return true;
    }
    return false;
}

/* A relative path inside the state dir: no empty, '.' or '..' part. */
static int vsParseStatePath(vsOp *op, const char *path, char **error)
{
    g_auto(GStrv) parts = g_strsplit(path, "/", -1);
    size_t i;

    for (i = 0; parts[i]; i++) {
        if (!*parts[i] || strcmp(parts[i], ".") == 0 || strcmp(parts[i], "..") == 0) {
            *error = g_strdup_printf("'%s' is not a path inside the state directory", path);
            return -1;
        }
    }
    op->file = g_strdup(path);
    return 0;
}

static int vsParseFile(vsOp *op, const char *file, char **error)
{
    if (!vsIsFileName(file)) {
        *error = g_strdup_printf("'%s' is not a file name (files live in the work dir: "
                                 "no '/')", file);
        return -1;
    }
    op->file = g_strdup(file);
    return 0;
}

/* The fixed-shape arguments: words[1], words[2]. */
static int vsParseFixed(vsOp *op, vsArgs args, char **words, char **error)
{
    static const char *const onoff[] = { "on", "off" };
    static const char *const presence[] = { "present", "absent" };

    switch (args) {
    case VS_ARGS_NAME_FILE:
        op->name = g_strdup(words[1]);
        return vsParseFile(op, words[2], error);
    case VS_ARGS_FILE:
        return vsParseFile(op, words[1], error);
    case VS_ARGS_DURATION:
        if (vrSimDurationParse(words[1], &op->ns) < 0) {
            *error = g_strdup_printf("invalid duration '%s' (an integer with ns, us, ms, "
                                     "s, m or h)", words[1]);
            return -1;
        }
        return 0;
    case VS_ARGS_ONOFF:
        op->word = g_strdup(words[1]);
        return vsWordIn(words[1], onoff, G_N_ELEMENTS(onoff)) ? 0 : -1;
    case VS_ARGS_NAME_WORD:
        op->name = g_strdup(words[1]);
        op->word = g_strdup(words[2]);
        return vsWordIn(words[2], vsStateWords, G_N_ELEMENTS(vsStateWords)) ? 0 : -1;
    case VS_ARGS_FILE_WORD:
    case VS_ARGS_PATH_WORD:
        op->word = g_strdup(words[2]);
        if (!vsWordIn(words[2], presence, G_N_ELEMENTS(presence)))
            return -1;
        return args == VS_ARGS_FILE_WORD ? vsParseFile(op, words[1], error)
                                         : vsParseStatePath(op, words[1], error);
    case VS_ARGS_NONE:
        return 0;
    default:
        op->name = g_strdup(words[1]);
        return 0;
    }
}

/* Arguments after the verb: words[1..n). */
static int vsParseArgs(vsOp *op, char **words, guint n, char **error)
{
    vsArgs args = vsOps[op->kind].args;
    guint want = (args == VS_ARGS_NAME_FILE || args == VS_ARGS_NAME_WORD ||
                  args == VS_ARGS_FILE_WORD || args == VS_ARGS_PATH_WORD) ? 3
                 : args == VS_ARGS_NONE ? 1 : 2;
    guint i;

    if (args == VS_ARGS_STORE)
        return vsStoreParseArgs(op, words, n, error);
    if (n < want || (n > want && args != VS_ARGS_DEF && args != VS_ARGS_START) ||
        (args == VS_ARGS_START && n > 3))
        goto usage;
    if (args == VS_ARGS_DEF) {
        op->name = g_strdup(words[1]);
        op->mem_kib = VS_MEM_DEFAULT_KIB;
        op->vcpus = 1;
        for (i = 2; i < n; i++) {
            if (vsParseDefKey(op, words[i], error) < 0)
                return -1;
        }
        return 0;
    }
    if (args == VS_ARGS_START) {
        op->name = g_strdup(words[1]);
        if (n == 3 && strcmp(words[2], "paused") != 0)
            goto usage;
        op->paused = n == 3;
        return 0;
    }
    if (vsParseFixed(op, args, words, error) == 0)
        return 0;
    if (*error)
        return -1;
 usage:
    *error = g_strdup_printf("wrong arguments for '%s'", vsOps[op->kind].verb);
    return -1;
}

/* "ok" | "error CODE [MESSAGE]" */
static int vsParseOutcome(vsOp *op, char **words, guint n, char **error)
{
    op->has_expect = true;
    if (n == 1 && strcmp(words[0], "any") == 0) {
        op->has_expect = false;
        return 0;
    }
    if (n == 1 && strcmp(words[0], "ok") == 0) {
        op->expect_ok = true;
        return 0;
    }
    if ((n == 2 || n == 3) && strcmp(words[0], "error") == 0 &&
        (op->expect_code = vrSimErrorCodeFromName(words[1])) > 0) {
        op->expect_message = n == 3 ? g_strdup(words[2]) : NULL;
        return 0;
    }
    *error = g_strdup("expected outcome: '=> ok', '=> any' or "
                      "'=> error VIR_ERR_... [\"message\"]'");
    return -1;
}

vsOp *vsOpParse(const char *line, char **error)
{
    const char *problem = NULL;
    g_autoptr(GPtrArray) words = vrSimLineSplit(line, &problem);
    vsOp *op;
    guint n, arrow;
    int kind;

    *error = NULL;
    if (!words) {
        *error = g_strdup(problem);
        return NULL;
    }
    for (arrow = 0; arrow < words->len; arrow++) {
        if (strcmp(g_ptr_array_index(words, arrow), "=>") == 0)
            break;
    }
    n = arrow;
    for (kind = 0; kind < VS_OP_LAST && n > 0; kind++) {
        if (strcmp(vsOps[kind].verb, g_ptr_array_index(words, 0)) == 0)
            break;
    }
    if (n == 0 || kind == VS_OP_LAST) {
        *error = g_strdup_printf("unknown operation '%s'",
                                 n ? (char *)g_ptr_array_index(words, 0) : "");
        return NULL;
    }
    op = g_new0(vsOp, 1);
    op->kind = kind;
    if (vsParseArgs(op, (char **)words->pdata, n, error) < 0 ||
        (arrow < words->len &&
         vsParseOutcome(op, (char **)words->pdata + arrow + 1, words->len - arrow - 1,
                        error) < 0)) {
        vsOpFree(op);
        return NULL;
    }
    return op;
}

/* ---- formatting ---- */

void vsAppendWord(GString *out, const char *word)
{
    const char *p;

    g_string_append_c(out, ' ');
    if (*word && !strpbrk(word, " \t\"#\\")) {
        g_string_append(out, word);
        return;
    }
    g_string_append_c(out, '"');
    for (p = word; *p; p++) {
        if (*p == '"' || *p == '\\')
            g_string_append_c(out, '\\');
        g_string_append_c(out, *p);
    }
    g_string_append_c(out, '"');
}

char *vsOpFormat(const vsOp *op)
{
    GString *out = g_string_new(vsOps[op->kind].verb);

    if (vsStoreOpKind(op->kind)) {
        vsStoreFormat(op, out);
        return g_string_free(out, FALSE);
    }
    if (op->kind == VS_OP_EXPECT_FILE || op->kind == VS_OP_EXPECT_STATE_FILE) {
        vsAppendWord(out, op->file);
        vsAppendWord(out, op->word);
        return g_string_free(out, FALSE);
    }
    if (op->name)
        vsAppendWord(out, op->name);
    if (op->file)
        vsAppendWord(out, op->file);
    if (op->word)
        vsAppendWord(out, op->word);
    if (op->kind == VS_OP_ADVANCE)
        g_string_append_printf(out, " %" G_GUINT64_FORMAT "ns", op->ns);
    if (op->kind == VS_OP_DEFINE || op->kind == VS_OP_CREATE) {
        g_string_append_printf(out, " mem=%lu vcpus=%u", op->mem_kib, op->vcpus);
        if (op->uuid)
            g_string_append_printf(out, " uuid=%s", op->uuid);
        if (op->on_crash)
            g_string_append_printf(out, " on_crash=%s", op->on_crash);
    }
    if (op->paused)
        g_string_append(out, " paused");
    return g_string_free(out, FALSE);
}

/* ---- running ---- */

static char *vsDomainXML(const vsOp *op)
{
    return g_strdup_printf(
        "<domain type='test'><name>%s</name>%s%s%s<memory unit='KiB'>%lu</memory>"
        "<vcpu>%u</vcpu><os><type>hvm</type></os><on_crash>%s</on_crash>"
        "<devices><interface type='network'><source network='default'/></interface>"
        "</devices></domain>", op->name, op->uuid ? "<uuid>" : "",
        op->uuid ? op->uuid : "", op->uuid ? "</uuid>" : "", op->mem_kib, op->vcpus,
        op->on_crash ? op->on_crash : "destroy");
}

/* The result of the last public call: ok, or its error with the work dir
 * spelled VS_WORKDIR_TOKEN so that results read the same in every run. */
void vsCapture(vsRun *run, int rc, vsResult *res)
{
    virErrorPtr err;
    g_auto(GStrv) parts = NULL;

    vsResultClear(res);
    res->ok = rc >= 0;
    if (res->ok)
        return;
    err = virGetLastError();
    res->code = err ? err->code : VIR_ERR_INTERNAL_ERROR;
    parts = g_strsplit(err && err->message ? err->message : "", run->workdir, -1);
    res->message = g_strjoinv(VS_WORKDIR_TOKEN, parts);
}

static int vsDomainCall(vsRun *run, const vsOp *op, virDomainPtr dom)
{
    g_autofree char *path = op->file ? g_build_filename(run->workdir, op->file, NULL)
                                     : NULL;

    switch (op->kind) {
    case VS_OP_UNDEFINE:
        return virDomainUndefine(dom);
    case VS_OP_START:
        return virDomainCreateWithFlags(dom, op->paused ? VIR_DOMAIN_START_PAUSED : 0);
    case VS_OP_DESTROY:
        return virDomainDestroy(dom);
    case VS_OP_SHUTDOWN:
        return virDomainShutdown(dom);
    case VS_OP_REBOOT:
        return virDomainReboot(dom, 0);
    case VS_OP_SUSPEND:
        return virDomainSuspend(dom);
    case VS_OP_RESUME:
        return virDomainResume(dom);
    case VS_OP_SAVE:
        return virDomainSave(dom, path);
    case VS_OP_MANAGEDSAVE:
        return virDomainManagedSave(dom, 0);
    case VS_OP_CRASH:
        return vrSimControlCrash(dom);
    default:
        g_assert_not_reached();
    }
    return -1;
}

/* expect NAME STATE: a violation when the domain is not in STATE. */
static void vsExpectState(vsRun *run, const vsOp *op)
{
    static const char *const names[VIR_DOMAIN_LAST] = {
        [VIR_DOMAIN_RUNNING] = "running", [VIR_DOMAIN_PAUSED] = "paused",
        [VIR_DOMAIN_SHUTOFF] = "shutoff", [VIR_DOMAIN_CRASHED] = "crashed",
    };
    virDomainPtr dom = virDomainLookupByName(run->conn, op->name);
    const char *actual = "absent";
    int state = -1, reason = -1;

    if (dom && virDomainGetState(dom, &state, &reason, 0) == 0)
        actual = state >= 0 && state < VIR_DOMAIN_LAST && names[state] ? names[state]
                                                                        : "other";
    if (dom)
        virDomainFree(dom);
    run->invariants++;
    if (strcmp(actual, op->word) != 0)
        vsViolation(run, "expect: domain '%s' is %s, expected %s", op->name, actual,
                    op->word);
}

static void vsExpectFile(vsRun *run, const vsOp *op)
{
    g_autofree char *path = g_build_filename(run->workdir, op->file, NULL);
    bool present = access(path, F_OK) == 0;

    run->invariants++;
    if (present != (strcmp(op->word, "present") == 0))
        vsViolation(run, "expect-file: '%s' is %s", op->file,
                    present ? "present" : "absent");
}

void vsOpExec(vsRun *run, const vsOp *op, vsResult *res)
{
    g_autofree char *xml = NULL;
    g_autofree char *path = NULL;
    virDomainPtr dom = NULL;
    int rc = 0;

    if (vsStoreOpKind(op->kind)) {
        vsStoreExec(run, op, res);
        return;
    }
    switch (op->kind) {
    case VS_OP_DEFINE:
        xml = vsDomainXML(op);
        rc = (dom = virDomainDefineXML(run->conn, xml)) ? 0 : -1;
        break;
    case VS_OP_CREATE:
        xml = vsDomainXML(op);
        dom = virDomainCreateXML(run->conn, xml, op->paused ? VIR_DOMAIN_START_PAUSED : 0);
        rc = dom ? 0 : -1;
        break;
    case VS_OP_RESTORE:
        path = g_build_filename(run->workdir, op->file, NULL);
        rc = virDomainRestore(run->conn, path);
        break;
    case VS_OP_ADVANCE:
        rc = vrSimControlAdvance(run->conn, op->ns);
        break;
    case VS_OP_FAULTS:
        run->faults_on = strcmp(op->word, "on") == 0;
        rc = vrSimControlSetFaultsEnabled(run->conn, run->faults_on);
        break;
    case VS_OP_EXPECT:
        vsExpectState(run, op);
        break;
    case VS_OP_EXPECT_FILE:
        vsExpectFile(run, op);
        break;
    case VS_OP_EXPECT_STATE_FILE:
        vsExpectStateFile(run, op);
        break;
    case VS_OP_RESTART:
        vsNodeRestart(run, res);
        return;
    default:
        if (!(dom = virDomainLookupByName(run->conn, op->name)))
            rc = -1;
        else
            rc = vsDomainCall(run, op, dom);
        break;
    }
    vsCapture(run, rc, res);
    if (dom)
        virDomainFree(dom);
}
