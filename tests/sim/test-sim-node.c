/* Node descriptions: sim:///ABS/PATH.xml and test:///ABS/PATH.xml load a
 * libvirt test-driver node file; good files give the node and domains they
 * describe, bad ones fail to open with an error naming the problem. */
#include "sim_test.h"

#define NODE_URI_MAX 4096

static virConnectPtr open_node(const char *scheme, const char *file)
{
    char uri[NODE_URI_MAX];

    virSetErrorFunc(NULL, sim_quiet);
    snprintf(uri, sizeof(uri), "%s://%s/%s", scheme, SIM_DATA_DIR, file);
    return virConnectOpen(uri);
}

static void assert_dom(virConnectPtr conn, const char *name, int id, int state,
                       int persistent, int managed_save)
{
    virDomainPtr dom = virDomainLookupByName(conn, name);

    assert_non_null(dom);
    assert_int_equal((int)virDomainGetID(dom), id);
    /* states come from the file, with no reason, as libvirt's test driver */
    sim_assert_state(dom, state, 0);
    assert_int_equal(virDomainIsPersistent(dom), persistent);
    assert_int_equal(virDomainHasManagedSaveImage(dom, 0), managed_save);
    virDomainFree(dom);
}

static void test_good_node(void **state)
{
    virConnectPtr conn = open_node("sim", "node-good.xml");
    unsigned long long cells[2];
    virNodeInfo info;
    virDomainPtr dom;
    char *caps, *golden, *xml;

    assert_non_null(conn);
    assert_int_equal(virNodeGetInfo(conn, &info), 0);
    assert_string_equal(info.model, "i986");
    assert_int_equal(info.memory, 8192000);
    assert_int_equal(info.cpus, 50);          /* <active> caps nodes*sockets*cores*threads */
    assert_int_equal(info.mhz, 6000);
    assert_int_equal(info.nodes, 4);
    assert_int_equal(info.sockets, 4);
    assert_int_equal(info.cores, 4);
    assert_int_equal(info.threads, 2);
    assert_int_equal(virNodeGetFreeMemory(conn), 0);
    assert_int_equal(virNodeGetCellsFreeMemory(conn, cells, 0, 2), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "invalid argument: Range exceeds available cells");
    caps = virConnectGetCapabilities(conn);
    golden = sim_read_data("file-capabilities.xml");
    assert_string_equal(caps, golden);
    free(caps);
    free(golden);

    /* ids go to the running ones in file order */
    assert_dom(conn, "run1", 1, VIR_DOMAIN_RUNNING, 1, 0);
    assert_dom(conn, "off1", -1, VIR_DOMAIN_SHUTOFF, 1, 0);
    assert_dom(conn, "paused1", 2, VIR_DOMAIN_PAUSED, 0, 0);
    assert_dom(conn, "ms1", -1, VIR_DOMAIN_SHUTOFF, 1, 1);
    assert_dom(conn, "fromfile", 3, VIR_DOMAIN_RUNNING, 1, 0);
    assert_int_equal(virConnectNumOfDomains(conn), 3);
    assert_int_equal(virConnectNumOfDefinedDomains(conn), 2);

    dom = virDomainLookupByName(conn, "fromfile");
    xml = virDomainGetXMLDesc(dom, 0);
    golden = sim_read_data("node-good-fromfile.xml");
    assert_string_equal(xml, golden);
    free(xml);
    free(golden);
    /* the node is this connection's: the next start gets id 4 */
    assert_int_equal(virDomainDestroy(dom), 0);
    assert_int_equal(virDomainCreate(dom), 0);
    assert_int_equal(virDomainGetID(dom), 4);
    virDomainFree(dom);
    virConnectClose(conn);

    /* test:/// is the same driver; every open reads the file afresh */
    conn = open_node("test", "node-good.xml");
    assert_non_null(conn);
    assert_dom(conn, "fromfile", 3, VIR_DOMAIN_RUNNING, 1, 0);
    virConnectClose(conn);
}

typedef struct {
    const char *file;
    int code;
    const char *message;     /* NULL: only the prefix below is checked */
    const char *prefix;
} bad_case;

static void test_bad_nodes(void **state)
{
    static const bad_case cases[] = {
        { "node-bad-root.xml", VIR_ERR_XML_ERROR,
          "XML error: expecting root element of 'node', not 'nodes'", NULL },
        { "node-bad-cpu.xml", VIR_ERR_XML_ERROR,
          "XML error: invalid node cpu nodes value", NULL },
        { "node-bad-memory.xml", VIR_ERR_XML_ERROR,
          "XML error: invalid node memory value", NULL },
        { "node-bad-runstate.xml", VIR_ERR_XML_ERROR,
          "XML error: runstate '9' out of range'", NULL },
        { "node-bad-runstate-text.xml", VIR_ERR_XML_ERROR,
          "XML error: invalid runstate", NULL },
        { "node-bad-transient-shutoff.xml", VIR_ERR_XML_ERROR,
          "XML error: transient domain cannot have runstate 'shutoff'", NULL },
        { "node-bad-managedsave-running.xml", VIR_ERR_XML_ERROR,
          "XML error: domain with managedsave data can only have runstate 'shutoff'", NULL },
        { "node-bad-duplicate.xml", VIR_ERR_OPERATION_FAILED,
          "operation failed: domain 'dup' already exists with uuid "
          "4dea22b3-1d52-d8f3-2516-782e98ab3fb0", NULL },
        { "node-bad-domain-file.xml", VIR_ERR_XML_ERROR, NULL,
          "XML error: failed to parse xml document '" SIM_DATA_DIR
          "/node-missing-domain.xml': No such file or directory" },
        { "node-missing.xml", VIR_ERR_XML_ERROR, NULL,
          "XML error: failed to parse xml document '" SIM_DATA_DIR
          "/node-missing.xml': No such file or directory" },
        { "node-malformed.xml", VIR_ERR_XML_DETAIL, NULL,
          SIM_DATA_DIR "/node-malformed.xml:4: Opening and ending tag mismatch: "
          "cpu line 2 and node" },
    };
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        virErrorPtr err;

        assert_null(open_node("sim", cases[i].file));
        err = virGetLastError();
        assert_non_null(err);
        if (err->code != cases[i].code ||
            (cases[i].message && strcmp(err->message, cases[i].message) != 0) ||
            (cases[i].prefix && strncmp(err->message, cases[i].prefix,
                                        strlen(cases[i].prefix)) != 0)) {
            fprintf(stderr, "%s: got %d '%s'\n", cases[i].file, err->code, err->message);
            fail();
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_node),
        cmocka_unit_test(test_bad_nodes),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
