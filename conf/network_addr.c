/* IP addresses in network XML: numeric parsing as getaddrinfo reads it,
 * canonical formatting, prefixes and libvirt's DHCP range checks with its
 * exact messages (virSocketAddrGetRange). */
#include <string.h>
#include <netdb.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <netinet/in.h>

#include "conf/network_conf.h"
#include "conf/domain_device.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_NONE

#define VR_NET_V4_BYTES 4
#define VR_NET_V4_BITS 32
#define VR_NET_V6_BITS 128
#define VR_NET_V6_DEFAULT_PREFIX 64
/* libvirt's legacy range limit: all but the last two bytes must agree. */
#define VR_NET_RANGE_FREE_BYTES 2

static int
vrNetAddrParseFull(const char *str, vrNetAddr *addr, bool report)
{
    struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_flags = AI_NUMERICHOST };
    struct addrinfo *res = NULL;
    int err;

    if (!str) {
        if (report)
            vrReportError(VIR_ERR_INVALID_ARG, "Missing address");
        return -1;
    }
    if ((err = getaddrinfo(str, NULL, &hints, &res)) != 0 || !res) {
        if (report)
            vrReportError(VIR_ERR_SYSTEM_ERROR, "Cannot parse socket address '%s': %s",
                          str, gai_strerror(err));
        if (res)
            freeaddrinfo(res);
        return -1;
    }
    memset(addr, 0, sizeof(*addr));
    if (res->ai_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)res->ai_addr;

        addr->family = AF_INET;
        memcpy(addr->bytes, &in->sin_addr, VR_NET_V4_BYTES);
    } else {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)res->ai_addr;

        addr->family = AF_INET6;
        memcpy(addr->bytes, &in6->sin6_addr, VR_NET_ADDR_BYTES);
    }
    freeaddrinfo(res);
    return 0;
}

int
vrNetAddrParse(const char *str, vrNetAddr *addr)
{
    return vrNetAddrParseFull(str, addr, false);
}

int
vrNetAddrParseReport(const char *str, vrNetAddr *addr)
{
    return vrNetAddrParseFull(str, addr, true);
}

const char *
vrNetAddrFormat(const vrNetAddr *addr, char *buf)
{
    buf[0] = '\0';
    if (addr->family == AF_INET || addr->family == AF_INET6)
        inet_ntop(addr->family, addr->bytes, buf, VR_NET_ADDR_STRLEN);
    return buf;
}

bool
vrNetAddrIsValid(const vrNetAddr *addr)
{
    return addr->family == AF_INET || addr->family == AF_INET6;
}

static size_t
vrNetAddrLen(const vrNetAddr *addr)
{
    return addr->family == AF_INET ? VR_NET_V4_BYTES : VR_NET_ADDR_BYTES;
}

bool
vrNetAddrEqual(const vrNetAddr *a, const vrNetAddr *b)
{
    if (a->family != b->family || !vrNetAddrIsValid(a))
        return false;
    return memcmp(a->bytes, b->bytes, vrNetAddrLen(a)) == 0;
}

int
vrNetAddrCompare(const vrNetAddr *a, const vrNetAddr *b)
{
    return memcmp(a->bytes, b->bytes, vrNetAddrLen(a));
}

void
vrNetAddrIncrement(vrNetAddr *addr)
{
    size_t i = vrNetAddrLen(addr);

    while (i > 0 && ++addr->bytes[i - 1] == 0)
        i--;
}

/* The netmask bits, or -1 when the mask is not contiguous ones. */
static int
vrNetAddrNetmaskBits(const vrNetAddr *mask)
{
    size_t len = vrNetAddrLen(mask);
    size_t i;
    int bits = 0;
    bool zeros = false;

    for (i = 0; i < len * 8; i++) {
        bool set = (mask->bytes[i / 8] >> (7 - i % 8)) & 1;

        if (set && zeros)
            return -1;
        if (set)
            bits++;
        else
            zeros = true;
    }
    return bits;
}

int
vrNetAddrGetPrefix(const vrNetAddr *address, const vrNetAddr *netmask,
                   unsigned int prefix)
{
    unsigned char octet;

    if (prefix > 0)
        return (int)prefix;
    if (netmask && vrNetAddrIsValid(netmask))
        return vrNetAddrNetmaskBits(netmask);
    if (address->family == AF_INET6)
        return VR_NET_V6_DEFAULT_PREFIX;
    if (address->family != AF_INET)
        return -1;
    octet = address->bytes[0];
    if (memcmp(address->bytes, "\0\0\0\0", VR_NET_V4_BYTES) == 0)
        return 0;
    if ((octet & 0x80) == 0)
        return 8;           /* class A */
    if ((octet & 0xC0) == 0x80)
        return 16;          /* class B */
    if ((octet & 0xE0) == 0xC0)
        return 24;          /* class C */
    return -1;
}

int
vrNetworkIPDefPrefix(const vrNetworkIPDef *ip)
{
    return vrNetAddrGetPrefix(&ip->address, &ip->netmask, ip->prefix);
}

/* Whether a and b agree on the first prefix bits. */
static bool
vrNetAddrSameNet(const vrNetAddr *a, const vrNetAddr *b, int prefix)
{
    int i;

    for (i = 0; i < prefix; i++) {
        unsigned char bit = 1 << (7 - i % 8);

        if ((a->bytes[i / 8] & bit) != (b->bytes[i / 8] & bit))
            return false;
    }
    return true;
}

/* network with the host bits cleared (all_ones: set). */
static void
vrNetAddrHostBits(const vrNetAddr *network, int prefix, bool all_ones, vrNetAddr *out)
{
    size_t len = vrNetAddrLen(network);
    size_t i;

    *out = *network;
    for (i = (size_t)prefix; i < len * 8; i++) {
        unsigned char bit = 1 << (7 - i % 8);

        if (all_ones)
            out->bytes[i / 8] |= bit;
        else
            out->bytes[i / 8] &= ~bit;
    }
}

/* The checks that need the network the range must lie in. */
static int
vrNetAddrRangeInNetwork(const vrNetAddr *start, const vrNetAddr *end,
                        const vrNetAddr *network, int prefix,
                        const char *s, const char *e)
{
    char n[VR_NET_ADDR_STRLEN];
    int max = network->family == AF_INET ? VR_NET_V4_BITS : VR_NET_V6_BITS;
    vrNetAddr netaddr, broadcast;

    vrNetAddrFormat(network, n);
    if (start->family != network->family) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "mismatch of address family in range %s - %s for network %s",
                      s, e, n);
        return -1;
    }
    if (prefix < 0 || prefix > max) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "bad prefix %d for network %s when checking range %s - %s",
                      prefix, n, s, e);
        return -1;
    }
    if (!vrNetAddrSameNet(start, network, prefix) ||
        !vrNetAddrSameNet(end, network, prefix)) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "range %s - %s is not entirely within network %s/%d",
                      s, e, n, prefix);
        return -1;
    }
    if (start->family != AF_INET)
        return 0;
    vrNetAddrHostBits(network, prefix, false, &netaddr);
    vrNetAddrHostBits(network, prefix, true, &broadcast);
    if (vrNetAddrEqual(start, &netaddr)) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "start of range %s - %s in network %s/%d is the network address",
                      s, e, n, prefix);
        return -1;
    }
    if (vrNetAddrEqual(end, &broadcast)) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "end of range %s - %s in network %s/%d is the broadcast address",
                      s, e, n, prefix);
        return -1;
    }
    return 0;
}

int
vrNetAddrGetRange(const vrNetAddr *start, const vrNetAddr *end,
                  const vrNetAddr *network, int prefix)
{
    char s[VR_NET_ADDR_STRLEN], e[VR_NET_ADDR_STRLEN];
    size_t len, fixed;
    int size;

    vrNetAddrFormat(start, s);
    vrNetAddrFormat(end, e);
    if (start->family != end->family) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "mismatch of address family in range %s - %s", s, e);
        return -1;
    }
    if (network && vrNetAddrRangeInNetwork(start, end, network, prefix, s, e) < 0)
        return -1;
    len = vrNetAddrLen(start);
    fixed = len - VR_NET_RANGE_FREE_BYTES;
    if (memcmp(start->bytes, end->bytes, fixed) != 0) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "range %s - %s is too large (> 65535)",
                      s, e);
        return -1;
    }
    size = (end->bytes[fixed] - start->bytes[fixed]) * 256 +
           (end->bytes[fixed + 1] - start->bytes[fixed + 1]);
    if (size < 0) {
        /* libvirt's IPv4 text ends with a space; its IPv6 text differs */
        if (start->family == AF_INET)
            vrReportError(VIR_ERR_INTERNAL_ERROR, "range %s - %s is reversed ", s, e);
        else
            vrReportError(VIR_ERR_INTERNAL_ERROR, "range %s - %s start larger than end",
                          s, e);
        return -1;
    }
    return size + 1;
}

int
vrNetMacParse(const char *str, unsigned char mac[VR_NET_MAC_BYTES])
{
    return vrMacParse(str, mac);
}

const char *
vrNetMacFormat(const unsigned char mac[VR_NET_MAC_BYTES], char *out)
{
    vrMacFormat(mac, out);
    return out;
}
