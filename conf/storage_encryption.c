/* A volume's <encryption> (format, engine, <secret>s, and for luks the
 * <cipher> and <ivgen>) and the uuid/usage secret lookup that pool <auth>
 * shares: parse and format as libvirt 9.0. */
#include <string.h>

#include "conf/storage_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"
#include "util/uuid.h"

#define VR_FROM_THIS VIR_FROM_STORAGE

VR_ENUM_IMPL(vrStorageEncryptionFormatName, VR_STORAGE_ENCRYPTION_LAST,
             "default", "qcow", "luks", "luks2")

VR_ENUM_IMPL(vrStorageEncryptionEngineName, VR_STORAGE_ENCRYPTION_ENGINE_LAST,
             "default", "qemu", "librbd")

VR_ENUM_IMPL(vrStorageEncryptionSecretTypeName, VR_STORAGE_ENCRYPTION_SECRET_LAST,
             "passphrase")

/* libvirt reports these without an error domain. */
#define vrReportSecretError(...) \
    vrErrorReport(VIR_FROM_NONE, VIR_ERR_XML_ERROR, __FILE__, __func__, __LINE__, \
                  __VA_ARGS__)

/* --- secret lookup ---------------------------------------------------------- */

int
vrStorageSecretLookupParse(const xmlNode *secret, vrStorageSecretLookup *lookup)
{
    g_autofree char *uuid = vrXMLProp(secret, "uuid");
    g_autofree char *usage = vrXMLProp(secret, "usage");
    unsigned char raw[VIR_UUID_BUFLEN];

    if (uuid && usage) {
        vrReportSecretError("either secret uuid or usage expected");
        return -1;
    }
    if (!uuid && !usage) {
        vrReportSecretError("missing secret uuid or usage attribute");
        return -1;
    }
    if (uuid && vrUUIDParse(uuid, raw) < 0) {
        vrReportSecretError("invalid secret uuid '%s'", uuid);
        return -1;
    }
    memset(lookup, 0, sizeof(*lookup));
    if (uuid) {
        lookup->has_uuid = true;
        memcpy(lookup->uuid, raw, VIR_UUID_BUFLEN);
    } else {
        lookup->usage = g_steal_pointer(&usage);
    }
    return 0;
}

void
vrStorageSecretLookupFormat(GString *buf, const vrStorageSecretLookup *lookup)
{
    char uuid[VIR_UUID_STRING_BUFLEN];

    if (lookup->has_uuid)
        vrBufAttr(buf, "uuid", vrUUIDFormat(lookup->uuid, uuid));
    else
        vrBufAttr(buf, "usage", lookup->usage);
}

void
vrStorageSecretLookupClear(vrStorageSecretLookup *lookup)
{
    g_clear_pointer(&lookup->usage, g_free);
    lookup->has_uuid = false;
}

/* --- free / copy ------------------------------------------------------------ */

void
vrStorageEncryptionFree(vrStorageEncryption *enc)
{
    size_t i;

    if (!enc)
        return;
    for (i = 0; i < enc->nsecrets; i++)
        vrStorageSecretLookupClear(&enc->secrets[i].lookup);
    g_free(enc->secrets);
    g_free(enc->cipher_name);
    g_free(enc->cipher_mode);
    g_free(enc->cipher_hash);
    g_free(enc->ivgen_name);
    g_free(enc->ivgen_hash);
    g_free(enc);
}

vrStorageEncryption *
vrStorageEncryptionCopy(const vrStorageEncryption *enc)
{
    vrStorageEncryption *copy = g_memdup2(enc, sizeof(*enc));
    size_t i;

    copy->secrets = g_new0(vrStorageEncryptionSecret, enc->nsecrets);
    for (i = 0; i < enc->nsecrets; i++) {
        copy->secrets[i] = enc->secrets[i];
        copy->secrets[i].lookup.usage = g_strdup(enc->secrets[i].lookup.usage);
    }
    copy->cipher_name = g_strdup(enc->cipher_name);
    copy->cipher_mode = g_strdup(enc->cipher_mode);
    copy->cipher_hash = g_strdup(enc->cipher_hash);
    copy->ivgen_name = g_strdup(enc->ivgen_name);
    copy->ivgen_hash = g_strdup(enc->ivgen_hash);
    return copy;
}

/* --- parse ------------------------------------------------------------------ */

/* type='' (required, an empty one counts as missing) and the lookup. */
static int
vrStorageEncryptionSecretParse(const xmlNode *node, vrStorageEncryptionSecret *secret)
{
    g_autofree char *type = vrXMLProp(node, "type");
    int val;

    if (!type || !*type) {
        vrReportError(VIR_ERR_XML_ERROR, "unknown volume encryption secret type");
        return -1;
    }
    if ((val = vrStorageEncryptionSecretTypeNameFromString(type)) < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "unknown volume encryption secret type %s", type);
        return -1;
    }
    secret->type = val;
    return vrStorageSecretLookupParse(node, &secret->lookup);
}

static int
vrStorageEncryptionSecretsParse(const xmlNode *node, vrStorageEncryption *enc)
{
    const xmlNode *cur;
    size_t n = 0;

    for (cur = node->children; cur; cur = cur->next)
        n += vrXMLIsElement(cur, "secret");
    if (!n)
        return 0;
    enc->secrets = g_new0(vrStorageEncryptionSecret, n);
    for (cur = node->children; cur; cur = cur->next) {
        if (!vrXMLIsElement(cur, "secret"))
            continue;
        if (vrStorageEncryptionSecretParse(cur, &enc->secrets[enc->nsecrets]) < 0)
            return -1;
        enc->nsecrets++;
    }
    return 0;
}

/* The first <cipher name size [mode] [hash]> and <ivgen name [hash]>;
 * an ivgen needs a cipher. */
static int
vrStorageEncryptionLuksParse(const xmlNode *node, vrStorageEncryption *enc)
{
    xmlNode *cipher = vrXMLChild(node, "cipher");
    xmlNode *ivgen = vrXMLChild(node, "ivgen");

    if (cipher) {
        if (!(enc->cipher_name = vrXMLProp(cipher, "name"))) {
            vrReportError(VIR_ERR_XML_ERROR, "cipher info missing 'name' attribute");
            return -1;
        }
        if (vrXMLPropUInt(cipher, "size", 10, VR_XML_PROP_REQUIRED,
                          &enc->cipher_size) < 0)
            return -1;
        enc->cipher_mode = vrXMLProp(cipher, "mode");
        enc->cipher_hash = vrXMLProp(cipher, "hash");
    }
    if (!ivgen)
        return 0;
    if (!enc->cipher_name) {
        vrReportError(VIR_ERR_XML_ERROR, "ivgen element found, but cipher is missing");
        return -1;
    }
    if (!(enc->ivgen_name = vrXMLProp(ivgen, "name"))) {
        vrReportError(VIR_ERR_XML_ERROR, "missing ivgen info name string");
        return -1;
    }
    enc->ivgen_hash = vrXMLProp(ivgen, "hash");
    return 0;
}

vrStorageEncryption *
vrStorageEncryptionParse(const xmlNode *node)
{
    g_autoptr(vrStorageEncryption) enc = g_new0(vrStorageEncryption, 1);
    g_autofree char *format = vrXMLProp(node, "format");
    int val = 0;

    if (!format || !*format) {
        vrReportError(VIR_ERR_XML_ERROR, "unknown volume encryption format");
        return NULL;
    }
    if ((val = vrStorageEncryptionFormatNameFromString(format)) < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "unknown volume encryption format type %s", format);
        return NULL;
    }
    enc->format = val;
    val = 0;
    if (vrXMLPropEnum(node, "engine", vrStorageEncryptionEngineNameFromString,
                      VR_XML_PROP_NONZERO, &val) < 0)
        return NULL;
    enc->engine = val;
    if (vrStorageEncryptionSecretsParse(node, enc) < 0)
        return NULL;
    if (enc->format == VR_STORAGE_ENCRYPTION_LUKS &&
        vrStorageEncryptionLuksParse(node, enc) < 0)
        return NULL;
    return g_steal_pointer(&enc);
}

/* --- format ----------------------------------------------------------------- */

static void
vrStorageEncryptionLuksFormat(GString *buf, int level, const vrStorageEncryption *enc)
{
    vrBufIndent(buf, level);
    g_string_append(buf, "<cipher");
    vrBufAttr(buf, "name", enc->cipher_name);
    vrBufPrintf(buf, " size='%u'", enc->cipher_size);
    vrBufAttr(buf, "mode", enc->cipher_mode);
    vrBufAttr(buf, "hash", enc->cipher_hash);
    g_string_append(buf, "/>\n");
    if (!enc->ivgen_name)
        return;
    vrBufIndent(buf, level);
    g_string_append(buf, "<ivgen");
    vrBufAttr(buf, "name", enc->ivgen_name);
    vrBufAttr(buf, "hash", enc->ivgen_hash);
    g_string_append(buf, "/>\n");
}

/* An encryption without children still prints an open and a close tag. */
void
vrStorageEncryptionFormat(GString *buf, int level, const vrStorageEncryption *enc)
{
    size_t i;

    vrBufIndent(buf, level);
    vrBufPrintf(buf, "<encryption format='%s'",
                vrStorageEncryptionFormatNameToString(enc->format));
    if (enc->engine)
        vrBufAttr(buf, "engine", vrStorageEncryptionEngineNameToString(enc->engine));
    g_string_append(buf, ">\n");
    for (i = 0; i < enc->nsecrets; i++) {
        vrBufIndent(buf, level + 1);
        vrBufPrintf(buf, "<secret type='%s'",
                    vrStorageEncryptionSecretTypeNameToString(enc->secrets[i].type));
        vrStorageSecretLookupFormat(buf, &enc->secrets[i].lookup);
        g_string_append(buf, "/>\n");
    }
    if (enc->format == VR_STORAGE_ENCRYPTION_LUKS && enc->cipher_name)
        vrStorageEncryptionLuksFormat(buf, level + 1, enc);
    vrBufIndent(buf, level);
    g_string_append(buf, "</encryption>\n");
}
