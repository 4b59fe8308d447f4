/* The simulation trace: formats stamped lines, folds them into a 64-bit
 * FNV-1a hash, hands them to an optional sink and keeps a bounded backlog
 * for a sink that attaches after the node was built. */
#include "sim/trace.h"

#include <stdarg.h>
#include <string.h>

#include "vireo/vireo.h"

#define VR_SIM_FNV64_OFFSET 0xcbf29ce484222325ULL
#define VR_SIM_FNV64_PRIME 0x100000001b3ULL

struct vrSimTrace {
    const vrSimClock *clock;
    guint64 hash;
    guint64 count;
    vrSimTraceSinkFunc sink;
    void *opaque;
    GPtrArray *backlog;       /* lines (char *) until a sink attaches, or NULL */
};

static const char *const vrSimStateNames[] = {
    [VIR_DOMAIN_NOSTATE] = "nostate",
    [VIR_DOMAIN_RUNNING] = "running",
    [VIR_DOMAIN_BLOCKED] = "blocked",
    [VIR_DOMAIN_PAUSED] = "paused",
    [VIR_DOMAIN_SHUTDOWN] = "shutdown",
    [VIR_DOMAIN_SHUTOFF] = "shutoff",
    [VIR_DOMAIN_CRASHED] = "crashed",
    [VIR_DOMAIN_PMSUSPENDED] = "pmsuspended",
};
_Static_assert(G_N_ELEMENTS(vrSimStateNames) == VIR_DOMAIN_LAST,
               "a name for every virDomainState");

static const char *const vrSimEventNames[] = {
    [VIR_DOMAIN_EVENT_DEFINED] = "defined",
    [VIR_DOMAIN_EVENT_UNDEFINED] = "undefined",
    [VIR_DOMAIN_EVENT_STARTED] = "started",
    [VIR_DOMAIN_EVENT_SUSPENDED] = "suspended",
    [VIR_DOMAIN_EVENT_RESUMED] = "resumed",
    [VIR_DOMAIN_EVENT_STOPPED] = "stopped",
    [VIR_DOMAIN_EVENT_SHUTDOWN] = "shutdown",
    [VIR_DOMAIN_EVENT_PMSUSPENDED] = "pmsuspended",
    [VIR_DOMAIN_EVENT_CRASHED] = "crashed",
};
_Static_assert(G_N_ELEMENTS(vrSimEventNames) == VIR_DOMAIN_EVENT_LAST,
               "a name for every virDomainEventType");

const char *vrSimStateName(int state)
{
    if (state < 0 || state >= (int)G_N_ELEMENTS(vrSimStateNames))
        return "unknown";
    return vrSimStateNames[state];
}

const char *vrSimEventName(int event)
{
    if (event < 0 || event >= (int)G_N_ELEMENTS(vrSimEventNames))
        return "unknown";
    return vrSimEventNames[event];
}

vrSimTrace *vrSimTraceNew(const vrSimClock *clock)
{
    vrSimTrace *trace = g_new0(vrSimTrace, 1);

    trace->clock = clock;
    trace->hash = VR_SIM_FNV64_OFFSET;
    trace->backlog = g_ptr_array_new_with_free_func(g_free);
    return trace;
}

void vrSimTraceFree(vrSimTrace *trace)
{
    if (!trace)
        return;
    if (trace->backlog)
        g_ptr_array_free(trace->backlog, TRUE);
    g_free(trace);
}

void vrSimTraceSetSink(vrSimTrace *trace, vrSimTraceSinkFunc sink, void *opaque)
{
    guint i;

    trace->sink = sink;
    trace->opaque = opaque;
    if (!sink || !trace->backlog)
        return;
    for (i = 0; i < trace->backlog->len; i++)
        sink(g_ptr_array_index(trace->backlog, i), opaque);
    g_clear_pointer(&trace->backlog, g_ptr_array_unref);
}

static void vrSimTraceFold(vrSimTrace *trace, const char *line)
{
    const unsigned char *p;

    for (p = (const unsigned char *)line; *p; p++)
        trace->hash = (trace->hash ^ *p) * VR_SIM_FNV64_PRIME;
    trace->hash = (trace->hash ^ '\n') * VR_SIM_FNV64_PRIME;
    trace->count++;
}

void vrSimTraceAdd(vrSimTrace *trace, const char *kind, const char *fmt, ...)
{
    char stamp[VR_SIM_CLOCK_FORMAT_BUFLEN];
    char line[VR_SIM_TRACE_LINE_MAX + 1];
    va_list ap;

    if (!trace)
        return;
    /* "STAMP KIND TEXT", cut at VR_SIM_TRACE_LINE_MAX, in one pass */
    g_strlcpy(line, vrSimClockFormat(vrSimClockNow(trace->clock), stamp), sizeof(line));
    g_strlcat(line, " ", sizeof(line));
    g_strlcat(line, kind, sizeof(line));
    g_strlcat(line, " ", sizeof(line));
    va_start(ap, fmt);
    g_vsnprintf(line + strlen(line), sizeof(line) - strlen(line), fmt, ap);
    va_end(ap);
    vrSimTraceFold(trace, line);
    if (trace->sink)
        trace->sink(line, trace->opaque);
    else if (trace->backlog && trace->backlog->len < VR_SIM_TRACE_BACKLOG_MAX)
        g_ptr_array_add(trace->backlog, g_strdup(line));
}

void vrSimTraceState(vrSimTrace *trace, const char *name, int state, int reason, int id)
{
    vrSimTraceAdd(trace, "state", "%s %s reason=%d id=%d", name, vrSimStateName(state),
                  reason, id);
}

void vrSimTraceEvent(vrSimTrace *trace, const char *name, int event, int detail)
{
    vrSimTraceAdd(trace, "event", "%s %s detail=%d", name, vrSimEventName(event), detail);
}

guint64 vrSimTraceHash(const vrSimTrace *trace)
{
    return trace->hash;
}

guint64 vrSimTraceCount(const vrSimTrace *trace)
{
    return trace->count;
}
