/* The driver registry (api/registry.c). */
#ifndef VR_API_REGISTRY_H
#define VR_API_REGISTRY_H

#include "vireo/vireo.h"

/* VIREO_DEFAULT_URI, else LIBVIRT_DEFAULT_URI, else "sim:///default". */
const char *vrRegistryDefaultURI(void);

/* Open name (NULL or "": the default URI) with the first driver that
 * accepts it.  Reports VIR_ERR_NO_CONNECT when none does. */
virConnectPtr vrRegistryOpen(const char *name, virConnectAuthPtr auth,
                             unsigned int flags);

#endif /* VR_API_REGISTRY_H */
