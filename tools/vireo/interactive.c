/* Interactive mode: a GNU readline loop with history and completion of
 * command names, option names and values (complete.c), falling back to
 * file names as virsh does. */
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
vrShComplete(const char *text, int start, int end G_GNUC_UNUSED)
{
    char **matches;

    g_strfreev(vr_rl_matches);
    /* in "dominfo 'te", readline's word starts after the quote: the word
     * for our parser starts at the quote */
    if (rl_completion_quote_character && start > 0)
        start--;
    vr_rl_matches = vrShCompleteCandidates(vr_rl_ctl, rl_line_buffer, start,
                                           text);
    vr_rl_index = 0;
    matches = rl_completion_matches(text, vrShGenerator);
    /* When none of ours fits, readline goes on to complete a file name
     * (a directory gets '/' and no space), as virsh does. */
    rl_attempted_completion_over = matches != NULL;
    return matches;
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
    /* "dominfo 'te<TAB>" completes the name and closes the quote */
    rl_completer_quote_characters = "'";
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
