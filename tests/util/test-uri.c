/* util/uri.c: connection URIs as libvirt parses and formats them, query
 * decoding, and the errors for bad and oversized input. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "util/uri.h"
#include "util/error.h"

static int
setup(void **state)
{
    virResetLastError();
    return 0;
}

typedef struct {
    const char *str;
    const char *scheme;
    const char *driver;
    const char *transport;
    const char *user;
    const char *server;
    int port;
    const char *path;
    const char *formatted;    /* what virConnectGetURI would give */
} UriCase;

static const UriCase uri_cases[] = {
    { "test:///default", "test", "test", NULL, NULL, NULL, 0, "/default",
      "test:///default" },
    { "sim:///abs/path.xml?seed=3&private=1", "sim", "sim", NULL, NULL, NULL, 0,
      "/abs/path.xml", "sim:///abs/path.xml?seed=3&private=1" },
    { "qemu+ssh://user@host:22/system?x=y", "qemu+ssh", "qemu", "ssh", "user",
      "host", 22, "/system", "qemu+ssh://user@host:22/system?x=y" },
    { "test+unix:///default?socket=/run/x", "test+unix", "test", "unix", NULL,
      NULL, 0, "/default", "test+unix:///default?socket=/run/x" },
    { "qemu://host/system", "qemu", "qemu", NULL, NULL, "host", 0, "/system",
      "qemu://host/system" },
    { "qemu+tcp://[::1]:16509/system", "qemu+tcp", "qemu", "tcp", NULL, "::1",
      16509, "/system", "qemu+tcp://[::1]:16509/system" },
    /* Checked with python3-libvirt: getURI() of these opens. */
    { "test:/default", "test", "test", NULL, NULL, NULL, 0, "/default",
      "test:///default" },
    { "test:///default?foo=b%20r&x", "test", "test", NULL, NULL, NULL, 0,
      "/default", "test:///default?foo=b%20r&x" },
    { "test:///default#frag", "test", "test", NULL, NULL, NULL, 0, "/default",
      "test:///default#frag" },
    { "qemu:///sys%20tem", "qemu", "qemu", NULL, NULL, NULL, 0, "/sys tem",
      "qemu:///sys%20tem" },
    { "test://", "test", "test", NULL, NULL, NULL, 0, "", "test://" },
};

static void
assert_str_or_null(const char *got, const char *want)
{
    if (want)
        assert_string_equal(got, want);
    else
        assert_null(got);
}

static void
test_parse_format(void **state)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(uri_cases); i++) {
        const UriCase *c = &uri_cases[i];
        g_autoptr(vrURI) uri = vrURIParse(c->str);
        g_autofree char *formatted = NULL;

        if (!uri)
            fail_msg("'%s': %s", c->str, virGetLastErrorMessage());
        assert_str_or_null(uri->scheme, c->scheme);
        assert_str_or_null(uri->driver, c->driver);
        assert_str_or_null(uri->transport, c->transport);
        assert_str_or_null(uri->user, c->user);
        assert_str_or_null(uri->server, c->server);
        assert_int_equal(uri->port, c->port);
        assert_string_equal(uri->path, c->path);
        formatted = vrURIFormat(uri);
        assert_string_equal(formatted, c->formatted);
    }
    assert_null(virGetLastError());
}

static void
test_params(void **state)
{
    g_autoptr(vrURI) uri = vrURIParse("sim:///abs/path.xml?seed=3&private=1");

    assert_non_null(uri);
    assert_int_equal(uri->nparams, 2);
    assert_string_equal(uri->params[0].name, "seed");
    assert_string_equal(uri->params[0].value, "3");
    assert_string_equal(uri->params[1].name, "private");
    assert_string_equal(uri->params[1].value, "1");
    assert_string_equal(vrURIGetParam(uri, "seed"), "3");
    assert_null(vrURIGetParam(uri, "faults"));
    assert_string_equal(uri->query, "seed=3&private=1");
}

static void
test_params_decoding(void **state)
{
    g_autoptr(vrURI) uri =
        vrURIParse("test+unix:///default?socket=%2Frun%2Fx%20y&n%61me=a%3db&pct=100%25");

    assert_non_null(uri);
    assert_int_equal(uri->nparams, 3);
    assert_string_equal(vrURIGetParam(uri, "socket"), "/run/x y");
    assert_string_equal(vrURIGetParam(uri, "name"), "a=b");
    assert_string_equal(vrURIGetParam(uri, "pct"), "100%");
    /* The raw query is kept for formatting. */
    assert_string_equal(uri->query, "socket=%2Frun%2Fx%20y&n%61me=a%3db&pct=100%25");
}

/* libvirt's splitting rules (from CGI.pm): bare names get "", "=v" and
 * empty sections are dropped, ';' separates when no '&' is left, and the
 * last duplicate wins in lookups. */
static void
test_params_shapes(void **state)
{
    g_autoptr(vrURI) a = vrURIParse("x:///p?=v&&n=&m&k=1&k=2");
    g_autoptr(vrURI) b = vrURIParse("x:///p?a=1;b=2");

    assert_non_null(a);
    assert_int_equal(a->nparams, 4);
    assert_string_equal(a->params[0].name, "n");
    assert_string_equal(a->params[0].value, "");
    assert_string_equal(a->params[1].name, "m");
    assert_string_equal(a->params[1].value, "");
    assert_string_equal(vrURIGetParam(a, "k"), "2");

    assert_non_null(b);
    assert_int_equal(b->nparams, 2);
    assert_string_equal(vrURIGetParam(b, "a"), "1");
    assert_string_equal(vrURIGetParam(b, "b"), "2");
}

static void
test_no_scheme(void **state)
{
    g_autoptr(vrURI) uri = vrURIParse("default");

    assert_non_null(uri);
    assert_null(uri->scheme);
    assert_null(uri->driver);
    assert_string_equal(uri->path, "default");
}

static void
assert_parse_fails(const char *str, int code, const char *message)
{
    virErrorPtr err;

    virResetLastError();
    assert_null(vrURIParse(str));
    err = virGetLastError();
    assert_non_null(err);
    assert_int_equal(err->code, code);
    assert_int_equal(err->domain, VIR_FROM_URI);
    if (message)
        assert_string_equal(err->message, message);
}

/* Same code, domain and text as python3-libvirt shows for libvirt.open(). */
static void
test_unparseable(void **state)
{
    assert_parse_fails("te st://%%%", VIR_ERR_INTERNAL_ERROR,
                       "internal error: Unable to parse URI te st://%%%");
    assert_parse_fails("http://[::1", VIR_ERR_INTERNAL_ERROR,
                       "internal error: Unable to parse URI http://[::1");
    /* A broken escape anywhere makes the whole URI unparseable. */
    assert_parse_fails("x:///p?bad=%zz", VIR_ERR_INTERNAL_ERROR,
                       "internal error: Unable to parse URI x:///p?bad=%zz");
    assert_parse_fails(NULL, VIR_ERR_INVALID_ARG,
                       "invalid argument: URI must not be NULL");
}

static void
test_length_limit(void **state)
{
    const char *prefix = "test:///";
    g_autofree char *at_limit = NULL;
    g_autofree char *over = NULL;
    g_autofree char *msg = NULL;
    g_autoptr(vrURI) ok = NULL;

    at_limit = g_strconcat(prefix, NULL);
    at_limit = g_realloc(at_limit, VR_URI_MAX_LEN + 1);
    memset(at_limit + strlen(prefix), 'a', VR_URI_MAX_LEN - strlen(prefix));
    at_limit[VR_URI_MAX_LEN] = '\0';
    ok = vrURIParse(at_limit);
    assert_non_null(ok);
    assert_int_equal(strlen(ok->path), VR_URI_MAX_LEN - strlen("test://"));

    over = g_strconcat(at_limit, "a", NULL);
    msg = g_strdup_printf("invalid argument: URI is longer than %d bytes",
                          VR_URI_MAX_LEN);
    assert_parse_fails(over, VIR_ERR_INVALID_ARG, msg);
}

static char *
uri_with_params(size_t n)
{
    GString *s = g_string_new("sim:///default?");
    size_t i;

    for (i = 0; i < n; i++)
        g_string_append_printf(s, "%sp%zu=%zu", i ? "&" : "", i, i);
    return g_string_free(s, FALSE);
}

static void
test_param_limit(void **state)
{
    g_autofree char *at_limit = uri_with_params(VR_URI_MAX_PARAMS);
    g_autofree char *over = uri_with_params(VR_URI_MAX_PARAMS + 1);
    g_autofree char *msg = NULL;
    g_autoptr(vrURI) ok = vrURIParse(at_limit);

    assert_non_null(ok);
    assert_int_equal(ok->nparams, VR_URI_MAX_PARAMS);
    msg = g_strdup_printf("invalid argument: URI '%s' has more than %d query "
                          "parameters", over, VR_URI_MAX_PARAMS);
    assert_parse_fails(over, VIR_ERR_INVALID_ARG, msg);
}

/* A URI assembled by hand (no raw query) encodes its parameters. */
static void
test_format_built(void **state)
{
    vrURIParam params[] = {
        { (char *)"socket", (char *)"/run/a b" },
        { (char *)"seed", (char *)"7" },
    };
    vrURI uri = {
        .scheme = (char *)"test+unix",
        .path = (char *)"/default",
        .nparams = G_N_ELEMENTS(params),
        .params = params,
    };
    g_autofree char *s = vrURIFormat(&uri);
    g_autoptr(vrURI) back = NULL;

    assert_string_equal(s, "test+unix:///default?socket=%2Frun%2Fa%20b&seed=7");
    back = vrURIParse(s);
    assert_non_null(back);
    assert_string_equal(vrURIGetParam(back, "socket"), "/run/a b");
    assert_string_equal(vrURIGetParam(back, "seed"), "7");
}

static void
test_free_null(void **state)
{
    vrURIFree(NULL);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_parse_format, setup),
        cmocka_unit_test_setup(test_params, setup),
        cmocka_unit_test_setup(test_params_decoding, setup),
        cmocka_unit_test_setup(test_params_shapes, setup),
        cmocka_unit_test_setup(test_no_scheme, setup),
        cmocka_unit_test_setup(test_unparseable, setup),
        cmocka_unit_test_setup(test_length_limit, setup),
        cmocka_unit_test_setup(test_param_limit, setup),
        cmocka_unit_test_setup(test_format_built, setup),
        cmocka_unit_test_setup(test_free_null, setup),
    };

    return cmocka_run_group_tests_name("util/uri", tests, NULL, NULL);
}
