/* Interactive completion: what the words before the cursor make of the
 * word being typed (a command name, an option name, an option's value or a
 * positional value), and the candidates for it.  Object names are filtered
 * by state the way virsh 9.0 filters them (start offers inactive domains). */
#include "shell.h"

#include <stdlib.h>
#include <string.h>


/* ---- word lists ---- */

/* A copy of the n words of names, as a completer returns them. */
char **
vrShCompleteWords(const char *const *names, size_t n)
{
    char **words = g_new0(char *, n + 1);

    for (size_t i = 0; i < n; i++)
        words[i] = g_strdup(names[i]);
    return words;
}


/* ---- object lists ---- */

/* Turns a GPtrArray of words into a NULL-terminated vector (consumed). */
static char **
vrShWordsFinish(GPtrArray *words)
{
    vrShResetLibError();
    g_ptr_array_add(words, NULL);
    return (char **)g_ptr_array_free(words, FALSE);
}


/* Names (or UUIDs) of the domains virConnectListAllDomains returns for
 * flags; NULL without a connection or on error. */
static char **
vrShDomainWords(vrShCtl *ctl, unsigned int flags, bool uuid)
{
    virDomainPtr *doms = NULL;
    GPtrArray *words;
    int n;

    if (!ctl->conn ||
        (n = virConnectListAllDomains(ctl->conn, &doms, flags)) < 0) {
        vrShResetLibError();
        return NULL;
    }
    words = g_ptr_array_new();
    for (int i = 0; i < n; i++) {
        char uuidstr[VIR_UUID_STRING_BUFLEN];

        if (!uuid)
            g_ptr_array_add(words, g_strdup(virDomainGetName(doms[i])));
        else if (virDomainGetUUIDString(doms[i], uuidstr) == 0)
            g_ptr_array_add(words, g_strdup(uuidstr));
        virDomainFree(doms[i]);
    }
    free(doms);
    return vrShWordsFinish(words);
}


char **
vrShCompleteDomains(vrShCtl *ctl, unsigned int flags)
{
    return vrShDomainWords(ctl, flags, false);
}


char **
vrShCompleteDomainUUIDs(vrShCtl *ctl, unsigned int flags)
{
    return vrShDomainWords(ctl, flags, true);
}


/* Names (or UUIDs) of the networks virConnectListAllNetworks returns. */
static char **
vrShNetworkWords(vrShCtl *ctl, unsigned int flags, bool uuid)
{
    virNetworkPtr *nets = NULL;
    GPtrArray *words;
    int n;

    if (!ctl->conn ||
        (n = virConnectListAllNetworks(ctl->conn, &nets, flags)) < 0) {
        vrShResetLibError();
        return NULL;
    }
    words = g_ptr_array_new();
    for (int i = 0; i < n; i++) {
        char uuidstr[VIR_UUID_STRING_BUFLEN];

        if (!uuid)
            g_ptr_array_add(words, g_strdup(virNetworkGetName(nets[i])));
        else if (virNetworkGetUUIDString(nets[i], uuidstr) == 0)
            g_ptr_array_add(words, g_strdup(uuidstr));
        virNetworkFree(nets[i]);
    }
    free(nets);
    return vrShWordsFinish(words);
}


char **
vrShCompleteNetworks(vrShCtl *ctl, unsigned int flags)
{
    return vrShNetworkWords(ctl, flags, false);
}


char **
vrShCompleteNetworkUUIDs(vrShCtl *ctl, unsigned int flags)
{
    return vrShNetworkWords(ctl, flags, true);
}


/* Names of the pools virConnectListAllStoragePools returns for flags. */
char **
vrShCompletePools(vrShCtl *ctl, unsigned int flags)
{
    virStoragePoolPtr *pools = NULL;
    GPtrArray *words;
    int n;

    if (!ctl->conn ||
        (n = virConnectListAllStoragePools(ctl->conn, &pools, flags)) < 0) {
        vrShResetLibError();
        return NULL;
    }
    words = g_ptr_array_new();
    for (int i = 0; i < n; i++) {
        g_ptr_array_add(words, g_strdup(virStoragePoolGetName(pools[i])));
        virStoragePoolFree(pools[i]);
    }
    free(pools);
    return vrShWordsFinish(words);
}


/* ---- the line before the cursor ---- */

/* What the complete words of the command before the cursor say. */
typedef struct {
    const vrShCmdDef *def;
    uint32_t seen;              /* options given, by name or by position */
    const vrShOptDef *value_of; /* the word being typed is its value */
    bool data_only;             /* after "--": words are values only */
} vrShCompleteState;


/* The non-empty words of the command being typed: the text after the last
 * unquoted ';' before end, split on blanks (quotes are kept simple). */
static char **
vrShCurrentWords(const char *line, int end, size_t *nwords)
{
    g_autofree char *upto = g_strndup(line, end);
    char *seg = upto;
    bool squote = false, dquote = false;
    char **words;
    size_t n = 0;

    for (char *p = upto; *p; p++) {
        if (*p == '\'' && !dquote)
            squote = !squote;
        else if (*p == '"' && !squote)
            dquote = !dquote;
        else if (*p == ';' && !squote && !dquote)
            seg = p + 1;
    }
    words = g_strsplit_set(seg, " \t", -1);
    for (char **w = words; *w; w++) {
        if (**w)
            words[n++] = *w;
        else
            g_free(*w);
    }
    words[n] = NULL;
    *nwords = n;
    return words;
}


/* Index of the option "--name" (len bytes of name) stands for, -1 if the
 * command has none; an alias stands for its target, and *has_value is set
 * when the alias supplies the value itself ("target=value"). */
static int
vrShCompleteOptIndex(const vrShCmdDef *def, const char *name, size_t len,
                     bool *has_value)
{
    *has_value = false;
    for (size_t i = 0; def->opts[i].name; i++) {
        const vrShOptDef *o = &def->opts[i];
        const char *target;
        size_t tlen;

        if (strlen(o->name) != len || strncmp(o->name, name, len) != 0)
            continue;
        if (o->type != VR_SH_OT_ALIAS)
            return (int)i;
        target = o->help;
        tlen = strcspn(target, "=");
        *has_value = target[tlen] == '=';
        for (size_t j = 0; def->opts[j].name; j++) {
            if (strlen(def->opts[j].name) == tlen &&
                strncmp(def->opts[j].name, target, tlen) == 0)
                return (int)j;
        }
        return -1;
    }
    return -1;
}


/* Notes the option named by "--name[=value]"; returns it when the next
 * word is its value. */
static const vrShOptDef *
vrShCompleteOptWord(vrShCompleteState *st, const char *word)
{
    const char *name = word + 2;
    size_t len = strcspn(name, "=");
    bool has_value = false;
    int i = vrShCompleteOptIndex(st->def, name, len, &has_value);

    if (i < 0)
        return NULL;
    st->seen |= 1U << i;
    if (st->def->opts[i].type == VR_SH_OT_BOOL || name[len] == '=' ||
        has_value)
        return NULL;
    return &st->def->opts[i];
}


/* Index of the option the next positional word fills, -1 if none. */
static int
vrShCompleteNextData(const vrShCompleteState *st)
{
    for (size_t i = 0; st->def->opts[i].name; i++) {
        const vrShOptDef *o = &st->def->opts[i];

        if (o->type == VR_SH_OT_BOOL || o->type == VR_SH_OT_ALIAS ||
            (o->flags & VR_SH_OFLAG_REQ_OPT))
            continue;
        if (o->type == VR_SH_OT_ARGV || !(st->seen & (1U << i)))
            return (int)i;
    }
    return -1;
}


/* Walks the complete words after the command name, as the parser would. */
static void
vrShCompleteScan(vrShCompleteState *st, char **words, size_t nwords)
{
    const vrShOptDef *pending = NULL;

    for (size_t w = 1; w < nwords; w++) {
        const char *word = words[w];

        if (pending) {
            pending = NULL;
        } else if (!st->data_only && word[0] == '-' && word[1] == '-' &&
                   g_ascii_isalnum(word[2])) {
            pending = vrShCompleteOptWord(st, word);
        } else if (!st->data_only && strcmp(word, "--") == 0) {
            st->data_only = true;
        } else {
            int i = vrShCompleteNextData(st);

            if (i >= 0)
                st->seen |= 1U << i;
        }
    }
    st->value_of = pending;
}


/* ---- candidates ---- */

/* The values of opt's completer for text; for a list option, the items
 * not in the list yet, after what text has up to its last ','. */
static void
vrShAddCompleter(GPtrArray *out, vrShCtl *ctl, const vrShOptDef *opt,
                 const char *text)
{
    const char *comma = strrchr(text, ',');
    g_autofree char *head = NULL;
    g_auto(GStrv) given = NULL;
    g_auto(GStrv) vals = NULL;

    if (!opt || !opt->completer)
        return;
    if ((opt->flags & VR_SH_OFLAG_LIST) && comma) {
        head = g_strndup(text, comma + 1 - text);
        given = g_strsplit(head, ",", -1);
    }
    vals = opt->completer(ctl, opt->completer_flags);
    for (char **v = vals; v && *v; v++) {
        if (given && g_strv_contains((const char *const *)given, *v))
            continue;
        g_ptr_array_add(out, g_strconcat(head ? head : "", *v, NULL));
    }
}


/* The names of all commands (help --command offers no group names). */
char **
vrShCompleteCommands(vrShCtl *ctl G_GNUC_UNUSED,
                     unsigned int flags G_GNUC_UNUSED)
{
    GPtrArray *out = g_ptr_array_new();

    for (const vrShGroup *g = vrShGroups; g->name; g++) {
        for (const vrShCmdDef *const *c = g->cmds; *c; c++)
            g_ptr_array_add(out, g_strdup((*c)->name));
    }
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(out, FALSE);
}


/* Option names not given yet (an option filled by position counts; one
 * that takes all remaining arguments may always come again). */
static void
vrShAddOptions(GPtrArray *out, const vrShCompleteState *st)
{
    for (size_t i = 0; st->def->opts[i].name; i++) {
        const vrShOptDef *o = &st->def->opts[i];

        if (o->type == VR_SH_OT_ALIAS ||
            (o->type != VR_SH_OT_ARGV && (st->seen & (1U << i))))
            continue;
        g_ptr_array_add(out, g_strdup_printf("--%s", o->name));
    }
}


/* The candidates after the command name; glued is a word fragment that
 * readline split off the word being typed ("--domain=" before "t"), or
 * NULL. */
static void
vrShAddForCommand(GPtrArray *out, vrShCtl *ctl, vrShCompleteState *st,
                  char **words, size_t nwords, const char *glued,
                  const char *text)
{
    int i;

    vrShCompleteScan(st, words, nwords);
    if (glued) {
        bool has_value = false;

        if (st->value_of || st->data_only || !g_str_has_prefix(glued, "--") ||
            !g_str_has_suffix(glued, "="))
            return;
        i = vrShCompleteOptIndex(st->def, glued + 2, strlen(glued) - 3,
                                 &has_value);
        if (i >= 0 && !has_value)
            vrShAddCompleter(out, ctl, &st->def->opts[i], text);
        return;
    }
    if (st->value_of) {
        vrShAddCompleter(out, ctl, st->value_of, text);
    } else if (!st->data_only && (!text[0] || text[0] == '-')) {
        vrShAddOptions(out, st);
    } else if (text[0] && (i = vrShCompleteNextData(st)) >= 0) {
        /* like virsh, values for a positional word only once it has begun */
        vrShAddCompleter(out, ctl, &st->def->opts[i], text);
    }
}


/* Candidates for text, the word of line that starts at offset start: a
 * NULL-terminated vector (g_strfreev), possibly empty.  Words that do not
 * begin with text are left for the caller to drop. */
char **
vrShCompleteCandidates(vrShCtl *ctl, const char *line, int start,
                       const char *text)
{
    vrShCompleteState st = { 0 };
    GPtrArray *out = g_ptr_array_new();
    size_t nwords = 0;
    g_auto(GStrv) words = vrShCurrentWords(line, start, &nwords);
    const char *glued = NULL;

    /* a word right before start that no blank separates from it */
    if (start > 0 && nwords > 0 && !strchr(" \t;", line[start - 1]))
        glued = words[--nwords];

    st.def = nwords > 0 ? vrShCmdDefSearch(words[0]) : NULL;
    if (!st.def && !(nwords == 0 && glued)) {
        /* after an unknown command too, as virsh does */
        g_ptr_array_free(out, TRUE);
        return vrShCompleteCommands(ctl, 0);
    }
    if (st.def && st.def->opts)
        vrShAddForCommand(out, ctl, &st, words, nwords, glued, text);
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(out, FALSE);
}
