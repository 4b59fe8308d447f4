VIREO_DEFAULT_URI=sim:///default?private=1 @NOURI@ uri
