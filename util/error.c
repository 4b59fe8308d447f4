/* The thread's last error (libvirt's virError model): internal reporting
 * (vrErrorReport and friends), the per-connection copy, and the public
 * error API (virGetLastError, virSetErrorFunc, ...). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "util/error.h"
#include "drivers/datatypes.h"

#define VR_ERROR_GENERIC_MESSAGE "An error occurred, but the cause is unknown"
#define VR_ERROR_NO_ERROR_MESSAGE "no error"
#define VR_ERROR_UNKNOWN_MESSAGE "unknown error"
#define VR_ERROR_FLAGS_ARGNAME "flags"

static void vrLastErrorFree(gpointer data);

/* One virError per thread, allocated on first use and freed (strings
 * included) when the thread exits. */
static GPrivate vr_last_error = G_PRIVATE_INIT(vrLastErrorFree);

/* The handler set with virSetErrorFunc; guarded by vr_handler_lock. */
static GMutex vr_handler_lock;
static virErrorFunc vr_handler;
static void *vr_handler_data;

static void
vrLastErrorFree(gpointer data)
{
    virErrorPtr err = data;

    virResetError(err);
    g_free(err);
}

static virErrorPtr
vrLastErrorObject(void)
{
    virErrorPtr err = g_private_get(&vr_last_error);

    if (!err) {
        err = g_new0(virError, 1);
        g_private_set(&vr_last_error, err);
    }
    return err;
}

/* Deep copy of the fields libvirt copies: never conn, dom or net. */
static void
vrErrorCopy(const virError *from, virErrorPtr to)
{
    virResetError(to);
    to->code = from->code;
    to->domain = from->domain;
    to->level = from->level;
    to->message = g_strdup(from->message);
    to->str1 = g_strdup(from->str1);
    to->str2 = g_strdup(from->str2);
    to->str3 = g_strdup(from->str3);
    to->int1 = from->int1;
    to->int2 = from->int2;
}

/* Handlers see an error once, when the public call fails (from
 * vrErrorCopyToConn), as libvirt's virDispatchError does.  libvirt
 * prints errors to stderr (virDefaultErrorFunc) when no handler is set; we
 * deliberately do not: library code never prints.  Callers that want
 * libvirt's output call virDefaultErrorFunc themselves. */
static void
vrErrorCallGlobalHandler(virErrorPtr err)
{
    virErrorFunc handler;
    void *data;

    g_mutex_lock(&vr_handler_lock);
    handler = vr_handler;
    data = vr_handler_data;
    g_mutex_unlock(&vr_handler_lock);

    if (handler)
        handler(data, err);
}

/* Store a new thread error; takes ownership of message, str1 and str2. */
static void
vrErrorRaise(int domain, int code, char *message, char *str1, char *str2,
             int int1, int int2)
{
    virErrorPtr err = vrLastErrorObject();

    virResetError(err);
    err->domain = domain;
    err->code = code;
    err->level = VIR_ERR_ERROR;
    err->message = message;
    err->str1 = str1;
    err->str2 = str2;
    err->int1 = int1;
    err->int2 = int2;
}

/* template holds exactly one "%s"; substitute it without treating the
 * template as a printf format (details may contain '%'). */
static char *
vrErrorSubstitute(const char *template, const char *detail)
{
    const char *hole = strstr(template, "%s");
    GString *out;

    if (!hole)
        return g_strdup(template);
    out = g_string_new_len(template, hole - template);
    g_string_append(out, detail);
    g_string_append(out, hole + 2);
    return g_string_free(out, FALSE);
}

/* Formatted detail, cut as libvirt cuts it when cut is set, or NULL
 * when empty. */
static char *
vrErrorFormatDetail(bool cut, const char *fmt, va_list ap)
{
    char *detail;

    if (!fmt)
        return NULL;
    detail = g_strdup_vprintf(fmt, ap);
    if (cut && strlen(detail) > VR_ERROR_MAX_LENGTH - 2)
        detail[VR_ERROR_MAX_LENGTH - 2] = '\0';
    if (detail[0] == '\0')
        g_clear_pointer(&detail, g_free);
    return detail;
}

char *
vrErrorFormatMessage(int code, const char *detail)
{
    if (!detail || !detail[0])
        return g_strdup(vrErrorCodeText(code, false));
    return vrErrorSubstitute(vrErrorCodeText(code, true), detail);
}

static void
vrErrorReportVa(int domain, int code, bool cut, const char *fmt, va_list ap)
{
    int saved_errno = errno;
    char *detail = NULL;

    if (code == VIR_ERR_OK) {
        virResetError(vrLastErrorObject());
        errno = saved_errno;
        return;
    }
    detail = vrErrorFormatDetail(cut, fmt, ap);
    vrErrorRaise(domain, code, vrErrorFormatMessage(code, detail),
                 g_strdup(vrErrorCodeText(code, detail != NULL)), detail,
                 -1, -1);
    errno = saved_errno;
}

void
vrErrorReport(int domain, int code, const char *file, const char *func,
              size_t line, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vrErrorReportVa(domain, code, true, fmt, ap);
    va_end(ap);
}

void
vrErrorReportUncut(int domain, int code, const char *file, const char *func,
                   size_t line, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vrErrorReportVa(domain, code, false, fmt, ap);
    va_end(ap);
}

void
vrErrorReportRaw(int domain, int code, const char *file, const char *func,
                 size_t line, const char *fmt, ...)
{
    int saved_errno = errno;
    char *message;
    va_list ap;

    va_start(ap, fmt);
    message = g_strdup_vprintf(fmt, ap);
    va_end(ap);

    /* As libvirt's argument checks: str1 names the function, ints are 0. */
    vrErrorRaise(domain, code, message, g_strdup(func), NULL, 0, 0);
    errno = saved_errno;
}

void
vrErrorReportSystem(int domain, int errnum, const char *file,
                    const char *func, size_t line, const char *fmt, ...)
{
    int saved_errno = errno;
    const char *errstr = g_strerror(errnum);
    g_autofree char *detail = NULL;
    char *full;
    va_list ap;

    if (fmt) {
        va_start(ap, fmt);
        detail = g_strdup_vprintf(fmt, ap);
        va_end(ap);
    }
    /* libvirt drops the detail when detail + ": " + strerror overflows
     * its buffer, keeping only the strerror text. */
    if (detail && strlen(detail) + 2 + strlen(errstr) < VR_ERROR_MAX_LENGTH)
        full = g_strdup_printf("%s: %s", detail, errstr);
    else
        full = g_strdup(errstr);

    if (fmt) {
        vrErrorRaise(domain, VIR_ERR_SYSTEM_ERROR, g_strdup(full),
                     g_strdup("%s"), full, errnum, -1);
    } else {
        vrErrorRaise(domain, VIR_ERR_SYSTEM_ERROR,
                     g_strdup(vrErrorCodeText(VIR_ERR_SYSTEM_ERROR, false)),
                     g_strdup(vrErrorCodeText(VIR_ERR_SYSTEM_ERROR, false)),
                     full, errnum, -1);
    }
    errno = saved_errno;
}

int
vrCheckFlagsImpl(int domain, unsigned int flags, unsigned int supported,
                 const char *func)
{
    unsigned long unsupported = flags & ~supported;

    if (!unsupported)
        return 0;
    /* libvirt's virCheckFlags prints only the unsupported bits; the message
     * carries no code prefix (virReportInvalidArg). */
    vrErrorRaise(domain, VIR_ERR_INVALID_ARG,
                 g_strdup_printf("unsupported flags (0x%lx) in function %s",
                                 unsupported, func),
                 g_strdup(func), g_strdup(VR_ERROR_FLAGS_ARGNAME), 0, 0);
    return -1;
}

void
vrReportOOM(void)
{
    vrErrorRaise(VIR_FROM_NONE, VIR_ERR_NO_MEMORY,
                 g_strdup(vrErrorCodeText(VIR_ERR_NO_MEMORY, false)),
                 g_strdup(vrErrorCodeText(VIR_ERR_NO_MEMORY, false)), NULL,
                 -1, -1);
}

virErrorPtr
vrErrorSave(void)
{
    int saved_errno = errno;
    virErrorPtr last = virGetLastError();
    virErrorPtr copy = NULL;

    if (last) {
        copy = g_new0(virError, 1);
        vrErrorCopy(last, copy);
    }
    errno = saved_errno;
    return copy;
}

void
vrErrorRestore(virErrorPtr *saved)
{
    int saved_errno = errno;

    if (!saved || !*saved)
        return;
    vrErrorCopy(*saved, vrLastErrorObject());
    g_clear_pointer(saved, virFreeError);
    errno = saved_errno;
}

void
vrErrorCopyToConn(virConnectPtr conn)
{
    virErrorPtr err = vrLastErrorObject();
    virErrorFunc handler;
    void *data;

    /* A public API failing without a reported error still tells the caller
     * something, as libvirt's virDispatchError does. */
    if (err->code == VIR_ERR_OK) {
        err->code = VIR_ERR_INTERNAL_ERROR;
        err->domain = VIR_FROM_NONE;
        err->level = VIR_ERR_ERROR;
        err->message = g_strdup(VR_ERROR_GENERIC_MESSAGE);
    }
    if (!conn) {
        vrErrorCallGlobalHandler(err);
        return;
    }

    g_mutex_lock(&conn->lock);
    vrErrorCopy(err, &conn->err);
    handler = conn->handler;
    data = conn->userData;
    g_mutex_unlock(&conn->lock);

    /* The connection's handler takes precedence over the global one. */
    if (handler)
        handler(data, err);
    else
        vrErrorCallGlobalHandler(err);
}

void
vrErrorReset(void)
{
    virResetError(vrLastErrorObject());
}

const virError *
vrErrorLast(void)
{
    return virGetLastError();
}

/* ---- public API ---- */

virErrorPtr
virGetLastError(void)
{
    virErrorPtr err = vrLastErrorObject();

    return err->code == VIR_ERR_OK ? NULL : err;
}

const char *
virGetLastErrorMessage(void)
{
    virErrorPtr err = vrLastErrorObject();

    if (err->code == VIR_ERR_OK)
        return VR_ERROR_NO_ERROR_MESSAGE;
    if (!err->message)
        return VR_ERROR_UNKNOWN_MESSAGE;
    return err->message;
}

void
virResetLastError(void)
{
    virResetError(vrLastErrorObject());
}

void
virSetErrorFunc(void *userData, virErrorFunc handler)
{
    g_mutex_lock(&vr_handler_lock);
    vr_handler = handler;
    vr_handler_data = userData;
    g_mutex_unlock(&vr_handler_lock);
}

virErrorPtr
virConnGetLastError(virConnectPtr conn)
{
    if (!conn || conn->err.code == VIR_ERR_OK)
        return NULL;
    return &conn->err;
}

void
virConnResetLastError(virConnectPtr conn)
{
    if (!conn)
        return;
    g_mutex_lock(&conn->lock);
    virResetError(&conn->err);
    g_mutex_unlock(&conn->lock);
}

void
virConnSetErrorFunc(virConnectPtr conn, void *userData, virErrorFunc handler)
{
    if (!conn)
        return;
    g_mutex_lock(&conn->lock);
    conn->handler = handler;
    conn->userData = userData;
    g_mutex_unlock(&conn->lock);
}

int
virCopyLastError(virErrorPtr to)
{
    if (!to)
        return -1;
    /* The caller's struct may hold garbage: do not free what it points to. */
    memset(to, 0, sizeof(*to));
    vrErrorCopy(vrLastErrorObject(), to);
    return to->code;
}

int
virConnCopyLastError(virConnectPtr conn, virErrorPtr to)
{
    if (!to)
        return -1;
    memset(to, 0, sizeof(*to));
    if (!conn)
        return -1;
    g_mutex_lock(&conn->lock);
    if (conn->err.code != VIR_ERR_OK)
        vrErrorCopy(&conn->err, to);
    g_mutex_unlock(&conn->lock);
    return to->code;
}

void
virFreeError(virErrorPtr err)
{
    virResetError(err);
    g_free(err);
}

void
virResetError(virErrorPtr err)
{
    if (!err)
        return;
    g_free(err->message);
    g_free(err->str1);
    g_free(err->str2);
    g_free(err->str3);
    memset(err, 0, sizeof(*err));
}

virErrorPtr
virSaveLastError(void)
{
    int saved_errno = errno;
    virErrorPtr to = g_new0(virError, 1);

    virCopyLastError(to);
    errno = saved_errno;
    return to;
}

/* Prints as libvirt does: "libvirt: <domain text> <level> <dom>: <msg>". */
void
virDefaultErrorFunc(virErrorPtr err)
{
    const char *lvl = "";
    const char *dom;
    const char *name = "";
    const char *msg;
    size_t len;

    if (!err || err->code == VIR_ERR_OK)
        return;
    if (err->level == VIR_ERR_WARNING)
        lvl = "warning";
    else if (err->level == VIR_ERR_ERROR)
        lvl = "error";
    dom = vrErrorDomainText(err->domain);
    if (!dom)
        dom = "Unknown";
    /* virNetwork is opaque here; libvirt never fills err->net anyway. */
    if (err->dom && err->code != VIR_ERR_INVALID_DOMAIN && err->dom->name)
        name = err->dom->name;
    msg = err->message ? err->message : "";
    len = strlen(msg);

    if (err->domain == VIR_FROM_XML && err->code == VIR_ERR_XML_DETAIL &&
        err->int1 != 0)
        fprintf(stderr, "libvirt: %s %s %s: line %d: %s",
                dom, lvl, name, err->int1, msg);
    else if (len == 0 || msg[len - 1] != '\n')
        fprintf(stderr, "libvirt: %s %s %s: %s\n", dom, lvl, name, msg);
    else
        fprintf(stderr, "libvirt: %s %s %s: %s", dom, lvl, name, msg);
}
