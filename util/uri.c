/* Connection URIs: libxml2's RFC 3986 parser (the one libvirt uses, so the
 * same strings are accepted and rejected), split into driver/transport and
 * decoded query parameters, and formatted back as libvirt formats them. */
#include <string.h>
#include <libxml/uri.h>

#include "util/uri.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_URI

/* Percent-decode len bytes of s: "%XX" with two hex digits becomes a byte,
 * anything else is copied (as libxml2's xmlURIUnescapeString does). */
static char *
vrURIUnescape(const char *s, size_t len)
{
    GString *out = g_string_sized_new(len);
    size_t i = 0;

    while (i < len) {
        if (s[i] == '%' && i + 2 < len &&
            g_ascii_isxdigit(s[i + 1]) && g_ascii_isxdigit(s[i + 2])) {
            g_string_append_c(out, (char)(g_ascii_xdigit_value(s[i + 1]) * 16 +
                                          g_ascii_xdigit_value(s[i + 2])));
            i += 3;
        } else {
            g_string_append_c(out, s[i]);
            i++;
        }
    }
    return g_string_free(out, FALSE);
}

static int
vrURIParamAdd(vrURI *uri, char *name, char *value, const char *str)
{
    if (uri->nparams >= VR_URI_MAX_PARAMS) {
        vrReportError(VIR_ERR_INVALID_ARG,
                      "URI '%s' has more than %d query parameters",
                      str, VR_URI_MAX_PARAMS);
        g_free(name);
        g_free(value);
        return -1;
    }
    uri->params = g_renew(vrURIParam, uri->params, uri->nparams + 1);
    uri->params[uri->nparams].name = name;
    uri->params[uri->nparams].value = value;
    uri->nparams++;
    return 0;
}

/* Split the raw query as libvirt does: sections end at the first '&' or,
 * when there is none left, at ';'; "name" and "name=" give ""; "=value"
 * and empty sections are skipped. */
static int
vrURIParseParams(vrURI *uri, const char *str)
{
    const char *q = uri->query;

    while (q && *q) {
        const char *end = strchr(q, '&');
        const char *eq;

        if (!end)
            end = strchr(q, ';');
        if (!end)
            end = q + strlen(q);
        eq = memchr(q, '=', end - q);

        if (end != q && eq != q) {
            char *name = vrURIUnescape(q, (eq ? eq : end) - q);
            char *value = eq ? vrURIUnescape(eq + 1, end - (eq + 1)) : g_strdup("");

            if (vrURIParamAdd(uri, name, value, str) < 0)
                return -1;
        }
        q = *end ? end + 1 : end;
    }
    return 0;
}

static void
vrURISplitScheme(vrURI *uri)
{
    const char *plus;

    if (!uri->scheme)
        return;
    plus = strchr(uri->scheme, '+');
    if (plus) {
        uri->driver = g_strndup(uri->scheme, plus - uri->scheme);
        uri->transport = g_strdup(plus + 1);
    } else {
        uri->driver = g_strdup(uri->scheme);
    }
}

/* Copy libxml2's fields; an IPv6 server loses its brackets. */
static void
vrURIFromXml(vrURI *uri, const xmlURI *x)
{
    uri->scheme = g_strdup(x->scheme);
    if (x->server && x->server[0]) {
        size_t n = strlen(x->server);

        if (n >= 2 && x->server[0] == '[' && x->server[n - 1] == ']')
            uri->server = g_strndup(x->server + 1, n - 2);
        else
            uri->server = g_strdup(x->server);
        /* libxml2 leaves port undefined without a server. */
        uri->port = x->port;
    }
    uri->user = g_strdup(x->user);
    uri->path = g_strdup(x->path ? x->path : "");
    uri->query = g_strdup(x->query_raw);
    uri->fragment = g_strdup(x->fragment);
    vrURISplitScheme(uri);
}

vrURI *
vrURIParse(const char *str)
{
    g_autoptr(vrURI) uri = NULL;
    xmlURIPtr x;

    if (!str) {
        vrReportError(VIR_ERR_INVALID_ARG, "%s", "URI must not be NULL");
        return NULL;
    }
    if (strlen(str) > VR_URI_MAX_LEN) {
        vrReportError(VIR_ERR_INVALID_ARG, "URI is longer than %d bytes",
                      VR_URI_MAX_LEN);
        return NULL;
    }
    x = xmlParseURI(str);
    if (!x) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "Unable to parse URI %s", str);
        return NULL;
    }
    uri = g_new0(vrURI, 1);
    vrURIFromXml(uri, x);
    xmlFreeURI(x);

    if (vrURIParseParams(uri, str) < 0)
        return NULL;
    return g_steal_pointer(&uri);
}

void
vrURIFree(vrURI *uri)
{
    size_t i;

    if (!uri)
        return;
    g_free(uri->scheme);
    g_free(uri->driver);
    g_free(uri->transport);
    g_free(uri->user);
    g_free(uri->server);
    g_free(uri->path);
    for (i = 0; i < uri->nparams; i++) {
        g_free(uri->params[i].name);
        g_free(uri->params[i].value);
    }
    g_free(uri->params);
    g_free(uri->query);
    g_free(uri->fragment);
    g_free(uri);
}

const char *
vrURIGetParam(const vrURI *uri, const char *name)
{
    size_t i = uri->nparams;

    while (i-- > 0) {
        if (g_str_equal(uri->params[i].name, name))
            return uri->params[i].value;
    }
    return NULL;
}

/* "name=value&..." with values escaped; for URIs built by hand. */
static char *
vrURIFormatParams(const vrURI *uri)
{
    GString *out = g_string_new(NULL);
    size_t i;

    for (i = 0; i < uri->nparams; i++) {
        if (i > 0)
            g_string_append_c(out, '&');
        g_string_append_uri_escaped(out, uri->params[i].name, NULL, FALSE);
        g_string_append_c(out, '=');
        g_string_append_uri_escaped(out, uri->params[i].value, NULL, FALSE);
    }
    return g_string_free(out, FALSE);
}

char *
vrURIFormat(const vrURI *uri)
{
    g_autofree char *server = NULL;
    g_autofree char *query = NULL;
    xmlURI x;
    xmlChar *saved;
    char *ret;

    memset(&x, 0, sizeof(x));
    if (uri->server && strchr(uri->server, ':'))
        server = g_strdup_printf("[%s]", uri->server);
    else
        server = g_strdup(uri->server);
    if (uri->query)
        query = g_strdup(uri->query);
    else if (uri->nparams > 0)
        query = vrURIFormatParams(uri);

    x.scheme = uri->scheme;
    x.server = server;
    x.user = uri->user;
    x.port = uri->port;
    x.path = uri->path && uri->path[0] ? uri->path : NULL;
    x.query_raw = query;
    x.fragment = uri->fragment;
    /* Makes libxml2 write "test:///default", not "test:/default". */
    if (!x.server && !x.port)
        x.port = -1;

    saved = xmlSaveUri(&x);
    ret = g_strdup((const char *)saved);
    xmlFree(saved);
    return ret;
}
