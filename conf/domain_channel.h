/* <channel> devices (virtio, xen and guestfwd targets), <sound> devices
 * with their <codec>s and the <audio> backends they play through: the
 * model, parse / format / copy / free. */
#ifndef VR_DOMAIN_CHANNEL_H
#define VR_DOMAIN_CHANNEL_H

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "conf/domain_device.h"
#include "conf/enum_util.h"

typedef enum {
    VR_CHANNEL_TARGET_NONE = 0,
    VR_CHANNEL_TARGET_GUESTFWD,
    VR_CHANNEL_TARGET_VIRTIO,
    VR_CHANNEL_TARGET_XEN,
    VR_CHANNEL_TARGET_LAST
} vrChannelTargetType;
VR_ENUM_DECL(vrChannelTargetType);

typedef enum {
    VR_CHANNEL_STATE_DEFAULT = 0,
    VR_CHANNEL_STATE_CONNECTED,
    VR_CHANNEL_STATE_DISCONNECTED,
    VR_CHANNEL_STATE_LAST
} vrChannelState;
VR_ENUM_DECL(vrChannelState);

typedef struct {
    vrChannelTargetType target_type;
    char *name;                         /* virtio, xen; or NULL */
    vrChannelState state;               /* virtio, live data only */
    char *fwd_address;                  /* guestfwd: canonical IPv4 */
    unsigned int fwd_port;              /* guestfwd: 0..65535 */
    vrDomainChrSource source;
    vrDeviceInfo info;
} vrDomainChannelDef;

typedef enum {
    VR_SOUND_MODEL_SB16 = 0,
    VR_SOUND_MODEL_ES1370,
    VR_SOUND_MODEL_PCSPK,
    VR_SOUND_MODEL_AC97,
    VR_SOUND_MODEL_ICH6,
    VR_SOUND_MODEL_ICH9,
    VR_SOUND_MODEL_USB,
    VR_SOUND_MODEL_ICH7,
    VR_SOUND_MODEL_LAST
} vrSoundModel;
VR_ENUM_DECL(vrSoundModel);

typedef enum {
    VR_SOUND_CODEC_DUPLEX = 0,
    VR_SOUND_CODEC_MICRO,
    VR_SOUND_CODEC_OUTPUT,
    VR_SOUND_CODEC_LAST
} vrSoundCodecType;
VR_ENUM_DECL(vrSoundCodecType);

typedef struct {
    vrSoundModel model;
    GArray *codecs;                     /* of int (vrSoundCodecType) */
    unsigned int audio_id;              /* <audio id>, 0 when absent */
    vrDeviceInfo info;
} vrDomainSoundDef;

typedef enum {
    VR_CHR_MOUSE_MODE_DEFAULT = 0,
    VR_CHR_MOUSE_MODE_SERVER,
    VR_CHR_MOUSE_MODE_CLIENT,
    VR_CHR_MOUSE_MODE_LAST
} vrChrMouseMode;
VR_ENUM_DECL(vrChrMouseMode);

/* Sources of the spiceport, dbus (<source channel>), qemu-vdagent
 * (<clipboard>, <mouse>) and nmdm (<source master slave>) character
 * devices: domain_chr_spice.c. */
int vrDomainChrSourceParseSpice(xmlNode *node, vrDomainChrSource *src);
void vrDomainChrSourceFormatSpice(GString *buf, int level,
                                  const vrDomainChrSource *src);
/* A spiceport / dbus channel name is required and limited to
 * VR_CHR_CHANNEL_NAME_CHARS. */
int vrDomainChrSourceValidateChannel(const vrDomainChrSource *src);
/* nmdm needs both a master and a slave, or neither. */
int vrDomainChrSourceValidateNmdm(const vrDomainChrSource *src);
/* <reconnect> only on the connecting side (domain_chr.c). */
int vrDomainChrSourceValidateReconnect(const vrDomainChrSource *src);

typedef enum {
    VR_AUDIO_TYPE_NONE = 0, VR_AUDIO_TYPE_ALSA, VR_AUDIO_TYPE_COREAUDIO,
    VR_AUDIO_TYPE_JACK, VR_AUDIO_TYPE_OSS, VR_AUDIO_TYPE_PULSEAUDIO,
    VR_AUDIO_TYPE_SDL, VR_AUDIO_TYPE_SPICE, VR_AUDIO_TYPE_FILE,
    VR_AUDIO_TYPE_DBUS,
    VR_AUDIO_TYPE_LAST
} vrAudioType;
VR_ENUM_DECL(vrAudioType);

typedef enum {
    VR_AUDIO_SDL_DRIVER_DEFAULT = 0, VR_AUDIO_SDL_DRIVER_ESD,
    VR_AUDIO_SDL_DRIVER_ALSA, VR_AUDIO_SDL_DRIVER_ARTS,
    VR_AUDIO_SDL_DRIVER_PULSEAUDIO,
    VR_AUDIO_SDL_DRIVER_LAST
} vrAudioSDLDriver;
VR_ENUM_DECL(vrAudioSDLDriver);

typedef enum {
    VR_AUDIO_FORMAT_DEFAULT = 0, VR_AUDIO_FORMAT_U8, VR_AUDIO_FORMAT_S8,
    VR_AUDIO_FORMAT_U16, VR_AUDIO_FORMAT_S16, VR_AUDIO_FORMAT_U32,
    VR_AUDIO_FORMAT_S32, VR_AUDIO_FORMAT_F32,
    VR_AUDIO_FORMAT_LAST
} vrAudioFormat;
VR_ENUM_DECL(vrAudioFormat);

/* An <input> or <output> stream of a backend; 0 / NULL fields are
 * absent.  The type decides which backend-specific fields are read. */
typedef struct {
    vrTristate mixing_engine, fixed_settings;   /* yes/no */
    unsigned int voices, buffer_length;
    bool has_settings;                  /* a <settings> element was given */
    unsigned int frequency, channels;   /* <settings>, fixed only */
    vrAudioFormat format;
    char *dev;                          /* alsa, oss */
    unsigned int buffer_count;          /* coreaudio, oss, sdl */
    vrTristate try_poll;                /* oss yes/no */
    char *server_name, *client_name, *connect_ports;   /* jack */
    vrTristate exact_name;              /* jack yes/no */
    char *name, *stream_name;           /* pulseaudio */
    unsigned int latency;               /* pulseaudio */
} vrAudioIO;

typedef struct {
    unsigned int id;                    /* > 0 */
    vrAudioType type;
    unsigned int timer_period;          /* 0 when absent */
    char *path;                         /* file */
    char *server_name;                  /* pulseaudio */
    vrAudioSDLDriver sdl_driver;        /* sdl */
    vrTristate try_mmap, exclusive;     /* oss yes/no */
    int dsp_policy;                     /* oss, -1 when absent */
    vrAudioIO input, output;
} vrDomainAudioDef;

/* channel: domain_channel.c */
vrDomainChannelDef *vrDomainChannelDefParse(xmlNode *node,
                                            unsigned int parse_flags);
void vrDomainChannelDefFormat(GString *buf, const vrDomainChannelDef *chan,
                              unsigned int format_flags);
vrDomainChannelDef *vrDomainChannelDefCopy(const vrDomainChannelDef *chan);
void vrDomainChannelDefFree(vrDomainChannelDef *chan);
/* The source's required attributes (a unix path may be left out except
 * for guestfwd). */
int vrDomainChannelDefValidate(const vrDomainChannelDef *chan);

/* sound: domain_sound.c */
vrDomainSoundDef *vrDomainSoundDefParse(xmlNode *node,
                                        unsigned int parse_flags);
void vrDomainSoundDefFormat(GString *buf, const vrDomainSoundDef *sound);
vrDomainSoundDef *vrDomainSoundDefCopy(const vrDomainSoundDef *sound);
void vrDomainSoundDefFree(vrDomainSoundDef *sound);
/* An <audio id> must name one of the audios (of vrDomainAudioDef). */
int vrDomainSoundDefValidate(const vrDomainSoundDef *sound, GPtrArray *audios);

/* audio backends: domain_audio.c, their streams domain_audio_io.c. */
vrDomainAudioDef *vrDomainAudioDefParse(xmlNode *node);
void vrDomainAudioDefFormat(GString *buf, const vrDomainAudioDef *audio);
vrDomainAudioDef *vrDomainAudioDefCopy(const vrDomainAudioDef *audio);
void vrDomainAudioDefFree(vrDomainAudioDef *audio);
/* Every id names one backend ("audio ID 1 is used multiple times"). */
int vrDomainAudiosValidateIds(GPtrArray *audios);
/* The first <input> / <output> child of node: the settings every
 * backend has, with libvirt's consistency checks between them; then,
 * after the backend's own attributes, those of its type. */
int vrAudioIOParseCommon(xmlNode *node, const char *elem, vrAudioIO *io);
int vrAudioIOParseBackend(xmlNode *node, const char *elem, vrAudioType type,
                          vrAudioIO *io);
/* Nothing when the stream has no setting. */
void vrAudioIOFormat(GString *buf, const char *elem, vrAudioType type,
                     const vrAudioIO *io);
void vrAudioIOCopy(vrAudioIO *dst, const vrAudioIO *src);
void vrAudioIOClear(vrAudioIO *io);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrDomainChannelDef, vrDomainChannelDefFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrDomainSoundDef, vrDomainSoundDefFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrDomainAudioDef, vrDomainAudioDefFree)

#endif /* VR_DOMAIN_CHANNEL_H */
