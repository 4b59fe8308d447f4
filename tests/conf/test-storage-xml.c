/* Storage pool and volume XML golden files and the model's edges.
 *
 * Every tests/data/storage/NAME.xml is a case (captured from libvirt 9.0 by
 * capture-storage.py): pool-* are pool documents, vol-TYPE-* volume
 * documents created in a pool of TYPE (dir when TYPE is not a known one).
 * With NAME.err ("VIR_ERR_XXX: message") the case must fail exactly so;
 * otherwise it must format, after the test driver's defaults (pool sizes,
 * volume path and key), to NAME.out.xml, re-parse to a fixed point and copy
 * identically.  A data file no case uses fails the run.
 * VIREO_REGENERATE=1 rewrites the expected files from our output.
 * Usage: test-storage-xml DATA_DIR. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf/storage_conf.h"
#include "conf/domain_conf.h"
#include "util/error.h"
#include "golden.h"

/* The pools volume cases are created in (capture-storage.py's VOLUME_POOLS). */
static const struct {
    const char *type;
    const char *xml;
} vrTestVolumePools[] = {
    { "dir", "<pool type='dir'><name>default-pool</name>"
             "<uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566</uuid>"
             "<target><path>/default-pool</path></target></pool>" },
    { "logical", "<pool type='logical'><name>vg</name>"
                 "<source><device path='/dev/sda2'/></source></pool>" },
    { "disk", "<pool type='disk'><name>sdd</name><source><device path='/dev/sdd'/>"
              "</source><target><path>/dev</path></target></pool>" },
    { "netfs", "<pool type='netfs'><name>nfs</name><source><host name='nfs.example.com'/>"
               "<dir path='/exports'/></source><target><path>/mnt/nfs</path></target></pool>" },
    { "iscsi", "<pool type='iscsi'><name>iscsi</name><source><host name='iscsi.example.com'/>"
               "<device path='iqn.2013-06.com.example:pool'/></source>"
               "<target><path>/dev/disk/by-path</path></target></pool>" },
};

/* The pool a volume case lives in (parsed, with the driver's target). */
static vrStoragePoolDef *
vrTestVolumePool(const char *name)
{
    g_auto(GStrv) parts = g_strsplit(name, "-", 3);
    const char *xml = vrTestVolumePools[0].xml;
    size_t i;
    vrStoragePoolDef *pool;

    for (i = 1; i < G_N_ELEMENTS(vrTestVolumePools); i++) {
        if (parts[1] && parts[2] && strcmp(parts[1], vrTestVolumePools[i].type) == 0)
            xml = vrTestVolumePools[i].xml;
    }
    pool = vrStoragePoolDefParseString(xml, 0);
    assert_non_null(pool);
    return pool;
}

/* What the test driver fills in: 100 GiB pools, nothing allocated. */
static void
vrTestPoolDefaults(vrStoragePoolDef *def)
{
    def->capacity = VR_STORAGE_DEFAULT_POOL_CAPACITY;
    def->allocation = 0;
    def->available = def->capacity;
}

static void
vrTestValidPool(const vrGoldenCase *tc, const char *xml)
{
    g_autoptr(vrStoragePoolDef) def = vrStoragePoolDefParseString(xml, 0);
    g_autoptr(vrStoragePoolDef) again = NULL;
    g_autoptr(vrStoragePoolDef) copy = NULL;
    g_autofree char *out = NULL;
    g_autofree char *out2 = NULL;
    g_autofree char *copied = NULL;

    if (!def) {
        g_autofree char *err = vrGoldenLastError();

        fail_msg("%s: parse failed: %s", tc->name, err);
    }
    vrTestPoolDefaults(def);
    out = vrStoragePoolDefFormat(def);
    vrGoldenExpect(tc->name, ".out.xml", out);
    again = vrStoragePoolDefParseString(out, 0);
    assert_non_null(again);
    vrTestPoolDefaults(again);
    out2 = vrStoragePoolDefFormat(again);
    assert_string_equal(out2, out);
    copy = vrStoragePoolDefCopy(def);
    g_clear_pointer(&def, vrStoragePoolDefFree);
    copied = vrStoragePoolDefFormat(copy);
    assert_string_equal(copied, out);
}

static void
vrTestValidVolume(const vrGoldenCase *tc, const char *xml)
{
    g_autoptr(vrStoragePoolDef) pool = vrTestVolumePool(tc->name);
    g_autoptr(vrStorageVolDef) def = vrStorageVolDefParseString(pool, xml, 0);
    g_autoptr(vrStorageVolDef) again = NULL;
    g_autoptr(vrStorageVolDef) copy = NULL;
    g_autofree char *out = NULL;
    g_autofree char *out2 = NULL;
    g_autofree char *copied = NULL;

    if (!def) {
        g_autofree char *err = vrGoldenLastError();

        fail_msg("%s: parse failed: %s", tc->name, err);
    }
    vrStorageVolDefPlaceInPool(pool, def);
    out = vrStorageVolDefFormat(pool, def);
    vrGoldenExpect(tc->name, ".out.xml", out);
    again = vrStorageVolDefParseString(pool, out, 0);
    assert_non_null(again);
    out2 = vrStorageVolDefFormat(pool, again);
    assert_string_equal(out2, out);
    copy = vrStorageVolDefCopy(def);
    g_clear_pointer(&def, vrStorageVolDefFree);
    copied = vrStorageVolDefFormat(pool, copy);
    assert_string_equal(copied, out);
}

/* Parse the case's document; true when it parsed. */
static bool
vrTestParses(const vrGoldenCase *tc, const char *xml)
{
    const char *name = tc->name;

    if (g_str_has_prefix(name, "pool-")) {
        g_autoptr(vrStoragePoolDef) def = vrStoragePoolDefParseString(xml, 0);

        return def != NULL;
    } else {
        g_autoptr(vrStoragePoolDef) pool = vrTestVolumePool(name);
        g_autoptr(vrStorageVolDef) def = vrStorageVolDefParseString(pool, xml, 0);

        return def != NULL;
    }
}

static void
vrTestValidCase(const vrGoldenCase *tc, const char *xml)
{
    if (g_str_has_prefix(tc->name, "pool-"))
        vrTestValidPool(tc, xml);
    else
        vrTestValidVolume(tc, xml);
}

/* --- the data directory ------------------------------------------------- */

static const char *const vrTestOutputSuffixes[] = { ".out.xml", ".err" };

/* Every file belongs to a case, and every case has exactly one outcome. */
static void
test_no_stray_files(void **state)
{
    GPtrArray *names = vrGoldenCaseNames();
    int stray = vrGoldenCountStray(vrTestOutputSuffixes,
                                   G_N_ELEMENTS(vrTestOutputSuffixes));
    guint j;

    for (j = 0; j < names->len; j++) {
        const char *name = g_ptr_array_index(names, j);

        if (!g_str_has_prefix(name, "pool-") && !g_str_has_prefix(name, "vol-")) {
            fprintf(stderr, "# case %s is neither pool-* nor vol-*\n", name);
            stray++;
        }
    }
    assert_int_equal(stray, 0);
}

/* --- edges the data files cannot express ----------------------------------- */

static void
test_generated_uuid(void **state)
{
    g_autoptr(vrStoragePoolDef) a = vrStoragePoolDefParseString(
        "<pool type='dir'><name>a</name><target><path>/a</path></target></pool>", 0);
    g_autoptr(vrStoragePoolDef) b = vrStoragePoolDefParseString(
        "<pool type='dir'><name>a</name><target><path>/a</path></target></pool>", 0);

    assert_non_null(a);
    assert_non_null(b);
    assert_memory_not_equal(a->uuid, b->uuid, VIR_UUID_BUFLEN);
}

static char *
vrTestPoolWithHosts(int count)
{
    GString *xml = g_string_new("<pool type='netfs'><name>h</name><source>");
    int i;

    for (i = 0; i < count; i++)
        g_string_append_printf(xml, "<host name='h%d'/>", i);
    g_string_append(xml, "<dir path='/e'/></source><target><path>/t</path></target></pool>");
    return g_string_free(xml, FALSE);
}

static void
test_limit_hosts(void **state)
{
    g_autofree char *ok = vrTestPoolWithHosts(VR_STORAGE_POOL_HOSTS_MAX);
    g_autofree char *over = vrTestPoolWithHosts(VR_STORAGE_POOL_HOSTS_MAX + 1);
    g_autoptr(vrStoragePoolDef) def = vrStoragePoolDefParseString(ok, 0);
    g_autofree char *err = NULL;

    assert_non_null(def);
    assert_int_equal(def->source.nhosts, VR_STORAGE_POOL_HOSTS_MAX);
    assert_null(vrStoragePoolDefParseString(over, 0));
    err = vrGoldenLastError();
    assert_string_equal(err, "VIR_ERR_XML_ERROR: XML error: too many <host> elements "
                        "(limit 64)");
}

static void
test_limit_capacity(void **state)
{
    g_autoptr(vrStoragePoolDef) pool = vrTestVolumePool("vol-dir-x");
    g_autoptr(vrStorageVolDef) max = vrStorageVolDefParseString(pool,
        "<volume><name>m</name><capacity>9223372036854775807</capacity></volume>", 0);
    g_autofree char *err = NULL;

    assert_non_null(max);
    assert_int_equal(max->capacity, 9223372036854775807ULL);
    assert_null(vrStorageVolDefParseString(pool,
        "<volume><name>m</name><capacity unit='b'>9223372036854775808</capacity></volume>",
        0));
    err = vrGoldenLastError();
    assert_string_equal(err, "VIR_ERR_OVERFLOW: numerical overflow: value too large: "
                        "9223372036854775808b");
}

static void
test_optional_capacity(void **state)
{
    g_autoptr(vrStoragePoolDef) pool = vrTestVolumePool("vol-dir-x");
    g_autoptr(vrStorageVolDef) def = vrStorageVolDefParseString(pool,
        "<volume><name>clone</name></volume>", VR_STORAGE_VOL_PARSE_NO_CAPACITY);

    assert_non_null(def);
    assert_int_equal(def->capacity, 0);
    assert_false(def->has_allocation);
}

/* A scsi pool's adapter survives a copy (the sim keeps copies of
 * definitions) and formats the same from the copy. */
static void
test_adapter_copy(void **state)
{
    g_autoptr(vrStoragePoolDef) def = vrStoragePoolDefParseString(
        "<pool type='scsi'><name>s</name><source>"
        "<adapter type='fc_host' parent='p' managed='no' wwnn='20000000c9831b4b' "
        "wwpn='10000000c9831b4b'/></source><target><path>/dev</path></target></pool>", 0);
    g_autoptr(vrStoragePoolDef) copy = NULL;
    g_autofree char *want = NULL;
    g_autofree char *got = NULL;

    assert_non_null(def);
    copy = vrStoragePoolDefCopy(def);
    want = vrStoragePoolDefFormat(def);
    vrStoragePoolDefFree(g_steal_pointer(&def));
    got = vrStoragePoolDefFormat(copy);
    assert_string_equal(got, want);
    assert_non_null(strstr(got, "<adapter type='fc_host' parent='p' managed='no' "
                                "wwnn='20000000c9831b4b' wwpn='10000000c9831b4b'/>"));
}

static void
test_perms_wrap(void **state)
{
    g_autoptr(vrStoragePoolDef) def = vrStoragePoolDefParseString(
        "<pool type='dir'><name>w</name><target><path>/w</path><permissions>"
        "<group>4294967294</group></permissions></target></pool>", 0);
    g_autofree char *out = NULL;

    assert_non_null(def);
    out = vrStoragePoolDefFormat(def);
    assert_non_null(strstr(out, "      <group>-2</group>\n"));
    assert_null(vrStoragePoolDefParseString(out, 0));
}

/* Pools without a target (rbd, gluster, ...) place volumes as libvirt's
 * test driver prints them. */
static void
test_place_without_target(void **state)
{
    g_autoptr(vrStoragePoolDef) pool = vrStoragePoolDefParseString(
        "<pool type='gluster'><name>gl</name><source><host name='g'/><name>v</name>"
        "</source></pool>", 0);
    g_autoptr(vrStorageVolDef) vol = NULL;

    assert_non_null(pool);
    assert_null(pool->target_path);
    vol = vrStorageVolDefParseString(pool, "<volume><name>v1</name><capacity>1</capacity>"
                                     "</volume>", 0);
    assert_non_null(vol);
    vrStorageVolDefPlaceInPool(pool, vol);
    assert_string_equal(vol->target.path, "(null)/v1");
    assert_string_equal(vol->key, "(null)/v1");
}

static const struct CMUnitTest vrTestStatic[] = {
    cmocka_unit_test(test_no_stray_files),
    cmocka_unit_test(test_generated_uuid),
    cmocka_unit_test(test_limit_hosts),
    cmocka_unit_test(test_limit_capacity),
    cmocka_unit_test(test_optional_capacity),
    cmocka_unit_test(test_adapter_copy),
    cmocka_unit_test(test_perms_wrap),
    cmocka_unit_test(test_place_without_target),
};

int
main(int argc, char **argv)
{
    static const vrGoldenSuite suite = {
        .group = "storage-xml", .data_env = "VIREO_STORAGE_DATA_DIR",
        .statics = vrTestStatic, .nstatics = G_N_ELEMENTS(vrTestStatic),
        .check_valid = vrTestValidCase, .parses = vrTestParses,
    };

    return vrGoldenMain(argc, argv, &suite);
}
