/* conformance/cases_xml.c: domain XML -- define -> dumpxml --inactive ->
 * define is a fixed point, live versus inactive XML, the SECURE flag, the
 * exact output for a minimal definition, and parse errors with their codes. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <stdio.h>
#include <string.h>

#include "conform.h"

#define VRC_SMALL_KIB 524288UL
#define VRC_VALUE_MAX 256

static const char vrcRichXml[] =
    "<domain type='test'>\n"
    "  <name>conform-x1</name>\n"
    "  <uuid>c0f0c0f0-0000-4000-8000-000000000001</uuid>\n"
    "  <title>conformance</title>\n"
    "  <description>round trip &amp; more</description>\n"
    "  <memory unit='MiB'>1024</memory>\n"
    "  <currentMemory unit='MiB'>512</currentMemory>\n"
    "  <vcpu current='1'>4</vcpu>\n"
    "  <os><type arch='x86_64'>hvm</type><boot dev='network'/><boot dev='hd'/></os>\n"
    "  <clock offset='localtime'/>\n"
    "  <on_poweroff>destroy</on_poweroff>\n"
    "  <on_reboot>destroy</on_reboot>\n"
    "  <on_crash>restart</on_crash>\n"
    "  <devices>\n"
    "    <disk type='file' device='disk'><source file='/var/lib/conform/disk.img'/>"
    "<target dev='vda' bus='virtio'/></disk>\n"
    "  </devices>\n"
    "</domain>\n";

/* What libvirt 9.0's test driver prints for vrcXml(conform-x1, uuid 1). */
static const char vrcMinimalOut[] =
    "<domain type='test'>\n"
    "  <name>conform-x1</name>\n"
    "  <uuid>c0f0c0f0-0000-4000-8000-000000000001</uuid>\n"
    "  <memory unit='KiB'>1048576</memory>\n"
    "  <currentMemory unit='KiB'>1048576</currentMemory>\n"
    "  <vcpu placement='static'>2</vcpu>\n"
    "  <os>\n"
    "    <type arch='i686'>hvm</type>\n"
    "    <boot dev='hd'/>\n"
    "  </os>\n"
    "  <clock offset='utc'/>\n"
    "  <on_poweroff>destroy</on_poweroff>\n"
    "  <on_reboot>restart</on_reboot>\n"
    "  <on_crash>destroy</on_crash>\n"
    "  <devices>\n"
    "  </devices>\n"
    "</domain>\n";

static int
vrcXmlRoundTrip(vrcCtx *ctx)
{
    virDomainPtr dom;
    char *first, *second;

    VRC_NEED(dom, vrcDefine(ctx, "conform-x1", vrcRichXml));
    VRC_STR(ctx, first, virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
    VRC_NEED(dom, vrcDefine(ctx, "conform-x1", first));
    VRC_STR(ctx, second, virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
    VRC_EXPECT(ctx, strcmp(first, second) == 0,
               "second dump differs from the first:\n%s\n---\n%s", first, second);
    return 0;
}

/* The dump keeps what was defined, in libvirt's units. */
static int
vrcXmlRoundTripValues(vrcCtx *ctx)
{
    static const char *const expect[][3] = {
        { "<title>", "</title>", "conformance" },
        { "<description>", "</description>", "round trip &amp; more" },
        { "<memory unit='KiB'>", "<", "1048576" },
        { "<currentMemory unit='KiB'>", "<", "524288" },
        { "<vcpu placement='static' current='1'>", "<", "4" },
        { "<clock offset='", "'", "localtime" },
        { "<on_reboot>", "<", "destroy" },
        { "<on_crash>", "<", "restart" },
        { "<source file='", "'", "/var/lib/conform/disk.img" },
    };
    virDomainPtr dom;
    char *xml;
    char val[VRC_VALUE_MAX];
    size_t i;

    VRC_NEED(dom, vrcDefine(ctx, "conform-x1", vrcRichXml));
    VRC_STR(ctx, xml, virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
    for (i = 0; i < VRC_COUNT(expect); i++) {
        VRC_CHECK(vrcXmlValue(ctx, xml, expect[i][0], expect[i][1], val, sizeof(val)));
        VRC_EXPECT_STR(ctx, expect[i][0], val, expect[i][2]);
    }
    return 0;
}

static int
vrcXmlMinimalOutput(vrcCtx *ctx)
{
    virDomainPtr dom;
    char *xml;

    VRC_NEED(dom, vrcDefine(ctx, "conform-x1", vrcXml(ctx, "conform-x1", vrcUuid(ctx, 1),
                                                      VRC_MEM_KIB, 2, NULL)));
    VRC_STR(ctx, xml, virDomainGetXMLDesc(dom, 0));
    VRC_EXPECT(ctx, strcmp(xml, vrcMinimalOut) == 0, "expected:\n%s\ngot:\n%s",
               vrcMinimalOut, xml);
    return 0;
}

static int
vrcXmlRedefineRunning(vrcCtx *ctx)
{
    virDomainPtr dom;
    char *first, *second;

    VRC_NEED(dom, vrcDefine(ctx, "conform-x1", vrcRichXml));
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_STR(ctx, first, virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
    VRC_NEED(dom, vrcDefine(ctx, "conform-x1", first));
    VRC_STR(ctx, second, virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
    VRC_EXPECT(ctx, strcmp(first, second) == 0, "inactive XML changed:\n%s\n---\n%s",
               first, second);
    return 0;
}

static int
vrcXmlLiveId(vrcCtx *ctx)
{
    virDomainPtr dom, again;
    char *live, *inactive;
    const char *head;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-x1"));
    VRC_NEED(again, vrcLookup(ctx, "conform-x1"));
    head = vrcPrintf(ctx, "<domain type='test' id='%d'>\n", (int)virDomainGetID(again));
    VRC_STR(ctx, live, virDomainGetXMLDesc(dom, 0));
    VRC_EXPECT(ctx, strncmp(live, head, strlen(head)) == 0, "live XML starts %.60s", live);
    VRC_STR(ctx, inactive, virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
    VRC_EXPECT(ctx, strncmp(inactive, "<domain type='test'>\n", 21) == 0,
               "inactive XML starts %.60s", inactive);
    return 0;
}

static int
vrcXmlLiveVsInactive(vrcCtx *ctx)
{
    virDomainPtr dom;
    char *live, *inactive;
    char val[VRC_VALUE_MAX];

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-x1"));
    VRC_OK(ctx, virDomainSetMemoryFlags(dom, VRC_SMALL_KIB, VIR_DOMAIN_AFFECT_CONFIG));
    VRC_STR(ctx, live, virDomainGetXMLDesc(dom, 0));
    VRC_CHECK(vrcXmlValue(ctx, live, "<currentMemory unit='KiB'>", "<", val, sizeof(val)));
    VRC_EXPECT_STR(ctx, "live <currentMemory>", val, "1048576");
    VRC_STR(ctx, inactive, virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
    VRC_CHECK(vrcXmlValue(ctx, inactive, "<currentMemory unit='KiB'>", "<", val, sizeof(val)));
    VRC_EXPECT_STR(ctx, "inactive <currentMemory>", val, "524288");
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_STR(ctx, live, virDomainGetXMLDesc(dom, 0));
    VRC_CHECK(vrcXmlValue(ctx, live, "<currentMemory unit='KiB'>", "<", val, sizeof(val)));
    VRC_EXPECT_STR(ctx, "<currentMemory> after stop", val, "524288");
    return 0;
}

static int
vrcXmlShutoffSame(vrcCtx *ctx)
{
    virDomainPtr dom;
    char *plain, *inactive;

    VRC_NEED(dom, vrcDefine(ctx, "conform-x1", vrcRichXml));
    VRC_STR(ctx, plain, virDomainGetXMLDesc(dom, 0));
    VRC_STR(ctx, inactive, virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
    VRC_EXPECT(ctx, strcmp(plain, inactive) == 0, "XML of a shut-off domain differs with "
               "VIR_DOMAIN_XML_INACTIVE:\n%s\n---\n%s", plain, inactive);
    return 0;
}

static int
vrcXmlTransient(vrcCtx *ctx)
{
    virDomainPtr dom;
    char *xml;
    char val[VRC_VALUE_MAX];

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-x1", vrcXml(ctx, "conform-x1",
                                      vrcUuid(ctx, 1), VRC_MEM_KIB, 2, NULL)));
    VRC_STR(ctx, xml, virDomainGetXMLDesc(dom, 0));
    VRC_CHECK(vrcXmlValue(ctx, xml, "<name>", "<", val, sizeof(val)));
    VRC_EXPECT_STR(ctx, "<name>", val, "conform-x1");
    VRC_CHECK(vrcXmlValue(ctx, xml, "<uuid>", "<", val, sizeof(val)));
    VRC_EXPECT_STR(ctx, "<uuid>", val, vrcUuid(ctx, 1));
    VRC_EXPECT(ctx, strstr(xml, " id='") != NULL, "live XML of a transient domain has no id");
    return 0;
}

static int
vrcXmlSecure(vrcCtx *ctx)
{
    virDomainPtr dom;
    char *plain, *secure;
    const char *gfx = "<graphics type='vnc' port='5900' autoport='no' passwd='s3cret'/>";

    VRC_NEED(dom, vrcDefine(ctx, "conform-x1", vrcXml(ctx, "conform-x1", NULL, VRC_MEM_KIB,
                                                      2, gfx)));
    VRC_STR(ctx, plain, virDomainGetXMLDesc(dom, 0));
    VRC_EXPECT(ctx, strstr(plain, "<graphics type='vnc'") != NULL, "no <graphics> in XML");
    VRC_EXPECT(ctx, strstr(plain, "s3cret") == NULL, "password shown without SECURE");
    VRC_STR(ctx, secure, virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_SECURE));
    VRC_EXPECT(ctx, strstr(secure, "passwd='s3cret'") != NULL, "password missing with SECURE");
    return 0;
}

static int
vrcXmlSecureReadOnly(vrcCtx *ctx)
{
    virConnectPtr ro;
    virDomainPtr dom, rodom;
    char *xml;
    int rc = 0;

    VRC_NEED(dom, vrcDefine(ctx, "conform-x1", NULL));
    vrcStep(ctx, "virConnectOpenReadOnly(%s)", ctx->uri);
    if (!(ro = virConnectOpenReadOnly(ctx->uri)))
        return vrcCallFailed(ctx);
    vrcStep(ctx, "virDomainLookupByName(ro, conform-x1)");
    if (!(rodom = virDomainLookupByName(ro, "conform-x1"))) {
        rc = vrcCallFailed(ctx);
    } else {
        vrcStep(ctx, "virDomainGetXMLDesc(rodom, VIR_DOMAIN_XML_SECURE)");
        xml = virDomainGetXMLDesc(rodom, VIR_DOMAIN_XML_SECURE);
        rc = vrcCheckError(ctx, xml == NULL, VIR_ERR_OPERATION_DENIED,
                           "operation forbidden: virDomainGetXMLDesc with secure flag");
        free(xml);
        if (rc == 0) {
            vrcStep(ctx, "virDomainGetXMLDesc(rodom, 0)");
            if (!(xml = virDomainGetXMLDesc(rodom, 0)))
                rc = vrcCallFailed(ctx);
            free(xml);
        }
        virDomainFree(rodom);
    }
    virConnectClose(ro);
    return rc;
}

static int
vrcXmlUnknownFlag(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcDefine(ctx, "conform-x1", NULL));
    VRC_ERR_STR(ctx, virDomainGetXMLDesc(dom, 1U << 30), VIR_ERR_INVALID_ARG,
                "unsupported flags (0x40000000) in function *");
    return 0;
}

typedef struct {
    const char *xml;
    int code;
    const char *message;
} vrcBadXml;

static const vrcBadXml vrcBadMalformed = {
    "<domain type='test'><name>conform-bad</name", VIR_ERR_XML_DETAIL,
    "(domain_definition):1: expected '>'\n"
    "<domain type='test'><name>conform-bad</name\n"
    "-------------------------------------------^" };
static const vrcBadXml vrcBadEmpty = {
    "", VIR_ERR_XML_DETAIL, "(domain_definition):1: Document is empty\n(null)\n^" };
static const vrcBadXml vrcBadNoName = {
    "<domain type='test'><memory>1024</memory><os><type>hvm</type></os></domain>",
    VIR_ERR_NO_NAME, "missing name information" };
static const vrcBadXml vrcBadNoOsType = {
    "<domain type='test'><name>conform-bad</name><memory>1024</memory></domain>",
    VIR_ERR_XML_ERROR, "XML error: an os <type> must be specified" };
static const vrcBadXml vrcBadRoot = {
    "<network><name>conform-bad</name></network>", VIR_ERR_XML_ERROR,
    "XML error: expecting root element of 'domain', not 'network'" };
static const vrcBadXml vrcBadUuid = {
    "<domain type='test'><name>conform-bad</name><uuid>zzz</uuid><memory>1024</memory>"
    "<os><type>hvm</type></os></domain>", VIR_ERR_INTERNAL_ERROR,
    "internal error: malformed uuid element" };

/* A rejected definition fails with the exact code and creates nothing,
 * through DefineXML and CreateXML alike. */
static int
vrcXmlBad(vrcCtx *ctx)
{
    const vrcBadXml *bad = ctx->tc->data;

    VRC_ERR_DOM(ctx, virDomainDefineXML(ctx->conn, bad->xml), bad->code, bad->message);
    VRC_ERR_DOM(ctx, virDomainCreateXML(ctx->conn, bad->xml, 0), bad->code, bad->message);
    VRC_LIST(ctx, 0, "");
    return 0;
}

const vrcCase vrcCasesXml[] = {
    { "domain/300-xml-roundtrip", "xml",
      "define -> dumpxml --inactive -> define -> dumpxml is identical", vrcXmlRoundTrip },
    { "domain/301-xml-roundtrip-values", "xml",
      "the dump keeps title, description, memory (in KiB), vcpus, clock, actions, disks",
      vrcXmlRoundTripValues },
    { "domain/302-xml-minimal-output", "xml",
      "a minimal definition dumps exactly as libvirt 9.0 prints it", vrcXmlMinimalOutput },
    { "domain/303-xml-redefine-running", "xml",
      "redefining a running domain with its inactive XML changes nothing",
      vrcXmlRedefineRunning },
    { "domain/304-xml-live-id", "xml",
      "live XML carries id='N', inactive XML none", vrcXmlLiveId },
    { "domain/305-xml-live-vs-inactive", "xml",
      "a CONFIG change shows in inactive XML only, and live after restart",
      vrcXmlLiveVsInactive },
    { "domain/306-xml-shutoff-same", "xml",
      "a shut-off domain's XML is the same with and without INACTIVE", vrcXmlShutoffSame },
    { "domain/307-xml-transient", "xml",
      "a transient domain's XML has its name, uuid and id", vrcXmlTransient },
    { "domain/308-xml-secure", "xml",
      "graphics passwords appear only with VIR_DOMAIN_XML_SECURE", vrcXmlSecure },
    { "domain/309-xml-secure-readonly", "xml",
      "SECURE on a read-only connection fails with VIR_ERR_OPERATION_DENIED",
      vrcXmlSecureReadOnly },
    { "domain/310-xml-unknown-flag", "xml",
      "GetXMLDesc with an unknown flag fails with VIR_ERR_INVALID_ARG", vrcXmlUnknownFlag },
    { "domain/311-xml-malformed", "xml",
      "malformed XML fails with VIR_ERR_XML_DETAIL and defines nothing", vrcXmlBad, 0,
      &vrcBadMalformed },
    { "domain/312-xml-empty", "xml",
      "an empty document fails with VIR_ERR_XML_DETAIL", vrcXmlBad, 0, &vrcBadEmpty },
    { "domain/313-xml-no-name", "xml",
      "a definition without <name> fails with VIR_ERR_NO_NAME", vrcXmlBad, 0, &vrcBadNoName },
    { "domain/314-xml-no-os-type", "xml",
      "a definition without <os><type> fails with VIR_ERR_XML_ERROR", vrcXmlBad, 0,
      &vrcBadNoOsType },
    { "domain/315-xml-wrong-root", "xml",
      "a <network> document fails with VIR_ERR_XML_ERROR", vrcXmlBad, 0, &vrcBadRoot },
    { "domain/316-xml-malformed-uuid", "xml",
      "a malformed <uuid> fails with VIR_ERR_INTERNAL_ERROR", vrcXmlBad, 0, &vrcBadUuid },
};
const size_t vrcCasesXmlCount = VRC_COUNT(vrcCasesXml);
