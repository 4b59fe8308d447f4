/* Connection URIs: driver[+transport]://[user@][host][:port]/path[?query].
 * Parsed once by api/ and handed to each driver's connectOpen. */
#ifndef VR_URI_H
#define VR_URI_H

#include <glib.h>

#define VR_URI_MAX_LEN 4096        /* longer URIs are VIR_ERR_INVALID_ARG */
#define VR_URI_MAX_PARAMS 64

typedef struct {
    char *name;
    char *value;                   /* "" when given as "?name" */
} vrURIParam;

typedef struct {
    char *scheme;                  /* "sim", "test", "qemu", "test+unix", ... */
    char *driver;                  /* scheme up to '+': "test" */
    char *transport;               /* after '+', or NULL */
    char *user;                    /* or NULL */
    char *server;                  /* or NULL */
    int port;                      /* 0 when absent */
    char *path;                    /* "/default", "/system", "" */
    size_t nparams;
    vrURIParam *params;            /* query parameters, in order */
    char *query;                   /* raw query (still escaped), or NULL */
    char *fragment;                /* or NULL */
} vrURI;

/* Parse str with libxml2's URI grammar, as libvirt does.  Query names and
 * values are percent-decoded ("a&b", "a;b" separate; "=v" is ignored).
 * scheme/driver are NULL when str has no scheme ("default", "/x"): api/
 * reports that.  Errors, as libvirt reports them (domain VIR_FROM_URI):
 *   unparseable: VIR_ERR_INTERNAL_ERROR "Unable to parse URI <str>"
 *   NULL, longer than VR_URI_MAX_LEN, more than VR_URI_MAX_PARAMS
 *   parameters: VIR_ERR_INVALID_ARG. */
vrURI *vrURIParse(const char *str);
void vrURIFree(vrURI *uri);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrURI, vrURIFree)

/* Value of the last query parameter called name, or NULL. */
const char *vrURIGetParam(const vrURI *uri, const char *name);

/* The URI formatted back to a string (newly allocated), as libvirt's
 * virConnectGetURI gives it: "test:/default" -> "test:///default"; the raw
 * query is kept as given (when query is NULL, params are encoded). */
char *vrURIFormat(const vrURI *uri);

#endif /* VR_URI_H */
