/* Commands of the shell itself (help, quit, exit, echo, cd, pwd, connect)
 * and the table of command groups that "help" and the parser walk. */
#include "shell.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

/* Characters that make "echo --shell" quote a word. */
#define VR_SH_SHELL_META "\r\t\n !\"#$&'()*;<>?[\\]^`{|}~"


static bool
cmdHelp(vrShCtl *ctl, const vrShCmd *cmd)
{
    const char *name = NULL;
    const vrShGroup *grp;

    if (vrShOptStringQuiet(cmd, "command", &name) <= 0) {
        vrShPrint(ctl, "%s", "Grouped commands:\n\n");
        for (grp = vrShGroups; grp->name; grp++) {
            vrShPrintGroupHelp(ctl, grp);
            vrShPrint(ctl, "\n");
        }
        return true;
    }
    if (vrShCmdDefSearch(name))
        return vrShPrintCmdHelp(ctl, name);
    if (strcmp(name, "virsh") == 0)
        name = "vireo";
    if ((grp = vrShGroupSearch(name)))
        return vrShPrintGroupHelp(ctl, grp);
    vrShError(ctl, "command or command group '%s' doesn't exist", name);
    return false;
}


static const vrShOptDef opts_help[] = {
    {.name = "command", .type = VR_SH_OT_STRING,
     .help = "Prints global help, command specific help, or help for a group of related commands",
     .completer = vrShCompleteCommands},
    VR_SH_OPT_END
};


static bool
cmdQuit(vrShCtl *ctl, const vrShCmd *cmd)
{
    ctl->quit = true;
    return true;
}


/* virsh's shell quoting: words without metacharacters stay as they are,
 * others go in single quotes. */
static void
vrShEscapeShell(GString *out, const char *s)
{
    if (*s && strcspn(s, VR_SH_SHELL_META) == strlen(s)) {
        g_string_append(out, s);
        return;
    }
    g_string_append_c(out, '\'');
    for (; *s; s++) {
        if (*s == '\'')
            g_string_append(out, "'\\''");
        else
            g_string_append_c(out, *s);
    }
    g_string_append_c(out, '\'');
}


static void
vrShEscapeXML(GString *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': g_string_append(out, "&lt;"); break;
        case '>': g_string_append(out, "&gt;"); break;
        case '&': g_string_append(out, "&amp;"); break;
        case '"': g_string_append(out, "&quot;"); break;
        case '\'': g_string_append(out, "&apos;"); break;
        default:
            /* other control characters cannot appear in XML */
            if ((unsigned char)*s >= 0x20 || *s == '\t' || *s == '\n' ||
                *s == '\r')
                g_string_append_c(out, *s);
        }
    }
}


static bool
cmdEcho(vrShCtl *ctl, const vrShCmd *cmd)
{
    bool shell = vrShOptBool(cmd, "shell");
    bool xml = vrShOptBool(cmd, "xml");
    bool split = vrShOptBool(cmd, "split");
    g_autoptr(GString) buf = g_string_new(NULL);
    const vrShOpt *o = NULL;
    bool any = false;

    if (!vrShExclusive(ctl, cmd, "shell", "xml") ||
        !vrShExclusive(ctl, cmd, "shell", "split") ||
        !vrShExclusive(ctl, cmd, "xml", "split"))
        return false;

    while ((o = vrShOptArgv(cmd, o))) {
        g_autoptr(GString) word = g_string_new(NULL);

        any = true;
        if (xml)
            vrShEscapeXML(word, o->data);
        else if (shell)
            vrShEscapeShell(word, o->data);
        else
            g_string_append(word, o->data);
        if (split) {
            g_auto(GStrv) parts = vrShSplitCommas(word->str);

            for (char **p = parts; *p; p++)
                g_string_append_printf(buf, "%s\n", *p);
        } else {
            g_string_append(buf, word->str);
        }
        g_string_append_c(buf, ' ');
    }
    if (buf->len && buf->str[buf->len - 1] == ' ')
        g_string_truncate(buf, buf->len - 1);
    if (!any)
        return true;
    if (vrShOptBool(cmd, "err"))
        vrShError(ctl, "%s", buf->str);
    else
        vrShPrint(ctl, "%s", buf->str);
    return true;
}


static const vrShOptDef opts_echo[] = {
    VR_SH_OPT_BOOL("shell", "escape for shell use"),
    VR_SH_OPT_BOOL("xml", "escape for XML use"),
    VR_SH_OPT_BOOL("split", "split each argument on ','; ',,' is an escape sequence"),
    VR_SH_OPT_BOOL("err", "output to stderr"),
    {.name = "string", .type = VR_SH_OT_ARGV, .help = "arguments to echo"},
    VR_SH_OPT_END
};


static bool
cmdCd(vrShCtl *ctl, const vrShCmd *cmd)
{
    const char *dir = NULL;

    if (!ctl->interactive) {
        vrShError(ctl, "%s", "cd: command valid only in interactive mode");
        return false;
    }
    if (vrShOptString(ctl, cmd, "dir", &dir) < 0)
        return false;
    if (!dir)
        dir = g_get_home_dir();
    if (!dir)
        dir = "/";
    if (chdir(dir) < 0) {
        vrShError(ctl, "cd: %s: %s", g_strerror(errno), dir);
        return false;
    }
    return true;
}


static const vrShOptDef opts_cd[] = {
    {.name = "dir", .type = VR_SH_OT_STRING,
     .help = "directory to switch to (default: home or else root)"},
    VR_SH_OPT_END
};


static bool
cmdPwd(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autofree char *cwd = g_get_current_dir();

    vrShPrint(ctl, "%s\n", cwd);
    return true;
}


static bool
cmdConnect(vrShCtl *ctl, const vrShCmd *cmd)
{
    bool ro = vrShOptBool(cmd, "readonly");
    const char *name = NULL;

    if (vrShOptString(ctl, cmd, "name", &name) < 0)
        return false;
    return vrShReconnect(ctl, name, ro, true) == 0;
}


static const vrShOptDef opts_connect[] = {
    {.name = "name", .type = VR_SH_OT_STRING, .flags = VR_SH_OFLAG_EMPTY_OK,
     .help = "hypervisor connection URI"},
    VR_SH_OPT_BOOL("readonly", "read-only connection"),
    VR_SH_OPT_END
};


const vrShCmdDef vrShCmdCd = {
    .name = "cd", .handler = cmdCd, .opts = opts_cd,
    .help = "change the current directory",
    .desc = "Change the current directory.", .flags = VR_SH_CMD_NOCONNECT,
};
const vrShCmdDef vrShCmdEcho = {
    .name = "echo", .handler = cmdEcho, .opts = opts_echo,
    .help = "echo arguments. Used for internal testing.",
    .desc = "Echo back arguments, possibly with quoting. Used for internal testing.",
    .flags = VR_SH_CMD_NOCONNECT,
};
const vrShCmdDef vrShCmdExit = {
    .name = "exit", .handler = cmdQuit,
    .help = "quit this interactive terminal", .desc = "",
    .flags = VR_SH_CMD_NOCONNECT,
};
const vrShCmdDef vrShCmdHelp = {
    .name = "help", .handler = cmdHelp, .opts = opts_help,
    .help = "print help",
    .desc = "Prints global help, command specific help, or help for a\n"
            "    group of related commands",
    .flags = VR_SH_CMD_NOCONNECT,
};
const vrShCmdDef vrShCmdPwd = {
    .name = "pwd", .handler = cmdPwd, .help = "print the current directory",
    .desc = "Print the current directory.", .flags = VR_SH_CMD_NOCONNECT,
};
const vrShCmdDef vrShCmdQuit = {
    .name = "quit", .handler = cmdQuit,
    .help = "quit this interactive terminal", .desc = "",
    .flags = VR_SH_CMD_NOCONNECT,
};
const vrShCmdDef vrShCmdConnect = {
    .name = "connect", .handler = cmdConnect, .opts = opts_connect,
    .help = "(re)connect to hypervisor",
    .desc = "Connect to local hypervisor. This is built-in command after shell start up.",
    .flags = VR_SH_CMD_NOCONNECT,
};


/* Group membership and order follow virsh's "help" listing. */
static const vrShCmdDef *const vr_domain_cmds[] = {
    &vrShCmdAutostart, &vrShCmdCreate, &vrShCmdDefine, &vrShCmdDestroy,
    &vrShCmdDomid, &vrShCmdDomname, &vrShCmdDomuuid, &vrShCmdDumpxml,
    &vrShCmdManagedsave, &vrShCmdManagedsaveRemove, &vrShCmdReboot,
    &vrShCmdReset, &vrShCmdRestore, &vrShCmdResume, &vrShCmdSave,
    &vrShCmdSetmaxmem, &vrShCmdSetmem, &vrShCmdSetvcpus, &vrShCmdShutdown,
    &vrShCmdStart, &vrShCmdSuspend, &vrShCmdUndefine, &vrShCmdVcpucount,
    NULL
};
static const vrShCmdDef *const vr_monitor_cmds[] = {
    &vrShCmdDominfo, &vrShCmdDomstate, &vrShCmdList, NULL
};
static const vrShCmdDef *const vr_event_cmds[] = { &vrShCmdEvent, NULL };
static const vrShCmdDef *const vr_host_cmds[] = {
    &vrShCmdCapabilities, &vrShCmdFreecell, &vrShCmdHostname,
    &vrShCmdNodeinfo, &vrShCmdUri, &vrShCmdVersion, NULL
};
static const vrShCmdDef *const vr_network_cmds[] = {
    &vrShCmdNetAutostart, &vrShCmdNetCreate, &vrShCmdNetDefine,
    &vrShCmdNetDestroy, &vrShCmdNetDhcpLeases, &vrShCmdNetDumpxml,
    &vrShCmdNetInfo, &vrShCmdNetList, &vrShCmdNetName, &vrShCmdNetStart,
    &vrShCmdNetUndefine, &vrShCmdNetUpdate, &vrShCmdNetUuid, NULL
};
static const vrShCmdDef *const vr_pool_cmds[] = {
    &vrShCmdPoolAutostart, &vrShCmdPoolBuild, &vrShCmdPoolCreateAs,
    &vrShCmdPoolCreate, &vrShCmdPoolDefineAs, &vrShCmdPoolDefine,
    &vrShCmdPoolDelete, &vrShCmdPoolDestroy, &vrShCmdPoolDumpxml,
    &vrShCmdPoolInfo, &vrShCmdPoolList, &vrShCmdPoolName,
    &vrShCmdPoolRefresh, &vrShCmdPoolStart, &vrShCmdPoolUndefine,
    &vrShCmdPoolUuid, NULL
};
static const vrShCmdDef *const vr_volume_cmds[] = {
    &vrShCmdVolClone, &vrShCmdVolCreateAs, &vrShCmdVolCreate,
    &vrShCmdVolCreateFrom, &vrShCmdVolDelete, &vrShCmdVolDownload,
    &vrShCmdVolDumpxml, &vrShCmdVolInfo, &vrShCmdVolKey, &vrShCmdVolList,
    &vrShCmdVolName, &vrShCmdVolPath, &vrShCmdVolPool, &vrShCmdVolResize,
    &vrShCmdVolUpload, &vrShCmdVolWipe, NULL
};
static const vrShCmdDef *const vr_self_cmds[] = {
    &vrShCmdCd, &vrShCmdEcho, &vrShCmdExit, &vrShCmdHelp, &vrShCmdPwd,
    &vrShCmdQuit, &vrShCmdConnect, NULL
};

const vrShGroup vrShGroups[] = {
    {"Domain Management", "domain", vr_domain_cmds},
    {"Domain Monitoring", "monitor", vr_monitor_cmds},
    {"Domain Events", "events", vr_event_cmds},
    {"Host and Hypervisor", "host", vr_host_cmds},
    {"Networking", "network", vr_network_cmds},
    {"Storage Pool", "pool", vr_pool_cmds},
    {"Storage Volume", "volume", vr_volume_cmds},
    {"Vireo itself", "vireo", vr_self_cmds},
    {NULL, NULL, NULL}
};
