/* Fault injection on the sim node: every fault point (domains, storage,
 * networks) tripped through the public API with what the user sees asserted
 * (exact code, error domain and message, the state unchanged, nothing lost
 * or left behind: pool allocation, volume content, no events), guest
 * crashes with each on_crash action and their events, rule triggers, and
 * plan files that are malformed (the error names the line). */
#include "sim_test.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib.h>

#include "sim/control.h"
#include "sim/fault.h"
#include "util/error.h"

#define SEEDED_URI "sim:///default?seed=7"
#define NS_PER_SEC 1000000000ULL
#define EVENTS_MAX 16

static char tmpdir[] = "/tmp/vireo-sim-faults-XXXXXX";

static int setup(void **state)
{
    virSetErrorFunc(NULL, sim_quiet);
    if (virEventRegisterDefaultImpl() < 0)
        return -1;
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[256];

    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static char *tmp_path(const char *name)
{
    return g_strdup_printf("%s/%s", tmpdir, name);
}

/* A seeded private node running plan_text (NULL: no plan). */
static virConnectPtr open_plan(const char *plan_text)
{
    virConnectPtr conn = virConnectOpen(SEEDED_URI);

    assert_non_null(conn);
    if (plan_text) {
        vrSimFaultPlan *plan = vrSimFaultPlanNew();

        assert_int_equal(vrSimFaultPlanAddText(plan, plan_text, "plan"), 0);
        assert_int_equal(vrSimControlSetPlan(conn, plan), 0);
    }
    return conn;
}

/* Install plan_text on conn's node. */
static void set_plan(virConnectPtr conn, const char *plan_text)
{
    vrSimFaultPlan *plan = vrSimFaultPlanNew();

    assert_int_equal(vrSimFaultPlanAddText(plan, plan_text, "plan"), 0);
    assert_int_equal(vrSimControlSetPlan(conn, plan), 0);
}

static virDomainPtr lookup(virConnectPtr conn, const char *name)
{
    virDomainPtr dom = virDomainLookupByName(conn, name);

    assert_non_null(dom);
    return dom;
}

/* A domain document; the UUID follows from the name, so redefining a name
 * updates the same domain. */
static char *xml_with(const char *name, unsigned long mem_kib, const char *on_crash)
{
    return g_strdup_printf("<domain type='test'><name>%s</name>"
                           "<uuid>00000000-0000-4000-8000-0000%08x</uuid>"
                           "<memory unit='KiB'>%lu</memory><vcpu>1</vcpu>"
                           "<os><type>hvm</type></os><on_crash>%s</on_crash></domain>",
                           name, g_str_hash(name), mem_kib, on_crash);
}

static virDomainPtr define(virConnectPtr conn, const char *name, unsigned long mem_kib)
{
    g_autofree char *xml = xml_with(name, mem_kib, "destroy");
    virDomainPtr dom = virDomainDefineXML(conn, xml);

    assert_non_null(dom);
    return dom;
}

/* ---- lifecycle event recording ---- */

typedef struct {
    int n;
    int event[EVENTS_MAX];
    int detail[EVENTS_MAX];
} events_seen;

static int record_event(virConnectPtr conn, virDomainPtr dom, int event, int detail,
                        void *opaque)
{
    events_seen *seen = opaque;

    if (seen->n < EVENTS_MAX) {
        seen->event[seen->n] = event;
        seen->detail[seen->n] = detail;
    }
    seen->n++;
    return 0;
}

static void watch_events(virConnectPtr conn, events_seen *seen)
{
    memset(seen, 0, sizeof(*seen));
    assert_true(virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                                 SIM_CB(record_event), seen, NULL) >= 0);
}

static void flush_events(virConnectPtr conn)
{
    assert_int_equal(vrSimControlFlushEvents(conn), 0);
    assert_int_equal(vrSimControlFlushObjectEvents(conn), 0);
}

/* ---- domain.start ---- */

static void test_start_out_of_memory(void **state)
{
    virConnectPtr conn = open_plan("domain.start always\n");
    virDomainPtr dom = define(conn, "w1", 1024);
    g_autofree char *xml = xml_with("w2", 1024, "destroy");
    events_seen seen;

    watch_events(conn, &seen);
    assert_int_equal(virDomainCreate(dom), -1);
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU,
                     "internal error: process exited while connecting to monitor: "
                     "/usr/bin/test-hv: cannot set up guest memory 'pc.ram': "
                     "Cannot allocate memory");
    sim_assert_state(dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_UNKNOWN);
    assert_int_equal((int)virDomainGetID(dom), -1);
    assert_int_equal(virDomainIsPersistent(dom), 1);
    /* a transient guest that fails to start leaves nothing behind */
    assert_null(virDomainCreateXML(conn, xml, 0));
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU,
                     "internal error: process exited while connecting to monitor: "
                     "/usr/bin/test-hv: cannot set up guest memory 'pc.ram': "
                     "Cannot allocate memory");
    assert_null(virDomainLookupByName(conn, "w2"));
    assert_int_equal(vrSimControlFaultsFired(conn, VR_SIM_FAULT_DOMAIN_START), 2);
    flush_events(conn);
    assert_int_equal(seen.n, 0);
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_start_errors_come_first(void **state)
{
    virConnectPtr conn = open_plan("domain.start always\n");
    virDomainPtr test = lookup(conn, "test");
    g_autofree char *xml = virDomainGetXMLDesc(test, 0);

    /* a real refusal is reported as such and consumes no fault */
    assert_int_equal(virDomainCreate(test), -1);
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                     "internal error: Domain 'test' is already running");
    assert_null(virDomainCreateXML(conn, xml, 0));
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                     "Requested operation is not valid: domain 'test' is already active");
    assert_int_equal(vrSimControlFaultsFired(conn, VR_SIM_FAULT_DOMAIN_START), 0);
    virDomainFree(test);
    virConnectClose(conn);
}

static void test_start_no_emulator(void **state)
{
    virConnectPtr conn = open_plan("domain.start nth=1 cause=no-emulator\n");
    virDomainPtr dom = define(conn, "w1", 1024);

    assert_int_equal(virDomainCreate(dom), -1);
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_QEMU,
                     "Cannot check QEMU binary /usr/bin/test-hv: No such file or directory");
    assert_int_equal(virGetLastError()->int1, ENOENT);
    sim_assert_state(dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_UNKNOWN);
    /* nth=1 fired once: the next start works */
    assert_int_equal(virDomainCreate(dom), 0);
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    virDomainFree(dom);
    virConnectClose(conn);
}

/* ---- destroy, shutdown, suspend, resume ---- */

static void test_destroy_ebusy(void **state)
{
    virConnectPtr conn = open_plan("domain.destroy always target=test\n");
    virDomainPtr dom = lookup(conn, "test");
    guint64 before = vrSimControlNow(conn);
    events_seen seen;

    watch_events(conn, &seen);
    assert_int_equal(virDomainDestroy(dom), -1);
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                     "Failed to terminate process 4001 with SIGKILL: "
                     "Device or resource busy");
    assert_int_equal(virGetLastError()->int1, EBUSY);
    /* the kill was retried for 15 virtual seconds; the guest runs on */
    assert_true(vrSimControlNow(conn) - before >= 15 * NS_PER_SEC);
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNKNOWN);
    assert_int_equal(virDomainGetID(dom), 1);
    assert_int_equal(virDomainIsActive(dom), 1);
    flush_events(conn);
    assert_int_equal(seen.n, 0);
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_shutdown_acpi_ignored(void **state)
{
    virConnectPtr conn = open_plan("domain.shutdown always\n");
    virDomainPtr dom = lookup(conn, "test");
    guint64 before = vrSimControlNow(conn);

    assert_int_equal(virDomainShutdown(dom), -1);
    sim_assert_error(VIR_ERR_OPERATION_TIMEOUT, VIR_FROM_TEST,
                     "Timed out during operation: domain 'test' did not shut down: "
                     "the guest ignored the ACPI power button");
    assert_true(vrSimControlNow(conn) - before >= 60 * NS_PER_SEC);
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNKNOWN);
    /* the wrong-state error still wins on a stopped domain */
    assert_int_equal(virDomainDestroy(dom), 0);
    assert_int_equal(virDomainShutdown(dom), -1);
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                     "internal error: domain 'test' not running");
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_suspend_resume(void **state)
{
    virConnectPtr conn = open_plan("domain.suspend nth=1\n"
                                   "domain.resume always\n");
    virDomainPtr dom = lookup(conn, "test");

    assert_int_equal(virDomainSuspend(dom), -1);
    sim_assert_error(VIR_ERR_OPERATION_TIMEOUT, VIR_FROM_QEMU,
                     "Timed out during operation: cannot acquire state change lock "
                     "(held by monitor=remoteDispatchDomainMemoryStats)");
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNKNOWN);
    assert_int_equal(virDomainSuspend(dom), 0);
    sim_assert_state(dom, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER);
    assert_int_equal(virDomainResume(dom), -1);
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU,
                     "internal error: unable to execute QEMU command 'cont': "
                     "Resetting the Virtual Machine is required");
    sim_assert_state(dom, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER);
    assert_int_equal(vrSimControlFaultsFired(conn, VR_SIM_FAULT_POINT_LAST), 2);
    virDomainFree(dom);
    virConnectClose(conn);
}

/* ---- save / restore ---- */

static size_t count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *ent;
    size_t n = 0;

    assert_non_null(d);
    while ((ent = readdir(d))) {
        if (strcmp(ent->d_name, ".") != 0 && strcmp(ent->d_name, "..") != 0)
            n++;
    }
    closedir(d);
    return n;
}

static void test_save_disk_full(void **state)
{
    virConnectPtr conn = open_plan("domain.save always\n");
    virDomainPtr dom = lookup(conn, "test");
    g_autofree char *old = tmp_path("old.img");
    g_autofree char *fresh = tmp_path("fresh.img");
    g_autofree char *expect = NULL;
    g_autofree char *content = NULL;
    size_t entries;

    assert_true(g_file_set_contents(old, "previous image", -1, NULL));
    entries = count_entries(tmpdir);
    assert_int_equal(virDomainSave(dom, old), -1);
    expect = g_strdup_printf("saving domain 'test' to '%s': write failed: "
                             "No space left on device", old);
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_TEST, expect);
    assert_int_equal(virGetLastError()->int1, ENOSPC);
    /* the old file is intact and no partial or temporary file is left */
    assert_true(g_file_get_contents(old, &content, NULL, NULL));
    assert_string_equal(content, "previous image");
    assert_int_equal(virDomainSave(dom, fresh), -1);
    assert_int_equal(access(fresh, F_OK), -1);
    assert_int_equal(count_entries(tmpdir), entries);
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNKNOWN);
    /* managed save fails the same way; no image is recorded */
    assert_int_equal(virDomainManagedSave(dom, 0), -1);
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_TEST,
                     "saving domain 'test' to '/var/lib/vireo/sim/save/test.save': "
                     "write failed: No space left on device");
    assert_int_equal(virDomainHasManagedSaveImage(dom, 0), 0);
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNKNOWN);
    unlink(old);
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_save_real_error_first(void **state)
{
    virConnectPtr conn = open_plan("domain.save cause=eio always\n");
    virDomainPtr dom = lookup(conn, "test");
    g_autofree char *path = tmp_path("eio.img");
    g_autofree char *expect = NULL;

    /* a directory that does not exist fails as a real save would */
    assert_int_equal(virDomainSave(dom, "/nonexistent-dir/x.img"), -1);
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_TEST,
                     "saving domain 'test' to '/nonexistent-dir/x.img': open failed: "
                     "No such file or directory");
    assert_int_equal(virDomainSave(dom, path), -1);
    expect = g_strdup_printf("saving domain 'test' to '%s': write failed: "
                             "Input/output error", path);
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_TEST, expect);
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNKNOWN);
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_restore_corrupt(void **state)
{
    virConnectPtr conn = open_plan(NULL);
    virDomainPtr dom = lookup(conn, "test");
    g_autofree char *path = tmp_path("good.img");
    g_autofree char *expect = NULL;
    vrSimFaultPlan *plan = vrSimFaultPlanNew();

    assert_int_equal(virDomainSave(dom, path), 0);
    assert_int_equal(vrSimFaultPlanAddLine(plan, "domain.restore always", "plan", 1), 0);
    assert_int_equal(vrSimControlSetPlan(conn, plan), 0);
    assert_int_equal(virDomainRestore(conn, path), -1);
    expect = g_strdup_printf("internal error: save image '%s' is corrupt: "
                             "checksum mismatch", path);
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST, expect);
    sim_assert_state(dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SAVED);
    /* the image is still good: without the fault it restores */
    assert_int_equal(vrSimControlSetPlan(conn, NULL), 0);
    assert_int_equal(virDomainRestore(conn, path), 0);
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_RESTORED);
    unlink(path);
    virDomainFree(dom);
    virConnectClose(conn);
}

/* ---- define ---- */

static void test_define_write_fails(void **state)
{
    virConnectPtr conn = open_plan(NULL);
    virDomainPtr dom = define(conn, "w1", 1024);
    g_autofree char *before = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
    g_autofree char *after = NULL;
    g_autofree char *bigger = xml_with("w1", 2048, "destroy");
    g_autofree char *other = xml_with("w2", 2048, "destroy");
    vrSimFaultPlan *plan = vrSimFaultPlanNew();
    events_seen seen;

    assert_int_equal(vrSimFaultPlanAddText(plan, "domain.define always\n", "plan"), 0);
    assert_int_equal(vrSimControlSetPlan(conn, plan), 0);
    watch_events(conn, &seen);
    assert_null(virDomainDefineXML(conn, bigger));
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_XML,
                     "cannot write data to file '/var/lib/vireo/sim/w1.xml.new': "
                     "No space left on device");
    after = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
    assert_string_equal(after, before);
    assert_int_equal(virDomainGetMaxMemory(dom), 1024);
    assert_null(virDomainDefineXML(conn, other));
    assert_null(virDomainLookupByName(conn, "w2"));
    flush_events(conn);
    assert_int_equal(seen.n, 0);
    virDomainFree(dom);
    virConnectClose(conn);
}

/* ---- guest crash ---- */

typedef struct {
    const char *on_crash;
    int state, reason;             /* after the crash */
    int nevents;
    int event2, detail2;           /* the event after CRASHED/PANICKED */
} crash_case;

static void check_crash(const crash_case *c, bool transient)
{
    virConnectPtr conn = open_plan(NULL);
    g_autofree char *xml = xml_with("g", 1024, c->on_crash);
    virDomainPtr dom;
    events_seen seen;

    dom = transient ? virDomainCreateXML(conn, xml, 0) : virDomainDefineXML(conn, xml);
    assert_non_null(dom);
    if (!transient)
        assert_int_equal(virDomainCreate(dom), 0);
    watch_events(conn, &seen);
    assert_int_equal(vrSimControlCrash(dom), 0);
    flush_events(conn);
    assert_int_equal(seen.n, c->nevents);
    assert_int_equal(seen.event[0], VIR_DOMAIN_EVENT_CRASHED);
    assert_int_equal(seen.detail[0], VIR_DOMAIN_EVENT_CRASHED_PANICKED);
    if (c->nevents > 1) {
        assert_int_equal(seen.event[1], c->event2);
        assert_int_equal(seen.detail[1], c->detail2);
    }
    if (transient && c->state == VIR_DOMAIN_SHUTOFF) {
        assert_null(virDomainLookupByName(conn, "g"));
    } else {
        sim_assert_state(dom, c->state, c->reason);
    }
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_crash_actions(void **state)
{
    static const crash_case cases[] = {
        { "destroy", VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_CRASHED, 2,
          VIR_DOMAIN_EVENT_STOPPED, VIR_DOMAIN_EVENT_STOPPED_CRASHED },
        { "coredump-destroy", VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_CRASHED, 2,
          VIR_DOMAIN_EVENT_STOPPED, VIR_DOMAIN_EVENT_STOPPED_CRASHED },
        { "restart", VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_CRASHED, 2,
          VIR_DOMAIN_EVENT_RESUMED, VIR_DOMAIN_EVENT_RESUMED_UNPAUSED },
        { "coredump-restart", VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_CRASHED, 2,
          VIR_DOMAIN_EVENT_RESUMED, VIR_DOMAIN_EVENT_RESUMED_UNPAUSED },
        { "preserve", VIR_DOMAIN_CRASHED, VIR_DOMAIN_CRASHED_PANICKED, 1, 0, 0 },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        check_crash(&cases[i], false);
        check_crash(&cases[i], true);
    }
}

static void test_crash_preserved_then_destroyed(void **state)
{
    virConnectPtr conn = open_plan(NULL);
    g_autofree char *xml = xml_with("g", 1024, "preserve");
    virDomainPtr dom = virDomainCreateXML(conn, xml, 0);

    assert_non_null(dom);
    assert_int_equal(vrSimControlCrash(dom), 0);
    assert_int_equal(virDomainIsActive(dom), 1);
    /* a second crash needs a running guest */
    assert_int_equal(vrSimControlCrash(dom), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                     "Requested operation is not valid: domain is not running");
    assert_int_equal(virDomainDestroy(dom), 0);
    assert_null(virDomainLookupByName(conn, "g"));
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_crash_fault_point(void **state)
{
    virConnectPtr conn = open_plan("guest.crash nth=3 target=w1\n");
    virDomainPtr dom = define(conn, "w1", 1024);
    virDomainPtr test = lookup(conn, "test");
    int s = -1, r = -1;

    assert_int_equal(virDomainCreate(dom), 0);       /* w1 not yet running here */
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);  /* 1st */
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);  /* 2nd */
    /* time passes on the 3rd operation: the guest panics, on_crash destroy */
    assert_int_equal(virDomainGetState(dom, &s, &r, 0), 0);
    assert_int_equal(s, VIR_DOMAIN_SHUTOFF);
    assert_int_equal(r, VIR_DOMAIN_SHUTOFF_CRASHED);
    sim_assert_state(test, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNKNOWN);
    assert_int_equal(vrSimControlFaultsFired(conn, VR_SIM_FAULT_GUEST_CRASH), 1);
    virDomainFree(test);
    virDomainFree(dom);
    virConnectClose(conn);
}

/* ---- triggers ---- */

/* Which of n suspend+resume rounds on "test" saw the suspend fail. */
static void fire_pattern(const char *plan, int n, char *out)
{
    virConnectPtr conn = open_plan(plan);
    virDomainPtr dom = lookup(conn, "test");
    int i;

    for (i = 0; i < n; i++) {
        int rc = virDomainSuspend(dom);

        out[i] = rc == 0 ? '.' : 'F';
        if (rc == 0)
            assert_int_equal(virDomainResume(dom), 0);
    }
    out[n] = '\0';
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_triggers(void **state)
{
    char a[32], b[32];

    fire_pattern("domain.suspend nth=3", 6, a);
    assert_string_equal(a, "..F...");
    fire_pattern("domain.suspend every=2", 6, a);
    assert_string_equal(a, ".F.F.F");
    fire_pattern("domain.suspend every=2 limit=2", 8, a);
    assert_string_equal(a, ".F.F....");
    fire_pattern("domain.suspend always target=nobody", 4, a);
    assert_string_equal(a, "....");
    /* the first rule that fires applies; every rule counts the call */
    fire_pattern("domain.suspend nth=2\ndomain.suspend every=3", 7, a);
    assert_string_equal(a, ".FF..F.");
    /* prob= draws from the seeded stream: the same seed, the same pattern */
    fire_pattern("domain.suspend prob=0.5", 24, a);
    fire_pattern("domain.suspend prob=0.5", 24, b);
    assert_string_equal(a, b);
    assert_non_null(strchr(a, 'F'));
    assert_non_null(strchr(a, '.'));
    fire_pattern("domain.suspend prob=1", 3, a);
    assert_string_equal(a, "FFF");
}

static void test_after_and_slow(void **state)
{
    virConnectPtr conn = open_plan("domain.suspend after=10s\n"
                                   "domain.resume always slow delay=2s\n");
    virDomainPtr dom = lookup(conn, "test");
    guint64 before;

    assert_int_equal(virDomainSuspend(dom), 0);
    before = vrSimControlNow(conn);
    /* slow: the delay passes and the call succeeds */
    assert_int_equal(virDomainResume(dom), 0);
    assert_true(vrSimControlNow(conn) - before >= 2 * NS_PER_SEC);
    assert_int_equal(vrSimControlAdvance(conn, 10 * NS_PER_SEC), 0);
    assert_int_equal(virDomainSuspend(dom), -1);
    sim_assert_error(VIR_ERR_OPERATION_TIMEOUT, VIR_FROM_QEMU,
                     "Timed out during operation: cannot acquire state change lock "
                     "(held by monitor=remoteDispatchDomainMemoryStats)");
    /* switched off, the plan fires nothing */
    assert_int_equal(vrSimControlSetFaultsEnabled(conn, false), 0);
    assert_int_equal(virDomainSuspend(dom), 0);
    assert_int_equal(vrSimControlFaultsFired(conn, VR_SIM_FAULT_DOMAIN_SUSPEND), 1);
    assert_int_equal(vrSimControlFaultsFired(conn, VR_SIM_FAULT_DOMAIN_RESUME), 1);
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_overrides(void **state)
{
    virConnectPtr conn = open_plan("domain.destroy always code=VIR_ERR_OPERATION_FAILED "
                                   "from=VIR_FROM_STORAGE "
                                   "message=\"disk of {dom} (pid {pid}) vanished\"\n");
    virDomainPtr dom = lookup(conn, "test");

    assert_int_equal(virDomainDestroy(dom), -1);
    sim_assert_error(VIR_ERR_OPERATION_FAILED, VIR_FROM_STORAGE,
                     "operation failed: disk of test (pid 4001) vanished");
    virDomainFree(dom);
    virConnectClose(conn);
}

/* ---- plans ---- */

/* A parameter given twice is refused: which one wins is not for the user
 * to guess. */
static void test_uri_parameters(void **state)
{
    static const struct {
        const char *uri;
        const char *message;
    } cases[] = {
        { "sim:///default?seed=1&seed=2", "invalid argument: URI parameter 'seed' given "
          "twice" },
        { "sim:///default?faults=/a&faults=/b", "invalid argument: URI parameter 'faults' "
          "given twice" },
        { "sim:///default?statedir=/tmp/x&private=1&statedir=/tmp/y", "invalid argument: "
          "URI parameter 'statedir' given twice" },
        { "sim:///default?faults=", "invalid argument: invalid value '' for URI parameter "
          "'faults': expected a fault plan file" },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        assert_null(virConnectOpen(cases[i].uri));
        sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST, cases[i].message);
    }
}

static void test_plan_errors(void **state)
{
    static const struct {
        const char *line;
        const char *problem;
    } cases[] = {
        { "domain.strat always", "unknown fault point 'domain.strat' (known: domain.start, "
          "domain.destroy, domain.shutdown, domain.suspend, domain.resume, domain.save, "
          "domain.restore, domain.define, guest.crash, pool.full, storage.upload, "
          "storage.download, pool.start, pool.build, pool.define, network.start, "
          "network.define)" },
        { "domain.start", "domain.start has no trigger: give always, nth=N, every=N, "
          "prob=P or after=T" },
        { "domain.start always nth=2", "more than one trigger at 'nth=2' (give one of "
          "always, nth=N, every=N, prob=P)" },
        { "domain.start nth=0", "invalid value '0' for 'nth': expected an integer >= 1" },
        { "domain.start prob=1.5", "invalid value '1.5' for 'prob': expected a number "
          "greater than 0 and at most 1" },
        { "domain.start prob=", "invalid value '' for 'prob': expected a number greater "
          "than 0 and at most 1" },
        { "domain.start after=10", "invalid duration '10' for 'after': expected an "
          "integer with a unit (ns, us, ms, s, m, h)" },
        { "domain.start always cause=fire", "unknown cause 'fire' for domain.start "
          "(known: oom, no-emulator)" },
        { "domain.start always code=VIR_ERR_NOPE", "unknown error code 'VIR_ERR_NOPE' "
          "(expected VIR_ERR_... or its number)" },
        { "domain.start always from=QEMU", "unknown error domain 'QEMU' (expected "
          "VIR_FROM_...)" },
        { "domain.start always message=\"{name} failed\"", "unknown placeholder in "
          "message at '{name} failed' (known: {dom}, {path}, {pid}, {dev}, {bytes})" },
        { "domain.start always message=\"open", "unterminated quoted string" },
        { "domain.start nth=2 nth=3", "'nth' given twice" },
        { "domain.start always loudly", "unknown word 'loudly' (expected always, slow "
          "or KEY=VALUE)" },
        { "domain.start always colour=red", "unknown key 'colour' (known: nth, every, "
          "prob, after, limit, target, cause, code, from, message, delay)" },
        { "guest.crash always code=VIR_ERR_NO_MEMORY", "guest.crash injects a crash, not "
          "an error: slow, code, from, message and delay do not apply" },
        { "domain.save always slow code=VIR_ERR_NO_MEMORY", "a slow rule reports no "
          "error: code, from and message do not apply" },
        { "domain.start always target=", "no value for 'target'" },
        { "domain.start always message=\"\"", "no value for 'message'" },
        { "domain.start prob=0x0.8", "invalid value '0x0.8' for 'prob': expected a number "
          "greater than 0 and at most 1" },
        { "domain.start prob=infinity", "invalid value 'infinity' for 'prob': expected a "
          "number greater than 0 and at most 1" },
        { "domain.start every=2 after=-1s", "invalid duration '-1s' for 'after': expected "
          "an integer with a unit (ns, us, ms, s, m, h)" },
        { "domain.start always after=1s after=2s", "'after' given twice" },
        { "domain.start always limit=0", "invalid value '0' for 'limit': expected an "
          "integer >= 1" },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(vrSimFaultPlan) plan = vrSimFaultPlanNew();
        g_autofree char *text = g_strdup_printf("# comment\n\n%s\n", cases[i].line);
        g_autofree char *expect = g_strdup_printf(
            "configuration file syntax error: fault plan 'p.plan' line 3: %s",
            cases[i].problem);

        assert_int_equal(vrSimFaultPlanAddText(plan, text, "p.plan"), -1);
        sim_assert_error(VIR_ERR_CONF_SYNTAX, VIR_FROM_TEST, expect);
        assert_false(vrSimFaultPlanWatches(plan, VR_SIM_FAULT_DOMAIN_START));
    }
}

static void write_plan(const char *path, const char *text)
{
    assert_true(g_file_set_contents(path, text, -1, NULL));
}

/* Plan files: every way a file can be wrong is an error naming it (and the
 * line); CRLF line ends and an empty file are fine. */
static void test_plan_files(void **state)
{
    static const char with_nul[] = "domain.start always\n# x\ndomain.destroy \0always\n";
    g_autofree char *path = tmp_path("files.plan");
    g_autofree char *big = g_malloc(VR_SIM_FAULT_PLAN_MAX_BYTES + 2);
    g_autofree char *expect = NULL;
    vrSimFaultPlan *plan;
    int i;

    /* a NUL byte would cut the plan short */
    assert_true(g_file_set_contents(path, with_nul, sizeof(with_nul) - 1, NULL));
    assert_null(vrSimFaultPlanLoad(path));
    expect = g_strdup_printf("configuration file syntax error: fault plan '%s' line 3: "
                             "NUL byte in the line", path);
    sim_assert_error(VIR_ERR_CONF_SYNTAX, VIR_FROM_TEST, expect);
    /* over the limit */
    for (i = 0; i <= VR_SIM_FAULT_PLAN_MAX_BYTES; i++)
        big[i] = i % 64 == 63 ? '\n' : '#';       /* comment lines */
    big[VR_SIM_FAULT_PLAN_MAX_BYTES + 1] = '\0';
    write_plan(path, big);
    assert_null(vrSimFaultPlanLoad(path));
    g_free(expect);
    expect = g_strdup_printf("configuration file syntax error: fault plan '%s' is larger "
                             "than %d bytes", path, VR_SIM_FAULT_PLAN_MAX_BYTES);
    sim_assert_error(VIR_ERR_CONF_SYNTAX, VIR_FROM_TEST, expect);
    /* at the limit: fine */
    big[VR_SIM_FAULT_PLAN_MAX_BYTES] = '\0';
    write_plan(path, big);
    assert_non_null(plan = vrSimFaultPlanLoad(path));
    vrSimFaultPlanFree(plan);
    /* a directory */
    assert_null(vrSimFaultPlanLoad(tmpdir));
    g_free(expect);
    expect = g_strdup_printf("Failed to read file '%s': Is a directory", tmpdir);
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, -1, expect);
    /* CRLF: the CR is a blank, errors still name the right line */
    write_plan(path, "domain.start always\r\ndomain.destroy nth=2\r\n");
    assert_non_null(plan = vrSimFaultPlanLoad(path));
    assert_true(vrSimFaultPlanWatches(plan, VR_SIM_FAULT_DOMAIN_DESTROY));
    vrSimFaultPlanFree(plan);
    write_plan(path, "domain.start always\r\ndomain.destroy nth=0\r\n");
    assert_null(vrSimFaultPlanLoad(path));
    g_free(expect);
    expect = g_strdup_printf("configuration file syntax error: fault plan '%s' line 2: "
                             "invalid value '0' for 'nth': expected an integer >= 1", path);
    sim_assert_error(VIR_ERR_CONF_SYNTAX, VIR_FROM_TEST, expect);
    /* empty: a plan with no rules */
    write_plan(path, "");
    assert_non_null(plan = vrSimFaultPlanLoad(path));
    assert_false(vrSimFaultPlanWatches(plan, VR_SIM_FAULT_DOMAIN_START));
    vrSimFaultPlanFree(plan);
}

/* The rules as written, for vireo-sim's trace header: plan order, plan
 * line numbers, the text without a CRLF line end (quoted CRs kept). */
static void test_plan_rule_lines(void **state)
{
    g_autoptr(vrSimFaultPlan) plan = vrSimFaultPlanNew();
    int lineno = 0;

    assert_int_equal(vrSimFaultPlanRuleCount(NULL), 0);
    assert_int_equal(vrSimFaultPlanAddText(plan, "# head\r\n\r\n  domain.start always\r\n"
                                           "domain.suspend nth=2 message=\"a\rb\"\r\r\n"
                                           "guest.crash prob=0.5 # why", "p"), 0);
    assert_int_equal(vrSimFaultPlanRuleCount(plan), 3);
    assert_string_equal(vrSimFaultPlanRuleLine(plan, 0, &lineno), "  domain.start always");
    assert_int_equal(lineno, 3);
    assert_string_equal(vrSimFaultPlanRuleLine(plan, 1, &lineno),
                        "domain.suspend nth=2 message=\"a\rb\"");
    assert_int_equal(lineno, 4);
    assert_string_equal(vrSimFaultPlanRuleLine(plan, 2, NULL), "guest.crash prob=0.5 # why");
    assert_null(vrSimFaultPlanRuleLine(plan, 3, &lineno));
    assert_int_equal(lineno, 4);
    /* a line refused adds no rule */
    assert_int_equal(vrSimFaultPlanAddLine(plan, "domain.start sometimes\r", "p", 9), -1);
    assert_int_equal(vrSimFaultPlanRuleCount(plan), 3);
}

/* How often a rule fires over calls made at the given clock steps. */
static guint64 fire_count(const char *text, int calls, guint64 step_ns, char *pattern)
{
    g_autoptr(vrSimFaultPlan) plan = vrSimFaultPlanNew();
    vrSimClock clock;
    vrSimPrng prng;
    guint64 fired = 0;
    int i;

    vrSimClockInit(&clock, 0, 0);
    vrSimPrngInitStream(&prng, 11, VR_SIM_STREAM_FAULTS);
    assert_int_equal(vrSimFaultPlanAddText(plan, text, "plan"), 0);
    vrSimFaultPlanAttach(plan, &prng, &clock, NULL);
    for (i = 0; i < calls; i++) {
        vrSimFaultCtx ctx = { .dom = i % 2 ? "odd" : "even" };
        bool hit = vrSimFaultFire(plan, VR_SIM_FAULT_DOMAIN_SUSPEND, &ctx) != NULL;

        fired += hit;
        if (pattern)
            pattern[i] = hit ? 'F' : '.';
        vrSimClockAdvance(&clock, step_ns);
    }
    if (pattern)
        pattern[calls] = '\0';
    assert_int_equal(vrSimFaultPlanFired(plan, VR_SIM_FAULT_DOMAIN_SUSPEND), fired);
    return fired;
}

/* The triggers over many calls, with after= and target= combined. */
static void test_trigger_statistics(void **state)
{
    char p[64];
    guint64 n;

    /* prob=P fires on about P of the calls */
    n = fire_count("domain.suspend prob=0.25 delay=0s", 8000, 0, NULL);
    assert_true(n > 1800 && n < 2200);
    n = fire_count("domain.suspend prob=0.01 delay=0s", 8000, 0, NULL);
    assert_true(n > 40 && n < 130);
    /* limit= caps it */
    assert_int_equal(fire_count("domain.suspend prob=0.5 limit=7", 1000, 0, NULL), 7);
    /* after= alone: every call from T on (calls at 0, 1s, 2s, ...) */
    fire_count("domain.suspend after=3s", 6, 1000000000ULL, p);
    assert_string_equal(p, "...FFF");
    /* after= with nth=: the calls before T do not count */
    fire_count("domain.suspend after=2s nth=2", 6, 1000000000ULL, p);
    assert_string_equal(p, "...F..");
    fire_count("domain.suspend after=1s every=2 limit=2", 9, 1000000000ULL, p);
    assert_string_equal(p, "..F.F....");
    /* target=: only the calls about it count (odd calls are about "odd") */
    fire_count("domain.suspend nth=2 target=odd", 6, 0, p);
    assert_string_equal(p, "...F..");
}

static void test_plan_from_uri(void **state)
{
    g_autofree char *good = tmp_path("good.plan");
    g_autofree char *bad = tmp_path("bad.plan");
    g_autofree char *uri = NULL;
    g_autofree char *expect = NULL;
    virConnectPtr conn, shared;
    virDomainPtr dom;

    write_plan(bad, "# plan\ndomain.start always\ndomain.destroy sometimes\n");
    uri = g_strdup_printf("sim:///default?seed=3&faults=%s", bad);
    assert_null(virConnectOpen(uri));
    expect = g_strdup_printf("configuration file syntax error: fault plan '%s' line 3: "
                             "unknown word 'sometimes' (expected always, slow or "
                             "KEY=VALUE)", bad);
    sim_assert_error(VIR_ERR_CONF_SYNTAX, VIR_FROM_TEST, expect);
    g_free(uri);
    uri = g_strdup_printf("sim:///default?faults=%s/missing.plan", tmpdir);
    assert_null(virConnectOpen(uri));
    assert_int_equal(virGetLastError()->code, VIR_ERR_SYSTEM_ERROR);
    assert_non_null(strstr(virGetLastError()->message, "missing.plan"));

    write_plan(good, "domain.destroy always   # the guest will not die\n");
    g_free(uri);
    uri = g_strdup_printf("sim:///default?faults=%s", good);
    conn = virConnectOpen(uri);
    assert_non_null(conn);
    dom = lookup(conn, "test");
    assert_int_equal(virDomainDestroy(dom), -1);
    assert_int_equal(virGetLastError()->code, VIR_ERR_SYSTEM_ERROR);
    /* a node with a plan is private: the shared default node is untouched */
    shared = virConnectOpen("sim:///default");
    virDomainFree(dom);
    dom = lookup(shared, "test");
    assert_int_equal(virDomainDestroy(dom), 0);
    virDomainFree(dom);
    virConnectClose(shared);
    virConnectClose(conn);
}


/* ---- storage ---- */

#define POOL "default-pool"
#define VOL_BYTES (1024 * 1024)
#define XFER_CHUNK (64 * 1024)

static virStoragePoolPtr default_pool(virConnectPtr conn)
{
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, POOL);

    assert_non_null(pool);
    return pool;
}

static virStorageVolPtr make_vol(virStoragePoolPtr pool, const char *name,
                                 unsigned long long alloc)
{
    g_autofree char *xml = g_strdup_printf(
        "<volume><name>%s</name><capacity unit='bytes'>%d</capacity>"
        "<allocation unit='bytes'>%llu</allocation></volume>", name, VOL_BYTES, alloc);

    return virStorageVolCreateXML(pool, xml, 0);
}

static unsigned long long pool_allocation(virStoragePoolPtr pool)
{
    virStoragePoolInfo info;

    assert_int_equal(virStoragePoolGetInfo(pool, &info), 0);
    return info.allocation;
}

/* Upload len bytes of fill to vol; the result of the last send (the
 * thread's error kept when it failed). */
static int upload(virStorageVolPtr vol, char fill, size_t len, bool finish)
{
    virStreamPtr st = virStreamNew(virStorageVolGetConnect(vol), 0);
    g_autofree char *buf = g_malloc(XFER_CHUNK);
    virErrorPtr err = NULL;
    size_t sent = 0;
    int rc = 0;

    assert_non_null(st);
    memset(buf, fill, XFER_CHUNK);
    assert_int_equal(virStorageVolUpload(vol, st, 0, len, 0), 0);
    while (sent < len && rc >= 0) {
        rc = virStreamSend(st, buf, MIN(XFER_CHUNK, len - sent));
        if (rc > 0)
            sent += rc;
    }
    if (rc >= 0 && finish)
        rc = virStreamFinish(st);
    if (rc < 0)
        err = vrErrorSave();
    virStreamFree(st);
    vrErrorRestore(&err);
    return rc;
}

/* The volume's content as a SHA-256 hex digest (a download stream). */
static char *vol_checksum(virStorageVolPtr vol)
{
    virStreamPtr st = virStreamNew(virStorageVolGetConnect(vol), 0);
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    g_autofree char *buf = g_malloc(XFER_CHUNK);
    char *hex;
    int n;

    assert_non_null(st);
    assert_int_equal(virStorageVolDownload(vol, st, 0, 0, 0), 0);
    while ((n = virStreamRecv(st, buf, XFER_CHUNK)) > 0)
        g_checksum_update(sum, (const guchar *)buf, n);
    assert_int_equal(n, 0);
    assert_int_equal(virStreamFinish(st), 0);
    virStreamFree(st);
    hex = g_strdup(g_checksum_get_string(sum));
    g_checksum_free(sum);
    return hex;
}

static void test_pool_full(void **state)
{
    virConnectPtr conn = open_plan(NULL);
    virStoragePoolPtr pool = default_pool(conn);
    virStorageVolPtr src = make_vol(pool, "src", 4096);
    g_autofree char *content = g_malloc(VOL_BYTES);
    g_autofree char *sum = NULL;
    g_autofree char *want = NULL;
    unsigned long long before;
    virStorageVolInfo info;

    assert_non_null(src);
    assert_int_equal(upload(src, 'a', VOL_BYTES, true), 0);
    before = pool_allocation(pool);
    set_plan(conn, "pool.full always\n");
    /* create: no volume, allocation unchanged */
    assert_null(make_vol(pool, "big", 65536));
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_STORAGE,
                     "cannot allocate 65536 bytes in file '/default-pool/big': "
                     "No space left on device");
    assert_null(virStorageVolLookupByName(pool, "big"));
    /* clone (its allocation given: the default is the storage code's
     * business, not the fault point's) */
    assert_null(virStorageVolCreateXMLFrom(pool, "<volume><name>copy</name>"
                                           "<capacity>0</capacity>"
                                           "<allocation>4096</allocation></volume>",
                                           src, 0));
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_STORAGE,
                     "cannot allocate 4096 bytes in file '/default-pool/copy': "
                     "No space left on device");
    assert_null(virStorageVolLookupByName(pool, "copy"));
    /* resize */
    assert_int_equal(virStorageVolResize(src, 2 * VOL_BYTES,
                                         VIR_STORAGE_VOL_RESIZE_ALLOCATE), -1);
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_STORAGE,
                     "cannot allocate 2097152 bytes in file '/default-pool/src': "
                     "No space left on device");
    assert_int_equal(virStorageVolGetInfo(src, &info), 0);
    assert_int_equal(info.capacity, VOL_BYTES);
    assert_int_equal(info.allocation, 4096);
    assert_int_equal(pool_allocation(pool), before);
    assert_int_equal(virStoragePoolNumOfVolumes(pool), 1);
    assert_int_equal(vrSimControlFaultsFired(conn, VR_SIM_FAULT_POOL_FULL), 3);
    /* and the content is whole */
    assert_int_equal(vrSimControlSetFaultsEnabled(conn, false), 0);
    sum = vol_checksum(src);
    memset(content, 'a', VOL_BYTES);
    want = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)content, VOL_BYTES);
    assert_string_equal(sum, want);
    virStorageVolFree(src);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

static void check_upload_fault(const char *cause, const char *errtext)
{
    g_autofree char *plan_text = g_strdup_printf("storage.upload always cause=%s\n", cause);
    virConnectPtr conn = open_plan(NULL);
    virStoragePoolPtr pool = default_pool(conn);
    virStorageVolPtr vol = make_vol(pool, "disk", 0);
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autofree char *expect = g_strdup_printf("Unable to write /default-pool/disk: %s", errtext);
    unsigned long long alloc;
    virStreamPtr st;

    assert_non_null(vol);
    assert_int_equal(upload(vol, 'x', VOL_BYTES, true), 0);
    before = vol_checksum(vol);
    alloc = pool_allocation(pool);
    set_plan(conn, plan_text);
    /* the send that takes the upload past half its length fails */
    assert_int_equal(upload(vol, 'y', VOL_BYTES, false), -1);
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_STREAMS, expect);
    assert_int_equal(vrSimControlFaultsFired(conn, VR_SIM_FAULT_STORAGE_UPLOAD), 1);
    assert_int_equal(vrSimControlSetFaultsEnabled(conn, false), 0);
    after = vol_checksum(vol);
    assert_string_equal(after, before);          /* nothing half-written visible */
    assert_int_equal(pool_allocation(pool), alloc);
    /* the volume is free again: a new upload works */
    st = virStreamNew(conn, 0);
    assert_int_equal(virStorageVolUpload(vol, st, 0, 0, 0), 0);
    assert_int_equal(virStreamAbort(st), 0);
    virStreamFree(st);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

static void test_upload_halfway(void **state)
{
    check_upload_fault("eio", "Input/output error");
    check_upload_fault("enospc", "No space left on device");
}

static void test_upload_fault_closes_stream(void **state)
{
    virConnectPtr conn = open_plan("storage.upload always\n");
    virStoragePoolPtr pool = default_pool(conn);
    virStorageVolPtr vol = make_vol(pool, "disk", 0);
    virStreamPtr st = virStreamNew(conn, 0);
    g_autofree char *buf = g_malloc0(VOL_BYTES);

    assert_int_equal(virStorageVolUpload(vol, st, 0, VOL_BYTES, 0), 0);
    /* one send of everything: it fails, and only its first half was staged */
    assert_int_equal(virStreamSend(st, buf, VOL_BYTES), -1);
    assert_int_equal(virGetLastError()->code, VIR_ERR_SYSTEM_ERROR);
    assert_int_equal(virStreamFinish(st), -1);
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, -1, "internal error: stream is not open");
    virStreamFree(st);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

static void test_download_halfway(void **state)
{
    virConnectPtr conn = open_plan(NULL);
    virStoragePoolPtr pool = default_pool(conn);
    virStorageVolPtr vol = make_vol(pool, "disk", 0);
    g_autofree char *buf = g_malloc(XFER_CHUNK);
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    virStreamPtr st;
    size_t got = 0;
    int n;

    assert_int_equal(upload(vol, 'z', VOL_BYTES, true), 0);
    before = vol_checksum(vol);
    set_plan(conn, "storage.download nth=1\n");
    st = virStreamNew(conn, 0);
    assert_int_equal(virStorageVolDownload(vol, st, 0, 0, 0), 0);
    while ((n = virStreamRecv(st, buf, XFER_CHUNK)) > 0)
        got += n;
    assert_int_equal(n, -1);
    assert_int_equal(got, VOL_BYTES / 2);        /* the first half arrived */
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_STREAMS,
                     "Unable to read /default-pool/disk: Input/output error");
    virStreamFree(st);
    after = vol_checksum(vol);                   /* nth=1: fires once */
    assert_string_equal(after, before);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

/* ---- pool and network events ---- */

typedef struct {
    int n;
} obj_events;

static void record_obj_event(virConnectPtr conn, void *obj, int event, int detail,
                             void *opaque)
{
    ((obj_events *)opaque)->n++;
}

static void watch_obj_events(virConnectPtr conn, obj_events *seen)
{
    seen->n = 0;
    assert_true(virConnectNetworkEventRegisterAny(conn, NULL, VIR_NETWORK_EVENT_ID_LIFECYCLE,
                                                  VIR_NETWORK_EVENT_CALLBACK(record_obj_event),
                                                  seen, NULL) >= 0);
    assert_true(virConnectStoragePoolEventRegisterAny(
                    conn, NULL, VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
                    VIR_STORAGE_POOL_EVENT_CALLBACK(record_obj_event), seen, NULL) >= 0);
}

#define NET_XML(name, bridge) \
    "<network><name>" name "</name>" bridge \
    "<ip address='10.9.0.1' netmask='255.255.255.0'/></network>"

static void test_network_start_bridge(void **state)
{
    virConnectPtr conn = open_plan(NULL);
    virNetworkPtr net = virNetworkDefineXML(conn, NET_XML("lab", ""));
    virNetworkPtr br = virNetworkDefineXML(conn, NET_XML("br", "<bridge name='br9'/>"));
    obj_events seen;

    assert_non_null(net);
    assert_non_null(br);
    set_plan(conn, "network.start always target=lab\n"
                   "network.start always cause=eexist\n");
    watch_obj_events(conn, &seen);
    /* 'default' holds virbr0: the next bridge libvirt would pick */
    assert_int_equal(virNetworkCreate(net), -1);
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                     "error creating bridge interface virbr1: Operation not permitted");
    assert_int_equal(virNetworkIsActive(net), 0);
    assert_int_equal(virNetworkCreate(br), -1);
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                     "error creating bridge interface br9: File exists");
    assert_int_equal(virNetworkIsActive(br), 0);
    /* a transient network that cannot start is not created */
    assert_null(virNetworkCreateXML(conn, NET_XML("tmp", "<bridge name='br7'/>")));
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                     "error creating bridge interface br7: File exists");
    assert_null(virNetworkLookupByName(conn, "tmp"));
    assert_int_equal(vrSimControlFaultsFired(conn, VR_SIM_FAULT_NETWORK_START), 3);
    flush_events(conn);
    assert_int_equal(seen.n, 0);
    assert_int_equal(vrSimControlSetFaultsEnabled(conn, false), 0);
    assert_int_equal(virNetworkCreate(net), 0);
    virNetworkFree(net);
    virNetworkFree(br);
    virConnectClose(conn);
}

#define POOL_XML(name) \
    "<pool type='dir'><name>" name "</name><target><path>/" name "</path></target></pool>"

static void test_pool_start_build(void **state)
{
    virConnectPtr conn = open_plan("pool.start always\npool.build always\n");
    virStoragePoolPtr pool = virStoragePoolDefineXML(conn, POOL_XML("p1"), 0);
    obj_events seen;

    assert_non_null(pool);
    watch_obj_events(conn, &seen);
    assert_int_equal(virStoragePoolBuild(pool, 0), -1);
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                     "cannot create directory '/p1': Permission denied");
    assert_int_equal(virStoragePoolCreate(pool, 0), -1);
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                     "cannot open directory '/p1': No such file or directory");
    assert_int_equal(virStoragePoolIsActive(pool), 0);
    assert_null(virStoragePoolCreateXML(conn, POOL_XML("p2"), 0));
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                     "cannot open directory '/p2': No such file or directory");
    assert_null(virStoragePoolLookupByName(conn, "p2"));
    flush_events(conn);
    assert_int_equal(seen.n, 0);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

/* Without a state directory the define points model the write failing in
 * /var/lib/vireo/sim; the old definition stays. */
static void test_network_pool_define(void **state)
{
    virConnectPtr conn = open_plan("network.define always\npool.define always\n");
    virNetworkPtr net = virNetworkLookupByName(conn, "default");
    g_autofree char *net_before = virNetworkGetXMLDesc(net, VIR_NETWORK_XML_INACTIVE);
    g_autofree char *net_after = NULL;
    obj_events seen;

    watch_obj_events(conn, &seen);
    assert_null(virNetworkDefineXML(conn, NET_XML("lab", "")));
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_NETWORK,
                     "cannot write data to file '/var/lib/vireo/sim/networks/lab.xml.new': "
                     "No space left on device");
    assert_null(virNetworkLookupByName(conn, "lab"));
    assert_null(virStoragePoolDefineXML(conn, POOL_XML("p1"), 0));
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_STORAGE,
                     "cannot write data to file '/var/lib/vireo/sim/storage/p1.xml.new': "
                     "No space left on device");
    assert_null(virStoragePoolLookupByName(conn, "p1"));
    net_after = virNetworkGetXMLDesc(net, VIR_NETWORK_XML_INACTIVE);
    assert_string_equal(net_after, net_before);
    flush_events(conn);
    assert_int_equal(seen.n, 0);
    virNetworkFree(net);
    virConnectClose(conn);
}

static void test_not_a_sim_connection(void **state)
{
    assert_int_equal(vrSimControlFlushEvents(NULL), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "invalid argument: connection is not a simulated node");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_start_out_of_memory),
        cmocka_unit_test(test_start_errors_come_first),
        cmocka_unit_test(test_start_no_emulator),
        cmocka_unit_test(test_destroy_ebusy),
        cmocka_unit_test(test_shutdown_acpi_ignored),
        cmocka_unit_test(test_suspend_resume),
        cmocka_unit_test(test_save_disk_full),
        cmocka_unit_test(test_save_real_error_first),
        cmocka_unit_test(test_restore_corrupt),
        cmocka_unit_test(test_define_write_fails),
        cmocka_unit_test(test_crash_actions),
        cmocka_unit_test(test_crash_preserved_then_destroyed),
        cmocka_unit_test(test_crash_fault_point),
        cmocka_unit_test(test_triggers),
        cmocka_unit_test(test_after_and_slow),
        cmocka_unit_test(test_overrides),
        cmocka_unit_test(test_plan_errors),
        cmocka_unit_test(test_plan_from_uri),
        cmocka_unit_test(test_plan_files),
        cmocka_unit_test(test_plan_rule_lines),
        cmocka_unit_test(test_trigger_statistics),
        cmocka_unit_test(test_uri_parameters),
        cmocka_unit_test(test_pool_full),
        cmocka_unit_test(test_upload_halfway),
        cmocka_unit_test(test_upload_fault_closes_stream),
        cmocka_unit_test(test_download_halfway),
        cmocka_unit_test(test_network_start_bridge),
        cmocka_unit_test(test_pool_start_build),
        cmocka_unit_test(test_network_pool_define),
        cmocka_unit_test(test_not_a_sim_connection),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
