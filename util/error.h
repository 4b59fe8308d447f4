/* Internal error reporting: report once, where the failure happens, into
 * the calling thread's virError (libvirt's codes, domains and levels). */
#ifndef VR_ERROR_H
#define VR_ERROR_H

#include <stdarg.h>
#include <stdbool.h>
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
 * fmt may be NULL for the bare text (an empty detail counts as none).
 * Fields as libvirt fills them: level VIR_ERR_ERROR, str1 the code's text
 * (template), str2 the detail, int1 = int2 = -1.  Handlers do not run
 * here: the public call's failure path calls vrErrorCopyToConn. */
void vrErrorReport(int domain, int code, const char *file, const char *func,
                   size_t line, const char *fmt, ...) G_GNUC_PRINTF(6, 7);

/* Like vrErrorReport but the detail is never cut at VR_ERROR_MAX_LENGTH:
 * libvirt reports libxml2's parse errors (line and caret included) this
 * way, through virGenericReportError. */
void vrErrorReportUncut(int domain, int code, const char *file, const char *func,
                        size_t line, const char *fmt, ...) G_GNUC_PRINTF(6, 7);

/* Like vrErrorReport but the message is exactly the formatted text, with no
 * code prefix: libvirt's argument checks read "xml in virDomainDefineXML
 * must not be NULL" and "invalid domain pointer in virDomainSuspend". */
void vrErrorReportRaw(int domain, int code, const char *file, const char *func,
                      size_t line, const char *fmt, ...) G_GNUC_PRINTF(6, 7);
#define vrReportErrorRaw(code, ...) \
    vrErrorReportRaw(VR_FROM_THIS, (code), __FILE__, __func__, __LINE__, __VA_ARGS__)

/* A failed system call: VIR_ERR_SYSTEM_ERROR whose message is the formatted
 * detail + ": " + strerror(errnum), as libvirt's virReportSystemError
 * (e.g. "cannot open file '/x': No such file or directory").  int1 holds
 * errnum.  Preserves errno. */
void vrErrorReportSystem(int domain, int errnum, const char *file,
                         const char *func, size_t line,
                         const char *fmt, ...) G_GNUC_PRINTF(6, 7);
#define vrReportSystemError(errnum, ...) \
    vrErrorReportSystem(VR_FROM_THIS, (errnum), __FILE__, __func__, __LINE__, \
                        __VA_ARGS__)

/* libvirt caps a formatted detail at this many bytes including the NUL
 * (VIR_ERROR_MAX_LENGTH); longer details are cut to
 * VR_ERROR_MAX_LENGTH - 2 bytes as libvirt cuts them. */
#define VR_ERROR_MAX_LENGTH 1024

/* libvirt's name for an error domain ("Test Driver", "QEMU Driver", ...)
 * as virDefaultErrorFunc prints it; "" for VIR_FROM_NONE, NULL when out
 * of range. */
const char *vrErrorDomainText(int domain);

/* The full message vrErrorReport would build, newly allocated. */
char *vrErrorFormatMessage(int code, const char *detail);

/* libvirt's text for an error code, with (has_info) or without detail;
 * the with-detail form contains one "%s".  Never NULL. */
const char *vrErrorCodeText(int code, bool has_info);

/* Unknown flag bits: VIR_ERR_INVALID_ARG "unsupported flags (0x%lx) in
 * function %s" (no code prefix; only the unsupported bits are shown), as
 * libvirt's virCheckFlags reports. Returns -1 when flags has bits outside
 * supported (after reporting), else 0. */
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

/* At a public API's failure exit: the connection keeps a copy of the last
 * error raised through it (under conn->lock), and its virConnSetErrorFunc
 * handler, else the virSetErrorFunc one, is called (once per failed call).  When no error was reported, sets libvirt's
 * VIR_ERR_INTERNAL_ERROR "An error occurred, but the cause is unknown"
 * first.  conn may be NULL (only that fallback applies). */
void vrErrorCopyToConn(virConnectPtr conn);

/* Reset at the start of every public entry point. */
void vrErrorReset(void);

/* The current thread's error, or NULL when none is set. */
const virError *vrErrorLast(void);

#endif /* VR_ERROR_H */
