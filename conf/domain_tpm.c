/* <tpm model>: one <backend> -- passthrough (a host device, /dev/tpm0 by
 * default), emulator (swtpm: version, persistent state, encryption secret,
 * active PCR banks) or external (a unix socket the client connects to). */
#include "conf/domain_device.h"
#include "conf/domain_tpm.h"
#include "conf/xml_util.h"
#include "util/error.h"
#include "util/uuid.h"

#define VR_FROM_THIS VIR_FROM_DOMAIN

#define VR_TPM_DEFAULT_DEVICE "/dev/tpm0"

VR_ENUM_IMPL(vrTPMModel, VR_TPM_MODEL_LAST,
             "default", "tpm-tis", "tpm-crb", "tpm-spapr", "spapr-tpm-proxy")
VR_ENUM_IMPL(vrTPMBackend, VR_TPM_BACKEND_LAST,
             "passthrough", "emulator", "external")
VR_ENUM_IMPL(vrTPMVersion, VR_TPM_VERSION_LAST, "default", "1.2", "2.0")
VR_ENUM_IMPL(vrTPMPcrBank, VR_TPM_PCR_BANK_LAST,
             "sha1", "sha256", "sha384", "sha512")

void
vrDomainTPMDefFree(vrDomainTPMDef *tpm)
{
    if (!tpm)
        return;
    g_free(tpm->path);
    vrDeviceInfoClear(&tpm->info);
    g_free(tpm);
}

vrDomainTPMDef *
vrDomainTPMDefCopy(const vrDomainTPMDef *tpm)
{
    vrDomainTPMDef *copy = g_new0(vrDomainTPMDef, 1);

    *copy = *tpm;
    copy->path = g_strdup(tpm->path);
    vrDeviceInfoCopy(&copy->info, &tpm->info);
    return copy;
}

/* Every element under every <active_pcr_banks> names a bank. */
static int
vrTPMParsePcrBanks(xmlNode *backend, vrDomainTPMDef *tpm)
{
    xmlNode *banks, *cur;
    int bank;

    for (banks = backend->children; banks; banks = banks->next) {
        if (!vrXMLIsElement(banks, "active_pcr_banks"))
            continue;
        for (cur = banks->children; cur; cur = cur->next) {
            if (cur->type != XML_ELEMENT_NODE)
                continue;
            if ((bank = vrTPMPcrBankFromString((const char *)cur->name)) < 0) {
                vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                              "Unsupported PCR banks '%s'", (const char *)cur->name);
                return -1;
            }
            tpm->pcr_banks |= 1U << bank;
        }
    }
    return 0;
}

static int
vrTPMParseEmulator(xmlNode *backend, vrDomainTPMDef *tpm)
{
    g_autofree char *secret = vrXMLChildrenProp(backend, "encryption", "secret");
    g_autofree char *persistent = NULL;
    int version = VR_TPM_VERSION_DEFAULT;

    if (vrXMLPropEnum(backend, "version", vrTPMVersionFromString,
                      VR_XML_PROP_NONZERO, &version) < 0)
        return -1;
    tpm->version = version;
    if (secret && *secret) {
        if (vrUUIDParse(secret, tpm->secret) < 0) {
            vrReportError(VIR_ERR_INTERNAL_ERROR,
                          "Unable to parse secret uuid '%s'", secret);
            return -1;
        }
        tpm->has_secret = true;
    }
    if ((persistent = vrXMLProp(backend, "persistent_state"))) {
        if (g_strcmp0(persistent, "yes") != 0 && g_strcmp0(persistent, "no") != 0) {
            vrReportError(VIR_ERR_INTERNAL_ERROR,
                          "Invalid persistent_state value, either 'yes' or 'no'");
            return -1;
        }
        tpm->persistent_state = g_str_equal(persistent, "yes");
    }
    return vrTPMParsePcrBanks(backend, tpm);
}

static int
vrTPMParseExternal(xmlNode *backend, vrDomainTPMDef *tpm,
                   unsigned int parse_flags)
{
    g_autofree char *type = vrXMLChildrenProp(backend, "source", "type");
    vrDomainChrSource src = { 0 };
    int val;

    if (!type || !*type) {
        vrReportError(VIR_ERR_XML_ERROR, "missing external TPM backend type");
        return -1;
    }
    if ((val = vrChrTypeFromString(type)) < 0) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "unknown backend type '%s' for external TPM", type);
        return -1;
    }
    if (vrDomainChrSourceParse(backend, val, parse_flags, &src) < 0)
        goto error;
    if (val != VR_CHR_TYPE_UNIX) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "only source type 'unix' is supported for external TPM device");
        goto error;
    }
    if (src.listen) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "only 'client' mode is supported for external TPM device");
        goto error;
    }
    if (!src.path) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "missing socket path for external TPM device");
        goto error;
    }
    tpm->path = g_steal_pointer(&src.path);
    vrDomainChrSourceClear(&src);
    return 0;
 error:
    vrDomainChrSourceClear(&src);
    return -1;
}

static int
vrTPMParseBackend(xmlNode *backend, vrDomainTPMDef *tpm,
                  unsigned int parse_flags)
{
    int type = 0;

    if (vrXMLPropEnum(backend, "type", vrTPMBackendFromString,
                      VR_XML_PROP_REQUIRED, &type) < 0)
        return -1;
    tpm->type = type;
    switch (tpm->type) {
    case VR_TPM_BACKEND_PASSTHROUGH:
        tpm->path = vrXMLChildrenProp(backend, "device", "path");
        if (!tpm->path || !*tpm->path) {
            g_free(tpm->path);
            tpm->path = g_strdup(VR_TPM_DEFAULT_DEVICE);
        }
        return 0;
    case VR_TPM_BACKEND_EMULATOR:
        return vrTPMParseEmulator(backend, tpm);
    case VR_TPM_BACKEND_EXTERNAL:
        return vrTPMParseExternal(backend, tpm, parse_flags);
    default:
        return 0;
    }
}

vrDomainTPMDef *
vrDomainTPMDefParse(xmlNode *node, unsigned int parse_flags)
{
    g_autoptr(vrDomainTPMDef) tpm = g_new0(vrDomainTPMDef, 1);
    xmlNode *cur, *backend = NULL;
    int nbackends = 0;
    int model = VR_TPM_MODEL_DEFAULT;

    if (vrXMLPropEnum(node, "model", vrTPMModelFromString,
                      VR_XML_PROP_NONZERO, &model) < 0)
        return NULL;
    tpm->model = model;
    for (cur = node->children; cur; cur = cur->next) {
        if (vrXMLIsElement(cur, "backend")) {
            backend = backend ? backend : cur;
            nbackends++;
        }
    }
    if (nbackends > 1) {
        vrReportError(VIR_ERR_XML_ERROR, "only one TPM backend is supported");
        return NULL;
    }
    if (!backend) {
        vrReportError(VIR_ERR_XML_ERROR, "missing TPM device backend");
        return NULL;
    }
    if (vrTPMParseBackend(backend, tpm, parse_flags) < 0 ||
        vrDeviceInfoParse(node, parse_flags, &tpm->info) < 0)
        return NULL;
    tpm->info.boot_order = 0;
    return g_steal_pointer(&tpm);
}

int
vrDomainTPMDefValidate(const vrDomainTPMDef *tpm)
{
    if (tpm->type == VR_TPM_BACKEND_EMULATOR && tpm->pcr_banks &&
        tpm->version != VR_TPM_VERSION_2_0) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "<active_pcr_banks/> requires TPM version '2.0'");
        return -1;
    }
    return 0;
}

static void
vrTPMFormatEmulator(GString *buf, const vrDomainTPMDef *tpm)
{
    char uuid[VIR_UUID_STRING_BUFLEN];
    int bank;

    if (tpm->version != VR_TPM_VERSION_DEFAULT)
        vrBufAttr(buf, "version", vrTPMVersionToString(tpm->version));
    if (tpm->persistent_state)
        vrBufAttr(buf, "persistent_state", "yes");
    if (!tpm->has_secret && !tpm->pcr_banks) {
        g_string_append(buf, "/>\n");
        return;
    }
    g_string_append(buf, ">\n");
    if (tpm->has_secret)
        vrBufPrintf(buf, "        <encryption secret='%s'/>\n",
                    vrUUIDFormat(tpm->secret, uuid));
    if (tpm->pcr_banks) {
        g_string_append(buf, "        <active_pcr_banks>\n");
        for (bank = 0; bank < VR_TPM_PCR_BANK_LAST; bank++) {
            if (tpm->pcr_banks & (1U << bank))
                vrBufPrintf(buf, "          <%s/>\n", vrTPMPcrBankToString(bank));
        }
        g_string_append(buf, "        </active_pcr_banks>\n");
    }
    g_string_append(buf, "      </backend>\n");
}

void
vrDomainTPMDefFormat(GString *buf, const vrDomainTPMDef *tpm)
{
    g_string_append(buf, "    <tpm");
    if (tpm->model != VR_TPM_MODEL_DEFAULT)
        vrBufAttr(buf, "model", vrTPMModelToString(tpm->model));
    vrBufPrintf(buf, ">\n      <backend type='%s'",
                vrTPMBackendToString(tpm->type));
    switch (tpm->type) {
    case VR_TPM_BACKEND_PASSTHROUGH:
        g_string_append(buf, ">\n        <device path='");
        vrBufEscape(buf, tpm->path);
        g_string_append(buf, "'/>\n      </backend>\n");
        break;
    case VR_TPM_BACKEND_EMULATOR:
        vrTPMFormatEmulator(buf, tpm);
        break;
    case VR_TPM_BACKEND_EXTERNAL:
    default:
        g_string_append(buf, ">\n        <source type='unix' mode='connect' path='");
        vrBufEscape(buf, tpm->path);
        g_string_append(buf, "'/>\n      </backend>\n");
        break;
    }
    vrDeviceInfoFormat(buf, 3, &tpm->info);
    g_string_append(buf, "    </tpm>\n");
}
