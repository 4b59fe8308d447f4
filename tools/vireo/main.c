/* vireo: the virsh-compatible shell.  Parses the global options, opens the
 * connection (at once for -c, lazily otherwise, as virsh does), runs the
 * event loop thread, and runs commands from argv or interactively. */
#include "shell.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef VIREO_VERSION
# define VIREO_VERSION "unknown"
#endif

typedef struct {
    GThread *thread;
    gint quit;
} vrShEventLoop;

static vrShEventLoop vr_loop;


static void
vrShUsage(void)
{
    fprintf(stdout,
            "\n"
            "%s [options]... [<command_string>]\n"
            "%s [options]... <command> [args...]\n"
            "\n"
            "  options:\n"
            "    -c | --connect=URI      hypervisor connection URI\n"
            "    -d | --debug=NUM        debug level [0-4]\n"
            "    -e | --escape <char>    set escape sequence for console\n"
            "    -h | --help             this help\n"
            "    -k | --keepalive-interval=NUM\n"
            "                            keepalive interval in seconds, 0 for disable\n"
            "    -K | --keepalive-count=NUM\n"
            "                            number of possible missed keepalive messages\n"
            "    -l | --log=FILE         output logging to file\n"
            "    -q | --quiet            quiet mode\n"
            "    -r | --readonly         connect readonly\n"
            "    -t | --timing           print timing information\n"
            "    -v                      short version\n"
            "    -V                      long version\n"
            "         --version[=TYPE]   version, TYPE is short or long (default short)\n"
            "  commands (non interactive mode):\n\n",
            VR_SH_PROGNAME, VR_SH_PROGNAME);
    for (const vrShGroup *g = vrShGroups; g->name; g++) {
        fprintf(stdout, " %s (help keyword '%s')\n", g->name, g->keyword);
        for (const vrShCmdDef *const *c = g->cmds; *c; c++)
            fprintf(stdout, "    %-*s %s\n", VR_SH_HELP_NAME_WIDTH,
                    (*c)->name, (*c)->help);
        fputc('\n', stdout);
    }
    fprintf(stdout, "%s",
            "\n  (specify help <group> for details about the commands in the group)\n"
            "\n  (specify help <command> for details about the command)\n\n");
}


static void
vrShVersion(bool longform)
{
    if (!longform) {
        fprintf(stdout, "%s\n", VIREO_VERSION);
        return;
    }
    fprintf(stdout, "Vireo command line tool %s\n", VIREO_VERSION);
    fprintf(stdout, "Speaks the libvirt %d.%d.%d API with the virsh command set\n",
            VR_SH_VERSION_ARGS(LIBVIR_VERSION_NUMBER));
}


/* Validates the argument of -k/-K (which vireo accepts and ignores);
 * optname is how the user spelled the option. */
static bool
vrShCheckKeepalive(vrShCtl *ctl, const char *optname, const char *arg,
                   int *value)
{
    long long v;

    if (!vrShStrToLong(arg, G_MININT, G_MAXINT, &v)) {
        vrShError(ctl, "Invalid value for option %s", optname);
        return false;
    }
    if (v < 0) {
        vrShError(ctl, "option %s requires a positive integer argument", optname);
        return false;
    }
    *value = (int)v;
    ctl->keepalive_forced = true;
    return true;
}


/* virsh's escape characters: a-z and @ through _ (A-Z [ \ ] ^ _). */
static bool
vrShEscapeCharOK(const char *arg)
{
    size_t len = strlen(arg);
    char c = len == 2 ? arg[1] : '\0';

    if (len == 1)
        return arg[0] != '^';
    return len == 2 && arg[0] == '^' &&
           ((c >= 'a' && c <= 'z') || (c >= '@' && c <= '_'));
}


static const struct option vr_long_opts[] = {
    {"connect", required_argument, NULL, 'c'},
    {"debug", required_argument, NULL, 'd'},
    {"escape", required_argument, NULL, 'e'},
    {"help", no_argument, NULL, 'h'},
    {"keepalive-interval", required_argument, NULL, 'k'},
    {"keepalive-count", required_argument, NULL, 'K'},
    {"log", required_argument, NULL, 'l'},
    {"quiet", no_argument, NULL, 'q'},
    {"readonly", no_argument, NULL, 'r'},
    {"timing", no_argument, NULL, 't'},
    {"version", optional_argument, NULL, 'v'},
    {NULL, 0, NULL, 0},
};


static bool
vrShBadOption(vrShCtl *ctl, int c, char **argv)
{
    if (c == ':') {
        for (const struct option *o = vr_long_opts; o->name; o++) {
            if (o->val == optopt) {
                vrShError(ctl, "option '-%c'/'--%s' requires an argument",
                          optopt, o->name);
                return false;
            }
        }
        vrShError(ctl, "option '-%c' requires an argument", optopt);
    } else if (optopt) {
        vrShError(ctl, "unsupported option '-%c'. See --help.", optopt);
    } else {
        vrShError(ctl, "unsupported option '%s'. See --help.", argv[optind - 1]);
    }
    return false;
}


/* Handles one global option (longname: the long spelling used, or
 * NULL); false means exit with *status. */
static bool
vrShGlobalOpt(vrShCtl *ctl, int c, const char *longname, char **argv,
              int *status)
{
    g_autofree char *optname = longname ? g_strdup_printf("--%s", longname)
                                        : g_strdup_printf("-%c", c);
    long long v;

    *status = EXIT_FAILURE;
    switch (c) {
    case 'c':
        g_free(ctl->connname);
        ctl->connname = g_strdup(optarg);
        return true;
    case 'd':
        if (!vrShStrToLong(optarg, G_MININT, G_MAXINT, &v)) {
            vrShError(ctl, "option %s takes a numeric argument", optname);
            return false;
        }
        if (v < 0 || v > VR_SH_DEBUG_MAX)
            vrShError(ctl, "ignoring debug level %d out of range [%d-%d]",
                      (int)v, 0, VR_SH_DEBUG_MAX);
        else
            ctl->debug = (int)v;
        return true;
    case 'e':
        if (!vrShEscapeCharOK(optarg)) {
            vrShError(ctl, "Invalid string '%s' for escape sequence", optarg);
            return false;
        }
        return true;
    case 'h':
        vrShUsage();
        *status = EXIT_SUCCESS;
        return false;
    case 'k':
        return vrShCheckKeepalive(ctl, optname, optarg, &ctl->keepalive_interval);
    case 'K':
        return vrShCheckKeepalive(ctl, optname, optarg, &ctl->keepalive_count);
    case 'l':
        return true;
    case 'q':
        ctl->quiet = true;
        return true;
    case 'r':
        ctl->readonly = true;
        return true;
    case 't':
        ctl->timing = true;
        return true;
    case 'v':
    case 'V':
        vrShVersion(c == 'V' || g_strcmp0(optarg, "long") == 0);
        *status = EXIT_SUCCESS;
        return false;
    default:
        return vrShBadOption(ctl, c, argv);
    }
}


/* Parses argv: global options, then either one command string, a command
 * with its arguments, or nothing (interactive).  False: exit with *status. */
static bool
vrShParseArgv(vrShCtl *ctl, int argc, char **argv, vrShCmd **cmds,
              int *status)
{
    int longindex = -1;
    int c;

    opterr = 0;
    while ((c = getopt_long(argc, argv, "+:c:d:e:hk:K:l:qrtvV",
                            vr_long_opts, &longindex)) != -1) {
        const char *longname = longindex >= 0 ? vr_long_opts[longindex].name : NULL;

        if (!vrShGlobalOpt(ctl, c, longname, argv, status))
            return false;
        longindex = -1;
    }
    *status = EXIT_FAILURE;
    ctl->interactive = optind >= argc;
    if (ctl->interactive)
        return true;
    if (argc - optind == 1)
        return vrShCommandParseString(ctl, argv[optind], cmds);
    return vrShCommandParseArgv(ctl, argc - optind, argv + optind, cmds);
}


/* ---- connection ---- */

/* Turns on keepalive for a new connection as virsh does; a failure only
 * matters when the user asked for keepalive with -k/-K. */
static bool
vrShKeepAlive(vrShCtl *ctl, virConnectPtr conn)
{
#ifdef VR_SH_HAVE_KEEPALIVE
    if (virConnectSetKeepAlive(conn, ctl->keepalive_interval,
                               ctl->keepalive_count) == 0)
        return true;
#else
    vrShSetLibError("this function is not supported by the connection driver: virConnectSetKeepAlive");
#endif
    if (!ctl->keepalive_forced) {
        vrShResetLibError();
        return true;
    }
    vrShError(ctl, "%s", "Cannot setup keepalive on connection as requested, disconnecting");
    return false;
}


/* Opens a connection to name (NULL: the current one), replacing the old
 * one; force marks an explicit "connect". */
int
vrShReconnect(vrShCtl *ctl, const char *name, bool readonly, bool force)
{
    bool connected = false;

    if (!readonly && !name)
        readonly = ctl->readonly;
    if (ctl->conn) {
        int rc = virConnectClose(ctl->conn);

        connected = true;
        ctl->conn = NULL;
        if (rc < 0)
            vrShError(ctl, "%s", "Failed to disconnect from the hypervisor");
        else if (rc > 0)
            vrShError(ctl, "%s", "One or more references were leaked after disconnect from the hypervisor");
    }

    ctl->conn = virConnectOpenAuth(name ? name : ctl->connname, NULL,
                                   readonly ? VIR_CONNECT_RO : 0);
    if (ctl->conn && !vrShKeepAlive(ctl, ctl->conn)) {
        virConnectClose(ctl->conn);
        ctl->conn = NULL;
    }
    if (!ctl->conn) {
        vrShError(ctl, "%s", ctl->disconnected ?
                  "Failed to reconnect to the hypervisor" :
                  "failed to connect to the hypervisor");
        return -1;
    }
    if (name) {
        g_free(ctl->connname);
        ctl->connname = g_strdup(name);
    }
    ctl->readonly = readonly;
    if (connected && !force)
        vrShError(ctl, "%s", "Reconnected to the hypervisor");
    ctl->disconnected = false;
    return 0;
}


static bool
vrShConnectionReady(vrShCtl *ctl)
{
    if ((!ctl->conn || ctl->disconnected) &&
        vrShReconnect(ctl, NULL, false, false) < 0)
        return false;
    if (!ctl->conn) {
        vrShError(ctl, "%s", "no valid connection");
        return false;
    }
    return true;
}


/* Errors after which the connection is assumed dead. */
static bool
vrShIsDisconnectError(void)
{
    virErrorPtr err = virGetLastError();
    int code = vrShLastErrorCode();

    if (code == VIR_ERR_RPC || code == VIR_ERR_NO_CONNECT ||
        code == VIR_ERR_INVALID_CONN)
        return true;
    return code == VIR_ERR_SYSTEM_ERROR && err && err->domain == VIR_FROM_REMOTE;
}


/* Runs commands in order; the result is that of the last one run. */
bool
vrShCommandRun(vrShCtl *ctl, const vrShCmd *cmd)
{
    bool ret = true;

    for (; cmd; cmd = cmd->next) {
        gint64 before = g_get_monotonic_time();

        if ((cmd->def->flags & VR_SH_CMD_NOCONNECT) || vrShConnectionReady(ctl))
            ret = cmd->def->handler(ctl, cmd);
        else
            ret = false;

        if (!ret && vrShIsDisconnectError())
            ctl->disconnected = true;
        if (!ret)
            vrShReportError(ctl);
        if (strcmp(cmd->def->name, "quit") == 0 ||
            strcmp(cmd->def->name, "exit") == 0)
            return ret;
        if (ctl->timing)
            vrShPrint(ctl, "\n(Time: %.3f ms)\n\n",
                      (g_get_monotonic_time() - before) / 1000.0);
        else
            vrShPrintExtra(ctl, "\n");
    }
    return ret;
}


/* ---- event loop thread ---- */

static gpointer
vrShEventLoopRun(gpointer data)
{
    vrShCtl *ctl = data;

    while (!g_atomic_int_get(&vr_loop.quit)) {
        if (virEventRunDefaultImpl() < 0) {
            vrShSaveLibError();
            vrShReportError(ctl);
            break;
        }
    }
    g_atomic_int_set(&ctl->loop_alive, 0);
    return NULL;
}


static void
vrShWakeTimer(int timer, void *opaque)
{
    virEventRemoveTimeout(timer);
}


/* Fires when "event --timeout" runs out; wakes the waiting command. */
static void
vrShEventTimeout(int timer, void *opaque)
{
    vrShCtl *ctl = opaque;

    vrShEventWake(ctl, VR_SH_EVENT_TIMEOUT);
}


static bool
vrShEventLoopStart(vrShCtl *ctl)
{
    if (virEventRegisterDefaultImpl() < 0) {
        vrShReportError(ctl);
        return false;
    }
    g_atomic_int_set(&ctl->loop_alive, 1);
    vr_loop.thread = g_thread_new("vireo-events", vrShEventLoopRun, ctl);
    ctl->event_timer = virEventAddTimeout(-1, vrShEventTimeout, ctl, NULL);
    if (ctl->event_timer < 0) {
        vrShReportError(ctl);
        return false;
    }
    return true;
}


static void
vrShEventLoopStop(void)
{
    if (!vr_loop.thread)
        return;
    g_atomic_int_set(&vr_loop.quit, 1);
    if (virEventAddTimeout(0, vrShWakeTimer, NULL, NULL) >= 0)
        g_thread_join(vr_loop.thread);
    else
        g_thread_unref(vr_loop.thread);
    vr_loop.thread = NULL;
}


static bool
vrShInit(vrShCtl *ctl)
{
    virSetErrorFunc(NULL, vrShErrorHandler);
    if (!vrShEventLoopStart(ctl))
        return false;
    /* A named connection must work at once; the default one is opened
     * when a command first needs it (it may be "connect" or "help"). */
    if (ctl->connname && vrShReconnect(ctl, NULL, false, false) < 0) {
        vrShReportError(ctl);
        return false;
    }
    return true;
}


static void
vrShDeinit(vrShCtl *ctl)
{
    if (ctl->conn) {
        if (virConnectClose(ctl->conn) < 0)
            vrShError(ctl, "%s", "Failed to disconnect from the hypervisor");
        ctl->conn = NULL;
    }
    vrShEventLoopStop();
    g_free(ctl->connname);
    fflush(stdout);
}


int
main(int argc, char **argv)
{
    vrShCtl ctl = {
        .event_timer = -1, .event_pipe = { -1, -1 },
        .keepalive_interval = VR_SH_KEEPALIVE_INTERVAL,
        .keepalive_count = VR_SH_KEEPALIVE_COUNT,
    };
    g_autoptr(vrShCmd) cmds = NULL;
    int status = EXIT_FAILURE;
    bool ok = false;

    setlocale(LC_ALL, "");
    if (virInitialize() < 0) {
        fprintf(stderr, "%s: initialization failed\n", VR_SH_PROGNAME);
        return EXIT_FAILURE;
    }
    if (!vrShParseArgv(&ctl, argc, argv, &cmds, &status)) {
        g_free(ctl.connname);
        return status;
    }
    if (!vrShInit(&ctl)) {
        vrShDeinit(&ctl);
        return EXIT_FAILURE;
    }
    if (ctl.interactive)
        ok = vrShInteractive(&ctl) == 0;
    else
        ok = vrShCommandRun(&ctl, cmds);
    vrShDeinit(&ctl);
    return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
