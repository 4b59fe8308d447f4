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

/* --- virDomainGetMetadata / virDomainSetMetadata ------------------------ */

#define VR_METADATA_URL "(metadata_xml)"

/* The stored <metadata> as a document (caller frees), or a fresh one. */
static xmlDoc *
vrMetadataLoad(const vrDomainDef *def)
{
    xmlDoc *doc;

    if (def->priv->metadata &&
        (doc = xmlReadMemory(def->priv->metadata,
                             (int)strlen(def->priv->metadata), NULL, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOBLANKS)))
        return doc;
    doc = xmlNewDoc(BAD_CAST "1.0");
    xmlDocSetRootElement(doc, xmlNewDocNode(doc, NULL, BAD_CAST "metadata", NULL));
    return doc;
}

/* First element (document order) in the namespace uri below node. */
static xmlNode *
vrMetadataFind(xmlNode *node, const char *uri)
{
    xmlNode *cur, *found;

    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type != XML_ELEMENT_NODE)
            continue;
        if (cur->ns && cur->ns->href && xmlStrEqual(cur->ns->href, BAD_CAST uri))
            return cur;
        if ((found = vrMetadataFind(cur, uri)))
            return found;
    }
    return NULL;
}

static void
vrMetadataSetNs(xmlNode *node, xmlNs *from, xmlNs *to, bool only_unset)
{
    xmlNode *cur;

    for (cur = node; cur; cur = cur->next) {
        if (cur->type != XML_ELEMENT_NODE)
            continue;
        if (only_unset ? !cur->ns : cur->ns == from)
            xmlSetNs(cur, to);
        vrMetadataSetNs(cur->children, from, to, only_unset);
    }
}

/* The element without its namespace, as libvirt returns it: the first
 * declaration of uri on it is dropped and so is the prefix using it. */
static char *
vrMetadataElementString(xmlNode *node, const char *uri)
{
    xmlNode *copy = xmlCopyNode(node, 1);
    xmlNs **link;
    char *ret;

    for (link = &copy->nsDef; *link; link = &(*link)->next) {
        xmlNs *ns = *link;

        if (!xmlStrEqual(ns->href, BAD_CAST uri))
            continue;
        *link = ns->next;
        ns->next = NULL;
        vrMetadataSetNs(copy, ns, NULL, false);
        xmlFreeNs(ns);
        break;
    }
    ret = vrMetadataDump(copy, 0);
    xmlFreeNode(copy);
    return ret;
}

char *
vrDomainDefGetMetadata(const vrDomainDef *def, int type, const char *uri)
{
    char *ret = NULL;

    if (type == VIR_DOMAIN_METADATA_TITLE) {
        ret = g_strdup(def->title);
    } else if (type == VIR_DOMAIN_METADATA_DESCRIPTION) {
        ret = g_strdup(def->description);
    } else if (type == VIR_DOMAIN_METADATA_ELEMENT && uri && def->priv->metadata) {
        xmlDoc *doc = vrMetadataLoad(def);
        xmlNode *node = vrMetadataFind(xmlDocGetRootElement(doc), uri);

        if (node)
            ret = vrMetadataElementString(node, uri);
        xmlFreeDoc(doc);
    }
    if (!ret)
        vrReportError(VIR_ERR_NO_DOMAIN_METADATA,
                      "Requested metadata element is not present");
    return ret;
}

/* Parse the new element and put it in the namespace key:uri. */
static xmlDoc *
vrMetadataParseElement(const char *xml, const char *key, const char *uri)
{
    xmlDoc *doc;
    xmlNode *root;
    xmlNs *ns;

    if (!(doc = vrXMLParseString(xml, VR_METADATA_URL, NULL)))
        return NULL;
    root = xmlDocGetRootElement(doc);
    if (xmlValidateNCName(BAD_CAST key, 0) != 0 ||
        !(ns = xmlNewNs(root, BAD_CAST uri, BAD_CAST key))) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "failed to validate prefix for a new XML namespace");
        xmlFreeDoc(doc);
        return NULL;
    }
    vrMetadataSetNs(root, NULL, ns, true);
    return doc;
}

static int
vrMetadataSetElement(vrDomainDef *def, const char *xml, const char *key,
                     const char *uri)
{
    xmlDoc *fragment = NULL;
    xmlDoc *doc;
    xmlNode *metadata, *cur, *next;

    if (xml && !(fragment = vrMetadataParseElement(xml, key, uri)))
        return -1;
    doc = vrMetadataLoad(def);
    metadata = xmlDocGetRootElement(doc);
    for (cur = metadata->children; cur; cur = next) {
        next = cur->next;
        if (cur->type == XML_ELEMENT_NODE && cur->ns &&
            xmlStrEqual(cur->ns->href, BAD_CAST uri)) {
            xmlUnlinkNode(cur);
            xmlFreeNode(cur);
        }
    }
    if (fragment) {
        xmlAddChild(metadata, xmlDocCopyNode(xmlDocGetRootElement(fragment), doc, 1));
        xmlFreeDoc(fragment);
    }
    g_free(def->priv->metadata);
    def->priv->metadata = vrMetadataDump(metadata, VR_DOMAIN_LEVEL);
    xmlFreeDoc(doc);
    return 0;
}

int
vrDomainDefSetMetadata(vrDomainDef *def, int type, const char *metadata,
                       const char *key, const char *uri)
{
    char **field;

    switch (type) {
    case VIR_DOMAIN_METADATA_TITLE:
    case VIR_DOMAIN_METADATA_DESCRIPTION:
        field = type == VIR_DOMAIN_METADATA_TITLE ? &def->title : &def->description;
        g_free(*field);
        *field = metadata && *metadata ? g_strdup(metadata) : NULL;
        return 0;
    case VIR_DOMAIN_METADATA_ELEMENT:
        if (!key || !uri) {
            vrReportError(VIR_ERR_INVALID_ARG, "%s must not be NULL",
                          key ? "uri" : "key");
            return -1;
        }
        return vrMetadataSetElement(def, metadata, key, uri);
    default:
        vrReportError(VIR_ERR_INVALID_ARG, "unknown metadata type '%d'", type);
        return -1;
    }
}
