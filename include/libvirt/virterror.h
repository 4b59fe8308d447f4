/* Compatibility shim for <libvirt/virterror.h>: error codes, domains and
 * the error functions live in vireo-common.h. */
#ifndef VIREO_LIBVIRT_VIRTERROR_SHIM_H
#define VIREO_LIBVIRT_VIRTERROR_SHIM_H
#include <vireo/vireo.h>
#endif
