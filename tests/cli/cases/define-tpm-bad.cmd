"define @DATA@/tpm-bad.xml; list --all"
