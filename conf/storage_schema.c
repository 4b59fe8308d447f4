/* Reading pool and volume documents: syntax errors filed under the
 * storage error domain, and RelaxNG validation against libvirt's installed
 * storagepool.rng / storagevol.rng (the VALIDATE flags), cached per schema. */
#include <string.h>

#include "conf/storage_priv.h"
#include "conf/schema.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_STORAGE

#define VR_STORAGE_SCHEMA_DIR "/usr/share/libvirt/schemas"

typedef struct {
    const char *name;
    vrSchemaCache cache;
} vrStorageSchema;

static vrStorageSchema vr_storage_schemas[] = {
    { .name = "storagepool" },
    { .name = "storagevol" },
};

int
vrStorageSchemaValidate(xmlDoc *doc, const char *name)
{
    g_autofree char *path = g_strdup_printf("%s/%s.rng", VR_STORAGE_SCHEMA_DIR, name);
    vrStorageSchema *entry = NULL;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(vr_storage_schemas); i++) {
        if (strcmp(vr_storage_schemas[i].name, name) == 0)
            entry = &vr_storage_schemas[i];
    }
    g_assert(entry);
    return vrSchemaValidate(&entry->cache, path, doc);
}

xmlDoc *
vrStorageXMLParse(const char *xml, const char *url, const char *root_name)
{
    xmlDoc *doc = vrXMLParseString(xml, url, root_name);
    const virError *err;

    /* the shared parser files syntax errors under the domain's error
     * domain; libvirt reports them as storage errors */
    if (!doc && (err = vrErrorLast()) && err->code == VIR_ERR_XML_DETAIL &&
        err->domain == VIR_FROM_DOMAIN) {
        g_autofree char *detail = g_strdup(err->str2 ? err->str2 : "");

        vrReportError(VIR_ERR_XML_DETAIL, "%s", detail);
    }
    return doc;
}
