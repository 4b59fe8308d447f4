/* RelaxNG validation of network documents against libvirt's installed
 * network.rng (VIR_NETWORK_DEFINE_VALIDATE / CREATE_VALIDATE): compiled
 * once, errors worded as `virsh net-define --validate` shows them. */
#include <unistd.h>
#include <libxml/relaxng.h>

#include "conf/network_priv.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_XML

#define VR_NETWORK_SCHEMA_PATH "/usr/share/libvirt/schemas/network.rng"

static GMutex vr_net_schema_lock;
static xmlRelaxNGPtr vr_net_schema;
static bool vr_net_schema_failed;

static void G_GNUC_PRINTF(2, 3)
vrNetSchemaCollect(void *opaque, const char *fmt, ...)
{
    GString *errors = opaque;
    va_list ap;

    va_start(ap, fmt);
    g_string_append_vprintf(errors, fmt, ap);
    va_end(ap);
}

static void G_GNUC_PRINTF(2, 3)
vrNetSchemaIgnore(void *opaque, const char *fmt, ...)
{
}

/* The compiled schema (lock held), compiling it on first use. */
static xmlRelaxNGPtr
vrNetSchemaGetLocked(void)
{
    xmlRelaxNGParserCtxtPtr pctxt;

    if (vr_net_schema || vr_net_schema_failed)
        return vr_net_schema;
    if ((pctxt = xmlRelaxNGNewParserCtxt(VR_NETWORK_SCHEMA_PATH))) {
        xmlRelaxNGSetParserErrors(pctxt, vrNetSchemaIgnore, vrNetSchemaIgnore, NULL);
        vr_net_schema = xmlRelaxNGParse(pctxt);
        xmlRelaxNGFreeParserCtxt(pctxt);
    }
    vr_net_schema_failed = vr_net_schema == NULL;
    return vr_net_schema;
}

int
vrNetworkSchemaValidate(xmlDoc *doc)
{
    g_autoptr(GString) errors = g_string_new(NULL);
    xmlRelaxNGValidCtxtPtr vctxt;
    xmlRelaxNGPtr schema;
    int rc;

    if (access(VR_NETWORK_SCHEMA_PATH, R_OK) < 0) {
        vrReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                      "schema validation is unavailable: cannot read %s",
                      VR_NETWORK_SCHEMA_PATH);
        return -1;
    }
    g_mutex_lock(&vr_net_schema_lock);
    schema = vrNetSchemaGetLocked();
    g_mutex_unlock(&vr_net_schema_lock);
    if (!schema) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "Unable to create RNG parser for %s",
                      VR_NETWORK_SCHEMA_PATH);
        return -1;
    }
    vctxt = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidErrors(vctxt, vrNetSchemaCollect, vrNetSchemaCollect, errors);
    rc = xmlRelaxNGValidateDoc(vctxt, doc);
    xmlRelaxNGFreeValidCtxt(vctxt);
    if (rc != 0) {
        vrReportError(VIR_ERR_XML_INVALID_SCHEMA, "Unable to validate doc against %s\n%s",
                      VR_NETWORK_SCHEMA_PATH, errors->str);
        return -1;
    }
    return 0;
}
