/* Domain XML golden files and the model's edges.
 *
 * Every tests/data/domain/NAME.xml is a case: with NAME.err ("VIR_ERR_XXX:
 * message", captured from libvirt 9.0) it must fail exactly so; otherwise
 * it must format (define + dumpxml --inactive, as the test driver does) to
 * NAME.out.xml, optionally to NAME.live.out.xml (running, id 2) and
 * NAME.secure.out.xml (--security-info), re-parse to a fixed point and copy
 * identically.  A data file no case uses fails the run.
 * VIREO_REGENERATE=1 rewrites the expected files from our output.
 * Usage: test-domain-xml DATA_DIR (or VIREO_DOMAIN_DATA_DIR). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf/domain_priv.h"
#include "util/error.h"
#include "util/uuid.h"
#include "golden.h"

/* libvirt's test driver already runs domain "test" with id 1. */
#define VR_TEST_LIVE_ID 2
#define VR_TEST_IFNAME_PREFIX "testnet"
#define VR_TEST_PAD_CHUNK 1000

static vrDomainDef *
vrTestParse(const char *xml, unsigned int flags)
{
    vrDomainDef *def = vrDomainDefParseString(xml, flags);

    if (!def) {
        g_autofree char *err = vrGoldenLastError();

        fail_msg("parse failed: %s", err);
    }
    assert_int_equal(vrDomainDefAssignIfnames(def, VR_TEST_IFNAME_PREFIX), 0);
    return def;
}

/* Parsing the full (secure) output again gives the same outputs: the
 * format is a fixed point.  Without SECURE a password is dropped and with
 * it what depends on it (passwdValidTo), as in libvirt. */
static void
vrTestFixedPoint(const vrDomainDef *def, unsigned int parse_flags,
                 unsigned int format_flags)
{
    g_autofree char *full = vrDomainDefFormat(def, format_flags |
                                              VR_DOMAIN_DEF_FORMAT_SECURE);
    g_autofree char *text = vrDomainDefFormat(def, format_flags);
    g_autoptr(vrDomainDef) again = vrTestParse(full, parse_flags);
    g_autofree char *full_again = vrDomainDefFormat(again, format_flags |
                                                    VR_DOMAIN_DEF_FORMAT_SECURE);
    g_autofree char *text_again = vrDomainDefFormat(again, format_flags);

    assert_string_equal(full_again, full);
    assert_string_equal(text_again, text);
}

static void
vrTestValidCase(const vrGoldenCase *tc, const char *xml)
{
    g_autoptr(vrDomainDef) def = vrTestParse(xml, VR_DOMAIN_DEF_PARSE_INACTIVE);
    g_autofree char *out = vrDomainDefFormat(def, VR_DOMAIN_DEF_FORMAT_INACTIVE);
    g_autoptr(vrDomainDef) copy = vrDomainDefCopy(def);
    g_autofree char *copied = NULL;

    vrGoldenExpect(tc->name, ".out.xml", out);
    vrTestFixedPoint(def, VR_DOMAIN_DEF_PARSE_INACTIVE,
                     VR_DOMAIN_DEF_FORMAT_INACTIVE);
    copied = vrDomainDefFormat(copy, VR_DOMAIN_DEF_FORMAT_INACTIVE);
    assert_string_equal(copied, out);
    if (vrGoldenHasFile(tc->name, ".secure.out.xml")) {
        g_autofree char *secure = vrDomainDefFormat(def,
                                                    VR_DOMAIN_DEF_FORMAT_INACTIVE |
                                                    VR_DOMAIN_DEF_FORMAT_SECURE);

        vrGoldenExpect(tc->name, ".secure.out.xml", secure);
    }
    if (vrGoldenHasFile(tc->name, ".live.out.xml")) {
        g_autofree char *live = NULL;

        def->id = VR_TEST_LIVE_ID;
        live = vrDomainDefFormat(def, 0);
        vrGoldenExpect(tc->name, ".live.out.xml", live);
        vrTestFixedPoint(def, 0, 0);
    }
}

static bool
vrTestParses(const vrGoldenCase *tc, const char *xml)
{
    g_autoptr(vrDomainDef) def = vrDomainDefParseString(xml, VR_DOMAIN_DEF_PARSE_INACTIVE);

    return def != NULL;
}

/* --- the data directory ------------------------------------------------- */

static const char *const vrTestOutputSuffixes[] = {
    ".live.out.xml", ".secure.out.xml", ".out.xml", ".err",
};

/* Every file must belong to a case: NAME.xml plus outputs of that case. */
static void
test_no_stray_files(void **state)
{
    assert_int_equal(vrGoldenCountStray(vrTestOutputSuffixes,
                                        G_N_ELEMENTS(vrTestOutputSuffixes)), 0);
}

/* --- limits and API edges ------------------------------------------------ */

#define VR_TEST_DOC_HEAD \
    "<domain type='test'><name>limits</name>" \
    "<uuid>c0ffee00-0000-4000-8000-000000009999</uuid>" \
    "<memory>1024</memory><os><type>hvm</type></os>"
#define VR_TEST_DOC_TAIL "</domain>\n"

/* A valid document of exactly len bytes, padded with comments. */
static char *
vrTestDocOfSize(size_t len)
{
    static const char open[] = "<!--", close[] = "-->";
    size_t overhead = strlen(open) + strlen(close);
    size_t tail = strlen(VR_TEST_DOC_TAIL);
    GString *doc = g_string_new(VR_TEST_DOC_HEAD);
    size_t fill;

    while (len - doc->len - tail > VR_TEST_PAD_CHUNK + 2 * overhead) {
        g_string_append(doc, open);
        for (fill = 0; fill < VR_TEST_PAD_CHUNK; fill++)
            g_string_append_c(doc, 'p');
        g_string_append(doc, close);
    }
    g_string_append(doc, open);
    while (doc->len + strlen(close) + tail < len)
        g_string_append_c(doc, 'p');
    g_string_append(doc, close);
    g_string_append(doc, VR_TEST_DOC_TAIL);
    assert_int_equal(doc->len, len);
    return g_string_free(doc, FALSE);
}

static void
test_limit_size(void **state)
{
    g_autofree char *max = vrTestDocOfSize(VR_XML_MAX_BYTES);
    g_autofree char *over = vrTestDocOfSize(VR_XML_MAX_BYTES + 1);
    g_autofree char *err = NULL;
    g_autoptr(vrDomainDef) def = vrTestParse(max, VR_DOMAIN_DEF_PARSE_INACTIVE);

    assert_string_equal(def->name, "limits");
    assert_null(vrDomainDefParseString(over, VR_DOMAIN_DEF_PARSE_INACTIVE));
    err = vrGoldenLastError();
    assert_string_equal(err, "VIR_ERR_XML_ERROR: XML error: document is 10485761 "
                        "bytes, larger than the limit of 10485760 bytes");
}

/* A document whose deepest element is at depth levels (<domain> is 1). */
static char *
vrTestDocOfDepth(int levels)
{
    GString *doc = g_string_new(VR_TEST_DOC_HEAD);
    int i;

    for (i = 2; i <= levels; i++)
        g_string_append(doc, "<n>");
    for (i = 2; i <= levels; i++)
        g_string_append(doc, "</n>");
    g_string_append(doc, VR_TEST_DOC_TAIL);
    return g_string_free(doc, FALSE);
}

/* What libvirt reports for a document one level too deep: libxml2's
 * message, the document's line and a caret under the start tag of the
 * first element past the limit -- never cut at VR_ERROR_MAX_LENGTH. */
static char *
vrTestDepthError(const char *doc)
{
    const char *tag = doc;
    g_autofree char *line = g_strndup(doc, strcspn(doc, "\n"));
    g_autofree char *dashes = NULL;
    int i;

    /* <domain> is level 1: the first <n> is level 2. */
    for (i = 2; i <= VR_XML_MAX_DEPTH + 1; i++)
        tag = strstr(tag, "<n>") + (i <= VR_XML_MAX_DEPTH ? 3 : 0);
    dashes = g_strnfill(tag - doc, '-');
    return g_strdup_printf("VIR_ERR_XML_DETAIL: (domain_definition):1: Excessive "
                           "depth in document: 256 use XML_PARSE_HUGE option\n"
                           "%s\n%s^", line, dashes);
}

static void
test_limit_depth(void **state)
{
    g_autofree char *ok = vrTestDocOfDepth(VR_XML_MAX_DEPTH);
    g_autofree char *deep = vrTestDocOfDepth(VR_XML_MAX_DEPTH + 1);
    g_autofree char *expected = vrTestDepthError(deep);
    g_autofree char *err = NULL;
    g_autoptr(vrDomainDef) def = vrTestParse(ok, VR_DOMAIN_DEF_PARSE_INACTIVE);

    assert_int_equal(VR_XML_MAX_DEPTH, 257);
    assert_string_equal(def->name, "limits");
    assert_null(vrDomainDefParseString(deep, VR_DOMAIN_DEF_PARSE_INACTIVE));
    err = vrGoldenLastError();
    assert_string_equal(err, expected);
    assert_true(strlen(err) > VR_ERROR_MAX_LENGTH);
}

static const char vrTestRichDoc[] =
    "<domain type='kvm'><name>rich</name>"
    "<metadata><a:x xmlns:a='urn:a'><a:y/></a:x></metadata>"
    "<memory unit='GiB'>2</memory><vcpu cpuset='0-3'>4</vcpu>"
    "<os><type arch='x86_64'>hvm</type><loader>/l</loader>"
    "<initarg>ignored</initarg></os>"
    "<cpu><model>Haswell</model><feature name='vmx'/></cpu>"
    "<clock offset='variable' adjustment='5'><timer name='rtc'/></clock>"
    "<devices><disk type='file'><source file='/a'/><target dev='hda'/>"
    "<alias name='ua-d'/></disk><interface type='user'/>"
    "<serial type='tcp'><source host='h' service='1'/></serial>"
    "<graphics type='vnc' passwd='pw'/><memballoon model='virtio'/>"
    "<rng model='virtio'><backend model='egd' type='udp'>"
    "<source mode='connect' host='h' service='2'/></backend></rng>"
    "</devices></domain>";

static void
test_copy_is_deep(void **state)
{
    vrDomainDef *def = vrTestParse(vrTestRichDoc, VR_DOMAIN_DEF_PARSE_INACTIVE);
    g_autofree char *orig = vrDomainDefFormat(def, VR_DOMAIN_DEF_FORMAT_SECURE);
    g_autoptr(vrDomainDef) copy = vrDomainDefCopy(def);
    g_autofree char *copied = NULL;

    /* The copy must own everything: free the original first. */
    vrDomainDefFree(def);
    copied = vrDomainDefFormat(copy, VR_DOMAIN_DEF_FORMAT_SECURE);
    assert_string_equal(copied, orig);
    assert_true(vrDomainDefHasSecrets(copy));
    assert_non_null(strstr(copied, "passwd='pw'"));
    vrDomainDefFree(NULL);
}

static void
test_secure_flag(void **state)
{
    g_autoptr(vrDomainDef) def = vrTestParse(vrTestRichDoc,
                                             VR_DOMAIN_DEF_PARSE_INACTIVE);
    g_autofree char *plain = vrDomainDefFormat(def, VR_DOMAIN_DEF_FORMAT_INACTIVE);
    g_autoptr(vrDomainDef) nopass = vrTestParse(VR_TEST_DOC_HEAD VR_TEST_DOC_TAIL,
                                                VR_DOMAIN_DEF_PARSE_INACTIVE);

    assert_null(strstr(plain, "passwd"));
    assert_true(vrDomainDefHasSecrets(def));
    assert_false(vrDomainDefHasSecrets(nopass));
}

static void
test_generated_ids(void **state)
{
    unsigned int counter = 0x10;
    g_autoptr(vrDomainDef) def = NULL;
    g_autofree char *out = NULL;

    vrUUIDSetGenerator(vrGoldenCounterBytes, &counter);
    def = vrTestParse("<domain type='test'><name>gen</name><genid/>"
                      "<memory>1</memory><os><type>hvm</type></os>"
                      "<devices><interface type='user'/></devices></domain>",
                      VR_DOMAIN_DEF_PARSE_INACTIVE);
    vrUUIDSetGenerator(NULL, NULL);
    out = vrDomainDefFormat(def, VR_DOMAIN_DEF_FORMAT_INACTIVE);
    /* uuid, then genid, then the MAC's random tail (version 4 bits set). */
    assert_non_null(strstr(out, "<uuid>10111213-1415-4617-9819-1a1b1c1d1e1f</uuid>"));
    assert_non_null(strstr(out, "<genid>20212223-2425-4627-a829-2a2b2c2d2e2f</genid>"));
    assert_non_null(strstr(out, "<mac address='52:54:00:30:31:32'/>"));
}

static void
test_unknown_flags(void **state)
{
    g_autofree char *err = NULL;

    assert_null(vrDomainDefParseString(VR_TEST_DOC_HEAD VR_TEST_DOC_TAIL, 1u << 7));
    err = vrGoldenLastError();
    /* libvirt's virCheckFlags message carries no "invalid argument" prefix. */
    assert_string_equal(err, "VIR_ERR_INVALID_ARG: unsupported flags (0x80) in "
                        "function vrDomainDefParseString");
}

#define VR_TEST_SCHEMA "/usr/share/libvirt/schemas/domain.rng"

static void
test_schema_validation(void **state)
{
    g_autoptr(vrDomainDef) def = NULL;
    g_autofree char *err = NULL;
    unsigned int flags = VR_DOMAIN_DEF_PARSE_INACTIVE |
                         VR_DOMAIN_DEF_PARSE_VALIDATE_SCHEMA;

    if (!g_file_test(VR_TEST_SCHEMA, G_FILE_TEST_EXISTS))
        skip();
    def = vrTestParse(VR_TEST_DOC_HEAD VR_TEST_DOC_TAIL, flags);
    assert_null(vrDomainDefParseString(VR_TEST_DOC_HEAD "<bogus/>" VR_TEST_DOC_TAIL,
                                       flags));
    err = vrGoldenLastError();
    /* Byte-identical to `virsh define --validate` on libvirt 9.0. */
    assert_string_equal(err, "VIR_ERR_XML_INVALID_SCHEMA: XML document failed to "
                        "validate against schema: Unable to validate doc against "
                        VR_TEST_SCHEMA "\nElement domain has extra content: bogus\n");
    g_clear_pointer(&err, g_free);

    vrDomainSchemaSetPath("/nonexistent/domain.rng");
    assert_null(vrDomainDefParseString(VR_TEST_DOC_HEAD VR_TEST_DOC_TAIL, flags));
    vrDomainSchemaSetPath(NULL);
    err = vrGoldenLastError();
    assert_string_equal(err, "VIR_ERR_OPERATION_UNSUPPORTED: Operation not "
                        "supported: schema validation is unavailable: cannot "
                        "read /nonexistent/domain.rng");
}

static void
test_cpuset_canonical(void **state)
{
    g_autofree char *a = vrCpusetCanonicalize(" 0-2 , 4,^1,7-8 ");
    g_autofree char *b = vrCpusetCanonicalize("16383");
    g_autofree char *err = NULL;

    assert_string_equal(a, "0,2,4,7-8");
    assert_string_equal(b, "16383");
    assert_null(vrCpusetCanonicalize("16384"));
    err = vrGoldenLastError();
    assert_string_equal(err, "VIR_ERR_INVALID_ARG: invalid argument: "
                        "Failed to parse bitmap '16384'");
}

static void
test_disk_name_index(void **state)
{
    assert_int_equal(vrDiskNameToIndex("vda"), 0);
    assert_int_equal(vrDiskNameToIndex("hdz"), 25);
    assert_int_equal(vrDiskNameToIndex("sdaa"), 26);
    assert_int_equal(vrDiskNameToIndex("xvdb3"), 1);
    assert_int_equal(vrDiskNameToIndex("sdzzz"), 18277);
    assert_int_equal(vrDiskNameToIndex("vd"), -1);
    assert_int_equal(vrDiskNameToIndex("nvme0"), -1);
    assert_int_equal(vrDiskNameToIndex("vdA"), -1);
}

/* The <metadata> part of def's inactive format. */
static char *
vrTestMetadataOf(const vrDomainDef *def)
{
    g_autofree char *xml = vrDomainDefFormat(def, VR_DOMAIN_DEF_FORMAT_INACTIVE);
    const char *start = strstr(xml, "  <metadata");
    const char *end = strstr(xml, "  <memory");

    if (!start)
        return g_strdup("");
    return g_strndup(start, end - start);
}

#define VR_TEST_E VIR_DOMAIN_METADATA_ELEMENT

/* Expected values captured from libvirt 9.0 (virDomainSetMetadata /
 * virDomainGetMetadata on test:///default). */
static void
test_metadata_api(void **state)
{
    g_autoptr(vrDomainDef) def = vrTestParse(VR_TEST_DOC_HEAD VR_TEST_DOC_TAIL,
                                             VR_DOMAIN_DEF_PARSE_INACTIVE);
    g_autofree char *md = NULL, *got = NULL, *err = NULL;

    assert_int_equal(vrDomainDefSetMetadata(def, VR_TEST_E,
                     "<foo xmlns:bar='urn:other' a='1'><bar:x/><y>text</y></foo>",
                     "app", "urn:app"), 0);
    md = vrTestMetadataOf(def);
    assert_string_equal(md, "  <metadata>\n"
                        "    <app:foo xmlns:bar=\"urn:other\" xmlns:app=\"urn:app\" a=\"1\">\n"
                        "      <bar:x/>\n      <app:y>text</app:y>\n    </app:foo>\n"
                        "  </metadata>\n");
    got = vrDomainDefGetMetadata(def, VR_TEST_E, "urn:app");
    assert_string_equal(got, "<foo xmlns:bar=\"urn:other\" a=\"1\">\n  <bar:x/>\n"
                        "  <y>text</y>\n</foo>");
    assert_null(vrDomainDefGetMetadata(def, VR_TEST_E, "urn:none"));
    err = vrGoldenLastError();
    assert_string_equal(err, "VIR_ERR_NO_DOMAIN_METADATA: metadata not found: "
                        "Requested metadata element is not present");
    assert_int_equal(vrDomainDefSetMetadata(def, VR_TEST_E, "<other:z xmlns:other='urn:z'/>",
                                            "k2", "urn:k2"), 0);
    assert_int_equal(vrDomainDefSetMetadata(def, VR_TEST_E, "<again/>", "app",
                                            "urn:app"), 0);
    g_clear_pointer(&md, g_free);
    md = vrTestMetadataOf(def);
    assert_string_equal(md, "  <metadata>\n"
                        "    <other:z xmlns:other=\"urn:z\" xmlns:k2=\"urn:k2\"/>\n"
                        "    <app:again xmlns:app=\"urn:app\"/>\n  </metadata>\n");
    assert_int_equal(vrDomainDefSetMetadata(def, VR_TEST_E, NULL, "app", "urn:app"), 0);
    assert_int_equal(vrDomainDefSetMetadata(def, VR_TEST_E, NULL, "z", "urn:z"), 0);
    g_clear_pointer(&md, g_free);
    md = vrTestMetadataOf(def);
    assert_string_equal(md, "  <metadata/>\n");

    assert_int_equal(vrDomainDefSetMetadata(def, VR_TEST_E,
                     "<x:foo xmlns:x='urn:app'><x:y/></x:foo>", "app", "urn:app"), 0);
    g_clear_pointer(&got, g_free);
    got = vrDomainDefGetMetadata(def, VR_TEST_E, "urn:app");
    assert_string_equal(got, "<foo xmlns:app=\"urn:app\">\n  <y/>\n</foo>");

    assert_int_equal(vrDomainDefSetMetadata(def, VR_TEST_E, "<bad", "app", "urn:app"), -1);
    g_clear_pointer(&err, g_free);
    err = vrGoldenLastError();
    assert_string_equal(err, "VIR_ERR_XML_DETAIL: (metadata_xml):1: Couldn't find end "
                        "of Start Tag bad line 1\n<bad\n----^");
    assert_int_equal(vrDomainDefSetMetadata(def, VR_TEST_E, "<a/>", "a:b", "urn:x"), -1);
    g_clear_pointer(&err, g_free);
    err = vrGoldenLastError();
    assert_string_equal(err, "VIR_ERR_INTERNAL_ERROR: internal error: failed to "
                        "validate prefix for a new XML namespace");

    assert_int_equal(vrDomainDefSetMetadata(def, VIR_DOMAIN_METADATA_TITLE, "Title",
                                            NULL, NULL), 0);
    g_clear_pointer(&got, g_free);
    got = vrDomainDefGetMetadata(def, VIR_DOMAIN_METADATA_TITLE, NULL);
    assert_string_equal(got, "Title");
    assert_int_equal(vrDomainDefSetMetadata(def, VIR_DOMAIN_METADATA_TITLE, "",
                                            NULL, NULL), 0);
    assert_null(vrDomainDefGetMetadata(def, VIR_DOMAIN_METADATA_TITLE, NULL));
}

static char *
vrTestDocWith(const char *name, const char *vcpu)
{
    return g_strdup_printf("<domain type='test'><name>%s</name><memory>1</memory>"
                           "<vcpu>%s</vcpu><os><type>hvm</type></os></domain>",
                           name, vcpu);
}

/* vireo's own limits (libvirt has none here): the name's length and
 * control characters, the vCPU count. */
static void
test_vireo_limits(void **state)
{
    g_autofree char *max_name = g_strnfill(VR_DOMAIN_NAME_MAX, 'n');
    g_autofree char *long_name = g_strnfill(VR_DOMAIN_NAME_MAX + 1, 'n');
    g_autofree char *doc = NULL;
    g_autofree char *err = NULL;
    g_autoptr(vrDomainDef) def = NULL;
    g_autoptr(vrDomainDef) cpus = NULL;

    doc = vrTestDocWith(max_name, "1");
    def = vrTestParse(doc, VR_DOMAIN_DEF_PARSE_INACTIVE);
    g_free(doc);
    doc = vrTestDocWith(long_name, "1");
    assert_null(vrDomainDefParseString(doc, VR_DOMAIN_DEF_PARSE_INACTIVE));
    err = vrGoldenLastError();
    assert_string_equal(err, "VIR_ERR_XML_ERROR: XML error: domain name is longer "
                        "than 1024 bytes");
    g_clear_pointer(&err, g_free);
    g_free(doc);
    doc = vrTestDocWith("tab\there", "1");
    assert_null(vrDomainDefParseString(doc, VR_DOMAIN_DEF_PARSE_INACTIVE));
    err = vrGoldenLastError();
    assert_string_equal(err, "VIR_ERR_XML_DETAIL: invalid char in name: \t");
    g_clear_pointer(&err, g_free);
    g_free(doc);
    doc = vrTestDocWith("cpus", "16384");
    cpus = vrTestParse(doc, VR_DOMAIN_DEF_PARSE_INACTIVE);
    assert_int_equal(cpus->vcpus_max, VR_DOMAIN_VCPUS_MAX);
    g_free(doc);
    doc = vrTestDocWith("cpus", "16385");
    assert_null(vrDomainDefParseString(doc, VR_DOMAIN_DEF_PARSE_INACTIVE));
    err = vrGoldenLastError();
    assert_string_equal(err, "VIR_ERR_CONFIG_UNSUPPORTED: unsupported configuration: "
                        "maximum vcpus count 16385 exceeds the limit of 16384");
}

static const struct CMUnitTest vrTestStatic[] = {
    cmocka_unit_test(test_no_stray_files),
    cmocka_unit_test(test_limit_size),
    cmocka_unit_test(test_limit_depth),
    cmocka_unit_test(test_copy_is_deep),
    cmocka_unit_test(test_secure_flag),
    cmocka_unit_test(test_generated_ids),
    cmocka_unit_test(test_unknown_flags),
    cmocka_unit_test(test_schema_validation),
    cmocka_unit_test(test_cpuset_canonical),
    cmocka_unit_test(test_disk_name_index),
    cmocka_unit_test(test_metadata_api),
    cmocka_unit_test(test_vireo_limits),
};

int
main(int argc, char **argv)
{
    static const vrGoldenSuite suite = {
        .group = "domain-xml", .data_env = "VIREO_DOMAIN_DATA_DIR",
        .statics = vrTestStatic, .nstatics = G_N_ELEMENTS(vrTestStatic),
        .check_valid = vrTestValidCase, .parses = vrTestParses,
    };

    return vrGoldenMain(argc, argv, &suite);
}
