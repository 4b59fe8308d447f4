/* Domain, pool and network event delivery shared by drivers: callbacks
 * registered per connection, events queued by the driver and dispatched in
 * order from the application's event loop (virEventRunDefaultImpl), as
 * libvirt does.
 * Thread-safe.  Implemented in drivers/event_state.c. */
#ifndef VR_EVENT_STATE_H
#define VR_EVENT_STATE_H

#include "vireo/vireo.h"

typedef struct vrEventState vrEventState;

vrEventState *vrEventStateNew(void);
void vrEventStateFree(vrEventState *state);

/* Register cb for eventID on conn, for one domain (dom != NULL: filter by
 * UUID) or all.  Needs an event loop implementation registered; otherwise
 * VIR_ERR_INTERNAL_ERROR "could not initialize domain event timer".
 * Returns the callback id (>= 0) or -1. */
int vrEventStateRegisterDomain(vrEventState *state, virConnectPtr conn,
                               virDomainPtr dom, int eventID,
                               virConnectDomainEventGenericCallback cb,
                               void *opaque, virFreeCallback freecb);

/* Remove a callback of conn; unknown id: VIR_ERR_INVALID_ARG
 * "could not find event callback %d for deletion". */
int vrEventStateDeregister(vrEventState *state, virConnectPtr conn, int callbackID);

/* Drop every callback of conn (on close). */
void vrEventStateRemoveConn(vrEventState *state, virConnectPtr conn);

/* Queue a lifecycle event (virDomainEventType + detail) for delivery. */
void vrEventStateQueueLifecycle(vrEventState *state, const char *name,
                                const unsigned char *uuid, int id,
                                int event, int detail);

/* Queue a reboot event. */
void vrEventStateQueueReboot(vrEventState *state, const char *name,
                             const unsigned char *uuid, int id);

/* Deliver every queued event now (used by the timer and by tests). */
void vrEventStateFlush(vrEventState *state);

/* ---- storage pool and network events ----
 * A node keeps a separate vrEventState for its pools and one for its
 * networks: register with vrEventStateRegisterPool / ...Network, queue with
 * vrEventStateQueuePool / ...Network, deliver with vrEventStateFlushPools /
 * ...Networks (their timers do); vrEventStateDeregister,
 * vrEventStateRemoveConn and vrEventStateFree work on them as on domains.
 * Never call vrEventStateFlush on a pool or network state.  Such a
 * callback holds a reference on its connection until it is deregistered,
 * as libvirt's do.  Registration needs an event loop, as for domains;
 * duplicates are VIR_ERR_INVALID_ARG "event callback already tracked". */

/* eventID is a virStoragePoolEventID (checked by the caller); pool != NULL
 * filters on that pool's UUID.  Returns the callback id or -1. */
int vrEventStateRegisterPool(vrEventState *state, virConnectPtr conn,
                             virStoragePoolPtr pool, int eventID,
                             virConnectStoragePoolEventGenericCallback cb,
                             void *opaque, virFreeCallback freecb);

/* Queue a pool event: LIFECYCLE with event/detail, or REFRESH. */
void vrEventStateQueuePool(vrEventState *state, const char *name,
                           const unsigned char *uuid, int eventID,
                           int event, int detail);

/* Deliver every queued pool event now. */
void vrEventStateFlushPools(vrEventState *state);

/* eventID is a virNetworkEventID (checked by the caller); net != NULL
 * filters on that network's UUID.  Returns the callback id or -1. */
int vrEventStateRegisterNetwork(vrEventState *state, virConnectPtr conn,
                                virNetworkPtr net, int eventID,
                                virConnectNetworkEventGenericCallback cb,
                                void *opaque, virFreeCallback freecb);

/* Queue a network lifecycle event (virNetworkEventLifecycleType). */
void vrEventStateQueueNetwork(vrEventState *state, const char *name,
                              const unsigned char *uuid, int event, int detail);

/* Deliver every queued network event now. */
void vrEventStateFlushNetworks(vrEventState *state);

#endif /* VR_EVENT_STATE_H */
