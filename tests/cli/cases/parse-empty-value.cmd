"domid --domain="
