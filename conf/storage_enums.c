/* String tables of the storage XML (libvirt 9.0 spellings) and the options
 * of each pool type: which source parts it needs, which pool and volume
 * formats it knows. */
#include <string.h>

#include "conf/storage_priv.h"

VR_ENUM_IMPL(vrStoragePoolTypeName, VR_STORAGE_POOL_LAST,
             "dir", "fs", "netfs", "logical", "disk", "iscsi", "iscsi-direct",
             "scsi", "mpath", "rbd", "sheepdog", "gluster", "zfs", "vstorage")

VR_ENUM_IMPL(vrStorageVolTypeName, VR_STORAGE_VOL_LAST,
             "file", "block", "dir", "network", "netdir", "ploop")

VR_ENUM_IMPL(vrStorageFileFormatName, VR_STORAGE_FILE_LAST,
             "none", "raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc", "vdi",
             "fat", "vhd", "ploop", "cow", "qcow", "qcow2", "qed", "vmdk")

VR_ENUM_IMPL(vrStorageFileFeatureName, VR_STORAGE_FILE_FEATURE_LAST,
             "lazy_refcounts", "extended_l2")

VR_ENUM_IMPL(vrStorageAuthTypeName, VR_STORAGE_AUTH_LAST, "none", "chap", "ceph")

VR_ENUM_IMPL(vrStorageTristateName, VR_STORAGE_TRISTATE_LAST, "default", "yes", "no")

VR_ENUM_IMPL(vrStorageAdapterTypeName, VR_STORAGE_ADAPTER_LAST,
             "default", "scsi_host", "fc_host")

/* Pool source formats. */
enum { VR_POOL_FS_AUTO = 0, VR_POOL_FS_LAST = 14 };
enum { VR_POOL_NETFS_AUTO = 0, VR_POOL_NETFS_LAST = 4 };
enum { VR_POOL_DISK_UNKNOWN = 0, VR_POOL_DISK_LAST = 9 };
enum { VR_POOL_LOGICAL_LVM2 = 1, VR_POOL_LOGICAL_LAST = 2 };
/* Volume formats of disk pools (partition types). */
enum { VR_VOL_DISK_NONE = 0, VR_VOL_DISK_LAST = 8 };

static const char *const vrPoolFsNames[] = {
    "auto", "ext2", "ext3", "ext4", "ufs", "iso9660", "udf", "gfs", "gfs2",
    "vfat", "hfs+", "xfs", "ocfs2", "vmfs",
};
_Static_assert(G_N_ELEMENTS(vrPoolFsNames) == VR_POOL_FS_LAST, "fs formats");

static const char *const vrPoolNetfsNames[] = { "auto", "nfs", "glusterfs", "cifs" };
_Static_assert(G_N_ELEMENTS(vrPoolNetfsNames) == VR_POOL_NETFS_LAST, "netfs formats");

static const char *const vrPoolDiskNames[] = {
    "unknown", "dos", "dvh", "gpt", "mac", "bsd", "pc98", "sun", "lvm2",
};
_Static_assert(G_N_ELEMENTS(vrPoolDiskNames) == VR_POOL_DISK_LAST, "disk formats");

static const char *const vrPoolLogicalNames[] = { "unknown", "lvm2" };
_Static_assert(G_N_ELEMENTS(vrPoolLogicalNames) == VR_POOL_LOGICAL_LAST,
               "logical formats");

static const char *const vrVolDiskNames[] = {
    "none", "linux", "fat16", "fat32", "linux-swap", "linux-lvm", "linux-raid",
    "extended",
};
_Static_assert(G_N_ELEMENTS(vrVolDiskNames) == VR_VOL_DISK_LAST, "partition formats");

static const vrStorageFormatTable vrFormatsPoolFs = {
    vrPoolFsNames, VR_POOL_FS_LAST, VR_POOL_FS_AUTO, false,
};
static const vrStorageFormatTable vrFormatsPoolNetfs = {
    vrPoolNetfsNames, VR_POOL_NETFS_LAST, VR_POOL_NETFS_AUTO, false,
};
static const vrStorageFormatTable vrFormatsPoolDisk = {
    vrPoolDiskNames, VR_POOL_DISK_LAST, VR_POOL_DISK_UNKNOWN, false,
};
static const vrStorageFormatTable vrFormatsPoolLogical = {
    vrPoolLogicalNames, VR_POOL_LOGICAL_LAST, VR_POOL_LOGICAL_LVM2, false,
};
static const vrStorageFormatTable vrFormatsVolFile = {
    vrStorageFileFormatNameNames, VR_STORAGE_FILE_LAST, VR_STORAGE_FILE_RAW, true,
};
static const vrStorageFormatTable vrFormatsVolDisk = {
    vrVolDiskNames, VR_VOL_DISK_LAST, VR_VOL_DISK_NONE, false,
};

#define VR_SRC(x) VR_STORAGE_SOURCE_##x

/* Indexed by vrStoragePoolType; libvirt's poolTypeInfo. */
static const vrStoragePoolTypeInfo vrStoragePoolTypes[VR_STORAGE_POOL_LAST] = {
    [VR_STORAGE_POOL_DIR] = { 0, NULL, &vrFormatsVolFile, true },
    [VR_STORAGE_POOL_FS] = { VR_SRC(DEVICE), &vrFormatsPoolFs, &vrFormatsVolFile, true },
    [VR_STORAGE_POOL_NETFS] = { VR_SRC(HOST) | VR_SRC(DIR), &vrFormatsPoolNetfs,
                                &vrFormatsVolFile, true },
    [VR_STORAGE_POOL_LOGICAL] = { VR_SRC(NAME) | VR_SRC(DEVICE), &vrFormatsPoolLogical,
                                  NULL, true },
    [VR_STORAGE_POOL_DISK] = { VR_SRC(DEVICE), &vrFormatsPoolDisk, &vrFormatsVolDisk, true },
    [VR_STORAGE_POOL_ISCSI] = { VR_SRC(HOST) | VR_SRC(DEVICE) | VR_SRC(INITIATOR_IQN),
                                NULL, NULL, true },
    [VR_STORAGE_POOL_ISCSI_DIRECT] = { VR_SRC(HOST) | VR_SRC(DEVICE) | VR_SRC(NETWORK) |
                                       VR_SRC(INITIATOR_IQN), NULL, NULL, true },
    [VR_STORAGE_POOL_SCSI] = { VR_SRC(ADAPTER), NULL, NULL, true },
    [VR_STORAGE_POOL_MPATH] = { 0, NULL, NULL, true },
    [VR_STORAGE_POOL_RBD] = { VR_SRC(HOST) | VR_SRC(NETWORK) | VR_SRC(NAME), NULL,
                              &vrFormatsVolFile, true },
    [VR_STORAGE_POOL_SHEEPDOG] = { VR_SRC(HOST) | VR_SRC(NETWORK) | VR_SRC(NAME),
                                   NULL, NULL, true },
    [VR_STORAGE_POOL_GLUSTER] = { VR_SRC(HOST) | VR_SRC(NETWORK) | VR_SRC(NAME) |
                                  VR_SRC(DIR), NULL, &vrFormatsVolFile, true },
    [VR_STORAGE_POOL_ZFS] = { VR_SRC(NAME) | VR_SRC(DEVICE), NULL, NULL, true },
    [VR_STORAGE_POOL_VSTORAGE] = { VR_SRC(NAME), NULL, &vrFormatsVolFile, true },
};

#undef VR_SRC

const vrStoragePoolTypeInfo *
vrStoragePoolTypeInfoGet(vrStoragePoolType type)
{
    g_assert(type >= 0 && type < VR_STORAGE_POOL_LAST);
    return &vrStoragePoolTypes[type];
}

int
vrStorageFormatTableLookup(const vrStorageFormatTable *table, const char *str)
{
    int val = vrEnumFromString(table->names, table->last, str);

    if (val == 0 && table->refuse_first)
        return -1;
    return val;
}

const char *
vrStorageFormatTableName(const vrStorageFormatTable *table, int value)
{
    return vrEnumToString(table->names, table->last, value);
}

const char *
vrStoragePoolTypeToString(int type)
{
    return vrStoragePoolTypeNameToString(type);
}

int
vrStoragePoolTypeFromString(const char *str)
{
    return vrStoragePoolTypeNameFromString(str);
}

const char *
vrStorageVolTypeToString(int type)
{
    return vrStorageVolTypeNameToString(type);
}

const char *
vrStorageFileFormatToString(int format)
{
    return vrStorageFileFormatNameToString(format);
}

/* libvirt's testStorageVolumeTypeForPool. */
int
vrStoragePoolVolumeType(vrStoragePoolType type)
{
    switch (type) {
    case VR_STORAGE_POOL_DIR:
    case VR_STORAGE_POOL_FS:
    case VR_STORAGE_POOL_NETFS:
    case VR_STORAGE_POOL_VSTORAGE:
        return VIR_STORAGE_VOL_FILE;
    case VR_STORAGE_POOL_SHEEPDOG:
    case VR_STORAGE_POOL_ISCSI_DIRECT:
    case VR_STORAGE_POOL_GLUSTER:
    case VR_STORAGE_POOL_RBD:
        return VIR_STORAGE_VOL_NETWORK;
    case VR_STORAGE_POOL_LOGICAL:
    case VR_STORAGE_POOL_DISK:
    case VR_STORAGE_POOL_MPATH:
    case VR_STORAGE_POOL_ISCSI:
    case VR_STORAGE_POOL_SCSI:
    case VR_STORAGE_POOL_ZFS:
    case VR_STORAGE_POOL_LAST:
        break;
    }
    return VIR_STORAGE_VOL_BLOCK;
}
