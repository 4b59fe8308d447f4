/* UUIDs: random (version 4) generation with a replaceable byte source for
 * the deterministic simulation, and libvirt's string forms. */
#ifndef VR_UUID_H
#define VR_UUID_H

#include <stdbool.h>
#include <stddef.h>
#include "vireo/vireo.h"

/* Fills buf with len bytes; used instead of the system's randomness once
 * set (the simulation supplies seeded bytes). */
typedef void (*vrUUIDGeneratorFunc)(unsigned char *buf, size_t len, void *opaque);

/* Install fn as the byte source for vrUUIDGenerate; fn == NULL restores
 * the system source (getrandom).  Process-wide. */
void vrUUIDSetGenerator(vrUUIDGeneratorFunc fn, void *opaque);

/* A new random UUID: bytes from the current source, with the RFC 4122
 * version (4) and variant bits set, as libvirt's virUUIDGenerate. */
void vrUUIDGenerate(unsigned char uuid[VIR_UUID_BUFLEN]);

/* Parse libvirt's forms: 32 hex digits (either case), '-' or ' ' allowed
 * between byte pairs, surrounding whitespace ignored.  Returns 0 and fills
 * uuid, or -1 (uuid untouched).  Reports nothing: callers name the field
 * ("malformed uuid element"). */
int vrUUIDParse(const char *str, unsigned char uuid[VIR_UUID_BUFLEN]);

/* Writes the 2 * n lower-case hex digits of in to out (no terminator);
 * returns the end.  The formatters' hot path, cheaper than printf. */
char *vrHexWrite(char *out, const unsigned char *in, size_t n);

/* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" in lower case; returns out. */
const char *vrUUIDFormat(const unsigned char uuid[VIR_UUID_BUFLEN],
                         char out[VIR_UUID_STRING_BUFLEN]);

/* False when all 16 bytes are equal (all zero, all 0xff, ...), as libvirt's
 * virUUIDIsValid. */
bool vrUUIDIsValid(const unsigned char uuid[VIR_UUID_BUFLEN]);

#endif /* VR_UUID_H */
