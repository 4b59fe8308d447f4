/* RelaxNG validation shared by the domain, network and storage documents:
 * a per-schema cache compiled on first use, one validation context per call
 * so concurrent callers are safe, errors as `virsh ... --validate` shows. */
#include "conf/schema.h"

#include <string.h>
#include <unistd.h>

#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_XML

static void G_GNUC_PRINTF(2, 3)
vrSchemaCollectError(void *opaque, const char *fmt, ...)
{
    GString *errors = opaque;
    va_list ap;

    va_start(ap, fmt);
    g_string_append_vprintf(errors, fmt, ap);
    va_end(ap);
}

static void G_GNUC_PRINTF(2, 3)
vrSchemaIgnore(void *opaque, const char *fmt, ...)
{
}

/* With cache->lock held: drop the compiled schema and its path. */
static void
vrSchemaCacheClearLocked(vrSchemaCache *cache)
{
    g_clear_pointer(&cache->schema, xmlRelaxNGFree);
    g_clear_pointer(&cache->path, g_free);
}

void
vrSchemaCacheReset(vrSchemaCache *cache)
{
    g_mutex_lock(&cache->lock);
    vrSchemaCacheClearLocked(cache);
    g_mutex_unlock(&cache->lock);
}

/* With cache->lock held: the schema compiled from path, compiling it the
 * first time path is asked for; NULL when it does not compile. */
static xmlRelaxNGPtr
vrSchemaCacheGetLocked(vrSchemaCache *cache, const char *path)
{
    xmlRelaxNGParserCtxtPtr pctxt;

    if (cache->path && strcmp(cache->path, path) == 0)
        return cache->schema;
    vrSchemaCacheClearLocked(cache);
    cache->path = g_strdup(path);
    if (!(pctxt = xmlRelaxNGNewParserCtxt(path)))
        return NULL;
    xmlRelaxNGSetParserErrors(pctxt, vrSchemaIgnore, vrSchemaIgnore, NULL);
    cache->schema = xmlRelaxNGParse(pctxt);
    xmlRelaxNGFreeParserCtxt(pctxt);
    return cache->schema;
}

/* A missing schema is VIR_ERR_OPERATION_UNSUPPORTED: the document may be
 * fine, but the check the caller asked for cannot be made here, and the
 * caller should hear that rather than get an unchecked definition. */
int
vrSchemaValidate(vrSchemaCache *cache, const char *path, xmlDoc *doc)
{
    g_autoptr(GString) errors = g_string_new(NULL);
    xmlRelaxNGValidCtxtPtr vctxt;
    xmlRelaxNGPtr schema;
    int rc;

    if (access(path, R_OK) < 0) {
        vrReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                      "schema validation is unavailable: cannot read %s", path);
        return -1;
    }
    g_mutex_lock(&cache->lock);
    schema = vrSchemaCacheGetLocked(cache, path);
    g_mutex_unlock(&cache->lock);
    if (!schema) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "Unable to create RNG parser for %s", path);
        return -1;
    }
    /* A compiled schema is read-only: each validation has its own context. */
    vctxt = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidErrors(vctxt, vrSchemaCollectError, vrSchemaCollectError, errors);
    rc = xmlRelaxNGValidateDoc(vctxt, doc);
    xmlRelaxNGFreeValidCtxt(vctxt);
    if (rc != 0) {
        vrReportError(VIR_ERR_XML_INVALID_SCHEMA, "Unable to validate doc against %s\n%s",
                      path, errors->str);
        return -1;
    }
    return 0;
}
