/* Public handle objects (virConnect, virDomain) as drivers and api/ see
 * them.  Handles are reference counted; a domain handle holds a reference
 * on its connection.  Implemented in api/datatypes.c. */
#ifndef VR_DATATYPES_H
#define VR_DATATYPES_H

#include <stdbool.h>
#include <glib.h>
#include "vireo/vireo.h"
#include "drivers/driver.h"

struct _virConnect {
    gint refs;                          /* atomic */
    GMutex lock;                        /* guards err, handler */
    const vrHypervisorDriver *driver;
    void *privateData;                  /* the driver's, set in connectOpen */
    char *uri;                          /* canonical URI string */
    unsigned int flags;                 /* VIR_CONNECT_RO, ... */
    virError err;                       /* last error raised through this conn */
    virErrorFunc handler;
    void *userData;
    GArray *legacy_events;              /* vrLegacyEvent, guarded by lock */
};

struct _virDomain {
    gint refs;
    virConnectPtr conn;                 /* holds a reference */
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
    int id;                             /* -1 when inactive */
};

/* A new domain handle (one reference, owned by the caller).  Never NULL. */
virDomainPtr vrDomainHandleNew(virConnectPtr conn, const char *name,
                               const unsigned char *uuid, int id);

/* True when conn opened read-only. */
static inline bool vrConnectIsReadOnly(virConnectPtr conn)
{
    return (conn->flags & VIR_CONNECT_RO) != 0;
}

#endif /* VR_DATATYPES_H */
