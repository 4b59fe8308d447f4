/* RelaxNG validation of domain documents against libvirt's installed
 * domain.rng: compiled once and cached (thread-safe), errors reported the
 * way `virsh define --validate` shows them. */
#include <unistd.h>
#include <libxml/relaxng.h>

#include "conf/domain_priv.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_XML

#define VR_DOMAIN_SCHEMA_PATH "/usr/share/libvirt/schemas/domain.rng"

static GMutex vr_schema_lock;
static xmlRelaxNGPtr vr_schema;          /* compiled for vr_schema_path */
static char *vr_schema_path;             /* NULL: VR_DOMAIN_SCHEMA_PATH */
static bool vr_schema_failed;            /* compiling vr_schema_path failed */

void
vrDomainSchemaSetPath(const char *path)
{
    g_mutex_lock(&vr_schema_lock);
    g_free(vr_schema_path);
    vr_schema_path = g_strdup(path);
    g_clear_pointer(&vr_schema, xmlRelaxNGFree);
    vr_schema_failed = false;
    g_mutex_unlock(&vr_schema_lock);
}

static void G_GNUC_PRINTF(2, 3)
vrSchemaCollectError(void *opaque, const char *fmt, ...)
{
    GString *errors = opaque;
    va_list ap;

    va_start(ap, fmt);
    g_string_append_vprintf(errors, fmt, ap);
    va_end(ap);
}

static void G_GNUC_PRINTF(2, 3)
vrSchemaIgnore(void *opaque, const char *fmt, ...)
{
}

/* The cached schema, compiling it on first use.  Called with the lock. */
static xmlRelaxNGPtr
vrSchemaGetLocked(const char *path)
{
    xmlRelaxNGParserCtxtPtr pctxt;

    if (vr_schema || vr_schema_failed)
        return vr_schema;
    if (!(pctxt = xmlRelaxNGNewParserCtxt(path))) {
        vr_schema_failed = true;
        return NULL;
    }
    xmlRelaxNGSetParserErrors(pctxt, vrSchemaIgnore, vrSchemaIgnore, NULL);
    vr_schema = xmlRelaxNGParse(pctxt);
    xmlRelaxNGFreeParserCtxt(pctxt);
    vr_schema_failed = vr_schema == NULL;
    return vr_schema;
}

/* A missing schema is VIR_ERR_OPERATION_UNSUPPORTED: the document may be
 * fine, but the check the caller asked for cannot be made here, and the
 * caller should hear that rather than get an unchecked definition. */
int
vrDomainSchemaValidate(xmlDoc *doc)
{
    g_autoptr(GString) errors = g_string_new(NULL);
    xmlRelaxNGValidCtxtPtr vctxt;
    xmlRelaxNGPtr schema;
    g_autofree char *path = NULL;
    int rc;

    g_mutex_lock(&vr_schema_lock);
    path = g_strdup(vr_schema_path ? vr_schema_path : VR_DOMAIN_SCHEMA_PATH);
    if (access(path, R_OK) < 0) {
        g_mutex_unlock(&vr_schema_lock);
        vrReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                      "schema validation is unavailable: cannot read %s", path);
        return -1;
    }
    schema = vrSchemaGetLocked(path);
    g_mutex_unlock(&vr_schema_lock);
    if (!schema) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "Unable to create RNG parser for %s",
                      path);
        return -1;
    }
    /* A compiled schema is read-only: each validation gets its own
     * context, so concurrent callers are safe. */
    vctxt = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidErrors(vctxt, vrSchemaCollectError, vrSchemaCollectError,
                             errors);
    rc = xmlRelaxNGValidateDoc(vctxt, doc);
    xmlRelaxNGFreeValidCtxt(vctxt);
    if (rc != 0) {
        vrReportError(VIR_ERR_XML_INVALID_SCHEMA,
                      "Unable to validate doc against %s\n%s", path, errors->str);
        return -1;
    }
    return 0;
}
