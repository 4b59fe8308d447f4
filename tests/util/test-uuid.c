/* util/uuid.c: libvirt's accepted UUID spellings (checked against
 * virDomainLookupByUUIDString on test:///default), formatting, random and
 * seeded generation. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <glib.h>

#include "util/uuid.h"

/* The uuid of test:///default's domain "test". */
#define TEST_UUID "6695eb01-f6a4-8304-79aa-97f2502e193f"
static const unsigned char test_uuid_raw[VIR_UUID_BUFLEN] = {
    0x66, 0x95, 0xeb, 0x01, 0xf6, 0xa4, 0x83, 0x04,
    0x79, 0xaa, 0x97, 0xf2, 0x50, 0x2e, 0x19, 0x3f,
};

static void
test_parse_accepted(void **state)
{
    static const char *const good[] = {
        TEST_UUID,
        "6695eb01f6a4830479aa97f2502e193f",
        "6695EB01F6A4830479AA97F2502E193F",
        "  6695eb01 f6a4 8304 79aa 97f2502e193f \n",
        "--6695eb01f6a4830479aa97f2502e193f",
        "66-95-eb-01-f6a4830479aa97f2502e193f",
        "\t6695eb01-f6a4-8304-79aa-97f2502e193f\t",
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(good); i++) {
        unsigned char raw[VIR_UUID_BUFLEN] = { 0 };

        if (vrUUIDParse(good[i], raw) != 0)
            fail_msg("rejected '%s'", good[i]);
        assert_memory_equal(raw, test_uuid_raw, VIR_UUID_BUFLEN);
    }
}

static void
test_parse_rejected(void **state)
{
    static const char *const bad[] = {
        "",
        "   ",
        "6-6-95eb01f6a4830479aa97f2502e193f",        /* '-' inside a pair */
        "6695eb01-f6a4-8304-79aa-97f2502e193f0",     /* 33 digits */
        "6695eb01-f6a4-8304-79aa-97f2502e193",       /* 31 digits */
        "6695eb01-f6a4-8304-79aa-97f2502e19",        /* 30 digits */
        "--6695eb01f6a4830479aa97f2502e193f--",      /* trailing '-' */
        "6695eb01-f6a4-8304-79aa-97f2502e193g",
        "zzzzzzzz-f6a4-8304-79aa-97f2502e193f",
        "{6695eb01-f6a4-8304-79aa-97f2502e193f}",
        "6695eb01_f6a4_8304_79aa_97f2502e193f",
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(bad); i++) {
        unsigned char raw[VIR_UUID_BUFLEN];

        memset(raw, 0x5a, sizeof(raw));
        if (vrUUIDParse(bad[i], raw) != -1)
            fail_msg("accepted '%s'", bad[i]);
        /* Output is written only on success. */
        for (size_t j = 0; j < VIR_UUID_BUFLEN; j++)
            assert_int_equal(raw[j], 0x5a);
    }
    assert_int_equal(vrUUIDParse(NULL, (unsigned char[VIR_UUID_BUFLEN]){ 0 }), -1);
}

static void
test_format(void **state)
{
    char out[VIR_UUID_STRING_BUFLEN];

    assert_ptr_equal(vrUUIDFormat(test_uuid_raw, out), out);
    assert_string_equal(out, TEST_UUID);
    assert_int_equal(strlen(out), VIR_UUID_STRING_BUFLEN - 1);
}

static void
test_round_trip(void **state)
{
    int i;

    for (i = 0; i < 100; i++) {
        unsigned char a[VIR_UUID_BUFLEN];
        unsigned char b[VIR_UUID_BUFLEN];
        char s[VIR_UUID_STRING_BUFLEN];

        vrUUIDGenerate(a);
        vrUUIDFormat(a, s);
        assert_int_equal(vrUUIDParse(s, b), 0);
        assert_memory_equal(a, b, VIR_UUID_BUFLEN);
    }
}

static void
test_generate_random(void **state)
{
    unsigned char a[VIR_UUID_BUFLEN];
    unsigned char b[VIR_UUID_BUFLEN];

    vrUUIDGenerate(a);
    vrUUIDGenerate(b);
    assert_memory_not_equal(a, b, VIR_UUID_BUFLEN);
    /* RFC 4122 version 4, variant 10xx. */
    assert_int_equal(a[6] >> 4, 4);
    assert_int_equal(a[8] >> 6, 2);
    assert_true(vrUUIDIsValid(a));
}

static void
counting_source(unsigned char *buf, size_t len, void *opaque)
{
    unsigned int *next = opaque;
    size_t i;

    for (i = 0; i < len; i++)
        buf[i] = (unsigned char)(*next)++;
}

static void
test_generate_seeded(void **state)
{
    unsigned int next = 0;
    unsigned char u[VIR_UUID_BUFLEN];
    char s[VIR_UUID_STRING_BUFLEN];

    vrUUIDSetGenerator(counting_source, &next);
    vrUUIDGenerate(u);
    assert_string_equal(vrUUIDFormat(u, s), "00010203-0405-4607-8809-0a0b0c0d0e0f");
    vrUUIDGenerate(u);
    assert_string_equal(vrUUIDFormat(u, s), "10111213-1415-4617-9819-1a1b1c1d1e1f");

    vrUUIDSetGenerator(NULL, NULL);
    vrUUIDGenerate(u);
    assert_int_equal(next, 2 * VIR_UUID_BUFLEN);     /* source no longer used */
}

static void
test_is_valid(void **state)
{
    unsigned char u[VIR_UUID_BUFLEN];

    memset(u, 0, sizeof(u));
    assert_false(vrUUIDIsValid(u));
    memset(u, 0xff, sizeof(u));
    assert_false(vrUUIDIsValid(u));
    u[15] = 0xfe;
    assert_true(vrUUIDIsValid(u));
    assert_true(vrUUIDIsValid(test_uuid_raw));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_accepted),
        cmocka_unit_test(test_parse_rejected),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_generate_random),
        cmocka_unit_test(test_generate_seeded),
        cmocka_unit_test(test_is_valid),
    };

    return cmocka_run_group_tests_name("util/uuid", tests, NULL, NULL);
}
