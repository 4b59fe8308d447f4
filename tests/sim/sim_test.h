/* Helpers shared by the sim driver tests: a private node per test, exact
 * error assertions, small domain documents and golden files. */
#ifndef VR_SIM_TEST_H
#define VR_SIM_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

/* VIR_DOMAIN_EVENT_CALLBACK without -Wcast-function-type's complaint. */
#define SIM_CB(f) ((virConnectDomainEventGenericCallback)(void (*)(void))(f))

#define SIM_PRIVATE_URI "sim:///default?private=1"
#define SIM_DATA_MAX_BYTES (1024 * 1024)

static inline void sim_quiet(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

/* The thread's last error has this code, domain (-1: any) and message. */
#define sim_assert_error(code, domain, message) \
    sim_assert_error_at((code), (domain), (message), __FILE__, __LINE__)

static inline void sim_assert_error_at(int code, int domain, const char *message,
                                       const char *file, int line)
{
    virErrorPtr err = virGetLastError();

    if (!err) {
        fprintf(stderr, "%s:%d: no error set, expected '%s'\n", file, line, message);
        fail();
    }
    if (err->code != code || (domain >= 0 && err->domain != domain) ||
        strcmp(err->message ? err->message : "", message) != 0) {
        fprintf(stderr, "%s:%d: got code %d domain %d '%s'\n   expected %d %d '%s'\n",
                file, line, err->code, err->domain, err->message ? err->message : "",
                code, domain, message);
        fail();
    }
}

static inline virConnectPtr sim_open(void)
{
    virConnectPtr conn;

    virSetErrorFunc(NULL, sim_quiet);
    conn = virConnectOpen(SIM_PRIVATE_URI);
    assert_non_null(conn);
    return conn;
}

/* A minimal domain document (valid until the thread's next call). */
static inline char *sim_domain_xml(const char *name, const char *uuid,
                                   unsigned long mem_kib, unsigned int vcpus)
{
    static __thread char buf[1024];     /* per thread: clients run concurrently */

    snprintf(buf, sizeof(buf),
             "<domain type='test'><name>%s</name>%s%s%s"
             "<memory unit='KiB'>%lu</memory><vcpu>%u</vcpu>"
             "<os><type>hvm</type></os></domain>",
             name, uuid ? "<uuid>" : "", uuid ? uuid : "", uuid ? "</uuid>" : "",
             mem_kib, vcpus);
    return buf;
}

static inline void sim_assert_state(virDomainPtr dom, int state, int reason)
{
    int s = -1, r = -1;

    assert_int_equal(virDomainGetState(dom, &s, &r, 0), 0);
    assert_int_equal(s, state);
    assert_int_equal(r, reason);
}

/* The contents of tests/data/sim/NAME (caller frees). */
static inline char *sim_read_data(const char *name)
{
    char path[4096];
    char *buf;
    size_t n;
    FILE *f;

    snprintf(path, sizeof(path), "%s/%s", SIM_DATA_DIR, name);
    f = fopen(path, "r");
    assert_non_null(f);
    buf = calloc(1, SIM_DATA_MAX_BYTES + 1);
    assert_non_null(buf);
    n = fread(buf, 1, SIM_DATA_MAX_BYTES, f);
    assert_true(n < SIM_DATA_MAX_BYTES);
    fclose(f);
    return buf;
}

#endif /* VR_SIM_TEST_H */
