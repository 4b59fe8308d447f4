/* What conf/storage_*.c share: the per-pool-type options (which source
 * parts a type needs, its pool and volume format tables), permission and
 * path helpers.  Private to conf/. */
#ifndef VR_STORAGE_PRIV_H
#define VR_STORAGE_PRIV_H

#include "conf/storage_conf.h"
#include "conf/enum_util.h"

/* Source parts a pool type uses (libvirt's VIR_STORAGE_POOL_SOURCE_*). */
typedef enum {
    VR_STORAGE_SOURCE_HOST = 1 << 0,
    VR_STORAGE_SOURCE_DEVICE = 1 << 1,
    VR_STORAGE_SOURCE_DIR = 1 << 2,
    VR_STORAGE_SOURCE_ADAPTER = 1 << 3,
    VR_STORAGE_SOURCE_NAME = 1 << 4,
    VR_STORAGE_SOURCE_INITIATOR_IQN = 1 << 5,
    VR_STORAGE_SOURCE_NETWORK = 1 << 6,
} vrStorageSourceFlags;

/* One enum table: names[0 .. last-1]; from_string may refuse index 0. */
typedef struct {
    const char *const *names;
    int last;
    int def;                        /* the default value */
    bool refuse_first;              /* "none" of file formats is not accepted */
} vrStorageFormatTable;

typedef struct {
    unsigned int flags;             /* vrStorageSourceFlags */
    const vrStorageFormatTable *pool_formats;   /* NULL: no <format> */
    const vrStorageFormatTable *vol_formats;    /* NULL: no <format> */
    bool supported;                 /* false: refused at parse */
} vrStoragePoolTypeInfo;

/* Never NULL for a valid type. */
const vrStoragePoolTypeInfo *vrStoragePoolTypeInfoGet(vrStoragePoolType type);

/* Index of str in table (-1 when unknown or refused). */
int vrStorageFormatTableLookup(const vrStorageFormatTable *table, const char *str);
const char *vrStorageFormatTableName(const vrStorageFormatTable *table, int value);

VR_ENUM_DECL(vrStoragePoolTypeName);
VR_ENUM_DECL(vrStorageFileFormatName);
VR_ENUM_DECL(vrStorageVolTypeName);
VR_ENUM_DECL(vrStorageFileFeatureName);
VR_ENUM_DECL(vrStorageAuthTypeName);
VR_ENUM_DECL(vrStorageTristateName);
VR_ENUM_DECL(vrStorageAdapterTypeName);
VR_ENUM_DECL(vrStorageEncryptionFormatName);
VR_ENUM_DECL(vrStorageEncryptionEngineName);
VR_ENUM_DECL(vrStorageEncryptionSecretTypeName);

/* XPath "string(./name)" as libvirt reads it: the first child element's
 * text, NULL when absent or empty. */
char *vrStorageChildString(const xmlNode *parent, const char *name);

/* virFileSanitizePath: runs of '/' collapse (a leading "//" stays), a
 * trailing '/' goes.  Newly allocated. */
char *vrStorageSanitizePath(const char *path);

/* <permissions> under node (may be NULL: all unset).  0 or -1 after
 * reporting "malformed octal mode" and the like. */
int vrStoragePermsParse(const xmlNode *perms_node, vrStoragePerms *perms);
/* The <permissions> element at level, when any field is set. */
void vrStoragePermsFormat(GString *buf, int level, const vrStoragePerms *perms);
void vrStoragePermsInit(vrStoragePerms *perms);
void vrStoragePermsCopy(vrStoragePerms *dst, const vrStoragePerms *src);
void vrStoragePermsClear(vrStoragePerms *perms);

/* <encryption format=''> of a volume's target. */
typedef enum {
    VR_STORAGE_ENCRYPTION_DEFAULT = 0,
    VR_STORAGE_ENCRYPTION_QCOW,
    VR_STORAGE_ENCRYPTION_LUKS,
    VR_STORAGE_ENCRYPTION_LUKS2,
    VR_STORAGE_ENCRYPTION_LAST
} vrStorageEncryptionFormatType;

/* <encryption engine=''>; default is never written. */
typedef enum {
    VR_STORAGE_ENCRYPTION_ENGINE_DEFAULT = 0,
    VR_STORAGE_ENCRYPTION_ENGINE_QEMU,
    VR_STORAGE_ENCRYPTION_ENGINE_LIBRBD,
    VR_STORAGE_ENCRYPTION_ENGINE_LAST
} vrStorageEncryptionEngine;

/* <secret type=''>: libvirt 9.0 knows one. */
typedef enum {
    VR_STORAGE_ENCRYPTION_SECRET_PASSPHRASE = 0,
    VR_STORAGE_ENCRYPTION_SECRET_LAST
} vrStorageEncryptionSecretType;

typedef struct {
    vrStorageEncryptionSecretType type;
    vrStorageSecretLookup lookup;
} vrStorageEncryptionSecret;

/* libvirt's virStorageEncryption: the cipher and ivgen are kept for luks
 * only. */
struct vrStorageEncryption {
    vrStorageEncryptionFormatType format;
    vrStorageEncryptionEngine engine;
    size_t nsecrets;
    vrStorageEncryptionSecret *secrets;
    char *cipher_name;              /* NULL: no <cipher> */
    unsigned int cipher_size;
    char *cipher_mode, *cipher_hash;
    char *ivgen_name;               /* NULL: no <ivgen> */
    char *ivgen_hash;
};

/* storage_encryption.c */
/* uuid='' or usage='' of a <secret>: exactly one, reported as libvirt's
 * virSecretLookupParseSecret (no error domain).  0, or -1 after
 * reporting; lookup is written only on success. */
int vrStorageSecretLookupParse(const xmlNode *secret, vrStorageSecretLookup *lookup);
/* " uuid='...'" or " usage='...'" */
void vrStorageSecretLookupFormat(GString *buf, const vrStorageSecretLookup *lookup);
void vrStorageSecretLookupClear(vrStorageSecretLookup *lookup);
/* An <encryption> element, as libvirt's virStorageEncryptionParseNode.
 * NULL after reporting. */
vrStorageEncryption *vrStorageEncryptionParse(const xmlNode *node);
/* The element at level (never NULL enc). */
void vrStorageEncryptionFormat(GString *buf, int level, const vrStorageEncryption *enc);
vrStorageEncryption *vrStorageEncryptionCopy(const vrStorageEncryption *enc);
void vrStorageEncryptionFree(vrStorageEncryption *enc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrStorageEncryption, vrStorageEncryptionFree)

/* Validate doc against libvirt's NAME.rng ("storagepool", "storagevol").
 * 0, or -1 after VIR_ERR_XML_INVALID_SCHEMA with libxml2's complaints
 * (VIR_ERR_OPERATION_UNSUPPORTED when the schema is not installed). */
int vrStorageSchemaValidate(xmlDoc *doc, const char *name);

/* vrXMLParseString with syntax errors reported under VIR_FROM_STORAGE. */
xmlDoc *vrStorageXMLParse(const char *xml, const char *url, const char *root_name);

#endif /* VR_STORAGE_PRIV_H */
