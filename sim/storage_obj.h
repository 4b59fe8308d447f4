/* Simulated storage pools and volumes of a node (owned by the storage
 * engineer; issue 4).  Everything here runs with the node's lock held. */
#ifndef VR_SIM_STORAGE_OBJ_H
#define VR_SIM_STORAGE_OBJ_H

#include <libxml/tree.h>
#include "sim/node.h"

vrSimPoolList *vrSimPoolListNew(void);
void vrSimPoolListFree(vrSimPoolList *list);

/* Load the <pool> elements (with their <volume>s) of a node description
 * (file is NULL for the built-in default node). */
int vrSimPoolListParseNode(vrSimPoolList *list, const char *file, xmlNode *root);

#endif /* VR_SIM_STORAGE_OBJ_H */
