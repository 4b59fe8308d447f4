/* The sim driver through the public API: the default node's contents, the
 * lifecycle state machine with its reasons, transient/persistent rules and
 * every wrong-state error, each as libvirt 9.0's test driver gives it. */
#include "sim_test.h"

#include <pthread.h>
#include <unistd.h>

#define TEST_UUID "6695eb01-f6a4-8304-79aa-97f2502e193f"
#define U1 "11111111-2222-3333-4444-555555555501"
#define U2 "11111111-2222-3333-4444-555555555502"

static void test_default_node(void **state)
{
    virConnectPtr conn = sim_open();
    unsigned long long cells[4] = { 0 };
    unsigned long ver = 0;
    virNodeInfo info;
    char *caps, *golden;

    assert_string_equal(virConnectGetType(conn), "TEST");
    assert_int_equal(virConnectGetVersion(conn, &ver), 0);
    assert_int_equal(ver, 2);
    assert_int_equal(virConnectGetMaxVcpus(conn, "kvm"), 32);
    assert_int_equal(virConnectIsAlive(conn), 1);
    assert_int_equal(virConnectIsSecure(conn), 1);
    assert_int_equal(virConnectIsEncrypted(conn), 0);
    assert_int_equal(virNodeGetInfo(conn, &info), 0);
    assert_string_equal(info.model, "i686");
    assert_int_equal(info.memory, 3145728);
    assert_int_equal(info.cpus, 16);
    assert_int_equal(info.mhz, 1400);
    assert_int_equal(info.nodes, 2);
    assert_int_equal(info.sockets, 2);
    assert_int_equal(info.cores, 2);
    assert_int_equal(info.threads, 2);
    assert_int_equal(virNodeGetFreeMemory(conn), 3145728);
    assert_int_equal(virNodeGetCellsFreeMemory(conn, cells, 0, 4), 2);
    assert_int_equal(cells[0], 2097152);
    assert_int_equal(cells[1], 4194304);
    assert_int_equal(virNodeGetCellsFreeMemory(conn, cells, 1, 4), 1);
    assert_int_equal(cells[0], 4194304);
    assert_int_equal(virNodeGetCellsFreeMemory(conn, cells, 2, 1), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "invalid argument: Range exceeds available cells");

    caps = virConnectGetCapabilities(conn);
    golden = sim_read_data("default-capabilities.xml");
    assert_string_equal(caps, golden);
    free(caps);
    free(golden);
    virConnectClose(conn);
}

static void test_default_domain(void **state)
{
    virConnectPtr conn = sim_open();
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    char uuid[VIR_UUID_STRING_BUFLEN];
    virDomainInfo info;
    char *xml, *golden, *ostype;
    int autostart = -1;

    assert_non_null(dom);
    assert_int_equal(virDomainGetID(dom), 1);
    assert_int_equal(virDomainGetUUIDString(dom, uuid), 0);
    assert_string_equal(uuid, TEST_UUID);
    /* loaded from the node description: running, reason unknown */
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNKNOWN);
    assert_int_equal(virDomainGetInfo(dom, &info), 0);
    assert_int_equal(info.state, VIR_DOMAIN_RUNNING);
    assert_int_equal(info.maxMem, 8388608);
    assert_int_equal(info.memory, 2097152);
    assert_int_equal(info.nrVirtCpu, 2);
    assert_int_equal(virDomainGetMaxMemory(dom), 8388608);
    ostype = virDomainGetOSType(dom);
    assert_string_equal(ostype, "linux");
    free(ostype);
    assert_int_equal(virDomainIsActive(dom), 1);
    assert_int_equal(virDomainIsPersistent(dom), 1);
    assert_int_equal(virDomainIsUpdated(dom), 0);
    assert_int_equal(virDomainGetAutostart(dom, &autostart), 0);
    assert_int_equal(autostart, 0);
    assert_int_equal(virDomainHasManagedSaveImage(dom, 0), 0);

    xml = virDomainGetXMLDesc(dom, 0);
    golden = sim_read_data("default-test.xml");
    assert_string_equal(xml, golden);
    free(xml);
    free(golden);
    xml = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
    golden = sim_read_data("default-test-inactive.xml");
    assert_string_equal(xml, golden);
    free(xml);
    free(golden);
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_lookup_errors(void **state)
{
    virConnectPtr conn = sim_open();
    unsigned char uuid[VIR_UUID_BUFLEN] = { 1, 2, 3 };
    virDomainPtr dom;

    assert_null(virDomainLookupByID(conn, 5));
    sim_assert_error(VIR_ERR_NO_DOMAIN, VIR_FROM_TEST, "Domain not found");
    assert_null(virDomainLookupByName(conn, "x"));
    sim_assert_error(VIR_ERR_NO_DOMAIN, VIR_FROM_TEST, "Domain not found");
    assert_null(virDomainLookupByUUID(conn, uuid));
    sim_assert_error(VIR_ERR_NO_DOMAIN, VIR_FROM_TEST, "Domain not found");
    dom = virDomainLookupByID(conn, 1);
    assert_non_null(dom);
    assert_string_equal(virDomainGetName(dom), "test");
    virDomainFree(dom);
    dom = virDomainLookupByUUIDString(conn, TEST_UUID);
    assert_non_null(dom);
    assert_int_equal(virDomainGetID(dom), 1);
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_wrong_state_errors(void **state)
{
    virConnectPtr conn = sim_open();
    virDomainPtr dom = virDomainLookupByName(conn, "test");

    assert_int_equal(virDomainCreate(dom), -1);
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                     "internal error: Domain 'test' is already running");
    assert_int_equal(virDomainResume(dom), -1);
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                     "internal error: domain 'test' not paused");
    assert_int_equal(virDomainSuspend(dom), 0);
    sim_assert_state(dom, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER);
    assert_int_equal(virDomainSuspend(dom), -1);
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                     "internal error: domain 'test' not running");
    assert_int_equal(virDomainResume(dom), 0);
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNPAUSED);
    assert_int_equal(virDomainDestroy(dom), 0);
    sim_assert_state(dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_DESTROYED);
    assert_int_equal((int)virDomainGetID(dom), -1);

    assert_int_equal(virDomainDestroy(dom), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                     "Requested operation is not valid: domain is not running");
    assert_int_equal(virDomainSuspend(dom), -1);
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                     "internal error: domain 'test' not running");
    assert_int_equal(virDomainResume(dom), -1);
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                     "internal error: domain 'test' not paused");
    assert_int_equal(virDomainShutdown(dom), -1);
    sim_assert_error(VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                     "internal error: domain 'test' not running");
    assert_int_equal(virDomainReboot(dom, 0), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                     "Requested operation is not valid: domain is not running");
    assert_int_equal(virDomainReset(dom, 0), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                     "Requested operation is not valid: domain is not running");
    assert_int_equal(virDomainManagedSave(dom, 0), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                     "Requested operation is not valid: domain is not running");
    /* nothing of that changed the state */
    sim_assert_state(dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_DESTROYED);
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_ids_and_reasons(void **state)
{
    virConnectPtr conn = sim_open();
    virDomainPtr dom = virDomainLookupByName(conn, "test");

    assert_int_equal(virDomainShutdown(dom), 0);
    sim_assert_state(dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SHUTDOWN);
    assert_int_equal(virDomainCreate(dom), 0);
    assert_int_equal(virDomainGetID(dom), 2);
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    /* reboot and reset keep the domain running under its id */
    assert_int_equal(virDomainReboot(dom, 0), 0);
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    assert_int_equal(virDomainReset(dom, 0), 0);
    assert_int_equal(virDomainGetID(dom), 2);
    /* shutdown from paused goes straight to shutoff */
    assert_int_equal(virDomainSuspend(dom), 0);
    assert_int_equal(virDomainShutdown(dom), 0);
    sim_assert_state(dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SHUTDOWN);
    assert_int_equal(virDomainCreateWithFlags(dom, VIR_DOMAIN_START_PAUSED), 0);
    assert_int_equal(virDomainGetID(dom), 3);
    sim_assert_state(dom, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER);
    assert_int_equal(virDomainDestroy(dom), 0);
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_transient_domain(void **state)
{
    virConnectPtr conn = sim_open();
    virDomainPtr dom, again;
    int autostart = 0;

    dom = virDomainCreateXML(conn, sim_domain_xml("t2", U1, 1048576, 2), 0);
    assert_non_null(dom);
    assert_int_equal(virDomainGetID(dom), 2);
    sim_assert_state(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    assert_int_equal(virDomainIsPersistent(dom), 0);
    /* as libvirt's test driver: a transient domain takes autostart */
    assert_int_equal(virDomainSetAutostart(dom, 1), 0);
    assert_int_equal(virDomainGetAutostart(dom, &autostart), 0);
    assert_int_equal(autostart, 1);
    assert_int_equal(virDomainManagedSave(dom, 0), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                     "Requested operation is not valid: cannot do managed save "
                     "for transient domain");
    assert_int_equal(virDomainSetMemoryFlags(dom, 1000, VIR_DOMAIN_AFFECT_CONFIG), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                     "Requested operation is not valid: transient domains do not "
                     "have any persistent config");
    assert_null(virDomainCreateXML(conn, sim_domain_xml("t2", U1, 1048576, 2), 0));
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                     "Requested operation is not valid: domain 't2' is already active");
    /* destroying a transient domain removes it */
    assert_int_equal(virDomainDestroy(dom), 0);
    assert_int_equal((int)virDomainGetID(dom), -1);
    assert_null(virDomainLookupByName(conn, "t2"));
    assert_int_equal(virDomainGetState(dom, &autostart, NULL, 0), -1);
    sim_assert_error(VIR_ERR_NO_DOMAIN, VIR_FROM_TEST,
                     "Domain not found: no domain with matching uuid '" U1 "' (t2)");
    virDomainFree(dom);

    /* undefining a running persistent domain makes it transient */
    again = virDomainLookupByName(conn, "test");
    assert_int_equal(virDomainUndefine(again), 0);
    assert_int_equal(virDomainIsPersistent(again), 0);
    assert_int_equal(virDomainIsActive(again), 1);
    assert_int_equal(virDomainShutdown(again), 0);
    assert_null(virDomainLookupByName(conn, "test"));
    virDomainFree(again);
    virConnectClose(conn);
}

static void test_define_rules(void **state)
{
    virConnectPtr conn = sim_open();
    virDomainPtr dom, test;
    char *xml;

    dom = virDomainDefineXML(conn, sim_domain_xml("d1", U1, 1048576, 2));
    assert_non_null(dom);
    assert_int_equal((int)virDomainGetID(dom), -1);
    assert_int_equal(virDomainIsPersistent(dom), 1);
    sim_assert_state(dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_UNKNOWN);
    assert_null(virDomainDefineXML(conn, sim_domain_xml("d1", U2, 1048576, 2)));
    sim_assert_error(VIR_ERR_OPERATION_FAILED, VIR_FROM_DOMAIN,
                     "operation failed: domain 'd1' already exists with uuid " U1);
    assert_null(virDomainDefineXML(conn, sim_domain_xml("d2", U1, 1048576, 2)));
    sim_assert_error(VIR_ERR_OPERATION_FAILED, VIR_FROM_DOMAIN,
                     "operation failed: domain 'd1' is already defined with uuid " U1);
    assert_null(virDomainCreateXML(conn, sim_domain_xml("d2", U1, 1048576, 2), 0));
    sim_assert_error(VIR_ERR_OPERATION_FAILED, VIR_FROM_DOMAIN,
                     "operation failed: domain 'd1' is already defined with uuid " U1);
    assert_null(virDomainDefineXML(conn, sim_domain_xml("a\nb", NULL, 1024, 1)));
    sim_assert_error(VIR_ERR_XML_DETAIL, VIR_FROM_XML, "invalid char in name: \n");
    assert_int_equal(virDomainUndefine(dom), 0);
    assert_null(virDomainLookupByName(conn, "d1"));
    virDomainFree(dom);

    /* define over a running domain: a pending definition for the next boot */
    test = virDomainDefineXML(conn, sim_domain_xml("test", TEST_UUID, 524288, 1));
    assert_non_null(test);
    assert_int_equal(virDomainGetID(test), 1);
    assert_int_equal(virDomainGetMaxMemory(test), 8388608);
    assert_int_equal(virDomainIsUpdated(test), 0);
    xml = virDomainGetXMLDesc(test, VIR_DOMAIN_XML_INACTIVE);
    assert_non_null(strstr(xml, "<memory unit='KiB'>524288</memory>"));
    free(xml);
    xml = virDomainGetXMLDesc(test, 0);
    assert_non_null(strstr(xml, "<memory unit='KiB'>8388608</memory>"));
    free(xml);
    assert_int_equal(virDomainDestroy(test), 0);
    assert_int_equal(virDomainGetMaxMemory(test), 524288);
    virDomainFree(test);
    virConnectClose(conn);
}

/* CreateXML over a defined, inactive domain runs the new definition and
 * returns to the persistent one at shutdown. */
static void test_create_over_defined(void **state)
{
    virConnectPtr conn = sim_open();
    virDomainPtr dom, live;
    char *xml;

    dom = virDomainDefineXML(conn, sim_domain_xml("alpha", U1, 1048576, 2));
    live = virDomainCreateXML(conn, sim_domain_xml("alpha", U1, 2000000, 2), 0);
    assert_non_null(live);
    assert_int_equal(virDomainIsPersistent(live), 1);
    assert_int_equal(virDomainGetMaxMemory(live), 2000000);
    xml = virDomainGetXMLDesc(live, VIR_DOMAIN_XML_INACTIVE);
    assert_non_null(strstr(xml, "<memory unit='KiB'>1048576</memory>"));
    free(xml);
    assert_int_equal(virDomainDestroy(live), 0);
    assert_int_equal(virDomainGetMaxMemory(dom), 1048576);
    sim_assert_state(dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_DESTROYED);
    virDomainFree(live);
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_memory(void **state)
{
    virConnectPtr conn = sim_open();
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    virDomainPtr mid;
    virDomainInfo info;
    char *xml;

    assert_int_equal(virDomainSetMaxMemory(dom, 4000000), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                     "Requested operation is not valid: cannot resize the maximum "
                     "memory on an active domain");
    assert_int_equal(virDomainSetMemoryFlags(dom, 99999999, 0), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "invalid argument: cannot set memory higher than max memory");
    assert_int_equal(virDomainSetMemoryFlags(dom, 1000, VIR_DOMAIN_AFFECT_LIVE |
                                                        VIR_DOMAIN_AFFECT_CONFIG), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                     "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' "
                     "are mutually exclusive");
    assert_int_equal(virDomainSetMemoryFlags(dom, 1 << 20, 0xf0), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0xf0) in function "
                     "testDomainSetMemoryFlags");

    /* live and config halves of a running persistent domain */
    assert_int_equal(virDomainSetMemoryFlags(dom, 500000, VIR_DOMAIN_AFFECT_CONFIG), 0);
    assert_int_equal(virDomainSetMemoryFlags(dom, 600000, VIR_DOMAIN_AFFECT_LIVE), 0);
    assert_int_equal(virDomainGetInfo(dom, &info), 0);
    assert_int_equal(info.memory, 600000);
    assert_int_equal(virDomainSetMemoryFlags(dom, 100000, VIR_DOMAIN_AFFECT_CONFIG |
                                                          VIR_DOMAIN_MEM_MAXIMUM), 0);
    xml = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
    assert_non_null(strstr(xml, "<memory unit='KiB'>100000</memory>"));
    assert_non_null(strstr(xml, "<currentMemory unit='KiB'>100000</currentMemory>"));
    free(xml);
    assert_int_equal(virDomainGetMaxMemory(dom), 8388608);

    assert_int_equal(virDomainDestroy(dom), 0);
    assert_int_equal(virDomainSetMemoryFlags(dom, 1024, VIR_DOMAIN_AFFECT_LIVE), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                     "Requested operation is not valid: domain is not running");
    assert_int_equal(virDomainSetMaxMemory(dom, 4000000), 0);
    assert_int_equal(virDomainGetInfo(dom, &info), 0);
    assert_int_equal(info.maxMem, 4000000);
    assert_int_equal(info.memory, 100000);

    mid = virDomainDefineXML(conn,
        "<domain type='test'><name>hp</name><memory>1048576</memory>"
        "<maxMemory slots='2'>2000000</maxMemory><vcpu>1</vcpu>"
        "<os><type>hvm</type></os></domain>");
    assert_non_null(mid);
    assert_int_equal(virDomainSetMemoryFlags(mid, 3000000, VIR_DOMAIN_MEM_MAXIMUM), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                     "Requested operation is not valid: cannot set initial memory "
                     "size greater than the maximum memory size");
    virDomainFree(mid);
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_vcpus(void **state)
{
    virConnectPtr conn = sim_open();
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    virDomainInfo info;

    assert_int_equal(virDomainSetVcpusFlags(dom, 40, 0), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "invalid argument: requested cpu amount exceeds maximum "
                     "supported amount (40 > 32)");
    assert_int_equal(virDomainSetVcpusFlags(dom, 3, 0), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "invalid argument: requested cpu amount exceeds maximum (3 > 2)");
    assert_int_equal(virDomainSetVcpusFlags(dom, 4, VIR_DOMAIN_VCPU_MAXIMUM), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                     "Flag 'VIR_DOMAIN_AFFECT_CONFIG' is required by flag "
                     "'VIR_DOMAIN_VCPU_MAXIMUM'");
    assert_int_equal(virDomainSetVcpusFlags(dom, 1, VIR_DOMAIN_VCPU_GUEST), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x8) in function "
                     "testDomainSetVcpusFlags");
    assert_int_equal(virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_LIVE |
                                                 VIR_DOMAIN_AFFECT_CONFIG), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                     "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' "
                     "are mutually exclusive");

    assert_int_equal(virDomainSetVcpusFlags(dom, 1, VIR_DOMAIN_AFFECT_LIVE), 0);
    assert_int_equal(virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_LIVE), 1);
    assert_int_equal(virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_CONFIG), 2);
    assert_int_equal(virDomainGetInfo(dom, &info), 0);
    assert_int_equal(info.nrVirtCpu, 1);
    assert_int_equal(virDomainSetVcpusFlags(dom, 6, VIR_DOMAIN_VCPU_MAXIMUM |
                                                    VIR_DOMAIN_AFFECT_CONFIG), 0);
    assert_int_equal(virDomainGetVcpusFlags(dom, VIR_DOMAIN_VCPU_MAXIMUM |
                                                 VIR_DOMAIN_AFFECT_CONFIG), 6);
    assert_int_equal(virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_CONFIG), 2);
    assert_int_equal(virDomainSetVcpusFlags(dom, 1, VIR_DOMAIN_VCPU_MAXIMUM |
                                                    VIR_DOMAIN_AFFECT_CONFIG), 0);
    assert_int_equal(virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_CONFIG), 1);
    assert_int_equal(virDomainDestroy(dom), 0);
    assert_int_equal(virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_LIVE), -1);
    sim_assert_error(VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                     "Requested operation is not valid: domain is not running");
    assert_int_equal(virDomainGetVcpusFlags(dom, VIR_DOMAIN_VCPU_MAXIMUM), 1);
    virDomainFree(dom);
    virConnectClose(conn);
}

/* Virtual cpu time: grows only while running, identically on every run. */
static void test_cpu_time_deterministic(void **state)
{
    unsigned long long first[3], second[3];
    int round;

    for (round = 0; round < 2; round++) {
        unsigned long long *t = round ? second : first;
        virConnectPtr conn = sim_open();
        virDomainPtr dom = virDomainCreateXML(conn, sim_domain_xml("c", U1, 1024, 2), 0);
        virDomainInfo info;

        assert_int_equal(virDomainGetInfo(dom, &info), 0);
        t[0] = info.cpuTime;
        assert_int_equal(virDomainGetInfo(dom, &info), 0);
        t[1] = info.cpuTime;
        assert_true(t[1] > t[0]);
        assert_int_equal(virDomainSuspend(dom), 0);
        assert_int_equal(virDomainGetInfo(dom, &info), 0);
        t[2] = info.cpuTime;
        assert_int_equal(virDomainGetInfo(dom, &info), 0);
        assert_int_equal(info.cpuTime, t[2]);
        virDomainDestroy(dom);
        virDomainFree(dom);
        virConnectClose(conn);
    }
    assert_memory_equal(first, second, sizeof(first));
}

static int sim_names(virConnectPtr conn, unsigned int flags, char *out, size_t len)
{
    virDomainPtr *doms = NULL;
    int n = virConnectListAllDomains(conn, &doms, flags);
    int i;

    size_t used = 0;

    out[0] = '\0';
    for (i = 0; i < n; i++) {
        used += snprintf(out + used, len - used, "%s%s", i ? "," : "",
                         virDomainGetName(doms[i]));
        assert_true(used < len);
        virDomainFree(doms[i]);
    }
    free(doms);
    return n;
}

/* zeta paused, trans running (transient), beta off, mid off with
 * autostart, test off with a managed save image. */
static virConnectPtr list_setup(void)
{
    virConnectPtr conn = sim_open();
    virDomainPtr d;

    virDomainFree(virDomainDefineXML(conn, sim_domain_xml("zeta", NULL, 1024, 1)));
    virDomainFree(virDomainDefineXML(conn, sim_domain_xml("beta", NULL, 1024, 1)));
    virDomainFree(virDomainDefineXML(conn, sim_domain_xml("mid", NULL, 1024, 1)));
    d = virDomainLookupByName(conn, "zeta");
    assert_int_equal(virDomainCreate(d), 0);
    assert_int_equal(virDomainSuspend(d), 0);
    virDomainFree(d);
    d = virDomainLookupByName(conn, "mid");
    assert_int_equal(virDomainSetAutostart(d, 1), 0);
    virDomainFree(d);
    d = virDomainCreateXML(conn, sim_domain_xml("trans", NULL, 1024, 1), 0);
    virDomainFree(d);
    d = virDomainLookupByName(conn, "test");
    assert_int_equal(virDomainManagedSave(d, 0), 0);
    virDomainFree(d);
    return conn;
}

static void test_list_filters(void **state)
{
    virConnectPtr conn = list_setup();
    char names[512];

    assert_int_equal(sim_names(conn, 0, names, sizeof(names)), 5);
    assert_string_equal(names, "zeta,trans,beta,mid,test");
    sim_names(conn, VIR_CONNECT_LIST_DOMAINS_ACTIVE, names, sizeof(names));
    assert_string_equal(names, "zeta,trans");
    sim_names(conn, VIR_CONNECT_LIST_DOMAINS_INACTIVE, names, sizeof(names));
    assert_string_equal(names, "beta,mid,test");
    sim_names(conn, VIR_CONNECT_LIST_DOMAINS_TRANSIENT, names, sizeof(names));
    assert_string_equal(names, "trans");
    sim_names(conn, VIR_CONNECT_LIST_DOMAINS_PERSISTENT, names, sizeof(names));
    assert_string_equal(names, "zeta,beta,mid,test");
    sim_names(conn, VIR_CONNECT_LIST_DOMAINS_RUNNING, names, sizeof(names));
    assert_string_equal(names, "trans");
    sim_names(conn, VIR_CONNECT_LIST_DOMAINS_PAUSED, names, sizeof(names));
    assert_string_equal(names, "zeta");
    sim_names(conn, VIR_CONNECT_LIST_DOMAINS_SHUTOFF, names, sizeof(names));
    assert_string_equal(names, "beta,mid,test");
    sim_names(conn, VIR_CONNECT_LIST_DOMAINS_OTHER, names, sizeof(names));
    assert_string_equal(names, "");
    sim_names(conn, VIR_CONNECT_LIST_DOMAINS_RUNNING | VIR_CONNECT_LIST_DOMAINS_PAUSED,
              names, sizeof(names));
    assert_string_equal(names, "zeta,trans");
    sim_names(conn, VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE, names, sizeof(names));
    assert_string_equal(names, "test");
    sim_names(conn, VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE, names, sizeof(names));
    assert_string_equal(names, "zeta,trans,beta,mid");
    sim_names(conn, VIR_CONNECT_LIST_DOMAINS_AUTOSTART, names, sizeof(names));
    assert_string_equal(names, "mid");
    sim_names(conn, VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART, names, sizeof(names));
    assert_string_equal(names, "zeta,trans,beta,test");
    sim_names(conn, VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT, names, sizeof(names));
    assert_string_equal(names, "");
    sim_names(conn, VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT, names, sizeof(names));
    assert_string_equal(names, "zeta,trans,beta,mid,test");
    sim_names(conn, VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT, names, sizeof(names));
    assert_string_equal(names, "");
    sim_names(conn, VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT |
                    VIR_CONNECT_LIST_DOMAINS_INACTIVE, names, sizeof(names));
    assert_string_equal(names, "beta,mid,test");
    assert_int_equal(virConnectListAllDomains(conn, NULL, 0), 5);
    assert_int_equal(virConnectListAllDomains(conn, NULL, 1 << 20), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x100000) in function "
                     "testConnectListAllDomains");
    virConnectClose(conn);
}

/* The old listing calls: ids ascending, names sorted. */
static void test_list_old_calls(void **state)
{
    virConnectPtr conn = list_setup();
    char *defined[4] = { NULL };
    int ids[8];

    assert_int_equal(virConnectNumOfDomains(conn), 2);
    assert_int_equal(virConnectListDomains(conn, ids, 8), 2);
    assert_int_equal(ids[0], 2);
    assert_int_equal(ids[1], 3);
    assert_int_equal(virConnectListDomains(conn, ids, 1), 1);
    assert_int_equal(virConnectNumOfDefinedDomains(conn), 3);
    assert_int_equal(virConnectListDefinedDomains(conn, defined, 4), 3);
    assert_string_equal(defined[0], "beta");
    assert_string_equal(defined[1], "mid");
    assert_string_equal(defined[2], "test");
    free(defined[0]);
    free(defined[1]);
    free(defined[2]);
    virConnectClose(conn);
}

#define CONC_THREADS 4
#define CONC_ROUNDS 200

typedef struct {
    virConnectPtr conn;
    int index;
    int failures;
} conc_arg;

/* One client: its own transient domain through a whole lifecycle, plus
 * listings and lookups of everything, many times over. */
static void *conc_client(void *opaque)
{
    conc_arg *arg = opaque;
    char name[32], uuid[40];
    int i;

    snprintf(name, sizeof(name), "conc%d", arg->index);
    snprintf(uuid, sizeof(uuid), "11111111-2222-3333-4444-5555555556%02d", arg->index);
    for (i = 0; i < CONC_ROUNDS; i++) {
        virDomainPtr dom = virDomainCreateXML(arg->conn, sim_domain_xml(name, uuid, 1024, 1),
                                              0);
        virDomainPtr *all = NULL;
        virDomainInfo info;
        int n, j;

        if (!dom) {
            arg->failures++;
            continue;
        }
        arg->failures += virDomainSuspend(dom) < 0;
        arg->failures += virDomainGetInfo(dom, &info) < 0;
        arg->failures += virDomainResume(dom) < 0;
        n = virConnectListAllDomains(arg->conn, &all, 0);
        arg->failures += n < 2;
        for (j = 0; j < n; j++)
            virDomainFree(all[j]);
        free(all);
        arg->failures += virDomainDestroy(dom) < 0;
        virDomainFree(dom);
    }
    return NULL;
}

static void test_concurrent_clients(void **state)
{
    virConnectPtr conn = sim_open();
    pthread_t threads[CONC_THREADS];
    conc_arg args[CONC_THREADS];
    int i;

    for (i = 0; i < CONC_THREADS; i++) {
        args[i].conn = conn;
        args[i].index = i;
        args[i].failures = 0;
        assert_int_equal(pthread_create(&threads[i], NULL, conc_client, &args[i]), 0);
    }
    for (i = 0; i < CONC_THREADS; i++) {
        assert_int_equal(pthread_join(threads[i], NULL), 0);
        assert_int_equal(args[i].failures, 0);
    }
    /* every transient domain is gone; ids kept counting */
    assert_int_equal(virConnectNumOfDomains(conn), 1);
    assert_int_equal(virConnectNumOfDefinedDomains(conn), 0);
    {
        virDomainPtr dom = virDomainCreateXML(conn, sim_domain_xml("last", NULL, 1024, 1), 0);

        assert_int_equal(virDomainGetID(dom), 2 + CONC_THREADS * CONC_ROUNDS);
        virDomainFree(dom);
    }
    virConnectClose(conn);
}

/* As libvirt's test driver: the host's own name. */
static void test_hostname(void **state)
{
    virConnectPtr conn = sim_open();
    char expected[256] = "";
    char *name = virConnectGetHostname(conn);

    assert_int_equal(gethostname(expected, sizeof(expected) - 1), 0);
    assert_string_equal(name, expected);
    free(name);
    virConnectClose(conn);
}

static void test_flag_checks(void **state)
{
    virConnectPtr conn = sim_open();
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    int s, r;

    assert_null(virDomainGetXMLDesc(dom, 1 << 10));
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x400) in function "
                     "testDomainGetXMLDesc");
    assert_int_equal(virDomainGetState(dom, &s, &r, 1), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x1) in function "
                     "testDomainGetState");
    assert_int_equal(virDomainShutdownFlags(dom, 1), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x1) in function "
                     "testDomainShutdownFlags");
    assert_int_equal(virDomainReset(dom, 1), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x1) in function testDomainReset");
    assert_int_equal(virDomainUndefineFlags(dom, VIR_DOMAIN_UNDEFINE_NVRAM), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x4) in function "
                     "testDomainUndefineFlags");
    assert_int_equal(virDomainHasManagedSaveImage(dom, 1), -1);
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x1) in function "
                     "testDomainHasManagedSaveImage");
    assert_int_equal(virDomainDestroyFlags(dom, VIR_DOMAIN_DESTROY_GRACEFUL), 0);
    virDomainFree(dom);
    virConnectClose(conn);
}

static void test_shared_default_node(void **state)
{
    virConnectPtr a, b, c;
    virDomainPtr dom;

    virSetErrorFunc(NULL, sim_quiet);
    a = virConnectOpen("sim:///default");
    b = virConnectOpen("test:///default");
    assert_non_null(a);
    assert_non_null(b);
    dom = virDomainDefineXML(a, sim_domain_xml("shared1", NULL, 1024, 1));
    assert_non_null(dom);
    virDomainFree(dom);
    dom = virDomainLookupByName(b, "shared1");
    assert_non_null(dom);
    virDomainFree(dom);
    /* a private node does not see it */
    c = sim_open();
    assert_null(virDomainLookupByName(c, "shared1"));
    virConnectClose(c);
    virConnectClose(a);
    virConnectClose(b);
    /* the last close freed the shared node: a new one starts afresh */
    a = virConnectOpen("sim:///default");
    assert_null(virDomainLookupByName(a, "shared1"));
    virConnectClose(a);
}

static void test_open_errors(void **state)
{
    virSetErrorFunc(NULL, sim_quiet);
    assert_null(virConnectOpen("test:///"));
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "invalid argument: testOpen: supply a path or use test:///default");
    assert_null(virConnectOpen("sim:///default?foo=bar"));
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "invalid argument: unsupported URI parameter 'foo' "
                     "(known: private, seed, faults, statedir)");
    assert_null(virConnectOpen("sim:///default?private=yes"));
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "invalid argument: invalid value 'yes' for URI parameter "
                     "'private': expected 0 or 1");
    assert_null(virConnectOpen("sim:///default?seed=-4"));
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "invalid argument: invalid value '-4' for URI parameter 'seed': "
                     "expected an unsigned decimal integer");
    assert_null(virConnectOpen("sim:///default?seed=99999999999999999999999"));
    sim_assert_error(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "invalid argument: invalid value '99999999999999999999999' for URI "
                     "parameter 'seed': expected an unsigned decimal integer");
    virConnectClose(virConnectOpen("sim:///default?seed=18446744073709551615&private=1"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_node),
        cmocka_unit_test(test_default_domain),
        cmocka_unit_test(test_lookup_errors),
        cmocka_unit_test(test_wrong_state_errors),
        cmocka_unit_test(test_ids_and_reasons),
        cmocka_unit_test(test_transient_domain),
        cmocka_unit_test(test_define_rules),
        cmocka_unit_test(test_create_over_defined),
        cmocka_unit_test(test_memory),
        cmocka_unit_test(test_vcpus),
        cmocka_unit_test(test_cpu_time_deterministic),
        cmocka_unit_test(test_list_filters),
        cmocka_unit_test(test_list_old_calls),
        cmocka_unit_test(test_concurrent_clients),
        cmocka_unit_test(test_hostname),
        cmocka_unit_test(test_flag_checks),
        cmocka_unit_test(test_shared_default_node),
        cmocka_unit_test(test_open_errors),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
