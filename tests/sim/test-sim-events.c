/* Domain events from the sim driver through the application's event loop:
 * the exact lifecycle sequence libvirt 9.0's test driver emits for each
 * operation, filters, deregistration and the no-event-loop error. */
#include "sim_test.h"

#include <unistd.h>

#define T2_UUID "11111111-2222-3333-4444-555555555502"
#define N1_UUID "11111111-2222-3333-4444-555555555503"
#define EV_MAX 64
#define EV_PUMP_ROUNDS 40           /* loop iterations before giving up */
#define EV_GUARD_MS 5               /* wakes the loop when nothing is due */
#define EV_REBOOT (-1)              /* event field of a REBOOT record */

typedef struct {
    char tag;                       /* which callback: its opaque */
    char name[64];
    int id;
    int event;
    int detail;
} ev_record;

static ev_record evs[EV_MAX];
static int nevs;
static int freed;

static void ev_add(char tag, virDomainPtr dom, int event, int detail)
{
    assert_true(nevs < EV_MAX);
    evs[nevs].tag = tag;
    snprintf(evs[nevs].name, sizeof(evs[nevs].name), "%s", virDomainGetName(dom));
    evs[nevs].id = virDomainGetID(dom);
    evs[nevs].event = event;
    evs[nevs].detail = detail;
    nevs++;
}

static int on_lifecycle(virConnectPtr conn, virDomainPtr dom, int event, int detail,
                        void *opaque)
{
    ev_add(*(const char *)opaque, dom, event, detail);
    return 0;
}

static void on_reboot(virConnectPtr conn, virDomainPtr dom, void *opaque)
{
    ev_add(*(const char *)opaque, dom, EV_REBOOT, 0);
}

static void on_free(void *opaque)
{
    freed++;
}

static void guard(int timer, void *opaque)
{
}

/* Run the loop until `want` events arrived, then a few more rounds to catch
 * any extra one; returns how many arrived. */
static int pump(int want)
{
    int i;

    for (i = 0; i < EV_PUMP_ROUNDS && nevs < want; i++)
        virEventRunDefaultImpl();
    for (i = 0; i < 3; i++)
        virEventRunDefaultImpl();
    return nevs;
}

#define expect(i, tag_, name_, id_, event_, detail_) \
    do { \
        assert_int_equal(evs[i].tag, tag_); \
        assert_string_equal(evs[i].name, name_); \
        assert_int_equal(evs[i].id, id_); \
        assert_int_equal(evs[i].event, event_); \
        assert_int_equal(evs[i].detail, detail_); \
    } while (0)

static const char tag_l = 'L', tag_r = 'R', tag_d = 'D', tag_x = 'X';

/* Must run first: no event loop implementation is registered yet. */
static void test_register_without_loop(void **state)
{
    virConnectPtr conn = sim_open();

    assert_int_equal(virConnectDomainEventRegisterAny(conn, NULL,
                         VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                         SIM_CB(on_lifecycle), (void *)&tag_l, NULL), -1);
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_NONE,
                     "internal error: could not initialize domain event timer");
    virConnectClose(conn);
    assert_int_equal(virEventRegisterDefaultImpl(), 0);
    assert_true(virEventAddTimeout(EV_GUARD_MS, guard, NULL, NULL) > 0);
}

static void test_lifecycle_sequence(void **state)
{
    virConnectPtr conn = sim_open();
    virDomainPtr test = virDomainLookupByName(conn, "test");
    virDomainPtr t2;
    int lid, rid;

    nevs = 0;
    lid = virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                           SIM_CB(on_lifecycle),
                                           (void *)&tag_l, on_free);
    rid = virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_REBOOT,
                                           SIM_CB(on_reboot),
                                           (void *)&tag_r, on_free);
    assert_int_equal(lid, 0);
    assert_int_equal(rid, 1);

    t2 = virDomainCreateXML(conn, sim_domain_xml("t2", T2_UUID, 1024, 1), 0);
    assert_int_equal(pump(1), 1);
    expect(0, 'L', "t2", 2, VIR_DOMAIN_EVENT_STARTED, VIR_DOMAIN_EVENT_STARTED_BOOTED);
    /* define over a running transient domain: it was not defined before */
    virDomainFree(virDomainDefineXML(conn, sim_domain_xml("t2", T2_UUID, 1024, 1)));
    nevs = 0;
    assert_int_equal(pump(1), 1);
    expect(0, 'L', "t2", 2, VIR_DOMAIN_EVENT_DEFINED, VIR_DOMAIN_EVENT_DEFINED_ADDED);
    virDomainFree(virDomainDefineXML(conn, sim_domain_xml(
        "test", "6695eb01-f6a4-8304-79aa-97f2502e193f", 524288, 1)));
    assert_int_equal(virDomainUndefine(t2), 0);
    assert_int_equal(virDomainDestroy(t2), 0);
    nevs = 0;
    assert_int_equal(pump(3), 3);
    expect(0, 'L', "test", 1, VIR_DOMAIN_EVENT_DEFINED, VIR_DOMAIN_EVENT_DEFINED_UPDATED);
    expect(1, 'L', "t2", 2, VIR_DOMAIN_EVENT_UNDEFINED, VIR_DOMAIN_EVENT_UNDEFINED_REMOVED);
    expect(2, 'L', "t2", -1, VIR_DOMAIN_EVENT_STOPPED, VIR_DOMAIN_EVENT_STOPPED_DESTROYED);

    assert_int_equal(virDomainShutdown(test), 0);
    assert_int_equal(virDomainCreate(test), 0);
    assert_int_equal(virDomainReboot(test, 0), 0);
    assert_int_equal(virDomainReset(test, 0), 0);
    assert_int_equal(virDomainSuspend(test), 0);
    assert_int_equal(virDomainResume(test), 0);
    nevs = 0;
    /* shutdown is STOPPED/SHUTDOWN alone; reboot has no lifecycle event;
     * reset has none at all */
    assert_int_equal(pump(5), 5);
    expect(0, 'L', "test", -1, VIR_DOMAIN_EVENT_STOPPED, VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN);
    expect(1, 'L', "test", 3, VIR_DOMAIN_EVENT_STARTED, VIR_DOMAIN_EVENT_STARTED_BOOTED);
    expect(2, 'R', "test", 3, EV_REBOOT, 0);
    expect(3, 'L', "test", 3, VIR_DOMAIN_EVENT_SUSPENDED, VIR_DOMAIN_EVENT_SUSPENDED_PAUSED);
    expect(4, 'L', "test", 3, VIR_DOMAIN_EVENT_RESUMED, VIR_DOMAIN_EVENT_RESUMED_UNPAUSED);

    virDomainFree(t2);
    virDomainFree(test);
    virConnectClose(conn);
}

/* Managed save, undefine, define, failures and deregistration. */
static void test_lifecycle_sequence_2(void **state)
{
    virConnectPtr conn = sim_open();
    virDomainPtr test = virDomainLookupByName(conn, "test");
    virDomainPtr t2 = virDomainCreateXML(conn, sim_domain_xml("t2", T2_UUID, 1024, 1), 0);
    int lid;

    lid = virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                           SIM_CB(on_lifecycle), (void *)&tag_l, on_free);
    assert_true(virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_REBOOT,
                                                 SIM_CB(on_reboot), (void *)&tag_r,
                                                 on_free) > lid);
    assert_int_equal(virDomainManagedSave(test, 0), 0);
    assert_int_equal(virDomainCreate(test), 0);
    assert_int_equal(virDomainManagedSave(test, 0), 0);
    assert_int_equal(virDomainUndefine(test), -1);
    assert_int_equal(virDomainManagedSaveRemove(test, 0), 0);
    assert_int_equal(virDomainUndefine(test), 0);
    nevs = 0;
    assert_int_equal(pump(4), 4);
    expect(0, 'L', "test", -1, VIR_DOMAIN_EVENT_STOPPED, VIR_DOMAIN_EVENT_STOPPED_SAVED);
    expect(1, 'L', "test", 3, VIR_DOMAIN_EVENT_STARTED, VIR_DOMAIN_EVENT_STARTED_BOOTED);
    expect(2, 'L', "test", -1, VIR_DOMAIN_EVENT_STOPPED, VIR_DOMAIN_EVENT_STOPPED_SAVED);
    expect(3, 'L', "test", -1, VIR_DOMAIN_EVENT_UNDEFINED,
           VIR_DOMAIN_EVENT_UNDEFINED_REMOVED);

    virDomainFree(virDomainDefineXML(conn, sim_domain_xml("n1", N1_UUID, 1024, 1)));
    virDomainFree(virDomainDefineXML(conn, sim_domain_xml("n1", N1_UUID, 1024, 1)));
    nevs = 0;
    assert_int_equal(pump(2), 2);
    expect(0, 'L', "n1", -1, VIR_DOMAIN_EVENT_DEFINED, VIR_DOMAIN_EVENT_DEFINED_ADDED);
    expect(1, 'L', "n1", -1, VIR_DOMAIN_EVENT_DEFINED, VIR_DOMAIN_EVENT_DEFINED_UPDATED);

    /* failed operations emit nothing */
    assert_int_equal(virDomainResume(t2), -1);
    assert_null(virDomainDefineXML(conn, "<domain"));
    nevs = 0;
    assert_int_equal(pump(1), 0);

    freed = 0;
    assert_int_equal(virConnectDomainEventDeregisterAny(conn, lid), 0);
    assert_int_equal(freed, 1);
    assert_int_equal(virConnectDomainEventDeregisterAny(conn, lid), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_NONE,
                     "invalid argument: could not find event callback 0 for deletion");
    virDomainFree(t2);
    virDomainFree(test);
    /* closing the connection drops its remaining callback */
    virConnectClose(conn);
    assert_int_equal(freed, 2);
}

static void test_restore_events(void **state)
{
    virConnectPtr conn = sim_open();
    virDomainPtr dom = virDomainCreateXML(conn, sim_domain_xml("r1", NULL, 1024, 1), 0);
    char path[] = "/tmp/vireo-sim-events-XXXXXX";
    int fd = mkstemp(path);

    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(virConnectDomainEventRegisterAny(conn, NULL,
                         VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                         SIM_CB(on_lifecycle), (void *)&tag_l, NULL), 0);
    nevs = 0;
    assert_int_equal(virDomainSave(dom, path), 0);
    assert_int_equal(virDomainRestore(conn, path), 0);
    assert_int_equal(virDomainDestroy(dom), 0);
    assert_int_equal(virDomainRestoreFlags(conn, path, NULL, VIR_DOMAIN_SAVE_PAUSED), 0);
    assert_int_equal(pump(5), 5);
    expect(0, 'L', "r1", -1, VIR_DOMAIN_EVENT_STOPPED, VIR_DOMAIN_EVENT_STOPPED_SAVED);
    expect(1, 'L', "r1", 3, VIR_DOMAIN_EVENT_STARTED, VIR_DOMAIN_EVENT_STARTED_RESTORED);
    expect(2, 'L', "r1", -1, VIR_DOMAIN_EVENT_STOPPED, VIR_DOMAIN_EVENT_STOPPED_DESTROYED);
    expect(3, 'L', "r1", 4, VIR_DOMAIN_EVENT_STARTED, VIR_DOMAIN_EVENT_STARTED_RESTORED);
    expect(4, 'L', "r1", 4, VIR_DOMAIN_EVENT_SUSPENDED, VIR_DOMAIN_EVENT_SUSPENDED_PAUSED);
    unlink(path);
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_domain_filter_and_duplicates(void **state)
{
    virConnectPtr conn = sim_open();
    virDomainPtr test = virDomainLookupByName(conn, "test");
    virDomainPtr other = virDomainCreateXML(conn, sim_domain_xml("o1", NULL, 1024, 1), 0);
    int id;

    id = virConnectDomainEventRegisterAny(conn, test, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                          SIM_CB(on_lifecycle),
                                          (void *)&tag_d, NULL);
    assert_true(id >= 0);
    assert_int_equal(virConnectDomainEventRegisterAny(conn, test,
                         VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                         SIM_CB(on_lifecycle), (void *)&tag_x, NULL), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_NONE,
                     "invalid argument: event callback already tracked");
    /* another event id, or no domain filter, is a different registration */
    assert_true(virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_TUNABLE,
                    SIM_CB(on_lifecycle), (void *)&tag_x, NULL) > id);
    nevs = 0;
    assert_int_equal(virDomainSuspend(other), 0);
    assert_int_equal(virDomainSuspend(test), 0);
    assert_int_equal(pump(1), 1);
    expect(0, 'D', "test", 1, VIR_DOMAIN_EVENT_SUSPENDED, VIR_DOMAIN_EVENT_SUSPENDED_PAUSED);
    virDomainFree(other);
    virDomainFree(test);
    virConnectClose(conn);
}

/* Connections to the shared default node see each other's events. */
static void test_shared_node_events(void **state)
{
    virConnectPtr a, b;
    virDomainPtr dom;

    virSetErrorFunc(NULL, sim_quiet);
    a = virConnectOpen("test:///default");
    b = virConnectOpen("sim:///default");
    assert_int_equal(virConnectDomainEventRegisterAny(a, NULL,
                         VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                         SIM_CB(on_lifecycle), (void *)&tag_l, NULL), 0);
    nevs = 0;
    dom = virDomainDefineXML(b, sim_domain_xml("from-b", NULL, 1024, 1));
    assert_int_equal(pump(1), 1);
    expect(0, 'L', "from-b", -1, VIR_DOMAIN_EVENT_DEFINED, VIR_DOMAIN_EVENT_DEFINED_ADDED);
    virDomainFree(dom);
    virConnectClose(a);
    virConnectClose(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_register_without_loop),
        cmocka_unit_test(test_lifecycle_sequence),
        cmocka_unit_test(test_lifecycle_sequence_2),
        cmocka_unit_test(test_restore_events),
        cmocka_unit_test(test_domain_filter_and_duplicates),
        cmocka_unit_test(test_shared_node_events),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
