/* Device definitions of the domain model (<devices> children) and the
 * per-device parse / format / copy / free functions.  Every *Free accepts
 * NULL; every *Copy returns a deep copy (never NULL). */
#ifndef VR_DOMAIN_DEVICE_H
#define VR_DOMAIN_DEVICE_H

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "conf/domain_conf.h"
#include "conf/domain_enums.h"
#include "conf/device_info.h"
#include "conf/domain_tpm.h"
#include "conf/domain_watchdog.h"

#define VR_MAC_BUFLEN 6
#define VR_MAC_STRING_BUFLEN 18         /* "xx:xx:xx:xx:xx:xx" + NUL */
#define VR_DEVICE_LEVEL 2               /* indentation of <devices> children */

typedef struct {
    vrDiskType type;
    vrDiskDevice device;
    char *src;                          /* file, dev or dir; NULL if none */
    vrDiskStartupPolicy startup_policy;
    char *driver_name;
    vrStorageFormat format;
    vrDiskCache cache;
    vrDiskErrorPolicy error_policy;
    vrDiskErrorPolicy rerror_policy;
    vrDiskIo io;
    vrTristate ioeventfd;               /* on/off */
    vrTristate event_idx;               /* on/off */
    vrTristate copy_on_read;            /* on/off */
    vrDiskDiscard discard;
    unsigned int iothread;              /* 0 when absent */
    vrDiskDetectZeroes detect_zeroes;
    unsigned int queues;                /* 0 when absent */
    char *dst;
    vrDiskBus bus;
    vrDiskTray tray;
    vrTristate removable;               /* on/off */
    unsigned int rotation_rate;
    bool readonly;
    bool shareable;
    bool transient;
    char *serial, *wwn, *vendor, *product;
    vrDeviceInfo info;
} vrDomainDiskDef;

typedef struct {
    vrControllerType type;
    int idx;                            /* -1 until defaults assign it */
    int model;                          /* -1: default */
    int ports;                          /* virtio-serial, -1: absent */
    int vectors;                        /* virtio-serial, -1: absent */
    int usb_startport;                  /* <master startport>, -1: none */
    vrDeviceInfo info;
} vrDomainControllerDef;

typedef struct {
    vrNetType type;
    unsigned char mac[VR_MAC_BUFLEN];
    vrNetMacType mac_type;
    vrTristate mac_check;               /* yes/no */
    char *source;                       /* network, bridge or direct dev */
    char *portgroup;                    /* network */
    vrNetMacvlanMode mode;              /* direct */
    char *ifname;                       /* <target dev> */
    vrTristate managed_tap;             /* <target managed> yes/no */
    char *model;
    vrNetLinkState link;
    unsigned int mtu;                   /* 0 when absent */
    vrDeviceInfo info;
} vrDomainNetDef;

typedef struct {
    vrChrType type;
    char *path;                         /* pty (live), dev, file, pipe, unix;
                                         * nmdm master */
    char *slave;                        /* nmdm */
    vrTristate append;                  /* file: on/off */
    bool listen;                        /* unix/tcp: mode='bind' */
    char *host, *service;               /* tcp; udp connect side */
    char *bind_host, *bind_service;     /* udp bind side */
    vrChrTcpProtocol protocol;
    char *channel;                      /* spiceport, dbus */
    vrTristate clipboard;               /* qemu-vdagent copypaste yes/no */
    int mouse_mode;                     /* qemu-vdagent, vrChrMouseMode */
    vrTristate reconnect;               /* tcp, unix: <reconnect enabled> */
    unsigned int reconnect_timeout;     /* seconds, with enabled='yes' */
    char *logfile;                      /* <log file>, or NULL */
    vrTristate logappend;               /* <log append> on/off */
} vrDomainChrSource;

typedef enum {
    VR_CHR_DEVICE_SERIAL = 0,
    VR_CHR_DEVICE_CONSOLE,
    VR_CHR_DEVICE_LAST
} vrChrDeviceType;

typedef struct {
    vrChrDeviceType device_type;
    int target_type;                    /* serial or console target enum */
    vrChrSerialTargetModel target_model; /* serial only */
    int port;                           /* -1 until assigned */
    vrDomainChrSource source;
    vrDeviceInfo info;
} vrDomainChrDef;

typedef struct {
    vrGraphicsListenType type;
    char *address;
    char *network;
    char *socket;
} vrGraphicsListen;

typedef struct {
    vrGraphicsType type;
    int port;
    int tls_port;                       /* spice */
    bool autoport;
    int websocket;                      /* vnc, 0 when absent */
    char *keymap;
    vrGraphicsVNCSharePolicy share_policy;
    vrGraphicsSpiceMode default_mode;
    char *passwd;
    char *passwd_valid_to;
    vrGraphicsConnected connected;
    char *display, *xauth;              /* sdl */
    vrTristate fullscreen;              /* sdl yes/no */
    GArray *listens;                    /* of vrGraphicsListen */
} vrDomainGraphicsDef;

typedef struct {
    vrVideoType type;
    unsigned int ram, vram, vram64, vgamem;
    unsigned int heads;                 /* 0: not printed */
    bool primary;
    vrTristate accel3d, accel2d;        /* yes/no */
    bool has_accel;
    vrDeviceInfo info;
} vrDomainVideoDef;

typedef struct {
    vrInputType type;
    vrInputBus bus;
    char *source;                       /* passthrough evdev / evdev dev */
    int grab;                           /* evdev, vrInputGrab; 0 absent */
    int grab_toggle;                    /* evdev, vrInputGrabToggle */
    vrTristate repeat;                  /* evdev on/off */
    vrDeviceInfo info;
} vrDomainInputDef;

typedef struct {
    vrMemballoonModel model;
    vrTristate autodeflate;             /* on/off */
    vrTristate free_page_reporting;     /* on/off */
    int period;                         /* <stats period>, -1 absent */
    vrDeviceInfo info;
} vrDomainMemballoonDef;

typedef struct {
    vrRNGModel model;
    vrRNGBackend backend;
    char *path;                         /* random backend device */
    vrDomainChrSource *egd;             /* egd backend source */
    unsigned int rate_bytes;
    unsigned int rate_period;
    bool has_rate;
    vrDeviceInfo info;
} vrDomainRNGDef;

struct vrDomainDevices {
    char *emulator;
    GPtrArray *disks;                   /* of vrDomainDiskDef */
    GPtrArray *controllers;
    GPtrArray *nets;
    GPtrArray *serials;                 /* of vrDomainChrDef */
    GPtrArray *consoles;
    GPtrArray *channels;                /* of vrDomainChannelDef */
    GPtrArray *inputs;
    GPtrArray *graphics;
    GPtrArray *sounds;                  /* of vrDomainSoundDef */
    GPtrArray *audios;                  /* of vrDomainAudioDef */
    GPtrArray *videos;
    vrDomainMemballoonDef *memballoon;  /* or NULL */
    GPtrArray *rngs;
    vrDomainWatchdogDef *watchdog;      /* or NULL (domain_watchdog.h) */
    GPtrArray *tpms;                    /* of vrDomainTPMDef (domain_tpm.h) */
};

/* disks */
vrDomainDiskDef *vrDomainDiskDefParse(xmlNode *node, const vrDomainDef *def,
                                      unsigned int parse_flags);
void vrDomainDiskDefFormat(GString *buf, const vrDomainDiskDef *disk);
vrDomainDiskDef *vrDomainDiskDefCopy(const vrDomainDiskDef *disk);
void vrDomainDiskDefFree(vrDomainDiskDef *disk);
/* libvirt's index for names like "vda", "hdc", "sdaa" (partition digits
 * allowed), or -1. */
int vrDiskNameToIndex(const char *name);
/* Insert keeping libvirt's order (by bus, then by name index). */
void vrDomainDiskInsert(GPtrArray *disks, vrDomainDiskDef *disk);
int vrDomainDiskDefPostParse(vrDomainDiskDef *disk, const vrDomainDef *def);
/* Target, source, driver, bus/address, name, wwn, vendor, product. */
int vrDomainDiskDefValidate(const vrDomainDiskDef *disk);


/* controllers */
vrDomainControllerDef *vrDomainControllerDefParse(xmlNode *node,
                                                  unsigned int parse_flags);
void vrDomainControllerDefFormat(GString *buf,
                                 const vrDomainControllerDef *cont);
vrDomainControllerDef *vrDomainControllerDefCopy(const vrDomainControllerDef *c);
void vrDomainControllerDefFree(vrDomainControllerDef *cont);
vrDomainControllerDef *vrDomainControllerDefNew(vrControllerType type, int idx);
void vrDomainControllerInsert(GPtrArray *controllers,
                              vrDomainControllerDef *cont);

/* interfaces */
vrDomainNetDef *vrDomainNetDefParse(xmlNode *node, const vrDomainDef *def,
                                    unsigned int parse_flags);
void vrDomainNetDefFormat(GString *buf, const vrDomainNetDef *net);
vrDomainNetDef *vrDomainNetDefCopy(const vrDomainNetDef *net);
void vrDomainNetDefFree(vrDomainNetDef *net);
/* "52:54:00" and three random bytes (from util/uuid's byte source, so the
 * simulation's seed decides them). */
void vrMacGenerate(unsigned char mac[VR_MAC_BUFLEN]);
int vrMacParse(const char *str, unsigned char mac[VR_MAC_BUFLEN]);
void vrMacFormat(const unsigned char mac[VR_MAC_BUFLEN],
                 char out[VR_MAC_STRING_BUFLEN]);

/* serial / console */
vrDomainChrDef *vrDomainChrDefParse(xmlNode *node, vrChrDeviceType dev_type,
                                    unsigned int parse_flags);
void vrDomainChrDefFormat(GString *buf, const vrDomainChrDef *chr,
                          unsigned int format_flags);
vrDomainChrDef *vrDomainChrDefCopy(const vrDomainChrDef *chr);
vrDomainChrDef *vrDomainChrDefNew(vrChrDeviceType dev_type);
void vrDomainChrDefFree(vrDomainChrDef *chr);
int vrDomainChrSourceParse(xmlNode *node, vrChrType type,
                           unsigned int parse_flags, vrDomainChrSource *src);
/* What every character device (serial, console, channel) parses after its
 * target, in libvirt's order: the source, the spicevmc-needs-virtio check
 * (target_type is compared with the channel's virtio value, as libvirt
 * does for every kind), then the address and alias (no boot order). */
int vrDomainChrParseSourceAndInfo(xmlNode *node, vrChrType type, int target_type,
                                  unsigned int parse_flags, vrDomainChrSource *src,
                                  vrDeviceInfo *info);
void vrDomainChrSourceFormat(GString *buf, int level,
                             const vrDomainChrSource *src,
                             unsigned int format_flags);
void vrDomainChrSourceCopy(vrDomainChrSource *dst, const vrDomainChrSource *src);
void vrDomainChrSourceClear(vrDomainChrSource *src);
/* Required attributes per type ("Missing source path attribute ..."). */
int vrDomainChrSourceValidate(const vrDomainChrSource *src);
bool vrDomainChrSourceEqual(const vrDomainChrSource *a,
                            const vrDomainChrSource *b);

/* graphics */
vrDomainGraphicsDef *vrDomainGraphicsDefParse(xmlNode *node,
                                              unsigned int parse_flags);
void vrDomainGraphicsDefFormat(GString *buf, const vrDomainGraphicsDef *gfx,
                               unsigned int format_flags);
vrDomainGraphicsDef *vrDomainGraphicsDefCopy(const vrDomainGraphicsDef *gfx);
void vrDomainGraphicsDefFree(vrDomainGraphicsDef *gfx);

/* video */
vrDomainVideoDef *vrDomainVideoDefParse(xmlNode *node, const vrDomainDef *def,
                                        unsigned int parse_flags);
void vrDomainVideoDefFormat(GString *buf, const vrDomainVideoDef *video);
vrDomainVideoDef *vrDomainVideoDefCopy(const vrDomainVideoDef *video);
void vrDomainVideoDefFree(vrDomainVideoDef *video);
vrDomainVideoDef *vrDomainVideoDefNewDefault(const vrDomainDef *def);
/* Type and memory defaults (libvirt applies them twice to the primary). */
void vrDomainVideoDefPostParse(vrDomainVideoDef *video, const vrDomainDef *def);

/* input */
vrDomainInputDef *vrDomainInputDefParse(xmlNode *node, const vrDomainDef *def,
                                        unsigned int parse_flags);
void vrDomainInputDefFormat(GString *buf, const vrDomainInputDef *input);
/* Bus/type/address combinations the OS type allows. */
int vrDomainInputDefValidate(const vrDomainInputDef *input,
                             const vrDomainDef *def);
vrDomainInputDef *vrDomainInputDefCopy(const vrDomainInputDef *input);
void vrDomainInputDefFree(vrDomainInputDef *input);

/* memballoon */
vrDomainMemballoonDef *vrDomainMemballoonDefParse(xmlNode *node,
                                                  unsigned int parse_flags);
void vrDomainMemballoonDefFormat(GString *buf,
                                 const vrDomainMemballoonDef *balloon);
vrDomainMemballoonDef *vrDomainMemballoonDefCopy(const vrDomainMemballoonDef *b);
void vrDomainMemballoonDefFree(vrDomainMemballoonDef *balloon);

/* rng */
vrDomainRNGDef *vrDomainRNGDefParse(xmlNode *node, unsigned int parse_flags);
void vrDomainRNGDefFormat(GString *buf, const vrDomainRNGDef *rng,
                          unsigned int format_flags);
vrDomainRNGDef *vrDomainRNGDefCopy(const vrDomainRNGDef *rng);
void vrDomainRNGDefFree(vrDomainRNGDef *rng);

/* the container */
void vrDomainDevicesInit(vrDomainDevices *devs);
void vrDomainDevicesClear(vrDomainDevices *devs);
void vrDomainDevicesCopy(vrDomainDevices *dst, const vrDomainDevices *src);
/* Parse the <devices> children of the <domain> element root. */
int vrDomainDevicesParse(xmlNode *root, vrDomainDef *def,
                         unsigned int parse_flags);
void vrDomainDevicesFormat(GString *buf, const vrDomainDef *def,
                           unsigned int format_flags);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrDomainDiskDef, vrDomainDiskDefFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrDomainControllerDef, vrDomainControllerDefFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrDomainNetDef, vrDomainNetDefFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrDomainChrDef, vrDomainChrDefFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrDomainGraphicsDef, vrDomainGraphicsDefFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrDomainVideoDef, vrDomainVideoDefFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrDomainInputDef, vrDomainInputDefFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrDomainMemballoonDef, vrDomainMemballoonDefFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrDomainRNGDef, vrDomainRNGDefFree)

#endif /* VR_DOMAIN_DEVICE_H */
