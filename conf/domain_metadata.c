/* <metadata>: kept as libvirt keeps it -- one element per namespace, the
 * rest dropped -- and stored already serialized the way libvirt re-emits
 * it (libxml2's dump, re-indented, namespaces reconciled on <metadata>). */
#include <string.h>
#include <libxml/tree.h>

#include "conf/domain_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

/* Drop children that are not namespaced elements, and later elements
 * repeating an earlier one's namespace. */
static void
vrMetadataSanitize(xmlNode *metadata)
{
    xmlNode *child = metadata->children;

    while (child) {
        xmlNode *next = child->next;
        bool drop = child->type != XML_ELEMENT_NODE || !child->ns ||
                    !child->ns->href;
        xmlNode *prev;

        for (prev = metadata->children; !drop && prev != child;
             prev = prev->next) {
            if (xmlStrEqual(prev->ns->href, child->ns->href))
                drop = true;
        }
        if (drop) {
            xmlUnlinkNode(child);
            xmlFreeNode(child);
        }
        child = next;
    }
}

/* libxml2's formatted dump of node at indentation level. */
static char *
vrMetadataDump(xmlNode *node, int level)
{
    xmlBufferPtr xbuf = xmlBufferCreate();
    char *ret;

    xmlNodeDump(xbuf, node->doc, node, level, 1);
    ret = g_strdup((const char *)xmlBufferContent(xbuf));
    xmlBufferFree(xbuf);
    return ret;
}

int
vrDomainMetadataParse(xmlNode *metadata, vrDomainDef *def)
{
    xmlNode *copy = xmlCopyNode(metadata, 1);

    if (!copy) {
        vrReportOOM();
        return -1;
    }
    vrMetadataSanitize(copy);
    def->priv->metadata = vrMetadataDump(copy, VR_DOMAIN_LEVEL);
    xmlFreeNode(copy);
    return 0;
}

void
vrDomainMetadataFormat(GString *buf, const vrDomainDef *def)
{
    if (!def->priv->metadata)
        return;
    vrBufIndent(buf, VR_DOMAIN_LEVEL);
    g_string_append(buf, def->priv->metadata);
    g_string_append_c(buf, '\n');
}
