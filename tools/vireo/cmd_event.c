/* The "event" command: registers for domain events and prints them as
 * virsh does, until one arrives (or, with --loop, until the timeout or
 * Ctrl-C).  Callbacks run on the event loop thread started in main.c. */
#include "shell.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

/* Testing aid: commands run (quietly, on the same connection) once the
 * callbacks are registered, so that a single vireo process can both cause
 * and report events.  Unset in normal use. */
#define VR_SH_EVENT_TEST_ENV "VIREO_SHELL_TEST_EVENT_COMMANDS"

/* Guards event_pipe against a callback writing while the command closes
 * it. */
static GMutex vr_wake_lock;
/* Write end of the pipe for the SIGINT handler (which takes no data). */
static volatile sig_atomic_t vr_sigint_fd = -1;

typedef struct vrShEventDef vrShEventDef;

typedef struct {
    vrShCtl *ctl;
    const vrShEventDef *def;
    bool loop;
    bool timestamp;
    int *count;
    int cb_id;
} vrShEventData;

struct vrShEventDef {
    const char *name;
    virConnectDomainEventGenericCallback cb;
};


void
vrShEventWake(vrShCtl *ctl, char reason)
{
    g_mutex_lock(&vr_wake_lock);
    if (ctl->event_pipe[1] >= 0 && write(ctl->event_pipe[1], &reason, 1) < 0) {
        /* the reader is gone; nothing to wake */
    }
    g_mutex_unlock(&vr_wake_lock);
}


static void
vrShEventSigint(int sig)
{
    char reason = VR_SH_EVENT_INTERRUPT;
    int saved = errno;

    if (vr_sigint_fd >= 0 && write(vr_sigint_fd, &reason, 1) < 0) {
        /* nothing can be done in a signal handler */
    }
    errno = saved;
}


/* Prints one event (once only without --loop) and counts it. */
static void G_GNUC_PRINTF(2, 3)
vrShEventPrintf(vrShEventData *data, const char *fmt, ...)
{
    va_list ap;

    if (!data->loop && *data->count)
        return;
    if (data->timestamp) {
        g_autoptr(GDateTime) now = g_date_time_new_now_utc();
        g_autofree char *ts = g_date_time_format(now, "%Y-%m-%d %H:%M:%S");

        vrShPrint(data->ctl, "%s.%03d+0000: ", ts,
                  g_date_time_get_microsecond(now) / 1000);
    }
    va_start(ap, fmt);
    vfprintf(stdout, fmt, ap);
    va_end(ap);
    fflush(stdout);
    (*data->count)++;
    if (!data->loop)
        vrShEventWake(data->ctl, VR_SH_EVENT_DONE);
}


static const char *
vrShName(const char *const *names, size_t n, int i, const char *fallback)
{
    return (i >= 0 && (size_t)i < n && names[i]) ? names[i] : fallback;
}
#define VR_SH_NAME(arr, i, fb) vrShName(arr, G_N_ELEMENTS(arr), i, fb)

static const char *const vrShEventNames[] = {
    "Defined", "Undefined", "Started", "Suspended", "Resumed", "Stopped",
    "Shutdown", "PMSuspended", "Crashed",
};
G_STATIC_ASSERT(G_N_ELEMENTS(vrShEventNames) == VIR_DOMAIN_EVENT_LAST);

static const char *const vrShDefinedNames[] = { "Added", "Updated", "Renamed", "Snapshot" };
static const char *const vrShUndefinedNames[] = { "Removed", "Renamed" };
static const char *const vrShStartedNames[] = {
    "Booted", "Migrated", "Restored", "Snapshot", "Event wakeup",
};
static const char *const vrShSuspendedNames[] = {
    "Paused", "Migrated", "I/O Error", "Watchdog", "Restored", "Snapshot",
    "API error", "Post-copy", "Post-copy Error",
};
static const char *const vrShResumedNames[] = {
    "Unpaused", "Migrated", "Snapshot", "Post-copy", "Post-copy Error",
};
static const char *const vrShStoppedNames[] = {
    "Shutdown", "Destroyed", "Crashed", "Migrated", "Saved", "Failed",
    "Snapshot",
};
static const char *const vrShShutdownNames[] = {
    "Finished", "Finished after guest request", "Finished after host request",
};
static const char *const vrShPMSuspendedNames[] = { "Memory", "Disk" };
static const char *const vrShCrashedNames[] = { "Panicked", "Crashloaded" };
G_STATIC_ASSERT(G_N_ELEMENTS(vrShDefinedNames) == VIR_DOMAIN_EVENT_DEFINED_LAST);
G_STATIC_ASSERT(G_N_ELEMENTS(vrShUndefinedNames) == VIR_DOMAIN_EVENT_UNDEFINED_LAST);
G_STATIC_ASSERT(G_N_ELEMENTS(vrShStartedNames) == VIR_DOMAIN_EVENT_STARTED_LAST);
G_STATIC_ASSERT(G_N_ELEMENTS(vrShSuspendedNames) == VIR_DOMAIN_EVENT_SUSPENDED_LAST);
G_STATIC_ASSERT(G_N_ELEMENTS(vrShResumedNames) == VIR_DOMAIN_EVENT_RESUMED_LAST);
G_STATIC_ASSERT(G_N_ELEMENTS(vrShStoppedNames) == VIR_DOMAIN_EVENT_STOPPED_LAST);
G_STATIC_ASSERT(G_N_ELEMENTS(vrShShutdownNames) == VIR_DOMAIN_EVENT_SHUTDOWN_LAST);
G_STATIC_ASSERT(G_N_ELEMENTS(vrShPMSuspendedNames) == VIR_DOMAIN_EVENT_PMSUSPENDED_LAST);
G_STATIC_ASSERT(G_N_ELEMENTS(vrShCrashedNames) == VIR_DOMAIN_EVENT_CRASHED_LAST);


static const char *
vrShEventDetail(int event, int detail)
{
    switch (event) {
    case VIR_DOMAIN_EVENT_DEFINED: return VR_SH_NAME(vrShDefinedNames, detail, "unknown");
    case VIR_DOMAIN_EVENT_UNDEFINED: return VR_SH_NAME(vrShUndefinedNames, detail, "unknown");
    case VIR_DOMAIN_EVENT_STARTED: return VR_SH_NAME(vrShStartedNames, detail, "unknown");
    case VIR_DOMAIN_EVENT_SUSPENDED: return VR_SH_NAME(vrShSuspendedNames, detail, "unknown");
    case VIR_DOMAIN_EVENT_RESUMED: return VR_SH_NAME(vrShResumedNames, detail, "unknown");
    case VIR_DOMAIN_EVENT_STOPPED: return VR_SH_NAME(vrShStoppedNames, detail, "unknown");
    case VIR_DOMAIN_EVENT_SHUTDOWN: return VR_SH_NAME(vrShShutdownNames, detail, "unknown");
    case VIR_DOMAIN_EVENT_PMSUSPENDED: return VR_SH_NAME(vrShPMSuspendedNames, detail, "unknown");
    case VIR_DOMAIN_EVENT_CRASHED: return VR_SH_NAME(vrShCrashedNames, detail, "unknown");
    default: return "unknown";
    }
}


/* ---- one printer per event kind ---- */

static void
vrShEvGeneric(virConnectPtr conn, virDomainPtr dom, void *opaque)
{
    vrShEventData *d = opaque;

    vrShEventPrintf(d, "event '%s' for domain '%s'\n", d->def->name,
                    virDomainGetName(dom));
}


static void
vrShEvLifecycle(virConnectPtr conn, virDomainPtr dom, int event, int detail,
                void *opaque)
{
    vrShEventPrintf(opaque, "event 'lifecycle' for domain '%s': %s %s\n",
                    virDomainGetName(dom),
                    VR_SH_NAME(vrShEventNames, event, "unknown"),
                    vrShEventDetail(event, detail));
}


static void
vrShEvRTCChange(virConnectPtr conn, virDomainPtr dom, long long utcoffset,
                void *opaque)
{
    vrShEventPrintf(opaque, "event 'rtc-change' for domain '%s': %lld\n",
                    virDomainGetName(dom), utcoffset);
}


static const char *const vrShWatchdogNames[] = {
    "none", "pause", "reset", "poweroff", "shutdown", "debug", "inject-nmi",
};

static void
vrShEvWatchdog(virConnectPtr conn, virDomainPtr dom, int action, void *opaque)
{
    vrShEventPrintf(opaque, "event 'watchdog' for domain '%s': %s\n",
                    virDomainGetName(dom),
                    VR_SH_NAME(vrShWatchdogNames, action, "unknown"));
}


static const char *const vrShIOErrorNames[] = { "none", "pause", "report" };

static void
vrShEvIOError(virConnectPtr conn, virDomainPtr dom, const char *src,
              const char *alias, int action, void *opaque)
{
    vrShEventPrintf(opaque, "event 'io-error' for domain '%s': %s (%s) %s\n",
                    virDomainGetName(dom), src, alias,
                    VR_SH_NAME(vrShIOErrorNames, action, "unknown"));
}


static void
vrShEvIOErrorReason(virConnectPtr conn, virDomainPtr dom, const char *src,
                    const char *alias, int action, const char *reason,
                    void *opaque)
{
    vrShEventPrintf(opaque, "event 'io-error' for domain '%s': %s (%s) %s due to %s\n",
                    virDomainGetName(dom), src, alias,
                    VR_SH_NAME(vrShIOErrorNames, action, "unknown"), reason);
}


#ifdef VR_SH_HAVE_GRAPHICS_EVENT
static const char *const vrShGraphicsPhases[] = { "connect", "initialize", "disconnect" };
static const char *const vrShGraphicsFamilies[] = { "IPv4", "IPv6", "unix" };

static void
vrShEvGraphics(virConnectPtr conn, virDomainPtr dom, int phase,
               const virDomainEventGraphicsAddress *local,
               const virDomainEventGraphicsAddress *remote,
               const char *scheme, const virDomainEventGraphicsSubject *subject,
               void *opaque)
{
    g_autoptr(GString) s = g_string_new(NULL);

    g_string_append_printf(s, "event 'graphics' for domain '%s': %s local[%s %s %s] remote[%s %s %s] %s\n",
                           virDomainGetName(dom),
                           VR_SH_NAME(vrShGraphicsPhases, phase, "unknown"),
                           VR_SH_NAME(vrShGraphicsFamilies, local->family, "unknown"),
                           local->node, local->service,
                           VR_SH_NAME(vrShGraphicsFamilies, remote->family, "unknown"),
                           remote->node, remote->service, scheme);
    for (int i = 0; i < subject->nidentity; i++)
        g_string_append_printf(s, "\t%s=%s\n", subject->identities[i].type,
                               subject->identities[i].name);
    vrShEventPrintf(opaque, "%s", s->str);
}
#else
/* The library's headers lack the graphics address and subject layouts;
 * print what can be printed without them. */
static void
vrShEvGraphics(virConnectPtr conn, virDomainPtr dom, int phase,
               const void *local, const void *remote, const char *scheme,
               const void *subject, void *opaque)
{
    vrShEvGeneric(conn, dom, opaque);
}
#endif


static const char *const vrShBlockJobTypes[] = {
    "Unknown job", "Block Pull", "Block Copy", "Block Commit",
    "Active Block Commit", "Backup",
};
static const char *const vrShBlockJobStatus[] = { "completed", "failed", "canceled", "ready" };

static void
vrShEvBlockJob(virConnectPtr conn, virDomainPtr dom, const char *disk,
               int type, int status, void *opaque)
{
    vrShEventData *d = opaque;

    vrShEventPrintf(d, "event '%s' for domain '%s': %s for %s %s\n",
                    d->def->name, virDomainGetName(dom),
                    VR_SH_NAME(vrShBlockJobTypes, type, "Unknown job"), disk,
                    VR_SH_NAME(vrShBlockJobStatus, status, "unknown"));
}


static const char *const vrShDiskChangeNames[] = { "changed", "dropped" };

static void
vrShEvDiskChange(virConnectPtr conn, virDomainPtr dom, const char *old_src,
                 const char *new_src, const char *alias, int reason,
                 void *opaque)
{
    vrShEventPrintf(opaque, "event 'disk-change' for domain '%s' disk %s: %s -> %s: %s\n",
                    virDomainGetName(dom), alias,
                    old_src ? old_src : "<null>", new_src ? new_src : "<null>",
                    VR_SH_NAME(vrShDiskChangeNames, reason, "unknown"));
}


static const char *const vrShTrayNames[] = { "opened", "closed" };

static void
vrShEvTrayChange(virConnectPtr conn, virDomainPtr dom, const char *alias,
                 int reason, void *opaque)
{
    vrShEventPrintf(opaque, "event 'tray-change' for domain '%s' disk %s: %s\n",
                    virDomainGetName(dom), alias,
                    VR_SH_NAME(vrShTrayNames, reason, "unknown"));
}


static void
vrShEvPMChange(virConnectPtr conn, virDomainPtr dom, int reason, void *opaque)
{
    vrShEvGeneric(conn, dom, opaque);
}


static void
vrShEvBalloon(virConnectPtr conn, virDomainPtr dom, unsigned long long actual,
              void *opaque)
{
    vrShEventPrintf(opaque, "event 'balloon-change' for domain '%s': %lluKiB\n",
                    virDomainGetName(dom), actual);
}


static void
vrShEvDevice(virConnectPtr conn, virDomainPtr dom, const char *alias,
             void *opaque)
{
    vrShEventData *d = opaque;

    vrShEventPrintf(d, "event '%s' for domain '%s': %s\n", d->def->name,
                    virDomainGetName(dom), alias);
}


static void
vrShTypedParams(GString *s, virTypedParameterPtr params, int n)
{
    for (int i = 0; i < n; i++) {
        virTypedParameterPtr p = &params[i];

        g_string_append_printf(s, "\t%s: ", p->field);
        switch (p->type) {
        case VIR_TYPED_PARAM_INT: g_string_append_printf(s, "%d", p->value.i); break;
        case VIR_TYPED_PARAM_UINT: g_string_append_printf(s, "%u", p->value.ui); break;
        case VIR_TYPED_PARAM_LLONG: g_string_append_printf(s, "%lld", p->value.l); break;
        case VIR_TYPED_PARAM_ULLONG: g_string_append_printf(s, "%llu", p->value.ul); break;
        case VIR_TYPED_PARAM_DOUBLE: g_string_append_printf(s, "%g", p->value.d); break;
        case VIR_TYPED_PARAM_BOOLEAN: g_string_append_printf(s, "%d", p->value.b); break;
        case VIR_TYPED_PARAM_STRING: g_string_append(s, p->value.s); break;
        default: break;
        }
        g_string_append_c(s, '\n');
    }
}


static void
vrShEvParams(virConnectPtr conn, virDomainPtr dom, virTypedParameterPtr params,
             int nparams, void *opaque)
{
    vrShEventData *d = opaque;
    g_autoptr(GString) s = g_string_new(NULL);

    g_string_append_printf(s, "event '%s' for domain '%s':\n", d->def->name,
                           virDomainGetName(dom));
    vrShTypedParams(s, params, nparams);
    vrShEventPrintf(d, "%s", s->str);
}


static const char *const vrShAgentStates[] = { "unknown", "connected", "disconnected" };
static const char *const vrShAgentReasons[] = { "unknown", "domain started", "channel event" };

static void
vrShEvAgent(virConnectPtr conn, virDomainPtr dom, int state, int reason,
            void *opaque)
{
    vrShEventPrintf(opaque, "event 'agent-lifecycle' for domain '%s': state: '%s' reason: '%s'\n",
                    virDomainGetName(dom),
                    VR_SH_NAME(vrShAgentStates, state, "unsupported value"),
                    VR_SH_NAME(vrShAgentReasons, reason, "unsupported value"));
}


static void
vrShEvMigrationIteration(virConnectPtr conn, virDomainPtr dom, int iteration,
                         void *opaque)
{
    vrShEventPrintf(opaque, "event 'migration-iteration' for domain '%s': iteration: '%d'\n",
                    virDomainGetName(dom), iteration);
}


static const char *const vrShMetadataTypes[] = { "description", "title", "element" };

static void
vrShEvMetadata(virConnectPtr conn, virDomainPtr dom, int type,
               const char *nsuri, void *opaque)
{
    vrShEventPrintf(opaque, "event 'metadata-change' for domain '%s': type %s, uri %s\n",
                    virDomainGetName(dom),
                    VR_SH_NAME(vrShMetadataTypes, type, "unsupported value"),
                    nsuri ? nsuri : "<null>");
}


static void
vrShEvThreshold(virConnectPtr conn, virDomainPtr dom, const char *dev,
                const char *path, unsigned long long threshold,
                unsigned long long excess, void *opaque)
{
    vrShEventPrintf(opaque, "event 'block-threshold' for domain '%s': dev: %s(%s) %llu %llu\n",
                    virDomainGetName(dom), dev, path ? path : "<null>",
                    threshold, excess);
}


static const char *const vrShMemFailRecipients[] = { "hypervisor", "guest" };
static const char *const vrShMemFailActions[] = { "ignore", "inject", "fatal", "reset" };

static void
vrShEvMemoryFailure(virConnectPtr conn, virDomainPtr dom, int recipient,
                    int action, unsigned int flags, void *opaque)
{
    vrShEventPrintf(opaque, "event 'memory-failure' for domain '%s':\nrecipient: %s\naction: %s\n"
                    "flags:\n\taction required: %d\n\trecursive: %d\n",
                    virDomainGetName(dom),
                    VR_SH_NAME(vrShMemFailRecipients, recipient, "unsupported value"),
                    VR_SH_NAME(vrShMemFailActions, action, "unsupported value"),
                    !!(flags & VIR_DOMAIN_MEMORY_FAILURE_ACTION_REQUIRED),
                    !!(flags & VIR_DOMAIN_MEMORY_FAILURE_RECURSIVE));
}


static void
vrShEvMemDevSize(virConnectPtr conn, virDomainPtr dom, const char *alias,
                 unsigned long long size, void *opaque)
{
    vrShEventPrintf(opaque, "event 'memory-device-size-change' for domain '%s':\nalias: %s\nsize: %llu\n",
                    virDomainGetName(dom), alias, size);
}


/* via void(*)(void): the callback types differ by design */
#define VR_SH_CB(f) \
    ((virConnectDomainEventGenericCallback)(void (*)(void))(f))

/* Indexed by VIR_DOMAIN_EVENT_ID_*. */
static const vrShEventDef vrShEventDefs[] = {
    {"lifecycle", VR_SH_CB(vrShEvLifecycle)},
    {"reboot", vrShEvGeneric},
    {"rtc-change", VR_SH_CB(vrShEvRTCChange)},
    {"watchdog", VR_SH_CB(vrShEvWatchdog)},
    {"io-error", VR_SH_CB(vrShEvIOError)},
    {"graphics", VR_SH_CB(vrShEvGraphics)},
    {"io-error-reason", VR_SH_CB(vrShEvIOErrorReason)},
    {"control-error", vrShEvGeneric},
    {"block-job", VR_SH_CB(vrShEvBlockJob)},
    {"disk-change", VR_SH_CB(vrShEvDiskChange)},
    {"tray-change", VR_SH_CB(vrShEvTrayChange)},
    {"pm-wakeup", VR_SH_CB(vrShEvPMChange)},
    {"pm-suspend", VR_SH_CB(vrShEvPMChange)},
    {"balloon-change", VR_SH_CB(vrShEvBalloon)},
    {"pm-suspend-disk", VR_SH_CB(vrShEvPMChange)},
    {"device-removed", VR_SH_CB(vrShEvDevice)},
    {"block-job-2", VR_SH_CB(vrShEvBlockJob)},
    {"tunable", VR_SH_CB(vrShEvParams)},
    {"agent-lifecycle", VR_SH_CB(vrShEvAgent)},
    {"device-added", VR_SH_CB(vrShEvDevice)},
    {"migration-iteration", VR_SH_CB(vrShEvMigrationIteration)},
    {"job-completed", VR_SH_CB(vrShEvParams)},
    {"device-removal-failed", VR_SH_CB(vrShEvDevice)},
    {"metadata-change", VR_SH_CB(vrShEvMetadata)},
    {"block-threshold", VR_SH_CB(vrShEvThreshold)},
    {"memory-failure", VR_SH_CB(vrShEvMemoryFailure)},
    {"memory-device-size-change", VR_SH_CB(vrShEvMemDevSize)},
};
G_STATIC_ASSERT(G_N_ELEMENTS(vrShEventDefs) == VIR_DOMAIN_EVENT_ID_LAST);


/* ---- waiting ---- */

static bool
vrShEventStart(vrShCtl *ctl, int timeout_ms, struct sigaction *old)
{
    struct sigaction sa;

    if (pipe2(ctl->event_pipe, O_CLOEXEC) < 0) {
        vrShError(ctl, "failed to create pipe: %s", g_strerror(errno));
        ctl->event_pipe[0] = ctl->event_pipe[1] = -1;
        return false;
    }
    vr_sigint_fd = ctl->event_pipe[1];
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = vrShEventSigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, old);
    if (timeout_ms)
        virEventUpdateTimeout(ctl->event_timer, timeout_ms);
    return true;
}


static int
vrShEventWait(vrShCtl *ctl)
{
    char reason;
    ssize_t n;

    while ((n = read(ctl->event_pipe[0], &reason, 1)) < 0 && errno == EINTR)
        ;
    if (n != 1) {
        vrShError(ctl, "failed to determine loop exit status: %s",
                  g_strerror(n == 0 ? EPIPE : errno));
        return -1;
    }
    return reason;
}


static void
vrShEventCleanup(vrShCtl *ctl, const struct sigaction *old)
{
    if (ctl->event_pipe[0] < 0)
        return;
    sigaction(SIGINT, old, NULL);
    vr_sigint_fd = -1;
    virEventUpdateTimeout(ctl->event_timer, -1);
    g_mutex_lock(&vr_wake_lock);
    close(ctl->event_pipe[0]);
    close(ctl->event_pipe[1]);
    ctl->event_pipe[0] = ctl->event_pipe[1] = -1;
    g_mutex_unlock(&vr_wake_lock);
}


static void
vrShEventSyncTimer(int timer, void *opaque)
{
    virEventRemoveTimeout(timer);
    vrShEventWake(opaque, VR_SH_EVENT_SYNC);
}


/* Waits until the event loop thread has finished any callback it may have
 * been running, so that the callbacks' data can be freed. */
static void
vrShEventSync(vrShCtl *ctl)
{
    char reason = 0;

    if (!g_atomic_int_get(&ctl->loop_alive))
        return;
    if (virEventAddTimeout(0, vrShEventSyncTimer, ctl, NULL) < 0) {
        vrShResetLibError();
        return;
    }
    while (reason != VR_SH_EVENT_SYNC) {
        if (read(ctl->event_pipe[0], &reason, 1) < 0 && errno != EINTR)
            return;
    }
}


/* Registers the callbacks; a failure after the first one is ignored
 * (an older server may not know every event). */
static bool
vrShEventRegister(vrShCtl *ctl, virDomainPtr dom, vrShEventData *data,
                  size_t ndata)
{
    for (size_t i = 0; i < ndata; i++) {
        int id = (int)(data[i].def - vrShEventDefs);

        data[i].cb_id = virConnectDomainEventRegisterAny(ctl->conn, dom, id,
                                                         data[i].def->cb,
                                                         &data[i], NULL);
        if (data[i].cb_id < 0) {
            if (i == 0)
                return false;
            vrShResetLibError();
        }
    }
    return true;
}


static void
vrShEventTestHook(vrShCtl *ctl)
{
    const char *script = g_getenv(VR_SH_EVENT_TEST_ENV);
    g_autoptr(vrShCmd) cmds = NULL;
    bool quiet = ctl->quiet;

    if (!script || !vrShCommandParseString(ctl, script, &cmds))
        return;
    ctl->quiet = true;
    vrShCommandRun(ctl, cmds);
    ctl->quiet = quiet;
}


static bool
vrShEventListen(vrShCtl *ctl, const vrShCmd *cmd, const char *name)
{
    g_autofree vrShEventData *data = g_new0(vrShEventData, VIR_DOMAIN_EVENT_ID_LAST);
    g_autoptr(virDomain) dom = NULL;
    struct sigaction old;
    size_t ndata = 0;
    int timeout_ms = 0;
    int count = 0;
    bool ret = false;

    for (size_t i = 0; i < G_N_ELEMENTS(vrShEventDefs); i++) {
        if (name && strcmp(name, vrShEventDefs[i].name) != 0)
            continue;
        data[ndata] = (vrShEventData){
            .ctl = ctl, .def = &vrShEventDefs[i], .count = &count,
            .loop = vrShOptBool(cmd, "loop"), .cb_id = -1,
            .timestamp = vrShOptBool(cmd, "timestamp"),
        };
        ndata++;
    }
    if (ndata == 0) {
        vrShError(ctl, "unknown event type %s", name);
        return false;
    }
    if (vrShOptTimeoutMs(ctl, cmd, &timeout_ms) < 0)
        return false;
    if (vrShOptBool(cmd, "domain") &&
        !(dom = vrShOptDomain(ctl, cmd, NULL, VR_SH_BYANY)))
        return false;
    if (!vrShEventStart(ctl, timeout_ms, &old))
        return false;

    if (vrShEventRegister(ctl, dom, data, ndata)) {
        int why;

        vrShEventTestHook(ctl);
        why = vrShEventWait(ctl);

        if (why == VR_SH_EVENT_INTERRUPT)
            vrShPrint(ctl, "%s", "event loop interrupted\n");
        else if (why == VR_SH_EVENT_TIMEOUT)
            vrShPrint(ctl, "%s", "event loop timed out\n");
        if (why > 0) {
            vrShPrint(ctl, "events received: %d\n", count);
            ret = count > 0;
        }
    }
    for (size_t i = 0; i < ndata; i++) {
        if (data[i].cb_id >= 0 &&
            virConnectDomainEventDeregisterAny(ctl->conn, data[i].cb_id) < 0)
            ret = false;
    }
    vrShEventSync(ctl);
    vrShEventCleanup(ctl, &old);
    return ret;
}


static bool
cmdEvent(vrShCtl *ctl, const vrShCmd *cmd)
{
    const char *name = NULL;

    if (!vrShExclusive(ctl, cmd, "all", "event") ||
        !vrShExclusive(ctl, cmd, "list", "all") ||
        !vrShExclusive(ctl, cmd, "list", "event"))
        return false;
    if (vrShOptBool(cmd, "list")) {
        for (size_t i = 0; i < G_N_ELEMENTS(vrShEventDefs); i++)
            vrShPrint(ctl, "%s\n", vrShEventDefs[i].name);
        return true;
    }
    if (vrShOptString(ctl, cmd, "event", &name) < 0)
        return false;
    if (!name && !vrShOptBool(cmd, "all")) {
        vrShError(ctl, "%s", "one of --list, --all, or --event <type> is required");
        return false;
    }
    return vrShEventListen(ctl, cmd, name);
}


static char **
vrShCompleteEvents(vrShCtl *ctl G_GNUC_UNUSED,
                   unsigned int flags G_GNUC_UNUSED)
{
    char **names = g_new0(char *, G_N_ELEMENTS(vrShEventDefs) + 1);

    for (size_t i = 0; i < G_N_ELEMENTS(vrShEventDefs); i++)
        names[i] = g_strdup(vrShEventDefs[i].name);
    return names;
}


static const vrShOptDef opts_event[] = {
    {.name = "domain", .type = VR_SH_OT_STRING,
     .help = "filter by domain name, id or uuid",
     .completer = vrShCompleteDomains},
    {.name = "event", .type = VR_SH_OT_STRING,
     .help = "which event type to wait for", .completer = vrShCompleteEvents},
    VR_SH_OPT_BOOL("all", "wait for all events instead of just one type"),
    VR_SH_OPT_BOOL("loop", "loop until timeout or interrupt, rather than one-shot"),
    {.name = "timeout", .type = VR_SH_OT_INT, .help = "timeout seconds"},
    VR_SH_OPT_BOOL("list", "list valid event types"),
    VR_SH_OPT_BOOL("timestamp", "show timestamp for each printed event"),
    VR_SH_OPT_END
};

const vrShCmdDef vrShCmdEvent = {
    .name = "event", .handler = cmdEvent, .opts = opts_event,
    .help = "Domain Events",
    .desc = "List event types, or wait for domain events to occur",
};
