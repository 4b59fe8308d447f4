/* The storage XML object model: pools (<pool>) and volumes (<volume>),
 * parse -> fill defaults -> validate -> format, as libvirt 9.0 reads and
 * writes them.
 *
 * Ownership: every def belongs to whoever holds the pointer; the Free
 * functions accept NULL. */
#ifndef VR_STORAGE_CONF_H
#define VR_STORAGE_CONF_H

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>
#include "vireo/vireo.h"

#define VR_STORAGE_POOL_HOSTS_MAX 64       /* <host> elements in a source */
#define VR_STORAGE_POOL_DEVICES_MAX 256    /* <device> elements in a source */
#define VR_STORAGE_PERM_UNSET 0xffffffffU  /* mode/owner/group not given */
#define VR_STORAGE_DEFAULT_POOL_CAPACITY (100ULL * 1024 * 1024 * 1024)

/* <pool type='...'>, libvirt's order */
typedef enum {
    VR_STORAGE_POOL_DIR = 0,
    VR_STORAGE_POOL_FS,
    VR_STORAGE_POOL_NETFS,
    VR_STORAGE_POOL_LOGICAL,
    VR_STORAGE_POOL_DISK,
    VR_STORAGE_POOL_ISCSI,
    VR_STORAGE_POOL_ISCSI_DIRECT,
    VR_STORAGE_POOL_SCSI,
    VR_STORAGE_POOL_MPATH,
    VR_STORAGE_POOL_RBD,
    VR_STORAGE_POOL_SHEEPDOG,
    VR_STORAGE_POOL_GLUSTER,
    VR_STORAGE_POOL_ZFS,
    VR_STORAGE_POOL_VSTORAGE,
    VR_STORAGE_POOL_LAST
} vrStoragePoolType;

/* <volume type='...'> == virStorageVolType */
typedef enum {
    VR_STORAGE_VOL_FILE = 0,
    VR_STORAGE_VOL_BLOCK,
    VR_STORAGE_VOL_DIR,
    VR_STORAGE_VOL_NETWORK,
    VR_STORAGE_VOL_NETDIR,
    VR_STORAGE_VOL_PLOOP,
    VR_STORAGE_VOL_LAST
} vrStorageVolType;

/* Image file formats (dir, fs, netfs, gluster, vstorage, rbd volumes). */
typedef enum {
    VR_STORAGE_FILE_NONE = 0,
    VR_STORAGE_FILE_RAW,
    VR_STORAGE_FILE_DIR,
    VR_STORAGE_FILE_BOCHS,
    VR_STORAGE_FILE_CLOOP,
    VR_STORAGE_FILE_DMG,
    VR_STORAGE_FILE_ISO,
    VR_STORAGE_FILE_VPC,
    VR_STORAGE_FILE_VDI,
    VR_STORAGE_FILE_FAT,
    VR_STORAGE_FILE_VHD,
    VR_STORAGE_FILE_PLOOP,
    VR_STORAGE_FILE_COW,
    VR_STORAGE_FILE_QCOW,
    VR_STORAGE_FILE_QCOW2,
    VR_STORAGE_FILE_QED,
    VR_STORAGE_FILE_VMDK,
    VR_STORAGE_FILE_LAST
} vrStorageFileFormat;

/* qcow2 <features> */
typedef enum {
    VR_STORAGE_FILE_FEATURE_LAZY_REFCOUNTS = 0,
    VR_STORAGE_FILE_FEATURE_EXTENDED_L2,
    VR_STORAGE_FILE_FEATURE_LAST
} vrStorageFileFeature;

typedef enum {
    VR_STORAGE_AUTH_NONE = 0,
    VR_STORAGE_AUTH_CHAP,
    VR_STORAGE_AUTH_CEPHX,
    VR_STORAGE_AUTH_LAST
} vrStorageAuthType;

/* A tristate attribute: absent, yes, no. */
typedef enum {
    VR_STORAGE_TRISTATE_ABSENT = 0,
    VR_STORAGE_TRISTATE_YES,
    VR_STORAGE_TRISTATE_NO,
    VR_STORAGE_TRISTATE_LAST
} vrStorageTristate;

/* <permissions>: each field VR_STORAGE_PERM_UNSET when not given. */
typedef struct {
    unsigned int mode;
    unsigned int uid;
    unsigned int gid;
    char *label;                    /* or NULL */
} vrStoragePerms;

typedef struct {
    char *name;
    int port;                       /* 0: not given */
} vrStoragePoolHost;

typedef struct {
    char *path;
    vrStorageTristate part_separator;
} vrStoragePoolDevice;

/* A secret looked up by exactly one of uuid / usage. */
typedef struct {
    bool has_uuid;
    unsigned char uuid[VIR_UUID_BUFLEN];
    char *usage;                    /* when !has_uuid; may be "" */
} vrStorageSecretLookup;

/* <auth> with its <secret>. */
typedef struct {
    vrStorageAuthType type;
    char *username;
    char *secret_type;              /* <secret type=''>, or NULL */
    vrStorageSecretLookup secret;
} vrStorageAuth;

/* <adapter> of a scsi pool (libvirt's virStorageAdapter). */
typedef enum {
    VR_STORAGE_ADAPTER_DEFAULT = 0,     /* no <adapter>, or no name in a legacy one */
    VR_STORAGE_ADAPTER_SCSI_HOST,
    VR_STORAGE_ADAPTER_FC_HOST,
    VR_STORAGE_ADAPTER_LAST
} vrStorageAdapterType;

typedef struct {
    vrStorageAdapterType type;
    char *name;                     /* scsi_host: name='' */
    bool has_parent;                /* scsi_host: <parentaddr> */
    int unique_id;
    unsigned int pci_domain, pci_bus, pci_slot, pci_function;
    char *wwnn, *wwpn;              /* fc_host */
    char *parent, *parent_wwnn, *parent_wwpn, *parent_fabric_wwn;
    vrStorageTristate managed;
} vrStorageAdapter;

typedef struct {
    size_t nhosts;
    vrStoragePoolHost *hosts;
    size_t ndevices;
    vrStoragePoolDevice *devices;
    char *dir;                      /* sanitized <dir path=''> */
    char *name;                     /* <name> */
    char *initiator_iqn;            /* <initiator><iqn name=''/> */
    int format;                     /* the pool type's format enum, -1: none */
    vrStorageAuth *auth;            /* or NULL */
    char *protocol_ver;             /* <protocol ver=''>, or NULL */
    char *vendor;
    char *product;
    vrStorageAdapter adapter;
} vrStoragePoolSource;

typedef struct {
    vrStoragePoolType type;
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
    unsigned long long capacity;    /* bytes */
    unsigned long long allocation;
    unsigned long long available;
    vrStorageTristate cow;          /* <features><cow state=''/> */
    vrStoragePoolSource source;
    char *target_path;              /* NULL for network pools (rbd, ...) */
    vrStoragePerms target_perms;
    bool has_refresh;               /* <refresh><volume allocation=''/> */
    int refresh_allocation;         /* 0 default, 1 capacity */
} vrStoragePoolDef;

/* A volume's <encryption> (storage_priv.h has its fields). */
typedef struct vrStorageEncryption vrStorageEncryption;

/* A volume's <target> or <backingStore>. */
typedef struct {
    char *path;
    int format;                     /* the pool type's volume format, -1: none */
    vrStoragePerms perms;
} vrStorageVolTarget;

typedef struct {
    char *name;
    char *key;                      /* or NULL */
    vrStorageVolType type;
    unsigned long long capacity;    /* bytes */
    unsigned long long allocation;  /* bytes */
    bool has_allocation;            /* <allocation> was given */
    vrStorageVolTarget target;
    vrStorageEncryption *encryption;    /* <target><encryption>, or NULL */
    char *compat;                   /* <compat>, or NULL */
    unsigned long long cluster_size;    /* bytes, 0: not given */
    bool has_features;              /* <features> present (maybe empty) */
    bool features[VR_STORAGE_FILE_FEATURE_LAST];
    bool has_backing;
    vrStorageVolTarget backing;
} vrStorageVolDef;

/* Parse flags of volumes */
typedef enum {
    VR_STORAGE_VOL_PARSE_NO_CAPACITY = 1 << 0,   /* <capacity> may be missing */
    VR_STORAGE_VOL_PARSE_VALIDATE = 1 << 1,      /* check against storagevol.rng */
} vrStorageVolParseFlags;

/* Parse flags of pools */
typedef enum {
    VR_STORAGE_POOL_PARSE_VALIDATE = 1 << 0,     /* check against storagepool.rng */
} vrStoragePoolParseFlags;

/* Parse, fill defaults and validate a <pool> document (libvirt's
 * virStoragePoolDefParseString).  A missing uuid is generated; capacity,
 * allocation and available stay 0 (the driver sets them).  NULL after
 * reporting libvirt's code and message. */
vrStoragePoolDef *vrStoragePoolDefParseString(const char *xml, unsigned int flags);

/* The same for a <pool> element of a larger document (node files). */
vrStoragePoolDef *vrStoragePoolDefParseNode(xmlNode *root);

/* libvirt's pool-dumpxml text (newly allocated, never NULL). */
char *vrStoragePoolDefFormat(const vrStoragePoolDef *def);

vrStoragePoolDef *vrStoragePoolDefCopy(const vrStoragePoolDef *def);
void vrStoragePoolDefFree(vrStoragePoolDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrStoragePoolDef, vrStoragePoolDefFree)

/* Parse a <volume> document for a pool of pool->type (formats depend on
 * it).  NULL after reporting. */
vrStorageVolDef *vrStorageVolDefParseString(const vrStoragePoolDef *pool,
                                            const char *xml, unsigned int flags);
vrStorageVolDef *vrStorageVolDefParseNode(const vrStoragePoolDef *pool,
                                          xmlNode *root, unsigned int flags);

/* Read a <volume> document and check it against storagevol.rng only:
 * 0, or -1 after reporting the syntax or schema error. */
int vrStorageVolDocValidate(const char *xml);

/* libvirt's vol-dumpxml text for a volume of pool (never NULL). */
char *vrStorageVolDefFormat(const vrStoragePoolDef *pool, const vrStorageVolDef *def);

vrStorageVolDef *vrStorageVolDefCopy(const vrStorageVolDef *def);
void vrStorageVolDefFree(vrStorageVolDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrStorageVolDef, vrStorageVolDefFree)

/* What libvirt's test driver does with a new volume: target path
 * POOLTARGET/NAME (replacing any given; "(null)/NAME" in pools without a
 * target, as libvirt prints it), key the path. */
void vrStorageVolDefPlaceInPool(const vrStoragePoolDef *pool, vrStorageVolDef *def);

/* The virStorageVolType the test driver reports for volumes of a pool
 * type (virStorageVolGetInfo). */
int vrStoragePoolVolumeType(vrStoragePoolType type);

const char *vrStoragePoolTypeToString(int type);
int vrStoragePoolTypeFromString(const char *str);
const char *vrStorageVolTypeToString(int type);
const char *vrStorageFileFormatToString(int format);

#endif /* VR_STORAGE_CONF_H */
