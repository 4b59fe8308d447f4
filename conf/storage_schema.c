/* RelaxNG validation of pool and volume documents against libvirt's
 * installed storagepool.rng / storagevol.rng (the VALIDATE flags):
 * compiled once per schema and cached, errors as virsh shows them. */
#include <string.h>

#include "conf/storage_priv.h"
#include "conf/schema.h"

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
