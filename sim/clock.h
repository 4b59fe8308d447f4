/* The simulation's virtual clock: nanoseconds that move only when the
 * simulation advances them, so every time-derived figure is deterministic. */
#ifndef VR_SIM_CLOCK_H
#define VR_SIM_CLOCK_H

#include <glib.h>

#define VR_SIM_CLOCK_START_NS ((guint64)0)
/* The wall-clock time (seconds since 1970, UTC) that virtual time 0 stands
 * for where the API reports a calendar time, such as a DHCP lease's expiry:
 * libvirt 9.0.0's release day, 2023-01-16 00:00:00 UTC.  Fixed, so that
 * those figures stay deterministic too. */
#define VR_SIM_CLOCK_WALL_EPOCH_S ((guint64)1673827200)
/* Each driver operation on a node advances its clock by this much. */
#define VR_SIM_CLOCK_STEP_NS ((guint64)1000000)      /* 1 ms */

typedef struct {
    guint64 now_ns;
    guint64 step_ns;
} vrSimClock;

void vrSimClockInit(vrSimClock *clock, guint64 start_ns, guint64 step_ns);

/* The current virtual time. */
guint64 vrSimClockNow(const vrSimClock *clock);

/* Move forward by delta_ns (saturating at G_MAXUINT64); returns the new time. */
guint64 vrSimClockAdvance(vrSimClock *clock, guint64 delta_ns);

/* Move forward by one step; returns the new time. */
guint64 vrSimClockTick(vrSimClock *clock);

/* "SECONDS.NANOSECONDS" (nine digits after the point), e.g. "12.000345000",
 * as the trace stamps its lines.  Returns buf. */
#define VR_SIM_CLOCK_FORMAT_BUFLEN 32
const char *vrSimClockFormat(guint64 ns, char buf[VR_SIM_CLOCK_FORMAT_BUFLEN]);

/* A duration with its unit: an unsigned decimal integer followed by ns,
 * us, ms, s, m or h ("250ms", "10s").  0 and *ns set, or -1 (nothing
 * reported: callers name the context) on a missing or unknown unit, a
 * malformed number or an overflow. */
int vrSimDurationParse(const char *text, guint64 *ns);

#endif /* VR_SIM_CLOCK_H */
