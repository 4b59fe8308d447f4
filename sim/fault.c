/* Fault plans: the table of fault points and their causes (the errors real
 * hypervisor stacks report for them), the plan line parser, rule triggers
 * drawing on the node's PRNG and clock, and error reporting with the
 * operation's context filled into the message. */
#include "sim/fault.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "sim/error_names.h"
#include "util/error.h"
#include "util/file.h"

#define VR_FROM_THIS VIR_FROM_TEST

#define VR_SIM_NS_PER_SEC G_GUINT64_CONSTANT(1000000000)

typedef struct {
    vrSimFaultPoint point;
    const char *name;         /* cause=NAME; the first of a point is its default */
    int code;                 /* virErrorNumber, 0 for guest.crash */
    int domain;               /* virErrorDomain */
    int errnum;               /* appended as ": strerror(errnum)" when non-zero */
    const char *message;      /* with {dom}, {path}, {pid} */
    guint64 delay_ns;         /* the time the operation takes to fail */
} vrSimFaultCause;

static const char *const vrSimFaultPointNames[] = {
    [VR_SIM_FAULT_DOMAIN_START] = "domain.start",
    [VR_SIM_FAULT_DOMAIN_DESTROY] = "domain.destroy",
    [VR_SIM_FAULT_DOMAIN_SHUTDOWN] = "domain.shutdown",
    [VR_SIM_FAULT_DOMAIN_SUSPEND] = "domain.suspend",
    [VR_SIM_FAULT_DOMAIN_RESUME] = "domain.resume",
    [VR_SIM_FAULT_DOMAIN_SAVE] = "domain.save",
    [VR_SIM_FAULT_DOMAIN_RESTORE] = "domain.restore",
    [VR_SIM_FAULT_DOMAIN_DEFINE] = "domain.define",
    [VR_SIM_FAULT_GUEST_CRASH] = "guest.crash",
    [VR_SIM_FAULT_POOL_FULL] = "pool.full",
    [VR_SIM_FAULT_STORAGE_UPLOAD] = "storage.upload",
    [VR_SIM_FAULT_STORAGE_DOWNLOAD] = "storage.download",
    [VR_SIM_FAULT_POOL_START] = "pool.start",
    [VR_SIM_FAULT_POOL_BUILD] = "pool.build",
    [VR_SIM_FAULT_POOL_DEFINE] = "pool.define",
    [VR_SIM_FAULT_NETWORK_START] = "network.start",
    [VR_SIM_FAULT_NETWORK_DEFINE] = "network.define",
};
_Static_assert(G_N_ELEMENTS(vrSimFaultPointNames) == VR_SIM_FAULT_POINT_LAST,
               "a name for every fault point");

/* The emulator the sim node advertises (sim/capabilities.c). */
#define VR_SIM_EMULATOR "/usr/bin/test-hv"

static const vrSimFaultCause vrSimFaultCauses[] = {
    { VR_SIM_FAULT_DOMAIN_START, "oom", VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU, 0,
      "process exited while connecting to monitor: " VR_SIM_EMULATOR
      ": cannot set up guest memory 'pc.ram': Cannot allocate memory",
      VR_SIM_NS_PER_SEC },
    { VR_SIM_FAULT_DOMAIN_START, "no-emulator", VIR_ERR_SYSTEM_ERROR, VIR_FROM_QEMU,
      ENOENT, "Cannot check QEMU binary " VR_SIM_EMULATOR, 0 },
    { VR_SIM_FAULT_DOMAIN_DESTROY, "ebusy", VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE, EBUSY,
      "Failed to terminate process {pid} with SIGKILL", 15 * VR_SIM_NS_PER_SEC },
    { VR_SIM_FAULT_DOMAIN_SHUTDOWN, "acpi-ignored", VIR_ERR_OPERATION_TIMEOUT,
      VIR_FROM_TEST, 0,
      "domain '{dom}' did not shut down: the guest ignored the ACPI power button",
      60 * VR_SIM_NS_PER_SEC },
    { VR_SIM_FAULT_DOMAIN_SUSPEND, "lock-timeout", VIR_ERR_OPERATION_TIMEOUT,
      VIR_FROM_QEMU, 0,
      "cannot acquire state change lock (held by monitor=remoteDispatchDomainMemoryStats)",
      30 * VR_SIM_NS_PER_SEC },
    { VR_SIM_FAULT_DOMAIN_RESUME, "monitor-error", VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU, 0,
      "unable to execute QEMU command 'cont': Resetting the Virtual Machine is required",
      0 },
    { VR_SIM_FAULT_DOMAIN_RESUME, "lock-timeout", VIR_ERR_OPERATION_TIMEOUT,
      VIR_FROM_QEMU, 0,
      "cannot acquire state change lock (held by monitor=remoteDispatchDomainMemoryStats)",
      30 * VR_SIM_NS_PER_SEC },
    { VR_SIM_FAULT_DOMAIN_SAVE, "enospc", VIR_ERR_SYSTEM_ERROR, VIR_FROM_TEST, ENOSPC,
      "saving domain '{dom}' to '{path}': write failed", 0 },
    { VR_SIM_FAULT_DOMAIN_SAVE, "eio", VIR_ERR_SYSTEM_ERROR, VIR_FROM_TEST, EIO,
      "saving domain '{dom}' to '{path}': write failed", 0 },
    { VR_SIM_FAULT_DOMAIN_RESTORE, "corrupt", VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST, 0,
      "save image '{path}' is corrupt: checksum mismatch", 0 },
    /* {path}: the temporary file beside the definition (sim/state_dir.c) */
    { VR_SIM_FAULT_DOMAIN_DEFINE, "enospc", VIR_ERR_SYSTEM_ERROR, VIR_FROM_XML, ENOSPC,
      "cannot write data to file '{path}'", 0 },
    { VR_SIM_FAULT_DOMAIN_DEFINE, "eio", VIR_ERR_SYSTEM_ERROR, VIR_FROM_XML, EIO,
      "cannot write data to file '{path}'", 0 },
    { VR_SIM_FAULT_GUEST_CRASH, "panicked", 0, 0, 0, NULL, 0 },
    /* libvirt's storage backend when fallocate() fails */
    { VR_SIM_FAULT_POOL_FULL, "enospc", VIR_ERR_SYSTEM_ERROR, VIR_FROM_STORAGE, ENOSPC,
      "cannot allocate {bytes} bytes in file '{path}'", 0 },
    /* libvirt's I/O helper behind a volume stream */
    { VR_SIM_FAULT_STORAGE_UPLOAD, "eio", VIR_ERR_SYSTEM_ERROR, VIR_FROM_STREAMS, EIO,
      "Unable to write {path}", VR_SIM_NS_PER_SEC },
    { VR_SIM_FAULT_STORAGE_UPLOAD, "enospc", VIR_ERR_SYSTEM_ERROR, VIR_FROM_STREAMS, ENOSPC,
      "Unable to write {path}", 0 },
    { VR_SIM_FAULT_STORAGE_DOWNLOAD, "eio", VIR_ERR_SYSTEM_ERROR, VIR_FROM_STREAMS, EIO,
      "Unable to read {path}", VR_SIM_NS_PER_SEC },
    /* the dir backend's refresh when the target directory is gone */
    { VR_SIM_FAULT_POOL_START, "no-target", VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE, ENOENT,
      "cannot open directory '{path}'", 0 },
    { VR_SIM_FAULT_POOL_BUILD, "eacces", VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE, EACCES,
      "cannot create directory '{path}'", 0 },
    { VR_SIM_FAULT_POOL_DEFINE, "enospc", VIR_ERR_SYSTEM_ERROR, VIR_FROM_STORAGE, ENOSPC,
      "cannot write data to file '{path}'", 0 },
    /* libvirt's virNetDevBridgeCreate (netlink) */
    { VR_SIM_FAULT_NETWORK_START, "eperm", VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE, EPERM,
      "error creating bridge interface {dev}", 0 },
    { VR_SIM_FAULT_NETWORK_START, "eexist", VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE, EEXIST,
      "error creating bridge interface {dev}", 0 },
    { VR_SIM_FAULT_NETWORK_DEFINE, "enospc", VIR_ERR_SYSTEM_ERROR, VIR_FROM_NETWORK, ENOSPC,
      "cannot write data to file '{path}'", 0 },
};

typedef enum {
    VR_SIM_WHEN_NONE,
    VR_SIM_WHEN_ALWAYS,
    VR_SIM_WHEN_NTH,
    VR_SIM_WHEN_EVERY,
    VR_SIM_WHEN_PROB,
} vrSimFaultWhen;

struct vrSimFaultRule {
    int lineno;
    char *text;               /* the plan line as written, without a CR line end */
    vrSimFaultPoint point;
    const vrSimFaultCause *cause;
    vrSimFaultWhen when;
    guint64 n;                /* nth= / every= */
    double prob;
    bool has_after;
    guint64 after_ns;
    guint64 limit;            /* 0: unlimited */
    char *target;             /* domain name filter, or NULL */
    bool slow;
    int code;                 /* -1: the cause's */
    int domain;               /* -1: the cause's */
    char *message;            /* NULL: the cause's */
    bool has_delay;
    guint64 delay_ns;
    guint64 calls;            /* calls seen (past after=, matching target=) */
    guint64 fired;
};

struct vrSimFaultPlan {
    GPtrArray *rules;         /* vrSimFaultRule *, in plan order */
    bool enabled;
    guint32 watched;          /* bit per point with a rule */
    guint64 fired[VR_SIM_FAULT_POINT_LAST];
    vrSimPrng *prng;          /* attached, or own_prng */
    vrSimClock *clock;        /* attached, or own_clock */
    vrSimTrace *trace;        /* attached, or NULL */
    vrSimPrng own_prng;
    vrSimClock own_clock;
};
_Static_assert(VR_SIM_FAULT_POINT_LAST <= 32, "watched has a bit per point");

static void vrSimFaultRuleFree(gpointer data)
{
    vrSimFaultRule *rule = data;

    g_free(rule->text);
    g_free(rule->target);
    g_free(rule->message);
    g_free(rule);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrSimFaultRule, vrSimFaultRuleFree)

const char *vrSimFaultPointName(vrSimFaultPoint point)
{
    if ((int)point < 0 || point >= VR_SIM_FAULT_POINT_LAST)
        return NULL;
    return vrSimFaultPointNames[point];
}

int vrSimFaultPointFromName(const char *name)
{
    int i;

    for (i = 0; i < VR_SIM_FAULT_POINT_LAST; i++) {
        if (strcmp(vrSimFaultPointNames[i], name) == 0)
            return i;
    }
    return -1;
}

vrSimFaultPlan *vrSimFaultPlanNew(void)
{
    vrSimFaultPlan *plan = g_new0(vrSimFaultPlan, 1);

    plan->rules = g_ptr_array_new_with_free_func(vrSimFaultRuleFree);
    plan->enabled = true;
    vrSimPrngInitStream(&plan->own_prng, 0, VR_SIM_STREAM_FAULTS);
    vrSimClockInit(&plan->own_clock, VR_SIM_CLOCK_START_NS, VR_SIM_CLOCK_STEP_NS);
    plan->prng = &plan->own_prng;
    plan->clock = &plan->own_clock;
    return plan;
}

void vrSimFaultPlanFree(vrSimFaultPlan *plan)
{
    if (!plan)
        return;
    g_ptr_array_free(plan->rules, TRUE);
    g_free(plan);
}

void vrSimFaultPlanAttach(vrSimFaultPlan *plan, vrSimPrng *prng, vrSimClock *clock,
                          vrSimTrace *trace)
{
    plan->prng = prng ? prng : &plan->own_prng;
    plan->clock = clock ? clock : &plan->own_clock;
    plan->trace = trace;
}

void vrSimFaultPlanSetEnabled(vrSimFaultPlan *plan, bool enabled)
{
    plan->enabled = enabled;
}

bool vrSimFaultPlanIsEnabled(const vrSimFaultPlan *plan)
{
    return plan->enabled;
}

bool vrSimFaultPlanWatches(const vrSimFaultPlan *plan, vrSimFaultPoint point)
{
    return plan && plan->enabled && (plan->watched & (1u << point));
}

guint64 vrSimFaultPlanFired(const vrSimFaultPlan *plan, vrSimFaultPoint point)
{
    guint64 total = 0;
    int i;

    if (!plan)
        return 0;
    if (point < VR_SIM_FAULT_POINT_LAST)
        return plan->fired[point];
    for (i = 0; i < VR_SIM_FAULT_POINT_LAST; i++)
        total += plan->fired[i];
    return total;
}

bool vrSimFaultRuleIsSlow(const vrSimFaultRule *rule)
{
    return rule->slow;
}

/* ---- line splitting ---- */

static bool vrSimIsBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* One quoted part starting after the opening quote; advances *p past the
 * closing one.  -1 with *problem set. */
static int vrSimLineQuoted(const char **p, GString *word, const char **problem)
{
    const char *s = *p;

    for (;;) {
        if (*s == '\0') {
            *problem = "unterminated quoted string";
            return -1;
        }
        if (*s == '"')
            break;
        if (*s == '\\') {
            s++;
            if (*s != '"' && *s != '\\') {
                *problem = "invalid escape in quoted string (only \\\" and \\\\)";
                return -1;
            }
        }
        g_string_append_c(word, *s++);
    }
    *p = s + 1;
    return 0;
}

GPtrArray *vrSimLineSplit(const char *line, const char **problem)
{
    g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func(g_free);
    const char *p = line;

    for (;;) {
        g_autoptr(GString) word = NULL;

        while (vrSimIsBlank(*p))
            p++;
        if (*p == '\0' || *p == '#')
            break;
        word = g_string_new(NULL);
        while (*p && !vrSimIsBlank(*p)) {
            if (*p == '"') {
                p++;
                if (vrSimLineQuoted(&p, word, problem) < 0)
                    return NULL;
            } else {
                g_string_append_c(word, *p++);
            }
        }
        g_ptr_array_add(words, g_string_free(g_steal_pointer(&word), FALSE));
    }
    return g_steal_pointer(&words);
}

/* ---- rule parsing ---- */

typedef struct {
    const char *origin;
    int lineno;
} vrSimPlanPos;

static int vrSimPlanError(const vrSimPlanPos *pos, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static int vrSimPlanError(const vrSimPlanPos *pos, const char *fmt, ...)
{
    g_autofree char *problem = NULL;
    va_list ap;

    va_start(ap, fmt);
    problem = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    vrReportError(VIR_ERR_CONF_SYNTAX, "fault plan '%s' line %d: %s",
                  pos->origin, pos->lineno, problem);
    return -1;
}

static int vrSimParseCount(const vrSimPlanPos *pos, const char *key, const char *value,
                           guint64 *out)
{
    if (!g_ascii_string_to_unsigned(value, 10, 1, G_MAXUINT64, out, NULL))
        return vrSimPlanError(pos, "invalid value '%s' for '%s': expected an integer >= 1",
                              value, key);
    return 0;
}

/* Decimal only: g_ascii_strtod would also take "0x0.8", "inf" and "nan". */
static bool vrSimIsDecimal(const char *value)
{
    return *value && strspn(value, "0123456789.eE+-") == strlen(value);
}

static int vrSimParseProb(const vrSimPlanPos *pos, const char *value, double *out)
{
    char *end = NULL;
    double p = vrSimIsDecimal(value) ? g_ascii_strtod(value, &end) : 0.0;

    if (!end || end == value || *end != '\0' || !(p > 0.0 && p <= 1.0))
        return vrSimPlanError(pos, "invalid value '%s' for 'prob': expected a number "
                              "greater than 0 and at most 1", value);
    *out = p;
    return 0;
}

static int vrSimParseDuration(const vrSimPlanPos *pos, const char *key, const char *value,
                              guint64 *out)
{
    if (vrSimDurationParse(value, out) < 0)
        return vrSimPlanError(pos, "invalid duration '%s' for '%s': expected an integer "
                              "with a unit (ns, us, ms, s, m, h)", value, key);
    return 0;
}

static const char *const vrSimPlaceholders[] = {
    "{dom}", "{path}", "{pid}", "{dev}", "{bytes}",
};

static int vrSimParseMessage(const vrSimPlanPos *pos, const char *value, char **out)
{
    const char *p;
    size_t i;

    if (strlen(value) > VR_SIM_FAULT_MESSAGE_MAX)
        return vrSimPlanError(pos, "message is longer than %d bytes",
                              VR_SIM_FAULT_MESSAGE_MAX);
    for (p = strchr(value, '{'); p; p = strchr(p + 1, '{')) {
        for (i = 0; i < G_N_ELEMENTS(vrSimPlaceholders); i++) {
            if (g_str_has_prefix(p, vrSimPlaceholders[i]))
                break;
        }
        if (i == G_N_ELEMENTS(vrSimPlaceholders))
            return vrSimPlanError(pos, "unknown placeholder in message at '%.16s' "
                                  "(known: {dom}, {path}, {pid}, {dev}, {bytes})", p);
    }
    *out = g_strdup(value);
    return 0;
}

static int vrSimParseCode(const vrSimPlanPos *pos, const char *value, int *out)
{
    guint64 num;
    int code = vrSimErrorCodeFromName(value);

    if (code < 0 && g_ascii_string_to_unsigned(value, 10, 1, VIR_ERR_NUMBER_LAST - 1,
                                               &num, NULL) &&
        vrSimErrorCodeName((int)num))
        code = (int)num;
    if (code <= 0)
        return vrSimPlanError(pos, "unknown error code '%s' (expected VIR_ERR_... or "
                              "its number)", value);
    *out = code;
    return 0;
}

static int vrSimParseCause(const vrSimPlanPos *pos, vrSimFaultRule *rule, const char *value)
{
    g_autoptr(GString) known = g_string_new(NULL);
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(vrSimFaultCauses); i++) {
        const vrSimFaultCause *c = &vrSimFaultCauses[i];

        if (c->point != rule->point)
            continue;
        if (strcmp(c->name, value) == 0) {
            rule->cause = c;
            return 0;
        }
        g_string_append_printf(known, "%s%s", known->len ? ", " : "", c->name);
    }
    return vrSimPlanError(pos, "unknown cause '%s' for %s (known: %s)", value,
                          vrSimFaultPointNames[rule->point], known->str);
}

static int vrSimSetWhen(const vrSimPlanPos *pos, vrSimFaultRule *rule, vrSimFaultWhen when,
                        const char *word)
{
    if (rule->when != VR_SIM_WHEN_NONE)
        return vrSimPlanError(pos, "more than one trigger at '%s' (give one of always, "
                              "nth=N, every=N, prob=P)", word);
    rule->when = when;
    return 0;
}

/* A key=value word (value may be empty). */
static int vrSimParseKey(const vrSimPlanPos *pos, vrSimFaultRule *rule, const char *key,
                         const char *value, const char *word)
{
    /* an empty target= would match nothing, an empty message= say nothing */
    if (!*value && (strcmp(key, "target") == 0 || strcmp(key, "message") == 0))
        return vrSimPlanError(pos, "no value for '%s'", key);
    if (strcmp(key, "nth") == 0 || strcmp(key, "every") == 0) {
        if (vrSimSetWhen(pos, rule, key[0] == 'n' ? VR_SIM_WHEN_NTH : VR_SIM_WHEN_EVERY,
                         word) < 0)
            return -1;
        return vrSimParseCount(pos, key, value, &rule->n);
    }
    if (strcmp(key, "prob") == 0)
        return vrSimSetWhen(pos, rule, VR_SIM_WHEN_PROB, word) < 0 ? -1 :
               vrSimParseProb(pos, value, &rule->prob);
    if (strcmp(key, "after") == 0) {
        rule->has_after = true;
        return vrSimParseDuration(pos, key, value, &rule->after_ns);
    }
    if (strcmp(key, "delay") == 0) {
        rule->has_delay = true;
        return vrSimParseDuration(pos, key, value, &rule->delay_ns);
    }
    if (strcmp(key, "limit") == 0)
        return vrSimParseCount(pos, key, value, &rule->limit);
    if (strcmp(key, "target") == 0) {
        rule->target = g_strdup(value);
        return 0;
    }
    if (strcmp(key, "cause") == 0)
        return vrSimParseCause(pos, rule, value);
    if (strcmp(key, "code") == 0)
        return vrSimParseCode(pos, value, &rule->code);
    if (strcmp(key, "from") == 0) {
        if ((rule->domain = vrSimErrorDomainFromName(value)) < 0)
            return vrSimPlanError(pos, "unknown error domain '%s' (expected VIR_FROM_...)",
                                  value);
        return 0;
    }
    if (strcmp(key, "message") == 0)
        return vrSimParseMessage(pos, value, &rule->message);
    return vrSimPlanError(pos, "unknown key '%s' (known: nth, every, prob, after, limit, "
                          "target, cause, code, from, message, delay)", key);
}

static int vrSimParseWord(const vrSimPlanPos *pos, vrSimFaultRule *rule, const char *word,
                          GHashTable *seen)
{
    const char *eq = strchr(word, '=');
    g_autofree char *key = eq ? g_strndup(word, eq - word) : g_strdup(word);

    if (g_hash_table_contains(seen, key))
        return vrSimPlanError(pos, "'%s' given twice", key);
    g_hash_table_add(seen, g_strdup(key));
    if (eq)
        return vrSimParseKey(pos, rule, key, eq + 1, word);
    if (strcmp(word, "always") == 0)
        return vrSimSetWhen(pos, rule, VR_SIM_WHEN_ALWAYS, word);
    if (strcmp(word, "slow") == 0) {
        rule->slow = true;
        return 0;
    }
    return vrSimPlanError(pos, "unknown word '%s' (expected always, slow or KEY=VALUE)",
                          word);
}

/* The checks that need the whole line. */
static int vrSimRuleCheck(const vrSimPlanPos *pos, vrSimFaultRule *rule)
{
    const char *point = vrSimFaultPointNames[rule->point];

    if (rule->when == VR_SIM_WHEN_NONE) {
        if (!rule->has_after)
            return vrSimPlanError(pos, "%s has no trigger: give always, nth=N, every=N, "
                                  "prob=P or after=T", point);
        rule->when = VR_SIM_WHEN_ALWAYS;
    }
    if (rule->point == VR_SIM_FAULT_GUEST_CRASH &&
        (rule->slow || rule->code >= 0 || rule->domain >= 0 || rule->message ||
         rule->has_delay))
        return vrSimPlanError(pos, "%s injects a crash, not an error: slow, code, from, "
                              "message and delay do not apply", point);
    if (rule->slow && (rule->code >= 0 || rule->domain >= 0 || rule->message))
        return vrSimPlanError(pos, "a slow rule reports no error: code, from and message "
                              "do not apply");
    return 0;
}

static vrSimFaultRule *vrSimRuleParse(const vrSimPlanPos *pos, GPtrArray *words)
{
    g_autoptr(vrSimFaultRule) rule = g_new0(vrSimFaultRule, 1);
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    const char *name = g_ptr_array_index(words, 0);
    int point = vrSimFaultPointFromName(name);
    size_t i;

    if (point < 0) {
        g_autoptr(GString) known = g_string_new(NULL);

        for (i = 0; i < VR_SIM_FAULT_POINT_LAST; i++)
            g_string_append_printf(known, "%s%s", i ? ", " : "", vrSimFaultPointNames[i]);
        vrSimPlanError(pos, "unknown fault point '%s' (known: %s)", name, known->str);
        return NULL;
    }
    rule->lineno = pos->lineno;
    rule->point = point;
    rule->code = rule->domain = -1;
    for (i = 0; i < G_N_ELEMENTS(vrSimFaultCauses) && !rule->cause; i++) {
        if (vrSimFaultCauses[i].point == rule->point)
            rule->cause = &vrSimFaultCauses[i];
    }
    for (i = 1; i < words->len; i++) {
        if (vrSimParseWord(pos, rule, g_ptr_array_index(words, i), seen) < 0)
            return NULL;
    }
    if (vrSimRuleCheck(pos, rule) < 0)
        return NULL;
    return g_steal_pointer(&rule);
}

int vrSimFaultPlanAddLine(vrSimFaultPlan *plan, const char *text, const char *origin,
                          int lineno)
{
    vrSimPlanPos pos = { origin, lineno };
    g_autoptr(GPtrArray) words = NULL;
    const char *problem = NULL;
    vrSimFaultRule *rule;

    if (strlen(text) > VR_SIM_FAULT_LINE_MAX)
        return vrSimPlanError(&pos, "line is longer than %d bytes", VR_SIM_FAULT_LINE_MAX);
    if (!(words = vrSimLineSplit(text, &problem)))
        return vrSimPlanError(&pos, "%s", problem);
    if (words->len == 0)
        return 0;
    if (plan->rules->len >= VR_SIM_FAULT_RULES_MAX)
        return vrSimPlanError(&pos, "more than %d rules", VR_SIM_FAULT_RULES_MAX);
    if (!(rule = vrSimRuleParse(&pos, words)))
        return -1;
    rule->text = g_strdup(text);
    /* a CRLF line end is a blank to the parser; the text drops it */
    while (*rule->text && rule->text[strlen(rule->text) - 1] == '\r')
        rule->text[strlen(rule->text) - 1] = '\0';
    g_ptr_array_add(plan->rules, rule);
    plan->watched |= 1u << rule->point;
    return 0;
}

int vrSimFaultPlanAddText(vrSimFaultPlan *plan, const char *text, const char *origin)
{
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    size_t i;

    for (i = 0; lines[i]; i++) {
        if (vrSimFaultPlanAddLine(plan, lines[i], origin, (int)i + 1) < 0)
            return -1;
    }
    return 0;
}

guint vrSimFaultPlanRuleCount(const vrSimFaultPlan *plan)
{
    return plan ? plan->rules->len : 0;
}

const char *vrSimFaultPlanRuleLine(const vrSimFaultPlan *plan, guint i, int *lineno)
{
    const vrSimFaultRule *rule;

    if (!plan || i >= plan->rules->len)
        return NULL;
    rule = g_ptr_array_index(plan->rules, i);
    if (lineno)
        *lineno = rule->lineno;
    return rule->text;
}

/* A NUL byte would silently end its line (and the plan) early. */
static int vrSimFaultPlanCheckNul(const char *text, size_t len, const char *path)
{
    const char *nul = memchr(text, '\0', len);
    vrSimPlanPos pos = { path, 1 };
    const char *p;

    if (!nul)
        return 0;
    for (p = text; p < nul; p++)
        pos.lineno += *p == '\n';
    return vrSimPlanError(&pos, "NUL byte in the line");
}

vrSimFaultPlan *vrSimFaultPlanLoad(const char *path)
{
    g_autoptr(vrSimFaultPlan) plan = vrSimFaultPlanNew();
    g_autofree char *text = NULL;
    GStatBuf st;
    size_t len = 0;

    if (g_stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
        st.st_size > VR_SIM_FAULT_PLAN_MAX_BYTES) {
        vrReportError(VIR_ERR_CONF_SYNTAX, "fault plan '%s' is larger than %d bytes",
                      path, VR_SIM_FAULT_PLAN_MAX_BYTES);
        return NULL;
    }
    if (vrFileReadAll(path, VR_SIM_FAULT_PLAN_MAX_BYTES, &text, &len) < 0 ||
        vrSimFaultPlanCheckNul(text, len, path) < 0 ||
        vrSimFaultPlanAddText(plan, text, path) < 0)
        return NULL;
    return g_steal_pointer(&plan);
}

/* ---- firing ---- */

/* Whether rule fires on this call (the call already counted). */
static bool vrSimRuleHits(vrSimFaultPlan *plan, vrSimFaultRule *rule)
{
    bool hit = false;

    switch (rule->when) {
    case VR_SIM_WHEN_ALWAYS:
        hit = true;
        break;
    case VR_SIM_WHEN_NTH:
        hit = rule->calls == rule->n;
        break;
    case VR_SIM_WHEN_EVERY:
        hit = rule->calls % rule->n == 0;
        break;
    case VR_SIM_WHEN_PROB:
        /* drawn on every call, so later draws do not depend on limits */
        hit = vrSimPrngUnit(plan->prng) < rule->prob;
        break;
    case VR_SIM_WHEN_NONE:
        break;
    }
    return hit && (rule->limit == 0 || rule->fired < rule->limit);
}

static guint64 vrSimRuleDelay(const vrSimFaultRule *rule)
{
    return rule->has_delay ? rule->delay_ns : rule->cause->delay_ns;
}

static void vrSimRuleTrace(vrSimFaultPlan *plan, const vrSimFaultRule *rule,
                           const vrSimFaultCtx *ctx)
{
    char delay[VR_SIM_CLOCK_FORMAT_BUFLEN];
    const char *outcome;

    if (rule->point == VR_SIM_FAULT_GUEST_CRASH)
        outcome = rule->cause->name;
    else if (rule->slow)
        outcome = "slow";
    else
        outcome = vrSimErrorCodeName(rule->code >= 0 ? rule->code : rule->cause->code);
    vrSimTraceAdd(plan->trace, "fault", "%s line=%d dom=%s %s delay=%s",
                  vrSimFaultPointNames[rule->point], rule->lineno,
                  ctx && ctx->dom ? ctx->dom : "-", outcome,
                  vrSimClockFormat(vrSimRuleDelay(rule), delay));
}

const vrSimFaultRule *vrSimFaultFire(vrSimFaultPlan *plan, vrSimFaultPoint point,
                                     const vrSimFaultCtx *ctx)
{
    vrSimFaultRule *chosen = NULL;
    guint i;

    if (!vrSimFaultPlanWatches(plan, point))
        return NULL;
    for (i = 0; i < plan->rules->len; i++) {
        vrSimFaultRule *rule = g_ptr_array_index(plan->rules, i);

        if (rule->point != point)
            continue;
        if (rule->target && (!ctx || !ctx->dom || strcmp(rule->target, ctx->dom) != 0))
            continue;
        if (rule->has_after && vrSimClockNow(plan->clock) < rule->after_ns)
            continue;
        rule->calls++;
        if (vrSimRuleHits(plan, rule) && !chosen)
            chosen = rule;
    }
    if (!chosen)
        return NULL;
    chosen->fired++;
    plan->fired[point]++;
    vrSimRuleTrace(plan, chosen, ctx);
    vrSimClockAdvance(plan->clock, vrSimRuleDelay(chosen));
    return chosen;
}

/* ---- reporting ---- */

/* The text a placeholder at p stands for (appended to out), and its length;
 * 0 when p starts none. */
static size_t vrSimFaultPlaceholder(const char *p, const vrSimFaultCtx *ctx, GString *out)
{
    static const vrSimFaultCtx none;

    if (!ctx)
        ctx = &none;
    if (g_str_has_prefix(p, "{dom}"))
        g_string_append(out, ctx->dom ? ctx->dom : "");
    else if (g_str_has_prefix(p, "{path}"))
        g_string_append(out, ctx->path ? ctx->path : "");
    else if (g_str_has_prefix(p, "{dev}"))
        g_string_append(out, ctx->dev ? ctx->dev : "");
    else if (g_str_has_prefix(p, "{pid}"))
        g_string_append_printf(out, "%lld", ctx->pid);
    else if (g_str_has_prefix(p, "{bytes}"))
        g_string_append_printf(out, "%llu", ctx->bytes);
    else
        return 0;
    return strchr(p, '}') - p + 1;
}

static char *vrSimFaultExpand(const char *template, const vrSimFaultCtx *ctx)
{
    GString *out = g_string_new(NULL);
    const char *p = template;

    while (*p) {
        size_t used = *p == '{' ? vrSimFaultPlaceholder(p, ctx, out) : 0;

        if (used) {
            p += used;
        } else {
            g_string_append_c(out, *p++);
        }
    }
    return g_string_free(out, FALSE);
}

int vrSimFaultReport(const vrSimFaultRule *rule, const vrSimFaultCtx *ctx)
{
    const vrSimFaultCause *cause = rule->cause;
    int code = rule->code >= 0 ? rule->code : cause->code;
    int domain = rule->domain >= 0 ? rule->domain : cause->domain;
    g_autofree char *message = vrSimFaultExpand(rule->message ? rule->message
                                                              : cause->message, ctx);

    /* the cause's errno belongs to the cause's own text */
    if (!rule->message && code == VIR_ERR_SYSTEM_ERROR && cause->errnum)
        vrErrorReportSystem(domain, cause->errnum, __FILE__, __func__, __LINE__,
                            "%s", message);
    else
        vrErrorReport(domain, code, __FILE__, __func__, __LINE__, "%s", message);
    return -1;
}

int vrSimFaultInject(vrSimFaultPlan *plan, vrSimFaultPoint point, const vrSimFaultCtx *ctx)
{
    const vrSimFaultRule *rule = vrSimFaultFire(plan, point, ctx);

    if (!rule || rule->slow)
        return 0;
    return vrSimFaultReport(rule, ctx);
}
