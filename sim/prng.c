/* The simulation's seeded PRNG: xoshiro256** (Blackman and Vigna's public
 * domain design) with its state expanded by splitmix64, named streams per
 * purpose, and the hook that makes it the UUID byte source. */
#include "sim/prng.h"

#include "util/uuid.h"

#define VR_SIM_SPLITMIX_GAMMA 0x9e3779b97f4a7c15ULL
#define VR_SIM_STREAM_SALT 0xd1342543de82ef95ULL   /* spreads stream ids apart */
#define VR_SIM_UNIT_BITS 53                        /* a double's mantissa */

static guint64 vrSimSplitMix(guint64 *x)
{
    guint64 z = (*x += VR_SIM_SPLITMIX_GAMMA);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static inline guint64 vrSimRotl(guint64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}

void vrSimPrngInit(vrSimPrng *prng, guint64 seed)
{
    guint64 x = seed;
    size_t i;

    /* splitmix64 never yields four zero words in a row, so the state is valid */
    for (i = 0; i < G_N_ELEMENTS(prng->s); i++)
        prng->s[i] = vrSimSplitMix(&x);
}

void vrSimPrngInitStream(vrSimPrng *prng, guint64 seed, vrSimStream stream)
{
    guint64 x = (guint64)stream * VR_SIM_STREAM_SALT;

    vrSimPrngInit(prng, seed ^ vrSimSplitMix(&x));
}

guint64 vrSimPrngNext(vrSimPrng *prng)
{
    guint64 *s = prng->s;
    guint64 result = vrSimRotl(s[1] * 5, 7) * 9;
    guint64 t = s[1] << 17;

    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = vrSimRotl(s[3], 45);
    return result;
}

guint64 vrSimPrngBelow(vrSimPrng *prng, guint64 bound)
{
    guint64 threshold, r;

    if (bound == 0)
        return 0;
    /* 2^64 mod bound: rejecting values below it leaves a whole number of
     * blocks of size bound, so every residue is equally likely */
    threshold = (0 - bound) % bound;
    do {
        r = vrSimPrngNext(prng);
    } while (r < threshold);
    return r % bound;
}

double vrSimPrngUnit(vrSimPrng *prng)
{
    return (double)(vrSimPrngNext(prng) >> (64 - VR_SIM_UNIT_BITS)) /
           (double)(1ULL << VR_SIM_UNIT_BITS);
}

void vrSimPrngFill(vrSimPrng *prng, unsigned char *buf, size_t len)
{
    size_t i = 0;

    while (i < len) {
        guint64 r = vrSimPrngNext(prng);
        size_t k;

        for (k = 0; k < sizeof(r) && i < len; k++, i++)
            buf[i] = (unsigned char)(r >> (8 * k));
    }
}

/* ---- the UUID byte source ---- */

/* Every seeded stream in use, the one installed last: when it is released
 * the one before it takes over, so that a seeded node never falls back on
 * the system source while it exists. */
static GMutex vrSimUUIDOwnerLock;
static GPtrArray *vrSimUUIDOwners;

static void vrSimPrngUUIDBytes(unsigned char *buf, size_t len, void *opaque)
{
    vrSimPrngFill(opaque, buf, len);
}

void vrSimPrngUseForUUIDs(vrSimPrng *prng)
{
    g_mutex_lock(&vrSimUUIDOwnerLock);
    if (!vrSimUUIDOwners)
        vrSimUUIDOwners = g_ptr_array_new();
    if (vrSimUUIDOwners->len == 0 ||
        g_ptr_array_index(vrSimUUIDOwners, vrSimUUIDOwners->len - 1) != prng) {
        g_ptr_array_remove(vrSimUUIDOwners, prng);
        g_ptr_array_add(vrSimUUIDOwners, prng);
        vrUUIDSetGenerator(vrSimPrngUUIDBytes, prng);
    }
    g_mutex_unlock(&vrSimUUIDOwnerLock);
}

void vrSimPrngReleaseUUIDs(vrSimPrng *prng)
{
    g_mutex_lock(&vrSimUUIDOwnerLock);
    if (vrSimUUIDOwners && g_ptr_array_remove(vrSimUUIDOwners, prng)) {
        if (vrSimUUIDOwners->len > 0)
            vrUUIDSetGenerator(vrSimPrngUUIDBytes,
                               g_ptr_array_index(vrSimUUIDOwners,
                                                 vrSimUUIDOwners->len - 1));
        else
            vrUUIDSetGenerator(NULL, NULL);
    }
    g_mutex_unlock(&vrSimUUIDOwnerLock);
}
