@NOURI@ "uri; list"
