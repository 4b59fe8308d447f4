/* Public entry points: domain lookup, definition, properties and setters.
 * Lifecycle transitions are in domain_lifecycle.c. */
#include "api/domain_entry.h"
#include "util/uuid.h"

#include <limits.h>
#include <string.h>

#define VR_FROM_THIS VIR_FROM_DOMAIN

virDomainPtr virDomainLookupByID(virConnectPtr conn, int id)
{
    VR_CHECK_CONN(conn, NULL);
    if (id < 0) {
        vrEntryBadArg(VR_FROM_THIS, "id", __func__, "zero or greater");
        vrEntryFail(conn);
        return NULL;
    }
    VR_SLOT(conn, domainLookupByID, NULL);
    return vrDomainRetPtr(conn, conn->driver->domainLookupByID(conn, id));
}

virDomainPtr virDomainLookupByName(virConnectPtr conn, const char *name)
{
    VR_CHECK_CONN(conn, NULL);
    VR_CHECK_NONNULL(conn, name, NULL);
    VR_SLOT(conn, domainLookupByName, NULL);
    return vrDomainRetPtr(conn, conn->driver->domainLookupByName(conn, name));
}

virDomainPtr virDomainLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    VR_CHECK_CONN(conn, NULL);
    VR_CHECK_NONNULL(conn, uuid, NULL);
    VR_SLOT(conn, domainLookupByUUID, NULL);
    return vrDomainRetPtr(conn, conn->driver->domainLookupByUUID(conn, uuid));
}

virDomainPtr virDomainLookupByUUIDString(virConnectPtr conn, const char *uuidstr)
{
    unsigned char uuid[VIR_UUID_BUFLEN];

    VR_CHECK_CONN(conn, NULL);
    VR_CHECK_NONNULL(conn, uuidstr, NULL);
    if (vrUUIDParse(uuidstr, uuid) < 0) {
        vrReportErrorRaw(VIR_ERR_INVALID_ARG, "Invalid UUID");
        vrEntryFail(conn);
        return NULL;
    }
    return virDomainLookupByUUID(conn, uuid);
}

static virDomainPtr vrDomainDefineImpl(virConnectPtr conn, const char *xml,
                                       unsigned int flags, const char *func)
{
    VR_CHECK_CONN_F(conn, NULL, func);
    VR_CHECK_WRITABLE_F(conn, NULL, func);
    VR_CHECK_NONNULL_F(conn, xml, NULL, func);
    VR_SLOT_F(conn, domainDefineXMLFlags, NULL, func);
    return vrDomainRetPtr(conn, conn->driver->domainDefineXMLFlags(conn, xml, flags));
}

virDomainPtr virDomainDefineXMLFlags(virConnectPtr conn, const char *xml, unsigned int flags)
{
    return vrDomainDefineImpl(conn, xml, flags, __func__);
}

virDomainPtr virDomainDefineXML(virConnectPtr conn, const char *xml)
{
    return vrDomainDefineImpl(conn, xml, 0, __func__);
}

int virDomainGetInfo(virDomainPtr domain, virDomainInfoPtr info)
{
    VR_CHECK_DOMAIN(domain, -1);
    VR_CHECK_NONNULL(domain->conn, info, -1);
    memset(info, 0, sizeof(*info));
    VR_SLOT(domain->conn, domainGetInfo, -1);
    return vrDomainRet(domain, VR_DRV(domain)->domainGetInfo(domain, info));
}

int virDomainGetState(virDomainPtr domain, int *state, int *reason, unsigned int flags)
{
    VR_CHECK_DOMAIN(domain, -1);
    VR_CHECK_NONNULL(domain->conn, state, -1);
    VR_SLOT(domain->conn, domainGetState, -1);
    return vrDomainRet(domain, VR_DRV(domain)->domainGetState(domain, state, reason, flags));
}

char *virDomainGetXMLDesc(virDomainPtr domain, unsigned int flags)
{
    VR_CHECK_DOMAIN(domain, NULL);
    if (vrConnectIsReadOnly(domain->conn) && (flags & VIR_DOMAIN_XML_SECURE)) {
        vrReportError(VIR_ERR_OPERATION_DENIED, "%s",
                      "virDomainGetXMLDesc with secure flag");
        vrEntryFail(domain->conn);
        return NULL;
    }
    VR_SLOT(domain->conn, domainGetXMLDesc, NULL);
    return vrDomainRetPtr(domain->conn, VR_DRV(domain)->domainGetXMLDesc(domain, flags));
}

const char *virDomainGetName(virDomainPtr domain)
{
    VR_CHECK_DOMAIN(domain, NULL);
    return domain->name;
}

unsigned int virDomainGetID(virDomainPtr domain)
{
    VR_CHECK_DOMAIN(domain, (unsigned int)-1);
    return (unsigned int)domain->id;
}

int virDomainGetUUID(virDomainPtr domain, unsigned char *uuid)
{
    VR_CHECK_DOMAIN(domain, -1);
    VR_CHECK_NONNULL(domain->conn, uuid, -1);
    memcpy(uuid, domain->uuid, VIR_UUID_BUFLEN);
    return 0;
}

int virDomainGetUUIDString(virDomainPtr domain, char *buf)
{
    VR_CHECK_DOMAIN(domain, -1);
    VR_CHECK_NONNULL(domain->conn, buf, -1);
    vrUUIDFormat(domain->uuid, buf);
    return 0;
}

char *virDomainGetOSType(virDomainPtr domain)
{
    VR_DOMAIN_ENTRY(domain, NULL, false, domainGetOSType);
    return vrDomainRetPtr(domain->conn, VR_DRV(domain)->domainGetOSType(domain));
}

unsigned long virDomainGetMaxMemory(virDomainPtr domain)
{
    unsigned long ret;

    VR_DOMAIN_ENTRY(domain, 0, false, domainGetMaxMemory);
    if ((ret = VR_DRV(domain)->domainGetMaxMemory(domain)) == 0)
        vrEntryFail(domain->conn);
    return ret;
}

/* SetMaxMemory and SetMemory are SetMemoryFlags with MAXIMUM / LIVE, as in
 * libvirt's drivers. */
static int vrDomainSetMemoryImpl(virDomainPtr domain, unsigned long memory,
                                 unsigned int flags, const char *func)
{
    VR_DOMAIN_ENTRY_F(domain, -1, true, domainSetMemoryFlags, func);
    if (memory == 0) {
        vrReportErrorRaw(VIR_ERR_INVALID_ARG, "memory in %s must not be zero", func);
        return vrDomainRet(domain, -1);
    }
    return vrDomainRet(domain, VR_DRV(domain)->domainSetMemoryFlags(domain, memory, flags));
}

int virDomainSetMemoryFlags(virDomainPtr domain, unsigned long memory, unsigned int flags)
{
    return vrDomainSetMemoryImpl(domain, memory, flags, __func__);
}

int virDomainSetMaxMemory(virDomainPtr domain, unsigned long memory)
{
    return vrDomainSetMemoryImpl(domain, memory, VIR_DOMAIN_MEM_MAXIMUM, __func__);
}

int virDomainSetMemory(virDomainPtr domain, unsigned long memory)
{
    return vrDomainSetMemoryImpl(domain, memory, VIR_DOMAIN_AFFECT_LIVE, __func__);
}

static int vrDomainSetVcpusImpl(virDomainPtr domain, unsigned int nvcpus,
                                unsigned int flags, const char *func)
{
    VR_DOMAIN_ENTRY_F(domain, -1, true, domainSetVcpusFlags, func);
    if (nvcpus == 0) {
        vrReportErrorRaw(VIR_ERR_INVALID_ARG, "nvcpus in %s must not be zero", func);
        return vrDomainRet(domain, -1);
    }
    if ((int)nvcpus < 0) {
        vrReportErrorRaw(VIR_ERR_INVALID_ARG, "nvcpus in %s must be less than %d",
                         func, INT_MAX);
        return vrDomainRet(domain, -1);
    }
    return vrDomainRet(domain, VR_DRV(domain)->domainSetVcpusFlags(domain, nvcpus, flags));
}

int virDomainSetVcpusFlags(virDomainPtr domain, unsigned int nvcpus, unsigned int flags)
{
    return vrDomainSetVcpusImpl(domain, nvcpus, flags, __func__);
}

int virDomainSetVcpus(virDomainPtr domain, unsigned int nvcpus)
{
    return vrDomainSetVcpusImpl(domain, nvcpus, VIR_DOMAIN_AFFECT_LIVE, __func__);
}

int virDomainGetVcpusFlags(virDomainPtr domain, unsigned int flags)
{
    VR_DOMAIN_ENTRY(domain, -1, (flags & VIR_DOMAIN_VCPU_GUEST) != 0, domainGetVcpusFlags);
    return vrDomainRet(domain, VR_DRV(domain)->domainGetVcpusFlags(domain, flags));
}

int virDomainGetAutostart(virDomainPtr domain, int *autostart)
{
    VR_CHECK_DOMAIN(domain, -1);
    VR_CHECK_NONNULL(domain->conn, autostart, -1);
    VR_SLOT(domain->conn, domainGetAutostart, -1);
    return vrDomainRet(domain, VR_DRV(domain)->domainGetAutostart(domain, autostart));
}

int virDomainSetAutostart(virDomainPtr domain, int autostart)
{
    VR_DOMAIN_ENTRY(domain, -1, true, domainSetAutostart);
    return vrDomainRet(domain, VR_DRV(domain)->domainSetAutostart(domain, autostart));
}

int virDomainIsActive(virDomainPtr domain)
{
    VR_DOMAIN_ENTRY(domain, -1, false, domainIsActive);
    return vrDomainRet(domain, VR_DRV(domain)->domainIsActive(domain));
}

int virDomainIsPersistent(virDomainPtr domain)
{
    VR_DOMAIN_ENTRY(domain, -1, false, domainIsPersistent);
    return vrDomainRet(domain, VR_DRV(domain)->domainIsPersistent(domain));
}

int virDomainIsUpdated(virDomainPtr domain)
{
    VR_DOMAIN_ENTRY(domain, -1, false, domainIsUpdated);
    return vrDomainRet(domain, VR_DRV(domain)->domainIsUpdated(domain));
}

int virDomainGetMaxVcpus(virDomainPtr domain)
{
    VR_DOMAIN_ENTRY(domain, -1, false, domainGetMaxVcpus);
    return vrDomainRet(domain, VR_DRV(domain)->domainGetMaxVcpus(domain));
}

int virDomainGetSecurityLabel(virDomainPtr domain, virSecurityLabelPtr seclabel)
{
    VR_CHECK_DOMAIN(domain, -1);
    VR_CHECK_NONNULL(domain->conn, seclabel, -1);
    VR_SLOT(domain->conn, domainGetSecurityLabel, -1);
    return vrDomainRet(domain, VR_DRV(domain)->domainGetSecurityLabel(domain, seclabel));
}

int virDomainGetVcpus(virDomainPtr domain, virVcpuInfoPtr info, int maxinfo,
                      unsigned char *cpumaps, int maplen)
{
    VR_CHECK_DOMAIN(domain, -1);
    VR_CHECK_NONNULL(domain->conn, info, -1);
    if (maxinfo <= 0) {
        vrEntryBadArg(VR_FROM_THIS, "maxinfo", __func__, "greater than zero");
        return vrDomainRet(domain, -1);
    }
    if (cpumaps ? maplen <= 0 : maplen != 0) {
        vrEntryBadArg(VR_FROM_THIS, "maplen", __func__,
                      cpumaps ? "greater than zero" : "zero");
        return vrDomainRet(domain, -1);
    }
    if (cpumaps && maxinfo > INT_MAX / maplen) {
        vrReportError(VIR_ERR_OVERFLOW, "input too large: %d * %d", maxinfo, maplen);
        return vrDomainRet(domain, -1);
    }
    memset(info, 0, sizeof(*info) * (size_t)maxinfo);
    VR_SLOT(domain->conn, domainGetVcpus, -1);
    return vrDomainRet(domain, VR_DRV(domain)->domainGetVcpus(domain, info, maxinfo,
                                                              cpumaps, maplen));
}

int virDomainPinVcpu(virDomainPtr domain, unsigned int vcpu, unsigned char *cpumap,
                     int maplen)
{
    VR_DOMAIN_ENTRY(domain, -1, true, domainPinVcpu);
    VR_CHECK_NONNULL(domain->conn, cpumap, -1);
    if (maplen <= 0) {
        vrEntryBadArg(VR_FROM_THIS, "maplen", __func__, "greater than zero");
        return vrDomainRet(domain, -1);
    }
    return vrDomainRet(domain, VR_DRV(domain)->domainPinVcpu(domain, vcpu, cpumap, maplen));
}

int virDomainSendKey(virDomainPtr domain, unsigned int codeset, unsigned int holdtime,
                     unsigned int *keycodes, int nkeycodes, unsigned int flags)
{
    VR_DOMAIN_ENTRY(domain, -1, true, domainSendKey);
    VR_CHECK_NONNULL(domain->conn, keycodes, -1);
    if (nkeycodes <= 0 || nkeycodes > VIR_DOMAIN_SEND_KEY_MAX_KEYS) {
        vrReportErrorRaw(VIR_ERR_INVALID_ARG, "nkeycodes in %s must be between 1 and %d",
                         __func__, VIR_DOMAIN_SEND_KEY_MAX_KEYS);
        return vrDomainRet(domain, -1);
    }
    return vrDomainRet(domain, VR_DRV(domain)->domainSendKey(domain, codeset, holdtime,
                                                             keycodes, nkeycodes, flags));
}
