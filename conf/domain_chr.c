/* <serial> and <console> character devices and their <source> (pty,
 * dev, file, pipe, unix, tcp, udp, null, vc, stdio): parse and format.
 * The console/serial aliasing lives in domain_postparse.c. */
#include <string.h>

#include "conf/domain_channel.h"
#include "conf/domain_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

vrDomainChrDef *
vrDomainChrDefNew(vrChrDeviceType dev_type)
{
    vrDomainChrDef *chr = g_new0(vrDomainChrDef, 1);

    chr->device_type = dev_type;
    chr->port = -1;
    chr->source.type = VR_CHR_TYPE_PTY;
    return chr;
}

void
vrDomainChrSourceClear(vrDomainChrSource *src)
{
    g_free(src->path);
    g_free(src->host);
    g_free(src->service);
    g_free(src->bind_host);
    g_free(src->bind_service);
    g_free(src->channel);
    g_free(src->slave);
    g_free(src->logfile);
    memset(src, 0, sizeof(*src));
}

void
vrDomainChrSourceCopy(vrDomainChrSource *dst, const vrDomainChrSource *src)
{
    *dst = *src;
    dst->path = g_strdup(src->path);
    dst->host = g_strdup(src->host);
    dst->service = g_strdup(src->service);
    dst->bind_host = g_strdup(src->bind_host);
    dst->bind_service = g_strdup(src->bind_service);
    dst->channel = g_strdup(src->channel);
    dst->slave = g_strdup(src->slave);
    dst->logfile = g_strdup(src->logfile);
}

bool
vrDomainChrSourceEqual(const vrDomainChrSource *a, const vrDomainChrSource *b)
{
    if (a->type != b->type)
        return false;
    switch (a->type) {
    case VR_CHR_TYPE_PTY:
    case VR_CHR_TYPE_DEV:
    case VR_CHR_TYPE_FILE:
    case VR_CHR_TYPE_PIPE:
        return g_strcmp0(a->path, b->path) == 0 && a->append == b->append;
    case VR_CHR_TYPE_UNIX:
        return g_strcmp0(a->path, b->path) == 0 && a->listen == b->listen;
    case VR_CHR_TYPE_TCP:
        return g_strcmp0(a->host, b->host) == 0 &&
               g_strcmp0(a->service, b->service) == 0 &&
               a->listen == b->listen && a->protocol == b->protocol;
    case VR_CHR_TYPE_UDP:
        return g_strcmp0(a->host, b->host) == 0 &&
               g_strcmp0(a->service, b->service) == 0 &&
               g_strcmp0(a->bind_host, b->bind_host) == 0 &&
               g_strcmp0(a->bind_service, b->bind_service) == 0;
    case VR_CHR_TYPE_SPICEPORT:
    case VR_CHR_TYPE_DBUS:
        return g_strcmp0(a->channel, b->channel) == 0;
    case VR_CHR_TYPE_NMDM:
        return g_strcmp0(a->path, b->path) == 0 &&
               g_strcmp0(a->slave, b->slave) == 0;
    case VR_CHR_TYPE_QEMU_VDAGENT:
        return a->clipboard == b->clipboard && a->mouse_mode == b->mouse_mode;
    default:
        return true;
    }
}

void
vrDomainChrDefFree(vrDomainChrDef *chr)
{
    if (!chr)
        return;
    vrDomainChrSourceClear(&chr->source);
    vrDeviceInfoClear(&chr->info);
    g_free(chr);
}

vrDomainChrDef *
vrDomainChrDefCopy(const vrDomainChrDef *chr)
{
    vrDomainChrDef *copy = g_new0(vrDomainChrDef, 1);

    *copy = *chr;
    vrDomainChrSourceCopy(&copy->source, &chr->source);
    vrDeviceInfoCopy(&copy->info, &chr->info);
    return copy;
}

/* mode='bind' | 'connect' (default) of a <source>. */
static int
vrChrSourceMode(xmlNode *source, bool *listen)
{
    g_autofree char *mode = vrXMLProp(source, "mode");

    if (!mode || strcmp(mode, "connect") == 0) {
        *listen = false;
    } else if (strcmp(mode, "bind") == 0) {
        *listen = true;
    } else {
        vrReportError(VIR_ERR_XML_ERROR,
                      "Invalid value for attribute 'mode' in element 'source': '%s'.",
                      mode);
        return -1;
    }
    return 0;
}

/* <reconnect enabled='yes|no' timeout=''> inside a tcp or unix
 * <source>: the timeout is read (and required) only when enabled. */
static int
vrChrSourceParseReconnect(xmlNode *source, vrDomainChrSource *src)
{
    xmlNode *reconnect = vrXMLChild(source, "reconnect");
    int enabled = VR_TRISTATE_ABSENT;

    if (!reconnect)
        return 0;
    if (vrXMLPropEnum(reconnect, "enabled", vrTristateBoolFromString,
                      VR_XML_PROP_NONZERO, &enabled) < 0)
        return -1;
    if (enabled == VR_TRISTATE_YES &&
        vrXMLPropUInt(reconnect, "timeout", 10, VR_XML_PROP_REQUIRED,
                      &src->reconnect_timeout) < 0)
        return -1;
    src->reconnect = enabled;
    return 0;
}

/* End a <source> element: self-closed, or around its <reconnect>. */
static void
vrChrSourceFormatEnd(GString *buf, int level, const vrDomainChrSource *src)
{
    if (!src->reconnect) {
        g_string_append(buf, "/>\n");
        return;
    }
    g_string_append(buf, ">\n");
    vrBufIndent(buf, level + 1);
    vrBufPrintf(buf, "<reconnect enabled='%s'",
                vrTristateBoolToString(src->reconnect));
    if (src->reconnect == VR_TRISTATE_YES)
        vrBufPrintf(buf, " timeout='%u'", src->reconnect_timeout);
    g_string_append(buf, "/>\n");
    vrBufIndent(buf, level);
    g_string_append(buf, "</source>\n");
}

static int
vrChrSourceParseNet(xmlNode *node, vrDomainChrSource *src)
{
    xmlNode *cur;
    g_autofree char *protocol = NULL;

    for (cur = node->children; cur; cur = cur->next) {
        bool listen = false;

        if (!vrXMLIsElement(cur, "source"))
            continue;
        if (vrChrSourceMode(cur, &listen) < 0)
            return -1;
        if (src->type == VR_CHR_TYPE_UDP && listen) {
            if (src->bind_host || src->bind_service)
                continue;
            src->bind_host = vrXMLProp(cur, "host");
            src->bind_service = vrXMLProp(cur, "service");
            continue;
        }
        /* The first source of each mode counts. */
        if (src->host || src->service)
            continue;
        src->listen = listen;
        src->host = vrXMLProp(cur, "host");
        src->service = vrXMLProp(cur, "service");
        if (src->type == VR_CHR_TYPE_TCP && vrChrSourceParseReconnect(cur, src) < 0)
            return -1;
    }
    return 0;
}

/* At most one <protocol>; its type counts for tcp. */
static int
vrChrSourceParseProtocol(xmlNode *node, vrDomainChrSource *src)
{
    g_autofree char *protocol = NULL;
    xmlNode *cur;
    int nprotocols = 0;
    int val;

    for (cur = node->children; cur; cur = cur->next)
        nprotocols += vrXMLIsElement(cur, "protocol");
    if (nprotocols > 1) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "only one protocol element is allowed for character device");
        return -1;
    }
    if (src->type != VR_CHR_TYPE_TCP || !(cur = vrXMLChild(node, "protocol")) ||
        !(protocol = vrXMLProp(cur, "type")))
        return 0;
    if ((val = vrChrTcpProtocolFromString(protocol)) < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "Unknown protocol '%s'", protocol);
        return -1;
    }
    src->protocol = val;
    return 0;
}

static int
vrChrSourceParsePath(xmlNode *node, unsigned int flags, vrDomainChrSource *src)
{
    xmlNode *source = vrXMLChild(node, "source");
    int append = VR_TRISTATE_ABSENT;

    if (source) {
        src->path = vrXMLProp(source, "path");
        if (src->type == VR_CHR_TYPE_UNIX &&
            (vrChrSourceMode(source, &src->listen) < 0 ||
             vrChrSourceParseReconnect(source, src) < 0))
            return -1;
        if (src->type == VR_CHR_TYPE_FILE &&
            vrXMLPropEnum(source, "append", vrTristateSwitchFromString,
                          VR_XML_PROP_NONZERO, &append) < 0)
            return -1;
        src->append = append;
    }
    /* A pty's path is assigned when the guest runs: live data only. */
    if (src->type == VR_CHR_TYPE_PTY && (flags & VR_DOMAIN_DEF_PARSE_INACTIVE))
        g_clear_pointer(&src->path, g_free);
    return 0;
}

/* At most one <log file= append=>; it belongs to every source type. */
static int
vrChrSourceParseLog(xmlNode *node, vrDomainChrSource *src)
{
    xmlNode *cur, *log = NULL;
    int nlogs = 0;
    int append = VR_TRISTATE_ABSENT;

    for (cur = node->children; cur; cur = cur->next) {
        if (vrXMLIsElement(cur, "log") && nlogs++ == 0)
            log = cur;
    }
    if (nlogs > 1) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "only one log element is allowed for character device");
        return -1;
    }
    if (!log)
        return 0;
    if (vrXMLPropEnum(log, "append", vrTristateSwitchFromString,
                      VR_XML_PROP_NONZERO, &append) < 0)
        return -1;
    src->logfile = vrXMLProp(log, "file");
    src->logappend = append;
    return 0;
}

static int
vrChrSourceParseByType(xmlNode *node, vrChrType type, unsigned int flags,
                       vrDomainChrSource *src)
{
    switch (type) {
    case VR_CHR_TYPE_NULL:
    case VR_CHR_TYPE_VC:
    case VR_CHR_TYPE_STDIO:
    case VR_CHR_TYPE_SPICEVMC:
        return 0;
    case VR_CHR_TYPE_PTY:
    case VR_CHR_TYPE_DEV:
    case VR_CHR_TYPE_FILE:
    case VR_CHR_TYPE_PIPE:
    case VR_CHR_TYPE_UNIX:
        return vrChrSourceParsePath(node, flags, src);
    case VR_CHR_TYPE_TCP:
    case VR_CHR_TYPE_UDP:
        return vrChrSourceParseNet(node, src);
    case VR_CHR_TYPE_SPICEPORT:
    case VR_CHR_TYPE_DBUS:
    case VR_CHR_TYPE_QEMU_VDAGENT:
    case VR_CHR_TYPE_NMDM:
        return vrDomainChrSourceParseSpice(node, src);
    default:
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "character device type '%s' is not supported",
                      vrChrTypeToString(type));
        return -1;
    }
}

int
vrDomainChrSourceParse(xmlNode *node, vrChrType type, unsigned int flags,
                       vrDomainChrSource *src)
{
    xmlNode *cur;
    int nsources = 0;

    src->type = type;
    for (cur = node->children; cur; cur = cur->next)
        nsources += vrXMLIsElement(cur, "source");
    if (nsources > 1 && type != VR_CHR_TYPE_UDP) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "only one source element is allowed for character device");
        return -1;
    }
    if (nsources > 2) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "only two source elements are allowed for character device");
        return -1;
    }
    /* libvirt reads the source first, then the log, then the protocol. */
    if (vrChrSourceParseByType(node, type, flags, src) < 0 ||
        vrChrSourceParseLog(node, src) < 0 ||
        vrChrSourceParseProtocol(node, src) < 0)
        return -1;
    return 0;
}

int
vrDomainChrSourceValidateReconnect(const vrDomainChrSource *src)
{
    if (src->reconnect && src->listen) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "chardev reconnect is possible only for connect mode");
        return -1;
    }
    return 0;
}

int
vrDomainChrSourceValidate(const vrDomainChrSource *src)
{
    const char *missing = NULL;

    if (src->type == VR_CHR_TYPE_SPICEPORT || src->type == VR_CHR_TYPE_DBUS)
        return vrDomainChrSourceValidateChannel(src);
    if (src->type == VR_CHR_TYPE_NMDM)
        return vrDomainChrSourceValidateNmdm(src);
    switch (src->type) {
    case VR_CHR_TYPE_DEV:
    case VR_CHR_TYPE_FILE:
    case VR_CHR_TYPE_PIPE:
    case VR_CHR_TYPE_UNIX:
        missing = src->path ? NULL : "path";
        break;
    case VR_CHR_TYPE_TCP:
        missing = !src->host ? "host" : !src->service ? "service" : NULL;
        break;
    case VR_CHR_TYPE_UDP:
        missing = src->service ? NULL : "service";
        break;
    default:
        break;
    }
    if (missing) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "Missing source %s attribute for char device", missing);
        return -1;
    }
    return vrDomainChrSourceValidateReconnect(src);
}

/* The first <model>'s name; an empty name counts as none. Consoles
 * have no model: theirs is ignored. */
static int
vrChrParseTargetModel(xmlNode *target, vrDomainChrDef *chr)
{
    xmlNode *model = vrXMLChild(target, "model");
    g_autofree char *name = model ? vrXMLProp(model, "name") : NULL;
    int val;

    if (!name || !*name)
        return 0;
    if ((val = vrChrSerialTargetModelFromString(name)) < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "unknown target model '%s' specified for character device",
                      name);
        return -1;
    }
    chr->target_model = val;
    return 0;
}

static int
vrChrParseTarget(xmlNode *target, vrDomainChrDef *chr)
{
    g_autofree char *type = vrXMLProp(target, "type");
    g_autofree char *port = vrXMLProp(target, "port");

    if (type) {
        int val = chr->device_type == VR_CHR_DEVICE_SERIAL ?
                  vrChrSerialTargetTypeFromString(type) :
                  vrChrConsoleTargetTypeFromString(type);

        if (val < 0) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "unknown target type '%s' specified for character device",
                          type);
            return -1;
        }
        chr->target_type = val;
    }
    if (chr->device_type == VR_CHR_DEVICE_SERIAL &&
        vrChrParseTargetModel(target, chr) < 0)
        return -1;
    if (port && vrStrToInt(port, 10, &chr->port) < 0) {
        vrReportError(VIR_ERR_XML_ERROR, "Invalid port number: %s", port);
        return -1;
    }
    return 0;
}

vrDomainChrDef *
vrDomainChrDefParse(xmlNode *node, vrChrDeviceType dev_type,
                    unsigned int parse_flags)
{
    g_autoptr(vrDomainChrDef) chr = vrDomainChrDefNew(dev_type);
    g_autofree char *typestr = vrXMLProp(node, "type");
    xmlNode *target;
    int type = VR_CHR_TYPE_PTY;

    if (typestr && (type = vrChrTypeFromString(typestr)) < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "unknown type presented to host for character device: %s",
                      typestr);
        return NULL;
    }
    if ((target = vrXMLChild(node, "target")) && vrChrParseTarget(target, chr) < 0)
        return NULL;
    if (vrDomainChrParseSourceAndInfo(node, type, chr->target_type, parse_flags,
                                      &chr->source, &chr->info) < 0)
        return NULL;
    return g_steal_pointer(&chr);
}

int
vrDomainChrParseSourceAndInfo(xmlNode *node, vrChrType type, int target_type,
                              unsigned int parse_flags, vrDomainChrSource *src,
                              vrDeviceInfo *info)
{
    if (vrDomainChrSourceParse(node, type, parse_flags, src) < 0)
        return -1;
    /* libvirt compares any device's target type with the channel's
     * virtio value: serial usb-serial and console xen pass. */
    if (type == VR_CHR_TYPE_SPICEVMC && target_type != VR_CHANNEL_TARGET_VIRTIO) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "spicevmc device type only supports virtio");
        return -1;
    }
    if (vrDeviceInfoParse(node, parse_flags, info) < 0)
        return -1;
    info->boot_order = 0;
    return 0;
}

static void
vrChrSourceFormatNet(GString *buf, int level, const vrDomainChrSource *src)
{
    if (src->type == VR_CHR_TYPE_UDP && (src->bind_host || src->bind_service)) {
        vrBufIndent(buf, level);
        g_string_append(buf, "<source mode='bind'");
        vrBufAttr(buf, "host", src->bind_host);
        vrBufAttr(buf, "service", src->bind_service);
        g_string_append(buf, "/>\n");
    }
    if (src->type == VR_CHR_TYPE_TCP || src->host || src->service) {
        vrBufIndent(buf, level);
        vrBufPrintf(buf, "<source mode='%s'",
                               src->listen ? "bind" : "connect");
        vrBufAttr(buf, "host", src->host);
        vrBufAttr(buf, "service", src->service);
        vrChrSourceFormatEnd(buf, level, src);
    }
    if (src->type == VR_CHR_TYPE_TCP) {
        vrBufIndent(buf, level);
        vrBufPrintf(buf, "<protocol type='%s'/>\n",
                               vrChrTcpProtocolToString(src->protocol));
    }
}

static void
vrChrSourceFormatLog(GString *buf, int level, const vrDomainChrSource *src)
{
    if (!src->logfile)
        return;
    vrBufIndent(buf, level);
    g_string_append(buf, "<log");
    vrBufAttr(buf, "file", src->logfile);
    if (src->logappend)
        vrBufAttr(buf, "append", vrTristateSwitchToString(src->logappend));
    g_string_append(buf, "/>\n");
}

static void
vrChrSourceFormatBody(GString *buf, int level, const vrDomainChrSource *src,
                      unsigned int format_flags)
{
    switch (src->type) {
    case VR_CHR_TYPE_PTY:
    case VR_CHR_TYPE_DEV:
    case VR_CHR_TYPE_FILE:
    case VR_CHR_TYPE_PIPE:
        if (!src->path || (src->type == VR_CHR_TYPE_PTY &&
                           (format_flags & VR_DOMAIN_DEF_FORMAT_INACTIVE)))
            return;
        vrBufIndent(buf, level);
        g_string_append(buf, "<source");
        vrBufAttr(buf, "path", src->path);
        if (src->append)
            vrBufAttr(buf, "append", vrTristateSwitchToString(src->append));
        g_string_append(buf, "/>\n");
        return;
    case VR_CHR_TYPE_UNIX:
        if (!src->path)
            return;
        vrBufIndent(buf, level);
        vrBufPrintf(buf, "<source mode='%s'",
                               src->listen ? "bind" : "connect");
        vrBufAttr(buf, "path", src->path);
        vrChrSourceFormatEnd(buf, level, src);
        return;
    case VR_CHR_TYPE_TCP:
    case VR_CHR_TYPE_UDP:
        vrChrSourceFormatNet(buf, level, src);
        return;
    case VR_CHR_TYPE_SPICEPORT:
    case VR_CHR_TYPE_DBUS:
    case VR_CHR_TYPE_QEMU_VDAGENT:
    case VR_CHR_TYPE_NMDM:
        vrDomainChrSourceFormatSpice(buf, level, src);
        return;
    default:
        return;
    }
}

void
vrDomainChrSourceFormat(GString *buf, int level, const vrDomainChrSource *src,
                        unsigned int format_flags)
{
    vrChrSourceFormatBody(buf, level, src, format_flags);
    vrChrSourceFormatLog(buf, level, src);
}

void
vrDomainChrDefFormat(GString *buf, const vrDomainChrDef *chr,
                     unsigned int format_flags)
{
    const char *elem = chr->device_type == VR_CHR_DEVICE_SERIAL ?
                       "serial" : "console";

    vrBufPrintf(buf, "    <%s type='%s'", elem,
                           vrChrTypeToString(chr->source.type));
    if (chr->device_type == VR_CHR_DEVICE_CONSOLE &&
        chr->source.type == VR_CHR_TYPE_PTY && chr->source.path &&
        !(format_flags & VR_DOMAIN_DEF_FORMAT_INACTIVE))
        vrBufAttr(buf, "tty", chr->source.path);
    g_string_append(buf, ">\n");
    vrDomainChrSourceFormat(buf, 3, &chr->source, format_flags);
    if (chr->device_type == VR_CHR_DEVICE_SERIAL) {
        g_string_append(buf, "      <target ");
        if (chr->target_type != VR_CHR_SERIAL_TARGET_NONE)
            vrBufPrintf(buf, "type='%s' ",
                                   vrChrSerialTargetTypeToString(chr->target_type));
        vrBufPrintf(buf, "port='%d'", chr->port);
        if (chr->target_model != VR_CHR_SERIAL_MODEL_NONE)
            vrBufPrintf(buf, ">\n        <model name='%s'/>\n      </target>\n",
                        vrChrSerialTargetModelToString(chr->target_model));
        else
            g_string_append(buf, "/>\n");
    } else {
        vrBufPrintf(buf, "      <target type='%s' port='%d'/>\n",
                               vrChrConsoleTargetTypeToString(chr->target_type),
                               chr->port);
    }
    vrDeviceInfoFormat(buf, 3, &chr->info);
    vrBufPrintf(buf, "    </%s>\n", elem);
}
