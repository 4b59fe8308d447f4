/* Internal error reporting: report once, where the failure happens, into
 * the calling thread's virError (libvirt's codes, domains and levels). */
#ifndef VR_ERROR_H
#define VR_ERROR_H

#include <stdarg.h>
#include <glib.h>
#include "vireo/vireo.h"

/* Each .c file that reports defines VR_FROM_THIS (a virErrorDomain) before
 * using vrReportError. */
#define vrReportError(code, ...) \
    vrErrorReport(VR_FROM_THIS, (code), __FILE__, __func__, __LINE__, __VA_ARGS__)

/* Report with no detail: the message is only libvirt's text for the code. */
#define vrReportErrorBare(code) \
    vrErrorReport(VR_FROM_THIS, (code), __FILE__, __func__, __LINE__, NULL)

/* Set the thread's last error.  The message is built as libvirt builds it:
 * the code's text ("Domain not found", "invalid argument", ...) followed by
 * ": " and the formatted detail, e.g.
 *   "Requested operation is not valid: domain is not running".
 * fmt may be NULL for the bare text.  Calls the error handlers set with
 * virSetErrorFunc / virConnSetErrorFunc. */
void vrErrorReport(int domain, int code, const char *file, const char *func,
                   size_t line, const char *fmt, ...) G_GNUC_PRINTF(6, 7);

/* The full message vrErrorReport would build, newly allocated. */
char *vrErrorFormatMessage(int code, const char *detail);

/* libvirt's text for an error code, with (has_info) or without detail;
 * the with-detail form contains one "%s".  Never NULL. */
const char *vrErrorCodeText(int code, bool has_info);

/* Unknown flag bits: VIR_ERR_INVALID_ARG "unsupported flags (0x%x) in
 * function %s", as libvirt's virCheckFlags reports. Returns -1 when flags has
 * bits outside supported (after reporting), else 0. */
int vrCheckFlagsImpl(int domain, unsigned int flags, unsigned int supported,
                     const char *func);
#define vrCheckFlags(flags, supported) \
    vrCheckFlagsImpl(VR_FROM_THIS, (flags), (supported), __func__)

/* Out-of-memory is fatal (GLib aborts); this only exists for symmetry in
 * callers that allocate through other libraries. */
void vrReportOOM(void);

/* Save and restore the thread's error around cleanup code that may report. */
virErrorPtr vrErrorSave(void);
void vrErrorRestore(virErrorPtr *saved);

/* The connection keeps a copy of the last error raised through it. */
void vrErrorCopyToConn(virConnectPtr conn);

/* Reset at the start of every public entry point. */
void vrErrorReset(void);

/* The current thread's error, or NULL when none is set. */
const virError *vrErrorLast(void);

#endif /* VR_ERROR_H */
