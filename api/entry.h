/* The checks every public entry point makes, in libvirt's order and with
 * libvirt's messages: reset the error, validate the handle, validate the
 * arguments, refuse writes on read-only connections, dispatch or report
 * VIR_ERR_NO_SUPPORT.  A failure is copied to the connection's last error. */
#ifndef VR_API_ENTRY_H
#define VR_API_ENTRY_H

#include "drivers/datatypes.h"
#include "util/error.h"

/* Live-handle registry: a handle that was freed (or never allocated) is
 * detected instead of read, so calls on a closed connection fail with
 * VIR_ERR_INVALID_CONN like libvirt's. */
void vrHandleRegister(const void *handle);
void vrHandleUnregister(const void *handle);
bool vrHandleIsLive(const void *handle);

virConnectPtr vrConnectNew(void);
/* Drop one reference; the last one closes the driver and frees.  Returns
 * the references left. */
int vrConnectUnref(virConnectPtr conn);

/* Reset the thread's error and check conn (VIR_ERR_INVALID_CONN,
 * "invalid connection pointer in FUNC").  False when invalid. */
bool vrEntryConnect(int from, virConnectPtr conn, const char *func);
/* Same for a domain (VIR_ERR_INVALID_DOMAIN, "invalid domain pointer in FUNC"). */
bool vrEntryDomain(int from, virDomainPtr dom, const char *func);
/* Refuse a mutating call on a read-only connection. */
bool vrEntryWritable(int from, virConnectPtr conn, const char *func);
/* "ARG in FUNC must not be NULL" */
void vrEntryNullArg(int from, const char *arg, const char *func);
/* "ARG in FUNC must be MUST" (e.g. "zero or greater", "greater than zero") */
void vrEntryBadArg(int from, const char *arg, const char *func, const char *must);
/* VIR_ERR_NO_SUPPORT naming FUNC. */
void vrEntryNoSupport(int from, const char *func);
/* Record the thread's error on conn (call on every failure path). */
void vrEntryFail(virConnectPtr conn);

/* The _F forms name the public function explicitly: old entry points
 * (virDomainCreate) share an implementation with the new ones
 * (virDomainCreateWithFlags) but libvirt's messages name the one called. */
#define VR_CHECK_CONN_F(conn, ret, func) \
    do { if (!vrEntryConnect(VR_FROM_THIS, (conn), (func))) return (ret); } while (0)
#define VR_CHECK_DOMAIN_F(dom, ret, func) \
    do { if (!vrEntryDomain(VR_FROM_THIS, (dom), (func))) return (ret); } while (0)
#define VR_CHECK_NONNULL_F(conn, arg, ret, func) \
    do { if (!(arg)) { vrEntryNullArg(VR_FROM_THIS, #arg, (func)); \
                       vrEntryFail(conn); return (ret); } } while (0)
#define VR_CHECK_WRITABLE_F(conn, ret, func) \
    do { if (!vrEntryWritable(VR_FROM_THIS, (conn), (func))) { \
             vrEntryFail(conn); return (ret); } } while (0)
/* Dispatch to a driver slot, or report VIR_ERR_NO_SUPPORT. */
#define VR_SLOT_F(conn, slot, ret, func) \
    do { if (!(conn)->driver->slot) { vrEntryNoSupport(VR_FROM_THIS, (func)); \
                                      vrEntryFail(conn); return (ret); } } while (0)

#define VR_CHECK_CONN(conn, ret) VR_CHECK_CONN_F(conn, ret, __func__)
#define VR_CHECK_DOMAIN(dom, ret) VR_CHECK_DOMAIN_F(dom, ret, __func__)
#define VR_CHECK_NONNULL(conn, arg, ret) VR_CHECK_NONNULL_F(conn, arg, ret, __func__)
#define VR_CHECK_WRITABLE(conn, ret) VR_CHECK_WRITABLE_F(conn, ret, __func__)
#define VR_SLOT(conn, slot, ret) VR_SLOT_F(conn, slot, ret, __func__)

#endif /* VR_API_ENTRY_H */
