#!/usr/bin/python3
"""Capture golden outputs for tests/data/network from the real libvirt 9.0
test driver (python3-libvirt), each case on a fresh test:///default:

  NAME.xml -> NAME.out.xml   virsh net-define + net-dumpxml
              NAME.err       "VIR_ERR_XXX: message" when net-define fails

Usage: capture-network.py DIR NAME...
Valid cases must fix <uuid>: libvirt generates a random one otherwise.
"""
import os
import sys

import libvirt

CODES = {getattr(libvirt, n): n for n in dir(libvirt)
         if n.startswith('VIR_ERR_')
         and n not in ('VIR_ERR_NONE', 'VIR_ERR_WARNING', 'VIR_ERR_ERROR')}


def capture(directory, name):
    base = os.path.join(directory, name)
    with open(base + '.xml', 'rb') as f:
        xml = f.read().decode('utf-8')
    conn = libvirt.open('test:///default')
    try:
        net = conn.networkDefineXML(xml)
    except libvirt.libvirtError as e:
        with open(base + '.err', 'w') as f:
            f.write('%s: %s\n' % (CODES.get(e.get_error_code()), e.get_error_message()))
        return
    with open(base + '.out.xml', 'w') as f:
        f.write(net.XMLDesc(0))
    conn.close()


def main():
    libvirt.registerErrorHandler(lambda c, e: None, None)
    for name in sys.argv[2:]:
        capture(sys.argv[1], name)


if __name__ == '__main__':
    main()
