/* The part of the domain model beyond domain_conf.h's contract fields (os
 * details, cpu, features, clock, metadata, devices) and the internal
 * functions conf/ splits its passes into.  Other folders may read these
 * structures; they are owned by the vrDomainDef. */
#ifndef VR_DOMAIN_PRIV_H
#define VR_DOMAIN_PRIV_H

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "conf/domain_conf.h"
#include "conf/domain_device.h"
#include "conf/domain_enums.h"

#define VR_DOMAIN_CPUMASK_LEN 16384     /* highest host CPU id + 1 in cpusets */
#define VR_DOMAIN_VCPUS_MAX 16384       /* <vcpu> above this is rejected */
#define VR_DOMAIN_MEMORY_MAX_KIB 9007199254740991ULL   /* 2^53 - 1, libvirt's */
#define VR_DOMAIN_BOOT_MAX 4            /* <boot dev> entries kept */
#define VR_DOMAIN_LEVEL 1               /* indentation of <domain> children */

#define VR_DOMAIN_BOOTMENU_TIMEOUT_MAX 65535   /* <bootmenu timeout> in ms */
#define VR_DOMAIN_BIOS_REBOOT_TIMEOUT_MIN (-1)  /* <bios rebootTimeout>: -1 never */
#define VR_DOMAIN_BIOS_REBOOT_TIMEOUT_MAX 65535

typedef struct {
    vrDomainFirmware firmware;
    /* <firmware><feature>s: yes/no; only with a firmware attribute */
    vrTristate firmware_features[VR_DOMAIN_FIRMWARE_FEATURE_LAST];
    bool has_firmware_features;         /* a <feature> was given */
    bool has_loader;                    /* <loader> or <nvram> given */
    char *loader;                       /* path or NULL */
    vrDomainLoaderType loader_type;
    vrTristate loader_readonly;         /* yes/no */
    vrTristate loader_secure;           /* yes/no */
    bool loader_missing;                /* <loader>/<nvram> without a path */
    char *nvram;
    char *nvram_template;
    char *kernel, *initrd, *cmdline, *dtb, *init;
    char **initargs;                    /* NULL-terminated, or NULL */
    vrDomainBootDev boot[VR_DOMAIN_BOOT_MAX];
    size_t nboot;
    vrTristate bootmenu;                /* <bootmenu enable> yes/no */
    bool bootmenu_timeout_set;
    unsigned int bootmenu_timeout_ms;
    vrTristate bios_useserial;          /* yes/no */
    bool bios_reboot_timeout_set;
    int bios_reboot_timeout_ms;
    vrDomainSmbiosMode smbios_mode;
} vrDomainOSDef;

typedef struct {
    vrDomainTimerName name;
    vrTristate present;                 /* yes/no */
    vrDomainTimerTickpolicy tickpolicy;
    vrDomainTimerTrack track;
    unsigned long long frequency;       /* 0 when absent */
    vrDomainTimerMode mode;
} vrDomainTimerDef;

typedef struct {
    vrDomainClockOffset offset;
    long long adjustment;               /* variable */
    vrDomainClockBasis basis;           /* variable */
    char *timezone;                     /* timezone */
    unsigned long long start;           /* absolute */
    bool reset;                         /* utc/localtime adjustment='reset' */
    GArray *timers;                     /* of vrDomainTimerDef, or NULL */
} vrDomainClockDef;

typedef struct {
    char *name;
    vrCPUFeaturePolicy policy;
} vrCPUFeature;

/* <iothreadids><iothread> */
typedef struct {
    unsigned int id;                    /* > 0 */
    int pool_min, pool_max;             /* thread_pool_min/max, -1 absent */
} vrDomainIOThreadDef;

typedef struct {
    vrCPUMode mode;
    vrCPUMatch match;
    vrCPUCheck check;
    vrTristate migratable;              /* on/off */
    char *model;
    vrCPUFallback fallback;
    char *vendor_id;                    /* <model vendor_id=''> */
    char *vendor;                       /* <vendor> */
    unsigned int sockets, dies, cores, threads;   /* 0: no <topology> */
    GArray *features;                   /* of vrCPUFeature */
} vrDomainCPUDef;

struct vrDomainDefPrivate {
    unsigned char genid[VIR_UUID_BUFLEN];
    bool has_genid;
    char *metadata;                     /* serialized <metadata>, or NULL */
    vrDomainVcpuPlacement placement;
    char *cpuset;                       /* canonical "0-3,5" or NULL */
    unsigned int iothreads;             /* I/O threads, given and filled */
    GArray *iothreadids;                /* of vrDomainIOThreadDef given, or NULL */
    vrDomainOSDef os;
    vrTristate features[VR_DOMAIN_FEATURE_LAST];   /* on/off */
    vrTristate apic_eoi;                /* on/off */
    vrDomainClockDef clock;
    vrDomainCPUDef *cpu;                /* or NULL */
    vrDomainDevices devices;
};

/* Accessors on the private part. */
static inline vrDomainDevices *
vrDomainDefDevices(const vrDomainDef *def)
{
    return &def->priv->devices;
}

/* domain_conf.c */
vrDomainDef *vrDomainDefNew(void);
vrDomainVirtType vrDomainDefVirtTypeFromString(const char *str);

/* domain_os.c: <os>, <features>, <clock>, lifecycle */
/* root is the <domain> element: libvirt reads "./os/..." across every
 * <os> element. */
int vrDomainOSParse(xmlNode *root, vrDomainDef *def);
/* <os><smbios mode>: libvirt reads it after the devices. */
int vrDomainSmbiosParse(xmlNode *root, vrDomainDef *def);
/* Firmware auto-selection limits and the boot menu/BIOS timeouts. */
int vrDomainOSValidate(const vrDomainDef *def);
void vrDomainOSFormat(GString *buf, const vrDomainDef *def);
void vrDomainOSCopy(vrDomainOSDef *dst, const vrDomainOSDef *src);
void vrDomainOSClear(vrDomainOSDef *os);
int vrDomainFeaturesParse(xmlNode *features, vrDomainDef *def);
void vrDomainFeaturesFormat(GString *buf, const vrDomainDef *def);
/* root is the <domain> element (attributes may come from any <clock>). */
int vrDomainClockParse(xmlNode *root, vrDomainDef *def);
void vrDomainClockFormat(GString *buf, const vrDomainDef *def);

/* domain_cpu.c: <cpu>, <vcpu> and cpusets */
int vrDomainVcpuParse(xmlNode *vcpu, vrDomainDef *def);
void vrDomainVcpuFormat(GString *buf, const vrDomainDef *def);
vrDomainCPUDef *vrDomainCPUDefParse(xmlNode *node);
void vrDomainCPUDefFormat(GString *buf, const vrDomainCPUDef *cpu);
vrDomainCPUDef *vrDomainCPUDefCopy(const vrDomainCPUDef *cpu);
void vrDomainCPUDefFree(vrDomainCPUDef *cpu);
/* Parse libvirt's cpuset syntax ("0-3,^2,8") into its canonical form;
 * NULL after reporting. */
char *vrCpusetCanonicalize(const char *str);

/* domain_iothread.c: <iothreads> and <iothreadids> */
int vrDomainIOThreadsParse(xmlNode *root, vrDomainDef *def);
int vrDomainIOThreadsValidate(const vrDomainDef *def);
void vrDomainIOThreadsFormat(GString *buf, const vrDomainDef *def);

/* domain_metadata.c */
int vrDomainMetadataParse(xmlNode *metadata, vrDomainDef *def);
void vrDomainMetadataFormat(GString *buf, const vrDomainDef *def);

/* domain_postparse.c: fill defaults after parsing */
int vrDomainDefPostParse(vrDomainDef *def, unsigned int parse_flags);

/* domain_validate.c */
int vrDomainDefValidate(const vrDomainDef *def);

/* domain_schema.c: RelaxNG check of a parsed document. */
int vrDomainSchemaValidate(xmlDoc *doc);
/* Use path instead of the installed domain.rng (tests); NULL resets.
 * Not to be called while other threads validate. */
void vrDomainSchemaSetPath(const char *path);

/* domain_net.c: name <target dev> of interfaces that have none after
 * prefixN, choosing the lowest N unused in this domain, as libvirt's test
 * driver does with "testnet".  0, or -1 when no name is free. */
int vrDomainDefAssignIfnames(vrDomainDef *def, const char *prefix);

#endif /* VR_DOMAIN_PRIV_H */
