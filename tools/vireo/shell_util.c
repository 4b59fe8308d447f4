/* Helpers every vireo shell command uses: output and error reporting the
 * way virsh does it, domain lookup by id/uuid/name, number parsing, file
 * reading, and the aligned table printer of "list". */
#include "shell.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

/* Bytes read per read(2) call when loading a file. */
#define VR_SH_READ_CHUNK 8192
/* "\xNN": the width of one escaped byte in a table cell. */
#define VR_SH_HEX_ESCAPE_LEN 4
/* log2(1024): one binary unit step of vrShPrettyCapacity. */
#define VR_SH_UNIT_SHIFT 10

/* The library error saved for the running command (virsh keeps it the
 * same way: the handler stores it, the command's end reports it). */
static GMutex vr_err_lock;
static bool vr_err_set;
static int vr_err_code;
static char *vr_err_msg;


void
vrShPrint(vrShCtl *ctl, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vfprintf(stdout, fmt, ap);
    va_end(ap);
}


void
vrShPrintExtra(vrShCtl *ctl, const char *fmt, ...)
{
    va_list ap;

    if (ctl && ctl->quiet)
        return;
    va_start(ap, fmt);
    vfprintf(stdout, fmt, ap);
    va_end(ap);
}


void
vrShError(vrShCtl *ctl, const char *fmt, ...)
{
    va_list ap;

    /* keep stdout and stderr in order when both go to one place */
    fflush(stdout);
    fputs("error: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fflush(stderr);
}


static void
vrShErrStore(bool set, int code, const char *msg)
{
    g_mutex_lock(&vr_err_lock);
    g_free(vr_err_msg);
    vr_err_msg = g_strdup(msg);
    vr_err_code = code;
    vr_err_set = set;
    g_mutex_unlock(&vr_err_lock);
}


/* Installed with virSetErrorFunc: keeps the error quiet until the
 * command ends. */
void
vrShErrorHandler(void *opaque, virErrorPtr err)
{
    if (!err)
        return;
    vrShErrStore(true, err->code, err->message);
    if (g_getenv("VIREO_SHELL_DEBUG"))
        virDefaultErrorFunc(err);
}


/* Saves the library's current error as the one to report. */
void
vrShSaveLibError(void)
{
    virErrorPtr err = virGetLastError();

    if (err && err->code != VIR_ERR_OK)
        vrShErrStore(true, err->code, err->message);
}


/* Records an error raised by the shell itself in the place of a library
 * helper (file reading, unit suffixes), reported like a library error. */
void
vrShSetLibError(const char *message)
{
    vrShErrStore(true, VIR_ERR_INTERNAL_ERROR, message);
}


/* Forgets both the saved error and the library's pending one, for
 * failures the command handles itself. */
void
vrShResetLibError(void)
{
    vrShErrStore(false, VIR_ERR_OK, NULL);
    virResetLastError();
}


int
vrShLastErrorCode(void)
{
    virErrorPtr err;
    int code;

    g_mutex_lock(&vr_err_lock);
    code = vr_err_set ? vr_err_code : VIR_ERR_OK;
    g_mutex_unlock(&vr_err_lock);
    if (code != VIR_ERR_OK)
        return code;
    err = virGetLastError();
    return err ? err->code : VIR_ERR_OK;
}


/* Prints the saved error (or the library's pending one) and forgets it. */
void
vrShReportError(vrShCtl *ctl)
{
    g_autofree char *msg = NULL;
    bool set;
    int code;

    g_mutex_lock(&vr_err_lock);
    set = vr_err_set;
    code = vr_err_code;
    msg = g_steal_pointer(&vr_err_msg);
    vr_err_set = false;
    g_mutex_unlock(&vr_err_lock);

    if (!set) {
        virErrorPtr err = virGetLastError();

        if (!err || err->code == VIR_ERR_OK)
            return;
        code = err->code;
        g_free(msg);
        msg = g_strdup(err->message);
    }
    if (code == VIR_ERR_OK || !msg)
        vrShError(ctl, "%s", "unknown error");
    else
        vrShError(ctl, "%s", msg);
    virResetLastError();
}


bool
vrShExclusive(vrShCtl *ctl, const vrShCmd *cmd, const char *a, const char *b)
{
    if (vrShOptBool(cmd, a) && vrShOptBool(cmd, b)) {
        vrShError(ctl, "Options --%s and --%s are mutually exclusive", a, b);
        return false;
    }
    return true;
}


bool
vrShRequires(vrShCtl *ctl, const vrShCmd *cmd, const char *opt,
             const char *needed)
{
    if (vrShOptBool(cmd, opt) && !vrShOptBool(cmd, needed)) {
        vrShError(ctl, "Option --%s is required by option --%s", needed, opt);
        return false;
    }
    return true;
}


/* ---- numbers ---- */

/* Whole-string base-10 signed integer within [min, max]. */
bool
vrShStrToLong(const char *s, long long min, long long max, long long *out)
{
    char *end;
    long long v;

    errno = 0;
    v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max)
        return false;
    *out = v;
    return true;
}


/* Base-10 unsigned prefix of s; *end points after the digits.  Unless
 * allow_negative, a '-' sign is rejected (strtoull would wrap it). */
bool
vrShStrToULL(const char *s, bool allow_negative, unsigned long long *out,
             char **end)
{
    unsigned long long v;

    errno = 0;
    v = strtoull(s, end, 10);
    if (errno || *end == s)
        return false;
    if (!allow_negative && memchr(s, '-', *end - s))
        return false;
    *out = v;
    return true;
}


/* ---- domains ---- */

void
vrShDomainFree(virDomainPtr dom)
{
    if (dom)
        virDomainFree(dom);
}


/* Tries id, then UUID, then name, as allowed by 'by'. */
virDomainPtr
vrShLookupDomain(vrShCtl *ctl, const char *name, unsigned int by)
{
    virDomainPtr dom = NULL;
    long long id;

    if ((by & VR_SH_BYID) && vrShStrToLong(name, 0, G_MAXINT, &id))
        dom = virDomainLookupByID(ctl->conn, (int)id);
    if (!dom && (by & VR_SH_BYUUID) &&
        strlen(name) == VIR_UUID_STRING_BUFLEN - 1)
        dom = virDomainLookupByUUIDString(ctl->conn, name);
    if (!dom && (by & VR_SH_BYNAME))
        dom = virDomainLookupByName(ctl->conn, name);

    vrShResetLibError();
    if (!dom)
        vrShError(ctl, "failed to get domain '%s'", name);
    return dom;
}


virDomainPtr
vrShOptDomain(vrShCtl *ctl, const vrShCmd *cmd, const char **name,
              unsigned int by)
{
    const char *n = NULL;

    if (vrShOptString(ctl, cmd, "domain", &n) < 0 || !n)
        return NULL;
    if (name)
        *name = n;
    return vrShLookupDomain(ctl, n, by);
}


static const char *const vrShStateNames[] = {
    "no state", "running", "idle", "paused", "in shutdown", "shut off",
    "crashed", "pmsuspended",
};
G_STATIC_ASSERT(G_N_ELEMENTS(vrShStateNames) == VIR_DOMAIN_LAST);

static const char *const vrShRunningReasons[] = {
    "unknown", "booted", "migrated", "restored", "from snapshot", "unpaused",
    "migration canceled", "save canceled", "event wakeup", "crashed",
    "post-copy", "post-copy failed",
};
G_STATIC_ASSERT(G_N_ELEMENTS(vrShRunningReasons) == VIR_DOMAIN_RUNNING_LAST);

static const char *const vrShPausedReasons[] = {
    "unknown", "user", "migrating", "saving", "dumping", "I/O error",
    "watchdog", "from snapshot", "shutting down", "creating snapshot",
    "crashed", "starting up", "post-copy", "post-copy failed",
};
G_STATIC_ASSERT(G_N_ELEMENTS(vrShPausedReasons) == VIR_DOMAIN_PAUSED_LAST);

static const char *const vrShShutdownReasons[] = { "unknown", "user" };
G_STATIC_ASSERT(G_N_ELEMENTS(vrShShutdownReasons) == VIR_DOMAIN_SHUTDOWN_LAST);

static const char *const vrShShutoffReasons[] = {
    "unknown", "shutdown", "destroyed", "crashed", "migrated", "saved",
    "failed", "from snapshot", "daemon",
};
G_STATIC_ASSERT(G_N_ELEMENTS(vrShShutoffReasons) == VIR_DOMAIN_SHUTOFF_LAST);

static const char *const vrShCrashedReasons[] = { "unknown", "panicked" };
G_STATIC_ASSERT(G_N_ELEMENTS(vrShCrashedReasons) == VIR_DOMAIN_CRASHED_LAST);


const char *
vrShDomainStateStr(int state)
{
    if (state < 0 || state >= VIR_DOMAIN_LAST)
        return "no state";
    return vrShStateNames[state];
}


static const char *
vrShPick(const char *const *names, int n, int i)
{
    return (i >= 0 && i < n) ? names[i] : "unknown";
}


const char *
vrShDomainReasonStr(int state, int reason)
{
    switch (state) {
    case VIR_DOMAIN_RUNNING:
        return vrShPick(vrShRunningReasons, VIR_DOMAIN_RUNNING_LAST, reason);
    case VIR_DOMAIN_PAUSED:
        return vrShPick(vrShPausedReasons, VIR_DOMAIN_PAUSED_LAST, reason);
    case VIR_DOMAIN_SHUTDOWN:
        return vrShPick(vrShShutdownReasons, VIR_DOMAIN_SHUTDOWN_LAST, reason);
    case VIR_DOMAIN_SHUTOFF:
        return vrShPick(vrShShutoffReasons, VIR_DOMAIN_SHUTOFF_LAST, reason);
    case VIR_DOMAIN_CRASHED:
        return vrShPick(vrShCrashedReasons, VIR_DOMAIN_CRASHED_LAST, reason);
    default:
        /* no state, blocked and pmsuspended only know "unknown" */
        return "unknown";
    }
}


/* The domain's state (and reason), falling back to virDomainGetInfo when
 * the driver lacks virDomainGetState.  -1 on error. */
int
vrShDomainState(vrShCtl *ctl, virDomainPtr dom, int *reason)
{
    virDomainInfo info;
    int state;

    if (reason)
        *reason = -1;
    if (virDomainGetState(dom, &state, reason, 0) == 0)
        return state;
    if (vrShLastErrorCode() != VIR_ERR_NO_SUPPORT)
        return -1;
    vrShResetLibError();
    if (virDomainGetInfo(dom, &info) < 0)
        return -1;
    return info.state;
}


/* ---- XML and sizes ---- */

/* libxml's formatted serialization of node (no trailing newline). */
char *
vrShXMLNodeString(xmlDocPtr doc, xmlNodePtr node)
{
    xmlBufferPtr buf = xmlBufferCreate();
    char *s = NULL;

    if (xmlNodeDump(buf, doc, node, 0, 1) > 0)
        s = g_strdup((const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    return s;
}


/* Prints the nodes of xml that xpath selects, one per line, or wrapped in
 * a <nodes> element. */
static bool
vrShDumpXPath(vrShCtl *ctl, const char *xml, const char *xpath, bool wrap)
{
    int oldblank = xmlKeepBlanksDefault(0);
    xmlDocPtr doc = xmlReadMemory(xml, strlen(xml), "dump.xml", NULL,
                                  XML_PARSE_NONET);
    xmlXPathContextPtr xctxt = NULL;
    xmlXPathObjectPtr obj = NULL;
    bool ret = false;

    xmlKeepBlanksDefault(oldblank);
    if (!doc)
        return false;
    xctxt = xmlXPathNewContext(doc);
    xctxt->node = xmlDocGetRootElement(doc);
    obj = xmlXPathEval((const xmlChar *)xpath, xctxt);
    if (obj && obj->type != XPATH_NODESET) {
        g_autofree char *msg = g_strdup_printf("internal error: Incorrect xpath '%s'",
                                               xpath);
        vrShSetLibError(msg);
        goto cleanup;
    }
    if (wrap) {
        xmlDocPtr out = xmlNewDoc((const xmlChar *)"1.0");
        xmlNodePtr root = xmlNewNode(NULL, (const xmlChar *)"nodes");
        g_autofree char *s = NULL;

        xmlDocSetRootElement(out, root);
        for (int i = 0; obj && obj->nodesetval && i < obj->nodesetval->nodeNr; i++)
            xmlAddChild(root, xmlDocCopyNode(obj->nodesetval->nodeTab[i], out, 1));
        s = vrShXMLNodeString(out, root);
        vrShPrint(ctl, "%s\n", s ? s : "");
        xmlFreeDoc(out);
    } else {
        for (int i = 0; obj && obj->nodesetval && i < obj->nodesetval->nodeNr; i++) {
            g_autofree char *s = vrShXMLNodeString(doc, obj->nodesetval->nodeTab[i]);

            if (s)
                vrShPrint(ctl, "%s\n", s);
        }
    }
    ret = true;

 cleanup:
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(xctxt);
    xmlFreeDoc(doc);
    return ret;
}


/* Prints xml as it is, or with an xpath expression the nodes it selects
 * (virsh's --xpath/--wrap of the dumpxml commands). */
bool
vrShDumpXML(vrShCtl *ctl, const char *xml, const char *xpath, bool wrap)
{
    if (!xpath) {
        vrShPrint(ctl, "%s", xml);
        return true;
    }
    return vrShDumpXPath(ctl, xml, xpath, wrap);
}


/* virsh's human-readable sizes: the value in the largest binary unit
 * (B, KiB ... EiB) in which it is at least 1. */
double
vrShPrettyCapacity(unsigned long long bytes, const char **unit)
{
    static const char *const units[] = {
        "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB",
    };
    double val = (double)bytes;
    size_t i = 0;

    /* bytes >= 1024^(i+1); the shift stays below 64 up to EiB */
    while (i + 1 < G_N_ELEMENTS(units) &&
           (bytes >> (VR_SH_UNIT_SHIFT * (i + 1))) != 0) {
        val /= (double)(1ULL << VR_SH_UNIT_SHIFT);
        i++;
    }
    *unit = units[i];
    return val;
}


/* Records a "not supported" error for an API this build lacks, worded
 * as libvirt words it for a driver without the function. */
void
vrShNoSupport(const char *api)
{
    g_autofree char *msg =
        g_strdup_printf("this function is not supported by the connection driver: %s",
                        api);

    vrShSetLibError(msg);
}


/* ---- files ---- */

/* Reads a whole file of at most VR_SH_MAX_XML_FILE bytes.  On failure
 * records the error the way libvirt's file helper words it. */
int
vrShReadFile(const char *path, char **content)
{
    g_autoptr(GString) buf = g_string_new(NULL);
    char chunk[VR_SH_READ_CHUNK];
    int fd;

    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
        g_autofree char *msg = g_strdup_printf("Failed to open file '%s': %s",
                                               path, g_strerror(errno));
        vrShSetLibError(msg);
        return -1;
    }
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof(chunk));

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 || buf->len + n > VR_SH_MAX_XML_FILE) {
            int err = n < 0 ? errno : EOVERFLOW;
            g_autofree char *msg = g_strdup_printf("Failed to read file '%s': %s",
                                                   path, g_strerror(err));
            vrShSetLibError(msg);
            close(fd);
            return -1;
        }
        if (n == 0)
            break;
        g_string_append_len(buf, chunk, n);
    }
    close(fd);
    *content = g_string_free(g_steal_pointer(&buf), FALSE);
    return 0;
}


/* Splits on ',' where ",," stands for a literal comma. */
char **
vrShSplitCommas(const char *str)
{
    GPtrArray *parts = g_ptr_array_new();
    GString *cur = g_string_new(NULL);

    for (const char *p = str; *p; p++) {
        if (*p == ',' && p[1] == ',') {
            g_string_append_c(cur, ',');
            p++;
        } else if (*p == ',') {
            g_ptr_array_add(parts, g_string_free(cur, FALSE));
            cur = g_string_new(NULL);
        } else {
            g_string_append_c(cur, *p);
        }
    }
    g_ptr_array_add(parts, g_string_free(cur, FALSE));
    g_ptr_array_add(parts, NULL);
    return (char **)g_ptr_array_free(parts, FALSE);
}


/* ---- tables ---- */

struct vrShTable {
    GPtrArray *rows; /* of GStrv; row 0 is the header */
    size_t ncols;
};


vrShTable *
vrShTableNew(const char *first, ...)
{
    vrShTable *t = g_new0(vrShTable, 1);
    GPtrArray *hdr = g_ptr_array_new();
    va_list ap;

    va_start(ap, first);
    for (const char *c = first; c; c = va_arg(ap, const char *))
        g_ptr_array_add(hdr, g_strdup(c));
    va_end(ap);
    t->ncols = hdr->len;
    g_ptr_array_add(hdr, NULL);
    t->rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    g_ptr_array_add(t->rows, g_ptr_array_free(hdr, FALSE));
    return t;
}


void
vrShTableAddRowv(vrShTable *table, const char *const *cells)
{
    char **row = g_new0(char *, table->ncols + 1);

    for (size_t i = 0; i < table->ncols; i++)
        row[i] = g_strdup(cells[i] ? cells[i] : "");
    g_ptr_array_add(table->rows, row);
}


void
vrShTableFree(vrShTable *table)
{
    if (!table)
        return;
    g_ptr_array_free(table->rows, TRUE);
    g_free(table);
}


static void
vrShHexByte(GString *out, unsigned char c)
{
    /* virsh formats the byte as a signed char into a 5-byte buffer, so
     * every byte above 0x7f comes out as "\xff". */
    if (c >= 0x80)
        g_string_append(out, "\\xff");
    else
        g_string_append_printf(out, "\\x%02x", c);
}


/* Escapes control and unprintable characters as \xNN and returns the
 * printed width of the result. */
static size_t
vrShCellEncode(const char *s, GString *out)
{
    mbstate_t st;
    size_t width = 0;
    const char *p = s;

    memset(&st, 0, sizeof(st));
    while (*p) {
        wchar_t wc;
        size_t len;

        if ((p[0] == '\\' && p[1] == 'x') || g_ascii_iscntrl(*p)) {
            vrShHexByte(out, *p++);
            width += VR_SH_HEX_ESCAPE_LEN;
            continue;
        }
        len = mbrtowc(&wc, p, MB_CUR_MAX, &st);
        if (len == 0)
            break;
        if (len == (size_t)-1 || len == (size_t)-2) {
            memset(&st, 0, sizeof(st));
            if (g_ascii_isprint(*p)) {
                g_string_append_c(out, *p);
                width++;
            } else {
                vrShHexByte(out, *p);
                width += VR_SH_HEX_ESCAPE_LEN;
            }
            p++;
        } else if (!iswprint(wc)) {
            for (size_t i = 0; i < len; i++, width += VR_SH_HEX_ESCAPE_LEN)
                vrShHexByte(out, p[i]);
            p += len;
        } else {
            int w = wcwidth(wc);

            g_string_append_len(out, p, len);
            width += w > 0 ? w : 0;
            p += len;
        }
    }
    return width;
}


static void
vrShTableRowOut(GString *out, char **cells, const size_t *widths,
                const size_t *maxw, size_t ncols)
{
    for (size_t i = 0; i < ncols; i++) {
        g_string_append_printf(out, " %s", cells[i]);
        if (i + 1 < ncols) {
            for (size_t j = widths[i]; j < maxw[i] + 2; j++)
                g_string_append_c(out, ' ');
        }
    }
    g_string_append_c(out, '\n');
}


/* Prints the table; the header and its rule are left out in quiet mode
 * (and then do not count for the column widths). */
void
vrShTablePrint(vrShCtl *ctl, vrShTable *table)
{
    bool header = !(ctl && ctl->quiet);
    size_t nrows = table->rows->len;
    size_t ncols = table->ncols;
    g_autofree size_t *maxw = g_new0(size_t, ncols);
    g_autofree size_t *widths = g_new0(size_t, nrows * ncols);
    g_autoptr(GString) out = g_string_new(NULL);

    for (size_t r = header ? 0 : 1; r < nrows; r++) {
        char **row = g_ptr_array_index(table->rows, r);

        for (size_t c = 0; c < ncols; c++) {
            g_autoptr(GString) enc = g_string_new(NULL);
            size_t w = vrShCellEncode(row[c], enc);

            g_free(row[c]);
            row[c] = g_string_free(g_steal_pointer(&enc), FALSE);
            widths[r * ncols + c] = w;
            if (w > maxw[c])
                maxw[c] = w;
        }
    }
    if (header) {
        vrShTableRowOut(out, g_ptr_array_index(table->rows, 0), widths,
                        maxw, ncols);
        for (size_t c = 0; c < ncols; c++) {
            for (size_t j = 0; j < maxw[c] + 3; j++)
                g_string_append_c(out, '-');
        }
        g_string_append_c(out, '\n');
    }
    for (size_t r = 1; r < nrows; r++)
        vrShTableRowOut(out, g_ptr_array_index(table->rows, r),
                        widths + r * ncols, maxw, ncols);
    vrShPrint(ctl, "%s", out->str);
}
