/* The sim node's state directory (sim:///default?statedir=DIR): every
 * define, undefine, autostart change and start reaches the files; a node
 * reopened on the directory finds the same domains (running ones in their
 * state, with their ids), networks, pools and volumes; a malformed file is
 * an error naming it; a failing define leaves the old file byte for byte. */
#include "sim_test.h"

#include <sys/stat.h>
#include <unistd.h>
#include <glib.h>

#include "sim/control.h"
#include "sim/fault.h"

#define NAMES_MAX 16

static char topdir[] = "/tmp/vireo-sim-persist-XXXXXX";
static int ndirs;

static int setup(void **state)
{
    virSetErrorFunc(NULL, sim_quiet);
    return mkdtemp(topdir) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[256];

    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", topdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* A state directory no test used yet (not created). */
static char *new_dir(void)
{
    return g_strdup_printf("%s/state%d", topdir, ndirs++);
}

static virConnectPtr open_dir(const char *dir, const char *extra)
{
    g_autofree char *uri = g_strdup_printf("sim:///default?statedir=%s%s", dir,
                                           extra ? extra : "");
    virConnectPtr conn = virConnectOpen(uri);

    if (!conn)
        fail_msg("%s: %s", uri, virGetLastError()->message);
    return conn;
}

static char *file_in(const char *dir, const char *rel)
{
    g_autofree char *path = g_build_filename(dir, rel, NULL);
    char *data = NULL;

    if (!g_file_get_contents(path, &data, NULL, NULL))
        return NULL;
    return data;
}

static bool exists_in(const char *dir, const char *rel)
{
    g_autofree char *path = g_build_filename(dir, rel, NULL);

    return g_file_test(path, G_FILE_TEST_EXISTS);
}

static void put_file(const char *dir, const char *rel, const char *data)
{
    g_autofree char *path = g_build_filename(dir, rel, NULL);

    assert_true(g_file_set_contents(path, data, -1, NULL));
}

static char *dom_xml(const char *name, unsigned long mem_kib)
{
    return g_strdup_printf("<domain type='test'><name>%s</name>"
                           "<uuid>00000000-0000-4000-8000-0000%08x</uuid>"
                           "<memory unit='KiB'>%lu</memory><vcpu>1</vcpu>"
                           "<os><type>hvm</type></os></domain>",
                           name, g_str_hash(name), mem_kib);
}

static virDomainPtr define_xml(virConnectPtr conn, const char *xml)
{
    virDomainPtr dom = virDomainDefineXML(conn, xml);

    assert_non_null(dom);
    return dom;
}

static virDomainPtr define(virConnectPtr conn, const char *name, unsigned long mem_kib)
{
    g_autofree char *xml = dom_xml(name, mem_kib);

    return define_xml(conn, xml);
}

/* The file of dom equals its persistent XML. */
static void assert_dom_file(const char *dir, virDomainPtr dom)
{
    g_autofree char *rel = g_strdup_printf("%s.xml", virDomainGetName(dom));
    g_autofree char *file = file_in(dir, rel);
    g_autofree char *xml = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE |
                                                    VIR_DOMAIN_XML_SECURE);

    assert_non_null(file);
    assert_string_equal(file, xml);
}

/* ---- a fresh directory ---- */

static void test_fresh_dir_gets_default_node(void **state)
{
    g_autofree char *dir = new_dir();
    virConnectPtr conn = open_dir(dir, NULL);
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    virNetworkPtr net = virNetworkLookupByName(conn, "default");
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, "default-pool");
    g_autofree char *stamp = file_in(dir, "vireo-sim-state");
    g_autofree char *net_file = file_in(dir, "networks/default.xml");
    g_autofree char *net_xml = virNetworkGetXMLDesc(net, VIR_NETWORK_XML_INACTIVE);
    g_autofree char *pool_file = file_in(dir, "storage/default-pool.xml");
    g_autofree char *pool_xml = virStoragePoolGetXMLDesc(pool, 0);
    g_autofree char *status = file_in(dir, "run/test.xml");
    g_autofree char *got = vrSimControlStateDir(conn);

    assert_string_equal(stamp, "vireo-sim state 1\n");
    assert_dom_file(dir, dom);
    assert_non_null(status);
    assert_true(g_str_has_prefix(status, "<domstatus state='1' reason='0' id='1'>\n"
                                         "  <domain type='test' id='1'>\n"));
    assert_string_equal(net_file, net_xml);
    assert_true(exists_in(dir, "run/networks/default.xml"));
    assert_string_equal(pool_file, pool_xml);
    assert_true(exists_in(dir, "run/storage/default-pool.xml"));
    assert_string_equal(got, dir);
    virDomainFree(dom);
    virNetworkFree(net);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

static void test_no_state_dir(void **state)
{
    virConnectPtr conn = sim_open();

    assert_null(vrSimControlStateDir(conn));
    assert_null(virGetLastError());
    assert_int_equal(vrSimControlSyncState(conn), 0);
    virConnectClose(conn);
}

/* ---- changes reach the files ---- */

static void test_changes_reach_disk(void **state)
{
    g_autofree char *dir = new_dir();
    virConnectPtr conn = open_dir(dir, NULL);
    virDomainPtr dom = define(conn, "w1", 1024);
    g_autofree char *status = NULL;
    virDomainPtr test;

    assert_dom_file(dir, dom);
    assert_int_equal(virDomainSetAutostart(dom, 1), 0);
    assert_true(exists_in(dir, "autostart/w1.xml"));
    assert_int_equal(virDomainSetAutostart(dom, 0), 0);
    assert_false(exists_in(dir, "autostart/w1.xml"));
    /* a config change of a setter */
    assert_int_equal(virDomainSetMemoryFlags(dom, 512, VIR_DOMAIN_AFFECT_CONFIG), 0);
    assert_dom_file(dir, dom);
    assert_int_equal(virDomainCreate(dom), 0);
    status = file_in(dir, "run/w1.xml");
    assert_non_null(status);
    assert_true(g_str_has_prefix(status, "<domstatus state='1' reason='1' id='2'>\n"));
    assert_int_equal(virDomainSuspend(dom), 0);
    g_free(status);
    status = file_in(dir, "run/w1.xml");
    assert_true(g_str_has_prefix(status, "<domstatus state='3' reason='1' id='2'>\n"));
    assert_int_equal(virDomainDestroy(dom), 0);
    assert_false(exists_in(dir, "run/w1.xml"));
    test = virDomainLookupByName(conn, "test");
    assert_int_equal(virDomainManagedSave(test, 0), 0);
    assert_true(exists_in(dir, "save/test.save"));
    assert_int_equal(virDomainManagedSaveRemove(test, 0), 0);
    assert_false(exists_in(dir, "save/test.save"));
    virDomainFree(test);
    assert_int_equal(virDomainUndefine(dom), 0);
    assert_false(exists_in(dir, "w1.xml"));
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_networks_pools_reach_disk(void **state)
{
    g_autofree char *dir = new_dir();
    virConnectPtr conn = open_dir(dir, NULL);
    virNetworkPtr net = virNetworkDefineXML(conn, "<network><name>lab</name>"
                                                  "<bridge name='br5'/></network>");
    virStoragePoolPtr pool = virStoragePoolDefineXML(conn, "<pool type='dir'><name>p1</name>"
                                                     "<target><path>/p1</path></target>"
                                                     "</pool>", 0);
    virStorageVolPtr vol;
    g_autofree char *vol_file = NULL;
    g_autofree char *vol_xml = NULL;

    assert_non_null(net);
    assert_non_null(pool);
    assert_true(exists_in(dir, "networks/lab.xml"));
    assert_int_equal(virNetworkSetAutostart(net, 1), 0);
    assert_true(exists_in(dir, "networks/autostart/lab.xml"));
    assert_int_equal(virNetworkCreate(net), 0);
    assert_true(exists_in(dir, "run/networks/lab.xml"));
    assert_true(exists_in(dir, "storage/p1.xml"));
    assert_int_equal(virStoragePoolCreate(pool, 0), 0);
    assert_true(exists_in(dir, "run/storage/p1.xml"));
    vol = virStorageVolCreateXML(pool, "<volume><name>v1</name>"
                                 "<capacity>65536</capacity></volume>", 0);
    assert_non_null(vol);
    vol_file = file_in(dir, "storage/volumes/p1/v1.xml");
    vol_xml = virStorageVolGetXMLDesc(vol, 0);
    assert_string_equal(vol_file, vol_xml);
    assert_int_equal(virStorageVolDelete(vol, 0), 0);
    assert_false(exists_in(dir, "storage/volumes/p1/v1.xml"));
    assert_false(exists_in(dir, "storage/volumes/p1"));
    assert_int_equal(virNetworkDestroy(net), 0);
    assert_false(exists_in(dir, "run/networks/lab.xml"));
    assert_int_equal(virNetworkUndefine(net), 0);
    assert_false(exists_in(dir, "networks/lab.xml"));
    assert_false(exists_in(dir, "networks/autostart/lab.xml"));
    virStorageVolFree(vol);
    virNetworkFree(net);
    virStoragePoolFree(pool);
    virConnectClose(conn);
}

/* ---- reopening ---- */

/* "NAME state reason id persistent autostart" for every domain, sorted. */
static char *domains_summary(virConnectPtr conn)
{
    virDomainPtr *doms = NULL;
    GString *out = g_string_new(NULL);
    int n = virConnectListAllDomains(conn, &doms, 0);
    int i;

    assert_true(n >= 0);
    for (i = 0; i < n; i++) {
        int st, reason, autostart = -1;
        g_autofree char *xml = virDomainGetXMLDesc(doms[i], VIR_DOMAIN_XML_INACTIVE);

        assert_int_equal(virDomainGetState(doms[i], &st, &reason, 0), 0);
        assert_int_equal(virDomainGetAutostart(doms[i], &autostart), 0);
        g_string_append_printf(out, "%s %d %d %d %d %d %d\n%s", virDomainGetName(doms[i]),
                               st, reason, (int)virDomainGetID(doms[i]),
                               virDomainIsPersistent(doms[i]), autostart,
                               virDomainHasManagedSaveImage(doms[i], 0), xml);
        virDomainFree(doms[i]);
    }
    free(doms);
    return g_string_free(out, FALSE);
}

static char *objects_summary(virConnectPtr conn)
{
    virNetworkPtr *nets = NULL;
    virStoragePoolPtr *pools = NULL;
    GString *out = g_string_new(NULL);
    int n = virConnectListAllNetworks(conn, &nets, 0);
    int i, j;

    for (i = 0; i < n; i++) {
        g_autofree char *xml = virNetworkGetXMLDesc(nets[i], VIR_NETWORK_XML_INACTIVE);
        int autostart;

        virNetworkGetAutostart(nets[i], &autostart);
        g_string_append_printf(out, "net %d %d %d\n%s", virNetworkIsActive(nets[i]),
                               virNetworkIsPersistent(nets[i]), autostart, xml);
        virNetworkFree(nets[i]);
    }
    free(nets);
    n = virConnectListAllStoragePools(conn, &pools, 0);
    for (i = 0; i < n; i++) {
        g_autofree char *xml = virStoragePoolGetXMLDesc(pools[i], 0);
        virStorageVolPtr *vols = NULL;
        int nvols = virStoragePoolListAllVolumes(pools[i], &vols, 0);

        g_string_append_printf(out, "pool %d %d\n%s", virStoragePoolIsActive(pools[i]),
                               virStoragePoolIsPersistent(pools[i]), xml);
        for (j = 0; j < nvols; j++) {
            g_autofree char *vxml = virStorageVolGetXMLDesc(vols[j], 0);

            g_string_append(out, vxml);
            virStorageVolFree(vols[j]);
        }
        free(vols);
        virStoragePoolFree(pools[i]);
    }
    free(pools);
    return g_string_free(out, FALSE);
}

static void test_reopen_finds_everything(void **state)
{
    g_autofree char *dir = new_dir();
    virConnectPtr conn = open_dir(dir, NULL);
    virDomainPtr w1 = define(conn, "w1", 1024);
    virDomainPtr w2 = define(conn, "w2", 2048);
    virDomainPtr test = virDomainLookupByName(conn, "test");
    g_autofree char *t1_xml = dom_xml("t1", 4096);
    virDomainPtr t1 = virDomainCreateXML(conn, t1_xml, 0);
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, "default-pool");
    virStorageVolPtr vol;
    g_autofree char *doms_before = NULL, *doms_after = NULL;
    g_autofree char *objs_before = NULL, *objs_after = NULL;
    g_autofree char *w2_new = dom_xml("w2", 3072);
    virNetworkPtr net;
    virDomainPtr w4;

    assert_int_equal(virDomainCreate(w1), 0);
    assert_int_equal(virDomainSuspend(test), 0);
    assert_int_equal(virDomainSetAutostart(w2, 1), 0);
    assert_int_equal(virDomainCreate(w2), 0);
    virDomainFree(define_xml(conn, w2_new));      /* waits for w2 to stop */
    assert_non_null(t1);
    vol = virStorageVolCreateXML(pool, "<volume><name>v1</name><capacity>65536</capacity>"
                                 "<allocation>4096</allocation></volume>", 0);
    assert_non_null(vol);
    net = virNetworkDefineXML(conn, "<network><name>lab</name></network>");
    assert_non_null(net);
    virNetworkFree(net);
    doms_before = domains_summary(conn);
    objs_before = objects_summary(conn);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    virDomainFree(w1);
    virDomainFree(w2);
    virDomainFree(t1);
    virDomainFree(test);
    virConnectClose(conn);

    conn = open_dir(dir, NULL);
    doms_after = domains_summary(conn);
    objs_after = objects_summary(conn);
    assert_string_equal(doms_after, doms_before);
    assert_string_equal(objs_after, objs_before);
    /* ids are not reused: the next start gets a fresh one */
    w4 = define(conn, "w4", 1024);
    assert_int_equal(virDomainCreate(w4), 0);
    assert_int_equal(virDomainGetID(w4), 5);
    virDomainFree(w4);
    virConnectClose(conn);
}

/* ---- bad directories and files ---- */

static void test_malformed_files(void **state)
{
    static const struct {
        const char *rel;
        const char *data;
        const char *why;          /* the message after the path */
    } cases[] = {
        { "bad.xml", "<domain type='test'><name>bad", NULL },
        { "other.xml", "<domain type='test'><name>mismatch</name><memory>1024</memory>"
          "<os><type>hvm</type></os></domain>", "it defines 'mismatch', its name says 'other'" },
        { "run/ghost.xml", "<domstatus state='1' reason='1' id='0'><domain type='test'>"
          "<name>ghost</name><memory>1024</memory><os><type>hvm</type></os></domain>"
          "</domstatus>", "a running domain needs an id above 0" },
        { "run/ghost.xml", "<domstatus state='5' reason='1' id='7'><domain type='test'>"
          "<name>ghost</name><memory>1024</memory><os><type>hvm</type></os></domain>"
          "</domstatus>", "invalid state or reason for a running domain" },
        { "networks/n.xml", "<network><name>n</name><bogus", NULL },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *dir = new_dir();
        g_autofree char *uri = g_strdup_printf("sim:///default?statedir=%s", dir);
        g_autofree char *prefix = g_strdup_printf("internal error: cannot load state file "
                                                  "'%s/%s': ", dir, cases[i].rel);
        virErrorPtr err;

        virConnectClose(open_dir(dir, NULL));
        put_file(dir, cases[i].rel, cases[i].data);
        assert_null(virConnectOpen(uri));
        err = virGetLastError();
        assert_non_null(err);
        assert_int_equal(err->code, VIR_ERR_INTERNAL_ERROR);
        if (!g_str_has_prefix(err->message, prefix))
            fail_msg("'%s' does not start with '%s'", err->message, prefix);
        if (cases[i].why)
            assert_string_equal(err->message + strlen(prefix), cases[i].why);
    }
}

static void test_dir_errors(void **state)
{
    g_autofree char *dir = new_dir();
    g_autofree char *other = new_dir();
    g_autofree char *uri = g_strdup_printf("sim:///default?statedir=%s", dir);
    g_autofree char *other_uri = g_strdup_printf("sim:///default?statedir=%s", other);
    g_autofree char *expect = NULL;
    virConnectPtr conn = open_dir(dir, NULL);

    /* one node per directory */
    assert_null(virConnectOpen(uri));
    expect = g_strdup_printf("Requested operation is not valid: state directory '%s' is "
                             "in use by another node", dir);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST, expect);
    virConnectClose(conn);
    /* a directory with other files in it is not taken over */
    assert_int_equal(g_mkdir_with_parents(other, 0700), 0);
    put_file(other, "notes.txt", "mine\n");
    assert_null(virConnectOpen(other_uri));
    g_free(expect);
    expect = g_strdup_printf("internal error: state directory '%s' holds files but no "
                             "'vireo-sim-state': not a vireo-sim state directory", other);
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST, expect);
    assert_null(virConnectOpen("sim:///default?statedir=relative/dir"));
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "invalid argument: invalid value 'relative/dir' for URI parameter "
                     "'statedir': expected an absolute path");
}

/* ---- atomic definitions ---- */

static void set_plan(virConnectPtr conn, const char *text)
{
    vrSimFaultPlan *plan = vrSimFaultPlanNew();

    assert_int_equal(vrSimFaultPlanAddText(plan, text, "plan"), 0);
    assert_int_equal(vrSimControlSetPlan(conn, plan), 0);
}

static void test_define_fault_keeps_old_file(void **state)
{
    g_autofree char *dir = new_dir();
    virConnectPtr conn = open_dir(dir, "&seed=3");
    virDomainPtr dom = define(conn, "w1", 1024);
    g_autofree char *before = file_in(dir, "w1.xml");
    g_autofree char *net_before = file_in(dir, "networks/default.xml");
    g_autofree char *after = NULL;
    g_autofree char *net_after = NULL;
    g_autofree char *bigger = dom_xml("w1", 2048);
    g_autofree char *other = dom_xml("w2", 2048);
    g_autofree char *expect = NULL;

    set_plan(conn, "domain.define always\nnetwork.define always\n");
    assert_null(virDomainDefineXML(conn, bigger));
    expect = g_strdup_printf("cannot write data to file '%s/w1.xml.new': "
                             "No space left on device", dir);
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_XML, expect);
    after = file_in(dir, "w1.xml");
    assert_string_equal(after, before);            /* byte for byte */
    assert_false(exists_in(dir, "w1.xml.new"));    /* the torn write is gone */
    assert_int_equal(virDomainGetMaxMemory(dom), 1024);
    assert_null(virDomainDefineXML(conn, other));
    assert_false(exists_in(dir, "w2.xml"));
    assert_null(virDomainLookupByName(conn, "w2"));
    /* a network redefinition: the same */
    assert_null(virNetworkDefineXML(conn, "<network><name>default</name>"
                                          "<uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid>"
                                          "<bridge name='virbr7'/></network>"));
    g_free(expect);
    expect = g_strdup_printf("cannot write data to file '%s/networks/default.xml.new': "
                             "No space left on device", dir);
    sim_assert_error(VIR_ERR_SYSTEM_ERROR, VIR_FROM_NETWORK, expect);
    net_after = file_in(dir, "networks/default.xml");
    assert_string_equal(net_after, net_before);
    assert_false(exists_in(dir, "networks/default.xml.new"));
    assert_int_equal(vrSimControlSyncState(conn), 0);
    virDomainFree(dom);
    virConnectClose(conn);
}

/* ---- determinism ---- */

static guint64 run_ops(const char *dir)
{
    virConnectPtr conn = open_dir(dir, "&seed=11");
    virDomainPtr dom;
    guint64 hash;

    set_plan(conn, "domain.define prob=0.5\ndomain.start prob=0.5\n");
    for (int i = 0; i < 20; i++) {
        g_autofree char *name = g_strdup_printf("d%d", i % 5);
        g_autofree char *xml = dom_xml(name, 1024 + i);

        if ((dom = virDomainDefineXML(conn, xml))) {
            virDomainCreate(dom);
            virDomainFree(dom);
        }
    }
    hash = vrSimControlTraceHash(conn);
    virConnectClose(conn);
    return hash;
}

static void test_same_trace_in_any_dir(void **state)
{
    g_autofree char *a = new_dir();
    g_autofree char *b = new_dir();

    assert_true(run_ops(a) == run_ops(b));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fresh_dir_gets_default_node),
        cmocka_unit_test(test_no_state_dir),
        cmocka_unit_test(test_changes_reach_disk),
        cmocka_unit_test(test_networks_pools_reach_disk),
        cmocka_unit_test(test_reopen_finds_everything),
        cmocka_unit_test(test_malformed_files),
        cmocka_unit_test(test_dir_errors),
        cmocka_unit_test(test_define_fault_keeps_old_file),
        cmocka_unit_test(test_same_trace_in_any_dir),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
