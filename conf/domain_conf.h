/* The domain XML object model: parse -> fill defaults -> validate -> format.
 * Covers what libvirt 9.0's test driver round-trips for the supported
 * elements; unknown elements are ignored as libvirt ignores them.
 *
 * Ownership: every vrDomainDef is owned by whoever holds the pointer;
 * vrDomainDefFree accepts NULL. */
#ifndef VR_DOMAIN_CONF_H
#define VR_DOMAIN_CONF_H

#include <stdbool.h>
#include <glib.h>
#include "vireo/vireo.h"

#define VR_XML_MAX_BYTES (10 * 1024 * 1024)   /* larger documents are rejected */
/* Element levels a document may have (the root is level 1): libxml2's
 * parser stops deeper documents with "Excessive depth in document: 256"
 * (its count starts at 0), as it does for libvirt. */
#define VR_XML_MAX_DEPTH 257
#define VR_DOMAIN_NAME_MAX 1024

/* <domain type='...'> */
typedef enum {
    VR_DOMAIN_VIRT_NONE = 0,
    VR_DOMAIN_VIRT_QEMU,
    VR_DOMAIN_VIRT_KQEMU,
    VR_DOMAIN_VIRT_KVM,
    VR_DOMAIN_VIRT_XEN,
    VR_DOMAIN_VIRT_LXC,
    VR_DOMAIN_VIRT_UML,
    VR_DOMAIN_VIRT_OPENVZ,
    VR_DOMAIN_VIRT_TEST,
    VR_DOMAIN_VIRT_VMWARE,
    VR_DOMAIN_VIRT_HYPERV,
    VR_DOMAIN_VIRT_VBOX,
    VR_DOMAIN_VIRT_PHYP,
    VR_DOMAIN_VIRT_PARALLELS,
    VR_DOMAIN_VIRT_BHYVE,
    VR_DOMAIN_VIRT_VZ,
    VR_DOMAIN_VIRT_LAST
} vrDomainVirtType;

/* on_poweroff / on_reboot / on_crash */
typedef enum {
    VR_DOMAIN_LIFECYCLE_ACTION_DESTROY = 0,
    VR_DOMAIN_LIFECYCLE_ACTION_RESTART,
    VR_DOMAIN_LIFECYCLE_ACTION_RESTART_RENAME,
    VR_DOMAIN_LIFECYCLE_ACTION_PRESERVE,
    VR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_DESTROY,
    VR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_RESTART,
    VR_DOMAIN_LIFECYCLE_ACTION_LAST
} vrDomainLifecycleAction;

typedef struct vrDomainDevices vrDomainDevices;   /* defined in domain_device.h */

/* The fields below are the contract other layers use; conf/ may add more
 * (cpu, os details, features, clock, devices) but never renames these. */
typedef struct vrDomainDef {
    vrDomainVirtType virt_type;
    int id;                         /* -1 unless the domain is running */
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
    char *title;                    /* or NULL */
    char *description;              /* or NULL */

    unsigned long long mem_max_kib;       /* <memory> */
    unsigned long long mem_cur_kib;       /* <currentMemory> */
    unsigned long long mem_hotplug_kib;   /* <maxMemory>, 0 when absent */
    unsigned int mem_slots;               /* <maxMemory slots=''> */

    unsigned int vcpus_max;         /* <vcpu>N</vcpu> */
    unsigned int vcpus_cur;         /* <vcpu current=''>, == vcpus_max when absent */

    char *os_type;                  /* "hvm", "linux", "exe", ... */
    char *os_arch;                  /* or NULL */
    char *os_machine;               /* or NULL */

    vrDomainLifecycleAction on_poweroff;
    vrDomainLifecycleAction on_reboot;
    vrDomainLifecycleAction on_crash;

    struct vrDomainDefPrivate *priv;  /* everything else conf/ models */
} vrDomainDef;

/* Parse flags */
typedef enum {
    VR_DOMAIN_DEF_PARSE_VALIDATE_SCHEMA = 1 << 0,  /* check against domain.rng */
    VR_DOMAIN_DEF_PARSE_INACTIVE = 1 << 1,         /* ignore live-only data (id) */
} vrDomainDefParseFlags;

/* Format flags */
typedef enum {
    VR_DOMAIN_DEF_FORMAT_SECURE = 1 << 0,      /* include passwords */
    VR_DOMAIN_DEF_FORMAT_INACTIVE = 1 << 1,    /* no id, no live-only data */
} vrDomainDefFormatFlags;

/* Parse, fill defaults and validate a domain document.  On error reports
 * libvirt's code (VIR_ERR_XML_ERROR, VIR_ERR_XML_DETAIL,
 * VIR_ERR_CONFIG_UNSUPPORTED, VIR_ERR_INVALID_ARG, ...) with a message
 * naming the element, and returns NULL.  A missing uuid is generated. */
vrDomainDef *vrDomainDefParseString(const char *xml, unsigned int parse_flags);

/* Format as libvirt 9.0 formats it (newly allocated, never NULL). */
char *vrDomainDefFormat(const vrDomainDef *def, unsigned int format_flags);

/* A deep copy (never NULL). */
vrDomainDef *vrDomainDefCopy(const vrDomainDef *def);

void vrDomainDefFree(vrDomainDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrDomainDef, vrDomainDefFree)

/* Whether a graphics/vnc or other element carries a password
 * (so SECURE makes a difference); used by tests. */
bool vrDomainDefHasSecrets(const vrDomainDef *def);

/* Give every interface without <target dev> the name prefixN, N the lowest
 * number unused in this domain -- what libvirt's test driver does with
 * "testnet" when it defines or starts a domain.  0, or -1 (reported) when
 * no name is free. */
int vrDomainDefAssignIfnames(vrDomainDef *def, const char *prefix);

/* virDomainGetMetadata's data: type is a virDomainMetadataType; uri
 * selects the element (returned without its namespace prefix, as libvirt
 * returns it).  Newly allocated, or NULL after reporting
 * VIR_ERR_NO_DOMAIN_METADATA. */
char *vrDomainDefGetMetadata(const vrDomainDef *def, int type, const char *uri);

/* virDomainSetMetadata's change: title/description (NULL or "" clears),
 * or the element in namespace key:uri (metadata NULL removes it; a
 * malformed fragment reports VIR_ERR_XML_DETAIL).  Argument checks that
 * libvirt makes in its public entry point (e.g. newlines in a title) are
 * the caller's.  0 or -1. */
int vrDomainDefSetMetadata(vrDomainDef *def, int type, const char *metadata,
                           const char *key, const char *uri);

const char *vrDomainVirtTypeToString(vrDomainVirtType type);
const char *vrDomainLifecycleActionToString(vrDomainLifecycleAction action);

#endif /* VR_DOMAIN_CONF_H */
