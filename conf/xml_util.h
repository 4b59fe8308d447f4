/* XML helpers shared by conf/: bounded document parsing with libvirt's
 * error texts, typed attribute readers (libvirt's virXMLProp* messages),
 * scaled sizes, and escaping/indenting output into a GString. */
#ifndef VR_XML_UTIL_H
#define VR_XML_UTIL_H

#include <stdbool.h>
#include <string.h>
#include <glib.h>
#include <libxml/tree.h>

#include "vireo/vireo.h"

#define VR_XML_INDENT_WIDTH 2

/* Flags of the attribute readers. */
typedef enum {
    VR_XML_PROP_NONE = 0,
    VR_XML_PROP_REQUIRED = 1 << 0,     /* missing attribute is an error */
    VR_XML_PROP_NONZERO = 1 << 1,      /* 0 is rejected */
    VR_XML_PROP_NONNEGATIVE = 1 << 2,  /* signed readers: < 0 rejected */
} vrXMLPropFlags;

/* Looks a name up in an enum table: index or -1. */
typedef int (*vrEnumFromStringFunc)(const char *str);

/* Parse a NUL-terminated document.  Rejects documents over
 * VR_XML_MAX_BYTES (libxml2 itself rejects nesting deeper than
 * VR_XML_MAX_DEPTH), reports libxml2's first error the way libvirt does
 * (VIR_ERR_XML_DETAIL with the offending line and a caret, never cut),
 * checks the root element's name.  Never
 * loads external entities or the network.  Returns a document the caller
 * frees with xmlFreeDoc, or NULL after reporting. */
xmlDoc *vrXMLParseString(const char *xml, const char *url,
                         const char *root_name);

/* The first child element called name (no namespace), or NULL. */
xmlNode *vrXMLChild(const xmlNode *parent, const char *name);

/* The first element name under any <parent> child of root, in document
 * order -- what libvirt's XPath "./parent/name[1]" selects. */
xmlNode *vrXMLGrandchild(const xmlNode *root, const char *parent,
                         const char *name);

/* Attribute attr of the first child element name of root that has it --
 * libvirt's "string(./name/@attr)". */
char *vrXMLChildrenProp(const xmlNode *root, const char *name, const char *attr);

/* Attribute attr of the first element name under a <parent> child of root
 * that has it -- libvirt's "string(./parent/name[1]/@attr)". */
char *vrXMLGrandchildProp(const xmlNode *root, const char *parent,
                          const char *name, const char *attr);

/* Every element name under every <parent> child of root, in document
 * order ("./parent/name").  Free with g_ptr_array_unref. */
GPtrArray *vrXMLGrandchildren(const xmlNode *root, const char *parent,
                              const char *name);

/* Whether node is an element called name with no namespace. */
bool vrXMLIsElement(const xmlNode *node, const char *name);

/* The value of attribute name (newly allocated), or NULL when absent. */
char *vrXMLProp(const xmlNode *node, const char *name);

/* The text content of node (entity references resolved), newly allocated;
 * NULL for a NULL node. */
char *vrXMLText(const xmlNode *node);

/* The text content of the first child element called name, or NULL. */
char *vrXMLChildText(const xmlNode *parent, const char *name);

/* Typed attribute readers.  Return 1 when the attribute was read, 0 when
 * absent (and not required; *out untouched), -1 after reporting libvirt's
 * message ("Invalid value for attribute 'x' in element 'y': ..."). */
int vrXMLPropEnum(const xmlNode *node, const char *name,
                  vrEnumFromStringFunc from_string, unsigned int flags,
                  int *out);
int vrXMLPropUInt(const xmlNode *node, const char *name, int base,
                  unsigned int flags, unsigned int *out);
int vrXMLPropInt(const xmlNode *node, const char *name, int base,
                 unsigned int flags, int *out);
int vrXMLPropULongLong(const xmlNode *node, const char *name, int base,
                       unsigned int flags, unsigned long long *out);

/* Strict number parsers in libvirt's style: leading white space and '+'
 * allowed, no '-' for unsigned, the whole string consumed.  0 or -1;
 * they report nothing. */
int vrStrToUInt(const char *str, int base, unsigned int *out);
int vrStrToULongLong(const char *str, int base, unsigned long long *out);
int vrStrToInt(const char *str, int base, int *out);

/* Scale value by a unit suffix (b, KiB, MB, ...; NULL or "" means
 * default_scale) and check the result against limit.  Reports
 * VIR_ERR_INVALID_ARG "unknown suffix" or VIR_ERR_OVERFLOW. */
int vrScaleInteger(unsigned long long *value, const char *suffix,
                   unsigned long long default_scale,
                   unsigned long long limit);

/* g_string_append_len for the formatters' hot path: GLib 2.74's goes
 * through g_string_insert_len's general checks on every call; this copies
 * directly while the buffer has room. */
static inline void vrBufAppendLen(GString *buf, const char *str, size_t len)
{
    if (buf->len + len < buf->allocated_len) {
        memcpy(buf->str + buf->len, str, len);
        buf->len += len;
        buf->str[buf->len] = '\0';
    } else {
        g_string_append_len(buf, str, (gssize)len);
    }
}

static inline void vrBufAppend(GString *buf, const char *str)
{
    vrBufAppendLen(buf, str, strlen(str));
}

/* A printf for the formatters (%s %c %% and %d %u %x with l/ll and a
 * zero-padded width), without the C library's per-call set-up. */
void vrBufPrintf(GString *buf, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* The element's indentation level helpers and escaping. */
void vrBufIndent(GString *buf, int level);
void vrBufEscape(GString *buf, const char *str);
/* " name='escaped value'" when value is not NULL. */
void vrBufAttr(GString *buf, const char *name, const char *value);
/* <name>escaped text</name>\n at level when text is not NULL. */
void vrBufElementText(GString *buf, int level, const char *name,
                      const char *text);

#endif /* VR_XML_UTIL_H */
