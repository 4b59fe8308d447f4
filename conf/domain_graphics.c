/* <graphics> (vnc, spice, sdl) with <listen> children, the legacy
 * 'listen'/'socket' attributes, ports and autoport, and passwords that
 * are only printed with VR_DOMAIN_DEF_FORMAT_SECURE. */
#include <string.h>
#include <time.h>

#include "conf/domain_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

#define VR_GRAPHICS_TIME_FORMAT "%Y-%m-%dT%H:%M:%S"
#define VR_GRAPHICS_TIME_BUFLEN 64

static void
vrGraphicsListenClear(gpointer data)
{
    vrGraphicsListen *listen = data;

    g_free(listen->address);
    g_free(listen->network);
    g_free(listen->socket);
}

static vrDomainGraphicsDef *
vrDomainGraphicsDefNew(void)
{
    vrDomainGraphicsDef *gfx = g_new0(vrDomainGraphicsDef, 1);

    gfx->listens = g_array_new(FALSE, TRUE, sizeof(vrGraphicsListen));
    g_array_set_clear_func(gfx->listens, vrGraphicsListenClear);
    return gfx;
}

void
vrDomainGraphicsDefFree(vrDomainGraphicsDef *gfx)
{
    if (!gfx)
        return;
    g_free(gfx->keymap);
    g_free(gfx->passwd);
    g_free(gfx->passwd_valid_to);
    g_free(gfx->display);
    g_free(gfx->xauth);
    g_array_unref(gfx->listens);
    g_free(gfx);
}

vrDomainGraphicsDef *
vrDomainGraphicsDefCopy(const vrDomainGraphicsDef *gfx)
{
    vrDomainGraphicsDef *copy = vrDomainGraphicsDefNew();
    GArray *listens = copy->listens;
    guint i;

    *copy = *gfx;
    copy->listens = listens;
    copy->keymap = g_strdup(gfx->keymap);
    copy->passwd = g_strdup(gfx->passwd);
    copy->passwd_valid_to = g_strdup(gfx->passwd_valid_to);
    copy->display = g_strdup(gfx->display);
    copy->xauth = g_strdup(gfx->xauth);
    for (i = 0; i < gfx->listens->len; i++) {
        vrGraphicsListen l = g_array_index(gfx->listens, vrGraphicsListen, i);

        l.address = g_strdup(l.address);
        l.network = g_strdup(l.network);
        l.socket = g_strdup(l.socket);
        g_array_append_val(copy->listens, l);
    }
    return copy;
}

static int
vrGraphicsListenParse(xmlNode *node, vrDomainGraphicsDef *gfx)
{
    vrGraphicsListen listen = { 0 };
    int type = 0;

    if (vrXMLPropEnum(node, "type", vrGraphicsListenTypeFromString,
                      VR_XML_PROP_REQUIRED, &type) < 0)
        return -1;
    listen.type = type;
    listen.address = vrXMLProp(node, "address");
    listen.network = vrXMLProp(node, "network");
    listen.socket = vrXMLProp(node, "socket");
    if (listen.address && !*listen.address)
        g_clear_pointer(&listen.address, g_free);
    g_array_append_val(gfx->listens, listen);
    if (type == VR_GRAPHICS_LISTEN_NETWORK && !listen.network) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "'network' attribute is required for listen type 'network'");
        return -1;
    }
    return 0;
}

/* <listen> children plus the legacy attributes on <graphics>. */
static int
vrGraphicsListensParse(xmlNode *node, vrDomainGraphicsDef *gfx)
{
    g_autofree char *addr = vrXMLProp(node, "listen");
    g_autofree char *socket = NULL;
    xmlNode *cur;

    for (cur = node->children; cur; cur = cur->next) {
        if (vrXMLIsElement(cur, "listen") && vrGraphicsListenParse(cur, gfx) < 0)
            return -1;
    }
    if (addr && !*addr)
        g_clear_pointer(&addr, g_free);
    if (gfx->listens->len) {
        const vrGraphicsListen *first = &g_array_index(gfx->listens,
                                                       vrGraphicsListen, 0);

        if (addr && first->type == VR_GRAPHICS_LISTEN_ADDRESS &&
            g_strcmp0(addr, first->address) != 0) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "graphics 'listen' attribute '%s' must match 'address' "
                          "attribute of first listen element (found '%s')",
                          addr, first->address ? first->address : "");
            return -1;
        }
        return 0;
    }
    if (gfx->type == VR_GRAPHICS_TYPE_VNC)
        socket = vrXMLProp(node, "socket");
    if (addr || socket) {
        vrGraphicsListen listen = { 0 };

        listen.type = socket ? VR_GRAPHICS_LISTEN_SOCKET : VR_GRAPHICS_LISTEN_ADDRESS;
        listen.socket = g_steal_pointer(&socket);
        if (!listen.socket)
            listen.address = g_steal_pointer(&addr);
        g_array_append_val(gfx->listens, listen);
    }
    return 0;
}

static int
vrGraphicsParseAuth(xmlNode *node, vrDomainGraphicsDef *gfx)
{
    g_autofree char *valid_to = vrXMLProp(node, "passwdValidTo");
    g_autofree char *connected = vrXMLProp(node, "connected");
    int val;

    gfx->passwd = vrXMLProp(node, "passwd");
    if (valid_to) {
        struct tm tm = { 0 };
        const char *end = strptime(valid_to, VR_GRAPHICS_TIME_FORMAT, &tm);
        char out[VR_GRAPHICS_TIME_BUFLEN];

        if (!end || *end) {
            vrReportError(VIR_ERR_INTERNAL_ERROR,
                          "cannot parse password validity time '%s', expect YYYY-MM-DDTHH:MM:SS",
                          valid_to);
            return -1;
        }
        strftime(out, sizeof(out), VR_GRAPHICS_TIME_FORMAT, &tm);
        gfx->passwd_valid_to = g_strdup(out);
    }
    if (connected) {
        if ((val = vrGraphicsConnectedFromString(connected)) <= 0) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown connected value %s",
                          connected);
            return -1;
        }
        gfx->connected = val;
    }
    return 0;
}

/* autoport='yes' frees the ports of an inactive definition; other values
 * than yes/no are ignored as libvirt ignores them. */
static void
vrGraphicsParseAutoport(xmlNode *node, vrDomainGraphicsDef *gfx,
                        unsigned int flags)
{
    g_autofree char *autoport = vrXMLProp(node, "autoport");

    if (g_strcmp0(autoport, "yes") == 0) {
        gfx->autoport = true;
        if (flags & VR_DOMAIN_DEF_PARSE_INACTIVE)
            gfx->port = gfx->tls_port = 0;
    } else if (g_strcmp0(autoport, "no") == 0) {
        gfx->autoport = false;
    }
}

static int
vrGraphicsParseVNC(xmlNode *node, vrDomainGraphicsDef *gfx, unsigned int flags)
{
    g_autofree char *port = vrXMLProp(node, "port");
    int val = VR_GRAPHICS_VNC_SHARE_DEFAULT;

    if (port) {
        if (vrStrToInt(port, 10, &gfx->port) < 0) {
            vrReportError(VIR_ERR_INTERNAL_ERROR, "cannot parse vnc port %s", port);
            return -1;
        }
        /* Legacy: port -1 means autoport. */
        if (gfx->port == -1) {
            if (flags & VR_DOMAIN_DEF_PARSE_INACTIVE)
                gfx->port = 0;
            gfx->autoport = true;
        }
    } else {
        gfx->autoport = true;
    }
    vrGraphicsParseAutoport(node, gfx, flags);
    if (vrXMLPropInt(node, "websocket", 10, VR_XML_PROP_NONE, &gfx->websocket) < 0 ||
        vrXMLPropEnum(node, "sharePolicy", vrGraphicsVNCSharePolicyFromString,
                      VR_XML_PROP_NONZERO, &val) < 0)
        return -1;
    gfx->share_policy = val;
    gfx->keymap = vrXMLProp(node, "keymap");
    return vrGraphicsParseAuth(node, gfx);
}

static int
vrGraphicsParseSpice(xmlNode *node, vrDomainGraphicsDef *gfx,
                     unsigned int flags)
{
    int mode = VR_GRAPHICS_SPICE_MODE_ANY;
    int autoport = VR_TRISTATE_ABSENT;

    if (vrXMLPropInt(node, "port", 10, VR_XML_PROP_NONE, &gfx->port) < 0 ||
        vrXMLPropInt(node, "tlsPort", 10, VR_XML_PROP_NONE, &gfx->tls_port) < 0 ||
        vrXMLPropEnum(node, "autoport", vrTristateBoolFromString,
                      VR_XML_PROP_NONZERO, &autoport) < 0)
        return -1;
    /* Unlike vnc's, spice's autoport accepts only yes/no. */
    vrGraphicsParseAutoport(node, gfx, flags);
    if (vrXMLPropEnum(node, "defaultMode", vrGraphicsSpiceModeFromString,
                      VR_XML_PROP_NONE, &mode) < 0)
        return -1;
    gfx->default_mode = mode;
    gfx->keymap = vrXMLProp(node, "keymap");
    return vrGraphicsParseAuth(node, gfx);
}

static int
vrGraphicsParseSDL(xmlNode *node, vrDomainGraphicsDef *gfx)
{
    int fullscreen = VR_TRISTATE_ABSENT;

    gfx->display = vrXMLProp(node, "display");
    gfx->xauth = vrXMLProp(node, "xauth");
    if (vrXMLPropEnum(node, "fullscreen", vrTristateBoolFromString,
                      VR_XML_PROP_NONZERO, &fullscreen) < 0)
        return -1;
    gfx->fullscreen = fullscreen;
    return 0;
}

/* Default listen when none was given: vnc listens on an address, spice
 * too once it has a port (else nowhere). */
static void
vrGraphicsDefaultListen(vrDomainGraphicsDef *gfx)
{
    vrGraphicsListen listen = { 0 };

    /* A spice server with no port to open listens nowhere, whatever its
     * first address listen says (libvirt rewrites it). */
    if (gfx->type == VR_GRAPHICS_TYPE_SPICE && gfx->listens->len &&
        !gfx->port && !gfx->tls_port && !gfx->autoport) {
        vrGraphicsListen *first = &g_array_index(gfx->listens, vrGraphicsListen, 0);

        if (first->type == VR_GRAPHICS_LISTEN_ADDRESS) {
            first->type = VR_GRAPHICS_LISTEN_NONE;
            g_clear_pointer(&first->address, g_free);
        }
    }
    if (gfx->listens->len)
        return;
    if (gfx->type == VR_GRAPHICS_TYPE_VNC) {
        listen.type = VR_GRAPHICS_LISTEN_ADDRESS;
    } else if (gfx->type == VR_GRAPHICS_TYPE_SPICE) {
        listen.type = (gfx->port || gfx->tls_port || gfx->autoport) ?
                      VR_GRAPHICS_LISTEN_ADDRESS : VR_GRAPHICS_LISTEN_NONE;
    } else {
        return;
    }
    g_array_append_val(gfx->listens, listen);
}

vrDomainGraphicsDef *
vrDomainGraphicsDefParse(xmlNode *node, unsigned int parse_flags)
{
    g_autoptr(vrDomainGraphicsDef) gfx = vrDomainGraphicsDefNew();
    int type = 0;
    int rc;

    if (vrXMLPropEnum(node, "type", vrGraphicsTypeFromString,
                      VR_XML_PROP_REQUIRED, &type) < 0)
        return NULL;
    gfx->type = type;
    if (vrGraphicsListensParse(node, gfx) < 0)
        return NULL;
    switch (gfx->type) {
    case VR_GRAPHICS_TYPE_VNC:
        rc = vrGraphicsParseVNC(node, gfx, parse_flags);
        break;
    case VR_GRAPHICS_TYPE_SPICE:
        rc = vrGraphicsParseSpice(node, gfx, parse_flags);
        break;
    case VR_GRAPHICS_TYPE_SDL:
        rc = vrGraphicsParseSDL(node, gfx);
        break;
    default:
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "graphics type '%s' is not supported",
                      vrGraphicsTypeToString(gfx->type));
        return NULL;
    }
    if (rc < 0)
        return NULL;
    vrGraphicsDefaultListen(gfx);
    return g_steal_pointer(&gfx);
}

/* --- format ------------------------------------------------------------- */

static const vrGraphicsListen *
vrGraphicsFirstListen(const vrDomainGraphicsDef *gfx)
{
    if (!gfx->listens->len)
        return NULL;
    return &g_array_index(gfx->listens, vrGraphicsListen, 0);
}

static void
vrGraphicsFormatAuth(GString *buf, const vrDomainGraphicsDef *gfx,
                     unsigned int flags)
{
    if (!gfx->passwd)
        return;
    if (flags & VR_DOMAIN_DEF_FORMAT_SECURE)
        vrBufAttr(buf, "passwd", gfx->passwd);
    vrBufAttr(buf, "passwdValidTo", gfx->passwd_valid_to);
    if (gfx->connected)
        vrBufAttr(buf, "connected", vrGraphicsConnectedToString(gfx->connected));
}

static void
vrGraphicsFormatListenAttr(GString *buf, const vrGraphicsListen *first)
{
    if (first && first->type == VR_GRAPHICS_LISTEN_ADDRESS && first->address)
        vrBufAttr(buf, "listen", first->address);
}

static void
vrGraphicsFormatVNC(GString *buf, const vrDomainGraphicsDef *gfx,
                    unsigned int flags)
{
    const vrGraphicsListen *first = vrGraphicsFirstListen(gfx);

    if (first && first->type == VR_GRAPHICS_LISTEN_SOCKET) {
        vrBufAttr(buf, "socket", first->socket);
    } else if (first && (first->type == VR_GRAPHICS_LISTEN_ADDRESS ||
                         first->type == VR_GRAPHICS_LISTEN_NETWORK)) {
        if (gfx->port && (!gfx->autoport || !(flags & VR_DOMAIN_DEF_FORMAT_INACTIVE)))
            vrBufPrintf(buf, " port='%d'", gfx->port);
        else if (gfx->autoport)
            g_string_append(buf, " port='-1'");
        vrBufPrintf(buf, " autoport='%s'", gfx->autoport ? "yes" : "no");
        if (gfx->websocket)
            vrBufPrintf(buf, " websocket='%d'", gfx->websocket);
        vrGraphicsFormatListenAttr(buf, first);
    }
    vrBufAttr(buf, "keymap", gfx->keymap);
    if (gfx->share_policy)
        vrBufAttr(buf, "sharePolicy",
                  vrGraphicsVNCSharePolicyToString(gfx->share_policy));
    vrGraphicsFormatAuth(buf, gfx, flags);
}

static void
vrGraphicsFormatSpice(GString *buf, const vrDomainGraphicsDef *gfx,
                      unsigned int flags)
{
    const vrGraphicsListen *first = vrGraphicsFirstListen(gfx);

    if (first && (first->type == VR_GRAPHICS_LISTEN_ADDRESS ||
                  first->type == VR_GRAPHICS_LISTEN_NETWORK)) {
        if (gfx->port)
            vrBufPrintf(buf, " port='%d'", gfx->port);
        if (gfx->tls_port)
            vrBufPrintf(buf, " tlsPort='%d'", gfx->tls_port);
        vrBufPrintf(buf, " autoport='%s'", gfx->autoport ? "yes" : "no");
        vrGraphicsFormatListenAttr(buf, first);
    }
    vrBufAttr(buf, "keymap", gfx->keymap);
    if (gfx->default_mode)
        vrBufAttr(buf, "defaultMode", vrGraphicsSpiceModeToString(gfx->default_mode));
    vrGraphicsFormatAuth(buf, gfx, flags);
}

static void
vrGraphicsFormatListens(GString *buf, const vrDomainGraphicsDef *gfx)
{
    guint i;

    for (i = 0; i < gfx->listens->len; i++) {
        const vrGraphicsListen *l = &g_array_index(gfx->listens, vrGraphicsListen, i);

        vrBufPrintf(buf, "      <listen type='%s'",
                               vrGraphicsListenTypeToString(l->type));
        if (l->type == VR_GRAPHICS_LISTEN_ADDRESS)
            vrBufAttr(buf, "address", l->address);
        if (l->type == VR_GRAPHICS_LISTEN_NETWORK) {
            vrBufAttr(buf, "address", l->address);
            vrBufAttr(buf, "network", l->network);
        }
        if (l->type == VR_GRAPHICS_LISTEN_SOCKET)
            vrBufAttr(buf, "socket", l->socket);
        g_string_append(buf, "/>\n");
    }
}

void
vrDomainGraphicsDefFormat(GString *buf, const vrDomainGraphicsDef *gfx,
                          unsigned int format_flags)
{
    vrBufPrintf(buf, "    <graphics type='%s'",
                           vrGraphicsTypeToString(gfx->type));
    switch (gfx->type) {
    case VR_GRAPHICS_TYPE_VNC:
        vrGraphicsFormatVNC(buf, gfx, format_flags);
        break;
    case VR_GRAPHICS_TYPE_SPICE:
        vrGraphicsFormatSpice(buf, gfx, format_flags);
        break;
    case VR_GRAPHICS_TYPE_SDL:
        vrBufAttr(buf, "display", gfx->display);
        vrBufAttr(buf, "xauth", gfx->xauth);
        if (gfx->fullscreen)
            vrBufAttr(buf, "fullscreen", vrTristateBoolToString(gfx->fullscreen));
        break;
    default:
        break;
    }
    if (!gfx->listens->len) {
        g_string_append(buf, "/>\n");
        return;
    }
    g_string_append(buf, ">\n");
    vrGraphicsFormatListens(buf, gfx);
    g_string_append(buf, "    </graphics>\n");
}
