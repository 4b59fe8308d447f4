/* <channel>: a character device source plus a virtio / xen port name or
 * a guestfwd IPv4 address and port.  Parse, format, copy, free; the
 * implicit virtio-serial controller is added in domain_postparse.c. */
#include <string.h>
#include <sys/socket.h>

#include "conf/domain_channel.h"
#include "conf/domain_priv.h"
#include "conf/network_conf.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

/* guestfwd ports are stored in 16 bits: libvirt keeps larger values
 * modulo 2^16. */
#define VR_CHANNEL_FWD_PORT_MASK 0xffffU

VR_ENUM_IMPL(vrChannelTargetType, VR_CHANNEL_TARGET_LAST,
             "none", "guestfwd", "virtio", "xen");
VR_ENUM_IMPL(vrChannelState, VR_CHANNEL_STATE_LAST,
             "default", "connected", "disconnected");

void
vrDomainChannelDefFree(vrDomainChannelDef *chan)
{
    if (!chan)
        return;
    g_free(chan->name);
    g_free(chan->fwd_address);
    vrDomainChrSourceClear(&chan->source);
    vrDeviceInfoClear(&chan->info);
    g_free(chan);
}

vrDomainChannelDef *
vrDomainChannelDefCopy(const vrDomainChannelDef *chan)
{
    vrDomainChannelDef *copy = g_new0(vrDomainChannelDef, 1);

    *copy = *chan;
    copy->name = g_strdup(chan->name);
    copy->fwd_address = g_strdup(chan->fwd_address);
    vrDomainChrSourceCopy(&copy->source, &chan->source);
    vrDeviceInfoCopy(&copy->info, &chan->info);
    return copy;
}

/* <target type='guestfwd' address= port=>: the address must be a
 * numeric IPv4 address, the port is required. */
static int
vrChannelParseGuestfwd(xmlNode *target, vrDomainChannelDef *chan)
{
    g_autofree char *address = vrXMLProp(target, "address");
    char str[VR_NET_ADDR_STRLEN];
    vrNetAddr addr;
    unsigned int port = 0;

    if (!address) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "guestfwd channel does not define a target address");
        return -1;
    }
    if (vrNetAddrParseReport(address, &addr) < 0)
        return -1;
    if (addr.family != AF_INET) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "guestfwd channel only supports IPv4 addresses");
        return -1;
    }
    if (vrXMLPropUInt(target, "port", 10, VR_XML_PROP_REQUIRED, &port) < 0)
        return -1;
    chan->fwd_address = g_strdup(vrNetAddrFormat(&addr, str));
    chan->fwd_port = port & VR_CHANNEL_FWD_PORT_MASK;
    return 0;
}

static int
vrChannelParseTarget(xmlNode *target, unsigned int flags,
                     vrDomainChannelDef *chan)
{
    g_autofree char *type = vrXMLProp(target, "type");
    int val = vrChannelTargetTypeFromString(type);
    int state = VR_CHANNEL_STATE_DEFAULT;

    if (val < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "unknown target type '%s' specified for character device",
                      type ? type : "(null)");
        return -1;
    }
    chan->target_type = val;
    switch (chan->target_type) {
    case VR_CHANNEL_TARGET_GUESTFWD:
        return vrChannelParseGuestfwd(target, chan);
    case VR_CHANNEL_TARGET_VIRTIO:
    case VR_CHANNEL_TARGET_XEN:
        chan->name = vrXMLProp(target, "name");
        /* The guest agent's connection state is live data. */
        if (chan->target_type == VR_CHANNEL_TARGET_VIRTIO &&
            !(flags & VR_DOMAIN_DEF_PARSE_INACTIVE)) {
            if (vrXMLPropEnum(target, "state", vrChannelStateFromString,
                              VR_XML_PROP_NONZERO, &state) < 0)
                return -1;
            chan->state = state;
        }
        return 0;
    default:
        return 0;
    }
}

vrDomainChannelDef *
vrDomainChannelDefParse(xmlNode *node, unsigned int parse_flags)
{
    g_autoptr(vrDomainChannelDef) chan = g_new0(vrDomainChannelDef, 1);
    g_autofree char *typestr = vrXMLProp(node, "type");
    xmlNode *target = vrXMLChild(node, "target");
    int type = VR_CHR_TYPE_PTY;

    if (typestr && (type = vrChrTypeFromString(typestr)) < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "unknown type presented to host for character device: %s",
                      typestr);
        return NULL;
    }
    if (target && vrChannelParseTarget(target, parse_flags, chan) < 0)
        return NULL;
    if (!target) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "target type must be specified for channel device");
        return NULL;
    }
    if (vrDomainChrParseSourceAndInfo(node, type, (int)chan->target_type, parse_flags,
                                      &chan->source, &chan->info) < 0)
        return NULL;
    return g_steal_pointer(&chan);
}

int
vrDomainChannelDefValidate(const vrDomainChannelDef *chan)
{
    /* A unix socket path is generated when left out, except for
     * guestfwd. */
    if (chan->source.type == VR_CHR_TYPE_UNIX && !chan->source.path &&
        chan->target_type != VR_CHANNEL_TARGET_GUESTFWD)
        return vrDomainChrSourceValidateReconnect(&chan->source);
    return vrDomainChrSourceValidate(&chan->source);
}

static void
vrChannelFormatTarget(GString *buf, const vrDomainChannelDef *chan,
                      unsigned int format_flags)
{
    vrBufPrintf(buf, "      <target type='%s'",
                vrChannelTargetTypeToString(chan->target_type));
    switch (chan->target_type) {
    case VR_CHANNEL_TARGET_GUESTFWD:
        vrBufAttr(buf, "address", chan->fwd_address);
        vrBufPrintf(buf, " port='%u'", chan->fwd_port);
        break;
    case VR_CHANNEL_TARGET_VIRTIO:
    case VR_CHANNEL_TARGET_XEN:
        vrBufAttr(buf, "name", chan->name);
        if (chan->target_type == VR_CHANNEL_TARGET_VIRTIO &&
            chan->state != VR_CHANNEL_STATE_DEFAULT &&
            !(format_flags & VR_DOMAIN_DEF_FORMAT_INACTIVE))
            vrBufAttr(buf, "state", vrChannelStateToString(chan->state));
        break;
    default:
        break;
    }
    g_string_append(buf, "/>\n");
}

void
vrDomainChannelDefFormat(GString *buf, const vrDomainChannelDef *chan,
                         unsigned int format_flags)
{
    vrBufPrintf(buf, "    <channel type='%s'>\n",
                vrChrTypeToString(chan->source.type));
    vrDomainChrSourceFormat(buf, 3, &chan->source, format_flags);
    vrChannelFormatTarget(buf, chan, format_flags);
    vrDeviceInfoFormat(buf, 3, &chan->info);
    g_string_append(buf, "    </channel>\n");
}
