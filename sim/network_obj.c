/* Simulated networks: the node's list (issue 4 fills this in). */
#include "sim/network_obj.h"

struct vrSimNetworkList {
    GHashTable *by_name;
};

vrSimNetworkList *vrSimNetworkListNew(void)
{
    vrSimNetworkList *list = g_new0(vrSimNetworkList, 1);

    list->by_name = g_hash_table_new(g_str_hash, g_str_equal);
    return list;
}

void vrSimNetworkListFree(vrSimNetworkList *list)
{
    if (!list)
        return;
    g_hash_table_unref(list->by_name);
    g_free(list);
}

int vrSimNetworkListParseNode(vrSimNetworkList *list, const char *file, xmlNode *root)
{
    return 0;
}
