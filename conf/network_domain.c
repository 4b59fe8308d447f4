/* What the network side needs from a domain definition: its interfaces on
 * virtual networks (<interface type='network'>), for the DHCP leases a
 * node hands out.  Kept in conf/ so callers need not see domain internals. */
#include <string.h>

#include "conf/network_conf.h"
#include "conf/domain_priv.h"

GArray *
vrDomainDefNetworkIfaces(const vrDomainDef *def)
{
    GArray *out = g_array_new(FALSE, TRUE, sizeof(vrDomainNetworkIface));
    GPtrArray *nets = vrDomainDefDevices(def)->nets;
    guint i;

    for (i = 0; nets && i < nets->len; i++) {
        const vrDomainNetDef *net = g_ptr_array_index(nets, i);
        vrDomainNetworkIface iface = { 0 };

        if (net->type != VR_NET_TYPE_NETWORK || !net->source)
            continue;
        iface.network = net->source;
        memcpy(iface.mac, net->mac, VR_NET_MAC_BYTES);
        g_array_append_val(out, iface);
    }
    return out;
}
