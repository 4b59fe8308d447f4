@NOURI@ "help; uri"
