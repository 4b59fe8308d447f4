/* Public entry points: connections, node information and domain listing. */
#include "api/entry.h"
#include "api/registry.h"

#define VR_FROM_THIS VIR_FROM_NONE

#define VR_CONNECT_OPEN_FLAGS (VIR_CONNECT_RO | VIR_CONNECT_NO_ALIASES)

int virInitialize(void)
{
    return 0;
}

int virGetVersion(unsigned long *libVer, const char *type, unsigned long *typeVer)
{
    vrErrorReset();
    if (!libVer) {
        vrEntryNullArg(VR_FROM_THIS, "libVer", __func__);
        vrErrorCopyToConn(NULL);
        return -1;
    }
    *libVer = LIBVIR_VERSION_NUMBER;
    if (typeVer)
        *typeVer = LIBVIR_VERSION_NUMBER;
    return 0;
}

virConnectPtr virConnectOpenAuth(const char *name, virConnectAuthPtr auth,
                                 unsigned int flags)
{
    virConnectPtr conn = NULL;

    vrErrorReset();
    if (vrCheckFlags(flags, VR_CONNECT_OPEN_FLAGS) == 0)
        conn = vrRegistryOpen(name, auth, flags);
    if (!conn)
        vrErrorCopyToConn(NULL);
    return conn;
}

virConnectPtr virConnectOpen(const char *name)
{
    return virConnectOpenAuth(name, NULL, 0);
}

virConnectPtr virConnectOpenReadOnly(const char *name)
{
    return virConnectOpenAuth(name, NULL, VIR_CONNECT_RO);
}

int virConnectClose(virConnectPtr conn)
{
    VR_CHECK_CONN(conn, -1);
    return vrConnectUnref(conn);
}

const char *virConnectGetType(virConnectPtr conn)
{
    VR_CHECK_CONN(conn, NULL);
    VR_SLOT(conn, connectGetType, NULL);
    return conn->driver->connectGetType(conn);
}

int virConnectGetVersion(virConnectPtr conn, unsigned long *hvVer)
{
    VR_CHECK_CONN(conn, -1);
    VR_CHECK_NONNULL(conn, hvVer, -1);
    VR_SLOT(conn, connectGetVersion, -1);
    if (conn->driver->connectGetVersion(conn, hvVer) < 0) {
        vrEntryFail(conn);
        return -1;
    }
    return 0;
}

int virConnectGetLibVersion(virConnectPtr conn, unsigned long *libVer)
{
    VR_CHECK_CONN(conn, -1);
    VR_CHECK_NONNULL(conn, libVer, -1);
    *libVer = LIBVIR_VERSION_NUMBER;
    return 0;
}

char *virConnectGetHostname(virConnectPtr conn)
{
    char *ret;

    VR_CHECK_CONN(conn, NULL);
    VR_SLOT(conn, connectGetHostname, NULL);
    if (!(ret = conn->driver->connectGetHostname(conn)))
        vrEntryFail(conn);
    return ret;
}

char *virConnectGetURI(virConnectPtr conn)
{
    VR_CHECK_CONN(conn, NULL);
    return g_strdup(conn->uri);
}

char *virConnectGetCapabilities(virConnectPtr conn)
{
    char *ret;

    VR_CHECK_CONN(conn, NULL);
    VR_SLOT(conn, connectGetCapabilities, NULL);
    if (!(ret = conn->driver->connectGetCapabilities(conn)))
        vrEntryFail(conn);
    return ret;
}

int virConnectGetMaxVcpus(virConnectPtr conn, const char *type)
{
    int ret;

    VR_CHECK_CONN(conn, -1);
    VR_SLOT(conn, connectGetMaxVcpus, -1);
    if ((ret = conn->driver->connectGetMaxVcpus(conn, type)) < 0)
        vrEntryFail(conn);
    return ret;
}

/* IsAlive / IsSecure / IsEncrypted share one shape. */
static int vrConnectBoolSlot(virConnectPtr conn, vrDrvConnectIsAlive slot,
                             const char *func)
{
    int ret;

    if (!vrEntryConnect(VR_FROM_THIS, conn, func))
        return -1;
    if (!slot) {
        vrEntryNoSupport(VR_FROM_THIS, func);
        vrEntryFail(conn);
        return -1;
    }
    if ((ret = slot(conn)) < 0)
        vrEntryFail(conn);
    return ret;
}

int virConnectIsAlive(virConnectPtr conn)
{
    return vrConnectBoolSlot(conn, vrHandleIsLive(conn) ? conn->driver->connectIsAlive : NULL,
                             __func__);
}

int virConnectIsSecure(virConnectPtr conn)
{
    return vrConnectBoolSlot(conn, vrHandleIsLive(conn) ? conn->driver->connectIsSecure : NULL,
                             __func__);
}

int virConnectIsEncrypted(virConnectPtr conn)
{
    return vrConnectBoolSlot(conn,
                             vrHandleIsLive(conn) ? conn->driver->connectIsEncrypted : NULL,
                             __func__);
}

int virConnectNumOfDomains(virConnectPtr conn)
{
    int ret;

    VR_CHECK_CONN(conn, -1);
    VR_SLOT(conn, connectNumOfDomains, -1);
    if ((ret = conn->driver->connectNumOfDomains(conn)) < 0)
        vrEntryFail(conn);
    return ret;
}

int virConnectListDomains(virConnectPtr conn, int *ids, int maxids)
{
    int ret;

    VR_CHECK_CONN(conn, -1);
    if (maxids < 0) {
        vrEntryBadArg(VIR_FROM_DOMAIN, "maxids", __func__, "zero or greater");
        goto error;
    }
    if (maxids > 0 && !ids) {
        vrEntryNullArg(VIR_FROM_DOMAIN, "ids", __func__);
        goto error;
    }
    VR_SLOT(conn, connectListDomains, -1);
    if ((ret = conn->driver->connectListDomains(conn, ids, maxids)) < 0)
        goto error;
    return ret;
 error:
    vrEntryFail(conn);
    return -1;
}

int virConnectNumOfDefinedDomains(virConnectPtr conn)
{
    int ret;

    VR_CHECK_CONN(conn, -1);
    VR_SLOT(conn, connectNumOfDefinedDomains, -1);
    if ((ret = conn->driver->connectNumOfDefinedDomains(conn)) < 0)
        vrEntryFail(conn);
    return ret;
}

int virConnectListDefinedDomains(virConnectPtr conn, char **const names, int maxnames)
{
    int ret;

    VR_CHECK_CONN(conn, -1);
    if (maxnames < 0) {
        vrEntryBadArg(VIR_FROM_DOMAIN, "maxnames", __func__, "zero or greater");
        goto error;
    }
    if (maxnames > 0 && !names) {
        vrEntryNullArg(VIR_FROM_DOMAIN, "names", __func__);
        goto error;
    }
    VR_SLOT(conn, connectListDefinedDomains, -1);
    if ((ret = conn->driver->connectListDefinedDomains(conn, names, maxnames)) < 0)
        goto error;
    return ret;
 error:
    vrEntryFail(conn);
    return -1;
}

int virConnectListAllDomains(virConnectPtr conn, virDomainPtr **domains,
                             unsigned int flags)
{
    int ret;

    if (domains)
        *domains = NULL;
    VR_CHECK_CONN(conn, -1);
    VR_SLOT(conn, connectListAllDomains, -1);
    if ((ret = conn->driver->connectListAllDomains(conn, domains, flags)) < 0)
        vrEntryFail(conn);
    return ret;
}

int virNodeGetInfo(virConnectPtr conn, virNodeInfoPtr info)
{
    VR_CHECK_CONN(conn, -1);
    VR_CHECK_NONNULL(conn, info, -1);
    VR_SLOT(conn, nodeGetInfo, -1);
    if (conn->driver->nodeGetInfo(conn, info) < 0) {
        vrEntryFail(conn);
        return -1;
    }
    return 0;
}

unsigned long long virNodeGetFreeMemory(virConnectPtr conn)
{
    unsigned long long ret;

    VR_CHECK_CONN(conn, 0);
    VR_SLOT(conn, nodeGetFreeMemory, 0);
    ret = conn->driver->nodeGetFreeMemory(conn);
    if (ret == 0 && vrErrorLast())
        vrEntryFail(conn);
    return ret;
}

int virNodeGetCellsFreeMemory(virConnectPtr conn, unsigned long long *freeMems,
                              int startCell, int maxCells)
{
    int ret;

    VR_CHECK_CONN(conn, -1);
    VR_CHECK_NONNULL(conn, freeMems, -1);
    if (maxCells <= 0) {
        vrEntryBadArg(VR_FROM_THIS, "maxCells", __func__, "greater than zero");
        goto error;
    }
    if (startCell < 0) {
        vrEntryBadArg(VR_FROM_THIS, "startCell", __func__, "zero or greater");
        goto error;
    }
    VR_SLOT(conn, nodeGetCellsFreeMemory, -1);
    if ((ret = conn->driver->nodeGetCellsFreeMemory(conn, freeMems, startCell,
                                                     maxCells)) < 0)
        goto error;
    return ret;
 error:
    vrEntryFail(conn);
    return -1;
}

int virNodeGetSecurityModel(virConnectPtr conn, virSecurityModelPtr secmodel)
{
    VR_CHECK_CONN(conn, -1);
    VR_CHECK_NONNULL(conn, secmodel, -1);
    VR_SLOT(conn, nodeGetSecurityModel, -1);
    if (conn->driver->nodeGetSecurityModel(conn, secmodel) < 0) {
        vrEntryFail(conn);
        return -1;
    }
    return 0;
}
