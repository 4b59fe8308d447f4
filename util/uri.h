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
} vrURI;

/* Parse str; on failure report VIR_ERR_INVALID_ARG naming the problem and
 * return NULL. */
vrURI *vrURIParse(const char *str);
void vrURIFree(vrURI *uri);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrURI, vrURIFree)

/* Value of the last query parameter called name, or NULL. */
const char *vrURIGetParam(const vrURI *uri, const char *name);

/* The URI formatted back to a string (newly allocated). */
char *vrURIFormat(const vrURI *uri);

#endif /* VR_URI_H */
