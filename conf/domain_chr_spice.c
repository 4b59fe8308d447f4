/* Character device sources without a single path or socket: spiceport
 * and dbus name a channel, qemu-vdagent carries clipboard and mouse
 * settings, nmdm names a master and a slave device.  Parse, format and
 * the channel-name check. */
#include <string.h>

#include "conf/domain_channel.h"
#include "conf/domain_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

/* What libvirt allows in a spiceport / dbus channel name. */
#define VR_CHR_CHANNEL_NAME_CHARS \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_."

VR_ENUM_IMPL(vrChrMouseMode, VR_CHR_MOUSE_MODE_LAST,
             "default", "server", "client");

/* <source><clipboard copypaste=/><mouse mode=/></source>: the first of
 * each counts, both attributes are required. */
static int
vrChrSourceParseVdagent(xmlNode *source, vrDomainChrSource *src)
{
    xmlNode *cur;
    int val;

    if ((cur = vrXMLChild(source, "clipboard"))) {
        val = VR_TRISTATE_ABSENT;
        if (vrXMLPropEnum(cur, "copypaste", vrTristateBoolFromString,
                          VR_XML_PROP_REQUIRED | VR_XML_PROP_NONZERO, &val) < 0)
            return -1;
        src->clipboard = val;
    }
    if ((cur = vrXMLChild(source, "mouse"))) {
        val = VR_CHR_MOUSE_MODE_DEFAULT;
        if (vrXMLPropEnum(cur, "mode", vrChrMouseModeFromString,
                          VR_XML_PROP_REQUIRED | VR_XML_PROP_NONZERO, &val) < 0)
            return -1;
        src->mouse_mode = val;
    }
    return 0;
}

int
vrDomainChrSourceParseSpice(xmlNode *node, vrDomainChrSource *src)
{
    xmlNode *source = vrXMLChild(node, "source");

    if (!source)
        return 0;
    if (src->type == VR_CHR_TYPE_QEMU_VDAGENT)
        return vrChrSourceParseVdagent(source, src);
    if (src->type == VR_CHR_TYPE_NMDM) {
        src->path = vrXMLProp(source, "master");
        src->slave = vrXMLProp(source, "slave");
        return 0;
    }
    src->channel = vrXMLProp(source, "channel");
    return 0;
}

void
vrDomainChrSourceFormatSpice(GString *buf, int level,
                             const vrDomainChrSource *src)
{
    if (src->type == VR_CHR_TYPE_NMDM) {
        if (!src->path)
            return;
        vrBufIndent(buf, level);
        g_string_append(buf, "<source");
        vrBufAttr(buf, "master", src->path);
        vrBufAttr(buf, "slave", src->slave);
        g_string_append(buf, "/>\n");
        return;
    }
    if (src->type != VR_CHR_TYPE_QEMU_VDAGENT) {
        if (!src->channel)
            return;
        vrBufIndent(buf, level);
        g_string_append(buf, "<source");
        vrBufAttr(buf, "channel", src->channel);
        g_string_append(buf, "/>\n");
        return;
    }
    if (!src->clipboard && !src->mouse_mode)
        return;
    vrBufIndent(buf, level);
    g_string_append(buf, "<source>\n");
    if (src->clipboard) {
        vrBufIndent(buf, level + 1);
        vrBufPrintf(buf, "<clipboard copypaste='%s'/>\n",
                    vrTristateBoolToString(src->clipboard));
    }
    if (src->mouse_mode) {
        vrBufIndent(buf, level + 1);
        vrBufPrintf(buf, "<mouse mode='%s'/>\n",
                    vrChrMouseModeToString(src->mouse_mode));
    }
    vrBufIndent(buf, level);
    g_string_append(buf, "</source>\n");
}

int
vrDomainChrSourceValidateNmdm(const vrDomainChrSource *src)
{
    /* A <source> with neither attribute passes. */
    if (!src->path != !src->slave) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "Should define both master and "
                      "slave path attributes for nmdm device");
        return -1;
    }
    return 0;
}

int
vrDomainChrSourceValidateChannel(const vrDomainChrSource *src)
{
    if (!src->channel) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "Missing source channel attribute for char device");
        return -1;
    }
    if (strspn(src->channel, VR_CHR_CHANNEL_NAME_CHARS) < strlen(src->channel)) {
        vrReportError(VIR_ERR_INVALID_ARG,
                      "Invalid character in source channel for char device");
        return -1;
    }
    return 0;
}
