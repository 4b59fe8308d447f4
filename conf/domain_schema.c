/* RelaxNG validation of domain documents against libvirt's installed
 * domain.rng (or a path set by tests): compiled once and cached, errors
 * reported the way `virsh define --validate` shows them. */
#include "conf/domain_priv.h"
#include "conf/schema.h"

#define VR_DOMAIN_SCHEMA_PATH "/usr/share/libvirt/schemas/domain.rng"

static GMutex vr_schema_path_lock;
static char *vr_schema_path;             /* NULL: VR_DOMAIN_SCHEMA_PATH */
static vrSchemaCache vr_domain_schema;

void
vrDomainSchemaSetPath(const char *path)
{
    g_mutex_lock(&vr_schema_path_lock);
    g_free(vr_schema_path);
    vr_schema_path = g_strdup(path);
    g_mutex_unlock(&vr_schema_path_lock);
    vrSchemaCacheReset(&vr_domain_schema);
}

int
vrDomainSchemaValidate(xmlDoc *doc)
{
    g_autofree char *path = NULL;

    g_mutex_lock(&vr_schema_path_lock);
    path = g_strdup(vr_schema_path ? vr_schema_path : VR_DOMAIN_SCHEMA_PATH);
    g_mutex_unlock(&vr_schema_path_lock);
    return vrSchemaValidate(&vr_domain_schema, path, doc);
}
