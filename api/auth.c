/* virConnectAuthPtrDefault: the credential callback for command-line
 * programs.  It prompts on stdout and reads answers from stdin, without
 * echo for secrets when stdin is a terminal, as libvirt's default does;
 * the credential types it offers are libvirt's. */
#include "api/entry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* An answer longer than this is refused rather than cut. */
#define VR_AUTH_ANSWER_MAX 1024

static int vrAuthCredTypes[] = {
    VIR_CRED_AUTHNAME,
    VIR_CRED_ECHOPROMPT,
    VIR_CRED_REALM,
    VIR_CRED_PASSPHRASE,
    VIR_CRED_NOECHOPROMPT,
    VIR_CRED_EXTERNAL,
};

/* One line from stdin without its newline, into a fresh string; NULL at end
 * of input, on a read error or when the line is longer than the limit. */
static char *vrAuthReadLine(bool echo)
{
    char buf[VR_AUTH_ANSWER_MAX + 2];
    struct termios saved, quiet;
    bool restore = false;
    char *ret = NULL;
    size_t len;

    if (!echo && isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0) {
        quiet = saved;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        restore = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    if (fgets(buf, sizeof(buf), stdin)) {
        len = strlen(buf);
        if (len > 0 && buf[len - 1] == '\n')
            buf[--len] = '\0';
        if (len <= VR_AUTH_ANSWER_MAX)
            ret = strdup(buf);
    }
    if (restore) {
        (void)tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        fputc('\n', stdout);     /* the newline the user typed was not echoed */
    }
    return ret;
}

static int vrAuthAsk(virConnectCredentialPtr cred)
{
    bool echo = cred->type != VIR_CRED_PASSPHRASE && cred->type != VIR_CRED_NOECHOPROMPT;
    char *answer;

    if (cred->defresult && *cred->defresult)
        printf("%s [%s]: ", cred->prompt ? cred->prompt : "", cred->defresult);
    else
        printf("%s: ", cred->prompt ? cred->prompt : "");
    fflush(stdout);
    if (!(answer = vrAuthReadLine(echo)))
        return -1;
    if (!*answer && cred->defresult) {
        free(answer);
        if (!(answer = strdup(cred->defresult)))
            return -1;
    }
    cred->result = answer;
    cred->resultlen = strlen(answer);
    return 0;
}

/* Answers every credential or none: on failure the results already given
 * are freed and cleared, so the caller never sees half an answer. */
static int vrAuthCallbackDefault(virConnectCredentialPtr cred, unsigned int ncred,
                                 void *cbdata G_GNUC_UNUSED)
{
    unsigned int i;

    for (i = 0; i < ncred; i++) {
        cred[i].result = NULL;
        cred[i].resultlen = 0;
    }
    for (i = 0; i < ncred; i++) {
        switch (cred[i].type) {
        case VIR_CRED_EXTERNAL:
            /* only PolicyKit asks nothing of the user: it answers itself */
            if (cred[i].challenge && strcmp(cred[i].challenge, "PolicyKit") == 0)
                continue;
            goto error;
        case VIR_CRED_AUTHNAME:
        case VIR_CRED_ECHOPROMPT:
        case VIR_CRED_REALM:
        case VIR_CRED_PASSPHRASE:
        case VIR_CRED_NOECHOPROMPT:
            if (vrAuthAsk(&cred[i]) < 0)
                goto error;
            continue;
        default:
            goto error;
        }
    }
    return 0;

 error:
    while (i-- > 0) {
        free(cred[i].result);
        cred[i].result = NULL;
        cred[i].resultlen = 0;
    }
    return -1;
}

static virConnectAuth vrAuthDefault = {
    .credtype = vrAuthCredTypes,
    .ncredtype = G_N_ELEMENTS(vrAuthCredTypes),
    .cb = vrAuthCallbackDefault,
    .cbdata = NULL,
};

virConnectAuthPtr virConnectAuthPtrDefault = &vrAuthDefault;
