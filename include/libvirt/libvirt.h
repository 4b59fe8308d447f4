/* Compatibility shim: programs written for libvirt include <libvirt/libvirt.h>
 * and build unchanged against vireo. */
#ifndef VIREO_LIBVIRT_SHIM_H
#define VIREO_LIBVIRT_SHIM_H
#include <vireo/vireo.h>
#endif
