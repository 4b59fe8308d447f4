/* XML helpers for conf/: bounded parsing that reports libxml2's first error
 * as libvirt does, typed attribute readers with libvirt's messages, scaled
 * integers, and escaped output into a GString. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "conf/xml_util.h"
#include "conf/domain_conf.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_XML

/* What the parser's error callback saw first. */
typedef struct {
    char *message;      /* libvirt's full detail text, or NULL */
} vrXMLParseState;

/* The line the parser stopped on and a pointer line under the column, as
 * libvirt shows it: tabs kept so the caret lines up. */
static void
vrXMLErrorContext(xmlParserCtxtPtr ctxt, GString *context, GString *pointer)
{
    const xmlChar *cur = ctxt->input->cur;
    const xmlChar *base = ctxt->input->base;
    const xmlChar *start;
    size_t col;
    size_t n;

    while (cur > base && (*cur == '\n' || *cur == '\r'))
        cur--;
    while (cur > base && *cur != '\n' && *cur != '\r')
        cur--;
    if (*cur == '\n' || *cur == '\r')
        cur++;
    start = cur;
    col = ctxt->input->cur - start;
    while (*cur && *cur != '\n' && *cur != '\r')
        g_string_append_c(context, (char)*cur++);
    for (n = 0; n < col && n < context->len; n++)
        g_string_append_c(pointer, context->str[n] == '\t' ? '\t' : '-');
    g_string_append_c(pointer, '^');
}

static void G_GNUC_PRINTF(2, 3)
vrXMLCatchError(void *data, const char *fmt, ...)
{
    xmlParserCtxtPtr ctxt = data;
    vrXMLParseState *state;
    g_autofree char *msg = NULL;
    g_autoptr(GString) context = NULL;
    g_autoptr(GString) pointer = NULL;
    va_list ap;

    /* Only the first fatal error counts: namespace errors and the like
     * are not fatal and libvirt does not report them. */
    if (!ctxt || !(state = ctxt->_private) || state->message ||
        ctxt->lastError.level != XML_ERR_FATAL)
        return;
    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);

    context = g_string_new(NULL);
    pointer = g_string_new(NULL);
    if (ctxt->input)
        vrXMLErrorContext(ctxt, context, pointer);
    /* libvirt prints an empty context line as "(null)". */
    state->message = g_strdup_printf("%s:%d: %s%s\n%s",
                                     ctxt->input && ctxt->input->filename ?
                                     ctxt->input->filename : "(null)",
                                     ctxt->input ? ctxt->input->line : 0,
                                     msg,
                                     context->len ? context->str : "(null)",
                                     pointer->str);
}

/* libxml2 2.9 must be initialised once before threads use it. */
static gpointer
vrXMLInitOnce(gpointer data)
{
    xmlInitParser();
    return NULL;
}

xmlDoc *
vrXMLParseString(const char *xml, const char *url, const char *root_name)
{
    static GOnce init = G_ONCE_INIT;
    vrXMLParseState state = { NULL };
    xmlParserCtxtPtr ctxt;
    xmlDoc *doc;
    xmlNode *root;
    size_t len = strlen(xml);

    g_once(&init, vrXMLInitOnce, NULL);
    if (len > VR_XML_MAX_BYTES) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "document is %zu bytes, larger than the limit of %d bytes",
                      len, VR_XML_MAX_BYTES);
        return NULL;
    }
    if (!(ctxt = xmlNewParserCtxt())) {
        vrReportOOM();
        return NULL;
    }
    ctxt->_private = &state;
    ctxt->sax->error = vrXMLCatchError;
    ctxt->vctxt.error = NULL;
    /* No XML_PARSE_NOENT / DTDLOAD: entities are never fetched; blanks
     * between elements are dropped as libvirt's parser drops them. */
    /* xmlCtxtReadDoc as libvirt: the parser's input buffer then moves as
     * libvirt's does, so error context lines match byte for byte. */
    doc = xmlCtxtReadDoc(ctxt, BAD_CAST xml, url, NULL,
                         XML_PARSE_NONET | XML_PARSE_NOWARNING |
                         XML_PARSE_NOBLANKS | XML_PARSE_COMPACT);
    xmlFreeParserCtxt(ctxt);

    if (!doc || state.message) {
        if (state.message)
            vrErrorReportUncut(VIR_FROM_DOMAIN, VIR_ERR_XML_DETAIL, __FILE__,
                               __func__, __LINE__, "%s", state.message);
        else
            vrReportError(VIR_ERR_XML_ERROR, "failed to parse xml document '%s'",
                          url);
        g_free(state.message);
        xmlFreeDoc(doc);
        return NULL;
    }
    root = xmlDocGetRootElement(doc);
    if (!root) {
        vrReportError(VIR_ERR_XML_ERROR, "missing root element");
        xmlFreeDoc(doc);
        return NULL;
    }
    if (root_name && !xmlStrEqual(root->name, BAD_CAST root_name)) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "expecting root element of '%s', not '%s'",
                      root_name, (const char *)root->name);
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

bool
vrXMLIsElement(const xmlNode *node, const char *name)
{
    return node->type == XML_ELEMENT_NODE && !node->ns &&
           strcmp((const char *)node->name, name) == 0;
}

xmlNode *
vrXMLChild(const xmlNode *parent, const char *name)
{
    xmlNode *cur;

    if (!parent)
        return NULL;
    for (cur = parent->children; cur; cur = cur->next) {
        if (vrXMLIsElement(cur, name))
            return cur;
    }
    return NULL;
}

xmlNode *
vrXMLGrandchild(const xmlNode *root, const char *parent, const char *name)
{
    xmlNode *cur;
    xmlNode *found;

    for (cur = root->children; cur; cur = cur->next) {
        if (vrXMLIsElement(cur, parent) && (found = vrXMLChild(cur, name)))
            return found;
    }
    return NULL;
}

char *
vrXMLChildrenProp(const xmlNode *root, const char *name, const char *attr)
{
    xmlNode *cur;
    char *val;

    for (cur = root->children; cur; cur = cur->next) {
        if (vrXMLIsElement(cur, name) && (val = vrXMLProp(cur, attr)))
            return val;
    }
    return NULL;
}

char *
vrXMLGrandchildProp(const xmlNode *root, const char *parent, const char *name,
                    const char *attr)
{
    xmlNode *cur, *child;
    char *val;

    for (cur = root->children; cur; cur = cur->next) {
        if (!vrXMLIsElement(cur, parent) || !(child = vrXMLChild(cur, name)))
            continue;
        if ((val = vrXMLProp(child, attr)))
            return val;
    }
    return NULL;
}

GPtrArray *
vrXMLGrandchildren(const xmlNode *root, const char *parent, const char *name)
{
    GPtrArray *nodes = g_ptr_array_new();
    xmlNode *cur, *child;

    for (cur = root->children; cur; cur = cur->next) {
        if (!vrXMLIsElement(cur, parent))
            continue;
        for (child = cur->children; child; child = child->next) {
            if (vrXMLIsElement(child, name))
                g_ptr_array_add(nodes, child);
        }
    }
    return nodes;
}

char *
vrXMLProp(const xmlNode *node, const char *name)
{
    xmlAttr *attr;

    for (attr = node->properties; attr; attr = attr->next) {
        xmlNode *val = attr->children;
        xmlChar *tmp;
        char *ret;

        if (strcmp((const char *)attr->name, name) != 0)
            continue;
        if (!val)
            return g_strdup("");
        if (!val->next && val->type == XML_TEXT_NODE)
            return g_strdup((const char *)val->content);
        tmp = xmlNodeListGetString(node->doc, val, 1);
        ret = g_strdup(tmp ? (const char *)tmp : "");
        xmlFree(tmp);
        return ret;
    }
    return NULL;
}

char *
vrXMLText(const xmlNode *node)
{
    const xmlNode *child;
    xmlChar *tmp;
    char *ret;

    if (!node)
        return NULL;
    child = node->children;
    if (!child)
        return g_strdup("");
    if (!child->next && child->type == XML_TEXT_NODE)
        return g_strdup((const char *)child->content);
    tmp = xmlNodeGetContent(node);
    ret = g_strdup(tmp ? (const char *)tmp : "");
    xmlFree(tmp);
    return ret;
}

char *
vrXMLChildText(const xmlNode *parent, const char *name)
{
    return vrXMLText(vrXMLChild(parent, name));
}

/* --- numbers ------------------------------------------------------------ */

static const char *
vrStrSkipSpace(const char *str)
{
    while (g_ascii_isspace(*str))
        str++;
    return str;
}

int
vrStrToULongLong(const char *str, int base, unsigned long long *out)
{
    const char *p;
    char *end = NULL;
    unsigned long long val;

    if (!str)
        return -1;
    p = vrStrSkipSpace(str);
    if (*p == '-')
        return -1;
    errno = 0;
    val = strtoull(p, &end, base);
    if (errno != 0 || end == p || *end != '\0')
        return -1;
    *out = val;
    return 0;
}

int
vrStrToUInt(const char *str, int base, unsigned int *out)
{
    unsigned long long val;

    if (vrStrToULongLong(str, base, &val) < 0 || val > UINT_MAX)
        return -1;
    *out = (unsigned int)val;
    return 0;
}

int
vrStrToInt(const char *str, int base, int *out)
{
    char *end = NULL;
    long val;

    if (!str)
        return -1;
    errno = 0;
    val = strtol(str, &end, base);
    if (errno != 0 || end == str || *end != '\0' ||
        val < INT_MIN || val > INT_MAX)
        return -1;
    *out = (int)val;
    return 0;
}

static void
vrXMLReportMissing(const xmlNode *node, const char *name)
{
    vrReportError(VIR_ERR_XML_ERROR,
                  "Missing required attribute '%s' in element '%s'",
                  name, (const char *)node->name);
}

static void
vrXMLReportZero(const xmlNode *node, const char *name)
{
    vrReportError(VIR_ERR_XML_ERROR,
                  "Invalid value for attribute '%s' in element '%s': "
                  "Zero is not permitted",
                  name, (const char *)node->name);
}

int
vrXMLPropEnum(const xmlNode *node, const char *name,
              vrEnumFromStringFunc from_string, unsigned int flags, int *out)
{
    g_autofree char *str = vrXMLProp(node, name);
    int val;

    if (!str) {
        if (flags & VR_XML_PROP_REQUIRED) {
            vrXMLReportMissing(node, name);
            return -1;
        }
        return 0;
    }
    val = from_string(str);
    if (val < 0 || ((flags & VR_XML_PROP_NONZERO) && val == 0)) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "Invalid value for attribute '%s' in element '%s': '%s'.",
                      name, (const char *)node->name, str);
        return -1;
    }
    *out = val;
    return 1;
}

int
vrXMLPropULongLong(const xmlNode *node, const char *name, int base,
                   unsigned int flags, unsigned long long *out)
{
    g_autofree char *str = vrXMLProp(node, name);
    unsigned long long val;

    if (!str) {
        if (flags & VR_XML_PROP_REQUIRED) {
            vrXMLReportMissing(node, name);
            return -1;
        }
        return 0;
    }
    if (vrStrToULongLong(str, base, &val) < 0) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "Invalid value for attribute '%s' in element '%s': '%s'. "
                      "Expected non-negative integer value",
                      name, (const char *)node->name, str);
        return -1;
    }
    if ((flags & VR_XML_PROP_NONZERO) && val == 0) {
        vrXMLReportZero(node, name);
        return -1;
    }
    *out = val;
    return 1;
}

int
vrXMLPropUInt(const xmlNode *node, const char *name, int base,
              unsigned int flags, unsigned int *out)
{
    g_autofree char *str = vrXMLProp(node, name);
    unsigned int val;

    if (!str) {
        if (flags & VR_XML_PROP_REQUIRED) {
            vrXMLReportMissing(node, name);
            return -1;
        }
        return 0;
    }
    if (vrStrToUInt(str, base, &val) < 0) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "Invalid value for attribute '%s' in element '%s': '%s'. "
                      "Expected non-negative integer value",
                      name, (const char *)node->name, str);
        return -1;
    }
    if ((flags & VR_XML_PROP_NONZERO) && val == 0) {
        vrXMLReportZero(node, name);
        return -1;
    }
    *out = val;
    return 1;
}

int
vrXMLPropInt(const xmlNode *node, const char *name, int base,
             unsigned int flags, int *out)
{
    g_autofree char *str = vrXMLProp(node, name);
    int val;

    if (!str) {
        if (flags & VR_XML_PROP_REQUIRED) {
            vrXMLReportMissing(node, name);
            return -1;
        }
        return 0;
    }
    if (vrStrToInt(str, base, &val) < 0) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "Invalid value for attribute '%s' in element '%s': '%s'. "
                      "Expected integer value",
                      name, (const char *)node->name, str);
        return -1;
    }
    if ((flags & VR_XML_PROP_NONNEGATIVE) && val < 0) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "Invalid value for attribute '%s' in element '%s': '%s'. "
                      "Expected non-negative value",
                      name, (const char *)node->name, str);
        return -1;
    }
    if ((flags & VR_XML_PROP_NONZERO) && val == 0) {
        vrXMLReportZero(node, name);
        return -1;
    }
    *out = val;
    return 1;
}

/* --- scaled integers -------------------------------------------------- */

/* Bytes per unit for a suffix as libvirt reads it: "k"/"KiB" powers of
 * 1024, "KB" powers of 1000; 0 for an unknown suffix. */
static unsigned long long
vrScaleForSuffix(const char *suffix)
{
    static const char prefixes[] = "kmgtpe";
    const char *pos;
    unsigned long long base = 1024;
    unsigned long long scale = 1;
    size_t power;
    size_t i;

    if (g_ascii_strcasecmp(suffix, "b") == 0 ||
        g_ascii_strcasecmp(suffix, "byte") == 0 ||
        g_ascii_strcasecmp(suffix, "bytes") == 0)
        return 1;
    pos = strchr(prefixes, g_ascii_tolower(suffix[0]));
    if (!suffix[0] || !pos)
        return 0;
    power = pos - prefixes + 1;
    if (suffix[1] == '\0') {
        base = 1024;
    } else if (g_ascii_tolower(suffix[1]) == 'i' &&
               g_ascii_tolower(suffix[2]) == 'b' && suffix[3] == '\0') {
        base = 1024;
    } else if (g_ascii_tolower(suffix[1]) == 'b' && suffix[2] == '\0') {
        base = 1000;
    } else {
        return 0;
    }
    for (i = 0; i < power; i++)
        scale *= base;
    return scale;
}

int
vrScaleInteger(unsigned long long *value, const char *suffix,
               unsigned long long default_scale, unsigned long long limit)
{
    unsigned long long scale = default_scale;

    if (suffix && *suffix) {
        if (!(scale = vrScaleForSuffix(suffix))) {
            vrErrorReport(VIR_FROM_NONE, VIR_ERR_INVALID_ARG, __FILE__,
                          __func__, __LINE__, "unknown suffix '%s'", suffix);
            return -1;
        }
    }
    if (*value && *value > limit / scale) {
        vrErrorReport(VIR_FROM_NONE, VIR_ERR_OVERFLOW, __FILE__, __func__,
                      __LINE__, "value too large: %llu%s", *value,
                      suffix ? suffix : "");
        return -1;
    }
    *value *= scale;
    return 0;
}

/* --- output ----------------------------------------------------------- */

#define VR_BUF_NUMBER_MAX 24      /* digits of a 64-bit number, sign */

/* Append val in base 10 or 16, zero-padded to width. */
static void
vrBufNumber(GString *buf, unsigned long long val, bool negative,
            unsigned int base, unsigned int width)
{
    static const char digits[] = "0123456789abcdef";
    char tmp[VR_BUF_NUMBER_MAX];
    char out[VR_BUF_NUMBER_MAX * 2 + 1];        /* sign, padding, digits */
    size_t n = 0, len = 0;

    do {
        tmp[n++] = digits[val % base];
        val /= base;
    } while (val && n < sizeof(tmp));
    if (negative)
        out[len++] = '-';
    width = MIN(width, VR_BUF_NUMBER_MAX);
    while (width > n) {
        out[len++] = '0';
        width--;
    }
    while (n)
        out[len++] = tmp[--n];
    vrBufAppendLen(buf, out, len);
}

/* A small printf for the formatters' hot path: %s %c %% and %d %u %x with
 * an optional "l"/"ll" and a zero-padded width ("%02x", "%08llx").  Any
 * other conversion is a programming error caught by the tests. */
void
vrBufPrintf(GString *buf, const char *fmt, ...)
{
    const char *p = fmt;
    va_list ap;

    va_start(ap, fmt);
    while (*p) {
        const char *pct = strchr(p, '%');
        unsigned int width = 0;
        int longs = 0;
        long long sval;

        if (!pct) {
            vrBufAppend(buf, p);
            break;
        }
        vrBufAppendLen(buf, p, (size_t)(pct - p));
        p = pct + 1;
        while (g_ascii_isdigit(*p))
            width = width * 10 + (unsigned int)(*p++ - '0');
        while (*p == 'l') {
            longs++;
            p++;
        }
        switch (*p++) {
        case 's':
            vrBufAppend(buf, va_arg(ap, const char *));
            break;
        case 'c':
            g_string_append_c(buf, (char)va_arg(ap, int));
            break;
        case 'd':
            sval = longs >= 2 ? va_arg(ap, long long) :
                   longs ? va_arg(ap, long) : va_arg(ap, int);
            vrBufNumber(buf, sval < 0 ? -(unsigned long long)sval :
                        (unsigned long long)sval, sval < 0, 10, width);
            break;
        case 'u':
        case 'x':
            vrBufNumber(buf, longs >= 2 ? va_arg(ap, unsigned long long) :
                        longs ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int),
                        false, p[-1] == 'u' ? 10 : 16, width);
            break;
        default:
            g_string_append_c(buf, '%');
            break;
        }
    }
    va_end(ap);
}

void
vrBufIndent(GString *buf, int level)
{
    static const char spaces[] = "                                ";
    size_t n = (size_t)level * VR_XML_INDENT_WIDTH;

    while (n > sizeof(spaces) - 1) {
        vrBufAppendLen(buf, spaces, sizeof(spaces) - 1);
        n -= sizeof(spaces) - 1;
    }
    vrBufAppendLen(buf, spaces, n);
}

void
vrBufEscape(GString *buf, const char *str)
{
    const char *run = str;
    const char *p;

    for (p = str; *p; p++) {
        const char *rep;
        unsigned char c = (unsigned char)*p;

        switch (c) {
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '&': rep = "&amp;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&apos;"; break;
        default:
            /* libvirt drops control characters other than tab/CR/LF. */
            if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r')
                continue;
            rep = "";
            break;
        }
        vrBufAppendLen(buf, run, (size_t)(p - run));
        vrBufAppend(buf, rep);
        run = p + 1;
    }
    vrBufAppendLen(buf, run, (size_t)(p - run));
}

void
vrBufAttr(GString *buf, const char *name, const char *value)
{
    if (!value)
        return;
    g_string_append_c(buf, ' ');
    vrBufAppend(buf, name);
    vrBufAppend(buf, "='");
    vrBufEscape(buf, value);
    g_string_append_c(buf, '\'');
}

void
vrBufElementText(GString *buf, int level, const char *name, const char *text)
{
    if (!text)
        return;
    vrBufIndent(buf, level);
    g_string_append_c(buf, '<');
    vrBufAppend(buf, name);
    g_string_append_c(buf, '>');
    vrBufEscape(buf, text);
    vrBufAppend(buf, "</");
    vrBufAppend(buf, name);
    vrBufAppend(buf, ">\n");
}
