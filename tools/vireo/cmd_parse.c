/* The vireo shell's command line machinery: tokenizing (virsh's quoting
 * rules), matching words to command and option tables, typed access to
 * option values, and the "help" renderings of a command or a group. */
#include "shell.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Unit suffixes: K, M, G, T, P, E, each a power of the base; "KiB" style
 * (and bare "K") means 1024, "KB" style 1000. */
#define VR_SH_UNIT_LETTERS "KMGTPE"
#define VR_SH_BINARY_BASE 1024ULL
#define VR_SH_DECIMAL_BASE 1000ULL

typedef enum {
    VR_TK_ERROR,   /* malformed input; already reported */
    VR_TK_ARG,     /* one word */
    VR_TK_CMD_END, /* ';', newline or comment: next command follows */
    VR_TK_END,     /* no more input */
} vrShToken;

typedef struct vrShParser vrShParser;
struct vrShParser {
    vrShToken (*next)(vrShCtl *ctl, vrShParser *parser, char **word);
    const char *pos;   /* string mode */
    char **argv;       /* argv mode */
    int argc;
    int argi;
};

typedef struct {
    const vrShCmdDef *def;
    uint32_t need_arg; /* options that can still take a positional word */
    uint32_t required;
    uint32_t seen;
} vrShParseState;

static const vrShOptDef vrShHelpOpt = {
    .name = "help", .type = VR_SH_OT_BOOL,
    .help = "print help for this function",
};


const vrShCmdDef *
vrShCmdDefSearch(const char *name)
{
    for (const vrShGroup *g = vrShGroups; g->name; g++) {
        for (const vrShCmdDef *const *c = g->cmds; *c; c++) {
            if (strcmp((*c)->name, name) == 0)
                return *c;
        }
    }
    return NULL;
}


const vrShGroup *
vrShGroupSearch(const char *name)
{
    for (const vrShGroup *g = vrShGroups; g->name; g++) {
        if (strcmp(g->name, name) == 0 || strcmp(g->keyword, name) == 0)
            return g;
    }
    return NULL;
}


/* ---- tokenizers ---- */

static bool
vrShIsBlank(char c)
{
    return c == ' ' || c == '\t';
}


/* Copies one word starting at *pp into out, honouring quotes and
 * backslashes; leaves *pp after the word. */
static vrShToken
vrShStringWord(vrShCtl *ctl, const char **pp, GString *out)
{
    const char *p = *pp;
    bool squote = false;
    bool dquote = false;

    while (*p) {
        if (!squote && !dquote &&
            (vrShIsBlank(*p) || *p == ';' || *p == '\n'))
            break;
        if (!dquote && *p == '\'') {
            squote = !squote;
            p++;
            continue;
        }
        if (!squote && *p == '"') {
            dquote = !dquote;
            p++;
            continue;
        }
        if (!squote && *p == '\\') {
            p++;
            if (*p == '\0') {
                vrShError(ctl, "%s", "dangling \\");
                return VR_TK_ERROR;
            }
            if (*p == '\n') {
                p++;
                continue;
            }
        }
        g_string_append_c(out, *p++);
    }
    if (dquote) {
        vrShError(ctl, "%s", "missing \"");
        return VR_TK_ERROR;
    }
    *pp = p;
    return VR_TK_ARG;
}


static vrShToken
vrShStringNext(vrShCtl *ctl, vrShParser *parser, char **word)
{
    const char *p = parser->pos;
    g_autoptr(GString) out = NULL;
    vrShToken tk;

    *word = NULL;
    while (vrShIsBlank(*p) || (*p == '\\' && p[1] == '\n'))
        p += (*p == '\\') ? 2 : 1;

    if (*p == '\0') {
        parser->pos = p;
        return VR_TK_END;
    }
    if (*p == ';' || *p == '\n') {
        parser->pos = p + 1;
        return VR_TK_CMD_END;
    }
    if (*p == '#') {
        while (*p && *p != '\n')
            p++;
        parser->pos = *p ? p + 1 : p;
        return VR_TK_CMD_END;
    }

    out = g_string_new(NULL);
    if ((tk = vrShStringWord(ctl, &p, out)) != VR_TK_ARG)
        return tk;
    parser->pos = p;
    *word = g_string_free(g_steal_pointer(&out), FALSE);
    return VR_TK_ARG;
}


static vrShToken
vrShArgvNext(vrShCtl *ctl, vrShParser *parser, char **word)
{
    *word = NULL;
    if (parser->argi >= parser->argc)
        return VR_TK_END;
    *word = g_strdup(parser->argv[parser->argi++]);
    return VR_TK_ARG;
}


/* ---- option tables ---- */

/* Computes which options take positional words and which are required;
 * -1 when the table breaks the rules the parser relies on. */
static int
vrShOptTableScan(const vrShCmdDef *def, uint32_t *need_arg,
                 uint32_t *required)
{
    bool optional = false;

    *need_arg = 0;
    *required = 0;
    for (size_t i = 0; def->opts && def->opts[i].name; i++) {
        const vrShOptDef *opt = &def->opts[i];

        if (i >= VR_SH_MAX_OPTS)
            return -1;
        if (opt->type == VR_SH_OT_BOOL) {
            optional = true;
            continue;
        }
        if (opt->type == VR_SH_OT_ALIAS)
            continue;
        if (opt->flags & VR_SH_OFLAG_REQ_OPT) {
            if (opt->flags & VR_SH_OFLAG_REQ)
                *required |= 1U << i;
            else
                optional = true;
            continue;
        }
        *need_arg |= 1U << i;
        if (opt->flags & VR_SH_OFLAG_REQ) {
            if (optional && opt->type != VR_SH_OT_ARGV)
                return -1;
            *required |= 1U << i;
        } else {
            optional = true;
        }
    }
    return 0;
}


static int
vrShOptIndex(const vrShCmdDef *def, const char *name)
{
    for (size_t i = 0; def->opts && def->opts[i].name; i++) {
        if (strcmp(def->opts[i].name, name) == 0)
            return (int)i;
    }
    return -1;
}


/* Resolves "--name[=value]" to an option definition.  *value may be set
 * by an alias of the form "target=value". */
static const vrShOptDef *
vrShParseOptName(vrShCtl *ctl, vrShParseState *st, const char *name,
                 char **value)
{
    const vrShCmdDef *def = st->def;
    g_autofree char *target = NULL;
    int i;

    if (strcmp(name, vrShHelpOpt.name) == 0 && vrShOptIndex(def, name) < 0)
        return &vrShHelpOpt;

    i = vrShOptIndex(def, name);
    if (i >= 0 && def->opts[i].type == VR_SH_OT_ALIAS) {
        const char *alias = def->opts[i].help;
        const char *eq = strchr(alias, '=');

        target = eq ? g_strndup(alias, eq - alias) : g_strdup(alias);
        if (eq) {
            if (*value) {
                vrShError(ctl, "invalid '=' after option --%s", name);
                return NULL;
            }
            *value = g_strdup(eq + 1);
        }
        name = target;
        i = vrShOptIndex(def, name);
    }
    if (i < 0) {
        if (strcmp(def->name, "help") != 0)
            vrShError(ctl, "command '%s' doesn't support option --%s",
                      def->name, name);
        return NULL;
    }
    if ((st->seen & (1U << i)) && def->opts[i].type != VR_SH_OT_ARGV) {
        vrShError(ctl, "option --%s already seen", name);
        return NULL;
    }
    st->seen |= 1U << i;
    if (def->opts[i].type != VR_SH_OT_ARGV)
        st->need_arg &= ~(1U << i);
    return &def->opts[i];
}


/* The option the next positional word belongs to, or NULL. */
static const vrShOptDef *
vrShParseData(vrShParseState *st)
{
    int i;

    if (!st->need_arg)
        return NULL;
    i = __builtin_ctz(st->need_arg);
    if (st->def->opts[i].type != VR_SH_OT_ARGV)
        st->need_arg &= ~(1U << i);
    st->seen |= 1U << i;
    return &st->def->opts[i];
}


static void
vrShOptAppend(vrShOpt ***tail, const vrShOptDef *def, char *data)
{
    vrShOpt *o = g_new0(vrShOpt, 1);

    o->def = def;
    o->data = data;
    **tail = o;
    *tail = &o->next;
}


static void
vrShOptListFree(vrShOpt *o)
{
    while (o) {
        vrShOpt *next = o->next;

        g_free(o->data);
        g_free(o);
        o = next;
    }
}


void
vrShCommandFree(vrShCmd *cmd)
{
    while (cmd) {
        vrShCmd *next = cmd->next;

        vrShOptListFree(cmd->opts);
        g_free(cmd);
        cmd = next;
    }
}


/* Reports every required option that was not given. */
static bool
vrShCheckRequired(vrShCtl *ctl, const vrShParseState *st)
{
    uint32_t missing = st->required & ~st->seen;

    if (!missing)
        return true;
    for (size_t i = 0; st->def->opts[i].name; i++) {
        const vrShOptDef *opt = &st->def->opts[i];

        if (!(missing & (1U << i)))
            continue;
        if (opt->type == VR_SH_OT_DATA || opt->type == VR_SH_OT_ARGV)
            vrShError(ctl, "command '%s' requires <%s> option",
                      st->def->name, opt->name);
        else
            vrShError(ctl, "command '%s' requires --%s option",
                      st->def->name, opt->name);
    }
    return false;
}


/* Turns a parsed command into a finished vrShCmd; "--help" anywhere turns
 * it into "help <command>". */
static vrShCmd *
vrShFinishCommand(vrShCtl *ctl, vrShParseState *st, vrShOpt *opts)
{
    vrShCmd *cmd;

    for (vrShOpt *o = opts; o; o = o->next) {
        const vrShCmdDef *help;

        if (o->def != &vrShHelpOpt)
            continue;
        help = vrShCmdDefSearch("help");
        vrShOptListFree(opts);
        opts = g_new0(vrShOpt, 1);
        opts->def = &help->opts[0];
        opts->data = g_strdup(st->def->name);
        cmd = g_new0(vrShCmd, 1);
        cmd->def = help;
        cmd->opts = opts;
        return cmd;
    }
    if (!vrShCheckRequired(ctl, st)) {
        vrShOptListFree(opts);
        return NULL;
    }
    cmd = g_new0(vrShCmd, 1);
    cmd->def = st->def;
    cmd->opts = opts;
    return cmd;
}


/* Handles one "--name[=value]" word; false on a reported error.
 * *opt is NULL when the word is to be ignored ("help" ignores unknown
 * options). */
static bool
vrShParseOptWord(vrShCtl *ctl, vrShParser *parser, vrShParseState *st,
                 const char *word, const vrShOptDef **opt, char **data)
{
    g_autofree char *name = g_strdup(word + 2);
    g_autofree char *value = NULL;
    char *eq = strchr(name, '=');
    vrShToken tk = VR_TK_ARG;

    if (eq) {
        *eq = '\0';
        value = g_strdup(eq + 1);
    }
    *data = NULL;
    if (!(*opt = vrShParseOptName(ctl, st, name, &value)))
        return strcmp(st->def->name, "help") == 0;

    if ((*opt)->type == VR_SH_OT_BOOL) {
        if (value) {
            vrShError(ctl, "invalid '=' after option --%s", (*opt)->name);
            return false;
        }
        return true;
    }
    if (!value)
        tk = parser->next(ctl, parser, &value);
    if (tk == VR_TK_ERROR)
        return false;
    if (tk != VR_TK_ARG) {
        vrShError(ctl, "expected syntax: --%s <%s>", (*opt)->name,
                  (*opt)->type == VR_SH_OT_INT ? "number" : "string");
        return false;
    }
    *data = g_steal_pointer(&value);
    return true;
}


/* Parses the words of one command up to its end.  Returns the token that
 * ended it (VR_TK_ERROR after a reported problem); *out is NULL for an
 * empty command. */
static vrShToken
vrShParseOne(vrShCtl *ctl, vrShParser *parser, vrShCmd **out)
{
    vrShParseState st = { 0 };
    vrShOpt *opts = NULL;
    vrShOpt **tail = &opts;
    bool data_only = false;
    vrShToken tk;

    *out = NULL;
    for (;;) {
        g_autofree char *word = NULL;
        const vrShOptDef *opt = NULL;
        char *data = NULL;

        tk = parser->next(ctl, parser, &word);
        if (tk != VR_TK_ARG)
            break;

        if (!st.def) {
            if (!(st.def = vrShCmdDefSearch(word))) {
                vrShError(ctl, "unknown command: '%s'", word);
                tk = VR_TK_ERROR;
                break;
            }
            if (vrShOptTableScan(st.def, &st.need_arg, &st.required) < 0) {
                vrShError(ctl, "internal error: bad options in command: '%s'",
                          word);
                tk = VR_TK_ERROR;
                break;
            }
            continue;
        }
        if (!data_only && word[0] == '-' && word[1] == '-' &&
            g_ascii_isalnum(word[2])) {
            if (!vrShParseOptWord(ctl, parser, &st, word, &opt, &data)) {
                tk = VR_TK_ERROR;
                break;
            }
        } else if (!data_only && strcmp(word, "--") == 0) {
            data_only = true;
            continue;
        } else {
            opt = vrShParseData(&st);
            if (!opt && strcmp(st.def->name, "help") != 0) {
                vrShError(ctl, "unexpected data '%s'", word);
                tk = VR_TK_ERROR;
                break;
            }
            data = g_steal_pointer(&word);
        }
        if (opt)
            vrShOptAppend(&tail, opt, data);
        else
            g_free(data);
    }

    if (tk == VR_TK_ERROR || !st.def) {
        vrShOptListFree(opts);
        return tk;
    }
    if (!(*out = vrShFinishCommand(ctl, &st, opts)))
        return VR_TK_ERROR;
    return tk;
}


static bool
vrShParse(vrShCtl *ctl, vrShParser *parser, vrShCmd **cmds)
{
    vrShCmd *head = NULL;
    vrShCmd **tail = &head;
    vrShToken tk;

    *cmds = NULL;
    do {
        vrShCmd *cmd = NULL;

        tk = vrShParseOne(ctl, parser, &cmd);
        if (tk == VR_TK_ERROR) {
            vrShCommandFree(head);
            return false;
        }
        if (cmd) {
            *tail = cmd;
            tail = &cmd->next;
        }
    } while (tk != VR_TK_END);

    *cmds = head;
    return true;
}


bool
vrShCommandParseString(vrShCtl *ctl, const char *str, vrShCmd **cmds)
{
    vrShParser parser = { .next = vrShStringNext, .pos = str };

    *cmds = NULL;
    if (!str || !*str)
        return false;
    return vrShParse(ctl, &parser, cmds);
}


bool
vrShCommandParseArgv(vrShCtl *ctl, int argc, char **argv, vrShCmd **cmds)
{
    vrShParser parser = { .next = vrShArgvNext, .argv = argv, .argc = argc };

    *cmds = NULL;
    if (argc <= 0)
        return false;
    return vrShParse(ctl, &parser, cmds);
}


/* ---- option access ---- */

static const vrShOpt *
vrShOptFind(const vrShCmd *cmd, const char *name)
{
    for (const vrShOpt *o = cmd->opts; o; o = o->next) {
        if (strcmp(o->def->name, name) == 0)
            return o;
    }
    return NULL;
}


bool
vrShOptBool(const vrShCmd *cmd, const char *name)
{
    return vrShOptFind(cmd, name) != NULL;
}


/* 1 and *value set when present, 0 when absent (*value NULL), -1 after
 * reporting an empty value the option does not accept. */
int
vrShOptString(vrShCtl *ctl, const vrShCmd *cmd, const char *name,
              const char **value)
{
    const vrShOpt *o = vrShOptFind(cmd, name);

    *value = NULL;
    if (!o)
        return 0;
    if (!*o->data && !(o->def->flags & VR_SH_OFLAG_EMPTY_OK)) {
        vrShError(ctl, "Failed to get option '%s': %s", name,
                  "Option argument is empty");
        return -1;
    }
    *value = o->data;
    return 1;
}


/* Like vrShOptString, but an empty value fails without a message. */
int
vrShOptStringQuiet(const vrShCmd *cmd, const char *name, const char **value)
{
    const vrShOpt *o = vrShOptFind(cmd, name);

    *value = NULL;
    if (!o)
        return 0;
    if (!*o->data && !(o->def->flags & VR_SH_OFLAG_EMPTY_OK))
        return -1;
    *value = o->data;
    return 1;
}


static void
vrShNumError(vrShCtl *ctl, const char *data, const char *name)
{
    vrShError(ctl, "Numeric value '%s' for <%s> option is malformed or out of range",
              data, name);
}


int
vrShOptInt(vrShCtl *ctl, const vrShCmd *cmd, const char *name, int *value)
{
    const vrShOpt *o = vrShOptFind(cmd, name);
    long long v;

    if (!o)
        return 0;
    if (!vrShStrToLong(o->data, INT_MIN, INT_MAX, &v)) {
        vrShNumError(ctl, o->data, name);
        return -1;
    }
    *value = (int)v;
    return 1;
}


int
vrShOptUInt(vrShCtl *ctl, const vrShCmd *cmd, const char *name,
            unsigned int *value)
{
    const vrShOpt *o = vrShOptFind(cmd, name);
    unsigned long long v;
    char *end;

    if (!o)
        return 0;
    if (!vrShStrToULL(o->data, false, &v, &end) || *end || v > UINT_MAX) {
        vrShNumError(ctl, o->data, name);
        return -1;
    }
    *value = (unsigned int)v;
    return 1;
}


int
vrShOptULWrap(vrShCtl *ctl, const vrShCmd *cmd, const char *name,
              unsigned long *value)
{
    const vrShOpt *o = vrShOptFind(cmd, name);
    unsigned long long v;
    char *end;

    if (!o)
        return 0;
    if (!vrShStrToULL(o->data, true, &v, &end) || *end || v > ULONG_MAX) {
        vrShNumError(ctl, o->data, name);
        return -1;
    }
    *value = (unsigned long)v;
    return 1;
}


/* An unsigned 64-bit option value; with wrap, a negative number wraps
 * around the way strtoull does it ("-1" is the largest value). */
int
vrShOptULL(vrShCtl *ctl, const vrShCmd *cmd, const char *name, bool wrap,
           unsigned long long *value)
{
    const vrShOpt *o = vrShOptFind(cmd, name);
    unsigned long long v;
    char *end;

    if (!o)
        return 0;
    if (!vrShStrToULL(o->data, wrap, &v, &end) || *end) {
        vrShNumError(ctl, o->data, name);
        return -1;
    }
    *value = v;
    return 1;
}


static void
vrShBadSuffix(const char *suffix)
{
    g_autofree char *msg = g_strdup_printf("invalid argument: unknown suffix '%s'",
                                           suffix);

    vrShSetLibError(msg);
}


/* The multiplier a non-empty unit suffix stands for: b/byte/bytes, or one
 * of K M G T P E alone or with "iB" (powers of 1024) or "B" (powers of
 * 1000), in any case.  0 after recording an unknown suffix. */
static unsigned long long
vrShSuffixScale(const char *suffix)
{
    const char *unit = strchr(VR_SH_UNIT_LETTERS, g_ascii_toupper(suffix[0]));
    unsigned long long base;
    unsigned long long scale = 1;

    if (g_ascii_strcasecmp(suffix, "b") == 0 ||
        g_ascii_strcasecmp(suffix, "byte") == 0 ||
        g_ascii_strcasecmp(suffix, "bytes") == 0)
        return 1;
    if (!suffix[1] || g_ascii_strcasecmp(suffix + 1, "iB") == 0)
        base = VR_SH_BINARY_BASE;
    else if (g_ascii_tolower(suffix[1]) == 'b' && !suffix[2])
        base = VR_SH_DECIMAL_BASE;
    else
        base = 0;
    if (!base || !unit) {
        vrShBadSuffix(suffix);
        return 0;
    }
    for (const char *u = VR_SH_UNIT_LETTERS; u <= unit; u++)
        scale *= base;
    return scale;
}


/* Applies the unit suffix to *value; without one the value is in units of
 * scale.  False after recording the error (unknown suffix, overflow of
 * max) the way libvirt words it. */
static bool
vrShScale(unsigned long long *value, const char *suffix,
          unsigned long long scale, unsigned long long max)
{
    if (*suffix && !(scale = vrShSuffixScale(suffix)))
        return false;
    if (*value && *value > max / scale) {
        g_autofree char *msg =
            g_strdup_printf("numerical overflow: value too large: %llu%s",
                            *value, suffix);

        vrShSetLibError(msg);
        return false;
    }
    *value *= scale;
    return true;
}


/* A non-negative base-10 number with an optional unit suffix, in units
 * of scale without one.  False when malformed; an unknown suffix or an
 * overflow of max also records the error libvirt reports for it. */
bool
vrShParseScaled(const char *str, unsigned long long scale,
                unsigned long long max, unsigned long long *value)
{
    unsigned long long v;
    char *end;

    if (!vrShStrToULL(str, false, &v, &end) || !vrShScale(&v, end, scale, max))
        return false;
    *value = v;
    return true;
}


int
vrShOptScaled(vrShCtl *ctl, const vrShCmd *cmd, const char *name,
              unsigned long long *value, unsigned long long scale,
              unsigned long long max)
{
    const vrShOpt *o = vrShOptFind(cmd, name);
    unsigned long long v;

    if (!o)
        return 0;
    if (!vrShParseScaled(o->data, scale, max, &v)) {
        vrShError(ctl, "Scaled numeric value '%s' for <%s> option is malformed or out of range",
                  o->data, name);
        return -1;
    }
    *value = v;
    return 1;
}


int
vrShOptTimeoutMs(vrShCtl *ctl, const vrShCmd *cmd, int *timeout_ms)
{
    unsigned int secs;
    int rc;

    if ((rc = vrShOptUInt(ctl, cmd, "timeout", &secs)) <= 0)
        return rc;
    if (secs == 0 || secs > INT_MAX / 1000) {
        vrShError(ctl, "Numeric value '%u' for <%s> option is malformed or out of range",
                  secs, "timeout");
        return -1;
    }
    *timeout_ms = (int)secs * 1000;
    return 1;
}


const vrShOpt *
vrShOptArgv(const vrShCmd *cmd, const vrShOpt *prev)
{
    for (const vrShOpt *o = prev ? prev->next : cmd->opts; o; o = o->next) {
        if (o->def->type == VR_SH_OT_ARGV)
            return o;
    }
    return NULL;
}


/* ---- help ---- */

/* The SYNOPSIS word of one option; *shortopt records whether an earlier
 * option could be given positionally (which changes how argv reads). */
static char *
vrShSynopsisWord(const vrShOptDef *opt, bool *shortopt)
{
    bool req = opt->flags & VR_SH_OFLAG_REQ;
    bool positional = !(opt->flags & VR_SH_OFLAG_REQ_OPT);

    switch (opt->type) {
    case VR_SH_OT_BOOL:
        return g_strdup_printf("[--%s]", opt->name);
    case VR_SH_OT_INT:
        *shortopt |= positional;
        return req ? g_strdup_printf("<%s>", opt->name)
                   : g_strdup_printf("[--%s <number>]", opt->name);
    case VR_SH_OT_STRING:
        *shortopt |= positional;
        return g_strdup_printf("[--%s <string>]", opt->name);
    case VR_SH_OT_DATA:
        *shortopt |= positional;
        return req ? g_strdup_printf("<%s>", opt->name)
                   : g_strdup_printf("[<%s>]", opt->name);
    case VR_SH_OT_ARGV:
        if (*shortopt)
            return req ? g_strdup_printf("{[--%s] <string>}...", opt->name)
                       : g_strdup_printf("[[--%s] <string>]...", opt->name);
        return req ? g_strdup_printf("<%s>...", opt->name)
                   : g_strdup_printf("[<%s>]...", opt->name);
    case VR_SH_OT_ALIAS:
        break;
    }
    return NULL;
}


/* The left column of one OPTIONS line. */
static char *
vrShOptionColumn(const vrShOptDef *opt, bool shortopt)
{
    bool req = opt->flags & VR_SH_OFLAG_REQ;

    switch (opt->type) {
    case VR_SH_OT_BOOL:
        return g_strdup_printf("--%s", opt->name);
    case VR_SH_OT_INT:
        return req ? g_strdup_printf("[--%s] <number>", opt->name)
                   : g_strdup_printf("--%s <number>", opt->name);
    case VR_SH_OT_STRING:
        return g_strdup_printf("--%s <string>", opt->name);
    case VR_SH_OT_DATA:
        return g_strdup_printf("[--%s] <string>", opt->name);
    case VR_SH_OT_ARGV:
        return shortopt ? g_strdup_printf("[--%s] <string>", opt->name)
                        : g_strdup_printf("<%s>", opt->name);
    case VR_SH_OT_ALIAS:
        break;
    }
    return NULL;
}


bool
vrShPrintCmdHelp(vrShCtl *ctl, const char *name)
{
    const vrShCmdDef *def = vrShCmdDefSearch(name);
    bool shortopt = false;

    if (!def) {
        vrShError(ctl, "command '%s' doesn't exist", name);
        return false;
    }
    fprintf(stdout, "  NAME\n    %s - %s\n", def->name, def->help);
    fprintf(stdout, "\n  SYNOPSIS\n    %s", def->name);
    for (const vrShOptDef *opt = def->opts; opt && opt->name; opt++) {
        g_autofree char *w = vrShSynopsisWord(opt, &shortopt);

        if (w)
            fprintf(stdout, " %s", w);
    }
    fputc('\n', stdout);
    if (def->desc && def->desc[0])
        fprintf(stdout, "\n  DESCRIPTION\n    %s\n", def->desc);
    if (def->opts && def->opts->name) {
        fputs("\n  OPTIONS\n", stdout);
        for (const vrShOptDef *opt = def->opts; opt->name; opt++) {
            g_autofree char *col = vrShOptionColumn(opt, shortopt);

            if (col)
                fprintf(stdout, "    %-*s  %s\n", VR_SH_HELP_OPT_WIDTH, col,
                        opt->help);
        }
    }
    fputc('\n', stdout);
    return true;
}


bool
vrShPrintGroupHelp(vrShCtl *ctl, const vrShGroup *grp)
{
    vrShPrint(ctl, " %s (help keyword '%s'):\n", grp->name, grp->keyword);
    for (const vrShCmdDef *const *c = grp->cmds; *c; c++)
        vrShPrint(ctl, "    %-*s %s\n", VR_SH_HELP_NAME_WIDTH, (*c)->name,
                  (*c)->help);
    return true;
}
