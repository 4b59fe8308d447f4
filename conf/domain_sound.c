/* <sound model=''>: the emulated sound card, its HDA <codec>s and the
 * <audio id> backend it plays through.  Parse, format, copy, free. */
#include <string.h>

#include "conf/domain_channel.h"
#include "conf/domain_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

VR_ENUM_IMPL(vrSoundModel, VR_SOUND_MODEL_LAST,
             "sb16", "es1370", "pcspk", "ac97", "ich6", "ich9", "usb", "ich7");
VR_ENUM_IMPL(vrSoundCodecType, VR_SOUND_CODEC_LAST,
             "duplex", "micro", "output");

void
vrDomainSoundDefFree(vrDomainSoundDef *sound)
{
    if (!sound)
        return;
    if (sound->codecs)
        g_array_unref(sound->codecs);
    vrDeviceInfoClear(&sound->info);
    g_free(sound);
}

vrDomainSoundDef *
vrDomainSoundDefCopy(const vrDomainSoundDef *sound)
{
    vrDomainSoundDef *copy = g_new0(vrDomainSoundDef, 1);

    *copy = *sound;
    copy->codecs = g_array_copy(sound->codecs);
    vrDeviceInfoCopy(&copy->info, &sound->info);
    return copy;
}

/* Only ich6 and ich9 have codecs in libvirt 9.0 (not ich7); the others'
 * <codec> children are ignored unread. */
static bool
vrSoundModelHasCodecs(vrSoundModel model)
{
    return model == VR_SOUND_MODEL_ICH6 || model == VR_SOUND_MODEL_ICH9;
}

static int
vrSoundParseCodecs(xmlNode *node, vrDomainSoundDef *sound)
{
    xmlNode *cur;

    for (cur = node->children; cur; cur = cur->next) {
        g_autofree char *type = NULL;
        int val;

        if (!vrXMLIsElement(cur, "codec"))
            continue;
        type = vrXMLProp(cur, "type");
        if ((val = vrSoundCodecTypeFromString(type)) < 0) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown codec type '%s'",
                          type ? type : "(null)");
            return -1;
        }
        g_array_append_val(sound->codecs, val);
    }
    return 0;
}

vrDomainSoundDef *
vrDomainSoundDefParse(xmlNode *node, unsigned int parse_flags)
{
    g_autoptr(vrDomainSoundDef) sound = g_new0(vrDomainSoundDef, 1);
    xmlNode *audio;
    int model = 0;

    sound->codecs = g_array_new(FALSE, FALSE, sizeof(int));
    if (vrXMLPropEnum(node, "model", vrSoundModelFromString,
                      VR_XML_PROP_REQUIRED, &model) < 0)
        return NULL;
    sound->model = model;
    if (vrSoundModelHasCodecs(sound->model) &&
        vrSoundParseCodecs(node, sound) < 0)
        return NULL;
    if ((audio = vrXMLChild(node, "audio")) &&
        vrXMLPropUInt(audio, "id", 10,
                      VR_XML_PROP_REQUIRED | VR_XML_PROP_NONZERO,
                      &sound->audio_id) < 0)
        return NULL;
    if (vrDeviceInfoParse(node, parse_flags, &sound->info) < 0)
        return NULL;
    sound->info.boot_order = 0;
    return g_steal_pointer(&sound);
}

int
vrDomainSoundDefValidate(const vrDomainSoundDef *sound, GPtrArray *audios)
{
    guint i;

    if (!sound->audio_id)
        return 0;
    for (i = 0; i < audios->len; i++) {
        const vrDomainAudioDef *audio = g_ptr_array_index(audios, i);

        if (audio->id == sound->audio_id)
            return 0;
    }
    vrReportError(VIR_ERR_XML_ERROR, "no audio device with ID %u",
                  sound->audio_id);
    return -1;
}

void
vrDomainSoundDefFormat(GString *buf, const vrDomainSoundDef *sound)
{
    guint i;

    vrBufPrintf(buf, "    <sound model='%s'", vrSoundModelToString(sound->model));
    if (!sound->codecs->len && !sound->audio_id &&
        vrDeviceInfoIsEmpty(&sound->info)) {
        g_string_append(buf, "/>\n");
        return;
    }
    g_string_append(buf, ">\n");
    for (i = 0; i < sound->codecs->len; i++)
        vrBufPrintf(buf, "      <codec type='%s'/>\n",
                    vrSoundCodecTypeToString(g_array_index(sound->codecs, int, i)));
    if (sound->audio_id)
        vrBufPrintf(buf, "      <audio id='%u'/>\n", sound->audio_id);
    vrDeviceInfoFormat(buf, 3, &sound->info);
    g_string_append(buf, "    </sound>\n");
}
