/* Simulated networks of a node (owned by the network engineer; issue 4).
 * Everything here runs with the node's lock held. */
#ifndef VR_SIM_NETWORK_OBJ_H
#define VR_SIM_NETWORK_OBJ_H

#include <libxml/tree.h>
#include "sim/node.h"

vrSimNetworkList *vrSimNetworkListNew(void);
void vrSimNetworkListFree(vrSimNetworkList *list);

/* Load the <network> elements of a node description (libvirt's test-driver
 * node format; file is NULL for the built-in default node).  0 or -1 with
 * the error reported naming the file and element. */
int vrSimNetworkListParseNode(vrSimNetworkList *list, const char *file, xmlNode *root);

#endif /* VR_SIM_NETWORK_OBJ_H */
