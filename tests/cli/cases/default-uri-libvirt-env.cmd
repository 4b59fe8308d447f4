LIBVIRT_DEFAULT_URI=test:///default @NOURI@ uri
