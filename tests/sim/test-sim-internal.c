/* White-box tests of sim/ and drivers/event_state.c: the virtual clock,
 * the domain list's name/UUID rules and definition swaps, the state
 * machine's reasons, save image round trips, and event queue edges
 * (ordering, no listeners, self-removal during dispatch, the queue limit). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "drivers/datatypes.h"
#include "drivers/event_state.h"
#include "sim/capabilities.h"
#include "sim/clock.h"
#include "sim/domain_obj.h"
#include "sim/node.h"
#include "sim/save_image.h"
#include "sim/driver_priv.h"
#include "util/error.h"
#include "util/uri.h"

#define U1 "11111111-2222-3333-4444-555555555501"
#define U2 "11111111-2222-3333-4444-555555555502"

static vrDomainDef *mkdef(const char *name, const char *uuid)
{
    g_autofree char *xml = g_strdup_printf(
        "<domain type='test'><name>%s</name><uuid>%s</uuid><memory>1024</memory>"
        "<vcpu>2</vcpu><os><type>hvm</type></os></domain>", name, uuid);
    vrDomainDef *def = vrDomainDefParseString(xml, VR_DOMAIN_DEF_PARSE_INACTIVE);

    assert_non_null(def);
    return def;
}

static void test_clock(void **state)
{
    vrSimClock clock;

    vrSimClockInit(&clock, 5, 10);
    assert_int_equal(vrSimClockNow(&clock), 5);
    assert_int_equal(vrSimClockTick(&clock), 15);
    assert_int_equal(vrSimClockAdvance(&clock, 100), 115);
    assert_int_equal(vrSimClockAdvance(&clock, G_MAXUINT64), G_MAXUINT64);
    assert_int_equal(vrSimClockTick(&clock), G_MAXUINT64);
}

static void test_domain_list_rules(void **state)
{
    vrSimDomainList *list = vrSimDomainListNew();
    vrDomainDef *old = NULL, *def;
    vrSimDomain *a, *b;
    g_autoptr(GPtrArray) sorted = NULL;

    a = vrSimDomainListAdd(list, mkdef("a", U1), 0, &old);
    assert_non_null(a);
    assert_null(old);
    assert_false(vrSimDomainIsActive(a));
    def = mkdef("a", U2);
    assert_null(vrSimDomainListAdd(list, def, 0, NULL));
    assert_int_equal(vrErrorLast()->code, VIR_ERR_OPERATION_FAILED);
    vrDomainDefFree(def);
    def = mkdef("other", U1);
    assert_null(vrSimDomainListAdd(list, def, 0, NULL));
    assert_string_equal(vrErrorLast()->message,
                        "operation failed: domain 'a' is already defined with uuid " U1);
    vrDomainDefFree(def);

    /* redefining an inactive domain replaces its definition */
    assert_ptr_equal(vrSimDomainListAdd(list, mkdef("a", U1), 0, &old), a);
    assert_non_null(old);
    vrDomainDefFree(old);

    /* a live add keeps the persistent definition for shutdown */
    a->persistent = true;
    def = mkdef("a", U1);
    def->mem_max_kib = 4096;
    assert_ptr_equal(vrSimDomainListAdd(list, def, VR_SIM_DOMAIN_ADD_LIVE |
                                        VR_SIM_DOMAIN_ADD_CHECK_LIVE, NULL), a);
    vrSimDomainStart(a, 7, VIR_DOMAIN_RUNNING_BOOTED, 0);
    assert_int_equal(a->def->mem_max_kib, 4096);
    assert_int_equal(vrSimDomainInactiveDef(a)->mem_max_kib, 1024);
    def = mkdef("a", U1);
    assert_null(vrSimDomainListAdd(list, def, VR_SIM_DOMAIN_ADD_LIVE |
                                   VR_SIM_DOMAIN_ADD_CHECK_LIVE, NULL));
    assert_int_equal(vrErrorLast()->code, VIR_ERR_OPERATION_INVALID);
    vrDomainDefFree(def);
    assert_ptr_equal(vrSimDomainListFindByID(list, 7), a);
    assert_null(vrSimDomainListFindByID(list, 8));
    vrSimDomainStop(a, VIR_DOMAIN_SHUTOFF_DESTROYED, 0);
    assert_int_equal(a->def->mem_max_kib, 1024);
    assert_int_equal(a->def->id, -1);
    assert_null(a->new_def);
    assert_null(vrSimDomainListFindByID(list, 7));

    b = vrSimDomainListAdd(list, mkdef("B", U2), 0, NULL);
    vrSimDomainStart(b, 3, VIR_DOMAIN_RUNNING_BOOTED, 0);
    sorted = vrSimDomainListSorted(list);
    assert_int_equal(sorted->len, 2);
    assert_ptr_equal(g_ptr_array_index(sorted, 0), b);
    assert_ptr_equal(g_ptr_array_index(sorted, 1), a);
    vrSimDomainListRemove(list, b);
    assert_null(vrSimDomainListFindByName(list, "B"));
    assert_int_equal(vrSimDomainListCount(list), 1);
    vrSimDomainListFree(list);
}

static void test_cpu_accounting(void **state)
{
    vrSimDomainList *list = vrSimDomainListNew();
    vrSimDomain *d = vrSimDomainListAdd(list, mkdef("c", U1), 0, NULL);

    vrSimDomainStart(d, 1, VIR_DOMAIN_RUNNING_BOOTED, 1000);
    assert_int_equal(vrSimDomainCpuTime(d, 1500), 1000);      /* 2 vcpus x 500 ns */
    vrSimDomainSetState(d, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER, 2000);
    assert_int_equal(vrSimDomainCpuTime(d, 9000), 2000);
    vrSimDomainSetState(d, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNPAUSED, 9000);
    vrSimDomainBankCpu(d, 9100);
    d->def->vcpus_cur = 1;
    assert_int_equal(vrSimDomainCpuTime(d, 9200), 2300);
    /* a new boot starts from zero */
    vrSimDomainStop(d, VIR_DOMAIN_SHUTOFF_SHUTDOWN, 9300);
    vrSimDomainStart(d, 2, VIR_DOMAIN_RUNNING_BOOTED, 10000);
    assert_int_equal(vrSimDomainCpuTime(d, 10000), 0);
    vrSimDomainListFree(list);
}

static void test_modification_impact(void **state)
{
    vrSimDomainList *list = vrSimDomainListNew();
    vrSimDomain *d = vrSimDomainListAdd(list, mkdef("m", U1), 0, NULL);
    vrDomainDef *live, *config;
    bool is_live = true;

    assert_int_equal(vrSimDomainGetDefs(d, 0, &live, &config), -1);
    assert_string_equal(vrErrorLast()->message, "Requested operation is not valid: "
                        "transient domains do not have any persistent config");
    d->persistent = true;
    assert_int_equal(vrSimDomainGetDefs(d, 0, &live, &config), 0);
    assert_null(live);
    assert_ptr_equal(config, d->def);
    assert_ptr_equal(vrSimDomainGetOneDef(d, 0, &is_live), d->def);
    assert_false(is_live);
    assert_null(vrSimDomainGetOneDef(d, VIR_DOMAIN_AFFECT_LIVE, NULL));
    assert_int_equal(vrErrorLast()->domain, VIR_FROM_DOMAIN);
    vrSimDomainStart(d, 1, VIR_DOMAIN_RUNNING_BOOTED, 0);
    assert_int_equal(vrSimDomainGetDefs(d, VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG,
                                        &live, &config), 0);
    assert_ptr_equal(live, d->def);
    assert_ptr_equal(config, d->new_def);
    assert_ptr_equal(vrSimDomainGetOneDef(d, 0, &is_live), d->def);
    assert_true(is_live);
    vrSimDomainListFree(list);
}

static void test_save_image_roundtrip(void **state)
{
    char path[] = "/tmp/vireo-sim-image-XXXXXX";
    vrDomainDef *def = mkdef("img", U1), *back;
    vrSimSaveState st = 0;
    int fd = mkstemp(path);

    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(vrSimSaveImageWrite(path, def, VR_SIM_SAVE_STATE_PAUSED), 0);
    back = vrSimSaveImageRead(path, &st);
    assert_non_null(back);
    assert_int_equal(st, VR_SIM_SAVE_STATE_PAUSED);
    assert_string_equal(back->name, "img");
    assert_memory_equal(back->uuid, def->uuid, VIR_UUID_BUFLEN);
    assert_int_equal(back->vcpus_max, 2);
    unlink(path);
    vrDomainDefFree(back);
    vrDomainDefFree(def);
}

/* What vireo-sim may clear from a reused work dir: a file a save wrote,
 * whole or torn after its magic -- and nothing else. */
static void test_save_image_magic(void **state)
{
    g_autofree char *dir = g_dir_make_tmp("vireo-sim-magic-XXXXXX", NULL);
    g_autofree char *image = g_build_filename(dir, "img", NULL);
    g_autofree char *torn = g_build_filename(dir, "torn", NULL);
    g_autofree char *other = g_build_filename(dir, "other", NULL);
    g_autofree char *link = g_build_filename(dir, "link", NULL);
    g_autofree char *data = NULL;
    vrDomainDef *def = mkdef("img", U1);
    gsize len = 0;

    assert_non_null(dir);
    assert_int_equal(vrSimSaveImageWrite(image, def, VR_SIM_SAVE_STATE_RUNNING), 0);
    assert_true(vrSimSaveImageHasMagic(image));
    assert_true(g_file_get_contents(image, &data, &len, NULL));
    assert_true(g_file_set_contents(torn, data, 16, NULL));
    assert_true(vrSimSaveImageHasMagic(torn));
    assert_true(g_file_set_contents(torn, data, 15, NULL));
    assert_false(vrSimSaveImageHasMagic(torn));
    assert_true(g_file_set_contents(other, "VireoSimSave but not an image", -1, NULL));
    assert_false(vrSimSaveImageHasMagic(other));
    assert_int_equal(symlink(image, link), 0);
    assert_false(vrSimSaveImageHasMagic(link));
    assert_false(vrSimSaveImageHasMagic(dir));
    unlink(link);
    unlink(image);
    unlink(torn);
    unlink(other);
    assert_false(vrSimSaveImageHasMagic(image));
    rmdir(dir);
    vrDomainDefFree(def);
}

static void test_capabilities_no_cells(void **state)
{
    vrSimNode node = { .ncells = 0 };
    g_autofree char *caps = vrSimCapabilitiesFormat(&node);

    assert_non_null(strstr(caps, "      <cells num='0'>\n      </cells>\n"));
    assert_true(g_str_has_suffix(caps, "</guest>\n\n</capabilities>\n"));
}

/* The open slot: other schemes, transports and hosts are declined (the
 * registry then tries the next driver); ?seed= is kept on the connection. */
static void test_open_slot(void **state)
{
    static const char *const declined[] = {
        "qemu:///system", "test+unix:///default", "test://host/default",
        "sim+tcp://h/default", "lxc:///",
    };
    virConnect conn = { 0 };
    vrSimConn *sc;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(declined); i++) {
        g_autoptr(vrURI) uri = vrURIParse(declined[i]);

        assert_non_null(uri);
        assert_int_equal(vrSimDriver.connectOpen(&conn, uri, NULL, 0), VR_DRV_OPEN_DECLINED);
        assert_null(conn.privateData);
    }
    {
        g_autoptr(vrURI) uri = vrURIParse("test:///default?seed=42&private=1");

        assert_int_equal(vrSimDriver.connectOpen(&conn, uri, NULL, 0), VR_DRV_OPEN_SUCCESS);
        sc = conn.privateData;
        assert_true(sc->has_seed);
        assert_int_equal(sc->seed, 42);
        assert_true(sc->private_node);
        assert_int_equal(vrSimDriver.connectClose(&conn), 0);
        assert_null(conn.privateData);
    }
    {
        g_autoptr(vrURI) uri = vrURIParse("sim:///default");

        assert_int_equal(vrSimDriver.connectOpen(&conn, uri, NULL, 1u << 5),
                         VR_DRV_OPEN_ERROR);
        assert_string_equal(vrErrorLast()->message,
                            "unsupported flags (0x20) in function testConnectOpen");
    }
}

/* ---- event state ---- */

typedef struct {
    int count;
    int details[16];
    int freed;
    vrEventState *es;
    int self_id;
} ev_sink;

static int ev_record(virConnectPtr conn, virDomainPtr dom, int event, int detail, void *opaque)
{
    ev_sink *sink = opaque;

    if (sink->count < 16)
        sink->details[sink->count] = detail;
    sink->count++;
    if (sink->es)   /* removes itself while being dispatched */
        assert_int_equal(vrEventStateDeregister(sink->es, conn, sink->self_id), 0);
    return 0;
}

/* A second function: the same one twice would be a duplicate registration. */
static int ev_record_again(virConnectPtr conn, virDomainPtr dom, int event, int detail,
                           void *opaque)
{
    return ev_record(conn, dom, event, detail, opaque);
}

static void ev_free(void *opaque)
{
    ((ev_sink *)opaque)->freed++;
}

#define CB(f) ((virConnectDomainEventGenericCallback)(void (*)(void))(f))

static void test_event_state(void **state)
{
    static const unsigned char uuid[VIR_UUID_BUFLEN] = { 1 };
    virConnectPtr conn = virConnectOpen("sim:///default?private=1");
    vrEventState *es = vrEventStateNew();
    ev_sink a = { 0 }, b = { 0 };
    int i, id;

    assert_non_null(conn);
    assert_int_equal(virEventRegisterDefaultImpl(), 0);
    /* no listener: the event is dropped */
    vrEventStateQueueLifecycle(es, "x", uuid, 1, 0, 9);
    vrEventStateFlush(es);
    id = vrEventStateRegisterDomain(es, conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                    CB(ev_record), &a, ev_free);
    assert_int_equal(id, 0);
    for (i = 0; i < 5; i++)
        vrEventStateQueueLifecycle(es, "x", uuid, 1, 0, i);
    vrEventStateFlush(es);
    assert_int_equal(a.count, 5);
    for (i = 0; i < 5; i++)
        assert_int_equal(a.details[i], i);

    /* a callback that removes itself: called once, freed once */
    b.es = es;
    assert_int_equal(vrEventStateRegisterDomain(es, conn, NULL,
                                                VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                                CB(ev_record), &b, ev_free), -1);
    assert_string_equal(vrErrorLast()->message,
                        "invalid argument: event callback already tracked");
    b.self_id = vrEventStateRegisterDomain(es, conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                           CB(ev_record_again), &b, ev_free);
    assert_int_equal(b.self_id, 1);
    vrEventStateQueueLifecycle(es, "x", uuid, 1, 0, 1);
    vrEventStateQueueLifecycle(es, "x", uuid, 1, 0, 2);
    vrEventStateFlush(es);
    assert_int_equal(b.count, 1);
    assert_int_equal(b.freed, 1);
    assert_int_equal(a.count, 7);

    /* the queue is bounded: a stalled loop drops what does not fit */
    a.count = 0;
    for (i = 0; i < 70000; i++)
        vrEventStateQueueLifecycle(es, "x", uuid, 1, 0, 0);
    vrEventStateFlush(es);
    assert_int_equal(a.count, 65536);

    vrEventStateRemoveConn(es, conn);
    assert_int_equal(a.freed, 1);
    assert_int_equal(vrEventStateDeregister(es, conn, id), -1);
    assert_string_equal(vrErrorLast()->message,
                        "invalid argument: could not find event callback 0 for deletion");
    vrEventStateFree(es);
    virConnectClose(conn);
    /* the removed timer's free function runs from the loop */
    g_main_context_iteration(NULL, FALSE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clock),
        cmocka_unit_test(test_domain_list_rules),
        cmocka_unit_test(test_cpu_accounting),
        cmocka_unit_test(test_modification_impact),
        cmocka_unit_test(test_save_image_roundtrip),
        cmocka_unit_test(test_save_image_magic),
        cmocka_unit_test(test_capabilities_no_cells),
        cmocka_unit_test(test_open_slot),
        cmocka_unit_test(test_event_state),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
