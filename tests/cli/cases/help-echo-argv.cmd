"help echo"
