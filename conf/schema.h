/* RelaxNG validation of XML documents against libvirt's installed schemas:
 * each schema compiled once and cached (thread-safe), failures worded the
 * way `virsh ... --validate` shows them.  Implemented in conf/schema.c. */
#ifndef VR_SCHEMA_H
#define VR_SCHEMA_H

#include <stdbool.h>
#include <glib.h>
#include <libxml/relaxng.h>

/* One cached schema.  A zero-filled static instance is ready to use. */
typedef struct {
    GMutex lock;
    char *path;                 /* what schema was compiled from; NULL: nothing yet */
    xmlRelaxNGPtr schema;       /* NULL while path is set: compiling failed */
} vrSchemaCache;

/* Validate doc against the RelaxNG schema at path, compiled into cache on
 * first use (and again when path changes; a failed compile is not retried
 * for the same path).  0, or -1 after VIR_ERR_OPERATION_UNSUPPORTED (path
 * unreadable), VIR_ERR_INTERNAL_ERROR (schema does not compile) or
 * VIR_ERR_XML_INVALID_SCHEMA with libxml2's complaints. */
int vrSchemaValidate(vrSchemaCache *cache, const char *path, xmlDoc *doc);

/* Drop what cache holds, so the next validation compiles again. */
void vrSchemaCacheReset(vrSchemaCache *cache);

#endif /* VR_SCHEMA_H */
