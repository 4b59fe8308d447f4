/* Commands that define, start and stop domains: define, undefine, create,
 * start, destroy, shutdown, reboot, reset, suspend, resume, autostart. */
#include "shell.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libxml/parser.h>
#include <libxml/tree.h>


/* After create/start --console: vireo has no console client. */
static void
vrShConsole(vrShCtl *ctl)
{
    if (!isatty(STDIN_FILENO))
        vrShError(ctl, "%s", "Cannot run interactive console without a controlling TTY");
    else
        vrShError(ctl, "%s", "interactive console is not supported by vireo");
}


/* Parses --pass-fds N,M,...; *nfds is 0 when absent. */
static bool
vrShPassFds(vrShCtl *ctl, const vrShCmd *cmd, size_t *nfds)
{
    const char *arg = NULL;
    g_auto(GStrv) parts = NULL;
    long long fd;

    *nfds = 0;
    if (vrShOptStringQuiet(cmd, "pass-fds", &arg) <= 0)
        return true;
    parts = g_strsplit(arg, ",", -1);
    for (char **p = parts; *p; p++) {
        if (!vrShStrToLong(*p, G_MININT, G_MAXINT, &fd)) {
            vrShError(ctl, "Unable to parse FD number '%s'", *p);
            return false;
        }
        (*nfds)++;
    }
    return true;
}


static bool
cmdDefine(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree char *xml = NULL;
    const char *from = NULL;
    bool validate = vrShOptBool(cmd, "validate");

    if (vrShOptString(ctl, cmd, "file", &from) < 0)
        return false;
    if (vrShReadFile(from, &xml) < 0)
        return false;
    if (validate) {
        dom = virDomainDefineXMLFlags(ctl->conn, xml, VIR_DOMAIN_DEFINE_VALIDATE);
        if (!dom && vrShLastErrorCode() == VIR_ERR_NO_SUPPORT) {
            vrShResetLibError();
            dom = virDomainDefineXML(ctl->conn, xml);
        }
    } else {
        dom = virDomainDefineXML(ctl->conn, xml);
    }
    if (!dom) {
        vrShError(ctl, "Failed to define domain from %s", from);
        return false;
    }
    vrShPrintExtra(ctl, "Domain '%s' defined from %s\n",
                   virDomainGetName(dom), from);
    return true;
}


static const vrShOptDef opts_define[] = {
    VR_SH_OPT_FILE("file containing an XML domain description"),
    VR_SH_OPT_BOOL("validate", "validate the XML against the schema"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdDefine = {
    .name = "define", .handler = cmdDefine, .opts = opts_define,
    .help = "define (but don't start) a domain from an XML file",
    .desc = "Define a domain.",
};


static bool
cmdCreate(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree char *xml = NULL;
    const char *from = NULL;
    unsigned int flags = 0;
    size_t nfds;

    if (vrShOptString(ctl, cmd, "file", &from) < 0)
        return false;
    if (!vrShPassFds(ctl, cmd, &nfds))
        return false;
    if (vrShReadFile(from, &xml) < 0)
        return false;
    if (vrShOptBool(cmd, "paused"))
        flags |= VIR_DOMAIN_START_PAUSED;
    if (vrShOptBool(cmd, "autodestroy"))
        flags |= VIR_DOMAIN_START_AUTODESTROY;
    if (vrShOptBool(cmd, "validate"))
        flags |= VIR_DOMAIN_START_VALIDATE;
    if (vrShOptBool(cmd, "reset-nvram"))
        flags |= VIR_DOMAIN_START_RESET_NVRAM;

    if (nfds)
        vrShNoSupport("virDomainCreateXMLWithFiles");
    else
        dom = virDomainCreateXML(ctl->conn, xml, flags);
    if (!dom) {
        vrShError(ctl, "Failed to create domain from %s", from);
        return false;
    }
    vrShPrintExtra(ctl, "Domain '%s' created from %s\n",
                   virDomainGetName(dom), from);
    if (vrShOptBool(cmd, "console"))
        vrShConsole(ctl);
    return true;
}


static const vrShOptDef opts_create[] = {
    VR_SH_OPT_FILE("file containing an XML domain description"),
    VR_SH_OPT_BOOL("console", "attach to console after creation"),
    VR_SH_OPT_BOOL("paused", "leave the guest paused after creation"),
    VR_SH_OPT_BOOL("autodestroy", "automatically destroy the guest when virsh disconnects"),
    {.name = "pass-fds", .type = VR_SH_OT_STRING,
     .help = "pass file descriptors N,M,... to the guest"},
    VR_SH_OPT_BOOL("validate", "validate the XML against the schema"),
    VR_SH_OPT_BOOL("reset-nvram", "re-initialize NVRAM from its pristine template"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdCreate = {
    .name = "create", .handler = cmdCreate, .opts = opts_create,
    .help = "create a domain from an XML file", .desc = "Create a domain.",
};


/* --force-boot by hand for drivers that reject the flag: drop the
 * managed save image first.  False after reporting an error. */
static bool
vrShStartForceBoot(vrShCtl *ctl, virDomainPtr dom, unsigned int *flags,
                   bool *started)
{
    int rc;

    *started = virDomainCreateWithFlags(dom, *flags) == 0;
    if (*started)
        return true;
    rc = vrShLastErrorCode();
    if (rc != VIR_ERR_NO_SUPPORT && rc != VIR_ERR_INVALID_ARG) {
        vrShReportError(ctl);
        return false;
    }
    vrShResetLibError();
    rc = virDomainHasManagedSaveImage(dom, 0);
    if (rc < 0) {
        vrShResetLibError();
    } else if (rc > 0 && virDomainManagedSaveRemove(dom, 0) < 0) {
        vrShReportError(ctl);
        return false;
    }
    *flags &= ~VIR_DOMAIN_START_FORCE_BOOT;
    return true;
}


static bool
cmdStart(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned int flags = 0;
    bool started = false;
    size_t nfds;
    int rc;

    if (!(dom = vrShOptDomain(ctl, cmd, NULL, VR_SH_BYNAME | VR_SH_BYUUID)))
        return false;
    if (virDomainGetID(dom) != (unsigned int)-1) {
        vrShError(ctl, "%s", "Domain is already active");
        return false;
    }
    if (!vrShPassFds(ctl, cmd, &nfds))
        return false;
    if (vrShOptBool(cmd, "paused"))
        flags |= VIR_DOMAIN_START_PAUSED;
    if (vrShOptBool(cmd, "autodestroy"))
        flags |= VIR_DOMAIN_START_AUTODESTROY;
    if (vrShOptBool(cmd, "bypass-cache"))
        flags |= VIR_DOMAIN_START_BYPASS_CACHE;
    if (vrShOptBool(cmd, "force-boot"))
        flags |= VIR_DOMAIN_START_FORCE_BOOT;
    if (vrShOptBool(cmd, "reset-nvram"))
        flags |= VIR_DOMAIN_START_RESET_NVRAM;

    if (nfds) {
        vrShNoSupport("virDomainCreateWithFiles");
        rc = -1;
    } else {
        if ((flags & VIR_DOMAIN_START_FORCE_BOOT) &&
            !vrShStartForceBoot(ctl, dom, &flags, &started))
            return false;
        if (started)
            rc = 0;
        else if (flags)
            rc = virDomainCreateWithFlags(dom, flags);
        else
            rc = virDomainCreate(dom);
    }
    if (rc < 0) {
        vrShError(ctl, "Failed to start domain '%s'", virDomainGetName(dom));
        return false;
    }
    vrShPrintExtra(ctl, "Domain '%s' started\n", virDomainGetName(dom));
    if (vrShOptBool(cmd, "console"))
        vrShConsole(ctl);
    return true;
}


static const vrShOptDef opts_start[] = {
    VR_SH_OPT_DOMAIN_LIST("name of the inactive domain",
                          VIR_CONNECT_LIST_DOMAINS_INACTIVE),
    VR_SH_OPT_BOOL("console", "attach to console after creation"),
    VR_SH_OPT_BOOL("paused", "leave the guest paused after creation"),
    VR_SH_OPT_BOOL("autodestroy", "automatically destroy the guest when virsh disconnects"),
    VR_SH_OPT_BOOL("bypass-cache", "avoid file system cache when loading"),
    VR_SH_OPT_BOOL("force-boot", "force fresh boot by discarding any managed save"),
    {.name = "pass-fds", .type = VR_SH_OT_STRING,
     .help = "pass file descriptors N,M,... to the guest"},
    VR_SH_OPT_BOOL("reset-nvram", "re-initialize NVRAM from its pristine template"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdStart = {
    .name = "start", .handler = cmdStart, .opts = opts_start,
    .help = "start a (previously defined) inactive domain",
    .desc = "Start a domain, either from the last managedsave\n"
            "    state, or via a fresh boot if no managedsave state\n"
            "    is present.",
};


static bool
cmdDestroy(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name = NULL;
    unsigned int flags = 0;
    int rc;

    if (!(dom = vrShOptDomain(ctl, cmd, &name, VR_SH_BYANY)))
        return false;
    if (vrShOptBool(cmd, "graceful"))
        flags |= VIR_DOMAIN_DESTROY_GRACEFUL;
    if (vrShOptBool(cmd, "remove-logs"))
        flags |= VIR_DOMAIN_DESTROY_REMOVE_LOGS;
    rc = flags ? virDomainDestroyFlags(dom, flags) : virDomainDestroy(dom);
    if (rc < 0) {
        vrShError(ctl, "Failed to destroy domain '%s'", name);
        return false;
    }
    vrShPrintExtra(ctl, "Domain '%s' destroyed\n", name);
    return true;
}


static const vrShOptDef opts_destroy[] = {
    VR_SH_OPT_DOMAIN_ACTIVE,
    VR_SH_OPT_BOOL("graceful", "terminate gracefully"),
    VR_SH_OPT_BOOL("remove-logs", "remove domain logs"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdDestroy = {
    .name = "destroy", .handler = cmdDestroy, .opts = opts_destroy,
    .help = "destroy (stop) a domain",
    .desc = "Forcefully stop a given domain, but leave its resources intact.",
};


/* The shutdown/reboot modes (the two flag sets share their values). */
static const struct {
    const char *name;
    unsigned int flag;
} vrShShutdownModes[] = {
    {"acpi", VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN},
    {"agent", VIR_DOMAIN_SHUTDOWN_GUEST_AGENT},
    {"initctl", VIR_DOMAIN_SHUTDOWN_INITCTL},
    {"signal", VIR_DOMAIN_SHUTDOWN_SIGNAL},
    {"paravirt", VIR_DOMAIN_SHUTDOWN_PARAVIRT},
};


/* Turns --mode a,b,... into shutdown/reboot flags.  -1 after reporting an
 * unknown mode. */
static int
vrShModeFlags(vrShCtl *ctl, const vrShCmd *cmd, const char *expecting,
              unsigned int *flags)
{
    const char *mode = NULL;
    g_auto(GStrv) list = NULL;

    *flags = 0;
    if (vrShOptString(ctl, cmd, "mode", &mode) < 0)
        return -1;
    if (!mode)
        return 0;
    list = g_strsplit(mode, ",", 0);
    for (char **m = list; *m; m++) {
        size_t i;

        for (i = 0; i < G_N_ELEMENTS(vrShShutdownModes); i++) {
            if (strcmp(*m, vrShShutdownModes[i].name) == 0)
                break;
        }
        if (i == G_N_ELEMENTS(vrShShutdownModes)) {
            vrShError(ctl, "Unknown mode %s value, expecting %s", *m, expecting);
            return -1;
        }
        *flags |= vrShShutdownModes[i].flag;
    }
    return 0;
}


G_STATIC_ASSERT((int)VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN == (int)VIR_DOMAIN_REBOOT_ACPI_POWER_BTN);
G_STATIC_ASSERT((int)VIR_DOMAIN_SHUTDOWN_GUEST_AGENT == (int)VIR_DOMAIN_REBOOT_GUEST_AGENT);
G_STATIC_ASSERT((int)VIR_DOMAIN_SHUTDOWN_INITCTL == (int)VIR_DOMAIN_REBOOT_INITCTL);
G_STATIC_ASSERT((int)VIR_DOMAIN_SHUTDOWN_SIGNAL == (int)VIR_DOMAIN_REBOOT_SIGNAL);
G_STATIC_ASSERT((int)VIR_DOMAIN_SHUTDOWN_PARAVIRT == (int)VIR_DOMAIN_REBOOT_PARAVIRT);


static bool
cmdShutdown(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name = NULL;
    unsigned int flags;
    int rc;

    if (vrShModeFlags(ctl, cmd,
                      "'acpi', 'agent', 'initctl', 'signal', or 'paravirt'",
                      &flags) < 0)
        return false;
    if (!(dom = vrShOptDomain(ctl, cmd, &name, VR_SH_BYANY)))
        return false;
    rc = flags ? virDomainShutdownFlags(dom, flags) : virDomainShutdown(dom);
    if (rc < 0) {
        vrShError(ctl, "Failed to shutdown domain '%s'", name);
        return false;
    }
    vrShPrintExtra(ctl, "Domain '%s' is being shutdown\n", name);
    return true;
}


static char **
vrShCompleteShutdownModes(vrShCtl *ctl G_GNUC_UNUSED,
                          unsigned int flags G_GNUC_UNUSED)
{
    char **names = g_new0(char *, G_N_ELEMENTS(vrShShutdownModes) + 1);

    for (size_t i = 0; i < G_N_ELEMENTS(vrShShutdownModes); i++)
        names[i] = g_strdup(vrShShutdownModes[i].name);
    return names;
}


static const vrShOptDef opts_shutdown[] = {
    VR_SH_OPT_DOMAIN_ACTIVE,
    {.name = "mode", .type = VR_SH_OT_STRING, .flags = VR_SH_OFLAG_LIST,
     .help = "shutdown mode: acpi|agent|initctl|signal|paravirt",
     .completer = vrShCompleteShutdownModes},
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdShutdown = {
    .name = "shutdown", .handler = cmdShutdown, .opts = opts_shutdown,
    .help = "gracefully shutdown a domain",
    .desc = "Run shutdown in the target domain.",
};


static bool
cmdReboot(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name = NULL;
    unsigned int flags;

    if (vrShModeFlags(ctl, cmd,
                      "'acpi', 'agent', 'initctl', 'signal' or 'paravirt'",
                      &flags) < 0)
        return false;
    if (!(dom = vrShOptDomain(ctl, cmd, &name, VR_SH_BYANY)))
        return false;
    if (virDomainReboot(dom, flags) < 0) {
        vrShError(ctl, "Failed to reboot domain '%s'", name);
        return false;
    }
    vrShPrintExtra(ctl, "Domain '%s' is being rebooted\n", name);
    return true;
}


const vrShCmdDef vrShCmdReboot = {
    .name = "reboot", .handler = cmdReboot, .opts = opts_shutdown,
    .help = "reboot a domain",
    .desc = "Run a reboot command in the target domain.",
};


static bool
cmdReset(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name = NULL;

    if (!(dom = vrShOptDomain(ctl, cmd, &name, VR_SH_BYANY)))
        return false;
    if (virDomainReset(dom, 0) < 0) {
        vrShError(ctl, "Failed to reset domain '%s'", name);
        return false;
    }
    vrShPrintExtra(ctl, "Domain '%s' was reset\n", name);
    return true;
}


static const vrShOptDef opts_reset[] = {
    VR_SH_OPT_DOMAIN_ACTIVE,
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdReset = {
    .name = "reset", .handler = cmdReset, .opts = opts_reset,
    .help = "reset a domain",
    .desc = "Reset the target domain as if by power button",
};


static bool
cmdSuspend(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name = NULL;

    if (!(dom = vrShOptDomain(ctl, cmd, &name, VR_SH_BYANY)))
        return false;
    if (virDomainSuspend(dom) < 0) {
        vrShError(ctl, "Failed to suspend domain '%s'", name);
        return false;
    }
    vrShPrintExtra(ctl, "Domain '%s' suspended\n", name);
    return true;
}


static const vrShOptDef opts_suspend[] = {
    VR_SH_OPT_DOMAIN_LIST("domain name, id or uuid",
                          VIR_CONNECT_LIST_DOMAINS_RUNNING),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdSuspend = {
    .name = "suspend", .handler = cmdSuspend, .opts = opts_suspend,
    .help = "suspend a domain", .desc = "Suspend a running domain.",
};


static bool
cmdResume(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name = NULL;

    if (!(dom = vrShOptDomain(ctl, cmd, &name, VR_SH_BYANY)))
        return false;
    if (virDomainResume(dom) < 0) {
        vrShError(ctl, "Failed to resume domain '%s'", name);
        return false;
    }
    vrShPrintExtra(ctl, "Domain '%s' resumed\n", name);
    return true;
}


static const vrShOptDef opts_resume[] = {
    VR_SH_OPT_DOMAIN_LIST("domain name, id or uuid",
                          VIR_CONNECT_LIST_DOMAINS_PAUSED),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdResume = {
    .name = "resume", .handler = cmdResume, .opts = opts_resume,
    .help = "resume a domain",
    .desc = "Resume a previously suspended domain.",
};


static bool
cmdAutostart(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name = NULL;
    bool enable = !vrShOptBool(cmd, "disable");

    if (!(dom = vrShOptDomain(ctl, cmd, &name, VR_SH_BYANY)))
        return false;
    if (virDomainSetAutostart(dom, enable) < 0) {
        vrShError(ctl, enable ? "Failed to mark domain '%s' as autostarted"
                              : "Failed to unmark domain '%s' as autostarted",
                  name);
        return false;
    }
    vrShPrintExtra(ctl, enable ? "Domain '%s' marked as autostarted\n"
                               : "Domain '%s' unmarked as autostarted\n",
                   name);
    return true;
}


static const vrShOptDef opts_autostart[] = {
    VR_SH_OPT_DOMAIN_LIST("domain name, id or uuid",
                          VIR_CONNECT_LIST_DOMAINS_PERSISTENT),
    VR_SH_OPT_BOOL("disable", "disable autostarting"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdAutostart = {
    .name = "autostart", .handler = cmdAutostart, .opts = opts_autostart,
    .help = "autostart a domain",
    .desc = "Configure a domain to be automatically started at boot.",
};


/* ---- undefine ---- */

typedef struct {
    char *target; /* <target dev=...> */
    char *source; /* the first of <source file|dir|name|dev|volume=...> */
    char *pool;   /* <source pool=...> */
} vrShDiskSource;


static void
vrShDiskSourceClear(vrShDiskSource *d)
{
    g_clear_pointer(&d->target, g_free);
    g_clear_pointer(&d->source, g_free);
    g_clear_pointer(&d->pool, g_free);
}


static char *
vrShProp(xmlNodePtr node, const char *name)
{
    xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
    char *s = v ? g_strdup((const char *)v) : NULL;

    xmlFree(v);
    return s;
}


static bool
vrShIsElement(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, (const xmlChar *)name);
}


/* Fills d from one <disk> element. */
static void
vrShDiskSourceRead(xmlNodePtr disk, vrShDiskSource *d)
{
    static const char *const attrs[] = { "file", "dir", "name", "dev", "volume" };

    for (xmlNodePtr c = disk->children; c; c = c->next) {
        if (vrShIsElement(c, "target") && !d->target)
            d->target = vrShProp(c, "dev");
        if (!vrShIsElement(c, "source") || d->source)
            continue;
        for (size_t i = 0; i < G_N_ELEMENTS(attrs) && !d->source; i++)
            d->source = vrShProp(c, attrs[i]);
        d->pool = vrShProp(c, "pool");
    }
}


/* Whether the user's --storage list selects disk d (marking the entry
 * found); everything is selected without a list. */
static bool
vrShDiskWanted(char **wanted, bool *found, const vrShDiskSource *d)
{
    if (!wanted)
        return true;
    for (size_t i = 0; wanted[i]; i++) {
        if (!found[i] && (g_strcmp0(wanted[i], d->target) == 0 ||
                          strcmp(wanted[i], d->source) == 0)) {
            found[i] = true;
            return true;
        }
    }
    return false;
}


/* --storage/--remove-all-storage: vireo has no storage API, so every
 * selected disk is one libvirt does not manage, which virsh reports and
 * leaves alone.  False after reporting a disk the user named that the
 * domain does not have. */
static bool
vrShUndefineStorage(vrShCtl *ctl, virDomainPtr dom, const char *vol_string)
{
    g_autofree char *xml = virDomainGetXMLDesc(dom, 0);
    g_auto(GStrv) wanted = vol_string ? vrShSplitCommas(vol_string) : NULL;
    g_autofree bool *found = NULL;
    xmlNodePtr root, devices = NULL;
    xmlDocPtr doc;
    bool ok = true;

    if (!xml) {
        vrShError(ctl, "%s", "Could not retrieve domain XML description");
        return false;
    }
    if (!(doc = xmlReadMemory(xml, strlen(xml), "domain.xml", NULL, XML_PARSE_NONET)))
        return false;
    found = g_new0(bool, wanted ? g_strv_length(wanted) : 0);
    root = xmlDocGetRootElement(doc);
    for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next) {
        if (vrShIsElement(n, "devices"))
            devices = n;
    }
    for (xmlNodePtr n = devices ? devices->children : NULL; n; n = n->next) {
        vrShDiskSource d = { 0 };

        if (vrShIsElement(n, "disk"))
            vrShDiskSourceRead(n, &d);
        if (d.source && vrShDiskWanted(wanted, found, &d)) {
            if (d.pool)
                vrShPrint(ctl, "Storage pool '%s' for volume '%s' not found.",
                          d.pool, d.target ? d.target : "");
            else
                vrShError(ctl, "Storage volume '%s'(%s) is not managed by libvirt. Remove it manually.\n",
                          d.target ? d.target : "", d.source);
        }
        vrShDiskSourceClear(&d);
    }
    for (size_t i = 0; wanted && wanted[i]; i++) {
        if (!found[i]) {
            vrShError(ctl, "Volume '%s' was not found in domain's definition.\n",
                      wanted[i]);
            ok = false;
        }
    }
    xmlFreeDoc(doc);
    return ok;
}


static unsigned int
vrShUndefineFlags(const vrShCmd *cmd)
{
    static const struct { const char *opt; unsigned int flag; } map[] = {
        {"managed-save", VIR_DOMAIN_UNDEFINE_MANAGED_SAVE},
        {"snapshots-metadata", VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA},
        {"checkpoints-metadata", VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA},
        {"nvram", VIR_DOMAIN_UNDEFINE_NVRAM},
        {"keep-nvram", VIR_DOMAIN_UNDEFINE_KEEP_NVRAM},
        {"tpm", VIR_DOMAIN_UNDEFINE_TPM},
        {"keep-tpm", VIR_DOMAIN_UNDEFINE_KEEP_TPM},
    };
    unsigned int flags = 0;

    for (size_t i = 0; i < G_N_ELEMENTS(map); i++) {
        if (vrShOptBool(cmd, map[i].opt))
            flags |= map[i].flag;
    }
    return flags;
}


/* Undefines dom, falling back to the old API (with the managed save
 * image removed by hand) for drivers without virDomainUndefineFlags. */
static int
vrShUndefineDomain(vrShCtl *ctl, virDomainPtr dom, unsigned int flags,
                   bool managed_save, bool safe, int has_managed_save)
{
    int rc;
    int code;

    if (safe || (flags & VIR_DOMAIN_UNDEFINE_NVRAM)) {
        rc = virDomainUndefineFlags(dom, flags);
        code = vrShLastErrorCode();
        if (rc == 0 || (flags & VIR_DOMAIN_UNDEFINE_NVRAM) ||
            (code != VIR_ERR_NO_SUPPORT && code != VIR_ERR_INVALID_ARG))
            return rc;
        vrShResetLibError();
    }
    if (has_managed_save) {
        if (!managed_save) {
            vrShError(ctl, "%s", "Refusing to undefine while domain managed save image exists");
            return -2;
        }
        if (virDomainManagedSaveRemove(dom, 0) < 0) {
            vrShReportError(ctl);
            return -2;
        }
    }
    return virDomainUndefine(dom);
}


static bool
cmdUndefine(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name = NULL;
    const char *vol_string = NULL;
    bool managed_save = vrShOptBool(cmd, "managed-save");
    bool remove_all = vrShOptBool(cmd, "remove-all-storage");
    unsigned int flags = vrShUndefineFlags(cmd);
    int has_managed_save = 0;
    int running;
    int rc;

    if (!vrShRequires(ctl, cmd, "delete-storage-volume-snapshots", "remove-all-storage") ||
        !vrShExclusive(ctl, cmd, "nvram", "keep-nvram") ||
        !vrShExclusive(ctl, cmd, "tpm", "keep-tpm"))
        return false;
    (void)vrShOptStringQuiet(cmd, "storage", &vol_string);
    if (!(vol_string || remove_all) && vrShOptBool(cmd, "wipe-storage")) {
        vrShError(ctl, "%s", "'--wipe-storage' requires '--storage <string>' or '--remove-all-storage'");
        return false;
    }
    if (!(dom = vrShOptDomain(ctl, cmd, &name, VR_SH_BYANY)))
        return false;
    if ((running = virDomainIsActive(dom)) < 0)
        return false;
    if (!running && (has_managed_save = virDomainHasManagedSaveImage(dom, 0)) < 0) {
        if (vrShLastErrorCode() != VIR_ERR_NO_SUPPORT)
            return false;
        vrShResetLibError();
        has_managed_save = 0;
    }
    if (!has_managed_save)
        flags &= ~VIR_DOMAIN_UNDEFINE_MANAGED_SAVE;

    if (vol_string || remove_all) {
        if (running) {
            vrShError(ctl, "%s", "Storage volume deletion is supported only on stopped domains");
            return false;
        }
        if (vol_string && remove_all) {
            vrShError(ctl, "%s", "Specified both --storage and --remove-all-storage");
            return false;
        }
        if (!vrShUndefineStorage(ctl, dom, vol_string))
            return false;
    }

    rc = vrShUndefineDomain(ctl, dom, flags, managed_save,
                            managed_save || !has_managed_save, has_managed_save);
    if (rc == -2)
        return false;
    if (rc < 0) {
        vrShError(ctl, "Failed to undefine domain '%s'", name);
        return false;
    }
    vrShPrintExtra(ctl, "Domain '%s' has been undefined\n", name);
    return true;
}


static const vrShOptDef opts_undefine[] = {
    VR_SH_OPT_DOMAIN_LIST("domain name, id or uuid",
                          VIR_CONNECT_LIST_DOMAINS_PERSISTENT),
    VR_SH_OPT_BOOL("managed-save", "remove domain managed state file"),
    {.name = "storage", .type = VR_SH_OT_STRING,
     .help = "remove associated storage volumes (comma separated list of targets or source paths) (see domblklist)"},
    VR_SH_OPT_BOOL("remove-all-storage", "remove all associated storage volumes (use with caution)"),
    {.name = "delete-snapshots", .type = VR_SH_OT_ALIAS,
     .help = "delete-storage-volume-snapshots"},
    VR_SH_OPT_BOOL("delete-storage-volume-snapshots",
                   "delete snapshots associated with volume(s), requires --remove-all-storage (must be supported by storage driver)"),
    VR_SH_OPT_BOOL("wipe-storage", "wipe data on the removed volumes"),
    VR_SH_OPT_BOOL("snapshots-metadata", "remove all domain snapshot metadata (vm must be inactive)"),
    VR_SH_OPT_BOOL("checkpoints-metadata", "remove all domain checkpoint metadata (vm must be inactive)"),
    VR_SH_OPT_BOOL("nvram", "remove nvram file"),
    VR_SH_OPT_BOOL("keep-nvram", "keep nvram file"),
    VR_SH_OPT_BOOL("tpm", "remove TPM state"),
    VR_SH_OPT_BOOL("keep-tpm", "keep TPM state"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdUndefine = {
    .name = "undefine", .handler = cmdUndefine, .opts = opts_undefine,
    .help = "undefine a domain",
    .desc = "Undefine an inactive domain, or convert persistent to transient.",
};
