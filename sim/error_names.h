/* Symbolic names of libvirt's virErrorNumber and virErrorDomain values, as
 * fault plans, scenario files and traces spell them. */
#ifndef VR_SIM_ERROR_NAMES_H
#define VR_SIM_ERROR_NAMES_H

#include <glib.h>

#include "vireo/vireo.h"

/* "VIR_ERR_NO_MEMORY" for VIR_ERR_NO_MEMORY; NULL when out of range. */
const char *vrSimErrorCodeName(int code);

/* The code named name ("VIR_ERR_..."), or -1. */
int vrSimErrorCodeFromName(const char *name);

/* "VIR_FROM_QEMU" for VIR_FROM_QEMU; NULL when out of range. */
const char *vrSimErrorDomainName(int domain);

/* The error domain named name ("VIR_FROM_..."), or -1. */
int vrSimErrorDomainFromName(const char *name);

#endif /* VR_SIM_ERROR_NAMES_H */
