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

struct _virNetwork {
    gint refs;
    virConnectPtr conn;                 /* holds a reference */
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
};

struct _virStoragePool {
    gint refs;
    virConnectPtr conn;                 /* holds a reference */
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
};

struct _virStorageVol {
    gint refs;
    virConnectPtr conn;                 /* holds a reference */
    char *pool;                         /* the pool's name */
    char *name;
    char *key;
};

/* struct _virStream is in drivers/stream.h. */

/* A new domain handle (one reference, owned by the caller).  Never NULL. */
virDomainPtr vrDomainHandleNew(virConnectPtr conn, const char *name,
                               const unsigned char *uuid, int id);

/* New network / pool / volume handles (one reference, the caller's;
 * never NULL).  Freed with virNetworkFree / virStoragePoolFree /
 * virStorageVolFree. */
virNetworkPtr vrNetworkHandleNew(virConnectPtr conn, const char *name,
                                 const unsigned char *uuid);
virStoragePoolPtr vrStoragePoolHandleNew(virConnectPtr conn, const char *name,
                                         const unsigned char *uuid);
virStorageVolPtr vrStorageVolHandleNew(virConnectPtr conn, const char *pool,
                                       const char *name, const char *key);

/* True when conn opened read-only. */
static inline bool vrConnectIsReadOnly(virConnectPtr conn)
{
    return (conn->flags & VIR_CONNECT_RO) != 0;
}

#endif /* VR_DATATYPES_H */
