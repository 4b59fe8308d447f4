/* A small program written for libvirt, exactly as an application would write
 * it.  tests/compat builds it unchanged against vireo's shim headers and
 * against Debian's libvirt-dev, and checks both print client.expected. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#define DEMO_XML \
    "<domain type='test'>" \
    "<name>compat1</name>" \
    "<uuid>4dea22b3-1d52-d8f3-2516-782e98ab3fa0</uuid>" \
    "<memory unit='KiB'>262144</memory>" \
    "<vcpu>1</vcpu>" \
    "<os><type arch='x86_64'>hvm</type></os>" \
    "</domain>"

static void
quietErrorHandler(void *userdata, virErrorPtr err)
{
    (void)userdata;
    (void)err;
}

static void
printLastError(const char *what)
{
    virErrorPtr err = virGetLastError();

    if (!err) {
        printf("%s: failed without an error\n", what);
        return;
    }
    printf("%s: code=%d domain=%d level=%d message=%s\n",
           what, err->code, err->domain, err->level,
           err->message ? err->message : "(null)");
}

static void
printDomain(virDomainPtr dom)
{
    virDomainInfo info;
    char uuid[VIR_UUID_STRING_BUFLEN];
    int state = -1;
    int reason = -1;

    if (virDomainGetInfo(dom, &info) < 0 ||
        virDomainGetUUIDString(dom, uuid) < 0 ||
        virDomainGetState(dom, &state, &reason, 0) < 0) {
        printLastError("domain");
        return;
    }
    printf("domain %s id=%d uuid=%s state=%d reason=%d maxMem=%lu memory=%lu "
           "vcpus=%u active=%d persistent=%d\n",
           virDomainGetName(dom), virDomainGetID(dom), uuid, info.state,
           reason, info.maxMem, info.memory, info.nrVirtCpu,
           virDomainIsActive(dom), virDomainIsPersistent(dom));
}

static int
listDomains(virConnectPtr conn, unsigned int flags)
{
    virDomainPtr *domains = NULL;
    int n = virConnectListAllDomains(conn, &domains, flags);
    int i;

    if (n < 0) {
        printLastError("list");
        return -1;
    }
    printf("%d domain(s)\n", n);
    for (i = 0; i < n; i++) {
        printDomain(domains[i]);
        virDomainFree(domains[i]);
    }
    free(domains);
    return 0;
}

static void
printNode(virConnectPtr conn)
{
    virNodeInfo node;

    if (virNodeGetInfo(conn, &node) < 0) {
        printLastError("node");
        return;
    }
    printf("node model=%s memory=%lu cpus=%u mhz=%u nodes=%u sockets=%u "
           "cores=%u threads=%u\n", node.model, node.memory, node.cpus,
           node.mhz, node.nodes, node.sockets, node.cores, node.threads);
}

static int
lifecycle(virConnectPtr conn)
{
    virDomainPtr dom = virDomainDefineXML(conn, DEMO_XML);

    if (!dom) {
        printLastError("define");
        return -1;
    }
    printDomain(dom);
    if (virDomainCreate(dom) < 0)
        printLastError("create");
    printDomain(dom);
    if (virDomainResume(dom) < 0)
        printLastError("resume running");
    if (virDomainSuspend(dom) < 0)
        printLastError("suspend");
    printDomain(dom);
    if (virDomainResume(dom) < 0)
        printLastError("resume");
    if (virDomainDestroy(dom) < 0)
        printLastError("destroy");
    if (virDomainSuspend(dom) < 0)
        printLastError("suspend stopped");
    printDomain(dom);
    if (virDomainUndefine(dom) < 0)
        printLastError("undefine");
    virDomainFree(dom);
    return 0;
}

/* The credential types command-line tools get from the default callback. */
static void
printDefaultAuth(void)
{
    unsigned int i;

    printf("default auth:");
    for (i = 0; i < virConnectAuthPtrDefault->ncredtype; i++)
        printf(" %d", virConnectAuthPtrDefault->credtype[i]);
    printf(" callback=%s\n", virConnectAuthPtrDefault->cb ? "yes" : "no");
}

int
main(int argc, char **argv)
{
    const char *uri = argc > 1 ? argv[1] : "test:///default";
    virConnectPtr conn;
    virDomainPtr dom;
    int ret = EXIT_SUCCESS;

    virSetErrorFunc(NULL, quietErrorHandler);
    printDefaultAuth();
    conn = virConnectOpenAuth(uri, virConnectAuthPtrDefault, 0);
    if (!conn) {
        printLastError("open");
        return EXIT_FAILURE;
    }
    printf("type=%s\n", virConnectGetType(conn));
    printNode(conn);
    if (listDomains(conn, 0) < 0 || lifecycle(conn) < 0)
        ret = EXIT_FAILURE;

    dom = virDomainLookupByName(conn, "nosuch");
    if (dom) {
        printf("lookup nosuch: unexpectedly found\n");
        virDomainFree(dom);
        ret = EXIT_FAILURE;
    } else {
        printLastError("lookup nosuch");
    }
    virResetLastError();
    printf("after reset: %s\n", virGetLastError() ? "error" : "no error");

    if (listDomains(conn, VIR_CONNECT_LIST_DOMAINS_INACTIVE) < 0)
        ret = EXIT_FAILURE;
    printf("close=%d\n", virConnectClose(conn));
    return ret;
}
