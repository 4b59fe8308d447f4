/* Public entry points: domain lifecycle (create, destroy, shutdown, suspend,
 * save and restore).  Old API forms map onto the newest driver slot. */
#include "api/domain_entry.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

/* libvirt passes absolute paths to drivers; a relative one is taken from the
 * caller's working directory. */
static char *vrAbsPath(const char *path)
{
    return g_canonicalize_filename(path, NULL);
}

/* RUNNING and PAUSED exclude each other on every save/restore call. */
static bool vrCheckSaveFlags(virConnectPtr conn, unsigned int flags)
{
    if ((flags & VIR_DOMAIN_SAVE_RUNNING) && (flags & VIR_DOMAIN_SAVE_PAUSED)) {
        vrReportErrorRaw(VIR_ERR_INVALID_ARG,
                         "Flags 'VIR_DOMAIN_SAVE_RUNNING' and 'VIR_DOMAIN_SAVE_PAUSED' "
                         "are mutually exclusive");
        vrEntryFail(conn);
        return false;
    }
    return true;
}

virDomainPtr virDomainCreateXML(virConnectPtr conn, const char *xmlDesc, unsigned int flags)
{
    VR_CHECK_CONN(conn, NULL);
    VR_CHECK_WRITABLE(conn, NULL);
    VR_CHECK_NONNULL(conn, xmlDesc, NULL);
    VR_SLOT(conn, domainCreateXML, NULL);
    return vrDomainRetPtr(conn, conn->driver->domainCreateXML(conn, xmlDesc, flags));
}

/* One implementation per old/new pair; func names the public call. */
static int vrDomainCreateImpl(virDomainPtr domain, unsigned int flags, const char *func)
{
    VR_DOMAIN_ENTRY_F(domain, -1, true, domainCreateWithFlags, func);
    return vrDomainRet(domain, VR_DRV(domain)->domainCreateWithFlags(domain, flags));
}

int virDomainCreateWithFlags(virDomainPtr domain, unsigned int flags)
{
    return vrDomainCreateImpl(domain, flags, __func__);
}

int virDomainCreate(virDomainPtr domain)
{
    return vrDomainCreateImpl(domain, 0, __func__);
}

static int vrDomainUndefineImpl(virDomainPtr domain, unsigned int flags, const char *func)
{
    VR_DOMAIN_ENTRY_F(domain, -1, true, domainUndefineFlags, func);
    return vrDomainRet(domain, VR_DRV(domain)->domainUndefineFlags(domain, flags));
}

int virDomainUndefineFlags(virDomainPtr domain, unsigned int flags)
{
    return vrDomainUndefineImpl(domain, flags, __func__);
}

int virDomainUndefine(virDomainPtr domain)
{
    return vrDomainUndefineImpl(domain, 0, __func__);
}

static int vrDomainDestroyImpl(virDomainPtr domain, unsigned int flags, const char *func)
{
    VR_DOMAIN_ENTRY_F(domain, -1, true, domainDestroyFlags, func);
    return vrDomainRet(domain, VR_DRV(domain)->domainDestroyFlags(domain, flags));
}

int virDomainDestroyFlags(virDomainPtr domain, unsigned int flags)
{
    return vrDomainDestroyImpl(domain, flags, __func__);
}

int virDomainDestroy(virDomainPtr domain)
{
    return vrDomainDestroyImpl(domain, 0, __func__);
}

static int vrDomainShutdownImpl(virDomainPtr domain, unsigned int flags, const char *func)
{
    VR_DOMAIN_ENTRY_F(domain, -1, true, domainShutdownFlags, func);
    return vrDomainRet(domain, VR_DRV(domain)->domainShutdownFlags(domain, flags));
}

int virDomainShutdownFlags(virDomainPtr domain, unsigned int flags)
{
    return vrDomainShutdownImpl(domain, flags, __func__);
}

int virDomainShutdown(virDomainPtr domain)
{
    return vrDomainShutdownImpl(domain, 0, __func__);
}

int virDomainReboot(virDomainPtr domain, unsigned int flags)
{
    VR_DOMAIN_ENTRY(domain, -1, true, domainReboot);
    return vrDomainRet(domain, VR_DRV(domain)->domainReboot(domain, flags));
}

int virDomainReset(virDomainPtr domain, unsigned int flags)
{
    VR_DOMAIN_ENTRY(domain, -1, true, domainReset);
    return vrDomainRet(domain, VR_DRV(domain)->domainReset(domain, flags));
}

int virDomainSuspend(virDomainPtr domain)
{
    VR_DOMAIN_ENTRY(domain, -1, true, domainSuspend);
    return vrDomainRet(domain, VR_DRV(domain)->domainSuspend(domain));
}

int virDomainResume(virDomainPtr domain)
{
    VR_DOMAIN_ENTRY(domain, -1, true, domainResume);
    return vrDomainRet(domain, VR_DRV(domain)->domainResume(domain));
}

static int vrDomainSaveImpl(virDomainPtr domain, const char *to, const char *dxml,
                            unsigned int flags, const char *func)
{
    g_autofree char *abs = NULL;

    VR_DOMAIN_ENTRY_F(domain, -1, true, domainSaveFlags, func);
    VR_CHECK_NONNULL_F(domain->conn, to, -1, func);
    if (!vrCheckSaveFlags(domain->conn, flags))
        return -1;
    abs = vrAbsPath(to);
    return vrDomainRet(domain, VR_DRV(domain)->domainSaveFlags(domain, abs, dxml, flags));
}

int virDomainSaveFlags(virDomainPtr domain, const char *to, const char *dxml,
                       unsigned int flags)
{
    return vrDomainSaveImpl(domain, to, dxml, flags, __func__);
}

int virDomainSave(virDomainPtr domain, const char *to)
{
    return vrDomainSaveImpl(domain, to, NULL, 0, __func__);
}

static int vrDomainRestoreImpl(virConnectPtr conn, const char *from, const char *dxml,
                               unsigned int flags, const char *func)
{
    g_autofree char *abs = NULL;
    int ret;

    VR_CHECK_CONN_F(conn, -1, func);
    VR_CHECK_WRITABLE_F(conn, -1, func);
    VR_CHECK_NONNULL_F(conn, from, -1, func);
    if (!vrCheckSaveFlags(conn, flags))
        return -1;
    VR_SLOT_F(conn, domainRestoreFlags, -1, func);
    abs = vrAbsPath(from);
    if ((ret = conn->driver->domainRestoreFlags(conn, abs, dxml, flags)) < 0)
        vrEntryFail(conn);
    return ret;
}

int virDomainRestoreFlags(virConnectPtr conn, const char *from, const char *dxml,
                          unsigned int flags)
{
    return vrDomainRestoreImpl(conn, from, dxml, flags, __func__);
}

int virDomainRestore(virConnectPtr conn, const char *from)
{
    return vrDomainRestoreImpl(conn, from, NULL, 0, __func__);
}

int virDomainManagedSave(virDomainPtr domain, unsigned int flags)
{
    VR_DOMAIN_ENTRY(domain, -1, true, domainManagedSave);
    if (!vrCheckSaveFlags(domain->conn, flags))
        return -1;
    return vrDomainRet(domain, VR_DRV(domain)->domainManagedSave(domain, flags));
}

int virDomainHasManagedSaveImage(virDomainPtr domain, unsigned int flags)
{
    VR_DOMAIN_ENTRY(domain, -1, false, domainHasManagedSaveImage);
    return vrDomainRet(domain, VR_DRV(domain)->domainHasManagedSaveImage(domain, flags));
}

int virDomainManagedSaveRemove(virDomainPtr domain, unsigned int flags)
{
    VR_DOMAIN_ENTRY(domain, -1, true, domainManagedSaveRemove);
    return vrDomainRet(domain, VR_DRV(domain)->domainManagedSaveRemove(domain, flags));
}

int virDomainCoreDump(virDomainPtr domain, const char *to, unsigned int flags)
{
    g_autofree char *abs = NULL;

    VR_DOMAIN_ENTRY(domain, -1, true, domainCoreDump);
    VR_CHECK_NONNULL(domain->conn, to, -1);
    if ((flags & VIR_DUMP_CRASH) && (flags & (VIR_DUMP_LIVE | VIR_DUMP_RESET))) {
        vrReportErrorRaw(VIR_ERR_INVALID_ARG, "%s",
                         (flags & VIR_DUMP_LIVE) ? "crash and live flags are mutually exclusive"
                                                 : "crash and reset flags are mutually exclusive");
        return vrDomainRet(domain, -1);
    }
    abs = vrAbsPath(to);
    return vrDomainRet(domain, VR_DRV(domain)->domainCoreDump(domain, abs, flags));
}
