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

/* By hand: every trace line is stamped, and printf's set-up per call was a
 * tenth of a define's cost. */
const char *vrSimClockFormat(guint64 ns, char buf[VR_SIM_CLOCK_FORMAT_BUFLEN])
{
    char digits[VR_SIM_CLOCK_FORMAT_BUFLEN];
    guint64 secs = ns / VR_SIM_NS_PER_SEC, frac = ns % VR_SIM_NS_PER_SEC;
    size_t n = 0, len = 0;
    int i;

    do {
        digits[n++] = (char)('0' + secs % 10);
        secs /= 10;
    } while (secs);
    while (n)
        buf[len++] = digits[--n];
    buf[len++] = '.';
    for (i = 8; i >= 0; i--) {
        buf[len + (size_t)i] = (char)('0' + frac % 10);
        frac /= 10;
    }
    buf[len + 9] = '\0';
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
