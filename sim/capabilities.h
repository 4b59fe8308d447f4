/* The capabilities document of a simulated node, shaped as libvirt's test
 * driver reports it (i686 host, hvm and xen guests, the node's NUMA cells). */
#ifndef VR_SIM_CAPABILITIES_H
#define VR_SIM_CAPABILITIES_H

#include "sim/node.h"

/* Newly allocated XML (never NULL).  Call with the node's lock held. */
char *vrSimCapabilitiesFormat(const vrSimNode *node);

#endif /* VR_SIM_CAPABILITIES_H */
