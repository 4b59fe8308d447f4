/* The simulation's trace: one line per state change, event and fault fired
 * (and whatever a driver of the simulation notes), each stamped with the
 * node's virtual time, folded into a running hash.  The same seed and the
 * same operations give a byte-identical trace and so the same hash. */
#ifndef VR_SIM_TRACE_H
#define VR_SIM_TRACE_H

#include <glib.h>

#include "sim/clock.h"

/* A formatted line is cut to this many bytes (without the newline). */
#define VR_SIM_TRACE_LINE_MAX 1024
/* Lines kept for a sink attached later (node creation traces too). */
#define VR_SIM_TRACE_BACKLOG_MAX 4096

typedef struct vrSimTrace vrSimTrace;

/* Receives each line (no newline) as it is traced. */
typedef void (*vrSimTraceSinkFunc)(const char *line, void *opaque);

/* A trace stamping lines with clock's time (clock must outlive it). */
vrSimTrace *vrSimTraceNew(const vrSimClock *clock);
void vrSimTraceFree(vrSimTrace *trace);

/* Send every line to sink from now on (NULL: none).  The first sink also
 * receives the lines traced before it, up to VR_SIM_TRACE_BACKLOG_MAX. */
void vrSimTraceSetSink(vrSimTrace *trace, vrSimTraceSinkFunc sink, void *opaque);

/* Trace "TIME KIND TEXT".  trace may be NULL (nothing happens), so objects
 * built outside a node (unit tests) need no trace. */
void vrSimTraceAdd(vrSimTrace *trace, const char *kind, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);

/* "state NAME STATE reason=R id=ID". */
void vrSimTraceState(vrSimTrace *trace, const char *name, int state, int reason, int id);

/* "event NAME EVENT detail=D". */
void vrSimTraceEvent(vrSimTrace *trace, const char *name, int event, int detail);

/* FNV-1a (64 bit) over every line and its newline, in order. */
guint64 vrSimTraceHash(const vrSimTrace *trace);

/* Lines traced so far. */
guint64 vrSimTraceCount(const vrSimTrace *trace);

/* One-word names of virDomainState and virDomainEventType values
 * ("running", "shutoff", "started", ...); "unknown" when out of range. */
const char *vrSimStateName(int state);
const char *vrSimEventName(int event);

#endif /* VR_SIM_TRACE_H */
