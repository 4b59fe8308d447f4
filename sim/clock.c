/* The simulation's virtual clock.  Time never comes from the host: it moves
 * by a fixed step per operation, so the same operations give the same
 * figures (cpu time, ...) on every run. */
#include "sim/clock.h"

void vrSimClockInit(vrSimClock *clock, guint64 start_ns, guint64 step_ns)
{
    clock->now_ns = start_ns;
    clock->step_ns = step_ns;
}

guint64 vrSimClockNow(const vrSimClock *clock)
{
    return clock->now_ns;
}

guint64 vrSimClockAdvance(vrSimClock *clock, guint64 delta_ns)
{
    if (delta_ns > G_MAXUINT64 - clock->now_ns)
        clock->now_ns = G_MAXUINT64;
    else
        clock->now_ns += delta_ns;
    return clock->now_ns;
}

guint64 vrSimClockTick(vrSimClock *clock)
{
    return vrSimClockAdvance(clock, clock->step_ns);
}
