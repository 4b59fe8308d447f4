/* Interactive mode: a GNU readline loop with history and completion of
 * command names, option names and option values (domain names, event
 * types) using the command tables. */
#include "shell.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Lines kept in the history file. */
#define VR_SH_HISTORY_MAX 500

/* readline's completion callbacks take no user data. */
static vrShCtl *vr_rl_ctl;


/* The words of the command being typed: text after the last unquoted
 * ';' before point, split on blanks (quotes are kept simple here). */
static char **
vrShCurrentWords(int end)
{
    g_autofree char *upto = g_strndup(rl_line_buffer, end);
    char *seg = upto;
    bool squote = false, dquote = false;

    for (char *p = upto; *p; p++) {
        if (*p == '\'' && !dquote)
            squote = !squote;
        else if (*p == '"' && !squote)
            dquote = !dquote;
        else if (*p == ';' && !squote && !dquote)
            seg = p + 1;
    }
    return g_strsplit_set(g_strstrip(seg), " \t", -1);
}


/* Candidates for the word being completed, or NULL. */
static char **
vrShCandidates(const char *text, int start)
{
    g_auto(GStrv) words = vrShCurrentWords(start);
    const vrShCmdDef *def = NULL;
    GPtrArray *out = g_ptr_array_new();
    size_t nwords = 0;

    for (char **w = words; *w; w++) {
        if (**w)
            words[nwords++] = *w;
        else
            g_free(*w);
    }
    words[nwords] = NULL;

    if (nwords == 0) {
        for (const vrShGroup *g = vrShGroups; g->name; g++) {
            for (const vrShCmdDef *const *c = g->cmds; *c; c++)
                g_ptr_array_add(out, g_strdup((*c)->name));
        }
    } else if ((def = vrShCmdDefSearch(words[0])) && def->opts) {
        const vrShOptDef *prev = NULL;

        if (nwords > 1 && g_str_has_prefix(words[nwords - 1], "--")) {
            for (const vrShOptDef *o = def->opts; o->name; o++) {
                if (strcmp(o->name, words[nwords - 1] + 2) == 0 &&
                    o->type != VR_SH_OT_BOOL)
                    prev = o;
            }
        }
        if (prev && prev->completer) {
            g_auto(GStrv) vals = prev->completer(vr_rl_ctl);

            for (char **v = vals; v && *v; v++)
                g_ptr_array_add(out, g_strdup(*v));
        } else if (!prev) {
            for (const vrShOptDef *o = def->opts; o->name; o++) {
                if (o->type != VR_SH_OT_ALIAS && o->type != VR_SH_OT_ARGV)
                    g_ptr_array_add(out, g_strdup_printf("--%s", o->name));
            }
            if (text[0] != '-') {
                for (const vrShOptDef *o = def->opts; o->name; o++) {
                    g_auto(GStrv) vals = NULL;

                    if (!o->completer || o->type == VR_SH_OT_BOOL)
                        continue;
                    vals = o->completer(vr_rl_ctl);
                    for (char **v = vals; v && *v; v++)
                        g_ptr_array_add(out, g_strdup(*v));
                    break;
                }
            }
        }
    }
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(out, FALSE);
}


static char **vr_rl_matches;
static size_t vr_rl_index;

static char *
vrShGenerator(const char *text, int state)
{
    size_t len = strlen(text);

    for (; vr_rl_matches && vr_rl_matches[vr_rl_index]; vr_rl_index++) {
        const char *m = vr_rl_matches[vr_rl_index];

        if (strncmp(m, text, len) == 0) {
            vr_rl_index++;
            /* readline frees what we return, with free() */
            return strdup(m);
        }
    }
    return NULL;
}


static char **
vrShComplete(const char *text, int start, int end)
{
    g_strfreev(vr_rl_matches);
    vr_rl_matches = vrShCandidates(text, start);
    vr_rl_index = 0;
    rl_attempted_completion_over = 1;
    return rl_completion_matches(text, vrShGenerator);
}


static char *
vrShHistoryFile(void)
{
    const char *cache = g_get_user_cache_dir();
    g_autofree char *dir = g_build_filename(cache, VR_SH_PROGNAME, NULL);

    if (g_mkdir_with_parents(dir, 0755) < 0)
        return NULL;
    return g_build_filename(dir, "history", NULL);
}


int
vrShInteractive(vrShCtl *ctl)
{
    g_autofree char *histfile = NULL;
    bool save_history = isatty(STDIN_FILENO);
    char *line = NULL;

    vr_rl_ctl = ctl;
    rl_readline_name = VR_SH_PROGNAME;
    rl_attempted_completion_function = vrShComplete;
    if (save_history && (histfile = vrShHistoryFile())) {
        stifle_history(VR_SH_HISTORY_MAX);
        read_history(histfile);
    }
    if (!ctl->quiet) {
        vrShPrint(ctl, "Welcome to %s, the virtualization interactive terminal.\n\n",
                  VR_SH_PROGNAME);
        vrShPrint(ctl, "%s",
                  "Type:  'help' for help with commands\n"
                  "       'quit' to quit\n\n");
    }

    while (!ctl->quit) {
        g_autoptr(vrShCmd) cmds = NULL;

        fflush(stdout);
        line = readline(ctl->readonly ? VR_SH_PROMPT_RO : VR_SH_PROMPT_RW);
        if (!line)
            break;
        if (*line) {
            add_history(line);
            if (vrShCommandParseString(ctl, line, &cmds))
                vrShCommandRun(ctl, cmds);
        }
        free(line);
        line = NULL;
    }
    /* end the prompt line (virsh does this after "quit" too) */
    fputc('\n', stdout);

    if (histfile)
        write_history(histfile);
    g_strfreev(vr_rl_matches);
    vr_rl_matches = NULL;
    return 0;
}
