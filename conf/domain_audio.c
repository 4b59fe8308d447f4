/* <audio id= type=>: the host audio backends sound devices play through,
 * with their top-level attributes (the streams are domain_audio_io.c).
 * Parse, format, copy, free and the unique-id check. */
#include <string.h>

#include "conf/domain_channel.h"
#include "conf/domain_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

VR_ENUM_IMPL(vrAudioType, VR_AUDIO_TYPE_LAST,
             "none", "alsa", "coreaudio", "jack", "oss", "pulseaudio", "sdl",
             "spice", "file", "dbus");
VR_ENUM_IMPL(vrAudioSDLDriver, VR_AUDIO_SDL_DRIVER_LAST,
             "", "esd", "alsa", "arts", "pulseaudio");

void
vrDomainAudioDefFree(vrDomainAudioDef *audio)
{
    if (!audio)
        return;
    g_free(audio->path);
    g_free(audio->server_name);
    vrAudioIOClear(&audio->input);
    vrAudioIOClear(&audio->output);
    g_free(audio);
}

vrDomainAudioDef *
vrDomainAudioDefCopy(const vrDomainAudioDef *audio)
{
    vrDomainAudioDef *copy = g_new0(vrDomainAudioDef, 1);

    *copy = *audio;
    copy->path = g_strdup(audio->path);
    copy->server_name = g_strdup(audio->server_name);
    vrAudioIOCopy(&copy->input, &audio->input);
    vrAudioIOCopy(&copy->output, &audio->output);
    return copy;
}

static int
vrAudioParseOSS(xmlNode *node, vrDomainAudioDef *audio)
{
    g_autofree char *policy = vrXMLProp(node, "dspPolicy");
    int mmap = VR_TRISTATE_ABSENT, exclusive = VR_TRISTATE_ABSENT;

    if (vrXMLPropEnum(node, "tryMMap", vrTristateBoolFromString,
                      VR_XML_PROP_NONZERO, &mmap) < 0 ||
        vrXMLPropEnum(node, "exclusive", vrTristateBoolFromString,
                      VR_XML_PROP_NONZERO, &exclusive) < 0)
        return -1;
    audio->try_mmap = mmap;
    audio->exclusive = exclusive;
    if (policy && (vrStrToInt(policy, 10, &audio->dsp_policy) < 0 ||
                   audio->dsp_policy < 0)) {
        vrReportError(VIR_ERR_XML_ERROR, "cannot parse 'dspPolicy' value '%s'",
                      policy);
        return -1;
    }
    return 0;
}

/* The attributes only some types have. */
static int
vrAudioParseTypeAttrs(xmlNode *node, vrDomainAudioDef *audio)
{
    int driver = VR_AUDIO_SDL_DRIVER_DEFAULT;

    switch (audio->type) {
    case VR_AUDIO_TYPE_OSS:
        return vrAudioParseOSS(node, audio);
    case VR_AUDIO_TYPE_PULSEAUDIO:
        audio->server_name = vrXMLProp(node, "serverName");
        return 0;
    case VR_AUDIO_TYPE_SDL:
        if (vrXMLPropEnum(node, "driver", vrAudioSDLDriverFromString,
                          VR_XML_PROP_NONZERO, &driver) < 0)
            return -1;
        audio->sdl_driver = driver;
        return 0;
    case VR_AUDIO_TYPE_FILE:
        audio->path = vrXMLProp(node, "path");
        return 0;
    default:
        return 0;
    }
}

vrDomainAudioDef *
vrDomainAudioDefParse(xmlNode *node)
{
    g_autoptr(vrDomainAudioDef) audio = g_new0(vrDomainAudioDef, 1);
    int type = 0;

    audio->dsp_policy = -1;
    if (vrXMLPropEnum(node, "type", vrAudioTypeFromString,
                      VR_XML_PROP_REQUIRED, &type) < 0)
        return NULL;
    audio->type = type;
    if (vrXMLPropUInt(node, "id", 10, VR_XML_PROP_REQUIRED | VR_XML_PROP_NONZERO,
                      &audio->id) < 0 ||
        vrXMLPropUInt(node, "timerPeriod", 10, VR_XML_PROP_NONZERO,
                      &audio->timer_period) < 0 ||
        vrAudioIOParseCommon(node, "input", &audio->input) < 0 ||
        vrAudioIOParseCommon(node, "output", &audio->output) < 0 ||
        vrAudioParseTypeAttrs(node, audio) < 0 ||
        vrAudioIOParseBackend(node, "input", audio->type, &audio->input) < 0 ||
        vrAudioIOParseBackend(node, "output", audio->type, &audio->output) < 0)
        return NULL;
    return g_steal_pointer(&audio);
}

int
vrDomainAudiosValidateIds(GPtrArray *audios)
{
    guint i, j;

    for (i = 0; i < audios->len; i++) {
        const vrDomainAudioDef *a = g_ptr_array_index(audios, i);

        for (j = i + 1; j < audios->len; j++) {
            if (((vrDomainAudioDef *)g_ptr_array_index(audios, j))->id == a->id) {
                vrReportError(VIR_ERR_XML_ERROR,
                              "audio ID %u is used multiple times", a->id);
                return -1;
            }
        }
    }
    return 0;
}

void
vrDomainAudioDefFormat(GString *buf, const vrDomainAudioDef *audio)
{
    g_autoptr(GString) body = NULL;

    vrBufPrintf(buf, "    <audio id='%u' type='%s'", audio->id,
                vrAudioTypeToString(audio->type));
    if (audio->timer_period)
        vrBufPrintf(buf, " timerPeriod='%u'", audio->timer_period);
    vrBufAttr(buf, "path", audio->path);
    vrBufAttr(buf, "serverName", audio->server_name);
    if (audio->sdl_driver)
        vrBufAttr(buf, "driver", vrAudioSDLDriverToString(audio->sdl_driver));
    if (audio->try_mmap)
        vrBufAttr(buf, "tryMMap", vrTristateBoolToString(audio->try_mmap));
    if (audio->exclusive)
        vrBufAttr(buf, "exclusive", vrTristateBoolToString(audio->exclusive));
    if (audio->dsp_policy >= 0)
        vrBufPrintf(buf, " dspPolicy='%d'", audio->dsp_policy);
    body = g_string_new(NULL);
    vrAudioIOFormat(body, "input", audio->type, &audio->input);
    vrAudioIOFormat(body, "output", audio->type, &audio->output);
    if (!body->len) {
        g_string_append(buf, "/>\n");
        return;
    }
    vrBufPrintf(buf, ">\n%s    </audio>\n", body->str);
}
