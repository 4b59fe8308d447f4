/* RelaxNG validation of pool and volume documents against libvirt's
 * installed storagepool.rng / storagevol.rng (the VALIDATE flags):
 * compiled once per schema and cached, errors as virsh shows them. */
#include <unistd.h>
#include <libxml/relaxng.h>

#include "conf/storage_priv.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_XML

#define VR_STORAGE_SCHEMA_DIR "/usr/share/libvirt/schemas"

typedef struct {
    const char *name;
    xmlRelaxNGPtr schema;           /* compiled, or NULL */
    bool failed;                    /* compiling failed once: do not retry */
} vrStorageSchema;

static GMutex vr_storage_schema_lock;
static vrStorageSchema vr_storage_schemas[] = {
    { "storagepool", NULL, false },
    { "storagevol", NULL, false },
};

static void G_GNUC_PRINTF(2, 3)
vrStorageSchemaCollect(void *opaque, const char *fmt, ...)
{
    GString *errors = opaque;
    va_list ap;

    va_start(ap, fmt);
    g_string_append_vprintf(errors, fmt, ap);
    va_end(ap);
}

static void G_GNUC_PRINTF(2, 3)
vrStorageSchemaIgnore(void *opaque, const char *fmt, ...)
{
}

/* The cached schema called name (lock held). */
static xmlRelaxNGPtr
vrStorageSchemaGetLocked(const char *name, const char *path)
{
    vrStorageSchema *entry = NULL;
    xmlRelaxNGParserCtxtPtr pctxt;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(vr_storage_schemas); i++) {
        if (strcmp(vr_storage_schemas[i].name, name) == 0)
            entry = &vr_storage_schemas[i];
    }
    g_assert(entry);
    if (entry->schema || entry->failed)
        return entry->schema;
    if (!(pctxt = xmlRelaxNGNewParserCtxt(path))) {
        entry->failed = true;
        return NULL;
    }
    xmlRelaxNGSetParserErrors(pctxt, vrStorageSchemaIgnore, vrStorageSchemaIgnore, NULL);
    entry->schema = xmlRelaxNGParse(pctxt);
    xmlRelaxNGFreeParserCtxt(pctxt);
    entry->failed = entry->schema == NULL;
    return entry->schema;
}

int
vrStorageSchemaValidate(xmlDoc *doc, const char *name)
{
    g_autofree char *path = g_strdup_printf("%s/%s.rng", VR_STORAGE_SCHEMA_DIR, name);
    g_autoptr(GString) errors = g_string_new(NULL);
    xmlRelaxNGValidCtxtPtr vctxt;
    xmlRelaxNGPtr schema;
    int rc;

    if (access(path, R_OK) < 0) {
        vrReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                      "schema validation is unavailable: cannot read %s", path);
        return -1;
    }
    g_mutex_lock(&vr_storage_schema_lock);
    schema = vrStorageSchemaGetLocked(name, path);
    g_mutex_unlock(&vr_storage_schema_lock);
    if (!schema) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "Unable to create RNG parser for %s", path);
        return -1;
    }
    /* each validation has its own context: concurrent callers are safe */
    vctxt = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidErrors(vctxt, vrStorageSchemaCollect, vrStorageSchemaCollect, errors);
    rc = xmlRelaxNGValidateDoc(vctxt, doc);
    xmlRelaxNGFreeValidCtxt(vctxt);
    if (rc != 0) {
        vrReportError(VIR_ERR_XML_INVALID_SCHEMA, "Unable to validate doc against %s\n%s",
                      path, errors->str);
        return -1;
    }
    return 0;
}
