/* vireo-sim's scripted runs: scenario files (operations with expected
 * outcomes, a seed, fault rules) and recorded traces to replay (the seed,
 * plan and operations in the header and body of a --trace file). */
#include "vsim.h"

#include <string.h>

#include "sim/error_names.h"
#include "util/error.h"

#define VS_TRACE_MAGIC "# vireo-sim trace 1"

void vsScriptFree(vsScript *script)
{
    if (!script)
        return;
    if (script->ops)
        g_ptr_array_free(script->ops, TRUE);
    vrSimFaultPlanFree(script->plan);
    g_free(script);
}

static vsScript *vsScriptNew(void)
{
    vsScript *script = g_new0(vsScript, 1);

    script->ops = g_ptr_array_new_with_free_func((GDestroyNotify)vsOpFree);
    script->statedir = -1;
    return script;
}

/* Add one fault rule (text) from origin's line lineno. */
static int vsScriptAddFault(vsScript *script, const char *text, const char *origin,
                            int lineno, char **error)
{
    if (!script->plan)
        script->plan = vrSimFaultPlanNew();
    if (vrSimFaultPlanAddLine(script->plan, text, origin, lineno) < 0) {
        *error = g_strdup(vrErrorLast() ? vrErrorLast()->message : "invalid fault rule");
        return -1;
    }
    return 0;
}

static int vsParseSeed(const char *text, guint64 *seed)
{
    return g_ascii_string_to_unsigned(text, 10, 0, G_MAXUINT64, seed, NULL) ? 0 : -1;
}

static char *vsReadScript(const char *path, char **error)
{
    g_autoptr(GError) err = NULL;
    char *text = NULL;
    gsize len = 0;

    if (!g_file_get_contents(path, &text, &len, &err)) {
        *error = g_strdup(err->message);
        return NULL;
    }
    if (len > VS_SCENARIO_MAX_BYTES) {
        *error = g_strdup_printf("'%s' is larger than %d bytes", path,
                                 VS_SCENARIO_MAX_BYTES);
        g_free(text);
        return NULL;
    }
    return text;
}

/* One scenario line into script; *error set on failure. */
static int vsScenarioLine(vsScript *script, const char *path, int lineno, const char *line,
                          char **error)
{
    const char *p = line;
    vsOp *op;

    while (*p == ' ' || *p == '\t')
        p++;
    if (*p == '\0' || *p == '#' || *p == '\r')
        return 0;
    if (g_str_has_prefix(p, "seed ")) {
        g_autofree char *num = g_strstrip(g_strdup(p + 5));

        script->has_seed = true;
        if (vsParseSeed(num, &script->seed) == 0)
            return 0;
        *error = g_strdup_printf("invalid seed '%s'", num);
        return -1;
    }
    if (g_str_has_prefix(p, "fault "))
        return vsScriptAddFault(script, p + 6, path, lineno, error);
    if (!(op = vsOpParse(p, error)))
        return -1;
    /* in a scenario an operation without an outcome must succeed */
    if (!op->has_expect && !strstr(p, "=>") && op->kind != VS_OP_EXPECT &&
        op->kind != VS_OP_EXPECT_FILE && op->kind != VS_OP_EXPECT_STATE_FILE) {
        op->has_expect = true;
        op->expect_ok = true;
    }
    if (script->ops->len >= VS_SCENARIO_OPS_MAX) {
        vsOpFree(op);
        *error = g_strdup_printf("more than %d operations", VS_SCENARIO_OPS_MAX);
        return -1;
    }
    g_ptr_array_add(script->ops, op);
    return 0;
}

vsScript *vsScenarioLoad(const char *path, char **error)
{
    g_autofree char *text = vsReadScript(path, error);
    g_auto(GStrv) lines = NULL;
    vsScript *script;
    size_t i;

    if (!text)
        return NULL;
    script = vsScriptNew();
    lines = g_strsplit(text, "\n", -1);
    for (i = 0; lines[i]; i++) {
        g_autofree char *problem = NULL;

        if (vsScenarioLine(script, path, (int)i + 1, lines[i], &problem) < 0) {
            *error = g_strdup_printf("scenario '%s' line %zu: %s", path, i + 1, problem);
            vsScriptFree(script);
            return NULL;
        }
    }
    return script;
}

/* ---- replay ---- */

/* "ok" or "error VIR_ERR_X: message" into op's expectation. */
static int vsReplayResult(vsOp *op, const char *text)
{
    g_autofree char *code = NULL;
    const char *colon;

    op->has_expect = true;
    if (strcmp(text, "ok") == 0) {
        op->expect_ok = true;
        return 0;
    }
    if (!g_str_has_prefix(text, "error ") || !(colon = strstr(text, ": ")))
        return -1;
    code = g_strndup(text + 6, colon - (text + 6));
    if ((op->expect_code = vrSimErrorCodeFromName(code)) <= 0)
        return -1;
    op->expect_message = g_strdup(colon + 2);
    return 0;
}

/* A header line: the seed, whether the run had a state dir, or a fault rule. */
static int vsReplayHeader(vsScript *script, const char *path, const char *line,
                          char **error)
{
    guint64 lineno;
    char *end = NULL;

    if (g_str_has_prefix(line, "# seed ")) {
        script->has_seed = vsParseSeed(line + 7, &script->seed) == 0;
        return script->has_seed ? 0 : -1;
    }
    if (g_str_has_prefix(line, "# statedir")) {
        if (strcmp(line, "# statedir yes") != 0 && strcmp(line, "# statedir no") != 0)
            return -1;
        script->statedir = strcmp(line, "# statedir yes") == 0;
        return 0;
    }
    if (g_str_has_prefix(line, "# fault-line ")) {
        lineno = g_ascii_strtoull(line + 13, &end, 10);
        if (!end || *end != ' ')
            return -1;
        return vsScriptAddFault(script, end + 1, path, (int)lineno, error);
    }
    return 0;
}

/* A body line "TIME KIND TEXT": op lines become operations, result lines
 * their expectations. */
static int vsReplayBody(vsScript *script, const char *line, char **error)
{
    const char *kind = strchr(line, ' ');
    vsOp *op;

    if (!kind)
        return -1;
    kind++;
    if (g_str_has_prefix(kind, "op ")) {
        if (!(op = vsOpParse(kind + 3, error)))
            return -1;
        g_ptr_array_add(script->ops, op);
    } else if (g_str_has_prefix(kind, "result ")) {
        if (script->ops->len == 0)
            return -1;
        op = g_ptr_array_index(script->ops, script->ops->len - 1);
        if (vsReplayResult(op, kind + 7) < 0)
            return -1;
    }
    return 0;
}

vsScript *vsReplayLoad(const char *path, GPtrArray **body, char **error)
{
    g_autofree char *text = vsReadScript(path, error);
    g_auto(GStrv) lines = NULL;
    vsScript *script;
    size_t i;

    if (!text)
        return NULL;
    lines = g_strsplit(text, "\n", -1);
    if (!lines[0] || strcmp(lines[0], VS_TRACE_MAGIC) != 0) {
        *error = g_strdup_printf("'%s' is not a vireo-sim trace (no '%s' line)", path,
                                 VS_TRACE_MAGIC);
        return NULL;
    }
    script = vsScriptNew();
    *body = g_ptr_array_new_with_free_func(g_free);
    for (i = 1; lines[i]; i++) {
        g_autofree char *problem = NULL;
        int rc;

        if ((*body)->len == 0)
            script->body_offset = (guint)i;
        if (lines[i][0] == '\0')
            continue;
        if (lines[i][0] == '#') {
            rc = vsReplayHeader(script, path, lines[i], &problem);
        } else {
            g_ptr_array_add(*body, g_strdup(lines[i]));
            rc = vsReplayBody(script, lines[i], &problem);
        }
        if (rc < 0) {
            *error = g_strdup_printf("trace '%s' line %zu: %s", path, i + 1,
                                     problem ? problem : "malformed line");
            vsScriptFree(script);
            g_clear_pointer(body, g_ptr_array_unref);
            return NULL;
        }
    }
    if (!script->has_seed) {
        *error = g_strdup_printf("trace '%s' has no '# seed N' line", path);
        vsScriptFree(script);
        g_clear_pointer(body, g_ptr_array_unref);
        return NULL;
    }
    return script;
}
