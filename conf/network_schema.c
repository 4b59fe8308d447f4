/* RelaxNG validation of network documents against libvirt's installed
 * network.rng (VIR_NETWORK_DEFINE_VALIDATE / CREATE_VALIDATE): compiled
 * once, errors worded as `virsh net-define --validate` shows them. */
#include "conf/network_priv.h"
#include "conf/schema.h"

#define VR_NETWORK_SCHEMA_PATH "/usr/share/libvirt/schemas/network.rng"

static vrSchemaCache vr_net_schema;

int
vrNetworkSchemaValidate(xmlDoc *doc)
{
    return vrSchemaValidate(&vr_net_schema, VR_NETWORK_SCHEMA_PATH, doc);
}
