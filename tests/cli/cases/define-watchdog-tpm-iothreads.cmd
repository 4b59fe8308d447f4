"define @DATA@/wd-tpm.xml; dumpxml wdtpm; dumpxml --inactive wdtpm"
