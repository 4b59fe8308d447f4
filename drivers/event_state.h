/* Domain event delivery shared by drivers: callbacks registered per
 * connection, events queued by the driver and dispatched in order from the
 * application's event loop (virEventRunDefaultImpl), as libvirt does.
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

#endif /* VR_EVENT_STATE_H */
