/* Entry shape shared by api/domain*.c: check the handle, refuse writes on a
 * read-only connection when the call mutates, find the driver slot. */
#ifndef VR_API_DOMAIN_ENTRY_H
#define VR_API_DOMAIN_ENTRY_H

#include "api/entry.h"

#define VR_DOMAIN_ENTRY_F(dom, ret, writes, slot, func) \
    do { \
        VR_CHECK_DOMAIN_F(dom, ret, func); \
        if (writes) \
            VR_CHECK_WRITABLE_F((dom)->conn, ret, func); \
        VR_SLOT_F((dom)->conn, slot, ret, func); \
    } while (0)
#define VR_DOMAIN_ENTRY(dom, ret, writes, slot) \
    VR_DOMAIN_ENTRY_F(dom, ret, writes, slot, __func__)

#define VR_DRV(dom) ((dom)->conn->driver)

/* Pass a driver result through, recording a failure on the connection. */
static inline int vrDomainRet(virDomainPtr dom, int ret)
{
    if (ret < 0)
        vrEntryFail(dom->conn);
    return ret;
}

static inline void *vrDomainRetPtr(virConnectPtr conn, void *ret)
{
    if (!ret)
        vrEntryFail(conn);
    return ret;
}

#endif /* VR_API_DOMAIN_ENTRY_H */
