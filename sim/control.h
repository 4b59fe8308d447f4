/* The simulation's control surface for whoever drives a simulated node --
 * vireo-sim and the unit tests -- beside the public API: the trace and its
 * hash, the fault plan (install, switch off, count), virtual time, crash
 * injection and synchronous event delivery.  Every function takes a
 * connection opened on a sim:/// or test:/// URI; any other connection is
 * VIR_ERR_INVALID_ARG "connection is not a simulated node". */
#ifndef VR_SIM_CONTROL_H
#define VR_SIM_CONTROL_H

#include <stdbool.h>
#include <glib.h>

#include "sim/fault.h"
#include "sim/trace.h"
#include "vireo/vireo.h"

/* Send the node's trace to sink (see vrSimTraceSetSink).  The sink runs
 * with the node locked: it must not call back into the connection. */
int vrSimControlSetTraceSink(virConnectPtr conn, vrSimTraceSinkFunc sink, void *opaque);

/* Add "TIME KIND TEXT" to the trace without advancing time. */
int vrSimControlNote(virConnectPtr conn, const char *kind, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);

/* The trace's hash and line count (0 after an error). */
guint64 vrSimControlTraceHash(virConnectPtr conn);
guint64 vrSimControlTraceCount(virConnectPtr conn);

/* Replace the node's fault plan (consumed, even on error; NULL removes it). */
int vrSimControlSetPlan(virConnectPtr conn, vrSimFaultPlan *plan);

/* Switch the node's plan on or off (no plan: nothing to do). */
int vrSimControlSetFaultsEnabled(virConnectPtr conn, bool enabled);

/* Faults fired at point (VR_SIM_FAULT_POINT_LAST: all) by the current plan. */
guint64 vrSimControlFaultsFired(virConnectPtr conn, vrSimFaultPoint point);

/* The node's virtual time in nanoseconds (0 after an error). */
guint64 vrSimControlNow(virConnectPtr conn);

/* Let delta_ns of virtual time pass: the clock moves and the guests run
 * (guest.crash is consulted once, as for any operation). */
int vrSimControlAdvance(virConnectPtr conn, guint64 delta_ns);

/* The guest of dom panics now (vrSimNodeCrashDomain).  A domain that is
 * not running is VIR_ERR_OPERATION_INVALID "domain is not running". */
int vrSimControlCrash(virDomainPtr dom);

/* While observing, calls on the node neither advance its clock nor let its
 * guests run, so an observer (vireo-sim's invariant checks) reads the node
 * without changing the simulation: its trace is the same with or without
 * the observer.  Operations that change state still do, but the state
 * directory is not written while observing (an observer only reads): it
 * catches up at the next call made without observing. */
int vrSimControlObserve(virConnectPtr conn, bool observing);

/* Deliver every queued domain event to the registered callbacks now, in
 * this thread (no event loop needed to run). */
int vrSimControlFlushEvents(virConnectPtr conn);

/* The same for network and storage pool events (which otherwise reach
 * their callbacks through the event loop). */
int vrSimControlFlushObjectEvents(virConnectPtr conn);

/* The node's state directory (statedir=DIR; layout in sim/state_dir.h and
 * docs/simulation.md), newly allocated; NULL without one (no error) or
 * after an error.  Its files equal the node's objects after every call
 * that returned. */
char *vrSimControlStateDir(virConnectPtr conn);

/* Write whatever an earlier write failed to (files normally follow every
 * call by themselves): 0, or -1 with the failure reported.  0 without a
 * state directory. */
int vrSimControlSyncState(virConnectPtr conn);

#endif /* VR_SIM_CONTROL_H */
