/* The simulation's one source of randomness: a seeded xoshiro256** generator
 * (state expanded from the seed with splitmix64).  Every random choice of a
 * simulated node derives from its seed through named streams, so one seed
 * reproduces a whole run. */
#ifndef VR_SIM_PRNG_H
#define VR_SIM_PRNG_H

#include <stddef.h>
#include <glib.h>

typedef struct {
    guint64 s[4];
} vrSimPrng;

/* The independent streams one seed feeds: each purpose draws from its own,
 * so (say) generating one more UUID never shifts which faults fire. */
typedef enum {
    VR_SIM_STREAM_FAULTS = 1,       /* fault plan decisions */
    VR_SIM_STREAM_UUIDS = 2,        /* UUIDs and MAC addresses */
    VR_SIM_STREAM_WORKLOAD = 3,     /* vireo-sim's random operations */
    VR_SIM_STREAM_TEST = 4,         /* free for tests */
} vrSimStream;

/* Seed prng with seed directly (stream 0). */
void vrSimPrngInit(vrSimPrng *prng, guint64 seed);

/* Seed prng with stream `stream` of seed: the same pair always gives the
 * same sequence, different streams give unrelated ones. */
void vrSimPrngInitStream(vrSimPrng *prng, guint64 seed, vrSimStream stream);

/* The next 64 random bits. */
guint64 vrSimPrngNext(vrSimPrng *prng);

/* Uniform in [0, bound) without modulo bias; bound 0 gives 0. */
guint64 vrSimPrngBelow(vrSimPrng *prng, guint64 bound);

/* Uniform in [0, 1) with 53 bits of precision. */
double vrSimPrngUnit(vrSimPrng *prng);

/* Fill buf with len random bytes. */
void vrSimPrngFill(vrSimPrng *prng, unsigned char *buf, size_t len);

/* Make prng the process's UUID (and so MAC) byte source (util/uuid.h).
 * Process-wide: the most recent caller wins.  prng must stay valid until
 * vrSimPrngReleaseUUIDs(prng); only UUID generation touches it meanwhile
 * (under util/uuid.c's lock). */
void vrSimPrngUseForUUIDs(vrSimPrng *prng);

/* prng is no longer a source: the stream installed before it that is
 * still in use takes over again, else the system source. */
void vrSimPrngReleaseUUIDs(vrSimPrng *prng);

#endif /* VR_SIM_PRNG_H */
