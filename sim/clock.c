/* The simulation's virtual clock.  Time never comes from the host: it moves
 * by a fixed step per operation, so the same operations give the same
 * figures (cpu time, ...) on every run. */
#include "sim/clock.h"

#include <string.h>

#define VR_SIM_NS_PER_SEC G_GUINT64_CONSTANT(1000000000)

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

const char *vrSimClockFormat(guint64 ns, char buf[VR_SIM_CLOCK_FORMAT_BUFLEN])
{
    g_snprintf(buf, VR_SIM_CLOCK_FORMAT_BUFLEN, "%" G_GUINT64_FORMAT ".%09" G_GUINT64_FORMAT,
               ns / VR_SIM_NS_PER_SEC, ns % VR_SIM_NS_PER_SEC);
    return buf;
}

typedef struct {
    const char *suffix;
    guint64 ns;
} vrSimDurationUnit;

static const vrSimDurationUnit vrSimDurationUnits[] = {
    { "ns", 1 },
    { "us", 1000 },
    { "ms", 1000000 },
    { "s", VR_SIM_NS_PER_SEC },
    { "m", 60 * VR_SIM_NS_PER_SEC },
    { "h", 3600 * VR_SIM_NS_PER_SEC },
};

int vrSimDurationParse(const char *text, guint64 *ns)
{
    const char *p = text;
    g_autofree char *digits = NULL;
    guint64 value;
    size_t i;

    while (g_ascii_isdigit(*p))
        p++;
    if (p == text)
        return -1;
    digits = g_strndup(text, p - text);
    if (!g_ascii_string_to_unsigned(digits, 10, 0, G_MAXUINT64, &value, NULL))
        return -1;
    for (i = 0; i < G_N_ELEMENTS(vrSimDurationUnits); i++) {
        const vrSimDurationUnit *u = &vrSimDurationUnits[i];

        if (strcmp(p, u->suffix) != 0)
            continue;
        if (value > G_MAXUINT64 / u->ns)
            return -1;
        *ns = value * u->ns;
        return 0;
    }
    return -1;
}
