"hostname; uri"
