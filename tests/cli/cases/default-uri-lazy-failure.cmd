VIREO_DEFAULT_URI=foo:///x @NOURI@ "echo first; uri; uri"
