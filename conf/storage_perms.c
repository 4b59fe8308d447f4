/* Pieces shared by pool and volume XML: <permissions> (mode, owner, group,
 * label) read and written as libvirt does, path sanitizing, and libvirt's
 * XPath string reading (empty counts as absent). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "conf/storage_priv.h"
#include "conf/xml_util.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_STORAGE

#define VR_STORAGE_MODE_MASK 0777       /* permission bits a mode may carry */
#define VR_STORAGE_ID_MAX 0xffffffffLL  /* uid_t / gid_t range */

char *
vrStorageChildString(const xmlNode *parent, const char *name)
{
    char *text = vrXMLChildText(parent, name);

    if (text && !*text)
        g_clear_pointer(&text, g_free);
    return text;
}

char *
vrStorageSanitizePath(const char *path)
{
    GString *out = g_string_sized_new(strlen(path) + 1);
    size_t keep = 0;
    const char *p = path;

    /* "//" names a POSIX implementation-defined root; "///" is "/". */
    if (p[0] == '/' && p[1] == '/' && p[2] != '/') {
        g_string_append(out, "//");
        keep = 2;
        p += 2;
    }
    for (; *p; p++) {
        if (*p == '/' && out->len > 0 && out->str[out->len - 1] == '/')
            continue;
        g_string_append_c(out, *p);
    }
    if (out->len > MAX(keep, 1) && out->str[out->len - 1] == '/')
        g_string_truncate(out, out->len - 1);
    return g_string_free(out, FALSE);
}

void
vrStoragePermsInit(vrStoragePerms *perms)
{
    perms->mode = VR_STORAGE_PERM_UNSET;
    perms->uid = VR_STORAGE_PERM_UNSET;
    perms->gid = VR_STORAGE_PERM_UNSET;
    perms->label = NULL;
}

void
vrStoragePermsCopy(vrStoragePerms *dst, const vrStoragePerms *src)
{
    *dst = *src;
    dst->label = g_strdup(src->label);
}

void
vrStoragePermsClear(vrStoragePerms *perms)
{
    g_clear_pointer(&perms->label, g_free);
}

/* <owner>/<group>: a base-10 integer, leading blanks allowed, -1 meaning
 * "not set" as libvirt once wrote it. */
static int
vrStoragePermsParseId(const xmlNode *node, const char *what, unsigned int *out)
{
    g_autofree char *text = vrXMLText(node);
    char *end = NULL;
    long long val;

    errno = 0;
    val = strtoll(text, &end, 10);
    if (errno || end == text || *end || val < -1 || val > VR_STORAGE_ID_MAX) {
        vrReportError(VIR_ERR_XML_ERROR, "malformed %s element", what);
        return -1;
    }
    *out = val == -1 ? VR_STORAGE_PERM_UNSET : (unsigned int)val;
    return 0;
}

int
vrStoragePermsParse(const xmlNode *perms_node, vrStoragePerms *perms)
{
    g_autofree char *mode = NULL;
    xmlNode *node;
    int val;

    vrStoragePermsInit(perms);
    if (!perms_node)
        return 0;
    if ((mode = vrStorageChildString(perms_node, "mode"))) {
        if (vrStrToInt(mode, 8, &val) < 0 || (val & ~VR_STORAGE_MODE_MASK)) {
            vrReportError(VIR_ERR_XML_ERROR, "malformed octal mode");
            return -1;
        }
        perms->mode = (unsigned int)val;
    }
    if ((node = vrXMLChild(perms_node, "owner")) &&
        vrStoragePermsParseId(node, "owner", &perms->uid) < 0)
        return -1;
    if ((node = vrXMLChild(perms_node, "group")) &&
        vrStoragePermsParseId(node, "group", &perms->gid) < 0)
        return -1;
    perms->label = vrStorageChildString(perms_node, "label");
    return 0;
}

void
vrStoragePermsFormat(GString *buf, int level, const vrStoragePerms *perms)
{
    if (perms->mode == VR_STORAGE_PERM_UNSET && perms->uid == VR_STORAGE_PERM_UNSET &&
        perms->gid == VR_STORAGE_PERM_UNSET && !perms->label)
        return;
    vrBufIndent(buf, level);
    g_string_append(buf, "<permissions>\n");
    if (perms->mode != VR_STORAGE_PERM_UNSET) {
        vrBufIndent(buf, level + 1);
        g_string_append_printf(buf, "<mode>0%o</mode>\n", perms->mode);
    }
    /* ids print as signed ints, as libvirt casts them */
    if (perms->uid != VR_STORAGE_PERM_UNSET) {
        vrBufIndent(buf, level + 1);
        vrBufPrintf(buf, "<owner>%d</owner>\n", (int)perms->uid);
    }
    if (perms->gid != VR_STORAGE_PERM_UNSET) {
        vrBufIndent(buf, level + 1);
        vrBufPrintf(buf, "<group>%d</group>\n", (int)perms->gid);
    }
    vrBufElementText(buf, level + 1, "label", perms->label);
    vrBufIndent(buf, level);
    g_string_append(buf, "</permissions>\n");
}
