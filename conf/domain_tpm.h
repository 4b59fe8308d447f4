/* The <tpm> device of the domain model (domain_tpm.c): its definition,
 * enums and parse / format / validate / copy / free functions.  The *Free
 * accepts NULL; the *Copy is deep. */
#ifndef VR_DOMAIN_TPM_H
#define VR_DOMAIN_TPM_H

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "conf/device_info.h"
#include "conf/enum_util.h"
#include "vireo/vireo.h"

/* The model attribute is optional: DEFAULT is not printed. */
typedef enum {
    VR_TPM_MODEL_DEFAULT = 0, VR_TPM_MODEL_TIS, VR_TPM_MODEL_CRB,
    VR_TPM_MODEL_SPAPR, VR_TPM_MODEL_SPAPR_PROXY,
    VR_TPM_MODEL_LAST
} vrTPMModel;
VR_ENUM_DECL(vrTPMModel);

typedef enum {
    VR_TPM_BACKEND_PASSTHROUGH = 0, VR_TPM_BACKEND_EMULATOR,
    VR_TPM_BACKEND_EXTERNAL,
    VR_TPM_BACKEND_LAST
} vrTPMBackend;
VR_ENUM_DECL(vrTPMBackend);

typedef enum {
    VR_TPM_VERSION_DEFAULT = 0, VR_TPM_VERSION_1_2, VR_TPM_VERSION_2_0,
    VR_TPM_VERSION_LAST
} vrTPMVersion;
VR_ENUM_DECL(vrTPMVersion);

/* <active_pcr_banks> children, printed in this order. */
typedef enum {
    VR_TPM_PCR_BANK_SHA1 = 0, VR_TPM_PCR_BANK_SHA256,
    VR_TPM_PCR_BANK_SHA384, VR_TPM_PCR_BANK_SHA512,
    VR_TPM_PCR_BANK_LAST
} vrTPMPcrBank;
VR_ENUM_DECL(vrTPMPcrBank);

#define VR_TPM_MAX_DEVICES 2            /* one of them a spapr-tpm-proxy */

struct vrDomainTPMDef {
    vrTPMModel model;
    vrTPMBackend type;
    char *path;                         /* passthrough device or external socket */
    vrTPMVersion version;               /* emulator */
    bool persistent_state;              /* emulator */
    bool has_secret;                    /* emulator <encryption secret> */
    unsigned char secret[VIR_UUID_BUFLEN];
    unsigned int pcr_banks;             /* emulator: 1 << vrTPMPcrBank */
    vrDeviceInfo info;
};
typedef struct vrDomainTPMDef vrDomainTPMDef;

vrDomainTPMDef *vrDomainTPMDefParse(xmlNode *node, unsigned int parse_flags);
void vrDomainTPMDefFormat(GString *buf, const vrDomainTPMDef *tpm);
/* PCR banks only with version 2.0. */
int vrDomainTPMDefValidate(const vrDomainTPMDef *tpm);
vrDomainTPMDef *vrDomainTPMDefCopy(const vrDomainTPMDef *tpm);
void vrDomainTPMDefFree(vrDomainTPMDef *tpm);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vrDomainTPMDef, vrDomainTPMDefFree)

#endif /* VR_DOMAIN_TPM_H */
