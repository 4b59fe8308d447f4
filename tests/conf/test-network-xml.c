/* Network XML golden files and the model's edges.
 *
 * Every tests/data/network/NAME.xml is a case: with NAME.err ("VIR_ERR_XXX:
 * message", captured from libvirt 9.0 by tests/conf/capture-network.py) it
 * must fail exactly so; otherwise it must format (net-define + net-dumpxml
 * on libvirt's test driver) to NAME.out.xml, re-parse to a fixed point and
 * copy identically.  A data file no case uses fails the run.
 * VIREO_REGENERATE=1 rewrites the expected files from our output.
 * Usage: test-network-xml DATA_DIR. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf/network_conf.h"
#include "util/error.h"
#include "util/uuid.h"
#include "golden.h"

static vrNetworkDef *
vrTestParse(const char *xml)
{
    vrNetworkDef *def = vrNetworkDefParseString(xml, 0);

    if (!def) {
        g_autofree char *err = vrGoldenLastError();

        fail_msg("parse failed: %s", err);
    }
    return def;
}

static void
vrTestValidCase(const vrGoldenCase *tc, const char *xml)
{
    g_autoptr(vrNetworkDef) def = vrTestParse(xml);
    g_autofree char *out = vrNetworkDefFormat(def);
    g_autoptr(vrNetworkDef) again = NULL;
    g_autoptr(vrNetworkDef) copy = vrNetworkDefCopy(def);
    g_autofree char *out_again = NULL;
    g_autofree char *copied = NULL;

    vrGoldenExpect(tc->name, ".out.xml", out);
    again = vrTestParse(out);
    out_again = vrNetworkDefFormat(again);
    assert_string_equal(out_again, out);
    copied = vrNetworkDefFormat(copy);
    assert_string_equal(copied, out);
}

static bool
vrTestParses(const vrGoldenCase *tc, const char *xml)
{
    g_autoptr(vrNetworkDef) def = vrNetworkDefParseString(xml, 0);

    return def != NULL;
}

/* --- the data directory ------------------------------------------------- */

static const char *const vrTestOutputSuffixes[] = { ".out.xml", ".err" };

/* Every file belongs to a case, and each case has exactly one expectation. */
static void
test_no_stray_files(void **state)
{
    assert_int_equal(vrGoldenCountStray(vrTestOutputSuffixes,
                                        G_N_ELEMENTS(vrTestOutputSuffixes)), 0);
}

/* --- limits, flags, schema ------------------------------------------------ */

static char *
vrTestNamed(const char *name)
{
    return g_strdup_printf("<network><name>%s</name>"
                           "<uuid>81ff0d90-c91e-6742-64da-4a736edb9aff</uuid></network>", name);
}

/* vireo's own limits (libvirt has none): the name's length and control
 * characters, elements of one kind. */
static void
test_name_limits(void **state)
{
    g_autofree char *max = g_strnfill(VR_NETWORK_NAME_MAX, 'n');
    g_autofree char *over = g_strnfill(VR_NETWORK_NAME_MAX + 1, 'n');
    g_autofree char *doc = vrTestNamed(max);
    g_autoptr(vrNetworkDef) def = vrTestParse(doc);
    g_autofree char *err = NULL;

    assert_int_equal(strlen(def->name), VR_NETWORK_NAME_MAX);
    g_free(doc);
    doc = vrTestNamed(over);
    assert_null(vrNetworkDefParseString(doc, 0));
    err = vrGoldenLastError();
    assert_string_equal(err, "VIR_ERR_XML_ERROR: XML error: network name is longer than "
                        "1024 bytes");
    g_clear_pointer(&err, g_free);
    g_free(doc);
    doc = vrTestNamed("tab\there");
    assert_null(vrNetworkDefParseString(doc, 0));
    err = vrGoldenLastError();
    assert_string_equal(err, "VIR_ERR_XML_DETAIL: invalid char in name: \t");
}

static void
test_list_limit(void **state)
{
    GString *doc = g_string_new("<network><name>many</name>");
    g_autofree char *xml = NULL;
    g_autofree char *err = NULL;
    guint i;

    for (i = 0; i <= VR_NETWORK_LIST_MAX; i++)
        g_string_append(doc, "<ip address='10.0.0.1'/>");
    g_string_append(doc, "</network>");
    xml = g_string_free(doc, FALSE);
    assert_null(vrNetworkDefParseString(xml, 0));
    err = vrGoldenLastError();
    assert_string_equal(err, "VIR_ERR_XML_ERROR: XML error: network 'many' has more than "
                        "65536 ip elements");
}

static void
test_generated_uuid(void **state)
{
    unsigned int counter = 0x10;
    g_autoptr(vrNetworkDef) def = NULL;
    g_autofree char *out = NULL;

    vrUUIDSetGenerator(vrGoldenCounterBytes, &counter);
    def = vrTestParse("<network><name>gen</name></network>");
    vrUUIDSetGenerator(NULL, NULL);
    out = vrNetworkDefFormat(def);
    assert_string_equal(out, "<network>\n  <name>gen</name>\n"
                        "  <uuid>10111213-1415-4617-9819-1a1b1c1d1e1f</uuid>\n"
                        "  <bridge stp='on' delay='0'/>\n</network>\n");
}

static void
test_unknown_flags(void **state)
{
    g_autofree char *err = NULL;

    assert_null(vrNetworkDefParseString("<network><name>x</name></network>", 1u << 5));
    err = vrGoldenLastError();
    assert_string_equal(err, "VIR_ERR_INVALID_ARG: unsupported flags (0x20) in function "
                        "vrNetworkDefParseString");
}

#define VR_TEST_SCHEMA "/usr/share/libvirt/schemas/network.rng"

/* Byte-identical to `virsh net-define --validate` on libvirt 9.0. */
static void
test_schema_validation(void **state)
{
    g_autoptr(vrNetworkDef) def = NULL;
    g_autofree char *err = NULL;

    if (!g_file_test(VR_TEST_SCHEMA, G_FILE_TEST_EXISTS))
        skip();
    def = vrNetworkDefParseString("<network><name>v1</name></network>",
                                  VR_NETWORK_DEF_PARSE_VALIDATE_SCHEMA);
    assert_non_null(def);
    assert_null(vrNetworkDefParseString("<network><name>v2</name><bogus/></network>",
                                        VR_NETWORK_DEF_PARSE_VALIDATE_SCHEMA));
    err = vrGoldenLastError();
    assert_string_equal(err, "VIR_ERR_XML_INVALID_SCHEMA: XML document failed to validate "
                        "against schema: Unable to validate doc against " VR_TEST_SCHEMA
                        "\nElement network has extra content: bogus\n");
}

static void
test_range_checks(void **state)
{
    vrNetAddr a, b;
    g_autofree char *err = NULL;

    assert_int_equal(vrNetAddrParse("2001:db8::10", &a), 0);
    assert_int_equal(vrNetAddrParse("2001:db8::1", &b), 0);
    assert_int_equal(vrNetAddrGetRange(&b, &a, NULL, 0), 16);
    assert_int_equal(vrNetAddrGetRange(&a, &b, NULL, 0), -1);
    err = vrGoldenLastError();
    assert_string_equal(err, "VIR_ERR_INTERNAL_ERROR: internal error: range 2001:db8::10 - "
                        "2001:db8::1 start larger than end");
    g_clear_pointer(&err, g_free);
    assert_int_equal(vrNetAddrParse("10.0.0.1", &b), 0);
    assert_int_equal(vrNetAddrGetRange(&a, &b, NULL, 0), -1);
    err = vrGoldenLastError();
    assert_string_equal(err, "VIR_ERR_INTERNAL_ERROR: internal error: mismatch of address "
                        "family in range 2001:db8::10 - 10.0.0.1");
    assert_int_equal(vrNetAddrParse("bogus", &a), -1);
}

/* --- virNetworkUpdate's section edits (messages from libvirt 9.0) ---------- */

#define VR_TEST_BASE \
    "<network><name>default</name><uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid>" \
    "<forward mode='nat'/><bridge name='virbr0' stp='on' delay='0'/>" \
    "<ip address='192.168.122.1' netmask='255.255.255.0'><dhcp>" \
    "<range start='192.168.122.2' end='192.168.122.254'/></dhcp></ip></network>"
#define VR_TEST_HOST_A "<host mac='52:54:00:00:00:01' name='a' ip='192.168.122.10'/>"

typedef struct {
    unsigned int command, section;
    int index;
    const char *xml;
    const char *error;              /* NULL: must succeed */
} vrTestUpdate;

#define CMD(c) VIR_NETWORK_UPDATE_COMMAND_##c
#define SEC(s) VIR_NETWORK_SECTION_##s

static const vrTestUpdate vrTestUpdates[] = {
    { 0, SEC(IP_DHCP_HOST), -1, VR_TEST_HOST_A, "VIR_ERR_OPERATION_UNSUPPORTED: Operation "
      "not supported: unrecognized network update command code 0" },
    { CMD(ADD_LAST), 0, -1, VR_TEST_HOST_A, "VIR_ERR_OPERATION_UNSUPPORTED: Operation not "
      "supported: can't update unrecognized section of network" },
    { CMD(ADD_LAST), SEC(BRIDGE), -1, "<bridge name='x'/>", "VIR_ERR_OPERATION_UNSUPPORTED: "
      "Operation not supported: can't update 'bridge' section of network 'default'" },
    { CMD(ADD_LAST), SEC(IP_DHCP_HOST), -1, "<range start='1.1.1.1' end='1.1.1.2'/>",
      "VIR_ERR_XML_ERROR: XML error: unexpected element <range>, expecting <host>, while "
      "updating network 'default'" },
    { CMD(ADD_LAST), SEC(IP_DHCP_HOST), -1, "<host", "VIR_ERR_XML_DETAIL: "
      "network_update_xml:1: Couldn't find end of Start Tag host line 1\n<host\n-----^" },
    { CMD(ADD_LAST), SEC(IP_DHCP_HOST), 1, VR_TEST_HOST_A, "VIR_ERR_OPERATION_INVALID: "
      "Requested operation is not valid: couldn't update dhcp host entry - no <ip> element "
      "found at index 1 in network 'default'" },
    { CMD(ADD_LAST), SEC(IP_DHCP_HOST), -2, VR_TEST_HOST_A, NULL },
    { CMD(ADD_FIRST), SEC(IP_DHCP_HOST), 0, VR_TEST_HOST_A, "VIR_ERR_OPERATION_INVALID: "
      "Requested operation is not valid: there is an existing dhcp host entry in network "
      "'default' that matches \"<host mac='52:54:00:00:00:01' name='a' "
      "ip='192.168.122.10'/>\"" },
    { CMD(ADD_LAST), SEC(IP_DHCP_HOST), 0, "<host mac='52:54:00:00:00:09' ip='2001::1'/>",
      "VIR_ERR_OPERATION_INVALID: Requested operation is not valid: the address family of "
      "a host entry IP must match the address family of the dhcp element's parent" },
    { CMD(MODIFY), SEC(IP_DHCP_HOST), 0, "<host mac='52:54:00:00:00:02' name='b' "
      "ip='192.168.122.11'/>", "VIR_ERR_OPERATION_INVALID: Requested operation is not "
      "valid: couldn't locate an existing dhcp host entry with \"mac='52:54:00:00:00:02'\" "
      "\"name='b'\" \"ip='192.168.122.11'\" in network 'default'" },
    { CMD(MODIFY), SEC(IP_DHCP_HOST), 0, "<host mac='52:54:00:00:00:01' name='b' "
      "ip='192.168.122.11'/>", NULL },
    { CMD(ADD_FIRST), SEC(IP_DHCP_HOST), 0, "<host mac='52:54:00:00:00:03' "
      "ip='192.168.122.12'/>", NULL },
    { CMD(DELETE), SEC(IP_DHCP_HOST), 0, "<host mac='52:54:00:00:00:02'/>",
      "VIR_ERR_OPERATION_INVALID: Requested operation is not valid: couldn't locate a "
      "matching dhcp host entry in network 'default'" },
    { CMD(DELETE), SEC(IP_DHCP_HOST), 0, "<host/>", "VIR_ERR_XML_ERROR: XML error: At "
      "least one of name, mac, or ip attribute must be specified for static host "
      "definition in network 'default' " },
    { CMD(DELETE), SEC(IP_DHCP_HOST), 0, "<host ip='192.168.122.11'/>", NULL },
    { CMD(MODIFY), SEC(IP_DHCP_RANGE), -1, "<range start='192.168.122.2' "
      "end='192.168.122.254'/>", "VIR_ERR_OPERATION_UNSUPPORTED: Operation not supported: "
      "dhcp ranges cannot be modified, only added or deleted" },
    { CMD(ADD_LAST), SEC(IP_DHCP_RANGE), -1, "<range start='192.168.122.2' "
      "end='192.168.122.254'/>", "VIR_ERR_OPERATION_INVALID: Requested operation is not "
      "valid: there is an existing dhcp range entry in network 'default' that matches "
      "\"<range start='192.168.122.2' end='192.168.122.254'/>\"" },
    { CMD(DELETE), SEC(IP_DHCP_RANGE), -1, "<range start='192.168.122.2' "
      "end='192.168.122.250'/>", "VIR_ERR_OPERATION_INVALID: Requested operation is not "
      "valid: couldn't locate a matching dhcp range entry in network 'default'" },
    { CMD(DELETE), SEC(IP_DHCP_RANGE), -1, "<range start='192.168.122.2' "
      "end='192.168.122.254'/>", NULL },
    { CMD(ADD_FIRST), SEC(IP_DHCP_RANGE), -1, "<range start='192.168.122.100' "
      "end='192.168.122.200'/>", NULL },
    { CMD(MODIFY), SEC(DNS_HOST), -1, "<host ip='1.2.3.4'><hostname>a</hostname></host>",
      "VIR_ERR_OPERATION_UNSUPPORTED: Operation not supported: DNS HOST records cannot be "
      "modified, only added or deleted" },
    { CMD(ADD_LAST), SEC(DNS_HOST), -1, "<host ip='1.2.3.4'><hostname>a</hostname></host>",
      NULL },
    { CMD(ADD_LAST), SEC(DNS_HOST), -1, "<host ip='1.2.3.4'><hostname>b</hostname></host>",
      "VIR_ERR_OPERATION_INVALID: Requested operation is not valid: there is already at "
      "least one DNS HOST record with a matching field in network default" },
    { CMD(ADD_FIRST), SEC(DNS_HOST), -1, "<host ip='1.2.3.5'><hostname>a</hostname></host>",
      NULL },
    { CMD(DELETE), SEC(DNS_HOST), -1, "<host><hostname>a</hostname></host>",
      "VIR_ERR_OPERATION_INVALID: Requested operation is not valid: multiple matching DNS "
      "HOST records were found in network default" },
    { CMD(DELETE), SEC(DNS_HOST), -1, "<host ip='9.9.9.9'/>", "VIR_ERR_OPERATION_INVALID: "
      "Requested operation is not valid: couldn't locate a matching DNS HOST record in "
      "network default" },
    { CMD(DELETE), SEC(DNS_HOST), -1, "<host ip='1.2.3.5'/>", NULL },
    { CMD(ADD_LAST), SEC(DNS_TXT), -1, "<txt name='a' value='b'/>", NULL },
    { CMD(ADD_LAST), SEC(DNS_SRV), -1, "<srv service='a' protocol='tcp'/>", NULL },
    { CMD(ADD_LAST), SEC(PORTGROUP), -1, "<portgroup name='p'/>", NULL },
    { CMD(ADD_LAST), SEC(FORWARD_INTERFACE), -1, "<interface dev='eth0'/>", NULL },
};

/* The default network after the successful edits above, as libvirt 9.0's
 * test driver shows it. */
static const char vrTestUpdated[] =
    "<network>\n  <name>default</name>\n  <uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid>\n"
    "  <forward dev='eth0' mode='nat'>\n    <interface dev='eth0'/>\n  </forward>\n"
    "  <bridge name='virbr0' stp='on' delay='0'/>\n  <dns>\n"
    "    <txt name='a' value='b'/>\n    <srv service='a' protocol='tcp'/>\n"
    "    <host ip='1.2.3.4'>\n      <hostname>a</hostname>\n    </host>\n  </dns>\n"
    "  <ip address='192.168.122.1' netmask='255.255.255.0'>\n    <dhcp>\n"
    "      <range start='192.168.122.100' end='192.168.122.200'/>\n"
    "      <host mac='52:54:00:00:00:03' ip='192.168.122.12'/>\n    </dhcp>\n  </ip>\n"
    "  <portgroup name='p'>\n  </portgroup>\n</network>\n";

static void
test_update_sections(void **state)
{
    g_autoptr(vrNetworkDef) def = vrTestParse(VR_TEST_BASE);
    g_autofree char *out = NULL;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(vrTestUpdates); i++) {
        const vrTestUpdate *u = &vrTestUpdates[i];
        g_autofree char *before = vrNetworkDefFormat(def);
        g_autofree char *after = NULL;
        int rc;

        vrErrorReset();
        rc = vrNetworkDefUpdateSection(def, u->command, u->section, u->index, u->xml);
        after = vrNetworkDefFormat(def);
        if (u->error) {
            g_autofree char *err = vrGoldenLastError();

            if (rc != -1 || strcmp(err, u->error) != 0)
                fail_msg("update %zu: rc %d, got '%s', want '%s'", i, rc, err, u->error);
            assert_string_equal(after, before);      /* unchanged on error */
        } else if (rc != 0) {
            g_autofree char *err = vrGoldenLastError();

            fail_msg("update %zu failed: %s", i, err);
        }
    }
    out = vrNetworkDefFormat(def);
    assert_string_equal(out, vrTestUpdated);
}

/* An edit that makes the definition invalid is refused. */
static void
test_update_revalidates(void **state)
{
    g_autoptr(vrNetworkDef) def = vrTestParse(
        "<network><name>o</name><forward mode='open'/><ip address='10.0.0.1'/></network>");
    g_autofree char *err = NULL;

    assert_int_equal(vrNetworkDefUpdateSection(def, CMD(ADD_LAST), SEC(FORWARD_INTERFACE),
                                               -1, "<interface dev='eth0'/>"), -1);
    err = vrGoldenLastError();
    assert_string_equal(err, "VIR_ERR_XML_ERROR: XML error: forward dev not allowed for "
                        "network 'o' with forward mode='open'");
    assert_int_equal(def->forward.ifs->len, 0);
}

static const struct CMUnitTest vrTestStatic[] = {
    cmocka_unit_test(test_no_stray_files),
    cmocka_unit_test(test_name_limits),
    cmocka_unit_test(test_list_limit),
    cmocka_unit_test(test_generated_uuid),
    cmocka_unit_test(test_unknown_flags),
    cmocka_unit_test(test_schema_validation),
    cmocka_unit_test(test_range_checks),
    cmocka_unit_test(test_update_sections),
    cmocka_unit_test(test_update_revalidates),
};

int
main(int argc, char **argv)
{
    static const vrGoldenSuite suite = {
        .group = "network-xml", .data_env = "VIREO_NETWORK_DATA_DIR",
        .statics = vrTestStatic, .nstatics = G_N_ELEMENTS(vrTestStatic),
        .check_valid = vrTestValidCase, .parses = vrTestParses,
    };

    return vrGoldenMain(argc, argv, &suite);
}
