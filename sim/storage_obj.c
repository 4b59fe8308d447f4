/* Simulated pools: the node's list (issue 4 fills this in). */
#include "sim/storage_obj.h"

struct vrSimPoolList {
    GHashTable *by_name;
};

vrSimPoolList *vrSimPoolListNew(void)
{
    vrSimPoolList *list = g_new0(vrSimPoolList, 1);

    list->by_name = g_hash_table_new(g_str_hash, g_str_equal);
    return list;
}

void vrSimPoolListFree(vrSimPoolList *list)
{
    if (!list)
        return;
    g_hash_table_unref(list->by_name);
    g_free(list);
}

int vrSimPoolListParseNode(vrSimPoolList *list, const char *file, xmlNode *root)
{
    return 0;
}
