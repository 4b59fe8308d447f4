/* <iothreads> and <iothreadids>: the count of I/O threads and the ids
 * given explicitly.  As libvirt does, a count above the number of given
 * ids is filled with the lowest ids unused; those are printed only when
 * some id was given (they are computed when formatting, never stored). */
#include <limits.h>

#include "conf/domain_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

static int
vrIOThreadParseOne(xmlNode *node, GHashTable *seen, vrDomainIOThreadDef *thr)
{
    thr->pool_min = -1;
    thr->pool_max = -1;
    if (vrXMLPropUInt(node, "id", 10, VR_XML_PROP_REQUIRED | VR_XML_PROP_NONZERO,
                      &thr->id) < 0 ||
        vrXMLPropInt(node, "thread_pool_min", 10, VR_XML_PROP_NONNEGATIVE,
                     &thr->pool_min) < 0 ||
        vrXMLPropInt(node, "thread_pool_max", 10, VR_XML_PROP_NONNEGATIVE,
                     &thr->pool_max) < 0)
        return -1;
    if (!g_hash_table_add(seen, GUINT_TO_POINTER(thr->id))) {
        vrReportError(VIR_ERR_XML_ERROR, "duplicate iothread id '%u' found",
                      thr->id);
        return -1;
    }
    return 0;
}

static int
vrIOThreadIdsParse(xmlNode *root, vrDomainDef *def)
{
    g_autoptr(GPtrArray) nodes = vrXMLGrandchildren(root, "iothreadids",
                                                     "iothread");
    g_autoptr(GHashTable) seen = NULL;
    GArray *ids;
    guint i;

    if (nodes->len == 0)
        return 0;
    seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    ids = def->priv->iothreadids = g_array_sized_new(FALSE, TRUE,
                                                     sizeof(vrDomainIOThreadDef),
                                                     nodes->len);
    for (i = 0; i < nodes->len; i++) {
        vrDomainIOThreadDef thr;

        if (vrIOThreadParseOne(g_ptr_array_index(nodes, i), seen, &thr) < 0)
            return -1;
        g_array_append_val(ids, thr);
    }
    return 0;
}

int
vrDomainIOThreadsParse(xmlNode *root, vrDomainDef *def)
{
    g_autofree char *text = vrXMLChildText(root, "iothreads");
    unsigned int count = 0;
    guint given;

    if (text && *text && vrStrToUInt(text, 10, &count) < 0) {
        vrReportError(VIR_ERR_XML_ERROR, "invalid iothreads count '%s'", text);
        return -1;
    }
    if (vrIOThreadIdsParse(root, def) < 0)
        return -1;
    given = def->priv->iothreadids ? def->priv->iothreadids->len : 0;
    if (given >= count) {
        def->priv->iothreads = given;
        return 0;
    }
    /* libvirt numbers the free ids in a bitmap of count + 1 bits, which
     * wraps to none at UINT_MAX. */
    if (count == UINT_MAX) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "failed to populate iothreadids");
        return -1;
    }
    def->priv->iothreads = count;
    return 0;
}

int
vrDomainIOThreadsValidate(const vrDomainDef *def)
{
    const GArray *ids = def->priv->iothreadids;
    guint i;

    for (i = 0; ids && i < ids->len; i++) {
        const vrDomainIOThreadDef *thr = &g_array_index(ids, vrDomainIOThreadDef, i);

        if (thr->pool_max == 0) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "thread_pool_max must be a positive integer");
            return -1;
        }
        if (thr->pool_min > thr->pool_max) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "thread_pool_min must be smaller or equal to "
                          "thread_pool_max");
            return -1;
        }
    }
    return 0;
}

static gint
vrIOThreadIdCompare(gconstpointer a, gconstpointer b)
{
    unsigned int x = *(const unsigned int *)a;
    unsigned int y = *(const unsigned int *)b;

    return x < y ? -1 : x > y;
}

/* The ids libvirt fills in: the lowest ones no given thread uses. */
static void
vrIOThreadsFormatFilled(GString *buf, const GArray *ids, unsigned int total)
{
    g_autoptr(GArray) used = g_array_sized_new(FALSE, FALSE,
                                               sizeof(unsigned int), ids->len);
    unsigned int filled = ids->len;
    unsigned int next = 1;
    guint j = 0;

    for (j = 0; j < ids->len; j++)
        g_array_append_val(used, g_array_index(ids, vrDomainIOThreadDef, j).id);
    g_array_sort(used, vrIOThreadIdCompare);
    for (j = 0; filled < total; next++) {
        while (j < used->len && g_array_index(used, unsigned int, j) < next)
            j++;
        if (j < used->len && g_array_index(used, unsigned int, j) == next)
            continue;
        vrBufPrintf(buf, "    <iothread id='%u'/>\n", next);
        filled++;
    }
}

void
vrDomainIOThreadsFormat(GString *buf, const vrDomainDef *def)
{
    const GArray *ids = def->priv->iothreadids;
    guint i;

    if (def->priv->iothreads == 0)
        return;
    vrBufPrintf(buf, "  <iothreads>%u</iothreads>\n", def->priv->iothreads);
    if (!ids || ids->len == 0)
        return;
    g_string_append(buf, "  <iothreadids>\n");
    for (i = 0; i < ids->len; i++) {
        const vrDomainIOThreadDef *thr = &g_array_index(ids, vrDomainIOThreadDef, i);

        vrBufPrintf(buf, "    <iothread id='%u'", thr->id);
        if (thr->pool_min >= 0)
            vrBufPrintf(buf, " thread_pool_min='%d'", thr->pool_min);
        if (thr->pool_max >= 0)
            vrBufPrintf(buf, " thread_pool_max='%d'", thr->pool_max);
        g_string_append(buf, "/>\n");
    }
    vrIOThreadsFormatFilled(buf, ids, def->priv->iothreads);
    g_string_append(buf, "  </iothreadids>\n");
}
