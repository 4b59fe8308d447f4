/* The <input> and <output> streams of an <audio> backend: the settings
 * every backend has, the <settings> a fixed stream uses, and each
 * backend's own attributes.  Parse, format, validate, copy, clear. */
#include <string.h>

#include "conf/domain_channel.h"
#include "conf/domain_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

VR_ENUM_IMPL(vrAudioFormat, VR_AUDIO_FORMAT_LAST,
             "default", "u8", "s8", "u16", "s16", "u32", "s32", "f32");

void
vrAudioIOClear(vrAudioIO *io)
{
    g_free(io->dev);
    g_free(io->server_name);
    g_free(io->client_name);
    g_free(io->connect_ports);
    g_free(io->name);
    g_free(io->stream_name);
    memset(io, 0, sizeof(*io));
}

void
vrAudioIOCopy(vrAudioIO *dst, const vrAudioIO *src)
{
    *dst = *src;
    dst->dev = g_strdup(src->dev);
    dst->server_name = g_strdup(src->server_name);
    dst->client_name = g_strdup(src->client_name);
    dst->connect_ports = g_strdup(src->connect_ports);
    dst->name = g_strdup(src->name);
    dst->stream_name = g_strdup(src->stream_name);
}

/* A yes/no attribute into a vrTristate. */
static int
vrAudioPropBool(xmlNode *node, const char *name, vrTristate *out)
{
    int val = VR_TRISTATE_ABSENT;

    if (vrXMLPropEnum(node, name, vrTristateBoolFromString,
                      VR_XML_PROP_NONZERO, &val) < 0)
        return -1;
    *out = val;
    return 0;
}

/* <settings> is read only for a fixed, mixed stream; its presence is
 * kept for the validation either way. */
static int
vrAudioIOParseSettings(xmlNode *node, vrAudioIO *io)
{
    xmlNode *settings = vrXMLChild(node, "settings");
    int format = VR_AUDIO_FORMAT_DEFAULT;

    io->has_settings = settings != NULL;
    if (!settings || io->fixed_settings != VR_TRISTATE_YES ||
        io->mixing_engine != VR_TRISTATE_YES)
        return 0;
    if (vrXMLPropUInt(settings, "frequency", 10, VR_XML_PROP_NONZERO,
                      &io->frequency) < 0 ||
        vrXMLPropUInt(settings, "channels", 10, VR_XML_PROP_NONZERO,
                      &io->channels) < 0 ||
        vrXMLPropEnum(settings, "format", vrAudioFormatFromString,
                      VR_XML_PROP_NONZERO, &format) < 0)
        return -1;
    io->format = format;
    return 0;
}

static int
vrAudioIOParseType(xmlNode *node, vrAudioType type, vrAudioIO *io)
{
    switch (type) {
    case VR_AUDIO_TYPE_ALSA:
        io->dev = vrXMLProp(node, "dev");
        return 0;
    case VR_AUDIO_TYPE_COREAUDIO:
    case VR_AUDIO_TYPE_SDL:
        return vrXMLPropUInt(node, "bufferCount", 10, VR_XML_PROP_NONE,
                             &io->buffer_count) < 0 ? -1 : 0;
    case VR_AUDIO_TYPE_JACK:
        io->server_name = vrXMLProp(node, "serverName");
        io->client_name = vrXMLProp(node, "clientName");
        io->connect_ports = vrXMLProp(node, "connectPorts");
        return vrAudioPropBool(node, "exactName", &io->exact_name);
    case VR_AUDIO_TYPE_OSS:
        io->dev = vrXMLProp(node, "dev");
        if (vrXMLPropUInt(node, "bufferCount", 10, VR_XML_PROP_NONE,
                          &io->buffer_count) < 0)
            return -1;
        return vrAudioPropBool(node, "tryPoll", &io->try_poll);
    case VR_AUDIO_TYPE_PULSEAUDIO:
        io->name = vrXMLProp(node, "name");
        io->stream_name = vrXMLProp(node, "streamName");
        return vrXMLPropUInt(node, "latency", 10, VR_XML_PROP_NONE,
                             &io->latency) < 0 ? -1 : 0;
    default:
        return 0;
    }
}

int
vrAudioIOParseCommon(xmlNode *node, const char *elem, vrAudioIO *io)
{
    xmlNode *child = vrXMLChild(node, elem);

    if (!child)
        return 0;
    if (vrAudioPropBool(child, "mixingEngine", &io->mixing_engine) < 0 ||
        vrAudioPropBool(child, "fixedSettings", &io->fixed_settings) < 0)
        return -1;
    if (io->fixed_settings == VR_TRISTATE_YES &&
        io->mixing_engine != VR_TRISTATE_YES) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "fixed audio settings requires mixing engine");
        return -1;
    }
    if (vrXMLPropUInt(child, "voices", 10, VR_XML_PROP_NONZERO, &io->voices) < 0 ||
        vrXMLPropUInt(child, "bufferLength", 10, VR_XML_PROP_NONZERO,
                      &io->buffer_length) < 0 ||
        vrAudioIOParseSettings(child, io) < 0)
        return -1;
    if (io->fixed_settings != VR_TRISTATE_YES && io->has_settings) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "audio settings specified without fixed settings flag");
        return -1;
    }
    return 0;
}

int
vrAudioIOParseBackend(xmlNode *node, const char *elem, vrAudioType type,
                      vrAudioIO *io)
{
    xmlNode *child = vrXMLChild(node, elem);

    return child ? vrAudioIOParseType(child, type, io) : 0;
}

static void
vrAudioBufBool(GString *buf, const char *name, vrTristate val)
{
    if (val)
        vrBufAttr(buf, name, vrTristateBoolToString(val));
}

static void
vrAudioBufUInt(GString *buf, const char *name, unsigned int val)
{
    if (val)
        vrBufPrintf(buf, " %s='%u'", name, val);
}

static void
vrAudioIOFormatType(GString *buf, vrAudioType type, const vrAudioIO *io)
{
    switch (type) {
    case VR_AUDIO_TYPE_ALSA:
        vrBufAttr(buf, "dev", io->dev);
        break;
    case VR_AUDIO_TYPE_COREAUDIO:
    case VR_AUDIO_TYPE_SDL:
        vrAudioBufUInt(buf, "bufferCount", io->buffer_count);
        break;
    case VR_AUDIO_TYPE_JACK:
        vrBufAttr(buf, "serverName", io->server_name);
        vrBufAttr(buf, "clientName", io->client_name);
        vrBufAttr(buf, "connectPorts", io->connect_ports);
        vrAudioBufBool(buf, "exactName", io->exact_name);
        break;
    case VR_AUDIO_TYPE_OSS:
        vrBufAttr(buf, "dev", io->dev);
        vrAudioBufUInt(buf, "bufferCount", io->buffer_count);
        vrAudioBufBool(buf, "tryPoll", io->try_poll);
        break;
    case VR_AUDIO_TYPE_PULSEAUDIO:
        vrBufAttr(buf, "name", io->name);
        vrBufAttr(buf, "streamName", io->stream_name);
        vrAudioBufUInt(buf, "latency", io->latency);
        break;
    default:
        break;
    }
}

void
vrAudioIOFormat(GString *buf, const char *elem, vrAudioType type,
                const vrAudioIO *io)
{
    g_autoptr(GString) attrs = g_string_new(NULL);

    vrAudioBufBool(attrs, "mixingEngine", io->mixing_engine);
    vrAudioBufBool(attrs, "fixedSettings", io->fixed_settings);
    vrAudioBufUInt(attrs, "voices", io->voices);
    vrAudioBufUInt(attrs, "bufferLength", io->buffer_length);
    vrAudioIOFormatType(attrs, type, io);
    if (!attrs->len && io->fixed_settings != VR_TRISTATE_YES)
        return;
    vrBufPrintf(buf, "      <%s%s", elem, attrs->str);
    if (io->fixed_settings != VR_TRISTATE_YES) {
        g_string_append(buf, "/>\n");
        return;
    }
    g_string_append(buf, ">\n        <settings");
    vrAudioBufUInt(buf, "frequency", io->frequency);
    vrAudioBufUInt(buf, "channels", io->channels);
    if (io->format)
        vrBufAttr(buf, "format", vrAudioFormatToString(io->format));
    vrBufPrintf(buf, "/>\n      </%s>\n", elem);
}
