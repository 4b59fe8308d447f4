/* Commands that save a running domain's state and bring it back: save,
 * restore, managedsave and managedsave-remove. */
#include "shell.h"

#include <stdlib.h>


/* virsh prints job progress on stderr; vireo has no job API, so --verbose
 * reports only the finished job. */
static void
vrShJobDone(const vrShCmd *cmd, const char *label)
{
    if (!vrShOptBool(cmd, "verbose"))
        return;
    fprintf(stderr, "\r%s: [%3d %%]", label, 100);
    fflush(stderr);
}


static unsigned int
vrShSaveFlags(const vrShCmd *cmd)
{
    unsigned int flags = 0;

    if (vrShOptBool(cmd, "bypass-cache"))
        flags |= VIR_DOMAIN_SAVE_BYPASS_CACHE;
    if (vrShOptBool(cmd, "running"))
        flags |= VIR_DOMAIN_SAVE_RUNNING;
    if (vrShOptBool(cmd, "paused"))
        flags |= VIR_DOMAIN_SAVE_PAUSED;
    if (vrShOptBool(cmd, "reset-nvram"))
        flags |= VIR_DOMAIN_SAVE_RESET_NVRAM;
    return flags;
}


static bool
cmdSave(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree char *xml = NULL;
    const char *name = NULL;
    const char *to = NULL;
    const char *xmlfile = NULL;
    unsigned int flags = vrShSaveFlags(cmd);
    int rc;

    if (vrShOptString(ctl, cmd, "file", &to) < 0 ||
        vrShOptString(ctl, cmd, "xml", &xmlfile) < 0)
        return false;
    if (!(dom = vrShOptDomain(ctl, cmd, &name, VR_SH_BYANY)))
        return false;
    if (xmlfile && vrShReadFile(xmlfile, &xml) < 0)
        return false;

    if (flags || xml)
        rc = virDomainSaveFlags(dom, to, xml, flags);
    else
        rc = virDomainSave(dom, to);
    if (rc < 0) {
        vrShError(ctl, "Failed to save domain '%s' to %s", name, to);
        return false;
    }
    vrShJobDone(cmd, "Save");
    vrShPrintExtra(ctl, "\nDomain '%s' saved to %s\n", name, to);
    return true;
}


static const vrShOptDef opts_save[] = {
    VR_SH_OPT_DOMAIN_ACTIVE,
    VR_SH_OPT_FILE("where to save the data"),
    VR_SH_OPT_BOOL("bypass-cache", "avoid file system cache when saving"),
    {.name = "xml", .type = VR_SH_OT_STRING,
     .help = "filename containing updated XML for the target"},
    VR_SH_OPT_BOOL("running", "set domain to be running on restore"),
    VR_SH_OPT_BOOL("paused", "set domain to be paused on restore"),
    VR_SH_OPT_BOOL("verbose", "display the progress of save"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdSave = {
    .name = "save", .handler = cmdSave, .opts = opts_save,
    .help = "save a domain state to a file",
    .desc = "Save the RAM state of a running domain.",
};


static bool
cmdRestore(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autofree char *xml = NULL;
    const char *from = NULL;
    const char *xmlfile = NULL;
    unsigned int flags = vrShSaveFlags(cmd);
    int rc;

    if (vrShOptString(ctl, cmd, "file", &from) < 0 ||
        vrShOptString(ctl, cmd, "xml", &xmlfile) < 0)
        return false;
    if (xmlfile && vrShReadFile(xmlfile, &xml) < 0)
        return false;

    if (flags || xml)
        rc = virDomainRestoreFlags(ctl->conn, from, xml, flags);
    else
        rc = virDomainRestore(ctl->conn, from);
    if (rc < 0) {
        vrShError(ctl, "Failed to restore domain from %s", from);
        return false;
    }
    vrShPrintExtra(ctl, "Domain restored from %s\n", from);
    return true;
}


static const vrShOptDef opts_restore[] = {
    VR_SH_OPT_FILE("the state to restore"),
    VR_SH_OPT_BOOL("bypass-cache", "avoid file system cache when restoring"),
    {.name = "xml", .type = VR_SH_OT_STRING,
     .help = "filename containing updated XML for the target"},
    VR_SH_OPT_BOOL("running", "restore domain into running state"),
    VR_SH_OPT_BOOL("paused", "restore domain into paused state"),
    VR_SH_OPT_BOOL("reset-nvram", "re-initialize NVRAM from its pristine template"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdRestore = {
    .name = "restore", .handler = cmdRestore, .opts = opts_restore,
    .help = "restore a domain from a saved state in a file",
    .desc = "Restore a domain.",
};


static bool
cmdManagedsave(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name = NULL;

    if (!(dom = vrShOptDomain(ctl, cmd, &name, VR_SH_BYANY)))
        return false;
    if (virDomainManagedSave(dom, vrShSaveFlags(cmd)) < 0) {
        vrShError(ctl, "Failed to save domain '%s' state", name);
        return false;
    }
    vrShJobDone(cmd, "Managedsave");
    vrShPrintExtra(ctl, "\nDomain '%s' state saved by libvirt\n", name);
    return true;
}


static const vrShOptDef opts_managedsave[] = {
    VR_SH_OPT_DOMAIN_ACTIVE,
    VR_SH_OPT_BOOL("bypass-cache", "avoid file system cache when saving"),
    VR_SH_OPT_BOOL("running", "set domain to be running on next start"),
    VR_SH_OPT_BOOL("paused", "set domain to be paused on next start"),
    VR_SH_OPT_BOOL("verbose", "display the progress of save"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdManagedsave = {
    .name = "managedsave", .handler = cmdManagedsave, .opts = opts_managedsave,
    .help = "managed save of a domain state",
    .desc = "Save and destroy a running domain, so it can be restarted from\n"
            "    the same state at a later time.  When the virsh 'start'\n"
            "    command is next run for the domain, it will automatically\n"
            "    be started from this saved state.",
};


static bool
cmdManagedsaveRemove(vrShCtl *ctl, const vrShCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name = NULL;
    int has;

    if (!(dom = vrShOptDomain(ctl, cmd, &name, VR_SH_BYANY)))
        return false;
    if ((has = virDomainHasManagedSaveImage(dom, 0)) < 0) {
        vrShError(ctl, "%s", "Failed to check for domain managed save image");
        return false;
    }
    if (!has) {
        vrShPrintExtra(ctl, "Domain '%s' has no manage save image; removal skipped",
                       name);
        return true;
    }
    if (virDomainManagedSaveRemove(dom, 0) < 0) {
        vrShError(ctl, "Failed to remove managed save image for domain '%s'",
                  name);
        return false;
    }
    vrShPrintExtra(ctl, "Removed managedsave image for domain '%s'", name);
    return true;
}


static const vrShOptDef opts_managedsave_remove[] = {
    VR_SH_OPT_DOMAIN_LIST("domain name, id or uuid",
                          VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdManagedsaveRemove = {
    .name = "managedsave-remove", .handler = cmdManagedsaveRemove,
    .opts = opts_managedsave_remove,
    .help = "Remove managed save of a domain",
    .desc = "Remove an existing managed save state file from a domain",
};
