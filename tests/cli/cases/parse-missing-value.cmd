"domid --domain"
